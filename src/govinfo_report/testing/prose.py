"""Agencies, section headings and section prose, with the traps real reports carry."""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis import strategies as st

from ..template.formats import section_titles_of

_PLACES = ("云溪", "青山", "临江", "白石", "东湖", "示例", "南河", "北岭", "长宁", "安平", "西峰", "石门")
_LEVELS = ("县", "区", "市")
_TOWN_ORGANS = ("镇人民政府", "乡人民政府", "街道办事处")
_BODIES = (
    "人民政府",
    "人民政府办公室",
    "发展和改革局",
    "财政局",
    "自然资源和规划局",
    "市场监督管理局",
    "生态环境局",
    "住房和城乡建设局",
    "教育局",
)

#: Headings seen in published reports besides the canonical ones (FORMAT.md §1).
_OTHER_HEADINGS: Mapping[int, tuple[str, ...]] = {
    1: ("一、总体工作情况",),
    2: ("二、行政机关主动公开政府信息情况",),
    3: ("三、行政机关收到和处理政府信息公开申请情况",),
    4: (
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
        "四、政府信息公开行政复议及行政诉讼情况",
        "四、政府信息公开行政复议、诉讼情况",
        "四、被申请行政复议、提起行政诉讼情况",
        "四、政府信息公开行政复议与行政诉讼情况",
    ),
    5: (
        "五、政府信息公开工作存在的主要问题及改进情况",
        "五、存在问题及改进情况",
        "五、工作中存在的问题和改进措施",
        "五、存在的主要问题及明年工作计划",
        "五、存在的问题及下一步工作打算",
    ),
    6: ("六、其它需要报告的事项", "六、其他需报告的事项", "六、需要说明的其他事项"),
}
#: Each section's headings: the template's (from its grammar), then the others.
HEADING_VARIANTS: Mapping[int, tuple[str, ...]] = {
    number: (title, *_OTHER_HEADINGS.get(number, ())) for number, title in section_titles_of().items()
}


@st.composite
def agencies(draw: st.DrawFn) -> str:
    """An agency as a report title names it: 青山县白石镇人民政府, 临江市财政局 …"""
    place = draw(st.sampled_from(_PLACES)) + draw(st.sampled_from(_LEVELS))
    if draw(st.booleans()):
        return place + draw(st.sampled_from(_PLACES)) + draw(st.sampled_from(_TOWN_ORGANS))
    return place + draw(st.sampled_from(_BODIES))


def _small(draw: st.DrawFn) -> int:
    return draw(st.integers(0, 400))


@st.composite
def overviews(draw: st.DrawFn, title: str, year: int) -> str:
    """Section 一: sub-headings and numbers, with the traps real reports carry."""
    paragraphs = [
        f"{year}年，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息"
        f"{_small(draw)}条，收到申请{_small(draw)}件。",
    ]
    traps = [
        "（一）主动公开政府信息情况",
        f"本年度通过门户网站发布信息{_small(draw)}条，其中政策解读{_small(draw)}篇。",
        "（二）依申请公开情况",
        f"全年收到政府信息公开申请{_small(draw)}件，上年结转{_small(draw)}件，均按期答复。",
        "（三）政府信息管理情况",
        "1.强化组织领导。成立工作专班，明确责任分工。",
        "2、规范工作流程。严格执行“三审三校”制度。",
        title,  # the title repeated inside 一
        "一、总体情况",  # the heading repeated as a sub-heading
        f"四、{year + 1}年工作打算",
        "三、加强平台建设",
        f"收取信息处理费{_small(draw)}元。",
    ]
    chosen = draw(st.lists(st.sampled_from(traps), max_size=6))
    return "\n".join(paragraphs + chosen)


@st.composite
def problems(draw: st.DrawFn) -> str:
    """Section 五: problems and improvements with （一）（二） sub-headings."""
    parts = draw(
        st.lists(
            st.sampled_from(
                [
                    "（一）存在的主要问题",
                    "一是公开内容不够全面；二是解读形式较为单一。",
                    "（二）改进情况",
                    "下一步将进一步完善制度，加强培训。",
                    "三是依申请公开答复规范性有待提高。",
                ]
            ),
            min_size=1,
            max_size=5,
        )
    )
    return "\n".join(parts)


@st.composite
def other_matters(draw: st.DrawFn, year: int) -> str:
    """Section 六: fees in 元 (not the 万元 of table 二) and plans."""
    return draw(
        st.sampled_from(
            [
                "无",
                "本年度无其他需要报告的事项。",
                f"（一）收取信息处理费情况\n本年度共收取信息处理费{draw(st.integers(0, 2000))}元。",
                f"（一）{year + 1}年工作要点落实情况\n按要点逐项落实。",
            ]
        )
    )
