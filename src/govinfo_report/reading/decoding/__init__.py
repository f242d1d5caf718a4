"""Reading flattened tables: digit runs that lost their cell separators, split by arithmetic.

Crawlers that strip tags and some OCR tools print a table row as its label followed by all of its
digits (``一、本年新收政府信息公开申请数量801000081`` is 80 | 1 | 0 | 0 | 0 | 0 | 81). Nothing in
the text says where one cell ends, but the template does: every row of table 三 ends with the sum
of its other six cells, its columns add up (一 + 二 = （七）总计 + 四, and （七）总计 is the sum of
the result rows), each block of table 四 ends with its total, and a printed count never has a
leading zero. This module finds every way of cutting the digits into cells that satisfies all of
that, for the whole table at once, and keeps a cell only where all those ways agree. A cell with
several valid readings is left blank with the readings in a diagnostic; a number is never guessed.

The search is bounded: splitting one row stops after :data:`ROW_STEPS` steps or
:data:`ROW_READINGS` readings, and all the work on one table stops after :data:`TABLE_STEPS`
(see :func:`solve` and :func:`decode_table`). Past a bound the answer uses less of the
arithmetic and so leaves more cells blank; it never becomes a different number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from .. import diagnostics as diag
from ..model import Cell, Diagnostic, Value
from ..template.spec import (
    OTHER_SUBROWS,
    RESULT_ROWS_2021,
    REVIEW_BLOCKS,
    REVIEW_OUTCOMES,
    TABLE_NAMES_ZH,
    ColumnKind,
    RowSpec,
    TableSpec,
)

#: How a cell is printed: a count (no sign, no leading zero), a signed change, or an amount
#: that may have decimals.
Kind = ColumnKind
#: A stretch of digits with no separator inside (``"801000081"``); None is a cell printed blank.
Chunk = str | None
#: The cells of one row, as one way of cutting its digits.
Reading = tuple[Value, ...]
#: A linear rule over cells, ``sum(sign * cell) == 0``: terms of (row key, cell index, sign).
Equation = tuple[tuple[str, int, int], ...]

#: Work one row may use while its digits are split (a step is a cell or a partial cut tried).
ROW_STEPS = 10_000
#: Readings kept for one row; a row with more is too ambiguous to help and is left blank.
ROW_READINGS = 2_000
#: Work one table may use in all: splitting its rows, and solving it (a step there is a partial
#: table extended by one row reading).
TABLE_STEPS = 30_000

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


# --- one row ----------------------------------------------------------------------------------


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


# --- the whole table --------------------------------------------------------------------------


class Budget:
    """A step allowance shared by every solve of one table, so their total stays bounded."""

    def __init__(self, steps: int = TABLE_STEPS) -> None:
        self.left = steps

    def spend(self, steps: int) -> bool:
        self.left -= steps
        return self.left >= 0


class Solved(NamedTuple):
    """The readings of each row that take part in at least one complete solution, and the
    number of complete solutions (0: the equations cannot all hold)."""

    viable: dict[str, tuple[Reading, ...]]
    solutions: int


def usable(equations: Iterable[Equation], readings: Mapping[str, Sequence[Reading]]) -> list[Equation]:
    """The equations that can be checked: every row they name is there, and none of its
    readings leaves the cell blank or holds an amount (a blank is not 0)."""
    return [
        equation
        for equation in equations
        if all(
            row in readings and all(type(r[col]) is int for r in readings[row]) for row, col, _ in equation
        )
    ]


_Move = tuple[tuple[int, int], ...]  # (equation, amount added to its residual)


def solve(
    readings: Mapping[str, Sequence[Reading]], equations: Sequence[Equation], budget: Budget
) -> Solved | None:
    """All combinations of one reading per row under which every equation holds.

    Rows are taken one at a time, fewest readings first. A partial table is summarised by the
    residual of each equation, and partial tables with equal residuals are merged, so the work is
    rows × distinct residual vectors × distinct contributions of a row — not the product of the
    rows' reading counts. A residual that the remaining rows cannot bring back to zero (from
    their smallest and largest contributions) is dropped on the spot. A backward pass over the
    same layers keeps the readings that lie on a complete solution and counts the solutions.

    Returns None when ``budget`` runs out; the caller then decides with each row's sums only.
    """
    checked = usable(equations, readings)
    order = sorted(readings, key=lambda row: len(readings[row]))
    size = len(checked)
    touching: dict[str, list[tuple[int, int, int]]] = {row: [] for row in order}
    for e, equation in enumerate(checked):
        for row, col, sign in equation:
            touching[row].append((e, col, sign))

    moves: list[dict[_Move, list[Reading]]] = []
    for row in order:
        groups: dict[_Move, list[Reading]] = {}
        for reading in readings[row]:
            added: dict[int, int] = {}
            for e, col, sign in touching[row]:
                value = reading[col]
                assert isinstance(value, int)
                added[e] = added.get(e, 0) + sign * value
            groups.setdefault(tuple(sorted(added.items())), []).append(reading)
        moves.append(groups)
    # low[k][e], high[k][e]: the least and most rows k.. can still add to equation e
    low = [[0] * size for _ in range(len(order) + 1)]
    high = [[0] * size for _ in range(len(order) + 1)]
    for k in range(len(order) - 1, -1, -1):
        low[k], high[k] = list(low[k + 1]), list(high[k + 1])
        for e in {e for move in moves[k] for e, _ in move}:
            values = [dict(move).get(e, 0) for move in moves[k]]
            low[k][e] += min(values)
            high[k][e] += max(values)

    zero = (0,) * size
    layers: list[set[tuple[int, ...]]] = [{zero}]
    for k in range(len(order)):
        current = layers[k]
        if not budget.spend(len(current) * len(moves[k])):
            return None
        nxt: set[tuple[int, ...]] = set()
        lo, hi = low[k + 1], high[k + 1]
        for move in moves[k]:
            # (equation, amount, least and most residual the later rows can still cancel)
            checks = [(e, v, -hi[e], -lo[e]) for e, v in move]
            for state in current:
                after = list(state)
                for e, v, least, most in checks:
                    residual = after[e] + v
                    if residual < least or residual > most:
                        break
                    after[e] = residual
                else:
                    nxt.add(tuple(after))
        if not nxt:
            return Solved({}, 0)
        layers.append(nxt)

    counts: dict[tuple[int, ...], int] = dict.fromkeys(layers[-1], 1)  # only the zero vector
    viable: dict[str, tuple[Reading, ...]] = {}
    for k in range(len(order) - 1, -1, -1):
        budget.spend(len(layers[k]) * len(moves[k]))
        before: dict[tuple[int, ...], int] = {}
        kept: list[Reading] = []
        for move, group in moves[k].items():
            used = False
            for state in layers[k]:
                after = list(state)
                for e, v in move:
                    after[e] += v
                ways = counts.get(tuple(after), 0)
                if ways:
                    before[state] = before.get(state, 0) + ways * len(group)
                    used = True
            if used:
                kept.extend(group)
        keep = set(kept)
        viable[order[k]] = tuple(r for r in readings[order[k]] if r in keep)
        counts = before
    return Solved({row: viable[row] for row in readings}, counts.get(zero, 0))


class Decoded(NamedTuple):
    """The readings each row keeps (None: the row cannot be decided) and how they were chosen.

    ``set_aside`` lists the rows whose removal lets the table's arithmetic hold when it cannot
    hold with all of them (the report misprints one of them); ``digits_only`` is True when no
    single row explains it and only what the digits themselves force was kept; ``exhausted``
    is True when the step budget ran out and only each row's own sums were used."""

    viable: dict[str, tuple[Reading, ...] | None]
    solutions: int
    set_aside: tuple[str, ...] = ()
    digits_only: bool = False
    exhausted: bool = False


