"""Blank cells a text cannot show, placed by the sums down the table.

A PDF's text, a PDF-to-markdown tool's or a one-cell-per-line export prints nothing for a blank
cell: a row of table 三 with one blank prints six numbers for seven cells, and which cell is the
blank the text no longer says. The row's own sum cannot say either (its parts add up in any
order), but the sums down the table can: read with its blank in the wrong column, the row puts
its numbers in columns whose totals they do not make.

:func:`place_blanks` reads the table as printed — every row its own numbers, in order — and
tries every place for the blanks of the rows short of numbers. Reports get their own sums wrong,
and a wrong place that hides the error behind a blank could then be the only one left with every
rule holding; so a placement stands against the others where at most one rule fails, and the
table is read only where some placement leaves no rule failing and every row in a rule across
rows that holds. A number of a row whose blanks were placed counts only where a sum that holds
puts it; a cell is read where every standing placement gives it the same value. Nothing is read
where a rule of the rows printed whole fails already, nor past :data:`PLACEMENTS_LIMIT`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Mapping, Sequence

from ..model import Cell
from ..template.rules import Check, evaluate, rows_getter
from ..template.spec import TableSpec
from . import solver
from .items import Item
from .values import cells as read_cells

#: The most blank cells one row may have lost, and the most placements tried for a table.
BLANKS_PER_ROW = 2
PLACEMENTS_LIMIT = 512
#: How many failing rules a placement may have and still stand against the others: a report
#: whose own sums are off in one place fails one rule read right, and a wrong place that hides
#: the error behind a blank would otherwise be the only placement left.
_TOLERATED = 1

Rows = dict[str, tuple[Cell, ...]]


def place_blanks(
    table: TableSpec, printed: Mapping[str, Sequence[Item]], checks: Sequence[Check]
) -> tuple[Rows, frozenset[str]] | None:
    """The rows of ``printed`` (row id -> its printed values: numbers and blank marks, no empty
    cells) read with the blanks of the short ones where the table's rules put them: (row id ->
    cells; the short rows whose blanks were placed). A cell is read where every kept placement
    gives it the same value and puts it in a sum across rows that holds. None when no row is
    short, a row has more values than cells, or no placement (or too many) is kept."""
    found = _as_printed(table, printed, checks)
    if found is None:
        return None
    fixed, options = found
    if (
        not options
        or math.prod(map(len, options.values())) > PLACEMENTS_LIMIT
        or _confirmed(table, fixed, checks, across_rows=False)[1]
    ):
        return None  # (a rule of the rows printed whole fails: the report's sums cannot place)
    kept, holding = [], False
    for choice in itertools.product(*options.values()):
        rows = fixed | dict(zip(options, choice, strict=True))
        confirmed, failed = _confirmed(table, rows, checks, across_rows=True)
        if failed <= _TOLERATED:
            kept.append(_only(rows, table, confirmed, options.keys()))
            holding |= not failed and rows.keys() <= {row for row, _ in confirmed}
    if not holding:
        return None
    agreed = solver.agreement(table, [solver.Reading("", rows) for rows in kept])
    return agreed.cells, frozenset(options)


def _as_printed(
    table: TableSpec, printed: Mapping[str, Sequence[Item]], checks: Sequence[Check]
) -> tuple[Rows, dict[str, list[tuple[Cell, ...]]]] | None:
    """The rows printed whole, read; and each short row's places for its blanks that keep its
    own sums. None where a row cannot be read so: more values than cells, anything but numbers
    and blank marks, too many blanks, or numbers of its own that do not add up."""
    fixed: Rows = {}
    options: dict[str, list[tuple[Cell, ...]]] = {}
    for row, values in printed.items():
        spec = table.row(row)
        width = len(spec.columns)
        if len(values) > width or any(v.kind not in ("num", "null") or v.glued for v in values):
            return None
        if len(values) == width:
            fixed[row] = read_cells(values, spec)
            continue
        if not values or width - len(values) > BLANKS_PER_ROW:
            return None
        places = [c for c in _with_blanks(read_cells(values, spec), width) if _adds_up(table, row, c, checks)]
        if not places:
            return None  # the row's own numbers do not add up: its sums cannot place its blanks
        options[row] = places
    return fixed, options


def _adds_up(table: TableSpec, row: str, cells: tuple[Cell, ...], checks: Sequence[Check]) -> bool:
    """Whether the row, its blanks counted as nothing, keeps its own sums. Where the blanks are
    among the parts, that is whether its printed numbers add up at all: a row whose own numbers
    are off (the report's error) is not placed, for a blank put where the error is would hide
    it, and every sum would hold read wrong."""
    zeroed = {row: tuple(Cell(0, c.line) if c.value is None else c for c in cells)}
    get = rows_getter(table, zeroed)
    return not any(evaluate(check, get).failed for check in checks if check.rows == {row})


def _with_blanks(read: tuple[Cell, ...], width: int) -> list[tuple[Cell, ...]]:
    """The row's cells with its lost blanks in every place they may be."""
    line = read[0].line
    found = []
    for blanks in itertools.combinations(range(width), width - len(read)):
        given = iter(read)
        found.append(tuple(Cell(None, line) if c in blanks else next(given) for c in range(width)))
    return found


def _confirmed(
    table: TableSpec, rows: Rows, checks: Sequence[Check], *, across_rows: bool
) -> tuple[set[tuple[str, str]], int]:
    """The cells (row, column) some rule that holds adds up — only rules across rows where
    ``across_rows`` — and how many rules fail. A sum a blank leaves unknown confirms nothing:
    read in the wrong place, a row's numbers may leave every sum they stand in unknown."""
    get = rows_getter(table, rows)
    confirmed: set[tuple[str, str]] = set()
    failed = 0
    for check in checks:
        outcome = evaluate(check, get)
        failed += outcome.failed
        if outcome.status == "pass" and (len(check.rows) > 1 or not across_rows):
            confirmed.update((key[1], key[2]) for key in check.keys)
    return confirmed, failed


def _only(rows: Rows, table: TableSpec, confirmed: set[tuple[str, str]], placed: Collection[str]) -> Rows:
    """The rows with every cell of the ``placed`` ones (the rows whose blanks were placed) that
    no holding sum confirms made blank: where a row's numbers stand is what is in doubt there,
    and a number is only where a sum that holds puts it."""
    return {
        row: tuple(
            c if row not in placed or (row, column) in confirmed else Cell(None, c.line)
            for c, column in zip(cells, table.row(row).columns, strict=True)
        )
        for row, cells in rows.items()
    }
