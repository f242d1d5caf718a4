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
  table in turn, in blocks of rows each printed row by row or column by column (plain
  ``pdftotext`` prints a run of rows whose labels wrapped one column after another, and the
  labels elsewhere); the rows' own sums tell the blocks apart;
- ``in label order``: the same, with the rows in the order their labels were printed, where
  that is not the table's — a report may print two rows of a group the other way round, which
  no sum down the group sees, so both readings stand and the cells they disagree on stay blank.

The work is bounded: per segment at most two orders, combinations up to :data:`STEP_LIMIT`;
the table-order readings of a table together within :data:`WORK_LIMIT` steps.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Literal, NamedTuple, cast

import attrs

from ..model import Cell, Value
from ..template.rules import (
    Check,
    PrintedTable,
    Terms,
    checks_for,
    evaluate,
    row_terms,
    rows_getter,
    sum_holds,
)
from ..template.spec import TableSpec
from .decoding.solving import Budget
from .items import Item
from .values import cells as read_cells
from .values import too_long

#: Combinations of segment orders tried at most; past it nothing is placed.
STEP_LIMIT = 1024
#: Work the search for table-order readings of one table may do (a :class:`~.decoding.Budget`:
#: a row's sum tried or a way of filling rows built is one step, about 2.5 µs; a reading checked
#: against the table's rules ten); past it nothing is placed.
WORK_LIMIT = 15_000
#: The steps of checking one reading against the table's rules.
_CHECK_STEPS = 10
#: Orders of a block's columns tried at most when its columns may be printed out of the
#: table's order (columns that print alike count once); past it they are not tried.
MOVED_LIMIT = 120

Order = Literal["rows", "columns", "moved", "split"]
Direction = Literal["labels first", "numbers first", "in table order"]


class Segment(NamedTuple):
    """A label run naming template rows (indexes in table order), and the values printed after
    it up to the next label run; ``order``: the rows in the order their labels were printed,
    where known."""

    rows: tuple[int, ...]
    values: tuple[Item, ...]
    line: int
    order: tuple[int, ...] = ()


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
    run; ``limit_hit``: the search stopped at :data:`STEP_LIMIT` or :data:`WORK_LIMIT`.
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
    *,
    rows_kept: bool = False,
) -> Solution | None:
    """Place the numbers of ``segments`` by every reading order whose counts fit, keep the
    readings the table's rules allow (with ``known``: rows read already, by id), and return
    what they agree on; None when no reading fits.

    ``lead`` are the values printed before the first label run (the first row's numbers when
    numbers come first). ``rows_kept``: some row's numbers stand on its label's line, so the
    text keeps rows; label runs out of table order then mean rows printed out of order, and
    filling the rows in table order would swap their numbers (no sum across rows sees that).
    """
    order = [k for k, spec in enumerate(table.rows) if spec.id in printed.rows]
    segments = [_hulled(s, order) for s in segments if s.rows]
    if not segments or not all(s.rows for s in segments):
        return None  # (a run naming only rows this table does not print: no reading counts it)
    checks = checks_for(table.id, printed)
    spanned = _hull([k for s in segments for k in s.rows], order)
    if not _confirmable(table, checks, spanned, known):
        return None
    readings: list[Reading] = []
    limit_hit = False
    in_order = _in_order(segments)
    if not in_order and (
        _rows_out_of_order(table, segments) or (rows_kept and not _labels_float(table, order, lead, segments))
    ):
        return None
    if in_order:  # labels printed out of order pair with no numbers by position
        for direction in ("labels first", "numbers first"):
            blocks = _blocks(direction, lead, segments)
            found, hit = _block_readings(table, blocks, checks, known, direction)
            readings.extend(found)
            limit_hit |= hit
    whole, hit = _whole(table, spanned, lead, segments, checks, known)
    readings.extend(whole)
    limit_hit |= hit
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


