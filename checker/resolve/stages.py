"""Stage: whether a figure is a final outturn, an estimate or forecast, or a plan, as the
words of its sentence before it say (`quyết toán`, `ước thực hiện cả năm`, `dự toán`)."""

from __future__ import annotations

import re

# After a stage word: what makes it name the figure's stage rather than an action (`thực
# hiện Nghị quyết`, `kế hoạch phát triển`): a period, a verb of reaching, or a break.
NAMES_STAGE_RE = re.compile(r"\s*(?:(?:cả\s+)?năm(?!\w)|quý(?!\w)|tháng(?!\w)|\d|\d+\s+tháng|đạt(?!\w)|là(?!\w)"
                            r"|được(?!\w)|[,:])", re.I)
# Right before a stage word: it names the base of a comparison (`so với dự toán`, `bằng
# 105% kế hoạch`), not the stage of a figure.
BASE_LEAD_RE = re.compile(r"(?:(?<!\w)(?:so|với|bằng|vượt|hụt|của|theo|trong|chưa|hơn)|%|[\d)])\s*$", re.I)
STAGES = ("outturn", "done", "estimate", "plan")  # (`done`: see `settled`)


def settled(stage: str, end: int | None, year: int | None) -> str:
    """What was done (`thực hiện năm 2024`) is the outturn of a period ended before the
    report's year; of a later one, nothing tells it from the estimate: no stage."""
    if stage != "done":
        return stage
    return "outturn" if end is not None and year is not None and end < year else ""


def stage_pattern(words: dict[str, list[str]]) -> re.Pattern | None:
    """One pattern of every stage's words, longest first, each in a group named by its stage."""
    groups = []
    for stage in STAGES:
        phrases = sorted(words.get(stage) or (), key=len, reverse=True)
        if phrases:
            groups.append(rf"(?P<{stage}>" + "|".join(re.escape(p) for p in phrases) + ")")
    return re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.I) if groups else None


def stage_before(text: str, start: int, end: int, pattern: re.Pattern | None) -> tuple[str, str]:
    """The stage the words of `text[start:end]` name last, and the words (or two blanks).
    A stage word counts where it opens its clause or names a period or a verb after it, and
    is not the base a figure before it is compared with."""
    if pattern is None:
        return "", ""
    found = ("", "")
    for m in pattern.finditer(text, start, end):
        if BASE_LEAD_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        opens = not text[start:m.start()].strip(" -–+*•(") or text[max(0, m.start() - 2):m.start()].strip() in (",", ";", ":")
        if not opens and not NAMES_STAGE_RE.match(text, m.end()):
            continue
        found = (m.lastgroup, m.group(0))
    return found


def figure_stage(text: str, sentence_start: int, clause_start: int, first_figure: int, fig_start: int,
                 pattern: re.Pattern | None) -> tuple[str, str]:
    """The stage its clause names before the figure, else the one its sentence opens with
    (before the sentence's first figure)."""
    own = stage_before(text, clause_start, fig_start, pattern)
    if own[0] or clause_start <= sentence_start:
        return own
    return stage_before(text, sentence_start, min(first_figure, clause_start), pattern)


def stage_of(text: str, sentence_start: int, clause_start: int, first_figure: int, fig_start: int, fig_end: int,
             pattern: re.Pattern | None) -> tuple[str, str]:
    """The stage right after the figure (`(quyết toán)`), else before it (`figure_stage`)."""
    after = stage_after(text, fig_end, pattern)
    return after if after[0] else figure_stage(text, sentence_start, clause_start, first_figure, fig_start, pattern)


# Right after a figure: `43.500 tỷ đồng (quyết toán)`, `… theo số ước thực hiện`.
# (a bracket that goes on after the stage's words gives that stage's own figure: `56,8%
# (kế hoạch 60,0%)` names the plan beside the result, not the result's stage)
AFTER_RE = re.compile(r"\s*(?:(?P<open>\(\s*)|theo\s+(?:số\s+)?)")
CLOSE_RE = re.compile(r"\s*(?:năm\s+\d{4}\s*)?\)")
END_RE = re.compile(r"\s*(?:năm\s+\d{4}\s*)?(?:[,;.)]|$)")


def stage_after(text: str, fig_end: int, pattern: re.Pattern | None) -> tuple[str, str]:
    """The stage a bracket or `theo` right after the figure names, and nothing else
    (`(quyết toán)`, `theo số quyết toán năm 2024,`)."""
    lead = AFTER_RE.match(text, fig_end)
    found = pattern.match(text, lead.end()) if lead and pattern is not None else None
    if found is None or not (CLOSE_RE if lead.group("open") else END_RE).match(text, found.end()):
        return "", ""
    return found.lastgroup, found.group(0)


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
