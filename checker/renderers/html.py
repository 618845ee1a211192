"""The HTML report: one self-contained page with a summary by rule and by section (small
SVG charts), the findings by severity (each sentence quoted once, its figures marked, with
their heading paths), a document view (the whole text of each draft with every flagged
figure highlighted and linked to its findings and back), the rules table, filters by
severity, rule and document, and a print stylesheet.

All draft text is escaped by Jinja2; the page's Content-Security-Policy allows only its own
style and script (by hash), so nothing in a draft can run or fetch anything.  Everything
shown comes from the report (its drafts' texts, places and documents), never from the
input files.  Ids and order depend only on the report, so two runs give the same bytes."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter

from checker.i18n import N_, _, language
from checker.messages import finding_message, severity_text
from checker.records import Finding, Report
from checker.renderers.html_view import document_views, figure_id, heading_path, sentence_bounds
from checker.renderers.summary import (by_severity, details_line, figure_place, findings_heading, gate_line,
                                       no_findings, totals_line, what)

BAR_WIDTH = 240  # pixels of the longest bar in the summary charts


def render(report: Report, lang: str | None = None, **_options) -> str:
    from importlib.resources import files

    from jinja2 import Environment, select_autoescape

    here = files("checker") / "templates"
    style = (here / "report.css").read_text(encoding="utf-8")
    script = (here / "report.js").read_text(encoding="utf-8")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string((here / "report.html.j2").read_text(encoding="utf-8"))
    number = {id(f): k for k, f in enumerate(report.findings, 1)}  # a finding's anchor: its rank in the report
    with language(lang) as current:
        groups = [(severity, findings_heading(severity, len(group)),
                   [_finding(report, f, number[id(f)]) for f in group])
                  for severity, group in by_severity(report.findings)]
        return template.render(
            lang=current, t=_labels(), totals=totals_line(report), gate=gate_line(report), none=no_findings(),
            files=report.inputs, groups=groups, style=style, script=script, style_hash=_digest(style),
            script_hash=_digest(script), severities=[(s, severity_text(s)) for s, *_x in groups],
            rule_ids=sorted({f.rule for f in report.findings}),
            documents=sorted({fig["path"] for f in report.findings for fig in f.figures}),
            by_rule=_chart(Counter((f.rule, f.name) for f in report.findings)),
            by_section=_chart(Counter(_section_of(report, f) for f in report.findings)),
            rules=[dict(o.as_dict(), severity=severity_text(o.severity)) for o in report.outcomes],
            views=document_views(report, number))


def _labels() -> dict[str, str]:
    """The page's own words, in the current language."""
    words = {"title": N_("checker report"), "summary": N_("Summary"), "by_rule": N_("By rule"),
             "by_section": N_("By section"), "findings": N_("Findings"), "documents": N_("Documents"),
             "rules": N_("Rules"), "files": N_("Files"), "severity": N_("severity"), "rule": N_("rule"),
             "document": N_("document"), "all": N_("all"), "shown": N_("{count} shown"),
             "flagged": N_("{count} flagged figure(s)"), "suspect": N_("suspect"), "name": N_("name"),
             "items": N_("items"), "passes": N_("passes"), "fails": N_("fails"), "na": N_("n/a"),
             "errors": N_("errors (column)")}
    return {key: _(msgid) for key, msgid in words.items()}


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _message(report: Report, f: Finding) -> str:
    """The finding's message in the current language, its figures placed."""
    return finding_message(f, None, report)


def _finding(report: Report, f: Finding, number: int) -> dict:
    """A finding as the template shows it: each sentence quoted once with all of the
    finding's figures in it marked, and each figure with its place and heading path."""
    quotes: dict[tuple, dict] = {}
    for i, fig in enumerate(f.figures):
        text = report.lines.get((fig["path"], fig["line"]), "")
        start = fig["column"] - 1
        found = text[start:start + len(fig["text"])] == fig["text"]
        left, right = sentence_bounds(text, start, len(fig["text"])) if found else (start, start)
        key = (fig["path"], fig["line"], left, right) if found else (fig["path"], fig["line"], -i, -i)
        quote = quotes.setdefault(key, {"line": text, "left": left, "right": right, "figs": []})
        quote["figs"].append({"text": fig["text"], "start": start, "found": found, "suspect": f.suspect == i,
                              "place": figure_place(report, fig), "what": what(fig, f), "id": figure_id(report, fig)})
    shown = [{"segments": _segments(q), "figs": q["figs"]} for q in quotes.values()]
    main = f.figures[f.suspect if f.suspect is not None else 0] if f.figures else None
    details = details_line(report, f)
    return {"number": number, "rule": f.rule, "name": f.name, "severity": f.severity, "message": _message(report, f),
            "quotes": shown, "details": details, "main": figure_id(report, main) if main else "",
            "docs": "\n".join(sorted({fig["path"] for fig in f.figures}))}


def _segments(quote: dict) -> list[tuple[str, bool]]:
    """The quoted sentence as (text, is a figure) pieces, clipped to 240 characters around."""
    line, left, right = quote["line"], quote["left"], quote["right"]
    marks = sorted({(g["start"], g["text"]) for g in quote["figs"] if g["found"]})
    pieces, pos = [], left
    for start, text in marks:
        if start < pos:
            continue  # two figures overlapping: the first one wins
        pieces += [(line[pos:start], False), (text, True)]
        pos = start + len(text)
    pieces.append((line[pos:right], False))
    if pieces and len(pieces[0][0]) > 240:
        pieces[0] = ("…" + pieces[0][0][-240:], False)
    if len(pieces) > 1 and len(pieces[-1][0]) > 240:
        pieces[-1] = (pieces[-1][0][:240] + "…", False)
    if not marks:
        return []
    pieces[0] = (pieces[0][0].lstrip(), pieces[0][1])
    pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
    return [(t, m) for t, m in pieces if t]


def _section_of(report: Report, f: Finding) -> str:
    """The top heading of a finding's main figure (its file's name when it has none)."""
    if not f.figures:
        return "?"
    fig = f.figures[f.suspect if f.suspect is not None else 0]
    path = heading_path(report, fig, depth=1)
    return path or fig["path"].rsplit("/", 1)[-1]


def _chart(counts: Counter) -> list[dict]:
    """Rows of a bar chart, largest first (ties by label): label, count, bar width."""
    top = max(counts.values(), default=1)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [{"label": " ".join(k) if isinstance(k, tuple) else k, "count": n,
             "width": max(2, round(BAR_WIDTH * n / top))} for k, n in rows]
