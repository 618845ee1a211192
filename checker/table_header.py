"""Table rows in text: Markdown (`| a | b |`) and tab-separated cells, and a table's header (the
rows that head its columns, and each column's heading from them)."""

from __future__ import annotations

import re

PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
PIPE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
HEADER_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
MAX_HEADER_ROWS = 3


def continues_header(rows: list[tuple[str, ...]], cells: tuple[str, ...], before_rule: bool) -> bool:
    """A row under a table's header row is another header row when it holds no figure
    (years aside) and either a Markdown rule line follows it, or it leaves the first column
    blank and heads columns that a group cell above spans (`Tỉnh A (cũ) | |` over
    `Nghị quyết | Thực hiện`): the cells of a merged heading are blank or repeated."""
    if len(rows) >= MAX_HEADER_ROWS or any(re.search(r"\d", HEADER_YEAR_RE.sub("", c)) for c in cells):
        return False
    if not any(cells):
        return False
    if before_rule:
        return True
    top = rows[-1]

    def spanned(j: int) -> bool:
        if j >= len(top):
            return False
        return top[j] == "" or (j > 0 and top[j] == top[j - 1]) or (j + 1 < len(top) and top[j] == top[j + 1])

    return cells[0] == "" and any(c and spanned(j) for j, c in enumerate(cells))


def merge_header(rows: list[tuple[str, ...]]) -> tuple[str, ...]:
    """Each column's heading from a header of several rows, top to bottom, one line each:
    a group cell spans the blank cells after it that a lower row heads."""
    width = max(len(r) for r in rows)
    grid = [list(r) + [""] * (width - len(r)) for r in rows]
    for k in range(len(grid) - 1):
        below = [any(grid[m][j] for m in range(k + 1, len(grid))) for j in range(width)]
        for j in range(1, width):
            if not grid[k][j] and grid[k][j - 1] and below[j] and below[j - 1]:
                grid[k][j] = grid[k][j - 1]
    merged = []
    for j in range(width):
        parts: list[str] = []
        for row in grid:
            if row[j] and (not parts or parts[-1] != row[j]):
                parts.append(row[j])
        merged.append("\n".join(parts))
    return tuple(merged)


def split_pipes(text: str) -> list[tuple[int, int]]:
    """Cell spans of a Markdown table row `| a | b |`, without the outer bars."""
    bars = [i for i, ch in enumerate(text) if ch == "|"]
    cells = []
    for a, b in zip(bars, bars[1:]):
        start, end = a + 1, b
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
        cells.append((start, end))
    return cells


def split_tabs(text: str) -> list[tuple[int, int]]:
    cells, pos = [], 0
    for part in text.split("\t"):
        cells.append((pos, pos + len(part)))
        pos += len(part) + 1
    return cells


def rule_follows(lines: list[str], i: int, last: int) -> bool:
    """The next non-blank line is a Markdown table's `|---|---|` rule."""
    nxt = next((lines[k] for k in range(i + 1, last) if lines[k].strip()), "")
    return bool(PIPE_ROW_RE.match(nxt) and PIPE_RULE_RE.match(nxt))
