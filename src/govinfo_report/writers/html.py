"""A :class:`~govinfo_report.model.Report` as the web page it is published as.

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

The same tables as a PDF: :func:`govinfo_report.writers.pdf.render_pdf`.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterator

from ..model import Report
from .document import Grid, MergedCell, merged_rows, preamble, render_title, sections, split_label

__all__ = ["render_html"]


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

    def cell(self, cell: MergedCell, header: bool) -> str:
        """A ``<td>``: plain text, or Word's ``<p><span>`` wrapping with ``&nbsp;`` when blank."""
        spans = ""
        if cell.colspan > 1:
            spans += f' colspan="{cell.colspan}"'
        if cell.rowspan > 1:
            spans += f' rowspan="{cell.rowspan}"'
        if not self.word_paste:
            return f"<td{spans}>{self.escape(cell.text)}</td>"
        attributes = f'{spans} valign="center" style="border: solid windowtext 1.0pt; padding: 0cm 5.4pt;"'
        lines = split_label(cell.text) if header else [cell.text]
        paragraphs = []
        for line in lines:
            body = self.runs(line) if line else '<span style="font-size: 10.5pt;">&nbsp;<o:p></o:p></span>'
            paragraphs.append(f'<p class="MsoNormal" align="center" style="text-align: center;">{body}</p>')
        return f"<td{attributes}>{''.join(paragraphs)}</td>"


def _table_html(table: Grid, markup: _Markup) -> str:
    attributes = (
        ' border="1" cellspacing="0" cellpadding="0" style="border-collapse: collapse; border: none;"'
        if markup.word_paste
        else ' border="1"'
    )
    lines = [f"<table{attributes}>", "<tbody>"]
    for index, row in enumerate(merged_rows(table)):
        header = index < table.header_rows
        lines.append("<tr>" + "".join(markup.cell(cell, header) for cell in row) + "</tr>")
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
    for line in preamble(report):
        yield markup.paragraph(line)
    for _, heading, table, text in sections(report):
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
