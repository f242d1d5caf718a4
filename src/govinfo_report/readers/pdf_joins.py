"""A table that runs over a page break, made one table again.

The part on the next page is joined below the part before it when its columns line up. What
the break did to it is undone: header rows the table repeats on every page are dropped; a row
the break cut in two (the start of a label on one page, its end on the next) is one row again;
a merged cell the break cut (a group label standing beside many rows) is one cell again, its
text read on from one page to the next.
"""

from __future__ import annotations

import re

from .pdf_cells import ColumnWidths, fits, padding
from .pdf_tables import DrawnCell, DrawnTable, clusters, nearest

#: Table edges this close (points) on two pages are one table's edges.
SAME_EDGE = 3.0
#: At most this many header rows are looked for at the top of a continued table.
_HEADER_ROWS = 6

#: The start of a new item of a report's tables: 一、 （一） 1. — never the rest of a cut label.
_ENUMERATOR = re.compile(
    r"\s*(?:[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[0-9]{1,2}\s*[.．、](?![0-9]))"
)
#: A cell that holds a value: a number, or a mark printing a blank cell.
_VALUE = re.compile(r"[-+−]?\s*[0-9][0-9,.\s]*|[-—–_/\\~一无]+")


def is_value(text: str) -> bool:
    return _VALUE.fullmatch(text.strip()) is not None


def lines_up(upper: DrawnTable, lower: DrawnTable) -> bool:
    """Whether ``lower`` (at the top of a page) can continue ``upper`` (at the end of the one
    before): the same outer edges, and the columns of one among those of the other."""
    if abs(upper.left - lower.left) > SAME_EDGE or abs(upper.right - lower.right) > SAME_EDGE:
        return False
    return _among(lower.xs, upper.xs) or _among(upper.xs, lower.xs)


def _among(some: list[float], others: list[float]) -> bool:
    return all(any(abs(x - y) <= SAME_EDGE for y in others) for x in some)


def join_below(upper: DrawnTable, lower: DrawnTable) -> None:
    """Add ``lower``'s rows to ``upper``, undoing what the page break did."""
    xs = clusters([*upper.xs, *lower.xs], SAME_EDGE)
    for table in (upper, lower):
        _onto_columns(table, xs)
    upper.xs = xs
    _drop_repeated_header(upper, lower)
    if lower.rows == 0:
        return
    last = upper.rows - 1
    above = {c.columns: c for c in upper.cells if c.row0 <= last < c.row1}
    below = {c.columns: c for c in lower.cells if c.row0 == 0}
    cut_row = _is_cut_row(above, below, ColumnWidths([*upper.cells, *lower.cells]))
    offset = last if cut_row else upper.rows
    # a merged cell goes on only left of the row's first value: group labels, never a blank value
    first_value = min((k[0] for k, c in below.items() if is_value(c.plain)), default=len(xs))
    pairs = [
        (above[k], cell)
        for k, cell in below.items()
        if k in above and (cut_row or (k[1] <= first_value and _continues_down(above[k], cell, last)))
    ]
    for cell in lower.cells:
        cell.row0 += offset
        cell.row1 += offset
    for top, bottom in pairs:
        top.lines = [*top.lines, *bottom.lines]
        top.row1 = bottom.row1
        top.clipped = top.clipped or bottom.clipped
        top.cut_right = top.cut_right or bottom.cut_right
        lower.cells.remove(bottom)
    upper.cells.extend(lower.cells)
    upper.rows = offset + lower.rows
    upper.last_page, upper.bottom = lower.last_page, lower.bottom


def _onto_columns(table: DrawnTable, xs: list[float]) -> None:
    """Renumber a table's cells on a new set of column positions."""
    for cell in table.cells:
        cell.col0 = nearest(xs, cell.left)
        cell.col1 = max(nearest(xs, cell.right), cell.col0 + 1)
    table.xs = xs


def _rows_signature(table: DrawnTable, count: int) -> list[tuple[int, int, int, int, str]] | None:
    """The cells of the table's first ``count`` rows, or None when one reaches below them."""
    cells = [c for c in table.cells if c.row0 < count]
    if any(c.row1 > count for c in cells):
        return None
    return sorted((c.row0, c.row1, c.col0, c.col1, c.plain.replace(" ", "")) for c in cells)


def _drop_repeated_header(upper: DrawnTable, lower: DrawnTable) -> None:
    """Drop the rows at the top of ``lower`` that repeat the first rows of ``upper``."""
    for count in range(min(_HEADER_ROWS, lower.rows - 1, upper.rows - 1), 0, -1):
        mine = _rows_signature(lower, count)
        if mine is not None and any(text for *_, text in mine) and mine == _rows_signature(upper, count):
            lower.cells = [c for c in lower.cells if c.row0 >= count]
            for cell in lower.cells:
                cell.row0 -= count
                cell.row1 -= count
            lower.rows -= count
            return


def _is_cut_row(
    above: dict[tuple[int, int], DrawnCell], below: dict[tuple[int, int], DrawnCell], widths: ColumnWidths
) -> bool:
    """Whether the first row below the break is the rest of the last row above it: the same
    cells, no new item starting, and wherever both sides print something, the text above filled
    its line (a label, or a number too wide for its column, wrapped onto the next page)."""
    if set(above) != set(below) or any(_ENUMERATOR.match(c.plain) for c in below.values()):
        return False
    pad = padding([*above.values(), *below.values()])
    return all(
        _runs_on(top, below[k], widths, pad) for k, top in above.items() if top.lines and below[k].lines
    )


def _runs_on(top: DrawnCell, bottom: DrawnCell, widths: ColumnWidths, pad: float) -> bool:
    """Whether ``bottom``'s text goes on with ``top``'s: both text or both numbers, and ``top``'s
    last line full — for the next character and the mark after it, where that mark may not
    start a line (``…不计其他情`` / ``形）``: the line breaker carried 形 over with its bracket).
    Full means wider than any line (any number) the column prints, and too wide for the cell's
    box, its padding left on both sides: a column of one-digit numbers prints ``1`` over ``0``
    as two rows."""
    last, first = top.lines[-1], bottom.lines[0]
    if is_value(last.text) != is_value(first.text):
        return False
    following = first.glyphs[0]
    if len(first.glyphs) > 1 and first.glyphs[1].char in _NO_LINE_START:
        following = following._replace(right=first.glyphs[1].right)
    room = top.right - top.left - 2 * pad
    return widths.no_room(top.columns, last, following) and not fits(last, following, room)


#: Marks a line may not start with (closing brackets and quotes, sentence punctuation).
_NO_LINE_START = frozenset("）)」』》〉】〕，,。、；;：:？?！!”’")


def _continues_down(top: DrawnCell, bottom: DrawnCell, last: int) -> bool:
    """Whether a cell at the top of the next page goes on with a merged cell cut by the break:
    the cell above spans several rows, the one below does too or is empty, and neither is a value
    or starts a new item."""
    text = bottom.plain
    if top.row0 == last or (bottom.row1 - bottom.row0 < 2 and text):
        return False
    new_item = bool(text) and (is_value(text) or _ENUMERATOR.match(text) is not None)
    return not (is_value(top.plain) or new_item)
