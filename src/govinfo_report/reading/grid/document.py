"""Tables a document reader read from the document's own structure (a ``<table>``, a Word
table, a PDF table by its geometry): their cells are already cut, so only the text inside each
cell is scanned into pieces. A place a merged cell covers holds no cell, as in a web page's rows:
the table reader sorts merged cells out by counting, for every rendering alike."""

from __future__ import annotations

from ...readers.document import Table
from .model import GridCell, GridRow, Piece
from .scan import scan_lines


def table_rows(table: Table, first_line: int) -> list[GridRow]:
    """The table's rows as grid rows, row ``r`` on line ``first_line + r``."""
    rows: list[GridRow] = []
    for r, row in enumerate(table.rows):
        line = first_line + r
        cells = tuple(
            GridCell(_pieces(cell.text, line), line, True, cell.filler) for cell in row if not cell.covered
        )
        rows.append(GridRow(cells, line))
    return rows


def _pieces(text: str, line: int) -> tuple[Piece, ...]:
    flat = " ".join(text.split())
    if not flat:
        return ()
    if flat.isdigit() and flat.isascii():  # most cells: one number, as the scanner reads it
        return (Piece("NUMBER", flat, line, 0, len(flat)),)
    (cells,) = scan_lines("spaced", flat, line - 1, "fast")
    return tuple(piece for cell in cells for piece in cell)
