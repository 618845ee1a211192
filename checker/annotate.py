"""`--annotate OUT.docx`: a copy of a Word draft with one comment per finding.

The input is opened read-only and the copy written to a new file.  Each finding gets one
Word comment anchored on exactly the characters of its suspect figure (or, with no
suspect, its first figure in the draft); runs are split at the figure's edges and the text
is unchanged.  The comment gives the rule, the message, the other figures by their places
and the expected value.  On request (`--annotate-all`) each other figure of a finding gets
a short comment pointing to the main one, and (`--annotate-summary`) a comment on the
first paragraph counts the draft's findings by severity and rule.  The author is
`--comment-author` (or `comment-author` in the configuration), `checker` by default.

Figures inside a footnote are anchored inside the footnote, as Word does when an editor
comments on footnote text: the range marks and the comment's reference go into the
footnotes part, and the comment itself into the comments part like any other.
"""

from __future__ import annotations

import copy
from pathlib import Path

from checker.places import where
from checker.records import InputError, Place, Report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SKIP = (W + "del", W + "moveFrom")


def _runs_with_text(p, numbering: dict[str, int]) -> list[tuple[object, list[tuple[object, int]]]]:
    """The paragraph's runs outside deletions, each with its content pieces and lengths,
    counted the way checker.docx reads them."""
    out = []
    for r in p.iter(W + "r"):
        parent, deleted = r.getparent(), False
        while parent is not None and parent is not p:
            if parent.tag in SKIP:
                deleted = True
                break
            parent = parent.getparent()
        if deleted:
            continue
        pieces = []
        for child in r:
            if child.tag == W + "t":
                pieces.append((child, len(child.text or "")))
            elif child.tag in (W + "tab", W + "br", W + "cr", W + "noBreakHyphen"):
                pieces.append((child, 1))
            elif child.tag == W + "footnoteReference":
                fid = child.get(W + "id")
                number = numbering.setdefault(fid, len(numbering) + 1)
                pieces.append((child, len(str(number))))
        out.append((r, pieces))
    return out


def _split(r, k: int):
    """Split run `r` after its first k characters; return the second half (a new run placed
    right after `r`).  Both halves keep the run's properties."""
    second = copy.deepcopy(r)
    seen = 0
    first_children = [c for c in r if c.tag != W + "rPr"]
    second_children = [c for c in second if c.tag != W + "rPr"]
    for a, b in zip(first_children, second_children):
        length = len(a.text or "") if a.tag == W + "t" else (1 if a.tag != W + "rPr" else 0)
        if seen + length <= k:
            second.remove(b)  # wholly in the first half
        elif seen >= k:
            r.remove(a)  # wholly in the second half
        else:  # a w:t cut in two
            cut = k - seen
            a.text, b.text = a.text[:cut], b.text[cut:]
            for t in (a, b):
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        seen += length
    r.addnext(second)
    return second


def _anchor(p, start: int, end: int, numbering: dict[str, int]):
    """The runs covering characters [start, end) of the paragraph, split to fit exactly."""
    pos, covering = 0, []
    for r, pieces in _runs_with_text(p, dict(numbering)):
        length = sum(n for _, n in pieces)
        if length and pos < end and pos + length > start:
            covering.append((r, pos, length))
        pos += length
    if not covering:
        return None
    first, first_pos, _ = covering[0]
    last, last_pos, last_len = covering[-1]
    if start > first_pos:
        second = _split(first, start - first_pos)
        if last is first:  # one run holds the whole figure: its second half is now the last run too
            last, last_pos, last_len = second, start, last_len - (start - first_pos)
        first = second
    if last_pos + last_len > end:
        _split(last, end - last_pos)
    return first, last


def _footnotes(document):
    """The footnotes part and its parsed XML (python-docx keeps it as a plain blob), or None."""
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            return rel.target_part, parse_xml(rel.target_part.blob)
    return None