def _hulled(segment: Segment, order: Sequence[int]) -> Segment:
    """The segment naming every printed row from its first to its last (see :func:`_hull`),
    in table order and in the order its labels were printed."""
    rows = _hull(segment.rows, order) if segment.rows else ()
    return segment._replace(rows=rows, order=as_printed(rows, segment.order or segment.rows))


def as_printed(rows: Sequence[int], printed: Sequence[int]) -> tuple[int, ...]:
    """``rows`` in the order of ``printed`` (the rows whose labels were read, as they were
    printed); a row whose label was not read goes after the row before it in the table."""
    sequence = [k for k in dict.fromkeys(printed) if k in rows]
    for n, k in enumerate(rows):
        if k not in sequence:
            sequence.insert(sequence.index(rows[n - 1]) + 1 if n else 0, k)
    return tuple(sequence)


def _sequences(segment: Segment) -> tuple[tuple[int, ...], ...]:
    """The orders a segment's rows may come in: the table's, and the one its labels were
    printed in where that differs (a report may print rows out of the template's order, and a
    text that keeps no row with its numbers cannot say which)."""
    return tuple(dict.fromkeys((segment.rows, segment.order or segment.rows)))


def _hull(rows: Sequence[int], order: Sequence[int]) -> tuple[int, ...]:
    """The printed rows from the first to the last of ``rows``: a label run a PDF's text prints
    names a run of consecutive rows, though a label may be lost or misspelt inside it."""
    lo, hi = min(rows), max(rows)
    return tuple(k for k in order if lo <= k <= hi)


def _in_order(segments: Sequence[Segment]) -> bool:
    """Whether the segments' rows follow one another down the table without overlapping."""
    return all(a.rows[-1] < b.rows[0] for a, b in itertools.pairwise(segments))


def _rows_out_of_order(table: TableSpec, segments: Sequence[Segment]) -> bool:
    """Whether a label run standing out of table order is followed by just the numbers of its
    rows: the report printed those rows out of order, each with its numbers — not labels
    gathered apart from numbers in table order."""
    last = -1
    for segment in segments:
        width = sum(len(table.rows[k].columns) for k in segment.rows)
        if segment.rows[0] <= last and len(values_of(segment.values)) == width:
            return True
        last = max(last, segment.rows[-1])
    return False


def _labels_float(
    table: TableSpec, order: Sequence[int], lead: Sequence[Item], segments: Sequence[Segment]
) -> bool:
    """Whether the label runs out of table order are labels printed apart from their rows, not
    rows printed out of order with their numbers: every run that holds as many numbers as its
    rows have cells or more stands among its first row's numbers where the numbers, read in
    table order, put them; the others are labels the text printed apart (plain ``pdftotext``
    prints some labels of a narrow column after the table, and a label below its row's first
    number). Two rows printed the other way round, each with its numbers, fail it."""
    widths = [len(table.rows[k].columns) for k in order]
    start = dict(zip(order, itertools.accumulate(widths, initial=0), strict=False))  # row -> its first number
    printed = len(values_of(lead))
    for segment in segments:
        count = len(values_of(segment.values))
        first = segment.rows[0]
        holds_its_rows = count >= sum(len(table.rows[k].columns) for k in segment.rows)
        if holds_its_rows and not start[first] <= printed < start[first] + len(table.rows[first].columns):
            return False
        printed += count
    return True


Block = tuple[tuple[tuple[int, ...], ...], tuple[Item, ...]]


def _blocks(direction: Direction, lead: Sequence[Item], segments: Sequence[Segment]) -> list[Block] | None:
    """Each label run's rows (in the orders they may come in) with the values the direction
    gives them; None when values are left over (numbers after the last run when numbers come
    first)."""
    if direction == "labels first":
        return [(_sequences(s), values_of(s.values)) for s in segments]
    if values_of(segments[-1].values):
        return None
    before = [values_of(lead), *(values_of(s.values) for s in segments[:-1])]
    return [(_sequences(s), b) for s, b in zip(segments, before, strict=True)]


