"""The list labels Word generates (一、 （一） 1.), restored in front of their paragraphs.

A report's section headings are often Word list items: the file holds 总体情况 and a reference
to a numbering definition, and Word prints 一、总体情况. Without the label the heading is not
a heading any more, so the reader counts the lists as Word does — one counter per list and level,
deeper levels restarting when a higher one advances, a list that restarts its numbering counted
on its own — and prints each label from its level's text (``%1、``, ``（%1）``, ``%1.%2``) and
number format.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import attrs
from lxml import etree

from .docx_numbers import format_number, prints_number

_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")
_OFF = frozenset({"0", "false", "off"})


@attrs.frozen
class Level:
    """One level of a list definition: where it starts, how it prints, when it restarts."""

    start: int = 0
    number_format: str = "decimal"
    custom_format: str | None = None
    text: str | None = None
    #: restart after a use of this (1-based) level or a higher one; 0 never; None: any higher
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@attrs.frozen
class ListInstance:
    """A ``w:num``: the list definition it uses, its levels with its overrides applied, and
    whether it counts on its own (an instance that overrides a start restarts the numbering)."""

    id: str
    definition: str
    levels: tuple[Level, ...]
    own_counter: bool


@attrs.frozen
class StyleNumbering:
    """The numbering a paragraph style carries (``w:numPr`` in its ``w:pPr``), through its
    ``w:basedOn`` chain."""

    list_id: str | None
    level: int | None


class Numbering:
    """The lists of a document and their counters, advanced paragraph by paragraph in document
    order (:meth:`label`)."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None, w: str) -> None:
        self._w = w
        self._style_tag, self._numbering_tag = f"{w}pStyle", f"{w}numPr"
        self._styles = _paragraph_styles(styles, w)
        self._default_style = _default_paragraph_style(styles, w)
        definitions = _definitions(numbering, w)
        self._instances = _instances(numbering, definitions, self._styles, w)
        self._counters: dict[str, list[int | None]] = {}

    def __bool__(self) -> bool:
        return bool(self._instances)

    def numbered_paragraphs(self, root: etree._Element) -> set[etree._Element] | None:
        """The paragraphs under ``root`` that may carry a list label — those with their own
        ``w:numPr`` or a style with a list — found in one pass; None when any paragraph may
        (the default paragraph style has a list)."""
        if not self._instances:
            return set()
        w = self._w
        listed_styles = {style for style, numbering in self._styles.items() if numbering.list_id is not None}
        if self._default_style in listed_styles:
            return None
        found: set[etree._Element] = set()
        marks = (self._numbering_tag, self._style_tag) if listed_styles else (self._numbering_tag,)
        for mark in root.iter(*marks):
            properties = mark.getparent()
            paragraph = properties.getparent() if properties is not None else None
            if paragraph is None or paragraph.tag != f"{w}p" or properties.tag != f"{w}pPr":
                continue
            if mark.tag == self._numbering_tag or mark.get(f"{w}val") in listed_styles:
                found.add(paragraph)
        return found

    def label(self, properties: etree._Element | None) -> str:
        """The label Word prints in front of a paragraph with these properties (``w:pPr``), its
        counter advanced; ``""`` for a paragraph that is not a numbered list item."""
        found = self._list_of(properties)
        if found is None:
            return ""
        instance, level = found
        counts = self._advance(instance, level)
        definition = instance.levels[level]
        if definition.text is None or not prints_number(definition.number_format):
            return ""
        label = _PLACEHOLDER.sub(
            lambda m: self._number(instance, counts, int(m.group(1)) - 1, level), definition.text
        )
        return label + _separator(label, definition.suffix)

    def _list_of(self, properties: etree._Element | None) -> tuple[ListInstance, int] | None:
        """The list instance and level of a paragraph: its own ``w:numPr``, else its style's."""
        style_id, list_id, level = self._own_numbering(properties)
        from_style = self._styles.get(style_id) if style_id else None
        if list_id is None and from_style is not None:
            list_id = from_style.list_id
            level = from_style.level if level is None else level
        instance = self._instances.get(list_id or "")
        if instance is None:  # numId 0, or a list the file does not define
            return None
        if level is None:
            level = _level_of_style(instance, style_id)
        return instance, min(max(level, 0), _LEVELS - 1)

    def _own_numbering(self, properties: etree._Element | None) -> tuple[str | None, str | None, int | None]:
        """A paragraph's style (the default one when it names none), and the list and level its
        own ``w:numPr`` names."""
        style_id = self._default_style
        list_id: str | None = None
        level: int | None = None
        if properties is None:
            return style_id, list_id, level
        w = self._w
        for child in properties.iterchildren(self._style_tag, self._numbering_tag):
            if child.tag == self._style_tag:
                style_id = child.get(f"{w}val")
            elif child.tag == self._numbering_tag:
                list_id = _val(child.find(f"{w}numId"), w)
                level = _int(_val(child.find(f"{w}ilvl"), w))
        return style_id, list_id, level

    def _advance(self, instance: ListInstance, level: int) -> list[int | None]:
        """Count one more item at ``level``; the levels below it restart as their definitions say."""
        key = f"num:{instance.id}" if instance.own_counter else f"list:{instance.definition}"
        counts = self._counters.setdefault(key, [None] * _LEVELS)
        current = counts[level]
        counts[level] = instance.levels[level].start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            restart = instance.levels[deeper].restart
            if restart is None or (restart != 0 and level < restart):
                counts[deeper] = None
        return counts

    @staticmethod
    def _number(instance: ListInstance, counts: list[int | None], index: int, level: int) -> str:
        definition = instance.levels[index]
        count = counts[index]
        value = definition.start if count is None else count
        if instance.levels[level].legal:
            return str(value)
        return format_number(value, definition.number_format, definition.custom_format)


