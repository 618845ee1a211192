"""Kind `part_whole`: totals equal the sum of their parts."""

from __future__ import annotations

import enum
import functools
import math
import re
from itertools import chain
from dataclasses import dataclass
from typing import Iterator

from checker import messages as m
from checker.i18n import N_
from checker.catalog import nested
from checker.interval import Interval
from checker.kinds.base import (KEY, NOT_APPLICABLE, PASS, Context, Results, consensus, fail, finding, group_records,
                                 pick_suspect, stat_records)
from checker.kinds.params import EntityId, IndicatorId
from checker.records import Evidence


# Numbered rows that fall short of their parent by more than this share of it list only some
# of its lines (`II Chi thường xuyên 13.600`, `1 giáo dục 5.100`, `2 y tế 1.700`, with no
# `Trong đó`): a slip in a complete list moves its sum by far less.
SHORT_OF_ALL = 0.1


class PartWholeMode(str, enum.Enum):
    MERGED = "merged"  # a merged province's total against its former provinces'
    BREAKDOWN = "breakdown"  # a figure against its bracketed list of parts
    TABLE = "table"  # a table row against the rows under it (`A`, `I`, `1`, `Tổng số`)


@dataclass(frozen=True)
class PartWholeParams:
    mode: PartWholeMode = PartWholeMode.MERGED
    indicators: tuple[IndicatorId, ...] = ()  # only these indicators (all when empty)
    entities: tuple[EntityId, ...] = ()  # only these merged provinces (all when empty)


def entity_values(group: list[dict]) -> dict[str, tuple[Interval, list]]:
    """One agreed interval per entity; entities whose statements disagree are left out
    (the same-value rule reports them)."""
    by_entity: dict[str, list[dict]] = {}
    for rec in group:
        by_entity.setdefault(rec["entity"], []).append(rec)
    out = {}
    for ent in sorted(by_entity):
        rows = by_entity[ent]
        ivs = [r["interval"] for r in rows]
        best, _ = consensus(ivs)
        if len(best) != len(ivs):
            continue
        out[ent] = (agreed_interval(ivs), rows)
    return out


def agreed_interval(intervals: list[Interval]) -> Interval:
    """What statements that all overlap agree on: the intersection of their intervals."""
    agreed = intervals[0]
    for iv in intervals[1:]:
        agreed = agreed.intersection(iv)
    return agreed


def merged_provinces(ctx: Context, aggregation: str, only: set[str], entities: set[str] | None = None):
    """For each indicator × period × role × scope group: each merged province stated in it,
    with the agreed value of every entity in the group.  Yields (key, province, values).
    Shares (`chiếm 8%`, `đạt 40% kế hoạch`) are left out: they neither add up nor average."""
    catalog = ctx.catalog
    for key, values in ctx.once(("merged_groups", aggregation), lambda c: _merged_groups(c, aggregation)):
        if only and key[0] not in only:  # (a group's key opens with its indicator)
            continue
        for ent in sorted(values):
            entity = catalog.entities.get(ent)
            if entity is not None and entity.formers and (not entities or ent in entities):
                yield key, entity, values


def _merged_groups(ctx: Context, aggregation: str) -> list[tuple[tuple, dict]]:
    """The groups of `merged_provinces` with their entities' agreed values, made once a run
    for all the rules that read them: only those where a merged province is stated."""
    catalog = ctx.catalog
    rows = [r for r in stat_records(ctx, ("indicator", "entity", "period", "role"))
            if (r["part_of"] is None or table_part(ctx, r) or own_indicator(ctx, r)) and r["role"] in ("actual", "target") and not r["measure"]
            and catalog.indicators[r["indicator"]].aggregation == aggregation]
    group_key = [k for k in KEY if k != "entity"]
    out = []
    for key, group in group_records(rows, group_key):
        if any(getattr(catalog.entities.get(r["entity"]), "formers", None) for r in group):
            out.append((key, entity_values(group)))
    return out


