"""The pipeline: normalised text → format → outline → metadata → tables → :class:`Report`.

:class:`ReportReader` is one report being read, as named passes over one
:class:`~.context.ParseContext`: each pass reads what the earlier ones left there and adds its
own part. The stages themselves live in their modules (skeleton, metadata, grid, tables,
decoding, build); this one wires them together and decides the format.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, cast

from .. import diagnostics as diag
from ..errors import NotAReportError, ReportError
from ..limits import Limits, default_limits
from ..model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Period,
    Report,
    Requests,
    ReviewLitigation,
    Table,
    table_class,
    table_layout,
)
from ..template import formats
from ..template.formats import Format
from ..template.rules import PrintedTable, checks_for, evaluate
from ..template.spec import TableSpec
from .block import read_block_values
from .build import build_table
from .context import ParseContext, Region
from .document import PlacedTable
from .items import Item, grid_items, observed_rows
from .labels import fold
from .metadata import (
    Title,
    find_period,
    find_stated_agency,
    find_stated_year,
    find_title,
    qualify_agency,
)
from .page_edge import cut_totals, sums_off_but_for_cut_totals
from .placement import read_rows
from .skeleton import Skeleton, read_skeleton
from .values import cells


class ReportReader:
    """One report being read; :meth:`read` runs the passes in order."""

    def __init__(self, context: ParseContext) -> None:
        self.context = context
        self.notes = context.notes
        self.title: Title | None = None
        self.period: Period | None = None
        #: the year the report names itself by in its words, where it has no title
        self.stated_year: int | None = None
        #: the body the report names itself by in its words, where its title names none
        self.stated_agency: str | None = None
        self.tables: dict[str, Table | None] = {}
        #: whether a table read so far printed numbers wrapped in its narrow cells as two pieces
        self.wrapping_seen = False

    @property
    def format(self) -> Format:
        assert self.context.format is not None
        return self.context.format

    def read(self) -> Report:
        self.choose_format()
        self.read_outline()
        self.read_metadata()
        self.note_missing_sections()
        self.read_tables()
        self.refuse_non_report()
        return self.assemble()

    # --- the passes ------------------------------------------------------------------------

    def choose_format(self) -> None:
        """The template, from the tables' wording (the year only breaks a tie): a report with no
        template wording is read with the template of its year and said to be "other"."""
        ctx = self.context
        early = ctx.early_title
        ctx.detected = ctx.forced_format or formats.detect(ctx.folded, early.year if early else None)
        template = ctx.detected
        if template == "other":
            template = "2019" if early is not None and early.year <= 2020 else "2021"
        ctx.format = formats.get_format(template)

    def read_outline(self) -> None:
        """The preamble and the six sections."""
        ctx = self.context
        ctx.skeleton = read_skeleton(ctx.text, self.format.skeleton, ctx.lines, _TABLE_SECTIONS)
        if ctx.skeleton.renumbered:
            self.notes.append(_renumbered(ctx.skeleton))

    def read_metadata(self) -> None:
        """Title, agency, year and statistics period, from the preamble (or the start of
        section 一 when a converter put the title there)."""
        skeleton = self.context.skeleton
        assert skeleton is not None
        title = self.context.title_in(skeleton.preamble)
        if title is None and skeleton.sections:
            title = find_title(skeleton.sections[0].text[:400])
        first_text = skeleton.sections[0].text[:3000] if skeleton.sections else ""
        opening = skeleton.preamble + "\n" + first_text
        self.title, self.period = title, find_period(opening)
        if title is None:
            self.notes.append(diag.make("no-title"))
        if self.year is None:
            stated = find_stated_year(opening)
            if stated is None:
                self.notes.append(diag.make("no-year"))
            else:
                self.stated_year, words = stated
                self.notes.append(diag.make("year-from-text", year=self.stated_year, text=words))
        if title is None or title.agency is None:
            self.read_stated_agency(title, opening)
        self.context.year = self.year

    def read_stated_agency(self, title: Title | None, opening: str) -> None:
        """The agency of a report whose title names none, or that has no title, from its words
        naming the report (特向社会公布某局2025年度政府信息公开工作年度报告): a converter that drops
        headings leaves them."""
        named = find_stated_agency(opening, self.year)
        if named is not None:
            self.stated_agency, words = named
            self.notes.append(diag.make("agency-from-text", agency=self.stated_agency, text=words))
        elif title is not None:
            self.notes.append(diag.make("no-agency", title=title.title))

    def _agency(self) -> str | None:
        """The agency the title names, else the one the report's words name, as fully as the
        report names it."""
        agency = self.title.agency if self.title is not None and self.title.agency else self.stated_agency
        return qualify_agency(agency, self.context.text) if agency else None

    def note_missing_sections(self) -> None:
        skeleton = self.context.skeleton
        assert skeleton is not None
        found = {s.number for s in skeleton.sections}
        for number, heading in self.format.sections.items():
            if number not in found:
                self.notes.append(diag.make("missing-section", number=number, heading=heading))

    def read_tables(self) -> None:
        """Tables 二 and 三 by their row labels, then table 四 by its fifteen values."""
        active = self._read_labelled("active_disclosure")
        requests = self._read_labelled("requests", after_line=_last_line(active))
        self.tables = {"active_disclosure": active, "requests": requests}
        after = _last_line(requests) or _last_line(active)
        self.tables["review_litigation"] = self._read_review(
            after, active is not None or requests is not None
        )

    def refuse_non_report(self) -> None:
        skeleton = self.context.skeleton
        assert skeleton is not None
        labelled = self.tables["active_disclosure"] is None and self.tables["requests"] is None
        if not skeleton.sections and self.title is None and labelled:
            raise NotAReportError(
                "this text is not a government information disclosure annual report "
                "(no report title, no numbered section and no statistics table were found)"
            )

    def assemble(self) -> Report:
        """The report, under the format's name ("other" for tables in no known template), after
        the format's hook."""
        ctx, fmt = self.context, self.format
        skeleton = ctx.skeleton
        assert skeleton is not None
        name = fmt.name
        if (
            ctx.detected == "other"
            and self.tables["active_disclosure"] is None
            and self.tables["requests"] is None
        ):
            name = "other"
            if skeleton.bodies.get(2) or skeleton.bodies.get(3):
                self.notes.append(diag.make("table-format-unknown", detail=formats.closest(ctx.folded)))
        notes = self.notes
        if fmt.base == "2019" and self.tables["requests"] is not None:
            notes = _single_row_in_2019(notes, fmt.tables["requests"])
        title = self.title
        report = Report(
            format=name,
            title=title.title if title else None,
            agency=self._agency(),
            year=self.year,
            period=self.period,
            sections=skeleton.sections,
            active_disclosure=cast(
                "ActiveDisclosure | ActiveDisclosure2019 | None", self.tables["active_disclosure"]
            ),
            requests=cast("Requests | None", self.tables["requests"]),
            review_litigation=cast("ReviewLitigation | None", self.tables["review_litigation"]),
            diagnostics=tuple(notes),
        )
        return _run_hook(fmt, report, ctx.text)

    # --- the tables ------------------------------------------------------------------------

    @property
    def year(self) -> int | None:
        if self.title is not None:
            return self.title.year
        if self.period is not None and self.period.end is not None:
            return self.period.end.year
        return self.stated_year

    def _region(self, table_id: str, after_line: int) -> tuple[Region, bool]:
        """Where a table is: its section's body, or — the heading not found — where the section
        must have been, after ``after_line`` (the second value says which)."""
        number = self.format.tables[table_id].section or 0
        region = self.context.region(number)
        stand_in = region is None
        if region is None:
            region = self.context.stand_in(number, after_line)
        self._note_lines(table_id, region)
        return region, stand_in

    def _note_lines(self, table_id: str, region: Region) -> None:
        """Keep which lines the table was read from (a document's notes name tables by them)."""
        self.context.table_lines[table_id] = (
            region.first_line,
            region.first_line + region.text.count("\n") + 1,
        )

    def _grid(self, region: Region, table_id: str) -> tuple[list[Any], bool]:
        """The region's grid rows, and whether its cells' bounds are soft (see
        :meth:`~.context.ParseContext.grid`); none, with a note, for a region too large to be
        a table."""
        bound = self.context.limits.max_region_chars
        if len(region.text) > bound:
            self.notes.append(
                diag.make(
                    "table-region-too-large",
                    table=table_id,
                    line=region.first_line,
                    size=len(region.text),
                    bound=bound,
                )
            )
            return [], False
        return self.context.grid(region)

    def _read_labelled(self, table_id: str, after_line: int = 0) -> Table | None:
        """A labelled table (二 or 三), read from its section; rows its model class does not have
        (a variant's extra rows) go to ``extra_rows``."""
        spec = self.format.tables[table_id]
        region, stand_in = self._region(table_id, after_line)
        grid, soft = self._grid(region, table_id)
        result = read_rows(
            observed_rows(grid_items(grid)),
            spec,
            facts=self.context.facts_for(spec.id),
            cut_right=self._cut_right(table_id),
            soft_bounds=soft,
        )
        self.wrapping_seen = self.wrapping_seen or result.wrapped
        if not result.found:
            if not stand_in:  # a lost section says so already
                self.notes.append(diag.make("missing-table", table=spec.id, table_zh=spec.name_zh))
            return None
        if stand_in:
            self.notes.append(_without_heading(spec))
        self.notes.extend(result.diagnostics)
        return build_table(spec, result.rows, table_class(table_id, self.format.base))

    def _cut_right(self, table_id: str) -> bool:
        """Whether a document table in the table's region is cut by the page's right edge."""
        first, end = self.context.table_lines.get(table_id, (0, 0))
        return any(p.table.cut_right for p in self.context.tables if first <= p.first_line < end)

    def _read_review(self, after_line: int, earlier_tables: bool) -> Table | None:
        """Table 四 from its section; without its heading it is looked for only after the tables
        before it (when one was read), as it has no row labels to tell it by: on the lines after
        them, else from the line the last of them ends on where table 四's header stands on it
        too (a crawler's one-line text)."""
        region, stand_in = self._region("review_litigation", after_line)
        if stand_in and not earlier_tables:
            return None
        found: list[Any] = []
        review = self._read_block(region, found)
        if review is None and stand_in and after_line:
            spec = self.format.tables["review_litigation"]
            wider = self.context.stand_in(spec.section or 0, after_line - 1)
            if fold(spec.rows[0].label) in fold(wider.text):
                found = []
                review = self._read_block(wider, found)
                self._note_lines("review_litigation", wider)
        if review is not None and stand_in:
            self.notes.append(_without_heading(self.format.tables["review_litigation"]))
        if review is not None or not stand_in:
            self.notes.extend(found)
        return review

    def _read_block(self, region: Region, notes: list[Any]) -> Table | None:
        spec = self.format.tables["review_litigation"]
        grid, soft = self._grid(region, spec.id)
        grid = _without_numbers_after_document_table(grid)
        columns = [(row.id, column) for row in spec.rows for column in row.columns]
        values, found = read_block_values(
            grid_items(grid),
            len(columns),
            spec.id,
            spec.name_zh,
            anchor=spec.rows[0].label,
            facts=self.context.facts_for(spec.id),
            header_words=_header_words(spec),
            holds=functools.partial(_holds, spec, columns),
            sums_off=functools.partial(_sums_off, spec, columns),
            soft_bounds=soft,
            wrapping_seen=self.wrapping_seen,
        )
        notes.extend(found)
        if values is None:
            return None
        read = _by_row(columns, values)
        # digits lost in the tables before (a page's edge, a narrow cell's wrapped number): a
        # total of table 四 that fails its sum is then as likely cut as the report's own slip
        cut_before = any(d.code in _DIGITS_LOST for d in self.notes)
        notes.extend(cut_totals(spec, read, PrintedTable.of(spec), cut_elsewhere=cut_before)[0])
        return build_table(spec, read, table_class(spec.id, self.format.base))


