"""Relations between the figures of one text, read once from the words between them:
a total and its parts (in brackets here; the clause grammar of lists, `gồm`, `trong đó`,
`tổng cộng`, `tương ứng`, is checker/resolve/lists.py), a percentage restating a fraction, a multiple, a change from one
level to another, and a footnote's figures and the body figure they annotate.

`relate` returns new Resolved records carrying the relations (each on the figure it is
stated on) and the fields a related figure lends: a part measures what its total
measures, a footnote's figure what the figure it annotates measures."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile

from checker.records import Evidence, Relation, RelationKind, Resolution
from checker.records import STAT_KINDS
from checker.resolve.bases import stated_bases
from checker.resolve.clauses import SENTENCE_END_RE, sentence_start
from checker.resolve.columns import row_share_of_plan
from checker.resolve.contributions import contribution_parts
from checker.resolve.derived import column_structures, row_comparisons, row_fractions, row_slash_ratios
from checker.resolve.entities import closed_brackets
from checker.resolve.index_columns import index_growths
from checker.resolve.hierarchy import table_parts
from checker.resolve.multiple_bases import (base_year_before, indicator_pair, labelled_pair, listed_pair, named_pair,
                                              percent_of_province)
from checker.resolve.periods import ABSTAIN, at_nature
from checker.resolve.lists import (
    RATE_UNITS,
    ListContext,
    clause_breakdowns,
    inherit,
    is_change,
    is_part,
    respectively,
    restaters_follow,
    sentence_bounds,
    uncounted_last,
    whole_of_formers,
)
from checker.resolve.resolved import Resolved
from checker.resolve.roles import CHANGE_FROM_RE
from checker.resolve.row_bases import row_growths
from checker.resolve.change_points import change_points
from checker.resolve.level_changes import level_changes
from checker.resolve.parallel_multiples import parallel_multiples
from checker.resolve.stated import TO_RE, stated_relations
from checker.resolve.parallel_units import parallel_units
from checker.resolve.verdicts import plan_share_verdicts, prose_verdicts

PCT_GAP_RE = re.compile(r"^[^;]{0,80}$")
OWN_FRACTION_GAP_RE = re.compile(r"\s*\(\s*")
LIST_OPEN_RE = re.compile(r"(?<![\w])(?:gồm|trong đó|cụ thể)(?![\w])|:", re.I)
CHANGE_LEAD_RE = re.compile(r"(?<![\w])(?:tăng|giảm|cao hơn|thấp hơn)(?![\w])[^,;()]*$", re.I)
# (`0,92% cuối năm 2025 (A 0,78%; B 1,02%)`: the figure's year may stand before its bracket)
BREAKDOWN_OPEN_RE = re.compile(r"[^;().\d]{0,100}?(?:năm\s+\d{4}\s*)?\(")
OPEN_END_RE = re.compile(r"(\.\.\.|…)\s*$")
# `(giảm) còn 1,32%`: the level a rate came down to, not how much it fell.
LEFT_AT_RE = re.compile(r"(?<![\w])còn(?:\s+(?:khoảng|dưới|gần|mức))?\s*$", re.I)
OWN_BRACKET_TIMES_RE = re.compile(r"\s*\(\s*(?:gấp|bằng)\s*", re.I)
BASE_YEAR_COLON_RE = re.compile(r"năm\s+\d{4}\s*:\s*$", re.I)
# `gấp 1,28 lần Hà Giang cũ với 15.480 người`, `gấp 2,1 lần khu vực B là 4.500 tỷ đồng`: the
# base named in words, then its level after `với`/`là` (no number or clause between).
BASE_NAMED_LEVEL_RE = re.compile(r"^\s*(?:so với\s+)?[^\W\d][^\d(),;.:]{0,40}?\s(?:với|là)\s*$", re.I)
# The words between a result and the plan or base it is set against (`, vượt kế hoạch`).
COMPARED_LEAD_RE = re.compile(r"\s*,?\s*(?:vượt|cao hơn|thấp hơn|so với|bằng|đạt)\s+(?:so với\s+)?(?:mức\s+)?"
                              r"(?:kế hoạch|chỉ tiêu|mục tiêu|dự toán|cùng kỳ)(?:\s+(?:năm|đề ra|giao|được giao))?"
                              r"(?:\s+\d{4})?\s*(?:là\s*)?", re.I)
FROM_AHEAD_RE = re.compile(r"^\s*,?\s*(?:tăng\s+|giảm\s+)?từ\s*(?:mức\s*)?$", re.I)


def relate(resolved: list[Resolved], catalog, cues) -> list[Resolved]:
    """The resolved figures again, with their relations; `resolved` is left as it was read
    (footnotes are matched on what the figures said before any field was lent)."""
    out = Related(map(_fresh, resolved))
    blocks = list(_by_block(out))  # (read once: the relations add no figure and move none)
    verdicts = []
    for text, figs in blocks:
        # A change's levels first (`giảm từ 2,35% xuống 0,92%` are levels, not reductions),
        # so that the parts listed under them measure the level too.
        _changes(out, text, figs, catalog.indicators)
        lists = ListContext(catalog, cues, text)
        _breakdowns(out, text, figs, lists)
        clause_breakdowns(out, text, figs, lists, lambda *a: _add(out, *a))
        respectively(out, text, figs, catalog, cues)
        _restatements(out, text, figs)
        restaters_follow(out, [i for i, _ in figs])
        _multiples(out, resolved, text, figs, cues.multiple_lead, catalog.entity_matcher)
        stated_relations(out, text, figs, cues)
        contribution_parts(out, text, figs, lambda *a: _add(out, *a))
        if figs and out[figs[0][0]].block.kind == "table_row":
            row_share_of_plan(out, figs, lambda *a: _add(out, *a))
            row_comparisons(out, figs, lambda *a: _add(out, *a))
            row_slash_ratios(catalog, out, figs, lambda *a: _add(out, *a))
            row_fractions(out, figs, lambda *a: _add(out, *a))
        elif figs:
            verdicts += prose_verdicts(out, text, figs, catalog) + plan_share_verdicts(out, text, figs, catalog)
            parallel_units(out, text, figs, catalog)
    column_structures(out, lambda *a: _add(out, *a))
    _footnotes(out, resolved, catalog.indicators)
    _shares(out, resolved)
    _read_multiples(out, catalog.indicators)
    stated_bases(out, blocks, catalog)
    row_growths(out, blocks)  # (after: a base stated under the level's own key comes first)
    change_points(out, blocks)
    level_changes(out, blocks)
    parallel_multiples(out, blocks, catalog.entity_matcher)
    listed_pair(out, blocks, catalog.entity_matcher)
    indicator_pair(out, blocks, catalog)
    percent_of_province(out, blocks, catalog)
    table_parts(out, catalog, cues, lambda *a: _add(out, *a))  # (last: a table part is no prose part)
    _counted_fractions(out, catalog.indicators)
    return out + verdicts + index_growths(out, catalog)


def _counted_fractions(out, indicators) -> None:
    """`812/1.164 trường` of schools up to standard, in a footnote or another paragraph, and
    the rate of them stated in a table or the text for the same province, period and role:
    the rate restates the fraction (the catalog's `counted` names the count a rate is the
    fraction of).  Only where the key has one such fraction and one such rate, neither
    linked already."""
    rate_of = {ind.counted: ind.id for ind in indicators.values() if ind.counted}
    if not rate_of:
        return
    fractions: dict[tuple, list[int]] = {}
    rates: dict[tuple, list[int]] = {}
    for i, r in enumerate(out):
        if not (r.entity and r.period and r.role in ("actual", "target")) or r.measure or r.scope:
            continue
        key = (r.doc.path, r.doc.index, r.entity, r.period, r.role)
        if r.figure.kind == "fraction" and r.figure.denominator and r.indicator in rate_of:
            fractions.setdefault(key + (rate_of[r.indicator],), []).append(i)
        elif r.figure.kind == "statistic" and r.unit == "percent" and r.indicator in rate_of.values():
            rates.setdefault(key + (r.indicator,), []).append(i)
    for key, found in fractions.items():
        said = rates.get(key, [])
        if len(found) != 1 or len(said) != 1:
            continue
        j, i = found[0], said[0]
        if any(rel.kind is RelationKind.RESTATES for rel in out[i].relations) \
                or any(rel.kind is RelationKind.RESTATES and j in rel.others for r in out for rel in r.relations):
            continue
        _add(out, RelationKind.RESTATES, i, (j,),
             reason=f"the rate of `{out[j].figure.text}`, stated elsewhere for its province and period")


def _by_block(resolved: list[Resolved]):
    """Each block's text and its statistics (position in the list, figure), in text order."""
    groups: dict[int, list[int]] = {}
    texts: dict[int, str] = {}
    for i, r in enumerate(resolved):
        groups.setdefault(id(r.block), []).append(i)
        texts[id(r.block)] = r.block.text
    for key, idx in groups.items():
        ordered = sorted(idx, key=lambda i: resolved[i].figure.start)
        yield texts[key], [(i, resolved[i].figure) for i in ordered if resolved[i].figure.kind in STAT_KINDS]


