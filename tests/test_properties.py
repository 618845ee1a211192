"""Hypothesis properties of intervals, the lexer and the consensus search."""

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from checker.figures import format_number, parse_number
from tests.conftest import scan
from checker.interval import Interval
from checker.kinds.base import consensus

decimals = st.decimals(min_value=Decimal("0"), max_value=Decimal("1e12"), places=3, allow_nan=False,
                       allow_infinity=False)
finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw):
    a, b = sorted((draw(finite), draw(finite)))
    return Interval(a, b, draw(st.booleans()) and a < b, draw(st.booleans()) and a < b)


@given(st.text(max_size=300))
def test_lexer_never_crashes(text):
    for f in scan(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start:f.end].rstrip() or f.kind in ("statistic", "range", "fraction")


@given(decimals)
def test_format_then_parse_returns_the_value(value):
    assert parse_number(format_number(value)) == value


@given(decimals)
def test_scanned_number_has_its_value_in_its_interval(value):
    text = f"đạt {format_number(value)} tỷ đồng"
    (fig,) = [f for f in scan(text) if f.kind == "statistic"]
    assert Decimal(str(fig.value)) == value
    assert fig.interval.lo <= float(value) * 1e9 <= fig.interval.hi


@given(decimals)
def test_stated_interval_is_exactly_the_rounding_interval(value):
    iv = Interval.stated(value)
    step = float(Decimal(1).scaleb(value.as_tuple().exponent))
    assert abs((iv.hi - iv.lo) - step) <= 1e-9 * max(1.0, abs(float(value)))


@given(intervals(), intervals())
def test_overlap_is_symmetric(a, b):
    assert a.overlaps(b) == b.overlaps(a)


@given(intervals(), intervals())
def test_containment_implies_overlap(a, b):
    if a.contains(b) and (b.lo < b.hi or not (b.lo_open or b.hi_open)):
        assert a.overlaps(b)


@given(intervals(), intervals(), st.floats(0, 1), st.floats(0, 1))
def test_sum_contains_sums_of_members(a, b, s, t):
    assume(a.lo < a.hi and b.lo < b.hi)
    x = a.lo + s * (a.hi - a.lo)
    y = b.lo + t * (b.hi - b.lo)
    total = a + b
    assert total.lo - 1e-6 <= x + y <= total.hi + 1e-6


@given(st.lists(intervals(), min_size=1, max_size=8))
def test_consensus_members_share_a_point(ivs):
    best, _ = consensus(ivs)
    assert best
    common = ivs[best[0]]
    for i in best[1:]:
        assert common.overlaps(ivs[i])
    # No larger set of pairwise-overlapping intervals exists than the one found.
    for i, iv in enumerate(ivs):
        if i not in best:
            assert not all(iv.overlaps(ivs[j]) for j in best) or len(best) >= 1


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999"), places=1))
def test_same_value_tolerance_is_the_stated_precision(value):
    """Two statements of one figure agree exactly up to the edge of their rounding."""
    iv = Interval.stated(value)
    assert iv.overlaps(Interval.stated(value))
    just_beyond = Interval.point(iv.hi + 1e-9)
    assert not iv.overlaps(just_beyond) or iv.hi_open is False and just_beyond.lo == iv.hi
    assert iv.overlaps(Interval.point(iv.hi))