def _without_numbers_after_document_table(grid: list[Any]) -> list[Any]:
    """A region's grid rows without the lines of nothing but numbers after the last row of a
    document's own table (a page number a PDF prints above its footer band, a stray number
    paragraph): the table's cells are all of its values, and such a number is none of them."""
    last = max((k for k, row in enumerate(grid) if any(cell.whole for cell in row.cells)), default=None)
    if last is None or any(_holds_words(row) for row in grid[last + 1 :]):
        return grid
    return grid[: last + 1]


def _holds_words(row: Any) -> bool:
    return any(piece.kind != "NUMBER" for cell in row.cells for piece in cell.pieces)


#: What says the text lost digits of numbers: a total cut at a page's edge, a number wrapped
#: over two lines of a narrow cell.
_DIGITS_LOST = frozenset({"total-cut", "row-values-cut"})


@functools.lru_cache(maxsize=32)
def _header_words(spec: TableSpec) -> frozenset[str]:
    """A table's printed header words, folded: its row labels, column headers and the merged
    headers over them."""
    words = [
        word
        for row in spec.rows
        for word in (row.label, *row.aliases, *row.groups, *row.column_groups, *row.headers)
    ]
    words += [spelling for row in spec.rows for spellings in row.header_spellings for spelling in spellings]
    return frozenset(fold(word) for word in words if word)


