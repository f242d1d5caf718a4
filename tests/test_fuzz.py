"""The fuzz target over the public surface, for a bounded run: every input gives a Report or a
ReportError, every round trip gives the report back, no input takes long (``python
benchmarks/fuzz.py`` runs it for as long as asked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from govinfo_report.testing.fuzz import corpus_seeds, fuzz_inputs, fuzz_one

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sample_report.txt"
SEEDS = [SAMPLE.read_bytes(), *corpus_seeds(CORPUS)]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=fuzz_inputs(SEEDS))
def test_fuzzed_inputs_give_a_report_or_a_report_error(data: bytes) -> None:
    assert fuzz_one(data) == []


def test_the_target_reports_what_goes_wrong() -> None:
    problems = fuzz_one(SAMPLE.read_bytes())
    assert problems == []
    assert [p.step for p in fuzz_one(b"\x00" * 10)] == []


def test_a_slow_input_is_flagged_only_when_every_run_is_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    from govinfo_report.testing import fuzz

    monkeypatch.setattr(fuzz, "SECONDS_PER_100_KB", 0.0)
    problems = fuzz_one(SAMPLE.read_bytes(), confirm_slow=2)
    assert [p.step for p in problems] == ["time"]
    assert "fastest of 3 runs" in problems[0].detail
