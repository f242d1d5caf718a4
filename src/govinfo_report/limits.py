"""How much the library reads before it refuses: bounds on input that keep time and memory in
proportion to what a report can be, whatever a file holds.

A published report is a few hundred kilobytes of text at most (a web page with its site around it
perhaps a megabyte); the defaults leave room for twenty times that. Each bound can be raised for
one call (``parse(text, limits=Limits(max_text_chars=…))``) or for the process
(:func:`set_default_limits`). A file or text past a bound raises :class:`InputTooLargeError`
before it is read or parsed; a table region past its bound is not read as a table and says so.
"""

from __future__ import annotations

import attrs

from .errors import ReportError


class InputTooLargeError(ReportError):
    """An input is larger than a bound of :class:`Limits` allows; the message says which."""


@attrs.frozen
class Limits:
    """The bounds on input: bytes of a file, characters of a text, characters of one table
    region (a statistics table is a few kilobytes)."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_text_chars: int = 20_000_000
    max_region_chars: int = 2_000_000


_default = Limits()


def default_limits() -> Limits:
    """The bounds calls use when they are given none."""
    return _default


def set_default_limits(limits: Limits) -> None:
    """Change the bounds calls use when they are given none (for this process)."""
    global _default
    _default = limits


def check_text(text: str, limits: Limits | None = None) -> None:
    """Refuse a text longer than the bound."""
    bound = (limits or _default).max_text_chars
    if len(text) > bound:
        raise InputTooLargeError(
            f"the text has {len(text):,} characters, more than the {bound:,} a report is read up to "
            "(raise Limits.max_text_chars to read it)"
        )