def _sums_off(spec: TableSpec, columns: Sequence[tuple[str, str]], values: Sequence[Item]) -> int:
    """How many of the table's row sums ``values``, read in order into ``columns``, break, but
    for totals a page's edge cut."""
    return sums_off_but_for_cut_totals(spec, _by_row(columns, cells(values)), PrintedTable.of(spec))


def _by_row(columns: Sequence[tuple[str, str]], values: Sequence[Cell]) -> dict[str, tuple[Cell, ...]]:
    """Cells in the order of ``columns`` (row, column), as each row's cells."""
    rows: dict[str, list[Cell]] = {}
    for (row, _), cell in zip(columns, values, strict=True):
        rows.setdefault(row, []).append(cell)
    return {row: tuple(read) for row, read in rows.items()}


def _holds(spec: TableSpec, columns: Sequence[tuple[str, str]], values: Sequence[Item]) -> bool:
    """Whether ``values``, read in order into ``columns``, pass every rule of the table."""
    read = {
        (spec.id, row, column): cell.value for (row, column), cell in zip(columns, cells(values), strict=True)
    }
    checks = checks_for(spec.id, PrintedTable.of(spec))
    return bool(checks) and all(evaluate(check, read.get).status == "pass" for check in checks)


def read_report(normalized: str, forced_format: str | None) -> Report:
    """Read normalised report text (see :func:`govinfo_report.parse`)."""
    return read_with_context(normalized, forced_format)[0]


