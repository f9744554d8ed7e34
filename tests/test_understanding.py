"""How well mbc understands what people type, judged on benchmarks/understanding.py's report: every part of
tests/understanding/cases.yaml hits at least 90%, the false-match probe finds no more false matches than the
baseline did, and mbc ask answers none of the questions its sources cannot answer."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from .conftest import ROOT

MIN_HIT_RATE = 0.9
BASELINE_FALSE_MATCHES = 0
"""False matches measured at the baseline: commit 448f7f1, the code as committed before the new matcher, run with
`PYTHONPATH=/tmp/baseline python benchmarks/understanding.py` (MBC_KB unset) on a `git archive` of it."""
MIN_CASES = {"everyday": 150, "clinical": 100, "terminology2": 60, "questions": 100, "names": 40}
MIN_FALSE_MATCH_TERMS = 320
MIN_UNANSWERABLE = 40


def _harness() -> ModuleType:
    """benchmarks/understanding.py, imported by path (benchmarks/ is not a package)."""
    path = ROOT / "benchmarks" / "understanding.py"
    spec = importlib.util.spec_from_file_location("understanding", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("understanding", module)
    spec.loader.exec_module(module)
    return module


understanding = _harness()


@pytest.fixture(scope="module")
def report() -> understanding.Report:
    return understanding.evaluate()


def test_the_case_files_are_complete() -> None:
    cases = understanding.load_cases()
    for part, least in MIN_CASES.items():
        assert sum(case.part == part for case in cases) >= least, part
    assert sum(MIN_CASES.values()) <= len(cases)
    probes, unanswerable = understanding.load_false_matches()
    assert len(probes) >= MIN_FALSE_MATCH_TERMS
    assert len(unanswerable) >= MIN_UNANSWERABLE


@pytest.mark.parametrize("part", understanding.PARTS)
def test_each_part_hits_at_least_90_percent(report: understanding.Report, part: str) -> None:
    result = report.parts[part]
    misses = "\n".join(f"mbc {miss.case.command} {miss.case.text!r}: {miss.got}" for miss in result.misses)
    rate = result.rate
    assert rate >= MIN_HIT_RATE, f"{part}: {result.hits}/{result.cases} hits; misses:\n{misses}"


def test_no_more_false_matches_than_the_baseline(report: understanding.Report) -> None:
    found = "\n".join(f"[{item.probe.kind}] {item.probe.text!r}: {list(item.matched)}" for item in report.false_matches)
    count = len(report.false_matches)
    assert count <= BASELINE_FALSE_MATCHES, f"{count} false matches:\n{found}"


def test_no_unanswerable_question_is_answered(report: understanding.Report) -> None:
    answered = "\n".join(f"{item.question!r}: {item.got}" for item in report.answered)
    count = len(report.answered)
    assert count == 0, f"{count} answered:\n{answered}"
