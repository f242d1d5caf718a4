"""The three statistics tables: township zeros or city-sized counts, arithmetic that holds or is
broken on purpose, and blank cells anywhere."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Literal

from hypothesis import strategies as st

from ..model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Value,
)
from ..template.formats import get_format
from ..template.rules import PrintedTable, result_rows
from ..template.spec import (
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    REVIEW_BLOCKS,
    REVIEW_OUTCOMES,
    RowSpec,
)

Scale = Literal["township", "city"]
SCALES: tuple[Scale, ...] = ("township", "city")

#: Cells of one table by (row, column), while it is being drawn.
Grid = dict[tuple[str, str], Value]

_TOWNSHIP = (0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5)
_APPLICANTS = REQUEST_COLUMNS[:6]  # table 三's applicant columns; the seventh is their 总计
_OUTCOMES = REVIEW_OUTCOMES[:4]  # table 四's outcomes; the fifth is their 总计


def _count(draw: st.DrawFn, scale: Scale, high: int) -> int:
    if scale == "township":
        return draw(st.sampled_from(_TOWNSHIP))
    return draw(st.integers(0, high))


@st.composite
def _amounts(draw: st.DrawFn, scale: Scale) -> Decimal:
    """A fee in 万元: 0 in a township, 96171.6 or 7730.28 in a city; never a float."""
    if scale == "township":
        return Decimal(draw(st.sampled_from(("0", "0", "0.5", "1.2", "12.35"))))
    places = draw(st.integers(0, 2))
    return Decimal(draw(st.integers(0, 99_999_999))).scaleb(-places)


def _blank_some(draw: st.DrawFn, keys: Sequence[tuple[str, str]], blanks: bool) -> set[tuple[str, str]]:
    if not blanks:
        return set()
    return set(draw(st.lists(st.sampled_from(keys), max_size=6)))


def _break(draw: st.DrawFn, grid: Grid, keys: Sequence[tuple[str, str]]) -> None:
    """Change one number so that a sum no longer holds (a printed report's arithmetic slip)."""
    key = draw(st.sampled_from(keys))
    value = grid[key]
    assert isinstance(value, int)
    delta = draw(st.integers(1, 9))
    grid[key] = value + delta if value < delta or draw(st.booleans()) else value - delta


def _disturb(
    draw: st.DrawFn, grid: Grid, keys: Sequence[tuple[str, str]], consistent: bool, blanks: bool
) -> None:
    """A balanced grid as printed: one sum broken unless ``consistent``, then a few cells blank."""
    if not consistent:
        _break(draw, grid, keys)
    for key in _blank_some(draw, keys, blanks):
        grid[key] = None


@st.composite
def active_tables(
    draw: st.DrawFn, fmt: str, scale: Scale, blanks: bool
) -> ActiveDisclosure | ActiveDisclosure2019:
    """Table 二 of template ``fmt``, from its vocabulary: counts, signed 本年增/减 (2019) and
    amounts in 万元 (fees; 2019 procurement)."""
    cls: type[ActiveDisclosure | ActiveDisclosure2019] = (
        ActiveDisclosure2019 if fmt == "2019" else ActiveDisclosure
    )
    empty = cls()
    blank = _blank_some(draw, [(row, column) for row, column, _cell in empty.cells()], blanks)

    def value(spec: RowSpec, index: int) -> Value:
        kind = spec.kind(index)
        if kind == "change":
            return draw(st.integers(-5, 5)) if scale == "township" else draw(st.integers(-500, 500))
        if kind == "amount":
            return draw(_amounts(scale))
        documents = spec.id in ("regulations", "normative_documents")
        return _count(draw, scale, 99_999 if fmt == "2019" else 3000 if documents else 9_999_999)

    rows = {}
    for spec in get_format(fmt).tables["active_disclosure"].rows:
        cells = [(column, value(spec, index)) for index, column in enumerate(spec.columns)]
        row_cls = type(getattr(empty, spec.id))
        rows[spec.id] = row_cls(*(Cell(None if (spec.id, c) in blank else v) for c, v in cells))
    return cls(**rows)


def _result_rows(collapsed: bool) -> list[str]:
    """The result rows table 三 prints: （六）其他处理 as its three rows, or as one."""
    spec = get_format("2021").tables["requests"]
    return list(result_rows(PrintedTable.of(spec, collapsed=collapsed)))


def _balanced_requests(draw: st.DrawFn, scale: Scale, results: Sequence[str]) -> Grid:
    """The applicant columns of table 三, each in balance: the result rows drawn, 总计 their sum,
    二 and 四 drawn, and 一 what makes 一+二 = 总计+四."""
    grid: Grid = {(row, column): _count(draw, scale, 2000) for row in results for column in _APPLICANTS}
    for column in _APPLICANTS:
        processed = sum(int(grid[row, column] or 0) for row in results)
        grid["total_processed", column] = processed
        forward = _count(draw, scale, 500)
        grid["carried_forward", column] = forward
        over = draw(st.integers(0, processed + forward))
        grid["carried_over", column] = over
        grid["new_received", column] = processed + forward - over
    return grid


@st.composite
def request_tables(
    draw: st.DrawFn, scale: Scale, consistent: bool, blanks: bool, collapsed: bool
) -> Requests:
    """Table 三, with （六）其他处理 as one row when ``collapsed``."""
    results = _result_rows(collapsed)
    grid = _balanced_requests(draw, scale, results)
    rows = ["new_received", "carried_over", *results, "total_processed", "carried_forward"]
    for row in rows:
        grid[row, "total"] = sum(int(grid[row, c] or 0) for c in _APPLICANTS)
    _disturb(draw, grid, [(r, c) for r in rows for c in REQUEST_COLUMNS], consistent, blanks)
    built: dict[str, Any] = {
        row: RequestRow(*(Cell(grid.get((row, c))) for c in REQUEST_COLUMNS)) for row in REQUEST_ROWS
    }
    return Requests(**built)


@st.composite
def review_tables(draw: st.DrawFn, scale: Scale, consistent: bool, blanks: bool) -> ReviewLitigation:
    """Table 四: each block's outcomes drawn and their 总计 summed."""
    grid: Grid = {}
    for block in REVIEW_BLOCKS:
        for outcome in _OUTCOMES:
            grid[block, outcome] = _count(draw, scale, 300)
        grid[block, "total"] = sum(int(grid[block, o] or 0) for o in _OUTCOMES)
    _disturb(draw, grid, [(b, o) for b in REVIEW_BLOCKS for o in REVIEW_OUTCOMES], consistent, blanks)
    return ReviewLitigation(
        **{b: ReviewBlock(*(Cell(grid[b, o]) for o in REVIEW_OUTCOMES)) for b in REVIEW_BLOCKS}
    )
