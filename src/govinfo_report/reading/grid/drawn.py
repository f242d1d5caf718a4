"""Tables drawn with borders (grid tables, text browsers' box drawing): cells from the drawing.

A cell is the area between two separators, from the border above it to the border below it.
Text wrapped inside a cell over several lines is one cell; a merged cell spans the rows and
columns it is drawn over and belongs to the row it starts in.

Separators are compared by display column, which the normaliser keeps as the converter drew
them. Lines with fewer than two separators are not part of a table; their pieces form cells as
in the space-aligned layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..normalize import display_width
from .model import GridCell, GridRow, Piece, Region
from .scan import scan_lines
from .spaced import spaced_cells

#: A border drawn under every column of the table: +-----+=====+
_FULL_BORDER = re.compile(r"^[ \t]*\+[-=:]+(?:\+[-=:]+)*\+[ \t]*$", re.MULTILINE)
#: The right edge of text after a line's last separator: open, past any column.
_OPEN_END = 1 << 30


def grid_rows(region: Region, engine: str) -> list[GridRow]:
    """The rows of a drawn table, each cell once, in the row it starts in."""
    # whole border lines need no scanning: blanked here, they close every cell above them
    scanned = _FULL_BORDER.sub(lambda m: " " * len(m.group()), region.text)
    drawing = _Drawing(region)
    lines = scan_lines("grid", scanned, region.offset, engine)
    for number, (drawn, line) in enumerate(zip(region.lines, lines, strict=True), region.first_line):
        drawing.read_line(number, drawn, line[0])
    return drawing.rows()


class _Box:
    """A cell of a drawn table being collected: the display columns of its left and right border,
    the line it starts on, and its pieces from every line it covers."""

    __slots__ = ("left", "line", "pieces", "right")

    def __init__(self, left: int, right: int, line: int) -> None:
        self.left, self.right, self.line = left, right, line
        self.pieces: list[Piece] = []


class _Drawing:
    """A drawn table read line by line: the cells still open below the last line, keyed by their
    left and right border, the cells a border has closed, and the rows of lines outside it."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.open: dict[tuple[int, int], _Box] = {}
        self.closed: list[_Box] = []
        self.loose: list[GridRow] = []

    def read_line(self, number: int, drawn: str, tokens: list[Piece]) -> None:
        """Read the line ``drawn`` (report line ``number``), scanned into ``tokens``."""
        if _FULL_BORDER.match(drawn):
            border = drawn.rstrip()
            self._close(len(border) - len(border.lstrip()), len(border))
        elif sum(t.kind == "SEP" for t in tokens) < 2:
            self._close_all()
            if tokens:
                self.loose.append(GridRow(tuple(spaced_cells(tokens)), number))
        else:
            for left, right, pieces in self._stretches(number, drawn, tokens):
                self._stretch(left, right, pieces, number)

    def rows(self) -> list[GridRow]:
        """Every cell in the row of the line it starts on, left to right, with the outside lines."""
        self._close_all()
        by_line: dict[int, list[_Box]] = {}
        for box in self.closed:
            by_line.setdefault(box.line, []).append(box)
        rows = [
            GridRow(tuple(GridCell(tuple(b.pieces), n) for b in sorted(boxes, key=lambda b: b.left)), n)
            for n, boxes in by_line.items()
        ]
        return sorted(rows + self.loose, key=lambda row: row.line)

    def _stretches(
        self, number: int, drawn: str, tokens: list[Piece]
    ) -> Iterator[tuple[int, int, list[Piece]]]:
        """The stretches of a line between separators, by the display columns of the separators
        on either side (-1 before the first, open after the last), and the pieces in each."""
        text = self.region.text
        width = len if drawn.isascii() else display_width
        column, position = 0, self.region.start_of(number)
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
                yield left, column, segment
            left, segment = column, []
        if segment:
            yield left, _OPEN_END, segment

    def _stretch(self, left: int, right: int, pieces: list[Piece], number: int) -> None:
        """A border closes the cells above it; text (or blank) continues the cell drawn between
        the same separators or starts a new one."""
        if pieces and all(p.kind == "RULE" for p in pieces):
            self._close(left, right)
            return
        box = self.open.get((left, right))
        if box is None:
            self._close(left, right)
            box = self.open[left, right] = _Box(left, right, number)
        box.pieces.extend(p for p in pieces if p.kind != "RULE")

    def _close(self, left: int, right: int) -> None:
        """Close the open cells that overlap the columns from ``left`` to ``right``."""
        for key in [k for k in self.open if k[0] < right and left < k[1]]:
            self.closed.append(self.open.pop(key))

    def _close_all(self) -> None:
        self.closed.extend(self.open.values())
        self.open.clear()
