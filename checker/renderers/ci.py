"""Machine-readable reports for CI: SARIF 2.1.0 (GitHub code scanning), JUnit XML (test
dashboards) and GitLab Code Quality JSON.  Like every renderer, these take the report as
data and return text; the same input gives byte-identical output."""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any

from checker import __version__
from checker.datafile import is_data_file
from checker.gate import fingerprint
from checker.i18n import _, language
from checker.rule_docs import described
from checker.messages import figure_what, finding_expected, finding_explanation, finding_message
from checker.place_text import figure_place
from checker.records import Finding, Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
CODEQUALITY_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _uri(path: str) -> str:
    """A path relative to the current folder where it lies below it, with forward slashes."""
    p = Path(path)
    try:
        p = p.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        pass
    return PurePath(p).as_posix()


def primary(f: Finding) -> dict | None:
    """The figure a finding is reported at: its suspect, else its first figure."""
    if not f.figures:
        return None
    return f.figures[f.suspect if f.suspect is not None else 0]


def _location(fig: dict, message: str | None = None, index: int | None = None) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": max(int(fig["line"]), 1)}
    if not is_data_file(fig["path"]):  # a data row's column is a field, not a character
        region.update(startColumn=max(int(fig["column"]), 1), endColumn=max(int(fig["column"]), 1) + len(fig["text"]))
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(fig["path"])}, "region": region}}
    if index is not None:
        loc["id"] = index
    if message:
        loc["message"] = {"text": message}
    return loc


def _rule_help(rule) -> dict[str, Any]:
    """SARIF's `help` (the rule's documentation, as `checker explain` prints it) and `helpUri`."""
    from checker.kinds import KINDS
    from checker.rule_docs import documentation

    kind = KINDS.get(rule.kind)
    out: dict[str, Any] = {"help": {"text": documentation(rule, kind.__doc__ if kind else "")}}
    if rule.link:
        out["helpUri"] = rule.link
    return out


def render_sarif(report: Report, lang: str | None = None, **_options) -> str:
    """One run; every rule is described in the driver; each result carries its rule, the
    first figure as its location, the others as related locations, and a fingerprint
    that does not depend on line numbers.  Suppressed findings are included, marked as
    suppressed in source with their reason, as code scanning expects."""
    with language(lang):
        return _sarif(report)


def _sarif(report: Report) -> str:
    rules, findings, suppressed = report.rules, report.findings, report.suppressed
    index = {r.id: i for i, r in enumerate(rules)}
    driver_rules = [{
        "id": r.id, "name": r.name,
        "shortDescription": {"text": described(r).split("\n")[0][:200]},
        "fullDescription": {"text": described(r)},
        "defaultConfiguration": {"level": SARIF_LEVEL[r.severity]},
        "properties": {"kind": r.kind},
        **_rule_help(r),
    } for r in rules]
    results = []
    for f, reason in [(f, None) for f in findings] + list(suppressed):
        figures = f.figures
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": SARIF_LEVEL[f.severity],
            "message": {"text": finding_message(f, None, report)},
            "partialFingerprints": {"checkerFinding/v1": fingerprint(f)},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if figures:
            first = f.suspect if f.suspect is not None else 0
            result["locations"] = [_location(figures[first])]
            others = [_location(g, f"{g['text']} ({figure_place(report, g)}; {figure_what(f, g)})", i)
                      for i, g in enumerate(figures) if i != first]
            if others:
                result["relatedLocations"] = others
        props = {k: v for k, v in (("expected", finding_expected(f)), ("explanation", finding_explanation(f, None, report)))
                 if v}
        if props:
            result["properties"] = props
        if reason is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": reason}]
        results.append(result)
    sarif = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "checker", "version": __version__,
                                "rules": driver_rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: Report, lang: str | None = None, **_options) -> str:
    """One test suite per input file, one test case per rule in it: a case fails with the
    rule's findings reported in that file (at their suspect figure, else their first)."""
    with language(lang):
        return _junit(report)


def _junit(report: Report) -> str:
    from junitparser import Failure, JUnitXml, TestCase, TestSuite

    rules, findings, paths = report.rules, report.findings, report.inputs
    xml = JUnitXml("checker")
    for path in sorted(paths):
        suite = TestSuite(_uri(path))
        for rule in rules:
            case = TestCase(f"{rule.id} {rule.name}", classname=_uri(path), time=0)
            mine = [f for f in findings if f.rule == rule.id and (primary(f) or {}).get("path") == path]
            if mine:
                failure = Failure(_("{count} finding(s)").format(count=len(mine)), type_=rule.severity)
                failure.text = "\n".join(f"{finding_message(f, None, report)} [{_figures(f)}]" for f in mine)
                case.result = [failure]
            suite.add_testcase(case)
        suite.update_statistics()
        xml.add_testsuite(suite)
    xml.update_statistics()
    text = xml.tostring()
    return (text.decode("utf-8") if isinstance(text, bytes) else text).rstrip("\n") + "\n"


def _figures(f: Finding) -> str:
    return ", ".join(f"{g['text']} {_uri(g['path'])}:{g['line']}:{g['column']}" for g in f.figures)


def render_codequality(report: Report, lang: str | None = None, **_options) -> str:
    """GitLab Code Quality: one issue per finding, at its suspect (or first) figure."""
    issues = []
    seen: dict[str, int] = {}
    for f in report.findings:
        fig = primary(f) or {"path": "", "line": 1}
        fp = fingerprint(f)
        seen[fp] = seen.get(fp, 0) + 1
        if seen[fp] > 1:  # GitLab wants each fingerprint once
            fp = f"{fp}-{seen[fp]}"
        issues.append({
            "description": f"{f.rule} {finding_message(f, lang, report)}",
            "check_name": f.rule,
            "fingerprint": fp,
            "severity": CODEQUALITY_SEVERITY[f.severity],
            "location": {"path": _uri(fig["path"]), "lines": {"begin": max(int(fig["line"]), 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
