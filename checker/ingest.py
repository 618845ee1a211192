"""Ingest: read text and Markdown files into documents made of located blocks."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from checker.i18n import _, os_reason, whole
from checker import limits
from checker.markers import blank_markers
from checker.places import ConvertedText
from checker.records import Block, Document, InputError
from checker.table_header import (
    PIPE_ROW_RE,
    PIPE_RULE_RE,
    continues_header,
    merge_header,
    rule_follows,
    split_pipes,
    split_tabs,
)
from checker.text import SUPERSCRIPT_DIGITS

# A document starts with a national or party motto; its issuing body's name
# may stand on the line just before.
MOTTO_RE = re.compile(r"^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM)\b")
ISSUER_RE = re.compile(r"^(TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|BAN CHẤP HÀNH|ĐẠI HỘI|ỦY BAN|UỶ BAN|HỘI ĐỒNG)\b")
DOC_TITLE_RE = re.compile(r"^(BÁO CÁO|NGHỊ QUYẾT|DỰ THẢO|TỜ TRÌNH|KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|QUYẾT ĐỊNH|PHỤ LỤC)\b")
HEADER_CELL_RE = re.compile(r" \| |\t")
PLACE_DATE_RE = re.compile(r"^([^,\d]{2,40}), ngày\b.*năm (\d{4})")
CONTENTS_RE = re.compile(r"^(DANH MỤC TÀI LIỆU|MỤC LỤC)\b")

ROMAN_RE = re.compile(r"^[IVX]{1,5}\.\s")
ARTICLE_RE = re.compile(r"^Điều \d{1,3}\.\s")
HEADING_PATTERNS = [
    (1, re.compile(r"^Phần thứ (nhất|hai|ba|tư|năm|sáu)\b", re.I)),
    (2, ROMAN_RE),
    (2, ARTICLE_RE),  # a resolution's articles
    (4, re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s")),
    (3, re.compile(r"^\d{1,2}\.\d{1,2}\.?\s")),
    (3, re.compile(r"^\d{1,2}\.\s")),
    (5, re.compile(r"^\*\s+\S")),
    (5, re.compile(r"^[a-zđ]\)\s")),
]
HEADING_LEVEL_OF_DOTTED = {1: 3, 2: 4, 3: 5}
BOLD_LINE_RE = re.compile(r"\*\*([^*]+)\*\*")
LIST_RE = re.compile(r"^(?:[-+•–]\s+(?:\*\*)?(?:\(?\d{1,2}[.)]\)?(?:\*\*)?\s+)?|\(\d{1,2}\)\s+)")
# A footnote line opens with its number: superscript, TeX (`$^{14}$`) or Markdown (`[^14]:`).
FOOTNOTE_RE = re.compile(rf"^\s*(?:([{SUPERSCRIPT_DIGITS}]+)|(?:\$\^\{{\^?\{{?|\[\^)(\d{{1,3}})(?:\}}\}}?\$|\]:))\s*")
# A footnote marker inside a block's text has one of three forms, which share no character:
# a run of superscript digits after a word (or one space after it), a TeX or Markdown
# marker after a word (or one space after it), and one or two digits after `% ` that end
# a sentence or run into the next one (a superscript lost in extraction).  Each form is
# looked for on its own, by the character it opens with (a pattern that opens with a
# look-behind is tried at every position of the text).
SUPERSCRIPT_RUN_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
WRITTEN_MARKER_RE = re.compile(r"(?<=\S)\s?(\$\^\{\^?\{?(\d{1,3})\}\}?\$|\[\^(\d{1,3})\](?!:))")
LOST_MARKER_RE = re.compile(r"%\s(\d{1,2})(?=\s*$|\.(?:\s|$)|\s[A-ZĐÀ-Ỹ])")
# A superscript digit right after a word or one space after it: a footnote cited (the digit
# first: a pattern that opens with "any character but a space" is tried at every position).
SUPERSCRIPT_CITE_RE = re.compile(rf"[{SUPERSCRIPT_DIGITS}](?:(?<=[^\s{SUPERSCRIPT_DIGITS}].)|(?<=[^\s{SUPERSCRIPT_DIGITS}]\s.))")
# An article's opening line that introduces its items (ends with `:`) and states no figure
# but years and document numbers (`Nghị quyết số 202/2025/QH15`).
ARTICLE_LEAD_RE = re.compile(r"^Điều \d{1,3}\.\s(?:[^\d:]|(?<!\d)(?:19|20)\d{2}(?!\d)|\S*\d+/\S*|:(?!\s*$))*:\s*$")
RUN_IN_RE = re.compile(r"(?<=%)\s(\d{1,2})\s(?=[A-ZĐÀ-Ỹ])")
SUPERSCRIPT_VALUE = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}


def superscript_number(text: str) -> int:
    return int("".join(SUPERSCRIPT_VALUE[ch] for ch in text))


@functools.lru_cache(maxsize=64)
def _converted(path: str, mtime_ns: int, size: int) -> ConvertedText:
    """A Word or PDF draft as text, converted once per version of the file in a run (the
    input check and the parse both read it)."""
    if path.lower().endswith(".pdf"):
        from checker.pdf import read_pdf

        return read_pdf(path)
    from checker.docx import read_docx

    return read_docx(path)


def read_draft(path: str | Path) -> ConvertedText:
    """A draft's text and, for a Word or PDF draft, the origin of each of its lines."""
    p = Path(path)
    if p.suffix.lower() in (".pdf", ".docx") and p.is_file():
        stat = p.stat()
        return _converted(str(p), stat.st_mtime_ns, stat.st_size)
    return ConvertedText(read_text(p), ())


