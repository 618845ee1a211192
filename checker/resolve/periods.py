"""The period grammar: years, spans of years and dates in a text, and a figure's period."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from checker.records import STAT_KINDS, Evidence, Resolution
from checker.resolve.scans import cores
from checker.text import Mention, fold

YEAR = r"(?:19|20)\d{2}"
NOT_AFTER_YEAR = r"(?!\d|[.,/]\d)"
ANY_YEAR_RE = re.compile(YEAR)
# Read on the text without diacritics (same offsets), so `nam 2025` is `năm 2025`.
DATE_RANGE_RE = re.compile(
    rf"tu\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/({YEAR}))?\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
YEAR_TO_DATE_RE = re.compile(rf"tu nam\s+({YEAR})\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
SINGLE_DATE_RE = re.compile(rf"(?:tinh den|den|tai thoi diem|thoi diem|tu)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
KEYED_RANGE_RE = re.compile(
    rf"(?:giai doan|nhiem ky|thoi ky|tu nam|trong|ca)\s+({YEAR})\s*(?:[-–]|den|toi)?\s*({YEAR}){NOT_AFTER_YEAR}")
# (no digit, `.`, `,` or `/` before the year: looked behind once its first two digits are
# read, so that `re` scans for a `1` or `2` in C instead of trying every position)
DASH_RANGE_RE = re.compile(rf"((?:19|20)(?<![\d.,/]\d\d)\d{{2}})\s*[-–]\s*({YEAR}){NOT_AFTER_YEAR}")
YEAR_RE = re.compile(rf"(?<!tu )(?:nam|den nam|den het nam|truoc nam|het nam|cuoi nam|vao nam)\s+({YEAR}){NOT_AFTER_YEAR}")
TERM_EDGE_RE = re.compile(r"(đầu|cuối)\s+nhiệm kỳ", re.I)
TERM_END_RE = re.compile(r"(?:năm\s+)?cuối nhiệm kỳ", re.I)
TERM_SPAN_RE = re.compile(r"\d{4}-\d{4}")
# `trong nhiệm kỳ`, `cả nhiệm kỳ`, `nhiệm kỳ qua` with no years of their own: the heading's term
# (not `trong nhiệm kỳ 2025 - 2030`, not `nhiệm kỳ Đại hội XII`, another term by name).
WHOLE_TERM_RE = re.compile(r"(?<![\w])(?:(?:trong|cả|suốt|qua)\s+(?:cả\s+)?nhiệm kỳ(?:\s+qua)?|nhiệm kỳ qua)"
                           r"(?!\s*(?:\d|đại hội|(?-i:[A-ZĐ])))", re.I)
# Parts of a year (read without diacritics): `quý II/2025`, `quý 2-2025`, `tháng 7/2025`,
# `6 tháng đầu năm 2025`, `9 tháng năm 2025`, `lũy kế 10 tháng`.  Without a year they are
# the report's year (`?` until the figure's document is known).
QUARTER_RE = re.compile(rf"quy(?<![\w]quy)\s+(iii|ii|iv|i|[1-4])(?![\w])(?:\s*(?:/|-|–|nam)\s*({YEAR}))?{NOT_AFTER_YEAR}")
MONTH_RE = re.compile(rf"thang(?<![\d]\sthang)(?<![\w]thang)\s+(\d{{1,2}})\s*(?:/|-|nam)\s*({YEAR}){NOT_AFTER_YEAR}")
# `Trong tháng 7, ...`, `CPI tháng 9 tăng 0,42%`, `tháng 9 ước đạt 14.500 tỷ đồng`, a sentence
# opening `Tháng 10, tỉnh đón ...`: a month of the report's year (not `ngày 20 tháng 7`, not `9 tháng`).
BARE_MONTH_RE = re.compile(r"(?:(?<![\w])(?:trong|rieng|tinh rieng)\s+thang\s+(\d{1,2})|(?<!\d\s)(?<![\w])thang\s+"
                           r"(\d{1,2})(?=\s+(?:uoc|dat|tang|giam)(?![\w]))|(?:^|(?<=[.;]\s))thang\s+(\d{1,2})(?=\s*,\s*\D))"
                           r"(?![\d/]|[.,]\d|\s*(?:-|nam)\s*\d)")
# `lũy kế từ đầu năm (đến nay)`: the year to the report's date, never the whole year.
YEAR_TO_NOW_RE = re.compile(r"(?<![\w])(?:luy ke\s+)?tu dau nam(?:\s+(?:den nay|toi nay|den thoi diem nay))?")
# A news page's date written after its headline: `(2025-08-03)`, `(2025-08)`.
PAGE_DATE_RE = re.compile(rf"\(({YEAR})-\d{{2}}(?:-\d{{2}})?\)")
MONTHS_RE = re.compile(
    rf"(?<![\w])(?:(luy ke|tinh chung|cong don)\s+)?(\d{{1,2}}|sau|chin)\s+thang(?:\s+(dau nam|cuoi nam))?(?:\s+(?:cua\s+)?(?:nam\s+)?({YEAR}))?{NOT_AFTER_YEAR}")
RESULT_AFTER_RE = re.compile(r"\s+(?:uoc|dat|tang|giam)(?![\w])")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
WORD_NUMBER = {"sau": 6, "chin": 9}
UNKNOWN_YEAR = "?"
SUB_YEAR_RE = re.compile(r"(?:\d{4}|\?)-(?:L?\d{1,2}M|Q[1-4]|\d{2}|YTD)")
# `6 tháng cuối năm 2025` (`2025-L6M`): the months left of a year, what a plan is for.
LAST_MONTHS_RE = re.compile(r"-L\d{1,2}M$")
# `tăng 1,4 lần, từ 9.500 lên 13.300`: the figure after `từ` is the earlier value of a change.
FROM_RE = re.compile(r"(?<![\w])từ\s*(?:mức\s*)?$", re.I)
TO_RE = re.compile(r"^\s*(?:\([^()]{0,40}\)\s*)?(?:[^\d;.()]{0,25}?)?\s*(?:lên|xuống|đến|tới)\s+(?:còn\s+|mức\s+)?[\d(]", re.I)
ABSTAIN = "abstains:"


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    value: str  # "2025", "2021-2025", "2025-07-01/2025-09-12", "2025-9M", "2025-L6M", "2025-Q1", "2025-07", "2025-YTD"
    kind: str  # year, range, date, dates, months, quarter, month


def is_sub_year(value: str | None) -> bool:
    """`2025-9M`, `2025-Q1`, `2025-07`: a part of a year, never the year itself."""
    return bool(value and SUB_YEAR_RE.fullmatch(value))


def with_year(value: str, year: int | None) -> str | None:
    """A part of a year stated without its year belongs to the report's year."""
    if not value.startswith(UNKNOWN_YEAR):
        return value
    return f"{year}{value[1:]}" if year else None


