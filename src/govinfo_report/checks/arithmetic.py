"""The template's arithmetic on one report: each check of the rule registry
(:mod:`govinfo_report.template.rules`) evaluated on the report's cells, failures as error
findings naming every cell involved, and one "cannot check" info per rule whose operands are
blank. A blank is not 0: a check with a blank operand fails only when the filled-in parts of a
sum already exceed its total, as counts are never negative."""

from __future__ import annotations

from collections.abc import Sequence

from .. import diagnostics as diag
from ..template.rules import RULES_BY_ID, Check, Outcome, checks_for
from .cells import ReportCells
from .findings import Finding, at_cell, cell_name, cell_name_zh, column_name_zh


def report_checks(cells: ReportCells) -> tuple[Check, ...]:
    """Every check of every rule on the tables the report has, in registry order."""
    report = cells.report
    checks: tuple[Check, ...] = ()
    if report.requests is not None:
        checks += checks_for("requests", cells.printed("requests"))
    if report.review_litigation is not None:
        checks += checks_for("review_litigation", cells.printed("review_litigation"))
    return checks


def arithmetic_finding(cells: ReportCells, check: Check, outcome: Outcome) -> Finding:
    """An error finding for a failed check: the printed and the expected number, the rule's
    expression and its operands."""
    rule = RULES_BY_ID[check.rule]
    key = check.target
    actual, expected = outcome.actual, outcome.expected
    assert actual is not None and expected is not None
    if outcome.status == "bound":
        reason_zh = f"但已填写的各项之和已为 {expected}（其余空白），超过报告值"
        reason = f"but the parts that are filled in already add up to {expected} (the rest are blank)"
    else:
        diff = abs(actual - expected)
        reason_zh = f"按“{rule.expression_zh}”应为 {expected}，相差 {diff}"
        reason = f"but {rule.expression_en} gives {expected}; difference {diff}"
        spec = cells.printed(rule.table).spec
        detail_zh, detail = rule.operands(check, cells.get, spec)
        if detail_zh:
            reason_zh += f"（{detail_zh}）"
            reason += f" ({detail})"
    made = at_cell(
        check.rule, *key, line=cells.lines.get(key), actual=actual, reason=reason, reason_zh=reason_zh
    )
    return Finding.from_diagnostic(
        made, cells=tuple(cells.ref(k) for k in check.keys), expected=expected, actual=actual
    )


def _check_name(check: Check) -> str:
    """What a "cannot check" list calls a check: a column, a row or a block."""
    table, row, column = check.target
    if RULES_BY_ID[check.rule].scope == "column":
        return column_name_zh(table, column)
    return cell_name_zh(table, row)


def cannot_check(cells: ReportCells, checks: Sequence[Check], outcomes: Sequence[Outcome]) -> list[Finding]:
    """One info per rule that could not be applied everywhere, with the blank cells that
    stopped it."""
    by_rule: dict[str, list[Check]] = {}
    for check, outcome in zip(checks, outcomes, strict=True):
        if outcome.status == "unknown":
            by_rule.setdefault(check.rule, []).append(check)
    findings = []
    for rule_id, unchecked in by_rule.items():
        rule = RULES_BY_ID[rule_id]
        blanks = list(dict.fromkeys(k for c in unchecked for k in c.keys if cells.get(k) is None))
        names = [_check_name(c) for c in unchecked]
        shown = "、".join(names[:7]) + ("等" if len(names) > 7 else "")
        shown_en = ", ".join(cell_name(*c.target) for c in unchecked[:7]) + (" …" if len(names) > 7 else "")
        made = diag.make(
            "cannot-check",
            table=unchecked[0].target[0],
            rule=rule.formula_en,
            rule_zh=rule.formula_zh,
            count=len(unchecked),
            where=shown_en,
            where_zh=shown,
        )
        findings.append(
            Finding.from_diagnostic(made, cells=tuple(cells.ref(k) for k in blanks), rule=rule_id)
        )
    return findings
