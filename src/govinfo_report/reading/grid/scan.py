"""Cutting a region into pieces with a layout grammar.

Two engines build the same structure. The default scans with the grammar's terminals compiled
into one regex, tried in the order Lark's lexer tries them — where a layout's lines and cells are
cut by one character (tsv, pipe, one cell per line), it cuts them with ``str.split`` and scans
only what is not a plain number; ``engine="lark"`` runs Lark's own LALR parser on the grammar,
about ten times slower, and stays as the reference the tests hold the scanner to.
"""

from __future__ import annotations

import bisect
import functools
import re

import lark
from lark import Token, Tree

from ...template import grammars
from .model import GridCell, Layout, Piece, Region

#: The pieces of one line, cell by cell: one cell unless the layout separates cells on a line.
LineCells = list[list[Piece]]

#: Terminals that are cell text (TAB: the one-cell-per-line layout's mark of an empty cell).
PIECES = frozenset({"ENUM", "NUMBER", "DASH", "WORD", "TAB"})
#: A drawn table's separators and the rules between its junctions.
GRID_MARKS = frozenset({"SEP", "RULE"})
#: The tags of an HTML table that open a row, open a cell and close it.
HTML_MARKS = frozenset({"TR", "TD", "TD_END"})

_SEPARATORS = {"tsv": "_TAB", "pipe": "_PIPE"}
#: The character each separated layout parts cells with, and the padding it ignores around them.
_SEPARATOR_CHARS = {"tsv": "\t", "pipe": "|"}
_PADDING = {"tsv": " |", "pipe": " \t"}
_KEPT = {"grid": PIECES | GRID_MARKS}


@functools.cache
def _parser(layout: Layout) -> lark.Lark:
    return grammars.load(f"layouts/{layout}.lark", "grid")


