"""A change of a rate stated in points right after its two levels: `giảm từ 43,2% năm 2020
xuống 38,6% năm 2025 (giảm 4,2 điểm phần trăm)`, `tăng từ 72,2% lên 80,0%, tăng 7,8 điểm %`.
The points become a `stated_of` relation (the end level over the start level, form `below`
or `above`), which the kind `stated_ratio` (mode `of_base`) recomputes: start − end for a
fall, end − start for a rise.  A yearly average (`bình quân mỗi năm giảm 0,9 điểm %`) is
RT05's; a direction that contradicts the change's own words is left alone."""

from __future__ import annotations

import re

from checker.records import RelationKind
from checker.resolve.bases import _relate

# The words between the end level and its change in points: `(giảm `, `, tăng `, ` năm 2025 (giảm `.
AFTER_LEVEL_RE = re.compile(r"^\s*(?:\(?\s*(?:vào\s+)?(?:cuối\s+)?năm\s+\d{4}\s*\)?\s*)?(?:\(|,|;)?\s*"
                            r"(?:tức là\s+|tương ứng\s+|hay\s+)?(?P<dir>tăng|giảm)\s+(?:khoảng\s+|gần\s+)?$", re.I)
YEARLY_RE = re.compile(r"^\s*(?:/\s*năm|(?:mỗi|một|hằng|hàng)\s+năm)", re.I)
RATE_UNITS = ("percent",)


def change_points(out, blocks) -> None:
    """Add the relation of each change in points stated right after a change's end level."""
    for text, figs in blocks:
        for n in range(1, len(figs)):
            _points_after_change(out, text, figs, n)


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
