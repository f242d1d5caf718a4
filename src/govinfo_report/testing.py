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

Hypothesis is an optional dependency, needed only to import this module.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal, NamedTuple

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "govinfo_report.testing needs hypothesis: pip install 'govinfo-report[testing]'"
    ) from exc

from .model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Period,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
    Value,
    table_layout,
)
from .reading.labels import fold
from .reading.normalize import display_width
from .reading.skeleton import SECTION_TITLES
from .template.formats import get_format
from .template.spec import (
    OTHER_SUBROWS,
    REQUEST_COLUMNS,
    REQUEST_ROWS,
    RESULT_ROWS_2021,
    REVIEW_BLOCKS,
    REVIEW_OUTCOMES,
    RowSpec,
)
from .writers.render import RENDER_LAYOUTS, Placement, render, render_placed, render_title

Scale = Literal["township", "city"]
CellKey = tuple[str, str, str]  # table id, row id, column id

# --- agencies, headings, prose ----------------------------------------------------------------

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
HEADING_VARIANTS: Mapping[int, tuple[str, ...]] = {
    1: (SECTION_TITLES[1],),
    2: (SECTION_TITLES[2], "二、行政机关主动公开政府信息情况"),
    3: (SECTION_TITLES[3],),
    4: (
        SECTION_TITLES[4],
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
        "四、政府信息公开行政复议及行政诉讼情况",
    ),
    5: (SECTION_TITLES[5], "五、政府信息公开工作存在的主要问题及改进情况"),
    6: (SECTION_TITLES[6],),
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
def _overview(draw: st.DrawFn, title: str, year: int) -> str:
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
def _problems(draw: st.DrawFn) -> str:
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
def _other_matters(draw: st.DrawFn, year: int) -> str:
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


# --- tables -----------------------------------------------------------------------------------

_SCALES: tuple[Scale, ...] = ("township", "city")
_TOWNSHIP = (0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 3, 5)


def _count(draw: st.DrawFn, scale: Scale, high: int) -> int:
    if scale == "township":
        return draw(st.sampled_from(_TOWNSHIP))
    return draw(st.integers(0, high))


@st.composite
def _amounts(draw: st.DrawFn, scale: Scale) -> Decimal:
    """A fee in 万元: 0 in a township, 96171.6 or 7730.28 in a city; never a float."""
    if scale == "township":
        return Decimal(draw(st.sampled_from(("0", "0", "0.5", "1.2", "12.35"))))
    places = draw(st.integers(0, 2))
    return Decimal(draw(st.integers(0, 99_999_999))).scaleb(-places)


def _blank_some(draw: st.DrawFn, keys: Sequence[tuple[str, str]], blanks: bool) -> set[tuple[str, str]]:
    if not blanks:
        return set()
    return set(draw(st.lists(st.sampled_from(keys), max_size=6)))


@st.composite
def _active(draw: st.DrawFn, fmt: str, scale: Scale, blanks: bool) -> ActiveDisclosure | ActiveDisclosure2019:
    """Table 二 of template ``fmt``, from its vocabulary: counts, signed 本年增/减 (2019) and
    amounts in 万元 (fees; 2019 procurement)."""
    cls: type[ActiveDisclosure | ActiveDisclosure2019] = (
        ActiveDisclosure2019 if fmt == "2019" else ActiveDisclosure
    )
    layout = table_layout(cls)
    blank = _blank_some(draw, [(row, c) for row, columns in layout for c in columns], blanks)

    def value(spec: RowSpec, index: int) -> Value:
        kind = spec.kind(index)
        if kind == "change":
            return draw(st.integers(-5, 5)) if scale == "township" else draw(st.integers(-500, 500))
        if kind == "amount":
            return draw(_amounts(scale))
        documents = spec.id in ("regulations", "normative_documents")
        return _count(draw, scale, 99_999 if fmt == "2019" else 3000 if documents else 9_999_999)

    empty = cls()
    rows = {}
    for spec in get_format(fmt).tables["active_disclosure"].rows:
        cells = [(column, value(spec, index)) for index, column in enumerate(spec.columns)]
        row_cls = type(getattr(empty, spec.id))
        rows[spec.id] = row_cls(*(Cell(None if (spec.id, c) in blank else v) for c, v in cells))
    return cls(**rows)


def _break(draw: st.DrawFn, grid: dict[tuple[str, str], Value], keys: Sequence[tuple[str, str]]) -> None:
    """Change one number so that a sum no longer holds (a printed report's arithmetic slip)."""
    key = draw(st.sampled_from(keys))
    value = grid[key]
    assert isinstance(value, int)
    delta = draw(st.integers(1, 9))
    grid[key] = value + delta if value < delta or draw(st.booleans()) else value - delta


@st.composite
def _requests(draw: st.DrawFn, scale: Scale, consistent: bool, blanks: bool, collapsed: bool) -> Requests:
    leaves = [r for r in RESULT_ROWS_2021 if not (collapsed and r in OTHER_SUBROWS)]
    if collapsed:
        leaves.append("other_processing")
    six = REQUEST_COLUMNS[:6]
    grid: dict[tuple[str, str], Value] = {}
    for row in leaves:
        for column in six:
            grid[row, column] = _count(draw, scale, 2000)
    for column in six:
        processed = sum(int(grid[row, column] or 0) for row in leaves)
        grid["total_processed", column] = processed
        forward = _count(draw, scale, 500)
        grid["carried_forward", column] = forward
        over = draw(st.integers(0, processed + forward))
        grid["carried_over", column] = over
        grid["new_received", column] = processed + forward - over
    rows = ["new_received", "carried_over", *leaves, "total_processed", "carried_forward"]
    for row in rows:
        grid[row, "total"] = sum(int(grid[row, c] or 0) for c in six)
    if not consistent:
        _break(draw, grid, [(r, c) for r in rows for c in REQUEST_COLUMNS])
    for key in _blank_some(draw, [(r, c) for r in rows for c in REQUEST_COLUMNS], blanks):
        grid[key] = None
    built: dict[str, Any] = {
        row: RequestRow(*(Cell(grid.get((row, c))) for c in REQUEST_COLUMNS)) for row in REQUEST_ROWS
    }
    return Requests(**built)


@st.composite
def _review(draw: st.DrawFn, scale: Scale, consistent: bool, blanks: bool) -> ReviewLitigation:
    grid: dict[tuple[str, str], Value] = {}
    for block in REVIEW_BLOCKS:
        for outcome in REVIEW_OUTCOMES[:4]:
            grid[block, outcome] = _count(draw, scale, 300)
        grid[block, "total"] = sum(int(grid[block, o] or 0) for o in REVIEW_OUTCOMES[:4])
    keys = [(b, o) for b in REVIEW_BLOCKS for o in REVIEW_OUTCOMES]
    if not consistent:
        _break(draw, grid, keys)
    for key in _blank_some(draw, keys, blanks):
        grid[key] = None
    return ReviewLitigation(
        **{b: ReviewBlock(*(Cell(grid[b, o]) for o in REVIEW_OUTCOMES)) for b in REVIEW_BLOCKS}
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
    the_scale: Scale = scale if scale is not None else draw(st.sampled_from(_SCALES))
    is_consistent = draw(st.booleans()) if consistent is None else consistent
    collapsed = draw(st.booleans()) if collapsed_other is None else collapsed_other
    agency = draw(agencies())
    year = draw(years)
    title = f"{agency}{year}年政府信息公开工作年度报告"
    headings = {n: draw(st.sampled_from(HEADING_VARIANTS[n])) for n in SECTION_TITLES}
    texts = {
        1: draw(_overview(title, year)),
        2: "",
        3: "",
        4: "",
        5: draw(_problems()),
        6: draw(_other_matters(year)),
    }
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31)) if draw(st.booleans()) else None
    return Report(
        format=fmt,
        title=title,
        agency=agency,
        year=year,
        period=period,
        sections=tuple(Section(n, headings[n], texts[n]) for n in SECTION_TITLES),
        active_disclosure=draw(_active(fmt, the_scale, blanks)),
        requests=draw(_requests(the_scale, is_consistent, blanks, collapsed)),
        review_litigation=draw(_review(the_scale, is_consistent, blanks)),
    )


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
    """A report rendered in ``layout`` (any of :data:`~govinfo_report.render.RENDER_LAYOUTS`
    when None), drawn from ``reports_strategy`` (default :func:`reports`)."""
    chosen = layout or draw(st.sampled_from(RENDER_LAYOUTS))
    report = draw(reports_strategy if reports_strategy is not None else reports())
    return Rendered(render(report, chosen), report, chosen)


