"""The base of a stated percentage found elsewhere in the document: a growth `A, tăng P% so
với năm 2024` whose 2024 level is stated in another section or a table, a share of plan
`A, đạt P% dự toán` whose plan is stated elsewhere, a share `A, chiếm P% <whole>` whose
whole is.  Each becomes a `stated_of` relation (A, B) on the percentage, which the kind
`stated_ratio` (mode `of_base`) recomputes.  So does a growth after a change's own levels
(`tăng từ A lên B, tăng P%`).  A yearly mean after its term's total (`kết nạp 30.390 đảng
viên, bình quân mỗi năm 6.078`) becomes an `average_change` relation of form `mean`, which
the kind `growth` (mode `mean`) recomputes.

The base is taken only where the document states it once, or several times alike, under
the same key as A (indicator, province, scope, unit) with the period, role or indicator
the wording names; a figure no catalog indicator names, two base values that differ, or a
base wording not read with certainty leaves the percentage without a relation."""

from __future__ import annotations

import re

from checker.records import Evidence, Relation, RelationKind, Resolution
from checker.resolve.counted import same_count
from checker.resolve.local_wholes import doubtful, named_whole, sentence_total
from checker.resolve.resolved import Resolved
from checker.resolve.stated import POINTS, RATES, STOP_RE, YEAR_PLAN_RE, _before, _head_before, outside
from checker.units import NOUN_PREFIX

