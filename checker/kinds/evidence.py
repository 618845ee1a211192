"""What evidence a rule needs before it compares figures: typed parameters and the tests of a row."""

from __future__ import annotations

import enum

from checker.records import Evidence


class DocumentEntity(str, enum.Enum):
    """Whether a province read only from the document's default (its title) is evidence."""

    ALWAYS = "always"
    # Not where the same document also speaks of that province's former provinces: an
    # unnamed figure there may be either (a table under `A. Tỉnh An Giang (cũ)`).
    UNLESS_FORMERS = "unless_formers"


FIELDS = ("indicator", "entity", "period", "role")


def level(rec: dict, name: str) -> Evidence:
    """Where a row's field was read.  A row built without the evidence columns was not read
    from prose (a data file, a test's hand-made row): it counts as stated."""
    value = rec.get(f"{name}_evidence")
    return Evidence.DATA if value is None else Evidence(value)


def strong_enough(rec: dict, params, ambiguous_defaults: set | None = None) -> bool:
    """Whether each field of `rec` was read from at least the evidence `params` ask for
    (`indicator_evidence`, `entity_evidence`, ...: those a kind's parameters declare), and
    its province is not a document default that `ambiguous_defaults` names."""
    for name in FIELDS:
        weakest = getattr(params, f"{name}_evidence", None)
        if weakest is not None and not level(rec, name).at_least(weakest):
            return False
    if ambiguous_defaults and level(rec, "entity") is Evidence.DOCUMENT:
        where = (rec["path"], rec["doc"], rec["entity"])
        if (*where, rec["indicator"], rec["period"]) in ambiguous_defaults:
            return False
        # Tables of a merged province's report are often one per former province: a row
        # whose province no heading gave may be a former one's whatever it measures.
        return not (rec.get("block") == "table_row" and (*where, None, rec["period"]) in ambiguous_defaults)
    return True


def stated_in_own_clause(rec: dict, weakest: Evidence) -> bool:
    """Whether the row's indicator, province and period are each read at least at `weakest`."""
    return all(level(rec, name).at_least(weakest) for name in ("indicator", "entity", "period"))


def defaults_with_formers(ctx) -> set[tuple]:
    """(path, doc, province, indicator, period) for each merged province whose document also
    gives that indicator for that period for one of its former provinces: there, a figure
    whose province is only the document's default may be either (a table under the heading
    of a former province), while a 2030 target can only be the merged province's.  The
    indicator None stands for any: a table row is ambiguous whatever it measures."""
    entities = ctx.catalog.entities
    out = set()
    for r in ctx.records:
        if r["entity"] in entities and entities[r["entity"]].merged_into and r["period"]:
            where = (r["path"], r["doc"], entities[r["entity"]].merged_into)
            out.update({(*where, r["indicator"], r["period"]), (*where, None, r["period"])})
    return out