def decode(
    readings: Mapping[str, Sequence[Reading]],
    equations: Sequence[Equation],
    loose: Callable[[str], tuple[Reading, ...] | None],
    budget: Budget,
) -> Decoded:
    """Choose the rows' readings under the table's ``equations``.

    ``readings`` are each row's readings under its own sums (a row read normally has just one);
    ``loose(row)`` gives a row's readings without its sums (None when too many to list). When
    the equations and sums hold together, that is the answer. When they cannot, the report
    misprints something: on the assumption that it is one row, each row is set aside in turn
    (its sums and every equation it is in dropped, its cells read from the digits alone) and the
    readings of every table that then holds are kept together. When no single row explains it,
    only the digits decide. Keeping more readings only blanks more cells, so a cell that still
    has one value has it in every table that the arithmetic left standing allows.
    """
    full = solve(readings, equations, budget)
    if full is None:
        return Decoded({row: tuple(r) for row, r in readings.items()}, 0, exhausted=True)
    if full.solutions:
        return Decoded(dict(full.viable), full.solutions)
    merged: dict[str, set[Reading] | None] = {row: set() for row in readings}
    count = 0
    set_aside: list[str] = []
    for row in readings:
        rest = {other: r for other, r in readings.items() if other != row}
        solved = solve(rest, equations, budget)
        if solved is None:  # the arithmetic is known to be off: only the digits can be trusted
            return Decoded({row: loose(row) for row in readings}, 0, digits_only=True, exhausted=True)
        if not solved.solutions:
            continue
        set_aside.append(row)
        count += solved.solutions
        for other, kept in solved.viable.items():
            bucket = merged[other]
            if bucket is not None:
                bucket.update(kept)
        alone = loose(row)
        bucket = merged[row]
        if alone is None or bucket is None:
            merged[row] = None
        else:
            bucket.update(alone)
    if not set_aside:
        return Decoded({row: loose(row) for row in readings}, 0, digits_only=True)
    viable: dict[str, tuple[Reading, ...] | None] = {}
    for row, bucket in merged.items():
        viable[row] = None if bucket is None else tuple(sorted(bucket, key=_order(readings[row])))
    return Decoded(viable, count, tuple(set_aside))


