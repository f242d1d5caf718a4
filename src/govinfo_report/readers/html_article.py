"""Where a web page's article is, and what it is called.

The article is found by its weight, not by names a site's template happens to use: walking down
from ``<body>``, the reader steps into the child element that holds nearly all of the page's
sentences (the marks prose is written with: ，。；、) and every table with numbers in its cells,
and stops where the text divides among several children — the report's own paragraphs and
tables. Menus, breadcrumbs, related links, share buttons and footers hold links and labels, not
sentences, so they fall away on the way down. A page laid out with tables is walked the same way,
through the layout table's cells.

The title is the heading the site prints over the article, checked against the page's
``<title>``, whose site or column name (``…年度报告_某某县人民政府``) is cut off; a
``<meta name="ArticleTitle">`` settles it when the page has one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .html_blocks import details_source, is_details
from .html_tree import Element, Page, text_of

#: The share of the sentences (or of the text) a child must hold for the walk to step into it.
ARTICLE_SHARE = 0.85
# Below this many sentence marks the page has no prose to go by: plain text is weighed instead.
_FEW_MARKS = 10
# Elements the walk never steps into: the article's own paragraphs, headings and list items.
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "address"})
# What separates a site's or a column's name from the article's in a <title>.
_TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]+|(?<![0-9])[-－—–]+(?![0-9])|\s[-－—–]+\s)\s*")
_SPACE = re.compile(r"\s+")
# The longest text a heading can have: anything longer is a paragraph styled as one.
_HEADING_CHARS = 150
# A title has no sentences in it: an element that does is no heading, whatever its class says.
_SENTENCE = re.compile(r"[，。；]")


def find_article(page: Page) -> Element:
    """The element that holds the article: nearly all its sentences, every table of numbers."""
    weight = _weight(page.root)
    node = page.body
    while True:
        children = node.elements()
        if not children:
            return node
        heaviest = max(children, key=weight)
        if heaviest.tag in _PARAGRAPHS or heaviest.is_innermost_table():
            return node
        if weight(heaviest) < ARTICLE_SHARE * weight(node) or weight(heaviest) == 0:
            return node
        if heaviest.report_tables < node.report_tables:
            return node
        node = heaviest


def _weight(root: Element) -> Callable[[Element], int]:
    if root.marks >= _FEW_MARKS:
        return lambda element: element.marks
    return lambda element: element.chars - element.link_chars


def find_title(page: Page, article: Element) -> str | None:
    """The article's title: the page's ``ArticleTitle`` (unless the heading over the article is
    a report's title that says otherwise), else the heading over the article as far as it agrees
    with the ``<title>``, else the longer of the two."""
    declared = page.metas.get("articletitle", "")
    headings = _headings_before(page, article)
    nearest = headings[0] if headings else ""
    if declared:
        if nearest and _REPORT_TITLE.search(_squeezed(nearest)) and not _agrees(nearest, declared):
            return nearest  # the page shows another title than its metadata: what it shows
        return declared
    in_title = title_proper(page.title, page.metas.get("sitename", ""))
    if nearest and (not in_title or _agrees(nearest, in_title)):
        return nearest
    if len(_squeezed(nearest)) > len(_squeezed(in_title)):
        return nearest
    agreeing = next((h for h in headings if _agrees(h, in_title)), "")
    return agreeing or in_title or None


#: How many elements before the article a line of page details naming its source is looked for.
_SOURCE_REACH = 12


def page_source(page: Page, article: Element) -> str | None:
    """The body the line of page details over the article names as its source (``来源：某局
    办公室`` under the title, outside the article's text), where one does."""
    before = [e for e in page.elements[: article.order] if e.last < article.order]
    for element in reversed(before[-_SOURCE_REACH:]):
        source = details_source(text_of(element))
        if source:
            return source
    return None


def title_proper(title: str, site: str = "") -> str:
    """A ``<title>`` without the site's or the column's name: the longest of its parts once
    the site's declared name is cut off."""
    if site and title.endswith(site) and len(title) > len(site):
        title = title[: -len(site)]
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip() and p.strip() != site]
    return max(parts, key=len, default="")


def _headings_before(page: Page, article: Element) -> list[str]:
    """The texts of the headings over the article, nearest first: the one it starts with, then
    those before it in the page (an ancestor of the article is not a heading over it)."""
    found: list[str] = []
    first = next(iter(article.elements()), None)
    if first is not None and first.is_heading() and _opens(article, first):
        found.append(text_of(first))
    for element in reversed(page.elements[: article.order]):
        if element.last < article.order and element.is_heading():
            found.append(text_of(element))
    return [
        t for t in found if 0 < len(t) <= _HEADING_CHARS and not _SENTENCE.search(t) and not is_details(t)
    ]


def _opens(article: Element, first: Element) -> bool:
    """Whether the article starts with this element (no text before it)."""
    for child in article.children:
        if child is first:
            return True
        if isinstance(child, str) and child.strip():
            return False
    return False


#: A heading that is a report's title: a year, then the report named.
_REPORT_TITLE = re.compile(r"(?:19|20)[0-9]{2}年.*(?:报告|年报)")


def _agrees(heading: str, title: str) -> bool:
    """Whether a heading names what the title names: one holds the other, and a heading held
    in the title is no mere fragment of it (the site's name in a logo is not the title)."""
    h, t = _squeezed(heading), _squeezed(title)
    if not h or not t:
        return False
    return t in h or (h in t and 2 * len(h) >= len(t))


def _squeezed(text: str) -> str:
    return _SPACE.sub("", text)
