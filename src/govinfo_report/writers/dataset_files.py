"""A batch of reports written as one dataset file — JSON Lines, CSV, Parquet or an Excel
workbook — record by record, so a run over a hundred thousand reports holds only a few
thousand rows at a time. Inputs that gave no report go to an error table beside it: a second
file ``<out>.errors.csv``, or an ``errors`` sheet in a workbook.

Every file is written to a temporary file beside its target and renamed into place when the run
is done, so a reader never sees half a dataset, and a symlink at the target is replaced, never
followed.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from ..contract import to_dict
from ..model import Report
from ..sources import SourceInfo
from .dataframe import LongPart, arrow_schema, arrow_table, long_batch_of, long_part, require
from .files import OutputError
from .records import (
    ERROR_FIELDS,
    FINDING_FIELDS,
    LONG_FIELDS,
    REPORT_FIELDS,
    Record,
    Shape,
    all_wide_cell_columns,
    long_records,
    wide_record,
)
from .serialize import json_text

DatasetKind = Literal["jsonl", "csv", "parquet", "xlsx"]
DATASET_KINDS: tuple[str, ...] = ("jsonl", "csv", "parquet", "xlsx")

#: Rows a Parquet row group (and an in-memory batch) holds.
PARQUET_BATCH_ROWS = 50_000
#: Rows an Excel sheet holds, its header row included.
EXCEL_MAX_ROWS = 1_048_576


def fields_of(shape: Shape | str) -> tuple[str, ...]:
    """The columns of a dataset of ``shape``, in order (``findings`` and ``errors`` too)."""
    if shape == "long":
        return LONG_FIELDS
    if shape == "wide":
        return (*REPORT_FIELDS, *all_wide_cell_columns())
    if shape == "findings":
        return FINDING_FIELDS
    if shape == "errors":
        return ERROR_FIELDS
    raise ValueError(f"unknown shape {shape!r}")


def cell_text(value: Any) -> str:
    """A value as a CSV or spreadsheet cell shows it: a Decimal digit for digit, blank for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def errors_path(out: Path) -> Path:
    """Where the error table of a dataset written to ``out`` goes."""
    return out.with_name(out.name + ".errors.csv")


# --- writing a file atomically ------------------------------------------------------------------