def _order(first: Sequence[Reading]) -> Callable[[Reading], tuple[int, str]]:
    """Readings in a stable order for messages: the row's own readings first, as found."""
    index = {reading: k for k, reading in enumerate(first)}
    return lambda reading: (index.get(reading, len(index)), describe(reading))


def agreed(readings: Sequence[Reading], size: int) -> tuple[Value, ...]:
    """Cell by cell, the value every reading agrees on, else None."""
    if not readings:
        return (None,) * size
    out: list[Value] = []
    for col in range(size):
        values = {r[col] for r in readings}
        out.append(values.pop() if len(values) == 1 else None)
    return tuple(out)


def describe(reading: Reading) -> str:
    """A reading as the cells it cuts: ``77|132|470``."""
    return "|".join(
        "□" if v is None else format(v, "f") if isinstance(v, Decimal) else str(v) for v in reading
    )


def readings_text(readings: Sequence[Reading], limit: int = 5) -> str:
    """The first ``limit`` readings, and how many there are in all."""
    shown = ", ".join(describe(r) for r in readings[:limit])
    if len(readings) > limit:
        shown += f", … ({len(readings)} in all)"
    return shown


# --- tables of the template -------------------------------------------------------------------

REQUEST_SHAPE = Shape(("count",) * 7, ((0, 7),))
REVIEW_SHAPE = Shape(("count",) * 15, ((0, 5), (5, 10), (10, 15)))
#: The row key of table 四's fifteen values, which have no row labels.
REVIEW_ROW = "review_litigation"


def request_equations(rows: Collection[str]) -> tuple[Equation, ...]:
    """Table 三's column arithmetic (FORMAT.md §4) for each of its seven columns:
    一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the result rows (the single
    （六）其他处理 row standing in for its three sub-rows when the table prints it that way)."""
    if "other_processing" in rows:
        results = (*(r for r in RESULT_ROWS_2021 if r not in OTHER_SUBROWS), "other_processing")
    else:
        results = RESULT_ROWS_2021
    equations: list[Equation] = []
    for col in range(len(REQUEST_SHAPE.kinds)):
        equations.append(
            (
                ("new_received", col, 1),
                ("carried_over", col, 1),
                ("total_processed", col, -1),
                ("carried_forward", col, -1),
            )
        )
        equations.append((("total_processed", col, 1), *((row, col, -1) for row in results)))
    return tuple(equations)


class Glued(NamedTuple):
    """A row printed without cell separators: the ways its text can be cut into chunks (more
    than one when the next label's number may be stuck to its end), the digits as printed, and
    the source line."""

    alternatives: tuple[tuple[Chunk, ...], ...]
    printed: str
    line: int | None = None


