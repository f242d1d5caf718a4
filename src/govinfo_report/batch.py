"""Many reports at once: one walk over the inputs, one result per input, in input order.

:func:`read_reports` takes files, folders and globs (as :func:`govinfo_report.sources.walk`
does) and yields a :class:`Result` for each: where the file came from (path, size, SHA-256, the
reader kind) and the :class:`~govinfo_report.model.Report`, or the error that stopped it. Files
no reader reads are results too (``skipped``), so a dataset can always account for every file
it was given. With ``jobs`` above 1 the parsing runs in worker processes; only a few inputs per
worker are in flight at once, so memory stays flat however many files there are.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import BinaryIO, Protocol, TextIO, TypeVar

import attrs

from .api import parse_document
from .limits import Limits, default_limits
from .model import Report
from .progress import Progress
from .readers import kind_of, read_document, read_source
from .sources import Skipped, Source, SourceInfo, walk
from .writers.records import Status, report_status

#: Inputs up to which ``jobs=None`` parses in this process: starting workers costs more than
#: it saves for a handful of files.
SMALL_BATCH = 8
#: Tasks in flight per worker: enough to keep every worker busy, few enough that memory stays
#: flat over any number of inputs.
IN_FLIGHT_PER_JOB = 4
#: Inputs a task holds at most (fewer when there are few inputs, so every worker gets some).
MAX_CHUNK = 8


@attrs.frozen
class Result:
    """What reading one input gave: its source, its status, and the report or the error.

    ``status`` is ``read``; ``partial`` (read, with warnings about tables or rows: its numbers
    may be incomplete); ``failed`` (``error_kind`` is the exception's class, ``error`` its
    message); or ``skipped`` (no reader reads such files; ``error`` says why).
    ``relative`` is the path below the folder or pattern it was found through."""

    source: SourceInfo
    status: Status
    report: Report | None = None
    error_kind: str | None = None
    error: str | None = None
    relative: Path | None = None

    @property
    def ok(self) -> bool:
        """Whether a report was read (fully or in part)."""
        return self.report is not None


def read_bytes(
    data: bytes,
    name: str,
    *,
    format: str | None = None,
    limits: Limits | None = None,
    relative: Path | None = None,
) -> Result:
    """Read one report from its bytes (a file's, or standard input's) into a :class:`Result`;
    any error becomes a ``failed`` result, never an exception."""
    limits = limits or default_limits()
    info = SourceInfo(name, len(data), hashlib.sha256(data).hexdigest(), None)
    try:
        read_source(data, limits.max_file_bytes)  # refuses bytes past the bound
        kind = kind_of(data, name)
        info = attrs.evolve(info, kind=kind)
        document = read_document(data, name, kind)
        report = parse_document(document, format=format, limits=limits)
    except Exception as exc:  # one bad file must not stop a batch: it is a failed result
        return _failed(info, exc, relative)
    return Result(info, report_status(report), report, relative=relative)


def read_path(
    path: str | Path,
    *,
    format: str | None = None,
    limits: Limits | None = None,
    relative: Path | None = None,
) -> Result:
    """Read one report file into a :class:`Result` (errors become ``failed`` results)."""
    limits = limits or default_limits()
    try:
        data, _ = read_source(Path(path), limits.max_file_bytes)
    except Exception as exc:
        return _failed(SourceInfo(str(path), _size(Path(path))), exc, relative)
    return read_bytes(data, str(path), format=format, limits=limits, relative=relative)


def _failed(info: SourceInfo, exc: BaseException, relative: Path | None) -> Result:
    message = str(exc) or repr(exc)
    return Result(info, "failed", error_kind=type(exc).__name__, error=message, relative=relative)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def skipped_result(skipped: Skipped) -> Result:
    """A file no reader reads, as a result."""
    info = SourceInfo(str(skipped.path), _size(skipped.path))
    return Result(
        info, "skipped", error_kind="Skipped", error=skipped.reason, relative=Path(skipped.path.name)
    )


def choose_jobs(jobs: int | None, inputs: int) -> int:
    """Worker processes for a batch: as asked, else one for a handful of inputs and one per CPU
    for more."""
    if jobs is not None:
        if jobs < 1:
            raise ValueError(f"jobs is at least 1, not {jobs}")
        return jobs
    return 1 if inputs <= SMALL_BATCH else max(1, os.cpu_count() or 1)


class HasStatus(Protocol):
    """What a batch yields per input: something with a status (see :class:`Result`)."""

    @property
    def status(self) -> Status: ...


T = TypeVar("T", bound=HasStatus)


def read_reports(
    paths_or_globs: str | Path | Sequence[str | Path],
    *,
    jobs: int | None = None,
    progress: bool | TextIO = False,
    format: str | None = None,
    limits: Limits | None = None,
) -> Iterator[Result]:
    """One :class:`Result` per input, in the order :func:`~govinfo_report.sources.walk` gives
    them: files as given, folders walked (files no reader reads are ``skipped`` results), globs.

    ``jobs`` worker processes parse the files (``None``: one for eight inputs or fewer, one per
    CPU for more); at most ``4 × jobs`` inputs are in flight, so memory stays flat over any
    number of inputs. ``progress`` draws a progress bar on stderr (or on the stream given).
    ``format`` forces a template, ``limits`` bounds each file (see :func:`parse_file`).
    """
    work = functools.partial(read_input, format=format, limits=limits)
    return process_inputs(paths_or_globs, work, jobs=jobs, progress=progress)


def read_input(item: Source | Skipped, *, format: str | None = None, limits: Limits | None = None) -> Result:
    """The result of one input of a walk."""
    if isinstance(item, Skipped):
        return skipped_result(item)
    return read_path(item.path, format=format, limits=limits, relative=item.relative)


def process_inputs(
    paths_or_globs: str | Path | Sequence[str | Path],
    work: Callable[[Source | Skipped], T],
    *,
    jobs: int | None = None,
    progress: bool | TextIO = False,
) -> Iterator[T]:
    """``work(input)`` for every input of a walk, in order — in worker processes when ``jobs``
    says so (``work`` must then be picklable: a module's function, or a partial of one)."""
    given = [paths_or_globs] if isinstance(paths_or_globs, str | Path) else list(paths_or_globs)
    inputs = list(walk(given))
    workers = choose_jobs(jobs, sum(isinstance(i, Source) for i in inputs))
    bar = Progress(
        len(inputs), stream=progress if not isinstance(progress, bool) else None, enabled=bool(progress)
    )
    try:
        done = map(work, inputs) if workers == 1 else _in_workers(inputs, work, workers)
        for item in done:
            bar.advance(failed=item.status == "failed")
            yield item
    finally:
        bar.close()


def _in_workers(
    inputs: Sequence[Source | Skipped], work: Callable[[Source | Skipped], T], workers: int
) -> Iterator[T]:
    """``work``'s results in input order from a pool of worker processes. Inputs go to the
    workers a few at a time (handing a task to a process and its result back costs about a
    fifth of a small report's parse), at most ``4 × workers`` tasks submitted and not yet
    yielded; files no reader reads are handled here: there is nothing to parse."""
    size = max(1, min(MAX_CHUNK, len(inputs) // (workers * IN_FLIGHT_PER_JOB)))
    window = IN_FLIGHT_PER_JOB * workers
    pending: deque[Future[list[T]] | list[T]] = deque()
    executor = ProcessPoolExecutor(max_workers=workers)
    try:
        for chunk in _chunks(inputs, size):
            if isinstance(chunk, Skipped):
                pending.append([work(chunk)])
            else:
                pending.append(executor.submit(_each, work, chunk))
            while len(pending) >= window:
                yield from _settled(pending.popleft())
        while pending:
            yield from _settled(pending.popleft())
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _chunks(inputs: Sequence[Source | Skipped], size: int) -> Iterator[list[Source] | Skipped]:
    """Runs of up to ``size`` consecutive sources, and each skipped file on its own, in order."""
    run: list[Source] = []
    for item in inputs:
        if isinstance(item, Skipped):
            if run:
                yield run
                run = []
            yield item
            continue
        run.append(item)
        if len(run) == size:
            yield run
            run = []
    if run:
        yield run


def _each(work: Callable[[Source | Skipped], T], chunk: Sequence[Source]) -> list[T]:
    """``work`` on each input of a chunk (in a worker process)."""
    return [work(item) for item in chunk]


def _settled(item: Future[list[T]] | list[T]) -> list[T]:
    return item.result() if isinstance(item, Future) else item


def summary_counts(statuses: Iterable[Status]) -> dict[Status, int]:
    """How many results had each status, in the order read, partial, failed, skipped."""
    counts: dict[Status, int] = {"read": 0, "partial": 0, "failed": 0, "skipped": 0}
    for status in statuses:
        counts[status] += 1
    return counts


def stdin_bytes(bound: int, stream: BinaryIO | None = None) -> bytes:
    """Standard input's bytes, refused past ``bound`` (``Limits.max_file_bytes``) before more is
    read."""
    source = stream if stream is not None else sys.stdin.buffer
    data, _ = read_source(source, bound)
    return data


__all__ = [
    "IN_FLIGHT_PER_JOB",
    "MAX_CHUNK",
    "SMALL_BATCH",
    "HasStatus",
    "Result",
    "choose_jobs",
    "process_inputs",
    "read_bytes",
    "read_input",
    "read_path",
    "read_reports",
    "skipped_result",
    "stdin_bytes",
    "summary_counts",
]
