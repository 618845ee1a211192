"""Derived table columns: a comparison cell (`So sánh (%)`, `So cùng kỳ (%)`) is computed
from two level cells of its row, a structure cell (`Cơ cấu (%)`) from its row's level and
the total's in the same column.  Each such cell is linked to the cells it is computed from
(a stated_of relation, as prose says `bằng 104,8% dự toán (17.200 tỷ đồng)`), only where
the header and the row say which cells those are; otherwise it is left unlinked."""

from __future__ import annotations

import re
from dataclasses import replace

from checker.interval import Interval
from checker.records import RelationKind
from checker.resolve.columns import estimate_heading, slash_ratio
from checker.text import fold

LEVEL_ROLES = ("target", "actual", "value")
# `So cùng kỳ (%)`, `So với năm trước`: against the same period a year before.
YEAR_BEFORE_RE = re.compile(r"cung ky|nam truoc")
# `So với năm 2024 (%)`: against the level of the year the heading names.
NAMED_YEAR_RE = re.compile(r"\bso (?:voi )?(?:cung ky )?nam ((?:19|20)\d{2})\b")
# `Thực hiện cùng kỳ năm 2024` heads the level of the same months a year before.
SAME_SPAN_RE = re.compile(r"\bcung ky\b")
# `Tăng, giảm (%)`: a growth rate (the result over its base, less 100%) where it is small.
GROWTH_RE = re.compile(r"\btang\b|\bgiam\b")
# `Trong đó: đạt chuẩn quốc gia` beside `Số trường`, then `Tỷ lệ đạt chuẩn (%)` (folded headings).
SUBSET_RE = re.compile(r"^\W*trong do\b")
RATE_HEADING_RE = re.compile(r"^\W*(?:ty le|ti le)\b")
PERIOD_RE = re.compile(r"^((?:19|20)\d{2})(\D.*)?$")
ROMAN_RE = re.compile(r"^[IVXL]+$")
STT_RE = re.compile(r"^\W*([\w\-+*]+?)\W*$")
TOTAL_LABEL_RE = re.compile(r"^\W*tong\b")


def column_of(r) -> int | None:
    """The column a table figure stands in (by where it starts in its row)."""
    for k, (a, b) in enumerate(r.block.cells):
        if a <= r.figure.start < b:
            return k
    return None


def _heading(r) -> str:
    k = column_of(r)
    header = r.block.header
    return fold(header[k].replace("\n", " ")) if k is not None and k < len(header) else ""


def _period_key(period: str | None) -> tuple[int, str] | None:
    """`2025`, `2025-6M` as (year, rest); a range or a blank is no single period."""
    m = PERIOD_RE.match(period or "")
    if not m or re.match(r"-(?:19|20)\d{2}$", m.group(2) or ""):
        return None
    return int(m.group(1)), m.group(2) or ""


def row_comparisons(out, figs, add) -> None:
    """`| Thu nội địa | 55.450 | 60.300 | 108,7 |` under `Ước thực hiện 2025 | Dự toán 2026 |
    So sánh (%)`: a comparison cell is the row's later level over its earlier one (of one
    period: the result over its target).  Under `So cùng kỳ (%)` the base is the level of
    the same period a year before, which the row must give.  A rate's comparison (points
    or a ratio?) and a row of more than two levels under a plain `So sánh` are left alone.
    `add(kind, subject, others, detail, reason)`."""
    comparisons = [i for i, _ in figs if out[i].column_role == "comparison" and out[i].figure.kind == "statistic"]
    if not comparisons:
        return
    levels = [i for i, _ in figs if out[i].column_role in LEVEL_ROLES and out[i].figure.kind == "statistic"
              and out[i].unit and out[i].unit != "percent"]
    if len({out[i].unit for i in levels}) != 1:
        return
    plain = [c for c in comparisons if not _against_year_before(_heading(out[c]))]
    for c in comparisons:
        heading = _heading(out[c])
        if "%" not in heading and out[c].figure.unit != "percent":
            continue  # `So sánh` with no `%` may be a difference
        if fall_only(heading):
            continue  # `Giảm so với cùng kỳ (%)`: a fall stated by its size, or a signed change?
        if _against_year_before(heading):
            named = NAMED_YEAR_RE.search(heading)
            pair = _year_before(out, levels, int(named.group(1)) + 1 if named else None)
        elif len(plain) == 1 and len(levels) == 2:
            pair = _later_over_earlier(out, *levels)
        else:
            pair = None
        if pair is None:
            continue
        form = _form(out[c].figure, out[pair[0]].figure, out[pair[1]].figure, heading)
        add(RelationKind.STATED_OF, c, pair, form,
            f"column `{heading}`: `{out[pair[0]].figure.text}` over `{out[pair[1]].figure.text}` of its row")


