"""How long reading a published document takes, parse included: web pages, Word files, PDFs.

    python benchmarks/documents.py [--repeat N]

Times ``govinfo_report.parse_file()`` (median of N runs, after one warm-up) on every document
in ``../shared/corpus`` beside the repository when present, and on a ten-page PDF written by
``render_pdf`` (a generated report whose sections run long), against the targets: an HTML page
≤ 10 ms, a DOCX ≤ 15 ms, a ten-page PDF ≤ 50 ms. Needs the ``documents`` and ``converters``
extras.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import attrs

import govinfo_report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
TARGETS = {".html": 10.0, ".docx": 15.0, ".pdf": 50.0}


def timed(path: Path, repeat: int) -> float:
    govinfo_report.parse_file(path)
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        govinfo_report.parse_file(path)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def ten_page_pdf(folder: Path) -> tuple[Path, int]:
    """A generated report whose sections run long enough to fill ten A4 pages."""
    import pypdfium2

    from govinfo_report.writers.pdf import render_pdf

    example = HERE.parent / "examples" / "sample_report.txt"
    report = govinfo_report.parse(example.read_text(encoding="utf-8"))
    paragraph = "本机关严格落实政府信息公开各项制度，持续完善主动公开目录，规范依申请公开办理流程。"
    path = folder / "ten_pages.pdf"
    for lines in range(20, 400, 20):
        sections = tuple(
            attrs.evolve(s, text=s.text + ("\n" + paragraph) * lines) if s.number in (1, 5) else s
            for s in report.sections
        )
        render_pdf(attrs.evolve(report, sections=sections), path)
        pages = len(pypdfium2.PdfDocument(str(path)))
        if pages >= 10:
            return path, pages
    return path, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    documents = sorted(p for p in CORPUS.glob("*") if p.suffix in TARGETS) if CORPUS.is_dir() else []
    with tempfile.TemporaryDirectory() as folder:
        generated, pages = ten_page_pdf(Path(folder))
        rows = [(path.name, path.suffix, timed(path, args.repeat)) for path in documents]
        rows.append((f"render_pdf, {pages} pages", ".pdf", timed(generated, args.repeat)))
    for name, suffix, ms in rows:
        verdict = "ok" if ms <= TARGETS[suffix] else "over"
        print(f"  {name:32} {ms:7.1f} ms   target {TARGETS[suffix]:4.0f} ms   {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
