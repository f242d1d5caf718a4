"""The JSON data contract (FORMAT.md §6): one cattrs converter owns all (de)serialisation.

``to_dict`` gives exactly the documented shape — every key present, blanks as ``None``, amounts
as :class:`~decimal.Decimal` so no float rounding ever touches them. ``dumps`` writes Decimals as
JSON numbers digit for digit; ``loads`` reads numbers with decimals back as Decimal. ``from_dict``
is strict: unknown keys, floats where counts belong, or a wrong schema version are errors that name
the offending path.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from .errors import ReportDataError
from .model import (
    ActiveDisclosure,
    Cell,
    Decisions,
    Diagnostic,
    DocumentCounts,
    Fees,
    Period,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
    Value,
)
from .schema import SCHEMA_VERSION

converter = cattrs.Converter(forbid_extra_keys=True)


def _unstructure_cell(cell: Cell) -> Value:
    return cell.value


def _structure_count(value: Any, _: type) -> Cell:
    if value is None:
        return Cell()
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"a count must be an integer or null, not {value!r}")
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
    try:
        return Cell(Decimal(value))
    except InvalidOperation:
        raise ValueError(f"an amount must be a number, not {value!r}") from None


converter.register_unstructure_hook(Cell, _unstructure_cell)
converter.register_structure_hook(Cell, _structure_count)
converter.register_structure_hook(
    Fees, lambda d, _: Fees(amount=_structure_amount(_only(d, "fees", {"amount"})["amount"]))
)
converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
converter.register_structure_hook(dt.date, lambda s, _: dt.date.fromisoformat(s))


def _only(data: Any, where: str, keys: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValueError(f"{where} must be an object")
    extra = set(data) - keys
    if extra:
        raise ValueError(f"{where} has unknown keys {sorted(extra)}")
    missing = keys - set(data)
    if missing:
        raise ValueError(f"{where} lacks keys {sorted(missing)}")
    return data


for _cls in (
    DocumentCounts,
    Decisions,
    RequestRow,
    ReviewBlock,
    Requests,
    ActiveDisclosure,
    ReviewLitigation,
    Period,
    Section,
    Diagnostic,
):
    converter.register_unstructure_hook(_cls, make_dict_unstructure_fn(_cls, converter))
    converter.register_structure_hook(
        _cls, make_dict_structure_fn(_cls, converter, _cattrs_forbid_extra_keys=True)
    )

_report_structure = make_dict_structure_fn(Report, converter, _cattrs_forbid_extra_keys=True)
_report_unstructure = make_dict_unstructure_fn(Report, converter)


def _describe_error(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, ValueError) and str(exc):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def to_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON data contract: plain dicts, lists, str, int, Decimal and None."""
    body = _report_unstructure(report)
    return {"schema_version": SCHEMA_VERSION, **body}


def from_dict(data: dict[str, Any]) -> Report:
    """Rebuild a :class:`Report` from :func:`to_dict` output (or its JSON, read by :func:`loads`)."""
    if not isinstance(data, dict):
        raise ReportDataError(f"a report must be a JSON object, not {type(data).__name__}")
    data = dict(data)
    version = data.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        raise ReportDataError(
            f"schema_version is {version!r}; this version of govinfo-report reads {SCHEMA_VERSION}"
        )
    try:
        return _report_structure(data, Report)
    except Exception as exc:  # cattrs groups every problem with its JSON path
        if isinstance(exc, cattrs.BaseValidationError):
            messages = cattrs.transform_error(exc, path="$", format_exception=_describe_error)
        else:
            messages = [str(exc)]
        raise ReportDataError("not a report in the data contract: " + "; ".join(messages)) from exc


_MARK = "\u0000decimal:"


def dumps(report: Report, *, indent: int | None = None) -> str:
    """The report as JSON text; Decimal amounts are written as numbers, exactly as held."""
    decimals: list[str] = []

    def encode(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: encode(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [encode(v) for v in value]
        if isinstance(value, Decimal):
            decimals.append(format(value, "f"))
            return f"{_MARK}{len(decimals) - 1}"
        return value

    text = json.dumps(encode(to_dict(report)), ensure_ascii=False, indent=indent)
    for index, number in enumerate(decimals):
        text = text.replace(json.dumps(f"{_MARK}{index}"), number, 1)
    return text


def loads(text: str | bytes) -> Report:
    """Read :func:`dumps` output back; numbers with decimals become Decimal, never float."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ReportDataError(f"not JSON: {exc}") from exc
    return from_dict(data)
