"""Plugins from entry points: readers (``govinfo_report.readers``) and format variants
(``govinfo_report.formats``) that other packages install."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def load_plugins(group: str, kind: type[T], register: Callable[[T], None], what: str) -> None:
    """Register every plugin of an entry-point group: an entry point gives a ``kind`` object, or
    a callable that makes one. A broken plugin is skipped with a warning naming it (``what``:
    "reader", "format"), so it cannot break every parse."""
    from importlib import metadata  # slow to import (email.*): only when plugins are looked up

    for entry in metadata.entry_points(group=group):
        try:
            loaded = entry.load()
            plugin = loaded() if callable(loaded) and not isinstance(loaded, kind) else loaded
            if not isinstance(plugin, kind):
                raise TypeError(
                    f"entry point {entry.name!r} gives {type(plugin).__name__}, not a {kind.__name__}"
                )
            register(plugin)
        except Exception as exc:
            import warnings

            warnings.warn(f"govinfo-report: {what} plugin {entry.name!r} not loaded: {exc}", stacklevel=3)
