"""A missing table is the same all-null structure everywhere: the data contract promises every
key, so a table a report lacks is written as its template's table with every cell null, and
read back as missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import govinfo_report
from govinfo_report.contract import blank_table_of
from govinfo_report.model import TABLE_IDS, Report, Requests
from govinfo_report.testing import reports
from govinfo_report.writers.records import to_records

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
VARIANT_SAMPLE = SAMPLE.parent / "variant_plugin" / "sample_report.txt"

#: Where each table starts and where the text after it starts, in the sample report.
TABLE_BOUNDS = {
    "active_disclosure": ("第二十条第（一）项", "三、收到和处理政府信息公开申请情况"),
    "requests": ("（本列数据的勾稽关系为", "四、政府信息公开行政复议、行政诉讼情况"),
    "review_litigation": ("行政复议\t", "五、存在的主要问题及改进情况"),
}


def _without(text: str, table_id: str) -> str:
    start, end = TABLE_BOUNDS[table_id]
    return text[: text.index(start)] + text[text.index(end) :]


def _shape(data: Any) -> Any:
    """The keys of nested dicts, values dropped."""
    if isinstance(data, dict):
        return {key: _shape(value) for key, value in data.items()}
    return None


def _assert_every_key_present(report: Report) -> None:
    data = govinfo_report.to_dict(report)
    for table_id in TABLE_IDS:
        expected = govinfo_report.to_dict(
            Report(report.format, **{table_id: blank_table_of(report.format, table_id)})  # type: ignore[arg-type]
        )[table_id]
        assert isinstance(data[table_id], dict), table_id
        assert _shape(data[table_id]) == _shape(expected), table_id
    assert govinfo_report.from_dict(data) == report
    assert govinfo_report.loads(govinfo_report.dumps(report)) == report


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_a_report_missing_one_table_writes_it_all_null(table_id: str) -> None:
    report = govinfo_report.parse(_without(SAMPLE.read_text("utf-8"), table_id))
    assert getattr(report, table_id) is None
    assert "missing-table" in {d.code for d in report.diagnostics}
    _assert_every_key_present(report)
    data = govinfo_report.to_dict(report)
    assert all(v is None for row in data[table_id].values() for v in row.values())
    assert all(
        any(v is not None for row in data[other].values() for v in row.values())
        for other in TABLE_IDS
        if other != table_id
    )


def test_a_report_with_no_tables_writes_every_table_all_null() -> None:
    report = govinfo_report.parse("某县某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n")
    assert report.active_disclosure is None and report.requests is None and report.review_litigation is None
    _assert_every_key_present(report)


def test_a_2019_report_without_table_two_writes_the_2019_table_two() -> None:
    report = Report("2019", year=2019)
    data = govinfo_report.to_dict(report)
    assert "procurement" in data["active_disclosure"]
    assert data["active_disclosure"]["procurement"] == {"items": None, "total_amount": None}
    _assert_every_key_present(report)


def test_null_tables_of_older_documents_read_as_missing_and_write_all_null() -> None:
    data = govinfo_report.to_dict(govinfo_report.parse_file(SAMPLE))
    for table_id in TABLE_IDS:
        data[table_id] = None
    report = govinfo_report.from_dict(data)
    assert report.active_disclosure is None and report.requests is None and report.review_litigation is None
    _assert_every_key_present(report)


def test_a_table_with_every_cell_blank_is_the_missing_table() -> None:
    assert Report("2021", requests=Requests()) == Report("2021")
    assert hash(Report("2021", requests=Requests())) == hash(Report("2021"))
    read_back = govinfo_report.from_dict(govinfo_report.to_dict(Report("2021", requests=Requests())))
    assert read_back.requests is None


def test_the_typed_accessors_always_give_a_table() -> None:
    report = Report("2021")
    assert report.requests_table == Requests()
    assert report.requests_table.new_received.total.value is None
    assert report.review_litigation_table.review.total.value is None
    assert type(Report("2019").active_disclosure_table).__name__ == "ActiveDisclosure2019"
    parsed = govinfo_report.parse_file(SAMPLE)
    assert parsed.requests_table is parsed.requests


def test_long_records_have_every_cell_of_a_missing_table() -> None:
    full = govinfo_report.parse_file(SAMPLE)
    for table_id in TABLE_IDS:
        partial = govinfo_report.parse(_without(SAMPLE.read_text("utf-8"), table_id))
        keys = [(r["table"], r["row"], r["column"]) for r in to_records(partial)]
        assert keys == [(r["table"], r["row"], r["column"]) for r in to_records(full)]
        assert all(r["value"] is None for r in to_records(partial) if r["table"] == table_id)


@pytest.mark.skipif(not VARIANT_SAMPLE.exists(), reason="the example variant is not in the checkout")
def test_a_variant_report_missing_table_two_writes_the_variant_rows() -> None:
    from govinfo_report.template import formats

    if "example-province" not in formats.names():
        pytest.skip("the example variant plugin is not installed")
    report = Report("example-province", year=2023)
    data = govinfo_report.to_dict(report)
    assert data["active_disclosure"]["other_documents"] == {"published": None}
    _assert_every_key_present(report)


@settings(max_examples=30)
@given(reports())
def test_generated_reports_keep_every_key_and_round_trip(report: Report) -> None:
    _assert_every_key_present(report)
