"""The shapes of the catalog files (indicators, entities, cues, units), declared as data.

To add a cue list: write it in rules/cues.yaml, then declare it below where it stands, as
`"own": Cue("own")` (a list of phrases) or `"kinds": CueMap("kinds")` (labels, each with its
phrases).  `catalog.cue("own").find(text)` then returns its Mentions (a CueMap's carry the
labels as keys).  `shared=True` puts a cue in the one pass that finds the resolver's clause
cues together, where the longest phrase wins across categories; leave it out for a new cue
unless it must compete with those.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.i18n import N_
from checker.schema import Choice, Flag, ListOf, MapOf, Nullable, Number, Record, Text

IDENT = Text(r"[a-z][a-z0-9_]*", N_("an identifier (lower-case letters, digits and _)"))
TEXT = Text()
PHRASES = ListOf(TEXT)


@dataclass(frozen=True)
class Cue(ListOf):
    """A list of phrases read as the cue category `cue`."""

    cue: str = ""
    shared: bool = False


@dataclass(frozen=True)
class CueMap(MapOf):
    """Labels, each with its phrases, read as the cue category `cue`."""

    value: ListOf = PHRASES
    cue: str = ""
    shared: bool = False


PATTERN = Record(optional={
    "units": ListOf(Nullable(TEXT)),
    "before": PHRASES,
    "after": PHRASES,
    "scope_from_unit": Flag(),
    "scope": TEXT,
})

INDICATOR = Record(name=N_("indicator"), required={
    "id": IDENT,
    "name": TEXT,
    "aliases": PHRASES,
}, optional={
    "unit": Nullable(TEXT),
    "accepts": ListOf(Nullable(TEXT)),
    "aggregation": Record(required={"kind": Choice("additive", "weighted_mean", "none")},
                          optional={"weight": IDENT}),
    "direction": Choice("higher", "lower", "none"),
    "temporal": Choice("stock", "flow", "rate"),
    "context": PHRASES,
    "patterns": ListOf(PATTERN),
    "level": IDENT,
    "within": IDENT,
    "of_plan": Flag(),
    "counted": IDENT,
})

INDICATORS = Record(name=N_("indicator catalog"), label=None, required={"indicators": ListOf(INDICATOR)})

PROVINCE_TYPE = Choice("tỉnh", "thành phố")

ENTITIES = Record(name=N_("entity catalog"), label=None, required={
    "provinces": ListOf(Record(name=N_("province"), required={"id": IDENT, "name": TEXT}, optional={
        "type": PROVINCE_TYPE,
        "aliases": PHRASES,
        "formers": ListOf(IDENT),
    })),
}, optional={
    "formers": ListOf(Record(name=N_("former province"), required={"id": IDENT, "name": TEXT, "merged_into": IDENT},
                             optional={"type": PROVINCE_TYPE, "aliases": PHRASES})),
})

CUES = Record(name=N_("cue catalog"), label=None, required={
    "entity": Record(required={
        "former": Cue(cue="former", shared=True),
        "merged": Cue(cue="merged", shared=True),
        "several": Cue(cue="several", shared=True),
    }),
    "role": Record(required={
        "target": Cue(cue="target", shared=True),
        # Table column headings, read by the resolver from catalog.cues["role"]["columns"].
        "columns": Record(required={
            name: PHRASES for name in ("label", "number", "unit", "evaluation", "target", "actual",
                                       "comparison", "plan_share")},
            # `Toàn tỉnh` beside columns of the former provinces: the merged province's.
            optional={"whole": PHRASES, "structure": PHRASES}),
        "labels": CueMap(cue="labels"),
    }),
    "scope": CueMap(cue="scope", shared=True),
    "not_period": Cue(cue="not_period", shared=True),
    "share": Cue(cue="share", shared=True),
    # The resolver's own word lists (checker/resolve/cues.py compiles them into patterns).
    "resolve_entity": Record(required={"own_before": PHRASES, "after_figure": PHRASES},
                             optional={"elsewhere": PHRASES, "province_group": PHRASES, "distributive": PHRASES,
                                       "aside": PHRASES, "place_named": PHRASES, "site": PHRASES, "named_area": PHRASES,
                                       "named_area_opening": PHRASES,
                                       "subject_types": PHRASES, "subject_columns": PHRASES,
                                       "whole_province": PHRASES}),
    "resolve_period": Record(required={"now": PHRASES, "annual": PHRASES},
                             optional={"base": PHRASES, "base_multiple": PHRASES, "several": PHRASES,
                                       "continues": PHRASES, "relative_base": PHRASES,
                                       "span_total": PHRASES, "term_start": PHRASES}),
    "resolve_role": Record(required={name: PHRASES for name in ("margin", "plan", "heading_target", "heading_actual")},
                           optional={"list_lead_target": PHRASES, "heading_ahead": PHRASES,
                                     "heading_both": Record(required={"opening": PHRASES, "then": PHRASES}),
                                     "sentence_target": PHRASES, "stage_outturn": PHRASES, "stage_done": PHRASES,
                                     "stage_estimate": PHRASES, "stage_plan": PHRASES, "forecast": PHRASES}),
    "resolve_clause": Record(required={
        name: PHRASES for name in ("continues_sentence", "parallel_part", "not_a_subject", "label_stop_words",
                                  "breakdown_lead", "not_a_head")},
        # Right before an indicator's name in a table label: the name modifies the label's head.
        optional={"label_modifier": PHRASES, "qualifier_end": PHRASES, "qualifier_joins": PHRASES,
                  "qualifier_relation": PHRASES,
                  "not_a_qualifier": PHRASES}),
    "resolve_relation": Record(required={
        name: PHRASES for name in ("multiple", "parts_exhaustive", "parts_bounded", "total_after_list",
                                   "respectively", "of_lead", "over_lead", "under_lead", "base", "measured_base",
                                   "average")},
        # Sets of kinds that make up a whole together (`khai thác`, `nuôi trồng`).
        optional={"partitions": ListOf(PHRASES),
                  **{name: PHRASES for name in ("parts_one", "parts_inclusive", "parts_excluded", "table_total",
                                                 "table_total_alone", "table_partial", "table_complete",
                                                 "table_not_part", "out_of_total")}}),
}, optional={
    # Words a figure's fallback key (its head phrase) is read without, and period words that
    # make the clause too fine-grained for one (checker/resolve/indicators.py `head_phrase`).
    "resolve_head": Record(required={"skip": PHRASES, "sub_year": PHRASES}),
    # A subject whose growth names an indicator (`Kinh tế hai tỉnh duy trì tăng trưởng: A bình
    # quân 6,8%/năm`; checker/resolve/prose.py `_growth_of_subject`).
    "resolve_indicator": Record(optional={
        "growth_of": ListOf(Record(name=N_("growth subject"), label="indicator",
                                   required={"indicator": IDENT, "subject": PHRASES, "verb": PHRASES})),
    }),
})

UNITS = Record(name=N_("unit catalog"), label=None, required={
    "scales": MapOf(Number()),
    "units": MapOf(TEXT),  # each a unit name of units.txt
    "per": MapOf(TEXT),  # each a unit name of units.txt
    "per_10k": PHRASES,
    "count_nouns": MapOf(Nullable(PHRASES)),
}, optional={
    "not_nouns": PHRASES,
    "ratings": PHRASES,  # each a count noun of `count_nouns`
})
