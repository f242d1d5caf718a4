"""The template's arithmetic as the decoder uses it: which cells of a row add up, and which rows
of a table add up column by column."""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from ...template.spec import OTHER_SUBROWS, RESULT_ROWS_2021
from .rows import Shape
from .solving import Equation

#: A table 三 row: six counts and their sum.
REQUEST_SHAPE = Shape(("count",) * 7, ((0, 7),))
#: Table 四's fifteen values: three blocks of four counts and their total.
REVIEW_SHAPE = Shape(("count",) * 15, ((0, 5), (5, 10), (10, 15)))
#: The row key of table 四's fifteen values, which have no row labels.
REVIEW_ROW = "review_litigation"


class Arithmetic(NamedTuple):
    """What a labelled table adds up: the cell ranges of each row whose last cell is the sum of
    the others, and the equations between its rows."""

    sums: tuple[tuple[int, int], ...]
    equations: tuple[Equation, ...]


def table_arithmetic(table: str, rows: Collection[str]) -> Arithmetic:
    """The arithmetic of labelled table ``table`` printed with ``rows``: table 三 brings its row
    sums and column equations, table 二 has none."""
    if table == "requests":
        return Arithmetic(REQUEST_SHAPE.sums, request_equations(rows))
    return Arithmetic((), ())


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
