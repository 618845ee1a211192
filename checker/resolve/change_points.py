"""A change of a rate stated in points right after its two levels: `giảm từ 43,2% năm 2020
xuống 38,6% năm 2025 (giảm 4,2 điểm phần trăm)`, `tăng từ 72,2% lên 80,0%, tăng 7,8 điểm %`.
The points become a `stated_of` relation (the end level over the start level, form `below`
or `above`), which the kind `stated_ratio` (mode `of_base`) recomputes: start − end for a
fall, end − start for a rise.  A yearly average (`bình quân mỗi năm giảm 0,9 điểm %`) is
RT05's; a direction that contradicts the change's own words is left alone.

So is a change in points between a rate and its base rate named by its period, in a bracket
or after `so với`: `đạt 22,4% (năm 2024 là 21,4%, tăng 1,0 điểm phần trăm)`, `còn 4,19% (giảm
1,83 điểm phần trăm so với đầu năm là 6,02%)`, `đạt 80,0%, cao hơn 7,8 điểm % so với năm 2024
(72,2%)`, `đạt 68,5% (năm 2024: 66,2%), tăng 2,3 điểm phần trăm`."""

from __future__ import annotations

import re

from checker.records import RelationKind
from checker.resolve.bases import _relate

# The words between the end level and its change in points: `(giảm `, `, tăng `, ` năm 2025 (giảm `.
AFTER_LEVEL_RE = re.compile(r"^\s*(?:\(?\s*(?:vào\s+)?(?:cuối\s+)?năm\s+\d{4}\s*\)?\s*)?(?:\(|,|;)?\s*"
                            r"(?:tức là\s+|tương ứng\s+|hay\s+)?(?P<dir>tăng|giảm)\s+(?:khoảng\s+|gần\s+)?$", re.I)
# The period a base rate is of: `năm 2024`, `năm trước`, `cùng kỳ (năm 2024)`, `đầu năm`, `cuối năm 2021`.
BASE_PERIOD = (r"(?:(?:cùng kỳ|cùng thời điểm)(?:\s+năm\s+(?:\d{4}|trước))?|(?:đầu|cuối)\s+năm(?:\s+\d{4})?"
               r"|năm\s+(?:\d{4}|trước))")
# Between the rate and its change in points: `, tăng `, ` (giảm `, `; cao hơn `.
POINTS_LEAD_RE = re.compile(r"^\s*[(,;]?\s*(?P<dir>tăng|giảm|cao hơn|thấp hơn)\s+(?:khoảng\s+)?$", re.I)
# After the change in points, up to its base rate: ` so với năm 2024 (`, ` so với đầu năm là `.
BASE_AFTER_POINTS_RE = re.compile(rf"^\s*so với\s+(?:mức\s+)?(?:của\s+)?{BASE_PERIOD}\s*(?:\(\s*|là\s+|:\s*|đạt\s+)$",
                                  re.I)
# The base rate in a bracket right after the rate: ` (năm 2024 là `, ` (cùng kỳ: `.
BASE_BRACKET_RE = re.compile(rf"^\s*\(\s*{BASE_PERIOD}\s*(?:là|:|đạt)\s*$", re.I)
# After the bracketed base, up to the change: `, tăng ` (inside it) or `), giảm ` (after it).
AFTER_BASE_RE = re.compile(r"^\s*\)?\s*[,;]\s*(?P<dir>tăng|giảm|cao hơn|thấp hơn)\s+(?:khoảng\s+)?$", re.I)
# A change that names its own base after it (`… so với kế hoạch`).
SAYS_ITS_BASE_RE = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?so với(?![\w])", re.I)
YEARLY_RE = re.compile(r"^\s*(?:/\s*năm|(?:mỗi|một|hằng|hàng)\s+năm)", re.I)
RATE_UNITS = ("percent",)


def change_points(out, blocks) -> None:
    """Add the relation of each change in points stated right after a change's end level."""
    for text, figs in blocks:
        for n in range(1, len(figs)):
            _points_after_change(out, text, figs, n) or _points_with_base(out, text, figs, n)


def _points_after_change(out, text: str, figs, n: int) -> bool:
    s_i, s = figs[n]
    if s.kind != "statistic" or not (out[s_i].unit == "percentage_point" or "điểm" in s.text.lower()) \
            or (s.qualifier or "") in ("gt", "ge", "lt", "le", "range") \
            or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations):
        return False
    a_i, a = figs[n - 1]
    lead = AFTER_LEVEL_RE.match(text[a.end:s.start])
    if lead is None or YEARLY_RE.match(text, s.end) or re.search(r"bình quân|trung bình", s.text, re.I):
        return False
    changes = [rel for rel in out[a_i].relations if rel.kind is RelationKind.CHANGE_FROM]
    if len(changes) != 1 or out[a_i].unit not in RATE_UNITS or out[changes[0].others[0]].unit not in RATE_UNITS:
        return False
    down = lead.group("dir").lower() == "giảm"
    if changes[0].detail != ("down" if down else "up"):
        return False  # (`tăng từ A xuống B`: which is meant is unsure)
    start = changes[0].others[0]
    why = f"`{lead.group('dir')} {s.text}` from `{out[start].figure.text}` to `{a.text}`"
    return _relate(out, s_i, a_i, start, "below" if down else "above", why)


def _points_with_base(out, text: str, figs, n: int) -> bool:
    """A change in points `figs[n]` of the rate before it over a base rate named by its period:
    after the change (`so với năm 2024 (B)`, `so với đầu năm là B`) or in a bracket between
    the rate and the change (`A (năm 2024 là B, tăng M điểm %)`, `A (năm 2024: B), tăng M`)."""
    s_i, s = figs[n]
    if s.kind != "statistic" or not (out[s_i].unit == "percentage_point" or "điểm" in s.text.lower()) \
            or (s.qualifier or "") in ("gt", "ge", "lt", "le", "range") or YEARLY_RE.match(text, s.end) \
            or re.search(r"bình quân|trung bình|mỗi năm|hằng năm|hàng năm", text[max(0, s.start - 30):s.end], re.I) \
            or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations):
        return False
    a_i, a = figs[n - 1]
    lead = POINTS_LEAD_RE.match(text[a.end:s.start])
    if lead is not None and n + 1 < len(figs) and BASE_AFTER_POINTS_RE.match(text[s.end:figs[n + 1][1].start]):
        b_i, b = figs[n + 1]
    else:
        if n < 2:
            return False
        (a_i, a), (b_i, b) = figs[n - 2], figs[n - 1]
        lead = AFTER_BASE_RE.match(text[b.end:s.start])
        if lead is None or not BASE_BRACKET_RE.match(text[a.end:b.start]) or SAYS_ITS_BASE_RE.match(text, s.end):
            return False  # (`A (năm 2024: B), tăng M điểm % so với kế hoạch`: of another base)
    if {out[a_i].unit, out[b_i].unit} != {"percent"} or a.kind != "statistic" or b.kind != "statistic" \
            or {a.qualifier, b.qualifier} & {"gt", "ge", "lt", "le", "range"}:
        return False
    down = lead.group("dir").lower() in ("giảm", "thấp hơn")
    why = f"`{lead.group('dir')} {s.text}` from the base `{b.text}` to `{a.text}`"
    return _relate(out, s_i, a_i, b_i, "below" if down else "above", why)
