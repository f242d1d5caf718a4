"""Text normalisation before parsing.

Every rendering of a report is first folded to one canonical text so the grammars need to know
only one spelling of each thing. The fold never adds or removes a line break, so line *n* of the
normalised text is line *n* of the input (lines are split on ``\\n``, ``\\r\\n`` or ``\\r``): the
line map back to the original is the identity, and every diagnostic's line number can be shown
to the user as it is.

What is folded:

* NFKC: full-width digits, letters and punctuation (０１２ （）：，) become ASCII.
* every kind of space (U+00A0, U+3000, U+2002 …) becomes a plain space; tabs stay (they are
  cell separators). A no-break space that stands alone between spaces next to a number is a web
  page's empty cell (``<td>&nbsp;</td>``) in a PDF extractor's row: it becomes a blank mark
  (``—``), as a line of nothing but no-break spaces becomes a lone tab.
* curly quotes become straight ones.
* markdown heading marks (``## 一、总体情况``) and emphasis are dropped.
* Word artefacts such as ``[bookmark: _GoBack]`` and form feeds are dropped.
* page-number lines (``-3-``, ``- 4 -``, ``第 3 页 共 9 页``, a markdown row ``| | - 3 | - |``)
  become blank lines.
* thousands separators inside numbers are removed (``3,985,758`` → ``3985758``).
* inline HTML tags (``<span style="…">``, ``<font>``, ``<strong>``, ``<p>``, ``<o:p>`` …) that
  converters pass through from a Word-pasted page are dropped — a tag broken over lines leaves
  its line breaks; the tags of a table (``<tr>``, ``<td>``) stay for the table reader.
* markdown links and pandoc's bracketed spans keep only their text (``[一、总]{style="…"}`` →
  ``一、总``); inside a table row the text is padded to the width of what was removed, so the
  row's borders stay where they were drawn. Pandoc's fenced div lines (``::: {style="…
  line-height: 2"}`` and the ``:::`` that closes one), markup with no text, become blank lines:
  their attributes' numbers are no values.
* box-drawing characters (``│ ┼ ─ ┌ ═`` …, text browsers' table borders) become the ASCII of a
  grid table (``| + - =``).
* on a table row drawn with borders (``|``) folding never moves a border: a word NFKC makes
  narrower (``（一）`` → ``(一)``) is followed by the spaces it lost, and an ideographic space
  counts two, so every cell stays in the display column the converter drew it in. (Text aligned
  with spaces only is left as it is: converters count its columns in characters, which NFKC
  keeps.)
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

_NEWLINES = re.compile(r"\r\n?")
# Spaces NFKC leaves alone or maps inconsistently, and zero-width characters.
_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u000b]")
#: A line of nothing but no-break spaces: a web page's empty cell (``<td>&nbsp;</td>``) as a
#: one-cell-per-line dump prints it (BeautifulSoup's ``get_text("\\n")``). It becomes a lone tab,
#: the empty cell of that layout; NFKC would make it a blank line, which ends a row. Not in a
#: text whose cells stand behind tabs (tab-separated rows, Word's one cell per line behind a
#: tab): there a lone tab is the empty cell already, and such a line is only a blank one.
_EMPTY_CELL_LINE = re.compile(r"^\u00a0+$", re.MULTILINE)
_CELL_BEHIND_TAB = re.compile(r"^\t+[^\s]", re.MULTILINE)
#: No-break spaces standing alone between spaces next to a number: a web page's empty cell
#: (``<td>&nbsp;</td>``) in a row a PDF extractor printed with single spaces between its cells
#: (pypdf: ``（七）总计 22 21 13 \u00a0 21 22 113``), where a blank cell otherwise leaves no mark;
#: several such cells in a row stand a space apart (``件 \u00a0 \u00a0 925``), before a signed
#: number too (``行政处罚 \u00a0 -68 \u00a0``). Each becomes a
#: blank mark (``—``). Not in a markdown or tab-separated row, whose bars or tabs part the cells
#: already.
_EMPTY_CELL_BETWEEN = re.compile(
    r"(?<=[0-9] )\u00a0+(?: \u00a0+)*(?= |$)|(?<= )\u00a0+(?: \u00a0+)*(?= [-+]?[0-9])", re.MULTILINE
)
_NO_BREAK_RUN = re.compile("\u00a0+")
#: A footnote's mark that NFKC would make one more digit of the number it follows (2626¹ →
#: 26261, 278① → 2781): superscript digits, circled and parenthesised numbers.
_FOOTNOTE_CHARACTERS = frozenset("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079") | frozenset(
    map(chr, range(0x2460, 0x2488))
)
_DIGIT_FOOTNOTE = re.compile("[" + "".join(sorted(_FOOTNOTE_CHARACTERS)) + "]+")
#: A footnote's mark ending a number's cell (415*, 415※, 415[1], 415（注）).
_CELL_FOOTNOTE = re.compile(r"(?:\*{1,3}|※|\[注?[0-9]{1,2}\]|\(注[0-9]{0,2}\))(?=[\t| ]|$)", re.MULTILINE)
#: What a number in a cell may be printed with, and what may stand before it in its line.
_NUMBER_CHARACTERS = frozenset("0123456789,.")
_DIGITS_ANY_WIDTH = frozenset("0123456789０１２３４５６７８９")
_CELL_START = frozenset("\t| \n+-")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\u000c]")
_DOUBLE_QUOTES = "“”„「」"
_SINGLE_QUOTES = "‘’"
#: The minus sign (U+2212), which NFKC keeps: a signed change of format 2019 (``−4``) as typeset
_MINUS = "\u2212"
# spaces, quotes and the minus sign in one pass: each becomes its plain ASCII form
_SPACES_AND_QUOTES = re.compile(f"{_SPACES.pattern[:-1]}{_DOUBLE_QUOTES}{_SINGLE_QUOTES}{_MINUS}]")
_PLAIN = dict.fromkeys(_DOUBLE_QUOTES, '"') | dict.fromkeys(_SINGLE_QUOTES, "'") | {_MINUS: "-"}


def _plain(match: re.Match[str]) -> str:
    return _PLAIN.get(match.group(0), " ")


# emphasis spans a few words: looking no further than that keeps a line of unclosed marks linear
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.{1,1000}?)(?<=\S)\1")
_WORD_ARTEFACTS = re.compile(r"\[(?:bookmark|BOOKMARK):[^\]]*\]|\{\s*PAGE\s*\}|\{\s*NUMPAGES\s*\}")
_PAGE_NUMBER_LINE = re.compile(
    r"[ \t]*(?:[-—–－‐]+[ \t]*[0-9]{1,4}[ \t]*[-—–－‐]+"
    # a PDF-to-markdown tool's table row made of a page number alone: | | - 3 | - |
    r"|\|[ \t|]*[-—–－‐]+[ \t]*[0-9]{1,4}[ \t|]*[-—–－‐]+[ \t|]*"
    # 第 3 页 共 9 页, printed up to three times over on one line (a footer each section draws)
    r"|(?:第[ \t]*[0-9]{1,4}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*[0-9]{1,4}[ \t]*页)?[ \t]*){1,3}"
    r"|[0-9]{1,4}[ \t]*/[ \t]*[0-9]{1,4}"
    r"|Page[ \t]+[0-9]{1,4}(?:[ \t]+of[ \t]+[0-9]{1,4})?)[ \t]*",
    re.IGNORECASE,
)
#: What a page number line starts with after its blanks and bars: any other line is none.
_PAGE_NUMBER_STARTS = frozenset("-—–－‐第0123456789Pp")
#: A table's caption alone on its line, where a table goes on after a break (表3（续）, 续表2):
#: no row of the table, though its number would stand as one.
_CAPTION_LINE = re.compile(
    r"[ \t|]*(?:续表[ \t]*[0-9]{0,2}"
    r"|表[ \t]*[0-9]{1,2}[ \t]*(?:[(（][ \t]*续(?:表|上表)?[ \t]*[)）]|续)?)[ \t|]*"
)
_CAPTION_STARTS = frozenset("表续")
_PAGE_NUMBER_PADDING = frozenset(" \t|")
# a number starts where no digit, point or comma stands before it, and its groups are never given
# back (a shorter run is followed by ",digit" and fails anyway): one try per number, linear
_THOUSANDS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3})++(?![0-9]|,[0-9])")
# a cheap first look: most reports have no thousands separator at all
_THOUSANDS_HINT = re.compile(r",[0-9]{3}")


# Box drawing (U+2500–U+257F): horizontal strokes, vertical strokes, everything else a junction.
_BOX_HORIZONTAL = "─━┄┅┈┉╌╍╴╶╸╺╼╾"
_BOX_VERTICAL = "│┃┆┇┊┋╎╏║╵╷╹╻╽╿"
_BOX = str.maketrans(
    {chr(cp): "+" for cp in range(0x2500, 0x2580)}
    | dict.fromkeys(_BOX_HORIZONTAL, "-")
    | {"═": "="}
    | dict.fromkeys(_BOX_VERTICAL, "|")
)
_HAS_BOX = re.compile("[\u2500-\u257f]")
# the ones text browsers draw with, replaced first: str.replace is much faster than translate
_BOX_COMMON = tuple((ch, _BOX[ord(ch)]) for ch in "─│┼├┤┬┴┌┐└┘═")
_COLUMN_LINE = re.compile(r"^.*\|.*$", re.MULTILINE)
_WORD = re.compile(r"[^\s|+]+")


_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|strong|em|i|u|s|a|p|div|br|o:p|sup|sub|small|big|ins|del|strike|mark)\b[^<>]*>",
    re.IGNORECASE,
)


def _drop_tag(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


# [text]{attributes} (pandoc bracketed span), [text](url) and ![alt](src) (links, images)
_MD_INLINE = re.compile(r"!?\[([^\[\]\n]*)\](?:\{[^{}\n]*\}|\([^()\n]*\))")


#: A pandoc fenced div's opening line with its attributes or class, or its closing line.
#: (possessive throughout: a long line that is no such thing fails in one pass)
_FENCED_DIV = re.compile(
    r"^[ \t]*+:{3,}+[ \t]*+(?:\{[^{}\n]*+\}|[^\s{}:]++)?+[ \t]*+:*+[ \t]*+$", re.MULTILINE
)


def _strip_inline(line: str) -> str:
    """The line without link and span markup; a table row's cells keep their display width."""
    if "|" in line:
        cells = line.split("|")
        return "|".join(
            stripped + " " * max(0, display_width(cell) - display_width(stripped))
            for cell in cells
            for stripped in (_strip_inline(cell),)
        )
    while True:
        stripped = _MD_INLINE.sub(r"\1", line)
        if stripped == line:
            return line
        line = stripped


