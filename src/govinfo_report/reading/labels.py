"""How a printed label run is compared with the labels of a table's rows.

Labels are folded to their words (:func:`fold`) and compared by their end: a label run names a
row when it ends with one of the row's label forms — the label and its aliases — so group labels
and wrapped text before it do not matter. A run that names no row exactly may still name one cut
short or misspelt (:func:`label_score`). A label is never recognised by a bare keyword: 其他 and
总计 are both row and column labels, and end longer row labels too.

:class:`LabelIndex` holds one table's label forms, built once per table, and is the one place
that compares label runs with them.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import TypeVar, cast

from ..template.spec import TableSpec

_T = TypeVar("_T")

_ENUMERATORS = re.compile(
    r"[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、](?![0-9])"
)
#: The score of a run ending with a row's number and the first two or more characters of its
#: label (``…情形)1.属于国`` of 1.属于国家秘密): the row begins there, wrapped below.
NUMBERED_START = 0.97
_NOT_WORD = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")

#: A row label this short (其他, 总计) is also a column label or the tail of a longer label.
_BARE_KEYWORD = 4
#: Answers about label runs a table's index keeps before it starts afresh (see :func:`_kept`).
_KEPT_ANSWERS = 4096


@functools.lru_cache(maxsize=8192)
def fold(label: str) -> str:
    """A label reduced to its words: no spaces, numbering, punctuation, quotes or width, and
    其它 spelt 其他 (reports print both)."""
    label = unicodedata.normalize("NFKC", label).replace("其它", "其他")
    label = re.sub(r"\s+", "", label)
    label = _ENUMERATORS.sub("", label)
    return _NOT_WORD.sub("", label)


def label_score(label: str, forms: Sequence[str], *, exact_only: bool = False) -> float:
    """How well a folded label run names a row: 1.0 when it ends with the row's label, less for
    truncated or misspelt labels, 0 when it does not name it."""
    if any(label.endswith(form) for form in forms):
        return 1.0
    if exact_only or len(label) < 3:
        return 0.0
    best = max((_likeness(label, form) for form in forms if len(form) >= 4), default=0.0)
    return best if best >= 0.6 else 0.0


def _likeness(label: str, form: str) -> float:
    """How closely the end of a label run resembles one label form it does not end with: cut
    short (the run ends with the form's first characters, the rest wrapped below it) or misspelt
    (the characters they share, in order)."""
    tail = label[-(len(form) + 2) :]
    shared = set(tail) & set(form)
    # a run ending with the first four or more characters of the label: its end wrapped away
    cut_short = any(label.endswith(form[:k]) for k in range(4, len(form)))
    if len(shared) < 0.6 * len(set(form)) and not cut_short:
        return 0.0
    best = _truncation(label, form)
    blocks = SequenceMatcher(None, tail, form, autojunk=False).get_matching_blocks()
    return max(best, 0.95 * sum(b.size for b in blocks) / len(form))


def _truncation(label: str, form: str) -> float:
    """The score of a run ending with the first k ≥ 4 characters of a form (its end wrapped
    below it), the longest such k; 0 when it does not. A group label printed letter by letter
    down the rows' wrapped lines may stand among them: the first k ≥ 6 characters with one or
    two others between them count too, a little less."""
    floor = max(0, len(label) - len(form))
    start = label.rfind(form[0], floor)
    while start != -1:
        k = len(label) - start
        if k >= 4 and form.startswith(label[start:]):
            return 0.55 + 0.4 * k / len(form)
        start = label.rfind(form[0], floor, start)
    for k in range(len(form) - 1, _INTERLEAVED_PREFIX - 1, -1):
        extra = _interleaved(label, form[:k])
        if extra:
            return 0.5 + 0.4 * k / len(form) - 0.05 * extra
    return 0.0


#: The fewest characters of a label's start that, with others between them, still name it.
_INTERLEAVED_PREFIX = 6


def _interleaved(label: str, prefix: str) -> int:
    """How many other characters (one or two) stand among ``prefix``'s characters at the end
    of ``label``, which ends with the prefix's last one; 0 when none or more do."""
    if not label.endswith(prefix[-1]):
        return 0
    for extra in (1, 2):
        window = label[-(len(prefix) + extra) :]
        if len(window) == len(prefix) + extra and window[0] == prefix[0] and _in_order(prefix, window):
            return extra
    return 0


def _in_order(prefix: str, window: str) -> bool:
    """Whether ``prefix``'s characters all stand in ``window``, in order."""
    rest = iter(window)
    return all(char in rest for char in prefix)


_UNKNOWN = object()


def _kept(method: Callable[..., _T]) -> Callable[..., _T]:
    """A question about label runs whose answers a table's index keeps (a bounded number):
    reports print the same runs, report after report. The answers are never changed in place."""
    name = method.__name__

    @functools.wraps(method)
    def answer(self: LabelIndex, *runs: str, **options: object) -> _T:
        key = (name, *runs, *sorted(options.items()))
        found = self._answers.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            if len(self._answers) >= _KEPT_ANSWERS:
                self._answers.clear()
            found = self._answers[key] = method(self, *runs, **options)
        return cast("_T", found)

    return answer


#: What a table prints over its label column (申请人情况 over table 三's rows, 信息内容 over table
#: 二's): a header, never a row.
_STUB_HEADERS = ("申请人情况", "信息内容")


class LabelIndex:
    """One table's row labels, folded, and the questions asked of a label run about them.

    Rows are named by their index in ``table.rows``; runs are folded label runs. Build it with
    :meth:`of`, which builds each table's index once.
    """

    __slots__ = (
        "_all_headers",
        "_answers",
        "_bare_numbers",
        "_by_length",
        "_enumerated",
        "_forms",
        "_group_letters",
        "_header_words",
        "_headers",
        "_printed_forms",
        "_starts",
        "_telling",
    )

    def __init__(self, table: TableSpec) -> None:
        #: per row, its folded label and aliases
        self._forms = tuple(
            tuple(dict.fromkeys(fold(x) for x in (spec.label, *spec.aliases))) for spec in table.rows
        )
        #: for each form length: folded form -> the rows it names
        self._by_length = _by_length(self._forms)
        #: the folded column headers of the table's rows, longest first
        self._headers = _header_forms(table)
        #: per row, the forms that name only it when found inside a run
        self._telling = _telling_forms(self._forms)
        #: every folded column header, however short
        self._all_headers = frozenset(
            fold(h) for spec in table.rows for spellings in spec.header_spellings for h in spellings
        )
        #: every word of the header rows, longest first: the column headers, the merged
        #: headers above them, the header over the label column
        self._header_words = tuple(
            sorted(
                self._all_headers
                | {fold(g) for spec in table.rows for g in spec.column_groups if g}
                | {fold(h) for h in _STUB_HEADERS},
                key=len,
                reverse=True,
            )
        )
        #: per row, its label with its number as printed (（七）总计, 3.其他), spaces removed
        self._enumerated = tuple(_enumerated(spec.label) for spec in table.rows)
        #: how many rows' printed labels begin with each number and first character (3.危)
        self._starts = _numbered_starts(self._enumerated)
        #: per row whose label is a bare keyword under an Arabic number (3.其他): that number
        self._bare_numbers = tuple(_bare_number(label) for label in self._enumerated)
        #: per row, the forms that name it alone and are part of no column header
        self._printed_forms = tuple(
            tuple(f for f in forms if not any(f in h for h in self._all_headers)) for forms in self._telling
        )
        #: the letters of the group labels (（三）不予公开), which a narrow group column prints a
        #: letter a line, in among the lines of the labels beside it
        self._group_letters = frozenset(
            "".join(
                re.sub(r"\s+", "", unicodedata.normalize("NFKC", g))
                for spec in table.rows
                for g in spec.groups
            )
        )
        #: (question, runs) -> its answer (see :func:`_kept`)
        self._answers: dict[tuple[object, ...], object] = {}

    @staticmethod
    @functools.cache
    def of(table: TableSpec) -> LabelIndex:
        """The label index of ``table``, built on first use."""
        return LabelIndex(table)

    @_kept
    def rows_named_by(self, run: str) -> tuple[int, ...]:
        """The rows whose label the run ends with, in table order."""
        found: list[int] = []
        for length, forms in self._by_length.items():
            rows = forms.get(run[-length:])
            if rows:
                found.extend(rows)
        return tuple(sorted(set(found)))

    @_kept
    def without_headers(self, run: str) -> str:
        """The run without the column headers at its end (政府集中采购 采购总金额: a PDF's text
        prints a table's column headers after its first row label)."""
        return run[: len(run) - sum(map(len, self.headers_at_end(run)))]

    def headers_at_end(self, run: str) -> list[str]:
        """The column headers at the end of the run (folded), last first."""
        found: list[str] = []
        while True:
            header = next((f for f in self._headers if run.endswith(f) and len(f) < len(run)), None)
            if header is None:
                return found
            found.append(header)
            run = run[: -len(header)]

    @_kept
    def candidates(self, run: str, *, fuzzy: bool) -> Mapping[int, float]:
        """The rows a run may name, with how well it names each (1.0 exactly, 0.9 once column
        headers after it are dropped, less when repaired).

        With ``fuzzy``, a run that names no row exactly is compared fuzzily, and so is one that
        only ends with a bare keyword (其他, 总计): a long label cut off after "…不计其他" is not
        3.其他.
        """
        scores = dict.fromkeys(self.rows_named_by(run), 1.0)
        if not scores and (bare := self.without_headers(run)) != run:
            scores = dict.fromkeys(self.rows_named_by(bare), 0.9)
        named = max((len(f) for j in scores for f in self._forms[j] if run.endswith(f)), default=0)
        if named < _BARE_KEYWORD and fuzzy:
            repaired = {j: s for j in range(len(self._forms)) if (s := self.score(run, j))}
            scores = repaired | scores
        return scores

    def score(self, run: str, row: int, *, exact_only: bool = False) -> float:
        """How well the run names ``row``: see :func:`label_score`."""
        return label_score(run, self._forms[row], exact_only=exact_only)

    def without_label_of(self, run: str, row: int) -> str:
        """The run without ``row``'s label at its end (the run as it is when it does not end
        with it)."""
        own = [f for f in self._forms[row] if run.endswith(f)]
        return run[: len(run) - max(map(len, own), default=0)]

    def ends_with_own_label(self, run: str, row: int) -> bool:
        """Whether the run ends with a form of ``row``'s label that names it alone and is part
        of no column header (规章 does; 其他 and 总计 are column headers too)."""
        return any(run.endswith(form) for form in self._printed_forms[row])

    def rows_buried_in(self, run: str, among: Iterable[int]) -> list[int]:
        """The rows of ``among`` whose label stands anywhere inside the run, in the order given,
        counting only forms that name one row alone."""
        return [k for k in among if any(form in run for form in self._telling[k])]

    @_kept
    def rows_printed_in(self, text: str, run: str) -> tuple[int, ...]:
        """The rows whose label stands anywhere in a label run, in table order: by a form that
        names the row alone and is no column header (规章 is a row, 总计 a column too), or by
        the label with its number (``（七）总计``) in the run's ``text`` as printed."""
        bare = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        return tuple(
            k
            for k, forms in enumerate(self._printed_forms)
            if any(f in run for f in forms) or (self._enumerated[k] and self._enumerated[k] in bare)
        )

    @_kept
    def only_headers(self, text: str, run: str) -> bool:
        """Whether the run is a header row run together — two or more column headers and
        nothing else (``申请人情况…其他总计``) — which names no row even where it ends like one
        (总计); a row's label printed with its number (（七）总计) in ``text`` is no header."""
        words = 0
        while run:
            header = next((h for h in self._header_words if run.endswith(h)), None)
            if header is None:
                return False
            run, words = run[: -len(header)], words + 1
        if words < 2:
            return False
        bare = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        return not any(label and label in bare for label in self._enumerated)

    def in_printed_order(self, text: str, run: str, rows: Iterable[int]) -> list[int]:
        """``rows`` (named in the run, see :meth:`rows_printed_in`) in the order their labels
        stand in it; a row whose label is not found there (named by the run's end) last."""
        bare = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))

        def where(k: int) -> float:
            found = [run.find(f) / len(run) for f in self._printed_forms[k] if f in run]
            if not found and self._enumerated[k] and self._enumerated[k] in bare:
                found = [bare.find(self._enumerated[k]) / len(bare)]
            return min(found, default=1.0)

        return sorted(rows, key=where)

    @_kept
    def begun_at_end(self, text: str) -> int | None:
        """The row whose number and first two or more characters end a label run as printed
        (``…不计其他情形)1.属于国``) — or its number and first character, where no other row's
        label begins so (``…禁止公开3.危``) —: a row's label that begins there and wraps below,
        the text before it the end of the row above's. None when no row begins there."""
        bare = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
        best: tuple[int, int] | None = None
        for k, label in enumerate(self._enumerated):
            number = _ENUMERATORS.match(label) if label else None
            if number is None:
                continue
            length = self._begun_length(bare, label, number.end())
            if length and (best is None or length > best[0]):
                best = (length, k)
        return best[1] if best is not None else None

    def _begun_length(self, bare: str, label: str, number_end: int) -> int:
        """How much of ``label`` (its number and two characters at least, not all of it) ends
        ``bare``, letters of a group label in among its own skipped (``2.其他法予律行政法``,
        the 予 of （三）不予公开 printed on the same line as 律行政法); 0 when none does."""
        start = bare.rfind(label[: number_end + 1])
        if start < 0:
            return 0
        matched = 0
        for char in bare[start:]:
            if matched < len(label) and char == label[matched]:
                matched += 1
            elif char not in self._group_letters:
                return 0
        if matched == number_end + 1 and matched < len(label):
            # its number and one character only (``…禁止公开3.危``: a narrow cell's first line,
            # the row's numbers beside it): only where no other row's label begins so
            return matched if self._starts.get(label[:matched]) == 1 else 0
        return matched if number_end + 2 <= matched < len(label) else 0

    def named_by_words(self, run: str, row: int) -> bool:
        """Whether the run names ``row`` by more than a bare keyword: a form of four or more
        characters at its end, or one it resembles (cut short, misspelt)."""
        if any(run.endswith(f) for f in self._forms[row] if len(f) < _BARE_KEYWORD):
            return False
        return self.score(run, row) > 0

    def numbered_otherwise(self, label: str, row: int) -> bool:
        """Whether ``label`` (as printed) ends with ``row``'s bare keyword under another number:
        ``6.其他`` added under （五） is not 3.其他. Only for a label of a bare keyword, whose
        number is all that tells its row; a longer label's words do."""
        number = self._bare_numbers[row]
        if number is None:
            return False
        printed = _NUMBERED_END.search(re.sub(r"\s+", "", unicodedata.normalize("NFKC", label)))
        return (
            printed is not None and fold(printed.group(2)) in self._forms[row] and printed.group(1) != number
        )

    def starts_with_label_of(self, run: str, row: int) -> bool:
        """Whether the run begins with a form of ``row``'s label that names it alone."""
        return any(run.startswith(form) for form in self._telling[row])


