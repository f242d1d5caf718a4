"""A user's script that reads a cell type-checks under ``mypy --strict`` without a ``None`` check
for the tables the data contract always has: the ``*_table`` accessors give a table whatever
was read. (``report.requests`` stays ``Requests | None``: the type checker asks for the check.)"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")

SCRIPT = """\
from decimal import Decimal

import govinfo_report
from govinfo_report import ActiveDisclosure, Report

report: Report = govinfo_report.parse_file("report.txt")
received: int | Decimal | None = report.requests_table.new_received.total.value
upheld: int | Decimal | None = report.review_litigation_table.review.upheld.value
table_two = report.active_disclosure_table
if isinstance(table_two, ActiveDisclosure):
    fees: int | Decimal | None = table_two.fees.amount.value
line: int | None = report.requests_table.carried_forward.natural_person.line
for result in govinfo_report.read_reports(["reports/"], jobs=2):
    if result.report is not None:
        print(result.source.sha256, result.report.requests_table.total_processed.total.value)
"""

UNGUARDED = """\
import govinfo_report

report = govinfo_report.parse_file("report.txt")
print(report.requests.new_received.total.value)
"""


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(source, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), str(script)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )


def test_reading_a_cell_type_checks_strictly_without_none_checks(tmp_path: Path) -> None:
    result = _mypy(tmp_path, SCRIPT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_the_optional_table_still_asks_for_its_check(tmp_path: Path) -> None:
    result = _mypy(tmp_path, UNGUARDED)
    assert result.returncode == 1
    assert "union-attr" in result.stdout
