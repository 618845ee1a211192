"""What a figure in prose is stated of: the level a share of plan after its growth is of,
and the count a rate per 10.000 people is written as."""

from __future__ import annotations

import re

from checker.records import Figure
from checker.resolve.clauses import Spot
from checker.resolve.indicators import Reading
from checker.resolve.passage import Passage
from checker.resolve.resolved import Resolved


def count_per_10k(p: Passage, fig: Figure, spot: Spot, reading: Reading) -> Reading:
    """`số bác sĩ trên 1 vạn dân đạt 12,8 bác sĩ`: the count alone, under a name that states
    the rate's denominator, is per 10.000 people, as a table cell under `Số bác sĩ/vạn dân` is."""
    if reading.indicator is None or fig.unit is None or reading.unit != f"{fig.unit} / nguoi" or reading.factor != 1.0:
        return reading
    lead = p.text[max(spot.clause_start, spot.prev_figure_end):fig.start].lower()
    if not any(ending in lead for ending in p.catalog.units.per_10k):
        return reading
    return Reading(reading.indicator, reading.unit, 1e-4, reading.note, reading.evidence,
                   reading.reason + " (a count per 10.000 people, as its name says)", reading.scope)


GROWTH_OVER_PAST_RE = re.compile(r"\s*(?:so với|so cùng kỳ)", re.I)


def level_of_growth(p: Passage, growth: Resolved, level: Resolved | None) -> Resolved | None:
    """The level `growth` is the rate of change of, stated before it in its sentence, when the
    growth names the past it is measured against (`tăng 12,1% so với năm 2024`)."""
    if level is None or not level.indicator or growth.figure.unit != "percent" or not growth.indicator:
        return None
    ind = p.catalog.indicators.get(growth.indicator)
    if ind is None or ind.level != level.indicator or ind.temporal != "rate":
        return None
    if not GROWTH_OVER_PAST_RE.match(p.text, growth.figure.end):
        return None
    between = p.text[level.figure.end:growth.figure.start]
    return level if ";" not in between and len(between) <= 40 else None
