"""The one form every reader gives a document in: a sequence of blocks — paragraphs, and tables
as grids of cells — each with where it came from.

A reader (HTML, DOCX, PDF, text …) turns its file into a :class:`Document`; the reading stages
take it from there. Paragraphs become the text the outline, the title and the prose are read
from; tables keep their cells as the document drew them, merged cells expanded (the places a
merged cell covers are marked, never filled with its text), so the table reader never has to
guess cell boundaries from text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, cast

import attrs

from ..model import Location

#: Where nothing is known of a block's place.
NOWHERE = Location()

#: The kinds of document the library reads.
SourceKind = Literal["text", "html", "docx", "pdf"]


@attrs.frozen
class Paragraph:
    """A paragraph of text (a heading, a sentence, a line of a title)."""

    text: str
    location: Location = NOWHERE


@attrs.frozen
class TableCell:
    """One place of a table's grid. ``covered`` marks a place a merged cell spans (to the right
    of it or below it): it holds no text of its own. ``filler`` marks a place no cell of its row
    covers, where the row is shorter than the table: its last cells left out, or its cells
    shifted by a merged cell the page left out — an empty cell only where the row needs one."""

    text: str
    location: Location = NOWHERE
    covered: bool = False
    filler: bool = False


@attrs.frozen
class Table:
    """A table as a rectangular grid: every row has a cell for every column, merged cells
    expanded into ``covered`` places."""

    rows: tuple[tuple[TableCell, ...], ...]
    location: Location = NOWHERE
    #: the page's right edge cuts the table: columns beyond it are not in the document, so a
    #: row short of cells lost them on the right
    cut_right: bool = False

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = Paragraph | Table


@attrs.frozen
class Document:
    """A document as its reader read it: ``kind`` says which reader, ``blocks`` are its content
    in reading order, ``title`` a title the file declares (an HTML ``<title>`` or
    ``ArticleTitle``, a Word file's title property), ``publisher`` the body the file says
    published it (a government page's ``ContentSource``), ``attachments`` the documents it
    links to (a page's ``附件``), and ``notes`` what the reader has to say about it (an encoding
    it guessed, content it left out), as diagnostic codes with their message fields."""

    kind: SourceKind
    blocks: tuple[Block, ...]
    title: str | None = None
    notes: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    publisher: str | None = None
    attachments: tuple[str, ...] = ()

    def tables(self) -> Iterator[Table]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield block


def grid(rows: list[list[tuple[str, int, int]]], location: Location = NOWHERE) -> Table:
    """A :class:`Table` from rows of ``(text, rowspan, colspan)`` as a page or a Word file lists
    them (a row holds no entry for a place a merged cell from above covers): every merged cell
    expanded over the places it spans. The helper the readers share."""
    placed: dict[tuple[int, int], TableCell] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for index, (text, rowspan, colspan) in enumerate(row):
            while (r, c) in placed:
                c += 1
            where = Location(location.line, location.page, location.table, r, index)
            if rowspan > 1 or colspan > 1:
                covered = TableCell("", where, covered=True)
                for dr in range(max(rowspan, 1)):
                    for dc in range(max(colspan, 1)):
                        placed[r + dr, c + dc] = covered
            placed[r, c] = TableCell(text, where)
            c += max(colspan, 1)
            width = max(width, c)
    height = max((r for r, _ in placed), default=-1) + 1
    return Table(tuple(_filled_row(placed, r, width, location) for r in range(height)), location)


def _filled_row(
    placed: dict[tuple[int, int], TableCell], r: int, width: int, location: Location
) -> tuple[TableCell, ...]:
    """Row ``r`` of a grid, a place no cell covers an empty cell of the row (most rows have none)."""
    row = [placed.get((r, c)) for c in range(width)]
    if any(cell is None for cell in row):
        empty = TableCell("", attrs.evolve(location, row=r), filler=True)
        return tuple(empty if cell is None else cell for cell in row)
    return cast("tuple[TableCell, ...]", tuple(row))