def _in_footnote(note, start: int, numbering: dict[str, int]):
    """The paragraph of footnote `note` holding character `start` of its text as the reader
    gives it (paragraphs stripped and joined by a space), and the offset in that paragraph."""
    from checker.docx import _Reader

    reader = _Reader()
    reader.footnote_order = dict(numbering)
    for para in note.iter(W + "p"):
        raw = reader.runs_text(para)  # the footnote's text exactly as checker.docx reads it
        stripped = raw.strip()
        if not stripped:
            continue
        if start <= len(stripped):
            return para, start + len(raw) - len(raw.lstrip())
        start -= len(stripped) + 1
    return None


def annotate(source: str, report: Report, out: str, *, author: str = "checker", all_figures: bool = False,
             summary: bool = False) -> int:
    """Write `out`: a copy of the Word draft `source` with one comment per finding (and, if
    asked, a pointer on each of its other figures and a summary at the top).  Returns the
    number of comments added."""
    import docx

    from checker.i18n import _

    src, dst = Path(source), Path(out)
    if dst.resolve() == src.resolve():
        raise InputError(_("{file}: --annotate would overwrite the input; name a new file").format(file=dst))
    if dst.exists():
        raise InputError(_("{file}: already exists; --annotate writes only to a new file").format(file=dst))
    document = docx.Document(str(src))
    numbering: dict[str, int] = {}
    for p in document.element.body.iter(W + "p"):  # reference marks numbered in reading order, as the reader does
        _runs_with_text(p, numbering)
    locate = _Locator(document, numbering)
    planned = _planned(report, src.resolve(), all_figures)
    added = 0
    if summary and planned:
        added += _comment_on(document, locate.first_paragraph(), 0, None, _summary_text(report, planned),
                             author, numbering)
    for place, text, body, _finding in planned:
        found = locate(place)
        if found is not None:
            added += _comment_on(document, found[0], found[1], text, body, author, numbering)
    locate.save_footnotes()
    document.save(str(dst))
    return added


def _planned(report: Report, src: Path, all_figures: bool) -> list[tuple[Place, str, str, object]]:
    """(place, figure as written, comment text, finding) of every comment, in document order:
    one per finding on its suspect figure (else its first figure in this draft), and with
    `all_figures` a short pointer on each of its other figures."""
    planned = []
    for finding in report.findings:
        here = [i for i, g in enumerate(finding.figures)
                if where(report.place(g)) and Path(g["path"]).resolve() == src]
        if not here:
            continue
        main = finding.suspect if finding.suspect in here else here[0]
        planned.append((report.place(finding.figures[main]), finding.figures[main]["text"],
                        _finding_text(report, finding, main), finding))
        if all_figures:
            pointer = _pointer_text(report, finding, main)
            planned.extend((report.place(finding.figures[i]), finding.figures[i]["text"], pointer, None)
                           for i in here if i != main)
    # by place, then text: the same comments in the same order on every run
    return sorted(planned, key=lambda c: (c[0].line, c[0].column, c[2]))


def _comment_on(document, paragraph, start: int, text: str | None, body: str, author: str,
                numbering: dict[str, int]) -> int:
    """Add one comment anchored on `text` at `start` of `paragraph` (None: the whole
    paragraph); 1 if added, 0 if the figure could not be found there."""
    from docx.text.run import Run

    if paragraph is None:
        return 0
    if text is None:
        end = sum(n for _, pieces in _runs_with_text(paragraph, dict(numbering)) for _, n in pieces)
    else:
        end = start + len(text)
    span = _anchor(paragraph, start, end, numbering)
    if span is None:
        return 0
    document.add_comment([Run(span[0], None), Run(span[1], None)], body, author=author,
                         initials=_initials(author))
    return 1


def _initials(author: str) -> str:
    return "".join(w[0] for w in author.split())[:3].upper() or "CK"


def _message(report: Report, finding) -> str:
    """The finding's message in the current language, its figures placed."""
    from checker.messages import finding_message

    return finding_message(finding, None, report)


def _place_text(report: Report, fig: dict) -> str:
    """Where a figure stands, in the editor's terms (document, headings, table and row)."""
    from checker.place_text import figure_place

    return figure_place(report, fig)


