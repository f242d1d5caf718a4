"""Title, agency, year and statistics period, read from the preamble.

A title names the agency and the year in one of three orders: "<agency><year>年(度)…政府信息公开
…报告" (the most common), "<year>年(度)<agency>政府信息公开…报告", or "<agency>政府信息公开…报告
(<year>年度)". It may be split over two or three lines (the agency on the first), stand behind a
crawler's "标题：" label or after the breadcrumbs a crawler put on its line, be repeated, or be
called a 年报. Words that name no body (关于, breadcrumbs, a sentence about the report) are never
taken for the agency. The agency printed in the title is often the short form ("洪泽区人民政府");
when the report itself names the body with its parent city or province in front
("淮安市洪泽区人民政府办公室"), the qualified form is used.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import NamedTuple

import attrs

from ..model import Period

# An agency may hold a bracketed second name (某市数据局(某市政务服务管理办公室)), never start with
# a bracket (an enumerator); the report may be called a 年报.
_TITLE = re.compile(
    r"^(?P<agency>(?:[^,.;:!?，。；：！？《》()|][^,.;:!?，。；：！？《》|]{0,59}?)?)\s*"
    r"(?P<year>(?:19|20)[0-9]{2})\s*年\s*度?\s*"
    r"(?P<rest>[^,.;:!?，。；：！？]{0,30}?(?:政府信息公开|政务公开|信息公开)[^,.;:!?，。；：！？]{0,20}?"
    r"(?:报\s*告|年\s*报))"
)
# The year after the words (某局政府信息公开工作年度报告(2023年度), 某局政府信息公开工作2023年度报告).
_TITLE_YEAR_LAST = re.compile(
    r"^(?P<agency>(?!政府信息公开|政务公开|信息公开)[^,.;:!?，。；：！？《》()|0-9][^,.;:!?，。；：！？《》|0-9]{0,59}?)?\s*"
    r"(?P<rest>(?:政府信息公开|政务公开|信息公开)[^,.;:!?，。；：！？()（）0-9]{0,20}?)"
    r"(?:(?P<year>(?:19|20)[0-9]{2})\s*年\s*度?\s*(?:工\s*作\s*)?(?:报\s*告|年\s*报)"
    r"|(?:报\s*告|年\s*报)\s*[(（]\s*(?P<late>(?:19|20)[0-9]{2})\s*年\s*度?\s*[)）])"
)
# The report named in what would be the agency: the title's words, not a body's name.
_REPORT_NAMED = re.compile(r"(?:政府信息公开|政务公开|信息公开).*(?:报\s*告|年\s*报)")
# "关于" around the agency (某局关于2023年…, 关于某局2023年…报告的解读) is no part of its name.
_ABOUT = re.compile(r"^关于|关于$")
# a crawler's or a site's "标题：" label, also as a cell of a table row ("| 名称： | …")
_LABEL_PREFIX = re.compile(r"^[\s|]*(?:(?:标题|名称|题目|文章标题)\s*[:：][\s|]*)?")
# A link to another page, as a page lists them around an article: 上一篇：…, 相关文章：…, a bullet.
# The title it shows is that page's, never the report's own.
_LINK_LINE = re.compile(
    r"^\s*(?:[·•●▪■◆◇○►▶»]|[-*+]\s"
    r"|(?:上一|下一|相关|往年|历年|往期|推荐|热点|热门|延伸|猜你|更多)[\u4e00-\u9fff]{0,4}\s*[:：])"
)
_AGENCY_LINE = re.compile(r"^[\u4e00-\u9fff()（）·\s]{2,40}$")
# An agency named after the year (2019年上海市财政局政府信息公开…): the words before the phrase,
# ending as the name of a body or a place does — a blank is better than 以来 or 上半年 taken for one.
_PHRASE = re.compile(r"政府信息公开|政务公开|信息公开")
_NAME = re.compile(r"[\u4e00-\u9fff()（）·]{2,30}")
_NAME_END = re.compile(
    r"(?:[局委办厅部署会院处所站队心道镇乡区县市省州盟旗馆社司场室行]|(?:人民|[市县区镇乡省州盟旗])政府)$"
)
# Words that begin a phrase about the report, not a name: 本机关, 我局, 全市, 各部门 …
_NOT_A_NAME = tuple("本我该全各")
_SPACE = re.compile(r"\s+")
#: A section heading's number (四、, 2.): a title never starts with one
_HEADING_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[、.]")
#: A title broken over lines breaks into short ones.
_SHORT_LINE = 40
_DATE = r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
# the end date may leave its year to the start's: 2022年1月1日至12月31日
_END_DATE = r"(?:((?:19|20)[0-9]{2})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
# possessive blanks: a long run of them before something else is given back at once, not one by one
_PERIOD = re.compile(_DATE + r"\s*+(?:起)?\s*+(?:至|到|—|–|-|~|－)+\s*+(?:止)?\s*+" + _END_DATE)
#: How many lines after a title naming no agency a title that names one is looked for.
AGENCY_REACH = 3
# What makes a line that names the report a sentence about it: a full stop after the name, or
# a verb before it (现公布我局2022年…报告。, 根据…, 按照…).
_SENTENCE_END = re.compile(r"\s*。")
_SENTENCE_VERBS = re.compile(r"公布|发布|印发|根据|按照|现将|特此|报送|上报")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}\s*年")
# the year line a title that gives its year last may be broken before: (2023年度)
_YEAR_LINE = re.compile(r"[(（]\s*(?:19|20)[0-9]{2}\s*年\s*度?\s*[)）]")
# Page furniture a crawler's one line puts before the title: breadcrumbs (首页 > 政务公开 > …),
# labelled fields (发布机构：…), bracketed buttons (【字体：大 中 小】).
_FURNITURE_MARK = re.compile(r"[:：>＞»›】|｜]")
# Words of a breadcrumb or a column name, never of an agency's: they end with these.
_NOT_AGENCY_END = ("报告", "年报", "公开")
# The report naming itself in its words: 现公布我局2022年政府信息公开工作年度报告.
#: The words after a year that name the report: 年度政府信息公开工作年度报告 and its shorter forms.
_REPORT_AFTER_YEAR = (
    r"\s*年\s*度?\s*(?:政府信息公开|政务公开)\s*(?:工\s*作\s*)?(?:年\s*度\s*)?(?:报\s*告|年\s*报)"
)
_STATED = re.compile(r"((?:19|20)[0-9]{2})" + _REPORT_AFTER_YEAR)
# A place name qualifying an agency: up to four characters and a provincial/municipal suffix.
_PARENT = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:省|市|自治区|自治州|州|盟|地区)$")
_QUALIFIED = re.compile(r"^[\u4e00-\u9fff]{2,4}?(?:省|市|自治区|自治州|州|盟)")
# A name that is only a place, and the organs that govern a place.
_PLACE_ONLY = re.compile(r"(?:省|市|县|区|旗|盟|州|自治区|实验区|新区|开发区)$")
_ORGANS = r"(?:人民政府|管委会|管理委员会|行政公署)"
# Characters that end a phrase before a place name ("本报告由淮安市…").
_PHRASE_END = set("由的在是为和与及对从向把被将了据经")


@attrs.frozen
class Title:
    title: str
    agency: str | None
    year: int
    line_index: int


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)


#: A year in Chinese numerals before 年 (二〇二一年, 二○二三年度, 二零二二年).
_CHINESE_YEAR = re.compile(r"(?:一九|二[〇○零O0])[〇○零O0一二三四五六七八九]{2}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇○零O0一二三四五六七八九", "00000123456789")


def _arabic_years(text: str) -> str:
    """``text`` with its years in Chinese numerals written in digits (a formal title's 二〇二一年
    reads as 2021年); as long as it was, so places in it stay put."""
    if "年" not in text or _CHINESE_YEAR.search(text) is None:
        return text
    return _CHINESE_YEAR.sub(lambda year: year.group().translate(_CHINESE_DIGITS), text)


class _Printed(NamedTuple):
    """A title line as printed: the words before the year or before 政府信息公开 (the agency, if
    it is named there), the year, the title squeezed, and the words between a leading year and
    政府信息公开 (where a title naming its agency after the year names it)."""

    before: str
    year: int
    title: str
    after_year: str
    end: int  # where the title ends in its line


def find_title(preamble: str) -> Title | None:
    """The first line of the preamble that reads as a report title, or that does with the one or
    two short lines after it (a title broken over lines: 政府信息公开 / 工作年度报告); a link to
    another page (上一篇：…, 相关文章：…, a bullet before a title) is none. A title
    naming no agency gives way to one of the same year in the few lines after it that does (a
    site's heading above the report's own title, agency on the line before it); failing that,
    it takes the agency from a line below it that is a body's name alone (the issuing body
    printed under the title)."""
    lines = _arabic_years(preamble).split("\n")
    previous = ""
    first: Title | None = None
    below = _NameBelow()
    for index, raw in enumerate(lines):
        if first is not None and index > first.line_index + AGENCY_REACH:
            break
        line = _LABEL_PREFIX.sub("", raw).strip().lstrip("#").strip()  # a markdown heading too
        if not line or _LINK_LINE.match(line):
            continue
        printed = _title_on(line, _next_filled(lines, index + 1))
        if printed:
            title = _title(printed, previous, index)
            if title.agency is not None and (first is None or first.year == title.year):
                return title
            below.forget_if_over(previous)
            first = first or title
        elif first is not None:
            below.consider(line)
        previous = line
    return below.given_to(first)


#: How many lines after a title's first line its other lines are looked for among.
_BROKEN_TITLE_REACH = 6


def _next_filled(lines: list[str], start: int) -> list[str]:
    """The two lines from ``start`` on that hold something, within a few lines: a text browser
    prints a title's two paragraphs with a blank line between them."""
    return [line for line in lines[start : start + _BROKEN_TITLE_REACH] if line.strip()][:2]