def styles_may_number(styles: bytes, numbering: bytes, body: etree._Element, w: str) -> bool:
    """Whether a document's styles (their part's bytes) may give one of its paragraphs a list
    label: some style carries numbering, and a paragraph names a style, or the default
    paragraph style may carry it, or a list takes its levels from a numbering style. Errs on
    the side of yes; a no spares parsing a part that is often the largest after the document."""
    if b"numPr" not in styles:
        return False
    if b"numStyleLink" in numbering or next(body.iter(f"{w}pStyle"), None) is not None:
        return True
    start = styles.find(b"default=")
    while start != -1:  # the default styles: does one carry numbering or inherit from a style?
        end = styles.find(b"style>", start)
        segment = styles[start : len(styles) if end == -1 else end]
        if b"numPr" in segment or b"basedOn" in segment:
            return True
        start = styles.find(b"default=", start + 1)
    return False


def _separator(label: str, suffix: str) -> str:
    """What stands between a label and its paragraph's text: nothing after punctuation (一、
    （一） 1.) or when the level asks for nothing, else a space (a tab would read as a cell
    boundary)."""
    if not label or suffix == "nothing" or unicodedata.category(label[-1]).startswith("P"):
        return ""
    return " "


def _val(element: etree._Element | None, w: str) -> str | None:
    return None if element is None else element.get(f"{w}val")


def _int(text: str | None) -> int | None:
    try:
        return None if text is None else int(text)
    except ValueError:
        return None


def _flag(element: etree._Element | None, w: str) -> bool:
    return element is not None and (element.get(f"{w}val") or "true").lower() not in _OFF


def _level(element: etree._Element, w: str) -> Level:
    number_format = element.find(f"{w}numFmt")
    text = element.find(f"{w}lvlText")
    suffix = _val(element.find(f"{w}suff"), w)
    return Level(
        start=_int(_val(element.find(f"{w}start"), w)) or 0,
        number_format=_val(number_format, w) or "decimal",
        custom_format=None if number_format is None else number_format.get(f"{w}format"),
        text=_val(text, w),
        restart=_int(_val(element.find(f"{w}lvlRestart"), w)),
        legal=_flag(element.find(f"{w}isLgl"), w),
        suffix=suffix or "tab",
        style=_val(element.find(f"{w}pStyle"), w),
    )


@attrs.frozen
class _Definition:
    """A ``w:abstractNum``: its levels, or the numbering style it takes them from."""

    levels: tuple[Level, ...]
    style_link: str | None


def _definitions(numbering: etree._Element | None, w: str) -> dict[str, _Definition]:
    found: dict[str, _Definition] = {}
    if numbering is None:
        return found
    for abstract in numbering.iterchildren(f"{w}abstractNum"):
        levels = [Level() for _ in range(_LEVELS)]
        for element in abstract.iterchildren(f"{w}lvl"):
            index = _int(element.get(f"{w}ilvl"))
            if index is not None and 0 <= index < _LEVELS:
                levels[index] = _level(element, w)
        link = _val(abstract.find(f"{w}numStyleLink"), w)
        found[abstract.get(f"{w}abstractNumId", "")] = _Definition(tuple(levels), link)
    return found


