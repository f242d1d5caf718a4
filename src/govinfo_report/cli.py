"""The ``govinfo-report`` command (also ``python -m govinfo_report``).

    govinfo-report parse PATH... [--format json|summary] [--output-dir DIR] [--template 2021|2019]
    govinfo-report validate PATH... [--format text|json] [--lang zh|en] [--strict]

A PATH is a report file of any kind a reader reads (text, web page, Word file, PDF — recognised
by content), a folder (every such file below it; others are reported as skipped) or a glob
pattern. With one input, ``--format json`` prints one indented JSON document; with several it
prints JSON Lines (one report per line, in input order), or with ``--output-dir`` writes one file
per report, keeping the inputs' paths below the folders given, never overwriting an output of
the same run and never writing through a symlink.

``validate`` checks every 勾稽关系 and template rule and prints the findings (a ``.json`` file
given by name is read as the data contract).

Exit status (both commands): 0 every input was read (and, for ``validate``, no errors); 1 errors
were found (``validate``; with ``--strict``, warnings too); 2 some input could not be read or
some output could not be written — the others are still processed and the reasons go to stderr
(2 wins over 1); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ._version import __version__
from .api import parse_file, parse_file_with_context
from .checks.validation import validate
from .errors import ReportError
from .model import Report
from .reading.context import ParseContext
from .sources import Skipped, Source, walk
from .writers.files import OutputError, OutputFolder
from .writers.findings import findings_json, format_findings, format_totals
from .writers.serialize import dumps, json_text, loads
from .writers.summary import format_summary

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


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


def _parse_command(args: argparse.Namespace) -> int:
    sources, _ = _sources(args.files)
    if not sources:
        _warn("no report files found")
        return EXIT_UNREADABLE
    status = EXIT_OK
    output = OutputFolder(args.output_dir) if args.output_dir is not None else None
    for index, source in enumerate(sources):
        try:
            report = parse_file(source.path, format=args.template)
        except (OSError, ReportError) as exc:
            _warn(f"{source.path}: {exc}")
            status = EXIT_UNREADABLE
            continue
        text, suffix = _rendered(report, args.format, source, several=len(sources) > 1)
        if output is None:
            print(("\n" if index and args.format == "summary" else "") + text)
            continue
        try:
            output.write(source.relative, suffix, text + "\n")
        except OutputError as exc:
            _warn(str(exc))
            status = EXIT_UNREADABLE
    return status


def _rendered(report: Report, kind: str, source: Source, *, several: bool) -> tuple[str, str]:
    """The report as the command prints it, and the file ending it is written with."""
    if kind == "summary":
        return format_summary(report, source=str(source.path) if several else None), ".txt"
    return dumps(report, indent=2 if not several else None), ".json"


def _validate_command(args: argparse.Namespace) -> int:
    sources, _ = _sources(args.files)
    if not sources:
        _warn("no report files found")
        return EXIT_UNREADABLE
    results = []
    unreadable = 0
    failing = False
    for source in sources:
        context: ParseContext | None = None
        try:
            if source.path.suffix.lower() == ".json":
                report = loads(source.path.read_bytes())
            else:
                report, context = parse_file_with_context(source.path, format=args.template)
        except (OSError, ReportError) as exc:
            _warn(f"{source.path}: {exc}")
            unreadable += 1
            continue
        result = validate(report, context=context)
        results.append(result)
        failing = failing or not result.ok or (args.strict and bool(result.warnings))
        name = str(source.path)
        if args.format == "json":
            print(
                json_text(findings_json(result, report, source=name), indent=2 if len(sources) == 1 else None)
            )
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
        "files", nargs="+", metavar="PATH", help="report files (any kind), folders of them or globs"
    )
    p.add_argument("--format", choices=("json", "summary"), default="json", help="output (default: json)")
    p.add_argument("--output-dir", type=Path, help="write one file per report into this folder")
    p.add_argument(
        "--template", choices=("2021", "2019"), help="force the table template instead of detecting it"
    )
    p.set_defaults(run=_parse_command)

    v = commands.add_parser("validate", help="check the 勾稽关系 and template rules, cell by cell")
    v.add_argument(
        "files", nargs="+", metavar="PATH", help="report files (any kind, or .json), folders of them or globs"
    )
    v.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
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
