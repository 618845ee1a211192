"""The rule engine: runs every rule of the rule files over the facts table."""

from __future__ import annotations

from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from checker.i18n import N_
from checker.kinds import KINDS
from checker.kinds.base import KEY, STAT, Context, Outcome, overlap_counts, records_of
from checker.messages import finding_expected, finding_explanation, finding_message
from checker.records import Finding
from checker.rulefile import Rule, load_rules

if TYPE_CHECKING:  # the facts table; `checker rules` loads the rules without pandas
    import pandas as pd

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def default_rule_files(rules_dir: Path) -> list[Path]:
    return sorted((rules_dir / "checks").glob("*.yaml"))


def support_counts(records: list[dict]) -> dict[int, int]:
    """How many other statements agree with each figure: the evidence for blame."""
    # Grouped without sorting the groups: each figure is in one group, and the counts are
    # looked up by figure.
    groups: dict[tuple, list] = {}
    key_of = itemgetter(*KEY)
    for r in records:
        if r["kind"] in STAT and r["lo"] is not None and r["indicator"] is not None and r["entity"] is not None \
                and r["period"] is not None and r["role"] is not None:
            groups.setdefault(key_of(r), []).append(r)
    support: dict[int, int] = {}
    for group in groups.values():
        if len(group) > 1:
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
        broken = Finding(rule.id, "error", "", [], name=rule.name, template=N_("rule {rule} failed to run: {error}"),
                         args={"rule": rule.id, "error": str(exc)})
        outcome.findings = [worded(broken, ctx.catalog)]
        return outcome
    outcome.passes, outcome.fails, outcome.na = counts["pass"], counts["fail"], counts["na"]
    outcome.items = sum(counts.values())
    for f in findings:
        f.severity = rule.severity
        worded(f, ctx.catalog)
    outcome.findings = findings
    return outcome


def _run_nth(n: int, shared: tuple[list[Rule], Context]) -> Outcome:
    """Rule `n` (a worker inherits the rules and facts by forking: only the index is sent)."""
    rules, ctx = shared
    return run_rule(rules[n], ctx)


def worded(f: Finding, catalog) -> Finding:
    """The finding with the catalog names of the ids it names, and its message, expected
    value and explanation in English: the stable text that sorts findings and that a
    baseline records.  Renderers word it again in the reader's language."""
    for fig in f.figures:
        for kind in ("indicator", "entity"):
            if fig.get(kind):
                f.names.setdefault(f"{kind}:{fig[kind]}", catalog_name(catalog, kind, fig[kind]))
    for ident in _ids(f.args):
        f.names.setdefault(ident, catalog_name(catalog, *ident.split(":", 1)))
    f.message = finding_message(f, "en")
    f.expected = finding_expected(f, "en")
    f.explanation = finding_explanation(f, "en")
    return f


def _ids(value) -> list[str]:
    """`indicator:ID` and `entity:ID` for every name an argument value asks for, in the order
    the values nest (a dict's own names, then its values')."""
    found: list[str] = []
    _add_ids(value, found)
    return found


def _add_ids(value, found: list[str]) -> None:
    # Into dicts and lists only: a finding's arguments hold thousands of numbers and words
    # (every figure's quantity), and a call and a list per leaf cost more than the wording.
    if isinstance(value, dict):
        found += [f"{k}:{value[k]}" for k in ("indicator", "entity") if isinstance(value.get(k), str) and value[k]]
        value = value.values()
    elif not isinstance(value, list):
        return
    for v in value:
        if isinstance(v, (dict, list)):
            _add_ids(v, found)


def catalog_name(catalog, kind: str, ident: str):
    """An indicator's catalog name; a province's, with `former`/`merged` where a former
    province and the merged one share that name (`Thái Nguyên (trước hợp nhất)`)."""
    if kind == "indicator":
        found = catalog.indicators.get(ident) if catalog is not None else None
        return found.name if found else ident
    found = catalog.entities.get(ident) if catalog is not None else None
    if found is None:
        return ident
    if found.level == "former":
        merged = catalog.entities.get(found.merged_into)
        same = merged is not None and merged.name == found.name
        return {"name": found.name, "qualifier": "former" if same else None}
    same = any(getattr(catalog.entities.get(f), "name", None) == found.name for f in found.formers or ())
    return {"name": found.name, "qualifier": "merged" if same else None}


# Below this many facts the rules run here: forking a worker costs more than it saves (the
# corpus, 850 facts, takes about 80 ms of rules; 16 copies of it, 1,2 s).
PARALLEL_RULES_FACTS = 4000


def run_rules(facts: pd.DataFrame | None, rules: list[Rule], catalog,
              severity_overrides: dict[str, str] | None = None,
              documents: list | None = None, jobs: int = 1,
              records: list | None = None) -> tuple[list[Finding], list[Outcome]]:
    """Every rule over the facts (the table, or its rows `records` as `records_of` makes
    them, when the caller has them: `facts` is then not read); with `jobs` > 1 and many
    facts, the rules are shared with forked workers (checker/pool.py), each rule whole,
    so the outcomes are the same."""
    from checker.pool import map_in_order

    ctx = Context(catalog, records=records_of(facts) if records is None else records, documents=documents)
    ctx.support = support_counts(ctx.records)
    rules = with_severity(rules, severity_overrides)
    jobs = jobs if len(ctx.records) >= PARALLEL_RULES_FACTS else 1
    outcomes = list(map_in_order(_run_nth, range(len(rules)), (rules, ctx), jobs))
    findings = [f for o in outcomes for f in o.findings]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], *f.sort_key()))
    return findings, outcomes


def load_default_rules(catalog, paths: list[Path] | None = None) -> list[Rule]:
    return load_rules(paths or default_rule_files(catalog.rules_dir), KINDS, catalog)
