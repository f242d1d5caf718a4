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

from .. import diagnostics as diag
from ..model import Cell, Diagnostic, Value
from ..template.spec import ACTIVE_COLUMN_LABELS, OTHER_SUBROWS, REQUEST_COLUMN_LABELS, RowSpec, TableSpec
from . import decoding as flatten
from .grid import GridCell, GridRow

ItemKind = Literal["text", "num", "null", "empty"]

#: Cell texts that print a blank cell.
BLANK_MARKS = frozenset({"/", "-", "—", "——", "–", "一", "无", "_", "~", "\\", "--", "---", "——-"})
_SIGNS = frozenset({"+", "-"})
_DIGITS = frozenset("0123456789")
#: Units that may follow a number inside a cell (format 2019: 2笔, 984361元).
UNITS = frozenset({"件", "个", "项", "条", "笔", "元", "万元", "次", "份"})


class Item(NamedTuple):
    """One element of a table's cell stream."""

    kind: ItemKind
    text: str
    line: int
    glued: bool = False  # a number with no separator from the text next to it
    #: a sign and a number one space apart in one cell (``- 218``): signed only where the
    #: column holds signed changes
    sign_apart: bool = False
    #: the printed row the item stands in: a grid row, or one cell of a stream of cells
    row: int = -1


class ObservedRow(NamedTuple):
    """A label run and the values that follow it, as printed."""

    label: str
    values: tuple[Item, ...]
    line: int
    #: whether a value stands in the same printed row as the end of the label (else only the
    #: order of the text ties them)
    tied: bool = False


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
    if (
        len(pieces) == 2
        and pieces[0].text in _SIGNS
        and pieces[1].kind == "NUMBER"
        and pieces[1].text[0] in _DIGITS
    ):
        # a sign cut from its number by a space, a line break or markup (Word keeps "-" in a run
        # of its own)
        signed = pieces[0].text + pieces[1].text.lstrip("+")
        return [Item("num", signed, pieces[1].line, sign_apart=True)]
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
    printed = 0
    for row in rows:
        items = []
        for cell in row.cells:
            items += [item._replace(row=printed) for item in _cell_items(cell)]
            printed += row.stream
        printed += not row.stream
        items = _marks_inside_labels(items)
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


def _marks_inside_labels(items: list[Item]) -> list[Item]:
    """A blank mark with label text on both sides in one grid row is a character of the label
    cut out by letter spacing (只计这 一 情形), not a blank cell: values never sit inside a label."""
    solid = [i for i, item in enumerate(items) if item.kind != "empty"]
    for before, at, after in zip(solid, solid[1:], solid[2:], strict=False):
        if items[at].kind == "null" and items[before].kind == "text" and items[after].kind == "text":
            items[at] = items[at]._replace(kind="text")
    return items


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
            tied = bool(label) and any(v.row == label[-1].row or v.line == line for v in values)
            rows.append(ObservedRow("".join(i.text for i in label), tuple(values), line, tied))

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
    flush()  # a last label run without values too: group labels a PDF's text printed last
    return rows


# --- label matching ---------------------------------------------------------------------------

_ENUMERATORS = re.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、](?![0-9])"
)
_NOT_WORD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


@functools.lru_cache(maxsize=8192)
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


@functools.cache
def _header_forms(table: TableSpec) -> tuple[str, ...]:
    """The folded column headers of a table's rows, longest first; bare keywords (其他, 总计)
    are left out, as they end row labels too."""
    labels = ACTIVE_COLUMN_LABELS | REQUEST_COLUMN_LABELS
    forms = {fold(labels[c]) for spec in table.rows for c in spec.columns if c in labels}
    return tuple(sorted((f for f in forms if len(f) >= _BARE_KEYWORD), key=len, reverse=True))


def _without_headers(table: TableSpec, label: str) -> str:
    """A folded label run without the column headers at its end."""
    forms = _header_forms(table)
    while True:
        form = next((f for f in forms if label.endswith(f) and len(f) < len(label)), None)
        if form is None:
            return label
        label = label[: -len(form)]


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
        # a run ending with the first four or more characters of the label: its end wrapped away
        cut_short = any(label.endswith(form[:k]) for k in range(4, len(form)))
        if len(shared) < 0.6 * len(set(form)) and not cut_short:
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