def _fresh(r: Resolved) -> Resolved:
    """`replace(r, fields=dict(r.fields), notes=list(r.notes), relations=[])`, without
    replace's reading of the class's fields for each figure."""
    new = object.__new__(type(r))  # (copy.copy goes through __reduce_ex__: slower by far)
    attrs = new.__dict__ = r.__dict__.copy()
    attrs["fields"], attrs["notes"], attrs["relations"] = r.fields.copy(), r.notes.copy(), []
    return new


class Related(list):
    """The figures being related, with the wholes that parts have been listed under so far
    (every part is added through `_add`): a list asks for each of its wholes whether it
    is broken down already, which scanning every figure's relations answered in the square
    of the document."""

    def __init__(self, items=()):
        super().__init__(items)
        self.wholes: set[int] = set()


def _add(out: list[Resolved], kind: RelationKind, subject: int, others: tuple[int, ...], detail: str = "",
         reason: str = "") -> None:
    out[subject].relations.append(Relation(kind, subject, others, detail, reason))
    if kind is RelationKind.PART_OF and isinstance(out, Related):
        out.wholes.add(others[0])


def _breakdowns(out, text, figs, ctx) -> None:
    """`905 đảng viên (khiển trách 757, cảnh cáo 112, ...)`: the list breaks down the total.
    Items may name kinds of the total's thing (`13.638 văn bản (3.191 quyết định, ...)`)."""
    for n, (i, total) in enumerate(figs):
        listed = _listed_under(text, figs, n, total, ctx.counts)
        if listed is None:
            continue
        (opening, close), parts = listed
        if _compared_with_before(text, figs, n, total):
            for j, _ in parts:
                out[j].settle("role", Resolution(None, Evidence.NONE, f"{ABSTAIN} listed after `{total.text}`, "
                                                 "the plan or base of the result before it: whose parts is unsure"))
            continue
        if ctx.cues.respectively.search(text[opening:close]):
            continue  # `(năm 2024 tương ứng là: ...)`: the same list again, not parts
        if _change_after_level(text, figs, n, total, parts):
            continue
        bounded = bool(OPEN_END_RE.search(text[opening:close].strip())) or uncounted_last(text, parts[-1][1].end, close)
        previous_end = opening
        for j, item in parts:
            _add(out, RelationKind.PART_OF, j, (i,), "bound" if bounded else "",
                 f"listed in the brackets after `{total.text}`")
            if item.unit is None:
                out[j].unit = out[i].unit
            # A part measures what its total measures, narrowed to its own label:
            # `khiển trách 757` is the reprimanded part of `905 đảng viên`.
            label_start = max(previous_end, _label_start(text, previous_end, item.start))
            previous_end = item.end
            inherit(out, i, j, (label_start, item.start), text, ctx, f"a part of the total `{total.text}`")
        # `4.718,6 km² (A cũ 3.895,9 km², B cũ 822,7 km²)`: every former province listed, one
        # each, makes the total the merged province's, as a `trong đó` list does.
        whole_of_formers(out, i, parts, ctx.catalog)


