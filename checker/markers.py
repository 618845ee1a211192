"""Suppression markers in a Markdown or text draft, read when the draft is read.

`<!-- checker-ignore SV01: why this is right -->` (several rules: `SV01,PW01`; every rule:
`all`).  Written at the end of a line it covers that line's figures; alone on a line it
covers the next line with text.  In a Word draft the same text opens a comment anchored on
the figure (checker.docx.comment_suppressions).  A suppression without a reason is an
error.  The markers are blanked out of the text the figures are read from, so that a rule id or a reason is
never read as a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.i18n import _
from checker.records import InputError

MARKER_RE = re.compile(r"<!--\s*checker-ignore\b(?P<body>.*?)-->", re.S)
MARKER_BODY_RE = re.compile(r"\s*(?P<rules>(?:[A-Za-z]{2}\d{2}|all)(?:\s*,\s*(?:[A-Za-z]{2}\d{2}|all))*)\s*"
                            r"(?::\s*(?P<reason>.*\S))?\s*$", re.S)


@dataclass(frozen=True)
class Suppression:
    path: str
    line: int  # the line whose figures it covers
    rules: tuple[str, ...]  # rule ids, or ("all",)
    reason: str
    marker_line: int
    # A Word comment's range on the line, (first column, column after the last): it covers
    # only the figures it spans, not the rest of its paragraph or row.  None: the whole line.
    span: tuple[int, int] | None = None

    def covers(self, rule: str) -> bool:
        return "all" in self.rules or rule in self.rules

    def spans(self, column: int, length: int) -> bool:
        """Whether the figure at `column` (`length` characters) is under the suppression: a
        comment range overlapping it, or, for a range of no width, touching it."""
        if self.span is None:
            return True
        start, end = self.span
        if start == end:
            return column <= start <= column + length
        return column < end and start < column + length


def blank_markers(text: str) -> str:
    """The text with suppression markers replaced by spaces (columns and lines unchanged),
    so that a rule id or a reason is never read as a figure."""
    return MARKER_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def markers(path: str, text: str) -> list[Suppression]:
    """The suppression markers of a draft, each with the line it covers."""
    lines = text.splitlines()
    out = []
    for m in MARKER_RE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        rules, reason = _rules_and_reason(m.group("body"), f"{path}:{line}:{column}")
        end_line = text.count("\n", 0, m.end()) + 1
        rest = blank_markers(lines[line - 1]).strip() if line <= len(lines) else ""
        covered = line
        if not rest:  # alone on its line: it covers the next line with text
            covered = next((n for n in range(end_line + 1, len(lines) + 1) if lines[n - 1].strip()), end_line)
        out.append(Suppression(path, covered, rules, reason, line))
    return out


def _rules_and_reason(body_text: str, at: str, form: str = "<!-- {} -->") -> tuple[tuple[str, ...], str]:
    """`SV01,PW01: why` → the rule ids and the reason, or an InputError at `at` showing
    the right `form` (a Markdown marker, or a Word comment's bare text)."""
    body = MARKER_BODY_RE.fullmatch(body_text)
    if body is None:
        raise InputError(_("{at}: a suppression names rule ids: {example}").format(
            at=at, example=form.format("checker-ignore SV01: " + _("why the figures are right"))))
    if not body.group("reason"):
        raise InputError(_("{at}: a suppression needs a reason: {example}").format(
            at=at, example=form.format(f"checker-ignore {body.group('rules')}: " + _("why the figures are right"))))
    rules = tuple(sorted({r.strip().upper() if r.strip() != "all" else "all"
                          for r in body.group("rules").split(",")}))
    return rules, " ".join(body.group("reason").split())


def comment_suppression(path: str, line: int, text: str, at: str) -> Suppression | None:
    """A Word comment that starts `checker-ignore SV01: why` (an editor accepting a finding
    in Word): a suppression of the line it is anchored on; None for any other comment."""
    m = re.match(r"\s*checker-ignore\b(?P<body>.*)", text, re.S)
    if m is None:
        return None
    rules, reason = _rules_and_reason(m.group("body"), f"{path}: {at}", "{}")
    return Suppression(path, line, rules, reason, line)


def check_marker_rules(found: list[Suppression], known: set[str]) -> None:
    for s in found:
        for rule in s.rules:
            if rule != "all" and rule not in known:
                raise InputError(_("{at}: the suppression names an unknown rule '{rule}'").format(
                    at=f"{s.path}:{s.marker_line}:1", rule=rule))
