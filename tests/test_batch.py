"""One walk over the inputs: a result per input, in input order, with its source, its status and
the report or the error; the same results from worker processes; bounded work in flight."""

from __future__ import annotations

import hashlib
import io
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from govinfo_report import batch
from govinfo_report.batch import Result, choose_jobs, read_bytes, read_reports, summary_counts
from govinfo_report.limits import Limits
from govinfo_report.sources import Skipped, Source, walk
from govinfo_report.testing import cell_differences
from report_files import SAMPLE, WRITERS, can_write


def _pdf_reader_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("govinfo_report.readers.pdf") is not None


@pytest.fixture(scope="module")
def sample() -> govinfo_report.Report:
    return govinfo_report.parse_file(SAMPLE)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory, sample: govinfo_report.Report) -> Path:
    """A folder with a report of every kind this machine can write, a file no reader reads and
    a file that is not a report."""
    folder = tmp_path_factory.mktemp("mixed")
    for kind, write in WRITERS.items():
        if can_write(kind):
            write(sample, folder / f"report.{kind}")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "broken.txt").write_bytes(b"\x00\x01\x02 not a report \xff" * 10)
    return folder


def test_a_result_per_input_in_the_walks_order(mixed: Path, sample: govinfo_report.Report) -> None:
    results = list(read_reports(mixed, jobs=1))
    walked = list(walk([mixed]))
    assert [r.source.path for r in results] == [str(w.path) for w in walked]
    by_name = {Path(r.source.path).name: r for r in results}
    assert by_name["notes.json"].status == "skipped"
    assert by_name["notes.json"].error_kind == "Skipped" and "no reader" in (
        by_name["notes.json"].error or ""
    )
    assert by_name["broken.txt"].status == "failed" and by_name["broken.txt"].error_kind == "NotAReportError"
    assert by_name["broken.txt"].report is None and by_name["broken.txt"].error
    for kind in ("txt", "html", "docx"):
        if not can_write(kind):
            continue
        result = by_name[f"report.{kind}"]
        assert result.status == "read", (kind, result.error)
        assert result.report is not None and cell_differences(result.report, sample) == []
        assert result.source.kind == {"txt": "text"}.get(kind, kind)
    if can_write("pdf"):
        pdf = by_name["report.pdf"]
        assert pdf.source.kind == "pdf"
        assert pdf.status in ("read", "partial") if _pdf_reader_installed() else pdf.status == "failed"


def test_the_source_is_the_exact_bytes_read(mixed: Path) -> None:
    (result,) = read_reports([mixed / "report.txt"])
    data = (mixed / "report.txt").read_bytes()
    assert result.source.size == len(data)
    assert result.source.sha256 == hashlib.sha256(data).hexdigest()
    assert result.relative == Path("report.txt")


def test_worker_processes_give_the_same_results_in_the_same_order(mixed: Path) -> None:
    one = list(read_reports([mixed, SAMPLE], jobs=1))
    two = list(read_reports([mixed, SAMPLE], jobs=2))
    assert [(r.source, r.status, r.error_kind, r.report) for r in two] == [
        (r.source, r.status, r.error_kind, r.report) for r in one
    ]


def test_a_missing_file_is_a_failed_result_not_an_exception(tmp_path: Path) -> None:
    (result,) = read_reports([tmp_path / "missing.txt"])
    assert result.status == "failed" and result.error_kind == "FileNotFoundError"


def test_a_report_missing_a_table_is_partial() -> None:
    text = SAMPLE.read_text("utf-8")
    text = text[: text.index("（本列数据")] + text[text.index("四、政府信息公开行政复议") :]
    result = read_bytes(text.encode(), "-")
    assert result.status == "partial" and result.report is not None and result.report.requests is None


def test_bytes_past_the_bound_are_refused() -> None:
    result = read_bytes(SAMPLE.read_bytes(), "-", limits=Limits(max_file_bytes=100))
    assert result.status == "failed" and result.error_kind == "InputTooLargeError"


