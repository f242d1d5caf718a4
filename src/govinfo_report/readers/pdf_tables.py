"""Tables by their ruling lines.

Word, WPS and LibreOffice all draw a table's borders as lines (strokes or thin filled
rectangles). Lines that touch one another make one table; the positions of its vertical lines
are its columns and those of its horizontal lines its rows. Two neighbouring places of that grid
with no line drawn between them belong to one merged cell. Each character then falls into the
cell its centre lies in, and each cell's lines of text are joined back into one text (see :mod:`.pdf_cells`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from .pdf_cells import ColumnWidths, cell_text, padding
from .pdf_lines import TextLine, lines_of
from .pdf_page import Glyph, Rule

#: Positions closer than this (points) are one line: a double border, a line drawn in pieces.
SNAP = 2.0
#: Ruling lines closer than this (points) are one border between two columns or rows: a
#: browser's print of a table whose cells each draw their own box (``border="1"`` without
#: ``border-collapse``) puts two lines a border-spacing (2px, 2.25 points with the lines) apart.
ONE_BORDER = 3.0
#: A line covering this share of a place's side separates the place from its neighbour.
_COVERS = 0.5
#: How far (points) from the page's edge a cell counts as cut off by it.
_EDGE = 1.0


class DrawnCell:
    """A cell as the table draws it: the grid places it spans (rows ``row0``..``row1`` and
    columns ``col0``..``col1``, ends excluded), its box on its page, and its text."""

    __slots__ = (
        "bottom",
        "clipped",
        "col0",
        "col1",
        "cut_right",
        "left",
        "lines",
        "page",
        "right",
        "row0",
        "row1",
        "text",
        "top",
    )

    def __init__(
        self, page: int, places: tuple[int, int, int, int], box: tuple[float, float, float, float]
    ) -> None:
        self.row0, self.row1, self.col0, self.col1 = places
        self.left, self.top, self.right, self.bottom = box
        self.page = page
        self.lines: list[TextLine] = []
        self.text = ""
        self.clipped = False
        #: clipped by the page's right edge: columns beyond it may be missing altogether
        self.cut_right = False

    @property
    def columns(self) -> tuple[int, int]:
        return self.col0, self.col1

    @property
    def plain(self) -> str:
        """The cell's lines run together, for telling what kind of text it holds."""
        return "".join(line.text for line in self.lines)

    def __repr__(self) -> str:
        return f"DrawnCell({self.plain!r}, r{self.row0}-{self.row1}, c{self.col0}-{self.col1}, p{self.page})"


class DrawnTable:
    """A table found on a page (later joined with its continuations on the pages after it): its
    column positions, its number of rows, its cells, and where it stands."""

    def __init__(self, page: int, xs: list[float], ys: list[float], cells: list[DrawnCell]) -> None:
        self.xs = xs
        self.ys = ys
        self.rows = len(ys) - 1
        self.cells = cells
        self.page = page
        self.last_page = page
        self.left, self.right = xs[0], xs[-1]
        self.top, self.bottom = ys[0], ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def cell_at(self, x: float, y: float) -> int:
        """The index of the cell a point of the table lies in (cells are kept row by row)."""
        column = bisect.bisect_right(self.xs, x, 1, len(self.xs) - 1) - 1
        row = bisect.bisect_right(self.ys, y, 1, len(self.ys) - 1) - 1
        return self._owner[row][column]

    def index_places(self) -> None:
        """Remember which cell covers each place of the grid."""
        self._owner = [[0] * (len(self.xs) - 1) for _ in range(self.rows)]
        for index, cell in enumerate(self.cells):
            for r in range(cell.row0, cell.row1):
                for c in range(cell.col0, cell.col1):
                    self._owner[r][c] = index

    def finish(self) -> None:
        """Set each cell's text from its lines, now that the whole table (over every page it
        runs on) shows how wide each column's lines get; a clipped cell's text is left out."""
        widths = ColumnWidths(self.cells)
        pad = padding(self.cells)
        for cell in self.cells:
            room = cell.right - cell.left - 2 * pad
            cell.text = "" if cell.clipped else cell_text(cell.lines, cell.columns, widths, room)