def _title_on(line: str, following: list[str]) -> _Printed | None:
    """The title a line holds, as printed, letter-spaced, or begun there and ended below."""
    squeezed = _squeeze(line)  # letter-spaced: 2 0 2 3 年 政 府 信 息 公 开 …
    return (
        _line_title(line)
        or (_printed_title(squeezed) if squeezed != line else None)
        or _broken_title(line, following)
    )


class _NameBelow:
    """The first line under a title that is a body's name alone: the issuing body, unless the
    name stands over another title (then it may be that one's)."""

    def __init__(self) -> None:
        self.name: str | None = None
        self.line = ""

    def consider(self, line: str) -> None:
        if self.name is None and _AGENCY_LINE.match(line):
            self.name, self.line = _body_name(_squeeze(line)), line

    def forget_if_over(self, previous: str) -> None:
        if self.name is not None and previous == self.line:
            self.name = None

    def given_to(self, title: Title | None) -> Title | None:
        if title is None or title.agency is not None or self.name is None:
            return title
        return attrs.evolve(title, agency=self.name)


def _body_name(words: str) -> str | None:
    """``words`` when they are the name of a body or a place alone, else None."""
    if not _NAME.fullmatch(words) or not _NAME_END.search(words):
        return None
    return None if words.startswith(_NOT_A_NAME) or "年" in words else words


