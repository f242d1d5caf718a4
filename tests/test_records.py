"""Reports as dataset rows: one per cell (long) or one per report (wide), and as typed DataFrames
in which a blank stays blank and money stays exact."""

from __future__ import annotations

import builtins
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govinfo_report
from govinfo_report.errors import MissingExtraError
from govinfo_report.model import Report
from govinfo_report.sources import SourceInfo
from govinfo_report.writers.records import (
    FINDING_FIELDS,
    LONG_FIELDS,
    REPORT_FIELDS,
    findings_records,
    to_records,
    wide_cell_columns,
)
from report_files import SAMPLE

SOURCE = SourceInfo("in/report.txt", 3694, "ab" * 32, "text")


@pytest.fixture(scope="module")
def report() -> Report:
    return govinfo_report.parse_file(SAMPLE)


def test_long_records_are_one_per_cell_named_as_printed(report: Report) -> None:
    records = to_records(report, "long", source=SOURCE)
    assert len(records) == len(list(report.cells()))
    assert all(list(r) == list(LONG_FIELDS) for r in records)
    total = next(
        r for r in records if (r["table"], r["row"], r["column"]) == ("requests", "new_received", "total")
    )
    assert total["value"] == 15 and total["amount"] is None
    assert total["row_name"] == "一、本年新收申请数量" and total["column_name"] == "总计"
    assert total["line"] == report.requests_table.new_received.total.line
    assert (total["source_path"], total["source_sha256"]) == ("in/report.txt", "ab" * 32)
    assert (total["agency"], total["year"], total["format"], total["status"]) == (
        "示例县示例镇人民政府",
        2023,
        "2021",
        "read",
    )
    fees = next(r for r in records if r["row"] == "fees")
    assert fees["value"] is None and fees["amount"] == Decimal("12.35")
    blank = next(r for r in records if (r["row"], r["column"]) == ("enforcement", "decisions"))
    assert blank["value"] is None and blank["amount"] is None


def test_long_records_carry_the_codes_of_diagnostics_about_their_row_or_table() -> None:
    text = SAMPLE.read_text("utf-8").replace("行政处罚\t57", "行政处罚\t- 7")
    report = govinfo_report.parse(text)
    codes = {d.code for d in report.diagnostics if d.row == "punishment"}
    assert codes, report.diagnostics
    record = next(r for r in to_records(report) if r["row"] == "punishment")
    assert set(record["diagnostics"].split(";")) == codes
    assert record["status"] == "partial"
    assert next(r for r in to_records(report) if r["row"] == "regulations")["diagnostics"] == ""


def test_a_wide_record_has_a_column_per_cell_and_counts_of_diagnostics(report: Report) -> None:
    (record,) = to_records(report, "wide", source=SOURCE)
    assert list(record)[: len(REPORT_FIELDS)] == list(REPORT_FIELDS)
    assert list(record)[len(REPORT_FIELDS) :] == list(wide_cell_columns("2021"))
    assert record["requests.new_received.total"] == 15
    assert record["active_disclosure.fees.amount"] == Decimal("12.35")
    assert record["active_disclosure.enforcement.decisions"] is None
    assert (record["errors"], record["warnings"], record["infos"]) == (0, 0, 0)
    assert record["source_size"] == 3694 and record["source_kind"] == "text"


def test_a_report_without_tables_has_the_same_columns_all_blank() -> None:
    empty = Report("2021", agency="某局", year=2023)
    (record,) = to_records(empty, "wide")
    assert list(record)[len(REPORT_FIELDS) :] == list(wide_cell_columns("2021"))
    assert all(record[c] is None for c in wide_cell_columns("2021"))
    assert len(to_records(empty, "long")) == len(wide_cell_columns("2021"))


def test_a_2019_report_has_the_2019_table_two() -> None:
    (record,) = to_records(Report("2019"), "wide")
    assert "active_disclosure.procurement.total_amount" in record
    assert "active_disclosure.fees.amount" not in record


def test_an_unknown_shape_is_refused(report: Report) -> None:
    with pytest.raises(ValueError, match="shape"):
        to_records(report, "tall")  # type: ignore[arg-type]


