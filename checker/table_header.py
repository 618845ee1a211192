"""A table's header: the rows that head its columns, and each column's heading from them."""

from __future__ import annotations

import re

HEADER_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
MAX_HEADER_ROWS = 3


def continues_header(rows: list[tuple[str, ...]], cells: tuple[str, ...], rule_follows: bool) -> bool:
    """A row under a table's header row is another header row when it holds no figure
    (years aside) and either a Markdown rule line follows it, or it leaves the first column
    blank and heads columns that a group cell above spans (`Tỉnh A (cũ) | |` over
    `Nghị quyết | Thực hiện`): the cells of a merged heading are blank or repeated."""
    if len(rows) >= MAX_HEADER_ROWS or any(re.search(r"\d", HEADER_YEAR_RE.sub("", c)) for c in cells):
        return False
    if not any(cells):
        return False
    if rule_follows:
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
