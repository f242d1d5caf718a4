"""A document's blocks laid out as the text the reading stages read, its tables kept as tables.

Paragraphs become lines of text — the outline, the title and the prose are read from them as
from any text. Each table becomes one line per row too (its cells tab-separated, so a reader of
the text alone would still find it), but the grid stage takes the table's own cells for those
lines: the cell boundaries and merged cells the document drew are never guessed again from text.
"""

from __future__ import annotations

import attrs

from ..readers.document import Document, Paragraph, Table, TableCell
from .normalize import normalize


@attrs.frozen
class PlacedTable:
    """A document table, its cells normalised, and the lines of the laid-out text it stands on."""

    table: Table
    first_line: int
    last_line: int


@attrs.frozen
class LaidOut:
    """The text of a document's blocks, and where its tables stand in it."""

    text: str
    tables: tuple[PlacedTable, ...]


def lay_out(document: Document) -> LaidOut:
    """The document as text (one line per paragraph line and per table row) and its tables."""
    lines: list[str] = []
    tables: list[PlacedTable] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            lines.extend(block.text.split("\n"))
            continue
        table = _normalised(block)
        first = len(lines) + 1
        lines.extend("\t".join(c.text for c in row if not c.covered) for row in table.rows)
        tables.append(PlacedTable(table, first, len(lines)))
    return LaidOut("\n".join(lines), tuple(tables))


def _normalised(table: Table) -> Table:
    """The table with each cell's text on one line and normalised as the text is."""
    rows = tuple(tuple(_normalised_cell(cell) for cell in row) for row in table.rows)
    return attrs.evolve(table, rows=rows)


def _normalised_cell(cell: TableCell) -> TableCell:
    if not cell.text or (cell.text.isascii() and cell.text.isdigit()):
        return cell  # most cells: empty, or a number normalising leaves as it is
    text = normalize(" ".join(cell.text.split()))
    return cell if text == cell.text else attrs.evolve(cell, text=text)
