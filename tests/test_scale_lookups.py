"""The rules' lookups that replaced scans (issue 14) give what the scans gave: each is
checked against the plain pairwise or row-by-row version on generated inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.interval import Interval
from checker.kinds.base import consensus, overlap_counts

ENDS = st.sampled_from([-float("inf"), 0.0, 1.0, 1.5, 2.0, 3.0, float("inf")])


@st.composite
def intervals(draw, empty: bool = False):
    lo, hi = sorted((draw(ENDS), draw(ENDS)))
    iv = Interval(lo, hi, draw(st.booleans()), draw(st.booleans()))
    if not empty and iv.lo == iv.hi and (iv.lo_open or iv.hi_open):
        return Interval(lo, hi)
    return iv


def consensus_pairwise(ivs: list[Interval]) -> tuple[list[int], bool]:
    """The sweep as first written: the active set compared whole at every start."""
    events = []
    for i, iv in enumerate(ivs):
        events.append((iv.lo, 0 if not iv.lo_open else 2, i))
        events.append((iv.hi, 1 if not iv.hi_open else -1, i))
    best: list[int] = []
    ties = 0
    active: set[int] = set()
    for _, order, i in sorted(events, key=lambda e: (e[0], e[1])):
        if order in (0, 2):
            active.add(i)
            if len(active) > len(best):
                best, ties = sorted(active), 0
            elif len(active) == len(best) and sorted(active) != best:
                ties += 1
        else:
            active.discard(i)
    return best, ties == 0


@settings(max_examples=400, deadline=None)
@given(st.lists(intervals(empty=True), max_size=12))
def test_consensus_is_the_pairwise_sweep(ivs):
    assert consensus(ivs) == consensus_pairwise(ivs)


@settings(max_examples=400, deadline=None)
@given(st.lists(intervals(empty=True), max_size=12))
def test_overlap_counts_are_the_pairwise_counts(ivs):
    assert overlap_counts(ivs) == [sum(1 for j, jv in enumerate(ivs) if j != i and iv.overlaps(jv))
                                   for i, iv in enumerate(ivs)]


ROWS = st.fixed_dictionaries({
    "role": st.sampled_from(["actual", "target", "margin"]),
    "indicator": st.sampled_from(["a", "b"]),
    "entity": st.sampled_from(["x", "y"]),
    "unit": st.sampled_from(["percent", "tonne"]),
    # (periods of unknown year are four characters too: `?-Q3`, `?-9M`)
    "period": st.sampled_from(["2020", "2023", "2024", "2025", "2021-2025", "2030", "?-Q3", "?-9M", "?-2025"]),
    "path": st.sampled_from(["p", "q"]),
    "line": st.integers(1, 4),
})


def _numbered(rows: list[dict]) -> list[dict]:
    return [dict(r, id=n) for n, r in enumerate(rows)]


@settings(max_examples=300, deadline=None)
@given(st.lists(ROWS, max_size=25), st.sampled_from([2024, 2025, 2030]))
def test_latest_result_before_a_target_is_the_scanned_one(rows, end):
    from checker.kinds.plausibility import _actuals, _latest_before

    recs = _numbered(rows)
    beside, latest = _actuals(recs)
    for r in recs:
        reached = [a for a in recs if a["role"] == "actual" and a["indicator"] == r["indicator"]
                   and a["entity"] == r["entity"] and a["unit"] == r["unit"]
                   and a["period"].isdigit() and int(a["period"]) < end]
        expected = max(reached, key=lambda a: (a["period"], a["line"]))["id"] if reached else None
        found = _latest_before(latest.get((r["indicator"], r["entity"], r["unit"])), end)
        assert (found["id"] if found else None) == expected
        assert ((r["indicator"], r["entity"], r["period"], r["path"], r["line"]) in beside) == any(
            a["role"] == "actual" and all(a[k] == r[k] for k in ("indicator", "entity", "period", "path", "line"))
            for a in recs)


@settings(max_examples=300, deadline=None)
@given(st.lists(ROWS, max_size=25))
def test_margin_lookups_are_the_scanned_ones(rows):
    from checker.kinds.verdict import _first_percent_rows

    recs = _numbered(rows)
    first = _first_percent_rows(recs)
    for m in recs:
        same = [r for r in recs if r["indicator"] == m["indicator"] and r["entity"] == m["entity"]
                and r["period"] == m["period"] and r["unit"] == "percent"]
        targets = [r for r in same if r["role"] == "target"]
        results = [r for r in same if r["role"] == "actual" and r["path"] == m["path"] and r["line"] == m["line"]]
        results = results or [r for r in same if r["role"] == "actual"]
        key = (m["indicator"], m["entity"], m["period"])
        target = first.get(("target", *key))
        result = first.get(("actual", *key, m["path"], m["line"])) or first.get(("actual", *key))
        assert (target["id"] if target else None) == (targets[0]["id"] if targets else None)
        assert (result["id"] if result else None) == (results[0]["id"] if results else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "indicator": st.sampled_from(["level", "other"]), "entity": st.sampled_from(["x", "y"]),
    "scope": st.sampled_from([None, "", "urban"]),
    "period": st.sampled_from(["2020", "2025", "2021-2025", "?-Q3", "?-07"])}),
    max_size=20))
def test_growth_levels_are_the_scanned_ones(rows):
    from checker.kinds.growth import _levels

    recs = _numbered(rows)
    levels = _levels(recs, "level")
    for g in recs:
        scanned = {int(r["period"]): r["id"] for r in recs if r["indicator"] == "level" and r["entity"] == g["entity"]
                   and r["period"].isdigit() and (r["scope"] or "") == (g["scope"] or "")}
        found = levels.get((g["entity"], g["scope"] or ""), {})
        assert {year: r["id"] for year, r in found.items()} == scanned
