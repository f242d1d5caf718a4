"""Validation: the template's arithmetic (勾稽关系) and structure rules, reported cell by cell.

:func:`validate` never changes a number. It returns every finding about a report — the parser's
diagnostics included, so one run says everything — each naming the cells involved (with their
source lines) and, for arithmetic, the number the report prints and the number the rule asks for.

A blank cell is not 0. A rule with a blank operand is "cannot check" (info), aggregated to one
finding per rule, never a failure — except when the filled-in parts of a sum already exceed its
total: counts are never negative, so no value of the blanks could make that sum right.

Likely causes (a number split over two cells, a row shifted by one column) are suggested as
info findings when the arithmetic singles them out; the repair is never applied.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

import attrs

from .. import diagnostics as diag
from ..model import Diagnostic, Report, Value, table_layout
from ..reading.labels import fold, label_score
from ..reading.skeleton import SECTION_TITLES
from ..template.spec import (
    OTHER_SUBROWS,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_BLOCKS,
    REVIEW_OUTCOMES,
    TableSpec,
)
from .findings import (
    REQUEST_COLUMN_NAMES_ZH,
    REQUEST_ROW_NAMES_ZH,
    REVIEW_BLOCK_NAMES_ZH,
    RULES_EN,
    RULES_ZH,
    TABLE_NAMES_ZH,
    CellRef,
    Finding,
    Key,
    ValidationResult,
    cell_name,
    cell_name_zh,
    column_name_zh,
    message_fields,
)
from .prose import check_prose

# --- the checks -------------------------------------------------------------------------------------


@attrs.frozen
class _Check:
    """target = Σ plus − Σ minus. ``optional`` are a regional variant's extra rows, which may or
    may not be part of the sum: the check passes if it holds with or without them."""

    rule: str
    target: Key
    plus: tuple[Key, ...]
    minus: tuple[Key, ...] = ()
    optional: tuple[Key, ...] = ()

    @property
    def keys(self) -> tuple[Key, ...]:
        return (self.target, *self.plus, *self.minus, *self.optional)

    @property
    def name(self) -> str:
        """What a "cannot check" list calls this check: a column, a row or a block."""
        _, row, column = self.target
        if self.rule in ("requests-balance", "requests-results-sum"):
            return REQUEST_COLUMN_NAMES_ZH[column]
        if self.rule == "requests-row-sum":
            return REQUEST_ROW_NAMES_ZH.get(row, row)
        return REVIEW_BLOCK_NAMES_ZH.get(row, row)


_APPLICANTS = REQUEST_COLUMNS[:-1]


def request_rows(collapsed: bool) -> tuple[str, ...]:
    """The table 三 rows a report prints: （六） as one row (``collapsed``) or as three."""
    skip = set(OTHER_SUBROWS) if collapsed else {"other_processing"}
    return tuple(r for r in REQUEST_ROWS if r not in skip)


@functools.cache
def _request_checks(collapsed: bool, extra: tuple[str, ...] = ()) -> tuple[_Check, ...]:
    """The checks of table 三; ``extra`` are rows a regional variant adds to it."""
    rows = request_rows(collapsed)
    leaves = tuple(r for r in rows[2:] if r not in ("total_processed", "carried_forward"))
    checks: list[_Check] = []
    for c in REQUEST_COLUMNS:
        checks.append(
            _Check(
                "requests-balance",
                ("requests", "total_processed", c),
                (("requests", "new_received", c), ("requests", "carried_over", c)),
                (("requests", "carried_forward", c),),
            )
        )
    for c in REQUEST_COLUMNS:
        checks.append(
            _Check(
                "requests-results-sum",
                ("requests", "total_processed", c),
                tuple(("requests", r, c) for r in leaves),
                optional=tuple(("requests", r, c) for r in extra),
            )
        )
    for r in (*rows, *extra):
        checks.append(
            _Check(
                "requests-row-sum", ("requests", r, "total"), tuple(("requests", r, c) for c in _APPLICANTS)
            )
        )
    return tuple(checks)


_REVIEW_CHECKS: tuple[_Check, ...] = tuple(
    _Check(
        "review-block-sum",
        ("review_litigation", b, "total"),
        tuple(("review_litigation", b, o) for o in REVIEW_OUTCOMES[:-1]),
    )
    for b in REVIEW_BLOCKS
)

Status = Literal["pass", "fail", "bound", "unknown"]


@attrs.frozen
class _Outcome:
    status: Status
    expected: Value  # for "bound": what the filled-in parts already add up to
    actual: Value


def _evaluate(check: _Check, get: Callable[[Key], Value]) -> _Outcome:
    outcome = _evaluate_sum(check.target, check.plus, check.minus, get)
    if check.optional and outcome.status in ("fail", "bound"):
        with_extra = _evaluate_sum(check.target, check.plus + check.optional, check.minus, get)
        if with_extra.status == "pass":
            return with_extra
    return outcome


def _evaluate_sum(
    target: Key, plus_keys: tuple[Key, ...], minus_keys: tuple[Key, ...], get: Callable[[Key], Value]
) -> _Outcome:
    actual = get(target)
    plus = list(map(get, plus_keys))
    minus = list(map(get, minus_keys))
    if actual is None or None in plus or None in minus:
        if actual is not None and not minus:
            known = sum(v for v in plus if v is not None)
            if known > actual:
                return _Outcome("bound", known, actual)
        return _Outcome("unknown", None, actual)
    expected = sum(v for v in plus if v is not None) - sum(v for v in minus if v is not None)
    return _Outcome("pass" if expected == actual else "fail", expected, actual)


def _failed(outcome: _Outcome) -> bool:
    return outcome.status in ("fail", "bound")


# --- the validator ------------------------------------------------------------------------------


@attrs.define
class _Context:
    """One report's cells, flattened for the checks."""

    report: Report
    base: str  # the built-in format the report's format builds on: "2021", "2019" or "other"
    values: dict[Key, Value]
    lines: dict[Key, int | None]
    extra: dict[str, tuple[str, ...]]  # table -> rows a regional variant adds
    collapsed: bool
    notes: dict[tuple[str, str | None], set[str]]  # (table, row) -> codes of the parser's warnings

    def get(self, key: Key) -> Value:
        return self.values.get(key)

    def ref(self, key: Key) -> CellRef:
        return CellRef(key[0], key[1], key[2], self.lines.get(key))


