"""govinfo-report: Chinese government information disclosure annual reports
(政府信息公开工作年度报告) as validated, structured data.

    >>> import govinfo_report
    >>> report = govinfo_report.parse(text)
    >>> report.requests.new_received.total.value
    >>> govinfo_report.to_dict(report)      # the JSON data contract
    >>> for result in govinfo_report.read_reports(["reports/"], jobs=2): ...   # a folder at once
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .api import parse, parse_file
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
    Location,
    Period,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
)

if TYPE_CHECKING:  # imported on first use: parsing needs none of them
    from .batch import Result, read_reports
    from .checks.validation import CellRef, Finding, ValidationResult, check_continuity, validate
    from .contract import from_dict, to_dict
    from .readers import read_text
    from .reading.pipeline import detect_format
    from .template.formats import HookContext, Variant, register_format, unregister_format
    from .writers.dataframe import to_dataframe
    from .writers.records import findings_records, to_records
    from .writers.render import render
    from .writers.serialize import dumps, loads
    from .writers.text import RENDER_LAYOUTS

#: Public names whose modules load on first use -> the module that defines them.
_LAZY = {
    "Result": "batch",
    "read_reports": "batch",
    "CellRef": "checks.validation",
    "Finding": "checks.validation",
    "ValidationResult": "checks.validation",
    "check_continuity": "checks.validation",
    "validate": "checks.validation",
    "from_dict": "contract",
    "to_dict": "contract",
    "read_text": "readers",
    "detect_format": "reading.pipeline",
    "HookContext": "template.formats",
    "Variant": "template.formats",
    "register_format": "template.formats",
    "unregister_format": "template.formats",
    "to_dataframe": "writers.dataframe",
    "findings_records": "writers.records",
    "to_records": "writers.records",
    "render": "writers.render",
    "dumps": "writers.serialize",
    "loads": "writers.serialize",
    "RENDER_LAYOUTS": "writers.text",
}


def __getattr__(name: str) -> Any:
    """Load a public name's module on first use (PEP 562), so ``import govinfo_report`` costs
    only what parsing needs."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
    "Location",
    "NotAReportError",
    "Period",
    "Report",
    "ReportDataError",
    "ReportEncodingError",
    "ReportError",
    "RequestRow",
    "Requests",
    "Result",
    "ReviewBlock",
    "ReviewLitigation",
    "Section",
    "ValidationResult",
    "Variant",
    "__version__",
    "check_continuity",
    "detect_format",
    "dumps",
    "findings_records",
    "from_dict",
    "loads",
    "parse",
    "parse_file",
    "read_reports",
    "read_text",
    "register_format",
    "render",
    "to_dataframe",
    "to_dict",
    "to_records",
    "unregister_format",
    "validate",
]
