"""Flattened tables: digits glued together by a crawler, split back into cells by arithmetic.

Unit tests for the pieces (one row, the enumerator of the next label, leading zeros, decimal
fees, table 四's fifteen digits, the whole-table solve, a report whose own arithmetic is off,
the search bounds) and properties over generated reports: a flattened table reads back to the
printed cells, or leaves a cell blank with a diagnostic — never another number.
"""

from __future__ import annotations

import itertools
import random
import unicodedata
from decimal import Decimal

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govinfo_report
from flattened import flatten, outcomes, wrong_cells
from govinfo_report import Report
from govinfo_report.model import (
    ActiveDisclosure,
    Cell,
    Decisions,
    DocumentCounts,
    Fees,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
)
from govinfo_report.reading.decoding import (
    Budget,
    Glued,
    Reading,
    Shape,
    chunk_alternatives,
    decode,
    decode_table,
    parse_cell,
    prose_facts,
    request_equations,
    request_shape,
    review_shape,
    rows,
    split_row,
    wrapped_alternatives,
)
from govinfo_report.template.formats import section_titles_of
from govinfo_report.template.spec import REQUEST_ROWS, REVIEW_BLOCKS
from govinfo_report.testing import cell_differences, cell_values, reports

SECTION_TITLES = section_titles_of()
#: A table 三 row and table 四's run, as the template's rules shape them.
REQUEST_SHAPE = request_shape()
REVIEW_SHAPE = review_shape()

THREE = Shape(("count",) * 3)


def readings(text: str, shape: Shape = REQUEST_SHAPE) -> set[tuple[object, ...]]:
    """The readings of a printed digit run; spaces in it are cell boundaries."""
    result = split_row(text.split(" "), shape)
    assert result.complete
    return set(result.readings)


# --- one row ----------------------------------------------------------------------------------


def test_a_row_whose_total_decides_reads_one_way() -> None:
    assert readings("801000081") == {(80, 1, 0, 0, 0, 0, 81)}
    assert readings("0000000") == {(0,) * 7}
    assert readings("310000031") == {(31, 0, 0, 0, 0, 0, 31)}


def test_a_row_can_have_two_readings_that_add_up() -> None:
    assert readings("220000022") == {(22, 0, 0, 0, 0, 0, 22), (2, 20, 0, 0, 0, 0, 22)}
    assert readings("191000020") == {(19, 1, 0, 0, 0, 0, 20), (1, 9, 10, 0, 0, 0, 20)}


def test_no_cell_has_a_leading_zero() -> None:
    assert parse_cell("0", "count") == 0
    assert parse_cell("007", "count") is None
    assert parse_cell("05", "amount") is None
    # "10000" cannot be 1|00|0|0 …: every zero after the 1 that is not part of 10… is a cell
    assert readings("1000001") == {(1, 0, 0, 0, 0, 0, 1)}
    assert readings("00000") == set()  # five zeros cannot fill seven cells


def test_a_space_that_survived_is_a_cell_boundary() -> None:
    assert readings("230 000023") == {(23, 0, 0, 0, 0, 0, 23)}
    # 220000022 reads 22|0|… or 2|20|…; a space decides which
    assert readings("22 0000022") == {(22, 0, 0, 0, 0, 0, 22)}
    assert readings("2 20000022") == {(2, 20, 0, 0, 0, 0, 22)}
    assert readings("2 30000023") == set()  # no cell spans a space


def test_only_an_amount_has_decimals() -> None:
    fee = Shape(("amount",))
    assert readings("5949.088667", fee) == {(Decimal("5949.088667"),)}
    assert readings("5949.088667", Shape(("count",))) == set()
    assert readings("0", fee) == {(Decimal(0),)}


def test_a_row_without_arithmetic_keeps_every_reading() -> None:
    found = readings("77132470", THREE)
    assert (77, 132, 470) in found and (7, 71, 32470) in found
    assert len(found) == 21
    assert readings("000", THREE) == {(0, 0, 0)}


def test_table_four_fifteen_digits() -> None:
    assert readings("110024001510102", REVIEW_SHAPE) == {(1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2)}


def test_table_four_with_larger_numbers() -> None:
    values = (12, 0, 3, 1, 16, 105, 7, 0, 22, 134, 0, 0, 0, 0, 0)
    assert values in readings("".join(map(str, values)), REVIEW_SHAPE)


def test_a_blank_cell_in_a_glued_row_is_one_cell() -> None:
    assert split_row(["12", None, "0000", "12"], REQUEST_SHAPE).readings == ((12, None, 0, 0, 0, 0, 12),)


# --- the next label's number ------------------------------------------------------------------


def test_the_next_labels_number_is_cut_off_the_digits() -> None:
    # "…属于国家秘密00000002.其他…": the 2 is the number of 2.其他法律行政法规禁止公开
    assert chunk_alternatives(["00000002"], "2") == (("0000000",),)
    assert chunk_alternatives(["3100000312"], "2") == (("310000031",),)
    # unknown number: one or two digits (never one that starts with 0)
    assert chunk_alternatives(["0000000012"], "") == (("00000000",), ("000000001",))
    # the digits do not end with the template's number: any one or two digits may be it
    assert chunk_alternatives(["00000013"], "2") == (("000000",), ("0000001",))
    assert chunk_alternatives(["00000003"], "2") == (("0000000",),)
    assert chunk_alternatives(["801000081"]) == (("801000081",),)


