"""Rows of table 三 printed without their blank cells — as a PDF's text or a PDF-to-markdown
tool prints them, nothing where a cell is blank — get their blanks where the sums down the
table put them, or stay blank with a diagnostic: never read with their numbers shifted."""

from __future__ import annotations

import attrs
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Cell, Report
from govinfo_report.reading import blanks
from govinfo_report.reading.items import Item
from govinfo_report.template.formats import get_format
from govinfo_report.template.rules import PrintedTable, checks_for
from govinfo_report.testing import cell_values, reports, reports_2019

REQUESTS = get_format("2021").tables["requests"]


def _collapsed(report: Report) -> str:
    """The report as tab-separated text, table 三's rows without their blank cells."""
    lines = govinfo_report.render(report, "tsv").split("\n")
    start = next(k for k, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line)
    end = next(k for k, line in enumerate(lines) if k > start and "行政复议" in line)
    for k in range(start, end):
        cells = lines[k].split("\t")
        labels = max((n for n, c in enumerate(cells) if c and not c.isdigit()), default=-1)
        if 0 <= labels < len(cells) - 1:
            lines[k] = "\t".join([*cells[: labels + 1], *(c for c in cells[labels + 1 :] if c)])
    return "\n".join(lines)


def _requests(report: Report) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in cell_values(report).items() if k[0] == "requests"}


@settings(max_examples=60)
@given(st.one_of(reports(consistent=None), reports_2019(consistent=None)))
def test_a_row_printed_without_its_blanks_is_never_read_shifted(report: Report) -> None:
    parsed = govinfo_report.parse(_collapsed(report))
    got, want = _requests(parsed), _requests(report)
    assert [k for k, v in want.items() if got[k] is not None and got[k] != v] == []
    noted = {(d.table, d.row) for d in parsed.diagnostics}
    blank = [k for k, v in want.items() if v is not None and got[k] is None]
    assert [k for k in blank if not {k[:2], ("requests", None)} & noted] == []


def _blank_as_nothing(report: Report, row: str, column: int) -> Report:
    """The report with one cell of a result row of table 三 left blank, as an agency leaves a
    cell with nothing in it: the row's total, （七）总计 and 一 (through 一+二 = 七+四) no longer
    count what it held."""
    assert report.requests is not None
    requests = report.requests
    name = attrs.fields(type(getattr(requests, row)))[column].name
    held = getattr(getattr(requests, row), name).value

    def less(row_id: str, *names: str) -> object:
        cells = getattr(requests, row_id)
        return attrs.evolve(cells, **{n: Cell(getattr(cells, n).value - held) for n in names})

    changed = {
        "total_processed": less("total_processed", name, "total"),
        "new_received": less("new_received", name, "total"),
        row: attrs.evolve(less(row, "total"), **{name: Cell(None)}),
    }
    return attrs.evolve(report, requests=attrs.evolve(requests, **changed))


@settings(max_examples=30)
@given(
    report=reports(consistent=True, blanks=False, scale="city", collapsed_other=True),
    row=st.sampled_from(["granted", "denied_third_party", "rejected_duplicate", "other_processing"]),
    column=st.integers(0, 5),
)
def test_one_blank_cell_lost_from_its_row_is_put_back_by_the_sums_down_the_table(
    report: Report, row: str, column: int
) -> None:
    """Counts that differ: read two or more columns off, the blank would put numbers in columns
    whose totals they do not make. One column off fails one sum only, as a report's own error
    would: the cells beside the blank stay blank, the rest of the row is read."""
    assert report.requests is not None
    values = [c.value for c in attrs.astuple(getattr(report.requests, row), recurse=False)]
    assume(len(set(values)) == len(values) and 0 not in values)  # zeros and equal counts shift unseen
    report = _blank_as_nothing(report, row, column)
    parsed = govinfo_report.parse(_collapsed(report))
    got, want = _requests(parsed), _requests(report)
    assert [k for k, v in want.items() if got[k] is not None and got[k] != v] == []
    columns = [a.name for a in attrs.fields(type(getattr(report.requests, row)))]
    far = [k for k in want if k[1] != row or abs(columns.index(k[2]) - column) >= 2]
    assert {k: got[k] for k in far} == {k: want[k] for k in far}
    assert "blank-cells-placed" in {d.code for d in parsed.diagnostics}


def _items(*values: int) -> tuple[Item, ...]:
    return tuple(Item("num", str(v), 1) for v in values)


