"""Indicator resolution: which catalog indicator a figure measures, and in which unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.catalog import Catalog, Indicator, unit_fit
from checker.records import Evidence, Figure, Resolution
from checker.text import SUPERSCRIPT_RE, Mention, mask_all_markers, mask_markers, respell


@dataclass(frozen=True)
class Reading:
    """An indicator read for a figure: the id (None when not told), the unit and factor the
    figure is kept in, a note on ambiguity, and where it was read."""

    indicator: str | None
    unit: str | None
    factor: float = 1.0
    note: str = ""
    evidence: Evidence = Evidence.NONE
    reason: str = ""
    scope: str = ""

    def __init__(self, indicator: str | None, unit: str | None, factor: float = 1.0, note: str = "",
                 evidence: Evidence = Evidence.NONE, reason: str = "", scope: str = ""):
        # (at once, as `Resolution`'s: one to three a figure, where the frozen fields set one by one cost more)
        self.__dict__.update(indicator=indicator, unit=unit, factor=factor, note=note, evidence=evidence,
                             reason=reason, scope=scope)

    def told(self, evidence: Evidence, reason: str) -> Reading:
        """`replace(self, evidence=..., reason=...)`, made directly: asked for most figures,
        and `replace` reads the class's fields each time."""
        return Reading(self.indicator, self.unit, self.factor, self.note, evidence, reason, self.scope)

    def resolution(self) -> Resolution:
        if self.indicator is None:
            return Resolution(None, Evidence.NONE, self.note or "no indicator named")
        return Resolution(self.indicator, self.evidence, self.reason)


def percent_slip(written: str | None, kept: str | None) -> bool:
    """A rate per person written as a percentage, or the other way round: a slip worth
    keeping (and reporting), not a figure about something else."""
    def per_person(u: str | None) -> bool:
        return bool(u) and u.endswith("/ nguoi")

    return (written == "percent" and per_person(kept)) or (kept == "percent" and per_person(written))


def _context_strength(ind: Indicator, mention: Mention, low_context) -> int | None:
    """How specifically the context (headings, the sentence so far) fits a context-bound
    indicator (`Tỷ trọng Dịch vụ`): the longest context word found, None when none is.
    `low_context()` gives the context in lower case (made only where an indicator asks)."""
    if not ind.context:
        return 0
    low_context = low_context()
    # The context may stand before the name or inside it (`Tỷ trọng Dịch vụ`).
    words = [c.lower() for c in ind.context if c.lower() in low_context or c.lower() in mention.text.lower()]
    return max(len(w) for w in words) if words else None


class LeadContext:
    """`(context + " | " + text[:end]).lower()` as far as `in` asks, without copying the
    text before each figure: `low_text` is the block's text in lower case, made once (where
    lowering keeps every character's place: see `lowered_in_place`)."""

    def __init__(self, context: str, low_text: str, end: int):
        self.head, self.low_text, self.end = (context + " | ").lower(), low_text, end

    def __contains__(self, word: str) -> bool:
        if self.low_text.find(word, 0, self.end) >= 0:
            return True
        # (an occurrence that starts in the headings runs at most len(word) - 1 into the text)
        return word in self.head + self.low_text[:min(self.end, max(0, len(word) - 1))]


def lowered_in_place(text: str) -> str | None:
    """`text.lower()` where each character's lower case is one character that does not
    depend on its neighbours (so that a prefix's lower case is the lower case's prefix)."""
    low = text.lower()
    return low if len(low) == len(text) and "Σ" not in text else None


def pick_indicator(catalog: Catalog, figure: Figure, candidates: list[Mention], context_text
                   ) -> tuple[Reading, Mention | None]:
    """The first candidate name whose indicators fit the figure's unit (and context) in
    exactly one way; two that fit equally are ambiguity, reported and not picked.  The
    context is a text or what makes it (the text before a figure of a long block is
    copied and lowered only for a context-bound indicator)."""
    lowered: list[str] = []

    def low_context():
        if not lowered:
            made = context_text() if callable(context_text) else context_text
            lowered.append(made.lower() if isinstance(made, str) else made)
        return lowered[0]

    tiers = []
    for mention in candidates:
        tiers.append((mention, mention.keys))
        if mention.inner:
            tiers.append((mention, mention.inner))
    for mention, keys in tiers:
        fits = []
        for key in keys:
            ind = catalog.indicators[key]
            strength = _context_strength(ind, mention, low_context)
            fit = unit_fit(catalog.units, figure.unit, ind) if strength is not None else None
            if fit is not None:
                fits.append((ind, fit, strength))
        if len(fits) > 1:
            # A context-bound indicator beats a general one; the most specific context wins.
            best = max(f[2] for f in fits)
            if best:
                fits = [f for f in fits if f[2] == best]
        if len(fits) > 1:
            # A unit written as the indicator keeps it beats one reached by conversion:
            # `74,7 triệu đồng/năm` is a year's income, not 6,2 triệu a month.
            exact = [f for f in fits if figure.unit in (f[0].unit, *f[0].accepts)]
            if len(exact) == 1:
                fits = exact
        if len(fits) == 1:
            ind, (unit, factor), _ = fits[0]
            return Reading(ind.id, unit, factor), mention
        if len(fits) > 1:
            return Reading(None, figure.unit, note="ambiguous indicator: " + ", ".join(sorted(f[0].id for f in fits))), None
    return Reading(None, figure.unit), None


