"""Numbers in messages are written as Babel writes them in locale vi (checker.messages.format_number)."""

from __future__ import annotations

import math

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.messages import format_number


def _babel(value: float, digits: int, extra: int) -> str:
    """The formatter the message code used before: Babel, pattern `#,##0.00##`, locale vi."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    decimals = "0" * digits + "#" * extra
    text = format_decimal(round(value, digits + extra) + 0.0, format="#,##0" + ("." + decimals if decimals else ""),
                          locale="vi")
    return text.replace("-", "−") if text.startswith("-") else text


@pytest.mark.parametrize("value, digits, extra, text", [
    (1234567.891, 1, 0, "1.234.567,9"), (361.6e3, 0, 0, "361.600"), (62.5, 0, 1, "62,5"), (62.0, 0, 1, "62"),
    (-0.04, 1, 0, "0,0"), (-12.25, 1, 1, "−12,25"), (0.0, 2, 0, "0,00"), (1e21, 0, 0, "1.000.000.000.000.000.000.000"),
    (-1500.0, 0, 0, "−1.500"), (0.105, 2, 0, "0,10"), (float("inf"), 2, 0, "∞"),
])
def test_known_numbers(value, digits, extra, text):
    assert format_number(value, digits, extra) == _babel(value, digits, extra)
    assert format_number(value, digits, extra) == text


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.floats(allow_nan=False, min_value=-1e15, max_value=1e15),
                 st.integers(-10**12, 10**12).map(float),
                 st.integers(-10**7, 10**7).map(lambda n: n / 1000)),
       st.integers(0, 4), st.integers(0, 3))
def test_the_same_as_babel(value, digits, extra):
    assert format_number(value, digits, extra) == _babel(value, digits, extra)
