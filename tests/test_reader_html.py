"""Web pages read from their own structure: the published pages of the corpus cell for cell,
generated reports written as pages (bare or in a site's chrome, plain or Word-pasted) read back
to the same cells, pages in the encodings sites use, the page furniture left out, tables split
over several ``<table>`` elements, and pages no reader should take minutes or crash on."""

from __future__ import annotations

import contextlib
import html
import itertools
import json
import re
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Report, ReportError
from govinfo_report.errors import DocumentError, ReportEncodingError
from govinfo_report.limits import InputTooLargeError
from govinfo_report.model import Cell, ReviewBlock, ReviewLitigation
from govinfo_report.readers import html as html_reader
from govinfo_report.readers import kind_of, read_document
from govinfo_report.readers.document import Paragraph, Table
from govinfo_report.testing import cell_differences, cell_values, reports, reports_2019
from test_corpus import CORPUS, _compare_active, _compare_requests, _compare_review

PAGES = sorted(p for p in CORPUS.glob("*.html") if p.with_suffix(".json").exists()) if CORPUS.is_dir() else []


def _page(report: Report, *, chrome: bool = False, word_paste: bool = False) -> str:
    return govinfo_report.render(report, "html", chrome=chrome, word_paste=word_paste)


def _read_back(page: str | bytes) -> Report:
    return govinfo_report.parse_file(page.encode() if isinstance(page, str) else page, kind=None)


def _same_report(parsed: Report, report: Report) -> None:
    assert cell_differences(parsed, report) == []
    assert (parsed.agency, parsed.year) == (report.agency, report.year)


def _paragraphs(page: str | bytes) -> list[str]:
    data = page.encode() if isinstance(page, str) else page
    return [b.text for b in html_reader.read(data, "page.html").blocks if isinstance(b, Paragraph)]


SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


@pytest.fixture(scope="module")
def report() -> Report:
    """The sample report, for the pages built around one report."""
    return govinfo_report.parse_file(SAMPLE)


# --- the published pages ------------------------------------------------------------------------


@pytest.mark.skipif(not PAGES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_a_published_page_reads_to_its_truth(path: Path) -> None:
    truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
    report = govinfo_report.parse_file(path)
    got = govinfo_report.to_dict(report)
    assert report.source_kind == "html"
    assert (report.agency, report.year, report.format) == (truth["agency"], truth["year"], truth["format"])
    wrong = _compare_requests(truth, got) + _compare_review(truth, got)
    if truth["format"] == "2021":
        wrong += _compare_active(truth, got)
    ambiguous = set(truth.get("ambiguous", ()))
    assert [w for w in wrong if not (w.split(":")[0] in ambiguous and w.endswith("!= None"))] == []


# --- generated reports, written as pages and read back ------------------------------------------


@pytest.mark.parametrize("chrome", [False, True], ids=["bare", "chrome"])
@pytest.mark.parametrize("word_paste", [False, True], ids=["plain", "word-pasted"])
@given(report=st.one_of(reports(), reports_2019(), reports(scale="city")))
def test_a_generated_page_reads_back_to_its_report(report: Report, chrome: bool, word_paste: bool) -> None:
    page = _page(report, chrome=chrome, word_paste=word_paste)
    assert kind_of(page.encode()) == "html"
    _same_report(_read_back(page), report)


def _split_tables(page: str, before: str) -> str:
    """Each ``<table>`` closed and a new one opened before every row whose text matches
    ``before`` — tables printed one per sub-table, or a header apart from its rows."""
    out = []
    for part in re.split(r"(<table[^>]*>.*?</table>)", page, flags=re.S):
        opening = re.match(r"<table[^>]*>", part)
        if opening is None:
            out.append(part)
            continue
        chunks: list[list[str]] = [[]]
        for row in re.findall(r"<tr>.*?</tr>", part, flags=re.S):
            text = re.sub(r"&nbsp;|\s", "", re.sub(r"<[^>]+>", "", row))
            if chunks[-1] and re.search(before, text):
                chunks.append([])
            chunks[-1].append(row)
        out.append("\n".join(f"{opening.group()}<tbody>{''.join(c)}</tbody></table>" for c in chunks))
    return "".join(out)


#: Rows a table is cut before: each sub-table of table 二, table 三's rows apart from its header
#: or its result rows apart from the rest, table 四's numbers apart from its header.
CUTS = ("第二十条|三、本年度办理结果|四、结转下年度", "^(?:第二十条第（五）|一、本年新收|[0-9.]*$)")


@given(st.one_of(reports(), reports_2019()), st.booleans(), st.sampled_from(CUTS))
def test_a_table_printed_as_several_tables_reads_as_one(report: Report, word_paste: bool, cut: str) -> None:
    page = _split_tables(_page(report, chrome=True, word_paste=word_paste), cut)
    assert page.count("<table") > 4
    _same_report(_read_back(page), report)


def _continued(table: Table, start: int, stop: int) -> str:
    """Rows ``start``–``stop`` of a table as a ``<table>`` of their own, each merged cell the
    rows share opened again in it (a table continued on the next page)."""
    spots: dict[tuple[int | None, int | None], list[tuple[int, int]]] = {}
    texts: dict[tuple[int | None, int | None], str] = {}
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row):
            owner = (cell.location.row, cell.location.cell)
            texts.setdefault(owner, cell.text)
            if start <= r < stop:
                spots.setdefault(owner, []).append((r, c))
    cells: dict[tuple[int, int], str] = {}
    for owner, places in spots.items():
        (top, left), (bottom, right) = min(places), max(places)
        span = f' rowspan="{bottom - top + 1}" colspan="{right - left + 1}"'
        cells[top, left] = f"<td{span}>{html.escape(texts[owner])}</td>"
    rows = ("".join(cells.get((r, c), "") for c in range(table.width)) for r in range(start, stop))
    return "<table border='1'>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"


