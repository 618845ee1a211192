"""`--annotate OUT.docx`: a copy of a Word draft with a comment on each flagged figure.

The input is opened read-only and the copy written to a new file.  Each figure that a
finding names gets one Word comment anchored on exactly its characters (runs are split at
the figure's edges; the text is unchanged).  A figure named by several findings gets one
comment listing them all.  The comment gives the rule, the message, the other figures as
written with their places, the expected value and which figure is suspect.

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


def _comment_text(items: list[tuple[dict, int]]) -> str:
    parts = []
    for finding, index in items:
        lines = [f"{finding['rule']} {finding['name']}: {finding['message']}"]
        others = [f"{g['text']} ({g.get('where') or str(g['line']) + ':' + str(g['column'])})"
                  for j, g in enumerate(finding["figures"]) if j != index]
        if others:
            lines.append("Other figures: " + "; ".join(others))
        if finding.get("expected"):
            lines.append(f"Expected: {finding['expected']}")
        suspect = finding.get("suspect")
        if suspect is None:
            lines.append("Suspect: none (the evidence is even)")
        else:
            lines.append("Suspect: " + ("this figure" if suspect == index else finding["figures"][suspect]["text"]))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


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


def annotate(source: str, report: Report, out: str) -> int:
    """Write `out`: a copy of the Word draft `source` with a comment per flagged figure.
    Returns the number of comments added."""
    import docx
    from docx.text.run import Run

    from checker.renderers.summary import finding_dict

    src, dst = Path(source), Path(out)
    if dst.resolve() == src.resolve():
        raise InputError(f"{dst}: --annotate would overwrite the input; name a new file")
    if dst.exists():
        raise InputError(f"{dst}: already exists; --annotate writes only to a new file")
    document = docx.Document(str(src))
    numbering: dict[str, int] = {}
    for p in document.element.body.iter(W + "p"):  # reference marks numbered in reading order, as the reader does
        _runs_with_text(p, numbering)
    by_place: dict[tuple[str, str], tuple[Place, list[tuple[dict, int]]]] = {}
    for finding in report.findings:
        data = finding_dict(report, finding)
        for index, fig in enumerate(finding.figures):
            place = report.place(fig)
            if where(place) and Path(fig["path"]).resolve() == src.resolve():
                # sorted by the place as written, so the comments come in the same order on every run
                by_place.setdefault((where(place), fig["text"]), (place, []))[1].append((data, index))
    locate = _Locator(document, numbering)
    added = 0
    for (_, text), (place, items) in sorted(by_place.items()):
        found = locate(place)
        span = None if found is None else _anchor(found[0], found[1], found[1] + len(text), numbering)
        if span is None:
            continue
        first, last = span
        document.add_comment([Run(first, None), Run(last, None)], _comment_text(items),
                             author="checker", initials="CK")
        added += 1
    locate.save_footnotes()
    document.save(str(dst))
    return added


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

    def save_footnotes(self) -> None:
        """python-docx keeps the footnotes part as a blob: write back the one annotated."""
        if self.notes and self.notes[1] is not None:
            from lxml import etree

            self.notes[0]._blob = etree.tostring(self.notes[1], xml_declaration=True, encoding="UTF-8",
                                                 standalone=True)
