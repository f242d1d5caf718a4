"""The command never loses or misplaces output: inputs with one name get outputs of their own,
nothing is written through a symlink, and a file that cannot be read or written is reported while
the rest of the batch goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from govinfo_report.cli import EXIT_OK, EXIT_UNREADABLE, main

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "report.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    return folder


def test_outputs_keep_the_inputs_paths(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(_inputs(tmp_path)), "--output-dir", str(out)]) == EXIT_OK
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["a/report.json", "b/report.json"]


def test_two_inputs_of_one_name_given_as_files_do_not_overwrite(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    out = tmp_path / "out"
    files = [str(folder / "a" / "report.txt"), str(folder / "b" / "report.txt")]
    assert main(["parse", *files, "--output-dir", str(out)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["report-2.json", "report.json"]


def test_a_symlink_in_the_output_folder_is_not_followed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (out / "sample_report.json").symlink_to(victim)
    assert main(["parse", str(SAMPLE), "--output-dir", str(out)]) == EXIT_OK
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "sample_report.json").is_symlink()
    assert json.loads((out / "sample_report.json").read_text("utf-8"))["year"] == 2023


def test_a_symlinked_subfolder_is_refused_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _inputs(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "a").symlink_to(elsewhere, target_is_directory=True)
    assert main(["parse", str(folder), "--output-dir", str(out)]) == EXIT_UNREADABLE
    assert list(elsewhere.iterdir()) == []
    assert (out / "b" / "report.json").exists()
    assert "symlink" in capsys.readouterr().err


@pytest.mark.skipif(ROOT_USER, reason="root may write anywhere")
def test_an_unwritable_output_folder_is_reported_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.chmod(out, 0o500)
    try:
        assert main(["parse", str(SAMPLE), "--output-dir", str(out)]) == EXIT_UNREADABLE
    finally:
        os.chmod(out, 0o700)
    assert "Traceback" not in capsys.readouterr().err


def test_an_output_path_that_is_a_file_is_reported_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder", encoding="utf-8")
    assert main(["parse", str(SAMPLE), "--output-dir", str(out)]) == EXIT_UNREADABLE
    assert "Traceback" not in capsys.readouterr().err


def test_an_unreadable_file_is_reported_and_the_others_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _inputs(tmp_path)
    (folder / "a" / "broken.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)
    (folder / "a" / "notes.xyz").write_text("not a report", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["parse", str(folder), "--output-dir", str(out)]) == EXIT_UNREADABLE
    err = capsys.readouterr().err
    assert "broken.txt" in err and "notes.xyz: skipped" in err
    assert len(list(out.rglob("*.json"))) == 2


def test_validation_errors_and_unreadable_inputs_have_distinct_exit_statuses(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)
    assert main(["validate", str(broken)]) == EXIT_UNREADABLE
    assert main(["validate", str(SAMPLE)]) in (0, 1)
