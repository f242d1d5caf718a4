"""Stage 4 of the pipeline: table rows from a grid, whatever the layout was.

A grid row's cells become a stream of *items* — label text, numbers, blank marks, empty cells —
and the stream becomes observed rows: a run of label text followed by a run of values. Observed
rows are then aligned with the template's rows (:mod:`govinfo_report.schema`) by folded label
similarity *and* order, so a label is never recognised by a bare keyword: 其他 and 总计 are both
row and column labels, and only their place decides which is meant.

Counting does the rest. Merged cells leave empty cells before or after a row's values; those are
dropped only while the row has more cells than the template gives it. A row that still has too
many or too few values is reported and left blank — never guessed.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from typing import Literal, NamedTuple

import attrs

from . import diagnostics as diag
from .grid import GridCell, GridRow
from .model import Cell, Diagnostic, Value
from .schema import OTHER_SUBROWS, RowSpec, TableSpec

ItemKind = Literal["text", "num", "null", "empty"]

#: Cell texts that print a blank cell.
BLANK_MARKS = frozenset({"/", "-", "—", "——", "–", "一", "无", "_", "~", "\\", "--", "---", "——-"})
#: Units that may follow a number inside a cell (format 2019: 2笔, 984361元).
UNITS = frozenset({"件", "个", "项", "条", "笔", "元", "万元", "次", "份"})


class Item(NamedTuple):
    """One element of a table's cell stream."""

    kind: ItemKind
    text: str
    line: int
    glued: bool = False  # a number with no separator from the text next to it


class ObservedRow(NamedTuple):
    """A label run and the values that follow it, as printed."""

    label: str
    values: tuple[Item, ...]
    line: int


# --- grid -> items ----------------------------------------------------------------------------


def _cell_items(cell: GridCell) -> list[Item]:
    pieces = cell.pieces
    if not pieces:
        return [Item("empty", "", cell.line)]
    if len(pieces) == 1 and pieces[0].kind == "NUMBER":  # the common case
        return [Item("num", pieces[0].text, pieces[0].line)]
    if all(p.kind == "NUMBER" for p in pieces):
        return [Item("num", p.text, p.line) for p in pieces]
    text = "".join(p.text for p in pieces)
    if text in BLANK_MARKS or set(text) <= set("-—–_/~"):
        return [Item("null", text, cell.line)]
    if len(pieces) == 2 and pieces[0].kind == "NUMBER" and pieces[1].text in UNITS:
        return [Item("num", pieces[0].text, pieces[0].line)]
    items: list[Item] = []
    for index, piece in enumerate(pieces):
        if piece.kind == "NUMBER":
            glued = (index > 0 and pieces[index - 1].end == piece.start) or (
                index + 1 < len(pieces) and pieces[index + 1].start == piece.end
            )
            items.append(Item("num", piece.text, piece.line, glued=glued))
        elif items and items[-1].kind == "text":
            last = items[-1]
            items[-1] = last._replace(text=last.text + piece.text)
        else:
            items.append(Item("text", piece.text, piece.line))
    return items


def grid_items(rows: Iterable[GridRow]) -> list[Item | None]:
    """The cell stream of a grid; ``None`` marks the end of each grid row.

    Empty cells before a label, or between two labels of the same row, are the shadows of merged
    cells and are dropped here; empty cells among or after values are kept for counting.
    """
    stream: list[Item | None] = []
    for row in rows:
        items = [item for cell in row.cells for item in _cell_items(cell)]
        kept: list[Item] = []
        pending_empty: list[Item] = []
        for item in items:
            if item.kind == "empty":
                pending_empty.append(item)
                continue
            if item.kind != "text":
                kept.extend(pending_empty)
            pending_empty = []
            kept.append(item)
        kept.extend(pending_empty)  # trailing empties of a row may be blank value cells
        stream.extend(kept)
        stream.append(None)
    return stream


