"""The ``govinfo-report`` command (also ``python -m govinfo_report``).

    govinfo-report parse PATH... [--format json|summary] [--output-dir DIR] [--template 2021|2019]
    govinfo-report parse PATH... --to jsonl|csv|parquet|xlsx [--shape long|wide] [--out FILE] [--jobs N]
    govinfo-report validate PATH... [--format text|json] [--lang zh|en] [--strict]
    govinfo-report validate PATH... --to csv|xlsx|html [--out FILE]

A PATH is a report file of any kind a reader reads (text, web page, Word file, PDF — recognised
by content), a folder (every such file below it; others are reported as skipped) or a glob
pattern. With one input, ``--format json`` prints one indented JSON document; with several it
prints JSON Lines (one report per line, in input order), or with ``--output-dir`` writes one file
per report, keeping the inputs' paths below the folders given, never overwriting an output of
the same run and never writing through a symlink. Every JSON document carries its ``source``
(path, size, SHA-256, reader kind) as a top-level key. ``-`` reads one report from stdin.

``--to`` writes every report into one dataset file, a row per cell (``--shape long``) or per
report (``wide``); the inputs that gave no report go to its error table (``<out>.errors.csv``,
or an ``errors`` sheet). The dataset rows are made in the worker processes that parse
(``--jobs``), so the command itself only writes. A closing summary goes to stderr, and a
progress bar when stderr is a terminal.

``validate`` checks every 勾稽关系 and template rule and prints the findings (a ``.json`` file
given by name is read as the data contract); ``--to`` writes the batch's findings as one table
or as the HTML audit page.

Exit status (both commands): 0 every input was read (and, for ``validate``, no errors); 1 errors
were found (``validate``; with ``--strict``, warnings too); 2 some input could not be read or
some output could not be written — the others are still processed and the reasons go to stderr
(2 wins over 1); 130 interrupted.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs

from ._version import __version__
from .api import parse_file_with_context
from .batch import HasStatus, Result, process_inputs, read_bytes, read_input, stdin_bytes, summary_counts
from .checks.findings import ValidationResult
from .checks.validation import validate
from .errors import ReportError
from .limits import Limits, default_limits
from .model import Report
from .reading.context import ParseContext
from .sources import Skipped, Source, SourceInfo, walk
from .writers.audit import Audited, render_audit
from .writers.dataframe import require
from .writers.dataset_files import (
    DATASET_KINDS,
    DatasetSink,
    document_with_source,
    errors_path,
    excel_value,
    open_sink,
    prepare,
    replaced_atomically,
    write_csv,
    write_table,
)
from .writers.files import OutputError, OutputFolder
from .writers.findings import Lang, findings_json, format_findings, format_totals
from .writers.records import ERROR_FIELDS, FINDING_FIELDS, Shape, Status, findings_records
from .writers.serialize import json_text, loads
from .writers.summary import format_summary

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

#: The operand that stands for standard input.
STDIN = "-"

T = TypeVar("T", bound=HasStatus)


def _warn(message: str) -> None:
    print(f"govinfo-report: {message}", file=sys.stderr)


def _sources(paths: Sequence[str]) -> tuple[list[Source], int]:
    """The inputs, each skipped file said on stderr; the second value counts them."""
    sources: list[Source] = []
    skipped = 0
    for found in walk(paths):
        if isinstance(found, Skipped):
            _warn(f"{found.path}: skipped: {found.reason}")
            skipped += 1
        else:
            sources.append(found)
    return sources, skipped


# --- parse --------------------------------------------------------------------------------------


def _results(args: argparse.Namespace, progress: TextIO | bool) -> Iterator[Result]:
    """The results of every operand in order; ``-`` is one report read from standard input."""
    work = functools.partial(read_input, format=args.template)
    return _each_operand(args, progress, work, lambda result: result)


def _each_operand(
    args: argparse.Namespace,
    progress: TextIO | bool,
    work: Callable[[Source | Skipped], T],
    from_stdin: Callable[[Result], T],
) -> Iterator[T]:
    """``work`` on every input the operands stand for, in order; ``-`` is one report read from
    standard input, its result handed to ``from_stdin``."""
    segment: list[str] = []
    for operand in [*args.files, None]:
        if operand not in (STDIN, None):
            segment.append(operand)
            continue
        if segment:
            yield from process_inputs(segment, work, jobs=args.jobs, progress=progress)
            segment = []
        if operand == STDIN:
            yield from_stdin(_stdin_result(args.template))


@attrs.frozen
class Prepared:
    """An input read and made ready for a dataset file where it was parsed: its result (without
    the report, which stays in the worker), its diagnostics' codes and what the sink writes."""

    result: Result
    codes: tuple[str, ...] = ()
    payload: Any = None

    @property
    def status(self) -> Status:
        return self.result.status