def _listed_under(text, figs, n, total, counts):
    """The bracket after a total and the statistics listed in it, or None.  The bracket
    opens right after the total, or a few words on with no figure between (`36 văn bằng
    bảo hộ sở hữu trí tuệ cho ... của tỉnh (05 chỉ dẫn địa lý, ...)`)."""
    if total.kind not in ("statistic", "fraction") or total.unit is None:
        return None
    m = BREAKDOWN_OPEN_RE.match(text, total.end)  # (at the total's end: no copy of the text after it)
    if not m:
        return None
    opening = m.end()
    close = _matching_close(text, opening)
    if close < 0:
        return None
    items = list(takewhile(lambda item: item[1].start < close, figs[n + 1:]))  # (`figs` is in text order)
    if any(f.start < opening for _, f in items) or len(items) < 2 or any(f.kind != "statistic" for _, f in items):
        return None
    items = _of_the_totals_measure(text, items, total, opening, close)
    # (`giảm 15,6 nghìn ha (trong đó A đạt 471,3 nghìn ha, giảm 10,5 nghìn ha)`: a level and a
    # change are no parts of one total)
    if total.unit not in RATE_UNITS and {is_change(text, f.start) for _, f in items} != {is_change(text, total.start)}:
        return None
    same = all(f.unit in (None, total.unit) for _, f in items)
    kinds_of = total.unit in counts and all(f.unit in counts for _, f in items)
    if not (same or kinds_of):
        return None
    return (opening, close), items


