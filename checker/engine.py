"""The rule engine: runs every rule of the rule files over the facts table."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from checker.kinds import KINDS
from checker.kinds.base import KEY, STAT, Context, Outcome, group_records, overlap_counts, records_of
from checker.records import Finding
from checker.rulefile import Rule, load_rules

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
EVEN = " — the evidence is even: no figure is more likely wrong than another"


def default_rule_files(rules_dir: Path) -> list[Path]:
    return sorted((rules_dir / "checks").glob("*.yaml"))


def support_counts(records: list[dict]) -> dict[int, int]:
    """How many other statements agree with each figure: the evidence for blame."""
    support: dict[int, int] = {}
    rows = [r for r in records if r["kind"] in STAT and r["lo"] is not None
            and all(r[k] is not None for k in ("indicator", "entity", "period", "role"))]
    for _, group in group_records(rows, KEY):
        if len(group) < 2:
            continue
        for r, count in zip(group, overlap_counts([r["interval"] for r in group])):
            support[int(r["id"])] = count
    return support


def with_severity(rules: list[Rule], overrides: dict[str, str] | None) -> list[Rule]:
    """The rules with the severities a configuration sets (new rules: loaded ones never change)."""
    overrides = overrides or {}
    return [replace(r, severity=overrides[r.id]) if r.id in overrides else r for r in rules]


def run_rule(rule: Rule, ctx: Context) -> Outcome:
    """One rule over the facts: its kind reports each item, and the outcome counts them, so
    that items = passes + fails + not applicable + errors."""
    outcome = Outcome(rule.id, rule.name, rule.kind, rule.severity)
    counts = {"pass": 0, "fail": 0, "na": 0}
    findings: list[Finding] = []
    try:
        for result in KINDS[rule.kind].run(rule, ctx):
            counts[result.status] += 1
            findings.extend(result.findings)
    except Exception as exc:  # a broken rule is reported, not fatal: validate's "error" outcome
        outcome.items = outcome.errors = 1
        outcome.findings = [Finding(rule.id, "error", f"rule {rule.id} failed to run: {exc}", [], name=rule.name)]
        return outcome
    outcome.passes, outcome.fails, outcome.na = counts["pass"], counts["fail"], counts["na"]
    outcome.items = sum(counts.values())
    for f in findings:
        f.severity = rule.severity
        if f.suspect is None and len(f.figures) > 1 and EVEN not in f.message:
            f.message += EVEN
    outcome.findings = findings
    return outcome


def run_rules(facts: pd.DataFrame, rules: list[Rule], catalog,
              severity_overrides: dict[str, str] | None = None,
              documents: list | None = None) -> tuple[list[Finding], list[Outcome]]:
    ctx = Context(catalog, records=records_of(facts), documents=documents)
    ctx.support = support_counts(ctx.records)
    outcomes = [run_rule(rule, ctx) for rule in with_severity(rules, severity_overrides)]
    findings = [f for o in outcomes for f in o.findings]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], *f.sort_key()))
    return findings, outcomes


def load_default_rules(catalog, paths: list[Path] | None = None) -> list[Rule]:
    return load_rules(paths or default_rule_files(catalog.rules_dir), KINDS, catalog)