def _table(**short: tuple[int, ...]) -> dict[str, tuple[Item, ...]]:
    """Table 三 with every row 1 0 0 0 0 0 1 (（七）总计 their sums, 四 zero), but ``short``."""
    printed = PrintedTable.of(REQUESTS, collapsed=True)
    results = [
        r
        for r in printed.rows
        if r not in ("new_received", "carried_over", "total_processed", "carried_forward")
    ]
    rows = {r: _items(1, 0, 0, 0, 0, 0, 1) for r in results}
    n = len(results)
    rows |= {
        "new_received": _items(n, 0, 0, 0, 0, 0, n),
        "carried_over": _items(0, 0, 0, 0, 0, 0, 0),
        "total_processed": _items(n, 0, 0, 0, 0, 0, n),
        "carried_forward": _items(0, 0, 0, 0, 0, 0, 0),
    }
    return rows | {row: _items(*values) for row, values in short.items()}


def _place(rows: dict[str, tuple[Item, ...]]) -> tuple[dict[str, tuple[Cell, ...]], frozenset[str]] | None:
    checks = checks_for(REQUESTS.id, PrintedTable.of(REQUESTS, collapsed=True))
    return blanks.place_blanks(REQUESTS, rows, checks)


def test_a_blank_the_sums_cannot_place_leaves_the_cells_it_may_be_blank() -> None:
    """The row's zeros: which one is the blank, no sum can say. Its first 1 neither: one column
    over, it fails one sum only, as a report's own error would. Its total is where it is."""
    result = _place(_table(granted=(1, 0, 0, 0, 0, 1)))
    assert result is not None
    cells, short = result
    assert short == {"granted"}
    assert [c.value for c in cells["granted"]] == [None, None, None, None, None, None, 1]


def test_a_row_whose_own_numbers_do_not_add_up_is_not_placed() -> None:
    """（一）'s 1 lost rather than blank: a blank put where it was would make every sum hold, as
    one put where a report's error is would hide it."""
    assert _place(_table(granted=(0, 0, 0, 0, 0, 1))) is None


def test_no_placement_is_made_where_no_placement_holds() -> None:
    """A 2 where （七）总计 has 1: every place for the blank leaves a sum failing."""
    assert _place(_table(granted=(1, 0, 0, 0, 0, 2))) is None


def test_no_placement_is_made_where_a_row_printed_whole_does_not_add_up() -> None:
    """The report's own sums are off: they cannot say where a blank goes."""
    assert _place(_table(granted=(1, 0, 0, 0, 0, 1), denied_state_secret=(1, 0, 0, 0, 0, 0, 2))) is None


def test_a_row_with_more_numbers_than_cells_is_not_this_readings_business() -> None:
    assert _place(_table(granted=(1, 0, 0, 0, 0, 0, 0, 1))) is None


def test_the_placements_tried_are_bounded() -> None:
    short = {
        row: (1, 0, 0, 0, 0, 1)
        for row in ("granted", "denied_state_secret", "denied_third_party", "rejected_duplicate")
    }
    assert blanks.PLACEMENTS_LIMIT < 7**4
    assert _place(_table(**short)) is None


@settings(max_examples=200)
@given(data=st.data())
def test_a_report_whose_own_sums_are_off_is_never_read_shifted(data: st.DataObject) -> None:
    """Small counts, one cell off by one (the report's own error), a few blanks lost: a wrong
    place for a blank that hides the error would be the only placement with every sum holding,
    so a placement failing one sum still stands against it, and no number is read off."""
    printed = PrintedTable.of(REQUESTS, collapsed=True)
    edges = ("new_received", "carried_over", "total_processed", "carried_forward")
    results = [r for r in printed.rows if r not in edges]
    small = st.lists(st.sampled_from([0, 0, 0, 1, 1, 2, 3]), min_size=6, max_size=6)
    values = {r: [*parts, sum(parts)] for r in results for parts in [data.draw(small)]}
    total = [sum(values[r][c] for r in results) for c in range(7)]
    values |= {"total_processed": total, "carried_over": [0] * 7, "carried_forward": [0] * 7}
    values["new_received"] = list(total)
    short = data.draw(st.lists(st.sampled_from(sorted(values)), min_size=1, max_size=3, unique=True))
    values[short[0]][data.draw(st.integers(0, 6))] += 1  # the error where a blank may hide it
    truth: dict[str, list[int | None]] = {r: list(v) for r, v in values.items()}
    for r in short:
        for c in data.draw(st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True)):
            truth[r][c] = None
    rows = {r: _items(*(v for v in cells if v is not None)) for r, cells in truth.items()}
    result = _place(rows)
    if result is None:
        return
    read, short = result
    assert [
        (r, c) for r in short for c, cell in enumerate(read[r]) if cell.value not in (None, truth[r][c])
    ] == []