# `tăng 9,5%`, `giảm khoảng 3%`, `bằng 97,4%` right before the percentage (not `tăng bình quân`,
# `tăng trưởng`).
GROWTH_LEAD_RE = re.compile(r"(?<![\w])(?P<dir>tăng|giảm|bằng|đạt)\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)
# The period the growth is measured against, right after the percentage: a past level
# (`so với cùng kỳ`, `so với năm 2024`, `bằng 97,4% ước thực hiện năm 2025`) or a past plan
# (`so với dự toán năm 2025`).
GROWTH_BASE_RE = re.compile(
    r"\s*(?P<compared>so với\s+)?(?:(?P<same>cùng kỳ)(?:\s+năm\s+(?:(?P<same_year>\d{4})|trước))?"
    r"|(?P<plan>dự toán|kế hoạch)\s+năm\s+(?P<plan_year>\d{4})"
    r"|(?P<done>(?:ước\s+)?(?:thực hiện|TH|quyết toán)\s+)?năm\s+(?:(?P<year>\d{4})|(?P<previous>trước))"
    r"|(?P<school>năm học\s+\d{4}\s*[-–]\s*\d{4})"
    r")(?![\w])(?!\s*[-–]\s*\d)", re.I)
# The bracket that holds the base level: `(7.182 tỷ đồng)`, `(cùng kỳ năm 2024 đạt 88.540 tỷ đồng)`.
BRACKET_RE = re.compile(r"\s*\(\s*(?:(?:thực hiện\s+)?(?:cùng kỳ|năm)(?:\s+năm)?(?:\s+\d{4}|\s+trước)?"
                        r"\s*(?:đạt|là|:)?\s*)?$", re.I)
BRACKET_AHEAD_RE = re.compile(r"\s*[(:]")
MULTIPLE_LEAD_RE = re.compile(r"(?<![\w])(?:gấp|bằng)\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)
# `chiếm 34,8%`, `bằng 44,2%` right before a share of a whole.
SHARE_LEAD_RE = re.compile(r"(?<![\w])(?:chiếm|bằng)(?:\s+tỷ\s+lệ)?\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)
# A share in a bracket right after its figure: `9.640 tỷ đồng (chiếm 29,7%)`.
OWN_BRACKET_RE = re.compile(r"^\s*\(\s*(?:chiếm|bằng)(?:\s+tỷ\s+lệ)?\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)
# A share in a bracket after its figure's own words: `92 xã đạt chuẩn nông thôn mới nâng cao (chiếm 50,8%)`.
LABELLED_BRACKET_RE = re.compile(r"^\s*[^\W\d][^\d,;:.()%]{0,80}?\(\s*(?:chiếm|bằng)(?:\s+tỷ\s+lệ)?\s+"
                                 r"(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)
# The whole a share is of, right after it, up to the end of its phrase.
WHOLE_RE = re.compile(r"\s*(?:của\s+|trong\s+)?(?P<whole>[^\d,;:.()%]{2,60}?)\s*(?=$|[,;:.()]|\s(?:và|so với|của|năm)\s)",
                      re.I)
# A whole that is no level stated elsewhere: a base of a plan or a past period, or a share of a population.
NOT_A_WHOLE_RE = re.compile(r"^(?:so với|dự toán|kế hoạch|mục tiêu|chỉ tiêu|nghị quyết|KH|cùng kỳ|thực hiện|"
                            r"ước thực hiện|năm|tỷ lệ|số|dân số|lao động|hộ|người)(?![\w])", re.I)
# A yearly rate: `tăng 3%/năm`, `tăng 3% mỗi năm`.
YEARLY_AFTER_RE = re.compile(r"\s*(?:/\s*năm|(?:mỗi|một|hằng|hàng)\s+năm|bình quân)", re.I)
# `bình quân 6.583`, `bình quân mỗi năm 6.078` right before a mean a year.
MEAN_LEAD_RE = re.compile(r"(?<![\w])bình quân(?:\s+(?:mỗi|hằng|hàng|một)\s+năm)?\s+(?:khoảng\s+|gần\s+)?$", re.I)
PER_YEAR_RE = re.compile(r"\s*(?:[^\W\d]+\s+){0,3}?(?:mỗi|một|hằng|hàng)\s+năm|\s*/\s*năm", re.I)
SPAN_RE = re.compile(r"^(\d{4})-(\d{4})$")
# `48.650 tấn (năm 2024: 46.120 tấn), tăng 5,9%`: the base level bracketed after its level,
# then the growth.
BASE_BRACKET_RE = re.compile(r"^\s*\(\s*(?:(?:thực hiện\s+)?(?:cùng kỳ\s+)?năm\s+\d{4}|cùng kỳ)\s*(?::|đạt|là)\s*$", re.I)
NOUN_BEFORE_BRACKET_RE = re.compile(r"^\s*[^\W\d][^\d()]{0,40}?(?=\s*\()")
NOUN_BEFORE_CLOSE_RE = re.compile(r"^\s*[^\W\d][^\d(),;]{0,20}?(?=\s*\))")
CLOSE_LEAD_RE = re.compile(r"^\s*\)\s*,?\s*(?:tăng|giảm)\s+(?:khoảng\s+)?$", re.I)
# `tổng`, `tổng số` opening a whole's name: the total of the thing named after it.
TOTAL_HEAD_RE = re.compile(r"tổng(?:\s+số)?\s+", re.I)
# The whole province after a whole's name (`diện tích lúa toàn tỉnh`).
WHOLE_WORDS_RE = re.compile(r"(?<![\w])(?:toàn|cả)\s+(?:tỉnh|thành phố)(?![\w])", re.I)
YEARLY_BEFORE_RE = re.compile(r"bình quân|trung bình|(?:mỗi|hằng|hàng)\s+năm", re.I)
SUB_YEAR_RE = re.compile(r"^(\d{4})(-(?:\d+M|Q\d|\d{2}|YTD))?$")
LEVEL_ROLES = ("actual", "baseline")
NEIGHBOURS = 60  # (how far from a figure in `out` the figures of its sentence are looked for)


def stated_bases(out: list[Resolved], blocks, catalog) -> None:
    """Add a `stated_of` relation to each growth whose base level the document states
    (in a bracket right after it, or elsewhere under the same key), and to each share
    whose whole it states."""
    index = _LevelIndex(out, _giver_scopes(catalog))
    for text, figs in blocks:
        # Each figure goes to the readers its unit allows (the units are settled by now): a
        # percentage to the growth, plan-share and share readers, a multiple to its own, a
        # level to the yearly mean's.
        for n, (s_i, s) in enumerate(figs):
            unit = out[s_i].unit
            if unit is None or unit in POINTS:
                continue
            if any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations):
                continue
            if unit in RATES:
                _growth(out, text, figs, n, index) or _plan_share(out, s_i, index) \
                    or _share(out, text, figs, n, index, catalog)
            elif unit == "times":
                _multiple(out, text, figs, n, index)
            else:
                _yearly_mean(out, text, figs, n)


def _yearly_mean(out, text: str, figs, n: int) -> bool:
    """`kết nạp 30.390 đảng viên (…), bình quân mỗi năm 6.078 đảng viên`: the total of a term
    over its years (`bình quân 6.583 đảng viên/năm` alike)."""
    s_i, s = figs[n]
    r = out[s_i]
    if s.kind != "statistic" or not _is_level(r):
        return False
    before = _before(text, s, 30)
    # (its lead is written with `quân`, whose letters have no other case than their capitals:
    # a figure with none before it is not searched)
    lead = MEAN_LEAD_RE.search(before) if "quân" in before.lower() else None
    if lead is None or not (r.measure == "annual_mean" or "năm" in lead.group(0).lower()
                            or PER_YEAR_RE.match(text, s.end) or re.search(r"/\s*năm", s.text, re.I)):
        return False
    found = _level_before(out, text, figs, n)
    if found is None:
        return False
    a_i, a = found
    span = SPAN_RE.match(a.period or "")
    if a.unit != r.unit or a.indicator != r.indicator or a.measure or span is None:
        return False
    years = int(span.group(2)) - int(span.group(1)) + 1
    if not 2 <= years <= 10:
        return False
    why = f"`{lead.group(0).strip()} {s.text}`: the mean a year of `{a.figure.text}` over {years} years"
    r.relations.append(Relation(RelationKind.AVERAGE_CHANGE, s_i, (a_i, a_i), "mean", why, span=years))
    return True


def _level_before(out, text: str, figs, n: int) -> tuple[int, Resolved] | None:
    """The figure (its position in `out`, and it) that the figure `figs[n]` is stated of
    (`stated._head_before`), if any."""
    head = _head_before(text, figs, n)
    if head is None:
        return None
    return figs[head][0], out[figs[head][0]]


def _role(r: Resolved) -> str:
    """A share's whole has the role of its part: a target's whole is a target."""
    return "target" if r.role == "target" else "actual"


# How a percentage of each plan measure is stated of its result A and plan B: 100·A/B,
# 100·A/B − 100 (`vượt 2,4% kế hoạch`), 100 − 100·A/B (`hụt 3% kế hoạch`); and the detail of
# the SHARE_OF relation that names its result.
PLAN_FORMS = {"plan_share": ("of", "plan"), "plan_excess": ("over", "plan_excess"),
              "plan_shortfall": ("under", "plan_shortfall")}


def _plan_share(out, s_i: int, index: "_LevelIndex") -> bool:
    """`A, đạt P% dự toán` whose plan the document states elsewhere, once: P = 100·A/B
    (`vượt P% kế hoạch`: P = 100·A/B − 100)."""
    s = out[s_i]
    if s.measure not in PLAN_FORMS or not _is_rate(out, s_i, s.figure):
        return False
    form, detail = PLAN_FORMS[s.measure]
    of = [rel.others[0] for rel in s.relations if rel.kind is RelationKind.SHARE_OF and rel.detail == detail]
    if not of:
        return False
    a = out[of[0]]
    if a.role != "actual" or not a.period or not _is_level(a):
        return False
    within = SUB_YEAR_RE.match(a.period)
    base = next((rel.base for rel in s.relations if rel.kind is RelationKind.STATED_OF), "")
    if within and within.group(2) and YEAR_PLAN_RE.match(base or ""):
        # `6 tháng … 24.770 tỷ đồng, bằng 54,4% dự toán năm`: of the year's plan, never the
        # half-year's; the year's, if stated once, else none.
        b_i = index.level(a, within.group(1), role="target")
        if b_i is None or _claimed(out, b_i, s_i):
            return False
        why = f"`{s.figure.text}` of the year's plan: `{a.figure.text}` over `{out[b_i].figure.text}` stated elsewhere"
        return _relate(out, s_i, of[0], b_i, form, why)
    b_i = index.level(a, a.period, role="target")
    if b_i is None and within and within.group(2) and index.level(a, within.group(1), role="actual") is None:
        # `6 tháng … 7.860 tỷ đồng, bằng 58,2% dự toán`: the plan of a part of a year is the
        # year's (stated once, and no result of the whole year stated beside it)
        b_i = index.level(a, within.group(1), role="target")
    if b_i is None and not (a.scope or ""):
        # `bằng 58,2% dự toán` where the one plan stated is `dự toán do HĐND tỉnh giao`: a
        # plan named without its giver is the one plan there is (plans that differ: none);
        # a plan of a narrower whole (`không kể tiền sử dụng đất`) is no plan of all of it
        b_i = index.any_scope_level(a, a.period, "target")
        if b_i is None and within and within.group(2) and index.level(a, within.group(1), role="actual") is None:
            b_i = index.any_scope_level(a, within.group(1), "target")
    if b_i is None or _claimed(out, b_i, s_i):
        return False
    why = f"`{s.figure.text}` of plan: `{a.figure.text}` over the plan `{out[b_i].figure.text}` stated elsewhere"
    return _relate(out, s_i, of[0], b_i, form, why)


def _claimed(out, b_i: int, s_i: int) -> bool:
    """Whether the level `b_i` a lookup found for the percentage `s_i` is already the base of
    another figure of `s_i`'s sentence (`…, đạt 98,0% dự toán (9.180 tỷ đồng)`): a bracketed
    base is the ratio's right before it, never one of an earlier clause (abstain)."""
    s = out[s_i]
    for j in range(max(0, s_i - NEIGHBOURS), min(len(out), s_i + NEIGHBOURS)):
        r = out[j]
        if j != s_i and r.block is s.block and r.sentence == s.sentence and any(
                rel.kind is RelationKind.STATED_OF and len(rel.others) == 2 and rel.others[1] == b_i
                for rel in r.relations):
            return True
    return False


def _giver_scopes(catalog) -> frozenset[str]:
    """The scopes that name who set a plan (`central_assigned`, `council_assigned`): those
    whose every phrase is also a target cue (`HĐND tỉnh giao`), not a part of the whole."""
    targets = set(catalog.cues["role"]["target"])
    return frozenset(k for k, words in catalog.cues["scope"].items() if words and targets.issuperset(words))


def _is_level(r) -> bool:
    """Whether a figure is a level a percentage can be stated of: it has a unit, and the unit
    is no rate, no points and no multiple."""
    return r.unit is not None and r.unit not in RATES + POINTS + ("times",)


def _uncatalogued(unit: str | None) -> bool:
    """No catalog unit: none read, or a noun the unit catalog does not know (`1.245 mã số`)."""
    return unit is None or unit.startswith(NOUN_PREFIX)


def _counted_pair(out, text: str, figs, a_i: int, b_i: int) -> bool:
    """`8.433 giấy phép …, tăng 9,7% so với năm 2024 (7.812 giấy phép)`: two plain counts no
    catalog unit was read for, of the same noun (`counted.same_count`), are a level and its base."""
    at = {j: f for j, f in figs}
    fa, fb = at.get(a_i), at.get(b_i)
    return fa is not None and fb is not None and fa.kind == fb.kind == "statistic" \
        and not {fa.qualifier, fb.qualifier} & {"gt", "ge", "lt", "le", "range"} and _uncatalogued(out[a_i].unit) \
        and same_count(text, fa, out[a_i].unit, fb, out[b_i].unit)


def _relate(out, s_i: int, a_i: int, b_i: int, form: str, why: str) -> bool:
    """The percentage `s_i` stated of `a_i` over its base `b_i`, keeping the base words it carries."""
    base = next((rel.base for rel in out[s_i].relations if rel.kind is RelationKind.STATED_OF), "")
    out[s_i].relations[:] = [x for x in out[s_i].relations if x.kind is not RelationKind.STATED_OF] + [
        Relation(RelationKind.STATED_OF, s_i, (a_i, b_i), form, why, base)]
    return True


def _is_rate(out, s_i: int, s) -> bool:
    """A percentage stated of a level (no bound, no range, no points)."""
    return s.kind == "statistic" and out[s_i].unit in RATES and "điểm" not in s.text.lower() \
        and (s.qualifier or "") not in ("gt", "ge", "lt", "le", "range")


def _share(out, text: str, figs, n: int, index: "_LevelIndex", catalog) -> bool:
    """`A, chiếm P% <whole>` / `A (chiếm P%)` in a list under its total: P = 100·A/B."""
    s_i, s = figs[n]
    if not _is_rate(out, s_i, s) or n == 0:
        return False
    before = _before(text, s, 30)
    lead = None
    own = OWN_BRACKET_RE.match(text[figs[n - 1][1].end:s.start]) \
        or LABELLED_BRACKET_RE.match(text[figs[n - 1][1].end:s.start])
    if own:
        a_i = figs[n - 1][0]
        a = out[a_i]
    elif (lead := SHARE_LEAD_RE.search(before)):
        found = _level_before(out, text, figs, n)
        if found is None:
            return False
        a_i, a = found
    else:
        return False
    if not _is_level(a) or a.figure.kind == "fraction":
        # (`100/152 xã (chiếm 65,8%)`: the share restates the fraction before it, its own
        # whole written there, not the total the fraction is listed under)
        return False
    whole = WHOLE_RE.match(text, s.end)
    phrase = whole.group("whole").strip() if whole else ""
    if s.value is None or s.value > 100:
        return False  # (over 100% is no share of a whole: `(bằng 105,4%)` of last year)
    total = _total_named(out, a_i, phrase, catalog)
    if total is not None:
        why = f"`{before.strip()} {s.text} {phrase}` of `{a.figure.text}` in the total it is listed under"
        return _relate(out, s_i, a_i, total, "of", why)
    if phrase and NOT_A_WHOLE_RE.match(phrase):
        return False
    if not phrase and not re.search(r"chiếm", (lead or own).group(0), re.I):
        # a bare `bằng P%` may be of last year or of a plan: only `chiếm` says whole (its own
        # lead: `chiếm 72,5% và bằng 96,8%` leads the second with `bằng`)
        return False
    if not phrase and a.figure.kind == "fraction":
        return False  # `A cũ 100/152 xã (chiếm 65,8%)`: the fraction's own share, not of the total above it
    b_i = _whole(out, a_i, phrase, index, catalog)
    if b_i is None:
        # (no catalog indicator or no province and period to key it: the words around it)
        b_i = named_whole(out, a_i, phrase, text[whole.end():whole.end() + 40]) if phrase \
            else sentence_total(out, text, figs, n, a_i)
    if b_i is None or out[b_i].unit != a.unit or out[b_i].figure.kind == "fraction" \
            and out[b_i].figure.value != out[b_i].figure.denominator:
        return False  # (`150/181 xã …, trong đó 92 xã (chiếm 50,8%)`: of the 150 or the 181?)
    if not phrase and _shares_of_its_own(text, figs, out[b_i].figure):
        # `thu hoạch 990,7 nghìn ha, chiếm 62,5% diện tích gieo cấy, trong đó phía Bắc 762,3
        # nghìn ha, chiếm 72,5%`: a part's bare share says what its total's did, of its own
        # sown area, not of the total
        return False
    why = f"`{before.strip()} {s.text}` of `{a.figure.text}` in its whole `{out[b_i].figure.text}`"
    return _relate(out, s_i, a_i, b_i, "of", why)


def _shares_of_its_own(text: str, figs, total) -> bool:
    """Whether `total` is followed, in its clause, by a share of a whole it names."""
    for _, f in figs:
        if f.start < total.end:
            continue
        gap = text[total.end:f.start]
        if f.unit != "percent" or len(gap) > 30 or re.search(r"[;.(]", gap) or not SHARE_LEAD_RE.search(gap):
            return False
        whole = WHOLE_RE.match(text, f.end)
        return bool(whole and whole.group("whole").strip() and re.search(r"chiếm", gap, re.I))
    return False


def _total_named(out, a_i: int, phrase: str, catalog) -> int | None:
    """`trong đó … khai trừ 89 trường hợp (chiếm 4,6% số đảng viên bị kỷ luật)`: the whole's
    words name the indicator of the total the part is listed under (a count of kinds of one
    thing, in its own unit), so that total is the whole."""
    if not phrase:
        return None
    totals = [rel.others[0] for rel in out[a_i].relations if rel.kind is RelationKind.PART_OF]
    if len(totals) != 1 or not _is_level(out[totals[0]]):
        return None
    named = [m for m in catalog.indicator_matcher.find(phrase) if m.start == 0 and m.end == len(phrase)]
    if named and out[totals[0]].indicator in named[0].keys:
        return totals[0]
    total = out[totals[0]]
    noun = (total.figure.unit_text or "").strip().lower()
    if noun and total.unit == out[a_i].unit and (total.unit or "").startswith(NOUN_PREFIX) \
            and re.fullmatch(rf"(?:tổng\s+)?(?:số\s+)?{re.escape(noun)}", phrase.lower()):
        # `31.560 buồng; trong đó … 9.850 buồng, chiếm 31,2% tổng số buồng`: the total's own
        # noun, which no catalog indicator names
        return totals[0]
    return None


def _whole(out, a_i: int, phrase: str, index: "_LevelIndex", catalog) -> int | None:
    """The whole a share of `a_i` is of: when no whole is named, the total it is listed under,
    or for a former province's level the merged province's (`Trong đó, A (cũ) 176.320 tỷ
    đồng, chiếm 52,2%`); else the one level of the catalog indicator the whole's words name,
    or the nearest figure before whose own label names it."""
    a = out[a_i]
    if not phrase:
        totals = [rel.others[0] for rel in a.relations if rel.kind is RelationKind.PART_OF]
        if totals:
            # (`giảm … xuống 25.810 hộ; riêng năm 2024 còn 27.350 hộ, chiếm 8,53%`: a part set
            # apart in another period is no share of that total, but of one not stated)
            b = out[totals[0]]
            return None if b.period and a.period and b.period != a.period else totals[0]
        entity = catalog.entities.get(a.entity) if a.entity else None
        merged = entity.merged_into if entity is not None else None
        return index.level(a, a.period, entity=merged, role=_role(a)) if merged and a.period else None
    named = [m for m in catalog.indicator_matcher.find(phrase) if m.start == 0]
    total = TOTAL_HEAD_RE.match(phrase)
    if not named and total:
        # `chiếm 36,2% tổng thu nội địa`: the total of what the catalog names `thu nội địa`,
        # else (below) a level whose own words name the whole phrase
        named = [m for m in catalog.indicator_matcher.find(phrase) if m.start == total.end()]
        if named:
            found = _named_level(out, a_i, named[0].keys, index, catalog, phrase)
            if found is not None:
                return found
            named = []
    if named:
        return _named_level(out, a_i, named[0].keys, index, catalog, phrase)
    b_i = index.labelled(a_i, phrase)
    return None if b_i is None or doubtful(out, a_i, b_i, phrase) else b_i


def _named_level(out, a_i: int, keys, index: "_LevelIndex", catalog, phrase: str) -> int | None:
    """The one level, not `a_i` restated, of one of the catalog indicators `keys` the
    whole's words name."""
    a = out[a_i]
    keys = [k for k in keys if k != a.indicator]
    # `chiếm 77,9% diện tích lúa toàn tỉnh` after a former province's level: the whole is
    # the merged province's (never the former province's own level, the part itself).
    entity = catalog.entities.get(a.entity) if a.entity else None
    whole = entity.merged_into if entity is not None and WHOLE_WORDS_RE.search(phrase) else None
    found = {index.level(a, a.period, k, any_scope=True, role=_role(a), entity=whole)
             for k in keys} - {None} if a.period else index.undated(a_i, keys, whole)
    if found and whole is None and entity is not None and entity.merged_into and a.period \
            and all(_restates(out[b], a) for b in found):
        # `Khu vực A cũ ước thu 4.420 tỷ đồng, chiếm 19,6% tổng thu ngân sách trên địa bàn`: the
        # former province's own whole is the part itself (a share of 100%): the merged one's
        found = {index.level(a, a.period, k, any_scope=True, role=_role(a), entity=entity.merged_into)
                 for k in keys} - {None}
    found = {b for b in found if not _restates(out[b], a)}
    return found.pop() if len(found) == 1 else None


def _restates(b, a) -> bool:
    """`b` is `a` stated again (same province, a value within its precision): no whole of it."""
    return b.entity == a.entity and b.figure.interval is not None and a.figure.interval is not None \
        and b.figure.interval.scaled(b.factor).overlaps(a.figure.interval.scaled(a.factor))


def _growth(out, text: str, figs, n: int, index: "_LevelIndex") -> bool:
    """`A, tăng P% so với năm 2024 (B)` / `... so với cùng kỳ`: P = 100·A/B − 100."""
    s_i, s = figs[n]
    if not _is_rate(out, s_i, s):
        return False
    lead = GROWTH_LEAD_RE.search(_before(text, s, 30))
    after = GROWTH_BASE_RE.match(text, s.end)
    if lead is None:
        return False
    word = lead.group("dir").lower()
    if after is None:
        return _growth_of_change(out, text, figs, n, word) or _growth_of_bracket(out, text, figs, n, word) \
            or _growth_then_base(out, text, figs, n, word) or _growth_beside_change(out, text, figs, n, word)
    if word in ("tăng", "giảm") and not after.group("compared"):
        return False  # `tăng 5% năm 2025`: no base said
    if word in ("bằng", "đạt") and not (after.group("same") or after.group("done")):
        return False  # `bằng 33% năm 2025`: a share of what?
    found = _level_before(out, text, figs, n)
    if found is None:
        return False
    a_i, a = found
    bracket = n + 1 < len(figs) and BRACKET_RE.match(text[after.end():figs[n + 1][1].start])
    if not _is_level(a) and not (bracket and _counted_pair(out, text, figs, a_i, figs[n + 1][0])):
        return False
    if bracket:
        b_i = figs[n + 1][0]
        if out[b_i].unit != a.unit:
            return False
        if not after.group("school"):
            _base_in_bracket(out[b_i], a, after)
    elif after.group("school"):
        return False  # (`so với năm học 2023 - 2024`: a school year is looked up by no period key)
    else:
        period = _base_period(a.period, after)
        b_i = index.level(a, period, role="target" if after.group("plan") else "actual") if period else None
        if b_i is None or _claimed(out, b_i, s_i):
            return False
    form = {"tăng": "over", "giảm": "under"}.get(word, "of")
    why = f"`{lead.group(0).strip()} {s.text}{after.group(0)}` of `{a.figure.text}` over its base `{out[b_i].figure.text}`"
    return _relate(out, s_i, a_i, b_i, form, why)


def _base_in_bracket(b: Resolved, a: Resolved, after: re.Match) -> None:
    """`tăng 14,6% so với cùng kỳ (cùng kỳ năm trước đạt 32.150 triệu USD)`: the base in the
    bracket took the period of its sentence; it is of the period a year earlier (or the one
    named), not the result's, and stating it is no restatement of the result."""
    period = _base_period(a.period, after)
    if period and b.period == a.period != period and not (after.group("plan")):
        b.settle("period", Resolution(period, Evidence.RELATION, f"the base `{after.group(0).strip()}` of "
                                                                 f"`{a.figure.text}` it stands in brackets for"))


def _multiple(out, text: str, figs, n: int, index: "_LevelIndex") -> bool:
    """`Chi đầu tư phát triển 12.100 tỷ đồng, chiếm 45%, gấp 1,23 lần ước thực hiện năm 2025`:
    a multiple of the level before it (passing over the shares stated of that level) over its
    base named by period and role, stated elsewhere once (or alike): M = A/B."""
    s_i, s = figs[n]
    if s.kind != "statistic" or out[s_i].unit != "times" or not MULTIPLE_LEAD_RE.search(_before(text, s, 20)) \
            or any(rel.kind is RelationKind.MULTIPLE for rel in out[s_i].relations):
        return False
    after = GROWTH_BASE_RE.match(text, s.end)
    if after is None or not (after.group("done") or after.group("plan") or after.group("same")) and (
            not after.group("year") or BRACKET_AHEAD_RE.match(text, after.end())):
        return False  # (`gấp 1,5 lần năm 2020 (79,4 triệu đồng)`: the bracket's level is the base)
    a_i = None
    for m in range(n - 1, -1, -1):
        gap = outside(text[figs[m][1].end:s.start])
        if "(" in gap or ")" in gap or STOP_RE.search(gap) or len(gap) > 80:
            return False
        if not _is_rate(out, figs[m][0], figs[m][1]):
            a_i = figs[m][0]
            break
    if a_i is None or not _is_level(out[a_i]):
        return False
    period = _base_period(out[a_i].period, after)
    b_i = index.level(out[a_i], period, role="target" if after.group("plan") else "actual") if period else None
    if b_i is None or _claimed(out, b_i, s_i):
        return False
    why = f"`{s.text}{after.group(0)}`: `{out[a_i].figure.text}` over its base `{out[b_i].figure.text}` stated elsewhere"
    out[s_i].relations.append(Relation(RelationKind.MULTIPLE, s_i, (a_i, b_i), "", why))
    return True


def _growth_of_change(out, text: str, figs, n: int, word: str) -> bool:
    """`tăng từ A lên B, tăng P%`: the change's own levels, P = 100·B/A − 100."""
    s_i, s = figs[n]
    if word not in ("tăng", "giảm") or YEARLY_AFTER_RE.match(text, s.end) \
            or YEARLY_BEFORE_RE.search(text, max(0, s.start - 30), s.start):
        return False  # (`tăng 3%/năm`, `bình quân mỗi năm tăng 3%`: a yearly rate, RT05's when its years are said)
    found = _level_before(out, text, figs, n)
    if found is None:
        return False
    a_i, a = found
    starts = [rel.others[0] for rel in a.relations if rel.kind is RelationKind.CHANGE_FROM]
    if not starts or not _is_level(a) or out[starts[0]].unit != a.unit:
        return False
    why = f"`{word} {s.text}` of the change from `{out[starts[0]].figure.text}` to `{a.figure.text}`"
    return _relate(out, s_i, a_i, starts[0], "over" if word == "tăng" else "under", why)


def _growth_of_bracket(out, text: str, figs, n: int, word: str) -> bool:
    """`A (năm 2024: B), tăng P%`: the base in a bracket right after its level, the growth
    right after the bracket; P = 100·A/B − 100.  B must be of the year before A's."""
    s_i, s = figs[n]
    if word not in ("tăng", "giảm") or n < 2 or YEARLY_AFTER_RE.match(text, s.end):
        return False
    (a_i, a), (b_i, b) = figs[n - 2], figs[n - 1]
    gap, close = text[a.end:b.start], text[b.end:s.start]
    if _uncatalogued(out[a_i].unit):  # (`1.245 mã số vùng trồng (năm 2024: 1.080 mã số), tăng`: the nouns left out)
        gap, close = NOUN_BEFORE_BRACKET_RE.sub("", gap), NOUN_BEFORE_CLOSE_RE.sub("", close)
    opening = BASE_BRACKET_RE.match(gap)
    if not opening or not CLOSE_LEAD_RE.match(close):
        return False
    ra, rb = out[a_i], out[b_i]
    ya, yb = SUB_YEAR_RE.match(ra.period or ""), SUB_YEAR_RE.match(rb.period or "")
    if not (_is_level(ra) or _counted_pair(out, text, figs, a_i, b_i)) or rb.unit != ra.unit \
            or ya is None or yb is None \
            or int(yb.group(1)) != int(ya.group(1)) - 1 or (ya.group(2) or "") != (yb.group(2) or ""):
        return False
    why = f"`{word} {s.text}` of `{a.text}` over its base `{b.text}` in the bracket after it"
    return _relate(out, s_i, a_i, b_i, "over" if word == "tăng" else "under", why)


# `tăng 7,6% (cùng kỳ 38,2 triệu tấn)`, `(năm 2024: 2.150 tỷ đồng)`: the base in a bracket right after the growth.
BASE_AFTER_RE = re.compile(r"^\s*\(\s*(?:so với\s+)?(?:cùng kỳ(?:\s+năm\s+(?:\d{4}|trước))?|năm\s+(?:\d{4}|trước))"
                           r"\s*(?::|đạt|là)?\s*$", re.I)


def _growth_then_base(out, text: str, figs, n: int, word: str) -> bool:
    """`A, tăng P% (cùng kỳ B)`: the growth of the level right before it, over the base its
    bracket states in the level's unit; P = 100·A/B − 100."""
    s_i, s = figs[n]
    if word not in ("tăng", "giảm") or n + 1 >= len(figs) or YEARLY_AFTER_RE.match(text, s.end):
        return False
    b_i, b = figs[n + 1]
    if not BASE_AFTER_RE.match(text[s.end:b.start]):
        return False
    found = _level_before(out, text, figs, n)
    if found is None:
        return False
    a_i, a = found
    if not (_is_level(a) or _counted_pair(out, text, figs, a_i, b_i)) or out[b_i].unit != a.unit \
            or b.kind != "statistic":
        return False
    why = f"`{word} {s.text}` of `{a.figure.text}` over its base `{b.text}` in the bracket after it"
    return _relate(out, s_i, a_i, b_i, "over" if word == "tăng" else "under", why)


# `A trẻ em, tăng D học sinh (tăng P%) so với năm học trước (B trẻ em)`: the level and its
# words up to the change; the change up to the bracket of its rate; the bracket's close, its
# base named after `so với`, and the bracket that holds the base level.
LEVEL_TO_CHANGE_RE = re.compile(r"^[^\d();:.]{0,60}?,\s*(?P<dir>tăng|giảm)(?:\s+thêm)?\s+$", re.I)
CHANGE_TO_RATE_RE = re.compile(r"^[^\d();:.,]{0,30}?\(\s*(?P<dir>tăng|giảm)\s+$", re.I)
RATE_TO_BASE_RE = re.compile(r"^\s*\)\s*so với\s+[^\W\d][^()%;:,.]{0,40}?\(\s*$", re.I)


def _growth_beside_change(out, text: str, figs, n: int, word: str) -> bool:
    """`A, tăng D (tăng P%) so với năm học trước (B)`: the rate in a bracket after the change
    it restates, both of the level before them over the base their `so với` names in the
    bracket after; P = 100·A/B − 100.  A and B are levels in one unit."""
    s_i, s = figs[n]
    if word not in ("tăng", "giảm") or n < 2 or n + 1 >= len(figs) or YEARLY_AFTER_RE.match(text, s.end):
        return False
    (a_i, a), (_, d), (b_i, b) = figs[n - 2], figs[n - 1], figs[n + 1]
    lead, rate = LEVEL_TO_CHANGE_RE.match(text[a.end:d.start]), CHANGE_TO_RATE_RE.match(text[d.end:s.start])
    if lead is None or rate is None or lead.group("dir").lower() != word or rate.group("dir").lower() != word \
            or not RATE_TO_BASE_RE.match(text[s.end:b.start]):
        return False
    ra, rb = out[a_i], out[b_i]
    if not _is_level(ra) or rb.unit != ra.unit or a.kind != "statistic" or b.kind != "statistic" \
            or a.qualifier not in (None, "", "eq", "estimate") or b.qualifier not in (None, "", "eq"):
        return False
    why = f"`{word} {s.text}` beside the change `{d.text}` of `{a.text}` over its base `{b.text}` in the bracket after it"
    return _relate(out, s_i, a_i, b_i, "over" if word == "tăng" else "under", why)


def _base_period(period: str | None, after: re.Match) -> str | None:
    """The period of the base level: the year named, or the same span a year earlier."""
    named = after.group("same_year") or after.group("year") or after.group("plan_year")
    m = SUB_YEAR_RE.match(period or "")
    if m is None:
        # (a figure whose own period is unread still names its base's year: `so với năm 2025`)
        return named if named and not period and not after.group("same") else None
    year, within = int(m.group(1)), m.group(2) or ""
    if within and not after.group("same"):
        return None  # `6 tháng, tăng 5% so với năm 2024`: a half-year against a whole year is no growth
    base_year = int(named) if named else year - 1
    if base_year > year or base_year == year and not after.group("plan"):
        return None  # (a plan of the same year is a base: `tăng 5% so với dự toán năm 2025`)
    return f"{base_year}{within}"


class _LevelIndex:
    """The levels of the document by what they measure, to find a base stated elsewhere."""

    def __init__(self, out: list[Resolved], givers: frozenset[str] = frozenset()):
        self.out = out
        self.givers = givers
        self.by_key: dict[tuple, list[int]] = {}
        self.levels: list[int] = []
        for i, r in enumerate(out):
            if r.figure.kind == "statistic" and r.entity and r.period and r.role in LEVEL_ROLES + ("target",) \
                    and not r.measure and r.figure.interval is not None and r.unit not in RATES + POINTS:
                self.levels.append(i)
                if r.indicator:
                    self.by_key.setdefault(self._key(r, r.indicator, r.period), []).append(i)

    @staticmethod
    def _key(r: Resolved, indicator: str, period: str, scope: str | None = None) -> tuple:
        return indicator, r.entity, r.scope or "" if scope is None else scope, r.unit, period, \
            "target" if r.role == "target" else "actual"

    def level(self, a: Resolved, period: str, indicator: str | None = None, any_scope: bool = False,
              role: str = "actual", entity: str | None = None) -> int | None:
        """The one level of `a`'s key in `period` (of `indicator`, when given; of the whole
        indicator, whatever `a`'s scope, when `any_scope`), or None when there is none or
        its statements differ."""
        indicator = indicator or a.indicator
        if not indicator or not a.entity:
            return None
        key = (indicator, entity or a.entity, "" if any_scope else a.scope or "", a.unit, period, role)
        found = [i for i in self.by_key.get(key, []) if self.out[i] is not a]
        return self._agreed(found)

    def any_scope_level(self, a: Resolved, period: str, role: str) -> int | None:
        """The one level of `a`'s indicator, province, unit, period and role whatever body
        set it (scope `council_assigned`, `central_assigned`), or None when none or they differ."""
        if not a.indicator or not a.entity:
            return None
        found = [i for (ind, ent, scope, unit, per, rol), idx in self.by_key.items()
                 if (ind, ent, unit, per, rol) == (a.indicator, a.entity, a.unit, period, role)
                 and (not scope or scope in self.givers)
                 for i in idx if self.out[i] is not a]
        return self._agreed(found)

    def labelled(self, a_i: int, phrase: str) -> int | None:
        """The nearest level before `a_i`, of its province, period and role, whose own words
        (its clause before it) name `phrase`: `Chi thường xuyên ước 17.988.700 triệu đồng`
        for `chiếm 34,8% chi thường xuyên`."""
        a = self.out[a_i]
        # (`chiếm 91,7% tổng số hộ nghèo` of `số hộ nghèo … còn 35.420 hộ`: the count of all
        # of them is named with or without its `tổng`)
        phrase = re.sub(r"^tổng\s+(?=số\s)", "", phrase, flags=re.I)
        words = re.compile(rf"(?<![\w]){re.escape(phrase)}(?![\w])", re.I)
        for i in reversed([i for i in self.levels if i < a_i]):
            r = self.out[i]
            if r.doc is not a.doc or (r.entity, r.period, r.role, r.unit) != (a.entity, a.period, a.role, a.unit) \
                    or (r.scope or "") not in ("", a.scope or ""):
                continue  # (`thu nội địa, không kể tiền sử dụng đất` is no whole of all domestic revenue)
            label = _label(r)
            if words.search(label):
                return i if _label(a) != label else None
        return None

    def undated(self, a_i: int, keys: list[str], entity: str | None = None) -> set[int]:
        """For a level no period was read for (`2. Thu nội địa: 15.866,3 tỷ đồng` under a
        heading naming no year): the levels before it under the same headings, with no period
        either, of one of the indicators `keys` and of its province (or `entity`), unit and
        role; when their statements differ, none."""
        a = self.out[a_i]
        if not a.entity:
            return set()
        found = [i for i in range(a_i) if (r := self.out[i]).doc is a.doc and not r.period
                 and r.block.section == a.block.section and r.indicator in keys
                 and r.entity == (entity or a.entity) and r.unit == a.unit and _role(r) == _role(a)
                 and r.figure.kind == "statistic" and not r.measure and r.figure.interval is not None
                 and r.block.kind != "table_row"]
        one = self._agreed(found)
        return set() if one is None else {one}

    def _agreed(self, found: list[int]) -> int | None:
        if not found:
            return None
        values = [self.out[i].figure.interval.scaled(self.out[i].factor) for i in found]
        if any(not v.overlaps(values[0]) for v in values[1:]):
            return None  # restated differently: the restatement check says so, not a guess here
        return found[0]



LABEL_START_RE = re.compile(r"[;:.!?]\s|[()]|^")


def _label(r: Resolved) -> str:
    """The words of a figure's own clause before it (`Chi thường xuyên ước`)."""
    text = r.block.text[:r.figure.start]
    starts = [m.end() for m in LABEL_START_RE.finditer(text)]
    # (`3. Tổng chi ngân sách địa phương: 50.837 tỷ đồng`: a label the colon closes is the figure's)
    if len(starts) > 1 and not text[starts[-1]:].strip() and text[:starts[-1]].rstrip().endswith(":"):
        return text[starts[-2]:starts[-1]]
    return text[starts[-1] if starts else 0:]
