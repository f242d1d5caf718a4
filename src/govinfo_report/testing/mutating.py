"""What the mutations share: a rendered report's lines, the lines its tables take, and the
result of a mutation that must not change what the text reads as."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from ..writers.text import Placement, render_placed
from .oracle import Mutated
from .rendered import Rendered


def lossless(kind: str, rendered: Rendered, text: str) -> Mutated:
    """``text``, changed by mutation ``kind``, that must still read as the rendered report."""
    return Mutated(kind, text, rendered.report, rendered.layout)


def lines_of(rendered: Rendered) -> tuple[list[str], Placement]:
    """The rendered text's lines, and where the renderer put each heading, table, row and cell."""
    text, placement = render_placed(rendered.report, rendered.layout)
    return text.split("\n"), placement


def table_lines(placement: Placement) -> set[int]:
    """Every line of the three tables, headers and rows."""
    return {i for first, last in placement.tables.values() for i in range(first, last + 1)}


def _data_lines(placement: Placement) -> set[int]:
    return {i for first, last in placement.rows.values() for i in range(first, last + 1)}


def header_lines(placement: Placement) -> set[int]:
    """The lines of the tables that belong to no row: their headers."""
    return table_lines(placement) - _data_lines(placement)


def seeded(draw: st.DrawFn) -> random.Random:
    """A seeded generator for noise spread over a whole text: one draw instead of thousands
    (the noise does not shrink, the report and the mutation kind do)."""
    return random.Random(draw(st.integers(0, 2**32 - 1)))