def _label_start(text: str, since: int, at: int) -> int:
    """Where a listed part's label starts: after the last `,`, `;` or open bracket before it,
    a bracket closed before the part being part of its label (`A (cũ) 1.218,4`)."""
    start = max(text.rfind(",", since, at), text.rfind(";", since, at)) + 1
    opening = text.rfind("(", start, at)
    while opening >= 0 and text.find(")", opening, at) >= 0:
        opening = text.rfind("(", start, opening)
    return max(start, opening + 1)


def _matching_close(text: str, opening: int) -> int:
    """Where the bracket opened just before `opening` closes, past brackets nested in it
    (`2.354,1 nghìn người (A (cũ) 1.218,4 nghìn người, B (cũ) 1.126,7 nghìn người)`); -1
    when it never does."""
    close = text.find(")", opening)
    depth = text.count("(", opening, close) if close >= 0 else 0
    while depth and close >= 0:  # (a nested `(cũ)` closes first: skip one closing per opening)
        after = text.find(")", close + 1)
        if after < 0:
            return -1
        depth += text.count("(", close + 1, after) - 1
        close = after
    return close


def _compared_with_before(text: str, figs, n: int, total) -> bool:
    """`ước đạt 8,48 triệu tấn, vượt kế hoạch 8,30 triệu tấn (A cũ 4,12; B cũ 4,36)`: a
    bracket after the plan or base a result is set against may break down either of the
    two; whose parts they are is unsure, and none is read."""
    if n == 0:
        return False
    before = figs[n - 1][1]
    return before.unit == total.unit and bool(COMPARED_LEAD_RE.fullmatch(text[before.end:total.start]))


# Between a level and its change: the level's own words, a comma and the verb (`973 doanh
# nghiệp, giảm 7,0%`, `648 doanh nghiệp quay trở lại hoạt động, tăng 15,3%`).
LEVEL_THEN_CHANGE_RE = re.compile(r"[^,;.()\d]{0,40},\s*(?:tăng|giảm)\s*", re.I)


def _change_after_level(text: str, figs, n: int, total, parts) -> bool:
    """`973 doanh nghiệp, giảm 7,0% (A cũ 628, B cũ 345)`: bare numbers in a bracket after a
    change in percent that follows a level may break down either; whose parts they are is
    unsure (read as percentages they fail the merged province's bounds), and none is read."""
    if n == 0 or total.unit not in RATE_UNITS or any(f.unit is not None for _, f in parts):
        return False
    before = figs[n - 1][1]
    return before.unit is not None and before.unit not in RATE_UNITS \
        and bool(LEVEL_THEN_CHANGE_RE.fullmatch(text[before.end:total.start]))


def _of_the_totals_measure(text: str, items, total, opening: int, close: int):
    """`71,2 tỷ đồng (A 64.820 suất, 38,9 tỷ đồng; B 53.610 suất, 32,3 tỷ đồng)`: where each
    `;` member states several figures, one of them in the total's unit, that one is its
    part of the total (a bare figure beside it measures something else); any other list
    is read as before."""
    own_unit = [f.unit == total.unit for _, f in items]
    if all(own_unit) or not any(own_unit):
        return items  # (`(3.191 quyết định, 3.146 công văn; 37 chỉ thị, …)`: kinds of one count)
    cuts = [opening] + [k + 1 for k in range(opening, close) if text[k] == ";"] + [close + 1]
    members = [[(j, f) for j, f in items if a <= f.start < b] for a, b in zip(cuts, cuts[1:])]
    if len(members) < 2 or all(len(m) <= 1 for m in members):
        return items
    own = [[(j, f) for j, f in m if f.unit == total.unit] for m in members]
    if all(len(m) == 1 for m in own):
        return [m[0] for m in own]
    return items