def _at_cell(
    code: str, table: str, row: str, column: str | None = None, *, line: int | None, **fields: Any
) -> Diagnostic:
    """The diagnostic ``code`` about one cell (or row), its name in ids and in Chinese filled in."""
    return diag.make(
        code,
        table=table,
        row=row,
        column=column,
        line=line,
        cell=cell_name(table, row, column),
        cell_zh=cell_name_zh(table, row, column),
        **fields,
    )


def _flatten(report: Report) -> tuple[dict[Key, Value], dict[Key, int | None], dict[str, tuple[str, ...]]]:
    """Every cell by (table, row, column), its line, and the extra rows of a regional variant."""
    values: dict[Key, Value] = {}
    lines: dict[Key, int | None] = {}
    extra: dict[str, tuple[str, ...]] = {}
    for table in ("active_disclosure", "requests", "review_litigation"):
        source = getattr(report, table)
        if source is None:
            continue
        for row_id, columns in table_layout(type(source)):
            row = getattr(source, row_id)
            for column in columns:
                cell = getattr(row, column)
                values[table, row_id, column] = cell.value
                lines[table, row_id, column] = cell.line
        extra_rows = getattr(source, "extra_rows", None) or {}
        for row_id, cells in extra_rows.items():
            for column, cell in cells.items():
                values[table, row_id, column] = cell.value
                lines[table, row_id, column] = cell.line
        if extra_rows:
            extra[table] = tuple(extra_rows)
    return values, lines, extra


