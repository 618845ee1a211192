"""Kind `plausibility`: a new target is not below what the same report says was already reached."""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Results, fail, finding, last_year
from checker.kinds.evidence import DocumentEntity, defaults_with_formers, strong_enough
from checker.kinds.params import IndicatorId


@dataclass(frozen=True)
class PlausibilityParams:
    # The target's province must be unambiguous: a table row's province read only from the
    # document's default is no evidence where the document gives that period's figures of
    # its former provinces (checker/kinds/evidence.py).
    document_entity: DocumentEntity = DocumentEntity.UNLESS_FORMERS
    # Indicators whose next target is set from this year's plan, not its outturn (a budget
    # estimate, `dự toán`, routinely lies below a year boosted by one-off revenue).
    exempt: tuple[IndicatorId, ...] = ()


class Plausibility:
    """What it does: compares each target for a future year with the results the same
    report gives for the same indicator and province in earlier years.  A target that
    asks for less than was already reached (in the direction the indicator is better) is
    a warning: it may be a typo, an old figure, or a deliberate choice worth a sentence.

    Why it matters: a target copied from the previous term often sits below today's level.

    Only for indicators with a declared direction: a share of the economy's structure
    (industry, services, taxes) may be planned lower than today.  Only for levels (catalog
    `temporal: stock`): a rate of change or a flow made anew each period (jobs created,
    enterprises founded) may be planned below a good year's.

    Example: `Đến năm 2030, tỷ trọng kinh tế số đạt khoảng 35%` after `năm 2024 đạt 35,5%`
    is flagged; `tỷ lệ che phủ rừng từ 60% trở lên` after `trên 61,6%` is not (an open bound
    is a floor to hold, and the level reached holds it), nor is `từ 65% trở lên`.
    """

    Params = PlausibilityParams
    fields = {"subject", "indicator", "entity", "target", "reached", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        cat = ctx.catalog
        recs = [r for r in ctx.records if r["kind"] in ("statistic", "range") and r["lo"] is not None
                and r["indicator"] and r["entity"] and r["period"] and not r["measure"] and not r["scope"]]
        ambiguous = defaults_with_formers(ctx) if rule.params.document_entity is DocumentEntity.UNLESS_FORMERS \
            else set()
        beside, latest_by_year = _actuals(recs)
        exempt = set(rule.params.exempt)
        for r in recs:
            if r["role"] != "target" or r["indicator"] in exempt:
                continue
            if not strong_enough(r, rule.params, ambiguous):
                yield NOT_APPLICABLE  # whose target it is, the merged province's or a former one's, is unclear
                continue
            end = last_year(r["period"])
            if end is None:
                continue
            if (r["indicator"], r["entity"], r["period"], r["path"], r["line"]) in beside:
                # `| Chỉ tiêu | Nghị quyết | Thực hiện |`: a target stated beside its own result is
                # being judged (the verdict rule's task), not set after what was reached.
                continue
            latest = _latest_before(latest_by_year.get((r["indicator"], r["entity"], r["unit"])), end)
            if latest is None:
                continue
            ind = cat.indicators[r["indicator"]]
            if ind.direction == "none":
                yield NOT_APPLICABLE  # a structure share: a lower target is a choice, not a slip
                continue
            if ind.of_plan:
                # `tỷ lệ giải ngân 95%` of the year's plan: a share of each year's own plan, made
                # anew, not a level held; a plan set below last year's share is no slip.
                yield NOT_APPLICABLE
                continue
            if ind.temporal in ("rate", "flow") or latest["points"] != r["points"]:
                # A pace of change (a growth rate, points a year) may be planned slower than
                # last year's, and a flow made anew each period (jobs created, enterprises
                # founded, capital invested) may be planned below a good year's: only a level
                # the province holds (a stock, a yearly level such as revenue) held lower is a slip.
                yield NOT_APPLICABLE
                continue
            higher = ind.direction != "lower"
            if r["qualifier"] in (("gt", "ge") if higher else ("lt", "le")):
                # `từ 60% trở lên` after `trên 61,6%`, `dưới 3,5%` after 3,2%: an open bound
                # the level reached already keeps is a floor (a ceiling) to hold, not a lower
                # level asked for; plans set such bounds below what was done.
                yield PASS
                continue
            target = r["interval"]
            target_level = target.lo if higher else target.hi
            if math.isinf(target_level):
                yield PASS
                continue
            if r["kind"] == "statistic" and not r["qualifier"] or r["qualifier"] in ("about", "nearly"):
                # A target asks for the figure written (`62%` asks for 62, not for the 61,5 it
                # would round from), an approximate one for its middle, not its edge.
                target_level = target.mid
            elif r["kind"] == "range":
                # `giảm 2,5 - 3 điểm`: a range asks for up to its better end; one that reaches
                # what was done (or beyond) keeps the level, it does not lower it.
                target_level = target.hi if higher else target.lo
            done = latest["interval"].lo if higher else latest["interval"].hi
            below = target_level < done if higher else target_level > done
            if not below:
                yield PASS
                continue
            bound = Interval(latest["interval"].mid, float("inf")) if higher else Interval(float("-inf"), latest["interval"].mid)
            args = {"subject": m.subject(r["indicator"], r["entity"], r["period"], "target"),
                    "indicator": m.indicator(r["indicator"]), "entity": m.entity(r["entity"]), "target": m.fig(0),
                    "reached": m.items([m.fig(1), m.period(latest["period"])], " "),
                    "expected": m.quantity(bound, like=latest),
                    "direction": m.word(N_("higher is better") if higher else N_("lower is better"))}
            why = (N_("the target {target} is below {reached} ({direction})") if higher
                   else N_("the target {target} is above {reached} ({direction})"))
            yield fail(finding(rule, [r, latest], 0, args, None, why))


def _actuals(recs: list[dict]) -> tuple[set[tuple], dict[tuple, tuple[list[int], dict[int, dict]]]]:
    """The results, indexed once: the (indicator, province, period, path, line) of each, and
    per (indicator, province, unit) the latest result of each single year (the last line
    stating it; the first row of that line) with the years in order, so that each target
    looks its candidates up instead of scanning every row."""
    beside: set[tuple] = set()
    by_year: dict[tuple, dict[int, dict]] = {}
    for a in recs:
        if a["role"] != "actual":
            continue
        beside.add((a["indicator"], a["entity"], a["period"], a["path"], a["line"]))
        # Results of single earlier years only: an average over a term is a rate, not a level.
        if a["period"].isdigit():
            years = by_year.setdefault((a["indicator"], a["entity"], a["unit"]), {})
            best = years.get(int(a["period"]))
            if best is None or a["line"] > best["line"]:
                years[int(a["period"])] = a
    return beside, {key: (sorted(years), years) for key, years in by_year.items()}


def _latest_before(found: tuple[list[int], dict[int, dict]] | None, end: int) -> dict | None:
    """The result of the latest single year before `end` (of those, the last line's)."""
    if found is None:
        return None
    years, best = found
    i = bisect.bisect_left(years, end)
    return best[years[i - 1]] if i else None
