"""The Markdown report, to paste into a ticket or a review: findings by severity, then the
rules table, in the reader's language."""

from __future__ import annotations

from checker.i18n import _, language
from checker.messages import finding_message, severity_text
from checker.records import Finding, Report
from checker.renderers.summary import (by_severity, details_line, figure_place, findings_heading, gate_line,
                                       no_findings, totals_line, what)


def md(text: str) -> str:
    """Text safe inside a Markdown table cell or line: pipes, backticks and markup escaped."""
    out = str(text).replace("\\", "\\\\")
    for ch in "|`*_[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def render(report: Report, lang: str | None = None, verbose: bool = False, **_options) -> str:
    with language(lang):
        gate = gate_line(report)
        title = _("checker report")
        lines = [f"# {title}", "", md(totals_line(report)) + (" " + md(gate) if gate else ""), ""]
        if not report.findings:
            lines += [md(no_findings()), ""]
        for severity, group in by_severity(report.findings):
            lines += [f"## {findings_heading(severity, len(group))}", ""]
            for f in group:
                lines += _finding(report, f, verbose)
        head = (_("rule"), _("name"), _("severity"), _("items"), _("passes"), _("fails"), _("n/a"), _("errors (column)"))
        rules_title = _("Rules")
        lines += [f"## {rules_title}", "", "| " + " | ".join(head) + " |", "|---|---|---|---:|---:|---:|---:|---:|"]
        for o in report.outcomes:
            lines.append(f"| {o.rule} | {md(o.name)} | {severity_text(o.severity)} | {o.items} | {o.passes} | "
                         f"{o.fails} | {o.na} | {o.errors} |")
        return "\n".join(lines) + "\n"


def _finding(report: Report, f: Finding, verbose: bool) -> list[str]:
    head = (_("where"), _("figure"), _("indicator · province · period · role"))
    lines = [f"### {f.rule} {md(f.name)}", "", md(finding_message(f, None, report, verbose)), "",
             f"| | {' | '.join(head)} |", "|---|---|---|---|"]
    for i, fig in enumerate(f.figures):
        mark = "**" + _("suspect") + "**" if f.suspect == i else ""
        lines.append(f"| {mark} | {md(figure_place(report, fig))} | **{md(fig['text'])}** | "
                     f"{md(what(fig, f, None, verbose))} |")
    details = details_line(report, f)
    if details:
        lines += ["", md(details)]
    lines.append("")
    return lines
