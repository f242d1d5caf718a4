"""Text dumped from a web page one piece of text per line (a crawler's ``get_text("\\n")``):
every cell on a line of its own, a blank cell only where the page put ``&nbsp;`` in it, the rows
not set apart, and a cell that Word split into runs spread over several lines."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Report
from govinfo_report.reading.normalize import normalize
from govinfo_report.testing import cell_differences, reports, reports_2019
from govinfo_report.writers.html import render_html


class _Dump(HTMLParser):
    """Every piece of a page's text, in order (what ``get_text("\\n")`` joins)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def _dumped(report: Report, minified: bool) -> str:
    """The report's web page, its blank cells holding ``&nbsp;`` as a page pasted from Word has
    them, dumped one piece of text per line; ``minified``: the page has no line breaks between
    its tags, so no blank line sets a table's rows apart."""
    page = render_html(report).replace("></td>", ">&nbsp;</td>")
    dump = _Dump()
    dump.feed(page)
    dump.close()
    pieces = dump.pieces
    if minified:
        pieces = [piece for piece in pieces if piece.strip(" \t\r\n")]
    return "\n".join(pieces)


@given(report=st.one_of(reports(blanks=True), reports_2019(blanks=True)), minified=st.booleans())
def test_a_dump_of_a_page_keeps_its_empty_cells(report: Report, minified: bool) -> None:
    parsed = govinfo_report.parse(_dumped(report, minified))
    assert cell_differences(parsed, report) == []


def test_a_line_of_no_break_spaces_is_an_empty_cell() -> None:
    lines = normalize("规章\n\u00a0\n\u00a0\u00a0\n 3\u00a0\n").split("\n")
    assert lines[1:4] == ["\t", "\t", " 3"]


def test_in_a_text_whose_cells_stand_behind_tabs_it_is_a_blank_line() -> None:
    lines = normalize("\t规章\n\t\n\t3\n\u00a0\n\t规范性文件\n").split("\n")
    assert lines[3] == ""


ACTIVE_2019 = (
    "某县某局2020年政府信息公开工作年度报告\n"
    "二、主动公开政府信息情况\n"
    "第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n"
    "行政许可\n{cells}\n其他对外管理服务事项\n1\n2\n3\n"
    "三、收到和处理政府信息公开申请情况\n无\n"
)


def _licensing(cells: str) -> tuple[object, ...]:
    report = govinfo_report.parse(ACTIVE_2019.format(cells=cells))
    assert report.active_disclosure is not None
    row = report.active_disclosure.licensing
    return (*row.values(), *sorted(d.code for d in report.diagnostics if d.row == "licensing"))


def test_a_sign_on_a_line_of_its_own_is_the_number_s_where_the_count_says_so() -> None:
    assert _licensing("3\n-\n2\n5") == (3, -2, 5)


def test_a_dash_on_a_line_of_its_own_is_a_blank_cell_where_the_count_says_so() -> None:
    assert _licensing("-\n2\n5") == (None, 2, 5)


def test_a_sign_apart_that_fits_both_ways_leaves_the_row_blank() -> None:
    # an empty cell first: a blank, then −2 and 5; or a merged cell's shadow, then a dash, 2, 5
    assert _licensing("\u00a0\n-\n2\n5") == (None, None, None, "sign-apart-ambiguous")
