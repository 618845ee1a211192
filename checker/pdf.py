"""PDF drafts, read with pdfplumber (MIT) into the text the rest of the pipeline knows.

- Lines are rebuilt from characters (checker/pdf_lines.py).  A character clearly smaller than the page's body
  text and raised above its line's baseline is a superscript: digits become superscript
  digits (`7,35%¹`), so a footnote marker is never glued onto the figure (`7,35%1`).
- A paragraph ends where the gap to the next line is larger than the line spacing; pages
  are separated by a blank line.
- Ruled tables (pdfplumber's `find_tables`) become Markdown table rows; their characters
  are not read again as prose.
- Borderless tables, whose columns are kept apart only by white space, are found from
  the lines left (checker/pdf_lines.py): lines with a gap of about a character's width or more between words
  whose gaps line up give the column gutters; a wrapped cell's lines are one cell; the
  cells that overlap vertically make one row (whether short cells sit at the top or in
  the middle of a row made tall by a wrapped one).
- A paragraph cut by a page break (no full stop at the foot, the next page going on in
  lower case) is one paragraph.
- Page numbers (a number alone at the top or foot of the pages, following the page count)
  are dropped.  A table cut by a page break is one table: the rows on the next page go
  on under the part before (a repeated header row is dropped), and a header row left alone
  at the foot of a page heads the rows on the next.
- Pages are read one at a time and each page's layout is dropped once its lines are
  taken: memory is bounded by a page, not by the document.  A page where nothing but
  text is drawn is read by checker/pdf_chars.py, with only the fields used here.
- Each line of the converted text records its page and line on the page, so a figure's
  place is reported as `page 2, line 14, offset 30`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from operator import itemgetter
from pathlib import Path

from checker.i18n import _, whole
from checker.pdf_lines import borderless_tables, cells_of_line, group_lines, line_text, line_top, white_gaps
from checker.places import ConvertedText, LineOrigin, table_row
from checker.records import InputError


PAGE_NUMBER_RE = re.compile(r"[-–\s]*(?:Trang\s+)?(\d{1,4})(?:\s*/\s*\d{1,4})?[-–\s]*", re.I)


def _tables_and_chars(page) -> tuple[list, list[dict]]:
    """A page's ruled tables and its characters.  A page where nothing but text is drawn
    has no ruled table, and its characters are read by checker/pdf_chars.py with only the
    fields this module reads (pdfminer's objects for each character and pdfplumber's
    dicts of all their attributes are most of the time of reading a page of prose)."""
    from checker.pdf_chars import Drawn, page_chars

    if page.pdf.unicode_norm is None:
        try:
            return [], page_chars(page)
        except Drawn:
            pass
    return page.find_tables(), page.chars


def _body_size(chars: list[dict]) -> float:
    """The most common size of the page's visible characters, to a tenth of a point (the
    first one met of equally common sizes, as statistics.mode takes it).  Counted per size
    first: a page has a few sizes and thousands of characters."""
    rounded: dict[float, int] = {}
    for size, count in Counter(c["size"] for c in chars if c["text"].strip()).items():
        key = round(size, 1)  # sizes met in order, so their tenths are too
        rounded[key] = rounded.get(key, 0) + count
    return max(rounded.items(), key=itemgetter(1))[0] if rounded else 10.0


def _page_items(page_no: int, tables: list, chars: list[dict]) -> list[dict]:
    """A page's lines and tables in reading order."""
    boxes = [t.bbox for t in tables]

    def inside(c) -> bool:
        return any(x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom
                   for x0, top, x1, bottom in boxes)

    if boxes:
        chars = [c for c in chars if not inside(c)]
    body_size = _body_size(chars)
    lines = group_lines(chars)
    grids = [(t.bbox[1], t.bbox[3], [[" ".join((c or "").split()) for c in row] for row in t.extract()])
             for t in tables]
    in_grid: set[int] = set()
    for first, last, rows in borderless_tables(lines, body_size):
        in_grid.update(range(first, last + 1))
        grids.append((line_top(lines[first]), max(c["bottom"] for c in lines[last]), rows))
    items = []
    for line_no, line in enumerate(lines, 1):
        if line_no - 1 in in_grid:
            continue
        text = line_text(line, body_size)
        if text:
            items.append({"kind": "line", "top": line_top(line), "bottom": max(c["bottom"] for c in line),
                          "page": page_no, "line_no": line_no, "text": text, "body": body_size,
                          "chars": line})
    grids.sort(key=lambda g: g[0])
    for t_no, (top, bottom, rows) in enumerate(grids, 1):
        items.append({"kind": "table", "top": top, "bottom": bottom, "page": page_no, "t_no": t_no,
                      "rows": rows, "header": None, "continues": False})
    items.sort(key=lambda it: (it["top"], it["kind"]))
    return items


