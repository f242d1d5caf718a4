"""Table 四: a table without row labels, read as one block of values in order."""

from __future__ import annotations

import collections
import functools
import itertools
from collections.abc import Callable, Sequence

from .. import diagnostics as diag
from ..model import Cell, Diagnostic
from . import decoding
from .items import Item, split_rows
from .labels import fold
from .values import blank_cells, cells, describe, glued, ran_together, strip_empty, too_long, trim

BlockRead = tuple[tuple[Cell, ...] | None, tuple[Diagnostic, ...]]


def read_block_values(
    stream: Sequence[Item | None],
    expected: int,
    table_id: str,
    table_zh: str,
    anchor: str | None = None,
    *,
    facts: Callable[[], Sequence[decoding.Fact]] = tuple,
    header_words: frozenset[str] = frozenset(),
    holds: Callable[[Sequence[Item]], bool] | None = None,
    sums_off: Callable[[Sequence[Item]], int] | None = None,
    soft_bounds: bool = False,
    wrapping_seen: bool = False,
) -> BlockRead:
    """Read a table without row labels (table 四): its ``expected`` values in order.

    The values are the run of value cells (between two texts) that has exactly ``expected``
    cells once merged-cell shadows are trimmed, after the text holding ``anchor`` (the header);
    three consecutive runs of a third each also do. Where runs of the table's cells differ
    (before the header too: a PDF's text may print the values first), the arithmetic picks one
    or the table is blank (see :func:`_one_of`).
    Table 四's values glued into one digit run are split by its block totals
    (:mod:`govinfo_report.reading.decoding`). ``header_words`` are the table's header words
    (folded) and ``holds`` tells whether values read in order keep the table's arithmetic:
    values parted only by header words still make the one row (see
    :func:`_across_header_words`). ``sums_off`` tells how many of the table's row sums values
    read in order break, but for totals a page's edge cut: the one run of the table's count
    with other numbers between the header and it is taken only where none does (a narrow
    cell's number wrapped over two lines can leave a run of the right count that is not the
    table; numbers after the table, a note's, say nothing of it). ``soft_bounds``: only a space or a
    line break sets the cells apart, which may part the pieces of a wrapped number too;
    ``wrapping_seen``: the tables before it printed numbers wrapped in their cells so.
    """
    add_up = None if sums_off is None else (lambda run: sums_off(run) == 0)
    every = _block_items(stream)
    start = _anchor_at(every, anchor)
    items = every[start:]
    runs = _value_runs(items)
    whole = _runs_of(runs, expected)
    rivals = _runs_of(_value_runs(every[:start]), expected)
    if len({_printed(run) for run in [*rivals, *whole]}) > 1:
        return _one_of([*rivals, *whole], table_id, table_zh, holds)
    found = whole[0] if whole else None
    if found is not None and (
        edge := _edge_doubt(found, items, runs, expected, add_up, (table_id, table_zh))
    ):
        return edge
    if found is not None and (
        doubt := _unconfirmed(found, runs, items, header_words, add_up, table_id, table_zh)
    ):
        return doubt
    if found is None:
        found = _three_thirds(runs, expected) or _across_header_words(items, expected, header_words, holds)
    if found is not None:
        # a header a character a line, and most sums off: the cells may be too narrow for numbers
        narrow = sums_off is not None and sums_off(found) >= 2 and _narrow_header(every, header_words)
        doubt = _wrapped(
            found, add_up, table_id, table_zh, soft=soft_bounds, wrapping_seen=wrapping_seen, narrow=narrow
        )
        return doubt or (cells(found), ())
    candidates = [list(strip_empty(run)) for run in runs]
    numbered = [run for run in candidates if any(v.kind == "num" for v in run)]
    if not numbered:
        return None, (diag.make("missing-table", table=table_id, table_zh=table_zh),)
    return _unread(max(numbered, key=len), expected, table_id, table_zh, facts, soft=soft_bounds)


def _block_items(stream: Sequence[Item | None]) -> list[Item]:
    """The items of the table's region: a grid row of nothing but empty cells (a blank line, a
    padded header line) holds no value, nor does an empty cell among header words — one after
    a value does (a table printed one cell per line is one grid row, its headers and its values
    with their empty cells)."""
    items: list[Item] = []
    for row in split_rows(stream):
        kinds = {i.kind for i in row}
        if kinds == {"empty"} or not kinds:
            continue
        items += _without_header_gaps(row) if "text" in kinds else row
    return items


