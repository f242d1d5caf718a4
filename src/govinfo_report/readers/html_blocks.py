"""An article's elements as the paragraphs and tables a visitor reads.

Text is joined as a browser lays it out: inline elements (the ``<span>`` and ``<font>`` runs a
Word paste cuts words into) run together, white space collapses to one space — and disappears
where a source line break falls between two Chinese characters, as CSS asks — ``&nbsp;`` is a
space, ``<br>`` a line break inside the paragraph, and every block element (``<p>``, ``<div>``,
a heading …) a paragraph of its own.

A table of data — one with no table inside it, at least two columns and cells of table length —
becomes a :class:`Table` through :func:`~.document.grid`, its merged cells expanded; a table a
page is laid out with is read through, its cells' content as paragraphs. Inside the article,
what is furniture rather than report is left out: navigation, blocks that are mostly links, and
a line of page details (来源、时间、字号、打印 …).
"""

from __future__ import annotations

import re
from typing import cast

from ..model import Location
from .document import Block, Paragraph, grid
from .html_tree import Element

_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details"}
    | {"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main"}
    | {"menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"}
    | {"thead", "tr", "ul", "#document"}
)
# Page furniture by its HTML meaning: never part of an article's text.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# Links making up this share of a block's text, and no sentence of its own, make it furniture.
_LINK_SHARE = 0.5
# A page's details line: where the article came from, when, how often read, the font size and
# print/close/share buttons — each a short label, nothing a report says in a sentence.
#: The fields a line of page details starts with (a longer name before its own start).
_DETAILS_FIELDS = (
    "信息来源|来源|发布时间|发布日期|更新时间|时间|日期|作者|编辑|责任编辑|浏览次数|访问次数"
    "|访问量|点击数|点击量|阅读次数|阅读量|字号|字体|打印本页|打印|关闭窗口|关闭|分享到|分享"
)
_DETAILS_LINE = re.compile(rf"^[\s【\[]*(?:{_DETAILS_FIELDS})[\s】\]]*(?:[:：]|$|【|\[)")
#: The field of a details line that names the body the page is from: a name, up to the next
#: field (white space may have been squeezed out between them).
_SOURCE_FIELD = re.compile(
    r"(?:信息来源|来源|发布机构)\s*[:：]\s*([\u4e00-\u9fff（）()·]{2,40}?)"
    rf"(?=$|\s|[|｜【】\[\]:：,，;；]|发布机构|{_DETAILS_FIELDS})"
)
_DETAILS_CHARS = 120
# How many blocks at the article's top and foot a details line is looked for among.
_DETAILS_REACH = 3
_SENTENCE = re.compile(r"[，。；]")
#: The longest a data table's cell can be: a cell holding more is a page's layout.
CELL_CHARS = 300
_COLSPAN_LIMIT = 100
_SPACES = re.compile(r"[ \t\n\r\f]+")
_HAN = r"[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
_BREAK_BETWEEN_HAN = re.compile(rf"(?<={_HAN})[ \t\r\f]*\n[ \t\n\r\f]*(?={_HAN})")
_DIGITS = re.compile(r"[0-9]+")
# Stand-ins that white space collapsing leaves alone: a <br>, and a <pre>'s spaces and tabs.
_LINE_BREAK = "\ue000"
_KEPT_SPACE = "\xa0"
_KEPT_TAB = "\ue001"


def article_blocks(article: Element) -> tuple[list[Block], str | None]:
    """The article's paragraphs and tables, in reading order, without a line of page details
    at its top or its foot; and the body such a line names as the page's source (``来源：某局
    办公室``), where one does."""
    flow = _Flow()
    flow.walk_children(article)
    flow.flush()
    blocks = flow.blocks
    ends = {*range(_DETAILS_REACH), *range(len(blocks) - _DETAILS_REACH, len(blocks))}
    details = [
        (i, b) for i, b in enumerate(blocks) if i in ends and isinstance(b, Paragraph) and is_details(b.text)
    ]
    dropped = {i for i, _ in details}
    sources = (_source_field(b.text) for _, b in details)
    return [b for i, b in enumerate(blocks) if i not in dropped], next((s for s in sources if s), None)


def is_data_table(element: Element) -> bool:
    """A table of data: none inside it, two columns at least, no cell longer than a table's."""
    if not element.is_innermost_table():
        return False
    rows = _rows(element)
    return any(len(cells) >= 2 for cells in rows) and all(
        cell.chars <= CELL_CHARS for cells in rows for cell in cells
    )