def chunk_alternatives(chunks: Sequence[Chunk], tail: str | None = None) -> tuple[tuple[Chunk, ...], ...]:
    """The chunk sequences a printed row may stand for.

    ``tail`` is set when the next row's label starts right after the last digit with ``.`` or
    ``、`` — its number (``2.其他法律…``) was read as part of the digits: ``tail`` is that number
    when the template says which it is, ``""`` when it does not; then, or when the digits do
    not end with it, the last one or two digits may be it.
    """
    chunks = tuple(chunks)
    if tail is None:
        return (chunks,)
    last = chunks[-1] if chunks else None
    if last is None:
        return ()
    out: list[tuple[Chunk, ...]] = []
    # the template's number; when the digits do not end with it (a misprinted number), any
    # number of one or two digits
    for cuts in ([tail], [last[-2:], last[-1:]]):
        for cut in cuts:
            if cut and last.endswith(cut) and not cut.startswith("0") and len(last) > len(cut):
                out.append((*chunks[:-1], last[: -len(cut)]))
        if out:
            break
    return tuple(out)


class Fact(NamedTuple):
    """A number the report's prose states for one cell, with the words that state it."""

    row: str
    column: str
    value: int
    quote: str


#: Prose statements that name one cell: (table, row, column, pattern with the number).
_FACT_PATTERNS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    (
        "active_disclosure",
        "normative_documents",
        "issued",
        re.compile(r"(?:制发|出台|印发)(?:了|的)?(?:行政)?规范性文件(?:共计|共)?([0-9]+)件"),
    ),
    (
        "active_disclosure",
        "normative_documents",
        "in_force",
        re.compile(r"现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?([0-9]+)件"),
    ),
    (
        "active_disclosure",
        "regulations",
        "issued",
        re.compile(r"(?:制发|出台|印发)(?:了|的)?规章(?:共计|共)?([0-9]+)件"),
    ),
    (
        "requests",
        "new_received",
        "total",
        # not 收到行政复议申请2件: a review or a lawsuit is not a disclosure request
        re.compile(r"(?:新收|收到|接收)(?:(?!复议|诉讼)[^。；;]){0,40}?申请(?:共计|合计|总计|共)?([0-9]+)件"),
    ),
    (
        REVIEW_ROW,
        REVIEW_ROW,
        "review.total",
        re.compile(r"行政复议(?:案件|申请)?(?:共计|共)?([0-9]+)(?:件|起)"),
    ),
)


def prose_facts(text: str) -> dict[str, tuple[Fact, ...]]:
    """Cell values the report's prose states, by table id. Used only to choose between readings
    of glued digits that the arithmetic leaves open, never to fill or change a cell."""
    facts: dict[str, list[Fact]] = {}
    for table, row, column, pattern in _FACT_PATTERNS:
        for match in pattern.finditer(text):
            facts.setdefault(table, []).append(Fact(row, column, int(match.group(1)), match.group(0)))
    return {table: tuple(found) for table, found in facts.items()}


class TableDecoding(NamedTuple):
    """The cells decided for each glued row (None where its readings disagree) and the notes."""

    rows: dict[str, tuple[Value, ...]]
    diagnostics: tuple[Diagnostic, ...]


