"""What several renderers show alike: the summary of a report, the gate line, and where a
figure is."""

from __future__ import annotations

from typing import Any

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


def gate_line(report: Report) -> str:
    """`2 suppressed; 5 in the baseline, 1 of its findings gone`, or empty."""
    parts = []
    if report.suppressed:
        parts.append(f"{len(report.suppressed)} suppressed where they are")
    base = report.baseline
    if base:
        parts.append(f"{base.known} in the baseline {base.file}, {base.gone} baselined finding(s) gone")
    if report.no_figures:
        parts.append("no figure found in " + ", ".join(report.no_figures) + " (nothing was checked there)")
    return "; ".join(parts) + ("." if parts else "")


def totals_line(report: Report) -> str:
    """`120 statistics, 115 fully resolved; 3 errors, 2 warnings, 0 infos.`"""
    n = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITIES}
    return (f"{report.coverage.statistics} statistics, {report.coverage.resolved} fully resolved; "
            f"{n['error']} errors, {n['warning']} warnings, {n['info']} infos.")


def figure_where(report: Report, fig: dict) -> str | None:
    """Where a figure is in a Word or PDF draft or a data file (`table 2, row 3, cell 4,
    offset 0`), or None in a text draft."""
    return where(report.place(fig))


def figure_place(report: Report, fig: dict) -> str:
    """`path:line:column`, or `path (page 2, line 5, offset 3)` for a Word or PDF draft."""
    at = figure_where(report, fig)
    if at:
        return f"{fig['path']} ({at})"
    return f"{fig['path']}:{fig['line']}:{fig['column']}"


def finding_dict(report: Report, f: Finding) -> dict[str, Any]:
    """A finding as plain data, each figure with its place in words where it has one."""
    data = f.as_dict()
    data["figures"] = [dict(g, where=w) if (w := figure_where(report, g)) else g for g in f.figures]
    return data


def what(fig: dict) -> str:
    """`indicator · province · period · role`, with `?` for each one not told."""
    return " · ".join(str(fig.get(k) or "?") for k in ("indicator", "entity", "period", "role"))


def by_severity(findings) -> list[tuple[str, list[Finding]]]:
    """The findings grouped by severity, most severe first; empty groups left out."""
    groups = [(sev, [f for f in findings if f.severity == sev]) for sev in SEVERITIES]
    return [(sev, group) for sev, group in groups if group]
