"""Table traps: the situations real renderings produce, each in a small synthetic table."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

import govinfo_report
from govinfo_report.model import Report

ROW_LABELS = [
    ("一、本年新收政府信息公开申请数量", ""),
    ("二、上年结转政府信息公开申请数量", ""),
    ("三、本年度办理结果", "（一）予以公开"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("（三）不予公开", "1.属于国家秘密"),
    ("", "2.其他法律行政法规禁止公开"),
    ("", "3.危及“三安全一稳定”"),
    ("", "4.保护第三方合法权益"),
    ("", "5.属于三类内部事务信息"),
    ("", "6.属于四类过程性信息"),
    ("", "7.属于行政执法案卷"),
    ("", "8.属于行政查询事项"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("", "2.没有现成信息需要另行制作"),
    ("", "3.补正后申请内容仍不明确"),
    ("（五）不予处理", "1.信访举报投诉类申请"),
    ("", "2.重复申请"),
    ("", "3.要求提供公开出版物"),
    ("", "4.无正当理由大量反复申请"),
    ("", "5.要求行政机关确认或重新出具已获取信息"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("", "3.其他"),
    ("（七）总计", ""),
    ("四、结转下年度继续办理", ""),
]
ROW_IDS = [
    "new_received", "carried_over", "granted", "partially_granted",
    "denied_state_secret", "denied_prohibited_by_law", "denied_three_safeties", "denied_third_party",
    "denied_internal_affairs", "denied_process_info", "denied_law_enforcement_file", "denied_inquiry",
    "unavailable_not_held", "unavailable_needs_compilation", "unavailable_unclear",
    "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive",
    "rejected_confirmation", "other_overdue_correction", "other_unpaid_fee", "other_misc",
    "total_processed", "carried_forward",
]  # fmt: skip
HEADER_TSV = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t总计\n"
    "\t\t自然人\t法人或其他组织\t\t\t\t\t\n"
    "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n"
)


def values(index: int) -> list[int]:
    """Distinct, recognisable numbers per row: row 3 → [31, 32, …, 36, total]."""
    six = [index * 10 + k for k in range(1, 7)]
    return [*six, sum(six)]


def wrap(section_three: str, section_four: str = "") -> str:
    return (
        "测试县测试局2023年政府信息公开工作年度报告\n"
        "一、总体情况\n正文。\n"
        "三、收到和处理政府信息公开申请情况\n"
        f"{section_three}\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        f"{section_four}\n"
        "五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n"
    )


def tsv_table(rows: list[tuple[str, str, list[str]]]) -> str:
    lines = [HEADER_TSV.rstrip("\n")]
    for group, leaf, cells in rows:
        lines.append("\t".join([group, leaf, *cells]))
    return "\n".join(lines)


def standard_rows() -> list[tuple[str, str, list[str]]]:
    return [(g, leaf, [str(v) for v in values(i)]) for i, (g, leaf) in enumerate(ROW_LABELS)]


def requests_of(report: Report) -> dict[str, list[object]]:
    assert report.requests is not None
    return {row_id: list(row.values()) for row_id, row in report.requests.rows()}


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def test_tsv_reads_every_cell() -> None:
    report = govinfo_report.parse(wrap(tsv_table(standard_rows())))
    got = requests_of(report)
    for i, row_id in enumerate(ROW_IDS):
        assert got[row_id] == values(i), row_id
    assert got["other_processing"] == [None] * 7
    assert [d for d in report.diagnostics if d.table == "requests"] == []


def test_row_whose_leading_cells_were_lost_shifts_back_into_place() -> None:
    rows = standard_rows()
    _group, leaf, cells = rows[7]
    lines = tsv_table(rows).split("\n")
    lines[4 + 7] = leaf + "\t\t" + "\t".join(cells) + "\t"  # label moved into the first column
    lines[4 + 23] = "（七）总计\t" + "\t".join(rows[23][2]) + "\t\t"  # values shifted left
    report = govinfo_report.parse(wrap("\n".join(lines)))
    got = requests_of(report)
    assert got["denied_third_party"] == values(7)
    assert got["total_processed"] == values(23)
    assert "row-value-count" not in codes(report)


def test_blank_marks_and_empty_cells_are_none_never_zero() -> None:
    rows = standard_rows()
    rows[0] = (rows[0][0], rows[0][1], ["5", "", "/", "-", "—", "无", "5"])
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    assert requests_of(report)["new_received"] == [5, None, None, None, None, None, 5]


def test_missing_rows_are_blank_with_a_diagnostic() -> None:
    rows = standard_rows()[:23]  # no （七）总计, no 四、结转
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    got = requests_of(report)
    assert got["total_processed"] == [None] * 7
    assert got["carried_forward"] == [None] * 7
    missing = [d.row for d in report.diagnostics if d.code == "missing-row"]
    assert missing == ["total_processed", "carried_forward"]


@pytest.mark.parametrize("cells", [["1", "2", "3"], ["1", "2", "3", "4", "5", "6", "7", "8"]])
def test_a_row_with_too_few_or_too_many_numbers_is_reported_not_guessed(cells: list[str]) -> None:
    rows = standard_rows()
    rows[3] = (rows[3][0], rows[3][1], cells)
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    got = requests_of(report)
    assert got["partially_granted"] == [None] * 7
    assert got["granted"] == values(2) and got["denied_state_secret"] == values(4)
    (note,) = [d for d in report.diagnostics if d.code == "row-value-count"]
    assert note.row == "partially_granted" and note.line is not None
    assert str(len(cells)) in note.message


def test_pipe_rows_with_empty_cells_and_trailing_bars() -> None:
    lines = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||"]
    for i, (group, leaf) in enumerate(ROW_LABELS):
        label = " | ".join(x for x in (group, leaf) if x)
        cells = [str(v) for v in values(i)]
        if i == 1:
            cells[2] = " "
        lines.append(f"{label} | " + " | ".join(cells) + " | ||")
    report = govinfo_report.parse(wrap("\n".join(lines)))
    got = requests_of(report)
    assert got["new_received"] == values(0)
    assert got["carried_over"] == [11, 12, None, 14, 15, 16, values(1)[6]]
    assert got["carried_forward"] == values(24)


def test_markdown_table_with_rule_line() -> None:
    lines = [
        "| 项目 | 明细 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for i, (group, leaf) in enumerate(ROW_LABELS):
        lines.append(f"| {group} | {leaf} | " + " | ".join(str(v) for v in values(i)) + " |")
    got = requests_of(govinfo_report.parse(wrap("\n".join(lines))))
    assert all(got[row_id] == values(i) for i, row_id in enumerate(ROW_IDS))


def test_one_cell_per_line_with_split_header_cells() -> None:
    blocks = [
        "\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\t申请人情况",
        "\t\n\t自然人\n\t法人或其他组织\n\t总计",
        "\t\n\t\n\t商业\n企业\n\t科研\n机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t",
    ]
    for i, (group, leaf) in enumerate(ROW_LABELS):
        cells = [f"\t{group}"] if group else ["\t"]
        if leaf:
            cells.append(f"\t{leaf}")
        cells += [f"\t\u00a0{v}" for v in values(i)]
        blocks.append("\n".join(cells))
    got = requests_of(govinfo_report.parse(wrap("\n\n".join(blocks))))
    assert all(got[row_id] == values(i) for i, row_id in enumerate(ROW_IDS))


def test_space_aligned_pdf_text_with_wrapped_labels_vertical_groups_and_page_footer() -> None:
    lines = [
        "                                   申请人情况",
        "                       自然人  法人或其他组织  总计",
        "                              商业 科研 社会",
        "                              企业 机构 公益组织  法律服务机构  其他",
    ]
    for i, (group, leaf) in enumerate(ROW_LABELS):
        nums = "   ".join(str(v) for v in values(i))
        if i == 3:  # the long label wraps; the numbers come on the next line
            lines.append("       （二）部分公开（区分处理的，只计这一情 形，不")
            lines.append("       计其他情形）")
            lines.append("                                  " + nums)
            continue
        if i == 8:  # a group label printed one character per line between rows
            lines += ["  不", "  予", "  公", "  开"]
        if i == 16:
            lines += ["", "                         -7-", "\f"]
        label = leaf or group
        lines.append(f"  {label}          {nums}")
    report = govinfo_report.parse(wrap("\n".join(lines)))
    got = requests_of(report)
    assert all(got[row_id] == values(i) for i, row_id in enumerate(ROW_IDS))


def test_letter_spaced_and_misspelt_labels_are_repaired_with_a_note() -> None:
    rows = standard_rows()
    rows[0] = ("一、本 年 新 收 政 府 信 息 公 开 申 请 数 量", "", rows[0][2])
    rows[5] = ("", "2.其他法律行政止公开", rows[5][2])  # a label with characters missing
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    got = requests_of(report)
    assert got["new_received"] == values(0)
    assert got["denied_prohibited_by_law"] == values(5)
    repaired = [d.row for d in report.diagnostics if d.code == "label-repaired"]
    assert repaired == ["denied_prohibited_by_law"]


def test_other_and_total_are_told_apart_by_position() -> None:
    # 其他 and 总计 also head columns; only the row labels at their places count as rows
    report = govinfo_report.parse(wrap(tsv_table(standard_rows())))
    got = requests_of(report)
    assert got["other_misc"] == values(22)
    assert got["total_processed"] == values(23)


def test_other_processing_printed_as_one_row() -> None:
    rows = standard_rows()
    rows[20:23] = [("（六）其他处理", "", [str(v) for v in values(20)])]
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    got = requests_of(report)
    assert got["other_processing"] == values(20)
    assert got["other_overdue_correction"] == [None] * 7
    assert "other-processing-single-row" in codes(report)
    assert "missing-row" not in codes(report)


def test_unknown_extra_row_is_reported_with_its_label_and_values() -> None:
    rows = standard_rows()
    rows.insert(5, ("", "9.属于其他情形", ["1", "0", "0", "0", "0", "0", "1"]))
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    (note,) = [d for d in report.diagnostics if d.code == "unknown-row"]
    assert "属于其他情形" in note.message and "1 0 0 0 0 0 1" in note.message
    assert requests_of(report)["denied_prohibited_by_law"] == values(5)


@pytest.mark.parametrize("collapsed", [False, True])
def test_an_added_numbered_other_row_is_not_the_templates_other_row(collapsed: bool) -> None:
    """``6.其他`` added under （五）不予处理 is an unknown row, not 3.其他 of （六）: only its
    number tells them apart, and it is not 3."""
    rows = standard_rows()
    if collapsed:
        rows[20:23] = [("（六）其他处理", "", [str(v) for v in values(20)])]
    rows.insert(20, ("", "6.其他", ["9", "9", "9", "9", "9", "9", "54"]))
    report = govinfo_report.parse(wrap(tsv_table(rows)))
    got = requests_of(report)
    if collapsed:
        assert got["other_processing"] == values(20)
        assert got["other_misc"] == [None] * 7
    else:
        assert got["other_misc"] == values(22)
    (note,) = [d for d in report.diagnostics if d.code == "unknown-row"]
    assert "6.其他" in note.message


def _other_years_rows() -> list[tuple[str, str, list[str]]]:
    """The table's rows with other numbers in every cell but the first row's."""
    rows = standard_rows()
    return [rows[0], *((g, leaf, [str(int(v) + 500) for v in cells]) for g, leaf, cells in rows[1:])]


@pytest.mark.parametrize(
    ("before", "between", "read"),
    [
        ("", "附：2022年度收到和处理政府信息公开申请情况（供对比）", "first"),
        ("2022年度情况", "2023年度情况", "second"),
        ("上年度情况", "本年度情况", "second"),
    ],
)
def test_a_table_printed_twice_reads_the_copy_its_heading_gives_the_year(
    before: str, between: str, read: str
) -> None:
    """Another year's copy beside the year's own (for comparison) is told by the words before
    each copy; the rows are never mixed from the two."""
    this_year, other_year = standard_rows(), _other_years_rows()
    first, second = (this_year, other_year) if read == "first" else (other_year, this_year)
    text = f"{before}\n{tsv_table(first)}\n{between}\n{tsv_table(second)}"
    report = govinfo_report.parse(wrap(text))
    got = requests_of(report)
    assert {row: got[row] for row in ROW_IDS} == {row: values(i) for i, row in enumerate(ROW_IDS)}
    assert "table-printed-twice" in codes(report)


def test_a_table_printed_twice_with_nothing_to_tell_the_copies_apart_keeps_what_they_share() -> None:
    report = govinfo_report.parse(wrap(f"{tsv_table(standard_rows())}\n{tsv_table(_other_years_rows())}"))
    got = requests_of(report)
    assert got["new_received"] == values(0)  # both copies print it alike
    assert all(got[row] == [None] * 7 for row in ROW_IDS[1:])
    (note,) = [d for d in report.diagnostics if d.code == "table-copies-differ"]
    assert "168" in note.message  # 24 rows of 7 cells differ


def test_a_remark_column_after_the_templates_columns_holds_no_value() -> None:
    """A table that adds a 备注 column: each row's last cell (empty, or 无) is its remark, so a
    row with a blank cell of its own does not slide its numbers left."""
    header, *lines = tsv_table(standard_rows()).split("\n")
    secret = next(k for k, line in enumerate(lines) if "1.属于国家秘密" in line)
    lines[secret] = lines[secret].replace("\t41\t", "\t\t", 1)  # 自然人 printed blank
    remarks = ["无" if k % 3 == 0 else "" for k in range(len(lines))]
    text = "\n".join(
        [header + "\t备注", *(line + "\t" + remark for line, remark in zip(lines, remarks, strict=True))]
    )
    got = requests_of(govinfo_report.parse(wrap(text)))
    assert got["denied_state_secret"] == [None, *values(4)[1:]]
    assert all(got[row] == values(i) for i, row in enumerate(ROW_IDS) if row != "denied_state_secret")


def test_labels_wrapped_in_narrow_top_aligned_cells_keep_the_numbers_beside_their_first_line() -> None:
    """A PDF's layout text of a Word table whose cells are top-aligned and narrow: each label's
    first line — its number and a character — stands beside the row's numbers, the rest of it
    on the lines below, before the next row's first line. The numbers are that row's, never the
    row above's whose words precede them."""
    lines = [
        "                              自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计"
    ]
    for group, leaf, cells in standard_rows():
        label = leaf or group
        number = re.match(r"[一二三四五六七八九十]、|（[一二三四五六七八九十]）|[0-9]\.", label)
        cut = (number.end() if number else 0) + 1
        first, rest = label[:cut], label[cut:]
        lines.append(f"  {first}" + " " * (12 - 2 * len(first)) + "  ".join(f"{c:>4}" for c in cells))
        lines += [f"  {rest[k : k + 2]}" for k in range(0, len(rest), 2)]
    got = requests_of(govinfo_report.parse(wrap("\n".join(lines))))
    assert {row: got[row] for row in ROW_IDS} == {row: values(i) for i, row in enumerate(ROW_IDS)}


