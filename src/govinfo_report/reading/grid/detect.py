"""Which rendering a table region is in, from how its lines are built."""

from __future__ import annotations

import re
from collections import Counter

from .model import Layout, Region

#: A border line of a grid table: only border characters, with a "+" joining strokes. The whole
#: line is checked first, so a long line of spaces and strokes that is no border fails in one pass.
_BORDER = re.compile(r"^(?=[-=:|+ \t]*$).*?(?:\+[-=:]|[-=:]\+)")
_HTML_CELL = re.compile(r"<t[dh]\b", re.IGNORECASE)
_ONE_CELL = re.compile(r"^ *[^\t ]+(?: [^\t ]+)* *$")
_NUMBERS = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?")
_NUMBER_LINE = re.compile(r"^\s*[+-]?[0-9]+(?:\.[0-9]+)?\s*$")


def detect_layout(text: str) -> Layout:
    """Guess the rendering of a table region from how its lines are built."""
    return layout_of(Region(text))


def layout_of(region: Region) -> Layout:
    """:func:`detect_layout` on a region whose lines are already split."""
    lines = [line for line in region.lines if line.strip()]
    if not lines:
        return "spaced"
    if sum(1 for line in lines if "+" in line and _BORDER.match(line)) >= 2:
        return "grid"
    if len(_HTML_CELL.findall(region.text)) >= 3:
        return "html"
    return _separated(lines) or ("lines" if _one_cell_per_line(lines) else "spaced")


def _separated(lines: list[str]) -> Layout | None:
    """The layout whose cell separator enough lines use: bars, tabs, or a tab beside one cell."""
    # a short region (a table of a header line and one row) needs every line to agree
    floor = min(max(3, len(lines) // 5), len(lines))
    if sum(1 for line in lines if line.count("|") >= 2) >= floor:
        return "pipe"
    tabbed = Counter(_tab_layout(line) for line in lines if "\t" in line)
    if tabbed["tsv"] >= floor:
        return "tsv"
    if tabbed["lines"] >= floor:
        return "lines"
    return None


def _tab_layout(line: str) -> Layout | None:
    """A tab between two filled cells separates cells; one before or after a lone cell pads it."""
    filled = 0
    for cell in line.split("\t"):
        if cell.strip():
            filled += 1
            if filled == 2:
                return "tsv"
    if line.startswith("\t") or line.endswith("\t"):
        return "lines"
    return None


def _one_cell_per_line(lines: list[str]) -> bool:
    """Nearly every line one cell, and numbers alone on theirs: pdftotext, text browsers and
    extractors that give each cell of a table its own paragraph."""
    one_cell = sum(1 for line in lines if _ONE_CELL.match(line) and len(_NUMBERS.findall(line)) <= 1)
    alone = sum(1 for line in lines if _NUMBER_LINE.match(line))
    return 10 * one_cell >= 9 * len(lines) and alone >= 3
