"""A table's glued rows decoded together: each row split under its own sums, the readings chosen
under the table's equations, prose facts where those leave a choice, and a diagnostic for every
cell left blank.

All of the work on one table shares one :class:`~.solving.Budget` of :data:`~.solving.TABLE_STEPS`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from ... import diagnostics as diag
from ...model import Cell, Diagnostic, Value
from ...template.spec import REVIEW_BLOCKS, REVIEW_OUTCOMES, TABLE_NAMES_ZH, RowSpec, TableSpec
from .arithmetic import REVIEW_ROW, REVIEW_SHAPE, table_arithmetic
from .prose import Fact
from .rows import ROW_READINGS, ROW_STEPS, Chunk, Kind, Reading, Shape, describe, split_row
from .solving import TABLE_STEPS, Budget, Equation, agreed, decode


class Glued(NamedTuple):
    """A row printed without cell separators: the ways its text can be cut into chunks (more
    than one when the next label's number may be stuck to its end), the digits as printed, and
    the source line."""

    alternatives: tuple[tuple[Chunk, ...], ...]
    printed: str
    line: int | None = None


def chunk_alternatives(chunks: Sequence[Chunk], tail: str | None = None) -> tuple[tuple[Chunk, ...], ...]:
    """The chunk sequences a printed row may stand for.

    ``tail`` is set when the next row's label starts right after the last digit with ``.`` or
    ``、`` — its number (``2.其他法律…``) was read as part of the digits: ``tail`` is that number
    when the template says which it is, ``""`` when it does not; then, or when the digits do
    not end with it, the last one or two digits may be it.
    """
    chunks = tuple(chunks)
    if tail is None:
        return (chunks,)
    last = chunks[-1] if chunks else None
    if last is None:
        return ()
    out: list[tuple[Chunk, ...]] = []
    # the template's number; when the digits do not end with it (a misprinted number), any
    # number of one or two digits
    for cuts in ([tail], [last[-2:], last[-1:]]):
        for cut in cuts:
            if cut and last.endswith(cut) and not cut.startswith("0") and len(last) > len(cut):
                out.append((*chunks[:-1], last[: -len(cut)]))
        if out:
            break
    return tuple(out)


class TableDecoding(NamedTuple):
    """The cells decided for each glued row (None where its readings disagree) and the notes."""

    rows: dict[str, tuple[Value, ...]]
    diagnostics: tuple[Diagnostic, ...]


def decode_table(
    table: str,
    table_zh: str,
    shapes: Mapping[str, Shape],
    fixed: Mapping[str, Reading],
    glued: Mapping[str, Glued],
    equations: Sequence[Equation] = (),
    facts: Sequence[Fact] = (),
    columns: Mapping[str, Sequence[str]] | None = None,
) -> TableDecoding:
    """Split the glued rows of one table together.

    ``fixed`` are the rows read normally (they take part in the arithmetic as printed);
    ``glued`` the rows to split, each with its ``shapes`` entry. Each glued row is split on its
    own first, under its sums, then :func:`decode` chooses among the readings under the table's
    ``equations``. Where the readings left disagree on a cell, a fact from the prose that picks
    one of them decides it. ``columns`` names each glued row's cells (facts and diagnostics name
    cells by column). All of it shares one :class:`Budget` of :data:`TABLE_STEPS`.
    """
    notes: list[Diagnostic] = []
    readings: dict[str, tuple[Reading, ...]] = {row: (cells,) for row, cells in fixed.items()}
    out: dict[str, tuple[Value, ...]] = {row: (None,) * shapes[row].size for row in glued}
    budget = Budget()
    usable_rows: list[str] = []
    unsplit: dict[str, tuple[Reading, ...] | None] = {}

    def loose(row: str) -> tuple[Reading, ...] | None:
        """A row's readings without its sums (None: too many to list)."""
        if row not in glued:
            return readings[row]
        if row not in unsplit:
            shape = shapes[row]
            unsplit[row] = None
            if _cuts_at_most(glued[row].alternatives, shape.size) <= ROW_READINGS:
                found, complete, _ = _row_readings(glued[row].alternatives, Shape(shape.kinds), budget)
                unsplit[row] = found if complete else None
        return unsplit[row]

    for row, printed in glued.items():
        found, complete, relaxed = _row_readings(printed.alternatives, shapes[row], budget)
        if not complete:
            notes.append(
                _note("glued-cells-limit", table, row, printed, readings=ROW_READINGS, steps=ROW_STEPS)
            )
            continue
        if not found and not (shapes[row].sums and loose(row) != ()):
            notes.append(_note("glued-cells", table, row, printed))  # too few digits, or none fit
            continue
        if relaxed or not found:
            notes.append(_note("glued-cells-row-sum", table, row, printed))
        readings[row] = found
        usable_rows.append(row)
    if not usable_rows:
        return TableDecoding(out, tuple(notes))

    result = decode(readings, equations, loose, budget)
    for fact in facts:
        row = fact.row
        names = tuple(columns.get(row, ())) if columns else ()
        kept = result.viable.get(row)
        if row not in usable_rows or fact.column not in names or kept is None:
            continue
        index = names.index(fact.column)
        values = {r[index] for r in kept}
        if len(values) < 2 or fact.value not in values:
            continue
        narrowed = {**readings, row: tuple(r for r in readings[row] if r[index] == fact.value)}
        retry = decode(narrowed, equations, loose, budget)
        if not retry.exhausted and retry.viable.get(row):
            readings, result = narrowed, retry
            notes.append(
                diag.make(
                    "glued-cells-prose",
                    table=table,
                    row=_row(table, row),
                    column=None if row == table else fact.column,
                    line=glued[row].line,
                    quote=fact.quote,
                    value=fact.value,
                    digits=glued[row].printed,
                )
            )
    if result.exhausted:
        fallback = (
            ("only cells that the digits alone decide were kept", "仅保留数字本身即可确定的单元格")
            if result.digits_only
            else ("each row was split by its own sums only", "仅按各行自身的勾稽关系拆分")
        )
        notes.append(
            diag.make(
                "glued-cells-table-limit",
                table=table,
                table_zh=table_zh,
                steps=TABLE_STEPS,
                fallback=fallback[0],
                fallback_zh=fallback[1],
            )
        )
    elif result.digits_only:
        notes.append(diag.make("glued-cells-digits-only", table=table, table_zh=table_zh))
    elif result.set_aside:
        notes.append(
            diag.make(
                "glued-cells-arithmetic", table=table, table_zh=table_zh, rows=", ".join(result.set_aside)
            )
        )
    split = 0
    for row in usable_rows:
        kept = result.viable.get(row)
        size = shapes[row].size
        printed = glued[row]
        if kept is None:
            notes.append(
                _note("glued-cells-limit", table, row, printed, readings=ROW_READINGS, steps=ROW_STEPS)
            )
            continue
        cells = agreed(kept, size)
        out[row] = cells
        if not kept:
            notes.append(_note("glued-cells", table, row, printed))
        elif any(len({r[c] for r in kept}) > 1 for c in range(size)):
            notes.append(
                _note(
                    "glued-cells-ambiguous",
                    table,
                    row,
                    printed,
                    count=len(kept),
                    readings=readings_text(kept),
                )
            )
        else:
            split += 1
    if split:
        notes.append(diag.make("glued-cells-split", table=table, table_zh=table_zh, count=split))
    return TableDecoding(out, tuple(notes))