def _finding_text(report: Report, finding, main: int) -> str:
    """The comment on a finding's main figure: the rule, the message, the other figures by
    their places (those the message does not place already) and the expected value; the
    message names the suspect when there is one."""
    from checker.i18n import _
    from checker.messages import finding_expected

    message = _message(report, finding)
    lines = [f"{finding.rule} {finding.name}: {message}"]
    others = [f"{g['text']} ({_place_text(report, g)})" for j, g in enumerate(finding.figures) if j != main]
    others = [o for o in others if o not in message]
    if others:
        lines.append(_("other figures: {figures}").format(figures="; ".join(others)))
    expected = finding_expected(finding)
    if expected:
        lines.append(_("expected {value}").format(value=expected))
    return "\n".join(lines)


def _pointer_text(report: Report, finding, main: int) -> str:
    """`--annotate-all`: the short comment on a finding's other figures."""
    from checker.i18n import _

    fig = finding.figures[main]
    return _("{rule}: see the comment on {figure} ({place})").format(rule=finding.rule, figure=fig["text"],
                                                                       place=_place_text(report, fig))


def _summary_text(report: Report, planned) -> str:
    """The summary comment: the draft's findings counted by severity and by rule."""
    from collections import Counter

    from checker.i18n import _
    from checker.messages import severity_text
    from checker.records import SEVERITIES

    findings = [f for *_x, f in planned if f is not None]
    severity = Counter(f.severity for f in findings)
    rules = Counter((f.rule, f.name) for f in findings)
    counts = ", ".join(f"{severity[s]} {severity_text(s, n=severity[s])}" for s in SEVERITIES if severity[s])
    lines = ["checker: " + _("{count} finding(s)").format(count=len(findings)) + f" ({counts})"]
    lines += [f"{rule} {name}: {n}" for (rule, name), n in sorted(rules.items())]
    if report.suppressed:
        lines.append(_("{count} suppressed where they are").format(count=len(report.suppressed)))
    return "\n".join(lines)


class _Locator:
    """The paragraph and offset in it of a place in the Word document: a body paragraph, a
    footnote or a table cell."""

    def __init__(self, document, numbering: dict[str, int]):
        body = document.element.body
        self.document, self.numbering = document, numbering
        self.paragraphs = [c for c in body if c.tag == W + "p"]
        self.tables = [c for c in body if c.tag == W + "tbl"]
        self.notes = None  # the footnotes part and its XML, read when a footnote is annotated

    def __call__(self, place: Place):
        if place.kind == "paragraph":
            return self.paragraphs[place.paragraph - 1], place.offset
        if place.kind == "footnote":
            return self._footnote(place.footnote, place.offset)
        if place.kind == "table" and place.cell:
            rows = self.tables[place.table - 1].findall(W + "tr")
            return self._cell(rows[place.row - 1].findall(W + "tc")[place.cell - 1], place.offset)
        return None

    def _footnote(self, number: int, offset: int):
        fid = next((f for f, n in self.numbering.items() if n == number), None)
        if self.notes is None:
            self.notes = _footnotes(self.document) or (None, None)
        note = None if self.notes[1] is None else next(
            (n for n in self.notes[1].iter(W + "footnote") if n.get(W + "id") == fid), None)
        return None if note is None else _in_footnote(note, offset, self.numbering)

    def _cell(self, cell, start: int):
        """The reader joins a cell's paragraphs with a space: the paragraph holding `start`."""
        for para in cell.iter(W + "p"):
            length = sum(n for _, pieces in _runs_with_text(para, dict(self.numbering)) for _, n in pieces)
            if start <= length:
                return para, start
            start -= length + 1
        return None

    def first_paragraph(self):
        """The first body paragraph with text: the summary comment's anchor."""
        return next((p for p in self.paragraphs
                     if any(n for _, pieces in _runs_with_text(p, dict(self.numbering)) for _, n in pieces)), None)

    def save_footnotes(self) -> None:
        """python-docx keeps the footnotes part as a blob: write back the one annotated."""
        if self.notes and self.notes[1] is not None:
            from lxml import etree

            self.notes[0]._blob = etree.tostring(self.notes[1], xml_declaration=True, encoding="UTF-8",
                                                 standalone=True)