GAP_MARK_RE = re.compile(r"[,;.()]")
# `khi`, `nếu`, `trường hợp` opening a condition (not `sau khi`, `trước khi`, `từ khi`: times).
CONDITION_LEAD_RE = re.compile(r"(?<![\w])(?:khi|nếu)\s+$", re.I)
# A separator of clauses (a `.` or `,` between digits is a number's).
CLAUSE_MARK_RE = re.compile(r"[;:()]|[,.](?!\d)")
# A verb of change between a figure and a frame after it (`doanh nghiệp quay trở lại hoạt động`,
# `tạm ngừng hoạt động`): the figure counts those that entered or left the state the frame names.
FRAME_CHANGE_RE = re.compile(r"(?<![\w])(?:trở lại|quay lại|ngừng|ngưng|dừng|chấm dứt|thôi|đi vào|bắt đầu|"
                             r"đưa vào)(?![\w])", re.I)
CONDITION_RE = re.compile(r"(?<!sau )(?<!trước )(?<!từ )(?<![\w])(?:khi|nếu|trường hợp)(?![\w])", re.I)


@lru_cache(maxsize=4096)
def _frame_key(key: str) -> tuple[str, str, int]:
    """A frame matcher's key, `side:indicator:n`, read once (asked for every figure near it)."""
    side, ind_id, n = key.split(":")
    return side, ind_id, int(n)


def frame_indicator(catalog: Catalog, text: str, fig: Figure, spot, frames: list[Mention], named=None
                    ) -> Reading | None:
    """A count read from its frame: the catalog's words before or after the figure, or its
    unit alone.  Two indicators framed equally well are ambiguity, not a pick."""
    if fig.kind not in ("statistic", "fraction", "range"):
        return None
    unit, num_end = fig.unit, spot.number_end
    scored: list[tuple[tuple, object, str, Evidence]] = []
    conditioned = -1  # (the end of a condition between a frame and the figure)
    after_condition = []  # (searched for the first frame before the figure that needs it: most have none)
    for m in frames:
        after = num_end <= m.start < spot.next_figure_start
        before = spot.reach <= m.start and m.end <= fig.start
        if not (after or before):
            continue  # every frame of the block is offered; most are nowhere near this figure
        for key, direct in [(k, 1) for k in m.keys] + [(k, 0) for k in m.inner]:
            side, ind_id, n = _frame_key(key)
            frame = catalog.indicators[ind_id].patterns[n]
            if not ("any" in frame.units and unit is None or unit in frame.units):
                continue
            if side == "after":
                if not after:
                    continue
                gap = text[num_end:m.start]
                if len(gap) > len(fig.unit_text) + 24 or GAP_MARK_RE.search(gap) or FRAME_CHANGE_RE.search(gap):
                    continue
                scored.append(((2, -m.start, direct), frame, f"frame `{m.text}` after the figure", Evidence.CLAUSE))
            elif before and not _named_between(catalog, text, m.end, fig.start, named):
                if CONDITION_LEAD_RE.search(text, max(0, m.start - 16), m.start):
                    # (`khi có dấu hiệu vi phạm`: the condition's own verb, not the figure's frame)
                    conditioned = max(conditioned, m.end)
                    continue
                cond = CONDITION_RE.search(text, m.end, fig.start) or _condition_after(text, fig, after_condition)
                if cond:
                    # `Kiểm tra khi có dấu hiệu vi phạm 412 tổ chức đảng`: the action under a
                    # condition is another measure than the frame's (unless a frame after it speaks).
                    conditioned = max(conditioned, cond.end())
                    continue
                evidence = Evidence.CLAUSE if spot.in_clause(m.start) else Evidence.SENTENCE
                scored.append(((1, m.end, direct), frame, f"frame `{m.text}` before the figure", evidence))
    if conditioned >= 0 and not any(s[0][0] == 2 or s[0][1] > conditioned for s in scored):
        return Reading(None, fig.unit, note="a frame's action under a condition: another measure")
    if not scored and unit in catalog.unit_frames:
        scored = [((0, 0, 1), f, f"its unit `{fig.unit_text}`", Evidence.CLAUSE) for f in catalog.unit_frames[unit]]
    if not scored:
        return None
    best_rank = max(s[0] for s in scored)
    best = {(s[1].indicator, s[1].scope) for s in scored if s[0] == best_rank}
    if len(best) > 1:
        return Reading(None, fig.unit, note="ambiguous frame: " + ", ".join(sorted(b[0] for b in best)))
    _, frame, reason, evidence = next(s for s in scored if s[0] == best_rank)
    ind = catalog.indicators[frame.indicator]
    if frame.scope_from_unit and unit:
        return Reading(frame.indicator, unit, 1.0, "", evidence, reason, scope=unit)
    keep = unit is not None and unit not in (ind.unit, *ind.accepts)
    return Reading(frame.indicator, unit if keep else ind.unit, 1.0, "", evidence, reason, scope=frame.scope)


