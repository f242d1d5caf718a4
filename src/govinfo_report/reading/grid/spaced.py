"""Space-aligned tables: cells are runs of touching pieces, blank cells come from the columns."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..normalize import display_width
from .model import GridCell, GridRow, Piece, Region, is_value
from .scan import GRID_MARKS, scan_lines

#: A sign one space before a number is the number's ("- 218", as HTML-to-text tools print a sign
#: in a markup run of its own); whether the column is signed is the table reader's business.
_SIGNS = frozenset({"-", "+"})
#: How far past the widest span of its column a value of a short row may stand (characters).
_SLACK = 1


def spaced_rows(region: Region, engine: str) -> list[GridRow]:
    """One row per line, its cells split by spaces, with the blank cells the columns show."""
    lines = scan_lines("spaced", region.text, region.offset, engine)
    rows = [
        GridRow(
            () if "|" in raw and "-" in raw and _MARKDOWN_RULE.match(raw) else tuple(spaced_cells(line[0])),
            number,
        )
        for number, (raw, line) in enumerate(zip(region.lines, lines, strict=True), region.first_line)
    ]
    return _blank_columns(region, rows)


#: A markdown table's rule (|---|:--:|) among lines read as spaced text — a pipe table's few lines
#: in a region of prose: a line, not a row of cells printed "-" (each rule cell has three dashes).
_RULE_CELL = r"[ \t]*(?::-+:?|-+:|-{3,})[ \t]*"
_MARKDOWN_RULE = re.compile(rf"[ \t]*\|?(?:{_RULE_CELL}\|)+(?:{_RULE_CELL})?[ \t]*$")


def spaced_cells(pieces: Iterable[Piece]) -> list[GridCell]:
    """Pieces that touch form one cell; a space between them separates cells."""
    cells: list[GridCell] = []
    run: list[Piece] = []
    for piece in pieces:
        if piece.kind in GRID_MARKS:
            continue
        if run and piece.start != run[-1].end and not _signed(run, piece):
            cells.append(GridCell(tuple(run), run[0].line))
            run = []
        run.append(piece)
    if run:
        cells.append(GridCell(tuple(run), run[0].line))
    return cells


def _signed(run: list[Piece], piece: Piece) -> bool:
    """Whether ``piece`` is the number a lone sign one space before it belongs to."""
    return (
        len(run) == 1
        and run[0].text in _SIGNS
        and piece.kind == "NUMBER"
        and piece.text[0].isdigit()
        and piece.start == run[-1].end + 1
    )


def _blank_columns(region: Region, rows: list[GridRow]) -> list[GridRow]:
    """Give back the blank cells a space-aligned table cannot print.

    A blank cell is only spaces in this rendering, so a row with a blank has fewer value cells
    than the others. The columns are where the rows with the most value cells put their values,
    counted in characters (lynx, inscriptis, pdftotext) or in display columns (terminal-width
    layouts), whichever lines the columns up more tightly. A shorter row
    gets an empty cell in each column it leaves free — but only when each of its values lies in
    exactly one column, in order, and its label ends before the first column: a row whose
    label pushed its values out of place (text browsers do that) is left as it is, and the
    table reader reports it rather than guessing.
    """
    trailing = [_trailing_values(row) for row in rows]
    full = max(trailing, default=0)
    if full < 2 or all(count in (0, full) for count in trailing):
        return rows  # no row is short of values
    if not any("  " in line.strip() for line in region.text.splitlines()):
        return rows  # single spaces part every cell (pdftotext -raw): the text keeps no columns
    spans = {
        ruler: _full_spans(ruler, rows, trailing)
        for ruler in (_Ruler(region, w) for w in (len, display_width))
    }
    found = [c for ruler, measured in spans.items() if (c := _value_columns(ruler, measured))]
    if not found:
        return _blank_columns_by_groups(spans, rows, trailing)
    columns = min(found, key=lambda c: c.looseness)
    return [
        columns.fill(row, count) if 0 < count < full else row
        for row, count in zip(rows, trailing, strict=True)
    ]


def _blank_columns_by_groups(
    spans: dict[_Ruler, list[list[tuple[int, int]]]], rows: list[GridRow], trailing: list[int]
) -> list[GridRow]:
    """Blank cells where the full rows do not all line up (pdftotext ``-layout`` shifts the rows
    whose labels are printed at another indent, and lines up each sub-table of table 二 its own
    way): the full rows that line up with each other (``spans``: where they put their values,
    by ruler) form a grid each, and so do the full rows of a short row's own block (the rows
    between two lines of text without values, such as a sub-table's header); the short row
    gets its blank cells only where every grid it sits in places them alike (see
    :func:`_placed_alike`). The grids are measured with the ruler under which most full rows
    line up, or both where they tie: a ruler that counts a text's columns otherwise than its
    converter did lines rows up only by chance, a column off."""
    full = max(trailing)
    groups = {ruler: _aligned_groups(measured) for ruler, measured in spans.items()}
    most = max(sum(map(len, found)) for found in groups.values())
    rulers = [ruler for ruler, found in groups.items() if sum(map(len, found)) == most]
    grids = [
        columns for ruler in rulers for group in groups[ruler] if (columns := _value_columns(ruler, group))
    ]
    block = list(
        itertools.accumulate(
            bool(row.cells) and count == 0 for row, count in zip(rows, trailing, strict=True)
        )
    )
    out = []
    for k, (row, count) in enumerate(zip(rows, trailing, strict=True)):
        if 0 < count < full:
            own = [n for n, c in enumerate(trailing) if c == full and block[n] == block[k]]
            here = [
                columns
                for ruler in rulers
                if own and (columns := _value_columns(ruler, [_spans(ruler, rows[n], full) for n in own]))
            ]
            row = _placed_alike(row, count, [*grids, *here])
        out.append(row)
    return out


def _placed_alike(row: GridRow, count: int, grids: list[_Columns]) -> GridRow:
    """The short row with its blank cells where every grid that places it places them alike,
    and no grid that cannot place it (a value just outside its column) puts each value in its
    nearest column otherwise: pdftotext right-aligns a number a character left of its column's
    span. As it is otherwise."""
    filled = {columns.fill(row, count) for columns in grids} - {row}
    if len(filled) != 1:
        return row
    placed = filled.pop()
    nearest = {columns.nearest(row, count) for columns in grids} - {None, row}
    return placed if nearest <= {placed} else row


def _full_spans(ruler: _Ruler, rows: list[GridRow], trailing: list[int]) -> list[list[tuple[int, int]]]:
    """Where each row with the most values puts them, measured with ``ruler``."""
    full = max(trailing)
    return [_spans(ruler, row, full) for row, count in zip(rows, trailing, strict=True) if count == full]


def _spans(ruler: _Ruler, row: GridRow, count: int) -> list[tuple[int, int]]:
    """Where a row puts its last ``count`` cells, measured with ``ruler``."""
    return [ruler.span(cell) for cell in row.cells[-count:]]


def _aligned_groups(spans: list[list[tuple[int, int]]]) -> list[list[list[tuple[int, int]]]]:
    """The rows' spans in groups that line up, each row in the first group it fits; a group of
    one row gives no grid worth trusting and is dropped."""
    groups: list[list[list[tuple[int, int]]]] = []
    for row in spans:
        for group in groups:
            if _lined_up([*group, row]):
                group.append(row)
                break
        else:
            groups.append([row])
    return [group for group in groups if len(group) >= 2]


def _lined_up(spans: list[list[tuple[int, int]]]) -> bool:
    """Whether rows line up: their columns stay apart, and in each column the numbers share an
    edge — no column wider than its widest number by more than two characters of slack (rows
    that only happen not to collide, a column's width apart, do not line up)."""
    bounds = _bounds(spans)
    return bounds is not None and all(
        right - left <= max(b - a for a, b in column) + 2 * _SLACK
        for (left, right), column in zip(bounds, zip(*spans, strict=True), strict=True)
    )


def _trailing_values(row: GridRow) -> int:
    """How many cells at the end of a row hold a value."""
    count = 0
    while count < len(row.cells) and is_value(row.cells[len(row.cells) - 1 - count]):
        count += 1
    return count


class _Ruler:
    """Where a cell lies on its line, counted in characters (``len``) or in display columns."""

    def __init__(self, region: Region, width: Callable[[str], int]) -> None:
        self.region = region
        self.width = width

    def span(self, cell: GridCell) -> tuple[int, int]:
        first, last = cell.pieces[0], cell.pieces[-1]
        text = self.region.text
        left = self.width(text[self.region.start_of(first.line) : first.start])
        return left, left + self.width(text[first.start : last.end])


class _Columns(NamedTuple):
    """The value columns of a space-aligned table, measured with one ruler."""

    ruler: _Ruler
    bounds: list[tuple[int, int]]

    @property
    def looseness(self) -> int:
        """How loosely the rows line up: the columns' total width."""
        return sum(right - left for left, right in self.bounds)

    def fill(self, row: GridRow, count: int) -> GridRow:
        """The row with an empty cell in each column its ``count`` values leave free, or as it
        is when its values or its label do not sit in the columns."""
        label, values = row.cells[: len(row.cells) - count], row.cells[len(row.cells) - count :]
        placed = self._place(values)
        if placed is None or (label and self.ruler.span(label[-1])[1] >= self.bounds[0][0]):
            return row
        filled = [placed.get(j, GridCell((), row.line)) for j in range(len(self.bounds))]
        return GridRow((*label, *filled), row.line)

    def nearest(self, row: GridRow, count: int) -> GridRow | None:
        """The row with each of its ``count`` values in the column whose middle is nearest its
        own, left to right, an empty cell in each column left free; None where two values
        would share a column or one stands nearer the gap between two columns than either."""
        label, values = row.cells[: len(row.cells) - count], row.cells[len(row.cells) - count :]
        middles = [(a + b) / 2 for a, b in self.bounds]
        reach = min((b - a for a, b in itertools.pairwise(middles)), default=0) / 2
        placed: dict[int, GridCell] = {}
        for cell in values:
            left, right = self.ruler.span(cell)
            j = min(range(len(middles)), key=lambda k: abs(middles[k] - (left + right) / 2))
            if abs(middles[j] - (left + right) / 2) >= reach or (placed and j <= max(placed)):
                return None
            placed[j] = cell
        filled = [placed.get(j, GridCell((), row.line)) for j in range(len(self.bounds))]
        return GridRow((*label, *filled), row.line)

    def _place(self, values: tuple[GridCell, ...]) -> dict[int, GridCell] | None:
        """Each value by the one column it lies in, left to right; None when one does not."""
        placed: dict[int, GridCell] = {}
        for cell in values:
            left, right = self.ruler.span(cell)
            hits = [j for j, (a, b) in enumerate(self.bounds) if a - _SLACK <= left and right <= b + _SLACK]
            if len(hits) != 1 or (placed and hits[0] <= max(placed)):
                return None
            placed[hits[0]] = cell
        return placed


def _value_columns(ruler: _Ruler, spans: list[list[tuple[int, int]]]) -> _Columns | None:
    """The columns where the rows with the most values put them (``spans``: where each puts
    them); None when they run into each other, and the rows give no reliable grid."""
    bounds = _bounds(spans)
    return None if bounds is None else _Columns(ruler, bounds)


def _bounds(spans: list[list[tuple[int, int]]]) -> list[tuple[int, int]] | None:
    """Each column from the leftmost to the rightmost character the rows put in it; None when
    two columns run into each other."""
    bounds = [
        (min(left for left, _ in column), max(right for _, right in column))
        for column in zip(*spans, strict=True)
    ]
    if any(a[1] > b[0] for a, b in itertools.pairwise(bounds)):
        return None
    return bounds
