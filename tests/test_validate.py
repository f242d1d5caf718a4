"""The validator: each rule broken once gives exactly its finding, at the right cells and lines;
the same report without the fault gives none; real reports give no false errors."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import govinfo_report
from govinfo_report import Finding, Report, ValidationResult, check_continuity, validate
from govinfo_report.diagnostics import CATALOGUE
from govinfo_report.model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Decisions,
    DocumentCounts,
    Fees,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
    Value,
)
from govinfo_report.template.spec import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_OUTCOMES
from govinfo_report.testing import Rendered, report_texts, reports
from govinfo_report.writers.text import render_placed

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

# A small, consistent table 三: every 勾稽关系 holds.
ROWS: dict[str, tuple[int, ...]] = {
    "new_received": (12, 1, 0, 0, 1, 0, 14),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (10, 1, 0, 0, 0, 0, 11),
    "partially_granted": (2, 0, 0, 0, 0, 0, 2),
    "unavailable_not_held": (0, 0, 0, 0, 1, 0, 1),
    "total_processed": (12, 1, 0, 0, 1, 0, 14),
    "carried_forward": (1, 0, 0, 0, 0, 0, 1),
}
REVIEW = {
    "review": (12, 0, 0, 0, 12),
    "litigation_direct": (0, 1, 0, 0, 1),
    "litigation_after_review": (0,) * 5,
}
OVERVIEW = "全年收到政府信息公开申请14件，上年结转1件，办结14件，结转下年度1件。"
NEUTRAL = "本年度依法依规做好政府信息公开工作。"
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}


def _cells(values: tuple[int, ...]) -> list[Cell]:
    return [Cell(v) for v in values]


def clean_report(overview: str = NEUTRAL, year: int = 2023, collapsed: bool = False) -> Report:
    rows: dict[str, Any] = {}
    for row in REQUEST_ROWS:
        if row == ("other_misc" if collapsed else "other_processing") or (
            collapsed and row in ("other_overdue_correction", "other_unpaid_fee")
        ):
            continue
        rows[row] = RequestRow(*_cells(ROWS.get(row, (0,) * 7)))
    texts = {1: overview, 5: "（一）存在问题。解读形式单一。", 6: "本年度未收取信息处理费。"}
    return Report(
        format="2021",
        title=f"示例县示例镇人民政府{year}年政府信息公开工作年度报告",
        agency="示例县示例镇人民政府",
        year=year,
        sections=tuple(Section(n, h, texts.get(n, "")) for n, h in HEADINGS.items()),
        active_disclosure=ActiveDisclosure(
            regulations=DocumentCounts(Cell(0), Cell(0), Cell(0)),
            normative_documents=DocumentCounts(Cell(3), Cell(1), Cell(12)),
            licensing=Decisions(Cell(5)),
            punishment=Decisions(Cell(2)),
            enforcement=Decisions(Cell(0)),
            fees=Fees(Cell(Decimal("0.5"))),
        ),
        requests=Requests(**rows),
        review_litigation=ReviewLitigation(**{b: ReviewBlock(*_cells(v)) for b, v in REVIEW.items()}),
    )


def changed(report: Report, changes: dict[tuple[str, str, str], Value]) -> Report:
    """The report with some cells set to other values."""
    for (table, row, column), value in changes.items():
        source = getattr(report, table)
        old_row = getattr(source, row)
        new_row = attrs.evolve(old_row, **{column: Cell(value)})
        report = attrs.evolve(report, **{table: attrs.evolve(source, **{row: new_row})})
    return report


def where(result: ValidationResult, *codes: str) -> list[tuple[str, str | None, str | None]]:
    return [(f.code, f.row, f.column) for f in result if not codes or f.code in codes]


def parsed(text: str) -> tuple[Report, ValidationResult]:
    report = govinfo_report.parse(text)
    return report, validate(report, text=text)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


# --- a correct report ------------------------------------------------------------------------


def test_a_correct_report_has_no_findings_at_all() -> None:
    result = validate(clean_report(overview=OVERVIEW))
    assert list(result) == [] and result.ok and not result.errors and not result.warnings


@pytest.mark.parametrize("layout", govinfo_report.RENDER_LAYOUTS)
def test_a_correct_report_rendered_and_parsed_has_no_findings(layout: str) -> None:
    text = govinfo_report.render(clean_report(overview=OVERVIEW), layout)
    _, result = parsed(text)
    assert where(result) == []


def test_check_is_validate() -> None:
    report = changed(clean_report(), {("review_litigation", "review", "upheld"): 13})
    assert report.check() == validate(report)
    assert len(report.check()) == 1


# --- arithmetic ------------------------------------------------------------------------------


def test_balance_broken_in_two_columns() -> None:
    # carried_forward 自然人 1 → 2 (and its 总计): 一 + 二 ≠ 七 + 四 in those two columns only.
    report = changed(
        clean_report(),
        {("requests", "carried_forward", "natural_person"): 2, ("requests", "carried_forward", "total"): 2},
    )
    result = validate(report)
    assert where(result) == [
        ("requests-balance", "total_processed", "natural_person"),
        ("requests-balance", "total_processed", "total"),
    ]
    first = result[0]
    assert first.severity == "error" and not result.ok
    assert (first.expected, first.actual) == (11, 12)
    assert (
        first.message_zh
        == "三、（七）总计 · 自然人：报告值 12，按“一+二−四”应为 11，相差 1（一=12，二=1，四=2）"
    )
    assert [(c.row, c.column) for c in first.cells] == [
        ("total_processed", "natural_person"),
        ("new_received", "natural_person"),
        ("carried_over", "natural_person"),
        ("carried_forward", "natural_person"),
    ]


def test_results_sum_broken() -> None:
    # One request moved from 商业企业 to 自然人 in （一）予以公开: the row still adds up, the
    # two columns no longer do.
    report = changed(
        clean_report(),
        {("requests", "granted", "natural_person"): 11, ("requests", "granted", "commercial_enterprise"): 0},
    )
    result = validate(report)
    assert where(result) == [
        ("requests-results-sum", "total_processed", "natural_person"),
        ("requests-results-sum", "total_processed", "commercial_enterprise"),
    ]
    assert (result[0].expected, result[0].actual) == (13, 12)
    assert "（一）予以公开 11" in result[0].message_zh
    assert len(result[0].cells) == 1 + 21  # 七 and the 21 result rows of format 2021


def test_row_sum_broken() -> None:
    report = changed(
        clean_report(),
        {
            ("requests", "granted", "natural_person"): 11,
            ("requests", "partially_granted", "natural_person"): 1,
        },
    )
    result = validate(report)
    assert where(result) == [
        ("requests-row-sum", "granted", "total"),
        ("requests-row-sum", "partially_granted", "total"),
    ]
    assert [(f.expected, f.actual) for f in result] == [(12, 11), (1, 2)]
    assert result[0].message_zh.startswith(
        "三、（一）予以公开 · 总计：报告值 11，按“自然人与法人或其他组织各列之和”应为 12"
    )


def test_review_block_sum_broken() -> None:
    result = validate(changed(clean_report(), {("review_litigation", "review", "upheld"): 13}))
    assert where(result) == [("review-block-sum", "review", "total")]
    assert (
        result[0].message_zh
        == "行政复议 · 总计：报告值 12，按“维持+纠正+其他+尚未审结”应为 13，相差 1（13+0+0+0）"
    )


def test_collapsed_other_processing_row_is_summed_in_place_of_the_three() -> None:
    report = clean_report(collapsed=True)
    moved = changed(
        report,
        {
            ("requests", "other_processing", "natural_person"): 1,
            ("requests", "other_processing", "total"): 1,
            ("requests", "partially_granted", "natural_person"): 1,
            ("requests", "partially_granted", "total"): 1,
        },
    )
    assert where(validate(moved)) == []
    broken = changed(moved, {("requests", "other_processing", "natural_person"): 2})
    assert where(validate(broken)) == [
        ("requests-results-sum", "total_processed", "natural_person"),
        ("requests-row-sum", "other_processing", "total"),
    ]


def test_format_2019_report_checks_its_single_other_processing_row() -> None:
    report = attrs.evolve(
        clean_report(year=2020, collapsed=True),
        format="2019",
        active_disclosure=ActiveDisclosure2019(),
    )
    active = {(f.row, f.column) for f in validate(report).by_code("blank-cells")[0].cells}
    assert ("procurement", "total_amount") in active  # the 2019 table 二 is checked for blanks
    filled = attrs.evolve(report, active_disclosure=_filled_2019())
    assert where(validate(filled)) == []


def _filled_2019() -> ActiveDisclosure2019:
    active = ActiveDisclosure2019()
    for field in attrs.fields(ActiveDisclosure2019):
        if field.name != "extra_rows":
            row = getattr(active, field.name)
            zeros = {c.name: Cell(0) for c in attrs.fields(type(row))}
            active = attrs.evolve(active, **{field.name: attrs.evolve(row, **zeros)})
    return active


def test_a_variants_extra_row_may_or_may_not_be_part_of_the_results_sum() -> None:
    report = clean_report()
    assert report.requests is not None
    extra_row = dict(zip(REQUEST_COLUMNS, _cells((1, 0, 0, 0, 0, 0, 1)), strict=True))
    with_extra = attrs.evolve(
        report, requests=attrs.evolve(report.requests, extra_rows={"rejected_other": extra_row})
    )
    assert where(validate(with_extra)) == []  # the extra row is a subset: sums hold without it
    counted = changed(
        with_extra,
        {
            ("requests", key, column): value + 1
            for key in ("new_received", "total_processed")
            for column, value in (("natural_person", 12), ("total", 14))
        },
    )
    assert where(validate(counted)) == []  # the extra row is a result row: sums hold with it
    assert with_extra.requests is not None
    broken = attrs.evolve(
        with_extra,
        requests=attrs.evolve(
            with_extra.requests, extra_rows={"rejected_other": {**extra_row, "total": Cell(2)}}
        ),
    )
    assert where(validate(broken)) == [("requests-row-sum", "rejected_other", "total")]


# --- blank cells: cannot check, never a failure ------------------------------------------------


def test_a_blank_operand_is_cannot_check_not_a_failure() -> None:
    report = changed(clean_report(), {("requests", "granted", "research_institution"): None})
    result = validate(report)
    assert result.ok
    assert where(result) == [
        ("blank-cells", "granted", "research_institution"),
        ("cannot-check", None, None),
        ("cannot-check", None, None),
    ]
    assert result[0].severity == "warning"
    assert [(c.row, c.column) for c in result[0].cells] == [("granted", "research_institution")]
    rules = [f.rule for f in result.by_code("cannot-check")]
    assert rules == ["requests-results-sum", "requests-row-sum"]
    assert all(f.severity == "info" for f in result.by_code("cannot-check"))


def test_a_blank_never_counts_as_zero_but_filled_parts_may_already_exceed_the_total() -> None:
    # 10 + 1 + blank + … can never be 5, whatever the blank holds.
    report = changed(
        clean_report(),
        {
            ("requests", "granted", "research_institution"): None,
            ("requests", "granted", "total"): 5,
            ("requests", "partially_granted", "total"): 8,  # keeps column 总计 adding up
        },
    )
    result = validate(report)
    row_sums = result.by_code("requests-row-sum")
    assert [(f.row, f.expected, f.actual) for f in row_sums] == [
        ("granted", 11, 5),
        ("partially_granted", 2, 8),
    ]
    assert "已填写的各项之和已为 11" in row_sums[0].message_zh


def test_a_wholly_blank_table_gives_one_cannot_check_per_rule() -> None:
    empty = Requests()
    result = validate(attrs.evolve(clean_report(), requests=empty))
    assert where(result, "cannot-check") == [("cannot-check", None, None)] * 3
    assert len(result.by_code("blank-cells")) == 1 and result.ok


# --- structure -------------------------------------------------------------------------------


def test_missing_row_is_surfaced_with_its_row() -> None:
    text = govinfo_report.render(clean_report())
    lines = text.split("\n")
    del lines[line_of(text, "（二）部分公开") - 1]
    _, result = parsed("\n".join(lines))
    assert where(result, "missing-row") == [("missing-row", "partially_granted", None)]
    assert result.ok and not where(result, "blank-cells")  # the parser already said why


def test_row_out_of_order() -> None:
    text = govinfo_report.render(clean_report())
    lines = text.split("\n")
    at = line_of(text, "3.危及") - 1
    lines[at], lines[at + 1] = lines[at + 1], lines[at]
    _, result = parsed("\n".join(lines))
    warnings = [(f.code, f.row, f.line) for f in result.warnings]
    assert warnings == [("row-out-of-order", "denied_three_safeties", at + 2)]
    assert not result.by_code("unknown-row") and not result.by_code("missing-row")


def test_unknown_extra_row() -> None:
    text = govinfo_report.render(clean_report())
    lines = text.split("\n")
    at = line_of(text, "6.属于四类")
    lines.insert(at - 1, "\t\t9.属于其他情形\t0\t0\t0\t0\t0\t0\t0")
    _, result = parsed("\n".join(lines))
    assert [(f.code, f.line) for f in result] == [("unknown-row", at)]


def test_missing_section_and_missing_table() -> None:
    report = clean_report()
    no_five = attrs.evolve(report, sections=tuple(s for s in report.sections if s.number != 5))
    assert where(validate(no_five)) == [("missing-section", None, None)]
    assert "五、存在的主要问题及改进情况" in validate(no_five)[0].message_zh
    no_table = attrs.evolve(report, review_litigation=None)
    assert where(validate(no_table)) == [("missing-table", None, None)]
    assert validate(no_table)[0].table == "review_litigation"

    text = govinfo_report.render(report)
    gone = (
        text[: text.index(HEADINGS[4])] + HEADINGS[4] + "\n\n本年度无。\n\n" + text[text.index(HEADINGS[5]) :]
    )
    _, result = parsed(gone)
    assert [(f.code, f.table) for f in result.warnings] == [("missing-table", "review_litigation")]


def test_label_repaired_is_surfaced() -> None:
    text = govinfo_report.render(clean_report()).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    _, result = parsed(text)
    assert [(f.code, f.row, f.severity, f.line) for f in result] == [
        ("label-repaired", "denied_prohibited_by_law", "info", line_of(text, "行政止公开"))
    ]


def test_blank_cells_are_one_warning_per_table_naming_whole_columns() -> None:
    blanks: dict[tuple[str, str, str], Value] = {
        ("requests", row, column): None
        for row in ROWS
        for column in ("research_institution", "social_welfare_org")
    }
    blanks.update(
        {
            ("requests", row, column): None
            for row in REQUEST_ROWS
            if row not in ROWS and row != "other_processing"
            for column in ("research_institution", "social_welfare_org")
        }
    )
    blanks[("active_disclosure", "enforcement", "decisions")] = None
    result = validate(changed(clean_report(), blanks))
    blank = result.by_code("blank-cells")
    assert [(f.table, len(f.cells)) for f in blank] == [("active_disclosure", 1), ("requests", 50)]
    assert "科研机构、社会公益组织 列全部空白" in blank[1].message_zh
    assert "行政强制 · 本年处理决定数量" in blank[0].message_zh
    assert result.ok


@pytest.mark.parametrize(("fmt", "year", "expected"), [("2019", 2023, "2021"), ("2021", 2020, "2019")])
def test_template_that_does_not_match_the_year(fmt: str, year: int, expected: str) -> None:
    report = attrs.evolve(clean_report(year=year, collapsed=fmt == "2019"), format=fmt)
    if fmt == "2019":
        report = attrs.evolve(report, active_disclosure=_filled_2019())
    result = validate(report)
    assert where(result) == [("format-year-mismatch", None, None)]
    assert f"应采用{expected} 年版模板" in result[0].message_zh
    assert where(validate(attrs.evolve(report, year=2022 if fmt == "2021" else 2020))) == []


def test_invalid_counts_from_json() -> None:
    data = govinfo_report.to_dict(clean_report())
    data["requests"]["granted"]["other_org"] = -1
    data["review_litigation"]["review"]["pending"] = Decimal("0.5")
    result = validate(govinfo_report.from_dict(data))
    codes = where(result, "invalid-count")
    assert codes == [("invalid-count", "granted", "other_org"), ("invalid-count", "review", "pending")]
    assert not result.ok


# --- likely causes ---------------------------------------------------------------------------


def test_a_number_split_in_two_cells_is_suggested_not_applied() -> None:
    text = govinfo_report.render(clean_report()).replace("（一）予以公开\t10\t", "（一）予以公开\t1\t0\t")
    report, result = parsed(text)
    hints = result.by_code("likely-split-number")
    assert [(f.row, f.column, f.expected, f.line, f.severity) for f in hints] == [
        ("granted", "natural_person", 10, line_of(text, "予以公开"), "info")
    ]
    assert "相邻的 1 与 0 很可能是被拆开的一个数 10" in hints[0].message_zh
    assert report.requests is not None and report.requests.granted.natural_person.value is None
    assert result.by_code("row-value-count")  # the parser's own warning is still there


def test_a_number_split_in_table_four() -> None:
    text = govinfo_report.render(clean_report()).replace("\n12\t0\t0\t0\t12\t", "\n1\t2\t0\t0\t0\t12\t")
    _, result = parsed(text)
    hints = result.by_code("likely-split-number")
    assert [(f.row, f.column, f.expected) for f in hints] == [("review", "upheld", 12)]


def test_no_split_suggestion_when_two_joins_would_fit() -> None:
    # 1 0 1 0 … : joining either pair gives a row that adds up; the columns decide, and here
    # they are blank, so nothing is suggested.
    report = changed(clean_report(), {("requests", "total_processed", c): None for c in REQUEST_COLUMNS})
    text = govinfo_report.render(report).replace("（一）予以公开\t10\t1\t", "（一）予以公开\t1\t0\t1\t")
    _, result = parsed(text)
    assert result.by_code("row-value-count") and not result.by_code("likely-split-number")


def test_a_row_shifted_by_one_column_is_suggested() -> None:
    # （一）予以公开 printed one column to the left: 10 lost, 1 under 自然人, 11 under 其他.
    shifted = dict(zip(REQUEST_COLUMNS, (1, 0, 0, 0, 0, 11, None), strict=True))
    report = changed(clean_report(), {("requests", "granted", c): v for c, v in shifted.items()})
    result = validate(report)
    hints = result.by_code("likely-shifted-row")
    assert [(f.row, f.severity) for f in hints] == [("granted", "info")]
    assert "向左错位一列" in hints[0].message_zh
    assert {f.code for f in result.errors} == {"requests-results-sum"}


# --- prose against tables --------------------------------------------------------------------


def test_prose_that_restates_the_tables_correctly_is_quiet() -> None:
    text = (
        "2023年，全年收到政府信息公开申请14件，上年结转1件，办结14件，结转下年度1件。"
        "因政府信息公开被申请行政复议12件、提起行政诉讼1件。\n"
        "全年受理网络问政182件，办理12345热线工单900件。2022年收到申请30件，同比增长20件。"
        "其中通过网站收到申请5件。依申请公开信息数182条。收取信息处理费380元。"
    )
    assert where(validate(clean_report(overview=text))) == []


def test_prose_that_contradicts_a_table_is_a_warning_naming_both_places() -> None:
    overview = "全年收到政府信息公开申请20件，因政府信息公开被申请行政复议3件，未发生行政诉讼。"
    report = clean_report(overview=overview)
    text, placement = render_placed(report)
    report, result = parsed(text)
    assert [(f.code, f.severity) for f in result] == [("prose-mismatch", "warning")] * 3
    sentence = line_of(text, "全年收到")
    received = result[0]
    assert received.line == sentence and (received.actual, received.expected) == (20, 14)
    line, _, _ = placement.cells["requests", "new_received", "total"]
    assert [(c.table, c.row, c.column, c.line) for c in received.cells] == [
        ("sections", "1", None, sentence),
        ("requests", "new_received", "total", line + 1),
    ]
    assert received.message_zh == (
        f"第一部分（第 {sentence} 行）称“全年收到政府信息公开申请20件”（20），"
        "而一、本年新收申请数量 · 总计为 14"
    )
    assert [(f.actual, f.expected) for f in result[1:]] == [(3, 12), (0, 1)]
    assert not validate(report).errors


def test_prose_without_the_text_still_names_the_section() -> None:
    report = clean_report(overview="全年收到政府信息公开申请20件。")
    finding = validate(report)[0]
    assert finding.code == "prose-mismatch" and finding.line is None
    assert finding.message_zh.startswith("第一部分（")


# --- across years ----------------------------------------------------------------------------


def test_continuity_matches_and_mismatches() -> None:
    this_year = clean_report(year=2023)
    last_year = clean_report(year=2022)
    assert list(check_continuity(last_year, this_year)) == []
    last_year = changed(
        last_year,
        {("requests", "carried_forward", "natural_person"): 3, ("requests", "carried_forward", "total"): 3},
    )
    result = check_continuity(last_year, this_year)
    assert where(result) == [
        ("carry-over-mismatch", "carried_over", "natural_person"),
        ("carry-over-mismatch", "carried_over", "total"),
    ]
    first = result[0]
    assert (first.expected, first.actual) == (3, 1) and first.severity == "warning"
    assert [(c.row, c.year) for c in first.cells] == [("carried_over", 2023), ("carried_forward", 2022)]
    assert "2022年度报告“结转下年度继续办理”为 3" in first.message_zh
    both = validate(this_year, previous=last_year)
    assert where(both) == where(result)


def test_continuity_refuses_reports_that_do_not_follow_each_other() -> None:
    assert where(check_continuity(clean_report(year=2021), clean_report(year=2023))) == [
        ("continuity-years", None, None)
    ]
    other = attrs.evolve(clean_report(year=2022), agency="临江市财政局")
    assert where(check_continuity(other, clean_report(year=2023))) == [("continuity-agency", None, None)]
    blank = changed(clean_report(year=2022), {("requests", "carried_forward", "other_org"): None})
    result = check_continuity(blank, clean_report(year=2023))
    assert [(f.code, f.rule) for f in result] == [("cannot-check", "carry-over-continuity")]


# --- the result and its findings -------------------------------------------------------------


def test_every_finding_is_a_catalogued_diagnostic_and_json() -> None:
    report = changed(
        clean_report(overview="全年收到政府信息公开申请20件。"),
        {
            ("requests", "granted", "natural_person"): 11,
            ("requests", "granted", "other_org"): None,
            ("review_litigation", "review", "upheld"): 13,
        },
    )
    result = validate(report)
    assert {f.severity for f in result} == {"error", "warning", "info"}
    for finding in result:
        assert finding.code in CATALOGUE and CATALOGUE[finding.code][0] == finding.severity
        diagnostic = finding.to_diagnostic()
        assert Finding.from_diagnostic(diagnostic).to_diagnostic() == diagnostic
        json.dumps(finding.to_dict(), ensure_ascii=False)
    assert len(result.errors) + len(result.warnings) + len(result.infos) == len(result)
    assert result.diagnostics() == tuple(f.to_diagnostic() for f in result)


def test_validate_never_raises_on_odd_reports() -> None:
    rng = random.Random(20240101)
    choices: list[Value] = [None, 0, 1, 2, 7, 10, 12, -3, Decimal("1.5"), 10**7]
    keys = [("requests", r, c) for r in REQUEST_ROWS for c in REQUEST_COLUMNS]
    keys += [("review_litigation", b, o) for b in REVIEW for o in REVIEW_OUTCOMES]
    for _ in range(200):
        picked = rng.sample(keys, rng.randint(1, 40))
        report = changed(clean_report(), {k: rng.choice(choices) for k in picked})
        if rng.random() < 0.3:
            report = attrs.evolve(report, sections=(), year=None, format=rng.choice(["2019", "other", "xx"]))
        result = validate(report)
        assert all(f.code in CATALOGUE for f in result)


# --- properties: a consistent report is never flagged --------------------------------------------


@given(report_texts(reports_strategy=reports(consistent=True)))
def test_generated_consistent_reports_have_no_errors(rendered: Rendered) -> None:
    result = validate(govinfo_report.parse(rendered.text), text=rendered.text)
    assert not result.errors, [f.message for f in result.errors]


@given(reports(consistent=False, blanks=False))
def test_generated_inconsistent_reports_have_an_error(report: Report) -> None:
    assert validate(report).errors


# --- the real reports ----------------------------------------------------------------------------

#: Errors the real reports do have: (report, code, row, column, expected, actual).
KNOWN_ERRORS = {
    "gh_hongze_2023": [
        ("review-block-sum", "review", "total", 11, 0),
        ("review-block-sum", "litigation_after_review", "total", 5, 0),
    ],
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda p: p.stem
)
def test_real_reports_have_no_false_errors(path: Path) -> None:
    text = govinfo_report.read_text(path)
    result = validate(govinfo_report.parse(text), text=text)
    errors = [(f.code, f.row, f.column, f.expected, f.actual) for f in result.errors]
    assert errors == KNOWN_ERRORS.get(path.stem, [])
    assert all(f.line is not None for f in result.errors)
    assert not result.by_code("prose-mismatch")
