"""The layout grammars: detection, and the fast scanner agreeing with Lark's own parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report.reading.grid import LAYOUTS, Layout, detect_layout, read_grid
from govinfo_report.reading.normalize import normalize

_CELL_TEXT = st.sampled_from(
    [
        "",
        "0",
        "12",
        "7730.28",
        "+461",
        "-",
        "—",
        "/",
        "无",
        "1.属于国家秘密",
        "自 然 人",
        "结果\n纠正",
        "2笔",
        "984361元",
        "商业企业",
        "（七）总计",
        "3、其他",
    ]
)


@st.composite
def regions(draw: st.DrawFn) -> str:
    separator = draw(st.sampled_from(["\t", " | ", "  ", "\n\t", " "]))
    rows = draw(st.lists(st.lists(_CELL_TEXT, min_size=1, max_size=9), min_size=1, max_size=8))
    joiner = draw(st.sampled_from(["\n", "\n\n"]))
    return joiner.join(separator.join(row) for row in rows)


@given(regions(), st.sampled_from(LAYOUTS))
def test_fast_scanner_builds_the_same_grid_as_lark(text: str, layout: Layout) -> None:
    assert read_grid(text, 5, layout) == read_grid(text, 5, layout, engine="lark")


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("规章\t0\t0\t0\n行政许可\t5\t\t\n行政处罚\t1\t\t\n", "tsv"),
        ("规章 | 0 | 0 | 0 |\n行政许可 | 5 | ||\n| a | b |\n", "pipe"),
        ("\t规章\n\t0\n\t0\n\n\t行政许可\n\t5\n\n\t行政处罚\n\t1\n", "lines"),
        ("规章         0     0     0\n行政许可     5\n行政处罚     1\n", "spaced"),
        ("一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 二、上年结转 0 0 0", "spaced"),
    ],
)
def test_detect_layout(text: str, layout: Layout) -> None:
    assert detect_layout(text) == layout


def test_cells_keep_their_report_line_numbers() -> None:
    _, rows = read_grid("规章\t0\n\n行政许可\t5", first_line=40)
    assert [r.line for r in rows] == [40, 41, 42]
    assert rows[2].cells[1].pieces[0].line == 42


def test_markdown_rule_lines_are_dropped_and_outer_bars_do_not_make_cells() -> None:
    _, rows = read_grid("| a | b |\n|---|:--:|\n| 1 | 2 |", layout="pipe")
    assert len(rows) == 2
    assert [len(r.cells) for r in rows] == [2, 2]


def test_glued_digits_stay_separate_pieces_of_one_cell() -> None:
    _, rows = read_grid("申请数量801000081二、上年", layout="spaced")
    (cell,) = rows[0].cells
    assert [p.kind for p in cell.pieces] == ["WORD", "NUMBER", "WORD"]


@given(st.text(), st.sampled_from(LAYOUTS))
def test_every_layout_grammar_accepts_any_text(text: str, layout: Layout) -> None:
    # total grammars: a table region can hold anything, and the scanner must agree with Lark
    assert read_grid(text, 1, layout) == read_grid(text, 1, layout, engine="lark")


# pdftotext -layout lines up each part of table 二 its own way: 262 stands in the second column
# of its own part (under 行政强制's 80), though in the third of the parts above (under 46617)
SUB_TABLES = """\
第二十条第（一）项
信息内容            本年新制作数量    本年新公开数量    对外公开总数量
规章              1          1700
规范性文件           199        925        1653
第二十条第（五）项
信息内容            上一年项目数量    本年增/减      处理决定数量
行政许可            47408      266        46617
其他对外管理服务事项                            4358
第二十条第（六）项
信息内容            上一年项目数量    本年增/减      处理决定数量
行政处罚              4                     262
行政强制              1426                  80               723
"""


def test_a_short_row_is_given_blank_cells_only_where_its_own_part_of_the_table_agrees() -> None:
    _, rows = read_grid(SUB_TABLES, layout="spaced")
    punishment = next(r for r in rows if r.cells and r.cells[0].pieces[0].text == "行政处罚")
    # the parts above would put 262 third, its own part second: no blank cell is made up
    assert [c.pieces[0].text if c.pieces else "" for c in punishment.cells] == ["行政处罚", "4", "262"]


# pdftotext -layout of table 三 (from a PDF the library renders), its rows at several indents so
# that no one grid lines them all up: the (七)总计 row's blank is its first cell, and each of its
# numbers stands a character left of its column where pdftotext right-aligns two digits
INDENTED_ROWS = (Path(__file__).parent / "data" / "indented_rows.pdftotext-layout.txt").read_text(
    encoding="utf-8"
)


def test_a_short_row_is_not_given_blank_cells_by_a_ruler_the_text_was_not_laid_out_by() -> None:
    # counted in display columns, a group of rows happens to line up and would put the blank
    # last; counted in characters, as pdftotext lays out its text, most rows line up and the
    # row's numbers stand nearest the second to the seventh columns
    _, rows = read_grid(normalize(INDENTED_ROWS), layout="spaced")
    total = next(r for r in rows if r.cells and "总计" in r.cells[0].pieces[-1].text)
    texts = [c.pieces[0].text if c.pieces else "" for c in total.cells]
    assert texts[1:] in (["9", "28", "12", "9", "22", "102"], ["", "9", "28", "12", "9", "22", "102"])