# A row whose cells are no totals of counts, whatever its unit: a mean, a rate, a share, per something.
NOT_SUMMED_LABEL_RE = re.compile(r"bình quân|trung bình|tỷ lệ|tỉ lệ|/|trên\s+\d|mỗi|\bbq\b", re.I)


def unnamed_rows(ctx: Context, entities: set[str] | None = None):
    """`Tổ chức đảng được kiểm tra | lượt | 4.317 | 1.245 | 1.680 | 1.392`, `Vay trong năm |
    120,0 | 45,2 | 68,4 | 113,6` under `Đơn vị: tỷ đồng`: a table row no catalog indicator
    names, counted in a count noun or an amount (money, tonnes, hectares), whose columns are
    a merged province and its former provinces: the row's own structure says the cells add
    up.  Keyed as merged_provinces' groups, the row's label standing for the indicator."""
    units = ctx.catalog.units
    rows = [r for r in stat_records(ctx, ("entity", "period", "role", "unit", "row_label"))
            if r["indicator"] is None and r["block"] == "table_row" and additive_unit(units, r["unit"])
            and r["role"] in ("actual", "target") and not r["measure"] and r["part_of"] is None
            and not NOT_SUMMED_LABEL_RE.search(r["row_label"])]
    for (label, period, role, _, _, _), group in group_records(rows, ["row_label", "period", "role", "unit", "path",
                                                                      "line"]):
        values = entity_values(group)
        for ent in sorted(values):
            entity = ctx.catalog.entities.get(ent)
            if entity is not None and entity.formers and (not entities or ent in entities):
                yield (label, period, role), entity, values


def table_part(ctx: Context, part: dict) -> bool:
    """A cell listed under another row of its table: a fact of its own as much as a part."""
    if part["part_of"] is None or part["block"] != "table_row":
        return False
    total = ctx.by_id.get(int(part["part_of"]))
    return total is not None and total["block"] == "table_row" and total["line"] != part["line"]


def own_indicator(ctx: Context, part: dict) -> bool:
    """`đón 21,6 triệu lượt khách, trong đó 2,45 triệu lượt khách quốc tế`: a part whose own
    clause names another indicator than its total's is a fact of its own (a merged total)."""
    total = ctx.by_id.get(int(part["part_of"]))
    return (total is not None and part["indicator"] != total["indicator"]
            and Evidence(part["indicator_evidence"]).at_least(Evidence.CLAUSE))


