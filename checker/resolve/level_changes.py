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
from checker.resolve.change_points import BASE_PERIOD, SAYS_ITS_BASE_RE
from checker.resolve.counted import counted_noun, same_count
from checker.resolve.multiple_bases import own_words
from checker.resolve.stated import STOP_RE, nearest_level, outside

UP = ("tăng", "cao hơn", "nhiều hơn", "trên", "vượt")
DIRECTION = r"(?P<dir>tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)"
# Right before the difference: `, tăng `, `; thấp hơn `.
LEAD_RE = re.compile(rf"(?<![\w]){DIRECTION}(?:\s+thêm)?\s+$", re.I)
# After the difference, up to its base: ` so với đầu năm (`, ` so với cùng kỳ là `.
BASE_AFTER_RE = re.compile(rf"^\s*(?:[^\W\d]+\s+){{0,2}}?so với\s+(?:mức\s+)?{BASE_PERIOD}"
                           r"\s*(?:\(\s*|là\s+|:\s*)$", re.I)
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
            if (out[s_i].unit == "percentage_point" or "điểm" in s.text.lower()) and s.kind == "statistic" \
                    and s.qualifier in EXACT[:3] \
                    and not any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations) \
                    and not YEARLY_RE.search(text, max(0, s.start - 30), min(len(text), s.end + 10)):
                _start_and_end(out, text, figs, n)  # (a change in points between two rates)
                continue
            if s.kind != "statistic" or out[s_i].unit in NOT_LEVELS or s.qualifier not in EXACT[:3] \
                    or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations) \
                    or YEARLY_RE.search(text, max(0, s.start - 30), min(len(text), s.end + 10)):
                continue
            found = _base_after(out, text, figs, n) or _base_in_bracket(out, text, figs, n)
            if found is None:
                _start_and_end(out, text, figs, n) or _amount_after_change(out, text, figs, n)
                continue
            a_i, b_i, word = found
            fa, fb = _figure(figs, a_i), _figure(figs, b_i)
            if fa.kind != "statistic" or fb.kind != "statistic" or fa.qualifier not in EXACT \
                    or fb.qualifier not in EXACT[:3] or not same_count(text, fa, out[a_i].unit, fb, out[b_i].unit) \
                    or not same_count(text, fa, out[a_i].unit, s, out[s_i].unit):
                continue
            form = "above" if word.lower() in UP else "below"
            _relate(out, s_i, a_i, b_i, form, f"`{word} {s.text}` between `{fb.text}` and `{fa.text}`")


# A start level's own words (`đầu năm toàn xã có`, `năm 2020 có`, `cuối năm 2021 … tỷ lệ`,
# `trước sắp xếp có`), and an end level's (`đến cuối năm còn`, `đến năm 2025 có`, `sau sắp xếp còn`).
START_RE = re.compile(r"(?<![\w])(?:đầu năm|đầu kỳ|(?:cuối\s+)?năm\s+\d{4}|trước (?:khi )?sắp xếp)(?![\w])", re.I)
END_RE = re.compile(r"(?<![\w])(?:đến\s+(?:hết\s+|cuối\s+)?(?:năm|ngày|thời điểm|nay)|sau (?:khi )?sắp xếp|hiện còn)"
                    r"(?![\w])[^;:()]*?(?:còn|có|đạt|là|tỷ lệ)\s+(?:khoảng\s+)?$", re.I)
# Between the end level (and its own bracket) and the change: `, giảm `, ` (95, 104 và 88 hộ), giảm `.
CHANGE_AFTER_END_RE = re.compile(r"^\s*(?:\([^()]*\))?\s*,\s*(?P<dir>tăng|giảm)(?:\s+thêm)?\s+$", re.I)
# What CHANGE_AFTER_END_RE's match must end with, tried first on a few characters before the
# change: most figures end no such gap, and the sentence's brackets need not be walked for them.
ENDS_LIKE_CHANGE_RE = re.compile(r"(?:tăng|giảm)(?:\s+thêm)?\s+$", re.I)
# What the change is set against, when it says: ` so với cuối năm 2021`, ` hộ so với đầu năm`.
AGAINST_RE = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?so với\s+(?P<base>[^,;.()]{2,40})", re.I)


