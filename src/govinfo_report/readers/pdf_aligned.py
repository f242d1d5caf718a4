"""Tables drawn without lines, by the alignment of their text.

A table printed without borders still stands its numbers in columns: each number of a column
overlaps the others of that column and none of another. A line that ends in numbers is a row of
such a table; its numbers fall into the columns, and a column it leaves empty is a blank cell —
the alignment shows a blank the text alone cannot. A label wrapped over lines stays with its row
when its lines stand as close to the row as the lines of one cell do, and a number wrapped onto
the next line stays in its cell. The column headers above the first row become the table's first
rows. A table made of parts with columns of their own (table 二's four sub-tables) keeps each
part's columns, a part with fewer columns spanning the others' as a drawn table's merged cells do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from .pdf_lines import TextLine, words
from .pdf_page import Glyph, Rule
from .pdf_tables import DrawnCell, DrawnTable, clusters, nearest

#: A word that is a value: a number (with a unit a report may print in the cell) or a blank mark.
_VALUE = re.compile(r"[-+−]?[0-9][0-9,.]*(?:万元|[件个项条笔元次份])?|[-—–_/\\~]+|无")
#: The start of a section heading, which ends the header of a table below it.
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")
#: Lines of one cell stand closer than this (in line heights); rows stand further apart.
_SAME_CELL = 0.45
#: A single number this far (in line heights) from the words before it ends a table's row.
_COLUMN_GAP = 2.0
#: At most this many lines without numbers stand between two rows of one table.
_BETWEEN = 6
#: At most this many header lines stand above a table's first row.
_HEADER_LINES = 8


def is_value(text: str) -> bool:
    """Whether a word is what a value cell prints: a number, or a blank mark."""
    return _VALUE.fullmatch(text) is not None


class _Shaped:
    """A line, its words (cut when first asked for), and whether it is a row: a line that ends
    in values (prose with a number inside it, or a number right after a word, is not)."""

    __slots__ = ("_words", "first_value", "is_row", "line")

    def __init__(self, line: TextLine) -> None:
        self.line = line
        self._words: list[TextLine] | None = None
        self.first_value = 0
        self.is_row = False
        # most lines are prose: only a line whose last word is a value is cut into words now
        if is_value(line.text.rsplit(" ", 1)[-1]):
            self.first_value = _first_value(line, self.words)
            self.is_row = self.first_value < len(self.words)

    @property
    def words(self) -> list[TextLine]:
        if self._words is None:
            self._words = words(self.line)
        return self._words

    @property
    def values(self) -> list[TextLine]:
        return self.words[self.first_value :] if self.is_row else []

    @property
    def labels(self) -> list[TextLine]:
        return self.words[: self.first_value] if self.is_row else self.words


def _first_value(line: TextLine, cut: list[TextLine]) -> int:
    """Where a line's values start, ``len(cut)`` when it is no row."""
    first = next((i for i, w in enumerate(cut) if is_value(w.text)), len(cut))
    rest = cut[first:]
    if rest and not all(is_value(w.text) for w in rest):
        return len(cut)
    if len(rest) == 1 and first > 0 and rest[0].left - cut[first - 1].right < _COLUMN_GAP * line.height:
        return len(cut)
    return first


def _alike(line: TextLine, height: float) -> bool:
    """Whether a line is set in the size of a table's rows (a heading in a larger size ends it)."""
    return abs(line.height - height) <= 0.2 * height


def _run_end(shaped: Sequence[_Shaped], start: int) -> int:
    """Where the table whose first row is ``start`` ends (its last row's index + 1)."""
    height = shaped[start].line.height
    end = start + 1
    for j in range(start + 1, len(shaped)):
        line = shaped[j].line
        if (
            j - end >= _BETWEEN
            or not _alike(line, height)
            or line.top - shaped[j - 1].line.bottom > 3 * height
        ):
            break
        if shaped[j].is_row:
            end = j + 1
    return end


def _header_start(shaped: Sequence[_Shaped], start: int, floor: int) -> int:
    """The first line of the column headers above the row ``start``."""
    height = shaped[start].line.height
    width = 0.8 * (shaped[start].line.right - shaped[start].line.left)
    first = start
    while first > floor and start - first < _HEADER_LINES:
        line = shaped[first - 1]
        # a header line may be two lines run together (a column's header standing lower)
        if (
            not 0.8 * height <= line.line.height <= 2.2 * height
            or shaped[first].line.top - line.line.bottom > 2.5 * height
        ):
            break
        if _HEADING.match(line.line.text) or (
            len(line.words) == 1 and line.line.right - line.line.left > width
        ):
            break  # a section's heading, or a line of prose as wide as the table
        first -= 1
    return first


