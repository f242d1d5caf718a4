"""Findings for people and for databases: the text and JSON output of ``govinfo-report validate``.

The text groups findings by report and by table, errors first, each with the line to jump to and
the cell named the way the report names it. The JSON is one object per report whose findings
carry the diagnostic fields of the data contract plus the cells, expected and actual numbers,
so a batch of reports loads into a spreadsheet or a database as one row per finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..checks.findings import Finding, ValidationResult
from ..model import Report

Lang = Literal["zh", "en"]

_GROUPS: tuple[tuple[str | None, str, str], ...] = (
    ("active_disclosure", "表二 主动公开政府信息情况", "Table 二 active_disclosure (主动公开政府信息情况)"),
    ("requests", "表三 收到和处理政府信息公开申请情况", "Table 三 requests (收到和处理政府信息公开申请情况)"),
    (
        "review_litigation",
        "表四 政府信息公开行政复议、行政诉讼情况",
        "Table 四 review_litigation (行政复议、行政诉讼情况)",
    ),
    (None, "结构与正文", "Structure and text"),
)
_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_ORDER = {"error": 0, "warning": 1, "info": 2}


def _group(finding: Finding) -> str | None:
    return finding.table if finding.table in ("active_disclosure", "requests", "review_litigation") else None


def _heading(report: Report, source: str | None, lang: Lang) -> str:
    who = report.agency or report.title or ("未知机关" if lang == "zh" else "unknown body")
    if lang == "zh":
        year = f" {report.year}年度" if report.year is not None else ""
        return f"== {source + ' · ' if source else ''}{who}{year}（格式 {report.format}）"
    year = f" {report.year}" if report.year is not None else ""
    return f"== {source + ' · ' if source else ''}{who}{year} (format {report.format})"


def format_findings(
    result: ValidationResult, report: Report, *, source: str | None = None, lang: Lang = "zh"
) -> str:
    """The findings about one report as text: a heading, then the findings grouped by table."""
    out = [_heading(report, source, lang)]
    if not len(result):
        out.append("  未发现问题" if lang == "zh" else "  no findings")
        return "\n".join(out)
    for table, zh, en in _GROUPS:
        group = [f for f in result if _group(f) == table]
        if not group:
            continue
        group.sort(key=lambda f: (_ORDER[f.severity], f.line is None, f.line or 0))
        out.append(zh if lang == "zh" else en)
        for f in group:
            if lang == "zh":
                where = f" · 第{f.line}行" if f.line is not None else ""
                out.append(f"  {_SEVERITY_ZH[f.severity]}{where} · {f.message_zh} [{f.code}]")
            else:
                where = f" · line {f.line}" if f.line is not None else ""
                out.append(f"  {f.severity}{where} · {f.message} [{f.code}]")
    errors, warnings, infos = len(result.errors), len(result.warnings), len(result.infos)
    if lang == "zh":
        out.append(f"结果：{errors} 个错误，{warnings} 个警告，{infos} 条提示")
    else:
        out.append(f"result: {errors} error(s), {warnings} warning(s), {infos} info")
    return "\n".join(out)


def findings_json(result: ValidationResult, report: Report, *, source: str | None = None) -> dict[str, Any]:
    """The findings about one report as JSON-ready data."""
    return {
        "file": source,
        "title": report.title,
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "ok": result.ok,
        "counts": {
            "error": len(result.errors),
            "warning": len(result.warnings),
            "info": len(result.infos),
        },
        "findings": [f.to_dict() for f in result],
    }


def format_totals(results: Sequence[ValidationResult], unreadable: int, *, lang: Lang = "zh") -> str:
    """One line over a batch: how many reports have errors, only warnings, nothing."""
    with_errors = sum(1 for r in results if r.errors)
    with_warnings = sum(1 for r in results if not r.errors and r.warnings)
    clean = len(results) - with_errors - with_warnings
    if lang == "zh":
        line = (
            f"共 {len(results)} 份报告：{with_errors} 份有错误，{with_warnings} 份仅有警告，"
            f"{clean} 份无错误和警告"
        )
        return line + (f"；{unreadable} 个文件无法读取" if unreadable else "")
    line = (
        f"{len(results)} report(s): {with_errors} with errors, {with_warnings} with warnings only, "
        f"{clean} without errors or warnings"
    )
    return line + (f"; {unreadable} file(s) could not be read" if unreadable else "")


__all__ = ["Lang", "findings_json", "format_findings", "format_totals"]
