"""Tables as PDF text extractors and PDF-to-markdown tools print them: every cell read is the
printed one, and every cell the text cannot decide is blank with a diagnostic."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Report
from govinfo_report.template.formats import get_format
from govinfo_report.testing import cell_values, reports, reports_2019
from report_files import SAMPLE

REQUESTS = get_format("2021").tables["requests"]

REVIEW_HEADING = "四、政府信息公开行政复议、行政诉讼情况"
REVIEW_HEADER = [
    "行政复议",
    "行政诉讼",
    "未经复议直接起诉",
    "复议后起诉",
    "结果 结果 其他 尚未",
    "维持 纠正 结果 审结",
]


def _heading(text: str, pattern: str) -> int:
    """Where a section heading begins (its words differ between reports)."""
    found = re.search(pattern, text, re.MULTILINE)
    assert found is not None
    return found.start()


def _review_section(text: str) -> tuple[int, int]:
    """Where table 四's section begins and ends in a rendered report."""
    return _heading(text, r"^四、.*行政复议"), _heading(text, r"^五、")


def _review_values(report: Report) -> list[str]:
    values = cell_values(report)
    return [str(v) for (table, _, _), v in values.items() if table == "review_litigation"]


def _with_review_section(report: Report, body: list[str]) -> str:
    """The report rendered as text, its table 四 replaced by ``body`` (one item per line)."""
    text = govinfo_report.render(report, layout="tsv")
    start, end = _review_section(text)
    return text[:start] + "\n".join([REVIEW_HEADING, *body, ""]) + "\n" + text[end:]


def _example_around(start: str, end: str) -> tuple[str, str]:
    """The bundled example rendered as text: what stands before ``start``, and from ``end`` on."""
    text = govinfo_report.render(govinfo_report.parse(open_example()), layout="tsv")
    return text[: text.index(start)], text[text.index(end) :]


def _with_first_sub_table(lines: list[str]) -> Report:
    """The bundled example parsed with table 二's first sub-table printed as ``lines``."""
    before, after = _example_around("第二十条第（一）项", "第二十条第（五）项")
    return govinfo_report.parse(before + "\n".join([*lines, ""]) + after)


def _review_read(parsed: Report) -> list[object]:
    return [v for (table, _, _), v in cell_values(parsed).items() if table == "review_litigation"]


def _assert_review_left_blank(parsed: Report, code: str) -> None:
    """Table 四 was read blank, and a note on it says why with ``code``."""
    assert _review_read(parsed) == [None] * 15
    assert code in {d.code for d in parsed.diagnostics if d.table == "review_litigation"}


@settings(max_examples=25, deadline=None)
@given(report=reports(blanks=False), at=st.integers(1, 14))
def test_table_4_values_parted_by_a_tall_header_cell_are_read_in_order(report: Report, at: int) -> None:
    """Plain pdftotext prints a header cell taller than the value row (总计 over two lines) after
    the values beside it: the one row's fifteen values are still in order."""
    values = _review_values(report)
    body = [*REVIEW_HEADER, *values[:at], "总计", *values[at:]]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [int(v) for v in values]


@settings(max_examples=25, deadline=None)
@given(report=reports(blanks=False), at=st.integers(1, 13), lost=st.integers(0, 14))
def test_table_4_short_of_a_value_is_left_blank_with_a_diagnostic(report: Report, at: int, lost: int) -> None:
    """A text that lost one of table 四's values, or printed nothing for a blank cell: where the
    gap stood no sum can say for sure (a blank may stand for a number its total counts, and
    the report may slip once more), so the table is left blank."""
    values = _review_values(report)
    kept = values[:lost] + values[lost + 1 :]
    body = [*REVIEW_HEADER, *kept[:at], "总计", *kept[at:]]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    _assert_review_left_blank(parsed, "table-value-count")


def test_table_4_numbers_wrapped_under_their_first_line_are_joined() -> None:
    """pypdf prints a row of two-line cells as two lines: every cell's first line (a number that
    fits, or the first digits of one too wide for its narrow cell), then the second pieces. Each
    cell takes its first-line number alone or joined with the next piece: the block totals leave
    one way."""
    report = govinfo_report.parse(open_example())
    first = "26 24 31 13 67 16 22 11 13 63 23 18 30 70 79"
    second = "3 8 4 6 0 8 4 3 5 7 7 0 4"
    parsed = govinfo_report.parse(_with_review_section(report, [*REVIEW_HEADER, "总计", first, second]))
    assert _review_read(parsed) == [263, 248, 31, 134, 676, 160, 228, 114, 133, 635, 237, 187, 300, 70, 794]
    assert "wrapped-cells-joined" in {d.code for d in parsed.diagnostics}


def test_table_4_values_parted_by_prose_are_not_read_as_one_row() -> None:
    report = govinfo_report.parse(open_example())
    values = _review_values(report)
    body = [*REVIEW_HEADER, *values[:7], "注：本表数据截至年底", *values[7:]]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [None] * 15


def test_empty_cells_of_a_markdown_header_row_are_not_table_4_values() -> None:
    """A PDF-to-markdown tool pads each header row with empty cells: the one just before the
    value row is no blank value, so a row that lost a value is not read shifted."""
    report = govinfo_report.parse(open_example())
    values = _review_values(report)[1:]  # one value lost
    body = [
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 "
        "| 总计 | |",
        "| " + " | ".join(values) + " |",
    ]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [None] * 15


@pytest.mark.parametrize(
    ("numbers", "regulations", "normative"),
    [
        # 规章 reads 0 0 0 row by row and column by column; 行政规范性文件 5 0 5 or 0 5 5
        (["0", "0", "0", "5", "0", "5"], (0, 0, 0), (None, None, None)),
        # both rows read alike either way: both placed
        (["0", "0", "0", "0", "0", "0"], (0, 0, 0), (0, 0, 0)),
        # no row reads alike: both blank, as ambiguous
        (["1", "2", "3", "4", "5", "6"], (None, None, None), (None, None, None)),
    ],
)
def test_rows_after_a_label_run_are_read_where_both_orders_agree(
    numbers: list[str], regulations: tuple[object, ...], normative: tuple[object, ...]
) -> None:
    """pdfminer prints a sub-table's labels one after the other, then all its numbers, row by
    row or column by column, one a line (as Word's text export prints the rest of the report):
    a row both orders read alike is placed, the others stay blank."""
    text = govinfo_report.render(govinfo_report.parse(open_example()), layout="cells")
    start, end = text.index("第二十条第（一）项"), text.index("第二十条第（五）项")
    header = ["第二十条第（一）项", "信息内容", "本年制发件数 本年废止件数 现行有效件数"]
    lines = [*header, "规章", "行政规范性文件", *numbers]
    parsed = govinfo_report.parse(text[:start] + "\n".join([*lines, ""]) + text[end:])
    active = parsed.active_disclosure_table
    assert active.regulations.values() == regulations
    assert active.normative_documents.values() == normative
    noted = {(d.code, d.row) for d in parsed.diagnostics}
    if regulations != normative:
        assert ("cells-readings-differ", "normative_documents") in noted


def test_a_markdown_table_with_doubled_columns_leaves_a_row_with_a_blank_unread() -> None:
    """markitdown prints table 二 with an empty column beside each real one: in a row with a
    blank cell the text cannot tell the blank from the shadows, so the row is left blank."""
    parsed = _with_first_sub_table(
        [
            "第二十条第（一）项",
            "|  | 信息内容 | 本年制发件数 |  | 本年废止件数 |  | 现行有效件数 |  |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            "| 规章 |  | 209 |  | 363 |  | 147 |  |",
            "| 行政规范性文件 |  | 119 |  | 748 |  |  |  |",
        ]
    )
    normative = parsed.active_disclosure.normative_documents
    assert [normative.issued.value, normative.repealed.value, normative.in_force.value] == [None] * 3
    noted = {(d.code, d.row) for d in parsed.diagnostics}
    assert ("row-value-count", "normative_documents") in noted


def test_a_markdown_row_whose_every_column_printed_its_value_drops_a_split_headers_empty_cell() -> None:
    """markitdown splits a header wrapped in its cell (``本年 废止`` | ``件``) over two grid
    columns, and each row has an empty cell under the second half: a row that prints a value
    for every column of the table has no blank, so the empty cell is a shadow. A row that
    prints one value fewer has a blank the text cannot place, and stays unread."""
    parsed = _with_first_sub_table(
        [
            "第二十条第（一）项",
            "|     | 本年制发件 | 本年 废止 | 件   | 现行有效件 |",
            "| --- | ----- | ----- | --- | ----- |",
            "信息内容",
            "|       | 数   | 数   |     | 数   |",
            "| ----- | --- | --- | --- | --- |",
            "| 规章    | 0   | 0   |     | 0   |",
            "| 规范性文件 | 8   |    |     | 18  |",
        ]
    )
    active = parsed.active_disclosure
    assert active.regulations.values() == (0, 0, 0)
    assert active.normative_documents.values() == (None, None, None)
    assert ("row-value-count", "normative_documents") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_value_between_two_headers_columns_is_read_only_where_one_header_can_take_it() -> None:
    """markitdown can print a table with an empty header cell where one header's merged cell
    spans two grid columns: a value in that column belongs to the header just left of it or
    just right of it. 规章's two values fit only one way (the right header has its own value);
    行政规范性文件's ``1`` could be either header's, so that row is left blank, not guessed."""
    parsed = _with_first_sub_table(
        [
            "第二十条第（一）项",
            "|  | 信息内容 | 本年制发件数 | 本年废止件数 |  | 现行有效件数 |  |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            "| 规章 |  |  |  | 5 | 0 |  |",
            "| 行政规范性文件 |  | 0 |  | 1 |  |  |",
        ]
    )
    active = parsed.active_disclosure_table
    assert active.regulations.values() == (None, 5, 0)
    assert active.normative_documents.values() == (None, None, None)
    assert ("row-value-count", "normative_documents") in {(d.code, d.row) for d in parsed.diagnostics}


