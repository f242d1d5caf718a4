"""Whole reports: a title, six sections of prose and the three tables, in either template."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from ..model import Period, Report, Section
from ..template.formats import section_titles_of
from .prose import HEADING_VARIANTS, agencies, other_matters, overviews, problems
from .tables import SCALES, Scale, active_tables, request_tables, review_tables

#: The orders titles print agency and year in, the first the most common.
TITLE_FORMS = (
    "{agency}{year}年政府信息公开工作年度报告",
    "{agency}{year}年政府信息公开工作年度报告",
    "{year}年{agency}政府信息公开工作年度报告",
    "{agency}政府信息公开工作年度报告({year}年度)",
)


@st.composite
def reports(
    draw: st.DrawFn,
    *,
    scale: Scale | None = None,
    consistent: bool | None = True,
    blanks: bool = True,
    collapsed_other: bool | None = None,
) -> Report:
    """A plausible format-2021 :class:`Report` with all six sections and all three tables.

    ``scale``: ``"township"`` (mostly zeros), ``"city"`` (large counts, decimal fees) or either.
    ``consistent``: True keeps the table arithmetic of FORMAT.md §4 (一+二 = 总计+四 per column,
    总计 = the sum of the result rows, the 总计 column = the six applicant columns, table 四's
    totals) on the numbers as drawn — blank cells then only make a check impossible; False breaks
    one sum on purpose; None draws either. ``blanks`` puts ``None`` in a few random cells.
    ``collapsed_other`` prints （六）其他处理 as one row (``requests.other_processing``).
    """
    return _report(draw, "2021", st.integers(2021, 2025), scale, consistent, blanks, collapsed_other)


@st.composite
def reports_2019(
    draw: st.DrawFn,
    *,
    scale: Scale | None = None,
    consistent: bool | None = True,
    blanks: bool = True,
) -> Report:
    """A plausible report in the 2019 template (国办公开办函〔2019〕60号, years 2019–2020): the
    2019 table 二 with its five sub-tables, and （六）其他处理 as one row of table 三. The other
    arguments are those of :func:`reports`."""
    return _report(draw, "2019", st.sampled_from([2019, 2020]), scale, consistent, blanks, True)


def _report(
    draw: st.DrawFn,
    fmt: str,
    years: st.SearchStrategy[int],
    scale: Scale | None,
    consistent: bool | None,
    blanks: bool,
    collapsed_other: bool | None,
) -> Report:
    """A report in template ``fmt`` with a year from ``years``; the rest as :func:`reports`."""
    the_scale: Scale = scale if scale is not None else draw(st.sampled_from(SCALES))
    is_consistent = draw(st.booleans()) if consistent is None else consistent
    collapsed = draw(st.booleans()) if collapsed_other is None else collapsed_other
    agency = draw(agencies())
    year = draw(years)
    title = draw(st.sampled_from(TITLE_FORMS)).format(agency=agency, year=year)
    headings = {n: draw(st.sampled_from(HEADING_VARIANTS[n])) for n in section_titles_of()}
    texts = {
        1: draw(overviews(title, year)),
        2: "",
        3: "",
        4: "",
        5: draw(problems()),
        6: draw(other_matters(year)),
    }
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31)) if draw(st.booleans()) else None
    return Report(
        format=fmt,
        title=title,
        agency=agency,
        year=year,
        period=period,
        sections=tuple(Section(n, headings[n], texts[n]) for n in section_titles_of()),
        active_disclosure=draw(active_tables(fmt, the_scale, blanks)),
        requests=draw(request_tables(the_scale, is_consistent, blanks, collapsed)),
        review_litigation=draw(review_tables(the_scale, is_consistent, blanks)),
    )
