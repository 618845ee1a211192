"""Comparison columns read as growths: a table's `So cùng kỳ (%)` cell (an index, `86,9`) or
`Tăng, giảm so cùng kỳ (%)` cell (a change, `-13,1`) states its row's growth against the
same period a year before, which prose restates (`giảm 13,1% so với cùng kỳ`).  Each such
cell is copied as a fact of that growth indicator, where the column's form, the row's
indicator and the prose's direction leave no doubt."""

from __future__ import annotations

import re

from checker.interval import Interval
from checker.records import Evidence, Relation, RelationKind, Resolution
from checker.resolve.derived import YEAR_BEFORE_RE, column_of, fall_only
from checker.text import fold

# `10 tháng so với cùng kỳ (%)`, `So cùng kỳ (%)`, `So với năm trước (%)`: the words after
# `so (với)`, as a prose growth's base is read (`cùng kỳ`; none for `năm trước`).
HEADING_BASE_RE = re.compile(r"so(?:\s+với)?\s+(cùng kỳ)(?![\w])(?!\s+năm\s+\d)", re.I)
INDEX_BOUNDS = (50.0, 300.0)  # an index near 100, not a growth written as such (`9,4`)
# `Tăng, giảm so cùng kỳ (%)`, `Tốc độ tăng (%)`: a column of changes, not of indices (folded).
CHANGE_HEADING_RE = re.compile(r"\btang\b|\bgiam\b|\btoc do\b")
# The word that states a prose growth's direction, right before it (`giảm 13,1%`).
DIRECTION_BEFORE_RE = re.compile(r"(?<![\w])(tăng|giảm)\s*$", re.I)


def _column_form(cells: list, heading: str) -> str | None:
    """Whether a comparison column states each row as an index (`86,9`) or as a change
    (`-13,1`), from its heading and all its cells: a change heading or a signed cell
    makes it changes, cells all near 100 under a plain heading make it indices; anything
    else (`So cùng kỳ (%)` over `112,4` and `4,9`) is left unread."""
    values = [c.figure.interval.mid for c in cells if c.figure.interval is not None]
    near_100 = bool(values) and all(INDEX_BOUNDS[0] < v < INDEX_BOUNDS[1] for v in values)
    if fall_only(fold(heading)):
        return None  # (`Giảm so với cùng kỳ (%)`: `5,0` may be a fall's size)
    if any(v < 0 for v in values):
        # (`-13,1` beside `110,0`: a change of 110% or an index? left unread)
        return None if any(INDEX_BOUNDS[0] < v < INDEX_BOUNDS[1] for v in values) else "change"
    if CHANGE_HEADING_RE.search(fold(heading)):
        return None if near_100 else "change"  # (`Tăng, giảm (%)` over `105,2`: which is it?)
    return "index" if near_100 else None


def _prose_directions(out) -> dict[tuple, set[str]]:
    """The directions (`tăng`, `giảm`) the prose words state each growth in, by indicator
    and period (any province's: a prose figure's province may still be the document's
    default, unset here): a fact's value carries no sign, so a fall in a table is compared
    with prose only where the prose says `giảm` too."""
    said: dict[tuple, set[str]] = {}
    for r in out:
        if r.block.kind == "table_row" or r.figure.kind != "statistic" or r.figure.unit != "percent" or not r.indicator:
            continue
        m = DIRECTION_BEFORE_RE.search(r.block.text, max(0, r.figure.start - 12), r.figure.start)
        said.setdefault((r.indicator, r.period), set()).add(m.group(1).lower() if m else "")
    return said


# `So với tháng 12 năm trước`, `so với kỳ gốc`: another base than the year before (folded).
OTHER_BASE_RE = re.compile(r"\bthang\s*\d+\s*(?:\d{4}|nam truoc)|\bthang truoc\b|\bky goc\b")
# `Chỉ số giá tiêu dùng`, `Chỉ số sản xuất công nghiệp (IIP)`: a row label naming an index.
INDEX_LABEL_RE = re.compile(r"^\W*chi so\b")


def _index_row(c, catalog) -> str | None:
    """`| Chỉ số giá tiêu dùng bình quân | % | 103,52 |` under `So cùng kỳ (%)`: a row with no
    level whose label names an index, which the catalog counts by its change (a rate of no
    level: `cpi_change`): the cell is that index, the change plus 100."""
    label = c.row_label or ""
    if not INDEX_LABEL_RE.match(fold(label)):
        return None
    mentions = catalog.indicator_matcher.find(label)
    keys = {k for m in mentions for k in m.keys}
    ind = catalog.indicators.get(next(iter(keys))) if len(keys) == 1 else None
    ok = ind is not None and ind.unit == "percent" and ind.temporal == "rate" and not ind.level
    return ind.id if ok else None