class _Flow:
    """Collects paragraphs as a browser lays text out, and tables as they come."""

    def __init__(self, in_article: bool = True, in_cell: bool = False) -> None:
        self.in_article = in_article
        self.in_cell = in_cell  # a cell's paragraphs are lines of its one text
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.tables = 0
        self.preformatted = 0

    def walk(self, element: Element) -> None:
        if self.in_article and _is_furniture(element):
            return
        if element.tag == "table" and is_data_table(element):
            self.flush()
            self.blocks.extend(self.table(element))
            return
        if element.tag == "br":
            self.pieces.append(_LINE_BREAK)
            return
        block = element.tag in _BLOCK_TAGS
        if block:
            self.flush()
        self.preformatted += element.tag == "pre"
        self.walk_children(element)
        self.preformatted -= element.tag == "pre"
        if block:
            self.flush()

    def walk_children(self, element: Element) -> None:
        for child in element.children:
            if isinstance(child, str):
                self.pieces.append(self._text(child))
            else:
                self.walk(child)

    def _text(self, text: str) -> str:
        if not self.preformatted:
            return text
        text = text.replace(" ", _KEPT_SPACE).replace("\t", _KEPT_TAB)
        return text.replace("\r\n", "\n").replace("\n", _LINE_BREAK)

    def flush(self) -> None:
        if self.in_cell:
            self.pieces.append(_LINE_BREAK)
            return
        if not self.pieces:
            return
        text = laid_out("".join(self.pieces))
        self.pieces.clear()
        if text:
            self.blocks.append(Paragraph(text))

    def table(self, element: Element) -> list[Block]:
        """The table's caption as a paragraph, and the table as a grid of its cells."""
        captions = [c for c in element.elements() if c.tag == "caption"]
        blocks: list[Block] = [Paragraph(t) for t in map(cell_text, captions) if t]
        rows = _rows(element)
        listed = [
            [(cell_text(c), _span(c, "rowspan", len(rows) - r), _span(c, "colspan")) for c in cells]
            for r, cells in enumerate(rows)
        ]
        blocks.append(grid(listed, Location(table=self.tables)))
        self.tables += 1
        return blocks


def cell_text(cell: Element) -> str:
    """A cell's text as the page shows it: its paragraphs and lines one under the other."""
    pieces = _simple_cell(cell)
    if pieces is not None:  # most cells: text and paragraphs of text, pieced as the walk would
        return laid_out("".join(pieces))
    flow = _Flow(in_article=False, in_cell=True)
    flow.walk_children(cell)
    return laid_out("".join(flow.pieces))


def _simple_cell(cell: Element) -> list[str] | None:
    """The pieces a cell's walk makes, where the cell holds text, line breaks and paragraphs
    of text alone (a Word-pasted cell: ``<p>`` and its runs): each paragraph a line of its own.
    None for any other markup, which the walk reads."""
    pieces: list[str] = []
    for child in cell.children:
        if type(child) is str:
            pieces.append(child)
        elif not isinstance(child, Element):
            return None
        elif child.tag == "br":
            pieces.append(_LINE_BREAK)
        elif child.tag in _BLOCK_TAGS and child.tag not in ("pre", "table") and child.holds_text_only():
            pieces.append(_LINE_BREAK)
            pieces.extend(cast("list[str]", child.children))
            pieces.append(_LINE_BREAK)
        else:
            return None
    return pieces


def laid_out(text: str) -> str:
    """Text as a browser shows it: white space collapsed, none at a line break between Chinese
    characters, ``&nbsp;`` a space, a line per ``<br>``, no empty lines."""
    if text.isprintable() and "  " not in text:  # most cells: no space to collapse, no break
        return text.strip(" ")
    text = _BREAK_BETWEEN_HAN.sub("", text)
    text = _SPACES.sub(" ", text).replace(_LINE_BREAK, "\n")
    text = text.replace(_KEPT_SPACE, " ").replace(_KEPT_TAB, "\t")
    lines = (line.strip(" \u3000") for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip())


def _rows(table: Element) -> list[list[Element]]:
    """A table's rows (in its own sections, not a nested table's) and each row's cells."""
    rows: list[list[Element]] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(_cells(child))
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(_cells(row) for row in child.elements() if row.tag == "tr")
    return rows


def _cells(row: Element) -> list[Element]:
    return [cell for cell in row.elements() if cell.tag in ("td", "th")]


def _span(cell: Element, name: str, remaining: int = _COLSPAN_LIMIT) -> int:
    """A cell's rowspan or colspan as a browser takes it: the number it starts with, at least
    one, and no further than the table goes (a rowspan of 0 reaches its end)."""
    given = cell.attributes.get(name)
    if not given:
        return 1
    match = _DIGITS.match(given.strip())
    if match is None:
        return 1
    span = int(match.group()[:6])
    if span == 0 and name == "rowspan":
        return max(remaining, 1)
    return max(1, min(span, remaining))


def _is_furniture(element: Element) -> bool:
    """Navigation, and blocks that are mostly links (menus, related articles, share buttons)."""
    if element.tag in _FURNITURE_TAGS or element.attribute("role").lower() in _FURNITURE_ROLES:
        return True
    if element.tag not in _BLOCK_TAGS or element.tag in ("td", "th", "tr", "tbody", "thead", "tfoot"):
        return False
    mostly_links = element.link_chars > 0 and element.link_chars >= _LINK_SHARE * element.chars
    return mostly_links and element.marks == 0  # a sentence around a link is the report's


def details_source(text: str) -> str | None:
    """The body a line of page details names as the page's source (``来源：某局办公室``)."""
    return _source_field(text) if is_details(text) else None


def _source_field(text: str) -> str | None:
    found = _SOURCE_FIELD.search(text)
    return found.group(1) if found else None


def is_details(text: str) -> bool:
    """Whether a line gives the page's details (来源、时间、字号 …) rather than the report's."""
    return len(text) <= _DETAILS_CHARS and not _SENTENCE.search(text) and bool(_DETAILS_LINE.match(text))
