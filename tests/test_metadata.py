"""Title, agency, year and statistics period."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Period, Report
from govinfo_report.reading.metadata import find_period, find_title, qualify_agency
from govinfo_report.testing.prose import agencies


@pytest.mark.parametrize(
    ("preamble", "agency", "year"),
    [
        ("某县某镇人民政府2023年政府信息公开工作年度报告", "某县某镇人民政府", 2023),
        ("\n某县某镇人民政府\n\n2023 年度政府信息公开工作年度报告\n", "某县某镇人民政府", 2023),
        ("标题：某市某局2022年度政府信息公开工作年度报告-某市某局\n", "某市某局", 2022),
        ("# 某区某街道办事处 2024 年政府信息公开工作 年度报告", "某区某街道办事处", 2024),
        ("某县发展和改革局2021年政府信息公开年度报告", "某县发展和改革局", 2021),
        ("某县某镇人民政府2023年政府信息公开\n工作年度报告\n", "某县某镇人民政府", 2023),
        ("某县某镇人民政府\n2023年\n政府信息公开\n工作年度报告\n", "某县某镇人民政府", 2023),
        ("## 某县某局\n## 2022年政府信息公开工作年度报告\n", "某县某局", 2022),
        ("2019年某市人民政府办公厅政府信息公开工作年度报告", "某市人民政府办公厅", 2019),
        ("2023年度某市某区某街道办事处政务公开工作年度报告", "某市某区某街道办事处", 2023),
        ("2023年某县某镇人民政府信息公开工作年度报告", "某县某镇人民政府", 2023),
        ("2023年某县人民政府政府信息公开工作年度报告", "某县人民政府", 2023),
        ("2022年某市政府信息公开工作年度报告", "某市", 2022),
        ("2023年度\n某市某局\n政府信息公开工作年度报告\n", "某市某局", 2023),
        (
            "某市数据局(某市政务服务管理办公室)2023年政府信息公开工作年度报告",
            "某市数据局（某市政务服务管理办公室）",
            2023,
        ),
        ("某街道办事处2023年政府信息公开工作年报", "某街道办事处", 2023),
        ("2023年度某市生态环境局政府信息公开年报", "某市生态环境局", 2023),
        ("某市财政局关于2023年政府信息公开工作年度报告", "某市财政局", 2023),
        (
            "中共某市委机构编制委员会办公室2023年政府信息公开工作年度报告",
            "中共某市委机构编制委员会办公室",
            2023,
        ),
        ("某市财政局政府信息公开工作年度报告（2023年度）", "某市财政局", 2023),
        ("某市财政局政府信息公开工作2023年度报告", "某市财政局", 2023),
        ("某县人民政府信息公开工作年度报告(2023年)", "某县人民政府", 2023),
        ("某市财政局\n政府信息公开工作年度报告\n（2023年度）\n", "某市财政局", 2023),
        # a year in Chinese numerals, as formal titles print it
        ("某县人民政府二〇二一年政府信息公开工作年度报告", "某县人民政府", 2021),
        ("某市财政局二○二三年度政府信息公开工作年度报告", "某市财政局", 2023),
        ("二零二二年某县某镇人民政府政府信息公开工作年度报告", "某县某镇人民政府", 2022),
        # a section heading over the title is no part of it
        ("四、2020年工作打算一、总体情况\n2019年某乡人民政府政府信息公开工作年度报告", "某乡人民政府", 2019),
        # page furniture a crawler put before the title on its line is no part of the agency
        (
            "当前位置：首页 > 政务公开 > 年度报告 某市财政局2023年政府信息公开工作年度报告"
            " 发布时间：2024-01-15",
            "某市财政局",
            2023,
        ),
        ("首页>政务公开>年度报告>某市财政局2023年政府信息公开工作年度报告", "某市财政局", 2023),
        ("【字体：大 中 小】 某市财政局2023年政府信息公开工作年度报告", "某市财政局", 2023),
        ("发布机构：某市财政局 某市财政局2023年政府信息公开工作年度报告", "某市财政局", 2023),
        ("首页 > 政务公开 2023年度某市财政局政府信息公开工作年度报告", "某市财政局", 2023),
        ("位置：首页 > 信息公开 > 某 市 财 政 局 2023 年政府信息公开工作年度报告", "某市财政局", 2023),
        # a letter-spaced title: a PDF's large centred one
        ("某 县 某 局 2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告", "某县某局", 2023),
        ("某县某局2023年政府信息\u00a0公开工作年度报告", "某县某局", 2023),
        ("2 0 2 3 年 某 县 某 局 政 府 信 息 公 开 工 作 年 度 报 告", "某县某局", 2023),
        ("关于某市财政局2023年政府信息公开工作年度报告的解读", "某市财政局", 2023),
    ],
)
def test_title_forms(preamble: str, agency: str, year: int) -> None:
    title = find_title(preamble)
    assert title is not None
    assert (title.agency, title.year) == (agency, year)
    assert " " not in title.title and title.title.endswith(("报告", "年报", "年)", "年度)", "年）", "年度）"))


def test_a_title_naming_its_agency_after_the_year_keeps_its_order() -> None:
    title = find_title("2019年某市财政局政府信息公开工作年度报告")
    assert title is not None
    assert title.title == "2019年某市财政局政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "line",
    [
        "2023年政府信息公开工作年度报告",
        "2023年度政务公开工作年度报告",
        "2023年以来政府信息公开工作情况报告",
        "2023年上半年政府信息公开工作报告",
        "2023年全区政府信息公开工作年度报告",
        "2023年本机关政府信息公开工作年度报告",
    ],
)
def test_words_after_the_year_that_name_no_body_are_no_agency(line: str) -> None:
    title = find_title(line)
    assert title is not None and title.agency is None


@given(agency=agencies(), year=st.integers(2008, 2030), shared=st.booleans(), year_last=st.booleans())
def test_an_agency_named_before_the_words_is_read(
    agency: str, year: int, shared: bool, year_last: bool
) -> None:
    # 某镇人民政府 + 政府信息公开 is printed with one 政府 as often as with two
    words = "信息公开工作年度报告" if shared and agency.endswith("人民政府") else "政府信息公开工作年度报告"
    line = f"{agency}{words}（{year}年度）" if year_last else f"{year}年{agency}{words}"
    title = find_title(line)
    assert title is not None and (title.agency, title.year) == (agency, year)


@pytest.mark.parametrize(
    "line", ["政府信息公开工作年度报告（2023年度）", "关于印发政府信息公开工作年度报告(2023年)的通知"]
)
def test_words_before_a_title_naming_its_year_last_that_name_no_body_are_no_agency(line: str) -> None:
    title = find_title(line)
    assert title is not None and title.year == 2023 and title.agency is None


def test_a_heading_without_agency_gives_way_to_the_title_below_it() -> None:
    preamble = "2022年政府信息公开工作年度报告\n某县某镇人民政府\n2022年政府信息公开工作年度报告\n"
    title = find_title(preamble)
    assert title is not None and (title.agency, title.year, title.line_index) == ("某县某镇人民政府", 2022, 2)


@pytest.mark.parametrize(
    ("preamble", "agency"),
    [
        ("2023年政府信息公开工作年度报告\n某县某镇人民政府\n一、总体情况\n", "某县某镇人民政府"),
        ("2023年政府信息公开工作年度报告\n总体情况\n", None),
        ("2023年政府信息公开工作年度报告\n各有关单位\n", None),
    ],
)
def test_a_body_named_alone_below_a_title_naming_none_is_its_agency(
    preamble: str, agency: str | None
) -> None:
    title = find_title(preamble)
    assert title is not None and (title.agency, title.year) == (agency, 2023)


def test_a_later_title_of_another_year_is_not_taken() -> None:
    preamble = "2022年政府信息公开工作年度报告\n某县某局\n2021年政府信息公开工作年度报告\n"
    title = find_title(preamble)
    assert title is not None and (title.agency, title.year) == (None, 2022)


@pytest.mark.parametrize(
    "line", ["现公布我局2022年政府信息公开工作年度报告。", "某局2022年政府信息公开工作年度报告。全文如下"]
)
def test_a_sentence_naming_the_report_is_no_title(line: str) -> None:
    assert find_title(line) is None


def test_a_breadcrumb_line_above_the_title_is_not_joined_to_it() -> None:
    title = find_title("首页 > 政务公开 > 年度报告\n某市财政局2023年政府信息公开工作年度报告\n")
    assert title is not None and title.agency == "某市财政局"


@pytest.mark.parametrize(
    "link",
    ["上一篇：", "下一篇：", "相关文章：", "往年年报：", "热点推荐：", "· ", "• ", "- "],
)
def test_a_link_to_another_report_above_the_title_is_no_title(link: str) -> None:
    preamble = (
        f"{link}某县某镇人民政府2022年政府信息公开工作年度报告\n\n某市财政局2023年政府信息公开工作年度报告\n"
    )
    title = find_title(preamble)
    assert title is not None and (title.agency, title.year) == ("某市财政局", 2023)


def test_an_enumerated_line_is_no_title() -> None:
    assert find_title("(一)2023年政府信息公开工作年度报告编制情况") is None


def test_prose_with_a_year_and_report_is_not_a_title() -> None:
    assert (
        find_title("本报告根据《条例》编制，统计期限为2023年1月1日至2023年12月31日，详见年度报告。") is None
    )


def test_a_year_line_before_a_long_sentence_is_no_title() -> None:
    sentence = "本单位全年主动公开政府信息1234条，收到申请56件，均按期答复，详见本年度工作报告。"
    assert find_title("2023年\n" + sentence) is None


def test_a_title_without_agency_says_so() -> None:
    import govinfo_report

    report = govinfo_report.parse("2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n")
    assert report.year == 2023 and report.agency is None
    assert "no-agency" in {d.code for d in report.diagnostics}


def test_a_report_without_title_takes_the_year_it_names_itself_by() -> None:
    import govinfo_report

    text = "一、总体情况\n现公布我局2022年政府信息公开工作年度报告。\n二、主动公开政府信息情况\n无\n"
    report = govinfo_report.parse(text)
    assert report.year == 2022 and report.title is None
    assert {"no-title", "year-from-text"} <= {d.code for d in report.diagnostics}


def test_words_naming_two_years_give_no_year() -> None:
    import govinfo_report

    text = (
        "一、总体情况\n现公布我局2022年政府信息公开工作年度报告。"
        "2021年政府信息公开工作年度报告已于去年发布。\n二、主动公开政府信息情况\n无\n"
    )
    report = govinfo_report.parse(text)
    assert report.year is None and "no-year" in {d.code for d in report.diagnostics}


def test_period_over_a_line_break_with_qi_zhi() -> None:
    text = "数据统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止。"
    assert find_period(text) == Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_period_with_a_dash() -> None:
    assert find_period("期限为：2024年1月1日—2024年12月31日") == Period(
        dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    )


def test_period_whose_end_leaves_its_year_to_the_start() -> None:
    text = "本年度报告中所列数据统计期限为2022年1月1日至12月31日。"
    assert find_period(text) == Period(dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def test_no_period() -> None:
    assert find_period("2023年度") is None


def test_agency_is_qualified_by_its_parent_city_when_the_report_prints_it() -> None:
    text = "甲区人民政府\n本报告由乙丙市甲区人民政府办公室编制"
    assert qualify_agency("甲区人民政府", text) == "乙丙市甲区人民政府"


def test_agency_already_qualified_is_kept() -> None:
    assert (
        qualify_agency("乙丙市甲区人民政府", "本报告由丁戊省乙丙市甲区人民政府编制") == "乙丙市甲区人民政府"
    )


def test_a_place_name_title_becomes_its_governing_organ() -> None:
    text = "甲综合实验区2023年度报告 请与甲综合实验区管委会办公室联系"
    assert qualify_agency("甲综合实验区", text) == "甲综合实验区管委会"


def test_no_qualification_without_evidence() -> None:
    assert qualify_agency("甲局", "甲局认真贯彻落实") == "甲局"


def test_a_title_cut_off_in_a_page_info_cell_does_not_make_its_words_the_agency() -> None:
    """A text browser cuts the page-info table's title cell after "(2020年" and runs the next
    cell on: the words before that year are the report's name, not a body's."""
    cell = "名称： 安平县教育局政府信息公开工作年度报告(2020年 主题分 政府信息公开年报"
    preamble = f"{cell}\n\n安平县教育局政府信息公开工作年度报告(2020年度)"
    title = find_title(preamble)
    assert title is not None and (title.agency, title.year) == ("安平县教育局", 2020)


@pytest.mark.parametrize(
    "text",
    [
        # a sentence wrapped by a text browser: its second line cites a notice on the report
        "根据《某市人民政府办公室\n某市政务公开办公室关于做好2019年政府信息公开工作年度报告编制公布工作的通知》要求，"
        "现编制完成了本报告。\n",
        "某市人民政府办公室关于印发某市2023年政府信息公开工作年度报告编制要求的通知\n",
    ],
)
def test_a_notice_about_the_report_is_no_title(text: str) -> None:
    assert find_title(text) is None


def test_a_title_in_two_paragraphs_with_a_blank_line_between_them_is_read() -> None:
    title = find_title("某区某局2019年度\n\n政府信息公开工作年度报告\n\n一、总体情况\n")
    assert title is not None and (title.agency, title.year) == ("某区某局", 2019)


def _parsed(text: str) -> Report:
    return govinfo_report.parse(text + "\n一、总体情况\n全年收到申请3件。\n")


def test_a_report_without_a_title_takes_its_agency_from_the_words_naming_it() -> None:
    parsed = _parsed("根据条例要求，特向社会公布示例县示例镇人民政府2025年度政府信息公开工作年度报告。")
    assert (parsed.agency, parsed.year) == ("示例县示例镇人民政府", 2025)
    assert "agency-from-text" in {d.code for d in parsed.diagnostics}


def test_a_title_naming_no_agency_takes_it_from_the_words_naming_the_report() -> None:
    parsed = _parsed(
        "2024年政府信息公开工作年度报告\n现将《示例市统计局2024年政府信息公开工作年度报告》公布如下。"
    )
    assert parsed.agency == "示例市统计局"
    codes = {d.code for d in parsed.diagnostics}
    assert "agency-from-text" in codes and "no-agency" not in codes


@pytest.mark.parametrize(
    "words",
    [
        "现将本机关2024年政府信息公开工作年度报告公布如下。",  # no body's name
        "特向社会公布示例局2023年度政府信息公开工作年度报告。",  # another year than the title's
        "特向社会公布示例局2024年政府信息公开工作年度报告。现将示例办2024年政府信息公开工作年度报告附后。",
        "根据《示例市人民政府办公室关于做好2024年政府信息公开工作年度报告编制工作的通知》要求编制。",
    ],
)
def test_words_that_name_no_one_body_of_the_reports_year_give_no_agency(words: str) -> None:
    parsed = _parsed("2024年政府信息公开工作年度报告\n" + words)
    assert parsed.agency is None
    assert "no-agency" in {d.code for d in parsed.diagnostics}