def _title(printed: _Printed, previous: str, index: int) -> Title:
    """The title a printed title line makes, its agency named in it — before the year or after
    it — or else on the line before it, when that line is a body's name alone (not a page's
    word such as 正文 over the title)."""
    agency = _ABOUT.sub("", _squeeze(printed.before).strip("#*")) or None
    title = printed.title
    if agency is None:
        agency = _name_before(_squeeze(printed.after_year))
    if agency is None and _AGENCY_LINE.match(previous):
        agency = _body_name(_squeeze(previous))
        title = (agency or "") + title
    if agency is not None:
        agency = _full_width_brackets(agency)
    return Title(title=title, agency=agency, year=printed.year, line_index=index)


def _line_title(line: str) -> _Printed | None:
    """The title a line holds: the whole line, or what follows the page furniture a crawler put
    before it on the line — the last words before the year only, not the breadcrumbs."""
    printed = _printed_title(line)
    year = _YEAR.search(line)
    if year is None or (printed is not None and not _FURNITURE_MARK.search(printed.before)):
        return printed
    marks = list(_FURNITURE_MARK.finditer(line, 0, year.start()))
    if not marks:
        return printed
    words = line[marks[-1].end() : year.start()].split()
    kept = [w for w in words if not w.endswith(_NOT_AGENCY_END)]
    if len(kept) > 1 and any(len(w) > 1 for w in kept):
        kept = kept[-1:]  # a field's value or a breadcrumb, then the agency
    return _printed_title("".join(kept) + line[year.start() :])