def _start_and_end(out, text: str, figs, n: int) -> bool:
    """`đầu năm toàn xã có 412 hộ nghèo (…); đến cuối năm còn 287 hộ (…), giảm 125 hộ`, `cuối
    năm 2021 … tỷ lệ 7,55%; đến cuối năm 2025 … tỷ lệ 2,33%, giảm 5,22 điểm phần trăm`: the
    change after an end level of the start level its sentence gave before (the one figure
    of its kind outside brackets whose clause names a start)."""
    s_i, s = figs[n]
    if not ENDS_LIKE_CHANGE_RE.search(text, max(0, s.start - 40), s.start):
        return False
    start = max(text.rfind(". ", 0, s.start), text.rfind("\n", 0, s.start)) + 1
    outer = [(j, f) for j, f in figs[:n] if f.start >= start and not _in_bracket(text, start, f.start)]
    if len(outer) < 2:
        return False
    b_i, fb = outer[-1]
    lead = CHANGE_AFTER_END_RE.match(text[fb.end:s.start])
    if lead is None or not END_RE.search(text, max(start, fb.start - 60), fb.start):
        return False
    points = out[s_i].unit == "percentage_point" or "điểm" in s.text.lower()
    if points != (out[b_i].unit == "percent") or not points and out[b_i].unit in NOT_LEVELS:
        return False
    kin = [(j, f) for j, f in outer[:-1] if f.kind == "statistic" and out[j].unit == out[b_i].unit
           and (points or same_count(text, f, out[j].unit, fb, out[b_i].unit))]
    starts = [(j, f) for j, f in kin if START_RE.search(own_words(text, start, f.start, clause=True))]
    if len(starts) != 1 or len(kin) > 2 or (not points and not same_count(text, fb, out[b_i].unit, s, out[s_i].unit)):
        return False
    a_i, fa = starts[0]
    if fa.qualifier not in EXACT or fb.qualifier not in EXACT:
        return False
    against = AGAINST_RE.match(text, s.end)
    if against is not None:
        # `…, tăng 285 hợp tác xã so với năm 2024`: the base it names must be the start's own period
        named = START_RE.search(against.group("base"))
        if named is None or named.group(0).lower() not in own_words(text, start, fa.start, clause=True).lower():
            return False
    down = lead.group("dir").lower() == "giảm"
    return _relate(out, s_i, b_i, a_i, "below" if down else "above",
                   f"`{lead.group('dir')} {s.text}` from `{fa.text}` to `{fb.text}`")


# Between a change's end level and the difference: its own words and bracket, then `, giảm `
# (` hộ cuối năm 2025 (ước), giảm `, ` (95, 104 và 88 hộ), giảm `).
AMOUNT_AFTER_END_RE = re.compile(r"^[^;:()\d]{0,30}?(?:\s\d{4})?\s*(?:\([^()]{0,40}\))?\s*,\s*(?P<dir>tăng|giảm)"
                                 r"(?:\s+thêm)?\s+$", re.I)


