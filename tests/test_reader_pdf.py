"""PDF files read from their own geometry: characters with their boxes, tables by their ruling
lines, paragraphs by their margins.

Three kinds of check. The real reports of ../shared/corpus (skipped when it is absent) read to
the values a careful human read. Generated reports written as PDFs — by reportlab, and through
LibreOffice from their web page the way many agencies make theirs (skipped, with the reason,
where it is not installed) — read back cell for cell, a cell the PDF cannot show being blank and
said so, never a wrong number. Files that cannot be read — a scan, an encrypted, truncated or
damaged file, one past a limit — are refused with a DocumentError at once.
"""

from __future__ import annotations

import functools
import io
import json
import os
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.errors import DocumentError
from govinfo_report.model import Report
from govinfo_report.readers import Document, Paragraph, Table, pdf_joins
from govinfo_report.readers.pdf_cells import ColumnWidths, cell_text
from govinfo_report.readers.pdf_lines import TextLine
from govinfo_report.readers.pdf_page import Glyph
from govinfo_report.readers.pdf_tables import DrawnCell
from govinfo_report.template.spec import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES
from govinfo_report.testing import cell_differences, cell_values, reports, reports_2019
from libreoffice import LIBREOFFICE_STYLES, page, soffice, through_libreoffice

pytest.importorskip("pypdfium2", reason="the pdf extra is not installed (pip install 'govinfo-report[pdf]')")
pytest.importorskip(
    "reportlab", reason="reportlab is not installed (pip install 'govinfo-report[converters]')"
)

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer
from reportlab.platypus import Paragraph as Text
from reportlab.platypus import Table as Grid

from govinfo_report.readers import pdf
from govinfo_report.writers import pdf as writers_pdf
from govinfo_report.writers.pdf import PDF_FONT, render_pdf

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
CORPUS_PDFS = (
    sorted(p for p in CORPUS.glob("*.pdf") if p.with_suffix(".json").exists()) if CORPUS.is_dir() else []
)

if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
BODY = ParagraphStyle("body", fontName=PDF_FONT, fontSize=10.5, leading=16, wordWrap="CJK")
CELL = ParagraphStyle("cell", fontName=PDF_FONT, fontSize=9, leading=11, wordWrap="CJK")
GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
]


# --- fixtures made here ----------------------------------------------------------------------


def _story(flowables: list[Any], on_page: Callable[[Any, Any], None] | None = None) -> bytes:
    """A PDF of platypus flowables on A4, ``on_page`` drawing each page's furniture."""
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm)
    hook = on_page or (lambda _canvas, _doc: None)
    document.build(flowables, onFirstPage=hook, onLaterPages=hook)
    return out.getvalue()


def _canvas(draw: Callable[[canvas.Canvas], None], **options: Any) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, **options)
    draw(page)
    page.save()
    return out.getvalue()


def _text_page(page: canvas.Canvas) -> None:
    page.setFont(PDF_FONT, 12)
    page.drawString(72, 700, "一、总体情况")
    page.showPage()


def _read(data: bytes) -> Document:
    return pdf.read(data, "fixture.pdf")


def _paragraphs(document: Document) -> list[str]:
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def _tables(document: Document) -> list[Table]:
    return list(document.tables())


def _texts(table: Table) -> list[list[str]]:
    """The table's places: a cell's text, ``^`` where a merged cell covers the place."""
    return [["^" if c.covered else c.text for c in row] for row in table.rows]


# --- tables ----------------------------------------------------------------------------------


def test_merged_cells_are_expanded_as_covered_places() -> None:
    data = [
        ["信息内容", "申请人情况", "", ""],
        ["", "自然人", "法人", "总计"],
        ["一、本年新收政府信息公开申请数量", "21", "0", "21"],
        ["三、本年度办理结果", "（一）予以公开", "4", "4"],
        ["", "（二）部分公开", "0", "0"],
    ]
    style = [*GRID, ("SPAN", (1, 0), (3, 0)), ("SPAN", (0, 0), (0, 1)), ("SPAN", (0, 3), (0, 4))]
    (table,) = _tables(_read(_story([Grid(data, style=style)])))
    assert _texts(table) == [
        ["信息内容", "申请人情况", "^", "^"],
        ["^", "自然人", "法人", "总计"],
        ["一、本年新收政府信息公开申请数量", "21", "0", "21"],
        ["三、本年度办理结果", "（一）予以公开", "4", "4"],
        ["^", "（二）部分公开", "0", "0"],
    ]
    first = table.rows[2][1].location
    assert first.page == 1 and first.row == 2 and first.cell == 1
    assert first.x is not None and first.y is not None and 0 < first.x < 595 and 0 < first.y < 842


