"""A table's glued rows decoded together: each row split under its own sums, the readings chosen
under the table's equations, prose facts where those leave a choice, and a diagnostic for every
cell left blank.

All of the work on one table shares one :class:`~.solving.Budget` of :data:`~.solving.TABLE_STEPS`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

from ... import diagnostics as diag
from ...model import Cell, Diagnostic, Value
from ...template.spec import REVIEW_BLOCKS, REVIEW_OUTCOMES, TableSpec
from ..prose import Fact
from .arithmetic import REVIEW_ROW, review_shape, row_kinds, table_arithmetic
from .rows import ROW_READINGS, ROW_STEPS, Chunk, Reading, Shape, describe, parse_cell, split_row
from .solving import TABLE_STEPS, Budget, Decoded, Equation, agreed, decode


class Glued(NamedTuple):
    """A row printed without cell separators: the ways its text can be cut into chunks (more
    than one when the next label's number may be stuck to its end), the digits as printed, and
    the source line. ``wrapped`` marks a row printed with more numbers than cells, whose
    neighbouring numbers may be the pieces of one (see :func:`wrapped_alternatives`)."""

    alternatives: tuple[tuple[Chunk, ...], ...]
    printed: str
    line: int | None = None
    wrapped: bool = False


#: A place in the printed text while table 四's cells are read from it (see _review_search).
_State = TypeVar("_State", bound=Hashable)

#: The most numbers more than its cells a row may print and still be read as wrapped numbers.
MAX_WRAPPED_PIECES = 6


def wrapped_alternatives(
    pieces: Sequence[str], cells: int, apart: Sequence[bool] = ()
) -> tuple[tuple[Chunk, ...], ...]:
    """Every way to join neighbouring ``pieces`` (numbers as printed) into ``cells`` chunks,
    each chunk one cell: a number too wide for its narrow cell wraps, and a text extractor
    prints its two pieces as two numbers (``9897 0 4808 5``: the total is 48085). None at all
    when the row prints no more numbers than cells, or more than :data:`MAX_WRAPPED_PIECES` more.
    ``apart[k]`` says that pieces ``k`` and ``k + 1`` are surely two cells (a blank line between
    them, where the text prints a wrapped number's pieces on lines next to each other)."""
    if not 0 < len(pieces) - cells <= MAX_WRAPPED_PIECES:
        return ()
    cut = {k + 1 for k, part in enumerate(apart) if part}
    free = [k for k in range(1, len(pieces)) if k not in cut]
    if len(cut) > cells - 1:
        return ()
    bounds = (
        itertools.pairwise((0, *sorted((*cut, *more)), len(pieces)))
        for more in itertools.combinations(free, cells - 1 - len(cut))
    )
    return tuple(tuple("".join(pieces[a:b]) for a, b in pairs) for pairs in bounds)


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
    own first, under its sums, then :func:`~.solving.decode` chooses among the readings under
    the table's ``equations``. Where the readings left disagree on a cell, a fact from the prose
    that picks one of them decides it. ``columns`` names each glued row's cells (facts and
    diagnostics name cells by column). All of it shares one :class:`~.solving.Budget` of
    :data:`~.solving.TABLE_STEPS`.
    """
    decoder = _TableDecoder(table, table_zh, shapes, fixed, glued, columns)
    out: dict[str, tuple[Value, ...]] = {row: (None,) * shapes[row].size for row in glued}
    split = decoder.split_rows()
    if split:
        result = decode(decoder.readings, equations, decoder.loose, decoder.budget)
        result = decoder.use_facts(result, split, equations, facts)
        decoder.note_arithmetic(result)
        out.update(decoder.cells(result, split))
    return TableDecoding(out, tuple(decoder.notes))


class _TableDecoder:
    """One table being decoded: its rows' readings so far, the budget they share, and the notes.

    ``readings`` holds one reading for each row read normally and, once split, the readings of
    each glued row under its own sums.
    """

    def __init__(
        self,
        table: str,
        table_zh: str,
        shapes: Mapping[str, Shape],
        fixed: Mapping[str, Reading],
        glued: Mapping[str, Glued],
        columns: Mapping[str, Sequence[str]] | None,
    ) -> None:
        self.table = table
        self.table_zh = table_zh
        self.shapes = shapes
        self.glued = glued
        self.columns = columns
        self.budget = Budget()
        self.readings: dict[str, tuple[Reading, ...]] = {row: (cells,) for row, cells in fixed.items()}
        self.notes: list[Diagnostic] = []
        #: each glued row's readings without its sums, once asked for (None: too many to list)
        self.unsplit: dict[str, tuple[Reading, ...] | None] = {}

    def loose(self, row: str) -> tuple[Reading, ...] | None:
        """A row's readings without its sums (None: too many to list). A glued row is split
        again without them only when the ways to place its cell boundaries are few enough that
        its readings could be listed, whatever the digits."""
        if row not in self.glued:
            return self.readings[row]
        if row not in self.unsplit:
            alternatives, shape = self.glued[row].alternatives, self.shapes[row]
            self.unsplit[row] = None
            if _cuts_at_most(alternatives, shape.size) <= ROW_READINGS:
                found, complete, _ = _row_readings(alternatives, Shape(shape.kinds), self.budget)
                self.unsplit[row] = found if complete else None
        return self.unsplit[row]

    def split_rows(self) -> list[str]:
        """Split each glued row on its own, under its sums, into ``readings``; the rows that can
        take part in the table's arithmetic, in order. A row that has no reading even without
        its sums, or too many, is left out with a note."""
        split: list[str] = []
        for row, printed in self.glued.items():
            found, complete, relaxed = _row_readings(printed.alternatives, self.shapes[row], self.budget)
            if not complete:
                self.note_limit(row)
                continue
            if not found and not (self.shapes[row].sums and self.loose(row) != ()):
                # too few digits, or none fit
                self.notes.append(_note("glued-cells", self.table, row, printed))
                continue
            if relaxed or not found:
                self.notes.append(_note("glued-cells-row-sum", self.table, row, printed))
            self.readings[row] = found
            split.append(row)
        return split

    def use_facts(
        self, result: Decoded, split: Sequence[str], equations: Sequence[Equation], facts: Sequence[Fact]
    ) -> Decoded:
        """Let each prose fact that names one of the values a cell is left with choose it,
        when the table still decodes with that row narrowed to it."""
        for fact in facts:
            index = self.fact_cell(fact, result, split)
            if index is None:
                continue
            row = fact.row
            narrowed = {**self.readings, row: tuple(r for r in self.readings[row] if r[index] == fact.value)}
            retry = decode(narrowed, equations, self.loose, self.budget)
            if not retry.exhausted and retry.viable.get(row):
                self.readings, result = narrowed, retry
                self.notes.append(
                    diag.make(
                        "glued-cells-prose",
                        table=self.table,
                        row=_row(self.table, row),
                        column=None if row == self.table else fact.column,
                        line=self.glued[row].line,
                        quote=fact.quote,
                        value=fact.value,
                        digits=self.glued[row].printed,
                    )
                )
        return result

    def fact_cell(self, fact: Fact, result: Decoded, split: Sequence[str]) -> int | None:
        """The index of the cell ``fact`` may decide: a cell of a split row whose kept readings
        disagree on it, one of them as the fact states; else None."""
        row = fact.row
        names = tuple(self.columns.get(row, ())) if self.columns else ()
        kept = result.viable.get(row)
        if row not in split or fact.column not in names or kept is None:
            return None
        index = names.index(fact.column)
        values = {r[index] for r in kept}
        if len(values) < 2 or fact.value not in values:
            return None
        return index

    def note_arithmetic(self, result: Decoded) -> None:
        """Say how much of the table's arithmetic decided it, when not all of it."""
        table, table_zh = self.table, self.table_zh
        if result.exhausted:
            fallback = (
                ("only cells that the digits alone decide were kept", "仅保留数字本身即可确定的单元格")
                if result.digits_only
                else ("each row was split by its own sums only", "仅按各行自身的勾稽关系拆分")
            )
            self.notes.append(
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
            self.notes.append(diag.make("glued-cells-digits-only", table=table, table_zh=table_zh))
        elif result.set_aside:
            self.notes.append(
                diag.make(
                    "glued-cells-arithmetic", table=table, table_zh=table_zh, rows=", ".join(result.set_aside)
                )
            )

    def cells(self, result: Decoded, split: Sequence[str]) -> dict[str, tuple[Value, ...]]:
        """The cells of each split row that all its kept readings agree on, a note for each row
        left with none or several, and one for the rows decided in full."""
        out: dict[str, tuple[Value, ...]] = {}
        decided = wrapped = 0
        for row in split:
            kept = result.viable.get(row)
            if kept is None:
                self.note_limit(row)
                continue
            size = self.shapes[row].size
            out[row] = agreed(kept, size)
            if not kept:
                self.notes.append(_note("glued-cells", self.table, row, self.glued[row]))
            elif len(kept) > 1 and any(len({r[c] for r in kept}) > 1 for c in range(size)):
                self.notes.append(
                    _note(
                        "glued-cells-ambiguous",
                        self.table,
                        row,
                        self.glued[row],
                        count=len(kept),
                        readings=readings_text(kept),
                    )
                )
            elif self.glued[row].wrapped:
                wrapped += 1
            else:
                decided += 1
        if decided:
            self.notes.append(
                diag.make("glued-cells-split", table=self.table, table_zh=self.table_zh, count=decided)
            )
        if wrapped:
            self.notes.append(
                diag.make("wrapped-cells-joined", table=self.table, table_zh=self.table_zh, count=wrapped)
            )
        return out

    def note_limit(self, row: str) -> None:
        """Say that ``row`` passed a bound of its search (readings or steps) and decides nothing."""
        self.notes.append(
            _note(
                "glued-cells-limit", self.table, row, self.glued[row], readings=ROW_READINGS, steps=ROW_STEPS
            )
        )


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


#: The most pieces one number of table 四 is read from (a number wraps once in its cell).
REVIEW_PIECES_A_CELL = 2
#: Partial readings kept while table 四's pieces are joined; past it nothing is read.
REVIEW_PARTIALS = 5_000


def wrapped_review_readings(pieces: Sequence[str]) -> list[Reading] | None:
    """Every way to read table 四's fifteen cells from ``pieces`` (counts as printed, in order),
    each cell one piece or two next to each other (a number too wide for its narrow cell wraps
    once: pypdf prints ``28 9 20 0 …`` for 289, 200), every piece used (see
    :func:`_review_search`). None when the search grows past :data:`REVIEW_PARTIALS`."""
    count = len(pieces)

    def next_cells(at: int) -> Iterator[tuple[str, int]]:
        for take in range(1, min(REVIEW_PIECES_A_CELL, count - at) + 1):
            yield "".join(pieces[at : at + take]), at + take

    def fits(at: int, cells_left: int) -> bool:
        return cells_left <= count - at <= cells_left * REVIEW_PIECES_A_CELL

    return _review_search(0, next_cells, fits, count)


def wrapped_review_around(
    top: Sequence[str], middle: Sequence[str], bottom: Sequence[str]
) -> list[Reading] | None:
    """Every way to read table 四's fifteen cells from three lines of numbers printed by
    position (pdfplumber, ``pdftotext -layout``): the numbers too wide for their narrow cells
    wrap, their first pieces on the ``top`` line and the rest on the ``bottom`` one, in the same
    order, while the numbers that fit stand on the ``middle`` line between them. Each cell takes
    the next middle number or the next joined pair of pieces (see :func:`_review_search`)."""
    if len(top) != len(bottom):
        return []  # pieces that do not pair
    wrapped = ["".join(pair) for pair in zip(top, bottom, strict=True)]

    def next_cells(at: tuple[int, int]) -> Iterator[tuple[str, tuple[int, int]]]:
        m, w = at
        if m < len(middle):
            yield middle[m], (m + 1, w)
        if w < len(wrapped):
            yield wrapped[w], (m, w + 1)

    def fits(at: tuple[int, int], cells_left: int) -> bool:
        return len(middle) - at[0] + len(wrapped) - at[1] == cells_left

    return _review_search((0, 0), next_cells, fits, (len(middle), len(wrapped)))


def wrapped_review_below(top: Sequence[str], rest: Sequence[str]) -> list[Reading] | None:
    """Every way to read table 四's fifteen cells from two lines of numbers printed one under
    the other (pypdf, where the row's cells are text boxes of two lines): the ``top`` line holds
    every cell's first line — a number that fits, or the first piece of one too wide for its
    narrow cell — and the ``rest`` line the second pieces, in the same order. Each cell takes
    the next top number, alone or joined with the next piece of the rest (see
    :func:`_review_search`)."""

    def next_cells(at: tuple[int, int]) -> Iterator[tuple[str, tuple[int, int]]]:
        t, r = at
        if t < len(top):
            yield top[t], (t + 1, r)
            if r < len(rest):
                yield top[t] + rest[r], (t + 1, r + 1)

    def fits(at: tuple[int, int], cells_left: int) -> bool:
        return len(top) - at[0] == cells_left and len(rest) - at[1] <= cells_left

    return _review_search((0, 0), next_cells, fits, (len(top), len(rest)))


def _review_search(
    start: _State,
    next_cells: Callable[[_State], Iterable[tuple[str, _State]]],
    fits: Callable[[_State, int], bool],
    done: _State,
) -> list[Reading] | None:
    """Table 四's fifteen cells read one after another from the printed text: from each place
    ``next_cells`` gives the text the next cell may take and the place after it, ``fits`` says
    whether the cells left can still use what is left, and a reading must end at ``done``.
    Each cell is a printing of a count, and each block's total the sum of its four cells. None
    when the partial readings grow past :data:`REVIEW_PARTIALS`."""
    shape = review_shape()
    totals = {end - 1: first for first, end in shape.sums}
    states: dict[_State, list[tuple[Value, ...]]] = {start: [()]}
    for k, kind in enumerate(shape.kinds):
        block = totals.get(k)  # the first cell of the block this one totals
        grown: dict[_State, list[tuple[Value, ...]]] = {}
        for at, partials in states.items():
            for text, after in next_cells(at):
                value = parse_cell(text, kind)
                if value is None or not fits(after, shape.size - k - 1):
                    continue
                kept = [(*p, value) for p in partials if block is None or sum(p[block:k]) == value]  # type: ignore[arg-type]
                if kept:
                    grown.setdefault(after, []).extend(kept)
        states = grown
        if sum(map(len, states.values())) > REVIEW_PARTIALS:
            return None
    return list(states.get(done, []))


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
    sums, equations = table_arithmetic(table, set(read) | set(glued))
    shapes = {row: Shape(row_kinds(specs[row]), sums) for row in glued}
    fixed = {row: tuple(c.value for c in cells) for row, cells in read.items() if row not in glued}
    decoded = decode_table(
        table.id,
        table.name_zh,
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
        {REVIEW_ROW: review_shape()},
        {},
        {REVIEW_ROW: glued},
        (),
        facts,
        {REVIEW_ROW: names},
    )
    return tuple(Cell(v, glued.line) for v in decoded.rows[REVIEW_ROW]), decoded.diagnostics
