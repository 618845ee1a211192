"""Two provinces stated side by side with one verb, the first in a percentage and the second
in a rate per person: `Khu vực A đạt 13,2%, khu vực B đạt 15,7 bác sĩ/vạn dân`."""

from __future__ import annotations

import re

from checker.records import Evidence, Resolution

# `, khu vực Bắc Ninh (cũ) đạt `: a comma, a province (a short name, no figure), the verb.
SECOND_RE = re.compile(r"\s*,\s*(?:và\s+)?[^\d,;:()]{2,40}?(?:\s*\(cũ\)|\s+cũ)?\s+(đạt|là)\s+", re.I)


def parallel_units(out: list, text: str, figs, catalog) -> None:
    """The percentage takes the indicator its twin's unit names (kept with its own unit, so
    that the unit check says the two cannot both be right), when both are of a province
    named right before them and the same verb states both: the two are one list."""
    for (i, a), (j, b) in zip(figs, figs[1:]):
        first, second = out[i], out[j]
        if first.indicator is not None or second.indicator is None or a.unit != "percent" \
                or second.unit != catalog.indicators[second.indicator].unit or not _per_person(catalog, second.unit):
            continue
        m = SECOND_RE.fullmatch(text, a.end, b.start)
        if m is None or not re.search(rf"(?<!\w){m.group(1)}\s+$", text[max(0, a.start - 8):a.start], re.I):
            continue
        own, twin = first.fields.get("entity"), second.fields.get("entity")
        if own is None or twin is None or not own.value or not twin.value or own.value == twin.value \
                or not own.evidence.at_least(Evidence.CLAUSE) or not twin.evidence.at_least(Evidence.CLAUSE):
            continue
        first.settle("indicator", Resolution(second.indicator, Evidence.CLAUSE,
                                             f"listed with `{b.text}` of another province by the same `{m.group(1)}`"))


def _per_person(catalog, unit: str | None) -> bool:
    try:
        return unit is not None and ("nguoi", -1) in (catalog.units.dimensionality(unit) or ())
    except Exception:  # a unit pint cannot read: none
        return False