def _is_page_number(item: dict) -> bool:
    return item["kind"] == "line" and bool(PAGE_NUMBER_RE.fullmatch(item["text"]))


def _drop_page_numbers(pages: list[list[dict]]) -> None:
    """Page numbers are not text of the draft: a number alone as the first or last line of
    a page is one when the pages' such numbers follow the page count (the same offset on
    two pages or more, or `1` on a one-page draft)."""
    candidates = []
    for page_no, items in enumerate(pages, 1):
        lines = [it for it in items if it["kind"] == "line"]
        for it in {id(x): x for x in (lines[:1] + lines[-1:])}.values():
            m = PAGE_NUMBER_RE.fullmatch(it["text"])
            if m:
                candidates.append((int(m.group(1)) - page_no, page_no, it))
    offsets: dict[int, int] = {}
    for offset, _page, _item in candidates:
        offsets[offset] = offsets.get(offset, 0) + 1
    for offset, page_no, it in candidates:
        if offsets[offset] >= 2 or (len(pages) == 1 and offset == 0):
            pages[page_no - 1].remove(it)


def _join_pages(pages: list[list[dict]]) -> None:
    """A table cut by a page break is one table: a table at the top of a page continues
    the table that ends the page before when they have as many columns (a repeated header
    row is dropped); a lone header line ending a page heads the table that starts the next.
    Page numbers between the two parts are dropped."""
    for before, after in zip(pages, pages[1:]):
        tail = [it for it in before if not _is_page_number(it)]
        head = [it for it in after if not _is_page_number(it)]
        if not tail or not head or head[0]["kind"] != "table":
            continue
        table, last = head[0], tail[-1]
        width = len(table["rows"][0]) if table["rows"] else 0
        if last["kind"] == "table" and last["rows"] and len(last["rows"][0]) == width:
            table["continues"] = True
            first = last.get("first_row") or (last["header"]["cells"] if last["header"] else last["rows"][0])
            table["first_row"] = first  # the header of the whole table, for the parts after
            if table["rows"][0] == first and len(table["rows"]) > 1:
                table["rows"] = table["rows"][1:]  # the header repeated on the new page
                table["skipped"] = 1
            cut = before.index(last) + 1
        elif last["kind"] == "line" and white_gaps(last["chars"], 1.0 * last["body"]) \
                and len(cells := cells_of_line(last["chars"], last["body"])) == width:
            table["header"] = dict(last, cells=cells)
            cut = before.index(last)
        else:
            continue
        before[:] = before[:cut]  # the page numbers after the part before (and the header, now in the table)
        after[:] = after[after.index(table):]  # the page numbers before the rest


def _goes_on(text: str) -> bool:
    """A line that continues a sentence: it starts in lower case or with a number."""
    first = text.lstrip("(\"'“ ")[:1]
    return first.isdigit() or first.islower()


