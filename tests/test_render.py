"""The renderer: a Report written back as report text, in every layout the parser reads, parses
back to the same cells, agency, year and section headings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import RENDER_LAYOUTS, Cell, Report, render
from govinfo_report.model import Fees, Period, RequestRow, Requests, ReviewBlock, ReviewLitigation, Section
from govinfo_report.reading.normalize import normalize
from govinfo_report.template.formats import get_format, section_titles_of
from govinfo_report.template.rules import PrintedTable, result_rows
from govinfo_report.template.spec import REQUEST_COLUMNS, REVIEW_BLOCKS
from govinfo_report.testing import Rendered, cell_differences, cell_values, report_texts, reports
from govinfo_report.writers.document import format_value
from govinfo_report.writers.text import BLANK_MARK, render_placed

LAYOUTS = list(RENDER_LAYOUTS)
#: The template's section headings, the rows （六）其他处理 as one row stands for, and the rows
#: （七）总计 adds up.
SECTION_TITLES = section_titles_of()
OTHER_SUBROWS = get_format("2021").tables["requests"].alternatives()["other_processing"]
RESULT_ROWS_2021 = result_rows(PrintedTable.of(get_format("2021").tables["requests"]))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", normalize(text))


def _round_trip_problems(report: Report, parsed: Report) -> list[str]:
    problems = cell_differences(parsed, report)
    if (parsed.agency, parsed.year) != (report.agency, report.year):
        problems.append(f"agency/year: {parsed.agency} {parsed.year}")
    if [s.heading for s in parsed.sections] != [s.heading for s in report.sections]:
        problems.append(f"headings: {[s.heading for s in parsed.sections]}")
    if report.period is not None and parsed.period != report.period:
        problems.append(f"period: {parsed.period}")
    for number in (1, 5, 6):
        want, got = report.section(number), parsed.section(number)
        if want is not None and (got is None or _squeezed(got.text) != _squeezed(want.text)):
            problems.append(f"section {number} text: {got.text if got else None!r}")
    return problems


# --- the round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports(consistent=None))
def test_parse_gives_back_what_was_rendered(layout: str, report: Report) -> None:
    assert _round_trip_problems(report, govinfo_report.parse(render(report, layout))) == []


@pytest.mark.parametrize("layout", LAYOUTS)
@given(report=reports(scale="city", blanks=False, collapsed_other=True))
def test_a_one_row_other_processing_survives(layout: str, report: Report) -> None:
    parsed = govinfo_report.parse(render(report, layout))
    assert _round_trip_problems(report, parsed) == []
    assert parsed.requests is not None
    assert parsed.requests.other_processing.values() == report.requests.other_processing.values()  # type: ignore[union-attr]
    assert "other-processing-single-row" in {d.code for d in parsed.diagnostics}


@given(rendered=report_texts())
def test_a_rendering_has_no_diagnostic_about_its_tables(rendered: Rendered) -> None:
    text, _, layout = rendered
    parsed = govinfo_report.parse(text)
    table_notes = [
        d.code for d in parsed.diagnostics if d.table is not None and d.code != "other-processing-single-row"
    ]
    assert table_notes == [], layout


def test_the_bundled_example_round_trips_in_every_layout() -> None:
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
    report = govinfo_report.parse_file(sample)
    for layout in LAYOUTS:
        assert _round_trip_problems(report, govinfo_report.parse(render(report, layout))) == [], layout


# --- the strategies keep (or break) the arithmetic they promise ---------------------------------


def _sums(report: Report) -> list[bool]:
    """Each arithmetic rule of the template on the report's numbers (all of them, none null)."""
    requests, review = report.requests, report.review_litigation
    assert requests is not None and review is not None
    collapsed = requests.other_processing.values()[0] is not None
    results = [r for r in RESULT_ROWS_2021 if not (collapsed and r in OTHER_SUBROWS)]
    results += ["other_processing"] if collapsed else []
    checks = []
    for column in REQUEST_COLUMNS:
        v = {row: requests[row][column].value for row, _ in requests.rows()}
        checks.append(v["new_received"] + v["carried_over"] == v["total_processed"] + v["carried_forward"])  # type: ignore[operator]
        checks.append(v["total_processed"] == sum(v[r] for r in results))  # type: ignore[misc]
    for _, row in requests.rows():
        values = row.values()
        if values[0] is not None:
            checks.append(values[6] == sum(values[:6]))  # type: ignore[arg-type]
    for block in REVIEW_BLOCKS:
        values = getattr(review, block).values()
        checks.append(values[4] == sum(values[:4]))
    return checks


