"""Does parsing stay linear in the size of the input? Times ``parse`` from 10 KB to 10 MB.

    python benchmarks/linear_time.py [--layout tsv] [--max-mb 10] [--repeat 3]

Two kinds of large input, both built from the bundled example report written back with
``govinfo_report.writers.text`` in the chosen layout:

* ``padded``   — one report whose section 一 is padded with prose (numbers, sub-headings, fake
  headings) up to the size: a huge report;
* ``repeated`` — the whole report text repeated until the size: a crawler that concatenated pages;
* ``table``    — table 三 repeated inside section 三: one table region as large as the input.

For each size it prints the best of ``--repeat`` runs in ms and ms per KB. Linear behaviour keeps
ms/KB flat as the size grows; a quadratic step shows as ms/KB growing with the size.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import attrs

import govinfo_report
from govinfo_report.writers.text import render_placed

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "sample_report.txt"
SIZES_KB = (10, 30, 100, 300, 1000, 3000, 10000)
PROSE = (
    "2023年，全年主动公开政府信息326条，收到申请15件，收取信息处理费380元。\n"
    "（一）主动公开情况。通过门户网站、政务新媒体发布政策文件、解读材料。\n"
    "四、2024年工作打算\n"
    "1.强化组织领导。严格执行“三审三校”制度，确保信息准确。\n"
)


def base_report() -> govinfo_report.Report:
    return govinfo_report.parse_file(SAMPLE)


def padded(report: govinfo_report.Report, layout: str, size: int) -> str:
    """The report with section 一 padded with prose until the text is about ``size`` bytes."""
    plain = govinfo_report.render(report, layout)
    missing = max(0, size - len(plain.encode("utf-8")))
    copies = missing // len(PROSE.encode("utf-8")) + 1
    first = report.section(1)
    text = (first.text if first else "") + "\n" + PROSE * copies
    sections = tuple(attrs.evolve(s, text=text) if s.number == 1 else s for s in report.sections)
    return govinfo_report.render(attrs.evolve(report, sections=sections), layout)


def repeated(report: govinfo_report.Report, layout: str, size: int) -> str:
    """The whole report text repeated until it is about ``size`` bytes."""
    one = govinfo_report.render(report, layout)
    return one * (size // len(one.encode("utf-8")) + 1)


def big_table(report: govinfo_report.Report, layout: str, size: int) -> str:
    """Table 三 printed over and over inside section 三 until the text is about ``size`` bytes:
    one table region as large as the whole input."""
    text, placement = render_placed(report, layout)
    lines = text.split("\n")
    first, last = placement.tables["requests"]
    table = lines[first : last + 1]
    copies = size // len("\n".join(table).encode("utf-8")) + 1
    return "\n".join(lines[:first] + table * copies + lines[last + 1 :])


def best_ms(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        govinfo_report.parse(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--layout", default="tsv", choices=govinfo_report.RENDER_LAYOUTS)
    parser.add_argument("--max-mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--budget", type=float, default=20.0, help="stop a kind of input once one parse takes longer (s)"
    )
    args = parser.parse_args()

    report = base_report()
    govinfo_report.parse(govinfo_report.render(report, args.layout))  # compile the grammars first
    print(f"layout {args.layout}; best of {args.repeat} runs")
    print(f"{'input':<9} {'size':>9} {'ms':>10} {'ms/KB':>8}")
    for kind, build in (("padded", padded), ("repeated", repeated), ("table", big_table)):
        for size_kb in SIZES_KB:
            if size_kb > args.max_mb * 1000:
                break
            text = build(report, args.layout, size_kb * 1000)
            kb = len(text.encode("utf-8")) / 1000
            repeat = args.repeat if kb < 3000 else 1
            ms = best_ms(text, repeat)
            print(f"{kind:<9} {kb:>7.0f}KB {ms:>10.1f} {ms / kb:>8.3f}", flush=True)
            if ms > args.budget * 1000:
                print(f"{kind:<9} stopped: over {args.budget:.0f} s at {kb:.0f} KB", flush=True)
                break


if __name__ == "__main__":
    main()