def base_format(name: str) -> str:
    """The built-in format (``"2021"``, ``"2019"`` or ``"other"``) a format name builds on."""
    if name in ("2021", "2019", "other"):
        return name
    try:
        from ..template.formats import get_format

        return get_format(name).base
    except Exception:  # an unknown or broken variant: judge its tables as format 2021
        return "2021"


def _is_collapsed(report: Report, base: str, values: Mapping[Key, Value]) -> bool:
    """Whether table 三 prints （六）其他处理 as one row (format 2019, and some 2021 reports)."""
    has_single = any(values.get(("requests", "other_processing", c)) is not None for c in REQUEST_COLUMNS)
    has_three = any(
        values.get(("requests", r, c)) is not None for r in OTHER_SUBROWS for c in REQUEST_COLUMNS
    )
    if has_single != has_three:
        return has_single
    return base == "2019" or any(d.code == "other-processing-single-row" for d in report.diagnostics)


def validate(report: Report, *, text: str | None = None, previous: Report | None = None) -> ValidationResult:
    """Every 勾稽关系 and template rule of ``report``, as findings (never raises for a report).

    ``text`` is the text the report was parsed from; with it, findings about the prose point at
    their exact line. ``previous`` is the same body's report for the year before: its
    carried-forward numbers are compared with this report's carried-over ones
    (:func:`check_continuity`).
    """
    if not isinstance(report, Report):
        raise TypeError(f"validate() takes a Report, not {type(report).__name__}")
    values, lines, extra = _flatten(report)
    notes: dict[tuple[str, str | None], set[str]] = {}
    for d in report.diagnostics:
        if d.table is not None and d.severity == "warning" and d.code != "unknown-row":
            notes.setdefault((d.table, d.row), set()).add(d.code)
    base = base_format(report.format)
    ctx = _Context(report, base, values, lines, extra, _is_collapsed(report, base, values), notes)

    findings = _structure(ctx)
    findings += _invalid_counts(ctx)
    findings += _blank_cells(ctx)
    request_extra = tuple(r for r in extra.get("requests", ()) if _full_row(ctx, r))
    checks = (_request_checks(ctx.collapsed, request_extra) if report.requests is not None else ()) + (
        _REVIEW_CHECKS if report.review_litigation is not None else ()
    )
    outcomes = [_evaluate(c, values.get) for c in checks]
    findings += [_arithmetic_finding(ctx, c, o) for c, o in zip(checks, outcomes, strict=True) if _failed(o)]
    if any(_failed(o) for o in outcomes):
        findings += _shift_hints(ctx, checks, outcomes)
    findings += _split_hints(ctx, checks)

    findings += check_prose(report, text)
    findings += _cannot_check(ctx, checks, outcomes)
    result = ValidationResult(tuple(findings))
    if previous is not None:
        result = check_continuity(previous, report) + result
    return result


def _full_row(ctx: _Context, row: str) -> bool:
    return all(("requests", row, c) in ctx.values for c in REQUEST_COLUMNS)


# --- structure ----------------------------------------------------------------------------------


def _spec(report: Report, table: str) -> TableSpec | None:
    """The vocabulary the report's format reads a labelled table with."""
    try:
        from ..template.formats import get_format

        return get_format("2021" if report.format == "other" else report.format).tables[table]
    except Exception:
        return None


def _row_forms(spec: TableSpec, row: str) -> tuple[str, ...]:
    try:
        row_spec = spec.row(row)
    except KeyError:
        return ()
    return tuple(dict.fromkeys(fold(x) for x in (row_spec.label, *row_spec.aliases)))


