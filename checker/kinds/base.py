"""What every rule kind shares: the facts it may use, item results, and how findings name figures."""

from __future__ import annotations

import bisect
import functools
import itertools
import keyword
import math
import re
import sys
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from checker.interval import Interval, format_vn
from checker.records import STAT_KINDS, Finding

if TYPE_CHECKING:
    import pandas as pd

STAT = STAT_KINDS
# `points`: written in percentage points (`0,3 điểm %`), a difference of two rates, which a
# resolver may keep in its indicator's unit (percent) but which is never the same fact as a rate.
# `base`: a percentage of `dự toán Trung ương giao` is not one of `dự toán HĐND tỉnh giao`.
KEY = ["indicator", "entity", "period", "role", "scope", "measure", "unit", "points", "base"]


@dataclass(frozen=True)
class Result:
    """What a kind reports for one item it checked: pass, fail (with its findings) or
    not applicable (an input it needs is missing).  The engine counts them."""

    status: str
    findings: tuple[Finding, ...] = ()


PASS = Result("pass")
NOT_APPLICABLE = Result("na")


def fail(*findings: Finding) -> Result:
    return Result("fail", findings)


Results = Iterator[Result]


@dataclass
class Outcome:
    """How one rule fared: items checked, passes, fails, not applicable, errors."""

    rule: str
    name: str = ""
    kind: str = ""
    severity: str = ""
    items: int = 0
    passes: int = 0
    fails: int = 0
    na: int = 0
    errors: int = 0
    findings: list[Finding] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "name": self.name, "kind": self.kind, "severity": self.severity,
                "items": self.items, "passes": self.passes, "fails": self.fails, "na": self.na,
                "errors": self.errors}


@dataclass
class Context:
    catalog: Any
    support: dict[int, int] = field(default_factory=dict)
    records: list[dict] = field(default_factory=list)  # the facts table as plain rows, made once
    documents: list | None = None  # the documents, for rules about their layout (numbering)
    # What several rules derive from the same records (`once`), made for the first of them.
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        # Each figure's interval is built once, here, and kinds read it as `row["interval"]`.
        for rec in self.records:
            if "interval" not in rec:
                rec["interval"] = None if rec["lo"] is None else interval_of(rec)
            if "points" not in rec:
                rec["points"] = written_in_points(rec, self.catalog)

    def once(self, name: str, make):
        """`make(self)`, made once for the run: the records do not change between rules."""
        if name not in self.memo:
            self.memo[name] = make(self)
        return self.memo[name]

    @property
    def by_id(self) -> dict[int, dict]:
        if not hasattr(self, "_by_id"):
            self._by_id = {int(r["id"]): r for r in self.records}
        return self._by_id


def written_in_points(rec: dict, catalog) -> bool:
    """Whether a figure was written in percentage points (`điểm %`, `điểm phần trăm/năm`)."""
    text = rec.get("unit_text") or ""
    if "điểm" not in text.lower() or catalog is None:
        return False
    return catalog.units.match(text, 0).unit == "percentage_point"


def _is_na(v) -> bool:
    """pandas' NA, without importing pandas to ask: rule files load (`checker rules`) without
    it, and a facts table's values come with it loaded."""
    pandas = sys.modules.get("pandas")
    return pandas is not None and v is pandas.NA


_PLAIN_TYPES = frozenset({str, int, bool, type(None)})  # values that are never blank (None is its own key)


def _blank(v) -> bool:
    return v is None or _is_na(v) or (isinstance(v, float) and math.isnan(v))


class _Row:
    """A row of the facts table as the rules read it, as a dict is read (`row["unit"]`,
    `row.get(...)`, `"interval" in row`, `row["points"] = ...`): its values in slots, with
    no key table of its own, take a third of a dict's memory, and 64 reports' rows are
    all held while the rules run.  Subclassed per set of columns (`_row_type`)."""

    __slots__ = ()
    __getitem__ = object.__getattribute__  # a column as an attribute: C calls, no Python frame
    __setitem__ = object.__setattr__

    _names: frozenset[str] = frozenset()  # the columns: no method is read as one

    def get(self, key: str, default=None):
        return getattr(self, key, default) if key in self._names else default

    def __contains__(self, key: str) -> bool:
        return key in self._names and hasattr(self, key)

    def keys(self) -> list[str]:
        """The columns set, in order: `{**row, ...}` copies a row into a dict."""
        return [k for k in self.__slots__ if hasattr(self, k)]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())


_ROW_EXTRAS = ("interval", "points")  # what `Context` adds to each row


@functools.lru_cache(maxsize=8)
def _row_type(names: tuple[str, ...]) -> type:
    slots = tuple(dict.fromkeys(names + _ROW_EXTRAS))
    return type("Row", (_Row,), {"__slots__": slots, "_names": frozenset(slots), "__init__": _slot_init(names)})


