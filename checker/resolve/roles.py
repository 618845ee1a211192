"""Role, measure and scope: whether a figure is a result, a target, a baseline or a margin,
whether it is a share, and which part of the whole it covers."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from checker.records import STAT_KINDS, Evidence, Resolution
from checker.resolve.entities import closed_brackets
from checker.resolve.periods import (LIST_COLON_RE, MARKER_LEAD_RE, at_nature, deliberately_blank, find_periods,
                                     period_end, report_year)
from checker.resolve.qualifiers import QUALIFIED
from checker.resolve.resolved import Resolved
from checker.text import fold, slug

CHANGE_FROM_RE = re.compile(r"(tăng|giảm)\s+từ\s*$", re.I)
# `tăng (thêm) khoảng N <unit> so với …`: the amount a level rose or fell by.
CHANGE_BY_RE = re.compile(r"(?<![\w])(?:tăng|giảm|(?:cao|thấp|nhiều|ít)\s+hơn)"
                          r"(?:\s+(?:thêm|khoảng|hơn|gần|trên|được|xấp xỉ))*\s*$", re.I)
# `giảm từ 617 xuống còn 148, giảm 469 đơn vị`: a rise or fall right after a change's own two
# levels (the end level with its noun and bracket, then a comma) is by how much, not a level.
AFTER_CHANGE_RE = re.compile(r"(?<![\w])(?:tăng|giảm)\s+từ\s[^;:]*?\s(?:lên|xuống)\s+(?:(?:còn|mức|khoảng)\s+)*"
                             r"\d[\d.,]*(?:\s+[^\W\d][^\d;:(),]{0,25}?)?\s*(?:\([^()]*\)\s*)?,\s*"
                             r"(?:tăng|giảm)(?:\s+(?:thêm|khoảng|hơn|gần|trên|được|xấp xỉ))*\s*$", re.I)
# `Trước sắp xếp, tỉnh có 412 đơn vị hành chính cấp xã; sau sắp xếp giảm 282 đơn vị`: a clause
# that opens with the time before the 2025 reorganisation, in a passage that goes on to the
# time after it, states the level before it (no `sau`/`nay` before the figure in its clause).
# Without the time after it said, the passage may count a result of now in the old units
# (`Trước sắp xếp, 276/346 xã đạt chuẩn`): it keeps its role.
BEFORE_REORGANISATION_RE = re.compile(r"[\s\-–+*•]*(?:\(\d+\)\s*)?trước\s+(?:khi\s+)?(?:sắp xếp|sáp nhập|hợp nhất)"
                                      r"(?![\w])(?![^;]*?(?<![\w])(?:sau|nay)(?![\w]))", re.I)
AFTER_REORGANISATION_RE = re.compile(r"(?<![\w])(?:sau\s+(?:khi\s+)?(?:sắp xếp|sáp nhập|hợp nhất)|(?:hiện|đến)\s+nay)"
                                     r"(?![\w])", re.I)
MARGIN_LEAD_RE = re.compile(r"(?<!\w)(vượt|cao hơn|hụt|thấp hơn)\s*(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$", re.I)
BASE_GAP_RE = re.compile(r"[^,;:.()]*")  # no separator: the words after a figure are its own
# Between a plan word and the figure in the bracket it opens: the plan's own value
# (`bằng 76,4% kế hoạch năm (2.450 doanh nghiệp)`, `đạt 78,8% dự toán (12.500 tỷ đồng)`).
PLAN_VALUE_RE = re.compile(r"(?:\s+năm(?:\s+\d{4})?)?\s*\(\s*", re.I)
# `tăng 11,0%, tương ứng tăng 2.230 tỷ đồng`: the amount of a growth just stated, not a level.
CORRESPONDING_RE = re.compile(r"(?<![\w])tương ứng\s+(?:với\s+)?(?:mức\s+)?(?:tăng|giảm)(?![\w])", re.I)
COMPARED_AFTER_RE = re.compile(r"\s*,?\s*(?:[^\W\d]+\s+){0,2}?so\s+với(?![\w])", re.I)
# The body that set the plan a share is of: `… dự toán Trung ương giao`, `kế hoạch UBND tỉnh giao`.
PLAN_BASE_RE = re.compile(r"\W*(?:so\s+(?:với\s+)?)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+((?:[^\W\d_]+\s+){0,4}?)giao(?![\w])",
                          re.I)
SHARE_LEAD_RE = re.compile(r"chiếm\s*(?:khoảng\s*|tỷ lệ\s*)?$", re.I)
# What a province has (`Tỉnh có`, `gồm`, `với dân số`; not `so với`, `đối với`), and the
# verbs of a result, which make the figure an achievement of some period instead.
NON_SPACE_RE = re.compile(r"\S")
HAVE_RE = re.compile(r"(?<![\w])(?:có|gồm|(?<!so )(?<!đối )với)(?![\w])", re.I)
RESULT_VERB_RE = re.compile(r"(?<![\w])(?:đạt|ước|tăng|giảm|vượt|là|còn|lên|xuống|thêm|được)(?![\w])", re.I)


def heading_role(section: tuple[str, ...], cues) -> Resolution | None:
    """A section headed `III. MỤC TIÊU ...` holds targets; one headed `I. KẾT QUẢ ...`
    results.  A heading that only mentions goals (`gắn với các mục tiêu`) says nothing."""
    return _heading_role(section, cues.heading_actual, cues.heading_target, cues.heading_both)


@lru_cache(maxsize=512)
def _heading_role(section: tuple[str, ...], heading_actual: re.Pattern, heading_target: re.Pattern,
                  heading_both: re.Pattern | None = None) -> Resolution | None:
    """(asked for every figure of a section: read once a section)"""
    for heading in reversed(section):
        folded = fold(heading)
        if heading_both is not None and heading_both.match(folded):
            return None  # (`CÁC CHỈ TIÊU … THỰC HIỆN KẾ HOẠCH NĂM 2025`: the plan and its results)
        if heading_actual.match(folded):
            return Resolution("actual", Evidence.HEADING, f"heading `{heading.strip()[:60]}`")
        if heading_target.match(folded):
            return Resolution("target", Evidence.HEADING, f"heading `{heading.strip()[:60]}`")
    return None


def role_by_period(r: Resolved, cues) -> Resolution:
    """A figure for a period after the report's year is a target; else the heading says,
    else it is a result."""
    end = period_end(r.period) if r.period else None
    if end is not None and r.doc.year is not None and end > r.doc.year:
        return Resolution("target", r.fields["period"].evidence, f"period {r.period} after the report's year")
    return heading_role(r.block.section, cues) or Resolution("actual", Evidence.DOCUMENT, "a result by default")


def prose_role(text: str, fig, spot, targets) -> Resolution | None:
    """`tăng từ A lên B`: A is the baseline; `tăng N triệu đồng so với năm X`: N is a change;
    a target word just before a figure: a target."""
    change = CHANGE_FROM_RE.search(text[max(spot.sentence_start, fig.start - 12):fig.start])
    if change:
        return Resolution("baseline", Evidence.CLAUSE, f"`{change.group(0).strip()}` before it")
    window = max(spot.sentence_start, spot.prev_figure_end, fig.start - 25)
    by = CHANGE_BY_RE.search(text[window:fig.start])
    if by and fig.unit not in (None, "percent", "percentage_point", "times"):
        # A rise by an amount of the level's own unit, against a base (or `tăng thêm`, an
        # increment whatever its base, or right after the change's own levels): not the level itself.
        if COMPARED_AFTER_RE.match(text, fig.end) or re.search(r"(?<!\w)thêm(?!\w)", by.group(0), re.I):
            return Resolution("change", Evidence.CLAUSE, f"`{by.group(0).strip()} … so với` around it")
        if AFTER_CHANGE_RE.search(text, spot.sentence_start, fig.start):
            return Resolution("change", Evidence.CLAUSE, f"`{by.group(0).strip()}` after the change's own levels")
        # (`tăng 11,0%, tương ứng tăng 2.230 tỷ đồng`: the amount of a growth just stated)
        if CORRESPONDING_RE.search(text, max(spot.sentence_start, spot.prev_figure_end, window + by.start() - 20),
                                   fig.start):
            return Resolution("change", Evidence.CLAUSE, f"`{by.group(0).strip()} … so với` around it")
    if BEFORE_REORGANISATION_RE.match(text, spot.clause_start, fig.start) \
            and AFTER_REORGANISATION_RE.search(text, fig.end):
        return Resolution("baseline", Evidence.CLAUSE, "its clause opens with the time before the reorganisation")
    for t in targets:
        # A target word governs the figure right after it, not one in the next clause:
        # `vượt 2,3 điểm so với chỉ tiêu; B đạt 68,4%` leaves 68,4 a result.
        # Nor is a plan word right after the figure before its base (`bằng 121,3% dự toán
        # Trung ương giao, bằng 110,3% …`): the next figure is no target for it.
        if fig.start - 30 <= t.end <= fig.start and t.start >= spot.prev_figure_end - 1 \
                and not re.search(r"[;.]\s", text[t.end:fig.start]) \
                and not (spot.prev_figure_end > spot.sentence_start and not t.text.startswith("(")
                         and BASE_GAP_RE.fullmatch(text, spot.prev_figure_end, t.start)
                         and not PLAN_VALUE_RE.fullmatch(text, t.end, fig.start)):
            return Resolution("target", Evidence.CLAUSE, f"`{t.text}` before it")
    return None


# The copula right before the figure: `<plan> … là 37.750 tỷ đồng`.
PLAN_IS_RE = re.compile(r"(?<![\w])là\s*$")

# Between a plan's list and a figure: a verb of what was done (`đã giải ngân 7.000 tỷ đồng`).
DONE_VERB_RE = re.compile(r"(?<![\w])(?:đạt|ước|tăng|giảm|vượt|còn|thực hiện|giải ngân|thu được)(?![\w])", re.I)


def list_lead_role(text: str, fig, spot, figures, lead_target: re.Pattern) -> Resolution | None:
    """`Dự toán năm 2025 do HĐND tỉnh giao: A 13.500 tỷ đồng, B 3.600 tỷ đồng`: a sentence that
    opens with a plan's name and lists figures after a colon (none before it) lists the
    plan's figures, every one of them, unless a verb of what was done stands before one."""
    start = spot.sentence_start
    opening = MARKER_LEAD_RE.match(text, start)
    lead = lead_target.match(text, opening.end() if opening else start)
    colon = LIST_COLON_RE.search(text, lead.end(), fig.start) if lead else None
    if lead and colon is None and PLAN_IS_RE.search(text, lead.end(), fig.start) \
            and not any(start <= f.start < fig.start and f.kind in STAT_KINDS for f in figures) \
            and not DONE_VERB_RE.search(text, lead.end(), fig.start):
        # `Dự toán thu … năm 2025 (…) là 37.750 tỷ đồng`: the plan is the sentence's subject
        # and the figure, its first, what the plan `là`; not what was done against it.
        return Resolution("target", Evidence.SENTENCE, f"`{lead.group(0).strip()}` is the subject the figure states")
    if colon is None or any(start <= f.start < colon.start() and f.kind in STAT_KINDS for f in figures) \
            or DONE_VERB_RE.search(text, colon.end(), fig.start):
        return None
    return Resolution("target", Evidence.SENTENCE, f"`{lead.group(0).strip()}` opens the sentence whose list it is in")


