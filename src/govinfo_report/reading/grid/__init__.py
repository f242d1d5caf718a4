"""Stage 3 of the pipeline: the text of one table region as a grid of cells.

The same table arrives tab-separated, pipe-separated, drawn with borders (grid tables, text
browsers' box drawing), one cell per line or space-aligned. Each of
those renderings has its own small Lark grammar (``grammars/layouts/*.lark``, sharing the cell
pieces of ``grammars/cells.lark``); :func:`detect_layout` picks one from the look of the region
and :func:`read_grid` parses it into :class:`GridRow` objects. What a cell *means* (label, number,
blank) is decided later, in :mod:`govinfo_report.tables`, identically for every layout.

:mod:`.model` holds what a region is read into, :mod:`.detect` the choice of layout and
:mod:`.scan` the cutting of text into pieces (the grammars' terminals as one regex, and Lark's
own parse as the reference). Each family of layouts has a module of its own: :mod:`.separated`
(tsv, pipe, lines), :mod:`.spaced`, :mod:`.drawn` (grid) and :mod:`.html`.
"""

from __future__ import annotations

from collections.abc import Callable

from .detect import detect_layout, layout_of
from .drawn import grid_rows
from .html import html_rows
from .model import LAYOUTS, GridCell, GridRow, Layout, Piece, Region
from .separated import lines_rows, pipe_rows, tsv_rows
from .spaced import spaced_rows

__all__ = ["LAYOUTS", "GridCell", "GridRow", "Layout", "Piece", "detect_layout", "read_grid"]

_READERS: dict[Layout, Callable[[Region, str], list[GridRow]]] = {
    "tsv": tsv_rows,
    "pipe": pipe_rows,
    "grid": grid_rows,
    "html": html_rows,
    "lines": lines_rows,
    "spaced": spaced_rows,
}


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
    return layout, _READERS[layout](region, engine)