def row_slash_ratios(catalog, out, figs, add) -> None:
    """`| GRDP | tỷ đồng | 604.000 | 668.000 | 670.700 | 111,0 | 100,4 |` under `Thực hiện 2024 |
    Kế hoạch 2025 | Ước thực hiện 2025 | So sánh (%) ƯTH/TH 2024 | So sánh (%) ƯTH/KH 2025`: a
    ratio column whose heading names its two levels by role and year is the row's level of
    the one over its level of the other.  Each side must be one cell of the row: a side
    naming no year among several of its role is the estimate where it says `Ước`/`ƯTH`,
    else of the other side's year; otherwise the cell is left unlinked.  Cells linked
    already (a share-of-plan or `So sánh` column read otherwise) are left as they are.
    `add(kind, subject, others, detail, reason)`."""
    levels = [i for i, _ in figs if out[i].column_role in ("target", "actual") and out[i].figure.kind == "statistic"
              and out[i].unit and out[i].unit != "percent"]
    if not levels or len({out[i].unit for i in levels}) != 1:
        return  # (a rate's ratio column may hold points: left alone, as `So sánh` is)
    for c, _ in figs:
        r = out[c]
        if r.column_role not in ("comparison", "plan_share") or r.figure.kind != "statistic" \
                or any(rel.kind is RelationKind.STATED_OF for rel in r.relations):
            continue
        k = column_of(r)
        if k is None or k >= len(r.block.header):
            continue
        heading = r.block.header[k].replace("\n", " ")
        ratio = slash_ratio(catalog, heading)
        if ratio is None or fall_only(fold(heading)):
            continue
        den = _ratio_side(out, levels, ratio.den, ratio.den_year, False, ratio.num_year)
        if len(den) != 1:
            continue
        num = _ratio_side(out, [i for i in levels if i != den[0]], ratio.num, ratio.num_year, ratio.num_estimate,
                          ratio.den_year if ratio.num != ratio.den else None)
        if len(num) != 1:
            continue
        pair = (num[0], den[0])
        form = _form(r.figure, out[pair[0]].figure, out[pair[1]].figure, fold(heading))
        add(RelationKind.STATED_OF, c, pair, form,
            f"column `{heading}`: `{out[pair[0]].figure.text}` over `{out[pair[1]].figure.text}` of its row")


def _ratio_side(out, levels, role: str, year: str | None, estimate: bool, other_year: str | None) -> list[int]:
    """The cells of `levels` one side of a slash heading names (see `row_slash_ratios`)."""
    found = [i for i in levels if out[i].role == role and (year is None or (out[i].period or "")[:4] == year)]
    if len(found) > 1 and estimate:
        found = [i for i in found if estimate_heading(_heading(out[i]))]
    if len(found) > 1 and year is None and other_year is not None:
        found = [i for i in found if (out[i].period or "")[:4] == other_year]
    return found


# `Giảm so với cùng kỳ (%)`: a column of falls only (folded), which may state each by its size.
FALL_ONLY_RE = re.compile(r"\bgiam\b")


def fall_only(heading: str) -> bool:
    """A folded heading that names a fall and no rise (`giảm`, not `tăng, giảm`)."""
    return bool(FALL_ONLY_RE.search(heading)) and not re.search(r"\btang\b", heading)


def _form(stated, a, b, heading: str) -> str:
    """How a comparison cell states `a` against `b`: as a ratio (`108,4`) or as a growth
    (`8,4`, `-3,2`), whichever the figures bear out; else what the heading and the size of
    the number say (a growth under `Tăng, giảm`, or when small)."""
    if _fits(a, b, stated):
        return "of"
    if stated.interval is not None and _fits(a, b, replace(stated, interval=stated.interval + Interval.point(100))):
        return "over"
    value = float(stated.value) if stated.value is not None else 100.0
    return "over" if value < 50 and (GROWTH_RE.search(heading) or value < 30) else "of"


def _against_year_before(heading: str) -> bool:
    return bool(YEAR_BEFORE_RE.search(heading) or NAMED_YEAR_RE.search(heading))


