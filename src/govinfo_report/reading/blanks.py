"""Blank cells a text cannot show, placed by the sums down the table.

A PDF's text, a PDF-to-markdown tool's or a one-cell-per-line export prints nothing for a blank
cell: a row of table 三 with one blank prints six numbers for seven cells, and which cell is the
blank the text no longer says. The row's own sum cannot say either (its parts add up in any
order), but the sums down the table can: read with its blank in the wrong column, the row puts
its numbers in columns whose totals they do not make.

:func:`place_blanks` reads the table as printed — every row its own numbers, in order — and
tries every place for the blanks of the rows short of numbers. A placement is kept where no rule
of the table fails and every row is in some rule across rows that holds; a cell is read where
every kept placement gives it the same value. Nothing is placed when no placement is kept, nor
past :data:`PLACEMENTS_LIMIT`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from ..model import Cell, Value
from ..template.rules import Check, evaluate
from ..template.spec import TableSpec
from .items import Item
from .values import cells as read_cells

#: The most blank cells one row may have lost, and the most placements tried for a table.
BLANKS_PER_ROW = 2
PLACEMENTS_LIMIT = 512

Rows = dict[str, tuple[Cell, ...]]


def place_blanks(
    table: TableSpec, printed: Mapping[str, Sequence[Item]], checks: Sequence[Check]
) -> tuple[Rows, frozenset[str]] | None:
    """The rows of ``printed`` (row id -> its printed values: numbers and blank marks, no empty
    cells) read with the blanks of the short ones where the table's rules put them: (row id ->
    cells, a cell blank where the kept placements disagree; the short rows whose blanks were
    placed). None when no row is short, a row has more values than cells, or no placement (or
    too many) is kept."""
    fixed: Rows = {}
    options: dict[str, list[tuple[Cell, ...]]] = {}
    for row, values in printed.items():
        spec = table.row(row)
        width = len(spec.columns)
        if len(values) > width or any(v.kind not in ("num", "null") or v.glued for v in values):
            return None
        if len(values) == width:
            fixed[row] = read_cells(values, spec)
        elif width - len(values) <= BLANKS_PER_ROW and values:
            options[row] = _with_blanks(read_cells(values, spec), width)
        else:
            return None
    if not options or _count(options) > PLACEMENTS_LIMIT:
        return None
    kept = []
    for choice in itertools.product(*options.values()):
        rows = fixed | dict(zip(options, choice, strict=True))
        if _holds(table, rows, checks):
            kept.append(rows)
    if not kept:
        return None
    return _agreed(kept), frozenset(options)


def _with_blanks(read: tuple[Cell, ...], width: int) -> list[tuple[Cell, ...]]:
    """The row's cells with its lost blanks in every place they may be."""
    line = read[0].line
    found = []
    for blanks in itertools.combinations(range(width), width - len(read)):
        given = iter(read)
        found.append(tuple(Cell(None, line) if c in blanks else next(given) for c in range(width)))
    return found


def _count(options: Mapping[str, list[tuple[Cell, ...]]]) -> int:
    total = 1
    for choices in options.values():
        total *= len(choices)
    return total


def _holds(table: TableSpec, rows: Rows, checks: Sequence[Check]) -> bool:
    """Whether no rule fails and every row is in a rule across rows that holds."""

    def get(key: tuple[str, str, str]) -> Value:
        cells = rows.get(key[1])
        if cells is None:
            return None
        columns = table.row(key[1]).columns
        return cells[columns.index(key[2])].value if key[2] in columns else None

    confirmed: set[str] = set()
    for check in checks:
        outcome = evaluate(check, get)
        if outcome.failed:
            return False
        if outcome.status == "pass" and len(check.rows) > 1:
            confirmed |= check.rows
    return rows.keys() <= confirmed


def _agreed(kept: Sequence[Rows]) -> Rows:
    """Each row's cells where every kept placement agrees, blank elsewhere."""
    first = kept[0]
    return {
        row: tuple(
            c if all(other[row][n].value == c.value for other in kept[1:]) else Cell(None, c.line)
            for n, c in enumerate(cells)
        )
        for row, cells in first.items()
    }
