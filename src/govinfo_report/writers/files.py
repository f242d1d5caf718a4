"""Writing one output file per input into a folder, safely: outputs never overwrite each other
(two inputs with one name get ``-2``, ``-3`` … in turn), each file is written to a temporary
file and renamed into place (a reader never sees half a file), and nothing is written through a
symlink — a link planted in the output folder, or as one of its subfolders, is refused."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class OutputError(OSError):
    """An output file could not be written where it belongs."""


class OutputFolder:
    """A folder outputs are written into, remembering the names already given out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.taken: set[Path] = set()

    def write(self, relative: Path, suffix: str, text: str) -> Path:
        """Write ``text`` as ``relative`` with ``suffix`` below the folder, under a name no
        earlier output of this run has; returns the path written."""
        target = self._unique(relative.with_suffix(suffix))
        folder = self._make_folders(target.parent)
        path = folder / target.name
        _replace_atomically(path, text.encode("utf-8"))
        return path

    def _unique(self, wanted: Path) -> Path:
        candidate, number = wanted, 1
        while candidate in self.taken:
            number += 1
            candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
        self.taken.add(candidate)
        return candidate

    def _make_folders(self, relative: Path) -> Path:
        """The output folder and the subfolders ``relative`` names, made as needed, none of
        them a symlink."""
        folders = [
            self.root,
            *(self.root.joinpath(*relative.parts[: i + 1]) for i in range(len(relative.parts))),
        ]
        for folder in folders:
            try:
                folder.mkdir(exist_ok=True, parents=folder == self.root)
                info = os.lstat(folder)
            except OSError as exc:
                raise OutputError(f"{folder}: cannot make the output folder: {exc.strerror or exc}") from exc
            if not stat.S_ISDIR(info.st_mode):
                raise OutputError(
                    f"{folder}: a symlink or a file, not a folder: nothing is written through it"
                )
        return folders[-1]


def _replace_atomically(path: Path, data: bytes) -> None:
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write it: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)  # replaces a symlink at the name, never follows it
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"{path}: cannot write it: {exc.strerror or exc}") from exc