# Between a verb of striving and a figure: what was done already (`phấn đấu …; đã đạt 8%`).
DONE_ALREADY_RE = re.compile(r"(?<![\w])(?:đã|ước thực hiện|ước đạt|ước tính|thực hiện được)(?![\w])", re.I)


def striving_role(text: str, fig, spot, striving: re.Pattern) -> Resolution | None:
    """`Phấn đấu cả năm tăng trưởng 8%; thu ngân sách đạt 28.900 tỷ đồng`: every figure after a
    verb of striving in its sentence is a target, unless what was done stands between."""
    found = None
    for found in striving.finditer(text, spot.sentence_start, fig.start):
        pass
    if found is None or DONE_ALREADY_RE.search(text, found.end(), fig.start):
        return None
    return Resolution("target", Evidence.SENTENCE, f"`{found.group(0)}` before it in its sentence")


# `(năm 2025: 6.850 doanh nghiệp)`, `(ước thực hiện năm 2025 là 6.850)`: a bracket that opens
# with an earlier year names the level that year reached.
BASE_YEAR_BRACKET_RE = re.compile(r"\(\s*(?:ước\s+)?(?:thực hiện\s+|TH\s+|kết quả\s+)?(?:cuối\s+)?năm\s+(\d{4})"
                                  r"\s*(?::|là|đạt)\s*(?:khoảng\s+)?$", re.I)


