"""Clause segmentation: a block's sentences, and the sentence and clause a figure stands in."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from checker.records import Figure

# (the dot of an abbreviated place word ends no sentence: `TP. Hồ Chí Minh`, `Tp. Huế`, `TX. Sơn Tây`)
# (white space first, the mark before it tested from there: `re` then tries only the
# spaces of a text, not every position)
SENTENCE_END_RE = re.compile(r"\s(?<=[.!?…]\s)(?<!\bT[Pp]\.\s)(?<!\bT[Xx]\.\s)\s*(?=[A-ZĐÀ-Ỹ(\-*\"“])")
NON_SPACE_RE = re.compile(r"\S")
SEPARATOR_RE = re.compile(r"[,;:]")
WORD_RE = re.compile(r"[^\W\d_]+")
# (a sentence ends only after a mark: the marks are found first, in C, and the end tried
# only after each, where trying it at every white space cost a search of each block)
MARK_SPACE_RE = re.compile(r"[.!?…](?=\s)")
PROVINCE_WORD_RE = re.compile(r"(?:và\s+)?(?:tỉnh|thành phố|tp\.?)\s", re.I)


def number_end(fig: Figure) -> int:
    """Where the number of a figure ends, before its unit."""
    if fig.unit_text and fig.text.endswith(fig.unit_text):
        return fig.end - len(fig.unit_text)
    return fig.end


def sentence_start(text: str, end: int) -> int:
    """The start of the sentence that runs up to `end`."""
    return max([0] + [m.end() for m in SENTENCE_END_RE.finditer(text, 0, end)])


def _sentence_ends(text: str) -> set[int]:
    """`{m.start() for m in SENTENCE_END_RE.finditer(text)}`: each end opens with the white
    space right after a mark (no end is inside another: its spaces follow no mark)."""
    return {m.end() for m in MARK_SPACE_RE.finditer(text) if SENTENCE_END_RE.match(text, m.end())}


class Sentences:
    """A block cut into sentences: at a sentence end, and at a footnote marker (a lost
    superscript read as a number closes its sentence)."""

    def __init__(self, text: str, figures: list[Figure]):
        breaks = _sentence_ends(text)
        breaks |= {f.start for f in figures if f.kind == "marker"}
        self.bounds = sorted({0, len(text), *breaks})

    def of(self, pos: int) -> tuple[int, int, int]:
        """The index, start and end of the sentence holding `pos`."""
        i = bisect_right(self.bounds, pos) - 1  # the bounds are sorted and distinct
        if 0 <= i < len(self.bounds) - 1:
            return i, self.bounds[i], self.bounds[i + 1]
        return len(self.bounds) - 2, self.bounds[-2], self.bounds[-1]


@dataclass(frozen=True)
class Spot:
    """Where a figure stands: its sentence, its clause (between `;`), the figures beside
    it, and how far back its indicator may be looked for (`reach`)."""

    sentence: int
    sentence_start: int
    sentence_end: int
    clause_start: int
    clause_end: int
    prev_figure_end: int
    next_figure_start: int
    reach: int
    number_end: int

    def __init__(self, sentence: int, sentence_start: int, sentence_end: int, clause_start: int, clause_end: int,
                 prev_figure_end: int, next_figure_start: int, reach: int, number_end: int):
        # (at once, as `Resolution`'s: two spots a figure, where the frozen fields set one by one cost more)
        self.__dict__.update(sentence=sentence, sentence_start=sentence_start, sentence_end=sentence_end,
                             clause_start=clause_start, clause_end=clause_end, prev_figure_end=prev_figure_end,
                             next_figure_start=next_figure_start, reach=reach, number_end=number_end)

    def in_clause(self, pos: int) -> bool:
        return self.clause_start <= pos

    def reaching(self, reach: int) -> Spot:
        """The spot with another reach (`dataclasses.replace`, without its cost per figure)."""
        return Spot(self.sentence, self.sentence_start, self.sentence_end, self.clause_start, self.clause_end,
                    self.prev_figure_end, self.next_figure_start, reach, self.number_end)


def clause_continues(text: str, clause_start: int, entity_starts: list[int], period_starts: list[int],
                     parallel_part: re.Pattern, breakdown_lead: re.Pattern | None = None) -> bool:
    """May a figure after `;` take its indicator from before it?  Only when its
    clause is a breakdown (`; trong đó ...`) or a parallel one that opens with a province
    or a period: `Thái Nguyên tăng 8%/năm; Bắc Kạn tăng 10,9%/năm`.  The names' and
    periods' starts are sorted."""
    # (matched in place, not on a copy of the rest of the block: these patterns look neither
    # behind nor for the start of the text)
    word = NON_SPACE_RE.search(text, clause_start)
    start = word.start() if word else len(text)
    lead = breakdown_lead.match(text, start) if breakdown_lead is not None else None
    if lead:
        # `; trong đó Bình Định đạt 1.685 triệu USD`: the province after the lead.
        start = lead.end()
        while start < len(text) and text[start] in " ,:":
            start += 1
    if PROVINCE_WORD_RE.match(text, start):
        return True
    if _starts_within(entity_starts, start, start + 8) or _starts_within(period_starts, start, start + 8):
        return True
    # `...; khu vực kinh tế trong nước đạt 89 nghìn tỷ đồng`: a parallel part.
    return bool(parallel_part.match(text, start))