def display_width(text: str) -> int:
    """Columns a terminal (and a converter laying out a text table) gives the text: two for wide
    and full-width characters, none for combining and format characters."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@functools.cache
def _char_width(ch: str) -> int:
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf" else 1


def _fold_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.isascii() or unicodedata.is_normalized("NFKC", word):
        return word
    folded = unicodedata.normalize("NFKC", _without_footnote_digits(word))
    return folded + " " * max(0, display_width(word) - display_width(folded))


def _fold_column_line(match: re.Match[str]) -> str:
    """NFKC a table row word by word, keeping every word where it starts."""
    line = match.group(0)
    if unicodedata.is_normalized("NFKC", line):
        return line  # every word is (and the line holds no ideographic space)
    return _WORD.sub(_fold_word, line.replace("\u3000", "  "))


def _drop_commas(match: re.Match[str]) -> str:
    return match.group(0).replace(",", "")


#: Characters reports print that NFKC changes: full-width forms, the ideographic space, circled
#: and parenthesised numbers, CJK compatibility characters, odd spaces, superscripts, fractions,
#: Roman numerals, ellipses. Any other is still folded: see :func:`nfkc`.
_NFKC_COMMON = re.compile(
    "[\u00a0\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u2000-\u200a\u2024-\u2026"
    "\u2032-\u2037\u2070-\u209f\u2100-\u218f\u2460-\u24ff\u3000\u3200-\u33ff"
    "\uf900-\ufaff\ufe10-\ufe6f\uff01-\uffef]+"
)


def _nfkc_run(match: re.Match[str]) -> str:
    run = match.group(0)
    # most runs are one full-width mark (，（）): a set answers for those
    if run in _FOOTNOTE_CHARACTERS if len(run) == 1 else _DIGIT_FOOTNOTE.search(run):
        before = match.string[match.start() - 1 : match.start()]
        run = _without_footnote_digits(before + run)[len(before) :]
    return unicodedata.normalize("NFKC", run)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster on long texts, without the footnote marks
    NFKC would make digits of the number before them (2626¹ is 2626, not 26261).

    Only the runs of common compatibility characters are normalised; the result is equivalent
    to the text, so when it is in NFKC it *is* the text's NFKC (a normal form is unique).
    Anything else — a character outside the common set, a combining mark that composes — makes
    the check fail, and the whole text is normalised the ordinary way.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    folded = _NFKC_COMMON.sub(_nfkc_run, text)
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return unicodedata.normalize("NFKC", _without_footnote_digits(text))


_MD_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]*")


def _empty_cell_between(match: re.Match[str]) -> str:
    """A lone run of no-break spaces as a blank mark, unless its line parts its cells with
    bars or tabs already (a markdown row, a tab-separated one: there it is only a space)."""
    text = match.string
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = text[start : end if end >= 0 else len(text)]
    if "|" in line or "\t" in line:
        return match.group(0)
    # each as wide as it was: the columns after it stay put
    return _NO_BREAK_RUN.sub(lambda run: "—".ljust(len(run.group(0))), match.group(0))


def _without_footnote_digits(text: str) -> str:
    """The text without the footnote marks after numbers that NFKC would make digits (2626¹)."""
    if _DIGIT_FOOTNOTE.search(text) is None:
        return text
    return _DIGIT_FOOTNOTE.sub(lambda mark: "" if _after_digit(mark) else mark.group(), text)


def _without_cell_footnotes(text: str) -> str:
    """The text without the footnote marks that end a number's cell (415*, 415[1]): a mark
    after a number that starts its cell (so not markdown's ``**415**``)."""
    if "*" not in text and "※" not in text and "[" not in text and "(注" not in text:
        return text
    return _CELL_FOOTNOTE.sub(lambda mark: "" if _ends_a_cells_number(mark) else mark.group(), text)


def _after_digit(mark: re.Match[str]) -> bool:
    at = mark.start()
    return at > 0 and mark.string[at - 1] in _DIGITS_ANY_WIDTH


def _ends_a_cells_number(mark: re.Match[str]) -> bool:
    text, end = mark.string, mark.start()
    start = end
    while start > 0 and text[start - 1] in _NUMBER_CHARACTERS:
        start -= 1
    return start < end and text[start].isdigit() and (start == 0 or text[start - 1] in _CELL_START)


def normalize(text: str) -> str:
    """Normalise a whole report; the result has exactly as many lines as the input.

    NFKC never creates or removes a line feed, so the whole text is folded at once; the
    line-anchored rules then run with ``re.MULTILINE``.
    """
    text = _NEWLINES.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    if "<" in text:
        text = _INLINE_TAG.sub(_drop_tag, text)
    if ":::" in text:
        text = _FENCED_DIV.sub("", text)
    if "](" in text or "]{" in text:
        lines = text.split("\n")
        text = "\n".join(_strip_inline(line) if "](" in line or "]{" in line else line for line in lines)
    if _HAS_BOX.search(text):
        for box, ascii_ in _BOX_COMMON:
            text = text.replace(box, ascii_)
        if _HAS_BOX.search(text):
            text = text.translate(_BOX)
    if "|" in text and not unicodedata.is_normalized("NFKC", text):
        text = _COLUMN_LINE.sub(_fold_column_line, text)
    if "\u00a0" in text:
        if not _CELL_BEHIND_TAB.search(text):
            text = _EMPTY_CELL_LINE.sub("\t", text)
        text = _EMPTY_CELL_BETWEEN.sub(_empty_cell_between, text)
    text = _without_cell_footnotes(nfkc(text))
    text = _SPACES_AND_QUOTES.sub(_plain, text)
    # the rarer rules only where their marks occur: each pass over a long page costs
    if "[" in text or "{" in text:
        text = _WORD_ARTEFACTS.sub("", text)
    rules = _LineRules.of(text)
    return "\n".join([rules.apply(line) for line in text.split("\n")])


class _LineRules:
    """The rules that keep within a line, applied line by line in one pass — page numbers,
    Markdown heading marks and emphasis, thousands separators, trailing spaces — each only on
    the lines where its marks occur, and only where the text has them at all."""

    __slots__ = ("emphasis", "headings", "thousands")

    def __init__(self, headings: bool, emphasis: bool, thousands: bool) -> None:
        self.headings, self.emphasis, self.thousands = headings, emphasis, thousands

    @classmethod
    def of(cls, text: str) -> _LineRules:
        return cls("#" in text, "**" in text or "__" in text, _THOUSANDS_HINT.search(text) is not None)

    def apply(self, line: str) -> str:
        first = line[:1]
        if first in _PAGE_NUMBER_PADDING:  # (most lines start with a word: no copy of them)
            first = line.lstrip(" \t|")[:1]
        if first in _PAGE_NUMBER_STARTS and _PAGE_NUMBER_LINE.fullmatch(line):
            return ""
        if first in _CAPTION_STARTS and _CAPTION_LINE.fullmatch(line):
            return ""
        if self.headings and "#" in line:
            line = _MD_HEADING_LINE.sub("", line, count=1)
        if self.emphasis and ("**" in line or "__" in line):
            line = _MD_EMPHASIS.sub(r"\2", line)
        if self.thousands and "," in line:
            line = _THOUSANDS.sub(_drop_commas, line)
        return line.rstrip(" ")


class LineIndex:
    """Where each line of one text starts: built once per text, it turns offsets into the
    1-based line numbers every diagnostic carries, and lines back into offsets."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def line(self, offset: int) -> int:
        """The 1-based line of a character offset."""
        return bisect.bisect_right(self.starts, offset)

    def start(self, line: int, default: int) -> int:
        """The offset of line ``line + 1``'s start (``default`` past the last line)."""
        return self.starts[line] if line < len(self.starts) else default


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character: line ``n`` (1-based) starts at ``[n - 1]``, and
    ``bisect_right(starts, offset)`` is the line of an offset."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


_LINE_END = re.compile("\n")


def split_lines(text: str) -> list[str]:
    """Split text into lines on ``\\n``, ``\\r\\n`` and ``\\r`` — the numbering every line number
    in this library uses."""
    return _NEWLINES.sub("\n", text).split("\n")