def report_year(doc) -> int | None:
    """The report's year: its own, else the date of a news page written after its headline."""
    if doc.year:
        return doc.year
    return _page_year(doc.title or "")


@lru_cache(maxsize=64)
def _page_year(title: str) -> int | None:
    """(asked for every figure of a document: read once a title)"""
    m = PAGE_DATE_RE.search(title)
    return int(m.group(1)) if m else None


def deliberately_blank(resolution) -> bool:
    """A period left blank on purpose (the earlier value of a change with no stated base):
    no heading or document default may fill it."""
    return resolution is not None and resolution.value is None and resolution.reason.startswith(ABSTAIN)


def normalise_range(a: int, b: int) -> str:
    """`nhiệm kỳ 2020 - 2025` is the plan period 2021-2025: a five-year term starting
    on a year that ends in 0 or 5 covers the five years after it."""
    if b - a == 5 and a % 5 == 0:
        a += 1
    return f"{a}-{b}" if a != b else str(a)


@lru_cache(maxsize=1024)
def period_end(value: str) -> int | None:
    """(asked for every figure of a document, of few distinct periods)"""
    m = re.search(r"(\d{4})(?:-\d{2}-\d{2}|-L?\d{1,2}M|-Q[1-4]|-\d{2}|-YTD)?$", value)
    return int(m.group(1)) if m else None