def test_prose_before_the_table_does_not_steal_a_row() -> None:
    prose = "本年新收政府信息公开申请数量 9 件，办结 9 件。"
    report = govinfo_report.parse(wrap(prose + "\n" + tsv_table(standard_rows())))
    assert requests_of(report)["new_received"] == values(0)


REVIEW_HEADER = (
    "行政复议\t\t\t\t\t行政诉讼\n"
    "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
    "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
)


def test_review_table_with_truncated_header_cells() -> None:
    header = "行政复议 | 行政诉讼\n结果维持 | 结果 | 其他 | 尚未 | 总计 | 未经复议直接起诉 | 复议后起诉\n"
    body = " | ".join(str(v) for v in range(1, 16))
    report = govinfo_report.parse(wrap(tsv_table(standard_rows()), header + body))
    review = report.review_litigation
    assert review is not None
    assert review.review.values() == (1, 2, 3, 4, 5)
    assert review.litigation_after_review.total.value == 15


def test_review_table_with_a_missing_cell_is_reported() -> None:
    body = "\t".join(str(v) for v in range(1, 15))
    report = govinfo_report.parse(wrap(tsv_table(standard_rows()), REVIEW_HEADER + body))
    assert report.review_litigation is not None
    assert report.review_litigation.review.values() == (None,) * 5
    assert "table-value-count" in codes(report)


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        # a blank first value and a stray tab after the last: the sums keep only the second reading
        (["", "1", "2", "3", "6", *"000000", "1", "1", "0", "2", ""], (None, 1, 2, 3, 6)),
        # a merged cell's shadow before the values, the last one blank: only the first
        (["", "1", "2", "3", "0", "6", *"000000", "1", "1", "0", ""], (1, 2, 3, 0, 6)),
    ],
    ids=["blank-first", "blank-last"],
)
def test_a_review_table_with_an_empty_cell_at_both_ends_is_read_the_way_its_sums_hold(
    cells: list[str], read: tuple[int | None, ...]
) -> None:
    report = govinfo_report.parse(wrap(tsv_table(standard_rows()), REVIEW_HEADER + "\t".join(cells)))
    assert report.review_litigation is not None
    assert report.review_litigation.review.values() == read
    assert "table-edge-cells-chosen" in codes(report)