# --- comparing a parse with its oracle --------------------------------------------------------

_TABLES: Mapping[str, type] = {
    "active_disclosure": ActiveDisclosure,
    "requests": Requests,
    "review_litigation": ReviewLitigation,
}


def cell_values(report: Report) -> dict[CellKey, Value]:
    """Every table cell of a report by (table, row, column); a missing table counts as blank."""
    out: dict[CellKey, Value] = {}
    for table_id, cls in _TABLES.items():
        table = getattr(report, table_id)
        for row_id, columns in table_layout(type(table) if table is not None else cls):
            row = getattr(table, row_id) if table is not None else None
            for column in columns:
                out[table_id, row_id, column] = row[column].value if row is not None else None
    return out


def cell_differences(
    parsed: Report, expected: Report, *, skip: Iterable[tuple[str, str | None]] = ()
) -> list[str]:
    """The cells of ``parsed`` that differ from ``expected``, as readable lines; rows in
    ``skip`` ((table, row), or (table, None) for a whole table) are not compared."""
    skipped = set(skip)
    got, want = cell_values(parsed), cell_values(expected)
    return [
        f"{t}.{r}.{c}: got {got[t, r, c]!r}, expected {v!r}"
        for (t, r, c), v in want.items()
        if (t, r) not in skipped and (t, None) not in skipped and got[t, r, c] != v
    ]


