"""Turns the YAML case files in tests/rules/ into tests: a rule author adds a case, not Python."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.kinds import KINDS
from tests.conftest import header, run_text

CASE_DIR = Path(__file__).parent / "rules"


def load_cases():
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["kind"], case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("kind, case", list(load_cases()))
def test_rule_case(tmp_path, kind, case):
    assert kind in KINDS
    text = header(case.get("province", "Thái Nguyên")) + case["text"]
    _, findings, outcomes = run_text(tmp_path, text)
    by_rule = {o.rule: o for o in outcomes}
    for rule_id, count in (case.get("fail") or {}).items():
        got = [f for f in findings if f.rule == rule_id]
        assert len(got) == count, [f.message for f in findings]
    for rule_id in case.get("pass") or []:
        assert by_rule[rule_id].passes >= 1, f"{rule_id} passed nothing: the case does not exercise it"
        assert [f.message for f in findings if f.rule == rule_id] == []
    # A case must not set off rules it does not name: no false alarms.
    named = set(case.get("pass") or []) | set(case.get("fail") or {})
    stray = [f"{f.rule}: {f.message}" for f in findings if f.rule not in named]
    assert stray == []


def test_every_kind_has_pass_and_fail_cases():
    seen: dict[str, set[str]] = {}
    for param in load_cases():
        kind, case = param.values
        seen.setdefault(kind, set()).update({"pass"} if case.get("pass") else set())
        seen[kind].update({"fail"} if case.get("fail") else set())
    for kind in KINDS:
        assert seen.get(kind) == {"pass", "fail"}, kind


def test_every_rule_has_a_description_and_a_pass_and_a_fail_case():
    from checker.catalog import load_catalog
    from checker.engine import load_default_rules

    passing, failing = set(), set()
    for param in load_cases():
        _, case = param.values
        passing.update(case.get("pass") or [])
        failing.update(case.get("fail") or {})
    for rule in load_default_rules(load_catalog()):
        assert rule.description.strip(), rule.id
        assert rule.id in passing, f"{rule.id} has no pass case in tests/rules/"
        assert rule.id in failing, f"{rule.id} has no fail case in tests/rules/"
