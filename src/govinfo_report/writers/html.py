"""A :class:`~govinfo_report.model.Report` as the web page and the PDF it is published as.

Most reports reach their readers as a page on a government website, and most text a user feeds
to the parser was made from such a page (or from its PDF) by some converter: a text browser's
dump, pandoc, an HTML-to-markdown library, ``pdftotext``. Writing the page ourselves, with every
cell known, lets the test suite run those converters for real and check that what they print
still parses to the same cells.

The page carries the three tables with the official merged-cell structure (FORMAT.md §2): the
three-row header of table 三 with its ``colspan``/``rowspan`` cells, 三、本年度办理结果 and the
groups （三）–（六） spanning their rows, the two-level header of table 四. Two options make it
look like what is actually published:

* ``chrome=True`` wraps the report in a site's page furniture — menus, breadcrumbs, the
  information-disclosure catalogue box, the 来源/时间 line, related links and the footer.
* ``word_paste=True`` writes the markup a Word document pasted into a CMS leaves behind: every
  paragraph a ``<p>`` of styled ``<span>`` fragments that split words in the middle, ``<o:p>``
  tags, ``&nbsp;`` in blank cells and before paragraphs, named entities for quotes.

:func:`render_pdf` lays the same tables out in a PDF with reportlab (an optional dependency:
``pip install 'govinfo-report[converters]'``) using the built-in CJK font STSong-Light, so no
font file is needed.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Report
from .render import _preamble, _sections, _Shadow, _split_label, _Table, _text, _Value, render_title

__all__ = ["render_html", "render_pdf"]

#: The font every PDF uses: one of the CID fonts every PDF reader has, so nothing is embedded.
PDF_FONT = "STSong-Light"


class _Cell:
    """A printed table cell: its text, spans, and whether it holds a value (or a blank value)."""

    __slots__ = ("colspan", "is_value", "rowspan", "text")

    def __init__(self, text: str, colspan: int, rowspan: int, is_value: bool) -> None:
        self.text = text
        self.colspan = colspan
        self.rowspan = rowspan
        self.is_value = is_value


def merged_rows(table: _Table) -> list[list[tuple[int, _Cell]]]:
    """The table's grid as HTML rows: each cell with its column and its colspan/rowspan, the
    places merged cells cover left out (they are the ``RIGHT``/``BELOW`` shadows of the grid)."""
    rows: list[list[tuple[int, _Cell]]] = []
    grid = table.rows
    for r, row in enumerate(grid):
        cells: list[tuple[int, _Cell]] = []
        for c, slot in enumerate(row):
            if isinstance(slot, _Shadow):
                continue
            colspan = 1
            while c + colspan < len(row) and row[c + colspan] is _Shadow.RIGHT:
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid) and grid[r + rowspan][c] is _Shadow.BELOW:
                rowspan += 1
            cells.append((c, _Cell(_text(slot), colspan, rowspan, isinstance(slot, _Value))))
        rows.append(cells)
    return rows


# --- Word-pasted markup -----------------------------------------------------------------------

#: Word keeps a number in one run: a page never splits one over two <span>s.
_NUMBER_CHARACTERS = frozenset("0123456789.")
_FONTS = ("仿宋_GB2312", "方正仿宋_GBK", "宋体", "微软雅黑")
_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", "—": "&mdash;"}


class _Markup:
    """Writes text as plain HTML or as Word-pasted ``<span>`` soup (deterministic: the same
    report always gives the same page)."""

    def __init__(self, word_paste: bool) -> None:
        self.word_paste = word_paste
        self._random = random.Random(2021)

    def escape(self, text: str) -> str:
        escaped = html.escape(text, quote=False)
        if self.word_paste:
            escaped = "".join(_ENTITIES.get(ch, ch) for ch in escaped)
        return escaped

    def fragments(self, text: str) -> list[str]:
        """Text cut where Word's run boundaries fall: anywhere, including inside a word."""
        if not self.word_paste or len(text) < 2:
            return [text]
        places = [k for k in range(1, len(text)) if not {text[k - 1], text[k]} <= _NUMBER_CHARACTERS]
        cuts = sorted(self._random.sample(places, k=min(len(places), self._random.randint(0, 3))))
        return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]

    def runs(self, text: str) -> str:
        """Inline markup of one line of text."""
        if not self.word_paste:
            return self.escape(text)
        font = self._random.choice(_FONTS)
        out = []
        for part in self.fragments(text):
            inner = self.escape(part)
            if self._random.random() < 0.3:
                inner = f'<font face="{font}">{inner}</font>'
            out.append(f'<span style="font-family: {font}; font-size: 12pt;">{inner}</span>')
        return "".join(out)

    def paragraph(self, text: str, *, indent: bool = True) -> str:
        if not self.word_paste:
            return f"<p>{self.escape(text)}</p>"
        lead = "&nbsp;" * 4 if indent and self._random.random() < 0.5 else ""
        style = "text-indent: 2em; line-height: 2;" if indent else "text-align: center;"
        return f'<p class="MsoNormal" style="{style}">{lead}{self.runs(text)}<o:p></o:p></p>'

    def heading(self, text: str) -> str:
        if not self.word_paste:
            return f"<h2>{self.escape(text)}</h2>"
        return (
            '<p class="MsoNormal" style="text-indent: 2em; line-height: 2;">'
            f'<strong><span style="font-family: 黑体;">{self.runs(text)}</span></strong><o:p></o:p></p>'
        )

    def cell(self, cell: _Cell, header: bool) -> str:
        """A ``<td>``: plain text, or Word's ``<p><span>`` wrapping with ``&nbsp;`` when blank."""
        spans = ""
        if cell.colspan > 1:
            spans += f' colspan="{cell.colspan}"'
        if cell.rowspan > 1:
            spans += f' rowspan="{cell.rowspan}"'
        if not self.word_paste:
            return f"<td{spans}>{self.escape(cell.text)}</td>"
        attributes = f'{spans} valign="center" style="border: solid windowtext 1.0pt; padding: 0cm 5.4pt;"'
        lines = _split_label(cell.text) if header else [cell.text]
        paragraphs = []
        for line in lines:
            body = self.runs(line) if line else '<span style="font-size: 10.5pt;">&nbsp;<o:p></o:p></span>'
            paragraphs.append(f'<p class="MsoNormal" align="center" style="text-align: center;">{body}</p>')
        return f"<td{attributes}>{''.join(paragraphs)}</td>"


