"""Every cell of the real reports in ../shared/corpus, against the values a careful human read.

The corpus sits beside the repository in development and CI; an installed package has none, so
these tests skip when it is absent. Reports whose layout needs a later stage of the reader (glued
cells, the 2019 template's table 二) are checked only for what this stage reads.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from govinfo_report.template.spec import REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_BLOCKS, REVIEW_OUTCOMES

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
TRUTHS = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not TRUTHS, reason="../shared/corpus is not present")

#: Which parts of each truth record this test compares. The agency of some records carries an
#: editor's annotation in parentheses, which is not part of any printed name: compared without it.
ACTIVE_2021 = ("regulations", "normative_documents", "licensing", "punishment", "enforcement", "fees")


def _truth_rows(truth: dict[str, Any]) -> dict[str, list[Any]]:
    rows: dict[str, list[Any]] = {}
    collapsed = truth.get("format") == "2019" or truth.get("other_processing_row")
    for index, row_id in enumerate(r for r in REQUEST_ROWS if r != "other_processing"):
        values = truth["requests"][index] if truth.get("requests") else [None] * 7
        if collapsed and row_id == "other_overdue_correction":
            rows["other_processing"] = values
            rows[row_id] = [None] * 7
        else:
            rows[row_id] = values
    if not collapsed:
        rows["other_processing"] = [None] * 7
    return rows


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return Decimal(str(expected)) == Decimal(str(actual))


def _compare_requests(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    wrong = []
    for row_id, values in _truth_rows(truth).items():
        for column, value in zip(REQUEST_COLUMNS, values, strict=True):
            actual = got["requests"][row_id][column] if got["requests"] else None
            if not _same(value, actual):
                wrong.append(f"requests.{row_id}.{column}: {value!r} != {actual!r}")
    return wrong


def _compare_review(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    wrong = []
    values = truth["review_litigation"] or [None] * 15
    for index, value in enumerate(values):
        block, outcome = REVIEW_BLOCKS[index // 5], REVIEW_OUTCOMES[index % 5]
        actual = got["review_litigation"][block][outcome] if got["review_litigation"] else None
        if not _same(value, actual):
            wrong.append(f"review_litigation.{block}.{outcome}: {value!r} != {actual!r}")
    return wrong


def _compare_active(truth: dict[str, Any], got: dict[str, Any]) -> list[str]:
    active = truth["active"]
    wrong = []
    table = got["active_disclosure"]
    for row in ACTIVE_2021:
        expected = active[row] if active else None
        if row in ("regulations", "normative_documents"):
            pairs = zip(("issued", "repealed", "in_force"), expected or [None] * 3, strict=True)
        elif row == "fees":
            pairs = iter([("amount", expected)])
        else:
            pairs = iter([("decisions", expected)])
        for column, value in pairs:
            actual = table[row][column] if table else None
            if not _same(value, actual):
                wrong.append(f"active.{row}.{column}: {value!r} != {actual!r}")
    return wrong


@pytest.mark.parametrize("truth_path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_corpus_report(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text("utf-8"))
    text_path = truth_path.with_suffix(".txt")
    report = govinfo_report.parse_file(text_path)
    got = govinfo_report.to_dict(report)

    assert report.year == truth["year"]
    assert report.agency == truth["agency"].split(" (")[0].split("（")[0]
    assert report.format == truth["format"]
    wrong = _compare_requests(truth, got) + _compare_review(truth, got)
    if truth["format"] == "2021":
        wrong += _compare_active(truth, got)
    # cells the text alone cannot decide may come back blank (with a diagnostic)
    ambiguous = set(truth.get("ambiguous", ()))
    wrong = [w for w in wrong if not (w.split(":")[0] in ambiguous and w.endswith("!= None"))]
    assert wrong == []
    assert govinfo_report.from_dict(got) == report