@given(st.one_of(reports(), reports_2019()), st.lists(st.floats(0.05, 0.95), min_size=1, max_size=3))
def test_a_table_continued_with_its_merged_cells_opened_again_reads_as_one(
    report: Report, cuts: list[float]
) -> None:
    document = html_reader.read(_page(report).encode(), "page.html")
    parts = [f"<title>{html.escape(document.title or '')}</title>"]
    for block in document.blocks:
        if isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.text)}</p>")
            continue
        rows = len(block.rows)
        marks = sorted({0, rows, *(int(cut * rows) for cut in cuts)})
        parts += [_continued(block, a, b) for a, b in itertools.pairwise(marks) if a < b]
    _same_report(_read_back("\n".join(parts)), report)


# --- where the article is, and what it is called -----------------------------------------------


def _retitled(page: str, title: str) -> str:
    return re.sub(r"<title>.*?</title>", f"<title>{html.escape(title)}</title>", page, count=1)


_PRINTED_TITLE = re.compile(r'(<div class="article" id="zoom">\n)(?:<h1>.*?</h1>|<p[^>]*><strong>.*?</p>)\n')


def _without_heading(page: str) -> str:
    """The page without the title printed over the article (only its <title> names it)."""
    return _PRINTED_TITLE.sub(r"\1", page, count=1)


@pytest.mark.parametrize("word_paste", [False, True], ids=["plain", "word-pasted"])
@pytest.mark.parametrize("printed", [True, False], ids=["title-printed", "title-only-in-head"])
def test_the_site_name_in_the_title_is_not_the_agency(
    report: Report, word_paste: bool, printed: bool
) -> None:
    site = "某某县人民政府门户网站"
    page = _retitled(_page(report, chrome=True, word_paste=word_paste), f"{report.title}_{site}")
    if not printed:
        unprinted = _without_heading(page)
        assert unprinted != page
        page = unprinted
    document = html_reader.read(page.encode(), "page.html")
    assert document.title == report.title
    _same_report(_read_back(page), report)


@pytest.mark.parametrize("chrome", [False, True])
@pytest.mark.parametrize(
    "declared", ["某某县人民政府{year}年政府信息公开工作年度报告", "{agency}{last}年政府信息公开工作年度报告"]
)
def test_a_declared_title_the_page_contradicts_gives_way_to_the_printed_one(
    report: Report, chrome: bool, declared: str
) -> None:
    """A CMS's ``ArticleTitle`` naming the parent body, or last year's (a template left as it
    was): the title the page prints over or atop the article is the report's."""
    title = declared.format(year=report.year, agency=report.agency, last=(report.year or 2023) - 1)
    page = _page(report, chrome=chrome).replace(
        "</head>", f'<meta name="ArticleTitle" content="{title}"></head>', 1
    )
    assert title in page
    _same_report(_read_back(page), report)


def test_a_title_the_opening_sentence_names_is_still_printed_over_the_article(report: Report) -> None:
    # the article opens with a sentence naming the report (特向社会公布…年度报告。), which the
    # title's reader rightly passes over: the page's title still heads the article
    page = _without_heading(_page(report, chrome=True))
    opening = f"<p>根据《中华人民共和国政府信息公开条例》有关要求，特向社会公布{report.title}。</p>\n"
    page = page.replace('<div class="article" id="zoom">\n', '<div class="article" id="zoom">\n' + opening, 1)
    assert opening in page
    document = html_reader.read(page.encode(), "page.html")
    assert document.blocks[0] == Paragraph(report.title or "")
    _same_report(_read_back(page), report)


def _zoom(page: str) -> str:
    return page.split('id="zoom">', 1)[1]


