"""Kind `growth`: a stated average growth rate agrees with the start and end levels."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.evidence import DocumentEntity, defaults_with_formers, level, strong_enough
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Result, Results, blame, fail
from checker.kinds.params import IndicatorId
from checker.records import Evidence


class GrowthMode(str, enum.Enum):
    COMPOUND = "compound"  # an average growth rate in percent a year
    POINTS = "points"  # an average yearly change of a rate, in percentage points
    LOCAL = "local"  # the levels the sentence itself states (`từ A năm X lên B năm Y, bình quân ... C`)
    MEAN = "mean"  # a term's total over its years (`kết nạp 30.390 đảng viên, bình quân mỗi năm 6.078`)


@dataclass(frozen=True)
class GrowthParams:
    pairs: tuple[tuple[IndicatorId, IndicatorId], ...] = ()  # (level, its average change) pairs
    mode: GrowthMode = GrowthMode.COMPOUND
    # A table row's province read only from the document's default is no evidence where the
    # document gives that period's figures of its former provinces (checker/kinds/evidence.py).
    document_entity: DocumentEntity = DocumentEntity.UNLESS_FORMERS


def average_growth(start: Interval, end: Interval, years: int) -> Interval:
    """Compound average growth in percent per year, from two levels `years` apart."""
    ratio = end / start
    lo = (max(ratio.lo, 0.0) ** (1 / years) - 1) * 100
    hi = (max(ratio.hi, 0.0) ** (1 / years) - 1) * 100
    return Interval(lo, hi)


class Growth:
    """What it does: for each pair of indicators named in the rule (a level and its average
    growth rate, on the same price basis), finds a province's levels at the start and end
    of a span of years and the growth rate stated for that span, and checks that the
    compound rate (end / start)^(1/years) - 1 agrees with it within their precision.

    Why it matters: an average growth rate is often taken from an older draft while the
    levels are updated.

    Mode `points`: for a rate and its average yearly fall (`tỷ lệ hộ nghèo giảm bình quân
    mỗi năm 1,4 điểm %`), the fall from the start rate to the end rate, divided by the years.

    Example: budget revenue from 38.200 tỷ đồng (2020) to 52.700 tỷ đồng (2025) is 6,6% a
    year; `tăng bình quân 9,5%/năm` fails, `6,6%/năm` passes.  A poverty rate from 12,5% to
    5,5% over five years falls 1,4 points a year; a stated 2% fails.  Real GRDP growth is left out:
    it is measured at constant prices, the levels at current prices.

    Mode `local`: any indicator, catalogued or not, whose sentence states both levels with
    their years and the yearly average (`giảm từ 28,6% năm 2020 xuống 24,1% năm 2025, bình
    quân mỗi năm giảm 0,9 điểm %`; `2.805 triệu USD, tăng bình quân 12,7%/năm so với năm
    2020 (1.542 triệu USD)`): the points per year, or the compound rate, from those levels.
    """

    Params = GrowthParams
    fields = {"subject", "indicator", "entity", "period", "stated", "expected", "start", "end", "years"}

    def run(self, rule, ctx: Context) -> Results:
        if rule.params.mode is GrowthMode.LOCAL:
            yield from (self._local(rule, ctx, g) for g in ctx.records
                        if g["avg_from"] is not None and g["avg_form"] != "mean")
            return
        if rule.params.mode is GrowthMode.MEAN:
            yield from (self._mean(rule, ctx, g) for g in ctx.records if g["avg_form"] == "mean")
            return
        ambiguous = defaults_with_formers(ctx) if rule.params.document_entity is DocumentEntity.UNLESS_FORMERS \
            else set()
        recs = [r for r in ctx.records if r["lo"] is not None and r["entity"] and r["period"]
                and not r["measure"] and r["kind"] in ("statistic", "range") and r["role"] in ("actual", "baseline")
                and strong_enough(r, rule.params, ambiguous)]
        for level_ind, change_ind in rule.params.pairs:
            levels_of = _levels(recs, level_ind)
            # A change the sentence states with its own levels is checked on those (mode `local`).
            for g in [r for r in recs if r["indicator"] == change_ind and r["role"] == "actual" and r["avg_from"] is None]:
                if not (len(g["period"]) == 9 and g["period"][4] == "-" and g["period"][:4].isdigit()
                        and g["period"][5:].isdigit()):
                    continue
                first, last = int(g["period"][:4]), int(g["period"][5:])
                # Levels of the same part of the whole (scope) as the change, and no other.
                levels = levels_of.get((g["entity"], g["scope"] or ""), {})
                start, end = levels.get(first - 1), levels.get(last)
                if start is None or end is None or not _named_year(start):
                    # (a start level dated only by a heading or the title, `giảm từ 10,84% xuống
                    # 3,44%` under a term's title, may be of another year than the span's start)
                    yield NOT_APPLICABLE
                    continue
                yield self._check(rule, ctx, start, end, g, last - first + 1)

    def _local(self, rule, ctx: Context, g: dict) -> Result:
        """The stated yearly average `g` against the two levels its own sentence states."""
        start, end = ctx.by_id[int(g["avg_from"])], ctx.by_id[int(g["avg_to"])]
        years, form = int(g["avg_years"]), g["avg_form"]
        if form.startswith("points"):
            change = end["interval"] - start["interval"]
            up = form == "points_up"
            expected = change.scaled((1 if up else -1) / years)
            first, second = (2, 1) if up else (1, 2)
            why = N_("({first} − {second}) / {years} = {expected} a year, stated {stated}")
        else:
            rate = average_growth(start["interval"], end["interval"], years)
            expected = rate if form == "compound_up" else rate.scaled(-1)
            first, second = 1, 2
            why = N_("({end} / {start})^(1/{years}) − 1 = {expected}, stated {stated}")
        if g["interval"].overlaps(expected):
            return PASS
        shown = m.quantity(expected, like=g, digits=max(m.written_digits(g["text"]), 2))
        args = {"stated": m.fig(2), "expected": shown, "start": m.fig(0), "end": m.fig(1), "years": years,
                "first": m.fig(first - 1), "second": m.fig(second - 1), "indicator": "", "entity": "",
                "period": m.period(g["period"]), "subject": ""}
        return fail(blame(rule, ctx, [start, end, g], args, g["interval"].mid - expected.mid, why))

    def _mean(self, rule, ctx: Context, g: dict) -> Result:
        """The stated mean a year `g` against its term's total over the term's years."""
        total, years = ctx.by_id[int(g["avg_from"])], int(g["avg_years"])
        expected = total["interval"].scaled(1 / years)
        if g["interval"].overlaps(expected):
            return PASS
        shown = m.quantity(expected, like=g, digits=max(m.written_digits(g["text"]), 0))
        args = {"stated": m.fig(1), "expected": shown, "start": m.fig(0), "end": m.fig(0), "years": years,
                "first": m.fig(0), "second": m.fig(0), "indicator": "", "entity": "",
                "period": m.period(g["period"]), "subject": ""}
        return fail(blame(rule, ctx, [total, g], args, g["interval"].mid - expected.mid,
                          N_("{first} / {years} = {expected}, stated {stated}")))

    def _check(self, rule, ctx: Context, start: dict, end: dict, g: dict, years: int) -> Result:
        """The stated change `g` against the levels at the start and end of its `years`."""
        cat = ctx.catalog
        points = rule.params.mode is GrowthMode.POINTS
        falls = False
        if points:
            # `bình quân mỗi năm giảm 1,4 điểm %`: the yearly average of a rate's change, counted
            # as a fall when the change and its level are better in opposite directions.
            falls = cat.indicators[g["indicator"]].direction != cat.indicators[start["indicator"]].direction
            change = start["interval"] - end["interval"] if falls else end["interval"] - start["interval"]
            expected = change.scaled(1 / years)
        else:
            expected = average_growth(start["interval"], end["interval"], years)
        stated = g["interval"]
        if stated.overlaps(expected):
            return PASS
        shown = m.quantity(expected, like=g, digits=max(m.written_digits(g["text"]), 2))
        args = {"subject": m.subject(g["indicator"], g["entity"], g["period"]), "indicator": m.indicator(g["indicator"]),
                "entity": m.entity(g["entity"]), "period": m.period(g["period"]), "stated": m.fig(2),
                "expected": shown, "years": years, "first": m.fig(0 if not points or falls else 1),
                "second": m.fig(1 if not points or falls else 0),
                "start": m.items([m.fig(0), m.period(start["period"])], " "),
                "end": m.items([m.fig(1), m.period(end["period"])], " ")}
        if points:
            why = N_("({first} − {second}) / {years} = {expected} a year, stated {stated}")
        else:
            why = N_("({end} / {start})^(1/{years}) − 1 = {expected}, stated {stated}")
        return fail(blame(rule, ctx, [start, end, g], args, stated.mid - expected.mid, why))


def _named_year(rec: dict) -> bool:
    """Whether the text names the level's year (its clause, sentence, paragraph, table
    heading or a related figure), not only a heading or the document's title."""
    return level(rec, "period").at_least(Evidence.BLOCK)


def _levels(recs: list[dict], indicator: str) -> dict[tuple, dict[int, dict]]:
    """An indicator's levels of single years per (province, scope), built once per pair
    rather than once per stated change; of two levels of one year the later row counts."""
    levels: dict[tuple, dict[int, dict]] = {}
    for r in recs:
        if r["indicator"] == indicator and r["period"].isdigit():
            levels.setdefault((r["entity"], r["scope"] or ""), {})[int(r["period"])] = r
    return levels
