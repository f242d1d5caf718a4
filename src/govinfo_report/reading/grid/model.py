"""What a table region is read into, and the region itself with its lines."""

from __future__ import annotations

import functools
from typing import Literal, NamedTuple

from ..normalize import line_starts

Layout = Literal["tsv", "pipe", "grid", "html", "lines", "spaced"]
LAYOUTS: tuple[Layout, ...] = ("tsv", "pipe", "grid", "html", "lines", "spaced")


class Piece(NamedTuple):
    """A token inside a cell: ENUM ("1."), NUMBER, DASH or WORD, with its place in the region."""

    kind: str
    text: str
    line: int
    start: int
    end: int


class GridCell(NamedTuple):
    """One cell as the layout delimits it; no pieces means the cell is printed empty."""

    pieces: tuple[Piece, ...]
    line: int
    #: a document's own cell (a web page's, a Word file's, a PDF's by its ruling lines): what it
    #: holds is one cell's text, so a number touching a letter in it is no digits of two cells
    #: run together
    whole: bool = False
    #: a place no cell of a document's row covers (see
    #: :class:`~govinfo_report.readers.document.TableCell`): an empty cell only where the row
    #: lacks one
    filler: bool = False


class GridRow(NamedTuple):
    """One visual row: a line (tsv, pipe, spaced) or a blank-line-delimited block (lines).

    ``stream`` marks a row of the one-cell-per-line layout that holds several table rows (a
    text with a blank line after every cell, or a block where text follows a number): nothing
    but the order of its cells says which row of the table each belongs to."""

    cells: tuple[GridCell, ...]
    line: int
    stream: bool = False


class Region:
    """The text of one table region, split into lines once, and where in the report it starts.

    Layouts that measure columns need the offset of each line's first character; it is worked
    out the first time one asks and kept for the rest of the reading."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        self.lines = text.split("\n")

    @property
    def offset(self) -> int:
        """What to add to a line number counted from the region's first line (1) to get the report's."""
        return self.first_line - 1

    @functools.cached_property
    def starts(self) -> list[int]:
        """The offset in :attr:`text` of each line's first character (see ``line_starts``)."""
        return line_starts(self.text)

    def start_of(self, number: int) -> int:
        """The offset in :attr:`text` where the line with report line number ``number`` starts."""
        return self.starts[number - self.first_line]


def is_value(cell: GridCell) -> bool:
    """A cell holding only numbers and dash marks: a value, as opposed to label text."""
    return bool(cell.pieces) and all(p.kind in ("NUMBER", "DASH") for p in cell.pieces)