def _block_readings(
    table: TableSpec,
    blocks: list[Block] | None,
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
    direction: Direction,
) -> tuple[list[Reading], bool]:
    """The readings of one direction: every combination of each block's orders whose counts fit
    and the rules allow. Returns (readings, whether the step limit was hit)."""
    if blocks is None:
        return [], False
    options: list[list[tuple[Order, dict[str, tuple[Cell, ...]]]]] = []
    for sequences, values in blocks:
        placed = [
            (o, p)
            for rows in sequences
            for o in _orders(table, rows)
            if (p := _place(table, rows, values, o)) is not None
        ]
        placed = [(o, p) for o, p in placed if _allowed(table, p, checks, known, only_within=True)]
        if not placed:
            placed = _columns_moved(table, sequences, values, checks, known)
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


_ORDER_WORDS = {
    "rows": "row by row",
    "columns": "column by column",
    "moved": "column by column with the columns in another order",
    "split": "the first column apart, then the rest column by column",
}


def _orders(table: TableSpec, rows: Sequence[int]) -> list[Order]:
    """The orders a block's numbers may come in: row by row, and column by column where its rows
    have one width and there is more than one row and column."""
    widths = {len(table.rows[k].columns) for k in rows}
    if len(rows) > 1 and len(widths) == 1 and widths.pop() > 1:
        return ["rows", "columns"]
    return ["rows"]


def _place(
    table: TableSpec,
    rows: Sequence[int],
    values: Sequence[Item],
    order: Order,
    sources: Sequence[int] | None = None,
) -> dict[str, tuple[Cell, ...]] | None:
    """The block's rows with their values in ``order``; None when the count does not fit or
    digits ran together. ``sources`` (column by column only): for each of the table's columns,
    which printed column holds it, where the columns were printed in another order."""
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
            columns = sources if sources is not None else range(width)
            items = [values[c * height + n] for c in columns]
        placed[spec.id] = read_cells(items, spec)
        start += width
    return placed


def _columns_moved(
    table: TableSpec,
    sequences: Sequence[tuple[int, ...]],
    values: Sequence[Item],
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
) -> list[tuple[Order, dict[str, tuple[Cell, ...]]]]:
    """A block read column by column with its columns printed in another order than the
    table's (pdfminer can print a total column before the column the table puts before it):
    every order of the printed columns whose rows' own sums hold. Tried only where no order of
    the table's own fits; every order the sums allow is kept, so the cells they disagree on stay
    blank unless the rules across blocks decide them."""
    placed: list[tuple[Order, dict[str, tuple[Cell, ...]]]] = []
    for rows in sequences:
        if "columns" not in _orders(table, rows):
            continue
        height = len(rows)
        width = len(table.rows[rows[0]].columns)
        if len(values) != width * height:
            continue
        printed = [tuple(v.text for v in values[c * height : (c + 1) * height]) for c in range(width)]
        for sources in _arrangements(printed, MOVED_LIMIT):
            p = _place(table, rows, values, "columns", sources)
            if p is not None and _allowed(table, p, checks, known, only_within=True):
                placed.append(("moved", p))
    return placed


