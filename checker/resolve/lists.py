"""Clause-level lists of one sentence: a total and the parts a clause lists under it
(`gồm`, `trong đó`, `với … và …`, a `:`-list, a trailing `tổng cộng N`), what each part
inherits from its total, and values given `tương ứng` (respectively) to a list of names."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from checker.records import Evidence, RelationKind, Resolution
from checker.resolve.brackets import blank_brackets
from checker.resolve.clauses import SENTENCE_END_RE
from checker.resolve import former_splits
from checker.resolve.entities import SITE_NOTE, closed_brackets
from checker.resolve.local_wholes import EXCLUDES_RE
from checker.resolve.periods import find_periods
from checker.resolve.scans import ByStart, cached_property
from checker.units import NOUN_PREFIX
from checker.resolve.whole_words import cue_matches, lowered
from checker.text import slug

COLON_RE = re.compile(r":(?!\d)")
TO_WHOLE_RE = re.compile(r"^[^\d;()]{0,30}$")
RATE_UNITS = ("percent", "percentage_point")
# `6 đơn vị hành chính, với tổng dân số gần 18 triệu người`: a figure its words call a total
# is no one's part.
TOTAL_WORD_RE = re.compile(r"(?<!\w)tổng(?!\w)", re.I)
OPEN_LIST_RE = re.compile(r"^[^;.…]{0,30}?(?:\.\.\.|…|v\.v)")
# `103 xã, 20 phường và đặc khu Phú Quý`: a last member named with no number of its own;
# the numbers listed are some of the total, not all of it.
UNCOUNTED_LAST_RE = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|\s(?:và|hoặc)\s+)[^\W\d_][^\d;.()]*", re.I)
CLAUSE_STOP_RE = re.compile(r"[;.()]|$")
YEARLY_FIGURE_RE = re.compile(r"/\s*năm\s*$", re.I)
MEAN_BEFORE_RE = re.compile(r"(?<![\w])bình quân(?:\s+(?:mỗi|hằng|hàng|một)\s+năm)?\s+(?:khoảng\s+|gần\s+)?$", re.I)
SHARE_LEAD_RE = re.compile(r"(?<![\w])(?:bằng|chiếm)\s+(?:khoảng\s+|gần\s+)?$", re.I)


def uncounted_last(text: str, end: int, stop: int | None = None) -> bool:
    """Whether a member with no number follows a list's last figure (ending at `end`),
    before `stop` (a bracket's close), else before its clause ends; in a clause only a
    `và` member counts (`, đạt chuẩn` goes on about the list, it names no member)."""
    if stop is None:
        stop = CLAUSE_STOP_RE.search(text, end).start()
        return bool(re.fullmatch(r"\s+(?:và|hoặc)\s+[^\W\d_][^\d]*", text[end:stop], re.I))
    return bool(UNCOUNTED_LAST_RE.fullmatch(text, end, stop))


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The start and end of the sentence holding `pos`."""
    # (the whole text is searched, once: a sentence end's look-ahead reads past `pos`)
    ends = _sentence_ends(text)
    start = max(0, ends[bisect_right(ends, pos) - 1]) if ends and ends[0] <= pos else 0
    following = SENTENCE_END_RE.search(text, pos)
    return start, following.start() if following else len(text)


@lru_cache(maxsize=64)
def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` after the first starts, in order."""
    return [m.end() for m in SENTENCE_END_RE.finditer(text)]


def is_part(r) -> bool:
    return any(rel.kind is RelationKind.PART_OF for rel in r.relations)


def compatible(whole, part, counts) -> bool:
    """A part is counted in its total's unit, or both are counts of kinds of one thing."""
    if whole.unit is None:
        return False
    if part.unit in (None, whole.unit):
        return True
    if whole.unit not in counts:  # (a count of a noun the catalog does not know stands where a bare number
        return part.unit.startswith(NOUN_PREFIX)  # would: `counted_apart` tells it from a part)
    return part.unit in counts


# Words a bare number may be followed by in a list and still be written in its total's unit
# (`thu nội địa 1.200 và thu xuất nhập khẩu 300`, `A 27.400, tăng 2%`): conjunctions, verbs
# and prepositions.  Any other word after it is the noun it counts (`27 ấp`, `12 gia đình`).
_NOT_A_NOUN = frozenset("""và với so tăng giảm đạt chiếm bằng trong của là gồm cho tại ở thuộc từ đến
    trên dưới khoảng hơn theo còn được đã sẽ có nay lên xuống vào qua sau trước riêng hoặc nhưng
    cùng vượt ước dự kiến""".split())
_NEXT_WORD_RE = re.compile(r"[ \t]+([^\W\d_]+)")


def counted_apart(text: str, figure, whole_unit: str | None, counts) -> bool:
    """A bare number followed by a noun of its own (`diện tích 118,64 km², gồm 27 ấp …`,
    `20 triệu đồng/người cho 12 gia đình`) counts that noun: it lends no measure's unit
    (an area, an amount, a tonnage) and is no part of a total in one.  Counts of kinds of
    one thing (`102 đơn vị, gồm 85 xã …`) are left to `compatible`."""
    if whole_unit is None or whole_unit in counts:
        return False
    if figure.unit is not None:  # (a noun the unit catalog does not know, read as its unit: `1.215 lồng bè`)
        return figure.unit.startswith(NOUN_PREFIX)
    m = _NEXT_WORD_RE.match(text, figure.end)
    return bool(m) and m.group(1).islower() and m.group(1) not in _NOT_A_NOUN


def additive(r, catalog) -> bool:
    """Do parts of this figure add up to it?  Not rates, shares, multiples or figures per
    head (`8,6%/năm`, `128,7 triệu đồng/người`): their list only names each part's value."""
    if r.unit in (None, "percent", "percentage_point", "times") or "/" in r.unit:
        return False
    ind = catalog.indicators.get(r.indicator or "")
    return ind is None or ind.aggregation != "weighted_mean"


def _pair_kind(r) -> str:
    """`24.650/21.900 tỷ đồng` is a result and a target: a part pairs with its own kind."""
    return r.figure.qualifier if r.figure.qualifier in ("result_of_pair", "target_of_pair") else ""


# (words after which `riêng` still opens a part: `trong đó riêng`, `và riêng`)
RIENG_AFTER_RE = re.compile(r"(?<![\w])(?:đó|và|nhưng|trong)\s+$", re.I)


# `…xuống 25.810 hộ; riêng năm 2024 còn 27.350 hộ`: `riêng` before a period sets apart a
# time, another fact of the same thing, not a part of the figure before.
RIENG_PERIOD_RE = re.compile(r"\s+(?:trong\s+)?(?:năm\s+\d{4}|quý\s+(?:[IV]{1,3}|\d)\b|(?:\d{1,2}\s+)?tháng\s+(?:\d|đầu|cuối))",
                             re.I)


def _mark_before(text: str, pos: int) -> str:
    """The last character before `pos` that is no white space ("" if none), without copying
    the text before it."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1:pos]


def list_cues(text: str, cues) -> list[tuple[int, int, bool]]:
    """Each list opening after a figure: (start, end, exhaustive)."""
    found = cues.lists.get(text)
    return list(found) if found is not None else list(cues.lists.put(text, _list_cues(text, cues)))


def _list_cues(text: str, cues) -> list[tuple[int, int, bool]]:
    found = []
    low = lowered(text)
    # `đã bao gồm` names some parts; `không bao gồm` names what is left out, no part at all.
    inclusive = [(m.start(), m.end()) for m in cue_matches(cues.parts_inclusive, text, low)]
    excluded = [(m.start(), m.end()) for m in cue_matches(cues.parts_excluded, text, low)]
    either = inclusive + excluded
    for m in cue_matches(cues.parts_exhaustive, text, low):
        if not any(a <= m.start() < b for a, b in either):
            found.append((m.start(), m.end(), True))
    for m in cue_matches(cues.parts_bounded, text, low):
        # `với` opens a list only after a comma (`so với`, `cùng với` compare or join).
        if m.group(0).lower() == "với" and _mark_before(text, m.start()) != ",":
            continue
        # `riêng` sets a part apart where it opens a clause (`, riêng khu vực A …`); inside a
        # noun phrase it is a word of its own (`nhà ở riêng lẻ`, `vốn riêng`).
        if m.group(0).lower() == "riêng" and (_mark_before(text, m.start()) not in ("", ",", ";", ":", "(", ".", "-")
                                              and not RIENG_AFTER_RE.search(text, max(0, m.start() - 12), m.start())
                                              or RIENG_PERIOD_RE.match(text, m.end())):
            continue
        found.append((m.start(), m.end(), False))
    found += [(a, b, False) for a, b in inclusive]
    for m in COLON_RE.finditer(text):
        if not any(a <= m.start() <= b + 2 for a, b in excluded):
            found.append((m.start(), m.end(), True))
    return sorted(found)


def whole_before(out, figs, text, cue_start: int, exhaustive: bool, counts, near: ByStart | None = None):
    """The total a list opened at `cue_start` breaks down: the figure right before the cue
    (a `gồm` or `:` list), or the nearest one before it in its sentence, in a unit its
    first part fits, outside any bracket (`trong đó`, which may follow a `;`)."""
    s_start, s_end = sentence_bounds(text, cue_start)
    near = near or ByStart(figs, start=lambda item: item[1].start)  # (the block's figures by start)
    before = [(i, f) for i, f in near.between(s_start, cue_start + 1) if f.end <= cue_start]
    after = near.between(cue_start, s_end)
    if not after:
        return None
    first = out[after[0][0]]
    # (`… đạt 58.486 tỷ đồng, đạt 83% dự toán. Bao gồm thu nội địa 42.805 tỷ đồng và …`: a
    # `gồm` list may open the next sentence too)
    if not before and s_start > 0 and not text[s_start:cue_start].strip():
        return _whole_of_sentence_before(out, near, text, s_start, first, counts)
    if not before:
        return None
    stated_of = 0  # `X tỷ đồng, bằng 28,4% dự toán, tăng 75,6% so với cùng kỳ, gồm: …`
    for i, f in reversed(before):
        r = out[i]
        gap = text[f.end:cue_start]
        # (`8.865 tỷ đồng, chiếm 56,2% tổng vốn; gồm …`: a `;` that closes the total's own
        # stated share, right before the cue, keeps the total)
        closes_share = gap.count(";") == 1 and not text[gap.index(";") + f.end + 1:cue_start].strip() \
            and (_share_led(text, out[before[-1][0]], first) or _growth_led(text, out[before[-1][0]], first)
                 and GOM_GOES_ON_RE.match(text, cue_start) is not None)
        if exhaustive and (len(gap) > 80 + 60 * stated_of or (";" in gap and not closes_share)):
            return None
        # (`71.640 tỷ đồng, bằng 108,3% dự toán (66.150 tỷ đồng), gồm: …`: the total's own
        # comparison, a percentage and its bracketed base, stands between it and its list)
        own_comparison = closed_brackets(text, f.end, cue_start) or r.figure.unit == "percent"
        if closed_brackets(text, f.end, cue_start) or is_part(r) or f.kind not in ("statistic", "fraction"):
            if exhaustive and not own_comparison:
                return None
            continue
        if _share_of_level_before(out, before, i, text, first) or _yearly_mean_after_total(out, before, i, text):
            stated_of += 1
            continue
        if compatible(r, first, counts) and (r.figure.unit or r.unit):
            listed = {out[j].figure.unit for j, _ in after if out[j].figure.unit}
            return i if exhaustive or not _one_of_many(out, before, i, text, cue_start, counts, listed) else None
        if exhaustive:
            # A percentage stated of the total (its share of a plan, its growth), or the total's
            # own bracketed comparison, stands between a total and its `gồm` list; anything else
            # before the cue is no total.
            if own_comparison or (r.unit in RATE_UNITS and first.unit not in RATE_UNITS):
                stated_of += 1
                continue
            return None
    return None


# A `gồm` that goes on with the total's parts (`; gồm khai thác …`), not one that opens a
# sentence of its own (`; Bao gồm, 650 ha rừng sản xuất, …`).
GOM_GOES_ON_RE = re.compile(r"(?:bao\s+)?gồm(?:\s*:)?\s+[^\W\d]")
# After a total's growth, up to the `;` that closes it: its base in words only.
GROWTH_TAIL_RE = re.compile(r"\s*(?:so với\s+)?(?:cùng kỳ|năm trước|cùng kỳ năm trước|năm \d{4})?\s*;", re.I)


def _growth_led(text: str, r, first) -> bool:
    """`…ước 203.850 tấn, tăng 3,9% so với cùng kỳ; gồm khai thác …`: the figure right before
    a list's cue is the growth its total is stated with (`tăng`, `giảm`, then its base in
    words), in another unit than the list."""
    f = r.figure
    return r.unit == "percent" and first.unit not in RATE_UNITS and is_change(text, f.start) \
        and GROWTH_TAIL_RE.match(text, f.end) is not None


def _share_led(text: str, r, first) -> bool:
    """`…, chiếm 56,2% tổng vốn của tỉnh; gồm …`: the figure right before a list's cue is
    the share its total is stated to take (`chiếm`, `bằng`), in another unit than the list."""
    f = r.figure
    return r.unit == "percent" and first.unit not in RATE_UNITS \
        and bool(SHARE_LEAD_RE.search(text[max(0, f.start - 16):f.start] + re.match(r"\D*", f.text).group(0)))


def _share_of_level_before(out, before, i: int, text: str, first) -> bool:
    """`kỷ luật 1.386 đảng viên, bằng 0,7% tổng số đảng viên; trong đó khiển trách 824, …`:
    a percentage stated of the count right before it is no whole of the bare numbers listed
    after it; the count is."""
    r = out[i]
    if r.unit not in RATE_UNITS or first.figure.unit is not None or not SHARE_LEAD_RE.search(
            text[max(0, r.figure.start - 16):r.figure.start] + re.match(r"\D*", r.figure.text).group(0)):
        return False
    at = [n for n, (j, _) in enumerate(before) if j == i]
    if not at or at[0] == 0:
        return False
    j, g = before[at[0] - 1]
    level = out[j]
    return level.unit is not None and level.unit not in RATE_UNITS and g.kind == "statistic" \
        and not re.search(r"[;()]", text[g.end:r.figure.start])


def _yearly_mean_after_total(out, before, i: int, text: str) -> bool:
    """`kết nạp 32.915 đảng viên, bình quân 6.583 đảng viên/năm; trong đó A 9.860, …`: the
    term's mean a year, right after the term's total in its own unit, is no whole of the
    list; the total is."""
    r = out[i]
    f = r.figure
    if r.unit is None or r.unit in RATE_UNITS or not (
            YEARLY_FIGURE_RE.search(f.text) or MEAN_BEFORE_RE.search(text[max(0, f.start - 24):f.start])):
        return False
    at = [n for n, (j, _) in enumerate(before) if j == i]
    if not at or at[0] == 0:
        return False
    j, g = before[at[0] - 1]
    return out[j].unit == r.unit and g.kind == "statistic" and not re.search(r"[;()]", text[g.end:f.start])


# Right before a figure: it states a change (`giảm 15,6 nghìn ha`), not a level; `vốn điều
# chỉnh tăng 2.380 triệu USD` names a kind of capital (the adjustments upward), a level.
CHANGE_BEFORE_RE = re.compile(r"(?<![\w])(?<!điều chỉnh )(?:tăng|giảm)(?:\s+(?:thêm|khoảng|gần|hơn|trên))?\s*$", re.I)


def is_change(text: str, start: int) -> bool:
    return bool(CHANGE_BEFORE_RE.search(text, max(0, start - 20), start))


def _whole_of_sentence_before(out, near, text: str, s_start: int, first, counts):
    """`… đạt 101.799 triệu đồng, bằng 76,5% KH. Trong đó công nghiệp khai thác 4.519 triệu
    đồng, …`: a sentence opening with a bounded cue breaks down the one figure of its first
    part's unit the sentence before states (none when it states several)."""
    p_start, _ = sentence_bounds(text, s_start - 1)
    kin = [i for i, f in near.between(p_start, s_start + 1) if f.end <= s_start and out[i].unit is not None
           and f.kind in ("statistic", "fraction") and compatible(out[i], first, counts)
           and (out[i].figure.unit or out[i].unit)]
    # (`10.760 căn nhà cho 3 chương trình. Trong đó xây mới 7.475 căn`: the figure counted in
    # the part's own noun, when only one is)
    same = [i for i in kin if out[i].figure.unit == first.figure.unit]
    kin = same if len(same) == 1 else kin
    if len(kin) != 1 or is_part(out[kin[0]]) or closed_brackets(text, out[kin[0]].figure.end, s_start):
        return None
    return kin[0]


def _one_of_many(out, before, i: int, text: str, cue_start: int, counts, listed=frozenset()) -> bool:
    """`đạt 08 giải nhất, 65 giải nhì ..., trong đó A có 07 giải nhất ...`: the clause before
    the list states several figures of one kind, so no one of them is the list's total.
    (`kỷ luật 58 tổ chức đảng và 1.164 đảng viên, trong đó khiển trách 720, …, khai trừ 103
    đảng viên`: a count of another kind than any the list names is no rival total.)"""
    f = out[i].figure
    clause_start = max(text.rfind(";", 0, f.start), text.rfind(".", 0, f.start)) + 1
    # (a figure with no unit, `14/16 khoản` read bare, is of no kind)
    kin = [j for j, g in before if clause_start <= g.start and j != i and out[j].unit is not None
           and compatible(out[i], out[j], counts)
           and not closed_brackets(text, g.end, cue_start) and not is_part(out[j])
           and not _yearly_mean_after_total(out, before, j, text)
           and not (out[i].unit in listed and out[j].unit != out[i].unit and out[j].unit not in listed)]
    return bool(kin)


def _opens_item(text: str, start: int, entity_starts: list[int], parallel_part) -> bool:
    """Does the clause after a `;` go on with the list (`; Ninh Thuận (cũ) 4.790 tỷ đồng`)?"""
    head = text[start:].lstrip()
    lead = start + len(text[start:]) - len(head)
    return any(0 <= s - lead <= 12 for s in entity_starts) or bool(parallel_part.match(head))


def items_after(out, figs, text, whole_i: int, cue_end: int, ctx, by_dimension: bool = False):
    """The parts listed after a cue: unit-matched figures to the sentence end, leaving out
    figures in a bracket of their own (a base, a sub-breakdown), shares, targets, and
    stopping at a clause that goes on about something else or a new list."""
    whole = out[whole_i]
    _, s_end = sentence_bounds(text, cue_end)
    items, prev_end = [], cue_end
    # `gồm: Thu thuế … đạt 1.292 tỷ đồng, bằng …; thu tiền sử dụng đất đạt 1.141 tỷ đồng`: in a
    # colon list, a `;` clause opening with the word the first item's label opens with goes on.
    colon, lead, lead2 = text[cue_end - 1:cue_end + 2].strip().startswith(":"), None, None
    last_end = cue_end  # (the end of the last figure passed, an item's stated share included)
    for j, f in figs:
        if f.start < cue_end or j == whole_i or out[j].figure.start == whole.figure.start:
            continue
        seen_end, last_end = last_end, max(last_end, f.end)
        if f.start >= s_end:
            break
        if text.count("(", prev_end, f.start) > text.count(")", prev_end, f.start):
            continue  # in a bracket of its own (a base, a sub-breakdown)
        # (a bracket after an item is its own: `A 20% (riêng B 21%), C 9%` goes on with C)
        gap = blank_brackets(text[prev_end:f.start])
        if ctx.cues.respectively.search(gap) or (items and _new_list(gap, ctx.cues)):
            break
        semi = gap.rfind(";")
        # (`; 359 đại biểu bầu`: a clause that opens with its figure goes on with the list)
        # (`trong đó sản lượng khai thác …; sản lượng nuôi trồng …`: a `;` clause whose label
        # opens with the first item's two words is the next item, in any list)
        if semi >= 0 and text[prev_end + semi + 1:f.start].strip() \
                and not _opens_item(text, prev_end + semi + 1, ctx.entity_starts, ctx.cues.parallel_part) \
                and not ((colon or _rest_led(text, cue_end, s_end, lead, ctx)) and lead
                         and _lead_word(text[prev_end + semi + 1:f.start], ctx) == lead) \
                and not (lead2 and _lead_words(text[prev_end + semi + 1:f.start], ctx) == lead2) \
                and not (by_dimension and DIMENSION_ITEM_RE.fullmatch(text, prev_end + semi + 1, f.start)):
            break
        r = out[j]
        # (its scope read from the catalog's `excluding` words: `ngoài` alone names a sector,
        # `vốn khu vực ngoài Nhà nước`, and leaves nothing out)
        if items and (r.scope or "").startswith("excluding_") and _variant_of_item(text, prev_end, f.start, items, out):
            continue
        if semi >= 0 and _new_subject(whole, r, text, text[whole.figure.end:cue_end], ctx):
            break
        # (`thu nội địa 42.805 tỷ đồng, đạt 88% dự toán và thu từ xuất khẩu 15.681 tỷ đồng`: the
        # plan word of the item before's share is no target cue of the next item)
        # (a figure inside the one before, `giải ngân 21.450/35.870 tỷ đồng`, has no words between)
        since = prev_end if seen_end <= prev_end else f.start if seen_end >= f.start \
            else OWN_WORDS_RE.match(text, seen_end, f.start).end()
        segment = _segment(text, since, f.start)
        if not compatible(whole, r, ctx.counts) or _pair_kind(r) != _pair_kind(whole) \
                or r.measure or is_part(r) or ctx.targets(segment) or TOTAL_WORD_RE.search(segment) \
                or _other_count(whole, r, [out[k] for k, _ in items], text[whole.figure.end:cue_end], ctx.counts):
            continue
        if not items:
            lead = _lead_word(text[cue_end:f.start], ctx)
            lead2 = _lead_words(text[cue_end:f.start], ctx)
        items.append((j, prev_end))
        prev_end = _segment_end(text, f.end)
    return items


def _rest_led(text: str, cue_end: int, s_end: int, lead: str | None, ctx) -> bool:
    """`trong đó chi đầu tư 25.740 tỷ đồng, chiếm 43,7%; chi thường xuyên 31.680 tỷ đồng; các
    khoản chi khác 1.320 tỷ đồng`: a list whose sentence ends on a `;` clause naming the rest
    of the first item's head (`các khoản chi khác`, `thu còn lại`) runs through every `;`
    clause led by that head: the rest clause says the list goes on to cover all of it."""
    if lead is None:
        return False
    semi = text.rfind(";", cue_end, s_end)
    if semi < 0:
        return False
    label = re.match(r"[^\d]*", text[semi + 1:s_end]).group(0)
    return len(label) < len(text[semi + 1:s_end].rstrip()) and bool(REST_LABEL_RE.search(label)) \
        and _lead_word(label, ctx) == lead


# `Theo cấp học:`, `Chia theo khu vực kinh tế:`, `Phân theo nguồn vốn:`: a sentence that
# opens by naming the dimension its colon list splits a total along.
# Only a dimension's own nouns: `Theo báo cáo của Sở Tài chính:` names a source, no split.
DIMENSION_LEAD_RE = re.compile(r"\s*(?:(?:chia|phân)\s+)?theo\s+(?:cấp học|cấp|khu vực|ngành|lĩnh vực|nguồn vốn|nguồn|"
                               r"loại hình|loại|địa bàn|thành phần kinh tế|nhóm|vùng|giới tính|độ tuổi|hình thức|"
                               r"khối|đối tượng|bậc học)(?![\w])[^\d;:,.()]{0,40}", re.I)
# An item of such a list after a `;`: a short label of its own, no verb of change or share.
DIMENSION_ITEM_RE = re.compile(r"\s*(?!(?:và|còn|đạt|tăng|giảm|chiếm|so|trong|riêng)\b)[^\W\d_][^\d;:.()]{0,50}?\s*",
                               re.I)


def _dimension_lead(out, near, text: str, cue_start: int) -> bool:
    """`…, khu vực B (cũ) 430.110 học sinh. Theo cấp học: mầm non 203.570 trẻ; tiểu học …`:
    the colon closes a lead of its own sentence that names a dimension, no figure before it."""
    s_start, _ = sentence_bounds(text, cue_start)
    return s_start > 0 and bool(DIMENSION_LEAD_RE.fullmatch(text, s_start, cue_start)) \
        and not near.between(s_start, cue_start)


def _whole_of_dimension(out, near, text: str, cue_start: int, counts):
    """The total a dimension's list splits: the one figure of the sentence before, outside any
    bracket and no part of a list, in a unit (a count or an amount) the list's first part fits."""
    s_start, s_end = sentence_bounds(text, cue_start)
    after = near.between(cue_start, s_end)
    if not after:
        return None
    first = out[after[0][0]]
    p_start, _ = sentence_bounds(text, s_start - 1)
    kin = [i for i, f in near.between(p_start, s_start) if f.end <= s_start and f.kind == "statistic"
           and out[i].unit is not None and out[i].unit not in RATE_UNITS and compatible(out[i], first, counts)
           and not is_part(out[i]) and not _listed_under(out[i])
           and text.count("(", p_start, f.start) == text.count(")", p_start, f.start)]
    return kin[0] if len(kin) == 1 else None


def _listed_under(r) -> bool:
    """A figure that took its fields from a total it is listed under (`trong đó khu vực A (cũ)
    496.630 học sinh`: a former province's part, which is not summed): no total of its own."""
    return any(r.fields[k].evidence is Evidence.RELATION for k in ("entity", "period"))


# The words after a figure up to a separator or `và` are its own (`88% dự toán`).
OWN_WORDS_RE = re.compile(r"[^,;:.()]*?(?=\svà\s|[,;:.()]|$)")
QUANTIFIER_RE = re.compile(r"^\W*(?:(?:các|những)\s+)?(?:khoản|loại|mục)\s+", re.I)


def _lead_word(label: str, ctx) -> str | None:
    """The first word of an item's label, when it opens a head (`thu`, not `đạt`); `các
    khoản chi khác` after `chi …; chi …` goes on with `chi`."""
    m = re.search(r"[^\W\d_]+", QUANTIFIER_RE.sub("", label))
    word = m.group(0).lower() if m else None
    return word if word and word not in ctx.cues.not_a_head else None


def _lead_words(label: str, ctx) -> tuple[str, str] | None:
    """The first two words of an item's label when the first opens a head (`sản lượng`)."""
    words = re.findall(r"[^\W\d_]+", QUANTIFIER_RE.sub("", label).lower())
    return (words[0], words[1]) if len(words) >= 3 and words[0] not in ctx.cues.not_a_head else None


def _other_count(whole, part, items, head: str, counts) -> bool:
    """`145 xã, trong đó 59 xã khu vực III, 74 xã khu vực I và 86 thôn`: once parts are counted
    in their total's own noun, a part counted in another noun its total's words do not name
    (`thôn`, where the total names `xã, phường`) counts something else.  (Under a measure, a
    count of a noun the catalog does not know is left to `counted_apart`, as a bare number is.)"""
    unit = whole.figure.unit  # (as written: a part of `120 đơn vị` may have taken its unit)
    if unit not in counts and part.figure.unit and part.figure.unit.startswith(NOUN_PREFIX):
        return False
    return part.figure.unit != unit and any(k.figure.unit == unit for k in items) and not _names_noun(head, part)


def _names_noun(head: str, part) -> bool:
    """Whether a total's words (`head`) name the noun `part` is counted in (`xã, phường`)."""
    return re.search(rf"(?<!\w){re.escape(part.figure.unit_text)}(?!\w)", head, re.I) is not None


def _variant_of_item(text: str, prev_end: int, start: int, items, out) -> bool:
    """`Thu nội địa 20.107 tỷ đồng …; thu nội địa không kể tiền sử dụng đất, … 19.836 tỷ
    đồng`: an item named as an earlier item less something is that item again, measured
    another way, not one more part of the total."""
    clause = text[max(prev_end, text.rfind(";", prev_end, start) + 1):start]
    left_out = EXCLUDES_RE.search(clause)
    head = " ".join(re.findall(r"[^\W\d_]+", clause[:left_out.start()].lower())) if left_out else ""
    if len(head.split()) < 2:
        return False
    for k, label_start in items:
        label = " ".join(re.findall(r"[^\W\d_]+", text[label_start:out[k].figure.start].lower()))
        if re.search(rf"(?<!\w){re.escape(head)}(?!\w)", label):
            return True
    return False


def _new_subject(whole, part, text: str, head: str, ctx) -> bool:
    """`41 khu công nghiệp, trong đó 27 khu …; 62 cụm công nghiệp, trong đó 40 cụm …`: after a
    `;`, a count of another noun than its total's (one the total's words do not name) that
    opens a breakdown of its own is the next subject of the sentence, not a part."""
    unit, own = whole.figure.unit, part.figure.unit
    if own is None or own == unit or own not in ctx.counts or unit not in ctx.counts or _names_noun(head, part):
        return False
    end = part.figure.end
    return any(start >= end and not text[end:start].strip(" ,") for start, _, _ in list_cues(text, ctx.cues))


def _new_list(gap: str, cues) -> bool:
    """Another list opens in the gap (`so với` opens none).  An item's own label takes one
    colon (`cấp xã: 7.650.907`); a second one opens a list under a new head (`…, cụ thể như
    sau: Thu nội địa: 16.016.000`)."""
    return gap.count(":") >= 2 or any(gap[a:b] != ":" for a, b, _ in list_cues(gap, cues))


def _segment(text: str, start: int, end: int) -> str:
    """The words before a figure since the last separator."""
    cut = max(text.rfind(c, start, end) for c in ",;:")
    return text[max(start, cut + 1):end]


def _segment_end(text: str, pos: int) -> int:
    """Where the segment of a figure ends: its closing bracket, else the figure's end."""
    if text.count("(", 0, pos) > text.count(")", 0, pos):
        close = text.find(")", pos)
        return close + 1 if close >= 0 else pos
    return pos


def inherit(out, whole_i: int, part_i: int, label: tuple[int, int], text: str, ctx, why: str,
            scoped: bool = True) -> None:
    """A part measures what its total measures, for the province, period and role of the
    total, unless its own label (the words before it) names its own: a former province
    (`trong đó Hưng Yên 128,7`) names the former one; evidence `relation`, never `clause`."""
    whole, part = out[whole_i], out[part_i]
    a, b = label
    # The label is what stands before the part since the last separator or `và`.
    a = max([a] + [text.rfind(c, a, b) + len(c) for c in (",", ";", ":") if text.rfind(c, a, b) >= 0])
    joined = text.rfind(" và ", a, b)
    # (`và` inside a name is no cut: `chi sự nghiệp giáo dục - đào tạo và dạy nghề 10.250`)
    if joined >= 0 and not any(m.start < joined - a < m.end for m in ctx.catalog.indicator_matcher.find(text[a:b])):
        a = joined + len(" và ")
    opening = text.rfind("(", a, b)
    if opening >= 0 and text.find(")", opening, b) < 0:
        a = opening + 1  # `(An Giang cũ 6,9%`: a bracket still open before the part
    words = text[a:b]
    # Its own words: the label, and what follows it up to the next separator (`năm 2020`).
    tail = re.split(r"[,;.:()]|\svà\s", text[part.figure.end:part.figure.end + 40])[0]
    own = text[a:part.figure.end] + tail
    named = ctx.catalog.indicator_matcher.find(words)
    # (a figure in a unit its total's indicator does not take measures something else)
    fits = whole.indicator is None or _unit_fits(ctx.catalog.indicators[whole.indicator], whole, part)
    if whole.indicator and (not named or part.indicator is None) and not _kind_after(text, part.figure.end, ctx) \
            and fits:
        _set(part, "indicator", whole.indicator, f"{why} (its label names no indicator of its own)")
    elif whole.indicator is None and not named and part.indicator is not None \
            and not part.fields["indicator"].evidence.at_least(Evidence.CLAUSE):
        # `vốn … đạt 171.000 tỷ đồng, chiếm 35,8% GRDP; trong đó A 78.600 tỷ đồng`: a part
        # measures what its total does; a name read further off in the sentence (here the
        # base of the total's share) is not its own, and the total names none.
        part.settle("indicator", Resolution(None, Evidence.NONE, f"{why}, whose total names no indicator"))
    ents = ctx.catalog.entity_matcher.find(words)
    former = _former(ctx.catalog, ents, whole.entity)
    if former:
        _set(part, "entity", former, f"{why}: a former province listed under it")
    elif not ents and whole.entity:
        _set(part, "entity", whole.entity, why)
    elif not ents and SITE_NOTE in whole.fields["entity"].reason \
            and not part.fields["entity"].evidence.at_least(Evidence.CLAUSE):
        # `vịnh X đón 4,21 triệu lượt khách, trong đó 1,68 triệu lượt khách quốc tế`: a part
        # of one site's figure is the site's too, not the province's
        part.settle("entity", Resolution(None, Evidence.NONE, f"{why}: {whole.fields['entity'].reason}"))
    if whole.period and fits and not find_periods(own, ctx.catalog.cue("not_period").find(own)):
        _set(part, "period", whole.period, why)
    if whole.role and not ctx.targets(own):
        _set(part, "role", whole.role, why)
    if whole.measure == "increase" and not part.measure and fits:
        part.measure = whole.measure  # (`công nhận mới 96 sản phẩm (A cũ 54; B cũ 42)`: each part is added too)
    if former:
        # `Đảng bộ A (trước hợp nhất) 98.520`: the words around a former province's name
        # describe the province, not a kind of the total.
        part.scope = whole.scope
    elif whole.scope in SHARE_LEVELS and part.scope != whole.scope:
        # `Ngân sách cấp tỉnh: A; trong đó chi thường xuyên B`: B is the province level's
        # recurrent spending, not all of it; the level stays in the part's scope.
        own_kind = part.scope or (_label_scope(words, ents, ctx) if scoped else "")
        part.scope = f"{whole.scope}_{own_kind}" if own_kind else whole.scope
    elif not part.scope:
        part.scope = (_label_scope(words, ents, ctx) if scoped else "") or whole.scope


# A budget level's share of a total (`ngân sách cấp tỉnh`, `cấp xã`) is another measure than
# the whole: what is listed under it is that level's part.
SHARE_LEVELS = frozenset({"province_budget", "commune_budget"})


def _unit_fits(ind, whole, part) -> bool:
    """`tỷ lệ hộ nghèo còn 2,1%; riêng …, bình quân giảm 0,9 điểm %/năm`: a figure in a unit
    its total's indicator does not take (points under a level in %) measures something else."""
    unit = part.figure.unit
    return unit not in RATE_UNITS or unit in (whole.figure.unit, ind.unit, *ind.accepts)


def _kind_after(text: str, pos: int, ctx) -> bool:
    """`trong đó có 10 sản phẩm đạt 5 sao`: words after a part name a kind of its own; a
    proper name (`01 đặc khu Trường Sa`) names the one item counted, not a kind."""
    tail = re.split(r"[,;.()]|\svà\s", text[pos:pos + 60])[0]
    return any(w.lower() not in ctx.cues.not_a_head and not w.istitle() for w in re.findall(r"[^\W\d_]+", tail))


def _set(r, name: str, value, why: str) -> None:
    if r.fields[name].value != value or r.fields[name].evidence is Evidence.CLAUSE:
        r.settle(name, Resolution(value, Evidence.RELATION, why))


def _former(catalog, mentions, whole_entity) -> str | None:
    """The former province a list item names, when its total is of the merged province."""
    for m in reversed(mentions):
        for key in m.keys:
            ent = catalog.entities[key]
            if ent.level == "former" and (whole_entity is None or ent.merged_into == whole_entity
                                          or key == whole_entity):
                return key
    return None


def _label_scope(words: str, ents, ctx) -> str:
    """The part's own kind (`khai thác`), without province names, periods and cue words."""
    chars = list(words)
    spans = [(m.start, m.end) for m in ents] + [(p.start, p.end) for p in find_periods(words, [])]
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    kept = re.sub(r"\([^)]*\)", " ", "".join(chars))
    kept = ctx.cues.breakdown_lead.sub(" ", kept)
    kept = re.sub(ctx.cues.parallel_part.pattern, " ", kept, flags=re.I)  # `khu vực A cũ`: the area is A
    content = [w for w in re.findall(r"[^\W\d_]+", kept.lower()) if w not in ctx.cues.not_a_head]
    return slug(" ".join(content)) if content else ""


class ListContext:
    """What the list grammar reads once per block: names, target cues, count units."""

    def __init__(self, catalog, cues, text: str):
        self.catalog, self.cues, self.counts = catalog, cues, catalog.units.count_units
        self.text = text
        self._target = catalog.cue("target")

    @cached_property
    def entity_starts(self) -> list[int]:
        """Where the block's province names start (asked only within a `;`-list)."""
        return [m.start for m in self.catalog.entity_matcher.find(self.text)]

    def targets(self, words: str) -> bool:
        return bool(self._target.find(words))


def clause_breakdowns(out, text: str, figs, ctx: ListContext, add) -> None:
    """`102 đơn vị hành chính cấp xã, gồm 85 xã, 14 phường và 3 đặc khu`: parts of a total
    (detail `bound` after `trong đó`/`với`: some parts, at most the total); a part is
    never the same fact as its total.  `add(kind, subject, others, detail, reason)`."""
    if len(figs) < 2:
        return  # (a list takes a total and a part: a block of one figure states none)
    catalog, cues = ctx.catalog, ctx.cues
    near = None  # (each list's whole is looked for near its cue: the figures by start, made at the first cue)
    by_formers = []
    for start, end, exhaustive in list_cues(text, cues):
        if text.count("(", 0, start) > text.count(")", 0, start):
            _bracket_lead(out, figs, text, start, end, ctx, add)
            continue  # a bracketed list of two or more is read by the bracket grammar
        near = near or ByStart(figs, start=lambda item: item[1].start)
        whole_i = whole_before(out, figs, text, start, exhaustive, ctx.counts, near)
        by_dimension = whole_i is None and text[start:end] == ":" and _dimension_lead(out, near, text, start)
        if by_dimension:
            whole_i = _whole_of_dimension(out, near, text, start, ctx.counts)
        lent = None if whole_i is not None else \
            former_splits.count_named_before(out, near, text, start, ctx.counts)
        if lent is not None:
            whole_i = lent  # (its unit lent for now: kept only if the list splits it by former province)
        if whole_i is None:
            continue
        items = items_after(out, figs, text, whole_i, end, ctx, by_dimension)
        if len(items) < (2 if exhaustive else 1) or not _may_break_down(out, whole_i, items, text, start, end, ctx) \
                or any(counted_apart(text, out[j].figure, out[whole_i].unit, ctx.counts) for j, _ in items):
            # (a count of its own noun in the list: not a breakdown of this measure)
            if lent is not None:
                out[whole_i].unit = None
            continue
        cue = text[start:end]
        if ctx.cues.parts_one.fullmatch(cue):
            items = items[:1]
        last = out[items[-1][0]].figure.end
        # `gồm 50 xã, 10 phường, ...`: a list left open names some parts only.
        exhaustive = exhaustive and not OPEN_LIST_RE.match(text[last:last + 40]) and not uncounted_last(text, last) \
            and not _unread_member(out, figs, text, whole_i, last)
        # A total takes one list of parts: a second one (`gồm 110 xã và 25 phường, trong đó
        # khu vực A có 58 đơn vị, ...`) breaks it down another way, and only lends its fields.
        # A list of former provinces lends its fields too: each part is then a former province's
        # own fact, which the rules on merged and former provinces compare (sum, bounds, restatements).
        formers = _names_formers(out, whole_i, items, text, end, ctx)
        if formers:
            whole_of_formers(out, whole_i, items, catalog)
        # (a total no catalog indicator names, split by a colon list into every one of its merged
        # province's former provinces: PW01 cannot key it, so the list itself is summed, to
        # equality; so is a `trong đó`/`gồm` list of them whose parts restate the total's unit)
        split = formers and out[whole_i].indicator is None \
            and (cue == ":" or former_splits.restated_noun(out, whole_i, items, text, end, ctx)
                 and former_splits.sole_split(out, near, whole_i, items, text, start)) \
            and _every_former(out, whole_i, items, catalog)
        every_former = split and not MEAN_WORDS_RE.search(text, sentence_bounds(text, out[whole_i].figure.start)[0],
                                                           start)
        if lent is not None and not split:
            out[whole_i].unit = None
            continue
        summed = additive(out[whole_i], catalog) and not _has_parts(out, whole_i) and (not formers or every_former)
        if split and cue != ":" and (summed or former_splits.averages(out[whole_i])):
            # (a `trong đó` list of every former province, or the same list under a rate or a
            # mean that BT03 bounds by its parts: read last, so that a list of the total by
            # another dimension, `Theo cấp học: …`, keeps it when there is one)
            by_formers.append((whole_i, [j for j, _ in items], cue))
            summed = False
        for j, label_start in items:
            inherit(out, whole_i, j, (max(label_start, end), out[j].figure.start), text, ctx,
                    f"a part of `{out[whole_i].figure.text}` (after `{cue}`)")
            if out[j].unit is None and out[j].indicator and out[j].indicator == out[whole_i].indicator:
                out[j].unit = out[whole_i].unit  # (`trong đó A 9.860, B 12.740 đảng viên`: counted alike)
        if formers:
            former_splits.narrow_by_tail(out, items, text, start, ctx)
        _changes_of_parts(out, figs, text, whole_i, items, ctx)
        exhaustive = exhaustive or every_former or _partition(out, items, whole_i, cues.partitions) \
            or _rest_closes(out, items, text, end)
        for j, _ in items:
            if summed:
                add(RelationKind.PART_OF, j, (whole_i,), "" if exhaustive else "bound",
                    f"listed after `{cue}` under `{out[whole_i].figure.text}`")
    for whole_i, parts, cue in by_formers:
        if not _has_parts(out, whole_i):
            for j in parts:
                add(RelationKind.PART_OF, j, (whole_i,), "", f"listed after `{cue}` under `{out[whole_i].figure.text}`, "
                    "one part for each former province")
    _totals_after(out, text, figs, ctx, add)


# Between a part and its own change: a comma and the verb (`98.760 tỷ đồng, tăng 14,2%`).
SHARE_GAP_RE = re.compile(r"\s*,?\s*chiếm\s*", re.I)
PART_CHANGE_GAP_RE = re.compile(r"\s*,?\s*(?:tăng|giảm)(?:\s+(?:khoảng|gần|hơn|trên))?\s*", re.I)


def _changes_of_parts(out, figs, text: str, whole_i: int, items, ctx) -> None:
    """`trong đó doanh thu dịch vụ lưu trú, ăn uống 98.760 tỷ đồng, tăng 14,2%`: a change
    right after a part, with no name of its own, is the part's (its scope), not the total's
    growth read from the sentence's lead."""
    whole = out[whole_i]
    starts = [out[j].figure.start for j, _ in items] + [len(text)]
    for (j, _), bound in zip(items, starts[1:]):
        part = out[j]
        if not part.scope or part.scope == whole.scope or is_change(text, part.figure.start):
            continue
        stop = text.find(";", part.figure.end, bound)
        bound = bound if stop < 0 else stop
        since = part.figure.end
        for k, f in figs:
            if not part.figure.end <= f.start < bound:
                continue
            r = out[k]
            if r.measure == "share" and SHARE_GAP_RE.fullmatch(text, since, f.start):
                # (`98.760 tỷ đồng, chiếm 12,8% tổng mức, tăng 14,2%`: the part's own share between)
                since = OWN_WORDS_RE.match(text, f.end).end()
                continue
            if PART_CHANGE_GAP_RE.fullmatch(text, since, f.start) and not r.scope and not r.measure \
                    and r.indicator is not None and not ctx.catalog.indicator_matcher.find(text[since:f.start]):
                r.scope = part.scope
                r.notes.append(f"the change of the part `{part.figure.text}` before it")
            break


def _unread_member(out, figs, text: str, whole_i: int, last: int) -> bool:
    """`gồm: chi đầu tư 21.400 tỷ đồng; chi thường xuyên 32.600 tỷ đồng; dự phòng 1.300 tỷ
    đồng`: a later `;` clause of the list's sentence states another amount in the total's
    unit, outside any bracket, that was not read as a member: the members read are some of
    the total, not all of it."""
    unit = out[whole_i].figure.unit
    _, s_end = sentence_bounds(text, last)
    for j, f in figs:
        if f.start <= last or f.start >= s_end or j == whole_i or is_part(out[j]):
            continue
        if f.unit == unit and ";" in text[last:f.start] and not closed_brackets(text, last, f.start) \
                and text.count("(", last, f.start) == text.count(")", last, f.start):
            return True
    return False


def _partition(out, items, whole_i: int, partitions) -> bool:
    """`trong đó khai thác 60, nuôi trồng 150`: the parts are, one each, every kind of a set
    that makes up any whole, so they are all of it, not some."""
    scopes = [out[j].scope for j, _ in items]
    if out[whole_i].scope in scopes:
        return False
    for kinds in partitions:
        # each part's label ends with its kind (`khách quốc tế`); the longest kind wins
        named = [max((k for k in kinds if s == k or s.endswith("_" + k)), key=len, default=None) for s in scopes]
        if len(named) == len(kinds) and set(named) == kinds:
            # (a part written rounder than its total, `239.600` under `249.762`, is
            # approximate: the parts then only bound the total)
            return all(_zeros(out[j].figure) <= _zeros(out[whole_i].figure) for j, _ in items)
    return False


# The last part of a list named as all the rest: `các loại cây ăn quả khác`, `các khoản chi
# khác`, `còn lại`, right before its figure.
REST_LABEL_RE = re.compile(r"(?<![\w])(?:các\s+(?:[^\W\d]+\s+){0,6}?khác|(?:phần|số)?\s*còn lại)\s*(?:đạt|là|có|:)?\s*$",
                           re.I)


def _rest_closes(out, items, text: str, end: int) -> bool:
    """`trong đó xoài 22.180 ha, nhãn 21.340 ha, các loại cây ăn quả khác 31.370 ha`: a list
    whose last part is all the others names every part, so they add up to the total."""
    if len(items) < 2:
        return False
    j, label_start = items[-1]
    previous = out[items[-2][0]].figure.end
    label = text[max(label_start, end, previous):out[j].figure.start]
    # (an item admitted after a `;`, `…; các khoản chi khác 1.320 tỷ đồng`, has its label after it)
    label = label[label.rfind(";") + 1:]
    return bool(REST_LABEL_RE.search(label)) and "." not in label


def _zeros(fig) -> int:
    """How many zeros end a figure's whole number as written (`239.600` → 2; `842,3` → 0)."""
    digits = re.match(r"\D*([\d.]+)(,\d+)?", fig.text)
    if digits is None or digits.group(2):
        return 0
    whole = digits.group(1).replace(".", "")
    return len(whole) - len(whole.rstrip("0"))
def _may_break_down(out, whole_i: int, items, text: str, start: int, end: int, ctx) -> bool:
    """A total in the sentence before (`… 101.800 triệu đồng. Trong đó …`) is broken down only
    by `trong đó`-like cues, when it adds up, and for its own period: `Riêng quý III, …` after a
    9-month rate speaks of another period (read by the resolver, not as a part).  Nor is a
    list that mixes levels and changes of the total's unit with the total (`816.029 tấn, giảm
    127.760 tấn …; trong đó thóc là 794.219 tấn, giảm 129.703 tấn`): whether it breaks down the
    level or the change is unclear."""
    whole = out[whole_i]
    changed = is_change(text, whole.figure.start)
    # (amounts only: `tăng 11,3%/năm` under a growth rate is that rate, no change of it)
    if additive(whole, ctx.catalog) and any(out[j].unit == whole.unit
                                            and is_change(text, out[j].figure.start) != changed for j, _ in items):
        return False
    if out[whole_i].figure.start >= sentence_bounds(text, start)[0]:
        return True
    lead = text[end:out[items[0][0]].figure.start]
    return not ctx.cues.parts_one.fullmatch(text[start:end]) and additive(out[whole_i], ctx.catalog) \
        and not find_periods(lead, ctx.catalog.cue("not_period").find(lead))


def _bracket_lead(out, figs, text: str, start: int, end: int, ctx, add) -> None:
    """`ngành công nghiệp tăng 20,13%/năm (riêng công nghiệp tăng 21,44%/năm)`: one part in
    a bracket opened by a list cue, of the figure right before the bracket."""
    opening = text.rfind("(", 0, start)
    close = text.find(")", end)
    inside = [(j, f) for j, f in figs if opening < f.start < (close if close >= 0 else len(text))]
    before = [(i, f) for i, f in figs if f.end <= opening]
    if len(inside) != 1 or not before or text[opening + 1:start].strip() or inside[0][1].start < end:
        return
    (i, whole), (j, _) = before[-1], inside[0]
    if not TO_WHOLE_RE.match(text[whole.end:opening]) or not compatible(out[i], out[j], ctx.counts):
        return
    if additive(out[i], ctx.catalog) and not is_part(out[j]):
        add(RelationKind.PART_OF, j, (i,), "bound", f"`{text[start:end]}` in the brackets after `{whole.text}`")
    inherit(out, i, j, (end, out[j].figure.start), text, ctx, f"a part of `{whole.text}` (`{text[start:end]}`)")


def _names_formers(out, whole_i: int, items, text: str, cue_end: int, ctx) -> bool:
    """`trong đó A (cũ) 15.000 tỷ đồng, B (cũ) 5.000 tỷ đồng`: the list names former provinces."""
    for j, label_start in items:
        words = text[max(label_start, cue_end):out[j].figure.start]
        words = words[words.rfind(";") + 1:]  # (an item after `;` has its label after it)
        if _former(ctx.catalog, ctx.catalog.entity_matcher.find(words), out[whole_i].entity):
            return True
    return False


def whole_of_formers(out, whole_i: int, items, catalog) -> None:
    """`dân số 3.801,1 nghìn người, trong đó A (cũ) …, B (cũ) … và C (cũ) …`: a total whose
    list names every former province of one merged province, one each, is that province's
    (its own province was left unread, or read as one of them from the merger's wording)."""
    whole = out[whole_i]
    named = [out[j].entity for j, _ in items]
    if None in named:
        return
    merged = {catalog.entities[e].merged_into for e in named if e in catalog.entities}
    if len(merged) != 1 or None in merged:
        return
    m = merged.pop()
    if sorted(named) != sorted(catalog.entities[m].formers) or (whole.entity is not None and whole.entity not in named):
        return
    _set(whole, "entity", m, f"its list names every former province of {m}")


# Words that make a figure a mean, whatever its unit (`bình quân đầu người 150 triệu đồng`).
MEAN_WORDS_RE = re.compile(r"(?<![\w])(?:bình quân|trung bình|đầu người|mỗi|tỷ lệ|tỉ lệ)(?![\w])|/", re.I)


def _every_former(out, whole_i: int, items, catalog) -> bool:
    """Whether the parts name, one each, every former province of the merged province the
    total is of."""
    entity = catalog.entities.get(out[whole_i].entity or "")
    named = [out[j].entity for j, _ in items]
    return entity is not None and bool(entity.formers) and sorted(named) == sorted(entity.formers)


def _has_parts(out, i: int) -> bool:
    """Whether a part is listed under figure i already (`relations.Related` keeps the wholes)."""
    wholes = getattr(out, "wholes", None)
    if wholes is not None:
        return i in wholes
    return any(rel.kind is RelationKind.PART_OF and rel.others[0] == i for r in out for rel in r.relations)


def _totals_after(out, text, figs, ctx, add) -> None:
    """`A ban hành 9.845 văn bản, B ban hành 11.230 văn bản; tổng cộng 21.075 văn bản`:
    the figure after `tổng cộng` totals the list before it in its sentence."""
    for n, (i, total) in enumerate(figs):
        if n < 2 or out[i].unit is None:
            continue  # (a total has a unit, and two parts before it)
        cue = ctx.cues.total_after_list.search(text[max(0, total.start - 24):total.start])
        if not cue or ctx.cues.out_of_total.search(text, max(0, total.start - 30), total.start):
            continue  # (`440 tỷ đồng trên tổng số 960 tỷ đồng`: the pool of the one before, no list's total)
        s_start, _ = sentence_bounds(text, total.start)
        parts = [(j, f) for j, f in figs[:n] if f.start >= s_start and not is_part(out[j])
                 and compatible(out[i], out[j], ctx.counts) and not closed_brackets(text, f.end, total.start)
                 and _pair_kind(out[j]) == _pair_kind(out[i]) and not out[j].measure]
        if len(parts) < 2 or any(counted_apart(text, f, out[i].unit, ctx.counts) for _, f in parts):
            continue
        by_formers = _total_of_formers(out, i, parts, text, s_start, ctx)
        prev = s_start
        for j, f in parts:
            if not by_formers:  # former provinces' facts are compared as such (see clause_breakdowns)
                add(RelationKind.PART_OF, j, (i,), "", f"listed before `{cue.group(0).strip()} {total.text}`")
            inherit(out, i, j, (prev, f.start), text, ctx, f"a part of the total `{total.text}` after it", False)
            prev = f.end


def _total_of_formers(out, i: int, parts, text: str, s_start: int, ctx) -> bool:
    """A total after a list of two former provinces' figures is the merged province's, and
    measures what its parts all measure."""
    why = f"the total of the list before `{out[i].figure.text}`"
    formers, prev = [], s_start
    for j, f in parts:
        formers.append(_former(ctx.catalog, ctx.catalog.entity_matcher.find(text[prev:f.start]), None))
        prev = f.end
    merged = {ctx.catalog.entities[k].merged_into for k in formers if k}
    kinds = {out[j].indicator for j, _ in parts}
    if out[i].indicator is None and len(kinds) == 1 and None not in kinds:
        out[i].settle("indicator", Resolution(kinds.pop(), Evidence.RELATION, why))
    if len(set(formers)) == len(formers) and None not in formers and len(merged) == 1:
        out[i].settle("entity", Resolution(merged.pop(), Evidence.RELATION, why))
        return True
    return False


def respectively(out, text: str, figs, catalog, cues) -> None:
    """`Năm 2025 A đạt 123 tỷ đồng, B đạt 159 tỷ đồng; năm 2020 tương ứng là 81 và 99 tỷ
    đồng`: the values after `tương ứng` pair, in order, with as many figures of their unit
    stated before in the sentence (their province, indicator and scope), or with as many
    periods named in their clause; otherwise they are no one province's."""
    if len(figs) < 2:
        return  # (values given respectively are two or more)
    for m in cue_matches(cues.respectively, text, lowered(text)):
        s_start, s_end = sentence_bounds(text, m.start())
        clause_start, stop = _respective_clause(text, s_start, s_end, m.start(), m.end())
        values = [(j, f) for j, f in figs if m.end() <= f.start < stop and not is_part(out[j])]
        if len(values) < 2:
            continue
        why = f"`{m.group(0)}`: the values follow the list before it in order"
        lead = text[clause_start:m.start()]
        named = list(dict.fromkeys(p.value for p in find_periods(lead, catalog.cue("not_period").find(lead))))
        if len(named) == len(values):
            for (j, _), period in zip(values, named):
                out[j].settle("period", Resolution(period, Evidence.RELATION, why))
            continue
        names = [k for k in (_one_entity(catalog, m) for m in catalog.entity_matcher.find(lead)) if k]
        if len(dict.fromkeys(names)) == len(names) == len(values):
            # `Quảng Ninh và Hải Phòng tăng với mức tăng lần lượt là 11,89% và 11,81%`
            for (j, _), entity in zip(values, names):
                out[j].settle("entity", Resolution(entity, Evidence.RELATION, why))
            continue
        unit = out[values[0][0]].unit
        earlier = [(j, f) for j, f in figs if s_start <= f.start < clause_start and out[j].unit == unit
                   and not is_part(out[j])]
        if len(earlier) == len(values):
            for (j, _), (k, _) in zip(values, earlier):
                _pair_with(out[j], out[k], why)
            continue
        for j, _ in values:
            out[j].settle("entity", Resolution(None, Evidence.NONE, f"`{m.group(0)}` with no list to follow"))
            out[j].notes.append(f"`{m.group(0)}`: values not matched to a list")


def _one_entity(catalog, mention) -> str | None:
    """The province a name means: its only reading, or the merged one of a shared name."""
    if len(mention.keys) == 1:
        return mention.keys[0]
    provinces = [k for k in mention.keys if catalog.entities[k].level == "province"]
    return provinces[0] if len(provinces) == 1 else None


def _respective_clause(text: str, s_start: int, s_end: int, cue_start: int, cue_end: int) -> tuple[int, int]:
    """Where a `tương ứng` clause starts and its values end: its bracket, else its `;`-clause."""
    opening = text.rfind("(", s_start, cue_start)
    if opening >= 0 and text.find(")", opening, cue_start) < 0:
        close = text.find(")", cue_end)
        return opening, (close if close >= 0 else s_end)
    stop = text.find(";", cue_end, s_end)
    return max(s_start, text.rfind(";", s_start, cue_start) + 1), (s_end if stop < 0 else stop)


def _pair_with(value, earlier, why: str) -> None:
    """A value stated `tương ứng` measures what its counterpart measures, for its province."""
    value.settle("entity", Resolution(earlier.entity, Evidence.RELATION if earlier.entity else Evidence.NONE, why))
    if earlier.indicator and value.fields["indicator"].value != earlier.indicator:
        value.settle("indicator", Resolution(earlier.indicator, Evidence.RELATION, why))
    value.scope = earlier.scope or value.scope


def restaters_follow(out, block: list[int]) -> None:
    """`trong đó A có 376/427 trường, đạt 88,06%`: a percentage restating a listed part
    is of the province and period the part inherited.  `block` holds the positions of the
    block's figures (a restatement is never read across blocks): the whole list once per
    block made this grow with the square of a document's length."""
    for r in (out[i] for i in block):
        for rel in r.relations:
            if rel.kind is not RelationKind.RESTATES:
                continue
            part = out[rel.others[0]]
            for name in ("entity", "period"):
                if part.fields[name].evidence is Evidence.RELATION and r.fields[name].value != part.fields[name].value:
                    r.settle(name, Resolution(part.fields[name].value, Evidence.RELATION,
                                              f"restates `{part.figure.text}`, {part.fields[name].reason}"))
