"""A page as tables and lines of text, without what the page prints around its content.

Page numbers (-3-, 第 3 页 共 9 页, 3/9) and running headers and footers (a title, a date, a
number repeated at the top or the bottom of page after page) are furniture: they belong to the
pages, not to the report, and would cut a paragraph or a table in two if they were read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from .pdf_aligned import aligned_tables
from .pdf_lines import TextLine, lines_of
from .pdf_page import PageContent, Rule
from .pdf_tables import DrawnTable, fill, find_tables

#: The share of the page's height at its top and at its bottom where furniture stands.
FURNITURE_BAND = 0.1
#: A line repeated on this share of the pages (and on two at least) in the band is furniture.
_REPEATED_ON = 0.3

_PAGE_NUMBER = re.compile(
    r"[-—–－‐~]*[0-9]{1,4}[-—–－‐~]*"
    r"|第[0-9]{1,4}页(?:[,，]?共[0-9]{1,4}页)?|共[0-9]{1,4}页[,，]?第[0-9]{1,4}页"
    r"|[0-9]{1,4}/[0-9]{1,4}"
    r"|(?:page)?[0-9]{1,4}(?:of[0-9]{1,4})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9]+")


class PageLayout(NamedTuple):
    """A page's tables and its lines of text outside them, top to bottom, and the horizontal
    rules outside its tables (a table ruled only between its rows)."""

    number: int
    width: float
    height: float
    tables: list[DrawnTable]
    lines: list[TextLine]
    rules: list[Rule]


def lay_out_page(content: PageContent) -> PageLayout:
    """The page's ruled tables, filled with their text, and the lines of text around them."""
    tables = [t for t in find_tables(content.number, content.rules) if not _columns_undrawn(t)]
    outside = fill(tables, content.glyphs, content.width, content.height) if tables else content.glyphs
    loose = [
        rule
        for rule in content.rules
        if rule.horizontal and not any(t.top - 1 <= rule.at <= t.bottom + 1 for t in tables)
    ]
    return PageLayout(content.number, content.width, content.height, tables, lines_of(outside), loose)


def _columns_undrawn(table: DrawnTable) -> bool:
    """Whether a drawn table rules its rows but not its columns (a Word table without inner
    vertical lines: one column, three rows or more). Its text is read by its alignment, row by
    row between its rules, as a table drawn without lines."""
    return len(table.xs) == 2 and len(table.ys) > 3


def find_aligned_tables(pages: Sequence[PageLayout]) -> None:
    """Move the tables drawn without lines out of each page's lines into its tables (once the
    page's furniture is gone: a page number is no table)."""
    for page in pages:
        aligned, lines = aligned_tables(page.number, page.lines, page.rules)
        if aligned:
            page.tables[:] = sorted([*page.tables, *aligned], key=lambda t: t.top)
            page.lines[:] = lines


def is_page_number(text: str) -> bool:
    """Whether a line's text is a page number in one of the forms reports print."""
    return _PAGE_NUMBER.fullmatch("".join(text.split())) is not None


def _band(line: TextLine, page: PageLayout) -> str | None:
    if line.bottom <= FURNITURE_BAND * page.height:
        return "top"
    if line.top >= (1 - FURNITURE_BAND) * page.height:
        return "bottom"
    return None


def _key(line: TextLine, band: str) -> tuple[str, str]:
    return band, _DIGITS.sub("#", "".join(line.text.split()))


def drop_furniture(pages: Sequence[PageLayout]) -> None:
    """Take page numbers and running headers and footers out of the pages' lines."""
    seen: Counter[tuple[str, str]] = Counter()
    for page in pages:
        keys = {_key(line, band) for line in page.lines if (band := _band(line, page)) is not None}
        seen.update(keys)
    repeated = max(2.0, _REPEATED_ON * len(pages))
    for number, page in enumerate(pages):
        page.lines[:] = [
            line
            for line in page.lines
            if not _is_furniture(line, page, seen, repeated) or (number == 0 and _is_title(line.text))
        ]


def _is_title(text: str) -> bool:
    """Whether a line is a report's title: on the first page it is the title, even where the
    pages after it repeat it as their running header."""
    from ..reading.metadata import find_title

    return not is_page_number(text) and find_title(text) is not None


def _is_furniture(line: TextLine, page: PageLayout, seen: Counter[tuple[str, str]], repeated: float) -> bool:
    band = _band(line, page)
    if band is None:
        return _last_page_number(line, page)
    return is_page_number(line.text) or seen[_key(line, band)] >= repeated


#: The share of the page's height at its bottom where a page number stands above the footer band
#: (a page with wide margins prints it 30 mm up).
PAGE_NUMBER_BAND = 0.25


def _last_page_number(line: TextLine, page: PageLayout) -> bool:
    """Whether a line above the footer band is still the page's number: a page number alone, the
    page's lowest line, below every table, in the bottom quarter of the page."""
    if line.top < (1 - PAGE_NUMBER_BAND) * page.height or not is_page_number(line.text):
        return False
    return all(other.top <= line.top for other in page.lines) and all(
        t.bottom <= line.top for t in page.tables
    )
