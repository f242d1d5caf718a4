"""Which files a list of paths stands for: files as given, folders walked for every kind of
document a reader reads, in a stable order, each with its path relative to the folder it was
found in (so outputs can keep the inputs' layout). Files in a folder that no reader reads are
reported as skipped, never dropped in silence."""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from .readers import readers


@attrs.frozen
class Source:
    """One input file, and its path relative to the folder or pattern it was found through."""

    path: Path
    relative: Path


@attrs.frozen
class SourceInfo:
    """Where a report came from, as a dataset records it: the path given, the file's size and
    SHA-256 (so a row can be traced to the exact bytes read) and the reader kind that read it
    (None when no reader did)."""

    path: str
    size: int | None = None
    sha256: str | None = None
    kind: str | None = None

    def to_dict(self) -> dict[str, str | int | None]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256, "kind": self.kind}


@attrs.frozen
class Skipped:
    """A file that was not read, and why."""

    path: Path
    reason: str


def _suffixes() -> frozenset[str]:
    return frozenset(suffix for reader in readers() for suffix in reader.suffixes)


def walk(paths: Sequence[str | Path]) -> Iterator[Source | Skipped]:
    """The inputs ``paths`` stand for: a file as given (whatever its name: its content says what
    it is), a folder as every file below it that a reader reads (sorted), a glob pattern as the
    files it matches; a path that does not exist is yielded as given (reading it says why)."""
    suffixes = _suffixes()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder(path, suffixes)
        elif not path.exists() and glob.has_magic(str(given)):
            for match in sorted(glob.glob(str(given), recursive=True)):
                found = Path(match)
                if found.is_file():
                    yield Source(found, Path(found.name))
        else:
            yield Source(path, Path(path.name))


def _folder(root: Path, suffixes: frozenset[str]) -> Iterator[Source | Skipped]:
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root)):
        if path.suffix.lower() in suffixes:
            yield Source(path, path.relative_to(root))
        else:
            yield Skipped(path, f"no reader for {path.suffix or 'files without an ending'}")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