def test_standard_input_is_read_up_to_the_bound() -> None:
    assert batch.stdin_bytes(1000, io.BytesIO(b"x" * 10)) == b"x" * 10
    with pytest.raises(govinfo_report.ReportError):
        batch.stdin_bytes(5, io.BytesIO(b"x" * 10))


def test_jobs_default_to_one_for_a_handful_and_the_cpus_for_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch.os, "cpu_count", lambda: 6)
    assert choose_jobs(None, 3) == 1
    assert choose_jobs(None, 8) == 1
    assert choose_jobs(None, 9) == 6
    assert choose_jobs(3, 1) == 3
    with pytest.raises(ValueError):
        choose_jobs(0, 10)


class _CountingExecutor:
    """Runs each job at once, counting how many were submitted."""

    submitted = 0

    def __init__(self, max_workers: int) -> None:
        self.max_workers = max_workers

    def submit(self, function: Any, *args: Any, **kwargs: Any) -> Future[Result]:
        type(self).submitted += len(args[1])  # the inputs of the task
        future: Future[Result] = Future()
        future.set_result(function(*args, **kwargs))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_at_most_four_tasks_per_worker_are_in_flight(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for index in range(40):
        (tmp_path / f"{index:02}.txt").write_bytes(SAMPLE.read_bytes())
    monkeypatch.setattr(batch, "ProcessPoolExecutor", _CountingExecutor)
    _CountingExecutor.submitted = 0
    seen = 0
    for result in read_reports(tmp_path, jobs=2):
        seen += 1
        assert _CountingExecutor.submitted - seen < batch.IN_FLIGHT_PER_JOB * 2 * batch.MAX_CHUNK
        assert result.status == "read"
    assert seen == 40 == _CountingExecutor.submitted


def test_progress_is_drawn_on_the_stream_given(mixed: Path) -> None:
    stream = io.StringIO()
    results = list(read_reports(mixed, progress=stream))
    assert f"{len(results)}/{len(results)} reports" in stream.getvalue()
    assert summary_counts(r.status for r in results)["skipped"] == 1


def test_skipped_files_are_results_never_dropped(mixed: Path) -> None:
    skipped = [w for w in walk([mixed]) if isinstance(w, Skipped)]
    results = [r for r in read_reports(mixed) if r.status == "skipped"]
    assert [r.source.path for r in results] == [str(s.path) for s in skipped]


def test_the_package_exports_the_batch_reader() -> None:
    assert govinfo_report.read_reports is read_reports


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_every_file_of_the_real_corpus_is_accounted_for() -> None:
    results = list(read_reports(CORPUS, jobs=1))
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert sorted(Path(r.source.path) for r in results) == files
    for result in results:
        if Path(result.source.path).suffix == ".json":
            assert result.status == "skipped"
        elif result.status in ("read", "partial"):
            assert result.report is not None and result.source.sha256 and result.source.kind
        else:
            assert result.status == "failed" and result.error_kind and result.error
    assert any(r.status in ("read", "partial") for r in results)


def test_inputs_go_to_workers_in_runs_that_keep_their_order(tmp_path: Path) -> None:
    sources = [Source(tmp_path / f"{i}.txt", Path(f"{i}.txt")) for i in range(11)]
    skipped = Skipped(tmp_path / "x.bin", "no reader reads .bin files")
    inputs: list[Source | Skipped] = [*sources[:5], skipped, *sources[5:]]
    chunks = list(batch._chunks(inputs, 3))
    flat = [item for chunk in chunks for item in (chunk if isinstance(chunk, list) else [chunk])]
    assert flat == inputs
    assert all(1 <= len(chunk) <= 3 for chunk in chunks if isinstance(chunk, list))
    assert skipped in chunks  # a skipped file is handled on its own, never sent to a worker
