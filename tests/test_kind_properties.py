"""Hypothesis properties of the rule kinds: each passes exactly at its tolerance (the stated
precision) and fails just beyond it."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.catalog import load_catalog
from checker.interval import Interval
from checker.kinds import KINDS
from checker.engine import run_rule
from checker.kinds.base import Context
from checker.kinds.growth import average_growth
from checker.kinds.params import decode
from checker.kinds.verdict import judge
from checker.rulefile import Rule

CATALOG = load_catalog()
FIELDS = dict(path="x.md", doc=1, doc_kind="report", block="paragraph", column=1, kind="statistic", unit="percent",
              unit_text="%", lo_open=False, hi_open=False, qualifier="", denominator=None, label=None, footnote=None,
              anchor_line=None, annotates=None, table=None, row_label=None, column_role=None, sentence=0,
              position=0, part_of=None, part_bound=False, restates=None, ratio_num=None, ratio_den=None,
              change_from=None, change_dir=None, of_result=None, of_base=None, of_form=None, base="",
              avg_from=None, avg_to=None, avg_years=None, avg_form=None, notes="", context="", scope="", measure="",
              period="2025",
              role="actual", indicator=None, entity=None)


def record(i: int, iv: Interval, **kw) -> dict:
    rec = dict(FIELDS, id=i, line=i + 1, text=f"f{i}", value=iv.mid, lo=iv.lo, hi=iv.hi)
    rec.update(kw)
    return rec


def run(kind: str, records: list[dict], **params):
    rule = Rule("T01", "test.rule", kind, "error", "{expected}", "a test rule",
                decode(KINDS[kind].Params, params, kind, CATALOG))
    return run_rule(rule, Context(CATALOG, {}, records))


percent = st.decimals(min_value=Decimal("1.0"), max_value=Decimal("99.0"), places=1)


@given(percent)
def test_same_value_passes_at_the_rounding_edge_and_fails_beyond(value):
    stated = Interval.stated(value)
    key = dict(indicator="forest_cover", entity="bac_kan")
    touching = record(1, Interval.point(stated.hi), **key)
    beyond = record(2, Interval.point(stated.hi + 1e-6), **key)
    assert run("same_value", [record(0, stated, **key), touching]).fails == 0
    assert run("same_value", [record(0, stated, **key), beyond]).fails == 1


@given(st.integers(1, 5000), st.integers(1, 5000))
def test_merged_total_is_exact_for_counts(a, b):
    key = dict(indicator="ocop_products", unit="san_pham", period="2025")
    parts = [record(1, Interval.point(a), entity="thai_nguyen_cu", **key),
             record(2, Interval.point(b), entity="bac_kan", **key)]
    right = [record(0, Interval.point(a + b), entity="thai_nguyen", **key)] + parts
    off = [record(0, Interval.point(a + b + 1), entity="thai_nguyen", **key)] + parts
    assert run("part_whole", right, mode="merged").fails == 0
    assert run("part_whole", off, mode="merged").fails == 1


@given(percent, percent)
def test_between_passes_at_the_hull_edge_and_fails_beyond(a, b):
    ia, ib = Interval.stated(a), Interval.stated(b)
    top = max(ia.hi, ib.hi)
    key = dict(indicator="forest_cover")
    formers = [record(1, ia, entity="thai_nguyen_cu", **key), record(2, ib, entity="bac_kan", **key)]
    edge = [record(0, Interval.point(top), entity="thai_nguyen", **key)] + formers
    out = [record(0, Interval.point(top + 1e-6), entity="thai_nguyen", **key)] + formers
    assert run("between", edge, mode="range").fails == 0
    assert run("between", out, mode="range").fails == 1


@given(st.integers(1, 999), st.integers(1, 999))
def test_stated_share_passes_when_rounded_and_fails_one_step_off(num, extra):
    den = num + extra
    exact = Decimal(num) / Decimal(den) * 100
    rounded = exact.quantize(Decimal("0.01"))
    frac = record(0, Interval.point(num), kind="fraction", denominator=float(den), value=float(num), unit="xa")
    good = record(1, Interval.stated(rounded), restates=0)
    bad = record(1, Interval.stated(rounded + Decimal("0.02")), restates=0)
    assert run("stated_ratio", [frac, good], mode="share").fails == 0
    assert run("stated_ratio", [frac, bad], mode="share").fails == 1


@given(st.decimals(min_value=Decimal("1.0"), max_value=Decimal("60.0"), places=1),
       st.decimals(min_value=Decimal("1.0"), max_value=Decimal("39.0"), places=1))
def test_shares_pass_at_100_and_fail_a_step_beyond(a, b):
    from hypothesis import assume
    c = Decimal(100) - a - b
    assume(c > 0)
    parts = ["econ_share_industry_construction", "econ_share_services_and_taxes", "econ_share_agriculture"]
    structures = [parts]
    whole = [record(i, Interval.stated(v), indicator=ind, entity="gia_lai") for i, (ind, v) in enumerate(zip(parts, (a, b, c)))]
    over = [record(i, Interval.stated(v), indicator=ind, entity="gia_lai")
            for i, (ind, v) in enumerate(zip(parts, (a, b, c + Decimal("0.2"))))]
    assert run("shares", whole, structures=structures).fails == 0
    assert run("shares", over, structures=structures).fails == 1


@settings(max_examples=200)
@given(percent, percent, st.booleans())
def test_verdict_judges_only_what_precision_makes_certain(target, result, higher):
    t, r = Interval.stated(target), Interval.stated(result)
    verdict = judge(t, r, higher)
    if verdict != "unsure":
        # Certain verdicts never contradict each other when the two figures are swapped in direction.
        opposite = judge(t, r, not higher)
        assert opposite != verdict or t.overlaps(r)
    if t.overlaps(r) and not (r.lo >= t.hi or r.hi <= t.lo):
        assert verdict == "unsure"


@given(st.floats(100, 1e6), st.floats(0.5, 30), st.integers(1, 10))
def test_growth_recovers_the_rate_it_was_built_from(start, rate, years):
    end = start * (1 + rate / 100) ** years
    got = average_growth(Interval.point(start), Interval.point(end), years)
    assert abs(got.mid - rate) < 1e-6


@given(st.integers(10, 500), st.integers(100, 5000))
def test_identity_holds_for_exact_products_and_fails_a_step_off(per_head, people):
    key = dict(entity="gia_lai", period="2030", role="target")
    rows = [record(0, Interval.point(per_head * 1e6), indicator="grdp_per_capita", unit="dong / nguoi", **key),
            record(1, Interval.point(people * 1e3), indicator="population", unit="nguoi", **key)]
    exact = rows + [record(2, Interval.point(per_head * people * 1e9), indicator="grdp", unit="dong", **key)]
    off = rows + [record(2, Interval.point(per_head * people * 1e9 + 1e6), indicator="grdp", unit="dong", **key)]
    params = dict(left="grdp_per_capita * population", right="grdp")
    assert run("identity", exact, **params).fails == 0
    assert run("identity", off, **params).fails == 1


@given(percent, percent, st.integers(1000, 90000), st.integers(1000, 90000))
def test_weighted_mean_passes_at_the_weighted_value_and_fails_beyond(a, b, wa, wb):
    key = dict(indicator="grdp_growth", period="2021-2025")
    mean = (float(a) * wa + float(b) * wb) / (wa + wb)
    parts = [record(1, Interval.point(float(a)), entity="thai_nguyen_cu", **key),
             record(2, Interval.point(float(b)), entity="bac_kan", **key),
             record(3, Interval.point(wa * 1e9), entity="thai_nguyen_cu", indicator="grdp", unit="dong", period="2025"),
             record(4, Interval.point(wb * 1e9), entity="bac_kan", indicator="grdp", unit="dong", period="2025")]
    good = [record(0, Interval(mean - 1e-9, mean + 1e-9), entity="thai_nguyen", **key)] + parts
    bad = [record(0, Interval.point(mean + 0.01), entity="thai_nguyen", **key)] + parts
    assert run("weighted_mean", good).fails == 0
    assert run("weighted_mean", bad).fails == 1


@given(percent)
def test_a_target_at_the_reached_level_passes_and_below_it_warns(reached):
    key = dict(indicator="trained_labour_rate", entity="gia_lai")
    done = record(0, Interval.stated(reached), period="2025", role="actual", **key)
    level = Interval.stated(reached)
    at = record(1, Interval.point(level.lo), period="2030", role="target", **key)
    below = record(1, Interval.point(level.lo - 0.01), period="2030", role="target", **key)
    assert run("plausibility", [done, at]).fails == 0
    assert run("plausibility", [done, below]).fails == 1


ends = st.tuples(st.integers(-50, 50), st.integers(-50, 50), st.booleans(), st.booleans()).map(
    lambda t: Interval(min(t[0], t[1]), max(t[0], t[1]), t[2] and t[0] != t[1], t[3] and t[0] != t[1]))


def holds(iv: Interval, x: float) -> bool:
    return (iv.lo < x or (iv.lo == x and not iv.lo_open)) and (x < iv.hi or (x == iv.hi and not iv.hi_open))


@given(ends, ends, st.integers(-100, 100))
def test_intersection_holds_exactly_the_values_of_both(a, b, half_steps):
    from hypothesis import assume
    assume(a.overlaps(b))
    x = half_steps / 2
    assert holds(a.intersection(b), x) == (holds(a, x) and holds(b, x))


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("3.0"), places=1),
       st.decimals(min_value=Decimal("1.0"), max_value=Decimal("20.0"), places=1))
def test_a_yearly_fall_in_points_passes_when_rounded_and_fails_one_step_off(fall, end):
    key = dict(indicator="poverty_rate", entity="gia_lai", unit="percent")
    levels = [record(0, Interval.point(float(end + 5 * fall)), period="2020", **key),
              record(1, Interval.point(float(end)), period="2025", **key)]
    stated = dict(indicator="poverty_reduction", entity="gia_lai", period="2021-2025")
    right = levels + [record(2, Interval.stated(fall), **stated)]
    off = levels + [record(2, Interval.stated(fall + Decimal("0.1")), **stated)]
    pairs = [["poverty_rate", "poverty_reduction"]]
    assert run("growth", right, mode="points", pairs=pairs).fails == 0
    assert run("growth", off, mode="points", pairs=pairs).fails == 1


@given(st.lists(st.integers(100, 90_000), min_size=2, max_size=6), st.booleans())
def test_table_total_passes_at_the_summed_edge_and_fails_beyond(parts, bound):
    # Table cells as written to the unit (±0,5 each): the parent may stand anywhere the
    # rows' summed interval reaches (a `Trong đó` list only bounds it from below).
    key = dict(block="table_row", unit="dong", unit_text="", indicator="budget_spending", entity="ha_tinh",
               table=1, part_bound=bound)
    rows = [record(i + 1, Interval.stated(Decimal(v)), part_of=0, **key) for i, v in enumerate(parts)]
    reach = sum(parts) + 0.5 * len(parts)  # the summed interval's top
    edge = record(0, Interval.stated(Decimal(int(reach + 0.5))), **{**key, "part_bound": False})
    below = record(0, Interval.stated(Decimal(sum(parts) - len(parts) - 1)), **{**key, "part_bound": False})
    above = record(0, Interval.stated(Decimal(int(reach + 2))), **{**key, "part_bound": False})
    assert run("part_whole", [edge] + rows, mode="table").fails == 0
    assert run("part_whole", [below] + rows, mode="table").fails == 1
    assert run("part_whole", [above] + rows, mode="table").fails == (0 if bound else 1)
