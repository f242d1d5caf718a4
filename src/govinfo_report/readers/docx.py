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

from collections.abc import Iterator

from lxml import etree

from .document import Block, Document, Paragraph
from .docx_numbering import Numbering
from .docx_package import Package
from .docx_tables import TableTags, cells, flattened, is_layout, read_table, rows

__all__ = ["read"]

_MARKUP_COMPATIBILITY = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"
_OFF = frozenset({"0", "false", "off"})

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


#: The elements of the main document the reader looks for, by their names in Word's namespace.
_ELEMENTS = (
    "body p r t tab ptab br cr noBreakHyphen softHyphen sym fldChar pPr rPr vanish specVanish "
    "hyperlink ins moveTo smartTag customXml fldSimple dir bdo sdt sdtContent txbxContent "
    "drawing pict object ruby rubyBase tbl altChunk"
)


def _tags(w: str) -> dict[str, str]:
    """Every element name the reader looks for, in the namespace the document uses (Word's usual
    one, or strict Office Open XML's)."""
    return {name: f"{w}{name}" for name in _ELEMENTS.split()}


class _Reader:
    """One reading of a document's body, in document order: the list counters and the field
    being read (a field's instruction is hidden, its result shown) carry from one paragraph to
    the next."""

    def __init__(self, w: str, numbering: Numbering) -> None:
        self.w = w
        self.tag = _tags(w)
        self.table_tags = TableTags.of(w)
        self.numbering = numbering
        self.tables = 0
        self.embedded_chunks = 0
        self._fields: list[bool] = []  # one entry per open field: True while in its instruction
        self._hidden = False
        tag = self.tag
        self._block_wrappers = frozenset(
            {tag["customXml"], tag["ins"], tag["moveTo"], tag["smartTag"], tag["sdtContent"]}
        )
        self._inline_wrappers = frozenset(
            {
                tag["hyperlink"],
                tag["ins"],
                tag["moveTo"],
                tag["smartTag"],
                tag["customXml"],
                tag["fldSimple"],
                tag["dir"],
                tag["bdo"],
                tag["sdtContent"],
                tag["rubyBase"],
            }
        )
        self._pictures = frozenset({tag["drawing"], tag["pict"], tag["object"]})

    # --- blocks ---------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[Block]:
        """The paragraphs and tables of a body, a text box or a frame's cell."""
        for item in self._items(container):
            if isinstance(item, str):
                yield Paragraph(item)
            else:
                yield from self._table(item)

    def _items(self, container: etree._Element) -> Iterator[str | etree._Element]:
        """A container's paragraphs as text and its tables as elements, in order: what content
        controls, custom XML and inserted revisions wrap read in place, deleted content left out."""
        tag = self.tag
        for child in container:
            if child.tag == tag["p"]:
                yield from self._paragraph(child)
            elif child.tag == tag["tbl"]:
                yield child
            elif child.tag in self._block_wrappers:
                yield from self._items(child)
            elif child.tag == tag["sdt"]:
                content = child.find(tag["sdtContent"])
                if content is not None:
                    yield from self._items(content)
            elif child.tag == f"{_MARKUP_COMPATIBILITY}AlternateContent":
                yield from self._items_of_branch(child)
            elif child.tag == tag["altChunk"]:
                self.embedded_chunks += 1

    def _items_of_branch(self, alternate: etree._Element) -> Iterator[str | etree._Element]:
        branch = _branch(alternate)
        if branch is not None:
            yield from self._items(branch)

    def _table(self, table: etree._Element) -> Iterator[Block]:
        """A data table as a grid; a table framing the page read as the blocks its cells hold."""
        tags = self.table_tags
        if is_layout(table, tags):
            for row in rows(table, tags):
                for cell in cells(row, tags):
                    yield from self.blocks(cell)
            return
        grid = read_table(table, self.tables, tags, self._cell_text)
        if grid is not None:
            self.tables += 1
            yield grid

    def _cell_text(self, cell: etree._Element) -> str:
        """A cell's paragraphs, one a line; a table inside the cell a line per row."""
        lines: list[str] = []
        for item in self._items(cell):
            if isinstance(item, str):
                lines.append(item)
            else:
                lines.extend(flattened(item, self.table_tags, self._cell_text))
        return "\n".join(line for line in lines if line.strip())

    # --- paragraphs -----------------------------------------------------------------------------

    def _paragraph(self, paragraph: etree._Element) -> Iterator[str | etree._Element]:
        """A paragraph's text, its list label in front; then what its text boxes hold."""
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(paragraph, pieces, boxes)
        if self._fields and self._fields[-1]:  # an instruction never closed: the field is broken
            self._fields = [False for _ in self._fields]
            self._hidden = False
        properties = paragraph.find(self.tag["pPr"])
        label = self.numbering.label(properties) if self.numbering else ""
        text = label + "".join(pieces)
        if text.strip():
            yield text
        for box in boxes:
            yield from self._items(box)

    def _inline(self, element: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        """The text of a paragraph's content (runs, links, fields, controls) into ``pieces``; the
        text boxes met on the way into ``boxes``."""
        tag = self.tag
        for child in element:
            if child.tag == tag["r"]:
                self._run(child, pieces, boxes)
            elif child.tag in self._inline_wrappers:
                self._inline(child, pieces, boxes)
            elif child.tag == tag["sdt"]:
                content = child.find(tag["sdtContent"])
                if content is not None:
                    self._inline(content, pieces, boxes)
            elif child.tag == f"{_MARKUP_COMPATIBILITY}AlternateContent":
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, pieces, boxes)
            elif child.tag in (f"{_MATH}oMath", f"{_MATH}oMathPara") and not self._hidden:
                pieces.append("".join(t.text or "" for t in child.iter(f"{_MATH}t")))

    def _run(self, run: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        tag = self.tag
        for child in run:
            name = child.tag
            if name == tag["fldChar"]:
                self._field(child.get(f"{self.w}fldCharType"))
            elif self._hidden:
                continue
            elif name == tag["t"]:
                pieces.append(child.text or "")
            elif name == tag["rPr"]:
                if self._vanished(child):
                    return
            elif name in (tag["tab"], tag["ptab"]):
                pieces.append("\t")
            elif name in (tag["br"], tag["cr"]):
                pieces.append("\n")
            else:
                self._special(child, pieces, boxes)

    def _special(self, child: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
        """The rarer run content: hyphens, symbols, text boxes in drawings, ruby text's base."""
        tag = self.tag
        name = child.tag
        if name == tag["noBreakHyphen"]:
            pieces.append("-")
        elif name == tag["sym"]:
            pieces.append(_symbol(child, self.w))
        elif name in self._pictures or name == f"{_MARKUP_COMPATIBILITY}AlternateContent":
            boxes.extend(_text_boxes(child, tag["txbxContent"]))
        elif name == tag["ruby"]:
            base = child.find(tag["rubyBase"])
            if base is not None:
                self._inline(base, pieces, boxes)

    def _vanished(self, properties: etree._Element) -> bool:
        """Whether a run is hidden text (``w:vanish``), which Word does not show."""
        for name in ("vanish", "specVanish"):
            mark = properties.find(self.tag[name])
            if mark is not None and (mark.get(f"{self.w}val") or "true").lower() not in _OFF:
                return True
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
    root = package.xml(path)
    w = "" if root is None else _namespace(root)
    body = None if root is None else root.find(f"{w}body")
    if body is None:
        raise package.error(f"{path} has no document body: not a Word document")
    styles = package.xml(package.related(path, "styles") or "word/styles.xml")
    numbering = package.xml(package.related(path, "numbering") or "word/numbering.xml")
    reader = _Reader(w, Numbering(numbering, styles, w))
    blocks = tuple(reader.blocks(body))
    if not blocks and reader.embedded_chunks:
        raise package.error(
            "the document's content is embedded from another format (altChunk), which is not read; "
            "open it in Word and save it again"
        )
    return Document("docx", blocks, _title(package))
