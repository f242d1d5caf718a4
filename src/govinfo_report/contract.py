"""The data contract (FORMAT.md §6) as plain data: one cattrs converter owns all
(de)serialisation, of reports and of findings alike.

``to_dict`` gives exactly the documented shape — every key present, blanks as ``None``, amounts
as :class:`~decimal.Decimal` so no float rounding ever touches them. A table the report lacks is
written as that table of the report's template with every cell ``None`` (never as a bare
``null``), so every row and column key is there whatever was read; ``from_dict`` reads such a
table back as missing. ``from_dict`` is strict:
unknown keys, floats where counts belong, or a wrong schema version are errors that name the
offending path. JSON text is the business of :mod:`govinfo_report.writers.serialize`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .errors import ReportDataError, ReportError
from .model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Decisions,
    Diagnostic,
    DocumentCounts,
    DocumentCounts2019,
    FeeItems2019,
    Fees,
    ItemCounts2019,
    Period,
    Procurement,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
    Table,
    Value,
    blank_table,
    provide_blank_tables,
    table_class,
)
from .template.formats import get_format
from .template.spec import SCHEMA_VERSION

converter = cattrs.Converter(forbid_extra_keys=True)


def _unstructure_cell(cell: Cell) -> Value:
    return cell.value


#: A number with more digits than this is no cell of a report (and too long to read back as
#: JSON): refused rather than carried.
MAX_DIGITS = 30


def _structure_count(value: Any, _: type) -> Cell:
    if value is None:
        return Cell()
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"a count must be an integer or null, not {value!r}")
    _check_size(value)
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            return Cell(value)
        return Cell(int(value))
    return Cell(value)


def _structure_amount(value: Any) -> Cell:
    if value is None:
        return Cell()
    if isinstance(value, bool | float) or not isinstance(value, int | Decimal | str):
        raise ValueError(
            f"an amount must be an integer, a Decimal or a decimal string, not {value!r}"
            " (floats are refused: they would round the amount)"
        )
    if isinstance(value, str) and len(value) > 2 * MAX_DIGITS:
        raise ValueError(f"an amount has at most {MAX_DIGITS} digits")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"an amount must be a number, not {value!r}") from None
    _check_size(amount)
    return Cell(amount)


def _check_size(value: int | Decimal) -> None:
    """Refuse a number no report prints: more than :data:`MAX_DIGITS` digits, or not finite."""
    if isinstance(value, Decimal):
        if (
            not value.is_finite()
            or value.adjusted() >= MAX_DIGITS
            or len(value.as_tuple().digits) > 2 * MAX_DIGITS
        ):
            raise ValueError(f"a number has at most {MAX_DIGITS} digits")
    elif abs(value) >= 10**MAX_DIGITS:
        raise ValueError(f"a number has at most {MAX_DIGITS} digits")


@functools.cache
def amount_columns(format_name: str = "2021") -> frozenset[str]:
    """Columns that hold amounts (Decimal) rather than counts — the AMOUNT columns of the
    vocabulary grammars, of both templates and of the report's own format."""
    found: set[str] = set()
    for name in dict.fromkeys(("2021", "2019", format_name)):
        try:
            fmt = get_format(name)
        except ReportError:
            continue
        for spec in fmt.tables.values():
            found |= {c for row in spec.rows for i, c in enumerate(row.columns) if row.kind(i) == "amount"}
    return frozenset(found)


_ROW_CLASSES = (
    DocumentCounts,
    Decisions,
    Fees,
    DocumentCounts2019,
    ItemCounts2019,
    FeeItems2019,
    Procurement,
    RequestRow,
    ReviewBlock,
)
_TABLE_CLASSES = {
    ActiveDisclosure: "active_disclosure",
    ActiveDisclosure2019: "active_disclosure",
    Requests: "requests",
}

#: While from_dict runs: the format's base ("2021"/"2019"), the extra rows a registered variant
#: allows per table ({table id: {row id: columns}}), and the format's name.
_Context = tuple[str, Mapping[str, Mapping[str, tuple[str, ...]]], str]
_CONTEXT: contextvars.ContextVar[_Context] = contextvars.ContextVar(
    "govinfo_report_structure_context", default=("2021", {}, "2021")
)


