"""A labelled table's observed rows placed in its template rows, and their cells read.

Alignment (:mod:`.align`) matches observed rows with template rows by label and order. What a
lossy rendering did to the table is then undone in passes, each for one thing real texts do:
rows wrapped by a text browser, numbers printed before their labels, rows without a readable
label, one row carrying the numbers of the rows after it. Counting does the rest. Merged cells
leave empty cells before or after a row's values; those are dropped only while the row has more
cells than the template gives it. A row that still has too many or too few values is reported
and left blank — never guessed — unless its digits ran together, or a PDF extractor printed
numbers its narrow cells wrapped as two pieces each (on its line, on the lines after it, or
above and below it), which the decoder (:mod:`.decoding`) splits or joins by the table's
arithmetic.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from typing import Any

import attrs

from .. import diagnostics as diag
from ..model import Cell, Diagnostic, Value
from ..template.rules import (
    Check,
    Outcome,
    PrintedTable,
    Terms,
    checks_for,
    checks_in_either_form,
    evaluate,
    row_sum_checks,
    row_terms,
    sum_holds,
)
from ..template.spec import RowSpec, TableSpec
from . import blanks, decoding, solver
from .align import align
from .copies import Copies, find_copies
from .items import UNITS, Item, ObservedRow
from .labels import LabelIndex, fold
from .page_edge import cut_surely, cut_totals
from .split_labels import join_split_labels
from .values import (
    blank_cells,
    cells,
    describe,
    glued,
    ran_together,
    strip_empty,
    too_long,
    trim,
    without_fillers,
)

#: Headers of a column of remarks a table adds after the template's columns.
_REMARK_HEADERS = frozenset({"备注", "说明", "备注说明"})
#: A row's number at the start of a label (``2.其他…``).
_ENUMERATOR = re.compile(r"([0-9]{1,2})[.、]")
#: What follows a number of the prose rather than a cell: a unit and a sentence mark
#: (``…不予公开信息数48条。``).
_PROSE_AFTER = re.compile("(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")[。，；,;]")


@attrs.frozen
class TableRead:
    """What was read of one table: cells by row id, and the diagnostics."""

    rows: dict[str, tuple[Cell, ...]]
    diagnostics: tuple[Diagnostic, ...]
    found: bool
    #: whether the table printed numbers wrapped in its narrow cells as two pieces
    wrapped: bool = False


def read_rows(
    observed: Sequence[ObservedRow],
    table: TableSpec,
    *,
    facts: Callable[[], Sequence[decoding.Fact]] = tuple,
    cut_right: bool = False,
    soft_bounds: bool = False,
) -> TableRead:
    """Align observed rows with a labelled table (二 or 三) and read each row's cells.

    Rows whose digits are glued together are split by :mod:`govinfo_report.reading.decoding`,
    all of the table's glued rows at once; ``facts`` gives the numbers the prose states (asked
    only when a row's digits ran together), which may pick between
    readings. In a table whose rows have different numbers of columns (table 二), a short row is
    padded on the right to the table's width, so surplus empty cells are trimmed from the right
    first. ``cut_right``: the page's right edge cut the table (a PDF), so a row short of cells
    lost its last ones. ``soft_bounds``: a space or a line break sets the cells apart, so a
    number a narrow cell wrapped may stand as two (see :meth:`TablePlacement._wraps_numbers`).
    """
    observed = join_split_labels(observed, table)
    folded = [fold(o.label) for o in observed]
    copies = find_copies(observed, folded, table)
    if copies is not None:
        read = functools.partial(
            read_rows, table=table, facts=facts, cut_right=cut_right, soft_bounds=soft_bounds
        )
        return _one_of_two(table, read(observed[: copies.start]), read(observed[copies.start :]), copies)
    if cut_right:
        observed = [_lost_on_the_right(o, table) for o in observed]
    matches = align(observed, table, folded, _ragged(table))
    if not matches:
        return TableRead({}, (), False)
    return TablePlacement(table, observed, folded, matches, soft_bounds=soft_bounds).read(facts)


def _one_of_two(table: TableSpec, first: TableRead, second: TableRead, copies: Copies) -> TableRead:
    """A table printed twice, each copy read on its own: the copy the words before them choose,
    or else what both copies print alike, the cells they print differently left blank."""
    line = next((cells[0].line for cells in second.rows.values() if cells and cells[0].line), None)
    if copies.chosen is not None:
        kept = (first, second)[copies.chosen]
        note = diag.make(
            "table-printed-twice",
            table=table.id,
            line=line,
            which=("first", "second")[copies.chosen],
            which_zh=("第一", "第二")[copies.chosen],
            heading=_shortened(copies.headings[copies.chosen]),
            other=_shortened(copies.headings[1 - copies.chosen]),
        )
        return attrs.evolve(kept, diagnostics=(*kept.diagnostics, note))
    rows: dict[str, tuple[Cell, ...]] = {}
    differ = 0
    for row in dict.fromkeys([*first.rows, *second.rows]):
        one, other = first.rows.get(row), second.rows.get(row)
        if one is None or other is None:
            rows[row] = one or other or ()
            continue
        pairs = list(zip(one, other, strict=True))
        rows[row] = tuple(a if a.value == b.value else Cell(None, a.line) for a, b in pairs)
        differ += sum(a.value != b.value for a, b in pairs)
    notes = first.diagnostics
    if differ:
        notes = (*notes, diag.make("table-copies-differ", table=table.id, line=line, count=differ))
    return TableRead(rows, notes, first.found or second.found, first.wrapped or second.wrapped)


def _shortened(words: str, most: int = 30) -> str:
    return words if len(words) <= most else words[: most - 1] + "…"


def _lost_on_the_right(row: ObservedRow, table: TableSpec) -> ObservedRow:
    """A row of a table the page's right edge cut, with an empty cell for each it lost beyond
    the edge, up to the width of the widest template row its values fall short of."""
    width = max(len(spec.columns) for spec in table.rows)
    values = row.values
    if not values or len(values) >= width or not any(v.kind != "empty" for v in values):
        return row
    line = values[-1].line
    lost = tuple(Item("empty", "", line, row=values[-1].row) for _ in range(width - len(values)))
    return row._replace(values=values + lost)


@functools.cache
def _ragged(table: TableSpec) -> bool:
    """Whether the table's rows differ in width: table 二, sub-tables of two or three columns
    (padded on the right to a rectangle in markdown and pipe tables)."""
    return len({len(spec.columns) for spec in table.rows}) > 1


@functools.cache
def _checkable_rows(table: TableSpec) -> frozenset[str]:
    """The rows some rule of the table checks, in either printed form of （六）其他处理."""
    return frozenset(row for check in checks_in_either_form(table) for row in check.rows)


def _disputed(solution: solver.Solution, known: dict[str, tuple[Cell, ...]]) -> set[str]:
    """The rows read already whose numbers the solution places otherwise."""
    return {
        row
        for row, cells in solution.cells.items()
        if any(
            a.value is not None and b.value is not None and a.value != b.value
            for a, b in zip(known.get(row, ()), cells, strict=False)
        )
    }


#: The notes that left a row blank, which give way to the one that says how a later pass read it.
_SUPERSEDED = frozenset(
    {
        "row-values-moved",
        "row-values-after-stray-numbers",
        "row-values-ambiguous",
        "row-values-before-label",
        "row-values-under-other-headers",
        "row-values-unverified",
        "row-value-count",
        "row-values-cut",
    }
)


def _has_value(cells: Sequence[Cell]) -> bool:
    return any(c.value is not None for c in cells)


def _plain(label: str) -> str:
    """A template label as a diagnostic prints it."""
    return unicodedata.normalize("NFKC", label)


class TablePlacement:
    """One labelled table being placed: its observed rows, what alignment matched, and what the
    passes of :meth:`read` find and place on top of that.

    Observed rows are indexes into :attr:`observed`, template rows indexes into the table's
    rows. A pass that places values by position appends them as observed rows without a label.
    """

    def __init__(
        self,
        table: TableSpec,
        observed: Sequence[ObservedRow],
        folded: Sequence[str],
        matches: dict[int, int],
        *,
        soft_bounds: bool = False,
    ) -> None:
        self.table = table
        self.specs = table.rows
        #: whether a space or a line break sets the cells apart, which may cut a number too
        self.soft_bounds = soft_bounds
        self.labels = LabelIndex.of(table)
        #: whether the table's rows differ in width, so that they are padded on the right
        self.pad_right = _ragged(table)
        self.observed = list(observed)
        #: the folded label run of each observed row ("" for rows placed by position)
        self.folded = list(folded)
        #: observed row -> template row
        self.matches = dict(matches)
        #: the observed rows from the first to the last one alignment matched
        self.span = range(min(matches), max(matches) + 1)
        #: observed rows placed by position, not by their label
        self.by_position: set[int] = set()
        #: observed rows joined with the lines of numbers after them (see join_wrapped_rows)
        self.joined: set[int] = set()
        #: template rows found nowhere whose label is printed inside another label run -> the
        #: observed row whose run holds it
        self.buried: dict[int, int] = {}
        #: template rows a gap between two found rows never holds
        self.skip: set[int] = set()
        #: the grid of rows (see :meth:`grid_of`) -> its first row short of numbers
        self.first_short: dict[str | None, int] = {}
        self.found: dict[str, tuple[Cell, ...]] = {}
        self.notes: list[Diagnostic] = []
        #: rows whose digits ran together, for the decoder
        self.glued_rows: dict[str, decoding.Glued] = {}
        #: observed rows whose wrapped numbers stand on the lines above and below them, as the
        #: decoder reads them (see find_numbers_wrapped_around_rows)
        self.wrapped_around: dict[int, decoding.Glued] = {}
        #: rows of those whose text's columns place their numbers, the reading so placed first
        #: among their alternatives (see find_numbers_wrapped_around_rows)
        self.placed_by_columns: set[int] = set()
        #: observed row -> template row, as alignment matched them (before any pass)
        self.aligned = dict(matches)
        #: the observed rows as printed, before any pass moved values about
        self.printed = tuple(observed)
        #: observed rows whose numbers the reading-order solver placed
        self.solved: set[int] = set()
        #: printed row -> the template rows its label run names (see :meth:`_rows_named`)
        self._named: dict[int, list[int]] = {}
        #: column headers -> the printed rows naming them, with their columns (see _header_rows)
        self._headers_at: dict[tuple[str, ...], list[tuple[int, list[int]]]] = {}
        #: column headers -> the printed rows holding two of them in one cell
        self._merged_headers_at: dict[tuple[str, ...], list[int]] = {}
        #: rows whose total, cut at the page's edge, prints the first digits of its sum (see
        #: :func:`.page_edge.cut_totals`): their own sum holds but for the cut
        self.cut_surely: set[str] = set()
        #: (observed row, template row) -> the row as last read and its values (see _values)
        self._values_of: dict[tuple[int, int], tuple[ObservedRow, Sequence[Item]]] = {}

    def read(self, facts: Callable[[], Sequence[decoding.Fact]] = tuple) -> TableRead:
        """Run the passes in order and return what was read."""
        self.find_numbers_wrapped_around_rows()
        self.join_wrapped_rows()
        self.find_buried_labels()
        self.find_short_rows()
        self.place_values_before_labels()
        self.place_values_after_a_label_run()
        self.fill_gaps_by_position()
        self.split_carried_rows()
        self.read_cells()
        self.verify_rows_beside_wrapped_numbers()  # so that slid numbers are no fact to the decoder
        self.decode_glued_rows(facts)
        self.blank_position_doubts()
        self.verify_rows_beside_wrapped_numbers()  # and the rows it split whose sums fail
        self.blank_cut_totals()
        self.verify_order_only_rows()
        self.verify_rows_near_cut_numbers()
        self.place_by_reading_order()
        self.place_collapsed_blanks()
        self.report_leftovers()
        self.report_missing_rows()
        return TableRead(self.found, tuple(self.notes), True, self._wrapping)

    # --- the passes -------------------------------------------------------------------------

    def join_wrapped_rows(self) -> None:
        """A row short of values followed by lines of nothing but exactly the values it lacks
        was wrapped by the converter (a text browser breaks a long table row at its page
        width; a blank line inside a row of one-cell-per-line text cuts it): they are one row.
        Where such a line begins with what is left of the label (a closing quote or bracket, no
        word), the label was printed around the values before it, as in :mod:`.split_labels`:
        the row is held to its rules the same way."""
        for i, j in sorted(self.matches.items()):
            expected = len(self.specs[j].columns)
            values = self.observed[i].values
            if not values or len(values) >= expected or i in self.wrapped_around:
                continue
            parts = self._wrapped_parts(i + 1, expected - len(values))
            pieces = self._wrapped_number_parts(i + 1, expected - len(values))
            if pieces and not (parts and self._adds_up(j, values, parts)):
                parts = pieces  # the lines after it hold pieces of wrapped numbers, not its cells
            if parts:
                self.joined.add(i)
                self.observed[i] = self.observed[i]._replace(
                    values=values + tuple(v for k in parts for v in self.observed[k].values),
                    split=any(self.observed[k].label.strip() for k in parts),
                )
                for k in parts:
                    self.observed[k] = self.observed[k]._replace(values=())

    def _wrapped_parts(self, start: int, lacking: int) -> list[int]:
        """The label-less rows from ``start`` on whose values add up to exactly ``lacking``
        (none when they do not)."""
        parts: list[int] = []
        found = 0
        for k in range(start, len(self.observed)):
            rest = self.observed[k].values
            if k in self.matches or self.folded[k] or found + len(rest) > lacking:
                return []
            if all(v.kind == "empty" for v in rest):
                return []  # a row of empty cells (a spacer, a document's empty row) is no value
            parts.append(k)
            found += len(rest)
            if found == lacking:
                return parts
        return []

    def _adds_up(self, j: int, values: Sequence[Item], parts: Sequence[int]) -> bool:
        """Whether ``values`` with those of the rows ``parts`` read as template row ``j``, each
        a count in its cell, its sums holding."""
        texts = _plain_counts([*values, *(v for k in parts for v in self.observed[k].values)])
        return bool(texts) and self._reads_as(j, texts)

    def _reads_as(self, j: int, chunks: Sequence[decoding.Chunk]) -> bool:
        """Whether ``chunks``, one per cell, read as template row ``j`` (the decoder's rules:
        each a printing of its cell's kind, the row's sums holding)."""
        shape = decoding.row_shape(self.table, self.specs[j])
        return len(chunks) == shape.size and bool(decoding.split_row(chunks, shape).readings)

    def _wrapped_number_parts(self, start: int, lacking: int) -> list[int]:
        """The label-less rows of counts from ``start`` to the next labelled row, where they hold
        more than the ``lacking`` values, by a few, in a table whose rows add up: the pieces of
        numbers wrapped in their narrow cells, each piece on a line of its own (``pdftotext
        -raw``: ``… 9897 0`` then ``4808`` then ``5``). The decoder joins them by the arithmetic
        (see :meth:`_glued_or_miscounted`). Empty otherwise."""
        if not self._wraps_numbers:
            return []
        parts: list[int] = []
        found = 0
        for k in range(start, len(self.observed)):
            rest = self.observed[k].values
            if k in self.matches or self.folded[k]:
                break
            if not rest or not _plain_counts(rest):
                return []
            parts.append(k)
            found += len(rest)
        return parts if lacking < found <= lacking + decoding.MAX_WRAPPED_PIECES else []

    def find_numbers_wrapped_around_rows(self) -> None:
        """Numbers wrapped in their narrow cells, printed around their row: a table row's line
        holds its cells of one line, and each cell that wrapped prints its first digits on the
        line above and the rest on the line below (pdfplumber, ``pdftotext -layout``: ``4808``,
        then ``一、本年新收… 9571 9766 12162 6689 9897 0``, then ``5``). Where a row short of
        ``m`` numbers has just ``m`` loose numbers on the line above and ``m`` on the line below
        (a line it shares with the row before or after holds theirs too, the upper row's
        first), the k-th above and the k-th below are the pieces of its k-th wrapped cell, in
        columns the decoder tries in every way under the arithmetic. Only where a space or a
        line break sets the cells apart and the rows add up (see :attr:`_wraps_numbers`)."""
        if not self._wraps_numbers:
            return
        short = self._rows_short_on_their_line()
        loose = self._loose_numbers_by_line() if short else {}
        rows = sorted(short)
        for index, i in enumerate(rows):
            # the row above shares a line with this one unless it took its pieces already
            before = short[rows[index - 1]] if index and rows[index - 1] not in self.wrapped_around else None
            after = short[rows[index + 1]] if index + 1 < len(rows) else None
            pieces = _pieces_around(short[i], loose, before, after)
            if pieces is None:
                continue
            tops, bottoms = pieces
            line, middle, lacking = short[i]
            gaps = self._empty_places(i, lacking)
            around = _around(middle, [v for _, v in tops], [v for _, v in bottoms], gaps)
            j = self.matches[i]
            readable = tuple(chunks for chunks in around.alternatives if self._reads_as(j, chunks))
            if gaps is not None and readable[:1] != around.alternatives[:1]:
                continue  # where the text's columns place its numbers, the row does not add up
            if not readable:
                continue  # no pieces of it
            if gaps is not None:  # a place off casts doubt on the columns, it never chooses
                self.placed_by_columns.add(i)
            self.wrapped_around[i] = around._replace(alternatives=readable)
            taken = [*tops, *bottoms]
            self._take_loose(taken)
            for near in (line - 1, line + 1):
                loose[near] = [e for e in loose[near] if not any(e is t for t in taken)]

    def _empty_places(self, i: int, lacking: int) -> tuple[int, ...] | None:
        """Where in observed row ``i`` its ``lacking`` cells stand, when the text keeps its
        columns (``pdftotext -layout``): the row prints a cell for every column, just that many
        of them empty, and those are the places of its wrapped numbers. None when it does not."""
        values = self.observed[i].values
        expected = len(self.specs[self.matches[i]].columns)
        gaps = tuple(c for c, v in enumerate(values) if v.kind == "empty")
        return gaps if len(values) == expected and len(gaps) == lacking else None

    def _rows_short_on_their_line(self) -> dict[int, _ShortRow]:
        """The matched rows printing fewer counts than cells, all on one line: row -> (that
        line, the counts, how many it lacks)."""
        short: dict[int, _ShortRow] = {}
        for i, j in self.matches.items():
            middle = [v for v in self.observed[i].values if v.kind != "empty"]
            lacking = len(self.specs[j].columns) - len(middle)
            lines = {v.line for v in middle}
            if middle and lacking > 0 and len(lines) == 1 and _plain_counts(middle):
                short[i] = (lines.pop(), middle, lacking)
        return short

    def _loose_numbers_by_line(self) -> _Loose:
        """The counts of the rows no template row matched (a header's run, a line of numbers
        alone), by line, each with its observed row, in printed order."""
        found: _Loose = {}
        for k, row in enumerate(self.observed):
            if k in self.matches:
                continue
            for v in row.values:
                if v.kind != "empty":
                    found.setdefault(v.line, []).append((k, v))
        return found

    def _take_loose(self, taken: Sequence[tuple[int, Item]]) -> None:
        """Take the numbers ``taken`` out of their observed rows (a row left with empty cells
        only, with them)."""
        for k in {k for k, _ in taken}:
            gone = [v for row, v in taken if row == k]
            left = tuple(v for v in self.observed[k].values if not any(v is g for g in gone))
            if all(v.kind == "empty" for v in left):
                left = ()  # the empty cells around the pieces were only the columns' places
            self.observed[k] = self.observed[k]._replace(values=left)

    def find_buried_labels(self) -> None:
        """Template rows, found nowhere, whose label is printed inside another label run of the
        table (``行政许可…行政处罚行政强制`` before one number): rows whose numbers the text lost
        or moved, as a PDF's text does with a table printed column by column. Labels after the
        last row found count too: a PDF's text prints merged group cells last. （六）其他处理
        counts only where none of its sub-rows is printed: otherwise it is their group label.
        Decides too which rows a gap never holds."""
        taken = set(self.matches.values())
        missing = [k for k in range(len(self.specs)) if k not in taken]
        for i in range(self.span.start, len(self.folded)) if missing else ():
            run = self.folded[i]
            if not run:
                continue
            if i in self.matches:
                run = self.labels.without_label_of(run, self.matches[i])
            for k in self.labels.rows_buried_in(run, missing):
                self.buried.setdefault(k, i)
        if self._subrows() & (taken | self.buried.keys()):
            for k in self._one_row():
                self.buried.pop(k, None)  # the group label over its printed sub-rows
        self.skip = self._not_in_gaps()

    def find_short_rows(self) -> None:
        """A row short of numbers means the text moved cells about (a PDF's text, column by
        column): nothing in its grid is placed by position, and numbers after it in its grid
        are trusted only in their label's own printed row. Notes each grid's first short row."""
        for i, j in sorted(self.matches.items(), key=lambda match: match[1]):
            expected = len(self.specs[j].columns)
            values = self._values(i, j)
            if i in self.wrapped_around:
                continue  # its numbers are not missing: they wrapped above and below it
            if len(values) < expected and not ran_together(values, expected):
                self.first_short.setdefault(self.grid_of(self.specs[j]), j)

    @functools.cached_property
    def _first_short_group(self) -> int | None:
        """:meth:`_short_group` once the passes that place numbers before their labels or by
        position are done."""
        return self._short_group()

    def _short_group(self) -> int | None:
        """The first row of the first group of the table whose rows print fewer numbers than
        their cells, where only the order of the text ties some of them to their rows — a label
        run's numbers counted for every row it names (pdfminer printed 规章, 规范性文件 and
        行政许可 together, then five numbers for their nine cells). Its missing numbers may stand
        anywhere after it (plain pdftotext moves blocks of text past the groups of table 二); a
        group printed column by column has all its numbers, however its rows share them."""
        numbers: collections.Counter[str | None] = collections.Counter()
        cells: collections.Counter[str | None] = collections.Counter()
        first: dict[str | None, int] = {}
        loose: set[str | None] = set()
        for i, j in self.matches.items():
            # the cells as printed, an empty one (a blank) too: this runs between the passes,
            # before rows are trimmed
            values = self.observed[i].values
            if i in self.wrapped_around or ran_together(values, len(self.specs[j].columns)):
                continue
            named = [j, *(k for k, at in self.buried.items() if at == i)]
            grid = self.grid_of(self.specs[min(named)])
            numbers[grid] += len(values)
            cells[grid] += sum(len(self.specs[k].columns) for k in named)
            first[grid] = min(first.get(grid, j), *named)
            if not self.observed[i].tied:
                loose.add(grid)
        return min((first[grid] for grid in loose if numbers[grid] < cells[grid]), default=None)

    def place_values_before_labels(self) -> None:
        """Numbers printed before their labels: a PDF's text may put a sub-table's numbers first
        and its row labels after them (``…对外公开总数量 0 346 3139 12062 160 11249`` then ``规章
        规范性文件`` in the next row's label run). When the rows whose labels are buried in a run
        come just before the row that run names, and the row printed just before it holds
        exactly their cells and nothing else, those are their numbers, in template order —
        placed by position, and said so. So are those of a run of such labels alone after a
        group's heading that carries their numbers (see :meth:`_labels_after_their_numbers`)."""
        for i, j in sorted(self.matches.items()):
            self._place_before(i, self._labels_waiting_in(i, j))
        for i, named in self._labels_after_their_numbers():
            self._place_before(i, named)

    def place_values_after_a_label_run(self) -> None:
        """Numbers printed after a run of labels: a PDF's text may print a sub-table's row labels
        one after the other and then all its numbers (``行政处罚 行政强制`` then ``4119 195``).
        The numbers follow the last label, so they look like its row's, and the rows before it
        look blank. When the run holds exactly the rows just before the one it names, buried
        (found nowhere else), each as wide as that row, in a grid with no short row, and the
        numbers are exactly all their cells, they are theirs — in the order the text printed
        them, which is row by row or column by column. A row both orders read the same (a row
        of one cell; or the same numbers, as all zeros) is placed, by position, and said so;
        where no row is, the rows stay blank as ambiguous, and where some are, the others are
        blank with their two readings (pdfminer printed 洪泽区's ``规章 行政规范性文件`` then
        ``0 0 0 5 0 5``: 规章 is 0 0 0 either way, 行政规范性文件 5 0 5 or 0 5 5)."""
        for i, j in sorted(self.matches.items()) if self.buried else ():
            named = self._labels_before_their_numbers(i, j)
            if not named:
                continue
            both = _read_both_ways(self.observed[i].values, len(named) + 1, len(self.specs[j].columns))
            if not any(_same_text(*readings) for readings in both):
                continue
            placed = [self._agreed_row(k, *readings) for k, readings in zip([*named, j], both, strict=True)]
            self.observed[i] = self.observed[i]._replace(values=placed[-1])
            for k, values in zip(named, placed, strict=False):
                self._place_by_position(values, k)
                del self.buried[k]

    def _agreed_row(self, row: int, by_rows: _RowValues, by_columns: _RowValues) -> _RowValues:
        """Template row ``row``'s values as both reading orders give them where they agree;
        else its cells printed blank, the two readings said."""
        if _same_text(by_rows, by_columns):
            return by_rows
        self._readings_differ(self.specs[row].id, [describe(by_rows), describe(by_columns)])
        return tuple(value._replace(kind="null", text=_UNDECIDED) for value in by_rows)

    def _labels_before_their_numbers(self, i: int, j: int) -> list[int]:
        """The rows, buried in observed row ``i``'s run (see :meth:`_buried_just_before`), whose
        labels stand just before ``j``'s there, each of its width, in a grid with no short row,
        where the numbers after the run are all their cells and ``j``'s: those rows in table
        order, else empty."""
        named = self._buried_just_before(i, j)
        if not named:
            return []
        width = len(self.specs[j].columns)
        values = self.observed[i].values
        if any(len(self.specs[k].columns) != width for k in named) or len(values) != width * (len(named) + 1):
            return []
        if any(v.kind != "num" for v in values) or self.grid_of(self.specs[j]) in self.first_short:
            return []
        return named if self._run_ends_with_labels_of(i, [*named, j]) else []

    def _run_ends_with_labels_of(self, i: int, rows: Sequence[int]) -> bool:
        """Whether observed row ``i``'s label run ends with the labels of ``rows``, one after the
        other in that order, and what stands before them names no row (a group's heading and
        column headers)."""
        run = self.folded[i]
        for k in reversed(rows):
            if not self.labels.ends_with_own_label(run, k):
                return False
            run = self.labels.without_label_of(run, k)
        return not self.labels.rows_buried_in(run, range(len(self.specs)))

    def _place_before(self, i: int, named: Sequence[int]) -> None:
        """The numbers of the row printed just before observed row ``i`` placed as the rows
        ``named`` (template order), where they are exactly their cells."""
        if not named:
            return
        values = self.observed[i - 1].values
        widths = [len(self.specs[k].columns) for k in named]
        if len(values) != sum(widths) or any(v.kind != "num" for v in values):
            return
        self.observed[i - 1] = self.observed[i - 1]._replace(values=())
        start = 0
        for k, width in zip(named, widths, strict=True):
            self._place_by_position(values[start : start + width], k)
            start += width
            del self.buried[k]

    def fill_gaps_by_position(self) -> None:
        """Rows without a readable label, between two matched rows, fill the gap between them
        by position when the numbers agree exactly — unless a gap row's label is printed
        elsewhere without numbers, or a row of its grid is short of numbers: then the text has
        moved cells about and position proves nothing."""
        for a, b in itertools.pairwise(sorted(self.matches)):
            unlabeled = [i for i in range(a + 1, b) if not self.folded[i] and self.observed[i].values]
            gap = [j for j in range(self.matches[a] + 1, self.matches[b]) if j not in self.skip]
            if unlabeled and len(unlabeled) == len(gap) and self._placeable(gap):
                for i, j in zip(unlabeled, gap, strict=True):
                    self.matches[i] = j
                    self.by_position.add(i)

    def split_carried_rows(self) -> None:
        """A row that carries the values of the rows after it — a PDF's text printed their
        labels elsewhere (``pdftotext`` without ``-layout`` moves text blocks) — is split among
        them in template order, when it has exactly their cells and they are all missing up to
        the next row that was found, and no row of its grid is short of numbers. The rows so
        read are placed by position and say so; their labels are no longer buried."""
        taken = set(self.matches.values())
        for i, j in sorted(self.matches.items()):
            carried = self._rows_carried_by(i, j, taken)
            if not carried:
                continue
            width = len(self.specs[j].columns)
            values = self.observed[i].values
            self.observed[i] = self.observed[i]._replace(values=values[:width])
            for n, k in enumerate(carried, start=1):
                self._place_by_position(values[n * width : (n + 1) * width], k)
                taken.add(k)
        for k in self.buried.keys() & set(self.matches.values()):
            del self.buried[k]

    def read_cells(self) -> None:
        """Each placed row's cells, by counting once merged-cell shadows are trimmed. A row
        whose numbers were moved is left blank; one whose digits ran together waits for the
        decoder; one with too many or too few values is left blank. In a table most of whose
        rows of several cells ran together, a row with too few numbers ran together too (a row
        of one cell says nothing of how its cells were printed, only of its label)."""
        several = [(i, j) for i, j in self.matches.items() if len(self.specs[j].columns) > 1]
        run_together = 2 * sum(
            ran_together(self._values(i, j), len(self.specs[j].columns)) for i, j in several
        ) > len(several)
        for i, j in sorted(self.matches.items()):
            self._read_row(i, j, run_together)

    def decode_glued_rows(self, facts: Callable[[], Sequence[decoding.Fact]]) -> None:
        """Rows whose digits ran together are split by the decoder, all at once: a table's
        arithmetic ties its rows together, and ``facts`` the prose states may pick a reading."""
        if self.glued_rows:
            split, notes = decoding.decode_rows(self.table, self.found, self.glued_rows, facts())
            self.found.update(split)
            self.notes.extend(notes)

    def blank_position_doubts(self) -> None:
        """The cells of a row wrapped around its line that the decoder read otherwise than the
        text's columns place them, blank: where a reading with the row's own numbers a place
        off holds too, the sums down the table chose it, and they may be the report's own slips
        or rest on rows the text garbled — they settle a doubt, not where a number stood."""
        for i in self.placed_by_columns:
            spec = self.specs[self.matches[i]]
            around = self.wrapped_around[i]
            placed = around.alternatives[0]
            read = self.found.get(spec.id)
            if not read:
                continue
            moved = {
                c
                for c, (cell, chunk) in enumerate(zip(read, placed, strict=False))
                if cell.value is not None and str(cell.value) != chunk
            }
            if not moved:
                continue
            self.found[spec.id] = tuple(
                attrs.evolve(cell, value=None) if c in moved else cell for c, cell in enumerate(read)
            )
            self.notes.append(
                diag.make(
                    "glued-cells-ambiguous",
                    table=self.table.id,
                    row=spec.id,
                    line=self.observed[i].line,
                    digits=around.printed,
                    count=len(around.alternatives),
                    readings=", ".join("|".join(c or "" for c in r) for r in around.alternatives),
                )
            )

    def blank_cut_totals(self) -> None:
        """Totals a page's edge cut (see :func:`.page_edge.cut_totals`): one total that prints the
        first digits of its sum is sign enough where the text has lost rows or numbers
        already (a PDF's text), two where it has not."""
        printed = self._printed()
        lossy = (
            any(note.severity != "info" for note in self.notes)
            or self._numbers_left_over()
            or any(row not in self.found for row in printed.rows)
        )
        notes, self.cut_surely = cut_totals(self.table, self.found, printed, least=1 if lossy else 2)
        self.notes.extend(notes)

    def verify_order_only_rows(self) -> None:
        """Numbers tied to their row only by the order of the text — printed in no row of its
        label, placed by position, or joined from the lines after a row short of numbers — are
        kept only where the table's arithmetic does not speak against them. A PDF's text may
        print each row's numbers before its label rather than after it (pdfplumber,
        PDF-to-markdown tools): every such row then holds its neighbour's numbers, and numbers
        are left over with no row. Where numbers were left over, every row of this kind that the
        table's rules do not confirm (each rule it is in holds; a row the rules check in one
        printed form of the table, but not in the form read — a sub-row of （六）其他处理 read
        beside the one-row form — is not confirmed) is left blank, with
        ``row-values-unverified``; without leftovers, a rule that fails is the report's own
        arithmetic, not a sign of moved numbers. Rows held in place by the rows after them are
        exempt (see :meth:`_held_in_place`). A row whose label was printed around one of its
        values (see :mod:`.split_labels`) is always held to its rules: which column that value
        is, the text does not say."""
        read = self._rows_read()
        order_only = {row: i for row, i in read.items() if self._tied_by_order(i)}
        split = {row: i for row, i in read.items() if self.observed[i].split}
        lost_track = bool(order_only) and (self._numbers_left_over() or self._misfit_rows())
        if not lost_track and not split:
            return  # nothing says the text lost track of its rows: a failing rule is the report's
        outcomes = self._outcomes()
        suspect = {row for row in split if not self._confirmed(row, outcomes)}
        if lost_track:
            suspect |= self._unconfirmed(order_only.keys() - self._held_in_place(outcomes), outcomes)
        at = order_only | split
        for row in sorted(suspect, key=lambda r: at[r]):
            self._unverified(row, at[row])

    def _tied_by_order(self, i: int) -> bool:
        """Whether observed row ``i``'s numbers are tied to it only by the order of the text:
        placed by position, joined from the lines after it, or printed on no line of its label."""
        return i in self.by_position or i in self.joined or not self.observed[i].attached

    def _unconfirmed(self, rows: Collection[str], outcomes: dict[Check, Outcome]) -> set[str]:
        """Of ``rows``, those in a rule that fails, or that the rules do not confirm."""
        failing = _failing_rows(outcomes)
        return {row for row in rows if row in failing or not self._confirmed(row, outcomes)}

    def _held_in_place(self, outcomes: dict[Check, Outcome], fragments: Collection[int] = ()) -> set[str]:
        """Rows whose numbers are surely theirs and surely whole, though rules across the table
        fail and numbers were left over: a row whose own sum holds, with no loose numbers, no
        ``fragments`` and no overfull row beside it (where the pieces of its own numbers, cut by
        a narrow cell, or a moved row would stand), whose numbers follow its label surely (see
        :meth:`_in_order`). A total a cut number spoiled fails its row's sum, so that row is not
        held itself."""
        own = _own_sums_hold(outcomes) | dict.fromkeys(self.cut_surely, True)
        held: set[str] = set()
        for i in self._in_order(own, fragments):
            row = self.specs[self.matches[i]].id
            if (
                own.get(row)
                and not self._beside_loose(i, fragments)
                and not (self._overfull(i - 1) or self._overfull(i + 1))
            ):
                held.add(row)
        return held

    def _in_order(self, own: dict[str, bool], fragments: Collection[int]) -> set[int]:
        """The observed rows whose numbers follow their label surely. They do where they stand on
        its label's lines; or where they follow its label right before the next row of the
        template whose numbers follow its label surely: the next row's numbers being its own,
        the numbers between the two labels can be no one else's. The table's last row is such a
        row where its numbers add up and nothing after them in the table prints a number. A text
        that prints each row's numbers before its label has no row to start such a chain from
        the end: its last label prints no numbers after it. A row passes the chain on whatever
        its own numbers (the 总计 row of wrapped pieces), but not past loose numbers beside it.

        From the start the chain runs the other way: the table's first row, where no number
        stands before its label, has its numbers after it; and a row whose numbers follow its
        label, just as many as its cells and adding up, leaves none of the next row's before
        that row's label, so the next row's follow it too (see :meth:`_follows`). Not past a row
        whose numbers a pass moved, a run of several labels, or loose numbers beside it; not at
        all where loose numbers enough for a row stand in the table: such a text does not keep a
        row's numbers beside its label."""
        at = dict(self.matches)
        in_order: set[int] = set()
        for i, j in sorted(at.items(), reverse=True):
            if self.specs[j].id not in self.found or i in self.by_position:
                continue
            after, next_row = self._next_with_numbers(i), self._next_printed(j)
            following = at.get(after) == next_row and after in in_order
            last = next_row is None and own.get(self.specs[j].id) and not self._numbers_after(i)
            if self.observed[i].attached or ((following or last) and not self._beside_loose(i, fragments)):
                in_order.add(i)
        return in_order | self._in_order_from_the_start(fragments)

    def _in_order_from_the_start(self, fragments: Collection[int]) -> set[int]:
        """The rows in order by the chain from the table's start (see :meth:`_in_order`); none
        where numbers stand before the first label, or loose numbers enough for a row."""
        in_order: set[int] = set()
        rows = sorted(self.matches.items())
        if not rows or any(self._prints_numbers(n) for n in range(rows[0][0])):
            return in_order  # numbers before the first label: they may be its own
        if self._loose_numbers() >= max(len(spec.columns) for spec in self.specs):
            return in_order  # a text that lost track of its rows: a row's numbers may stand anywhere
        previous: tuple[int, int] | None = None  # the last row in order, with what its block holds
        for n, (i, j) in enumerate(rows):
            row = self.specs[j].id
            if row not in self.found or i in self.by_position or self._beside_loose(i, fragments):
                break
            if self.observed[i].values != self.printed[i].values:
                break  # numbers a pass took away as another row's, or brought in from elsewhere
            if len(self._rows_named(i)) > 1 or (n and not self._follows(previous, i, j)):
                break
            in_order.add(i)
            previous = (i, j)
        return in_order

    def _follows(self, previous: tuple[int, int] | None, i: int, j: int) -> bool:
        """Whether observed row ``i``, as template row ``j``, has its numbers after its label,
        given ``previous``, the row before it whose numbers follow its label: ``j`` is the
        template row after it, nothing but labels stands between them, and ``previous``'s
        numbers are just its own — as many as its cells and adding up, or fewer than its cells
        where row ``i``'s are as many as its own and add up (a row short of a number holds none
        of the next row's: they would have to be short too)."""
        if previous is None:
            return False
        k, m = previous
        if j != self._next_printed(m) or any(self._prints_numbers(n) for n in range(k + 1, i)):
            return False
        if self._whole(k, m, zeros=True):
            return True
        return len(self._values(k, m)) < len(self.specs[m].columns) and self._whole(i, j, zeros=True)

    def _whole(self, i: int, j: int, *, zeros: bool = False) -> bool:
        """Whether observed row ``i`` prints just as many counts as template row ``j``'s cells,
        adding up as the row (see :meth:`_adds_up_alone`; ``zeros``: a row of zeros too)."""
        values = self._values(i, j)
        return len(values) == len(self.specs[j].columns) and self._adds_up_alone(j, values, zeros=zeros)

    def _loose_numbers(self) -> int:
        """How many numbers stand in the table with no row (see :meth:`_loose`)."""
        return sum(
            sum(v.kind == "num" for v in self.observed[n].values)
            for n in range(len(self.observed))
            if self._loose(n)
        )

    def _beside_loose(self, i: int, fragments: Collection[int]) -> bool:
        """Whether loose numbers or ``fragments`` stand right before or after observed row ``i``."""
        return bool({i - 1, i + 1} & set(fragments)) or any(self._loose(k) for k in (i - 1, i + 1))

    def _numbers_after(self, i: int) -> bool:
        """Whether an observed row after ``i`` prints a number."""
        return any(self._prints_numbers(k) for k in range(i + 1, len(self.observed)))

    def _prints_numbers(self, i: int) -> bool:
        """Whether observed row ``i`` holds a number."""
        return any(v.kind == "num" for v in self.observed[i].values)

    def _next_with_numbers(self, i: int) -> int:
        """The observed row after ``i``, past rows found in no row that print no number (label
        text left over, a group label printed a letter a line whose 无 reads as a blank mark)."""
        k = i + 1
        while k < len(self.observed) and k not in self.matches and not self._prints_numbers(k):
            k += 1
        return k

    def _loose(self, i: int) -> bool:
        """Whether observed row ``i`` is numbers found in no row (none of a label, or a label
        naming no row)."""
        return 0 <= i < len(self.observed) and i not in self.matches and self._prints_numbers(i)

    def _overfull(self, i: int) -> bool:
        """Whether observed row ``i`` was found with more values than its cells, not all read
        as the pieces of its own wrapped numbers: some may be a neighbour's pieces."""
        if i not in self.matches:
            return False
        j = self.matches[i]
        spec = self.specs[j]
        read = self.found.get(spec.id, ())
        whole = bool(read) and all(cell.value is not None for cell in read)  # its own pieces joined
        return len(self._values(i, j)) > len(spec.columns) and not whole

    def _next_printed(self, j: int) -> int | None:
        """The template row printed after row ``j`` in the form the table was read in (past the
        sub-rows of （六）其他处理 where it is one row, or past that one row)."""
        skipped = self._not_in_gaps()
        return next((k for k in range(j + 1, len(self.specs)) if k not in skipped), None)

    def _confirmed(self, row: str, outcomes: dict[Check, Outcome]) -> bool:
        """Whether every rule about ``row`` holds; a row no rule checks is confirmed only where
        the table's rules check it in no printed form (table 二's rows)."""
        about = [o for c, o in outcomes.items() if row in c.rows]
        if not about:
            return row not in _checkable_rows(self.table)
        return all(o.status == "pass" for o in about)

    def verify_rows_near_cut_numbers(self) -> None:
        """A number too wide for its narrow cell wraps its last digits onto the next line (a
        PDF's text of a LibreOffice or Word table): the row then prints a cut number, and a line
        of a few numbers stands with no row. Where such fragments are left over — fewer numbers
        than a row has, with no label — every row in a rule of the table that does not hold is
        left blank, with ``row-values-cut``: its own sum, and the rules across rows too, as a
        row of numbers each cut by a digit can still add up (1227 + 1334 = 2561 from 12270 +
        13347 = 25617); so is a row whose total was left blank as cut, and a row next to a
        fragment whose sum cannot be checked for a blank cell (the blank may be where its
        number's digits went)."""
        width = max(len(spec.columns) for spec in self.specs)
        fragments = {i for i, n in self._left_over_counts() if n < width} | self._wrapped_label_lines(width)
        fragments |= self._rejected_by_position(width)
        if not fragments:
            return
        read = self._rows_read()
        outcomes = self._outcomes()
        own_sum = {c: o for c, o in outcomes.items() if len(c.rows) == 1}
        failing = _failing_rows(outcomes) - self._held_in_place(outcomes, fragments)
        failing |= {note.row for note in self.notes if note.code == "total-cut" and note.row}
        unchecked = {r for c, o in own_sum.items() if o.status == "unknown" for r in c.rows}
        near = {r for r, i in read.items() if fragments & {i - 1, i + 1}}
        for row in sorted((failing | (unchecked & near)) & read.keys(), key=lambda r: read[r]):
            self._unverified(row, read[row], code="row-values-cut")

    def verify_rows_beside_wrapped_numbers(self) -> None:
        """Where only a space or a line break sets the cells apart, a number too wide for its
        narrow cell may print as two pieces, and a blank cell leaves no mark (pypdf: ``1653 8192
        7 25 2019 1262 8`` for 1653, a blank, 8192, 7, 25, 2019 and 12628): a row can then print
        just as many numbers as it has cells, each counted into the wrong one, or digits that
        split only one way once pieces are taken for glued digits. So where the table shows
        numbers wrapped in its cells (a row read by joining pieces), a row whose own sum fails is
        left blank, with ``row-values-maybe-wrapped``: its numbers may have slid over a blank;
        so is a row whose digits the decoder split though its cells stand apart (see
        :meth:`_split_though_spaced`). Elsewhere a failing sum is the report's own arithmetic
        (a text browser's dump of a web page is spaced too, and never wraps a number; and small
        numbers join into a sum by chance too often to count as a sign)."""
        if not self._wraps_numbers:
            return
        read = self._rows_read()
        if not self._wrapping:
            read = {row: i for row, i in read.items() if self._split_though_spaced(row)}
        sums = _own_sums(self.table, self._printed())
        failing = [
            row for row in read if any(self._fails(check, terms, row) for check, terms in sums.get(row, ()))
        ]
        for row in sorted(failing, key=lambda r: read[r]):
            self._unverified(row, read[row], code="row-values-maybe-wrapped")

    def _split_though_spaced(self, row: str) -> bool:
        """Whether the decoder split ``row``'s digits though a space stands between all its
        cells but one or two (``权益5 0 0 5 0 10``, its label run into its first number): a
        blank cell leaves no mark, so the row may be short of a blank rather than have two
        cells run together."""
        glued = self.glued_rows.get(row)
        cells = len(self.table.row(row).columns)
        return glued is not None and any(cells - 2 <= len(chunks) < cells for chunks in glued.alternatives)

    def _fails(self, check: Check, terms: Terms | None, row: str) -> bool:
        """Whether a row's own sum fails on the row as read: by plain arithmetic where every
        cell it adds is read, else as the rules weigh it (a blank cell, a variant's cells)."""
        held = None if terms is None else sum_holds(terms, [c.value for c in self.found[row]])
        return evaluate(check, self._value).failed if held is None else not held

    @property
    def _wrapping(self) -> bool:
        """Whether a row of the table printed more numbers than cells, read as the pieces of
        numbers wrapped in their narrow cells."""
        return any(g.wrapped for g in self.glued_rows.values())

    def _rejected_by_position(self, width: int) -> set[int]:
        """Lines of numbers short of a row, with no label, that were placed by position and then
        left blank (their sums spoke against the row): numbers with no row after all, like any
        line of them left over."""
        return {
            i
            for i in self.by_position
            if not _has_value(self.found.get(self.specs[self.matches[i]].id, ()))
            and 0 < sum(v.kind == "num" for v in self.observed[i].values) < width
        }

    def _wrapped_label_lines(self, width: int) -> set[int]:
        """Lines of a few numbers, short of a row, standing beside the rest of a wrapped label
        (``公开申请数量 9 1 6 3`` under ``一、本年新收政府信息…``): the label names no row, and
        the line after a row that was found."""
        return {
            i
            for i in self.span
            if i not in self.matches
            and i - 1 in self.matches
            and self.folded[i]
            and not self._rows_named(i)
            and 0 < sum(v.kind == "num" for v in self.observed[i].values) < width
        }

    def _rows_read(self) -> dict[str, int]:
        """The rows read so far (row id -> the observed row read as it)."""
        return {self.specs[j].id: i for i, j in self.matches.items() if self.specs[j].id in self.found}

    def _outcomes(self) -> dict[Check, Outcome]:
        """Every check of the table's rules on the rows read so far."""
        return {check: evaluate(check, self._value) for check in checks_for(self.table.id, self._printed())}

    def place_by_reading_order(self) -> None:
        """Rows still blank, in a table whose text printed its numbers apart from its labels,
        are placed by the reading orders the table's arithmetic allows (:mod:`.solver`): only
        cells every allowed reading agrees on, and only where the rows read already agree with
        them. The notes that left those rows blank give way to one that says how they were
        read."""
        if all(any(c.value is not None for c in self.found.get(r, ())) for r in self._printed().rows):
            return
        first, segments, end = self._segments()
        if not segments:
            return
        known = {r: cells for r, cells in self.found.items() if any(c.value is not None for c in cells)}
        named = {self.specs[k].id for s in segments for k in s.rows}
        printed = PrintedTable.of(self.table, collapsed=bool(named & self.table.alternatives().keys()))
        kept = any(self._kept_whole(i, j) for i, j in self.aligned.items())
        solution = solver.solve(self.table, printed, first, segments, known, rows_kept=kept)
        if solution is None:
            return
        if solution.limit_hit:
            self.notes.append(
                diag.make(
                    "reading-order-limit",
                    table=self.table.id,
                    table_zh=self.table.name_zh,
                    limit=solver.STEP_LIMIT,
                )
            )
            return
        disputed = _disputed(solution, known)
        if any(not self._order_only(row) for row in disputed):
            self._blank_disputed(solution, disputed)
            return
        for row in disputed:  # read only by the order of the text, which the solution reads better
            del self.found[row]
        lead = len(self._lead_rows()) if solution.lead else 0
        self._accept(solution, segments[0].line, range(self.span.start - lead, end))

    def place_collapsed_blanks(self) -> None:
        """Rows short of numbers, in a text that prints nothing for a blank cell, read with
        their blanks where the sums down the table put them (:mod:`.blanks`) — every row its
        own printed numbers — where that reading leaves each row in a rule that holds and
        agrees with every row read already. The rows it fills lose the notes that left them
        blank, for one that says how they were read."""
        if not self._rows_short_of_numbers():
            return
        printed = {self.specs[j].id: self._values(i, j) for i, j in self.matches.items()}
        result = blanks.place_blanks(self.table, printed, checks_for(self.table.id, self._printed()))
        if result is None or self._disagrees(result[0]):
            return
        placed, short = result
        filled = {row for row, cells in placed.items() if _has_value(cells) and not self._read(row)}
        if not filled:
            return
        self.notes = [n for n in self.notes if not (n.code in _SUPERSEDED and n.row in filled)]
        self.found.update({row: placed[row] for row in filled})
        self.notes.append(
            diag.make(
                "blank-cells-placed",
                table=self.table.id,
                table_zh=self.table.name_zh,
                count=len(short & filled),
                rows=len(filled - short),
            )
        )

    def _rows_short_of_numbers(self) -> bool:
        """Whether some row the labels name prints fewer numbers than it has cells, and nothing
        else says the text lost its rows: no numbers left over, no row placed by position, no
        template row named twice."""
        if self.by_position or len(set(self.matches.values())) < len(self.matches):
            return False
        short = any(0 < len(self._values(i, j)) < len(self.specs[j].columns) for i, j in self.matches.items())
        return short and not self._numbers_left_over()

    def _read(self, row: str) -> bool:
        """Whether ``row`` was read with some value already."""
        return _has_value(self.found.get(row, ()))

    def _disagrees(self, placed: dict[str, tuple[Cell, ...]]) -> bool:
        """Whether a row read already has a value the placement gives otherwise."""
        return any(
            a.value is not None and a.value != b.value
            for row, read in self.found.items()
            for a, b in zip(read, placed.get(row, read), strict=False)
        )

    def _kept_whole(self, i: int, j: int) -> bool:
        """Whether printed row ``i`` holds template row ``j`` whole: its label and just its
        numbers on one line, the way a text that keeps rows prints them."""
        row = self.printed[i]
        return row.attached and len(solver.values_of(row.values)) == len(self.specs[j].columns)

    def _order_only(self, row: str) -> bool:
        """Whether a row read already got its numbers by the order of the text alone: placed by
        position, or printed in no row of its label."""
        j = self.table.index(row)
        return any(
            j == k and (i in self.by_position or not self.observed[i].attached)
            for i, k in self.matches.items()
        )

    def _blank_disputed(self, solution: solver.Solution, disputed: set[str]) -> None:
        """Rows whose numbers stand with their labels, against the one reading of the rest of
        the table the arithmetic allows: two readings, so the cells they disagree on are blank."""
        for row in sorted(disputed, key=self.table.index):
            printed, placed = self.found[row], solution.cells[row]
            self.found[row] = tuple(
                a if a.value == b.value else Cell(None, a.line, a.column)
                for a, b in zip(printed, placed, strict=True)
            )
            self._readings_differ(row, [solver.show(cells) for cells in (printed, placed)])

    def _accept(self, solution: solver.Solution, line: int, observed: range) -> None:
        """Fill the rows read blank from the solution, and say so in place of the notes that
        left them blank."""
        filled = self._fill(solution)
        if not filled:
            return
        self.notes = [n for n in self.notes if not (n.code in _SUPERSEDED and n.row in filled)]
        self.solved.update(observed)
        self.notes.append(
            diag.make(
                "cells-by-reading-order",
                table=self.table.id,
                table_zh=self.table.name_zh,
                line=line,
                count=len(filled),
                readings="; ".join(solution.readings),
            )
        )
        for row in sorted(filled & solution.differing.keys(), key=self.table.index):
            self._readings_differ(row, solution.differing[row])

    def _readings_differ(self, row: str, readings: Sequence[str]) -> None:
        """Note that the readings of ``row`` (each shown as its cells) disagree."""
        self.notes.append(
            diag.make(
                "cells-readings-differ",
                table=self.table.id,
                row=row,
                label=_plain(self.table.row(row).label),
                readings=" | ".join(readings),
            )
        )

    def _segments(self) -> tuple[tuple[Item, ...], list[solver.Segment], int]:
        """The table's label runs that name rows, each with the values printed after it, from
        the first matched row on, past the last one over rows of numbers alone and label runs
        (a label printed after its numbers); the values printed just before the first run; and
        where the runs end."""
        printed = self.printed
        end = self.span.stop
        while end < len(printed) and (not self.folded[end] or self._rows_named(end)):
            end += 1
        segments: list[solver.Segment] = []
        first: tuple[Item, ...] = ()
        for before in self._lead_rows():
            first = printed[before].values + first
        for i in range(self.span.start, end):
            obs = printed[i]
            named = self._rows_named(i)
            if named:
                order = self.labels.in_printed_order(obs.label, self.folded[i], named)
                segments.append(solver.Segment(tuple(named), obs.values, obs.line, tuple(order)))
            elif segments:
                last = segments[-1]
                segments[-1] = last._replace(values=last.values + obs.values)
        return first, segments, end

    def _lead_rows(self) -> list[int]:
        """The observed rows just before the first row found that may print its numbers before
        its label (nearest first): lines of numbers alone, and the line before them, where it
        names no row (the column header the first number ran into)."""
        lead = []
        for i in range(self.span.start - 1, -1, -1):
            if self._rows_named(i):
                break
            lead.append(i)
            if self.folded[i]:
                break
        return lead

    def _rows_named(self, i: int) -> list[int]:
        """The template rows observed row ``i``'s label run names: every label printed in it,
        and the row alignment matched it with, unless by a bare keyword (其他 ends a run of
        column headers too)."""
        if i >= len(self.printed) or not self.folded[i]:
            return []
        known = self._named.get(i)
        if known is None:
            known = self._named[i] = self._rows_named_now(i)
        return known

    def _rows_named_now(self, i: int) -> list[int]:
        named = set(self.labels.rows_printed_in(self.printed[i].label, self.folded[i]))
        if i in self.aligned and self.labels.named_by_words(self.folded[i], self.aligned[i]):
            named.add(self.aligned[i])
        alternatives = self.table.alternatives()
        return sorted(k for k in named if self.specs[k].id not in alternatives or not self._subrows() & named)

    def _fill(self, solution: solver.Solution) -> set[str]:
        """Put the solution's cells into the rows read blank; the rows given a value."""
        filled = set()
        for row, placed in solution.cells.items():
            current = self.found.get(row)
            if current is not None and any(c.value is not None for c in current):
                continue
            if any(c.value is not None for c in placed):
                self.found[row] = placed
                filled.add(row)
        return filled

    def _printed(self) -> PrintedTable:
        collapsed = any(r in self.found for r in self.table.alternatives())
        return PrintedTable.of(self.table, collapsed=collapsed)

    def _misfit_rows(self) -> bool:
        """Whether a row found by its label prints more or fewer values than it has cells
        (digits run together aside): the text may have moved numbers between rows, so the
        order of the text alone proves nothing."""
        for i, j in self.matches.items():
            if i in self.by_position:
                continue
            expected = len(self.specs[j].columns)
            values = self._values(i, j)
            if len(values) != expected and not ran_together(values, expected):
                return True
        return False

    def _numbers_left_over(self) -> bool:
        """Whether numbers with no label stand between the first and last row found, unplaced,
        or after the table's header, before its first row."""
        return bool(self._left_over_counts())

    def _left_over_counts(self) -> list[tuple[int, int]]:
        """The lines of numbers with no label and no row, from the line after the table's header
        to the last row found: (observed row, how many numbers it holds)."""
        rows = [i for i in self.span if i not in self.matches and not self.folded[i]]
        lead = self._lead()
        return [
            (i, n)
            for i in ([lead] if lead is not None else []) + rows
            if (n := sum(v.kind == "num" for v in self.observed[i].values))
        ]

    def _lead(self) -> int | None:
        """The observed row just before the first row found, when it names no row and prints
        numbers: a row's numbers printed before its label, after the column headers — not a
        sentence's last number, which a unit and a sentence mark follow."""
        i = self.span.start - 1
        if i < 0 or i in self.solved or self._rows_named(i):
            return None
        if _PROSE_AFTER.match(self.printed[i + 1].label.lstrip()):
            return None
        return i if any(v.kind == "num" for v in self.observed[i].values) else None

    def _unverified(self, row: str, i: int, code: str = "row-values-unverified") -> None:
        cells = self.found[row]
        self.notes.append(
            diag.make(
                code,
                table=self.table.id,
                row=row,
                line=self.observed[i].line,
                label=_plain(self.table.row(row).label),
                values=" ".join("□" if c.value is None else str(c.value) for c in cells),
            )
        )
        self.found[row] = blank_cells(len(cells), self.observed[i].line)

    def _value(self, key: tuple[str, str, str]) -> Value:
        _, row, column = key
        cells = self.found.get(row)
        if cells is None:
            return None
        spec = self.table.row(row)
        return cells[spec.columns.index(column)].value if column in spec.columns else None

    def report_leftovers(self) -> None:
        """What the table printed between its first and last matched row and nothing placed:
        numbers without a row, and rows whose label names no row of the template. A row with
        only empty cells is a header line padded by merged cells, not data."""
        lead = self._lead()
        if lead is not None:
            obs = self.observed[lead]
            self.notes.append(
                diag.make("unplaced-values", table=self.table.id, line=obs.line, values=describe(obs.values))
            )
        for i in self.span:
            if i in self.matches or i in self.solved:
                continue
            obs = self.observed[i]
            if not self.folded[i] and any(v.kind == "num" for v in obs.values):
                self.notes.append(
                    diag.make(
                        "unplaced-values", table=self.table.id, line=obs.line, values=describe(obs.values)
                    )
                )
            if self.folded[i] and any(v.kind != "empty" for v in obs.values):
                self.notes.append(
                    diag.make(
                        "unknown-row",
                        table=self.table.id,
                        line=obs.line,
                        label=obs.label.strip(),
                        values=describe(obs.values),
                    )
                )

    def report_missing_rows(self) -> None:
        """Template rows nothing was read for. A format-2021 table prints （六）其他处理 as three
        sub-rows, or as one row in some reports: whichever form is printed, the other is not
        missing (the grammar says which rows are such alternatives)."""
        alternatives = self.table.alternatives()
        collapsed = self._collapsed()
        not_printed = {r for one_row in collapsed for r in alternatives[one_row]}
        for one_row in self._one_row_read_blank():
            not_printed |= set(alternatives[one_row])
            self._missing(one_row)
        for spec in self.specs:
            if spec.id not in self.found and spec.id not in alternatives and spec.id not in not_printed:
                self._missing(spec.id)
        for one_row in collapsed:
            self.notes.append(diag.make("other-processing-single-row", table=self.table.id, row=one_row))

    def _collapsed(self) -> list[str]:
        """The one-row alternatives read (（六）其他处理 printed as one row). One left blank for a
        reason proves nothing: its numbers may be its sub-rows'."""
        unsure = {n.row for n in self.notes if n.severity != "info"}
        return [
            one_row
            for one_row in self.table.alternatives()
            if one_row in self.found
            and (one_row not in unsure or any(c.value is not None for c in self.found[one_row]))
        ]

    def _one_row_read_blank(self) -> list[str]:
        """The one-row alternatives whose label is printed, and none of their sub-rows', but
        that nothing was read for."""
        pending = {
            one_row: members
            for one_row, members in self.table.alternatives().items()
            if one_row not in self.found and not self.found.keys() & set(members)
        }
        if not pending:
            return []  # each printed in one form or the other
        labelled = {self.specs[k].id for i in range(len(self.printed)) for k in self._rows_named(i)}
        return [
            one_row
            for one_row, members in pending.items()
            if one_row in labelled and not labelled & set(members)
        ]

    def _missing(self, row: str) -> None:
        self.notes.append(
            diag.make("missing-row", table=self.table.id, row=row, label=_plain(self.table.row(row).label))
        )

    # --- helpers of the passes --------------------------------------------------------------

    def grid_of(self, spec: RowSpec) -> str | None:
        """The grid a row's columns run through: its own sub-table where the table is made of
        sub-tables of different widths (table 二), else the whole table (table 三)."""
        return spec.group if self.pad_right else None

    def _subrows(self) -> set[int]:
        """The rows a one-row alternative stands for (the three sub-rows of （六）其他处理)."""
        members = {r for rows in self.table.alternatives().values() for r in rows}
        return {k for k, spec in enumerate(self.specs) if spec.id in members}

    def _one_row(self) -> set[int]:
        """The one-row alternatives (（六）其他处理 as one row)."""
        return {k for k, spec in enumerate(self.specs) if spec.id in self.table.alternatives()}

    def _not_in_gaps(self) -> set[int]:
        """Template rows a gap never holds: the three sub-rows of （六） when it is printed as one
        row (its label is matched, or among the buried ones), else the one-row （六）其他处理."""
        if self._one_row() & (self.buried.keys() | set(self.matches.values())):
            return self._subrows()
        return self._one_row()

    def _values(self, i: int, j: int) -> Sequence[Item]:
        """Observed row ``i``'s values as template row ``j``, merged-cell shadows trimmed. Where
        numbers share a grid cell anywhere in the table, the grid's columns are not the table's:
        empty cells are dropped, and the row must print all its numbers. Where the trimmed
        cells are not surely the row's (see :meth:`_trimmed_holds`), the values as printed,
        whose count then leaves the row blank. Worked out once per row until a pass changes it.
        It fills cached properties (:attr:`_columns_lost` and others) from the rows as they
        stand: a pass that runs before the rows are placed counts their printed values instead."""
        row = self.observed[i]
        known = self._values_of.get((i, j))
        if known is not None and known[0] is row:
            return known[1]
        values = self._values_uncached(i, j)
        self._values_of[(i, j)] = (row, values)
        return values

    def _values_uncached(self, i: int, j: int) -> Sequence[Item]:
        printed = self.observed[i].values
        expected = len(self.specs[j].columns)
        if len(printed) == expected and all(v.kind != "empty" for v in printed):
            return printed  # a value in every cell, nothing to trim: every header row agrees
        values = self._without_remark(without_fillers(printed, expected), expected)
        if self._columns_lost:
            return tuple(v for v in values if v.kind != "empty")
        if len(values) < expected and self._headers_share_a_cell(i, j):
            return values  # the grid lost a column: a short row is not padded, nor read
        kept = trim(self._without_leading_shadows(i, values, expected), expected, self.pad_right)
        under = self._under_headers(i, j)
        if under is not None and all(v.kind != "empty" for v in under):
            return under  # a value under every header, and none elsewhere
        if len(kept) != expected and (beside := self._beside_headers(i, j)) is not None:
            return beside  # a value for every header, one way only: the empty cells are shadows
        if len(kept) != expected and under is None and (printed := _printed_only(values, expected)):
            return printed
        return kept if self._trimmed_holds(i, j, len(values), kept, under) else values

    def _without_leading_shadows(self, i: int, values: Sequence[Item], expected: int) -> Sequence[Item]:
        """Row ``i``'s values without the empty cells before them that stand in columns where no
        row of its grid prints a value (a merged label's shadow column), while it has more cells
        than ``expected``: then the row's blank cells are those at its end, where a markdown or
        pipe table pads it."""
        start = 0
        while (
            len(values) - start > expected
            and values[start].kind == "empty"
            and self._shadow_column(i, values[start])
        ):
            start += 1
        return values[start:]

    def _trimmed_holds(
        self, i: int, j: int, printed: int, kept: Sequence[Item], under: Sequence[Item] | None
    ) -> bool:
        """Whether row ``i``'s ``printed`` cells trimmed to ``kept`` are surely its cells: not
        where the empty cell kept is a shadow column's (the row is a value short), nor where the
        table shows shadows inside rows (which empty is the blank, the text cannot say), nor
        where the header row above places the values otherwise, nor where a value stands
        between two headers' columns and may be either's."""
        trimmed = len(kept) < printed
        if trimmed and self._shadow_at_edge(i, kept) and self._header_columns_above(i, j) is None:
            return False
        if trimmed and any(v.kind == "empty" for v in kept) and self._shadows_inside():
            return False
        if under is not None:
            return [(v.kind, v.text) for v in under] == [(v.kind, v.text) for v in kept]
        return self._beside_headers_agree(i, j, kept)

    def _shadow_at_edge(self, i: int, kept: Sequence[Item]) -> bool:
        """Whether the first or last of row ``i``'s trimmed cells is empty in a grid column where
        no row of its grid prints a value: a merged cell's shadow, not a blank of the row (a
        PDF-to-markdown tool's grid, where a collapsed blank left the row a value short, and
        its headers are too broken to place the values)."""
        return any(
            v.kind == "empty" and self._shadow_column(i, v) for v in ((kept[0], kept[-1]) if kept else ())
        )

    def _shadow_column(self, i: int, value: Item) -> bool:
        """Whether ``value`` of observed row ``i`` stands in a grid column where no printed row
        of its grid holds a value."""
        values = self.observed[i].values
        return value.col >= 0 and value.col not in self._value_columns.get(values[-1].col, ())

    def _headers_share_a_cell(self, i: int, j: int) -> bool:
        """Whether a header row above row ``i`` (or in its own label run) prints two of template
        row ``j``'s column headers in one cell (``本年制发件数本年废止件数``): the grid has fewer
        columns than the table (a PDF table drawn without lines, whose blank column nothing
        lines up), so a row short of values cannot say which of those columns it leaves blank."""
        headers = self.specs[j].headers
        found = self._merged_headers_at.get(headers)
        if found is None:
            folded = [fold(h) for h in headers if h]
            found = self._merged_headers_at[headers] = [
                k
                for k, row in enumerate(self.printed)
                if len(folded) >= 2
                and any(sum(h in fold(text) for h in folded) >= 2 for text, _ in row.texts)
            ]
        return any(k <= i for k in found)

    def _header_columns_above(self, i: int, j: int) -> list[int] | None:
        """The grid columns of template row ``j``'s headers in the nearest header row above
        row ``i`` that names each in a column of its own; None where there is none. A header
        row printed without values is part of the next row's label run: it stands above that
        row too, where the run ends with the row's label (not with headers after it). None too
        where the header row is offset from the rows under it: a row of the same headers
        before the next such header row prints values no reading places under or beside them
        (a PDF-to-markdown tool printed the header in one table and the rows in another, whose
        columns are not the header's)."""
        headers = self.specs[j].headers
        rows = self._header_rows(headers)
        above = [n for n, (k, _) in enumerate(rows) if k < i or (k == i and not self._headers_after_label(i))]
        if not above:
            return None
        k, columns = rows[above[-1]]
        end = rows[above[-1] + 1][0] if above[-1] + 1 < len(rows) else len(self.printed)
        for m in range(k, end):
            if m not in self.aligned or self.specs[self.aligned[m]].headers != headers:
                continue
            values = [v for v in self.printed[m].values if v.kind != "empty"]
            if values and any(v.col not in columns for v in values) and not _readings_beside(columns, values):
                return None
        return columns

    @functools.cached_property
    def _value_columns(self) -> dict[int, frozenset[int]]:
        """The grid columns in which some printed row of a grid holds a value, by the grid
        column of the rows' last cell: the rows of one markdown or pipe table end in the same
        column (it pads them to a rectangle); another table of the text, a sub-table of table
        二 printed apart, has columns of its own."""
        found: dict[int, set[int]] = {}
        for row in self.printed:
            if row.values:
                cols = found.setdefault(row.values[-1].col, set())
                cols.update(v.col for v in row.values if v.kind in ("num", "null"))
        return {last: frozenset(cols) for last, cols in found.items()}

    def _beside_headers_agree(self, i: int, j: int, kept: Sequence[Item]) -> bool:
        """Whether the nearest header row above row ``i`` allows ``kept`` as the only reading,
        where some value stands in a grid column no header names (a PDF-to-markdown tool's
        grid doubles columns, and its empty header cells are the other halves of merged ones):
        each such value belongs to the header just left of it or just right of it, each header
        takes one value, in order. True where no header row places the row's values, and
        where the header row cannot place them (a row shifted by a lost cell: the header row
        is offset from it, and proves nothing)."""
        readings = self._readings_by_headers(i, j)
        if not readings:
            return True  # nothing to place, or no way to: the header row is offset from the row
        shown = [[(v.kind, v.text) if v is not None else ("empty", "") for v in r] for r in readings]
        return len(shown) == 1 and shown[0] == [(v.kind, v.text) for v in kept]

    def _beside_headers(self, i: int, j: int) -> list[Item] | None:
        """Observed row ``i``'s values as the nearest header row above it places them where
        some stand beside a header rather than under one: the one reading that gives every
        header a value (a web page's merged header and value cells offset from each other, as
        a markdown table pads them: ``| 本年增/减 | |`` over ``| 0 | | 0 |``); None otherwise."""
        readings = self._readings_by_headers(i, j)
        if len(readings) != 1 or any(v is None for v in readings[0]):
            return None
        return [v for v in readings[0] if v is not None]

    def _readings_by_headers(self, i: int, j: int) -> list[list[Item | None]]:
        """The ways the nearest header row above row ``i`` places its printed values under or
        beside template row ``j``'s headers (see :func:`_readings_beside`); none where no
        header row names them."""
        columns = self._header_columns_above(i, j)
        if columns is None:
            return []
        return _readings_beside(columns, [v for v in self.observed[i].values if v.kind != "empty"])

    def _under_headers(self, i: int, j: int) -> list[Item] | None:
        """Observed row ``i``'s values as the nearest header row above it places them: the
        value under each of template row ``j``'s column headers (empty where none stands there).
        None where no header row names those columns, in distinct grid columns, or a value
        stands under no header (the header row is offset from the values: it proves nothing)."""
        columns = self._header_columns_above(i, j)
        if columns is None:
            return None
        values = self.observed[i].values
        placed = {v.col: v for v in values if v.kind != "empty"}
        if len(placed) != sum(v.kind != "empty" for v in values) or not set(placed) <= set(columns):
            return None
        return [placed.get(c, Item("empty", "", values[0].line if values else 0)) for c in columns]

    def _header_rows(self, headers: tuple[str, ...]) -> list[tuple[int, list[int]]]:
        """The printed rows that name all of ``headers`` in columns of their own, with those
        columns, in order (found once per set of headers)."""
        found = self._headers_at.get(headers)
        if found is None:
            folded = [fold(h) for h in headers]
            found = []
            if len(folded) >= 2 and all(folded):
                for k, row in enumerate(self.printed):
                    if row.texts and (columns := _header_columns(row.texts, folded)) is not None:
                        found.append((k, columns))
            self._headers_at[headers] = found
        return found

    def _without_remark(self, values: Sequence[Item], expected: int) -> Sequence[Item]:
        """A row's values without its remark (备注: empty, or 无) where the table adds a remark
        column and the row has more cells than the template gives it."""
        if len(values) > expected and values[-1].kind != "num" and self._remark_column:
            return values[:-1]
        return values

    @functools.cached_property
    def _remark_column(self) -> bool:
        """Whether the table's header ends with a remark column (备注, 说明) after the template's
        columns: each row's last cell is then its remark, no value of the template."""
        return any(fold(text) in _REMARK_HEADERS for row in self.printed for text, _ in row.texts)

    @functools.cached_property
    def _columns_lost(self) -> bool:
        """Whether the grid's columns are not the table's (a PDF-to-markdown tool's table), so
        no empty cell of any row is a printed blank, and every row must print all its numbers:
        numbers share a grid cell in a row of the table, or its rows disagree on their count
        of cells (see :meth:`_counts_disagree`)."""
        return any(v.shared for i in self.aligned for v in self.observed[i].values) or self._counts_disagree()

    def _counts_disagree(self) -> bool:
        """Whether the table's rows of several cells print, empty cells counted, more cells
        than their template rows in some rows and fewer in others, and such rows outnumber
        the rows that print just as many: a grid whose labels stand in varying columns (a PDF
        whose table the page cut, turned into markdown), where a row that happens to count
        right places its values by the column its label stands in, not by the table's. (A
        row of merged-cell shadows prints more cells than its template row; only where other
        rows print fewer does that say the columns are not the table's.)"""
        fit = over = short = 0
        for i, j in self.aligned.items():
            expected = len(self.specs[j].columns)
            values = self.observed[i].values
            if expected < 2 or not values:
                continue
            count = len(values)
            fit += count == expected
            over += count > expected
            short += count < expected
        return over > 0 and short > 0 and over + short > fit

    def _shadows_inside(self) -> bool:
        """Whether a row of the table prints more cells than its template row has, with empty
        ones between its values: the grid doubles the table's columns (a PDF-to-markdown
        tool's table), so an empty cell inside a row may be a shadow as well as a blank."""
        for i, j in self.aligned.items():
            run = strip_empty(self.observed[i].values)
            if len(run) > len(self.specs[j].columns) and _blank_inside(run):
                return True
        return False

    def _place_by_position(self, chunk: Sequence[Item], row: int) -> None:
        """Read ``chunk`` as template row ``row``: a new observed row, placed by position."""
        self.observed.append(ObservedRow("", tuple(chunk), chunk[0].line))
        self.folded.append("")
        self.matches[len(self.observed) - 1] = row
        self.by_position.add(len(self.observed) - 1)

    def _labels_waiting_in(self, i: int, j: int) -> list[int]:
        """The rows whose numbers observed row ``i - 1`` may hold, printed before their labels
        in ``i``'s run: all the rows just before ``j`` (its matched row), buried in that run, in
        a grid with no short row, and no row of the table before them short either (plain
        ``pdftotext`` printed 行政强制's last number in the next part, before 行政事业性收费's).
        The run must begin with those labels: a group header before them (第二十条第（五）项)
        means the numbers before it are another group's. Empty when there are none."""
        named = self._buried_just_before(i, j)
        if not named or i == 0 or i - 1 in self.matches:
            return []
        if min(self.first_short.values(), default=named[0]) < named[0]:
            return []  # a row above is short: its missing numbers may stand here (see below)
        return named if self.labels.starts_with_label_of(self.folded[i], named[0]) else []

    def _buried_just_before(self, i: int, j: int) -> list[int]:
        """The rows buried in observed row ``i``'s run that are all the rows just before ``j``
        (its matched row) in table order, in grids with no short row; else none."""
        named = sorted(k for k, at in self.buried.items() if at == i and k < j)
        if not named or named != [k for k in range(named[0], j) if k not in self.skip]:
            return []
        if {self.grid_of(self.specs[k]) for k in named} & self.first_short.keys():
            return []
        return named

    def _labels_after_their_numbers(self) -> list[tuple[int, list[int]]]:
        """Label runs that are nothing but labels of rows found nowhere else, with no numbers,
        just after a line that names no row — their group's heading and column header
        (``第二十条第（八）项 信息内容 本年收费金额（单位：万元） 7730.28`` then ``行政事业性收费``:
        plain ``pdftotext`` prints a group's numbers before its labels) — where every row of
        the table before them was found and read with all its numbers, so no earlier row's
        numbers can have moved there: (the run, its rows in template order)."""
        found = []
        for i in range(1, len(self.observed)):
            if i in self.matches or i - 1 in self.matches or self.observed[i].values:
                continue
            named = sorted(k for k, at in self.buried.items() if at == i)
            if not named or named != [k for k in range(named[0], named[-1] + 1) if k not in self.skip]:
                continue
            if any(at == i - 1 for at in self.buried.values()):
                continue
            rest = self.folded[i]
            for k in named:
                rest = self.labels.without_label_of(rest, k)
            earlier = {b: a for a, b in self.matches.items() if b < named[0]}
            if rest or sorted(earlier) != list(range(named[0])):
                continue  # a row before them is not found: its numbers may be these
            if all(len(self._values(a, b)) == len(self.specs[b].columns) for b, a in earlier.items()):
                found.append((i, named))
        return found

    def _placeable(self, gap: Sequence[int]) -> bool:
        """Whether the template rows of a gap may be filled by position: none of their labels is
        printed elsewhere, and none of their grids has a short row."""
        return not self.buried.keys() & set(gap) and not self.first_short.keys() & {
            self.grid_of(self.specs[j]) for j in gap
        }

    def _rows_carried_by(self, i: int, j: int, taken: set[int]) -> list[int]:
        """The template rows after ``j`` whose values observed row ``i`` carries after its own:
        as many rows as its values fill, all of ``j``'s width, none ``taken`` nor found later
        in the table. Empty when it carries none, or when labels of rows before ``j`` stand in
        its run (a PDF's text printing a page's labels, then its numbers)."""
        width = len(self.specs[j].columns)
        values = self.observed[i].values
        if len(values) <= width or len(values) % width or any(v.kind == "empty" for v in values):
            return []  # only printed values are carried: an empty cell is a merged-cell shadow
        if any(k < j and at == i for k, at in self.buried.items()):
            return []  # labels before its own in the run: the values may be theirs
        if self.grid_of(self.specs[j]) in self.first_short:
            return []
        rows = len(values) // width
        gap = [k for k in range(j + 1, len(self.specs)) if k not in self.skip][: rows - 1]
        if len(gap) != rows - 1 or any(k in taken or len(self.specs[k].columns) != width for k in gap):
            return []
        if self._unchecked_after_a_short_group(j, gap):
            return []
        later = [m for m in self.matches.values() if m > j]
        if later and min(later) <= gap[-1]:
            return []
        return gap

    def _unchecked_after_a_short_group(self, j: int, rows: Sequence[int]) -> bool:
        """Whether an earlier group than template row ``j``'s lacks numbers (see
        :meth:`_short_group`) and no sum of the table will check some of ``rows``: numbers
        placed in them by order alone may be that group's (plain pdftotext printed 规章's
        lost 43 after 行政处罚's number, before 行政强制's)."""
        checked = _checkable_rows(self.table)
        if all(self.specs[k].id in checked for k in rows):
            return False
        short = self._short_group()
        return short is not None and short < j

    def _read_row(self, i: int, j: int, run_together: bool) -> None:
        """Read observed row ``i`` as template row ``j``."""
        spec = self.specs[j]
        obs = self.observed[i]
        expected = len(spec.columns)
        if i in self.wrapped_around:  # its wrapped numbers stand above and below it
            self.glued_rows[spec.id] = self.wrapped_around[i]
            self.found[spec.id] = blank_cells(expected, obs.line)
            return
        values = self._values(i, j)
        self._note_how_placed(i, j)
        moved = self._moved_values(i, j)
        if moved is not None:
            code, other = moved
            if code == "row-values-after-stray-numbers":
                self._note_row(code, i, j, values, before=describe(self._stray_numbers_before(i)))
            else:
                self._note_row(code, i, j, values, other=_plain(self.specs[other].label))
            self.found[spec.id] = blank_cells(expected, obs.line)
            return
        signed = self._with_signs_apart(i, j, values)
        if signed is None:
            self._note_row("sign-apart-ambiguous", i, j, values)
            self.found[spec.id] = blank_cells(expected, obs.line)
            return
        values = signed
        if len(values) == expected and not any(v.glued or too_long(v) for v in values if v.kind == "num"):
            self.found[spec.id] = self._counted_cells(spec, values)
            return
        self._glued_or_miscounted(i, j, values, run_together)
        self.found[spec.id] = blank_cells(expected, obs.line)

    def _with_signs_apart(self, i: int, j: int, values: Sequence[Item]) -> Sequence[Item] | None:
        """Row ``i``'s values as template row ``j`` where a sign stands alone on its line before
        a number (see :func:`.items._mark_signs_apart`): as a blank cell and a number, or as
        the number's sign — the reading whose count is the row's. None when both are."""
        if not any(v.sign_apart and v.kind == "null" for v in values):
            return values
        expected = len(self.specs[j].columns)
        joined = trim(_signs_joined(self.observed[i].values), expected, self.pad_right)
        if len(joined) != expected:
            return values
        return None if len(values) == expected else joined

    def _note_how_placed(self, i: int, j: int) -> None:
        """Say so when a row was placed by position, or by a label that does not name it
        exactly."""
        spec = self.specs[j]
        obs = self.observed[i]
        if i in self.by_position:
            self.notes.append(
                diag.make(
                    "row-by-position",
                    table=self.table.id,
                    row=spec.id,
                    line=obs.line,
                    label=_plain(spec.label),
                )
            )
        elif self.labels.score(self.folded[i], j, exact_only=True) < 1.0:
            self.notes.append(
                diag.make(
                    "label-repaired",
                    table=self.table.id,
                    row=spec.id,
                    line=obs.line,
                    printed=obs.label.strip() or "—",
                    label=_plain(spec.label),
                )
            )

    def _moved_values(self, i: int, j: int) -> tuple[str, int] | None:
        """Why row ``i``'s numbers may be another row's, as (diagnostic code, that row); None
        when they are its own.

        Numbers not in their label's printed row belong to it only by the order of the text.
        That order is not to be trusted beside a row whose numbers went missing (see
        :meth:`_beside_a_row_without_numbers`). Column headers printed after the label
        (``行政强制`` then ``处理决定数量 163``) share the numbers' printed row, not the label:
        that is no tie. Nor is the order after such headers when the numbers stand in a printed
        row of their own (``规章`` ``本年废止件数`` ``现行有效件数`` then ``2`` ``0`` ``1``) and
        another row of the grid is printed with no numbers of its own: the text printed the
        header row around the label, so it does not print the table row by row, and the blank
        cells it left out let the other row's numbers make up this row's count."""
        if i in self.by_position:
            return None
        headers_after = self._headers_after_label(i)
        # values joined from the lines after a row are tied to it only by the order of the text,
        # where no sum of the row checks them
        unchecked = i in self.joined and self.specs[j].id not in _checkable_rows(self.table)
        tied = self.observed[i].tied and not unchecked
        if tied and not headers_after:
            if not self._on_the_labels_line(i):
                return self._before_a_later_label(i, j)
            moved_from = self.first_short.get(self.grid_of(self.specs[j]), j)
            if moved_from < j and self._partly_off_the_labels_line(i):
                return "row-values-moved", moved_from  # its first numbers its own, the rest may not be
            return None
        if headers_after and not tied:
            grid = self.grid_of(self.specs[j])
            unnumbered = [k for k in self.buried if k != j and self.grid_of(self.specs[k]) == grid]
            if unnumbered:
                return "row-values-out-of-order", min(unnumbered)
            if (other := self._row_of_headers_after(i, j)) is not None:
                return "row-values-under-other-headers", other
        return self._beside_a_row_without_numbers(i, j)

    def _before_a_later_label(self, i: int, j: int) -> tuple[str, int] | None:
        """``row-values-before-label`` with the later row of template row ``j``'s grid whose
        label, with no numbers of its own or fewer than its cells, is printed just after observed
        row ``i``'s numbers (``规章`` ``60512`` ``8781`` ``3811`` then ``规范性文件`` … ``9``: 3811
        may be 规范性文件's; plain pdftotext printed ``行政许可`` ``520`` ``58`` ``219``, its last two
        columns swapped, before ``其他对外管理服务事项 185`` ``21344``); None where there is none,
        and where row ``i`` prints just as many numbers as its cells, adding up as the row (see
        :meth:`_adds_up_alone`): the later row's number would make one too many."""
        if self._whole(i, j):
            return None
        grid = self.grid_of(self.specs[j])
        # the next label run: lines of numbers joined to this row (see join_wrapped_rows) are its own
        n = next((n for n in range(i + 1, len(self.observed)) if self.folded[n] or n in self.matches), -1)
        after = [
            k for k, at in self.buried.items() if k > j and at == n and self.grid_of(self.specs[k]) == grid
        ]
        k = self.matches.get(n)
        if k is not None and k > j and self.grid_of(self.specs[k]) == grid and self._short_of_cells(n, k):
            after.append(k)
        return ("row-values-before-label", min(after)) if after else None

    def _short_of_cells(self, i: int, k: int) -> bool:
        """Whether observed row ``i``, read as template row ``k``, prints fewer cells than the
        row has (numbers, blank marks and empty cells alike: a row that prints its blank cells is
        whole): the rest may stand before its label, wherever its own stand."""
        return len(self.observed[i].values) < len(self.specs[k].columns)

    def _on_the_labels_line(self, i: int) -> bool:
        """Whether a value of observed row ``i`` stands on the line its label ends on (not only
        in the same block of lines, as plain ``pdftotext`` prints a cell's lines together)."""
        return any(v.line == self.observed[i].line for v in self.observed[i].values)

    def _partly_off_the_labels_line(self, i: int) -> bool:
        """Whether some of observed row ``i``'s values stand on its label's line and others on
        lines after it (plain ``pdftotext``: ``行政规范性文件 225`` then ``0`` then ``2531``, the
        ``0`` 规章's, which lacks it)."""
        line = self.observed[i].line
        lines = {v.line for v in self.observed[i].values if v.kind != "empty"}
        return line in lines and len(lines) > 1

    def _row_of_headers_after(self, i: int, j: int) -> int | None:
        """The first template row of another grid whose column header row ``i``'s label run
        prints after the label (``行政事业性收费`` ``本年收费金额（单位：万元）`` ``现行有效件数``
        then ``371``: a PDF's text moved the header of table 二's first part, and the number
        after it may be that part's); None where every such header is template row ``j``'s."""
        own = _folded_headers(self.specs[j])
        for header in self.labels.headers_at_end(self.folded[i]):
            if header not in own:
                return next((k for k, spec in enumerate(self.specs) if header in _folded_headers(spec)), None)
        return None

    def _beside_a_row_without_numbers(self, i: int, j: int) -> tuple[str, int] | None:
        """Why row ``i``'s numbers, tied to template row ``j`` by the order of the text only,
        may be a row's whose numbers went missing: the label of an earlier row in this row's
        label run with no numbers of its own; the label of a later row of the same grid, with
        no numbers of its own, printed just after this row's numbers (a PDF's text prints a
        row's numbers before its label: ``行政许可`` ``105`` ``-202`` ``318`` then
        ``其他对外管理服务事项`` may be 105 and two blanks, then the next row's); an earlier row
        of the same grid short of numbers (a PDF's text prints a column's remaining cells after
        the rows it has passed); the first row of an earlier group short of numbers (see
        :meth:`_first_short_group`), where this row's numbers are off their label's line and no whole row
        on a line of their own (plain ``pdftotext`` moves blocks of text past the groups of
        table 二: ``规章`` … ``1516`` lacks two numbers, and the ``302`` after 行政强制, or the
        ``70`` after 行政处罚 and its column header, may be one of them)."""
        before = [k for k, at in self.buried.items() if k < j and at == i]
        if before:
            return "row-values-ambiguous", max(before)
        if self._stray_numbers_before(i) and not self._on_the_labels_line(i):
            return "row-values-after-stray-numbers", j
        if (after := self._before_a_later_label(i, j)) is not None:
            return after
        moved_from = self.first_short.get(self.grid_of(self.specs[j]), j)
        if moved_from < j and not self._printed_whole(i, j):
            return "row-values-moved", moved_from
        apart = self._first_short_group
        values = self.observed[i].values
        if (
            apart is not None
            and apart < j
            and not self._on_the_labels_line(i)
            and (len(values) < 2 or not self._printed_whole(i, j))
            and _could_stand_in(values, self.specs[apart])
        ):
            return "row-values-moved", apart
        return None

    def _stray_numbers_before(self, i: int) -> tuple[Item, ...]:
        """The numbers of the printed line run just before observed row ``i`` that no row of the
        table took (a group's heading and column headers, then ``-38``, then ``行政许可``: plain
        pdftotext printed 行政许可's own number before its label, and the next row's after it)."""
        if i == 0 or i - 1 in self.matches or i - 1 in self.aligned or i >= len(self.printed):
            return ()
        above = self.observed[i - 1]
        return tuple(v for v in above.values if v.kind == "num") if above.label.strip() else ()

    def _printed_whole(self, i: int, j: int) -> bool:
        """Whether observed row ``i``'s values are template row ``j``'s own and all of them,
        whatever the text did to a row above: on one printed line, just as many numbers as the
        row has cells, each in a column of its own — one row of the table, as a text printed row
        by row has it (``pdftotext -layout``, a label wrapped around its numbers); a text
        printed column by column puts a column's numbers on lines of their own. Or, wherever
        they stand, just as many counts as cells that add up as the row (see
        :meth:`_adds_up_alone`)."""
        values = self.observed[i].values
        one_line = (
            len(values) == len(self.specs[j].columns)
            and len({v.line for v in values}) == 1
            and len({v.col for v in values}) == len(values)
            and all(v.col >= 0 and v.kind == "num" for v in values)
        )
        return one_line or self._whole(i, j)  # past the empty cells a merged label leaves before them

    def _adds_up_alone(self, j: int, values: Sequence[Item], *, zeros: bool = False) -> bool:
        """Whether ``values``, one per cell, read as template row ``j`` with every own sum of the
        row holding by plain arithmetic on a total that is not zero, or holding but for a total
        cut at the page's edge (a PDF-to-markdown tool's ``| 14 8 | 4 24 | 20 15 | 85 |``, two
        numbers sharing a cell of its grid; plain ``pdftotext``'s one number a line): a number
        moved in from another row would have to take the place of one of its own and keep its
        sum. ``zeros``: a row of zeros adds up too."""
        texts = _plain_counts(values)
        sums = _own_sums(self.table, self._printed()).get(self.specs[j].id, ())
        if not texts or not sums or not (zeros or any(int(t) for t in texts)):
            return False
        counts = [int(t) for t in texts]
        return all(terms is not None and _holds_but_for_a_cut(terms, counts) for _, terms in sums)

    def _headers_after_label(self, i: int) -> bool:
        """Whether row ``i``'s label run ends with column headers rather than with its label."""
        run = self.folded[i]
        return bool(run) and self.labels.without_headers(run) != run

    def _counted_cells(self, spec: RowSpec, values: Sequence[Item]) -> tuple[Cell, ...]:
        """The cells of a row whose values fit its columns. A count never has a sign: "- 218"
        in a column of counts may be a blank mark and a number, so that cell is left blank."""
        read = list(cells(values, spec))
        for c, value in enumerate(values):
            if value.sign_apart and value.kind == "num" and not spec.signed(c):
                read[c] = attrs.evolve(read[c], value=None)
                self.notes.append(
                    diag.make(
                        "unreadable-cell",
                        table=self.table.id,
                        row=spec.id,
                        column=spec.columns[c],
                        line=value.line,
                        text=value.text,
                    )
                )
        return tuple(read)

    def _glued_or_miscounted(self, i: int, j: int, values: Sequence[Item], run_together: bool) -> None:
        """A row whose values do not fit its columns: its digits ran together (it goes to the
        decoder), or it has too many or too few values (reported)."""
        spec = self.specs[j]
        obs = self.observed[i]
        expected = len(spec.columns)
        tail, stolen = self._next_number(i)
        short = run_together and len(values) < expected and all(v.kind == "num" for v in values)
        if ran_together(values, expected) or stolen or short:
            self.glued_rows[spec.id] = glued(values, obs.line, tail, stolen)
            return
        apart = [b.line - a.line > 1 for a, b in itertools.pairwise(values)]
        if self._wraps_numbers and (
            pieces := decoding.wrapped_alternatives(_plain_counts(values), expected, apart)
        ):
            printed = " ".join(v.text for v in values)
            self.glued_rows[spec.id] = decoding.Glued(pieces, printed, obs.line, wrapped=True)
            return
        self._note_row("row-value-count", i, j, values, found=len(values), expected=expected)

    @functools.cached_property
    def _wraps_numbers(self) -> bool:
        """Whether a row printing more numbers than cells may be read as numbers wrapped in
        their narrow cells, each printed as two pieces: where a space or a line break sets the
        cells apart (a tab or a bar never falls inside a number) and the table's rows add up
        (table 三), so the arithmetic can decide which pieces are one number."""
        return self.soft_bounds and bool(decoding.table_arithmetic(self.table, ()).sums)

    def _note_row(self, code: str, i: int, j: int, values: Sequence[Item], **fields: Any) -> None:
        """Note ``code`` about observed row ``i`` read as template row ``j``, with its values."""
        spec = self.specs[j]
        self.notes.append(
            diag.make(
                code,
                table=self.table.id,
                row=spec.id,
                line=self.observed[i].line,
                label=_plain(spec.label),
                values=describe(values),
                **fields,
            )
        )

    def _next_number(self, i: int) -> tuple[str | None, str]:
        """Where the next row's number (``2.其他…``) and this row's digits ran together.

        Returns (tail, stolen). ``tail``: the next label starts with ``.`` or ``、`` right after
        this row's digits, so its number was read as their end — that number, from the template
        when the next row is known (``""`` when not); None otherwise. ``stolen``: the next
        label's number has a digit more than the template's (``55.属于…`` for ``5.``), the last
        cell of this row standing alone before it; ``""`` otherwise.
        """
        values = self.observed[i].values
        if i + 1 >= len(self.observed) or not values or values[-1].kind != "num":
            return None, ""
        label = self.observed[i + 1].label
        j = self.matches.get(i + 1)
        expected = _ENUMERATOR.match(_plain(self.specs[j].label)) if j is not None else None
        number = expected.group(1) if expected else ""
        if values[-1].glued and label.startswith((".", "、")):
            return number, ""
        printed = _ENUMERATOR.match(label)
        if number and printed and printed.group(1) != number and printed.group(1).endswith(number):
            return None, printed.group(1)[: -len(number)]
        return None, ""


def _could_stand_in(values: Sequence[Item], spec: RowSpec) -> bool:
    """Whether each of ``values`` could be a cell of template row ``spec``: an amount with
    decimals only where the row has an amount, a negative number only where it has a change."""
    decimal = any(spec.amounts)
    signed = any(spec.signed(c) for c in range(len(spec.columns)))
    numbers = [v.text for v in values if v.kind == "num"]
    return all((decimal or "." not in text) and (signed or not text.startswith("-")) for text in numbers)


def _signs_joined(values: Sequence[Item]) -> tuple[Item, ...]:
    """The values with each sign printed alone before a number joined to it: a number whose
    sign stood apart, signed only in a column of signed changes."""
    joined: list[Item] = []
    for value in values:
        if joined and joined[-1].sign_apart and joined[-1].kind == "null" and value.kind == "num":
            sign = joined.pop().text.replace("+", "")
            value = value._replace(text=sign + value.text, sign_apart=True)
        joined.append(value)
    return tuple(joined)


#: A row short of numbers on its line: (that line, its counts, how many it lacks).
_ShortRow = tuple[int, list[Item], int]
#: The loose numbers by line, each with its observed row.
_Loose = dict[int, list[tuple[int, Item]]]


def _pieces_around(
    row: _ShortRow, loose: _Loose, before: _ShortRow | None, after: _ShortRow | None
) -> tuple[list[tuple[int, Item]], list[tuple[int, Item]]] | None:
    """The pieces of a short row's wrapped cells: just as many loose numbers on the line above
    and on the line below as it lacks, besides those of the row ``before`` or ``after`` where
    it shares the line with them (the upper row's first); (tops, bottoms), else None."""
    line, _, lacking = row
    above, below = loose.get(line - 1, []), loose.get(line + 1, [])
    shared_above = before[2] if before is not None and before[0] + 2 == line else 0
    shared_below = after[2] if after is not None and after[0] - 2 == line else 0
    if len(above) != lacking + shared_above or len(below) != lacking + shared_below:
        return None
    return above[len(above) - lacking :], below[:lacking]


def _around(
    middle: Sequence[Item], tops: Sequence[Item], bottoms: Sequence[Item], gaps: tuple[int, ...] | None
) -> decoding.Glued:
    """A row's cells of one line and the pieces of its wrapped cells from the lines above and
    below, as the decoder reads them: each wrapped cell (top piece then bottom piece) in the
    row's empty ``gaps`` where the text shows them, else in every way of placing those cells
    among the row's, in order. The columns a spaced text gives the row's own numbers may be a
    column off (``pdftotext -layout`` squeezes a line: ``18507`` stood three characters left of
    its column, nearer the next wrapped cell's), so each of them may also stand a place to
    either side; where the arithmetic holds either way, the decoder leaves those cells blank.
    No reading unless every piece is a count."""
    joined = [top.text + bottom.text for top, bottom in zip(tops, bottoms, strict=True)]
    cells = len(middle) + len(joined)
    alternatives: list[tuple[decoding.Chunk, ...]] = []
    if _plain_counts([*tops, *bottoms]):
        every = itertools.combinations(range(cells), len(joined))
        for places in every if gaps is None else _gaps_near(gaps, cells):
            pieces, rest = iter(joined), iter(v.text for v in middle)
            alternatives.append(tuple(next(pieces) if c in places else next(rest) for c in range(cells)))
    printed = " ".join(v.text for v in middle)
    wrapped = " ".join(f"{top.text}/{bottom.text}" for top, bottom in zip(tops, bottoms, strict=True))
    return decoding.Glued(tuple(alternatives), f"{printed} + {wrapped}", middle[0].line, wrapped=True)


def _gaps_near(gaps: tuple[int, ...], cells: int) -> list[tuple[int, ...]]:
    """``gaps`` first, then the gaps left where each of the row's other cells stands a place to
    either side of where it stands, in order (see :func:`_around`)."""
    own = [c for c in range(cells) if c not in gaps]
    found = [gaps]
    for shifts in itertools.product((-1, 0, 1), repeat=len(own)):
        moved = [c + shift for c, shift in zip(own, shifts, strict=True)]
        if moved[0] >= 0 and moved[-1] < cells and all(a < b for a, b in itertools.pairwise(moved)):
            places = tuple(c for c in range(cells) if c not in moved)
            if places not in found:
                found.append(places)
    return found


def _holds_but_for_a_cut(terms: Terms, counts: Sequence[int]) -> bool:
    """Whether a row's own sum holds on its ``counts``, or would but that its total prints the
    first digits, two or more, of the sum (a total a page's edge cut: see :mod:`.page_edge`)."""
    if sum_holds(terms, counts):
        return True
    (at, _), rest = terms[0], terms[1:]  # the total first, as the rules write a sum
    return cut_surely(counts[at], -sum(sign * counts[k] for k, sign in rest))


def _plain_counts(values: Sequence[Item]) -> list[str]:
    """The values' texts when every one is a count as printed (digits only), else none."""
    texts = [v.text for v in values]
    if all(v.kind == "num" and not v.sign_apart for v in values) and all(
        t.isdigit() and t.isascii() for t in texts
    ):
        return texts
    return []


#: The text of a cell whose readings differ, left blank: a blank mark, read as no value.
_UNDECIDED = "—"
#: A row's printed values.
_RowValues = tuple[Item, ...]


def _read_both_ways(values: Sequence[Item], rows: int, width: int) -> list[tuple[_RowValues, _RowValues]]:
    """Each of ``rows`` rows of ``width`` columns read from ``values``: (row by row, column by
    column)."""
    by_rows = [tuple(values[r * width : (r + 1) * width]) for r in range(rows)]
    by_columns = [tuple(values[c * rows + r] for c in range(width)) for r in range(rows)]
    return list(zip(by_rows, by_columns, strict=True))


def _same_text(one: Sequence[Item], other: Sequence[Item]) -> bool:
    """Whether two readings of a row print the same numbers."""
    return [v.text for v in one] == [v.text for v in other]


def _printed_only(values: Sequence[Item], expected: int) -> tuple[Item, ...]:
    """A row's printed values without its empty cells, when they are just as many as its
    columns and the empty cells are more: every column printed its value, so each empty cell is
    a merged cell's shadow (a PDF-to-markdown tool splits a header over two grid columns, and
    each row then has an empty cell under the second half). Empty otherwise."""
    printed = tuple(v for v in values if v.kind != "empty")
    return printed if len(printed) == expected < len(values) else ()


def _failing_rows(outcomes: dict[Check, Outcome]) -> set[str]:
    """The rows some rule that fails is about."""
    return {row for check, outcome in outcomes.items() if outcome.failed for row in check.rows}


def _own_sums_hold(outcomes: dict[Check, Outcome]) -> dict[str, bool]:
    """Whether each row's own sums hold (every one passes), by row."""
    own: dict[str, bool] = {}
    for check, outcome in outcomes.items():
        if len(check.rows) == 1:
            (row,) = check.rows
            own[row] = own.get(row, True) and outcome.status == "pass"
    return own


@functools.lru_cache(maxsize=64)
def _own_sums(table: TableSpec, printed: PrintedTable) -> dict[str, tuple[tuple[Check, Terms | None], ...]]:
    """Each row's own sums in a printed table, with their terms for plain arithmetic."""
    sums: dict[str, list[tuple[Check, Terms | None]]] = {}
    for check in row_sum_checks(table, printed):
        (row,) = check.rows
        sums.setdefault(row, []).append((check, row_terms(table, check)))
    return {row: tuple(found) for row, found in sums.items()}


@functools.lru_cache(maxsize=256)
def _folded_headers(spec: RowSpec) -> frozenset[str]:
    """Every spelling of a row's column headers, folded."""
    return frozenset(fold(h) for spellings in spec.header_spellings for h in spellings)


def _header_named(word: str, headers: Sequence[str]) -> str | None:
    """The header ``word`` names: itself, or the one header it is the start of, four characters
    or more (a header wrapped in its cell); None otherwise."""
    if word in headers:
        return word
    starting = [h for h in headers if h.startswith(word)] if len(word) >= 4 else []
    return starting[0] if len(starting) == 1 else None


def _blank_inside(values: Sequence[Item]) -> bool:
    """Whether an empty cell stands between two of the values."""
    inner = strip_empty(values)
    return any(v.kind == "empty" for v in inner)


def _readings_beside(columns: Sequence[int], values: Sequence[Item]) -> list[list[Item | None]]:
    """The ways ``values`` (with their grid columns) fit the headers standing in ``columns``:
    a value under a header is that header's; one in a column between two headers is either's
    (at the edge, its one neighbour's); each header takes one value, in order. At most two
    readings are found (two already mean the row is undecided); none where every value stands
    under a header or none has a column (nothing to place), or where the values fit no way."""
    if not values or any(v.col < 0 for v in values) or all(v.col in columns for v in values):
        return []
    found: list[list[Item | None]] = []

    def place(k: int, after: int, reading: list[Item | None]) -> None:
        if len(found) >= 2:
            return
        if k == len(values):
            found.append(list(reading))
            return
        col = values[k].col
        own = [t for t, c in enumerate(columns) if c == col]
        left = [t for t, c in enumerate(columns) if c < col][-1:]
        right = [t for t, c in enumerate(columns) if c > col][:1]
        for t in own or left + right:
            if t > after and reading[t] is None:
                reading[t] = values[k]
                place(k + 1, t, reading)
                reading[t] = None

    place(0, -1, [None] * len(columns))
    return found


def _header_columns(texts: Sequence[tuple[str, int]], headers: Sequence[str]) -> list[int] | None:
    """The grid columns of ``headers`` among a label run's texts, when each stands alone in a
    column of its own, left to right; None otherwise. A header wrapped in its cell may stand
    cut (``本年制发件`` over ``数``): its first characters, four or more, name it where they
    start no other header."""
    found: dict[str, int] = {}
    for text, col in texts:
        header = _header_named(fold(text), headers)
        if header is not None and header not in found and col >= 0:
            found[header] = col
    if len(found) != len(headers):
        return None
    columns = [found[h] for h in headers]
    return columns if all(a < b for a, b in itertools.pairwise(columns)) else None