def read_text(path: str | Path) -> str:
    """Read a text file (UTF-8, UTF-16 with a byte-order mark or Windows-1258; a Word or PDF
    draft, as text) normalised to NFC, or raise InputError saying what the file is."""
    from checker.text_encoding import OFFICE_FILES, SAVE_AS_DOCX, decode_draft

    p = Path(path)
    info = regular_file(p)
    if p.suffix.lower() in (".pdf", ".docx"):
        text = read_draft(p).text
        if len(text) > limits.active().draft_bytes:
            raise limits.exceeded(p, _("its text is {count} characters").format(count=whole(len(text))), "draft_bytes")
        return text
    if p.suffix.lower() in OFFICE_FILES:
        raise InputError(_("{file}: {what}, which checker does not read; {advice}").format(
            file=p, what=_(OFFICE_FILES[p.suffix.lower()]), advice=_(SAVE_AS_DOCX)))
    cap = limits.active().draft_bytes
    if info.st_size > cap:
        raise limits.exceeded(p, _("it is {count} bytes").format(count=whole(info.st_size)), "draft_bytes")
    try:
        with p.open("rb") as handle:
            raw = handle.read(cap + 1)  # a file that grows, or lies about its size, stops here too
    except OSError as exc:
        raise InputError(_("{file}: cannot read: {reason}").format(file=p, reason=os_reason(exc))) from None
    if len(raw) > cap:
        raise limits.exceeded(p, _("it is more than {count} bytes").format(count=whole(cap)), "draft_bytes")
    return decode_draft(raw, p)


def regular_file(p: Path):
    """The file's status, after refusing what is not a regular file: a missing file, a
    folder, a FIFO (reading it would wait for ever) or a device (`/dev/zero` never ends)."""
    import stat

    try:
        info = p.stat()
    except FileNotFoundError:
        raise InputError(_("{file}: no such file").format(file=p)) from None
    except OSError as exc:
        raise InputError(_("{file}: cannot read: {reason}").format(file=p, reason=os_reason(exc))) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(_("{file}: is a folder, not a file").format(file=p))
    if not stat.S_ISREG(info.st_mode):
        what = _("a FIFO (named pipe)") if stat.S_ISFIFO(info.st_mode) else _("a device or special file")
        raise InputError(_("{file}: {what}, not a regular file; save the draft to a file and check that").format(
            file=p, what=what))
    return info


