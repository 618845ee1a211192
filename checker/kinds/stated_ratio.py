"""Kind `stated_ratio`: a stated percentage, multiplier or change recomputes from its figures."""

from __future__ import annotations

import pandas as pd

from checker.interval import Interval
from checker.kinds.base import Context, Outcome, figure_dict, fmt, interval_of, pick_suspect
from checker.records import Finding


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

    params = {"mode": str}
    fields = {"stated", "computed", "expected", "a", "b"}

    def run(self, facts: pd.DataFrame, rule, ctx: Context) -> Outcome:
        mode = rule.params.get("mode", "share")
        out = Outcome(rule.id)
        link = {"share": "restates", "multiple": "ratio_num"}.get(mode, "change_from")
        by_id = ctx.by_id
        for row in [r for r in ctx.records if r[link] is not None]:
            out.items += 1
            stated = interval_of(row)
            if mode == "share":
                frac = by_id[int(row["restates"])]
                den = float(frac["denominator"]) / float(frac["lo"]) * float(frac["value"]) if frac["lo"] else float(frac["denominator"])
                num = float(frac["value"])
                computed = Interval.point(num / den * 100)
                rows = [frac, row]
                text = f"{frac['text']} = {fmt(computed.lo, 2)}%, stated {row['text']}"
                ok = stated.overlaps(computed)
            elif mode == "multiple":
                a, b = by_id[int(row["ratio_num"])], by_id[int(row["ratio_den"])]
                computed = interval_of(a) / interval_of(b)
                rows = [a, b, row]
                text = f"{a['text']} / {b['text']} = {fmt(computed.mid, 2)}, stated {row['text']}"
                ok = stated.overlaps(computed)
            else:
                a = by_id[int(row["change_from"])]
                ia = interval_of(a)
                up = row["change_dir"] == "up"
                computed = ia
                rows = [a, row]
                ok = stated.hi > ia.lo if up else stated.lo < ia.hi
                text = f"{'tăng' if up else 'giảm'} từ {a['text']} {'lên' if up else 'xuống'} {row['text']}"
            if ok:
                out.passes += 1
                continue
            out.fails += 1
            figures = [figure_dict(r) for r in rows]
            ids = [int(r["id"]) for r in rows]
            suspect = pick_suspect(ids, ctx)
            expected = computed.format() if mode != "direction" else ("above " if up else "below ") + a["text"]
            msg = rule.message.format(stated=row["text"], computed=fmt(computed.mid, 2) if computed.bounded else "?",
                                      expected=expected, a=rows[0]["text"], b=rows[-1]["text"])
            if suspect is None:
                msg += " — the evidence is even: no figure is more likely wrong than another"
            imbalance = stated.mid - computed.mid if computed.bounded and stated.bounded and mode != "direction" else None
            out.findings.append(Finding(rule.id, rule.severity, msg, figures, suspect, expected, imbalance, text,
                                        rule.name))
        return out