@pytest.mark.parametrize(
    "site_title",
    ["某某县人民政府", "某某县人民政府 - 政府信息公开年报", "政府信息公开 | 某某县人民政府"],
)
def test_a_title_that_only_names_the_site_gives_way_to_the_heading(report: Report, site_title: str) -> None:
    page = _retitled(_page(report, chrome=True), site_title)
    page = page.replace('<div class="article" id="zoom">\n<h1>', '<h1 class="article-title">', 1)
    details = '<div class="sub-title">来源：某某县人民政府办公室 发布时间：2024-01-20</div>'
    page = page.replace("</h1>", f'</h1>\n{details}\n<div class="article" id="zoom">', 1)
    assert html_reader.read(page.encode(), "page.html").title == report.title
    _same_report(_read_back(page), report)


def test_an_article_title_declared_in_the_page_is_its_title(report: Report) -> None:
    page = _retitled(_page(report, chrome=True), "某某县人民政府")
    page = page.replace("<head>", f'<head>\n<meta name="ArticleTitle" content="{report.title}">', 1)
    assert html_reader.read(page.encode(), "page.html").title == report.title


def test_a_title_naming_a_place_takes_its_organ_from_the_pages_content_source(report: Report) -> None:
    # 临江市2023年…: the place's government organ is the body the page says published it
    placed = attrs.evolve(report, title="临江市2023年政府信息公开工作年度报告", agency="临江市")
    page = _page(placed, chrome=True)  # its site chrome names 临江市人民政府: not the report's words
    assert _read_back(page).agency == "临江市"
    source = '<meta name="ContentSource" content="临江市人民政府办公室">'
    page = page.replace("<head>", f"<head>\n{source}", 1)
    assert html_reader.read(page.encode(), "page.html").publisher == "临江市人民政府办公室"
    assert _read_back(page).agency == "临江市人民政府"
    # a publisher that names another body leaves the agency as the report names it
    other = page.replace("临江市人民政府办公室", "青山县人民政府办公室")
    assert _read_back(other).agency == "临江市"


def test_without_a_content_source_the_source_line_names_the_publisher(report: Report) -> None:
    placed = attrs.evolve(report, title="临江市2023年政府信息公开工作年度报告", agency="临江市")
    page = _page(placed, chrome=True).replace("来源：临江市", "来源：临江市人民政府办公室", 1)
    assert html_reader.read(page.encode(), "page.html").publisher == "临江市人民政府办公室"
    assert _read_back(page).agency == "临江市人民政府"


def test_a_page_that_attaches_its_report_says_which_file_to_read(report: Report) -> None:
    page = _page(report, chrome=True)
    attached = '<p>附件：<a href="./P0202401.doc?v=2">示例县示例镇人民政府2023年报告.doc</a></p>'
    start, end = page.index('<div class="article" id="zoom">'), page.index('<p class="signature">')
    article = f'<div class="article" id="zoom">\n<h1>{report.title}</h1>\n{attached}\n</div>\n'
    only_link = page[:start] + article + page[end:]
    notes = [d for d in _read_back(only_link).diagnostics if d.code == "report-in-attachment"]
    assert len(notes) == 1 and "./P0202401.doc" in notes[0].message
    # a page that prints its tables and also attaches a copy has nothing to say of it
    both = page.replace('<p class="signature">', f'{attached}\n<p class="signature">', 1)
    assert "report-in-attachment" not in {d.code for d in _read_back(both).diagnostics}


def test_the_site_around_the_article_is_left_out(report: Report) -> None:
    text = "\n".join(_paragraphs(_page(report, chrome=True, word_paste=True)))
    furniture = ("当前位置", "繁體版", "浏览次数", "打印本页", "分享到", "相关信息", "ICP备案号")
    assert [f for f in (*furniture, "主办单位") if f in text] == []
    assert text.startswith(report.title or "")
    assert "六、其他需要报告的事项" in text


def test_furniture_inside_the_article_container_is_left_out(report: Report) -> None:
    page = _page(report, chrome=True)
    inside = (
        '<div class="article" id="zoom">\n'
        '<p class="info">来源：本机关&nbsp;&nbsp;发布时间：2024-01-20&nbsp;&nbsp;字号：[大 中 小]</p>\n'
        '<nav><a href="#">首页</a> &gt; <a href="#">政务公开</a></nav>\n'
    )
    page = page.replace('<div class="article" id="zoom">\n', inside, 1)
    page = page.replace(
        '</div>\n<p class="signature">',
        '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>\n'
        '<p>【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</p>\n</div>\n<p class="signature">',
        1,
    )
    text = "\n".join(_paragraphs(page))
    for furniture in ("来源", "字号", "首页", "分享到", "打印本页", "关闭窗口"):
        assert furniture not in text
    _same_report(_read_back(page), report)


def _in_a_cms_template(report: Report, article: str) -> str:
    """An article in the kind of template a government site's content-management system fills:
    declared metadata, a navigation bar, the title and page details over the article, a tab bar
    with the article in a tab beside a viewer frame, and a footer that speaks in sentences."""
    site = "某某县人民政府"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="{site}"><meta name="ColumnName" content="政府信息公开年报">
