"""Where a figure is, in an editor's terms and the reader's language: the document
(`Báo cáo kiểm điểm`), the heading path (`Phần thứ nhất › I › 1`), the table and row, the
footnote, the PDF page; a text file's line and column are added where a list shows them.

Public API:
    figure_place(report, fig, lang=None) -> str      # `Báo cáo chính trị, Phần thứ nhất › 1, bảng 1, dòng 8`
    figure_location(report, fig, lang=None) -> str   # the same, after `path:line:column` (text) or `path`
    place_text(place, lang=None, document=None, block=None) -> str
    heading_label(heading) -> str                    # `Phần thứ nhất`, `I`, `2.1`, `PHỤ LỤC KẾT QUẢ…`
"""

from __future__ import annotations

import re
from pathlib import Path

from checker.i18n import N_, _, language
from checker.records import Block, Document, Place

DOCUMENT_WORDS = {"political_report": N_("political report"), "review": N_("review report"),
                  "resolution": N_("resolution"), "report": N_("report"), "front_matter": N_("front matter")}
NUMBERED_HEADING_RE = re.compile(r"^(?:#+\s*)?(Phần thứ \w+|[IVXLC]{1,5}(?=\.)|\d{1,2}(?:\.\d{1,2})*(?=[.\s])|[a-zđ](?=\)))",
                                 re.IGNORECASE)
SEPARATOR = " › "


APPENDIX_RE = re.compile(r"^(phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+)\b)?", re.IGNORECASE)


def heading_label(heading: str) -> str:
    """A heading as a step of a path: its number (`Phần thứ nhất`, `I`, `2.1`), `Phụ lục 2`,
    else its first words (in sentence case when the heading is in capitals)."""
    text = heading.strip().strip("*#").strip()
    m = NUMBERED_HEADING_RE.match(text)
    if m:
        return m.group(1)
    m = APPENDIX_RE.match(text)
    if m:
        return "Phụ lục" + (f" {m.group(2)}" if m.group(2) else "")
    if text.isupper():
        text = text.capitalize()
    words = text.split()
    return " ".join(words[:4]) + ("…" if len(words) > 4 else "")


def _document(report, fig: dict) -> Document | None:
    docs = [d for d in getattr(report, "documents", ()) if d.path == fig.get("path") and d.line <= fig.get("line", 0)]
    return max(docs, key=lambda d: d.line) if docs else None


def _block(doc: Document | None, line: int) -> Block | None:
    if doc is None:
        return None
    found = None
    for b in doc.blocks:
        if b.line <= line:
            found = b
        else:
            break
    return found


def _table_row(doc: Document, block: Block) -> int:
    """The row number of a table row block within its table, its header rows counted, as Word
    counts them (a header repeated after a page break is not a row of its own)."""
    rows = [b for b in doc.blocks if b.kind in ("table_row", "table_header") and b.table == block.table]
    return next((i for i, b in enumerate(rows, 1) if b is block), 0)


def place_text(place: Place | None, lang: str | None = None, document: Document | None = None,
               block: Block | None = None) -> str:
    """The place in words, from the most general to the most precise part."""
    with language(lang):
        parts = []
        if place is not None and place.kind == "data":
            from checker.datafile import spreadsheet_column

            return _("{file}, row {row}, column {column}").format(file=Path(place.path).name, row=place.line,
                                                                  column=spreadsheet_column(place.column))
        if document is not None and document.kind in DOCUMENT_WORDS:
            parts.append(_(DOCUMENT_WORDS[document.kind]).capitalize() if not parts else _(DOCUMENT_WORDS[document.kind]))
        section = _section(document, block)
        if section:
            steps = [heading_label(h) for h in section if not _is_title(h, document)]
            if steps:
                parts.append(SEPARATOR.join(steps))
        parts.extend(_precise(place, document, block))
        return ", ".join(parts) if parts else _("line {line}").format(line=place.line if place else "?")


def _section(document: Document | None, block: Block | None) -> tuple[str, ...]:
    """The headings over a block; for a footnote, over the text that cites it (a Word or PDF
    draft's footnotes come after the body, under whatever heading is last)."""
    if block is None:
        return ()
    if block.kind == "footnote" and block.footnote is not None and document is not None:
        citing = next((b for b in document.blocks if b.kind != "footnote"
                       and any(n == block.footnote for n, _ in b.markers)), None)
        if citing is not None:
            return citing.section
    return block.section


def _is_title(heading: str, document: Document | None) -> bool:
    """A heading that restates the document's title (`BÁO CÁO CHÍNH TRỊ …`): no step of a path."""
    if document is None or not document.title or NUMBERED_HEADING_RE.match(heading.strip().strip("*#").strip()):
        return False
    a, b = heading.strip("*# ").upper(), document.title.upper()
    return bool(a) and (a in b or b in a)


def _precise(place: Place | None, document: Document | None, block: Block | None) -> list[str]:
    """Table and row, footnote, page: what a Word or PDF place says, else the text block."""
    out = []
    if place is not None and place.page:
        out.append(_("page {page}").format(page=place.page))
    if place is not None and place.kind == "table":
        out.append(_("table {table}, row {row}").format(table=place.table, row=place.row))
    elif place is not None and place.kind == "footnote":
        out.append(_("footnote {number}").format(number=place.footnote))
    elif block is not None and block.kind == "table_row" and block.table and document is not None:
        out.append(_("table {table}, row {row}").format(table=block.table, row=_table_row(document, block)))
    elif block is not None and block.kind == "footnote" and block.footnote is not None:
        out.append(_("footnote {number}").format(number=block.footnote))
    return out


def figure_place(report, fig: dict, lang: str | None = None) -> str:
    """Where a figure of a finding is, in the editor's terms (no file line and column)."""
    place = report.place(fig) if report is not None else None
    doc = _document(report, fig) if report is not None else None
    with language(lang):
        if report is None:
            return _("line {line}").format(line=fig.get("line", "?"))
        return place_text(place, None, doc, _block(doc, fig.get("line", 0)))


def figure_location(report, fig: dict, lang: str | None = None) -> str:
    """`data/draft.md:19:121 · Báo cáo kiểm điểm, Phần thứ nhất › 1`: a text draft's line
    and column first (for editors and grep), a Word or PDF draft's file name."""
    place = report.place(fig) if report is not None else None
    if place is not None and place.kind == "data":
        from checker.datafile import spreadsheet_column

        with language(lang):
            return f"{fig['path']} · " + _("row {row}, column {column}").format(
                row=place.line, column=spreadsheet_column(place.column))
    where = figure_place(report, fig, lang)
    if place is None or place.kind == "text":
        return f"{fig['path']}:{fig['line']}:{fig['column']} · {where}"
    return f"{fig['path']} · {where}"

