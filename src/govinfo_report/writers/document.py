"""A :class:`~govinfo_report.model.Report` as every printer sees it: the title, the preamble with
the statistics period, and the six sections, each with its text or its table.

A table is laid out as a rectangular :class:`Grid` of *slots* — label text, value cells, and the
shadows merged cells leave to their right (colspan) or below them (rowspan) — in the printed
structure of the national template (FORMAT.md §2): sub-table headers, merged header cells, group
labels in the left columns, the two-level header of table 四. The grids are built from the
format's table vocabulary, so a regional variant's rows print where its grammar puts them.

Each printer then writes the grids its own way: the text layouts drop or keep shadows, the web
page and the PDF turn them into ``colspan``/``rowspan`` (:func:`merged_rows`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import NamedTuple

from ..errors import ReportError
from ..model import (
    BLANK,
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Report,
    Requests,
    ReviewLitigation,
    Table,
    Value,
)
from ..reading.normalize import display_width
from ..template.formats import get_format, section_titles_of
from ..template.spec import RowSpec, TableSpec

__all__ = [
    "Grid",
    "GridRow",
    "MergedCell",
    "PrintedSection",
    "Shadow",
    "Slot",
    "ValueSlot",
    "format_value",
    "merged_rows",
    "preamble",
    "render_title",
    "sections",
    "slot_text",
    "split_label",
]


class Shadow(enum.Enum):
    """The place a merged cell covers: to its right (colspan) or below it (rowspan)."""

    RIGHT = "right"
    BELOW = "below"


RIGHT = Shadow.RIGHT
BELOW = Shadow.BELOW


class ValueSlot(NamedTuple):
    """A value cell of a table (None when blank)."""

    value: Value


#: One place of a grid: a label, a value cell, or the shadow of a merged cell.
Slot = str | ValueSlot | Shadow
GridRow = tuple[Slot, ...]

_Key = tuple[str, str]  # row id, column id of a value cell


class Grid(NamedTuple):
    """A table as a rectangular grid; the first ``label_columns`` columns hold row labels and
    the first ``header_rows`` rows are the header. ``keys`` names, for every grid row, the
    (row id, column id) of each of its value slots in order."""

    id: str
    rows: tuple[GridRow, ...]
    keys: tuple[tuple[_Key, ...], ...]
    label_columns: int
    header_rows: int


# --- cell text --------------------------------------------------------------------------------


def format_value(value: Value) -> str:
    """A value as a report prints it: digits as they are, a Decimal exactly (never a float)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def slot_text(slot: Slot, blank: str = "") -> str:
    """What a slot prints: its label, its value (``blank`` for a blank one), nothing for a shadow."""
    if isinstance(slot, ValueSlot):
        return format_value(slot.value) if slot.value is not None else blank
    if isinstance(slot, Shadow):
        return ""
    return slot


def split_label(text: str) -> list[str]:
    """Header labels Word breaks inside a narrow cell: 商业企业 → 商业 / 企业."""
    if len(text) == 4 and all(display_width(ch) == 2 for ch in text):
        return [text[:2], text[2:]]
    return [text]


# --- the three tables as grids ----------------------------------------------------------------

_CellMap = Mapping[_Key, Cell]


def _cell_map(table: Table) -> dict[_Key, Cell]:
    """A table's cells by (row id, column id), a variant's extra rows included."""
    return {(row, column): cell for row, column, cell in table.cells()}


def _values(cells: _CellMap, spec: RowSpec) -> tuple[ValueSlot, ...]:
    """A printed row's value slots in its columns' order; a cell the table lacks is blank."""
    return tuple(ValueSlot(cells.get((spec.id, column), BLANK).value) for column in spec.columns)


def _keys(spec: RowSpec) -> tuple[_Key, ...]:
    return tuple((spec.id, column) for column in spec.columns)


def _active_grid(table: ActiveDisclosure | ActiveDisclosure2019, spec: TableSpec) -> Grid:
    """Table 二: four sub-tables, each a 第二十条 header row, an 信息内容 header row and its rows,
    in one four-column grid."""
    cells = _cell_map(table)
    rows: list[GridRow] = []
    keys: list[tuple[_Key, ...]] = []
    by_group: dict[str, list[RowSpec]] = {}
    for row_spec in spec.rows:
        by_group.setdefault(row_spec.group or "", []).append(row_spec)
    width = max(len(r.columns) for r in spec.rows)
    for group, members in by_group.items():
        columns = members[0].columns
        pad: tuple[Slot, ...] = (RIGHT,) * (width - len(columns))  # one value spans the others
        rows.append((group, *(RIGHT,) * width))
        rows.append(("信息内容", *(members[0].header(c) for c in columns), *pad))
        keys += [(), ()]
        for member in members:
            rows.append((member.label, *_values(cells, member), *pad))
            keys.append(_keys(member))
    return Grid(spec.id, tuple(rows), tuple(keys), label_columns=1, header_rows=2)


