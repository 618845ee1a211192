"""The base of a growth stated in prose, read from the table row that states its level:
`nhập khẩu 3.842,6 triệu USD, tăng 9,6%` where a table's row gives 3.842,6 in its 2025
column and 3.524,8 in its 2024 column.  The level is found by its value (the one table
cell of the document within the prose figure's precision, a figure precise to a
thousandth or better, of the same province, period and role), the base in that cell's
row (the one level of the base period and the same province).  The relation is a
`stated_of` on the percentage, which the kind `stated_ratio` (mode `of_base`) recomputes.

A growth measured at constant prices (GRDP, value added, production value, an index) is
never recomputed from levels at current prices: it is left alone, as is anything
ambiguous (two cells of that value, two base cells, a plan named as the base)."""

from __future__ import annotations

import re

from checker.interval import Interval, of_base
from checker.records import Relation, RelationKind
from checker.resolve.bases import (
    BRACKET_AHEAD_RE,
    MULTIPLE_LEAD_RE,
    GROWTH_BASE_RE,
    GROWTH_LEAD_RE,
    SUB_YEAR_RE,
    YEARLY_AFTER_RE,
    YEARLY_BEFORE_RE,
    _base_period,
    _is_level,
    _is_rate,
    _level_before,
    _relate,
)
from checker.resolve.stated import RATES, _before, nearest_level

# A level whose growth is measured at constant prices, or no level at all (an index).
REAL_TERMS_RE = re.compile(r"grdp|gdp|value_added|production_value|index|iip|cpi", re.I)
REAL_WORDS_RE = re.compile(r"giá so sánh|tăng trưởng|GRDP|GDP|giá trị tăng thêm|giá trị sản xuất|chỉ số|"
                           r"theo giá|loại trừ (?:yếu tố )?giá", re.I)
PROSE_BLOCKS = ("paragraph", "list_item")
LEVEL_COLUMNS = ("actual", "value", "target")
MAX_RELATIVE_WIDTH = 1e-3  # (a value matched in a table must say more than its rounding)


class TableCells:
    """The level cells of the document's tables, to find a prose level's row by its value."""

    def __init__(self, out):
        self.out = out
        self.cells = [i for i, r in enumerate(out) if r.block.kind == "table_row" and r.figure.kind == "statistic"
                      and r.figure.interval is not None and r.figure.interval.bounded and _is_level(r)
                      and r.column_role in LEVEL_COLUMNS]

    def same_value(self, a) -> list[int]:
        """The table cells of `a`'s document, unit, province, period and role within its precision."""
        value = a.figure.interval.scaled(a.factor)
        # (a prose level no period was read for, `2. Thu nội địa: 15.866,3 tỷ đồng` under a
        # heading naming no year, is found in the table by its value and its indicator)
        # (a rough value, `52 tỷ đồng`, only in a row of its own indicator)
        named = not a.period or not _precise(a)
        return [i for i in self.cells if (r := self.out[i]).doc is a.doc and r.unit == a.unit
                and r.entity == a.entity and r.role == a.role and (r.period == a.period or not a.period)
                and (not named or a.indicator and r.indicator == a.indicator)
                and r.figure.interval.scaled(r.factor).overlaps(value)]

    def one_row(self, a) -> list[int] | None:
        """The cells of `same_value(a)`, when they all stand in one table row (else None)."""
        same = self.same_value(a)
        return same if len({id(self.out[i].block) for i in same}) == 1 else None


def row_growth(out, text: str, figs, n: int, cells: TableCells) -> bool:
    """`A, tăng P%` (`so với cùng kỳ`, `so với năm 2024`, or nothing: the year before) whose
    level A a table row states beside the level of the base period: P = 100·A/B − 100."""
    s_i, s = figs[n]
    if not _is_rate(out, s_i, s) or out[s_i].block.kind not in PROSE_BLOCKS:
        return False
    lead = GROWTH_LEAD_RE.search(_before(text, s, 30))
    if lead is None or YEARLY_AFTER_RE.match(text, s.end) \
            or YEARLY_BEFORE_RE.search(text, max(0, s.start - 40), s.start):
        return False  # (a yearly average is RT05's)
    word = lead.group("dir").lower()
    after = GROWTH_BASE_RE.match(text, s.end)
    if after is not None and after.group("plan") or word in ("bằng", "đạt") and not (
            after is not None and (after.group("same") or after.group("done"))):
        return False  # (`bằng 97%` alone may be of a plan; a plan is no past level)
    found = _level_before(out, text, figs, n)
    if found is None:
        return False
    a_i, a = found
    if not _precise_level(a) or a.role not in ("actual", "target") or REAL_TERMS_RE.search(a.indicator or "") \
            or REAL_WORDS_RE.search(text, _clause_start(text, a.figure.start), s.start):
        return False
    form = {"tăng": "over", "giảm": "under"}.get(word, "of")
    b_i = _row_base(out, cells, a, after, _fits(out, s_i, a_i, form))
    if b_i is None:
        return False
    why = (f"`{lead.group(0).strip()} {s.text}` of `{a.figure.text}`, stated in a table row "
           f"beside its base `{out[b_i].figure.text}`")
    return _relate(out, s_i, a_i, b_i, form, why)


