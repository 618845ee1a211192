"""Resolution's once-per-block lookups (issue 14) give what the per-figure scans gave: each
is checked against the plain scan it replaced on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.resolve.periods import find_periods
from checker.resolve.scans import Growing, Leads, reach

# Patterns of the shapes resolution searches with: word lists bounded by look arounds,
# word edges, an end anchor, and unbounded ones (searched directly).
PATTERNS = [
    re.compile(r"(?<![\w])(?:có|gồm|(?<!so )(?<!đối )với)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:đến nay|hiện nay|nay)(?![\w])", re.I),
    re.compile(r"\bab\b|ba"),
    re.compile(r"a{1,3}b?$"),
    re.compile(r"(đầu|cuối)\s+nhiệm kỳ", re.I),
    re.compile(r"(?=ab)a|b(?!a)"),
    re.compile(r"x*"),
]
TEXT = st.text(alphabet="ab ;.xóc gồmvới đnyhiệ", max_size=60)


def test_reach_of_word_lists_and_unbounded_patterns():
    assert reach(PATTERNS[0]) == 4  # `(?<!...)` reads before; three letters and the edge after
    assert reach(PATTERNS[4]) is None  # `\s+`
    assert reach(PATTERNS[6]) is None  # matches the empty string


@settings(max_examples=500, deadline=None)
@given(TEXT, st.data())
def test_leads_are_the_searches_of_each_slice(text, data):
    Growing.chunk = data.draw(st.sampled_from([1, 5, 256]))  # scan ahead by little, to grow often
    try:
        leads = Leads(text)
        pattern = data.draw(st.sampled_from(PATTERNS))
        start = data.draw(st.integers(0, len(text)))
        ends = sorted(data.draw(st.lists(st.integers(start, len(text)), max_size=6)))
        pos = data.draw(st.integers(0, 3))
        for end in ends:
            lead = text[start:end]
            found = list(pattern.finditer(lead))
            last = leads.last(pattern, start, end)
            assert (last.span(), last.group(0)) == (found[-1].span(), found[-1].group(0)) if found else last is None
            first = leads.first(pattern, start, end, min(pos, len(lead)))
            direct = pattern.search(lead, min(pos, len(lead)))
            assert (first and first.span()) == (direct and direct.span())
            between = list(pattern.finditer(text, start, end))
            last = leads.last_between(pattern, start, end)
            assert (last and last.span()) == (between[-1].span() if between else None)
            assert [m.span() for m in leads.scan(pattern, start, False).backwards(end)] == \
                [m.span() for m in reversed(between)]
    finally:
        Growing.chunk = 256


PERIOD_TEXT = st.lists(st.sampled_from(["năm 2024", "2021-2025", "6 tháng đầu năm", "quý II", "ngày 1/7/2025", "; ",
                                         ". Năm ", "giai đoạn 2020 - 2025", "(", ")", "tăng 7%", " so với năm 2020 "]),
                       max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(PERIOD_TEXT)
def test_periods_are_in_order_of_start(text):
    """`prose_period` takes a sentence's periods by bisecting their starts."""
    starts = [p.start for p in find_periods(text, [])]
    assert starts == sorted(starts)
