"""Rule parameters are typed: a wrong name, type or value stops the run at its place in the file."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.catalog import load_catalog
from checker.engine import load_default_rules, with_severity
from checker.kinds import KINDS
from checker.kinds.between import BetweenMode
from checker.kinds.part_whole import PartWholeMode
from checker.rulefile import load_rules

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "bad_rules"


def checker(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", env=env)


EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_parameter_is_one_line_naming_its_place(name):
    proc = checker("check", "--rules", str(BAD / name), "data/sample-draft.md", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [EXPECTED[name].replace("{dir}", str(BAD))]


def test_the_shipped_rules_decode_into_typed_parameters():
    rules = {r.id: r for r in load_default_rules(load_catalog())}
    assert list(rules) == ["SV01", "SV02", "PW01", "PW02", "PW03", "BT01", "BT02", "BT03", "WM01", "CG01", "CG02", "ID01", "ID02",
                           "ID03", "ID04", "ID05", "ID06", "ID07", "ID08", "ID09", "ID10", "ID11", "RT01", "RT02", "RT03", "RT04", "RT05", "RT06", "ST01", "ST02", "ST03", "VD01", "VD02",
                           "SH01", "TP01"]
    assert rules["BT02"].params.mode is BetweenMode.EQUALS_ONE
    assert rules["PW02"].params.mode is PartWholeMode.BREAKDOWN
    assert rules["PW03"].params.mode is PartWholeMode.TABLE
    assert rules["SH01"].params.may_omit == ("econ_share_taxes",)
    assert rules["CG01"].params.pairs[0] == ("budget_revenue", "budget_revenue_growth")
    for rule in rules.values():
        assert isinstance(rule.params, KINDS[rule.kind].Params), rule.id


LINKED = """rules:
  - id: X01
    name: test.linked
    kind: same_value
    severity: warning
    message: "{values}"
    description: a rule with a page to read
    link: https://example.org/rules/X01
"""


def test_a_rule_keeps_its_link_and_explain_shows_it(tmp_path):
    path = tmp_path / "linked.yaml"
    path.write_text(LINKED, encoding="utf-8")
    [rule] = load_rules([path], KINDS, load_catalog())
    assert rule.link == "https://example.org/rules/X01"
    proc = checker("explain", "X01", "--rules", str(path), "--lang", "en")
    assert proc.returncode == 0
    assert "https://example.org/rules/X01" in proc.stdout
    assert "Parameters: roles=[actual, target]" in proc.stdout


def test_a_link_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "linked.yaml"
    path.write_text(LINKED.replace("https://example.org/rules/X01", "[1, 2]"), encoding="utf-8")
    proc = checker("check", "--rules", str(path), "data/sample-draft.md", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [f"checker: error: {path}:8:11: link must be a web address (text)"]


def test_a_configured_severity_makes_new_rules_and_leaves_the_loaded_ones_alone():
    rules = load_default_rules(load_catalog())
    changed = with_severity(rules, {"RT02": "info"})
    assert [r.severity for r in changed if r.id == "RT02"] == ["info"]
    assert [r.severity for r in rules if r.id == "RT02"] == ["error"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules[0].severity = "info"
