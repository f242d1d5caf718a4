"""Reports as pandas DataFrames and Arrow tables, typed so analysis never meets a wrong number:
counts are nullable integers (``Int64``: a blank cell stays ``<NA>``, never NaN or 0), money is
exact (Arrow ``decimal128(38, 8)``, in pandas as in Parquet: each value reads as a ``Decimal``),
text is ``string``.

pandas and pyarrow are the optional ``dataframe`` extra, imported only when a frame is built.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..checks.findings import ValidationResult
from ..contract import amount_columns
from ..errors import MissingExtraError
from ..model import TABLE_IDS, Report
from ..sources import SourceInfo
from ..template import formats
from .records import (
    ERROR_FIELDS,
    FINDING_FIELDS,
    LONG_FIELDS,
    REPORT_FIELDS,
    Record,
    Shape,
    all_wide_cell_columns,
    cell_keys,
    codes_by_place,
    findings_records,
    location_text,
    long_records,
    names_of,
    report_status,
    wide_record,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

#: How Parquet and Arrow hold money: 38 digits, 8 after the point (a report prints at most 6).
DECIMAL_PRECISION = 38
DECIMAL_SCALE = 8


class ReadResult(Protocol):
    """What :func:`govinfo_report.read_reports` yields, as far as a frame needs it."""

    @property
    def source(self) -> SourceInfo: ...
    @property
    def report(self) -> Report | None: ...


def require(module: str, extra: str = "dataframe") -> Any:
    """Import an optional dependency, or say which ``pip install`` brings it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"this needs {module}, which is not installed: pip install 'govinfo-report[{extra}]'"
        ) from exc


# --- column kinds -------------------------------------------------------------------------------

_INTEGERS = frozenset({"year", "line", "value", "source_size", "errors", "warnings", "infos"})
_DECIMALS = frozenset({"amount"})
_DATES = frozenset({"period_start", "period_end"})


def _money_columns() -> frozenset[str]:
    found: set[str] = set()
    for name in formats.names():
        found |= amount_columns(name)
    return frozenset(found)


def column_kinds(shape: Shape | str) -> dict[str, str]:
    """Each column of a frame of ``shape`` and its kind: ``string``, ``integer``, ``decimal``,
    ``date`` or (findings' expected/actual) ``number``."""
    if shape == "long":
        return {name: _kind(name) for name in LONG_FIELDS}
    if shape == "wide":
        money = _money_columns()
        kinds = {name: _kind(name) for name in REPORT_FIELDS}
        for column in all_wide_cell_columns():
            kinds[column] = "decimal" if column.rsplit(".", 1)[-1] in money else "integer"
        return kinds
    if shape == "findings":
        kinds = {name: _kind(name) for name in FINDING_FIELDS}
        kinds["expected"] = kinds["actual"] = "decimal"
        return kinds
    if shape == "errors":
        return {name: _kind(name) for name in ERROR_FIELDS}
    raise ValueError(f"shape is 'long', 'wide', 'findings' or 'errors', not {shape!r}")


def _kind(name: str) -> str:
    if name in _INTEGERS:
        return "integer"
    if name in _DECIMALS:
        return "decimal"
    if name in _DATES:
        return "date"
    return "string"


# --- frames -------------------------------------------------------------------------------------


