"""Reports printed the way crawlers flatten web pages, and what reading them back gave.

Used by ``test_flatten.py`` and by ``benchmarks/flatten_decoder.py``: a report is rendered with
its tables tab-separated, then every tab and line break inside a table is deleted — or, now and
then, kept as a space, as ``&nbsp;`` leaves one — so that a row reads ``…申请数量801000081``.
"""

from __future__ import annotations

import random
from collections import Counter

from govinfo_report import Report
from govinfo_report.testing import cell_values
from govinfo_report.writers.text import render_placed

#: Diagnostics that explain a cell of a flattened table left blank.
GLUED_CODES = frozenset(
    {
        "row-value-count",
        "table-value-count",
        "glued-cells",
        "glued-cells-ambiguous",
        "glued-cells-limit",
        "glued-cells-table-limit",
        "glued-cells-arithmetic",
        "glued-cells-digits-only",
        "glued-cells-row-sum",
        # a PDF extractor's text: numbers wrapped in narrow cells, blank cells without a mark
        "row-values-maybe-wrapped",
        "row-values-cut",
        "row-values-unverified",
        "row-values-moved",
        "missing-row",
        "table-run-wrapped",
        "cells-readings-differ",
    }
)


def flatten(report: Report, rng: random.Random, *, spaces: float = 0.1, one_line: bool = False) -> str:
    """``report`` as text whose tables lost their separators: each tab and line break inside a
    table is deleted, or with probability ``spaces`` becomes a space. With ``one_line`` the whole
    report is one line, its paragraphs joined by spaces."""
    text, placement = render_placed(report, "tsv")
    lines = text.split("\n")
    out: list[str] = []
    done = 0
    for first, last in sorted(placement.tables.values()):
        out.extend(lines[done:first])
        joined = ""
        for line in lines[first : last + 1]:
            cells = line.split("\t")
            row = cells[0]
            for cell in cells[1:]:
                row += (" " if rng.random() < spaces else "") + cell
            joined += (" " if joined and rng.random() < spaces else "") + row
        out.append(joined)
        done = last + 1
    out.extend(lines[done:])
    if one_line:
        return " ".join(line for line in out if line.strip())
    return "\n".join(out)


def outcomes(parsed: Report, expected: Report) -> Counter[str]:
    """Every table cell of ``expected`` as read in ``parsed``: ``exact``; ``ambiguous`` (blank,
    with the readings in a diagnostic); ``blank`` (left blank with another diagnostic that
    explains it); ``unexplained`` (blank without one); ``wrong`` (another number)."""
    got, want = cell_values(parsed), cell_values(expected)
    tally: Counter[str] = Counter()
    for key, value in want.items():
        table, row, _ = key
        if got[key] == value:
            tally["exact"] += 1
        elif got[key] is not None:
            tally["wrong"] += 1
        else:
            codes = _codes(parsed, table, row)
            if "glued-cells-ambiguous" in codes:
                tally["ambiguous"] += 1
            elif codes & GLUED_CODES:
                tally["blank"] += 1
            else:
                tally["unexplained"] += 1
    return tally


def wrong_cells(parsed: Report, expected: Report) -> list[str]:
    """The cells read as a number other than the one printed."""
    got, want = cell_values(parsed), cell_values(expected)
    return [
        f"{t}.{r}.{c}: read {got[t, r, c]!r}, printed {v!r}"
        for (t, r, c), v in want.items()
        if got[t, r, c] is not None and got[t, r, c] != v
    ]


def _codes(parsed: Report, table: str, row: str) -> set[str]:
    return {d.code for d in parsed.diagnostics if d.table == table and d.row in (row, None)}
