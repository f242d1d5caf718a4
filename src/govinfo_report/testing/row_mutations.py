"""Rows and cells damaged the way copied tables damage them: a row dropped, a cell emptied, a
row shifted left by a lost cell. Each says what the parse must give back instead."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs
from hypothesis import strategies as st

from ..model import Cell, Report
from ..template.formats import get_format
from ..template.spec import RowSpec
from ..writers.text import Placement
from .mutating import lines_of, lossless
from .oracle import Mutated, cell_values
from .rendered import Rendered

Span = tuple[int, int, int]  # line, start, end of a value cell's text


def _blank_row(report: Report, table: str, row: str) -> Report:
    current = getattr(report, table)
    blank = type(getattr(current, row))()
    return attrs.evolve(report, **{table: attrs.evolve(current, **{row: blank})})


def _blank_cell(report: Report, table: str, row: str, column: str) -> Report:
    current = getattr(report, table)
    old = getattr(current, row)
    return attrs.evolve(
        report, **{table: attrs.evolve(current, **{row: attrs.evolve(old, **{column: Cell()})})}
    )


def _labelled_rows(placement: Placement) -> list[tuple[str, str]]:
    return sorted(key for key in placement.rows if key[0] != "review_litigation")


@st.composite
def dropped_row(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A table row missing from the text: its cells blank, with a missing-row diagnostic."""
    lines, placement = lines_of(rendered)
    table, row = draw(st.sampled_from(_labelled_rows(placement)))
    first, last = placement.rows[table, row]
    if rendered.layout == "cells" and last + 1 < len(lines) and not lines[last + 1]:
        last += 1
    del lines[first : last + 1]
    expected = _blank_row(rendered.report, table, row)
    missing = get_format("2021").tables["requests"].alternatives().get(row, (row,))
    return Mutated(
        "dropped-row",
        "\n".join(lines),
        expected,
        rendered.layout,
        required=tuple(("missing-row", table, r) for r in missing),
    )


_BLANK_MARKS = ("—", "-", "/", "无", "——", "×")


@st.composite
def emptied_cell(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """One value cell printed empty (or with a blank mark): that cell reads None, no other."""
    lines, placement = lines_of(rendered)
    report = rendered.report
    filled = [key for key, value in cell_values(report).items() if value is not None]
    if not filled:
        return lossless("emptied-cell", rendered, rendered.text)
    table, row, column = draw(st.sampled_from(sorted(filled)))
    line, a, b = placement.cells[table, row, column]
    marks = _BLANK_MARKS if rendered.layout == "columns" else ("", *_BLANK_MARKS)
    mark = draw(st.sampled_from(marks))
    lines[line] = lines[line][:a] + mark + lines[line][b:]
    return Mutated("emptied-cell", "\n".join(lines), _blank_cell(report, table, row, column), rendered.layout)


_FIRST_CELL = {
    "tsv": re.compile(r"^[^\t]*\t"),
    "pipe": re.compile(r"^\s*\|?[^|]*\|"),
    "markdown": re.compile(r"^\s*\|[^|]*\|"),
}


def _lose_cell_line(lines: list[str], first: int, spans: Sequence[Span]) -> tuple[str, bool]:
    """One cell per line: the row's first line goes, a value cell (even a blank one) if a
    value was printed there."""
    lost = lines[first].strip()
    value_lost = any(line == first for line, _a, _b in spans)
    del lines[first]
    return lost, value_lost


def _lose_label_columns(lines: list[str], first: int, last: int, spans: Sequence[Span]) -> str:
    """Space-aligned: the layout cannot lose a cell and keep the others in place, so the label
    goes, the values stay where they were."""
    cut = min(a for line, a, _b in spans if line == last)  # where the line's first value starts
    lost = lines[last][:cut].strip()
    lines[last] = " " * cut + lines[last][cut:]
    for index in range(first, last):
        lines[index] = ""
    return lost


def _lose_separated_cell(lines: list[str], layout: str, last: int, spans: Sequence[Span]) -> tuple[str, bool]:
    """Tab- or bar-separated: the first cell of the row's line goes, a value cell (even a blank
    one, of any row printed on the line) if it held one."""
    match = _FIRST_CELL[layout].match(lines[last])
    assert match is not None
    lost = match.group(0).strip(" \t|")
    value_lost = any(line == last and a < match.end() for line, a, _b in spans)
    lines[last] = lines[last][match.end() :]
    if layout == "markdown":
        lines[last] = "|" + lines[last]
    return lost, value_lost


def _lose_leading_cell(
    lines: list[str], layout: str, rows: tuple[int, int], spans: Sequence[Span]
) -> tuple[str, bool]:
    """The leading cell of the row on lines ``rows`` (first, last) taken out of ``lines``: the
    text it held, and whether it was one of the table's value cells ``spans``."""
    first, last = rows
    if layout == "cells":
        return _lose_cell_line(lines, first, spans)
    if layout == "columns":
        return _lose_label_columns(lines, first, last, spans), False
    return _lose_separated_cell(lines, layout, last, spans)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_spec(report: Report, table: str, row: str) -> RowSpec | None:
    """The template row of a labelled table in the report's own format (None for table 四)."""
    spec = get_format(report.format).tables.get(table)
    return next((r for r in spec.rows if r.id == row), None) if spec is not None else None


@st.composite
def shifted_row(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A row that lost its leading cell and shifted left, as merged cells leave rows in copied
    tables. Losing an empty (merged) cell or a group label changes nothing — unless the row has
    a blank cell: its columns no longer those of the rows around it, an empty cell of it may be
    a blank or a merged cell's shadow, and the row may be left blank (row-value-count). Losing
    the row's label may leave the row unreadable (missing-row, unless its place identifies
    it); losing a value leaves the row with too few values."""
    lines, placement = lines_of(rendered)
    table, row = draw(st.sampled_from(sorted(placement.rows)))
    spans = [span for (t, _r, _c), span in placement.cells.items() if t == table]
    lost, value_lost = _lose_leading_cell(lines, rendered.layout, placement.rows[table, row], spans)
    text = "\n".join(lines)
    spec = _row_spec(rendered.report, table, row)
    own_label = spec is not None and _squeeze(spec.label) in _squeeze(lost)
    values = cell_values(rendered.report)
    blank = spec is not None and any(values.get((table, row, column)) is None for column in spec.columns)
    if not own_label and not value_lost and not blank:
        # an empty (merged) cell or a group label: nothing the reader needs
        return Mutated("shifted-row", text, rendered.report, rendered.layout)
    damaged: tuple[tuple[str, str | None], ...] = ((table, None if table == "review_litigation" else row),)
    if table == "requests":
        # the shifted values stand as a line with no row next to the rows around it: a row
        # there whose own sum a blank cell leaves unchecked may be left blank
        damaged += tuple((table, r) for r in _neighbours(placement.rows, table, row))
    codes = frozenset(
        {"missing-row", "row-value-count", "table-value-count", "missing-table", "row-values-cut"}
    )
    return Mutated("shifted-row", text, rendered.report, rendered.layout, damaged=damaged, codes=codes)


def _neighbours(rows: Mapping[tuple[str, str], tuple[int, int]], table: str, row: str) -> list[str]:
    """The rows of ``table`` printed just before and after ``row`` (``rows``: where each
    printed row stands; （六）其他处理 printed as one row stands between 5.要求… and （七）总计)."""
    printed = sorted((lines, r) for (t, r), lines in rows.items() if t == table)
    order = [r for _, r in printed]
    k = order.index(row) if row in order else -1
    return [order[n] for n in (k - 1, k + 1) if k >= 0 and 0 <= n < len(order)]