def heading_level(line: str) -> int | None:
    stripped = line.strip()
    bold = BOLD_LINE_RE.fullmatch(stripped)
    if bold:  # `**Điều 2. Dự toán ngân sách năm 2026**`: Markdown's bold line is its heading
        stripped = bold.group(1).strip()
    if not stripped:
        return None
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(stripped):
            if ARTICLE_LEAD_RE.match(stripped):
                return level  # (`Điều 1. Phê chuẩn quyết toán … năm 2024 …, như sau:` heads the article's items)
            if level in (2, 3, 4, 5) and (len(stripped) > 220 or stripped.rstrip("*").endswith((".", ";", ":"))):
                return None
            if level == 3 and "." in stripped.split(" ", 1)[0][:-1]:
                depth = stripped.split(" ", 1)[0].rstrip(".").count(".") + 1
                return HEADING_LEVEL_OF_DOTTED.get(depth, 5)
            return level
    if len(stripped) < 400 and stripped == stripped.upper() and sum(ch.isalpha() for ch in stripped) >= 6:
        return 1
    return None


def _document_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for i, line in enumerate(lines):
        if MOTTO_RE.match(line.strip()) and i > 0:
            j = i - 1
            while j > 0 and not lines[j].strip():
                j -= 1
            start = j if ISSUER_RE.match(lines[j].strip()) else i
            if start > starts[-1] + 2:
                starts.append(start)
    return starts


def _issuer(lines: list[str], first: int, last: int) -> str | None:
    """The issuing body's line at the head of a document (`**ỦY BAN NHÂN DÂN TỈNH X**`),
    before its title; None where there is none."""
    for i in range(first, min(last, first + 8)):
        s = MD_MARKS_RE.sub("", HEADER_CELL_RE.split(lines[i])[0]).strip()
        if DOC_TITLE_RE.match(s):
            return None
        if ISSUER_RE.match(s):
            return s
    return None


def _doc_meta(lines: list[str], first: int, last: int) -> tuple[str, str, int | None, str | None]:
    title, kind, year, place = "", "document", None, None
    for i in range(first, min(last, first + 30)):
        # (Markdown's marks and a header row's cells: `**Số: 27/NQ** | *Đồng Nai, ngày 10 ...*`,
        # or the two columns of a header laid out with a tab: `Số: 38/NQ-HĐND<TAB>Bắc Ninh, ngày ...`)
        pieces = [MD_MARKS_RE.sub("", p).strip() for p in HEADER_CELL_RE.split(lines[i])]
        s = pieces[0]
        if not any(pieces):
            continue
        m = next(filter(None, (PLACE_DATE_RE.match(p) for p in pieces)), None)
        if m and year is None:
            place, year = m.group(1).strip(), int(m.group(2))
            continue
        if not title and DOC_TITLE_RE.match(s):
            title = s
            if s in ("BÁO CÁO", "NGHỊ QUYẾT", "TỜ TRÌNH") or len(s) < 12:
                nxt = next((MD_MARKS_RE.sub("", lines[k]).strip() for k in range(i + 1, min(last, i + 4))
                            if lines[k].strip()), "")
                title = f"{s} {nxt}".strip()
    if not title:
        title = next((lines[k].strip() for k in range(first, last) if lines[k].strip()), "")
    upper = title.upper()
    if "NGHỊ QUYẾT" in upper:
        kind = "resolution"
    elif "KIỂM ĐIỂM" in upper:
        kind = "review"
    elif "CHÍNH TRỊ" in upper:
        kind = "political_report"
    elif "BÁO CÁO" in upper:
        kind = "report"
    return title, kind, year, place


MD_HEADING_RE = re.compile(r"^(#{1,6})\s+")
MD_MARKS_RE = re.compile(r"^#{1,6}\s+|\*{1,2}|(?<!\w)_{1,2}|_{1,2}(?!\w)")


# (a unit may stand right after its number: `24.000km²`)
UNIT_EXPONENT_RE = re.compile(r"(?:[^\w]|\d)(?:k|c|d)?m\s?$")
MAX_MARKER_DIGITS = 4  # a run of more superscript digits is no footnote number