class _Text:
    """The converted text being written, line by line, each line with its origin."""

    def __init__(self):
        self.out: list[str] = []
        self.places: list[LineOrigin] = []
        self.para: list[tuple[str, int, int]] = []  # the lines of the paragraph being read: (text, page, line)

    def flush(self) -> None:
        """A paragraph's wrapped lines become one line (a name or figure cut by the wrap is
        whole again); each part remembers its page and line."""
        if not self.para:
            return
        text, segments = "", []
        for part, page, line in self.para:
            if text:
                text += " "
            segments.append((len(text), page, line))
            text += part
        self.out.append(text)
        self.places.append(LineOrigin("page", self.para[0][1], self.para[0][2], segments=tuple(segments)))
        self.para.clear()

    def emit(self, text: str, place: LineOrigin) -> None:
        self.flush()
        self.out.append(text)
        self.places.append(place)

    def table(self, item: dict) -> None:
        """A table's rows as Markdown rows; a part after a page break goes on under the part before."""
        self.flush()  # the paragraph before the table ends here, and a blank line follows it
        if item["continues"]:
            while self.out and self.out[-1] == "":  # the rows go on right under the part before
                self.out.pop()
                self.places.pop()
        elif self.out and self.out[-1] != "":
            self.emit("", LineOrigin("blank"))
        head = item["header"]  # a header row left on the page before: its place is there
        rows = [(head["cells"], None)] if head is not None else []
        rows += [(row, r + item.get("skipped", 0)) for r, row in enumerate(item["rows"], 1)]
        for n, (row, r) in enumerate(rows):
            line, spans = table_row([c.replace("|", "/") for c in row])
            self.emit(line, LineOrigin("page", head["page"], head["line_no"]) if r is None
                      else LineOrigin("table", item["t_no"], r, spans, page=item["page"]))
            if n == 0 and not item["continues"]:
                self.emit("|" + "---|" * len(row), LineOrigin("blank"))
        self.emit("", LineOrigin("blank"))


def _read_pages(pdf, path: Path) -> Iterator[list[dict]]:
    """Each page's items, one page at a time, refused past the page or character limit
    (checker/limits.py) before the work on them runs away.  A page's layout (pdfminer's
    objects for every character) and pdfplumber's caches of it are dropped as soon as
    its lines are taken, so memory is bounded by a page, not by the document."""
    from checker import limits

    if len(pdf.pages) > limits.active().pdf_pages:
        raise limits.exceeded(path, _("it has {count} pages").format(count=whole(len(pdf.pages))), "pdf_pages")
    chars = 0
    for page in pdf.pages:
        try:
            tables, page_chars = _tables_and_chars(page)
            chars += len(page_chars)
            if chars > limits.active().pdf_chars:
                raise limits.exceeded(path, _("its first {pages} pages hold {count} characters").format(
                    pages=page.page_number, count=whole(chars)), "pdf_chars")
            items = _page_items(page.page_number, tables, page_chars)
        finally:
            page.close()
        yield _compact(items)


def _compact(items: list[dict]) -> list[dict]:
    """The page's items without their characters, but for the last line that is no page
    number: only it may be read again (a table's header row left at the foot of the page,
    see _join_pages).  Keeping every line's characters would hold the whole document's."""
    kept = next((it for it in reversed(items) if not _is_page_number(it)), None)
    for it in items:
        if it["kind"] == "line" and it is not kept:
            del it["chars"]
    return items


def read_pdf(path: str | Path) -> ConvertedText:
    """The draft as text (paragraphs joined across wraps and pages, Markdown table rows),
    with where each line came from."""
    path = Path(path)
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(_("{file}: reading PDF needs pdfplumber (pip install pdfplumber)").format(file=path)) from None
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises several kinds for a broken file
        raise InputError(_("{file}: not a readable PDF ({error})").format(file=path, error=type(exc).__name__)) from None
    with pdf:
        pages = list(_read_pages(pdf, path))
    _drop_page_numbers(pages)
    _join_pages(pages)
    text = _Text()
    for items in pages:
        continues = bool(items) and items[0]["kind"] == "table" and items[0]["continues"]
        # A sentence cut by the page break goes on: the paragraph stays open when it ends
        # without a full stop and the page goes on in lower case (or with a number).
        carries = bool(text.para and items) and items[0]["kind"] == "line" \
            and not re.search(r"[.:;!?…]\W*$", text.para[-1][0]) and _goes_on(items[0]["text"])
        if text.out and not continues and not carries:
            text.emit("", LineOrigin("blank"))
        prev_bottom = None
        for item in items:
            if item["kind"] == "table":
                text.table(item)
            elif prev_bottom is not None and text.para \
                    and item["top"] - prev_bottom > 0.8 * max(item["bottom"] - item["top"], item["body"]):
                text.emit("", LineOrigin("blank"))
            if item["kind"] == "line":
                text.para.append((item["text"], item["page"], item["line_no"]))
            prev_bottom = item["bottom"]
    text.flush()
    if not any(line.strip() for line in text.out):
        raise InputError(_("{file}: no text in the PDF (a scan? run OCR first)").format(file=path))
    return ConvertedText("\n".join(text.out) + "\n", tuple(text.places))
