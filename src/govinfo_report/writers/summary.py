"""A short human-readable view of a parsed report: metadata, the three tables as aligned grids,
and the diagnostics. Used by ``govinfo-report parse --format summary``.

Chinese characters take two terminal columns; the grids pad by display width, not by length.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from ..model import ActiveDisclosure2019, Cell, Report, Table
from ..reading.normalize import display_width
from ..template import formats
from ..template.spec import TableSpec

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


def _cells_by_row(table: Table) -> dict[str, list[Cell]]:
    """A table's cells by row id, in the order of the data contract. A variant's extra row is
    there even when it holds no cells, so the summary still lists it."""
    rows: dict[str, list[Cell]] = {row_id: [] for row_id in getattr(table, "extra_rows", {})}
    for row_id, _, cell in table.cells():
        rows.setdefault(row_id, []).append(cell)
    return rows


def format_summary(report: Report, *, source: str | None = None) -> str:
    """The summary view of one report."""
    return "\n".join(
        [
            *_metadata(report, source),
            *_active_part(report),
            *_requests_part(report),
            *_review_part(report),
            "",
            *_diagnostics(report),
        ]
    )


def _metadata(report: Report, source: str | None) -> list[str]:
    out: list[str] = []
    if source:
        out.append(f"== {source}")
    out.append(f"机关 agency : {report.agency or '—'}")
    out.append(f"年度 year   : {report.year if report.year is not None else '—'}")
    out.append(f"格式 format : {report.format}")
    if report.period is not None:
        out.append(f"期限 period : {report.period.start or '?'} – {report.period.end or '?'}")
    found = "".join("一二三四五六"[s.number - 1] for s in report.sections)
    out.append(f"部分 sections: {found or '—'}")
    return out


def _heading(title: str, table: Table | None) -> list[str]:
    return ["", title + ("" if table is not None else "  (not found)")]


def _active_part(report: Report) -> list[str]:
    """Table 二: each row's values, and the columns they are in (the sub-tables differ)."""
    active = report.active_disclosure
    table_spec = _active_spec(report)
    out = _heading(table_spec.title, active)
    if active is None:
        return out
    by_row = _cells_by_row(active)
    rows = []
    for spec in table_spec.rows:
        cells = by_row.get(spec.id)
        if cells is None:
            continue
        values = " / ".join(_cell(c) for c in cells)
        columns = "/".join(spec.header(c) for c in spec.columns)
        rows.append([_label(spec.label), values, columns])
    out.append(grid(["", "数值", "栏目"], rows))
    return out


def _request_row_hidden(spec: TableSpec, row_id: str, by_row: Mapping[str, Sequence[Cell]]) -> bool:
    """（六）其他处理 shows as one row or as its three sub-rows, whichever the report filled in."""
    blank = all(c.value is None for c in by_row[row_id])
    for one_row, members in spec.alternatives().items():
        if row_id == one_row:
            return blank
        if row_id in members:
            return blank and by_row[one_row][-1].value is not None
    return False


def _requests_part(report: Report) -> list[str]:
    """Table 三: every row with the seven columns, long labels cut short."""
    requests = report.requests
    table_spec = formats.table_spec(report.format, "requests")
    out = _heading(table_spec.title, requests)
    if requests is None:
        return out
    by_row = _cells_by_row(requests)
    rows = []
    for spec in table_spec.rows:
        if spec.id not in by_row or _request_row_hidden(table_spec, spec.id, by_row):
            continue
        label = _label(spec.label)
        if len(label) > 16:
            label = label[:15] + "…"
        rows.append([label, *(_cell(c) for c in by_row[spec.id])])
    columns = table_spec.rows[0].columns
    out.append(grid(["", *(table_spec.header(c) for c in columns)], rows))
    return out


def _review_part(report: Report) -> list[str]:
    """Table 四: one row per block, the five outcomes across."""
    review = report.review_litigation
    table_spec = formats.table_spec(report.format, "review_litigation")
    out = _heading(table_spec.title, review)
    if review is None:
        return out
    names = {spec.id: "·".join((*spec.groups, spec.label)) for spec in table_spec.rows}
    rows = [
        [names.get(block, block), *(_cell(c) for c in cells)]
        for block, cells in _cells_by_row(review).items()
    ]
    columns = table_spec.rows[0].columns
    out.append(grid(["", *(table_spec.header(c) for c in columns)], rows))
    return out


def _diagnostics(report: Report) -> list[str]:
    if not report.diagnostics:
        return ["诊断 diagnostics: none"]
    out = [f"诊断 diagnostics ({len(report.diagnostics)}):"]
    for d in report.diagnostics:
        where = f"line {d.line}: " if d.line else ""
        out.append(f"  [{d.severity}] {d.code}: {where}{d.message_zh}")
    return out
