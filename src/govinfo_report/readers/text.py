"""The text reader: a report file's bytes decoded in the encodings reports are published in.

A byte-order mark decides when there is one (UTF-8, UTF-16 and UTF-32 in either byte order);
otherwise UTF-16 and UTF-32 are told by where their zero bytes fall, UTF-8 by decoding cleanly,
and the Chinese national encodings — GB18030 (which contains GBK and GB2312) and Big5 — by
which of them gives text that reads as Chinese. An encoding that was guessed is said in a note.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from ..errors import NotAReportError, ReportEncodingError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
#: Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Words any report has, in simplified and in traditional characters: which decoding reads.
_SIMPLIFIED = ("政府", "信息", "公开", "报告", "年度", "申请")
_TRADITIONAL = ("政府", "資訊", "信息", "公開", "報告", "年度", "申請")
#: How much of a file is looked at to tell encodings apart.
_SAMPLE = 65536


@attrs.frozen
class Decoded:
    """A file's text, and the encoding it was read in when that was a guess (None when a
    byte-order mark or clean UTF-8 said)."""

    text: str
    guessed: str | None = None


def decode(data: bytes, name: str) -> str:
    """The text of a file's bytes (see :func:`decode_bytes`)."""
    return decode_bytes(data, name).text


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a text file: ``name`` says which file an error is about."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _with_bom(data[len(bom) :], encoding, name)
    wide = _wide_encoding(data[:_SAMPLE])
    if wide is not None:
        return Decoded(_strict(data, wide, name, trim=True), wide)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:_SAMPLE]:
        raise NotAReportError(f"{name}: binary data, not a text report")
    return _national(data, name)


def _with_bom(body: bytes, encoding: str, name: str) -> Decoded:
    """After a byte-order mark: its encoding; a UTF-8 mark before text that is not UTF-8 (an
    editor that saved GBK with one) is read as the national encodings are."""
    if encoding != "utf-8":
        return Decoded(_strict(body, encoding, name, trim=True))
    try:
        return Decoded(body.decode("utf-8"))
    except UnicodeDecodeError:
        return _national(body, name)


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes of its ASCII
    characters (line breaks, digits, tabs) fall."""
    if len(sample) < 8 or sample.count(0) < len(sample) // 8:
        return None
    quads = [sample[i::4].count(0) for i in range(4)]
    most = 9 * (len(sample) // 4) // 10  # every character of the basic plane has two zero bytes
    if quads[2] >= most and quads[3] >= most:
        return "utf-32-le"
    if quads[0] >= most and quads[1] >= most:
        return "utf-32-be"
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 4 * even:
        return "utf-16-le"
    if even > 4 * odd:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, name: str, *, trim: bool = False) -> str:
    """Decode strictly; ``trim`` drops a last incomplete code unit (a file cut short by a byte)."""
    if trim:
        unit = 4 if "32" in encoding else 2
        data = data[: len(data) - len(data) % unit]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportEncodingError(
            f"{name}: not {encoding.upper()} text as it claims (undecodable bytes at offset {exc.start})"
        ) from exc


def _national(data: bytes, name: str) -> Decoded:
    """GB18030 or Big5, whichever decodes and reads as a report (GB18030 first: mainland
    reports use it, and it decodes more byte sequences)."""
    candidates: list[tuple[str, str]] = []
    for encoding in ("gb18030", "big5"):
        try:
            candidates.append((encoding, data.decode(encoding)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ReportEncodingError(f"{name}: not UTF-8, UTF-16, UTF-32, GB18030 or Big5 text")
    for encoding, text in candidates:
        words = _TRADITIONAL if encoding == "big5" else _SIMPLIFIED
        if sum(word in text[:_SAMPLE] for word in words) >= 2:
            return Decoded(text, encoding)
    encoding, text = candidates[0]
    return Decoded(text, encoding)


def read_text(path: str | Path) -> str:
    """Decode a text file in the encodings reports are published in."""
    return decode(Path(path).read_bytes(), str(path))


def reject_non_text(text: str) -> None:
    """Refuse a string that holds binary data rather than text."""
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotAReportError("binary data, not a text report")
