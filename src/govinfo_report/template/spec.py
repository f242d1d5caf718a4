"""The shape of a statistics table, as its vocabulary grammar declares it.

A table vocabulary (``grammars/tables/*.lark``) is read into a :class:`TableSpec` by
:mod:`govinfo_report.template.vocabulary`: its rows in template order, each with its printed label
and other spellings, the groups above it (merged cells such as （三）不予公开), and its value
columns with their printed headers and kinds. Everything the library knows about a table's
printed form — what the reader matches, what the renderer prints, how findings name a cell —
comes from there.

The ids of the data contract are the grammar's rule names. The model
(:mod:`govinfo_report.model`) spells the same ids as typed fields so that user code type-checks;
``tests/test_template.py`` fails when the two disagree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from ..model import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES

SCHEMA_VERSION = 1

#: What a value column holds: a count, a signed change (本年增/减) or an amount (decimals).
ColumnKind = Literal["count", "change", "amount"]

#: An outline heading's own number (三、本年度办理结果 → 三、) and a numbered item's number
#: (（一）予以公开, 1.属于国家秘密): how findings tell a numbered label from a plain one.
_OUTLINE_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}、")
_ITEM_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[.、])")
#: A header shorter than this (其他, 总计) is also a row label: it names a column only together
#: with the group it stands under.
_BARE_HEADER = 4


@attrs.frozen(cache_hash=True)
class RowSpec:
    """One printed row of a statistics table, as a table vocabulary grammar declares it.

    ``label`` is the row's own (leaf) label as the template prints it; ``aliases`` other
    spellings seen in published reports. ``groups`` are the merged group cells to its left,
    outermost first (``group`` is the innermost). ``columns`` names the value cells in order;
    ``kinds`` says what each holds (``count``, ``change`` — a signed count — or ``amount``, read
    as Decimal); ``headers`` is each column's printed header and ``column_groups`` the merged
    header above it ("" where there is none), ``header_spellings`` every spelling of each
    header the grammar lists (the printed one first). ``short_label`` is the short form the grammar
    marks (a ``…_SHORT`` terminal), which names the row in findings.
    """

    id: str
    label: str
    columns: tuple[str, ...]
    group: str | None = None
    aliases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    column_groups: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    short_label: str = ""
    header_spellings: tuple[tuple[str, ...], ...] = ()

    def kind(self, index: int) -> ColumnKind:
        """What value column ``index`` holds; a count where the grammar does not say."""
        declared = self.kinds[index] if index < len(self.kinds) else "count"
        return "amount" if declared == "amount" else "change" if declared == "change" else "count"

    @functools.cached_property
    def amounts(self) -> tuple[bool, ...]:
        """For each value column, whether it is an amount (see :meth:`decimal`)."""
        return tuple(self.decimal(i) for i in range(len(self.columns)))

    def decimal(self, index: int) -> bool:
        """Whether value column ``index`` is an amount (kept as Decimal)."""
        return self.kind(index) == "amount"

    def signed(self, index: int) -> bool:
        """Whether value column ``index`` holds a signed change (本年增/减)."""
        return self.kind(index) == "change"

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical label and every other spelling."""
        return (self.label, *self.aliases)

    def header(self, column: str) -> str:
        """The printed header of ``column`` (its id where the grammar gives none)."""
        index = self.columns.index(column)
        return self.headers[index] if index < len(self.headers) and self.headers[index] else column

    def column_name(self, column: str) -> str:
        """How findings name a column: its header, with the merged header above it when the
        header alone is a bare keyword (其他 → 其他（法人或其他组织）)."""
        index = self.columns.index(column)
        header = self.header(column)
        group = self.column_groups[index] if index < len(self.column_groups) else ""
        return f"{header}（{group}）" if group and len(header) < _BARE_HEADER else header


@attrs.frozen(cache_hash=True)
class TableSpec:
    """A statistics table: its id in the data contract, its title (the heading of the section
    it stands in), its section's number and its rows in template order."""

    id: str
    title: str
    rows: tuple[RowSpec, ...]
    section: int | None = None

    def row(self, row_id: str) -> RowSpec:
        return self.rows[self._places[row_id]]

    def index(self, row_id: str) -> int:
        """A row's place in template order."""
        return self._places[row_id]

    @functools.cached_property
    def _places(self) -> Mapping[str, int]:
        """Row id -> its place (looked up for every cell the reading stages touch)."""
        places: dict[str, int] = {}
        for k, spec in enumerate(self.rows):
            places.setdefault(spec.id, k)
        return places

    @property
    def name_zh(self) -> str:
        """The table's name as reports cite it: its section heading without the number."""
        return _OUTLINE_NUMBER.sub("", self.title)

    @functools.cached_property
    def ragged(self) -> bool:
        """Whether the rows differ in width: sub-tables of two or three columns (table 二), whose
        group cells are sub-table headings rather than part of a row's name."""
        return len({len(spec.columns) for spec in self.rows}) > 1

    def row_name(self, row_id: str) -> str:
        """How findings name a row for the people who correct the report: its label (its
        short form where the grammar marks one) under its groups (三、（三）不予公开 1.属于国家秘密,
        行政诉讼（复议后起诉）); an outline heading is named by its number alone (三、), and the
        sub-table headings of a ragged table (第二十条第（一）项) not at all."""
        spec = self.row(row_id)
        own = spec.short_label or spec.label
        if self.ragged:
            return own
        prefix = "".join(_group_part(group) for group in spec.groups)
        if not prefix:
            return own
        if not _ITEM_NUMBER.match(own):
            return f"{prefix}（{own}）"
        return prefix + ("" if prefix.endswith("、") else " ") + own

    def column_ids(self) -> tuple[str, ...]:
        """Every column id of the table, in the order the rows first use them."""
        return tuple(dict.fromkeys(c for spec in self.rows for c in spec.columns))

    def column_name(self, column: str) -> str:
        """How findings name a column (see :meth:`RowSpec.column_name`)."""
        for spec in self.rows:
            if column in spec.columns:
                return spec.column_name(column)
        return column

    def header(self, column: str) -> str:
        """A column's printed header (its id where the grammar gives none)."""
        for spec in self.rows:
            if column in spec.columns:
                return spec.header(column)
        return column

    def alternatives(self) -> Mapping[str, tuple[str, ...]]:
        """Rows printed either as one row or as a group of rows under the same label: the one
        row's id -> the ids of the rows it stands for (（六）其他处理 -> its three sub-rows)."""
        return self._alternatives

    @functools.cached_property
    def _alternatives(self) -> Mapping[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for spec in self.rows:
            members = tuple(r.id for r in self.rows if r.groups and r.groups[-1] == spec.label)
            if members and spec.id not in members:
                out[spec.id] = members
        return MappingProxyType(out)


def _group_part(group: str) -> str:
    numbered = _OUTLINE_NUMBER.match(group)
    return numbered.group(0) if numbered else group


__all__ = [
    "REQUEST_COLUMNS",
    "REQUEST_ROWS",
    "REVIEW_BLOCKS",
    "REVIEW_OUTCOMES",
    "SCHEMA_VERSION",
    "ColumnKind",
    "RowSpec",
    "TableSpec",
]
