"""Reports as rows of a dataset, in two shapes.

* *long* — one record per cell: where the report came from, who and when, the cell's ids and the
  names the printed report gives its row and column, its value, its line and its place in the
  source document (:class:`~govinfo_report.model.Location` as text), and the codes of the
  diagnostics about its row or table. Every cell of the report's template is there, a missing
  table's too (blank), so stacking reports never leaves holes in the structure.
* *wide* — one record per report: a column per cell (``requests.new_received.total`` …) and
  the number of diagnostics of each severity.

A cell's number goes in ``value`` when it is a whole count and in ``amount`` when it is money
(a Decimal, exactly as printed), so a typed table can keep counts as integers and money exact.
Findings of :func:`govinfo_report.validate` become records too (:func:`findings_records`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, Literal

from ..checks.findings import Finding, ValidationResult, cell_name
from ..contract import amount_columns, blank_table_of
from ..model import TABLE_IDS, Cell, Report, Value
from ..sources import SourceInfo
from ..template import formats

Shape = Literal["long", "wide"]
Record = dict[str, Any]
Status = Literal["read", "partial", "failed", "skipped"]

#: The fields of a long record, in order.
LONG_FIELDS: tuple[str, ...] = (
    "source_path",
    "source_sha256",
    "agency",
    "year",
    "format",
    "status",
    "table",
    "row",
    "column",
    "row_name",
    "column_name",
    "value",
    "amount",
    "line",
    "location",
    "diagnostics",
)

#: The fields of a wide record before its cells, in order.
REPORT_FIELDS: tuple[str, ...] = (
    "source_path",
    "source_size",
    "source_sha256",
    "source_kind",
    "status",
    "title",
    "agency",
    "year",
    "format",
    "period_start",
    "period_end",
    "errors",
    "warnings",
    "infos",
)

#: The fields of a finding record, in order.
FINDING_FIELDS: tuple[str, ...] = (
    "source_path",
    "source_sha256",
    "agency",
    "year",
    "format",
    "code",
    "severity",
    "table",
    "row",
    "column",
    "cell_name",
    "line",
    "rule",
    "expected",
    "actual",
    "cells",
    "message",
    "message_zh",
)

#: The fields of an error-table record (a file that was not read), in order.
ERROR_FIELDS: tuple[str, ...] = (
    "source_path",
    "source_size",
    "source_sha256",
    "status",
    "error_kind",
    "error",
)


def report_status(report: Report) -> Status:
    """``partial`` when a table is missing or a warning or error is about a table or its rows
    (its numbers may be incomplete), else ``read``."""
    if any(getattr(report, table_id) is None for table_id in TABLE_IDS):
        return "partial"
    for d in report.diagnostics:
        if d.severity != "info" and (d.table is not None or d.row is not None):
            return "partial"
    return "read"


def _source_fields(source: SourceInfo | None) -> tuple[str | None, int | None, str | None, str | None]:
    if source is None:
        return None, None, None, None
    return source.path, source.size, source.sha256, source.kind


def cell_keys(format_name: str) -> tuple[tuple[str, str, str], ...]:
    """(table, row, column) of every cell of a report in ``format_name``, in the contract's order."""
    return _cell_keys(format_name)


@functools.lru_cache(maxsize=64)
def _cell_keys(format_name: str) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (table_id, row, column)
        for table_id in TABLE_IDS
        for row, column, _ in blank_table_of(format_name, table_id).cells()
    )


def names_of(format_name: str, table: str, row: str, column: str) -> tuple[str, str]:
    """The names the printed report gives a cell's row and column."""
    return _names(format_name, table, row, column)


@functools.lru_cache(maxsize=4096)
def _names(format_name: str, table: str, row: str, column: str) -> tuple[str, str]:
    """The names the printed report gives a row and a column (the ids when it has none)."""
    spec = formats.table_spec(format_name, table)
    try:
        row_name = spec.row_name(row)
    except KeyError:  # a row of a variant this process has not registered
        row_name = row
    return row_name, spec.column_name(column)


def split_value(value: Value, column: str, format_name: str) -> tuple[int | None, Decimal | None]:
    """A cell's number as (count, amount): money and any non-whole number go to ``amount``."""
    if value is None:
        return None, None
    if isinstance(value, Decimal) or column in amount_columns(format_name):
        return None, Decimal(value)
    return value, None


def codes_by_place(report: Report) -> dict[tuple[str, str | None], list[str]]:
    """Diagnostic codes by (table, row); a row of None means the whole table."""
    return _codes_by_place(report)


def _codes_by_place(report: Report) -> dict[tuple[str, str | None], list[str]]:
    """Diagnostic codes by (table, row); a row of None means the whole table."""
    codes: dict[tuple[str, str | None], list[str]] = {}
    for d in report.diagnostics:
        if d.table is not None:
            codes.setdefault((d.table, d.row), []).append(d.code)
    return codes