def test_a_label_wrapped_inside_its_cell_stays_one_cells_text() -> None:
    label = "5.要求行政机关确认或重新出具已获取信息"
    data = [[Text(label, CELL), "3", "0"], [Text("2.重复申请", CELL), "1", "1"]]
    (table,) = _tables(_read(_story([Grid(data, colWidths=[22 * mm, 15 * mm, 15 * mm], style=GRID)])))
    assert _texts(table) == [[label, "3", "0"], ["2.重复申请", "1", "1"]]


def test_a_number_too_wide_for_its_cell_runs_on_and_two_numbers_stay_two() -> None:
    wrapped = [["行政处罚", Text("1234567", CELL)], ["行政强制", Text("12345", CELL)]]
    (table,) = _tables(_read(_story([Grid(wrapped, colWidths=[30 * mm, 11 * mm], style=GRID)])))
    assert _texts(table) == [["行政处罚", "1234567"], ["行政强制", "12345"]]
    stacked = [["行政处罚", Text("12<br/>3", CELL)], ["行政强制", Text("12345", CELL)]]
    (table,) = _tables(_read(_story([Grid(stacked, colWidths=[30 * mm, 30 * mm], style=GRID)])))
    assert table.rows[0][1].text.split() == ["12", "3"]


def test_a_table_continued_on_the_next_page_is_one_table_its_repeated_header_dropped() -> None:
    header = ["信息内容", "自然人", "总计"]
    rows = [[f"{n}.第{n}行的标签", str(n), str(n)] for n in range(1, 70)]
    story = [
        Text("三、收到和处理政府信息公开申请情况", BODY),
        Grid([header, *rows], style=GRID, repeatRows=1),
    ]
    document = _read(_story(story))
    (table,) = _tables(document)
    assert _texts(table) == [header, *rows]
    assert table.rows[-1][0].location.page == 2


def test_a_row_the_page_break_cuts_in_two_is_one_row() -> None:
    label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请，" * 3
    rows = [[f"{n}.第{n}行", str(n), str(n)] for n in range(1, 36)]
    cut = [Text(label, CELL), "7", "8"]
    story = [
        Grid([*rows, cut, ["4.结转下年度", "0", "0"]], colWidths=[40 * mm, 20 * mm, 20 * mm], style=GRID)
    ]
    grid_style = story[0]
    grid_style.splitInRow = 1  # let the row run over the page break, as Word and LibreOffice do
    document = _read(_story(story))
    (table,) = _tables(document)
    assert _texts(table) == [*rows, [label, "7", "8"], ["4.结转下年度", "0", "0"]]


def test_two_rows_either_side_of_a_page_break_that_fill_their_columns_stay_two_rows() -> None:
    # every label four characters, every value one digit: each line is as wide as its column
    # prints anything, yet the cells have room to spare, so the row after the break is its own
    labels = ["行政许可", "行政处罚", "行政强制", "行政收费", "行政确认", "行政奖励", "行政裁决", "行政给付"]
    rows = [[labels[n % 8], str(n % 10)] for n in range(60)]
    document = _read(_story([Grid(rows, colWidths=[30 * mm, 30 * mm], style=GRID)]))
    (table,) = _tables(document)
    assert table.rows[-1][0].location.page == 2
    assert _texts(table) == rows


def _cell_lines(box: tuple[float, float, float, float], lines: list[str]) -> DrawnCell:
    """A drawn cell in ``box`` whose lines of 12-point characters start at its padding (3)."""
    cell = DrawnCell(1, (0, 1, 0, 1), box)
    left, top = box[0] + 3, box[1] + 3
    for n, text in enumerate(lines):
        glyphs = [
            Glyph(c, left + 12 * k, top + 14 * n, left + 12 * (k + 1), top + 14 * n + 12)
            for k, c in enumerate(text)
        ]
        cell.lines.append(TextLine(glyphs))
    return cell


def test_two_one_digit_numbers_one_above_the_other_run_on_only_where_the_cell_had_no_room() -> None:
    # every number of the column one digit wide: the widest line says nothing of the cell's room,
    # its box does (a table without lines whose rows stand close: 3 over 5 is no 35)
    for width, text in ((60, "3 5"), (14, "35")):
        cell = _cell_lines((0, 0, width, 40), ["3", "5"])
        widths = ColumnWidths([cell])
        assert cell_text(cell.lines, cell.columns, widths, cell.right - cell.left - 2 * 3) == text


