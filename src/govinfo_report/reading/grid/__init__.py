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
import re
from collections.abc import Callable

from ..normalize import display_width
from .detect import detect_layout, layout_of
from .model import LAYOUTS, GridCell, GridRow, Layout, Piece, Region, is_value
from .scan import scan_html, scan_lines
from .spaced import spaced_cells, spaced_rows

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
        # whole border lines need no scanning: blanked here, they close every cell above them
        scanned = _FULL_BORDER.sub(lambda m: " " * len(m.group()), text)
        return layout, _grid_rows(region, scan_lines(layout, scanned, offset, engine))
    if layout == "html":
        return layout, _html_rows(scan_html(region, engine))
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


# --- HTML tables inside converted text ----------------------------------------------------------


def _html_rows(tokens: list[Piece]) -> list[GridRow]:
    """``<tr>`` rows of ``<td>`` cells; text outside any cell forms rows by line, cells split by
    spaces as in the space-aligned layout."""
    rows: list[GridRow] = []
    cells: list[GridCell] | None = None
    row_line = 0
    cell: list[Piece] | None = None
    cell_line = 0
    loose: dict[int, list[Piece]] = {}

    def end_row() -> None:
        nonlocal cells
        if cells is not None:
            rows.append(GridRow(tuple(cells), row_line))
        cells = None

    for token in tokens:
        if token.kind == "TR":
            end_row()
            cells, row_line = [], token.line
        elif token.kind == "TD":
            if cells is None:
                cells, row_line = [], token.line
            cell, cell_line = [], token.line
        elif token.kind == "TD_END":
            if cell is not None and cells is not None:
                cells.append(GridCell(tuple(cell), cell_line))
            cell = None
        elif cell is not None:
            cell.append(token)
        else:
            loose.setdefault(token.line, []).append(token)
    end_row()
    rows += [GridRow(tuple(spaced_cells(pieces)), line) for line, pieces in loose.items()]
    return sorted(rows, key=lambda row: row.line)


def _several_rows(row: GridRow) -> bool:
    values = [is_value(cell) for cell in row.cells if cell.pieces]
    return any(value and not following for value, following in itertools.pairwise(values))


# --- grid tables: cells from the drawing --------------------------------------------------------

#: A border drawn under every column of the table: +-----+=====+
_FULL_BORDER = re.compile(r"^[ \t]*\+[-=:]+(?:\+[-=:]+)*\+[ \t]*$", re.MULTILINE)


class _Box:
    """A cell of a drawn table being collected: the display columns of its left and right border,
    the line it starts on, and its pieces from every line it covers."""

    __slots__ = ("left", "line", "pieces", "right")

    def __init__(self, left: int, right: int, line: int) -> None:
        self.left, self.right, self.line = left, right, line
        self.pieces: list[Piece] = []


def _grid_rows(region: Region, lines: list[list[list[Piece]]]) -> list[GridRow]:
    """Read a drawn table: a cell is the area between two separators, from the border above it to
    the border below it. Text wrapped inside a cell over several lines is one cell; a merged
    cell spans the rows and columns it is drawn over and belongs to the row it starts in.

    Separators are compared by display column, which the normaliser keeps as the converter drew
    them. Lines with fewer than two separators are not part of a table; their pieces form cells
    as in the space-aligned layout.
    """
    text, starts = region.text, region.starts
    open_boxes: dict[tuple[int, int], _Box] = {}
    done: list[_Box] = []
    loose: list[GridRow] = []

    def close(left: int, right: int) -> None:
        for key in [k for k in open_boxes if k[0] < right and left < k[1]]:
            done.append(open_boxes.pop(key))

    raw_lines = region.lines
    for index, line in enumerate(lines):
        tokens = line[0]
        number = index + region.first_line
        border = _FULL_BORDER.match(raw_lines[index])
        if border:
            drawn = raw_lines[index].rstrip()
            close(len(drawn) - len(drawn.lstrip()), len(drawn))
            continue
        if sum(t.kind == "SEP" for t in tokens) < 2:
            done.extend(open_boxes.values())
            open_boxes.clear()
            if tokens:
                loose.append(GridRow(tuple(spaced_cells(tokens)), number))
            continue
        column, position = 0, starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        width = len if text[position:end].isascii() else display_width
        left = -1
        segment: list[Piece] = []
        for token in tokens:
            if token.kind != "SEP":
                segment.append(token)
                continue
            # only a separator's display column matters: measure from the previous one
            column += width(text[position : token.start])
            position = token.start
            if left >= 0 or segment:
                _segment(open_boxes, close, max(left, -1), column, segment, number)
            left, segment = column, []
        if segment:
            _segment(open_boxes, close, left, 1 << 30, segment, number)
    done.extend(open_boxes.values())
    by_line: dict[int, list[_Box]] = {}
    for box in done:
        by_line.setdefault(box.line, []).append(box)
    rows = [
        GridRow(tuple(GridCell(tuple(b.pieces), n) for b in sorted(boxes, key=lambda b: b.left)), n)
        for n, boxes in by_line.items()
    ]
    return sorted(rows + loose, key=lambda row: row.line)


def _segment(
    open_boxes: dict[tuple[int, int], _Box],
    close: Callable[[int, int], None],
    left: int,
    right: int,
    pieces: list[Piece],
    number: int,
) -> None:
    """One stretch of a line between two separators: a border closes the cells above it, text
    (or blank) continues the cell drawn between the same separators or starts a new one."""
    if pieces and all(p.kind == "RULE" for p in pieces):
        close(left, right)
        return
    box = open_boxes.get((left, right))
    if box is None:
        close(left, right)
        box = open_boxes[left, right] = _Box(left, right, number)
    box.pieces.extend(p for p in pieces if p.kind != "RULE")


def _is_rule(cell: GridCell) -> bool:
    return bool(cell.pieces) and all(p.kind == "DASH" or set(p.text) <= {":", "-"} for p in cell.pieces)
