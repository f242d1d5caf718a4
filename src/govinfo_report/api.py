"""The library's front door: :func:`parse` for text, :func:`parse_file` for any file a user
holds (a text file, a web page, a Word file, a PDF), :func:`parse_document` for a document a
reader has read."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import attrs

from .errors import NotAReportError, ReportError
from .limits import Limits, check_text, default_limits
from .model import TABLE_IDS, Diagnostic, Report
from .readers import Document, read_document, read_source, reject_non_text

if TYPE_CHECKING:
    from .reading.context import ParseContext
    from .reading.document import PlacedTable

# The reading machinery (Lark, the grammars, the stages) is imported by the first parse, not by
# ``import govinfo_report``: a program that only loads saved reports, or a CLI asked for --help,
# never pays for it.


def parse(text: str, *, format: str | None = None, limits: Limits | None = None) -> Report:
    """Parse the text of one report into a :class:`Report`.

    ``format`` forces the table template (``"2021"`` or ``"2019"``); by default it is detected
    from the tables' own wording. Raises :class:`NotAReportError` for text that is not a report
    at all; anything that is a report comes back as a Report, partial where it must be, with
    diagnostics for everything that could not be read. ``limits`` bounds what is read (see
    :class:`~govinfo_report.limits.Limits`); a text past them raises :class:`InputTooLargeError`.
    """
    return parse_with_context(text, format=format, limits=limits)[0]


def parse_with_context(
    text: str, *, format: str | None = None, limits: Limits | None = None
) -> tuple[Report, ParseContext]:
    """:func:`parse`, and the context the parse built (normalised text, line index, outline,
    format), which :func:`govinfo_report.validate` can reuse instead of doing that work again."""
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report text as str, not {type(text).__name__}")
    reject_non_text(text)
    return _read(text, format, (), limits or default_limits())


def parse_file(
    source: str | Path | bytes | BinaryIO,
    *,
    format: str | None = None,
    kind: str | None = None,
    limits: Limits | None = None,
) -> Report:
    """Read a report file — a path, its bytes or a binary file object — and parse it.

    The kind of file (``"text"``, ``"html"``, ``"docx"``, ``"pdf"`` or a registered reader's) is
    recognised from its content, or given as ``kind``. Text files may be UTF-8 (with or without
    BOM), UTF-16 with BOM or GB18030/GBK. Web pages, Word files and PDFs are read from their own
    structure; each needs its optional extra (``pip install 'govinfo-report[documents]'``).
    A file past ``limits`` is refused before it is read (:class:`InputTooLargeError`).
    """
    return parse_file_with_context(source, format=format, kind=kind, limits=limits)[0]


def parse_file_with_context(
    source: str | Path | bytes | BinaryIO,
    *,
    format: str | None = None,
    kind: str | None = None,
    limits: Limits | None = None,
) -> tuple[Report, ParseContext]:
    """:func:`parse_file`, and the parse context (see :func:`parse_with_context`)."""
    limits = limits or default_limits()
    data, name = read_source(source, limits.max_file_bytes)
    return parse_document_with_context(read_document(data, name, kind), format=format, limits=limits)


def parse_document(document: Document, *, format: str | None = None, limits: Limits | None = None) -> Report:
    """Parse a document a reader has read (see :mod:`govinfo_report.readers`)."""
    return parse_document_with_context(document, format=format, limits=limits)[0]


def parse_document_with_context(
    document: Document, *, format: str | None = None, limits: Limits | None = None
) -> tuple[Report, ParseContext]:
    from .reading.document import lay_out
    from .reading.metadata import qualify_agency

    laid_out = lay_out(document)
    report, context = _read(laid_out.text, format, laid_out.tables, limits or default_limits())
    notes = tuple(
        _document_note(code, dict(fields), laid_out.tables, context) for code, fields in document.notes
    )
    if document.kind != "text":  # a text's cells have their place already: their line
        report = laid_out.locate(report)
    if report.title is None and document.title:
        report = _titled_by_properties(report, document.title)
    if document.publisher and report.agency:
        report = attrs.evolve(report, agency=qualify_agency(report.agency, document.publisher))
    elif document.publisher and report.agency is None:
        report = _agency_from_page(report, document.publisher)
    if document.attachments and all(getattr(report, t) is None for t in TABLE_IDS):
        notes = (*notes, _attached(document.attachments))
    report = attrs.evolve(report, source_kind=document.kind, diagnostics=(*report.diagnostics, *notes))
    return report, context


def _titled_by_properties(report: Report, declared: str) -> Report:
    """A report whose text prints no title, titled by the one its file declares (a PDF's or a
    Word file's title property) where that reads as a report's title; said so."""
    from . import diagnostics as diag
    from .reading.metadata import find_title

    found = find_title(declared)
    if found is None:
        return report
    agency = report.agency or found.agency
    year = report.year or found.year
    lifted = {"no-title"} | ({"no-agency"} if agency else set()) | ({"no-year"} if year else set())
    kept = tuple(d for d in report.diagnostics if d.code not in lifted)
    note = diag.make("title-from-properties", title=found.title)
    return attrs.evolve(report, title=found.title, agency=agency, year=year, diagnostics=(*kept, note))


def _agency_from_page(report: Report, publisher: str) -> Report:
    """A report whose title and words name no agency, with the one its page names as its
    publisher, said so (the note that the agency is blank gives way)."""
    from . import diagnostics as diag
    from .reading.metadata import publisher_agency

    agency = publisher_agency(publisher)
    if agency is None:
        return report
    kept = tuple(d for d in report.diagnostics if d.code != "no-agency")
    note = diag.make("agency-from-page", agency=agency)
    return attrs.evolve(report, agency=agency, diagnostics=(*kept, note))


def _document_note(
    code: str, fields: dict[str, str], tables: tuple[PlacedTable, ...], context: ParseContext
) -> Diagnostic:
    """A reader's note as a diagnostic; one about a document's table (its ``position``, from 1)
    names the report's table read from it."""
    from . import diagnostics as diag

    table_id = None
    if "position" in fields and fields["position"].isdigit() and 0 < int(fields["position"]) <= len(tables):
        placed = tables[int(fields["position"]) - 1]
        table_id = next(
            (t for t, (first, end) in context.table_lines.items() if first <= placed.first_line < end), None
        )
    return diag.make(code, table=table_id, **cast(dict[str, Any], fields))


#: The most attached files a note lists.
_ATTACHMENTS_LISTED = 5


def _attached(files: tuple[str, ...]) -> Diagnostic:
    """The note for a document whose report is not in it but, likely, in the files it links."""
    from . import diagnostics as diag

    return diag.make("report-in-attachment", files=", ".join(files[:_ATTACHMENTS_LISTED]))


def _read(
    text: str, format: str | None, tables: tuple[PlacedTable, ...], limits: Limits
) -> tuple[Report, ParseContext]:
    import lark

    from .reading.normalize import normalize
    from .reading.pipeline import read_with_context
    from .template import formats

    if format is not None and format not in formats.names():
        raise ValueError(f"unknown format {format!r}; use one of {', '.join(formats.names())}")
    check_text(text, limits)
    normalized = normalize(text)
    if not normalized.strip():
        raise NotAReportError("the text is empty")
    try:
        return read_with_context(normalized, format, tables, limits)
    except ReportError:
        raise
    except lark.exceptions.VisitError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc.orig_exc!r}") from exc
    except lark.exceptions.LarkError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc}") from exc
