"""Numbers the prose states about requests, reviews and lawsuits, against the cells they restate.

Sections 一, 三 and 六 often repeat the tables in words: 全年收到政府信息公开申请15件, 上年结转1件,
办结15件, 结转下年度1件, 行政复议2件、行政诉讼7件, 未发生行政复议、行政诉讼. When such a sentence
disagrees with the table, one of the two is wrong, and the editor needs to see both places. The
numbers are read by :mod:`govinfo_report.reading.prose` (once, during the parse, when the parse
context is at hand); a warning on a correct report costs the reader's trust, so only requests,
reviews and lawsuits stated in a sentence about 信息公开 are compared. A mismatch is a warning,
never an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .. import diagnostics as diag
from ..model import Report, Section, Value
from ..reading.normalize import normalize
from ..reading.prose import CLAIM_CELLS, Claim, claims
from .findings import CellRef, Finding, cell_name, cell_name_zh

#: The kinds of claim the validator compares with the tables, in the sections it reads them in.
_CHECKED = frozenset({"received", "carried_over", "processed", "carried_forward", "review", "litigation"})
_CHECKED_SECTIONS = (1, 3, 6)


def _cell(report: Report, key: tuple[str, str, str]) -> tuple[Value, int | None]:
    table, row, column = key
    source = getattr(report, table)
    if source is None:
        return None, None
    cell = getattr(source, row)[column]
    return cell.value, cell.line


def _agrees(report: Report, claim: Claim) -> tuple[bool | None, Value]:
    """Whether the claim matches its table (None: no table value to compare with), and the
    table value shown in a mismatch."""
    values = [_cell(report, k)[0] for k in CLAIM_CELLS[claim.kind]]
    if claim.kind == "received":
        new = values[0]
        if new is None:
            return None, None
        carried = _cell(report, ("requests", "carried_over", "total"))[0]
        # 收到 may count this year's requests only, or with those carried over from last year.
        return claim.number == new or (carried is not None and claim.number == new + carried), new
    if claim.kind == "litigation":
        direct, after = values
        known = [v for v in values if v is not None]
        if not known:
            return None, None
        if claim.number == 0:  # 未发生行政诉讼: neither kind of lawsuit
            return all(v == 0 for v in known), sum(known)
        options = set(known)
        if direct is not None and after is not None:
            options.add(direct + after)
            shown: Value = direct + after
        else:
            shown = known[0]
        return claim.number in options, shown
    if values[0] is None:
        return None, None
    return claim.number == values[0], values[0]


_ZH_NUMERALS = "零一二三四五六七八九十"


def check_prose(
    report: Report,
    text: str | None = None,
    *,
    normalized: str | None = None,
    read: Mapping[int, Sequence[Claim]] | None = None,
) -> list[Finding]:
    """Warnings for prose numbers that contradict the table cell they restate. ``text`` (the
    parsed text) lets each warning point at the exact line of the sentence; ``normalized`` is
    that text as the parse normalised it and ``read`` the claims it read, by section, when the
    caller has them."""
    findings: list[Finding] = []
    lines: list[str] | None = normalized.split("\n") if normalized is not None else None
    for section in report.sections:
        if section.number not in _CHECKED_SECTIONS or not section.text:
            continue
        found = read.get(section.number, ()) if read is not None else tuple(claims(section, report.year))
        for claim in found:
            if claim.kind not in _CHECKED or not claim.about_disclosure:
                continue
            agrees, table_value = _agrees(report, claim)
            if agrees is not False:
                continue
            if lines is None:
                lines = normalize(text).split("\n") if text is not None else []
            line = _locate(lines, section.line, claim.quote)
            findings.append(_finding(report, section, claim, line, table_value))
    return findings


def _locate(lines: list[str], heading_line: int | None, quote: str) -> int | None:
    for index in range((heading_line or 1) - 1, len(lines)):
        if quote in lines[index]:
            return index + 1
    return None


def _finding(report: Report, section: Section, claim: Claim, line: int | None, value: Value) -> Finding:
    keys = CLAIM_CELLS[claim.kind]
    if claim.kind == "litigation":
        cell, cell_zh = "the two litigation totals", "表四行政诉讼两栏总计之和"
    else:
        cell, cell_zh = cell_name(*keys[0]), cell_name_zh(*keys[0])
    if line is not None:
        where, where_zh = f"line {line}", f"第 {line} 行"
    elif section.line is not None:
        where, where_zh = f"its heading is on line {section.line}", f"标题在第 {section.line} 行"
    else:
        where, where_zh = "line unknown", "行号未知"
    quote = claim.quote if len(claim.quote) <= 60 else claim.quote[:59] + "…"
    made = diag.make(
        "prose-mismatch",
        table="sections",
        row=str(section.number),
        line=line,
        section=section.number,
        section_zh=_ZH_NUMERALS[section.number],
        where=where,
        where_zh=where_zh,
        quote=quote,
        stated=claim.number,
        cell=cell,
        cell_zh=cell_zh,
        value=value,
    )
    refs = [CellRef("sections", str(section.number), None, line)]
    refs += [CellRef(*k, line=_cell(report, k)[1]) for k in keys]
    return Finding.from_diagnostic(made, cells=tuple(refs), expected=value, actual=claim.number)


__all__ = ["check_prose"]
