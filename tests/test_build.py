"""Building a table's model object: the tree written out directly (the fast path) and the tree
the table's vocabulary grammar parses from its token stream give the same object."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.model import Cell, table_class
from govinfo_report.reading.build import build_table
from govinfo_report.template import formats
from govinfo_report.template.spec import TableSpec

TABLES = [(name, table) for name in formats.names() for table in formats.get_format(name).table_grammars]


@st.composite
def read_rows(draw: st.DrawFn, spec: TableSpec) -> dict[str, tuple[Cell, ...]]:
    """Some of the table's rows, read: blanks, counts, signed changes, amounts with cents."""
    rows: dict[str, tuple[Cell, ...]] = {}
    for row in spec.rows:
        if not draw(st.booleans()):
            continue  # a row not read: the builder gives it blank cells
        cells = []
        for index in range(len(row.columns)):
            line, column = draw(st.integers(1, 500)), draw(st.none() | st.integers(0, 20))
            if draw(st.integers(0, 4)) == 0:
                cells.append(Cell(None, line, column))
            elif row.decimal(index):
                cents = draw(st.integers(0, 10**9))
                cells.append(Cell(Decimal(cents) / 100, line, column))
            else:
                low = -(10**6) if row.signed(index) else 0
                cells.append(Cell(draw(st.integers(low, 10**6)), line, column))
        rows[row.id] = tuple(cells)
    return rows


@pytest.mark.parametrize(("format_name", "table_id"), TABLES)
@given(data=st.data())
def test_the_fast_tree_builds_what_the_grammar_parses(
    format_name: str, table_id: str, data: st.DataObject
) -> None:
    fmt = formats.get_format(format_name)
    spec = fmt.tables[table_id]
    rows = data.draw(read_rows(spec))
    cls = table_class(table_id, fmt.base)
    fast = build_table(spec, rows, cls)
    parsed = build_table(spec, rows, cls, engine="lark", parser=fmt.table_grammars[table_id])
    assert fast == parsed
    where = [(c.line, c.column) for *_, c in fast.cells()]
    assert where == [(c.line, c.column) for *_, c in parsed.cells()]