def read_with_context(
    normalized: str,
    forced_format: str | None,
    tables: tuple[PlacedTable, ...] = (),
    limits: Limits | None = None,
) -> tuple[Report, ParseContext]:
    """Read normalised report text, and the context the reading built (for the validator);
    ``tables`` are a document's tables, read from its structure, by the lines they stand on."""
    context = ParseContext.of(normalized, forced_format, tables, limits or default_limits())
    return ReportReader(context).read(), context


def _run_hook(fmt: Format, report: Report, text: str) -> Report:
    if fmt.hook is None:
        return report
    changed = fmt.hook(report, formats.HookContext(text=text, format=fmt))
    if not isinstance(changed, Report):
        raise ReportError(f"the hook of format {fmt.name!r} returned {type(changed).__name__}, not a Report")
    return changed


def _single_row_in_2019(notes: Sequence[Any], spec: TableSpec) -> list[Any]:
    """In the 2019 template （六）其他处理 is one row: printed so, it is normal; not found, it is
    the row to name, not the three sub-rows of 2021 that the template never had."""
    if any(d.code == "other-processing-single-row" for d in notes):
        return [d for d in notes if d.code != "other-processing-single-row"]
    for one_row, members in spec.alternatives().items():
        missing = [d for d in notes if d.code == "missing-row" and d.table == spec.id and d.row in members]
        if len(missing) < len(members):
            continue  # printed as in 2021, with its sub-rows
        lost = diag.make("missing-row", table=spec.id, row=one_row, label=spec.row(one_row).label)
        return [d for d in notes if d not in missing] + [lost]
    return list(notes)


def _last_line(table: Table | None) -> int:
    """The last source line of a table that was read (0 for none)."""
    if table is None:
        return 0
    lines = [
        getattr(getattr(table, row_id), column).line
        for row_id, columns in table_layout(type(table))
        for column in columns
    ]
    return max((line for line in lines if line is not None), default=0)


#: The sections that hold the statistics tables, in every format.
_TABLE_SECTIONS = frozenset(formats.TABLE_SECTIONS.values())


def _renumbered(skeleton: Skeleton) -> Any:
    """The note that sections were found under headings the report numbers on its own."""
    sections = [s for s in skeleton.sections if s.number in skeleton.renumbered]
    return diag.make(
        "sections-renumbered",
        line=sections[0].line,
        headings=" ".join(s.heading for s in sections),
        numbers=", ".join(str(s.number) for s in sections),
        numbers_zh="、".join(diag.zh_numeral(s.number) for s in sections),
    )


def _without_heading(spec: TableSpec) -> Any:
    return diag.make("table-without-heading", table_zh=spec.name_zh, number=spec.section)


def detect_format(text: str, year: int | None = None) -> str:
    """The format a report's tables are in (see :func:`govinfo_report.template.formats.detect_format`)."""
    return formats.detect_format(text, year)


__all__ = ["ReportReader", "detect_format", "read_report", "read_with_context"]
