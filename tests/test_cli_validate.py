"""The ``govinfo-report validate`` command: output, languages and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.cli import main
from govinfo_report.model import Report
from test_validate import changed, clean_report


def _write(folder: Path, name: str, report: Report) -> Path:
    path = folder / name
    path.write_text(govinfo_report.render(report), encoding="utf-8")
    return path


def _broken() -> Report:
    return changed(
        clean_report(),
        {("requests", "carried_forward", "natural_person"): 2, ("requests", "carried_forward", "total"): 2},
    )


def _blank_only() -> Report:
    """A report whose only finding is a warning (a blank cell)."""
    return changed(clean_report(), {("active_disclosure", "enforcement", "decisions"): None})


def test_a_correct_report_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "ok.txt", clean_report())
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "示例县示例镇人民政府" in out and "未发现问题" in out


def test_errors_exit_1_and_name_the_cell_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.txt", _broken())
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    text = path.read_text("utf-8")
    line = next(i for i, row in enumerate(text.split("\n"), 1) if "（七）总计" in row)
    assert "表三 收到和处理政府信息公开申请情况" in out
    assert f"错误 · 第{line}行 · 三、（七）总计 · 自然人：报告值 12，按“一+二−四”应为 11" in out
    assert "[requests-balance]" in out and "结果：2 个错误，0 个警告，0 条提示" in out


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    path = _write(tmp_path, "blank.txt", _blank_only())
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, "a.txt", clean_report())
    empty = tmp_path / "b.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["validate", str(good), str(empty), str(tmp_path / "missing.txt")]) == 2
    captured = capsys.readouterr()
    assert "a.txt" in captured.out and "b.txt" in captured.err and "missing.txt" in captured.err
    assert "共 1 份报告" in captured.out and "2 个文件无法读取" in captured.out


def test_json_output_is_one_document_per_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "bad.txt", _broken())
    assert main(["validate", "--format", "json", str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and data["counts"] == {"error": 2, "warning": 0, "info": 0}
    finding = data["findings"][0]
    assert {"code", "severity", "message", "message_zh", "table", "row", "column", "line"} <= set(finding)
    assert (finding["code"], finding["row"], finding["column"]) == (
        "requests-balance",
        "total_processed",
        "natural_person",
    )
    assert (finding["expected"], finding["actual"]) == (11, 12)
    assert finding["cells"][1] == {
        "table": "requests",
        "row": "new_received",
        "column": "natural_person",
        "line": finding["cells"][1]["line"],
        "year": None,
    }

    good = _write(tmp_path, "good.txt", clean_report())
    assert main(["validate", "--format", "json", str(tmp_path)]) == 1
    lines = capsys.readouterr().out.strip().split("\n")
    assert [json.loads(line)["file"] for line in lines] == [str(bad), str(good)]


def test_english_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "bad.txt", _broken())
    assert main(["validate", "--lang", "en", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Table 三 requests" in out
    assert "error · line" in out and "requests.total_processed.natural_person: reported 12" in out
    assert "result: 2 error(s), 0 warning(s), 0 info" in out


def test_a_json_report_is_validated_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.json"
    path.write_text(govinfo_report.dumps(_broken()), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "三、（七）总计 · 自然人" in capsys.readouterr().out
