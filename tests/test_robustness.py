"""Robustness: rendered reports changed the way real documents differ, and text that is no report.

Every mutation kind states its property here, and ``check_mutated`` holds the parse to it:

* lossless kinds (whitespace and blank lines, full-/half-width, quotes, 1.→1、, letter spacing,
  labels broken over lines or wrapped below their numbers, truncated or dropped header cells,
  markdown marks on headings, page footers and form feeds, a repeated title, sub-headings that
  share a section's numeral, thousands separators and full-width digits, Word's
  ``[bookmark: _GoBack]``, footnote marks or a note in brackets after a number, links to other
  reports above the title) — every cell, the agency, the year and the six headings read exactly;
* ``dropped-row`` — the dropped row reads blank and a ``missing-row`` diagnostic names it;
  every other cell reads exactly;
* ``emptied-cell`` — that one cell (empty, or a blank mark such as — / 无 ×) reads None (never
  0); every other cell reads exactly;
* ``shifted-row`` — a row that lost its leading cell: losing an empty merged cell or a group
  label changes nothing; losing the row's own label or a value either still reads exactly
  (a label-less row between two known rows is placed by position) or leaves that row (table
  四: the table) blank with ``missing-row`` / ``row-value-count`` / ``table-value-count`` —
  never a wrong number; every other cell reads exactly.

Garbage — any text, a report cut anywhere, sections repeated over and over, binary-ish data,
shuffled lines — gives a Report or a ``ReportError``, nothing else.
"""

from __future__ import annotations

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import RENDER_LAYOUTS, Cell, Report, ReportError
from govinfo_report.testing import (
    MUTATION_LAYOUTS,
    MUTATIONS,
    Rendered,
    check_mutated,
    mutations,
    report_texts,
)
from govinfo_report.writers.text import render_placed

LOSSLESS = {
    "whitespace",
    "widths",
    "quotes",
    "variant-characters",
    "enumerators",
    "letter-spacing",
    "line-break",
    "wrapped-below",
    "dropped-header",
    "truncated-header",
    "heading-marks",
    "page-breaks",
    "repeated-title",
    "sub-headings",
    "number-format",
    "word-artefact",
    "footnote-marks",
    "link-lines",
}
DAMAGING = {"dropped-row", "emptied-cell", "shifted-row"}


def test_every_mutation_kind_has_a_stated_property() -> None:
    assert set(MUTATIONS) == LOSSLESS | DAMAGING


@pytest.mark.parametrize("kind", sorted(MUTATIONS))
@given(data=st.data())
def test_a_mutated_report_reads_as_promised(kind: str, data: st.DataObject) -> None:
    layout = data.draw(st.sampled_from(MUTATION_LAYOUTS.get(kind, RENDER_LAYOUTS)), label="layout")
    rendered: Rendered = data.draw(report_texts(layout), label="rendered")
    mutated = data.draw(MUTATIONS[kind](rendered), label="mutated")
    if kind in LOSSLESS:  # the promise itself: nothing may change, nothing may be blank
        assert mutated.expected == rendered.report and not mutated.damaged and not mutated.required
    if kind == "dropped-row":
        assert [code for code, _, _ in mutated.required] and {c for c, _, _ in mutated.required} == {
            "missing-row"
        }
    parsed = govinfo_report.parse(mutated.text)
    assert check_mutated(parsed, mutated) == []


@given(data=st.data())
def test_two_mutations_of_kinds_that_lose_nothing_still_read_exactly(data: st.DataObject) -> None:
    rendered: Rendered = data.draw(report_texts(), label="rendered")
    first = data.draw(
        mutations(rendered, sorted(LOSSLESS - {"sub-headings", "repeated-title"})), label="first"
    )
    again = Rendered(first.text, rendered.report, rendered.layout)
    # the second mutation works on the text only (noise, widths, marks), not on placed rows
    second = data.draw(mutations(again, ["whitespace", "widths", "quotes", "word-artefact", "enumerators"]))
    parsed = govinfo_report.parse(second.text)
    assert check_mutated(parsed, second) == []


# --- garbage never breaks it ------------------------------------------------------------------


def _parse_or_report_error(text: str) -> Report | None:
    try:
        report = govinfo_report.parse(text)
    except ReportError:
        return None
    assert isinstance(report, Report)
    return report


