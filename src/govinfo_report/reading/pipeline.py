"""The pipeline: text → normalised text → skeleton → table grids → rows → :class:`Report`.

Each stage lives in its own module (normalize, skeleton, grid, tables); this one only wires them
together, decides the format, and turns what the stages read into the model objects.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import attrs

from .. import diagnostics as diag
from ..errors import NotAReportError, ReportError
from ..model import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Cell,
    Diagnostic,
    Report,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    table_layout,
)
from ..template import formats
from ..template.spec import OTHER_SUBROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES, TABLE_NAMES_ZH, TableSpec
from . import decoding as flatten
from .block import read_block_values
from .grid import read_grid
from .items import grid_items, observed_rows
from .metadata import find_period, find_title, qualify_agency
from .normalize import line_starts
from .placement import read_rows
from .skeleton import SECTION_TITLES, Skeleton, read_skeleton

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def detect_format(text: str, year: int | None = None) -> str:
    """The format a report's tables are in, decided by their wording (FORMAT.md §3).

    A registered variant wins when all of its markers are present. Otherwise the template with
    more of its markers present wins; on a tie the year decides (2019 and 2020 reports use the
    2019 template); with no marker at all the answer is ``"other"``.
    """
    folded = text.replace(" ", "")
    best_variant, best_hits = None, 0
    for name in formats.names()[2:]:
        wanted = formats.markers(name)
        hits = sum(m in folded for m in wanted)
        if wanted and hits == len(wanted) and hits > best_hits:
            best_variant, best_hits = name, hits
    if best_variant is not None:
        return best_variant
    score_2021 = sum(m in folded for m in formats.markers("2021"))
    score_2019 = sum(m in folded for m in formats.markers("2019"))
    if score_2019 != score_2021:
        return "2019" if score_2019 > score_2021 else "2021"
    if score_2021 == 0:
        return "other"
    return "2019" if year is not None and year <= 2020 else "2021"


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


def _stand_in(normalized: str, skeleton: Skeleton, number: int, after_line: int = 0) -> _Region:
    """Where the table of section ``number`` must be when its heading was not found (a converter
    that drops headings, a heading worded beyond recognition): the body of the nearest earlier
    section that was found — the lost section's text ran into it — or else the text up to the
    next section found; and in any case after ``after_line``, where the previous table ended."""
    earlier = [n for n in skeleton.bodies if n < number]
    later = [n for n in skeleton.bodies if n > number]
    if earlier:
        start, end = skeleton.bodies[max(earlier)]
    else:
        start, end = 0, skeleton.bodies[min(later)][0] if later else len(normalized)
    starts = line_starts(normalized)
    if after_line:
        start = max(start, min(starts[after_line] if after_line < len(starts) else end, end))
    return _Region(normalized[start:end], bisect.bisect_right(starts, start))


def read_report(normalized: str, forced_format: str | None) -> Report:
    notes: list[Diagnostic] = []
    # The year is read before the skeleton only to break a tie between templates.
    early_title = find_title(normalized[:2000])
    detected = forced_format or detect_format(normalized, early_title.year if early_title else None)
    template = detected
    if detected == "other":
        year_hint = early_title.year if early_title else None
        template = "2019" if year_hint is not None and year_hint <= 2020 else "2021"
    fmt = formats.get_format(template)

    skeleton = read_skeleton(normalized, fmt.skeleton)
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

    # numbers the prose states, which may decide between readings of digits glued together
    facts = flatten.prose_facts("\n".join(s.text for s in skeleton.sections if s.number not in (2, 3, 4)))
    active_cls = ActiveDisclosure2019 if fmt.base == "2019" else ActiveDisclosure
    active: ActiveDisclosure | ActiveDisclosure2019 | None = _read_labelled(
        normalized, skeleton, 2, fmt.tables["active_disclosure"], active_cls, notes, facts
    )
    requests: Requests | None = _read_labelled(
        normalized,
        skeleton,
        3,
        fmt.tables["requests"],
        Requests,
        notes,
        facts,
        after_line=_last_line(active),
    )
    review: ReviewLitigation | None = None
    region = _region(normalized, skeleton, 4)
    if region is not None:
        review = _read_review(region, notes, facts)
    elif requests is not None or active is not None:
        # table 四 has no row labels, so it is looked for only after the tables before it
        after = _last_line(requests) or _last_line(active)
        found: list[Diagnostic] = []
        review = _read_review(_stand_in(normalized, skeleton, 4, after), found, facts)
        if review is not None:
            notes.append(_without_heading(4, TABLE_NAMES_ZH["review_litigation"]))
            notes.extend(found)

    if not skeleton.sections and title is None and requests is None and active is None:
        raise NotAReportError(
            "this text is not a government information disclosure annual report "
            "(no report title, no numbered section and no statistics table were found)"
        )
    name = fmt.name
    if detected == "other" and active is None and requests is None:
        name = "other"
        if skeleton.bodies.get(2) or skeleton.bodies.get(3):
            notes.append(diag.make("table-format-unknown", detail=_closest(normalized)))
    if fmt.base == "2019" and requests is not None:
        notes = _other_processing_2019(notes, fmt.tables["requests"])

    report = Report(
        format=name,
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
    if fmt.hook is not None:
        report = fmt.hook(report, formats.HookContext(text=normalized, format=fmt))
        if not isinstance(report, Report):
            raise ReportError(
                f"the hook of format {fmt.name!r} returned {type(report).__name__}, not a Report"
            )
    return report


def _closest(normalized: str) -> str:
    """Which template the tables look most like, and what of it was not found."""
    folded = normalized.replace(" ", "")
    best = max(("2021", "2019"), key=lambda n: sum(m in folded for m in formats.markers(n)))
    missing = [m for m in formats.markers(best) if m not in folded]
    return f"closest is format {best}; not found: {'、'.join(missing)}"


def _first_text(skeleton: Skeleton) -> str:
    return skeleton.sections[0].text[:3000] if skeleton.sections else ""


def _read_labelled(
    normalized: str,
    skeleton: Skeleton,
    section: int,
    spec: TableSpec,
    cls: type[Any],
    notes: list[Diagnostic],
    facts: dict[str, tuple[flatten.Fact, ...]],
    after_line: int = 0,
) -> Any:
    """Read a labelled table (二 or 三) from its section into the model class ``cls``; rows the
    class does not have (a variant's extra rows) go to ``extra_rows``. Without the section's
    heading the table is looked for where the section must have been, after ``after_line``."""
    region = _region(normalized, skeleton, section)
    stand_in = region is None
    if region is None:
        region = _stand_in(normalized, skeleton, section, after_line)
    _, grid = read_grid(region.text, region.first_line)
    result = read_rows(observed_rows(grid_items(grid)), spec, facts=facts.get(spec.id, ()))
    if not result.found:
        if not stand_in:  # a lost section says so already
            notes.append(
                diag.make("missing-table", table=spec.id, table_zh=TABLE_NAMES_ZH.get(spec.id, spec.title))
            )
        return None
    if stand_in:
        notes.append(_without_heading(section, TABLE_NAMES_ZH.get(spec.id, spec.title)))
    notes.extend(result.diagnostics)
    fields = attrs.fields_dict(cls)
    rows: dict[str, object] = {}
    extra: dict[str, dict[str, Cell]] = {}
    for row in spec.rows:
        cells = result.rows.get(row.id)
        if row.id in fields and row.id != "extra_rows":
            if cells is not None:
                row_cls: Any = fields[row.id].type
                rows[row.id] = row_cls(*cells)
        else:
            values = cells or tuple(Cell() for _ in row.columns)
            extra[row.id] = dict(zip(row.columns, values, strict=True))
    return cls(**rows, extra_rows=extra)


def _other_processing_2019(notes: list[Diagnostic], spec: TableSpec) -> list[Diagnostic]:
    """In the 2019 template （六）其他处理 is one row: printed so, it is normal; not found, it is
    the row to name, not the three sub-rows of 2021 that the template never had."""
    if any(d.code == "other-processing-single-row" for d in notes):
        return [d for d in notes if d.code != "other-processing-single-row"]
    missing = [d for d in notes if d.code == "missing-row" and d.table == spec.id and d.row in OTHER_SUBROWS]
    if len(missing) < len(OTHER_SUBROWS):
        return notes  # printed as in 2021, with its sub-rows
    label = spec.row("other_processing").label
    lost = diag.make("missing-row", table=spec.id, row="other_processing", label=label)
    return [d for d in notes if d not in missing] + [lost]


def _last_line(table: Any) -> int:
    """The last source line of a table that was read (0 for none)."""
    if table is None:
        return 0
    rows = [getattr(table, row_id) for row_id, _ in table_layout(type(table))]
    return max((cell.line for row in rows for cell in row.cells() if cell.line is not None), default=0)


def _without_heading(section: int, table_zh: str) -> Diagnostic:
    return diag.make("table-without-heading", table_zh=table_zh, number=section)


def _read_review(
    region: _Region, notes: list[Diagnostic], facts: dict[str, tuple[flatten.Fact, ...]]
) -> ReviewLitigation | None:
    _, grid = read_grid(region.text, region.first_line)
    values, found_notes = read_block_values(
        grid_items(grid),
        15,
        "review_litigation",
        TABLE_NAMES_ZH["review_litigation"],
        anchor="行政复议",
        facts=facts.get("review_litigation", ()),
    )
    notes.extend(found_notes)
    if values is None:
        return None
    per = len(REVIEW_OUTCOMES)
    blocks = {block: ReviewBlock(*values[k * per : (k + 1) * per]) for k, block in enumerate(REVIEW_BLOCKS)}
    return ReviewLitigation(**blocks)


for _cls in (ActiveDisclosure, ActiveDisclosure2019, Requests):
    attrs.resolve_types(_cls)
