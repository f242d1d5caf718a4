"""The pipeline: text → normalised text → skeleton → table grids → rows → :class:`Report`.

Each stage lives in its own module (normalize, skeleton, grid, tables); this one only wires them
together, decides the format, and turns what the stages read into the model objects.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import lark

from . import diagnostics as diag
from .errors import NotAReportError, ReportEncodingError, ReportError
from .grid import read_grid
from .metadata import find_period, find_title, qualify_agency
from .model import (
    ActiveDisclosure,
    Cell,
    Decisions,
    Diagnostic,
    DocumentCounts,
    Fees,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
)
from .normalize import normalize
from .schema import ACTIVE_DISCLOSURE_2021, REQUESTS, REVIEW_BLOCKS, REVIEW_OUTCOMES
from .skeleton import SECTION_TITLES, Skeleton, read_skeleton
from .tables import grid_items, observed_rows, read_block_values, read_rows

FORMATS = ("2021", "2019", "other")

_MARKERS_2021 = (
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期不补正",
    "逾期未按收费通知",
)
_MARKERS_2019 = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "第二十条第(九)项",
    "政府集中采购",
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def parse(text: str, *, format: str | None = None) -> Report:
    """Parse the text of one report into a :class:`Report`.

    ``format`` forces the table template (``"2021"`` or ``"2019"``); by default it is detected
    from the tables' own wording. Raises :class:`NotAReportError` for text that is not a report
    at all; anything that is a report comes back as a Report, partial where it must be, with
    diagnostics for everything that could not be read.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the report text as str, not {type(text).__name__}")
    if format is not None and format not in FORMATS[:2]:
        raise ValueError(f"unknown format {format!r}; use '2021' or '2019'")
    _reject_non_text(text)
    normalized = normalize(text)
    if not normalized.strip():
        raise NotAReportError("the text is empty")
    try:
        return _parse(normalized, format)
    except ReportError:
        raise
    except lark.exceptions.VisitError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc.orig_exc!r}") from exc
    except lark.exceptions.LarkError as exc:  # pragma: no cover - defensive
        raise ReportError(f"internal error while reading the report: {exc}") from exc


def parse_file(path: str | Path, *, format: str | None = None) -> Report:
    """Read a report file (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK) and parse it."""
    return parse(read_text(path), format=format)


def read_text(path: str | Path) -> str:
    """Decode a text file in the encodings reports are published in."""
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotAReportError(f"{path}: binary data, not a text report")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ReportEncodingError(
            f"{path}: not UTF-8, UTF-16 or GB18030 text (undecodable byte at offset {exc.start})"
        ) from exc


def _reject_non_text(text: str) -> None:
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotAReportError("binary data, not a text report")


def detect_format(text: str) -> str:
    """'2021' or '2019' from the tables' wording (FORMAT.md §3); 'other' without either."""
    folded = text.replace(" ", "")
    score_2021 = sum(folded.count(m) > 0 for m in _MARKERS_2021)
    score_2019 = sum(folded.count(m) > 0 for m in _MARKERS_2019)
    if score_2019 > score_2021:
        return "2019"
    if score_2021:
        return "2021"
    return "other"


@attrs.frozen
class _Region:
    text: str
    first_line: int


def _region(normalized: str, skeleton: Skeleton, number: int) -> _Region | None:
    """The body of section ``number`` — where its table is — with its first line number."""
    span = skeleton.bodies.get(number)
    if span is None:
        return None
    start, end = span
    return _Region(normalized[start:end], normalized.count("\n", 0, start) + 1)


