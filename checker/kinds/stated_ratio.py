"""Kind `stated_ratio`: a stated percentage, multiplier or change recomputes from its figures."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker.interval import Interval
from checker.kinds.base import PASS, Context, Result, Results, fail, figure_dict, fmt, pick_suspect
from checker.records import Finding


class RatioMode(str, enum.Enum):
    SHARE = "share"  # `115/121 xã, bằng 95,04%`
    MULTIPLE = "multiple"  # `gấp 1,70 lần`
    DIRECTION = "direction"  # `tăng từ A lên B`


@dataclass(frozen=True)
class StatedRatioParams:
    mode: RatioMode = RatioMode.SHARE


class StatedRatio:
    """What it does: recomputes what the text says of two figures, in three forms:
    `share` — `115/121 xã ..., bằng 95,04%`: 115 / 121 must round to the stated percentage;
    `multiple` — `24.735 tỷ đồng ... (gấp 1,70 lần)` after `16.440 tỷ đồng`: the quotient
    must round to the stated multiplier;
    `direction` — `tăng từ A lên B` needs B above A, `giảm từ A xuống B` B below A.

    Why it matters: a percentage or multiplier is often computed once and not updated
    when one of its figures changes.

    Example: `758/952 trường, chiếm tỷ lệ 79,62%` passes (758 / 952 = 79,62%);
    `tăng từ 16.440 tỷ đồng lên 24.735 tỷ đồng (gấp 1,70 lần)` fails: 24.735 / 16.440 = 1,50.
    """

    Params = StatedRatioParams
    fields = {"stated", "computed", "expected", "a", "b"}

    # The facts column that links a stated figure to the figures it is computed from.
    LINK = {RatioMode.SHARE: "restates", RatioMode.MULTIPLE: "ratio_num", RatioMode.DIRECTION: "change_from"}

    def run(self, rule, ctx: Context) -> Results:
        mode = rule.params.mode
        check = {RatioMode.SHARE: self._share, RatioMode.MULTIPLE: self._multiple,
                 RatioMode.DIRECTION: self._direction}[mode]
        for row in [r for r in ctx.records if r[self.LINK[mode]] is not None]:
            yield check(rule, ctx, row)

    def _share(self, rule, ctx: Context, row: dict) -> Result:
        frac = ctx.by_id[int(row["restates"])]
        den = float(frac["denominator"]) / float(frac["lo"]) * float(frac["value"]) if frac["lo"] else float(frac["denominator"])
        num = float(frac["value"])
        computed = Interval.point(num / den * 100)
        if row["interval"].overlaps(computed):
            return PASS
        text = f"{frac['text']} = {fmt(computed.lo, 2)}%, stated {row['text']}"
        return _failed(rule, ctx, [frac, row], computed, computed.format(), text)

    def _multiple(self, rule, ctx: Context, row: dict) -> Result:
        a, b = ctx.by_id[int(row["ratio_num"])], ctx.by_id[int(row["ratio_den"])]
        computed = a["interval"] / b["interval"]
        if row["interval"].overlaps(computed):
            return PASS
        text = f"{a['text']} / {b['text']} = {fmt(computed.mid, 2)}, stated {row['text']}"
        return _failed(rule, ctx, [a, b, row], computed, computed.format(), text)

    def _direction(self, rule, ctx: Context, row: dict) -> Result:
        a = ctx.by_id[int(row["change_from"])]
        up = row["change_dir"] == "up"
        if row["interval"].hi > a["interval"].lo if up else row["interval"].lo < a["interval"].hi:
            return PASS
        text = f"{'tăng' if up else 'giảm'} từ {a['text']} {'lên' if up else 'xuống'} {row['text']}"
        expected = ("above " if up else "below ") + a["text"]
        return _failed(rule, ctx, [a, row], a["interval"], expected, text, imbalance=False)


def _failed(rule, ctx: Context, rows: list[dict], computed: Interval, expected: str, explanation: str,
            imbalance: bool = True) -> Result:
    """The finding for a stated figure (the last of `rows`) that does not recompute."""
    stated = rows[-1]["interval"]
    ids = [int(r["id"]) for r in rows]
    msg = rule.message.format(stated=rows[-1]["text"], computed=fmt(computed.mid, 2) if computed.bounded else "?",
                              expected=expected, a=rows[0]["text"], b=rows[-1]["text"])
    off = stated.mid - computed.mid if imbalance and computed.bounded and stated.bounded else None
    return fail(Finding(rule.id, rule.severity, msg, [figure_dict(r) for r in rows], pick_suspect(ids, ctx),
                        expected, off, explanation, rule.name))
