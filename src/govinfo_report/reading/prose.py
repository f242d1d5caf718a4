"""Numbers the report's prose states for table cells: 全年收到政府信息公开申请15件, 上年结转1件,
办结15件, 结转下年度1件, 行政复议2件、行政诉讼7件, 未发生行政复议、行政诉讼, 制发规范性文件77件.

Read once per report, they serve twice: the glued-digit decoder lets a stated number choose
between readings of digits that the arithmetic leaves open (:func:`facts`), and the validator
warns where a stated number contradicts the cell it restates (``checks/prose.py``).

Prose is far less regular than tables, so the patterns are narrow: a number is only taken when
the clause clearly restates a table total of the same reporting year — not a share (其中), a
change (同比, 增长), another year, a subset by channel (通过网站收到…), another kind of request
(网络问政, 热线, 信访, 行政许可), or a review and a lawsuit counted together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, NamedTuple

import attrs

from ..model import Section

ClaimKind = Literal[
    "received",
    "carried_over",
    "processed",
    "carried_forward",
    "review",
    "litigation",
    "regulations_issued",
    "normative_issued",
    "normative_in_force",
]


@attrs.frozen
class Claim:
    """A number the prose states: what it counts, the clause it is in, where in the section."""

    section: int
    kind: ClaimKind
    number: int
    quote: str
    offset: int
    #: whether its sentence speaks of 信息公开 (a review or a lawsuit counted elsewhere may be
    #: about anything else the body does)
    about_disclosure: bool = True


_BOUNDARIES = "。；;!！?？\n"
_BOUNDARY = re.compile(f"[{re.escape(_BOUNDARIES)}]")
_CLAUSE = re.compile(r"[^,，]+")
#: Words every pattern below starts from: only sentences with one of them are read further.
_TRIGGER = re.compile(
    r"收到|受理|接收|接到|新收|结转|办结|行政复议|行政诉讼|未发生|没有发生|未出现|未有|未被"
    r"|制发|出台|印发|现行有效"
)
_DIGIT = re.compile(r"[0-9]")
_NUMBER = r"(?P<n>[0-9]+)\s*"

_RECEIVED = re.compile(r"(?:收到|受理|接收|接到|新收)(?P<obj>[^0-9]{0,40}?)" + _NUMBER + "(?:件|宗|份)")
_NONE_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理|接到|接收)(?P<obj>[^0-9]{0,20}?申请)")
_CARRIED_OVER = re.compile(r"上一?年度?结转(?P<obj>[^0-9]{0,15}?)" + _NUMBER + "件")
_PROCESSED = re.compile(r"办结(?P<obj>[^0-9]{0,20}?)" + _NUMBER + "件")
_CARRIED_FORWARD = re.compile(r"结转(?:至|到)?下一?年度?(?:继续办理)?(?P<obj>[^0-9]{0,6}?)" + _NUMBER + "件")
_REVIEW = re.compile(r"行政复议(?:案件|申请)?(?P<obj>[^0-9、]{0,8}?)" + _NUMBER + "(?:件|起|宗|次|个)")
_LITIGATION = re.compile(r"行政诉讼(?:案件)?(?P<obj>[^0-9、]{0,8}?)" + _NUMBER + "(?:件|起|宗|次|个)")
_REGULATIONS_ISSUED = re.compile(r"(?:制发|出台|印发)(?:了|的)?规章(?:共计|共)?" + _NUMBER + "件")
_NORMATIVE_ISSUED = re.compile(
    r"(?:制发|出台|印发)(?:了|的)?(?:行政)?规范性文件(?:共计|共)?" + _NUMBER + "件"
)
_NORMATIVE_IN_FORCE = re.compile(r"现行有效(?:的)?(?:行政)?规范性文件(?:共计|共)?" + _NUMBER + "件")
_NEGATION = re.compile(r"未发生|没有发生|未出现|未有|未收到|没有收到|未被")

#: A clause about a share, a change, a running total or the previous year does not restate a cell.
_NOT_A_TOTAL = re.compile(r"同比|较上年|比上年|较去年|去年|增长|增加|下降|减少|累计|其中|平均|同期|以来")
#: Other kinds of requests and cases that reports count in the same breath.
_OTHER_REQUESTS = re.compile(
    r"复议|诉讼|信访|投诉|举报|热线|咨询|问政|留言|建议|提案|许可|结转|上年|工单|来电|来信"
)
#: A subset by channel, unless the clause says it is the whole (共, 各类, 全年 …).
_CHANNEL = re.compile(r"网站|网络|网上|在线|信函|邮寄|当面|现场|电子邮件|邮件|传真|平台|窗口")
_WHOLE = re.compile(r"共|合计|总计|各类|全年|全部|总数")
_FILLER = re.compile(r"共计|合计|总计|共|各类|各项|的|了|为|数量|总数|达")
#: Outcomes of reviews and lawsuits: a clause that mentions one counts a subset.
_OUTCOME = re.compile(r"维持|纠正|纠错|败诉|胜诉|撤销|审结|撤回|驳回|各|确认违法|终止|调解|和解")
_ABOUT_DISCLOSURE = re.compile(r"信息公开|依申请")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年")


def _is_application(obj: str) -> bool:
    """The words between 收到 and the number name 政府信息公开 applications."""
    if _OTHER_REQUESTS.search(obj) or "申请" not in obj:
        return False
    rest = _FILLER.sub("", obj).strip()
    return "公开" in rest or rest in ("申请", "申请件")


def claims(section: Section, year: int | None) -> Iterator[Claim]:
    """The numbers a section's prose states that restate a table total."""
    text = section.text
    for start, sentence in _sentences(text):
        about_disclosure = bool(_ABOUT_DISCLOSURE.search(sentence))
        about_requests = "申请" in sentence
        for clause in _CLAUSE.finditer(sentence):
            body = clause.group()
            if not _TRIGGER.search(body) or _NOT_A_TOTAL.search(body):
                continue
            if any(int(y) != year for y in _YEAR.findall(body)) and year is not None:
                continue
            offset = start + clause.start()
            quote = body.strip()
            for kind, number in _clause_claims(body, about_requests):
                about = about_disclosure or kind not in ("review", "litigation")
                yield Claim(section.number, kind, number, quote, offset, about)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of ``text`` that contain a trigger word, with their offsets. Finding the
    triggers first keeps the cost low on sections that hold a whole table; each sentence is
    looked for only back to the end of the one before (itself a boundary), so the work stays
    linear in the length of the text."""
    end = -1
    for hit in _TRIGGER.finditer(text):
        if hit.start() < end:
            continue
        start = max(text.rfind(ch, max(end, 0), hit.start()) for ch in _BOUNDARIES) + 1
        stop = _BOUNDARY.search(text, hit.end())
        end = stop.start() if stop else len(text)
        yield start, text[start:end]


def _clause_claims(body: str, about_requests: bool) -> Iterator[tuple[ClaimKind, int]]:
    """The claims of one clause; ``about_requests`` says whether its sentence speaks of 申请
    (全年收到申请15件，办结15件: the second clause counts the same requests)."""
    has_digit = _DIGIT.search(body) is not None
    yield from _request_claims(body, has_digit, about_requests)
    if not _OUTCOME.search(body):
        yield from _case_claims(body, has_digit)
    yield from _document_claims(body)


def _document_claims(body: str) -> Iterator[tuple[ClaimKind, int]]:
    """Regulations and normative documents issued, and normative documents in force."""
    for kind, pattern in (
        ("regulations_issued", _REGULATIONS_ISSUED),
        ("normative_issued", _NORMATIVE_ISSUED),
        ("normative_in_force", _NORMATIVE_IN_FORCE),
    ):
        for m in pattern.finditer(body):
            yield kind, int(m.group("n"))  # type: ignore[misc]


def _request_claims(body: str, has_digit: bool, about_requests: bool) -> Iterator[tuple[ClaimKind, int]]:
    """Requests received, carried over from last year, processed and carried forward."""
    for number in _received(body, has_digit):
        yield "received", number
    for m in _CARRIED_OVER.finditer(body):
        if "下" not in m.group("obj"):
            yield "carried_over", int(m.group("n"))
    for number in _processed(body, about_requests):
        yield "processed", number
    for m in _CARRIED_FORWARD.finditer(body):
        yield "carried_forward", int(m.group("n"))


def _received(body: str, has_digit: bool) -> Iterator[int]:
    """收到…申请15件, or 未收到…申请 (none) in a clause without a number; a count by channel
    only when the clause says it is the whole."""
    for m in _RECEIVED.finditer(body):
        obj = m.group("obj")
        if _is_application(obj) and (not _CHANNEL.search(obj) or _WHOLE.search(body)):
            yield int(m.group("n"))
    if not has_digit:
        none = _NONE_RECEIVED.search(body)
        if none and _is_application(none.group("obj")):
            yield 0


def _processed(body: str, about_requests: bool) -> Iterator[int]:
    """办结…申请15件, or a bare 办结15件 in a sentence about requests."""
    for m in _PROCESSED.finditer(body):
        obj = m.group("obj")
        if _OTHER_REQUESTS.search(obj):
            continue
        if "申请" in obj or (not _FILLER.sub("", obj).strip() and about_requests):
            yield int(m.group("n"))


def _case_claims(body: str, has_digit: bool) -> Iterator[tuple[ClaimKind, int]]:
    """Reviews and lawsuits: 行政复议2件、行政诉讼7件, or 未发生…行政复议、行政诉讼 (none of either)
    in a clause without a number."""
    for m in _REVIEW.finditer(body):
        if "诉讼" not in m.group("obj"):
            yield "review", int(m.group("n"))
    for number in _lawsuits(body):
        yield "litigation", number
    negation = _NEGATION.search(body) if not has_digit else None
    if negation is not None:  # 未发生因政府信息公开被申请行政复议、提起行政诉讼的情况
        after = body[negation.end() :]
        if "行政复议" in after:
            yield "review", 0
        if "行政诉讼" in after:
            yield "litigation", 0


def _lawsuits(body: str) -> Iterator[int]:
    """行政诉讼7件, unless the number counts reviews and lawsuits together."""
    for m in _LITIGATION.finditer(body):
        before = body[: m.start()]
        digits = [i for i, ch in enumerate(before) if ch.isdigit()]
        if "复议" in before[(digits[-1] + 1) if digits else 0 :]:
            continue  # 行政复议、行政诉讼共3件: one number for both
        yield int(m.group("n"))


#: The cells each kind of claim restates (a lawsuit count: either kind of lawsuit, or both).
CLAIM_CELLS: dict[ClaimKind, tuple[tuple[str, str, str], ...]] = {
    "received": (("requests", "new_received", "total"),),
    "carried_over": (("requests", "carried_over", "total"),),
    "processed": (("requests", "total_processed", "total"),),
    "carried_forward": (("requests", "carried_forward", "total"),),
    "review": (("review_litigation", "review", "total"),),
    "litigation": (
        ("review_litigation", "litigation_direct", "total"),
        ("review_litigation", "litigation_after_review", "total"),
    ),
    "regulations_issued": (("active_disclosure", "regulations", "issued"),),
    "normative_issued": (("active_disclosure", "normative_documents", "issued"),),
    "normative_in_force": (("active_disclosure", "normative_documents", "in_force"),),
}


class Fact(NamedTuple):
    """A number the report's prose states for one cell, with the words that state it."""

    row: str
    column: str
    value: int
    quote: str


def facts(found: Iterable[Claim]) -> dict[str, tuple[Fact, ...]]:
    """The claims that name one cell, as facts by table id: what the glued-digit decoder may use
    to choose between readings the arithmetic leaves open, never to fill or change a cell.
    Table 四's fifteen values are one run, named ``block.outcome``."""
    by_table: dict[str, list[Fact]] = {}
    for claim in found:
        cells = CLAIM_CELLS[claim.kind]
        if len(cells) != 1:
            continue
        table, row, column = cells[0]
        if table == "review_litigation":
            row, column = table, f"{row}.{column}"
        by_table.setdefault(table, []).append(Fact(row, column, claim.number, claim.quote))
    return {table: tuple(found_facts) for table, found_facts in by_table.items()}


def prose_facts(text: str, year: int | None = None) -> dict[str, tuple[Fact, ...]]:
    """The facts a stretch of prose states (see :func:`facts`)."""
    return facts(claims(Section(0, "", text), year))


def section_claims(sections: Sequence[Section], year: int | None) -> dict[int, tuple[Claim, ...]]:
    """The claims of each section that holds prose (not the tables of sections 二 and 四)."""
    return {s.number: tuple(claims(s, year)) for s in sections if s.number not in (2, 4) and s.text}