def test_enumerators_through_the_parser() -> None:
    report = _report(_requests({"denied_state_secret": [0] * 7, "denied_third_party": [1, 0, 0, 0, 0, 0, 1]}))
    text = flatten(report, random.Random(1), spaces=0)
    parsed = govinfo_report.parse(text)
    assert "00000002.其他" in text
    assert parsed.requests is not None
    assert parsed.requests.denied_state_secret.values() == (0,) * 7
    assert parsed.requests.denied_third_party.values() == (1, 0, 0, 0, 0, 0, 1)
    assert wrong_cells(parsed, report) == []


def test_a_number_the_next_label_took_is_given_back() -> None:
    """``…0 0 0 0 0 0 55.属于三类内部事务信息``: the label's 5 has the row's last 5 in front."""
    report = _report(_requests({"denied_third_party": [1, 1, 1, 1, 1, 0, 5]}))
    text = flatten(report, random.Random(0), spaces=0)
    text = text.replace("11111055.属于三类", "111110 55.属于三类")
    assert "111110 55.属于三类" in text
    parsed = govinfo_report.parse(text)
    assert parsed.requests is not None
    assert parsed.requests.denied_third_party.values() == (1, 1, 1, 1, 1, 0, 5)


# --- the whole table --------------------------------------------------------------------------

#: A township table whose 予以公开 and 部分公开 rows read two ways each; the columns decide.
TWO_WAY_ROWS = {
    "new_received": [80, 1, 0, 0, 0, 0, 81],
    "granted": [22, 0, 0, 0, 0, 0, 22],
    "partially_granted": [19, 1, 0, 0, 0, 0, 20],
    "denied_third_party": [1, 0, 0, 0, 0, 0, 1],
    "denied_process_info": [1, 0, 0, 0, 0, 0, 1],
    "denied_law_enforcement_file": [1, 0, 0, 0, 0, 0, 1],
    "denied_inquiry": [2, 0, 0, 0, 0, 0, 2],
    "unavailable_not_held": [31, 0, 0, 0, 0, 0, 31],
    "rejected_duplicate": [1, 0, 0, 0, 0, 0, 1],
    "other_overdue_correction": [1, 0, 0, 0, 0, 0, 1],
    "other_misc": [1, 0, 0, 0, 0, 0, 1],
    "total_processed": [80, 1, 0, 0, 0, 0, 81],
}


def test_the_column_totals_decide_rows_that_read_two_ways() -> None:
    report = _report(_requests(TWO_WAY_ROWS))
    parsed = govinfo_report.parse(flatten(report, random.Random(3), spaces=0))
    assert parsed.requests is not None
    assert parsed.requests.granted.values() == (22, 0, 0, 0, 0, 0, 22)
    assert parsed.requests.partially_granted.values() == (19, 1, 0, 0, 0, 0, 20)
    tally = outcomes(parsed, report)
    assert tally["exact"] == sum(tally.values())
    assert not [d for d in parsed.diagnostics if d.code == "glued-cells-ambiguous"]


def test_a_table_that_reads_two_ways_is_left_blank_with_both_readings() -> None:
    """22|0|… and 2|20|… in 一, 予以公开 and （七）总计 alike: every rule holds either way."""
    rows = {r: [22, 0, 0, 0, 0, 0, 22] for r in ("new_received", "granted", "total_processed")}
    report = _report(_requests(rows))
    parsed = govinfo_report.parse(flatten(report, random.Random(0), spaces=0))
    assert parsed.requests is not None
    assert parsed.requests.granted.values() == (None, None, 0, 0, 0, 0, 22)
    notes = [d for d in parsed.diagnostics if d.code == "glued-cells-ambiguous" and d.row == "granted"]
    assert notes and "22|0|0|0|0|0|22" in notes[0].message and "2|20|0|0|0|0|22" in notes[0].message
    assert wrong_cells(parsed, report) == []


def test_a_misprinted_row_is_set_aside_not_guessed() -> None:
    """The report prints 2 in a row whose cells add up to 1: no reading makes every rule hold.
    With that row set aside the rest holds; the row itself is read from its digits alone."""
    equations = request_equations(REQUEST_ROWS)
    rows: dict[str, tuple[Reading, ...]] = {
        row: ((0,) * 7,) for row in REQUEST_ROWS if row != "other_processing"
    }
    rows["new_received"] = ((1, 0, 0, 0, 0, 0, 1),)
    rows["total_processed"] = ((1, 0, 0, 0, 0, 0, 1),)
    rows["granted"] = ((1, 0, 0, 0, 0, 0, 2),)  # printed 1000002: its own sum is off
    strict = {row: (r if row != "granted" else ()) for row, r in rows.items()}
    result = decode(strict, equations, rows.get, Budget())
    assert result.set_aside == ("granted",)
    assert result.viable["granted"] == ((1, 0, 0, 0, 0, 0, 2),)
    assert result.viable["new_received"] == ((1, 0, 0, 0, 0, 0, 1),)


def test_a_row_with_a_wrong_total_is_never_read_as_another_number() -> None:
    report = _report(_requests({"carried_over": [13, 0, 17, 2, 0, 21, 62]}))  # 13+17+2+21 = 53
    text = flatten(report, random.Random(0), spaces=0).replace("13017202162", "13017 202162")
    parsed = govinfo_report.parse(text)
    assert wrong_cells(parsed, report) == []
    assert any(d.code == "glued-cells-arithmetic" for d in parsed.diagnostics)


# --- prose ------------------------------------------------------------------------------------


