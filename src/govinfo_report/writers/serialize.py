"""The data contract as JSON text: ``dumps`` writes Decimals as JSON numbers digit for digit;
``loads`` reads numbers with decimals back as Decimal, never float."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from ..contract import from_dict, to_dict
from ..errors import ReportDataError
from ..model import Report

_MARK = "\u0000decimal:"
_MARKED = re.compile(r'"\\u0000decimal:([0-9]+)"')


def json_text(data: Any, *, indent: int | None = None) -> str:
    """Plain data (dicts, lists, str, int, Decimal, None) as JSON text, with every Decimal written
    as a JSON number exactly as held — never through a float."""
    decimals: list[str] = []

    def mark(value: Any) -> str:  # json calls this for what it cannot write: only Decimal here
        if not isinstance(value, Decimal):
            raise TypeError(f"{type(value).__name__} is not plain data")
        decimals.append(format(value, "f"))
        return f"{_MARK}{len(decimals) - 1}"

    text = json.dumps(data, ensure_ascii=False, indent=indent, default=mark)
    return _MARKED.sub(lambda m: decimals[int(m.group(1))], text) if decimals else text


def dumps(report: Report, *, indent: int | None = None) -> str:
    """The report as JSON text; Decimal amounts are written as numbers, exactly as held."""
    return json_text(to_dict(report), indent=indent)


def loads(text: str | bytes) -> Report:
    """Read :func:`dumps` output back; numbers with decimals become Decimal, never float."""
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ReportDataError(f"not JSON: {exc}") from exc
    except (ValueError, RecursionError) as exc:  # a number too long to read, nesting too deep
        raise ReportDataError(f"not a report's JSON: {exc}") from exc
    return from_dict(data)
