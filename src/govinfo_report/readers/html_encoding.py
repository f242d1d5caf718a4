"""A web page's bytes as text: in the encoding its byte-order mark names; else in UTF-8 when the
bytes are UTF-8; else in the encoding the page declares (``<meta charset>``, ``<meta
http-equiv="Content-Type">``, an XML declaration); else in GB18030, the superset of the GBK and
GB2312 Chinese government sites still publish in.

A declaration is trusted only as far as the bytes bear it out: sites copy page templates between
servers, and a page declaring ``gb2312`` is often UTF-8 (or the reverse). When the encoding had
to be guessed — no declaration and not UTF-8, or a declaration the bytes contradict — the reader
says so in a note, since the text may then be wrong in places no check can see.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReportEncodingError

#: The part of a page its encoding is declared in: a declaration further down is not looked for.
DECLARATION_WINDOW = 65536

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# <meta charset="…"> and <meta http-equiv="Content-Type" content="text/html; charset=…">
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml\b[^>]*?encoding\s*=\s*[\"']([a-z0-9_.:-]+)", re.IGNORECASE)
# The labels browsers read as GBK; GB18030 decodes every one of them, and more.
_GB_LABELS = frozenset(
    {"gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "iso-ir-58", "cp936"}
    | {"windows-936", "ms936", "csiso58gb231280", "gb18030", "euc-cn", "hz-gb-2312"}
)
#: What the note of a page without a declaration gives as the declared encoding.
UNDECLARED = "—"

Note = tuple[str, tuple[tuple[str, str], ...]]


def decode_page(data: bytes, name: str) -> tuple[str, tuple[Note, ...]]:
    """The page's text, and a note when its encoding was guessed. Raises
    :class:`ReportEncodingError` when no encoding a page can be in decodes it.

    Bytes that are UTF-8 are read as UTF-8 whatever the page declares: Chinese text in GBK is
    next to never valid UTF-8, while UTF-8 bytes often decode as GBK — into nonsense."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), ()
    label = declared_encoding(data[:DECLARATION_WINDOW])
    declared = _codec(label) if label else None
    candidates = ["utf-8", *([declared] if declared not in (None, "utf-8", "gb18030") else []), "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == declared or (label is None and encoding == "utf-8") or data.isascii():
            return text, ()
        return text, (_note(encoding, label or UNDECLARED),)
    return _with_replacements(data, declared or candidates[-1], name)


#: How many undecodable bytes a page may have, at most, per thousand characters (and one in
#: any page) and still be read as a browser reads it: with a replacement character for each.
_REPLACED_PER_THOUSAND = 1
_DIGIT_BESIDE_REPLACEMENT = re.compile("[0-9]\ufffd|\ufffd[0-9]")


def _with_replacements(data: bytes, encoding: str, name: str) -> tuple[str, tuple[Note, ...]]:
    """A page in ``encoding`` but for a few stray bytes (a character pasted in from a page in
    another encoding), read as a browser shows it: each stray byte a replacement character,
    said in a note. A page with more of them, or with one beside a digit (a number may have
    lost a digit to it), is refused."""
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd")
    allowed = max(1, len(text) * _REPLACED_PER_THOUSAND // 1000)
    if replaced > allowed or _DIGIT_BESIDE_REPLACEMENT.search(text):
        _strict(data, encoding, name)  # raises, naming the first undecodable byte
    note = ("encoding-bytes-replaced", (("encoding", encoding.upper()), ("count", str(replaced))))
    return text, (note,)


def declared_encoding(head: bytes) -> str | None:
    """The encoding label a page's ``<meta>`` (or XML declaration) gives, lower case."""
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec(label: str) -> str | None:
    """The codec a declared label is read with, or None for a label no Chinese page can be in
    (unknown, or a single-byte Western encoding a template carried over)."""
    if label in _GB_LABELS:
        return "gb18030"
    if label.startswith(("utf-16", "utf-32", "ucs-2")):  # without a BOM a browser reads UTF-8
        return "utf-8"
    if label in ("big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"):
        return "big5hkscs"
    try:
        codec = codecs.lookup(label).name
        "中".encode(codec)
    except (LookupError, UnicodeEncodeError):
        return None
    return codec


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportEncodingError(
            f"{name}: a web page neither in the encoding it declares nor in UTF-8 or GB18030 "
            f"(undecodable byte at offset {exc.start})"
        ) from exc


def _note(encoding: str, declared: str) -> Note:
    return ("encoding-guessed", (("encoding", encoding.upper()), ("declared", declared)))
