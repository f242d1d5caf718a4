"""Numbers as Word's list formats print them: 一 / 十一 / 甲 / ① / iv / 01 …

A report numbers its headings 一、 （一） 1. — when Word generates those labels, the file holds
only a counter and a format name (``w:numFmt``), and the reader has to print the number itself.
"""

from __future__ import annotations

from collections.abc import Callable

_CHINESE_DIGITS = "〇一二三四五六七八九"
_COUNTING_DIGITS = "零一二三四五六七八九"
_CHINESE_UNITS = ("", "十", "百", "千")
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_SIMPLIFIED_UNITS = ("", "拾", "佰", "仟")
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _counting(number: int, digits: str = _COUNTING_DIGITS, units: tuple[str, ...] = _CHINESE_UNITS) -> str:
    """A number in Chinese counting (十一, 一百零五, 二千三百): 1–9999, beyond that digit by digit."""
    if not 0 < number < 10_000:
        return _digital(number)
    places = [int(d) for d in str(number)]
    out: list[str] = []
    zero_pending = False
    for position, digit in enumerate(places):
        unit = units[len(places) - 1 - position]
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        out.append(digits[digit] + unit)
    text = "".join(out)
    if units is _CHINESE_UNITS and 10 <= number < 20:
        text = text.removeprefix(digits[1])  # 十一, not 一十一
    return text


def _digital(number: int, digits: str = _CHINESE_DIGITS) -> str:
    """A number digit by digit (一〇二)."""
    return "".join(digits[int(d)] for d in str(abs(number)))


def _cycle(symbols: str) -> Callable[[int], str]:
    def cycled(number: int) -> str:
        return symbols[(number - 1) % len(symbols)] if number > 0 else str(number)

    return cycled


def _enclosed(first: int, last_number: int, fallback: str) -> Callable[[int], str]:
    """Numbers in enclosed forms (① ⑴ ⒈) up to the last one Unicode has, then ``fallback``."""

    def enclosed(number: int) -> str:
        return chr(first + number - 1) if 1 <= number <= last_number else fallback.format(number)

    return enclosed


def _circled(number: int) -> str:
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if 21 <= number <= 35:
        return chr(0x3251 + number - 21)
    if 36 <= number <= 50:
        return chr(0x32B1 + number - 36)
    return str(number)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, symbol in _ROMAN:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def _letter(number: int) -> str:
    """A, B … Z, AA, BB … as Word letters a list (up to 30 letters, then digits)."""
    if not 0 < number <= 780:
        return str(number)
    return chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _full_width(number: int) -> str:
    return str(number).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "ideographDigital": _digital,
    "taiwaneseDigital": _digital,
    "japaneseDigitalTenThousand": _digital,
    "chineseLegalSimplified": lambda n: _counting(n, _LEGAL_SIMPLIFIED, _LEGAL_SIMPLIFIED_UNITS),
    "ideographLegalTraditional": lambda n: _counting(n, _LEGAL_TRADITIONAL, _LEGAL_SIMPLIFIED_UNITS),
    "ideographTraditional": _cycle(_HEAVENLY_STEMS),
    "ideographZodiac": _cycle(_EARTHLY_BRANCHES),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "ideographEnclosedCircle": _enclosed(0x3220, 10, "({})"),
    "decimalEnclosedParen": _enclosed(0x2474, 20, "({})"),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20, "{}."),
    "bullet": lambda n: "",
    "none": lambda n: "",
}


def format_number(number: int, number_format: str, custom: str | None = None) -> str:
    """``number`` as the list format ``number_format`` prints it; a format this module does not
    know prints decimal digits (the count is right, only its script may differ). A ``custom``
    format (``001, 002, 003``) keeps its zero padding."""
    if number_format == "custom" and custom:
        example = custom.split(",")[0].strip()
        if example.isdigit():
            return f"{number:0{len(example)}d}"
    return _FORMATS.get(number_format, str)(number)


def prints_number(number_format: str) -> bool:
    """Whether a list format prints a number at all (a bullet does not)."""
    return number_format not in ("bullet", "none")
