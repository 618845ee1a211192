"""Lines of text rebuilt from a PDF page's characters, and the borderless tables among
them (see checker/pdf.py, which reads the pages).  A character is a dict of its text, x0,
x1, top, bottom and size, in pdfplumber's coordinates."""

from __future__ import annotations

import statistics
import unicodedata
from operator import attrgetter, itemgetter

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


def group_lines(chars: list[dict]) -> list[list[dict]]:
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


def line_text(line: list[dict], body_size: float) -> str:
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


def white_gaps(chars: list[dict], min_gap: float) -> list[tuple[float, float]]:
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


def borderless_tables(lines: list[list[dict]], body_size: float) -> list[tuple[int, int, list[list[str]]]]:
    """Borderless tables among a page's lines: (first line index, last line index, rows of
    cell texts) for each.  A table needs two or more lines split by the same gutters."""
    def size(line):
        return statistics.median(c["size"] for c in line)

    gapped = [i for i, ln in enumerate(lines) if white_gaps(ln, 1.0 * size(ln))]
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


def line_top(line: list[dict]) -> float:
    return min(c["top"] for c in line)


def _table_in(lines, group: list[int], body_size: float):
    """The table, if any, in a run of gapped lines and the lines between them (a wrapped
    cell's other lines).  Its gutters are the white x-intervals of all those lines; a
    line of prose among them, running across, leaves none."""
    first, last = group[0], group[-1]
    chars = [c for i in range(first, last + 1) for c in lines[i]]
    gutters = white_gaps(chars, 0.8 * statistics.median(c["size"] for c in chars))
    if not gutters:
        return []
    pitch = min(line_top(lines[i + 1]) - line_top(lines[i]) for i in range(first, last))

    def belongs(i: int, neighbour: int) -> bool:
        """A wrapped cell's line just above or below the gapped lines is part of the table."""
        return abs(line_top(lines[i]) - line_top(lines[neighbour])) <= 1.6 * pitch \
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
        col_lines.append([ln for ln in group_lines(inside) if any(c["text"].strip() for c in ln)])
    pitches = sorted(line_top(b) - line_top(a)
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
            if ln is not None and block and line_top(ln) - line_top(block[-1]) <= wrap + 0.5:
                block.append(ln)
                continue
            if block:
                cells.append((line_top(block[0]), max(c["bottom"] for c in block[-1]), col,
                              " ".join(line_text(b, body_size) for b in block)))
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


def cells_of_line(line: list[dict], body_size: float) -> list[str]:
    """A single line split at its wide gaps: the cells of a header row standing alone."""
    size = statistics.median(c["size"] for c in line)
    cuts = [b for _, b in white_gaps(line, 0.8 * size)]
    cells: list[list[dict]] = [[]]
    for c in line:
        if cuts and c["x0"] >= cuts[0] - 0.01:
            cuts.pop(0)
            cells.append([])
        cells[-1].append(c)
    return [line_text(cell, body_size) for cell in cells if cell]
