"""A document's blocks laid out as the text the reading stages read, its tables kept as tables.

Paragraphs become lines of text — the outline, the title and the prose are read from them as
from any text. Each table becomes one line per row too (its cells tab-separated, so a reader of
the text alone would still find it), but the grid stage takes the table's own cells for those
lines: the cell boundaries and merged cells the document drew are never guessed again from text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from ..model import TABLE_IDS, Cell, Location, Report
from ..readers.document import NOWHERE, Document, Paragraph, Table, TableCell
from .items import is_blank_mark
from .normalize import normalize


@attrs.frozen
class PlacedTable:
    """A document table, its cells normalised, and the lines of the laid-out text it stands on."""

    table: Table
    first_line: int
    last_line: int


@attrs.frozen
class LaidOut:
    """The text of a document's blocks, where its tables stand in it, and where the reader found
    each line of a paragraph (by line, from 1; only where the reader says: a page's paragraphs,
    not a text's, whose lines are their own place)."""

    text: str
    tables: tuple[PlacedTable, ...]
    paragraph_lines: Mapping[int, Location] = attrs.field(factory=dict)

    def locate(self, report: Report) -> Report:
        """The report with each cell's :attr:`~govinfo_report.model.Cell.origin` in the
        document."""
        origins = _Origins(self)
        tables = {
            table_id: _located(table, origins)
            for table_id in TABLE_IDS
            if (table := getattr(report, table_id)) is not None
        }
        return attrs.evolve(report, **tables)


class _Origins:
    """Where the document drew what a line of its laid-out text holds."""

    def __init__(self, laid_out: LaidOut) -> None:
        self.paragraph_lines = laid_out.paragraph_lines
        #: line -> the drawn (not covered) cells of the table row on it
        self.rows: dict[int, list[TableCell]] = {
            placed.first_line + r: [c for c in row if not c.covered]
            for placed in laid_out.tables
            for r, row in enumerate(placed.table.rows)
        }

    def of(self, line: int | None, column: int | None) -> Location | None:
        """The place of printed cell ``column`` on ``line`` (None: the row as a whole)."""
        if line is None:
            return None
        row = self.rows.get(line)
        if row is None:
            return self.paragraph_lines.get(line)
        if column is not None and 0 <= column < len(row):
            return row[column].location
        return attrs.evolve(row[0].location, cell=None, x=None) if row else None


def lay_out(document: Document) -> LaidOut:
    """The document as text (one line per paragraph line and per table row) and its tables."""
    lines: list[str] = []
    tables: list[PlacedTable] = []
    paragraph_lines: dict[int, Location] = {}
    for block in document.blocks:
        if isinstance(block, Paragraph):
            first = len(lines) + 1
            lines.extend(block.text.split("\n"))
            if block.location.line is None and block.location != NOWHERE:  # a page's, not a text's
                paragraph_lines.update(dict.fromkeys(range(first, len(lines) + 1), block.location))
            continue
        table = _normalised(block)
        first = len(lines) + 1
        lines.extend("\t".join(c.text for c in row if not c.covered) for row in table.rows)
        tables.append(PlacedTable(table, first, len(lines)))
    return LaidOut("\n".join(lines), tuple(tables), paragraph_lines)


def _normalised(table: Table) -> Table:
    """The table with each cell's text on one line and normalised as the text is, without its
    empty columns and with a row's stray cells past the others marked as fillers (see
    :func:`_empty_columns`, :func:`_stray_cells`)."""
    rows = tuple(tuple(_normalised_cell(cell) for cell in row) for row in table.rows)
    if not table.cut_right:  # a table the page's edge cuts: what stood past the edge is not known
        empty = _empty_columns(rows)
        if empty:
            rows = tuple(tuple(cell for c, cell in enumerate(row) if c not in empty) for row in rows)
        rows = _stray_cells(rows)
    return attrs.evolve(table, rows=rows)


def _blank(cell: TableCell) -> bool:
    """Whether a place holds a drawn cell with nothing in it."""
    return not cell.text and not cell.covered and not cell.filler


def _empty_columns(rows: tuple[tuple[TableCell, ...], ...]) -> set[int]:
    """The columns that two rows or more reach, a header row among them, each drawing a cell of
    its own there, empty — and no row anything else (no text, no merged cell of the column's
    spanning the next): a page's spacer column, an empty cell at the end of every row. It holds
    no value and no header, yet a row's count of cells would take it for a blank one (table 四's
    fifteen values and a sixteenth empty cell: is the first or the last empty one no value?). A
    column only one row reaches may be that row's own last cell, where the page left out the
    others' merged cells (see :func:`_stray_cells`)."""
    width = max((len(row) for row in rows), default=0)
    empty = set(range(width))
    reached = [0] * width
    headed: set[int] = set()
    for row in rows:
        header = _is_header(row)
        for c, cell in enumerate(row):
            if cell.filler:
                continue
            reached[c] += 1
            if header:
                headed.add(c)
            if c in empty and not _blank(cell):
                empty.discard(c)
                empty.discard(c - 1)  # a merged cell from there may span this place
    empty = {c for c in empty if reached[c] >= 2 and c in headed}
    return empty if len(empty) < width else set()


def _is_header(row: tuple[TableCell, ...]) -> bool:
    """Whether a row names columns: words in two of its cells or more. A column only rows of
    labels and values reach may be one whose values are all blank (a table's part that a page
    break set apart from its header): it stays."""
    return sum(1 for cell in row if _HAN.search(cell.text) and not is_blank_mark(cell.text)) >= 2


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _stray_cells(rows: tuple[tuple[TableCell, ...], ...]) -> tuple[tuple[TableCell, ...], ...]:
    """The rows with the empty cells one of them draws past the end of every other row marked
    as fillers (a page's stray cell after a row's last value, Word's row one cell wider than
    its table): a cell only where the row lacks one. Where such a row holds anything past the
    others' end, the others are the short ones (a page that left out their merged cells)."""
    if len(rows) < 2:
        return rows
    ends = [max((c + 1 for c, cell in enumerate(row) if not cell.filler), default=0) for row in rows]
    longest = max(ends)
    if ends.count(longest) > 1:
        return rows
    r = ends.index(longest)
    others = max(end for k, end in enumerate(ends) if k != r)
    row = rows[r]
    if not all(_blank(cell) for cell in row[others:longest]):
        return rows
    marked = tuple(attrs.evolve(cell, filler=True) if c >= others else cell for c, cell in enumerate(row))
    return (*rows[:r], marked, *rows[r + 1 :])


def _normalised_cell(cell: TableCell) -> TableCell:
    if not cell.text or (cell.text.isascii() and cell.text.isdigit()):
        return cell  # most cells: empty, or a number normalising leaves as it is
    text = normalize(_one_number(cell.text) or " ".join(cell.text.split()))
    return cell if text == cell.text else attrs.evolve(cell, text=text)


#: A number's digits (its decimal point, its thousands separators) on one line of a cell.
_DIGITS_LINE = re.compile(r"[0-9.,]+")
#: A number, its sign as typeset, its thousands set apart by commas or not.
_NUMBER = re.compile(r"[-+\u2212–—]?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)(?:\.[0-9]+)?")
_DIGIT = re.compile(r"\d")
#: A number's digit groups set a space apart (``2 336``, ``3 387.42``: a page's no-break space
#: as thousands separator).
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?: [0-9]{3})+(?:\.[0-9]+)?")