def test_a_label_the_break_cut_before_a_character_and_its_closing_bracket_runs_on() -> None:
    # the line above has room for 形 but not for 形）: a closing bracket never starts a line, so
    # the line breaker carried 形 over with it — the label was cut, the row goes on
    above = _cell_lines((0, 0, 122, 50), ["（二）部分公开", "情形，不计其他情"])
    below = _cell_lines((0, 60, 122, 80), ["形）"])
    widths = ColumnWidths([above, below])
    assert pdf_joins._is_cut_row({(0, 1): above}, {(0, 1): below}, widths)
    # with room for both, the line above was not full: a row of its own
    wide = _cell_lines((0, 0, 130, 50), ["（二）部分公开", "情形，不计其他情"])
    assert not pdf_joins._is_cut_row({(0, 1): wide}, {(0, 1): below}, ColumnWidths([wide, below]))


def test_a_table_whose_cells_each_draw_their_own_border_is_one_grid() -> None:
    # a browser's print of <table border="1"> without border-collapse: every cell boxed on its
    # own, 1.5 points from the next, so two border lines 2.25 points apart at every boundary —
    # one border each, no thin columns or rows between them
    rows = [["信息内容", "本年制发件数", "现行有效件数"], ["规章", "3", "12"], ["行政规范性文件", "0", "7"]]
    thick, gap, width, height = 0.75, 1.5, 90.0, 22.0

    def box(page: canvas.Canvas, x: float, y: float, w: float, h: float) -> None:
        for edge in (
            (x, y, w, thick),
            (x, y + h - thick, w, thick),
            (x, y, thick, h),
            (x + w - thick, y, thick, h),
        ):
            page.rect(*edge, stroke=0, fill=1)

    def draw(page: canvas.Canvas) -> None:
        page.setFont(PDF_FONT, 9)
        left, top = 72.0, 700.0
        box(
            page,
            left - gap - thick,
            top - 3 * height - gap - thick,
            3 * width + gap + 2 * thick,
            3 * height + gap + 2 * thick,
        )
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                x, y = left + c * width, top - (r + 1) * height
                box(page, x, y, width - gap, height - gap)
                page.drawString(x + 4, y + 7, text)
        page.showPage()

    (table,) = _tables(_read(_canvas(draw)))
    assert _texts(table) == rows


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE"])
def test_a_table_ruled_only_between_its_rows_keeps_each_rows_label_with_its_numbers(valign: str) -> None:
    """A Word table without inner vertical lines: its columns are read by their alignment, and
    the lines between two rules are one row — a label wrapped below its numbers (a top-aligned
    cell) stays with them, never runs into the next row's."""
    rows = [
        ["项目", "甲", "乙"],
        ["1.属于国家秘密的内容", "12", "3"],
        ["2.其他法律行政法规禁止公开", "4", "5"],
        ["3.危及三安全一稳定", "6", "7"],
        ["4.保护第三方合法权益", "8", "9"],
    ]
    style = [
        ("BOX", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), valign),
    ]
    grid = Grid([[Text(c, CELL) for c in row] for row in rows], colWidths=[50, 60, 60], style=style)
    document = _read(_story([Text("一、总体情况", BODY), grid]))
    (table,) = _tables(document)
    assert _texts(table) == rows
    assert _paragraphs(document) == ["一、总体情况"]


def test_a_table_cut_by_the_pages_edge_keeps_what_the_page_shows_and_says_so() -> None:
    def draw(page: canvas.Canvas) -> None:
        page.setFont(PDF_FONT, 10)
        xs = [400, 480, 560, 640]  # the last column lies past the page's right edge (595)
        for y in (700, 680, 660):
            page.line(xs[0], y, xs[-1], y)
        for x in xs:
            page.line(x, 660, x, 700)
        for x, text in zip(xs, ["行政许可", "1234", "56789012"], strict=False):
            page.drawString(x + 4, 686, text)  # runs past the page's edge
        for x, text in zip(xs, ["行政处罚", "12", "9"], strict=False):
            page.drawString(x + 4, 666, text)  # the page shows all of it
        page.showPage()

    document = pdf.document_of(_canvas(draw), "cut.pdf")
    (table,) = _tables(document)
    assert [[c.text for c in row] for row in table.rows] == [
        ["行政许可", "1234", ""],
        ["行政处罚", "12", "9"],
    ]
    assert document.notes == ((pdf.CLIPPED, (("position", "1"), ("pages", "1"))),)


