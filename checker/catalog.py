"""Catalogs: indicators, provinces and mergers, and cue words, read from rules/ and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Mapping

from checker.i18n import N_, _
from checker.bundled import rules_dir  # noqa: F401  (where the bundled catalogs are; callers import it from here)
from checker.records import InputError
from checker.joint import JointMatcher
from checker.text import CueView, PhraseMatcher
from checker.units import UnitCatalog

if TYPE_CHECKING:
    from checker.schema import Record

CATALOG_FILES = ("indicators.yaml", "entities.yaml", "cues.yaml", "units.yaml", "units.txt")


@dataclass(frozen=True)
class Frame:
    """A count read from the words around it: `thi hành kỷ luật 905 đảng viên` is the
    number of party members disciplined.  `units` are the figure's units that fit (`any`
    for a bare number); `before` are words that stand earlier in the clause, `after` words
    that follow the figure directly; `scope_from_unit` makes the unit the figure's scope
    (`08 giải nhất` is the first-prize part of the prizes)."""

    indicator: str
    units: tuple[str, ...]
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    scope_from_unit: bool = False
    scope: str = ""


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    aliases: tuple[str, ...]
    unit: str | None
    accepts: tuple[str | None, ...]
    aggregation: str
    weight: str | None
    direction: str
    temporal: str
    context: tuple[str, ...] = ()
    patterns: tuple[Frame, ...] = ()
    level: str | None = None
    # A rate measured against a plan (disbursement of the capital planned): it may pass 100%.
    of_plan: bool = False
    # The indicator this one is a part of (education spending is part of recurrent spending).
    within: str | None = None
    # For a rate, the count whose fraction of its whole it is (`812/1.164 trường` states the
    # rate of schools up to standard).
    counted: str | None = None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    level: str  # "province" (after 1 July 2025) or "former"
    formers: tuple[str, ...] = ()
    merged_into: str | None = None
    aliases: tuple[str, ...] = ()  # the phrases that name it (its name among them)


@dataclass(frozen=True)
class Catalog:
    """Everything read from a catalogs folder; immutable, so one load can serve every run."""

    indicators: Mapping[str, Indicator]
    entities: Mapping[str, Entity]
    cues: Mapping  # cues.yaml as read: mappings are read-only, lists are tuples
    indicator_matcher: PhraseMatcher
    entity_matcher: PhraseMatcher
    units: UnitCatalog
    rules_dir: Path
    cue_matchers: Mapping[str, PhraseMatcher | CueView]
    frame_matcher: PhraseMatcher
    unit_frames: Mapping[str, tuple[Frame, ...]]  # frames that a unit alone calls for
    block_matcher: JointMatcher  # the matchers every prose block is read with, in one pass

    def cue(self, name: str) -> PhraseMatcher | CueView:
        """The matcher of a cue category declared in checker/catalog_schema.py (`former`, `scope`)."""
        return self.cue_matchers[name]


def unit_fit(units: UnitCatalog, unit: str | None, indicator: Indicator) -> tuple[str | None, float] | None:
    """The indicator's unit and the factor to it, if a figure in `unit` fits the indicator."""
    for candidate in (indicator.unit, *indicator.accepts):
        if candidate == unit:
            return indicator.unit, _implicit_per_10k(units, unit, indicator)
    if unit is None or indicator.unit is None:
        return None
    try:
        dim = units.dimensionality(unit)
    except Exception:  # an unknown unit fits nothing
        return None
    if not dim:
        return None  # dimensionless units (%, lần) must match by name
    for candidate in (indicator.unit, *indicator.accepts):
        if candidate is None:
            continue
        try:
            if units.dimensionality(candidate) == dim:
                return indicator.unit, units.factor(unit, candidate)
        except Exception:  # pint cannot convert between these: try the next one
            continue
    return None


def _implicit_per_10k(units: UnitCatalog, unit: str | None, indicator: Indicator) -> float:
    """`số bác sĩ trên 1 vạn dân đạt 10,0 bác sĩ`: a bare count accepted for a rate per 10.000
    people (its name says so) counts per 10.000, as `12 bác sĩ/vạn dân` does once read per
    person: the factor 1/10.000 puts both on one scale."""
    own = indicator.unit or ""
    if unit is None or unit == own or f"{unit} / nguoi" != own:
        return 1.0
    name = indicator.name.lower()
    return 1e-4 if any(ending.lstrip("/").strip() in name for ending in units.per_10k) else 1.0