@settings(max_examples=25, deadline=None)
@given(report=reports(blanks=False), extra=st.integers(1, 3))
def test_rows_split_by_position_from_a_run_of_moved_numbers_are_never_read_wrong(
    report: Report, extra: int
) -> None:
    """pdfminer prints table 三 column by column: the first label is followed by the numbers of
    the next rows, column by column, and a later row prints more numbers than it has cells.
    Rows split from that run by position are checked by the table's arithmetic: no number is
    read into a wrong cell, and a row not read is explained."""
    spec = REQUESTS
    values = cell_values(report)
    rows = {row.id: [values["requests", row.id, c] for c in row.columns] for row in spec.rows}
    lines: list[str] = ["三、收到和处理政府信息公开申请情况"]
    for row in spec.rows:
        if all(v is None for v in rows[row.id]):
            continue  # （六）其他处理 as one row or as three: the report prints one of them
        if row.id == "partially_granted":
            continue  # its label is lost; its numbers ride with the row before it
        lines.append(row.label)
        if row.id == "granted":
            pair = zip(rows["granted"], rows["partially_granted"], strict=True)
            lines += [str(v) for column in pair for v in column]
        else:
            lines += [str(v) for v in rows[row.id]]
        if row.id == "carried_forward":
            lines += ["1"] * extra
    text = govinfo_report.render(report, layout="tsv")
    start, end = _heading(text, r"^三、.*申请"), _review_section(text)[0]
    parsed = govinfo_report.parse(text[:start] + "\n".join(lines) + "\n\n" + text[end:])
    got = cell_values(parsed)
    noted = {d.row for d in parsed.diagnostics if d.table == "requests"} | {None}
    for key, want in values.items():
        if key[0] != "requests" or want is None:
            continue
        assert got[key] is None or got[key] == want, (key, got[key], want)
        if got[key] is None:
            assert key[1] in noted or any(
                d.table == "requests" and d.row is None for d in parsed.diagnostics
            ), key


def open_example() -> str:
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "examples" / "sample_report.txt").read_text(
        encoding="utf-8"
    )


def test_table_4_in_narrow_cells_with_a_wrapped_number_is_not_read_by_count() -> None:
    """LibreOffice wraps a number too wide for its narrow cell (169 as 16 / 9) and its header
    letter by letter; with a cell clipped off the page the count is fifteen again by chance.
    The sums fail and the header is not whole words: the table is left blank."""
    report = govinfo_report.parse(open_example())
    printed = ["16", "9", "12", "9", "0", "190", "3", "0", "0", "1", "4", "2", "0", "1", "3"]
    body = ["行政", "复议", "行政", "诉讼", "结", "果", "维", "持"]
    for k, value in enumerate(printed):
        body.append(value)
        body += ["纠", "正"] if k % 3 == 1 else []
    parsed = govinfo_report.parse(_with_review_section(report, body))
    _assert_review_left_blank(parsed, "table-value-count")


def test_a_markdown_table_whose_cells_hold_several_numbers_reads_no_row_short_of_one() -> None:
    """markitdown puts two numbers in one cell of some rows (its columns are not the table's)
    and drops the blank cells of others: in a row that prints six numbers for seven cells, no
    empty cell of the grid says which is the blank. The sums down the table place the row's
    numbers where they can; a cell they cannot tell (which of five zeros was lost) is blank, and
    no number is read shifted."""
    report = govinfo_report.parse(open_example())
    text = govinfo_report.render(report, layout="markdown")
    lines = text.splitlines()
    for k, line in enumerate(lines):
        cells = line.split("|")
        if "（一）予以公开" in line:  # the last two numbers in one cell, a padding cell after
            lines[k] = "|".join(
                [*cells[:-4], f" {cells[-4].strip()} {cells[-3].strip()} ", cells[-2], " ", ""]
            )
        if "（二）部分公开" in line:  # a blank cell collapsed, an empty padding cell before
            lines[k] = "|".join([*cells[:4], "  ", *cells[4:8], *cells[9:]])
    parsed = govinfo_report.parse("\n".join(lines))
    assert parsed.requests is not None and report.requests is not None
    assert parsed.requests.granted == report.requests.granted
    read = [c.value for c in attrs.astuple(parsed.requests.partially_granted, recurse=False)]
    printed = [c.value for c in attrs.astuple(report.requests.partially_granted, recurse=False)]
    assert all(r is None or r == p for r, p in zip(read, printed, strict=True)) and None in read
    assert {"row-value-count", "blank-cells-placed"} & {d.code for d in parsed.diagnostics}


def test_a_row_whose_header_columns_and_own_cells_disagree_is_left_blank() -> None:
    """A PDF-to-markdown tool's grid with an empty column inside the header: a row with a blank
    cell reads one way under the headers and another by trimming its padding, so it is blank."""
    parsed = _with_first_sub_table(
        [
            "第二十条第（一）项",
            "|  | 信息内容 | 本年制发件数 | 本年废止件数 |  | 现行有效件数 |  |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            "| 规章 |  | 307 | 3000 |  |  |  |",
            "| 行政规范性文件 |  | 5 | 6 |  | 7 |  |",
        ]
    )
    active = parsed.active_disclosure
    assert [active.regulations.issued.value, active.regulations.repealed.value] == [None, None]
    assert [c.value for c in attrs.astuple(active.normative_documents, recurse=False)] == [5, 6, 7]
    assert ("row-value-count", "regulations") in {(d.code, d.row) for d in parsed.diagnostics}


@settings(max_examples=25, deadline=None)
@given(report=reports(blanks=False))
def test_totals_cut_at_the_page_edge_are_left_blank_and_the_rest_of_the_row_read(report: Report) -> None:
    """A PDF's table that runs past the page's edge loses the last digits of its 总计 column: a
    total that prints the first digits of its row's sum is blank with ``total-cut``."""
    text = govinfo_report.render(report, layout="tsv")
    start, end = _heading(text, r"^三、.*申请"), _review_section(text)[0]
    lines = text[start:end].split("\n")
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 7 and cells[-1].isdigit() and len(cells[-1]) > 1:
            lines[k] = "\t".join([*cells[:-1], cells[-1][:1]])
    parsed = govinfo_report.parse(text[:start] + "\n".join(lines) + text[end:])
    cut = {d.row for d in parsed.diagnostics if d.code == "total-cut"}
    got, want = cell_values(parsed), cell_values(report)
    long_totals = [v for (t, _, c), v in want.items() if t == "requests" and c == "total" and (v or 0) >= 10]
    for (table, row, column), value in want.items():
        if table != "requests" or value is None:
            continue
        if column == "total" and value >= 10 and len(long_totals) >= 2:
            assert got[table, row, column] is None and row in cut
        elif column == "total" and value >= 10:  # one cut total alone is a report's own slip
            assert got[table, row, column] == int(str(value)[:1]) and not cut
        else:
            assert got[table, row, column] == value


def test_a_table_4_total_cut_at_the_page_edge_is_left_blank() -> None:
    report = govinfo_report.parse(open_example())
    values = [3, 1, 2, 4, 10, 0, 0, 0, 0, 0, 5, 4, 1, 2, 12]
    printed = [str(v)[:1] if k in (4, 14) else str(v) for k, v in enumerate(values)]
    body = ["行政复议\t行政诉讼", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "\t".join(printed)]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [*values[:4], None, *values[5:14], None]
    cut = {(d.code, d.row) for d in parsed.diagnostics}
    assert {("total-cut", "review"), ("total-cut", "litigation_after_review")} <= cut


@settings(max_examples=5, deadline=None)
@given(report=reports_2019(blanks=False))
def test_a_short_row_of_text_without_columns_gets_no_blank_by_position(report: Report) -> None:
    """pdftotext -raw and pdfplumber part every cell by one space: a row of table 二 with a blank
    cell prints two numbers for three columns, and no column position says which is blank,
    even where rows with labels of one length seem to line up."""
    text = govinfo_report.render(report, layout="tsv")
    start, end = text.index("第二十条第（一）项"), _heading(text, r"^三、.*申请")
    header = "信息内容 上一年项目数量 本年增/减 处理决定数量"
    lines = [
        *(
            "第二十条第（一）项",
            "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
            "规章 0",
            "规范性文件 3 0",
        ),
        *("第二十条第（五）项", header, "行政许可 -4 0", "其他对外管理服务事项 2 0"),
        *("第二十条第（六）项", header, "行政处罚 1 5 5", "行政强制 3 -5 0"),
        *("第二十条第（八）项", "信息内容 上一年项目数量 本年增/减", "行政事业性收费 1 2"),
        *("第二十条第（九）项", "信息内容 采购项目数量 采购总金额", "政府集中采购 0 0", ""),
    ]
    table = "\n".join(lines)
    parsed = govinfo_report.parse(text[:start] + table + text[end:])
    licensing = parsed.active_disclosure.licensing
    assert [c.value for c in attrs.astuple(licensing, recurse=False)] == [None] * 3
    assert ("row-value-count", "licensing") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_label_run_ending_where_a_numbered_row_begins_names_that_row() -> None:
    """LibreOffice wraps labels in narrow cells: the text before a row's numbers may end with
    the next row's number and first words, the previous label's end before them."""
    from govinfo_report.reading.labels import LabelIndex

    index = LabelIndex.of(REQUESTS)
    begun = index.begun_at_end("开（区分处理的，只计这一情形，不计其他情形）1.属于国")
    assert begun is not None and REQUESTS.rows[begun].id == "denied_state_secret"
    assert index.begun_at_end("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") is None
    # a number and one character: a narrow top-aligned cell's first line, its row's numbers
    # beside it — a row begins there where no other row's label begins so
    one = index.begun_at_end("…不计其他情形）1.属")
    assert one is not None and REQUESTS.rows[one].id == "denied_state_secret"
    assert index.begun_at_end("…不计其他情形）1.") is None  # its number alone says nothing