# --- mutations --------------------------------------------------------------------------------


@attrs.frozen
class Mutated:
    """A changed report text and what parsing it must give.

    ``expected`` holds every cell as it must read. ``required`` lists diagnostics the parse must
    report, as (code, table, row). A row in ``damaged`` ((table, row), or (table, None) for a
    table without row labels) may be read exactly *or* left blank, but then with a diagnostic
    whose code is in ``codes``. The agency, year and section headings must always survive.
    """

    kind: str
    text: str
    expected: Report
    layout: str
    required: tuple[tuple[str, str, str | None], ...] = ()
    damaged: tuple[tuple[str, str | None], ...] = ()
    codes: frozenset[str] = frozenset()


def check_mutated(parsed: Report, mutated: Mutated) -> list[str]:
    """Why ``parsed`` does not satisfy ``mutated``'s promise; empty when it does."""
    expected = mutated.expected
    problems = cell_differences(parsed, expected, skip=mutated.damaged)
    got = cell_values(parsed)
    want = cell_values(expected)
    for table, row in mutated.damaged:
        keys = [k for k in want if k[0] == table and (row is None or k[1] == row)]
        exact = all(got[k] == want[k] for k in keys)
        blank = all(got[k] is None for k in keys)
        # a missing one-row （六）其他处理 is reported as its three rows missing
        named = {row, None, *(OTHER_SUBROWS if row == "other_processing" else ())}
        explained = any(
            d.code in mutated.codes and d.table == table and (row is None or d.row in named)
            for d in parsed.diagnostics
        )
        if not exact and not (blank and explained):
            problems.append(
                f"{table}.{row}: neither read exactly nor left blank with one of {sorted(mutated.codes)}: "
                + ", ".join(f"{k[2]}={got[k]!r}/{want[k]!r}" for k in keys)
            )
    for code, table, row in mutated.required:
        if not any(d.code == code and d.table == table and d.row == row for d in parsed.diagnostics):
            problems.append(f"missing diagnostic {code} for {table}.{row}")
    if (parsed.agency, parsed.year) != (expected.agency, expected.year):
        problems.append(
            f"agency/year {parsed.agency!r} {parsed.year!r}, expected {expected.agency!r} {expected.year!r}"
        )
    got_headings = [s.heading for s in parsed.sections]
    want_headings = [s.heading for s in expected.sections]
    if got_headings != want_headings:
        problems.append(f"headings {got_headings}, expected {want_headings}")
    return problems


Mutation = Callable[[Rendered], st.SearchStrategy[Mutated]]


def _same(kind: str, rendered: Rendered, text: str) -> Mutated:
    return Mutated(kind, text, rendered.report, rendered.layout)


def _lines_of(rendered: Rendered) -> tuple[list[str], Placement]:
    text, placement = render_placed(rendered.report, rendered.layout)
    return text.split("\n"), placement


def _table_lines(placement: Placement) -> set[int]:
    return {i for first, last in placement.tables.values() for i in range(first, last + 1)}