def _row_readings(
    alternatives: Sequence[Sequence[Chunk]], shape: Shape, budget: Budget
) -> tuple[tuple[Reading, ...], bool, bool]:
    """The readings of a glued row from every alternative chunking of its text, under the
    row's sums; a row with several sum ranges whose printed totals cannot all hold is read under
    all of them but one, each in turn. Returns (readings, complete, relaxed). At most
    :data:`~.rows.ROW_STEPS` of ``budget`` are used."""
    allowance = min(ROW_STEPS, max(budget.left, 0))
    used = 0

    def run(with_sums: Shape) -> tuple[dict[Reading, None], bool]:
        nonlocal used
        found: dict[Reading, None] = {}
        for chunks in alternatives:
            result = split_row(chunks, with_sums, max_steps=allowance - used)
            used += result.steps
            found.update(dict.fromkeys(result.readings))
            if not result.complete:
                return found, False
        return found, True

    found, complete = run(shape)
    relaxed = False
    if complete and not found and len(shape.sums) > 1:
        relaxed = True
        for drop in range(len(shape.sums)):
            fewer, complete = run(Shape(shape.kinds, shape.sums[:drop] + shape.sums[drop + 1 :]))
            found.update(fewer)
            if not complete:
                break
    budget.spend(used)
    return tuple(found), complete, relaxed


