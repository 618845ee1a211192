"""PDF drafts, read with pdfplumber (MIT) into the text the rest of the pipeline knows.

- Lines are rebuilt from characters.  A character clearly smaller than the page's body
  text and raised above its line's baseline is a superscript: digits become superscript
  digits (`7,35%¹`), so a footnote marker is never glued onto the figure (`7,35%1`).
- A paragraph ends where the gap to the next line is larger than the line spacing; pages
  are separated by a blank line.
- Ruled tables (pdfplumber's `find_tables`) become Markdown table rows; their characters
  are not read again as prose.
- Each line of the converted text records its page and line on the page, so a figure's
  place is reported as `page 2, line 14, offset 30`.
"""

from __future__ import annotations

import statistics
import unicodedata
from pathlib import Path

from checker.places import PLACES, Place, table_row
from checker.records import InputError

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _is_superscript(char: dict, body_size: float, baseline: float) -> bool:
    raised = baseline - char["bottom"]
    return raised > 0.3 * body_size or (char["size"] < 0.85 * body_size and raised > 0.15 * body_size)


def _lines(chars: list[dict]) -> list[list[dict]]:
    """Group characters into lines by their vertical position, each sorted left to right."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        for line in lines:
            top = min(c["top"] for c in line)
            bottom = max(c["bottom"] for c in line)
            if ch["top"] < bottom - 0.3 * (bottom - top) and ch["bottom"] > top + 0.3 * (bottom - top) \
                    or (ch["bottom"] <= bottom + 0.5 and ch["top"] >= top - 0.5 * (bottom - top)
                        and ch["size"] < 0.85 * max(c["size"] for c in line)):
                line.append(ch)
                break
        else:
            lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    lines.sort(key=lambda ln: min(c["top"] for c in ln))
    return lines


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


def pdf_text(path: str | Path) -> str:
    path = Path(path)
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError(f"{path}: reading PDF needs pdfplumber (pip install pdfplumber)") from None
    out: list[str] = []
    places: list = []
    para: list[tuple[str, int, int]] = []  # the lines of the paragraph being read: (text, page, line)

    def flush() -> None:
        """A paragraph's wrapped lines become one line (a name or figure cut by the wrap is
        whole again); each part remembers its page and line."""
        if not para:
            return
        text, segments = "", []
        for part, page, line in para:
            if text:
                text += " "
            segments.append((len(text), page, line))
            text += part
        out.append(text)
        places.append(Place("page", para[0][1], para[0][2], segments=tuple(segments)))
        para.clear()

    def emit(text: str, place) -> None:
        flush()
        out.append(text)
        places.append(place)

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises several kinds for a broken file
        raise InputError(f"{path}: not a readable PDF ({type(exc).__name__})") from None
    with pdf:
        for page_no, page in enumerate(pdf.pages, 1):
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def inside(c, boxes=boxes) -> bool:
                return any(x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] and c["bottom"] <= bottom
                           for x0, top, x1, bottom in boxes)

            chars = [c for c in page.chars if not inside(c)]
            sizes = [round(c["size"], 1) for c in chars if c["text"].strip()]
            body_size = statistics.mode(sizes) if sizes else 10.0
            items: list[tuple[float, str, object]] = []
            lines = _lines(chars)
            for line_no, line in enumerate(lines, 1):
                items.append((min(c["top"] for c in line), "line", (line_no, line)))
            for t_no, table in enumerate(tables, 1):
                items.append((table.bbox[1], "table", (t_no, table)))
            items.sort(key=lambda it: it[0])
            if out:
                emit("", Place("blank"))
            prev_bottom = None
            for top, kind, payload in items:
                if kind == "table":
                    t_no, table = payload
                    flush()  # the paragraph before the table ends here, and a blank line follows it
                    if out and out[-1] != "":
                        emit("", Place("blank"))
                    for r, row in enumerate(table.extract(), 1):
                        cells = [" ".join((c or "").split()).replace("|", "/") for c in row]
                        line, spans = table_row(cells)
                        emit(line, Place("table", t_no, r, spans, page=page_no))
                        if r == 1:
                            emit("|" + "---|" * len(cells), Place("blank"))
                    emit("", Place("blank"))
                    prev_bottom = table.bbox[3]
                    continue
                line_no, line = payload
                text = _line_text(line, body_size)
                if not text:
                    continue
                height = max(c["bottom"] for c in line) - top
                if prev_bottom is not None and top - prev_bottom > 0.8 * max(height, body_size) and para:
                    emit("", Place("blank"))
                para.append((text, page_no, line_no))
                prev_bottom = max(c["bottom"] for c in line)
    flush()
    PLACES[str(path)] = places
    if not any(line.strip() for line in out):
        raise InputError(f"{path}: no text in the PDF (a scan? run OCR first)")
    return "\n".join(out) + "\n"
