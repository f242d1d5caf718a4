"""The ``govinfo-report`` command (also ``python -m govinfo_report``).

    govinfo-report parse FILE_OR_DIR... [--format json|summary] [--output-dir DIR] [--template 2021|2019]
    govinfo-report validate FILE_OR_DIR... [--format text|json] [--lang zh|en] [--strict]

A directory stands for every ``*.txt`` file below it. With one input, ``--format json`` prints one
indented JSON document; with several it prints JSON Lines (one report per line, in input order),
or with ``--output-dir`` writes ``<name>.json`` per report. Exit status: 0 when every file was
read, 2 when any could not be (the others are still processed; reasons go to stderr).

``validate`` checks every 勾稽关系 and template rule and prints the findings (a ``.json`` file
given by name is read as the data contract). Exit status: 0 no errors, 1 errors found (with
``--strict``, warnings too), 2 a file could not be read (this wins over 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from ._version import __version__
from .api import parse_file, parse_with_context
from .checks.validation import validate
from .errors import ReportError
from .readers import read_text
from .reading.context import ParseContext
from .writers.findings import findings_json, format_findings, format_totals
from .writers.serialize import dumps, json_text, loads
from .writers.summary import format_summary

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


def expand(paths: Sequence[str]) -> Iterator[Path]:
    """Files as given, directories as their ``*.txt`` files (sorted, recursive)."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def _parse_command(args: argparse.Namespace) -> int:
    files = list(expand(args.files))
    if not files:
        print("govinfo-report: no report files found", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    out_dir: Path | None = args.output_dir
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for index, path in enumerate(files):
        try:
            report = parse_file(path, format=args.template)
        except (OSError, ReportError) as exc:
            print(f"govinfo-report: {path}: {exc}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        if args.format == "summary":
            text = format_summary(report, source=str(path) if len(files) > 1 else None)
            if out_dir is not None:
                (out_dir / f"{path.stem}.txt").write_text(text + "\n", encoding="utf-8")
            else:
                print(("\n" if index else "") + text)
        else:
            if out_dir is not None:
                (out_dir / f"{path.stem}.json").write_text(dumps(report, indent=2) + "\n", encoding="utf-8")
            else:
                print(dumps(report, indent=2 if len(files) == 1 else None))
    return status


def _validate_command(args: argparse.Namespace) -> int:
    files = list(expand(args.files))
    if not files:
        print("govinfo-report: no report files found", file=sys.stderr)
        return EXIT_UNREADABLE
    results = []
    unreadable = 0
    failing = False
    for path in files:
        context: ParseContext | None = None
        try:
            if path.suffix.lower() == ".json":
                report = loads(path.read_bytes())
            else:
                report, context = parse_with_context(read_text(path), format=args.template)
        except (OSError, ReportError) as exc:
            print(f"govinfo-report: {path}: {exc}", file=sys.stderr)
            unreadable += 1
            continue
        result = validate(report, context=context)
        results.append(result)
        failing = failing or not result.ok or (args.strict and bool(result.warnings))
        source = str(path)
        if args.format == "json":
            print(
                json_text(findings_json(result, report, source=source), indent=2 if len(files) == 1 else None)
            )
        else:
            print(
                ("\n" if len(results) > 1 else "")
                + format_findings(result, report, source=source, lang=args.lang)
            )
    if args.format == "text" and len(files) > 1:
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
    p.add_argument("files", nargs="+", metavar="FILE", help="report text files or folders of them")
    p.add_argument("--format", choices=("json", "summary"), default="json", help="output (default: json)")
    p.add_argument("--output-dir", type=Path, help="write one file per report into this folder")
    p.add_argument(
        "--template", choices=("2021", "2019"), help="force the table template instead of detecting it"
    )
    p.set_defaults(run=_parse_command)

    v = commands.add_parser("validate", help="check the 勾稽关系 and template rules, cell by cell")
    v.add_argument("files", nargs="+", metavar="FILE", help="report text files (or .json) or folders of them")
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