@functools.cache
def _scanner(layout: Layout) -> re.Pattern[str]:
    """One regex with the layout grammar's terminals, in the order Lark's lexer tries them.

    Ignored terminals (spaces, stray bars) are left out: ``finditer`` skips what no group
    matches, which is what ignoring means, and positions still show what was glued together.
    In the html layout an ignored tag overlaps a word, so there they stay in, to be skipped.
    """
    parser = _parser(layout)
    ignored = set(parser.lexer_conf.ignore) if layout != "html" else set()
    terminals = sorted(
        (t for t in parser.terminals if t.name not in ignored),
        key=lambda t: (-t.priority, -t.pattern.max_width, -len(t.pattern.value), t.name),
    )
    return re.compile("|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terminals))


def scan_lines(layout: Layout, text: str, offset: int, engine: str) -> list[LineCells]:
    """Lines → cells → pieces of a line-based layout; ``offset`` turns region lines into report lines."""
    if engine == "lark":
        return _lines_lark(layout, text, offset)
    if layout == "lines":
        return _lines_one_cell(text, offset)
    return _lines_fast(layout, text, offset)


def _lines_one_cell(text: str, offset: int) -> list[LineCells]:
    """The one-cell-per-line layout cut by ``str.split``: an empty line, a lone tab and a number
    alone on its line (after its padding tab) are made directly, the other lines scanned each on
    its own — no terminal spans a line break."""
    scanner = _scanner("lines")
    make = tuple.__new__  # a Piece without the Python-level constructor: this runs per line
    lines: list[LineCells] = []
    start = 0
    for line, raw in enumerate(text.split("\n"), 1 + offset):
        end = start + len(raw)
        padded = raw.startswith("\t")
        number = raw[1:] if padded else raw
        if not raw:
            pieces = []
        elif number.isdigit() and number.isascii():
            pieces = [make(Piece, ("NUMBER", number, line, end - len(number), end))]
            if padded:
                pieces.insert(0, make(Piece, ("TAB", "\t", line, start, start + 1)))
        elif raw == "\t":
            pieces = [make(Piece, ("TAB", "\t", line, start, end))]
        else:
            pieces = _scanned(scanner, text, start, end, line)
        lines.append([pieces])
        start = end + 1
    return lines


def scan_cells(layout: Layout, text: str, offset: int, engine: str) -> list[tuple[GridCell, ...]]:
    """Each line's cells of a layout whose cells a character separates (tsv, pipe), as grid
    cells on the line's report line number; ``offset`` turns region lines into report lines."""
    if engine == "lark":
        return [
            tuple(GridCell(tuple(pieces), number) for pieces in line)
            for number, line in enumerate(_lines_lark(layout, text, offset), 1 + offset)
        ]
    return _cells_separated(layout, text, offset)


def _cells_separated(layout: Layout, text: str, offset: int) -> list[tuple[GridCell, ...]]:
    """The cells of a separated layout cut by ``str.split``: a cell of digits alone (most of a
    table) is one NUMBER piece, and only the others are scanned, each between its separators —
    no terminal spans a separator or a line break, so the pieces are those of one scan of the
    whole text."""
    separator, padding = _SEPARATOR_CHARS[layout], _PADDING[layout]
    scanner = _scanner(layout)
    make = tuple.__new__  # pieces and cells without the Python-level constructor: one per cell
    lines: list[tuple[GridCell, ...]] = []
    start = 0
    for line, raw in enumerate(text.split("\n"), 1 + offset):
        cells: list[GridCell] = []
        for part in raw.split(separator):
            end = start + len(part)
            number = part.strip(padding)
            if number.isdigit() and number.isascii():
                at = start + len(part) - len(part.lstrip(padding))
                pieces: tuple[Piece, ...] = (make(Piece, ("NUMBER", number, line, at, at + len(number))),)
            elif not number:
                pieces = ()
            else:
                pieces = tuple(_scanned(scanner, text, start, end, line))
            cells.append(make(GridCell, (pieces, line, False, False)))
            start = end + 1
        lines.append(tuple(cells))
    return lines


def _scanned(scanner: re.Pattern[str], text: str, start: int, end: int, line: int) -> list[Piece]:
    """The pieces of ``text[start:end]``, one cell or one line, on report line ``line``."""
    make = tuple.__new__  # a Piece without the Python-level constructor
    return [
        make(Piece, (match.lastgroup, match.group(), line, match.start(), match.end()))
        for match in scanner.finditer(text, start, end)
        if match.lastgroup in PIECES
    ]


def _lines_fast(layout: Layout, text: str, offset: int) -> list[LineCells]:
    kept = _KEPT.get(layout, PIECES)
    lines: list[LineCells] = [[[]]]
    cell = lines[0][0]
    line = 1 + offset
    make = tuple.__new__  # a Piece without the Python-level constructor: this loop runs per piece
    for match in _scanner(layout).finditer(text):
        kind = match.lastgroup
        if kind == "_NL":
            cell = []
            lines.append([cell])
            line += 1
        elif kind in kept:
            start, end = match.span()
            cell.append(make(Piece, (kind, match.group(), line, start, end)))
    return lines


def _lines_lark(layout: Layout, text: str, offset: int) -> list[LineCells]:
    tree = _parser(layout).parse(text)
    out: list[LineCells] = []
    for line in tree.children:
        assert isinstance(line, Tree)
        if layout in _SEPARATORS:
            cells = [[_piece(t, offset) for t in _tokens(cell)] for cell in line.children]
        else:
            cells = [[_piece(t, offset) for t in _tokens(line)]]
        out.append(cells)
    return out


def scan_html(region: Region, engine: str) -> list[Piece]:
    """The html layout's pieces and table tags, in order: its cells are not tied to lines."""
    if engine == "lark":
        tree = _parser("html").parse(region.text)
        return [_piece(t, region.offset) for t in tree.children if isinstance(t, Token)]
    found: list[Piece] = []
    for match in _scanner("html").finditer(region.text):
        kind = match.lastgroup or ""
        if kind in PIECES or kind in HTML_MARKS:
            line = bisect.bisect_right(region.starts, match.start()) + region.offset
            found.append(Piece(kind, match.group(), line, match.start(), match.end()))
    return found


def _tokens(node: Tree[Token] | Token) -> list[Token]:
    assert isinstance(node, Tree)
    return [t for t in node.children if isinstance(t, Token)]


def _piece(token: Token, offset: int) -> Piece:
    return Piece(token.type, str(token), (token.line or 1) + offset, token.start_pos or 0, token.end_pos or 0)
