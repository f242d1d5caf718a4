"""Layouts that mark every cell: tab-separated, pipe-separated, and one cell per line."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from .model import GridCell, GridRow, Piece, Region, is_value
from .scan import LineCells, scan_cells, scan_lines


def tsv_rows(region: Region, engine: str) -> list[GridRow]:
    """One row per line, cells between tabs."""
    lines = scan_cells("tsv", region.text, region.offset, engine)
    make = tuple.__new__  # a GridRow without the Python-level constructor: one per line
    return [make(GridRow, (cells, number, False)) for number, cells in enumerate(lines, region.first_line)]


def pipe_rows(region: Region, engine: str) -> list[GridRow]:
    """One row per line, cells between bars; markdown header rules are dropped, and a row that
    line wrapping cut after a bar gets its last value back from the next line."""
    bars = _OuterBars.of(region.lines)
    lines = scan_cells("pipe", region.text, region.offset, engine)
    rows: list[GridRow] = []
    unfinished = False
    for number, (raw, line) in enumerate(zip(region.lines, lines, strict=True), region.first_line):
        drawn = raw.strip()
        cells = bars.strip(drawn, line)
        if cells and all(_is_rule(c) for c in cells):
            continue  # a markdown header rule |---|:--:|
        if unfinished and len(cells) == 1 and is_value(cells[0]):
            # a row cut after its bar by line wrapping: this number is its last cell
            rows[-1] = rows[-1]._replace(cells=(*rows[-1].cells[:-1], cells[0]))
            unfinished = False
            continue
        unfinished = not bars.closed and drawn.endswith("|") and "|" in drawn[:-1]
        rows.append(GridRow(cells, number))
    return rows


def lines_rows(region: Region, engine: str) -> list[GridRow]:
    """A block of lines between blank lines is a row, each line a cell (a line holding only a tab
    is an empty cell)."""
    lines = scan_lines("lines", region.text, region.offset, engine)
    rows = _blocks(lines, region.first_line)
    if len(rows) >= 3 and 5 * sum(len(row.cells) == 1 for row in rows) >= 4 * len(rows):
        # a blank line after every cell, not after every row: the rows are where a label
        # follows values, which the table reader finds in one stream of cells
        return [GridRow(tuple(cell for row in rows for cell in row.cells), rows[0].line, stream=True)]
    if _blank_lines_are_cells(rows):
        rows = _with_empty_cells(rows)
    # a block where text follows a number holds several table rows: a stream too
    return [row._replace(stream=True) if _several_rows(row) else row for row in rows]


#: Rows of a table printed without a blank line around them that show a text prints its
#: tables one cell a line with nothing between cells or rows: a label with a number on the
#: very next line, and a number with the next row's label on the very next line.
_CELLS_WITHOUT_GAPS = 3


def _blank_lines_are_cells(rows: Sequence[GridRow]) -> bool:
    """Whether the blank lines before a number are empty cells: a table exported one cell a
    line, nothing between cells or rows (LibreOffice's text export of a Word file prints an
    empty cell as an empty line). Only where the text prints labels and their first numbers,
    and numbers and the next row's labels, on lines next to each other, several times each;
    never where it marks an empty cell otherwise (a lone tab: Word's own text export, whose
    blank lines part rows) or prints a blank line after every cell (plain ``pdftotext``,
    handled above); a text that prints labels apart from their numbers (pdfminer's boxes)
    does neither."""
    label_then_number = number_then_label = 0
    for row in rows:
        if any(not cell.pieces for cell in row.cells):
            return False
        values = [is_value(cell) for cell in row.cells]
        for value, next_value in itertools.pairwise(values):
            label_then_number += not value and next_value
            number_then_label += value and not next_value
    return min(label_then_number, number_then_label) >= _CELLS_WITHOUT_GAPS


def _with_empty_cells(rows: Sequence[GridRow]) -> list[GridRow]:
    """The blocks with each run of blank lines before a number — after a number or a label —
    made that many empty cells, and the blocks on its two sides one. (Blank lines before a
    label may be the empty cells that end the row before it or the merged cells that begin
    its own: they are left as they are.)"""
    joined: list[GridRow] = []
    for row in rows:
        before = joined[-1] if joined else None
        if before is not None and is_value(row.cells[0]):
            gap = range(before.cells[-1].line + 1, row.cells[0].line)
            empty = tuple(GridCell((), number) for number in gap)
            joined[-1] = before._replace(cells=(*before.cells, *empty, *row.cells))
        else:
            joined.append(row)
    return joined


class _OuterBars(NamedTuple):
    """Whether the table draws a bar before the first cell and after the last one on every row.

    An outer bar is decoration when the table draws one on every row (markdown, "a | 0 |"
    exports); in a table whose rows start or end without one (html2text), a row that starts or
    ends with "|" has an empty first or last cell."""

    opened: bool
    closed: bool

    @classmethod
    def of(cls, lines: list[str]) -> _OuterBars:
        barred = [line.strip() for line in lines if line.count("|") >= 2]
        return cls(all(line.startswith("|") for line in barred), all(line.endswith("|") for line in barred))

    def strip(self, drawn: str, cells: tuple[GridCell, ...]) -> tuple[GridCell, ...]:
        """The cells of the row ``drawn`` without the empty ones its decorative outer bars make."""
        if self.opened and drawn.startswith("|") and cells and not cells[0].pieces:
            cells = cells[1:]
        if self.closed and drawn.endswith("|") and cells and not cells[-1].pieces:
            cells = cells[:-1]
        return cells


def _is_rule(cell: GridCell) -> bool:
    return bool(cell.pieces) and all(p.kind == "DASH" or set(p.text) <= {":", "-"} for p in cell.pieces)


def _blocks(lines: list[LineCells], first_line: int) -> list[GridRow]:
    """Runs of non-blank lines, each line one cell without its padding tabs."""
    rows: list[GridRow] = []
    make = tuple.__new__  # a GridCell without the Python-level constructor: one per line
    numbered = enumerate((line[0] for line in lines), first_line)
    for filled, run in itertools.groupby(numbered, key=lambda item: bool(item[1])):
        if filled:
            cells = tuple(
                [make(GridCell, (_without_tabs(pieces), number, False, False)) for number, pieces in run]
            )
            rows.append(GridRow(cells, cells[0].line))
    return rows


def _without_tabs(pieces: list[Piece]) -> tuple[Piece, ...]:
    return tuple([p for p in pieces if p.kind != "TAB"])


def _several_rows(row: GridRow) -> bool:
    values = [is_value(cell) for cell in row.cells if cell.pieces]
    return any(value and not following for value, following in itertools.pairwise(values))
