"""Kind `stated_ratio`: a stated percentage, multiplier or change recomputes from its figures."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval, binary_slack, of_base
from checker.kinds.base import PASS, Context, Result, Results, fail, finding, fmt, pick_suspect


class RatioMode(str, enum.Enum):
    SHARE = "share"  # `115/121 xã, bằng 95,04%`
    MULTIPLE = "multiple"  # `gấp 1,70 lần`
    DIRECTION = "direction"  # `tăng từ A lên B`
    OF_BASE = "of_base"  # `18.650 tỷ đồng, bằng 104,8% dự toán (17.200 tỷ đồng)`


@dataclass(frozen=True)
class StatedRatioParams:
    mode: RatioMode = RatioMode.SHARE


class StatedRatio:
    """What it does: recomputes what the text says of two figures, in three forms:
    `share` — `115/121 xã ..., bằng 95,04%`: 115 / 121 must round to the stated percentage;
    `multiple` — `24.735 tỷ đồng ... (gấp 1,70 lần)` after `16.440 tỷ đồng`: the quotient
    must round to the stated multiplier;
    `direction` — `tăng từ A lên B` needs B above A, `giảm từ A xuống B` B below A;
    `of_base` — a result A stated as a percentage of its base B (`bằng 104,8% dự toán
    (17.200 tỷ đồng)`, `4.790/4.500 tỷ đồng, bằng 104,6%`): 100·A/B; `vượt P%`: 100·A/B − 100;
    `giảm P%`: 100 − 100·A/B; a margin in points (`vượt 1,6 điểm % so với chỉ tiêu (24%)`): A − B.

    Why it matters: a percentage or multiplier is often computed once and not updated
    when one of its figures changes.

    Example: `758/952 trường, chiếm tỷ lệ 79,62%` passes (758 / 952 = 79,62%);
    `tăng từ 16.440 tỷ đồng lên 24.735 tỷ đồng (gấp 1,70 lần)` fails: 24.735 / 16.440 = 1,50.
    """

    Params = StatedRatioParams
    fields = {"stated", "computed", "expected", "a", "b", "base"}

    # The facts column that links a stated figure to the figures it is computed from.
    LINK = {RatioMode.SHARE: "restates", RatioMode.MULTIPLE: "ratio_num", RatioMode.DIRECTION: "change_from",
            RatioMode.OF_BASE: "of_result"}

    def run(self, rule, ctx: Context) -> Results:
        mode = rule.params.mode
        check = {RatioMode.SHARE: self._share, RatioMode.MULTIPLE: self._multiple,
                 RatioMode.DIRECTION: self._direction, RatioMode.OF_BASE: self._of_base}[mode]
        for row in [r for r in ctx.records if r[self.LINK[mode]] is not None]:
            yield check(rule, ctx, row)

    def _share(self, rule, ctx: Context, row: dict) -> Result:
        frac = ctx.by_id[int(row["restates"])]
        den = float(frac["denominator"]) / float(frac["lo"]) * float(frac["value"]) if frac["lo"] else float(frac["denominator"])
        num = float(frac["value"])
        computed = binary_slack(Interval.point(num / den * 100))
        if row["interval"].overlaps(computed):
            return PASS
        shown = m.quantity(computed, like=row, digits=max(m.written_digits(row["text"]), 2), unit="%")
        return _failed(rule, ctx, [frac, row], computed, shown, N_("{a} = {computed}, stated {stated}"))

    def _multiple(self, rule, ctx: Context, row: dict) -> Result:
        a, b = ctx.by_id[int(row["ratio_num"])], ctx.by_id[int(row["ratio_den"])]
        computed = a["interval"] / b["interval"]
        if row["interval"].overlaps(computed):
            return PASS
        shown = m.quantity(computed, like=row, digits=max(m.written_digits(row["text"]), 2))
        return _failed(rule, ctx, [a, b, row], computed, shown, N_("{a} / {base} = {computed}, stated {stated}"))

    def _direction(self, rule, ctx: Context, row: dict) -> Result:
        a = ctx.by_id[int(row["change_from"])]
        up = row["change_dir"] == "up"
        if row["interval"].hi > a["interval"].lo if up else row["interval"].lo < a["interval"].hi:
            return PASS
        expected = m.items([m.word(N_("above") if up else N_("below")), m.fig(0)], " ")
        why = N_("the text says it rose from {a} to {b}") if up else N_("the text says it fell from {a} to {b}")
        return _failed(rule, ctx, [a, row], a["interval"], expected, why, imbalance=False)

    def _of_base(self, rule, ctx: Context, row: dict) -> Result:
        a, b = ctx.by_id[int(row["of_result"])], ctx.by_id[int(row["of_base"])]
        # A target is a number set by a resolution, exact as written (issue C13); a past
        # level (`cùng kỳ`) is a measurement and keeps its precision.
        base = Interval.point(b["interval"].mid) if b["role"] == "target" and b["interval"].bounded else b["interval"]
        computed = of_base(row["of_form"], a["interval"], base)
        if computed is None or row["interval"].overlaps(computed):
            return PASS
        formula = {"of": "{a} / {b}", "over": "{a} / {b} − 100%", "under": "100% − {a} / {b}",
                   "above": "{a} − {b}", "below": "{b} − {a}"}[row["of_form"]].format(a=_shown(a), b=_shown(b))
        shown = m.quantity(computed, like=row, digits=max(m.written_digits(row["text"]), 1))
        return _failed(rule, ctx, [a, b, row], computed, shown, N_("{formula} = {computed}, stated {stated}"),
                       formula=formula)


def _shown(row: dict) -> str:
    """A figure as written; one number of a pair `4.790/4.500 tỷ đồng` on its own."""
    if row["qualifier"] in ("result_of_pair", "target_of_pair"):
        return f"{fmt(row['value'], 2)} {row['unit_text']}".strip()
    return row["text"]


def _failed(rule, ctx: Context, rows: list[dict], computed: Interval, expected: dict, why: str,
            imbalance: bool = True, **extra) -> Result:
    """The finding for a stated figure (the last of `rows`) that does not recompute."""
    stated = rows[-1]["interval"]
    ids = [int(r["id"]) for r in rows]
    last = len(rows) - 1
    args = {"stated": m.fig(last), "computed": expected, "expected": expected, "a": m.fig(0), "b": m.fig(last),
            **({"base": m.fig(1)} if last == 2 else {}), **extra}
    off = stated.mid - computed.mid if imbalance and computed.bounded and stated.bounded else None
    return fail(finding(rule, rows, pick_suspect(ids, ctx), args, off, why))
