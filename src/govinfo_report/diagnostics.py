"""The catalogue of diagnostic codes, with their severity and English and Chinese messages.

Codes are part of the public data contract: tools filter on them, so they never change meaning.
A new situation gets a new code here, and nowhere else.
"""

from __future__ import annotations

from typing import Any

from .model import Diagnostic, Severity

#: code -> (severity, English template, Chinese template); templates use str.format fields.
CATALOGUE: dict[str, tuple[Severity, str, str]] = {
    "no-title": (
        "warning",
        "no report title (agency + year + 年度报告) was found",
        "未找到报告标题（机关名称 + 年份 + 年度报告）",
    ),
    "no-year": (
        "warning",
        "the reporting year could not be read from the title or the statistics period",
        "未能从标题或统计期限中读出报告年度",
    ),
    "missing-section": (
        "warning",
        "section {number} ({heading}) was not found",
        "未找到第{number_zh}部分（{heading}）",
    ),
    "missing-table": (
        "warning",
        "table {table_zh} was not found in its section",
        "在对应部分中未找到表格“{table_zh}”",
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
        "info",
        "a row without a readable label was read as '{label}' from its position",
        "一行无法识别标签，按其位置读作“{label}”",
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
    "table-format-unknown": (
        "warning",
        "the statistics tables do not follow a known template ({detail})",
        "统计表格不符合已知模板（{detail}）",
    ),
}

_ZH_NUMERALS = "零一二三四五六七八九十"


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
        fields["number_zh"] = _ZH_NUMERALS[int(fields["number"])]
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
