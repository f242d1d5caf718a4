"""Fuzz the public surface for as long as asked: parse_file (every reader), parse, validate,
to_dict/from_dict, dumps/loads and render, on reports (the corpus beside the repository, the
bundled sample, generated ones) damaged the way files get damaged, and on noise.

    python benchmarks/fuzz.py --inputs 100000 [--seed 1] [--corpus ../shared/corpus]

Prints the number of inputs, the time, every problem found (an exception that is not a
ReportError, a round trip that changes the report, more than a second per 100 KB in every one
of three runs) with the input that caused it saved to ``fuzz-findings/``, and the slowest input
per 100 KB: as it first ran, and the fastest of three runs of it again.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

from govinfo_report.testing.fuzz import corpus_seeds, fuzz_inputs, fuzz_one

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=HERE.parent.parent / "shared" / "corpus")
    parser.add_argument("--findings", type=Path, default=Path("fuzz-findings"))
    args = parser.parse_args()
    seeds = [(HERE.parent / "examples" / "sample_report.txt").read_bytes(), *corpus_seeds(args.corpus)]
    problems: list[tuple[str, str, bytes]] = []
    count = 0
    slowest = (0.0, b"")

    @seed(args.seed)
    @settings(
        max_examples=args.inputs,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=fuzz_inputs(seeds))
    def run(data: bytes) -> None:
        nonlocal count, slowest
        count += 1
        started = time.perf_counter()
        for problem in fuzz_one(data):
            problems.append((problem.step, problem.detail, data))
        per_100kb = (time.perf_counter() - started) / max(1.0, len(data) / 100_000)
        if per_100kb > slowest[0]:
            slowest = (per_100kb, data)

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    print(f"{count} inputs in {elapsed:.0f} s ({count / elapsed:.1f}/s), seed {args.seed}")
    again = min(_timed(slowest[1]) for _ in range(3))
    print(
        f"slowest: {slowest[0]:.3f} s per 100 KB as first run (an input of {len(slowest[1]):,} bytes); "
        f"{again:.3f} s per 100 KB, fastest of three runs again"
    )
    print(f"problems: {len(problems)}")
    if problems:
        args.findings.mkdir(exist_ok=True)
    for index, (step, detail, data) in enumerate(problems):
        path = args.findings / f"{index:04d}-{step.replace(' ', '-')}.bin"
        path.write_bytes(data)
        print(f"  {step}: {detail}  [{path}]")
    return 1 if problems else 0


def _timed(data: bytes) -> float:
    """Seconds per 100 KB that one run of the target on ``data`` takes."""
    started = time.perf_counter()
    fuzz_one(data, confirm_slow=0)
    return (time.perf_counter() - started) / max(1.0, len(data) / 100_000)


if __name__ == "__main__":
    raise SystemExit(main())