#: A row label this short (其他, 总计) is also a column label or the tail of a longer label.
_BARE_KEYWORD = 4


def align(
    observed: Sequence[ObservedRow], table: TableSpec, folded: Sequence[str], pad_right: bool = False
) -> dict[int, int]:
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
        if not scores and (bare := _without_headers(table, label)) != label:
            # column headers a PDF's text printed after the label (政府集中采购 采购总金额)
            scores = dict.fromkeys(_exact_matches(table, bare), 0.9)
        named = max((len(f) for j in scores for f in leaves[j].forms if label.endswith(f)), default=0)
        if named < _BARE_KEYWORD and any(v.kind != "empty" for v in values):
            # a label that names no row exactly is compared fuzzily; so is one that only ends
            # with a bare keyword (其他, 总计): a long label cut off after "…不计其他" is not 3.其他
            fuzzy = {j: s for j, leaf in enumerate(leaves) if (s := label_score(label, leaf.forms))}
            scores = fuzzy | scores
        for j, s in scores.items():
            expected = len(leaves[j].spec.columns)
            fits = len(_trim(values, expected, pad_right)) == expected
            pairs.append((i, j, s + (0.1 if fits else 0.0)))
    total: list[float] = []
    back: list[int] = []
    # A pair extends the best chain of an earlier observed row and a smaller template row. Only
    # each template row's best chain so far can be that (the first of equal ones, as when every
    # earlier pair is compared), so the work is pairs × template rows, not pairs squared.
    closed: dict[int, int] = {}  # template row -> pair ending its best chain, earlier rows only
    start = 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end][0] == pairs[start][0]:
            end += 1
        for _, j, s in pairs[start:end]:
            best, prev = 0.0, -1
            for q in sorted(q for qj, q in closed.items() if qj < j):
                if total[q] > best + 1e-9:
                    best, prev = total[q], q
            total.append(best + s)
            back.append(prev)
        for k in range(start, end):
            q = closed.get(pairs[k][1], -1)
            if q == -1 or total[k] > total[q] + 1e-9:
                closed[pairs[k][1]] = k
        start = end
    matches: dict[int, int] = {}
    if pairs:
        k = max(range(len(pairs)), key=lambda x: (total[x], -x))
        while k != -1:
            i, j, _ = pairs[k]
            matches[i] = j
            k = back[k]
    return matches


# --- values -----------------------------------------------------------------------------------


def _trim(values: Sequence[Item], expected: int, pad_right: bool = False) -> Sequence[Item]:
    """Drop empty cells left by merged cells, but only while the row has more cells than the
    template gives it: first before the values (the shadow of a label spanning two columns, as
    Word and web pages copy it), then after them. ``pad_right`` reverses the order for tables
    that are padded to a rectangle on the right (markdown and pipe tables)."""
    start, end = 0, len(values)
    if pad_right:
        while end - start > expected and values[end - 1].kind == "empty":
            end -= 1
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


