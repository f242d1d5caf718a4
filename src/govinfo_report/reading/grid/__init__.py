"""Stage 3 of the pipeline: the text of one table region as a grid of cells.

The same table arrives tab-separated, pipe-separated, drawn with borders (grid tables, text
browsers' box drawing), one cell per line or space-aligned. Each of
those renderings has its own small Lark grammar (``grammars/layouts/*.lark``, sharing the cell
pieces of ``grammars/cells.lark``); :func:`detect_layout` picks one from the look of the region
and :func:`read_grid` parses it into :class:`GridRow` objects. What a cell *means* (label, number,
blank) is decided later, in :mod:`govinfo_report.tables`, identically for every layout.
"""

from __future__ import annotations

import itertools

from .detect import detect_layout, layout_of
from .drawn import grid_rows
from .html import html_rows
from .model import LAYOUTS, GridCell, GridRow, Layout, Piece, Region, is_value
from .scan import scan_lines
from .spaced import spaced_rows

__all__ = ["LAYOUTS", "GridCell", "GridRow", "Layout", "Piece", "detect_layout", "read_grid"]


def read_grid(
    text: str, first_line: int = 1, layout: Layout | None = None, *, engine: str = "fast"
) -> tuple[Layout, list[GridRow]]:
    """Parse a table region (normalised text) into grid rows.

    ``first_line`` is the line number of the region's first line in the report. ``engine="lark"``
    runs Lark's LALR parser on the layout grammar; the default scans with the same grammar's
    terminals compiled into one regex, the way Lark's lexer does, and builds the identical
    structure about ten times faster (the test suite checks that the two agree).
    """
    region = Region(text, first_line)
    layout = layout or layout_of(region)
    offset = region.offset
    if layout == "grid":
        return layout, grid_rows(region, engine)
    if layout == "html":
        return layout, html_rows(region, engine)
    if layout == "spaced":
        return layout, spaced_rows(region, engine)
    lines = scan_lines(layout, text, offset, engine)
    rows: list[GridRow] = []

    def pieces(found: list[Piece]) -> tuple[Piece, ...]:
        return tuple(p for p in found if p.kind != "TAB") if layout == "lines" else tuple(found)

    if layout in ("tsv", "pipe"):
        raw_lines = region.lines
        # An outer bar is decoration when the table draws one on every row (markdown, "a | 0 |"
        # exports); in a table whose rows start or end without one (html2text), a row that
        # starts or ends with "|" has an empty first or last cell.
        barred = [raw.strip() for raw in raw_lines if raw.count("|") >= 2]
        opened = all(raw.startswith("|") for raw in barred)
        closed = all(raw.endswith("|") for raw in barred)
        unfinished = False
        for index, line in enumerate(lines):
            number = index + 1 + offset
            cells = [GridCell(pieces(c), number) for c in line]
            if layout == "pipe":
                raw = raw_lines[index].strip()
                if opened and raw.startswith("|") and cells and not cells[0].pieces:
                    cells = cells[1:]
                if closed and raw.endswith("|") and cells and not cells[-1].pieces:
                    cells = cells[:-1]
                if cells and all(_is_rule(c) for c in cells):
                    continue  # a markdown header rule |---|:--:|
                if len(cells) == 1 and is_value(cells[0]) and unfinished:
                    # a row cut after its bar by line wrapping: this number is its last cell
                    last = rows[-1]
                    rows[-1] = last._replace(cells=(*last.cells[:-1], cells[0]))
                    unfinished = False
                    continue
                unfinished = not closed and raw.endswith("|") and "|" in raw[:-1]
            rows.append(GridRow(tuple(cells), number))
    elif layout == "lines":
        block: list[GridCell] = []
        block_line = 1 + offset
        for index, line in enumerate(lines):
            number = index + 1 + offset
            tokens = line[0]
            if not tokens:  # a blank line ends a block
                if block:
                    rows.append(GridRow(tuple(block), block_line))
                block = []
                continue
            if not block:
                block_line = number
            block.append(GridCell(pieces(tokens), number))
        if block:
            rows.append(GridRow(tuple(block), block_line))
        if len(rows) >= 3 and 5 * sum(len(row.cells) == 1 for row in rows) >= 4 * len(rows):
            # a blank line after every cell, not after every row: the rows are where a label
            # follows values, which the table reader finds in one stream of cells
            rows = [GridRow(tuple(cell for row in rows for cell in row.cells), rows[0].line, stream=True)]
        else:
            # a block where text follows a number holds several table rows: a stream too
            rows = [row._replace(stream=_several_rows(row)) for row in rows]
    return layout, rows


def _several_rows(row: GridRow) -> bool:
    values = [is_value(cell) for cell in row.cells if cell.pieces]
    return any(value and not following for value, following in itertools.pairwise(values))


def _is_rule(cell: GridCell) -> bool:
    return bool(cell.pieces) and all(p.kind == "DASH" or set(p.text) <= {":", "-"} for p in cell.pieces)
