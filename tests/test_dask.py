"""Beyond one machine: a Dask DataFrame parsed on the workers of a cluster equals the DataFrame
one process builds, for a thousand reports; the graph is built without computing anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from report_files import SAMPLE, many_reports

pytest.importorskip("dask.dataframe")
pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import govinfo_report  # noqa: E402
from govinfo_report import dask as govinfo_dask  # noqa: E402

REPORTS = 1000


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many")
    many_reports(path, REPORTS)
    (path / "notes.json").write_text("{}", encoding="utf-8")  # no reader reads it: not listed
    return path


@pytest.fixture(scope="module")
def cluster_client() -> Any:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def _sorted(frame: Any, keys: list[str]) -> Any:
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def _comparable(frame: Any) -> Any:
    """Strings as one dtype (Dask may hold them in Arrow), everything else as it is."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column].dtype) and out[column].dtype != object:
            out[column] = out[column].astype("string[python]")
    return out


@pytest.mark.parametrize(
    ("shape", "keys"), [("wide", ["source_path"]), ("long", ["source_path", "table", "row", "column"])]
)
def test_the_cluster_gives_what_one_process_gives(
    folder: Path, cluster_client: Any, shape: str, keys: list[str]
) -> None:
    frame = govinfo_dask.read_reports(str(folder), shape=shape)  # type: ignore[arg-type]
    assert frame.npartitions == -(-REPORTS // govinfo_dask.FILES_PER_PARTITION)
    distributed = _sorted(frame.compute(), keys)
    local = _sorted(
        govinfo_report.to_dataframe(govinfo_report.read_reports(folder, jobs=1), shape=shape), keys
    )  # type: ignore[arg-type]
    assert len(local) == (
        REPORTS if shape == "wide" else REPORTS * len(list(govinfo_report.parse_file(SAMPLE).cells()))
    )
    assert list(distributed.columns) == list(local.columns)
    assert [str(t) for t in distributed.dtypes if "str" not in str(t)] == [
        str(t) for t in local.dtypes if "str" not in str(t)
    ]
    pd.testing.assert_frame_equal(_comparable(distributed), _comparable(local))


def test_the_frame_is_declared_without_computing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many_reports(tmp_path, 3)
    calls: list[Any] = []
    real = govinfo_dask.parse_partition

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(govinfo_dask, "parse_partition", counted)
    frame = govinfo_dask.read_reports(str(tmp_path), shape="wide")
    assert calls == []  # meta is explicit: nothing was parsed to guess the dtypes
    assert str(frame.dtypes["requests.new_received.total"]) == "Int64"
    assert "decimal128(38, 8)" in str(frame.dtypes["active_disclosure.fees.amount"])


def test_a_glob_lists_its_files_in_order(tmp_path: Path) -> None:
    many_reports(tmp_path, 5)
    (tmp_path / "000" / ".hidden.txt").write_text("x", encoding="utf-8")
    _, files = govinfo_dask.list_files(str(tmp_path / "*" / "*.txt"))
    assert [Path(f).name for f in files] == [f"report-{i:05}.txt" for i in range(5)]
    _, files = govinfo_dask.list_files(str(tmp_path))
    assert len(files) == 5