def _parse(normalized: str, forced_format: str | None) -> Report:
    skeleton = read_skeleton(normalized)
    notes: list[Diagnostic] = []

    title = find_title(skeleton.preamble)
    if title is None and skeleton.sections:
        title = find_title(skeleton.sections[0].text[:400])
    period = find_period(skeleton.preamble + "\n" + _first_text(skeleton))
    year = title.year if title else (period.end.year if period and period.end else None)
    agency = qualify_agency(title.agency, normalized) if title and title.agency else None
    if title is None:
        notes.append(diag.make("no-title"))
    if year is None:
        notes.append(diag.make("no-year"))

    numbers = {s.number for s in skeleton.sections}
    for number, heading in SECTION_TITLES.items():
        if number not in numbers:
            notes.append(diag.make("missing-section", number=number, heading=heading))

    fmt = forced_format or detect_format(normalized)

    active: ActiveDisclosure | None = None
    region = _region(normalized, skeleton, 2)
    if region is not None and fmt != "2019":
        active = _read_active(region, notes)
    elif region is not None:
        notes.append(
            diag.make(
                "table-format-unknown",
                table="active_disclosure",
                detail="format 2019 table 二 is not read yet",
            )
        )

    requests: Requests | None = None
    region = _region(normalized, skeleton, 3)
    if region is not None:
        requests = _read_requests(region, notes)
        if requests is None:
            notes.append(
                diag.make("missing-table", table="requests", table_zh="收到和处理政府信息公开申请情况")
            )

    review: ReviewLitigation | None = None
    region = _region(normalized, skeleton, 4)
    if region is not None:
        review = _read_review(region, notes)

    if not skeleton.sections and title is None and requests is None and active is None:
        raise NotAReportError(
            "this text is not a government information disclosure annual report "
            "(no report title, no numbered section and no statistics table were found)"
        )
    if fmt == "other" and (requests is not None or review is not None):
        fmt = "2021"

    return Report(
        format=fmt,
        title=title.title if title else None,
        agency=agency,
        year=year,
        period=period,
        sections=skeleton.sections,
        active_disclosure=active,
        requests=requests,
        review_litigation=review,
        diagnostics=tuple(notes),
    )


def _first_text(skeleton: Skeleton) -> str:
    return skeleton.sections[0].text[:3000] if skeleton.sections else ""


def _read_active(region: _Region, notes: list[Diagnostic]) -> ActiveDisclosure | None:
    _, grid = read_grid(region.text, region.first_line)
    result = read_rows(observed_rows(grid_items(grid)), ACTIVE_DISCLOSURE_2021)
    if not result.found:
        notes.append(diag.make("missing-table", table="active_disclosure", table_zh="主动公开政府信息情况"))
        return None
    notes.extend(result.diagnostics)
    rows = result.rows

    def cells(row_id: str, n: int) -> tuple[Cell, ...]:
        return rows.get(row_id, (Cell(),) * n)

    return ActiveDisclosure(
        regulations=DocumentCounts(*cells("regulations", 3)),
        normative_documents=DocumentCounts(*cells("normative_documents", 3)),
        licensing=Decisions(*cells("licensing", 1)),
        punishment=Decisions(*cells("punishment", 1)),
        enforcement=Decisions(*cells("enforcement", 1)),
        fees=Fees(*cells("fees", 1)),
    )


def _read_requests(region: _Region, notes: list[Diagnostic]) -> Requests | None:
    _, grid = read_grid(region.text, region.first_line)
    result = read_rows(observed_rows(grid_items(grid)), REQUESTS)
    if not result.found:
        return None
    notes.extend(result.diagnostics)
    return Requests(**{row_id: RequestRow(*cells) for row_id, cells in result.rows.items()})


def _read_review(region: _Region, notes: list[Diagnostic]) -> ReviewLitigation | None:
    _, grid = read_grid(region.text, region.first_line)
    values, found_notes = read_block_values(
        grid_items(grid), 15, "review_litigation", "政府信息公开行政复议、行政诉讼情况", anchor="行政复议"
    )
    notes.extend(found_notes)
    if values is None:
        return None
    per = len(REVIEW_OUTCOMES)
    blocks = {block: ReviewBlock(*values[k * per : (k + 1) * per]) for k, block in enumerate(REVIEW_BLOCKS)}
    return ReviewLitigation(**blocks)
