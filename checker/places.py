"""Where a line of a converted document (Word or PDF) came from, so a figure found in the
text form is reported at its place in the original: a paragraph, a table cell, a
footnote, or a page and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """The origin of one line of converted text."""

    kind: str  # paragraph | table | footnote | page (a PDF paragraph) | blank
    index: int = 0  # paragraph index, table number or footnote number (1-based)
    row: int = 0
    cells: tuple[tuple[int, int], ...] = ()  # (start, end) of each cell in the line, for tables
    prefix: int = 0  # characters the conversion put before the text (heading marks, bullets)
    segments: tuple[tuple[int, int, int], ...] = ()  # PDF: (start offset, page, line) of each joined line
    page: int = 0  # PDF: the page of a table row

    def describe(self, column: int) -> str:
        offset = column - 1
        if self.kind == "paragraph":
            return f"paragraph {self.index}, offset {max(offset - self.prefix, 0)}"
        if self.kind == "footnote":
            return f"footnote {self.index}, offset {max(offset - self.prefix, 0)}"
        if self.kind == "page":
            start, page, line = 0, self.index, self.row
            for seg in self.segments:
                if seg[0] <= offset:
                    start, page, line = seg
            return f"page {page}, line {line}, offset {offset - start}"
        if self.kind == "table":
            where = (f"page {self.page}, " if self.page else "") + f"table {self.index}, row {self.row}"
            for number, (a, b) in enumerate(self.cells, 1):
                if a <= offset <= b:
                    return f"{where}, cell {number}, offset {offset - a}"
            return where
        return ""


def table_row(cells: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A Markdown table row (`| a | b |`) and the (start, end) of each cell in it."""
    line, spans = "|", []
    for cell in cells:
        start = len(line) + 1
        line += " " + cell + " |"
        spans.append((start, start + len(cell)))
    return line, tuple(spans)


PLACES: dict[str, list[Place]] = {}  # path → place of each line (line n at index n - 1)


def describe(path: str, line: int, column: int) -> str | None:
    """Where in the original document a (line, column) of its converted text lies, or None."""
    places = PLACES.get(str(path))
    if not places or not 1 <= line <= len(places):
        return None
    return places[line - 1].describe(column) or None