def test_a_review_table_with_an_empty_cell_at_both_ends_whose_sums_tell_nothing_is_blank() -> None:
    # all zeros but for the blank: both readings keep every sum, so neither is read
    cells = ["", *"0" * 14, ""]
    report = govinfo_report.parse(wrap(tsv_table(standard_rows()), REVIEW_HEADER + "\t".join(cells)))
    assert report.review_litigation is not None
    assert report.review_litigation.review.values() == (None,) * 5
    assert "table-edge-cells-ambiguous" in codes(report)


ACTIVE = (
    "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "规章\t1\t2\t3\n规范性文件\t4\t5\t6\n"
    "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t3,985,758\n"
    "第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t８\n行政强制\t\n"
    "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t96171.60\n"
)


def test_active_disclosure_table() -> None:
    text = wrap("").replace("三、收到", "二、主动公开政府信息情况\n" + ACTIVE + "三、收到")
    report = govinfo_report.parse(text)
    active = report.active_disclosure
    assert active is not None
    assert active.regulations.values() == (1, 2, 3)
    assert active.normative_documents.values() == (4, 5, 6)
    assert active.licensing.decisions.value == 3985758
    assert active.punishment.decisions.value == 8
    assert active.enforcement.decisions.value is None
    assert active.fees.amount.value == Decimal("96171.60")