def test_a_run_ending_where_a_row_begins_with_group_letters_among_its_lines_names_that_row() -> None:
    """A narrow group column prints （三）不予公开 a letter a line, beside the lines of the labels:
    pdfplumber puts each letter on the line of the label text beside it, so the run ending with
    the next row's first words holds one of them (``2.其他法`` 予 ``律行政法``)."""
    from govinfo_report.reading.labels import LabelIndex

    index = LabelIndex.of(REQUESTS)
    begun = index.begun_at_end("三家秘密）不2.其他法予律行政法")
    assert begun is not None and REQUESTS.rows[begun].id == "denied_prohibited_by_law"
    assert index.begun_at_end("三家秘密）不2.其他法律X行政法") is None  # no group letter: no row
    assert index.begun_at_end("2.予其") is None  # a number and one character of the row


def test_a_wrapped_label_with_a_group_label_s_letter_among_its_lines_names_its_row() -> None:
    """``pdftotext -layout`` of a LibreOffice table: a label wraps over lines of a narrow cell,
    and its group label (（六）其他处理), printed letter by letter down the cell beside it, puts
    a letter between two of them (``…逾期未按收费`` 理 ``通知要求缴纳费用、行``)."""
    from govinfo_report.reading.labels import LabelIndex, fold

    index = LabelIndex.of(REQUESTS)
    run = fold("再处理其政府信息公开申请（六）其他处2.申请人逾期未按收费理通知要求缴纳费用、行")
    named = [row.id for k, row in enumerate(REQUESTS.rows) if index.score(run, k) > 0]
    assert named == ["other_unpaid_fee"]
    # a few letters in order, with others among them, name nothing
    assert [k for k in range(len(REQUESTS.rows)) if index.score(fold("申请理人逾"), k) > 0] == []


def test_a_label_whose_last_line_stands_among_the_rows_numbers_is_one_row() -> None:
    """A PDF's text prints a wrapped label's last line after the row's first number
    (``…公开申请`` 12 ``数量`` 2 0 …): the numbers after the rest of the label are the row's, as
    the reading order the table's arithmetic allows shows."""
    report = govinfo_report.parse(open_example())
    text = govinfo_report.render(report, layout="cells")
    label = "一、本年新收政府信息公开申请数量"
    start = text.index(label)
    block_end = text.index("\n\n", start)
    numbers = text[start + len(label) : block_end].split()
    wrapped = "\n\t".join(["一、本年新收政府信息公开申请", numbers[0], "数量", *numbers[1:]])
    parsed = govinfo_report.parse(text[:start] + wrapped + text[block_end:])
    assert parsed.requests is not None and report.requests is not None
    assert parsed.requests.new_received == report.requests.new_received


@settings(max_examples=25, deadline=None)
@given(report=reports(blanks=True), order=st.permutations(range(3)))
def test_numbers_after_headers_printed_around_a_label_are_not_that_rows(
    report: Report, order: list[int]
) -> None:
    """Plain pdftotext prints a sub-table with blank cells out of row order: the header row
    around the first label (``本年制发件数`` ``规章`` ``本年废止件数`` ``现行有效件数``), then the
    numbers of both rows that it kept, each on a line of its own, then the second label alone.
    Three numbers fill 规章's three cells whichever rows they belong to: the row is left blank and
    said so, never read from that order."""
    values = cell_values(report)
    columns = ("issued", "repealed", "in_force")
    kept = [
        values["active_disclosure", row, c] for row in ("regulations", "normative_documents") for c in columns
    ]
    numbers = [str(v) for v in kept if v is not None][:3]
    numbers += ["0"] * (3 - len(numbers))
    lines = [
        "二、行政机关主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数",
        "规章",
        "本年废止件数",
        "现行有效件数",
        *(numbers[k] for k in order),
        "行政规范性文件",
    ]
    text = govinfo_report.render(report, layout="tsv")
    start, end = _heading(text, r"^二、.*主动公开"), _heading(text, r"^三、.*申请")
    parsed = govinfo_report.parse(text[:start] + "\n".join(lines) + "\n\n" + text[end:])
    regulations = parsed.active_disclosure_table.regulations
    assert regulations.values() == (None, None, None)
    assert ("row-values-out-of-order", "regulations") in {(d.code, d.row) for d in parsed.diagnostics}


def _review_blocks_hold(values: list[int]) -> bool:
    return all(sum(values[k : k + 4]) == values[k + 4] for k in (0, 5, 10))


@settings(max_examples=25, deadline=None)
@given(
    report=reports(blanks=False, consistent=True),
    others=st.lists(st.integers(0, 30), min_size=15, max_size=15),
    first=st.booleans(),
)
def test_of_two_runs_of_table_4s_cells_the_one_its_arithmetic_keeps_is_read(
    report: Report, others: list[int], first: bool
) -> None:
    """pdfminer may print another table's leftover numbers in table 四's section, fifteen of them
    as table 四 has: the run that keeps the table's block sums is its own, said so; when the
    arithmetic tells neither apart, the table is blank with a diagnostic — never the first run
    read because it came first."""
    values = _review_values(report)
    other = [str(v) for v in others]
    runs = [other, values] if first else [values, other]
    body = [*runs[0], *REVIEW_HEADER, "总计", *runs[1]]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    codes = {d.code for d in parsed.diagnostics if d.table == "review_litigation"}
    if other == values:
        assert _review_read(parsed) == [int(v) for v in values]
    elif _review_blocks_hold(others):
        assert _review_read(parsed) == [None] * 15
        assert "table-runs-differ" in codes
    else:
        assert _review_read(parsed) == [int(v) for v in values]
        assert "table-run-chosen" in codes


def test_a_markdown_row_a_value_short_is_not_read_across_a_shadow_column() -> None:
    """A PDF-to-markdown tool drops a blank cell of a row and keeps an empty shadow column
    before its values, under headers too broken to place them: the empty cell is no blank of
    the row (no row of the table prints a value in that column), so the row is a value short
    and left blank — its numbers never slide one column right."""
    report = govinfo_report.parse(open_example())
    text = govinfo_report.render(report, layout="tsv")
    start, end = _heading(text, r"^三、.*申请"), _review_section(text)[0]
    table = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            "|  |  |  | 自然人 | 商业企 科研机 | 社会公 | 法律服 |  | 总计 |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            "| 一、本年新收政府信息公开申请数量 |  |  | 19 | 10 | 10 | 3 | 10 | 59 |",
            "| 二、上年结转政府信息公开申请数量 |  |  | 8 | 12 | 7 | 25 | 3 | 8 | 63 |",
            "",
        ]
    )
    parsed = govinfo_report.parse(text[:start] + table + "\n" + text[end:])
    assert parsed.requests_table.new_received.values() == (None,) * 7
    assert ("row-value-count", "new_received") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_row_short_under_two_headers_in_one_cell_is_not_padded() -> None:
    """A PDF table drawn without lines loses a column no value lines up in: its header cell
    then holds two headers (``本年制发件数本年废止件数``), and a row of two values for three
    columns cannot say which it leaves blank — nor is the empty row after it a wrapped value."""
    from govinfo_report.api import parse_document
    from govinfo_report.readers.document import Document, Paragraph, Table, TableCell

    before, after = _example_around("第二十条第（一）项", "第二十条第（五）项")
    rows = [
        ["", "第二十条第（一）项", ""],
        ["信息内容", "本年制发件数本年废止件数", "现行有效件数"],
        ["规章", "0", "0"],
        ["", "", ""],
        ["行政规范性文件", "0", "0"],
    ]
    table = Table(tuple(tuple(TableCell(t) for t in row) for row in rows))
    document = Document("pdf", (Paragraph(before), table, Paragraph(after)))
    active = parse_document(document).active_disclosure_table
    assert active.regulations.values() == (None, None, None)
    assert active.normative_documents.values() == (None, None, None)


def _with_split_label(report: Report, row: str, at: int, between: int) -> tuple[str, str]:
    """The report as tab-separated text with table 三's ``row`` printed as plain pdftotext prints
    a wrapped label cell: the label's first ``at`` characters and the value ``between`` (its
    place among the row's values), then the rest of the label and the other values. Also the
    label as printed."""
    text = govinfo_report.render(report, layout="tsv")
    label = REQUESTS.row(row).label
    line = next(line for line in text.split("\n") if line.split("\t")[-8:-7] == [label])
    cells = line.split("\t")
    before, values = cells[:-8], cells[-7:]
    rest = values[:between] + values[between + 1 :]
    split = "\t".join([*before, label[:at], values[between]]) + "\n" + "\t".join([label[at:], *rest])
    return text.replace(line, split, 1), label