def prepared(result: Result, kind: str, shape: Shape) -> Prepared:
    """A result made ready for a dataset sink of ``kind``."""
    if result.report is None:
        return Prepared(result)
    payload = prepare(kind, shape, result.report, result.source)
    codes = tuple(d.code for d in result.report.diagnostics)
    return Prepared(attrs.evolve(result, report=None), codes, payload)


def prepare_input(
    item: Source | Skipped, *, kind: str, shape: Shape, format: str | None, limits: Limits | None = None
) -> Prepared:
    """One input read and made ready for a dataset sink (run in a worker process)."""
    return prepared(read_input(item, format=format, limits=limits), kind, shape)


def _stdin_result(template: str | None) -> Result:
    limits = default_limits()
    try:
        data = stdin_bytes(limits.max_file_bytes)
    except (OSError, ReportError) as exc:
        return Result(SourceInfo(STDIN), "failed", error_kind=type(exc).__name__, error=str(exc))
    return read_bytes(data, STDIN, format=template, limits=limits, relative=Path("stdin"))


class _Tally:
    """What a run has seen: statuses, the diagnostics' codes, whether an output failed."""

    def __init__(self, progress: bool) -> None:
        self.statuses: list[Status] = []
        self.codes: Counter[str] = Counter()
        self.output_failed = False
        self.progress = progress

    def note(self, result: Result, codes: Iterable[str] = ()) -> None:
        self.statuses.append(result.status)
        if result.report is not None:
            self.codes.update(d.code for d in result.report.diagnostics)
        if result.status in ("read", "partial"):
            self.codes.update(codes)
        elif result.status == "skipped":
            self.say(f"{result.source.path}: skipped: {result.error}")
        else:
            self.say(f"{result.source.path}: {result.error_kind}: {result.error}")

    def say(self, message: str) -> None:
        if self.progress:  # clear the bar's line first
            sys.stderr.write("\r\x1b[K")
        _warn(message)

    @property
    def status(self) -> int:
        read = sum(s in ("read", "partial") for s in self.statuses)
        if self.output_failed or "failed" in self.statuses or not read:
            return EXIT_UNREADABLE
        return EXIT_OK

    def summary(self) -> str:
        counts = summary_counts(self.statuses)
        line = ", ".join(f"{count:,} {status}" for status, count in counts.items())
        common = ", ".join(f"{code} ×{n:,}" for code, n in self.codes.most_common(5))
        return f"{len(self.statuses):,} input(s): {line}" + (
            f"; most frequent diagnostics: {common}" if common else ""
        )


def _parse_command(args: argparse.Namespace) -> int:
    show_progress = sys.stderr.isatty()
    tally = _Tally(show_progress)
    try:
        if args.to is not None:
            _write_dataset(args, tally, show_progress)
        else:
            _write_documents(args, tally, show_progress)
    except OutputError as exc:
        _warn(str(exc))
        tally.output_failed = True
    if not tally.output_failed and not any(s in ("read", "partial", "failed") for s in tally.statuses):
        _warn("no report files found")
    if args.to is not None or len(tally.statuses) > 1:
        _warn(tally.summary())
    return tally.status


def _write_documents(args: argparse.Namespace, tally: _Tally, progress: bool) -> None:
    """The data contract (or the summary) of each report: printed, or one file per report."""
    output = OutputFolder(args.output_dir) if args.output_dir is not None else None
    printed = 0
    for result, several in _knowing_several(_results(args, progress)):
        tally.note(result)
        if result.report is None:
            continue
        text, suffix = _rendered(result.report, args.format, result.source, several=several)
        if output is None:
            print(("\n" if printed and args.format == "summary" else "") + text)
            printed += 1
            continue
        try:
            output.write(result.relative or Path(Path(result.source.path).name), suffix, text + "\n")
        except OutputError as exc:
            tally.say(str(exc))
            tally.output_failed = True


