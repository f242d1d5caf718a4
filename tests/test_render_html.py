"""The web page and the PDF a report is published as: the official merged-cell structure, the
site chrome and the Word-pasted markup the converter tests feed to real converters."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import render
from govinfo_report.writers.html import render_html
from govinfo_report.writers.pdf import render_pdf

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


@pytest.fixture(scope="module")
def report() -> govinfo_report.Report:
    return govinfo_report.parse_file(SAMPLE)


def _cell(page: str, text: str) -> str:
    """The opening <td> tag of the cell whose text is ``text``."""
    match = re.search(r"<td[^>]*>" + re.escape(html.escape(text, quote=False)) + "</td>", page)
    assert match is not None, text
    return match.group(0)


def test_the_tables_carry_the_official_merged_cells(report: govinfo_report.Report) -> None:
    page = render_html(report)
    assert page.count("<table") == 3
    assert 'colspan="3" rowspan="3"' in _cell(
        page, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    )
    assert 'colspan="7"' in _cell(page, "申请人情况")
    assert 'colspan="5"' in _cell(page, "法人或其他组织")
    assert 'rowspan="2"' in _cell(page, "自然人")
    assert re.search(r'rowspan="(\d+)"', _cell(page, "三、本年度办理结果")).group(1) == "22"  # type: ignore[union-attr]
    assert 'rowspan="8"' in _cell(page, "（三）不予公开")
    assert 'rowspan="3"' in _cell(page, "（六）其他处理")
    assert 'colspan="3"' in _cell(page, "一、本年新收政府信息公开申请数量")
    assert 'colspan="5"' in _cell(page, "行政复议") and 'colspan="10"' in _cell(page, "行政诉讼")
    assert 'colspan="4"' in _cell(page, "第二十条第（一）项")


def test_word_pasted_markup_splits_words_but_never_a_number(report: govinfo_report.Report) -> None:
    page = render_html(report, word_paste=True)
    assert "<o:p></o:p>" in page and "&nbsp;" in page and 'class="MsoNormal"' in page
    assert page.count("</span><span") > 100  # text cut into runs, words split
    assert not re.search(r"[0-9]</span><span[^>]*>[0-9]", page)


def test_the_chrome_surrounds_the_report(report: govinfo_report.Report) -> None:
    page = render_html(report, chrome=True)
    title = page.index("<h1>")
    assert page.index("来源：") < title < page.index("主办单位")
    assert page.index("六、其他需要报告的事项") < page.index("打印本页")


def test_render_writes_the_page_as_the_html_layout(report: govinfo_report.Report) -> None:
    assert render(report, "html", chrome=True) == render_html(report, chrome=True)
    with pytest.raises(TypeError):
        render(report, "tsv", chrome=True)


@pytest.mark.skipif(importlib.util.find_spec("reportlab") is None, reason="reportlab is not installed")
def test_the_pdf_is_written_with_a_built_in_cjk_font(report: govinfo_report.Report, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    render_pdf(report, path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"STSong-Light" in data
