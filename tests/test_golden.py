"""Golden end-to-end test: the bundled sample draft gives exactly the expected findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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


def test_sample_draft_golden():
    code, report = run_json("data/sample-draft.md")
    expected = (GOLDEN / "sample-draft.expected").read_text(encoding="utf-8").splitlines()
    assert finding_lines(report) == expected
    assert code == 1


def test_sample_exercises_every_rule_kind():
    _, report = run_json("data/sample-draft.md")
    kinds_failing = {r["kind"] for r in report["summary"]["rules"] if r["fails"]}
    kinds_passing = {r["kind"] for r in report["summary"]["rules"] if r["passes"]}
    from checker.kinds import KINDS
    assert kinds_failing == set(KINDS)
    assert kinds_passing == set(KINDS)
