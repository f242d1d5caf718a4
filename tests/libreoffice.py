"""Reports made into PDFs by LibreOffice, the way agencies make theirs: the web page the library
writes, opened as a Word file and printed to PDF. Its tables wrap labels — and numbers too wide
for a narrow cell — the way real agencies' PDFs do."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from govinfo_report.model import Report
from govinfo_report.writers.html import render_html

#: How each page goes into LibreOffice: as the library writes it; pasted from Word; with the
#: tables set to the page's width (narrow cells wrap their labels and numbers).
LIBREOFFICE_STYLES = ("plain", "word_paste", "page_width")


def soffice() -> str | None:
    """The LibreOffice program, None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def page(report: Report, style: str) -> str:
    """The report's web page in one of :data:`LIBREOFFICE_STYLES`."""
    written = render_html(report, word_paste=style == "word_paste")
    if style == "page_width":
        written = written.replace('<table border="1">', '<table border="1" width="100%">')
    return written


def through_libreoffice(pages: list[str], folder: Path) -> Iterator[Path]:
    """The pages made into PDFs the way agencies make theirs: HTML → DOCX → PDF, one batch."""
    program = soffice()
    assert program is not None
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    sources = [folder / f"page{index}.html" for index in range(len(pages))]
    for source, written in zip(sources, pages, strict=True):
        source.write_text(written, encoding="utf-8")
    steps = (("docx:MS Word 2007 XML", sources), ("pdf", [s.with_suffix(".docx") for s in sources]))
    for target, inputs in steps:
        command = [program, profile, "--headless", "--convert-to", target, "--outdir", str(folder)]
        subprocess.run([*command, *map(str, inputs)], capture_output=True, check=True, timeout=300)
    for source in sources:
        made = source.with_suffix(".pdf")
        assert made.exists(), f"LibreOffice made no PDF of {source}"
        yield made
