"""The govinfo-report command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agency"] == "示例县示例镇人民政府"
    assert data["requests"]["new_received"]["total"] == 15


def test_parse_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLE), "--format", "summary"]) == 0
    out = capsys.readouterr().out
    assert "示例县示例镇人民政府" in out and "（七）总计" not in out and "(七)总计" in out
    assert "诊断 diagnostics" in out


def test_several_files_give_json_lines_and_a_bad_file_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("", encoding="utf-8")
    assert main(["parse", str(SAMPLE), str(bad), str(SAMPLE)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.strip().split("\n")
    assert len(lines) == 2 and all(json.loads(line)["year"] == 2023 for line in lines)
    assert "bad.txt" in captured.err and "empty" in captured.err


def test_a_folder_and_output_dir(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["parse", str(folder), "--output-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "parse", str(SAMPLE), "--format", "summary"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0 and "示例县" in result.stdout


def test_usage_error_exit_status() -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse"])
    assert info.value.code == 2
