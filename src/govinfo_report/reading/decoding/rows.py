"""One row's digits cut into cells: every cutting that the printing rules and the row's sums allow.

A chunk of text holds one or more whole cells (a space that survived is a cell boundary), a
printed count has no leading zero, only an amount has decimals, and in a sum range of counts the
last cell is the sum of the others. :func:`split_row` lists every cutting that obeys all of it,
within :data:`ROW_STEPS` steps and :data:`ROW_READINGS` readings.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from ...model import Value
from ...template.spec import ColumnKind

#: How a cell is printed: a count (no sign, no leading zero), a signed change, or an amount
#: that may have decimals.
Kind = ColumnKind
#: A stretch of digits with no separator inside (``"801000081"``); None is a cell printed blank.
Chunk = str | None
#: The cells of one row, as one way of cutting its digits.
Reading = tuple[Value, ...]

#: Work one row may use while its digits are split (a step is a cell or a partial cut tried).
ROW_STEPS = 10_000
#: Readings kept for one row; a row with more is too ambiguous to help and is left blank.
ROW_READINGS = 2_000

_PATTERNS: dict[str, re.Pattern[str]] = {
    "count": re.compile(r"0|[1-9][0-9]*"),
    "change": re.compile(r"[+-]?(?:0|[1-9][0-9]*)"),
    "amount": re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
}
_DIGITS = frozenset("0123456789")
#: The character that stands for a blank chunk in a row's text.
_BLANK = "/"

#: Cuts of part of a sum range by the place they end and their sum: place -> sum -> [cells in
#: text order].
_Layer = dict[int, dict[int, list[tuple[int, ...]]]]


@attrs.frozen
class Shape:
    """The cells of one printed row: their kinds, and the cell ranges whose last cell is the sum
    of the others (``sums=((0, 7),)`` for a table 三 row, three ranges of five for table 四)."""

    kinds: tuple[Kind, ...]
    sums: tuple[tuple[int, int], ...] = ()

    @property
    def size(self) -> int:
        return len(self.kinds)


def parse_cell(text: str, kind: Kind) -> Value:
    """The value of one cell's text, or None when the text cannot be one printed cell of that
    kind (``"007"`` is never a count; only an amount may have decimals)."""
    if not _PATTERNS[kind].fullmatch(text):
        return None
    if kind == "amount":
        return Decimal(text)
    return int(text)


def describe(reading: Reading) -> str:
    """A reading as the cells it cuts: ``77|132|470``."""
    return "|".join(
        "□" if v is None else format(v, "f") if isinstance(v, Decimal) else str(v) for v in reading
    )


class RowSplits(NamedTuple):
    """The readings of one row's digits. ``complete`` is False when a bound stopped the search
    (the row has at least :data:`ROW_READINGS` readings or needed more than :data:`ROW_STEPS`
    states); such a row decides nothing."""

    readings: tuple[Reading, ...]
    complete: bool
    steps: int = 0


class _Stop(Exception):
    """A bound of :func:`split_row` was reached."""


def split_row(
    chunks: Sequence[Chunk],
    shape: Shape,
    *,
    max_readings: int = ROW_READINGS,
    max_steps: int = ROW_STEPS,
) -> RowSplits:
    """Every way of cutting ``chunks`` into the cells of ``shape``.

    Each chunk holds one or more whole cells (a space that survived in the text is a cell
    boundary), a None chunk is one blank cell, and every cell's text is a valid printing of its
    kind. A sum range of counts is read total first: for each place its total can stand, the
    digits before it are cut into the other cells so that they add up to it (meet in the middle).
    A row with a blank chunk is cut without sums (a blank is not 0). Dead states are remembered,
    ``max_steps`` bounds the work and ``max_readings`` the answer. A row with more characters
    than its cells can hold (:data:`MAX_CELL_CHARACTERS` each) decides nothing, at no cost.

    Answers are kept (:data:`SPLIT_CACHE_SIZE` of them): the same printed rows — ``0000000``,
    ``1000001`` — recur within a report and across reports, and an answer depends on nothing
    but the arguments.
    """
    return _split(tuple(chunks), shape, max_readings, max_steps)


#: Row answers kept by :func:`split_row`.
SPLIT_CACHE_SIZE = 2048


#: A row whose cell boundaries can be placed in at most this many ways is split cell by cell
#: (:func:`_split_few`); longer rows by the search of :class:`_RowSplitter`, whose meeting in the
#: middle only pays on long rows (measured: the two are even at about 14 characters for a table
#: 三 row, 19 for table 四's — 1,716 and 3,060 ways).
FEW_CUTS = 2_000


@functools.lru_cache(maxsize=SPLIT_CACHE_SIZE)
def _split(chunks: tuple[Chunk, ...], shape: Shape, max_readings: int, max_steps: int) -> RowSplits:
    length = sum(len(chunk) if chunk is not None else 1 for chunk in chunks)
    if length > shape.size * MAX_CELL_CHARACTERS:
        return RowSplits((), False, 0)
    if length < shape.size:
        return RowSplits((), True, 0)
    if length == shape.size:
        return _split_one_character_each(chunks, shape) if max_steps >= 1 else RowSplits((), False, 1)
    if len(chunks) == shape.size:
        return _split_one_chunk_each(chunks, shape) if max_steps >= 1 else RowSplits((), False, 1)
    if math.comb(length - 1, shape.size - 1) <= FEW_CUTS:
        return _split_few(chunks, shape, max_readings, max_steps)
    return _RowSplitter(chunks, shape, max_readings, max_steps).run()


def _split_one_character_each(chunks: tuple[Chunk, ...], shape: Shape) -> RowSplits:
    """:func:`split_row` for a row with as many characters as cells (``0000000``): the one
    way to cut it, if its cells are printings of their kinds and its sums hold. One step."""
    text = _joined(chunks)
    if text.isascii() and text.isdigit():  # a digit is a printing of every kind
        cells: tuple[Value, ...] | None = tuple(
            Decimal(ch) if kind == "amount" else int(ch) for ch, kind in zip(text, shape.kinds, strict=True)
        )
    else:
        cells = _parsed([None if ch == _BLANK else ch for ch in text], shape)
    return _the_reading(cells, chunks, shape)


def _split_one_chunk_each(chunks: tuple[Chunk, ...], shape: Shape) -> RowSplits:
    """:func:`split_row` for a row with as many chunks as cells (each chunk holds a cell, so
    each holds just one): that reading, if each chunk is a printing of its cell's kind and the
    sums hold. One step."""
    return _the_reading(_parsed(chunks, shape), chunks, shape)


def _parsed(pieces: Sequence[Chunk], shape: Shape) -> tuple[Value, ...] | None:
    """Each cell's value from its text (None: printed blank); None when one is no printing of
    its cell's kind."""
    cells = tuple(
        None if p is None else parse_cell(p, kind) for p, kind in zip(pieces, shape.kinds, strict=True)
    )
    if any(cell is None and p is not None for cell, p in zip(cells, pieces, strict=True)):
        return None
    return cells