def _one_number(text: str) -> str | None:
    """The one number a document's cell prints in pieces, where its pieces make one: over
    several lines (``23`` / ``36`` for 2336: a line break a PDF-to-Word converter or a typist
    put in a narrow column, a paragraph mark deleted with tracked changes, which Word shows as
    one line), or in digit groups a space apart. A cell holds one value. None where the cell's
    pieces do not make one number. (A PDF's cells are joined by their geometry before this:
    their lines never reach here.)"""
    if _DIGIT.search(text) is None:  # most cells with words: labels, headers
        return None
    text = unicodedata.normalize("NFKC", text)  # full-width digits (２３３) as the text reads them
    if "\n" not in text:
        grouped = " ".join(text.split())
        return grouped.replace(" ", "") if " " in grouped and _GROUPED.fullmatch(grouped) else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or not all(_DIGITS_LINE.fullmatch(line) for line in lines[1:]):
        return None
    joined = "".join(lines)
    return joined if _NUMBER.fullmatch(joined) else None


_T = TypeVar("_T")


def _located(node: _T, origins: _Origins) -> _T:
    """A table, a row or a cell with every cell's origin set (a variant's extra rows too)."""
    if isinstance(node, Cell):
        return Cell(node.value, node.line, node.column, origins.of(node.line, node.column))  # type: ignore[return-value]
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(node)):  # type: ignore[arg-type]
        value = getattr(node, field.name)
        if isinstance(value, Mapping):
            changes[field.name] = {
                row: {column: _located(cell, origins) for column, cell in cells.items()}
                for row, cells in value.items()
            }
        elif attrs.has(type(value)):
            changes[field.name] = _located(value, origins)
    return attrs.evolve(node, **changes)  # type: ignore[misc]
