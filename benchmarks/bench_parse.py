"""Parsing speed: median ms per report over a corpus, and the cost of a cold start.

    python benchmarks/bench_parse.py [CORPUS_DIR] [--repeat N]

Without CORPUS_DIR it uses ../shared/corpus beside the repository if present, else the bundled
example. The cold start (``import govinfo_report`` + first parse) is measured in a fresh
interpreter, twice: with an empty parser cache and with the on-disk cache warm.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

COLD = """
import time
t0 = time.perf_counter()
import govinfo_report
text = open({path!r}, encoding="utf-8").read()
govinfo_report.parse(text)
print((time.perf_counter() - t0) * 1000)
"""


def default_corpus() -> list[Path]:
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        return sorted(shared.glob("*.txt"))
    return [REPO / "examples" / "sample_report.txt"]


def cold_start(path: Path, cache_dir: str) -> float:
    env = {"GOVINFO_REPORT_CACHE": cache_dir, "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", COLD.format(path=str(path))],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the corpus")
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.txt")) if args.corpus else default_corpus()

    import govinfo_report

    texts = [p.read_text("utf-8") for p in files]
    for text in texts:  # warm up: compile grammars, fill caches
        govinfo_report.parse(text)
    per_report: list[list[float]] = [[] for _ in texts]
    for _ in range(args.repeat):
        for index, text in enumerate(texts):
            t0 = time.perf_counter()
            govinfo_report.parse(text)
            per_report[index].append((time.perf_counter() - t0) * 1000)
    best = [min(times) for times in per_report]
    medians = [statistics.median(times) for times in per_report]
    for path, b, m in zip(files, best, medians, strict=True):
        print(
            f"  {path.name:40} median {m:6.2f} ms   best {b:6.2f} ms   {path.stat().st_size / 1024:5.1f} KB"
        )
    print(f"median per report: {statistics.median(medians):.2f} ms over {len(files)} reports x {args.repeat}")

    with tempfile.TemporaryDirectory() as cache:
        empty = cold_start(files[0], cache)
        warm = statistics.median(cold_start(files[0], cache) for _ in range(3))
    print(
        f"import + first parse, new process: {warm:.0f} ms (parser cache warm), {empty:.0f} ms (empty cache)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