@given(st.text())
def test_any_text_gives_a_report_or_a_report_error(text: str) -> None:
    _parse_or_report_error(text)


@given(
    st.text(
        alphabet=st.sampled_from(
            "一二三四五六、．.（）()总体情况主动公开收到处理申请行政复议诉讼\t|\n 0123456789-—/"
        )
    )
)
def test_report_shaped_noise_gives_a_report_or_a_report_error(text: str) -> None:
    _parse_or_report_error(text)


@given(st.binary(max_size=3000), st.sampled_from(["latin-1", "utf-8", "gb18030", "utf-16-le"]))
def test_binary_ish_data_gives_a_report_or_a_report_error(data: bytes, encoding: str) -> None:
    _parse_or_report_error(data.decode(encoding, errors="replace"))


@given(report_texts(), st.data())
def test_a_report_cut_anywhere_gives_a_report_or_a_report_error(
    rendered: Rendered, data: st.DataObject
) -> None:
    cut = data.draw(st.integers(0, len(rendered.text)), label="cut")
    report = _parse_or_report_error(rendered.text[:cut])
    if report is not None and cut == len(rendered.text):
        assert report.agency == rendered.report.agency


@given(report_texts(), st.integers(2, 40), st.data())
def test_repeated_sections_give_a_report_or_a_report_error(
    rendered: Rendered, times: int, data: st.DataObject
) -> None:
    lines = rendered.text.split("\n")
    start = data.draw(st.integers(0, len(lines) - 1), label="start")
    end = data.draw(st.integers(start, len(lines)), label="end")
    text = "\n".join(lines[:start] + lines[start:end] * times + lines[end:])
    _parse_or_report_error(text)


@given(report_texts(), st.integers(0, 2**32 - 1))
def test_shuffled_lines_give_a_report_or_a_report_error(rendered: Rendered, seed: int) -> None:
    lines = rendered.text.split("\n")
    random.Random(seed).shuffle(lines)
    _parse_or_report_error("\n".join(lines))


@given(report_texts(layout="tsv"))
def test_a_report_repeated_whole_reads_its_first_copy(rendered: Rendered) -> None:
    report = _parse_or_report_error(rendered.text * 3)
    assert report is not None
    assert (report.agency, report.year) == (rendered.report.agency, rendered.report.year)


# --- regressions the generator found ----------------------------------------------------------


def _sample() -> Report:
    from pathlib import Path

    return govinfo_report.parse_file(
        Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
    )


def test_a_letter_spaced_yi_inside_a_label_is_not_a_blank_cell() -> None:
    # 只计这 一 情形: in space-aligned text the lone 一 was read as a blank mark (一 for —) and
    # the row lost its values
    report = _sample()
    text = govinfo_report.render(report, "columns")
    spaced = text.replace("只计这一情", "只计这 一 情")
    assert spaced != text
    parsed = govinfo_report.parse(spaced)
    assert parsed.requests == report.requests


def test_a_label_wrapped_below_its_numbers_after_the_header_is_still_found() -> None:
    # the first row's label run starts with the header text; its start (本年新收政府) must be
    # recognised as a cut-short label, not only when exactly four characters stay
    report = _sample()
    lines = govinfo_report.render(report, "columns").split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith("一、本年新收政府信息公开申请数量")]
    lines[index] = lines[index].replace("信息公开申请数量", "        " * 2, 1)
    lines.insert(index + 1, "信息公开申请数量")
    parsed = govinfo_report.parse("\n".join(lines))
    assert parsed.requests == report.requests


def test_a_two_line_tab_separated_table_is_read_as_tab_separated() -> None:
    # table 四 with only its last header line and its values row: two lines were too few to be
    # taken for tab-separated, the tabs were read as spaces and a blank first value was lost
    report = _sample()
    blank_first = attrs.evolve(
        report.review_litigation, review=attrs.evolve(report.review_litigation.review, upheld=Cell(None))
    )
    report = attrs.evolve(report, review_litigation=blank_first)
    text, placement = render_placed(report, "tsv")
    lines = text.split("\n")
    first, _ = placement.tables["review_litigation"]
    del lines[first : first + 2]
    parsed = govinfo_report.parse("\n".join(lines))
    assert parsed.review_litigation == report.review_litigation
