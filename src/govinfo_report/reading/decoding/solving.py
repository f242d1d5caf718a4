"""A table's rows read together: the readings of each row that some solution of the table's
equations uses, found without listing the combinations of readings.

The work on one table is bounded by a :class:`Budget` of :data:`TABLE_STEPS`; past it the
caller falls back on less of the arithmetic (see :func:`decode`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

from ...model import Value
from .rows import Reading, describe

#: A linear rule over cells, ``sum(sign * cell) == 0``: terms of (row key, cell index, sign).
Equation = tuple[tuple[str, int, int], ...]

#: Work one table may use in all: splitting its rows, and solving it (a step there is a partial
#: table extended by one row reading).
TABLE_STEPS = 30_000

#: What one reading adds to the equations' residuals: (equation, amount), by equation.
_Move = tuple[tuple[int, int], ...]
#: The residual of every equation after some rows.
_State = tuple[int, ...]


class Budget:
    """A step allowance shared by every solve of one table, so their total stays bounded."""

    def __init__(self, steps: int = TABLE_STEPS) -> None:
        self.left = steps

    def spend(self, steps: int = 1) -> bool:
        """Take ``steps``; False once the allowance is spent."""
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
    not_whole = {  # cells that some reading leaves blank or holds as an amount
        (row, col)
        for row, found in readings.items()
        for reading in found
        for col, value in enumerate(reading)
        if type(value) is not int
    }
    return [
        equation
        for equation in equations
        if all(row in readings and (row, col) not in not_whole for row, col, _ in equation)
    ]


def solve(
    readings: Mapping[str, Sequence[Reading]], equations: Sequence[Equation], budget: Budget
) -> Solved | None:
    """All combinations of one reading per row under which every equation holds.

    The rows with one reading add a fixed amount to each equation; they start the search. The
    others are taken one at a time, fewest readings first. A partial table is summarised by the
    residual of each equation, and partial tables with equal residuals are merged, so the work is
    rows × distinct residual vectors × distinct contributions of a row — not the product of the
    rows' reading counts. A residual that the remaining rows cannot bring back to zero (from
    their smallest and largest contributions) is dropped on the spot. A backward pass over the
    same layers keeps the readings that lie on a complete solution and counts the solutions.

    Returns None when ``budget`` runs out; the caller then decides with each row's sums only.
    """
    checked = usable(equations, readings)
    fixed = {row for row in readings if len(readings[row]) == 1}
    order = sorted((row for row in readings if row not in fixed), key=lambda row: len(readings[row]))
    start = [0] * len(checked)
    for e, equation in enumerate(checked):
        for row, col, sign in equation:
            if row in fixed:
                value = readings[row][0][col]
                assert isinstance(value, int)
                start[e] += sign * value
    moves = _moves(order, readings, checked)
    layers = _forward(moves, tuple(start), budget)
    if layers is None:
        return None
    if not layers[-1]:
        return Solved({}, 0)
    solved = _backward(order, readings, moves, layers, budget)
    viable = {row: tuple(readings[row]) for row in fixed} | solved.viable
    return Solved({row: viable[row] for row in readings}, solved.solutions)


def _moves(
    order: Sequence[str], readings: Mapping[str, Sequence[Reading]], checked: Sequence[Equation]
) -> list[dict[_Move, list[Reading]]]:
    """For each row in ``order``, its readings grouped by what they add to the equations:
    readings that add the same are one move of the search."""
    touching: dict[str, list[tuple[int, int, int]]] = {row: [] for row in order}
    for e, equation in enumerate(checked):
        for row, col, sign in equation:
            if row in touching:
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
    return moves


def _bounds(moves: Sequence[Mapping[_Move, object]], size: int) -> tuple[list[list[int]], list[list[int]]]:
    """``low[k][e]`` and ``high[k][e]``: the least and most that rows ``k`` on can still add to
    equation ``e``, each row adding its smallest or its largest move (every move of a row adds
    to the same equations)."""
    low = [[0] * size for _ in range(len(moves) + 1)]
    high = [[0] * size for _ in range(len(moves) + 1)]
    for k in range(len(moves) - 1, -1, -1):
        lo, hi = list(low[k + 1]), list(high[k + 1])
        least: dict[int, int] = {}
        most: dict[int, int] = {}
        for move in moves[k]:
            for e, v in move:
                if e not in least or v < least[e]:
                    least[e] = v
                if e not in most or v > most[e]:
                    most[e] = v
        for e, v in least.items():
            lo[e] += v
        for e, v in most.items():
            hi[e] += v
        low[k], high[k] = lo, hi
    return low, high


def _forward(
    moves: Sequence[Mapping[_Move, object]], start: _State, budget: Budget
) -> list[set[_State]] | None:
    """The residual vectors reachable after each row, from ``start``: ``layers[k]`` before row
    ``k``. A residual that the rows after can no longer cancel is dropped at once (``start``
    too). The layers stop early at an empty one (no solution); None when ``budget`` runs out."""
    low, high = _bounds(moves, len(start))
    reachable = all(-hi <= r <= -lo for r, lo, hi in zip(start, low[0], high[0], strict=True))
    layers: list[set[_State]] = [{start} if reachable else set()]
    for k, row_moves in enumerate(moves):
        current = layers[k]
        if not current:
            break
        if not budget.spend(len(current) * len(row_moves)):
            return None
        nxt: set[_State] = set()
        lo, hi = low[k + 1], high[k + 1]
        for move in row_moves:
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
        layers.append(nxt)
    return layers


def _backward(
    order: Sequence[str],
    readings: Mapping[str, Sequence[Reading]],
    moves: Sequence[Mapping[_Move, list[Reading]]],
    layers: Sequence[set[_State]],
    budget: Budget,
) -> Solved:
    """From the last layer (the zero vector alone) back to the first (the start alone): the
    number of ways each state reaches zero, and the readings of each row whose move takes a
    state to one that does."""
    start = next(iter(layers[0]))
    counts: dict[_State, int] = dict.fromkeys(layers[-1], 1)
    viable: dict[str, tuple[Reading, ...]] = {}
    for k in range(len(order) - 1, -1, -1):
        budget.spend(len(layers[k]) * len(moves[k]))
        before: dict[_State, int] = {}
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
    return Solved(viable, counts.get(start, 0))


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
    return _set_aside(readings, equations, loose, budget)


def _set_aside(
    readings: Mapping[str, Sequence[Reading]],
    equations: Sequence[Equation],
    loose: Callable[[str], tuple[Reading, ...] | None],
    budget: Budget,
) -> Decoded:
    """The readings of every table that holds once one row is set aside, each row in turn, and
    the set-aside row's cells from its digits alone (see :func:`decode`)."""
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
    if len(readings) == 1:
        return readings[0]
    if not readings:
        return (None,) * size
    out: list[Value] = []
    for col in range(size):
        values = {r[col] for r in readings}
        out.append(values.pop() if len(values) == 1 else None)
    return tuple(out)
