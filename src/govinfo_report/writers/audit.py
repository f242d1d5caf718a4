"""An audit of a batch of reports as one web page, for the 政务公开 office that checks the reports
of its subordinate bodies: a summary of the batch on top, then each report's three tables drawn
as printed — with the template's merged cells — the cells of every error highlighted (hover one
to read the rule, the number it asks for and the number printed), and the report's findings
listed under its tables. Files that could not be read are listed with the reason.

The page is self-contained (its style inline, no scripts), so it can be mailed or archived.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..checks.findings import Finding, ValidationResult
from ..model import Report
from .document import Grid, merged_rows, render_title, sections
from .records import Record

__all__ = ["ERROR_COLOUR", "OPERAND_COLOUR", "WARNING_COLOUR", "Audited", "render_audit"]

#: The background of a cell an error is about (the screenshot test looks for it).
ERROR_COLOUR = "#ff8a80"
#: The background of the other cells an error involves (the operands of its rule).
OPERAND_COLOUR = "#ffd7d2"
#: The background of a cell only warnings are about.
WARNING_COLOUR = "#ffe082"

_SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

_STYLE = f"""
body {{ font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif;
       margin: 2em; color: #222; }}
h1 {{ font-size: 1.5em; }} h2 {{ font-size: 1.25em; border-top: 2px solid #444; padding-top: .6em; }}
h3 {{ font-size: 1.05em; }}
table {{ border-collapse: collapse; margin: .5em 0 1em; }}
td, th {{ border: 1px solid #999; padding: 2px 6px; font-size: 13px; }}
td.value {{ text-align: right; min-width: 2.5em; }}
td.finding-error {{ background: {ERROR_COLOUR}; font-weight: bold; }}
td.finding-operand {{ background: {OPERAND_COLOUR}; }}
td.finding-warning {{ background: {WARNING_COLOUR}; }}
.summary td {{ text-align: right; }} .summary td:first-child {{ text-align: left; }}
li.error {{ color: #b71c1c; }} li.warning {{ color: #8d6e00; }} li.info {{ color: #555; }}
.ok {{ color: #1b5e20; }}
"""


class Audited(NamedTuple):
    """One report of the batch: where it came from, the report and its findings."""

    source: str
    report: Report
    result: ValidationResult


def _escape(text: object) -> str:
    return html.escape(str(text), quote=True)


_Key = tuple[str, str, str]


def _cell_findings(result: ValidationResult) -> dict[_Key, list[tuple[Finding, bool]]]:
    """Error and warning findings by the cells they involve, each with whether the cell is the
    one the finding is about (the others are its operands)."""
    found: dict[_Key, list[tuple[Finding, bool]]] = {}
    for finding in result:
        if finding.severity == "info":
            continue
        about = (finding.table, finding.row, finding.column)
        keys = {
            (c.table, c.row, c.column) for c in finding.cells if c.row is not None and c.column is not None
        }
        if finding.table and finding.row and finding.column:
            keys.add(about)  # type: ignore[arg-type]
        for key in keys:
            found.setdefault(key, []).append((finding, key == about))
    return found


def _cell_class(about: Sequence[tuple[Finding, bool]]) -> str:
    """The highlight of a cell: an error's own cell, an error's operand, or a warning's cell."""
    if any(f.severity == "error" and primary for f, primary in about):
        return "finding-error"
    if any(f.severity == "error" for f, _ in about):
        return "finding-operand"
    return "finding-warning"


def _tooltip(findings: Sequence[Finding]) -> str:
    """What hovering a highlighted cell says: the rule, the number expected and the number printed."""
    lines = []
    for f in findings:
        rule = f.rule or f.code
        numbers = ""
        if f.expected is not None or f.actual is not None:
            numbers = f"；应为 {_number(f.expected)}，报告值 {_number(f.actual)}"
        lines.append(f"{_SEVERITY_ZH[f.severity]} [{rule}]{numbers}：{f.message_zh}")
    return "\n".join(lines)


def _number(value: object) -> str:
    return "—" if value is None else str(value)


def _grid_html(grid: Grid, findings: dict[_Key, list[tuple[Finding, bool]]]) -> str:
    """A table as printed, its cells with findings highlighted and titled."""
    out = ["<table>"]
    for index, row in enumerate(merged_rows(grid)):
        keys = iter(grid.keys[index])
        cells = []
        for cell in row:
            spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            if not cell.is_value:
                cells.append(f"<td{spans}>{_escape(cell.text)}</td>")
                continue
            row_id, column_id = next(keys)
            about = findings.get((grid.id, row_id, column_id), [])
            classes = "value"
            title = ""
            if about:
                classes += f" {_cell_class(about)}"
                title = f' title="{_escape(_tooltip([f for f, _ in about]))}"'
            ids = f' data-cell="{_escape(f"{grid.id}.{row_id}.{column_id}")}"'
            cells.append(f'<td class="{classes}"{spans}{ids}{title}>{_escape(cell.text)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _finding_items(result: ValidationResult) -> list[str]:
    if not len(result):
        return ['<p class="ok">未发现问题。</p>']
    order = {"error": 0, "warning": 1, "info": 2}
    items = ["<ul>"]
    for f in sorted(result, key=lambda f: (order[f.severity], f.line is None, f.line or 0)):
        where = f"第{f.line}行 · " if f.line is not None else ""
        items.append(
            f'<li class="{f.severity}">{_SEVERITY_ZH[f.severity]} · {where}{_escape(f.message_zh)} '
            f"<code>[{_escape(f.code)}]</code></li>"
        )
    items.append("</ul>")
    return items


def _report_section(number: int, audited: Audited) -> list[str]:
    report, result = audited.report, audited.result
    findings = _cell_findings(result)
    who = report.agency or report.title or "未知机关"
    year = f" {report.year}年度" if report.year is not None else ""
    out = [
        f'<section id="report-{number}">',
        f"<h2>{number}. {_escape(who)}{_escape(year)}</h2>",
        f"<p>{_escape(render_title(report))} · 文件 <code>{_escape(audited.source)}</code> · "
        f"格式 {_escape(report.format)} · {len(result.errors)} 个错误，{len(result.warnings)} 个警告，"
        f"{len(result.infos)} 条提示</p>",
    ]
    try:
        printed = list(sections(report))
    except (ValueError, NotImplementedError) as exc:
        out.append(f"<p>表格无法按模板绘制：{_escape(exc)}</p>")
        printed = []
    for section in printed:
        if section.number not in (2, 3, 4):
            continue
        out.append(f"<h3>{_escape(section.heading)}</h3>")
        if section.table is None:
            out.append("<p>（未读到本部分的统计表）</p>")
        else:
            out.append(_grid_html(section.table, findings))
    out += ["<h3>问题清单</h3>", *_finding_items(result), "</section>"]
    return out


def _summary(audited: Sequence[Audited], unread: Sequence[Record]) -> list[str]:
    with_errors = sum(1 for a in audited if a.result.errors)
    with_warnings = sum(1 for a in audited if not a.result.errors and a.result.warnings)
    codes = Counter(f.code for a in audited for f in a.result if f.severity != "info")
    out = [
        '<table class="summary">',
        f"<tr><td>已读报告</td><td>{len(audited)}</td></tr>",
        f"<tr><td>有错误的报告</td><td>{with_errors}</td></tr>",
        f"<tr><td>仅有警告的报告</td><td>{with_warnings}</td></tr>",
        f"<tr><td>无错误和警告的报告</td><td>{len(audited) - with_errors - with_warnings}</td></tr>",
        f"<tr><td>无法读取的文件</td><td>{len(unread)}</td></tr>",
        "</table>",
    ]
    if codes:
        out.append("<h3>最常见的问题</h3><ul>")
        out += [f"<li><code>{_escape(code)}</code> × {n}</li>" for code, n in codes.most_common(10)]
        out.append("</ul>")
    out.append(
        "<h3>报告一览</h3><table><tr><th>#</th><th>机关</th><th>年度</th><th>错误</th><th>警告</th><th>文件</th></tr>"
    )
    for number, a in enumerate(audited, 1):
        out.append(
            f'<tr><td><a href="#report-{number}">{number}</a></td><td>{_escape(a.report.agency or "")}</td>'
            f"<td>{_escape(a.report.year or '')}</td><td>{len(a.result.errors)}</td>"
            f"<td>{len(a.result.warnings)}</td><td><code>{_escape(a.source)}</code></td></tr>"
        )
    out.append("</table>")
    return out


def _unread(unread: Sequence[Record]) -> list[str]:
    if not unread:
        return []
    out = ['<h2 id="unread">无法读取的文件</h2>', "<table><tr><th>文件</th><th>状态</th><th>原因</th></tr>"]
    for record in unread:
        reason = f"{record.get('error_kind') or ''}: {record.get('error') or ''}"
        out.append(
            f"<tr><td><code>{_escape(record.get('source_path'))}</code></td>"
            f"<td>{_escape(record.get('status'))}</td><td>{_escape(reason)}</td></tr>"
        )
    out.append("</table>")
    return out


def render_audit(audited: Iterable[Audited], unread: Sequence[Record] = (), *, title: str = "") -> str:
    """The audit page of a batch: summary, each report's tables with its errors highlighted and
    its findings, then the files that could not be read."""
    reports = list(audited)
    heading = title or "政府信息公开工作年度报告审核结果"
    body = [f"<h1>{_escape(heading)}</h1>", *_summary(reports, unread)]
    for number, entry in enumerate(reports, 1):
        body += _report_section(number, entry)
    body += _unread(unread)
    head = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{_escape(heading)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>", ""])
