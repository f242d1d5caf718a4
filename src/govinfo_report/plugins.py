"""Plugins from entry points: readers (``govinfo_report.readers``) and format variants
(``govinfo_report.formats``) that other packages install."""

from __future__ import annotations

import configparser
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")


def load_plugins(group: str, kind: type[T], register: Callable[[T], None], what: str) -> None:
    """Register every plugin of an entry-point group: an entry point gives a ``kind`` object, or
    a callable that makes one. A broken plugin is skipped with a warning naming it (``what``:
    "reader", "format"), so it cannot break every parse."""
    for name, load in entry_points(group):
        try:
            loaded = load()
            plugin = loaded() if callable(loaded) and not isinstance(loaded, kind) else loaded
            if not isinstance(plugin, kind):
                raise TypeError(f"entry point {name!r} gives {type(plugin).__name__}, not a {kind.__name__}")
            register(plugin)
        except Exception as exc:
            import warnings

            warnings.warn(f"govinfo-report: {what} plugin {name!r} not loaded: {exc}", stacklevel=3)


def entry_points(group: str) -> list[tuple[str, Callable[[], object]]]:
    """The entry points of ``group``: each one's name and a function that loads it.

    ``importlib.metadata`` parses every installed distribution's metadata and imports the
    e-mail parser: about 30 ms in an environment of a hundred packages, paid by every first
    parse. The ``entry_points.txt`` files of the distributions on ``sys.path`` hold the same
    answer and are read in about a millisecond. Where that look cannot see everything (a zip
    on the path, a custom metadata finder), ``importlib.metadata`` answers instead."""
    found = _from_path_folders(group)
    if found is not None:
        return found
    from importlib import metadata

    return [(entry.name, entry.load) for entry in metadata.entry_points(group=group)]


def _from_path_folders(group: str) -> list[tuple[str, Callable[[], object]]] | None:
    """The group's entry points read from the distributions' folders, the first distribution
    of a name winning as in ``importlib.metadata``; None when some metadata is out of sight."""
    if _custom_finders():
        return None
    header = f"[{group}]"
    seen: set[str] = set()
    found: list[tuple[str, Callable[[], object]]] = []
    for folder in sys.path:
        folder = folder or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return None  # a zip or egg file: its metadata is inside it
            continue
        for info in _distribution_folders(folder):
            distribution = re.split(r"-\d", os.path.basename(info), maxsplit=1)[0].lower().replace("_", "-")
            if distribution in seen:
                continue
            seen.add(distribution)
            text = _read(os.path.join(info, "entry_points.txt"))
            if text is not None and header in text:
                found.extend(_section(text, group))
    return found


def _distribution_folders(folder: str) -> Iterator[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if name.endswith((".dist-info", ".egg-info")):
            yield os.path.join(folder, name)


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:  # no entry points, or an .egg-info file rather than a folder
        return None


def _section(text: str, group: str) -> list[tuple[str, Callable[[], object]]]:
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # names keep their case
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    if not parser.has_section(group):
        return []
    return [(name, _loader(value)) for name, value in parser.items(group)]


def _loader(value: str) -> Callable[[], object]:
    """``module.path:attr.path [extras]`` -> a function importing the module and the attribute."""

    def load() -> object:
        match = re.fullmatch(r"\s*([\w.]+)\s*(?::\s*([\w.]+)\s*)?(?:\[.*\])?\s*", value)
        if match is None:
            raise ValueError(f"not an entry point: {value!r}")
        target: object = importlib.import_module(match.group(1))
        for attribute in match.group(2).split(".") if match.group(2) else ():
            target = getattr(target, attribute)
        return target

    return load


def _custom_finders() -> bool:
    """Whether a finder other than the standard path finder can list distributions."""
    from importlib.machinery import PathFinder

    return any(finder is not PathFinder and hasattr(finder, "find_distributions") for finder in sys.meta_path)
