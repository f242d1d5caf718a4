"""The JSON data contract: shape, exact decimals, strict reading."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import ReportDataError
from govinfo_report.template.spec import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


@pytest.fixture(scope="module")
def report() -> govinfo_report.Report:
    return govinfo_report.parse_file(SAMPLE)


def test_to_dict_has_exactly_the_contract_shape(report: govinfo_report.Report) -> None:
    d = govinfo_report.to_dict(report)
    assert list(d) == [
        "schema_version", "format", "title", "agency", "year", "period", "sections",
        "active_disclosure", "requests", "review_litigation", "diagnostics",
    ]  # fmt: skip
    assert d["schema_version"] == 1
    assert d["period"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert list(d["requests"]) == list(REQUEST_ROWS)
    assert all(list(row) == list(REQUEST_COLUMNS) for row in d["requests"].values())
    assert list(d["review_litigation"]) == list(REVIEW_BLOCKS)
    assert all(list(b) == list(REVIEW_OUTCOMES) for b in d["review_litigation"].values())
    assert d["active_disclosure"]["fees"] == {"amount": Decimal("12.35")}
    assert d["active_disclosure"]["enforcement"] == {"decisions": None}
    assert set(d["sections"][0]) == {"number", "heading", "text", "line"}


def test_round_trips(report: govinfo_report.Report) -> None:
    assert govinfo_report.from_dict(govinfo_report.to_dict(report)) == report
    assert govinfo_report.loads(govinfo_report.dumps(report)) == report


def test_decimal_amounts_are_json_numbers_digit_for_digit(report: govinfo_report.Report) -> None:
    d = govinfo_report.to_dict(report)
    d["active_disclosure"]["fees"]["amount"] = Decimal("5949.088667")
    text = govinfo_report.dumps(govinfo_report.from_dict(d))
    assert '"amount": 5949.088667' in text
    back = json.loads(text, parse_float=Decimal)
    assert back["active_disclosure"]["fees"]["amount"] == Decimal("5949.088667")


def test_blank_cells_are_null_in_json(report: govinfo_report.Report) -> None:
    data = json.loads(govinfo_report.dumps(report))
    assert data["active_disclosure"]["enforcement"]["decisions"] is None
    assert data["requests"]["other_processing"]["total"] is None


def test_from_dict_rejects_unknown_keys_with_the_path(report: govinfo_report.Report) -> None:
    d = govinfo_report.to_dict(report)
    d["requests"]["granted"]["aliens"] = 3
    with pytest.raises(ReportDataError, match="aliens"):
        govinfo_report.from_dict(d)


def test_from_dict_rejects_floats_for_counts_and_amounts(report: govinfo_report.Report) -> None:
    d = govinfo_report.to_dict(report)
    d["requests"]["granted"]["total"] = 1.5
    with pytest.raises(ReportDataError, match="granted"):
        govinfo_report.from_dict(d)
    d = govinfo_report.to_dict(report)
    d["active_disclosure"]["fees"]["amount"] = 0.1
    with pytest.raises(ReportDataError, match="float"):
        govinfo_report.from_dict(d)


def test_from_dict_rejects_another_schema_version(report: govinfo_report.Report) -> None:
    d = govinfo_report.to_dict(report)
    d["schema_version"] = 99
    with pytest.raises(ReportDataError, match="schema_version"):
        govinfo_report.from_dict(d)


def test_loads_rejects_text_that_is_not_json() -> None:
    with pytest.raises(ReportDataError):
        govinfo_report.loads("{not json")


def test_cell_lines_are_provenance_not_data(report: govinfo_report.Report) -> None:
    assert report.requests is not None
    assert report.requests.new_received.total.line is not None
    back = govinfo_report.from_dict(govinfo_report.to_dict(report))
    assert back.requests is not None and back.requests.new_received.total.line is None
    assert back == report


def test_report_cells_walks_every_cell_of_the_contract_in_order() -> None:
    report = govinfo_report.parse(SAMPLE.read_text(encoding="utf-8"))
    cells = list(report.cells())
    data = govinfo_report.to_dict(report)
    expected = [
        (table, row, column, value)
        for table in ("active_disclosure", "requests", "review_litigation")
        for row, columns in data[table].items()
        for column, value in columns.items()
    ]
    assert [(c.table, c.row, c.column, c.value) for c in cells] == expected
    assert all(c.line is not None for c in cells if c.value is not None)
