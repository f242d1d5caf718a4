"""PDF files read from their text layer's geometry.

Every character of the text layer comes with its box, and a table's borders are drawn as lines;
from those alone the reader rebuilds what a text extractor loses: paragraphs wrapped over lines
(and over a page break), and tables as grids of cells with their merged cells — a label wrapped
inside its cell stays that cell's text, a table continued on the next page stays one table, a
table drawn without lines is read by the alignment of its numbers and headers. Page numbers and
running headers and footers are left out. A table the page's edge cuts off keeps what the page
shows; the cells past the edge are left blank, and the document says so in a note.

The steps, a module each: :mod:`.pdf_page` (characters and ruling lines through pdfium),
:mod:`.pdf_tables` (ruled tables), :mod:`.pdf_lines` and :mod:`.pdf_cells` (lines and cell
text), :mod:`.pdf_layout` (a page's tables and lines, its furniture), :mod:`.pdf_aligned`
(tables without lines), :mod:`.pdf_joins` (tables over a page break), :mod:`.pdf_flow`
(paragraphs and the blocks in reading order).

A scan (pictures of pages without a text layer) needs OCR first; an encrypted, damaged or
truncated file, or one past the size or page limit, is refused with a :class:`DocumentError`
that names the file.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence

import attrs
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..diagnostics import CATALOGUE
from ..errors import DocumentError
from ..model import Location
from .document import Block, Document, Table
from .pdf_flow import as_blocks, document_blocks, without_boxes
from .pdf_layout import PageLayout, drop_furniture, find_aligned_tables, lay_out_page
from .pdf_page import PageContent, pages_on_sheet, read_page
from .pdf_tables import DrawnTable

#: The most pages a PDF may have to be read.
MAX_PAGES = 200
#: The largest PDF (bytes) that is read.
MAX_BYTES = 100 * 1024 * 1024
#: How far from its end a complete PDF has its end-of-file mark.
_TAIL = 4096

Note = tuple[str, tuple[tuple[str, str], ...]]
#: The note a table cut off by the page's edge leaves: which table (counting from 1) on which pages.
CLIPPED = "pdf-table-clipped"
#: The note pages shown sideways or upside down leave: which pages were read turned.
TURNED = "pdf-page-turned"
#: The note sheets that print two pages side by side leave: which sheets were read as two pages.
SPLIT = "pdf-sheet-split"


def read(data: bytes, name: str) -> Document:
    """Read a PDF's paragraphs and tables from its text layer and its ruling lines."""
    document = document_of(data, name)
    return attrs.evolve(document, notes=_known(document.notes))


def document_of(data: bytes, name: str) -> Document:
    """The PDF as a :class:`Document`, with every note the reader makes (:func:`read` passes on
    those the diagnostics catalogue knows)."""
    _check_size(data, name)
    document = _open(data, name)
    try:
        title = _title(document)
        sheets = _pages(document, name)
    finally:
        document.close()
    pages = sheets.pages
    drop_furniture(pages)
    find_aligned_tables(pages)
    if not any(page.lines or page.tables for page in pages):  # page numbers alone do not count
        raise DocumentError(
            f"{name}: the PDF has no text layer (a scan?); it needs OCR before it can be read"
        )
    blocks = document_blocks(pages)
    for block in blocks:
        if isinstance(block, DrawnTable):
            block.finish()
    blocks = without_boxes(blocks)
    tables = [b for b in blocks if isinstance(b, DrawnTable)]
    notes = (*sheets.notes(), *_clipped_notes(tables, sheets))
    return Document("pdf", sheets.located(as_blocks(blocks)), title, notes)


def _known(notes: Sequence[Note]) -> tuple[Note, ...]:
    """The notes whose codes the diagnostics catalogue lists: a note it does not know yet is left
    out rather than break the parse."""
    return tuple(note for note in notes if note[0] in CATALOGUE)


