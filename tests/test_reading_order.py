"""Table 三 printed the way PDF text extractors print it — labels and numbers apart — is placed
by the reading order the table's arithmetic allows, or left blank with a diagnostic: never read
wrong (:mod:`govinfo_report.reading.solver`)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Cell, Report
from govinfo_report.reading import solver
from govinfo_report.reading.items import Item
from govinfo_report.reading.values import cells as read_cells
from govinfo_report.template.formats import get_format
from govinfo_report.template.rules import PrintedTable
from govinfo_report.template.spec import RowSpec
from govinfo_report.testing import EXTRACTED_ORDERS, cell_values, extracted_text, reports, reports_2019
from report_files import SAMPLE

REQUESTS = get_format("2021").tables["requests"]
#: The columns of table 三 with its total printed before 其他, as pdfminer printed a real report.
TOTAL_BEFORE_OTHER = (0, 1, 2, 3, 4, 6, 5)


def _any_report(consistent: bool | None = True) -> st.SearchStrategy[Report]:
    return st.one_of(
        reports(consistent=consistent, blanks=False), reports_2019(consistent=consistent, blanks=False)
    )


def _printed_rows(report: Report) -> list[RowSpec]:
    """Table 三's rows the report prints a value in, in table order."""
    values = cell_values(report)
    return [
        row
        for row in REQUESTS.rows
        if any(values.get(("requests", row.id, c)) is not None for c in row.columns)
    ]


def _rows_printed(report: Report) -> int:
    return len(_printed_rows(report))


def _blanks_without_readings(parsed: Report, report: Report) -> set[str]:
    """Rows of table 三 with a printed cell read blank, but for the rows whose readings differ."""
    got, want = cell_values(parsed), cell_values(report)
    differing = {d.row for d in parsed.diagnostics if d.code == "cells-readings-differ"}
    blank = {k[1] for k, v in want.items() if k[0] == "requests" and v is not None and got[k] is None}
    return blank - differing


@st.composite
def _extracted(draw: st.DrawFn, consistent: bool | None = True) -> tuple[Report, str, str]:
    report = draw(_any_report(consistent))
    order = draw(st.sampled_from(EXTRACTED_ORDERS))
    rows = _rows_printed(report)
    breaks = draw(st.lists(st.integers(1, rows - 1), max_size=2, unique=True))
    after = draw(st.lists(st.booleans(), min_size=rows, max_size=rows))
    # pages of two rows or more whose total column pdfminer printed before 其他 (one row printed
    # that way is a row misprinted, and is read as printed)
    cuts = sorted({0, rows, *breaks})
    pages = len(cuts) - 1
    columns: list[tuple[int, ...]] = []
    if order == "columns" and all(b - a > 1 for a, b in itertools.pairwise(cuts)):
        orders = st.sampled_from([tuple(range(7)), TOTAL_BEFORE_OTHER])
        columns = draw(st.lists(orders, min_size=pages, max_size=pages))
    return report, order, extracted_text(report, order, breaks=breaks, after=after, columns=columns)


def _wrong(parsed: Report, report: Report) -> list[str]:
    """Cells of table 三 read as a number the report does not print there."""
    got, want = cell_values(parsed), cell_values(report)
    return [
        f"{key}: {got[key]} for {want[key]}"
        for key in want
        if key[0] == "requests" and got[key] is not None and got[key] != want[key]
    ]


def _unexplained_blanks(parsed: Report, report: Report) -> list[str]:
    """Cells of table 三 left blank without a diagnostic for their row or table."""
    got, want = cell_values(parsed), cell_values(report)
    noted = {(d.table, d.row) for d in parsed.diagnostics}
    return [
        str(key)
        for key in want
        if key[0] == "requests"
        and want[key] is not None
        and got[key] is None
        and not ({key[:2], ("requests", None)} & noted)
    ]


@settings(max_examples=60)
@given(_extracted())
def test_numbers_apart_from_their_labels_are_read_exactly_or_left_blank_with_a_reason(
    case: tuple[Report, str, str],
) -> None:
    report, order, text = case
    parsed = govinfo_report.parse(text)
    assert _wrong(parsed, report) == [], order
    assert _unexplained_blanks(parsed, report) == [], order