def test_cells_remember_their_source_line() -> None:
    text = wrap(tsv_table(standard_rows()))
    report = govinfo_report.parse(text)
    assert report.requests is not None
    line = report.requests.total_processed.total.line
    assert line is not None
    assert text.split("\n")[line - 1].startswith("（七）总计")


# Table 二 as a PDF's text prints it without -layout: column by column, one cell per line, a blank
# cell printed as nothing, so labels whose numbers went missing run into the next label.
ACTIVE_BY_COLUMN = (
    "第二十条第（一）项\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n"
    "{documents}\n\n"
    "第二十条第（五）项\n信息内容\n\n本年处理决定数量\n\n{licensing}"
    "第二十条第（六）项\n信息内容\n\n本年处理决定数量\n\n{sanctions}"
    "第二十条第（八）项\n信息内容\n\n本年收费金额（单位：万元）\n\n行政事业性收费\n\n12.5\n"
)


def _table_two_2019(lines: list[str]) -> Report:
    """A 2019 report of table 二 alone, printed as ``lines`` (a PDF's text)."""
    title = ["某县某局2019年政府信息公开工作年度报告", "二、主动公开政府信息情况"]
    return govinfo_report.parse("\n".join([*title, *lines, "三、收到和处理政府信息公开申请情况", "无"]))


DOCUMENTS = "规章\n\n1\n2\n3\n\n行政规范性文件\n\n4\n5\n6"


def _by_column(documents: str, licensing: str, sanctions: str) -> Report:
    table = ACTIVE_BY_COLUMN.format(documents=documents, licensing=licensing, sanctions=sanctions)
    text = wrap("").replace("三、收到", "二、主动公开政府信息情况\n" + table + "三、收到")
    return govinfo_report.parse(text)


def test_numbers_after_two_labels_one_cell_per_line_are_not_given_to_either_row() -> None:
    # 行政处罚 has no number of its own: the one number after 行政强制 may be either row's
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚\n行政强制\n\n8\n\n")
    active = report.active_disclosure
    assert active is not None
    assert active.regulations.values() == (1, 2, 3)
    assert active.normative_documents.values() == (4, 5, 6)
    assert active.licensing.decisions.value == 7
    assert active.punishment.decisions.value is None
    assert active.enforcement.decisions.value is None
    (note,) = [d for d in report.diagnostics if d.code == "row-values-ambiguous"]
    assert (note.row, "行政处罚" in note.message) == ("enforcement", True)
    assert "missing-row" in codes(report)
    assert active.fees.amount.value == Decimal("12.5")


def test_a_number_before_a_label_without_numbers_is_given_to_neither_row() -> None:
    # 行政强制 has no number after its label: the one number after 行政处罚 may be either row's
    # (a PDF's text prints a row's numbers before its label as readily as after)
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚\n\n8\n\n行政强制\n\n")
    active = report.active_disclosure
    assert active is not None
    assert active.licensing.decisions.value == 7
    assert active.punishment.decisions.value is None
    assert active.enforcement.decisions.value is None
    (note,) = [d for d in report.diagnostics if d.code == "row-values-before-label"]
    assert (note.row, "行政强制" in note.message) == ("punishment", True)


def test_a_number_in_its_labels_block_before_a_label_without_numbers_is_given_to_neither_row() -> None:
    # plain pdftotext prints a cell's lines together: 行政处罚 and 1 in one block ties them only
    # so far, when 行政强制 follows with no number of its own
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚\n8\n\n行政强制\n\n")
    active = report.active_disclosure
    assert active is not None
    assert active.punishment.decisions.value is None
    (note,) = [d for d in report.diagnostics if d.code == "row-values-before-label"]
    assert note.row == "punishment"
    # on the label's own line the number is the label's
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚 8\n\n行政强制\n\n")
    assert report.active_disclosure is not None
    assert report.active_disclosure.punishment.decisions.value == 8


def test_numbers_before_a_label_whose_row_is_short_are_given_to_neither_row() -> None:
    """规范性文件's second number was printed before its label, after 规章's two (规章's third
    cell is blank): 规章 then 60512, then 8781 3811, then 规范性文件 with one number of three."""
    active = _table_two_2019(
        [
            "第二十条第（一）项",
            "信息内容",
            "规章",
            "本年新制作数量",
            "本年新公开数量",
            "",
            "60512",
            "",
            "8781",
            "3811",
            "",
            "规范性文件",
            "对外公开总数量",
            "",
            "9",
        ]
    ).active_disclosure
    assert active is not None
    assert active.regulations.values() == (None, None, None)


