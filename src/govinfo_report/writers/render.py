"""Write a :class:`~govinfo_report.model.Report` back as the text of a complete report.

The inverse of :func:`govinfo_report.parse`, for every table rendering the parser reads: the
title, an optional preamble with the statistics period, the six sections, and the three tables
in the printed structure of the national template (FORMAT.md §2) — sub-table headers, merged
header cells, group labels in the left columns, the two-level header of table 四.

It exists so that tests (this library's and its users') can produce report texts whose every
cell is known, in any layout, and then disturb them the way real documents are disturbed.

A table is first laid out as a rectangular grid of *slots* — label text, value cells, and the
shadows merged cells leave to their right (colspan) or below them (rowspan). Each layout then
prints the grid its own way: tab-separated and one-cell-per-line text drop colspan shadows the way
Word's "copy as text" does, a markdown table keeps every column, and the space-aligned layout
places cells by display width like ``pdftotext -layout``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Literal, NamedTuple

import attrs

from ..errors import ReportError
from ..model import ActiveDisclosure, ActiveDisclosure2019, Cell, Report, Requests, ReviewLitigation, Value
from ..reading.normalize import display_width
from ..reading.skeleton import SECTION_TITLES
from ..template.formats import get_format
from ..template.spec import (
    ACTIVE_COLUMN_LABELS,
    OTHER_SUBROWS,
    REQUEST_COLUMN_LABELS,
    REQUEST_COLUMNS,
    REVIEW_BLOCKS,
    REVIEW_OUTCOME_LABELS,
    REVIEW_OUTCOMES,
    RowSpec,
    TableSpec,
)

RenderLayout = Literal["tsv", "pipe", "markdown", "cells", "columns"]
#: Every layout :func:`render` writes; each is one the parser reads.
RENDER_LAYOUTS: tuple[RenderLayout, ...] = ("tsv", "pipe", "markdown", "cells", "columns")

#: What the space-aligned layout prints for a blank cell, which spaces alone cannot show.
BLANK_MARK = "—"

_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


class _Shadow(enum.Enum):
    """The place a merged cell covers: to its right (colspan) or below it (rowspan)."""

    RIGHT = "right"
    BELOW = "below"


RIGHT = _Shadow.RIGHT
BELOW = _Shadow.BELOW


class _Value(NamedTuple):
    """A value cell of a table (None when blank)."""

    value: Value


_Slot = str | _Value | _Shadow
_Row = tuple[_Slot, ...]


_Key = tuple[str, str]  # row id, column id of a value cell


class _Table(NamedTuple):
    """A table as a rectangular grid; the first ``label_columns`` columns hold row labels and
    the first ``header_rows`` rows are the header. ``keys`` names, for every grid row, the
    (row id, column id) of each of its value slots in order."""

    id: str
    rows: tuple[_Row, ...]
    keys: tuple[tuple[_Key, ...], ...]
    label_columns: int
    header_rows: int


# --- format 2021: the three tables as grids ---------------------------------------------------


def _values(cells: Iterable[Cell]) -> tuple[_Value, ...]:
    return tuple(_Value(c.value) for c in cells)


def _row_cells(table: object, spec: RowSpec) -> tuple[Cell, ...]:
    """A row's cells in column order: a model row, or a row a regional variant added."""
    row = getattr(table, spec.id, None)
    if row is not None:
        cells: tuple[Cell, ...] = row.cells()
        return cells
    extra: Mapping[str, Mapping[str, Cell]] = getattr(table, "extra_rows", {})
    found = extra.get(spec.id, {})
    return tuple(found.get(c, Cell()) for c in spec.columns)


def _active_table(table: object, spec: TableSpec) -> _Table:
    """Table 二: four sub-tables, each a 第二十条 header row, an 信息内容 header row and its rows,
    in one four-column grid."""
    rows: list[_Row] = []
    keys: list[tuple[_Key, ...]] = []
    by_group: dict[str, list[RowSpec]] = {}
    for row_spec in spec.rows:
        by_group.setdefault(row_spec.group or "", []).append(row_spec)
    width = max(len(r.columns) for r in spec.rows)
    for group, members in by_group.items():
        columns = members[0].columns
        pad: tuple[_Slot, ...] = (RIGHT,) * (width - len(columns))  # one value spans the others
        rows.append((group, *(RIGHT,) * width))
        rows.append(("信息内容", *(ACTIVE_COLUMN_LABELS.get(c, c) for c in columns), *pad))
        keys += [(), ()]
        for member in members:
            rows.append((member.label, *_values(_row_cells(table, member)), *pad))
            keys.append(tuple((member.id, c) for c in member.columns))
    return _Table(spec.id, tuple(rows), tuple(keys), label_columns=1, header_rows=2)


