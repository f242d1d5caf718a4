"""Report formats: the built-in templates (2021, 2019) and the regional variants users register.

A format is a set of grammars: the skeleton (``skeleton.lark``: sections) and one *table
vocabulary* per labelled table (``tables/*.lark``: rows, labels, groups, columns). A vocabulary is
read into a :class:`~govinfo_report.schema.TableSpec` from the compiled grammar itself — the start
rule's order, each row rule's label terminal and column rules — so a variant grammar that
overrides a rule or a terminal changes what the reader reads, with no Python code.

A variant is one ``.lark`` file that ``%import``\\ s the library's grammars by name (``skeleton``,
``tables.active_2021``, ``tables.requests`` …) and overrides or extends them, registered with
:func:`register_format` or through the ``govinfo_report.formats`` entry-point group. Parsers are
compiled once per process and cached on disk (see :mod:`govinfo_report.grammars`); a variant is
compiled only when a report is parsed with it.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import lark

from ..errors import GrammarError, ReportError
from ..plugins import load_plugins
from . import grammars
from .spec import TableSpec
from .vocabulary import section_titles, vocabulary

#: Entry-point group an installed plugin package registers its variant in. The entry point
#: names a :class:`Variant` object, or a callable that returns one.
ENTRY_POINT_GROUP = "govinfo_report.formats"

#: Table ids of the labelled tables (a variant's grammar may change them) and the start rule of
#: their vocabulary grammar.
LABELLED_TABLES: tuple[str, ...] = ("active_disclosure", "requests")
#: The section each table stands in.
TABLE_SECTIONS: dict[str, int] = {"active_disclosure": 2, "requests": 3, "review_litigation": 4}

#: A hook that may add to the report a variant parsed: ``hook(report, context) -> report``.
Hook = Callable[[Any, "HookContext"], Any]


@attrs.frozen
class HookContext:
    """What a variant's hook sees besides the report: the normalised text and its format."""

    text: str
    format: Format


@attrs.frozen
class Variant:
    """A regional variant: a name, its grammar file, the format it builds on, the wording that
    identifies it (for detection), and an optional hook run on each report parsed with it."""

    name: str
    grammar: Path
    base: str = "2021"
    markers: tuple[str, ...] = ()
    hook: Hook | None = None


@attrs.frozen
class Format:
    """A compiled format: what the reader needs to read a report in it."""

    name: str
    base: str
    skeleton: lark.Lark
    tables: Mapping[str, TableSpec]
    markers: tuple[str, ...]
    hook: Hook | None = None
    #: The canonical heading of each section, by number (the skeleton's TITLE_n terminals).
    sections: Mapping[int, str] = attrs.field(factory=dict)
    #: Each table's compiled vocabulary grammar, which its TableSpec was read from.
    table_grammars: Mapping[str, lark.Lark] = attrs.field(factory=dict)


# --- the registry -------------------------------------------------------------------------------


@attrs.frozen
class _Definition:
    name: str
    base: str
    skeleton: str  # grammar name below grammars/, or a path
    tables: Mapping[str, str]
    markers: tuple[str, ...]
    variant: Variant | None = None


_BUILTIN: dict[str, _Definition] = {
    "2021": _Definition(
        name="2021",
        base="2021",
        skeleton="skeleton.lark",
        tables={
            "active_disclosure": "tables/active_2021.lark",
            "requests": "tables/requests.lark",
            "review_litigation": "tables/review_litigation.lark",
        },
        markers=(
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "本年收费金额",
            "逾期不补正",
            "逾期未按收费通知",
        ),
    ),
    "2019": _Definition(
        name="2019",
        base="2019",
        skeleton="skeleton.lark",
        tables={
            "active_disclosure": "tables/active_2019.lark",
            "requests": "tables/requests.lark",
            "review_litigation": "tables/review_litigation.lark",
        },
        markers=(
            "本年新制作数量",
            "本年新公开数量",
            "对外公开总数量",
            "上一年项目数量",
            "第二十条第(九)项",
            "政府集中采购",
        ),
    ),
}
_VARIANTS: dict[str, Variant] = {}
_LOCK = threading.Lock()
_entry_points_loaded = False


