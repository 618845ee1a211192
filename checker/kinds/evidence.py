"""What evidence a rule needs before it compares figures: typed parameters and the tests of a row."""

from __future__ import annotations

import enum
import functools

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


# Each evidence's strength by its value as the evidence columns hold it: rules test every
# row's fields, and `Evidence.strength` looks the member up in the order each time.
_STRENGTH = {e.value: e.strength for e in Evidence}


@functools.lru_cache(maxsize=128)
def _asked(params) -> tuple[tuple[str, str, int], ...]:
    """The fields a kind's parameters ask a minimum evidence of: field, column, strength."""
    return tuple((name, _EVIDENCE_COLUMN[name], weakest.strength) for name in FIELDS
                 if (weakest := getattr(params, f"{name}_evidence", None)) is not None)


def strong_enough(rec: dict, params, ambiguous_defaults: set | None = None) -> bool:
    """Whether each field of `rec` was read from at least the evidence `params` ask for
    (`indicator_evidence`, `entity_evidence`, ...: those a kind's parameters declare), and
    it is not a table row whose province is a document default `ambiguous_defaults` names."""
    for name, column, weakest in _asked(params):
        value = rec.get(column)  # (none: not read from prose, as `level` says: stated)
        if value is not None and (_STRENGTH.get(value) or level(rec, name).strength) < weakest:
            return False
    if ambiguous_defaults and level(rec, "entity") is Evidence.DOCUMENT and rec.get("block") == "table_row":
        return (rec["path"], rec["doc"], rec["entity"], rec["period"]) not in ambiguous_defaults \
            or (rec["path"], rec["doc"], rec.get("table")) in getattr(ambiguous_defaults, "merged_tables", ())
    return True


def stated_in_own_clause(rec: dict, weakest: Evidence) -> bool:
    """Whether the row's indicator, province and period are each read at least at `weakest`."""
    return all(level(rec, name).at_least(weakest) for name in ("indicator", "entity", "period"))


class AmbiguousDefaults(set):
    """(path, doc, province, period) keys whose table rows' default province is unsure, and
    the tables (path, doc, table) shown to be the merged province's all the same."""

    def __init__(self, keys=(), merged_tables=()):
        super().__init__(keys)
        self.merged_tables = frozenset(merged_tables)


def defaults_with_formers(ctx) -> AmbiguousDefaults:
    """(path, doc, province, period) for each merged province whose document also gives
    figures of one of its former provinces for that period: there, a table row whose
    province is only the document's default may be a former one's.  A 2030 target can only
    be the merged province's.  (Found once a run, for every rule that asks.)"""
    return ctx.once("defaults_with_formers", _defaults_with_formers)


def _defaults_with_formers(ctx) -> AmbiguousDefaults:
    entities = ctx.catalog.entities
    keys = {(r["path"], r["doc"], entities[r["entity"]].merged_into, r["period"]) for r in ctx.records
            if r["entity"] in entities and entities[r["entity"]].merged_into and r["period"]}
    return AmbiguousDefaults(keys, _merged_tables(ctx, keys) if keys else ())


MERGED_TABLE_AGREEMENT = 2  # rows of a table that restate the merged province's prose figures


def _merged_tables(ctx, keys: set) -> set[tuple]:
    """`Biểu 01. Một số chỉ tiêu chủ yếu 9 tháng` with no province column, in a report that
    also gives former provinces' figures: the table is the merged province's when at least
    two of its rows restate, value for value, what the prose states of the merged province
    (indicator, period, role, unit alike), and more of them agree than differ."""
    prose: dict[tuple, list] = {}
    rows = []
    for r in ctx.records:
        if r["kind"] not in ("statistic",) or r["lo"] is None or not r["indicator"] or not r["period"]:
            continue
        key = (r["path"], r["doc"], r["indicator"], r["entity"], r["period"], r["role"], r["unit"], r["scope"])
        if r["block"] == "table_row":
            if level(r, "entity") is Evidence.DOCUMENT and (r["path"], r["doc"], r["entity"], r["period"]) in keys:
                rows.append((key, r))
        elif r["part_of"] is None and not r["measure"]:
            prose.setdefault(key, []).append(r["interval"])
    tally: dict[tuple, list[int]] = {}
    for key, r in rows:
        stated = prose.get(key)
        if stated:
            counts = tally.setdefault((r["path"], r["doc"], r.get("table")), [0, 0])
            counts[0 if all(iv.overlaps(r["interval"]) for iv in stated) else 1] += 1
    return {t for t, (agree, differ) in tally.items() if agree >= MERGED_TABLE_AGREEMENT and agree > differ}
