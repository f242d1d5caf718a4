"""Numbers the report's prose states for a cell (本年度制发的规范性文件77件), to choose between
readings of glued digits that the arithmetic leaves open."""

from __future__ import annotations

import re
from typing import NamedTuple

from .arithmetic import REVIEW_ROW


class Fact(NamedTuple):
    """A number the report's prose states for one cell, with the words that state it."""

    row: str
    column: str
    value: int
    quote: str


#: Prose statements that name one cell: (table, row, column, pattern with the number).
_FACT_PATTERNS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    (
        "active_disclosure",
        "normative_documents",
        "issued",
        re.compile(r"(?:制发|出台|印发)(?:了|的)?(?:行政)?规范性文件(?:共计|共)?([0-9]+)件"),
    ),
    (
        "active_disclosure",
        "normative_documents",
        "in_force",
        re.compile(r"现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?([0-9]+)件"),
    ),
    (
        "active_disclosure",
        "regulations",
        "issued",
        re.compile(r"(?:制发|出台|印发)(?:了|的)?规章(?:共计|共)?([0-9]+)件"),
    ),
    (
        "requests",
        "new_received",
        "total",
        # not 收到行政复议申请2件: a review or a lawsuit is not a disclosure request
        re.compile(r"(?:新收|收到|接收)(?:(?!复议|诉讼)[^。；;]){0,40}?申请(?:共计|合计|总计|共)?([0-9]+)件"),
    ),
    (
        REVIEW_ROW,
        REVIEW_ROW,
        "review.total",
        re.compile(r"行政复议(?:案件|申请)?(?:共计|共)?([0-9]+)(?:件|起)"),
    ),
)


def prose_facts(text: str) -> dict[str, tuple[Fact, ...]]:
    """Cell values the report's prose states, by table id. Used only to choose between readings
    of glued digits that the arithmetic leaves open, never to fill or change a cell."""
    facts: dict[str, list[Fact]] = {}
    for table, row, column, pattern in _FACT_PATTERNS:
        for match in pattern.finditer(text):
            facts.setdefault(table, []).append(Fact(row, column, int(match.group(1)), match.group(0)))
    return {table: tuple(found) for table, found in facts.items()}