def _cuts_at_most(alternatives: Sequence[Sequence[Chunk]], cells: int) -> int:
    """An upper bound on the ways to cut a row into ``cells`` cells, whatever the sums: the
    ways to choose the cell boundaries among the places between two characters."""
    return sum(
        math.comb(sum(len(c) if c is not None else 1 for c in chunks) - 1, cells - 1)
        for chunks in alternatives
    )


def readings_text(readings: Sequence[Reading], limit: int = 5) -> str:
    """The first ``limit`` readings, and how many there are in all."""
    shown = ", ".join(describe(r) for r in readings[:limit])
    if len(readings) > limit:
        shown += f", … ({len(readings)} in all)"
    return shown


def _row(table: str, row: str) -> str | None:
    """The row id a diagnostic names (table 四's values have none)."""
    return None if row == table else row


def _note(code: str, table: str, row: str, printed: Glued, **fields: Any) -> Diagnostic:
    """A diagnostic about one glued row."""
    return diag.make(
        code, table=table, row=_row(table, row), line=printed.line, digits=printed.printed, **fields
    )


def decode_rows(
    table: TableSpec,
    read: Mapping[str, tuple[Cell, ...]],
    glued: Mapping[str, Glued],
    facts: Sequence[Fact] = (),
) -> tuple[dict[str, tuple[Cell, ...]], tuple[Diagnostic, ...]]:
    """The cells of the glued rows of a labelled table (二 or 三), split together with the rows
    ``read`` normally, under the table's arithmetic."""
    specs = {spec.id: spec for spec in table.rows}
    sums, equations = table_arithmetic(table.id, set(read) | set(glued))
    shapes = {row: Shape(_kinds(specs[row]), sums) for row in glued}
    fixed = {row: tuple(c.value for c in cells) for row, cells in read.items() if row not in glued}
    decoded = decode_table(
        table.id,
        TABLE_NAMES_ZH.get(table.id, table.title),
        shapes,
        fixed,
        glued,
        equations,
        facts,
        {row: specs[row].columns for row in glued},
    )
    cells = {
        row: tuple(Cell(value, glued[row].line) for value in values) for row, values in decoded.rows.items()
    }
    return cells, decoded.diagnostics


def decode_review(
    glued: Glued, table_zh: str, facts: Sequence[Fact] = ()
) -> tuple[tuple[Cell, ...], tuple[Diagnostic, ...]]:
    """Table 四's fifteen values from glued digits: three blocks that each end with their total."""
    names = tuple(f"{block}.{outcome}" for block in REVIEW_BLOCKS for outcome in REVIEW_OUTCOMES)
    decoded = decode_table(
        REVIEW_ROW,
        table_zh,
        {REVIEW_ROW: REVIEW_SHAPE},
        {},
        {REVIEW_ROW: glued},
        (),
        facts,
        {REVIEW_ROW: names},
    )
    return tuple(Cell(v, glued.line) for v in decoded.rows[REVIEW_ROW]), decoded.diagnostics


def _kinds(spec: RowSpec) -> tuple[Kind, ...]:
    """The kind of each value cell of a row (a count where the template does not say)."""
    return tuple(spec.kind(i) for i in range(len(spec.columns)))