def _restatements(out, text, figs) -> None:
    """`115/121 xã, bằng 95,04%`: the percentage restates the fraction."""
    for n, (i, frac) in enumerate(figs):
        if frac.kind != "fraction" or not frac.denominator:
            continue
        if n and _own_bracket(text, figs[n - 1][1], frac):
            j, pct = figs[n - 1]
            _add(out, RelationKind.RESTATES, j, (i,), reason=f"restates `{frac.text}`, in brackets after it")
            continue
        # (`51.326/52.480 trẻ em dưới 1 tuổi …, đạt 97,8%`: an age in the fraction's noun
        # phrase is no figure of its own between it and its percentage)
        after = [(j, f) for j, f in figs[n + 1:] if f.unit != "year_of_age"]
        for j, pct in after[:1]:
            gap = text[frac.end:pct.start]
            # (`đã hoàn thành 12/12 chỉ tiêu. Tốc độ tăng trưởng ... ước tăng 9,52%`: a
            # percentage in the next sentence is that sentence's own figure; `(a/b), trong
            # đó A 68,5%`: one outside the fraction's bracket is another's)
            # (`có 8/11 nhóm hàng tăng, gồm: A tăng 13,34%`: a change, or a percentage of a
            # list opened after the fraction, is an item's own figure)
            if pct.unit == "percent" and PCT_GAP_RE.match(gap) and not SENTENCE_END_RE.search(gap) \
                    and not closed_brackets(text, frac.end, pct.start) and not LIST_OPEN_RE.search(gap) \
                    and not CHANGE_LEAD_RE.search(text, max(0, pct.start - 24), pct.start):
                _add(out, RelationKind.RESTATES, j, (i,), reason=f"restates `{frac.text}`")


def _own_bracket(text: str, pct, frac) -> bool:
    """`đạt 65,6% (344.060/524.210 hộ)`: a fraction opening a bracket right after a
    percentage (not a change: `tăng 12%` is no share of its fraction) is what it was
    computed from."""
    return pct.unit == "percent" and pct.kind == "statistic" and OWN_FRACTION_GAP_RE.fullmatch(text, pct.end, frac.start) \
        and not CHANGE_LEAD_RE.search(text, max(0, pct.start - 24), pct.start)


def _multiples(out, read, text, figs, multiple_lead, entity_matcher=None) -> None:
    """`119 triệu đồng/người, gấp 1,5 lần năm 2020 (79,4 triệu đồng)` and
    `tăng từ 16.440 tỷ đồng lên 24.735 tỷ đồng (gấp 1,70 lần)`: the multiple relates the
    head figure before it (numerator; never a part in brackets) to a base: the level it
    rose from, or one in brackets; `tăng 1,35 lần, từ A lên B` relates B to A."""
    for n, (i, times) in enumerate(figs):
        if times.unit != "times" or not multiple_lead.search(text[max(0, times.start - 8):times.start]):
            continue
        if _multiple_ahead(out, read, text, figs, n, i):
            continue
        s_start, s_end = sentence_bounds(text, times.start)
        before = [(j, f) for j, f in figs[:n] if f.start >= s_start and ";" not in _unbracketed(text, f.end, times.start)
                  and not closed_brackets(text, f.end, times.start) and not is_part(out[j])]
        if n and OWN_BRACKET_TIMES_RE.fullmatch(text, figs[n - 1][1].end, times.start):
            # `huyện A 3.200 tỷ đồng (gấp 1,6 lần năm 2020: …)`: the bracket is the part's own
            before = [figs[n - 1]]
        after = [(j, f) for j, f in figs[n + 1:] if f.start < s_end and ";" not in text[times.end:f.start]]
        if not before:
            pair = named_pair(read, text, figs[:n], i, s_start, entity_matcher) \
                or labelled_pair(read, text, figs[:n], i, s_start)
            if pair is not None:
                _add(out, RelationKind.MULTIPLE, i, pair, reason="the levels of the two it names, stated before it")
            continue
        cur_i, _ = before[-1]
        unit = read[cur_i].unit
        if len(before) >= 2 and CHANGE_FROM_RE.search(text[max(0, before[-2][1].start - 12):before[-2][1].start]):
            base_i, _ = before[-2]
            if read[base_i].unit == unit:
                _add(out, RelationKind.MULTIPLE, i, (cur_i, base_i), reason="the level it rose from is the base")
                continue
        if _base_after(out, read, text, times, after, cur_i, i, unit):
            continue
        level = _level_before_rates(read, before)
        if level is not None and _base_after(out, read, text, times, after, level, i, read[level].unit):
            continue
        base = _bracketed_base(text, times.end, after, read, unit)
        if base is not None:
            _add(out, RelationKind.MULTIPLE, i, (cur_i, base), reason="the base in its unit in the bracket after it")
            continue
        base = base_year_before(text, times.end, before, read, cur_i)
        if base is not None:
            _add(out, RelationKind.MULTIPLE, i, (cur_i, base), reason="the base year's level stated before it")