def _knowing_several(results: Iterator[Result]) -> Iterator[tuple[Result, bool]]:
    """Each result, and whether the run has more than one input to read (one report prints as
    an indented document, several as JSON Lines): the first results wait until that is known."""
    held: list[Result] = []
    for result in results:
        held.append(result)
        if sum(r.status != "skipped" for r in held) > 1:
            break
    several = sum(r.status != "skipped" for r in held) > 1
    for result in held:
        yield result, several
    for result in results:
        yield result, True


def _rendered(report: Report, kind: str, source: SourceInfo, *, several: bool) -> tuple[str, str]:
    """The report as the command prints it, and the file ending it is written with."""
    if kind == "summary":
        return format_summary(report, source=source.path if several else None), ".txt"
    return json_text(document_with_source(report, source), indent=2 if not several else None), ".json"


def _write_dataset(args: argparse.Namespace, tally: _Tally, progress: bool) -> None:
    """Every report into one dataset file; the inputs that gave none into its error table."""
    out = None if args.out in (None, Path(STDIN)) else args.out
    sink: DatasetSink = open_sink(args.to, args.shape, out)
    work = functools.partial(prepare_input, kind=args.to, shape=args.shape, format=args.template)
    try:
        for item in _each_operand(args, progress, work, lambda r: prepared(r, args.to, args.shape)):
            tally.note(item.result, item.codes)
            if item.status in ("read", "partial"):
                sink.write(item.payload)
            else:
                sink.add_error(_error_record(item.result))
    except BaseException:
        sink.abort()
        raise
    sink.close()
    if out is not None and sink.errors and args.to != "xlsx":
        _warn(f"{len(sink.errors):,} input(s) not read: listed in {errors_path(out)}")


def _error_record(result: Result) -> dict[str, object]:
    return {
        "source_path": result.source.path,
        "source_size": result.source.size,
        "source_sha256": result.source.sha256,
        "status": result.status,
        "error_kind": result.error_kind,
        "error": result.error,
    }


def _checked(args: argparse.Namespace) -> Iterator[tuple[Source, Report, ValidationResult] | Result]:
    """Each input validated (a ``.json`` file read as the data contract), or the result that
    says why it was not; files no reader reads are said on stderr as skipped."""
    for found in walk(args.files):
        if isinstance(found, Skipped):
            _warn(f"{found.path}: skipped: {found.reason}")
            continue
        context: ParseContext | None = None
        try:
            if found.path.suffix.lower() == ".json":
                report = loads(found.path.read_bytes())
            else:
                report, context = parse_file_with_context(found.path, format=args.template)
        except (OSError, ReportError) as exc:
            _warn(f"{found.path}: {exc}")
            yield Result(SourceInfo(str(found.path)), "failed", error_kind=type(exc).__name__, error=str(exc))
            continue
        yield found, report, validate(report, context=context)


def _validate_command(args: argparse.Namespace) -> int:
    if args.to is not None:
        return _validate_to_file(args)
    sources, _ = _sources(args.files)
    if not sources:
        _warn("no report files found")
        return EXIT_UNREADABLE
    results = []
    unreadable = 0
    failing = False
    for item in _checked(args):
        if isinstance(item, Result):
            unreadable += 1
            continue
        source, report, result = item
        results.append(result)
        failing = failing or _failing(result, args.strict)
        name = str(source.path)
        if args.format == "json":
            document = findings_json(result, report, source=name)
            print(json_text(document, indent=2 if len(sources) == 1 else None))
        else:
            print(
                ("\n" if len(results) > 1 else "")
                + format_findings(result, report, source=name, lang=args.lang)
            )
    if args.format == "text" and len(sources) > 1:
        print("\n" + format_totals(results, unreadable, lang=args.lang))
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if failing else EXIT_OK


def _source_info(path: Path, kind: str) -> SourceInfo:
    """The path, size and SHA-256 of a file that was read (the hash read again: audits are small)."""
    try:
        data = path.read_bytes()
    except OSError:
        return SourceInfo(str(path), kind=kind)
    return SourceInfo(str(path), len(data), hashlib.sha256(data).hexdigest(), kind)


def _failing(result: ValidationResult, strict: bool) -> bool:
    return not result.ok or (strict and bool(result.warnings))