def read_rows(
    observed: Sequence[ObservedRow], table: TableSpec, *, facts: Sequence[flatten.Fact] = ()
) -> TableRead:
    """Align observed rows with a labelled table (二 or 三) and read each row's cells.

    Rows whose digits are glued together are split by :mod:`govinfo_report.flatten`, all of the
    table's glued rows at once; ``facts`` (numbers the prose states) may pick between readings.
    In a table whose rows have different numbers of columns (table 二), a short row is padded on
    the right to the table's width, so surplus empty cells are trimmed from the right first.
    """
    pad_right = _ragged(table)
    folded = [fold(o.label) for o in observed]
    matches = align(observed, table, folded, pad_right)
    specs = table.rows
    leaves = _leaves(table)
    found: dict[str, tuple[Cell, ...]] = {}
    notes: list[Diagnostic] = []
    if not matches:
        return TableRead({}, (), False)
    first, last = min(matches), max(matches)

    observed, folded = list(observed), list(folded)
    _join_wrapped_rows(observed, folded, matches, specs)

    # labels after the last row found count too: a PDF's text prints merged group cells last
    buried = _buried_labels(folded, matches, table, first, len(folded) - 1)
    skip = _not_in_gaps(table, buried)
    # A row short of numbers means the text moved cells about (a PDF's text, column by column):
    # nothing in its grid is placed by position, and numbers after it in its grid are trusted
    # only in their label's own printed row. Grid -> its first short row.
    first_short: dict[str | None, int] = {}
    for i, j in sorted(matches.items(), key=lambda match: match[1]):
        values = _trim(observed[i].values, len(specs[j].columns), pad_right)
        if len(values) < len(specs[j].columns) and not _flattened(values, len(specs[j].columns)):
            first_short.setdefault(_scope(table, specs[j]), j)
    short_scopes = set(first_short)
    matched_by_position: set[int] = set()
    _values_before_labels(observed, folded, matches, table, buried, matched_by_position, skip, short_scopes)
    # Rows without a readable label, between two matched rows, fill the gap between them by
    # position when the numbers agree exactly — unless a gap row's label is printed elsewhere
    # without numbers: then the text has moved cells about and position proves nothing.
    ordered = sorted(matches)
    for a, b in itertools.pairwise(ordered):
        unlabeled = [i for i in range(a + 1, b) if not folded[i] and observed[i].values]
        gap = [j for j in range(matches[a] + 1, matches[b]) if j not in skip]
        if (
            unlabeled
            and len(unlabeled) == len(gap)
            and not buried.keys() & set(gap)
            and not short_scopes & {_scope(table, specs[j]) for j in gap}
        ):
            for i, j in zip(unlabeled, gap, strict=True):
                matches[i] = j
                matched_by_position.add(i)

    _split_carried_rows(observed, folded, matches, table, matched_by_position, skip, short_scopes)
    for k in buried.keys() & set(matches.values()):
        del buried[k]  # its numbers were found after all, carried by the row before it

    glued_rows: dict[str, flatten.Glued] = {}
    # in a table most of whose rows ran together, a row with too few numbers ran together too
    run_together = 2 * sum(
        _flattened(_trim(observed[i].values, len(specs[j].columns), pad_right), len(specs[j].columns))
        for i, j in matches.items()
    ) > len(matches)
    for i, j in sorted(matches.items()):
        spec = specs[j]
        obs = observed[i]
        expected = len(spec.columns)
        values = _trim(obs.values, expected, pad_right)
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
        # Numbers not in their label's printed row belong to it only by the order of the text.
        # That order is not to be trusted after a row whose numbers went missing: the label of
        # an earlier row in this row's label run with no numbers of its own, or an earlier row
        # of the same grid short of numbers (a PDF's text prints a column's remaining cells
        # after the rows it has passed).
        before = [k for k, at in buried.items() if k < j and at == i]
        by_order = i not in matched_by_position and not obs.tied
        moved_from = first_short.get(_scope(table, spec), j)  # an earlier short row of its grid
        if by_order and (before or moved_from < j):
            code, other = "row-values-ambiguous", max(before, default=-1)
            if not before:
                code, other = "row-values-moved", moved_from
            notes.append(
                diag.make(
                    code,
                    table=table.id,
                    row=spec.id,
                    line=obs.line,
                    label=_plain(spec.label),
                    other=_plain(specs[other].label),
                    values=_describe(values),
                )
            )
            found[spec.id] = tuple(Cell(None, obs.line) for _ in range(expected))
            continue
        if len(values) == expected and all(v.kind != "num" or not v.glued for v in values):
            cells = list(_cells(values, spec))
            for c, value in enumerate(values):
                if value.sign_apart and not spec.signed(c):
                    # a count never has a sign: "- 218" may be a blank mark and a number
                    cells[c] = Cell(None, value.line)
                    notes.append(
                        diag.make(
                            "unreadable-cell",
                            table=table.id,
                            row=spec.id,
                            column=spec.columns[c],
                            line=value.line,
                            text=value.text,
                        )
                    )
            found[spec.id] = tuple(cells)
            continue
        tail, stolen = _next_number(observed, matches, specs, i)
        short = run_together and len(values) < expected and all(v.kind == "num" for v in values)
        if _flattened(values, expected) or stolen or short:
            glued_rows[spec.id] = _glued(values, obs.line, tail, stolen)
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

    if glued_rows:
        split, split_notes = flatten.decode_rows(table, found, glued_rows, facts)
        found.update(split)
        notes.extend(split_notes)

    for i in range(first, last + 1):
        if i not in matches and not folded[i] and any(v.kind == "num" for v in observed[i].values):
            notes.append(
                diag.make(
                    "unplaced-values",
                    table=table.id,
                    line=observed[i].line,
                    values=_describe(observed[i].values),
                )
            )
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