def register_format(
    name: str,
    grammar: str | Path,
    *,
    base: str = "2021",
    markers: Sequence[str] = (),
    hook: Hook | None = None,
) -> Variant:
    """Register a regional variant and check its grammar now, so a mistake surfaces at once.

    ``grammar`` is a ``.lark`` file that imports the library grammars by name and overrides or
    extends them; ``markers`` are wording only reports of this variant print (detection picks the
    variant when they are present); ``hook(report, context)`` may return a changed report.
    Errors in the grammar raise :class:`GrammarError` naming the file, line and problem.
    """
    if name in _BUILTIN:
        raise ValueError(f"{name!r} is a built-in format")
    if base not in _BUILTIN:
        raise ValueError(f"a variant builds on a built-in format ('2021' or '2019'), not {base!r}")
    path = Path(grammar).resolve()
    if not path.is_file():
        raise GrammarError(f"variant grammar {path} not found")
    variant = Variant(name=name, grammar=path, base=base, markers=tuple(markers), hook=hook)
    with _LOCK:
        _VARIANTS[name] = variant
        get_format.cache_clear()
    try:
        get_format(name)
    except Exception:
        with _LOCK:
            _VARIANTS.pop(name, None)
        raise
    return variant


def unregister_format(name: str) -> None:
    """Forget a registered variant (for tests and interactive use)."""
    with _LOCK:
        _VARIANTS.pop(name, None)
        get_format.cache_clear()


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    load_plugins(ENTRY_POINT_GROUP, Variant, _register_variant, "format")


def _register_variant(variant: Variant) -> None:
    register_format(
        variant.name, variant.grammar, base=variant.base, markers=variant.markers, hook=variant.hook
    )


def names() -> tuple[str, ...]:
    """Every format a report can be parsed with: built-in ones first, then registered variants."""
    _load_entry_points()
    return (*_BUILTIN, *_VARIANTS)


def _definition(name: str) -> _Definition:
    if name in _BUILTIN:
        return _BUILTIN[name]
    _load_entry_points()
    variant = _VARIANTS.get(name)
    if variant is None:
        raise ReportError(f"unknown format {name!r}; known: {', '.join(names())}")
    return _Definition(
        name=name,
        base=variant.base,
        skeleton=str(variant.grammar),
        tables={**_BUILTIN[variant.base].tables, **dict.fromkeys(LABELLED_TABLES, str(variant.grammar))},
        markers=variant.markers,
        variant=variant,
    )


def _compile(grammar: str, start: str, fallback: str) -> lark.Lark:
    """Compile ``grammar`` for ``start``; a variant file that does not touch ``start`` uses the
    base format's grammar for that part."""
    if Path(grammar).is_absolute():
        if _defines(Path(grammar), start):
            return grammars.load_file(Path(grammar), start)
        return grammars.load(fallback, start)
    return grammars.load(grammar, start)