def row_plan_share(out, s_i: int, cells: TableCells) -> bool:
    """`A, bằng P% dự toán` whose result A a table row states beside its plan (the row's one
    plan of A's period, or of A's year for a part of it): P = 100·A/B."""
    s = out[s_i]
    if s.measure != "plan_share" or s.block.kind not in PROSE_BLOCKS or not _is_rate(out, s_i, s.figure):
        return False
    of = [rel.others[0] for rel in s.relations if rel.kind is RelationKind.SHARE_OF and rel.detail == "plan"]
    if len(of) != 1:
        return False
    a = out[of[0]]
    if a.role != "actual" or not _precise_level(a):
        return False
    same = cells.one_row(a)
    if same is None:
        return False
    t = out[same[0]]
    year = SUB_YEAR_RE.match(t.period or "")
    periods = {t.period, year.group(1)} if year else {t.period}
    plans = [i for i in cells.cells if out[i].block is t.block and out[i].role == "target" and out[i].unit == t.unit
             and out[i].entity == t.entity and out[i].period in periods]
    if len(plans) != 1:
        return False
    why = f"`{s.figure.text}` of plan: `{a.figure.text}`, stated in a table row beside its plan `{out[plans[0]].figure.text}`"
    return _relate(out, s_i, of[0], plans[0], "of", why)


def row_multiple(out, text: str, figs, n: int, cells: TableCells) -> bool:
    """`A, gấp (bằng) M lần cùng kỳ` / `năm 2024` whose level A a table row states beside
    the level of the base period: M = A/B."""
    s_i, s = figs[n]
    if s.kind != "statistic" or out[s_i].unit != "times" or out[s_i].block.kind not in PROSE_BLOCKS \
            or any(rel.kind is RelationKind.MULTIPLE for rel in out[s_i].relations) \
            or not MULTIPLE_LEAD_RE.search(_before(text, s, 20)):
        return False
    after = GROWTH_BASE_RE.match(text, s.end)
    if after is None or after.group("plan") or BRACKET_AHEAD_RE.match(text, after.end()):
        return False  # (a plan is no past level; a bracket's level is the base, read elsewhere)
    found = _level_before(out, text, figs, n)
    if found is None or not _precise_level(found[1]) or found[1].role not in ("actual", "target"):
        return False
    a_i, a = found
    b_i = _row_base(out, cells, a, after, _fits(out, s_i, a_i, "times"))
    if b_i is None:
        return False
    why = f"`{s.text}{after.group(0)}`: `{a.figure.text}`, stated in a table row beside its base `{out[b_i].figure.text}`"
    out[s_i].relations.append(Relation(RelationKind.MULTIPLE, s_i, (a_i, b_i), "", why))
    return True


# Right before a change in the level's own unit: `, tăng `, `; giảm `.
CHANGE_LEAD_RE = re.compile(r"(?<![\w])(?P<dir>tăng|giảm)(?:\s+thêm)?\s+$", re.I)


def row_change(out, text: str, figs, n: int, cells: TableCells) -> bool:
    """`A, …, tăng D so với năm 2024` (D in A's unit) whose level A a table row states beside
    the level of the base year: D = A − B (`giảm`: B − A).  A is the last figure of D's unit
    before it in its clause, passing over the percentages stated of it; a bracket's figure
    (`(22.200 tỷ đồng)`) is never A."""
    s_i, s = figs[n]
    if out[s_i].role != "change" or out[s_i].block.kind not in PROSE_BLOCKS or s.kind != "statistic" \
            or s.qualifier not in (None, "", "eq", "estimate"):
        return False
    lead = CHANGE_LEAD_RE.search(text, max(0, s.start - 12), s.start)
    after = GROWTH_BASE_RE.match(text, s.end)
    if lead is None or after is None or not after.group("compared") or after.group("plan") \
            or BRACKET_AHEAD_RE.match(text, after.end()):
        return False  # (a plan is no past level; a bracket's level is the base, read elsewhere)
    m = nearest_level(out, text, figs, n, RATES)
    found = None if m is None else figs[m][0]
    if found is None or out[found].unit != out[s_i].unit or not _precise_level(out[found]) \
            or out[found].role not in ("actual", "target"):
        return False
    b_i = _row_base(out, cells, out[found], after)
    if b_i is None:
        return False
    word = lead.group("dir").lower()
    why = (f"`{word} {s.text}` of `{out[found].figure.text}`, stated in a table row beside its base "
           f"`{out[b_i].figure.text}`")
    return _relate(out, s_i, found, b_i, "above" if word == "tăng" else "below", why)


