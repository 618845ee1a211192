"""A table's columns read from its header: each column's kind (label, unit, target, actual,
evaluation, comparison, share of plan, plain value), period, province and named indicator,
and the province the whole table is about (its caption or the heading above it)."""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from checker.catalog import Catalog
from checker.interval import Interval
from checker.records import Evidence, Figure, Resolution
from checker.resolve.entities import entity_mentions
from checker.resolve.periods import find_periods, normalise_range
from checker.resolve.subjects import subject_column
from checker.text import Mention, fold

VALUE_KINDS = ("target", "actual", "value", "comparison", "plan_share", "structure")
# Kinds whose cells are numbers about the row's indicator but not its level.
RELATIVE_KINDS = ("comparison", "plan_share", "structure")
# Heading words matched against the whole heading only, not as role words.
WHOLE_HEADING_KINDS = ("whole", "structure")
BARE_YEARS_RE = re.compile(r"^\s*(?:năm\s+)?((?:19|20)\d{2})(?:\s*[-–]\s*((?:19|20)\d{2}))?\s*$", re.I)
BRACKET_RE = re.compile(r"\(([^()]{1,30})\)")
ROLE_YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d{2})(?![\d.,/%])")
SUB_YEAR_RE = re.compile(r"tháng|quý|học kỳ", re.I)
EMPHASIS_RE = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
COUNT_HEADING_RE = re.compile(r"^(?:tổng\s+)?số\s+(?!liệu|lượng|lượt|tiền|thu|chi|vốn)(\w.*)$", re.I)
SUBSET_HEADING_RE = re.compile(r"^\s*trong đó\b", re.I)
UNIT_LINE_RE = re.compile(r"^\W*(?:đơn vị(?: tính)?|đvt)\s*:", re.I)
COMPARED_RE = re.compile(r"(?<!\w)so(?:\s+với)?\s+(?=\w)", re.I)
CAPTION_RE = re.compile(r"^\s*(?:\*\*)?(?:bảng|biểu|phụ lục)\b", re.I)
BARE_RATIO_RE = re.compile(r"^\s*tỷ lệ\s*(?:\(\s*%\s*\))?\s*$", re.I)
# `So sánh (%)` naming nothing it compares with.
BARE_COMPARED_RE = re.compile(r"^\s*so sánh\s*(?:\(\s*%\s*\))?\s*$", re.I)
CELL_RANGE_RE = re.compile(r"^\s*[-–]\s*$")
# `Chỉ số (%)`, `Chỉ số phát triển (%)`: an index column, though `Chỉ số` alone heads labels.
INDEX_HEADING_RE = re.compile(r"^\s*chỉ số(?:\s+phát triển)?\s*\(\s*%\s*\)\s*$", re.I)


@dataclass(frozen=True)
class Column:
    """What a column's heading (all its header rows) says about the cells under it."""

    heading: str  # as written, header rows joined by ` / `
    kind: str | None
    role: Resolution | None  # for a value column whose heading names its role
    period: Resolution | None
    entity: Resolution | None
    indicators: tuple[Mention, ...] = ()  # `Tổng GRDP (tỷ đồng)`: the column names its indicator
    unit_text: str | None = None  # `(tỷ đồng)` in the heading
    year_column: bool = False  # headed by a year alone (`2020 | 2025`)


