"""Evaluation words in prose: `đạt 66,5%, chưa đạt chỉ tiêu kế hoạch (66%)` judges a result
against the target in brackets, as an evaluation column judges a table row's."""

from __future__ import annotations

import re

from checker.records import Evidence, Figure, Resolution
from checker.resolve.brackets import CLOSED_BRACKET_RE
from checker.resolve.resolved import Resolved

# The evaluation word and the base it judges against, then the target's opening bracket.
# The bracket may name the target again (`vượt kế hoạch (kế hoạch 72%)`); without a bracket
# (`chưa đạt mục tiêu 57,5%`) only a word that cannot be followed by a margin: `vượt kế
# hoạch 5%` may say by how much.
# (a budget's plan is its estimate, `dự toán`; a floor may be said `từ 90%`, a falling rate's
# ceiling `giảm xuống dưới 2%`: the words before the figure, not the figure)
VERDICT_RE = re.compile(r"\s*,?\s*(?<![\w])(?:((?:chưa|không)\s+(?:đạt|hoàn thành)|vượt|đạt|hoàn thành)\s+"
                        r"(?:so với\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch|dự toán)[^()\d;.,]{0,40}"
                        r"\(\s*(?:(?:mục tiêu|chỉ tiêu|kế hoạch|dự toán)\s*:?\s*)?(?:từ\s+)?"
                        r"|((?:chưa|không)\s+(?:đạt|hoàn thành)|đạt|hoàn thành)\s+(?:mục tiêu|chỉ tiêu|kế hoạch|dự toán)"
                        r"(?:\s+đề ra)?\s+(?:là\s+)?(?:(?:giảm|hạ)\s+(?:xuống\s+|còn\s+)?)?(?:từ\s+)?)$", re.I)
# The base words either form of VERDICT_RE needs: a window without one is not tried at each
# of its characters.
VERDICT_BASE_RE = re.compile(r"mục tiêu|chỉ tiêu|kế hoạch|dự toán", re.I)


def prose_verdicts(out: list[Resolved], text: str, figs, catalog) -> list[Resolved]:
    """For each result followed by `<word> mục tiêu/chỉ tiêu/kế hoạch (<target>)` in its
    clause (a bracketed breakdown of the result may stand between): a label record of the
    word, of the result's indicator, province and period; the target takes the result's
    indicator (its bracket states the result's target)."""
    labels = catalog.cue("labels")
    found = []
    for n, (j, b) in enumerate(figs[1:], 1):  # (the first figure has no result before it)
        target = out[j]
        window = max(0, b.start - 80), b.start
        m = VERDICT_RE.search(text, *window) if target.role == "target" and VERDICT_BASE_RE.search(text, *window) \
            else None
        if m is None:
            trailing = _trailing_verdict(out, text, figs, n, labels)
            if trailing is None:
                trailing = _dash_verdict(out, text, figs, n, labels)
            if trailing is not None:
                found.append(trailing)
            continue
        i, a = _result_before(text, figs[:n], m.start())
        if i is not None and _rate(a.unit) != _rate(b.unit) and b.unit is not None:
            # `274/380 xã …, chiếm 72,1%, vượt kế hoạch (270 xã)`: a target in a count judges
            # the count the share restates, not the share; with no such count, nothing.
            i, a = _level_under_share(text, figs[:n], i, b.unit)
        result = out[i] if i is not None else None
        if result is None or result.indicator is None or result.role != "actual":
            continue
        word = m.group(1) or m.group(2)
        said = [w for w in labels.find(word) if w.end - w.start == len(word)]
        if not said:
            continue
        if target.indicator != result.indicator:
            target.settle("indicator", Resolution(result.indicator, Evidence.RELATION,
                                                  f"the target `{word}` judges `{a.text}` against"))
            target.unit = result.unit
        start = m.start(1) if m.group(1) else m.start(2)
        found.append(_label_record(word, start, said[0].keys[0], result,
                                   Resolution(result.indicator, Evidence.CLAUSE, f"the result `{a.text}` it judges"),
                                   f"`{m.group(0).strip()}` after `{a.text}`"))
    return found


