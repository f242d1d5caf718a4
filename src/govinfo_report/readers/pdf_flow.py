"""The pages' lines and tables as the document's blocks, in reading order.

Lines become paragraphs again: a line runs on into the next unless it ends short of the right
margin, the next one is indented, set in another size or stands further below than lines of a
paragraph do — so a heading stays a paragraph of its own, and a paragraph a page break cut runs
on across it. A line whose pieces stand far apart (a row of a table drawn without lines) is a
paragraph of its own, its pieces separated by tabs. Tables continued on the next page are
joined into one.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..model import Location
from .document import Block, Paragraph, Table, TableCell
from .pdf_joins import join_below, lines_up
from .pdf_layout import PageLayout
from .pdf_lines import TextLine, joined, split_at_gaps
from .pdf_tables import DrawnTable

#: A gap (in line heights) that separates the pieces of a line standing apart, like table columns.
COLUMN_GAP = 2.5
#: Signs a line never breaks next to (they stay with the word they enclose or follow).
_STICKY = frozenset("（）《》“”‘’，。、；：！？")
#: How much wider than the usual gap between a paragraph's lines a gap between paragraphs is.
_PARAGRAPH_GAP = 1.5


class Margins(NamedTuple):
    """Where the body text of the document's pages starts and ends, and the usual gap between
    two lines of one paragraph."""

    left: float
    right: float
    gap: float

    @staticmethod
    def of(pages: Sequence[PageLayout]) -> Margins:
        lines = [line for page in pages for line in page.lines]
        if not lines:
            return Margins(0.0, 0.0, 0.0)
        lefts = sorted(round(line.left) for line in lines)
        left = float(statistics.mode(lefts))
        widest = max(line.right for line in lines) - left
        rights = sorted(line.right for line in lines if line.right - left >= 0.6 * widest)
        right = rights[int(0.8 * (len(rights) - 1))]
        gaps = [
            b.top - a.bottom
            for page in pages
            for a, b in itertools.pairwise(page.lines)
            if 0 <= b.top - a.bottom <= 2 * a.height and abs(a.height - b.height) <= 0.1 * a.height
        ]
        return Margins(left, right, statistics.median(gaps) if gaps else 0.0)


def _standalone(line: TextLine) -> bool:
    """A line whose pieces stand as far apart as table columns do."""
    return line.widest_gap > COLUMN_GAP * line.height


class _Paragraphs:
    """Decides where one paragraph ends and the next begins."""

    def __init__(self, margins: Margins) -> None:
        self.margins = margins

    def ends_after(self, line: TextLine) -> bool:
        """The line stops short of the right margin: its paragraph ends with it."""
        return line.right < self.margins.right - 1.5 * line.height

    def starts_new(self, before: TextLine, line: TextLine, same_page: bool) -> bool:
        """Whether ``line`` begins a paragraph rather than going on with the one ``before`` it."""
        if _standalone(before) or _standalone(line):
            return True
        if (
            self.ends_after(before)
            and self.margins.right - before.right > _first_word(line) + line.height / 2
        ):
            return True  # short, though the next line's first word would have fitted
        if abs(line.height - before.height) > 0.15 * max(line.height, before.height):
            return True
        if line.left > self.margins.left + 0.8 * line.height and not self._centred(line):
            return True
        gap = line.top - before.bottom
        return same_page and gap > _PARAGRAPH_GAP * self.margins.gap + 0.25 * line.height

    def _centred(self, line: TextLine) -> bool:
        """The line stands in the middle of the text block: the end of a centred title that
        wrapped, not an indented first line."""
        middle = (self.margins.left + self.margins.right) / 2
        return abs((line.left + line.right) / 2 - middle) < line.height


def _first_word(line: TextLine) -> float:
    """How wide the line's first unbreakable piece is: a number, a Latin word or a web address
    with the brackets around it, or else one Chinese character."""
    glyphs = line.glyphs
    end = 0
    while end < len(glyphs) and (glyphs[end].char.isascii() or glyphs[end].char in _STICKY):
        end += 1
    last = glyphs[max(end, 1) - 1]
    return last.right - glyphs[0].left


def _paragraph_text(lines: Sequence[TextLine]) -> str:
    if len(lines) == 1 and _standalone(lines[0]):
        return "\t".join(piece.text for piece in split_at_gaps(lines[0], COLUMN_GAP))
    text = ""
    for line in lines:
        text = joined(text, line.text)
    return text


def _paragraph(lines: Sequence[TextLine], page: int) -> Paragraph:
    first = lines[0]
    return Paragraph(
        _paragraph_text(lines), Location(page=page, x=round(first.left, 1), y=round(first.top, 1))
    )


class _Item(NamedTuple):
    page: int
    top: float
    block: TextLine | DrawnTable


def _items(pages: Sequence[PageLayout]) -> Iterator[_Item]:
    """Every line and table of the pages in reading order: page by page, top to bottom."""
    for page in pages:
        entries = [_Item(page.number, t.top, t) for t in page.tables]
        entries += [_Item(page.number, line.top, line) for line in page.lines]
        yield from sorted(entries, key=lambda item: item.top)


def document_blocks(pages: Sequence[PageLayout]) -> list[Paragraph | DrawnTable]:
    """The paragraphs and tables of the pages, tables continued over a page break joined."""
    rules = _Paragraphs(Margins.of(pages))
    blocks: list[Paragraph | DrawnTable] = []
    lines: list[TextLine] = []
    line_page = 0
    previous: _Item | None = None
    for item in _items(pages):
        if isinstance(item.block, TextLine):
            if lines and rules.starts_new(lines[-1], item.block, item.page == line_page):
                blocks.append(_paragraph(lines, line_page))
                lines = []
            if not lines:
                line_page = item.page
            lines.append(item.block)
        else:
            if lines:
                blocks.append(_paragraph(lines, line_page))
                lines = []
            table = item.block
            if _continues(previous, item, blocks):
                last = blocks[-1]
                assert isinstance(last, DrawnTable)
                join_below(last, table)
            else:
                blocks.append(table)
        previous = item
    if lines:
        blocks.append(_paragraph(lines, line_page))
    return blocks


def _continues(previous: _Item | None, item: _Item, blocks: list[Paragraph | DrawnTable]) -> bool:
    """Whether a table is the first thing on its page and the last block before it a table that
    ended the page before."""
    if previous is None or not blocks or not isinstance(blocks[-1], DrawnTable):
        return False
    if not isinstance(previous.block, DrawnTable) or previous.page != item.page - 1:
        return False
    assert isinstance(item.block, DrawnTable)
    return lines_up(blocks[-1], item.block)


def as_table(drawn: DrawnTable, index: int) -> Table:
    """A drawn table as the document form's grid: every place a cell, merged cells' other places
    covered."""
    columns = len(drawn.xs) - 1
    places: list[list[TableCell | None]] = [[None] * columns for _ in range(drawn.rows)]
    for cell in sorted(drawn.cells, key=lambda c: (c.row0, c.col0)):
        for r in range(cell.row0, min(cell.row1, drawn.rows)):
            for c in range(cell.col0, min(cell.col1, columns)):
                if places[r][c] is not None:
                    continue
                own = r == cell.row0 and c == cell.col0
                where = Location(
                    page=cell.page, table=index, row=r, cell=c, x=round(cell.left, 1), y=round(cell.top, 1)
                )
                places[r][c] = TableCell(cell.text if own else "", where, covered=not own)
    rows = tuple(
        tuple(
            place or TableCell("", Location(page=drawn.page, table=index, row=r, cell=c))
            for c, place in enumerate(row)
        )
        for r, row in enumerate(places)
    )
    where = Location(page=drawn.page, table=index, x=round(drawn.left, 1), y=round(drawn.top, 1))
    return Table(rows, where, cut_right=any(cell.cut_right for cell in drawn.cells))


def as_blocks(blocks: Sequence[Paragraph | DrawnTable]) -> tuple[Block, ...]:
    """The blocks in the document form, tables numbered in order."""
    out: list[Block] = []
    tables = 0
    for block in blocks:
        if isinstance(block, DrawnTable):
            out.append(as_table(block, tables))
            tables += 1
        else:
            out.append(block)
    return tuple(out)


def without_boxes(blocks: Sequence[Paragraph | DrawnTable]) -> list[Paragraph | DrawnTable]:
    """The blocks with a table of one cell (a framed box: a text box, a form's field) as the
    paragraph of its text, or nothing when it is empty."""
    out: list[Paragraph | DrawnTable] = []
    for block in blocks:
        if not isinstance(block, DrawnTable) or len(block.cells) > 1:
            out.append(block)
        elif text := block.cells[0].text:
            where = Location(page=block.page, x=round(block.left, 1), y=round(block.top, 1))
            out.append(Paragraph(text, where))
    return out
