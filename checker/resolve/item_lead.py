"""A bare measure word under an item that names its subject: `b) Cây mía: diện tích 15.980 ha;
năng suất 754 tạ/ha; sản lượng 958.070 tấn` reads `diện tích mía`, `năng suất mía`, `sản
lượng mía`.  Read only where the composed phrase is a catalog name whose unit fits the
figure, and the measure word stands right before the figure (a change, `tăng 0,7 tạ/ha`,
is not read)."""

from __future__ import annotations

import re

from checker.catalog import Catalog, unit_fit
from checker.records import Evidence
from checker.resolve.indicators import Reading

# The lead of an item: `a) Cây lúa:`, `- Cây sắn (khoai mì):`, `2. Chăn nuôi:`.
ITEM_LEAD_RE = re.compile(r"\s*(?:[a-zđ]\)|\d+(?:\.\d+)*\.?|[-+•*])?\s*(?:(?:cây|con)\s+)?"
                          r"(?P<subject>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}?)\s*(?:\((?P<other>[^()]{1,30})\))?\s*:",
                          re.I)
# The measure word right before the figure, with what may stand between.
MEASURE_RE = re.compile(r"(?<![\w])(?:tổng\s+)?(?P<measure>diện tích|năng suất|sản lượng)"
                        r"(?:\s+(?:gieo trồng|gieo cấy|thu hoạch|trồng mới|hiện có|bình quân|cả năm|ước|"
                        r"ước đạt|đạt|là|khoảng))*\s*:?\s*$", re.I)


_NAMES: dict[int, dict[str, tuple[str, ...]]] = {}


def _names(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Every catalog name in lower case, with the indicators it names (made once a catalog)."""
    found = _NAMES.get(id(catalog.indicators))
    if found is None:
        out: dict[str, list[str]] = {}
        for ind in catalog.indicators.values():
            for alias in (ind.name, *ind.aliases):
                out.setdefault(alias.lower(), []).append(ind.id)
        found = _NAMES[id(catalog.indicators)] = {k: tuple(v) for k, v in out.items()}
    return found


def item_measure(catalog: Catalog, text: str, fig, spot) -> Reading | None:
    """The indicator `<measure word> <item subject>` names, for a figure of an item's first
    sentence whose own clause gives the measure word and nothing else."""
    lead = ITEM_LEAD_RE.match(text)
    if lead is None or spot.sentence_start > lead.start():
        return None
    start = max(spot.clause_start, spot.prev_figure_end, lead.end())
    measure = MEASURE_RE.search(text, start, fig.start)
    if measure is None or re.search(r"[,;()]", text[measure.start():fig.start]):
        return None
    names = _names(catalog)
    word = measure.group("measure").lower()
    found = set()
    for subject in filter(None, (lead.group("subject"), lead.group("other"))):
        subject = subject.strip().lower()
        for phrase in (f"{word} {subject}", f"{word} cây {subject}"):
            for ind_id in names.get(phrase, ()):
                fit = unit_fit(catalog.units, fig.unit, catalog.indicators[ind_id])
                if fit is not None:
                    found.add((ind_id, fit))
    if len({f[0] for f in found}) != 1:
        return None
    ind_id, (unit, factor) = found.pop()
    return Reading(ind_id, unit, factor, "", Evidence.BLOCK,
                   f"`{measure.group('measure')}` under the item `{lead.group(0).strip()}`")
