"""A fuzz target over the whole public surface, and the inputs to feed it.

:func:`fuzz_one` takes any bytes and runs what a user can run on them: ``parse_file`` (every
reader, by content), ``parse`` of the text they decode to, ``validate``, the data contract both
ways (``to_dict``/``from_dict``, ``dumps``/``loads``) and ``render``. It returns the problems
it found — an exception that is not a :class:`~govinfo_report.ReportError`, a round trip that
does not give the report back, or more than a second per 100 KB — and raises nothing itself.

:func:`fuzz_inputs` is a hypothesis strategy of bytes: real and generated reports as seeds,
mutated the way files get damaged (cut, spliced, bytes flipped, runs repeated, encodings mixed).
``python benchmarks/fuzz.py`` runs the target for as long as asked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from hypothesis import strategies as st

from .. import api
from ..checks.validation import validate
from ..contract import from_dict, to_dict
from ..errors import ReportError
from ..model import Report
from ..writers.render import render
from ..writers.serialize import dumps, loads
from ..writers.text import RENDER_LAYOUTS

#: Time allowed per 100 KB of input (and at least this for any input).
SECONDS_PER_100_KB = 1.0


@attrs.frozen
class Problem:
    """Something the target found: what was run, and what went wrong."""

    step: str
    detail: str


def fuzz_one(data: bytes, *, confirm_slow: int = 2) -> list[Problem]:
    """Run every public entry point on ``data``; the problems found (none when all is well).

    An input over its time budget is run again up to ``confirm_slow`` times and flagged only
    when every run is over: on a shared machine one run can lose its core to another process,
    and the budget is about the work an input needs, not the time the scheduler gave it.
    """
    problems, elapsed = _run_all(data)
    allowed = SECONDS_PER_100_KB * max(1.0, len(data) / 100_000)
    runs = 1
    while elapsed > allowed and runs <= confirm_slow:
        elapsed = min(elapsed, _run_all(data)[1])
        runs += 1
    if elapsed > allowed:
        detail = f"{elapsed:.2f} s for {len(data):,} bytes (allowed {allowed:.2f} s; fastest of {runs} runs)"
        problems.append(Problem("time", detail))
    return problems


def _run_all(data: bytes) -> tuple[list[Problem], float]:
    """The problems every entry point finds on ``data``, and the seconds they took together."""
    problems: list[Problem] = []
    started = time.perf_counter()
    report = _run("parse_file", problems, lambda: api.parse_file(data))
    text = _run("decode", problems, lambda: data.decode("utf-8", errors="replace"))
    if isinstance(text, str):
        parsed = _run("parse", problems, lambda: api.parse(text))
        report = parsed if isinstance(parsed, Report) else report
    if isinstance(report, Report):
        _check_report(report, problems)
    return problems, time.perf_counter() - started


def _run(step: str, problems: list[Problem], call: Callable[[], object]) -> object:
    try:
        return call()
    except ReportError:
        return None
    except Exception as exc:  # the point of fuzzing: anything else is a finding
        problems.append(Problem(step, f"{type(exc).__name__}: {exc}"[:500]))
        return None


def _check_report(report: Report, problems: list[Problem]) -> None:
    _run("validate", problems, lambda: validate(report))
    data = _run("to_dict", problems, lambda: to_dict(report))
    if isinstance(data, dict):
        back = _run("from_dict", problems, lambda: from_dict(data))
        if isinstance(back, Report) and back != report:
            problems.append(Problem("from_dict", "from_dict(to_dict(report)) differs from the report"))
    text = _run("dumps", problems, lambda: dumps(report))
    if isinstance(text, str):
        back = _run("loads", problems, lambda: loads(text))
        if isinstance(back, Report) and back != report:
            problems.append(Problem("loads", "loads(dumps(report)) differs from the report"))
    if report.format in ("2021", "2019"):
        for layout in (*RENDER_LAYOUTS, "html"):
            _run(f"render {layout}", problems, lambda layout=layout: render(report, layout))  # type: ignore[misc]


# --- inputs -------------------------------------------------------------------------------------


def _mutate(draw: st.DrawFn, seed: bytes) -> bytes:
    """One damage of the kinds files suffer."""
    kind = draw(st.sampled_from(("cut", "splice", "flip", "repeat", "insert", "delete", "recode")))
    if not seed:
        return draw(st.binary(max_size=64))
    at = draw(st.integers(0, len(seed)))
    if kind == "cut":
        return seed[:at]
    if kind == "splice":
        other = draw(st.integers(0, len(seed)))
        return seed[:at] + seed[other:]
    if kind == "flip":
        if at == len(seed):
            return seed
        return seed[:at] + bytes([seed[at] ^ (1 << draw(st.integers(0, 7)))]) + seed[at + 1 :]
    if kind == "repeat":
        size = draw(st.integers(1, 64))
        return seed[:at] + seed[at : at + size] * draw(st.integers(2, 200)) + seed[at:]
    if kind == "insert":
        return seed[:at] + draw(st.binary(min_size=1, max_size=32)) + seed[at:]
    if kind == "delete":
        return seed[:at] + seed[at + draw(st.integers(1, 256)) :]
    try:  # recode: the text in another encoding, from some point on
        return seed[:at] + seed[at:].decode("utf-8").encode(
            draw(st.sampled_from(("gb18030", "utf-16", "big5")))
        )
    except (UnicodeDecodeError, UnicodeEncodeError):
        return seed


@st.composite
def fuzz_inputs(draw: st.DrawFn, seeds: Sequence[bytes] = ()) -> bytes:
    """Bytes to fuzz with: a seed (or a report generated now) damaged a few times, or noise."""
    from .rendered import report_texts

    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=4096))
    from_seed: bool = draw(st.booleans())
    if seeds and from_seed:
        data: bytes = draw(st.sampled_from(list(seeds)))
    else:
        data = draw(report_texts()).text.encode("utf-8")
    for _ in range(draw(st.integers(0, 4))):
        data = _mutate(draw, data)
    return data


def corpus_seeds(folder: Path) -> list[bytes]:
    """The report files of a folder (and its documents), as seeds."""
    if not folder.is_dir():
        return []
    return [
        p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".html", ".docx", ".pdf")
    ]
