"""The number lexer: finds every figure in a text, with its unit and precision interval."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from checker.interval import INF, Interval
from checker.records import STAT_KINDS, Figure
# The marker helpers are imported from here by checker.resolve.
from checker.text import Memo, mask_markers
from checker.units import UnitCatalog

# A dot after four or more ungrouped digits and before one or two is a decimal point, as
# spreadsheets export it (`412204.00`): Vietnamese thousands groups have three digits.
DOT_DECIMAL = r"(?!(?:19|20)\d{2}\.)\d{4,}\.\d{1,2}(?![\d.,])"
# The three forms (dot decimal, grouped, plain) with their first digit taken out in front:
# a pattern that opens with a digit lets `re` skip to the next digit of the text, where one
# that opens with a look-ahead (the year test of DOT_DECIMAL) is tried at every position,
# five times slower over a block.  The year test is made after that digit: `(?<=1)9` is `19`.
NUMBER = (r"\d(?:(?!(?<=1)9\d{2}\.|(?<=2)0\d{2}\.)\d{3,}\.\d{1,2}(?![\d.,])"
          r"|\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)")
NUMBER_RE = re.compile(NUMBER)
DOT_DECIMAL_RE = re.compile(DOT_DECIMAL)

LETTER = r"A-Za-zÀ-ỹĐđ"
# Things made of digits that are not statistics, each with its gate: what the block must
# hold for the pattern to be tried at all, any of a few words (in the block lower-cased) or
# a match of a small pattern that every match holds (in the block as the pattern reads it:
# one that opens with a character, which `re` finds at once, where the pattern opens with a
# digit and stops at each one).  Every block is lexed, so each pattern here costs a pass
# over the whole text; the gates and the digit-first forms below (`\d(?<![…]\d)` rather
# than `(?<![…])\d`, which lets `re` skip to the next digit instead of trying every
# position) keep that cost down without changing what matches.
# A part of the day written before a date (`chiều 9/7`): the date is a news item's.
DAY_PART = "|".join(rf"(?<={w} \d)" for w in ("sáng", "trưa", "chiều", "tối", "đêm", "hôm", "Sáng", "Trưa", "Chiều",
                                               "Tối", "Đêm", "Hôm", "ngày", "từ", "đến", "Từ", "hết",
                                               "thời điểm", "Thời điểm"))
DATE_DASHES = re.compile(r"-\d\d?-")  # (`2025-07-09`, `09-07-2025`)
NON_STATISTIC = [
    # Web addresses, clock times and ISO dates of news pages: never statistics.
    ("url", re.compile(r"(?:https?://|www\.)\S+", re.I), ("http", "www.")),
    ("date", re.compile(r"(?:19|20)(?<![\d.,/]\d\d)\d{2}-\d{1,2}-\d{1,2}(?:T[\d:.+Z-]+)?(?![\d])"), (DATE_DASHES,)),
    ("date", re.compile(r"\d(?<![\d.,/-]\d)\d?-\d{1,2}-(?:19|20)\d{2}(?![\d])"), (DATE_DASHES,)),
    ("date", re.compile(r"(?:19|20)(?<=\(\d\d)\d{2}-(?:0[1-9]|1[0-2])(?=\))"), (re.compile(r"-[01]\d\)"),)),
    ("time", re.compile(r"\d(?<![\d.,:]\d)\d?:\d{2}(?::\d{2})?(?![\d])|\(?\bGMT\s*[+-]\s*\d{1,2}\)?"),
     (re.compile(r":\d\d"), "gmt")),
    ("time", re.compile(r"\d(?<![\d.,]\d)\d?\s*(?:h|giờ)\s*\d{2}(?:\s*phút)?(?![\d])", re.I), ("h", "giờ")),
    # A quarter or a month with its year (`quý 2-2025`, `quý 1/2025`, `tháng 7/2025`) is a period.
    ("date", re.compile(r"\d(?:(?<=quý \d)|(?<=tháng \d))\d?\s*[-/]\s*(?:19|20)\d{2}(?![\d])", re.I), ("quý", "tháng")),
    ("date", re.compile(r"[1-4](?<=quý [1-4])(?![\d.,/])", re.I), ("quý",)),
    ("date", re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I),
     ("tháng",)),
    ("date", re.compile(r"\d(?<![\d/]\d)\d?/\d{1,2}/\d{4}(?![\d/])"), (re.compile(r"/\d\d?/"),)),
    ("docnum", re.compile(rf"\d(?<![\w/]\d)\d*(?:/\d{{2,4}})?[-/][A-ZĐ]{{1,6}}(?:[-/][{LETTER}]{{1,8}})*\d*"),
     (re.compile("-[A-ZĐ]"), re.compile("/[A-ZĐ]"))),
    ("date", re.compile(rf"\d(?:{DAY_PART})\d?/\d{{1,2}}(?![\d/])"), (re.compile(r"/\d\d?(?![\d/])"),)),
    ("ordinal", re.compile(r"\((?<![\w)]\()\d{1,2}\)"), ("(",)),
    ("ordinal", re.compile(r"^\s*(?:[-+•–]\s*)?\d{1,2}\s*(?=\.\s|\)\s)"), ()),
    ("date", re.compile(r"\d(?<=ngày \d)\d?(?=\s+(?:đến|-|–)\s+(?:ngày\s+)?\d{1,2}/\d{1,2})"), ("ngày",)),
    ("name", re.compile(rf"[-\d](?:(?<=[{LETTER}]-)\d+|(?<=[{LETTER}]\d)\d*)(?:[.,]\d+)?"), ()),
    ("year", re.compile(r"(?:19|20)(?<![\d.,/]\d\d)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?![\d.,/]|\s*(?:%|tỷ|triệu|nghìn|người|hộ))"),
     ()),
    # `trong tháng 7`: a month, after every longer date has been read.
    ("date", re.compile(r"\d(?<=tháng \d)\d?(?![\d/]|[.,]\d)", re.I), ("tháng",)),
    # (last: tests/test_resolve_lookups.py reads the patterns above by position)
    # A grade of a standard (`trường đạt chuẩn mức 1`, `mức độ 2`): a rank, not a quantity.
    ("ordinal", re.compile(r"[1-4](?:(?<=mức [1-4])|(?<=mức độ [1-4]))(?![\d/]|[.,]\d|\s*(?:%|lần|điểm))", re.I),
     ("mức",)),
]
# Which patterns (by their place above) each gate opens: a word of the block (lower-cased),
# or a small pattern of the block, each tested once a block however many patterns it gates,
# and a pattern skipped once the patterns it gates are open anyway.  The patterns without
# a gate are always tried.
GATE_WORDS = tuple(sorted({word for _, _, gate in NON_STATISTIC for word in gate if isinstance(word, str)}))
OPENED_BY_WORD = tuple((word, frozenset(i for i, (_, _, gate) in enumerate(NON_STATISTIC) if word in gate))
                       for word in GATE_WORDS)
OPENED_BY_PATTERN = tuple(
    (need, frozenset(i for i, (_, _, gate) in enumerate(NON_STATISTIC) if any(g is need for g in gate)))
    for need in dict.fromkeys(g for _, _, gate in NON_STATISTIC for g in gate if not isinstance(g, str)))
UNGATED = frozenset(i for i, (_, _, gate) in enumerate(NON_STATISTIC) if not gate)


def _open_patterns(masked: str) -> set[int]:
    """The places of the NON_STATISTIC patterns worth trying on a (masked) block."""
    lowered = masked.lower()
    opened = set(UNGATED)
    for word, patterns in OPENED_BY_WORD:
        if word in lowered:
            opened |= patterns
    for need, patterns in OPENED_BY_PATTERN:
        if not patterns <= opened and need.search(masked):
            opened |= patterns
    return opened


DURATION_RE = re.compile(r" (?:năm|tháng|tuần|ngày|giờ|thập kỷ)(?![\w]| (?:19|20)\d{2}| \d)", re.I)
LEVEL_RE = re.compile(r" cấp(?![\w]| (?:xã|tỉnh|huyện|cơ sở|trung ương|quốc gia))", re.I)
# (`dân số 3.281,4 nghìn người`, `tổng số 1.386`: a population or a total, no number of a name;
# `mua cổ phần 150 triệu USD`, `thành phần 2 …`: a share bought, no part of a document)
ORDINAL_WORDS = ("Trung ương|thứ|(?<!dân )(?<!tổng )số|khóa|khoá|Điều|Khoản|loại|lần thứ|Mục|(?<!cổ )(?<!thành )Phần|Chương|Hội nghị lần|giai đoạn|"
                 "một trong|khách sạn|khu nghỉ dưỡng|nghỉ dưỡng")
ORDINAL_BEFORE = re.compile(rf"(?:{ORDINAL_WORDS})\s*$", re.I)
# (the capital first, then the look back from after it: a pattern that opens with a look-behind
# is tried at every position of the text before a figure)
PROPER_NAME_BEFORE = re.compile(r"[A-ZĐÀ-Ỹ](?<=\b.)(?<![.!?:;]\s.)(?<!\n.)[a-zà-ỹđ]+\s$")

COMPARATORS = [
    # (a mark passed or reached is a bound, not the value: `vượt mốc 60 nghìn tỷ đồng`)
    ("vượt mốc", "gt"), ("vượt qua mốc", "gt"), ("vượt ngưỡng", "gt"), ("cán mốc", "ge"),
    ("≥", "ge"), ("≤", "le"), (">=", "ge"), ("<=", "le"), (">", "gt"), ("<", "lt"),
    ("từ", "from"), ("trên", "gt"), ("hơn", "gt"), ("dưới", "lt"), ("ít nhất", "ge"),
    ("tối thiểu", "ge"), ("tối đa", "le"), ("không quá", "le"), ("không dưới", "ge"),
    # a threshold passed is a bound, not a measurement (`46/63 địa phương vượt mốc 55% dự toán`)
    ("vượt mốc", "gt"), ("vượt ngưỡng", "gt"), ("trên mức", "gt"), ("dưới mức", "lt"),
    ("dưới ngưỡng", "lt"), ("trên ngưỡng", "gt"), ("dưới mốc", "lt"), ("trên mốc", "gt"),
    ("khoảng", "about"), ("xấp xỉ", "about"), ("gần", "nearly"), ("ước đạt", "estimate"),
    ("ước", "estimate"), ("lên đến", "eq"), ("đạt", "eq"),
]
COMPARATOR_RE = re.compile(
    r"(?:^|(?<=[\s(:;,]))(" + "|".join(re.escape(c) for c, _ in COMPARATORS) + r")\s*$", re.I)
COMPARATOR_KIND = {c.lower(): k for c, k in COMPARATORS}
# The most characters a word of ORDINAL_BEFORE or COMPARATOR_RE spans (see `_ending`): its
# look-behinds (`(?<!dân )`) span none, and counted they made each search start 7 earlier.
LONGEST_ORDINAL = max(len(re.sub(r"\(\?<[=!][^)]*\)", "", w)) for w in ORDINAL_WORDS.split("|"))
LONGEST_COMPARATOR = max(len(c) for c, _ in COMPARATORS)
# The comparators that bound a value on one side (`trên 50`, `≤ 5`).
BOUNDS = {c: k for c, k in COMPARATOR_KIND.items() if k in ("ge", "le", "gt", "lt")}
# `cao hơn`, `thấp hơn` right before a figure: a comparative (higher by), not `hơn` (more than).
COMPARATIVE_RE = re.compile(r"(?<![\w])(?:cao|thấp)\s+hơn\s*$", re.I)
# `cao hơn 4.312,2 tỷ đồng so với cùng kỳ`, `nhiều hơn 225 lượt so với năm 2024`: a difference
# set against its base, not a bound (`cao hơn 5 triệu đồng` alone stays one).
COMPARED_BY_RE = re.compile(r"(?<![\w])(?:cao|thấp|nhiều|ít)\s+hơn\s*$", re.I)
COMPARED_AFTER_RE = re.compile(r"\s*(?:[^\W\d]+\s+){0,2}?so với\s", re.I)
UPWARD_RE = re.compile(r"\s*trở lên", re.I)
# `có từ 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên`: `từ N` whose `trở lên` closes
# the noun the figure counts (words only between: no figure, no clause break) is a floor too.
UPWARD_LATER_RE = re.compile(r"\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,15}?\s+trở lên(?![\w])", re.I)
DOWNWARD_RE = re.compile(r"\s*trở xuống", re.I)
RANGE_DASH_RE = re.compile(r"\s*[-–]\s*")
# Precompiled, and matched at a position rather than on a slice of the rest of the block:
# a slice copies the block once per figure, which grows with the square of its length.
DIGIT_RE = re.compile(r"\d")
YEAR_RE = re.compile(r"(?:19|20)\d{2}")
LOST_YEAR_DASH_RE = re.compile(r"\s*[-–]?\s*\d")
NEXT_YEAR_RE = re.compile(r"\s+((?:19|20)\d{2})(?![\d.,])")
DENOMINATOR_RE = re.compile(r"/(" + NUMBER + r")(?![\d/])")
RANK_OF_RE = re.compile(r"/\d+")
LOST_DASH_RE = re.compile(r" (" + NUMBER + r")(?![\d/])")
UNTIL_RE = re.compile(r"\s+đến\s+")
SEPARATED_RE = re.compile(r"\d[.,]\d")
MARKER_NUMBER_RE = re.compile(r"[1-9]\d?")
# A text that is one signed number, as a table cell states a fall (`-13,1`, `- 5,0`,
# `−1,5`, `(1,5)`, a bracketed one with decimals only): the number is negative.  Only a whole cell: a dash that opens a longer
# text starts a list item (`- 5 xã đạt chuẩn`) or joins a range (`2021-2025`).
SIGNED_CELL_RE = re.compile(r"\s*(?:[-−–]\s?(?P<dashed>" + NUMBER + r")\s*%?|\((?P<bracketed>\d[\d.]*,\d+)\s*%?\))\s*")


def _ending(pattern: re.Pattern, longest: int, text: str) -> re.Match | None:
    """`pattern.search(text)` for a pattern of words (at most `longest` characters, none
    ending in a space) and then only spaces to the end: a match starts no earlier than
    `longest` before the last character that is no space, so the positions before it,
    which `search` would try one by one, are skipped (`^` and look-behinds still see them)."""
    return pattern.search(text, max(0, len(text.rstrip()) - longest))


def _last_mark_before(text: str, pos: int) -> str:
    """The last character before `pos` that is not a space ("" if none)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1:pos]