def _heading_and_table(page: canvas.Canvas) -> None:
    """A heading and a ruled table of two rows, drawn in the page's current frame."""
    page.setFont(PDF_FONT, 12)
    page.drawString(72, 400, "一、总体情况")
    for y in (300, 280, 260):
        page.line(72, y, 272, y)
    for x in (72, 172, 272):
        page.line(x, 260, x, 300)
    for y, label, value in ((286, "行政许可", "550"), (266, "行政处罚", "12")):
        page.drawString(76, y, label)
        page.drawString(176, y, value)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_is_read_as_it_is_shown(rotation: int) -> None:
    """A page turned by its /Rotate (a landscape table on a portrait page) reads like any other."""

    def draw(page: canvas.Canvas) -> None:
        page.setPageRotation(rotation)
        width, height = (A4[1], A4[0]) if rotation in (90, 270) else A4  # reportlab turns the page box
        page.translate(*{90: (width, 0), 180: (width, height), 270: (0, height)}[rotation])
        page.rotate(rotation)
        _heading_and_table(page)
        page.showPage()

    document = _read(_canvas(draw))
    assert _paragraphs(document) == ["一、总体情况"]
    (table,) = _tables(document)
    assert _texts(table) == [["行政许可", "550"], ["行政处罚", "12"]]


_SENTENCE = "本机关坚持以公开为常态、不公开为例外，全面推进政务公开工作。"


@pytest.mark.parametrize("rotation", [90, 180, 270])
@pytest.mark.parametrize("how", ["page", "content"])
def test_a_page_whose_text_runs_sideways_is_read_turned_and_says_so(rotation: int, how: str) -> None:
    """A page rotated without its content (a viewer's "rotate and save"), or content drawn turned
    on an upright page, shows its lines running down, up or upside down: it is read the way its
    text runs, and a note names the page."""

    def draw(page: canvas.Canvas) -> None:
        if how == "page":
            page.setPageRotation(rotation)  # the content stays as an upright page draws it
        else:
            page.translate(*{90: (A4[0], 0), 180: A4, 270: (0, A4[1])}[rotation])
            page.rotate(rotation)
        _heading_and_table(page)
        page.drawString(72, 380, _SENTENCE)
        page.showPage()
        _text_page(page)  # an upright page after it stays as it is

    document = _read(_canvas(draw))
    assert _paragraphs(document)[:2] == ["一、总体情况", _SENTENCE]
    (table,) = _tables(document)
    assert _texts(table) == [["行政许可", "550"], ["行政处罚", "12"]]
    assert document.notes == ((pdf.TURNED, (("pages", "1"),)),)


# --- paragraphs and page furniture -----------------------------------------------------------


def _numbered(page: Any, document: Any) -> None:
    page.saveState()
    page.setFont(PDF_FONT, 9)
    page.drawCentredString(A4[0] / 2, 12 * mm, f"- {document.page} -")
    page.drawCentredString(A4[0] / 2, 6 * mm, f"第 {document.page} 页 共 2 页")
    page.drawString(20 * mm, A4[1] - 10 * mm, "某某县人民政府办公室")
    page.restoreState()


def test_paragraphs_are_joined_back_and_page_furniture_is_dropped() -> None:
    sentence = (
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，"
        "所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
    )
    long_paragraph = sentence * 4
    story = [
        Text("一、总体情况", BODY),
        Text(long_paragraph, BODY),
        PageBreak(),
        Text("二、主动公开政府信息情况", BODY),
        Text(sentence, BODY),
    ]
    paragraphs = _paragraphs(_read(_story(story, _numbered)))
    assert paragraphs == ["一、总体情况", long_paragraph, "二、主动公开政府信息情况", sentence]


def test_a_paragraph_the_page_break_cuts_runs_on() -> None:
    sentence = "二是进一步加强平台建设，加大新媒体公开政府信息的力度，丰富新媒体政务信息公开工作的形式。"
    story = [Text("五、存在的主要问题及改进情况", BODY), Spacer(1, 215 * mm), Text(sentence * 6, BODY)]
    paragraphs = _paragraphs(_read(_story(story, _numbered)))
    assert paragraphs == ["五、存在的主要问题及改进情况", sentence * 6]


# --- files that cannot be read ---------------------------------------------------------------


