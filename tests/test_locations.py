"""Every cell keeps where it came from: its line in a text, the table, row and cell of a web
page or a Word file, the page and position of a PDF — and that place holds the cell's number."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.model import Cell, Location, Report, Value
from govinfo_report.readers import read_document
from govinfo_report.testing import reports, reports_2019
from govinfo_report.writers.text import RENDER_LAYOUTS
from report_files import SAMPLE, WRITERS, can_write


def _printed(value: Value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _document_cells(data: bytes) -> dict[Location, str]:
    """Every drawn (not covered) table cell of the document by its location, its text with the
    white space taken out."""
    document = read_document(data)
    return {
        cell.location: "".join(cell.text.split())
        for table in document.tables()
        for row in table.rows
        for cell in row
        if not cell.covered
    }


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=st.one_of(reports(), reports_2019()))
def test_a_documents_cells_point_at_the_cells_that_print_them(kind: str, report: Report) -> None:
    if not can_write(kind):
        pytest.skip(f"writing a {kind} file needs its optional extra")
    with tempfile.TemporaryDirectory() as folder:
        data = WRITERS[kind](report, Path(folder) / f"report.{kind}").read_bytes()
    parsed = govinfo_report.parse_file(data)
    drawn = _document_cells(data)
    located = 0
    for entry in parsed.cells():
        cell = entry.cell
        if cell.value is None:
            continue
        assert cell.origin is not None, (entry.table, entry.row, entry.column)
        assert cell.location == cell.origin
        assert drawn[cell.origin].lstrip("+") == _printed(cell.value).lstrip("+"), (entry, cell.origin)
        if kind == "pdf":
            assert cell.origin.page is not None and cell.origin.x is not None and cell.origin.y is not None
        else:
            assert None not in (cell.origin.table, cell.origin.row, cell.origin.cell)
        located += 1
    assert located == sum(e.cell.value is not None for e in parsed.cells())


@settings(max_examples=10, deadline=None)
@given(report=st.one_of(reports(), reports_2019()), layout=st.sampled_from(RENDER_LAYOUTS))
def test_a_texts_cells_give_their_line(report: Report, layout: str) -> None:
    text = govinfo_report.render(report, layout)
    parsed = govinfo_report.parse(text)
    lines = text.split("\n")
    for entry in parsed.cells():
        cell = entry.cell
        if cell.value is None:
            continue
        assert cell.origin is None
        assert cell.location == Location(line=cell.line)
        assert _printed(cell.value) in lines[cell.line - 1].replace(",", "")


def test_a_location_reads_as_the_fields_that_apply() -> None:
    assert str(Location(line=12)) == "line 12"
    assert str(Location(page=3, table=1, row=5, cell=2, x=341.5, y=638.8)) == (
        "page 3, table 1, row 5, cell 2, x 341.5, y 638.8"
    )
    assert str(Location(table=0, row=2, cell=1)) == "table 0, row 2, cell 1"
    every = Location(*range(1, len(attrs.fields(Location)) + 1))
    assert str(every) == ", ".join(f"{f.name} {n}" for n, f in enumerate(attrs.fields(Location), 1))


def test_the_location_text_of_a_record_is_the_locations_own() -> None:
    from govinfo_report.writers.records import location_text

    for cell in (Cell(1, 4), Cell(1, 4, 2, Location(page=1, x=2.5)), Cell(None), Cell(1, None, 3)):
        where = cell.location
        assert location_text(cell) == (str(where) if where is not None else None)


def test_a_text_files_cells_give_their_line_in_the_file() -> None:
    parsed = govinfo_report.parse_file(SAMPLE)
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    located = [e.cell for e in parsed.cells() if e.cell.value is not None]
    assert located
    for cell in located:
        assert cell.location is not None and cell.location.line is not None
        assert _printed(cell.value) in lines[cell.location.line - 1].replace(",", "")
