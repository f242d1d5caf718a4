"""Cells placed by the table's own arithmetic when the text lost which number is in which row.

PDF text extractors print a table's numbers apart from its labels: every label of a page's part
of the table and then its numbers, row by row or column by column (pdfminer); each row's numbers
before its label rather than after it; labels floating among rows of numbers (PDF-to-markdown
tools). The labels still say which rows a run of numbers covers, and the numbers come in one of
a few *reading orders*. The solver builds the table under every reading order the text allows,
keeps the readings the table's rules (:mod:`govinfo_report.template.rules`) do not contradict,
and accepts a cell only where every kept reading gives it the same value — so an all-zero table
is read whatever the order, and a cell two readings disagree on stays blank, with the readings
listed. It never reads a cell from a reading whose counts do not fit: a blank is better than a
guess.

What the solver works on is what survives every rendering: the sequence of label runs (each
naming a contiguous run of template rows) and numbers, in the order of the text.

*Segments* are label runs with the numbers printed after them, up to the next label run. The
reading orders:

- ``labels first``: each segment's numbers are its own rows', row by row or column by column;
- ``numbers first``: each label run's numbers are those printed before it;
- ``in table order``: the numbers, wherever the labels float among them, fill every row of the
  table in turn.

The work is bounded: per segment at most two orders, combinations up to :data:`STEP_LIMIT`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple

import attrs

from ..model import Cell, Value
from ..template.rules import Check, PrintedTable, checks_for, evaluate
from ..template.spec import TableSpec
from .items import Item
from .values import cells as read_cells
from .values import too_long

#: Combinations of segment orders tried at most; past it nothing is placed.
STEP_LIMIT = 1024

Order = Literal["rows", "columns"]
Direction = Literal["labels first", "numbers first", "in table order"]


class Segment(NamedTuple):
    """A label run naming template rows (indexes in table order), and the values printed after
    it up to the next label run."""

    rows: tuple[int, ...]
    values: tuple[Item, ...]
    line: int


@attrs.frozen
class Reading:
    """One way of placing the numbers: how, and what each row gets (row id -> its items)."""

    how: str
    rows: Mapping[str, tuple[Cell, ...]]
    #: whether it placed the numbers printed before the first label run
    lead: bool = False


@attrs.frozen
class Solution:
    """What every reading the table's rules leave agrees on.

    ``cells``: row id -> its cells, ``None`` where the readings disagree; ``differing``: row id
    -> what each reading gives the row, where they disagree; ``readings``: how each kept reading
    placed the numbers; ``lead``: every kept reading placed the numbers before the first label
    run; ``limit_hit``: the search stopped at :data:`STEP_LIMIT`.
    """

    cells: dict[str, tuple[Cell, ...]]
    differing: dict[str, tuple[str, ...]]
    readings: tuple[str, ...]
    lead: bool = False
    limit_hit: bool = False


def values_of(items: Sequence[Item]) -> tuple[Item, ...]:
    """The printed cells among items: numbers and blank marks (an empty grid cell is layout, not
    a printed cell, once the text has lost its columns)."""
    return tuple(v for v in items if v.kind in ("num", "null"))


def solve(
    table: TableSpec,
    printed: PrintedTable,
    lead: Sequence[Item],
    segments: Sequence[Segment],
    known: Mapping[str, tuple[Cell, ...]],
) -> Solution | None:
    """Place the numbers of ``segments`` by every reading order whose counts fit, keep the
    readings the table's rules allow (with ``known``: rows read already, by id), and return
    what they agree on; None when no reading fits.

    ``lead`` are the values printed before the first label run (the first row's numbers when
    numbers come first).
    """
    order = [k for k, spec in enumerate(table.rows) if spec.id in printed.rows]
    segments = [s._replace(rows=_hull(s.rows, order)) for s in segments if s.rows]
    if not segments or not all(s.rows for s in segments) or not _in_order(segments):
        return None  # (a run naming only rows this table does not print: no reading counts it)
    checks = checks_for(table.id, printed)
    spanned = _hull([k for s in segments for k in s.rows], order)
    if not _confirmable(table, checks, spanned, known):
        return None
    readings: list[Reading] = []
    limit_hit = False
    for direction in ("labels first", "numbers first"):
        blocks = _blocks(direction, lead, segments)
        found, hit = _block_readings(table, blocks, checks, known, direction)
        readings.extend(found)
        limit_hit |= hit
    whole = _whole(table, order, lead, segments, checks, known)
    readings.extend(whole)
    if limit_hit:
        return Solution({}, {}, (), limit_hit=True)
    if not readings:
        return None
    return agreement(table, readings)


def _confirmable(
    table: TableSpec, checks: Sequence[Check], spanned: Sequence[int], known: Mapping[str, object]
) -> bool:
    """Whether some rule across rows can hold: every cell it needs is read already or in a row
    the label runs span. A reading is kept only where such rules confirm its rows (see
    :func:`_allowed`); where none can hold, no reading can be, and none is tried."""
    available = set(known) | {table.rows[k].id for k in spanned}
    for check in checks:
        rows = {key[1] for key in (check.target, *check.plus, *check.minus)}
        if len(rows) > 1 and rows <= available:
            return True
    return False


def _hull(rows: Sequence[int], order: Sequence[int]) -> tuple[int, ...]:
    """The printed rows from the first to the last of ``rows``: a label run a PDF's text prints
    names a run of consecutive rows, though a label may be lost or misspelt inside it."""
    lo, hi = min(rows), max(rows)
    return tuple(k for k in order if lo <= k <= hi)


def _in_order(segments: Sequence[Segment]) -> bool:
    """Whether the segments' rows follow one another down the table without overlapping."""
    return all(a.rows[-1] < b.rows[0] for a, b in itertools.pairwise(segments))


