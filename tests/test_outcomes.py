"""The engine counts each rule's outcomes: items = passes + fails + not applicable + errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.engine import load_default_rules, run_rule, run_rules
from checker.facts import extract
from checker.interval import Interval
from checker.kinds import KINDS
from checker.kinds.base import Context
from checker.kinds.params import NoParams, decode
from checker.rulefile import Rule
from tests.test_kind_properties import record

DATA = Path(__file__).resolve().parent.parent / "data"
DRAFTS = sorted(p.name for p in DATA.iterdir() if p.suffix in (".md", ".txt"))
CATALOG = load_catalog()


def assert_counts_add_up(outcomes) -> None:
    for o in outcomes:
        assert o.items == o.passes + o.fails + o.na + o.errors, o.as_dict()
        assert (o.fails > 0) == bool(o.findings) or o.errors, o.as_dict()


def test_counts_add_up_for_every_rule_on_the_corpus(corpus_run):
    _, _, _, outcomes = corpus_run
    assert len(outcomes) == len(load_default_rules(CATALOG))
    assert_counts_add_up(outcomes)


@pytest.mark.parametrize("name", DRAFTS)
def test_counts_add_up_for_every_rule_on_each_sample_draft(name):
    facts, docs = extract([str(DATA / name)], CATALOG)
    _, outcomes = run_rules(facts, load_default_rules(CATALOG), CATALOG, documents=docs)
    assert_counts_add_up(outcomes)


def rule(kind: str, **params) -> Rule:
    return Rule("T01", "test.rule", kind, "error", "{expected}", "a test rule", decode(KINDS[kind].Params, params, kind))


def test_a_merged_rate_without_its_former_provinces_is_not_applicable():
    merged = record(0, Interval.stated("61.6"), indicator="forest_cover", entity="thai_nguyen")
    outcome = run_rule(rule("between", mode="range"), Context(CATALOG, {}, [merged]))
    assert (outcome.items, outcome.na) == (1, 1)


def test_a_growth_rate_without_its_levels_is_not_applicable():
    growth = record(0, Interval.stated("9.5"), indicator="budget_revenue_growth", entity="gia_lai",
                    period="2021-2025", unit="percent")
    outcome = run_rule(rule("growth", pairs=[["budget_revenue", "budget_revenue_growth"]]),
                       Context(CATALOG, {}, [growth]))
    assert (outcome.items, outcome.na) == (1, 1)


class Broken:
    """What it does: raises.  Why it matters: the engine must count it.  Example: none."""

    Params = NoParams
    fields: set[str] = set()

    def run(self, rule, ctx):
        raise ValueError("broken on purpose")


def test_a_rule_that_breaks_is_one_item_in_error(monkeypatch):
    monkeypatch.setitem(KINDS, "broken", Broken())
    outcome = run_rule(Rule("T01", "test.broken", "broken", "warning", "", "a broken rule", NoParams()),
                       Context(CATALOG, {}, []))
    assert (outcome.items, outcome.errors) == (1, 1)
    assert [f.severity for f in outcome.findings] == ["error"]
