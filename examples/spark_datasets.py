"""Parse a folder of reports on Spark with ``mapInPandas``: each task parses the files of its
rows and yields the typed frame :func:`govinfo_report.to_dataframe` would give for them.

    python examples/spark_datasets.py REPORTS_DIR [--shape wide|long] [--out reports.parquet]

With pyspark installed this runs on a local Spark session (point ``SparkSession.builder`` at your
cluster instead); without it, it runs the same partition function on pandas alone, so the recipe
can be tried anywhere. The files must be readable from every executor (a shared filesystem, or
read them through fsspec for object stores, as :mod:`govinfo_report.dask` does).
"""

from __future__ import annotations

import argparse
import importlib.util
from collections.abc import Iterator
from typing import Any

import govinfo_report
from govinfo_report.batch import read_path
from govinfo_report.sources import Source, walk
from govinfo_report.writers.dataframe import arrow_schema, column_kinds, frame_from_records, records_of


def report_paths(folder: str) -> list[str]:
    """Every report file below ``folder``, in the command's order."""
    return [str(found.path) for found in walk([folder]) if isinstance(found, Source)]


def parse_partition(batches: Iterator[Any], shape: str = "wide") -> Iterator[Any]:
    """The function ``mapInPandas`` runs: frames of a ``path`` column in, typed report frames out
    (dates as ``datetime.date`` and money as ``Decimal``, which Spark's date and decimal types
    take)."""
    for batch in batches:
        results = [read_path(path) for path in batch["path"]]
        frame = frame_from_records(records_of(results, shape), shape)  # type: ignore[arg-type]
        for name, kind in column_kinds(shape).items():
            if kind == "date":
                frame[name] = frame[name].dt.date
            elif kind == "decimal":
                frame[name] = frame[name].astype(object)
        yield frame


def spark_schema(shape: str) -> Any:
    """The Spark schema of the frames: the Arrow schema of :mod:`govinfo_report.writers.dataframe`
    (long integers, decimal(38, 8) money, dates, strings)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema(shape))


def on_spark(paths: list[str], shape: str, out: str | None) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("govinfo-report").getOrCreate()
    files = spark.createDataFrame([(p,) for p in paths], "path string").repartition(max(1, len(paths) // 64))
    reports = files.mapInPandas(lambda batches: parse_partition(batches, shape), schema=spark_schema(shape))
    if out:
        reports.write.mode("overwrite").parquet(out)
    print(f"{reports.count():,} rows")
    reports.show(5, truncate=40)
    spark.stop()


def on_pandas(paths: list[str], shape: str, out: str | None) -> None:
    import pandas as pd

    chunks = (pd.DataFrame({"path": paths[i : i + 64]}) for i in range(0, len(paths), 64))
    frames = list(parse_partition(chunks, shape))
    reports = pd.concat(frames, ignore_index=True) if frames else frame_from_records([], shape)  # type: ignore[arg-type]
    if out:
        reports.to_parquet(out)
    print(f"{len(reports):,} rows (pyspark is not installed: the partition function ran on pandas)")
    print(reports.head())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--shape", choices=("wide", "long"), default="wide")
    parser.add_argument("--out")
    args = parser.parse_args()
    paths = report_paths(args.folder)
    print(f"{len(paths):,} report files; govinfo-report {govinfo_report.__version__}")
    run = on_spark if importlib.util.find_spec("pyspark") is not None else on_pandas
    run(paths, args.shape, args.out)


if __name__ == "__main__":
    main()
