"""The Spark recipe's partition function gives, for each batch of paths, the frame
:func:`govinfo_report.to_dataframe` gives for those files (Spark itself runs only where pyspark
is installed; the function is the same)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from report_files import many_reports

pd = pytest.importorskip("pandas")

import govinfo_report  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "spark_datasets.py"


def _example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spark_datasets", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_partition_function_gives_the_reports_frame(tmp_path: Path) -> None:
    example = _example()
    many_reports(tmp_path, 6)
    paths = example.report_paths(str(tmp_path))
    assert len(paths) == 6
    batches = [pd.DataFrame({"path": paths[:4]}), pd.DataFrame({"path": paths[4:]})]
    frame = pd.concat(list(example.parse_partition(iter(batches), "wide")), ignore_index=True)
    expected = govinfo_report.to_dataframe(govinfo_report.read_reports(tmp_path, jobs=1), shape="wide")
    assert list(frame.columns) == list(expected.columns)
    assert list(frame["source_path"]) == list(expected["source_path"])
    assert list(frame["active_disclosure.fees.amount"]) == list(expected["active_disclosure.fees.amount"])
    assert frame["period_start"].iloc[0] == expected["period_start"].iloc[0].date()
    assert str(frame["requests.new_received.total"].dtype) == "Int64"


def test_the_spark_schema_is_the_arrow_schema() -> None:
    pytest.importorskip("pyspark")
    schema = _example().spark_schema("wide")
    assert schema["active_disclosure.fees.amount"].dataType.simpleString() == "decimal(38,8)"
