"""A :class:`~govinfo_report.model.Report` as the text of a complete report, in every table
layout the parser reads.

It exists so that tests (this library's and its users') can produce report texts whose every
cell is known, in any layout, and then disturb them the way real documents are disturbed.

Each layout prints a table's grid (:mod:`govinfo_report.writers.document`) its own way:
tab-separated and one-cell-per-line text drop colspan shadows the way Word's "copy as text" does,
a markdown table keeps every column, and the space-aligned layout places cells by display width
like ``pdftotext -layout``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

import attrs

from ..model import Report
from ..reading.normalize import display_width
from .document import (
    Grid,
    GridRow,
    Shadow,
    Slot,
    ValueSlot,
    preamble,
    render_title,
    sections,
    slot_text,
    split_label,
)

RenderLayout = Literal["tsv", "pipe", "markdown", "cells", "columns"]
#: Every text layout :func:`govinfo_report.render` writes; each is one the parser reads.
RENDER_LAYOUTS: tuple[RenderLayout, ...] = ("tsv", "pipe", "markdown", "cells", "columns")

#: What the space-aligned layout prints for a blank cell, which spaces alone cannot show.
BLANK_MARK = "—"

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


def _compact(row: GridRow) -> list[Slot]:
    """A row as Word copies it: a colspan is one cell, a rowspan leaves an empty cell below."""
    return [s for s in row if s is not Shadow.RIGHT]


def _join(
    slots: Sequence[Slot], sep: str, prefix: str = "", suffix: str = ""
) -> tuple[str, list[tuple[int, int]]]:
    line = prefix
    spans: list[tuple[int, int]] = []
    for k, slot in enumerate(slots):
        if k:
            line += sep
        text = slot_text(slot)
        if isinstance(slot, ValueSlot):
            spans.append((len(line), len(line) + len(text)))
        line += text
    return line + suffix, spans


def _tsv(table: Grid) -> _Written:
    out = _Written()
    for row in table.rows:
        out.begin_row()
        out.add(*_join(_compact(row), "\t"))
        out.end_row()
    return out


def _pipe(table: Grid) -> _Written:
    """``a | 0 | 0 |`` rows; a row whose first cell is empty starts with ``|`` so that cell
    stays a cell."""
    out = _Written()
    for row in table.rows:
        slots = _compact(row)
        out.begin_row()
        out.add(*_join(slots, " | ", "| " if not slot_text(slots[0]) else "", " |"))
        out.end_row()
    return out


def _markdown(table: Grid) -> _Written:
    """A GitHub-flavoured markdown table: every grid column, the header rule after row one."""
    out = _Written()
    for index, row in enumerate(table.rows):
        out.begin_row()
        out.add(*_join(row, " | ", "| ", " |"))
        out.end_row()
        if index == 0:
            out.add("|" + "---|" * len(row))
    return out


def _cells(table: Grid) -> _Written:
    """One cell per line, each behind a tab; a blank line ends a row; an empty cell is a tab."""
    out = _Written()
    for index, row in enumerate(table.rows):
        if index:
            out.add("")
        out.begin_row()
        for slot in _compact(row):
            text = slot_text(slot)
            parts = split_label(text) if index < table.header_rows else [text]
            out.add("\t" + parts[0], [(1, 1 + len(text))] if isinstance(slot, ValueSlot) else [])
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


def _column_widths(table: Grid) -> list[int]:
    """The display width of each grid column: its widest cell that spans no other column, a
    label counted at most :data:`_WRAP` wide (a longer one wraps)."""
    count = len(table.rows[0])
    widths = [1] * count
    for row in table.rows:
        for j, slot in enumerate(row):
            spans = j + 1 < count and row[j + 1] is Shadow.RIGHT
            if spans or isinstance(slot, Shadow):
                continue
            w = _width(slot_text(slot, BLANK_MARK))
            if j < table.label_columns:
                w = min(w, _WRAP)
            widths[j] = max(widths[j], w)
    return widths


def _columns(table: Grid) -> _Written:
    """Space-aligned columns like ``pdftotext -layout``: each column at a fixed display
    position, values right-aligned, a blank value as :data:`BLANK_MARK`, long labels wrapped
    with all but their last piece on the lines above the row."""
    count = len(table.rows[0])
    widths = _column_widths(table)
    starts = [0] * (count + 1)
    for j in range(count):
        starts[j + 1] = starts[j] + widths[j] + _GAP

    out = _Written()
    for row in table.rows:
        placed: list[_Placed] = []
        above: list[list[_Placed]] = []  # lines above the row: wrapped labels
        for j, slot in enumerate(row):
            if isinstance(slot, Shadow):
                continue
            text = slot_text(slot, BLANK_MARK)
            end = j + 1
            while end < count and row[end] is Shadow.RIGHT:
                end += 1
            room = starts[end] - starts[j] - _GAP
            if isinstance(slot, str) and _width(text) > room and j < table.label_columns:
                *heads, text = _wrap(text, max(room, _WRAP // 2))
                # the labels to its left go up with the first piece, so the label reads in order
                above.append([*placed, (j, heads[0], False)])
                above.extend([(j, head, False)] for head in heads[1:])
                placed = []
            placed.append((j, text, isinstance(slot, ValueSlot)))
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


_WRITERS: dict[str, Callable[[Grid], _Written]] = {
    "tsv": _tsv,
    "pipe": _pipe,
    "markdown": _markdown,
    "cells": _cells,
    "columns": _columns,
}


# --- the report -------------------------------------------------------------------------------


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


def render_placed(report: Report, layout: str = "tsv") -> tuple[str, Placement]:
    """The complete text of ``report`` with its tables in ``layout`` (one of
    :data:`RENDER_LAYOUTS`, as :func:`govinfo_report.render` describes them), and the
    :class:`Placement` of every heading, table row and value cell.

    Raises ValueError for an unknown layout or format.
    """
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
    opening = preamble(report)
    if opening:
        lines += [*opening, ""]
    for number, heading, table, text in sections(report):
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
    "render_placed",
]