LAST_YEAR_RE = re.compile(r"(\d{4})$")


# `tăng 12,9% so với ước thực hiện năm 2025 (11.470 triệu USD)`, `gấp 1,2 lần năm 2024 (là
# 8.050 tỷ đồng)`, `so với cùng kỳ (32.150 triệu USD)`: the bracket right after a base that is
# no plan (a plan base, `so với kế hoạch (…)`, is a target word's) holds what the base reached.
BASE_VALUE_RE = re.compile(r"(?<![\w])(?:so với|so|gấp\s+[\d.,]+\s+lần(?:\s+so với)?|bằng\s+[\d.,]+\s*%(?:\s+so với)?)"
                           r"\s+(?:mức\s+)?(?:(?:ước\s+)?(?:thực hiện|đạt|tính|TH)\s+|ƯTH\s+|kết quả\s+(?:thực hiện\s+)?)?"
                           r"(?:(?:của\s+)?(?:cả\s+)?năm\s+(?P<year>\d{4})|cùng kỳ(?:\s+năm\s+(?:trước|(?P<same>\d{4})))?)"
                           r"\s*\(\s*(?:là|đạt|:)?\s*(?:khoảng\s+)?$", re.I)


def base_value_role(text: str, fig, spot, year: int | None) -> Resolution | None:
    """The figure opening a bracket right after a base that is no plan (`so với ước thực
    hiện năm 2025 (11.470 triệu USD)`): what the base reached, whatever the heading says
    (a plan's section compares its targets with results)."""
    start = max(spot.sentence_start, fig.start - 60)
    # (every match ends in the bracket the figure opens: a lead with no `(` is not searched)
    found = BASE_VALUE_RE.search(text, start, fig.start) if text.find("(", start, fig.start) >= 0 else None
    if found is None:
        return None
    base = found.group("year") or found.group("same")
    if base is not None and year is not None and int(base) > year:
        return None  # (a later year is no result yet)
    return Resolution("actual", Evidence.CLAUSE, f"`{found.group(0).strip()}`: the value of the base compared with")


