"""Stage: whether a figure is a final outturn, an estimate or forecast, or a plan, as the
words of its sentence before it say (`quyết toán`, `ước thực hiện cả năm`, `dự toán`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

# After a stage word: what makes it name the figure's stage rather than an action (`thực
# hiện Nghị quyết`, `kế hoạch phát triển`): a period, a verb of reaching, or a break.
NAMES_STAGE_RE = re.compile(r"\s*(?:(?:cả\s+)?năm(?!\w)|quý(?!\w)|tháng(?!\w)|\d|\d+\s+tháng|đạt(?!\w)|là(?!\w)"
                            r"|được(?!\w)|[,:])", re.I)
# Right before a stage word: it names the base of a comparison (`so với dự toán`, `bằng
# 105% kế hoạch`, `không đạt dự toán`, `hoàn thành kế hoạch`), not the stage of a figure.
BASE_LEAD_RE = re.compile(r"(?:(?<!\w)(?:so|với|bằng|vượt|hụt|của|theo|trong|chưa|hơn|đạt|thành)|%|[\d)])\s*$", re.I)
OPENS_RE = re.compile(r"[\s\-–+*•(]*")  # nothing but a list's marks before the word: it opens its clause
AFTER_BREAK_RE = re.compile(r"[,;:]\s*$")
# The final accounts' and an estimate's words name a stage wherever they stand (`phê chuẩn
# quyết toán thu ngân sách năm 2024 là …`); what was done and a plan's words are also
# words of other things (`thực hiện Nghị quyết`, `mục tiêu kép`), and name a stage only
# followed by a period or a verb, or opening their clause.
NAMED_ANYWHERE = frozenset({"outturn", "estimate"})
STAGES = ("outturn", "done", "estimate", "plan")  # (`done`: see `settled`)


def settled(stage: str, end: int | None, year: int | None) -> str:
    """What was done (`thực hiện năm 2024`) is the outturn of a period ended before the
    report's year; of a later one, nothing tells it from the estimate: no stage."""
    if stage != "done":
        return stage
    return "outturn" if end is not None and year is not None and end < year else ""


@dataclass(frozen=True)
class StageWords:
    """Each stage's words, lower-case and longest first, with their stage: found with
    `str.find` (a pattern of them all, case-insensitive behind a look-behind, cost a scan as
    long as the rest of a block's reading)."""

    phrases: tuple[tuple[str, str], ...]
    # The words that may name a stage in the last texts read (`named_in`), by text.
    _named: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def named_in(self, text: str) -> tuple[tuple[int, int, str, str, bool], ...]:
        """Every stage word of a block that may name a stage (not a base), found once for
        all its figures: start, end, stage and the words."""
        found = self._named.get(text)
        if found is None:
            if len(self._named) >= 64:
                self._named.clear()
            # (with whether it names a stage wherever its clause starts: else only opening its
            # clause does)
            found = self._named[text] = tuple(
                (*w, w[2] in NAMED_ANYWHERE or bool(NAMES_STAGE_RE.match(text, w[1])
                                                    or AFTER_BREAK_RE.search(text, max(0, w[0] - 3), w[0])))
                for w in self.find_all(text) if not BASE_LEAD_RE.search(text, max(0, w[0] - 12), w[0]))
        return found

    def find_all(self, text: str) -> tuple[tuple[int, int, str, str], ...]:
        """Every stage word in `text`, whole words, the leftmost and then longest where they
        overlap: start, end, stage and the words as written."""
        low = text.lower()
        if len(low) != len(text):  # (a letter whose lower case is longer: no offsets to trust)
            return ()
        found = []
        for phrase, stage in self.phrases:
            i = low.find(phrase)
            while i >= 0:
                j = i + len(phrase)
                if (i == 0 or not low[i - 1].isalnum()) and (j == len(low) or not low[j].isalnum()):
                    found.append((i, -j, stage))
                i = low.find(phrase, i + 1)
        found.sort()
        out, reach = [], -1
        for i, neg_j, stage in found:
            if i >= reach:
                out.append((i, -neg_j, stage, text[i:-neg_j]))
                reach = -neg_j
        return tuple(out)

    def match(self, text: str, pos: int) -> tuple[str, str] | None:
        """The longest stage word at `pos`, whole, with its stage."""
        low = text[pos:pos + 40].lower()
        for phrase, stage in self.phrases:
            if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
                return stage, text[pos:pos + len(phrase)]
        return None


def stage_words(words: dict[str, list[str]]) -> StageWords | None:
    """Every stage's words, longest first (on a tie, in the order of STAGES)."""
    phrases = [(w.lower(), stage) for stage in STAGES for w in words.get(stage) or ()]
    if not phrases:
        return None
    return StageWords(tuple(sorted(phrases, key=lambda p: -len(p[0]))))