def test_two_labels_then_one_number_each_read_in_label_order() -> None:
    # rows of one cell: printed row by row or column by column, the numbers read the same
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚\n行政强制\n\n8\n9\n\n")
    active = report.active_disclosure
    assert active is not None
    assert (active.punishment.decisions.value, active.enforcement.decisions.value) == (8, 9)
    assert "row-values-ambiguous" not in codes(report)
    (note,) = [d for d in report.diagnostics if d.code == "row-by-position"]
    assert note.row == "punishment"


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        # all zeros: every order a text prints them in reads the same
        ("0\n0\n0\n0\n0\n0", ((0, 0, 0), (0, 0, 0))),
        # row by row 1 2 3 | 4 5 6, column by column 1 3 5 | 2 4 6: either may be the text's
        ("1\n2\n3\n4\n5\n6", ((None, None, None), (None, None, None))),
    ],
)
def test_two_labels_then_all_their_numbers_are_read_only_when_every_order_agrees(
    numbers: str, expected: tuple[tuple[int | None, ...], ...]
) -> None:
    report = _by_column(f"规章\n行政规范性文件\n\n{numbers}\n\n", "行政许可\n\n7\n\n", "行政处罚\n\n8\n\n")
    active = report.active_disclosure
    assert active is not None
    assert (active.regulations.values(), active.normative_documents.values()) == expected
    assert ("row-values-ambiguous" in codes(report)) == (expected[0][0] is None)
    assert active.licensing.decisions.value == 7


def test_a_number_on_the_line_of_its_label_belongs_to_that_label() -> None:
    # the same two labels, but the number printed on 行政强制's own line: no doubt whose it is
    report = _by_column(DOCUMENTS, "行政许可\n\n7\n\n", "行政处罚\n行政强制 8\n\n")
    active = report.active_disclosure
    assert active is not None
    assert active.enforcement.decisions.value == 8
    assert "row-values-ambiguous" not in codes(report)


def test_numbers_whose_rows_are_named_elsewhere_are_not_placed_by_position() -> None:
    # 规章's numbers were blank, so 行政规范性文件's three numbers follow both labels, and the
    # numbers between 行政规范性文件 and 行政强制 belong to rows whose labels come later
    report = _by_column(
        "规章\n行政规范性文件\n\n4\n5\n6\n\n9\n\n10",
        "行政许可\n\n",
        "行政处罚\n行政强制\n\n8\n\n",
    )
    active = report.active_disclosure
    assert active is not None
    assert active.regulations.values() == (None, None, None)
    assert active.normative_documents.values() == (None, None, None)
    assert active.licensing.decisions.value is None
    assert active.punishment.decisions.value is None
    assert "row-values-ambiguous" in codes(report)
    unplaced = [d for d in report.diagnostics if d.code == "unplaced-values"]
    assert unplaced and all(d.table == "active_disclosure" for d in unplaced)
    assert {"9", "10"} <= {d.message.split("(")[1].split(")")[0] for d in unplaced}


def test_a_row_without_a_label_still_fills_a_gap_whose_labels_are_nowhere() -> None:
    # a label lost altogether (not printed elsewhere): the one row between two found rows is
    # placed by position, with a warning
    table = "规章\t1\t2\t3\n\t4\t5\t6\n行政许可\t7\n行政处罚\t8\n行政强制\t9\n行政事业性收费\t1.5\n"
    text = wrap("").replace("三、收到", "二、主动公开政府信息情况\n" + table + "三、收到")
    report = govinfo_report.parse(text)
    assert report.active_disclosure is not None
    assert report.active_disclosure.normative_documents.values() == (4, 5, 6)
    assert "row-by-position" in codes(report)


def test_numbers_after_a_short_row_are_not_trusted_when_off_their_line() -> None:
    # 规章 lost a number: its column's remaining cell may be any of the numbers printed after it,
    # in its own group or in another (plain pdftotext moves blocks of text past the groups)
    report = _by_column(
        "规章\n\n1\n2\n\n行政规范性文件\n\n4\n5\n6", "行政许可\n\n7\n\n", "行政处罚\n\n8\n\n行政强制\n\n9\n\n"
    )
    active = report.active_disclosure
    assert active is not None
    assert active.regulations.values() == (None, None, None)
    assert active.normative_documents.values() == (None, None, None)
    moved = {d.row: d.message for d in report.diagnostics if d.code == "row-values-moved"}
    assert "规章" in moved["normative_documents"]
    assert (active.licensing.decisions.value, active.enforcement.decisions.value) == (None, None)
    assert {"licensing", "punishment", "enforcement"} <= moved.keys()
    # but an amount with decimals is no count of 规章's: the fee stands
    assert active.fees.amount.value == Decimal("12.5") and "fees" not in moved


@pytest.mark.parametrize(
    ("documents", "licensing", "sanctions"),
    [
        # the numbers on their label's line
        ("规章 1 2\n行政规范性文件 4 5 6", "行政许可\n\n7\n\n", "行政处罚\n\n8\n\n行政强制\n\n9\n\n"),
        # one cell per line with a blank line after each row (a Word export): the block ties the
        # numbers to the label, however the short row above lost its cell
        ("规章\n1\n2\n\n行政规范性文件\n4\n5\n6", "行政许可\n7\n\n", "行政处罚\n8\n\n行政强制\n9\n\n"),
    ],
    ids=["on-the-label-line", "in-the-label-block"],
)
def test_a_row_printed_with_its_label_after_a_short_row_is_read(
    documents: str, licensing: str, sanctions: str
) -> None:
    report = _by_column(documents, licensing, sanctions)
    active = report.active_disclosure
    assert active is not None
    assert active.normative_documents.values() == (4, 5, 6)
    assert "row-values-moved" not in codes(report)


