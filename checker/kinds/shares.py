"""Kind `shares`: the parts of a structure add up to 100% within their stated precision."""

from __future__ import annotations

from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Results, blame, consensus, fail
from checker.kinds.params import IndicatorId
from checker.kinds.part_whole import agreed_interval


@dataclass(frozen=True)
class SharesParams:
    structures: tuple[tuple[IndicatorId, ...], ...] = ()  # each a list of share indicators making a whole
    # Shares a list may leave out (taxes on products beside three sectors): a structure that
    # is another one short of these may be incomplete, and then only bounds the whole.
    may_omit: tuple[IndicatorId, ...] = ()


class Shares:
    """What it does: for each structure named in the rule (a list of share indicators that
    together make a whole, such as the economy by sector), takes the value of every part
    for one province, period and role, and checks that the parts can add up to 100%.  A
    structure is checked only when all its parts are stated, and not when a larger
    structure that contains it is stated too (services without taxes is part of a four-way
    split, not a whole).  A list that may have left out a part the rule names in `may_omit`
    (three sectors without the taxes on products) only bounds the whole: it fails above 100%.

    Why it matters: a structure is usually rounded by hand after one part changes.

    Example: `Công nghiệp, xây dựng 54,6%; dịch vụ và thuế sản phẩm 36,5%; nông, lâm
    nghiệp, thủy sản 8,9%` passes: [99,85; 100,15] contains 100.  With 9,9% for the last
    part it fails.
    """

    Params = SharesParams
    fields = {"structure", "entity", "period", "role", "parts", "sum", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        structures = rule.params.structures
        wanted = {ind for s in structures for ind in s}
        groups: dict[tuple, dict[str, list[dict]]] = {}
        for r in ctx.records:
            if r["indicator"] in wanted and r["unit"] == "percent" and r["lo"] is not None \
                    and r["measure"] not in ("plan_share", "plan_excess", "plan_shortfall") \
                    and r["entity"] and r["period"] and r["role"] in ("actual", "target") and not r["scope"]:
                key = (r["entity"], r["period"], r["role"])
                groups.setdefault(key, {}).setdefault(r["indicator"], []).append(r)
        for key in sorted(groups):
            parts = groups[key]
            agreed: dict[str, tuple[Interval, dict]] = {}
            for ind, rows in parts.items():
                ivs = [r["interval"] for r in rows]
                best, _ = consensus(ivs)
                if len(best) == len(ivs):
                    agreed[ind] = (agreed_interval(ivs), rows[0])
            present = [s for s in structures if all(ind in agreed for ind in s)]
            for s in present:
                if any(set(s) < set(other) for other in present):
                    continue
                total = agreed[s[0]][0]
                for ind in s[1:]:
                    total = total + agreed[ind][0]
                if total.lo <= 100 <= total.hi:
                    yield PASS
                    continue
                if total.hi < 100 and _may_be_short(s, structures, rule.params.may_omit):
                    yield NOT_APPLICABLE  # (three sectors without the taxes: not all of the whole)
                    continue
                rows = [agreed[ind][1] for ind in s]
                args = {"structure": m.items([m.indicator(i) for i in s], "; "), "entity": m.entity(key[0]),
                        "period": m.period(key[1]), "role": m.role(key[2]), "parts": m.figs(range(len(rows)), "+"),
                        "sum": m.quantity(total, unit="%", digits=1, extra=1), "expected": "100%"}
                yield fail(blame(rule, ctx, rows, args, total.mid - 100,
                                 N_("{parts} = {sum}, which does not contain 100%")))


def _may_be_short(structure, structures, may_omit) -> bool:
    """The structure with a share a list may leave out is another structure of the rule."""
    return any(set(other) - set(structure) and set(other) - set(structure) <= set(may_omit)
               and set(structure) < set(other) for other in structures)
