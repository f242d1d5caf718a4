"""Reports rendered in the layouts the parser reads, each with the report as its oracle."""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import strategies as st

from ..model import Report
from ..writers.render import render
from ..writers.text import RENDER_LAYOUTS
from .report_strategies import reports


class Rendered(NamedTuple):
    """A report's text, the report it was written from (the oracle), and the layout used."""

    text: str
    report: Report
    layout: str


@st.composite
def report_texts(
    draw: st.DrawFn,
    layout: str | None = None,
    reports_strategy: st.SearchStrategy[Report] | None = None,
) -> Rendered:
    """A report rendered in ``layout`` (any of :data:`~govinfo_report.RENDER_LAYOUTS`
    when None), drawn from ``reports_strategy`` (default :func:`reports`)."""
    chosen = layout or draw(st.sampled_from(RENDER_LAYOUTS))
    report = draw(reports_strategy if reports_strategy is not None else reports())
    return Rendered(render(report, chosen), report, chosen)