def _table_html(table: _Table, markup: _Markup) -> str:
    attributes = (
        ' border="1" cellspacing="0" cellpadding="0" style="border-collapse: collapse; border: none;"'
        if markup.word_paste
        else ' border="1"'
    )
    lines = [f"<table{attributes}>", "<tbody>"]
    for index, row in enumerate(merged_rows(table)):
        header = index < table.header_rows
        lines.append("<tr>" + "".join(markup.cell(cell, header) for _, cell in row) + "</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


# --- the page ---------------------------------------------------------------------------------


def _article(report: Report, markup: _Markup) -> Iterator[str]:
    title = render_title(report)
    if markup.word_paste:
        yield (
            '<p class="MsoNormal" align="center" style="text-align: center;">'
            f'<strong><span style="font-family: 方正小标宋_GBK; font-size: 22pt;">{markup.runs(title)}'
            "</span></strong><o:p></o:p></p>"
        )
    else:
        yield f"<h1>{markup.escape(title)}</h1>"
    for line in _preamble(report):
        yield markup.paragraph(line)
    for _, heading, table, text in _sections(report):
        yield markup.heading(heading)
        if table is not None:
            yield _table_html(table, markup)
        else:
            yield from (markup.paragraph(line) for line in text.split("\n") if line.strip())


def _place(agency: str) -> str:
    """The site a report is published on: the county or city in front of the agency's name."""
    for mark in ("县", "区", "市"):
        index = agency.find(mark)
        if 0 < index < 8:
            return agency[: index + 1]
    return agency


def _chrome_top(report: Report, markup: _Markup) -> list[str]:
    agency = report.agency or "本机关"
    place = _place(agency)
    year = (report.year or 2023) + 1
    title = render_title(report)
    cell = markup.escape
    return [
        f'<div class="topbar">今天是：{year}年1月20日 星期六 <a href="#">繁體版</a> | '
        '<a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">登录</a></div>',
        f'<div class="logo"><img src="/images/logo.png" alt="{cell(place)}人民政府"> '
        f"{cell(place)}人民政府</div>",
        '<form class="search"><input type="text" name="q" placeholder="请输入关键字">'
        "<button>搜索</button></form>",
        '<ul class="nav">'
        + "".join(
            f'<li><a href="#">{name}</a></li>'
            for name in ("首页", f"走进{place}", "政务公开", "政务服务", "互动交流", "数据开放")
        )
        + "</ul>",
        '<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; '
        '<a href="#">政府信息公开年报</a></div>',
        '<ul class="sidebar"><li>政府信息公开指南</li><li>政府信息公开制度</li><li>法定主动公开内容</li>'
        "<li>政府信息公开年报</li><li>依申请公开</li></ul>",
        '<table class="xxgk-meta" border="0">',
        f"<tr><td>索引号：</td><td>11321322MB1234567X/{year}-00012</td>"
        f"<td>发布机构：</td><td>{cell(agency)}</td></tr>",
        f"<tr><td>名称：</td><td>{cell(title)}</td><td>主题分类：</td><td>政府信息公开年报</td></tr>",
        f"<tr><td>文号：</td><td></td><td>发布日期：</td><td>{year}-01-20</td></tr>",
        "</table>",
        f'<div class="info">来源：{cell(agency)}&nbsp;&nbsp;时间：{year}-01-20 09:30&nbsp;&nbsp;'
        "浏览次数：1024&nbsp;&nbsp;字号：[<a>大</a> <a>中</a> <a>小</a>]</div>",
    ]


def _chrome_bottom(report: Report, markup: _Markup) -> list[str]:
    agency = report.agency or "本机关"
    place = _place(agency)
    year = (report.year or 2023) + 1
    cell = markup.escape
    earlier = [f"{cell(agency)}{y}年政府信息公开工作年度报告" for y in range(year - 2, year - 5, -1)]
    return [
        f'<p class="signature">{cell(agency)}</p>',
        f'<p class="signature">{year}年1月20日</p>',
        '<div class="tools">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】 分享到：'
        '<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>',
        '<div class="related"><h3>相关信息</h3><ul>'
        + "".join(f'<li><a href="#">{t}</a> {year - 1 - k}-01-18</li>' for k, t in enumerate(earlier))
        + "</ul></div>",
        '<div class="footer">',
        '<p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>',
        f"<p>主办单位：{cell(place)}人民政府办公室&nbsp;&nbsp;承办单位：{cell(place)}大数据管理中心</p>",
        "<p>网站标识码：3213220037&nbsp;&nbsp;ICP备案号：苏ICP备05012345号-1&nbsp;&nbsp;"
        "公安机关备案号：32132202000123</p>",
        "<p>联系电话：0527-83591234&nbsp;&nbsp;地址：人民路1号&nbsp;&nbsp;邮编：223600</p>",
        "<p>建议使用1366×768分辨率浏览本站</p>",
        "</div>",
    ]


def render_html(report: Report, *, chrome: bool = False, word_paste: bool = False) -> str:
    """The report as an HTML page, tables with their merged cells (``rowspan``/``colspan``).

    ``chrome`` wraps it in a government website's page furniture (before the title and after
    section 六); ``word_paste`` writes Word-pasted markup. Raises NotImplementedError for a
    format whose tables cannot be printed yet, like :func:`govinfo_report.render`.
    """
    markup = _Markup(word_paste)
    title = render_title(report)
    body = list(_article(report, markup))
    if chrome:
        body = [
            *_chrome_top(report, markup),
            '<div class="article" id="zoom">',
            *body,
            "</div>",
            *_chrome_bottom(report, markup),
        ]
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])