<title>{report.title}_政府信息公开年报_{site}</title></head><body><div class="warp">
<div class="header"><div class="logo"><a href="/"><img src="/logo.png"></a></div>
<ul role="navigation"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>
<em style="display:none"><a href="/uc/">你好</a><a href="/logout">注销</a></em></div>
<div class="main">
<div class="breadcrumb"><span>当前位置：</span><a href="/">首页</a> &gt; <a href="/nb/">年报</a></div>
<div class="article_component">
<div class="article_title_group"><div class="article_title">{report.title}</div></div>
<div class="article_extend"><span class="article_source">来源：{site}办公室</span>
<span class="article_time">时间：2024-03-10 15:35</span>
<span class="share"><a href="#">微信</a><a href="#">微博</a></span></div>
<div class="tabs"><div class="tabs_hd"><ul><li><a href="#">全真版</a></li><li><a href="#">文字版</a></li></ul>
<a href="#" class="download">文件下载</a></div>
<div class="links_con"><span>相关链接：</span><p><a href="#"></a></p></div>
<div class="tabs_content"><div class="pic_con"><iframe src="/viewer.html"></iframe></div>
<div class="word_con"><div class="article_area"><div class="article_content">
<div class=TRS_Editor>{article}</div></div></div></div></div></div>
</div></div><div class="footer"><p><a href="#">使用帮助</a><em>|</em><a href="#">联系我们</a></p>
<p><span>网站标识码：3590000001</span><span>版权所有：{site}</span></p>
<p>为确保最佳浏览效果，建议您使用以下浏览器版本：IE浏览器9.0版本及以上；Google Chrome浏览器63版本及以上。</p>
</div></div></body></html>"""


@pytest.mark.parametrize("word_paste", [False, True], ids=["plain", "word-pasted"])
def test_a_page_in_a_cms_template_reads_to_its_report(report: Report, word_paste: bool) -> None:
    article = _page(report, word_paste=word_paste).split("<body>", 1)[1].split("</body>", 1)[0]
    article = _PRINTED_TITLE.sub("", f'<div class="article" id="zoom">\n{article.lstrip()}')
    page = _in_a_cms_template(report, article)
    document = html_reader.read(page.encode(), "page.html")
    assert document.title == report.title and document.blocks[0] == Paragraph(report.title or "")
    assert not any(
        "来源" in b.text or "全真版" in b.text for b in document.blocks if isinstance(b, Paragraph)
    )
    _same_report(_read_back(page), report)


def test_a_sentence_around_a_link_and_a_line_like_page_details_are_the_reports() -> None:
    sections = "".join(f"<p>{n}、标题</p><p>正文{n}。</p>" for n in "一二三四五六")
    page = (
        "<p>本报告电子版可在<a href='/nb.shtml'>http://www.example.gov.cn/xxgk/nb/2023.shtml</a>下载。</p>"
        + sections.replace("<p>正文二。</p>", "<p>时间：2023年1月1日至2023年12月31日</p>")
    )
    paragraphs = _paragraphs(page)
    assert paragraphs[0].startswith("本报告电子版") and "时间：2023年1月1日至2023年12月31日" in paragraphs


def test_a_page_laid_out_with_tables_does_not_swallow_the_report(report: Report) -> None:
    page = _page(report, chrome=True, word_paste=True)
    head, body = page.split("<body>", 1)
    body = body.replace("</body>", "")
    top, article = body.split('<div class="article" id="zoom">', 1)
    laid_out = (
        f"{head}<body><table width='1000'><tr><td colspan='2'>{top}</td></tr>"
        "<tr><td width='200'><ul><li><a href='#'>政务公开</a></li><li><a href='#'>年报</a></li></ul></td>"
        f"<td><table><tr><td class='bt_content'><div id='zoom'>{article}</td></tr></table></td></tr>"
        "</table></body>"
    )
    document = html_reader.read(laid_out.encode(), "page.html")
    assert len(list(document.tables())) == 3
    _same_report(_read_back(laid_out), report)


def test_an_article_in_several_word_sections_is_read_whole(report: Report) -> None:
    """Word saves a document with a landscape part (wide tables) as several sections."""
    page = _page(report, chrome=True, word_paste=True)
    article = _zoom(page).split("</div>\n", 1)[0]
    first, rest = article.split("<table", 1)
    tables, last = rest.rsplit("</table>", 1)
    sections = (
        f'<div class="WordSection1">{first}</div><div class="WordSection2"><table{tables}</table></div>'
        f'<div class="WordSection3">{last}</div>'
    )
    _same_report(_read_back(page.replace(article, sections, 1)), report)


def test_hidden_elements_are_not_read(report: Report) -> None:
    page = _page(report, chrome=True)
    decoy = re.sub(r">[0-9]+<", ">9999<", _zoom(page).split("</div>\n", 1)[0])
    hidden = f'<div style="display: none">{decoy}</div><p hidden>一、总体情况</p>'
    page = page.replace("<body>", f"<body>\n{hidden}", 1)
    page = page.replace("</h1>", '</h1><span style="visibility:hidden">二、主动公开</span>', 1)
    _same_report(_read_back(page), report)


def test_an_element_hidden_by_a_style_written_with_character_references_is_not_read() -> None:
    # the page holds neither "none" nor "hid" as such: only the parsed style says display:none
    page = (
        "<p>一、总体情况</p><div style='display:&#110;&#111;&#110;&#101;'>二、主动公开 9999</div>"
        "<p>全年收到申请5件。</p>"
    )
    assert _paragraphs(page) == ["一、总体情况", "全年收到申请5件。"]


@given(report=reports(blanks=True), stray=st.sampled_from(["2", "- 2 -", "472", "第 2 页"]))
def test_a_number_printed_after_table_four_is_none_of_its_values(report: Report, stray: str) -> None:
    """A page number or a stray number paragraph after the table: its cells are all of its
    values, blank ones included, so nothing slides into their places."""
    page = _page(report)
    end = page.rindex("</table>") + len("</table>")
    _same_report(_read_back(page[:end] + f"<p>{stray}</p>" + page[end:]), report)


def test_runs_laid_out_as_boxes_of_their_own_are_cells_apart() -> None:
    """Spans a CMS lays out as a grid's cells (flex items, inline blocks): each is a box of its
    own, so two numbers side by side stay two; a styled run inside a paragraph still joins."""
    page = (
        "<p>一、总体情况</p>"
        '<div style="display: flex"><span>行政许可</span><span>12</span><span>3</span></div>'
        '<div class="row"><span style="flex:1">行政处罚</span><span style="flex:1">4</span>'
        '<span style="flex:1">56</span></div>'
        "<p>本年新<span style='mso-bidi-font-size:10pt'>收申请</span>15件。</p>"
    )
    assert [" ".join(p.split()) for p in _paragraphs(page)] == [
        "一、总体情况",
        "行政许可 12 3",
        "行政处罚 4 56",
        "本年新收申请15件。",
    ]


def test_an_element_of_a_class_the_style_sheet_hides_is_not_read() -> None:
    page = (
        "<html><head><style>p{margin:0} .note, span.old {display: none} .x{color:red}</style></head>"
        "<body><p>一、总体情况</p><p>全年收到申请<span class='old'>52</span>45件<b class='note'>注</b>。</p>"
        "<p class='x'>二、主动公开</p></body></html>"
    )
    assert _paragraphs(page) == ["一、总体情况", "全年收到申请45件。", "二、主动公开"]


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("72<sup>1</sup>", "72"),  # a footnote's mark, no digit of the number
        ("72<sup>[注1]</sup>", "72"),
        ("<del>41</del>45", "45"),  # a number corrected in place keeps the old one struck out
        ("<s>4</s> 1", "1"),
        ("<strike>30</strike>3", "3"),
        ("<ins>12</ins>", "12"),
        ('8<a href="#_ftn1" name="_ftnref1"><span class="MsoFootnoteReference">1</span></a>', "8"),
    ],
)
def test_footnote_marks_and_struck_out_numbers_are_no_part_of_a_cell(cell: str, read: str) -> None:
    page = f"<p>一、总体情况</p><table><tr><td>行政许可</td><td>{cell}</td><td>3</td></tr></table>"
    (table,) = [b for b in html_reader.read(page.encode(), "page.html").blocks if isinstance(b, Table)]
    assert [c.text.strip() for c in table.rows[0]] == ["行政许可", read, "3"]


# --- text as a browser lays it out --------------------------------------------------------------


def test_words_split_over_runs_come_back_whole() -> None:
    page = (
        "<p><span>本年新</span><span style='x'><font face='宋体'>收政府信</font></span><span>息公开"
        "</span><o:p></o:p>申请&nbsp;&nbsp;15件</p>"
        "<p>第一行<br>第二行<br/>\n第三行</p>"
        "<p>源码换行\n不是空格，but words\nstay apart</p>"
        "<pre>规章\t0\t1\n行政许可  5</pre>"
    )
    assert _paragraphs(page) == [
        "本年新收政府信息公开申请  15件",
        "第一行\n第二行\n第三行",
        "源码换行不是空格，but words stay apart",
        "规章\t0\t1\n行政许可  5",
    ]


def test_a_cells_paragraphs_are_its_lines_and_merged_cells_are_expanded() -> None:
    page = (
        "<table><tr><td rowspan='2'><p>商业</p><p>企<span>业</span></p></td>"
        "<td colspan='2'>总&nbsp;计</td></tr>"
        "<tr><td>1<br>2</td><td></td></tr></table>"
    )
    (table,) = html_reader.read(page.encode(), "t.html").tables()
    assert [[(c.text, c.covered) for c in row] for row in table.rows] == [
        [("商业\n企业", False), ("总 计", False), ("", True)],
        [("", True), ("1\n2", False), ("", False)],
    ]
    assert table.rows[1][1].location.table == 0 and table.rows[1][1].location.row == 1


def test_spans_past_the_table_are_held_to_it() -> None:
    page = "<table><tr><td rowspan='999999'>a</td><td colspan='0'>b</td><td colspan='x'>c</td></tr></table>"
    (table,) = html_reader.read(page.encode(), "t.html").tables()
    assert [c.text for c in table.rows[0]] == ["a", "b", "c"] and len(table.rows) == 1


# --- encodings ----------------------------------------------------------------------------------


def _gbk(page: str, declaration: str | None) -> bytes:
    meta = '<meta charset="utf-8">'
    return page.replace(meta, declaration or "", 1).encode("gbk")


@pytest.mark.parametrize(
    "declaration",
    ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
)
def test_a_gbk_page_declaring_its_encoding_reads_without_a_note(report: Report, declaration: str) -> None:
    data = _gbk(_page(report, chrome=True, word_paste=True), declaration)
    parsed = _read_back(data)
    _same_report(parsed, report)
    assert "encoding-guessed" not in {d.code for d in parsed.diagnostics}


def test_a_gbk_page_without_a_declaration_reads_with_a_note(report: Report) -> None:
    parsed = _read_back(_gbk(_page(report, chrome=True), None))
    _same_report(parsed, report)
    (note,) = [d for d in parsed.diagnostics if d.code == "encoding-guessed"]
    assert note.severity == "info" and "GB18030" in note.message and "GB18030" in note.message_zh


def test_a_page_declaring_the_wrong_encoding_is_read_in_the_one_it_is_in(report: Report) -> None:
    data = _page(report).replace('charset="utf-8"', 'charset="gb2312"').encode("utf-8")
    parsed = _read_back(data)
    _same_report(parsed, report)
    assert [d.message for d in parsed.diagnostics if d.code == "encoding-guessed"] == [
        "the file does not declare the encoding it is in (declared: gb2312); it was read as UTF-8, "
        "which the bytes fit"
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_page_with_a_byte_order_mark_reads_in_its_encoding(report: Report, encoding: str) -> None:
    data = _page(report, word_paste=True).replace('charset="utf-8"', 'charset="gbk"').encode(encoding)
    _same_report(_read_back(data), report)


def test_a_gb2312_page_with_characters_only_gbk_has_reads_them() -> None:
    data = '<meta charset="gb2312"><p>镕基珺瑄喆</p>'.encode("gbk")
    assert _paragraphs(data) == ["镕基珺瑄喆"]


def test_a_gbk_page_with_a_few_stray_bytes_reads_as_a_browser_shows_it(report: Report) -> None:
    """A footer pasted in from a UTF-8 page: its bytes no GBK reads are replacement characters,
    said in a note, and the report reads as before."""
    data = _gbk(_page(report, chrome=True), '<meta charset="gbk">')
    data = data.replace(b"</body>", "<p>版权所有：某某县人民政府</p>".encode() + b"</body>", 1)
    parsed = _read_back(data)
    _same_report(parsed, report)
    (note,) = [d for d in parsed.diagnostics if d.code == "encoding-bytes-replaced"]
    assert note.severity == "warning" and "GB18030" in note.message


@pytest.mark.parametrize("stray", [b"\x81\xff" * 40, b"12\x80\xff3"], ids=["many", "beside-a-digit"])
def test_a_page_with_many_stray_bytes_or_one_beside_a_digit_is_refused(report: Report, stray: bytes) -> None:
    data = _gbk(_page(report), '<meta charset="gbk">').replace(b"</body>", b"<p>" + stray + b"</p></body>", 1)
    with pytest.raises(ReportEncodingError, match=r"page\.html"):
        html_reader.read(data, "page.html")


def test_a_page_in_no_encoding_is_an_encoding_error() -> None:
    with pytest.raises(ReportEncodingError, match=r"page\.html"):
        html_reader.read(b"<html><body><p>\x81\xff\xfe\x80\x80</p></body></html>", "page.html")


# --- bounds -------------------------------------------------------------------------------------


def test_a_page_past_the_size_limit_is_refused_before_it_is_read() -> None:
    huge = b"<html><body><p>".ljust(200 * 1024 * 1024, b"x")
    started = time.perf_counter()
    with pytest.raises(InputTooLargeError, match="bytes"):
        govinfo_report.parse_file(huge)
    with pytest.raises(DocumentError, match="bytes"):
        html_reader.read(huge, "page.html")
    assert time.perf_counter() - started < 1


def test_the_size_limit_can_be_set(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _page(report).encode()
    with pytest.raises(DocumentError):
        html_reader.read(data, "page.html", max_bytes=len(data) - 1)
    monkeypatch.setattr(html_reader, "MAX_BYTES", 1000)
    with pytest.raises(DocumentError):
        read_document(data, "page.html")


@pytest.mark.parametrize("unit", ["<div>", "<ul><li>", "<a><div>", "<center>"])
def test_markup_nested_absurdly_deep_is_refused_quickly(unit: str) -> None:
    data = ("<html><body>" + unit * (2_000_000 // len(unit))).encode()
    started = time.perf_counter()
    with pytest.raises(DocumentError, match="nested"):
        govinfo_report.parse_file(data)
    assert time.perf_counter() - started < 2


def test_deep_but_readable_nesting_is_read() -> None:
    page = "<div>" * 5000 + "<p>一、总体情况</p>" + "</div>" * 5000
    assert _paragraphs(page) == ["一、总体情况"]


_TAGS = "<table> <tr> <td> <th> </table> </tr> </td> <td rowspan='70000'> <td colspan='0'> <caption>"
_MORE_TAGS = "<div> </div> <p> </p> <br> <span> &nbsp; <title> </title> <script> <pre> <meta charset='gbk'>"
_TEXTS = "一、总体情况 三、本年度办理结果 某某县人民政府2023年政府信息公开工作年度报告 12 ，。 \n"
_SOUP = st.sampled_from(
    [*_TAGS.split(" "), *_MORE_TAGS.split(" "), *_TEXTS.split(" "), "<meta name='ArticleTitle' content='x'>"]
)


@given(st.lists(_SOUP, max_size=60), st.binary(max_size=200))
def test_any_page_gives_a_report_or_a_report_error(soup: list[str], noise: bytes) -> None:
    data = b"<html>" + "".join(soup).encode() + noise
    with contextlib.suppress(ReportError):
        assert isinstance(_read_back(data), Report)


@given(st.binary(max_size=2000))
def test_garbage_that_looks_like_a_page_gives_a_report_error(noise: bytes) -> None:
    data = b"<!DOCTYPE html><html><body>" + noise
    with contextlib.suppress(ReportError):
        _read_back(data)


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("<td>\n  <p><span>第二十条</span><span>第（一）项</span></p>\n</td>", "第二十条第（一）项"),
        ("<td><p>申请人</p>\n<p>情况</p></td>", "申请人\n情况"),
        ("<td>自然人<br>申请<p> 12 </p></td>", "自然人\n申请\n12"),
        ("<td><p>法人或<b>其他</b>组织</p><div><a href='x'>总计</a></div></td>", "法人或其他组织\n总计"),
    ],
)
def test_a_cells_paragraphs_and_line_breaks_are_its_lines(cell: str, text: str) -> None:
    page = f"<html><body><table><tr><td>行</td>{cell}<td>1</td></tr></table></body></html>"
    document = read_document(page.encode(), "cell.html")
    (table,) = document.tables()
    assert table.rows[0][1].text == text


def test_a_letter_stuck_to_a_number_in_a_tables_own_cell_glues_no_two_cells(report: Report) -> None:
    """A document's own cell holds one cell's text: a letter that strayed into it from the cell
    above (``持100``) makes it no run of two cells' digits for the decoder to split; table 四's
    cells are read or left blank, never cut out of their neighbours' digits."""
    values = [100, 129, 161, 74, 464, 18, 277, 58, 56, 409, 234, 22, 226, 155, 637]
    blocks = {
        block: ReviewBlock(*(Cell(v) for v in values[5 * k : 5 * k + 5]))
        for k, block in enumerate(("review", "litigation_direct", "litigation_after_review"))
    }
    changed = attrs.evolve(report, review_litigation=ReviewLitigation(**blocks))
    page = _page(changed)
    row = "".join(f"<td>{v}</td>" for v in values)
    stuck = "".join(f"<td>{'持正果结'[k] if k < 4 else ''}{v}</td>" for k, v in enumerate(values))
    assert row in page
    parsed = _read_back(page.replace(row, stuck))
    read = [v for (table, _, _), v in cell_values(parsed).items() if table == "review_litigation"]
    assert all(got in (None, want) for got, want in zip(read, values, strict=True)), read
    assert not {d.code for d in parsed.diagnostics} & {"glued-cells-split", "glued-cells-row-sum"}


