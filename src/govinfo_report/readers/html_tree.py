"""A parsed web page as the small tree a reader needs: the elements a browser would show, their
text, and for each element how much text it holds, how much of it is link text and how many
sentence marks — the measures the article is found by.

What a visitor never sees is left out as the tree is built: scripts, styles, forms' controls,
embedded frames and objects, elements hidden by the ``hidden`` attribute, an inline style or a
class the page's style sheet hides. So is what a reader does not read as the text: struck-out
words (``<del>``, ``<s>``: a number corrected in place keeps its old one beside the new), and
footnote marks (a short ``<sup>``, Word's footnote references), which would join the digits
of the number they follow.
Styled runs of text (``<span>``, ``<font>``, ``<b>`` …) get no element of their own: their text
joins their parent's in order, which is all a reader needs of them, and a Word-pasted page has
thousands.
The tree is built without recursion and no deeper than :data:`MAX_DEPTH` (deeper elements give
their content to the element at that depth), so a page nested absurdly deep cannot exhaust the
interpreter's stack in the passes that walk it later.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: Elements deeper than this hand their content to their ancestor at this depth.
MAX_DEPTH = 120

# Elements whose content a visitor never reads as the page's text.
_UNSEEN = frozenset(
    {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed"}
    | {"applet", "svg", "math", "canvas", "video", "audio", "map", "select", "option", "datalist"}
    | {"textarea", "input", "button", "img", "link", "base", "param", "source", "track", "head"}
)
# Elements read only for what they say about the page, or not at all.
_SPECIAL = _UNSEEN | {"title", "meta"}
# Runs of text a page styles (Word's <span>s and <font>s above all): their text joins their
# parent's as it comes, with no element of their own.
_RUNS = frozenset(
    {"span", "font", "o:p", "strong", "b", "em", "i", "u", "small", "big", "sup", "sub"}
    | {"ins", "label", "abbr", "acronym", "cite", "code", "kbd", "q", "samp", "tt", "var", "mark"}
    | {"time", "nobr", "bdi", "bdo", "dfn", "data", "st1:chsdate", "st1:chmetcnv", "st1:personname"}
)
# Struck-out text: deleted, not read.
_STRUCK = frozenset({"del", "s", "strike"})
# Raised or lowered text this short is a footnote's mark (¹, [1], 注) or an exponent, no digit of
# the number before it.
_MARK_TAGS = frozenset({"sup", "sub"})
# Elements whose text may be none of the page's (see _unread), and those of Word's footnotes.
_UNREAD_CANDIDATES = _STRUCK | _MARK_TAGS
_NOTE_LINKS = frozenset({"span", "a"})
_LONGEST_MARK = 6
# Word's footnote and endnote references, as its web export writes them.
_NOTE_REFERENCE = re.compile(r"Mso(?:Footnote|Endnote)Reference", re.IGNORECASE)
# A style sheet's declarations hiding what they apply to (.hid{display:none}).
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_SELECTOR = re.compile(r"^\s*(?:[a-z0-9]*)\.([A-Za-z_][\w-]*)\s*$")
# What may hide an element; each candidate's style is then read in full.
_MAYBE_HIDDEN = '[hidden], [style*="none" i], [style*="hid" i]'
_HIDING_STYLE = re.compile(r"display:none|visibility:hidden|mso-hide:all")
#: The words every hiding attribute or style holds (see _MAYBE_HIDDEN).
_MAY_HIDE = re.compile("hid|none", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# The marks sentences are made of: a report's prose is full of them, a site's furniture is not.
_MARKS = "，。；、！？"
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_NUMBER_CHARS = 20  # the longest a cell holding one number is worth looking at
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class Element:
    """An element a visitor sees, with its children (elements and strings of text) and the
    measures of all the text under it."""

    __slots__ = (
        "attributes",
        "chars",
        "children",
        "has_table",
        "last",
        "link_chars",
        "marks",
        "numeric_cells",
        "order",
        "report_tables",
        "tag",
    )

    def __init__(self, tag: str, attributes: dict[str, str | None]) -> None:
        self.tag = tag
        self.attributes = attributes
        self.children: list[Element | str] = []
        self.order = 0  # position in document order
        self.last = 0  # document-order position of the last element inside it
        self.chars = 0  # characters of text (each piece's surrounding white space not counted)
        self.link_chars = 0  # of which inside links
        self.marks = 0  # sentence marks outside links
        self.numeric_cells = 0  # table cells holding only a number
        self.has_table = False  # a table inside it
        self.report_tables = 0  # innermost tables with numbers in their cells

    def attribute(self, name: str) -> str:
        return self.attributes.get(name) or ""

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def holds_text_only(self) -> bool:
        """Whether every child is text (a paragraph and its styled runs: no element inside)."""
        return all(type(child) is str for child in self.children)

    def is_link(self) -> bool:
        return self.tag == "a" and "href" in self.attributes

    def is_heading(self) -> bool:
        """A heading by its tag, or an element a site's template names as a title."""
        if self.tag in _HEADING_TAGS:
            return True
        names = f"{self.attribute('class')} {self.attribute('id')}".lower()
        return "title" in names

    def is_innermost_table(self) -> bool:
        return self.tag == "table" and not self.has_table


