"""How PDF text extractors' output of generated reports reads: cells right, blank, and wrong.

    python benchmarks/extractor_sweep.py [--reports N] [--seed S] [--batch B] [--keep DIR]

Draws N reports from the library's own strategies (both templates; with and without blank cells;
arithmetic kept or broken on purpose; township and city scale), writes each as a web page in one of
the page styles of ``tests/libreoffice.py``, has LibreOffice make PDFs of them the way agencies
make theirs (HTML → DOCX → PDF, B pages per LibreOffice start), and then, per PDF, runs every
installed extractor of ``tests/test_converters.py`` (pdftotext plain, ``-layout``, ``-raw``,
pdfminer.six, pypdf, pdfplumber, markitdown) followed by ``parse()``, and ``parse_file()`` on the
PDF itself. Every table cell is compared with the generated report.

Prints, per extractor, the share of cells read exactly (a blank cell read blank counts) and the
number of cells read wrong — a value where the report has another value or none. With ``--keep``
the extractor's text of every report with a wrong cell is written to DIR with the wrong cells, so
a case can be replayed with ``parse()``. Needs LibreOffice (``soffice``) and the ``converters``
and ``documents`` extras; without LibreOffice it says so and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import govinfo_report  # noqa: E402
from govinfo_report.model import Report  # noqa: E402
from govinfo_report.testing import cell_values, reports, reports_2019  # noqa: E402
from libreoffice import LIBREOFFICE_STYLES, page, soffice, through_libreoffice  # noqa: E402

Key = tuple[str, str, str]


class _Enough(Exception):
    """Raised inside the drawing loop once enough distinct reports are drawn."""


def drawn(count: int, start: int) -> list[tuple[Report, str]]:
    """``count`` distinct reports with a page style each, the same for the same seed (hypothesis
    draws some examples more than once)."""
    made: list[tuple[Report, str]] = []
    seen: set[str] = set()
    kinds = st.one_of(
        reports(consistent=None, blanks=True),
        reports(consistent=None, blanks=False),
        reports_2019(consistent=None, blanks=True),
        reports_2019(consistent=None, blanks=False),
    )

    @seed(start)
    @settings(
        max_examples=10 * count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(kinds, st.sampled_from(LIBREOFFICE_STYLES))
    def collect(report: Report, style: str) -> None:
        key = repr((report, style))
        if key not in seen:
            seen.add(key)
            made.append((report, style))
        if len(made) >= count:
            raise _Enough

    with contextlib.suppress(_Enough):
        collect()
    return made[:count]


class Tally:
    """Cells right and wrong for one reader, and where the wrong ones were."""

    def __init__(self) -> None:
        self.cells = 0
        self.right = 0
        self.wrong: list[tuple[int, str, list[str]]] = []

    def add(self, index: int, style: str, parsed: Report, report: Report) -> list[str]:
        got, want = cell_values(parsed), cell_values(report)
        wrong = []
        for key, value in want.items():
            self.cells += 1
            if got.get(key) == value:
                self.right += 1
            elif got.get(key) is not None:
                wrong.append(f"{'.'.join(key)}: got {got.get(key)} for {value}")
        if wrong:
            self.wrong.append((index, style, wrong))
        return wrong

    def line(self, name: str) -> str:
        share = 100 * self.right / self.cells if self.cells else 0.0
        wrong = sum(len(cells) for _, _, cells in self.wrong)
        return f"  {name:<20} {share:6.1f} % of {self.cells} cells read   {wrong} wrong"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=20, help="pages per LibreOffice start")
    ap.add_argument("--keep", type=Path, help="write the text of every report read wrong here")
    args = ap.parse_args()
    if soffice() is None:
        print("LibreOffice is not installed (apt-get install libreoffice-writer-nogui); nothing measured")
        return 0
    from test_converters import PDF_EXTRACTORS

    extractors = [c for c in PDF_EXTRACTORS if c.missing() is None]
    tallies = {c.name: Tally() for c in extractors}
    tallies["parse_file"] = Tally()
    made = drawn(args.reports, args.seed)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for first in range(0, len(made), args.batch):
            batch = made[first : first + args.batch]
            where = Path(folder) / f"batch{first}"
            where.mkdir()
            pdfs = through_libreoffice([page(report, style) for report, style in batch], where)
            for index, ((report, style), pdf) in enumerate(zip(batch, pdfs, strict=True), start=first):
                for converter in extractors:
                    text = converter.run(pdf)
                    wrong = tallies[converter.name].add(index, style, govinfo_report.parse(text), report)
                    if wrong and args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (args.keep / f"{index}.{converter.name}.txt").write_text(text, encoding="utf-8")
                        (args.keep / f"{index}.{converter.name}.wrong").write_text("\n".join(wrong) + "\n")
                tallies["parse_file"].add(index, style, govinfo_report.parse_file(pdf), report)
            print(
                f"  {first + len(batch)} of {len(made)} reports, {time.perf_counter() - started:.0f} s",
                flush=True,
            )
    styles = Counter(style for _, style in made)
    print(f"{len(made)} reports (seed {args.seed}; styles {dict(styles)}):")
    for name, tally in tallies.items():
        print(tally.line(name))
    for name, tally in tallies.items():
        for index, style, cells in tally.wrong:
            print(f"wrong: {name} report {index} ({style}): " + "; ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
