"""Word files (``.docx``) read from their own structure: the paragraphs and tables of the main
document part, in the order Word shows them.

The reader takes ``word/document.xml`` straight from the zip: paragraphs (their runs' text, text
boxes, the displayed results of fields, inserted revisions kept and deleted ones dropped, the
list labels Word generates restored), and tables as grids with their merged cells expanded, so
the table reader takes each cell as Word drew it. Headers, footers, footnotes and comments live
in other parts and are left out; the title is the file's title property.

Damaged, encrypted and oversized files end in a :class:`~govinfo_report.errors.DocumentError`
(see :mod:`.docx_package`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from lxml import etree

from .document import Block, Document, Paragraph
from .docx_numbering import Numbering, styles_may_number
from .docx_package import Package
from .docx_tables import MAX_PLACES, TableTags, TableTooLarge, cells, flattened, is_layout, read_table, rows

__all__ = ["read"]


class _Sink(NamedTuple):
    """Where a container's content goes as it is read, in document order: each paragraph's text,
    and each table (a grid of its own in a body, lines of text inside a cell)."""

    paragraph: Callable[[str], None]
    table: Callable[[etree._Element], None]


_MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"
_OFF = frozenset({"0", "false", "off"})
#: How far (half points) a run set above or below the line is raised, at least, to be a mark.
_RAISED = 6
#: The longest a raised run is to be a footnote's mark (¹, [1], 注1).
_LONGEST_MARK = 4

#: Characters of the symbol fonts (``w:sym`` in the private-use area) that have a Unicode twin.
_SYMBOLS = {
    ("symbol", 0xB7): "•",
    ("symbol", 0xD7): "×",
    ("symbol", 0xB1): "±",
    ("symbol", 0xA3): "≤",
    ("symbol", 0xB3): "≥",
    ("symbol", 0xB9): "≠",
    ("symbol", 0xAE): "→",
    ("symbol", 0xB0): "°",
    ("wingdings", 0x9F): "•",
    ("wingdings", 0x6C): "●",
    ("wingdings", 0xA7): "▪",
    ("wingdings", 0xA8): "□",
    ("wingdings", 0xD8): "➢",
    ("wingdings", 0xFC): "✓",
    ("wingdings", 0xFD): "☒",
    ("wingdings", 0xFE): "☑",
}


class _Reader:
    """One reading of a document's body, in document order: the list counters and the field
    being read (a field's instruction is hidden, its result shown) carry from one paragraph to
    the next.

    ``numbered`` holds the paragraphs that may carry a list label (None: any may). A plain
    document (:func:`_plain_texts`) comes with every paragraph's text read beforehand; any other
    is read run by run."""

    def __init__(
        self,
        w: str,
        numbering: Numbering,
        numbered: set[etree._Element] | None = None,
        plain_texts: dict[etree._Element, str] | None = None,
        unread_styles: frozenset[str] = frozenset(),
    ) -> None:
        self.w = w
        #: the character styles whose runs are no text of the document's (see :func:`_unread_styles`)
        self.unread_styles = unread_styles
        self.table_tags = TableTags.of(w)
        self.numbering = numbering
        self.tables = 0
        self.places = 0
        self.embedded_chunks = 0
        self._numbered = numbered
        self._plain_texts = plain_texts
        self._fields: list[bool] = []  # one entry per open field: True while in its instruction
        self._hidden = False
        self._p, self._tbl, self._r, self._t = f"{w}p", f"{w}tbl", f"{w}r", f"{w}t"
        self._properties, self._run_properties = f"{w}pPr", f"{w}rPr"
        self._sdt, self._sdt_content = f"{w}sdt", f"{w}sdtContent"
        self._field_char = f"{w}fldChar"
        self._block_wrappers = frozenset(f"{w}{name}" for name in ("customXml", "ins", "moveTo", "smartTag"))
        self._inline_wrappers = frozenset(
            f"{w}{name}"
            for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
        )
        self._run_text = {f"{w}tab": "\t", f"{w}ptab": "\t", f"{w}br": "\n", f"{w}cr": "\n"}
        self._run_text[f"{w}noBreakHyphen"] = "-"
        self._pictures = frozenset(
            {f"{w}drawing", f"{w}pict", f"{w}object", f"{_MARKUP_COMPATIBILITY}AlternateContent"}
        )
        #: run properties that make a run's text none of the document's: hidden, struck out, or
        #: raised or lowered (a footnote's mark, which would join the digits before it)
        self._unread_marks = _unread_mark_tags(w)
        self._position = f"{w}position"

    # --- blocks ---------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> list[Block]:
        """The paragraphs and tables of a body, a text box or a frame's cell."""
        blocks: list[Block] = []
        self._items(
            container,
            _Sink(
                lambda text: blocks.append(Paragraph(text)), lambda table: blocks.extend(self._table(table))
            ),
        )
        return blocks

    def _items(self, container: etree._Element, sink: _Sink) -> None:
        """A container's paragraphs and tables, in order, into ``sink``: what content controls,
        custom XML and inserted revisions wrap read in place, deleted content left out."""
        paragraph, table, wrappers = self._p, self._tbl, self._block_wrappers
        for child in container:
            tag = child.tag
            if tag == paragraph:
                self._paragraph(child, sink)
            elif tag == table:
                sink.table(child)
            elif tag in wrappers:
                self._items(child, sink)
            else:
                self._rare_block(child, sink)

    def _rare_block(self, child: etree._Element, sink: _Sink) -> None:
        """Content controls and alternative content around blocks; embedded foreign content
        (``w:altChunk``), which is counted, not read."""
        tag = child.tag
        if tag == self._sdt:
            content = child.find(self._sdt_content)
            if content is not None and not self._placeholder(child):
                self._items(content, sink)
        elif tag == f"{_MARKUP_COMPATIBILITY}AlternateContent":
            branch = _branch(child)
            if branch is not None:
                self._items(branch, sink)
        elif tag == f"{self.w}altChunk":
            self.embedded_chunks += 1

    def _table(self, table: etree._Element) -> list[Block]:
        """A data table as a grid; a table framing the page read as the blocks its cells hold."""
        tags = self.table_tags
        if is_layout(table, tags):
            return [
                block for row in rows(table, tags) for cell in cells(row, tags) for block in self.blocks(cell)
            ]
        grid = read_table(table, self.tables, tags, self._cell_text, MAX_PLACES - self.places)
        if grid is None:
            return []
        self.tables += 1
        self.places += len(grid.rows) * grid.width
        return [grid]

    def _cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs, one a line; a table inside the cell a line per row."""
        lines: list[str] = []
        self._items(
            cell,
            _Sink(
                lines.append, lambda table: lines.extend(flattened(table, self.table_tags, self._cell_text))
            ),
        )
        return "\n".join(line for line in lines if line.strip())

    # --- paragraphs -----------------------------------------------------------------------------

    def _paragraph(self, paragraph: etree._Element, sink: _Sink) -> None:
        """A paragraph's text, its list label in front; then what its text boxes hold."""
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        if self._plain_texts is not None:
            pieces.append(self._plain_texts.get(paragraph, ""))
        else:
            self._inline(paragraph, pieces, boxes)
        if self._fields and self._fields[-1]:  # an instruction never closed: the field is broken
            self._fields = [False for _ in self._fields]
            self._hidden = False
        label = ""
        if self.numbering and (self._numbered is None or paragraph in self._numbered):
            first = paragraph[0] if len(paragraph) else None
            label = self.numbering.label(
                first if first is not None and first.tag == self._properties else None
            )
        text = label + "".join(pieces)
        if text.strip():
            sink.paragraph(text)
        for box in boxes:
            self._items(box, sink)

    def _inline(self, element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        """The text of a paragraph's content (runs, links, fields, controls) into ``pieces``; the
        text boxes met on the way into ``boxes``."""
        run, wrappers = self._r, self._inline_wrappers
        for child in element:
            tag = child.tag
            if tag == run:
                self._run(child, pieces, boxes)
            elif tag in wrappers:
                self._inline(child, pieces, boxes)
            elif tag != self._properties:
                self._rare_inline(child, pieces, boxes)

    def _placeholder(self, control: etree._Element) -> bool:
        """Whether a content control shows its placeholder (单击或点击此处输入文字。, in grey):
        nothing was entered there."""
        return control.find(f"{self.w}sdtPr/{self.w}showingPlcHdr") is not None

    def _rare_inline(self, child: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        """Content controls, alternative content and equations inside a paragraph."""
        tag = child.tag
        if tag == self._sdt:
            content = child.find(self._sdt_content)
            if content is not None and not self._placeholder(child):
                self._inline(content, pieces, boxes)
        elif tag == f"{_MARKUP_COMPATIBILITY}AlternateContent":
            branch = _branch(child)
            if branch is not None:
                self._inline(branch, pieces, boxes)
        elif tag in (f"{_MATH}oMath", f"{_MATH}oMathPara") and not self._hidden:
            pieces.append("".join(t.text or "" for t in child.iter(f"{_MATH}t")))

    def _run(self, run: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        text, properties = self._t, self._run_properties
        start, raised = len(pieces), False
        for child in run:
            tag = child.tag
            if tag == text:
                if not self._hidden:
                    pieces.append(child.text or "")
            elif tag == properties:
                if self._vanished(child):
                    return
                raised = self._raised(child)
            else:
                self._run_content(child, pieces, boxes)
        if raised and len("".join(pieces[start:]).strip()) <= _LONGEST_MARK:
            del pieces[start:]  # a footnote's mark set by raising a short run (LibreOffice's <sup>)

    def _raised(self, properties: etree._Element) -> bool:
        """Whether a run is set well above or below the line (``w:position``, in half points):
        a short run so set is a footnote's mark."""
        position = properties.find(self._position)
        if position is None:
            return False
        try:
            return abs(int(position.get(f"{self.w}val") or 0)) >= _RAISED
        except ValueError:
            return False

    def _run_content(self, child: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        """What a run holds besides text: tabs and breaks, field marks, symbols, drawings with
        text boxes, ruby text's base."""
        tag = child.tag
        if tag == self._field_char:
            self._field(child.get(f"{self.w}fldCharType"))
            return
        if self._hidden:
            return
        simple = self._run_text.get(tag)
        if simple is not None:
            pieces.append(simple)
        elif tag == f"{self.w}sym":
            pieces.append(_symbol(child, self.w))
        elif tag in self._pictures:
            boxes.extend(_text_boxes(child, f"{self.w}txbxContent"))
        elif tag == f"{self.w}ruby":
            base = child.find(f"{self.w}rubyBase")
            if base is not None:
                self._inline(base, pieces, boxes)

    def _vanished(self, properties: etree._Element) -> bool:
        """Whether a run's text is none of the document's: hidden (``w:vanish``), which Word
        does not show; struck out (``w:strike``, ``w:dstrike``: a number corrected in place
        keeps its old one beside the new); raised or lowered (``w:vertAlign``: a footnote's
        mark) — by the run's own marks or its character style's. The run's own mark outweighs
        its style's."""
        said = _marks_unread(properties, self._unread_marks, self.w)
        if said is not None:
            return said
        if self.unread_styles:
            style = properties.find(f"{self.w}rStyle")
            return style is not None and style.get(f"{self.w}val") in self.unread_styles
        return False

    def _field(self, kind: str | None) -> None:
        """Follow a complex field: its instruction (between begin and separate) is hidden, its
        result (between separate and end) is what the document shows."""
        if kind == "begin":
            self._fields.append(True)
        elif kind == "separate" and self._fields:
            self._fields[-1] = False
        elif kind == "end" and self._fields:
            self._fields.pop()
        self._hidden = any(self._fields)


def _branch(alternate: etree._Element) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` to read — its first choice, else its fallback —
    so that content Word stores twice is read once."""
    choice = alternate.find(f"{_MARKUP_COMPATIBILITY}Choice")
    return choice if choice is not None else alternate.find(f"{_MARKUP_COMPATIBILITY}Fallback")


def _text_boxes(element: etree._Element, content: str) -> Iterator[etree._Element]:
    """The text boxes (``w:txbxContent``) in a drawing, each once: one branch of each
    ``mc:AlternateContent``; boxes inside a box are read with it."""
    if element.tag == content:
        yield element
        return
    if element.tag == f"{_MARKUP_COMPATIBILITY}AlternateContent":
        branch = _branch(element)
        if branch is not None:
            yield from _text_boxes(branch, content)
        return
    for child in element:
        yield from _text_boxes(child, content)


def _symbol(sym: etree._Element, w: str) -> str:
    """The character a ``w:sym`` shows: itself when it is a Unicode character, its twin when it
    is a symbol font's private character, else nothing."""
    try:
        code = int(sym.get(f"{w}char") or "", 16)
    except ValueError:
        return ""
    if code < 0xF000:
        return chr(code) if 0x20 <= code < 0xD800 or 0xE000 <= code <= 0xFFFD else ""
    font = (sym.get(f"{w}font") or "").lower().split()[0] if sym.get(f"{w}font") else ""
    return _SYMBOLS.get((font, code - 0xF000), "")


def _title(package: Package) -> str | None:
    """The title the file's core properties declare (``dc:title``)."""
    path = package.related("", "core-properties") or "docProps/core.xml"
    properties = package.xml(path)
    if properties is None:
        return None
    title = properties.find(f"{_DUBLIN_CORE}title")
    text = "" if title is None else "".join(title.itertext()).strip()
    return text or None


#: What makes a document's paragraphs more than their text elements, as local names by namespace.
_NOT_PLAIN = (
    "del moveFrom fldChar instrText vanish specVanish strike dstrike vertAlign position txbxContent"
    " sym ruby showingPlcHdr",
    ((_MARKUP_COMPATIBILITY, "AlternateContent"), (_MATH, "oMath"), (_MATH, "oMathPara")),
)


def _plain_texts(root: etree._Element, w: str) -> dict[etree._Element, str] | None:
    """Every paragraph's text, read in one pass over the document's text elements — when the
    document is plain: no revisions, fields, hidden text, text boxes, symbols, equations or
    alternative content anywhere (most reports), so that a paragraph's text is just its text
    elements, tabs and breaks in order. None for any other document."""
    names = [f"{w}{name}" for name in _NOT_PLAIN[0].split()]
    names += [f"{namespace}{name}" for namespace, name in _NOT_PLAIN[1]]
    if next(root.iter(*names), None) is not None:
        return None
    paragraph_tag, text_tag, tab_stops = f"{w}p", f"{w}t", f"{w}tabs"
    simple = {f"{w}tab": "\t", f"{w}ptab": "\t", f"{w}br": "\n", f"{w}cr": "\n", f"{w}noBreakHyphen": "-"}
    pieces: dict[etree._Element, list[str]] = {}
    current: list[str] = []
    for element in root.iter(paragraph_tag, text_tag, *simple):
        tag = element.tag
        if tag == text_tag:
            current.append(element.text or "")
        elif tag == paragraph_tag:
            current = pieces[element] = []
        elif element.getparent().tag != tab_stops:  # a paragraph's tab stops are no tabs
            current.append(simple[tag])
    return {paragraph: "".join(texts) for paragraph, texts in pieces.items()}


def _lists(package: Package, path: str, body: etree._Element, w: str) -> Numbering:
    """The document's lists, from its numbering part and — when a paragraph's style may number
    it — its styles (a large part, often the largest after the document, so read only then)."""
    numbering_path = package.related(path, "numbering") or "word/numbering.xml"
    numbering = package.read(numbering_path)
    if not numbering:
        return Numbering(None, None, w)
    styles_path = package.related(path, "styles") or "word/styles.xml"
    styles = package.read(styles_path)
    if styles and not styles_may_number(styles, numbering, body, w):
        styles = None
    if styles is None and next(body.iter(f"{w}numPr"), None) is None:
        return Numbering(None, None, w)
    return Numbering(
        package.parse(numbering, numbering_path),
        package.parse(styles, styles_path) if styles else None,
        w,
    )


def _unread_styles(package: Package, path: str, body: etree._Element, w: str) -> frozenset[str]:
    """The ids of the character styles whose runs are none of the document's text: styles that
    hide them (``w:vanish``: a template's style for notes, an old number kept out of sight),
    strike them out, or raise or lower them (a footnote reference's style), in the style or a
    style it is based on. Read only where a run names a style and the styles do any of it."""
    if next(body.iter(f"{w}rStyle"), None) is None:
        return frozenset()
    styles_path = package.related(path, "styles") or "word/styles.xml"
    styles = package.read(styles_path)
    if not styles or not any(word in styles for word in (b"vanish", b"strike", b"vertAlign")):
        return frozenset()
    own: dict[str, bool | None] = {}
    based_on: dict[str, str] = {}
    for style in package.parse(styles, styles_path).iter(f"{w}style"):
        name = style.get(f"{w}styleId")
        if name is None:
            continue
        own[name] = _style_mark(style, w)
        parent = style.find(f"{w}basedOn")
        if parent is not None and parent.get(f"{w}val"):
            based_on[name] = parent.get(f"{w}val") or ""
    return frozenset(name for name in own if _style_hides(name, own, based_on))


def _style_mark(style: etree._Element, w: str) -> bool | None:
    """Whether a style's own run properties make its runs unread (see :func:`_unread_styles`):
    True or False where it says, None where it leaves it to the style it is based on."""
    properties = style.find(f"{w}rPr")
    if properties is None:
        return None
    return _marks_unread(properties, _unread_mark_tags(w), w)


def _unread_mark_tags(w: str) -> tuple[str, ...]:
    """The run properties that can make a run's text none of the document's."""
    return (f"{w}vanish", f"{w}specVanish", f"{w}strike", f"{w}dstrike", f"{w}vertAlign")


def _marks_unread(properties: etree._Element, tags: tuple[str, ...], w: str) -> bool | None:
    """Whether run properties make the run's text unread — hidden, struck out, raised or
    lowered: True as soon as one mark is on, False where marks are there and all off, None
    where there are none (the style decides)."""
    said: bool | None = None
    for mark in properties.iterchildren(*tags):
        value = mark.get(f"{w}val")
        if mark.tag == f"{w}vertAlign":
            on = value in ("superscript", "subscript")
        else:
            on = (value or "true").lower() not in _OFF
        if on:
            return True
        said = False
    return said


def _style_hides(name: str, own: dict[str, bool | None], based_on: dict[str, str]) -> bool:
    """Whether a style hides its runs: its own mark, else the nearest style it is based on that
    has one (a loop of styles based on each other hides nothing)."""
    seen: set[str] = set()
    current: str | None = name
    while current is not None and current not in seen:
        seen.add(current)
        mark = own.get(current)
        if mark is not None:
            return mark
        current = based_on.get(current)
    return False


def _namespace(root: etree._Element) -> str:
    tag = root.tag if isinstance(root.tag, str) else ""
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def read(data: bytes, name: str) -> Document:
    """Read a Word file's bytes into a :class:`Document` (kind ``"docx"``).

    Raises :class:`~govinfo_report.errors.DocumentError` for a file that is not a Word file, is
    damaged or encrypted, or passes the size limits.
    """
    package = Package(data, name)
    path = package.main_document()
    root = package.parse(package.read(path) or b"", path)
    w = _namespace(root)
    body = root.find(f"{w}body")
    if body is None:
        raise package.error(f"{path} has no document body: not a Word document")
    lists = _lists(package, path, body, w)
    unread = _unread_styles(package, path, body, w)
    plain = None if unread else _plain_texts(body, w)
    reader = _Reader(w, lists, lists.numbered_paragraphs(body), plain, unread)
    try:
        blocks = tuple(reader.blocks(body))
    except TableTooLarge as exc:
        raise package.error(str(exc)) from exc
    if not blocks and reader.embedded_chunks:
        raise package.error(
            "the document's content is embedded from another format (altChunk), which is not read; "
            "open it in Word and save it again"
        )
    return Document("docx", blocks, _title(package))
