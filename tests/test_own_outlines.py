"""Reports that depart from the template's outline the way real ones do: an outline of their own
with the tables numbered on their own after it, a section numbered one further down behind an
extra one, a title printed under a page's word, and a table's sub-table moved after the rest by
a PDF-to-Markdown tool."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Report
from govinfo_report.testing import cell_differences, reports, reports_2019

#: The outline a body of its own writes before its tables (some cities' departments do).
OWN_OUTLINE = (
    "二、工作机制保障\n设立政务公开工作协调小组，统筹推进各项工作。\n"
    "三、主动公开工作情况\n全年主动公开政府信息2139条，其中政策文件83件；公众号关注人数1016823人。\n"
    "四、政府信息公开申请情况\n全年收到政府信息公开申请34件，上年结转2件。\n"
    "五、政府信息管理\n及时发布最新版本的政府信息公开指南。\n"
)
NUMERALS = "零一二三四五六"


def _with_own_outline(report: Report, text: str) -> str:
    """The report with an outline of its own after section 一's text, and the template's
    sections two to six numbered one to five after it."""
    headings = {s.number: s.heading for s in report.sections}
    for number in range(2, 7):
        heading = headings[number]
        assert heading.startswith(NUMERALS[number] + "、") and text.count(heading) == 1
        text = text.replace(heading, NUMERALS[number - 1] + heading[1:])
    first = text.index(NUMERALS[1] + headings[2][1:])
    line_start = text.rfind("\n", 0, first) + 1
    return text[:line_start] + OWN_OUTLINE + text[line_start:]


@settings(max_examples=20)
@given(report=st.one_of(reports(), reports_2019()), layout=st.sampled_from(["tsv", "pipe", "markdown"]))
def test_tables_numbered_on_their_own_after_an_own_outline_are_read(report: Report, layout: str) -> None:
    text = _with_own_outline(report, govinfo_report.render(report, layout))
    parsed = govinfo_report.parse(text)
    assert cell_differences(parsed, report) == []
    assert [s.number for s in parsed.sections] == [1, 2, 3, 4, 5, 6]
    codes = [d.code for d in parsed.diagnostics]
    assert "sections-renumbered" in codes
    assert "missing-section" not in codes


@settings(max_examples=15)
@given(report=st.one_of(reports(blanks=False), reports_2019(blanks=False)), joiner=st.sampled_from([" ", ""]))
def test_tables_numbered_on_their_own_in_one_line_text_are_read(report: Report, joiner: str) -> None:
    """A crawler prints the whole page as one line (its line breaks a space, or nothing): the
    headings numbered on their own are found run into the text around them, and the report
    reads as it does with the template's own numbering."""
    text = govinfo_report.render(report, "tsv")
    one_line = joiner.join(_with_own_outline(report, text).split())
    parsed = govinfo_report.parse(one_line)
    as_template = govinfo_report.parse(joiner.join(text.split()))
    assert cell_differences(parsed, as_template) == []
    assert [s.number for s in parsed.sections] == [s.number for s in as_template.sections]
    assert [s.number for s in parsed.sections][-5:] == [2, 3, 4, 5, 6]
    assert "sections-renumbered" in {d.code for d in parsed.diagnostics}


FEE_SECTION = "五、信息处理费收取情况\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n0\t0\t0\n"


@settings(max_examples=20)
@given(report=reports())
def test_a_section_numbered_on_behind_an_extra_one_is_read_as_its_own(report: Report) -> None:
    headings = {s.number: s.heading for s in report.sections}
    text = govinfo_report.render(report, "tsv")
    problems = headings[5]
    text = text.replace(problems, FEE_SECTION + "六" + problems[1:])
    text = text[: text.index(headings[6])].rstrip("\n") + "\n"  # no 其他需要报告的事项
    parsed = govinfo_report.parse(text)
    assert cell_differences(parsed, report) == []
    assert [(s.number, s.heading[0]) for s in parsed.sections][-2:] == [(4, "四"), (5, "六")]
    codes = [d.code for d in parsed.diagnostics]
    assert "sections-renumbered" in codes
    assert codes.count("missing-section") == 1  # 六、其他需要报告的事项 is not printed


def test_headings_numbered_their_own_way_need_two_table_sections_in_order() -> None:
    text = (
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息12条。\n"
        "二、工作机制保障\n健全机制。\n一、主动公开政府信息情况\n全年主动公开12条。\n"
    )
    parsed = govinfo_report.parse(text)
    assert [s.number for s in parsed.sections] == [1]  # one such heading is no table run


def test_a_page_word_over_a_broken_title_is_not_the_agency() -> None:
    text = "正文\n2025 年上海市某某局政府信息公开\n工作年度报告\n一、总体情况\n全年收到申请3件。\n"
    parsed = govinfo_report.parse(text)
    assert (parsed.agency, parsed.year) == ("上海市某某局", 2025)


