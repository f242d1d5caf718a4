"""Write a :class:`~govinfo_report.model.Report` back as a complete report: the inverse of
:func:`govinfo_report.parse`, as text in every table layout the parser reads or as the web page
a government site publishes.

The printers live in their own modules — :mod:`~govinfo_report.writers.text`,
:mod:`~govinfo_report.writers.html` and :mod:`~govinfo_report.writers.pdf` — and share the
report's structure from :mod:`~govinfo_report.writers.document`; :func:`render` picks one by
``layout``.
"""

from __future__ import annotations

from ..model import Report
from .html import render_html
from .text import render_placed

__all__ = ["render"]


def render(report: Report, layout: str = "tsv", **page: bool) -> str:
    """The complete text of ``report`` with its tables in ``layout``.

    ``layout`` is one of :data:`~govinfo_report.RENDER_LAYOUTS`: ``"tsv"`` (tab-separated rows),
    ``"pipe"`` (``a | 0 |`` rows), ``"markdown"`` (a pipe table with a ``|---|`` rule, markdown
    headings), ``"cells"`` (one cell per line behind a tab, rows separated by blank lines —
    Word's "save as text") or ``"columns"`` (space-aligned like ``pdftotext -layout``). Sections
    一, 五 and 六 print their text; sections 二, 三 and 四 print their table (their text when the
    report has no table there). ``parse(render(report, layout))`` gives back every cell, the
    agency, the year and the section headings.

    ``layout="html"`` writes the web page a government site publishes instead, the tables with
    their merged cells (:func:`govinfo_report.writers.html.render_html`); its keyword options
    ``chrome=True`` (site menus, 来源/时间 line, footer) and ``word_paste=True`` (Word-pasted
    ``<span>`` markup) go in ``page``.

    Raises ValueError for an unknown layout or format.
    """
    if layout == "html":
        return render_html(report, **page)
    if page:
        raise TypeError(f"layout {layout!r} takes no page options ({', '.join(page)})")
    return render_placed(report, layout)[0]