def _printed_title(line: str) -> _Printed | None:
    """The line read as a title, the year before the words or after them; None if it is none,
    or a sentence about the report."""
    printed = _title_words(line)
    if printed is None:
        return None
    if _SENTENCE_END.match(line, printed.end) or _SENTENCE_VERBS.search(printed.before):
        return None
    if _HEADING_NUMBER.match(_squeeze(printed.before)):
        return None  # a section's heading (四、2020年工作打算…), not a title
    if "关于" in _ABOUT.sub("", _squeeze(printed.before)) or _quoted(line, printed.end):
        # a notice about the report (某办公室关于做好2019年…报告编制工作的通知), or a sentence
        # citing one, begun on the line before: no title
        return None
    return printed


def _quoted(line: str, end: int) -> bool:
    """Whether the words up to ``end`` stand inside a document's name: a 》 closes after them
    before any 《 opens (…关于做好2019年政府信息公开工作年度报告编制工作的通知》要求)."""
    close = line.find("》", end)
    return close != -1 and "《" not in line[end:close]


def _title_words(line: str) -> _Printed | None:
    """The line read as a title in one of the three orders, sentence or not."""
    match = _TITLE.match(line[:160])
    if match and _REPORT_NAMED.search(match.group("agency")):
        match = None  # the title's words before its year: 某局政府信息公开工作年度报告(2020年…
    if match:
        year = match.group("year")
        after = _after_year(match)
        title = _squeeze(match.group("agency") + year + "年" + after)
        return _Printed(match.group("agency"), int(year), title, match.group("rest"), match.end())
    match = _TITLE_YEAR_LAST.match(line[:160])
    if match:
        before = _ABOUT.sub("", _squeeze(match.group("agency") or ""))
        named = _name_before(before + match.group("rest")) if before else None
        year = int(match.group("year") or match.group("late"))
        return _Printed(named or "", year, _squeeze(match.group()), "", match.end())
    return None


def _name_before(rest: str) -> str | None:
    """The name of a body or a place that ``rest`` starts with, up to 政府信息公开, or None. In
    ``…人民政府信息公开…`` the 政府 is the organ's and the phrase's both."""
    phrase = _PHRASE.search(rest)
    if phrase is None:
        return None
    agency = rest[: phrase.start()]
    if agency.endswith("人民") and phrase.group().startswith("政府"):
        agency += "政府"
    return _body_name(agency)


def _broken_title(line: str, after: list[str]) -> _Printed | None:
    """The title a short line starts and the short lines after it end: the line holds the year
    but not yet 报告, or it ends with 报告 and the year follows (（2023年度）)."""
    has_year = _YEAR.search(line) is not None
    year_first = has_year and "报" not in line
    year_last = not has_year and line.endswith(("报告", "年报"))
    if len(line) > _SHORT_LINE or not (year_first or year_last):
        return None
    joined = line
    for more in after:
        more = more.strip()
        if not more or len(more) > _SHORT_LINE or (year_last and not _YEAR_LINE.fullmatch(more)):
            return None
        joined += more
        printed = _printed_title(_squeeze(joined))
        if printed:
            return printed
    return None


