"""What validation reports: :class:`Finding`, :class:`ValidationResult`, and how cells are named.

A finding is a diagnostic (code, severity, English and Chinese message, the cell to look at first)
plus everything involved in it: the cells, with their source lines, and for arithmetic the number
the report prints and the number the rule asks for. Cells are named two ways: by the ids of the
data contract (``requests.total_processed.natural_person``) for programs, and the way the printed
report names them (``三、（七）总计 · 自然人``) for the people who correct it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any, overload

import attrs

from .. import diagnostics as diag
from ..contract import converter
from ..model import Diagnostic, Severity, Value
from ..template.formats import get_format
from ..template.spec import TableSpec

# --- findings ----------------------------------------------------------------------------------


@attrs.frozen
class CellRef:
    """A cell a finding is about: table, row and column ids of the data contract, and the 1-based
    line it was read from. ``year`` is set only when a finding spans two reports (continuity),
    to say which report the cell is in. Section text is referred to as table ``"sections"`` with
    the section number as ``row``."""

    table: str
    row: str | None = None
    column: str | None = None
    line: int | None = None
    year: int | None = None


@attrs.frozen
class Finding:
    """One thing the validator found.

    ``code`` is stable (the diagnostic catalogue lists every code); ``table``/``row``/
    ``column``/``line`` locate the cell to look at first, as a :class:`Diagnostic` does;
    ``cells`` are all the cells involved; ``expected``/``actual`` are the number the rule asks
    for and the number the report prints (None when the finding is not about one number);
    ``rule`` names the arithmetic rule a "cannot-check" finding could not apply.
    """

    code: str
    severity: Severity
    message: str
    message_zh: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None
    rule: str | None = None
    cells: tuple[CellRef, ...] = ()
    expected: Value = None
    actual: Value = None

    def to_diagnostic(self) -> Diagnostic:
        """The finding in the shape of the data contract's diagnostics."""
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            message=self.message,
            message_zh=self.message_zh,
            table=self.table,
            row=self.row,
            column=self.column,
            line=self.line,
        )

    @classmethod
    def from_diagnostic(
        cls,
        d: Diagnostic,
        *,
        cells: tuple[CellRef, ...] | None = None,
        expected: Value = None,
        actual: Value = None,
        rule: str | None = None,
    ) -> Finding:
        """A diagnostic as a finding: by default about its own cell, when it names one."""
        if cells is None:
            cells = (CellRef(d.table, d.row, d.column, d.line),) if d.table is not None else ()
        where = (d.table, d.row, d.column, d.line)
        return cls(d.code, d.severity, d.message, d.message_zh, *where, rule, cells, expected, actual)

    def to_dict(self) -> dict[str, Any]:
        """Plain data through the library's one converter: the diagnostic fields plus ``rule``,
        ``cells``, ``expected`` and ``actual`` — amounts as :class:`~decimal.Decimal`, exactly
        (:func:`govinfo_report.dumps` writes them as JSON numbers digit for digit)."""
        data: dict[str, Any] = converter.unstructure(self)
        return data


@attrs.frozen
class ValidationResult(Sequence[Finding]):
    """The findings about one report (or one pair of reports), in a stable order: the parser's
    and the structure findings, then arithmetic, likely causes, prose, and what could not be
    checked. A sequence of :class:`Finding` (empty, and so falsy, when there is nothing)."""

    findings: tuple[Finding, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Finding]: ...
    def __getitem__(self, index: int | slice) -> Finding | Sequence[Finding]:
        return self.findings[index]

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info")

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and infos allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Every finding as a :class:`Diagnostic`."""
        return tuple(f.to_diagnostic() for f in self.findings)

    def __add__(self, other: object) -> ValidationResult:
        if not isinstance(other, ValidationResult):
            return NotImplemented
        return ValidationResult(self.findings + other.findings)


# --- how cells are named ----------------------------------------------------------------------

Key = tuple[str, str, str]  # table id, row id, column id


def _spec_naming(table: str, row: str | None) -> TableSpec | None:
    """The vocabulary that names ``row`` of ``table``: format 2021's, or format 2019's for the
    rows only its table 二 has (其他对外管理服务事项, 政府集中采购)."""
    for name in ("2021", "2019"):
        spec = get_format(name).tables.get(table)
        if spec is not None and (row is None or any(r.id == row for r in spec.rows)):
            return spec
    return None


def row_name_zh(table: str, row: str) -> str:
    """A row (or table 四 block) named the way the printed report names it."""
    if table == "sections" and row.isdigit():
        return get_format("2021").sections.get(int(row), f"第{row}部分")
    spec = _spec_naming(table, row)
    return spec.row_name(row) if spec is not None else row


def column_name_zh(table: str, column: str) -> str:
    """A column named the way the printed report heads it."""
    for name in ("2021", "2019"):
        spec = get_format(name).tables.get(table)
        if spec is not None and column in spec.column_ids():
            return spec.column_name(column)
    return column


def cell_name_zh(table: str, row: str | None, column: str | None = None) -> str:
    """A cell (or a row) named the way the printed report names it, e.g. ``三、（七）总计 · 自然人``."""
    if row is None:
        spec = _spec_naming(table, None)
        return spec.name_zh if spec is not None else table
    if column is None:
        return row_name_zh(table, row)
    return f"{row_name_zh(table, row)} · {column_name_zh(table, column)}"


def cell_name(table: str, row: str | None, column: str | None = None) -> str:
    """A cell named by its data-contract ids, e.g. ``requests.total_processed.natural_person``."""
    return ".".join(p for p in (table, row, column) if p)


def at_cell(
    code: str, table: str, row: str, column: str | None = None, *, line: int | None, **fields: Any
) -> Diagnostic:
    """The diagnostic ``code`` about one cell (or row), its name in ids and in Chinese filled in."""
    return diag.make(
        code,
        table=table,
        row=row,
        column=column,
        line=line,
        cell=cell_name(table, row, column),
        cell_zh=cell_name_zh(table, row, column),
        **fields,
    )


@functools.cache
def _template_pattern(code: str) -> re.Pattern[str]:
    """A catalogue message template as a regex that reads its fields back."""
    parts = re.split(r"\{(\w+)\}", diag.CATALOGUE[code][1])
    seen: set[str] = set()
    pattern = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            pattern += re.escape(part)
        elif part in seen:
            pattern += f"(?P={part})"
        else:
            seen.add(part)
            pattern += f"(?P<{part}>.*?)"
    return re.compile(pattern + r"\Z", re.S)


def message_fields(d: Diagnostic | Finding) -> dict[str, str]:
    """The fields a catalogue message was filled with (empty when the message does not follow
    the catalogue, e.g. a diagnostic made by hand)."""
    if d.code not in diag.CATALOGUE:
        return {}
    match = _template_pattern(d.code).match(d.message)
    return match.groupdict() if match else {}


__all__ = [
    "CellRef",
    "Finding",
    "Key",
    "ValidationResult",
    "at_cell",
    "cell_name",
    "cell_name_zh",
    "column_name_zh",
    "message_fields",
    "row_name_zh",
]