def _without_header_gaps(row: Sequence[Item]) -> list[Item]:
    """A grid row's items without the empty cells that follow a word rather than a value —
    but for those after the row's last word where values follow it: the first cells of those
    values (a blank first cell, or a merged cell's shadow the count trims)."""
    last_word = max(i for i, item in enumerate(row) if item.kind == "text")
    values_after = any(item.kind in ("num", "null") for item in row[last_word + 1 :])
    kept: list[Item] = []
    after_value = False
    for index, item in enumerate(row):
        if item.kind != "empty":
            after_value = item.kind != "text"
        elif not after_value and not (values_after and index > last_word):
            continue
        kept.append(item)
    return kept


def _anchor_at(items: Sequence[Item], anchor: str | None) -> int:
    """Where the table begins: the first text holding ``anchor`` (folded), else the start."""
    if anchor is not None:
        for index, item in enumerate(items):
            if item.kind == "text" and anchor in fold(item.text):
                return index
    return 0


def _value_runs(items: Sequence[Item]) -> list[list[Item]]:
    """The runs of value cells between two texts."""
    runs: list[list[Item]] = []
    current: list[Item] = []
    for item in items:
        if item.kind == "text":
            if current:
                runs.append(current)
            current = []
        else:
            current.append(item)
    if current:
        runs.append(current)
    return runs


def _runs_of(runs: Sequence[Sequence[Item]], expected: int) -> list[Sequence[Item]]:
    """The runs of exactly ``expected`` cells, some printed and none glued, once merged-cell
    shadows are trimmed (a blank first or last value is an empty cell too)."""
    found: list[Sequence[Item]] = []
    for run in runs:
        kept = trim(run, expected)
        filled = any(v.kind != "empty" for v in kept)
        if (
            len(kept) == expected
            and filled
            and not any(v.glued or too_long(v) for v in kept if v.kind == "num")
        ):
            found.append(kept)
    return found


def _edge_doubt(
    found: Sequence[Item],
    items: Sequence[Item],
    runs: Sequence[Sequence[Item]],
    expected: int,
    add_up: Callable[[Sequence[Item]], bool] | None,
    table: tuple[str, str],
) -> BlockRead | None:
    """Where the run ``found`` was trimmed from has more cells than the table, empty ones at
    both ends, and reads otherwise with the empty ones dropped from its end first (a blank
    first value and a stray cell after the last, or a merged cell's shadow and a blank last
    value): the reading the header row over it places (a header over its last cell and none
    over its first, or the other way round) where the sums do not speak against it, else the
    one reading whose sums all hold (a blank cell's, unknown, break none); failing both, the
    table blank, the readings said. None where the run reads one way or as ``found``."""
    run = next(run for run in runs if any(v is found[0] for v in run))
    from_end = trim(run, expected, pad_right=True)
    if len(run) <= expected or _printed(from_end) == _printed(found):
        return None
    readings = [found, from_end]
    holding = [r for r in readings if add_up is None or add_up(r)]
    placed = _placed_by_header(run, items)
    if placed is not None and (readings[placed] in holding or not holding):
        return None if placed == 0 else (cells(from_end), ())
    table_id, table_zh = table
    fields = {
        "table": table_id,
        "table_zh": table_zh,
        "printed": str(len(run)),
        "expected": str(expected),
        "readings": "; ".join(describe(r) for r in readings),
    }
    line = run[0].line
    if len(holding) == 1 and add_up is not None:
        return cells(holding[0]), (diag.make("table-edge-cells-chosen", line=line, **fields),)
    return blank_cells(expected, line), (diag.make("table-edge-cells-ambiguous", line=line, **fields),)


def _placed_by_header(run: Sequence[Item], items: Sequence[Item]) -> int | None:
    """Which end of ``run`` the header row just over it says is no value: 0 (the first cell)
    where a header stands over its last cell and none over its first, 1 (the last) the other
    way round; None where the grid keeps no columns or the header says neither."""
    first, last = run[0].col, run[-1].col
    at = next((k for k, item in enumerate(items) if item is run[0]), 0)
    header = next((item.row for item in reversed(items[:at]) if item.kind == "text"), None)
    if first < 0 or last < 0 or header is None:
        return None
    columns = {item.col for item in items[:at] if item.kind == "text" and item.row == header}
    if last in columns and first not in columns:
        return 0
    if first in columns and last not in columns:
        return 1
    return None


def _printed(run: Sequence[Item]) -> tuple[tuple[str, str], ...]:
    return tuple((v.kind, v.text) for v in run)