def _base_after(out, read, text, times, after, cur_i: int, i: int, unit) -> bool:
    """The base that follows the multiple `i` right after it, in the unit of its numerator
    `cur_i`: in brackets, after a base year's colon, or after its name and `với`/`là`."""
    for j, f in after[:1]:
        gap = text[times.end:f.start]
        # (`gấp 1,58 lần năm 2020: 8.120 tỷ đồng`: the base year and its level after a colon)
        # (`6.420 nghìn lượt, gấp 1,40 lần B (4.580 nghìn lượt)`: written alike, whatever
        # unit an indicator read for one of them keeps)
        alike = read[j].unit == unit or read[j].figure.unit == read[cur_i].figure.unit is not None
        if alike and (("(" in gap or BASE_YEAR_COLON_RE.search(gap)) and len(gap) <= 30
                      or BASE_NAMED_LEVEL_RE.match(gap)):
            _add(out, RelationKind.MULTIPLE, i, (cur_i, j), reason="the base follows in brackets")
            return True
    return False


def _level_before_rates(read, before) -> int | None:
    """`thu 14.850 tỷ đồng, đạt 118,8% dự toán (12.500 tỷ đồng), gấp 1,54 lần năm 2024 (…)`:
    the level a multiple's clause opened with, when only percentages (its share of plan, its
    growth) stand between it and the multiple; None when the last figure is no percentage."""
    for j, f in reversed(before):
        if read[j].unit not in ("percent", "percentage_point"):
            return j if j != before[-1][0] else None
    return None


def _bracketed_base(text, end: int, after, read, unit) -> int | None:
    """`168,4 tỷ đồng, gấp 2,4 lần Bắc Ninh (cũ) (1.420 căn, 77,4 tỷ đồng)`: the one figure
    in the numerator's unit in the bracket right after the multiple is its base."""
    if unit is None:
        return None
    opening = text.find("(", end, end + 30)
    while opening >= 0:
        closing = text.find(")", opening)
        inside = [j for j, f in after if opening < f.start and (closing < 0 or f.end <= closing)]
        if inside:
            same = [j for j in inside if read[j].unit == unit]
            return same[0] if len(same) == 1 else None
        if closing < 0:
            return None
        # (`Bắc Ninh (cũ) (…)`: a bracket of words only qualifies the name before the base's)
        opening = text.find("(", closing, closing + 3)
    return None


def _read_multiples(out: list[Resolved], indicators) -> None:
    """`đón 9,6 triệu lượt khách ..., gấp 2,6 lần năm 2020 (4,1 triệu lượt)`: a multiple is
    of its numerator's period (the year after `lần` is the base's), and one no name was read
    for measures how many times its numerator's level grew: the catalog's multiple of that
    level (an indicator in `lần` that declares it as its `level`)."""
    stated = [r for r in out if r.figure.unit == "times" and r.relations]
    if not stated:
        return
    multiples: dict[str, list[str]] = {}
    for ind in indicators.values():
        if ind.level and ind.unit == "times":
            multiples.setdefault(ind.level, []).append(ind.id)
    for r in stated:
        for rel in r.relations:
            if rel.kind is not RelationKind.MULTIPLE:
                continue
            numerator, base = out[rel.others[0]], out[rel.others[1]]
            if numerator.period and r.period == base.period != numerator.period:
                # `tăng 1,35 lần, từ 7.115 năm 2020 lên 9.604 năm 2025`: the base's year is not the multiple's.
                r.settle("period", Resolution(numerator.period, Evidence.RELATION,
                                              f"the period of `{numerator.figure.text}`, the level it is a multiple of"))
            if r.indicator is not None:
                break
            found = multiples.get(numerator.indicator or "", [])
            if len(found) == 1:
                r.settle("indicator", Resolution(found[0], Evidence.RELATION,
                                                 f"a multiple of `{numerator.figure.text}`"))
                r.notes.append("indicator of the level it is a multiple of")
            break


