"""One line per finding, `file:line:column: RULE message`, at its suspect figure (else its
first), for grep and for editors that jump to a line."""

from __future__ import annotations

from checker.messages import finding_message
from checker.records import Report


def render(report: Report, lang: str | None = None, verbose: bool = False, **_options) -> str:
    lines = []
    for f in report.findings:
        fig = f.figures[f.suspect if f.suspect is not None else 0] if f.figures else {"path": "", "line": 0, "column": 0}
        message = " ".join(finding_message(f, lang, report, verbose).split())
        lines.append(f"{fig['path']}:{fig['line']}:{fig['column']}: {f.rule} {message}")
    return "".join(line + "\n" for line in lines)