def _after_year(match: re.Match[str]) -> str:
    full = match.group(0)
    year_end = full.find(match.group("year")) + len(match.group("year"))
    return re.sub(r"^\s*年", "", full[year_end:])


def find_stated_year(text: str) -> tuple[int, str] | None:
    """The year a report without a title names itself by in its words (…2022年政府信息公开工作
    年度报告), with the words; None where it names none, or names two years that way."""
    found = list(_STATED.finditer(_arabic_years(text)))
    if not found or len({m.group(1) for m in found}) != 1:
        return None
    return int(found[0].group(1)), _squeeze(found[0].group())


# The report naming itself, with the body's name before its year, after a verb that publishes
# or writes it: 特向社会公布某局2025年度政府信息公开工作年度报告, 现将《某县2023年…报告》….
_STATED_AGENCY = re.compile(
    r"(?:公布|发布|编制|印发|现将|特将|形成|撰写)了?\s*[《“]?(?P<agency>[\u4e00-\u9fff()（）·]{2,40}?)\s*"
    r"(?P<year>(?:19|20)[0-9]{2})" + _REPORT_AFTER_YEAR
)


def find_stated_agency(text: str, year: int | None) -> tuple[str, str] | None:
    """The body a report names itself by in its words (特向社会公布某局2025年度政府信息公开工作
    年度报告), with the words: where the words before the year are a body's name alone, of the
    report's year; None where the report names none that way, or names two."""
    found: dict[str, str] = {}
    for match in _STATED_AGENCY.finditer(_arabic_years(text)):
        if year is not None and int(match.group("year")) != year:
            continue
        name = _body_name(_squeeze(match.group("agency")))
        if name is not None and "关于" not in name:
            found.setdefault(_full_width_brackets(name), _squeeze(match.group()))
    if len(found) != 1:
        return None
    return next(iter(found.items()))


def publisher_agency(publisher: str) -> str | None:
    """The body a page names as its publisher (its ``ContentSource``, its ``来源：`` line), as the
    report's agency: only a body's name alone (not 本站, not a newspaper's name)."""
    name = _body_name(_squeeze(unicodedata.normalize("NFKC", publisher)))
    return _full_width_brackets(name) if name else None


def _full_width_brackets(name: str) -> str:
    """A body's name with its brackets full-width, as Chinese names print them (the text's
    NFKC made them ASCII)."""
    return name.replace("(", "（").replace(")", "）")


def find_period(text: str) -> Period | None:
    """The statistics period (2023年1月1日至2023年12月31日, or …至12月31日) if the text states one."""
    match = _PERIOD.search(text)
    if not match:
        return None
    y1, m1, d1, y2, m2, d2 = match.groups()
    try:
        start = dt.date(int(y1), int(m1), int(d1))
        return Period(start=start, end=dt.date(int(y2 or y1), int(m2), int(d2)))
    except ValueError:
        return None


def qualify_agency(agency: str, text: str) -> str:
    """The agency as fully as the report names it.

    A title that names a place ("平潭综合实验区2023年度…") is the report of that place's
    government organ: when the text names the organ ("平潭综合实验区管委会"), that is the agency.
    A short name ("洪泽区人民政府") gets its parent place in front when the report prints it
    that way ("本报告由淮安市洪泽区人民政府办公室…").
    """
    if _PLACE_ONLY.search(agency):
        organ = re.search(re.escape(agency) + _ORGANS, text)
        if organ:
            agency = organ.group(0)
    if _QUALIFIED.match(agency):
        return agency
    start = text.find(agency)
    while start != -1:
        before = text[max(0, start - 8) : start]
        for length in range(3, len(before) + 1):
            candidate = before[-length:]
            head = before[-length - 1] if length < len(before) else ""
            if _PARENT.fullmatch(candidate) and (head in _PHRASE_END or not _is_han(head)):
                return candidate + agency
        start = text.find(agency, start + 1)
    return agency


def _is_han(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"