def _arrangements(printed: Sequence[tuple[str, ...]], limit: int) -> list[tuple[int, ...]]:
    """The distinct ways the printed columns can stand in the table's columns, each as the
    printed column every table column takes; columns that print alike are one (a run of zero
    columns moves nowhere). Empty when there are more than ``limit``."""
    alike: dict[tuple[str, ...], list[int]] = {}
    for index, column in enumerate(printed):
        alike.setdefault(column, []).append(index)
    groups = list(alike.values())
    found: list[tuple[int, ...]] = []

    def extend(sequence: list[int], left: list[int]) -> bool:
        if len(sequence) == len(printed):
            used = [0] * len(groups)
            sources = []
            for group in sequence:
                sources.append(groups[group][used[group]])
                used[group] += 1
            found.append(tuple(sources))
            return len(found) <= limit
        for group, count in enumerate(left):
            if count:
                left[group] -= 1
                sequence.append(group)
                going = extend(sequence, left)
                sequence.pop()
                left[group] += 1
                if not going:
                    return False
        return True

    complete = extend([], [len(group) for group in groups])
    return found if complete else []


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
    rows: Sequence[int],
    lead: Sequence[Item],
    segments: Sequence[Segment],
    checks: Sequence[Check],
    known: Mapping[str, tuple[Cell, ...]],
) -> tuple[list[Reading], bool]:
    """The numbers, wherever the labels stand among them, filling the rows the label runs span
    in table order — with or without the numbers before the first label — in blocks of rows
    each printed row by row or column by column (see :func:`fillings`). Returns (readings,
    whether the step limit was hit)."""
    after = tuple(v for s in segments for v in values_of(s.values))
    sequences = {"table": tuple(rows), "label": as_printed(rows, [k for s in segments for k in s.order])}
    found = []
    budget = Budget(WORK_LIMIT)
    for where, sequence in sequences.items():
        if where == "label" and sequence == sequences["table"]:
            continue  # the labels were printed in table order: one reading
        for values, with_lead in ((after, False), (values_of(lead) + after, True)):
            filled, hit = fillings(table, sequence, values, checks, budget)
            if hit:
                return [], True
            for how, placed in filled:
                if not budget.spend(_CHECK_STEPS):
                    return [], True
                if _allowed(table, placed, checks, known):
                    found.append(Reading(f"in {where} order, {how}", placed, with_lead))
    return found, False


def fillings(
    table: TableSpec,
    rows: Sequence[int],
    values: Sequence[Item],
    checks: Sequence[Check],
    budget: Budget | None = None,
) -> tuple[list[tuple[str, dict[str, tuple[Cell, ...]]]], bool]:
    """Every way the values fill ``rows`` in that order, as blocks of consecutive rows of one
    width, each printed row by row or column by column (a PDF's text prints a run of rows whose
    labels wrapped as one column after another), in which no row's own sum fails — each
    distinct placement once, with how it was read. Returns (placements, whether there were more
    than :data:`STEP_LIMIT`).

    A row's own sum is what tells a block's order: read in the wrong order, a row of counts that
    are not all equal no longer adds up. A run of zeros reads the same in every order.

    Where no filling fits, a block may also be read as pdfminer prints a table whose every cell
    is a text box of its own: the block's first column top to bottom, then the rest of its
    columns in smaller blocks, each column by column (see :meth:`_Filling._first_column_apart`).
    The search stops once ``budget`` is spent (:data:`WORK_LIMIT` steps when none is given),
    and says the limit was hit.
    """
    if sum(len(table.rows[k].columns) for k in rows) != len(values):
        return [], False
    if any(v.glued or too_long(v) for v in values):
        return [], False  # digits that ran together are the decoder's
    budget = budget or Budget(WORK_LIMIT)
    filling = _Filling(table, rows, values, checks, budget)
    complete = filling.suffixes(0)
    if complete == []:  # no plain order fits: try bands whose first column was printed first
        filling = _Filling(table, rows, values, checks, budget, first_column_apart=True)
        complete = filling.suffixes(0)
    if complete is None:
        return [], True
    return [
        (
            " and ".join(_ORDER_WORDS[o] for o in sorted(orders)),
            {table.rows[k].id: cells for k, cells in zip(rows, filling.cells(picks), strict=True)},
        )
        for _, picks, orders in complete
    ], False


#: A block of rows of a filling: the values each row takes (their indexes), and its order.
_Block = tuple[list[tuple[int, ...]], frozenset[Order]]
#: Rows n… of a filling: the identity of what they read (see :meth:`_Filling.identity`), the
#: values each row takes (their indexes), and the orders their blocks were read in.
_Suffix = tuple[int, tuple[tuple[int, ...], ...], frozenset[Order]]


