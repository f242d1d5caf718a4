"""Parsing speed on what a text browser makes of a whole government web page.

    python benchmarks/converter_dump.py [--repeat N] [--size KB] [--browser w3m|elinks|lynx]

A city-scale report is published as a page with the site's chrome (menus, the information
catalogue box, related links, footer) and Word-pasted markup, padded with more chrome (a site
map and a news list, as real portals carry) until the browser's dump is about ``--size`` KB;
then the dump is parsed ``--repeat`` times. For comparison the same report as an ordinary
tab-separated text and as the dump of the page without padding are timed too. Prints the
median milliseconds of each. Needs one of the text browsers (``apt-get install w3m``); without
one it says so and exits 0, since the figure is informational.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import govinfo_report
from govinfo_report.model import (
    ActiveDisclosure,
    Cell,
    Decisions,
    DocumentCounts,
    Fees,
    Period,
    Report,
    RequestRow,
    Requests,
    ReviewBlock,
    ReviewLitigation,
    Section,
)
from govinfo_report.template.formats import section_titles_of
from govinfo_report.template.spec import REQUEST_ROWS, REVIEW_BLOCKS
from govinfo_report.writers.html import render_html
from govinfo_report.writers.render import render

SECTION_TITLES = section_titles_of()

DUMPS = {
    "w3m": ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"),
    "elinks": ("elinks", "-dump", "-dump-charset", "utf-8", "-no-references", "-no-numbering"),
    "lynx": ("lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8"),
}


def city_report() -> Report:
    """A city-wide report with large numbers in every cell and some prose (always the same)."""
    draw = random.Random(2023)

    def cells(n: int) -> list[Cell]:
        return [Cell(draw.randint(0, 99999)) for _ in range(n)]

    requests = Requests(**{row: RequestRow(*cells(7)) for row in REQUEST_ROWS if row != "other_processing"})
    review = ReviewLitigation(**{block: ReviewBlock(*cells(5)) for block in REVIEW_BLOCKS})
    active = ActiveDisclosure(
        regulations=DocumentCounts(*cells(3)),
        normative_documents=DocumentCounts(*cells(3)),
        licensing=Decisions(*cells(1)),
        punishment=Decisions(*cells(1)),
        enforcement=Decisions(*cells(1)),
        fees=Fees(Cell(Decimal("96171.6"))),
    )
    prose = "本年度，我市持续深化政务公开，围绕重点领域信息公开、政策解读和回应关切开展工作。" * 12
    return Report(
        format="2021",
        title="示例市人民政府2023年政府信息公开工作年度报告",
        agency="示例市人民政府",
        year=2023,
        period=Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        sections=tuple(Section(n, h, prose if n in (1, 5, 6) else "") for n, h in SECTION_TITLES.items()),
        active_disclosure=active,
        requests=requests,
        review_litigation=review,
    )


def padding(lines: int) -> tuple[str, str]:
    """More site chrome: a site map before the article, a news list after it."""
    site_map = "".join(
        f'<li><a href="/col/{k}">栏目{k}：政务动态与公示公告第{k}期</a></li>' for k in range(lines)
    )
    news = "".join(
        f'<li><a href="/art/{k}">关于做好2024年第{k}批次重点项目建设工作的通知</a>'
        f" 2024-01-{k % 28 + 1:02d}</li>"
        for k in range(lines)
    )
    return f'<ul class="sitemap">{site_map}</ul>', f'<ul class="news">{news}</ul>'


def dump(browser: str, page: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        done = subprocess.run([*DUMPS[browser], str(path)], capture_output=True, check=True)
    return done.stdout.decode("utf-8", errors="replace")


def median_ms(text: str, repeat: int) -> float:
    govinfo_report.parse(text)  # warm: grammars compiled and cached
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        govinfo_report.parse(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--size", type=int, default=100, help="target size of the dump in KB")
    parser.add_argument("--browser", choices=sorted(DUMPS), default=None)
    args = parser.parse_args(argv)
    browser = args.browser or next((b for b in DUMPS if shutil.which(DUMPS[b][0])), None)
    if browser is None or not shutil.which(DUMPS[browser][0]):
        print("no text browser installed (apt-get install w3m): nothing to time")
        return 0

    report = city_report()
    page = render_html(report, chrome=True, word_paste=True)
    plain_dump = dump(browser, page)
    lines = 50
    while True:
        before, after = padding(lines)
        padded = page.replace('<div class="article"', before + '<div class="article"', 1)
        padded = padded.replace("</body>", after + "</body>", 1)
        big_dump = dump(browser, padded)
        if len(big_dump.encode("utf-8")) >= args.size * 1024 or lines > 20000:
            break
        lines = int(lines * max(1.2, args.size * 1024 / max(1, len(big_dump.encode("utf-8")))))

    parsed = govinfo_report.parse(big_dump)
    problems = [d.code for d in parsed.diagnostics if d.table is not None]
    cases = [
        ("ordinary report (tab-separated text)", render(report, "tsv")),
        (f"{browser} dump of the page", plain_dump),
        (f"{browser} dump of the page with more chrome", big_dump),
    ]
    for name, text in cases:
        size = len(text.encode("utf-8")) / 1024
        print(f"{name:48s} {size:7.1f} KB  median {median_ms(text, args.repeat):7.2f} ms")
    print(f"table diagnostics in the large dump: {problems or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