@contextlib.contextmanager
def replaced_atomically(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed onto it when the block ends without an error
    and removed when it fails."""
    if target.is_dir() and not target.is_symlink():
        raise OutputError(f"{target}: a folder, not a file: nothing is written there")
    try:
        fd, name = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write it: {exc.strerror or exc}") from exc
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)  # replaces a symlink at the name, never follows it
    except OSError as exc:
        raise OutputError(f"{target}: cannot write it: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


# --- sinks --------------------------------------------------------------------------------------


class DatasetSink:
    """Where a batch's records go; :meth:`add` takes each report, :meth:`add_error` each input
    that gave none, :meth:`close` finishes the files."""

    kind = ""

    def __init__(self, shape: Shape) -> None:
        self.shape = shape
        self.errors: list[Record] = []

    def add(self, report: Report, source: SourceInfo | None) -> None:
        self.write(prepare(self.kind, self.shape, report, source))

    def write(self, payload: Any) -> None:
        """Write what :func:`prepare` made of one report (perhaps in another process)."""
        raise NotImplementedError

    def add_error(self, record: Record) -> None:
        self.errors.append(record)

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        """Stop without putting anything in place (an interrupted run leaves no half file)."""


class _TextSink(DatasetSink):
    """JSON Lines or CSV, to a file (atomically) or to a text stream."""

    def __init__(self, shape: Shape, out: Path | None, stream: IO[str] | None) -> None:
        super().__init__(shape)
        self.out = out
        self._stack = contextlib.ExitStack()
        if out is not None:
            temporary = self._stack.enter_context(replaced_atomically(out))
            self.stream: IO[str] = self._stack.enter_context(
                temporary.open("w", encoding="utf-8", newline="")
            )
        else:
            self.stream = stream if stream is not None else sys.stdout

    def close(self) -> None:
        self.stream.flush()
        self._stack.close()
        if self.out is not None and self.errors:
            write_csv(errors_path(self.out), ERROR_FIELDS, self.errors)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class JsonLinesSink(_TextSink):
    """One data-contract document per line, its ``source`` as a top-level key."""

    kind = "jsonl"

    def write(self, payload: Any) -> None:
        self.stream.write(payload)


class CsvSink(_TextSink):
    """One CSV row per record, the columns of the shape in order."""

    kind = "csv"

    def __init__(self, shape: Shape, out: Path | None, stream: IO[str] | None) -> None:
        super().__init__(shape, out, stream)
        csv.writer(self.stream).writerow(fields_of(shape))

    def write(self, payload: Any) -> None:
        self.stream.write(payload)


class ParquetSink(DatasetSink):
    """Parquet with the typed schema (int64 counts, decimal128 money), row group by row group."""

    def __init__(self, shape: Shape, out: Path) -> None:
        super().__init__(shape)
        pq = require("pyarrow.parquet")
        self.out = out
        self._stack = contextlib.ExitStack()
        temporary = self._stack.enter_context(replaced_atomically(out))
        self.schema = arrow_schema(shape)
        self.writer = pq.ParquetWriter(str(temporary), self.schema, compression="zstd")
        self.pending: list[Record] = []
        self.parts: list[LongPart] = []
        self.rows = 0

    kind = "parquet"

    def write(self, payload: Any) -> None:
        if isinstance(payload, LongPart):  # a report's long records
            self.parts.append(payload)
            self.rows += payload.size
        else:  # a wide record
            self.pending.append(payload)
            self.rows += 1
        if self.rows >= PARQUET_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Write what is held as one row group: a table built column by column at once."""
        if self.pending:
            self.writer.write_table(arrow_table(self.pending, self.shape))
            self.pending = []
        if self.parts:
            self.writer.write_batch(long_batch_of(self.parts))
            self.parts = []
        self.rows = 0

    def close(self) -> None:
        self._flush()
        self.writer.close()
        self._stack.close()
        if self.errors:
            write_csv(errors_path(self.out), ERROR_FIELDS, self.errors)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()
        with contextlib.suppress(Exception):
            self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)


class ExcelSink(DatasetSink):
    """A workbook: the records on a sheet (continued on more sheets past Excel's row limit),
    the inputs that gave no report on an ``errors`` sheet."""

    def __init__(self, shape: Shape, out: Path, sheet: str | None = None) -> None:
        super().__init__(shape)
        openpyxl = require("openpyxl", "excel")
        self.out = out
        self.book = openpyxl.Workbook(write_only=True)
        self.fields = fields_of(shape)
        self.sheet_name = sheet or ("cells" if shape == "long" else "reports")
        self.sheets = 0
        self.rows = EXCEL_MAX_ROWS
        self.sheet: Any = None

    def _next_sheet(self) -> None:
        self.sheets += 1
        title = self.sheet_name if self.sheets == 1 else f"{self.sheet_name} ({self.sheets})"
        self.sheet = self.book.create_sheet(title)
        self.sheet.append(list(self.fields))
        self.rows = 1

    def add_record(self, record: Mapping[str, Any]) -> None:
        if self.rows >= EXCEL_MAX_ROWS:
            self._next_sheet()
        self.sheet.append([excel_value(record.get(f)) for f in self.fields])
        self.rows += 1

    kind = "xlsx"

    def write(self, payload: Any) -> None:
        for record in payload:
            self.add_record(record)

    def close(self) -> None:
        if self.sheet is None:
            self._next_sheet()
        errors = self.book.create_sheet("errors")
        errors.append(list(ERROR_FIELDS))
        for record in self.errors:
            errors.append([excel_value(record.get(f)) for f in ERROR_FIELDS])
        with replaced_atomically(self.out) as temporary:
            self.book.save(str(temporary))

    def abort(self) -> None:
        pass