def _only(data: Any, where: str, keys: Sequence[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{where} must be an object, not {type(data).__name__}")
    extra = set(data) - set(keys)
    if extra:
        raise ValueError(f"{where} has unknown keys {sorted(extra)}")
    missing = [k for k in keys if k not in data]
    if missing:
        raise ValueError(f"{where} lacks keys {missing}")
    return data


def _cell_from(value: Any, column: str) -> Cell:
    try:
        amounts = amount_columns(_CONTEXT.get()[2])
        return _structure_amount(value) if column in amounts else _structure_count(value, Cell)
    except ValueError as exc:
        raise ValueError(f"{column}: {exc}") from None


def _structure_row(data: Any, cls: type, where: str | None = None) -> Any:
    columns = [f.name for f in attrs.fields(cls)]
    _only(data, where or cls.__name__, columns)
    return cls(**{column: _cell_from(data[column], column) for column in columns})


def _row_in_table(name: str, data: Any, cls: type) -> Any:
    try:
        return _structure_row(data, cls, name)
    except ValueError as exc:
        message = str(exc)
        raise ValueError(message if message.startswith(name) else f"{name}.{message}") from None


def _unstructure_row(row: Any) -> dict[str, Value]:
    return {f.name: getattr(row, f.name).value for f in attrs.fields(type(row))}


def _unstructure_table(table: Any) -> dict[str, Any]:
    out = {
        f.name: _unstructure_row(getattr(table, f.name))
        for f in attrs.fields(type(table))
        if f.name != "extra_rows"
    }
    for row_id, cells in table.extra_rows.items():
        out[row_id] = {column: cell.value for column, cell in cells.items()}
    return out


def _structure_table(data: Any, cls: type) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"{_TABLE_CLASSES[cls]} must be an object, not {type(data).__name__}")
    fields = {f.name: f for f in attrs.fields(cls) if f.name != "extra_rows"}
    allowed = _CONTEXT.get()[1].get(_TABLE_CLASSES[cls], {})
    unknown = sorted(k for k in data if k not in fields and k not in allowed)
    if unknown:
        raise ValueError(f"{_TABLE_CLASSES[cls]} has unknown rows {unknown}")
    missing = [name for name in fields if name not in data]
    if missing:
        raise ValueError(f"{_TABLE_CLASSES[cls]} lacks rows {missing}")
    rows = {name: _row_in_table(name, data[name], field.type) for name, field in fields.items()}
    extra = {
        row_id: {
            column: _cell_from(v, column)
            for column, v in _only(data[row_id], row_id, allowed[row_id]).items()
        }
        for row_id in allowed
        if row_id in data
    }
    return cls(**rows, extra_rows=extra)


def _structure_active(data: Any, _: Any) -> ActiveDisclosure | ActiveDisclosure2019 | None:
    """Table 二 in the template of the report's format (the two differ in rows, not in a tag)."""
    if data is None:
        return None
    base = _CONTEXT.get()[0]
    return _structure_table(data, ActiveDisclosure2019 if base == "2019" else ActiveDisclosure)  # type: ignore[no-any-return]


def _is_active_union(type_: Any) -> bool:
    return set(typing.get_args(type_)) - {type(None)} == {ActiveDisclosure, ActiveDisclosure2019}


for _cls in (*_ROW_CLASSES, *_TABLE_CLASSES):
    attrs.resolve_types(_cls)
converter.register_unstructure_hook(Cell, _unstructure_cell)
converter.register_structure_hook(Cell, _structure_count)
for _row_cls in _ROW_CLASSES:
    converter.register_unstructure_hook(_row_cls, _unstructure_row)
    converter.register_structure_hook(_row_cls, _structure_row)
for _table_cls in _TABLE_CLASSES:
    converter.register_unstructure_hook(_table_cls, _unstructure_table)
    converter.register_structure_hook(_table_cls, _structure_table)
converter.register_structure_hook_func(_is_active_union, _structure_active)
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
converter.register_structure_hook(dt.date, lambda s, _: dt.date.fromisoformat(s))
for _cls in (ReviewLitigation, Period, Section, Diagnostic):
    converter.register_unstructure_hook(_cls, make_dict_unstructure_fn(_cls, converter))
    converter.register_structure_hook(
        _cls, make_dict_structure_fn(_cls, converter, _cattrs_forbid_extra_keys=True)
    )

# which reader read a report is provenance, not data: it stays out of the contract
_report_structure = make_dict_structure_fn(
    Report, converter, _cattrs_forbid_extra_keys=True, source_kind=override(omit=True)
)
_report_unstructure = make_dict_unstructure_fn(Report, converter, source_kind=override(omit=True))


def _describe_error(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


_TABLE_IDS = ("active_disclosure", "requests", "review_litigation")


def blank_table_of(format_name: str, table_id: str) -> Table:
    """The table ``table_id`` of a report in ``format_name`` with every cell blank: the model
    class of the format's template, with the rows a registered regional variant adds."""
    try:
        base, extras, _ = _format_context(format_name)
    except ReportDataError:  # a variant not registered here: its template's rows alone
        base, extras = "2021", {}
    cls = table_class(table_id, base)
    rows = extras.get(table_id, {})
    if not rows:
        return cls()
    extra_rows = {row_id: {column: Cell() for column in columns} for row_id, columns in rows.items()}
    return cls(extra_rows=extra_rows)  # type: ignore[call-arg]


provide_blank_tables(blank_table_of)


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON data contract: plain dicts, lists, str, int, Decimal and None.
    Every key is present: a table the report lacks is written with every cell ``None``."""
    body = _report_unstructure(report)
    for table_id in _TABLE_IDS:
        if body[table_id] is None:
            body[table_id] = converter.unstructure(blank_table_of(report.format, table_id))
    return {"schema_version": SCHEMA_VERSION, **body}


def _missing_when_blank(report: Report) -> Report:
    """A table with every cell ``None`` is how the contract writes a missing table."""
    blank: dict[str, Any] = {
        table_id: None
        for table_id in _TABLE_IDS
        if getattr(report, table_id) is not None and blank_table(getattr(report, table_id))
    }
    return attrs.evolve(report, **blank) if blank else report


def from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a :class:`Report` from :func:`to_dict` output (or its JSON, read by :func:`loads`)."""
    if not isinstance(data, dict):
        raise ReportDataError(f"a report must be a JSON object, not {type(data).__name__}")
    data = dict(data)
    data.pop("source", None)  # where the report came from: provenance, next to the contract
    version = data.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        raise ReportDataError(
            f"schema_version is {version!r}; this version of govinfo-report reads {SCHEMA_VERSION}"
        )
    token = _CONTEXT.set(_format_context(data.get("format")))
    try:
        return _missing_when_blank(_report_structure(data, Report))
    except Exception as exc:  # cattrs groups every problem with its JSON path
        if isinstance(exc, cattrs.BaseValidationError):
            messages = cattrs.transform_error(exc, path="$", format_exception=_describe_error)
        else:
            messages = [str(exc)]
        raise ReportDataError("not a report in the data contract: " + "; ".join(messages)) from exc
    finally:
        _CONTEXT.reset(token)


def _format_context(name: Any) -> _Context:
    """The base template, the extra rows and the name of the format a report says it is in."""
    if name in ("2021", "2019", "other") or not isinstance(name, str):
        base = "2019" if name == "2019" else "2021"
        return base, {}, base
    try:
        fmt = get_format(name)  # a registered variant (may load plugins)
    except ReportError as exc:
        raise ReportDataError(f"format {name!r} is not registered: {exc}") from exc
    extras = {
        table_id: {r.id: r.columns for r in spec.rows if r.id not in _model_rows(table_id, fmt.base)}
        for table_id, spec in fmt.tables.items()
    }
    return fmt.base, {table_id: rows for table_id, rows in extras.items() if rows}, name


def _model_rows(table_id: str, base: str) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(table_class(table_id, base)))
