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


@settings(max_examples=30)
@given(
    report=reports(consistent=True, blanks=False, scale="city", collapsed_other=True),
    row=st.sampled_from(["granted", "denied_third_party", "rejected_duplicate", "carried_forward"]),
    column=st.integers(0, 6),
)
def test_one_blank_cell_lost_from_its_row_is_put_back_by_the_sums_down_the_table(
    report: Report, row: str, column: int
) -> None:
    """Counts that differ: read in any other place, the blank would put a number in a column
    whose total it does not make."""
    assert report.requests is not None
    printed = getattr(report.requests, row)
    values = [c.value for c in attrs.astuple(printed, recurse=False)]
    assume(len(set(values)) == len(values))  # a row of equal counts reads alike with its blank anywhere
    name = attrs.fields(type(printed))[column].name
    blanked = attrs.evolve(printed, **{name: Cell(None)})
    report = attrs.evolve(report, requests=attrs.evolve(report.requests, **{row: blanked}))
    parsed = govinfo_report.parse(_collapsed(report))
    assert _requests(parsed) == _requests(report)
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
    """The row's zeros: which one is the blank, no sum can say; its 1s it can."""
    result = _place(_table(granted=(1, 0, 0, 0, 0, 1)))
    assert result is not None
    cells, short = result
    assert short == {"granted"}
    assert [c.value for c in cells["granted"]] == [1, None, None, None, None, None, 1]


def test_a_number_lost_rather_than_blank_is_left_blank_where_it_was() -> None:
    """（一）'s 1 lost: the one place for the blank that leaves no sum failing is where it was."""
    result = _place(_table(granted=(0, 0, 0, 0, 0, 1)))
    assert result is not None
    assert [c.value for c in result[0]["granted"]] == [None, 0, 0, 0, 0, 0, 1]


def test_no_placement_is_made_where_no_placement_holds() -> None:
    """A 2 where （七）总计 has 1: every place for the blank leaves a sum failing."""
    assert _place(_table(granted=(1, 0, 0, 0, 0, 2))) is None


def test_a_row_with_more_numbers_than_cells_is_not_this_readings_business() -> None:
    assert _place(_table(granted=(1, 0, 0, 0, 0, 0, 0, 1))) is None


def test_the_placements_tried_are_bounded() -> None:
    short = {
        row: (1, 0, 0, 0, 0, 1)
        for row in ("granted", "denied_state_secret", "denied_third_party", "rejected_duplicate")
    }
    assert blanks.PLACEMENTS_LIMIT < 7**4
    assert _place(_table(**short)) is None


REVIEW = get_format("2021").tables["review_litigation"]
_REVIEW_COLUMNS = [(row.id, column) for row in REVIEW.rows for column in row.columns]


def _review(*values: int) -> tuple[object, ...] | None:
    checks = checks_for(REVIEW.id, PrintedTable.of(REVIEW))
    placed = blanks.place_blanks_in_row(REVIEW, _REVIEW_COLUMNS, _items(*values), checks)
    return None if placed is None else tuple(c.value for c in placed)


def test_table_4_short_of_a_blank_reads_the_blocks_whose_sums_hold() -> None:
    """复议 3 + 1 + (blank) + 2 = 6: the blank is somewhere in the first block, whose sum can no
    longer tell where; the other two blocks add up only where they are."""
    assert _review(3, 1, 2, 6, 4, 5, 1, 0, 10, 2, 2, 2, 2, 8) == (None,) * 5 + (4, 5, 1, 0, 10, 2, 2, 2, 2, 8)


def test_table_4_whose_blocks_add_up_nowhere_is_not_read() -> None:
    assert _review(3, 1, 2, 6, 4, 5, 1, 0, 11, 2, 2, 2, 2, 8) is None
