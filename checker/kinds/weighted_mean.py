"""Kind `weighted_mean`: a merged province's rate is its former provinces' rates, weighted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Result, Results, fail, finding, pick_suspect
from checker.kinds.params import Role, EntityId, IndicatorId
from checker.kinds.part_whole import merged_provinces

WEIGHT_INDICATORS = {"population": "population", "area": "area"}
# Weights that do not change from year to year (a province's area): any year's will do.
FIXED_WEIGHTS = {"area"}
# How far a weight of another year may have moved, relative, for each year between: the
# parts' shares of a population or an output drift apart by a few percent a year at most.
DRIFT_PER_YEAR = 0.03


@dataclass(frozen=True)
class WeightedMeanParams:
    indicators: tuple[IndicatorId, ...] = ()  # only these indicators (all when empty)
    entities: tuple[EntityId, ...] = ()  # only these merged provinces (all when empty)
    roles: tuple[Role, ...] = (Role.ACTUAL, Role.TARGET)  # the roles whose merged figures are reckoned


class WeightedMean:
    """What it does: for an indicator that combines across provinces as a weighted mean,
    takes the weight the catalog names (population, area, GRDP or another indicator) from
    the facts for every former province, computes the weighted mean of their values with
    interval arithmetic, and checks the merged province's figure against it.  Where a
    weight is missing the rule does not apply; `between` still checks the bounds.

    Why it matters: a merged figure inside the range of its parts can still be wrong; with
    the weights stated in the same report, it can be recomputed.

    Example: forest cover 46% over 3.521 km² and 72,9% over 4.860 km² give about 61,6%
    for the merged province; a stated 66% fails.
    """

    Params = WeightedMeanParams
    fields = {"subject", "indicator", "entity", "period", "role", "value", "expected", "weights"}

    def run(self, rule, ctx: Context) -> Results:
        cat = ctx.catalog
        weights_by_ind: dict[str, list[dict]] = {}
        for r in ctx.records:
            if r["indicator"] and r["lo"] is not None and r["role"] == "actual" and not r["scope"] \
                    and not r["measure"] and r["kind"] in ("statistic", "range"):
                weights_by_ind.setdefault(r["indicator"], []).append(r)
        for key, entity, values in merged_provinces(ctx, "weighted_mean", set(rule.params.indicators),
                                                    set(rule.params.entities)):
            if key[2] not in {r.value for r in rule.params.roles}:
                continue  # (the key: indicator, period, role, …)
            ind = cat.indicators[key[0]]
            weight_ind = WEIGHT_INDICATORS.get(ind.weight or "", ind.weight)
            if any(f not in values for f in entity.formers) or weight_ind not in cat.indicators:
                yield NOT_APPLICABLE
                continue
            weights = {}
            for f in entity.formers:
                candidates = [w for w in weights_by_ind.get(weight_ind, []) if w["entity"] == f]
                if not candidates:
                    break
                # The weight of the same period if stated, else the latest one stated.
                same = [w for w in candidates if w["period"] == key[1]]
                weights[f] = max(same or candidates, key=lambda w: (w["period"] or "", w["line"]))
            if len(weights) != len(entity.formers):
                yield NOT_APPLICABLE
                continue
            drift = 0.0 if weight_ind in FIXED_WEIGHTS else DRIFT_PER_YEAR
            yield self._check(rule, ctx, key, entity, values, weights,
                              {f: drift * _years_apart(w["period"], key[1]) for f, w in weights.items()})

    @staticmethod
    def _check(rule, ctx: Context, key: tuple, entity, values: dict, weights: dict[str, dict],
               drift: dict[str, float]) -> Result:
        """The merged province's value against its former provinces' values, weighted (a
        weight of another year than the value's known only within its `drift`)."""
        spans = [weights[f]["interval"] * Interval(1 - drift[f], 1 + drift[f]) if drift[f] else weights[f]["interval"]
                 for f in entity.formers]
        expected = _weighted_bounds(spans, [values[f][0] for f in entity.formers])
        merged, merged_rows = values[entity.id]
        if merged.overlaps(expected):
            return PASS
        rows = [merged_rows[0]] + [values[f][1][0] for f in entity.formers] + [weights[f] for f in entity.formers]
        ids = [int(r["id"]) for r in rows]
        n = len(entity.formers)
        args = {"subject": m.subject(key[0], entity.id, key[1], key[2]), "indicator": m.indicator(key[0]),
                "entity": m.entity(entity.id), "period": m.period(key[1]), "role": m.role(key[2]), "value": m.fig(0),
                "expected": m.quantity(expected, like=merged_rows[0], digits=max(m.written_digits(merged_rows[0]["text"]), 1)),
                "weights": m.items([m.items([m.entity(f), m.fig(1 + i), "×", m.fig(1 + n + i)], " ")
                                    for i, f in enumerate(entity.formers)])}
        imbalance = merged.mid - expected.mid if merged.bounded and expected.bounded else None
        suspect = pick_suspect(ids, ctx, list(range(1 + n)))
        return fail(finding(rule, rows, suspect, args, imbalance,
                            N_("({weights}) / total weight = {expected}, stated {value}")))


def _years_apart(weight: str | None, value: str | None) -> int:
    """The years between a weight's period and the value's: none where the weight's year
    lies in the value's (`2025` in `2021-2025`) or either is not stated in years."""
    years = [int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", value or "")]
    found = re.match(r"(\d{4})(?!\d)", weight or "")
    if not years or found is None:
        return 0
    year = int(found.group(1))
    first, last = min(years), max(years)
    return first - year if year < first else year - last if year > last else 0


def _weighted_bounds(weights: list[Interval], values: list[Interval]) -> Interval:
    """Every weighted mean the weights and values allow.  The mean rises with each value
    and is monotone in each weight, so its bounds lie at the weights' ends; dividing one sum
    of intervals by another would let one weight be large above the line and small below."""
    if any(w.lo <= 0 for w in weights):
        total, weighted = weights[0], weights[0] * values[0]
        for w, v in zip(weights[1:], values[1:]):
            total, weighted = total + w, weighted + w * v
        return weighted / total
    lo = hi = None
    for ends in product(*((w.lo, w.hi) for w in weights)):
        total = sum(ends)
        low = sum(e * v.lo for e, v in zip(ends, values)) / total
        high = sum(e * v.hi for e, v in zip(ends, values)) / total
        lo, hi = (low, high) if lo is None else (min(lo, low), max(hi, high))
    return Interval(lo, hi)
