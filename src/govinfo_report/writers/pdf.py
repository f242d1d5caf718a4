"""A :class:`~govinfo_report.model.Report` as the PDF it is published as: an A4 document, the
tables with their merged cells (FORMAT.md §2), like the PDF many agencies post beside the page.

reportlab is an optional dependency (``pip install 'govinfo-report[converters]'``), imported only
when a PDF is written. The text is set in the built-in CJK font STSong-Light, so no font file is
needed.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from ..model import Report
from .document import Grid, merged_rows, preamble, render_title, sections

__all__ = ["PDF_FONT", "render_pdf"]

#: The font every PDF uses: one of the CID fonts every PDF reader has, so nothing is embedded.
PDF_FONT = "STSong-Light"

# Column widths in millimetres: the label columns of each table and one value column.
_LABEL_WIDTHS = {"active_disclosure": (50.0,), "requests": (18.0, 22.0, 52.0), "review_litigation": ()}
_VALUE_WIDTH = {"active_disclosure": 40.0, "requests": 11.0, "review_litigation": 11.4}


def _require_reportlab() -> Any:
    try:
        import reportlab
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("render_pdf needs reportlab: pip install 'govinfo-report[converters]'") from exc
    return reportlab


class _Styles:
    """The paragraph styles of a report's PDF, all in :data:`PDF_FONT`."""

    def __init__(self) -> None:
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.platypus import Paragraph

        if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
        self.body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=10.5, leading=16, wordWrap="CJK")
        self.title = ParagraphStyle("title", parent=self.body, fontSize=16, leading=24, alignment=TA_CENTER)
        self.heading = ParagraphStyle("heading", parent=self.body, fontSize=12, leading=20, spaceBefore=6)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8, leading=10)
        self.value = ParagraphStyle("value", parent=self.cell, alignment=TA_CENTER)
        self._paragraph = Paragraph

    def paragraph(self, text: str, style: Any) -> Any:
        """A paragraph of plain text (reportlab reads its text as markup, so it is escaped)."""
        return self._paragraph(html.escape(text, quote=False), style)


def _table(grid: Grid, styles: _Styles) -> Any:
    """A grid as a ruled table: header and value cells centred, merged cells spanning."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    width = len(grid.rows[0])
    labels = _LABEL_WIDTHS[grid.id]
    widths = [w * mm for w in labels] + [_VALUE_WIDTH[grid.id] * mm] * (width - len(labels))
    data: list[list[Any]] = [[""] * width for _ in grid.rows]
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, row in enumerate(merged_rows(grid)):
        for cell in row:
            c = cell.column
            centred = cell.is_value or r < grid.header_rows
            data[r][c] = styles.paragraph(cell.text, styles.value if centred else styles.cell)
            if cell.colspan > 1 or cell.rowspan > 1:
                style.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
    return Table(data, colWidths=widths, style=TableStyle(style), repeatRows=0)


def render_pdf(report: Report, path: str | Path) -> None:
    """Write the report as an A4 PDF, tables with their merged cells, like a published report.

    Needs reportlab (``pip install 'govinfo-report[converters]'``); the text is set in the CID
    font STSong-Light that every PDF reader provides, so the file embeds no font. Raises
    NotImplementedError for a format whose tables cannot be printed yet, like
    :func:`govinfo_report.render`.
    """
    _require_reportlab()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    styles = _Styles()
    story: list[Any] = [styles.paragraph(render_title(report), styles.title), Spacer(1, 4 * mm)]
    story += [styles.paragraph(line, styles.body) for line in preamble(report)]
    for _, heading, table, text in sections(report):
        story.append(styles.paragraph(heading, styles.heading))
        if table is None:
            story += [styles.paragraph(line, styles.body) for line in text.split("\n") if line.strip()]
            continue
        story += [_table(table, styles), Spacer(1, 3 * mm)]
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=render_title(report),
    )
    document.build(story)
