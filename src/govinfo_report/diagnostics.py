"""The catalogue of diagnostic codes, with their severity and English and Chinese messages.

Codes are part of the public data contract: tools filter on them, so they never change meaning.
A new situation gets a new code here, and nowhere else.
"""

from __future__ import annotations

from typing import Any

from .model import Diagnostic, Severity
from .template.rules import RULES

#: code -> (severity, English template, Chinese template); templates use str.format fields.
CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    "no-title": (
        "warning",
        "no report title (agency + year + 年度报告) was found",
        "未找到报告标题（机关名称 + 年份 + 年度报告）",
    ),
    "table-region-too-large": (
        "warning",
        "the text where a table is looked for has {size} characters, more than the {bound} a table "
        "region is read up to; it is not read as a table",
        "查找表格的文本有 {size} 个字符，超过表格区域的读取上限 {bound}；未作为表格读取",
    ),
    "pdf-table-clipped": (
        "warning",
        "table {position} of the PDF runs past the page's edge (page {pages}): what its cells print "
        "beyond the edge is not in the file, and those cells are left blank",
        "PDF 中第 {position} 个表格超出页面边缘（第 {pages} 页）：超出部分的内容不在文件中，相应单元格留空",
    ),
    "pdf-page-turned": (
        "info",
        "page {pages} of the PDF shows its text sideways or upside down; it is read turned, so that "
        "its text runs left to right",
        "PDF 第 {pages} 页的文字横置或倒置；已按文字方向转正后读取",
    ),
    "pdf-sheet-split": (
        "info",
        "sheet {pages} of the PDF prints two or four pages on one sheet; they are read as pages of "
        "their own, in order",
        "PDF 第 {pages} 页为一页多版（两页或四页拼印）；已拆分为单页依次读取",
    ),
    "table-printed-twice": (
        "info",
        "the table is printed twice in its section; the {which} copy ('{heading}') is read, the words "
        "before the other ('{other}') making it another year's",
        "该表在本部分出现两次；读取{which_zh}份（“{heading}”），另一份（“{other}”）为其他年度的数据",
    ),
    "table-copies-differ": (
        "warning",
        "the table is printed twice in its section with different numbers, and nothing tells which "
        "copy is the year's; the {count} cells the copies print differently are left blank",
        "该表在本部分出现两次且数字不同，无法判断哪一份为本年度数据；两份不一致的 {count} 个单元格留空",
    ),
    "no-agency": (
        "warning",
        "the title ('{title}') names no agency, and no line before it does; the agency is left blank",
        "标题（“{title}”）中没有机关名称，其前也没有；机关名称留空",
    ),
    "no-year": (
        "warning",
        "the reporting year could not be read from the title, the statistics period or the report's words",
        "未能从标题、统计期限或正文中读出报告年度",
    ),
    "year-from-text": (
        "info",
        "the reporting year {year} is read from the report's words ('{text}'), there being no title",
        "没有标题，报告年度 {year} 读自正文（“{text}”）",
    ),
    "agency-from-text": (
        "info",
        "the agency '{agency}' is read from the report's words ('{text}'), the title naming none",
        "标题中没有机关名称，机关名称“{agency}”读自正文（“{text}”）",
    ),
    "title-from-properties": (
        "info",
        "the report prints no title; its title ('{title}') is the one the file declares in its properties",
        "报告正文中没有标题；标题（“{title}”）取自文件属性中声明的标题",
    ),
    "agency-from-page": (
        "info",
        "the agency '{agency}' is the publisher the page names (its source), the report naming none",
        "报告中没有机关名称，机关名称“{agency}”取自网页标明的发布机构（来源）",
    ),
    "missing-section": (
        "warning",
        "section {number} ({heading}) was not found",
        "未找到第{number_zh}部分（{heading}）",
    ),
    "sections-renumbered": (
        "info",
        "the report numbers these headings its own way ({headings}); they are read as section(s) "
        "{numbers} of the template",
        "报告以自己的编号印出这些标题（{headings}），按模板第{numbers_zh}部分读取",
    ),
    "missing-table": (
        "warning",
        "table {table_zh} was not found in its section",
        "在对应部分中未找到表格“{table_zh}”",
    ),
    "table-without-heading": (
        "warning",
        "table {table_zh} was found without the heading of section {number}; it is read from "
        "where that section must have been",
        "未找到第{number_zh}部分标题，表格“{table_zh}”按该部分应在的位置读取",
    ),
    "missing-row": (
        "warning",
        "row '{label}' was not found; its cells are left blank",
        "未找到“{label}”一行，该行单元格留空",
    ),
    "row-value-count": (
        "warning",
        "row '{label}' has {found} value cells where {expected} were expected ({values}); "
        "its cells are left blank rather than guessed",
        "“{label}”一行有 {found} 个数值单元格，应为 {expected} 个（{values}）；为免误读，该行留空",
    ),
    "table-value-count": (
        "warning",
        "table {table_zh} has {found} value cells where {expected} were expected ({values}); "
        "its cells are left blank rather than guessed",
        "表格“{table_zh}”有 {found} 个数值单元格，应为 {expected} 个（{values}）；为免误读，表格留空",
    ),
    "table-run-unconfirmed": (
        "warning",
        "table {table_zh}'s one run of {expected} values ({values}) follows other numbers "
        "({others}) under its header and its rows do not add up: a number wrapped over two lines "
        "may have made up the count; its cells are left blank rather than guessed",
        "表格“{table_zh}”唯一一组 {expected} 个数值（{values}）之前、表头之下另有数字（{others}），"
        "且各行合计不符：可能是折行的数字凑足了个数；为免误读，表格留空",
    ),
    "table-run-wrapped": (
        "warning",
        "table {table_zh}'s run of {expected} values ({values}) does not add up, and it is printed "
        "the way the pieces of numbers wrapped in narrow cells are (cells set apart only by "
        "spaces, or values on lines next to each other among others a blank line apart): a "
        "wrapped number may have made up the count; its cells are left blank rather than guessed",
        "表格“{table_zh}”的 {expected} 个数值（{values}）各行合计不符，"
        "且其排印方式与窄单元格中折行数字的碎片相同（单元格仅以空格分隔，或有的逐行相连、有的隔有空行）："
        "可能是折行的数字凑足了个数；为免误读，表格留空",
    ),
    "table-runs-differ": (
        "warning",
        "table {table_zh} prints {count} runs of {expected} values ({readings}), and the table's "
        "arithmetic does not tell which is the table; its cells are left blank rather than guessed",
        "表格“{table_zh}”有 {count} 组各 {expected} 个数值（{readings}），勾稽关系无法确定哪一组属于该表；"
        "为免误读，表格留空",
    ),
    "table-edge-cells-ambiguous": (
        "warning",
        "table {table_zh} prints {printed} cells for its {expected} values, empty ones at both ends, "
        "and reads two ways ({readings}) that the table's arithmetic does not tell apart; its cells "
        "are left blank rather than guessed",
        "表格“{table_zh}”的 {expected} 个数值印有 {printed} 个单元格，两端都有空格，"
        "可读作两种（{readings}），勾稽关系无法区分；为免误读，表格留空",
    ),
    "table-edge-cells-chosen": (
        "info",
        "table {table_zh} prints {printed} cells for its {expected} values, empty ones at both ends, "
        "and reads two ways ({readings}); the one whose sums hold is read",
        "表格“{table_zh}”的 {expected} 个数值印有 {printed} 个单元格，两端都有空格，"
        "可读作两种（{readings}）；读取符合勾稽关系的一种",
    ),
    "table-run-chosen": (
        "info",
        "table {table_zh} prints {count} runs of {expected} values ({readings}); the one on line "
        "{start} is read, the only one that keeps the table's arithmetic",
        "表格“{table_zh}”有 {count} 组各 {expected} 个数值（{readings}）；读取第 {start} 行起的一组，"
        "唯有该组符合表格勾稽关系",
    ),
    "unknown-row": (
        "warning",
        "a row that is not in the template was found: '{label}' ({values})",
        "发现模板之外的行：“{label}”（{values}）",
    ),
    "label-repaired": (
        "info",
        "label '{printed}' was read as '{label}'",
        "标签“{printed}”按“{label}”读取",
    ),
    "row-by-position": (
        "warning",
        "a row without a readable label was read as '{label}' from its position; check it",
        "一行无法识别标签，按其位置读作“{label}”，请核对",
    ),
    "row-values-unverified": (
        "warning",
        "the numbers of '{label}' ({values}) are tied to it only by the order of the text, and the "
        "table's arithmetic speaks against them; the row is left blank rather than guessed",
        "“{label}”一行的数字（{values}）仅凭文本顺序与该行对应，且与表格勾稽关系不符；为免误读，该行留空",
    ),
    "cells-by-reading-order": (
        "warning",
        "table {table_zh}: the text printed the numbers of {count} row(s) apart from their labels; "
        "they were placed by the reading order the table's arithmetic allows ({readings}); check them",
        "表格“{table_zh}”：文本中 {count} 行的数字与其标签分离；"
        "已按符合表格勾稽关系的读取顺序（{readings}）放置，请核对",
    ),
    "blank-cells-placed": (
        "warning",
        "table {table_zh}: {count} row(s) print fewer numbers than cells, as a text that prints "
        "nothing for a blank cell does; their blank cells were placed where the table's sums put "
        "them, and {rows} other row(s) read as printed; check them",
        "表格“{table_zh}”：{count} 行的数字少于单元格数（文本不显示空白单元格）；"
        "已按表格的勾稽关系确定空白单元格的位置，另有 {rows} 行按原文读取，请核对",
    ),
    "cells-readings-differ": (
        "warning",
        "the readings of '{label}' that the table's arithmetic allows differ ({readings}); the "
        "cells they disagree on are left blank",
        "“{label}”一行有多种符合表格勾稽关系的读法（{readings}）；各读法不一致的单元格留空",
    ),
    "reading-order-limit": (
        "warning",
        "table {table_zh}: more than {limit} ways of reading the numbers printed apart from their "
        "labels; they were not placed",
        "表格“{table_zh}”：与标签分离的数字有超过 {limit} 种读法；未放置",
    ),
    "row-values-cut": (
        "warning",
        "the numbers of '{label}' ({values}) do not add up to the row's total, or cannot be "
        "checked for a blank next to a line of numbers with no row: a number too wide for its "
        "cell may have wrapped over two lines; the row is left blank rather than guessed",
        "“{label}”一行的数字（{values}）与该行总计不符，或因空格无法核对而紧邻无法归属的数字："
        "可能有数字因单元格过窄而折行；为免误读，该行留空",
    ),
    "row-values-maybe-wrapped": (
        "warning",
        "the numbers of '{label}' ({values}) do not add up, in a table where only spaces or line "
        "breaks set the cells apart and a number wrapped in its narrow cell prints as two pieces "
        "(other rows show it), while a blank cell leaves no mark: the numbers may have slid over "
        "a blank; the row is left blank rather than guessed",
        "“{label}”一行的数字（{values}）与该行总计不符；本表单元格仅以空格或换行分隔，窄单元格中过宽的数字折成两段"
        "（其他行可见），而空单元格不留痕迹：数字可能越过空格错位；为免误读，该行留空",
    ),
    "total-cut": (
        "warning",
        "the total of '{label}' prints {value}, not the sum of its cells ({expected}), in a table "
        "whose totals the page's edge cut: it may be cut too; the total is left blank rather than "
        "read cut",
        "“{label}”一行的总计印为 {value}，不等于该行各项之和（{expected}），"
        "而该表的总计列被页面边缘截断，此数也可能被截断；为免误读，该总计留空",
    ),
    "unplaced-values": (
        "warning",
        "numbers without a row label ({values}) could not be placed in a row; they are not read",
        "无行标签的数字（{values}）无法确定所属行，未读取",
    ),
    "row-values-ambiguous": (
        "warning",
        "the numbers after '{label}' ({values}) may belong to '{other}', whose label is printed "
        "before it with no numbers of its own; both rows are left blank rather than guessed",
        "“{label}”之后的数字（{values}）也可能属于标签列于其前、自身无数字的“{other}”；为免误读，两行均留空",
    ),
    "row-values-before-label": (
        "warning",
        "the numbers after '{label}' ({values}) may belong to '{other}', of the same table, whose "
        "label is printed after them with no numbers of its own, or fewer than its cells: a PDF's "
        "text can print a row's numbers before its label; the row is left blank rather than guessed",
        "“{label}”之后的数字（{values}）也可能属于同表中标签列于其后、自身无数字或数字少于单元格的“{other}”"
        "（PDF 文本可能把一行的数字排在其标签之前）；为免误读，该行留空",
    ),
    "row-values-under-other-headers": (
        "warning",
        "the numbers after '{label}' ({values}) follow a column header of another part of the "
        "table, '{other}''s, which the text prints after the label: they may be that part's; the "
        "row is left blank rather than guessed",
        "“{label}”之后的数字（{values}）排在文本印于标签之后的另一部分表格（“{other}”所在部分）的表头之后："
        "这些数字可能属于该部分；为免误读，该行留空",
    ),
    "sign-apart-ambiguous": (
        "warning",
        "a sign printed on a line of its own before a number in the row '{label}' ({values}) may "
        "be a blank cell or the number's sign, and the row's cells fit either way; the row is "
        "left blank rather than guessed",
        "“{label}”一行中单独成行、位于数字之前的符号（{values}）既可能是空白单元格，也可能是该数字的正负号，"
        "两种读法的单元格数均相符；为免误读，该行留空",
    ),
    "row-values-out-of-order": (
        "warning",
        "the numbers after '{label}' ({values}) follow column headers the text prints after the "
        "label, each number on a line of its own, and '{other}' has no numbers of its own: the "
        "text does not print the table row by row, so they may be that row's; the row is left "
        "blank rather than guessed",
        "“{label}”之后的数字（{values}）排在标签之后才出现的表头之后、各自单独成行，而“{other}”没有自己的数字："
        "文本未逐行排列表格，这些数字可能属于该行；为免误读，该行留空",
    ),
    "row-values-after-stray-numbers": (
        "warning",
        "numbers with no row of their own ({before}) stand just before '{label}', and its numbers "
        "({values}) are not on its line: the text prints some rows' numbers before their labels, so "
        "those after it may be the next row's; the row is left blank rather than guessed",
        "“{label}”之前有不属于任何行的数字（{before}），而其后的数字（{values}）不在标签所在行："
        "文本把部分行的数字印在标签之前，其后的数字可能属于下一行；为免误读，该行留空",
    ),
    "row-values-moved": (
        "warning",
        "the numbers after '{label}' ({values}) may have moved there from '{other}' above it, which is "
        "short of numbers, as the text does not keep each row's numbers on its line; the row is left "
        "blank rather than guessed",
        "“{label}”之后的数字（{values}）可能来自其上缺少数字的“{other}”（文本未将每行数字与标签排在同一行）；"
        "为免误读，该行留空",
    ),
    "other-processing-single-row": (
        "info",
        "（六）其他处理 is printed as one row; its values are in other_processing",
        "（六）其他处理 以单行列示，数值记入 other_processing",
    ),
    "unreadable-cell": (
        "warning",
        "cell text '{text}' is not a number; the cell is left blank",
        "单元格内容“{text}”不是数字，该单元格留空",
    ),
    "glued-cells": (
        "warning",
        "the digits '{digits}' run several cells together and could not be split; "
        "the row's cells are left blank",
        "数字串“{digits}”把多个单元格连在一起，无法拆分；该行留空",
    ),
    # --- flattened tables (govinfo_report.flatten) ----------------------------------------------
    "glued-cells-split": (
        "info",
        "table {table_zh}: {count} row(s) were printed without cell separators; their digits were "
        "split into cells where only one reading fits the template (its arithmetic, no leading zeros)",
        "表格“{table_zh}”有 {count} 行单元格之间没有分隔；"
        "只有一种拆分符合模板（勾稽关系、无前导零）的，已拆分为单元格",
    ),
    "wrapped-cells-joined": (
        "info",
        "table {table_zh}: {count} row(s) printed more numbers than cells, as a number too wide for "
        "its cell wraps into two pieces; the pieces were joined where only one reading fits the "
        "template's arithmetic",
        "表格“{table_zh}”有 {count} 行的数字多于单元格（过宽的数字在单元格内折成两段）；"
        "只有一种合并方式符合勾稽关系的，已合并",
    ),
    "glued-cells-ambiguous": (
        "warning",
        "the digits '{digits}' can be split into cells in {count} ways that the template allows "
        "({readings}); the cells they disagree on are left blank",
        "数字串“{digits}”有 {count} 种符合模板的拆分方式（{readings}）；各种拆分不一致的单元格留空",
    ),
    "glued-cells-prose": (
        "info",
        "the report's text says '{quote}', which picks {value} among the readings of the digits '{digits}'",
        "报告正文称“{quote}”，据此在数字串“{digits}”的几种拆分中取 {value}",
    ),
    "glued-cells-row-sum": (
        "warning",
        "no split of the digits '{digits}' makes every total the sum of its cells (the report's "
        "own arithmetic is off); the row was split by the rules that can hold",
        "数字串“{digits}”的任何拆分都不能使总计等于各项之和（报告本身的数据不平衡）；仅按能成立的规则拆分",
    ),
    "glued-cells-arithmetic": (
        "warning",
        "table {table_zh}: the glued digits cannot be split so that all of the table's arithmetic "
        "holds; it holds with one of these rows set aside: {rows}. Only cells that agree in every "
        "such reading were kept",
        "表格“{table_zh}”：粘连的数字串无论如何拆分都不能满足全部勾稽关系；"
        "除去以下某一行后可以成立：{rows}。仅保留各种情况下一致的单元格",
    ),
    "glued-cells-digits-only": (
        "warning",
        "table {table_zh}: the glued digits cannot be split so that the table's arithmetic holds, "
        "even with any one row set aside; only cells that the digits alone decide were kept",
        "表格“{table_zh}”：粘连的数字串即使除去任一行也不能满足勾稽关系；仅保留数字本身即可确定的单元格",
    ),
    "glued-cells-limit": (
        "warning",
        "the digits '{digits}' have too many possible splits to search (more than {readings} "
        "readings or {steps} steps); the row's cells are left blank",
        "数字串“{digits}”可能的拆分过多（超过 {readings} 种或 {steps} 步），该行留空",
    ),
    "glued-cells-table-limit": (
        "warning",
        "table {table_zh}: splitting the glued rows together needed more than {steps} steps; {fallback}",
        "表格“{table_zh}”：联合拆分粘连各行超过 {steps} 步；{fallback_zh}",
    ),
    "table-format-unknown": (
        "warning",
        "the statistics tables do not follow a known template ({detail})",
        "统计表格不符合已知模板（{detail}）",
    ),
    # --- noted by a document's reader (govinfo_report.readers) ------------------------------
    "encoding-bytes-replaced": (
        "warning",
        "the page is in {encoding} but for {count} byte(s) no encoding of it reads (text pasted in "
        "from a page in another encoding); each is read as a replacement character, as a browser "
        "shows it",
        "网页为 {encoding} 编码，但有 {count} 个字节无法按该编码读取（从其他编码网页粘贴的文字）；"
        "这些字节按浏览器的方式以替换字符读取",
    ),
    "encoding-guessed": (
        "info",
        "the file does not declare the encoding it is in (declared: {declared}); it was read as "
        "{encoding}, which the bytes fit",
        "文件未正确声明字符编码（声明为：{declared}），按其字节相符的 {encoding} 读取",
    ),
    "report-in-attachment": (
        "warning",
        "the page holds no statistics table but links to attached files ({files}): the report may be "
        "published in them; read that file",
        "网页正文没有统计表格，但附有文件（{files}）：年度报告可能以附件发布，请读取该文件",
    ),
    # --- found by the validator (govinfo_report.validation) ---------------------------------
    "cannot-check": (
        "info",
        "{rule}: {count} check(s) could not be made because cells are blank (blank is not 0): {where}",
        "“{rule_zh}”有 {count} 处无法核对（相关单元格空白，空白不等于 0）：{where_zh}",
    ),
    "invalid-count": (
        "error",
        "{cell}: {value} is not a count (a whole number, 0 or more)",
        "{cell_zh}：{value} 不是有效的件数（应为非负整数）",
    ),
    "blank-cells": (
        "warning",
        "table {table_zh}: {count} cell(s) are blank where the template asks for a number "
        "(blank is not 0): {where}",
        "表格“{table_zh}”有 {count} 个单元格空白（模板要求填写数字，空白不等于 0）：{where_zh}",
    ),
    "row-out-of-order": (
        "warning",
        "row '{label}' is printed out of the template's order (line {printed_at}); its values were not read",
        "“{label}”一行未按模板顺序列示（第 {printed_at} 行），其数值未读入",
    ),
    "format-year-mismatch": (
        "warning",
        "the tables follow the {format} template, but a report for {year} uses the {expected} template",
        "统计表格采用{format_zh}，但{year}年度报告应采用{expected_zh}",
    ),
    "likely-split-number": (
        "info",
        "{cell}: the printed values {first} and {second} are probably one number, {joined}; "
        "joined, {where} add(s) up (not changed)",
        "{cell_zh}：相邻的 {first} 与 {second} 很可能是被拆开的一个数 {joined}，"
        "合并后{where_zh}即可平衡（未自动修改）",
    ),
    "likely-shifted-row": (
        "info",
        "{cell}: the values look shifted one column to the {direction}; moved back, {count} failing "
        "check(s) add up (not changed)",
        "{cell_zh}：该行数值疑似整体{direction_zh}错位一列，"
        "移回后 {count} 处不平衡的勾稽关系即可平衡（未自动修改）",
    ),
    "prose-mismatch": (
        "warning",
        "section {section} ({where}) says '{quote}' ({stated}), but {cell} is {value}",
        "第{section_zh}部分（{where_zh}）称“{quote}”（{stated}），而{cell_zh}为 {value}",
    ),
    "carry-over-mismatch": (
        "warning",
        "{cell}: {this_report} carries over {actual}, but {last_report} carried forward {expected}",
        "{cell_zh}：{this_report_zh}“上年结转”为 {actual}，"
        "而{last_report_zh}“结转下年度继续办理”为 {expected}",
    ),
    "continuity-years": (
        "warning",
        "the reports are for {last_year} and {this_year}, not consecutive years; "
        "carried-over numbers were not compared",
        "两份报告分别为{last_year}年度和{this_year}年度，并非相邻年度，未比较结转数",
    ),
    "continuity-agency": (
        "warning",
        "the reports are by different bodies ({last_agency} / {this_agency}); "
        "carried-over numbers were not compared",
        "两份报告的机关不同（{last_agency} / {this_agency}），未比较结转数",
    ),
}