# --- PDF ----------------------------------------------------------------------------------------

# Column widths in millimetres: the label columns of each table and one value column.
_PDF_LABEL_WIDTHS = {"active_disclosure": (50.0,), "requests": (18.0, 22.0, 52.0), "review_litigation": ()}
_PDF_VALUE_WIDTH = {"active_disclosure": 40.0, "requests": 11.0, "review_litigation": 11.4}


def _require_reportlab() -> Any:
    try:
        import reportlab
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("render_pdf needs reportlab: pip install 'govinfo-report[converters]'") from exc
    return reportlab


def render_pdf(report: Report, path: str | Path) -> None:
    """Write the report as an A4 PDF, tables with their merged cells, like a published report.

    Needs reportlab (``pip install 'govinfo-report[converters]'``); the text is set in the CID
    font STSong-Light that every PDF reader provides, so the file embeds no font.
    """
    _require_reportlab()
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=10.5, leading=16, wordWrap="CJK")
    title_style = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=TA_CENTER)
    heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=20, spaceBefore=6)
    cell_style = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    value_style = ParagraphStyle("value", parent=cell_style, alignment=TA_CENTER)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(html.escape(text, quote=False), style)

    story: list[Any] = [para(render_title(report), title_style), Spacer(1, 4 * mm)]
    story += [para(line, body) for line in _preamble(report)]
    for _, title, table, text in _sections(report):
        story.append(para(title, heading))
        if table is None:
            story += [para(line, body) for line in text.split("\n") if line.strip()]
            continue
        width = len(table.rows[0])
        labels = _PDF_LABEL_WIDTHS[table.id]
        widths = [w * mm for w in labels] + [_PDF_VALUE_WIDTH[table.id] * mm] * (width - len(labels))
        data: list[list[Any]] = [[""] * width for _ in table.rows]
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for r, row in enumerate(merged_rows(table)):
            for c, cell in row:
                centred = cell.is_value or r < table.header_rows
                data[r][c] = para(cell.text, value_style if centred else cell_style)
                if cell.colspan > 1 or cell.rowspan > 1:
                    style.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        story.append(Table(data, colWidths=widths, style=TableStyle(style), repeatRows=0))
        story.append(Spacer(1, 3 * mm))
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=render_title(report),
    )
    document.build(story)
