"""Word (.docx) drafts: read as the text the rest of the pipeline knows, with each line
mapped back to its place in the document.

A .docx is a zip of XML parts.  Before anything is decompressed the archive's entries are
checked (count, total size, compression ratio), so a zip bomb is refused with little
memory; XML is parsed with defusedxml, which never resolves entities or fetches DTDs.

What is read, in document order:
- paragraphs: the text as it reads after accepting every tracked change — runs inside
  `w:ins` are kept, `w:del` and `w:moveFrom` dropped (python-docx's `paragraph.text`
  would drop the insertions);
- headings from the paragraph style (`Heading 1` → `#`), list paragraphs as list items;
- tables, row by row, as Markdown rows (`| a | b |`) with a rule after the first row;
- footnotes from `word/footnotes.xml`: the reference mark in the body becomes a
  superscript number (numbered in order of reference, as Word shows them) and the footnote
  text follows the body as a `¹ …` line.

A location in the document is a paragraph (its index among the body's paragraphs), a
table cell (table, row, cell, all 1-based) or a footnote, plus the character offset.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

from checker.i18n import N_, _, whole
from checker.places import ConvertedText, LineOrigin, table_row
from checker.records import InputError
from checker.text import TO_SUPERSCRIPT as SUPERSCRIPT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MAX_ENTRIES = 2000
MAX_TOTAL = 200 * 1024 * 1024  # uncompressed bytes over all entries
MAX_RATIO = 200  # uncompressed / compressed, for any entry over 1 MiB

LEGACY_FONT_RE = re.compile(r"^(?:\.Vn|VNI[- ]|VNtimes)", re.I)


def check_archive(path: Path, what: str = N_("a Word document (.docx)")) -> zipfile.ZipFile:
    """Open a zip after checking it cannot blow up: few entries, bounded size and ratio."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InputError(_("{file}: not {what}: that is a zip archive, and this is not one").format(
            file=path, what=_(what))) from None
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise InputError(_("{file}: refused: {count} entries in the archive (at most {most})").format(
            file=path, count=whole(len(entries)), most=whole(MAX_ENTRIES)))
    total = sum(e.file_size for e in entries)
    if total > MAX_TOTAL:
        raise InputError(_("{file}: refused: it would unpack to {size} MiB (at most {most} MiB); possibly a zip "
                           "bomb").format(file=path, size=whole(total // (1024 * 1024)),
                                          most=whole(MAX_TOTAL // (1024 * 1024))))
    for e in entries:
        if e.file_size > 1024 * 1024 and e.file_size > MAX_RATIO * max(e.compress_size, 1):
            raise InputError(_("{file}: refused: entry {entry} is compressed {ratio}:1; possibly a zip bomb").format(
                file=path, entry=e.filename, ratio=e.file_size // max(e.compress_size, 1)))
    return archive


def parse_part(archive: zipfile.ZipFile, name: str, path: Path):
    """A part of an OOXML archive parsed safely (no DTD, no entities), or None if absent."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    from checker import limits

    try:
        size = archive.getinfo(name).file_size
    except KeyError:
        return None
    if size > limits.active().docx_xml_bytes:  # parsed XML takes ten times its size in memory
        raise limits.exceeded(path, _("its part {part} unpacks to {size} bytes of XML").format(part=name, size=whole(size)),
                              "docx_xml_bytes")
    data = archive.read(name)
    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise InputError(_("{file}: {part}: refused: the XML declares a DTD or entities").format(file=path, part=name)) from None
    except Exception as exc:  # ParseError: position in the part
        where = getattr(exc, "position", None)
        at = f":{where[0]}:{where[1] + 1}" if where else ""
        raise InputError(_("{file}: {part}{at}: not well-formed XML").format(file=path, part=name, at=at)) from None


class _Reader:
    def __init__(self):
        self.footnote_order: dict[str, int] = {}  # w:id → number shown
        self.legacy_font: str | None = None

    def runs_text(self, element, marks: dict[tuple[str, str], int] | None = None) -> str:
        """Text of a paragraph as it reads with every tracked change accepted; `marks`, when
        given, receives the offset in that text of each comment range's start and end
        (("start" or "end", comment id) → offset)."""
        out: list[str] = []
        raw_marks: dict[tuple[str, str], int] = {}

        def walk(node, deleted: bool) -> None:
            tag = node.tag
            if tag in (W + "del", W + "moveFrom"):
                deleted = True
            if marks is not None and tag in (W + "commentRangeStart", W + "commentRangeEnd"):
                raw_marks[("start" if tag == W + "commentRangeStart" else "end", node.get(W + "id"))] = \
                    sum(map(len, out))
            if not deleted:
                if tag == W + "t":
                    out.append(node.text or "")
                elif tag == W + "tab":
                    out.append(" ")
                elif tag in (W + "br", W + "cr"):
                    out.append(" ")
                elif tag == W + "noBreakHyphen":
                    out.append("-")
                elif tag == W + "footnoteReference":
                    fid = node.get(W + "id")
                    number = self.footnote_order.setdefault(fid, len(self.footnote_order) + 1)
                    out.append(str(number).translate(SUPERSCRIPT))
                elif tag == W + "rFonts" and self.legacy_font is None:
                    for attr in ("ascii", "hAnsi", "cs"):
                        font = node.get(W + attr) or ""
                        if LEGACY_FONT_RE.match(font):
                            self.legacy_font = font
            for child in node:
                walk(child, deleted)

        walk(element, False)
        raw = "".join(out)
        if marks is not None:  # offsets in the normalised text, as the figures' columns count
            marks.update({k: len(unicodedata.normalize("NFC", raw[:pos])) for k, pos in raw_marks.items()})
        return unicodedata.normalize("NFC", raw).replace("\t", " ")

    @staticmethod
    def style(p) -> str:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return ""
        s = ppr.find(W + "pStyle")
        style = (s.get(W + "val") or "") if s is not None else ""
        if ppr.find(W + "numPr") is not None and not style.lower().startswith("heading"):
            return "list"
        return style


def read_docx(path: str | Path) -> ConvertedText:
    """The draft as text (headings, paragraphs, Markdown table rows, footnotes), with
    where each line came from."""
    path = Path(path)
    archive = check_archive(path)
    with archive:
        body_root = parse_part(archive, "word/document.xml", path)
        if body_root is None:
            raise InputError(_("{file}: not a Word document (no word/document.xml)").format(file=path))
        notes_root = parse_part(archive, "word/footnotes.xml", path)
    body = body_root.find(W + "body")
    if body is None:
        raise InputError(_("{file}: word/document.xml: no document body").format(file=path))
    reader = _Reader()
    lines: list[str] = []
    places: list[LineOrigin] = []

    def emit(text: str, place: LineOrigin) -> None:
        lines.append(text)
        places.append(place)

    paragraph_no = table_no = 0
    for child in body:
        if child.tag == W + "p":
            paragraph_no += 1
            raw = reader.runs_text(child)
            text = raw.strip()
            lead = len(raw) - len(raw.lstrip())  # offsets count from the paragraph's first character
            if not text:
                continue
            style = reader.style(child)
            m = re.match(r"heading\s*(\d)", style, re.I)
            prefix = "#" * int(m.group(1)) + " " if m else ("- " if style == "list" else "")
            if lines and places[-1].kind != "blank":
                emit("", LineOrigin("blank"))
            emit(prefix + text, LineOrigin("paragraph", paragraph_no, prefix=len(prefix) - lead))
        elif child.tag == W + "tbl":
            table_no += 1
            if lines and places[-1].kind != "blank":
                emit("", LineOrigin("blank"))
            for row_no, tr in enumerate(child.iter(W + "tr"), 1):
                cells, real = [], []
                for tc in tr.findall(W + "tc"):
                    parts = [reader.runs_text(p).strip() for p in tc.iter(W + "p")]
                    real.append(len(cells))
                    cells.append(" ".join(x for x in parts if x).replace("|", "/"))
                    # A cell merged across columns (`Tỉnh A (cũ)` over `Nghị quyết | Thực hiện`)
                    # stands over blank cells, so that the columns of every row line up.
                    span = tc.find(W + "tcPr/" + W + "gridSpan")
                    cells.extend([""] * (int(span.get(W + "val") or 1) - 1 if span is not None else 0))
                line, spans = table_row(cells)
                emit(line, LineOrigin("table", table_no, row_no, tuple(spans[i] for i in real)))
                if row_no == 1:
                    emit("|" + "---|" * len(cells), LineOrigin("blank"))
            emit("", LineOrigin("blank"))
    if notes_root is not None:
        _footnotes(reader, notes_root, emit)
    if reader.legacy_font:
        raise InputError(_("{file}: set in the legacy Vietnamese font {font} (TCVN3/VNI), not Unicode; convert it "
                           "to Unicode (e.g. Unikey's converter) and check again").format(file=path,
                                                                                         font=reader.legacy_font))
    return ConvertedText("\n".join(lines) + "\n", tuple(places))


def _footnotes(reader: _Reader, notes_root, emit) -> None:
    """The footnotes the body refers to, in the order of their numbers, after the body."""
    notes = {n.get(W + "id"): n for n in notes_root.iter(W + "footnote")}
    for fid, number in sorted(reader.footnote_order.items(), key=lambda kv: kv[1]):
        note = notes.get(fid)
        if note is None:
            continue
        text = " ".join(t for t in (reader.runs_text(p).strip() for p in note.iter(W + "p")) if t)
        # The footnote's own reference mark (w:footnoteRef) is not text; we write the number.
        prefix = str(number).translate(SUPERSCRIPT) + " "
        emit("", LineOrigin("blank"))
        emit(prefix + text, LineOrigin("footnote", number, prefix=len(prefix)))


# --- comments: an editor accepting a finding in Word --------------------------------------

def comment_suppressions(path: str | Path, origins) -> list:
    """The suppressions written as Word comments (`checker-ignore SV01: lý do`), each
    covering what its range spans on the line of the converted text (`origins`, from
    `read_docx`) that holds its start: the figure the comment is anchored on, not the other
    figures of its paragraph, table row or footnote.  Other comments are not read."""
    from checker.markers import comment_suppression

    path = Path(path)
    with check_archive(path) as archive:
        notes = parse_part(archive, "word/comments.xml", path)
        if notes is None:
            return []
        body_root = parse_part(archive, "word/document.xml", path)
        footnotes_root = parse_part(archive, "word/footnotes.xml", path)
    if body_root is None:
        return []
    reader = _Reader()
    texts = {c.get(W + "id"): " ".join(t for t in (reader.runs_text(p).strip() for p in c.iter(W + "p")) if t)
             for c in notes.iter(W + "comment")}
    lines = {(o.kind, o.index, o.row if o.kind == "table" else 0): n
             for n, o in enumerate(origins, 1) if o.kind in ("paragraph", "table", "footnote")}
    anchors = _comment_anchors(body_root.find(W + "body"))
    if footnotes_root is not None:
        anchors += _footnote_comment_anchors(body_root, footnotes_root)
    found = []
    for (kind, index, row), ranges in anchors:
        line = lines.get((kind, index, row))
        at = (_("comment on table {table}, row {row}").format(table=index, row=row) if kind == "table" else
              _("comment on paragraph {number}").format(number=index) if kind == "paragraph" else
              _("comment on footnote {number}").format(number=index))
        for cid, (start, end) in ranges.items():
            s = comment_suppression(str(path), line or 0, texts.get(cid, ""), at)
            if s is not None and line:
                span = (_column(origins[line - 1], start), _column(origins[line - 1], end))
                found.append(replace(s, span=(min(span), max(span))))
    return found


# A place in a block: (cell index in a table row, or 0; offset in that text).
Spot = tuple[int, int]


def _column(origin, spot: Spot) -> int:
    """The column (1-based) of the converted line at a place in its block."""
    cell, offset = spot
    if origin.kind == "table":
        return origin.cells[min(cell, len(origin.cells) - 1)][0] + offset + 1
    return origin.prefix + offset + 1


def _ranges(pieces: list[tuple[int, list]], raw: bool = False) -> dict[str, tuple[Spot, Spot]]:
    """The range (start, end) of each comment that starts in a block, given as its pieces:
    (cell index, the paragraphs of that cell) in order.  A cell or footnote reads as its
    paragraphs' stripped texts joined by spaces (as `read_docx` writes it); a body
    paragraph (`raw`) as its whole text, the offsets counting from its first character.
    A range that ends beyond the block runs to the block's end."""
    reader = _Reader()
    starts: dict[str, Spot] = {}
    ends: dict[str, Spot] = {}
    last: Spot = (0, 0)
    for cell, paragraphs in pieces:
        length = 0
        for p in paragraphs:
            marks: dict[tuple[str, str], int] = {}
            text = reader.runs_text(p, marks)
            part = text if raw else text.strip()
            lead = 0 if raw else len(text) - len(text.lstrip())
            base = length + (1 if length and part else 0)
            for (which, cid), pos in marks.items():
                (starts if which == "start" else ends)[cid] = (cell, base + min(max(pos - lead, 0), len(part)))
            if part:
                length = base + len(part)
        last = (cell, length)
    return {cid: (start, ends.get(cid, last) if ends.get(cid, last) >= start else last)
            for cid, start in starts.items()}


def _comment_anchors(body) -> list[tuple[tuple[str, int, int], dict[str, tuple[Spot, Spot]]]]:
    """The ranges of the comments that start in each body paragraph and table row, by
    (kind, paragraph or table number, row) counted the way `read_docx` counts them."""
    out = []
    paragraph_no = table_no = 0
    for child in body if body is not None else ():
        if child.tag == W + "p":
            paragraph_no += 1
            if child.find(".//" + W + "commentRangeStart") is not None:
                out.append((("paragraph", paragraph_no, 0), _ranges([(0, [child])], raw=True)))
        elif child.tag == W + "tbl":
            table_no += 1
            for row_no, tr in enumerate(child.iter(W + "tr"), 1):
                if tr.find(".//" + W + "commentRangeStart") is not None:
                    cells = [(i, list(tc.iter(W + "p"))) for i, tc in enumerate(tr.findall(W + "tc"))]
                    out.append((("table", table_no, row_no), _ranges(cells)))
    return out


def _footnote_comment_anchors(body_root, footnotes_root) -> list[tuple[tuple[str, int, int], dict]]:
    """The comments whose range starts in a footnote, by the footnote's number as shown
    (the order of first reference in the body, as `read_docx` numbers them)."""
    reader = _Reader()
    reader.runs_text(body_root)  # numbers the references in reading order, deletions left out
    out = []
    for note in footnotes_root.iter(W + "footnote"):
        number = reader.footnote_order.get(note.get(W + "id"))
        if number and note.find(".//" + W + "commentRangeStart") is not None:
            out.append((("footnote", number, 0), _ranges([(0, list(note.iter(W + "p")))])))
    return out
