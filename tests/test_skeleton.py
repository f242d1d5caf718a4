"""The six sections are found by their title words, in order, and never by a look-alike."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.reading.normalize import normalize
from govinfo_report.reading.skeleton import read_skeleton
from govinfo_report.template.formats import section_titles_of

SECTION_TITLES = section_titles_of()


def _numbers(text: str) -> list[int]:
    return [s.number for s in read_skeleton(normalize(text)).sections]


def _report(*sections: str, preamble: str = "某某局2023年政府信息公开工作年度报告\n") -> str:
    return preamble + "\n".join(sections)


def test_canonical_headings() -> None:
    text = _report(*(f"{SECTION_TITLES[n]}\n正文{n}" for n in range(1, 7)))
    skeleton = read_skeleton(normalize(text))
    assert [s.number for s in skeleton.sections] == [1, 2, 3, 4, 5, 6]
    assert skeleton.sections[1].text == "正文2"
    assert skeleton.sections[0].line == 2
    assert skeleton.preamble.startswith("某某局")


@pytest.mark.parametrize(
    ("heading", "number"),
    [
        ("二、行政机关主动公开政府信息情况", 2),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", 4),
        ("四、因政府信息公开工作被申请行政复议提起行政诉讼情况", 4),
        ("四、政府信息公开行政复议及行政诉讼情况", 4),
        ("四、因政府信息公开申请行政复议、提起行政诉讼的情况", 4),
        ("五、政府信息公开工作存在的主要问题及改进情况", 5),
        ("五、存在的主要问题及整改措施", 5),
        ("五、存在的主要问题及明年工作计划", 5),
        ("五、存在的问题及下一步工作打算", 5),
        ("四、政府信息公开行政法复议、行政诉讼情况", 4),
        ("六、需要说明的其他事项与附表", 6),
        ("六、其他需说明事项", 6),
        ("## 三、收到和处理政府信息公开申请情况", 3),
        ("三．收到和处理政府信息公开申请情况", 3),
        ("三、 收到和处理政府信息公开申请情况", 3),
    ],
)
def test_heading_variants(heading: str, number: int) -> None:
    assert _numbers(_report(heading, "正文")) == [number]


def test_numbered_sub_headings_inside_a_section_are_text() -> None:
    text = _report(
        "一、总体情况",
        "一、加强领导",
        "四、2024 年工作打算",
        "（二）主动公开政府信息情况",
        "二、主动公开政府信息情况",
        "表格",
    )
    skeleton = read_skeleton(normalize(text))
    assert [s.number for s in skeleton.sections] == [1, 2]
    assert "四、2024 年工作打算" in skeleton.sections[0].text


def test_title_repeated_inside_section_one_stays_in_section_one() -> None:
    text = _report("一、总体情况", "某某局2023年政府信息公开工作年度报告", "正文")
    skeleton = read_skeleton(normalize(text))
    assert skeleton.sections[0].text.startswith("某某局2023年")


def test_a_heading_out_of_order_is_text_of_the_current_section() -> None:
    text = _report(
        "一、总体情况", "正文", "五、存在的主要问题及改进情况", "一、总体情况", "六、其他需要报告的事项"
    )
    skeleton = read_skeleton(normalize(text))
    assert [s.number for s in skeleton.sections] == [1, 5, 6]
    assert "一、总体情况" in skeleton.sections[1].text


def test_headings_inside_one_long_line() -> None:
    text = (
        "某局2023年政府信息公开工作年度报告 一、总体情况 正文。 "
        "二、主动公开政府信息情况第二十条 三、收到和处理政府信息公开申请情况表"
    )
    assert _numbers(text) == [1, 2, 3]


def test_a_title_run_into_the_first_heading_leaves_it_a_heading() -> None:
    # a crawler's one-line text without spaces: 报告一、总体情况 — but 统一、总体情况 stays a word
    text = "某局2023年政府信息公开工作年度报告一、总体情况全年收到申请3件。二、主动公开政府信息情况第二十条"
    assert _numbers(text) == [1, 2]
    assert _numbers(
        "某局2023年政府信息公开工作年度报告 全市统一、总体情况良好。二、主动公开政府信息情况"
    ) == [2]


def test_heading_words_in_the_middle_of_a_sentence_are_not_a_heading() -> None:
    # "统一、总体情况…": the numeral follows another Chinese character
    assert _numbers(_report("全面统一、总体情况良好")) == []
    # no 、 after the numeral, or a numeral or 第 before it: a word, a larger number, an ordinal
    assert _numbers(_report("一、总体情况", "正文再三收到和处理政府信息公开申请情况")) == [1]
    assert _numbers(_report("一、总体情况", "第十二、主动公开政府信息情况")) == [1]
    assert _numbers(_report("一、总体情况", "其中第二、主动公开政府信息情况")) == [1]


def test_a_heading_run_into_the_text_before_it_is_a_heading() -> None:
    # a crawler's one-line text: the heading follows the last cell of the table before it
    text = (
        "某局2019年政府信息公开工作年度报告 一、总体情况 正文二、主动公开政府信息情况"
        "政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况表格四、政府信息公开行政复议、"
        "行政诉讼情况表格无五、存在的主要问题及改进情况无六、其他需要报告的事项无"
    )
    assert _numbers(text) == [1, 2, 3, 4, 5, 6]


def test_preamble_listing_section_names_is_not_a_heading() -> None:
    text = "报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等。\n一、总体情况\n正文"
    assert _numbers(text) == [1]


@pytest.mark.parametrize(
    "entry",
    ["{heading}……………………{page}", "{heading}\t{page}", "{heading}", "{heading} .......... 第{page}页"],
    ids=["leaders", "tab", "no-page-numbers", "dots-and-page"],
)
def test_a_table_of_contents_after_the_title_is_no_section(entry: str) -> None:
    contents = "目  录\n" + "\n".join(entry.format(heading=SECTION_TITLES[n], page=n) for n in range(1, 7))
    text = _report(contents, *(f"{SECTION_TITLES[n]}\n正文{n}" for n in range(1, 7)))
    skeleton = read_skeleton(normalize(text))
    assert [s.number for s in skeleton.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.text for s in skeleton.sections] == [f"正文{n}" for n in range(1, 7)]


def test_headings_of_empty_sections_one_after_the_other_are_still_headings() -> None:
    # nothing between them, but no heading stands again later: no table of contents
    text = _report(*(SECTION_TITLES[n] for n in range(1, 7)))
    assert _numbers(text) == [1, 2, 3, 4, 5, 6]


def _heading_patterns(name: str) -> tuple[list[str], list[str]]:
    from govinfo_report.template.formats import get_format

    parser = get_format(name).skeleton
    terminals = [t for t in parser.terminals if str(t.name).rsplit("__", 1)[-1].startswith("HEADING_")]
    return [str(t.name) for t in terminals], [t.pattern.to_regexp() for t in terminals]


_PIECES = ["一", "二", "三", "四", "五", "六", "、", " ", "统", "x", "\n", *SECTION_TITLES.values()]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from(["2021", "2019"]))
def test_the_heading_scanner_matches_as_the_headings_do_one_by_one(pieces: list[str], name: str) -> None:
    """The scanner writes the headings' shared look-behind once: it matches exactly where the
    headings' own patterns, tried as they are, match."""
    from govinfo_report.reading.skeleton import _alternation

    names, patterns = _heading_patterns(name)
    as_written = re.compile("|".join(f"(?P<{n}>{p})" for n, p in zip(names, patterns, strict=True)))
    scanner = re.compile(_alternation(names, patterns))
    assert scanner.pattern != as_written.pattern  # the look-behind was hoisted
    text = "".join(pieces)
    for position in range(len(text)):
        a, b = as_written.match(text, position), scanner.match(text, position)
        assert (a and (a.lastgroup, a.span())) == (b and (b.lastgroup, b.span()))
