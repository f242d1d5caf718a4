"""A short human-readable view of a parsed report: metadata, the three tables as aligned grids,
and the diagnostics. Used by ``govinfo-report parse --format summary``.

Chinese characters take two terminal columns; the grids pad by display width, not by length.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..model import ActiveDisclosure, ActiveDisclosure2019, Cell, Report
from ..reading.normalize import display_width
from ..template import formats
from ..template.spec import (
    ACTIVE_COLUMN_LABELS,
    REQUEST_COLUMN_LABELS,
    REQUEST_COLUMNS,
    REVIEW_BLOCK_LABELS,
    REVIEW_OUTCOME_LABELS,
    REVIEW_OUTCOMES,
    TableSpec,
)

_BLANK = "·"


#: Display width in a terminal: wide and full-width characters count two.
width = display_width


def _pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def grid(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows of text cells as an aligned grid: first column left-aligned, the rest right-aligned."""
    table = [list(header), *[list(r) for r in rows]]
    sizes = [max(width(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [_pad(c, sizes[i], right=i > 0) for i, c in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _cell(cell: Cell) -> str:
    return _BLANK if cell.value is None else str(cell.value)


def _label(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _active_spec(report: Report) -> TableSpec:
    """Table 二's vocabulary in the report's own format (a variant's, if it is registered)."""
    name = report.format
    if name not in formats.names():
        name = "2019" if isinstance(report.active_disclosure, ActiveDisclosure2019) else "2021"
    return formats.get_format(name).tables["active_disclosure"]


def _active_cells(active: ActiveDisclosure | ActiveDisclosure2019, row_id: str) -> Sequence[Cell] | None:
    row = getattr(active, row_id, None)
    if row is not None and hasattr(row, "cells"):
        cells: Sequence[Cell] = row.cells()
        return cells
    extra = active.extra_rows.get(row_id)
    return tuple(extra.values()) if extra is not None else None


def format_summary(report: Report, *, source: str | None = None) -> str:
    """The summary view of one report."""
    out: list[str] = []
    if source:
        out.append(f"== {source}")
    period = ""
    if report.period is not None:
        period = f"{report.period.start or '?'} – {report.period.end or '?'}"
    out.append(f"机关 agency : {report.agency or '—'}")
    out.append(f"年度 year   : {report.year if report.year is not None else '—'}")
    out.append(f"格式 format : {report.format}")
    if period:
        out.append(f"期限 period : {period}")
    found = "".join("一二三四五六"[s.number - 1] for s in report.sections)
    out.append(f"部分 sections: {found or '—'}")

    active = report.active_disclosure
    out.append("")
    out.append("二、主动公开政府信息情况" + ("" if active else "  (not found)"))
    if active is not None:
        rows = []
        for spec in _active_spec(report).rows:
            cells = _active_cells(active, spec.id)
            if cells is None:
                continue
            values = " / ".join(_cell(c) for c in cells)
            columns = "/".join(ACTIVE_COLUMN_LABELS.get(c, c) for c in spec.columns)
            rows.append([_label(spec.label), values, columns])
        out.append(grid(["", "数值", "栏目"], rows))

    requests = report.requests
    out.append("")
    out.append("三、收到和处理政府信息公开申请情况" + ("" if requests else "  (not found)"))
    if requests is not None:
        rows = []
        for spec in formats.get_format("2021").tables["requests"].rows:
            row = requests[spec.id]
            if spec.id == "other_processing" and all(c.value is None for c in row.cells()):
                continue
            if (
                spec.id in ("other_overdue_correction", "other_unpaid_fee", "other_misc")
                and all(c.value is None for c in row.cells())
                and requests.other_processing.total.value is not None
            ):
                continue
            label = _label(spec.label)
            if len(label) > 16:
                label = label[:15] + "…"
            rows.append([label, *(_cell(c) for c in row.cells())])
        out.append(grid(["", *(REQUEST_COLUMN_LABELS[c] for c in REQUEST_COLUMNS)], rows))

    review = report.review_litigation
    out.append("")
    out.append("四、政府信息公开行政复议、行政诉讼情况" + ("" if review else "  (not found)"))
    if review is not None:
        rows = [
            [REVIEW_BLOCK_LABELS[block_id], *(_cell(c) for c in block.cells())]
            for block_id, block in review.blocks()
        ]
        out.append(grid(["", *(REVIEW_OUTCOME_LABELS[o] for o in REVIEW_OUTCOMES)], rows))

    out.append("")
    if report.diagnostics:
        out.append(f"诊断 diagnostics ({len(report.diagnostics)}):")
        for d in report.diagnostics:
            where = f"line {d.line}: " if d.line else ""
            out.append(f"  [{d.severity}] {d.code}: {where}{d.message_zh}")
    else:
        out.append("诊断 diagnostics: none")
    return "\n".join(out)
