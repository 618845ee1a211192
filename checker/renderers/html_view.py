"""What the HTML report's document view needs from a report: each draft's lines with its
flagged figures cut out as linked pieces, the anchor id of a figure, the heading path a
figure stands under, and the bounds of the sentence around a figure."""

from __future__ import annotations

from checker.records import Report

SEPARATOR = " › "


def figure_id(report: Report, fig: dict) -> str:
    """The anchor of a figure in the document view: its file's rank, line and column."""
    paths = report.inputs
    rank = paths.index(fig["path"]) + 1 if fig["path"] in paths else 0
    return f"fig-{rank}-{fig['line']}-{fig['column']}"


def _short(heading: str) -> str:
    words = heading.strip().strip("#*").split()
    return " ".join(words[:6]) + ("…" if len(words) > 6 else "")


def heading_path(report: Report, fig: dict, depth: int | None = None) -> str:
    """`PHẦN THỨ NHẤT › 1. Kinh tế`: the headings a figure stands under (a heading's own
    figure under the heading itself), each cut to its first words; empty when none."""
    path, line = fig.get("path"), fig.get("line", 0)
    docs = [d for d in report.documents if d.path == path and d.line <= line]
    if not docs:
        return ""
    block = None
    for b in max(docs, key=lambda d: d.line).blocks:
        if b.line > line:
            break
        block = b
    if block is None:
        return ""
    headings = block.section + ((block.text,) if block.kind == "heading" else ())
    return SEPARATOR.join(_short(h) for h in headings[:depth])


def sentence_bounds(line: str, start: int, length: int) -> tuple[int, int]:
    """The start and end of the sentence holding line[start:start+length]; in a table row,
    the whole row (a cell alone would not say what it counts)."""
    if line.lstrip().startswith("|"):
        return line.index("|") + 1, len(line.rstrip().rstrip("|"))
    left = max(line.rfind(". ", 0, start), line.rfind("; ", 0, start))
    left = 0 if left < 0 else left + 1
    ends = [i for i in (line.find(". ", start + length), line.find("; ", start + length)) if i >= 0]
    return left, min(ends) + 1 if ends else len(line)


def _marks(report: Report, number: dict[int, int]) -> dict[tuple[str, int], dict[int, dict]]:
    """Every flagged figure by (path, line) and column, with the findings naming it (their
    rank and rule) and the ids of the other figures of those findings."""
    marks: dict[tuple[str, int], dict[int, dict]] = {}
    for f in report.findings:
        ids = [figure_id(report, g) for g in f.figures]
        for i, g in enumerate(f.figures):
            mark = marks.setdefault((g["path"], g["line"]), {}).setdefault(
                g["column"], {"text": g["text"], "id": ids[i], "findings": [], "related": set(), "suspect": False})
            mark["findings"].append((number[id(f)], f.rule))
            mark["related"].update(x for x in ids if x != ids[i])
            mark["suspect"] = mark["suspect"] or f.suspect == i
    return marks


def _line_pieces(text: str, marks: dict[int, dict]) -> list[dict]:
    """A line as pieces: plain text, and each flagged figure found where its column says."""
    pieces, pos = [], 0
    for column in sorted(marks):
        mark, start = marks[column], column - 1
        if start < pos or text[start:start + len(mark["text"])] != mark["text"]:
            continue
        if start > pos:
            pieces.append({"text": text[pos:start]})
        pieces.append({"text": mark["text"], "id": mark["id"], "suspect": mark["suspect"],
                       "findings": sorted(set(mark["findings"])), "related": " ".join(sorted(mark["related"]))})
        pos = start + len(mark["text"])
    if pos < len(text):
        pieces.append({"text": text[pos:]})
    return pieces


def document_views(report: Report, number: dict[int, int]) -> list[dict]:
    """Each draft of the report, whole: its non-blank lines, headings marked with their
    level, flagged figures as linked pieces.  `number`: a finding's rank, by id()."""
    marks = _marks(report, number)
    headings = {(d.path, b.line): b.level for d in report.documents for b in d.blocks if b.kind == "heading"}
    views = []
    for rank, path in enumerate(report.inputs, 1):
        if path not in report.texts:
            continue
        lines = []
        for n, text in enumerate(report.texts[path].splitlines(), 1):
            if not text.strip():
                continue
            level = headings.get((path, n))
            pieces = _line_pieces(text, marks.get((path, n), {}))
            if level and "id" not in pieces[0]:  # a Markdown heading's `#` marks: its style shows the level
                pieces[0] = {"text": pieces[0]["text"].lstrip("#").lstrip()}
            lines.append({"n": n, "heading": min(level, 4) if level else 0, "pieces": pieces})
        flagged = sum(1 for (p, _), m in marks.items() if p == path for _ in m)
        views.append({"path": path, "id": f"doc-{rank}", "lines": lines, "flagged": flagged})
    return views
