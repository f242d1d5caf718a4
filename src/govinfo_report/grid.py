"""Stage 3 of the pipeline: the text of one table region as a grid of cells.

The same table arrives tab-separated, pipe-separated, one cell per line or space-aligned. Each of
those renderings has its own small Lark grammar (``grammars/layouts/*.lark``, sharing the cell
pieces of ``grammars/cells.lark``); :func:`detect_layout` picks one from the look of the region
and :func:`read_grid` parses it into :class:`GridRow` objects. What a cell *means* (label, number,
blank) is decided later, in :mod:`govinfo_report.tables`, identically for every layout.
"""

from __future__ import annotations

import functools
import re
from typing import Literal, NamedTuple

import lark
from lark import Token, Tree

from . import grammars

Layout = Literal["tsv", "pipe", "lines", "spaced"]
LAYOUTS: tuple[Layout, ...] = ("tsv", "pipe", "lines", "spaced")


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


class GridRow(NamedTuple):
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


_SEPARATORS = {"tsv": "_TAB", "pipe": "_PIPE"}
_PIECES = frozenset({"ENUM", "NUMBER", "DASH", "WORD", "TAB"})


@functools.cache
def _scanner(layout: Layout) -> re.Pattern[str]:
    """One regex with the layout grammar's terminals, in the order Lark's lexer tries them.

    Ignored terminals (spaces, stray bars) are left out: ``finditer`` skips what no group
    matches, which is what ignoring means, and positions still show what was glued together.
    """
    parser = _parser(layout)
    ignored = set(parser.lexer_conf.ignore)
    terminals = sorted(
        (t for t in parser.terminals if t.name not in ignored),
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
    )
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))


def _lines_fast(layout: Layout, text: str, offset: int) -> list[list[list[Piece]]]:
    """Scan with the compiled terminals: lines → cells → pieces (cells only split in tsv/pipe)."""
    separator = _SEPARATORS.get(layout)
    lines: list[list[list[Piece]]] = [[[]]]
    cell = lines[0][0]
    line = 1 + offset
    for match in _scanner(layout).finditer(text):
        kind = match.lastgroup or ""
        if kind == "_NL":
            cell = []
            lines.append([cell])
            line += 1
        elif kind == separator:
            cell = []
            lines[-1].append(cell)
        elif kind in _PIECES:
            cell.append(Piece(kind, match.group(), line, match.start(), match.end()))
    return lines


def _lines_lark(layout: Layout, text: str, offset: int) -> list[list[list[Piece]]]:
    """The same structure from Lark's own LALR parse of the layout grammar (the reference)."""
    tree = _parser(layout).parse(text)
    out: list[list[list[Piece]]] = []
    for line in tree.children:
        assert isinstance(line, Tree)
        if layout in _SEPARATORS:
            cells = [[_piece(t, offset) for t in _tokens(cell)] for cell in line.children]
        else:
            cells = [[_piece(t, offset) for t in _tokens(line)]]
        out.append(cells)
    return out


def _tokens(node: Tree[Token] | Token) -> list[Token]:
    assert isinstance(node, Tree)
    return [t for t in node.children if isinstance(t, Token)]


def _piece(token: Token, offset: int) -> Piece:
    return Piece(token.type, str(token), (token.line or 1) + offset, token.start_pos or 0, token.end_pos or 0)


def read_grid(
    text: str, first_line: int = 1, layout: Layout | None = None, *, engine: str = "fast"
) -> tuple[Layout, list[GridRow]]:
    """Parse a table region (normalised text) into grid rows.

    ``first_line`` is the line number of the region's first line in the report. ``engine="lark"``
    runs Lark's LALR parser on the layout grammar; the default scans with the same grammar's
    terminals compiled into one regex, the way Lark's lexer does, and builds the identical
    structure about ten times faster (the test suite checks that the two agree).
    """
    layout = layout or detect_layout(text)
    offset = first_line - 1
    read = _lines_lark if engine == "lark" else _lines_fast
    lines = read(layout, text, offset)
    rows: list[GridRow] = []

    def pieces(found: list[Piece]) -> tuple[Piece, ...]:
        return tuple(p for p in found if p.kind != "TAB") if layout == "lines" else tuple(found)

    if layout in _SEPARATORS:
        raw_lines = text.split("\n")
        for index, line in enumerate(lines):
            number = index + 1 + offset
            cells = [GridCell(pieces(c), number) for c in line]
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
    else:
        for index, line in enumerate(lines):
            number = index + 1 + offset
            cells = []
            run: list[Piece] = []
            for piece in pieces(line[0]):
                if run and piece.start != run[-1].end:
                    cells.append(GridCell(tuple(run), run[0].line))
                    run = []
                run.append(piece)
            if run:
                cells.append(GridCell(tuple(run), run[0].line))
            rows.append(GridRow(tuple(cells), number))
    return layout, rows


def _is_rule(cell: GridCell) -> bool:
    return bool(cell.pieces) and all(p.kind == "DASH" or set(p.text) <= {":", "-"} for p in cell.pieces)
