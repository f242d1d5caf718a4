"""The library's exceptions. Everything raised on purpose derives from :class:`ReportError`."""

from __future__ import annotations


class ReportError(Exception):
    """Base class of every error this library raises on purpose."""


class NotAReportError(ReportError):
    """The text is not a government information disclosure annual report (empty, binary or an
    unrelated document)."""


class ReportEncodingError(ReportError):
    """A file could not be decoded as UTF-8, UTF-16 or GB18030 text."""


class GrammarError(ReportError):
    """A grammar could not be found or compiled; the message names the file, line and problem."""


class ReportDataError(ReportError, ValueError):
    """Data given to :func:`govinfo_report.from_dict` / :func:`govinfo_report.loads` does not
    follow the data contract; the message gives the path of each offending key."""


class MissingExtraError(ReportError):
    """Reading a kind of document needs an optional dependency that is not installed; the message
    says which ``pip install`` brings it."""


class DocumentError(ReportError):
    """A document could not be read: damaged, encrypted, a scan without a text layer, or past a
    size limit. The message names the file and the reason."""