def _runs(shaped: Sequence[_Shaped]) -> list[tuple[int, int, int]]:
    """Each table's (first header line, first row, end): two rows at least, or one row of three
    numbers standing apart."""
    runs: list[tuple[int, int, int]] = []
    i = floor = 0
    while i < len(shaped):
        if not shaped[i].is_row:
            i += 1
            continue
        end = _run_end(shaped, i)
        rows = [s for s in shaped[i:end] if s.is_row]
        if len(rows) >= 2 or sum(any(c.isdigit() for c in w.text) for w in rows[0].values) >= 3:
            runs.append((_header_start(shaped, i, floor), i, end))
            floor = end
        i = end
    return runs


def aligned_tables(
    page: int, lines: list[TextLine], rules: Sequence[Rule] = ()
) -> tuple[list[DrawnTable], list[TextLine]]:
    """The tables among a page's lines that are drawn without lines, and the lines left.
    ``rules`` are the page's horizontal rules outside its drawn tables: a table ruled only
    between its rows (no column lines) keeps each row's lines together between its rules."""
    shaped = [_Shaped(line) for line in lines]
    tables: list[DrawnTable] = []
    used: set[int] = set()
    for header, first, end in _runs(shaped):
        end = _through_last_band(shaped, end, rules)
        table = _Builder(page, shaped[header:first], shaped[first:end], rules).table()
        if table is not None:
            tables.append(table)
            used.update(range(header, end))
    return tables, [line for i, line in enumerate(lines) if i not in used]


class _Part(NamedTuple):
    """A part of the table with columns of its own: its header lines, its lines below them, and
    its columns' bounds (label area first, when it has one)."""

    header: list[_Shaped]
    body: list[_Shaped]
    bounds: list[float]
    columns: list[tuple[float, float]]


def _parts(header: list[_Shaped], body: list[_Shaped]) -> list[tuple[list[_Shaped], list[_Shaped]]]:
    """The table cut where a line of column headers stands below rows: a new part begins there,
    with the lines without numbers just before it."""
    parts: list[tuple[list[_Shaped], list[_Shaped]]] = [(header, [])]
    for line in body:
        rows = parts[-1][1]
        if not line.is_row and len(line.words) >= 2 and any(r.is_row for r in rows):
            tail = 0
            while tail < len(rows) and not rows[-1 - tail].is_row:
                tail += 1
            moved = rows[len(rows) - tail :]
            del rows[len(rows) - tail :]
            parts.append(([*moved, line], []))
        else:
            rows.append(line)
    return parts


def _value_columns(rows: Sequence[_Shaped]) -> list[tuple[float, float]] | None:
    """The columns the rows' values stand in: values whose extents overlap share a column. None
    when two values of one line fall into one column (the text does not line up)."""
    spans: list[list[float]] = []
    members: list[list[int]] = []
    items = sorted((w.left, w.right, k) for k, row in enumerate(rows) for w in row.values)
    for left, right, k in items:
        if spans and left < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], right)
            members[-1].append(k)
        else:
            spans.append([left, right])
            members.append([k])
    if any(len(set(m)) != len(m) for m in members):
        return None
    return [(s[0], s[1]) for s in spans]


def _with_header_columns(
    columns: list[tuple[float, float]], header: Sequence[_Shaped], rows: Sequence[_Shaped]
) -> list[tuple[float, float]]:
    """The value columns, and the columns only the header shows (blank in every row): header
    characters right of the labels standing further from every value column than half the
    distance between two neighbouring columns head a column of their own. (Characters, not
    words: a header too wide for its column wraps, and headers and values may be aligned
    differently within their columns.)"""
    middles = [(a + b) / 2 for a, b in columns]
    if len(middles) < 2:
        return columns
    pitch = min(b - a for a, b in itertools.pairwise(middles))
    labels = [w.right for row in rows for w in row.labels]
    # with no labels (table 四) the first column's header may well stand left of every value
    values_start = (max(labels) + columns[0][0]) / 2 if labels else float("-inf")
    runs = [
        run
        for line in header
        for run in _runs_of([g for g in _loose(line, columns, values_start) if _far(g, middles, pitch)])
    ]
    on_grid = [run for run in runs if _on_grid((run[0] + run[1]) / 2, middles, pitch)]
    return sorted([*columns, *_header_only(on_grid, pitch)])


def _on_grid(middle: float, middles: Sequence[float], pitch: float) -> bool:
    """Whether a header run stands where a column would: a whole number of columns away from
    the nearest value column (a table's value columns are as wide as one another), not halfway
    between two (a header over a group of columns)."""
    nearest_middle = min(middles, key=lambda m: abs(m - middle))
    steps = (middle - nearest_middle) / pitch
    return abs(steps - round(steps)) < 0.25


