"""What one parse builds once and every stage reads: the normalised text and its line index,
the space-stripped text the format is detected from, the chosen format, the outline, the
numbers the prose states, and the diagnostics gathered so far. The validator can be handed it
too, so nothing is normalised or indexed twice."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import attrs

from ..limits import Limits, default_limits
from ..model import Diagnostic
from ..template.formats import Format
from . import prose
from .document import PlacedTable
from .grid import GridRow, read_grid
from .grid.document import table_rows
from .metadata import AGENCY_REACH, Title, find_title
from .normalize import LineIndex
from .prose import Claim, Fact
from .skeleton import Skeleton

#: Layouts whose cells a single space or a line break sets apart (see ParseContext.grid).
_SOFT_LAYOUTS = frozenset({"spaced", "lines"})

#: How far into the text the title is looked for before the outline is known (to break a tie
#: between templates by the year).
_TITLE_WINDOW = 2000


@attrs.frozen
class Region:
    """A stretch of the text where a table is looked for, and the line it starts on."""

    text: str
    first_line: int


@attrs.define(eq=False)
class ParseContext:
    """One report being read (see the module docstring)."""

    text: str
    lines: LineIndex
    #: the format asked for, or None to detect it
    forced_format: str | None = None
    #: the format detected ("other" when no template wording was seen) and the one read with
    detected: str = ""
    format: Format | None = None
    skeleton: Skeleton | None = None
    #: the year the report is read as (its title's, else its period's or its words'): the prose
    #: claims are read with it
    year: int | None = None
    #: tables a document reader read from the document's structure, by the lines they stand on
    tables: tuple[PlacedTable, ...] = ()
    #: the bounds on what is read
    limits: Limits = attrs.field(factory=default_limits)
    notes: list[Diagnostic] = attrs.field(factory=list)
    #: the lines each table was looked for on (table id -> first line, line after the last)
    table_lines: dict[str, tuple[int, int]] = attrs.field(factory=dict)

    @classmethod
    def of(
        cls,
        normalized: str,
        forced_format: str | None = None,
        tables: tuple[PlacedTable, ...] = (),
        limits: Limits | None = None,
    ) -> ParseContext:
        return cls(
            text=normalized,
            lines=LineIndex(normalized),
            forced_format=forced_format,
            tables=tables,
            limits=limits or default_limits(),
        )

    @functools.cached_property
    def folded(self) -> str:
        """The text without spaces: format markers are looked for in it."""
        return self.text.replace(" ", "")

    @functools.cached_property
    def claims(self) -> dict[int, tuple[Claim, ...]]:
        """The numbers each prose section states, read on first use (by the validator, or the
        glued-digit decoder): a report whose digits are all apart never needs them."""
        assert self.skeleton is not None
        return prose.section_claims(self.skeleton.sections, self.year)

    @functools.cached_property
    def facts(self) -> dict[str, tuple[Fact, ...]]:
        """The prose claims outside table 三's section, by table: what the glued-digit decoder
        may choose readings by."""
        return prose.facts(c for number, found in self.claims.items() if number != 3 for c in found)

    def facts_for(self, table_id: str) -> Callable[[], Sequence[Fact]]:
        """The facts on one table, as a function a stage calls only when it needs them."""
        return lambda: self.facts.get(table_id, ())

    @functools.cached_property
    def early_title(self) -> Title | None:
        """The title as found near the top of the text, before the outline is read."""
        return find_title(self.text[:_TITLE_WINDOW])

    def title_in(self, preamble: str) -> Title | None:
        """The first title line of the preamble: the early title when it lies wholly in the
        window it was found in, with the lines a later title naming the agency would be looked
        for in, and in the preamble (the same first match), else a new search."""
        early = self.early_title
        if early is not None:
            window = self.text[:_TITLE_WINDOW].split("\n")
            reach = 1 if early.agency is not None else AGENCY_REACH + 1
            inside_window = early.line_index + reach < len(window)
            if inside_window and preamble.count("\n") > early.line_index:
                return early
        return find_title(preamble)

    def region(self, number: int) -> Region | None:
        """The body of section ``number`` — where its table is — with its first line number."""
        assert self.skeleton is not None
        span = self.skeleton.bodies.get(number)
        if span is None:
            return None
        start, end = span
        return Region(self.text[start:end], self.lines.line(start))

    def stand_in(self, number: int, after_line: int = 0) -> Region:
        """Where the table of section ``number`` must be when its heading was not found (a
        converter that drops headings, a heading worded beyond recognition): the body of the
        nearest earlier section that was found — the lost section's text ran into it — or else
        the text up to the next section found; and in any case after ``after_line``, where the
        previous table ended."""
        assert self.skeleton is not None
        bodies = self.skeleton.bodies
        earlier = [n for n in bodies if n < number]
        later = [n for n in bodies if n > number]
        if earlier:
            start, end = bodies[max(earlier)]
        else:
            start, end = 0, bodies[min(later)][0] if later else len(self.text)
        if after_line:
            start = max(start, min(self.lines.start(after_line, end), end))
        return Region(self.text[start:end], self.lines.line(start))

    def grid(self, region: Region) -> tuple[list[GridRow], bool]:
        """The grid rows of a region — a document's tables from their own cells, the rest of the
        region read from its text — and whether its cells' bounds are soft: the region is text
        whose cells a single space or a line break sets apart (a PDF extractor's lines), which
        may fall inside a number a narrow cell wrapped as well as between two cells. Tabs, bars
        and a document's own cells are hard bounds."""
        last = region.first_line + region.text.count("\n")
        inside = [p for p in self.tables if p.first_line <= last and p.last_line >= region.first_line]
        if not inside:
            layout, rows = read_grid(region.text, region.first_line)
            return rows, layout in _SOFT_LAYOUTS
        rows = [
            row
            for placed in inside
            for row in table_rows(placed.table, placed.first_line)
            if region.first_line <= row.line <= last
        ]
        taken = {n for placed in inside for n in range(placed.first_line, placed.last_line + 1)}
        rest = "\n".join(
            "" if region.first_line + i in taken else line for i, line in enumerate(region.text.split("\n"))
        )
        if rest.strip():
            rows += read_grid(rest, region.first_line)[1]
        return sorted(rows, key=lambda row: row.line), False
