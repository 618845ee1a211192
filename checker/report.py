"""Renderers: findings are data; these turn them into JSON or a terminal report."""

from __future__ import annotations

import json
from typing import Any

from typing import TYPE_CHECKING

from checker.kinds.base import Outcome
from checker.records import Finding

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def summary(findings: list[Finding], outcomes: list[Outcome], facts, paths: list[str], suppressed: int = 0) -> dict[str, Any]:
    stats = facts[facts["kind"].isin(["statistic", "range", "fraction"])] if len(facts) else facts
    resolved = stats.dropna(subset=["indicator", "entity", "period", "role"]) if len(stats) else stats
    counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in ("error", "warning", "info")}
    return {
        "files": list(paths),
        "figures": int(len(facts)),
        "statistics": int(len(stats)),
        "resolved": int(len(resolved)),
        "findings": counts,
        "rules": [o.as_dict() for o in outcomes],
    }


def gate_line(summary_data: dict[str, Any]) -> str:
    """`2 suppressed; 5 in the baseline, 1 of its findings gone`, or empty."""
    parts = []
    if summary_data.get("suppressed"):
        parts.append(f"{summary_data['suppressed']} suppressed where they are")
    base = summary_data.get("baseline")
    if base:
        parts.append(f"{base['known']} in the baseline {base['file']}, {base['gone']} baselined finding(s) gone")
    return "; ".join(parts) + ("." if parts else "")


def figure_place(fig: dict) -> str:
    """`path:line:column`, or `path (page 2, line 5, offset 3)` for a Word or PDF draft."""
    if fig.get("where"):
        return f"{fig['path']} ({fig['where']})"
    return f"{fig['path']}:{fig['line']}:{fig['column']}"


def to_json(findings: list[Finding], summary_data: dict[str, Any],
            suppressed: list[tuple[Finding, str]] = ()) -> str:
    """The findings and the summary; the suppressed findings, with their reasons, too."""
    data: dict[str, Any] = {"findings": [f.as_dict() for f in findings], "summary": summary_data}
    if suppressed:
        data["suppressed"] = [dict(f.as_dict(), reason=reason) for f, reason in suppressed]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


if TYPE_CHECKING:
    from rich.console import Console


