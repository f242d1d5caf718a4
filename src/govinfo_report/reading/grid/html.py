"""HTML tables left in converted text: rows and cells from the tags, not from the lines."""

from __future__ import annotations

from .model import GridCell, GridRow, Piece, Region
from .scan import scan_html
from .spaced import spaced_cells


def html_rows(region: Region, engine: str) -> list[GridRow]:
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

    for token in scan_html(region, engine):
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