@given(report=reports(blanks=False, consistent=True))
def test_consistent_reports_keep_every_sum(report: Report) -> None:
    assert all(_sums(report))


@given(report=reports(blanks=False, consistent=False))
def test_inconsistent_reports_break_a_sum(report: Report) -> None:
    assert not all(_sums(report))


def test_city_reports_have_large_numbers_and_decimal_fees() -> None:
    def fee(report: Report) -> Decimal:
        value = report.active_disclosure.fees.amount.value  # type: ignore[union-attr]
        assert isinstance(value, Decimal)  # an amount is never a float or an int
        return value

    def largest(report: Report) -> int:
        return max(v for v in cell_values(report).values() if isinstance(v, int))

    city = reports(scale="city", blanks=False)
    assert largest(find(city, lambda r: largest(r) >= 100_000)) >= 100_000
    assert int(fee(find(city, lambda r: fee(r).as_tuple().exponent < 0)).as_tuple().exponent) < 0


def test_a_third_of_township_cells_or_more_are_zero() -> None:
    """Over a fixed sample (one report can be drawn with few zeros: its cells are drawn one by
    one), a third of the cells of township reports or more are zero."""
    values: list[object] = []

    @settings(derandomize=True, database=None, max_examples=60, deadline=None)
    @given(report=reports(scale="township", blanks=False))
    def collect(report: Report) -> None:
        values.extend(v for v in cell_values(report).values() if v is not None)

    collect()
    assert sum(v == 0 for v in values) * 3 >= len(values)


# --- what the renderer prints ---------------------------------------------------------------


def _report(**changes: object) -> Report:
    base = Report(
        format="2021",
        title="示例县示例镇人民政府2023年政府信息公开工作年度报告",
        agency="示例县示例镇人民政府",
        year=2023,
        period=Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        sections=tuple(Section(n, h, "无" if n in (1, 5, 6) else "") for n, h in SECTION_TITLES.items()),
        active_disclosure=govinfo_report.ActiveDisclosure(),
        requests=Requests(),
        review_litigation=ReviewLitigation(),
    )
    return attrs.evolve(base, **changes)


@pytest.mark.parametrize(
    ("amount", "printed"),
    [
        (Decimal("96171.6"), "96171.6"),
        (Decimal("7730.28"), "7730.28"),
        (Decimal("1E+2"), "100"),
        (Decimal("0.10"), "0.10"),
    ],
)
def test_decimals_are_printed_exactly(amount: Decimal, printed: str) -> None:
    assert format_value(amount) == printed
    active = govinfo_report.ActiveDisclosure(fees=Fees(Cell(amount)))
    report = _report(active_disclosure=active)
    text, placement = render_placed(report, "tsv")
    line, a, b = placement.cells["active_disclosure", "fees", "amount"]
    assert text.split("\n")[line][a:b] == printed
    parsed = govinfo_report.parse(text)
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.fees.amount.value == amount


def test_blank_cells_are_empty_cells_or_a_blank_mark() -> None:
    row = RequestRow(*(Cell(v) for v in (3, None, 0, 0, 0, 0, 3)))
    report = _report(requests=attrs.evolve(Requests(), new_received=row))
    for layout in LAYOUTS:
        text, placement = render_placed(report, layout)
        line, a, b = placement.cells["requests", "new_received", "commercial_enterprise"]
        assert text.split("\n")[line][a:b] == (BLANK_MARK if layout == "columns" else ""), layout
        parsed = govinfo_report.parse(text)
        assert parsed.requests is not None
        assert parsed.requests.new_received.values() == (3, None, 0, 0, 0, 0, 3), layout


def test_other_processing_prints_as_one_row() -> None:
    row = RequestRow(*(Cell(v) for v in (1, 0, 0, 0, 0, 0, 1)))
    report = _report(requests=attrs.evolve(Requests(), other_processing=row))
    text = render(report, "tsv")
    assert "（六）其他处理\t1\t0" in text
    assert "逾期不补正" not in text and "3.其他" not in text


def test_the_template_structure_is_printed() -> None:
    text = render(_report(), "tsv")
    for header in ("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"):
        assert f"\n{header}\n" in text
    assert text.count("信息内容\t") == 4
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况" in text
    assert "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t" in text
    assert "三、本年度办理结果\t（一）予以公开\t" in text
    assert "\t（三）不予公开\t1.属于国家秘密\t" in text
    assert "\t\t2.其他法律行政法规禁止公开\t" in text
    assert (
        "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
        in text
    )
    assert text.startswith("示例县示例镇人民政府2023年政府信息公开工作年度报告\n")
    assert "统计期限自2023年1月1日起至2023年12月31日止" in text


