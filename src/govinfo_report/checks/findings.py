"""What validation reports: :class:`Finding`, :class:`ValidationResult`, and how cells are named.

A finding is a diagnostic (code, severity, English and Chinese message, the cell to look at first)
plus everything involved in it: the cells, with their source lines, and for arithmetic the number
the report prints and the number the rule asks for. Cells are named two ways: by the ids of the
data contract (``requests.total_processed.natural_person``) for programs, and the way the printed
report names them (``三、（七）总计 · 自然人``) for the people who correct it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, overload

import attrs

from .. import diagnostics as diag
from ..model import Diagnostic, Severity, Value
from ..reading.skeleton import SECTION_TITLES
from ..template.spec import ACTIVE_COLUMN_LABELS, REQUEST_COLUMN_LABELS, REVIEW_OUTCOME_LABELS, TABLE_NAMES_ZH

# --- findings ----------------------------------------------------------------------------------


@attrs.frozen
class CellRef:
    """A cell a finding is about: table, row and column ids of the data contract, and the 1-based
    line it was read from. ``year`` is set only when a finding spans two reports (continuity),
    to say which report the cell is in. Section text is referred to as table ``"sections"`` with
    the section number as ``row``."""

    table: str
    row: str | None = None
    column: str | None = None
    line: int | None = None
    year: int | None = None


@attrs.frozen
class Finding:
    """One thing the validator found.

    ``code`` is stable (the diagnostic catalogue lists every code); ``table``/``row``/
    ``column``/``line`` locate the cell to look at first, as a :class:`Diagnostic` does;
    ``cells`` are all the cells involved; ``expected``/``actual`` are the number the rule asks
    for and the number the report prints (None when the finding is not about one number);
    ``rule`` names the arithmetic rule a "cannot-check" finding could not apply.
    """

    code: str
    severity: Severity
    message: str
    message_zh: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None
    cells: tuple[CellRef, ...] = ()
    expected: Value = None
    actual: Value = None
    rule: str | None = None

    def to_diagnostic(self) -> Diagnostic:
        """The finding in the shape of the data contract's diagnostics."""
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=self.message,
            message_zh=self.message_zh,
            table=self.table,
            row=self.row,
            column=self.column,
            line=self.line,
        )

    @classmethod
    def from_diagnostic(
        cls,
        d: Diagnostic,
        *,
        cells: tuple[CellRef, ...] | None = None,
        expected: Value = None,
        actual: Value = None,
        rule: str | None = None,
    ) -> Finding:
        """A diagnostic as a finding: by default about its own cell, when it names one."""
        if cells is None:
            cells = (CellRef(d.table, d.row, d.column, d.line),) if d.table is not None else ()
        where = (d.table, d.row, d.column, d.line)
        return cls(d.code, d.severity, d.message, d.message_zh, *where, cells, expected, actual, rule)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: the diagnostic fields plus ``rule``, ``cells``, ``expected``,
        ``actual``."""
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "message_zh": self.message_zh,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "rule": self.rule,
            "cells": [attrs.asdict(c) for c in self.cells],
            "expected": _json_number(self.expected),
            "actual": _json_number(self.actual),
        }


def _json_number(value: Value) -> int | float | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


@attrs.frozen
class ValidationResult(Sequence[Finding]):
    """The findings about one report (or one pair of reports), in a stable order: the parser's
    and the structure findings, then arithmetic, likely causes, prose, and what could not be
    checked. A sequence of :class:`Finding` (empty, and so falsy, when there is nothing)."""

    findings: tuple[Finding, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return self.findings[index]

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every finding as a :class:`Diagnostic`."""
        return tuple(f.to_diagnostic() for f in self.findings)

    def __add__(self, other: object) -> ValidationResult:
        if not isinstance(other, ValidationResult):
            return NotImplemented
        return ValidationResult(self.findings + other.findings)


# --- how cells and rules are named ----------------------------------------------------------------

