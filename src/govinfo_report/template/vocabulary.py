"""Reading a compiled table vocabulary grammar into a :class:`~.spec.TableSpec`.

The grammar is read, not parsed against: the start rule's order gives the rows, each row rule's
first terminal its label and spellings, each column rule its printed header and kind, each group
rule the merged cell above its rows (see ``grammars/tables/active_2021.lark`` for the
conventions). A variant that overrides a rule or a terminal therefore changes what the reader
reads, the renderer prints and findings say, with no Python code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs
import lark

from ..errors import GrammarError
from .spec import RowSpec, TableSpec

#: Terminals naming the kind of value a column holds (``grammars/tables/columns.lark``).
COLUMN_KINDS = {"COUNT": "count", "CHANGE": "change", "AMOUNT": "amount"}


def literal_alternatives(pattern: lark.lexer.Pattern) -> list[str]:
    """The literal strings a label terminal matches: "a" | "b" compiles to (?:a|b)."""
    if isinstance(pattern, lark.lexer.PatternStr):
        return [pattern.value]
    source = pattern.value
    if source.startswith("(?:") and source.endswith(")"):
        source = source[3:-1]
    parts = re.split(r"(?<!\\)\|", source)
    return [re.sub(r"\\(.)", r"\1", part) for part in parts]


@functools.lru_cache(maxsize=4096)
def local_name(name: str) -> str:
    """A rule or terminal name without the namespace ``%import`` gives it
    (``tables__active_2021__regulations`` → ``regulations``)."""
    return name.rsplit("__", 1)[-1]


@attrs.frozen
class _Column:
    """A value column met while reading a row: its id, kind, header and merged header."""

    id: str
    kind: str
    headers: tuple[str, ...]
    group: str


class VocabularyReader:
    """One compiled vocabulary grammar, read row by row from its start rule."""

    def __init__(self, parser: lark.Lark, start: str) -> None:
        self.start = start
        self.rules: dict[str, list[list[str]]] = {}
        for rule in parser.rules:
            self.rules.setdefault(str(rule.origin.name), []).append([str(s.name) for s in rule.expansion])
        self.terminals = {str(t.name): t for t in parser.terminals}
        self.rows: list[RowSpec] = []

    def read(self, table_id: str, title: str, section: int | None) -> TableSpec:
        self._walk(self.start, ())
        return TableSpec(id=table_id, title=title, rows=tuple(self.rows), section=section)

    # --- rules -------------------------------------------------------------------------------

    def _expansion(self, name: str) -> list[str]:
        """A rule's first expansion with the ``_inlined`` rules spelled out."""
        if name not in self.rules:
            raise GrammarError(f"{self.start}: rule {name!r} is not defined")
        return self._inline(self.rules[name][0])

    def _inline(self, names: Sequence[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            if name.startswith("_") and name in self.rules:
                out.extend(self._inline(self.rules[name][0]))
            else:
                out.append(name)
        return out

    def _label_terminals(self, name: str) -> list[str]:
        """The label terminal of each of a rule's expansions, in order."""
        out: list[str] = []
        for expansion in self.rules[name]:
            terminal = self._inline(expansion)[0]
            if terminal not in self.terminals:
                raise GrammarError(f"{self.start}: rule {name!r} does not start with a label terminal")
            out.append(terminal)
        return out

    def _spellings(self, name: str) -> list[str]:
        """Every literal the first terminal of a rule matches, over all its expansions; the
        first is the canonical one."""
        forms: list[str] = []
        for terminal in self._label_terminals(name):
            forms.extend(f for f in literal_alternatives(self.terminals[terminal].pattern) if f not in forms)
        return forms

    def _short_label(self, name: str) -> str:
        """The spelling of a ``…_SHORT`` label terminal, the label's short form ("" if none)."""
        for terminal in self._label_terminals(name):
            if local_name(terminal).endswith("_SHORT"):
                return literal_alternatives(self.terminals[terminal].pattern)[0]
        return ""

    def _kind(self, name: str) -> str | None:
        """The kind a column rule holds (``[HEADER] KIND``, or a choice of headers before one
        kind); None for any other rule."""
        expansions = self.rules.get(name)
        if not expansions:
            return None
        kinds = set()
        for symbols in expansions:
            if not 1 <= len(symbols) <= 2 or (len(symbols) == 2 and symbols[0] not in self.terminals):
                return None
            kinds.add(COLUMN_KINDS.get(local_name(symbols[-1])))
        return kinds.pop() if len(kinds) == 1 else None

    def _headers(self, name: str) -> tuple[str, ...]:
        """A column's printed header and its other spellings, the printed one first (none when
        the grammar gives no header)."""
        headers: list[str] = []
        for symbols in self.rules[name]:
            if len(symbols) == 2:
                spellings = literal_alternatives(self.terminals[symbols[0]].pattern)
                headers += [h for h in spellings if h not in headers]
        return tuple(headers)

    def _columns(self, names: Sequence[str]) -> list[_Column] | None:
        """The value columns of a row's cells — column rules, or column groups (a header
        terminal over column rules) — or None when ``names`` are not all columns. A row has a
        column of its own beside any group: a rule of nothing but column groups is a group of
        rows (第二十条第（一）项 over 规章 and 行政规范性文件)."""
        if not any(self._kind(name) for name in names):
            return None
        out: list[_Column] = []
        for name in names:
            kind = self._kind(name)
            if kind is not None:
                out.append(_Column(local_name(name), kind, self._headers(name), ""))
                continue
            if name not in self.rules:
                return None
            expansion = self._expansion(name)
            members = [self._kind(child) for child in expansion[1:]]
            if expansion[0] not in self.terminals or not members or not all(members):
                return None
            group = self._spellings(name)[0]
            out += [
                _Column(local_name(child), str(kind), self._headers(child), group)
                for child, kind in zip(expansion[1:], members, strict=True)
            ]
        return out

    # --- rows and groups ---------------------------------------------------------------------

    def _walk(self, name: str, groups: tuple[str, ...]) -> None:
        expansion = self._expansion(name)
        head, rest = expansion[0], expansion[1:]
        if head in self.rules:  # a rule of rows without a label of its own (the start rule)
            for child in expansion:
                self._walk(child, groups)
            return
        spellings = self._spellings(name)
        columns = self._columns(rest) if rest else None
        if columns:
            self.rows.append(
                RowSpec(
                    id=local_name(name),
                    label=spellings[0],
                    columns=tuple(c.id for c in columns),
                    group=groups[-1] if groups else None,
                    aliases=tuple(spellings[1:]),
                    kinds=tuple(c.kind for c in columns),
                    headers=tuple(c.headers[0] if c.headers else "" for c in columns),
                    header_spellings=tuple(c.headers for c in columns),
                    column_groups=tuple(c.group for c in columns),
                    groups=groups,
                    short_label=self._short_label(name),
                )
            )
        elif rest and not any(self._kind(child) for child in rest):
            for child in rest:
                self._walk(child, (*groups, spellings[0]))
        else:
            raise GrammarError(f"{self.start}: rule {name!r} mixes value columns and rows")


def vocabulary(
    parser: lark.Lark, start: str, table_id: str | None = None, *, title: str = "", section: int | None = None
) -> TableSpec:
    """Read a table vocabulary grammar (see ``grammars/tables/active_2021.lark``) as a TableSpec."""
    return VocabularyReader(parser, start).read(table_id or start, title or start, section)


def section_titles(skeleton: lark.Lark) -> dict[int, str]:
    """The canonical heading of each section a skeleton grammar declares (its ``TITLE_n``
    terminals), by section number."""
    titles: dict[int, str] = {}
    for terminal in skeleton.terminals:
        name = local_name(str(terminal.name))
        if name.startswith("TITLE_") and name[6:].isdigit():
            titles[int(name[6:])] = literal_alternatives(terminal.pattern)[0]
    return dict(sorted(titles.items()))
