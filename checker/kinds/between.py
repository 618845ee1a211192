"""Kind `between`: a merged province's rate lies between its former provinces' rates."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Results, fail, finding, pick_suspect
from checker.kinds.params import EntityId, IndicatorId
from checker.kinds.part_whole import breakdowns, merged_provinces, part_interval


# `equals_one`: a mean written to its precision may equal one former province's value while
# the others weigh a little (`khoảng 7,6%` beside 7,6% and 7,9%: up to a fifth of the weight);
# it reads as a copy only when the others could weigh less than this share of the whole.
WEIGHT_FLOOR = 0.1


class BetweenMode(str, enum.Enum):
    RANGE = "range"  # the merged value lies within its former provinces' values
    EQUALS_ONE = "equals_one"  # ...and does not equal one of them while the others differ
    BREAKDOWN = "breakdown"  # a rate lies within the rates of its former provinces listed after it


@dataclass(frozen=True)
class BetweenParams:
    mode: BetweenMode = BetweenMode.RANGE
    indicators: tuple[IndicatorId, ...] = ()  # only these indicators (all when empty)
    entities: tuple[EntityId, ...] = ()  # only these merged provinces (all when empty)


class Between:
    """What it does: for an indicator that combines across provinces as a weighted mean
    (a rate, a share, a per-head value), checks the merged province's figure against its
    former provinces' figures for the same period and role.  Mode `range`: it must lie
    within them.  Mode `equals_one`: it must not equal one former province's value while
    the others differ, since every former province has some weight.  Mode `breakdown`:
    a rate listed with the rates of all its former provinces (`95,8% (Bình Định 95,6%;
    Gia Lai 93,1%)`) must lie within them; lists of other parts are not checked.

    Why it matters: a weighted mean cannot leave the range of what it averages; and a
    merged figure identical to one former province's usually means that province's
    figure was copied in as the merged one.

    Example: forest cover `trên 61,6%` for the merged province with `trên 46%` and
    `trên 72,9%` for the former ones passes; a merged GRDP per head of `119 triệu đồng`
    equal to one former province's `119` while the other's is `63` fails `equals_one`.
    """

    Params = BetweenParams
    fields = {"subject", "indicator", "entity", "period", "role", "value", "formers", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        params = rule.params
        if params.mode is BetweenMode.BREAKDOWN:
            yield from self._breakdowns(rule, ctx)
            return
        in_range = params.mode is BetweenMode.RANGE
        for key, entity, values in merged_provinces(ctx, "weighted_mean", set(params.indicators),
                                                    set(params.entities)):
            ent = entity.id
            present = [f for f in entity.formers if f in values]
            if len(present) < 2:
                yield NOT_APPLICABLE
                continue
            merged, merged_rows = values[ent]
            formers = [values[f][0] for f in present]
            hull = formers[0]
            for iv in formers[1:]:
                hull = hull.hull(iv)
            figs = [merged_rows[0]] + [values[f][1][0] for f in present]
            digits = max(m.written_digits(r["text"]) for r in figs)
            if in_range:
                if merged.overlaps(hull):
                    yield PASS
                    continue
                expected = m.quantity(hull, like=figs[0], digits=digits, extra=1)
                why = N_("the former provinces' values span {expected}, stated {value}")
            else:
                equal = [i for i, iv in enumerate(formers) if iv.contains(merged) or merged.contains(iv) and iv.bounded]
                others = [formers[j] for j in range(len(formers)) if j not in equal]
                others_apart = all(not iv.overlaps(merged) for iv in others)
                # With others on both sides (`7,9` and `6,8` around `7,6`) a mean may well fall
                # on the middle one: only an equal extreme leaves the others no weight.
                one_side = all(iv.lo >= merged.hi for iv in others) or all(iv.hi <= merged.lo for iv in others)
                if not (len(equal) == 1 and others_apart and one_side and merged.bounded) \
                        or _weight_left(merged, formers[equal[0]], others) >= WEIGHT_FLOOR:
                    yield PASS
                    continue
                expected = m.quantity(hull, like=figs[0], digits=digits, strict=True, extra=1)
                why = N_("{value} equals {same} of {same_entity}, though the other former province differs")
            ids = [int(r["id"]) for r in figs]
            suspect = pick_suspect(ids, ctx) if in_range else 0
            args = {"subject": m.subject(key[0], ent, key[1], key[2]), "indicator": m.indicator(key[0]),
                    "entity": m.entity(ent), "period": m.period(key[1]), "role": m.role(key[2]),
                    "value": m.fig(0), "expected": expected,
                    "formers": m.items([m.items([m.entity(p), m.fig(i)], " ") for i, p in enumerate(present, 1)])}
            if not in_range:
                args.update(same=m.fig(1 + equal[0]), same_entity=m.entity(present[equal[0]]))
            imbalance = None
            if merged.bounded and hull.bounded:
                imbalance = merged.mid - min(max(merged.mid, hull.lo), hull.hi)
            yield fail(finding(rule, figs, suspect, args, imbalance, why))

    def _breakdowns(self, rule, ctx: Context) -> Results:
        """`tỷ lệ … đạt 95,8% (Bình Định 95,6%; Gia Lai 93,1%)`: a merged province's rate
        listed with every former province's rate must lie within them.  Lists of other
        parts (sectors, quarters, kinds) are not checked: nothing says how they weigh."""
        params = rule.params
        for total, items, combine in breakdowns(ctx):
            # `bằng 5,7% thu … (A cũ 4,9%; B cũ 5,5%)`: each former province's share of its own
            # whole (their mean), or of the merged one (their sum); nothing says which, so only
            # a share that fits neither reading fails
            either = combine is None and _shares_of_formers(total, items)
            merged = _merged_of(ctx, total, items) if combine == "mean" or either else None
            if merged is None or (params.indicators and total["indicator"] not in params.indicators) \
                    or (params.entities and merged not in params.entities):
                yield NOT_APPLICABLE
                continue
            ivs = [part_interval(total, r) for r in items]
            hull = ivs[0]
            for iv in ivs[1:]:
                hull = hull.hull(iv)
            value = total["interval"]
            if value.overlaps(hull) or either and value.overlaps(sum(ivs[1:], ivs[0])):
                yield PASS
                continue
            rows = [total] + items
            args = {"subject": m.subject(total["indicator"], merged, total["period"], total["role"]),
                    "indicator": m.indicator(total["indicator"]), "entity": m.entity(merged),
                    "period": m.period(total["period"]), "role": m.role(total["role"]), "value": m.fig(0),
                    "expected": m.quantity(hull, like=total, digits=max(m.written_digits(r["text"]) for r in rows),
                                           extra=1),
                    "formers": m.items([m.items([m.entity(r["entity"]), m.fig(i)], " ") for i, r in enumerate(items, 1)])}
            imbalance = value.mid - min(max(value.mid, hull.lo), hull.hi) if value.bounded and hull.bounded else None
            suspect = pick_suspect([int(r["id"]) for r in rows], ctx)
            yield fail(finding(rule, rows, suspect, args, imbalance,
                               N_("the former provinces' values span {expected}, stated {value}")))


def _shares_of_formers(total: dict, items: list[dict]) -> bool:
    """A share in percent (`chiếm`, `bằng P% <whole>`) listed with shares in percent, none of
    them a change or a share of plan."""
    return total["measure"] == "share" and total["unit"] == "percent" and total["interval"].bounded \
        and all(r["unit"] == "percent" and r["measure"] in (None, "", "share") and r["interval"].bounded
                for r in items)


def _weight_left(merged, equal, others) -> float:
    """The largest share of weight the `others` may have while the mean stays within the
    merged value's interval, the equal province's value taken at its middle."""
    a = equal.mid
    if all(iv.lo >= merged.hi for iv in others):
        nearest = min(iv.lo for iv in others)
        room, span = merged.hi - a, nearest - a
    else:
        nearest = max(iv.hi for iv in others)
        room, span = a - merged.lo, a - nearest
    return max(room, 0.0) / span if span > 0 else 0.0


def _merged_of(ctx: Context, total: dict, items: list[dict]) -> str | None:
    """The merged province whose former provinces are exactly the parts' entities, one
    part each, when the total is that province or names none; else None."""
    ents = [r["entity"] for r in items]
    if None in ents or len(set(ents)) != len(ents):
        return None
    owners = {getattr(ctx.catalog.entities.get(e), "merged_into", None) for e in ents}
    if len(owners) != 1 or None in owners:
        return None
    merged = ctx.catalog.entities.get(owners.pop())
    if merged is None or set(merged.formers) != set(ents) or total["entity"] not in (None, merged.id):
        return None
    return merged.id