class Page:
    """A page's visible tree, its ``<title>`` and its ``<meta name=… content=…>`` pairs."""

    def __init__(self, root: Element, title: str, metas: dict[str, str], elements: list[Element]) -> None:
        self.root = root
        self.title = title
        self.metas = metas
        self.elements = elements  # every element, in document order

    @property
    def body(self) -> Element:
        for child in self.root.elements():
            if child.tag == "html":
                return next((e for e in child.elements() if e.tag == "body"), child)
        return self.root


def parse_page(text: str) -> Page:
    """Parse a page's text into its visible tree, measured."""
    parser = LexborHTMLParser(text)
    builder = _Builder(
        footnote_links="Reference" in text or "#_ftn" in text or "#_edn" in text,
        boxed=_boxes(parser, text),
    )
    if parser.root is not None:
        if _MAY_HIDE.search(text) or "&#" in text:  # a page without these words hides nothing
            _remove_hidden(parser.root)
            if "<style" in text or "<STYLE" in text:
                _remove_hidden_by_class(parser)
        builder.build(parser.root)
    _measure(builder.elements)
    return Page(builder.elements[0], builder.title, builder.metas, builder.elements)


def _remove_hidden(root: LexborNode) -> None:
    """Take out the elements the ``hidden`` attribute or an inline style hides — the innermost
    first, so that no element is removed after an ancestor took it along."""
    for node in reversed(root.css(_MAYBE_HIDDEN)):
        if _hidden(node.attributes):
            node.decompose()


class _Gap:
    """A space the builder adds after a run laid out as a box of its own (see :func:`_boxes`)."""

    tag = "-text"
    text_content = " "


_GAP = cast("LexborNode", _Gap())
#: What lays a run out as a box of its own: its own style (a flex item, an inline block, a cell)
#: or its parent's (a flex or grid container). Looked for only where the page's text has the words.
_BOXED_RUNS = 'span[style*="flex:" i], span[style*="inline-block" i], span[style*="table-cell" i]'
_BOX_CONTAINERS = '[style*="flex" i], [style*="grid" i]'


def _boxes(parser: LexborHTMLParser, text: str) -> frozenset[int]:
    """The runs a page lays out as boxes of their own — flex items, inline blocks, cells, the
    children of a flex or grid container — whose text joins no neighbour's (``<span
    style="flex:1">12</span>`` beside another is two cells, not 12 run into the next number);
    by their nodes' ids."""
    if parser.root is None:
        return frozenset()
    runs: set[int] = set()
    if "flex:" in text or "inline-block" in text or "table-cell" in text:
        runs.update(node.mem_id for node in parser.css(_BOXED_RUNS))
    if "flex" in text or "grid" in text:
        for container in parser.css(_BOX_CONTAINERS):
            if _CONTAINER.search(container.attributes.get("style") or ""):
                runs.update(child.mem_id for child in container.iter() if child.tag in _RUNS)
    return frozenset(runs)


#: A flex or grid container's style: its children are boxes.
_CONTAINER = re.compile(r"display\s*:\s*(?:inline-)?(?:flex|grid)", re.IGNORECASE)


def _remove_hidden_by_class(parser: LexborHTMLParser) -> None:
    """Take out the elements of a class the page's style sheets hide (``.hid{display:none}``);
    only plain class selectors are read."""
    classes: set[str] = set()
    for style in parser.css("style"):
        sheet = style.text(deep=True)
        if not _HIDING.search(sheet):
            continue
        for rule in sheet.split("}"):  # rule by rule: selectors { declarations
            selectors, brace, body = rule.partition("{")
            if brace and _HIDING.search(body):
                for selector in selectors.split(","):
                    if (found := _CLASS_SELECTOR.match(selector)) is not None:
                        classes.add(found.group(1))
    for name in sorted(classes):
        for node in reversed(parser.css(f".{name}")):
            node.decompose()


def _unread(node: LexborNode, tag: str) -> bool:
    """Whether an element's text is no text of the page's: struck out, or a footnote's mark."""
    if tag in _STRUCK:
        return True
    if tag in _MARK_TAGS:
        return len((node.text(deep=True) or "").strip()) <= _LONGEST_MARK
    attributes = node.attributes
    if _NOTE_REFERENCE.search(attributes.get("class") or ""):
        return True
    return tag == "a" and (attributes.get("href") or "").startswith(("#_ftn", "#_edn"))


