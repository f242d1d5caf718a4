"""What placing cells by reading order costs: parse() of reports whose table 三 is printed the
ways PDF text extractors print it (labels and numbers apart), against the same reports as
clean tab-separated text.

    python benchmarks/reading_order.py [--reports N] [--repeat R] [--seed S]

Prints, per extracted order, the median and worst ms per report, and the same for the clean
text; the worst case is what the solver's step limit bounds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings

from hypothesis.errors import NonInteractiveExampleWarning

import govinfo_report
from govinfo_report.model import Report
from govinfo_report.testing import EXTRACTED_ORDERS, cell_values, extracted_text, reports, reports_2019

#: Table 三's columns with the total printed before 其他.
TOTAL_BEFORE_OTHER = (0, 1, 2, 3, 4, 6, 5)


def _reports(count: int, seed: int) -> list[Report]:
    """City-scale reports (the numbers that make one reading stand) and small ones (runs of
    zeros that read alike every way), both templates."""
    warnings.simplefilter("ignore", NonInteractiveExampleWarning)
    random.seed(seed)
    strategies = [
        reports(consistent=True, blanks=False, scale="city"),
        reports(consistent=True, blanks=False),
        reports_2019(consistent=True, blanks=False),
    ]
    found: list[Report] = []
    while len(found) < count:
        report = strategies[len(found) % len(strategies)].example()
        if report.requests is not None:
            found.append(report)
    return found


def _rows_printed(report: Report) -> int:
    """How many rows of table 三 the report prints (a row of blanks is left out)."""
    values = cell_values(report)
    return len({row for (table, row, _), v in values.items() if table == "requests" and v is not None})


def _times(texts: list[str], repeat: int) -> list[float]:
    """Best of ``repeat`` runs, ms, per text."""
    out = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            govinfo_report.parse(text)
            best = min(best, time.perf_counter() - start)
        out.append(best * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    found = _reports(args.reports, args.seed)
    rng = random.Random(args.seed)
    rows: dict[str, list[str]] = {"clean (tsv)": [govinfo_report.render(r, "tsv") for r in found]}
    for order in EXTRACTED_ORDERS:
        texts = []
        for report in found:
            printed = _rows_printed(report)
            breaks = rng.sample(range(1, printed), k=min(2, printed - 1)) if printed > 1 else []
            after = [rng.random() < 0.3 for _ in range(printed)]
            texts.append(extracted_text(report, order, breaks=breaks, after=after))
        rows[order] = texts
    # column by column with every page's total column printed before 其他 (as pdfminer printed a
    # real report): the columns' other orders are tried
    moved = []
    for report in found:
        printed = _rows_printed(report)
        breaks = [printed // 2] if printed > 3 else []
        moved.append(extracted_text(report, "columns", breaks=breaks, columns=[TOTAL_BEFORE_OTHER] * 2))
    rows["columns moved"] = moved
    govinfo_report.parse(rows["clean (tsv)"][0])  # the parser built once, not timed
    print(f"{len(found)} reports, best of {args.repeat} runs each")
    for name, texts in rows.items():
        times = _times(texts, args.repeat)
        print(f"  {name:14} median {statistics.median(times):6.2f} ms   worst {max(times):6.2f} ms")


if __name__ == "__main__":
    main()