_RESULTS = "三、本年度办理结果"
_OTHER_GROUP = "（六）其他处理"


def _request_label_slots(spec: RowSpec, first_of_group: bool) -> tuple[_Slot, _Slot, _Slot]:
    """The three label columns of a table 三 row: results group, sub-group, leaf."""
    if spec.group is None:  # 一、 二、 四、: one label across the three columns
        return (spec.label, RIGHT, RIGHT)
    if spec.group == _RESULTS:  # （一）（二）（六 as one row）（七）
        results: _Slot = spec.group if first_of_group else BELOW
        return (results, spec.label, RIGHT)
    sub: _Slot = spec.group if first_of_group else BELOW
    return (BELOW, sub, spec.label)


def _requests_table(table: Requests, spec: TableSpec) -> _Table:
    """Table 三: the three-row merged header with the 勾稽关系 note, then the rows in template
    order with their group labels in the left columns. （六）其他处理 is one row when the report
    has values there (``other_processing``), else its three sub-rows."""
    labels = [REQUEST_COLUMN_LABELS[c] for c in REQUEST_COLUMNS]
    header: list[_Row] = [
        (_NOTE, RIGHT, RIGHT, "申请人情况", *(RIGHT,) * 6),
        (BELOW, BELOW, BELOW, labels[0], "法人或其他组织", RIGHT, RIGHT, RIGHT, RIGHT, labels[6]),
        (BELOW, BELOW, BELOW, BELOW, *labels[1:6], BELOW),
    ]
    collapsed = any(v is not None for v in table.other_processing.values())
    sub_rows_filled = any(v is not None for r in OTHER_SUBROWS for v in table[r].values())
    rows: list[_Row] = list(header)
    keys: list[tuple[_Key, ...]] = [()] * len(header)
    seen_groups: set[str] = set()
    for row_spec in spec.rows:
        if row_spec.id == "other_processing" and not collapsed:
            continue
        if row_spec.id in OTHER_SUBROWS and collapsed and not sub_rows_filled:
            continue
        group = row_spec.group or ""
        first = group not in seen_groups
        seen_groups.add(group)
        if row_spec.id == "other_processing":
            seen_groups.add(_OTHER_GROUP)  # the one row carries the group label
        rows.append((*_request_label_slots(row_spec, first), *_values(_row_cells(table, row_spec))))
        keys.append(tuple((row_spec.id, c) for c in row_spec.columns))
    return _Table(spec.id, tuple(rows), tuple(keys), label_columns=3, header_rows=3)


def _review_table(table: ReviewLitigation) -> _Table:
    """Table 四: 行政复议 | 行政诉讼 over (未经复议直接起诉 | 复议后起诉), the five outcomes under
    each block, then the fifteen values in one row."""
    outcomes = tuple(REVIEW_OUTCOME_LABELS[o] for o in REVIEW_OUTCOMES)
    five_right: tuple[_Slot, ...] = (RIGHT,) * 4
    header: list[_Row] = [
        ("行政复议", *five_right, "行政诉讼", *(RIGHT,) * 9),
        (*outcomes, "未经复议直接起诉", *five_right, "复议后起诉", *five_right),
        (*(BELOW,) * 5, *outcomes, *outcomes),
    ]
    values: list[_Slot] = []
    for block in REVIEW_BLOCKS:
        values.extend(_values(getattr(table, block).cells()))
    keys = tuple((block, outcome) for block in REVIEW_BLOCKS for outcome in REVIEW_OUTCOMES)
    return _Table(
        "review_litigation", (*header, tuple(values)), ((), (), (), keys), label_columns=0, header_rows=3
    )


