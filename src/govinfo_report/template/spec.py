"""The national template as data: the ids of the JSON data contract and the shape of a table.

This module holds the canonical ids of the data contract (FORMAT.md §6) — row, column and block
ids — and the :class:`TableSpec`/:class:`RowSpec` classes. The label vocabulary of each labelled
table (printed labels, spellings, groups, column kinds) lives in its grammar,
``grammars/tables/*.lark``, and is read into a TableSpec by :mod:`govinfo_report.formats`; the
built-in ones are available here as ``ACTIVE_DISCLOSURE_2021``, ``ACTIVE_DISCLOSURE_2019`` and
``REQUESTS``.
"""

from __future__ import annotations

from typing import Literal

import attrs

SCHEMA_VERSION = 1

REQUEST_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)
REQUEST_COLUMN_LABELS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial_enterprise": "商业企业",
    "research_institution": "科研机构",
    "social_welfare_org": "社会公益组织",
    "legal_service_org": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}

REVIEW_OUTCOMES: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")
REVIEW_OUTCOME_LABELS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}
REVIEW_BLOCKS: tuple[str, ...] = ("review", "litigation_direct", "litigation_after_review")
REVIEW_BLOCK_LABELS: dict[str, str] = {
    "review": "行政复议",
    "litigation_direct": "行政诉讼·未经复议直接起诉",
    "litigation_after_review": "行政诉讼·复议后起诉",
}


#: What a value column holds: a count, a signed change (本年增/减) or an amount (decimals).
ColumnKind = Literal["count", "change", "amount"]


@attrs.frozen(cache_hash=True)
class RowSpec:
    """One printed row of a statistics table, as a table vocabulary grammar declares it.

    ``label`` is the row's own (leaf) label as the template prints it; ``group`` the merged
    group cell to its left, if any. ``aliases`` are other spellings seen in published reports.
    ``columns`` names the value cells in order and ``kinds`` says what each holds: ``count``,
    ``change`` (a signed count) or ``amount`` (may have decimals, read as Decimal).
    """

    id: str
    label: str
    columns: tuple[str, ...]
    group: str | None = None
    aliases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def kind(self, index: int) -> ColumnKind:
        """What value column ``index`` holds; a count where the grammar does not say."""
        declared = self.kinds[index] if index < len(self.kinds) else "count"
        return "amount" if declared == "amount" else "change" if declared == "change" else "count"

    def decimal(self, index: int) -> bool:
        """Whether value column ``index`` is an amount (kept as Decimal)."""
        return self.kind(index) == "amount"

    def signed(self, index: int) -> bool:
        """Whether value column ``index`` holds a signed change (本年增/减)."""
        return self.kind(index) == "change"


@attrs.frozen(cache_hash=True)
class TableSpec:
    """A statistics table: its id in the data contract, its title and its rows in template order."""

    id: str
    title: str
    rows: tuple[RowSpec, ...]

    def row(self, row_id: str) -> RowSpec:
        for spec in self.rows:
            if spec.id == row_id:
                return spec
        raise KeyError(row_id)


#: The three statistics tables by their Chinese titles.
TABLE_NAMES_ZH: dict[str, str] = {
    "active_disclosure": "主动公开政府信息情况",
    "requests": "收到和处理政府信息公开申请情况",
    "review_litigation": "政府信息公开行政复议、行政诉讼情况",
}

ACTIVE_COLUMN_LABELS: dict[str, str] = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
    # format 2019
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "previous_items": "上一年项目数量",
    "change": "本年增/减",
    "items": "采购项目数量",
    "total_amount": "采购总金额",
}

#: Row ids of table 三 in the order of the data contract.
REQUEST_ROWS: tuple[str, ...] = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_prohibited_by_law",
    "denied_three_safeties",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_law_enforcement_file",
    "denied_inquiry",
    "unavailable_not_held",
    "unavailable_needs_compilation",
    "unavailable_unclear",
    "rejected_petition",
    "rejected_duplicate",
    "rejected_publication",
    "rejected_excessive",
    "rejected_confirmation",
    "other_processing",
    "other_overdue_correction",
    "other_unpaid_fee",
    "other_misc",
    "total_processed",
    "carried_forward",
)
#: The three （六） sub-rows that a single （六）其他处理 row replaces.
OTHER_SUBROWS: tuple[str, ...] = ("other_overdue_correction", "other_unpaid_fee", "other_misc")
#: The leaf result rows whose sum is （七）总计 in format 2021.
RESULT_ROWS_2021: tuple[str, ...] = tuple(r for r in REQUEST_ROWS[2:24] if r != "other_processing")


def __getattr__(name: str) -> TableSpec:
    """The built-in table vocabularies, read from their grammars on first use:
    ``ACTIVE_DISCLOSURE_2021``, ``ACTIVE_DISCLOSURE_2019`` and ``REQUESTS``."""
    if name not in ("ACTIVE_DISCLOSURE_2021", "ACTIVE_DISCLOSURE_2019", "REQUESTS"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .formats import get_format

    if name == "ACTIVE_DISCLOSURE_2021":
        return get_format("2021").tables["active_disclosure"]
    if name == "ACTIVE_DISCLOSURE_2019":
        return get_format("2019").tables["active_disclosure"]
    if name == "REQUESTS":
        return get_format("2021").tables["requests"]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
