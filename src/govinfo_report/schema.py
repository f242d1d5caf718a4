"""The national template as data: table ids, row ids, column ids and the labels printed for them.

This module is the single source of the canonical ids of the JSON data contract (FORMAT.md §6)
and of the label vocabulary the row matcher compares printed labels with. The model classes, the
serialiser, the table reader and the renderer all read it, so a row or column is named once.
"""

from __future__ import annotations

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


@attrs.frozen(cache_hash=True)
class RowSpec:
    """One printed row of a statistics table.

    ``label`` is the row's own (leaf) label as the template prints it; ``group`` the merged
    group cell to its left, if any. ``aliases`` are other spellings seen in published reports.
    ``columns`` names the value cells in order; ``decimal`` marks amounts that may have decimals.
    """

    id: str
    label: str
    columns: tuple[str, ...]
    group: str | None = None
    aliases: tuple[str, ...] = ()
    decimal: bool = False


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


_DOCS = ("issued", "repealed", "in_force")

ACTIVE_DISCLOSURE_2021 = TableSpec(
    id="active_disclosure",
    title="二、主动公开政府信息情况",
    rows=(
        RowSpec("regulations", "规章", _DOCS, group="第二十条第（一）项"),
        RowSpec(
            "normative_documents",
            "行政规范性文件",
            _DOCS,
            group="第二十条第（一）项",
            aliases=("规范性文件",),
        ),
        RowSpec("licensing", "行政许可", ("decisions",), group="第二十条第（五）项"),
        RowSpec("punishment", "行政处罚", ("decisions",), group="第二十条第（六）项"),
        RowSpec("enforcement", "行政强制", ("decisions",), group="第二十条第（六）项"),
        RowSpec(
            "fees",
            "行政事业性收费",
            ("amount",),
            group="第二十条第（八）项",
            decimal=True,
        ),
    ),
)
ACTIVE_COLUMN_LABELS: dict[str, str] = {
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
    "decisions": "本年处理决定数量",
    "amount": "本年收费金额（单位：万元）",
}

_R = REQUEST_COLUMNS
_RESULTS = "三、本年度办理结果"

REQUESTS = TableSpec(
    id="requests",
    title="三、收到和处理政府信息公开申请情况",
    rows=(
        RowSpec("new_received", "一、本年新收政府信息公开申请数量", _R),
        RowSpec("carried_over", "二、上年结转政府信息公开申请数量", _R),
        RowSpec("granted", "（一）予以公开", _R, group=_RESULTS),
        RowSpec(
            "partially_granted",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            _R,
            group=_RESULTS,
            aliases=("（二）部分公开",),
        ),
        RowSpec("denied_state_secret", "1.属于国家秘密", _R, group="（三）不予公开"),
        RowSpec("denied_prohibited_by_law", "2.其他法律行政法规禁止公开", _R, group="（三）不予公开"),
        RowSpec("denied_three_safeties", "3.危及“三安全一稳定”", _R, group="（三）不予公开"),
        RowSpec("denied_third_party", "4.保护第三方合法权益", _R, group="（三）不予公开"),
        RowSpec("denied_internal_affairs", "5.属于三类内部事务信息", _R, group="（三）不予公开"),
        RowSpec("denied_process_info", "6.属于四类过程性信息", _R, group="（三）不予公开"),
        RowSpec("denied_law_enforcement_file", "7.属于行政执法案卷", _R, group="（三）不予公开"),
        RowSpec("denied_inquiry", "8.属于行政查询事项", _R, group="（三）不予公开"),
        RowSpec("unavailable_not_held", "1.本机关不掌握相关政府信息", _R, group="（四）无法提供"),
        RowSpec("unavailable_needs_compilation", "2.没有现成信息需要另行制作", _R, group="（四）无法提供"),
        RowSpec("unavailable_unclear", "3.补正后申请内容仍不明确", _R, group="（四）无法提供"),
        RowSpec("rejected_petition", "1.信访举报投诉类申请", _R, group="（五）不予处理"),
        RowSpec("rejected_duplicate", "2.重复申请", _R, group="（五）不予处理"),
        RowSpec("rejected_publication", "3.要求提供公开出版物", _R, group="（五）不予处理"),
        RowSpec("rejected_excessive", "4.无正当理由大量反复申请", _R, group="（五）不予处理"),
        RowSpec(
            "rejected_confirmation",
            "5.要求行政机关确认或重新出具已获取信息",
            _R,
            group="（五）不予处理",
        ),
        # Format 2019 (and some 2021-format reports) print （六）其他处理 as one row.
        RowSpec("other_processing", "（六）其他处理", _R, group=_RESULTS),
        RowSpec(
            "other_overdue_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            _R,
            group="（六）其他处理",
        ),
        RowSpec(
            "other_unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            _R,
            group="（六）其他处理",
        ),
        RowSpec("other_misc", "3.其他", _R, group="（六）其他处理"),
        RowSpec("total_processed", "（七）总计", _R, group=_RESULTS),
        RowSpec("carried_forward", "四、结转下年度继续办理", _R),
    ),
)

#: Row ids of table 三 in the order of the contract (the collapsed （六） row last but one group).
REQUEST_ROWS: tuple[str, ...] = tuple(r.id for r in REQUESTS.rows)
#: The three （六） sub-rows that a single （六）其他处理 row replaces.
OTHER_SUBROWS: tuple[str, ...] = ("other_overdue_correction", "other_unpaid_fee", "other_misc")
#: The leaf result rows whose sum is （七）总计 in format 2021.
RESULT_ROWS_2021: tuple[str, ...] = tuple(r for r in REQUEST_ROWS[2:24] if r != "other_processing")