#: Table 三 rows as an editor finds them in the printed table.
REQUEST_ROW_NAMES_ZH: dict[str, str] = {
    "new_received": "一、本年新收申请数量",
    "carried_over": "二、上年结转申请数量",
    "granted": "三、（一）予以公开",
    "partially_granted": "三、（二）部分公开",
    "denied_state_secret": "三、（三）不予公开 1.属于国家秘密",
    "denied_prohibited_by_law": "三、（三）不予公开 2.其他法律行政法规禁止公开",
    "denied_three_safeties": "三、（三）不予公开 3.危及“三安全一稳定”",
    "denied_third_party": "三、（三）不予公开 4.保护第三方合法权益",
    "denied_internal_affairs": "三、（三）不予公开 5.属于三类内部事务信息",
    "denied_process_info": "三、（三）不予公开 6.属于四类过程性信息",
    "denied_law_enforcement_file": "三、（三）不予公开 7.属于行政执法案卷",
    "denied_inquiry": "三、（三）不予公开 8.属于行政查询事项",
    "unavailable_not_held": "三、（四）无法提供 1.本机关不掌握相关政府信息",
    "unavailable_needs_compilation": "三、（四）无法提供 2.没有现成信息需要另行制作",
    "unavailable_unclear": "三、（四）无法提供 3.补正后申请内容仍不明确",
    "rejected_petition": "三、（五）不予处理 1.信访举报投诉类申请",
    "rejected_duplicate": "三、（五）不予处理 2.重复申请",
    "rejected_publication": "三、（五）不予处理 3.要求提供公开出版物",
    "rejected_excessive": "三、（五）不予处理 4.无正当理由大量反复申请",
    "rejected_confirmation": "三、（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
    "other_processing": "三、（六）其他处理",
    "other_overdue_correction": "三、（六）其他处理 1.逾期不补正",
    "other_unpaid_fee": "三、（六）其他处理 2.逾期未缴纳费用",
    "other_misc": "三、（六）其他处理 3.其他",
    "total_processed": "三、（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
REQUEST_COLUMN_NAMES_ZH: dict[str, str] = {**REQUEST_COLUMN_LABELS, "other_org": "其他（法人或其他组织）"}
REVIEW_BLOCK_NAMES_ZH: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼（未经复议直接起诉）",
    "litigation_after_review": "行政诉讼（复议后起诉）",
}
#: The arithmetic rules of FORMAT.md §4, by finding code.
RULES_ZH: dict[str, str] = {
    "requests-balance": "一+二=（七）总计+四",
    "requests-results-sum": "（七）总计=（一）至（六）各项之和",
    "requests-row-sum": "总计=自然人与法人或其他组织各列之和",
    "review-block-sum": "总计=维持+纠正+其他+尚未审结",
    "carry-over-continuity": "本年“上年结转”=上年“结转下年度继续办理”",
}
RULES_EN: dict[str, str] = {
    "requests-balance": "new_received + carried_over = total_processed + carried_forward",
    "requests-results-sum": "total_processed = the sum of the result rows",
    "requests-row-sum": "total = natural_person + the five organisation columns",
    "review-block-sum": "total = upheld + corrected + other + pending",
    "carry-over-continuity": "this year's carried_over = last year's carried_forward",
}

Key = tuple[str, str, str]  # table id, row id, column id

#: Table 二 rows of both templates (the 2019 ids that differ from 2021 ones added).
ACTIVE_ROW_NAMES_ZH: dict[str, str] = {
    "regulations": "规章",
    "normative_documents": "行政规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "punishment": "行政处罚",
    "enforcement": "行政强制",
    "fees": "行政事业性收费",
    "procurement": "政府集中采购",
}


def row_name_zh(table: str, row: str) -> str:
    """A row (or table 四 block) named the way the printed report names it."""
    if table == "requests":
        return REQUEST_ROW_NAMES_ZH.get(row, row)
    if table == "review_litigation":
        return REVIEW_BLOCK_NAMES_ZH.get(row, row)
    if table == "active_disclosure":
        return ACTIVE_ROW_NAMES_ZH.get(row, row)
    if table == "sections" and row.isdigit():
        return SECTION_TITLES.get(int(row), f"第{row}部分")
    return row


def column_name_zh(table: str, column: str) -> str:
    """A column named the way the printed report heads it."""
    names = {
        "requests": REQUEST_COLUMN_NAMES_ZH,
        "review_litigation": REVIEW_OUTCOME_LABELS,
        "active_disclosure": ACTIVE_COLUMN_LABELS,
    }.get(table, {})
    return names.get(column, column)


def cell_name_zh(table: str, row: str | None, column: str | None = None) -> str:
    """A cell (or a row) named the way the printed report names it, e.g. ``三、（七）总计 · 自然人``."""
    if row is None:
        return TABLE_NAMES_ZH.get(table, table)
    if column is None:
        return row_name_zh(table, row)
    return f"{row_name_zh(table, row)} · {column_name_zh(table, column)}"


def cell_name(table: str, row: str | None, column: str | None = None) -> str:
    """A cell named by its data-contract ids, e.g. ``requests.total_processed.natural_person``."""
    return ".".join(p for p in (table, row, column) if p)


@functools.cache
def _template_pattern(code: str) -> re.Pattern[str]:
    """A catalogue message template as a regex that reads its fields back."""
    parts = re.split(r"\{(\w+)\}", diag.CATALOGUE[code][1])
    seen: set[str] = set()
    pattern = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pattern += re.escape(part)
        elif part in seen:
            pattern += f"(?P={part})"
        else:
            seen.add(part)
            pattern += f"(?P<{part}>.*?)"
    return re.compile(pattern + r"\Z", re.S)


def message_fields(d: Diagnostic | Finding) -> dict[str, str]:
    """The fields a catalogue message was filled with (empty when the message does not follow
    the catalogue, e.g. a diagnostic made by hand)."""
    if d.code not in diag.CATALOGUE:
        return {}
    match = _template_pattern(d.code).match(d.message)
    return match.groupdict() if match else {}


__all__ = [
    "REQUEST_ROW_NAMES_ZH",
    "RULES_EN",
    "RULES_ZH",
    "TABLE_NAMES_ZH",
    "CellRef",
    "Finding",
    "ValidationResult",
    "cell_name",
    "cell_name_zh",
    "column_name_zh",
    "message_fields",
    "row_name_zh",
]