_ZH_NUMERALS = "零一二三四五六七八九十"


def zh_numeral(number: int) -> str:
    """A section's number as its heading prints it (3: 三)."""
    return _ZH_NUMERALS[number]


#: How a failed arithmetic check is worded, whichever rule it is (the rule supplies the reason).
ARITHMETIC_MESSAGES = ("{cell}: reported {actual}, {reason}", "{cell_zh}：报告值 {actual}，{reason_zh}")
# every arithmetic rule of the template's registry is a finding code of its own
CATALOGUE.update(
    {
        rule.id: (rule.severity, *ARITHMETIC_MESSAGES)
        for rule in RULES
        if rule.scope in ("column", "row", "block")
    }
)


def make(
    code: str,
    *,
    table: str | None = None,
    row: str | None = None,
    column: str | None = None,
    line: int | None = None,
    **fields: Any,
) -> Diagnostic:
    """Build the diagnostic ``code`` with its catalogue messages filled from ``fields``."""
    severity, en, zh = CATALOGUE[code]
    if "number" in fields and "number_zh" not in fields:
        fields["number_zh"] = zh_numeral(int(fields["number"]))
    return Diagnostic(
        code=code,
        severity=severity,
        message=en.format(**fields),
        message_zh=zh.format(**fields),
        table=table,
        row=row,
        column=column,
        line=line,
    )