@settings(max_examples=40)
@given(_extracted(consistent=None))
def test_a_report_whose_arithmetic_is_off_is_never_read_wrong(case: tuple[Report, str, str]) -> None:
    """Without arithmetic to confirm an order nothing is placed by one."""
    report, order, text = case
    parsed = govinfo_report.parse(text)
    assert _wrong(parsed, report) == [], order
    assert _unexplained_blanks(parsed, report) == [], order


@settings(max_examples=30)
@given(
    report=reports(consistent=True, blanks=False, scale="city"),
    order=st.sampled_from(EXTRACTED_ORDERS),
    data=st.data(),
)
def test_a_city_report_printed_apart_is_read_whole(report: Report, order: str, data: st.DataObject) -> None:
    """Large, varied counts admit few readings: table 三 is read, and the report says how —
    but for two rows that print alike save one count (``1 0 0 0 0 0 1`` and zeros), which a
    block read column by column may swap with every sum holding: their cells are blank, with
    the readings listed. In the ``blocks`` order a label gathered after the numbers next to
    another may name neither row, and a group label before its rows' numbers may be read as
    the group's one row: those rows are blank, with the reason, never read wrong."""
    rows = _rows_printed(report)
    breaks = data.draw(st.lists(st.integers(1, rows - 1), max_size=2, unique=True), label="breaks")
    after = data.draw(st.lists(st.booleans(), min_size=rows, max_size=rows), label="after")
    parsed = govinfo_report.parse(extracted_text(report, order, breaks=breaks, after=after))  # type: ignore[arg-type]
    assert _wrong(parsed, report) == []
    assert _unexplained_blanks(parsed, report) == []
    if order != "blocks":
        assert _blanks_without_readings(parsed, report) == set()
    assert "cells-by-reading-order" in {d.code for d in parsed.diagnostics} or order == "floating"


def _with_first_number(text: str, label: str, beside: bool) -> str:
    """The text with ``label`` beside the number after it, on one line (``beside``: plain
    ``pdftotext`` prints a row whose label's last line stands beside the row's first number),
    or moved below it (a label's line the extractor printed after the row's first number)."""
    lines = text.split("\n")
    at = lines.index(label)
    number = next(k for k in range(at + 1, len(lines)) if lines[k].strip())
    if beside:
        lines[at] = f"{label} {lines.pop(number)}"
    else:
        lines[at], lines[number] = lines[number], lines[at]
    return "\n".join(lines)


@settings(max_examples=30)
@given(report=reports(consistent=True, blanks=False, scale="city"), data=st.data())
def test_labels_printed_after_the_table_beside_a_row_printed_with_its_label_are_read(
    report: Report, data: st.DataObject
) -> None:
    """The numbers in table order, row by row, some labels gathered after the table, one row
    whose label stands beside its first number (the text keeps that row) and the last one's
    label below its first number, as plain ``pdftotext`` prints a table in narrow cells: the
    labels after the table are labels printed apart, not rows printed out of order, so the
    table is read."""
    rows = _rows_printed(report)
    gathered = data.draw(
        st.lists(st.integers(1, rows - 2), min_size=1, max_size=4, unique=True), label="gathered"
    )
    kept = data.draw(st.sampled_from([k for k in range(rows - 1) if k not in gathered]), label="kept")
    after = [k in gathered for k in range(rows)]
    text = extracted_text(report, "blocks", breaks=range(1, rows), after=after)
    printed = _printed_rows(report)
    text = _with_first_number(text, printed[kept].label, beside=True)
    text = _with_first_number(text, printed[-1].label, beside=False)
    parsed = govinfo_report.parse(text)
    assert _wrong(parsed, report) == []
    assert _blanks_without_readings(parsed, report) == set()