def test_a_joined_sub_row_of_other_processing_read_beside_its_one_row_form_is_not_trusted() -> None:
    """A PDF's text printed （六）其他处理 as one row with numbers, and its sub-row 3.其他 with
    three numbers and the rest on lines after it — a number wrapped in its narrow cell
    (``1002`` as ``100`` and ``2``) makes up the count, and the total is left over. The table
    read as printed (（六） as one row) has no rule about 3.其他, so nothing confirms the
    joined row: it is blank, never read as ``… 100 2``."""
    from govinfo_report.reading.items import Item, ObservedRow
    from govinfo_report.reading.placement import read_rows
    from govinfo_report.template.formats import get_format

    spec = get_format("2021").tables["requests"]
    observed: list[ObservedRow] = []

    def row(label: str, numbers: list[str]) -> None:
        line = len(observed) + 1
        values = tuple(Item("num", n, line, row=line, col=k + 1) for k, n in enumerate(numbers))
        observed.append(ObservedRow(label, values, line, bool(label), bool(label)))

    for r in spec.rows:
        if r.id in ("other_overdue_correction", "other_unpaid_fee", "other_misc"):
            continue
        if r.id == "other_processing":
            row(r.label, ["0"] * 7)
            row("3.其他", ["199", "1691", "218"])
            row("", ["400"])
            row("", ["21"])
            row("", ["100", "2"])
            row("", ["3531"])
            continue
        row(r.label, ["0"] * 7)
    read = read_rows(observed, spec)
    assert all(cell.value is None for cell in read.rows["other_misc"])
    assert "other_misc" in {d.row for d in read.diagnostics if d.code == "row-values-unverified"}


def test_a_blank_line_inside_a_wrapped_label_is_no_cell_of_it() -> None:
    rows = standard_rows()
    lines = tsv_table(rows).split("\n")
    cells = "\t".join(rows[19][2])
    # the label wrapped, and a blank line between its two parts
    lines[3 + 19] = "\t\t5.要求\n \n行政机关确认或重新出具已获取信息\t" + cells
    report = govinfo_report.parse(wrap("\n".join(lines)))
    assert requests_of(report)["rejected_confirmation"] == values(19)
    assert [d for d in report.diagnostics if d.table == "requests"] == []


def test_a_markdown_table_whose_merged_cells_stand_offset_from_their_headers_is_read() -> None:
    """A 2019 table 二 as markdownify pads a web page's merged cells: 本年增/减 spans the second and
    third columns of its header row, each row's first value the first and second of its own, so
    a value stands beside its header, not under it; and the header row, without values, is part
    of the first row's label run."""
    text = (
        "某县某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\n"
        "| 第二十条第（一）项 | | | | |\n| --- | --- | --- | --- | --- |\n"
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | | 对外公开总数量 |\n"
        "| 规章 | 13 | 12 | | 524 |\n| 规范性文件 | 60 | 59 | | 368 |\n"
        "| 第二十条第（五）项 | | | | |\n"
        "| 信息内容 | 上一年项目数量 | 本年增/减 | | 处理决定数量 |\n"
        "| 行政许可 | 7 | | -2 | 31 |\n| 其他对外管理服务事项 | 4 | | 3 | 9 |\n"
        "三、收到和处理政府信息公开申请情况\n无\n"
    )
    active = govinfo_report.parse(text).active_disclosure
    assert active is not None
    assert active.regulations.values() == (13, 12, 524)
    assert active.normative_documents.values() == (60, 59, 368)
    assert active.licensing.values() == (7, -2, 31)
    assert active.other_services.values() == (4, 3, 9)


def test_a_markdown_grid_whose_labels_stand_in_varying_columns_places_no_value_by_its_column() -> None:
    """A PDF-to-markdown tool's grid of a table the page cut: each row's label stands in another
    column, so a row's count of cells says nothing of its values' columns (here every number is
    the first or second column's). A row that happens to count seven cells is not read by them:
    the rows are left blank, never with a number in another column."""
    e = "|     "

    def row(label_column: int, label: str, cells: list[str]) -> str:
        return e * label_column + f"| {label} " + "".join(f"| {c} " for c in cells) + "|"

    rows = [
        row(0, "一、本年新收政府信息公开申请数量", ["", "", "", "", "47", "6", "", ""]),
        row(0, "二、上年结转政府信息公开申请数量", ["", "", "", "", "2", "", "", ""]),
        row(1, "（一）予以公开", ["", "", "", "30", "4", "", ""]),
        row(1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["", "", "", "9", "", "", ""]),
        row(2, "1.属于国家秘密", ["", "", "1", "", "", ""]),
        row(2, "2.其他法律行政法规禁止公开", ["", "", "", "", "", ""]),
        row(2, "3.危及“三安全一稳定”", ["", "", "", "", "", ""]),
        row(1, "（七）总计", ["", "", "", "38", "7", "", ""]),
    ]
    header = "| 申请人情况 |" + e * 7 + "|\n|" + " --- |" * 9
    report = govinfo_report.parse(wrap(header + "\n" + "\n".join(rows)))
    assert all(value is None for row_values in requests_of(report).values() for value in row_values)
    assert "row-value-count" in codes(report)


