"""The HTML audit page: a batch summary, each report's tables as printed with the cells of its
errors highlighted (a class, and a title naming the rule, the expected and the actual number),
its findings listed — and, drawn by a real browser, the highlight is on the screen."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.writers.audit import ERROR_COLOUR, OPERAND_COLOUR, Audited, render_audit
from report_files import SAMPLE


def _audited() -> list[Audited]:
    broken_text = SAMPLE.read_text("utf-8").replace("（七）总计\t12\t2", "（七）总计\t13\t2")
    broken = govinfo_report.parse(broken_text)
    clean = govinfo_report.parse_file(SAMPLE)
    return [
        Audited("broken.txt", broken, govinfo_report.validate(broken, text=broken_text)),
        Audited("sample_report.txt", clean, govinfo_report.validate(clean)),
    ]


def _cell(page: str, key: str) -> str:
    """The markup of the first cell with data-cell ``key``."""
    at = page.index(f'data-cell="{key}"')
    start = page.rindex("<td", 0, at)
    return page[start : page.index("</td>", at)]


def test_the_page_highlights_the_cells_of_errors_and_lists_findings() -> None:
    unread = [{"source_path": "x.pdf", "status": "failed", "error_kind": "DocumentError", "error": "a scan"}]
    page = render_audit(_audited(), unread)
    assert "已读报告</td><td>2" in page and "无法读取的文件</td><td>1" in page
    assert page.count('<section id="report-') == 2
    cell = _cell(page, "requests.total_processed.natural_person")
    assert "finding-error" in cell
    assert "requests-balance" in cell and "应为 12" in cell and "报告值 13" in cell
    assert "finding-operand" in _cell(page, "requests.new_received.natural_person")
    assert "<table>" in page and 'rowspan="' in page and 'colspan="' in page  # merged cells as printed
    assert "[requests-balance]" in page  # the findings list
    assert "DocumentError: a scan" in page
    assert page.count("finding-error") >= 1


def test_a_report_missing_a_table_says_so() -> None:
    text = SAMPLE.read_text("utf-8")
    text = text[: text.index("（本列数据")] + text[text.index("四、政府信息公开行政复议") :]
    report = govinfo_report.parse(text)
    page = render_audit([Audited("a.txt", report, govinfo_report.validate(report))])
    assert "未读到本部分的统计表" in page


# --- in a real browser ------------------------------------------------------------------------


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                nearest = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[x] = (line[x] + nearest) & 0xFF
        rows += line
        previous = line
    return width, height, channels, bytes(rows)


def _count_colour(png: bytes, colour: str) -> int:
    _, _, channels, pixels = _png_pixels(png)
    wanted = bytes.fromhex(colour.lstrip("#"))
    return sum(1 for i in range(0, len(pixels), channels) if pixels[i : i + 3] == wanted)


def test_the_browser_draws_the_highlight(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    page = tmp_path / "audit.html"
    page.write_text(render_audit(_audited()), encoding="utf-8")
    screenshot = tmp_path / "audit.png"
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={screenshot}",
        "--window-size=1280,4000",  # the whole page: the erroneous cells stand low on it
        "--virtual-time-budget=5000",  # the page laid out and its fonts in before the shot
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    if not screenshot.exists():
        pytest.skip("Chromium did not take a screenshot here")
    png = screenshot.read_bytes()
    assert _count_colour(png, ERROR_COLOUR) > 100  # the erroneous 总计 cells, drawn red
    assert _count_colour(png, OPERAND_COLOUR) > 100  # their operands, drawn pale


def test_the_png_reader_reads_what_zlib_writes() -> None:
    width, height = 3, 2
    rows = b"".join(b"\x00" + bytes([255, 138, 128]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    assert _count_colour(png, ERROR_COLOUR) == 6