#: The table 二 class of each base format; the grids of all three tables are built from the
#: format's vocabulary the same way (format 2019: five sub-tables, a one-row （六）其他处理).
_ACTIVE_CLASSES: dict[str, type] = {"2021": ActiveDisclosure, "2019": ActiveDisclosure2019}


def _tables(report: Report) -> dict[int, _Table]:
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
    tables: dict[int, _Table] = {}
    if isinstance(report.active_disclosure, active_cls):
        tables[2] = _active_table(report.active_disclosure, fmt.tables["active_disclosure"])
    if report.requests is not None:
        tables[3] = _requests_table(report.requests, fmt.tables["requests"])
    if report.review_litigation is not None:
        tables[4] = _review_table(report.review_litigation)
    return tables


# --- cell text --------------------------------------------------------------------------------


def format_value(value: Value) -> str:
    """A value as a report prints it: digits as they are, a Decimal exactly (never a float)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _text(slot: _Slot, blank: str = "") -> str:
    if isinstance(slot, _Value):
        return format_value(slot.value) if slot.value is not None else blank
    if isinstance(slot, _Shadow):
        return ""
    return slot


_width = display_width  # East Asian wide and full-width characters take two columns


# --- layouts ----------------------------------------------------------------------------------

_Span = tuple[int, int, int]  # line index, start and end column of a value cell's text


class _Written:
    """A table's lines, with the lines of each grid row and the place of each value cell."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.rows: list[tuple[int, int]] = []  # first and last line of each grid row
        self.values: list[list[_Span]] = []  # per grid row, one span per value slot
        self._first = 0

    def begin_row(self) -> None:
        self._first = len(self.lines)
        self.values.append([])

    def add(self, line: str, spans: Iterable[tuple[int, int]] = ()) -> None:
        index = len(self.lines)
        self.lines.append(line)
        if self.values:
            self.values[-1].extend((index, a, b) for a, b in spans)

    def end_row(self) -> None:
        self.rows.append((self._first, len(self.lines) - 1))


def _compact(row: _Row) -> list[_Slot]:
    """A row as Word copies it: a colspan is one cell, a rowspan leaves an empty cell below."""
    return [s for s in row if s is not RIGHT]


def _join(
    slots: Sequence[_Slot], sep: str, prefix: str = "", suffix: str = ""
) -> tuple[str, list[tuple[int, int]]]:
    line = prefix
    spans: list[tuple[int, int]] = []
    for k, slot in enumerate(slots):
        if k:
            line += sep
        text = _text(slot)
        if isinstance(slot, _Value):
            spans.append((len(line), len(line) + len(text)))
        line += text
    return line + suffix, spans


def _tsv(table: _Table) -> _Written:
    out = _Written()
    for row in table.rows:
        out.begin_row()
        out.add(*_join(_compact(row), "\t"))
        out.end_row()
    return out


def _pipe(table: _Table) -> _Written:
    """``a | 0 | 0 |`` rows; a row whose first cell is empty starts with ``|`` so that cell
    stays a cell."""
    out = _Written()
    for row in table.rows:
        slots = _compact(row)
        out.begin_row()
        out.add(*_join(slots, " | ", "| " if not _text(slots[0]) else "", " |"))
        out.end_row()
    return out


def _markdown(table: _Table) -> _Written:
    """A GitHub-flavoured markdown table: every grid column, the header rule after row one."""
    out = _Written()
    for index, row in enumerate(table.rows):
        out.begin_row()
        out.add(*_join(row, " | ", "| ", " |"))
        out.end_row()
        if index == 0:
            out.add("|" + "---|" * len(row))
    return out


def _split_label(text: str) -> list[str]:
    """Header labels Word breaks inside a narrow cell: 商业企业 → 商业 / 企业."""
    if len(text) == 4 and all(_width(ch) == 2 for ch in text):
        return [text[:2], text[2:]]
    return [text]


def _cells(table: _Table) -> _Written:
    """One cell per line, each behind a tab; a blank line ends a row; an empty cell is a tab."""
    out = _Written()
    for index, row in enumerate(table.rows):
        if index:
            out.add("")
        out.begin_row()
        for slot in _compact(row):
            text = _text(slot)
            parts = _split_label(text) if index < table.header_rows else [text]
            out.add("\t" + parts[0], [(1, 1 + len(text))] if isinstance(slot, _Value) else [])
            for part in parts[1:]:
                out.add(part)
        out.end_row()
    return out


