"""A one-line progress bar for long batches: done of total, the rate, and how many failed. It is
drawn at most ten times a second, on a stream that is a terminal only, so logs and pipes never
fill with carriage returns."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24


class Progress:
    """Counts inputs as they finish and redraws the bar; :meth:`close` ends its line."""

    def __init__(self, total: int | None, *, stream: TextIO | None = None, enabled: bool = True) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self._started = time.monotonic()
        self._drawn = 0.0

    def advance(self, *, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The bar as text."""
        elapsed = max((now if now is not None else time.monotonic()) - self._started, 1e-9)
        rate = f"{self.done / elapsed:,.1f}/s"
        failed = f" · {self.failed:,} failed" if self.failed else ""
        if not self.total:
            return f"{self.done:,} reports · {rate}{failed}"
        filled = round(_WIDTH * self.done / self.total)
        bar = "█" * filled + "░" * (_WIDTH - filled)
        return f"{bar} {self.done:,}/{self.total:,} reports · {rate}{failed}"

    def _draw(self, now: float) -> None:
        self.stream.write("\r" + self.line(now) + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