@settings(max_examples=20)
@given(report=reports(consistent=True, blanks=False, collapsed_other=True))
def test_numbers_after_the_one_row_other_processing_are_never_its_sub_rows(report: Report) -> None:
    """（六）其他处理 printed as one row, with the numbers of （七）总计 after its own (总计's label
    printed after the table): the row after it is 总计, never one of the sub-rows （六） stands
    for when it is printed as three."""
    rows = _rows_printed(report)
    total = rows - 2  # （七）总计, before 四、结转下年度继续办理
    text = extracted_text(report, "blocks", breaks=range(1, rows), after=[k == total for k in range(rows)])
    parsed = govinfo_report.parse(text)
    assert _wrong(parsed, report) == []
    requests = parsed.requests
    assert requests is not None
    assert all(cell.value is None for _, cell in requests.other_overdue_correction.by_column())


def _items(*numbers: int) -> tuple[Item, ...]:
    return tuple(Item("num", str(n), 1) for n in numbers)


def _cells(*values: int) -> tuple[Cell, ...]:
    return tuple(Cell(v, 1) for v in values)


def _rows(*ids: str) -> tuple[int, ...]:
    return tuple(next(k for k, spec in enumerate(REQUESTS.rows) if spec.id == row) for row in ids)


def test_readings_that_disagree_leave_those_cells_blank_and_list_the_readings() -> None:
    one = {"new_received": _cells(1, 0, 0, 0, 0, 0, 1)}
    other = {"new_received": _cells(0, 1, 0, 0, 0, 0, 1)}
    solution = solver.agreement(REQUESTS, [solver.Reading("a", one), solver.Reading("b", other)])
    assert [c.value for c in solution.cells["new_received"]] == [None, None, 0, 0, 0, 0, 1]
    assert solution.differing == {"new_received": ("1 0 0 0 0 0 1", "0 1 0 0 0 0 1")}


def test_orders_that_agree_place_the_cells() -> None:
    """A block of zeros reads the same row by row and column by column."""
    printed = PrintedTable.of(REQUESTS)
    segment = solver.Segment(_rows("new_received", "carried_over"), _items(*[0] * 14), 1)
    known = {
        spec.id: _cells(*[0] * len(spec.columns))
        for spec in REQUESTS.rows
        if spec.id in printed.rows and spec.id not in ("new_received", "carried_over")
    }
    solution = solver.solve(REQUESTS, printed, (), [segment], known)
    assert solution is not None and solution.differing == {}
    assert [c.value for c in solution.cells["carried_over"]] == [0] * 7


def test_a_table_without_rules_across_its_rows_is_never_placed_by_order() -> None:
    """Table 二 has no arithmetic across its rows: an order there is a guess."""
    table = get_format("2021").tables["active_disclosure"]
    printed = PrintedTable.of(table)
    segment = solver.Segment((0, 1), _items(0, 0, 0, 5, 0, 5), 1)
    assert solver.solve(table, printed, (), [segment], {}) is None


def test_the_number_of_orders_tried_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "STEP_LIMIT", 1)
    printed = PrintedTable.of(REQUESTS)
    # two rows whose sums hold read row by row and column by column: two orders each
    both = _items(0, 1, 0, 0, 0, 2, 3, 1, 0, 3, 0, 0, 3, 7)
    segments = [
        solver.Segment(_rows("new_received", "carried_over"), both, 1),
        solver.Segment(_rows("granted", "partially_granted"), both, 2),
    ]
    # the rows the balance rule needs besides them, read already: the rule can hold
    known = {row: read_cells(_items(*[0] * 7)) for row in ("total_processed", "carried_forward")}
    solution = solver.solve(REQUESTS, printed, (), segments, known)
    assert solution is not None and solution.limit_hit


def test_no_reading_is_tried_where_no_rule_across_rows_can_hold() -> None:
    """Rows a reading places are kept only where a rule across rows confirms them: with the
    rows those rules need neither read nor named, there is nothing to try."""
    both = _items(0, 1, 0, 0, 0, 2, 3, 1, 0, 3, 0, 0, 3, 7)
    segments = [solver.Segment(_rows("new_received", "carried_over"), both, 1)]
    assert solver.solve(REQUESTS, PrintedTable.of(REQUESTS), (), segments, {}) is None