def test_a_page_word_over_a_title_without_an_agency_leaves_it_blank() -> None:
    parsed = govinfo_report.parse("正文\n2024年政府信息公开工作年度报告\n一、总体情况\n全年收到申请3件。\n")
    assert parsed.agency is None and parsed.year == 2024
    assert "no-agency" in {d.code for d in parsed.diagnostics}


ACTIVE_MOVED = """某某局2024年政府信息公开工作年度报告
一、总体情况
全年主动公开政府信息2139条。
二、主动公开政府信息情况
第二十条第(一)项
第二十条第(五)项
信息内容本年处理决定数量
行政许可 97
第二十条第(六)项
信息内容本年处理决定数量
行政处罚 5
行政强制 0
第二十条第(八)项
信息内容本年收费金额(单位:万元)
行政事业性收费 0
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 1 | 0 | 4 |
| 规范性文件 | 13 | 2 | 55 |
三、收到和处理政府信息公开申请情况
"""


def test_a_sub_table_a_converter_moved_after_the_rest_is_read() -> None:
    parsed = govinfo_report.parse(ACTIVE_MOVED)
    active = parsed.active_disclosure
    assert active is not None
    values = {
        row: [c.value for _, c in getattr(active, row).by_column()]
        for row in ("regulations", "normative_documents")
    }
    assert values == {"regulations": [1, 0, 4], "normative_documents": [13, 2, 55]}
    assert active.licensing.decisions.value == 97 and active.punishment.decisions.value == 5


def test_rows_out_of_order_among_the_others_are_not_taken_out_of_order() -> None:
    # 规章 printed between 行政许可 and 行政处罚: not a block moved past the table, so its place
    # in the text does not say it is the row (其他 and 总计 name rows only by their place)
    text = ACTIVE_MOVED.replace("| 规章 | 1 | 0 | 4 |\n", "").replace(
        "行政许可 97\n", "行政许可 97\n规章 1 0 4\n"
    )
    parsed = govinfo_report.parse(text)
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.regulations.issued.value is None


REVIEW_IN_PROSE = """某某局2025年政府信息公开工作年度报告
一、总体情况
全年收到申请3件。
四、政府信息公开行政复议、行政诉讼情况
行政复议行政诉讼
| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |
|---|---|---|---|---|---|
| 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
（一）2024 年工作中存在问题的改进情况
一是进一步提升政策公开质效，全市已有近 1400 个政策文件实现“阅办联动”。
二是更好发挥政府网站作为政务公开第一平台的功能。
三是提高依申请公开办理质量，围绕文书规范等关键环节。
（二）2025 年工作中存在的主要问题
一是政策信息分散于多个平台。
二是门户网站的用户体验有待进一步改善。
三是面对申请量持续增长的压力，服务意识有待加强。
（三）2026 年工作打算
一是深化政策公开集成。
二是优化网站检索功能。
三是加强依申请公开培训。
四是完善公开目录。
五是推进基层政务公开标准化。
六是加强解读回应。
七是强化监督考核。
八是做好年报编制。
（四）其他工作
全年开展政务公开培训4次。
组织政府开放日活动2场。
编印政策汇编1册。
更新办事指南56项。
答复网民留言128条。
开展网站自查12次。
整改问题9个。
六、其他需要报告的事项
2025 年度本机关未收取信息公开处理费。
"""


def test_markdown_rules_among_prose_are_no_blank_cells() -> None:
    # section 五's heading is lost: the table's region runs on through its prose, too many lines
    # for a pipe table, and is read as spaced text
    parsed = govinfo_report.parse(REVIEW_IN_PROSE)
    review = parsed.review_litigation
    assert review is not None
    assert [c.value for _, block in review.blocks() for _, c in block.by_column()] == [
        40,
        0,
        10,
        5,
        55,
        2,
        0,
        4,
        6,
        12,
        6,
        0,
        9,
        7,
        22,
    ]


@settings(max_examples=20)
@given(report=reports(blanks=False, collapsed_other=True), layout=st.sampled_from(["columns", "tsv"]))
def test_a_row_under_headers_ending_in_a_keyword_is_not_moved_to_the_row_it_names(
    report: Report, layout: str
) -> None:
    # the first row's label lost: its numbers follow the header row, whose last word (其他) is
    # also 3.其他's label — which （六） printed as one row leaves unmatched
    text = govinfo_report.render(report, layout).replace("一、本年新收政府信息公开申请数量", "")
    parsed = govinfo_report.parse(text)
    assert parsed.requests is not None
    for row in ("other_overdue_correction", "other_unpaid_fee", "other_misc"):
        assert all(cell.value is None for _, cell in getattr(parsed.requests, row).by_column())
