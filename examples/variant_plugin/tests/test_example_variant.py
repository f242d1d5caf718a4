"""The variant, found through its entry point, reads its extra row into the JSON output."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.template import formats

SAMPLE = Path(__file__).resolve().parent.parent / "sample_report.txt"

pytestmark = pytest.mark.skipif(
    "example-province" not in formats.names(),
    reason="the example plugin is not installed (pip install examples/variant_plugin)",
)


def test_detected_and_read_with_its_extra_row() -> None:
    report = govinfo_report.parse_file(SAMPLE)
    assert report.format == "example-province"
    data = govinfo_report.to_dict(report)
    assert data["active_disclosure"]["other_documents"] == {"published": 46}
    assert str(data["active_disclosure"]["fees"]["amount"]) == "12.35"  # read with the new spelling
    assert govinfo_report.from_dict(data) == report
    assert not [d for d in report.diagnostics if d.code == "example-province-missing-other-documents"]


def test_the_hook_reports_an_empty_extra_row() -> None:
    text = SAMPLE.read_text("utf-8").replace("其他主动公开文件\t46", "其他主动公开文件\t")
    report = govinfo_report.parse(text)
    assert report.format == "example-province"
    codes = [d.code for d in report.diagnostics]
    assert "example-province-missing-other-documents" in codes


def test_a_national_report_is_not_taken_for_the_variant() -> None:
    text = SAMPLE.read_text("utf-8").replace("其他主动公开文件\t46\t\t\n", "")
    assert govinfo_report.parse(text).format == "2021"