def _whole(value: Any, column: str) -> int | None:
    """A count as an int; a non-whole number in a count column is refused, not rounded."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise ValueError(f"{column}: {value!r} is not a whole number and cannot be held as a count")


def _exact(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _column(pd: Any, values: list[Any], kind: str, name: str) -> Any:
    if kind == "integer":
        return pd.array([_whole(v, name) for v in values], dtype="Int64")
    if kind == "decimal":
        return pd.array([_exact(v) for v in values], dtype=_money_dtype(pd))
    if kind == "date":
        return pd.array(
            [v.isoformat() if isinstance(v, dt.date) else v for v in values], dtype="string"
        ).astype("datetime64[ns]")
    return pd.array([None if v is None else str(v) for v in values], dtype="string")


def _money_dtype(pd: Any) -> Any:
    """Money as Arrow decimals inside pandas: exact, typed, and kept as they are by Dask (which
    turns object columns into strings)."""
    pa = require("pyarrow")
    return pd.ArrowDtype(pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE))


def frame_from_records(records: Sequence[Mapping[str, Any]], shape: Shape | str) -> pd.DataFrame:
    """Records (of :mod:`govinfo_report.writers.records`) as a typed DataFrame with every column
    of ``shape``, in order, whatever the records hold."""
    pd = require("pandas")
    kinds = column_kinds(shape)
    columns = {
        name: _column(pd, [record.get(name) for record in records], kind, name)
        for name, kind in kinds.items()
    }
    return pd.DataFrame(columns, index=pd.RangeIndex(len(records)))


def _pairs(items: Iterable[Report | ReadResult]) -> Iterable[tuple[Report, SourceInfo | None]]:
    for item in items:
        if isinstance(item, Report):
            yield item, None
        elif item.report is not None:
            yield item.report, item.source


def records_of(items: Iterable[Report | ReadResult], shape: Shape) -> list[Record]:
    """The records of reports (or of :func:`read_reports` results that were read)."""
    if shape not in ("long", "wide"):
        raise ValueError(f"shape is 'long' or 'wide', not {shape!r}")
    out: list[Record] = []
    for report, source in _pairs(items):
        if shape == "long":
            out.extend(long_records(report, source))
        else:
            out.append(wide_record(report, source))
    return out


def to_dataframe(items: Iterable[Report | ReadResult], shape: Shape = "long") -> pd.DataFrame:
    """Reports, or :func:`govinfo_report.read_reports` results, as one typed DataFrame: one row
    per cell (``"long"``) or per report (``"wide"``). Results that were not read are left out
    (:func:`errors_dataframe` lists them)."""
    return frame_from_records(records_of(items, shape), shape)


def findings_dataframe(
    checked: Iterable[tuple[ValidationResult, Report, SourceInfo | None]],
) -> pd.DataFrame:
    """Findings of :func:`govinfo_report.validate` as one DataFrame, a row per finding."""
    records = [
        r for result, report, source in checked for r in findings_records(result, report, source=source)
    ]
    return frame_from_records(records, "findings")


def error_records(items: Iterable[Any]) -> list[Record]:
    """The inputs that gave no report (failed or skipped), with why."""
    return [
        {
            "source_path": item.source.path,
            "source_size": item.source.size,
            "source_sha256": item.source.sha256,
            "status": item.status,
            "error_kind": item.error_kind,
            "error": item.error,
        }
        for item in items
        if getattr(item, "report", None) is None
    ]


def errors_dataframe(items: Iterable[Any]) -> pd.DataFrame:
    """The failed and skipped inputs of a batch as a DataFrame."""
    return frame_from_records(error_records(items), "errors")


# --- Arrow --------------------------------------------------------------------------------------


def arrow_schema(shape: Shape | str) -> pa.Schema:
    """The Arrow schema of a frame of ``shape``: int64, decimal128(38, 8), date32, string —
    with pandas' metadata, so ``pandas.read_parquet`` gives back the frame's dtypes."""
    return _arrow_schema(shape, formats.names())


@functools.lru_cache(maxsize=16)
def _arrow_schema(shape: str, _formats: tuple[str, ...]) -> pa.Schema:
    pa = require("pyarrow")
    types = {
        "integer": pa.int64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "date": pa.date32(),
        "string": pa.string(),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in column_kinds(shape).items()])
    # pandas' own description of the frame, so reading the file back restores Int64 and string
    described = pa.Schema.from_pandas(frame_from_records([], shape), preserve_index=False)
    return schema.with_metadata(described.metadata)


def arrow_table(records: Sequence[Mapping[str, Any]], shape: Shape | str) -> pa.Table:
    """Records as an Arrow table of :func:`arrow_schema`; money stays exact (a value with more
    than eight decimal places is refused rather than rounded)."""
    pa = require("pyarrow")
    schema = arrow_schema(shape)
    kinds = column_kinds(shape)
    arrays = []
    for field in schema:
        values = [record.get(field.name) for record in records]
        kind = kinds[field.name]
        if kind == "integer":
            values = [_whole(v, field.name) for v in values]
        elif kind == "decimal":
            values = [_exact(v) for v in values]
        elif kind == "string":
            values = [None if v is None else str(v) for v in values]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


@functools.lru_cache(maxsize=64)
def _long_keys(format_name: str) -> tuple[tuple[tuple[str, str, str], ...], tuple[bool, ...]]:
    """A format's cells' keys in the order of its long records, and which cells hold money."""
    keys = cell_keys(format_name)
    money = amount_columns(format_name)
    return keys, tuple(k[2] in money for k in keys)


#: The columns of a long record that a format decides: its cells' ids and names.
_TEMPLATE_COLUMNS = ("table", "row", "column", "row_name", "column_name")


@functools.lru_cache(maxsize=64)
def _long_template(format_name: str) -> dict[str, Any]:
    """What every long batch of a format shares: the Arrow arrays of its cells' ids and names."""
    pa = require("pyarrow")
    keys, _ = _long_keys(format_name)
    names = [names_of(format_name, *key) for key in keys]
    return {
        "table": pa.array([k[0] for k in keys], pa.string()),
        "row": pa.array([k[1] for k in keys], pa.string()),
        "column": pa.array([k[2] for k in keys], pa.string()),
        "row_name": pa.array([n[0] for n in names], pa.string()),
        "column_name": pa.array([n[1] for n in names], pa.string()),
    }


