"""Intervals that carry the precision a figure was stated with."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

INF = math.inf
# Half a unit of the last stated digit, by the digit's place (`Decimal.as_tuple().exponent`):
# the same few places recur, and building the Decimal was most of `Interval.stated`.
_HALF_STEPS: dict[int, Decimal] = {}


@dataclass(frozen=True)
class Interval:
    """A closed, half-open or open interval of real numbers.

    `7,35` is stated to two decimals, so it stands for every value that
    rounds to it: [7,345; 7,355].  `trên 46` is (46; +inf).  Rules compare
    figures only through these intervals, never through a global epsilon.
    """

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __init__(self, lo: float, hi: float, lo_open: bool = False, hi_open: bool = False):
        # (the fields at once: a frozen dataclass's own __init__ sets each through
        # `object.__setattr__`; every figure makes one or more, and so does every comparison)
        self.__dict__.update(lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open)

    @classmethod
    def point(cls, value: float) -> "Interval":
        return cls(value, value)

    @classmethod
    def stated(cls, text_value: Decimal | str, scale: float = 1.0) -> "Interval":
        """The interval of every value that rounds to the stated digits."""
        d = text_value if type(text_value) is Decimal else Decimal(text_value)
        exponent = d.as_tuple().exponent
        half = _HALF_STEPS.get(exponent)
        if half is None:
            half = _HALF_STEPS[exponent] = Decimal(5) * Decimal(10) ** (exponent - 1)
        lo = float((d - half)) * scale
        hi = float((d + half)) * scale
        return cls(lo, hi)

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.hi if math.isinf(self.lo) else self.lo
        return (self.lo + self.hi) / 2

    @property
    def bounded(self) -> bool:
        return not (math.isinf(self.lo) or math.isinf(self.hi))

    def overlaps(self, other: "Interval") -> bool:
        """True when some value lies in both intervals."""
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo and (self.hi_open or other.lo_open):
            return False
        if other.hi == self.lo and (other.hi_open or self.lo_open):
            return False
        return True

    def contains(self, other: "Interval") -> bool:
        """True when every value of `other` lies in this interval."""
        lo_ok = self.lo < other.lo or (self.lo == other.lo and (not self.lo_open or other.lo_open))
        hi_ok = other.hi < self.hi or (other.hi == self.hi and (not self.hi_open or other.hi_open))
        return lo_ok and hi_ok

    def intersection(self, other: "Interval") -> "Interval":
        """The values in both intervals (callers check `overlaps` first).  At a shared end
        the result is open if either interval is open there: `trên 46` and [46; 47] share
        no 46."""
        if self.lo != other.lo:
            lo, lo_open = (self.lo, self.lo_open) if self.lo > other.lo else (other.lo, other.lo_open)
        else:
            lo, lo_open = self.lo, self.lo_open or other.lo_open
        if self.hi != other.hi:
            hi, hi_open = (self.hi, self.hi_open) if self.hi < other.hi else (other.hi, other.hi_open)
        else:
            hi, hi_open = self.hi, self.hi_open or other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    def hull(self, other: "Interval") -> "Interval":
        if self.lo < other.lo or (self.lo == other.lo and not self.lo_open):
            lo, lo_open = self.lo, self.lo_open
        else:
            lo, lo_open = other.lo, other.lo_open
        if self.hi > other.hi or (self.hi == other.hi and not self.hi_open):
            hi, hi_open = self.hi, self.hi_open
        else:
            hi, hi_open = other.hi, other.hi_open
        return Interval(lo, hi, lo_open, hi_open)

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi,
                        self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo,
                        self.lo_open or other.hi_open, self.hi_open or other.lo_open)

    def __mul__(self, other: "Interval") -> "Interval":
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: "Interval") -> "Interval":
        if other.lo <= 0 <= other.hi:
            return Interval(-INF, INF, True, True)
        inverse = Interval(1 / other.hi, 1 / other.lo)
        return self * inverse

    def scaled(self, factor: float) -> "Interval":
        a, b = self.lo * factor, self.hi * factor
        if factor >= 0:
            return Interval(a, b, self.lo_open, self.hi_open)
        return Interval(b, a, self.hi_open, self.lo_open)

    def format(self, digits: int = 4) -> str:
        if self.lo == self.hi and not (self.lo_open or self.hi_open):
            return format_vn(self.lo, digits)
        left = "(" if self.lo_open or math.isinf(self.lo) else "["
        right = ")" if self.hi_open or math.isinf(self.hi) else "]"
        return f"{left}{format_vn(self.lo, digits)}; {format_vn(self.hi, digits)}{right}"


def of_base(form: str, a: Interval, b: Interval) -> Interval | None:
    """What a figure stated of result `a` over base `b` in this form should be."""
    if form in ("above", "below"):
        return a - b if form == "above" else b - a
    if not b.bounded or b.lo <= 0:
        return None
    ratio = binary_slack((a / b).scaled(100))
    return {"of": ratio, "over": ratio - Interval.point(100), "under": Interval.point(100) - ratio}[form]


def binary_slack(iv: Interval) -> Interval:
    """`469/800` is 58,625 exactly, but 469 / 800 * 100 is 58,625000000000014 in binary
    floating point: widen a computed quotient by that representation error only (1e-12
    relative), so a percentage rounded half-way is not flagged.  Not a tolerance: the
    stated precision still decides."""
    return Interval(iv.lo - abs(iv.lo) * 1e-12, iv.hi + abs(iv.hi) * 1e-12, iv.lo_open, iv.hi_open) \
        if iv.bounded else iv


def _mul(a: float, b: float) -> float:
    if (a == 0 and math.isinf(b)) or (b == 0 and math.isinf(a)):
        return 0.0
    return a * b


def format_vn(value: float, digits: int = 2) -> str:
    """Format a number the Vietnamese way: `.` groups thousands, `,` is the decimal mark."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