def _structure(ctx: _Context) -> list[Finding]:
    """The parser's diagnostics, plus what the validator sees in the report's structure."""
    report = ctx.report
    parsed = [Finding.from_diagnostic(d) for d in report.diagnostics]

    # A row printed out of order shows up as an unknown row that names a missing one.
    missing = {(f.table, f.row): f for f in parsed if f.code == "missing-row" and f.table and f.row}
    replaced: dict[int, Finding] = {}
    dropped: set[int] = set()
    for index, f in enumerate(parsed):
        if f.code != "unknown-row" or f.table not in ("requests", "active_disclosure"):
            continue
        spec = _spec(report, f.table)
        label = message_fields(f).get("label", "")
        folded = fold(label)
        names = [
            key
            for key in missing
            if spec is not None
            and key[0] == f.table
            and folded
            and label_score(folded, _row_forms(spec, str(key[1])), exact_only=True)
        ]
        if len(names) != 1:
            continue
        table, row = names[0]
        assert row is not None
        made = diag.make(
            "row-out-of-order", table=table, row=row, line=f.line, label=label, printed_at=f.line or "?"
        )
        replaced[index] = Finding.from_diagnostic(made)
        dropped.add(id(missing.pop(names[0])))
    findings = [replaced.get(i, f) for i, f in enumerate(parsed) if id(f) not in dropped]

    # Sections and tables the report lacks, when the parser has not said so already.
    said_sections = {message_fields(f).get("number") for f in parsed if f.code == "missing-section"}
    for number, heading in SECTION_TITLES.items():
        if report.section(number) is None and str(number) not in said_sections:
            findings.append(
                Finding.from_diagnostic(diag.make("missing-section", number=number, heading=heading))
            )
    said_tables = {f.table for f in parsed if f.code in ("missing-table", "table-format-unknown")}
    if ctx.base in ("2019", "2021"):
        expected_tables = [("active_disclosure", 2), ("requests", 3), ("review_litigation", 4)]
        for table, number in expected_tables:
            if (
                getattr(report, table) is None
                and table not in said_tables
                and report.section(number) is not None
            ):
                made = diag.make("missing-table", table=table, table_zh=TABLE_NAMES_ZH[table])
                findings.append(Finding.from_diagnostic(made))

    mismatch = _format_year(ctx)
    if mismatch is not None:
        findings.append(mismatch)
    return findings


_FORMAT_ZH = {
    "2019": "2019 年版模板（国办公开办函〔2019〕60号）",
    "2021": "2021 年版模板（国办公开办函〔2021〕30号）",
}


def _format_year(ctx: _Context) -> Finding | None:
    """Reports for 2019 and 2020 use the 2019 template, reports from 2021 on the 2021 one."""
    report = ctx.report
    year = report.year
    if year is None or ctx.base not in _FORMAT_ZH:
        return None
    if ctx.base == "2019" and year >= 2021:
        expected = "2021"
    elif ctx.base == "2021" and year in (2019, 2020):
        # The 2021 format is also the parser's fallback when no template wording was seen:
        # only the 2021 table 二 or the three （六） sub-rows prove the 2021 template.
        has_three = any(
            ctx.get(("requests", r, c)) is not None for r in OTHER_SUBROWS for c in REQUEST_COLUMNS
        )
        has_active = any(v is not None for k, v in ctx.values.items() if k[0] == "active_disclosure")
        if not (has_three or has_active):
            return None
        expected = "2019"
    else:
        return None
    made = diag.make(
        "format-year-mismatch",
        format=ctx.base,
        format_zh=_FORMAT_ZH[ctx.base],
        year=year,
        expected=expected,
        expected_zh=_FORMAT_ZH[expected],
    )
    return Finding.from_diagnostic(made)


def _invalid_counts(ctx: _Context) -> list[Finding]:
    """Counts in tables 三 and 四 are whole numbers, 0 or more (a report read from JSON may hold
    anything)."""
    findings = []
    for key, value in ctx.values.items():
        if value is None or (type(value) is int and value >= 0) or key[0] == "active_disclosure":
            continue
        if value < 0 or (isinstance(value, Decimal) and value != value.to_integral_value()):
            made = _at_cell("invalid-count", *key, line=ctx.lines.get(key), value=value)
            findings.append(Finding.from_diagnostic(made, actual=value))
    return findings


def _explained(ctx: _Context, table: str, row: str | None) -> bool:
    """Whether the parser already said why cells of this row (``row`` None: of the whole table)
    are blank: every parser warning about a row or a table is about cells it could not read."""
    return bool(ctx.notes.get((table, row)))


