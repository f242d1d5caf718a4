"""Stage 2 of the pipeline: the report's outline — preamble and the six sections.

The skeleton grammar (``grammars/skeleton.lark``) defines the heading terminals and the order of
the sections. This module scans the normalised text for every heading candidate and drives Lark's
interactive LALR parser: a candidate becomes a heading only if the parser accepts it in its
current state, otherwise it stays text. A transformer then turns the tree into
:class:`~govinfo_report.model.Section` objects. Where headings are missing, a second pass tries
each heading's pattern with any numeral — alone on its line, else run into the text of a
crawler's one-line page — for reports that number headings their own way (see
:func:`read_skeleton`).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

import attrs
import lark
from lark import Token, Transformer
from lark.parsers.lalr_interactive_parser import InteractiveParser

from ..errors import GrammarError
from ..model import Section
from ..template import grammars
from .normalize import LineIndex


@attrs.frozen
class Skeleton:
    """The outline of a report: the text before the first section, and the sections."""

    preamble: str
    preamble_line: int
    sections: tuple[Section, ...]
    #: (start, end) offsets of each section's body in the normalised text, by section number
    bodies: dict[int, tuple[int, int]]
    #: the sections whose headings the report numbers on its own (一、主动公开政府信息情况 for 二)
    renumbered: tuple[int, ...] = ()


@functools.cache
def _scanner(parser: lark.Lark) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """One regex of all heading terminals of a skeleton grammar and — when every heading starts
    with a plain character — a one-character-class scan that finds the places worth trying."""
    headings = [t for t in parser.terminals if _local(str(t.name)).startswith("HEADING_")]
    patterns = [t.pattern.to_regexp() for t in headings]
    combined = re.compile(_alternation([str(t.name) for t in headings], patterns))
    plain = all(p[:1] and (p[0].isalnum() or ord(p[0]) > 127) for p in patterns)
    starts = re.compile("[" + "".join(sorted({p[0] for p in patterns})) + "]") if plain else None
    return combined, starts


#: A heading pattern's start: its numeral, then a look-behind on the character before it
#: (``一(?<![\u4e00-\u9fff]一)``: not the middle of a word), or that look-behind or another one
#: where "、" follows (``一(?:(?<![…]一)|(?<![…]一)(?=[ \t]*、))``).
_GUARDED_NUMERAL = re.compile(
    r"(?P<numeral>.)(?:\(\?<!(?P<word>\[[^\]]*\])(?P=numeral)\)"
    r"|\(\?:\(\?<!(?P<word2>\[[^\]]*\])(?P=numeral)\)"
    r"\|\(\?<!(?P<enumerated>\[[^\]]*\])(?P=numeral)\)\(\?=(?P<after>[^()]*)\)\))"
)


def _alternation(names: list[str], patterns: list[str]) -> str:
    """The heading patterns as one alternation of named groups. Where every one begins with its
    numeral guarded by a look-behind, each guard is written once, before the alternation of the
    headings it guards: the same matches (each heading starts with a numeral of its own, so the
    order of the alternatives changes nothing), and Python compiles that class of twenty
    thousand characters once per guard instead of once per heading (about 5 ms of a program's
    first parse). A guard written another way is left where it is: slower, the same matches."""
    guards = [_GUARDED_NUMERAL.match(p) for p in patterns]
    found = [g for g in guards if g is not None]
    if len(found) != len(patterns):
        return "|".join(f"(?P<{n}>{p})" for n, p in zip(names, patterns, strict=True))
    branches: dict[str, list[str]] = {}
    for name, pattern, guard in zip(names, patterns, found, strict=True):
        branch = f"(?P<{name}>{guard.group('numeral')}{pattern[guard.end() :]})"
        branches.setdefault(_hoisted(guard), []).append(branch)
    return "|".join(f"{guard}(?:{'|'.join(each)})" for guard, each in branches.items())


def _hoisted(guard: re.Match[str]) -> str:
    """A numeral's guard written before the numeral: the look-behinds on the same character,
    the look-ahead past the numeral."""
    if guard.group("word") is not None:
        return f"(?<!{guard.group('word')})"
    return f"(?:(?<!{guard.group('word2')})|(?<!{guard.group('enumerated')})(?=.{guard.group('after')}))"


def _local(name: str) -> str:
    """A terminal name without the namespace ``%import`` gives it (``skeleton__HEADING_1``)."""
    return name.rsplit("__", 1)[-1]


@functools.cache
def _text_terminal(parser: lark.Lark) -> str:
    """The name the grammar uses for the text between headings (``TEXT``, maybe namespaced)."""
    names = {
        str(symbol.name)
        for rule in parser.rules
        for symbol in rule.expansion
        if symbol.is_term and _local(str(symbol.name)) == "TEXT"
    }
    if len(names) != 1:
        raise GrammarError(
            f"the skeleton grammar must use one TEXT terminal, found {sorted(names) or 'none'}; "
            "a variant imports it with %import skeleton (..., TEXT)"
        )
    return names.pop()


def _candidates(text: str, parser: lark.Lark) -> Iterator[re.Match[str]]:
    combined, starts = _scanner(parser)
    if starts is None:
        yield from combined.finditer(text)
        return
    position = 0
    for hit in starts.finditer(text):
        if hit.start() < position:
            continue
        match = combined.match(text, hit.start())
        if match:
            position = match.end()
            yield match


class _ToSkeleton(Transformer[Token, Skeleton]):
    """Tree -> Skeleton. Tokens carry offsets; section text is the TEXT token after a heading."""

    def __init__(self, lines: LineIndex) -> None:
        super().__init__()
        self._lines = lines
        self._text = lines.text

    def preamble(self, children: list[Token]) -> tuple[str, int]:
        if not children:
            return "", 1
        tok = children[0]
        return str(tok), self._lines.line(tok.start_pos or 0)

    def _section(self, children: list[Token]) -> tuple[Section, tuple[int, int]]:
        heading = children[0]
        body = children[1] if len(children) > 1 else None
        number = int(str(heading.type).rsplit("_", 1)[1])
        text = str(body).strip() if body is not None else ""
        # end = start + length: the interactive parser's copies do not keep Token.end_pos
        heading_end = (heading.start_pos or 0) + len(heading)
        if body is not None:
            span = (body.start_pos or 0, (body.start_pos or 0) + len(body))
        else:
            span = (heading_end, heading_end)
        section = Section(
            number=number,
            heading=re.sub(r"\s+", "", str(heading)),
            text=text,
            line=self._lines.line(heading.start_pos or 0),
        )
        return section, span

    def __default__(self, data: Any, children: list[Any], meta: Any) -> Any:
        # section_1 … section_6, and any section_N a variant grammar adds
        if str(data).startswith("section_"):
            return self._section(children)
        return super().__default__(data, children, meta)  # type: ignore[no-untyped-call]

    def start(self, children: list[Any]) -> Skeleton:
        preamble: tuple[str, int] = children[0]
        sections: list[tuple[Section, tuple[int, int]]] = children[1:]
        if sections:
            sections[-1] = _without_page_footer(*sections[-1], self._text)
        return Skeleton(
            preamble=preamble[0],
            preamble_line=preamble[1],
            sections=tuple(section for section, _ in sections),
            bodies={section.number: span for section, span in sections},
        )


#: A line of the web page around a report, never of the report: print/close buttons, share
#: links, a related-articles list, the site footer (sponsor, copyright, site id, ICP and police
#: registration numbers).
_PAGE_FOOTER = re.compile(
    r"^[ \t]*(?:[【\[][ \t]*(?:打印本页|打印|关闭窗口|关闭|返回顶部)[ \t]*[】\]]"
    r"|(?:相关信息|相关链接|相关文章|相关阅读)[ \t]*[:：]?[ \t]*$"
    r"|分享到[ \t]*[:：]|(?:主办单位|承办单位|网站标识码|联系我们|网站地图)"
    r"|(?:版权所有|Copyright|©)|.*(?:ICP备|ICP证|公网安备)[ \t]*[0-9])",
    re.MULTILINE | re.IGNORECASE,
)


def _without_page_footer(
    section: Section, span: tuple[int, int], text: str
) -> tuple[Section, tuple[int, int]]:
    """The last section ends where the page's own footer starts (a report converted from a web
    page carries the site's furniture after section 六)."""
    footer = _PAGE_FOOTER.search(text, span[0], span[1])
    if footer is None:
        return section, span
    body = text[span[0] : footer.start()]
    return attrs.evolve(section, text=body.strip()), (span[0], footer.start())


