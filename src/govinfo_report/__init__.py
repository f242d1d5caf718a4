"""govinfo-report: Chinese government information disclosure annual reports
(政府信息公开工作年度报告) as validated, structured data.

    >>> import govinfo_report
    >>> report = govinfo_report.parse(text)
    >>> report.requests.new_received.total.value
    >>> govinfo_report.to_dict(report)      # the JSON data contract
"""

from ._version import __version__
from .api import parse, parse_file
from .checks.validation import CellRef, Finding, ValidationResult, check_continuity, validate
from .contract import from_dict, to_dict
from .errors import (
    GrammarError,
    NotAReportError,
    ReportDataError,
    ReportEncodingError,
    ReportError,
)
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
from .readers import read_text
from .reading.pipeline import detect_format
from .template.formats import HookContext, Variant, register_format, unregister_format
from .writers.render import render
from .writers.serialize import dumps, loads
from .writers.text import RENDER_LAYOUTS

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
    "HookContext",
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
