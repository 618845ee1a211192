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

from checker.records import Finding, Report
from checker.renderers.html_view import document_views, figure_id, heading_path, sentence_bounds
from checker.renderers.summary import by_severity, figure_where, summary, what

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
    groups = [(severity, [_finding(report, f, number[id(f)]) for f in group])
              for severity, group in by_severity(report.findings)]
    return template.render(summary=summary(report), groups=groups, style=style, script=script,
                           style_hash=_digest(style), script_hash=_digest(script),
                           severities=[s for s, _ in groups], rule_ids=sorted({f.rule for f in report.findings}),
                           documents=sorted({fig["path"] for f in report.findings for fig in f.figures}),
                           by_rule=_chart(Counter((f.rule, f.name) for f in report.findings)),
                           by_section=_chart(Counter(_section_of(report, f) for f in report.findings)),
                           views=document_views(report, number))


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _message(report: Report, f: Finding) -> str:
    """The finding's message (one place to change how it is worded)."""
    return f.message


def _place(report: Report, fig: dict) -> str:
    """Where a figure stands, in words."""
    place = figure_where(report, fig) or f"line {fig['line']}, column {fig['column']}"
    return f"{fig['path']} ({place})"


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
                              "place": _place(report, fig), "what": what(fig), "id": figure_id(report, fig),
                              "heading": heading_path(report, fig)})
    shown = [{"segments": _segments(q), "figs": q["figs"]} for q in quotes.values()]
    main = f.figures[f.suspect if f.suspect is not None else 0] if f.figures else None
    details = " · ".join(d for d in (f.explanation, f"expected {f.expected}" if f.expected else "") if d)
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
    return [(t.lstrip() if k == 0 else t, m) for k, (t, m) in enumerate(pieces) if t] if marks else []


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