@settings(max_examples=5)
@given(reports(consistent=True, blanks=False, scale="city"))
def test_the_reading_says_how_the_cells_were_placed(report: Report) -> None:
    parsed = govinfo_report.parse(extracted_text(report, "columns"))
    notes = [d for d in parsed.diagnostics if d.code == "cells-by-reading-order"]
    assert len(notes) == 1 and notes[0].table == "requests"
    zeros = all(not v for k, v in cell_values(report).items() if k[0] == "requests")
    assert "column by column" in notes[0].message or zeros  # a table of zeros reads alike every way


@st.composite
def _rows_swapped(draw: st.DrawFn) -> tuple[dict[tuple[str, str, str], object], str, str]:
    """A report whose table 三 prints two rows of one group out of the template's order (each
    with its own numbers), in an extracted order; with the values the text shows per row."""
    report = draw(reports(consistent=True, blanks=False, scale="city"))
    order = draw(st.sampled_from(EXTRACTED_ORDERS))
    first = draw(st.integers(1, 7))
    a, b = REQUESTS.rows[4 + first - 1], REQUESTS.rows[4 + first]  # two of （三）'s eight rows
    lines = extracted_text(report, order).split("\n")
    at = {label: lines.index(label) for label in (a.label, b.label)}
    lines[at[a.label]], lines[at[b.label]] = b.label, a.label
    shown = dict(cell_values(report))
    for column in a.columns:
        ka, kb = ("requests", a.id, column), ("requests", b.id, column)
        shown[ka], shown[kb] = shown[kb], shown[ka]
    return shown, order, "\n".join(lines)


@settings(max_examples=40)
@given(_rows_swapped())
def test_rows_printed_out_of_the_templates_order_are_never_read_as_each_other(
    case: tuple[dict[tuple[str, str, str], object], str, str],
) -> None:
    """Sums down a group hold whichever way two of its rows are printed: with the labels apart
    from the numbers, only the labels' order says which row a run of numbers is — so a reading
    in the table's order and one in the labels' order both stand, and the rows they disagree
    on stay blank."""
    shown, order, text = case
    parsed = govinfo_report.parse(text)
    got = cell_values(parsed)
    wrong = [k for k, v in shown.items() if k[0] == "requests" and got[k] is not None and got[k] != v]
    assert wrong == [], order
    noted = {(d.table, d.row) for d in parsed.diagnostics}
    blank = [k for k, v in shown.items() if k[0] == "requests" and v is not None and got[k] is None]
    assert [k for k in blank if not {k[:2], ("requests", None)} & noted] == [], order


def test_a_block_of_rows_printed_column_by_column_is_told_by_the_rows_own_sums() -> None:
    """Two rows row by row, then three column by column: the only way every row adds up."""
    rows = _rows("new_received", "carried_over", "granted", "partially_granted", "denied_state_secret")
    one, two = (5, 1, 0, 0, 0, 0, 6), (0, 2, 0, 0, 0, 3, 5)
    block = ((1, 0, 0, 0, 0, 0, 1), (0, 3, 0, 0, 0, 1, 4), (2, 0, 0, 0, 1, 0, 3))
    columns = [block[r][c] for c in range(7) for r in range(3)]
    filled, limit_hit = solver.fillings(REQUESTS, rows, _items(*one, *two, *columns), [*_checks()])
    assert not limit_hit and len(filled) == 1
    how, placed = filled[0]
    assert how == "column by column and row by row"
    assert [tuple(c.value for c in placed[REQUESTS.rows[k].id]) for k in rows] == [one, two, *block]


def test_a_run_of_zeros_reads_alike_in_every_order() -> None:
    rows = _rows("granted", "partially_granted", "denied_state_secret")
    filled, _ = solver.fillings(REQUESTS, rows, _items(*[0] * 21), [*_checks()])
    assert len(filled) == 1


def test_the_ways_of_filling_the_rows_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(solver, "STEP_LIMIT", 1)
    rows = _rows("granted", "partially_granted")
    # two rows whose sums hold read row by row and column by column
    filled, limit_hit = solver.fillings(
        REQUESTS, rows, _items(0, 1, 0, 0, 0, 2, 3, 1, 0, 3, 0, 0, 3, 7), [*_checks()]
    )
    assert limit_hit and filled == []


