"""How fast a folder of reports becomes one Parquet file, and whether memory stays flat.

Generates text reports quickly — a few hundred generated reports rendered in the layouts the
parser reads, copied with their agency changed by substitution — then runs the command

    govinfo-report parse DIR --to parquet --jobs 2 --out FILE

for each size, measuring reports per second (wall clock), the CPU time of the command and its
workers (what the cores could do when nothing else runs beside it) and the peak memory of the
command and its worker processes together (their resident sets summed, sampled every 100 ms
from /proc).

    python benchmarks/datasets.py                       # 2,000 and 20,000 reports
    python benchmarks/datasets.py --sizes 2000 100000 --shape wide
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

import govinfo_report

LAYOUTS = ("tsv", "pipe", "markdown", "cells")


def base_texts(count: int) -> list[tuple[str, str]]:
    """``count`` generated reports rendered in turn in each layout, with their agency."""
    from hypothesis.errors import NonInteractiveExampleWarning

    from govinfo_report.testing import reports, reports_2019

    texts = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        for index in range(count):
            scale = "city" if index % 3 else "township"
            strategy = reports_2019() if index % 5 == 4 else reports(scale=scale)
            report = strategy.example()
            text = govinfo_report.render(report, LAYOUTS[index % len(LAYOUTS)])
            texts.append((text, report.agency or ""))
    return texts


def write_reports(folder: Path, count: int, bases: list[tuple[str, str]]) -> None:
    """``count`` report files, 1,000 per subfolder, each base report's agency renamed per copy."""
    for index in range(count):
        text, agency = bases[index % len(bases)]
        if agency:
            text = text.replace(agency, f"{agency[:2]}第{index}{agency[2:]}")
        path = folder / f"{index // 1000:03}" / f"report-{index:06}.txt"
        if index % 1000 == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _descendants(root: int) -> list[int]:
    """A process and its descendants, found by reading every process's parent from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="utf-8") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def run(folder: Path, out: Path, jobs: int, shape: str, to: str = "parquet") -> tuple[float, float, int, int]:
    """Seconds, CPU seconds (the command and its workers), peak memory in bytes, and the exit
    status of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [
        sys.executable,
        "-m",
        "govinfo_report",
        "parse",
        str(folder),
        "--to",
        to,
        "--shape",
        shape,
        "--jobs",
        str(jobs),
        "--out",
        str(out),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        # the process tree is looked up once a second (the workers live as long as the run),
        # the resident sets of its members ten times a second
        nonlocal peak
        members: list[int] = []
        looked = 0.0
        while not done.is_set():
            if time.monotonic() - looked >= 1.0:
                members, looked = _descendants(process.pid), time.monotonic()
            peak = max(peak, sum(_rss(pid) for pid in members))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 2):
        sys.stderr.write(err.decode("utf-8", "replace"))
    return elapsed, cpu, peak, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--shape", choices=("long", "wide"), default="long")
    parser.add_argument("--bases", type=int, default=300, help="generated reports the copies are made from")
    args = parser.parse_args()

    started = time.perf_counter()
    bases = base_texts(args.bases)
    print(f"{len(bases)} generated reports rendered in {time.perf_counter() - started:.1f} s", flush=True)
    peaks = []
    for size in args.sizes:
        workspace = Path(tempfile.mkdtemp(prefix="govinfo-datasets-"))
        try:
            started = time.perf_counter()
            write_reports(workspace / "reports", size, bases)
            print(f"{size:,} report files written in {time.perf_counter() - started:.1f} s", flush=True)
            out = workspace / "reports.parquet"
            elapsed, cpu, peak, status = run(workspace / "reports", out, args.jobs, args.shape)
            peaks.append(peak)
            print(
                f"{size:>8,} reports  {elapsed:7.1f} s  {size / elapsed:7.1f} reports/s  "
                f"peak {peak / 2**20:7.1f} MiB (command and workers)  exit {status}  "
                f"parquet {out.stat().st_size / 2**20:.1f} MiB",
                flush=True,
            )
            # CPU time does not depend on what else the machine runs: what the cores could do
            print(
                f"{'':>8}          {cpu:7.1f} CPU s  {cpu / size * 1000:5.2f} ms per report  "
                f"{args.jobs * size / cpu:7.1f} reports/s on {args.jobs} free cores",
                flush=True,
            )
        finally:
            shutil.rmtree(workspace, ignore_errors=True)
    if len(peaks) > 1:
        spread = max(peaks) / min(peaks) - 1
        print(f"peak memory differs by {spread:.0%} between the smallest and the largest run")
    target = 100_000 / 180
    print(f"target: 100,000 reports on 2 cores in 3 minutes = {target:.0f} reports/s")


if __name__ == "__main__":
    main()