def base_year_role(text: str, fig, spot, heading_period: str | None) -> Resolution | None:
    """`phấn đấu có 7.500 doanh nghiệp thành lập mới (năm 2025: 6.850 doanh nghiệp)`: in a
    section on a later year (its heading's), a figure in a bracket that opens with an
    earlier year is what that year reached, not a target."""
    found = BASE_YEAR_BRACKET_RE.search(text, max(spot.sentence_start, fig.start - 40), fig.start)
    later = LAST_YEAR_RE.search(heading_period or "") if found else None
    if found is None or later is None or int(found.group(1)) >= int(later.group(1)):
        return None
    return Resolution("actual", Evidence.CLAUSE, f"`{found.group(0).strip()}`: what an earlier year reached")


def per_year_mean(text: str, fig, spot, annual: re.Pattern) -> bool:
    """`kết nạp 24.680 đảng viên, bình quân mỗi năm 4.936 đảng viên`: a count averaged over
    the years of the term is another measure than the term's total.  Rates (%, points,
    `/năm`) are averages already; a bare `bình quân` (`bình quân đầu người`) names no year."""
    unit = fig.unit or ""
    # (`bình quân 6.583 đảng viên/năm`: a count a year, written so, is the mean too)
    count_a_year = unit.count("/") == 1 and unit.endswith("/ year") and not unit.startswith("dong")
    if fig.kind != "statistic" or unit in ("percent", "percentage_point") or ("/" in unit and not count_a_year):
        return False
    lead = text[max(spot.prev_figure_end, spot.sentence_start, fig.start - 40):fig.start]
    cue = None
    for cue in annual.finditer(lead):
        pass
    return cue is not None and ("năm" in cue.group(0).lower() or count_a_year) \
        and re.fullmatch(r"(?:\s+[^\W\d]+){0,3}\s*", lead[cue.end():]) is not None