# --- pages whose rows do not line up ------------------------------------------------------------

_TABLE = re.compile(r"<table border=\"1\"[^>]*>.*?</table>", re.S)


def _in_each_table(page: str, change: Callable[[str], str]) -> str:
    """The page with ``change`` made to each of its report tables' markup."""
    return _TABLE.sub(lambda table: change(table.group()), page)


def _review_first_blank(report: Report) -> Report:
    """The report with table 四's first value (行政复议 结果维持) printed empty."""
    review = report.review_litigation
    assert review is not None
    return attrs.evolve(
        report,
        review_litigation=attrs.evolve(review, review=attrs.evolve(review.review, upheld=Cell())),
    )


@pytest.mark.parametrize(
    "stray",
    [
        pytest.param(lambda t: _last_row(t, "<td>&nbsp;</td></tr>"), id="one-row-a-cell-wider"),
        pytest.param(lambda t: t.replace("</tr>", "<td>&nbsp;</td></tr>"), id="every-row-a-cell-wider"),
        pytest.param(
            lambda t: t.replace("</tbody>", "<tr>" + "<td></td>" * 16 + "</tr></tbody>"),
            id="word-spacer-row-a-cell-wider",
        ),
    ],
)
def test_an_empty_cell_past_the_tables_columns_is_no_value(
    report: Report, stray: Callable[[str], str]
) -> None:
    # table 四 prints fifteen values; with a sixteenth empty cell, the blank first value must not
    # be taken for a merged cell's shadow and the values read one column to the left
    blank_first = _review_first_blank(report)
    page = _in_each_table(_page(blank_first, chrome=True), stray)
    _same_report(_read_back(page), blank_first)


