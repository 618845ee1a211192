"""GitHub workflow annotations (`::error file=…,line=…,col=…::message`), one per finding, for
repositories without code scanning: GitHub shows each on the changed file in a pull request."""

from __future__ import annotations

from checker.i18n import _, language
from checker.messages import finding_message
from checker.records import Finding, Report
from checker.renderers.ci import _uri, primary
from checker.renderers.summary import figure_place

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A message, escaped as GitHub's toolkit does (`%`, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title), escaped as GitHub's toolkit does: also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, lang: str | None = None, **_options) -> str:
    """One annotation line per finding, at its suspect (or first) figure; the message names
    the other figures and where they are."""
    with language(lang):
        return "".join(_annotation(report, f) + "\n" for f in report.findings)


def _annotation(report: Report, f: Finding) -> str:
    props, message = [], finding_message(f, None, report)
    fig = primary(f)
    if fig is not None:
        props.append(f"file={escape_property(_uri(fig['path']))}")
        kind = report.place(fig).kind if report.place(fig) else "text"
        if kind in ("text", "data"):  # a data row's column is a field, not a character
            props.append(f"line={max(int(fig['line']), 1)}")
            if kind == "text":
                props.append(f"col={max(int(fig['column']), 1)}")
        else:  # a Word or PDF draft has no lines GitHub can show: say where in words
            message = _("{figure} at {place}").format(figure=fig["text"], place=figure_place(report, fig)) \
                + f": {message}"
    props.append(f"title={escape_property(f'{f.rule} {f.name}'.strip())}")
    others = [g for g in f.figures if g is not fig]
    if others:
        message += "\n" + "\n".join("- " + _("{figure} at {place}").format(figure=g["text"],
                                                                        place=figure_place(report, g))
                                    for g in others)
    return f"::{LEVEL[f.severity]} {','.join(props)}::{escape_data(message)}"
