"""What validation adds to parsing: parse N reports, then validate them, and compare the times.

    python benchmarks/validate_overhead.py [CORPUS_DIR] [-n 1000] [--repeat 3]

The reports are the corpus (``../shared/corpus`` beside the repository when present, else the
bundled example) repeated until there are N texts. Each pass times parsing all N texts, then
validating all N parsed reports (with their text, as the command line does); the best pass of
each is reported, with the overhead of validation as a share of parsing.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def default_corpus() -> list[Path]:
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        return sorted(shared.glob("*.txt"))
    return [REPO / "examples" / "sample_report.txt"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("-n", type=int, default=1000, help="number of reports per pass (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (default 3)")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt")) if args.corpus else default_corpus()

    import govinfo_report

    sources = [govinfo_report.read_text(p) for p in files]
    texts = list(itertools.islice(itertools.cycle(sources), args.n))
    for text in sources:  # warm up: compile grammars, fill caches
        govinfo_report.validate(govinfo_report.parse(text), text=text)

    parse_times: list[float] = []
    validate_times: list[float] = []
    findings = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        reports = [govinfo_report.parse(text) for text in texts]
        t1 = time.perf_counter()
        results = [govinfo_report.validate(r, text=t) for r, t in zip(reports, texts, strict=True)]
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        validate_times.append(t2 - t1)
        findings = sum(len(r) for r in results)

    parse_s, validate_s = min(parse_times), min(validate_times)
    print(f"{args.n} reports ({len(files)} distinct texts), best of {args.repeat} passes")
    print(f"  parse            {parse_s:7.3f} s   {parse_s / args.n * 1000:6.2f} ms per report")
    print(f"  validate         {validate_s:7.3f} s   {validate_s / args.n * 1000:6.2f} ms per report")
    print(f"  overhead         {validate_s / parse_s:7.1%} of parsing ({findings} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