_GAP = 3  # spaces between two columns of the space-aligned layout
_WRAP = 36  # display width after which a label wraps onto another line


def _wrap(text: str, width: int) -> list[str]:
    """Cut text into pieces of at most ``width`` display columns (at least one character each)."""
    pieces: list[str] = []
    current = ""
    for ch in text:
        if current and _width(current + ch) > width:
            pieces.append(current)
            current = ""
        current += ch
    if current:
        pieces.append(current)
    return pieces or [""]


_Placed = tuple[int, str, bool]  # column, text, is a value (right-aligned)


def _columns(table: _Table) -> _Written:
    """Space-aligned columns like ``pdftotext -layout``: each column at a fixed display
    position, values right-aligned, a blank value as :data:`BLANK_MARK`, long labels wrapped
    with all but their last piece on the lines above the row."""
    count = len(table.rows[0])
    widths = [1] * count
    for row in table.rows:
        for j, slot in enumerate(row):
            spans = j + 1 < count and row[j + 1] is RIGHT
            if spans or isinstance(slot, _Shadow):
                continue
            w = _width(_text(slot, BLANK_MARK))
            if j < table.label_columns:
                w = min(w, _WRAP)
            widths[j] = max(widths[j], w)
    starts = [0] * (count + 1)
    for j in range(count):
        starts[j + 1] = starts[j] + widths[j] + _GAP

    out = _Written()
    for row in table.rows:
        placed: list[_Placed] = []
        above: list[list[_Placed]] = []  # lines above the row: wrapped labels
        for j, slot in enumerate(row):
            if isinstance(slot, _Shadow):
                continue
            text = _text(slot, BLANK_MARK)
            end = j + 1
            while end < count and row[end] is RIGHT:
                end += 1
            room = starts[end] - starts[j] - _GAP
            if isinstance(slot, str) and _width(text) > room and j < table.label_columns:
                *heads, text = _wrap(text, max(room, _WRAP // 2))
                # the labels to its left go up with the first piece, so the label reads in order
                above.append([*placed, (j, heads[0], False)])
                above.extend([(j, head, False)] for head in heads[1:])
                placed = []
            placed.append((j, text, isinstance(slot, _Value)))
        out.begin_row()
        for cells in above:
            out.add(*_place(cells, starts, widths))
        out.add(*_place(placed, starts, widths))
        out.end_row()
    return out


def _place(
    cells: Sequence[_Placed], starts: Sequence[int], widths: Sequence[int]
) -> tuple[str, list[tuple[int, int]]]:
    """One line of the space-aligned layout, keeping at least two spaces between cells."""
    line = ""
    spans: list[tuple[int, int]] = []
    for j, text, right in cells:
        target = starts[j] + (widths[j] - _width(text) if right else 0)
        gap = target - _width(line)
        line += " " * max(gap, 2 if line else gap)
        if right:
            spans.append((len(line), len(line) + len(text)))
        line += text
    return line.rstrip(), spans


_WRITERS: dict[str, Callable[[_Table], _Written]] = {
    "tsv": _tsv,
    "pipe": _pipe,
    "markdown": _markdown,
    "cells": _cells,
    "columns": _columns,
}


# --- the report -------------------------------------------------------------------------------


def render_title(report: Report) -> str:
    """The title line: agency, year, 年政府信息公开工作年度报告 (or the printed title when the
    agency or the year is unknown)."""
    if report.year is not None:
        return f"{report.agency or ''}{report.year}年政府信息公开工作年度报告"
    return report.title or f"{report.agency or ''}政府信息公开工作年度报告"


def _preamble(report: Report) -> list[str]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        return []
    s, e = period.start, period.end
    return [
        "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限自"
        f"{s.year}年{s.month}月{s.day}日起至{e.year}年{e.month}月{e.day}日止。"
    ]


@attrs.frozen
class Placement:
    """Where :func:`render_placed` wrote each part of a report, as 0-based line indexes of the
    text (``text.split("\\n")``): tools that disturb a rendered report on purpose use it to find
    the row or cell they change."""

    #: section number -> line of its heading
    headings: Mapping[int, int]
    #: (table id, row id) -> first and last line of the row (a wrapped label adds lines above)
    rows: Mapping[tuple[str, str], tuple[int, int]]
    #: (table id, row id, column id) -> (line, start, end) of the value cell's text; a blank
    #: cell printed empty has start == end
    cells: Mapping[tuple[str, str, str], tuple[int, int, int]]
    #: table id -> first and last line of the table
    tables: Mapping[str, tuple[int, int]]


def render(report: Report, layout: str = "tsv", **page: bool) -> str:
    """The complete text of ``report`` with its tables in ``layout``.

    ``layout`` is one of :data:`RENDER_LAYOUTS`: ``"tsv"`` (tab-separated rows), ``"pipe"``
    (``a | 0 |`` rows), ``"markdown"`` (a pipe table with a ``|---|`` rule, markdown headings),
    ``"cells"`` (one cell per line behind a tab, rows separated by blank lines — Word's "save as
    text") or ``"columns"`` (space-aligned like ``pdftotext -layout``). Sections 一, 五 and 六
    print their text; sections 二, 三 and 四 print their table (their text when the report has
    no table there). ``parse(render(report, layout))`` gives back every cell, the agency, the
    year and the section headings.

    ``layout="html"`` writes the web page a government site publishes instead, the tables with
    their merged cells (:func:`govinfo_report.render_html.render_html`); its keyword options
    ``chrome=True`` (site menus, 来源/时间 line, footer) and ``word_paste=True`` (Word-pasted
    ``<span>`` markup) go in ``page``.

    Raises ValueError for an unknown layout or format.
    """
    if layout == "html":
        from .html import render_html

        return render_html(report, **page)
    if page:
        raise TypeError(f"layout {layout!r} takes no page options ({', '.join(page)})")
    return render_placed(report, layout)[0]


def render_placed(report: Report, layout: str = "tsv") -> tuple[str, Placement]:
    """:func:`render`, and the :class:`Placement` of every heading, table row and value cell."""
    writer = _WRITERS.get(layout)
    if writer is None:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(RENDER_LAYOUTS)}")
    heading_mark = "## " if layout == "markdown" else ""
    title_mark = "# " if layout == "markdown" else ""

    lines: list[str] = [title_mark + render_title(report), ""]
    headings: dict[int, int] = {}
    rows: dict[tuple[str, str], tuple[int, int]] = {}
    cells: dict[tuple[str, str, str], tuple[int, int, int]] = {}
    tables: dict[str, tuple[int, int]] = {}
    preamble = _preamble(report)
    if preamble:
        lines += [*preamble, ""]
    for number, heading, table, text in _sections(report):
        headings[number] = len(lines)
        lines.append(heading_mark + heading)
        lines.append("")
        if table is not None:
            written = writer(table)
            base = len(lines)
            lines += written.lines
            tables[table.id] = (base, len(lines) - 1)
            for (first, last), keys, spans in zip(written.rows, table.keys, written.values, strict=True):
                for (row_id, column), (line, a, b) in zip(keys, spans, strict=True):
                    rows[table.id, row_id] = (base + first, base + last)
                    cells[table.id, row_id, column] = (base + line, a, b)
        elif text:
            lines += _paragraphs(text, layout)
        lines.append("")
    return "\n".join(lines), Placement(headings, rows, cells, tables)


def _sections(report: Report) -> Iterator[tuple[int, str, _Table | None, str]]:
    """The six sections as every printer writes them: number, heading (the template's where the
    report has none), the table if the section has one, and the text."""
    tables = _tables(report)
    for number, canonical in SECTION_TITLES.items():
        section = report.section(number)
        heading = section.heading if section is not None else canonical
        yield number, heading, tables.get(number), section.text if section is not None else ""


def _paragraphs(text: str, layout: str) -> Sequence[str]:
    """Section text; the space-aligned layout indents paragraphs the way PDF text does."""
    if layout == "columns":
        return ["   " + line if line.strip() else line for line in text.split("\n")]
    return text.split("\n")


__all__ = [
    "BLANK_MARK",
    "RENDER_LAYOUTS",
    "Placement",
    "RenderLayout",
    "format_value",
    "render",
    "render_placed",
    "render_title",
]