def observed_rows(stream: Sequence[Item | None]) -> list[ObservedRow]:
    """Cut the cell stream into label + values rows.

    A label may run over several grid rows (wrapped labels, group labels printed between rows);
    a row ends when text follows its values, or at the end of a grid row that has values.
    """
    rows: list[ObservedRow] = []
    label: list[Item] = []
    values: list[Item] = []

    def flush() -> None:
        if values or label:
            line = (label[-1] if label else values[0]).line
            rows.append(ObservedRow("".join(i.text for i in label), tuple(values), line))

    for item in stream:
        if item is None:
            if values:
                flush()
                label, values = [], []
            continue
        if item.kind == "text":
            if values:
                flush()
                label, values = [], []
            label.append(item)
        else:
            values.append(item)
    if values:
        flush()
    return rows


# --- label matching ---------------------------------------------------------------------------

_ENUMERATORS = re.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、](?![0-9])"
)
_NOT_WORD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


def fold(label: str) -> str:
    """A label reduced to its words: no spaces, numbering, punctuation, quotes or width."""
    label = unicodedata.normalize("NFKC", label)
    label = re.sub(r"\s+", "", label)
    label = _ENUMERATORS.sub("", label)
    return _NOT_WORD.sub("", label)


@attrs.frozen
class _Leaf:
    spec: RowSpec
    forms: tuple[str, ...]  # folded label and aliases


@functools.cache
def _leaves(table: TableSpec) -> list[_Leaf]:
    return [
        _Leaf(spec, tuple(dict.fromkeys(fold(x) for x in (spec.label, *spec.aliases)))) for spec in table.rows
    ]


@functools.cache
def _suffix_index(table: TableSpec) -> dict[int, dict[str, tuple[int, ...]]]:
    """For each label length: folded label -> the template rows it names."""
    index: dict[int, dict[str, list[int]]] = {}
    for j, leaf in enumerate(_leaves(table)):
        for form in leaf.forms:
            index.setdefault(len(form), {}).setdefault(form, []).append(j)
    return {n: {f: tuple(js) for f, js in forms.items()} for n, forms in index.items()}


def _exact_matches(table: TableSpec, label: str) -> list[int]:
    """Template rows whose folded label the folded label run ends with."""
    found: list[int] = []
    for length, forms in _suffix_index(table).items():
        rows = forms.get(label[-length:])
        if rows:
            found.extend(rows)
    return sorted(set(found))


def label_score(label: str, forms: Sequence[str], *, exact_only: bool = False) -> float:
    """How well a folded label run names a row: 1.0 when it ends with the row's label, less for
    truncated or misspelt labels, 0 when it does not name it."""
    for form in forms:
        if label.endswith(form):
            return 1.0
    if exact_only or len(label) < 3:
        return 0.0
    best = 0.0
    for form in forms:
        if len(form) < 4:
            continue
        tail = label[-(len(form) + 2) :]
        shared = set(tail) & set(form)
        if len(shared) < 0.6 * len(set(form)) and not (len(tail) >= 4 and form.startswith(tail[-4:])):
            continue
        # truncated: the run ends with the first k characters of the label (wrapped below it)
        start = label.rfind(form[0], max(0, len(label) - len(form)))
        while start != -1:
            k = len(label) - start
            if k >= 4 and form.startswith(label[start:]):
                best = max(best, 0.55 + 0.4 * k / len(form))
                break
            start = label.rfind(form[0], max(0, len(label) - len(form)), start)
        blocks = SequenceMatcher(None, tail, form, autojunk=False).get_matching_blocks()
        best = max(best, 0.95 * sum(b.size for b in blocks) / len(form))
    return best if best >= 0.6 else 0.0