@settings(max_examples=40, deadline=None)
@given(
    report=reports(blanks=False, collapsed_other=False),
    row=st.sampled_from([r.id for r in REQUESTS.rows if r.id != "other_processing"]),
    at=st.integers(3, 12),
)
def test_a_label_split_by_its_first_value_is_one_row(report: Report, row: str, at: int) -> None:
    """Plain pdftotext prints a wrapped label's first line, the value beside it, then the
    label's second line and the other values: the row is read whole."""
    text, label = _with_split_label(report, row, min(at, len(REQUESTS.row(row).label) - 2), 0)
    parsed = govinfo_report.parse(text)
    got, want = cell_values(parsed), cell_values(report)
    row_cells = [key for key in want if key[:2] == ("requests", row)]
    assert [got[key] for key in row_cells] == [want[key] for key in row_cells], label


@settings(max_examples=60, deadline=None)
@given(
    report=reports(blanks=False, collapsed_other=False),
    row=st.sampled_from([r.id for r in REQUESTS.rows if r.id != "other_processing"]),
    at=st.integers(2, 40),
    between=st.integers(0, 6),
)
def test_a_label_split_by_any_value_never_misplaces_one(
    report: Report, row: str, at: int, between: int
) -> None:
    """Where the value printed inside the label is not the row's first, reading the values in
    the order printed would misplace them: the table's rules say so, and the row stays blank.
    So with the label cut anywhere, down to a closing quote left for its second line."""
    text, _ = _with_split_label(report, row, min(at, len(REQUESTS.row(row).label) - 1), between)
    got, want = cell_values(govinfo_report.parse(text)), cell_values(report)
    wrong = {key: got[key] for key in want if got[key] is not None and got[key] != want[key]}
    assert not wrong