def render_terminal(findings: list[Finding], summary_data: dict[str, Any], console: "Console") -> None:
    from rich.markup import escape
    from rich.table import Table

    if not findings:
        console.print("[green]No mismatches found.[/green]")
    for severity in ("error", "warning", "info"):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        style = SEVERITY_STYLE[severity]
        console.rule(f"[{style}]{severity.upper()}S ({len(group)})[/{style}]")
        for f in group:
            console.print(f"[{style}]{f.rule}[/{style}] [dim]{escape(f.name)}[/dim]  {escape(f.message)}")
            for i, fig in enumerate(f.figures):
                mark = "[bold red]→[/bold red]" if f.suspect == i else " "
                what = " · ".join(str(fig.get(k) or "?") for k in ("indicator", "entity", "period", "role"))
                place = figure_place(fig)
                console.print(f" {mark} {escape(place)}  "
                              f"[bold]{escape(fig['text'])}[/bold]  [dim]{escape(what)}[/dim]")
            details = []
            if f.explanation:
                details.append(f.explanation)
            if f.expected:
                details.append(f"expected {f.expected}")
            if f.suspect is not None:
                details.append(f"suspect: {f.figures[f.suspect]['text']} (line {f.figures[f.suspect]['line']})")
            if details:
                console.print("   [dim]" + escape(" · ".join(details)) + "[/dim]")
            console.print()
    table = Table(title="Rules", show_lines=False)
    for col in ("rule", "name", "severity", "items", "passes", "fails", "n/a", "errors"):
        table.add_column(col, justify="right" if col in ("items", "passes", "fails", "n/a", "errors") else "left")
    for o in summary_data["rules"]:
        table.add_row(o["rule"], o["name"], o["severity"], str(o["items"]), str(o["passes"]), str(o["fails"]),
                      str(o["na"]), str(o["errors"]))
    console.print(table)
    n = summary_data["findings"]
    console.print(f"{summary_data['statistics']} statistics, {summary_data['resolved']} fully resolved; "
                  f"{n['error']} errors, {n['warning']} warnings, {n['info']} infos.")
    gate = gate_line(summary_data)
    if gate:
        console.print(escape(gate))


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or line: pipes, backticks and markup escaped."""
    out = str(text).replace("\\", "\\\\")
    for ch in "|`*_[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def to_markdown(findings: list[Finding], summary_data: dict[str, Any]) -> str:
    """A report to paste into a ticket or a review: findings by severity, then the rules table."""
    n = summary_data["findings"]
    gate = gate_line(summary_data)
    lines = ["# checker report", "",
             f"{summary_data['statistics']} statistics, {summary_data['resolved']} fully resolved; "
             f"{n['error']} errors, {n['warning']} warnings, {n['info']} infos." + (" " + _md(gate) if gate else ""),
             ""]
    if not findings:
        lines += ["No mismatches found.", ""]
    for severity in ("error", "warning", "info"):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines += [f"## {severity.capitalize()}s ({len(group)})", ""]
        for f in group:
            lines += [f"### {f.rule} {_md(f.name)}", "", _md(f.message), "",
                      "| | where | figure | indicator · province · period · role |", "|---|---|---|---|"]
            for i, fig in enumerate(f.figures):
                what = " · ".join(str(fig.get(k) or "?") for k in ("indicator", "entity", "period", "role"))
                mark = "**suspect**" if f.suspect == i else ""
                place = figure_place(fig)
                lines.append(f"| {mark} | {_md(place)} | "
                             f"**{_md(fig['text'])}** | {_md(what)} |")
            details = [d for d in (f.explanation, f"expected {f.expected}" if f.expected else "") if d]
            if details:
                lines += ["", _md(" · ".join(details))]
            lines.append("")
    lines += ["## Rules", "", "| rule | name | severity | items | passes | fails | n/a | errors |",
              "|---|---|---|---:|---:|---:|---:|---:|"]
    for o in summary_data["rules"]:
        lines.append(f"| {o['rule']} | {_md(o['name'])} | {o['severity']} | {o['items']} | {o['passes']} | "
                     f"{o['fails']} | {o['na']} | {o['errors']} |")
    return "\n".join(lines) + "\n"


def _sentence(line: str, start: int, length: int) -> tuple[str, str]:
    """The text before and after a figure within its sentence (or table cell row)."""
    left = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start), line.rfind("|", 0, start))
    left = 0 if left < 0 else left + 1
    ends = [i for i in (line.find(". ", start + length), line.find("; ", start + length),
                        line.find("|", start + length)) if i >= 0]
    right = min(ends) + 1 if ends else len(line)
    before, after = line[left:start].lstrip(), line[start + length:right].rstrip(" |")
    if len(before) > 240:
        before = "…" + before[-240:]
    if len(after) > 240:
        after = after[:240] + "…"
    return before, after


def to_html(findings: list[Finding], summary_data: dict[str, Any], line_of) -> str:
    """One self-contained HTML page: rules summary, findings by severity with each figure
    marked inside its sentence, and filters by severity, rule and document.  All draft text
    is escaped by Jinja2; the page's Content-Security-Policy allows only its own style and
    script (by hash), so nothing in a draft can run or fetch anything.

    `line_of(path, line)` gives the text of a line of an input, for the sentence context."""
    import base64
    import hashlib
    from importlib.resources import files

    from jinja2 import Environment, select_autoescape

    here = files("checker") / "templates"
    style = (here / "report.css").read_text(encoding="utf-8")
    script = (here / "report.js").read_text(encoding="utf-8")

    def digest(text: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string((here / "report.html.j2").read_text(encoding="utf-8"))
    groups = []
    for severity in ("error", "warning", "info"):
        items = []
        for f in (f for f in findings if f.severity == severity):
            figs = []
            for i, fig in enumerate(f.figures):
                text = line_of(fig["path"], fig["line"]) or ""
                start = fig["column"] - 1
                if text[start:start + len(fig["text"])] == fig["text"]:
                    before, after = _sentence(text, start, len(fig["text"]))
                else:
                    before, after = "", ""
                place = fig.get("where") or f"line {fig['line']}, column {fig['column']}"
                figs.append({"text": fig["text"], "before": before, "after": after, "suspect": f.suspect == i,
                             "place": f"{fig['path']} ({place})",
                             "what": " · ".join(str(fig.get(k) or "?") for k in ("indicator", "entity", "period",
                                                                                  "role"))})
            details = " · ".join(d for d in (f.explanation, f"expected {f.expected}" if f.expected else "") if d)
            items.append({"rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message,
                          "figures": figs, "details": details,
                          "docs": "\n".join(sorted({fig["path"] for fig in f.figures}))})
        if items:
            groups.append((severity, items))
    return template.render(summary=summary_data, groups=groups, style=style, script=script,
                           style_hash=digest(style), script_hash=digest(script),
                           severities=[s for s, _ in groups], rule_ids=sorted({f.rule for f in findings}),
                           documents=sorted({fig["path"] for f in findings for fig in f.figures}))
