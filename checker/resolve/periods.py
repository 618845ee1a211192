"""The period grammar: years, spans of years and dates in a text, and a figure's period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.records import Evidence, Resolution
from checker.text import Mention, fold

YEAR = r"(?:19|20)\d{2}"
NOT_AFTER_YEAR = r"(?!\d|[.,/]\d)"
# Read on the text without diacritics (same offsets), so `nam 2025` is `năm 2025`.
DATE_RANGE_RE = re.compile(
    rf"tu\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/({YEAR}))?\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
YEAR_TO_DATE_RE = re.compile(rf"tu nam\s+({YEAR})\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
SINGLE_DATE_RE = re.compile(rf"(?:tinh den|den|tai thoi diem|thoi diem|tu)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
KEYED_RANGE_RE = re.compile(
    rf"(?:giai doan|nhiem ky|thoi ky|tu nam|trong|ca)\s+({YEAR})\s*(?:[-–]|den|toi)?\s*({YEAR}){NOT_AFTER_YEAR}")
DASH_RANGE_RE = re.compile(rf"(?<![\d.,/])({YEAR})\s*[-–]\s*({YEAR}){NOT_AFTER_YEAR}")
YEAR_RE = re.compile(rf"(?<!tu )(?:nam|den nam|den het nam|truoc nam|het nam|cuoi nam|vao nam)\s+({YEAR}){NOT_AFTER_YEAR}")
TERM_EDGE_RE = re.compile(r"(đầu|cuối)\s+nhiệm kỳ", re.I)
TERM_END_RE = re.compile(r"(?:năm\s+)?cuối nhiệm kỳ", re.I)
COMPARED_WITH_RE = re.compile(r"so với\s*$", re.I)


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    value: str  # "2025", "2021-2025" or "2025-07-01/2025-09-12"
    kind: str  # year, range, date, dates


def normalise_range(a: int, b: int) -> str:
    """`nhiệm kỳ 2020 - 2025` is the plan period 2021-2025: a five-year term starting
    on a year that ends in 0 or 5 covers the five years after it."""
    if b - a == 5 and a % 5 == 0:
        a += 1
    return f"{a}-{b}" if a != b else str(a)


def period_end(value: str) -> int | None:
    m = re.search(r"(\d{4})(?:-\d{2}-\d{2})?$", value)
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


@lru_cache(maxsize=8192)
def _find_periods(original: str, not_period: tuple[Mention, ...]) -> tuple[Period, ...]:
    text = fold(original)
    taken = _Taken()
    found = _dates(text, original, taken) + _ranges_and_years(text, original, taken, not_period)
    found.sort(key=lambda p: p.start)
    return tuple(found)


def heading_period(section: tuple[str, ...], title: str) -> Resolution | None:
    """The period of the nearest heading that states one, else the span of the title."""
    for heading in reversed(section):
        periods = [p for p in find_periods(heading, []) if p.kind not in ("dates", "date")]
        values = {p.value for p in periods}
        if len(values) == 1:
            return Resolution(values.pop(), Evidence.HEADING, f"heading `{heading.strip()[:60]}`")
    periods = {p.value for p in find_periods(title, []) if p.kind == "range"}
    if len(periods) == 1:
        return Resolution(periods.pop(), Evidence.DOCUMENT, "the document title's period")
    return None


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
    if re.fullmatch(r"\d{4}-\d{4}", period):
        return period.split("-")[-1], "a level over a term is its level at the end"
    if "/" in period:
        return period.split("/")[-1], "a level over a span of dates is its level on the last day"
    return period, ""


def prose_period(passage, fig, spot) -> Resolution | None:
    """A prose figure's period: stated right after it (`24.735 tỷ đồng năm 2025`), `đến
    nay`, the nearest before it in its sentence, later in its clause, the sentence its
    footnote marker follows, or the edge of the heading's term (`cuối nhiệm kỳ`)."""
    text, doc, periods = passage.text, passage.doc, passage.periods
    after = [p for p in periods if fig.end <= p.start < spot.next_figure_start
             and text[fig.end:p.start].strip() in ("", "(")]
    # `so với năm 2020` names the base a figure is compared with: it is the period only
    # of a figure stated right after it (`so với năm 2020 (40,1 triệu đồng)`).
    before = [p for p in periods if spot.sentence_start <= p.start and p.end <= fig.start
              and (not COMPARED_WITH_RE.search(text[max(0, p.start - 12):p.start])
                   or re.fullmatch(r"\s*\(?\s*", text[p.end:fig.start]))]
    later = [p for p in periods if fig.end <= p.start < spot.clause_end]
    lead = text[spot.clause_start:fig.start]
    now = passage.cues.now.search(lead)
    if after:
        return Resolution(after[0].value, Evidence.CLAUSE, f"`{after[0].text}` right after the figure")
    if now and doc.year and not [p for p in before if p.start >= spot.clause_start + now.start()]:
        return Resolution(str(doc.year), Evidence.CLAUSE, f"`{now.group(0)}`: the report's year")
    if before:
        where = Evidence.CLAUSE if spot.in_clause(before[-1].start) else Evidence.SENTENCE
        return Resolution(before[-1].value, where, f"`{before[-1].text}` before the figure")
    if later:
        return Resolution(later[0].value, Evidence.CLAUSE, f"`{later[0].text}` later in its clause")
    anchor = passage.anchor_period
    if passage.block.kind == "footnote" and anchor and not (doc.year and (period_end(anchor) or 0) > doc.year):
        # (a programme's future horizon is not the figure's period)
        return Resolution(anchor, Evidence.FOOTNOTE_LINK, "the period of the sentence its marker follows")
    heading = passage.heading
    if heading and "-" in heading.value and TERM_EDGE_RE.search(lead):
        return Resolution(term_edge(lead, heading.value), Evidence.HEADING,
                          f"`{TERM_EDGE_RE.search(lead).group(0)}` of {heading.reason}")
    return None
