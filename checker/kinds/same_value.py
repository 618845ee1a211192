"""Kind `same_value`: one fact stated in several places must agree."""

from __future__ import annotations

from dataclasses import dataclass

from checker.kinds.base import KEY, PASS, Context, Results, consensus, fail, figure_dict, group_records, stat_records
from checker.kinds.params import Role
from checker.records import Finding


@dataclass(frozen=True)
class SameValueParams:
    roles: tuple[Role, ...] = (Role.ACTUAL, Role.TARGET)  # the roles whose statements are compared


class SameValue:
    """What it does: groups the figures that state the same indicator for the same province,
    period and role (and scope, share-ness and unit), and checks that their precision
    intervals overlap.

    Why it matters: reports repeat a figure in the body, footnotes, appendix and the
    resolution; a figure changed in one place and not the others is the most common
    slip in a draft.

    Example: `Bắc Kạn tăng bình quân 10,4%/năm` in the appendix and `Bắc Kạn tăng bình
    quân 10,9%/năm` in the review report: [10,35; 10,45] and [10,85; 10,95] do not
    overlap, so the rule fails.  `46%` and `trên 46%` pass: 46,2 lies in both.

    A data file's row is the official value: where the statements are evenly split and
    the data rows agree among themselves, the one draft figure that disagrees with them is
    the suspect.
    """

    Params = SameValueParams
    fields = {"indicator", "entity", "period", "role", "values", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        roles = {r.value for r in rule.params.roles}
        seen: set = set()
        rows = []
        for r in stat_records(ctx, ("indicator", "entity", "period", "role")):
            where = (r["path"], r["line"], r["column"])
            if r["role"] in roles and r["part_of"] is None and where not in seen:
                seen.add(where)
                rows.append(r)
        for key, group in group_records(rows, KEY):
            if len(group) < 2:
                continue
            group.sort(key=lambda r: (r["path"], r["line"], r["column"]))
            ivs = [r["interval"] for r in group]
            best, unique = consensus(ivs)
            if len(best) == len(ivs):
                yield PASS
                continue
            figures = [figure_dict(r) for r in group]
            outside = [i for i in range(len(ivs)) if i not in best]
            suspect = outside[0] if unique and len(outside) == 1 and len(best) > 1 else None
            if suspect is None:
                best, suspect = _official(group, ivs, best)
            agreed = ivs[best[0]]
            for i in best[1:]:
                agreed = agreed.intersection(ivs[i])
            values = " vs ".join(f"{f['text']} ({_where(r)})" for f, r in zip(figures, group))
            expected = agreed.format() if suspect is not None else None
            msg = rule.message.format(
                indicator=ctx.indicator_name(key[0]), entity=ctx.entity_name(key[1]), period=key[2],
                role=key[3], values=values, expected=expected or "?")
            imbalance = None
            if suspect is not None and agreed.bounded and ivs[suspect].bounded:
                imbalance = ivs[suspect].mid - agreed.mid
            explanation = "; ".join(f"{f['text']} stands for {iv.format()}" for f, iv in zip(figures, ivs))
            yield fail(Finding(rule.id, rule.severity, msg, figures, suspect, expected, imbalance,
                               explanation, rule.name))


def _where(row: dict) -> str:
    return f"{row['path']} row {row['line']}" if row["block"] == "data_row" else f"line {row['line']}"


def _official(group: list[dict], ivs: list, best: list[int]) -> tuple[list[int], int | None]:
    """The data rows' value decides an even split: the figures agreeing with all of them
    are the consensus, and a lone draft figure outside it is the suspect.  Otherwise the
    consensus stays `best`, with no suspect."""
    data = [i for i, r in enumerate(group) if r["block"] == "data_row"]
    if not data or len(data) == len(group):
        return best, None
    agree = [i for i in range(len(group)) if all(ivs[i].overlaps(ivs[d]) for d in data)]
    if not all(d in agree for d in data):
        return best, None  # the data rows disagree among themselves: no official value
    outside = [i for i in range(len(group)) if i not in agree]
    return (agree, outside[0]) if len(outside) == 1 else (best, None)

