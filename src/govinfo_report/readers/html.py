"""The web-page reader: a report as its agency published it on a website — the page saved from
a browser, a crawler's copy, or just the article's markup — read from the page's own structure.

The page is decoded (:mod:`.html_encoding`), parsed with selectolax's Lexbor parser into the
tree a visitor sees (:mod:`.html_tree`), its article found and the site around it left out
(:mod:`.html_article`), and the article read as paragraphs and tables (:mod:`.html_blocks`).
The reading stages take the paragraphs as text — the title, agency and year are found there as in
any text — and each table from its own cells, merged cells expanded.

A page is refused past :data:`MAX_BYTES`, and so is markup nested so deep that parsing it would
take minutes (an HTML parser's work grows with the square of the nesting): both before parsing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from ..errors import DocumentError
from .document import Block, Document, Paragraph
from .html_article import find_article, find_title, page_source
from .html_blocks import article_blocks
from .html_encoding import decode_page
from .html_tree import Element, Page, parse_page
from .text import reject_non_text

#: The largest page read, in bytes (a report's page is well under 1 MB).
MAX_BYTES = 20 * 1024 * 1024
#: Pages with fewer tags than this are parsed quickly however they nest.
NESTING_CHECKED_FROM = 20_000
#: The most nesting work (open elements summed over the tags) a page may ask of the parser.
NESTING_WORK_LIMIT = 200_000_000

# The elements a parser keeps open until they are closed, whose depth its scope checks walk.
_NESTING_TAGS = re.compile(
    r"<(/?)(?:div|span|font|section|article|aside|nav|header|footer|main|ul|ol|dl|menu|dir|center"
    r"|blockquote|form|fieldset|figure|details|address|a|b|i|u|s|em|strong|small|big|sub|sup"
    r"|label|h[1-6])(?=[\s/>])",
    re.IGNORECASE,
)
_STEP = {"": 1, "/": -1}
# How many of the article's first paragraphs a title printed at its top can take.
_TITLE_PARAGRAPHS = 3
_SPACE = re.compile(r"\s+")


def read(data: bytes, name: str, *, max_bytes: int | None = None) -> Document:
    """Read a web page's bytes into a :class:`Document` of kind ``"html"``: the article's
    paragraphs (its title first) and tables, the page's title, and a note when the encoding
    had to be guessed. Raises :class:`DocumentError` for a page past ``max_bytes`` (default
    :data:`MAX_BYTES`) or nested too deep to parse, :class:`ReportEncodingError` for bytes no
    page encoding decodes."""
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise DocumentError(f"{name}: {len(data):,} bytes, more than the {limit:,} a web page is read up to")
    text, notes = decode_page(data, name)
    reject_non_text(text)
    _refuse_deep_nesting(text, name)
    page = parse_page(text)
    article = find_article(page)
    title = find_title(page, article)
    blocks, source = article_blocks(article)
    if title and not _starts_with(blocks, title) and not _titled(blocks):
        blocks.insert(0, Paragraph(title))
    publisher = page.metas.get("contentsource") or source or page_source(page, article)
    return Document("html", tuple(blocks), title, notes, publisher, _attachments(page, article))


#: The files a page attaches its report as (the link's path, before any query).
_ATTACHMENT = re.compile(r"\.(?:docx?|wps|pdf|ofd|xlsx?|et)$", re.IGNORECASE)


def _attachments(page: Page, article: Element) -> tuple[str, ...]:
    """The documents the article links to (``附件：….doc``), in order: where the page prints no
    tables, the report is published in them."""
    found: list[str] = []
    for element in page.elements[article.order + 1 : article.last + 1]:
        href = element.attribute("href") if element.tag == "a" else ""
        path = href.split("?", 1)[0].split("#", 1)[0].strip()
        if _ATTACHMENT.search(path) and path not in found:
            found.append(path)
    return tuple(found)


def _refuse_deep_nesting(text: str, name: str) -> None:
    """Refuse markup whose nesting would keep the parser busy for minutes. Only a page with
    many tags can: the work is counted from the tags themselves, open elements at each one."""
    if text.count("<") < NESTING_CHECKED_FROM:
        return
    steps = map(_STEP.__getitem__, _NESTING_TAGS.findall(text))
    work = sum(accumulate(steps, _deeper, initial=0))
    if work > NESTING_WORK_LIMIT:
        raise DocumentError(f"{name}: the page's markup is nested too deep to read")


def _deeper(depth: int, step: int) -> int:
    return max(depth + step, 0)  # a parser ignores an end tag with nothing open to close


def _titled(blocks: Sequence[Block]) -> bool:
    """Whether the article's first paragraphs print a report's title of their own, naming its
    agency and year: the page's declared title, which may be another's (a template's, the
    parent body's), is not put over it."""
    from ..reading.metadata import find_title as title_in

    opening = [b.text for b in blocks[:_TITLE_PARAGRAPHS] if isinstance(b, Paragraph)]
    found = title_in("\n".join(opening)) if opening else None
    return found is not None and found.agency is not None


def _starts_with(blocks: Sequence[Block], title: str) -> bool:
    """Whether the article's first paragraphs already print the title (on one line or two) —
    as a heading, not inside a sentence about the report (特向社会公布…年度报告。), which the
    title's reader rightly passes over."""
    wanted = _SPACE.sub("", title)
    opening = []
    for block in blocks[:_TITLE_PARAGRAPHS]:
        if not isinstance(block, Paragraph):
            continue
        words = _SPACE.sub("", block.text)
        if "。" in words or len(words) > 2 * len(wanted):
            break
        opening.append(words)
    return wanted in "".join(opening)
