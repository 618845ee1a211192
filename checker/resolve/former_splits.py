"""Lists that split a total by every former province of its merged province, read from the
sentence itself rather than the catalog: whether each part restates the total's unit and is
labelled by its province alone, whether whose list it is (and all of it) is plain, a bare
total counting the noun named before it, and which levels their parts average."""

from __future__ import annotations

import re

from checker.resolve.brackets import CLOSED_BRACKET_RE
from checker.resolve import lists  # (the list grammar's helpers; lists imports this module)


def averages(r) -> bool:
    """A level that its parts average: a percentage or a value per something (`m²/người`,
    `ngày/lượt`), not a change, a multiple or a margin in points."""
    return not r.measure and r.unit is not None and (r.unit == "percent" or "/" in r.unit) \
        and not r.figure.qualifier


# Words that only frame a province's name as a place (`địa bàn A (cũ)`, `tại B cũ`): no kind.
PLACE_FRAME_RE = re.compile(r"(?<![\w])(?:địa bàn|khu vực|vùng|tại|ở|thuộc)(?![\w])", re.I)


def restated_noun(out, whole_i: int, items, text: str, cue_end: int, ctx) -> bool:
    """`tiếp nhận 910.380 hồ sơ, trong đó A (cũ) 612.480 hồ sơ, B (cũ) 298.350 hồ sơ`: a
    `trong đó`/`gồm` list of every former province, each part writing the total's own unit
    again and labelled by nothing but its province, splits the whole total (a list that
    names a kind, `trong đó hồ sơ trực tuyến A (cũ) …`, or `kể cả` some, does not)."""
    cue = text[:cue_end].rstrip()
    if ctx.cues.parts_inclusive.search(cue[-16:]) or ctx.cues.parts_one.search(cue[-8:]):
        return False
    whole = out[whole_i]
    for j, label_start in items:
        part = out[j]
        if part.figure.unit != (whole.figure.unit or whole.unit) or part.unit != whole.unit:
            return False
        words = text[max(label_start, cue_end):part.figure.start]
        words = PLACE_FRAME_RE.sub(lambda m: " " * len(m.group(0)), words[words.rfind(";") + 1:])
        if lists._label_scope(words, ctx.catalog.entity_matcher.find(words), ctx):
            return False  # (the part is a kind of the total's thing, not all of a province's)
    return True


def count_named_before(out, near, text: str, cue_start: int, counts) -> int | None:
    """`Tổng số nhóm, lớp là 21.545, gồm A (cũ) 6.546 lớp, …`: a bare number right before the
    cue, whose clause names the count noun the first part is written in (`lớp`), counts that
    noun: its unit is lent to it (and taken back unless the list splits it by former province).
    Never a rate's or a mean's clause (`tỷ lệ`, `bình quân`)."""
    s_start, s_end = lists.sentence_bounds(text, cue_start)
    before = [(i, f) for i, f in near.between(s_start, cue_start) if f.end <= cue_start]
    after = near.between(cue_start, s_end)
    if not before or not after or text[before[-1][1].end:cue_start].strip(" ,;"):
        return None
    i, f = before[-1]
    first = out[after[0][0]]
    if f.kind != "statistic" or f.unit is not None or out[i].unit is not None or first.figure.unit not in counts:
        return None
    clause_start = max(s_start, text.rfind(";", s_start, f.start) + 1, before[-2][1].end if len(before) > 1 else 0)
    clause = text[clause_start:f.start]
    noun = first.figure.unit_text.strip().lower()
    if not noun or lists.MEAN_WORDS_RE.search(clause) \
            or not re.search(rf"(?<!\w){re.escape(noun)}(?!\w)", clause.lower()):
        return None
    out[i].unit = first.unit
    return i


def sole_split(out, near, whole_i: int, items, text: str, cue_start: int) -> bool:
    """Whose list it is, and all of it, is plain: no other figure of the total's unit stands
    before the cue in its sentence (`9.870 hộ nghèo và 7.200 hộ cận nghèo, trong đó A (cũ)
    …`: either may be split), and nothing narrows the parts after the last one (`…, B (cũ)
    900 hộ là hộ đồng bào dân tộc thiểu số`)."""
    s_start, s_end = lists.sentence_bounds(text, cue_start)
    unit = out[whole_i].unit
    if any(i != whole_i and out[i].unit == unit for i, f in near.between(s_start, cue_start)):
        return False
    last = out[items[-1][0]].figure.end
    stop = text.find(";", last, s_end)
    # (the last part's own bracket, `61,8% (412,6 ha)`, narrows nothing)
    return not re.sub(r"[\s).,;:]", "", CLOSED_BRACKET_RE.sub("", text[last:s_end if stop < 0 else stop]))


# After the last part: a copula and the kind every part is, to the end of the clause.
NARROWING_TAIL_RE = re.compile(r"\s+(?:đều\s+)?(?:là|thuộc)\s+([^,;.:()\d]+)(?=$|[,;.:)])", re.I)


def narrow_by_tail(out, items, text: str, cue_start: int, ctx) -> None:
    """`trong đó A (cũ) 1.100 hộ, B (cũ) 900 hộ là hộ đồng bào dân tộc thiểu số`: words after
    the last part name the kind every part is, so the parts are no former province's whole
    fact: each takes that kind as its scope (PW01 and the bounds then leave them apart)."""
    _, s_end = lists.sentence_bounds(text, cue_start)
    last = out[items[-1][0]].figure.end
    # (only words joined to the last part by a copula, up to the clause's end: `…, đạt 106,5%
    # chỉ tiêu` after a comma is that part's own comparison, `với năng suất 61,0 tạ/ha` leads
    # to a figure of its own, and a noun right after a bare number is its unit)
    joined = NARROWING_TAIL_RE.match(text, last, s_end)
    tail = joined.group(1) if joined else ""
    kind = lists._label_scope(tail, ctx.catalog.entity_matcher.find(tail), ctx) if tail.strip() else ""
    if kind:
        for j, _ in items:
            out[j].scope = f"{out[j].scope}_{kind}" if out[j].scope else kind
