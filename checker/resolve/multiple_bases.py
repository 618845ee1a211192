"""The base of a multiple named with no figure after it: a year whose level its sentence gave
before (`…, gấp 2,03 lần năm 2022`), or two provinces each given a level before (`A (cũ) gấp
1,49 lần B (cũ)`)."""

from __future__ import annotations

import re

from checker.records import Evidence, Relation, RelationKind
from checker.resolve.brackets import CLOSED_BRACKET_RE, blank_brackets
from checker.resolve.counted import alike_nouns, counted_noun, same_count

# `gấp 1,49 lần khu vực Ninh Thuận (cũ).`: a base named alone, up to the clause's end.
BASE_NAME_RE = re.compile(r"[^\d;.()]{0,60}(?:\([^()\d]{0,12}\))?\s*(?=[.;]|$)")


def named_pair(read, text: str, earlier, i: int, s_start: int, matcher) -> tuple[int, int] | None:
    """`trong đó A (cũ) 9.953,0 tỷ đồng, B (cũ) 5.130,0 tỷ đồng; kế hoạch vốn của A (cũ) gấp
    1,49 lần B (cũ)`: a multiple with no figure in its clause, whose province (read before
    it) and the one province named alone after it each have exactly one level earlier in
    the sentence, of one indicator, unit and period: the two are its numerator and base."""
    times = read[i]
    tail = BASE_NAME_RE.match(text, times.figure.end)
    if matcher is None or tail is None or times.entity is None \
            or not times.fields["entity"].evidence.at_least(Evidence.CLAUSE):
        return None  # (the numerator's province is named in the multiple's own clause, not a default)
    named = {k for m in matcher.find(text[times.figure.end:tail.end()]) for k in m.keys} - {times.entity}
    levels = [j for j, f in earlier if f.start >= s_start and read[j].indicator]
    num = [j for j in levels if read[j].entity == times.entity]
    base = [j for j in levels if read[j].entity in named]
    if len(num) != 1 or len(base) != 1:
        return _unnamed_pair(read, text, earlier, s_start, times.entity, named)
    a, b = read[num[0]], read[base[0]]
    if (a.indicator, a.unit, a.period) != (b.indicator, b.unit, b.period):
        return None
    return num[0], base[0]


def _unnamed_pair(read, text: str, earlier, s_start: int, entity: str, named: set) -> tuple[int, int] | None:
    """`Nam Định (cũ) 3.615 giấy phép; số giấy phép tại Nam Định (cũ) gấp 1,38 lần Hà Nam (cũ)`
    where no catalog indicator names the levels: each of the two provinces has exactly one
    level in the sentence, and the two count the same thing (`same_count`) in one period."""
    if len(named) != 1:
        return None
    levels = [(j, f) for j, f in earlier if f.start >= s_start and f.kind == "statistic"
              and read[j].unit not in ("percent", "percentage_point", "times")]
    num = [(j, f) for j, f in levels if read[j].entity == entity]
    base = [(j, f) for j, f in levels if read[j].entity in named]
    if len(num) != 1 or len(base) != 1:
        return None
    (a_i, fa), (b_i, fb) = num[0], base[0]
    a, b = read[a_i], read[b_i]
    if a.indicator or b.indicator or (a.period, a.role) != (b.period, b.role) \
            or not same_count(text, fa, a.unit, fb, b.unit):
        return None
    return a_i, b_i


# `gấp 2,03 lần năm 2022.`: a base year named alone, its level given earlier in the sentence.
BASE_YEAR_ALONE_RE = re.compile(r"\s*(?:so với\s+)?(?:năm|cuối năm)\s+(\d{4})\s*(?=[.;,]|$)", re.I)


def base_year_before(text, end: int, before, read, cur_i: int) -> int | None:
    """`năm 2022 giải ngân 1.864,7 tỷ đồng, …, 9 tháng năm 2025 3.552,6 tỷ đồng, gấp 2,03
    lần năm 2022`: the one figure before, of the numerator's unit, province and indicator,
    dated the base year named alone after the multiple, is its base."""
    m = BASE_YEAR_ALONE_RE.match(text, end)
    cur = read[cur_i]
    if m is None or cur.unit is None:
        return None
    same = [j for j, _ in before if j != cur_i and read[j].period == m.group(1) and read[j].unit == cur.unit
            and read[j].entity == cur.entity and read[j].indicator == cur.indicator]
    return same[0] if len(same) == 1 else None