def _enumerated(label: str) -> str:
    """A label with its number (``(七)总计``), NFKC and without spaces; "" when it has none."""
    label = re.sub(r"\s+", "", unicodedata.normalize("NFKC", label))
    return label if _ENUMERATORS.match(label) else ""


#: A label ending with a one-digit number and a short word: 6.其他 (not 13.其他: in a crawler's
#: one-line text the 1 may be the last digit of the number before the label).
_NUMBERED_END = re.compile(r"(?<![0-9])([1-9])[.、]([\u4e00-\u9fff]{1,3})$")


def _numbered_starts(enumerated: Iterable[str]) -> collections.Counter[str]:
    """How many of the printed labels begin with each number and first character (3.危)."""
    return collections.Counter(
        label[: number.end() + 1] for label in enumerated if label and (number := _ENUMERATORS.match(label))
    )


def _bare_number(enumerated: str) -> str | None:
    """The Arabic number of a label that is a bare keyword under it (``3.其他`` → ``"3"``)."""
    found = _NUMBERED_END.fullmatch(enumerated)
    return found.group(1) if found and len(fold(found.group(2))) < _BARE_KEYWORD else None


def _by_length(forms: Sequence[Sequence[str]]) -> dict[int, dict[str, tuple[int, ...]]]:
    """For each form length: folded form -> the rows it names."""
    index: dict[int, dict[str, list[int]]] = {}
    for j, row_forms in enumerate(forms):
        for form in row_forms:
            index.setdefault(len(form), {}).setdefault(form, []).append(j)
    return {n: {f: tuple(js) for f, js in by_form.items()} for n, by_form in index.items()}


def _header_forms(table: TableSpec) -> tuple[str, ...]:
    """The folded column headers of a table's rows, every spelling the grammar lists, longest
    first; bare keywords (其他, 总计) are left out, as they end row labels too."""
    forms = {fold(h) for spec in table.rows for spellings in spec.header_spellings for h in spellings}
    return tuple(sorted((f for f in forms if len(f) >= _BARE_KEYWORD), key=len, reverse=True))


def _telling_forms(forms: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """Per row, the forms that name only it when found inside a run: not part of another row's
    label (其他 is also part of （六）其他处理)."""
    return tuple(
        tuple(
            form
            for form in row_forms
            if len(form) >= 2 and not any(form in other for m, o in enumerate(forms) if m != k for other in o)
        )
        for k, row_forms in enumerate(forms)
    )
