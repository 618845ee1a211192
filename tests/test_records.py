"""The records whose __init__ is written out for speed keep the dataclass's contract."""

import dataclasses
import inspect

import pytest

from checker.interval import Interval
from checker.records import Evidence, Figure, Resolution


@pytest.mark.parametrize("cls", [Figure, Resolution, Interval])
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected, f.name


def test_written_init_makes_the_same_frozen_record():
    fig = Figure("1,5 triệu", 3, 12, 1.5, Interval(1.45, 1.55), unit="person", scale=1e6)
    assert vars(fig) == {f.name: getattr(fig, f.name) for f in dataclasses.fields(Figure)}
    assert dataclasses.replace(fig, start=4).start == 4 and fig.start == 3
    assert fig == Figure("1,5 triệu", 3, 12, 1.5, Interval(1.45, 1.55), unit="person", scale=1e6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig.start = 5
    res = Resolution("2025", Evidence.CLAUSE)
    assert (res.value, res.evidence, res.reason) == ("2025", Evidence.CLAUSE, "")
    assert hash(res) == hash(Resolution("2025", Evidence.CLAUSE, ""))
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.reason = "x"
    iv = Interval(46.0, float("inf"), lo_open=True)
    assert (iv.lo, iv.hi, iv.lo_open, iv.hi_open) == (46.0, float("inf"), True, False)
    assert iv == Interval(46.0, float("inf"), True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        iv.lo = 0.0