def decode_table(
    table: str,
    table_zh: str,
    shapes: Mapping[str, Shape],
    fixed: Mapping[str, Reading],
    glued: Mapping[str, Glued],
    equations: Sequence[Equation] = (),
    facts: Sequence[Fact] = (),
    columns: Mapping[str, Sequence[str]] | None = None,
) -> TableDecoding:
    """Split the glued rows of one table together.

    ``fixed`` are the rows read normally (they take part in the arithmetic as printed);
    ``glued`` the rows to split, each with its ``shapes`` entry. Each glued row is split on its
    own first, under its sums, then :func:`decode` chooses among the readings under the table's
    ``equations``. Where the readings left disagree on a cell, a fact from the prose that picks
    one of them decides it. ``columns`` names each glued row's cells (facts and diagnostics name
    cells by column). All of it shares one :class:`Budget` of :data:`TABLE_STEPS`.
    """
    notes: list[Diagnostic] = []
    readings: dict[str, tuple[Reading, ...]] = {row: (cells,) for row, cells in fixed.items()}
    out: dict[str, tuple[Value, ...]] = {row: (None,) * shapes[row].size for row in glued}
    budget = Budget()
    usable_rows: list[str] = []
    unsplit: dict[str, tuple[Reading, ...] | None] = {}

    def loose(row: str) -> tuple[Reading, ...] | None:
        """A row's readings without its sums (None: too many to list)."""
        if row not in glued:
            return readings[row]
        if row not in unsplit:
            shape = shapes[row]
            unsplit[row] = None
            if _cuts_at_most(glued[row].alternatives, shape.size) <= ROW_READINGS:
                found, complete, _ = _row_readings(glued[row].alternatives, Shape(shape.kinds), budget)
                unsplit[row] = found if complete else None
        return unsplit[row]

    for row, printed in glued.items():
        found, complete, relaxed = _row_readings(printed.alternatives, shapes[row], budget)
        if not complete:
            notes.append(
                _note("glued-cells-limit", table, row, printed, readings=ROW_READINGS, steps=ROW_STEPS)
            )
            continue
        if not found and not (shapes[row].sums and loose(row) != ()):
            notes.append(_note("glued-cells", table, row, printed))  # too few digits, or none fit
            continue
        if relaxed or not found:
            notes.append(_note("glued-cells-row-sum", table, row, printed))
        readings[row] = found
        usable_rows.append(row)
    if not usable_rows:
        return TableDecoding(out, tuple(notes))

    result = decode(readings, equations, loose, budget)
    for fact in facts:
        row = fact.row
        names = tuple(columns.get(row, ())) if columns else ()
        kept = result.viable.get(row)
        if row not in usable_rows or fact.column not in names or kept is None:
            continue
        index = names.index(fact.column)
        values = {r[index] for r in kept}
        if len(values) < 2 or fact.value not in values:
            continue
        narrowed = {**readings, row: tuple(r for r in readings[row] if r[index] == fact.value)}
        retry = decode(narrowed, equations, loose, budget)
        if not retry.exhausted and retry.viable.get(row):
            readings, result = narrowed, retry
            notes.append(
                diag.make(
                    "glued-cells-prose",
                    table=table,
                    row=_row(table, row),
                    column=None if row == table else fact.column,
                    line=glued[row].line,
                    quote=fact.quote,
                    value=fact.value,
                    digits=glued[row].printed,
                )
            )
    if result.exhausted:
        fallback = (
            ("only cells that the digits alone decide were kept", "仅保留数字本身即可确定的单元格")
            if result.digits_only
            else ("each row was split by its own sums only", "仅按各行自身的勾稽关系拆分")
        )
        notes.append(
            diag.make(
                "glued-cells-table-limit",
                table=table,
                table_zh=table_zh,
                steps=TABLE_STEPS,
                fallback=fallback[0],
                fallback_zh=fallback[1],
            )
        )
    elif result.digits_only:
        notes.append(diag.make("glued-cells-digits-only", table=table, table_zh=table_zh))
    elif result.set_aside:
        notes.append(
            diag.make(
                "glued-cells-arithmetic", table=table, table_zh=table_zh, rows=", ".join(result.set_aside)
            )
        )
    split = 0
    for row in usable_rows:
        kept = result.viable.get(row)
        size = shapes[row].size
        printed = glued[row]
        if kept is None:
            notes.append(
                _note("glued-cells-limit", table, row, printed, readings=ROW_READINGS, steps=ROW_STEPS)
            )
            continue
        cells = agreed(kept, size)
        out[row] = cells
        if not kept:
            notes.append(_note("glued-cells", table, row, printed))
        elif any(len({r[c] for r in kept}) > 1 for c in range(size)):
            notes.append(
                _note(
                    "glued-cells-ambiguous",
                    table,
                    row,
                    printed,
                    count=len(kept),
                    readings=readings_text(kept),
                )
            )
        else:
            split += 1
    if split:
        notes.append(diag.make("glued-cells-split", table=table, table_zh=table_zh, count=split))
    return TableDecoding(out, tuple(notes))


