"""Row labels split by a value: a PDF's text (``pdftotext`` without ``-layout``) may print the
first line of a wrapped label cell, then the value beside it, then the label's second line and
the row's other values — ``一、本年新收政府信息公开申请`` ``80`` ``数量`` ``1 0 0 0 0 81``. Read as
printed, that is a row short of values and an unknown row ``数量``; it is one row.

The two are joined where nothing else can be meant: neither part names a row, the two together
name exactly one, the values are at least the row's, and the row's own sum holds for them in
the order printed (a row no rule checks is never joined). Which column the value inside the
label is, only the order of the text says — a row sum holds whichever of its parts it is — so
the row is marked ``split``, and placement keeps its numbers only where every rule of the table
about the row holds.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..template.rules import Check, checks_in_either_form, evaluate
from ..template.spec import RowSpec, TableSpec
from .items import Item, ObservedRow
from .labels import LabelIndex, fold
from .values import cells


def join_split_labels(observed: Sequence[ObservedRow], table: TableSpec) -> list[ObservedRow]:
    """The observed rows with each label split by a value joined into one row."""
    rows: list[ObservedRow] = []
    i = 0
    while i < len(observed):
        joined = _joined(observed[i], observed[i + 1], table) if i + 1 < len(observed) else None
        rows.append(joined or observed[i])
        i += 2 if joined else 1
    return rows


def _joined(first: ObservedRow, second: ObservedRow, table: TableSpec) -> ObservedRow | None:
    """``first`` and ``second`` as one row, or None where they are not one row's parts."""
    if not first.values or not second.values or len(first.values) >= _widest(table):
        return None  # (the common case: a row with all its values)
    values = (*first.values, *second.values)
    if any(v.kind not in ("num", "null") for v in values):
        return None
    labels = LabelIndex.of(table)
    if not first.label or labels.rows_named_by(fold(first.label)) or labels.rows_named_by(fold(second.label)):
        return None
    named = labels.rows_named_by(fold(first.label + second.label))
    if len(named) != 1:
        return None
    spec = table.rows[named[0]]
    width = len(spec.columns)
    if not len(first.values) < width <= len(values) or not _sums_hold(table, spec, values[:width]):
        return None
    return ObservedRow(
        first.label + second.label,
        values,
        second.line,
        first.tied or second.tied,
        first.attached or second.attached,
        first.texts + second.texts,
        split=True,
    )


def _sums_hold(table: TableSpec, spec: RowSpec, values: Sequence[Item]) -> bool:
    """Whether the row's own sums all hold for ``values`` read in order (False where it has none)."""
    checks = _row_checks(table).get(spec.id, ())
    read = {
        (table.id, spec.id, column): cell.value
        for column, cell in zip(spec.columns, cells(values, spec), strict=True)
    }
    return bool(checks) and all(evaluate(check, read.get).status == "pass" for check in checks)


@functools.lru_cache(maxsize=32)
def _widest(table: TableSpec) -> int:
    return max(len(row.columns) for row in table.rows)


@functools.lru_cache(maxsize=32)
def _row_checks(table: TableSpec) -> dict[str, tuple[Check, ...]]:
    """The checks within one row (its row sum), by row, in either printed form of the table."""
    found: dict[str, list[Check]] = {}
    for check in checks_in_either_form(table):
        if len(check.rows) == 1:
            found.setdefault(next(iter(check.rows)), []).append(check)
    return {row: tuple(checks) for row, checks in found.items()}