def _unit_class(units: UnitCatalog, unit: str) -> tuple:
    """What kind of quantity a unit measures, per unit of time or not: money in one currency,
    a physical dimension, a ratio (`%`, `lần`), or a count (of anything: `người`, `hộ`, `lượt`
    are all counts, told apart by name only)."""
    dims = tuple(d for d in units.dimensionality(unit) if d[0] != "time")
    if not dims or dims == (("percentage_point", 1),):
        return ("ratio",)  # (points are a change of a rate: no count, `hộ` on a rate's row is a slip)
    if len(dims) == 1 and dims[0][1] == 1 and not dims[0][0].startswith("currency") \
            and dims[0][0] not in ("length", "mass"):
        return ("count",)
    return dims


def unit_misfit(units: UnitCatalog, unit: str | None, indicator: Indicator) -> bool:
    """A figure in `unit` cannot be a level of the indicator: a count in `tỷ đồng`, a rate
    in `người`, a VND amount in `triệu USD`, an area in `tấn`.  Two count nouns, or a level
    against a per-year unit of the same quantity, are no misfit (silent when unsure)."""
    if unit is None or indicator.unit is None or unit_fit(units, unit, indicator) is not None:
        return False
    try:
        return all(_unit_class(units, unit) != _unit_class(units, u)
                   for u in (indicator.unit, *indicator.accepts) if u is not None)
    except Exception:  # a unit pint cannot read: no judgement
        return False


def percent_past_rates(value: float | None) -> bool:
    """`32.000 %` on a count's row: a level written under a percentage sign, no growth or share
    (none reaches a thousand per cent)."""
    return value is not None and abs(value) >= 1000


PER_TIME_RE = re.compile(r"\s*/\s*(?:year|month|day)$")


def plain_misfit(units: UnitCatalog, unit: str | None, indicator: Indicator) -> bool:
    """`unit_misfit` between two plain levels (no rate, no `/`, no percentage, points or
    multiple on either side): passengers in tonnes, an area in tonnes.  What prose may be
    told of, where a name and a figure meet with less evidence than a table row's."""
    plain = ("percent", "percentage_point", "times", "per_mille")
    # (a level per year, `hectare / year` for afforestation, is a plain level of each year)
    own = PER_TIME_RE.sub("", indicator.unit) if indicator.unit is not None else None
    return unit is not None and own is not None and "/" not in unit and "/" not in own \
        and unit not in plain and own not in plain and unit_misfit(units, unit, indicator)


def rate_misfit(units: UnitCatalog, unit: str | None, indicator: Indicator) -> bool:
    """A rate (`tỷ lệ giải ngân`) stated in money, tonnes, hectares or cubic metres: a level's
    unit of a physical or money dimension, never one a rate can be read in (a count may
    be a rate's numerator said loosely: left alone)."""
    if unit is None or indicator.unit != "percent" or "/" in unit:
        return False
    try:
        kind = _unit_class(units, unit)
    except Exception:  # a unit pint cannot read: no judgement
        return False
    return kind not in (("ratio",), ("count",))


def _read(path: Path, shape: Record):
    # The YAML loader and the schemas are imported where files are read: a run that finds
    # its catalog in the cache (checker/catalog_cache.py) needs neither.
    from checker.marked_yaml import FastMarkedLoader, load_yaml_marked
    from checker.schema import validate

    data = load_yaml_marked(path, N_("catalog file"), FastMarkedLoader)
    validate(data, shape, path)
    return data


def _fail(path: Path, mark: tuple[int, int], problem: str) -> InputError:
    return InputError(f"{path}:{mark[0]}:{mark[1]}: {problem}")


def _frame(indicator_id: str, default_unit: str | None, raw: dict) -> Frame:
    units = raw.get("units") or [default_unit]
    return Frame(indicator_id, tuple("any" if u is None else u for u in units),
                 tuple(raw.get("before") or ()), tuple(raw.get("after") or ()),
                 bool(raw.get("scope_from_unit")), raw.get("scope") or "")


def _indicator(raw: dict) -> Indicator:
    agg = raw.get("aggregation") or {"kind": "none"}
    return Indicator(
        id=raw["id"], name=raw["name"], aliases=tuple(raw["aliases"]),
        unit=raw.get("unit"), accepts=tuple(raw.get("accepts") or ()),
        aggregation=agg.get("kind", "none"), weight=agg.get("weight"),
        direction=raw.get("direction", "higher"), temporal=raw.get("temporal", "stock"),
        context=tuple(raw.get("context") or ()),
        patterns=tuple(_frame(raw["id"], raw.get("unit"), p) for p in raw.get("patterns") or ()),
        level=raw.get("level"), of_plan=bool(raw.get("of_plan")), within=raw.get("within"),
        counted=raw.get("counted"),
    )


