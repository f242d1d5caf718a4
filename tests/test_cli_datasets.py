"""The command writes a batch as one dataset: JSON Lines, CSV, Parquet or a workbook, in either
shape, with the inputs that gave no report in an error table, and the exit statuses of old."""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, main
from govinfo_report.writers.dataset_files import fields_of
from govinfo_report.writers.records import FINDING_FIELDS, LONG_FIELDS, REPORT_FIELDS
from report_files import SAMPLE, WRITERS, can_write


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports of every kind this machine writes (a PDF is read where its reader is installed),
    a file no reader reads and one that is not a report."""
    path = tmp_path_factory.mktemp("reports")
    report = govinfo_report.parse_file(SAMPLE)
    for kind, write in WRITERS.items():
        if can_write(kind) and kind != "pdf":
            write(report, path / f"report.{kind}")
    (path / "readme.xyz").write_text("not a report", encoding="utf-8")
    (path / "broken.txt").write_bytes(b"\x00\x01\x02" * 20)
    return path


def _readable(folder: Path) -> int:
    return sum(1 for p in folder.iterdir() if p.suffix in (".txt", ".html", ".docx")) - 1


def test_a_folder_to_one_wide_csv_with_an_error_table(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reports.csv"
    assert (
        main(["parse", str(folder), "--to", "csv", "--shape", "wide", "--out", str(out)]) == EXIT_UNREADABLE
    )
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == _readable(folder)
    assert list(rows[0]) == list(fields_of("wide"))
    assert {r["requests.new_received.total"] for r in rows} == {"15"}
    assert {r["active_disclosure.fees.amount"] for r in rows} == {"12.35"}
    assert {r["active_disclosure.enforcement.decisions"] for r in rows} == {""}  # blank stays blank
    errors = list(csv.DictReader((tmp_path / "reports.csv.errors.csv").open(encoding="utf-8")))
    assert {(Path(e["source_path"]).name, e["status"]) for e in errors} == {
        ("broken.txt", "failed"),
        ("readme.xyz", "skipped"),
    }
    err = capsys.readouterr().err
    assert "broken.txt" in err and "readme.xyz: skipped" in err
    assert f"{_readable(folder)} read" in err and "1 failed, 1 skipped" in err


def test_a_folder_to_one_long_parquet(folder: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "cells.parquet"
    assert (
        main(["parse", str(folder), "--to", "parquet", "--out", str(out), "--jobs", "2"]) == EXIT_UNREADABLE
    )
    frame = pd.read_parquet(out)
    assert list(frame.columns) == list(LONG_FIELDS)
    assert str(frame["value"].dtype) == "Int64"
    cells = len(list(govinfo_report.parse_file(SAMPLE).cells()))
    assert len(frame) == _readable(folder) * cells
    fees = frame[frame["row"] == "fees"]["amount"]
    assert set(fees) == {Decimal("12.35")}
    assert frame[(frame["row"] == "enforcement")]["value"].isna().all()
    assert (tmp_path / "cells.parquet.errors.csv").exists()


def test_a_workbook_has_the_records_and_an_errors_sheet(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "reports.xlsx"
    assert (
        main(["parse", str(folder), "--to", "xlsx", "--shape", "wide", "--out", str(out)]) == EXIT_UNREADABLE
    )
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["reports", "errors"]
    header = [c.value for c in next(book["reports"].iter_rows(max_row=1))]
    assert header[: len(REPORT_FIELDS)] == list(REPORT_FIELDS)
    assert book["reports"].max_row == 1 + _readable(folder)
    assert book["errors"].max_row == 3


def test_json_lines_carry_each_reports_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_bytes(SAMPLE.read_bytes())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    assert main(["parse", str(tmp_path / "a.txt"), "-", "--to", "jsonl"]) == EXIT_OK
    lines = capsys.readouterr().out.strip().split("\n")
    documents = [json.loads(line) for line in lines]
    assert [d["source"]["path"] for d in documents] == [str(tmp_path / "a.txt"), "-"]
    assert {d["source"]["kind"] for d in documents} == {"text"}
    assert documents[0]["source"]["sha256"] == documents[1]["source"]["sha256"]
    assert govinfo_report.loads(lines[0]) == govinfo_report.parse_file(SAMPLE)  # source is read past


def test_the_json_document_of_one_report_carries_its_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == EXIT_OK
    text = capsys.readouterr().out
    document = json.loads(text)
    assert document["source"]["path"] == str(SAMPLE) and document["source"]["size"] == SAMPLE.stat().st_size
    assert govinfo_report.loads(text) == govinfo_report.parse_file(SAMPLE)


def test_stdin_past_the_bound_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govinfo_report import limits

    monkeypatch.setattr(limits, "_default", limits.Limits(max_file_bytes=100))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.read_bytes())))
    assert main(["parse", "-", "--to", "jsonl"]) == EXIT_UNREADABLE
    assert "InputTooLargeError" in capsys.readouterr().err


def test_a_binary_dataset_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--to", "parquet"]) == EXIT_UNREADABLE
    assert "--out" in capsys.readouterr().err


def test_all_read_exits_0_and_the_csv_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--to", "csv"]) == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(list(govinfo_report.parse_file(SAMPLE).cells()))


def test_an_output_that_cannot_be_written_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").mkdir()
    assert main(["parse", str(SAMPLE), "--to", "csv", "--out", str(tmp_path / "taken")]) == EXIT_UNREADABLE
    assert "folder" in capsys.readouterr().err


def test_an_output_symlink_is_replaced_never_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.csv"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(target)
    assert main(["parse", str(SAMPLE), "--to", "csv", "--out", str(link)]) == EXIT_OK
    assert target.read_text(encoding="utf-8") == "keep"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("source_path,")


def _broken_copy(tmp_path: Path) -> Path:
    text = SAMPLE.read_text("utf-8").replace("（七）总计\t12\t2", "（七）总计\t13\t2")
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_writes_one_findings_table_for_the_batch(tmp_path: Path) -> None:
    broken = _broken_copy(tmp_path)
    out = tmp_path / "findings.csv"
    assert main(["validate", str(broken), str(SAMPLE), "--to", "csv", "--out", str(out)]) == EXIT_FINDINGS
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(FINDING_FIELDS)
    assert {Path(r["source_path"]).name for r in rows} == {"broken.txt", "sample_report.txt"}
    balance = next(r for r in rows if r["code"] == "requests-balance")
    assert (balance["expected"], balance["actual"], balance["severity"]) == ("12", "13", "error")
    assert balance["cell_name"] == "三、（七）总计 · 自然人"
    assert balance["source_sha256"]


def test_validate_to_a_workbook_lists_unreadable_files(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    unreadable = tmp_path / "bad.txt"
    unreadable.write_bytes(b"\x00\x01" * 30)
    out = tmp_path / "findings.xlsx"
    assert main(
        ["validate", str(_broken_copy(tmp_path)), str(unreadable), "--to", "xlsx", "--out", str(out)]
    ) == (EXIT_UNREADABLE)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["findings", "errors"]
    assert book["errors"].max_row == 2


def test_validate_writes_the_html_audit(tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    assert main(["validate", str(_broken_copy(tmp_path)), "--to", "html", "--out", str(out)]) == EXIT_FINDINGS
    page = out.read_text(encoding="utf-8")
    assert 'class="value finding-error"' in page and "requests-balance" in page


def test_a_sheet_past_excels_row_limit_continues_on_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from govinfo_report.writers import dataset_files

    monkeypatch.setattr(dataset_files, "EXCEL_MAX_ROWS", 101)
    out = tmp_path / "cells.xlsx"
    assert main(["parse", str(SAMPLE), "--to", "xlsx", "--out", str(out)]) == EXIT_OK
    book = openpyxl.load_workbook(out)
    cells = len(list(govinfo_report.parse_file(SAMPLE).cells()))
    sheets = [name for name in book.sheetnames if name.startswith("cells")]
    assert sheets == ["cells", "cells (2)", "cells (3)"][: -(-cells // 100)]
    assert sum(book[name].max_row - 1 for name in sheets) == cells