def clusters(values: Iterable[float], snap: float = SNAP) -> list[float]:
    """Sorted positions with those closer than ``snap`` to their neighbour made one (their mean)."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= snap:
            groups[-1].append(value)
        else:
            groups.append([value])
    return [sum(g) / len(g) for g in groups]


def nearest(positions: Sequence[float], x: float) -> int:
    """The index of the sorted position closest to ``x``."""
    at = bisect.bisect_left(positions, x)
    if at == len(positions) or (at > 0 and x - positions[at - 1] < positions[at] - x):
        return at - 1
    return at


def merged_rules(rules: Iterable[Rule]) -> list[Rule]:
    """Rules on one line that touch or overlap made one; a double border made one line."""
    by_kind: dict[bool, list[Rule]] = {True: [], False: []}
    for rule in rules:
        by_kind[rule.horizontal].append(rule)
    merged: list[Rule] = []
    for group in by_kind.values():
        group.sort(key=lambda r: r.at)
        lines: list[list[Rule]] = []
        for rule in group:
            if lines and rule.at - lines[-1][-1].at <= SNAP:
                lines[-1].append(rule)
            else:
                lines.append([rule])
        for line in lines:
            merged.extend(_pieces(line))
    return merged


def _pieces(line: list[Rule]) -> list[Rule]:
    """Rules along about one position, joined where they touch: each piece at the mean position
    of its own rules (two tables' borders nearly in line stay apart)."""
    pieces: list[list[Rule]] = []
    end = 0.0
    for rule in sorted(line, key=lambda r: r.start):
        if pieces and rule.start <= end + SNAP:
            pieces[-1].append(rule)
            end = max(end, rule.end)
        else:
            pieces.append([rule])
            end = rule.end
    return [
        Rule(
            line[0].horizontal,
            sum(r.at for r in piece) / len(piece),
            piece[0].start,
            max(r.end for r in piece),
        )
        for piece in pieces
    ]


def _groups(rules: Sequence[Rule]) -> list[list[Rule]]:
    """The rules that cross or touch one another, directly or through others: one group per
    table. (Lines along one position were already made one, so only a horizontal and a vertical
    line can touch.)"""
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    verticals = sorted((r.at, i) for i, r in enumerate(rules) if not r.horizontal)
    positions = [at for at, _ in verticals]
    for i, h in enumerate(rules):
        if not h.horizontal:
            continue
        low = bisect.bisect_left(positions, h.start - SNAP)
        high = bisect.bisect_right(positions, h.end + SNAP)
        for _, j in verticals[low:high]:
            v = rules[j]
            if v.start - SNAP <= h.at <= v.end + SNAP:
                parent[root(i)] = root(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


def _covered(spans: list[tuple[float, float]], low: float, high: float) -> bool:
    """Whether lines along one position cover enough of the stretch from ``low`` to ``high``."""
    length = sum(max(0.0, min(end, high) - max(start, low)) for start, end in spans)
    return length >= _COVERS * (high - low)


def _extents(rules: Iterable[Rule], positions: list[float]) -> list[list[tuple[float, float]]]:
    """For each grid position, the extents of the rules drawn along it."""
    extents: list[list[tuple[float, float]]] = [[] for _ in positions]
    for rule in rules:
        extents[nearest(positions, rule.at)].append((rule.start, rule.end))
    return extents


class _Places:
    """The grid places of one table and which of them are joined (no line between them)."""

    def __init__(self, xs: list[float], ys: list[float], rules: list[Rule]) -> None:
        self.xs, self.ys = xs, ys
        self.columns, self.rows = len(xs) - 1, len(ys) - 1
        self.parent = list(range(self.columns * self.rows))
        across = _extents((r for r in rules if not r.horizontal), xs)
        down = _extents((r for r in rules if r.horizontal), ys)
        for r in range(self.rows):
            for c in range(self.columns):
                if c + 1 < self.columns and not _covered(across[c + 1], ys[r], ys[r + 1]):
                    self._join(r * self.columns + c, r * self.columns + c + 1)
                if r + 1 < self.rows and not _covered(down[r + 1], xs[c], xs[c + 1]):
                    self._join(r * self.columns + c, (r + 1) * self.columns + c)

    def _root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _join(self, a: int, b: int) -> None:
        self.parent[self._root(a)] = self._root(b)

    def spans(self) -> list[tuple[int, int, int, int]]:
        """The merged cells as (row0, row1, col0, col1), row by row; a merged group that is not a
        rectangle (a line drawn only part of the way) is cut into its rows' runs."""
        groups: dict[int, list[tuple[int, int]]] = {}
        for r in range(self.rows):
            for c in range(self.columns):
                groups.setdefault(self._root(r * self.columns + c), []).append((r, c))
        spans: list[tuple[int, int, int, int]] = []
        for places in groups.values():
            rows = [p[0] for p in places]
            cols = [p[1] for p in places]
            box = (min(rows), max(rows) + 1, min(cols), max(cols) + 1)
            if (box[1] - box[0]) * (box[3] - box[2]) == len(places):
                spans.append(box)
            else:
                spans.extend(_row_runs(places))
        return sorted(spans)


def _row_runs(places: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    runs: list[tuple[int, int, int, int]] = []
    for r, c in sorted(places):
        if runs and runs[-1][0] == r and runs[-1][3] == c:
            runs[-1] = (r, r + 1, runs[-1][2], c + 1)
        else:
            runs.append((r, r + 1, c, c + 1))
    return runs


def _with_ends(positions: list[float], across: Sequence[Rule]) -> list[float]:
    """Grid positions, and the ends of the lines drawn across them where no line stands there: a
    side left undrawn (the bottom of a table a page break cut) ends where the lines do."""
    start = min(r.start for r in across)
    end = max(r.end for r in across)
    if start < positions[0] - 2 * SNAP:
        positions.insert(0, start)
    if end > positions[-1] + 2 * SNAP:
        positions.append(end)
    return positions


def find_tables(page: int, rules: Sequence[Rule]) -> list[DrawnTable]:
    """The ruled tables of a page, top to bottom."""
    tables: list[DrawnTable] = []
    for group in _groups(merged_rules(rules)):
        horizontals = [r for r in group if r.horizontal]
        verticals = [r for r in group if not r.horizontal]
        if not horizontals or not verticals:
            continue
        xs = _with_ends(clusters((r.at for r in verticals), ONE_BORDER), horizontals)
        ys = _with_ends(clusters((r.at for r in horizontals), ONE_BORDER), verticals)
        if len(xs) < 2 or len(ys) < 2:
            continue
        places = _Places(xs, ys, group)
        cells = [
            DrawnCell(page, span, (xs[span[2]], ys[span[0]], xs[span[3]], ys[span[1]]))
            for span in places.spans()
        ]
        table = DrawnTable(page, xs, ys, cells)
        table.index_places()
        tables.append(table)
    return sorted(tables, key=lambda t: t.top)


#: Punctuation a line may not begin with, which typesetting hangs past the end of the line
#: instead (Word, LibreOffice, reportlab): past the cell's border, into the next cell.
HANGING = frozenset("、，。；：！？）」』》〉】,.;:!?)")


def fill(tables: Sequence[DrawnTable], glyphs: Iterable[Glyph], width: float, height: float) -> list[Glyph]:
    """Put each character into the table cell its centre lies in — a hanging punctuation mark
    into the cell it starts in; the characters outside every table are returned. A cell the
    page's edge cuts through, with text up to that edge (or none at all), is marked clipped:
    what it printed beyond the edge is not in the file."""
    outside: list[Glyph] = []
    inside: dict[tuple[int, int], list[Glyph]] = {}
    boxes = [(k, t.left, t.top, t.right, t.bottom, t.cell_at) for k, t in enumerate(tables)]
    for glyph in glyphs:
        char, x0, y0, x1, y1 = glyph
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        for k, left, top, right, bottom, cell_at in boxes:
            if left <= x <= right and top <= y <= bottom:
                key = (k, cell_at(x, y))
                if char in HANGING and left <= x0:
                    key = (k, cell_at(x0, y))  # hung past the cell's right border
                if key in inside:
                    inside[key].append(glyph)
                else:
                    inside[key] = [glyph]
                break
        else:
            outside.append(glyph)
    for k, drawn in enumerate(tables):
        _return_overflow(drawn, k, inside)
        for index, cell in enumerate(drawn.cells):
            cell_glyphs = inside.get((k, index), [])
            if cell_glyphs:
                cell.lines = lines_of(cell_glyphs)
            cell.clipped = _clipped(cell, cell_glyphs, width, height)
            cell.cut_right = cell.clipped and cell.right >= width - _EDGE
    return outside


def _return_overflow(table: DrawnTable, k: int, inside: dict[tuple[int, int], list[Glyph]]) -> None:
    """Give back to the cell above the characters its text ran over its bottom border with: a
    character across a cell's top border that overlaps a character of the cell below it, or
    that stands right under a character of the cell above, the next line of its column (a
    narrow header cell's last letters: LibreOffice printed ``持`` of 结果维持 over the ``100``
    under it). By its centre it falls in the cell below, where it would glue a letter to a
    number; a line of the cell's own never overlaps another, and keeps clear of the border."""
    for index, cell in enumerate(table.cells):
        glyphs = inside.get((k, index))
        if not glyphs or cell.row0 == 0:
            continue
        border = cell.top
        for glyph in [g for g in glyphs if g.top < border < g.bottom]:
            above = (k, table.cell_at((glyph.left + glyph.right) / 2, border - _NUDGE))
            if above[1] == index:
                continue
            if _overlaps_one_below(glyph, glyphs, border) or _under_one_of(glyph, inside.get(above, ())):
                glyphs.remove(glyph)
                inside.setdefault(above, []).append(glyph)


def _overlaps_one_below(glyph: Glyph, glyphs: Sequence[Glyph], border: float) -> bool:
    """Whether ``glyph`` overlaps a character that stands wholly below ``border``."""
    return any(
        other.top >= border
        and other.top < glyph.bottom
        and other.left < glyph.right
        and glyph.left < other.right
        for other in glyphs
    )


def _under_one_of(glyph: Glyph, glyphs: Sequence[Glyph]) -> bool:
    """Whether ``glyph`` stands right under one of ``glyphs``: less than its own height below
    it, overlapping it across."""
    height = glyph.bottom - glyph.top
    return any(
        other.bottom <= glyph.top + _NUDGE
        and glyph.top - other.bottom < height
        and other.left < glyph.right
        and glyph.left < other.right
        for other in glyphs
    )


#: How far past a border a point is looked up to find the cell on its other side (points).
_NUDGE = 0.5


def _clipped(cell: DrawnCell, glyphs: Sequence[Glyph], width: float, height: float) -> bool:
    """Whether the page's edge cuts the cell where it may have printed more: the cell reaches the
    edge, and holds no text or text that comes within a character of it."""
    right = cell.right >= width - _EDGE
    bottom = cell.bottom >= height - _EDGE
    left = cell.left <= _EDGE
    if not (right or bottom or left):
        return False
    if not glyphs:
        return True
    # a character that started inside the page would have been kept: text ending half a
    # character short of the edge is whole
    wide = sum(g.right - g.left for g in glyphs) / (2 * len(glyphs))
    high = max(g.bottom - g.top for g in glyphs) / 2
    return (
        (right and max(g.right for g in glyphs) > width - wide)
        or (bottom and max(g.bottom for g in glyphs) > height - high)
        or (left and min(g.left for g in glyphs) < wide)
    )