def _year_before(out, levels, year: int | None = None) -> tuple[int, int] | None:
    """The row's latest result (of `year` where the heading names the base year before it)
    and its level of the same period a year before.  A column headed `cùng kỳ năm 2024`
    beside one of 9 months of 2025 holds the same 9 months of 2024."""
    keyed = [(i, _period_key(out[i].period)) for i in levels]
    results = [(i, k) for i, k in keyed if k is not None and out[i].role == "actual"
               and (year is None or k[0] == year)]
    if not results:
        return None
    latest = max(k for _, k in results)
    now = [i for i, k in results if k == latest]
    earlier = [(i, k) for i, k in keyed if k is not None and k[0] == latest[0] - 1 and out[i].role in ("actual", None)]
    before = [i for i, k in earlier if k[1] == latest[1]]
    if not before and latest[1]:
        before = [i for i, k in earlier if not k[1] and SAME_SPAN_RE.search(_heading(out[i]))]
    return (now[0], before[0]) if len(now) == 1 and len(before) == 1 else None


def _later_over_earlier(out, a: int, b: int) -> tuple[int, int] | None:
    """Of two levels, the later period over the earlier; of one period, the result over its target."""
    ka, kb = _period_key(out[a].period), _period_key(out[b].period)
    if not out[a].period and not out[b].period:
        ka = kb = (0, "")  # `Dự toán | Quyết toán` with no year in the header: one period
    if ka is None or kb is None:
        return None
    if ka[0] != kb[0]:
        return (a, b) if ka[0] > kb[0] else (b, a)
    if ka != kb:
        return None
    roles = (out[a].role, out[b].role)
    if roles == ("actual", "target"):
        return a, b
    if roles == ("target", "actual"):
        return b, a
    return None


def row_fractions(out, figs, add) -> None:
    """`| Tiểu học | 248 | 236 | 95,2 |` under `Số trường | Trong đó: đạt chuẩn | Tỷ lệ đạt chuẩn
    (%)`: a rate column right after a column of some of the one on its left is the row's
    part over its whole.  `add(kind, subject, others, detail, reason)`."""
    by_col = {}
    for i, _ in figs:
        k = column_of(out[i])
        if k is not None and out[i].figure.kind == "statistic":
            by_col.setdefault(k, []).append(i)
    for k, cells in sorted(by_col.items()):
        rate, part, whole = cells, by_col.get(k - 1), by_col.get(k - 2)
        if not part or len(rate) != 1 or len(part) != 1:
            continue
        if not (whole and len(whole) == 1 and SUBSET_RE.match(_heading(out[part[0]]))):
            whole = _named_total(out, by_col, k)
        if not whole or len(whole) != 1:
            continue
        rate, part, whole = rate[0], part[0], whole[0]
        if not (RATE_HEADING_RE.match(_heading(out[rate]))
                and "%" in _heading(out[rate]) and out[part].unit and out[part].unit == out[whole].unit
                and out[rate].figure.unit in (None, "percent")):
            continue
        add(RelationKind.STATED_OF, rate, (part, whole), "of",
            f"column `{_heading(out[rate])}`: `{out[part].figure.text}` over `{out[whole].figure.text}` of its row")


# `Tổng số hộ (hộ) | Hộ nghèo (hộ) | Tỷ lệ hộ nghèo (%)`: the rate names the column on its
# left, whose head noun the total's column counts.
RATE_OF_RE = re.compile(r"^\W*(?:ty le|ti le)\s+(?P<what>[^()]+?)\s*\(\s*%\s*\)\s*$")
TOTAL_OF_RE = re.compile(r"^\W*tong so\s+(?P<noun>[^()]+?)\s*(?:\([^()]*\))?\s*$")
UNIT_BRACKET_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _named_total(out, by_col: dict, k: int) -> list[int] | None:
    """The cells of the one column left of the part's headed `Tổng số <noun>`, where the rate's
    column (k) is headed `Tỷ lệ <part's heading> (%)` and the part's heading opens with that noun
    (`hộ`, `lao động`):
    `Tỷ lệ hộ nghèo (%)` is `Hộ nghèo (hộ)` over `Tổng số hộ (hộ)`."""
    rate_m = RATE_OF_RE.match(_heading(out[by_col[k][0]]))
    if rate_m is None:
        return None
    what = rate_m.group("what").strip()
    if UNIT_BRACKET_RE.sub("", _heading(out[by_col[k - 1][0]])).strip(" *") != what:
        return None
    totals = [j for j in by_col if j < k - 1 and (m := TOTAL_OF_RE.match(_heading(out[by_col[j][0]])))
              and (what + " ").startswith(m.group("noun") + " ")]
    return by_col[totals[0]] if len(totals) == 1 else None


