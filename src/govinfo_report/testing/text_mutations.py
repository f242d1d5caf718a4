"""Noise over the whole text: spaces, character widths, quotes, enumerators, number formats and
Word's bookmarks. None of it may change what the text reads as."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from .mutating import lines_of, lossless, seeded, table_lines
from .oracle import Mutated
from .rendered import Rendered

_SPACES = (" ", "  ", "\u3000", "\u00a0", " \u3000")


@st.composite
def whitespace(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Spaces of every kind at line ends and around separators, and extra blank lines."""
    rnd = seeded(draw)
    lines = rendered.text.split("\n")
    cells = rendered.layout == "cells"
    printed, placement = lines_of(rendered)
    # the renderer's line numbers hold only for its own text, not for one already mutated
    tables = table_lines(placement) if printed == lines else set(range(len(lines)))
    out: list[str] = []
    for index, line in enumerate(lines):
        if rnd.random() < 0.25:
            line = rnd.choice(_SPACES) + line
        if rnd.random() < 0.25:
            line = line + _trailing(rnd.choice(_SPACES), line)
        if rendered.layout in ("tsv", "pipe", "markdown") and rnd.random() < 0.25:
            sep = "\t" if rendered.layout == "tsv" else "|"
            line = line.replace(sep, rnd.choice(_SPACES) + sep + rnd.choice(_SPACES))
        out.append(line)
        # blank lines separate rows in the one-cell-per-line layout: add them only where one is
        inside_row = cells and index in tables and lines[index] != ""  # "\t" is an empty cell
        if not inside_row and rnd.random() < 0.2:
            out.append(rnd.choice(("", " ", "\u3000")))
    return lossless("whitespace", rendered, "\n".join(out))


def _trailing(space: str, line: str) -> str:
    """``space`` to end ``line`` with, but a plain one for a no-break space after a space: a
    no-break space standing alone a space after a number is a blank cell's mark (a web page's
    ``<td>&nbsp;</td>`` in a PDF extractor's row), which whitespace noise must not make."""
    return " " if space == "\u00a0" and line.endswith(" ") else space


_WIDE = {"(": "（", ")": "）", ":": "：", ",": "，", "（": "(", "）": ")", "：": ":", "，": ","}


@st.composite
def widths(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Full-width digits and punctuation where the text has ASCII, and the other way round."""
    rnd = seeded(draw)
    share = draw(st.sampled_from((0.1, 0.5, 1.0)))
    out = []
    for ch in rendered.text:
        flip = rnd.random() < share
        if flip and "0" <= ch <= "9":
            ch = chr(ord(ch) - ord("0") + ord("０"))
        elif flip and ch in _WIDE:
            ch = _WIDE[ch]
        out.append(ch)
    return lossless("widths", rendered, "".join(out))


@st.composite
def quotes(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    left, right = draw(st.sampled_from((('"', '"'), ("「", "」"), ("＂", "＂"), ("‘", "’"), ("“", "”"))))
    text = rendered.text.replace("“", left).replace("”", right)
    return lossless("quotes", rendered, text)


_ENUM = re.compile(r"(?<![0-9])([1-9])\.(?=[\u4e00-\u9fff])")


@st.composite
def enumerators(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    mark = draw(st.sampled_from(("、", "．", ". ", "、 ")))
    return lossless("enumerators", rendered, _ENUM.sub(lambda m: m.group(1) + mark, rendered.text))


def _group_thousands(digits: str, comma: str) -> str:
    head, dot, tail = digits.partition(".")
    groups: list[str] = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    return comma.join([head, *groups]) + dot + tail


def _number_cells(
    draw: st.DrawFn, rendered: Rendered, most: int
) -> tuple[list[str], list[tuple[int, int, int]]]:
    """The rendering's lines, and up to ``most`` of its cells printing a number (line, start,
    end), last on a line first: changing one leaves the places of those before it."""
    lines, placement = lines_of(rendered)
    spans = [span for span in placement.cells.values() if span[2] > span[1]]
    if not spans:
        return lines, []
    chosen = sorted(
        set(draw(st.lists(st.sampled_from(spans), min_size=1, max_size=most))), key=lambda s: (s[0], -s[1])
    )
    return lines, [(n, a, b) for n, a, b in chosen if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", lines[n][a:b])]


@st.composite
def number_formats(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Numbers with thousands separators (3,985,758) or in full-width digits (１２)."""
    lines, chosen = _number_cells(draw, rendered, most=20)
    for line, a, b in chosen:
        number = lines[line][a:b]
        style = draw(st.sampled_from(("comma", "wide-comma", "full-width")))
        if style == "full-width":
            new = "".join(chr(ord(c) - ord("0") + ord("０")) if c.isdigit() else "．" for c in number)
        else:
            new = _group_thousands(number, "," if style == "comma" else "，")
        lines[line] = lines[line][:a] + new + lines[line][b:]
    return lossless("number-format", rendered, "\n".join(lines))


#: Footnote marks printed right after a number in its cell, and notes in brackets after it.
_FOOTNOTE_MARKS = ("¹", "²", "①", "②", "*", "※", "[1]", "(1)", "（2）", "（注）", "（含转办2件）")


@st.composite
def footnote_marks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Numbers with a footnote's mark after them (2626¹, 278①, 415*, 12[1]) or a note in
    brackets (930（含转办2件）): the cell's value is the number."""
    lines, chosen = _number_cells(draw, rendered, most=8)
    for line, _, b in chosen:
        lines[line] = lines[line][:b] + draw(st.sampled_from(_FOOTNOTE_MARKS)) + lines[line][b:]
    return lossless("footnote-marks", rendered, "\n".join(lines))


_ARTEFACT = "[bookmark: _GoBack]"


@st.composite
def word_artefacts(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Word's ``[bookmark: _GoBack]`` left at the start or the end of a line."""
    lines = rendered.text.split("\n")
    for index in set(draw(st.lists(st.integers(0, len(lines) - 1), min_size=1, max_size=4))):
        if draw(st.booleans()):
            lines[index] = _ARTEFACT + lines[index]
        else:
            lines[index] = lines[index] + _ARTEFACT
    return lossless("word-artefact", rendered, "\n".join(lines))