def test_prose_picks_between_readings_and_says_so() -> None:
    active = ActiveDisclosure(
        regulations=DocumentCounts(Cell(0), Cell(0), Cell(0)),
        normative_documents=DocumentCounts(Cell(77), Cell(132), Cell(470)),
        licensing=Decisions(Cell(2629)),
        punishment=Decisions(Cell(1330)),
        enforcement=Decisions(Cell(54)),
        fees=Fees(Cell(Decimal("5949.088667"))),
    )
    overview = "动态更新本年度制发的规范性文件77件。收到政府信息公开申请共计0件。"
    report = attrs.evolve(_report(_requests({}), overview=overview), active_disclosure=active)
    parsed = govinfo_report.parse(flatten(report, random.Random(0), spaces=0))
    assert isinstance(parsed.active_disclosure, ActiveDisclosure)
    assert parsed.active_disclosure.normative_documents.values() == (77, None, None)
    assert parsed.active_disclosure.regulations.values() == (0, 0, 0)
    assert parsed.active_disclosure.licensing.values() == (2629,)
    assert parsed.active_disclosure.fees.values() == (Decimal("5949.088667"),)
    codes = {(d.code, d.row) for d in parsed.diagnostics}
    assert ("glued-cells-prose", "normative_documents") in codes
    ambiguous = [d for d in parsed.diagnostics if d.code == "glued-cells-ambiguous"]
    assert ambiguous and "77|132|470" in ambiguous[0].message


def test_prose_facts_read_only_counts_stated_for_a_cell() -> None:
    facts = prose_facts("本年度制发的规范性文件77件，现行有效行政规范性文件393件。行政复议案件2件。")
    assert {(f.row, f.column, f.value) for f in facts["active_disclosure"]} == {
        ("normative_documents", "issued", 77),
        ("normative_documents", "in_force", 393),
    }
    assert [(f.column, f.value) for f in facts["review_litigation"]] == [("review.total", 2)]


def test_a_review_application_is_not_a_disclosure_request_fact() -> None:
    facts = prose_facts("本年度收到行政复议申请2件。全年共收到政府信息公开申请15件。")
    assert [(f.row, f.value) for f in facts["requests"]] == [("new_received", 15)]


def test_a_prose_number_that_is_no_reading_changes_nothing() -> None:
    glued = {"row": Glued((("77132470",),), "77132470")}
    facts = [*prose_facts("现行有效行政规范性文件393件")["active_disclosure"]]
    facts = [f._replace(row="row") for f in facts]
    result = decode_table(
        "t", "表", {"row": THREE}, {}, glued, (), facts, {"row": ("issued", "repealed", "in_force")}
    )
    assert result.rows["row"] == (None, None, None)
    assert not [d for d in result.diagnostics if d.code == "glued-cells-prose"]


# --- bounds -----------------------------------------------------------------------------------


def test_a_row_past_the_step_bound_decides_nothing() -> None:
    result = split_row(["1" * 30], Shape(("count",) * 7), max_steps=50)
    assert not result.complete
    many = split_row(["1" * 30], Shape(("count",) * 7), max_readings=10)
    assert not many.complete and len(many.readings) == 10


def test_a_solve_past_its_budget_keeps_each_rows_own_readings() -> None:
    rows = {f"r{k}": split_row(["220000022"], REQUEST_SHAPE).readings for k in range(3)}
    equations = [(("r0", 0, 1), ("r1", 0, -1)), (("r1", 1, 1), ("r2", 1, -1))]
    assert decode(rows, equations, lambda row: None, Budget(10**6)).solutions == 2
    solved = decode(rows, equations, lambda row: None, Budget(1))
    assert solved.exhausted and solved.viable == rows


# --- properties -------------------------------------------------------------------------------


@st.composite
def glued_rows(
    draw: st.DrawFn, shape: Shape, values: st.SearchStrategy[int] | None = None
) -> tuple[tuple[int, ...], list[str]]:
    """Cells that satisfy the shape's sums, printed with the separators deleted or (now and
    then) kept as spaces."""
    if values is None:
        values = st.integers(0, draw(st.sampled_from((3, 30, 3000))))
    cells: list[int] = []
    for start, end in shape.sums or ((0, shape.size),):
        parts = [draw(values) for _ in range(end - start - (1 if shape.sums else 0))]
        cells += [*parts, sum(parts)] if shape.sums else parts
    chunks = [str(cells[0])]
    for value in cells[1:]:
        if draw(st.integers(0, 9)) == 0:
            chunks.append(str(value))
        else:
            chunks[-1] += str(value)
    return tuple(cells), chunks


@given(st.data())
def test_a_row_always_has_its_printed_reading(data: st.DataObject) -> None:
    """Every reading of a row is found, the printed one among them — unless the search hit its
    bound (a row of dozens of digits run together), which the decoder reports and leaves blank."""
    shape = data.draw(st.sampled_from((REQUEST_SHAPE, REVIEW_SHAPE, THREE)))
    cells, chunks = data.draw(glued_rows(shape))
    result = split_row(chunks, shape)
    if not result.complete:
        assert sum(map(len, chunks)) >= 30  # only long runs of digits reach the bound
        return
    assert cells in result.readings