def column_structures(out, add) -> None:
    """`| II | Chi thường xuyên | 27.640 | 54,4 |` under `Dự toán 2026 | Cơ cấu (%)`: a
    structure cell is its row's level over the total's in the column on its left.  The
    total is the nearest row above whose share is 100, else a first row labelled `Tổng`.
    A table that shares out each group (`1, 2, 3` of their `I`) states the part over its
    parent: where the total does not fit and the parent (the nearest row above of a higher
    numbering rank: A, I, 1, a, -) does, the parent is the base."""
    tables: dict[tuple, list[int]] = {}
    for i, r in enumerate(out):
        if r.block.kind == "table_row" and r.figure.kind == "statistic" and r.block.table is not None:
            tables.setdefault((id(r.doc), r.block.table), []).append(i)
    for members in tables.values():
        _table_structure(out, members, add)


def _table_structure(out, members: list[int], add) -> None:
    share_cols = {column_of(out[i]) for i in members if out[i].column_role == "structure"}
    for col in sorted(c for c in share_cols if c is not None):
        header = out[members[0]].block.header
        level_col = _level_column(out, members, col)
        if level_col is None:
            continue
        rows: list[tuple[object, int, int]] = []  # (block, level cell, share cell), in row order
        by_block: dict[int, dict[int, int]] = {}
        order = []
        for i in members:
            k = column_of(out[i])
            if id(out[i].block) not in by_block:
                by_block[id(out[i].block)] = {}
                order.append(out[i].block)
            by_block[id(out[i].block)].setdefault(k, i)
        for block in order:
            cells = by_block[id(block)]
            if level_col in cells and col in cells:
                rows.append((block, cells[level_col], cells[col]))
        _link_shares(out, rows, header[col] if col < len(header) else "", add)


def _level_column(out, members, col: int) -> int | None:
    """The nearest column left of a structure column whose cells are levels."""
    kinds = {}
    for i in members:
        k = column_of(out[i])
        if k is not None and k < col and out[i].column_role in LEVEL_ROLES:
            kinds[k] = out[i].unit
    left = [k for k in kinds if kinds[k] and kinds[k] != "percent"]
    return max(left) if left else None


def _link_shares(out, rows, heading: str, add) -> None:
    total = None
    ranks: list[int | None] = []
    for n, (block, level, share) in enumerate(rows):
        rank = numbering_rank(block, out[level].row_label or "")
        ranks.append(rank)
        stated = out[share].figure
        if stated.value is not None and float(stated.value) == 100:
            total = n
            ranks[n] = -1
            continue
        if total is None and n == 0 and TOTAL_LABEL_RE.match(fold(out[level].row_label or "")):
            total = n
            ranks[n] = -1
            continue
        if total is None:
            continue
        bases = [rows[total][1]]
        parent = next((m for m in range(n - 1, total, -1) if ranks[m] is not None and rank is not None
                       and ranks[m] < rank), None)
        if parent is not None and parent != total:
            bases.append(rows[parent][1])
        base = next((b for b in bases if _fits(out[level].figure, out[b].figure, stated)), bases[0])
        why = "the total" if base == bases[0] else "its parent row"
        add(RelationKind.STATED_OF, share, (level, base), "of",
            f"column `{heading.strip()}`: the row's `{out[level].figure.text}` over {why} `{out[base].figure.text}`")


def numbering_rank(block, label: str) -> int | None:
    """A row's numbering rank: A 0, I 1, 1 2, a 3, - 4; None where the row has no number."""
    first = block.text[block.cells[0][0]:block.cells[0][1]].strip() if block.cells else ""
    m = STT_RE.match(first)
    if not m or len(first) > 5 or first == label.strip():
        return None
    stt = m.group(1)
    if ROMAN_RE.match(stt):
        return 1
    if stt.isdigit():
        return 2
    if len(stt) == 1 and stt.isupper():
        return 0
    if len(stt) == 1 and stt.islower():
        return 3
    return 4 if stt in "-+*" else None


def _fits(part, whole, stated) -> bool:
    """The stated share covers part over whole within their written precision."""
    if part.interval is None or whole.interval is None or stated.interval is None or whole.interval.lo <= 0:
        return False
    lo, hi = 100 * part.interval.lo / whole.interval.hi, 100 * part.interval.hi / whole.interval.lo
    return stated.interval.lo <= hi and lo <= stated.interval.hi
