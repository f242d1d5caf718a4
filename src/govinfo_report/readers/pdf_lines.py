"""Characters into lines, and lines into text.

Chinese has no spaces between words, so the gaps between character boxes decide everything: a
gap between two Chinese characters is letter spacing (justified text, a spaced-out heading) and
never a space, a gap between Latin letters or digits wider than a thin space is a space, and a
gap wider than a few characters separates things that stand apart on the line.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from .pdf_page import Glyph

#: Two characters whose vertical centres are this close (in line heights) stand on one line.
_SAME_LINE = 0.4
#: A gap (in line heights) between Latin letters or digits that is a space.
_LATIN_SPACE = 0.2
#: A gap (in line heights) between Chinese characters that still is a space.
_WIDE_SPACE = 1.0


@functools.cache
def is_wide(char: str) -> bool:
    """A Chinese character or full-width sign: one that needs no space next to it."""
    return unicodedata.east_asian_width(char) in "WF"


class TextLine:
    """Characters standing on one line, left to right, the box around them, their text and the
    widest gap between two of them."""

    __slots__ = ("bottom", "glyphs", "left", "right", "text", "top", "widest_gap")

    glyphs: tuple[Glyph, ...]
    left: float
    right: float
    top: float
    bottom: float
    text: str
    widest_gap: float

    def __init__(self, glyphs: Sequence[Glyph]) -> None:
        kept = tuple(glyphs)
        chars, lefts, tops, rights, bottoms = zip(*kept, strict=True)
        self._measure(kept, chars, lefts, tops, rights, bottoms)

    @classmethod
    def _of_fields(
        cls,
        glyphs: tuple[Glyph, ...],
        fields: tuple[tuple[Any, ...], ...],
        gaps: list[float],
    ) -> TextLine:
        """A line of ``glyphs`` already in order, from their fields (``zip(*glyphs)``: chars,
        lefts, tops, rights, bottoms) and the gaps between them, worked out by the caller."""
        line = cls.__new__(cls)
        chars, lefts, tops, rights, bottoms = fields
        line._measure(glyphs, chars, lefts, tops, rights, bottoms, gaps=gaps)
        return line

    def _measure(
        self,
        glyphs: tuple[Glyph, ...],
        chars: tuple[str, ...],
        lefts: tuple[float, ...],
        tops: tuple[float, ...],
        rights: tuple[float, ...],
        bottoms: tuple[float, ...],
        gaps: list[float] | None = None,
    ) -> None:
        self.glyphs = glyphs
        self.left = lefts[0]
        self.right = max(rights)
        self.top = min(tops)
        self.bottom = max(bottoms)
        height = self.bottom - self.top
        if gaps is None:
            gaps = list(map(operator.sub, lefts[1:], rights[:-1]))
        self.widest_gap = max(gaps, default=0.0)
        if self.widest_gap <= _LATIN_SPACE * height:  # most lines: no gap is a space
            self.text = "".join(chars)
        else:
            self.text = spaced(self.glyphs, gaps, height)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def __repr__(self) -> str:
        return (
            f"TextLine({self.text!r}, {self.left:.1f}, {self.top:.1f}, {self.right:.1f}, {self.bottom:.1f})"
        )


_LEFT = operator.attrgetter("left")


def spaced(glyphs: Sequence[Glyph], gaps: Sequence[float], height: float) -> str:
    """The characters' text, with a space where the gap after one of them is one."""
    parts = [glyphs[0].char]
    latin, wide_space = _LATIN_SPACE * height, _WIDE_SPACE * height
    for previous, glyph, gap in zip(glyphs, glyphs[1:], gaps, strict=False):
        if gap > wide_space or (gap > latin and not (is_wide(previous.char) or is_wide(glyph.char))):
            parts.append(" ")
        parts.append(glyph.char)
    return "".join(parts)


