"""Word tables (``w:tbl``) as rectangular grids, merged cells expanded.

Word draws a merged cell two ways: across columns a cell spans grid columns (``w:gridSpan``, or
the old ``w:hMerge``); down rows every row keeps a cell in the column, marked as continuing the
one above (``w:vMerge``). A row may also leave grid columns empty before or after its cells
(``w:gridBefore``/``w:gridAfter``). The grid puts each cell where Word draws it and marks the
places a merged cell covers, so the table reader never guesses a cell boundary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs
from lxml import etree

from ..model import Location
from .document import Table, TableCell

#: The most columns a cell spans or a row skips (Word's own limit on a table's columns).
MAX_SPAN = 63
#: The most places the tables of one document may have, merged ones included: real reports have
#: a few thousand; a file that asks for more is built to exhaust memory.
MAX_PLACES = 200_000


class TableTooLarge(ValueError):
    """A document's tables ask for more places than :data:`MAX_PLACES`."""


@attrs.frozen
class TableTags:
    """The element and attribute names a table is read by, in the document's namespace."""

    tbl: str
    tr: str
    tc: str
    tr_properties: str
    tc_properties: str
    grid_span: str
    v_merge: str
    h_merge: str
    grid_before: str
    grid_after: str
    deleted: str
    wrappers: frozenset[str]
    content: str
    val: str

    @classmethod
    def of(cls, w: str) -> TableTags:
        return cls(
            tbl=f"{w}tbl",
            tr=f"{w}tr",
            tc=f"{w}tc",
            tr_properties=f"{w}trPr",
            tc_properties=f"{w}tcPr",
            grid_span=f"{w}gridSpan",
            v_merge=f"{w}vMerge",
            h_merge=f"{w}hMerge",
            grid_before=f"{w}gridBefore",
            grid_after=f"{w}gridAfter",
            deleted=f"{w}del",
            wrappers=frozenset({f"{w}sdt", f"{w}customXml", f"{w}ins", f"{w}moveTo"}),
            content=f"{w}sdtContent",
            val=f"{w}val",
        )


def _unwrapped(parent: etree._Element, tag: str, tags: TableTags) -> Iterator[etree._Element]:
    """The children of ``parent`` with ``tag``, also those a content control or custom XML
    element wraps."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in tags.wrappers:
            content = child.find(tags.content)
            yield from _unwrapped(child if content is None else content, tag, tags)


def rows(table: etree._Element, tags: TableTags) -> Iterator[etree._Element]:
    """The rows of a table, rows deleted as a tracked change left out."""
    for row in _unwrapped(table, tags.tr, tags):
        properties = row.find(tags.tr_properties)
        if properties is None or properties.find(tags.deleted) is None:
            yield row


def cells(row: etree._Element, tags: TableTags) -> Iterator[etree._Element]:
    return _unwrapped(row, tags.tc, tags)


def _number(element: etree._Element | None, tags: TableTags, default: int) -> int:
    """A count of columns (``w:val``), kept within Word's own limit."""
    if element is None:
        return default
    try:
        return min(max(int(element.get(tags.val, default)), 0), MAX_SPAN)
    except ValueError:
        return default


def _merge(element: etree._Element | None, tags: TableTags) -> str | None:
    """A merge mark's kind: ``"restart"``, ``"continue"`` (the default when present) or None."""
    if element is None:
        return None
    return element.get(tags.val) or "continue"