def test_markdown_is_a_pipe_table_with_a_rule_and_heading_marks() -> None:
    text = render(_report(), "markdown")
    lines = text.split("\n")
    assert lines[0].startswith("# ")
    assert "## 三、收到和处理政府信息公开申请情况" in lines
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"\|(---\|)+", line)]
    assert len(rules) == 3
    for i in rules:  # the rule has as many columns as the header row above it
        assert lines[i].count("|") == lines[i - 1].count("|")


def test_cells_layout_is_one_cell_per_line_behind_a_tab() -> None:
    report = _report(
        requests=attrs.evolve(Requests(), granted=RequestRow(*(Cell(v) for v in (1, None, 0, 0, 0, 0, 1))))
    )
    text, placement = render_placed(report, "cells")
    lines = text.split("\n")
    first, last = placement.rows["requests", "granted"]
    block = lines[first : last + 1]
    assert block == [
        "\t三、本年度办理结果",
        "\t（一）予以公开",
        "\t1",
        "\t",
        "\t0",
        "\t0",
        "\t0",
        "\t0",
        "\t1",
    ]
    assert lines[last + 1] == ""  # a blank line ends the row


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@given(report=reports())
def test_columns_layout_aligns_values_by_display_width(report: Report) -> None:
    text, placement = render_placed(report, "columns")
    lines = text.split("\n")
    ends: dict[tuple[str, str], set[int]] = {}
    for (table, _row, column), (line, _a, b) in placement.cells.items():
        if table == "requests":
            ends.setdefault((table, column), set()).add(_display_width(lines[line][:b]))
    assert ends and all(len(found) == 1 for found in ends.values())
    assert "\t" not in text


def test_unknown_layout_and_unknown_format() -> None:
    with pytest.raises(ValueError, match="layout"):
        render(_report(), "docx")
    with pytest.raises(ValueError, match="unknown format"):
        render(_report(format="no-such-variant"), "tsv")


def test_other_format_prints_sections_as_text() -> None:
    sections = (
        Section(1, "一、总体情况", "本年度情况。"),
        Section(3, "三、收到和处理政府信息公开申请情况", "未收到申请。"),
    )
    report = Report(format="other", agency="某县某局", year=2018, sections=sections)
    text = render(report)
    assert "未收到申请。" in text and "二、主动公开政府信息情况" in text
    parsed = govinfo_report.parse(text)
    assert (parsed.agency, parsed.year) == ("某县某局", 2018)


def test_review_table_values_come_in_block_order() -> None:
    blocks = {b: ReviewBlock(*(Cell(10 * k + i) for i in range(5))) for k, b in enumerate(REVIEW_BLOCKS)}
    report = _report(review_litigation=ReviewLitigation(**blocks))
    for layout in LAYOUTS:
        parsed = govinfo_report.parse(render(report, layout))
        assert parsed.review_litigation == report.review_litigation, layout


@given(st.sampled_from(LAYOUTS), reports())
def test_placement_points_at_every_value(layout: str, report: Report) -> None:
    text, placement = render_placed(report, layout)
    lines = text.split("\n")
    values = cell_values(report)
    assert set(placement.cells) == {k for k in values if not _hidden(report, k[1])}
    for key, (line, a, b) in placement.cells.items():
        value = values[key]
        shown = format_value(value) if value is not None else (BLANK_MARK if layout == "columns" else "")
        assert lines[line][a:b] == shown


def _hidden(report: Report, row: str) -> bool:
    """Rows the template does not print: the three （六） rows when （六） is one row, or the one
    row when it is three."""
    assert report.requests is not None
    collapsed = any(v is not None for v in report.requests.other_processing.values())
    return (row in OTHER_SUBROWS) if collapsed else (row == "other_processing")


# --- regressions found by the round trip ------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "values",
    [
        [None] + [0] * 14,  # blank first value: was trimmed as a merged-cell shadow
        [0] * 14 + [None],  # blank last value, then the blank line after the table
        [None] + [0] * 13 + [None],  # both: the run was 16 cells with the blank line, shifted
    ],
)
def test_table_four_blank_first_or_last_value_stays_in_place(layout: str, values: list[int | None]) -> None:
    blocks = {
        b: ReviewBlock(*(Cell(v) for v in values[5 * k : 5 * k + 5])) for k, b in enumerate(REVIEW_BLOCKS)
    }
    report = _report(review_litigation=ReviewLitigation(**blocks))
    parsed = govinfo_report.parse(render(report, layout))
    assert parsed.review_litigation == report.review_litigation
