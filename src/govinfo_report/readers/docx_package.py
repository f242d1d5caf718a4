"""The parts of a Word file (a zip package of XML parts), opened so that no file can make the
reader hang, exhaust memory or reach outside the file.

A Word file a user holds may be damaged, truncated, encrypted, a Word 97–2003 ``.doc``, or built
to hurt: a zip entry that inflates to gigabytes, XML with entities that expand without end or
point at other files. Every such file ends in a :class:`~govinfo_report.errors.DocumentError`
naming the file and the reason, before any large amount of work or memory is spent: entry sizes
are checked as the zip declares them before anything is inflated, and what is inflated is read
with a cap, so a header that lies cannot get past the limits either.
"""

from __future__ import annotations

import lzma
import posixpath
import struct
import zipfile
import zlib
from io import BytesIO
from urllib.parse import unquote

from lxml import etree

from ..errors import DocumentError

#: The most entries a package may hold.
MAX_ENTRIES = 10_000
#: The largest XML part read (the main document, its numbering, styles and properties).
MAX_PART_BYTES = 50 * 1024 * 1024
#: The largest the whole package may be once inflated (every entry, as the zip declares it).
MAX_TOTAL_BYTES = 200 * 1024 * 1024

#: A compound file (OLE/CFB): a Word 97–2003 document, or a password-protected Word file, which
#: is a compound file holding the encrypted package.
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

#: What the zip and decompression layers raise on a damaged or unsupported file.
_DAMAGE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    IndexError,
    KeyError,
    OverflowError,
    UnicodeDecodeError,
)

_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_DOCUMENT = "word/document.xml"


def _parser() -> etree.XMLParser:
    """An XML parser that expands no entity, loads no DTD, touches no network and keeps lxml's
    limits on depth and text size."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )


class Package:
    """A Word file's zip package: its entries checked against the limits, its XML parts read and
    parsed on request, its relationships followed to the parts they name."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        if data.startswith(_COMPOUND_FILE):
            raise self.error(_compound_file_reason(data))
        declared = _declared_entries(data)
        if declared is not None and declared > MAX_ENTRIES:
            raise self.error(f"the package declares {declared} entries, more than {MAX_ENTRIES}")
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            entries = self._zip.infolist()
        except _DAMAGE as exc:
            raise self.error(f"not a Word (.docx) file or a damaged one: {_reason(exc)}") from exc
        self._check_sizes(entries)
        self._entries = {info.filename.lower(): info for info in entries}
        self._budget = MAX_TOTAL_BYTES
        self._relationships: dict[str, list[tuple[str, str]]] = {}

    def error(self, reason: str) -> DocumentError:
        return DocumentError(f"{self.name}: {reason}")

    def _check_sizes(self, entries: list[zipfile.ZipInfo]) -> None:
        """Refuse a package whose declared sizes pass the limits, before inflating anything."""
        if len(entries) > MAX_ENTRIES:
            raise self.error(f"the package holds {len(entries)} entries, more than {MAX_ENTRIES}")
        total = sum(info.file_size for info in entries)
        if total > MAX_TOTAL_BYTES:
            raise self.error(
                f"the package inflates to {total} bytes, more than the {MAX_TOTAL_BYTES} allowed"
            )

    def has(self, path: str) -> bool:
        return path.lower() in self._entries

    def read(self, path: str) -> bytes | None:
        """An entry's bytes (None when the package has no such entry), read with a cap: never
        more than :data:`MAX_PART_BYTES`, nor more than is left of :data:`MAX_TOTAL_BYTES`."""
        info = self._entries.get(path.lower())
        if info is None:
            return None
        limit = min(MAX_PART_BYTES, self._budget)
        if info.file_size > limit:
            raise self.error(
                f"{info.filename} declares {info.file_size} bytes, more than the {limit} allowed"
            )
        try:
            with self._zip.open(info) as entry:
                data = entry.read(limit + 1)
        except _DAMAGE as exc:
            raise self.error(f"{info.filename} cannot be read, the file is damaged: {_reason(exc)}") from exc
        if len(data) > limit:
            raise self.error(f"{info.filename} inflates past the {limit} bytes allowed")
        self._budget -= len(data)
        return data

    def xml(self, path: str) -> etree._Element | None:
        """A part parsed as XML (None when absent); a part that is not well-formed XML is damage."""
        data = self.read(path)
        return None if data is None else self.parse(data, path)

    def parse(self, data: bytes, path: str) -> etree._Element:
        """A part's bytes as XML: no entity expanded, no DTD or network touched, and a part that
        declares a DTD (where entities would come from) refused."""
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise self.error(f"{path} is not well-formed XML, the file is damaged: {exc}") from exc
        if root is None:
            raise self.error(f"{path} is empty")
        if root.getroottree().docinfo.doctype:
            raise self.error(f"{path} declares a document type (DTD), which Word files never do")
        return root

    def related(self, source: str, kind: str) -> str | None:
        """The part that ``source`` (``""`` for the package itself) names in its relationships
        with a type ending in ``/kind``; None when it names none."""
        for rel_type, target in self._relationships_of(source):
            if rel_type.endswith(f"/{kind}"):
                return target
        return None

    def _relationships_of(self, source: str) -> list[tuple[str, str]]:
        """The (type, part) of each relationship ``source`` declares to a part of the package,
        read once."""
        if source not in self._relationships:
            folder, base = posixpath.split(source)
            rels = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
            self._relationships[source] = [
                (rel.get("Type", ""), _resolve(folder, rel.get("Target", "")))
                for rel in ([] if rels is None else rels.iter(f"{{{_RELATIONSHIPS}}}Relationship"))
                if rel.get("TargetMode") != "External"
            ]
        return self._relationships[source]

    def main_document(self) -> str:
        """The path of the main document part: as the package's relationships name it, else
        the usual ``word/document.xml``."""
        named = self.related("", "officeDocument")
        if named is not None and self.has(named):
            return named
        if self.has(MAIN_DOCUMENT):
            return MAIN_DOCUMENT
        raise self.error(f"a zip package without {MAIN_DOCUMENT}: not a Word (.docx) document")


def _declared_entries(data: bytes) -> int | None:
    """How many entries the zip's end record says it holds, read before the zip's directory is
    (a directory of millions of entries takes long to read); None when there is no end record
    to read it from."""
    end = data.rfind(b"PK\x05\x06", max(len(data) - 65_557, 0))
    if end == -1 or end + 22 > len(data):
        return None
    (count,) = struct.unpack_from("<H", data, end + 10)
    if count != 0xFFFF:
        return int(count)
    zip64 = data.rfind(b"PK\x06\x06", 0, end)  # a ZIP64 end record holds the real count
    if zip64 == -1 or zip64 + 40 > len(data):
        return None
    (count,) = struct.unpack_from("<Q", data, zip64 + 32)
    return int(count)


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a path inside the package."""
    target = unquote(target)
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path).lstrip("/")


def _compound_file_reason(data: bytes) -> str:
    if _ENCRYPTED_STREAM in data:
        return "the Word file is encrypted (password-protected); remove the password and save it again"
    return "a Word 97–2003 (.doc) or other compound file, not a .docx; save it as .docx"


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
