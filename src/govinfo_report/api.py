"""The library's front door: :func:`parse` and :func:`parse_file`."""

from __future__ import annotations

from pathlib import Path

import lark

from .errors import NotAReportError, ReportError
from .model import Report
from .readers import read_text, reject_non_text
from .reading.context import ParseContext
from .reading.normalize import normalize
from .reading.pipeline import read_with_context
from .template import formats


def parse(text: str, *, format: str | None = None) -> Report:
    """Parse the text of one report into a :class:`Report`.

    ``format`` forces the table template (``"2021"`` or ``"2019"``); by default it is detected
    from the tables' own wording. Raises :class:`NotAReportError` for text that is not a report
    at all; anything that is a report comes back as a Report, partial where it must be, with
    diagnostics for everything that could not be read.
    """
    return parse_with_context(text, format=format)[0]


def parse_with_context(text: str, *, format: str | None = None) -> tuple[Report, ParseContext]:
    """:func:`parse`, and the context the parse built (normalised text, line index, outline,
    format), which :func:`govinfo_report.validate` can reuse instead of doing that work again."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report text as str, not {type(text).__name__}")
    if format is not None and format not in formats.names():
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(formats.names())}")
    reject_non_text(text)
    normalized = normalize(text)
    if not normalized.strip():
        raise NotAReportError("the text is empty")
    try:
        return read_with_context(normalized, format)
    except ReportError:
        raise
    except lark.exceptions.VisitError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc.orig_exc!r}") from exc
    except lark.exceptions.LarkError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc}") from exc


def parse_file(path: str | Path, *, format: str | None = None) -> Report:
    """Read a report file (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK) and parse it."""
    return parse(read_text(path), format=format)