def _validate_to_file(args: argparse.Namespace) -> int:
    """The batch's findings as one table (CSV, a workbook) or as the HTML audit page."""
    audited: list[Audited] = []
    findings: list[dict[str, object]] = []
    unread: list[dict[str, object]] = []
    failing = False
    read = 0
    for item in _checked(args):
        if isinstance(item, Result):
            unread.append(_error_record(item))
            continue
        source, report, result = item
        read += 1
        info = _source_info(source.path, report.source_kind)
        failing = failing or _failing(result, args.strict)
        if args.to == "html":
            audited.append(Audited(str(source.path), report, result))
        else:
            findings.extend(findings_records(result, report, source=info))
    out = None if args.out in (None, Path(STDIN)) else args.out
    try:
        _write_findings(args.to, out, audited, findings, unread)
    except OutputError as exc:
        _warn(str(exc))
        return EXIT_UNREADABLE
    results = [a.result for a in audited] if args.to == "html" else None
    _warn(_findings_summary(results, findings, len(unread), args.lang))
    if unread or not read:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if failing else EXIT_OK


def _write_findings(
    kind: str,
    out: Path | None,
    audited: Sequence[Audited],
    findings: Sequence[dict[str, object]],
    unread: Sequence[dict[str, object]],
) -> None:
    if kind == "html":
        page = render_audit(audited, unread)
        if out is None:
            sys.stdout.write(page)
            return
        with replaced_atomically(out) as temporary:
            temporary.write_text(page, encoding="utf-8")
        return
    write_table(kind, out, FINDING_FIELDS, findings, sheet="findings")
    if unread and kind == "csv" and out is not None:
        write_csv(errors_path(out), ERROR_FIELDS, unread)
    elif unread and kind == "xlsx" and out is not None:
        _append_errors_sheet(out, unread)


def _append_errors_sheet(out: Path, unread: Sequence[dict[str, object]]) -> None:
    """The files that could not be read, as an ``errors`` sheet of the findings workbook."""
    openpyxl = require("openpyxl", "excel")
    book = openpyxl.load_workbook(str(out))
    sheet = book.create_sheet("errors")
    sheet.append(list(ERROR_FIELDS))
    for record in unread:
        sheet.append([excel_value(record.get(f)) for f in ERROR_FIELDS])
    with replaced_atomically(out) as temporary:
        book.save(str(temporary))


def _findings_summary(
    results: Sequence[ValidationResult] | None, findings: Sequence[dict[str, object]], unread: int, lang: Lang
) -> str:
    if results is not None:
        return format_totals(results, unread, lang=lang)
    errors = sum(1 for f in findings if f["severity"] == "error")
    warnings = sum(1 for f in findings if f["severity"] == "warning")
    found = f"{len(findings):,} finding(s): {errors:,} error(s), {warnings:,} warning(s)"
    return f"{found}; {unread:,} file(s) not read"


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"at least 1, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo-report",
        description="Read 政府信息公开工作年度报告 (government information disclosure annual reports) "
        "into structured data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("parse", help="parse reports into the JSON data contract or a summary")
    p.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="report files (any kind), folders of them or globs; - is stdin",
    )
    p.add_argument("--format", choices=("json", "summary"), default="json", help="output (default: json)")
    p.add_argument("--output-dir", type=Path, help="write one file per report into this folder")
    p.add_argument(
        "--to", choices=DATASET_KINDS, help="write every report into one dataset file (see --shape, --out)"
    )
    p.add_argument(
        "--shape",
        choices=("long", "wide"),
        default="long",
        help="dataset rows: one per cell (long, the default) or one per report (wide)",
    )
    p.add_argument("--out", type=Path, help="the dataset file (--to); jsonl and csv go to stdout without it")
    p.add_argument(
        "--jobs", type=_positive, help="worker processes (default: 1 for a few inputs, one per CPU for more)"
    )
    p.add_argument(
        "--template", choices=("2021", "2019"), help="force the table template instead of detecting it"
    )
    p.set_defaults(run=_parse_command)

    v = commands.add_parser("validate", help="check the 勾稽关系 and template rules, cell by cell")
    v.add_argument(
        "files", nargs="+", metavar="PATH", help="report files (any kind, or .json), folders of them or globs"
    )
    v.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    v.add_argument(
        "--to",
        choices=("csv", "xlsx", "html"),
        help="write the batch's findings as one table (csv, xlsx) or as an HTML audit page",
    )
    v.add_argument("--out", type=Path, help="the file --to writes (csv and html go to stdout without it)")
    v.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the text output")
    v.add_argument("--strict", action="store_true", help="exit with status 1 on warnings too")
    v.add_argument(
        "--template", choices=("2021", "2019"), help="force the table template instead of detecting it"
    )
    v.set_defaults(run=_validate_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:  # e.g. piped into `head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