def _slot_init(names: tuple[str, ...]):
    """`__init__(self, *values)` setting the columns `names` in order, written out as
    `self.<name> = value` lines (as dataclasses write theirs): an assignment to a slot in
    the function's own code costs half a call of the slot's descriptor per value."""
    args = [f"v{i}" for i in range(len(names))]
    body = "".join(f"    object.__setattr__(self, {name!r}, {arg})\n" if keyword.iskeyword(name)
                   else f"    self.{name} = {arg}\n" for name, arg in zip(names, args)) or "    pass\n"
    namespace: dict = {}
    exec(f"def __init__({', '.join(['self', *args])}):\n{body}", namespace)
    return namespace["__init__"]


def records_of(facts: pd.DataFrame) -> list:
    """The facts table as rows that read like dicts (`_Row`), blanks as None: what the rule
    kinds iterate over."""
    # Column by column: `to_dict("records")` boxes every cell and `_blank` tests every
    # value in Python, which cost more than all the rules together.
    row_type = _row_type(tuple(facts.columns))
    blanks = facts.isna().to_numpy()  # (one call for the table, not one a column)
    columns = []
    for j, name in enumerate(facts.columns):
        values = facts[name].tolist()
        blank = blanks[:, j]
        if blank.any():
            values = [None if b else v for v, b in zip(values, blank.tolist())]
        columns.append(values)
    return list(map(row_type, *columns)) if columns else [row_type() for _ in range(len(facts))]


def records_from(names: tuple[str, ...], rows: Iterable[tuple]) -> list:
    """Rows of values in the order of the columns `names` (a draft's `FactRow`s) as the
    rows the kinds read: what `records_of` reads back from a table of them, blanks as
    None, with no table made and converted back on the way."""
    return list(itertools.starmap(_row_type(names), rows))


def stat_records(ctx: "Context", need: tuple[str, ...] = ()) -> list[dict]:
    """Statistics with a value (and with every field in `need` set)."""
    rows = [r for r in ctx.records if r["kind"] in STAT and r["lo"] is not None]
    for k in need:  # a pass per field: no generator per row
        rows = [r for r in rows if r[k] is not None]
    return rows


def group_records(rows: list[dict], keys: list[str]) -> list[tuple[tuple, list[dict]]]:
    """Rows grouped by `keys`, in a deterministic order (blank keys first).
    Plain Python beats pandas' groupby on string columns for tables of this size."""
    groups: dict[tuple, list[dict]] = {}
    read = itemgetter(*keys) if len(keys) > 1 else (lambda rec: (rec[keys[0]],))
    for rec in rows:
        key = read(rec)
        if not _PLAIN_TYPES.issuperset(map(type, key)):  # only a float or NA can be blank
            key = tuple(None if _blank(v) else v for v in key)
        groups.setdefault(key, []).append(rec)
    order = sorted(groups, key=_group_order)
    return [(k, groups[k]) for k in order]


def _group_order(key: tuple) -> list:
    """Blank values first, then by their text (a list compares as the tuple would)."""
    return [(False, "") if v is None else (True, v if v.__class__ is str else str(v)) for v in key]


def interval_of(row) -> Interval:
    return Interval(float(row["lo"]), float(row["hi"]), bool(row["lo_open"]), bool(row["hi_open"]))


LAST_YEAR_RE = re.compile(r"(\d{4})(?:-\d{2}-\d{2})?$")
DECIMALS_RE = re.compile(r"\d,(\d+)")


def last_year(period: str | None) -> int | None:
    """The last year a period covers: 2030 for `2026-2030`, 2025 for `2025-07-01/2025-09-12`."""
    m = LAST_YEAR_RE.search(period or "")
    return int(m.group(1)) if m else None


def written_decimals(row) -> str:
    """The decimals a statistic was written with (`53,170%`: `170`; none: empty).  Read from
    the figure as written until the facts table carries them in a column of its own."""
    m = DECIMALS_RE.search(row["text"])
    return m.group(1) if m else ""


def figure_dict(row) -> dict[str, Any]:
    def clean(v):
        if v is None or (isinstance(v, float) and math.isnan(v)) or _is_na(v):
            return None
        return v
    value = clean(row["value"])
    return {
        "path": row["path"], "line": int(row["line"]), "column": int(row["column"]), "text": row["text"],
        "value": float(value) if value is not None else None, "unit": clean(row["unit"]),
        "indicator": clean(row["indicator"]), "entity": clean(row["entity"]),
        "period": clean(row["period"]), "role": clean(row["role"]),
    }


