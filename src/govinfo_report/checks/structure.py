"""What the validator sees in a report's structure: the parser's own diagnostics (a row printed
out of order recognised as such), sections and tables the report lacks, a template that does
not fit the year, counts that cannot be counts, and cells the template asks a number for that
are printed blank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from .. import diagnostics as diag
from ..reading.labels import fold, label_score
from ..template.formats import section_titles_of, table_spec
from .cells import ReportCells
from .findings import Finding, Key, at_cell, cell_name, cell_name_zh, column_name_zh, message_fields


def structure_findings(cells: ReportCells) -> list[Finding]:
    """The parser's diagnostics, plus what the validator sees in the report's structure."""
    parsed = [Finding.from_diagnostic(d) for d in cells.report.diagnostics]
    findings = _out_of_order(cells, parsed)
    findings += _missing_parts(cells, parsed)
    mismatch = _format_year(cells)
    if mismatch is not None:
        findings.append(mismatch)
    return findings


def _out_of_order(cells: ReportCells, parsed: list[Finding]) -> list[Finding]:
    """The parser's findings, where an unknown row that names a missing row is that row printed
    out of the template's order: one ``row-out-of-order`` finding replaces the two."""
    missing = {(f.table, f.row): f for f in parsed if f.code == "missing-row" and f.table and f.row}
    replaced: dict[int, Finding] = {}
    dropped: set[int] = set()
    for index, f in enumerate(parsed):
        if f.code != "unknown-row" or f.table not in ("requests", "active_disclosure"):
            continue
        label = message_fields(f).get("label", "")
        names = _rows_named(cells, f.table, fold(label), missing)
        if len(names) != 1:
            continue
        table, row = names[0]
        made = diag.make(
            "row-out-of-order", table=table, row=row, line=f.line, label=label, printed_at=f.line or "?"
        )
        replaced[index] = Finding.from_diagnostic(made)
        dropped.add(id(missing.pop(names[0])))
    return [replaced.get(i, f) for i, f in enumerate(parsed) if id(f) not in dropped]


def _rows_named(
    cells: ReportCells, table: str, folded: str, missing: Iterable[tuple[str | None, str | None]]
) -> list[tuple[str, str]]:
    """The missing rows of ``table`` whose label the folded label run names exactly."""
    if not folded:
        return []
    spec = table_spec(cells.report.format, table)
    found = []
    for key_table, row in missing:
        if key_table != table or row is None or not any(r.id == row for r in spec.rows):
            continue
        forms = tuple(dict.fromkeys(fold(x) for x in spec.row(row).spellings))
        if label_score(folded, forms, exact_only=True):
            found.append((table, row))
    return found


def _missing_parts(cells: ReportCells, parsed: Sequence[Finding]) -> list[Finding]:
    """Sections and tables the report lacks, when the parser has not said so already."""
    report = cells.report
    findings = []
    said_sections = {message_fields(f).get("number") for f in parsed if f.code == "missing-section"}
    for number, heading in section_titles_of(report.format).items():
        if report.section(number) is None and str(number) not in said_sections:
            findings.append(
                Finding.from_diagnostic(diag.make("missing-section", number=number, heading=heading))
            )
    if cells.base not in ("2019", "2021"):
        return findings
    said_tables = {f.table for f in parsed if f.code in ("missing-table", "table-format-unknown")}
    for table in ("active_disclosure", "requests", "review_litigation"):
        spec = table_spec(report.format, table)
        if getattr(report, table) is None and table not in said_tables and report.section(spec.section or 0):
            made = diag.make("missing-table", table=table, table_zh=spec.name_zh)
            findings.append(Finding.from_diagnostic(made))
    return findings


_FORMAT_ZH = {
    "2019": "2019 年版模板（国办公开办函〔2019〕60号）",
    "2021": "2021 年版模板（国办公开办函〔2021〕30号）",
}


def _format_year(cells: ReportCells) -> Finding | None:
    """Reports for 2019 and 2020 use the 2019 template, reports from 2021 on the 2021 one."""
    year = cells.report.year
    if year is None or cells.base not in _FORMAT_ZH:
        return None
    if cells.base == "2019" and year >= 2021:
        expected = "2021"
    elif cells.base == "2021" and year in (2019, 2020) and _proves_2021(cells):
        expected = "2019"
    else:
        return None
    made = diag.make(
        "format-year-mismatch",
        format=cells.base,
        format_zh=_FORMAT_ZH[cells.base],
        year=year,
        expected=expected,
        expected_zh=_FORMAT_ZH[expected],
    )
    return Finding.from_diagnostic(made)