def _every_reading(chunks: list[str | None], shape: Shape) -> list[Reading]:
    """Every reading of a row, by trying every way to place its cell boundaries."""
    text = "".join(chunk if chunk is not None else "/" for chunk in chunks)
    bounds, place = set(), 0
    for chunk in chunks[:-1]:
        place += len(chunk) if chunk is not None else 1
        bounds.add(place)
    free = [p for p in range(1, len(text)) if p not in bounds]
    out: list[Reading] = []
    if len(bounds) >= shape.size:  # more chunks than cells
        return out
    for chosen in itertools.combinations(free, shape.size - 1 - len(bounds)):
        places = [0, *sorted(bounds | set(chosen)), len(text)]
        pieces = [text[a:b] for a, b in itertools.pairwise(places)]
        cells = [
            None if piece == "/" else parse_cell(piece, kind)
            for piece, kind in zip(pieces, shape.kinds, strict=True)
        ]
        if any(cell is None and piece != "/" for cell, piece in zip(cells, pieces, strict=True)):
            continue
        if (
            None not in chunks
            and any(
                cells[end - 1] != sum(cells[start : end - 1])  # type: ignore[arg-type]
                for start, end in shape.sums
                if end - start >= 2 and all(kind == "count" for kind in shape.kinds[start:end])
            )
        ):
            continue
        out.append(tuple(cells))
    return out


@st.composite
def short_rows(draw: st.DrawFn, shape: Shape, extra: int) -> list[str | None]:
    """Digits (now and then a point, a sign or a blank chunk) a few more than a row's cells,
    in chunks: rows that read no way, one way or many."""
    length = shape.size + draw(st.integers(0, extra))
    text = draw(st.text(st.sampled_from("0000111234567899.-"), min_size=length, max_size=length))
    cuts = sorted(draw(st.sets(st.integers(1, length - 1), max_size=3)))
    chunks: list[str | None] = [text[a:b] for a, b in itertools.pairwise([0, *cuts, length])]
    if draw(st.integers(0, 5)) == 0:
        chunks[draw(st.integers(0, len(chunks) - 1))] = None
    return chunks


@given(st.data())
def test_both_row_searches_find_every_reading_and_no_other(data: st.DataObject) -> None:
    """Short rows are cut cell by cell and long ones met in the middle: on rows short enough to
    try every way of cutting them, each search finds exactly the readings those ways give, in
    the order of their cell boundaries."""
    shape, extra = data.draw(st.sampled_from(((REQUEST_SHAPE, 7), (REVIEW_SHAPE, 3), (THREE, 9))))
    source = data.draw(st.sampled_from(("sums hold", "digits that read many ways", "any digits")))
    if source == "sums hold":
        _, chunks = data.draw(glued_rows(shape))
    elif source == "digits that read many ways":
        _, chunks = data.draw(glued_rows(shape, values=st.sampled_from((0, 1, 2, 5, 9, 10, 11, 19, 99, 100))))
    else:
        chunks = data.draw(short_rows(shape, extra))
    assume(sum(len(chunk) if chunk is not None else 1 for chunk in chunks) <= shape.size + extra)
    expected = _every_reading(chunks, shape)
    for search in (rows._split_few, lambda *given: rows._RowSplitter(*given).run()):
        found = search(tuple(chunks), shape, 10**6, 10**6)
        assert found.complete
        assert list(found.readings) == expected, search
    assert list(split_row(chunks, shape).readings) == expected


@st.composite
def wide_totals(draw: st.DrawFn) -> list[str | None]:
    """A table 三 row of a few small cells and a total much wider than they are, or its digits
    shuffled: the largest cell must then print nearly the total's own digits (or be one digit
    shorter, where the others carry it into one more), which the search checks before it cuts
    anything."""
    small = draw(st.lists(st.integers(0, 99), min_size=5, max_size=5))
    big = draw(st.integers(10**5, 10**8) | st.integers(5, 8).map(lambda k: 10**k - 100))  # carries
    cells = [*small, big]
    draw(st.randoms(use_true_random=False)).shuffle(cells)
    digits = "".join(map(str, [*cells, sum(cells)]))
    if draw(st.booleans()):
        digits = "".join(draw(st.permutations(list(digits))))
    return [digits[: 6 * 3]] if len(digits) > 18 else [digits]


@given(wide_totals())
def test_a_total_wider_than_the_other_cells_is_found_by_the_search_and_no_other(
    chunks: list[str | None],
) -> None:
    """The long-row search rules a place for the total out by the cells' magnitudes before it
    cuts the digits before it (see ``_RowSplitter.may_lead``): it still finds every reading
    that trying every cut finds."""
    found = rows._RowSplitter(tuple(chunks), REQUEST_SHAPE, 10**6, 10**6).run()
    assert found.complete
    assert list(found.readings) == _every_reading(chunks, REQUEST_SHAPE)


def _each_cell_read_or_explained(parsed: Report, report: Report) -> None:
    """No cell of ``report`` read as another number, and every one not read explained."""
    tally = outcomes(parsed, report)
    assert tally["wrong"] == 0, wrong_cells(parsed, report)
    assert tally["unexplained"] == 0, tally


@given(reports(consistent=True, blanks=False), st.randoms(use_true_random=False), st.booleans())
def test_a_flattened_report_reads_back_or_says_why_not(
    report: Report, rng: random.Random, one_line: bool
) -> None:
    parsed = govinfo_report.parse(flatten(report, rng, one_line=one_line))
    _each_cell_read_or_explained(parsed, report)