def _scan() -> bytes:
    """A page that is only a picture: what a scanner makes."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    picture = Image.new("RGB", (200, 280), "white")

    def draw(page: canvas.Canvas) -> None:
        page.drawImage(ImageReader(picture), 50, 50, 400, 560)
        page.showPage()

    return _canvas(draw)


def _encrypted() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return _canvas(_text_page, encrypt=StandardEncryption("secret", "owner"))


def _truncated() -> bytes:
    whole = _canvas(_text_page)
    return whole[: len(whole) // 2]


def _noise() -> bytes:
    return b"%PDF-1.7\n" + bytes((i * 7919 + 13) % 251 for i in range(20000)) + b"\n%%EOF\n"


UNREADABLE = {
    "scan": (_scan, "needs OCR"),
    "encrypted": (_encrypted, "encrypted"),
    "truncated": (_truncated, "truncated"),
    "noise": (_noise, "damaged"),
    "noise-without-end": (lambda: _noise()[:-7], "truncated"),
}


@pytest.mark.parametrize("kind", list(UNREADABLE))
def test_a_file_that_cannot_be_read_is_refused_at_once(kind: str) -> None:
    make, reason = UNREADABLE[kind]
    data = make()
    started = time.perf_counter()
    with pytest.raises(DocumentError, match=reason) as raised:
        govinfo_report.parse_file(data, kind="pdf")
    assert time.perf_counter() - started < 1.0
    assert "<bytes>" in str(raised.value)


@functools.cache
def _sample_pdf() -> bytes:
    story = [Text("一、总体情况", BODY), Grid([["行政许可", "550"], ["行政处罚", "12"]], style=GRID)]
    return _story(story, _numbered)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_a_damaged_file_reads_or_is_refused_never_anything_else(data: st.DataObject) -> None:
    """Bytes changed, cut out or repeated anywhere in a PDF: what pdfium can still open is read,
    the rest refused with a DocumentError, at once."""
    damaged = bytearray(_sample_pdf())
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        at = data.draw(st.integers(0, len(damaged) - 1), label="at")
        length = data.draw(st.integers(1, 400), label="length")
        change = data.draw(st.sampled_from(["overwrite", "cut", "repeat"]), label="change")
        if change == "overwrite":
            damaged[at : at + length] = data.draw(st.binary(min_size=length, max_size=length), label="bytes")
        elif change == "cut":
            del damaged[at : at + length]
        else:
            damaged[at:at] = damaged[at : at + length]
    started = time.perf_counter()
    try:
        document = pdf.read(bytes(damaged), "damaged.pdf")
    except DocumentError as error:
        assert str(error).startswith("damaged.pdf: ")
    else:
        assert document.kind == "pdf"
    assert time.perf_counter() - started < 1.0


def test_limits_of_pages_and_size(monkeypatch: pytest.MonkeyPatch) -> None:
    def two(page: canvas.Canvas) -> None:
        _text_page(page)
        _text_page(page)

    two_pages = _canvas(two)
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    with pytest.raises(DocumentError, match="2 pages, past the limit of 1"):
        pdf.read(two_pages, "long.pdf")
    monkeypatch.setattr(pdf, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError, match=r"long\.pdf: .* past the limit"):
        pdf.read(two_pages, "long.pdf")
    assert pdf.MAX_PAGES == 1 and len(two_pages) > 1000


def test_the_default_limits() -> None:
    assert (pdf.MAX_PAGES, pdf.MAX_BYTES) == (200, 100 * 1024 * 1024)


# --- the real reports ------------------------------------------------------------------------


def _truth_cells(truth: dict[str, Any]) -> dict[tuple[str, str, str], Any]:
    """The corpus record's cells by (table, row, column), as :func:`cell_values` names them."""
    cells: dict[tuple[str, str, str], Any] = {}
    collapsed = truth.get("format") == "2019" or truth.get("other_processing_row")
    for index, row in enumerate(r for r in REQUEST_ROWS if r != "other_processing"):
        values = truth["requests"][index]
        if collapsed and row == "other_overdue_correction":
            row = "other_processing"
        for column, value in zip(REQUEST_COLUMNS, values, strict=True):
            cells["requests", row, column] = value
    for index, value in enumerate(truth["review_litigation"]):
        cells["review_litigation", REVIEW_BLOCKS[index // 5], REVIEW_OUTCOMES[index % 5]] = value
    active = truth["active"]
    for row in ("regulations", "normative_documents"):
        for column, value in zip(("issued", "repealed", "in_force"), active[row], strict=True):
            cells["active_disclosure", row, column] = value
    for row in ("licensing", "punishment", "enforcement"):
        cells["active_disclosure", row, "decisions"] = active[row]
    cells["active_disclosure", "fees", "amount"] = active["fees"]
    return cells


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return Decimal(str(expected)) == Decimal(str(actual))


def _unexplained(report: Report, expected: dict[tuple[str, str, str], Any]) -> list[str]:
    """Cells read other than expected: a number that differs, or a blank no diagnostic explains."""
    got = cell_values(report)
    noted = {(d.table, d.row) for d in report.diagnostics}
    return [
        f"{'.'.join(key)}: got {got.get(key)!r}, expected {value!r}"
        for key, value in expected.items()
        if not _same(value, got.get(key))
        and not (got.get(key) is None and ({key[:2], (key[0], None)} & noted))
    ]


@pytest.mark.skipif(not CORPUS_PDFS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS_PDFS, ids=[p.stem for p in CORPUS_PDFS])
def test_corpus_pdf(path: Path) -> None:
    truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
    report = govinfo_report.parse_file(path)
    assert (report.agency, report.year, report.format) == (truth["agency"], truth["year"], truth["format"])
    assert report.source_kind == "pdf"
    expected = _truth_cells(truth)
    assert _unexplained(report, expected) == []
    if path.stem != "gh_shuyang_fgj_2023":
        got = cell_values(report)
        assert [k for k, v in expected.items() if not _same(v, got.get(k))] == []


@pytest.mark.skipif(
    not (CORPUS / "gh_shuyang_fgj_2023.pdf").exists(), reason="../shared/corpus is not present"
)
def test_a_corpus_table_cut_by_the_pages_edge_keeps_its_visible_cells() -> None:
    """LibreOffice set the page's tables 三 and 四 wider than the page: their last columns are not
    in the file. What the page shows is read; the document notes the cut."""
    document = pdf.document_of((CORPUS / "gh_shuyang_fgj_2023.pdf").read_bytes(), "shuyang.pdf")
    active, requests, review = _tables(document)
    assert [c.text for c in requests.rows[3] if not c.covered] == [
        "一、本年新收政府信息公开申请数量",
        *["26", "", "", "", "", ""],
    ]
    assert len(requests.rows) == 28  # over four pages, each row once
    assert [c.text for c in review.rows[-1]] == ["0", "0", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0"]
    clipped = [dict(fields) for code, fields in document.notes if code == pdf.CLIPPED]
    assert clipped == [{"position": "2", "pages": "5, 6, 7, 8"}, {"position": "3", "pages": "8"}]
    assert len(active.rows) == 14


# --- generated reports -----------------------------------------------------------------------


def _identity_problems(parsed: Report, report: Report) -> list[str]:
    problems = []
    if (parsed.agency, parsed.year, parsed.format) != (report.agency, report.year, report.format):
        problems.append(f"identity: {parsed.agency} {parsed.year} {parsed.format}")
    if [s.heading for s in parsed.sections] != [s.heading for s in report.sections]:
        problems.append(f"headings: {[s.heading for s in parsed.sections]}")
    return problems


def _generated() -> st.SearchStrategy[Report]:
    return st.one_of(
        reports(consistent=None, blanks=True, collapsed_other=None),
        reports(scale="city", blanks=True),
        reports_2019(consistent=None, blanks=True),
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=_generated())
def test_a_report_written_by_reportlab_reads_back_cell_for_cell(
    report: Report, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("reportlab") / "report.pdf"
    render_pdf(report, path)
    parsed = govinfo_report.parse_file(path)
    assert cell_differences(parsed, report) == []
    assert _identity_problems(parsed, report) == []


#: Rendering a PDF per example makes shrinking a failure slow; the failing example is reported as found.
_NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]


def _sheets(path: Path, per_sheet: int) -> bytes:
    """The PDF at ``path`` printed ``per_sheet`` pages to a sheet (2: side by side on a landscape
    sheet; 4: two rows of two), the way a printer dialog or pypdf makes it."""
    pypdf = pytest.importorskip("pypdf")
    pages = list(pypdf.PdfReader(str(path)).pages)
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    if per_sheet == 2:
        sheet_width, sheet_height = height, width
        scale = min(sheet_width / 2 / width, sheet_height / height)
        slots = [(0.0, 0.0), (sheet_width / 2, 0.0)]
    else:
        sheet_width, sheet_height, scale = width, height, 0.5
        slots = [(0.0, height / 2), (width / 2, height / 2), (0.0, 0.0), (width / 2, 0.0)]
    writer = pypdf.PdfWriter()
    for first in range(0, len(pages), per_sheet):
        sheet = pypdf.PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for one, (x, y) in zip(pages[first : first + per_sheet], slots, strict=False):
            sheet.merge_transformed_page(one, pypdf.Transformation().scale(scale, scale).translate(x, y))
        writer.add_page(sheet)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_NO_SHRINK)
@given(report=_generated(), per_sheet=st.sampled_from([2, 4]))
def test_pages_printed_two_or_four_to_a_sheet_read_back_cell_for_cell(
    report: Report, per_sheet: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Each sheet is read as the pages it holds, in order: a table that a page break cuts goes
    on from one page to the next on the same sheet, and the locations stay the sheet's."""
    path = tmp_path_factory.mktemp("sheets") / "report.pdf"
    render_pdf(report, path)
    parsed = govinfo_report.parse_file(_sheets(path, per_sheet))
    assert cell_differences(parsed, report) == []
    assert _identity_problems(parsed, report) == []
    assert "pdf-sheet-split" in {d.code for d in parsed.diagnostics}
    sheets = -(-len(pdf.pdfium.PdfDocument(str(path))) // per_sheet)
    pages = {c.cell.location.page for c in parsed.cells() if c.cell.location is not None}
    assert pages <= set(range(1, sheets + 1))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_NO_SHRINK)
@given(report=_generated(), rotation=st.sampled_from([90, 180, 270]))
def test_pages_rotated_without_their_content_read_back_cell_for_cell(
    report: Report, rotation: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path_factory.mktemp("turned") / "report.pdf"
    render_pdf(report, path)
    writer = pypdf.PdfWriter(clone_from=str(path))
    for turned in writer.pages:
        turned.rotate(rotation)
    out = io.BytesIO()
    writer.write(out)
    parsed = govinfo_report.parse_file(out.getvalue())
    assert cell_differences(parsed, report) == []
    assert _identity_problems(parsed, report) == []
    assert "pdf-page-turned" in {d.code for d in parsed.diagnostics}


def _watermarked(path: Path, stamp: str, angle: float, grey: float) -> bytes:
    """The PDF at ``path`` with ``stamp`` printed over every page, tiled, in ``grey`` at
    ``angle`` degrees — the download time or address a platform stamps on what it serves."""
    pypdf = pytest.importorskip("pypdf")

    def draw(page: canvas.Canvas) -> None:
        page.setFillGray(grey)
        page.setFont(PDF_FONT, 26)
        for x in range(-200, 800, 260):
            for y in range(-200, 1000, 130):
                page.saveState()
                page.translate(x, y)
                page.rotate(angle)
                page.drawString(0, 0, stamp)
                page.restoreState()
        page.showPage()

    (mark,) = pypdf.PdfReader(io.BytesIO(_canvas(draw))).pages
    writer = pypdf.PdfWriter(clone_from=str(path))
    for sheet in writer.pages:
        sheet.merge_page(mark)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=_NO_SHRINK)
@given(
    report=_generated(),
    stamp=st.sampled_from(["2024-01-15 10:32", "10.12.3.45 2024-01-15", "内部资料 注意保存"]),
    angle=st.sampled_from([0, 30, 45]),
)
def test_a_watermark_printed_over_the_pages_is_no_text_of_theirs(
    report: Report, stamp: str, angle: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Light grey or aslant characters stamped over the tables (a platform's download time, an
    address) are a watermark's: its digits are never read into a cell."""
    path = tmp_path_factory.mktemp("watermarked") / "report.pdf"
    render_pdf(report, path)
    parsed = govinfo_report.parse_file(_watermarked(path, stamp, angle, grey=0.8))
    assert cell_differences(parsed, report) == []
    assert _identity_problems(parsed, report) == []


def test_a_title_the_pages_repeat_as_their_running_header_is_still_the_title() -> None:
    title = "临江市财政局2023年政府信息公开工作年度报告"

    def header(page: Any, document: Any) -> None:
        if document.page > 1:
            page.setFont(PDF_FONT, 9)
            page.drawCentredString(A4[0] / 2, A4[1] - 30, title)

    flowables: list[Any] = [Text(title, BODY), Text("一、总体情况", BODY)]
    flowables += [Text("本机关认真贯彻落实《中华人民共和国政府信息公开条例》。", BODY) for _ in range(150)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, topMargin=15 * mm).build(flowables, onLaterPages=header)
    document = _read(out.getvalue())
    assert len(pdf.pdfium.PdfDocument(out.getvalue())) >= 3
    assert _paragraphs(document)[:2] == [title, "一、总体情况"]  # in the band its header repeats in
    assert not any(title in text for text in _paragraphs(document)[2:])


@pytest.mark.parametrize("paused_by_caller", [False, True])
def test_reading_a_pdf_leaves_the_cycle_collector_as_it_found_it(
    tmp_path: Path, paused_by_caller: bool
) -> None:
    """The reader pauses Python's cycle collector while it reads the pages; afterwards, and
    after a damaged page, it runs again — unless the caller had paused it."""
    import gc

    path = tmp_path / "report.pdf"
    render_pdf(govinfo_report.parse(SAMPLE.read_text(encoding="utf-8")), path)
    try:
        if paused_by_caller:
            gc.disable()
        govinfo_report.parse_file(path)
        assert gc.isenabled() is not paused_by_caller
        damaged = mock.patch.object(pdf, "lay_out_page", side_effect=pdf.pdfium.PdfiumError("damaged"))
        with damaged, pytest.raises(DocumentError):
            govinfo_report.parse_file(path)
        assert gc.isenabled() is not paused_by_caller
    finally:
        gc.enable()


def _without_rules(grid: Any, styles: Any) -> Any:
    """A table of the report's PDF with no lines drawn: only its text's alignment shows it."""
    table = _drawn_table(grid, styles)
    table._linecmds = []
    return table


_drawn_table = writers_pdf._table


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=_generated())
def test_a_table_drawn_without_lines_is_read_by_its_alignment_never_wrong(
    report: Report, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Without lines a blank cell is only a gap in a column: the columns come from the values'
    alignment and the header's, and a cell the alignment cannot place is left blank, said so."""
    path = tmp_path_factory.mktemp("no_rules") / "report.pdf"
    with mock.patch.object(writers_pdf, "_table", _without_rules):
        render_pdf(report, path)
    document = pdf.read(path.read_bytes(), path.name)
    assert len(_tables(document)) >= 3  # tables 二, 三 (split by the page break or not) and 四
    parsed = govinfo_report.parse_file(path)
    assert _unexplained(parsed, cell_values(report)) == []
    assert _identity_problems(parsed, report) == []


def _table_id(table: Table) -> str:
    text = "".join(c.text for row in table.rows for c in row)
    if "本年新收" in text:
        return "requests"
    return "review_litigation" if "行政复议" in text else "active_disclosure"


def _clipped_tables(document: Document) -> set[str]:
    tables = _tables(document)
    return {
        _table_id(tables[int(dict(fields)["position"]) - 1])
        for code, fields in document.notes
        if code == pdf.CLIPPED
    }


LIBREOFFICE_EXAMPLES = 6 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 3


@pytest.mark.converters
@pytest.mark.skipif(
    soffice() is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
)
@settings(
    max_examples=LIBREOFFICE_EXAMPLES,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(batch=st.lists(st.tuples(_generated(), st.sampled_from(LIBREOFFICE_STYLES)), min_size=4, max_size=4))
def test_a_report_made_into_a_pdf_by_libreoffice_reads_back(
    batch: list[tuple[Report, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("libreoffice")
    made = through_libreoffice([page(report, style) for report, style in batch], folder)
    for (report, style), path in zip(batch, made, strict=True):
        parsed = govinfo_report.parse_file(path)
        clipped = _clipped_tables(pdf.document_of(path.read_bytes(), path.name))
        expected = {k: v for k, v in cell_values(report).items() if k[0] not in clipped}
        assert _unexplained(parsed, expected) == [], (style, path)
        got = cell_values(parsed)
        assert [
            k for k in cell_values(report) if k[0] in clipped and got[k] not in (None, cell_values(report)[k])
        ] == []
        assert _identity_problems(parsed, report) == [], (style, path)


@pytest.mark.skipif(
    not (CORPUS / "gh_shuyang_fgj_2023.pdf").exists(), reason="../shared/corpus is not present"
)
def test_rows_of_a_table_cut_by_the_pages_edge_are_read_up_to_the_edge() -> None:
    """The 总计 column lies beyond the page: each row's visible cells are read, the total is
    blank, and the report names the table the page cut."""
    report = govinfo_report.parse_file(CORPUS / "gh_shuyang_fgj_2023.pdf")
    assert report.requests is not None
    new = report.requests.new_received
    assert (new.natural_person.value, new.commercial_enterprise.value, new.total.value) == (26, None, None)
    clipped = {d.table for d in report.diagnostics if d.code == "pdf-table-clipped"}
    assert clipped == {"requests", "review_litigation"}


def _overflowing_header(page: canvas.Canvas) -> None:
    """A ruled table of two rows whose header cell, too short for 结果维持 a letter a line, runs
    its last letter over the border into the value cell below (LibreOffice does so)."""
    page.setLineWidth(0.5)
    for y in (800, 760, 720):
        page.line(100, y, 220, y)
    for x in (100, 160, 220):
        page.line(x, 800, x, 720)
    page.setFont(PDF_FONT, 12)
    for letter, baseline in zip("结果维", (789, 778, 767), strict=True):
        page.drawString(105, baseline, letter)
    page.drawString(105, 753, "持")  # across the border at 760, its centre just below it
    page.drawString(165, 778, "总计")
    page.drawString(104, 745, "100")
    page.drawString(165, 745, "7")
    page.showPage()


def test_a_letter_a_header_cell_runs_over_its_border_stays_in_the_header() -> None:
    (table,) = _tables(_read(_canvas(_overflowing_header)))
    assert _texts(table) == [["结果维持", "总计"], ["100", "7"]]
