"""Reports as a Dask DataFrame, parsed where the data is: on the workers of a cluster, from local
paths or any fsspec URL (``s3://bucket/reports/**/*.html``, ``gcs://…``, ``hdfs://…``).

The files are listed once, in a stable (sorted) order, and cut into partitions of a few dozen
files; each partition reads its files' bytes through fsspec and parses them on a worker. The
frame's columns and dtypes are declared up front (the same as
:func:`govinfo_report.to_dataframe`'s), so building the graph computes nothing.

Needs the ``dask`` extra: ``pip install 'govinfo-report[dask]'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from .batch import read_bytes
from .limits import Limits, default_limits
from .readers import readers
from .writers.dataframe import frame_from_records, records_of, require
from .writers.records import Shape

#: Files parsed by one task: enough to outweigh a task's overhead, few enough to spread a
#: folder of a few hundred reports over every worker.
FILES_PER_PARTITION = 64


def _reader_suffixes() -> frozenset[str]:
    return frozenset(suffix for reader in readers() for suffix in reader.suffixes)


def list_files(
    urlpath: str | Sequence[str], storage_options: dict[str, Any] | None = None
) -> tuple[Any, list[str]]:
    """The filesystem and the report files ``urlpath`` stands for: a file, a folder (every file
    below it that a reader reads) or a glob, sorted. Hidden files are left out, as the command
    leaves them out."""
    fsspec = require("fsspec", "dask")
    given = [urlpath] if isinstance(urlpath, str) else list(urlpath)
    fs, _, _ = fsspec.get_fs_token_paths(given[0], storage_options=storage_options or {})
    suffixes = _reader_suffixes()
    found: list[str] = []
    for path in given:
        stripped = fs._strip_protocol(path)
        if fs.isdir(stripped):
            found += [p for p in fs.find(stripped) if _readable(p, stripped, suffixes)]
        elif any(mark in stripped for mark in "*?["):
            found += [
                p for p in fs.glob(stripped) if not PurePosixPath(p).name.startswith(".") and fs.isfile(p)
            ]
        else:
            found.append(stripped)
    return fs, sorted(dict.fromkeys(found))


def _readable(path: str, root: str, suffixes: frozenset[str]) -> bool:
    """A file below ``root`` that a reader reads and that no hidden folder or name hides."""
    relative = PurePosixPath(path).relative_to(PurePosixPath(root))
    return relative.suffix.lower() in suffixes and not any(part.startswith(".") for part in relative.parts)


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def parse_partition(
    paths: Sequence[str], fs: Any, shape: Shape, format: str | None, limits: Limits | None
) -> Any:
    """One partition: each file's bytes read through ``fs`` and parsed; the reports as a frame
    (files that give no report are left out, as :func:`to_dataframe` leaves them out)."""
    limits = limits or default_limits()
    local = _is_local(fs)
    results = []
    for path in paths:
        with fs.open(path, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
        name = path if local else fs.unstrip_protocol(path)
        results.append(read_bytes(data, name, format=format, limits=limits))
    return frame_from_records(records_of(results, shape), shape)


def read_reports(
    urlpath: str | Sequence[str],
    *,
    shape: Shape = "long",
    format: str | None = None,
    limits: Limits | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
    storage_options: dict[str, Any] | None = None,
) -> Any:
    """Reports as a Dask DataFrame with the columns and dtypes of
    :func:`govinfo_report.to_dataframe` (``shape`` "long": a row per cell; "wide": a row per
    report), each partition parsing its files on a worker. Nothing is computed until asked."""
    dd = require("dask.dataframe", "dask")
    fs, files = list_files(urlpath, storage_options)
    chunks = [tuple(files[i : i + files_per_partition]) for i in range(0, len(files), files_per_partition)]
    meta = frame_from_records([], shape)
    if not chunks:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_map(
        parse_partition,
        chunks,
        args=(fs, shape, format, limits),
        meta=meta,
        label="govinfo-report-parse",
        enforce_metadata=False,
    )


__all__ = ["FILES_PER_PARTITION", "list_files", "parse_partition", "read_reports"]