def _in_a_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a heading candidate may be the heading's words inside a sentence: it follows a
    Chinese character or an opening quote (详见三、…, 见“三、…”, a crawler's text run together),
    or a mark that goes on a sentence or a list follows it (…包括：一、总体情况；二、…). A later
    candidate of the same heading then shows where the heading is."""
    before = text[match.start() - 1] if match.start() else "\n"
    after = text[match.end()] if match.end() < len(text) else "\n"
    return "\u4e00" <= before <= "\u9fff" or before in _OPENING_QUOTES or after in _SENTENCE_GOES_ON


#: Marks that open a quotation or a title (of a document, a section) in Chinese text.
_OPENING_QUOTES = frozenset("“‘《〈「『\"'")
#: Marks after a heading's words that show them inside a sentence or a list.
_SENTENCE_GOES_ON = frozenset("；;，,、。”’》〉」』")


def read_skeleton(
    text: str,
    parser: lark.Lark | None = None,
    lines: LineIndex | None = None,
    table_sections: frozenset[int] = frozenset(),
) -> Skeleton:
    """Split normalised report text into preamble and sections, with the skeleton grammar of
    the report's format (the built-in one by default); ``lines`` is the text's line index when
    the caller has one.

    Some reports number headings on their own: the tables after an outline of the report's
    own (一、总体情况 二、工作机制保障 … then 一、主动公开政府信息情况 二、收到和处理… 三、…行政复议、
    行政诉讼情况), or the sections after an extra one (五、信息处理费收取情况 六、存在的主要问题…).
    Where a heading is not found, it is looked for with any numeral, alone on its line or, where
    none is, run into the text around it (see :func:`_renumbered`); ``table_sections`` (the
    sections holding the statistics tables) say which headings those are."""
    parser = parser or grammars.load("skeleton.lark", "start")
    candidates = _without_contents(text, list(_candidates(text, parser)))
    interactive, kinds = _drive(text, parser, candidates)
    renumbered: tuple[int, ...] = ()
    extra = _renumbered(text, parser, table_sections, kinds) if table_sections else []
    if extra:
        merged = sorted([*candidates, *extra], key=lambda m: (m.start(), -m.end()))
        interactive, kinds = _drive(text, parser, merged)
        taken = {id(m) for m in extra}
        renumbered = tuple(sorted(_number(k) for k, m in kinds.items() if id(m) in taken))
    tree = interactive.feed_eof()  # type: ignore[no-untyped-call]
    skeleton = _ToSkeleton(lines or LineIndex(text)).transform(tree)
    return attrs.evolve(skeleton, renumbered=renumbered) if renumbered else skeleton


#: What stands between two entries of a table of contents: leaders, page numbers, blanks.
_BETWEEN_ENTRIES = re.compile(r"[\s.．…·•\-—_0-9第页]*")
#: So many headings in a row, nothing else between them, make a table of contents.
_CONTENTS_ENTRIES = 3


def _without_contents(text: str, candidates: list[re.Match[str]]) -> list[re.Match[str]]:
    """The heading candidates without a table of contents (目录 after the title: 一、总体情况……1,
    二、…, each heading in turn with nothing between them but leaders and page numbers), where
    each of its headings stands again later, over its section: the first of each would
    otherwise open the section, and the sections' own headings would be text."""
    listed: set[int] = set()
    run: list[re.Match[str]] = []
    for match in [*candidates, None]:
        if match is not None and run and _next_entry(text, run[-1], match):
            run.append(match)
            continue
        if len(run) >= _CONTENTS_ENTRIES:
            later = {m.lastgroup for m in candidates if m.start() >= run[-1].end()}
            if all(m.lastgroup in later for m in run):
                listed.update(id(m) for m in run)
        run = [match] if match is not None else []
    return [m for m in candidates if id(m) not in listed] if listed else candidates


def _next_entry(text: str, previous: re.Match[str], match: re.Match[str]) -> bool:
    """Whether ``match`` follows ``previous`` as the next entry of a table of contents: a later
    heading, with nothing but leaders, page numbers and blanks between them."""
    if previous.lastgroup is None or match.lastgroup is None:
        return False
    later = _number(match.lastgroup) > _number(previous.lastgroup)
    return later and _BETWEEN_ENTRIES.fullmatch(text, previous.end(), match.start()) is not None


def _drive(
    text: str, parser: lark.Lark, candidates: list[re.Match[str]]
) -> tuple[InteractiveParser, dict[str, re.Match[str]]]:
    """Feed the grammar's interactive parser the text, each candidate a heading where the parser
    takes it; the parser before its end, and the candidates taken by their kind."""
    text_name = _text_terminal(parser)
    interactive = parser.parse_interactive()
    position = 0
    taken: dict[str, re.Match[str]] = {}
    last = {match.lastgroup: index for index, match in enumerate(candidates)}
    for index, match in enumerate(candidates):
        kind = match.lastgroup
        assert kind is not None
        if match.start() < position or kind not in interactive.choices():  # type: ignore[no-untyped-call]
            continue  # a heading pattern where no heading can stand: ordinary text
        if _in_a_sentence(text, match) and last[kind] > index:
            continue  # a heading's words inside a sentence (详见三、…): the heading comes later
        # try the heading on a copy; only if the parser takes it does it become a heading
        probe = interactive.copy(deepcopy_values=False)  # type: ignore[no-untyped-call]
        try:
            if match.start() > position:
                probe.feed_token(
                    Token(
                        text_name, text[position : match.start()], start_pos=position, end_pos=match.start()
                    )
                )
            probe.feed_token(Token(kind, match.group(), start_pos=match.start(), end_pos=match.end()))
        except lark.exceptions.UnexpectedInput:
            continue
        interactive = probe
        position = match.end()
        taken[kind] = match
    if position < len(text):
        interactive.feed_token(Token(text_name, text[position:], start_pos=position, end_pos=len(text)))
    return interactive, taken


def _number(kind: str) -> int:
    """The section a heading terminal opens (``HEADING_3``, maybe namespaced: 3)."""
    return int(kind.rsplit("_", 1)[1])


#: A numeral a heading numbered on its own may carry.
_ANY_NUMERAL = "[一二三四五六七八九十]"


@functools.cache
def _renumbered_scanners(parser: lark.Lark) -> tuple[re.Pattern[str], ...]:
    """The headings of the grammar with any numeral: first each alone on its line (a colon may
    end it), then each run into the text around it as a crawler's one-line text prints it —
    where the numeral follows no Chinese character, or no numeral, 第 or bracket when 、 follows
    it (the grammar's own guard). None when a heading pattern does not start with a guarded
    numeral (a variant's own wording), which this pass cannot renumber."""
    headings = [t for t in parser.terminals if _local(str(t.name)).startswith("HEADING_")]
    branches = []
    for terminal in headings:
        pattern = terminal.pattern.to_regexp()
        guard = _GUARDED_NUMERAL.match(pattern)
        if guard is None:
            return ()
        branches.append(f"(?P<{terminal.name}>{_ANY_NUMERAL}{pattern[guard.end() :]})")
    alone = r"^[ \t]*(?:" + "|".join(branches) + r")(?=[ \t]*[:：]?[ \t]*$)"
    glued = (
        r"(?:(?<![\u4e00-\u9fff])|(?<![一二三四五六七八九十百千第（(])(?=" + _ANY_NUMERAL + r"[ \t]*、))"
        r"(?:" + "|".join(branches) + ")"
    )
    return re.compile(alone, re.MULTILINE), re.compile(glued)


def _renumbered(
    text: str, parser: lark.Lark, table_sections: frozenset[int], found: dict[str, re.Match[str]]
) -> list[re.Match[str]]:
    """The headings not ``found`` that stand with a numeral of their own (of a heading printed
    twice, the last: the first may be the outline's list of contents): alone on their lines,
    else, where none is, run into the text around them.

    Where no table section's heading was found, the tables' and those after them, when two
    table sections or more are among them, in the template's order; else none. Where one was,
    those of the sections after the tables, each after every heading found before it."""
    numbers = {_number(kind): match for kind, match in found.items()}
    tables_found = bool(table_sections & numbers.keys())
    first = max(table_sections) + 1 if tables_found else min(table_sections)
    for scanner in _renumbered_scanners(parser):
        if all(n in numbers for n in map(_number, scanner.groupindex) if n >= first):
            return []  # every heading this pass may add was found: the text need not be scanned
        last: dict[int, re.Match[str]] = {}
        for match in scanner.finditer(text):
            assert match.lastgroup is not None
            number = _number(match.lastgroup)
            if number not in numbers:
                last[number] = match
        if tables_found:
            kept = [
                m
                for n, m in sorted(last.items())
                if n >= first and all(m.start() > f.start() for k, f in numbers.items() if k < n)
            ]
        else:
            kept = _tables_renumbered([last[n] for n in sorted(last) if n >= first], table_sections)
        if kept:
            return kept
    return []


def _tables_renumbered(kept: list[re.Match[str]], table_sections: frozenset[int]) -> list[re.Match[str]]:
    """``kept`` (headings of the tables' sections and those after them, by number) when they
    stand in that order and two table sections or more are among them; else none."""
    in_order = all(a.start() < b.start() for a, b in itertools.pairwise(kept))
    if not in_order or len({_number(m.lastgroup or "") for m in kept} & table_sections) < 2:
        return []
    return kept