def lines_of(glyphs: Iterable[Glyph]) -> list[TextLine]:
    """The characters grouped into lines, top to bottom, each line left to right. A character
    drawn twice over itself (a bold face faked by overprinting) counts once.

    By vertical centre (twice it: top + bottom; the characters' order kept among equals), a
    line runs on from its first character while the next stands within reach of that one's
    centre, at the taller of the two heights: every character within reach at the first one's
    height is found by bisection, the taller ones after them one by one."""
    found = glyphs if isinstance(glyphs, list) else list(glyphs)
    if len(found) < 2:
        return [TextLine(found)] if found else []
    centres = [glyph[2] + glyph[4] for glyph in found]
    order = sorted(range(len(found)), key=centres.__getitem__)
    ordered = [found[i] for i in order]
    twices = [centres[i] for i in order]
    reach = 2 * _SAME_LINE
    lines: list[TextLine] = []
    start, count = 0, len(ordered)
    while start < count:
        centre, height = twices[start], ordered[start][4] - ordered[start][2]
        end = bisect.bisect_right(twices, centre + reach * height, start + 1)
        while end > start + 1 and not twices[end - 1] - centre <= reach * height:
            end -= 1  # the sum bisected on may round the other way than the difference
        while end < count:
            own = ordered[end][4] - ordered[end][2]
            if not twices[end] - centre <= reach * (own if own > height else height):
                break
            end += 1
        lines.append(_line(ordered[start:end]))
        start = end
    return lines


def _line(glyphs: list[Glyph]) -> TextLine:
    """One line's characters by position, without overprinted copies (a copy stands over the
    character before it: a gap far below nothing)."""
    if len(glyphs) < 2:
        return TextLine(glyphs)
    glyphs.sort(key=_LEFT)
    fields = tuple(zip(*glyphs, strict=True))
    _, lefts, _, rights, _ = fields
    gaps = list(map(operator.sub, lefts[1:], rights[:-1]))
    if min(gaps) >= -0.5 * (glyphs[0].bottom - glyphs[0].top):
        return TextLine._of_fields(tuple(glyphs), fields, gaps)
    kept = [glyphs[0]]
    last = glyphs[0]
    for glyph in glyphs[1:]:
        if glyph.char == last.char and glyph.left - last.left < 0.3 * (last.right - last.left):
            continue
        kept.append(glyph)
        last = glyph
    return TextLine(kept)


def words(line: TextLine) -> list[TextLine]:
    """The line cut where its text has a space: the words of a line of a table drawn without
    lines (a label, each number) as :func:`spaced` sees them."""
    pieces: list[list[Glyph]] = [[line.glyphs[0]]]
    for previous, glyph in itertools.pairwise(line.glyphs):
        gap = glyph.left - previous.right
        size = min(previous.bottom - previous.top, glyph.bottom - glyph.top)
        wide = is_wide(previous.char) or is_wide(glyph.char)
        if gap > (_WIDE_SPACE if wide else _LATIN_SPACE) * size:
            pieces.append([])
        pieces[-1].append(glyph)
    return [TextLine(piece) for piece in pieces]


def split_at_gaps(line: TextLine, gap: float) -> list[TextLine]:
    """The line cut where its characters stand further apart than ``gap`` line heights."""
    pieces: list[list[Glyph]] = [[line.glyphs[0]]]
    limit = gap * line.height
    for previous, glyph in itertools.pairwise(line.glyphs):
        if glyph.left - previous.right > limit:
            pieces.append([])
        pieces[-1].append(glyph)
    return [TextLine(piece) for piece in pieces]


def joined(before: str, after: str, *, digits_run_on: bool = True) -> str:
    """Two pieces of text a line break separated, as one: Chinese runs on without a space; Latin
    words keep a space between them; digits run on where ``digits_run_on`` (a number too long
    for its line wraps), else they stay apart (two numbers one above the other)."""
    if not before or not after:
        return before + after
    last, first = before[-1], after[0]
    if not (last.isascii() and first.isascii() and last.isalnum() and first.isalnum()):
        return before + after
    if last.isdigit() and first.isdigit() and digits_run_on:
        return before + after
    return f"{before} {after}"