def long_records(report: Report, source: SourceInfo | None = None) -> Iterator[Record]:
    """One record per cell of the report's template, a missing table's cells blank."""
    path, _, sha256, _ = _source_fields(source)
    status = report_status(report)
    codes = _codes_by_place(report)
    cells = {
        (table_id, row, column): cell
        for table_id in TABLE_IDS
        for row, column, cell in report.table_or_blank(table_id).cells()
    }
    for key in dict.fromkeys((*cell_keys(report.format), *cells)):
        table, row, column = key
        cell = cells.get(key)
        count, amount = split_value(cell.value if cell else None, column, report.format)
        row_name, column_name = _names(report.format, table, row, column)
        place_codes = [*codes.get((table, None), ()), *codes.get((table, row), ())]
        yield {
            "source_path": path,
            "source_sha256": sha256,
            "agency": report.agency,
            "year": report.year,
            "format": report.format,
            "status": status,
            "table": table,
            "row": row,
            "column": column,
            "row_name": row_name,
            "column_name": column_name,
            "value": count,
            "amount": amount,
            "line": cell.line if cell else None,
            "location": location_text(cell),
            "diagnostics": ";".join(dict.fromkeys(place_codes)),
        }


def location_text(cell: Cell | None) -> str | None:
    """A cell's place in its source, as text (``page 3, table 1, row 5, cell 2, x 341.5, …``)."""
    if cell is None:
        return None
    if cell.origin is None:  # a text's cell: its line (what str(Location(line=…)) prints)
        return f"line {cell.line}" if cell.line is not None else None
    return str(cell.origin)


def wide_record(report: Report, source: SourceInfo | None = None) -> Record:
    """One record for the report: its metadata, counts of diagnostics by severity, then a
    column per cell of its template (``table.row.column``), a missing table's cells None."""
    path, size, sha256, kind = _source_fields(source)
    severities = [d.severity for d in report.diagnostics]
    period = report.period
    record: Record = {
        "source_path": path,
        "source_size": size,
        "source_sha256": sha256,
        "source_kind": kind if kind is not None else (report.source_kind if source is not None else None),
        "status": report_status(report),
        "title": report.title,
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "period_start": period.start if period is not None else None,
        "period_end": period.end if period is not None else None,
        "errors": severities.count("error"),
        "warnings": severities.count("warning"),
        "infos": severities.count("info"),
    }
    record.update(dict.fromkeys(wide_cell_columns(report.format)))
    for table_id in TABLE_IDS:
        for row, column, cell in report.table_or_blank(table_id).cells():
            record[f"{table_id}.{row}.{column}"] = cell.value
    return record


def wide_cell_columns(format_name: str) -> tuple[str, ...]:
    """The cell columns of a wide record of a report in ``format_name``."""
    return tuple(".".join(key) for key in cell_keys(format_name))


def to_records(report: Report, shape: Shape = "long", *, source: SourceInfo | None = None) -> list[Record]:
    """The report as dataset records: one per cell (``"long"``) or one for the report (``"wide"``)."""
    if shape == "long":
        return list(long_records(report, source))
    if shape == "wide":
        return [wide_record(report, source)]
    raise ValueError(f"shape is 'long' or 'wide', not {shape!r}")


def _cell_list(finding: Finding) -> str:
    return ";".join(cell_name(c.table, c.row, c.column) for c in finding.cells)


def findings_records(
    result: ValidationResult, report: Report, *, source: SourceInfo | None = None
) -> list[Record]:
    """Every finding about one report as a record (one row per finding in a findings table)."""
    path, _, sha256, _ = _source_fields(source)
    out: list[Record] = []
    for f in result:
        out.append(
            {
                "source_path": path,
                "source_sha256": sha256,
                "agency": report.agency,
                "year": report.year,
                "format": report.format,
                "code": f.code,
                "severity": f.severity,
                "table": f.table,
                "row": f.row,
                "column": f.column,
                "cell_name": _place_name(report.format, f),
                "line": f.line,
                "rule": f.rule,
                "expected": f.expected,
                "actual": f.actual,
                "cells": _cell_list(f),
                "message": f.message,
                "message_zh": f.message_zh,
            }
        )
    return out


def _place_name(format_name: str, finding: Finding) -> str | None:
    """The finding's cell or row named as the printed report names it."""
    if finding.table not in TABLE_IDS or finding.row is None:
        return None
    row_name, column_name = _names(format_name, finding.table, finding.row, finding.column or "")
    return f"{row_name} · {column_name}" if finding.column else row_name


def all_wide_cell_columns(format_names: Iterable[str] | None = None) -> tuple[str, ...]:
    """The cell columns of a wide table holding reports of any of ``format_names`` (every
    registered format by default): format 2021's first, then the columns only later ones have."""
    names = formats.names() if format_names is None else tuple(format_names)
    return tuple(dict.fromkeys(column for name in names for column in wide_cell_columns(name)))


__all__ = [
    "ERROR_FIELDS",
    "FINDING_FIELDS",
    "LONG_FIELDS",
    "REPORT_FIELDS",
    "Record",
    "Shape",
    "Status",
    "all_wide_cell_columns",
    "cell_keys",
    "codes_by_place",
    "findings_records",
    "location_text",
    "long_records",
    "names_of",
    "report_status",
    "split_value",
    "to_records",
    "wide_cell_columns",
    "wide_record",
]