def _multiple_ahead(out, read, text, figs, n: int, i: int) -> bool:
    """`tăng 1,35 lần, từ 7.115 doanh nghiệp năm 2020 lên 9.604 doanh nghiệp năm 2025`."""
    ahead = figs[n + 1:n + 3]
    if len(ahead) < 2 or not FROM_AHEAD_RE.match(text[figs[n][1].end:ahead[0][1].start]):
        return False
    (a_i, a), (b_i, b) = ahead
    if read[a_i].unit is None or read[a_i].unit != read[b_i].unit or not TO_RE.match(text[a.end:b.start]):
        return False
    _add(out, RelationKind.MULTIPLE, i, (b_i, a_i), reason="the change from one level to another that follows it")
    return True


def _unbracketed(text: str, start: int, end: int) -> str:
    """`text[start:end]` without what stands inside brackets."""
    out, depth = [], 0
    for ch in text[start:end]:
        depth += ch == "("
        out.append(ch if depth == 0 else " ")
        depth -= ch == ")" and depth > 0
    return "".join(out)


def _changes(out, text, figs, indicators) -> None:
    """`tăng từ A lên B`: B must be above A; `giảm từ A xuống B`: below.  Both, and a
    figure after `còn`, are levels."""
    for n, (i, a) in enumerate(figs):
        # (each pattern asked only where its one fixed word stands before the figure)
        before = text[max(0, a.start - 20):a.start].lower()
        fm = CHANGE_FROM_RE.search(text[max(0, a.start - 12):a.start]) if "từ" in before else None
        if not fm:
            if "còn" in before and LEFT_AT_RE.search(text[max(0, a.start - 20):a.start]):
                _as_level(out[i], indicators)  # `tỷ lệ hộ nghèo còn 1,32%`: the level left
            continue
        for j, b in figs[n + 1:n + 2]:
            if TO_RE.match(text[a.end:b.start]) and a.unit == b.unit:
                direction = "up" if fm.group(1).lower() == "tăng" else "down"
                _add(out, RelationKind.CHANGE_FROM, j, (i,), direction, f"`{fm.group(0).strip()} {a.text}`")
                for k in (i, j):
                    _as_level(out[k], indicators)


def _as_level(r: Resolved, indicators) -> None:
    """`tỷ lệ hộ nghèo giảm từ 12,5% xuống 5,5%` states two levels, not two average
    reductions: a rate indicator with a level (in the catalog) gives way to it."""
    ind = indicators.get(r.indicator or "")
    if ind is None or not ind.level or indicators[ind.level].unit != r.unit:
        return
    was = r.fields["indicator"]
    r.settle("indicator", Resolution(ind.level, was.evidence, f"{was.reason}; the levels of a change"))
    if r.period and "-" in r.period and "/" not in r.period:
        period = r.fields["period"]
        r.settle("period", Resolution(r.period.split("-")[-1], period.evidence, f"{period.reason}; a level at its end"))


