"""Across two years of one body: last year's 结转下年度继续办理 against this year's 上年结转."""

from __future__ import annotations

from .. import diagnostics as diag
from ..model import Cell, Report
from ..reading.labels import fold
from ..template.formats import table_spec
from ..template.rules import RULES_BY_ID
from .findings import CellRef, Finding, ValidationResult, at_cell, column_name_zh

_RULE = RULES_BY_ID["carry-over-continuity"]


def _same_body(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def _not_a_pair(last_year: Report, this_year: Report) -> Finding | None:
    """The one finding when the two reports are visibly not one body's consecutive years."""
    ly, ty = last_year.year, this_year.year
    if ly is not None and ty is not None and ty != ly + 1:
        return Finding.from_diagnostic(diag.make("continuity-years", last_year=ly, this_year=ty))
    if last_year.agency and this_year.agency and not _same_body(last_year.agency, this_year.agency):
        made = diag.make("continuity-agency", last_agency=last_year.agency, this_agency=this_year.agency)
        return Finding.from_diagnostic(made)
    return None


def check_continuity(last_year: Report, this_year: Report) -> ValidationResult:
    """Last year's 结转下年度继续办理 against this year's 上年结转, column by column.

    The two reports should be one body's, for consecutive years; when they visibly are not,
    that is the one finding and nothing is compared.
    """
    for r in (last_year, this_year):
        if not isinstance(r, Report):
            raise TypeError(f"check_continuity() takes two Reports, not {type(r).__name__}")
    odd = _not_a_pair(last_year, this_year)
    if odd is not None:
        return ValidationResult((odd,))
    if last_year.requests is None or this_year.requests is None:
        return ValidationResult()
    findings: list[Finding] = []
    unchecked: list[CellRef] = []
    for column in table_spec(this_year.format, "requests").row("carried_over").columns:
        before = last_year.requests.carried_forward[column]
        now = this_year.requests.carried_over[column]
        refs = (
            CellRef("requests", "carried_over", column, now.line, this_year.year),
            CellRef("requests", "carried_forward", column, before.line, last_year.year),
        )
        if before.value is None or now.value is None:
            unchecked += [r for r, c in zip(refs, (now, before), strict=True) if c.value is None]
        elif before.value != now.value:
            findings.append(_mismatch(last_year, this_year, column, before, now, refs))
    if unchecked:
        findings.append(_cannot_compare(unchecked))
    return ValidationResult(tuple(findings))


def _mismatch(
    last_year: Report, this_year: Report, column: str, before: Cell, now: Cell, refs: tuple[CellRef, ...]
) -> Finding:
    ly, ty = last_year.year, this_year.year
    made = at_cell(
        "carry-over-mismatch",
        "requests",
        "carried_over",
        column,
        line=now.line,
        this_report=f"the {ty} report" if ty is not None else "this year's report",
        last_report=f"the {ly} report" if ly is not None else "last year's report",
        this_report_zh=f"{ty}年度报告" if ty is not None else "本年度报告",
        last_report_zh=f"{ly}年度报告" if ly is not None else "上年度报告",
        actual=now.value,
        expected=before.value,
    )
    return Finding.from_diagnostic(made, cells=refs, expected=before.value, actual=now.value)


def _cannot_compare(unchecked: list[CellRef]) -> Finding:
    made = diag.make(
        "cannot-check",
        table="requests",
        rule=_RULE.formula_en,
        rule_zh=_RULE.formula_zh,
        count=len({r.column for r in unchecked}),
        where=", ".join(dict.fromkeys(str(r.column) for r in unchecked)),
        where_zh="、".join(dict.fromkeys(column_name_zh("requests", str(r.column)) for r in unchecked)),
    )
    return Finding.from_diagnostic(made, cells=tuple(unchecked), rule=_RULE.id)