_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_APPLICANTS = "申请人情况"


def _request_label_slots(spec: RowSpec, first_of_group: bool) -> tuple[Slot, Slot, Slot]:
    """The three label columns of a table 三 row: results group, sub-group, leaf."""
    if spec.group is None:  # 一、 二、 四、: one label across the three columns
        return (spec.label, RIGHT, RIGHT)
    if len(spec.groups) == 1:  # （一）（二）（六 as one row）（七） under 三、本年度办理结果
        results: Slot = spec.group if first_of_group else BELOW
        return (results, spec.label, RIGHT)
    sub: Slot = spec.group if first_of_group else BELOW
    return (BELOW, sub, spec.label)


def _request_header(spec: TableSpec) -> list[GridRow]:
    """The three-row merged header of table 三, the 勾稽关系 note in its corner: the columns'
    headers, the merged header over the organisation columns."""
    row = spec.rows[0]
    top: list[Slot] = []
    middle: list[Slot] = []
    bottom: list[Slot] = []
    for index, column in enumerate(row.columns):
        group = row.column_groups[index] if index < len(row.column_groups) else ""
        header = row.header(column)
        if not group:
            middle.append(header)
            bottom.append(BELOW)
        else:
            first = index == 0 or row.column_groups[index - 1] != group
            middle.append(group if first else RIGHT)
            bottom.append(header)
    top = [_APPLICANTS, *(RIGHT,) * (len(row.columns) - 1)]
    return [
        (_NOTE, RIGHT, RIGHT, *top),
        (BELOW, BELOW, BELOW, *middle),
        (BELOW, BELOW, BELOW, *bottom),
    ]


def _request_rows_printed(cells: _CellMap, spec: TableSpec) -> Iterator[RowSpec]:
    """The rows of table 三 a report prints: an alternative (（六）其他处理) is one row when the
    report has values there, else the rows it stands for (both when both are filled)."""

    def filled(row_ids: tuple[str, ...]) -> bool:
        return any(cell.value is not None for (row, _), cell in cells.items() if row in row_ids)

    skip: set[str] = set()
    for one_row, members in spec.alternatives().items():
        collapsed = filled((one_row,))
        if not collapsed:
            skip.add(one_row)
        elif not filled(members):
            skip |= set(members)
    for row_spec in spec.rows:
        if row_spec.id not in skip:
            yield row_spec


def _requests_grid(table: Requests, spec: TableSpec) -> Grid:
    """Table 三: the merged header, then the rows in template order with their group labels in
    the left columns."""
    cells = _cell_map(table)
    header = _request_header(spec)
    rows: list[GridRow] = list(header)
    keys: list[tuple[_Key, ...]] = [()] * len(header)
    seen_groups: set[str] = set()
    for row_spec in _request_rows_printed(cells, spec):
        group = row_spec.group or ""
        first = group not in seen_groups
        seen_groups.add(group)
        if row_spec.id in spec.alternatives():
            seen_groups.add(row_spec.label)  # the one row carries the group label
        rows.append((*_request_label_slots(row_spec, first), *_values(cells, row_spec)))
        keys.append(_keys(row_spec))
    return Grid(spec.id, tuple(rows), tuple(keys), label_columns=3, header_rows=3)


def _review_grid(table: ReviewLitigation, spec: TableSpec) -> Grid:
    """Table 四: 行政复议 | 行政诉讼 over (未经复议直接起诉 | 复议后起诉), the five outcomes under
    each block, then the fifteen values in one row."""
    top: list[Slot] = []
    middle: list[Slot] = []
    bottom: list[Slot] = []
    for index, block in enumerate(spec.rows):
        headers = [block.header(c) for c in block.columns]
        spans_right: list[Slot] = [RIGHT] * (len(block.columns) - 1)
        if block.group is None:  # a block heading its own outcomes
            top += [block.label, *spans_right]
            middle += headers
            bottom += [BELOW] * len(headers)
            continue
        first = index == 0 or spec.rows[index - 1].group != block.group
        top += [block.group if first else RIGHT, *spans_right]
        middle += [block.label, *spans_right]
        bottom += headers
    cells = list(table.cells())
    values = tuple(ValueSlot(cell.value) for _, _, cell in cells)
    keys = tuple((block, outcome) for block, outcome, _ in cells)
    header = [tuple(top), tuple(middle), tuple(bottom)]
    return Grid("review_litigation", (*header, values), ((), (), (), keys), label_columns=0, header_rows=3)