ADDED_RE = re.compile(r"(?<![\w])thêm\s+$", re.I)
# After a plan word: its own figure (`kế hoạch 60,0%`, `kế hoạch năm 2025 là 60%`, `KH: 60%`).
OWN_FIGURE_RE = re.compile(r"(?:\s+(?:năm|giao|đề ra)(?:\s+\d{4})?)?\s*(?:là|đạt|:)?\s*(?:trên|dưới|khoảng|từ)?\s*\d",
                           re.I)


# `công nhận mới 96 sản phẩm OCOP`, `xây mới 14 trường`: right before a count, a verb of making
# with `mới` says how many were added in the period.
ADDED_ANEW_RE = re.compile(r"(?<![\w])(?:công nhận|cấp|xây|xây dựng|thành lập|trồng|phát triển|bổ sung|đăng ký)"
                           r"\s+mới\s+$", re.I)


def added_anew(text: str, fig, spot, indicator) -> bool:
    """`Năm 2025 công nhận mới 96 sản phẩm OCOP`: the count added in the year to a stock the
    indicator counts (`Lũy kế … có 612 sản phẩm OCOP` is the stock): another measure, an
    increase.  An indicator that counts the new ones itself (a flow: `doanh nghiệp thành lập
    mới`) is left as it is."""
    if indicator is None or indicator.temporal != "stock" or fig.kind != "statistic":
        return False
    lead = ADDED_ANEW_RE.search(text, max(spot.sentence_start, spot.prev_figure_end, fig.start - 25), fig.start)
    if lead is None:
        return False
    words = lead.group(0).strip().lower()
    return not any(words in name.lower() for name in (indicator.name, *indicator.aliases))


def prose_measure(text: str, fig, spot, shares, plan_share: re.Pattern, annual: re.Pattern | None = None) -> str:
    """`chiếm 8%` is a share of a whole; `đạt 100% kế hoạch` a share of the plan; `bình quân
    mỗi năm 4.936 đảng viên` a mean per year; `thêm 10 xã` an increase."""
    if annual is not None and per_year_mean(text, fig, spot, annual):
        return "annual_mean"
    if ADDED_RE.search(text, max(0, fig.start - 12), fig.start):
        return "increase"  # `có thêm 10 xã đạt chuẩn`: how many more, not how many
    if fig.unit != "percent":
        return ""
    plan = plan_share.match(text[fig.end:fig.end + 40])
    if plan and "(" in plan.group(0) and OWN_FIGURE_RE.match(text, fig.end + plan.end()):
        # `đạt 56,8% (kế hoạch 60,0%)`: the bracket states the plan's own figure, a target
        # beside the level, not the share of the plan the level reaches.
        plan = None
    if plan:
        # `vượt 37,8% dự toán` is 137,8% of it: an excess over the plan is another measure.
        lead = text[max(spot.prev_figure_end, spot.sentence_start, fig.start - 12):fig.start]
        margin = MARGIN_LEAD_RE.search(lead)
        if margin:
            return "plan_shortfall" if margin.group(1).lower() in ("hụt", "thấp hơn") else "plan_excess"
        return "plan_share"
    if any(s.start < fig.start and fig.start - s.end <= 12 and s.start >= spot.prev_figure_end for s in shares):
        return "share"
    return ""


# `tăng 12,0%` of a level at current prices: a nominal rate of change (checker/resolve/prose.py).
CURRENT_PRICES = "current_prices"