def _blocks(
    direction: Direction, lead: Sequence[Item], segments: Sequence[Segment]
) -> list[tuple[tuple[int, ...], tuple[Item, ...]]] | None:
    """Each label run's rows with the values the direction gives them; None when values are
    left over (numbers after the last run when numbers come first)."""
    if direction == "labels first":
        return [(s.rows, values_of(s.values)) for s in segments]
    if values_of(segments[-1].values):
        return None
    before = [values_of(lead), *(values_of(s.values) for s in segments[:-1])]
    return [(s.rows, b) for s, b in zip(segments, before, strict=True)]


def _block_readings(
    table: TableSpec,
    blocks: list[tuple[tuple[int, ...], tuple[Item, ...]]] | None,
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
    direction: Direction,
) -> tuple[list[Reading], bool]:
    """The readings of one direction: every combination of each block's orders whose counts fit
    and the rules allow. Returns (readings, whether the step limit was hit)."""
    if blocks is None:
        return [], False
    options: list[list[tuple[Order, dict[str, tuple[Cell, ...]]]]] = []
    for rows, values in blocks:
        placed = [(o, p) for o in _orders(table, rows) if (p := _place(table, rows, values, o)) is not None]
        placed = [(o, p) for o, p in placed if _allowed(table, p, checks, known, only_within=True)]
        if not placed:
            return [], False
        options.append(_distinct(placed))
    combinations = 1
    for choice in options:
        combinations *= len(choice)
        if combinations > STEP_LIMIT:
            return [], True
    readings = []
    for combination in itertools.product(*options):
        rows_of: dict[str, tuple[Cell, ...]] = {}
        for _, placed_rows in combination:
            rows_of.update(placed_rows)
        if _allowed(table, rows_of, checks, known):
            orders = " and ".join(_ORDER_WORDS[o] for o in sorted({o for o, _ in combination}))
            readings.append(Reading(f"{direction}, {orders}", rows_of, direction == "numbers first"))
    return readings, False


_ORDER_WORDS = {"rows": "row by row", "columns": "column by column"}


def _orders(table: TableSpec, rows: Sequence[int]) -> list[Order]:
    """The orders a block's numbers may come in: row by row, and column by column where its rows
    have one width and there is more than one row and column."""
    widths = {len(table.rows[k].columns) for k in rows}
    if len(rows) > 1 and len(widths) == 1 and widths.pop() > 1:
        return ["rows", "columns"]
    return ["rows"]


