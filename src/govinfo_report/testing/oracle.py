"""What parsing a text must give back: its report's cells, and the promise of a mutation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ..model import ActiveDisclosure, Report, Requests, ReviewLitigation, Value
from ..template.formats import get_format

CellKey = tuple[str, str, str]  # table id, row id, column id


def cell_values(report: Report) -> dict[CellKey, Value]:
    """Every table cell of a report by (table, row, column), in the order of the data contract
    (a regional variant's rows included); a missing table counts as blank."""
    whole = attrs.evolve(
        report,
        active_disclosure=report.active_disclosure or ActiveDisclosure(),
        requests=report.requests or Requests(),
        review_litigation=report.review_litigation or ReviewLitigation(),
    )
    return {(c.table, c.row, c.column): c.value for c in whole.cells()}


def cell_differences(
    parsed: Report, expected: Report, *, skip: Iterable[tuple[str, str | None]] = ()
) -> list[str]:
    """The cells of ``parsed`` that differ from ``expected``, as readable lines; rows in
    ``skip`` ((table, row), or (table, None) for a whole table) are not compared."""
    skipped = set(skip)
    got, want = cell_values(parsed), cell_values(expected)
    return [
        f"{t}.{r}.{c}: got {got.get((t, r, c))!r}, expected {v!r}"
        for (t, r, c), v in want.items()
        if (t, r) not in skipped and (t, None) not in skipped and got.get((t, r, c)) != v
    ]


@attrs.frozen
class Mutated:
    """A changed report text and what parsing it must give.

    ``expected`` holds every cell as it must read. ``required`` lists diagnostics the parse must
    report, as (code, table, row). A row in ``damaged`` ((table, row), or (table, None) for a
    table without row labels) may be read exactly *or* left blank, but then with a diagnostic
    whose code is in ``codes``. The agency, year and section headings must always survive.
    """

    kind: str
    text: str
    expected: Report
    layout: str
    required: tuple[tuple[str, str, str | None], ...] = ()
    damaged: tuple[tuple[str, str | None], ...] = ()
    codes: frozenset[str] = frozenset()


def check_mutated(parsed: Report, mutated: Mutated) -> list[str]:
    """Why ``parsed`` does not satisfy ``mutated``'s promise; empty when it does."""
    return [
        *cell_differences(parsed, mutated.expected, skip=mutated.damaged),
        *_unexplained_damage(parsed, mutated),
        *_missing_diagnostics(parsed, mutated.required),
        *_lost_identity(parsed, mutated.expected),
    ]


def _unexplained_damage(parsed: Report, mutated: Mutated) -> Iterator[str]:
    """The damaged rows that are neither read exactly nor left blank with an allowed diagnostic."""
    got, want = cell_values(parsed), cell_values(mutated.expected)
    for table, row in mutated.damaged:
        keys = _row_keys(want, table, row)
        exact = all(got.get(k) == want[k] for k in keys)
        blank = all(got.get(k) is None for k in keys)
        if exact or (blank and _explained(parsed, mutated.codes, table, row)):
            continue
        yield (
            f"{table}.{row}: neither read exactly nor left blank with one of {sorted(mutated.codes)}: "
            + ", ".join(f"{k[2]}={got.get(k)!r}/{want[k]!r}" for k in keys)
        )


def _row_keys(cells: Iterable[CellKey], table: str, row: str | None) -> list[CellKey]:
    """The cells of a row, or of a whole table when ``row`` is None."""
    return [k for k in cells if k[0] == table and (row is None or k[1] == row)]


def _explained(parsed: Report, codes: frozenset[str], table: str, row: str | None) -> bool:
    """Whether ``parsed`` has a diagnostic with one of ``codes`` for the row (or its table)."""
    # a missing one-row （六）其他处理 is reported as its three rows missing
    alternatives = get_format("2021").tables["requests"].alternatives()
    named = {row, None, *(alternatives.get(row, ()) if row is not None else ())}
    return any(
        d.code in codes and d.table == table and (row is None or d.row in named) for d in parsed.diagnostics
    )


def _missing_diagnostics(parsed: Report, required: Iterable[tuple[str, str, str | None]]) -> Iterator[str]:
    """The diagnostics the mutation requires that the parse did not report."""
    for code, table, row in required:
        if not any(d.code == code and d.table == table and d.row == row for d in parsed.diagnostics):
            yield f"missing diagnostic {code} for {table}.{row}"


def _lost_identity(parsed: Report, expected: Report) -> Iterator[str]:
    """The agency, year and section headings, which every mutation must leave readable."""
    if (parsed.agency, parsed.year) != (expected.agency, expected.year):
        yield f"agency/year {parsed.agency!r} {parsed.year!r}, expected {expected.agency!r} {expected.year!r}"
    got_headings = [s.heading for s in parsed.sections]
    want_headings = [s.heading for s in expected.sections]
    if got_headings != want_headings:
        yield f"headings {got_headings}, expected {want_headings}"
