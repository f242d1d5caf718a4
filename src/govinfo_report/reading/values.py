"""A row's values as cells: merged-cell shadows trimmed, numbers read, digits that ran together
recognised and handed to the decoder (:mod:`govinfo_report.reading.decoding`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from ..model import Cell, Value
from ..template.spec import RowSpec
from . import decoding
from .items import Item

_LEADING_ZERO = re.compile(r"[+-]?0[0-9]")
#: Digits no single cell has: ten or more before any decimal point (a billion requests).
_TOO_LONG = re.compile(r"[+-]?[0-9]{10}")
#: Digits no printed cell holds (the largest counts of a province have eight or nine): a longer
#: run is cells that ran together, never one number.
MAX_CELL_DIGITS = 15
_NOT_ONE_CELL = re.compile(rf"[+-]?[0-9]{{{MAX_CELL_DIGITS + 1}}}")


def trim(values: Sequence[Item], expected: int, pad_right: bool = False) -> Sequence[Item]:
    """Drop empty cells left by merged cells, but only while the row has more cells than the
    template gives it: first before the values (the shadow of a label spanning two columns, as
    Word and web pages copy it), then after them. ``pad_right`` reverses the order for tables
    that are padded to a rectangle on the right (markdown and pipe tables). Before all that go
    a document row's fillers (see :func:`without_fillers`)."""
    values = without_fillers(values, expected)
    start, end = 0, len(values)
    if pad_right:
        while end - start > expected and values[end - 1].kind == "empty":
            end -= 1
    while end - start > expected and values[start].kind == "empty":
        start += 1
    while end - start > expected and values[end - 1].kind == "empty":
        end -= 1
    return values[start:end]


def without_fillers(values: Sequence[Item], expected: int) -> Sequence[Item]:
    """``values`` without the fillers of a document's row (places no cell covers, where the row
    is shorter than its table), the last first, while the row has more than ``expected``
    cells: a row shifted by a merged cell the page left out still has just its own cells,
    and a row whose last empty cells were left out keeps the fillers it needs for them."""
    excess = len(values) - expected
    if excess <= 0 or not values[-1].filler:  # the common case: no filler at the end
        return values
    kept = list(values)
    for index in range(len(kept) - 1, -1, -1):
        if excess == 0:
            break
        if kept[index].filler:
            del kept[index]
            excess -= 1
    return tuple(kept)


def strip_empty(run: Sequence[Item]) -> Sequence[Item]:
    """The run without the empty cells at its two ends."""
    start, end = 0, len(run)
    while start < end and run[start].kind == "empty":
        start += 1
    while end > start and run[end - 1].kind == "empty":
        end -= 1
    return run[start:end]


def to_value(text: str, decimal: bool) -> Value:
    """A printed number as int, or Decimal where it has decimals."""
    if not decimal and text.isdigit() and text.isascii():  # the common case: a plain count
        return int(text)
    text = text.lstrip("+")
    if "." in text or decimal:
        try:
            amount = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the grammar only lets numbers through
            return None
        if not decimal and amount == amount.to_integral_value():
            return int(amount)
        return amount
    return int(text)


def cells(values: Sequence[Item], spec: RowSpec | None = None) -> tuple[Cell, ...]:
    """The cells the values print; amounts are decimals in the columns ``spec`` says hold them."""
    amounts = spec.amounts if spec is not None else ()
    return tuple(
        [
            Cell(
                to_value(v.text, i < len(amounts) and amounts[i]) if v.kind == "num" else None,
                v.line,
                v.col if v.col >= 0 else None,
            )
            for i, v in enumerate(values)
        ]
    )


def blank_cells(count: int, line: int) -> tuple[Cell, ...]:
    """A row left blank: ``count`` cells without a value."""
    return tuple(Cell(None, line) for _ in range(count))


def describe(values: Sequence[Item]) -> str:
    """The values as a diagnostic shows them: an empty cell as □, no values as —."""
    return " ".join(v.text if v.kind != "empty" else "□" for v in values) or "—"


def ran_together(values: Sequence[Item], expected: int) -> bool:
    """Whether a row's digits ran together: a number glued to text, a number longer than any
    cell, or (when the count is off) a number with a leading zero or ten digits, which no single
    printed cell has."""
    miscounted = len(values) != expected
    for v in values:
        if v.kind != "num":
            continue
        if v.glued or too_long(v):
            return True
        if miscounted and len(v.text) > 1 and (_LEADING_ZERO.match(v.text) or _TOO_LONG.match(v.text)):
            return True
    return False


def too_long(value: Item) -> bool:
    """Whether a number has more digits than any printed cell."""
    # (the length first: most numbers are short, and no regex needs to look at them)
    return (
        len(value.text) > MAX_CELL_DIGITS
        and value.kind == "num"
        and _NOT_ONE_CELL.match(value.text) is not None
    )


def glued(values: Sequence[Item], line: int, tail: str | None, stolen: str = "") -> decoding.Glued:
    """A row whose digits ran together, as the decoder reads it: every way of cutting its digit
    runs (``tail``: the next row's number glued to its end; ``stolen``: a digit the next row's
    number took from it)."""
    values = strip_empty(values)
    chunks = [v.text if v.kind == "num" else None for v in values]
    printed = " ".join(v.text if v.kind == "num" else "□" for v in values)
    if stolen:
        chunks.append(stolen)
        printed += " " + stolen
    return decoding.Glued(decoding.chunk_alternatives(chunks, tail), printed, line)
