"""A labelled table printed twice in its section: the year's own and another year's beside it
for comparison (``附：2022年度收到和处理政府信息公开申请情况``), or the same table repeated.

Matched row by row as one table, the two copies would mix: some rows from one, some from the
other — numbers in cells they do not belong to. So each copy is read on its own. The words
before each copy choose between them: a copy headed by 上年, 去年, 对比 … is the other year's,
and of two copies headed by years, the later year's is the report's (a report compares with
the years before it). When nothing tells, the cells both copies print alike are kept and the
cells they print differently are left blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..template.spec import TableSpec
from .items import ObservedRow
from .labels import LabelIndex

#: Rows each copy must name, at least, for a table to be printed twice.
LEAST_ROWS = 3
#: Words that head another year's copy.
_EARLIER = re.compile(r"上年|上一年|去年|往年|同期|对比|比较")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")
#: A label this short (其他, 总计) names rows only by its place: it tells no copy apart.
_TELLING = 4


class Copies(NamedTuple):
    """Where the second copy of a table starts among the observed rows, and which copy the
    words before them choose (0 or 1; None when nothing tells), with those words."""

    start: int
    chosen: int | None
    headings: tuple[str, str]


def find_copies(observed: Sequence[ObservedRow], folded: Sequence[str], table: TableSpec) -> Copies | None:
    """The two copies of the table among ``observed``, if it is printed twice: rows that name
    :data:`LEAST_ROWS` template rows or more, then rows naming them again, as many. A row is
    counted by a label that names one row alone and holds a value."""
    telling = [run for run in folded if len(run) >= _TELLING]
    if len(telling) - len(set(telling)) < LEAST_ROWS:
        return None  # most tables: no label printed twice, let alone three
    labels = LabelIndex.of(table)
    seen: set[int] = set()
    again: set[int] = set()
    start = None
    for i, run in enumerate(folded):
        if len(run) < _TELLING or not _holds_values(observed[i]):
            continue
        rows = labels.rows_named_by(run)
        if len(rows) != 1:
            continue
        if start is None and rows[0] in seen and len(seen) >= LEAST_ROWS:
            start = i
        (seen if start is None else again).add(rows[0])
    if start is None or len(again) < LEAST_ROWS:
        return None
    while start > 0 and not _holds_values(observed[start - 1]):  # its caption and header rows
        start -= 1
    first = _heading(observed, 0, _first_named(folded, observed, labels, 0))
    second = _heading(observed, start, _first_named(folded, observed, labels, start))
    return Copies(start, _chosen(first, second), (first, second))


def _holds_values(row: ObservedRow) -> bool:
    return any(v.kind != "empty" for v in row.values)


def _first_named(
    folded: Sequence[str], observed: Sequence[ObservedRow], labels: LabelIndex, start: int
) -> int:
    """The first row from ``start`` on whose label names a row and holds a value."""
    for i in range(start, len(folded)):
        if len(folded[i]) >= _TELLING and _holds_values(observed[i]) and labels.rows_named_by(folded[i]):
            return i
    return start


def _heading(observed: Sequence[ObservedRow], start: int, first: int) -> str:
    """The words before a copy's first row: the rows without values before it, and its own
    label (a caption run into the label of the row after it)."""
    return "".join(observed[i].label for i in range(start, first + 1))


def _chosen(first: str, second: str) -> int | None:
    """Which copy is the report's own, by the words before each; None when they do not tell."""
    earlier = bool(_EARLIER.search(first)), bool(_EARLIER.search(second))
    if earlier == (False, True):
        return 0
    if earlier == (True, False):
        return 1
    years = [max((int(y) for y in _YEAR.findall(text)), default=None) for text in (first, second)]
    if years[0] is not None and years[1] is not None and years[0] != years[1]:
        return 0 if years[0] > years[1] else 1
    return None
