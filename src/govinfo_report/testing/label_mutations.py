"""Table labels and headers as real documents print them: spaced out, broken over lines,
wrapped below their numbers, truncated or missing. None of it may change what the text reads as."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from ..reading.labels import fold
from ..reading.normalize import display_width
from ..writers.text import Placement
from .mutating import header_lines, lines_of, lossless, table_lines
from .oracle import Mutated
from .rendered import Rendered

_HAN_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


@st.composite
def letter_spacing(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """自 然 人: spaces between the characters of table labels and of the title (never of
    headings), as a PDF's text prints letter-spaced cells and a large centred title."""
    lines, placement = lines_of(rendered)
    space = draw(st.sampled_from((" ", "\u3000", "  ")))
    targets = [0, *sorted(table_lines(placement))]  # the title is the first line
    chosen = set(draw(st.lists(st.sampled_from(targets), min_size=1, max_size=12)))
    for index in chosen:
        lines[index] = _HAN_PAIR.sub(space, lines[index])
    return lossless("letter-spacing", rendered, "\n".join(lines))


@st.composite
def variant_characters(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """其它 for 其他 in some table labels and headers, as many reports print it."""
    lines, placement = lines_of(rendered)
    targets = sorted(i for i in table_lines(placement) if "其他" in lines[i])
    if not targets:
        return lossless("variant-characters", rendered, rendered.text)
    for index in set(draw(st.lists(st.sampled_from(targets), min_size=1))):
        lines[index] = lines[index].replace("其他", "其它")
    return lossless("variant-characters", rendered, "\n".join(lines))


@st.composite
def line_breaks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A label broken over two lines inside its cell (结果\\n纠正)."""
    lines, placement = lines_of(rendered)
    candidates = [
        (i, m.start()) for i in sorted(table_lines(placement)) for m in _HAN_PAIR.finditer(lines[i])
    ]
    if not candidates:
        return lossless("line-break", rendered, rendered.text)
    picks = sorted(set(draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4))), reverse=True)
    for index, at in picks:
        lines[index] = lines[index][:at] + "\n" + lines[index][at:]
    return lossless("line-break", rendered, "\n".join(lines))


def _own_label_start(label: str) -> int:
    """Where a row's own label starts in the text left of its numbers: after the indent, and
    after a group label to its left (only the row's own label wraps)."""
    start = len(label) - len(label.lstrip())
    gap = label.rfind("  ")
    return max(start, gap + 2 if gap >= start else start)


def _wrap_points(lines: list[str], placement: Placement) -> list[tuple[int, str, int]]:
    """(line, label, where the label may break) for the labelled rows whose label is long enough
    to wrap, with enough of it left beside the numbers to name the row."""
    points: list[tuple[int, str, int]] = []
    for (table, row), (_first, last) in placement.rows.items():
        if table == "review_litigation":
            continue
        cut = min(a for (t, r, _c), (_line, a, _b) in placement.cells.items() if (t, r) == (table, row))
        label = lines[last][:cut].rstrip()
        start = _own_label_start(label)
        if len(fold(label[start:])) < 12:
            continue
        points += [
            (last, label, m.start())
            for m in _HAN_PAIR.finditer(label, start)
            if len(fold(label[start : m.start()])) >= 6
        ]
    return points


@st.composite
def wrapped_below(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A long label whose end wrapped onto the line below its numbers, as ``pdftotext -layout``
    prints a tall cell whose text is top-aligned (space-aligned layout only)."""
    lines, placement = lines_of(rendered)
    candidates = _wrap_points(lines, placement)
    if not candidates:
        return lossless("wrapped-below", rendered, rendered.text)
    last, label, at = draw(st.sampled_from(sorted(candidates)))
    tail = label[at:]
    indent = display_width(label[: len(label) - len(label.lstrip())])
    lines[last] = label[:at] + " " * display_width(tail) + lines[last][len(label) :]
    lines[last + 1 : last + 1] = [" " * indent + tail]
    return lossless("wrapped-below", rendered, "\n".join(lines))


@st.composite
def dropped_header(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A header line (or, one cell per line, a header cell) missing: no cell may change."""
    lines, placement = lines_of(rendered)
    headers = sorted(i for i in header_lines(placement) if lines[i].strip())
    for index in sorted(set(draw(st.lists(st.sampled_from(headers), min_size=1, max_size=3))), reverse=True):
        del lines[index]
    return lossless("dropped-header", rendered, "\n".join(lines))


_TRUNCATIONS = {
    "结果维持": "结果",
    "结果纠正": "结果",
    "其他结果": "其他",
    "尚未审结": "尚未",
    "本年制发件数": "本年制发",
    "本年废止件数": "本年废止",
    "社会公益组织": "社会公益",
    "法律服务机构": "法律服务",
    "商业企业": "商业",
    "本年处理决定数量": "本年处理决定",
}


@st.composite
def truncated_headers(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = lines_of(rendered)
    names = draw(st.lists(st.sampled_from(sorted(_TRUNCATIONS)), min_size=1, unique=True))
    for index in header_lines(placement):
        for name in names:
            lines[index] = lines[index].replace(name, _TRUNCATIONS[name])
    return lossless("truncated-header", rendered, "\n".join(lines))