def _buried_labels(
    folded: Sequence[str], matches: dict[int, int], table: TableSpec, first: int, last: int
) -> dict[int, int]:
    """Template rows, found nowhere, whose label is printed inside another label run of the
    table (``行政许可…行政处罚行政强制`` before one number): rows whose numbers the text lost
    or moved, as a PDF's text does with a table printed column by column. Maps the template row
    to the observed row whose run holds its label. （六）其他处理 counts only where none of its
    sub-rows is printed: otherwise it is their group label."""
    leaves = _leaves(table)
    telling = _telling_forms(table)
    taken = set(matches.values())
    buried: dict[int, int] = {}
    for i in range(first, last + 1):
        run = folded[i]
        if not run:
            continue
        if i in matches:
            own = [f for f in leaves[matches[i]].forms if run.endswith(f)]
            run = run[: len(run) - max(map(len, own), default=0)]
        for k in range(len(leaves)):
            if k not in taken and k not in buried and any(form in run for form in telling[k]):
                buried[k] = i
    subrows = {k for k, leaf in enumerate(leaves) if leaf.spec.id in OTHER_SUBROWS}
    if subrows & (taken | buried.keys()):
        for k, leaf in enumerate(leaves):
            if leaf.spec.id == "other_processing":
                buried.pop(k, None)  # the group label over its printed sub-rows
    return buried


def _not_in_gaps(table: TableSpec, buried: dict[int, int]) -> set[int]:
    """Template rows a gap never holds: the three sub-rows of （六） when it is printed as one
    row (its label is among the buried ones), else the one-row （六）其他处理."""
    one_row = {k for k, spec in enumerate(table.rows) if spec.id == "other_processing"}
    if one_row & buried.keys():
        return {k for k, spec in enumerate(table.rows) if spec.id in OTHER_SUBROWS}
    return one_row


@functools.cache
def _ragged(table: TableSpec) -> bool:
    """Whether the table's rows differ in width: table 二, sub-tables of two or three columns
    (padded on the right to a rectangle in markdown and pipe tables)."""
    return len({len(spec.columns) for spec in table.rows}) > 1


def _scope(table: TableSpec, spec: RowSpec) -> str | None:
    """The grid a row's columns run through: its own sub-table where the table is made of
    sub-tables of different widths (table 二), else the whole table (table 三)."""
    return spec.group if _ragged(table) else None


def _place_by_position(
    observed: list[ObservedRow],
    folded: list[str],
    matches: dict[int, int],
    by_position: set[int],
    chunk: Sequence[Item],
    row: int,
) -> None:
    """Read ``chunk`` as template row ``row``: a new observed row, placed by position."""
    observed.append(ObservedRow("", tuple(chunk), chunk[0].line))
    folded.append("")
    matches[len(observed) - 1] = row
    by_position.add(len(observed) - 1)


def _values_before_labels(
    observed: list[ObservedRow],
    folded: list[str],
    matches: dict[int, int],
    table: TableSpec,
    buried: dict[int, int],
    by_position: set[int],
    skip: set[int],
    short: set[str | None],
) -> None:
    """Numbers printed before their labels: a PDF's text may put a sub-table's numbers first
    and its row labels after them (``…对外公开总数量 0 346 3139 12062 160 11249`` then ``规章
    规范性文件`` in the next row's label run). When the rows whose labels are buried in a run
    come just before the row that run names, and the row printed just before it holds exactly
    their cells and nothing else, those are their numbers, in template order — placed by
    position, and said so. The run must begin with those labels: a group header before them
    (第二十条第（五）项) means the numbers before it are another group's."""
    specs = table.rows
    telling = _telling_forms(table)
    for i, j in sorted(matches.items()):
        named = sorted(k for k, at in buried.items() if at == i and k < j)
        between = [k for k in range(named[0], j) if k not in skip] if named else []
        if not named or named != between or i == 0 or i - 1 in matches:
            continue
        if not any(folded[i].startswith(form) for form in telling[named[0]]):
            continue
        if {_scope(table, specs[k]) for k in named} & short:
            continue
        values = observed[i - 1].values
        widths = [len(specs[k].columns) for k in named]
        if len(values) != sum(widths) or any(v.kind != "num" for v in values):
            continue
        observed[i - 1] = observed[i - 1]._replace(values=())
        start = 0
        for k, width in zip(named, widths, strict=True):
            _place_by_position(observed, folded, matches, by_position, values[start : start + width], k)
            start += width
            del buried[k]


