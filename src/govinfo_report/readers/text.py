"""The text reader: a report file's bytes decoded in the encodings reports are published in."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import NotAReportError, ReportEncodingError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK; ``name`` says which file
    an error is about."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise NotAReportError(f"{name}: binary data, not a text report")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ReportEncodingError(
            f"{name}: not UTF-8, UTF-16 or GB18030 text (undecodable byte at offset {exc.start})"
        ) from exc


def read_text(path: str | Path) -> str:
    """Decode a text file in the encodings reports are published in."""
    return decode(Path(path).read_bytes(), str(path))


def reject_non_text(text: str) -> None:
    """Refuse a string that holds binary data rather than text."""
    sample = text[:20000]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotAReportError("binary data, not a text report")