RATE_UNITS = ("percent", "percentage_point")
# Between a level (and its noun's words) and the share stated of it: `, chiếm `, `, bằng `, ` (`.
SHARE_GAP_RE = re.compile(r"[^;:.()\d]{0,80}?(?:,\s*(?:chiếm|bằng)(?:\s+tỷ lệ)?|\(\s*(?:(?:chiếm|bằng)(?:\s+tỷ lệ)?)?)\s*",
                          re.I)


def _rate(unit: str | None) -> bool:
    return unit in RATE_UNITS


def _level_under_share(text: str, figs, i: int, unit: str):
    """The figure in `unit` right before the share `figs[…i]` stated of it, if any."""
    at = next(n for n, (j, _) in enumerate(figs) if j == i)
    if at == 0:
        return None, None
    j, f = figs[at - 1]
    share = figs[at][1]
    if f.unit != unit or not SHARE_GAP_RE.fullmatch(text, f.end, share.start):
        return None, None
    return j, f


# After a share of plan, its base words then an evaluation word alone in a bracket:
# `đạt 89,2% dự toán (Vượt)`, `bằng 97,1% kế hoạch năm (Không đạt)`.
BRACKETED_WORD_RE = re.compile(r"\s*(?:so với\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch|dự toán)[^()\d;.,]{0,30}?"
                               r"\(\s*(?P<word>[^\W\d][^()\d;:,.]{1,30}?)\s*\)", re.I)


def plan_share_verdicts(out: list[Resolved], text: str, figs, catalog) -> list[Resolved]:
    """`thu tiền sử dụng đất đạt 89,2% dự toán (Vượt)`: an evaluation word alone in a bracket
    after a result stated as a share of its plan judges that share against 100%: a label
    record of the word, of the share's indicator, province, period and sentence."""
    labels = catalog.cue("labels")
    found = []
    for j, f in figs:
        share = out[j]
        if share.measure != "plan_share" or share.unit != "percent" or share.role != "actual" \
                or f.kind != "statistic" or f.qualifier not in (None, "", "eq", "estimate"):
            continue
        m = BRACKETED_WORD_RE.match(text, f.end)
        if m is None:
            continue
        word = m.group("word")
        said = [w for w in labels.find(word) if w.start == 0 and w.end == len(word)]
        if not said:
            continue
        start = m.start("word")
        found.append(_label_record(word, start, said[0].keys[0], share, share.fields["indicator"],
                                   f"`({word})` after the share of plan `{f.text}`"))
    return found


def _result_before(text: str, figs, end: int):
    """The figure an evaluation word right after it judges: the last one before `end`,
    passing over one bracket of its own (`1,94% (A 2,21%; B 1,58%), đạt …`)."""
    for i, f in reversed(figs):
        between = text[f.end:end]
        if between.count("(") == between.count(")") and CLOSED_BRACKET_RE.sub("", between).strip(" ,") == "":
            return i, f
        if ")" not in between:
            break
    return None, None


# `Kim ngạch xuất khẩu ước 4.350 triệu USD (kế hoạch 4.500 triệu USD): Vượt.`: a list item of
# results set against their plans, each judged by a word after a colon at its end.
TRAILING_VERDICT_RE = re.compile(r"\s*\)\s*:\s*((?:không|chưa)\s+(?:đạt|hoàn thành)|vượt|đạt|hoàn thành)"
                                 r"(?:\s+(?:mục tiêu|chỉ tiêu|kế hoạch))?\s*(?:[.;]\s*)?$", re.I)
# What a target's bracket may say before it: the base's name, nothing else.
TARGET_BRACKET_RE = re.compile(r"\(\s*(?:(?:mục tiêu|chỉ tiêu|kế hoạch|dự toán)(?:\s+(?:năm\s+\d{4}|đề ra|giao))?\s*:?\s*)?$",
                               re.I)