def _loose(line: _Shaped, columns: Sequence[tuple[float, float]], values_start: float) -> list[Glyph]:
    """The characters of a header line right of the labels in words over no value column."""
    return [
        g
        for word in line.words
        if not any(word.left < right and word.right > left for left, right in columns)
        for g in word.glyphs
        if g.left > values_start
    ]


def _far(glyph: Glyph, middles: Sequence[float], pitch: float) -> bool:
    middle = (glyph.left + glyph.right) / 2
    return min(abs(middle - m) for m in middles) > 0.55 * pitch


def _header_only(runs: Sequence[tuple[float, float]], pitch: float) -> list[tuple[float, float]]:
    """The columns the runs of header characters stand over: a run wider than a column heads
    several (a header filling its columns runs them together) and says nothing of where each
    is; runs of several lines whose middles stand closer than half a column head one."""
    extra: list[list[float]] = []  # left, right, middle of the first run
    for left, right in sorted((run for run in runs if run[1] - run[0] <= 1.05 * pitch), key=sum):
        if extra and (left + right) / 2 - extra[-1][2] < pitch / 2:
            extra[-1][0] = min(extra[-1][0], left)
            extra[-1][1] = max(extra[-1][1], right)
        else:
            extra.append([left, right, (left + right) / 2])
    return [(a, b) for a, b, _ in extra]


def _runs_of(glyphs: Sequence[Glyph]) -> list[tuple[float, float]]:
    """Characters of one line that stand next to one another, as the extents of their runs."""
    runs: list[list[float]] = []
    for glyph in sorted(glyphs, key=_left):
        if runs and glyph.left <= runs[-1][1] + 1.0:
            runs[-1][1] = max(runs[-1][1], glyph.right)
        else:
            runs.append([glyph.left, glyph.right])
    return [(a, b) for a, b in runs]


def _left(glyph: Glyph) -> float:
    return glyph.left


class _Builder:
    """Builds one table drawn without lines."""

    def __init__(
        self, page: int, header: list[_Shaped], body: list[_Shaped], rules: Sequence[Rule] = ()
    ) -> None:
        self.page = page
        self.header = header
        self.body = body
        self.cuts = _row_rules([*header, *body], rules)

    def table(self) -> DrawnTable | None:
        parts: list[_Part] = []
        for header, body in _parts(self.header, self.body):
            rows = [line for line in body if line.is_row]
            columns = _value_columns(rows)
            if columns is None:
                return None
            columns = _with_header_columns(columns, header, rows)
            if rows:
                parts.append(_Part(header, body, _bounds(header + body, columns), columns))
            elif parts:  # header lines with no row below them: the last part's
                parts[-1].body.extend(header)
        if not parts:
            return None
        left = min(part.bounds[0] for part in parts)
        right = max(part.bounds[-1] for part in parts)
        for part in parts:  # every part spans the whole table
            part.bounds[0], part.bounds[-1] = left, right
        xs = clusters([x for part in parts for x in part.bounds], 3.0)
        cells: list[DrawnCell] = []
        tops: list[float] = []
        for part in parts:
            for group in _row_groups(part, self.cuts):
                cells.extend(_row_cells(self.page, len(tops), group, part, xs))
                tops.append(min(line.line.top for line in group))
        bottom = max(line.line.bottom for part in parts for line in part.header + part.body)
        return DrawnTable(self.page, xs, [*tops, bottom], cells)


def _bounds(lines: Sequence[_Shaped], columns: list[tuple[float, float]]) -> list[float]:
    """Where a part's columns begin and end: the label area's left edge (when its rows have
    labels), a border midway between each two columns, and the right edge."""
    left = min(w.left for line in lines for w in line.words)
    right = max([columns[-1][1], *(w.right for line in lines for w in line.words)])
    between = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    labels = [w.right for line in lines if line.is_row for w in line.labels if w.right <= columns[0][0]]
    if not labels:  # no row has a label (table 四): no label area, however far the headers reach
        return [min(left, columns[0][0]) - 1.0, *between, right + 1.0]
    first = (max(labels) + columns[0][0]) / 2
    return [left - 1.0, first, *between, right + 1.0]


def _through_last_band(shaped: Sequence[_Shaped], end: int, rules: Sequence[Rule]) -> int:
    """Where a table ends once the lines below its last row, above the rule under that row, are
    taken in: a label wrapped below its numbers in the last row of a table ruled between its
    rows."""
    if not rules:
        return end
    last = shaped[end - 1].line
    below = [r.at for r in rules if r.at >= last.bottom - 1 and r.start <= last.left and r.end >= last.right]
    if not below:
        return end
    floor = min(below)
    while end < len(shaped) and not shaped[end].is_row and shaped[end].line.bottom <= floor:
        end += 1
    return end


