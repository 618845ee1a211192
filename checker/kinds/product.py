"""Kind `product`: three figures of one sentence whose units multiply (area × yield = output, a mean per head × heads = total) must agree."""

from __future__ import annotations

from dataclasses import dataclass

from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Results, blame, fail, stat_records


@dataclass(frozen=True)
class ProductParams:
    # Unit expressions of the product (`tonne`, `dong`): a sentence's figure in one of their
    # dimensions is the product of two others whose dimensions multiply to it.
    products: tuple[str, ...]

    def problems(self, catalog) -> list[tuple[str, str]]:
        problems = []
        for unit in self.products:
            try:
                if catalog is not None:
                    catalog.units.dimensionality(unit)
            except Exception as exc:  # (an unknown unit name: the rule file's mistake)
                problems.append(("products", str(exc)))
        return problems


def _dims(units, unit: str) -> tuple:
    try:
        return units.dimensionality(unit) or ()
    except Exception:  # (a unit the catalog cannot read takes part in nothing)
        return ()


def _times(a: tuple, b: tuple) -> tuple:
    out: dict[str, int] = dict(a)
    for k, v in b:
        out[k] = out.get(k, 0) + v
    return tuple(sorted((k, v) for k, v in out.items() if v))


class Product:
    """What it does: in one sentence that states, for one province, period and role, exactly
    one figure in each of three units where the first two multiply to the third (`ha` ×
    `tạ/ha` = `tấn`; `triệu đồng/người` × `người` = `đồng`; `tỷ đồng/xã` × `xã`), recomputes
    the product from the two factors, each with its stated precision, and compares it with
    the third.  Checked only where no other figure of the sentence is in any of the three
    dimensions (two areas or two outputs leave the pairing unclear), none is a change, a
    part of a list or a bound, and the three are not all catalog indicators (the `identity`
    rules check those).

    Why it matters: a yield, an output or a mean per head is often updated alone when the
    other figures of the sentence are revised.

    Example: `diện tích ngô 25.000 ha, năng suất 50,0 tạ/ha, sản lượng 140.000 tấn`: 25.000 ha
    × 50,0 tạ/ha is 125.000 tấn, against 140.000 tấn: fails.
    """

    Params = ProductParams
    fields = {"entity", "period", "role", "product", "expected", "values"}

    def run(self, rule, ctx: Context) -> Results:
        units = ctx.catalog.units
        wanted = {_dims(units, u) for u in rule.params.products} - {()}
        by_sentence: dict[tuple, list[dict]] = {}
        for r in stat_records(ctx, ("unit", "entity", "period", "role", "sentence")):
            if r["block"] in ("paragraph", "list_item"):
                by_sentence.setdefault((r["path"], r["line"], r["sentence"]), []).append(r)
        for key in sorted(by_sentence, key=str):
            rows = by_sentence[key]
            dims = [_dims(units, r["unit"]) for r in rows]
            for ci, c in enumerate(rows):
                if dims[ci] not in wanted:
                    continue
                pairs = [(ai, bi) for ai in range(len(rows)) for bi in range(ai + 1, len(rows))
                         if dims[ai] and dims[bi] and ci not in (ai, bi) and _times(dims[ai], dims[bi]) == dims[ci]]
                if len(pairs) != 1:
                    continue
                trio = [rows[pairs[0][0]], rows[pairs[0][1]], c]
                used = {dims[pairs[0][0]], dims[pairs[0][1]], dims[ci]}
                if sum(1 for d in dims if d in used) != 3 or not _plain(trio):
                    continue
                if len({(r["entity"], r["period"], r["role"]) for r in trio}) != 1:
                    yield NOT_APPLICABLE
                    continue
                yield from self._check(rule, ctx, trio)

    def _check(self, rule, ctx: Context, trio: list[dict]) -> Results:
        units = ctx.catalog.units
        a, b, c = (r["interval"].scaled(units.magnitude(r["unit"])) for r in trio)
        product = a * b
        if product.overlaps(c):
            yield PASS
            return
        expected = product.scaled(1 / units.magnitude(trio[2]["unit"]))
        expected = Interval(expected.mid, expected.mid)
        args = {"entity": m.entity(trio[0]["entity"]), "period": m.period(trio[0]["period"]),
                "role": m.role(trio[0]["role"]),
                "product": m.items([m.fig(0), " × ", m.fig(1)], ""),
                "expected": m.quantity(expected, like=trio[2], digits=m.written_digits(trio[2]["text"]),
                                       extra=1, about=True),
                "values": m.fig(2)}
        yield fail(blame(rule, ctx, trio, args, None, N_("{product} gives {expected}, against {values}")))


def _plain(rows: list[dict]) -> bool:
    """Levels stated as such: no change, bound, part of a list, share or base, and not three
    catalog indicators (left to the `identity` rules)."""
    if all(r["indicator"] for r in rows):
        return False
    return all(not r["measure"] and r["kind"] == "statistic" and r["qualifier"] not in BOUNDS
               and r["part_of"] is None and not _moved_by(r) for r in rows)


def _moved_by(row: dict) -> bool:
    """`sản lượng tăng 14.000 tấn`: the head phrase the resolver read for the figure ends with
    a verb of change, so the figure is by how much a level moved, not the level."""
    words = (row.get("head") or "").split(" | ")[0].split()
    return bool(words) and words[-1].lower() in ("tăng", "giảm", "thêm")


# A bound (`trên 50 tỷ đồng`) or a pair's half is no level to multiply; an estimate or an
# approximate figure is (its interval carries its precision).
BOUNDS = frozenset({"ge", "le", "gt", "lt", "from_up", "range", "result_of_pair", "target_of_pair"})
