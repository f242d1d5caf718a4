"""Parsing speed in one run: per report, against a bare regex pass, at start-up, and in batches.

    python benchmarks/speed.py [CORPUS_DIR] [--repeat N] [--reports N] [--skip-batch]

Reports, for the targets the library sets itself:

* the median ms per report of ``parse()`` over the corpus (``../shared/corpus`` beside the
  repository when present, else the bundled example), and the same for a bare regex tokenisation
  of each text (read + NFKC + one ``findall``) measured in the same run, with their ratio;
* ``import govinfo_report`` in a fresh interpreter, and import + first parse with the parser cache
  warm and empty (medians of five fresh processes);
* reports per second of ``govinfo-report parse DIR --to jsonl`` over N generated reports
  (default 20,000), with one worker process and with two.

The glued-digit decoder has its own benchmark: ``benchmarks/flatten_decoder.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

#: The floor a parser cannot beat by much: every number and every run of other text, once.
TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[^\s0-9]+")

IMPORT = """
import time
t0 = time.perf_counter()
import govinfo_report
print((time.perf_counter() - t0) * 1000)
"""

FIRST_PARSE = """
import time
t0 = time.perf_counter()
import govinfo_report
govinfo_report.parse(open({path!r}, encoding="utf-8").read())
print((time.perf_counter() - t0) * 1000)
"""


def corpus(folder: Path | None) -> list[Path]:
    if folder is not None:
        return sorted(folder.glob("*.txt"))
    shared = REPO.parent / "shared" / "corpus"
    if shared.is_dir():
        return sorted(shared.glob("*.txt"))
    return [REPO / "examples" / "sample_report.txt"]


def tokenise(text: str) -> int:
    return len(TOKEN.findall(unicodedata.normalize("NFKC", text)))


def per_report(texts: list[str], function: object, repeat: int) -> list[float]:
    """The median ms of ``function(text)`` for each text over ``repeat`` passes."""
    assert callable(function)
    times: list[list[float]] = [[] for _ in texts]
    for _ in range(repeat):
        for index, text in enumerate(texts):
            started = time.perf_counter()
            function(text)
            times[index].append((time.perf_counter() - started) * 1000)
    return [statistics.median(t) for t in times]


def fresh(script: str, cache: str | None, runs: int = 5) -> float:
    """The median ms a fresh interpreter prints for ``script``."""
    env = {"PATH": ""}
    if "PYTHONPATH" in os.environ:  # a source tree run without installing
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    if cache is not None:
        env["GOVINFO_REPORT_CACHE"] = cache
    found = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
        )
        found.append(float(out.stdout.strip()))
    return statistics.median(found)


def batch(count: int, jobs_list: list[int]) -> None:
    """Reports per second of the command over ``count`` generated report files."""
    import datasets  # the generator and runner of benchmarks/datasets.py

    started = time.perf_counter()
    bases = datasets.base_texts(300)
    workspace = Path(tempfile.mkdtemp(prefix="govinfo-speed-"))
    try:
        datasets.write_reports(workspace / "reports", count, bases)
        print(f"{count:,} generated reports written in {time.perf_counter() - started:.1f} s", flush=True)
        for jobs in jobs_list:
            elapsed, cpu, _, status = datasets.run(
                workspace / "reports", workspace / "out.jsonl", jobs, "long", to="jsonl"
            )
            print(
                f"  --jobs {jobs}: {elapsed:6.1f} s  {count / elapsed:6.0f} reports/s  "
                f"({cpu:.1f} CPU s, exit {status})",
                flush=True,
            )
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=7, help="timed passes over the corpus")
    parser.add_argument("--reports", type=int, default=20000, help="generated reports for the batch run")
    parser.add_argument("--skip-batch", action="store_true", help="leave out the batch run")
    args = parser.parse_args()

    import govinfo_report

    files = corpus(args.corpus)
    texts = [p.read_text("utf-8") for p in files]
    for text in texts:  # warm up: compile grammars, fill caches
        govinfo_report.parse(text)
    parse_ms = per_report(texts, govinfo_report.parse, args.repeat)
    regex_ms = per_report(texts, tokenise, args.repeat)
    for path, p, r in zip(files, parse_ms, regex_ms, strict=True):
        print(f"  {path.name:40} parse {p:6.2f} ms   regex {r:5.2f} ms   {p / r:5.1f}x")
    median_parse, median_regex = statistics.median(parse_ms), statistics.median(regex_ms)
    print(
        f"median per report: parse {median_parse:.2f} ms, regex tokenisation {median_regex:.2f} ms, "
        f"ratio {median_parse / median_regex:.1f}x ({len(files)} reports x {args.repeat})"
    )

    print(f"import govinfo_report: {fresh(IMPORT, None):.0f} ms")
    script = FIRST_PARSE.format(path=str(files[0]))
    with tempfile.TemporaryDirectory() as cache:
        empty = statistics.median(fresh(script, tempfile.mkdtemp(dir=cache), runs=1) for _ in range(5))
        fresh(script, cache, runs=1)  # fill it
        warm = fresh(script, cache)
    print(f"import + first parse: {warm:.0f} ms with the parser cache warm, {empty:.0f} ms empty")

    if not args.skip_batch:
        batch(args.reports, [1, 2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