def body_markers(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Footnote markers inside a block's text: (footnote number, offset), those from `start` on."""
    found = []
    for m in SUPERSCRIPT_RUN_RE.finditer(text, start):
        offset, digits = m.start(), m.group(0)
        if len(digits) > MAX_MARKER_DIGITS or not _after_word(text, offset):
            continue
        window = ("" if offset > 5 else " ") + text[max(0, offset - 5):offset]  # " ": the start of the text
        if digits in ("²", "³") and UNIT_EXPONENT_RE.search(window):
            continue  # `km²`, `m³`: a unit's exponent, not a footnote marker
        found.append((superscript_number(digits), offset))
    if "$^" in text or "[^" in text:
        for m in WRITTEN_MARKER_RE.finditer(text, max(0, start - 2)):
            if m.start(1) >= start:
                found.append((int(m.group(2) or m.group(3)), m.start(1)))
    # `bằng 8,3% 17.`: a marker whose superscript was lost in extraction.
    for m in LOST_MARKER_RE.finditer(text, max(0, start - 3)):
        if m.start(1) >= start:
            found.append((int(m.group(1)), m.start(1)))
    found.sort(key=lambda marker: marker[1])
    return found


def _after_word(text: str, offset: int) -> bool:
    """Whether a run of superscript digits at `offset` follows a word or a mark, right
    after it or one space after it (and is no part of a longer run)."""
    before = text[max(0, offset - 2):offset]
    if before[-1:].isspace():
        before = before[:-1]
    return bool(before) and not before[-1].isspace() and before[-1] not in SUPERSCRIPT_DIGITS


def parse(path: str | Path, text: str | None = None, origins: tuple = ()) -> list[Document]:
    """Split a file into documents and blocks, each block with its location; a Word or
    PDF draft's documents carry the origin of each line of its text.  A caller that has
    read the draft already gives its text (and, for Word or PDF, its lines' origins)."""
    if text is None:
        draft = read_draft(path)
        text, origins = draft.text, draft.origins
    text = blank_markers(text)  # suppression markers are not part of the draft's text
    path = str(path)
    lines = text.splitlines()
    starts = _document_starts(lines)
    documents: list[Document] = []
    bounds = list(zip(starts, starts[1:] + [len(lines)]))
    for index, (first, last) in enumerate(bounds):
        title, kind, year, place = _doc_meta(lines, first, last)
        issuer = None if place else _issuer(lines, first, last)
        if index == 0 and len(bounds) > 1 and any(CONTENTS_RE.match(lines[i].strip()) for i in range(first, last)):
            kind = "front_matter"
        doc = Document(path, index, title, kind, year=year, line=first + 1, province=place, origins=origins,
                       issuer=issuer)
        _blocks(doc, lines, first, last)
        infer_footnotes(doc)
        documents.append(doc)
    return documents


def _blocks(doc: Document, lines: list[str], first: int, last: int) -> None:
    section: list[tuple[int, str]] = []
    table_id = None
    header: tuple[str, ...] = ()
    header_rows: list[tuple[str, ...]] = []  # the raw rows of the current table's header
    header_blocks: list[Block] = []
    in_body = False
    tables = 0
    in_contents = False
    joined: dict[int, list[str]] = {}  # the pieces of paragraphs cut by page breaks, by block index
    for i in range(first, last):
        raw = lines[i]
        if not raw.strip():
            continue
        line_no = i + 1
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        column = lead + 1
        is_pipe = bool(PIPE_ROW_RE.match(raw))
        if is_pipe and PIPE_RULE_RE.match(raw):
            continue  # the |---|---| line under a Markdown table's header
        spans = cells_text = None
        if "\t" in raw and not is_pipe and (table_id is None or not header):
            spans = split_tabs(raw.rstrip("\n"))
            cells_text = tuple(raw[a:b].strip() for a, b in spans)
            if sum(1 for c in cells_text if c) <= 1:
                # `\t\t\t\tĐơn vị: triệu đồng`, `\tGIÁM ĐỐC`: one text pushed right with tabs
                # opens no table (a header has two headings at least): a line of text.
                raw, spans = raw.replace("\t", " "), None
        if "\t" in raw or is_pipe:
            text = raw.rstrip("\n")
            spans = spans or (split_pipes(text) if is_pipe else split_tabs(text))
            cells_text = tuple(text[a:b].strip() for a, b in spans)
            if table_id is None or (not header):
                tables += 1
                table_id = tables
                header_rows, in_body = [cells_text], False
                header = merge_header(header_rows)
                header_blocks = [Block("table_header", text, line_no, 1, doc.index, 0, _sec(section),
                                       cells=spans, table=table_id, header=header)]
                doc.blocks.append(header_blocks[0])
                continue
            if cells_text in header_rows:
                continue  # the header repeated after a page break
            if not in_body and continues_header(header_rows, cells_text, is_pipe and rule_follows(lines, i, last)):
                header_rows.append(cells_text)
                header = merge_header(header_rows)
                header_blocks.append(Block("table_header", text, line_no, 1, doc.index, 0, _sec(section),
                                           cells=spans, table=table_id, header=header))
                doc.blocks.append(header_blocks[-1])
                for b in header_blocks:
                    b.header = header
                continue
            in_body = True
            kind = "contents_row" if in_contents else "table_row"
            doc.blocks.append(Block(kind, text, line_no, 1, doc.index, 0, _sec(section),
                                    cells=spans, table=table_id, header=header))
            continue
        if table_id is not None:
            nxt = next((lines[k] for k in range(i, last) if lines[k].strip()), "")
            if "\t" not in nxt and not PIPE_ROW_RE.match(nxt):
                table_id, header, header_rows = None, (), []
        if CONTENTS_RE.match(content):
            in_contents = True
        fm = FOOTNOTE_RE.match(raw)
        if fm and len(fm.group(1) or "") <= MAX_MARKER_DIGITS:
            number = superscript_number(fm.group(1)) if fm.group(1) else int(fm.group(2))
            doc.blocks.append(Block("footnote", raw.rstrip(), line_no, 1, doc.index, 0, _sec(section),
                                    footnote=number))
            continue
        md = MD_HEADING_RE.match(content)
        if md:
            column += md.end()
            content = content[md.end():]
        level = heading_level(content) if not md else len(md.group(1))
        if level is not None:
            in_contents = False
            while section and section[-1][0] >= level and not _article_holds(section[-1][1], content):
                section.pop()
            section.append((level, content))
            doc.blocks.append(Block("heading", content, line_no, column, doc.index, level, _sec(section[:-1])))
            continue
        kind = "list_item" if LIST_RE.match(content) else "paragraph"
        previous = _unfinished_block(doc, joined) if content[:1].islower() else None
        if previous is not None:
            _join(doc, joined, previous, content, line_no, column)
            continue
        doc.blocks.append(Block(kind, content, line_no, column, doc.index, 0, _sec(section),
                                markers=body_markers(content)))
    for index, pieces in joined.items():
        doc.blocks[index].text = " ".join(pieces)


def _join(doc: Document, joined: dict[int, list[str]], index: int, content: str, line_no: int,
          column: int) -> None:
    """A paragraph cut by a page break: its second half goes on the first.  Finished
    paragraphs found between them stand in the page's footnote area.  The pieces are
    kept in `joined` and put together once, at the end, and only the markers near the joint
    are looked for again, so that joining many lines stays linear."""
    previous = doc.blocks[index]
    for between in doc.blocks[index + 1:]:
        if between.kind == "paragraph":
            between.in_footnote_area = True
    if not previous.line_starts:
        previous.line_starts.append((0, previous.line, previous.column))
    pieces = joined.setdefault(index, [previous.text])
    joint = previous.line_starts[-1][0] + len(pieces[-1])  # the text's length so far
    previous.line_starts.append((joint + 1, line_no, column))
    tail = _tail(pieces, 32)
    pieces.append(content)  # the pieces are joined with a space
    # A marker's match looks at most a few characters either side (`% 17` at the end of a text).
    redo = max(0, joint - 16)
    start = joint - len(tail)
    window = tail + " " + content
    previous.markers = [mk for mk in previous.markers if mk[1] < redo] + \
        [(n, start + at) for n, at in body_markers(window, redo - start)]


def _tail(pieces: list[str], size: int) -> str:
    """The last `size` characters (or fewer) of the text the pieces make, joined by spaces."""
    out, have = [], 0
    for piece in reversed(pieces):
        out.append(piece)
        have += len(piece) + 1
        if have >= size:
            break
    return " ".join(reversed(out))[-size:]


def infer_footnotes(doc: Document) -> None:
    """Footnotes whose marker was lost in extraction are read as paragraphs.  A paragraph
    is taken for a footnote when it stands in a page's footnote area (between the two
    halves of a body paragraph cut by the page break), or just before footnote m while
    the body cites m - 1 and no line carries it.  It takes the number the body cites
    and no footnote line carries; a second such paragraph with no number left goes on
    the footnote before it.  A footnote that runs into the next (`... 6,6% 13 GRDP ...`)
    is split there."""
    cited = {n for b in doc.blocks if b.kind != "footnote" for n, _ in b.markers}
    present = {b.footnote for b in doc.blocks if b.kind == "footnote"}
    missing = cited - present
    blocks = doc.blocks
    out: list[Block] = []
    last_number = 0
    for i, block in enumerate(blocks):
        if block.kind == "footnote":
            last_number = max(last_number, block.footnote or 0)
            out.append(block)
            continue
        if block.kind != "paragraph":
            out.append(block)
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        prev = out[-1] if out else None
        if "$^{" in block.text or SUPERSCRIPT_CITE_RE.search(block.text):
            out.append(block)  # it cites footnotes itself: body text
            continue
        number = None
        if nxt is not None and nxt.kind == "footnote" and (nxt.footnote or 0) - 1 in missing:
            number = nxt.footnote - 1
        elif block.in_footnote_area:
            if last_number + 1 in missing:
                number = last_number + 1
            elif prev is not None and prev.kind == "footnote":
                number = prev.footnote  # a second paragraph of the footnote before it
            else:
                # A footnote whose number is lost for good: linked to its figure by content.
                out.append(Block("footnote", block.text, block.line, block.column, block.doc, 0, block.section,
                                 footnote=None, line_starts=block.line_starts, inferred=True))
                continue
        if number is None:
            out.append(block)
            continue
        run_in = [int(m.group(1)) for m in RUN_IN_RE.finditer(block.text)]
        if run_in and run_in[0] - 1 in missing and run_in[0] - 1 > last_number and run_in[0] - 1 < number:
            number = run_in[0] - 1  # `... 6,6% 13 GRDP ...` holds footnotes 12 and 13
        parts = [(number, 0)]
        for m in RUN_IN_RE.finditer(block.text):
            n = int(m.group(1))
            if n == parts[-1][0] + 1 and n in missing:
                parts.append((n, m.start(1)))
        for k, (n, start) in enumerate(parts):
            end = parts[k + 1][1] if k + 1 < len(parts) else len(block.text)
            text = block.text[start:end].rstrip()
            line, col = block.locate(start)
            starts = [(a - start, ln, c) for a, ln, c in block.line_starts if start <= a < end]
            out.append(Block("footnote", text, line, col, block.doc, 0, block.section, footnote=n,
                             line_starts=starts, inferred=True))
            missing.discard(n)
            last_number = max(last_number, n)
    doc.blocks = out


def _unfinished_block(doc: Document, joined: dict[int, list[str]]) -> int | None:
    """The index of the paragraph or list item that a line starting in lower case goes on: the last one
    not ended by a full stop, looking back past footnotes and a few finished paragraphs
    (the footnotes of a page whose markers were lost); None across a heading or table."""
    finished = 0
    for index in range(len(doc.blocks) - 1, -1, -1):
        block = doc.blocks[index]
        if block.kind == "footnote":
            continue
        if block.kind not in ("paragraph", "list_item"):
            return None
        text = joined[index][-1] if index in joined else block.text
        if not text.rstrip().endswith((".", ":", ";", "!", "?", "…")):
            return index
        finished += 1
        if finished > 3:
            return None
    return None


def _article_holds(article: str, heading: str) -> bool:
    """`Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2025` then `I. VỀ KINH TẾ`: a
    resolution's article divided into Roman-numbered parts holds them (both patterns are of
    one level, but an article is never a sibling of a Roman part), so the article's words,
    its year among them, stay over the parts' figures."""
    return ARTICLE_RE.match(article) is not None and ROMAN_RE.match(heading) is not None


def _sec(section: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(text for _, text in section)