def _proves_2021(cells: ReportCells) -> bool:
    """The 2021 format is also the parser's fallback when no template wording was seen: only
    the 2021 table 二 or the rows that only 2021 prints (（六）'s three sub-rows) prove it."""
    spec = table_spec(cells.report.format, "requests")
    sub_rows = {r for members in spec.alternatives().values() for r in members}
    has_sub_rows = any(
        cells.get(k) is not None for k in cells.values if k[0] == "requests" and k[1] in sub_rows
    )
    has_active = any(v is not None for k, v in cells.values.items() if k[0] == "active_disclosure")
    return has_sub_rows or has_active


def invalid_counts(cells: ReportCells) -> list[Finding]:
    """Counts in tables 三 and 四 are whole numbers, 0 or more (a report read from JSON may hold
    anything)."""
    findings = []
    for key, value in cells.values.items():
        if value is None or (type(value) is int and value >= 0) or key[0] == "active_disclosure":
            continue
        if value < 0 or (isinstance(value, Decimal) and value != value.to_integral_value()):
            made = at_cell("invalid-count", *key, line=cells.lines.get(key), value=value)
            findings.append(Finding.from_diagnostic(made, actual=value))
    return findings


# --- blank cells ---------------------------------------------------------------------------------


def _expected_keys(cells: ReportCells, table: str) -> list[Key]:
    """The cells of ``table`` the report's template prints (a variant's extra rows included)."""
    extra = cells.extra.get(table, ())
    if table in ("requests", "review_litigation"):
        printed = cells.printed(table)
        keys = [(table, r, c) for r in printed.rows for c in printed.spec.row(r).columns]
    elif cells.base in ("2019", "2021"):
        keys = [k for k in cells.values if k[0] == table and k[1] not in extra]
    else:
        keys = []
    if extra:
        keys += [k for k in cells.values if k[0] == table and k[1] in extra]
    return keys


def blank_cells(cells: ReportCells) -> list[Finding]:
    """Cells the template asks a number for but the report prints blank: one finding per table."""
    findings = []
    for table in ("active_disclosure", "requests", "review_litigation"):
        if getattr(cells.report, table) is None or cells.explained(table, None):
            continue
        keys = _expected_keys(cells, table)
        blank = [k for k in keys if cells.get(k) is None and not cells.explained(table, k[1])]
        if not blank:
            continue
        where_zh, where = BlankCells(table, keys, blank).describe()
        made = diag.make(
            "blank-cells",
            table=table,
            row=blank[0][1],
            column=blank[0][2],
            line=cells.lines.get(blank[0]),
            table_zh=table_spec(cells.report.format, table).name_zh,
            count=len(blank),
            where=where,
            where_zh=where_zh,
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(cells.ref(k) for k in blank)))
    return findings


class BlankCells:
    """The blank cells of one table, described the way an editor reads them: whole columns,
    then whole rows, then single cells."""

    def __init__(self, table: str, keys: Sequence[Key], blank: Sequence[Key]) -> None:
        self.table, self.keys, self.blank = table, keys, blank
        self.blank_set, self.key_set = set(blank), set(keys)
        self.rows = list(dict.fromkeys(k[1] for k in keys))
        self.columns = list(dict.fromkeys(k[2] for k in keys))

    def _printed(self, row: str, column: str) -> bool:
        return (self.table, row, column) in self.key_set

    def _is_blank(self, row: str, column: str) -> bool:
        return (self.table, row, column) in self.blank_set

    def whole_columns(self) -> list[str]:
        return [
            c
            for c in self.columns
            if sum(self._printed(r, c) for r in self.rows) > 1
            and all(self._is_blank(r, c) for r in self.rows if self._printed(r, c))
        ]

    def whole_rows(self, covered: set[Key]) -> list[str]:
        """Rows blank throughout, not already covered by the whole columns."""
        return [
            r
            for r in self.rows
            if sum(self._printed(r, c) for c in self.columns) > 1
            and all(self._is_blank(r, c) for c in self.columns if self._printed(r, c))
            and any((self.table, r, c) not in covered for c in self.columns if self._printed(r, c))
        ]

    def describe(self) -> tuple[str, str]:
        """The description in Chinese and in ids."""
        columns = self.whole_columns()
        covered = {k for k in self.blank if k[2] in columns}
        rows = self.whole_rows(covered)
        covered |= {k for k in self.blank if k[1] in rows}
        rest = [k for k in self.blank if k not in covered]
        zh: list[str] = []
        en: list[str] = []
        if columns:
            zh.append("、".join(column_name_zh(self.table, c) for c in columns) + " 列全部空白")
            en.append("columns " + ", ".join(columns) + " entirely")
        if rows:
            zh.append("、".join(cell_name_zh(self.table, r) for r in rows) + " 行全部空白")
            en.append("rows " + ", ".join(rows) + " entirely")
        shown = rest[:6]
        if shown:
            more = len(rest) > len(shown)
            zh.append("、".join(cell_name_zh(*k) for k in shown) + ("等" if more else ""))
            en.append(", ".join(cell_name(*k) for k in shown) + (" …" if more else ""))
        return "；".join(zh), "; ".join(en)