def prose_scope(passage, fig, spot, prev: Resolved | None, r: Resolved) -> str:
    """Urban, rural, FDI ... named right after the figure or between the previous figure
    and this one; else the scope of the figure before it in the sentence."""
    text = passage.text
    if r.measure in ("plan_share", "plan_excess", "plan_shortfall"):
        # `đạt 59,9% dự toán Trung ương giao, đạt 58% dự toán HĐND tỉnh giao`: two bases, two keys.
        base = PLAN_BASE_RE.match(text, fig.end)
        if base and base.group(1).strip() and passage.cues.plan_share.match(text, fig.end):
            return "base_" + slug(base.group(1))

    def in_names(m) -> bool:
        return passage.in_names.holds(m.start, m.end)

    # A scope word inside an indicator's own name (`đô thị` in `tỷ lệ đô thị hóa`) narrows nothing.
    # Only white space stands before it: it starts at most at the first other character.
    word = NON_SPACE_RE.search(text, fig.end)
    scopes = passage.by_start["scopes"]
    after_scope = [m for m in scopes.between(fig.end, (word.start() if word else len(text)) + 1)
                   if text[fig.end:m.start].strip() == "" and not in_names(m)]
    own_scope = [m for m in scopes.between(spot.prev_figure_end, fig.start + 1)
                 if m.end <= fig.start and not in_names(m)]
    if not own_scope and (opened := _aside_opening(text, spot, fig.start)) is not None:
        # `Ngân sách cấp xã (96 xã, phường): A`: the figure before this one is an aside in a
        # bracket that the scope's words open and only a colon or a verb closes; the words name A.
        own_scope = [m for m in scopes.between(spot.sentence_start, opened)
                     if m.end <= opened and not text[m.end:opened].strip() and not in_names(m)]
    if after_scope:
        return scope_key(text, after_scope[0])
    if own_scope:
        return scope_key(text, own_scope[-1])
    # The scope of the figure before carries over, unless this clause names its indicator
    # afresh (`X (không kể dầu thô) đạt A; X đạt B`: B is the whole).
    renamed = prev is not None and any(n.end <= fig.start for n in passage.by_start["ind_mentions"].between(
        prev.figure.end, fig.start + 1))
    if prev is not None and not renamed and (prev.indicator == r.indicator or ";" not in text[prev.figure.end:fig.start]):
        # (a price basis is a rate's own, read afresh for each figure: not the level's after it)
        if prev.scope == CURRENT_PRICES or prev.scope.startswith(QUALIFIED) and not _same_measure(passage, prev, r):
            return ""  # (a qualifier narrows its own indicator, or the rate of its level, not the next one named)
        return prev.scope
    return ""


# What may stand between an aside's closing bracket and the figure it stands before.
AFTER_ASIDE_RE = re.compile(r"\)\s*(?::|là|đạt|có|gồm)?\s*$", re.I)


def _same_measure(passage, prev: Resolved, r: Resolved) -> bool:
    """Whether `r` measures what `prev` does, or is the rate of change of `prev`'s level."""
    if r.indicator is None or r.indicator == prev.indicator:
        return True
    ind = passage.catalog.indicators.get(r.indicator)
    return ind is not None and ind.level is not None and ind.level == prev.indicator


def _aside_opening(text: str, spot, start: int) -> int | None:
    """Where the bracket opens that holds the figure before `spot`'s, when it closes right
    before the figure at `start` (`(96 xã, phường): 15.672.800`)."""
    close = text.rfind(")", spot.prev_figure_end, start)
    if spot.prev_figure_end <= spot.sentence_start or close < 0 or not AFTER_ASIDE_RE.match(text[close:start]) \
            or not closed_brackets(text, spot.prev_figure_end, close + 1):
        return None
    depth = 0
    for at in range(spot.prev_figure_end - 1, spot.sentence_start - 1, -1):
        if text[at] == ")":
            depth += 1
        elif text[at] == "(":
            if depth == 0:
                return at
            depth -= 1
    return None


def scope_key(text: str, mention) -> str:
    """The scope a scope word gives; `không kể dầu thô` names what it leaves out, and the
    scope keeps those words (`excluding_dau_tho`): two exclusions are two scopes."""
    key = mention.keys[0]
    if key != "excluding":
        return key
    left_out = re.match(r"\s*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})", text[mention.end:])
    return f"excluding_{slug(left_out.group(1))}" if left_out else key


def result_over_target(r: Resolved, count_units) -> Resolved | None:
    """`45.799/36.875 tỷ đồng` states a result over its target: the first number is
    the result and the second the target.  The target becomes a fact of its own,
    at the same place (its text is the whole pair, as written)."""
    fig = r.figure
    if fig.kind != "fraction" or fig.unit is None or fig.unit in count_units:
        return None
    r.settle("role", Resolution("actual", Evidence.CLAUSE, "first number of a result/target pair"))
    target_fig = replace(fig, value=(fig.denominator or 0) / fig.scale, interval=fig.denominator_interval,
                         kind="statistic", qualifier="target_of_pair", denominator=None,
                         denominator_interval=None, label=None, parts=())
    target = replace(r, figure=target_fig, fields=dict(r.fields), column_role=None, row_label=None,
                     notes=["second number of a result/target pair"], anchor=None, anchor_block=None,
                     anchor_offset=None, anchor_sentence_several=False, relations=[],
                     share_of=None)
    target.settle("role", Resolution("target", Evidence.CLAUSE, "second number of a result/target pair"))
    r.figure = replace(fig, kind="statistic", qualifier="result_of_pair")
    return target