def _defines(path: Path, rule: str) -> bool:
    """Whether a variant grammar defines, overrides, extends or imports ``rule`` — the parts of
    a format it changes. Read from the text, so an untouched part costs no compilation."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GrammarError(f"{path}: cannot read the grammar: {exc}") from exc
    name = re.escape(rule)
    pattern = rf"(?m)^\s*(?:%override\s+|%extend\s+)?{name}\s*:|^\s*%import\s+[\w.]+\s*\([^)]*\b{name}\b"
    return re.search(pattern, text) is not None


@functools.cache
def get_format(name: str) -> Format:
    """The compiled format ``name`` (built-in or registered)."""
    definition = _definition(name)
    base = _BUILTIN[definition.base]
    skeleton = _compile(definition.skeleton, "start", base.skeleton)
    sections = section_titles(skeleton)
    grammars_ = {
        table_id: _compile(grammar, table_id, base.tables[table_id])
        for table_id, grammar in definition.tables.items()
    }
    tables = {
        table_id: _interned(
            vocabulary(
                parser,
                table_id,
                table_id,
                title=sections.get(TABLE_SECTIONS[table_id], table_id),
                section=TABLE_SECTIONS[table_id],
            )
        )
        for table_id, parser in grammars_.items()
    }
    return Format(
        name=definition.name,
        base=definition.base,
        skeleton=skeleton,
        tables=tables,
        markers=definition.markers,
        hook=definition.variant.hook if definition.variant else None,
        sections=sections,
        table_grammars=grammars_,
    )


_SPECS: dict[TableSpec, TableSpec] = {}


def _interned(spec: TableSpec) -> TableSpec:
    """One object for equal vocabularies (table 四 is the same in formats 2021 and 2019, and in
    a variant that leaves it alone): the caches keyed by a table find it by identity instead of
    comparing two specs row by row."""
    return _SPECS.setdefault(spec, spec)


def base_of(name: str) -> str:
    """The built-in format (``"2021"``, ``"2019"`` or ``"other"``) a format name builds on; an
    unknown or broken variant's tables are judged as format 2021's."""
    if name in ("2021", "2019", "other"):
        return name
    try:
        return get_format(name).base
    except Exception:  # a broken third-party plugin must not break checking or printing
        return "2021"


def table_spec(format_name: str, table_id: str) -> TableSpec:
    """The vocabulary a report in ``format_name`` reads ``table_id`` with (format 2021's for
    ``"other"`` and for a format that cannot be loaded)."""
    try:
        fmt = get_format("2021" if format_name == "other" else format_name)
    except ReportError:
        fmt = get_format("2021")
    return fmt.tables.get(table_id) or get_format(fmt.base).tables[table_id]


def section_titles_of(format_name: str = "2021") -> Mapping[int, str]:
    """The canonical section headings of a format (format 2021's when it cannot be loaded)."""
    try:
        return get_format("2021" if format_name == "other" else format_name).sections
    except ReportError:
        return get_format("2021").sections


def markers(name: str) -> tuple[str, ...]:
    """The wording that identifies format ``name`` (no grammar is compiled)."""
    return _definition(name).markers


# --- detection --------------------------------------------------------------------------------


def marker_hits(folded: str, name: str) -> int:
    """How many of format ``name``'s markers the space-stripped text has."""
    return sum(m in folded for m in markers(name))


def detect(folded: str, year: int | None = None) -> str:
    """The format of a report whose text, stripped of spaces, is ``folded`` (see
    :func:`detect_format`)."""
    best_variant, best_hits = None, 0
    for name in names()[2:]:
        wanted = markers(name)
        hits = sum(m in folded for m in wanted)
        if wanted and hits == len(wanted) and hits > best_hits:
            best_variant, best_hits = name, hits
    if best_variant is not None:
        return best_variant
    score_2021, score_2019 = marker_hits(folded, "2021"), marker_hits(folded, "2019")
    if score_2019 != score_2021:
        return "2019" if score_2019 > score_2021 else "2021"
    if score_2021 == 0:
        return "other"
    return "2019" if year is not None and year <= 2020 else "2021"


def detect_format(text: str, year: int | None = None) -> str:
    """The format a report's tables are in, decided by their wording (FORMAT.md §3).

    A registered variant wins when all of its markers are present. Otherwise the template with
    more of its markers present wins; on a tie the year decides (2019 and 2020 reports use the
    2019 template); with no marker at all the answer is ``"other"``.
    """
    return detect(text.replace(" ", ""), year)


def closest(folded: str) -> str:
    """Which template tables look most like, and what of it was not found."""
    best = max(("2021", "2019"), key=lambda n: marker_hits(folded, n))
    missing = [m for m in markers(best) if m not in folded]
    return f"closest is format {best}; not found: {'、'.join(missing)}"