# Where a level's own name starts: after a separator or an opened bracket (closed brackets
# are blanked first), or after `trong đó`, `gồm`, `và`.
NAME_START_RE = re.compile(r"[,;:(]|(?<![\w])(?:trong đó|gồm|và)(?![\w])", re.I)
MULTIPLE_WORD_RE = re.compile(r"\s*(?:gấp|bằng)\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)


def labelled_pair(read, text: str, earlier, i: int, s_start: int) -> tuple[int, int] | None:
    """`xã A (cũ) 3.240 tấn, xã B (cũ) 2.790 tấn; sản lượng tôm của xã A (cũ) gấp 1,34 lần
    xã B (cũ)`, the places (communes, districts, sectors) unknown to the entity catalog: the
    name after the multiple is the whole name of exactly one level before it in the sentence,
    and the words before the multiple end with the whole name of exactly one other; the two
    count the same thing in one period and role."""
    times = read[i]
    tail = BASE_NAME_RE.match(text, times.figure.end)
    if tail is None:
        return None
    base_name = _folded(text[times.figure.end:tail.end()])
    lead = MULTIPLE_WORD_RE.search(text, max(s_start, times.figure.start - 20), times.figure.start)
    if len(base_name.split()) < 2 or lead is None:
        return None
    clause = _folded(own_words(text, s_start, lead.start(), clause=True))
    names = {j: _folded(own_words(text, s_start, f.start)) for j, f in earlier
             if f.start >= s_start and f.kind == "statistic"
             and read[j].unit not in ("percent", "percentage_point", "times")}
    names = {j: n for j, n in names.items() if len(n.split()) >= 2}
    base = [j for j, n in names.items() if n == base_name]
    num = [j for j, n in names.items() if n != base_name and (clause == n or clause.endswith(" " + n))]
    if len(base) != 1 or len(num) != 1:
        return None
    at = dict(earlier)
    a, b = read[num[0]], read[base[0]]
    if (a.period, a.role, a.entity) != (b.period, b.role, b.entity) \
            or not same_count(text, at[num[0]], a.unit, at[base[0]], b.unit):
        return None
    return num[0], base[0]


CLAUSE_CUT_RE = re.compile(r"[;:]")


def own_words(text: str, start: int, end: int, clause: bool = False) -> str:
    """The words right before `end` back to where their name starts (`clause`: back to the
    clause's start, `;` or `:`), closed brackets blanked out."""
    words = blank_brackets(text[start:end])
    cut = CLAUSE_CUT_RE if clause else NAME_START_RE
    starts = [m.end() for m in cut.finditer(words)]
    return words[starts[-1] if starts else 0:]


def _folded(words: str) -> str:
    return " ".join(CLOSED_BRACKET_RE.sub(" ", words).lower().split())


def listed_pair(out, blocks, matcher) -> None:
    """`- Khu vực A (cũ): 31.480 tỷ đồng, …` / `- Khu vực B (cũ): 2.185 tỷ đồng, …`, then `Doanh
    thu của khu vực A (cũ) gấp 14,4 lần khu vực B (cũ).`: a multiple whose sentence states no
    level, naming its province and one other, each of which has exactly one level in the list
    items right before it (of one unit, indicator, period and role): those are its two levels."""
    if matcher is None:
        return
    blocks = list(blocks)
    for k, (text, figs) in enumerate(blocks):
        for n, (i, f) in enumerate(figs):
            r = out[i]
            if r.unit != "times" or f.kind != "statistic" or r.entity is None \
                    or any(rel.kind is RelationKind.MULTIPLE for rel in r.relations) \
                    or MULTIPLE_WORD_RE.search(text, max(0, f.start - 20), f.start) is None \
                    or not r.fields["entity"].evidence.at_least(Evidence.CLAUSE):
                continue
            start = max(text.rfind(". ", 0, f.start), 0)
            if any(g.start >= start and out[j].unit not in NOT_LEVELS for j, g in figs[:n]):
                continue  # (its sentence states levels of its own: `named_pair`'s)
            tail = BASE_NAME_RE.match(text, f.end)
            named = {key for m in matcher.find(text[f.end:tail.end()]) for key in m.keys} - {r.entity} if tail else set()
            pair = _listed_levels(out, blocks, k, r.entity, named) if len(named) == 1 else None
            if pair is not None:
                why = f"`{f.text}` {text[f.end:tail.end()].strip()}: the two provinces' levels in the list before it"
                r.relations.append(Relation(RelationKind.MULTIPLE, i, pair, "", why))


NOT_LEVELS = ("percent", "percentage_point", "times")


def _listed_levels(out, blocks, k: int, entity: str, named: set) -> tuple[int, int] | None:
    """The one level of `entity` and the one of a province in `named` in the run of list
    items right before block `k` (each on the line after the one before)."""
    line, doc = out[blocks[k][1][0][0]].block.line, out[blocks[k][1][0][0]].block.doc
    levels = []
    for text, figs in reversed(blocks[:k]):
        block = out[figs[0][0]].block
        if block.kind != "list_item" or not 0 < line - block.line <= 2 or block.doc != doc:
            break
        line = block.line
        levels += [(j, g, text) for j, g in figs if g.kind == "statistic" and out[j].unit not in NOT_LEVELS]
    num = [x for x in levels if out[x[0]].entity == entity]
    base = [x for x in levels if out[x[0]].entity in named]
    if len(num) != 1 or len(base) != 1:
        return None
    (a_i, fa, ta), (b_i, fb, tb) = num[0], base[0]
    a, b = out[a_i], out[b_i]
    if (a.indicator, a.unit, a.period, a.role) != (b.indicator, b.unit, b.period, b.role) \
            or a.unit is None and not alike_nouns(counted_noun(ta, fa), counted_noun(tb, fb)):
        return None
    return a_i, b_i


# `chỉ bằng 61,2% mức của Đồng Nai (cũ).`: a percentage of another province's level, named alone.
PERCENT_LEAD_RE = re.compile(r"(?<![\w])bằng\s+(?:khoảng\s+)?$", re.I)
PERCENT_OF_RE = re.compile(r"\s*(?:mức\s+)?(?:của\s+)?[^\W\d][^\d;.()%]{0,40}?(?:\([^()\d]{0,12}\))?\s*(?=[.;,]|$)")
FORMER_RE = re.compile(r"(?<![\w])cũ(?![\w])", re.I)


def percent_of_province(out, blocks, catalog) -> None:
    """`Đồng Nai (cũ) 170,8 triệu đồng, Bình Phước (cũ) 106,0 triệu đồng, chỉ bằng 62,1% mức của
    Đồng Nai (cũ)`: a percentage said of its own province's level, of the one other province
    it names alone after it; each has exactly one level before it in the sentence (one
    indicator, unit, period and role).  P = 100·A/B, a `stated_of` relation of form `of`."""
    matcher = catalog.entity_matcher
    if matcher is None:
        return
    for text, figs in blocks:
        for n, (i, f) in enumerate(figs):
            r = out[i]
            if r.unit != "percent" or f.kind != "statistic" or r.entity is None or f.qualifier not in (None, "") \
                    or "điểm" in f.text.lower() or not r.fields["entity"].evidence.at_least(Evidence.CLAUSE) \
                    or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in r.relations) \
                    or PERCENT_LEAD_RE.search(text, max(0, f.start - 12), f.start) is None:
                continue
            tail = PERCENT_OF_RE.match(text, f.end)
            if tail is None:
                continue
            named = {key for m in matcher.find(text[f.end:tail.end()]) for key in m.keys} - {r.entity}
            if FORMER_RE.search(text, f.end, tail.end()):
                # (`mức của Đồng Nai (cũ)`: the former province, not the merged one of its name)
                named = {key for key in named if catalog.entities.get(key) and catalog.entities[key].merged_into}
            start = max(text.rfind(". ", 0, f.start), 0)
            levels = [j for j, g in figs[:n] if g.start >= start and g.kind == "statistic"
                      and out[j].unit not in NOT_LEVELS]
            num = [j for j in levels if out[j].entity == r.entity]
            base = [j for j in levels if out[j].entity in named]
            if len(named) != 1 or len(num) != 1 or len(base) != 1:
                continue
            a, b = out[num[0]], out[base[0]]
            if (a.indicator, a.unit, a.period, a.role) != (b.indicator, b.unit, b.period, b.role) or a.unit is None:
                continue
            why = f"`{f.text}` {text[f.end:tail.end()].strip()}: `{a.figure.text}` over `{b.figure.text}`"
            r.relations[:] = [x for x in r.relations if x.kind is not RelationKind.STATED_OF] + [
                Relation(RelationKind.STATED_OF, i, (num[0], base[0]), "of", why, "")]