@functools.cache
def _telling_forms(table: TableSpec) -> list[tuple[str, ...]]:
    """Per template row, the label forms that name only it when found inside a run: not part of
    another row's label (其他 is also part of （六）其他处理)."""
    leaves = _leaves(table)
    return [
        tuple(
            form
            for form in leaf.forms
            if len(form) >= 2
            and not any(form in other for m, o in enumerate(leaves) if m != k for other in o.forms)
        )
        for k, leaf in enumerate(leaves)
    ]


def _join_wrapped_rows(
    observed: list[ObservedRow], folded: list[str], matches: dict[int, int], specs: Sequence[RowSpec]
) -> None:
    """A row short of values followed by a line of nothing but exactly the values it lacks was
    wrapped by the converter (a text browser breaks a long table row at its page width): the
    two are one row."""
    for i, j in sorted(matches.items()):
        following = i + 1
        if following >= len(observed) or following in matches or folded[following]:
            continue
        expected = len(specs[j].columns)
        values, rest = observed[i].values, observed[following].values
        if values and rest and len(values) < expected and len(values) + len(rest) == expected:
            observed[i] = observed[i]._replace(values=values + rest)
            observed[following] = observed[following]._replace(values=())


def _split_carried_rows(
    observed: list[ObservedRow],
    folded: list[str],
    matches: dict[int, int],
    table: TableSpec,
    by_position: set[int],
    skip: set[int],
    short: set[str | None],
) -> None:
    """A row that carries the values of the rows after it — a PDF's text printed their labels
    elsewhere (``pdftotext`` without ``-layout`` moves text blocks) — is split among them in
    template order, when it has exactly their cells and they are all missing up to the next
    row that was found, and no row of its grid is ``short`` of numbers. The rows so read are
    placed by position and say so."""
    specs = table.rows
    taken = set(matches.values())
    for i, j in sorted(matches.items()):
        width = len(specs[j].columns)
        values = observed[i].values
        if len(values) <= width or len(values) % width or any(v.kind == "empty" for v in values):
            continue  # only printed values are carried: an empty cell is a merged-cell shadow
        if _scope(table, specs[j]) in short:
            continue
        rows = len(values) // width
        gap = [k for k in range(j + 1, len(specs)) if k not in skip][: rows - 1]
        if len(gap) != rows - 1 or any(k in taken or len(specs[k].columns) != width for k in gap):
            continue
        later = [m for m in matches.values() if m > j]
        if later and min(later) <= gap[-1]:
            continue
        observed[i] = observed[i]._replace(values=values[:width])
        for n, k in enumerate(gap, start=1):
            _place_by_position(observed, folded, matches, by_position, values[n * width : (n + 1) * width], k)
            taken.add(k)


_LEADING_ZERO = re.compile(r"[+-]?0[0-9]")
#: Digits no single cell has: ten or more before any decimal point (a billion requests).
_TOO_LONG = re.compile(r"[+-]?[0-9]{10}")
_ENUMERATOR = re.compile(r"([0-9]{1,2})[.、]")


def _flattened(values: Sequence[Item], expected: int) -> bool:
    """Whether a row's digits ran together: a number glued to text, or (when the count is off)
    a number with a leading zero or ten digits, which no single printed cell has."""
    return any(
        v.kind == "num"
        and (
            v.glued or (len(values) != expected and (_LEADING_ZERO.match(v.text) or _TOO_LONG.match(v.text)))
        )
        for v in values
    )


