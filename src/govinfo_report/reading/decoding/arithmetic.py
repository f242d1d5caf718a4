"""The template's arithmetic as the decoder uses it — which cells of a row add up, and which rows
of a table add up column by column — read from the rule registry
(:mod:`govinfo_report.template.rules`), the same checks the validator applies."""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import NamedTuple

from ...template.formats import get_format
from ...template.rules import PrintedTable, checks_for, sum_ranges
from ...template.spec import RowSpec, TableSpec
from .rows import Kind, Shape
from .solving import Equation

#: The row key of table 四's fifteen values, which have no row labels.
REVIEW_ROW = "review_litigation"


class Arithmetic(NamedTuple):
    """What a labelled table adds up: the cell ranges of each row whose last cell is the sum of
    the others, and the equations between its rows."""

    sums: tuple[tuple[int, int], ...]
    equations: tuple[Equation, ...]


def _printed(spec: TableSpec, rows: Collection[str]) -> PrintedTable:
    """The table as printed: an alternative (（六）其他处理) as one row when that row is there."""
    return PrintedTable.of(spec, collapsed=_collapsed(spec, rows))


def _collapsed(spec: TableSpec, rows: Collection[str]) -> bool:
    return any(one_row in rows for one_row in spec.alternatives())


def table_arithmetic(spec: TableSpec, rows: Collection[str]) -> Arithmetic:
    """The arithmetic of a labelled table printed with ``rows``: each row's own sums and the
    equations between rows, from the rules about the table (table 二 has none)."""
    return _table_arithmetic(spec, _collapsed(spec, rows))


@functools.lru_cache(maxsize=64)
def _table_arithmetic(spec: TableSpec, collapsed: bool) -> Arithmetic:
    """:func:`table_arithmetic`, kept: it depends only on the table and how it prints （六）."""
    printed = PrintedTable.of(spec, collapsed=collapsed)
    row_checks = checks_for(spec.id, printed, scope="row")
    if not row_checks and not checks_for(spec.id, printed, scope="column"):
        return Arithmetic((), ())
    sample = printed.rows[0]
    cells = [(spec.id, sample, column) for column in printed.columns(sample)]
    return Arithmetic(sum_ranges(row_checks, cells), _equations(spec, printed))


def _equations(spec: TableSpec, printed: PrintedTable) -> tuple[Equation, ...]:
    """The column rules as equations over (row, column index), column by column."""
    checks = checks_for(spec.id, printed, scope="column")
    columns = {column: index for index, column in enumerate(printed.columns(printed.rows[0]))}
    by_column: dict[str, list[Equation]] = {}
    for check in checks:
        equation = tuple((row, columns[column], sign) for (_, row, column), sign in check.equation())
        by_column.setdefault(check.target[2], []).append(equation)
    return tuple(equation for column in columns for equation in by_column.get(column, ()))


def request_equations(rows: Collection[str]) -> tuple[Equation, ...]:
    """Table 三's column arithmetic (FORMAT.md §4) for each of its seven columns:
    一 + 二 = （七）总计 + 四, and （七）总计 = the sum of the result rows (the single
    （六）其他处理 row standing in for its three sub-rows when the table prints it that way)."""
    spec = get_format("2021").tables["requests"]
    return _equations(spec, _printed(spec, rows))


@functools.lru_cache(maxsize=256)
def row_kinds(row: RowSpec) -> tuple[Kind, ...]:
    """The kind of each value cell of a row (a count where the template does not say)."""
    return tuple(row.kind(i) for i in range(len(row.columns)))


def row_shape(spec: TableSpec, row: RowSpec) -> Shape:
    """A row of a labelled table as the decoder reads it: its cells' kinds and the table's sum
    ranges (none for table 二)."""
    return Shape(row_kinds(row), table_arithmetic(spec, ()).sums)


@functools.cache
def request_shape() -> Shape:
    """A table 三 row: six counts and their sum."""
    spec = get_format("2021").tables["requests"]
    return Shape(row_kinds(spec.row("new_received")), table_arithmetic(spec, ()).sums)


@functools.cache
def review_shape() -> Shape:
    """Table 四's fifteen values: three blocks of four counts and their total."""
    spec = get_format("2021").tables[REVIEW_ROW]
    cells = [(REVIEW_ROW, row.id, column) for row in spec.rows for column in row.columns]
    kinds = tuple(kind for row in spec.rows for kind in row_kinds(row))
    return Shape(kinds, sum_ranges(checks_for(REVIEW_ROW, PrintedTable.of(spec), scope="block"), cells))
