"""How fast a folder of reports becomes one Parquet file, and whether memory stays flat.

Generates text reports quickly — a few hundred generated reports rendered in the layouts the
parser reads, copied with their agency changed by substitution — then runs the command

    govinfo-report parse DIR --to parquet --jobs 2 --out FILE

for each size, measuring reports per second (wall clock) and the peak memory of the command
and its worker processes together (their resident sets summed, sampled every 50 ms from /proc).

    python benchmarks/datasets.py                       # 2,000 and 20,000 reports
    python benchmarks/datasets.py --sizes 2000 100000 --shape wide
"""

from __future__ import annotations

import argparse
import os
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


def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total


def run(folder: Path, out: Path, jobs: int, shape: str) -> tuple[float, int, int]:
    """Seconds, peak memory in bytes, and the exit status of one run of the command."""
    command = [
        sys.executable,
        "-m",
        "govinfo_report",
        "parse",
        str(folder),
        "--to",
        "parquet",
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
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode not in (0, 2):
        sys.stderr.write(err.decode("utf-8", "replace"))
    return elapsed, peak, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--shape", choices=("long", "wide"), default="long")
    parser.add_argument("--bases", type=int, default=300, help="generated reports the copies are made from")
    args = parser.parse_args()

    started = time.perf_counter()
    bases = base_texts(args.bases)
    print(f"{len(bases)} generated reports rendered in {time.perf_counter() - started:.1f} s")
    peaks = []
    for size in args.sizes:
        workspace = Path(tempfile.mkdtemp(prefix="govinfo-datasets-"))
        try:
            started = time.perf_counter()
            write_reports(workspace / "reports", size, bases)
            print(f"{size:,} report files written in {time.perf_counter() - started:.1f} s")
            out = workspace / "reports.parquet"
            elapsed, peak, status = run(workspace / "reports", out, args.jobs, args.shape)
            peaks.append(peak)
            print(
                f"{size:>8,} reports  {elapsed:7.1f} s  {size / elapsed:7.1f} reports/s  "
                f"peak {peak / 2**20:7.1f} MiB (command and workers)  exit {status}  "
                f"parquet {out.stat().st_size / 2**20:.1f} MiB"
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