#: Table 三 as pypdf prints a table of narrow cells: labels wrapped at ten characters, group labels
#: three to a line, two rows whose blank total left them a number short, and three rows whose
#: numbers stand on a line of their own below their label.
PYPDF_NARROW = """（本列数据的勾稽关系为：第一项加第二
项之和，等于第三项加第四项之和）
申请人情况
自然人法人或其他组织 总计
商业企业科研
机构
一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0
二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
三、本年
度办理结
果
（一）予以公开 0 0 0 0 0 0{pad}
（二）部分公开（区分处理的，
只计这一情形，不计其他情形）0 0 0 0 0 0{pad}
（三）
不予公
开
1.属于国家秘密 0 0 0 0 0 0 0
2.其他法律行政法规禁
止公开 0 0 0 0 0 0 0
3.危及“三安全一稳定” 0 0 0 0 0 0 0
4.保护第三方合法权益 0 0 0 0 0 0 0
5.属于三类内部事务信
息 0 0 0 0 0 0 0
6.属于四类过程性信息 0 0 0 0 0 0 0
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
（四）
无法提
供
1.本机关不掌握相关政
府信息 0 0 0 0 0 0 0
2.没有现成信息需要另
行制作 0 0 0 0 0 0 0
3.补正后申请内容仍不
明确 0 0 0 0 0 0 0
（五）
不予处
理
1.信访举报投诉类申请 0 0 0 0 0 0 0
2.重复申请 0 0 0 0 0 0 0
3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由大量反复
申请
0 0 0 0 0 0 0
5.要求行政机关确认或
重新出具已获取信息 0 0 0 0 0 0 0
（六）
其他处
理
1.申请人无正当理由逾
期不补正、行政机关不
再处理其政府信息公开
申请
0 0 0 0 0 0 0
2.申请人逾期未按收费
通知要求缴纳费用、行
政机关不再处理其政府
信息公开申请
0 0 0 0 0 0 0
3.其他 0 0 0 0 0 0 0
（七）总计 0 0 0 0 0 0 0
四、结转下年度继续办理 0 0 0 0 0 0 0
""".replace("{pad}", "  ")


def test_numbers_printed_whole_on_a_line_below_their_label_are_no_cells_moved_from_a_short_row() -> None:
    """Seven numbers on one line, each in a column of its own, are one row of the table: a
    short row above does not make them cells moved from it (they are still held to the
    table's arithmetic, as every row tied to its label only by the order of the text)."""
    report = govinfo_report.parse(wrap(PYPDF_NARROW))
    assert "row-values-moved" not in codes(report)
    assert all(v in (0, None) for row in requests_of(report).values() for v in row)


def test_numbers_before_a_label_are_not_its_own_after_a_short_row_of_another_part() -> None:
    """Plain pdftotext of a LibreOffice PDF printed 行政强制's last number (1033) in the next part
    of table 二, before 行政事业性收费's own (2861) and its label: with a row above short of
    numbers, the two numbers before the label are not placed as 行政事业性收费's by position."""
    text = """\
某县某局2019年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容

本年新制作数量

本年新公开数量

对外公开总数量

规章

280

规范性文件

13406

2041

513

上一年项目数量

本年增/减

处理决定数量

353

4735

5557

336

43836

信息内容

上一年项目数量

本年增/减

处理决定数量

行政处罚

5999

行政强制

264

-27

上一年项目数量

本年增/减

9600

第二十条第（五）项
信息内容
行政许可
其他对外管理服务事项
第二十条第（六）项

21991

第二十条第（八）项
信息内容

1033

2861

行政事业性收费
第二十条第（九）项
信息内容

采购项目数量

政府集中采购

348

采购总金额

三、收到和处理政府信息公开申请情况
无
"""
    report = govinfo_report.parse(text)
    active = report.active_disclosure
    assert active is not None
    assert active.fees.values() == (None, None)


def test_numbers_before_a_row_short_of_cells_are_not_counted_into_their_label_s() -> None:
    """Plain pdftotext printed 行政许可's numbers with its last two columns swapped (58 is its
    处理决定数量, 219 its 本年增/减) before 其他对外管理服务事项, which prints two numbers of three:
    nothing in the text places them, so the row is left blank."""
    active = _table_two_2019(
        [
            "第二十条第（五）项",
            "信息内容",
            "",
            "上一年项目数量 本年增/减",
            "",
            "处理决定数量",
            "",
            "行政许可",
            "",
            "520",
            "",
            "58",
            "",
            "219",
            "",
            "其他对外管理服务事项 185",
            "",
            "21344",
        ]
    ).active_disclosure
    assert active is not None
    assert active.licensing.values() == (None, None, None)


def test_a_label_broken_at_the_letter_one_reads_as_its_row() -> None:
    """A label broken over lines at 一 (``3.危及“三安全`` / ``一`` / ``稳定”``): the lone 一 is a
    letter of the label, not a blank cell's mark."""
    from govinfo_report.testing import cell_differences
    from report_files import SAMPLE

    report = govinfo_report.parse_file(SAMPLE)
    text = govinfo_report.render(report, "columns")
    assert "三安全一稳定" in text
    parsed = govinfo_report.parse(text.replace("三安全一稳定", "三安全\n一\n稳定", 1))
    assert cell_differences(parsed, report) == []


def test_a_markdown_row_short_of_a_value_has_its_blank_where_its_own_grid_pads_it() -> None:
    """markitdown printed 行政处罚 and 行政强制 in a grid of their own, an empty column after
    the label in every row of it, whose header row it printed in the grid above: 行政处罚's one
    blank is at its end (the label column's shadow is no cell), and the header of the other
    grid, offset from this one's values, does not place them."""
    parsed = _table_two_2019(
        [
            "第二十条第（五）项",
            "| 信息内容       | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            "| ---------- | ------- | ----- | ------ |",
            "| 行政许可       | 2459    | 400   | 0      |",
            "| 其他对外管理服务事项 | 21      | -277  | 2318   |",
            "第二十条第（六）项",
            "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            "| ---- | ------- | ----- | ------ |",
            "",
            "| 行政处罚 |     | 8102 | -47 |      |     |     |",
            "| ---- | --- | ---- | --- | ---- | --- | --- |",
            "| 行政强制 |     | 1293 | -31 | 1730 |     |     |",
        ]
    )
    active = parsed.active_disclosure
    assert active is not None
    assert active.punishment.values() == (8102, -47, None)
    assert active.enforcement.values() == (1293, -31, 1730)


