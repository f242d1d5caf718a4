"""govinfo-report: Chinese government information disclosure annual reports
(政府信息公开工作年度报告) as validated, structured data.

    >>> import govinfo_report
    >>> report = govinfo_report.parse(text)
    >>> report.requests.new_received.total.value
    >>> govinfo_report.to_dict(report)      # the JSON data contract
"""

from ._version import __version__
from .errors import (
    GrammarError,
    NotAReportError,
    ReportDataError,
    ReportEncodingError,
    ReportError,
)
from .formats import Variant, register_format, unregister_format
from .model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
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
)
from .parse import detect_format, parse, parse_file, read_text
from .render import RENDER_LAYOUTS, render
from .serialize import dumps, from_dict, loads, to_dict
from .validation import CellRef, Finding, ValidationResult, check_continuity, validate

__all__ = [
    "RENDER_LAYOUTS",
    "ActiveDisclosure",
    "ActiveDisclosure2019",
    "Cell",
    "CellRef",
    "Decisions",
    "Diagnostic",
    "DocumentCounts",
    "Fees",
    "Finding",
    "GrammarError",
    "NotAReportError",
    "Period",
    "Report",
    "ReportDataError",
    "ReportEncodingError",
    "ReportError",
    "RequestRow",
    "Requests",
    "ReviewBlock",
    "ReviewLitigation",
    "Section",
    "ValidationResult",
    "Variant",
    "__version__",
    "check_continuity",
    "detect_format",
    "dumps",
    "from_dict",
    "loads",
    "parse",
    "parse_file",
    "read_text",
    "register_format",
    "render",
    "to_dict",
    "unregister_format",
    "validate",
]
