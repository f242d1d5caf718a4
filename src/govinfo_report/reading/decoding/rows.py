"""One row's digits cut into cells: every cutting that the printing rules and the row's sums allow.

A chunk of text holds one or more whole cells (a space that survived is a cell boundary), a
printed count has no leading zero, only an amount has decimals, and in a sum range of counts the
last cell is the sum of the others. :func:`split_row` lists every cutting that obeys all of it,
within :data:`ROW_STEPS` steps and :data:`ROW_READINGS` readings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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
    kind. A sum range of counts is read total first: for each place its total can
    stand, the digits before it are cut into the other cells so that they add up to it (see
    ``cuts``). A row with a blank chunk is cut without sums (a blank is not 0). Dead states are
    remembered, ``max_steps`` bounds the work and ``max_readings`` the answer.
    """
    n, m = shape.size, len(chunks)
    ranges: dict[int, int] = {}
    if all(chunk is not None for chunk in chunks):
        ranges = {
            start: end
            for start, end in shape.sums
            if end - start >= 2 and all(kind == "count" for kind in shape.kinds[start:end])
        }
    # the row's characters in one string (a blank chunk is one placeholder character)
    text = "".join(chunk if chunk is not None else "/" for chunk in chunks)
    starts = [0] * (m + 1)
    for i, chunk in enumerate(chunks):
        starts[i + 1] = starts[i] + (len(chunk) if chunk is not None else 1)
    next_boundary = [0] * (len(text) + 1)  # the first chunk boundary after each position
    for i in range(m):
        for x in range(starts[i], starts[i + 1]):
            next_boundary[x] = starts[i + 1]
    next_boundary[len(text)] = len(text)
    chunks_from = [0] * (len(text) + 1)  # chunks begun at or after a position, or running through it
    for i in range(m):
        for x in range(starts[i], starts[i + 1]):
            chunks_from[x] = m - i
    widest = [0] * (len(text) + 1)  # the longest cell that can start at a position or later
    for x in range(len(text) - 1, -1, -1):
        widest[x] = max(widest[x + 1], next_boundary[x] - x)
    digit_sum = [0] * (len(text) + 1)
    for x, ch in enumerate(text):
        digit_sum[x + 1] = digit_sum[x] + (int(ch) if ch.isdigit() else 0)

    found: list[Reading] = []
    cells: list[Value] = []
    dead: set[tuple[int, int]] = set()
    cut_cache: dict[tuple[int, int, int, int], list[tuple[int, ...]]] = {}
    steps = 0

    def tick(work: int = 1) -> None:
        nonlocal steps
        steps += work
        if steps > max_steps:
            raise _Stop

    def fits(x: int, count: int) -> bool:
        """Whether the text from position ``x`` has room for exactly ``count`` cells: each
        chunk needs a cell, each cell a character."""
        return chunks_from[x] <= count <= len(text) - x

    def visit(x: int, k: int) -> bool:
        """Read cell ``k`` from position ``x`` on; True when some reading was completed."""
        if k == n:
            if x < len(text):
                return False
            found.append(tuple(cells))
            if len(found) >= max_readings:
                raise _Stop
            return True
        if (x, k) in dead or not fits(x, n - k):
            return False
        tick(1 + next_boundary[x] - x)
        ok = False
        if k in ranges:
            ok = visit_range(x, k, ranges[k])
        elif text[x] == "/":
            cells.append(None)
            ok = visit(x + 1, k + 1)
            cells.pop()
        else:
            for y in range(x + 1, next_boundary[x] + 1):
                value = parse_cell(text[x:y], shape.kinds[k])
                if value is None:
                    continue
                cells.append(value)
                ok = visit(y, k + 1) or ok
                cells.pop()
        if not ok:
            dead.add((x, k))
        return ok

    def visit_range(x: int, start: int, end: int) -> bool:
        """Read the sum range [start, end) from ``x`` on: its total, then the cells before it."""
        parts = end - start - 1
        ok = False
        for t in range(x + parts, len(text)):
            tick()
            if t - x > parts * widest[t]:
                break  # the text before any later total is too long for its cells
            for y in range(t + 1, next_boundary[t] + 1):
                total = parse_cell(text[t:y], "count")
                if total is None:
                    break  # a leading zero: longer totals have it too
                assert isinstance(total, int)
                if t - x > parts * (y - t):
                    continue  # no cell of the range may have more digits than its total
                if y - t > t - x - parts + 2:
                    break  # the total would have more digits than the cells can add up to
                if not fits(y, n - end):
                    continue
                for cut in cuts(x, t, parts, total):
                    cells.extend(cut)
                    cells.append(total)
                    ok = visit(y, end) or ok
                    del cells[-parts - 1 :]
        return ok

    def cuts(a: int, b: int, parts: int, total: int) -> list[tuple[int, ...]]:
        """The ways to cut text[a:b] into ``parts`` counts that add up to ``total``.

        Meet in the middle: the first half of the cells is cut forwards from ``a``, the second
        half backwards from ``b``, and the two are joined where they meet on the sum. Nothing is
        cut unless the digit sum agrees modulo 9 (a number is its digit sum modulo 9, so the
        cells' sum is the text's digit sum, however it is cut)."""
        key = (a, b, parts, total)
        cached = cut_cache.get(key)
        if cached is not None:
            return cached
        out: list[tuple[int, ...]] = []
        width = len(str(total))
        if parts <= b - a <= parts * width and (digit_sum[b] - digit_sum[a] - total) % 9 == 0:
            first = parts // 2
            forward = half(a, b, first, parts - first, total, width, 1)
            backward = half(b, a, parts - first, first, total, width, -1)
            for q, lefts in forward.items():
                rights = backward.get(q)
                if not rights:
                    continue
                tick(len(lefts) + len(rights))
                by_sum: dict[int, list[tuple[int, ...]]] = {}
                for value, right in rights:
                    by_sum.setdefault(value, []).append(right)
                for value, left in lefts:
                    out.extend(left + right for right in by_sum.get(total - value, ()))
        cut_cache[key] = out
        return out

    def half(
        origin: int, limit: int, parts: int, others: int, total: int, width: int, direction: int
    ) -> dict[int, list[tuple[int, tuple[int, ...]]]]:
        """Every cut of ``parts`` counts, each at most ``total``, from ``origin`` towards
        ``limit`` (forwards when ``direction`` is 1, else backwards), by the place it ends:
        place -> [(sum, cells in text order)]. The text left must still fit ``others`` cells,
        and what they add at the least must still fit under ``total``."""
        low, high = min(origin, limit), max(origin, limit)
        layer: dict[int, list[tuple[int, tuple[int, ...]]]] = {origin: [(0, ())]}
        for done in range(parts):
            later = parts - done - 1 + others  # cells still to come after this one
            nxt: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
            for pos, partials in layer.items():
                tick(len(partials) * width)
                for d in range(1, width + 1):
                    lo, hi = (pos, pos + d) if direction == 1 else (pos - d, pos)
                    if lo < low or hi > high or hi > next_boundary[lo]:
                        break  # past the end, or across a space: a cell never spans one
                    end = hi if direction == 1 else lo
                    rest = abs(limit - end)
                    if rest < later:
                        break
                    if rest > later * width:
                        continue
                    if d > 1 and text[lo] == "0":
                        if direction == 1:
                            break
                        continue
                    value = int(text[lo:hi])
                    # the cells still to come add at least this (one has rest/later digits or
                    # more) and less than that (one has all but a digit for each of the others)
                    least = value + (10 ** (-(-rest // later) - 1) if later and rest > later else 0)
                    most = value + (10 ** (rest - later + 1) + 9 * later if later else 0)
                    if least > total:
                        if direction == 1 and value > total:
                            break
                        continue
                    bucket = nxt.setdefault(end, [])
                    for so_far, got in partials:
                        if so_far + least <= total <= so_far + most:
                            bucket.append(
                                (so_far + value, (*got, value) if direction == 1 else (value, *got))
                            )
            layer = nxt
        return layer

    try:
        visit(0, 0)
    except _Stop:
        return RowSplits(tuple(found), False, steps)
    return RowSplits(tuple(found), True, steps)