def _amount_after_change(out, text: str, figs, n: int) -> bool:
    """`giảm từ 617 xuống còn 148, giảm 469 đơn vị`, `số hộ nghèo giảm từ A hộ cuối năm 2021
    xuống còn B hộ cuối năm 2025 (ước), giảm D hộ`: the difference right after a change's end
    level is B − A (up) or A − B (down), the way the change went, in the levels' one unit or
    counting what two bare levels count.  A difference that names its own base (`so với …`)
    is left alone, and one in points between rates is `change_points`'."""
    s_i, s = figs[n]
    b_i, fb = figs[n - 1]
    if not ENDS_LIKE_CHANGE_RE.search(text, max(0, s.start - 40), s.start):
        return False
    lead = AMOUNT_AFTER_END_RE.match(text[fb.end:s.start])
    if lead is None or AGAINST_RE.match(text, s.end) or "điểm" in s.text.lower():
        return False
    down = lead.group("dir").lower() == "giảm"
    changes = [rel for rel in out[b_i].relations if rel.kind is RelationKind.CHANGE_FROM]
    if len(changes) != 1 or changes[0].detail != ("down" if down else "up"):
        return False
    a_i = changes[0].others[0]
    fa = _figure(figs, a_i) if any(j == a_i for j, _ in figs) else None
    if fa is None or fa.kind != "statistic" or fb.kind != "statistic" or fa.qualifier not in EXACT \
            or fb.qualifier not in EXACT:
        return False
    ua, ub, us = out[a_i].unit, out[b_i].unit, out[s_i].unit
    if ub in NOT_LEVELS or not same_count(text, fa, ua, fb, ub) and not (ua is None and ub is None):
        return False
    bare = ua is None and ub is None and not counted_noun(text, fa) and not counted_noun(text, fb)
    if not (bare or same_count(text, fb, ub, s, us)):
        return False  # (`từ 12 lên 15 nghìn tỷ đồng, tăng 3 dự án`: not what the levels count)
    return _relate(out, s_i, b_i, a_i, "below" if down else "above",
                   f"`{lead.group('dir')} {s.text}` from `{fa.text}` to `{fb.text}`")


def _in_bracket(text: str, start: int, end: int) -> bool:
    """Whether `end` stands inside a bracket opened after `start`."""
    depth = 0
    for ch in text[start:end]:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
    return depth > 0


def _figure(figs, i: int):
    return next(f for j, f in figs if j == i)


def _base_after(out, text: str, figs, n: int):
    """`A, giảm D so với đầu năm (B)`, `A, …, cao hơn D so với cùng kỳ là B`: the level is the
    nearest one before the difference in its clause, passing over the rates stated of it."""
    s_i, s = figs[n]
    lead = LEAD_RE.search(text, max(0, s.start - 16), s.start)
    if lead is None or n + 1 >= len(figs) or not BASE_AFTER_RE.match(text[s.end:figs[n + 1][1].start]):
        return None
    m = nearest_level(out, text, figs, n, NOT_LEVELS)
    if m is None or _rival_level(out, text, figs, m):
        return None  # (`A hộ nghèo trên tổng số N hộ, …, giảm D hộ`: which one changed?)
    return figs[m][0], figs[n + 1][0], lead.group("dir")


def _rival_level(out, text: str, figs, m: int) -> bool:
    """Whether another level of the same count stands earlier in the clause of `figs[m]`: then
    the difference could be either's, and the reader abstains."""
    j, f = figs[m]
    for k in range(m - 1, -1, -1):
        i, g = figs[k]
        gap = outside(text[g.end:f.start])
        if STOP_RE.search(gap) or len(gap) > 160:
            return False
        if g.kind == "statistic" and out[i].unit == out[j].unit and out[i].unit not in NOT_LEVELS \
                and same_count(text, g, out[i].unit, f, out[j].unit):
            return True
    return False


def _base_in_bracket(out, text: str, figs, n: int):
    """`A (năm 2024: B), tăng D`, `A (năm 2024 là B, giảm D)` and `A, trên <base named> (B) là D`."""
    if n < 2:
        return None
    (a_i, a), (b_i, b), s = figs[n - 2], figs[n - 1], figs[n][1]
    if SAYS_ITS_BASE_RE.match(text, s.end):
        return None  # (`A (năm 2024: B), tăng D so với kế hoạch`: of another base)
    after = AFTER_BRACKET_RE.match(text[b.end:s.start])
    if after is not None and BASE_BRACKET_RE.match(text[a.end:b.start]):
        return a_i, b_i, after.group("dir")
    named = NAMED_OPEN_RE.match(outside(text[a.end:b.start]))  # (`5,12 m (ngày 29/10), trên …`)
    if named is not None and NAMED_CLOSE_RE.match(text[b.end:s.start]):
        return a_i, b_i, named.group("dir")
    return None