@given(reports(consistent=True, blanks=False), st.randoms(use_true_random=False))
def test_table_four_is_found_in_one_line_text_whose_heading_is_misspelt(
    report: Report, rng: random.Random
) -> None:
    """A crawler's one-line text whose section 四 heading is misspelt past recognition (行政复仪):
    table 四 is read where the section must be, on the line table 三 ends on, and says so."""
    heading = next(s.heading for s in report.sections if s.number == 4)
    text = flatten(report, rng, one_line=True)
    assert heading in text
    parsed = govinfo_report.parse(text.replace(heading, heading.replace("行政复议", "行政复仪", 1)))
    assert parsed.review_litigation is not None
    _each_cell_read_or_explained(parsed, report)
    assert "table-without-heading" in {d.code for d in parsed.diagnostics}


@given(reports(consistent=True, blanks=False), st.booleans())
def test_headings_quoted_in_a_sentence_are_not_headings(report: Report, run_together: bool) -> None:
    """A list of the sections in the preamble (…包括：一、总体情况；二、…) and a sentence of section
    一 that refers to later sections (详见三、…，另见“四、…”) leave every section and every
    cell where they are."""
    headings = {s.number: s.heading for s in report.sections}
    text = govinfo_report.render(report, "tsv")
    listed = ("" if run_together else "；").join(headings[n] for n in sorted(headings))
    text = text.replace(headings[1], f"本报告包括：{listed}。\n{headings[1]}", 1)
    reference = f"具体数据详见{headings[3]}，另见“{headings[4]}”。"
    text = text.replace(headings[1], f"{headings[1]}\n{reference}", 2)
    parsed = govinfo_report.parse(text)
    assert [s.number for s in parsed.sections] == sorted(headings)
    assert cell_differences(parsed, report) == []


#: How PDF extractors print a row whose narrow cells wrapped their wider numbers: pypdf each
#: wrapped number's two pieces in its place on the row's line; ``pdftotext -raw`` the row's line
#: up to a wrapped cell, then each piece on a line of its own; pdfplumber and ``-layout`` the
#: first pieces on the line above the row, the rest of the row on its line, the last pieces on
#: the line below.
WRAP_STYLES = ("inline", "raw", "around")


def _wrapped_row(label: str, numbers: list[str], wrapped: dict[int, int], style: str) -> list[str]:
    """The printed lines of one row whose cells ``wrapped`` (column -> where it breaks) wrapped."""
    pieces = {c: (numbers[c][:cut], numbers[c][cut:]) for c, cut in wrapped.items()}
    if style == "inline":
        printed = (" ".join(pieces[c]) if c in pieces else n for c, n in enumerate(numbers) if n)
        return [" ".join([label, *printed])]
    if style == "around":
        middle = " ".join([label, *(n for c, n in enumerate(numbers) if c not in pieces and n)])
        heads, tails = (" ".join(p[k] for _, p in sorted(pieces.items())) for k in (0, 1))
        return [line for line in (heads, middle, tails) if line]
    lines, current = [], [label]
    for c, n in enumerate(numbers):
        if c in pieces:
            lines.append(" ".join(current))
            lines.extend(pieces[c])
            current = []
        elif n:
            current.append(n)
    return [*lines, " ".join(current)] if current else lines


def _wrapped_numbers(text: str, rng: random.Random, most: int, style: str) -> tuple[str, bool]:
    """The text as a PDF extractor prints a table whose narrow cells wrapped their wider
    numbers (see :data:`WRAP_STYLES`): every line with its cells apart by a space, and in each
    row of table 三 up to ``most`` of its numbers of two digits or more printed as two pieces. A
    blank cell leaves no mark. Also whether the text cannot tell a wrapped number from two
    cells: a row prints just as many numbers as it has cells, as many of them wrapped as blank,
    and no row prints more numbers than cells."""
    lines: list[str] = []
    balanced = extra = False
    for line in text.split("\n"):
        cells = line.split("\t")
        numbers = cells[-7:]
        if len(cells) < 8 or not all(c.isdigit() or not c for c in numbers) or not any(numbers):
            lines.append(" ".join(c for c in cells if c))  # an extractor prints no tabs
            continue
        wide = [c for c, n in enumerate(numbers) if len(n) > 1]
        chosen = rng.sample(wide, min(len(wide), rng.randint(0, most)))
        wrapped = {c: rng.randint(1, len(numbers[c]) - 1) for c in chosen}
        blanks = numbers.count("")
        balanced = balanced or 0 < len(wrapped) == blanks
        extra = extra or len(wrapped) > blanks
        lines.extend(_wrapped_row(" ".join(c for c in cells[:-7] if c), numbers, wrapped, style))
    return "\n".join(lines), balanced and not extra


@given(
    st.one_of(reports(consistent=True, blanks=False, scale="city"), reports(consistent=True, scale="city")),
    st.randoms(use_true_random=False),
    st.sampled_from(WRAP_STYLES),
)
def test_numbers_wrapped_in_their_cells_are_joined_or_left_blank_never_wrong(
    report: Report, rng: random.Random, style: str
) -> None:
    """PDF extractors print a number that wrapped in its narrow cell as two numbers: the
    pieces are joined where the table's arithmetic allows one reading, else left blank. A
    blank cell leaves no mark in such a text, so a row with a wrapped number and a blank cell
    may print as many numbers as it has cells: never counted into the wrong ones where the
    table shows that its numbers wrap. The one case the text cannot decide — no row prints more
    numbers than cells, and a row whose wrapped numbers and blank cells even out does not add
    up — reads as printed, as a row whose sum is off does."""
    text, undecidable = _wrapped_numbers(govinfo_report.render(report, "tsv"), rng, 3, style)
    assume(not undecidable)
    _each_cell_read_or_explained(govinfo_report.parse(text), report)