def _last_row(table: str, end: str) -> str:
    """The table with its last row ended by ``end`` instead of ``</tr>``."""
    at = table.rfind("</tr>")
    return table[:at] + end + table[at + len("</tr>") :]


_SPANS = re.compile(r' (?:rowspan|colspan)="[0-9]+"')


@given(st.one_of(reports(blanks=True), reports_2019(blanks=True)), st.booleans())
def test_rows_whose_merged_cells_the_page_left_out_read_by_their_own_cells(
    report: Report, word_paste: bool
) -> None:
    # a CMS that strips rowspan and colspan leaves rows of different widths: a sub-row's first
    # cell blank must not make its numbers slide one column left into the place no cell covers
    page = _SPANS.sub("", _page(report, chrome=True, word_paste=word_paste))
    _same_report(_read_back(page), report)


@pytest.mark.parametrize("minus", ["\u2212", "–", "—"], ids=["minus-sign", "en-dash", "em-dash"])
@given(report=reports_2019(blanks=False))
def test_a_typeset_minus_sign_keeps_a_change_negative(report: Report, minus: str) -> None:
    page = re.sub(r"(<td[^>]*>(?:<[^>]+>)*)-(?=[0-9])", rf"\g<1>{minus}", _page(report))
    assert minus in page or "-" not in re.sub(r"<[^>]+>", "", page)
    _same_report(_read_back(page), report)