def excel_value(value: Any) -> Any:
    """A value as a spreadsheet cell holds it: numbers as numbers, money as its exact text."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def document_with_source(report: Report, source: SourceInfo | None) -> dict[str, Any]:
    """The data contract of a report, with where it came from as the top-level key ``source``
    (which :func:`govinfo_report.from_dict` reads past)."""
    document = to_dict(report)
    if source is not None:
        document["source"] = source.to_dict()
    return document


def _records(shape: Shape, report: Report, source: SourceInfo | None) -> list[Record]:
    return list(long_records(report, source)) if shape == "long" else [wide_record(report, source)]


def _csv_rows(shape: Shape, report: Report, source: SourceInfo | None) -> str:
    fields = fields_of(shape)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for record in _records(shape, report, source):
        writer.writerow([cell_text(record.get(f)) for f in fields])
    return buffer.getvalue()


def _parquet_part(shape: Shape, report: Report, source: SourceInfo | None) -> Any:
    return long_part(report, source) if shape == "long" else wide_record(report, source)


def prepare(kind: str, shape: Shape, report: Report, source: SourceInfo | None) -> Any:
    """What a sink of ``kind`` writes for one report — made where the report was parsed (a
    worker process), so the process writing the file only writes: a JSON line, CSV rows, a
    :class:`~govinfo_report.writers.dataframe.LongPart` (the few values of a report's long
    records that are its own) or a wide record, or a workbook's records."""
    makers: dict[str, Callable[[Shape, Report, SourceInfo | None], Any]] = {
        "jsonl": lambda _, r, s: json_text(document_with_source(r, s)) + "\n",
        "csv": _csv_rows,
        "parquet": _parquet_part,
        "xlsx": _records,
    }
    return makers[kind](shape, report, source)


def open_sink(kind: str, shape: Shape, out: Path | None, stream: IO[str] | None = None) -> DatasetSink:
    """The sink that writes a dataset of ``kind`` to ``out`` (or, for text kinds, ``stream``)."""
    text_sinks: dict[str, Callable[[Shape, Path | None, IO[str] | None], DatasetSink]] = {
        "jsonl": JsonLinesSink,
        "csv": CsvSink,
    }
    if kind in text_sinks:
        return text_sinks[kind](shape, out, stream)
    if out is None:
        raise OutputError(f"--to {kind} writes a binary file: give it with --out FILE")
    if kind == "parquet":
        return ParquetSink(shape, out)
    if kind == "xlsx":
        return ExcelSink(shape, out)
    raise ValueError(f"unknown dataset kind {kind!r}; use one of {', '.join(DATASET_KINDS)}")


def write_csv(path: Path, fields: Sequence[str], records: Sequence[Mapping[str, Any]]) -> None:
    """A small table as a CSV file, atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for record in records:
        writer.writerow([cell_text(record.get(f)) for f in fields])
    with replaced_atomically(path) as temporary:
        temporary.write_text(buffer.getvalue(), encoding="utf-8")


def write_table(kind: str, out: Path | None, fields: Sequence[str], records: Sequence[Mapping[str, Any]],
                stream: IO[str] | None = None, sheet: str = "findings") -> None:  # fmt: skip
    """One table (findings, errors) as CSV — to ``out`` or ``stream`` — or as an Excel sheet."""
    if kind == "csv" and out is None:
        target = stream if stream is not None else sys.stdout
        writer = csv.writer(target)
        writer.writerow(fields)
        for record in records:
            writer.writerow([cell_text(record.get(f)) for f in fields])
        return
    if kind == "csv" and out is not None:
        write_csv(out, fields, records)
        return
    if out is None:
        raise OutputError(f"--to {kind} writes a binary file: give it with --out FILE")
    openpyxl = require("openpyxl", "excel")
    book = openpyxl.Workbook(write_only=True)
    target_sheet = book.create_sheet(sheet)
    target_sheet.append(list(fields))
    for record in records:
        target_sheet.append([excel_value(record.get(f)) for f in fields])
    with replaced_atomically(out) as temporary:
        book.save(str(temporary))


__all__ = [
    "DATASET_KINDS",
    "EXCEL_MAX_ROWS",
    "PARQUET_BATCH_ROWS",
    "CsvSink",
    "DatasetKind",
    "DatasetSink",
    "ExcelSink",
    "JsonLinesSink",
    "ParquetSink",
    "cell_text",
    "document_with_source",
    "errors_path",
    "excel_value",
    "fields_of",
    "open_sink",
    "prepare",
    "replaced_atomically",
    "write_csv",
    "write_table",
]