def _place(
    table: TableSpec, rows: Sequence[int], values: Sequence[Item], order: Order
) -> dict[str, tuple[Cell, ...]] | None:
    """The block's rows with their values in ``order``; None when the count does not fit or
    digits ran together."""
    widths = [len(table.rows[k].columns) for k in rows]
    if len(values) != sum(widths) or any(v.glued or too_long(v) for v in values):
        return None  # digits that ran together are the decoder's
    placed: dict[str, tuple[Cell, ...]] = {}
    start, height = 0, len(rows)
    for n, (k, width) in enumerate(zip(rows, widths, strict=True)):
        spec = table.rows[k]
        if order == "rows":
            items = values[start : start + width]
        else:
            items = [values[c * height + n] for c in range(width)]
        placed[spec.id] = read_cells(items, spec)
        start += width
    return placed


def _distinct(
    placed: list[tuple[Order, dict[str, tuple[Cell, ...]]]],
) -> list[tuple[Order, dict[str, tuple[Cell, ...]]]]:
    """The placements that differ in some value (row and column order agree on a one-row block,
    and on a block of zeros): fewer combinations to try."""
    seen: set[tuple[tuple[str, tuple[Value, ...]], ...]] = set()
    kept = []
    for order, rows in placed:
        key = tuple(sorted((r, tuple(c.value for c in row)) for r, row in rows.items()))
        if key not in seen:
            seen.add(key)
            kept.append((order, rows))
    return kept


def _whole(
    table: TableSpec,
    order: Sequence[int],
    lead: Sequence[Item],
    segments: Sequence[Segment],
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
) -> list[Reading]:
    """The numbers, wherever the labels stand among them, filling the rows the label runs span
    in table order, row by row: with or without the numbers before the first label."""
    rows = _hull([k for s in segments for k in s.rows], order)
    after = tuple(v for s in segments for v in values_of(s.values))
    found = []
    for values, with_lead in ((after, False), (values_of(lead) + after, True)):
        placed = _place(table, rows, values, "rows")
        if placed is not None and _allowed(table, placed, checks, known):
            found.append(Reading("in table order, row by row", placed, with_lead))
    return found


def _allowed(
    table: TableSpec,
    rows: Mapping[str, tuple[Cell, ...]],
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
    *,
    only_within: bool = False,
) -> bool:
    """Whether the rules allow the placed rows, with the rows read already: no rule fails, and
    every placed row is in a rule across rows that holds. A row's own sum holds whichever row
    its numbers are given to, so it confirms no order; a table without rules across its rows
    (table 二) is never placed this way. ``only_within``: only the checks all of whose rows were
    placed, and no confirmation asked for (a block is tried before the rest of the table)."""

    def get(key: tuple[str, str, str]) -> Value:
        _, row, column = key
        cells = rows.get(row, known.get(row))
        if cells is None:
            return None
        columns = table.row(row).columns
        return cells[columns.index(column)].value if column in columns else None

    confirmed: set[str] = set()
    for check in checks:
        named = check.rows
        if only_within and not named <= rows.keys():
            continue
        outcome = evaluate(check, get)
        if outcome.failed:
            return False
        if outcome.status == "pass" and len(named) > 1:
            confirmed |= named
    return only_within or rows.keys() <= confirmed


def agreement(table: TableSpec, readings: Sequence[Reading]) -> Solution:
    """What the readings agree on: a row every reading places, cell by cell; a cell they
    disagree on is blank and the row's readings are listed."""
    rows = set.intersection(*(set(r.rows) for r in readings))
    cells: dict[str, tuple[Cell, ...]] = {}
    differing: dict[str, tuple[str, ...]] = {}
    for spec in table.rows:
        if spec.id not in rows:
            continue
        options = [r.rows[spec.id] for r in readings]
        first = options[0]
        row = tuple(
            c if all(o[n].value == c.value for o in options) else Cell(None, c.line, c.column)
            for n, c in enumerate(first)
        )
        cells[spec.id] = row
        shown = tuple(dict.fromkeys(show(o) for o in options))
        if len(shown) > 1:
            differing[spec.id] = shown
    how = tuple(dict.fromkeys(r.how for r in readings))
    return Solution(cells, differing, how, all(r.lead for r in readings))


def show(cells: Sequence[Cell]) -> str:
    """A row's cells as a diagnostic lists a reading: a blank as □."""
    return " ".join("□" if c.value is None else str(c.value) for c in cells)
