"""The Markdown report, to paste into a ticket or a review: findings by severity, then the
rules table."""

from __future__ import annotations

from checker.records import Finding, Report
from checker.renderers.summary import by_severity, figure_place, gate_line, totals_line, what


def md(text: str) -> str:
    """Text safe inside a Markdown table cell or line: pipes, backticks and markup escaped."""
    out = str(text).replace("\\", "\\\\")
    for ch in "|`*_[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def render(report: Report) -> str:
    gate = gate_line(report)
    lines = ["# checker report", "", totals_line(report) + (" " + md(gate) if gate else ""), ""]
    if not report.findings:
        lines += ["No mismatches found.", ""]
    for severity, group in by_severity(report.findings):
        lines += [f"## {severity.capitalize()}s ({len(group)})", ""]
        for f in group:
            lines += _finding(report, f)
    lines += ["## Rules", "", "| rule | name | severity | items | passes | fails | n/a | errors |",
              "|---|---|---|---:|---:|---:|---:|---:|"]
    for o in report.outcomes:
        lines.append(f"| {o.rule} | {md(o.name)} | {o.severity} | {o.items} | {o.passes} | "
                     f"{o.fails} | {o.na} | {o.errors} |")
    return "\n".join(lines) + "\n"


def _finding(report: Report, f: Finding) -> list[str]:
    lines = [f"### {f.rule} {md(f.name)}", "", md(f.message), "",
             "| | where | figure | indicator · province · period · role |", "|---|---|---|---|"]
    for i, fig in enumerate(f.figures):
        mark = "**suspect**" if f.suspect == i else ""
        lines.append(f"| {mark} | {md(figure_place(report, fig))} | **{md(fig['text'])}** | {md(what(fig))} |")
    details = [d for d in (f.explanation, f"expected {f.expected}" if f.expected else "") if d]
    if details:
        lines += ["", md(" · ".join(details))]
    lines.append("")
    return lines
