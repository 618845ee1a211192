"""A difference between a level and its base level, all three in one unit (no rate), in the
wordings `stated._change_in_level` (`A, tăng D so với năm X (B)`) does not read: the base
after `là`/`:` or named by `đầu năm`, `năm trước`, `cùng kỳ` (`giảm 125 hộ so với đầu năm (412
hộ)`, `cao hơn D so với cùng kỳ là B`), the base in a bracket between the level and the change
(`A (năm 2024: B), tăng D`), a named base in a bracket (`đạt 5,12 m, trên mức báo động III
(3,50 m) là 1,62 m`), and a lead of its own (`cao hơn`, `thấp hơn`, `nhiều hơn`, `ít hơn`).
Each becomes a `stated_of` relation of form `above` (D = A − B) or `below` (D = B − A), which
the kind `stated_ratio` (mode `of_base`) recomputes.  A yearly mean, a bound or a unit that
differs leaves the figure alone."""

from __future__ import annotations

import re

from checker.records import RelationKind
from checker.resolve.bases import _relate
from checker.resolve.change_points import BASE_PERIOD
from checker.resolve.counted import same_count
from checker.resolve.stated import STOP_RE, outside

UP = ("tăng", "cao hơn", "nhiều hơn", "trên", "vượt")
DIRECTION = r"(?P<dir>tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)"
# Right before the difference: `, tăng `, `; thấp hơn `.
LEAD_RE = re.compile(rf"(?<![\w]){DIRECTION}(?:\s+thêm)?\s+$", re.I)
# After the difference, up to its base: ` so với đầu năm (`, ` so với cùng kỳ là `.
BASE_AFTER_RE = re.compile(rf"^\s*(?:[^\W\d]+\s+){{0,2}}?so với\s+(?:mức\s+)?{BASE_PERIOD}\s*(?:\(\s*|là\s+|:\s*)$", re.I)
# The base in a bracket after the level (its noun between): ` doanh nghiệp (năm 2024: `.
BASE_BRACKET_RE = re.compile(rf"^\s*(?:[^\W\d][^\d()]{{0,30}}?)?\(\s*{BASE_PERIOD}\s*(?:là|:|đạt)\s*$", re.I)
AFTER_BRACKET_RE = re.compile(rf"^\s*(?:[^\W\d][^\d(),;]{{0,20}}?)?\)?\s*[,;]\s*{DIRECTION}(?:\s+thêm)?\s+$", re.I)
# A named base in a bracket: `, trên mức báo động III (`, then `) là `.
NAMED_OPEN_RE = re.compile(r"^\s*[,;]?\s*(?P<dir>trên|dưới|cao hơn|thấp hơn|vượt)\s+[^\W\d][^\d()%;,.]{1,50}\(\s*$",
                           re.I)
NAMED_CLOSE_RE = re.compile(r"^\s*\)\s*(?:là\s+)?$", re.I)
YEARLY_RE = re.compile(r"bình quân|trung bình|mỗi năm|hằng năm|hàng năm|/\s*năm", re.I)
NOT_LEVELS = ("percent", "percentage_point", "times")
EXACT = (None, "", "eq", "estimate")


def level_changes(out, blocks) -> None:
    """Add the relation of each difference stated between a level and its base level."""
    for text, figs in blocks:
        for n in range(1, len(figs)):
            s_i, s = figs[n]
            if s.kind != "statistic" or out[s_i].unit in NOT_LEVELS or s.qualifier not in EXACT[:3] \
                    or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations) \
                    or YEARLY_RE.search(text, max(0, s.start - 30), min(len(text), s.end + 10)):
                continue
            found = _base_after(out, text, figs, n) or _base_in_bracket(out, text, figs, n)
            if found is None:
                continue
            a_i, b_i, word = found
            fa, fb = _figure(figs, a_i), _figure(figs, b_i)
            if fa.kind != "statistic" or fb.kind != "statistic" or fa.qualifier not in EXACT \
                    or fb.qualifier not in EXACT[:3] or not same_count(text, fa, out[a_i].unit, fb, out[b_i].unit) \
                    or not same_count(text, fa, out[a_i].unit, s, out[s_i].unit):
                continue
            form = "above" if word.lower() in UP else "below"
            _relate(out, s_i, a_i, b_i, form, f"`{word} {s.text}` between `{fb.text}` and `{fa.text}`")


def _figure(figs, i: int):
    return next(f for j, f in figs if j == i)


def _base_after(out, text: str, figs, n: int):
    """`A, giảm D so với đầu năm (B)`, `A, …, cao hơn D so với cùng kỳ là B`: the level is the
    nearest one before the difference in its clause, passing over the rates stated of it."""
    s_i, s = figs[n]
    lead = LEAD_RE.search(text, max(0, s.start - 16), s.start)
    if lead is None or n + 1 >= len(figs) or not BASE_AFTER_RE.match(text[s.end:figs[n + 1][1].start]):
        return None
    for m in range(n - 1, -1, -1):
        j, f = figs[m]
        gap = outside(text[f.end:s.start])
        if "(" in gap or STOP_RE.search(gap) or len(gap) > 80:
            return None
        if ")" in gap or out[j].unit in NOT_LEVELS:
            continue  # (inside a bracket closed before it, or a rate stated of the level)
        return j, figs[n + 1][0], lead.group("dir")
    return None


def _base_in_bracket(out, text: str, figs, n: int):
    """`A (năm 2024: B), tăng D`, `A (năm 2024 là B, giảm D)` and `A, trên <base named> (B) là D`."""
    if n < 2:
        return None
    (a_i, a), (b_i, b), s = figs[n - 2], figs[n - 1], figs[n][1]
    after = AFTER_BRACKET_RE.match(text[b.end:s.start])
    if after is not None and BASE_BRACKET_RE.match(text[a.end:b.start]):
        return a_i, b_i, after.group("dir")
    named = NAMED_OPEN_RE.match(outside(text[a.end:b.start]))  # (`5,12 m (ngày 29/10), trên …`)
    if named is not None and NAMED_CLOSE_RE.match(text[b.end:s.start]):
        return a_i, b_i, named.group("dir")
    return None