def finish(r: Resolved, catalog, heading: Resolution | None, cues, present: bool = False, lead: str = "") -> None:
    """Period by the heading where the text gave none, by the indicator's nature (a level
    over a term is its level at the end, unless `lead`, the figure's sentence before it,
    sums an amount over the span), and the role by the period.  `present`: the figure's
    clause states what the province has (`Tỉnh có ...`)."""
    if r.period is None and heading is not None and not deliberately_blank(r.fields.get("period")):
        ahead = _looking_ahead(r, heading, cues) or _block_says_otherwise(r, heading)
        r.settle("period", Resolution(None, Evidence.NONE, ahead) if ahead else heading)
    ind = catalog.indicators.get(r.indicator) if r.indicator else None
    if present and r.period is None and ind is not None and not deliberately_blank(r.fields.get("period")):
        _as_of_report(r, ind)
    if ind is not None and _summed_to_date(r, ind, cues, lead):
        r.settle("period", Resolution(None, Evidence.NONE, f"abstains: a flow summed up to {r.period} "
                                                           "(`lũy kế … đến …`) from a start the text does not name"))
    elif ind is not None and not _summed_over_span(r, ind, cues, lead):
        period, why = at_nature(r.period, ind.temporal)
        if why and _amount_in_span_column(r, ind, cues, period):
            r.settle("period", Resolution(None, Evidence.NONE, f"abstains: {r.fields['period'].reason} holds "
                                                               "a yearly amount summed over the term or its last year's"))
        elif why:
            was = r.fields["period"]
            r.settle("period", Resolution(period, was.evidence, f"{was.reason}; {why}"))
    if r.role is None:
        r.settle("role", role_by_period(r, cues))
    if r.stage == "estimate" and r.role == "target":
        r.stage = "plan"  # (`dự kiến năm 2026 đạt …`: what is expected of a year ahead is its plan)


def _summed_over_span(r: Resolved, ind, cues, lead: str) -> bool:
    """`Tổng thu ngân sách 5 năm đạt 87.330 tỷ đồng`, `Cả giai đoạn 2021 - 2025, kim ngạch
    xuất khẩu đạt 30.500 triệu USD`: an amount the catalog holds as a yearly level, summed
    over the span, keeps the span (a rate or a share is never summed)."""
    if not lead or ind.aggregation != "additive" or r.unit == "percent":
        return False
    if cues.span_total.search(lead):
        return True
    named = NAMED_SPAN_RE.search(lead)
    return named is not None and r.fields.get("period") is not None \
        and r.fields["period"].evidence is Evidence.CLAUSE and named.group(1, 2) == tuple((r.period or "").split("-"))


# A span of years its own words name as one (`5 năm 2021 - 2025`, `giai đoạn 2021 - 2025`):
# an amount stated for it is its sum, not its last year's level.
NAMED_SPAN_RE = re.compile(r"(?<![\w])(?:\d+\s+năm|giai\s+đoạn|nhiệm\s+kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})(?![\w])", re.I)


def _amount_in_span_column(r: Resolved, ind, cues, end: str | None) -> bool:
    """`| Thu ngân sách nhà nước | tỷ đồng | 60.000 |` under `Thực hiện giai đoạn 2021-2025`:
    an amount that adds up year by year, in a column of a term, may be the term's sum or its
    last year's level; only a label naming that year (or a sum over the span: a span total's
    words keep the span, checker/resolve/tables.py) tells which."""
    if r.block.kind != "table_row" or r.fields["period"].evidence is not Evidence.TABLE_HEADER \
            or ind.aggregation != "additive" or r.unit in (None, "percent") or ind.unit == "percent":
        return False
    label = r.row_label or ""
    return not (end and re.search(rf"(?<!\d){end}(?!\d)", label))