def _one_of(
    whole: Sequence[Sequence[Item]],
    table_id: str,
    table_zh: str,
    holds: Callable[[Sequence[Item]], bool] | None,
) -> BlockRead:
    """Several runs of the table's cells with different values (a PDF's text can print another
    table's numbers in the table's section): the one whose values keep the table's arithmetic,
    when only one does; else none, and the table is blank."""
    keeping = [run for run in whole if holds is not None and holds(run)]
    fields = {
        "table": table_id,
        "table_zh": table_zh,
        "count": str(len(whole)),
        "expected": str(len(whole[0])),
        "readings": "; ".join(describe(run) for run in whole),
    }
    if len(keeping) == 1:
        chosen = keeping[0]
        start = chosen[0].line
        return cells(chosen), (diag.make("table-run-chosen", line=start, start=str(start), **fields),)
    line = whole[0][0].line
    return blank_cells(len(whole[0]), line), (diag.make("table-runs-differ", line=line, **fields),)


def _unconfirmed(
    run: Sequence[Item],
    runs: Sequence[Sequence[Item]],
    items: Sequence[Item],
    header_words: frozenset[str],
    add_up: Callable[[Sequence[Item]], bool] | None,
    table_id: str,
    table_zh: str,
) -> BlockRead | None:
    """The table blank, said why, where ``run`` (of the table's count) has other numbers beside
    it in the table — under the header before it, or before header words after it (a PDF's
    text of narrow cells wraps numbers' last digits and header words alike, and the pieces can
    make a run of the table's count) — and its rows do not add up; None where it is the table.
    Numbers after the table's last header words (a note's) say nothing of it."""
    at = next(k for k, printed in enumerate(runs) if any(v is run[0] for v in printed))
    strays = [v for printed in runs[:at] for v in printed if v.kind == "num"]
    end = next(k for k, item in enumerate(items) if item is run[-1])
    last_header = max(
        (k for k, item in enumerate(items) if item.kind == "text" and _header_piece(item.text, header_words)),
        default=-1,
    )
    strays += [v for v in items[end + 1 : last_header] if v.kind == "num"]
    if not strays or add_up is None or add_up(run):
        return None
    return _run_left_blank(run, "table-run-unconfirmed", table_id, table_zh, others=describe(strays))


def _wrapped(
    run: Sequence[Item],
    add_up: Callable[[Sequence[Item]], bool] | None,
    table_id: str,
    table_zh: str,
    *,
    soft: bool,
    wrapping_seen: bool,
    narrow: bool = False,
) -> BlockRead | None:
    """The table blank, said why, where ``run``'s rows do not add up and it may hold the pieces
    of numbers too wide for their narrow cells; None otherwise. Printed one value a line, it
    may where some values stand on lines next to each other and others a blank line apart:
    plain ``pdftotext`` puts a blank line between cells and none inside one, so values on lines
    next to each other are the pieces of one number (an empty cell on the line after a number,
    markup's, is no piece); where no blank line parts the cells (``pdftotext -raw``), it may
    after tables that wrapped numbers, or in ``narrow`` cells (its header printed a character a
    line, and more than one of its sums off: a dump of Word's runs splits the header's words
    too, but a report's own slip breaks one sum). Printed several values a line with only a space between them
    (``soft``), it may where its lines hold unequal counts (pdfplumber and ``pdftotext -layout``
    print a wrapped number's first digits on the line above the row and the rest below) or
    where the tables before it wrapped numbers (``wrapping_seen``; pypdf prints the pieces in
    their place on the row's line): with a blank cell, which leaves no mark, the pieces can
    make up the count. A spaced run on one line elsewhere is a text browser's, which never
    wraps a number: its failing sums are the report's own."""
    if add_up is None or add_up(run):
        return None
    pairs = list(itertools.pairwise(run))
    gaps = {b.line - a.line for a, b in pairs}
    if any(v.shared for v in run) and len({v.line for v in run}) > 1:
        # numbers sharing a cell of a table whose cells are marked, on several lines: a
        # PDF-to-markdown tool's grid of wrapped pieces (on one line, columns it ran together)
        may = True
    elif 0 in gaps:
        counts = collections.Counter(v.line for v in run if v.kind == "num")
        may = soft and (wrapping_seen or len(set(counts.values())) > 1)
    else:
        pieces = any(b.line - a.line == 1 and a.kind == b.kind == "num" for a, b in pairs)
        may = pieces and (max(gaps) >= 2 or (soft and (wrapping_seen or narrow)))
    if not may:
        return None
    return _run_left_blank(run, "table-run-wrapped", table_id, table_zh)


