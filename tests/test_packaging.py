"""The grammars load from a built wheel, from an sdist and from an editable install.

Each install goes into a fresh virtual environment and runs the console script on the bundled
example from a directory outside the source tree, so a grammar found only by accident (the
current directory, the source tree on sys.path) cannot make the test pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

#: A program that prints where the installed package reads its grammars from.
_WHERE = "import govinfo_report.template.grammars as g; print(g.grammar_dir())"

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "sample_report.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (REPO / "pyproject.toml").is_file(), reason="needs the source tree (not an installed package)"
    ),
]


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _fresh_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / ("Scripts" if os.name == "nt" else "bin")


def _check_installed(bin_dir: Path, workdir: Path) -> None:
    sample = workdir / "report.txt"
    shutil.copy(SAMPLE, sample)
    out = _run(bin_dir / "govinfo-report", "parse", sample, cwd=workdir)
    data = json.loads(out)
    assert data["agency"] == "示例县示例镇人民政府"
    assert data["requests"]["total_processed"]["total"] == 15


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, REPO)
    return out


def test_wheel_install(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel)
    _check_installed(bin_dir, tmp_path)
    where = _run(bin_dir / "python", "-c", _WHERE)
    assert "site-packages" in where


def test_sdist_install(dist: Path, tmp_path: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", sdist)
    _check_installed(bin_dir, tmp_path)


def test_editable_install(tmp_path: Path) -> None:
    source = tmp_path / "src-copy"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", "*.egg-info", "dist", "build", ".*cache"
        ),
    )
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", "-e", source)
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    _check_installed(bin_dir, workdir)
    where = _run(bin_dir / "python", "-c", _WHERE)
    assert Path(where.strip()) == source / "grammars"


def test_example_variant_plugin_installs_and_is_found(dist: Path, tmp_path: Path) -> None:
    """The example plugin, installed next to the library in a fresh venv, is found through its
    entry point, and its extra row is in the JSON output."""
    (wheel,) = dist.glob("*.whl")
    bin_dir = _fresh_venv(tmp_path / "venv")
    _run(bin_dir / "python", "-m", "pip", "install", "--quiet", wheel, REPO / "examples" / "variant_plugin")
    sample = REPO / "examples" / "variant_plugin" / "sample_report.txt"
    data = json.loads(_run(bin_dir / "govinfo-report", "parse", sample, cwd=tmp_path))
    assert data["format"] == "example-province"
    assert data["active_disclosure"]["other_documents"] == {"published": 46}