def _row_rules(body: Sequence[_Shaped], rules: Sequence[Rule]) -> list[float]:
    """Where the rules drawn across a table's rows stand (a table ruled only between its rows):
    horizontal rules over the rows' span, as wide as most of it. None for fewer than three."""
    if not rules or not body:
        return []
    left = min(line.line.left for line in body)
    right = max(line.line.right for line in body)
    top, bottom = body[0].line.top, body[-1].line.bottom
    wide = 0.6 * (right - left)
    cuts = sorted(
        r.at
        for r in rules
        if top - 1 <= r.at <= bottom + 1 and min(r.end, right) - max(r.start, left) >= wide
    )
    return cuts if len(cuts) >= 3 else []


def _row_groups(part: _Part, cuts: Sequence[float] = ()) -> list[list[_Shaped]]:
    """The part's lines grouped into the table's rows: each header line a row; below them, lines
    standing as close as one cell's lines do make one row (a label wrapped above or below its
    numbers, a number wrapped under its line), but two lines with labels and values never. Where
    rules are drawn between the rows (``cuts``), the lines between two rules are one row however
    far apart (a label wrapped below its numbers in a top-aligned cell), and no row crosses one."""
    header = list(part.header)
    current: list[_Shaped] = []
    if cuts and part.body:  # header lines in the first row's band are that row's label
        while header and _same_band(header[-1].line, part.body[0].line, cuts):
            current.insert(0, header.pop())
    groups: list[list[_Shaped]] = [[line] for line in header]
    for line in part.body:
        labelled = line.is_row and bool(line.labels)
        together = (
            _same_band(current[-1].line, line.line, cuts)
            if cuts and current
            else bool(current) and _close(current[-1].line, line.line)
        )
        if together and not (labelled and _has_row(current)):
            current.append(line)
            continue
        if current:
            groups.append(current)
        current = [line]
    if current:
        groups.append(current)
    return groups


def _same_band(above: TextLine, below: TextLine, cuts: Sequence[float]) -> bool:
    """Whether no rule stands between two lines."""
    return not any(above.bottom <= cut <= below.top + 0.5 * below.height for cut in cuts)


def _close(above: TextLine, below: TextLine) -> bool:
    return below.top - above.bottom < _SAME_CELL * min(above.height, below.height)


def _has_row(group: Sequence[_Shaped]) -> bool:
    return any(line.is_row and line.labels for line in group)


def _row_cells(page: int, row: int, group: list[_Shaped], part: _Part, xs: list[float]) -> list[DrawnCell]:
    """One row's cells: the label area's words in one cell, each value column's in its own."""
    top = min(line.line.top for line in group)
    bottom = max(line.line.bottom for line in group)
    edges = [nearest(xs, x) for x in part.bounds]
    spans = list(itertools.pairwise(edges))
    value_spans = spans[-len(part.columns) :]
    label_span = spans[0] if len(spans) > len(part.columns) else None
    found: dict[tuple[int, int], list[TextLine]] = {}
    for line in group:
        for word in line.words:
            span = _span_of(word, part, value_spans, label_span)
            if span is not None:
                found.setdefault(span, []).append(word)
    cells = []
    for start, end in ([label_span] if label_span else []) + value_spans:
        cell = DrawnCell(page, (row, row + 1, start, max(end, start + 1)), (xs[start], top, xs[end], bottom))
        cell.lines = _reading_order(found.get((start, end), []))
        cells.append(cell)
    return cells


def _span_of(
    word: TextLine, part: _Part, value_spans: list[tuple[int, int]], label_span: tuple[int, int] | None
) -> tuple[int, int] | None:
    middle = (word.left + word.right) / 2
    for (left, right), span in zip(part.columns, value_spans, strict=True):
        if word.left < right and word.right > left:
            return span
    if label_span is not None and middle < part.bounds[1]:
        return label_span
    # a header word over the values: the column under its middle
    k = min(
        range(len(part.columns)), key=lambda i: abs((part.columns[i][0] + part.columns[i][1]) / 2 - middle)
    )
    return value_spans[k]


def _reading_order(found: list[TextLine]) -> list[TextLine]:
    """A cell's words in reading order: column by column from the left (a group label standing
    beside a row label comes first), top to bottom within each."""
    if len(found) < 2:
        return found
    starts = clusters((w.left for w in found), 6.0)
    return sorted(found, key=lambda w: (nearest(starts, w.left), w.top, w.left))