class _Filling:
    """The search behind :func:`fillings`: from each row on, the distinct ways the rest of the
    values fill the rest of the rows (each worked out once). Two ways are one where every row
    reads the same printed values: a run of zeros fills alike in any order, and is kept once."""

    def __init__(
        self,
        table: TableSpec,
        rows: Sequence[int],
        values: Sequence[Item],
        checks: Sequence[Check],
        budget: Budget,
        *,
        first_column_apart: bool = False,
    ) -> None:
        self.budget = budget
        self.first_column_apart = first_column_apart
        self.specs = [table.rows[k] for k in rows]
        self.values = values
        self.texts = [v.text for v in values]
        self.widths = [len(spec.columns) for spec in self.specs]
        self.starts = list(itertools.accumulate(self.widths, initial=0))
        self.own = _own_checks(table, rows, checks)
        #: per row, its own sums as (column index, sign) terms where plain arithmetic decides
        #: them (no optional cells), else None
        self.terms = [_terms(table, own) for own in self.own]
        #: each value as a plain count, None where it is anything else (a blank mark, a decimal)
        self.counts = [
            int(v.text) if v.kind == "num" and v.text.isdigit() and v.text.isascii() else None for v in values
        ]
        self.memo: dict[int, list[_Suffix] | None] = {len(rows): [(0, (), frozenset())]}
        self._identities: dict[tuple[tuple[str, ...], int], int] = {}
        #: (row position, the values it takes) -> its cells (see :meth:`cells`)
        self._read: dict[tuple[int, tuple[int, ...]], tuple[Cell, ...]] = {}

    def cells(self, picks: Sequence[tuple[int, ...]]) -> list[tuple[Cell, ...]]:
        """The rows' cells, read from the values each row takes; a row read alike in several
        fillings (most rows of most of them) is read once."""
        read = self._read
        out = []
        for position, row in enumerate(picks):
            key = (position, row)
            cells = read.get(key)
            if cells is None:
                cells = read[key] = read_cells([self.values[k] for k in row], self.specs[position])
            out.append(cells)
        return out

    def identity(self, picks: Sequence[tuple[int, ...]], tail: int) -> int:
        """A number standing for what rows n… read: the printed values of each row of ``picks``,
        then the rows of the suffix ``tail`` stands for."""
        for row in reversed(picks):
            key = (tuple(self.texts[k] for k in row), tail)
            tail = self._identities.setdefault(key, len(self._identities) + 1)
        return tail

    def suffixes(self, n: int) -> list[_Suffix] | None:
        """The distinct ways rows n… fill from their first value; None past the step limit."""
        if n in self.memo:
            return self.memo[n]
        found: dict[int, _Suffix] = {}
        for height in self._heights(n):
            blocks = self._blocks_from(n, height)
            if blocks is None:
                found.clear()
                break
            if not blocks:
                continue
            rest = self.suffixes(n + height)
            if rest is None:
                found.clear()
                break
            if not self.budget.spend(len(blocks) * len(rest)):
                found.clear()
                break
            for block, order in blocks:
                for tail, picks, orders in rest:
                    identity = self.identity(block, tail)
                    if identity not in found:
                        found[identity] = (identity, (*block, *picks), orders | order)
            if len(found) > STEP_LIMIT:
                found.clear()
                break
        else:
            self.memo[n] = list(found.values())
            return self.memo[n]
        self.memo[n] = None
        return None

    def _heights(self, n: int) -> range:
        """How many rows a block from row ``n`` may hold: rows of its width, of two cells or
        more when there are several."""
        end = n + 1
        if self.widths[n] > 1:
            while end < len(self.widths) and self.widths[end] == self.widths[n]:
                end += 1
        return range(1, end - n + 1)

    def _blocks_from(self, n: int, height: int) -> list[_Block] | None:
        """The ways rows n… n+height-1 read as one block, each with its order; None past the
        step limit."""
        found: list[_Block] = []
        block = self._block(n, height)
        if block is not None:
            found.append((block, frozenset({"columns" if height > 1 else "rows"})))
        if self.first_column_apart and height > 1 and self.widths[n] > 2:
            apart = self._first_column_apart(n, height)
            if apart is None:
                return None
            found += [(picks, frozenset({"split"})) for picks in apart]
        return found

    def _first_column_apart(self, n: int, height: int) -> list[list[tuple[int, ...]]] | None:
        """The values rows n… n+height-1 take read as the block's first column, top to bottom,
        then the rest of its columns in smaller blocks of rows, each column by column (a block of
        one row: row by row) — where every row's own sum holds; each distinct way once, None
        once the budget is spent."""
        begin, width = self.starts[n], self.widths[n]
        end = n + height
        rest = begin + height  # where the values of the other columns start
        # ways[m]: the distinct picks of rows m… end-1, the smaller blocks starting at row m
        ways: dict[int, list[list[tuple[int, ...]]]] = {end: [[]]}
        for m in range(end - 1, n - 1, -1):
            found: dict[tuple[tuple[str, ...], ...], list[tuple[int, ...]]] = {}
            start = rest + (width - 1) * (m - n)  # where the other columns of row m start
            for size in range(1, end - m + 1):
                if not ways[m + size]:
                    continue  # the rows below cannot be filled after such a block
                picked = []
                for i in range(size):
                    others = range(start + i, start + (width - 1) * size, size)
                    picks = (begin + m + i - n, *others)
                    if not self.budget.spend():
                        return None
                    if not self._adds_up(m + i, picks):
                        break
                    picked.append(picks)
                else:
                    for tail in ways[m + size]:
                        whole = [*picked, *tail]
                        found.setdefault(tuple(tuple(self.texts[k] for k in row) for row in whole), whole)
                if len(found) > STEP_LIMIT:
                    return None
            ways[m] = list(found.values())
        return ways[n]

    def _block(self, n: int, height: int) -> list[tuple[int, ...]] | None:
        """The values rows n… n+height-1 take read column by column (row by row for one row);
        None where a row's own sum fails."""
        begin, width = self.starts[n], self.widths[n]
        picked = []
        for i in range(height):
            picks = tuple(range(begin + i, begin + width * height, height))
            if not self._adds_up(n + i, picks):
                return None
            picked.append(picks)
        return picked

    def _adds_up(self, row: int, picks: Sequence[int]) -> bool:
        """Whether no own sum of ``row`` fails with the values at ``picks`` as its cells: by
        plain arithmetic on counts, else by the rules' own evaluation."""
        terms = self.terms[row]
        counts = [self.counts[k] for k in picks]
        if terms is not None and None not in counts:
            return all(sum_holds(sum_terms, counts) for sum_terms in terms)
        spec = self.specs[row]
        cells = dict(zip(spec.columns, read_cells([self.values[k] for k in picks], spec), strict=True))

        def get(key: tuple[str, str, str]) -> Value:
            cell = cells.get(key[2])
            return None if cell is None else cell.value

        return not any(evaluate(check, get).failed for check in self.own[row])


def _terms(table: TableSpec, own: Sequence[Check]) -> list[Terms] | None:
    """A row's own sums as terms (see :func:`row_terms`); None where one has optional cells."""
    terms = [row_terms(table, check) for check in own]
    return None if None in terms else cast("list[Terms]", terms)


def _own_checks(table: TableSpec, rows: Sequence[int], checks: Sequence[Check]) -> list[list[Check]]:
    """Each row's own sums among ``checks``, by its index in ``rows``."""
    by_row: dict[str, list[Check]] = {}
    for check in checks:
        if len(check.rows) == 1:
            by_row.setdefault(next(iter(check.rows)), []).append(check)
    return [by_row.get(table.rows[k].id, []) for k in rows]


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
    get = rows_getter(table, rows, known)
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