def _run_left_blank(run: Sequence[Item], code: str, table_id: str, table_zh: str, **fields: str) -> BlockRead:
    """The table blank in place of ``run``, with a note of ``code`` on it."""
    line = run[0].line
    note = diag.make(
        code,
        table=table_id,
        line=line,
        table_zh=table_zh,
        expected=str(len(run)),
        values=describe(run),
        **fields,
    )
    return blank_cells(len(run), line), (note,)


def _three_thirds(runs: Sequence[Sequence[Item]], expected: int) -> list[Item] | None:
    """Three consecutive runs of a third of the cells each (their empty ends stripped): the
    table's three blocks printed apart."""
    trimmed = [list(strip_empty(run)) for run in runs]
    third = expected // 3
    for k in range(len(trimmed) - 2):
        if all(len(trimmed[k + d]) == third for d in range(3)):
            return trimmed[k] + trimmed[k + 1] + trimmed[k + 2]
    return None


def _across_header_words(
    items: Sequence[Item],
    expected: int,
    header_words: frozenset[str],
    holds: Callable[[Sequence[Item]], bool] | None,
) -> list[Item] | None:
    """Exactly ``expected`` printed values with nothing but header text among them: a text
    extractor that prints a tall header cell (总计 over two lines) after the values beside it.
    The table has one row, so every order an extractor may print it in keeps the values in
    order; a value lost or added anywhere changes the count. But a number too wide for a narrow
    cell wraps its digits over two lines, which can make up the count by chance: the values are
    taken when the table's arithmetic holds on them, or when the text between them is whole
    header words (a header wrapped letter by letter says the cells are narrow) and the header
    begins before them (numbers before the whole header, pdfminer's ``1`` ``6`` over table 四,
    are no cells of its one row)."""
    values = [i for i in items if i.kind in ("num", "null")]
    if len(values) != expected or not header_words:
        return None
    if any(v.glued or too_long(v) for v in values if v.kind == "num"):
        return None
    first, last = items.index(values[0]), len(items) - items[::-1].index(values[-1])
    gaps = _texts_after_values(items[first:last])
    chars = frozenset("".join(header_words))
    if not all(set(gap) <= chars for gap in gaps):
        return None
    if holds is not None and holds(values):
        return values
    headed = any(item.kind == "text" and _header_piece(item.text, header_words) for item in items[:first])
    return values if headed and all(_words_only(gap, header_words) for gap in gaps) else None


def _narrow_header(items: Sequence[Item], header_words: frozenset[str]) -> bool:
    """Whether the table's header is printed a character a line (结 / 果 / 维 / 持), nothing
    else on the line: its cells are a character wide, and a number of a few digits wraps in
    them as its words do. (Letter-spaced words, ``结 果  维 持`` on one line, are no sign of
    it, nor are words broken in two, ``结果`` / ``维持``, in cells a word wide.)"""
    per_line = collections.Counter(item.line for item in items if item.kind != "empty")
    pieces = (
        item
        for item in items
        if item.kind == "text" and per_line[item.line] == 1 and len(item.text.strip()) == 1
    )
    return sum(1 for item in pieces if _header_piece(item.text, header_words)) >= _NARROW_PIECES


#: How many header characters, each alone on its line, make a header printed in narrow cells.
_NARROW_PIECES = 8


def _texts_after_values(items: Sequence[Item]) -> list[str]:
    """The text after each value of a run that starts with one, up to the next (folded)."""
    gaps: list[str] = []
    for item in items:
        if item.kind == "text":
            gaps[-1] += fold(item.text)
        elif item.kind != "empty":
            gaps.append("")
    return gaps


