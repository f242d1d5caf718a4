"""The normaliser folds renderings to one text and never moves a line."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.reading.normalize import nfkc, normalize, split_lines


def test_full_width_digits_and_punctuation_fold_to_ascii() -> None:
    assert normalize("行政许可\t１９５４（件）：") == "行政许可\t1954(件):"


def test_every_kind_of_space_becomes_a_plain_space() -> None:
    assert normalize("自\u00a0然\u3000人\u2002计") == "自 然 人 计"


def test_curly_quotes_become_straight() -> None:
    assert normalize("危及“三安全一稳定”‘a’") == "危及\"三安全一稳定\"'a'"


def test_markdown_heading_marks_and_emphasis_are_dropped() -> None:
    assert normalize("### 一、总体情况\n**重点**工作") == "一、总体情况\n重点工作"


def test_word_artefacts_and_form_feeds_are_dropped() -> None:
    assert normalize("4、[bookmark: _GoBack]建立制度\n\f级审核") == "4、建立制度\n级审核"


def test_page_number_lines_become_blank_lines() -> None:
    text = "正文\n      -3-\n- 4 -\n第 5 页 共 9 页\n—6—\n正文"
    assert normalize(text) == "正文\n\n\n\n\n正文"


def test_each_line_rule_reads_its_line_as_the_earlier_rules_left_it() -> None:
    # a page number alone in a markdown row; a heading, emphasis and a thousands separator each
    # on a line of their own; a heading mark before a page number is taken off after the page
    # numbers were looked for, so that line stays
    text = "| | - 3 | - |\n## 二、主动公开\n**重点**\t1,234\n  第 2 页  \n# 3/10"
    assert normalize(text) == "\n二、主动公开\n重点\t1234\n\n3/10"


def test_a_tables_caption_alone_on_its_line_is_a_blank_line() -> None:
    # a table goes on after a page break under its caption: the caption's number is no row's
    text = "表3（续）\n续表\n| 表 2 (续表) |\n表3 收到和处理政府信息公开申请情况\n表格\t3"
    assert normalize(text) == "\n\n\n表3 收到和处理政府信息公开申请情况\n表格\t3"


def test_a_lone_number_is_not_a_page_number() -> None:
    assert normalize("3\n\t0") == "3\n\t0"


def test_thousands_separators_are_removed_only_inside_numbers() -> None:
    assert normalize("行政处罚\t3,985,758") == "行政处罚\t3985758"
    assert normalize("收费 １，２３４．５ 万元") == "收费 1234.5 万元"
    assert normalize("第1,2项") == "第1,2项"
    assert normalize("0,0,0") == "0,0,0"


@given(st.text())
def test_line_count_never_changes(text: str) -> None:
    assert len(split_lines(normalize(text))) == len(split_lines(text))


def test_windows_and_old_mac_line_ends_count_as_one_line_each() -> None:
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]


@given(
    st.text() | st.text(alphabet=st.sampled_from("，。：（）１２３ＡＢ　①㈠㎡﹐…²½Ⅳ年报告e\u0301\u3099か7¹⑴"))
)
def test_the_fast_nfkc_is_nfkc_without_footnote_marks_after_numbers(text: str) -> None:
    marks_after_numbers = re.sub(r"(?<=[0-9０-９])[¹²³⁰⁴-⁹\u2460-\u2487]+", "", text)
    assert nfkc(text) == unicodedata.normalize("NFKC", marks_after_numbers)


def test_a_lone_no_break_space_between_numbers_is_a_blank_cell() -> None:
    # pypdf prints a web page's <td>&nbsp;</td> as a no-break space between single spaces
    assert normalize("（七）总计 22 21 13 \u00a0 21 22 113") == "(七)总计 22 21 13 — 21 22 113"
    assert normalize("（六）其他处理 \u00a0 0 0 1 0 2 3") == "(六)其他处理 — 0 0 1 0 2 3"
    assert normalize("合计 5 \u00a0\u00a0") == "合计 5 —"
    # a no-break space between words, or in a markdown row, is a space
    assert normalize("全年 \u00a0 共计") == "全年   共计"
    assert normalize("| 1 | \u00a0 2 |") == "| 1 |   2 |"
    assert normalize("合计\t0\t5 \u00a0") == "合计\t0\t5"


def test_no_break_spaces_a_space_apart_next_to_a_number_are_blank_cells_each() -> None:
    # pypdf: two empty cells before a row's one number, and two after another's
    assert normalize("件 \u00a0 \u00a0 925") == "件 — — 925"
    assert normalize("规章 115 \u00a0 \u00a0") == "规章 115 — —"
    assert normalize("规章 115 \u00a0 \u00a0 500") == "规章 115 — — 500"
    # and before a signed number: 行政处罚's blank 上一年项目数量, then its 本年增/减
    assert normalize("行政处罚 \u00a0 -68 \u00a0") == "行政处罚 — -68 —"
    # between words they stay spaces
    assert normalize("全年 \u00a0 \u00a0 共计") == "全年     共计"


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("行政许可\t2626¹\t3", "行政许可\t2626\t3"),  # NFKC would make it 26261
        ("行政许可\t278①\t3", "行政许可\t278\t3"),
        ("| 行政许可 | １２² | 3 |", "| 行政许可 | 12    | 3 |"),  # as wide as printed
        ("行政许可\t415*\t3", "行政许可\t415\t3"),
        ("| 行政许可 | 415※ | 3 |", "| 行政许可 | 415 | 3 |"),
        ("行政许可\t12[1]", "行政许可\t12"),
        ("行政许可\t7（注）\t3", "行政许可\t7\t3"),
    ],
)
def test_a_footnote_mark_after_a_number_is_no_part_of_it(printed: str, read: str) -> None:
    assert normalize(printed) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [("| **415** | 3 |", "| 415 | 3 |"), ("①项目", "1项目"), ("x 5*6", "x 5*6"), ("a12*\t3", "a12*\t3")],
)
def test_marks_not_after_a_cells_number_stay(text: str, read: str) -> None:
    assert normalize(text) == read


def test_a_page_footer_printed_over_itself_is_a_page_number() -> None:
    """A footer each section of a document draws, printed three times on one line."""
    assert (
        normalize("行政事业性收费\n第 1 页 共 4 页第 1 页 共 4 页第 1 页 共 4 页\n") == "行政事业性收费\n\n"
    )