def align(observed: Sequence[ObservedRow], table: TableSpec, folded: Sequence[str]) -> dict[int, int]:
    """Map observed row index -> template row index, in order, maximising label agreement.

    Every (observed, template) pair whose label names the row is a candidate; the answer is the
    chain of candidates, increasing in both indexes, with the highest total score (a weighted
    longest increasing subsequence). Unmatched observed rows are prose or unknown rows, unmatched
    template rows are missing. A row whose value count fits the template gets a small bonus, so
    the table row wins over a sentence of prose that happens to end with the same words.
    """
    leaves = _leaves(table)
    pairs: list[tuple[int, int, float]] = []
    for i, label in enumerate(folded):
        values = observed[i].values
        if not label or not values:
            continue
        scores = dict.fromkeys(_exact_matches(table, label), 1.0)
        if not scores and any(v.kind != "empty" for v in values):
            # only a label that names no row exactly is compared fuzzily
            scores = {j: s for j, leaf in enumerate(leaves) if (s := label_score(label, leaf.forms))}
        for j, s in scores.items():
            expected = len(leaves[j].spec.columns)
            fits = len(_trim(values, expected)) == expected
            pairs.append((i, j, s + (0.1 if fits else 0.0)))
    total: list[float] = []
    back: list[int] = []
    for k, (i, j, s) in enumerate(pairs):
        best, prev = 0.0, -1
        for q in range(k):
            qi, qj, _ = pairs[q]
            if qi < i and qj < j and total[q] > best + 1e-9:
                best, prev = total[q], q
        total.append(best + s)
        back.append(prev)
    matches: dict[int, int] = {}
    if pairs:
        k = max(range(len(pairs)), key=lambda x: (total[x], -x))
        while k != -1:
            i, j, _ = pairs[k]
            matches[i] = j
            k = back[k]
    return matches


# --- values -----------------------------------------------------------------------------------


def _trim(values: Sequence[Item], expected: int) -> Sequence[Item]:
    """Drop empty cells left by merged cells, first before the values, then after them, but
    only while the row has more cells than the template gives it."""
    start, end = 0, len(values)
    while end - start > expected and values[start].kind == "empty":
        start += 1
    while end - start > expected and values[end - 1].kind == "empty":
        end -= 1
    return values[start:end]


def to_value(text: str, decimal: bool) -> Value:
    """A printed number as int, or Decimal where it has decimals."""
    text = text.lstrip("+")
    if "." in text or decimal:
        try:
            amount = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the grammar only lets numbers through
            return None
        if not decimal and amount == amount.to_integral_value():
            return int(amount)
        return amount
    return int(text)


def _cells(values: Sequence[Item], spec: RowSpec | None = None) -> tuple[Cell, ...]:
    return tuple(
        Cell(to_value(v.text, spec is not None and spec.decimal(i)) if v.kind == "num" else None, v.line)
        for i, v in enumerate(values)
    )


def _describe(values: Sequence[Item]) -> str:
    return " ".join(v.text if v.kind != "empty" else "□" for v in values) or "—"


@attrs.frozen
class TableRead:
    """What was read of one table: cells by row id, and the diagnostics."""

    rows: dict[str, tuple[Cell, ...]]
    diagnostics: tuple[Diagnostic, ...]
    found: bool


