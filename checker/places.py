"""Places: where a line of a converted document (Word or PDF) came from, so that a figure
found in the text form gets its place in the original (a paragraph, a table cell, a
footnote, or a page and line) when the document is read; and how a place is written."""

from __future__ import annotations

from dataclasses import dataclass

from checker.records import Place


@dataclass(frozen=True)
class LineOrigin:
    """The origin of one line of converted text."""

    kind: str  # paragraph | table | footnote | page (a PDF paragraph) | blank
    index: int = 0  # paragraph index, table number or footnote number (1-based); a PDF line's page
    row: int = 0  # a table's row; a PDF paragraph's first line on its page
    cells: tuple[tuple[int, int], ...] = ()  # (start, end) of each cell in the line, for tables
    prefix: int = 0  # characters the conversion put before the text (heading marks, bullets)
    segments: tuple[tuple[int, int, int], ...] = ()  # PDF: (start offset, page, line) of each joined line
    page: int = 0  # PDF: the page of a table row

    def place(self, path: str, line: int, column: int) -> Place:
        """The place of the character at (line, column) of the converted text."""
        offset = column - 1
        if self.kind in ("paragraph", "footnote"):
            number = {"paragraph": self.index} if self.kind == "paragraph" else {"footnote": self.index}
            return Place(path, line, column, self.kind, offset=max(offset - self.prefix, 0), **number)
        if self.kind == "page":
            start, page, page_line = 0, self.index, self.row
            for seg in self.segments:
                if seg[0] <= offset:
                    start, page, page_line = seg
            return Place(path, line, column, "page", page=page, page_line=page_line, offset=offset - start)
        if self.kind == "table":
            for number, (a, b) in enumerate(self.cells, 1):
                if a <= offset <= b:
                    return Place(path, line, column, "table", table=self.index, row=self.row, cell=number,
                                 page=self.page, offset=offset - a)
            return Place(path, line, column, "table", table=self.index, row=self.row, page=self.page)
        return Place(path, line, column, "blank")


def where(place: Place | None) -> str | None:
    """The place in words (`table 2, row 3, cell 4, offset 0`; `row 5, column C` in a data
    file), or None for a line of a text draft, which its line and column say."""
    if place is None:
        return None
    if place.kind == "data":
        from checker.datafile import spreadsheet_column

        return f"row {place.line}, column {spreadsheet_column(place.column)}"
    if place.kind == "paragraph":
        return f"paragraph {place.paragraph}, offset {place.offset}"
    if place.kind == "footnote":
        return f"footnote {place.footnote}, offset {place.offset}"
    if place.kind == "page":
        return f"page {place.page}, line {place.page_line}, offset {place.offset}"
    if place.kind == "table":
        text = (f"page {place.page}, " if place.page else "") + f"table {place.table}, row {place.row}"
        return text + (f", cell {place.cell}, offset {place.offset}" if place.cell else "")
    return None


def table_row(cells: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A Markdown table row (`| a | b |`) and the (start, end) of each cell in it."""
    line, spans = "|", []
    for cell in cells:
        start = len(line) + 1
        line += " " + cell + " |"
        spans.append((start, start + len(cell)))
    return line, tuple(spans)


@dataclass(frozen=True)
class ConvertedText:
    """A Word or PDF draft as the text the pipeline reads, with the origin of each line."""

    text: str
    origins: tuple[LineOrigin, ...]