@pytest.mark.parametrize("style", WRAP_STYLES)
def test_a_total_wrapped_in_its_cell_is_joined_by_the_rows_sum(style: str) -> None:
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = [9571, 9766, 12162, 6689, 9897, 0, 48085]
    rows["granted"] = rows["total_processed"] = rows["new_received"]
    report = _report(_requests(rows))
    lines = []
    for line in govinfo_report.render(report, "tsv").split("\n"):
        if line.startswith("一、本年新收"):
            label, *numbers = line.split("\t")
            lines.extend(_wrapped_row(label, numbers, {6: 4}, style))  # 4808 and 5
        else:
            lines.append(line.replace("\t", " "))
    parsed = govinfo_report.parse("\n".join(lines))
    assert cell_differences(parsed, report) == []
    assert "wrapped-cells-joined" in {d.code for d in parsed.diagnostics}


def test_numbers_wrapped_above_and_below_a_row_of_aligned_columns_are_joined_in_their_columns() -> None:
    """``pdftotext -layout`` keeps the columns: a wrapped number's first digits stand above its
    row's line and the rest below, each in the cell's column, and the row's line leaves the
    cell empty there."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = [9571, 9766, 12162, 6689, 9897, 0, 48085]
    rows["granted"] = rows["total_processed"] = rows["new_received"]
    report = _report(_requests(rows))
    lines = govinfo_report.render(report, "columns").split("\n")
    k = next(n for n, line in enumerate(lines) if line.startswith("一、本年新收"))
    row, above, below = lines[k], "", ""
    for number, cut in (("9766", 2), ("48085", 4)):
        at = row.index(number)
        # as wide on the screen as the row up to the number (a Chinese character is two wide)
        indent = "".join("  " if unicodedata.east_asian_width(ch) in "WF" else " " for ch in row[:at])
        above += indent[len(above) :] + number[:cut]
        below += indent[len(below) :] + number[cut:]
        row = row[:at] + " " * len(number) + row[at + len(number) :]
    lines[k : k + 1] = [above, row.rstrip(), below]
    parsed = govinfo_report.parse("\n".join(lines))
    assert cell_differences(parsed, report) == []
    assert "wrapped-cells-joined" in {d.code for d in parsed.diagnostics}


def test_a_line_between_two_wrapped_rows_gives_the_upper_row_its_pieces_first() -> None:
    """pdfplumber prints the last pieces of one row and the first pieces of the next on one
    line where the two rows stand close: the upper row takes as many as it lacks, in order."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = [9571, 9766, 12162, 6689, 9897, 0, 48085]
    rows["carried_over"] = [120, 506, 209, 622, 2148, 9735, 13340]
    rows["granted"] = rows["total_processed"] = [
        a + b for a, b in zip(rows["new_received"], rows["carried_over"], strict=True)
    ]
    report = _report(_requests(rows))
    lines = [line.replace("\t", " ") for line in govinfo_report.render(report, "tsv").split("\n")]
    k = next(n for n, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[k : k + 2] = [
        "4808",
        "一、本年新收政府信息公开申请数量 9571 9766 12162 6689 9897 0",
        "5 973 1334",
        "二、上年结转政府信息公开申请数量 120 506 209 622 2148",
        "5 0",
    ]
    parsed = govinfo_report.parse("\n".join(lines))
    assert cell_differences(parsed, report) == []
    assert "wrapped-cells-joined" in {d.code for d in parsed.diagnostics}


def _spaced(text: str) -> str:
    """A tab-separated text as a PDF extractor prints it: cells apart by a space, no mark for a
    blank cell."""
    return "\n".join(" ".join(cell for cell in line.split("\t") if cell) for line in text.split("\n"))


def _blank_and_wrapped(report: Report) -> str:
    """``report`` as pypdf prints it (see :func:`_spaced`), the two numbers of table 三 too wide
    for their narrow cells (48085, 12628) as two pieces each."""
    text = _spaced(govinfo_report.render(report, "tsv"))
    return text.replace(" 48085", " 4808 5").replace(" 12628", " 1262 8")


def test_a_row_whose_wrapped_number_and_blank_cell_even_out_is_left_blank() -> None:
    """``1653 8192 7 25 2019 1262 8``: seven numbers for seven cells, but one cell was blank and
    the total wrapped. Where the table shows that it wraps numbers (the row above prints eight),
    a row whose sum fails is not counted into its cells."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = [9571, 9766, 12162, 6689, 9897, 0, 48085]
    rows["granted"] = rows["total_processed"] = rows["new_received"]
    report = _report(_requests(rows))
    carried = RequestRow(*(Cell(v) for v in (1653, None, 8192, 7, 25, 2019, 12628)))
    report = attrs.evolve(report, requests=attrs.evolve(report.requests, carried_over=carried))
    parsed = govinfo_report.parse(_blank_and_wrapped(report))
    assert parsed.requests is not None
    assert parsed.requests.new_received.values() == tuple(rows["new_received"])
    assert parsed.requests.carried_over.values() == (None,) * 7
    assert ("row-values-maybe-wrapped", "carried_over") in {(d.code, d.row) for d in parsed.diagnostics}


@pytest.mark.parametrize(
    "printed",
    [
        [1, 2, 3, 4, 5, 0, 16],
        [3, 0, 1, 0, 0, 0, 13],  # 1 and 0 joined would add up: small numbers do so by chance
    ],
)
def test_a_spaced_row_whose_sum_is_off_reads_as_printed_where_nothing_wraps(printed: list[int]) -> None:
    """A text browser's dump of a web page is spaced too, and never wraps a number: with no
    row printing more numbers than cells, a row whose sum is off is the report's own."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = rows["granted"] = rows["total_processed"] = printed
    report = _report(_requests(rows))
    parsed = govinfo_report.parse(_spaced(govinfo_report.render(report, "tsv")))
    assert cell_differences(parsed, report) == []
    assert "row-values-maybe-wrapped" not in {d.code for d in parsed.diagnostics}


def test_a_spaced_row_one_number_short_is_not_split_to_make_up_its_count() -> None:
    """pypdf ran a label into its row's first number (``权益5 0 0 5 0 10``) and printed the
    blank cell as nothing: the row goes to the glued-digit decoder, whose only split of its
    digits (10 as 1 and 0) does not add up. A space stands between all its cells but one, so
    it may be a blank short rather than two cells run together: it is left blank."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    report = _report(_requests(rows))
    third = RequestRow(*(Cell(v) for v in (5, 0, 0, 5, 0, None, 10)))
    report = attrs.evolve(report, requests=attrs.evolve(report.requests, denied_third_party=third))
    text = _spaced(govinfo_report.render(report, "tsv")).replace("合法权益 5", "合法权益5")
    parsed = govinfo_report.parse(text)
    assert parsed.requests is not None
    assert parsed.requests.denied_third_party.values() == (None,) * 7
    assert ("row-values-maybe-wrapped", "denied_third_party") in {(d.code, d.row) for d in parsed.diagnostics}


def test_table_4_on_uneven_lines_that_does_not_add_up_is_left_blank() -> None:
    """pdfplumber prints the first digits of table 四's wrapped numbers on the line above its
    row and the rest below; with a blank cell, which leaves no mark, the pieces make up fifteen
    numbers over lines of unequal counts. They do not add up: the table is left blank."""
    text = _spaced(govinfo_report.render(_report(_requests({})), "tsv"))
    row = " ".join(["0"] * 15)
    assert row in text
    printed = "4 13\n237 140 280 129 786 294 254 676 158 83 98\n4 7"
    parsed = govinfo_report.parse(text.replace(row, printed))
    assert parsed.review_litigation is not None
    assert all(
        v is None for block in REVIEW_BLOCKS for v in getattr(parsed.review_litigation, block).values()
    )
    assert "table-run-wrapped" in {d.code for d in parsed.diagnostics}


def test_a_table_of_tabs_never_joins_two_cells() -> None:
    # a tab is a cell's bound: a row of eight numbers for seven cells is miscounted, not wrapped
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    rows["new_received"] = rows["granted"] = rows["total_processed"] = [1, 2, 3, 4, 5, 0, 15]
    text = govinfo_report.render(_report(_requests(rows)), "tsv").replace("5\t0\t15", "5\t0\t1\t5", 1)
    parsed = govinfo_report.parse(text)
    assert parsed.requests is not None
    assert parsed.requests.new_received.values() == (None,) * 7
    assert "wrapped-cells-joined" not in {d.code for d in parsed.diagnostics}


@given(reports(consistent=True, blanks=False))
def test_a_report_ending_with_table_three_has_no_table_four_read_from_its_last_row(report: Report) -> None:
    """A text cut after table 三, its last row short of a cell: that row is not taken for a
    table 四 without its heading (nor blamed as one)."""
    heading = next(s.heading for s in report.sections if s.number == 4)
    text = govinfo_report.render(report, "tsv").split(heading)[0].rstrip("\n")
    text = text.rsplit("\t", 1)[0]
    parsed = govinfo_report.parse(text)
    assert parsed.review_litigation is None
    assert not [d for d in parsed.diagnostics if d.table == "review_litigation"], parsed.diagnostics


@given(reports(consistent=True, blanks=False), st.randoms(use_true_random=False))
def test_headings_run_into_the_text_before_them_are_found(report: Report, rng: random.Random) -> None:
    """A crawler's one-line text with each heading after 一 run into the character before it
    (``…采购总金额1234.5元三、收到和处理…``): every section and every table is found."""
    text = flatten(report, rng, one_line=True)
    for section in report.sections[1:]:
        assert " " + section.heading in text
        text = text.replace(" " + section.heading, "元" + section.heading, 1)
    parsed = govinfo_report.parse(text)
    assert [s.number for s in parsed.sections] == [s.number for s in report.sections]
    _each_cell_read_or_explained(parsed, report)


@given(reports(consistent=True, blanks=False), st.randoms(use_true_random=False))
def test_a_sentence_starting_with_its_year_after_a_table_takes_no_digits(
    report: Report, rng: random.Random
) -> None:
    """A crawler's one-line text with a sentence after tables 二 and 三 that starts with its year,
    run into each table's last number (``…继续办理20000022025年，…``): the year is the sentence's."""
    flattened = flatten(report, rng, one_line=True)

    def with_sentence(sentence: str) -> Report:
        text = flattened
        for section in report.sections[2:4]:
            assert " " + section.heading in text
            text = text.replace(" " + section.heading, sentence + section.heading, 1)
        return govinfo_report.parse(text)

    parsed = with_sentence("2025年，本机关依法办理。")
    assert cell_values(parsed) == cell_values(with_sentence("本机关依法办理。"))
    _each_cell_read_or_explained(parsed, report)


#: Prose a report may print between the heading of section 二 and its table.
_COUNTS_BEFORE_TABLE = (
    "2023年制作、获取政府信息总数509条，其中主动公开政府信息107条，不予公开信息数48条。"
    "主动公开的政府信息占21.02%。"
)


@given(reports(consistent=True, blanks=False), st.randoms(use_true_random=False), st.booleans())
def test_counts_of_a_sentence_before_a_table_are_not_its_values(
    report: Report, rng: random.Random, flattened: bool
) -> None:
    """The numbers of a sentence just before table 二 — counts with their units, a percentage —
    are the prose's: no cell takes them and no diagnostic calls them the table's."""
    heading = next(s.heading for s in report.sections if s.number == 2)
    text = flatten(report, rng, one_line=True) if flattened else govinfo_report.render(report, "tsv")
    assert heading in text
    parsed = govinfo_report.parse(text.replace(heading, heading + _COUNTS_BEFORE_TABLE, 1))
    codes = {d.code for d in parsed.diagnostics}
    assert not codes & {"unplaced-values", "unknown-row"}, parsed.diagnostics
    _each_cell_read_or_explained(parsed, report)


# --- building reports -------------------------------------------------------------------------


def _requests(rows: dict[str, list[int]]) -> Requests:
    """Table 三 with the given rows and zeros elsewhere (（六） printed as three rows)."""
    built = {}
    for row in REQUEST_ROWS:
        if row == "other_processing":
            built[row] = RequestRow()
            continue
        built[row] = RequestRow(*(Cell(v) for v in rows.get(row, [0] * 7)))
    return Requests(**built)


def _report(requests: Requests, *, overview: str = "本年度工作情况如下。") -> Report:
    texts = {1: overview, 5: "无。", 6: "无。"}
    review = ReviewLitigation(**{block: ReviewBlock(*(Cell(0) for _ in range(5))) for block in REVIEW_BLOCKS})
    zero = DocumentCounts(Cell(0), Cell(0), Cell(0))
    return Report(
        format="2021",
        title="示例县人民政府2023年政府信息公开工作年度报告",
        agency="示例县人民政府",
        year=2023,
        sections=tuple(Section(n, heading, texts.get(n, "")) for n, heading in SECTION_TITLES.items()),
        active_disclosure=ActiveDisclosure(
            regulations=zero,
            normative_documents=zero,
            licensing=Decisions(Cell(0)),
            punishment=Decisions(Cell(0)),
            enforcement=Decisions(Cell(0)),
            fees=Fees(Cell(Decimal(0))),
        ),
        requests=requests,
        review_litigation=review,
    )


def test_a_sign_inside_a_run_of_glued_counts_ends_a_cell_and_raises_nothing() -> None:
    """A '-' glued among a row's digits (a damaged page, a signed cell run into counts) is no
    digit: no count is cut through it, and the splitter answers instead of raising."""
    result = split_row(["51257296148405-11962353"], REQUEST_SHAPE)
    assert all(isinstance(v, int) or v is None for reading in result.readings for v in reading)


def test_numbers_a_blank_line_apart_are_never_joined_as_the_pieces_of_one() -> None:
    """Plain pdftotext prints every cell of a narrow table with a blank line after it, and a
    wrapped number's pieces on lines next to each other: eight numbers for seven cells, each a
    blank line from the next, are no wrapped number at all (``2 0 0 1 1 4 0 15`` is a row
    with a blank cell and the next row's last two numbers, not ``20 0 1 1 4 0 15``)."""
    printed = ["2", "0", "0", "1", "1", "4", "0", "15"]
    assert len(wrapped_alternatives(printed, 7)) == 7
    assert wrapped_alternatives(printed, 7, [True] * 7) == ()
    # only the pieces on lines next to each other may be joined
    apart = [True, True, True, True, True, True, False]
    assert wrapped_alternatives(printed, 7, apart) == (("2", "0", "0", "1", "1", "4", "015"),)


def test_the_sums_down_the_table_do_not_move_a_number_from_where_its_column_puts_it() -> None:
    """``pdftotext -layout``: 18507 stands in its column on the row's line, 7098 wrapped above
    and below it in the next. The row's sum holds with the two either way round; the rows
    below (the report's own slip) add up only with them swapped. The text says where 18507
    stood, the arithmetic says otherwise: both cells are left blank, never read swapped."""
    rows = {row: [0] * 7 for row in REQUEST_ROWS}
    own = [9571, 9766, 12162, 6689, 18507, 7098]
    rows["new_received"] = [*own, sum(own)]
    rows["granted"] = rows["total_processed"] = [*own[:4], own[5], own[4], sum(own)]
    report = _report(_requests(rows))
    lines = govinfo_report.render(report, "columns").split("\n")
    k = next(n for n, line in enumerate(lines) if line.startswith("一、本年新收"))
    row, above, below = lines[k], "", ""
    for number in ("9766", "7098"):
        at = row.index(number)
        indent = "".join("  " if unicodedata.east_asian_width(ch) in "WF" else " " for ch in row[:at])
        above += indent[len(above) :] + number[:2]
        below += indent[len(below) :] + number[2:]
        row = row[:at] + " " * len(number) + row[at + len(number) :]
    lines[k : k + 1] = [above, row.rstrip(), below]
    parsed = govinfo_report.parse("\n".join(lines))
    assert parsed.requests is not None
    assert parsed.requests.new_received.values() == (9571, 9766, 12162, 6689, None, None, sum(own))
    assert ("glued-cells-ambiguous", "new_received") in {(d.code, d.row) for d in parsed.diagnostics}
