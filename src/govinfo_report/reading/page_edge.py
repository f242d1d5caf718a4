"""Totals a page's edge cut: a PDF's table that runs past the page loses the last digits of its
last column, the totals (53 prints as 5). The table's own arithmetic shows it."""

from __future__ import annotations

import functools
import unicodedata

import attrs

from .. import diagnostics as diag
from ..model import Cell, Diagnostic, Value
from ..template.rules import (
    PrintedTable,
    Terms,
    evaluate,
    row_sum_checks,
    row_terms,
    rows_getter,
    sum_holds,
)
from ..template.spec import TableSpec


def cut_totals(
    table: TableSpec,
    found: dict[str, tuple[Cell, ...]],
    printed: PrintedTable,
    *,
    least: int = 2,
    cut_elsewhere: bool = False,
) -> tuple[list[Diagnostic], set[str]]:
    """Blank, in ``found``, the totals a page's edge cut: a PDF's table that runs past the page
    loses the last digits of its last column, the totals (53 prints as 5). The sign is ``least``
    totals (two; one where the text lost rows or numbers) that print the first digits of
    the sum of their cells: then every total that fails its sum is left blank, with
    ``total-cut`` — one with as many digits as its sum may be cut too (a report whose own total
    was off: ``10`` for cells that add up to 3 prints ``1``), and so may one less than the cells
    of its row read (a row with a blank cell, whose sum is unknown); the rows' other cells
    stand. A single total like that is a report's own slip, and stands. ``cut_elsewhere``:
    another table of the report lost digits at the page's edge, so every total that fails its
    sum may be cut, whatever its digits (``1`` for cells that add up to 6, in a report whose own
    total, 12, was off; ``5`` for 498 where it printed 501): each is left blank.

    Returns the notes, and the rows whose blanked total printed two or more first digits of its
    sum: their own sum holds but for the cut (``421`` for 4215), as surely as a sum that holds
    whole."""
    if _sums_hold(table, found, printed):
        return [], set()  # the common case, told by plain arithmetic: no total fails, none was cut
    value = rows_getter(table, found)
    failing = [
        (check, outcome)
        for check in row_sum_checks(table, printed)
        if (outcome := evaluate(check, value)).failed
    ]
    if not cut_elsewhere and sum(digits_cut(o.actual, o.expected) for _, o in failing) < least:
        return [], set()
    notes: list[Diagnostic] = []
    surely: set[str] = set()
    for check, outcome in failing:
        _, row, column = check.target
        if cut_surely(outcome.actual, outcome.expected):
            surely.add(row)
        cells = list(found[row])
        index = table.row(row).columns.index(column)
        cells[index] = attrs.evolve(cells[index], value=None)
        found[row] = tuple(cells)
        notes.append(
            diag.make(
                "total-cut",
                table=table.id,
                row=row,
                column=column,
                line=cells[index].line,
                label=unicodedata.normalize("NFKC", table.row(row).label),
                value=outcome.actual,
                expected=outcome.expected,
            )
        )
    return notes, surely


def sums_off_but_for_cut_totals(
    table: TableSpec, found: dict[str, tuple[Cell, ...]], printed: PrintedTable
) -> int:
    """How many row sums of ``found`` fail, not counting one whose total prints the first
    digits of the sum (a total a page's edge cut): none where the rows are otherwise as
    printed."""
    value = rows_getter(table, found)
    outcomes = (evaluate(check, value) for check in row_sum_checks(table, printed))
    return sum(o.failed and not digits_cut(o.actual, o.expected) for o in outcomes)


def _sums_hold(table: TableSpec, found: dict[str, tuple[Cell, ...]], printed: PrintedTable) -> bool:
    """Whether every row sum holds, each of its cells read: what :func:`evaluate` says of the
    row sums then, by plain arithmetic on the row's cells. False where that cannot say (a blank
    cell, a variant's optional cell), and the rules' evaluation decides."""
    sums = _row_sums(table, printed)
    if sums is None:
        return False
    for row, terms in sums:
        cells = found.get(row)
        if not cells or not sum_holds(terms, [cell.value for cell in cells]):
            return False
    return True


@functools.lru_cache(maxsize=64)
def _row_sums(table: TableSpec, printed: PrintedTable) -> tuple[tuple[str, Terms], ...] | None:
    """The row sums of a printed table, each as its row and its terms (see :func:`row_terms`);
    None where one has optional cells."""
    sums = []
    for check in row_sum_checks(table, printed):
        terms = row_terms(table, check)
        if terms is None:
            return None
        sums.append((check.target[1], terms))
    return tuple(sums)


def cut_surely(printed: Value, whole: Value) -> bool:
    """Whether ``printed`` is two or more first digits of ``whole`` and shorter: a number cut, as
    surely as a whole one that agrees (one digit agrees with a tenth of all numbers)."""
    return isinstance(printed, int) and printed >= 10 and digits_cut(printed, whole)


def digits_cut(printed: Value, whole: Value) -> bool:
    """Whether ``printed`` is the first digits of ``whole`` and shorter: a number cut."""
    if not isinstance(printed, int) or not isinstance(whole, int) or printed < 0 or whole <= printed:
        return False
    return str(whole).startswith(str(printed))
