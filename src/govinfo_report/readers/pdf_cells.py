"""A table cell's lines of text as one text.

A cell too narrow for its text wraps it: a label over several lines, and a number too wide for
its column too (12600 printed as 1260 over 0). Chinese runs on across a line break whatever
the line's length; a number runs on only where its line had no room for the next digit — no
room, that is, next to the widest number the same column prints anywhere in the table. Two
numbers one above the other that would have fitted on one line stay two numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from .pdf_lines import TextLine, joined
from .pdf_page import Glyph

#: A line printing a number (a sign, digits, a decimal point or thousands separators).
_NUMBER = re.compile(r"[-+−]?[0-9][0-9,.]*")
#: How much of the next character may stand out past the widest line and still have fitted.
_SLACK = 0.25


class CellLike(Protocol):
    """What the width of a column is measured from: a cell's columns and its lines."""

    @property
    def columns(self) -> tuple[int, int]: ...

    lines: list[TextLine]


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


class ColumnWidths:
    """The widest line, and the widest number, each column of a table prints: how much a line
    of that column holds."""

    def __init__(self, cells: Iterable[CellLike]) -> None:
        self.text: dict[tuple[int, int], float] = {}
        self.numbers: dict[tuple[int, int], float] = {}
        for cell in cells:
            for line in cell.lines:
                width = line.right - line.left
                key = cell.columns
                if width > self.text.get(key, 0.0):
                    self.text[key] = width
                if is_number(line.text) and width > self.numbers.get(key, 0.0):
                    self.numbers[key] = width

    def no_room(self, columns: tuple[int, int], line: TextLine, following: Glyph) -> bool:
        """Whether ``line`` of a cell in ``columns`` had no room left for ``following``: the two
        together are wider than any line (any number, for a number) the column prints."""
        numeric = is_number(line.text) and following.char.isdigit()
        widest = (self.numbers if numeric else self.text).get(columns, 0.0)
        extra = following.right - following.left
        return line.right - line.left + extra > widest + _SLACK * extra


def cell_text(
    lines: Sequence[TextLine], columns: tuple[int, int], widths: ColumnWidths, room: float | None = None
) -> str:
    """A cell's lines as one text: a label wrapped over several lines runs on, and so does a
    number whose line had no room for the next line's first digit — in its column, and in
    ``room``, the width the cell's box leaves for a line (see :func:`fits`)."""
    text = ""
    previous: TextLine | None = None
    for line in lines:
        following = line.glyphs[0]
        wrapped = (
            previous is not None
            and widths.no_room(columns, previous, following)
            and not fits(previous, following, room)
        )
        text = joined(text, line.text, digits_run_on=wrapped)
        previous = line
    return text


class BoxedLines(Protocol):
    """A cell's left edge and its lines: where its text starts inside it."""

    left: float
    lines: list[TextLine]


def padding(cells: Iterable[BoxedLines]) -> float:
    """The space a table leaves between a cell's edge and its text: the least there is before a
    line anywhere (a label's lines start at the padding)."""
    return max(0.0, min((line.left - c.left for c in cells for line in c.lines), default=0.0))


def fits(line: TextLine, following: Glyph, room: float | None) -> bool:
    """Whether ``following`` would have fitted after ``line`` in ``room`` points (a cell's width
    inside its padding): then the line did not wrap there, however widely the rest of its column
    prints (a column of one-digit numbers: ``3`` over ``5`` is two numbers). False where the
    room is not known."""
    if room is None:
        return False
    return (line.right - line.left) + (following.right - following.left) * (1 + _FIT_SLACK) <= room


#: How much wider than the next character the room left in a line must be for it to have fitted.
_FIT_SLACK = 0.1