def _check_units(path: Path, raw: dict, ind: Indicator, units: UnitCatalog) -> None:
    """Every unit the indicator names is a known unit."""
    named = [("unit", ind.unit), *(("accepts", u) for u in ind.accepts)]
    named += [("patterns", u) for frame in ind.patterns for u in frame.units if u != "any"]
    for key, unit in named:
        if unit is None:
            continue
        try:
            units.dimensionality(unit)
        except InputError:
            raise _fail(path, raw.marks[key], _("indicator '{id}' names an unknown unit '{unit}'").format(id=ind.id, unit=unit)) from None


def _read_indicators(path: Path, units: UnitCatalog) -> dict[str, Indicator]:
    from checker.catalog_schema import INDICATORS

    raw_list = _read(path, INDICATORS)["indicators"]
    indicators: dict[str, Indicator] = {}
    for raw, mark in zip(raw_list, raw_list.marks):
        ind = _indicator(raw)
        if ind.id in indicators:
            raise _fail(path, raw.marks["id"], _("indicator id '{id}' is defined twice").format(id=ind.id))
        agg = raw.get("aggregation") or {}
        if (ind.aggregation == "weighted_mean") != (ind.weight is not None):
            where = agg.marks.get("weight", raw.marks["aggregation"]) if agg else mark
            raise _fail(path, where, _("indicator '{id}': a weight goes with aggregation kind weighted_mean, and only "
                                       "with it").format(id=ind.id))
        _check_units(path, raw, ind, units)
        indicators[ind.id] = ind
    for raw in raw_list:
        level = raw.get("level")
        if level is not None and level not in indicators:
            raise _fail(path, raw.marks["level"],
                        _("indicator '{id}' names an unknown level indicator '{level}'").format(id=raw["id"], level=level))
        counted = raw.get("counted")
        if counted is not None and (counted not in indicators or indicators[raw["id"]].unit != "percent"):
            raise _fail(path, raw.marks["counted"], _("indicator '{id}' is no rate, or names an unknown counted "
                                                      "indicator '{counted}'").format(id=raw["id"], counted=counted))
        within = raw.get("within")
        if within is not None and (within not in indicators or raw["id"] in {within, *_enclosing(indicators, within)}):
            raise _fail(path, raw.marks["within"], _("indicator '{id}' lies within an unknown indicator, or within "
                                                     "itself: '{within}'").format(id=raw["id"], within=within))
    return indicators


def _enclosing(indicators: Mapping[str, Indicator], ind_id: str) -> set[str]:
    """The indicators `ind_id` lies within, through `within` links (a loop ends the walk)."""
    found: set[str] = set()
    ind = indicators.get(ind_id)
    while ind is not None and ind.within is not None and ind.within not in found and ind.within != ind_id:
        found.add(ind.within)
        ind = indicators.get(ind.within)
    return found


def nested(indicators: Mapping[str, Indicator], ids) -> bool:
    """Does one of these indicators lie within another (`chi thường xuyên` and `chi sự nghiệp
    giáo dục` in one list: the second is part of the first, no sibling of it)?"""
    ids = {i for i in ids if i}
    return any(_enclosing(indicators, i) & ids for i in ids)


def _read_entities(path: Path) -> tuple[dict[str, Entity], dict[str, list[str]]]:
    """The provinces and former provinces, and the phrases that name each."""
    from checker.catalog_schema import ENTITIES

    data = _read(path, ENTITIES)
    entities: dict[str, Entity] = {}
    phrases: dict[str, list[str]] = {}
    listed = [(raw, "province") for raw in data["provinces"]] + [(raw, "former") for raw in data.get("formers") or ()]
    for raw, level in listed:
        if raw["id"] in entities:
            raise _fail(path, raw.marks["id"], _("entity id '{id}' is defined twice").format(id=raw["id"]))
        aliases = tuple(raw.get("aliases") or ())
        entities[raw["id"]] = Entity(raw["id"], raw["name"], raw.get("type", "tỉnh"), level,
                                     tuple(raw.get("formers") or ()), raw.get("merged_into"), aliases)
        for alias in aliases:
            phrases.setdefault(alias, []).append(raw["id"])
    for raw, level in listed:
        _check_merger(path, raw, level, entities)
    return entities, phrases


LEVELS = {"province": N_("province"), "former": N_("former")}


def _check_merger(path: Path, raw: dict, level: str, entities: dict[str, Entity]) -> None:
    """A province's formers and a former's merged_into name known entities, and agree."""
    for key, wanted in (("formers", "former"), ("merged_into", "province")):
        named = raw.get(key) or ()
        for other in [named] if isinstance(named, str) else named:
            if other not in entities or entities[other].level != wanted:
                raise _fail(path, raw.marks[key], _("{level} '{id}' names an unknown {wanted} '{other}'").format(
                    level=_(LEVELS[level]), id=raw["id"], wanted=_(LEVELS[wanted]), other=other))
            if raw["id"] not in (entities[other].formers if wanted == "province" else (entities[other].merged_into,)):
                raise _fail(path, raw.marks[key], _("{level} '{id}' names {wanted} '{other}', which does not name it "
                                                    "back").format(level=_(LEVELS[level]), id=raw["id"],
                                                                   wanted=_(LEVELS[wanted]), other=other))


