"""One report's cells as the checks see them: values and lines by (table, row, column), the
rows a regional variant adds, how table 三 prints （六）其他处理, and which rows the parser
already warned about."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ..model import Report, Value
from ..template.formats import base_of, table_spec
from ..template.rules import PrintedTable
from .findings import CellRef, Key


@attrs.frozen
class ReportCells:
    """Every cell of one report, flattened for the checks."""

    report: Report
    #: the built-in format the report's format builds on: "2021", "2019" or "other"
    base: str
    values: Mapping[Key, Value]
    lines: Mapping[Key, int | None]
    #: table -> the rows a regional variant adds
    extra: Mapping[str, tuple[str, ...]]
    #: whether table 三 prints （六）其他处理 as one row (format 2019, and some 2021 reports)
    collapsed: bool
    #: (table, row) -> codes of the parser's warnings about it (row None: the whole table)
    notes: Mapping[tuple[str, str | None], frozenset[str]]

    @classmethod
    def of(cls, report: Report) -> ReportCells:
        values: dict[Key, Value] = {}
        lines: dict[Key, int | None] = {}
        extra: dict[str, list[str]] = {}
        for entry in report.cells():
            key = (entry.table, entry.row, entry.column)
            values[key] = entry.value
            lines[key] = entry.line
        for table_id, table in report.tables():
            extra_rows = getattr(table, "extra_rows", None) or {}
            if extra_rows:
                extra[table_id] = list(extra_rows)
        notes: dict[tuple[str, str | None], set[str]] = {}
        for d in report.diagnostics:
            if d.table is not None and d.severity == "warning" and d.code != "unknown-row":
                notes.setdefault((d.table, d.row), set()).add(d.code)
        base = base_of(report.format)
        return cls(
            report=report,
            base=base,
            values=values,
            lines=lines,
            extra={table: tuple(rows) for table, rows in extra.items()},
            collapsed=_is_collapsed(report, base, values),
            notes={key: frozenset(codes) for key, codes in notes.items()},
        )

    def get(self, key: Key) -> Value:
        return self.values.get(key)

    def ref(self, key: Key) -> CellRef:
        return CellRef(key[0], key[1], key[2], self.lines.get(key))

    def printed(self, table_id: str) -> PrintedTable:
        """The table as this report prints it, for the rules: （六） as one row or three, and
        the variant's extra rows that have every column of the table."""
        spec = table_spec(self.report.format, table_id)
        columns = spec.column_ids()
        variant_rows = self.extra.get(table_id, ())
        extra = tuple(r for r in variant_rows if all((table_id, r, c) in self.values for c in columns))
        return PrintedTable.of(spec, collapsed=self.collapsed, extra=extra, variant_rows=variant_rows)

    def explained(self, table: str, row: str | None) -> bool:
        """Whether the parser already said why cells of this row (``row`` None: of the whole
        table) are blank: every parser warning about a row or a table is about cells it could
        not read."""
        return bool(self.notes.get((table, row)))


def _is_collapsed(report: Report, base: str, values: Mapping[Key, Value]) -> bool:
    """Whether table 三 prints （六）其他处理 as one row: the cells say so when only one of the two
    forms has values; otherwise the template (2019) or the parser's note does."""
    spec = table_spec(report.format, "requests")
    for one_row, members in spec.alternatives().items():
        columns = spec.row(one_row).columns
        has_single = any(values.get(("requests", one_row, c)) is not None for c in columns)
        has_group = any(values.get(("requests", r, c)) is not None for r in members for c in columns)
        if has_single != has_group:
            return has_single
    return base == "2019" or any(d.code == "other-processing-single-row" for d in report.diagnostics)
