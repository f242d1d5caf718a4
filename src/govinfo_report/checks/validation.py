"""Validation: the template's arithmetic (勾稽关系) and structure rules, reported cell by cell.

:func:`validate` never changes a number. It returns every finding about a report — the parser's
diagnostics included, so one run says everything — each naming the cells involved (with their
source lines) and, for arithmetic, the number the report prints and the number the rule asks for.

A blank cell is not 0. A rule with a blank operand is "cannot check" (info), aggregated to one
finding per rule, never a failure — except when the filled-in parts of a sum already exceed its
total: counts are never negative, so no value of the blanks could make that sum right.

Likely causes (a number split over two cells, a row shifted by one column) are suggested as
info findings when the arithmetic singles them out; the repair is never applied.

The rules themselves live in :mod:`govinfo_report.template.rules`; this module runs them, with
the structure checks (:mod:`.structure`), the hints (:mod:`.hints`), the prose checks
(:mod:`.prose`) and, given last year's report, the continuity check (:mod:`.continuity`).
"""

from __future__ import annotations

from ..model import Report, provide_validator
from ..reading.context import ParseContext
from ..template.rules import evaluate
from .arithmetic import arithmetic_finding, cannot_check, report_checks
from .cells import ReportCells
from .continuity import check_continuity
from .findings import CellRef, Finding, ValidationResult, cell_name, cell_name_zh, message_fields
from .hints import shift_hints, split_hints
from .prose import check_prose
from .structure import blank_cells, invalid_counts, structure_findings


def validate(
    report: Report,
    *,
    text: str | None = None,
    previous: Report | None = None,
    context: ParseContext | None = None,
) -> ValidationResult:
    """Every 勾稽关系 and template rule of ``report``, as findings (never raises for a report).

    ``text`` is the text the report was parsed from; with it, findings about the prose point at
    their exact line (``context``, what :func:`govinfo_report.api.parse_with_context` returns
    beside the report, serves the same and spares normalising the text again). ``previous`` is
    the same body's report for the year before: its carried-forward numbers are compared with
    this report's carried-over ones (:func:`check_continuity`).
    """
    if not isinstance(report, Report):
        raise TypeError(f"validate() takes a Report, not {type(report).__name__}")
    cells = ReportCells.of(report)
    findings = structure_findings(cells)
    findings += invalid_counts(cells)
    findings += blank_cells(cells)
    checks = report_checks(cells)
    outcomes = [evaluate(c, cells.get) for c in checks]
    findings += [arithmetic_finding(cells, c, o) for c, o in zip(checks, outcomes, strict=True) if o.failed]
    if any(o.failed for o in outcomes):
        findings += shift_hints(cells, checks, outcomes)
    findings += split_hints(cells, checks)
    if context is not None:
        findings += check_prose(report, normalized=context.text, read=context.claims)
    else:
        findings += check_prose(report, text)
    findings += cannot_check(cells, checks, outcomes)
    result = ValidationResult(tuple(findings))
    if previous is not None:
        result = check_continuity(previous, report) + result
    return result


provide_validator(validate)

__all__ = [
    "CellRef",
    "Finding",
    "ValidationResult",
    "cell_name",
    "cell_name_zh",
    "check_continuity",
    "message_fields",
    "validate",
]