def _instances(
    numbering: etree._Element | None,
    definitions: Mapping[str, _Definition],
    styles: Mapping[str, StyleNumbering],
    w: str,
) -> dict[str, ListInstance]:
    """Every ``w:num`` by its id, its definition followed through a numbering style link."""
    if numbering is None:
        return {}
    abstract_of = {
        num.get(f"{w}numId", ""): _val(num.find(f"{w}abstractNumId"), w) or ""
        for num in numbering.iterchildren(f"{w}num")
    }
    instances: dict[str, ListInstance] = {}
    for num in numbering.iterchildren(f"{w}num"):
        num_id = num.get(f"{w}numId", "")
        if num_id == "0":
            continue
        definition_id = _linked(abstract_of.get(num_id, ""), definitions, styles, abstract_of)
        definition = definitions.get(definition_id)
        if definition is None:
            continue
        levels, overridden = _overridden(list(definition.levels), num, w)
        instances[num_id] = ListInstance(num_id, definition_id, tuple(levels), overridden)
    return instances


def _linked(
    definition_id: str,
    definitions: Mapping[str, _Definition],
    styles: Mapping[str, StyleNumbering],
    abstract_of: Mapping[str, str],
) -> str:
    """The definition that holds the levels: a definition that links a numbering style takes
    them from the list that style names (followed a few steps, never in a circle)."""
    for _ in range(4):
        definition = definitions.get(definition_id)
        if definition is None or definition.style_link is None:
            return definition_id
        style = styles.get(definition.style_link)
        if style is None or style.list_id is None:
            return definition_id
        definition_id = abstract_of.get(style.list_id, definition_id)
    return definition_id


def _overridden(levels: list[Level], num: etree._Element, w: str) -> tuple[list[Level], bool]:
    """A list instance's levels with its ``w:lvlOverride`` applied; whether it overrides any."""
    overridden = False
    for override in num.iterchildren(f"{w}lvlOverride"):
        index = _int(override.get(f"{w}ilvl"))
        if index is None or not 0 <= index < _LEVELS:
            continue
        replacement = override.find(f"{w}lvl")
        if replacement is not None:
            levels[index] = _level(replacement, w)
            overridden = True
        start = _int(_val(override.find(f"{w}startOverride"), w))
        if start is not None:
            levels[index] = attrs.evolve(levels[index], start=start)
            overridden = True
    return levels, overridden


def _paragraph_styles(styles: etree._Element | None, w: str) -> dict[str, StyleNumbering]:
    """The numbering each paragraph or numbering style carries, its ``w:basedOn`` chain followed."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, int | None, str | None]] = {}
    for style in styles.iterchildren(f"{w}style"):
        if style.get(f"{w}type") not in ("paragraph", "numbering"):
            continue
        numbering = style.find(f"{w}pPr/{w}numPr")
        list_id = level = None
        if numbering is not None:
            list_id = _val(numbering.find(f"{w}numId"), w)
            level = _int(_val(numbering.find(f"{w}ilvl"), w))
        own[style.get(f"{w}styleId", "")] = (list_id, level, _val(style.find(f"{w}basedOn"), w))
    return {style_id: _inherited(style_id, own) for style_id in own}


def _inherited(style_id: str, own: Mapping[str, tuple[str | None, int | None, str | None]]) -> StyleNumbering:
    """A style's list and level, each from the nearest style in its chain that sets it."""
    seen: set[str] = set()
    current: str | None = style_id
    list_id: str | None = None
    level: int | None = None
    while current is not None and current in own and current not in seen:
        seen.add(current)
        own_list, own_level, based_on = own[current]
        list_id = own_list if list_id is None else list_id
        level = own_level if level is None else level
        current = based_on
    return StyleNumbering(list_id, level)


def _default_paragraph_style(styles: etree._Element | None, w: str) -> str | None:
    """The style of a paragraph that names none."""
    if styles is None:
        return None
    for style in styles.iterchildren(f"{w}style"):
        if style.get(f"{w}type") == "paragraph" and _flag_attribute(style.get(f"{w}default")):
            style_id: str | None = style.get(f"{w}styleId")
            return style_id
    return None


def _flag_attribute(value: str | None) -> bool:
    return value is not None and value.lower() not in _OFF


def _level_of_style(instance: ListInstance, style_id: str | None) -> int:
    """The level a style-numbered paragraph stands on: the level that names its style, else 0."""
    if style_id is not None:
        for index, level in enumerate(instance.levels):
            if level.style == style_id:
                return index
    return 0