@functools.cache
def _template_keys(table: str, collapsed: bool) -> tuple[Key, ...]:
    if table == "requests":
        return tuple(("requests", r, c) for r in request_rows(collapsed) for c in REQUEST_COLUMNS)
    return tuple(("review_litigation", b, o) for b in REVIEW_BLOCKS for o in REVIEW_OUTCOMES)


def _expected_keys(ctx: _Context, table: str) -> list[Key]:
    """The cells of ``table`` the report's template prints (a variant's extra rows included)."""
    extra = ctx.extra.get(table, ())
    if table in ("requests", "review_litigation"):
        keys = list(_template_keys(table, ctx.collapsed))
    elif ctx.base in ("2019", "2021"):
        keys = [k for k in ctx.values if k[0] == table and k[1] not in extra]
    else:
        keys = []
    if extra:
        keys += [k for k in ctx.values if k[0] == table and k[1] in extra]
    return keys


def _blank_cells(ctx: _Context) -> list[Finding]:
    """Cells the template asks a number for but the report prints blank: one finding per table."""
    findings = []
    for table in ("active_disclosure", "requests", "review_litigation"):
        if getattr(ctx.report, table) is None or _explained(ctx, table, None):
            continue
        keys = _expected_keys(ctx, table)
        blank = [k for k in keys if ctx.values.get(k) is None and not _explained(ctx, table, k[1])]
        if not blank:
            continue
        where_zh, where = _describe_blanks(table, keys, blank)
        made = diag.make(
            "blank-cells",
            table=table,
            row=blank[0][1],
            column=blank[0][2],
            line=ctx.lines.get(blank[0]),
            table_zh=TABLE_NAMES_ZH[table],
            count=len(blank),
            where=where,
            where_zh=where_zh,
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(ctx.ref(k) for k in blank)))
    return findings


def _describe_blanks(table: str, keys: Sequence[Key], blank: Sequence[Key]) -> tuple[str, str]:
    """Whole columns, whole rows, then single cells, in the report's words and in ids."""
    blank_set, key_set = set(blank), set(keys)
    rows = list(dict.fromkeys(k[1] for k in keys))
    columns = list(dict.fromkeys(k[2] for k in keys))
    whole_columns = [
        c
        for c in columns
        if sum((table, r, c) in key_set for r in rows) > 1
        and all((table, r, c) in blank_set for r in rows if (table, r, c) in key_set)
    ]
    covered = {k for k in blank if k[2] in whole_columns}
    whole_rows = [
        r
        for r in rows
        if sum((table, r, c) in key_set for c in columns) > 1
        and all((table, r, c) in blank_set for c in columns if (table, r, c) in key_set)
        and any((table, r, c) not in covered for c in columns if (table, r, c) in key_set)
    ]
    covered |= {k for k in blank if k[1] in whole_rows}
    rest = [k for k in blank if k not in covered]
    zh: list[str] = []
    en: list[str] = []
    if whole_columns:
        zh.append("、".join(column_name_zh(table, c) for c in whole_columns) + " 列全部空白")
        en.append("columns " + ", ".join(whole_columns) + " entirely")
    if whole_rows:
        zh.append("、".join(cell_name_zh(table, r) for r in whole_rows) + " 行全部空白")
        en.append("rows " + ", ".join(whole_rows) + " entirely")
    shown = rest[:6]
    if shown:
        more = len(rest) > len(shown)
        zh.append("、".join(cell_name_zh(*k) for k in shown) + ("等" if more else ""))
        en.append(", ".join(cell_name(*k) for k in shown) + (" …" if more else ""))
    return "；".join(zh), "; ".join(en)


# --- arithmetic -----------------------------------------------------------------------------------