# How many blocks before a multiple's own the levels it names by their indicators are looked
# for: a section's items state each level once, the comparison of two comes a few items on.
NAMED_BLOCKS_BACK = 3
SENTENCE_START_RE = re.compile(r"[.!?]\s+")
NAME_TRIM = " \t-–•*:"


def indicator_pair(out, blocks, catalog) -> None:
    """`Số doanh nghiệp thành lập mới gấp 5,8 lần số doanh nghiệp giải thể.`: a multiple whose
    sentence states no level, its words before it wholly the name of one catalog indicator
    and its words after it wholly the name of another: the one current level of each, for
    its province, in its block or the few before it, are its two levels.  A level another
    figure's change is measured from (`giảm 5,6% so với năm 2024 (462 doanh nghiệp)`) is a past one, not a
    candidate; two candidates for either name leave the multiple unread."""
    blocks = list(blocks)
    for k, (text, figs) in enumerate(blocks):
        for n, (i, f) in enumerate(figs):
            r = out[i]
            if r.unit != "times" or f.kind != "statistic" or r.entity is None \
                    or any(rel.kind is RelationKind.MULTIPLE for rel in r.relations):
                continue
            lead = MULTIPLE_WORD_RE.search(text, max(0, f.start - 20), f.start)
            tail = BASE_NAME_RE.match(text, f.end)
            if lead is None or tail is None:
                continue
            start = max([m.end() for m in SENTENCE_START_RE.finditer(text, 0, lead.start())] or [0])
            if any(g.start >= start for _, g in figs[:n]):
                continue  # (its sentence states figures of its own)
            num_ind = _one_name(catalog, text[start:lead.start()])
            base_ind = _one_name(catalog, text[f.end:tail.end()])
            if num_ind is None or base_ind is None or num_ind == base_ind:
                continue
            pair = _named_levels(out, blocks, k, n, r, num_ind, base_ind)
            if pair is not None:
                why = f"`{f.text}` {text[f.end:tail.end()].strip()}: the levels of the two indicators it names"
                r.relations.append(Relation(RelationKind.MULTIPLE, i, pair, "", why))


