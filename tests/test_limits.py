"""Bounded time and memory, whatever the input: hostile or broken inputs give a Report or a
ReportError, in time proportional to their size.

The inputs below are large enough that a pattern whose work grows with the square of its input
would take minutes to hours on them (they did, before the patterns were made linear); nothing is
timed, a regression shows as a run that does not finish."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import ReportDataError, ReportEncodingError, ReportError
from govinfo_report.limits import InputTooLargeError, Limits
from govinfo_report.readers.text import decode_bytes
from govinfo_report.reading.metadata import find_period
from govinfo_report.reading.normalize import normalize
from govinfo_report.reading.skeleton import read_skeleton

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")
#: The place table 三's rows begin: hostile text put there is read as a table region.
TABLE_三 = "（本列数据的勾稽关系"


def _in_table(payload: str) -> str:
    return TEXT.replace(TABLE_三, payload + "\n" + TABLE_三, 1)


# --- patterns that used to backtrack ------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param("1" + ",000" * 200_000 + "0", id="thousands separators, no end"),
        pytest.param("**a " * 100_000, id="emphasis never closed"),
        pytest.param("__a " * 100_000, id="underscores never closed"),
        pytest.param("<span " * 100_000, id="a tag never closed"),
        pytest.param("<font\n" * 100_000, id="a tag never closed, over lines"),
        pytest.param("[a](" * 100_000, id="links never closed"),
    ],
)
def test_normalising_hostile_text_is_linear(payload: str) -> None:
    assert normalize(payload).count("\n") == payload.count("\n")


def test_a_date_before_a_long_run_of_blanks_is_linear() -> None:
    assert find_period("2023年1月1日" + "\n" * 400_000 + "x") is None
    assert find_period("2023年1月1日" + " " * 400_000 + "至2023年12月31日") is not None


def test_a_heading_numeral_before_a_long_run_of_blanks_is_linear() -> None:
    skeleton = read_skeleton("一" + " " * 400_000 + "x\n" + "二、" + "\t" * 400_000)
    assert skeleton.sections == ()


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(" +-" * 40_000, id="spaces and strokes (a border that is not)"),
        pytest.param("+" + "-+" * 100_000, id="one border line of many cells"),
        pytest.param("| 1 " * 100_000, id="one line of many pipe cells"),
    ],
)
def test_hostile_table_regions_are_read_in_linear_time(payload: str) -> None:
    report = govinfo_report.parse(_in_table(payload))
    assert report.requests is None or report.requests.new_received.total.value in (15, None)


# --- numbers no cell has ------------------------------------------------------------------------


def test_a_cell_of_thousands_of_digits_is_no_number() -> None:
    report = govinfo_report.parse(TEXT.replace("\t0\t15\n", "\t0\t" + "1" * 4400 + "\n", 1))
    assert report.requests is not None
    assert report.requests.new_received.total.value is None
    assert any(d.row == "new_received" and d.code.startswith("glued-cells") for d in report.diagnostics)


def test_a_long_run_of_nines_is_bounded() -> None:
    report = govinfo_report.parse(TEXT.replace("\t0\t15\n", "\t0\t" + "9" * 6000 + "\n", 1))
    assert report.requests is not None and report.requests.new_received.total.value is None


def test_a_point_inside_a_label_beside_glued_digits_is_read() -> None:
    text = TEXT.replace("6.属于四类过程性信息", "6.属于四类过程性信0.111111111111111111111111111息")
    assert isinstance(govinfo_report.parse(text), govinfo_report.Report)


def test_the_contract_refuses_numbers_no_report_has() -> None:
    report = govinfo_report.parse(TEXT)
    data = govinfo_report.to_dict(report)
    data["active_disclosure"]["fees"]["amount"] = Decimal("1" * 4301)
    with pytest.raises(ReportDataError, match="digits"):
        govinfo_report.from_dict(data)
    data["active_disclosure"]["fees"]["amount"] = Decimal("1.5")
    data["requests"]["granted"]["total"] = 10**40
    with pytest.raises(ReportDataError, match="digits"):
        govinfo_report.from_dict(data)


def test_json_with_a_number_too_long_to_read_is_a_report_data_error() -> None:
    text = govinfo_report.dumps(govinfo_report.parse(TEXT)).replace(
        '"total": 15', '"total": ' + "1" * 5000, 1
    )
    with pytest.raises(ReportDataError):
        govinfo_report.loads(text)


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "guessed"),
    [
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("gbk"), True, id="UTF-8 mark before GBK"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00", False, id="UTF-16 one byte short"),
        pytest.param(TEXT.encode("utf-16-le"), True, id="UTF-16 LE without a mark"),
        pytest.param(TEXT.encode("utf-16-be"), True, id="UTF-16 BE without a mark"),
        pytest.param(TEXT.encode("utf-32"), False, id="UTF-32 with its mark"),
        pytest.param(TEXT.encode("utf-32-le"), True, id="UTF-32 without a mark"),
        pytest.param(TEXT.encode("gb18030"), True, id="GB18030"),
    ],
)
def test_the_encodings_reports_come_in_are_read(data: bytes, guessed: bool) -> None:
    report = govinfo_report.parse_file(data)
    assert report.agency == "示例县示例镇人民政府"
    assert report.requests is not None and report.requests.new_received.total.value == 15
    assert any(d.code == "encoding-guessed" for d in report.diagnostics) == guessed


def test_a_big5_report_is_decoded_as_big5() -> None:
    traditional = "示例縣政府2023年度政府資訊公開工作年度報告\n一、總體情況\n本機關收到申請15件。"
    decoded = decode_bytes(traditional.encode("big5"), "report.txt")
    assert decoded.text == traditional and decoded.guessed == "big5"


def test_bytes_no_encoding_reads_are_an_encoding_error_or_not_a_report() -> None:
    with pytest.raises(ReportError):
        govinfo_report.parse_file(bytes(range(128, 256)) * 50)


# --- sizes --------------------------------------------------------------------------------------


def test_a_text_past_the_bound_is_refused_up_front() -> None:
    with pytest.raises(InputTooLargeError):
        govinfo_report.parse(TEXT * 10, limits=Limits(max_text_chars=len(TEXT) * 5))
    assert govinfo_report.parse(TEXT, limits=Limits(max_text_chars=len(TEXT))).year == 2023


def test_a_file_past_the_bound_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: two gigabytes that take no room
        handle.truncate(2 * 1024**3)
    with pytest.raises(InputTooLargeError):
        govinfo_report.parse_file(big)


def test_a_table_region_past_its_bound_is_not_read_as_a_table() -> None:
    report = govinfo_report.parse(_in_table("| 1 " * 1000), limits=Limits(max_region_chars=2000))
    assert report.requests is None
    assert any(d.code == "table-region-too-large" for d in report.diagnostics)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_a_device_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    with pytest.raises(ReportError, match="not a regular file"):
        govinfo_report.parse_file(fifo)
    if Path("/dev/zero").exists():
        with pytest.raises(ReportError, match="not a regular file"):
            govinfo_report.parse_file("/dev/zero")
    with pytest.raises(ReportError, match="not a regular file"):
        govinfo_report.parse_file(tmp_path)


def test_an_undecodable_utf16_file_is_an_encoding_error() -> None:
    with pytest.raises(ReportEncodingError):
        govinfo_report.parse_file(b"\xff\xfe" + b"\x00\xd8" * 10)
