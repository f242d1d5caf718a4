"""Report files for the dataset tests, made from reports the tests know: a text rendering, a web
page, a Word file (python-docx, the template's merged cells) and a PDF (reportlab), so a folder
mixes every kind agencies publish."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import govinfo_report
from govinfo_report.model import Report
from govinfo_report.writers.document import merged_rows, preamble, render_title, sections

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


def can_write(kind: str) -> bool:
    """Whether this machine has what writing (and reading) a file of ``kind`` needs."""
    needs = {
        "txt": (),
        "html": ("selectolax",),
        "docx": ("docx", "lxml"),
        "pdf": ("reportlab",),
    }[kind]
    return all(importlib.util.find_spec(module) is not None for module in needs)


def write_text(report: Report, path: Path, layout: str = "tsv") -> Path:
    path.write_text(govinfo_report.render(report, layout), encoding="utf-8")
    return path


def write_html(report: Report, path: Path) -> Path:
    path.write_text(govinfo_report.render(report, "html"), encoding="utf-8")
    return path


def write_docx(report: Report, path: Path) -> Path:
    """The report as a Word file: paragraphs, and each table with its merged cells."""
    import docx

    document = docx.Document()
    document.add_paragraph(render_title(report))
    for line in preamble(report):
        document.add_paragraph(line)
    for _, heading, grid, text in sections(report):
        document.add_paragraph(heading)
        if grid is not None:
            width = len(grid.rows[0])
            table = document.add_table(rows=len(grid.rows), cols=width)
            for r, row in enumerate(merged_rows(grid)):
                for cell in row:
                    target = table.cell(r, cell.column)
                    if cell.colspan > 1 or cell.rowspan > 1:
                        target = target.merge(
                            table.cell(r + cell.rowspan - 1, cell.column + cell.colspan - 1)
                        )
                    target.text = cell.text
        for line in text.split("\n"):
            if line.strip():
                document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(report: Report, path: Path) -> Path:
    from govinfo_report.writers.pdf import render_pdf

    render_pdf(report, path)
    return path


WRITERS: dict[str, Callable[[Report, Path], Path]] = {
    "txt": write_text,
    "html": write_html,
    "docx": write_docx,
    "pdf": write_pdf,
}


def many_reports(
    folder: Path, count: int, *, layouts: tuple[str, ...] = ("tsv", "pipe", "markdown")
) -> list[Path]:
    """``count`` report files made quickly from the sample: rendered in a few layouts, each copy
    with its own agency and its own numbers in table 二 (which has no arithmetic to keep)."""
    report = govinfo_report.parse_file(SAMPLE)
    texts = [govinfo_report.render(report, layout) for layout in layouts]
    paths = []
    for index in range(count):
        text = texts[index % len(texts)]
        text = text.replace("示例县示例镇", f"示例县第{index}镇").replace("1286", str(1000 + index))
        text = text.replace("12.35", f"{index}.{index % 100:02}")
        path = folder / f"{index // 100:03}" / f"report-{index:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


#: The columns of table 三 between the natural persons' and the total.
REQUEST_ORGS = [
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
]
