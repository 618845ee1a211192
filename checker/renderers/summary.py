"""What several renderers show alike: the summary of a report, the gate line, and where a
figure is, in the reader's language (checker/messages.py, checker/place_text.py)."""

from __future__ import annotations

from typing import Any

from checker.i18n import _, language
from checker.messages import (finding_expected, finding_explanation, finding_message, figure_what, format_number,
                              severity_text)
from checker.place_text import figure_location
from checker.places import where
from checker.records import SEVERITIES, Finding, Report


def summary(report: Report) -> dict[str, Any]:
    """The report's summary as the JSON report gives it."""
    data: dict[str, Any] = {
        "files": list(report.inputs),
        "figures": report.coverage.figures,
        "statistics": report.coverage.statistics,
        "resolved": report.coverage.resolved,
        "findings": {sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITIES},
        "rules": [o.as_dict() for o in report.outcomes],
        "suppressed": len(report.suppressed),
    }
    if report.no_figures:
        data["no_figures"] = list(report.no_figures)
    if report.baseline:
        data["baseline"] = {"file": report.baseline.file, "known": report.baseline.known,
                            "gone": report.baseline.gone}
    return data


def gate_line(report: Report, lang: str | None = None) -> str:
    """`2 suppressed; 5 in the baseline, 1 of its findings gone`, or empty."""
    with language(lang):
        parts = []
        if report.suppressed:
            parts.append(_("{count} suppressed where they are").format(count=len(report.suppressed)))
        base = report.baseline
        if base:
            parts.append(_("{known} in the baseline {file}, {gone} baselined finding(s) gone").format(
                known=base.known, file=base.file, gone=base.gone))
        if report.no_figures:
            parts.append(_("no figure found in {files} (nothing was checked there)").format(
                files=", ".join(report.no_figures)))
        return "; ".join(parts) + ("." if parts else "")


def totals_line(report: Report, lang: str | None = None) -> str:
    """`120 statistics, 115 fully resolved; 3 errors, 2 warnings, 0 notes.`"""
    with language(lang):
        n = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITIES}
        counts = ", ".join(f"{format_number(n[sev])} {severity_text(sev, n=n[sev])}" for sev in SEVERITIES)
        return _("{statistics} statistics, {resolved} fully resolved; {counts}.").format(
            statistics=format_number(report.coverage.statistics), resolved=format_number(report.coverage.resolved),
            counts=counts)


def findings_heading(severity: str, count: int, lang: str | None = None) -> str:
    """`Lỗi (3)` / `Errors (3)`: the heading over a severity's findings."""
    with language(lang):
        return f"{severity_text(severity, n=count).capitalize()} ({count})"


def no_findings(lang: str | None = None) -> str:
    with language(lang):
        return _("No mismatches found.")


def details_line(report: Report | None, f: Finding, lang: str | None = None) -> str:
    """How the rule computed it and what it expected (the message names the suspect)."""
    with language(lang):
        details = [finding_explanation(f, None, report)]
        expected = finding_expected(f)
        if expected:
            details.append(_("expected {value}").format(value=expected))
        return " · ".join(d for d in details if d)


def figure_where(report: Report, fig: dict) -> str | None:
    """Where a figure is in a Word or PDF draft or a data file (`table 2, row 3, cell 4,
    offset 0`), or None in a text draft."""
    return where(report.place(fig))


def figure_place(report: Report, fig: dict, lang: str | None = None) -> str:
    """`path:line:column · Báo cáo chính trị, Phần thứ nhất › 1`, or `path · …, bảng 1, dòng 5`
    for a Word or PDF draft."""
    return figure_location(report, fig, lang)


def finding_dict(report: Report, f: Finding, lang: str | None = None, verbose: bool = False) -> dict[str, Any]:
    """A finding as plain data: the JSON contract's keys, its message, expected value and
    explanation in `lang`, each figure with its place in words where it has one."""
    data = f.as_dict()
    data["message"] = finding_message(f, lang, report, verbose)
    data["expected"] = finding_expected(f, lang)
    data["explanation"] = finding_explanation(f, lang, report)
    data["figures"] = [dict(g, where=w) if (w := figure_where(report, g)) else g for g in f.figures]
    return data


def what(fig: dict, finding: Finding | None = None, lang: str | None = None, verbose: bool = False) -> str:
    """`Tỷ lệ che phủ rừng · Bắc Kạn · năm 2025 · thực hiện` (names from the finding), with
    `?` for each field not told; ids without a finding to name them."""
    if finding is None:
        return " · ".join(str(fig.get(k) or "?") for k in ("indicator", "entity", "period", "role"))
    return figure_what(finding, fig, lang, verbose)


def by_severity(findings) -> list[tuple[str, list[Finding]]]:
    """The findings grouped by severity, most severe first; empty groups left out."""
    groups = [(sev, [f for f in findings if f.severity == sev]) for sev in SEVERITIES]
    return [(sev, group) for sev, group in groups if group]