@dataclass(frozen=True)
class Beside:
    """The other statistics of a block that stand right before and right after a figure,
    where the block's figures are in order and none is inside another: only those two
    can be its neighbours."""

    before: Figure | None
    after: Figure | None

    def __init__(self, before: Figure | None, after: Figure | None):
        self.__dict__.update(before=before, after=after)  # (one a figure: as `Spot`'s)


def _starts_within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether one of the sorted `starts` lies in `[lo, hi]`."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] <= hi


def spot_of(text: str, fig: Figure, others: list[Figure] | Beside, sentences: Sentences, opens_parallel,
            continues_sentence: re.Pattern) -> Spot:
    """The spot of `fig` among the other statistics of its block (all of them, or the two
    `Beside` it).  `opens_parallel(start)` says whether the clause starting at `start` is
    a parallel one."""
    sid, s_start, s_end = sentences.of(fig.start)
    if isinstance(others, Beside):
        after, before = others.after, others.before
        next_fig = after.start if after is not None and s_start <= after.start < s_end else s_end
        prev_fig = before.end if before is not None and s_start <= before.start < s_end else s_start
    else:
        in_sentence = [f for f in others if s_start <= f.start < s_end]
        next_fig = min((f.start for f in in_sentence if f.start >= fig.end), default=s_end)
        prev_fig = max((f.end for f in in_sentence if f.end <= fig.start), default=s_start)
    # A `:` opens a list whose items are clauses of their own: each reaches back to its head,
    # the clause before the `:`, whose names it takes with the evidence of a sentence.
    semi_start = max(s_start, text.rfind(";", s_start, fig.start) + 1)
    colon = _list_colon(text, semi_start, fig.start)
    clause_start = colon + 1 if colon >= 0 else semi_start
    clause_end = text.find(";", fig.end, s_end)
    reach = s_start if opens_parallel(semi_start) else semi_start
    if sid > 0 and continues_sentence.match(text, s_start):  # (literal phrases: no look behind or `^`)
        reach = sentences.bounds[sid - 1]  # `... gấp 1,5 lần so với năm 2025. Đạt trên 8 triệu đồng/tháng.`
    return Spot(sid, s_start, s_end, clause_start, s_end if clause_end < 0 else clause_end,
                prev_fig, next_fig, reach, number_end(fig))


def _list_colon(text: str, start: int, end: int) -> int:
    """The last `:` before `end` that opens a list (not one inside brackets or a time)."""
    pos = text.rfind(":", start, end)
    while pos >= 0 and (text[pos + 1:pos + 2].isdigit() or text.count("(", start, pos) > text.count(")", start, pos)):
        pos = text.rfind(":", start, pos)
    return pos


def head_reach(text: str, fig: Figure, spot: Spot, masked_near, not_a_head: frozenset[str],
               parallel_part: re.Pattern) -> int:
    """How far back a figure may look for its indicator once a new head phrase stands
    between it and the last separator: `tỷ lệ che phủ rừng duy trì 60%, chỉ số hạnh phúc
    đạt 72%` — 72% is no forest cover, and the unknown head leaves it unnamed.  Names,
    periods and cue words (the spans `masked_near(start, end)` gives: all that may overlap
    `[start, end)`, asked only past the first test) and the syllables of `not_a_head` open no head."""
    # Only after a figure has closed the head before it: `Tổng mức bán lẻ hàng hóa, doanh thu
    # dịch vụ ... đạt N` is one head, joined by a comma.
    if spot.prev_figure_end <= spot.reach:
        return spot.reach
    masked = masked_near(spot.prev_figure_end, fig.start)
    inside = [(a, b) for a, b in masked if a < fig.start and b > spot.prev_figure_end]
    # (the last separator outside the masked spans, the separators found in C, last first)
    seps = reversed([m.start() for m in SEPARATOR_RE.finditer(text, spot.prev_figure_end, fig.start)])
    sep = next((k for k in seps if not any(a <= k < b for a, b in inside)), None)
    if sep is None:
        return spot.reach
    segment = list(text[sep + 1:fig.start])
    for a, b in masked:
        lo, hi = max(a, sep + 1), min(b, fig.start)
        if lo < hi:
            segment[lo - sep - 1:hi - sep - 1] = " " * (hi - lo)
    words = "".join(segment)
    if parallel_part.match(words.strip()):
        return spot.reach  # `; khu vực kinh tế trong nước đạt 89 nghìn tỷ đồng`: a part, not a new head
    # Only a segment that opens with a noun of its own is a new head: one that opens with a
    # verb or a cue (`, đạt chuẩn ... tại nông thôn đạt 80%`) goes on with the head before it.
    first = WORD_RE.search(words.lower())
    return sep + 1 if first and first.group(0) not in not_a_head else spot.reach