def _check_size(data: bytes, name: str) -> None:
    if len(data) > MAX_BYTES:
        megabytes = len(data) / (1024 * 1024)
        raise DocumentError(f"{name}: the PDF is {megabytes:.0f} MB, past the limit of {MAX_BYTES >> 20} MB")
    if b"%%EOF" not in data[-_TAIL:]:
        raise DocumentError(f"{name}: the PDF is truncated or damaged (it has no end-of-file mark)")


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD:
            raise DocumentError(f"{name}: the PDF is encrypted and needs a password to be read") from exc
        raise DocumentError(f"{name}: the PDF is damaged and cannot be read ({exc})") from exc
    count = len(document)
    if count > MAX_PAGES:
        document.close()
        raise DocumentError(f"{name}: the PDF has {count} pages, past the limit of {MAX_PAGES}")
    if count == 0:
        document.close()
        raise DocumentError(f"{name}: the PDF has no pages")
    return document


class _Sheets:
    """The pages read from the PDF's sheets, numbered in reading order, and where each stands on
    its sheet: a sheet with two pages side by side gives two. Locations are told in the file's
    own terms, its sheet and the position on it."""

    def __init__(self) -> None:
        self.pages: list[PageLayout] = []
        #: page number (reading order, from 1) -> (sheet number, where the page begins on it)
        self.places: dict[int, tuple[int, float, float]] = {}
        self.turned: list[int] = []
        self.split: list[int] = []

    def add(self, content: PageContent) -> None:
        if content.turned:
            self.turned.append(content.number)
        on_sheet = pages_on_sheet(content)
        if len(on_sheet) > 1:
            self.split.append(content.number)
        for page in on_sheet:
            number = len(self.pages) + 1
            self.places[number] = (content.number, page.sheet_left, page.sheet_top)
            self.pages.append(lay_out_page(page._replace(number=number)))

    def notes(self) -> tuple[Note, ...]:
        notes: list[Note] = []
        if self.turned:
            notes.append((TURNED, (("pages", ", ".join(map(str, self.turned))),)))
        if self.split:
            notes.append((SPLIT, (("pages", ", ".join(map(str, self.split))),)))
        return tuple(notes)

    def located(self, blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        """The blocks with their locations on the file's sheets (where a sheet was split)."""
        if not self.split:
            return blocks
        return tuple(
            attrs.evolve(
                block,
                location=self._on_sheet(block.location),
                rows=tuple(
                    tuple(attrs.evolve(cell, location=self._on_sheet(cell.location)) for cell in row)
                    for row in block.rows
                ),
            )
            if isinstance(block, Table)
            else attrs.evolve(block, location=self._on_sheet(block.location))
            for block in blocks
        )

    def _on_sheet(self, where: Location) -> Location:
        if where.page is None:
            return where
        sheet, left, top = self.places[where.page]
        x = None if where.x is None else round(where.x + left, 1)
        y = None if where.y is None else round(where.y + top, 1)
        return attrs.evolve(where, page=sheet, x=x, y=y)


def _pages(document: pdfium.PdfDocument, name: str) -> _Sheets:
    """The pages of every sheet, laid out."""
    sheets = _Sheets()
    try:
        with _collector_paused():
            for index in range(len(document)):
                sheets.add(read_page(document, index))
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"{name}: a page of the PDF is damaged and cannot be read ({exc})") from exc
    return sheets


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the pages are read: a page's characters are
    thousands of small tuples, none in a cycle, and the collector would scan them over and
    over as they pile up (a tenth of the time of a long PDF). It runs again afterwards as
    usual; a collector already paused by the caller stays paused."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _title(document: pdfium.PdfDocument) -> str | None:
    """The title the file declares in its properties, if any."""
    try:
        title = str(document.get_metadata_value("Title")).strip()
    except (pdfium.PdfiumError, KeyError, ValueError):
        return None
    return title or None


def _clipped_notes(tables: Sequence[DrawnTable], sheets: _Sheets) -> tuple[Note, ...]:
    """Cells a page's edge cuts off lose what they printed beyond it (their text is left out
    rather than read short): the document says which tables lost cells on which pages."""
    notes: list[Note] = []
    for position, table in enumerate(tables, start=1):
        pages = sorted({sheets.places[cell.page][0] for cell in table.cells if cell.clipped})
        if pages:
            notes.append((CLIPPED, (("position", str(position)), ("pages", ", ".join(map(str, pages))))))
    return tuple(notes)
