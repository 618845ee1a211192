"""PDF drafts, read with pdfplumber (MIT) into the text the rest of the pipeline knows.

- Lines are rebuilt from characters.  A character clearly smaller than the page's body
  text and raised above its line's baseline is a superscript: digits become superscript
  digits (`7,35%¹`), so a footnote marker is never glued onto the figure (`7,35%1`).
- A paragraph ends where the gap to the next line is larger than the line spacing; pages
  are separated by a blank line.
- Ruled tables (pdfplumber's `find_tables`) become Markdown table rows; their characters
  are not read again as prose.
- Borderless tables, whose columns are kept apart only by white space, are found from
  the lines left: lines with a gap of about a character's width or more between words
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
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterator
from operator import attrgetter, itemgetter
from pathlib import Path

from checker.i18n import _, whole
from checker.places import ConvertedText, LineOrigin, table_row
from checker.records import InputError
from checker.text import TO_SUPERSCRIPT as SUPERSCRIPT



def _is_superscript(char: dict, body_size: float, baseline: float) -> bool:
    raised = baseline - char["bottom"]
    return raised > 0.3 * body_size or (char["size"] < 0.85 * body_size and raised > 0.15 * body_size)


class _Line:
    """A line being built: its characters, and its extent and largest size kept as it grows."""

    __slots__ = ("chars", "top", "bottom", "size")

    def __init__(self, ch: dict):
        self.chars = [ch]
        self.top, self.bottom, self.size = ch["top"], ch["bottom"], ch["size"]


def _lines(chars: list[dict]) -> list[list[dict]]:
    """Group characters into lines by their vertical position, each sorted left to right.
    A character joins the first line made that takes it: one it overlaps by more than a
    third of the line's height, or one it stands within as a smaller character (a
    superscript, an accent).  Characters come top down, so a line whose foot lies above
    every character still to come is closed: a character is compared only with the few
    lines open at its height, and the reading is linear.  (The loop is written out, with
    no call per character: it runs for every character of the draft.)"""
    made: list[_Line] = []
    open_: list[_Line] = []  # in the order made, as the first line that takes a character wins
    row = None
    keys = [(round(c["top"]), c["x0"]) for c in chars]
    for i in sorted(range(len(chars)), key=keys.__getitem__):
        ch = chars[i]
        if keys[i][0] != row:
            row = keys[i][0]
            # Every character from here on has its top at row - 0.5 or below it, and a line
            # takes only a character whose top is at most half a point under its foot
            # (pdfminer gives each character top <= bottom); one more point is a margin.
            open_ = [ln for ln in open_ if ln.bottom + 2.0 >= row]
        c_top, c_bottom, c_size = ch["top"], ch["bottom"], ch["size"]
        for line in open_:
            top, bottom = line.top, line.bottom
            height = bottom - top
            if c_top < bottom - 0.3 * height and c_bottom > top + 0.3 * height \
                    or (c_bottom <= bottom + 0.5 and c_top >= top - 0.5 * height and c_size < 0.85 * line.size):
                line.chars.append(ch)
                # min() and max() as written before: a tie or a NaN keeps the line's value
                if c_top < top:
                    line.top = c_top
                if c_bottom > bottom:
                    line.bottom = c_bottom
                if c_size > line.size:
                    line.size = c_size
                break
        else:
            made.append(_Line(ch))
            open_.append(made[-1])
    made.sort(key=attrgetter("top"))
    return [sorted(ln.chars, key=itemgetter("x0")) for ln in made]


def _line_text(line: list[dict], body_size: float) -> str:
    sizes = [c["size"] for c in line if c["text"].strip()]
    main = max(sizes) if sizes else body_size
    baseline = max(c["bottom"] for c in line if c["size"] >= 0.85 * main) if sizes else 0
    out, last_x1 = [], None
    for c in line:
        text = c["text"]
        if last_x1 is not None and c["x0"] - last_x1 > 0.2 * c["size"] and text != " " and out and out[-1] != " ":
            out.append(" ")  # a gap with no space character
        if text.isdigit() and _is_superscript(c, main, baseline):
            text = text.translate(SUPERSCRIPT)
        out.append(text)
        last_x1 = c["x1"]
    return unicodedata.normalize("NFC", "".join(out)).strip()


def _gaps(chars: list[dict], min_gap: float) -> list[tuple[float, float]]:
    """The white x-intervals at least `min_gap` wide between the characters' extents."""
    spans = sorted((c["x0"], c["x1"]) for c in chars if c["text"].strip())
    gaps, reach = [], None
    for x0, x1 in spans:
        if reach is not None and x0 - reach >= min_gap:
            gaps.append((reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    return gaps


def _crosses(line: list[dict], gutters: list[tuple[float, float]]) -> bool:
    """Some of the line's text lies in a gutter: it runs across the columns."""
    return any(a < (c["x0"] + c["x1"]) / 2 < b for c in line if c["text"].strip() for a, b in gutters)


def _borderless(lines: list[list[dict]], body_size: float) -> list[tuple[int, int, list[list[str]]]]:
    """Borderless tables among a page's lines: (first line index, last line index, rows of
    cell texts) for each.  A table needs two or more lines split by the same gutters."""
    def size(line):
        return statistics.median(c["size"] for c in line)

    gapped = [i for i, ln in enumerate(lines) if _gaps(ln, 1.0 * size(ln))]
    found: list[tuple[int, int, list[list[str]]]] = []
    group: list[int] = []
    for i in gapped + [None]:
        if i is not None and group and i - group[-1] <= 3:
            group.append(i)
            continue
        if len(group) >= 2:
            found.extend(_table_in(lines, group, body_size))
        group = [i] if i is not None else []
    return found


def _top(line: list[dict]) -> float:
    return min(c["top"] for c in line)


def _table_in(lines, group: list[int], body_size: float):
    """The table, if any, in a run of gapped lines and the lines between them (a wrapped
    cell's other lines).  Its gutters are the white x-intervals of all those lines; a
    line of prose among them, running across, leaves none."""
    first, last = group[0], group[-1]
    chars = [c for i in range(first, last + 1) for c in lines[i]]
    gutters = _gaps(chars, 0.8 * statistics.median(c["size"] for c in chars))
    if not gutters:
        return []
    pitch = min(_top(lines[i + 1]) - _top(lines[i]) for i in range(first, last))

    def belongs(i: int, neighbour: int) -> bool:
        """A wrapped cell's line just above or below the gapped lines is part of the table."""
        return abs(_top(lines[i]) - _top(lines[neighbour])) <= 1.6 * pitch \
            and not _crosses(lines[i], gutters) and _within(lines[i], chars)

    while first > 0 and belongs(first - 1, first):
        first -= 1
    while last + 1 < len(lines) and belongs(last + 1, last):
        last += 1
    chars = [c for i in range(first, last + 1) for c in lines[i]]
    edges = [min(c["x0"] for c in chars)] + [x for g in gutters for x in g] + [max(c["x1"] for c in chars)]
    return [(first, last, _rows(chars, list(zip(edges[::2], edges[1::2])), body_size))]


def _within(line: list[dict], chars: list[dict]) -> bool:
    """The line lies inside the table's width (a wrapped cell, not a margin note)."""
    return min(c["x0"] for c in line) >= min(c["x0"] for c in chars) - 1 \
        and max(c["x1"] for c in line) <= max(c["x1"] for c in chars) + 1


def _rows(chars: list[dict], columns: list[tuple[float, float]], body_size: float) -> list[list[str]]:
    """Cells of a borderless table.  In each column, lines closer than the row spacing are
    one wrapped cell; cells that overlap vertically across columns make one row."""
    col_lines: list[list[list[dict]]] = []
    for x0, x1 in columns:
        inside = [c for c in chars if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5]
        col_lines.append([ln for ln in _lines(inside) if any(c["text"].strip() for c in ln)])
    pitches = sorted(_top(b) - _top(a)
                     for lns in col_lines for a, b in zip(lns, lns[1:]))
    # Two spacings: the line spacing within a wrapped cell, and the larger one between rows
    # (the line spacing plus the cells' padding).  The smallest pitches are the line
    # spacing if the next larger pitch is a jump of more than a fifth but less than
    # double: double is an empty cell between two one-line rows, not a wrapped cell.
    # With no such jump, every line is a row of its own.
    wrap = 0.0
    for small, large in zip(pitches, pitches[1:]):
        if large > 1.2 * small:
            if large < 1.9 * small:
                wrap = small
            break
    cells = []  # (top, bottom, column, text)
    for col, lns in enumerate(col_lines):
        block: list[list[dict]] = []
        for ln in lns + [None]:
            if ln is not None and block and _top(ln) - _top(block[-1]) <= wrap + 0.5:
                block.append(ln)
                continue
            if block:
                cells.append((_top(block[0]), max(c["bottom"] for c in block[-1]), col,
                              " ".join(_line_text(b, body_size) for b in block)))
            block = [ln] if ln is not None else []
    cells.sort()
    rows: list[tuple[float, dict[int, str]]] = []  # (bottom, texts by column)
    for top, bottom, col, text in cells:
        if rows and top < rows[-1][0] - 1.0:  # overlaps the row being built
            row = rows[-1][1]
            row[col] = row[col] + " " + text if col in row else text
            rows[-1] = (max(rows[-1][0], bottom), row)
        else:
            rows.append((bottom, {col: text}))
    return [[row.get(col, "") for col in range(len(columns))] for _, row in rows]


PAGE_NUMBER_RE = re.compile(r"[-–\s]*(?:Trang\s+)?(\d{1,4})(?:\s*/\s*\d{1,4})?[-–\s]*", re.I)


def _cells_of_line(line: list[dict], body_size: float) -> list[str]:
    """A single line split at its wide gaps: the cells of a header row standing alone."""
    size = statistics.median(c["size"] for c in line)
    cuts = [b for _, b in _gaps(line, 0.8 * size)]
    cells: list[list[dict]] = [[]]
    for c in line:
        if cuts and c["x0"] >= cuts[0] - 0.01:
            cuts.pop(0)
            cells.append([])
        cells[-1].append(c)
    return [_line_text(cell, body_size) for cell in cells if cell]


def _tables_and_chars(page, glyphs: dict) -> tuple[list, list[dict]]:
    """A page's ruled tables and its characters.  A page where nothing but text is drawn
    has no ruled table, and its characters are read by checker/pdf_chars.py with only the
    fields this module reads (pdfminer's objects for each character and pdfplumber's
    dicts of all their attributes are most of the time of reading a page of prose)."""
    from checker.pdf_chars import Drawn, page_chars

    if page.pdf.unicode_norm is None:
        try:
            return [], page_chars(page, glyphs)
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
    lines = _lines(chars)
    grids = [(t.bbox[1], t.bbox[3], [[" ".join((c or "").split()) for c in row] for row in t.extract()])
             for t in tables]
    in_grid: set[int] = set()
    for first, last, rows in _borderless(lines, body_size):
        in_grid.update(range(first, last + 1))
        grids.append((_top(lines[first]), max(c["bottom"] for c in lines[last]), rows))
    items = []
    for line_no, line in enumerate(lines, 1):
        if line_no - 1 in in_grid:
            continue
        text = _line_text(line, body_size)
        if text:
            items.append({"kind": "line", "top": _top(line), "bottom": max(c["bottom"] for c in line),
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
    for offset, _, _ in candidates:
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
        elif last["kind"] == "line" and _gaps(last["chars"], 1.0 * last["body"]) \
                and len(cells := _cells_of_line(last["chars"], last["body"])) == width:
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
    chars, glyphs = 0, {}
    for page in pdf.pages:
        try:
            tables, page_chars = _tables_and_chars(page, glyphs)
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
