"""The terminal report: findings by severity, each figure at its place in the editor's terms,
then one summary line; the per-rule table only when asked for (`--statistics`)."""

from __future__ import annotations

import io

from checker.i18n import _, language
from checker.messages import finding_message, severity_text
from checker.records import Report
from checker.renderers.summary import by_severity, details_line, figure_place, findings_heading, gate_line, \
    no_findings, totals_line, what

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, width: int | None = None, color_system: str | None = None, lang: str | None = None,
           statistics: bool = False, verbose: bool = False, **_options) -> str:
    """The report as text: `width` columns wide on a terminal (with a `color_system`, rich's
    "standard", "truecolor" ..., styled), else plain lines that are never hard-wrapped, so
    that a pipe or a file gets each finding's lines whole."""
    from rich.console import Console

    buffer = io.StringIO()
    wrap = width is not None
    console = Console(file=buffer, width=width or 100, highlight=False, emoji=False, markup=True,
                      force_terminal=bool(color_system), color_system=color_system or None,
                      no_color=not color_system, soft_wrap=not wrap)
    with language(lang):
        _findings(report, console, verbose)
        if statistics:
            _rules_table(report, console)
        from rich.markup import escape

        console.print(escape(" ".join(t for t in (totals_line(report), gate_line(report)) if t)))
    return buffer.getvalue()


def _findings(report: Report, console, verbose: bool) -> None:
    from rich.markup import escape

    if not report.findings:
        console.print(f"[green]{escape(no_findings())}[/green]")
    for severity, group in by_severity(report.findings):
        style = SEVERITY_STYLE[severity]
        console.print(f"[{style}]{escape(findings_heading(severity, len(group)).upper())}[/{style}]")
        console.print()
        for f in group:
            name = f" [dim]{escape(f.name)}[/dim]" if verbose else ""
            console.print(f"[{style}]{f.rule}[/{style}]{name}  {escape(finding_message(f, None, report, verbose))}")
            for i, fig in enumerate(f.figures):
                mark = "[bold red]→[/bold red]" if f.suspect == i else " "
                told = what(fig, f, None, verbose)
                console.print(f" {mark} [bold]{escape(fig['text'])}[/bold]  {escape(figure_place(report, fig))}"
                              + (f"  [dim]{escape(told)}[/dim]" if told else ""))
            details = details_line(report, f)
            if details:
                console.print("   [dim]" + escape(details) + "[/dim]")
            console.print()


def _rules_table(report: Report, console) -> None:
    from rich.table import Table

    columns = (_("rule"), _("name"), _("severity"), _("items"), _("passes"), _("fails"), _("n/a"), _("errors (column)"))
    table = Table(title=_("Rules"), show_lines=False)
    for i, col in enumerate(columns):
        table.add_column(col, justify="right" if i >= 3 else "left")
    for o in report.outcomes:
        table.add_row(o.rule, o.name, severity_text(o.severity), str(o.items), str(o.passes), str(o.fails),
                      str(o.na), str(o.errors))
    console.print(table)