def index_growths(out, catalog) -> list:
    """`| Tổng mức bán lẻ … | 213.480 | 112,7 |` under `10 tháng so với cùng kỳ (%)`: an
    index against the same period a year before is its row's growth less 100 (`tăng 12,7%
    so với cùng kỳ` in the text), a copy of the cell that states the growth indicator
    of the row's level, for the restatement check.  Only where the catalog names one growth
    of that level and the row holds one level of the cell's period.  A column of changes
    (`Tăng, giảm so cùng kỳ (%)`, `-13,1`) states the growth itself.  Prose states a fall
    as its size after `giảm`: a fall is copied as its size, and only where the prose of
    that growth says `giảm` (a rise only where it never does)."""
    growth_of: dict[str, list[str]] = {}
    for ind in catalog.indicators.values():
        if ind.level and ind.unit == "percent" and ind.temporal == "rate":
            growth_of.setdefault(ind.level, []).append(ind.id)
    copies = []
    rows: dict[int, list] = {}
    columns: dict[tuple, list] = {}
    for r in out:
        if r.block.kind == "table_row" and r.figure.kind == "statistic":
            rows.setdefault(id(r.block), []).append(r)
            if r.column_role == "comparison":
                columns.setdefault((id(r.doc), r.block.table, column_of(r)), []).append(r)
    said = None
    for cells in rows.values():
        for c in cells:
            if c.column_role != "comparison":
                continue
            k = column_of(c)
            heading = c.block.header[k] if k is not None and k < len(c.block.header) else ""
            value = c.figure.interval
            if "%" not in heading or not YEAR_BEFORE_RE.search(fold(heading)) or OTHER_BASE_RE.search(fold(heading)) \
                    or value is None:
                continue
            form = _column_form(columns[(id(c.doc), c.block.table, k)], heading)
            change = value - Interval.point(100.0) if form == "index" else value
            if form is None or change.lo <= 0 <= change.hi:
                continue
            # (`So với cùng kỳ (%)` names no period: the row's one result is what it compares)
            levels = [r for r in cells if r.column_role in ("actual", "value") and r.role == "actual"
                      and (r.period == c.period or not c.period) and r.period and r.indicator and r.entity]
            if levels:
                if len(levels) != 1 or len(growth_of.get(levels[0].indicator, ())) != 1:
                    continue
                level, growth = levels[0], growth_of[levels[0].indicator][0]
                evidence, why = level.fields["indicator"].evidence, f"the growth of {level.fields['indicator'].reason}"
            else:
                growth, level = _index_row(c, catalog), c
                if growth is None or not c.period or not c.entity or not HEADING_BASE_RE.search(heading):
                    continue
                evidence, why = Evidence.TABLE_HEADER, f"row label `{c.row_label.strip()[:40]}` names an index"
            said = _prose_directions(out) if said is None else said
            words = said.get((growth, level.period), set())
            if ("giảm" not in words or "tăng" in words) if change.hi < 0 else "giảm" in words:
                continue  # (a fall the prose states as a rise, or a rise it calls a fall: left alone)
            copy = object.__new__(type(c))
            copy.__dict__.update(c.__dict__)
            copy.fields, copy.notes = dict(level.fields), list(c.notes)
            copy.settle("indicator", Resolution(growth, evidence, f"{why} ({form} column)"))
            how = "an index, less 100" if form == "index" else "a change"
            copy.settle("role", Resolution("actual", Evidence.TABLE_HEADER, f"column `{heading.strip()}`: {how}"))
            sign = -1.0 if change.hi < 0 else 1.0  # (a fall as its size, as prose states it after `giảm`)
            copy.unit, copy.measure, copy.column_role = "percent", "", "growth"
            copy.factor, copy.offset = sign, sign * (-100.0 if form == "index" else 0.0)
            base = HEADING_BASE_RE.search(heading)
            copy.relations = [Relation(RelationKind.STATED_OF, -1, (), "", "the base its heading names",
                                       base.group(1).lower() if base else "")]
            copies.append(copy)
    return copies
