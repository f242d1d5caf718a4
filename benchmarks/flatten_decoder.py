"""How long splitting glued table digits takes, typically and at worst, and how often it is right.

    python benchmarks/flatten_decoder.py [--reports N] [--tally N]

Timing: the decoder's share of parsing (:mod:`govinfo_report.reading.decoding`, timed around its table
entry points) for the flattened reports of ../shared/corpus when present, for generated
township and city reports flattened the way crawlers do, and for adversarial tables built to be
slow: long zero runs, rows that read many ways, digit runs of ones, every row ambiguous at once.
Every timed parse starts with the decoder's row cache empty, so a row is only free when the same
report printed it before.

Tally: over N generated reports (consistent arithmetic; then with one number misprinted), how
each printed cell comes back: exact, blank with its readings in a diagnostic (ambiguous), blank
with another diagnostic, blank without one, or wrong.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

import govinfo_report
from govinfo_report import Report
from govinfo_report.reading import decoding as flatten
from govinfo_report.reading.decoding import rows as decoder_rows

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from flattened import flatten as flatten_report  # noqa: E402
from flattened import outcomes  # noqa: E402
from govinfo_report.testing import reports  # noqa: E402

CORPUS = HERE.parent.parent / "shared" / "corpus"


class DecoderClock:
    """Time spent inside the decoder's entry points while it is installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._saved: dict[str, Callable[..., Any]] = {}

    def __enter__(self) -> DecoderClock:
        for name in ("decode_rows", "decode_review"):
            original = getattr(flatten, name)
            self._saved[name] = original
            setattr(flatten, name, self._timed(original))
        return self

    def __exit__(self, *exc: object) -> None:
        for name, original in self._saved.items():
            setattr(flatten, name, original)

    def _timed(self, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        return timed


def measure(text: str, repeat: int = 3) -> tuple[float, float, Report]:
    """(decoder ms, whole-parse ms, report), the best of ``repeat`` runs."""
    best_decoder = best_total = float("inf")
    parsed = govinfo_report.parse(text)
    for _ in range(repeat):
        decoder_rows._split.cache_clear()  # each run starts cold: rows seen before are not free
        with DecoderClock() as clock:
            start = time.perf_counter()
            parsed = govinfo_report.parse(text)
            total = time.perf_counter() - start
        best_decoder = min(best_decoder, clock.seconds)
        best_total = min(best_total, total)
    return best_decoder * 1000, best_total * 1000, parsed


def generated(count: int, **options: Any) -> list[Report]:
    """``count`` reports from the library's own strategy, reproducibly."""
    out: list[Report] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(reports(**options))
    def collect(report: Report) -> None:
        out.append(report)

    collect()
    return out[:count]


def line(name: str, figures: list[float], unit: str = "ms") -> str:
    figures = sorted(figures)
    p90 = figures[min(len(figures) - 1, int(0.9 * len(figures)))]
    return (
        f"  {name:<44} n={len(figures):<4} median {statistics.median(figures):7.2f} {unit}"
        f"  p90 {p90:7.2f}  max {figures[-1]:7.2f}"
    )


# --- adversarial tables -----------------------------------------------------------------------

_ROWS = [r for r in govinfo_report.template.spec.REQUEST_ROWS if r != "other_processing"]


def _grid_report(base: Report, rows: dict[str, list[int]]) -> Report:
    import attrs

    from govinfo_report.model import Cell, RequestRow, Requests

    built = {row: RequestRow() for row in govinfo_report.template.spec.REQUEST_ROWS}
    for row, values in rows.items():
        built[row] = RequestRow(*(Cell(v) for v in values))
    return attrs.evolve(base, requests=Requests(**built))


def _consistent(results: dict[str, list[int]], carried_over: list[int]) -> dict[str, list[int]]:
    """A table 三 whose arithmetic holds, from its result rows and 二 (四 is all zeros)."""
    total = [sum(r[c] for r in results.values()) for c in range(7)]
    rows = dict(results)
    rows["total_processed"] = total
    rows["carried_forward"] = [0] * 7
    rows["carried_over"] = carried_over
    rows["new_received"] = [t - o for t, o in zip(total, carried_over, strict=True)]
    return rows


def _row(six: list[int]) -> list[int]:
    return [*six, sum(six)]


def adversarial(base: Report) -> Iterator[tuple[str, str]]:
    """(name, flattened text) of tables built to make the decoder work hard."""
    rng = random.Random(7)
    leaves = _ROWS[2:23]
    zeros = {row: _row([10**6 if k % 3 == 0 else 0, 0, 0, 0, 0, 0]) for k, row in enumerate(leaves)}
    yield "long zero runs (1000000|0|0|0|0|0|1000000)", _text(base, _consistent(zeros, [0] * 7))

    # rows that read two or more ways under their own sums, in every result row at once
    ambiguous: dict[str, list[int]] = {}
    while len(ambiguous) < len(leaves):
        six = [rng.randint(0, 60) for _ in range(6)]
        digits = "".join(map(str, _row(six)))
        if len(flatten.split_row([digits], flatten.request_shape()).readings) >= 2:
            ambiguous[leaves[len(ambiguous)]] = _row(six)
    yield "every result row reads 2+ ways", _text(base, _consistent(ambiguous, [0] * 7))

    big = {row: _row([rng.randint(0, 99_999) for _ in range(6)]) for row in leaves}
    yield "every cell up to 99999 (rows of ~40 digits)", _text(base, _consistent(big, [0] * 7))

    ones = {row: _row([111_111] * 6) for row in leaves}
    yield "runs of ones (111111|…|666666)", _text(base, _consistent(ones, [0] * 7))

    broken = _consistent(big, [0] * 7)
    broken["granted"] = [*broken["granted"][:6], broken["granted"][6] + 1]
    yield "cells up to 99999, one row misprinted", _text(base, broken)


def _text(base: Report, rows: dict[str, list[int]]) -> str:
    return flatten_report(_grid_report(base, rows), random.Random(0), spaces=0)


# --- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40, help="generated reports per scale")
    parser.add_argument("--tally", type=int, default=0, help="also tally outcomes over N reports")
    args = parser.parse_args(argv)

    print("decoder time (best of 3 runs of parse(); the decoder's share, then the whole parse)")
    for path in sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []:
        decoder, total, parsed = measure(govinfo_report.read_text(path), repeat=5)
        if any(d.code == "glued-cells-split" for d in parsed.diagnostics):  # a flattened report
            print(f"  {'real report ' + path.stem:<44} decoder {decoder:6.2f} ms  parse {total:6.2f} ms")
    for scale in ("township", "city"):
        decoder_ms: list[float] = []
        total_ms: list[float] = []
        for k, report in enumerate(generated(args.reports, scale=scale, consistent=True, blanks=False)):
            decoder, total, _ = measure(flatten_report(report, random.Random(k)))
            decoder_ms.append(decoder)
            total_ms.append(total)
        print(line(f"{scale} reports, flattened: decoder", decoder_ms))
        print(line(f"{scale} reports, flattened: whole parse", total_ms))

    print("adversarial tables (decoder ms; outcome of table 三's 175 cells)")
    base = generated(1, scale="township", consistent=True, blanks=False)[0]
    for name, text in adversarial(base):
        decoder, total, parsed = measure(text)
        codes = sorted(
            {d.code for d in parsed.diagnostics if d.code.startswith("glued") and d.table == "requests"}
        )
        requests = parsed.requests
        filled = sum(v is not None for _, row in requests.rows() for v in row.values()) if requests else 0
        print(
            f"  {name:<44} decoder {decoder:7.2f} ms  parse {total:7.2f} ms  "
            f"filled {filled:3}  {', '.join(codes)}"
        )
    print(
        f"  bounds: {flatten.ROW_STEPS} steps a row, {flatten.TABLE_STEPS} a table "
        f"(three tables a report), {flatten.ROW_READINGS} readings a row"
    )

    if args.tally:
        for consistent in (True, False):
            tally: Counter[str] = Counter()
            for k, report in enumerate(generated(args.tally, consistent=consistent, blanks=False)):
                text = flatten_report(report, random.Random(k), one_line=k % 2 == 1)
                tally.update(outcomes(govinfo_report.parse(text), report))
            cells = sum(tally.values())
            label = "arithmetic holds" if consistent else "one number misprinted"
            print(f"outcomes over {args.tally} reports ({label}), {cells} cells:")
            for kind in ("exact", "ambiguous", "blank", "unexplained", "wrong"):
                print(f"  {kind:<12} {tally[kind]:7}  {100 * tally[kind] / cells:6.2f} %")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
