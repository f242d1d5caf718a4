"""Text normalisation before parsing.

Every rendering of a report is first folded to one canonical text so the grammars need to know
only one spelling of each thing. The fold never adds or removes a line break, so line *n* of the
normalised text is line *n* of the input (lines are split on ``\\n``, ``\\r\\n`` or ``\\r``): the
line map back to the original is the identity, and every diagnostic's line number can be shown
to the user as it is.

What is folded:

* NFKC: full-width digits, letters and punctuation (０１２ （）：，) become ASCII.
* every kind of space (U+00A0, U+3000, U+2002 …) becomes a plain space; tabs stay (they are
  cell separators).
* curly quotes become straight ones.
* markdown heading marks (``## 一、总体情况``) and emphasis are dropped.
* Word artefacts such as ``[bookmark: _GoBack]`` and form feeds are dropped.
* page-number lines (``-3-``, ``- 4 -``, ``第 3 页 共 9 页``) become blank lines.
* thousands separators inside numbers are removed (``3,985,758`` → ``3985758``).
"""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile(r"\r\n?")
# Spaces NFKC leaves alone or maps inconsistently, and zero-width characters.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u000b]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u000c]")
_DOUBLE_QUOTES = re.compile("[“”„「」]")
_SINGLE_QUOTES = re.compile("[‘’]")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_WORD_ARTEFACTS = re.compile(r"\[(?:bookmark|BOOKMARK):[^\]]*\]|\{\s*PAGE\s*\}|\{\s*NUMPAGES\s*\}")
_PAGE_NUMBER_LINES = re.compile(
    r"^[ \t]*(?:[-—–－‐]+[ \t]*[0-9]{1,4}[ \t]*[-—–－‐]+"
    r"|第[ \t]*[0-9]{1,4}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*[0-9]{1,4}[ \t]*页)?"
    r"|[0-9]{1,4}[ \t]*/[ \t]*[0-9]{1,4}"
    r"|Page[ \t]+[0-9]{1,4}(?:[ \t]+of[ \t]+[0-9]{1,4})?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9]|,[0-9])")


def _drop_commas(match: re.Match[str]) -> str:
    start = match.start()
    if start and match.string[start - 1] in "0123456789.,":
        return match.group(0)  # the tail of a longer number: not a thousands group
    return match.group(0).replace(",", "")


_MD_HEADING_LINES = re.compile(r"^[ \t]*#{1,6}[ \t]*", re.MULTILINE)


def normalize(text: str) -> str:
    """Normalise a whole report; the result has exactly as many lines as the input.

    NFKC never creates or removes a line feed, so the whole text is folded at once; the
    line-anchored rules then run with ``re.MULTILINE``.
    """
    text = _NEWLINES.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub(" ", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _SINGLE_QUOTES.sub("'", text)
    text = _WORD_ARTEFACTS.sub("", text)
    text = _PAGE_NUMBER_LINES.sub("", text)
    text = _MD_HEADING_LINES.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    if "," in text:
        text = _THOUSANDS.sub(_drop_commas, text)
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def split_lines(text: str) -> list[str]:
    """Split text into lines on ``\\n``, ``\\r\\n`` and ``\\r`` — the numbering every line number
    in this library uses."""
    return _NEWLINES.sub("\n", text).split("\n")
