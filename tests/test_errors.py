"""Bad input: clear, typed errors; anything that is a report comes back as a Report."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import NotAReportError, ReportEncodingError, ReportError

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\x00\x01\x02binary\x03" * 20])
def test_empty_or_binary_text_is_not_a_report(text: str) -> None:
    with pytest.raises(NotAReportError):
        govinfo_report.parse(text)


def test_an_unrelated_document_is_not_a_report() -> None:
    with pytest.raises(NotAReportError, match="not a government information disclosure annual report"):
        govinfo_report.parse("关于召开2024年度安全生产工作会议的通知\n各单位：定于3月1日召开会议。")


def test_not_a_report_is_a_report_error() -> None:
    assert issubclass(NotAReportError, ReportError)
    assert issubclass(ReportEncodingError, ReportError)


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        govinfo_report.parse(b"bytes")  # type: ignore[arg-type]


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="2017"):
        govinfo_report.parse("x", format="2017")


def test_a_title_alone_is_a_partial_report_with_diagnostics() -> None:
    report = govinfo_report.parse("某县某局2023年政府信息公开工作年度报告\n")
    assert report.agency == "某县某局" and report.year == 2023
    assert report.requests is None
    assert {d.code for d in report.diagnostics} >= {"missing-section"}


def test_a_truncated_report_still_parses() -> None:
    text = SAMPLE.read_text("utf-8")
    report = govinfo_report.parse(text[: len(text) // 2])
    assert report.year == 2023
    assert any(d.code == "missing-section" for d in report.diagnostics)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_parse_file_reads_the_encodings_reports_come_in(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SAMPLE.read_text("utf-8").encode(encoding))
    report = govinfo_report.parse_file(path)
    assert report.agency == "示例县示例镇人民政府"
    assert report.requests is not None and report.requests.new_received.total.value == 15


def test_parse_file_rejects_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xff\xfe\xfd" * 2 + b"abc" + bytes(range(0x80, 0x90)) + b"\x81")
    with pytest.raises(ReportError):
        govinfo_report.parse_file(path)


def test_parse_file_missing_file_is_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        govinfo_report.parse_file(tmp_path / "nope.txt")
