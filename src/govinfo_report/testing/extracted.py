"""A report's text as PDF text extractors print its table 三: the labels and the numbers apart.

Extractors read a PDF's text in the order it is stored or laid out, not row by row, so the
numbers of table 三 come apart from their labels: every label of a page's part of the table and
then its numbers, row by row or column by column (pdfminer); each row's numbers before its
label; labels floating among rows of numbers (PDF-to-markdown tools); the numbers in table
order, a run of rows whose labels wrapped printed one column after another, with those labels
gathered after the numbers (plain ``pdftotext``). :func:`extracted_text`
writes a report that way, one value or one label per line, the rest of the report as the
tab-separated rendering prints it; tests then check that such text is read exactly, or left
blank with a diagnostic — never read wrong.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Literal

from ..model import Report
from ..template.formats import get_format
from ..template.spec import RowSpec
from ..writers.document import format_value
from ..writers.render import render
from .oracle import cell_values

#: How the numbers of table 三 stand to its labels:
#: ``rows`` / ``columns``: each page's labels, then its numbers row by row / column by column;
#: ``numbers-first``: each row's numbers on the line before its label;
#: ``floating``: each row's numbers on one line, its label just before or just after it;
#: ``blocks``: the numbers in table order, one per line, each block of rows between page breaks
#: column by column (a block of one row row by row); each label before its block's numbers, or
#: gathered after all of them;
#: ``cell-boxes``: each page's labels, then its first column top to bottom, then its other columns
#: in smaller blocks of rows, each column by column (pdfminer on a PDF whose every cell is a text
#: box of its own: the boxes close to each other are grouped first).
ExtractedOrder = Literal["rows", "columns", "numbers-first", "floating", "blocks", "cell-boxes"]
EXTRACTED_ORDERS: tuple[ExtractedOrder, ...] = (
    "rows",
    "columns",
    "numbers-first",
    "floating",
    "blocks",
    "cell-boxes",
)

_HEADER = (
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
)


def extracted_text(
    report: Report,
    order: ExtractedOrder,
    *,
    breaks: Sequence[int] = (),
    after: Sequence[bool] = (),
    columns: Sequence[Sequence[int]] = (),
) -> str:
    """The report's text with table 三 printed in ``order``.

    ``breaks``: the printed rows (by index) before which a new page starts (``rows`` and
    ``columns``: each page prints its labels, then its numbers), or a new block (``blocks``).
    ``after``: for ``floating``, per printed row whether its label comes after its numbers
    (before when missing); for ``blocks``, whether it is gathered after all the numbers.
    ``columns``: for ``columns``, the order each page prints its columns in (their indexes), page
    by page; the table's order on the pages past the list — pdfminer can print a page's total
    column before the one the table puts before it. For ``cell-boxes``, ``after`` says per
    printed row whether a smaller block of the other columns starts at it.

    Raises ValueError when the report has no table 三.
    """
    if report.requests is None:
        raise ValueError("the report has no table 三")
    lines = render(report, "tsv").split("\n")
    headings = [s.heading for s in report.sections]
    start = lines.index(headings[2]) + 1
    end = lines.index(headings[3])
    table = _table(report, order, breaks, after, columns)
    return "\n".join([*lines[:start], *table, *lines[end:]])


def _printed_rows(report: Report) -> list[RowSpec]:
    spec = get_format(report.format).tables["requests"]
    values = cell_values(report)
    return [
        row
        for row in spec.rows
        if any(values.get(("requests", row.id, column)) is not None for column in row.columns)
    ]


def _labels(rows: Sequence[RowSpec], seen: set[str]) -> list[str]:
    """The rows' labels, each group label before the first row under it."""
    lines = []
    for row in rows:
        for group in row.groups:
            if group not in seen:
                seen.add(group)
                lines.append(group)
        lines.append(row.label)
    return lines


def _table(
    report: Report,
    order: ExtractedOrder,
    breaks: Sequence[int],
    after: Sequence[bool],
    columns: Sequence[Sequence[int]],
) -> list[str]:
    rows = _printed_rows(report)
    values = cell_values(report)
    numbers = [[format_value(values[("requests", row.id, c)]) for c in row.columns] for row in rows]
    lines = ["", *_HEADER]
    if order == "blocks":
        return lines + _blocks(rows, numbers, breaks, after)
    if order in ("rows", "columns", "cell-boxes"):
        return lines + _pages(order, rows, numbers, breaks, after, columns)
    seen: set[str] = set()
    for index, row in enumerate(rows):
        label = _labels([row], seen)
        printed = " ".join(numbers[index])
        label_after = order == "numbers-first" or (index < len(after) and after[index])
        lines += [printed, *label] if label_after else [*label, printed]
    lines.append("")
    return lines


def _pages(
    order: ExtractedOrder,
    rows: Sequence[RowSpec],
    numbers: Sequence[Sequence[str]],
    breaks: Sequence[int],
    after: Sequence[bool],
    columns: Sequence[Sequence[int]],
) -> list[str]:
    """The ``rows``, ``columns`` and ``cell-boxes`` orders: each page's labels, then its numbers."""
    lines: list[str] = []
    seen: set[str] = set()
    cuts = [0, *sorted(b for b in breaks if 0 < b < len(rows)), len(rows)]
    for index, (a, b) in enumerate(itertools.pairwise(cuts)):
        lines += _labels(rows[a:b], seen)
        page = numbers[a:b]
        if order == "rows":
            lines += [n for row in page for n in row]
        elif order == "columns":
            moved = columns[index] if index < len(columns) else range(len(page[0]))
            lines += [row[c] for c in moved for row in page]
        else:
            lines += _cell_boxes(page, [k - a for k in range(a + 1, b) if k < len(after) and after[k]])
        lines.append("")
    return lines


def _cell_boxes(page: Sequence[Sequence[str]], starts: Sequence[int]) -> list[str]:
    """A page's numbers in the ``cell-boxes`` order: the first column, then the other columns in
    blocks of rows starting at ``starts`` (and where the rows' widths change), each column by
    column. A page whose rows differ in width is printed row by row."""
    if len({len(row) for row in page}) > 1:
        return [n for row in page for n in row]
    cuts = sorted({0, len(page), *starts})
    lines = [row[0] for row in page]
    for a, b in itertools.pairwise(cuts):
        lines += [row[c] for c in range(1, len(page[0])) for row in page[a:b]]
    return lines


def _blocks(
    rows: Sequence[RowSpec], numbers: Sequence[Sequence[str]], breaks: Sequence[int], after: Sequence[bool]
) -> list[str]:
    """The ``blocks`` order: see :data:`ExtractedOrder`. Blocks are cut where the rows' widths
    change too (a column-by-column block has one width)."""
    cuts = sorted({0, len(rows), *(b for b in breaks if 0 < b < len(rows))})
    cuts = sorted({*cuts, *(k for k in range(1, len(rows)) if len(numbers[k]) != len(numbers[k - 1]))})
    lines: list[str] = []
    seen: set[str] = set()
    gathered: list[RowSpec] = []
    for a, b in itertools.pairwise(cuts):
        for k in range(a, b):
            if k < len(after) and after[k]:
                gathered.append(rows[k])
            else:
                lines += [text for label in _labels([rows[k]], seen) for text in (label, "")]
        page = numbers[a:b]
        for c in range(len(page[0])):  # each column a paragraph, as pdftotext prints a text block
            lines += [*(row[c] for row in page), ""]
    return [*lines, *_labels(gathered, seen), ""]