def _arithmetic_finding(ctx: _Context, check: _Check, outcome: _Outcome) -> Finding:
    key = check.target
    actual, expected = outcome.actual, outcome.expected
    assert actual is not None and expected is not None
    if outcome.status == "bound":
        reason_zh = f"但已填写的各项之和已为 {expected}（其余空白），超过报告值"
        reason = f"but the parts that are filled in already add up to {expected} (the rest are blank)"
    else:
        diff = abs(actual - expected)
        reason_zh = f"按“{_FORMULA_ZH[check.rule]}”应为 {expected}，相差 {diff}"
        reason = f"but {_FORMULA_EN[check.rule]} gives {expected}; difference {diff}"
        detail_zh, detail = _detail(ctx, check)
        if detail_zh:
            reason_zh += f"（{detail_zh}）"
            reason += f" ({detail})"
    made = _at_cell(
        check.rule,
        *key,
        line=ctx.lines.get(key),
        actual=actual,
        reason=reason,
        reason_zh=reason_zh,
    )
    return Finding.from_diagnostic(
        made,
        cells=tuple(ctx.ref(k) for k in check.keys),
        expected=expected,
        actual=actual,
    )


_FORMULA_ZH = {
    "requests-balance": "一+二−四",
    "requests-results-sum": "（一）至（六）各项之和",
    "requests-row-sum": "自然人与法人或其他组织各列之和",
    "review-block-sum": "维持+纠正+其他+尚未审结",
}
_FORMULA_EN = {
    "requests-balance": "new_received + carried_over − carried_forward",
    "requests-results-sum": "the sum of the result rows",
    "requests-row-sum": "the sum of the six applicant columns",
    "review-block-sum": "upheld + corrected + other + pending",
}


def _detail(ctx: _Context, check: _Check) -> tuple[str, str]:
    """The operands, briefly: all of them for short sums, the non-zero ones for table 三's
    result rows."""
    get = ctx.get
    if check.rule == "requests-balance":
        a, b, c = (get(k) for k in (*check.plus, *check.minus))
        return f"一={a}，二={b}，四={c}", f"{a} + {b} − {c}"
    if check.rule == "requests-results-sum":
        nonzero = [(k, get(k)) for k in check.plus if get(k)]
        if not nonzero or len(nonzero) > 8:
            return "", ""
        return (
            "非零项："
            + "，".join(f"{REQUEST_ROW_NAMES_ZH[k[1]].removeprefix('三、')} {v}" for k, v in nonzero),
            "non-zero: " + ", ".join(f"{k[1]} {v}" for k, v in nonzero),
        )
    parts = [get(k) for k in check.plus]
    return "+".join(str(v) for v in parts), " + ".join(str(v) for v in parts)


def _cannot_check(ctx: _Context, checks: Sequence[_Check], outcomes: Sequence[_Outcome]) -> list[Finding]:
    """One info per rule that could not be applied everywhere, with the blank cells that stopped
    it."""
    by_rule: dict[str, list[_Check]] = {}
    for check, outcome in zip(checks, outcomes, strict=True):
        if outcome.status == "unknown":
            by_rule.setdefault(check.rule, []).append(check)
    findings = []
    for rule, unchecked in by_rule.items():
        blanks = list(dict.fromkeys(k for c in unchecked for k in c.keys if ctx.get(k) is None))
        names = [c.name for c in unchecked]
        shown = "、".join(names[:7]) + ("等" if len(names) > 7 else "")
        shown_en = ", ".join(cell_name(*c.target) for c in unchecked[:7]) + (" …" if len(names) > 7 else "")
        made = diag.make(
            "cannot-check",
            table=unchecked[0].target[0],
            rule=RULES_EN[rule],
            rule_zh=RULES_ZH[rule],
            count=len(unchecked),
            where=shown_en,
            where_zh=shown,
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(ctx.ref(k) for k in blanks), rule=rule))
    return findings


# --- likely causes ----------------------------------------------------------------------------------


def _checks_by_row(checks: Sequence[_Check]) -> dict[tuple[str, str], list[int]]:
    index: dict[tuple[str, str], list[int]] = {}
    for i, check in enumerate(checks):
        for row in dict.fromkeys((k[0], k[1]) for k in check.keys):
            index.setdefault(row, []).append(i)
    return index