def test_a_first_column_printed_apart_is_read_and_its_search_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows printed as pdfminer prints a table of one text box per cell: their first column,
    then the rest column by column. Read so, and — with the search bounded below what it
    needs — nothing is placed, and the report says why."""
    rows = _rows("granted", "partially_granted", "denied_state_secret")
    printed = [(5, 1, 3, 7, 2, 2, 20), (3, 4, 1, 6, 9, 1, 24), (8, 2, 2, 4, 1, 3, 20)]
    # the first column; then the first two rows' other columns column by column; then the third
    values = _items(
        *(row[0] for row in printed),
        *(row[c] for c in range(1, 7) for row in printed[:2]),
        *printed[2][1:],
    )
    filled, limit_hit = solver.fillings(REQUESTS, rows, values, [*_checks()])
    assert not limit_hit
    assert [
        [[c.value for c in placed[r]] for r in ("granted", "partially_granted", "denied_state_secret")]
        for _, placed in filled
    ] == [[list(row) for row in printed]]
    assert "the first column apart" in filled[0][0]
    monkeypatch.setattr(solver, "WORK_LIMIT", 1)
    assert solver.fillings(REQUESTS, rows, values, [*_checks()]) == ([], True)


def test_labels_printed_in_another_order_than_the_table_give_a_second_reading() -> None:
    assert solver.as_printed((3, 4, 5, 6), (5, 3, 6)) == (5, 3, 4, 6)
    assert solver.as_printed((3, 4, 5), ()) == (3, 4, 5)


def _checks() -> tuple[object, ...]:
    from govinfo_report.template.rules import checks_for

    return checks_for(REQUESTS.id, PrintedTable.of(REQUESTS))


def test_a_page_printing_its_columns_out_of_order_is_read_by_the_next_pages_columns() -> None:
    """The first page's total column printed before 其他, the second page's columns in the table's
    order (as pdfminer printed a real report): the rules down the columns, across the pages, tell
    which printed column is which."""
    report = _natural_persons_only()
    text = extracted_text(report, "columns", breaks=[10], columns=[TOTAL_BEFORE_OTHER])
    parsed = govinfo_report.parse(text)
    got, want = cell_values(parsed), cell_values(report)
    requests = {k: v for k, v in want.items() if k[0] == "requests"}
    assert {k: got[k] for k in requests} == requests
    (note,) = [d for d in parsed.diagnostics if d.code == "cells-by-reading-order"]
    assert "column by column with the columns in another order" in note.message


def _natural_persons_only() -> Report:
    """The sample report with every request made by natural persons: its totals in the first
    column too, the other columns zero."""
    document = govinfo_report.to_dict(govinfo_report.parse_file(SAMPLE))
    for row in document["requests"].values():
        if row["total"] is not None:
            row.update(dict.fromkeys(row, 0), natural_person=row["total"], total=row["total"])
    return govinfo_report.from_dict(document)


def test_columns_printed_out_of_order_on_every_page_leave_the_cells_they_decide_blank() -> None:
    """Moved the same way on every page, the columns are told apart by nothing but the row
    sums: the total column and the rows of zeros are read, the first column stays blank where
    it is not zero, and the readings are listed."""
    report = _natural_persons_only()
    moved = extracted_text(report, "columns", breaks=[10], columns=[TOTAL_BEFORE_OTHER] * 2)
    parsed = govinfo_report.parse(moved)
    assert _wrong(parsed, report) == []
    got, want = cell_values(parsed), cell_values(report)
    totals = {k for k in want if k[0] == "requests" and k[2] == "total" and want[k] is not None}
    assert totals and all(got[k] == want[k] for k in totals)
    natural = {k for k in want if k[0] == "requests" and k[2] == "natural_person" and want[k]}
    assert natural and all(got[k] is None for k in natural)
    zeros = {k for k in want if k[0] == "requests" and want[k] == 0 and (k[0], k[1], "total") not in natural}
    assert all(got[k] == 0 for k in zeros if want[(k[0], k[1], "total")] == 0)
    assert "cells-readings-differ" in {d.code for d in parsed.diagnostics}