# `đến nay`, `đến hết năm 2025`: where a sum over a span ends.
TO_DATE_RE = re.compile(r"(?<![\w])(?:đến|tới)\s+(?:nay|hết|cuối|năm\s+\d{4}|\d{4})(?![\w])", re.I)


def _summed_to_date(r: Resolved, ind, cues, lead: str) -> bool:
    """`Lũy kế từ đầu nhiệm kỳ đến nay, vốn đầu tư đạt 254.000 tỷ đồng`: a yearly flow summed
    up to a year is no level of that year; the span it sums over is not that year alone."""
    return bool(lead) and ind.temporal == "flow" and r.unit != "percent" and bool(r.period) \
        and YEAR_ONLY_RE.fullmatch(r.period) is not None and r.fields["period"].evidence is not Evidence.DOCUMENT \
        and bool(cues.span_total.search(lead)) and bool(TO_DATE_RE.search(lead))


def _looking_ahead(r: Resolved, heading: Resolution, cues) -> str:
    """Why a target's period is not the heading's: `phấn đấu hằng năm có trên 92% …` under
    `III. PHƯƠNG HƯỚNG …`, whose parent heading names the term under review (ended by the
    report's year), aims past that term; empty where the heading's period holds."""
    end = period_end(heading.value)
    # (a table's targets are stated beside their results, whatever heading it ends up under)
    if r.role != "target" or r.block.kind == "table_row" or end is None or r.doc.year is None or end > r.doc.year:
        return ""
    section = r.block.section
    ahead = [i for i, h in enumerate(section) if cues.heading_ahead.match(fold(h))]
    dated = [i for i, h in enumerate(section) if find_periods(h, [])]
    if not ahead or (dated and dated[-1] >= ahead[-1]):
        return ""
    return f"abstains: a target under `{section[ahead[-1]].strip()[:40]}` aims past {heading.reason}"


def _block_says_otherwise(r: Resolved, heading: Resolution) -> str:
    """`Điều 1. Kế hoạch ... năm 2026` over `Ước cả năm 2025, GRDP tăng 9,1% ... Kim ngạch
    xuất khẩu ước đạt 28.760 triệu USD`: where the figure's paragraph has named another year
    before it (not a base: `so với năm 2024`), the heading's year is not clearly its own."""
    # (a heading's term is left to the rules that read a term: only a year against a year)
    if r.block.kind == "table_row" or not YEAR_ONLY_RE.fullmatch(heading.value or ""):
        return ""
    before = r.block.text[:r.figure.start]
    for found in find_periods(before, []):
        if found.kind in ("dates", "date") or found.value == heading.value:
            continue
        if not BASE_LEAD_RE.search(before[max(0, found.start - 24):found.start]):
            return f"abstains: `{found.text}` earlier in its paragraph, not {heading.reason}"
    return ""


YEAR_ONLY_RE = re.compile(r"\d{4}")
# (and a destination: `chuyển nguồn sang năm 2025` is carried to that year, not stated of it)
BASE_LEAD_RE = re.compile(r"(?:so với|so cùng kỳ|cùng kỳ|từ|đến|sang|bằng|gấp)(?:\s+(?:ước thực hiện|thực hiện|kế hoạch|dự toán|cùng kỳ))?(?:\s+năm)?\s*$", re.I)


def states_present(leads, start: int, end: int) -> bool:
    """`Tỉnh có diện tích tự nhiên`, `gồm`, `với dân số`: the clause before a figure (the
    block's `text[start:end]`, searched through its `leads`) says what the province has,
    with no verb of a result (`đạt`, `tăng`, `là`) after it."""
    found = leads.last(HAVE_RE, start, end)
    return found is not None and not leads.first(RESULT_VERB_RE, start, end, found.end())


def _as_of_report(r: Resolved, ind) -> None:
    """`Tỉnh có diện tích tự nhiên 21.576,5 km²` with no year, no heading's period: a level
    the province has is its level at the report's date.  A flow or a rate with no period
    stays blank (which year's total would it be?), and so does a target."""
    year = report_year(r.doc)
    if ind.temporal != "stock" or year is None or r.role == "target":
        return
    r.settle("period", Resolution(str(year), Evidence.DOCUMENT,
                                  "a level the province has, stated with no period: as of the report's year"))