def _data_lines(placement: Placement) -> set[int]:
    return {i for first, last in placement.rows.values() for i in range(first, last + 1)}


def _header_lines(placement: Placement) -> set[int]:
    return _table_lines(placement) - _data_lines(placement)


def _seeded(draw: st.DrawFn) -> random.Random:
    """A seeded generator for noise spread over a whole text: one draw instead of thousands
    (the noise does not shrink, the report and the mutation kind do)."""
    return random.Random(draw(st.integers(0, 2**32 - 1)))


_SPACES = (" ", "  ", "\u3000", "\u00a0", " \u3000")


@st.composite
def _whitespace(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Spaces of every kind at line ends and around separators, and extra blank lines."""
    rnd = _seeded(draw)
    lines = rendered.text.split("\n")
    cells = rendered.layout == "cells"
    tables = _table_lines(_lines_of(rendered)[1])
    out: list[str] = []
    for index, line in enumerate(lines):
        if rnd.random() < 0.25:
            line = rnd.choice(_SPACES) + line
        if rnd.random() < 0.25:
            line = line + rnd.choice(_SPACES)
        if rendered.layout in ("tsv", "pipe", "markdown") and rnd.random() < 0.25:
            sep = "\t" if rendered.layout == "tsv" else "|"
            line = line.replace(sep, rnd.choice(_SPACES) + sep + rnd.choice(_SPACES))
        out.append(line)
        # blank lines separate rows in the one-cell-per-line layout: add them only where one is
        inside_row = cells and index in tables and lines[index] != ""  # "\t" is an empty cell
        if not inside_row and rnd.random() < 0.2:
            out.append(rnd.choice(("", " ", "\u3000")))
    return _same("whitespace", rendered, "\n".join(out))


_WIDE = {"(": "（", ")": "）", ":": "：", ",": "，", "（": "(", "）": ")", "：": ":", "，": ","}


@st.composite
def _widths(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Full-width digits and punctuation where the text has ASCII, and the other way round."""
    rnd = _seeded(draw)
    share = draw(st.sampled_from((0.1, 0.5, 1.0)))
    out = []
    for ch in rendered.text:
        flip = rnd.random() < share
        if flip and "0" <= ch <= "9":
            ch = chr(ord(ch) - ord("0") + ord("０"))
        elif flip and ch in _WIDE:
            ch = _WIDE[ch]
        out.append(ch)
    return _same("widths", rendered, "".join(out))


@st.composite
def _quotes(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    left, right = draw(st.sampled_from((('"', '"'), ("「", "」"), ("＂", "＂"), ("‘", "’"), ("“", "”"))))
    text = rendered.text.replace("“", left).replace("”", right)
    return _same("quotes", rendered, text)


_ENUM = re.compile(r"(?<![0-9])([1-9])\.(?=[\u4e00-\u9fff])")


@st.composite
def _enumerators(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    mark = draw(st.sampled_from(("、", "．", ". ", "、 ")))
    return _same("enumerators", rendered, _ENUM.sub(lambda m: m.group(1) + mark, rendered.text))


_HAN_PAIR = re.compile(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])")


@st.composite
def _letter_spacing(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """自 然 人: spaces between the characters of table labels (never of headings)."""
    lines, placement = _lines_of(rendered)
    space = draw(st.sampled_from((" ", "\u3000", "  ")))
    targets = sorted(_table_lines(placement))
    chosen = set(draw(st.lists(st.sampled_from(targets), min_size=1, max_size=12)))
    for index in chosen:
        lines[index] = _HAN_PAIR.sub(space, lines[index])
    return _same("letter-spacing", rendered, "\n".join(lines))


@st.composite
def _line_breaks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A label broken over two lines inside its cell (结果\\n纠正)."""
    lines, placement = _lines_of(rendered)
    candidates = [
        (i, m.start()) for i in sorted(_table_lines(placement)) for m in _HAN_PAIR.finditer(lines[i])
    ]
    if not candidates:
        return _same("line-break", rendered, rendered.text)
    picks = sorted(set(draw(st.lists(st.sampled_from(candidates), min_size=1, max_size=4))), reverse=True)
    for index, at in picks:
        lines[index] = lines[index][:at] + "\n" + lines[index][at:]
    return _same("line-break", rendered, "\n".join(lines))


@st.composite
def _wrapped_below(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A long label whose end wrapped onto the line below its numbers, as ``pdftotext -layout``
    prints a tall cell whose text is top-aligned (space-aligned layout only)."""
    lines, placement = _lines_of(rendered)
    candidates = []
    for (table, row), (_first, last) in placement.rows.items():
        if table == "review_litigation":
            continue
        cut = min(a for (t, r, _c), (ln, a, _b) in placement.cells.items() if (t, r) == (table, row))
        label = lines[last][:cut].rstrip()
        # only a long label wraps, and enough of it stays beside the numbers to name the row
        start = len(label) - len(label.lstrip())
        gap = label.rfind("  ")  # a group label to the left: only the row's own label wraps
        start = max(start, gap + 2 if gap >= start else start)
        if len(fold(label[start:])) < 12:
            continue
        breaks = [
            m.start() for m in _HAN_PAIR.finditer(label, start) if len(fold(label[start : m.start()])) >= 6
        ]
        candidates += [(last, label, at) for at in breaks]
    if not candidates:
        return _same("wrapped-below", rendered, rendered.text)
    last, label, at = draw(st.sampled_from(sorted(candidates)))
    tail = label[at:]
    indent = display_width(label[: len(label) - len(label.lstrip())])
    lines[last] = label[:at] + " " * display_width(tail) + lines[last][len(label) :]
    lines[last + 1 : last + 1] = [" " * indent + tail]
    return _same("wrapped-below", rendered, "\n".join(lines))


@st.composite
def _dropped_header(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A header line (or, one cell per line, a header cell) missing: no cell may change."""
    lines, placement = _lines_of(rendered)
    headers = sorted(i for i in _header_lines(placement) if lines[i].strip())
    for index in sorted(set(draw(st.lists(st.sampled_from(headers), min_size=1, max_size=3))), reverse=True):
        del lines[index]
    return _same("dropped-header", rendered, "\n".join(lines))


_TRUNCATIONS = {
    "结果维持": "结果",
    "结果纠正": "结果",
    "其他结果": "其他",
    "尚未审结": "尚未",
    "本年制发件数": "本年制发",
    "本年废止件数": "本年废止",
    "社会公益组织": "社会公益",
    "法律服务机构": "法律服务",
    "商业企业": "商业",
    "本年处理决定数量": "本年处理决定",
}


@st.composite
def _truncated_headers(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = _lines_of(rendered)
    names = draw(st.lists(st.sampled_from(sorted(_TRUNCATIONS)), min_size=1, unique=True))
    for index in _header_lines(placement):
        for name in names:
            lines[index] = lines[index].replace(name, _TRUNCATIONS[name])
    return _same("truncated-header", rendered, "\n".join(lines))


@st.composite
def _heading_marks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = _lines_of(rendered)
    for index in [0, *placement.headings.values()]:
        line = lines[index].lstrip("# ")
        style = draw(st.sampled_from(("#", "##", "###", "####", "**", "")))
        lines[index] = f"**{line}**" if style == "**" else (f"{style} {line}" if style else line)
    return _same("heading-marks", rendered, "\n".join(lines))


_FOOTERS = ("-3-", "- 4 -", "—5—", "第 3 页", "第3页 共9页", "                  -12-", "7 / 9")


@st.composite
def _page_breaks(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Page footers and form feeds, inside the tables too, the way PDF text has them."""
    lines, _ = _lines_of(rendered)
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
    return _same("page-breaks", rendered, "\n".join(lines))


@st.composite
def _repeated_title(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    lines, placement = _lines_of(rendered)
    report = rendered.report
    title = render_title(report)
    where = draw(st.sampled_from(("top", "split", "section")))
    if where == "top":
        lines[0:0] = [title, ""]
    elif where == "split" and report.agency and report.year:
        lines[0:1] = [report.agency, title[len(report.agency) :]]
    else:
        at = placement.headings[1] + 1
        lines[at:at] = [title]
    return _same("repeated-title", rendered, "\n".join(lines))


@st.composite
def _sub_headings(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Sub-headings that share a section's numeral or title words but are not section headings."""
    lines, placement = _lines_of(rendered)
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
    return _same("sub-headings", rendered, "\n".join(lines))


def _blank_row(report: Report, table: str, row: str) -> Report:
    current = getattr(report, table)
    blank = type(getattr(current, row))()
    return attrs.evolve(report, **{table: attrs.evolve(current, **{row: blank})})


def _blank_cell(report: Report, table: str, row: str, column: str) -> Report:
    current = getattr(report, table)
    old = getattr(current, row)
    return attrs.evolve(
        report, **{table: attrs.evolve(current, **{row: attrs.evolve(old, **{column: Cell()})})}
    )


def _labelled_rows(placement: Placement) -> list[tuple[str, str]]:
    return sorted(key for key in placement.rows if key[0] != "review_litigation")


@st.composite
def _dropped_row(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A table row missing from the text: its cells blank, with a missing-row diagnostic."""
    lines, placement = _lines_of(rendered)
    table, row = draw(st.sampled_from(_labelled_rows(placement)))
    first, last = placement.rows[table, row]
    if rendered.layout == "cells" and last + 1 < len(lines) and not lines[last + 1]:
        last += 1
    del lines[first : last + 1]
    expected = _blank_row(rendered.report, table, row)
    missing = OTHER_SUBROWS if row == "other_processing" else (row,)
    return Mutated(
        "dropped-row",
        "\n".join(lines),
        expected,
        rendered.layout,
        required=tuple(("missing-row", table, r) for r in missing),
    )


_BLANK_MARKS = ("—", "-", "/", "无", "——")


@st.composite
def _emptied_cell(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """One value cell printed empty (or with a blank mark): that cell reads None, no other."""
    lines, placement = _lines_of(rendered)
    report = rendered.report
    filled = [key for key, value in cell_values(report).items() if value is not None]
    if not filled:
        return _same("emptied-cell", rendered, rendered.text)
    table, row, column = draw(st.sampled_from(sorted(filled)))
    line, a, b = placement.cells[table, row, column]
    marks = _BLANK_MARKS if rendered.layout == "columns" else ("", *_BLANK_MARKS)
    mark = draw(st.sampled_from(marks))
    lines[line] = lines[line][:a] + mark + lines[line][b:]
    return Mutated("emptied-cell", "\n".join(lines), _blank_cell(report, table, row, column), rendered.layout)


_FIRST_CELL = {
    "tsv": re.compile(r"^[^\t]*\t"),
    "pipe": re.compile(r"^\s*\|?[^|]*\|"),
    "markdown": re.compile(r"^\s*\|[^|]*\|"),
}


@st.composite
def _shifted_row(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """A row that lost its leading cell and shifted left, as merged cells leave rows in copied
    tables. Losing an empty (merged) cell or a group label changes nothing; losing the row's
    label may leave the row unreadable (missing-row, unless its place identifies it); losing a
    value leaves the row with too few values."""
    lines, placement = _lines_of(rendered)
    keys = sorted(placement.rows)
    table, row = draw(st.sampled_from(keys))
    first, last = placement.rows[table, row]
    damaged_row: str | None = None if table == "review_litigation" else row
    # a value cell (even a blank one, of any row printed on the line) lost: one value too few
    spans = [span for (t, _r, _c), span in placement.cells.items() if t == table]
    value_lost = False
    if rendered.layout == "cells":
        lost = lines[first].strip()
        value_lost = any(line == first for line, _a, _b in spans)
        del lines[first]
    elif rendered.layout == "columns":
        # the space-aligned layout cannot lose a cell and keep the others in place: the label goes
        cut = min(a for line, a, _b in spans if line == last)  # where the line's first value starts
        lost = lines[last][:cut].strip()
        lines[last] = " " * cut + lines[last][cut:]
        for index in range(first, last):
            lines[index] = ""
    else:
        match = _FIRST_CELL[rendered.layout].match(lines[last])
        assert match is not None
        lost = match.group(0).strip(" \t|")
        value_lost = any(line == last and a < match.end() for line, a, _b in spans)
        lines[last] = lines[last][match.end() :]
        if rendered.layout == "markdown":
            lines[last] = "|" + lines[last]
    text = "\n".join(lines)
    spec = _row_spec(rendered.report, table, row)
    own_label = spec is not None and _squeeze(spec.label) in _squeeze(lost)
    if not own_label and not value_lost:
        # an empty (merged) cell or a group label: nothing the reader needs
        return Mutated("shifted-row", text, rendered.report, rendered.layout)
    codes = frozenset({"missing-row", "row-value-count", "table-value-count", "missing-table"})
    return Mutated(
        "shifted-row", text, rendered.report, rendered.layout, damaged=((table, damaged_row),), codes=codes
    )


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_spec(report: Report, table: str, row: str) -> RowSpec | None:
    """The template row of a labelled table in the report's own format (None for table 四)."""
    spec = get_format(report.format).tables.get(table)
    return next((r for r in spec.rows if r.id == row), None) if spec is not None else None


def _group_thousands(digits: str, comma: str) -> str:
    head, dot, tail = digits.partition(".")
    groups: list[str] = []
    while len(head) > 3:
        groups.insert(0, head[-3:])
        head = head[:-3]
    return comma.join([head, *groups]) + dot + tail


@st.composite
def _number_formats(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Numbers with thousands separators (3,985,758) or in full-width digits (１２)."""
    lines, placement = _lines_of(rendered)
    spans = [span for span in placement.cells.values() if span[2] > span[1]]
    if not spans:
        return _same("number-format", rendered, rendered.text)
    chosen = sorted(
        set(draw(st.lists(st.sampled_from(spans), min_size=1, max_size=20))), key=lambda s: (s[0], -s[1])
    )
    for line, a, b in chosen:
        number = lines[line][a:b]
        if not re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", number):
            continue
        style = draw(st.sampled_from(("comma", "wide-comma", "full-width")))
        if style == "full-width":
            new = "".join(chr(ord(c) - ord("0") + ord("０")) if c.isdigit() else "．" for c in number)
        else:
            new = _group_thousands(number, "," if style == "comma" else "，")
        lines[line] = lines[line][:a] + new + lines[line][b:]
    return _same("number-format", rendered, "\n".join(lines))


_ARTEFACT = "[bookmark: _GoBack]"


@st.composite
def _word_artefacts(draw: st.DrawFn, rendered: Rendered) -> Mutated:
    """Word's ``[bookmark: _GoBack]`` left at the start or the end of a line."""
    lines = rendered.text.split("\n")
    for index in set(draw(st.lists(st.integers(0, len(lines) - 1), min_size=1, max_size=4))):
        if draw(st.booleans()):
            lines[index] = _ARTEFACT + lines[index]
        else:
            lines[index] = lines[index] + _ARTEFACT
    return _same("word-artefact", rendered, "\n".join(lines))


#: Every mutation by name. Each takes a :class:`Rendered` and gives a strategy of
#: :class:`Mutated`; the changed text must parse as the Mutated says.
MUTATIONS: Mapping[str, Mutation] = {
    "whitespace": _whitespace,
    "widths": _widths,
    "quotes": _quotes,
    "enumerators": _enumerators,
    "letter-spacing": _letter_spacing,
    "line-break": _line_breaks,
    "truncated-header": _truncated_headers,
    "heading-marks": _heading_marks,
    "page-breaks": _page_breaks,
    "repeated-title": _repeated_title,
    "sub-headings": _sub_headings,
    "wrapped-below": _wrapped_below,
    "dropped-header": _dropped_header,
    "dropped-row": _dropped_row,
    "emptied-cell": _emptied_cell,
    "shifted-row": _shifted_row,
    "number-format": _number_formats,
    "word-artefact": _word_artefacts,
}


#: Mutations that only make sense in some layouts (every other kind applies to every layout).
#: A line break inside a cell of a pipe table leaves a line without its outer bar, which the
#: reader takes for a table without outer bars (html2text): pipe rows break labels only with
#: spaces.
MUTATION_LAYOUTS: Mapping[str, tuple[str, ...]] = {
    "wrapped-below": ("columns",),
    "line-break": ("tsv", "cells", "columns"),
}


def mutations(rendered: Rendered, kinds: Iterable[str] | None = None) -> st.SearchStrategy[Mutated]:
    """One mutation of ``rendered``, of any kind in ``kinds`` (all of :data:`MUTATIONS` that apply
    to its layout by default)."""
    names = list(kinds) if kinds is not None else list(MUTATIONS)
    names = [n for n in names if rendered.layout in MUTATION_LAYOUTS.get(n, (rendered.layout,))]
    return st.one_of(*(MUTATIONS[name](rendered) for name in names))


__all__ = [
    "HEADING_VARIANTS",
    "MUTATIONS",
    "MUTATION_LAYOUTS",
    "Mutated",
    "Mutation",
    "Rendered",
    "agencies",
    "cell_differences",
    "cell_values",
    "check_mutated",
    "mutations",
    "report_texts",
    "reports",
    "reports_2019",
]
