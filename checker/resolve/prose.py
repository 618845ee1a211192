"""Prose reading: each statistic of a paragraph, list item or footnote, resolved field by
field from its clause outwards (its sentence, its heading, the document)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from checker.catalog import Catalog, plain_misfit, rate_misfit
from checker.records import STAT_KINDS, Evidence, Figure, Resolution
from checker.resolve.clauses import Beside, Spot, head_reach, spot_of
from checker.resolve.entities import prose_entity
from checker.resolve.item_lead import item_measure
from checker.resolve.indicators import (
    LeadContext,
    Reading,
    frame_indicator,
    head_phrase,
    pick_indicator,
    rate_of_named_level,
    trailing_subject,
)
from checker.resolve.passage import Passage
from checker.resolve.qualifiers import prose_qualifier
from checker.resolve.periods import period_end, prose_period, report_year
from checker.resolve.resolved import Resolved
from checker.resolve.stages import SPAN_CHANGE, settled, span_change, stage_of
from checker.resolve.roles import (
    CURRENT_PRICES,
    SHARE_LEAD_RE,
    added_anew,
    base_value_role,
    base_year_role,
    finish,
    list_lead_role,
    prose_measure,
    prose_role,
    prose_scope,
    result_over_target,
    states_present,
    striving_role,
)
from checker.resolve.scans import cores
from checker.resolve.share_of import count_per_10k, level_of_growth
from checker.resolve.stated import outside
from checker.text import Mention

TRAIL_GAP_RE = re.compile(r"^[^,;:.()\d]{0,30}$")
# `chiếm 35,8% GRDP; trong đó Bắc Giang 78.600 tỷ đồng`: a name right after a share is the
# whole the share is of, no subject of the figures after it.
SHARE_WHOLE_RE = re.compile(r"(?<![\w])(?:chiếm|bằng)\s+(?:khoảng\s+|gần\s+|trên\s+|hơn\s+)?\d+(?:[.,]\d+)?\s*%\s*"
                            r"(?:của\s+|so với\s+)?(?:tổng\s+)?$", re.I)
# `(tỷ trọng trong tổng kim ngạch xuất khẩu): Trung Quốc 31,8%; …`: a name right after these
# is the whole the percentages are shares of, not a level they are the rate of.
SHARES_LEAD_RE = re.compile(r"(?<![\w])(?:tỷ trọng|tỉ trọng)\s+(?:trong|so với|của)\s+(?:tổng\s+)?$", re.I)
JOINED_RE = re.compile(r"\s(?:và|cùng)\s")
NAME_TO_FIGURE_RE = re.compile(r"^[^,;:.()]{0,40}$")  # (`mức bội chi năm 2026 là 150`: a year may stand between)


def read_prose(passage: Passage, count_units) -> list[Resolved]:
    """The resolved statistics of a prose block, with the target of each result/target pair."""
    stats = [f for f in passage.figures if f.kind in STAT_KINDS]
    # Digits inside an indicator's name (`sản phẩm 5 sao`) are no statistic.
    names = {k for k, f in enumerate(stats) if passage.in_names.holds(f.start, f.end)}
    results: list[Resolved] = []
    in_sentence: dict[int, list[Resolved]] = {}
    level_before: dict[int, Resolved] = {}  # the last figure of a sentence with a unit of its own (no rate)
    in_order = all(f.start < f.end for f in stats) and all(a.end <= b.start for a, b in zip(stats, stats[1:]))
    last_kept = -1  # the last figure before this one that is no name
    for k, fig in enumerate(stats):
        if k in names:
            continue
        # A name read before this figure no longer stands beside it; one after it still does.
        if in_order:
            # (figures in order, none inside another: the neighbours are the kept one before
            # it and the next one, whatever it is)
            beside = Beside(stats[last_kept] if last_kept >= 0 else None, stats[k + 1] if k + 1 < len(stats) else None)
        else:
            beside = [f for j, f in enumerate(stats) if j != k and not (j < k and j in names)]
        last_kept = k
        spot = spot_of(passage.text, fig, beside, passage.sentences, passage.opens_parallel,
                       passage.cues.continues_sentence)
        spot = spot.reaching(head_reach(passage.text, fig, spot, passage.masked_near, passage.cues.not_a_head,
                                        passage.cues.parallel_part))
        earlier = in_sentence.setdefault(spot.sentence, [])
        r = _resolve_figure(passage, fig, spot, _share_base(passage, earlier, fig), level_before.get(spot.sentence))
        earlier.append(r)
        if r.figure.unit not in (None, "percent", "percentage_point", "times"):
            level_before[spot.sentence] = r
        results.append(r)
        pair = result_over_target(r, count_units)
        if pair is not None:
            results.append(pair)
    share_trailing_names(results, passage.text, passage.cues.breakdown_lead, passage.mentions,
                         lambda f: _item_words(passage, f),
                         [f.start for f in passage.figures if f.kind == "grade"])
    return results


OUT_OF_TOTAL = "out_of_total"


def _share_base(p: Passage, earlier: list[Resolved], fig: Figure) -> Resolved | None:
    """The figure a share after `fig`'s number may be of: the last one of its sentence, not
    one inside a bracket closed before it (`đạt 36.842 triệu USD (cùng kỳ 32.150 triệu USD),
    bằng 82,8% kế hoạch`: the aside's base year is no level a plan is set for), nor the
    change between them (`…, tăng 14,6% so với cùng kỳ, bằng 82,8% kế hoạch`), else the last
    one of the sentence outside such a bracket, change or not.  (Read from the end, only as
    far as the answer: the brackets of the block are found once, `Passage.brackets`.)"""
    last = None
    for r in reversed(earlier):
        if p.brackets.closes(r.figure.end, fig.start):
            continue
        if not _a_change(p.text, r):
            return r
        last = last or r
    return last


CHANGE_BEFORE_RE = re.compile(r"(?:tăng|giảm)\s+(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I)


def _a_change(text: str, r: Resolved) -> bool:
    """A percentage written right after `tăng`/`giảm`: a change, not a level."""
    return r.figure.unit == "percent" and bool(CHANGE_BEFORE_RE.search(text, max(0, r.figure.start - 20), r.figure.start))


def _resolve_figure(p: Passage, fig: Figure, spot: Spot, prev: Resolved | None, level: Resolved | None = None
                    ) -> Resolved:
    text = p.text
    r = Resolved(fig, p.block, p.doc, sentence=spot.sentence)
    r.anchor_sentence_several = bool(p.anchor_sentence and p.catalog.cue("several").find(p.anchor_sentence))
    reading, frame_scope, margin, share_of = _indicator(p, fig, spot, prev, level)
    reading = count_per_10k(p, fig, spot, reading)
    r.share_of = share_of
    r.unit, r.factor = reading.unit, reading.factor
    r.settle("indicator", reading.resolution())
    r.scope = frame_scope
    if reading.note:
        r.notes.append(reading.note)
    entity, note = prose_entity(p, fig, spot, r.anchor_sentence_several)
    r.settle("entity", entity)
    if note:
        r.notes.append(note)
    r.settle("period", prose_period(p, fig, spot))
    # (a target word governs a figure only from right before it)
    r.settle("role", margin or base_year_role(text, fig, spot, p.heading.value if p.heading else None)
             or base_value_role(text, fig, spot, report_year(p.doc))
             or prose_role(text, fig, spot, p.by_start["targets"].between(spot.prev_figure_end - 1,
                                                                                        fig.start + 1))
             or list_lead_role(text, fig, spot, p.figures, p.cues.list_lead_target)
             or (striving_role(text, fig, spot, p.cues.sentence_target)
                 if cores(p, text, p.cues.sentence_target).overlaps(spot.sentence_start, fig.start) else None))
    r.measure = prose_measure(text, fig, spot, p.shares, p.cues.plan_share, p.cues.annual)
    if not r.measure and r.indicator and added_anew(text, fig, spot, p.catalog.indicators[r.indicator]):
        r.measure = "increase"
    _read_stage(p, r, fig, spot)
    if not r.measure and span_change(text, fig, spot.clause_start, period_end(r.period) if r.period else None,
                                     p.cues.span_base, p.cues.annual):
        r.measure = SPAN_CHANGE
    if not r.scope:
        r.scope = prose_scope(p, fig, spot, prev, r) or prose_qualifier(p, fig, spot, r)
    if not r.scope and prev is not None and p.cues.out_of_total.search(text, max(spot.sentence_start, fig.start - 30),
                                                                       fig.start):
        r.scope = OUT_OF_TOTAL  # (`đã dùng 440 tỷ đồng trên tổng số 960 tỷ đồng`: the pool, another measure)
    if not r.scope and _at_current_prices(p, r, spot):
        r.scope = CURRENT_PRICES
    _averaged_over_term(p, r, spot)
    if r.indicator is None:
        r.head = head_phrase(text, fig, spot, p.catalog.cues, p.cues.not_a_subject, p.entity_spans, p.head_text)
    # (read only where neither the text nor a heading gave a period)
    present = r.period is None and p.heading is None and states_present(p.leads, spot.clause_start, fig.start)
    # (a figure's sentence before it may sum an amount over a span only where it holds a span total's words)
    spans = cores(p, text, p.cues.span_total, (p.cues.span_total_core, p.cues.span_total_caseless))
    finish(r, p.catalog, p.heading, p.cues, present,
           text[spot.sentence_start:fig.start] if spans.overlaps(spot.sentence_start, fig.start) else "")
    if p.anchor is not None:
        r.anchor = p.anchor[0].locate(p.anchor[1])
        r.anchor_block, r.anchor_offset = p.anchor
        if p.block.inferred:
            r.notes.append(f"footnote {p.block.footnote}: number inferred, its marker was lost in extraction")
    return r


YEAR_RE = re.compile(r"\d{4}")


def _first_figure_from(p: Passage, start: int) -> int:
    """Where the first figure at or after `start` begins (the block's end if none)."""
    i = bisect_left(p.figures, start, key=lambda f: f.start)
    return p.figures[i].start if i < len(p.figures) else len(p.text)


def _read_stage(p: Passage, r: Resolved, fig: Figure, spot: Spot) -> None:
    """The stage its words name (stages.py); and a forecast word (`dự kiến cả năm đạt …`)
    that made a figure of the report's own year or before a target: an estimate of the result."""
    if p.cues.stage is None:
        return
    stage, _ = stage_of(p.text, spot, fig.start, fig.end, p.cues.stage, lambda start: _first_figure_from(p, start))
    role = r.fields["role"]
    forecast = role.value == "target" and role.evidence is Evidence.CLAUSE and p.cues.forecast is not None
    if not forecast and stage != "done":
        r.stage = stage
        return
    end = period_end(r.period) if r.period else None
    year = report_year(p.doc)
    r.stage = settled(stage, end, year)
    if not forecast:
        return
    gap = p.text[max(spot.sentence_start, spot.prev_figure_end, fig.start - 30):fig.start]
    words = list(p.cues.forecast.finditer(gap))
    if words and end is not None and year is not None and end <= year \
            and r.fields["period"].evidence in (Evidence.CLAUSE, Evidence.SENTENCE):
        r.settle("role", Resolution("actual", Evidence.CLAUSE,
                                    f"`{words[-1].group(0).strip()}` forecasts {r.period}, not after the report's year"))
        r.stage = "estimate"


def _averaged_over_term(p: Passage, r: Resolved, spot: Spot) -> None:
    """`đến hết năm 2025, tỷ lệ hộ nghèo giảm bình quân mỗi năm 1,41%`: an average over
    the term that ends that year."""
    heading = p.heading.value if p.heading else None
    if not (heading and "-" in heading):
        return  # (most blocks are under no span: their figures' periods are not read again)
    period = r.period
    if not (period and YEAR_RE.fullmatch(period) and heading.endswith(period)):
        return
    if p.cues.annual.search(p.text[spot.clause_start:r.figure.start]) or (
            r.indicator and p.catalog.indicators[r.indicator].temporal == "rate"
            and not _own_year(p.text, spot, r)):
        r.settle("period", Resolution(heading, p.heading.evidence,
                                      f"an average over the term ending {r.period} ({p.heading.reason})"))


def _own_year(text: str, spot: Spot, r: Resolved) -> bool:
    """`Tốc độ tăng trưởng năm 2025 đạt 8,1%`: a rate whose clause names the year (not as
    the end of a span, `đến hết năm 2025`) is that year's, not the term's."""
    res = r.fields["period"]
    if res.evidence is not Evidence.CLAUSE:
        return False
    before = text[spot.clause_start:r.figure.start]
    return bool(re.search(rf"năm {r.period}", before, re.I)) and not UNTIL_YEAR_RE.search(before)


# `Quy mô GRDP theo giá hiện hành đạt 315.950 tỷ đồng, tăng 12,0%`: a growth rate at current
# prices (nominal) is another measure than the catalog's rates of growth, at comparable prices.
PRICE_BASIS_RE = re.compile(r"(?<![\w])giá\s+(hiện\s+hành|so\s+sánh|cố\s+định)(?![\w])", re.I)


def _at_current_prices(p: Passage, r: Resolved, spot: Spot) -> bool:
    """A percentage rate of change whose sentence, before it, last names current prices."""
    ind = p.catalog.indicators.get(r.indicator) if r.indicator else None
    if ind is None or ind.temporal != "rate" or ind.unit != "percent" or r.unit != "percent":
        return False
    bases = PRICE_BASIS_RE.findall(p.text, spot.sentence_start, r.figure.start)
    return bool(bases) and bases[-1].lower().startswith("hiện")


UNTIL_YEAR_RE = re.compile(r"(?:đến|tới|hết|giai đoạn|nhiệm kỳ)\s+(?:hết\s+)?(?:năm\s+)?\d{4}", re.I)


def _indicator(p: Passage, fig: Figure, spot: Spot, prev: Resolved | None, level: Resolved | None = None
               ) -> tuple[Reading, str, Resolution | None, Resolved | None]:
    """The figure's indicator (a name right after a count, `21 hội nghị Thường trực`, else
    its frame, else the nearest name before it in reach), the scope its frame gives, its
    role when it is a margin over a target, and the figure it is a share of."""
    text, cat = p.text, p.catalog
    near = p.by_start["mentions"]
    trailing = [m for m in near.between(spot.number_end, spot.next_figure_start)
                if TRAIL_GAP_RE.match(text[spot.number_end:m.start]) and not _heads_next(text, spot, m)]
    preceding = sorted((m for m in near.between(spot.reach, fig.start + 1)
                        if m.end <= fig.start and not _whole_of_share(text, m.start)
                        and not (fig.unit == "percent" and SHARES_LEAD_RE.search(text, max(0, m.start - 25), m.start))
                        and not (m.start < spot.clause_start and _trails_a_figure(p, m))),
                       key=lambda m: (-m.end, -(m.end - m.start)))
    if _describes_amount(text, fig, prev):
        # `giảm 15,4 tỷ đồng (10,9%)`: a bracketed percentage right after a change in an
        # amount is that change relative to the base, not a rate of the name before the
        # amount (`Số nợ đóng bảo hiểm y tế`).
        preceding = [m for m in preceding if m.start >= prev.figure.end]
    subject = trailing_subject(text, fig, spot.sentence_end, p.mentions, p.cues, (near, p.longest_mention))
    if subject is not None:
        trailing, preceding = subject, []
    def named_context():  # (made only where an indicator is bound to a context)
        if p.low_text is not None:
            return LeadContext(p.context, p.low_text, fig.start)
        return p.context + " | " + text[:fig.start]

    # (a frame counts after the number or from the reach on: the others are passed by)
    framed = frame_indicator(cat, text, fig, spot, p.by_start["frames"].between(
        min(spot.number_end, spot.reach), max(spot.next_figure_start, fig.start + 1)), p.named)
    frame_scope = framed.scope if framed is not None else ""
    reading = framed or _named(cat, fig, spot, trailing, preceding, named_context, subject is not None)
    if framed is None and reading.indicator is not None and _share_not_growth(cat, reading, text, fig, trailing + preceding):
        reading = Reading(None, fig.unit, note=f"a share of `{reading.reason}`, not its growth")
    if reading.indicator is None:
        reading = _rate_of_level(p, fig, spot, preceding) or reading
    if reading.indicator is None and subject is None and not trailing:
        reading = _goes_on(p, fig, spot, named_context) or _growth_of_subject(p, fig, spot) or reading
    if reading.indicator is None and subject is None and not trailing and not reading.note:
        reading = _misfit_name(p, fig, spot, preceding) or reading
    if reading.indicator is None and subject is None and not trailing and not reading.note:
        reading = item_measure(cat, text, fig, spot) or reading
    share_of = None
    if reading.indicator is None and fig.unit == "percent" and prev is not None and prev.indicator \
            and SHARE_LEAD_RE.search(text[max(0, fig.start - 20):fig.start]) and ";" not in text[prev.figure.end:fig.start]:
        # `1,06 triệu tỷ đồng (chiếm khoảng 92% tổng giá trị)`: the share that figure is.
        reading = Reading(prev.indicator, "percent", 1.0, "", Evidence.RELATION, "`chiếm`: a share of the figure before it")
        share_of = prev
    named_after = reading.indicator is not None and any(
        reading.indicator in m.keys or reading.indicator in m.inner for m in trailing)
    # (`xuất khẩu đạt 36,84 tỷ USD; thu ngân sách đạt 84,1% dự toán`: a name of its own
    # between the two figures makes the percentage that name's share of plan)
    named_between = reading.indicator is not None and prev is not None and any(
        reading.indicator in m.keys and m.start >= prev.figure.end for m in preceding) \
        and reading.indicator != prev.indicator
    if fig.unit == "percent" and p.cues.plan_share.match(text[fig.end:fig.end + 40]) and not named_after \
            and not named_between and prev is not None and prev.indicator \
            and ";" not in outside(text[prev.figure.end:fig.start]):  # (a `;` in a closed bracket cuts nothing)
        # `1.838 hộ, đạt 100% kế hoạch`: the share of plan of the figure before it.
        reading = Reading(prev.indicator, "percent", 1.0, "", Evidence.RELATION, "a share of plan of the figure before it")
        share_of = prev
        past = level_of_growth(p, prev, level)
        if past is not None:
            # `38.600 tỷ đồng, tăng 12,1% so với năm 2024 và đạt 104,3% kế hoạch`: the plan is
            # the level's, not its growth's over last year.
            reading = Reading(past.indicator, "percent", 1.0, "", Evidence.RELATION,
                              "a share of plan of the level before its growth")
            share_of = past
    if reading.indicator is None and fig.unit == "percentage_point":
        # `vượt mục tiêu 0,3 điểm phần trăm`: the margin of a rate over its target.
        margin = _named(cat, replace(fig, unit="percent"), spot, trailing, preceding, named_context, subject is not None)
        if margin.indicator is not None:
            lead = p.cues.margin_lead.search(text[max(spot.sentence_start, fig.start - 40):fig.start])
            role = Resolution("margin", Evidence.CLAUSE, f"`{lead.group(0)}` before it") if lead else \
                Resolution("change", Evidence.CLAUSE, "a change in percentage points")
            return (Reading(margin.indicator, "percentage_point", 1.0, reading.note, margin.evidence,
                            margin.reason + " (a rate's margin in points)"), frame_scope, role, share_of)
    return reading, frame_scope, None, share_of


CHANGE_LEAD_RE = re.compile(r"(?<![\w])(?:tăng|giảm)(?:\s+(?:thêm|bình quân|khoảng|được))*\s*$", re.I)


def _led_by_change(text: str, fig: Figure) -> bool:
    """Whether `tăng` / `giảm` stands right before the figure: it says by how much, not how much."""
    return bool(text) and CHANGE_LEAD_RE.search(text, max(0, fig.start - 30), fig.start) is not None


def _describes_amount(text: str, fig: Figure, prev: Resolved | None) -> bool:
    """A percentage alone in a bracket opened right after a change in another unit (a share
    of a count, `742/802 trường (93,2%)`, is the rate named before it)."""
    return fig.unit == "percent" and prev is not None and prev.figure.unit not in (None, "percent") \
        and text[prev.figure.end:fig.start].strip() == "(" and text[fig.end:fig.end + 2].lstrip().startswith(")") \
        and _led_by_change(text, prev.figure)


def _whole_of_share(text: str, pos: int) -> bool:
    """Whether a name at `pos` follows a share (SHARE_WHOLE_RE), which is written with its `%`
    in the 32 characters before the name: most names have none there, and are no regex's work."""
    start = max(0, pos - 32)
    return text.find("%", start, pos) >= 0 and SHARE_WHOLE_RE.search(text, start, pos) is not None


# (between a count and its own grade: words, no separator: `90 sản phẩm đạt 4 sao`)
GRADE_GAP_RE = re.compile(r"[,;.:()]")
LIST_ITEM_LEAD_RE = re.compile(r"(?:,|\svà)\s*$")


def _start(f: Figure) -> int:
    return f.start


def _trails_a_figure(p: Passage, m: Mention) -> bool:
    """`gồm 364 sản phẩm 3 sao, 70 sản phẩm 4 sao và 3 sản phẩm 5 sao; A (cũ) 198 sản phẩm`:
    a name right after a figure (in its unit or just past it) is that figure's head, not a
    lead for the figures of the clauses after it."""
    k = bisect_left(p.figures, m.start, key=_start) - 1  # (the figures are in text order)
    while k >= 0 and p.figures[k].kind not in STAT_KINDS:
        k -= 1
    if k < 0:
        return False
    f = p.figures[k]
    if not (m.start < f.end or bool(TRAIL_GAP_RE.match(p.text[f.end:m.start])) and m.start - f.end <= 2):
        return False
    # Only the last item of a list (`…, 70 sản phẩm 4 sao và 3 sản phẩm 5 sao`): a name after a
    # total (`có 209/224 xã đạt chuẩn nông thôn mới; trong đó A 97/106 xã`) leads its parts.
    if not LIST_ITEM_LEAD_RE.search(p.text, max(0, f.start - 8), f.start):
        return False
    clause = max(p.text.rfind(";", 0, f.start), p.text.rfind(". ", 0, f.start))
    for g in reversed(p.figures[:k]):  # (an earlier item of the list, counted alike, in the clause)
        if g.start <= clause:
            return False
        if g.kind in STAT_KINDS and g.unit == f.unit:
            return True
    return False


def _rate_of_level(p: Passage, fig: Figure, spot: Spot, preceding: list[Mention]) -> Reading | None:
    """`GRDP (giá so sánh 2010) tăng 7,1%`, `GRDP đạt 95 nghìn tỷ đồng, tăng 8,2%`: the level's
    rate, unless words of their own (outside brackets) stand between its name and the
    figure (`GRDP tăng 8,2%, trong đó công nghiệp tăng 12,1%`)."""
    found = rate_of_named_level(p.catalog, p.text, fig, spot, preceding)
    if found is None:
        return None
    reading, name = found
    text, start = p.text, max(name.end, spot.prev_figure_end)
    closing = text.rfind(")", start, fig.start)
    if closing >= 0 and text.count("(", start, closing) < text.count(")", start, closing + 1):
        start = closing + 1  # the name stood in a bracket that closed before the figure
    return None if _own_words(p, start, fig.start) else reading


def _goes_on(p: Passage, fig: Figure, spot: Spot, context) -> Reading | None:
    """`Thu ngân sách ... đạt 54.850 tỷ đồng. Riêng Hưng Yên (cũ) đạt 36.200 tỷ đồng`: a
    sentence opening with `riêng`, `trong đó` goes on about the one before it, and a figure
    whose own words name nothing but a province, a period or cue words (not `Riêng thu từ
    đất đạt ...`, a part of its own) measures what the name before it does, in its unit."""
    if spot.sentence == 0 or spot.reach < spot.sentence_start:
        return None
    text = p.text
    cue = p.cues.goes_on.match(text, spot.sentence_start)
    if cue is None:
        return None
    lead = max(cue.end(), spot.clause_start, spot.prev_figure_end)
    if _own_words(p, lead, fig.start):
        return None
    before = p.sentences.bounds[spot.sentence - 1]
    earlier = sorted((m for m in p.mentions if before <= m.start and m.end <= spot.sentence_start),
                     key=lambda m: -m.end)
    reading, mention = pick_indicator(p.catalog, fig, earlier, context)
    if mention is None or _kind_follows(p, fig):
        return None
    return reading.told(Evidence.BLOCK, f"`{mention.text}` in the sentence `{cue.group(0).strip()}` goes on from")


def _growth_of_subject(p: Passage, fig: Figure, spot: Spot) -> Reading | None:
    """`Kinh tế hai tỉnh duy trì mức tăng trưởng ...: Hưng Yên tăng bình quân 8,5%/năm`: a
    percentage whose own words name nothing, under a head where a subject of the catalog
    grows (cues.yaml `resolve_indicator`), with only provinces and cue words between the
    subject and its verb, and no name between the verb and the figure."""
    if fig.unit != "percent" or fig.kind not in ("statistic", "range") or not p.cues.growth_of:
        return None
    for k, (indicator, _, verb) in enumerate(p.cues.growth_of):
        if verb.search(p.text, spot.reach, fig.start) is None:
            continue  # (no verb before the figure in reach: the block's subjects and verbs need not be found)
        _, subjects, verbs = p.growth_marks[k]
        verbs = [v for v in verbs.between(spot.reach, fig.start + 1) if v.end() <= fig.start]
        if not verbs or indicator not in p.catalog.indicators:
            continue
        grows = verbs[-1]
        subjects = [m for m in subjects.between(spot.sentence_start, grows.start() + 1) if m.end() <= grows.start()]
        if not subjects or _own_words(p, subjects[-1].end(), grows.start()) \
                or _own_words(p, max(spot.clause_start, spot.prev_figure_end), fig.start):
            continue
        if any(m.end <= fig.start for m in p.by_start["ind_mentions"].between(grows.end(), fig.start + 1)):
            continue
        evidence = Evidence.CLAUSE if spot.in_clause(subjects[-1].start()) else Evidence.SENTENCE
        return Reading(indicator, "percent", 1.0, "", evidence,
                       f"`{subjects[-1].group(0)} … {grows.group(0)}`: the growth its head speaks of")
    return None


# A rate's name, and what may stand between it and the verb that states its value: words
# that narrow it and a period, no punctuation (another item may follow one) and no figure.
RATE_NAME_RE = re.compile(r"(?:tỷ|tỉ)\s+(?:lệ|trọng)(?!\w)", re.I)
# (`tỷ lệ giải ngân cao nhất là dự án A đạt 320 tỷ đồng`: another subject states the figure)
NEW_SUBJECT_RE = re.compile(r"(?<!\w)(?:là|có|với|của|gồm|trong đó|riêng|dự án|công trình|số|tổng|vốn đã|giá trị)(?!\w)", re.I)
RATE_STATED_RE = re.compile(r"(?:\s[^,;:()\[\]]{0,60}?)?\s(?:(?:chỉ|mới|ước|phấn đấu)\s+)?đạt\s+", re.I)
# (the verb may be the figure's own lead: `ước đạt 52.600 ha`)
RATE_VERB_RE = re.compile(r"(?:(?:chỉ|mới|ước|phấn đấu)\s+)?đạt\s", re.I)
RATE_BETWEEN_RE = re.compile(r"(?:\s[^,;:()\[\]]{0,60}?)?\s*", re.I)
# A noun of money right before an activity's name (`doanh thu vận tải hành khách`, `kinh phí
# xây dựng nông thôn mới`): the figure is that money, not the activity's own measure.
MONEY_HEAD_RE = re.compile(r"(?<![\w])(?:doanh thu|giá trị|kim ngạch|vốn(?:\s+đầu tư)?|kinh phí|chi phí|số tiền|tiền|"
                           r"nguồn vốn|tổng mức|thu nhập)(?:\s+(?:từ|của|cho|hoạt động|dịch vụ))?\s*$", re.I)
MONEY_UNITS = ("dong", "usd")
# A word of place right before a name (`diện tích đất cho thuê tại các khu công nghiệp`): the
# name says where the figure is measured, and the figure measures some other subject.
PLACE_BEFORE_RE = re.compile(r"(?<![\w])(?:tại|ở|trong|thuộc)(?:\s+(?:các|những|mỗi|toàn bộ))?\s*$", re.I)


def _misfit_name(p: Passage, fig: Figure, spot: Spot, preceding: list[Mention]) -> Reading | None:
    """`Vận tải hành khách 9 tháng ước đạt 42,65 triệu tấn`: a level right after the one name
    of its clause, with only periods and cue words between, in a unit of another kind than
    the indicator's (tonnes for people, `tấn` for an area).  Read as that indicator in the
    unit written, as a table row's unit column is, so that the unit check can say so."""
    if not preceding or fig.unit in (None, "percent", "percentage_point", "times") or fig.kind != "statistic":
        return None
    mention = preceding[0]
    if not spot.in_clause(mention.start) or len(mention.keys) != 1 or mention.end < spot.prev_figure_end:
        return None
    ind = p.catalog.indicators[next(iter(mention.keys))]
    if RATE_NAME_RE.match(mention.text) and rate_misfit(p.catalog.units, fig.unit, ind) \
            and (RATE_STATED_RE.fullmatch(p.text, mention.end, fig.start)
                 or (RATE_VERB_RE.match(fig.text) and RATE_BETWEEN_RE.fullmatch(p.text, mention.end, fig.start))) \
            and not NEW_SUBJECT_RE.search(p.text, mention.end, fig.start):
        # `tỷ lệ giải ngân kế hoạch vốn năm 2026 đạt trên 95 tỷ đồng`: the rate is the subject
        # of the verb that states the figure (the words between narrow what is rated).
        return Reading(ind.id, fig.unit, 1.0, "", Evidence.CLAUSE,
                       f"`{mention.text} … {p.text[mention.end:fig.start].split()[-1]}` states the figure")
    if _own_words(p, mention.end, fig.start):
        return None
    if ind.context or not plain_misfit(p.catalog.units, fig.unit, ind) or fig.start - mention.end > 40:
        return None
    if fig.unit in MONEY_UNITS and MONEY_HEAD_RE.search(p.text, max(spot.clause_start, mention.start - 30), mention.start):
        return None  # `doanh thu vận tải hành khách 619 tỷ đồng`: the money of the activity named, no misfit
    if PLACE_BEFORE_RE.search(p.text, max(spot.clause_start, mention.start - 20), mention.start):
        return None
    return Reading(ind.id, fig.unit, 1.0, "", Evidence.CLAUSE,
                   f"`{mention.text}` right before the figure, whose unit does not fit it")


# A share's words: `chiếm` right before the percentage, `tỷ trọng`, `cơ cấu` near the name.
SHARE_BEFORE_RE = re.compile(r"(?<![\w])chiếm(?:\s+(?:tỷ lệ|khoảng|gần|hơn|trên))?\s*$", re.I)
SHARE_NOUN_RE = re.compile(r"(?<![\w])(?:tỷ trọng|tỉ trọng|cơ cấu)(?![\w])", re.I)
CHANGE_WORD_RE = re.compile(r"(?<![\w])(?:tăng|giảm|tốc độ)(?![\w])", re.I)


def _share_not_growth(cat: Catalog, reading: Reading, text: str, fig: Figure, names: list[Mention]) -> bool:
    """`chiếm 21,6% tổng thu ngân sách`, `(tỷ trọng trong tổng kim ngạch xuất khẩu): Trung Quốc
    31,8%`: a percentage said to be a share of the thing named is no growth of it, though
    the growth indicator shares the thing's name."""
    ind = cat.indicators.get(reading.indicator)
    if ind is None or not ind.level or ind.unit != "percent" or fig.unit != "percent":
        return False
    if SHARE_BEFORE_RE.search(text, max(0, fig.start - 25), fig.start):
        return True
    mention = next((m for m in names if reading.indicator in m.keys), None)
    if mention is None or mention.start > fig.start:
        return False
    return bool(SHARE_NOUN_RE.search(text, max(0, mention.start - 30), fig.start)) \
        and not CHANGE_WORD_RE.search(text, mention.end, fig.start)


def _kind_follows(p: Passage, fig: Figure) -> bool:
    """`Trong đó, 5.000 tỷ đồng thu từ đất`: words of its own right after a figure name what
    it counts (a proper name, `đặc khu Trường Sa`, names one item)."""
    tail = re.split(r"[,;.:()]|\svà\s", p.text[fig.end:fig.end + 60])[0]
    return any(w.lower() not in p.cues.not_a_head and not w.istitle() for w in re.findall(r"[^\W\d_]+", tail))


def _item_words(p: Passage, fig: Figure) -> bool:
    """Whether a list item has words of its own: a noun right after it (`18,5% lực lượng lao
    động`) or a subject of its own since the last comma (`bảo hiểm thất nghiệp đạt 11,2%`)."""
    lead = max(p.text.rfind(",", 0, fig.start), p.text.rfind(";", 0, fig.start)) + 1
    return _kind_follows(p, fig) or _own_words(p, lead, fig.start)


def _own_words(p: Passage, start: int, end: int) -> bool:
    """Whether `text[start:end]` holds a word of its own (an indicator's name is one: `thuế
    sản phẩm tăng 11,66%`): not a province, a period, a cue of role or share, or a
    syllable that opens no head (`đạt`, `so với`, `cũ`)."""
    words = [w for w in re.finditer(r"[^\W\d_]+", p.text[start:end]) if w.group(0).lower() not in p.cues.not_a_head]
    if not words:
        return False
    spans = [(m.start, m.end) for m, _, _ in p.entities] + [(q.start, q.end) for q in p.periods]
    spans += [(m.start, m.end) for m in (*p.targets, *p.shares, *p.several)]
    return any(not any(a <= start + w.start() and start + w.end() <= b for a, b in spans) for w in words)


def _heads_next(text: str, spot: Spot, m: Mention) -> bool:
    """`thu theo phân cấp 47.905 tỷ đồng và thu bổ sung 2.612 tỷ đồng`: a name after `và`
    that runs straight into the next figure is that figure's, not the one before it."""
    return bool(JOINED_RE.search(text, spot.number_end, m.start)) and spot.next_figure_start < len(text) \
        and bool(NAME_TO_FIGURE_RE.match(text[m.end:spot.next_figure_start]))


def _named(cat: Catalog, fig: Figure, spot: Spot, trailing: list[Mention], preceding: list[Mention],
           context, subject: bool) -> Reading:
    """The indicator named after the figure or before it, with where the name stands."""
    reading, mention = pick_indicator(cat, fig, trailing + preceding, context)
    if mention is None:
        return reading
    if mention in trailing:
        reason = f"`{mention.text}`: the noun the share is of" if subject else f"`{mention.text}` after the figure"
        return reading.told(Evidence.CLAUSE, reason)
    if spot.in_clause(mention.start):
        evidence = Evidence.CLAUSE
    elif mention.start >= spot.sentence_start:
        evidence = Evidence.SENTENCE
    else:
        evidence = Evidence.BLOCK
    return reading.told(evidence, f"`{mention.text}` before the figure")


def share_trailing_names(results: list[Resolved], text: str = "", breakdown_lead: re.Pattern | None = None,
                         names: list[Mention] = (), own_noun=None, grades: list[int] = ()) -> None:
    """`Hải Dương có 161 xã, Hải Phòng (cũ) có 55 xã đạt chuẩn nông thôn mới`: counts of
    one noun listed in a row share the name written after the last of them: the first named
    one after it in the run of its sentence and unit, found for all in one pass from the end
    (settling one changes none after it).  A run ends at a breakdown's lead followed by the
    name of the figure after it (`Ngân sách cấp xã 7.450 tỷ đồng; trong đó chi thường xuyên
    5.120 tỷ đồng`: a total is not the part named in its breakdown).  A change (`tăng 1,9%`)
    takes no level's name, nor a share with words of its own (`own_noun`: `18,5% lực lượng
    lao động`, `bảo hiểm thất nghiệp đạt 11,2%`), nor a count graded in its own words
    (`grades`, where each grade starts: `421 sản phẩm 3 sao, 86 sản phẩm 4 sao và 5 sản phẩm
    5 sao`: each item counts a kind of its own)."""
    def graded(a: Resolved) -> bool:
        k = bisect_left(grades, a.figure.end)
        return k < len(grades) and grades[k] - a.figure.end <= 30 \
            and not GRADE_GAP_RE.search(text, a.figure.end, grades[k])

    def breaks_down(a: Resolved, b: Resolved) -> bool:
        if b.indicator is None or breakdown_lead is None:
            return False
        for m in breakdown_lead.finditer(text, a.figure.end, b.figure.start):
            at = m.end() - len(m.group(0).lstrip())
            # (`9,15 triệu lượt khách, trong đó 1,45 triệu lượt khách quốc tế`: the part's name
            # after it is the part's alone, as much as one before it)
            if (at == 0 or not text[at - 1].isalnum()) and any(
                    m.end() <= n.start and b.indicator in n.keys and (
                        n.end <= b.figure.start or TRAIL_GAP_RE.match(text[b.figure.end:n.start]))
                    for n in names):
                return True
        return False

    named_from: list[Resolved | None] = [None] * (len(results) + 1)  # the first named one from i on, in i's run
    for i in range(len(results) - 1, -1, -1):
        r, nxt = results[i], results[i + 1] if i + 1 < len(results) else None
        same_run = nxt is not None and nxt.sentence == r.sentence and nxt.figure.unit == r.figure.unit \
            and not breaks_down(r, nxt) and not graded(r)
        named_from[i] = r if r.indicator is not None else named_from[i + 1] if same_run else None
    for i, r in enumerate(results):
        if r.indicator is not None or r.figure.unit is None or r.figure.kind not in STAT_KINDS:
            continue
        nxt = results[i + 1] if i + 1 < len(results) else None
        later = named_from[i + 1] if nxt is not None and nxt.sentence == r.sentence \
            and nxt.figure.unit == r.figure.unit and not breaks_down(r, nxt) and not graded(r) else None
        if later is not None and (_led_by_change(text, r.figure) and not _led_by_change(text, later.figure)
                                  or r.figure.unit == "percent" and own_noun is not None and own_noun(r.figure)):
            # `cho 31.500 lao động, tăng 1,9% so với năm 2025; tỷ lệ lao động qua đào tạo đạt
            # 66,5%`: a change is not the level named after it
            later = None
        if later is not None:
            r.settle("indicator", Resolution(later.indicator, Evidence.SENTENCE, "named after the list it stands in"))
            r.unit, r.scope = later.unit, r.scope or later.scope
            r.notes.append("named after the list it stands in")