def stage_before(text: str, start: int, end: int, words: StageWords | None, opens_from: int | None = None
                 ) -> tuple[str, str]:
    """The stage the words of `text[start:end]` name last, and the words (or two blanks).
    A stage word counts where it opens its clause or names a period or a verb after it, and
    is not the base a figure before it is compared with."""
    if words is None:
        return "", ""
    found_words = words.named_in(text)
    i = bisect_left(found_words, (start,))
    j = bisect_left(found_words, (end,))
    for w_start, w_end, stage, said, names in reversed(found_words[i:j]):
        if w_end <= end and (names or OPENS_RE.fullmatch(text, start if opens_from is None else opens_from, w_start)):
            return stage, said
    return "", ""


def figure_stage(text: str, sentence_start: int, clause_start: int, stretch_start: int, fig_start: int,
                 words: StageWords | None, first_figure: Callable[[int], int]) -> tuple[str, str]:
    """The stage named between the figure and the one before it in its clause (`kế hoạch
    9.640 tỷ đồng, giải ngân 8.210 tỷ đồng`: the plan's word is not the second figure's),
    else the final accounts or the estimate its clause, or its sentence, opens with before
    its first figure (`Ước thực hiện năm 2025, thu … đạt A, chi … đạt B`)."""
    # (a word opening the stretch after a figure names that figure's base, not this one's
    # stage: `6.815/19.550 tỷ đồng kế hoạch vốn, đạt 34,9%`)
    own = stage_before(text, stretch_start, fig_start, words, clause_start)
    if own[0] or stretch_start <= sentence_start:
        return own
    for start in (clause_start, sentence_start) if clause_start > sentence_start else (sentence_start,):
        if start < stretch_start:
            lead = stage_before(text, start, min(first_figure(start), stretch_start), words)
            if lead[0]:
                return lead if lead[0] in NAMED_ANYWHERE else ("", "")
    return "", ""


def stage_of(text: str, spot, fig_start: int, fig_end: int, words: StageWords | None,
             first_figure: Callable[[int], int]) -> tuple[str, str]:
    """The stage right after the figure (`(quyết toán)`), else before it (`figure_stage`, in
    the stretch from its clause's start or the figure before it in its clause)."""
    if words is None:
        return "", ""
    after = stage_after(text, fig_end, words)
    if after[0]:
        return after
    return figure_stage(text, spot.sentence_start, spot.clause_start, max(spot.clause_start, spot.prev_figure_end),
                        fig_start, words, first_figure)


# Right after a figure: `43.500 tỷ đồng (quyết toán)`, `… theo số ước thực hiện`.
# (a bracket that goes on after the stage's words gives that stage's own figure: `56,8%
# (kế hoạch 60,0%)` names the plan beside the result, not the result's stage)
AFTER_RE = re.compile(r"\s*(?:(?P<open>\(\s*)|theo\s+(?:số\s+)?)")
CLOSE_RE = re.compile(r"\s*(?:năm\s+\d{4}\s*)?\)")
END_RE = re.compile(r"\s*(?:năm\s+\d{4}\s*)?(?:[,;.)]|$)")


def stage_after(text: str, fig_end: int, words: StageWords | None) -> tuple[str, str]:
    """The stage a bracket or `theo` right after the figure names, and nothing else
    (`(quyết toán)`, `theo số quyết toán năm 2024,`)."""
    lead = AFTER_RE.match(text, fig_end)
    found = words.match(text, lead.end()) if lead and words is not None else None
    if found is None or not (CLOSE_RE if lead.group("open") else END_RE).match(text, lead.end() + len(found[1])):
        return "", ""
    return found


SPAN_CHANGE = "span_change"


def span_base_pattern(term_start: list[str] | None) -> re.Pattern:
    """`so với (năm) 2020` or `so với <the term's start>` right after a figure."""
    starts = "|".join(re.escape(w) for w in sorted(term_start or (), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\s*,?\s*so\s+với\s+(?:(?:cuối\s+)?năm\s+(?P<year>\d{{4}})(?![\d/-])|(?P<start>{starts})(?!\w))",
                      re.I)


def span_change(text: str, fig, lead_start: int, period_end: int | None, pattern: re.Pattern | None,
                annual: re.Pattern | None) -> bool:
    """`tăng 45% so với đầu nhiệm kỳ`, `tăng 62% so với năm 2020` of 2025: a percentage
    compared with a base more than a year before its period's end is the change over those
    years, another measure than a yearly rate of the same indicator.  A yearly average
    (`tăng bình quân 8,4%/năm so với năm 2020`) is a rate a year."""
    if pattern is None or fig.unit != "percent" or "/" in (fig.unit_text or "") or "năm" in (fig.unit_text or ""):
        return False
    if annual is not None and annual.search(text, max(lead_start, fig.start - 30), fig.end):
        return False
    found = pattern.match(text, fig.end)
    if found is None:
        return False
    if found.group("start"):
        return True
    return period_end is not None and int(found.group("year")) < period_end - 1
