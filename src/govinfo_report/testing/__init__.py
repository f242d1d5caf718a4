"""Hypothesis strategies for testing code that reads or produces reports.

    pip install "govinfo-report[testing]"

Three kinds of strategy live here:

* :func:`reports` — plausible :class:`~govinfo_report.model.Report` objects: zero-heavy
  township reports and city-wide ones with six- and seven-digit counts and decimal fees, blank
  cells anywhere, table arithmetic (勾稽关系) that holds or is broken on purpose, and section
  prose full of the things that trip parsers (fake headings, the title repeated, numbers).
* :func:`report_texts` — a report rendered in one of the layouts the parser reads, as
  ``(text, report, layout)``; the report is the oracle for what parsing the text must give.
* mutations — :func:`mutations` and the functions in :data:`MUTATIONS` take a rendered report
  and change its text the way real documents differ from the template (noise, width and quote
  variants, broken labels, page footers, a dropped row, an emptied cell, a shifted row …). Each
  returns a :class:`Mutated` that says what parsing the changed text must still give back, and
  which rows may instead be left blank with which diagnostic. :func:`check_mutated` compares.
* :func:`extracted_text` — a report with table 三 printed the way PDF text extractors print it,
  its numbers apart from its labels.

Hypothesis is an optional dependency, needed only to import this package.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "govinfo_report.testing needs hypothesis: pip install 'govinfo-report[testing]'"
    ) from exc

from .extracted import EXTRACTED_ORDERS, ExtractedOrder, extracted_text
from .mutation_kinds import MUTATION_LAYOUTS, MUTATIONS, Mutation, mutations
from .oracle import Mutated, cell_differences, cell_values, check_mutated
from .prose import HEADING_VARIANTS, agencies
from .rendered import Rendered, report_texts
from .report_strategies import reports, reports_2019

__all__ = [
    "EXTRACTED_ORDERS",
    "HEADING_VARIANTS",
    "MUTATIONS",
    "MUTATION_LAYOUTS",
    "ExtractedOrder",
    "Mutated",
    "Mutation",
    "Rendered",
    "agencies",
    "cell_differences",
    "cell_values",
    "check_mutated",
    "extracted_text",
    "mutations",
    "report_texts",
    "reports",
    "reports_2019",
]
