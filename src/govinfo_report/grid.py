"""Stage 3 of the pipeline: the text of one table region as a grid of cells.

The same table arrives tab-separated, pipe-separated, one cell per line or space-aligned. Each of
those renderings has its own small Lark grammar (``grammars/layouts/*.lark``, sharing the cell
pieces of ``grammars/cells.lark``); :func:`detect_layout` picks one from the look of the region
and :func:`read_grid` parses it into :class:`GridRow` objects. What a cell *means* (label, number,
blank) is decided later, in :mod:`govinfo_report.tables`, identically for every layout.
"""

from __future__ import annotations

import functools
from typing import Literal

import attrs
import lark
from lark import Token, Tree

from . import grammars

Layout = Literal["tsv", "pipe", "lines", "spaced"]
LAYOUTS: tuple[Layout, ...] = ("tsv", "pipe", "lines", "spaced")


@attrs.frozen
class Piece:
    """A token inside a cell: ENUM ("1."), NUMBER, DASH or WORD, with its place in the region."""

    kind: str
    text: str
    line: int
    start: int
    end: int


@attrs.frozen
class GridCell:
    """One cell as the layout delimits it; no pieces means the cell is printed empty."""

    pieces: tuple[Piece, ...]
    line: int


@attrs.frozen
class GridRow:
    """One visual row: a line (tsv, pipe, spaced) or a blank-line-delimited block (lines)."""

    cells: tuple[GridCell, ...]
    line: int


def detect_layout(text: str) -> Layout:
    """Guess the rendering of a table region from how its lines are built."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return "spaced"
    pipes = tabs = single_tab = 0
    for line in lines:
        if line.count("|") >= 2:
            pipes += 1
        if "\t" in line:
            filled = sum(1 for cell in line.split("\t") if cell.strip())
            if filled >= 2:
                tabs += 1
            elif line.startswith("\t") or line.endswith("\t"):
                single_tab += 1
    floor = max(3, len(lines) // 5)
    if pipes >= floor:
        return "pipe"
    if tabs >= floor:
        return "tsv"
    if single_tab >= floor:
        return "lines"
    return "spaced"


@functools.cache
def _parser(layout: Layout) -> lark.Lark:
    return grammars.load(f"layouts/{layout}.lark", "grid")


def _pieces(tokens: list[Token], offset: int) -> tuple[Piece, ...]:
    return tuple(
        Piece(
            kind=t.type,
            text=str(t),
            line=(t.line or 1) + offset,
            start=t.start_pos or 0,
            end=t.end_pos or 0,
        )
        for t in tokens
        if t.type != "TAB"
    )


def read_grid(text: str, first_line: int = 1, layout: Layout | None = None) -> tuple[Layout, list[GridRow]]:
    """Parse a table region (normalised text) into grid rows. ``first_line`` is the line number
    of the region's first line in the report."""
    layout = layout or detect_layout(text)
    tree = _parser(layout).parse(text)
    offset = first_line - 1
    lines: list[Tree[Token]] = tree.children  # type: ignore[assignment]
    raw_lines = text.split("\n")
    rows: list[GridRow] = []
    if layout in ("tsv", "pipe"):
        for index, line in enumerate(lines):
            number = index + 1 + offset
            cells = [GridCell(_pieces(c.children, offset), number) for c in line.children]  # type: ignore[arg-type, union-attr]
            if layout == "pipe":
                raw = raw_lines[index].strip()
                if raw.startswith("|") and cells and not cells[0].pieces:
                    cells = cells[1:]
                if raw.endswith("|") and cells and not cells[-1].pieces:
                    cells = cells[:-1]
                if cells and all(_is_rule(c) for c in cells):
                    continue  # a markdown header rule |---|:--:|
            rows.append(GridRow(tuple(cells), number))
    elif layout == "lines":
        block: list[GridCell] = []
        block_line = 1 + offset
        for index, line in enumerate(lines):
            number = index + 1 + offset
            tokens: list[Token] = line.children  # type: ignore[assignment]
            if not tokens:  # a blank line ends a block
                if block:
                    rows.append(GridRow(tuple(block), block_line))
                block = []
                continue
            if not block:
                block_line = number
            block.append(GridCell(_pieces(tokens, offset), number))
        if block:
            rows.append(GridRow(tuple(block), block_line))
    else:
        for index, line in enumerate(lines):
            number = index + 1 + offset
            pieces = _pieces(line.children, offset)  # type: ignore[arg-type]
            cells = []
            run: list[Piece] = []
            for piece in pieces:
                if run and piece.start != run[-1].end:
                    cells.append(GridCell(tuple(run), run[0].line))
                    run = []
                run.append(piece)
            if run:
                cells.append(GridCell(tuple(run), run[0].line))
            rows.append(GridRow(tuple(cells), number))
    return layout, rows


def _is_rule(cell: GridCell) -> bool:
    return bool(cell.pieces) and all(
        p.kind == "DASH" or set(p.text) <= {":", "-"} for p in cell.pieces
    )
