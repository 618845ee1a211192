"""What a sentence states about its own figures, read locally (no catalog indicator needed):
a percentage or margin stated of a base (`18.650 tỷ đồng, bằng 104,8% dự toán (17.200 tỷ
đồng)`, `4.790/4.500 tỷ đồng, bằng 104,6%`, `25,4%, vượt 1,6 điểm % so với chỉ tiêu (24%)`)
and a yearly average change between two levels of the same sentence (`từ 28,6% năm 2020
xuống 24,1% năm 2025, bình quân mỗi năm giảm 0,9 điểm %`, `tăng 1,35 lần, từ A lên B`).

Each becomes a relation on the stated figure; the kinds `stated_ratio` (mode `of_base`) and
`growth` (mode `local`) recompute it.  Anything ambiguous (no unit, units that differ, two
candidate bases, rates compared in `%` where points or percent could be meant) is left
without a relation: the checker abstains."""

from __future__ import annotations

import re

from checker.records import Evidence, Relation, RelationKind, Resolution
from checker.resolve.brackets import CLOSED_BRACKET_RE
from checker.resolve.local_wholes import result_by_unit

YEAR_RE = re.compile(r"năm\s+(\d{4})(?!\d)", re.I)
SINCE_YEAR_RE = re.compile(r"^\s*so với\s+(?:cuối\s+|đầu\s+)?năm\s+(\d{4})\s*\(\s*$", re.I)
# `cao hơn 4,6 điểm phần trăm so với tỷ lệ giải ngân cùng kỳ (32,9%)`: the rate compared, in brackets.
SINCE_SAME_RE = re.compile(r"^\s*so với\s+(?:[^\d()%;,.]{1,50}?\s+)?(cùng kỳ(?:\s+năm\s+(?:trước|\d{4}))?)\s*\(\s*$",
                           re.I)
TIMES_FROM_RE = re.compile(r"^\s*,?\s*từ\s*(?:mức\s*)?$", re.I)
# A level's year, right after it: `28,6% năm 2020`, `3,95% cuối năm 2020`, `250 hợp tác xã (năm 2020)`.
LEVEL_YEAR = r"\s*\(?\s*(?:vào\s+)?(?:cuối\s+|đầu\s+)?năm\s+(\d{4})(?!\d)\s*\)?"
LEVEL_YEAR_RE = re.compile(LEVEL_YEAR, re.I)
# `từ A [năm X] lên B`: the words between the two levels (a bracketed year is allowed).
TO_RE = re.compile(rf"^(?:{LEVEL_YEAR})?[^;()]{{0,30}}?\s(lên|xuống)\s*(?:còn\s*)?(?:mức\s*)?$", re.I)
DIRECTION_RE = re.compile(r"(?<![\w])(tăng|giảm)(?![\w])", re.I)
STOP_RE = re.compile(r";|:|\.\s")
CLOSES_RE = re.compile(r"\s*\)")  # (matched in place: no copy of the rest of the block)
POINTS = ("percentage_point",)
RATES = ("percent",)
RATES_OR_POINTS = RATES + POINTS
NO_LEVEL_UNITS = RATES + POINTS + ("times",)  # (units of no level: a rate, points, a multiple)


def stated_relations(out, text: str, figs, cues) -> None:
    """Add the stated-of and average-change relations of one block's statistics."""
    for n, (s_i, s) in enumerate(figs):
        # Each figure goes to the readers its unit allows: one read as a rate or points to the
        # stated-of ones, one written in a level's unit to the change in a level's.
        unit = out[s_i].unit
        if unit in RATES_OR_POINTS:
            _stated_of(out, text, figs, n, cues.stated_of)
            if unit in RATES:
                _share_of_bracketed_whole(out, text, figs, n)
        if s.unit is not None and s.unit not in NO_LEVEL_UNITS:
            _change_in_level(out, text, figs, n)
        if unit == "times":
            _multiple_of_bracket(out, text, figs, n, cues.stated_of)
    _times_from_to(out, text, figs, cues)
    for n, (j, _) in enumerate(figs):
        changes = [rel for rel in out[j].relations if rel.kind is RelationKind.CHANGE_FROM]
        if changes:
            _average_after_change(out, text, figs, n, changes[0], cues.stated_of)
        c_i, fc = figs[n]
        if out[c_i].unit in RATES and not _is_points(fc, out[c_i].unit):
            # (the average's lead before a rate, searched once for both readings of it)
            lead = cues.stated_of.average_lead.search(_before(text, fc, 40))
            if lead is not None:
                _average_since_year(out, text, figs, n, lead)
                _average_in_bracket(out, text, figs, n, lead)