def _frames(indicators: Mapping[str, Indicator]) -> tuple[PhraseMatcher, dict[str, tuple[Frame, ...]]]:
    """The matcher of the words around a count, and the frames a unit alone calls for."""
    words: dict[str, list[str]] = {}
    by_unit: dict[str, list[Frame]] = {}
    for ind in indicators.values():
        for n, frame in enumerate(ind.patterns):
            for w in frame.before:
                words.setdefault(w, []).append(f"before:{ind.id}:{n}")
            for w in frame.after:
                words.setdefault(w, []).append(f"after:{ind.id}:{n}")
            if not frame.before and not frame.after:
                for u in frame.units:
                    by_unit.setdefault(u, []).append(frame)
    return PhraseMatcher(words, nested=True), {u: tuple(fs) for u, fs in by_unit.items()}


def _declared_cues(data, shape: Record):
    """(declaration, its phrases) for every Cue and CueMap in the cue catalog's shape."""
    from checker.catalog_schema import Cue, CueMap
    from checker.schema import Record

    for key, sub in {**shape.required, **shape.optional}.items():
        if key not in data:
            continue
        if isinstance(sub, (Cue, CueMap)):
            yield sub, data[key]
        elif isinstance(sub, Record):
            yield from _declared_cues(data[key], sub)


def _cue_matchers(cues) -> dict[str, PhraseMatcher | CueView]:
    """A matcher for each declared cue.  The shared ones are found in one pass over a text
    (the longest phrase wins across them), each category being a view of that pass."""
    from checker.catalog_schema import CUES, CueMap

    shared: dict[str, list[str]] = {}
    matchers: dict[str, PhraseMatcher | CueView] = {}
    declared = list(_declared_cues(cues, CUES))
    for decl, words in declared:
        labelled = words.items() if isinstance(decl, CueMap) else [(None, words)]
        phrases: dict[str, list[str]] = {}
        for label, listed in labelled:
            key = decl.cue if label is None else (f"{decl.cue}:{label}" if decl.shared else label)
            for w in listed:
                (shared if decl.shared else phrases).setdefault(w, []).append(key)
        if not decl.shared:
            matchers[decl.cue] = PhraseMatcher(phrases)
    combined = PhraseMatcher(shared)
    for decl, _phrases in declared:
        if decl.shared:
            matchers[decl.cue] = CueView(combined, decl.cue)
    return matchers


def _frozen(value):
    """Read-only copies of YAML mappings and lists, all the way down."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def load_catalog(folder: Path | str | None = None) -> Catalog:
    """The catalogs of `folder` (by default the bundled ones), checked against their schemas.
    A folder is read again once one of its files changes."""
    path = Path(folder or rules_dir()).resolve()
    stamp = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None
                  for p in (path / name for name in CATALOG_FILES))
    return _load_catalog(path, stamp)


@lru_cache(maxsize=4)
def _load_catalog(folder: Path, stamp: tuple) -> Catalog:
    from checker.catalog_schema import CUES

    units = UnitCatalog(folder)
    indicators = _read_indicators(folder / "indicators.yaml", units)
    entities, entity_phrases = _read_entities(folder / "entities.yaml")
    cues = _read(folder / "cues.yaml", CUES)
    indicator_phrases: dict[str, list[str]] = {}
    for ind in indicators.values():
        for alias in (ind.name, *ind.aliases):
            indicator_phrases.setdefault(alias, []).append(ind.id)
    frame_matcher, unit_frames = _frames(indicators)
    indicator_matcher = PhraseMatcher(indicator_phrases, nested=True, tolerant=True)
    entity_matcher = PhraseMatcher(entity_phrases, tolerant=True)
    cue_matchers = _cue_matchers(cues)
    several = cue_matchers["several"]
    return Catalog(
        indicators=MappingProxyType(indicators), entities=MappingProxyType(entities), cues=_frozen(cues),
        indicator_matcher=indicator_matcher, entity_matcher=entity_matcher, units=units, rules_dir=folder,
        cue_matchers=MappingProxyType(cue_matchers), frame_matcher=frame_matcher,
        unit_frames=MappingProxyType(unit_frames),
        block_matcher=JointMatcher((indicator_matcher, frame_matcher, entity_matcher,
                                    getattr(several, "matcher", several))))