#: The table 二 class of each base format; the grids of all three tables are built from the
#: format's vocabulary the same way (format 2019: five sub-tables, a one-row （六）其他处理).
_ACTIVE_CLASSES: dict[str, type[ActiveDisclosure] | type[ActiveDisclosure2019]] = {
    "2021": ActiveDisclosure,
    "2019": ActiveDisclosure2019,
}


def _grids(report: Report) -> dict[int, Grid]:
    """The report's tables as grids, by section number."""
    if report.format == "other":  # tables not in a known template: the sections' text only
        return {}
    try:
        fmt = get_format(report.format)
    except ReportError as exc:
        raise ValueError(str(exc)) from exc
    active_cls = _ACTIVE_CLASSES.get(fmt.base)
    if active_cls is None:
        raise NotImplementedError(f"rendering format {fmt.base!r} reports is not supported yet")
    grids: dict[int, Grid] = {}
    if isinstance(report.active_disclosure, active_cls):
        grids[2] = _active_grid(report.active_disclosure, fmt.tables["active_disclosure"])
    if report.requests is not None:
        grids[3] = _requests_grid(report.requests, fmt.tables["requests"])
    if report.review_litigation is not None:
        grids[4] = _review_grid(report.review_litigation, fmt.tables["review_litigation"])
    return grids


class MergedCell(NamedTuple):
    """A cell of a grid as a web page or a PDF prints it: its column, text and spans, and
    whether it holds a value (or a blank value)."""

    column: int
    text: str
    colspan: int
    rowspan: int
    is_value: bool


def merged_rows(grid: Grid) -> list[list[MergedCell]]:
    """The grid's rows as cells with their colspan/rowspan, the places merged cells cover (the
    shadows) left out."""
    rows: list[list[MergedCell]] = []
    for r, row in enumerate(grid.rows):
        cells: list[MergedCell] = []
        for c, slot in enumerate(row):
            if isinstance(slot, Shadow):
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is RIGHT:
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid.rows) and grid.rows[r + rowspan][c] is BELOW:
                rowspan += 1
            cells.append(MergedCell(c, slot_text(slot), colspan, rowspan, isinstance(slot, ValueSlot)))
        rows.append(cells)
    return rows


# --- the report -------------------------------------------------------------------------------


def render_title(report: Report) -> str:
    """The title line: the report's own title where it names the year and the agency (agency
    and year in the order it prints them), else agency, year, 年政府信息公开工作年度报告 (or the
    title as it is when the year is unknown)."""
    title = report.title
    if report.year is not None:
        if title and str(report.year) in title and (report.agency or "") in title:
            return title
        return f"{report.agency or ''}{report.year}年政府信息公开工作年度报告"
    return title or f"{report.agency or ''}政府信息公开工作年度报告"


def preamble(report: Report) -> list[str]:
    """The paragraph stating the statistics period, when the report knows both its ends."""
    period = report.period
    if period is None or period.start is None or period.end is None:
        return []
    s, e = period.start, period.end
    return [
        "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限自"
        f"{s.year}年{s.month}月{s.day}日起至{e.year}年{e.month}月{e.day}日止。"
    ]


class PrintedSection(NamedTuple):
    """A section as a printer writes it: number, heading, its table if it has one, its text."""

    number: int
    heading: str
    table: Grid | None
    text: str


def sections(report: Report) -> Iterator[PrintedSection]:
    """The six sections, each with the template's heading where the report has none.

    Raises ValueError for an unknown format and NotImplementedError for a format whose tables
    cannot be printed yet.
    """
    grids = _grids(report)
    for number, canonical in section_titles_of(report.format).items():
        section = report.section(number)
        heading = section.heading if section is not None else canonical
        yield PrintedSection(number, heading, grids.get(number), section.text if section is not None else "")
