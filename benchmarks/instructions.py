"""Work per report in instructions, counted by valgrind: a measure that a busy machine cannot blur.

    python benchmarks/instructions.py [--passes N]

Timings on a shared machine drift by a third or more between runs; the instructions a parse
executes do not. For each workload this runs a fresh interpreter under ``valgrind
--tool=callgrind`` twice — once reading the inputs once (imports, grammars, caches warmed), once
reading them ``1 + N`` times — and reports the difference divided by ``N`` times the inputs:
the instructions one report costs once everything is warm. The glued-digit decoder's row cache
is emptied before each parse, so a report gains nothing from having been read before.

Workloads: the corpus texts (``../shared/corpus`` beside the repository when present, else the
bundled example), generated township and city reports flattened the way crawlers do, and a
ten-page PDF made by ``render_pdf`` (with the ``pdf`` extra). Needs ``valgrind`` on the PATH.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_texts() -> list[str]:
    paths = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [REPO / "examples" / "sample_report.txt"]
    return [path.read_text(encoding="utf-8") for path in paths]


def flattened_texts(scale: str) -> list[str]:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(REPO / "tests"))
    from flatten_decoder import generated

    from flattened import flatten

    reports = generated(10, scale=scale, consistent=True, blanks=False)
    return [flatten(report, random.Random(k)) for k, report in enumerate(reports)]


def workload(name: str, folder: Path) -> Callable[[], int]:
    """A function that reads the workload's inputs once and says how many it read."""
    import govinfo_report
    from govinfo_report.reading.decoding import rows

    empty_row_cache = getattr(getattr(rows, "_split", None), "cache_clear", lambda: None)

    if name == "pdf":
        from documents import ten_page_pdf

        path, _ = ten_page_pdf(folder)

        def read_pdf() -> int:
            empty_row_cache()
            govinfo_report.parse_file(path)
            return 1

        return read_pdf
    texts = corpus_texts() if name == "corpus" else flattened_texts(name)

    def read_texts() -> int:
        for text in texts:
            empty_row_cache()
            govinfo_report.parse(text)
        return len(texts)

    return read_texts


def run_workload(name: str, passes: int) -> None:
    """The child: the workload read ``1 + passes`` times; prints how many inputs one pass read."""
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as folder:
        read = workload(name, Path(folder))
        count = read()
        for _ in range(passes):
            read()
    print(count)


def counted(name: str, passes: int) -> tuple[int, int]:
    """(instructions, inputs a pass) of one child run under callgrind."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--workload",
            name,
            "--passes",
            str(passes),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count for {name}:\n{result.stderr[-2000:]}")
    return int(found.group(1)), int(result.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2, help="extra passes whose cost is counted")
    parser.add_argument("--workload", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=("corpus", "township", "city", "pdf"), action="append")
    args = parser.parse_args(argv)
    if args.workload:
        run_workload(args.workload, args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing counted")
        return 0
    names = args.only or ["corpus", "township", "city", "pdf"]
    print(f"instructions per report, warm (callgrind; {args.passes} counted passes)")
    for name in names:
        try:
            base, inputs = counted(name, 0)
            more, _ = counted(name, args.passes)
        except subprocess.CalledProcessError as error:  # the pdf extra missing, say
            print(f"  {name:<10} not counted: {error.stderr.strip().splitlines()[-1:]}")
            continue
        per_report = (more - base) / (args.passes * inputs)
        label = {"corpus": "corpus texts", "township": "township, flattened", "city": "city, flattened"}
        print(f"  {label.get(name, 'ten-page PDF'):<22} {inputs:>3} inputs  {per_report / 1e6:8.1f} M")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