def _condition_after(text: str, fig: Figure, found: list) -> re.Match | None:
    """A condition after the figure, up to its clause's separator (`kiểm tra 412 tổ chức đảng
    và 1.286 đảng viên khi có dấu hiệu vi phạm`), searched once a figure (kept in `found`)."""
    if not found:
        tail = CLAUSE_MARK_RE.search(text, fig.end, fig.end + 80)
        found.append(CONDITION_RE.search(text, fig.end, tail.start() if tail else min(len(text), fig.end + 80)))
    return found[0]


# `GRDP (giá so sánh) tăng bình quân 7,1%/năm`: a percentage right after `tăng` says how
# fast the level named before it rose.
RISE_LEAD_RE = re.compile(r"(?<![\w])tăng(?:\s+(?:bình quân|trung bình|khoảng|đạt|được|ở mức|mỗi năm|hằng năm|"
                          r"hàng năm))*\s*$", re.I)
_RATES: dict[int, dict[str, tuple[str, ...]]] = {}


def rates_of_levels(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Each level indicator with the percentage rates the catalog declares of it (`level:`)."""
    found = _RATES.get(id(catalog.indicators))
    if found is None:
        pairs: dict[str, list[str]] = {}
        for ind in catalog.indicators.values():
            if ind.level and ind.unit == "percent" and ind.temporal == "rate":
                pairs.setdefault(ind.level, []).append(ind.id)
        found = _RATES[id(catalog.indicators)] = {k: tuple(v) for k, v in pairs.items()}
    return found


def rate_of_named_level(catalog: Catalog, text: str, fig: Figure, spot, preceding: list[Mention]
                        ) -> tuple[Reading, Mention] | None:
    """`tổng sản phẩm trên địa bàn (GRDP) tăng bình quân 7,1%/năm`: a percentage after `tăng`
    whose nearest name before it, in its clause, is a level is that level's rate of growth;
    the level must declare exactly one rate in the catalog, else nothing is read.  (The
    caller checks that no words of their own stand between the name and the figure.)"""
    if fig.unit != "percent" or fig.kind not in ("statistic", "range") or not preceding:
        return None
    if not RISE_LEAD_RE.search(text[max(spot.clause_start, spot.prev_figure_end, fig.start - 40):fig.start]):
        return None
    m = preceding[0]
    rates = rates_of_levels(catalog)
    found = {r for k in m.keys if k in rates for r in rates[k]}
    if len(found) != 1 or not spot.in_clause(m.start):
        return None
    return Reading(found.pop(), "percent", 1.0, "", Evidence.CLAUSE,
                   f"`tăng` after `{m.text}`: the rate the level rose at"), m


def _named_between(catalog: Catalog, text: str, start: int, end: int, named=None) -> bool:
    """An indicator named between a frame word and the figure is nearer to it than the
    frame: `đón 17,8 triệu lượt khách, trong đó khách quốc tế 7,7 triệu lượt`.  `named`:
    the text's names by start (`scans.ByStart`), when the caller keeps them."""
    if named is not None:
        return any(m.end <= end for m in named.between(start, end + 1))
    return any(start <= m.start and m.end <= end for m in catalog.indicator_matcher.find(text))


def trailing_subject(text: str, fig: Figure, sentence_end: int, mentions: list[Mention], cues, near=None
                     ) -> list[Mention] | None:
    """`82% trường học đạt chuẩn`: a percentage followed by a noun is a share of that
    noun; its indicator is named after it or not at all."""
    if fig.unit != "percent" or fig.kind != "statistic":
        return None
    rest = mask_markers(SUPERSCRIPT_RE.sub(lambda m: " " * len(m.group(0)), text[fig.end:sentence_end]))
    if cues.not_a_subject.match(rest) or cues.plan_share.match(rest):
        return None
    # (the next figure ends it too: `đạt 18,5% lực lượng lao động, bảo hiểm thất nghiệp đạt
    # 11,2%, bảo hiểm y tế đạt 96,8% dân số`: a name after another figure is that one's)
    stop = re.search(r"[;.:]|\d", rest)
    window_end = fig.end + (stop.start() if stop else len(rest))
    # (`near`: the mentions by start and the longest, to take only those near the figure)
    after = [m for m in (mentions if near is None else near[0].between(fig.end, window_end + 1))
             if fig.end <= m.start and m.end <= window_end]
    # `5G phủ sóng 100% dân số`: a name just before the figure, nothing between.
    before = [m for m in (mentions if near is None else near[0].between(fig.start - 25 - near[1], fig.start + 1))
              if fig.start - 25 <= m.end <= fig.start and not re.search(r"[,;.:()]", text[m.end:fig.start])]
    return after + before


# Units too general to say what a figure measures without a catalog name: shares, rates, multiples.
NO_HEAD_UNITS = ("percent", "percentage_point", "times", "index_point")


@lru_cache(maxsize=8)
def _phrases_re(phrases: tuple[str, ...]) -> re.Pattern | None:
    if not phrases:
        return None
    words = "|".join(re.escape(respell(p.lower())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])")


def head_cues(cues: dict) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The `skip` and `sub_year` patterns of cues.yaml `resolve_head` (none: no fallback keys)."""
    head = cues.get("resolve_head") or {}
    return _phrases_re(tuple(head.get("skip", ()))), _phrases_re(tuple(head.get("sub_year", ())))


def blanked(text: str, blanks: list[tuple[int, int]]) -> str:
    """The text as `head_phrase` reads it: markers masked, lower case, one spelling, and
    the spans of `blanks` (a block's province names) blank."""
    clean = respell(mask_all_markers(text).lower())
    if not blanks:
        return clean
    chars = list(clean)
    for a, b in blanks:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def head_phrase(text: str, fig: Figure, spot, cues: dict, not_a_subject: re.Pattern,
                blanks: list[tuple[int, int]], clean: str | None = None) -> str:
    """A fallback key for a figure no catalog indicator names: the words of its own clause
    before it (less `skip` words and the spans in `blanks`, its province's name), its unit,
    and the words that narrow the unit right after it (`lượt khách quốc tế`).  Empty where
    the clause names nothing of its own or speaks of a period finer than a year."""
    skip, sub_year = head_cues(cues)
    if skip is None or fig.kind != "statistic" or not fig.unit or fig.unit in NO_HEAD_UNITS or "/" in fig.unit:
        return ""
    if clean is None:  # (`blanked(text, blanks)`, which a block reads once for all its figures)
        clean = blanked(text, blanks)
    if sub_year is not None and sub_year.search(clean[spot.sentence_start:spot.sentence_end]):
        return ""
    lead = clean[spot.sentence_start:fig.start]
    if lead.count("(") > lead.count(")"):
        return ""  # `(tổng diện tích 6.402 ha)`: what the bracket measures stands outside it
    start = max(spot.clause_start, spot.prev_figure_end)
    before = re.split(r"[,;:()\[\]*/.|]", clean[start:fig.start])[-1]
    words = re.findall(r"[^\W\d_]+", skip.sub(" ", before))
    rest, pos, after = clean[fig.end:fig.end + 60], 0, []
    while len(after) < 3:
        m = re.match(r"[ \t]+([^\W\d_]+)", rest[pos:])
        if m is None or not_a_subject.match(rest[pos:]):
            break
        after.append(m.group(1))
        pos += m.end()
    if len(words) + len(after) < 2:
        return ""  # one word (`đón`, `xây`) is too little to tell two counts apart
    return " ".join(words) + " | " + " ".join([fig.unit, *after])
