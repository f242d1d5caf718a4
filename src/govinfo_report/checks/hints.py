"""Likely causes of failed arithmetic, suggested as info findings and never applied: a row
printed one column off (``likely-shifted-row``), and a number split over two cells
(``likely-split-number``). Each is suggested only when the arithmetic singles it out."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from ..model import Diagnostic, Value
from ..template.rules import Check, Getter, Outcome, evaluate
from .cells import ReportCells
from .findings import CellRef, Finding, Key, at_cell, message_fields


def _overridden(cells: ReportCells, override: Mapping[Key, Value]) -> Getter:
    """The report's cells with some values replaced: a reading to try the checks on."""

    def get(key: Key) -> Value:
        return override[key] if key in override else cells.get(key)

    return get


def _checks_by_row(checks: Sequence[Check]) -> dict[tuple[str, str], list[int]]:
    index: dict[tuple[str, str], list[int]] = {}
    for i, check in enumerate(checks):
        for row in dict.fromkeys((k[0], k[1]) for k in check.keys):
            index.setdefault(row, []).append(i)
    return index


# --- a row printed one column off ------------------------------------------------------------


def shift_hints(cells: ReportCells, checks: Sequence[Check], outcomes: Sequence[Outcome]) -> list[Finding]:
    """A table 三 row whose values, moved back by one column, make the failing checks it is in
    add up (at least two of them, and none left failing)."""
    findings = []
    columns = cells.printed("requests").spec.column_ids()
    for (table, row), involved in _checks_by_row(checks).items():
        if table != "requests" or not any(outcomes[i].failed for i in involved):
            continue
        keys = [(table, row, c) for c in columns]
        printed = [cells.get(k) for k in keys]
        if all(v is None for v in printed):
            continue
        fits = [
            (direction, fixed)
            for direction in ("right", "left")  # the way the values must move to fit
            if (
                fixed := _fixed_by_shift(
                    cells, keys, printed, direction, [(checks[i], outcomes[i]) for i in involved]
                )
            )
        ]
        if len(fits) != 1:
            continue
        direction, fixed = fits[0]
        printed_as = "left" if direction == "right" else "right"
        made = at_cell(
            "likely-shifted-row",
            table,
            row,
            line=next((cells.lines.get(k) for k in keys if cells.lines.get(k) is not None), None),
            direction=printed_as,
            direction_zh="向左" if printed_as == "left" else "向右",
            count=fixed,
        )
        findings.append(Finding.from_diagnostic(made, cells=tuple(cells.ref(k) for k in keys)))
    return findings


def _fixed_by_shift(
    cells: ReportCells,
    keys: Sequence[Key],
    printed: Sequence[Value],
    direction: str,
    involved: Sequence[tuple[Check, Outcome]],
) -> int:
    """How many failing checks the row's values moved one column ``direction`` fix — 0 unless
    at least two are fixed and none is left failing (a value moved off the row must be blank
    or 0)."""
    if direction == "right":
        dropped, moved = printed[-1], [None, *printed[:-1]]
    else:
        dropped, moved = printed[0], [*printed[1:], None]
    if dropped not in (None, 0):
        return 0
    get = _overridden(cells, dict(zip(keys, moved, strict=True)))
    after = [evaluate(check, get) for check, _ in involved]
    fixed = sum(
        1 for (_, before), o in zip(involved, after, strict=True) if before.failed and o.status == "pass"
    )
    return fixed if fixed >= 2 and not any(o.failed for o in after) else 0


# --- a number split over two cells -----------------------------------------------------------

_DIGITS = re.compile(r"[0-9]+")


def _joins(tokens: Sequence[str], size: int) -> Iterator[tuple[int, list[Value]]]:
    """Every way of reading ``size + 1`` printed values as ``size`` by joining two neighbours."""
    if len(tokens) != size + 1:
        return
    numbers: list[Value] = [int(t) if _DIGITS.fullmatch(t) else None for t in tokens]
    for i in range(size):
        a, b = tokens[i], tokens[i + 1]
        if not (_DIGITS.fullmatch(a) and _DIGITS.fullmatch(b)) or a.startswith("0"):
            continue
        yield i, [*numbers[:i], int(a + b), *numbers[i + 2 :]]


def _split_target(
    cells: ReportCells, d: Diagnostic, all_checks: Sequence[Check]
) -> tuple[list[Key], list[Check], Check | None, str, str] | None:
    """For a parser diagnostic about one value too many: the cells the values belong in, the
    checks they take part in, the one that must hold (a row's own sum), and how to say where."""
    if d.code == "row-value-count" and d.table == "requests" and d.row:
        columns = cells.printed("requests").spec.column_ids()
        keys = [("requests", d.row, c) for c in columns]
        checks = [c for c in all_checks if any(k[0] == "requests" and k[1] == d.row for k in c.keys)]
        own = next((c for c in checks if c.rule == "requests-row-sum"), None)
        if own is None:  # a row this report's table does not print
            return None
        return keys, checks, own, "该行“总计=各列之和”", "the row"
    if d.code == "table-value-count" and d.table == "review_litigation":
        spec = cells.printed("review_litigation").spec
        keys = [("review_litigation", r.id, c) for r in spec.rows for c in r.columns]
        checks = [c for c in all_checks if c.rule == "review-block-sum"]
        return keys, checks, None, "表四三栏", "the three blocks of table 四"
    return None


def split_hints(cells: ReportCells, all_checks: Sequence[Check]) -> list[Finding]:
    """A row (or table 四) with one value too many that adds up only when two neighbouring values
    are read as one number."""
    findings = []
    for d in cells.report.diagnostics:
        target = _split_target(cells, d, all_checks)
        if target is None or not target[1]:
            continue
        keys, checks, own, where_zh, where = target
        tokens = message_fields(d).get("values", "").split()
        fits = [
            (i, joined)
            for i, joined in _joins(tokens, len(keys))
            if _adds_up(cells, keys, joined, checks, own)
        ]
        if len(fits) != 1:
            continue
        i, joined = fits[0]
        made = at_cell(
            "likely-split-number",
            *keys[i],
            line=d.line,
            first=tokens[i],
            second=tokens[i + 1],
            joined=joined[i],
            where=where,
            where_zh=where_zh,
        )
        refs = tuple(CellRef(k[0], k[1], k[2], d.line) for k in keys)
        findings.append(Finding.from_diagnostic(made, cells=refs, expected=joined[i]))
    return findings


def _adds_up(
    cells: ReportCells,
    keys: Sequence[Key],
    joined: Sequence[Value],
    checks: Sequence[Check],
    own: Check | None,
) -> bool:
    """Whether the values read with two neighbours joined make the needed checks pass (``own``
    alone, or all) and leave none failing."""
    get = _overridden(cells, dict(zip(keys, joined, strict=True)))
    after = [evaluate(c, get) for c in checks]
    needed = [o for c, o in zip(checks, after, strict=True) if own is None or c is own]
    return all(o.status == "pass" for o in needed) and not any(o.failed for o in after)