def test_one_table_4_total_cut_is_blank_where_a_number_of_table_3_wrapped() -> None:
    """A narrow cell wraps a wide number's last digits onto the next line, and a PDF's text may
    lose them (LibreOffice): once table 三 shows that (``row-values-cut``), one total of table 四
    printing the first digits of its sum is cut too, not the report's own slip."""
    report = govinfo_report.parse(open_example())
    values = [3, 1, 2, 4, 10, 0, 0, 0, 0, 0, 5, 4, 1, 2, 12]
    printed = [str(v)[:1] if k == 14 else str(v) for k, v in enumerate(values)]
    body = ["行政复议\t行政诉讼", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "\t".join(printed)]
    text = _with_review_section(report, body)
    alone = govinfo_report.parse(text)
    assert _review_read(alone) == [*values[:14], 1]  # one cut total alone: the report's own slip
    row = "一、本年新收政府信息公开申请数量\t12\t2\t0\t0\t1\t0\t15"
    wrapped = text.replace(row, row.replace("\t12\t", "\t1\t") + "\n2")  # 12 wrapped as 1 over 2
    assert wrapped != text
    parsed = govinfo_report.parse(wrapped)
    codes = {(d.code, d.table) for d in parsed.diagnostics}
    assert ("row-values-cut", "requests") in codes and ("total-cut", "requests") not in codes
    assert _review_read(parsed) == [*values[:14], None]
    assert ("total-cut", "litigation_after_review") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_table_4_total_shorter_than_its_sum_is_blank_where_table_3_was_cut() -> None:
    """Table 三's totals cut at the page's edge: table 四's last total, cut there too, prints
    ``5`` for a block whose cells add up to 498 in a report whose own total (501) was off — not
    the first digits of the sum, but shorter than it, and so as surely cut."""
    report = govinfo_report.parse(open_example())
    values = [3, 1, 2, 4, 10, 0, 0, 0, 0, 0, 5, 223, 40, 230, 501]
    printed = [str(v)[:1] if k == 14 else str(v) for k, v in enumerate(values)]
    body = ["行政复议\t行政诉讼", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计", "\t".join(printed)]
    text = _with_review_section(report, body)
    assert _review_read(govinfo_report.parse(text)) == [*values[:14], 5]  # nothing else was cut
    cut = text
    for row in (
        "一、本年新收政府信息公开申请数量\t12\t2\t0\t0\t1\t0\t15",
        "（七）总计\t12\t2\t0\t0\t1\t0\t15",
    ):
        assert row in cut
        cut = cut.replace(row, row[:-1])  # 15 prints as 1
    parsed = govinfo_report.parse(cut)
    assert ("total-cut", "requests") in {(d.code, d.table) for d in parsed.diagnostics}
    assert _review_read(parsed) == [*values[:14], None]


def test_a_markdown_row_shifted_by_a_lost_group_label_is_read() -> None:
    """A copied table's row that lost its leading cell (the merged group label 三、本年度办理结果)
    stands one column left of the header row: the headers cannot place its values, so they
    prove nothing, and the row's seven values are its seven cells."""
    example = govinfo_report.parse(open_example())
    text = govinfo_report.render(example, layout="markdown")
    shifted = text.replace("| 三、本年度办理结果 | （一）予以公开 |", "| （一）予以公开 |", 1)
    # a blank cell in the row above (its 自然人) leaves the header row the only guide to columns
    new_received = "| 一、本年新收政府信息公开申请数量 |  |  | 12 |"
    shifted = shifted.replace(new_received, new_received.replace("12", ""), 1)
    assert shifted.count("|  |  |  | 2 | 0 | 0 | 1 | 0 | 15 |") == 1
    parsed = govinfo_report.parse(shifted)
    assert parsed.requests is not None and example.requests is not None
    assert parsed.requests.granted.values() == example.requests.granted.values() == (6, 1, 0, 0, 0, 0, 7)


def test_a_run_of_fifteen_made_up_by_wrapped_numbers_is_not_table_4() -> None:
    """pdfminer's text of a LibreOffice PDF prints table 四 column block by column block, each
    number too wide for its narrow cell wrapped over two lines (195 as 19 / 5): a later block
    can then hold exactly fifteen numbers by chance. Its rows do not add up and other numbers
    stand around it, so the table is left blank — never read shifted."""
    report = govinfo_report.parse(open_example())
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    body = [
        *header,
        *["62", "19", "5", "6", "28", "0", "54", "3"],
        "结果维持",
        "0",
        *header[2:],
        *["18", "3", "75", "25", "6", "51", "4", "15", "13", "8", "29", "0", "57", "50", "0"],
    ]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    _assert_review_left_blank(parsed, "table-run-unconfirmed")


def test_a_run_of_fifteen_with_pieces_of_wrapped_numbers_is_not_table_4() -> None:
    """Plain pdftotext prints a blank line between cells and none inside one: numbers too wide
    for LibreOffice's narrow cells come out as pieces on lines next to each other (141 as 14 /
    1), and with a block of cells lost the pieces can number fifteen. Its rows do not add up:
    the table is left blank — never read from the pieces."""
    report = govinfo_report.parse(open_example())
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    cells = [
        ["1"],
        ["14", "1"],
        ["65"],
        ["14"],
        ["22", "1"],
        ["93"],
        ["30", "0"],
        ["25", "4"],
        ["49"],
        ["69", "6"],
    ]
    body = [*header, *(line for cell in cells for line in ["", *cell])]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    _assert_review_left_blank(parsed, "table-run-wrapped")


def test_fifteen_values_a_blank_line_apart_that_do_not_add_up_are_read_as_printed() -> None:
    """The same spacing between every two values is no sign of wrapped numbers: a table whose
    printed sums are off is read as printed (the validator says so)."""
    report = govinfo_report.parse(open_example())
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = ["1", "2", "3", "4", "99", *["0"] * 10]
    parsed = govinfo_report.parse(
        _with_review_section(report, [*header, *(x for v in values for x in ["", v])])
    )
    assert _review_read(parsed) == [int(v) for v in values]


def test_an_empty_cell_next_to_a_number_is_no_piece_of_a_wrapped_number() -> None:
    """Markdown that keeps a table as raw HTML prints each cell over lines of markup: an empty
    cell's line can follow a number's. That is no sign of a number wrapped in its cell: the
    table, whose printed sums are off, is read as printed."""
    report = govinfo_report.parse(open_example())
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = ["255", "101", "", "296", "746", "36", "243", "148", "176", "607", *["0"] * 5]
    cells = [
        line
        for value in values
        for line in [
            '<td data-valign="center"',
            f'style="border: solid 1.0pt"><p><span>{value or " "}</span></p></td>',
        ]
    ]
    parsed = govinfo_report.parse(
        _with_review_section(report, [*header, "<table><tr>", *cells, "</tr></table>"])
    )
    assert _review_read(parsed) == [int(v) if v else None for v in values]
    assert "table-run-wrapped" not in {d.code for d in parsed.diagnostics}


def test_the_one_run_of_fifteen_that_adds_up_is_read_among_other_numbers() -> None:
    """Other numbers in table 四's section (a note under it) do not stop a run of fifteen whose
    rows add up from being read; nor, when they come after it, one whose rows do not (the
    report's own slip)."""
    report = govinfo_report.parse(open_example())
    values = _review_values(report)
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    body = [*header, *values, "注：本年度另有2件行政复议申请于次年受理。"]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [int(v) if v.isdigit() else None for v in values]


def test_a_run_of_fifteen_that_does_not_add_up_is_read_before_a_note_with_numbers() -> None:
    report = govinfo_report.parse(open_example())
    values = _review_values(report)
    values[0] = str(int(values[0]) + 1) if values[0].isdigit() else "1"  # the report's own slip
    header = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    body = [*header, *values, "（一）2021年工作要点落实情况"]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    assert _review_read(parsed) == [int(v) if v.isdigit() else None for v in values]


def test_table_4_pieces_of_wrapped_numbers_that_make_its_count_are_not_read() -> None:
    """pdfminer on a table of narrow cells: each number's last digit wraps (231 → 23, 1), the
    header words wrap too, and the pieces before the second block's headers happen to number
    fifteen. They do not add up, and numbers stand after them among the table's header words:
    the table is left blank, not read from the pieces."""
    report = govinfo_report.parse(open_example())
    pieces = ["23", "1", "24", "1", "12", "8", "78", "67", "8", "19", "9", "14", "1", "37", "93"]
    # the header words of the second block wrapped a character a line, among its numbers' pieces
    body = [*REVIEW_HEADER, *pieces, *"结果维持总计", "73", "61", "27", "3", *"总计", "47", "0"]
    parsed = govinfo_report.parse(_with_review_section(report, body))
    _assert_review_left_blank(parsed, "table-run-unconfirmed")


def test_table_4_with_a_note_after_it_is_still_read() -> None:
    """Numbers after the table's last header words are a note's: they say nothing of it."""
    report = govinfo_report.parse(open_example())
    values = _review_values(report)
    parsed = govinfo_report.parse(_with_review_section(report, [*REVIEW_HEADER, *values, "注：1.", "2"]))
    assert _review_read(parsed) == [int(v) for v in values]


def _table_two_printed_plainly(report: Report, *, fees_first: bool, unprinted: str = "") -> str:
    """Table 二 as plain pdftotext prints a WPS PDF's: each cell on a line of its own, the
    groups' headings and column headers before their rows; with ``fees_first`` the one-row fee
    group's number before its label, on the line of the group's column header. The row
    ``unprinted`` prints no number."""
    values = cell_values(report)

    def shown(row: str, column: str) -> str:
        value = values["active_disclosure", row, column]
        return "" if value is None or row == unprinted else str(value)

    fee = shown("fees", "amount")
    lines = [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "信息内容",
        "本年制发件数 本年废止件数 现行有效件数",
        *(
            f"{label} {' '.join(shown(row, c) for c in ('issued', 'repealed', 'in_force'))}"
            for row, label in (("regulations", "规章"), ("normative_documents", "行政规范性文件"))
        ),
        "第二十条第（五）项",
        "信息内容",
        "本年处理决定数量",
        f"行政许可 {shown('licensing', 'decisions')}",
        "第二十条第（六）项",
        "信息内容",
        "本年处理决定数量",
        f"行政处罚 {shown('punishment', 'decisions')}",
        f"行政强制 {shown('enforcement', 'decisions')}",
        "第二十条第（八）项",
        "信息内容",
        *(
            ["本年收费金额（单位：万元）", fee, "", "行政事业性收费"]
            if fees_first
            else ["本年收费金额（单位：万元）", f"行政事业性收费 {fee}"]
        ),
    ]
    text = govinfo_report.render(report, layout="tsv")
    start, end = _heading(text, r"^二、.*主动公开"), _heading(text, r"^三、.*申请")
    return text[:start] + "\n".join(lines) + "\n\n" + text[end:]


@settings(max_examples=15, deadline=None)
@given(reports(blanks=False))
def test_a_one_row_groups_number_printed_before_its_label_is_its_own(report: Report) -> None:
    """Plain pdftotext prints the fee group's amount on the line of its column header, before
    the label: every row before it read whole, nothing else can have put a number there."""
    parsed = govinfo_report.parse(_table_two_printed_plainly(report, fees_first=True))
    want = cell_values(report)
    got = cell_values(parsed)
    assert {k: got[k] for k in want if k[0] == "active_disclosure"} == {
        k: v for k, v in want.items() if k[0] == "active_disclosure"
    }


def _every_decision_printed() -> Report:
    """The sample report with a number for 行政强制 too (it prints none)."""
    document = govinfo_report.to_dict(govinfo_report.parse_file(SAMPLE))
    document["active_disclosure"]["enforcement"]["decisions"] = 3
    return govinfo_report.from_dict(document)


@pytest.mark.parametrize("unprinted", ["regulations", "licensing", "punishment", "enforcement"])
def test_a_number_before_a_label_is_not_taken_after_a_row_short_of_its_own(unprinted: str) -> None:
    """An earlier row printed without its numbers: the number after the fee group's heading may
    be one of its, moved, so the fee row is left blank."""
    report = _every_decision_printed()
    assert govinfo_report.parse(
        _table_two_printed_plainly(report, fees_first=True)
    ).active_disclosure_table.fees.values() == (Decimal("12.35"),)
    parsed = govinfo_report.parse(_table_two_printed_plainly(report, fees_first=True, unprinted=unprinted))
    assert parsed.active_disclosure_table.fees.values() == (None,)
    assert "missing-row" in {d.code for d in parsed.diagnostics if d.row == "fees"}


DATA = Path(__file__).parent / "data"


def test_a_number_wrapped_around_its_rows_other_numbers_is_not_read_cut() -> None:
    """A generated report made into a PDF by LibreOffice with its tables at the page's width,
    as ``pdftotext -layout`` prints it (kept as it came out, so the case stays whatever
    LibreOffice and poppler do next): 2000 in the 其他 column of 1.申请人无正当理由逾期不补正 is
    printed as ``200`` beside the label's second line and ``0`` beside its third, the row's other
    numbers on a line of their own between them, which is placed by position as the next row
    (whose label runs into its group's) and refused by the sums. That line is numbers with no
    row after all: the row beside it, whose sum cannot be checked, is not read from ``200``."""
    report = govinfo_report.from_dict(json.loads((DATA / "libreoffice_narrow_cells.json").read_text("utf-8")))
    text = (DATA / "libreoffice_narrow_cells.pdftotext-layout.txt").read_text("utf-8")
    parsed = govinfo_report.parse(text)
    want, got = cell_values(report), cell_values(parsed)
    assert [k for k, v in got.items() if v is not None and v != want.get(k)] == []
    assert got["requests", "other_overdue_correction", "other_org"] is None
    cut = {d.row for d in parsed.diagnostics if d.code == "row-values-cut"}
    assert "other_overdue_correction" in cut


def _with_totals_cut(rows: dict[str, tuple[int | None, ...]]) -> Report:
    """The bundled example with table 三's ``rows`` as given, parsed from its text with the
    总计 column cut at the page's edge: every total of two or more digits prints its first."""
    from govinfo_report.model import Cell, RequestRow

    report = govinfo_report.parse(open_example())
    assert report.requests is not None
    requests = attrs.evolve(
        report.requests, **{row: RequestRow(*(Cell(v) for v in values)) for row, values in rows.items()}
    )
    text = govinfo_report.render(attrs.evolve(report, requests=requests), layout="tsv")
    lines = text.split("\n")
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 7 and cells[-1].isdigit() and len(cells[-1]) > 1:
            lines[k] = "\t".join([*cells[:-1], cells[-1][:1]])
    return govinfo_report.parse("\n".join(lines))


def test_a_cut_total_less_than_its_rows_cells_read_is_blank_beside_a_blank_cell() -> None:
    """A page's edge cut the 总计 column (43 prints as 4): a row with a blank cell has no sum to
    compare its total with, but a total less than the cells read (10 printed as 1 after 5) is
    cut all the same, and is blank."""
    parsed = _with_totals_cut(
        {
            "new_received": (17, 3, 13, 3, 2, 5, 43),
            "carried_over": (None, 5, 6, 12, 15, 21, 66),
            "granted": (None, 0, 0, 0, 0, 5, 10),
        }
    )
    assert parsed.requests is not None
    assert parsed.requests.granted.values() == (None, 0, 0, 0, 0, 5, None)
    assert ("total-cut", "granted") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_failing_total_as_long_as_its_sum_is_blank_in_a_table_whose_totals_were_cut() -> None:
    """A report whose own total was off (10 for cells that add up to 3), its 总计 column cut
    at the page's edge: the total prints ``1``, as many digits as the sum, and may be cut as
    well as any other total of the column; it is blank."""
    parsed = _with_totals_cut(
        {
            "new_received": (17, 3, 13, 3, 2, 5, 43),
            "carried_over": (9, 5, 6, 12, 15, 21, 68),
            "granted": (1, 0, 0, 0, 0, 2, 10),
        }
    )
    assert parsed.requests is not None
    assert parsed.requests.granted.values() == (1, 0, 0, 0, 0, 2, None)
    assert ("total-cut", "granted") in {(d.code, d.row) for d in parsed.diagnostics}


def _table_two(lines: list[str]) -> Report:
    """The bundled example parsed with table 二 printed as ``lines`` (a PDF's text)."""
    before, after = _example_around("第二十条第（一）项", "三、收到和处理政府信息公开申请情况")
    return govinfo_report.parse(before + "\n".join([*lines, ""]) + after)


#: Table 二's group (五) as plain pdftotext prints it, up to 行政许可's number.
PLAIN_LICENSING_HEAD = ["第二十条第（五）项", "信息内容", "", "本年处理决定数量", "", "行政许可", ""]
#: The 行政处罚 group of table 二 as plain pdftotext prints it, up to its number.
PLAIN_PUNISHMENT_HEAD = ["第二十条第（六）项", "信息内容", "", "本年处理决定数量", "", "行政处罚", ""]
#: Table 二's first group as plain pdftotext prints it, up to 规章's numbers.
PLAIN_FIRST_GROUP_HEAD = [
    "第二十条第（一）项",
    "信息内容",
    "",
    "本年制发件数 本年废止件数 现行有效件数",
    "",
    "规章",
    "",
]


def test_numbers_joined_from_the_lines_after_a_row_are_not_its_own_after_a_short_row() -> None:
    """Plain pdftotext: 规章's 3000 is printed after 行政规范性文件's first number, so the lines
    after a row short of numbers hold the numbers of the row short above it as readily as its
    own: 461 3000 316 are not read as 行政规范性文件's."""
    parsed = _table_two(
        [
            *PLAIN_FIRST_GROUP_HEAD,
            "91",
            "",
            "行政规范性文件 461",
            "",
            "3000",
            "316",
            "",
            "1",
            "",
            "第二十条第（五）项",
        ]
    )
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.normative_documents.values() == (None, None, None)
    codes = {(d.code, d.row) for d in parsed.diagnostics}
    assert ("row-values-moved", "normative_documents") in codes


def test_a_number_after_another_parts_header_is_not_the_rows() -> None:
    """Plain pdftotext printed 现行有效件数 (a header of table 二's first part) after 行政事业性收费
    and its own header: the 371 after them may be the first part's."""
    parsed = _table_two(
        [
            "第二十条第（一）项",
            "信息内容",
            "本年制发件数",
            "规章",
            "2419",
            "行政规范性文件",
            "5",
            "本年废止件数",
            "第二十条第（五）项",
            "信息内容",
            "本年处理决定数量",
            "行政许可",
            "4476",
            "第二十条第（六）项",
            "信息内容",
            "本年处理决定数量",
            "行政处罚",
            "197",
            "行政强制",
            "39446",
            "第二十条第（八）项",
            "信息内容",
            "行政事业性收费",
            "本年收费金额（单位：万元）",
            "现行有效件数",
            "371",
        ]
    )
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.fees.amount.value is None
    assert ("row-values-under-other-headers", "fees") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_markdown_header_wrapped_in_its_cell_still_places_the_rows_values() -> None:
    """markitdown splits a header wrapped in its cell over two rows (本年制发件 over 数): its
    first characters still name it, so a row's one number under 本年废止件 is not taken for
    现行有效件数 by trimming the row's empty cells from the right. The grid's first column holds
    no value in any of its rows: it is the label's, and the number is read under its header."""
    parsed = _table_two(
        [
            "第二十条第（一）项",
            "信息",
            "|     | 本年制发件 | 本年废止件 | 现行有效件 |",
            "| --- | ----- | ----- | ----- |",
            "|     | 数     | 数     | 数     |",
            "内容",
            "| 规章  | 390 | \xa0   | \xa0   |",
            "| --- | --- | --- | --- |",
            "行政规范性文",
            "|     | \xa0   | 141 | \xa0   |",
            "| --- | --- | --- | --- |",
            "件",
            "第二十条第（五）项",
            "| 信息内容 |     | 本年处理决定数量 |     |",
            "| ---- | --- | -------- | --- |",
            "| 行政许可 |     | 168      |     |",
            "第二十条第（六）项",
            "| 信息内容 |     | 本年处理决定数量 |     |",
            "| ---- | --- | -------- | --- |",
            "448",
            "行政处罚",
            "| 行政强制 |     | 900489 |     |",
            "| ---- | --- | ------ | --- |",
            "",
            "第二十条第（八）项",
            "| 信息内容 | 本年收费金额（单位：万元） |     |     |     |     |     |     |",
            "| ---- | ------------- | --- | --- | --- | --- | --- | --- |",
            "行政事业性收",
            "0.01",
            "费",
        ]
    )
    assert parsed.active_disclosure is not None
    assert parsed.active_disclosure.regulations.values() == (390, None, None)
    assert parsed.active_disclosure.normative_documents.values() == (None, 141, None)
    assert not [d for d in parsed.diagnostics if d.row == "normative_documents" and d.severity != "info"]


def test_numbers_before_table_4s_whole_header_are_no_cells_of_its_row() -> None:
    """pdfminer printed two numbers under table 四's heading, before its whole header, and its
    thirteen values (two cells blank) after it: fifteen in all, parted only by header words,
    that do not add up. They are not read as the table's one row."""
    report = govinfo_report.parse(open_example())
    # the header as pdfminer printed it, a letter or two a line
    block = list("结果维持结果纠正其他结果尚未审结")
    words = ["行政", "复议", *block, "行政", "诉讼", "未经复议直接起诉", "复议后起诉", "总", "计"]
    words += [*block, "总", "计"] * 2
    values = ["2", "2", "5", "9", "0", "3", "0", "0", "3", "0", "1", "0", "1"]
    parsed = govinfo_report.parse(_with_review_section(report, ["1", "6", *words, *values]))
    assert _review_read(parsed) == [None] * 15


def test_table_4_in_a_markdown_grid_with_numbers_sharing_cells_is_not_read_when_its_sums_fail() -> None:
    """markitdown of a PDF whose narrow cells wrapped three-digit numbers (293 as ``29`` over
    ``3``): fifteen pieces on three lines, two sharing a cell, make up the count by chance. The
    sums fail and the grid's cells are not the table's: the table is left blank."""
    report = govinfo_report.parse(open_example())
    body = [
        "|     | 行政  |     |          |     | 行政  |       |     |     |",
        "| --- | --- | --- | -------- | --- | --- | ----- | --- | --- |",
        "|     | 复议  |     |          |     | 诉讼  |       |     |     |",
        "|     |     |     | 未经复议直接起诉 |     |     | 复议后起诉 |     |     |",
        "| 结 结 | 其 尚 |     |          |     |     |       |     |     |",
        "| 果 果 | 他 未 |     | 结 结      | 其 尚 | 结   | 结 其   | 尚   |     |",
        "总",
        "|     |       |     | 果 果  | 他 未 | 果     | 果 他  | 未   |     |",
        "| --- | ----- | --- | ---- | --- | ----- | ---- | --- | --- |",
        "|     |       | 计   |      |     | 总     |      |     | 总   |",
        "| 维 纠 | 结 审   |     |      |     |       |      |     |     |",
        "|     |       |     |      |     | 计     |      |     | 计   |",
        "| 持 正 | 果 结   |     | 维 纠  | 结 审 | 维     | 纠 结  | 审   |     |",
        "|     |       |     | 持 正  | 果 结 | 持     | 正 果  | 结   |     |",
        "| 29  |       |     |      |     | 57 14 |      | 17  | 43  |",
        "| 34  | 64 91 |     |   81 |     |       | 70   |     |     |",
        "| 3   |       |     |      |     | 3 3   |      | 3   | 4   |",
    ]
    _assert_review_left_blank(govinfo_report.parse(_with_review_section(report, body)), "table-run-wrapped")


def test_table_4_in_a_markdown_row_with_columns_run_together_reads_as_printed() -> None:
    """markitdown ran some columns of a WPS PDF's table 四 together (``| 10 1 | 0 | 0 0 |``): on
    one line, the fifteen values are still in order, and a report whose totals are off (the
    agency left them 0) reads as printed."""
    report = govinfo_report.parse(open_example())
    values = [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]
    body = [
        "| 维持 纠正 | 结果  | 审结  | 结果  | 结果 其他 | 尚未  |     "
        "| 结果  | 结果  | 其他  | 尚未  |     |",
        "| ----- | --- | --- | --- | ----- | --- | --- | --- | --- | --- | --- | --- |",
        "|       |     |     |     |       |     | 总   | 计   |     |     |     | 总计  |",
        "|       |     |     | 维持  | 纠正 结果 | 审结  |     | 维持  | 纠正  | 结果  | 审结  |     |",
        "| 10 1  | 0   | 0   | 0 0 | 0 0   | 0   | 0   | 5   | 0   | 0   | 0   | 0   |",
    ]
    assert _review_read(govinfo_report.parse(_with_review_section(report, body))) == values


def test_table_4_read_across_header_words_is_not_read_when_wrapped_pieces_stand_on_lines_together() -> None:
    """pdfminer prints each cell's lines together and a blank line between cells: ``57`` over
    ``3`` is one number wrapped in its cell. Fifteen pieces parted by header letters whose sums
    fail are not read as the table's row."""
    report = govinfo_report.parse(open_example())
    pieces = [["57", "3"], ["14", "3"], ["70"], ["17", "3"], ["43", "4"]]
    body = [*list("结果维持结果纠正"), ""]
    for piece in pieces:
        body += [*piece, ""]
    body += [*list("结果维持"), "", "29", "3", "", "34", "", "64", "", "91", "", *list("总计"), "", "81", ""]
    _assert_review_left_blank(govinfo_report.parse(_with_review_section(report, body)), "table-run-wrapped")


def test_table_4_one_piece_a_line_under_a_header_a_letter_a_line_is_not_read_when_its_sums_fail() -> None:
    """``pdftotext -raw`` of cells a character wide: the header a letter a line, and the values'
    wrapped pieces (122 as ``12`` and ``2``) a line each like the cells, with no blank line
    between. Fifteen pieces whose block sums fail but one are not read as the table's row."""
    report = govinfo_report.parse(open_example())
    header = list("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计")
    pieces = ["12", "2", "18", "6", "12", "23", "3", "75", "69", "3", "1", "11", "9", "21", "0"]
    parsed = govinfo_report.parse(_with_review_section(report, [*header, *pieces]))
    _assert_review_left_blank(parsed, "table-run-wrapped")


def test_table_4_one_value_a_line_under_words_split_in_runs_is_read_though_one_sum_fails() -> None:
    """A dump of a Word-pasted page prints header words split into Word's runs, a letter a
    line, and a value a line: a report whose own total is off in one block is read as printed."""
    report = govinfo_report.parse(open_example())
    header = list("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计")
    values = ["1", "0", "0", "0", "0", *["0"] * 10]
    parsed = govinfo_report.parse(_with_review_section(report, [*header, *values]))
    assert _review_read(parsed) == [int(v) for v in values]


def test_a_number_after_a_row_and_its_header_is_not_trusted_after_a_short_row_of_another_group() -> None:
    """Plain pdftotext moves blocks of text past a group of table 二: 规章 prints one number of
    three, off its label's line, and the ``70`` after 行政处罚 and its column header may be one
    of the two it lost (it is: 行政处罚's own cell was blank)."""
    parsed = _table_two(
        [
            *PLAIN_FIRST_GROUP_HEAD,
            "1516",
            "",
            "行政规范性文件 32",
            "",
            "155",
            "",
            *PLAIN_LICENSING_HEAD,
            "83827",
            "",
            "第二十条第（六）项",
            "信息内容",
            "行政处罚",
            "",
            "本年处理决定数量",
            "",
            "70",
            "",
            "行政强制",
            "",
            "1725",
            "",
            "第二十条第（八）项",
            "信息内容",
            "",
            "本年收费金额（单位：万元）",
            "",
            "行政事业性收费 138",
        ]
    )
    active = parsed.active_disclosure
    assert active is not None
    assert active.punishment.decisions.value is None
    assert ("row-values-moved", "punishment") in {(d.code, d.row) for d in parsed.diagnostics}


def test_a_row_number_a_column_off_between_wrapped_cells_leaves_the_two_readings_blank() -> None:
    """A generated city-scale report made into a PDF by LibreOffice, as ``pdftotext -layout``
    prints it (kept as it came out): (七)总计 prints 18507 on its line and six numbers wrapped
    above and below it; 18507 stands three characters left of its column, nearer the wrapped
    7098's, and the row's sum holds with the two either way round (blank cells elsewhere leave
    the columns' sums nothing to say). The two cells are left blank, the rest of the row read."""
    report = govinfo_report.from_dict(json.loads((DATA / "wrapped_around_total_row.json").read_text("utf-8")))
    parsed = govinfo_report.parse((DATA / "wrapped_around_total_row.pdftotext-layout.txt").read_text("utf-8"))
    want, got = cell_values(report), cell_values(parsed)
    assert [k for k, v in got.items() if v is not None and v != want.get(k)] == []
    assert parsed.requests is not None
    assert parsed.requests.total_processed.values() == (15739, 7696, 9540, 9693, None, None, 68273)
    noted = {(d.code, d.row) for d in parsed.diagnostics}
    assert ("glued-cells-ambiguous", "total_processed") in noted


def test_numbers_after_the_first_on_a_rows_line_are_not_trusted_after_a_short_row() -> None:
    """Plain pdftotext printed 规章's one number of three, then ``行政规范性文件 225`` and two
    numbers on lines after it: ``0`` is 规章's (its 现行有效件数), and 行政规范性文件's last number
    stands after the next group, so the row's later numbers are not read as its own by their
    order."""
    parsed = _table_two(
        [
            *PLAIN_FIRST_GROUP_HEAD,
            "2725",
            "",
            "行政规范性文件 225",
            "",
            "0",
            "2531",
            "",
            *PLAIN_LICENSING_HEAD,
            "142",
            "",
            *PLAIN_PUNISHMENT_HEAD,
            "65830",
            "",
            "行政强制",
            "",
            "708351",
            "",
            "第二十条第（八）项",
            "",
            "121",
            "",
            "信息内容",
            "",
            "本年收费金额（单位：万元）",
            "",
            "行政事业性收费 15.00",
        ]
    )
    active = parsed.active_disclosure
    assert active is not None
    assert active.normative_documents.values() == (None, None, None)
    assert ("row-values-moved", "normative_documents") in {(d.code, d.row) for d in parsed.diagnostics}


def test_numbers_after_a_row_are_not_carried_into_later_rows_after_a_group_short_of_numbers() -> None:
    """Plain pdftotext printed 规章's three numbers, 行政规范性文件's one of three, then
    行政处罚's 277 followed by 43 and 410 before the labels of 行政强制 and 行政事业性收费: 43 is
    行政规范性文件's (its 现行有效件数), 410 行政强制's, and the fee cell is blank. With a group
    above short of numbers, 行政处罚's extra numbers are not handed to the rows after it by
    their order — nothing sums those rows to check them."""
    parsed = _table_two(
        [
            "第二十条第（一）项",
            "信息内容",
            "",
            "本年制发件数",
            "",
            "本年废止件数",
            "",
            "现行有效件数",
            "",
            "规章",
            "",
            "107",
            "",
            "1",
            "",
            "113",
            "",
            "行政规范性文件",
            "",
            "823",
            "",
            *PLAIN_LICENSING_HEAD,
            "633511",
            "",
            *PLAIN_PUNISHMENT_HEAD,
            "277",
            "",
            "43",
            "",
            "410",
            "",
            "行政强制",
            "第二十条第（八）项",
            "信息内容",
            "",
            "本年收费金额（单位：万元）",
            "",
            "行政事业性收费",
        ]
    )
    active = parsed.active_disclosure
    assert active is not None
    assert active.enforcement.decisions.value is None and active.fees.amount.value is None


def _review_printed_as(*lines: str) -> Report:
    """The bundled example parsed with table 四's values printed as ``lines`` under its headers,
    each cell set apart by a space (a PDF extractor's text)."""
    header = "结果维持 结果纠正 其他结果 尚未审结 总计"
    report = govinfo_report.parse(open_example())
    return govinfo_report.parse(_with_review_section(report, ["行政复议 行政诉讼", header, *lines]))


def test_table_4_numbers_wrapped_in_narrow_cells_are_joined_by_the_block_totals() -> None:
    """pypdf prints each number too wide for its narrow cell of table 四 as two pieces in its
    place (``28 9`` for 289): twenty-five numbers for fifteen cells, joined where one way only
    gives every block its total; where several ways do, the cells they disagree on are blank."""
    values = [289, 200, 267, 247, 1003, 178, 36, 171, 8, 393, 82, 229, 11, 89, 411]
    parsed = _review_printed_as("28 9 20 0 26 7 24 7 100 3 17 8 36 17 1 8 39 3 82 22 9 11 89 41 1")
    assert _review_read(parsed) == values
    assert "wrapped-cells-joined" in {d.code for d in parsed.diagnostics if d.table == "review_litigation"}
    # the last block reads 2|1|21|11|35, 21|2|1|11|35 or 21|2|11|1|35: only its total is read
    three_ways = "0 1 0 0 1 0 2 0 2 1 12 12 1 2 57 2 1 2 1 1 1 3 5"
    parsed = _review_printed_as(three_ways)
    assert _review_read(parsed) == [0, 10, 0, 10, 20, 21, 12, 12, 12, 57, None, None, None, None, 35]
    assert "cells-readings-differ" in {d.code for d in parsed.diagnostics if d.table == "review_litigation"}


def test_table_4_pieces_are_joined_one_way_per_reading_and_every_block_adds_up() -> None:
    """Each cell one piece or two, a count each (no leading zero), every block's total its sum,
    every piece used."""
    from govinfo_report.reading.decoding import wrapped_review_readings

    pieces = ["1", "0", "0", "0", "0", "1", "0", *["0"] * 10]  # 10 0 0 0 10, then two blocks of 0
    assert wrapped_review_readings(pieces) == [(10, 0, 0, 0, 10, *[0] * 10)]
    assert wrapped_review_readings(["0", "5", *pieces[2:]]) == []  # 05 is no count
    assert wrapped_review_readings([*pieces, "0"]) == []  # a piece left over


def test_table_4_pieces_printed_above_and_below_the_numbers_that_fit_are_read_where_agreed() -> None:
    """pdfplumber and ``pdftotext -layout`` print a narrow table 四 by position: the first pieces
    of the wrapped numbers on one line, the numbers that fit on the next, the rest of the pieces
    below. The pieces join in order; where a number that fits stood among its block's first four
    cells the sums cannot say, so those cells are blank and the rest read."""
    top, bottom = "26 24 13 67 16 22 11 13 63 23 18 30 79", "3 8 4 6 0 8 4 3 5 7 7 0 4"
    parsed = _review_printed_as(top, "31 70", bottom)
    assert _review_read(parsed) == [None, None, None, None, 676, 160, 228, 114, 133, 635, *[None] * 4, 794]
    codes = {d.code for d in parsed.diagnostics if d.table == "review_litigation"}
    assert {"wrapped-cells-joined", "cells-readings-differ"} <= codes


def test_table_4_pieces_around_the_numbers_that_fit_join_in_order() -> None:
    from govinfo_report.reading.decoding import wrapped_review_around

    # two 10s wrapped as 1 over 0, the zeros fit: the first 10 is one of a block's four cells
    # and the second its total, in any block
    readings = wrapped_review_around(["1", "1"], ["0"] * 13, ["0", "0"])
    assert len(readings) == 12
    assert (10, 0, 0, 0, 10, *[0] * 10) in readings and (*[0] * 13, 10, 10) in readings
    assert all(r[4] == sum(r[:4]) and r[9] == sum(r[5:9]) and r[14] == sum(r[10:14]) for r in readings)
    assert wrapped_review_around(["1"], ["0"] * 13, ["0", "0"]) == []  # pieces that do not pair


def _markitdown_requests(report: Report, *, labels_after: bool = False) -> str:
    """The report as markdown with table 三 as a PDF-to-markdown tool prints a LibreOffice PDF's
    narrow table: each row's label on a line of its own (before its numbers, or after them), its
    numbers in a grid row of their own whose columns are not the table's — the first six cells
    two by two, the label's cells left empty — and the first row's total lost."""
    text = govinfo_report.render(report, layout="markdown")
    lines = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        numbers = cells[3:]
        if len(cells) != 10 or not all(n.isdigit() for n in numbers):
            lines.append(line)
            continue
        label = "".join(cells[:3])
        if label.startswith("一、"):
            numbers[6] = ""
        row = "|  |  | " + " | ".join(" ".join(numbers[k : k + 2]) for k in range(0, 6, 2))
        row += f" | {numbers[6]} |\n| --- | --- | --- | --- | --- | --- |"
        lines += [row, label] if labels_after else [label, row]
    return "\n".join(lines)


def _requests_read(report: Report) -> dict[str, tuple[object, ...]]:
    assert report.requests is not None
    return {row: cells.values() for row, cells in attrs.asdict(report.requests, recurse=False).items()}


def test_markdown_rows_whole_on_their_line_are_read_after_a_row_that_lost_its_total() -> None:
    """A row short of a number makes the numbers after it suspect: the text may have moved its
    lost cell into them. A grid row that prints just as many numbers as its row has cells, on
    one line, its own sum holding on a total that is not zero, holds no moved number — with the
    two numbers some of its cells share. Such rows are read; every cell read is the printed one."""
    example = govinfo_report.parse(open_example())
    values = _requests_read(example)
    parsed = govinfo_report.parse(_markitdown_requests(example))
    read = _requests_read(parsed)
    assert read["carried_over"] == values["carried_over"] == (1, 0, 0, 0, 0, 0, 1)
    assert read["granted"] == values["granted"] == (6, 1, 0, 0, 0, 0, 7)
    for row, cells in read.items():
        assert all(c is None or c == v for c, v in zip(cells, values[row], strict=True)), row
    assert read["new_received"] == (None,) * 7


def test_markdown_rows_printed_before_their_labels_are_not_read_as_the_next_rows() -> None:
    """The same grid rows, each printed before its label: every row whole and adding up, but the
    order of the text gives each label the numbers of the row before it. No cell is read
    shifted."""
    example = govinfo_report.parse(open_example())
    values = _requests_read(example)
    parsed = govinfo_report.parse(_markitdown_requests(example, labels_after=True))
    for row, cells in _requests_read(parsed).items():
        assert all(c is None or c == v for c, v in zip(cells, values[row], strict=True)), row


def _one_number_a_line_requests(report: Report, *, labels_after: bool = False, short: str = "一、") -> str:
    """The report as text with table 三 as plain ``pdftotext`` prints a narrow table: each row's
    label, then its numbers one a line (or the numbers, then the label), blank lines between —
    the total of the row whose label starts with ``short`` lost."""
    lines = []
    for line in govinfo_report.render(report, layout="tsv").splitlines():
        cells = line.split("\t")
        numbers = cells[-7:]
        label = "".join(cells[:-7])
        if len(cells) < 8 or not all(n.isdigit() for n in numbers) or not label.strip():
            lines.append(line)
            continue
        printed = numbers[:6] if short in label else numbers
        lines += ["\n\n".join([*printed, label] if labels_after else [label, *printed]), ""]
    return "\n".join(lines)


def test_rows_that_add_up_one_number_a_line_are_read_after_a_row_that_lost_its_total() -> None:
    """The same with one number a line: a row whose seven numbers add up on a total that is not
    zero holds no moved number, and is read; a row of zeros may (a moved 0 and a lost 0 read
    alike, but so do a moved 0 and a lost 5 where the total went too), and stays blank."""
    example = govinfo_report.parse(open_example())
    values = _requests_read(example)
    read = _requests_read(govinfo_report.parse(_one_number_a_line_requests(example)))
    assert read["carried_over"] == values["carried_over"] == (1, 0, 0, 0, 0, 0, 1)
    assert read["denied_third_party"] == values["denied_third_party"] == (1, 0, 0, 0, 0, 0, 1)
    assert read["denied_state_secret"] == (None,) * 7
    for row, cells in read.items():
        assert all(c is None or c == v for c, v in zip(cells, values[row], strict=True)), row


def test_rows_one_number_a_line_with_totals_cut_at_the_page_edge_are_read_but_their_totals() -> None:
    """Plain ``pdftotext`` of a table that runs past the page: every 总计 lost its last digit
    (a total of 435 prints 43), and one row prints six numbers for seven cells. A row whose
    total prints the first digits, two or more, of its sum adds up but for the cut: its other
    cells are read, its total blank — the row before the short one too, whose numbers might
    otherwise be the short row's; the short row stays blank."""
    example = govinfo_report.parse(open_example())
    lines: list[str] = []
    want: dict[str, list[int]] = {}
    rows = iter([r for r, v in _requests_read(example).items() if any(c is not None for c in v)])
    text = govinfo_report.render(example, layout="tsv")
    start, end = _heading(text, r"^三、.*申请"), _review_section(text)[0]
    for line in text[start:end].splitlines():
        cells = line.split("\t")
        label = "".join(cells[:-7])
        if len(cells) < 8 or not all(n.isdigit() for n in cells[-7:]) or not label.strip():
            lines.append(line)
            continue
        row = next(rows)  # the rows printed, in order
        own = [100 * (len(want) + 1) + 7, 23, 0, 4, 0, 1]
        want[row] = own
        printed = [*map(str, own), str(sum(own))[:-1]]
        if row == "denied_state_secret":
            del printed[2]  # a blank cell collapsed
        lines += ["\n\n".join([label, *printed]), ""]
    read = _requests_read(govinfo_report.parse(text[:start] + "\n".join(lines) + "\n" + text[end:]))
    for row, own in want.items():
        if row == "denied_state_secret":
            assert read[row] == (None,) * 7, row
        else:
            assert read[row] == (*own, None), row


def test_a_row_that_adds_up_is_not_taken_for_the_numbers_of_a_short_row_printed_after_it() -> None:
    """pdfplumber prints a label wrapped in its narrow cell around its numbers, and the next row
    on its label's line short of a number: the first row's numbers might be the second's, printed
    before its label. Not where they are just as many as the first row's cells and add up as
    that row: the second row's number would make one too many."""
    example = govinfo_report.parse(open_example())
    lines = []
    for line in govinfo_report.render(example, layout="tsv").splitlines():
        numbers = " ".join(line.split("\t")[-7:])
        if "1.本机关不掌握相关政府信息" in line:
            lines += ["1.本机关不掌握相", numbers, "关政府信息"]
        elif "2.没有现成信息需要另行制作" in line:
            lines.append("2.没有现成信息需要另行制作 0 0 0 0 0 5")  # short, and no blank fits it
        else:
            lines.append(line)
    read = _requests_read(govinfo_report.parse("\n".join(lines)))
    assert (
        read["unavailable_not_held"]
        == _requests_read(example)["unavailable_not_held"]
        == (2, 1, 0, 0, 0, 0, 3)
    )
    assert read["unavailable_needs_compilation"] == (None,) * 7


def test_rows_one_number_a_line_are_read_from_the_tables_start_where_its_end_is_lost() -> None:
    """A stray number after table 三's last row leaves no row at the end to tie the rows to their
    labels from there. From the start they are tied: no number stands before the first label,
    so its numbers follow it; a row whose numbers follow its label, just as many as its cells
    and adding up (or fewer than its cells, where the next row's are whole), holds none of the
    next row's, so the next row's follow their label too."""
    example = govinfo_report.parse(open_example())
    values = _requests_read(example)
    text = _one_number_a_line_requests(example)
    end = text.index("四、", text.index("四、结转下年度继续办理") + 2)
    read = _requests_read(govinfo_report.parse(text[:end] + "3\n\n" + text[end:]))
    assert read["carried_over"] == values["carried_over"] == (1, 0, 0, 0, 0, 0, 1)
    assert read["other_overdue_correction"] == values["other_overdue_correction"] == (0, 0, 0, 0, 1, 0, 1)
    for row, cells in read.items():
        assert all(c is None or c == v for c, v in zip(cells, values[row], strict=True)), row


@pytest.mark.parametrize("short", ["一、", "（二）部分公开", "4.保护第三方", "（七）总计"])
def test_rows_one_number_a_line_printed_before_their_labels_are_not_read_as_the_next_rows(short: str) -> None:
    """Each row's numbers printed before its label, one row short of its total: the numbers
    before a short row's label are its own, so the whole row after its label is the next one's.
    No cell is read shifted."""
    example = govinfo_report.parse(open_example())
    values = _requests_read(example)
    text = _one_number_a_line_requests(example, labels_after=True, short=short)
    for row, cells in _requests_read(govinfo_report.parse(text)).items():
        assert all(c is None or c == v for c, v in zip(cells, values[row], strict=True)), row