@lru_cache(maxsize=4096)  # (the same few numbers recur: years, 1, 100, ...)
def parse_number(text: str) -> Decimal:
    """Read a Vietnamese number: `.` groups thousands and `,` is the decimal mark."""
    cleaned = text.strip()
    if not NUMBER_RE.fullmatch(cleaned):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    try:
        if DOT_DECIMAL_RE.fullmatch(cleaned):
            return Decimal(cleaned)
        return Decimal(cleaned.replace(".", "").replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regex rules this out
        raise ValueError(f"not a number: {text!r}") from exc


def format_number(value: Decimal) -> str:
    """Write a number the Vietnamese way, keeping its stated decimals."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    text = f"{value:f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return sign + (out + "," + frac if frac else out)


def ulp(d: Decimal) -> Decimal:
    return Decimal(1).scaleb(d.as_tuple().exponent)


# One unit of the last stated digit as a float, by the digit's place: the same few places recur.
_STEPS: dict[int, float] = {}


def _step(d: Decimal) -> float:
    exponent = d.as_tuple().exponent
    step = _STEPS.get(exponent)
    if step is None:
        step = _STEPS[exponent] = float(ulp(d))
    return step


def qualified_interval(d: Decimal, scale: float, qualifier: str | None) -> Interval:
    """The interval a stated number stands for, once its comparator is read."""
    value = float(d) * scale
    if qualifier == "gt":
        return Interval(value, INF, True, True)
    if qualifier in ("ge", "from_up"):
        return Interval(value, INF, False, True)
    if qualifier == "lt":
        return Interval(-INF, value, True, True)
    if qualifier == "le":
        return Interval(-INF, value, True, False)
    if qualifier == "about":
        # `khoảng` admits one more unit of the last digit either way.
        step = _step(d) * scale
        return Interval(value - step, value + step)
    base = Interval.stated(d, scale)
    if qualifier == "nearly":
        # `gần 1,8 triệu` is a little under 1,8 triệu, never much over.
        return Interval(value - _step(d) * scale, base.hi)
    return base


class _Taken:
    """The spans of a text already read as figures, asked whether a new one meets any:
    each position's mark, instead of comparing with every span (the square of a block)."""

    def __init__(self, size: int):
        self.marks = bytearray(size)
        self.spans: list[tuple[int, int]] = []
        self.odd: list[tuple[int, int]] = []  # empty or out of the text: compared as before

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.spans.append(span)
        if 0 <= s < e <= len(self.marks):
            self.marks[s:e] = b"\x01" * (e - s)
        else:
            self.odd.append(span)

    def __call__(self, a: int, b: int) -> bool:
        if not 0 <= a < b <= len(self.marks):  # (a question the marks cannot answer)
            return any(s < b and a < e for s, e in self.spans)
        return self.marks.find(1, a, b) >= 0 or any(s < b and a < e for s, e in self.odd)


class Lexer:
    """Reads the figures of a text with one catalog's units and place names; what it read
    is kept by text (figures are frozen), as the catalog's phrase matchers keep theirs:
    a text met again, in a run or in the next run on the same catalog, is not read twice."""

    def __init__(self, units: UnitCatalog, place_names: set[str] | None = None):
        self.units = units
        self.place_names = place_names or set()
        self._read = Memo()

    def scan(self, text: str) -> list[Figure]:
        """Every figure in `text`, in order, statistics and non-statistics alike."""
        if not DIGIT_RE.search(text):
            return []  # (every figure holds a digit, and masking makes none: a fourth of the
            # blocks, answered before the memo so that they never fill it)
        found = self._read.get(text)
        if found is None:
            found = self._read.put(text, self._scan(text))
        return list(found)

    def _scan(self, text: str) -> list[Figure]:
        masked = mask_markers(text)
        spans = _Taken(len(masked))

        figures: list[Figure] = []
        opened = _open_patterns(masked)
        for i, (kind, pattern, _) in enumerate(NON_STATISTIC):
            if i not in opened:
                continue
            for m in pattern.finditer(masked):
                if spans(m.start(), m.end()):
                    continue
                if not DIGIT_RE.search(m.group(0)):
                    continue
                if kind == "name":
                    # `Covid-19`, `QH15`: digits glued to the word before them.
                    start = m.start()
                    while start > 0 and (masked[start - 1].isalpha()):
                        start -= 1
                    figures.append(Figure(text[start:m.end()], start, m.end(), None, None, kind="name"))
                    spans.append((start, m.end()))
                    continue
                if kind == "year" and LOST_YEAR_DASH_RE.match(masked[m.end():m.end() + 3]) and "-" not in m.group(0) and "–" not in m.group(0):
                    # `2026 2030`: a range of years whose dash was lost.
                    nxt = NEXT_YEAR_RE.match(masked, m.end())
                    if nxt:
                        end = nxt.end()
                        figures.append(Figure(text[m.start():end], m.start(), end, None, None, kind="year"))
                        spans.append((m.start(), end))
                        continue
                figures.append(Figure(text[m.start():m.end()], m.start(), m.end(), None, None, kind=kind))
                spans.append((m.start(), m.end()))
        pos = 0
        while True:
            m = NUMBER_RE.search(masked, pos)
            if not m:
                break
            pos = m.end()
            if spans(m.start(), m.end()):
                continue
            if m.start() > 0 and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] in "._"):
                continue
            after = masked[m.end():m.end() + 2]
            if after[:1] in (".",) and after[1:2].isdigit():
                # `4.0`, `2.1.`: a version or a section number, not a statistic.
                end = m.end()
                while end < len(masked) and (masked[end].isdigit() or masked[end] == "."):
                    end += 1
                figures.append(Figure(text[m.start():end], m.start(), end, None, None, kind="name"))
                pos = end
                continue
            figure = self._statistic(text, masked, m)
            figures.append(figure)
            spans.append((figure.start, figure.end))
            pos = max(pos, figure.end)
        figures.sort(key=lambda f: f.start)
        return self._mark_lost_markers(masked, figures)

    def _statistic(self, text: str, masked: str, m: re.Match) -> Figure:
        start, end = m.start(), m.end()
        number = parse_number(m.group(0))
        before = masked[max(0, start - 40):start]
        figure = self._part_of_words(text, masked, start, end, number, before)
        if figure:
            return figure
        qualifier = None
        cm = _ending(COMPARATOR_RE, LONGEST_COMPARATOR, before)
        if cm:
            qualifier = COMPARATOR_KIND[cm.group(1).lower()]
            if qualifier == "eq":
                qualifier = None
        fig_start = start - (len(before) - cm.start(1)) if cm and qualifier else start
        frac = DENOMINATOR_RE.match(masked, end)
        if frac and not YEAR_RE.fullmatch(frac.group(1)):
            return self._fraction(text, masked, start, frac.end(), number, parse_number(frac.group(1)))
        unit = self.units.match(masked, end)
        if unit.length == 0:
            figure = self._without_unit(text, masked, m, number, before, qualifier, fig_start)
            if figure:
                return figure
            if number == number.to_integral_value() and "," not in m.group(0) and not YEAR_RE.fullmatch(m.group(0)):
                # `1.245 giấy phép`: a whole number counts the noun after it, a unit of its own
                unit = self.units.noun(masked, end)
        elif "mỗi" in before.lower():
            unit = self.units.per_each(before, unit)
        stop = end + unit.length
        if unit.unit in self.units.ratings:
            # `đạt 4 sao`: a grade, part of what is counted, not a count
            return Figure(text[start:stop], start, stop, float(number), None, kind="grade")
        figure = self._range(text, masked, number, unit, stop, qualifier, fig_start)
        if figure:
            return figure
        if qualifier == "from":
            if UPWARD_RE.match(masked, stop) or UPWARD_LATER_RE.match(masked, stop):
                qualifier = "from_up"
            else:
                qualifier = None
                fig_start = start
        elif qualifier is None:
            if UPWARD_RE.match(masked, stop):
                qualifier = "ge"
            elif DOWNWARD_RE.match(masked, stop):
                qualifier = "le"
        elif qualifier == "gt" and (unit.unit == "percentage_point" and COMPARATIVE_RE.search(before)
                                    or COMPARED_BY_RE.search(before) and COMPARED_AFTER_RE.match(masked, stop)):
            # `cao hơn 4,6 điểm phần trăm`: higher by a difference of two rates, no bound
            qualifier, fig_start = None, start
        interval = qualified_interval(number, unit.scale, qualifier)
        kind = "statistic"
        if YEAR_RE.fullmatch(m.group(0)) and unit.unit is None and unit.scale == 1.0:
            kind = "year"
        return Figure(text[fig_start:stop].rstrip(), fig_start, stop, float(number), interval,
                      unit=unit.unit, unit_text=unit.text, kind=kind,
                      qualifier="ge" if qualifier == "from_up" else qualifier, scale=unit.scale)

    @staticmethod
    def _part_of_words(text: str, masked: str, start: int, end: int, number: Decimal, before: str) -> Figure | None:
        """A rank, a span of time or part of a name, told by the words around the number."""
        # (a number written with a separator is no rank: `ngân sách trung ương 3.000 tỷ đồng`)
        if _ending(ORDINAL_BEFORE, LONGEST_ORDINAL, before) and not SEPARATED_RE.search(text, start, end):
            rank = RANK_OF_RE.match(masked, end)  # `xếp thứ 09/63 tỉnh`
            stop = rank.end() if rank else end
            return Figure(text[start:stop], start, stop, float(number), None, kind="ordinal")
        after = DURATION_RE.match(masked, end)
        if after:
            # `sau 40 năm đổi mới`, `trước 8 tháng`: a span of time, not a statistic.
            return Figure(text[start:after.end()], start, after.end(), float(number), None, kind="duration")
        level = LEVEL_RE.match(masked, end)
        if level:
            # `chính quyền địa phương 2 cấp`: part of a name.
            return Figure(text[start:level.end()], start, level.end(), float(number), None, kind="name")
        return None

    def _fraction(self, text: str, masked: str, start: int, end: int, number: Decimal, den: Decimal) -> Figure:
        """`115/121 xã`; `end` is where the denominator ends."""
        unit = self.units.match(masked, end)
        stop = end + unit.length
        if unit.unit is None or unit.unit in self.units.count_units:
            # `115/121 xã`: a part of a whole, both exact counts.
            num_iv, den_iv = Interval.point(float(number) * unit.scale), Interval.point(float(den) * unit.scale)
        else:
            # `45.799/36.875 tỷ đồng`: a result over its target, each to its stated precision.
            num_iv, den_iv = Interval.stated(number, unit.scale), Interval.stated(den, unit.scale)
        return Figure(text[start:stop].rstrip(), start, stop, float(number),
                      num_iv, unit=unit.unit, unit_text=unit.text,
                      kind="fraction", scale=unit.scale, denominator=float(den) * unit.scale,
                      denominator_interval=den_iv)

    def _without_unit(self, text: str, masked: str, m: re.Match, number: Decimal, before: str,
                      qualifier: str | None, fig_start: int) -> Figure | None:
        """A number with no unit after it that ends a name, or opens a range whose dash was lost."""
        start, end = m.start(), m.end()
        name = PROPER_NAME_BEFORE.search(before)
        # `À-Ỹ` spans lower-case letters too (`đạt 10 - 10,5%`): a name's word opens with a capital.
        if qualifier is None and "," not in m.group(0) and name and name.group(0)[0].isupper() \
                and start > 0 and _last_mark_before(masked, start) not in (":", ".") \
                and not self._after_place_name(before):
            # `Yên Bình 2`, `Thác Huống 2`: a number that ends a proper name.
            return Figure(text[start:end], start, end, float(number), None, kind="name")
        lost = LOST_DASH_RE.match(masked, end)
        if lost:
            unit2 = self.units.match(masked, lost.end())
            hi_number = parse_number(lost.group(1))
            if unit2.unit is not None and hi_number > number:
                # `giảm 1 1,5 điểm%/năm`: a range whose dash was lost in extraction.
                stop2 = lost.end() + unit2.length
                lo_iv = Interval.stated(number, unit2.scale)
                hi_iv = Interval.stated(hi_number, unit2.scale)
                return Figure(text[fig_start:stop2], fig_start, stop2, float(number), Interval(lo_iv.lo, hi_iv.hi),
                              unit=unit2.unit, unit_text=unit2.text, kind="range", qualifier="range",
                              scale=unit2.scale, parts=(float(number), float(hi_number)))
        if end < len(masked) and masked[end].isalpha():
            # `5G`: digits glued to a word that is not a unit make a name.
            stop = end
            while stop < len(masked) and masked[stop].isalnum():
                stop += 1
            return Figure(text[start:stop], start, stop, None, None, kind="name")
        return None

    def _range(self, text: str, masked: str, number: Decimal, unit, stop: int, qualifier: str | None,
               fig_start: int) -> Figure | None:
        """A range: 6,5% - 7,0%/năm, 5,2-5,3%, từ 3 đến 5 sao (`stop` is where the first number's unit ends)."""
        joiner = RANGE_DASH_RE.match(masked, stop)
        if not joiner and qualifier == "from":
            joiner = UNTIL_RE.match(masked, stop)
        if not joiner:
            return None
        second = NUMBER_RE.match(masked, joiner.end())
        if not second:
            return None
        after = masked[second.end():second.end() + 1]
        if after.isdecimal() or after in ("/", "."):  # (the second number goes on)
            return None
        unit2 = self.units.match(masked, second.end())
        third = RANGE_DASH_RE.match(masked, second.end() + unit2.length)
        is_series = bool(third and NUMBER_RE.match(masked, third.end()))
        hi_number = parse_number(second.group(0))
        same_unit = unit.unit is None or unit.unit == unit2.unit
        if is_series or not same_unit or unit2.unit is None or hi_number < number:
            return None
        scale = unit2.scale if unit.unit is None else unit.scale
        lo_iv = Interval.stated(number, scale)
        hi_iv = Interval.stated(hi_number, unit2.scale)
        stop2 = second.end() + unit2.length
        return Figure(text[fig_start:stop2], fig_start, stop2, float(number),
                      Interval(lo_iv.lo, hi_iv.hi), unit=unit2.unit,
                      unit_text=unit2.text, kind="range", qualifier="range",
                      scale=unit2.scale, parts=(float(number), float(hi_number)))

    def _after_place_name(self, before: str) -> bool:
        """`Vĩnh Phúc 9.800`: a figure stated for a province, not a number in a name."""
        words = [w.strip("([{\"'“‘;,") for w in before.split()]  # `(Bình Định 121.600`: the bracket is no part of the name
        for n in (1, 2, 3, 4):
            if len(words) >= n and " ".join(words[-n:]).lower() in self.place_names:
                return True
        return False

    @staticmethod
    def _mark_lost_markers(masked: str, figures: list[Figure]) -> list[Figure]:
        """A bare small number just after a figure with a unit is a footnote marker
        whose superscript was lost in extraction: `bằng 8,3% 17.`, `6,6% 13 GRDP`."""
        marked = list(figures)
        for n in range(1, len(marked)):
            prev, fig = marked[n - 1], marked[n]
            if fig.kind != "statistic" or fig.unit is not None or fig.qualifier:
                continue
            if prev.kind not in STAT_KINDS or prev.unit is None:
                continue
            if masked[prev.end:fig.start] != " " or not MARKER_NUMBER_RE.fullmatch(fig.text):
                continue
            rest = masked[fig.end:fig.end + 2]
            if rest == "" or rest[:1] in ".;" or (rest[:1] == " " and rest[1:2].isupper()):
                marked[n] = replace(fig, kind="marker")
        return marked


def signed_cell(text: str, figures: list[Figure]) -> list[Figure]:
    """A table cell that is one signed number (`-13,1`) makes its figure, as the lexer read it
    from `text`, negative.  Asked of a comparison column's cells only (see tables.py): a level
    column's sign is left alone, as catalogs name some levels by their size (`nhập siêu` is
    a negative `cán cân thương mại`)."""
    m = SIGNED_CELL_RE.fullmatch(mask_markers(text)) if len(figures) == 1 else None
    if m is None:
        return figures
    fig, group = figures[0], "dashed" if m.group("dashed") else "bracketed"
    if fig.kind != "statistic" or fig.interval is None or fig.qualifier or not fig.value \
            or m.start(group) != fig.start or m.end(group) > fig.end:
        return figures
    start, end = m.start(0) + len(m.group(0)) - len(m.group(0).lstrip()), fig.end
    if group == "bracketed":
        end = m.end(0) - (len(m.group(0)) - len(m.group(0).rstrip()))
    iv = fig.interval
    return [replace(fig, text=text[start:end], start=start, end=end, value=-fig.value,
                    interval=Interval(-iv.hi, -iv.lo, iv.hi_open, iv.lo_open))]