def _grouped(number: re.Match[str]) -> str:
    digits, decimals = number.group(1), number.group(2) or ""
    groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)][::-1]
    return "&nbsp;".join(groups) + decimals


@given(report=st.one_of(reports(scale="city", blanks=False), reports_2019(scale="city", blanks=False)))
def test_thousands_set_apart_by_no_break_spaces_are_one_number(report: Report) -> None:
    page = re.sub(r"(?<=>)([0-9]{4,})(\.[0-9]+)?(?=<)", _grouped, _page(report))
    _same_report(_read_back(page), report)


def test_a_title_naming_no_agency_takes_the_publisher_the_page_names(report: Report) -> None:
    page = _page(report, chrome=True)
    untitled = page.replace(f"{report.agency}{report.year}年", f"{report.year}年")
    assert f"来源：{report.agency}" in untitled
    parsed = _read_back(untitled)
    assert parsed.agency == report.agency
    assert "agency-from-page" in [d.code for d in parsed.diagnostics]
    assert "no-agency" not in [d.code for d in parsed.diagnostics]
    # a source that names no body (本网) is no agency
    anonymous = untitled.replace(f"来源：{report.agency}", "来源：本网").replace(
        f"发布机构：</td><td>{report.agency}", "发布机构：</td><td>"
    )
    parsed = _read_back(anonymous)
    assert parsed.agency is None
    assert "no-agency" in [d.code for d in parsed.diagnostics]


def test_a_title_with_its_year_in_chinese_numerals_names_agency_and_year(report: Report) -> None:
    page = _page(report, chrome=True).replace(f"{report.year}年政府信息公开", "二〇二三年政府信息公开")
    assert report.year == 2023
    parsed = _read_back(page)
    assert (parsed.agency, parsed.year) == (report.agency, 2023)


def _broken(number: re.Match[str]) -> str:
    text = number.group(1)
    return f"{text[: len(text) // 2]}<br>{text[len(text) // 2 :]}"


@given(report=st.one_of(reports(scale="city", blanks=True), reports_2019(scale="city", blanks=True)))
def test_a_number_a_cell_breaks_over_two_lines_is_one_number(report: Report) -> None:
    # a narrow column a converter wrapped with <br>: the cell holds one value, not two
    page = re.sub(r"(?<=>)(-?[0-9]{2,}(?:\.[0-9]+)?)(?=</td>)", _broken, _page(report))
    _same_report(_read_back(page), report)