def _header_piece(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` is header words, or a piece of one (a narrow cell's header printed a
    character or two a line: 结 / 果 / 维 / 持)."""
    folded = fold(text)
    return bool(folded) and (_words_only(folded, words) or any(folded in word for word in words))


@functools.lru_cache(maxsize=4096)
def _words_only(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` is whole words of ``words`` one after another (or nothing); reports
    print the same header words, so the answers are kept."""
    ends = {0}
    for end in range(1, len(text) + 1):
        if any(start in ends and text[start:end] in words for start in range(end)):
            ends.add(end)
    return len(text) in ends


def _unread(
    longest: Sequence[Item],
    expected: int,
    table_id: str,
    table_zh: str,
    facts: Callable[[], Sequence[decoding.Fact]],
    *,
    soft: bool = False,
) -> BlockRead:
    """The longest run of numbers when no run has the table's cells: table 四's digits that ran
    together go to the decoder, and its numbers wrapped in narrow cells are joined (see
    :func:`_wrapped_pieces_joined`); otherwise the table is left blank and said why."""
    line = longest[0].line
    if table_id == decoding.REVIEW_ROW and ran_together(longest, expected):
        return decoding.decode_review(glued(longest, line, None), table_zh, facts())
    if (
        table_id == decoding.REVIEW_ROW
        and soft
        and (joined := _wrapped_pieces_joined(longest, expected, table_zh))
    ):
        return joined
    stuck = [v for v in longest if v.kind == "num" and v.glued]
    if stuck:
        note = diag.make("glued-cells", table=table_id, line=line, digits=" ".join(v.text for v in stuck))
    else:
        note = diag.make(
            "table-value-count",
            table=table_id,
            line=line,
            table_zh=table_zh,
            found=len(longest),
            expected=expected,
            values=describe(longest),
        )
    return blank_cells(expected, line), (note,)


def _wrapped_pieces_joined(longest: Sequence[Item], expected: int, table_zh: str) -> BlockRead | None:
    """Table 四 from a run of more counts than cells, set apart only by spaces or line breaks:
    the pieces of numbers too wide for their narrow cells. Each cell is read where every way of
    joining them that gives every block its total agrees (a number that fits may stand in any of
    its block's first four cells: the others are read, it is not); None where no way does. On
    three lines next to each other, they are printed by position: first pieces, the numbers
    that fit, the rest of the pieces (see :func:`~.decoding.wrapped_review_around`); else in
    their place, each cell one piece or two (pypdf prints ``28 9 20 0 …`` for 289, 200; see
    :func:`~.decoding.wrapped_review_readings`) — and on two lines, the first with a number
    for every cell, also each cell's second piece on the line under it (see
    :func:`_one_under_the_other`)."""
    counts = all(v.kind == "num" and v.text.isdigit() for v in longest)
    if not counts or not expected < len(longest) <= 2 * expected:
        return None
    readings = _wrapped_readings(longest, expected)
    if not readings or len(readings) > _LISTED_READINGS:
        return None
    line = longest[0].line
    notes = [
        diag.make("wrapped-cells-joined", table=decoding.REVIEW_ROW, table_zh=table_zh, count=1, line=line)
    ]
    if len(readings) > 1:  # the arithmetic cannot say where a number that fits stood in its block
        notes.append(
            diag.make(
                "cells-readings-differ",
                table=decoding.REVIEW_ROW,
                line=line,
                label=table_zh,
                readings=decoding.readings_text(readings),
            )
        )
    return tuple(Cell(value, line) for value in decoding.agreed(readings, expected)), tuple(notes)


def _wrapped_readings(longest: Sequence[Item], expected: int) -> list[decoding.Reading] | None:
    """The readings of table 四 from the pieces of its wrapped numbers, by how the lines hold
    them (see :func:`_wrapped_pieces_joined`); None where the search grew too large."""
    lines = sorted({v.line for v in longest})
    if len(lines) == 3 and lines[2] - lines[0] == 2:  # first pieces, numbers that fit, the rest
        top, middle, bottom = ([v.text for v in longest if v.line == line] for line in lines)
        return decoding.wrapped_review_around(top, middle, bottom)
    readings = decoding.wrapped_review_readings([v.text for v in longest])
    if readings is not None and (two := _one_under_the_other(longest, lines, expected)):
        below = decoding.wrapped_review_below(*two)  # either way of printing may be the text's
        return None if below is None else readings + [r for r in below if r not in readings]
    return readings


def _one_under_the_other(
    longest: Sequence[Item], lines: Sequence[int], expected: int
) -> tuple[list[str], list[str]] | None:
    """A run on two lines next to each other, the first with a number for every cell and the
    second with no more: maybe the second pieces of the numbers that wrapped, printed under the
    first (see :func:`~.decoding.wrapped_review_below`) — as (first line, second line)."""
    if len(lines) != 2 or lines[1] - lines[0] != 1:
        return None
    top = [v.text for v in longest if v.line == lines[0]]
    rest = [v.text for v in longest if v.line == lines[1]]
    return (top, rest) if len(top) == expected and rest else None


#: The most readings of table 四's wrapped pieces whose agreed cells are read (more say little).
_LISTED_READINGS = 24