def find_periods(text: str, not_period: list[Mention]) -> list[Period]:
    """Every period stated in `text`, in order; a year inside `not_period` (`giá so sánh
    năm 2010`) is a price base, not a period."""
    return list(_find_periods(text, tuple(not_period)))


class _Taken:
    """Spans already read as a period: a shorter reading inside one is not another."""

    def __init__(self):
        self.spans: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.spans)

    def add(self, s: int, e: int) -> None:
        self.spans.append((s, e))


def _dates(text: str, original: str, taken: _Taken) -> list[Period]:
    found = []
    if "/" not in text:  # every date here is written d/m/yyyy
        return found
    for m in DATE_RANGE_RE.finditer(text):
        d1, m1, y1, d2, m2, y2 = m.groups()
        y1 = y1 or y2
        value = f"{y1}-{int(m1):02d}-{int(d1):02d}/{y2}-{int(m2):02d}-{int(d2):02d}"
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], value, "dates"))
        taken.add(m.start(), m.end())
    for m in YEAR_TO_DATE_RE.finditer(text):
        y1, d, mo, y2 = m.groups()
        value = f"{y1}-01-01/{y2}-{int(mo):02d}-{int(d):02d}"
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], value, "dates"))
        taken.add(m.start(), m.end())
    for m in SINGLE_DATE_RE.finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        d, mo, y = m.group(1), m.group(2), m.group(3)
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], f"{y}-{int(mo):02d}-{int(d):02d}", "date"))
        taken.add(m.start(), m.end())
    return found


def _ranges_and_years(text: str, original: str, taken: _Taken, not_period: tuple[Mention, ...]) -> list[Period]:
    found = []
    if not ANY_YEAR_RE.search(text):  # (each of the patterns below reads a year: most texts have none)
        return found
    for regex in (KEYED_RANGE_RE, DASH_RANGE_RE):
        for m in regex.finditer(text):
            if not taken.free(m.start(), m.end()):
                continue
            a, b = int(m.group(1)), int(m.group(2))
            if b <= a or b - a > 30:
                continue
            found.append(Period(m.start(), m.end(), original[m.start():m.end()], normalise_range(a, b), "range"))
            taken.add(m.start(), m.end())
    for m in YEAR_RE.finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        if any(np.end >= m.start() - 1 and np.start <= m.start() for np in not_period):
            continue
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], m.group(1), "year"))
        taken.add(m.start(), m.end())
    return found


