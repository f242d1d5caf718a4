"""The parsed report as small, frozen, typed objects.

Every table value is a :class:`Cell`: the number as printed (``int``; ``Decimal`` for amounts) or
``None`` when the report prints the cell empty or leaves it out — never 0. A cell remembers the
place it was read from (:class:`Location`: a line of a text, a cell of a web page's or Word
file's table, a page and position in a PDF); that is provenance, not data, so it takes no part
in equality and a report read back from JSON equals the report that was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from .checks.findings import ValidationResult

Value = int | Decimal | None
Severity = Literal["error", "warning", "info"]


@attrs.frozen(repr=False)
class Location:
    """Where something stands in the document it was read from: a line of a text file; a table,
    row and cell of an HTML page or a Word file (0-based, counting the document's tables and a
    row's cells as the file lists them); a page (from 1) and a position on it (points from the
    top left) in a PDF, with the table, row and column of a table the PDF draws. Fields that do
    not apply are None."""

    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    x: float | None = None
    y: float | None = None

    def _set(self) -> list[tuple[str, object]]:
        fields = (
            ("line", self.line),
            ("page", self.page),
            ("table", self.table),
            ("row", self.row),
            ("cell", self.cell),
            ("x", self.x),
            ("y", self.y),
        )
        return [(name, value) for name, value in fields if value is not None]

    def __str__(self) -> str:
        """``page 2, table 0, row 5, cell 3, x 120.5, y 340.2`` — the fields that apply."""
        return ", ".join(f"{name} {value}" for name, value in self._set())

    def __repr__(self) -> str:
        return "Location(" + ", ".join(f"{name}={value!r}" for name, value in self._set()) + ")"


@attrs.frozen
class Cell:
    """One table cell: ``value`` as printed (None when blank), and where it was read.

    ``line`` is the 1-based line of the text the report was read as (a document's laid-out
    text); ``column`` the cell's place in its printed row where the layout keeps the table's
    cells apart; ``origin`` where a document reader found it (set for web pages, Word files and
    PDFs). :attr:`location` gives the one that applies. All three are provenance, not data.
    """

    value: Value = None
    line: int | None = attrs.field(default=None, eq=False, repr=False)
    column: int | None = attrs.field(default=None, eq=False, repr=False)
    origin: Location | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def blank(self) -> bool:
        return self.value is None

    @property
    def location(self) -> Location | None:
        """Where the cell was read: its place in the document, or its line in a text."""
        if self.origin is not None:
            return self.origin
        return Location(line=self.line) if self.line is not None else None


BLANK = Cell()


def _cell() -> Cell:
    return attrs.field(default=BLANK)


class _Row:
    """Shared behaviour of table rows: iterate cells in column order, look cells up by id."""

    def by_column(self) -> Iterator[tuple[str, Cell]]:
        """(column id, cell) in column order."""
        for a in attrs.fields(type(self)):  # type: ignore[arg-type]
            yield a.name, getattr(self, a.name)

    def cells(self) -> tuple[Cell, ...]:
        return tuple(getattr(self, a.name) for a in attrs.fields(type(self)))  # type: ignore[arg-type]

    def values(self) -> tuple[Value, ...]:
        return tuple(c.value for c in self.cells())

    def __getitem__(self, column: str) -> Cell:
        cell = getattr(self, column, None)
        if not isinstance(cell, Cell):
            raise KeyError(column)
        return cell


ExtraRows = Mapping[str, Mapping[str, Cell]]


class _Table:
    """Shared behaviour of the three tables: their cells in the order of the data contract."""

    def cells(self) -> Iterator[tuple[str, str, Cell]]:
        """(row id, column id, cell) of every cell: the template's rows in order, then the rows a
        regional variant adds."""
        for row_id, columns in table_layout(type(self)):
            row = getattr(self, row_id)
            for column in columns:
                yield row_id, column, getattr(row, column)
        extra: ExtraRows = getattr(self, "extra_rows", {})
        for row_id, cells in extra.items():
            for column, cell in cells.items():
                yield row_id, column, cell


def _extra_rows() -> ExtraRows:
    # Rows a registered regional variant adds to a table: {row id: {column id: Cell}}, kept in
    # the order the variant's grammar lists them. Not hashed (a mapping), but compared.
    return attrs.field(factory=dict, hash=False)


# --- Table 二's rows (format 2021): 主动公开政府信息情况 ------------------------------------------------


@attrs.frozen
class DocumentCounts(_Row):
    """规章 / 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数."""

    issued: Cell = _cell()
    repealed: Cell = _cell()
    in_force: Cell = _cell()


@attrs.frozen
class Decisions(_Row):
    """行政许可 / 行政处罚 / 行政强制: 本年处理决定数量."""

    decisions: Cell = _cell()


@attrs.frozen
class Fees(_Row):
    """行政事业性收费: 本年收费金额, in 万元 (a Decimal)."""

    amount: Cell = _cell()


# --- Table 二's rows (format 2019) ----------------------------------------------------------------------


@attrs.frozen
class DocumentCounts2019(_Row):
    """规章 / 规范性文件 (format 2019): 本年新制作数量, 本年新公开数量, 对外公开总数量."""

    new_made: Cell = _cell()
    new_published: Cell = _cell()
    total_published: Cell = _cell()


@attrs.frozen
class ItemCounts2019(_Row):
    """行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 (format 2019): 上一年项目数量,
    本年增/减 (signed), 处理决定数量."""

    previous_items: Cell = _cell()
    change: Cell = _cell()
    decisions: Cell = _cell()


@attrs.frozen
class FeeItems2019(_Row):
    """行政事业性收费 (format 2019): 上一年项目数量, 本年增/减 (signed)."""

    previous_items: Cell = _cell()
    change: Cell = _cell()


@attrs.frozen
class Procurement(_Row):
    """政府集中采购 (format 2019): 采购项目数量, 采购总金额 (a Decimal, in the report's unit)."""

    items: Cell = _cell()
    total_amount: Cell = _cell()


# --- Table 二 in each template -----------------------------------------------------------------


@attrs.frozen
class ActiveDisclosure(_Table):
    """Table 二 of format 2021. Ten value cells with no arithmetic between them."""

    regulations: DocumentCounts = attrs.field(factory=DocumentCounts)
    normative_documents: DocumentCounts = attrs.field(factory=DocumentCounts)
    licensing: Decisions = attrs.field(factory=Decisions)
    punishment: Decisions = attrs.field(factory=Decisions)
    enforcement: Decisions = attrs.field(factory=Decisions)
    fees: Fees = attrs.field(factory=Fees)
    extra_rows: ExtraRows = _extra_rows()


@attrs.frozen
class ActiveDisclosure2019(_Table):
    """Table 二 of format 2019: five sub-tables, 22 value cells."""

    regulations: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    normative_documents: DocumentCounts2019 = attrs.field(factory=DocumentCounts2019)
    licensing: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    other_services: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    punishment: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    enforcement: ItemCounts2019 = attrs.field(factory=ItemCounts2019)
    fees: FeeItems2019 = attrs.field(factory=FeeItems2019)
    procurement: Procurement = attrs.field(factory=Procurement)
    extra_rows: ExtraRows = _extra_rows()


# --- Table 三: 收到和处理政府信息公开申请情况 --------------------------------------------------------


@attrs.frozen
class RequestRow(_Row):
    """One row of table 三: the six applicant columns and 总计."""

    natural_person: Cell = _cell()
    commercial_enterprise: Cell = _cell()
    research_institution: Cell = _cell()
    social_welfare_org: Cell = _cell()
    legal_service_org: Cell = _cell()
    other_org: Cell = _cell()
    total: Cell = _cell()


def _row() -> RequestRow:
    return attrs.field(factory=RequestRow)


@attrs.frozen
class Requests(_Table):
    """Table 三, all 26 row ids of the data contract (``other_processing`` is the single
    （六）其他处理 row of format 2019; it is blank in a normal format-2021 report)."""

    new_received: RequestRow = _row()
    carried_over: RequestRow = _row()
    granted: RequestRow = _row()
    partially_granted: RequestRow = _row()
    denied_state_secret: RequestRow = _row()
    denied_prohibited_by_law: RequestRow = _row()
    denied_three_safeties: RequestRow = _row()
    denied_third_party: RequestRow = _row()
    denied_internal_affairs: RequestRow = _row()
    denied_process_info: RequestRow = _row()
    denied_law_enforcement_file: RequestRow = _row()
    denied_inquiry: RequestRow = _row()
    unavailable_not_held: RequestRow = _row()
    unavailable_needs_compilation: RequestRow = _row()
    unavailable_unclear: RequestRow = _row()
    rejected_petition: RequestRow = _row()
    rejected_duplicate: RequestRow = _row()
    rejected_publication: RequestRow = _row()
    rejected_excessive: RequestRow = _row()
    rejected_confirmation: RequestRow = _row()
    other_processing: RequestRow = _row()
    other_overdue_correction: RequestRow = _row()
    other_unpaid_fee: RequestRow = _row()
    other_misc: RequestRow = _row()
    total_processed: RequestRow = _row()
    carried_forward: RequestRow = _row()
    extra_rows: ExtraRows = _extra_rows()

    def rows(self) -> Iterator[tuple[str, RequestRow]]:
        """(row id, row) in template order."""
        for row_id in REQUEST_ROWS:
            yield row_id, getattr(self, row_id)

    def __getitem__(self, row_id: str) -> RequestRow:
        if row_id not in REQUEST_ROWS:
            raise KeyError(row_id)
        row: RequestRow = getattr(self, row_id)
        return row


# --- Table 四: 行政复议、行政诉讼 -------------------------------------------------------------------


@attrs.frozen
class ReviewBlock(_Row):
    """One block of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计."""

    upheld: Cell = _cell()
    corrected: Cell = _cell()
    other: Cell = _cell()
    pending: Cell = _cell()
    total: Cell = _cell()


@attrs.frozen
class ReviewLitigation(_Table):
    """Table 四: 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）."""

    review: ReviewBlock = attrs.field(factory=ReviewBlock)
    litigation_direct: ReviewBlock = attrs.field(factory=ReviewBlock)
    litigation_after_review: ReviewBlock = attrs.field(factory=ReviewBlock)

    def blocks(self) -> Iterator[tuple[str, ReviewBlock]]:
        for block_id in REVIEW_BLOCKS:
            yield block_id, getattr(self, block_id)


_LAYOUTS: dict[type, tuple[tuple[str, tuple[str, ...]], ...]] = {}


def table_layout(cls: type) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(row id, column ids) of a table class, in field order — a variant's ``extra_rows`` aside.
    Every table class has defaults, so an empty table shows its row classes."""
    layout = _LAYOUTS.get(cls)
    if layout is None:
        empty = cls()
        layout = _LAYOUTS[cls] = tuple(
            (field.name, tuple(c.name for c in attrs.fields(type(getattr(empty, field.name)))))
            for field in attrs.fields(cls)
            if field.name != "extra_rows"
        )
    return layout


def _field_ids(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.name != "extra_rows")


#: The ids of the data contract for tables 三 and 四, as the model's fields spell them (the
#: grammars of ``grammars/tables/`` declare the same ids; a test holds the two together).
REQUEST_ROWS: tuple[str, ...] = _field_ids(Requests)
REQUEST_COLUMNS: tuple[str, ...] = _field_ids(RequestRow)
REVIEW_BLOCKS: tuple[str, ...] = _field_ids(ReviewLitigation)
REVIEW_OUTCOMES: tuple[str, ...] = _field_ids(ReviewBlock)


# --- Report -----------------------------------------------------------------------------------


#: Any of the three statistics tables.
Table = ActiveDisclosure | ActiveDisclosure2019 | Requests | ReviewLitigation


def table_class(table_id: str, base: str) -> type[Table]:
    """The model class of a table in a report whose format builds on ``base`` ("2021" or
    "2019"): only table 二 differs between the two templates."""
    if table_id == "active_disclosure":
        return ActiveDisclosure2019 if base == "2019" else ActiveDisclosure
    classes: dict[str, type[Table]] = {"requests": Requests, "review_litigation": ReviewLitigation}
    return classes[table_id]


#: The three statistics tables by their ids in the data contract, in the order of the report.
TABLE_IDS: tuple[str, ...] = ("active_disclosure", "requests", "review_litigation")


@attrs.frozen
class TableCell:
    """One cell of a report's tables with its place in the data contract: table, row and column
    ids, and the :class:`Cell` (value and source line)."""

    table: str
    row: str
    column: str
    cell: Cell

    @property
    def value(self) -> Value:
        return self.cell.value

    @property
    def line(self) -> int | None:
        return self.cell.line


@attrs.frozen
class Period:
    """The statistics period stated in the preamble (统计期限), either end may be unknown."""

    start: dt.date | None = None
    end: dt.date | None = None


@attrs.frozen
class Section:
    """One of the six numbered sections: its number (1–6), heading as printed, body text and
    the line its heading is on."""

    number: int
    heading: str
    text: str
    line: int | None = None


@attrs.frozen
class Diagnostic:
    """Something odd, missing or repaired in the report, with where it is.

    ``code`` is stable (see the README for the list); ``table``/``row``/``column`` use the ids of
    the data contract; ``line`` is 1-based in the text that was parsed.
    """

    code: str
    severity: Severity
    message: str
    message_zh: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None


def blank_table(table: Table | None) -> bool:
    """Whether a table is missing or has no value in any cell: the data contract writes both
    the same way (every cell ``null``), so a report compares them as equal."""
    return table is None or all(cell.value is None for _, _, cell in table.cells())


def _table_key(table: Table | None) -> Table | None:
    return None if blank_table(table) else table


def _table_field() -> Any:
    return attrs.field(default=None, eq=_table_key)


@attrs.frozen
class Report:
    """A parsed 政府信息公开工作年度报告.

    ``format`` is ``"2021"``, ``"2019"``, ``"other"`` (tables not in a known template) or the
    name of a registered regional variant. Tables the report does not contain are ``None``; the
    ``*_table`` properties give such a table as it is written in the data contract, every cell
    blank, so code reading a cell needs no ``None`` check. A missing table and a table with
    every cell blank compare equal (the data contract does not tell them apart).
    """

    format: str
    title: str | None = None
    agency: str | None = None
    year: int | None = None
    period: Period | None = None
    sections: tuple[Section, ...] = ()
    active_disclosure: ActiveDisclosure | ActiveDisclosure2019 | None = _table_field()
    requests: Requests | None = _table_field()
    review_litigation: ReviewLitigation | None = _table_field()
    diagnostics: tuple[Diagnostic, ...] = ()
    #: which reader read the report ("text", "html", "docx", "pdf" …): provenance, like a cell's
    #: line, so it takes no part in equality and is not part of the data contract
    source_kind: str = attrs.field(default="text", eq=False)

    @property
    def active_disclosure_table(self) -> ActiveDisclosure | ActiveDisclosure2019:
        """Table 二, or its all-blank form in the report's template when the report lacks it."""
        if self.active_disclosure is not None:
            return self.active_disclosure
        return _blank(self.format, "active_disclosure")  # type: ignore[return-value]

    @property
    def requests_table(self) -> Requests:
        """Table 三, or its all-blank form when the report lacks it."""
        if self.requests is not None:
            return self.requests
        return _blank(self.format, "requests")  # type: ignore[return-value]

    @property
    def review_litigation_table(self) -> ReviewLitigation:
        """Table 四, or its all-blank form when the report lacks it."""
        if self.review_litigation is not None:
            return self.review_litigation
        return _blank(self.format, "review_litigation")  # type: ignore[return-value]

    def table_or_blank(self, table_id: str) -> Table:
        """The table ``table_id`` as the data contract writes it: the report's own, or every
        cell blank in the report's template (with a regional variant's rows)."""
        table: Table | None = getattr(self, table_id)
        return table if table is not None else _blank(self.format, table_id)

    def section(self, number: int) -> Section | None:
        """The section with this number (1–6), or None when the report lacks it."""
        for s in self.sections:
            if s.number == number:
                return s
        return None

    def tables(self) -> Iterator[tuple[str, Table]]:
        """(table id, table) of the tables the report has, in the order of the report."""
        for table_id in TABLE_IDS:
            table = getattr(self, table_id)
            if table is not None:
                yield table_id, table

    def cells(self) -> Iterator[TableCell]:
        """Every cell of the report's tables, in the order of the data contract (a table the
        report lacks has none): the one walk over cells that writers and checks share."""
        for table_id, table in self.tables():
            for row, column, cell in table.cells():
                yield TableCell(table_id, row, column, cell)

    def check(self) -> ValidationResult:
        """Every 勾稽关系 and template rule of this report, as findings (:func:`govinfo_report.validate`)."""
        if _validator is None:  # pragma: no cover - the package imports its validator
            raise RuntimeError("no validator: import govinfo_report")
        return _validator(self)


def _plain_blank(format_name: str, table_id: str) -> Table:
    return table_class(table_id, "2019" if format_name == "2019" else "2021")()


#: Builds the all-blank table of a format. The formats sit above the model (a variant's base
#: and extra rows come from its grammar), so the contract hands its builder down here when it
#: is imported, which ``import govinfo_report`` always does.
_blank_builder: Callable[[str, str], Table] = _plain_blank


def _blank(format_name: str, table_id: str) -> Table:
    return _blank_builder(format_name, table_id)


def provide_blank_tables(builder: Callable[[str, str], Table]) -> None:
    """Make ``builder(format, table_id)`` the one that builds a missing table's blank form."""
    global _blank_builder
    _blank_builder = builder


#: The validator :meth:`Report.check` runs. The checks sit above the model (they read reports),
#: so they hand their entry point down here when they are imported, which ``import
#: govinfo_report`` always does.
_validator: Callable[[Report], ValidationResult] | None = None


def provide_validator(validator: Callable[[Report], ValidationResult]) -> None:
    """Make ``validator`` the one :meth:`Report.check` runs."""
    global _validator
    _validator = validator


__all__ = [
    "BLANK",
    "REQUEST_COLUMNS",
    "REQUEST_ROWS",
    "REVIEW_BLOCKS",
    "REVIEW_OUTCOMES",
    "TABLE_IDS",
    "ActiveDisclosure",
    "ActiveDisclosure2019",
    "Cell",
    "Decisions",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2019",
    "ExtraRows",
    "FeeItems2019",
    "Fees",
    "ItemCounts2019",
    "Period",
    "Procurement",
    "Report",
    "RequestRow",
    "Requests",
    "ReviewBlock",
    "ReviewLitigation",
    "Section",
    "Severity",
    "Table",
    "TableCell",
    "Value",
    "blank_table",
    "provide_blank_tables",
    "table_class",
    "table_layout",
]