def pick_suspect(ids: list[int], ctx: Context, candidates: list[int] | None = None) -> int | None:
    """Index (into `ids`) of the figure with strictly the least support from other statements."""
    pool = candidates if candidates is not None else list(range(len(ids)))
    if not pool:
        return None
    scores = [(ctx.support.get(ids[i], 0), i) for i in pool]
    scores.sort()
    if len(scores) == 1:
        return scores[0][1]
    if scores[0][0] < scores[1][0]:
        return scores[0][1]
    return None


def blame(rule, ctx: Context, rows: list[dict], args: dict, imbalance: float | None, why: str = "") -> Finding:
    """A finding about `rows`, with the suspect picked by support (None when it is even)."""
    ids = [int(r["id"]) for r in rows]
    return finding(rule, rows, pick_suspect(ids, ctx), args, imbalance, why)


def finding(rule, rows: list[dict], suspect: int | None, args: dict, imbalance: float | None = None,
            why: str = "", figures: list[dict] | None = None) -> Finding:
    """A finding about `rows` (or ready-made `figures`): its message is the rule's template
    filled from `args` (checker/messages.py) when it is shown, in the reader's language;
    `why` is the explanation's template (a msgid marked with N_), filled from the same args."""
    figures = figures if figures is not None else [figure_dict(r) for r in rows]
    if imbalance is not None and not math.isfinite(imbalance):
        imbalance = None  # figures of 309 digits and more overflow: no size, and no `Infinity` in JSON
    return Finding(rule.id, rule.severity, "", figures, suspect, None, imbalance, "", rule.name,
                   template=rule.message, args=args, why=why)


def fmt(value: float, digits: int = 2) -> str:
    return format_vn(value, digits)


def consensus(intervals: list[Interval]) -> tuple[list[int], bool]:
    """Fellegi–Holt in one dimension: the largest set of figures that can all be true
    at once (the point covered by most intervals, the first such), and whether that set
    is unique (no other set as large is covered at some other point)."""
    events = []
    for i, iv in enumerate(intervals):
        # At one coordinate: open ends leave first, then closed starts, closed ends, open starts.
        events.append((iv.lo, 0 if not iv.lo_open else 2, i))
        events.append((iv.hi, 1 if not iv.hi_open else -1, i))
    events.sort(key=lambda e: (e[0], e[1]))
    # A sweep finds where the most intervals are first covered; a second sweep takes that
    # set and counts the other sets as large, keeping how many of the best set are covered
    # instead of comparing whole sets: n log n in the figures, not quadratic.
    active: set[int] = set()
    most, at = 0, -1
    for n, (_, order, i) in enumerate(events):
        if order in (0, 2):
            active.add(i)
            if len(active) > most:
                most, at = len(active), n
        else:
            active.discard(i)
    if at < 0:
        return [], True
    active = set()
    for _, order, i in events[:at + 1]:
        (active.add if order in (0, 2) else active.discard)(i)
    best, inside, ties = frozenset(active), len(active), 0
    for _, order, i in events[at + 1:]:
        if order in (0, 2):
            if i not in active:
                active.add(i)
                inside += i in best
            if len(active) == most and inside != most:
                ties += 1
        elif i in active:
            active.discard(i)
            inside -= i in best
    return sorted(best), ties == 0


def overlap_counts(intervals: list[Interval]) -> list[int]:
    """For each interval, how many of the others it overlaps: all others but those lying
    wholly below or wholly above it, counted from the sorted ends (n log n, not pairwise)."""
    if any(iv.lo > iv.hi or (iv.lo == iv.hi and (iv.lo_open or iv.hi_open)) for iv in intervals):
        # An empty interval overlaps nothing, itself included: count pair by pair.
        return [sum(1 for j, jv in enumerate(intervals) if j != i and iv.overlaps(jv))
                for i, iv in enumerate(intervals)]
    his, los = sorted(iv.hi for iv in intervals), sorted(iv.lo for iv in intervals)
    hi_at: dict[float, list[int]] = {}  # end value → [ends there, open ends there]
    lo_at: dict[float, list[int]] = {}
    for iv in intervals:
        hi_at.setdefault(iv.hi, [0, 0])
        hi_at[iv.hi][0] += 1
        hi_at[iv.hi][1] += iv.hi_open
        lo_at.setdefault(iv.lo, [0, 0])
        lo_at[iv.lo][0] += 1
        lo_at[iv.lo][1] += iv.lo_open
    counts = []
    for iv in intervals:
        # Below: ending before its start, or at its start where either end is open.
        ends, open_ends = hi_at.get(iv.lo, (0, 0))
        below = bisect.bisect_left(his, iv.lo) + (ends if iv.lo_open else open_ends)
        starts, open_starts = lo_at.get(iv.hi, (0, 0))
        above = len(los) - bisect.bisect_right(los, iv.hi) + (starts if iv.hi_open else open_starts)
        counts.append(len(intervals) - 1 - below - above)
    return counts