def text_of(element: Element) -> str:
    """All the text under an element, white space squeezed out (to compare, not to show)."""
    parts: list[str] = []
    for child in element.children:  # most cells: text, or paragraphs of text (Word-pasted)
        if type(child) is str:
            parts.append(child)
        elif isinstance(child, Element) and child.holds_text_only():
            parts.extend(cast("list[str]", child.children))
        else:
            break
    else:
        return _SPACE.sub("", "".join(parts))
    parts = []
    pending: list[Element | str] = [element]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            parts.append(item)
        else:
            pending.extend(reversed(item.children))
    return _SPACE.sub("", "".join(parts))


class _Builder:
    """Builds the visible tree from the parser's, in document order, with an explicit stack."""

    def __init__(self, footnote_links: bool = False, boxed: frozenset[int] = frozenset()) -> None:
        #: the runs laid out as boxes of their own, by their nodes' ids (see :func:`_boxes`)
        self.boxed = boxed
        #: the tags whose elements may be no text of the page's (see _unread); links and spans
        #: only on a page with Word's footnote references (a Word-pasted page has thousands)
        self.unread_candidates = _UNREAD_CANDIDATES | (_NOTE_LINKS if footnote_links else frozenset())
        self.elements = [Element("#document", {})]
        self.title = ""
        self.metas: dict[str, str] = {}

    def build(self, root: LexborNode) -> None:
        """Walk the parser's tree in document order, each element's children in turn from a
        stack of their iterators; a node's content goes to the element its parent's content
        went to (a styled run's, to its parent's; an unseen element's, nowhere)."""
        stack: list[tuple[Iterator[LexborNode], Element, int]] = [(iter((root,)), self.elements[0], 0)]
        while stack:
            nodes, element, depth = stack.pop()
            for node in nodes:
                tag = node.tag or "_"
                if tag == "-text":
                    element.children.append(node.text_content or "")
                    continue
                if tag in _SPECIAL or tag[0] in "_!#":
                    self._special(node, tag)
                    continue
                if tag in self.unread_candidates and _unread(node, tag):
                    continue
                stack.append((nodes, element, depth))  # the rest of this element's children
                if tag in _RUNS or depth >= MAX_DEPTH:
                    if self.boxed and tag in _RUNS and node.mem_id in self.boxed:
                        element.children.append(" ")  # a box of its own: its text joins no other's
                        stack.append((iter((_GAP,)), element, depth))
                    stack.append((node.iter(include_text=True), element, depth))
                else:
                    child = Element(tag, node.attributes)
                    element.children.append(child)
                    self.elements.append(child)
                    stack.append((node.iter(include_text=True), child, depth + 1))
                break

    def _special(self, node: LexborNode, tag: str) -> None:
        """Keep what the page's unseen parts say about it: its title and its named metadata
        (the first of each: a page pasted into another keeps its own further down)."""
        if tag == "title" and not self.title:
            self.title = _SPACE.sub(" ", node.text(deep=True)).strip()
        elif tag == "meta":
            key = (node.attributes.get("name") or node.attributes.get("property") or "").lower()
            if key and key not in self.metas:
                self.metas[key] = _SPACE.sub(" ", node.attributes.get("content") or "").strip()
        elif tag == "head":
            for child in node.iter():
                if child.tag in ("title", "meta"):
                    self._special(child, child.tag or "")


def _hidden(attributes: dict[str, str | None]) -> bool:
    if "hidden" in attributes:
        return True
    style = (attributes.get("style") or "").lower()
    if "none" not in style and "hid" not in style:  # most styles say neither: no need to look
        return False
    return bool(_HIDING_STYLE.search(_SPACE.sub("", style)))


def _measure(elements: list[Element]) -> None:
    """Every element's measures, from its text and its children's (document order backwards,
    so that children come first), and what the element is adds to them: a link's text is link
    text, with no sentences of the page's own; a cell may hold a number; a table may be one of
    numbers."""
    for order, element in enumerate(elements):
        element.order = element.last = order
    for element in reversed(elements):
        chars = link_chars = marks = numeric_cells = report_tables = 0
        has_table = False
        for child in element.children:
            if type(child) is str:
                if not child.isspace():
                    text = child.strip()
                    chars += len(text)
                    marks += sum(map(text.count, _MARKS))
                continue
            assert isinstance(child, Element)
            chars += child.chars
            link_chars += child.link_chars
            marks += child.marks
            numeric_cells += child.numeric_cells
            report_tables += child.report_tables
            has_table = has_table or child.has_table or child.tag == "table"
            element.last = child.last
        tag = element.tag
        if element.is_link():
            link_chars, marks = chars, 0
        elif tag in ("td", "th") and chars <= _NUMBER_CHARS:
            numeric_cells += bool(_NUMBER.fullmatch(text_of(element)))
        elif tag == "table" and not has_table and numeric_cells >= 3:
            report_tables += 1
        element.chars, element.link_chars, element.marks = chars, link_chars, marks
        element.numeric_cells, element.report_tables = numeric_cells, report_tables
        element.has_table = has_table