MULTIPLE_LEAD_RE = re.compile(r"(?<![\w])(?:gấp|tăng gấp)\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)


def _multiple_of_bracket(out, text: str, figs, n: int, sc) -> None:
    """`A, chiếm P% …, gấp M lần cùng kỳ (B)`: a multiple whose base the sentence names and
    states in the bracket right after it, of the level before it in its clause (passing
    over the percentages stated of that level): M = A/B, both in one unit."""
    s_i, s = figs[n]
    if s.kind != "statistic" or n + 1 >= len(figs) or not MULTIPLE_LEAD_RE.search(_before(text, s, 16)) \
            or any(rel.kind is RelationKind.MULTIPLE for rel in out[s_i].relations):
        return
    after = sc.base_after.match(text, s.end)
    if after is None or not after.group("open") or text[after.end():figs[n + 1][1].start].strip():
        return
    b = figs[n + 1][0]
    if not CLOSES_RE.match(text, figs[n + 1][1].end):
        return  # (`(B, C)`: the bracket holds more than the base)
    a = None
    for m in range(n - 1, -1, -1):
        gap = outside(text[figs[m][1].end:s.start])
        if "(" in gap or ")" in gap or STOP_RE.search(gap) or len(gap) > 80:
            return
        if out[figs[m][0]].unit not in RATES_OR_POINTS:
            a = figs[m][0]
            break
    if a is None or out[a].unit is None or out[a].unit in NO_LEVEL_UNITS or out[b].unit != out[a].unit:
        return
    why = f"`{s.text}{after.group(0).rstrip('( ')}` of `{out[a].figure.text}` over its base `{out[b].figure.text}`"
    out[s_i].relations.append(Relation(RelationKind.MULTIPLE, s_i, (a, b), "", why))


def outside(gap: str) -> str:
    """The text between two figures without its closed brackets (`(A cũ 0,96%; B cũ 1,12%)`)."""
    while True:
        stripped = CLOSED_BRACKET_RE.sub(" ", gap)
        if stripped == gap:
            return gap
        gap = stripped


def nearest_level(out, text: str, figs, n: int, not_levels: tuple[str, ...]) -> int | None:
    """Where in `figs` the nearest figure before `figs[n]` in its clause stands, passing over
    figures in brackets closed before it and those in `not_levels` (rates stated of the
    level); None at a clause's end, a bracket still open or a long gap."""
    s = figs[n][1]
    for m in range(n - 1, -1, -1):
        j, f = figs[m]
        gap = outside(text[f.end:s.start])
        if "(" in gap or STOP_RE.search(gap) or len(gap) > 80:
            return None
        if ")" in gap or out[j].unit in not_levels:
            continue
        return m
    return None


def _head_before(text: str, figs, n: int) -> int | None:
    """The position (in `figs`) of the figure a stated figure is said of: the last one before
    it outside closed brackets, in the same clause, a short way back, passing over other
    percentages stated of it."""
    start = figs[n][1].start
    for m in range(n - 1, -1, -1):
        gap = outside(text[figs[m][1].end:start])
        if "(" in gap or ")" in gap:
            continue  # inside a bracket closed before the stated figure, or one still open
        if STOP_RE.search(gap) or len(gap) > 80:
            return None
        if figs[m][1].unit in SIBLING_UNITS and figs[n][1].unit in SIBLING_UNITS:
            start = figs[m][1].start  # `đạt A, bằng 113,9% dự toán, tăng 9,6% so với …`: both of A
            continue
        return m
    return None


SIBLING_UNITS = ("percent",)  # (a margin in points is said of the rate before it)


NON_DIGITS_RE = re.compile(r"\D*")


def _before(text: str, fig, width: int) -> str:
    """The text before a figure's number: `ước đạt 59,9%` keeps its lead in its own text."""
    return text[max(0, fig.start - width):fig.start] + NON_DIGITS_RE.match(fig.text).group(0)


def _is_points(fig, unit) -> bool:
    return unit in POINTS or "điểm" in fig.text.lower()


def _form(lead: re.Match, stated_points: bool, level_unit: str) -> str | None:
    """How the stated figure relates a result A to its base B, or None when unsure."""
    word = next(k for k in ("of", "over", "under") if lead.group(k))
    if stated_points:
        # A margin in points is a difference of two rates.
        return None if word == "of" or level_unit not in RATES else {"over": "above", "under": "below"}[word]
    if word != "of" and level_unit in RATES:
        return None  # `vượt 1,4%` of a rate: points or percent? the writers use both
    return {"of": "of", "over": "over", "under": "under"}[word]


def _stated_of(out, text: str, figs, n: int, sc) -> None:
    """`A, bằng P% <base> (B)`, `A/B unit, bằng P%`, `A, vượt M điểm % so với <base> (B)`."""
    s_i, s = figs[n]
    unit = out[s_i].unit
    if s.kind != "statistic" or unit not in RATES + POINTS or (s.qualifier or "") in ("gt", "ge", "lt", "le", "range"):
        return
    lead = sc.lead.search(_before(text, s, 60))
    if lead is None:
        _bracketed_of_pair(out, text, figs, n)
        return
    if lead.group("base") and lead.group("of"):
        return  # `đạt chỉ tiêu 70%`: the figure is the base itself
    after = sc.base_after.match(text, s.end)
    base = lead.group("base") or (after.group("base") if after else "")
    bracket = None
    if after and n + 1 < len(figs) and text[after.end():figs[n + 1][1].start].strip() == "":
        # `bằng 104,8% dự toán (17.200 tỷ đồng)`, `vượt 1,6 điểm % so với chỉ tiêu 24%`
        bracket = figs[n + 1][0]
    since = past = None
    if not base and n + 1 < len(figs) and _is_points(s, unit) and not lead.group("of"):
        # `còn 9,85%, giảm 3,1 điểm % so với cuối năm 2024 (13,05%)`: the change in points
        # from the rate of an earlier year, in brackets
        since = SINCE_YEAR_RE.match(text[s.end:figs[n + 1][1].start])
        if since:
            base, bracket = f"năm {since.group(1)}", figs[n + 1][0]
        else:
            since = SINCE_SAME_RE.match(text[s.end:figs[n + 1][1].start])
            if since:
                base, bracket = since.group(1), figs[n + 1][0]
    if not base and bracket is None and _is_points(s, unit) and not lead.group("of"):
        since = past = _past_level_before(text, figs, n, max(0, s.start - 60) + lead.start())
        if since:
            base, bracket = f"năm {since.group(1)}", figs[n - 1][0]
    pair = _pair_before(out, text, figs, n)
    if not base and pair is None:
        return
    _record_base(out[s_i], s_i, base)
    if (pair is not None) == (bracket is not None):
        return  # no base figure, or two candidates
    by_unit = None
    if pair is not None:
        a, b = pair
    else:
        head = _head_before(text, figs, n)
        a, b = (figs[head][0] if head is not None else None), bracket
        if (a is None or out[a].unit != out[b].unit) and lead.group("of") and base:
            # (`5.438 căn với 299.090 m², bằng 96,0% kế hoạch (6.000 căn)`: the plan's unit names the result)
            a = by_unit = result_by_unit(out, text, figs, n, b)
        if a is None:
            return
    level_unit = out[a].unit
    if level_unit is None or out[b].unit != level_unit or level_unit == "times":
        return
    form = _form(lead, _is_points(s, unit), level_unit)
    if form is None:
        return
    why = f"`{lead.group(0).strip()}` {s.text} of `{out[a].figure.text}` over its base `{out[b].figure.text}`"
    _replace_base(out[s_i], Relation(RelationKind.STATED_OF, s_i, (a, b), form, why, _norm(base)))
    if past and out[a].indicator:
        # (the bracket's rate is the same rate a year earlier, whatever its lead words read as)
        out[b].settle("indicator", Resolution(out[a].indicator, Evidence.CLAUSE,
                                              f"the past level in brackets of `{out[a].figure.text}`"))
    if b == bracket and base and not since and not sc.measured.match(base):
        # `bằng 104,8% dự toán (17.200 tỷ đồng)`: the base figure is the target itself.
        out[b].settle("role", Resolution("target", Evidence.CLAUSE, f"the base `{base.strip()}` it stands in brackets for"))
        year = SUB_PERIOD_RE.match(out[b].period or "") if by_unit is None else None
        # (a result found by its unit outside the bracket's clause does not tell which part of
        # the year the plan is of: the bracket keeps the period it was read with)
        if year and (YEAR_PLAN_RE.match(_norm(base)) or BUDGET_PLAN_RE.match(_norm(base))):
            # `đạt 51,5% kế hoạch năm (56.000 lao động)` in a 6-month report: the plan in the
            # bracket is the whole year's, not the half-year's.
            out[b].settle("period", Resolution(year.group(1), Evidence.CLAUSE,
                                               f"the year's plan `{base.strip()}` it stands in brackets for"))


# `kế hoạch năm`, `dự toán cả năm`: the plan of the whole year, not of a part of it.
YEAR_PLAN_RE = re.compile(r"(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu)\s+(?:cả\s+)?năm(?!\s*\d)(?![\w])", re.I)
SUB_PERIOD_RE = re.compile(r"^(\d{4})-(?:\d+M|Q\d|\d{2}|YTD)$")
# `đạt 59,4% dự toán (34.000 tỷ đồng)` in a part-year report: a budget's plan with no period
# word (nor any other word but the body that set it) is set for the year, never for a part of it.
BUDGET_PLAN_RE = re.compile(r"dự toán(?:\s+(?:được\s+)?(?:hđnd|hội đồng nhân dân|trung ương|tw|thủ tướng chính phủ"
                            r"|bộ tài chính)(?:\s+tỉnh|\s+thành phố)?\s+giao)?$")


# `còn 9,86% (cuối năm 2024 là 12,52%), giảm 2,66 điểm %`: the past rate in the bracket
# between the rate and its change in points.
PAST_RATE_OPEN_RE = re.compile(r"\s*\(\s*(?:so với\s+)?(?:cuối\s+|đầu\s+)?năm\s+(\d{4})\s*(?:là|:|đạt|ở mức)?\s*$", re.I)


def _past_level_before(text: str, figs, n: int, lead_start: int) -> re.Match | None:
    """The opening of a bracket holding only a past year's rate, between the rate before it
    and the change in points stated right after it (`A (năm X là B), giảm D điểm %`)."""
    if n < 2:
        return None
    (_, fa), (_, fb) = figs[n - 2], figs[n - 1]
    if not re.fullmatch(r"\s*\)\s*,?\s*", text[fb.end:lead_start]):
        return None
    return PAST_RATE_OPEN_RE.fullmatch(text, fa.end, fb.start)


# `13.117 hộ, chiếm 1,34% tổng số hộ (980.450 hộ)`: a share, then its whole's words and the
# whole in brackets.
SHARE_LEAD_RE = re.compile(r"(?<![\w])chiếm(?:\s+(?:khoảng|tỷ lệ|tới|gần))?\s*$", re.I)
WHOLE_OPEN_RE = re.compile(r"\s+[^\W\d_][^\d();,.:%]{0,40}?\s*\(\s*")


def _share_of_bracketed_whole(out, text: str, figs, n: int) -> None:
    """`A, chiếm P% <whole> (B)`, A and B in one unit: P is A over B."""
    s_i, s = figs[n]
    if s.kind != "statistic" or out[s_i].unit not in RATES or (s.qualifier or "") not in ("", "eq", "about") \
            or n + 1 >= len(figs) or any(rel.kind is RelationKind.STATED_OF for rel in out[s_i].relations):
        return
    b_i, fb = figs[n + 1]
    if not SHARE_LEAD_RE.search(text, max(0, s.start - 25), s.start) \
            or not WHOLE_OPEN_RE.fullmatch(text, s.end, fb.start) or not CLOSES_RE.match(text, fb.end):
        return
    head = _head_before(text, figs, n)
    if head is None:
        return
    a_i, fa = figs[head]
    unit = out[a_i].unit
    if unit is None or unit in RATES + POINTS + ("times",) or out[b_i].unit != unit \
            or (fa.qualifier or "") not in ("", "eq", "estimate") or (fb.qualifier or "") not in ("", "eq"):
        return
    why = f"`chiếm {s.text}` of `{fa.text}` over the whole `{fb.text}` in brackets"
    _replace_base(out[s_i], Relation(RelationKind.STATED_OF, s_i, (a_i, b_i), "of", why, ""))


def _pair_before(out, text: str, figs, n: int):
    """`4.790/4.500 tỷ đồng, bằng 104,6%`: the result and target of the pair right before."""
    if n < 2:
        return None
    two = {f.qualifier: (i, f) for i, f in figs[n - 2:n]}
    if set(two) != {"result_of_pair", "target_of_pair"} or figs[n - 2][1].start != figs[n - 1][1].start:
        return None
    (a, _), (b, fb) = two["result_of_pair"], two["target_of_pair"]
    gap = text[fb.end:figs[n][1].start]
    return (a, b) if len(gap) <= 30 and not STOP_RE.search(gap) and "(" not in gap else None


def _bracketed_of_pair(out, text: str, figs, n: int) -> None:
    """`1.285/4.150 tỷ đồng (30,1%)`: a percentage alone in the bracket right after a result
    over its target is the one over the other (P = 100·A/B)."""
    s_i, s = figs[n]
    if n < 2 or _is_points(s, out[s_i].unit) or not CLOSES_RE.match(text, s.end):
        return
    two = {f.qualifier: (i, f) for i, f in figs[n - 2:n]}
    if set(two) != {"result_of_pair", "target_of_pair"} or figs[n - 2][1].start != figs[n - 1][1].start:
        return
    (a, _), (b, fb) = two["result_of_pair"], two["target_of_pair"]
    if not re.fullmatch(r"\s*\(\s*", text[fb.end:s.start]) or out[a].unit is None \
            or out[b].unit != out[a].unit or out[a].unit == "times":
        return
    why = f"{s.text} in the bracket after `{out[a].figure.text}`: the result over its target"
    _replace_base(out[s_i], Relation(RelationKind.STATED_OF, s_i, (a, b), "of", why, ""))


# `cùng kỳ năm trước`, `cùng kỳ năm ngoái` say what `cùng kỳ` says: one base.
SAME_PERIOD_RE = re.compile(r"^cùng kỳ (?:năm trước|năm ngoái)$")


def _norm(base: str) -> str:
    words = " ".join(base.lower().split()) if base else ""
    return "cùng kỳ" if SAME_PERIOD_RE.match(words) else words


def _record_base(r, subject: int, base: str) -> None:
    """Every percentage of a base carries its base, recomputable or not: `59,9% dự toán
    Trung ương giao` and `58% dự toán HĐND tỉnh giao` are different facts."""
    if base and not any(rel.kind is RelationKind.STATED_OF for rel in r.relations):
        r.relations.append(Relation(RelationKind.STATED_OF, subject, (), "", "the base it is stated against", _norm(base)))


def _replace_base(r, rel: Relation) -> None:
    r.relations[:] = [x for x in r.relations if x.kind is not RelationKind.STATED_OF] + [rel]


def _times_from_to(out, text: str, figs, cues) -> None:
    """`tăng 1,35 lần, từ 7.115 doanh nghiệp năm 2020 lên 9.604 doanh nghiệp năm 2025`: the
    multiple relates the level it rose to (numerator) to the one it rose from."""
    for n in range(len(figs) - 2):
        (t, ft), (a, fa), (b, fb) = figs[n], figs[n + 1], figs[n + 2]
        if out[t].unit != "times" or any(rel.kind is RelationKind.MULTIPLE for rel in out[t].relations):
            continue
        if not cues.multiple_lead.search(text[max(0, ft.start - 8):ft.start]):
            continue
        if not TIMES_FROM_RE.match(text[ft.end:fa.start]) or not TO_RE.match(text[fa.end:fb.start]):
            continue
        if out[a].unit is None or out[a].unit != out[b].unit:
            continue
        out[t].relations.append(Relation(RelationKind.MULTIPLE, t, (b, a), "", "the multiple of the change after it"))


def _level_year(text: str, fig) -> int | None:
    """The year written right after a level, or None."""
    m = LEVEL_YEAR_RE.match(text, fig.end)
    return int(m.group(1)) if m else None


def _average_after_change(out, text: str, figs, n: int, change: Relation, sc) -> None:
    """`từ A năm X xuống B năm Y (…), bình quân mỗi năm giảm C điểm %`: C = (A − B) / (Y − X);
    for levels and `tăng bình quân C%/năm`, C is the compound rate (B / A)^(1/(Y − X)) − 1."""
    b_i, fb = figs[n]
    a_i = change.others[0]
    fa = out[a_i].figure
    if n + 1 >= len(figs):
        return
    for c_i, fc in figs[n + 1:]:
        gap = outside(text[fb.end:fc.start])
        if "(" not in gap and ")" not in gap:
            break
    else:
        return
    if STOP_RE.search(gap) or len(gap) > 60 or not sc.average.search(gap):
        return
    first, last = _level_year(text, fa), _level_year(text, fb)
    if first is None or last is None or last <= first:
        return
    word = DIRECTION_RE.findall(gap)
    up = word[-1].lower() == "tăng" if word else change.detail == "up"
    form = _change_form(out, a_i, b_i, c_i, up)
    if form is not None:
        out[c_i].relations.append(Relation(RelationKind.AVERAGE_CHANGE, c_i, (a_i, b_i), form,
                                           f"a yearly average of the change from `{fa.text}` to `{fb.text}`",
                                           span=last - first))


def _change_form(out, a: int, b: int, c: int, up: bool) -> str | None:
    """Points for two rates and a change in points; compound for two levels and a rate in %."""
    unit, c_unit = out[a].unit, out[c].unit
    if unit is None or out[b].unit != unit:
        return None
    if _is_points(out[c].figure, c_unit) and unit in RATES:
        return "points_up" if up else "points_down"
    if c_unit in RATES and not _is_points(out[c].figure, c_unit) and unit not in RATES + POINTS + ("times",):
        return "compound_up" if up else "compound_down"
    return None


def _average_since_year(out, text: str, figs, n: int, m: re.Match) -> None:
    """`2.805 triệu USD, tăng bình quân 12,7%/năm so với năm 2020 (1.542 triệu USD)`: the
    compound rate from the bracketed level of year X to the level before, of its own year
    (a rate, not in points, after its average's lead `m`)."""
    c_i, fc = figs[n]
    if n + 1 >= len(figs):
        return
    since = SINCE_YEAR_RE.match(text[fc.end:figs[n + 1][1].start])
    head = _head_before(text, figs, n)
    if since is None or head is None:
        return
    b_i, a_i = figs[n + 1][0], figs[head][0]
    clause_start = max(text.rfind(";", 0, figs[head][1].start), text.rfind(". ", 0, figs[head][1].start), 0)
    year = YEAR_RE.findall(outside(text[clause_start:figs[head][1].start]))
    if not year or int(year[-1]) <= int(since.group(1)):
        return
    _add_yearly_average(out, m, b_i, a_i, c_i, int(since.group(1)), int(year[-1]))


def _add_yearly_average(out, lead, b_i: int, a_i: int, c_i: int, since: int, own: int) -> None:
    """The compound yearly rate `c` from level `b` of year `since` to level `a` of year `own`,
    where the two levels and the rate's direction (`lead`: tăng/giảm) make one."""
    up = (lead.group("d1") or lead.group("d2")).lower() == "tăng"
    form = _change_form(out, b_i, a_i, c_i, up)
    if form is not None and form.startswith("compound"):
        out[c_i].relations.append(Relation(RelationKind.AVERAGE_CHANGE, c_i, (b_i, a_i), form,
                                           f"a yearly average since `{out[b_i].figure.text}` (năm {since})",
                                           span=own - since))


# `A (năm 2020 là B, tăng bình quân C%/năm)`: the bracket after a level opens with a past
# year's level of it.
PAST_LEVEL_OPEN_RE = re.compile(r"\s*\(\s*(?:so với\s+)?năm\s+(\d{4})\s*(?:là|:|đạt)?\s*$", re.I)
OWN_YEAR_RE = re.compile(r"^(\d{4})$")


def _average_in_bracket(out, text: str, figs, n: int, m: re.Match) -> None:
    """`Hòa Bình (cũ) 1.920 triệu USD (năm 2020 là 890 triệu USD, tăng bình quân 18,6%/năm)`:
    the compound rate from the bracketed past level to the level before the bracket, of its
    own year (a rate, not in points, after its average's lead `m`)."""
    c_i, fc = figs[n]
    if n < 2:
        return
    (a_i, fa), (b_i, fb) = figs[n - 2], figs[n - 1]
    opening = PAST_LEVEL_OPEN_RE.match(text[fa.end:fb.start])
    if opening is None or not re.fullmatch(r"\s*[,;]?\s*", text[fb.end:max(0, fc.start - 40) + m.start()]) \
            or not CLOSES_RE.match(text, fc.end):
        return  # (the rate closes the bracket: nothing else is said of the two levels)
    own = OWN_YEAR_RE.match(out[a_i].period or "")
    if own is None or int(own.group(1)) <= int(opening.group(1)):
        return
    _add_yearly_average(out, m, b_i, a_i, c_i, int(opening.group(1)), int(own.group(1)))


# `15.490 doanh nghiệp, tăng 4.250 doanh nghiệp so với cuối năm 2020 (11.240 doanh nghiệp)`:
# a change by an amount against a past level in the bracket right after it.
AMOUNT_LEAD_RE = re.compile(r"(?<![\w])(tăng|giảm)(?:\s+thêm)?\s+$", re.I)
PAST_BRACKET_RE = re.compile(r"\s*so với\s+(?:cuối\s+|đầu\s+)?(?:năm\s+\d{4}|cùng kỳ(?:\s+năm\s+\d{4})?)\s*\(\s*$",
                             re.I)


def _change_in_level(out, text: str, figs, n: int) -> None:
    """`A, tăng D so với năm X (B)`, all three in one unit (no rate): D = A − B (`giảm`: B − A)."""
    s_i, s = figs[n]
    unit = out[s_i].figure.unit
    if s.kind != "statistic" or unit is None or unit in RATES + POINTS + ("times",) or n + 1 >= len(figs) \
            or (s.qualifier or "") not in ("", "eq") or "/" in unit:
        return
    lead = AMOUNT_LEAD_RE.search(text, max(0, s.start - 12), s.start)
    b_i, fb = figs[n + 1]
    if lead is None or not PAST_BRACKET_RE.fullmatch(text, s.end, fb.start) or not CLOSES_RE.match(text, fb.end):
        return
    head = _head_before(text, figs, n)
    if head is None:
        return
    a_i, fa = figs[head]
    if not (fa.unit == unit == fb.unit) or (fa.qualifier or "") not in ("", "eq", "estimate") \
            or (fb.qualifier or "") not in ("", "eq"):
        return
    form = "above" if lead.group(1).lower() == "tăng" else "below"
    why = f"`{lead.group(1)} {s.text}` from `{fb.text}` to `{fa.text}`"
    _replace_base(out[s_i], Relation(RelationKind.STATED_OF, s_i, (a_i, b_i), form, why, ""))