def _glued(values: Sequence[Item], line: int, tail: str | None, stolen: str = "") -> flatten.Glued:
    values = _strip_empty(values)
    chunks = [v.text if v.kind == "num" else None for v in values]
    printed = " ".join(v.text if v.kind == "num" else "□" for v in values)
    if stolen:
        chunks.append(stolen)
        printed += " " + stolen
    return flatten.Glued(flatten.chunk_alternatives(chunks, tail), printed, line)


def _next_number(
    observed: Sequence[ObservedRow], matches: dict[int, int], specs: Sequence[RowSpec], i: int
) -> tuple[str | None, str]:
    """Where the next row's number (``2.其他…``) and this row's digits ran together.

    Returns (tail, stolen). ``tail``: the next label starts with ``.`` or ``、`` right after this
    row's digits, so its number was read as their end — that number, from the template when the
    next row is known (``""`` when not); None otherwise. ``stolen``: the next label's number has a
    digit more than the template's (``55.属于…`` for ``5.``), the last cell of this row standing
    alone before it; ``""`` otherwise.
    """
    values = observed[i].values
    if i + 1 >= len(observed) or not values or values[-1].kind != "num":
        return None, ""
    label = observed[i + 1].label
    j = matches.get(i + 1)
    expected = _ENUMERATOR.match(_plain(specs[j].label)) if j is not None else None
    number = expected.group(1) if expected else ""
    if values[-1].glued and label.startswith((".", "、")):
        return number, ""
    printed = _ENUMERATOR.match(label)
    if number and printed and printed.group(1) != number and printed.group(1).endswith(number):
        return None, printed.group(1)[: -len(number)]
    return None, ""


def _plain(label: str) -> str:
    return unicodedata.normalize("NFKC", label)


def read_block_values(
    stream: Sequence[Item | None],
    expected: int,
    table_id: str,
    table_zh: str,
    anchor: str | None = None,
    *,
    facts: Sequence[flatten.Fact] = (),
) -> tuple[tuple[Cell, ...] | None, tuple[Diagnostic, ...]]:
    """Read a table without row labels (table 四): its ``expected`` values in order.

    The values are the run of value cells (between two texts) that has exactly ``expected``
    cells once merged-cell shadows are trimmed; three consecutive runs of a third each also do.
    Table 四's values glued into one digit run are split by its block totals
    (:mod:`govinfo_report.flatten`).
    """
    # a grid row of nothing but empty cells (a blank line, a padded header line) holds no value
    items = [i for row in _split_rows(stream) if any(i.kind != "empty" for i in row) for i in row]
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
    for run in runs:
        # a blank first or last value is an empty cell too: trim only merged-cell shadows
        kept = _trim(run, expected)
        filled = any(v.kind != "empty" for v in kept)
        if len(kept) == expected and filled and not any(v.glued for v in kept if v.kind == "num"):
            return _cells(kept), ()
    trimmed = [list(_strip_empty(run)) for run in runs]
    third = expected // 3
    for k in range(len(trimmed) - 2):
        if all(len(trimmed[k + d]) == third for d in range(3)):
            run = trimmed[k] + trimmed[k + 1] + trimmed[k + 2]
            return _cells(run), ()
    candidates = [run for run in trimmed if any(v.kind == "num" for v in run)]
    if not candidates:
        return None, (diag.make("missing-table", table=table_id, table_zh=table_zh),)
    longest = max(candidates, key=len)
    if table_id == flatten.REVIEW_ROW and _flattened(longest, expected):
        return flatten.decode_review(_glued(longest, longest[0].line, None), table_zh, facts)
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


def _split_rows(stream: Sequence[Item | None]) -> list[list[Item]]:
    """The cell stream cut back into its grid rows."""
    rows: list[list[Item]] = [[]]
    for item in stream:
        if item is None:
            rows.append([])
        else:
            rows[-1].append(item)
    return rows


def _strip_empty(run: Sequence[Item]) -> Sequence[Item]:
    start, end = 0, len(run)
    while start < end and run[start].kind == "empty":
        start += 1
    while end > start and run[end - 1].kind == "empty":
        end -= 1
    return run[start:end]