def _footnotes(out: list[Resolved], read: list[Resolved], indicators) -> None:
    """A footnote's figures break down the body figure its marker follows (`đạt 7,3%/năm¹²`):
    the last one before the marker, preferring the same indicator and period."""
    notes = [i for i, r in enumerate(read) if r.block.kind == "footnote"]
    if not notes:
        return
    by_block: dict[int, list[int]] = {}
    for i, r in enumerate(read):
        if r.figure.kind in STAT_KINDS:
            by_block.setdefault(id(r.block), []).append(i)
    bodies: dict[tuple[int, str | None], list[int]] | None = None  # (document, indicator) → its body statistics
    for i in notes:  # (`read` is never changed here)
        r = read[i]
        if r.anchor_block is None and r.block.footnote is None and r.indicator:
            # A footnote whose marker is lost for good: it breaks down the body figure of the
            # same indicator stated last before it.
            bodies = _body_statistics(read) if bodies is None else bodies
            found = bodies.get((id(r.doc), r.indicator), [])
            earlier = found[bisect_left(found, i) - 1] if found and found[0] < i else None
            if earlier is not None:
                _add(out, RelationKind.ANNOTATES, i, (earlier,), reason="linked by content")
                out[i].notes.append("footnote linked by content: its marker was lost")
            continue
        if r.anchor_block is None:
            continue
        before = [j for j in by_block.get(id(r.anchor_block), []) if read[j].figure.end <= r.anchor_offset]
        indicator = r.indicator
        same = [j for j in before if read[j].indicator == indicator] if indicator else []
        same_time = [j for j in same if read[j].period == r.period]
        pool = same_time or same or before
        if not pool:
            continue
        target = max(pool, key=lambda j: read[j].figure.end)
        _add(out, RelationKind.ANNOTATES, i, (target,), reason="its marker follows that figure")
        body = read[target]
        _period_of_body(out[i], body, indicators)
        if out[i].indicator is None and not (body.indicator and body.unit == out[i].unit):
            # `219/301 xã đạt chuẩn, bằng 72,8%⁵` — `⁵ Bình Định có 91/117 xã`: the marker
            # follows the percentage, the footnote breaks down the count of its sentence.
            opening = sentence_start(r.anchor_block.text, r.anchor_offset)
            alike = [j for j in before if read[j].figure.start >= opening and read[j].indicator
                     and read[j].unit == out[i].unit]
            body = read[max(alike, key=lambda j: read[j].figure.end)] if alike else body
        if out[i].indicator is None and body.indicator and body.unit == out[i].unit:
            # `¹ Hải Phòng (cũ) tăng trưởng bình quân 10,6%/năm`: a breakdown measures
            # what the figure it annotates measures.
            out[i].settle("indicator", Resolution(body.indicator, Evidence.FOOTNOTE_LINK,
                                                  f"the indicator of `{body.figure.text}` its marker follows"))
            out[i].notes.append("indicator of the figure it annotates")


def _body_statistics(read: list[Resolved]) -> dict[tuple[int, str | None], list[int]]:
    """The positions of the statistics outside footnotes, in order, by document and indicator."""
    found: dict[tuple[int, str | None], list[int]] = {}
    for j, r in enumerate(read):
        if r.block.kind != "footnote" and r.figure.kind in STAT_KINDS:
            found.setdefault((id(r.doc), r.indicator), []).append(j)
    return found


def _period_of_body(r: Resolved, body: Resolved, indicators) -> None:
    """`... gấp 1,57 lần năm 2020 (…); GRDP bình quân đầu người đạt 76,7 triệu đồng³`: a
    footnote that states no period of its own is of the period of the figure it annotates,
    not of the last year written before its marker (there a base year)."""
    was = r.fields.get("period")
    if was is None or was.evidence is not Evidence.FOOTNOTE_LINK or not body.period or body.period == r.period:
        return
    ind = indicators.get(r.indicator or "")
    period, why = at_nature(body.period, ind.temporal if ind else None)
    if period != r.period:
        r.settle("period", Resolution(period, Evidence.FOOTNOTE_LINK,
                                      f"the period of `{body.figure.text}` its marker follows" + (f"; {why}" if why else "")))


def _shares(out: list[Resolved], read: list[Resolved]) -> None:
    """`1,06 triệu tỷ đồng (chiếm khoảng 92% tổng giá trị)`, `6.120 tỷ đồng, bằng 112% kế
    hoạch`: the percentage is a share of the figure before it (of its plan: detail `plan`)."""
    position = {id(r): i for i, r in enumerate(read)}
    for i, r in enumerate(read):
        # (`vượt 37,8% dự toán` is a margin over the plan, no share of the figure before)
        if r.share_of is not None and id(r.share_of) in position and r.measure in ("plan_excess", "plan_shortfall"):
            # (`vượt 2,4% kế hoạch`: a margin over the plan, no share of the figure before; its
            # detail names it, for the plan's base to be looked up, never for a share's reader)
            _add(out, RelationKind.SHARE_OF, i, (position[id(r.share_of)],), r.measure,
                 "a margin of the figure before it over its plan")
        elif r.share_of is not None and id(r.share_of) in position:
            plan = r.measure == "plan_share"
            _add(out, RelationKind.SHARE_OF, i, (position[id(r.share_of)],), "plan" if plan else "",
                 "a share of plan of the figure before it" if plan else "`chiếm`: a share of the figure before it")