def read_rows(observed: Sequence[ObservedRow], table: TableSpec) -> TableRead:
    """Align observed rows with a labelled table (二 or 三) and read each row's cells."""
    folded = [fold(o.label) for o in observed]
    matches = align(observed, table, folded)
    specs = table.rows
    leaves = _leaves(table)
    found: dict[str, tuple[Cell, ...]] = {}
    notes: list[Diagnostic] = []
    if not matches:
        return TableRead({}, (), False)
    first, last = min(matches), max(matches)

    # Rows without a readable label, between two matched rows, fill the gap between them by
    # position when the numbers agree exactly.
    matched_by_position: set[int] = set()
    ordered = sorted(matches)
    for a, b in itertools.pairwise(ordered):
        unlabeled = [i for i in range(a + 1, b) if not folded[i] and observed[i].values]
        gap = [j for j in range(matches[a] + 1, matches[b]) if specs[j].id != "other_processing"]
        if unlabeled and len(unlabeled) == len(gap):
            for i, j in zip(unlabeled, gap, strict=True):
                matches[i] = j
                matched_by_position.add(i)

    for i, j in sorted(matches.items()):
        spec = specs[j]
        obs = observed[i]
        expected = len(spec.columns)
        values = _trim(obs.values, expected)
        printed_label = obs.label.strip() or "—"
        if i in matched_by_position:
            notes.append(
                diag.make(
                    "row-by-position", table=table.id, row=spec.id, line=obs.line, label=_plain(spec.label)
                )
            )
        elif label_score(folded[i], leaves[j].forms, exact_only=True) < 1.0:
            notes.append(
                diag.make(
                    "label-repaired",
                    table=table.id,
                    row=spec.id,
                    line=obs.line,
                    printed=printed_label,
                    label=_plain(spec.label),
                )
            )
        if len(values) == expected and all(v.kind != "num" or not v.glued for v in values):
            found[spec.id] = _cells(values, spec)
            continue
        glued = [v for v in values if v.kind == "num" and v.glued]
        if glued:
            notes.append(
                diag.make(
                    "glued-cells",
                    table=table.id,
                    row=spec.id,
                    line=obs.line,
                    digits=" ".join(v.text for v in glued),
                )
            )
        else:
            notes.append(
                diag.make(
                    "row-value-count",
                    table=table.id,
                    row=spec.id,
                    line=obs.line,
                    label=_plain(spec.label),
                    found=len(values),
                    expected=expected,
                    values=_describe(values),
                )
            )
        found[spec.id] = tuple(Cell(None, obs.line) for _ in range(expected))

    for i in range(first, last + 1):
        # a row with only empty cells is a header line padded by merged cells, not data
        if i not in matches and folded[i] and any(v.kind != "empty" for v in observed[i].values):
            obs = observed[i]
            notes.append(
                diag.make(
                    "unknown-row",
                    table=table.id,
                    line=obs.line,
                    label=obs.label.strip(),
                    values=_describe(obs.values),
                )
            )

    collapsed = "other_processing" in found
    for spec in specs:
        if spec.id in found:
            continue
        if spec.id == "other_processing":
            continue  # absent in a normal format-2021 table
        if spec.id in OTHER_SUBROWS and collapsed:
            continue
        notes.append(diag.make("missing-row", table=table.id, row=spec.id, label=_plain(spec.label)))
    if collapsed:
        notes.append(diag.make("other-processing-single-row", table=table.id, row="other_processing"))
    return TableRead(found, tuple(notes), True)


def _plain(label: str) -> str:
    return unicodedata.normalize("NFKC", label)


def read_block_values(
    stream: Sequence[Item | None], expected: int, table_id: str, table_zh: str, anchor: str | None = None
) -> tuple[tuple[Cell, ...] | None, tuple[Diagnostic, ...]]:
    """Read a table without row labels (table 四): its ``expected`` values in order.

    The values are the run of value cells (between two texts) that has exactly ``expected``
    cells once merged-cell shadows are trimmed; three consecutive runs of a third each also do.
    """
    items = [i for i in stream if i is not None]
    if anchor is not None:
        for index, item in enumerate(items):
            if item.kind == "text" and anchor in fold(item.text):
                items = items[index:]
                break
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
    trimmed = [list(_strip_empty(run)) for run in runs]
    for run in trimmed:
        if len(run) == expected and not any(v.glued for v in run if v.kind == "num"):
            return _cells(run), ()
    third = expected // 3
    for k in range(len(trimmed) - 2):
        if all(len(trimmed[k + d]) == third for d in range(3)):
            run = trimmed[k] + trimmed[k + 1] + trimmed[k + 2]
            return _cells(run), ()
    candidates = [run for run in trimmed if any(v.kind == "num" for v in run)]
    if not candidates:
        return None, (diag.make("missing-table", table=table_id, table_zh=table_zh),)
    longest = max(candidates, key=len)
    glued = [v for v in longest if v.kind == "num" and v.glued]
    if glued:
        note = diag.make(
            "glued-cells", table=table_id, line=longest[0].line, digits=" ".join(v.text for v in glued)
        )
    else:
        note = diag.make(
            "table-value-count",
            table=table_id,
            line=longest[0].line,
            table_zh=table_zh,
            found=len(longest),
            expected=expected,
            values=_describe(longest),
        )
    return tuple(Cell(None, longest[0].line) for _ in range(expected)), (note,)


def _strip_empty(run: Sequence[Item]) -> Sequence[Item]:
    start, end = 0, len(run)
    while start < end and run[start].kind == "empty":
        start += 1
    while end > start and run[end - 1].kind == "empty":
        end -= 1
    return run[start:end]
