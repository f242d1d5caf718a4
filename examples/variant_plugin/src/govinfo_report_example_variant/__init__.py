"""An example regional variant for govinfo-report, installed as a plugin.

The package's entry point (``govinfo_report.formats``) names :data:`variant`; govinfo-report
registers it the first time a report is parsed, and picks it for every report whose text has all
of its markers.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from govinfo_report import Diagnostic, HookContext, Report, Variant

GRAMMAR = Path(__file__).with_name("example_province.lark")


def check_extra_row(report: Report, context: HookContext) -> Report:
    """The province's own rule: the extra row must be filled in. Adds a diagnostic if it is not."""
    active = report.active_disclosure
    row = active.extra_rows.get("other_documents") if active is not None else None
    if row is None or row["published"].value is None:
        note = Diagnostic(
            code="example-province-missing-other-documents",
            severity="warning",
            message="the province's row 其他主动公开文件 is not filled in",
            message_zh="未填写本省要求的“其他主动公开文件”一行",
            table="active_disclosure",
            row="other_documents",
        )
        report = attrs.evolve(report, diagnostics=(*report.diagnostics, note))
    return report


variant = Variant(
    name="example-province",
    grammar=GRAMMAR,
    base="2021",
    markers=("其他主动公开文件",),
    hook=check_extra_row,
)