class LongPart(NamedTuple):
    """One report's long records in the few values that differ from report to report: what a
    worker process hands to the process writing the file. The names and ids of the cells are the
    format's, the same for every report, and are added when the parts become a record batch."""

    format: str
    size: int
    report_fields: tuple[object, ...]  # source path, sha256, agency, year, format, status
    values: list[int | None]
    amounts: list[Decimal | None]
    lines: list[int | None]
    places: list[str | None]
    diagnostics: list[str]
    #: The records themselves, for a report with rows its format does not declare.
    records: list[Record] | None = None


#: The columns of a long record that hold one value for the whole report, in LongPart's order.
_REPORT_COLUMNS = ("source_path", "source_sha256", "agency", "year", "format", "status")
#: The columns of a long record that differ from cell to cell, and the fields of LongPart that hold them.
_CELL_COLUMNS = (
    ("value", "values"),
    ("amount", "amounts"),
    ("line", "lines"),
    ("location", "places"),
    ("diagnostics", "diagnostics"),
)


def long_part(report: Report, source: SourceInfo | None = None) -> LongPart:
    """The long records of one report as a :class:`LongPart` (plain Python: no pyarrow)."""
    keys, money = _long_keys(report.format)
    report_fields = (
        source.path if source else None,
        source.sha256 if source else None,
        report.agency,
        report.year,
        report.format,
        report_status(report),
    )
    cells = {(t, r, c): cell for t in TABLE_IDS for r, c, cell in report.table_or_blank(t).cells()}
    if len(cells) != len(keys) or not all(key in cells for key in keys):  # rows no format declares
        records = list(long_records(report, source))
        return LongPart(report.format, len(records), report_fields, [], [], [], [], [], records)
    ordered = [cells[key] for key in keys]
    values: list[int | None] = []
    amounts: list[Decimal | None] = []
    for cell, is_money in zip(ordered, money, strict=True):
        value = cell.value
        if value is not None and (is_money or isinstance(value, Decimal)):
            values.append(None)
            amounts.append(Decimal(value))
        else:
            values.append(value)
            amounts.append(None)
    return LongPart(
        report.format,
        len(keys),
        report_fields,
        values,
        amounts,
        [cell.line for cell in ordered],
        [location_text(cell) for cell in ordered],
        _cell_codes(report, keys),
    )


def _cell_codes(report: Report, keys: Sequence[tuple[str, str, str]]) -> list[str]:
    """Each cell's diagnostics codes, joined by ``;``: those about its table, then its row's."""
    codes = {place: ";".join(dict.fromkeys(found)) for place, found in codes_by_place(report).items()}
    if not codes:
        return [""] * len(keys)
    joined: dict[tuple[str, str], str] = {}
    for table, row, _ in keys:
        if (table, row) not in joined:
            both = (codes.get((table, None), ""), codes.get((table, row), ""))
            joined[table, row] = ";".join(c for c in both if c)
    return [joined[table, row] for table, row, _ in keys]


def long_batch_of(parts: Sequence[LongPart]) -> pa.RecordBatch:
    """The long records of many reports as one Arrow record batch, built column by column: a
    report's own values repeated along its cells, its cells' ids and names from its format."""
    pa = require("pyarrow")
    schema = arrow_schema("long")
    if any(part.records is not None for part in parts):  # rare: each report on its own
        tables = [
            arrow_table(part.records, "long")
            if part.records is not None
            else pa.Table.from_batches([long_batch_of([part])], schema)
            for part in parts
        ]
        batches = pa.concat_tables(tables).combine_chunks().to_batches()
        return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=schema)
    columns: dict[str, Any] = {}
    for name in _TEMPLATE_COLUMNS:
        arrays = [_long_template(part.format)[name] for part in parts]
        columns[name] = pa.concat_arrays(arrays) if arrays else pa.array([], pa.string())
    # each report's own values, taken for each of its cells (long text is copied, not converted)
    owner: list[int] = []
    for position, part in enumerate(parts):
        owner += [position] * part.size
    taken = pa.array(owner, pa.int64())
    for index, name in enumerate(_REPORT_COLUMNS):
        own = pa.array([part.report_fields[index] for part in parts], schema.field(name).type)
        columns[name] = own.take(taken)
    for name, field in _CELL_COLUMNS:
        joined: list[object] = []
        for part in parts:
            joined += getattr(part, field)
        columns[name] = pa.array(joined, schema.field(name).type)
    return pa.RecordBatch.from_arrays([columns[name] for name in schema.names], schema=schema)


def long_batch(report: Report, source: SourceInfo | None = None) -> pa.RecordBatch:
    """The long records of one report as an Arrow record batch, built column by column (the
    same rows as :func:`~govinfo_report.writers.records.long_records`, several times faster)."""
    return long_batch_of([long_part(report, source)])


__all__ = [
    "DECIMAL_PRECISION",
    "DECIMAL_SCALE",
    "LongPart",
    "ReadResult",
    "arrow_schema",
    "arrow_table",
    "column_kinds",
    "error_records",
    "errors_dataframe",
    "findings_dataframe",
    "frame_from_records",
    "long_batch",
    "long_batch_of",
    "long_part",
    "records_of",
    "require",
    "to_dataframe",
]
