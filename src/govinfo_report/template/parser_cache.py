"""The on-disk cache of compiled parsers, which no file planted or damaged in it can turn into
code or into a wrong parser.

Compiling a grammar takes 100–350 ms; loading it from the cache a few. The cache holds no pickle:
a compiled parser is written as Lark's own serialised data in JSON, which loading can only turn
back into a parser, never into code. Each file carries the SHA-256 of its content, checked
before anything is read from it; a file that fails the check, is not a regular file owned by the
user and private to them, or does not load, is deleted and the parser compiled again — it is
never trusted. Files are written to a temporary file and renamed into place (so a reader never
sees half a file, and a symlink planted at the name is replaced, not followed), opened without
following symlinks, created 0600 in a directory that is the user's own and 0700.

Entries are keyed by the library's version, Lark's version, the install's location and the
content of every grammar file, so two installs (or two versions of Lark) sharing one directory
keep to their own files, and an edited grammar is never served stale.

The directory is ``$GOVINFO_REPORT_CACHE``, else ``$XDG_CACHE_HOME/govinfo-report``, else
``~/.cache/govinfo-report``; ``GOVINFO_REPORT_CACHE=""`` turns the disk cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

import lark
from lark.grammar import Rule
from lark.lexer import TerminalDef

_MAGIC = b"govinfo-report parser cache 2\n"
#: A cache file larger than this is not a compiled table or skeleton grammar.
_MAX_BYTES = 32 * 1024 * 1024
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def cache_dir() -> Path | None:
    """The user-private directory for compiled parsers, created on demand; None when there is
    none that is the user's own and private to them."""
    configured = os.environ.get("GOVINFO_REPORT_CACHE")
    if configured == "":
        return None
    if configured:
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "govinfo-report"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(base)
        if not stat.S_ISDIR(info.st_mode) or not _own(info):
            return None
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(base, 0o700)  # the user's own directory, made private again
    except OSError:
        return None
    return base


def _own(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def read(path: Path) -> lark.Lark | None:
    """The parser cached at ``path``, or None (a bad file is deleted on the way)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except FileNotFoundError:
        return None
    except OSError:  # a symlink (ELOOP) or a file the user may not read
        _discard(path)
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        trusted = stat.S_ISREG(info.st_mode) and _own(info) and not stat.S_IMODE(info.st_mode) & 0o077
        content = handle.read(_MAX_BYTES + 1) if trusted and info.st_size <= _MAX_BYTES else b""
    parser = _parse(content)
    if parser is None:
        _discard(path)
    return parser


def _parse(content: bytes) -> lark.Lark | None:
    """The parser a cache file's content holds, when its checksum is right and it loads."""
    if not content.startswith(_MAGIC):
        return None
    header, _, payload = content[len(_MAGIC) :].partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != header:
        return None
    try:
        return lark.Lark.load(json.loads(payload, object_pairs_hook=_numbered))
    except Exception:  # a well-formed file Lark cannot load (another version's): rebuild it
        return None


def _numbered(pairs: list[tuple[str, object]]) -> dict[object, object]:
    """A JSON object with its keys as Lark wrote them: JSON keeps only strings, and Lark numbers
    its memo entries and parser states (no grammar name is ever all digits)."""
    return {int(key) if key.isdigit() else key: value for key, value in pairs}


def write(path: Path, parser: lark.Lark) -> None:
    """Cache ``parser`` at ``path``, atomically; a cache that cannot be written is skipped."""
    data, memo = parser.memo_serialize([TerminalDef, Rule])
    try:
        payload = json.dumps({"data": data, "memo": memo}, ensure_ascii=False).encode()
    except (TypeError, ValueError):  # options that JSON cannot hold: not cached
        return
    content = _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")  # 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except OSError:
        _discard(Path(temporary))


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
