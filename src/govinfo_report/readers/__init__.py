"""Readers: what turns a file a user holds — a text file, a web page, a Word file, a PDF — into
a :class:`~.document.Document` the reading stages take from there.

Each kind has a reader module, imported only when a file of its kind is read (the heavy ones need
an optional extra). The kind is recognised by content — magic bytes, markup — not only by the
file's name. A user adds a kind (``.doc``, ``.ofd``, ``.wps`` …) with :func:`register_reader` or
through the ``govinfo_report.readers`` entry-point group, naming a :class:`Reader`.
"""

from __future__ import annotations

import importlib
import stat
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import attrs

from ..errors import DocumentError, MissingExtraError, NotAReportError, ReportError
from ..limits import InputTooLargeError, default_limits
from ..model import Location
from ..plugins import load_plugins
from .document import Document, Paragraph, Table, TableCell
from .text import decode, decode_bytes, read_text, reject_non_text

#: Entry-point group a plugin registers a :class:`Reader` (or a callable returning one) in.
ENTRY_POINT_GROUP = "govinfo_report.readers"


@attrs.frozen
class Reader:
    """A kind of document: its name, the file endings it usually has, how to recognise its
    content, and the function that reads it (``read(data, name) -> Document``) — given
    directly, or as ``"module:function"`` imported on first use. ``extra`` names the optional
    dependency set that brings what it needs."""

    kind: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, str], Document] | str
    extra: str | None = None

    def load(self) -> Callable[[bytes, str], Document]:
        if not isinstance(self.read, str):
            return self.read
        module, _, function = self.read.partition(":")
        try:
            loaded: Callable[[bytes, str], Document] = getattr(importlib.import_module(module), function)
        except ImportError as exc:
            hint = f"pip install 'govinfo-report[{self.extra}]'" if self.extra else "its reader"
            missing = exc.name or "a package"
            raise MissingExtraError(
                f"reading {self.kind.upper()} documents needs {missing}, which is not installed: {hint}"
            ) from exc
        return loaded


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


#: An OLE compound file: an old Word .doc, or an encrypted .docx (the docx reader says which).
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _is_docx(data: bytes) -> bool:
    """A zip whose directory (at its end) or first entries name Word's parts, or a compound
    file."""
    if data.startswith(_COMPOUND_FILE):
        return True
    return data.startswith(b"PK\x03\x04") and (b"word/" in data[:65536] or b"word/" in data[-65536:])


_MARKUP = (b"<html", b"<!doctype html", b"<body", b"<head", b"<meta", b"<table", b"<div", b"<p>", b"<p ")


def _is_html(data: bytes) -> bool:
    head = data[:4096].lower()
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: look at its ASCII letters
        head = head.replace(b"\x00", b"")
    return any(mark in head for mark in _MARKUP)


def _read_text(data: bytes, name: str) -> Document:
    decoded = decode_bytes(data, name)
    reject_non_text(decoded.text)
    guessed = (("declared", "nothing"), ("encoding", decoded.guessed or ""))
    notes = (("encoding-guessed", guessed),) if decoded.guessed else ()
    return Document("text", (Paragraph(decoded.text, Location(line=1)),), notes=notes)


_READERS: dict[str, Reader] = {
    "pdf": Reader("pdf", (".pdf",), _is_pdf, "govinfo_report.readers.pdf:read", "pdf"),
    "docx": Reader("docx", (".docx",), _is_docx, "govinfo_report.readers.docx:read", "docx"),
    "html": Reader(
        "html", (".html", ".htm", ".shtml", ".xhtml"), _is_html, "govinfo_report.readers.html:read", "html"
    ),
    "text": Reader("text", (".txt", ".md", ".text"), lambda data: True, _read_text),
}
_LOCK = threading.Lock()
_entry_points_loaded = False


def register_reader(reader: Reader) -> None:
    """Add (or replace) the reader of a kind of document. A registered kind is recognised before
    the built-in ones, by its ``sniff`` or its file endings."""
    with _LOCK:
        ordered = {reader.kind: reader, **{k: r for k, r in _READERS.items() if k != reader.kind}}
        _READERS.clear()
        _READERS.update(ordered)


def readers() -> tuple[Reader, ...]:
    """Every reader, in the order kinds are tried."""
    _load_entry_points()
    return tuple(_READERS.values())


def _load_entry_points() -> None:
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    load_plugins(ENTRY_POINT_GROUP, Reader, register_reader, "reader")


def kind_of(data: bytes, name: str = "") -> str:
    """The kind of document ``data`` holds: by content first (a PDF, a Word file, a web page
    whatever its name), then by the file's ending, else text."""
    all_readers = readers()
    for reader in all_readers:
        if reader.kind != "text" and reader.sniff(data):
            return reader.kind
    suffix = Path(name).suffix.lower()
    for reader in all_readers:
        if suffix in reader.suffixes:
            return reader.kind
    return "text"


def read_document(data: bytes, name: str = "<bytes>", kind: str | None = None) -> Document:
    """Read a document's bytes with the reader of its kind (recognised when not given)."""
    kind = kind or kind_of(data, name)
    reader = next((r for r in readers() if r.kind == kind), None)
    if reader is None:
        known = ", ".join(r.kind for r in readers())
        raise ReportError(f"{name}: no reader for documents of kind {kind!r} (known: {known})")
    document = reader.load()(data, name)
    if not isinstance(document, Document):
        raise ReportError(f"the {kind} reader returned {type(document).__name__}, not a Document")
    return document


def read_source(source: str | Path | bytes | BinaryIO, max_bytes: int | None = None) -> tuple[bytes, str]:
    """The bytes and a name for a path, bytes or a binary file object; more than ``max_bytes``
    (the default :class:`~govinfo_report.limits.Limits`' bound) is refused before it is read, and
    so is a path that is no regular file (a pipe, a device such as /dev/zero, a folder)."""
    bound = max_bytes if max_bytes is not None else default_limits().max_file_bytes
    if isinstance(source, bytes | bytearray):
        _check_size(len(source), bound, "<bytes>")
        return bytes(source), "<bytes>"
    if isinstance(source, str | Path):
        return _read_path(Path(source), bound), str(source)
    if hasattr(source, "read"):
        name = str(getattr(source, "name", "<stream>"))
        data = source.read(bound + 1)
        if not isinstance(data, bytes):
            raise TypeError("parse_file() takes a binary file object (opened with 'rb')")
        _check_size(len(data), bound, name)
        return data, name
    raise TypeError(f"parse_file() takes a path, bytes or a binary file, not {type(source).__name__}")


def _read_path(path: Path, bound: int) -> bytes:
    """A file's bytes; a missing or unreadable file raises the OSError that says why."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"{path}: not a regular file (a folder, a pipe or a device is not read)")
    _check_size(info.st_size, bound, str(path))
    with path.open("rb") as handle:
        data = handle.read(bound + 1)
    _check_size(len(data), bound, str(path))
    return data


def _check_size(size: int, bound: int, name: str) -> None:
    if size > bound:
        raise InputTooLargeError(
            f"{name}: {size:,} bytes, more than the {bound:,} a report file is read up to "
            "(raise Limits.max_file_bytes to read it)"
        )


__all__ = [
    "ENTRY_POINT_GROUP",
    "Document",
    "Location",
    "NotAReportError",
    "Paragraph",
    "Reader",
    "Table",
    "TableCell",
    "decode",
    "kind_of",
    "read_document",
    "read_source",
    "read_text",
    "readers",
    "register_reader",
    "reject_non_text",
]
