"""Kind `verdict`: an evaluation word agrees with the target, the result and the indicator's direction."""

from __future__ import annotations

import pandas as pd

from checker.interval import Interval
from checker.kinds.base import Context, Outcome, blame, figure_dict, fmt, interval_of
from checker.records import Finding


def judge(target: Interval, result: Interval, higher_is_better: bool, target_is_range: bool = False) -> str:
    """What can be said for certain: `met` (the result certainly satisfies the target),
    `missed` (certainly does not), or `unsure` (the stated precision allows both)."""
    if not higher_is_better:
        target = Interval(-target.hi, -target.lo, target.hi_open, target.lo_open)
        result = Interval(-result.hi, -result.lo, result.hi_open, result.lo_open)
    # A bound (`≥ 80%`) or a range (`6,5% - 7,0%`) is met from its lower end; a point
    # target, stated to some precision, only once the result is past all of it.
    goal = target.lo if target.hi == float("inf") or target_is_range else target.hi
    if result.lo >= goal:
        return "met"
    if result.hi < target.lo or (result.hi == target.lo and (result.hi_open or target.lo_open)):
        return "missed"
    return "unsure"


class Verdict:
    """What it does: in two modes.  `label` — reads each evaluation word of a table row
    (`Đạt`, `Vượt mục tiêu`, `Không đạt`) against the row's target and result, in the
    direction the indicator is better (lower is better for poverty or malnutrition rates):
    a word that says met or exceeded for a result that certainly falls short fails, and
    so does `Không đạt` for a result that certainly reaches the target.  Ranges and bounds
    (`6,5% - 7,0%`, `≥ 80%`, `<3%`) are targets like any other.  `margin` — a stated margin
    (`vượt mục tiêu 0,3 điểm phần trăm`) must equal the result minus the target.

    Why it matters: the evaluation column is often filled in before the final figures, and
    never updated.

    Example: `Tỷ lệ dân số tham gia bảo hiểm y tế | >98,5% | 95,25% | Không đạt` passes;
    the same row marked `Đạt` fails.  Where the stated precision leaves room (`90%` against
    `90,4%`, `Vượt mục tiêu`), the rule does not judge.
    """

    params = {"mode": str}
    fields = {"indicator", "entity", "period", "label", "target", "result", "expected", "stated"}

    LABEL_SAYS = {"exceeded": "met", "met": "met", "missed": "missed"}

    def run(self, facts: pd.DataFrame, rule, ctx: Context) -> Outcome:
        if rule.params.get("mode", "label") == "margin":
            return self._margin(rule, ctx)
        out = Outcome(rule.id)
        rows: dict[tuple, list[dict]] = {}
        for r in ctx.records:
            if r["block"] == "table_row":
                rows.setdefault((r["path"], r["line"]), []).append(r)
        for key in sorted(rows):
            cells = rows[key]
            labels = [r for r in cells if r["role"] == "evaluation" and r["label"]]
            targets = [r for r in cells if r["role"] == "target" and r["lo"] is not None]
            results = [r for r in cells if r["role"] == "actual" and r["lo"] is not None]
            if not labels:
                continue
            out.items += 1
            says = self.LABEL_SAYS.get(labels[0]["label"])
            pairs = [(t, a) for t in targets for a in results if t["unit"] == a["unit"] and t["indicator"]
                     and t["indicator"] == a["indicator"]]
            if says is None or len(pairs) != 1:
                out.na += 1
                continue
            target, result = pairs[0]
            ind = ctx.catalog.indicators[target["indicator"]]
            verdict = judge(interval_of(target), interval_of(result), ind.direction != "lower",
                            target["qualifier"] == "range")
            if verdict == "unsure" or verdict == says:
                out.passes += 1
                continue
            out.fails += 1
            figs = [target, result, labels[0]]
            figures = [figure_dict(r) for r in figs]
            expected = "Đạt or Vượt" if verdict == "met" else "Không đạt"
            msg = rule.message.format(indicator=ctx.indicator_name(ind.id), entity=ctx.entity_name(target["entity"]),
                                      period=target["period"], label=labels[0]["text"], target=target["text"],
                                      result=result["text"], expected=expected, stated=labels[0]["text"])
            direction = "higher" if ind.direction != "lower" else "lower"
            expl = (f"result {result['text']} against target {target['text']} ({direction} is better): "
                    f"{'reached' if verdict == 'met' else 'not reached'}, but marked '{labels[0]['text']}'")
            out.findings.append(Finding(rule.id, rule.severity, msg, figures, 2, expected, None, expl, rule.name))
        return out

    def _margin(self, rule, ctx: Context) -> Outcome:
        out = Outcome(rule.id)
        recs = [r for r in ctx.records if r["kind"] in ("statistic", "range") and r["lo"] is not None]
        for m in [r for r in recs if r["role"] == "margin"]:
            out.items += 1
            same = [r for r in recs if r["indicator"] == m["indicator"] and r["entity"] == m["entity"]
                    and r["period"] == m["period"] and r["unit"] == "percent"]
            targets = [r for r in same if r["role"] == "target"]
            results = [r for r in same if r["role"] == "actual" and r["path"] == m["path"] and r["line"] == m["line"]]
            results = results or [r for r in same if r["role"] == "actual"]
            if not targets or not results:
                out.na += 1
                continue
            target, result = targets[0], results[0]
            computed = interval_of(result) - interval_of(target)
            stated = interval_of(m)
            if stated.overlaps(computed):
                out.passes += 1
                continue
            out.fails += 1
            figs = [result, target, m]
            msg = rule.message.format(indicator=ctx.indicator_name(m["indicator"]), entity=ctx.entity_name(m["entity"]),
                                      period=m["period"], label="", target=target["text"], result=result["text"],
                                      expected=computed.format(), stated=m["text"])
            expl = f"{result['text']} − {target['text']} = {fmt(computed.mid, 2)} điểm phần trăm, stated {m['text']}"
            out.findings.append(blame(rule, ctx, figs, msg, computed.format(), stated.mid - computed.mid, expl))
        return out
