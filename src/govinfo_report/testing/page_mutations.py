"""What a document adds around the tables: heading marks, page footers, the title again,
sub-headings that look like section headings and a page's links to other reports. None of it
may change what the text reads as."""

from __future__ import annotations

from hypothesis import strategies as st

from ..writers.document import render_title
from .mutating import lines_of, lossless
from .oracle import Mutated
from .rendered import Rendered


@st.composite
def heading_marks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = lines_of(rendered)
    for index in [0, *placement.headings.values()]:
        line = lines[index].lstrip("# ")
        style = draw(st.sampled_from(("#", "##", "###", "####", "**", "")))
        lines[index] = f"**{line}**" if style == "**" else (f"{style} {line}" if style else line)
    return lossless("heading-marks", rendered, "\n".join(lines))


_FOOTERS = ("-3-", "- 4 -", "—5—", "第 3 页", "第3页 共9页", "                  -12-", "7 / 9")


@st.composite
def page_breaks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Page footers and form feeds, inside the tables too, the way PDF text has them."""
    lines, _ = lines_of(rendered)
    count = len(lines)
    if rendered.layout == "cells":  # a footer stands between two rows, never inside one
        places = [i + 1 for i in range(count) if lines[i] == ""]  # "\t" is an empty cell
    else:
        places = list(range(1, count))
    picks = sorted(set(draw(st.lists(st.sampled_from(places), min_size=1, max_size=5))), reverse=True)
    for at in picks:
        footer = draw(st.sampled_from(_FOOTERS))
        blank = [""] if rendered.layout == "cells" else []
        feed = "\f" if draw(st.booleans()) else ""
        lines[at:at] = [footer, *blank]
        after = at + 1 + len(blank)  # the first line of the next page starts with the form feed
        if feed and after < len(lines):
            lines[after] = feed + lines[after]
    return lossless("page-breaks", rendered, "\n".join(lines))


@st.composite
def repeated_title(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = lines_of(rendered)
    report = rendered.report
    title = render_title(report)
    where = draw(st.sampled_from(("top", "split", "section")))
    if where == "top":
        lines[0:0] = [title, ""]
    elif where == "split" and report.agency and report.year and title.startswith(report.agency):
        lines[0:1] = [report.agency, title[len(report.agency) :]]
    else:
        at = placement.headings[1] + 1
        lines[at:at] = [title]
    return lossless("repeated-title", rendered, "\n".join(lines))


@st.composite
def sub_headings(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Sub-headings that share a section's numeral or title words but are not section headings."""
    lines, placement = lines_of(rendered)
    year = rendered.report.year or 2023
    fakes = (
        "二、主动公开工作情况",
        "三、依申请公开情况",
        "三、收到和处理申请情况",
        f"四、{year + 1}年工作打算",
        "四、政府信息公开行政复议情况",
        "五、存在问题",
        "六、其他事项",
        "（二）主动公开政府信息情况",
        "（三）收到和处理政府信息公开申请情况",
        "（四）政府信息公开行政复议、行政诉讼情况",
    )
    number = draw(st.sampled_from((1, 5)))
    start = placement.headings[number] + 1
    end = placement.headings.get(number + 1, len(lines))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(start, max(start, end - 1)))
        lines[at:at] = [draw(st.sampled_from(fakes))]
    return lossless("sub-headings", rendered, "\n".join(lines))


#: How a web page lists links to other pages above an article, with another report's title.
_LINK_FORMS = ("上一篇：{}", "下一篇：{}", "相关文章：{}", "往年年报：{}", "· {}", "- {}", "热点推荐：{}")


@st.composite
def link_lines(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Links to other reports (another body's, or the same body's of the year before) above the
    title, as a page's text dump keeps them: none is the report's own title."""
    lines, _ = lines_of(rendered)
    report = rendered.report
    year = (report.year or 2023) - draw(st.integers(0, 2))
    others = (
        f"{year}年示例区示例街道办事处政府信息公开工作年度报告",
        f"{report.agency or '示例局'}{year - 1}年政府信息公开工作年度报告",
    )
    links = [
        draw(st.sampled_from(_LINK_FORMS)).format(draw(st.sampled_from(others)))
        for _ in range(draw(st.integers(1, 3)))
    ]
    lines[0:0] = [*links, ""]
    return lossless("link-lines", rendered, "\n".join(lines))
