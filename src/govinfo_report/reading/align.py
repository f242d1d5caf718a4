"""Observed rows matched with a table's template rows by label *and* order.

A label is never recognised by a bare keyword: 其他 and 总计 are both row and column labels, and
only their place decides which is meant. So every observed row whose label may name a template
row is a candidate pair, and the answer is the chain of pairs, increasing in both indexes, with
the highest total score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..template.spec import TableSpec
from .items import ObservedRow
from .labels import NUMBERED_START, LabelIndex
from .values import trim

#: Scores closer than this are equal: the earlier pair wins.
_EPSILON = 1e-9
#: What a row whose value count fits the template adds to its label's score.
_FITS_BONUS = 0.1


class _Pair(NamedTuple):
    observed: int
    template: int
    score: float


def align(
    observed: Sequence[ObservedRow], table: TableSpec, folded: Sequence[str], pad_right: bool = False
) -> dict[int, int]:
    """Map observed row index -> template row index, in order, maximising label agreement.

    Every (observed, template) pair whose label names the row is a candidate; the answer is the
    chain of candidates, increasing in both indexes, with the highest total score (a weighted
    longest increasing subsequence). Unmatched observed rows are prose or unknown rows, unmatched
    template rows are missing. A row whose value count fits the template gets a small bonus, so
    the table row wins over a sentence of prose that happens to end with the same words.

    Rows a converter moved as a block past the others (a PDF-to-Markdown tool that prints a
    sub-table after the loose text of the rest) are matched too, when every one of them names one
    row exactly and holds its count of values (see :func:`_moved_block`).
    """
    pairs = _candidate_pairs(observed, table, folded, pad_right)
    chain = _best_chain(pairs)
    labels = LabelIndex.of(table)
    return chain | _moved_block(
        pairs, chain, lambda p: labels.ends_with_own_label(folded[p.observed], p.template)
    )


def _candidate_pairs(
    observed: Sequence[ObservedRow], table: TableSpec, folded: Sequence[str], pad_right: bool
) -> list[_Pair]:
    """Every pair of an observed row with values and a template row its label may name, in
    observed order."""
    labels = LabelIndex.of(table)
    pairs: list[_Pair] = []
    for i, run in enumerate(folded):
        values = observed[i].values
        if not run or not values or labels.only_headers(observed[i].label, run):
            continue
        scores = labels.candidates(run, fuzzy=any(v.kind != "empty" for v in values))
        begun = labels.begun_at_end(observed[i].label) if max(scores.values(), default=0.0) < 1.0 else None
        if begun is not None:
            scores = {begun: NUMBERED_START}  # the run ends where a row begins: the rest is wrapped
        for j, score in scores.items():
            if labels.numbered_otherwise(observed[i].label, j):
                continue
            expected = len(table.rows[j].columns)
            fits = len(trim(values, expected, pad_right)) == expected
            pairs.append(_Pair(i, j, score + (_FITS_BONUS if fits else 0.0)))
    return pairs


#: The score of a pair whose label names its row exactly and whose values fit the row.
_EXACT_AND_FITTING = 1.0 + _FITS_BONUS


def _moved_block(
    pairs: Sequence[_Pair], chain: dict[int, int], own: Callable[[_Pair], bool]
) -> dict[int, int]:
    """Template rows the chain left unmatched, matched by observed rows all after the chain's
    last or all before its first, in order among themselves: each such row names one template
    row alone, exactly, by a label no column header shares (``own`` tells), and holds its count
    of values. Rows interleaved with the chain are never taken out of order, nor rows
    named by 其他 or 总计, which name rows only by their place."""
    if not chain:
        return {}
    taken = set(chain.values())
    named: dict[int, list[_Pair]] = {}
    for pair in pairs:
        named.setdefault(pair.observed, []).append(pair)
    sure = [
        found[0]
        for i, found in named.items()
        if i not in chain
        and len(found) == 1
        and found[0].score >= _EXACT_AND_FITTING - _EPSILON
        and found[0].template not in taken
        and own(found[0])
    ]
    first, last = min(chain), max(chain)
    after = _best_chain([p for p in sure if p.observed > last])
    before = _best_chain([p for p in sure if p.observed < first])
    return after if len(after) >= len(before) else before


def _best_chain(pairs: Sequence[_Pair]) -> dict[int, int]:
    """The chain of pairs increasing in both indexes with the highest total score, as observed
    row -> template row; of equal chains, the one ending with the earliest pair.

    A pair extends the best chain of an earlier observed row and a smaller template row. Only
    each template row's best chain so far can be that (the first of equal ones, as when every
    earlier pair is compared), so the work is pairs × template rows, not pairs squared.
    """
    total: list[float] = []
    back: list[int] = []
    closed: dict[int, int] = {}  # template row -> pair ending its best chain, earlier rows only
    for start, end in _runs_of_one_row(pairs):
        for pair in pairs[start:end]:
            best, prev = _best_before(closed, total, pair.template)
            total.append(best + pair.score)
            back.append(prev)
        for k in range(start, end):
            q = closed.get(pairs[k].template, -1)
            if q == -1 or total[k] > total[q] + _EPSILON:
                closed[pairs[k].template] = k
    matches: dict[int, int] = {}
    if pairs:
        k = max(range(len(pairs)), key=lambda x: (total[x], -x))
        while k != -1:
            matches[pairs[k].observed] = pairs[k].template
            k = back[k]
    return matches


def _runs_of_one_row(pairs: Sequence[_Pair]) -> list[tuple[int, int]]:
    """The (start, end) slices of consecutive pairs of the same observed row."""
    runs: list[tuple[int, int]] = []
    start = 0
    while start < len(pairs):
        end = start
        while end < len(pairs) and pairs[end].observed == pairs[start].observed:
            end += 1
        runs.append((start, end))
        start = end
    return runs


def _best_before(closed: dict[int, int], total: Sequence[float], template: int) -> tuple[float, int]:
    """The highest total of a chain ending before ``template`` and the pair that ends it (the
    earliest of equal ones); (0.0, -1) when there is none."""
    best, prev = 0.0, -1
    for q in sorted(q for qj, q in closed.items() if qj < template):
        if total[q] > best + _EPSILON:
            best, prev = total[q], q
    return best, prev