def _sub_years(text: str, original: str, taken: _Taken) -> list[Period]:
    found = []

    def add(m: re.Match, value: str, kind: str) -> None:
        if taken.free(m.start(), m.end()):
            found.append(Period(m.start(), m.end(), original[m.start():m.end()], value, kind))
            taken.add(m.start(), m.end())

    # Each pattern is tried only where its word is there at all: these run on every block.
    for m in QUARTER_RE.finditer(text) if "quy" in text else ():
        q = ROMAN.get(m.group(1)) or int(m.group(1))
        add(m, f"{m.group(2) or UNKNOWN_YEAR}-Q{q}", "quarter")
    months_named = "thang" in text
    for m in MONTH_RE.finditer(text) if months_named else ():
        if 1 <= int(m.group(1)) <= 12:
            add(m, f"{m.group(2)}-{int(m.group(1)):02d}", "month")
    for m in YEAR_TO_NOW_RE.finditer(text) if "tu dau nam" in text else ():
        add(m, f"{UNKNOWN_YEAR}-YTD", "months")
    for m in BARE_MONTH_RE.finditer(text) if months_named else ():
        month = int(m.group(1) or m.group(2) or m.group(3))
        if 1 <= month <= 12:
            add(m, f"{UNKNOWN_YEAR}-{month:02d}", "month")
    for m in MONTHS_RE.finditer(text) if months_named else ():
        cumulative, n, early, year = m.groups()
        months = WORD_NUMBER.get(n) or int(n)
        # A bare `6 tháng` is a duration; a part of a year says so (`đầu năm`, its year, `lũy kế`,
        # or a result verb right after it: `; 9 tháng ước đạt 3.050 triệu USD`).
        if 2 <= months <= 11 and (cumulative or early or year or RESULT_AFTER_RE.match(text, m.end())):
            # `6 tháng cuối năm 2025`: the last months of the year, not the year (`cuối năm 2025`).
            last = "L" if early == "cuoi nam" else ""
            add(m, f"{year or UNKNOWN_YEAR}-{last}{months}M", "months")
    return found


@lru_cache(maxsize=8192)
def _find_periods(original: str, not_period: tuple[Mention, ...]) -> tuple[Period, ...]:
    text = fold(original)
    taken = _Taken()
    found = _dates(text, original, taken) + _sub_years(text, original, taken)
    found += _ranges_and_years(text, original, taken, not_period)
    found.sort(key=lambda p: p.start)
    return tuple(found)


def heading_period(section: tuple[str, ...], title: str, year: int | None = None) -> Resolution | None:
    """The period of the nearest heading that states one, else the title's span of years
    or part of a year (`Báo cáo tình hình kinh tế - xã hội 9 tháng năm 2025`)."""
    return _heading_period(tuple(section), title, year)


@lru_cache(maxsize=1024)  # (asked for every block: the blocks under one heading ask the same)
def _heading_period(section: tuple[str, ...], title: str, year: int | None) -> Resolution | None:
    for heading in reversed(section):
        periods = [p for p in find_periods(heading, []) if p.kind not in ("dates", "date")]
        values = {with_year(p.value, year) for p in periods} - {None}
        if len(values) == 1:
            return Resolution(values.pop(), Evidence.HEADING, f"heading `{heading.strip()[:60]}`")
    periods = {p.value for p in find_periods(title, []) if p.kind == "range"}
    if len(periods) == 1:
        return Resolution(periods.pop(), Evidence.DOCUMENT, "the document title's period")
    # (`… 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2020`: the months ahead are the plan's)
    parts = {with_year(p.value, year) for p in find_periods(title, [])
             if is_sub_year(p.value) and not LAST_MONTHS_RE.search(p.value)} - {None}
    if len(parts) == 1:
        return Resolution(parts.pop(), Evidence.DOCUMENT, "the document title's part of a year")
    return None


MONTHS_SO_FAR_RE = re.compile(r"^\d{4}-\d{1,2}M$")


def title_months(title: str, year: int | None) -> str | None:
    """The months so far of the report's year its title names (`… 9 tháng năm 2025`:
    `2025-9M`), if exactly one such part; else None."""
    parts = {with_year(p.value, year) for p in find_periods(title, []) if MONTHS_SO_FAR_RE.match(
        with_year(p.value, year) or "")}
    return parts.pop() if len(parts) == 1 and year and next(iter(parts)).startswith(str(year)) else None


def term_edge(lead: str, term: str) -> str | None:
    """`đầu nhiệm kỳ` is the year before the plan's first; `cuối nhiệm kỳ` its last."""
    edge = TERM_EDGE_RE.search(lead)
    if edge is None:
        return None
    start_year, end_year = term.split("-")
    return str(int(start_year) - 1) if edge.group(1).lower() == "đầu" else end_year