def test_findings_are_records_with_the_cells_named(report: Report) -> None:
    broken = govinfo_report.parse(SAMPLE.read_text("utf-8").replace("（七）总计\t12\t2", "（七）总计\t13\t2"))
    result = govinfo_report.validate(broken)
    records = findings_records(result, broken, source=SOURCE)
    assert records and all(list(r) == list(FINDING_FIELDS) for r in records)
    errors = [r for r in records if r["severity"] == "error"]
    assert errors and errors[0]["cell_name"] and errors[0]["expected"] is not None
    assert "requests.total_processed.natural_person" in ";".join(r["cells"] for r in errors)


# --- DataFrames -------------------------------------------------------------------------------


def test_dataframes_keep_blanks_as_na_and_money_exact(report: Report) -> None:
    pytest.importorskip("pandas")
    long = govinfo_report.to_dataframe([report], shape="long")
    assert str(long["value"].dtype) == "Int64" and str(long["year"].dtype) == "Int64"
    blank = long[(long["row"] == "enforcement") & (long["column"] == "decisions")]["value"].iloc[0]
    assert blank is __import__("pandas").NA
    assert long[long["row"] == "fees"]["amount"].iloc[0] == Decimal("12.35")
    wide = govinfo_report.to_dataframe([report], shape="wide")
    assert str(wide["requests.new_received.total"].dtype) == "Int64"
    assert wide["requests.new_received.total"].iloc[0] == 15
    assert wide["active_disclosure.enforcement.decisions"].isna().iloc[0]
    assert wide["active_disclosure.fees.amount"].iloc[0] == Decimal("12.35")
    assert "active_disclosure.procurement.total_amount" in wide.columns  # every format's columns
    assert str(wide["period_start"].dtype).startswith("datetime64")


def test_dataframes_take_batch_results_and_leave_out_what_was_not_read(tmp_path: Any) -> None:
    pytest.importorskip("pandas")
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"\x00\x01 no report")
    (tmp_path / "c.json").write_text("{}")
    results = list(govinfo_report.read_reports(tmp_path))
    wide = govinfo_report.to_dataframe(results, shape="wide")
    assert list(wide["source_path"]) == [str(tmp_path / "a.txt")]
    from govinfo_report.writers.dataframe import errors_dataframe

    errors = errors_dataframe(results)
    assert list(errors["status"]) == ["failed", "skipped"]


def test_arrow_tables_hold_money_as_decimal128(report: Report) -> None:
    pa = pytest.importorskip("pyarrow")
    from govinfo_report.writers.dataframe import arrow_table, records_of

    table = arrow_table(records_of([report], "wide"), "wide")
    assert table.schema.field("active_disclosure.fees.amount").type == pa.decimal128(38, 8)
    assert table.column("active_disclosure.fees.amount")[0].as_py() == Decimal("12.35")
    assert table.schema.field("requests.new_received.total").type == pa.int64()


def test_a_missing_extra_says_which_pip_install_brings_it(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    import importlib

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    monkeypatch.setattr(
        importlib, "import_module", lambda name, package=None: no_pandas(name) if "pandas" in name else None
    )
    with pytest.raises(MissingExtraError, match=r"pip install 'govinfo-report\[dataframe\]'"):
        govinfo_report.to_dataframe([report])


def test_long_batches_of_several_reports_hold_their_long_records(report: Report) -> None:
    """Reports of both formats, blank and filled, and one whose table two is not its format's
    (its records are built one by one) make one batch equal to their records, row for row."""
    pa = pytest.importorskip("pyarrow")
    from govinfo_report.writers.dataframe import arrow_table, long_batch_of, long_part

    odd = attrs.evolve(report, format="2019")  # table two of 2021 under the 2019 format
    reports = [report, Report("2019", agency="某局"), odd, Report("2021", year=2023)]
    sources = [SOURCE, None, SOURCE, SourceInfo("b.txt", 1, "cd" * 32, "text")]
    batch = long_batch_of([long_part(r, s) for r, s in zip(reports, sources, strict=True)])
    records = [
        record for r, s in zip(reports, sources, strict=True) for record in to_records(r, "long", source=s)
    ]
    assert pa.Table.from_batches([batch]).equals(arrow_table(records, "long"))
    assert batch.num_rows == len(records)
