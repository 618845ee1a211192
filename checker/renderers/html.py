"""The HTML report: one self-contained page with the rules summary, the findings by
severity with each figure marked inside its sentence, and filters by severity, rule and
document.  All draft text is escaped by Jinja2; the page's Content-Security-Policy allows
only its own style and script (by hash), so nothing in a draft can run or fetch anything.
The sentences come from the report (the lines of the flagged figures), never from the
input files."""

from __future__ import annotations

import base64
import hashlib

from checker.records import Finding, Report
from checker.renderers.summary import by_severity, figure_where, summary, what


def render(report: Report, lang: str | None = None, **_options) -> str:
    from importlib.resources import files

    from jinja2 import Environment, select_autoescape

    here = files("checker") / "templates"
    style = (here / "report.css").read_text(encoding="utf-8")
    script = (here / "report.js").read_text(encoding="utf-8")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string((here / "report.html.j2").read_text(encoding="utf-8"))
    groups = [(severity, [_finding(report, f) for f in group]) for severity, group in by_severity(report.findings)]
    return template.render(summary=summary(report), groups=groups, style=style, script=script,
                           style_hash=_digest(style), script_hash=_digest(script),
                           severities=[s for s, _ in groups], rule_ids=sorted({f.rule for f in report.findings}),
                           documents=sorted({fig["path"] for f in report.findings for fig in f.figures}))


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _finding(report: Report, f: Finding) -> dict:
    figs = []
    for i, fig in enumerate(f.figures):
        text = report.lines.get((fig["path"], fig["line"]), "")
        start = fig["column"] - 1
        if text[start:start + len(fig["text"])] == fig["text"]:
            before, after = _sentence(text, start, len(fig["text"]))
        else:
            before, after = "", ""
        place = figure_where(report, fig) or f"line {fig['line']}, column {fig['column']}"
        figs.append({"text": fig["text"], "before": before, "after": after, "suspect": f.suspect == i,
                     "place": f"{fig['path']} ({place})", "what": what(fig)})
    details = " · ".join(d for d in (f.explanation, f"expected {f.expected}" if f.expected else "") if d)
    return {"rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message, "figures": figs,
            "details": details, "docs": "\n".join(sorted({fig["path"] for fig in f.figures}))}


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