def at_nature(period: str | None, temporal: str | None) -> tuple[str | None, str]:
    """A level (a stock) stated for a span is its level at the span's end: a term's last
    year, a span of dates' last day.  Returns the period and why it changed (or "")."""
    if period is None or temporal != "stock":
        return period, ""
    if TERM_SPAN_RE.fullmatch(period):
        return period.split("-")[-1], "a level over a term is its level at the end"
    if "/" in period:
        return period.split("/")[-1], "a level over a span of dates is its level on the last day"
    return period, ""


@lru_cache(maxsize=16)
def _base_lead(base: tuple[str, ...], multiple: tuple[str, ...]) -> re.Pattern:
    """The words before a base period: `so với (cùng kỳ)`, `so với thực hiện`, `gấp 1,54 lần`, `bằng 95%`,
    `bằng 112% dự toán` (a plan of that year, the base, not the figure's own year)."""
    words = "|".join(re.escape(w) for w in sorted(base, key=len, reverse=True))
    times = "|".join(re.escape(w) for w in sorted(multiple, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?:(?<![\w])(?:{words})|(?<![\w])(?:{times})\s+[\d.,]+\s*(?:lần|%))"
                      r"\s*(?:cùng kỳ\s*|(?:ước\s+)?(?:thực hiện|đạt|tính)\s*|kết quả(?:\s+thực hiện)?\s*|(?:dự toán|kế hoạch)\s*)?"
                      r"(?:của\s*)?$", re.I)


def stated_periods(passage) -> list[tuple[Period, bool]]:
    """The passage's periods, each with its year (a part of a year written without one is
    the report's) and whether it is a base a figure is compared with (read once a block:
    see `Passage.stated`)."""
    words = passage.catalog.cues.get("resolve_period", {})
    lead = _base_lead(tuple(words.get("base", ["so với"])), tuple(words.get("base_multiple", [])))
    text, out, year = passage.text, [], report_year(passage.doc)
    for p in passage.periods:
        value = with_year(p.value, year)
        if value is None:
            continue
        # (a new Period as `replace` makes it, without its walk over the fields)
        out.append((Period(p.start, p.end, p.text, value, p.kind), bool(lead.search(text[max(0, p.start - 40):p.start]))))
    return out


def _starting_in(passage, start: int, end: int) -> list[tuple[Period, bool]]:
    """The stated periods that start in `[start, end)`, in order (they are sorted by start)."""
    starts = passage.stated_starts
    return passage.stated[bisect_left(starts, start):bisect_left(starts, end)]


def _inside_base(text: str, period: Period, fig) -> bool:
    """`so với năm 2020 (40,1 triệu đồng)`, `(là 40,1 …)`: the figure right after a base is the base's."""
    return period.end <= fig.start and bool(re.fullmatch(r"\s*(?:là|:)?\s*(?:\(\s*(?:là|:)?\s*)?", text[period.end:fig.start]))


def _leads_bracket(text: str, fig, period: Period, spot) -> bool:
    """`chiếm 5,1% (năm 2020 tương ứng là 4,7%)`, `còn 9,86% (cuối năm 2024 là 12,52%)`: a
    period opening a bracket that holds figures of its own dates those figures, not the
    figure before the bracket (which `(năm 2025)` alone would date)."""
    if text[fig.end:period.start].strip() != "(" or spot.next_figure_start >= spot.sentence_end:
        return False
    return ")" not in text[period.end:spot.next_figure_start]