def _row_readings(
    alternatives: Sequence[Sequence[Chunk]], shape: Shape, budget: Budget
) -> tuple[tuple[Reading, ...], bool, bool]:
    """The readings of a glued row from every alternative chunking of its text, under the
    row's sums; a row with several sum ranges whose printed totals cannot all hold is read under
    all of them but one, each in turn. Returns (readings, complete, relaxed). At most
    :data:`ROW_STEPS` of ``budget`` are used."""
    allowance = min(ROW_STEPS, max(budget.left, 0))
    used = 0

    def run(with_sums: Shape) -> tuple[dict[Reading, None], bool]:
        nonlocal used
        found: dict[Reading, None] = {}
        for chunks in alternatives:
            result = split_row(chunks, with_sums, max_steps=allowance - used)
            used += result.steps
            found.update(dict.fromkeys(result.readings))
            if not result.complete:
                return found, False
        return found, True

    found, complete = run(shape)
    relaxed = False
    if complete and not found and len(shape.sums) > 1:
        relaxed = True
        for drop in range(len(shape.sums)):
            fewer, complete = run(Shape(shape.kinds, shape.sums[:drop] + shape.sums[drop + 1 :]))
            found.update(fewer)
            if not complete:
                break
    budget.spend(used)
    return tuple(found), complete, relaxed


def _cuts_at_most(alternatives: Sequence[Sequence[Chunk]], cells: int) -> int:
    """An upper bound on the ways to cut a row into ``cells`` cells, whatever the sums: the
    ways to choose the cell boundaries among the places between two characters."""
    return sum(
        math.comb(sum(len(c) if c is not None else 1 for c in chunks) - 1, cells - 1)
        for chunks in alternatives
    )


def _row(table: str, row: str) -> str | None:
    """The row id a diagnostic names (table 四's values have none)."""
    return None if row == table else row


def _note(code: str, table: str, row: str, printed: Glued, **fields: Any) -> Diagnostic:
    """A diagnostic about one glued row."""
    return diag.make(
        code, table=table, row=_row(table, row), line=printed.line, digits=printed.printed, **fields
    )


def decode_rows(
    table: TableSpec,
    read: Mapping[str, tuple[Cell, ...]],
    glued: Mapping[str, Glued],
    facts: Sequence[Fact] = (),
) -> tuple[dict[str, tuple[Cell, ...]], tuple[Diagnostic, ...]]:
    """The cells of the glued rows of a labelled table (二 or 三), split together with the rows
    ``read`` normally; table 三 brings its row sums and column arithmetic, table 二 has none."""
    specs = {spec.id: spec for spec in table.rows}
    sums: tuple[tuple[int, int], ...] = ()
    equations: tuple[Equation, ...] = ()
    if table.id == "requests":
        sums, equations = REQUEST_SHAPE.sums, request_equations(set(read) | set(glued))
    shapes = {row: Shape(_kinds(specs[row]), sums) for row in glued}
    fixed = {row: tuple(c.value for c in cells) for row, cells in read.items() if row not in glued}
    decoded = decode_table(
        table.id,
        TABLE_NAMES_ZH.get(table.id, table.title),
        shapes,
        fixed,
        glued,
        equations,
        facts,
        {row: specs[row].columns for row in glued},
    )
    cells = {
        row: tuple(Cell(value, glued[row].line) for value in values) for row, values in decoded.rows.items()
    }
    return cells, decoded.diagnostics


def decode_review(
    glued: Glued, table_zh: str, facts: Sequence[Fact] = ()
) -> tuple[tuple[Cell, ...], tuple[Diagnostic, ...]]:
    """Table 四's fifteen values from glued digits: three blocks that each end with their total."""
    names = tuple(f"{block}.{outcome}" for block in REVIEW_BLOCKS for outcome in REVIEW_OUTCOMES)
    decoded = decode_table(
        REVIEW_ROW,
        table_zh,
        {REVIEW_ROW: REVIEW_SHAPE},
        {},
        {REVIEW_ROW: glued},
        (),
        facts,
        {REVIEW_ROW: names},
    )
    return tuple(Cell(v, glued.line) for v in decoded.rows[REVIEW_ROW]), decoded.diagnostics


def _kinds(spec: RowSpec) -> tuple[Kind, ...]:
    """The kind of each value cell of a row (a count where the template does not say)."""
    return tuple(spec.kind(i) for i in range(len(spec.columns)))
