"""The terminal report: findings by severity, each figure at its place, then the rules table."""

from __future__ import annotations

import io

from checker.records import Report
from checker.renderers.summary import by_severity, figure_place, gate_line, totals_line, what

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
RULE_COLUMNS = ("rule", "name", "severity", "items", "passes", "fails", "n/a", "errors")


def render(report: Report, width: int = 160, color_system: str | None = None) -> str:
    """The report as text `width` columns wide; with a `color_system` (rich's: "standard",
    "truecolor" ...) styled for a terminal, else plain."""
    from rich.console import Console

    buffer = io.StringIO()
    if color_system:
        console = Console(file=buffer, width=width, force_terminal=True, color_system=color_system)
    else:
        console = Console(file=buffer, width=width, no_color=True)
    _findings(report, console)
    _rules_table(report, console)
    console.print(totals_line(report))
    gate = gate_line(report)
    if gate:
        from rich.markup import escape

        console.print(escape(gate))
    return buffer.getvalue()


def _findings(report: Report, console) -> None:
    from rich.markup import escape

    if not report.findings:
        console.print("[green]No mismatches found.[/green]")
    for severity, group in by_severity(report.findings):
        style = SEVERITY_STYLE[severity]
        console.rule(f"[{style}]{severity.upper()}S ({len(group)})[/{style}]")
        for f in group:
            console.print(f"[{style}]{f.rule}[/{style}] [dim]{escape(f.name)}[/dim]  {escape(f.message)}")
            for i, fig in enumerate(f.figures):
                mark = "[bold red]→[/bold red]" if f.suspect == i else " "
                console.print(f" {mark} {escape(figure_place(report, fig))}  "
                              f"[bold]{escape(fig['text'])}[/bold]  [dim]{escape(what(fig))}[/dim]")
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


def _rules_table(report: Report, console) -> None:
    from rich.table import Table

    table = Table(title="Rules", show_lines=False)
    for col in RULE_COLUMNS:
        table.add_column(col, justify="right" if col in RULE_COLUMNS[3:] else "left")
    for o in report.outcomes:
        table.add_row(o.rule, o.name, o.severity, str(o.items), str(o.passes), str(o.fails), str(o.na),
                      str(o.errors))
    console.print(table)