def prose_period(passage, fig, spot) -> Resolution | None:
    """A prose figure's period: stated right after it (`24.735 tỷ đồng năm 2025`), `đến
    nay`, the nearest before it in its sentence (a base period, `so với năm 2020`, only for
    the figure inside it), later in its clause, the earlier value of a change (`từ A lên
    B`), an earlier lead sentence's part of a year, the sentence its footnote marker
    follows, or the edge of the heading's term (`cuối nhiệm kỳ`)."""
    text, doc = passage.text, passage.doc
    stated = passage.stated
    # Every period read here starts in the figure's sentence.
    periods = [_same_time(passage, p) if base else p for p, base in
               _starting_in(passage, spot.sentence_start, spot.sentence_end) if not base or _inside_base(text, p, fig)]
    after = [p for p in periods if fig.end <= p.start < spot.next_figure_start
             and text[fig.end:p.start].strip() in ("", "(") and not _leads_bracket(text, fig, p, spot)]
    # A period inside a bracket (`(20.150 tỷ đồng năm 2020)`) is only its bracket's.
    before = [p for p in periods if spot.sentence_start <= p.start and p.end <= fig.start
              and not passage.brackets.closes(p.end, fig.start)]
    if after:
        return Resolution(after[0].value, Evidence.CLAUSE, f"`{after[0].text}` right after the figure")
    listed = _base_leading_list(passage, fig, spot)
    if listed is not None:
        return listed
    relative = _relative_base(passage, fig)
    if relative is not None:
        return Resolution(None, Evidence.NONE, f"{ABSTAIN} `{relative.group(0).strip()}`: the value of a base with no year")
    several = _several_periods(passage, spot.clause_start, fig.start)
    if several and not [p for p in before if p.start >= spot.clause_start + several.end()]:
        return Resolution(None, Evidence.NONE, f"{ABSTAIN} `{several.group(0)}`: said of several periods")
    earlier = _earlier_value(passage, fig, spot, stated)
    if earlier is not None:
        return earlier
    year = report_year(doc)
    now = passage.leads.first(passage.cues.now, spot.clause_start, fig.start) \
        if year and cores(passage, text, passage.cues.now).overlaps(spot.clause_start, fig.start) else None
    if now and not [p for p in before if p.end >= spot.clause_start + now.start()]:
        months = title_months(doc.title or "", year)
        if months is not None:
            # (`Báo cáo … 9 tháng năm 2025`: `hiện có` is as of the months the report covers,
            # the span its tables' `Thực hiện 9 tháng` columns state)
            return Resolution(months, Evidence.CLAUSE, f"`{now.group(0)}`: the report's months so far")
        return Resolution(str(year), Evidence.CLAUSE, f"`{now.group(0)}`: the report's year")
    lead = text[spot.clause_start:fig.start]
    term = _whole_term(passage, lead, spot, before)
    if term is not None:
        return term
    if before:
        where = Evidence.CLAUSE if spot.in_clause(before[-1].start) else Evidence.SENTENCE
        return Resolution(before[-1].value, where, f"`{before[-1].text}` before the figure")
    # (a period later in the clause, not in a bracket opened after the figure: read last, and
    # only here, for the brackets read from the end are found for it alone)
    later = next((p for p in periods if fig.end <= p.start < spot.clause_end
                  and not passage.brackets_back.closes(len(text) - p.start, len(text) - fig.end)
                  and not _leads_own_figure(passage, fig, p, spot)), None)
    if later:
        return Resolution(later.value, Evidence.CLAUSE, f"`{later.text}` later in its clause")
    carried = _lead_part_of_year(passage, spot, stated)
    if carried is not None:
        return carried
    anchor = passage.anchor_period
    if passage.block.kind == "footnote" and anchor and not (doc.year and (period_end(anchor) or 0) > doc.year):
        # (a programme's future horizon is not the figure's period)
        return Resolution(anchor, Evidence.FOOTNOTE_LINK, "the period of the sentence its marker follows")
    heading = passage.heading
    edge = TERM_EDGE_RE.search(lead) if heading and "-" in heading.value else None
    if edge and not re.search(r"so\s*(?:với)?\s*$", lead[:edge.start()], re.I):
        return Resolution(term_edge(lead, heading.value), Evidence.HEADING, f"`{edge.group(0)}` of {heading.reason}")
    return None


