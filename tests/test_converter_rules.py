"""The reading rules that converted web pages and PDFs need, each on a small made-up snippet:
box-drawn and grid tables, HTML tables left in markdown, html2text's pipe rows, blank cells of
space-aligned tables, one cell per line, inline markup, stray spaces in headings, page chrome."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings

import govinfo_report
from govinfo_report.model import Cell
from govinfo_report.reading.grid import detect_layout, read_grid
from govinfo_report.reading.items import grid_items, observed_rows
from govinfo_report.reading.normalize import display_width, normalize
from govinfo_report.reading.placement import read_rows
from govinfo_report.reading.skeleton import read_skeleton
from govinfo_report.template.formats import get_format
from govinfo_report.template.spec import TableSpec
from govinfo_report.testing import cell_values, reports
from report_files import REQUEST_ORGS, SAMPLE

ACTIVE = get_format("2021").tables["active_disclosure"]
REQUESTS = get_format("2021").tables["requests"]


def _cells(text: str) -> list[list[str]]:
    """The grid of a (normalised) table region as cell texts."""
    _, rows = read_grid(normalize(text))
    return [["".join(p.text for p in cell.pieces) for cell in row.cells] for row in rows]


def _rows(text: str, spec: TableSpec = REQUESTS, soft: bool = False) -> dict[str, tuple[object, ...]]:
    """The rows read from ``text``; ``soft``: a space sets its cells apart (a PDF's text)."""
    _, grid = read_grid(normalize(text))
    read = read_rows(observed_rows(grid_items(grid)), spec, soft_bounds=soft)
    return {row: tuple(c.value for c in cells) for row, cells in read.rows.items()}


# --- normalising ------------------------------------------------------------------------------


def test_box_drawing_becomes_the_ascii_of_a_grid_table() -> None:
    assert normalize("┌──┬──┐\n│ab│ 0│\n╞══╪══╡\n└──┴──┘") == "+--+--+\n|ab| 0|\n+==+==+\n+--+--+"


def test_a_table_row_keeps_its_borders_in_place_through_nfkc() -> None:
    row = "│（一）予以公开│１２│"
    folded = normalize(row)
    assert folded == "|(一)予以公开  |12  |"
    assert display_width(folded) == display_width(row)


def test_text_aligned_with_spaces_keeps_its_characters_where_they_were() -> None:
    # converters that align with spaces count characters, and NFKC keeps the count
    assert normalize("（一）予以公开    1") == "(一)予以公开    1"


def test_inline_html_tags_go_and_a_tag_over_two_lines_keeps_its_line_break() -> None:
    text = '<span style="a">一、总</span><span\nstyle="b">体情况</span>\n<td>0</td>'
    assert normalize(text) == "一、总\n体情况\n<td>0</td>"


def test_links_and_bracketed_spans_keep_their_text() -> None:
    assert normalize('[一、总]{style="x"}[体情况]{.c} [首页](#) ![标志](/a.png)') == "一、总体情况 首页 标志"


def test_pandoc_fenced_div_lines_are_blank_lines() -> None:
    """Pandoc's markdown wraps a Word-pasted paragraph's table in a fenced div whose attributes
    carry numbers (``line-height: 2``): the line goes, as markup, and its numbers with it."""
    text = '::: {style="text-indent: 2em; line-height: 2" align=""}\n| 一 | 26 |\n:::\n::: note\n说明 ::: 2'
    assert normalize(text) == "\n| 一 | 26 |\n\n\n说明 ::: 2"


def test_a_span_inside_a_grid_row_is_padded_so_the_border_stays() -> None:
    assert normalize('| [0.]{s}[5]{style="宋体"} | 1 |') == "| 0.5                      | 1 |"


# --- tables drawn with borders ----------------------------------------------------------------

_BOXED = """\
┌──────────┬────┬──┐
│（二）部分│ 12 │  │
│公开      │    │  │
├────┬─────┼────┼──┤
│    │1.属 │ +3 │0 │
│ 组 ├─────┼────┼──┤
│    │2.其他│ 5 │1 │
└────┴─────┴────┴──┘"""


def test_a_box_table_is_read_as_a_grid() -> None:
    assert detect_layout(normalize(_BOXED)) == "grid"


def test_text_wrapped_inside_a_cell_is_one_cell_and_a_merged_cell_joins_the_row_it_starts() -> None:
    assert _cells(_BOXED) == [
        ["(二)部分公开", "12", ""],
        ["组", "1.属", "+3", "0"],
        ["2.其他", "5", "1"],
    ]


def test_pandoc_grid_tables_are_the_same_grid() -> None:
    text = "+------+----+\n| 规   | 0  |\n| 章   |    |\n+======+====+\n| 许可 | 7  |\n+------+----+"
    assert _cells(text) == [["规章", "0"], ["许可", "7"]]


# --- HTML tables inside markdown --------------------------------------------------------------


def test_an_html_table_left_in_markdown_is_read_by_its_tags() -> None:
    text = (
        '<table>\n<tr>\n<td colspan="2"\nstyle="x">第二十条</td>\n</tr>\n<tr>\n<td><p>规</p>\n<p>章</p></td>'
        "\n<td>&nbsp;</td><td>3</td>\n</tr>\n</table>"
    )
    assert detect_layout(normalize(text)) == "html"
    assert _cells(text) == [["第二十条"], ["规章", "", "3"]]


# --- pipe rows as html2text writes them -------------------------------------------------------


def test_rows_without_outer_bars_keep_an_empty_first_and_last_cell() -> None:
    text = "规章| 0| 0| 0\n行政规范性文件| | 2| \n| 1| 2|"
    assert _cells(text) == [["规章", "0", "0", "0"], ["行政规范性文件", "", "2", ""], ["", "1", "2", ""]]


def test_a_row_cut_by_line_wrapping_after_its_bar_gets_its_last_number_back() -> None:
    text = (
        "申请人情况| 自然人| 商业企业| 科研机构| 社会公益组织| 法律服务机构| 其他| 总计\n"
        "一、本年新收政府信息公开申请数量| 1| 2| 3| 4| 5| 6|\n21\n"
        "二、上年结转政府信息公开申请数量| 0| 0| 0| 0| 0| 0| 0\n"
        "三、本年度办理结果| （一）予以公开| 1| 1| 1| 1| 1| 1| 6"
    )
    rows = _rows(text)
    assert rows["new_received"] == (1, 2, 3, 4, 5, 6, 21)
    assert rows["carried_over"] == (0,) * 7


def test_a_row_wrapped_at_the_page_width_keeps_its_last_numbers() -> None:
    text = (
        "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 2 3 4 5 6\n"
        "   21\n"
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0"
    )
    rows = _rows(text)
    assert rows["other_overdue_correction"] == (1, 2, 3, 4, 5, 6, 21)
    assert rows["other_unpaid_fee"] == (0,) * 7


def test_a_row_cut_into_three_by_blank_lines_is_one_row_again() -> None:
    cells = "\n\n".join(["\t四、结转下年度继续办理\n\t1\n\t2", "\t3", "\t4\n\t5\n\t6\n\t21"])
    text = "\t（七）总计\n" + "\n".join(f"\t{n}" for n in (1, 2, 3, 4, 5, 6, 21)) + "\n\n" + cells
    rows = _rows(text)
    assert rows["carried_forward"] == (1, 2, 3, 4, 5, 6, 21)
    assert rows["total_processed"] == (1, 2, 3, 4, 5, 6, 21)


def test_values_after_a_short_row_that_do_not_make_it_whole_are_not_taken() -> None:
    cells = "\n\n".join(["\t四、结转下年度继续办理\n\t1\n\t2", "\t3", "\t4\n\t5\n\t6"])
    text = "\t（七）总计\n" + "\n".join(f"\t{n}" for n in (1, 2, 3, 4, 5, 6, 21)) + "\n\n" + cells
    assert _rows(text)["carried_forward"] == (None,) * 7


def test_headers_after_two_labels_do_not_tie_the_numbers_to_the_second() -> None:
    # plain pdftotext of a 2019 sub-table with blank cells: both labels, then the header, then
    # numbers that may be either row's
    text = (
        "第二十条第（六）项\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n"
        "行政处罚\n行政强制\n\n处理决定数量\n163\n\n0\n\n1500"
    )
    rows = _rows(text, get_format("2019").tables["active_disclosure"])
    assert rows.get("enforcement", (None,) * 3) == (None, None, None)
    assert rows.get("punishment", (None,) * 3) == (None, None, None)


# --- space-aligned tables and their blank cells -----------------------------------------------

_SPACED = """\
信息内容   本年制发件数 本年废止件数 现行有效件数
规章       5            3            9
行政规范性文件               2
行政许可   7"""


def test_a_blank_cell_of_a_space_aligned_table_comes_back_from_its_column() -> None:
    rows = _rows(_SPACED, ACTIVE)
    assert rows["regulations"] == (5, 3, 9)
    assert rows["normative_documents"] == (None, 2, None)
    assert rows["licensing"] == (7,)


def test_a_row_whose_label_pushed_its_numbers_out_of_their_columns_is_not_guessed() -> None:
    text = "规章       5            3            9\n行政规范性文件文件文件文件文件  2"
    assert _cells(text)[1] == ["行政规范性文件文件文件文件文件", "2"]


# pdftotext -layout: the rows whose labels sit at another indent put their numbers further left
_SHIFTED = """\
一、本年新收政府信息公开申请数量          11862     5696      7100    8819   8278     6780   48535
二、上年结转政府信息公开申请数量          1024      1581      679     2362   3187     3951   12784
        （一）予以公开                               215    553     75    2000      475     221    3539
        （二）部分公开                               338    160     360    306      100     382    1646
                  1.属于国家秘密                     1      0      802    106      73      524    1506
                  2.其他法律行政法规禁止公开         1919   301     867    264      101     214    3666
                  3.危及“三安全一稳定”               848    1024   1029   1986      521     450    5858
                  4.保护第三方合法权益               354    229     197    153      412            1345
                  5.属于三类内部事务信息             1781   322     300    9        22      0      2434"""


def test_a_blank_cell_comes_back_from_the_rows_that_line_up_with_its_row() -> None:
    """The full rows do not all line up (two sit further left), so no one grid holds them all;
    the rows that line up with each other still give the columns of the short row among them."""
    rows = _rows(_SHIFTED)
    assert rows["denied_third_party"] == (354, 229, 197, 153, 412, None, 1345)
    assert rows["new_received"] == (11862, 5696, 7100, 8819, 8278, 6780, 48535)


def test_a_short_row_that_lines_up_with_no_grid_of_full_rows_is_not_guessed() -> None:
    lines = _SHIFTED.split("\n")
    # the short row sits between the two grids: its numbers fall in no column of either
    lines[7] = "                  4.保护第三方合法权益         354    229     197    153      412   1345"
    rows = _rows("\n".join(lines))
    assert rows.get("denied_third_party", (None,) * 7) == (None,) * 7


def test_a_short_row_whose_numbers_only_brush_the_columns_is_not_placed_by_them() -> None:
    """pdftotext ``-layout`` prints a row whose label is longer a column's width to the left: its
    first number (the second column's; the first is blank) only touches the first column's
    edge, and reading it there would slide every number of the row one column to the left."""
    text = "\n".join(
        [
            " 一、本年新收政府信息公开申请数量                                 "
            "3997    11615    17054   8604     12136   66175",
            "             （一）予以公开                              "
            "  250    454     320    1161     275     128    2588",
            "                       1.属于国家秘密                   "
            "  389    11      423     955     773     415    2966",
            "                       2.其他法律行政法规禁止公开             "
            "  1876   211     0      1873     438     728    5126",
            "                       3.危及“三安全一稳定”               "
            "  1999   242     813    1490     1282    76     5902",
        ]
    )
    rows = _rows(text)
    assert rows.get("new_received", (None,) * 7) == (None,) * 7
    assert rows["granted"] == (250, 454, 320, 1161, 275, 128, 2588)


def test_a_header_row_run_together_is_no_row_though_it_ends_with_one() -> None:
    """A PDF's text runs table 三's header row into one label, which ends with 总计 — a column
    header here, not （七）总计 — and the first row's numbers follow it."""
    header = "申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
    text = f"{header}\n1\n0\n0\n0\n0\n0\n1\n（七）总计 1 0 0 0 0 0 1"
    rows = _rows(text)
    assert rows["total_processed"] == (1, 0, 0, 0, 0, 0, 1)
    assert _rows(f"{header}\n1\n0\n0\n0\n0\n0\n0").get("total_processed", (None,) * 7) == (None,) * 7


def test_a_row_label_printed_alone_is_still_a_row() -> None:
    assert _rows("（七）总计 1 0 0 0 0 0 1")["total_processed"] == (1, 0, 0, 0, 0, 0, 1)
    assert _rows("总计 1 0 0 0 0 0 1")["total_processed"] == (1, 0, 0, 0, 0, 0, 1)


# --- one cell per line ------------------------------------------------------------------------


def test_one_cell_per_line_with_blank_lines_between_is_one_stream_of_cells() -> None:
    text = "\n\n".join(["规章", "1", "2", "3", "行政规范性文件", "4", "5", "6", "行政许可", "7"])
    assert detect_layout(normalize(text)) == "lines"
    rows = _rows(text, ACTIVE)
    assert rows["regulations"] == (1, 2, 3)
    assert rows["normative_documents"] == (4, 5, 6)
    assert rows["licensing"] == (7,)


def _exported_one_cell_a_line(report: govinfo_report.Report) -> str:
    """``report`` as LibreOffice's text export prints a Word file: every paragraph and table
    cell on a line of its own, no blank line between them, an empty cell an empty line (the
    ``cells`` rendering without its cell tabs and the blank lines between rows)."""
    text = govinfo_report.render(report, layout="cells")
    return "\n".join(line.removeprefix("\t") for line in text.split("\n") if line)


def _with_blanks(report: govinfo_report.Report) -> govinfo_report.Report:
    """The bundled example with blank cells between numbers and before a row's first number."""
    requests = report.requests
    new_received = attrs.evolve(
        requests.new_received, natural_person=Cell(15), **dict.fromkeys(REQUEST_ORGS, Cell(None))
    )
    granted = attrs.evolve(
        requests.granted, commercial_enterprise=Cell(None), research_institution=Cell(None)
    )
    active = report.active_disclosure_table
    normative = attrs.evolve(active.normative_documents, issued=Cell(None))
    return attrs.evolve(
        report,
        requests=attrs.evolve(requests, new_received=new_received, granted=granted),
        active_disclosure=attrs.evolve(active, normative_documents=normative),
    )


def test_empty_lines_between_a_word_tables_numbers_are_its_empty_cells() -> None:
    """LibreOffice's text export of a Word file prints an empty cell as an empty line: between
    two numbers of a row, or between its label and its first number, such lines are its empty
    cells — in a text that prints labels and their numbers on lines next to each other."""
    report = _with_blanks(govinfo_report.parse_file(SAMPLE))
    parsed = govinfo_report.parse(_exported_one_cell_a_line(report))
    assert parsed.requests == report.requests
    active, printed = parsed.active_disclosure_table, report.active_disclosure_table
    assert active.regulations == printed.regulations
    assert active.normative_documents == printed.normative_documents  # its first cell empty


def test_empty_lines_between_numbers_a_blank_line_apart_everywhere_are_no_cells() -> None:
    """Plain ``pdftotext`` prints a blank line after every cell: such lines part cells, and a
    row two numbers short is not made up from them."""
    text = "\n\n".join(["规章", "1", "2", "3", "行政规范性文件", "4", "6", "行政许可", "7", "其他", "8"])
    assert _rows(text, ACTIVE).get("normative_documents", (None,) * 3) == (None,) * 3


@settings(max_examples=30, deadline=None)
@given(report=reports(blanks=True, consistent=None))
def test_a_word_table_exported_one_cell_a_line_never_misplaces_a_value(report: govinfo_report.Report) -> None:
    """Empty cells anywhere (as a row's last cells, an empty line before the next label is the
    row's or a merged cell's: such rows may stay blank), every cell read is the printed one."""
    parsed = govinfo_report.parse(_exported_one_cell_a_line(report))
    got, want = cell_values(parsed), cell_values(report)
    assert [key for key, value in got.items() if value is not None and value != want.get(key)] == []


# --- labels -----------------------------------------------------------------------------------


def test_a_long_label_cut_after_its_last_keyword_is_not_the_row_named_by_that_keyword() -> None:
    text = (
        "(一)予以公开 1 1 1 1 1 1 6\n"
        "(二)部分公开(区分处理的,只计这一情形,不计其他\n"
        "2 2 2 2 2 2 12\n"
        "情形)\n"
        "1.属于国家秘密 0 0 0 0 0 0 0"
    )
    rows = _rows(text)
    assert rows["partially_granted"] == (2, 2, 2, 2, 2, 2, 12)


def test_a_row_carrying_the_numbers_of_the_rows_whose_labels_moved_away_is_split_by_position() -> None:
    labels = "\n".join(["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"])
    values = "\n".join(["1 0 0 0 0 0 1", "2 0 0 0 0 0 2", "3 0 0 0 0 0 3"])
    text = f"{labels}\n{values}\n(七)总计 6 0 0 0 0 0 6"
    rows = _rows(text.replace("\n", " "))
    assert rows["other_overdue_correction"][0] == 1
    assert rows["other_unpaid_fee"][0] == 2
    assert rows["other_misc"][0] == 3


# --- the outline ------------------------------------------------------------------------------


def test_stray_spaces_inside_a_heading_do_not_hide_it() -> None:
    text = "二、主动公开 政府信 息情况\n三、收到和 处 理政府信息公开申请情况\n六、其他需要 报告的事项\n无"
    assert [s.number for s in read_skeleton(normalize(text)).sections] == [2, 3, 6]


def test_the_site_footer_after_section_6_is_not_part_of_it() -> None:
    text = (
        "某县人民政府2023年政府信息公开工作年度报告\n六、其他需要报告的事项\n无。\n某县人民政府\n"
        "【打印本页】【关闭窗口】\n主办单位：某县人民政府办公室\n苏ICP备05012345号-1"
    )
    section = govinfo_report.parse(text).section(6)
    assert section is not None
    assert section.text == "无。\n某县人民政府"


@pytest.mark.parametrize("prefix", ["名称：| ", "| 名称： | ", "标题："])
def test_a_title_in_a_page_info_table_row_names_the_agency(prefix: str) -> None:
    text = f"{prefix}某县人民政府2023年政府信息公开工作年度报告 | 发布日期：2024-01-20\n一、总体情况\n无"
    report = govinfo_report.parse(text)
    assert (report.agency, report.year) == ("某县人民政府", 2023)


# --- signs, moved column headers, lost headings ------------------------------------------------

ACTIVE_2019 = get_format("2019").tables["active_disclosure"]


def test_a_sign_in_its_own_markup_run_stays_with_its_number() -> None:
    # Word pastes "-" and "200" as two runs; a converter puts a line break or a space between
    html = "<table>\n<tr><td>行政许可</td><td>2232</td><td>\n-\n200</td><td>215</td></tr>\n</table>"
    assert _rows(html, ACTIVE_2019)["licensing"] == (2232, -200, 215)
    spaced = "行政许可          1664        - 218     513"
    assert _rows(spaced, ACTIVE_2019)["licensing"] == (1664, -218, 513)


def test_a_sign_before_a_count_that_cannot_be_negative_is_not_read_as_one() -> None:
    # in a count column "- 7" is as likely a blank mark and a number: the cell is left blank
    _, grid = read_grid(normalize("规章          - 7        3        4"))
    read = read_rows(observed_rows(grid_items(grid)), ACTIVE)
    assert tuple(c.value for c in read.rows["regulations"]) == (None, 3, 4)
    assert [(d.code, d.column) for d in read.diagnostics if d.row == "regulations"] == [
        ("unreadable-cell", "issued")
    ]


def test_a_column_header_a_pdf_put_after_the_label_does_not_hide_the_row() -> None:
    # plain pdftotext: 政府集中采购 / 采购总金额 / 0 / 0 — the header came between label and numbers
    text = "第二十条第（九）项\n信息内容\n\n采购项目数量\n\n政府集中采购\n\n采购总金额\n3\n\n1.5\n"
    assert _rows(text, ACTIVE_2019)["procurement"] == (3, Decimal("1.5"))
    # two headers after the label, and a signed number
    text = "第二十条第（八）项\n信息内容\n行政事业性收费\n上一年项目数量\n本年增/减\n3565\n-100\n"
    assert _rows(text, ACTIVE_2019)["fees"] == (3565, -100)


def test_a_row_of_numbers_cut_by_their_wrapped_digits_is_not_read_even_where_it_adds_up() -> None:
    # a PDF's text of a table whose narrow cells wrapped 12270 and 13347 (and their sum 25617):
    # the row beside the wrapped digits prints 1227 1334 … 2561, which adds up; the rules across
    # the table fail, and the row whose numbers are cut is the one beside the digits
    whole, cut = "12270 13347 0 0 0 0 25617", "1227 1334 0 0 0 0 2561\n0 7 7"
    read = _rows(_table_three({"new_received": whole, "granted": whole, "total_processed": cut}))
    assert read["total_processed"] == (None,) * 7
    assert read["new_received"] == (12270, 13347, 0, 0, 0, 0, 25617)  # far from the digits
    read = _rows(_table_three({"new_received": cut, "granted": whole, "total_processed": whole}))
    assert read["new_received"] == (None,) * 7
    assert read["carried_over"] == (None,) * 7  # beside the digits too: whose are they?
    assert read["total_processed"] == (12270, 13347, 0, 0, 0, 0, 25617)


def _table_three(values: dict[str, str]) -> str:
    """Table 三 with each row's numbers on its label's line, ``0 0 0 0 0 0 0`` where ``values``
    has none."""
    return "\n".join(f"{row.label} {values.get(row.id, '0 0 0 0 0 0 0')}" for row in REQUESTS.rows)


def test_a_unit_between_two_numbers_of_a_glued_row_parts_their_cells() -> None:
    # a crawler's one-line text of a format-2019 row whose cells print their units
    text = "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购1个246900元"
    assert _rows(text, ACTIVE_2019)["procurement"] == (1, 246900)


def test_a_year_run_into_a_tables_last_number_is_the_next_sentences() -> None:
    # one-line text: the sentence after the table starts with its year, glued to the last cell
    text = "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费02025年，我局严格按照规定收费。"
    assert _rows(text, ACTIVE)["fees"] == (0,)
    text = "行政事业性收费18651.062025年，我局严格按照规定收费。"
    assert _rows(text, ACTIVE)["fees"] == (Decimal("18651.06"),)
    text = "四、结转下年度继续办理20000022025年，我局共收到申请2件。"
    assert _rows(text)["carried_forward"] == (2, 0, 0, 0, 0, 0, 2)
    # a sign before the year is no number of its own: the row is blank, nothing is raised
    text = "四、结转下年度继续办理 1 0 0 0 0 0 -2024年，无结转。"
    assert _rows(text)["carried_forward"] == (None,) * 7


def test_tables_are_read_from_where_their_sections_were_when_the_headings_are_lost() -> None:
    # a converter that drops <h2> headings leaves prose and tables; table 四 is looked for only
    # after table 三, so the 行政复议 of the prose before it is not taken for the table
    text = (
        "本机关全年未发生行政复议案件，行政复议 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 件均无。\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t1\t2\t3\n行政规范性文件\t4\t5\t6\n行政许可\t7\n行政处罚\t8\n行政强制\t9\n行政事业性收费\t1.5\n"
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t商业企业\t科研机构\t"
        "社会公益组织\t法律服务机构\t其他\t总计\n"
        "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
        "行政复议\t\t\t\t\t行政诉讼\n" + "\t".join(str(n) for n in range(20, 35)) + "\n"
    )
    report = govinfo_report.parse(text)
    assert report.active_disclosure is not None and report.active_disclosure.enforcement.decisions.value == 9
    assert report.requests is not None and report.requests.new_received.total.value == 1
    assert report.review_litigation is not None
    assert report.review_litigation.review.upheld.value == 20
    assert [d.code for d in report.diagnostics].count("table-without-heading") == 3


def test_numbers_printed_before_their_labels_are_placed_in_template_order() -> None:
    # plain pdftotext may print a sub-table's numbers first and its row labels after them
    text = (
        "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n1\n2\n3\n4\n5\n6\n"
        "规章\n行政规范性文件\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n7\n"
    )
    assert _rows(text, ACTIVE) == {
        "regulations": (1, 2, 3),
        "normative_documents": (4, 5, 6),
        "licensing": (7,),
    }


def test_numbers_before_a_group_header_are_not_given_to_the_rows_after_it() -> None:
    # 现行有效件数's one number belongs to the sub-table above; 行政许可 lost its number
    text = (
        "第二十条第（一）项\n信息内容\n本年制发件数\n本年废止件数\n规章\n3\n0\n行政规范性文件\n3\n0\n"
        "现行有效件数\n0\n第二十条第（五）项\n信息内容\n本年处理决定数量\n行政许可\n"
        "第二十条第（六）项\n信息内容\n本年处理决定数量\n行政处罚\n2\n行政强制\n0\n"
    )
    rows = _rows(text, ACTIVE)
    assert "licensing" not in rows  # not found: blank, with a missing-row diagnostic
    assert rows["punishment"] == (None,)  # its number may be 行政许可's


def test_a_row_of_six_numbers_wrapped_in_their_cells_is_joined_by_the_column_sums() -> None:
    # pypdf prints each wrapped number of the 总计 row as two pieces: thirteen numbers for seven
    # cells; the rows above say what each column adds up to
    whole = "12692 13182 10889 16203 11877 16123 80966"
    pieces = "1269 2 1318 2 1088 9 1620 3 11877 1612 3 8096 6"
    read = _rows(
        _table_three({"new_received": whole, "granted": whole, "total_processed": pieces}), soft=True
    )
    assert read["total_processed"] == (12692, 13182, 10889, 16203, 11877, 16123, 80966)