def _trailing_verdict(out: list[Resolved], text: str, figs, n: int, labels) -> Resolved | None:
    """`ước 4.350 triệu USD, bằng 96,7% kế hoạch (4.500 triệu USD): Vượt.`: a target alone in
    the bracket that closes its clause, then a colon and an evaluation word that ends it,
    judges the last result before the bracket in the target's unit and indicator (a share of
    plan between them is passed over).  The record sits on the word, after its target."""
    j, b = figs[n]
    target = out[j]
    m = TRAILING_VERDICT_RE.match(text, b.end)
    if target.role != "target" or m is None or n + 1 < len(figs) and figs[n + 1][1].start < m.end():
        return None
    opening = text.rfind("(", 0, b.start)
    if opening < 0 or not TARGET_BRACKET_RE.search(text, opening, b.start):
        return None
    result = None
    for i, a in reversed(figs[:n]):
        if ";" in text[a.end:opening] or "(" in text[a.end:opening]:
            break
        if out[i].role == "actual" and out[i].unit == target.unit and out[i].unit is not None:
            result = i
            break
    if result is None or out[result].indicator is None or target.indicator not in (None, out[result].indicator):
        return None
    word = m.group(1)
    label = _whole_label(labels, word)
    if label is None:
        return None
    r_ = out[result]
    _judged_against(target, r_, word)
    start = m.start(1)
    return _label_record(word, start, label, r_,
                         Resolution(r_.indicator, Evidence.CLAUSE, f"the result `{r_.figure.text}` it judges"),
                         f"`{word}` after the target `{b.text}`")


# `chỉ tiêu 80%, thực hiện 78,5% - Đạt;`: a dash, then an evaluation word that ends the clause.
DASH_VERDICT_RE = re.compile(r"[ \t]*[-–—][ \t]*((?:không|chưa)\s+(?:đạt|hoàn thành)|vượt|đạt|hoàn thành)"
                             r"(?:\s+(?:mục tiêu|chỉ tiêu|kế hoạch|kịch bản))?[ \t]*(?=[.;]|\n|$)", re.I)
# Between the target and the result of such an item: a comma and the result's words, no figure.
DASH_GAP_RE = re.compile(r"\s*,\s*(?:ước\s+)?(?:thực hiện|kết quả|đạt)\s*:?\s*", re.I)


def _dash_verdict(out: list[Resolved], text: str, figs, n: int, labels) -> Resolved | None:
    """`chỉ tiêu 80%, thực hiện 78,5% - Đạt;`: a list item that states its target, then its
    result in the same unit, then a dash and an evaluation word that ends the clause; the
    word judges that pair.  The record sits on the word, of the result's indicator."""
    j, b = figs[n]
    result, target = out[j], out[figs[n - 1][0]]
    m = DASH_VERDICT_RE.match(text, b.end)
    if m is None or result.role != "actual" or target.role != "target" or result.indicator is None \
            or target.unit != result.unit or result.unit is None \
            or target.indicator not in (None, result.indicator) \
            or not DASH_GAP_RE.fullmatch(text, figs[n - 1][1].end, b.start):
        return None
    word = m.group(1)
    label = _whole_label(labels, word)
    if label is None:
        return None
    _judged_against(target, result, word)
    return _label_record(word, m.start(1), label, result,
                         Resolution(result.indicator, Evidence.CLAUSE, f"the result `{b.text}` it judges"),
                         f"`- {word}` after the target and result `{figs[n - 1][1].text}`, `{b.text}`")


def _whole_label(labels, word: str) -> str | None:
    """The evaluation label `word` says, all of it one label's words (`Vượt`, `Không đạt`)."""
    said = [w for w in labels.find(word) if w.end - w.start == len(word)]
    return said[0].keys[0] if said else None


def _judged_against(target: Resolved, result: Resolved, word: str) -> None:
    """A target with no indicator of its own takes that of the result `word` judges against it."""
    if target.indicator is None:
        target.settle("indicator", Resolution(result.indicator, Evidence.RELATION,
                                              f"the target `{word}` judges `{result.figure.text}` against"))


def _label_record(word: str, start: int, label: str, of: Resolved, indicator: Resolution, why: str) -> Resolved:
    """The record of an evaluation word read in prose: of `of`'s province, period and sentence,
    with the indicator it judges and why it is an evaluation."""
    fig = Figure(word, start, start + len(word), None, None, kind="label", label=label)
    r = Resolved(fig, of.block, of.doc, sentence=of.sentence, column_role="evaluation")
    r.settle("indicator", indicator)
    r.settle("entity", of.fields["entity"])
    r.settle("period", of.fields["period"])
    r.settle("role", Resolution("evaluation", Evidence.CLAUSE, why))
    return r