# `… khi năm 2025 chỉ đạt`, `trên cơ sở năm 2025 đạt`: a year that opens a clause set against
# the one before (a condition, a basis, a contrast).
CONTRAST_LEAD_RE = re.compile(r"(?<![\w])(?:khi|trên cơ sở|căn cứ(?:\s+vào)?|dựa trên|nhưng|song|trong lúc)\s+"
                              r"(?:(?:kết quả|mức|thực hiện|riêng)\s+)?(?:của\s+)?$", re.I)


def _leads_own_figure(passage, fig, period: Period, spot) -> bool:
    """`Mục tiêu tăng trưởng 10% là thách thức khi năm 2025 chỉ đạt 7,63%`, `chỉ tiêu 2.700
    doanh nghiệp trên cơ sở năm 2025 đạt 2.456`: a year later in the clause that opens a
    clause set against the figure's, and stands before a figure of its own, dates that
    figure, not the one before it (`diện tích 9.888 km², dân số năm 2025 là …` lists facts
    of one year: no opener)."""
    if not CONTRAST_LEAD_RE.search(passage.text[fig.end:period.start]):
        return False
    return any(period.end <= f.start < spot.clause_end and f.kind in STAT_KINDS for f in passage.figures)


def _whole_term(passage, lead: str, spot, before: list[Period]) -> Resolution | None:
    """`...năm 2025 đạt 64,3%; trong nhiệm kỳ giải quyết việc làm cho 231.400 lượt lao động`:
    the term the heading spans, when its clause says `trong nhiệm kỳ` after any year."""
    heading = passage.heading
    if heading is None or "hiệm kỳ" not in lead or not TERM_SPAN_RE.fullmatch(heading.value):
        return None
    found = None
    for found in WHOLE_TERM_RE.finditer(lead):
        pass
    if found is None or any(p.start >= spot.clause_start + found.start() for p in before):
        return None
    return Resolution(heading.value, Evidence.CLAUSE, f"`{found.group(0)}`: the term of {heading.reason}")


LIST_COLON_RE = re.compile(r"\s*:(?!\d)")
# A footnote's own marker before its first sentence (`[^2]:`, `²`, `(2)`): no word of its lead.
MARKER_LEAD_RE = re.compile(r"\s*(?:\[\^?\w+\]:|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\))?\s*")
SAME_TIME_RE = re.compile(r"cùng\s+kỳ", re.I)
LIST_OPENING_RE = re.compile(r"\s*(?::(?!\d)|(?:(?:lần lượt|tương ứng)\s+)?là(?![\w]))", re.I)


def _base_leading_list(passage, fig, spot) -> Resolution | None:
    """`Cùng kỳ năm 2024: Lâm Đồng 43.180 tỷ đồng; Đắk Nông 15.640 tỷ đồng`: a base period
    that leads a `:`-list (no figure before its colon) is the period of every figure listed;
    `cùng kỳ` is the same part of the year as the text around it (`2024-6M`)."""
    text = passage.text
    # (a list in brackets opens at its bracket: `(cùng kỳ năm 2024 lần lượt là A, B và C)`)
    opened = text.rfind("(", spot.sentence_start, fig.start)
    start = opened + 1 if opened >= 0 and not passage.brackets.closes(opened + 1, fig.start) else spot.sentence_start
    bases = [p for p, base in _starting_in(passage, start, fig.start) if base]
    base = bases[0] if bases else None
    # (the base is all the lead says: `so với năm 2020, như: … tăng 22 bậc` lists changes)
    if base is None or not LIST_OPENING_RE.match(text, base.end) \
            or base.start - MARKER_LEAD_RE.match(text, start).end() > 25 \
            or any(start <= f.start < base.start and f.kind in STAT_KINDS for f in passage.figures):
        return None
    return Resolution(_same_time(passage, base).value, Evidence.CLAUSE,
                      f"the base `{base.text}` leads its list: the base's values")