def _the_reading(cells: tuple[Value, ...] | None, chunks: Sequence[Chunk], shape: Shape) -> RowSplits:
    """The one reading ``cells`` of a row cut one way only, where its cells read and its sums
    hold (no sum where a chunk is blank: a blank is not 0). One step."""
    if cells is None:
        return RowSplits((), True, 1)
    for start, end in _count_ranges(chunks, shape).items():
        if cells[end - 1] != sum(cells[start : end - 1]):  # type: ignore[arg-type]
            return RowSplits((), True, 1)
    return RowSplits((cells,), True, 1)


def _split_few(chunks: tuple[Chunk, ...], shape: Shape, max_readings: int, max_steps: int) -> RowSplits:
    """:func:`split_row` for a short row: each cell tried at each length its chunk allows, in
    order, with two shortcuts from the sums. The total of a sum range is not tried: its value is
    the sum before it, so its text is looked for. A sum range that ends the row is read total
    first: each ending of the row that can be its total is tried, and the cells before it are
    cut so that none passes what is left of it. A step is a cell placed."""
    text = _joined(chunks)
    next_boundary, chunks_from = _chunk_tables(_chunk_starts(chunks))
    count_end = _count_ends(text)
    digit_sum = _digit_sums(text)
    ranges = _count_ranges(chunks, shape)
    totals = {end - 1: start for start, end in ranges.items()}
    kinds, size, length = shape.kinds, shape.size, len(text)
    #: the first cell of the sum range that ends the row, read total first
    last_range = next((start for start, end in ranges.items() if end == size), None)
    found: list[Reading] = []
    cells: list[Value] = [None] * size
    steps = 0

    def tick() -> None:
        nonlocal steps
        steps += 1
        if steps > max_steps:
            raise _Stop

    def keep() -> None:
        found.append(tuple(cells))
        if len(found) >= max_readings:
            raise _Stop

    def visit(x: int, k: int) -> None:
        if k == size:
            if x == length:
                keep()
            return
        if not chunks_from[x] <= size - k <= length - x:
            return
        tick()
        if text[x] == _BLANK:
            cells[k] = None
            visit(x + 1, k + 1)
            return
        if k == last_range:
            total_first(x, k)
            return
        last = min(next_boundary[x], length - (size - k - 1))
        start = totals.get(k)
        if start is not None:  # the total of a sum range: its value is the sum before it
            total = str(sum(cells[start:k]))  # type: ignore[arg-type]
            y = x + len(total)
            if y <= last and text.startswith(total, x):
                cells[k] = int(total)
                visit(y, k + 1)
        elif kinds[k] == "count":
            for y in range(x + 1, min(last, count_end[x]) + 1):
                cells[k] = int(text[x:y])
                visit(y, k + 1)
        else:
            for y in range(x + 1, last + 1):
                value = parse_cell(text[x:y], kinds[k])
                if value is not None:
                    cells[k] = value
                    visit(y, k + 1)

    def total_first(x: int, k: int) -> None:
        """Cells ``k`` to the end from ``x``: a sum range whose total ends the row."""
        parts = size - 1 - k
        for t in range(length - 1, x + parts - 1, -1):
            if count_end[t] != length or next_boundary[t] != length:
                continue  # not one count, or not in the last chunk
            total = int(text[t:])
            if parts <= t - x <= parts * (length - t) and (digit_sum[t] - digit_sum[x] - total) % 9 == 0:
                cells[size - 1] = total
                before_total(x, k, t, total, length - t)

    def before_total(x: int, k: int, t: int, left: int, width: int) -> None:
        """Cells ``k`` on, in text[x:t], adding up to ``left``, none wider than the total's
        ``width``: their digits spread as evenly as they can be already add up to at least
        ``10 ** (ceil(digits / cells) - 1)``. The last cell is not tried: it is what is left."""
        if k == size - 1:
            if x == t and left == 0:
                keep()
            return
        parts, rest = size - 1 - k, t - x
        if not (chunks_from[x] <= parts + 1 and parts <= rest <= parts * width):
            return
        if rest > parts and 10 ** (-(-rest // parts) - 1) > left:
            return
        tick()
        if parts == 1:  # the last cell is what is left of the total: it is looked for
            if t <= next_boundary[x] and text[x:t] == str(left):
                cells[k] = left
                keep()
            return
        for y in range(x + 1, min(next_boundary[x], count_end[x], t - parts + 1) + 1):
            value = int(text[x:y])
            if value > left:
                break  # a longer cell is larger still
            cells[k] = value
            if parts > 2:
                before_total(y, k + 1, t, left - value, width)
            elif t <= next_boundary[y] and text[y:t] == str(left - value):  # the last cell, as above
                cells[k + 1] = left - value
                keep()

    try:
        visit(0, 0)
    except _Stop:
        return RowSplits(tuple(found), False, steps)
    if len(found) > 1:
        found.sort(key=_cut_places)  # totals were tried shortest first
    return RowSplits(tuple(found), True, steps)


#: The longest text one printed cell has (a count of nine digits, an amount such as 12345678.90).
MAX_CELL_CHARACTERS = 16


class _RowSplitter:
    """One row being split: its text, tables of what each position allows, and the search state.

    The text is the chunks joined, a blank chunk standing as one :data:`_BLANK` character. For
    each position ``x`` of it:

    - ``chunk_starts[i]``: where chunk ``i`` begins (and, last, where the text ends);
    - ``next_boundary[x]``: where the chunk running through ``x`` ends (no cell runs past it);
    - ``chunks_from[x]``: the chunks that run through ``x`` or begin after it (each needs a cell);
    - ``widest[x]``: the longest cell that can begin at ``x`` or later;
    - ``digit_sum[x]``: the sum of the digits before ``x`` (a number is its digit sum modulo 9);
    - ``count_end[x]``: the furthest end of a count printed from ``x`` (``x`` when none starts
      there, ``x + 1`` after a ``0``: a count has no leading zero).
    """

    __slots__ = (
        "cells",
        "chunk_starts",
        "chunks_from",
        "count_end",
        "counts_at",
        "cut_cache",
        "dead",
        "digit_sum",
        "found",
        "kinds",
        "max_readings",
        "max_steps",
        "next_boundary",
        "ranges",
        "size",
        "steps",
        "text",
        "widest",
    )

    def __init__(self, chunks: Sequence[Chunk], shape: Shape, max_readings: int, max_steps: int) -> None:
        self.kinds = shape.kinds
        self.size = shape.size
        self.max_readings = max_readings
        self.max_steps = max_steps
        #: the sum ranges read total first, by their first cell: start -> end
        self.ranges = _count_ranges(chunks, shape)
        self.text = _joined(chunks)
        self.chunk_starts = _chunk_starts(chunks)
        self.next_boundary, self.chunks_from = _chunk_tables(self.chunk_starts)
        self.widest = _widest(self.next_boundary)
        self.digit_sum = _digit_sums(self.text)
        self.count_end = _count_ends(self.text)
        self.found: list[Reading] = []
        #: the cells of the reading under way
        self.cells: list[Value] = []
        #: (position, cell) states from which no reading can be completed
        self.dead: set[tuple[int, int]] = set()
        self.cut_cache: dict[tuple[int, int, int, int], list[tuple[int, ...]]] = {}
        #: the counts each place begins (its key) or ends (-1 - place), see :meth:`counts_from`
        self.counts_at: dict[int, tuple[int, list[tuple[int, int]]]] = {}
        self.steps = 0

    def run(self) -> RowSplits:
        """Search from the first cell; a bound ends the search with what was found so far."""
        try:
            self.visit(0, 0)
        except _Stop:
            return RowSplits(tuple(self.found), False, self.steps)
        if len(self.found) > 1:
            self.found.sort(key=_cut_places)
        return RowSplits(tuple(self.found), True, self.steps)

    def tick(self, work: int = 1) -> None:
        """Count ``work`` steps, and stop the search once they pass ``max_steps``."""
        self.steps += work
        if self.steps > self.max_steps:
            raise _Stop

    def fits(self, x: int, count: int) -> bool:
        """Whether the text from position ``x`` has room for exactly ``count`` cells: each
        chunk needs a cell, each cell a character."""
        return self.chunks_from[x] <= count <= len(self.text) - x

    def fitting(self, count: int) -> range:
        """The positions ``x`` for which :meth:`fits` holds: from the start of the chunk
        ``count`` chunks before the end (from any earlier place more chunks are left than
        cells) to ``count`` characters before the end."""
        first_chunk = max(len(self.chunk_starts) - 1 - count, 0)
        return range(self.chunk_starts[first_chunk], len(self.text) - count + 1)

    def visit(self, x: int, k: int) -> bool:
        """Read cell ``k`` from position ``x`` on; True when some reading was completed.

        A state that completed nothing is dead: what can follow it depends only on where it is
        (a sum range begins at its cell, so no earlier cell takes part in it), so it is never
        searched twice. Each state costs a step per character it may read.
        """
        if k == self.size:
            return self.complete(x)
        if (x, k) in self.dead or not self.fits(x, self.size - k):
            return False
        self.tick(1 + self.next_boundary[x] - x)
        if k in self.ranges:
            ok = self.visit_range(x, k, self.ranges[k])
        elif self.text[x] == _BLANK:
            ok = self.visit_blank(x, k)
        else:
            ok = self.visit_cell(x, k)
        if not ok:
            self.dead.add((x, k))
        return ok

    def complete(self, x: int) -> bool:
        """Keep the reading under way if it used the whole text."""
        if x < len(self.text):
            return False
        self.found.append(tuple(self.cells))
        if len(self.found) >= self.max_readings:
            raise _Stop
        return True

    def visit_blank(self, x: int, k: int) -> bool:
        """Cell ``k`` is the blank chunk at ``x``."""
        self.cells.append(None)
        ok = self.visit(x + 1, k + 1)
        self.cells.pop()
        return ok

    def visit_cell(self, x: int, k: int) -> bool:
        """Cell ``k`` is each valid printing of its kind from ``x`` to at most its chunk's end."""
        ok = False
        kind = self.kinds[k]
        for y in range(x + 1, self.next_boundary[x] + 1):
            value = parse_cell(self.text[x:y], kind)
            if value is None:
                continue
            self.cells.append(value)
            ok = self.visit(y, k + 1) or ok
            self.cells.pop()
        return ok

    def visit_range(self, x: int, start: int, end: int) -> bool:
        """Read the sum range [start, end) from ``x`` on: its total, then the cells before it.

        The total is tried at each place ``t`` in turn. No cell of the range has more digits
        than its total (a count has no leading zero), and no total begins at ``t`` or later with
        more digits than ``widest[t]``, so once the ``t - x`` characters before the total are
        more than ``parts * widest[t]`` no later place can hold it either.
        """
        parts = end - start - 1
        ok = False
        for t in range(x + parts, len(self.text)):
            self.tick()
            if t - x > parts * self.widest[t]:
                break
            for y, total in self.totals(x, t, parts, end):
                for cut in self.cuts(x, t, parts, total):
                    self.cells.extend(cut)
                    self.cells.append(total)
                    ok = self.visit(y, end) or ok
                    del self.cells[-parts - 1 :]
        return ok

    def totals(self, x: int, t: int, parts: int, end: int) -> Iterator[tuple[int, int]]:
        """The places ``y`` where a total printed from ``t`` may end, shortest first, each with
        its value, for a range of ``parts`` cells printed in text[x:t].

        It is a count, so it ends by ``count_end[t]``; no cell has more digits than it, so it
        has at least ``(t - x) / parts`` digits; and it has at most ``t - x - parts + 2``: the
        cells use ``t - x`` digits and at least one each, so at most one has ``t - x - parts + 1``
        and the others one, and for up to eleven cells their sum is shorter than one digit more.
        What follows it must still fit the cells after the range.
        """
        first = t - (-(t - x) // parts)
        last = min(self.next_boundary[t], self.count_end[t], 2 * t - x - parts + 2)
        fitting = self.fitting(self.size - end)
        for y in range(max(first, fitting.start), min(last + 1, fitting.stop)):
            yield y, int(self.text[t:y])

    def cuts(self, a: int, b: int, parts: int, total: int) -> list[tuple[int, ...]]:
        """The ways to cut text[a:b] into ``parts`` counts that add up to ``total``.

        Meet in the middle (:meth:`joined_halves`). Nothing is
        cut unless each cell can have between one digit and as many as the total, the digit
        sum agrees modulo 9 (a number is its digit sum modulo 9, so the cells' sum is the text's
        digit sum, however it is cut), and cells of that many digits can add up to the total
        (:func:`_rest_bounds`)."""
        key = (a, b, parts, total)
        cached = self.cut_cache.get(key)
        if cached is not None:
            return cached
        out: list[tuple[int, ...]] = []
        width = len(str(total))
        digit_sum = self.digit_sum
        least, most = _rest_bounds(b - a, parts, width, total)
        if (
            parts <= b - a <= parts * width
            and (digit_sum[b] - digit_sum[a] - total) % 9 == 0
            and least <= total <= most
            and self.may_lead(a, b, parts, total, width)
        ):
            out = self.joined_halves(a, b, parts, total, width)
        self.cut_cache[key] = out
        return out

    def joined_halves(self, a: int, b: int, parts: int, total: int, width: int) -> list[tuple[int, ...]]:
        """:meth:`cuts` by meeting in the middle: the second half of the cells is cut backwards
        from ``b``, the first half but its last cell forwards from ``a``; each of those is
        joined by a last cell to the cuts of the second half that begin where it ends and bring
        the sum to ``total``. Only the cuts that join are ever put together."""
        first = parts // 2
        backward = self.half(b, a, parts - first, first, total, width, -1)
        if first == 0:
            return list(backward.get(a, {}).get(total, []))
        forward = self.half(a, b, first - 1, parts - first + 1, total, width, 1)
        out: list[tuple[int, ...]] = []
        for pos, sums in forward.items():
            self.tick(len(sums) * width)
            cells = self.next_cells(pos, a, b, parts - first, total, width, 1)
            ordered = sorted(sums) if len(sums) > 1 else list(sums)
            for end, value, least, most in cells:
                rights = backward.get(end)
                if not rights:
                    continue
                for so_far in _between(ordered, total - most, total - least):
                    lasts = rights.get(total - so_far - value)
                    if lasts:
                        self.tick(len(lasts))
                        out.extend((*left, value, *right) for left in sums[so_far] for right in lasts)
        return out

    def may_lead(self, a: int, b: int, parts: int, total: int, width: int) -> bool:
        """Whether text[a:b] holds a count that can be the largest of ``parts`` cells adding up
        to ``total``: one of ``width - 1`` or ``width`` digits (fewer than ten cells of fewer
        digits add up to less than ``total``), with the other cells, in the digits left, adding
        up to what it lacks of ``total``. Where the total is much wider than the digits spread
        over the cells (``…12464864873087`` after twenty digits), the others are small, so that
        count must print nearly the total's own leading digits: a scan of the text finds none
        at far less cost than cutting it. False only when no such count is printed."""
        if parts < 2 or parts > 9:
            return True
        text = self.text
        for size in (width, width - 1):
            if size < 1 or b - a - size < parts - 1:
                continue
            least, most = _rest_bounds(b - a - size, parts - 1, width, total)
            if most >= total:
                return True  # the others alone may reach the total: no count is singled out
            low, high = total - most, total - least
            for s in range(a, b - size + 1):
                if (size == 1 or text[s] != "0") and s + size <= self.next_boundary[s]:
                    digits = text[s : s + size]
                    if digits.isdigit() and low <= int(digits) <= high:
                        return True
        return False

    def half(
        self, origin: int, limit: int, parts: int, others: int, total: int, width: int, direction: int
    ) -> _Layer:
        """Every cut of ``parts`` counts, each at most ``total``, from ``origin`` towards
        ``limit`` (forwards when ``direction`` is 1, else backwards), by the place it ends and
        then by its sum: place -> sum -> [cells in text order]. The text left must still fit
        ``others`` cells, and a partial cut is kept only while the cells still to come can bring
        its sum to ``total`` (see :meth:`next_cells`)."""
        layer: _Layer = {origin: {0: [()]}}
        for done in range(parts):
            later = parts - done - 1 + others
            nxt: _Layer = {}
            for pos, sums in layer.items():
                self.tick(len(sums) * width)
                cells = self.next_cells(pos, origin, limit, later, total, width, direction)
                if not cells:
                    continue
                ordered = sorted(sums) if len(sums) > 1 else list(sums)
                for end, value, least, most in cells:
                    # a partial sum s is kept when s + least <= total <= s + most
                    kept_sums = _between(ordered, total - most, total - least)
                    if not kept_sums:
                        continue
                    bucket = nxt.setdefault(end, {})
                    for so_far in kept_sums:
                        cuts = sums[so_far]
                        longer = (
                            [(*cut, value) for cut in cuts]
                            if direction == 1
                            else [(value, *cut) for cut in cuts]
                        )
                        kept = bucket.get(so_far + value)
                        if kept is None:
                            bucket[so_far + value] = longer
                        else:
                            kept.extend(longer)
            layer = nxt
        return layer

    def next_cells(
        self, pos: int, origin: int, limit: int, later: int, total: int, width: int, direction: int
    ) -> list[tuple[int, int, int, int]]:
        """The cells that can be cut next from ``pos`` in ``direction``, shortest first, with
        ``later`` cells still to come before ``limit``: (place it ends, value, least and most
        that it and the later cells add up to).

        The counts that begin (forwards) or end (backwards) at ``pos`` come from
        :meth:`counts_from`. Longer ones are tried until one runs past ``limit``, leaves fewer
        characters than the later cells need or is wider than the total: every longer one
        would too. A cell is skipped
        when it leaves more characters than the later cells can hold (each at most as long as
        the total). What the ``rest`` characters left add up to is bounded by
        :func:`_rest_bounds`. A cell whose least is past the total is skipped; forwards, once
        the cell alone is past it, so is every longer one.
        """
        out: list[tuple[int, int, int, int]] = []
        most_rest = later * width
        for end, value in self.counts_from(pos, direction, width):
            rest = limit - end if direction == 1 else end - limit
            if rest < later or abs(end - pos) > width:
                break  # past the limit too, or too little left, or wider than the total
            if rest > most_rest:
                continue
            low_rest, high_rest = _rest_bounds(rest, later, width, total)
            if value + low_rest > total:
                if direction == 1 and value > total:
                    break
                continue
            out.append((end, value, value + low_rest, value + high_rest))
        return out

    def counts_from(self, pos: int, direction: int, width: int) -> list[tuple[int, int]]:
        """The counts printed from ``pos`` on (``direction`` 1) or up to it (-1), shortest
        first, each with where its other end is and its value: within one chunk, digits only,
        no leading zero (forwards a ``0`` is a count of its own and ends the list; backwards a
        longer count may still begin with another digit). Worked out once per place and
        direction, to ``width`` digits at least (a list worked out wider is longer)."""
        key = pos if direction == 1 else -1 - pos
        known = self.counts_at.get(key)
        if known is not None and known[0] >= width:
            return known[1]
        text = self.text
        found: list[tuple[int, int]] = []
        if direction == 1:
            for y in range(pos + 1, min(self.count_end[pos], self.next_boundary[pos], pos + width) + 1):
                found.append((y, int(text[pos:y])))
        else:
            next_boundary = self.next_boundary
            for lo in range(pos - 1, max(pos - width, 0) - 1, -1):
                if next_boundary[lo] < pos or text[lo] not in _DIGITS:
                    break
                if lo == pos - 1 or text[lo] != "0":
                    found.append((lo, int(text[lo:pos])))
        self.counts_at[key] = (width, found)
        return found


def _between(ordered: Sequence[int], low: int, high: int) -> Sequence[int]:
    """The values of ``ordered`` (sorted) from ``low`` to ``high``, both included."""
    first = bisect.bisect_left(ordered, low)
    return ordered[first : bisect.bisect_right(ordered, high, first)]


@functools.lru_cache(maxsize=4096)
def _rest_bounds(rest: int, later: int, width: int, total: int) -> tuple[int, int]:
    """The least and the most that ``later`` counts printed in ``rest`` digits add up to, each
    count at most ``width`` digits and at most ``total``.

    The least spreads the digits evenly (a count of ``n`` digits is at least ``10 ** (n - 1)``,
    and that grows faster than the digits); the most gives as many counts as it can ``width``
    digits (each then at most ``total``), one count what is left, and the others one digit.
    """
    if not later:
        return 0, 0
    even, longer = divmod(rest, later)
    least = longer * _smallest(even + 1) + (later - longer) * _smallest(even)
    if width == 1:
        return least, 9 * later
    full, left = divmod(rest - later, width - 1)
    if full >= later:
        return least, later * total
    most = full * min(10**width - 1, total) + (10 ** (left + 1) - 1) + (later - full - 1) * 9
    return least, most


def _smallest(digits: int) -> int:
    """The smallest count printed with ``digits`` digits."""
    return 10 ** (digits - 1) if digits > 1 else 0


def _cut_places(reading: Reading) -> tuple[int, ...]:
    """A reading's cell widths: readings in the order of their cell boundaries, whichever
    search found them."""
    return tuple(len(describe((value,))) for value in reading)


def _count_ranges(chunks: Sequence[Chunk], shape: Shape) -> dict[int, int]:
    """The sum ranges that are read total first, start -> end: those of two cells or more, all
    counts, and none when a chunk is blank (a blank is not 0)."""
    if any(chunk is None for chunk in chunks):
        return {}
    return {
        start: end
        for start, end in shape.sums
        if end - start >= 2 and all(kind == "count" for kind in shape.kinds[start:end])
    }


def _joined(chunks: Sequence[Chunk]) -> str:
    """The row's text: its chunks one after the other, a blank chunk as :data:`_BLANK`."""
    if None in chunks:
        return "".join(chunk if chunk is not None else _BLANK for chunk in chunks)
    return "".join(chunks)  # type: ignore[arg-type]


def _chunk_starts(chunks: Sequence[Chunk]) -> list[int]:
    """Where each chunk begins in the row's text (a blank chunk is one character), and where
    the text ends."""
    starts = [0]
    for chunk in chunks:
        starts.append(starts[-1] + (len(chunk) if chunk is not None else 1))
    return starts


def _chunk_tables(starts: Sequence[int]) -> tuple[list[int], list[int]]:
    """For each position of the row's text: where its chunk ends, and how many chunks run
    through it or begin after it."""
    length, count = starts[-1], len(starts) - 1
    if count == 1:
        return [length] * (length + 1), [1] * length + [0]
    next_boundary = [0] * (length + 1)
    chunks_from = [0] * (length + 1)
    for i in range(count):
        for x in range(starts[i], starts[i + 1]):
            next_boundary[x] = starts[i + 1]
            chunks_from[x] = count - i
    next_boundary[length] = length
    return next_boundary, chunks_from


def _widest(next_boundary: Sequence[int]) -> list[int]:
    """For each position, the longest cell that can begin there or later."""
    widest = [0] * len(next_boundary)
    for x in range(len(next_boundary) - 2, -1, -1):
        widest[x] = max(widest[x + 1], next_boundary[x] - x)
    return widest


def _digit_sums(text: str) -> list[int]:
    """For each position, the sum of the digits before it."""
    if text.isascii() and text.isdigit():
        return list(itertools.accumulate(map(int, text), initial=0))
    digit_sum = [0] * (len(text) + 1)
    for x, ch in enumerate(text):
        digit_sum[x + 1] = digit_sum[x] + (int(ch) if ch.isdigit() else 0)
    return digit_sum


def _count_ends(text: str) -> list[int]:
    """For each position, the furthest end of a count printed from there."""
    length = len(text)
    if text.isascii() and text.isdigit():
        return [x + 1 if ch == "0" else length for x, ch in enumerate(text)] + [length]
    count_end = list(range(len(text) + 1))
    run_end = len(text)
    for x in range(len(text) - 1, -1, -1):
        if text[x] not in _DIGITS:
            run_end = x
        elif text[x] != "0":
            count_end[x] = run_end
        else:
            count_end[x] = x + 1
    return count_end
