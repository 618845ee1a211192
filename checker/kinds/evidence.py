"""What evidence a rule needs before it compares figures: typed parameters and the tests of a row."""

from __future__ import annotations

import enum

from checker.records import Evidence


class DocumentEntity(str, enum.Enum):
    """Whether a table row's province read only from the document's default is evidence."""

    ALWAYS = "always"
    # Not where the same document also gives former provinces' figures for that period:
    # a merged province's report often has one table per former province, and a row whose
    # province no heading gave may be a former one's (a table under `A. Tỉnh An Giang (cũ)`).
    # A sentence that names no province speaks of the report's own (merged) province.
    UNLESS_FORMERS = "unless_formers"


FIELDS = ("indicator", "entity", "period", "role")
_EVIDENCE_COLUMN = {name: f"{name}_evidence" for name in FIELDS}
_EVIDENCE = {e.value: e for e in Evidence}  # the enum's lookup by value, without its call


def level(rec: dict, name: str) -> Evidence:
    """Where a row's field was read.  A row built without the evidence columns was not read
    from prose (a data file, a test's hand-made row): it counts as stated."""
    value = rec.get(_EVIDENCE_COLUMN.get(name) or f"{name}_evidence")
    return Evidence.DATA if value is None else _EVIDENCE.get(value) or Evidence(value)


def strong_enough(rec: dict, params, ambiguous_defaults: set | None = None) -> bool:
    """Whether each field of `rec` was read from at least the evidence `params` ask for
    (`indicator_evidence`, `entity_evidence`, ...: those a kind's parameters declare), and
    it is not a table row whose province is a document default `ambiguous_defaults` names."""
    for name in FIELDS:
        weakest = getattr(params, f"{name}_evidence", None)
        if weakest is not None and not level(rec, name).at_least(weakest):
            return False
    if ambiguous_defaults and level(rec, "entity") is Evidence.DOCUMENT and rec.get("block") == "table_row":
        return (rec["path"], rec["doc"], rec["entity"], rec["period"]) not in ambiguous_defaults
    return True


def stated_in_own_clause(rec: dict, weakest: Evidence) -> bool:
    """Whether the row's indicator, province and period are each read at least at `weakest`."""
    return all(level(rec, name).at_least(weakest) for name in ("indicator", "entity", "period"))


def defaults_with_formers(ctx) -> set[tuple]:
    """(path, doc, province, period) for each merged province whose document also gives
    figures of one of its former provinces for that period: there, a table row whose
    province is only the document's default may be a former one's.  A 2030 target can only
    be the merged province's."""
    entities = ctx.catalog.entities
    return {(r["path"], r["doc"], entities[r["entity"]].merged_into, r["period"]) for r in ctx.records
            if r["entity"] in entities and entities[r["entity"]].merged_into and r["period"]}