def _one_name(catalog, phrase: str) -> str | None:
    """The one level indicator `phrase` is wholly the name of (brackets and list marks aside)."""
    phrase = _folded(phrase).strip(NAME_TRIM)
    if not phrase:
        return None
    whole = [m for m in catalog.indicator_matcher.find(phrase) if m.start == 0 and m.end == len(phrase)]
    # (a name shared by a level and its growth or multiple is the level's)
    levels = [k for k in whole[0].keys if not catalog.indicators[k].level] if len(whole) == 1 else []
    return levels[0] if len(levels) == 1 else None


def _named_levels(out, blocks, k: int, n: int, times, num_ind: str, base_ind: str) -> tuple[int, int] | None:
    doc = out[blocks[k][1][0][0]].block.doc
    levels = [j for j, _ in blocks[k][1][:n]]
    for text, figs in reversed(blocks[max(0, k - NAMED_BLOCKS_BACK):k]):
        if out[figs[0][0]].block.doc is not doc:
            break
        levels += [j for j, _ in figs]
    compared = {rel.others[1] for j in levels for rel in out[j].relations
                if rel.kind is RelationKind.STATED_OF and len(rel.others) == 2 and rel.detail in ("over", "under")} \
        | {rel.others[0] for j in levels for rel in out[j].relations if rel.kind is RelationKind.CHANGE_FROM}
    current = [j for j in levels if j not in compared and out[j].figure.kind == "statistic"
               and out[j].unit not in NOT_LEVELS and out[j].role == "actual" and out[j].entity == times.entity
               and not any(rel.kind is RelationKind.PART_OF for rel in out[j].relations)
               and (times.period is None or out[j].period in (None, times.period))]
    num = [j for j in current if out[j].indicator == num_ind]
    base = [j for j in current if out[j].indicator == base_ind]
    if len(num) != 1 or len(base) != 1 or out[num[0]].unit != out[base[0]].unit:
        return None
    a, b = out[num[0]], out[base[0]]
    if a.period and b.period and a.period != b.period:
        return None
    return num[0], base[0]