class _Grid:
    """The places of a table being laid out. Each place a cell covers holds the same covered
    cell, which carries the cell's location: the cell a place belongs to."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.cells: dict[tuple[int, int], TableCell] = {}
        self.owner: dict[tuple[int, int], TableCell] = {}

    def put(self, row: int, column: int, span: int, text: str, location: Location) -> TableCell:
        """Place a cell; the covered cell that marks the places it spans (returned)."""
        covered = TableCell("", location, covered=True)
        self.cells[row, column] = TableCell(text, location)
        self.owner[row, column] = covered
        if span > 1:
            self.cover(row, column + 1, span - 1, covered)
        return covered

    def cover(self, row: int, column: int, span: int, covered: TableCell) -> None:
        for offset in range(span):
            self.cells[row, column + offset] = covered
            self.owner[row, column + offset] = covered

    def table(self, height: int, width: int) -> Table:
        where = Location(table=self.index)
        return Table(
            tuple(
                tuple(
                    self.cells.get((r, c)) or TableCell("", attrs.evolve(where, row=r), filler=True)
                    for c in range(width)
                )
                for r in range(height)
            ),
            where,
        )


_Marks = tuple[int, str | None, str | None]
_UNMARKED: _Marks = (1, None, None)


def _cell_marks(table: etree._Element, tags: TableTags) -> dict[etree._Element, _Marks]:
    """Each marked cell's column span and vertical and horizontal merge marks (see
    :func:`_merge`), found in one pass over the table; a cell not in it spans one column and
    merges with nothing."""
    marks: dict[etree._Element, _Marks] = {}
    for mark in table.iter(tags.grid_span, tags.v_merge, tags.h_merge):
        properties = mark.getparent()
        cell = properties.getparent() if properties.tag == tags.tc_properties else None
        if cell is None:
            continue
        span, vertical, horizontal = marks.get(cell, _UNMARKED)
        if mark.tag == tags.grid_span:
            span = max(_number(mark, tags, 1), 1)
        elif mark.tag == tags.v_merge:
            vertical = _merge(mark, tags)
        else:
            horizontal = _merge(mark, tags)
        marks[cell] = (span, vertical, horizontal)
    return marks


def read_table(
    table: etree._Element,
    index: int,
    tags: TableTags,
    cell_text: Callable[[etree._Element], str],
    places: int = MAX_PLACES,
) -> Table | None:
    """The table as a grid (None when it has no rows): each cell's text from ``cell_text``,
    the places merged cells cover marked, empty places before or after a row's cells left
    empty. Raises :class:`TableTooLarge` past ``places`` places."""
    grid = _Grid(index)
    marks = _cell_marks(table, tags)
    width = height = 0
    for r, row in enumerate(rows(table, tags)):
        properties = row.find(tags.tr_properties)
        before = _number(None if properties is None else properties.find(tags.grid_before), tags, 0)
        after = _number(None if properties is None else properties.find(tags.grid_after), tags, 0)
        column = _row(grid, r, row, before, (tags, marks, cell_text))
        width = max(width, column + after)
        height = r + 1
        if height * width > places:
            raise TableTooLarge(f"its tables have more than {places} places")
    if height == 0:
        return None
    return grid.table(height, width)


def _row(
    grid: _Grid,
    r: int,
    row: etree._Element,
    column: int,
    reading: tuple[TableTags, dict[etree._Element, _Marks], Callable[[etree._Element], str]],
) -> int:
    """Lay one row's cells into the grid from ``column`` on; the column after its last cell."""
    tags, marks, cell_text = reading
    previous: TableCell | None = None
    for index, cell in enumerate(cells(row, tags)):
        span, vertical, horizontal = marks.get(cell, _UNMARKED)
        above = grid.owner.get((r - 1, column))
        if vertical == "continue" and above is not None:
            grid.cover(r, column, span, above)  # what a continuing cell holds, Word does not show
        elif horizontal == "continue" and previous is not None:
            grid.cover(r, column, span, previous)
        else:
            location = Location(table=grid.index, row=r, cell=index)
            previous = grid.put(r, column, span, cell_text(cell), location)
        column += span
    return column


def flattened(
    table: etree._Element, tags: TableTags, cell_text: Callable[[etree._Element], str]
) -> list[str]:
    """A table inside a table cell as lines of text: a line per row, its cells' text separated by
    spaces (a cell continuing a merged one above left out)."""
    marks = _cell_marks(table, tags)
    lines = []
    for row in rows(table, tags):
        texts = []
        for cell in cells(row, tags):
            if marks.get(cell, _UNMARKED)[1] == "continue":
                continue
            texts.append(" ".join(cell_text(cell).split()))
        lines.append(" ".join(text for text in texts if text))
    return lines


def is_layout(table: etree._Element, tags: TableTags) -> bool:
    """Whether a table frames the page rather than holding data: a single column of cells, or
    cells holding tables of their own that have rows and columns (a frame around the report, a
    page in two columns)."""
    if all(sum(1 for _ in cells(row, tags)) <= 1 for row in rows(table, tags)):
        return True
    for inner in table.iterdescendants(tags.tbl):
        inner_rows = list(rows(inner, tags))
        if len(inner_rows) >= 2 and any(sum(1 for _ in cells(row, tags)) >= 2 for row in inner_rows):
            return True
    return False