class PartWhole:
    """What it does: checks that a total equals the sum of its parts, in three forms:
    `merged` — a merged province's additive figure (a count, an amount) equals the sum
    of its former provinces' figures for the same indicator, period and role;
    `breakdown` — a figure followed by a bracketed list of parts (`905 đảng viên (khiển
    trách 757, cảnh cáo 112, cách chức 12, khai trừ 24)`) equals their sum.  A list
    that ends in `…` only bounds its total: the parts may not exceed it;
    `table` — a table row (`A`, `I`, `1`, or an unnumbered `Tổng số` on top) equals, column
    by column, the sum of the rows numbered under it (`1, 2, 3` under `I`), when every one
    of them is in the parent's unit, province, period and role; rows that may be only some
    of its parts (under `Trong đó`, unnumbered, bulleted, or narrowing its name) only bound
    it. A table with no numbering column, a row whose place is unclear, a row that is no
    part (`Tỷ lệ`, `Chi từ nguồn`) or a negative cell: not applicable.

    Why it matters: after a merger every total has two figures behind it, often written
    in a footnote far from the total; one edited without the other breaks the sum.

    Example: `575 sản phẩm OCOP` for the merged province with `330` and `245` for the
    former provinces passes; `13.044 doanh nghiệp` against parts that add to 13.050 fails.
    """

    Params = PartWholeParams
    fields = {"subject", "indicator", "entity", "period", "role", "total", "parts", "sum", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        modes = {PartWholeMode.MERGED: self._merged, PartWholeMode.BREAKDOWN: self._breakdown,
                 PartWholeMode.TABLE: self._breakdown}
        return modes[rule.params.mode](rule, ctx)

    def _merged(self, rule, ctx) -> Results:
        params = rule.params
        groups = merged_provinces(ctx, "additive", set(params.indicators), set(params.entities))
        if not params.indicators:
            groups = chain(groups, unnamed_rows(ctx, set(params.entities)))
        for key, entity, values in groups:
            ent = entity.id
            if not all(f in values for f in entity.formers):
                yield NOT_APPLICABLE
                continue
            total, total_rows = values[ent]
            parts = [values[f] for f in entity.formers]
            summed = parts[0][0]
            for iv, _ in parts[1:]:
                summed = summed + iv
            if summed.overlaps(total):
                yield PASS
                continue
            figs = [total_rows[0]] + [p[1][0] for p in parts]
            suspect = pick_suspect([int(r["id"]) for r in figs], ctx)
            summed_q = m.quantity(summed, like=figs[0])
            args = {"subject": m.subject(key[0], ent, key[1], key[2]), "indicator": m.indicator(key[0]),
                    "entity": m.entity(ent), "period": m.period(key[1]), "role": m.role(key[2]),
                    "total": m.fig(0), "parts": m.figs(range(1, len(figs)), "+"), "sum": summed_q, "expected": summed_q}
            imbalance = total.mid - summed.mid if total.bounded and summed.bounded else None
            yield fail(finding(rule, figs, suspect, args, imbalance, N_("{parts} = {sum}, stated {total}")))

    def _breakdown(self, rule, ctx) -> Results:
        in_table = rule.params.mode is PartWholeMode.TABLE
        for total, items, combine in breakdowns(ctx):
            if table_part(ctx, items[0]) != in_table:
                continue
            if in_table and not _table_fits(total, items, ctx.catalog):
                yield NOT_APPLICABLE
                continue
            if combine != "sum":
                yield NOT_APPLICABLE  # a rate's parts do not add up to it: BT03 checks them
                continue
            total_iv = total["interval"]
            summed = None
            for r in items:
                iv = part_interval(total, r)
                summed = iv if summed is None else summed + iv
            # (every year of a term's total, once each, is all of it, even after `trong đó`)
            bounded = any(r["part_bound"] for r in items) and not years_of_span(total, items)
            if in_table and not bounded and summed.hi < total_iv.lo - SHORT_OF_ALL * total_iv.mid:
                yield NOT_APPLICABLE  # numbered lines far short of their row: the notable ones only
                continue
            ok = summed.lo <= total_iv.hi if bounded else summed.overlaps(total_iv)
            if ok:
                yield PASS
                continue
            rows = [total] + items
            suspect = pick_suspect([int(r["id"]) for r in rows], ctx)
            summed_q = m.quantity(summed, like=total)
            expected = (m.quantity(Interval(summed.lo, float("inf")), like=total) if bounded else summed_q)
            args = {"subject": m.subject(total["indicator"], total["entity"], total["period"], total["role"]),
                    "indicator": m.indicator(total["indicator"]), "entity": m.entity(total["entity"]),
                    "period": m.period(total["period"]), "role": m.role(total["role"]), "total": m.fig(0),
                    "parts": m.figs(range(1, len(rows)), "+"), "sum": summed_q, "expected": expected}
            imbalance = total_iv.mid - summed.mid if total_iv.bounded else None
            yield fail(finding(rule, rows, suspect, args, imbalance, N_("{parts} = {sum}, stated {total}")))


def breakdowns(ctx: Context) -> Iterator[tuple[dict, list[dict], str | None]]:
    """Each total with the figures listed as its parts, and how they combine into it:
    `sum` (counts and amounts), `mean` (rates, shares, per-head values) or None (a part
    that is not one: another unit, measure or period; or nothing says how)."""
    groups: dict[int, list[dict]] = {}
    for r in ctx.records:
        if r["part_of"] is not None:
            groups.setdefault(int(r["part_of"]), []).append(r)
    for total_id in sorted(groups):
        total, items = ctx.by_id[total_id], groups[total_id]
        if total["lo"] is None or any(r["lo"] is None for r in items):
            yield total, items, None
            continue
        if all(r["measure"] == "contribution" for r in items):
            # the sectors' contributions in points to a growth rate add up to it
            combine = "sum" if total["unit"] == "percent" and not total["measure"] else None
            yield total, items, combine
            continue
        combine = combination(total, ctx.catalog)
        if combine == "sum" and years_of_span(total, items):
            yield total, items, combine
            continue
        if combine is not None and not all(_part_fits(total, r, ctx.catalog.units) for r in items):
            combine = None
        if combine is not None and nested(ctx.catalog.indicators, (r["indicator"] for r in items
                                                                   if r["indicator"] != total["indicator"])):
            # `trong đó chi thường xuyên A, chi sự nghiệp giáo dục B`: B is part of A, no sibling
            # (a line that is the total's own kind, `các khoản thu nội địa còn lại`, nests nothing)
            combine = None
        yield total, items, combine


SPAN_RE = re.compile(r"(\d{4})-(\d{4})")
YEAR_RE = re.compile(r"\d{4}")


def years_of_span(total: dict, items: list[dict]) -> bool:
    """`giai đoạn 2021-2025 đạt 60.000 tỷ đồng, trong đó: năm 2021 đạt 10.000 tỷ đồng, …`: a
    term's total listed with one figure for each of its years, every year once, in its unit
    and measure, is their sum (a list missing a year, or a year twice, is not said to be)."""
    span = SPAN_RE.fullmatch(total["period"] or "")
    if span is None or not all(YEAR_RE.fullmatch(r["period"] or "") for r in items):
        return False
    years = sorted(int(r["period"]) for r in items)
    return years == list(range(int(span.group(1)), int(span.group(2)) + 1)) and len(years) > 1 \
        and all(r["measure"] == total["measure"] and r["unit"] in (None, total["unit"]) and r["role"] == total["role"]
                for r in items)


def _table_fits(total: dict, items: list[dict], catalog) -> bool:
    """Rows under a table row add up to it only in its unit, province, period and role, none
    negative (a deficit row is no part).  Rows of provinces under a country's total: whether
    the list is all the total holds is not said (PW01 checks a merged province's); but rows
    of every former province of the merged province the total is (`A | Tỉnh X (cũ)`, `B |
    Tỉnh Y (cũ)`, `| Toàn tỉnh |`) are all of it, whatever they measure."""
    rows = [total] + items
    entity = total["entity"]
    merged = catalog.entities.get(entity) if entity else None
    formers = set(merged.formers) if merged is not None and merged.formers else set()
    by_formers = bool(formers) and all(r["entity"] in formers for r in items) \
        and {r["entity"] for r in items} == formers and len(items) == len(formers)
    return (total["unit"] is not None and (by_formers or all(r["entity"] == entity for r in items))
            and all(r["unit"] == total["unit"] and r["period"] == total["period"] and r["role"] == total["role"]
                    and r["lo"] is not None and r["interval"].lo >= 0 for r in rows))


def part_interval(total: dict, part: dict) -> Interval:
    """A part's interval in the total's terms: a bare number listed after `12,0 bác sĩ/vạn
    dân` or `1.386,5 nghìn tấn` is written in the total's unit, scale word included."""
    iv = part["interval"]
    if part["unit_text"] or not total["unit_text"] or not total["value"] or not part["value"]:
        return iv
    written = float(part["value"])
    if iv.lo != written and iv.hi != written and not (iv.lo < written < iv.hi):
        return iv  # already scaled by the resolver
    scale = 10 ** round(math.log10(abs(total["interval"].mid / float(total["value"])))) \
        if total["interval"].bounded else 1
    return iv.scaled(scale) if scale != 1 else iv


def combination(rec: dict, catalog) -> str | None:
    """How parts combine into this figure: the catalog's aggregation of its indicator, or
    for an uncatalogued figure what its unit measures.  A share or a change is neither."""
    if rec["measure"]:
        return None
    units, unit = catalog.units, rec["unit"]
    ind = catalog.indicators.get(rec["indicator"]) if rec["indicator"] else None
    if ind is not None:
        if ind.aggregation == "additive":
            return None if rate_unit(units, unit) else "sum"
        return "mean" if ind.aggregation == "weighted_mean" else None
    if _averaged(rec, catalog):
        return "mean"  # (`diện tích nhà ở bình quân đầu người 30,9 m²`: the parts' mean, whatever the unit)
    if additive_unit(units, unit):
        return "sum"
    return "mean" if rate_unit(units, unit) else None


def _averaged(rec: dict, catalog) -> bool:
    """Whether an uncatalogued figure's own words (its head) call it an average."""
    return bool(rec.get("head")) and _average_words(
        tuple(catalog.cues.get("resolve_relation", {}).get("average", ()))).search(rec["head"]) is not None


@functools.lru_cache(maxsize=4)
def _average_words(words: tuple[str, ...]) -> re.Pattern:
    """The cue words of an average as one pattern, compiled once per catalog's list."""
    alternatives = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.I)


