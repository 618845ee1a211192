"""Golden end-to-end test: the bundled sample draft gives exactly the expected findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"


def finding_lines(report: dict) -> list[str]:
    """One line per finding, `path:line:column:RULE:message`, sorted."""
    lines = []
    for f in report["findings"]:
        first = f["figures"][0]
        lines.append(f"{first['path']}:{first['line']}:{first['column']}:{f['rule']}:{f['message']}")
    return sorted(lines)


def run_json(*paths: str) -> tuple[int, dict]:
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", *paths],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.mark.parametrize("lang, golden", [("vi", "sample-draft.expected"), ("en", "sample-draft.en.expected")])
def test_sample_draft_golden(lang, golden):
    code, report = run_json("data/sample-draft.md", "--lang", lang)
    expected = (GOLDEN / golden).read_text(encoding="utf-8").splitlines()
    assert finding_lines(report) == expected
    assert code == 1


def test_sample_exercises_the_core_rule_kinds():
    _, report = run_json("data/sample-draft.md")
    kinds_failing = {r["kind"] for r in report["summary"]["rules"] if r["fails"]}
    kinds_passing = {r["kind"] for r in report["summary"]["rules"] if r["passes"]}
    core = {"same_value", "part_whole", "between", "stated_ratio", "verdict", "shares", "structure",
            "plausibility", "identity"}
    assert core <= kinds_failing
    assert core <= kinds_passing


def test_the_bundled_drafts_exercise_every_rule_kind():
    from checker.kinds import KINDS
    failing, passing = set(), set()
    for name in ("data/sample-draft.md", "data/tuyen-quang-draft.md", "data/phu-tho-draft.txt",
                 "data/hai-phong-draft.txt"):
        _, report = run_json(name)
        failing |= {r["kind"] for r in report["summary"]["rules"] if r["fails"]}
        passing |= {r["kind"] for r in report["summary"]["rules"] if r["passes"]}
    assert failing == set(KINDS)
    assert passing == set(KINDS)