def _word_re(words: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


_PATTERNS: dict[int, tuple[object, dict]] = {}
LEADING_SPACE_RE = re.compile(r"\s*")


def _patterns(catalog: Catalog) -> dict[str, re.Pattern]:
    """The heading words compiled once per catalog (kept with the catalog they were read from)."""
    cached = _PATTERNS.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        cols = catalog.cues["role"]["columns"]
        cached = (catalog, {name: _word_re(words) for name, words in cols.items() if name not in WHOLE_HEADING_KINDS})
        _PATTERNS[id(catalog)] = cached
    return cached[1]


def _openings(pats: dict[str, re.Pattern], cell: str) -> list[tuple[int, str]]:
    """Where each list's word that opens `cell` (after its spaces) ends, by list name: the
    words' own pattern tried at the first letter, not a second pattern of each list (an
    opening `^\\s*` version compiled them all again on every run)."""
    first = LEADING_SPACE_RE.match(cell).end()
    return [(m.end(), name) for name, pattern in pats.items() for m in [pattern.match(cell, first)] if m]


COMPARED_RE = re.compile(r"(?<![\w])so với(?![\w])", re.I)


@dataclass(frozen=True)
class SlashRatio:
    """`ƯTH/TH 2024`, `Ước/KH (%)`, `TH 2025/KH 2025`: a heading naming its cells as one role's
    level over another's, each side with the year it names (None where it names none)."""

    num: str  # "actual" or "target"
    num_year: str | None
    den: str
    den_year: str | None
    num_estimate: bool = False  # `ƯTH/…`, `Ước/…`: the estimated result, not the one reckoned


SLASH_YEAR_RE = re.compile(r"\s*((?:19|20)\d{2})(?![\d.,/])")


def _slash_patterns(catalog: Catalog) -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """Per role (target, actual): its words ending a text (with a year after them, maybe)
    and its words opening one."""
    cols = catalog.cues["role"]["columns"]
    return _role_word_patterns(tuple(cols["target"]), tuple(cols["actual"]))


@lru_cache(maxsize=8)
def _role_word_patterns(target: tuple[str, ...], actual: tuple[str, ...]) -> dict[str, tuple[re.Pattern, re.Pattern]]:
    """(compiled once per list of role words: a pure function of them)"""
    pats = {}
    for name, words in (("target", target), ("actual", actual)):
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pats[name] = (re.compile(rf"(?<!\w)(?:{alts})(?:\s+((?:19|20)\d{{2}}))?\s*$", re.I),
                      re.compile(rf"\s*(?:{alts})(?!\w)", re.I))
    return pats


def slash_ratio(catalog: Catalog, cell: str) -> SlashRatio | None:
    """The two roles a heading sets one over the other with a slash (`So sánh (%) ƯTH/KH
    2025`: the estimated result over the plan of 2025), if exactly one slash does."""
    if "/" not in cell:
        return None
    pats = _slash_patterns(catalog)
    found = []
    for at in (m.start() for m in re.finditer("/", cell)):
        left = [(name, m) for name, (ending, _) in pats.items() for m in [ending.search(cell, 0, at)] if m]
        right = [(name, m) for name, (_, opening) in pats.items() for m in [opening.match(cell, at + 1)] if m]
        if len(left) != 1 or len(right) != 1:
            continue  # (no role word, or one word of both roles: unsure)
        (num, lm), (den, rm) = left[0], right[0]
        year = SLASH_YEAR_RE.match(cell, rm.end())
        found.append(SlashRatio(num, lm.group(1), den, year.group(1) if year else None,
                                num == "actual" and estimate_heading(lm.group(0))))
    return found[0] if len(found) == 1 else None


ESTIMATE_RE = re.compile(r"^\W*(?:uoc|uth)\b")


def estimate_heading(text: str) -> bool:
    """`Ước thực hiện 2025`, `ƯTH`, `Ước cả năm`: words of an estimated result."""
    return bool(ESTIMATE_RE.match(fold(text)))


def cell_role(catalog: Catalog, cell: str) -> str | None:
    """The role one heading cell names: the longest heading word opening it decides (`Chỉ
    tiêu Đại hội` is a target column although `Chỉ tiêu` alone heads the labels), else a
    role word anywhere in it.  Words match whole (`TH` is not the start of `Thu`).  A
    heading setting one role over another with a slash (`ƯTH/TH 2024`, `Ước/KH (%)`) is a
    ratio: of a result over its plan a share of plan, else a comparison."""
    ratio = slash_ratio(catalog, cell)
    if ratio is not None:
        return "plan_share" if (ratio.num, ratio.den) == ("actual", "target") else "comparison"
    pats = _patterns(catalog)
    compared = COMPARED_RE.search(cell)
    first = cell_role(catalog, cell[:compared.start()]) if compared and compared.start() > 0 else None
    if first in ("target", "actual"):
        # `KH 2026 so với ƯTH 2025 (%)`, `TH 9 tháng so với KH năm (%)`: one role's column over
        # another's is a ratio, not the role's level: a result over its plan is a share of
        # plan, anything else (a plan over last year's result or plan) compares
        rest = cell_role(catalog, cell[compared.start():])
        return "plan_share" if first == "actual" and rest == "plan_share" else "comparison"
    opening = _openings(pats, cell)
    if opening:
        end, kind = max(opening)
        if kind in ("target", "actual") and COMPARED_RE.search(cell, end):
            # `KH 2026 so với ƯTH 2025 (%)`: a level over another, no level itself
            return "plan_share" if pats["plan_share"].search(cell) else "comparison"
        return kind
    for name in ("evaluation", "plan_share", "comparison", "target", "actual", "label"):
        if pats[name].search(cell):
            return name
    return None


def label_role(catalog: Catalog, label: str) -> Resolution | None:
    """`Dự toán thu NSNN trên địa bàn | 27.480.000 | 4.020.000 |` under province columns
    that name no role: a row label opening with a target or result word gives its cells'
    role (`Ước thực hiện thu …` is a result)."""
    opening = _openings(_patterns(catalog), label)
    if not opening:
        return None
    end, kind = max(opening)
    if kind not in ("target", "actual") or not label[end:end + 1].isspace():
        return None
    return Resolution(kind, Evidence.TABLE_HEADER, f"row label `{label.strip()[:40]}`")


def read_columns(catalog: Catalog, header: tuple[str, ...]) -> tuple[Column, ...]:
    """The columns of a header; a header cell of several rows lists them top to bottom, one a line."""
    # The whole header is each heading's context: `Hà Nam | Nam Định | Ninh Bình` side by side
    # are the former provinces, although `Ninh Bình` alone is the merged one.
    context = " | ".join(cell.replace("\n", " | ") for cell in header)
    columns = [_column(catalog, cell.split("\n"), i, context) for i, cell in enumerate(header)]
    label_seen = False
    for i, col in enumerate(columns):
        if col.kind == "label":
            if label_seen and INDEX_HEADING_RE.match(col.heading) \
                    and any(c.kind in ("target", "actual", "value") for c in columns[:i]):
                # `Thực hiện 2024 | Ước 2025 | Chỉ số (%)`: an index of the levels on its left, no label
                columns[i] = Column(col.heading, "comparison", _role("comparison", col.heading), col.period,
                                    col.entity, (), None, False)
            elif label_seen:
                # A second `Chỉ tiêu` column, or one under a group, states the target.
                columns[i] = Column(col.heading, "target", _role("target", col.heading), col.period,
                                    col.entity, col.indicators, col.unit_text, col.year_column)
            label_seen = True
    for i in range(1, len(columns)):
        col, left = columns[i], columns[i - 1]
        if col.kind is None and left.kind == "value" and left.unit_text and SUBSET_HEADING_RE.match(col.heading):
            # `Số trường công lập | Trong đó: đạt chuẩn quốc gia`: some of the column on its left, in its unit.
            columns[i] = Column(col.heading, "value", None, col.period or left.period, col.entity or left.entity,
                                (), left.unit_text, False)
        elif BARE_COMPARED_RE.match(col.heading.split(" / ")[-1]) and i >= 2 \
                and [c.kind for c in columns[i - 2:i]] == ["target", "actual"] \
                and _same_year(columns[i - 2].period, columns[i - 1].period):
            # `Dự toán | Quyết toán | So sánh (%)` in each province's group: right after a plan
            # and its result of one year, a bare comparison is the result's share of the plan
            columns[i] = Column(col.heading, "plan_share", _role("plan_share", col.heading), col.period,
                                col.entity, (), None, False)
        elif BARE_RATIO_RE.match(col.heading) and {"target", "actual"} <= {c.kind for c in columns[:i]}:
            # `Dự toán | Quyết toán | Tỷ lệ (%)`: a ratio naming nothing, after a plan and a
            # result, is the result's share of the plan, not a level in the row's unit.
            columns[i] = Column(col.heading, "plan_share", _role("plan_share", col.heading), col.period,
                                col.entity, (), None, False)
    columns = _spans_of_the_year(columns)
    return _first_label(_inline_groups(_whole_columns(catalog, _same_span_columns(_unit_names(catalog, columns)))))


# A level column's heading that ends in a part of a year with no year (`Thực hiện 9 tháng`,
# `Ước 6 tháng đầu năm`) or in the whole year (`Ước cả năm`, `Ước thực hiện cả năm`) (folded).
SPAN_ENDING_RE = re.compile(r"(?<![\w/])(?:(\d{1,2}) thang(?: dau nam)?|ca nam)\s*(?:\(.*\))?\s*$")


def _spans_of_the_year(columns: list[Column]) -> list[Column]:
    """`Kế hoạch 2025 | Thực hiện 9 tháng | Ước cả năm`: a plan or result column naming a
    part of a year, or the whole year, without the year is of the one year the header's
    other level columns name (none named, or several: left as it was)."""
    years = {str(c.period.value)[:4] for c in columns if c.kind in ("target", "actual") and c.period is not None
             and re.fullmatch(r"(?:19|20)\d{2}", str(c.period.value)[:4])}
    if len(years) != 1:
        return columns
    year = years.pop()
    out = list(columns)
    for i, col in enumerate(columns):
        if col.kind not in ("target", "actual") or col.period is not None:
            continue
        m = SPAN_ENDING_RE.search(fold(col.heading.split(" / ")[-1]))
        if m is None or (m.group(1) and not 2 <= int(m.group(1)) <= 11):
            continue
        value = f"{year}-{int(m.group(1))}M" if m.group(1) else year
        out[i] = replace(col, period=Resolution(value, Evidence.TABLE_HEADER,
                                                f"column `{col.heading}`, of the year the header's other columns name"))
    return out


def _same_year(a: Resolution | None, b: Resolution | None) -> bool:
    """Two columns' periods name one year, or neither names one."""
    return (str(a.value)[:4] if a else None) == (str(b.value)[:4] if b else None)


def _unit_names(catalog: Catalog, columns: list[Column]) -> list[Column]:
    """`| STT | Đơn vị | Dân số (nghìn người) | … |`, `| TT | Khu công nghiệp | Vốn đăng ký |`:
    with no label column, a heading that is the kind of unit the rows are (cues.yaml
    `subject_columns`), first after the numbers and followed by values only, heads the rows'
    names, neither units of measure (`Đơn vị tính` heads those) nor an indicator's values."""
    kinds = [c.kind for c in columns]
    first = 1 if kinds[:1] == ["number"] else 0
    if "label" in kinds or kinds[first:first + 1] not in (["unit"], ["value"], [None]) \
            or not any(k in VALUE_KINDS for k in kinds[first + 1:]) \
            or any(k not in VALUE_KINDS + (None,) for k in kinds[first + 1:]) \
            or not subject_column(catalog, columns[first].heading):
        return columns
    col = columns[first]
    return columns[:first] + [Column(col.heading, "label", None, col.period, None)] + columns[first + 1:]


SAME_SPAN_HEADING_RE = re.compile(r"(?<!\w)cùng kỳ(?:\s+năm\s+(?:(\d{4})|trước))?(?!\w)", re.I)
SPAN_PERIOD_RE = re.compile(r"^(\d{4})(-\w+)?$")


def _same_span_columns(columns: list[Column]) -> list[Column]:
    """`Thực hiện 11 tháng năm 2025 | Cùng kỳ năm 2024`: a level column headed `cùng kỳ`
    holds the same part of the year as the table's result column, a year earlier (never
    the whole year 2024, which the text may state as well).  Where the results' spans
    differ, or the heading's year is not the year before theirs, it is left unread."""
    spans = {SPAN_PERIOD_RE.match(str(c.period.value)).groups() for c in columns
             if c.kind in ("actual", "value") and c.period is not None and "cùng kỳ" not in c.heading.lower()
             and SPAN_PERIOD_RE.match(str(c.period.value))}
    out = list(columns)
    for i, col in enumerate(columns):
        same = SAME_SPAN_HEADING_RE.search(col.heading)
        if same is None or col.kind not in (None, "actual") or COMPARED_RE.search(col.heading[:same.start()]) \
                or "%" in col.heading:
            continue  # (`So cùng kỳ (%)` compares)
        if len(spans) != 1:
            out[i] = Column(col.heading, None, None, None, col.entity)
            continue
        year, within = next(iter(spans))
        named = same.group(1) or (str(col.period.value) if col.period is not None else None)
        if named and named != str(int(year) - 1):
            out[i] = Column(col.heading, None, None, None, col.entity)
            continue
        period = Resolution(f"{int(year) - 1}{within or ''}", Evidence.TABLE_HEADER,
                            f"column `{col.heading}`: the span of the results a year earlier")
        out[i] = Column(col.heading, "actual", _role("actual", col.heading), period, col.entity,
                        col.indicators, col.unit_text, False)
    return out


def _first_label(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """`|  | Ước tháng 10 (tỷ đồng) | … |`, `| Năm | Lâm Đồng (cũ) | …`: with no label heading,
    the one heading that names no value, first and before the values, is over the rows'
    names (a table of two halves side by side, `Tỉnh | % | Tỉnh | %`, has two: left alone)."""
    kinds = [c.kind for c in columns]
    # (`Sản phẩm | Đơn vị tính | Năm 2024 | …`: a unit column may stand between the names and the values)
    after = kinds[2] if kinds[1:2] == ["unit"] and len(kinds) > 2 else kinds[1] if len(kinds) > 1 else None
    if len(columns) < 2 or "label" in kinds or kinds[0] is not None or kinds.count(None) != 1 \
            or after not in VALUE_KINDS:
        return columns
    return (Column(columns[0].heading, "label", None, columns[0].period, None),) + tuple(columns[1:])


def _inline_groups(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """`Vĩnh Long: NQ | Thực hiện | Đánh giá | Bến Tre: NQ | Thực hiện | Đánh giá`: a header
    of one row (a tab-separated table has no merged cells) names each group's province on
    its first column only.  Where the groups repeat one pattern of column kinds, the
    columns after a named one, up to the next, are of its province."""
    starts = [k for k, c in enumerate(columns) if c.entity is not None and c.entity.value is not None
              and c.kind in ("target", "actual", "value")]
    if len(starts) < 2:
        return columns
    spans = list(zip(starts, starts[1:] + [len(columns)]))
    patterns = {tuple(c.kind for c in columns[a:b]) for a, b in spans}
    if len(patterns) != 1 or len(next(iter(patterns))) < 2 \
            or any(c.entity is not None for a, b in spans for c in columns[a + 1:b]):
        return columns
    out = list(columns)
    for a, b in spans:
        first = columns[a]
        for k in range(a + 1, b):
            c = columns[k]
            out[k] = Column(c.heading, c.kind, c.role, c.period or first.period,
                            Resolution(first.entity.value, Evidence.TABLE_HEADER,
                                       f"column `{c.heading}` in the group of `{first.heading}`"),
                            c.indicators, c.unit_text, c.year_column)
    return tuple(out)


def _whole_columns(catalog: Catalog, columns: list[Column]) -> tuple[Column, ...]:
    """`Cà Mau (cũ) | Bạc Liêu (cũ) | Toàn tỉnh`: a whole-province column beside columns of
    former provinces of one merged province is that province's; else it names nothing."""
    entities = catalog.entities
    merged = {entities[c.entity.value].merged_into for c in columns if c.entity is not None
              and c.entity.value in entities and entities[c.entity.value].merged_into}
    whole = {fold(w) for w in catalog.cues["role"]["columns"].get("whole", ())}
    former = catalog.cue("former")
    # `Cần Thơ (cũ) | Hậu Giang | Sóc Trăng | Thành phố Cần Thơ`: beside a group that says
    # `(cũ)`, the name shared by the merged city and its former one, said without it, is the merged.
    said_former = {c.entity.value for c in columns if c.entity is not None and c.entity.value in entities
                   and former.find(c.heading.split(" / ")[0])}
    out = []
    for col in columns:
        value = col.entity.value if col.entity is not None else None
        if value in said_former and entities[value].merged_into and not former.find(col.heading.split(" / ")[0]):
            merged_city = entities[value].merged_into
            col = Column(col.heading, col.kind, col.role, col.period,
                         Resolution(merged_city, Evidence.TABLE_HEADER,
                                    f"column `{col.heading}` beside the same name said former"),
                         col.indicators, col.unit_text, col.year_column)
        if col.kind is None and fold(BRACKET_RE.sub("", col.heading.split(" / ")[-1]).strip()) in whole:
            entity = Resolution(next(iter(merged)), Evidence.TABLE_HEADER,
                                f"column `{col.heading}` beside the former provinces") if len(merged) == 1 else None
            col = Column(col.heading, "value" if entity else None, None, col.period, entity, col.indicators,
                         col.unit_text, col.year_column)
        out.append(col)
    return tuple(out)


def _without_periods(heading: str) -> str:
    """The heading with the periods it names left out (`Cơ cấu năm 2025 (%)` → `Cơ cấu (%)`)."""
    for found in reversed(find_periods(heading, [])):
        heading = heading[:found.start] + heading[found.end:]
    return re.sub(r"\s+", " ", heading)


def _without_roles(catalog: Catalog, heading: str) -> str:
    """The heading without its periods and role words (`Cơ cấu dự toán 2026 (%)` → `Cơ cấu (%)`):
    the role says whose structure it is, the cells stay shares of the column's total."""
    pats = _patterns(catalog)
    for name in ("target", "actual"):
        heading = pats[name].sub(" ", heading)
    return ROLE_YEAR_RE.sub(" ", _without_periods(heading)).strip()  # (`dự toán 2026`: a bare year)


def _whole_heading(catalog: Catalog, heading: str, kind: str) -> bool:
    """The heading, brackets aside, is one of the words of `kind` (`Cơ cấu (%)`)."""
    words = {fold(w) for w in catalog.cues["role"]["columns"].get(kind, ())}
    return fold(BRACKET_RE.sub("", heading).strip()) in words


def _role(kind: str, heading: str) -> Resolution | None:
    if kind in ("target", "actual", "comparison", "plan_share"):
        return Resolution(kind, Evidence.TABLE_HEADER, f"column `{heading}`")
    return None


def _column(catalog: Catalog, parts: list[str], index: int, context: str) -> Column:
    heading = " / ".join(p.strip() for p in parts)
    kind, at = None, None
    for k in range(len(parts) - 1, -1, -1):  # the lowest header row that names a role decides
        kind = cell_role(catalog, parts[k])
        if kind is not None:
            at = k
            break
    if kind == "label" and at is not None and at > 0:
        kind = "target"  # `Chỉ tiêu | Thực hiện` under a province's group cell
    if kind in (None, "target", "actual") and _whole_heading(catalog, _without_roles(catalog, parts[-1]), "structure"):
        kind = "structure"  # `Cơ cấu (%)`, `Cơ cấu dự toán 2026 (%)`: each row's share of the total
    period, year_column = _column_period(catalog, parts)
    entity = _column_entity(catalog, parts, context)
    indicators: tuple[Mention, ...] = ()
    unit_text = None
    if kind is None and index > 0:
        # (`Ngân sách cấp xã`: a name inside a budget level's words heads that level, no indicator)
        levels = catalog.cue("scope").find(parts[-1])
        indicators = tuple(sorted((m for m in catalog.indicator_matcher.find(parts[-1])
                                   if not any(s.start <= m.start and m.end <= s.end for s in levels)),
                                  key=lambda m: m.start - m.end))
        unit_text = next((m.group(1) for m in BRACKET_RE.finditer(parts[-1])
                          if catalog.units.match(" " + m.group(1).strip(), 0).unit is not None), None)
        if not (year_column or entity is not None or indicators or unit_text):
            unit_text = counted_noun(catalog, parts[-1])
        if year_column or entity is not None or indicators or unit_text:
            kind = "value"
    elif kind in ("target", "actual") and index > 0:
        # `Ước 10 tháng 2025 (tỷ đồng)`: a plan or result column may name its cells' unit too
        unit_text = next((m.group(1) for m in BRACKET_RE.finditer(parts[-1])
                          if catalog.units.match(" " + m.group(1).strip(), 0).unit is not None), None)
    return Column(heading, kind, _role(kind, heading) if kind else None, period, entity, indicators, unit_text,
                  year_column and kind == "value")


def counted_noun(catalog: Catalog, heading: str) -> str | None:
    """`Số học sinh`, `Số trường công lập`, `Cơ sở lưu trú`: a heading that counts a noun the
    units know, or opens on it, heads counts of it (the noun is their unit)."""
    m = COUNT_HEADING_RE.match(heading.strip())
    if m is None:
        # (`Cơ sở lưu trú`: a heading opening on the noun it counts, with no `Số`)
        found = catalog.units.match(" " + heading.strip(), 0)
        return found.text if found.unit is not None and found.unit in catalog.units.count_units else None
    found = catalog.units.match(" " + m.group(1), 0)
    if found.unit is None and len(m.group(1).split()) <= 2:
        # `Số buồng`, `Số hộ`: a noun the units do not know, as a whole number's (`31.560 buồng`)
        found = catalog.units.noun(" " + m.group(1), 0)
        return found.text if found.unit is not None and found.text == m.group(1).strip() else None
    return found.text if found.unit is not None and found.unit in catalog.units.count_units else None


def _column_period(catalog: Catalog, parts: list[str]) -> tuple[Resolution | None, bool]:
    for part in reversed(parts):
        bare = BARE_YEARS_RE.match(part)
        if bare:
            a, b = bare.group(1), bare.group(2)
            value = normalise_range(int(a), int(b)) if b else a
            return Resolution(value, Evidence.TABLE_HEADER, f"column `{part.strip()}`"), True
        periods = find_periods(part, catalog.cue("not_period").find(part))
        if periods:
            # `6 tháng 2024`, `Quý III/2024`: a heading that is a period alone heads its values.
            alone = len(periods) == 1 and periods[0].text.strip() == part.strip()
            return Resolution(periods[-1].value, Evidence.TABLE_HEADER, f"column `{part.strip()}`"), alone
        years = set(ROLE_YEAR_RE.findall(part))
        if len(years) == 1 and not SUB_YEAR_RE.search(part):
            # `KH 2025`, `ƯTH 2025`: a role word and the year it is for.
            return Resolution(years.pop(), Evidence.TABLE_HEADER, f"column `{part.strip()}`"), False
    return None, False


def _column_entity(catalog: Catalog, parts: list[str], context: str) -> Resolution | None:
    """The province a column (or its group cell) names, if exactly one."""
    for part in reversed(parts):
        names = entity_mentions(catalog, part, context)
        if not names:
            continue
        entities = {e for _, e, _ in names}
        if len(entities) != 1 or None in entities or catalog.cue("several").find(part):
            return Resolution(None, Evidence.NONE, f"column `{part.strip()}` names several provinces")
        m, e, why = names[0]
        return Resolution(e, Evidence.TABLE_HEADER, f"column `{part.strip()}`: {why}")
    return None


def table_entity(catalog: Catalog, caption: str | None, section: tuple[str, ...]) -> Resolution | None:
    """The province a table is about: named by its caption or the innermost heading above it
    that names any (`A. Tỉnh X (cũ)` is the former province X).  A caption or heading naming
    several (`CỦA HAI TỈNH`, `TỈNH A VÀ TỈNH B`) names no single one: None is returned with
    the reason, and no outer heading is asked."""
    texts = ([("caption", caption)] if caption else []) + [("heading", h) for h in reversed(section)]
    for where, text in texts:
        names = entity_mentions(catalog, text, text)
        # `trước hợp nhất` with no name before it speaks of the former provinces together.
        several = catalog.cue("several").find(text) or [
            c for c in catalog.cue("former").find(text) if len(c.text) > 4 and not names]
        if not names and not several:
            continue
        entities = {e for _, e, _ in names}
        evidence = Evidence.TABLE_HEADER if where == "caption" else Evidence.HEADING
        if several or len(entities) != 1 or None in entities:
            return Resolution(None, Evidence.NONE, f"{where} `{text.strip()[:60]}` names no single province")
        m, e, why = names[0]
        return Resolution(e, evidence, f"{where} `{text.strip()[:60]}`: {why}")
    return None


def caption_of(doc, table: int) -> str | None:
    """The short line right before a table (`Bảng 2. Kết quả ... tỉnh X (cũ)`) when it reads as its caption."""
    previous = before = None
    for block in doc.blocks:
        if block.table == table and block.kind == "table_header":
            break
        previous, before = block, previous
    else:
        return None
    if previous is not None and before is not None and UNIT_LINE_RE.match(previous.text):
        previous = before  # (`Biểu 3. …` then `Đơn vị: tỷ đồng`: the caption is above the unit line)
    if previous is None or previous.kind not in ("paragraph", "list_item") or previous.table is not None:
        return None
    text = previous.text.strip()
    if CAPTION_RE.match(text) or (len(text) <= 160 and not text.endswith((".", ";", ":"))
                                  and not re.search(r"\d", re.sub(r"(?:19|20)\d{2}", "", text))):
        return text
    return None


def row_share_of_plan(out, figs, add) -> None:
    """`| Thu nội địa | 32.500 | 38.420 | 118,2 |` under `Dự toán | Ước thực hiện | ƯTH/DT (%)`:
    a share-of-plan cell is the row's result over its target of the same year, as
    `bằng 118,2% dự toán (32.500 tỷ đồng)` would say in prose.  `add(kind, subject, others,
    detail, reason)`."""
    from checker.records import RelationKind

    def cells(role: str) -> list[int]:
        return [i for i, _ in figs if out[i].column_role == role]

    shares, actual, targets = cells("plan_share"), cells("actual"), cells("target")
    if not shares or not targets or not actual:
        return
    if len(actual) == len(shares):
        # `Kế hoạch | Giải ngân đến 30/11 | Tỷ lệ (%) | Ước giải ngân đến 31/01 | Tỷ lệ (%)`: each
        # share right after its own result (a result, its share; a result, its share), else none
        order = [out[i].figure.start for pair in zip(actual, shares) for i in pair]
        if len(shares) > 1 and order != sorted(order):
            return
        pairs, own_place = list(zip(shares, actual)), False
    else:
        # `Thực hiện 2024 | Dự toán 2025 | Ước TH 2025 | So dự toán (%)`, `Dự toán | Quyết toán A
        # (cũ) | Quyết toán B (cũ) | Tổng quyết toán | QT/DT (%)`: of several results, each share
        # is that of the one result before it with a plan of its own year and place (of the
        # share's own place, where several have one); two such (9 months, the year's
        # estimate) leave it unread
        def planned(a: int) -> bool:
            return any((out[t].period or "")[:4] == (out[a].period or "")[:4] and out[t].entity == out[a].entity
                       for t in targets)

        pairs, own_place = [], True
        for share in shares:
            before = [a for a in actual if out[a].figure.start < out[share].figure.start and planned(a)]
            if len(before) > 1:
                before = [a for a in before if out[a].entity == out[share].entity]
            if len(before) == 1:
                pairs.append((share, before[0]))
    for share, a in pairs:
        year = (out[a].period or "")[:4]
        of_year = [t for t in targets if (out[t].period or "")[:4] == year] if len(targets) > 1 else targets
        if len(of_year) > 1 or own_place:
            # `A (cũ) - Dự toán | A (cũ) - Ước TH | So dự toán (%) | B (cũ) - Dự toán | …`: the
            # plan of the result's own place
            of_year = [t for t in of_year if out[t].entity == out[a].entity]
        # (bare numbers of one row, `Kế hoạch vốn | Giải ngân | Tỷ lệ (%)` under a caption that
        # names their unit in words no unit pattern reads, are of one unit: their own)
        if len(of_year) != 1 or out[of_year[0]].unit != out[a].unit \
                or out[a].unit is None and not (_bare(out[a]) and _bare(out[of_year[0]])):
            continue
        add(RelationKind.STATED_OF, share, (a, of_year[0]), "of",
            "a share-of-plan column: the row's result over its target")


def _bare(r) -> bool:
    """A cell that is a plain number: no unit, scale or qualifier of its own."""
    return r.figure.unit is None and r.figure.scale == 1 and not r.figure.qualifier


def table_unit(catalog: Catalog, doc, table: int):
    """`Đơn vị: triệu đồng` (or `ĐVT: …`, `(Đơn vị tính: tỷ đồng)`) on one of the two short lines
    right before a table: the unit of its bare numbers (a unit match), else None."""
    words = "|".join(re.escape(w) for w in sorted(catalog.cues["role"]["columns"]["unit"], key=len, reverse=True))
    line_re = re.compile(rf"^\s*\(?\s*(?:{words})\s*:\s*(?P<unit>[^():;]{{1,30}}?)\s*\)?\s*\.?\s*$", re.I)
    # `Bảng 1. Thu ngân sách năm 2025 (đơn vị: tỷ đồng)`: the caption closes on the unit in brackets
    caption_re = re.compile(rf"\(\s*(?:{words})\s*:\s*(?P<unit>[^():;]{{1,30}}?)\s*\)\s*\.?\s*$", re.I)
    previous = []
    for block in doc.blocks:
        if block.table == table and block.kind == "table_header":
            break
        previous = (previous + [block])[-2:]
    else:
        return None
    for block in reversed(previous):
        # (`*Đơn vị: tỷ đồng*`: a Markdown draft sets the line in italics)
        text = EMPHASIS_RE.sub("", block.text) if block.table is None else None
        m = text is not None and (line_re.match(text) or (CAPTION_RE.match(text) and caption_re.search(text)))
        if m:
            found = catalog.units.match(" " + m.group("unit"), 0)
            return found if found.unit is not None else None
    return None


def cell_range(cell: str, figs: list[Figure]) -> list[Figure]:
    """`| %/năm | 10,5 - 11 |`: a cell of nothing but two bare numbers joined by a dash, the
    lower first, is one range in the row's unit (the lexer reads a range only with its unit)."""
    if len(figs) != 2 or any(f.kind != "statistic" or f.unit is not None or f.qualifier or f.interval is None
                             for f in figs):
        return figs
    lo, hi = figs
    if cell[:lo.start].strip() or cell[hi.end:].strip() or not CELL_RANGE_RE.match(cell[lo.end:hi.start]) \
            or not lo.value < hi.value:
        return figs
    return [Figure(cell[lo.start:hi.end], lo.start, hi.end, lo.value, Interval(lo.interval.lo, hi.interval.hi),
                   kind="range", qualifier="range", parts=(lo.value, hi.value))]