def _row_base(out, cells: TableCells, a, after, fits=None) -> int | None:
    """The one result of the base period `after` names (the year before, without it) in the
    one table row that states `a`.  A plan's growth over a year whose row holds that year's
    plan beside a different result (`Kế hoạch 2025 | Ước giải ngân 2025 | Kế hoạch 2026`)
    may be over either, unless the sentence (`so với ước thực hiện năm 2025`) or the table's
    own comparison column (`KH 2026 so với ƯTH 2025`) names the result: then the plan is the
    base where the stated figure `fits` it (a reading under which the text agrees), else
    the result."""
    same = cells.one_row(a)
    if same is None:
        return None
    t = out[same[0]]
    period = _base_period(t.period, after) if after is not None else _year_before(t.period)
    if period is None:
        return None

    def cells_of(role: str) -> list[int]:
        return [i for i in cells.cells if out[i].block is t.block and i not in same and out[i].role == role
                and out[i].unit == t.unit and out[i].entity == t.entity and out[i].period == period]

    bases = cells_of("actual")
    if len(bases) != 1:
        return None
    if fits is not None and t.role == "target" and not (after is not None and after.group("done")) \
            and _named_bases(t.block.header) != {"done"}:
        base = _level(out[bases[0]])
        plans = [i for i in cells_of("target") if not _level(out[i]).overlaps(base)]
        if len(plans) == 1 and fits(plans[0]):
            return plans[0]
    return bases[0]


def _level(r) -> Interval:
    return r.figure.interval.scaled(r.factor)


def _fits(out, s_i: int, a_i: int, form: str):
    """Whether the stated figure `s_i` is level `a_i` over a base in `form` (`of`, `over`,
    `under` a percentage, or `times` a multiple), reckoned as the kind `stated_ratio`
    reckons it: a percentage of a target base takes the target as exact as written."""
    def fits(b_i: int) -> bool:
        a, base = _level(out[a_i]), _level(out[b_i])
        if form == "times":
            return (a / base).overlaps(out[s_i].figure.interval)
        if out[b_i].role == "target" and base.bounded:
            base = Interval.point(base.mid)
        computed = of_base(form, a, base)
        return computed is not None and computed.overlaps(out[s_i].figure.interval)
    return fits


# A comparison column's base: `KH 2026 so với ƯTH 2025`, `So ước thực hiện` (the result) or
# `Tăng/giảm so KH 2025`, `so với dự toán` (the plan).
NAMED_BASE_RE = re.compile(r"(?<![\w])so\s+(?:với\s+)?(?:(?P<done>ƯTH|ước\s+(?:thực\s+hiện|TH)|thực\s+hiện|TH|"
                           r"quyết\s+toán)|(?P<plan>KH|kế\s+hoạch|dự\s+toán))(?![\w])", re.I)


def _named_bases(header: tuple[str, ...]) -> set[str]:
    """Which bases (`done`, `plan`) the table's column headings compare with."""
    return {m.lastgroup for cell in header for m in NAMED_BASE_RE.finditer(cell)}


def _precise_level(a) -> bool:
    """A level a table cell can be found by: bounded, of a province and period (or, with no
    period read, of an indicator), precise to a thousandth, or of an indicator (`ước 52 tỷ
    đồng`: found only in a row of that indicator)."""
    iv = a.figure.interval
    return _is_level(a) and a.figure.kind == "statistic" and iv is not None and iv.bounded and bool(a.entity) \
        and bool(a.period or a.indicator) and a.figure.qualifier not in ("gt", "ge", "lt", "le", "range") and bool(iv.mid) \
        and (_precise(a) or bool(a.indicator))


def _precise(a) -> bool:
    """Precise to a thousandth: a value that says more than its rounding."""
    iv = a.figure.interval
    return iv.hi - iv.lo <= abs(iv.mid) * MAX_RELATIVE_WIDTH


def _year_before(period: str | None) -> str | None:
    """The same span a year earlier: `2025-9M` → `2024-9M`."""
    m = SUB_YEAR_RE.match(period or "")
    return f"{int(m.group(1)) - 1}{m.group(2) or ''}" if m else None


CLAUSE_START_RE = re.compile(r"[;:.!?]\s")


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding position `end` starts."""
    starts = [m.end() for m in CLAUSE_START_RE.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def row_growths(out, blocks) -> None:
    """Add the relation of each prose growth, not yet related, whose level a table row states."""
    cells = None
    for text, figs in blocks:
        if not figs or out[figs[0][0]].block.kind not in PROSE_BLOCKS:
            continue
        for n, (s_i, _) in enumerate(figs):
            unit = out[s_i].unit
            if out[s_i].role == "change" and _is_level(out[s_i]) \
                    and not any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations):
                cells = cells or TableCells(out)
                if not cells.cells:
                    return
                row_change(out, text, figs, n, cells)
                continue
            if unit not in RATES and unit != "times" \
                    or any(rel.kind is RelationKind.STATED_OF and rel.others for rel in out[s_i].relations):
                continue  # (the three read a percentage or a multiple, nothing else)
            cells = cells or TableCells(out)
            if not cells.cells:
                return
            if unit in RATES:
                row_growth(out, text, figs, n, cells) or row_plan_share(out, s_i, cells)
            else:
                row_multiple(out, text, figs, n, cells)