def _shift_hints(ctx: _Context, checks: Sequence[_Check], outcomes: Sequence[_Outcome]) -> list[Finding]:
    """A table 三 row whose values, moved back by one column, make the failing checks it is in
    add up (at least two of them, and none left failing)."""
    by_row = _checks_by_row(checks)
    findings = []
    for (table, row), involved in by_row.items():
        if table != "requests" or not any(_failed(outcomes[i]) for i in involved):
            continue
        keys = [(table, row, c) for c in REQUEST_COLUMNS]
        printed = [ctx.get(k) for k in keys]
        if all(v is None for v in printed):
            continue
        fits = []
        for direction in ("right", "left"):  # the way the values must move to fit
            if direction == "right":
                dropped, moved = printed[-1], [None, *printed[:-1]]
            else:
                dropped, moved = printed[0], [*printed[1:], None]
            if dropped not in (None, 0):
                continue
            override = dict(zip(keys, moved, strict=True))

            def get(key: Key, override: dict[Key, Value] = override) -> Value:
                return override[key] if key in override else ctx.get(key)

            after = [_evaluate(checks[i], get) for i in involved]
            fixed = sum(
                1 for i, o in zip(involved, after, strict=True) if _failed(outcomes[i]) and o.status == "pass"
            )
            if fixed >= 2 and not any(_failed(o) for o in after):
                fits.append((direction, fixed))
        if len(fits) != 1:
            continue
        direction, fixed = fits[0]
        printed_as = "left" if direction == "right" else "right"
        made = _at_cell(
            "likely-shifted-row",
            table,
            row,
            line=next((ctx.lines.get(k) for k in keys if ctx.lines.get(k) is not None), None),
            direction=printed_as,
            direction_zh="向左" if printed_as == "left" else "向右",
            count=fixed,
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(ctx.ref(k) for k in keys)))
    return findings


_DIGITS = re.compile(r"[0-9]+")


def _joins(tokens: Sequence[str], size: int) -> Iterator[tuple[int, list[Value]]]:
    """Every way of reading ``size + 1`` printed values as ``size`` by joining two neighbours."""
    if len(tokens) != size + 1:
        return
    numbers: list[Value] = [int(t) if _DIGITS.fullmatch(t) else None for t in tokens]
    for i in range(size):
        a, b = tokens[i], tokens[i + 1]
        if not (_DIGITS.fullmatch(a) and _DIGITS.fullmatch(b)) or a.startswith("0"):
            continue
        yield i, [*numbers[:i], int(a + b), *numbers[i + 2 :]]


def _split_hints(ctx: _Context, all_checks: Sequence[_Check]) -> list[Finding]:
    """A row (or table 四) with one value too many that adds up only when two neighbouring values
    are read as one number."""
    findings = []
    for d in ctx.report.diagnostics:
        own: _Check | None
        if d.code == "row-value-count" and d.table == "requests" and d.row:
            keys = [("requests", d.row, c) for c in REQUEST_COLUMNS]
            checks = [c for c in all_checks if any(k[0] == "requests" and k[1] == d.row for k in c.keys)]
            own = next((c for c in checks if c.rule == "requests-row-sum"), None)
            if own is None:  # a row this report's table does not print
                continue
            where_zh, where = "该行“总计=各列之和”", "the row"
        elif d.code == "table-value-count" and d.table == "review_litigation":
            keys = [("review_litigation", b, o) for b in REVIEW_BLOCKS for o in REVIEW_OUTCOMES]
            checks = [c for c in all_checks if c.rule == "review-block-sum"]
            own = None
            where_zh, where = "表四三栏", "the three blocks of table 四"
        else:
            continue
        if not checks:
            continue
        tokens = message_fields(d).get("values", "").split()
        fits = []
        for i, joined in _joins(tokens, len(keys)):
            override = dict(zip(keys, joined, strict=True))

            def get(key: Key, override: dict[Key, Value] = override) -> Value:
                return override[key] if key in override else ctx.get(key)

            after = [_evaluate(c, get) for c in checks]
            needed = [o for c, o in zip(checks, after, strict=True) if own is None or c is own]
            if all(o.status == "pass" for o in needed) and not any(_failed(o) for o in after):
                fits.append((i, joined))
        if len(fits) != 1:
            continue
        i, joined = fits[0]
        key = keys[i]
        made = _at_cell(
            "likely-split-number",
            *key,
            line=d.line,
            first=tokens[i],
            second=tokens[i + 1],
            joined=joined[i],
            where=where,
            where_zh=where_zh,
        )
        refs = tuple(CellRef(k[0], k[1], k[2], d.line) for k in keys)
        findings.append(Finding.from_diagnostic(made, cells=refs, expected=joined[i]))
    return findings