def test_numbers_after_a_run_short_of_the_cells_of_the_labels_it_holds_are_not_trusted() -> None:
    """pdfminer printed the labels of two groups of table 二 together, then five numbers for the
    nine cells of 规章, 规范性文件 and 行政许可 (blank cells print nothing), and 行政许可's last
    number after 其他对外管理服务事项: its three numbers off its line may hold it."""
    lines = [
        "第二十条第（一）项",
        "信息内容",
        "规章",
        "规范性文件",
        "第二十条第（五）项",
        "信息内容",
        "行政许可",
    ]
    lines += ["本年新制作数量", "本年新公开数量", "对外公开总数量", "1214", "81914", "14586", "1021", "61422"]
    lines += ["上一年项目数量", "本年增/减", "处理决定数量", "239", "其他对外管理服务事项", "4", "343", "286"]
    parsed = _table_two_2019("\n\n".join(lines).split("\n"))
    active = parsed.active_disclosure
    assert active is not None
    assert active.other_services.values() == (None, None, None)
    noted = {(d.code, d.row) for d in parsed.diagnostics}
    # (239 before its label, taken by no row, says so as well)
    assert noted & {
        ("row-values-moved", "other_services"),
        ("row-values-after-stray-numbers", "other_services"),
    }


def test_numbers_after_a_label_with_stray_numbers_before_it_are_not_trusted() -> None:
    """Plain pdftotext printed 行政许可's one number (-38) before its label, among its group's
    headers, and 其他对外管理服务事项's three after it (that label printed elsewhere): the
    numbers after 行政许可 are not read as its own."""
    lines = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
    lines += ["规章", "2744", "500", "173", "规范性文件", "302", "500", "120"]
    lines += ["上一年项目数量", "本年增/减", "处理决定数量", "第二十条第（五）项", "信息内容", "-38"]
    lines += ["行政许可", "62", "-144", "1699", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
    lines += ["行政处罚", "611", "-62", "1194", "行政强制", "50707", "239", "29673"]
    parsed = _table_two_2019("\n\n".join(lines).split("\n"))
    active = parsed.active_disclosure
    assert active is not None
    assert active.licensing.values() == (None, None, None)
    codes = {(d.code, d.row) for d in parsed.diagnostics}
    assert ("row-values-after-stray-numbers", "licensing") in codes


#: Rows a PDF extractor printed on their label's line, in the text of the tests below; the
#: others print their numbers on the line after their label.
_ON_THE_LABELS_LINE = {"granted", "rejected_duplicate", "other_misc", "total_processed", "carried_forward"}


def _extracted_with_a_wrapped_row(
    numbers_first: bool = False, on_the_labels_line: frozenset[str] = frozenset(_ON_THE_LABELS_LINE)
) -> str:
    """Table 三 as a PDF extractor prints a table whose narrow cells wrapped the numbers of
    its first row (pypdf): the first lines of its cells, then a line of their last digits; the
    总计 row with the pieces of its own numbers; each row's own sum holding, the sums across
    the table failing. ``numbers_first``: every row's numbers on the line before its label;
    ``on_the_labels_line``: the rows printed on their label's line (the others, after it)."""
    header = "申请人情况\n自然人\n法人或其他组织\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n总计"
    lines = [header]
    for i, (row_id, (group, leaf)) in enumerate(zip(ROW_IDS, ROW_LABELS, strict=True)):
        label = group + leaf
        numbers = " ".join(map(str, values(i)))
        if row_id == "new_received":  # 1011 … 1066 and 6231 wrapped as 101 … 623, then 1 … 1
            lines += [label, "101 102 103 104 105 106 623", "1 2 3 4 5 6 1"]
        elif row_id == "total_processed":
            pieces = "2 1 2 2 2 3 2 4 2 5 2 6 15"
            lines += [f"{label} {pieces}"] if row_id in on_the_labels_line else [label, pieces]
        elif numbers_first:
            lines += [numbers, label]
        elif row_id in on_the_labels_line:
            lines.append(f"{label} {numbers}")
        else:
            lines += [label, numbers]
    return wrap("\n".join(lines))


@pytest.mark.parametrize("on_the_labels_line", [_ON_THE_LABELS_LINE, set()])
def test_rows_printed_after_their_labels_up_to_a_row_on_its_own_line_are_read(
    on_the_labels_line: set[str],
) -> None:
    """Numbers left over (the pieces of a wrapped row) say the text lost track of some rows;
    a row whose own sum holds and whose numbers follow its label, right before the next row
    whose numbers stand on its label's line (or follow it so in turn), is read all the same:
    the numbers between two labels can be no one else's. Where no row prints its numbers on
    its label's line (``pdftotext -raw``), the last row ends the chain: its numbers follow its
    label, add up, and nothing after them is a number. The wrapped row, the rows beside its
    pieces and the 总计 row of pieces stay blank; so do the rows beside that row where it is no
    anchor (its pieces may be theirs)."""
    report = govinfo_report.parse(
        _extracted_with_a_wrapped_row(on_the_labels_line=frozenset(on_the_labels_line))
    )
    got = requests_of(report)
    blank = {"new_received", "carried_over", "total_processed"}
    if not on_the_labels_line:
        blank |= {"other_misc", "carried_forward"}
    for i, row_id in enumerate(ROW_IDS):
        assert got[row_id] == ([None] * 7 if row_id in blank else values(i)), row_id
    unverified = {d.row for d in report.diagnostics if d.code == "row-values-unverified"}
    assert "carried_over" in unverified


def test_rows_printed_before_their_labels_are_not_read_by_the_order_of_the_text() -> None:
    """The same table with every row's numbers before its label: no row prints its numbers on
    its label's line to end a chain, so each label's numbers after it may be the next row's —
    none is read from them."""
    report = govinfo_report.parse(_extracted_with_a_wrapped_row(numbers_first=True))
    got = requests_of(report)
    for i, row_id in enumerate(ROW_IDS):
        assert got[row_id] in ([None] * 7, values(i)), row_id
    assert all(got[row_id] == [None] * 7 for row_id in ROW_IDS[3:23])