def _same_time(passage, base: Period) -> Period:
    """`cùng kỳ năm 2024` in a text about the first six months of 2025 is those months of
    2024 (`2024-6M`), not the whole year."""
    anchor = with_year(passage.anchor_period, report_year(passage.doc)) if passage.anchor_period else None
    around = anchor or (passage.heading.value if passage.heading else None)
    if not (SAME_TIME_RE.search(passage.text, max(0, base.start - 20), base.start) and is_sub_year(around)
            and re.fullmatch(r"\d{4}", base.value)):
        return base
    return replace(base, value=base.value + around[4:])


def _relative_base(passage, fig) -> re.Match | None:
    """`cao hơn cùng kỳ năm trước (6,13%)`: the figure right after a base without a year."""
    pattern = passage.cues.relative_base
    lead = passage.text[max(0, fig.start - 40):fig.start]
    ending = lead.rstrip()
    if pattern is None or not (ending.endswith(("(", ":", "là", "đạt"))  # (what the pattern ends with)
                               or "(" in ending and ending.lower().endswith(passage.cues.relative_base_words)):
        return None
    return pattern.search(lead)


def _several_periods(passage, start: int, end: int) -> re.Match | None:
    """The last word of several periods in `text[start:end]` (offsets in that lead)."""
    pattern = passage.cues.several_periods
    if pattern is None:
        return None
    return passage.leads.last(pattern, start, end) if cores(passage, passage.text, pattern).overlaps(start, end) else None


def _earlier_value(passage, fig, spot, stated) -> Resolution | None:
    """`tăng 1,4 lần, từ 9.500 lên 13.300`: the value after `từ` is the earlier one, of the
    sentence's base period, else of the start of the heading's term, else of no known period."""
    text = passage.text
    if not (FROM_RE.search(text[max(spot.sentence_start, fig.start - 12):fig.start])
            and TO_RE.match(text[fig.end:fig.end + 80])):
        return None
    bases = [p for p, base in _starting_in(passage, spot.sentence_start, spot.sentence_end) if base]
    if bases:
        where = Evidence.CLAUSE if spot.in_clause(bases[0].start) else Evidence.SENTENCE
        return Resolution(bases[0].value, where, f"the earlier value of a change, `{bases[0].text}`")
    heading = passage.heading
    if heading and TERM_SPAN_RE.fullmatch(heading.value):
        return Resolution(str(int(heading.value[:4]) - 1), Evidence.HEADING,
                          f"the earlier value of a change: the start of {heading.reason}")
    return Resolution(None, Evidence.NONE, f"{ABSTAIN} the earlier value of a change names no period")


def _lead_part_of_year(passage, spot, stated) -> Resolution | None:
    """`9 tháng năm 2025, ... . Thu ngân sách đạt ...`: a part of a year stated in an earlier
    sentence of the paragraph goes on until another period is stated."""
    # (the last such period: the list is walked from its end)
    last = next((p for p, base in reversed(stated[:bisect_left(passage.stated_starts, spot.sentence_start)])
                 if not base and p.end <= spot.sentence_start
                 and not passage.brackets.closes(p.end, spot.sentence_start)), None)
    if last is None or LAST_MONTHS_RE.search(last.value):
        # (`… 6 tháng đầu năm; nhiệm vụ 6 tháng cuối năm 2016`: the months ahead a lead names
        # are what is to come, not what the sentences after it report)
        return None
    earlier = [last]
    continues = passage.cues.period_continues
    opening = passage.text[spot.sentence_start:spot.sentence_start + 40].lstrip()
    goes_on = continues is not None and bool(continues.match(opening))
    if is_sub_year(earlier[-1].value) or goes_on:
        why = "the sentence it goes on from" if goes_on else "an earlier sentence"
        return Resolution(earlier[-1].value, Evidence.BLOCK, f"`{earlier[-1].text}` in {why}")
    return None