# --- across years ---------------------------------------------------------------------------------


def _same_body(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def check_continuity(last_year: Report, this_year: Report) -> ValidationResult:
    """Last year's 结转下年度继续办理 against this year's 上年结转, column by column.

    The two reports should be one body's, for consecutive years; when they visibly are not,
    that is the one finding and nothing is compared.
    """
    for r in (last_year, this_year):
        if not isinstance(r, Report):
            raise TypeError(f"check_continuity() takes two Reports, not {type(r).__name__}")
    ly, ty = last_year.year, this_year.year
    if ly is not None and ty is not None and ty != ly + 1:
        made = diag.make("continuity-years", last_year=ly, this_year=ty)
        return ValidationResult((Finding.from_diagnostic(made),))
    if last_year.agency and this_year.agency and not _same_body(last_year.agency, this_year.agency):
        made = diag.make("continuity-agency", last_agency=last_year.agency, this_agency=this_year.agency)
        return ValidationResult((Finding.from_diagnostic(made),))
    if last_year.requests is None or this_year.requests is None:
        return ValidationResult()
    findings: list[Finding] = []
    unchecked: list[CellRef] = []
    this_report = f"the {ty} report" if ty is not None else "this year's report"
    last_report = f"the {ly} report" if ly is not None else "last year's report"
    this_report_zh = f"{ty}年度报告" if ty is not None else "本年度报告"
    last_report_zh = f"{ly}年度报告" if ly is not None else "上年度报告"
    for column in REQUEST_COLUMNS:
        before = last_year.requests.carried_forward[column]
        now = this_year.requests.carried_over[column]
        refs = (
            CellRef("requests", "carried_over", column, now.line, ty),
            CellRef("requests", "carried_forward", column, before.line, ly),
        )
        if before.value is None or now.value is None:
            unchecked += [r for r, c in zip(refs, (now, before), strict=True) if c.value is None]
            continue
        if before.value == now.value:
            continue
        made = _at_cell(
            "carry-over-mismatch",
            "requests",
            "carried_over",
            column,
            line=now.line,
            this_report=this_report,
            last_report=last_report,
            this_report_zh=this_report_zh,
            last_report_zh=last_report_zh,
            actual=now.value,
            expected=before.value,
        )
        findings.append(Finding.from_diagnostic(made, cells=refs, expected=before.value, actual=now.value))
    if unchecked:
        made = diag.make(
            "cannot-check",
            table="requests",
            rule=RULES_EN["carry-over-continuity"],
            rule_zh=RULES_ZH["carry-over-continuity"],
            count=len({r.column for r in unchecked}),
            where=", ".join(dict.fromkeys(str(r.column) for r in unchecked)),
            where_zh="、".join(dict.fromkeys(REQUEST_COLUMN_NAMES_ZH[str(r.column)] for r in unchecked)),
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(unchecked), rule="carry-over-continuity"))
    return ValidationResult(tuple(findings))


__all__ = [
    "CellRef",
    "Finding",
    "ValidationResult",
    "cell_name",
    "cell_name_zh",
    "check_continuity",
    "message_fields",
    "validate",
]