def additive_unit(units, unit: str | None) -> bool:
    """A count (`đảng viên`, `xã`) or an amount (`tỷ đồng`, `tấn`, `ha`), also per year
    (`đảng viên/năm`): one base dimension that is not a rate's own (points, age, speed)."""
    if unit is None:
        return False
    amount, per = _per_time(unit)
    if per is None:
        return False
    if amount in units.count_units:
        return True
    dims = _dimension(units, amount)
    return bool(dims) and all(power > 0 for _, power in dims) and not set(d for d, _ in dims) & NOT_AMOUNTS


def rate_unit(units, unit: str | None) -> bool:
    """%, %/năm, điểm %, lần, an index, per head or per 10.000 people: never summed."""
    if unit is None:
        return False
    amount, per = _per_time(unit)
    if per is None:
        return True  # per head, per hectare, per 10.000 people
    dims = _dimension(units, amount)
    return dims is not None and (not dims or dict(dims) == {"percentage_point": 1})


def _per_time(unit: str) -> tuple[str, str | None]:
    """`dang_vien / year` → (`dang_vien`, `year`); `dong / nguoi` → (`dong`, None): what a
    unit counts, and whether it is counted per nothing or per a span of time only."""
    amount, *per = [p.strip() for p in unit.split("/")]
    if any(p not in PER_TIME for p in per):
        return amount, None
    return amount, "/".join(per)


PER_TIME = {"year", "month", "day"}
# Dimensions of units that measure a level, not an amount: adding two ages makes no sense.
NOT_AMOUNTS = {"percentage_point", "age", "data_rate"}


def _dimension(units, unit: str):
    try:
        return units.dimensionality(unit)
    except Exception:  # a unit the registry does not know: nothing can be said of it
        return None


def _part_fits(total: dict, part: dict, units) -> bool:
    """A part is in the total's unit (or none, lent by the total), of its measure, and of
    its period unless the period was only inferred for one of them (`quý I tăng 7,56%`
    under a half-year's rate is another period, not a part)."""
    if part["measure"] != total["measure"]:
        return False
    if part["unit"] is not None and part["unit"] != total["unit"]:
        counted = part["unit"] in units.count_units and total["unit"] in units.count_units
        if not counted:
            return False
    if part["period"] and total["period"] and part["period"] != total["period"]:
        return not Evidence(part["period_evidence"]).at_least(Evidence.CLAUSE)
    return True
