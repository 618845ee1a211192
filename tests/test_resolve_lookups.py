"""Resolution's once-per-block lookups (issue 14) give what the per-figure scans gave: each
is checked against the plain scan it replaced on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.figures import _Taken
from checker.records import STAT_KINDS, Block, Document, Evidence, Figure, RelationKind, Resolution
from checker.resolve.clauses import Beside, Sentences, spot_of
from checker.resolve.clauses import SENTENCE_END_RE
from checker.resolve.entities import _after_gap_end, _Names, _same_sentence, closed_brackets
from checker.resolve.indicators import LeadContext, lowered_in_place
from checker.resolve.lists import _has_parts, sentence_bounds
from checker.text import Mention
from checker.resolve.periods import find_periods
from checker.resolve.passage import SWAP_BRACKETS
from checker.resolve.prose import share_trailing_names
from checker.resolve.relations import Related, _add
from checker.resolve.resolved import Resolved
from checker.resolve.scans import Brackets, ByStart, Containers, Growing, Leads, reach

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
        leads.short = data.draw(st.sampled_from([0, 10]))  # (a lead this short is searched directly)
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
            assert [m.span() for m in leads.backwards_between(pattern, start, end)] == \
                [m.span() for m in reversed(between)]
            even = [m for m in between if m.start() % 2 == 0]
            kept = leads.last_between_where(pattern, start, end, lambda m: m.start() % 2 == 0)
            assert (kept and kept.span()) == (even[-1].span() if even else None)
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


def share_trailing_names_scan(results) -> None:
    """`share_trailing_names` as first written: each unnamed figure scans the ones after it."""
    for i, r in enumerate(results):
        if r.indicator is not None or r.figure.unit is None or r.figure.kind not in STAT_KINDS:
            continue
        for later in results[i + 1:]:
            if later.sentence != r.sentence or later.figure.unit != r.figure.unit:
                break
            if later.indicator is not None:
                r.settle("indicator", Resolution(later.indicator, Evidence.SENTENCE,
                                                 "named after the list it stands in"))
                r.unit, r.scope = later.unit, r.scope or later.scope
                r.notes.append("named after the list it stands in")
                break


ROW = st.tuples(st.sampled_from([0, 1]), st.sampled_from(["percent", "ha", None]),
                st.sampled_from([None, None, "a", "b"]), st.sampled_from(["statistic", "marker"]))


def _results(rows):
    doc = Document(path="x.txt", index=0, title="", kind="report")
    block = Block(kind="paragraph", text="", line=1, column=1)
    out = []
    for k, (sentence, unit, indicator, kind) in enumerate(rows):
        r = Resolved(Figure(str(k), k, k + 1, 1.0, None, unit, kind=kind), block, doc, sentence=sentence)
        r.unit, r.scope = unit, f"scope {k}" if k % 3 == 0 else ""
        if indicator:
            r.settle("indicator", Resolution(indicator, Evidence.CLAUSE, "named"))
        out.append(r)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(ROW, max_size=10))
def test_share_trailing_names_is_the_scan(rows):
    fast, slow = _results(rows), _results(rows)
    share_trailing_names(fast)
    share_trailing_names_scan(slow)
    assert [(r.indicator, r.fields["indicator"].reason, r.unit, r.scope, r.notes) for r in fast] == \
        [(r.indicator, r.fields["indicator"].reason, r.unit, r.scope, r.notes) for r in slow]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=8), st.integers(0, 30), st.integers(0, 8))
def test_containers_are_the_scan(spans, a, width):
    spans = [(s, s + w) for s, w in spans]
    b = a + width
    assert Containers(spans).holds(a, b) == any(s <= a and b <= e for s, e in spans)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab. C;:(", min_size=1, max_size=40), st.data())
def test_spot_beside_is_the_spot_among_all(text, data):
    """`read_prose` gives `spot_of` the two figures beside one where the figures are in order."""
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=10))))
    stats = [Figure(text[a:b], a, b, 1.0, None) for a, b in zip(cuts[::2], cuts[1::2]) if a < b]
    names = set(data.draw(st.lists(st.integers(0, max(0, len(stats) - 1)), max_size=3)))
    sentences = Sentences(text, stats)
    kept = [k for k in range(len(stats)) if k not in names]
    for n, k in enumerate(kept):
        others = [f for j, f in enumerate(stats) if j != k and not (j < k and j in names)]
        beside = Beside(stats[kept[n - 1]] if n else None, stats[k + 1] if k + 1 < len(stats) else None)
        args = (sentences, lambda start: start % 2 == 0, re.compile(r"\s*C"))
        assert spot_of(text, stats[k], beside, *args) == spot_of(text, stats[k], others, *args)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list(RelationKind)), st.integers(0, 5), st.integers(0, 5)), max_size=12))
def test_wholes_kept_are_the_scan(adds):
    """`lists._has_parts` asks the wholes `relations._add` keeps instead of every relation."""
    rows = _results([(0, "ha", None, "statistic")] * 6)
    related, plain = Related(rows), list(rows)
    for kind, subject, whole in adds:
        _add(related, kind, subject, (whole,))
    assert [_has_parts(related, i) for i in range(6)] == [_has_parts(plain, i) for i in range(6)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a .!?\n\tB", max_size=30), st.data())
def test_same_sentence_from_breaks_is_the_search(text, data):
    """`_Names.same_sentence` answers from the text's breaks found once."""
    names = _Names(None, text, [])
    spans = [tuple(sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=2, max_size=2)))) for _ in range(2)]
    a, b = (Mention(s, e, text[s:e], ()) for s, e in spans)
    assert names.same_sentence(a, b) == _same_sentence(text, a, b)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab ,\n", max_size=30), st.lists(st.sampled_from(["ab", "a b", "ba a", "b"]), max_size=3),
       st.integers(0, 30))
def test_name_after_gap_is_never_past_its_bound(text, words, start):
    """`prose_entity` looks for the name after a figure no further than `_after_gap_end`:
    past it, no stretch can be the gap (blank, one of the words, blank)."""
    start = min(start, len(text))
    gap = re.compile(rf"^\s*(?:{'|'.join(re.escape(w) for w in words)})\s+$", re.I)
    reading = type("R", (), {"text": text, "catalog": type("C", (), {"cues": {"resolve_entity": {"after_figure": words}}})})
    bound = _after_gap_end(reading, start)
    assert not any(gap.match(text[start:end]) for end in range(bound + 1, len(text) + 1))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a. B\n", max_size=30), st.integers(0, 30))
def test_sentence_bounds_from_kept_ends_is_the_scan(text, pos):
    pos = min(pos, len(text))
    start = max([0] + [m.end() for m in SENTENCE_END_RE.finditer(text) if m.end() <= pos])
    assert sentence_bounds(text, pos)[0] == start


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="(()) a", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_brackets_close_as_the_walk_says(text, start, end):
    """`Brackets.closes` is the character walk of `entities.closed_brackets`."""
    assert Brackets(text).closes(start, end) == closed_brackets(text, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(0, 20), max_size=10), st.integers(0, 22), st.integers(0, 22), st.booleans())
def test_by_start_is_the_filter(starts, lo, hi, ordered):
    """`ByStart.between` keeps the items (in their order) that the filter on starts keeps."""
    items = [Mention(s, s + 1, "x", ()) for s in (sorted(starts) if ordered else starts)]
    assert ByStart(items).between(lo, hi) == [m for m in items if lo <= m.start < hi]
    assert ByStart(items).between(lo) == [m for m in items if lo <= m.start]


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 12), st.lists(st.tuples(st.integers(-2, 14), st.integers(-2, 14)), max_size=6),
       st.lists(st.tuples(st.integers(-2, 14), st.integers(-2, 14)), max_size=6))
def test_lexer_taken_marks_are_the_span_scan(size, spans, questions):
    """The lexer's `_Taken` answers from marks what comparing with every span answered."""
    taken = _Taken(size)
    for span in spans:
        taken.append(span)
    for a, b in questions:
        assert taken(a, b) == any(s < b and a < e for s, e in spans)


def _opens_scan(text: str, start: int, end: int) -> bool:
    """A bracket opened after `start` is still open at `end`, by the character walk."""
    return closed_brackets(text[start:end][::-1].translate(SWAP_BRACKETS), 0, end - start)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="(()) a", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_brackets_open_read_from_the_end(text, start, end):
    """`prose_period` asks whether a bracket opened after `start` is still open at `end` of
    the reversed text's `Brackets`: the walk over the reversed, bracket-swapped stretch."""
    back = Brackets(text[::-1].translate(SWAP_BRACKETS))
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    assert back.closes(len(text) - end, len(text) - start) == _opens_scan(text, start, end)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aBc |Σİ", max_size=12), st.text(alphabet="aBc |ΣİD", max_size=20), st.integers(0, 20),
       st.text(alphabet="abc |σi", min_size=1, max_size=4))
def test_lead_context_is_the_lowered_copy(context, text, end, word):
    """`pick_indicator` asks `LeadContext` what it asked of the lowered copy of the context
    and the text before the figure."""
    low = lowered_in_place(text)
    if low is not None:
        assert (word in LeadContext(context, low, end)) == (word in (context + " | " + text[:end]).lower())


# The lexer's and resolution's patterns as they were written before they were made to open
# with what they match first (so that `re` skips to it): the rewritten ones must match the same.
NUMBER_BEFORE = (r"(?!(?:19|20)\d{2}\.)\d{4,}\.\d{1,2}(?![\d.,])"
                 r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
LETTER = "A-Za-zÀ-ỹĐđ"
NON_STATISTIC_BEFORE = {
    3: (r"(?<=\()(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?=\))", 0),
    6: (r"(?:(?<=quý )|(?<=tháng ))\d{1,2}\s*[-/]\s*(?:19|20)\d{2}(?![\d])", re.I),
    7: (r"(?<=quý )[1-4](?![\d.,/])", re.I),
    12: (r"(?<![\w)])\(\d{1,2}\)", 0),
    14: (r"(?<=ngày )\d{1,2}(?=\s+(?:đến|-|–)\s+(?:ngày\s+)?\d{1,2}/\d{1,2})", 0),
    15: (rf"(?:-(?<=[{LETTER}]-)\d+|\d(?<=[{LETTER}]\d)\d*)(?:[.,]\d+)?", 0),
    17: (r"(?<=tháng )\d{1,2}(?![\d/]|[.,]\d)", re.I),
}
SENTENCE_END_BEFORE = re.compile(r"(?<=[.!?…])(?<!\bT[Pp]\.)(?<!\bT[Xx]\.)\s+(?=[A-ZĐÀ-Ỹ(\-*\"“])")
LEXED = st.lists(st.sampled_from(["1", "9", "2", "0", "19", "20", "2025", ".", ",", "-", "/", " ", "(", ")", "a",
                                  "Đ", "quý ", "tháng ", "Tháng ", "ngày ", " đến ", "h", "\n"]), max_size=14).map("".join)


def _spans(pattern: re.Pattern, text: str) -> list:
    return [m.span() for m in pattern.finditer(text)] + [
        (m.span() if m else None) for m in (pattern.match(text, p) for p in range(len(text) + 1))]


@settings(max_examples=1500, deadline=None)
@given(LEXED)
def test_lexer_patterns_are_their_look_around_first_forms(text):
    """The number pattern and the rewritten non-statistic patterns match where, and as far
    as, the forms they replaced did: searched through a text and tried at each position."""
    from checker.figures import NON_STATISTIC, NUMBER_RE

    assert _spans(NUMBER_RE, text) == _spans(re.compile(NUMBER_BEFORE), text)
    for k, (before, flags) in NON_STATISTIC_BEFORE.items():
        assert _spans(NON_STATISTIC[k][1], text) == _spans(re.compile(before, flags), text)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=". !?…\n\tTPpXxaA(Đ-*\"“", max_size=20))
def test_sentence_end_is_its_look_behind_first_form(text):
    """`SENTENCE_END_RE`, opening with its white space, finds what it found opening with the
    mark before it: through the text, from each position, and up to each position."""
    assert _spans(SENTENCE_END_RE, text) == _spans(SENTENCE_END_BEFORE, text)
    for end in range(len(text) + 1):
        assert [m.span() for m in SENTENCE_END_RE.finditer(text, 0, end)] == \
            [m.span() for m in SENTENCE_END_BEFORE.finditer(text, 0, end)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["vượt qua mốc", "đạt", "khoảng", "trên", ">", "≥", "thứ", "Số", "Hội nghị lần",
                                 "khu nghỉ dưỡng", " ", "  ", "\n", "(", ",", "x", "ab"]), max_size=6).map("".join))
def test_word_before_a_number_is_the_search(before):
    """`_ending` finds the comparator or ordinal word that ends the text before a number,
    as searching the whole text did."""
    from checker.figures import COMPARATOR_RE, LONGEST_COMPARATOR, LONGEST_ORDINAL, ORDINAL_BEFORE, _ending

    for pattern, longest in ((COMPARATOR_RE, LONGEST_COMPARATOR), (ORDINAL_BEFORE, LONGEST_ORDINAL)):
        found, searched = _ending(pattern, longest, before), pattern.search(before)
        assert (found and found.regs) == (searched and searched.regs)


def _walk(text: str, start: int, end: int) -> bool:
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="(()) a", max_size=30), st.integers(-3, 32), st.integers(-3, 32))
def test_closed_brackets_is_the_walk(text, start, end):
    """`closed_brackets`, visiting only the brackets, says what walking every character said."""
    assert closed_brackets(text, start, end) == _walk(text, start, end)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=" \n\tab\u00a0", max_size=14), st.integers(1, 6), st.integers(0, 15))
def test_nth_character_no_space_is_the_walk(text, n, start):
    """`_non_spaces(n)` ends on the n-th character that is no white space from `start`."""
    from checker.resolve.entities import _non_spaces

    found = [k for k in range(start, len(text)) if not text[k].isspace()]
    m = _non_spaces(n).match(text, start)
    assert (m.end() - 1 if m else len(text)) == (found[n - 1] if len(found) >= n else len(text))


def test_a_catalog_keeps_its_lexer_and_cues_while_it_lives():
    """One lexer and one set of cue patterns serve a catalog's runs (their memos with them);
    another catalog has its own, and a catalog's go when it does."""
    import dataclasses
    import gc

    from checker.catalog import load_catalog
    from checker.resolve.resolver import _KEPT, Resolver, kept_for

    catalog = load_catalog()
    other = dataclasses.replace(catalog)
    assert kept_for(catalog) is kept_for(catalog)
    assert Resolver(catalog).lexer is kept_for(catalog)[0] and Resolver(catalog).cues is kept_for(catalog)[1]
    assert kept_for(other)[0] is not kept_for(catalog)[0]
    gone = id(other)
    del other
    gc.collect()
    assert gone not in _KEPT


def test_kept_readings_are_handed_out_as_copies():
    """The lexer's figures, a matcher's damaged pairs and a text's list openings are kept by
    text: the second reading is the first, and changing what was handed out changes neither."""
    from checker.catalog import load_catalog
    from checker.resolve.lists import list_cues
    from checker.resolve.resolver import kept_for

    catalog = load_catalog()
    lexer, cues = kept_for(catalog)
    text = "Có 12 xã, gồm: 5 xã loại A và 7 xã loại B; tỷ le ho ngheo 2,1% (năm 2025)."
    for read in (lexer.scan, catalog.indicator_matcher.damaged_pairs, lambda t: list_cues(t, cues)):
        first = read(text)
        kept = list(first) if isinstance(first, list) else set(first)
        first.clear()
        assert read(text) == kept


_JOINT_WORDS = ["hai tỉnh", "cả nước", "nước", "đến nay", "năm trước", "các năm trước", "phấn đấu", "Ư-ĐÊ"]
_JOINT_PATTERNS = tuple(re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in words)})(?![\w])", re.I)
                        for words in (_JOINT_WORDS[:3], _JOINT_WORDS[3:6], _JOINT_WORDS[6:]))


# (a pattern of another form, each of whose matches holds one of the words given with it)
_HELD = re.compile(r"\d+\s*/\s*\d+\s+(?:tỉnh|nước)(?![\w])", re.I)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_JOINT_WORDS + ["HAI TỈNH", "Cả Nước", "x", " ", ", ", "ĐẾN", "nay", "ı", "ſ", "7",
                                                "08/63 ", "/", "Tỉnh"]),
                max_size=14), st.data())
def test_joint_cores_hold_every_match_each_pattern_finds(pieces, data):
    """One automaton pass over a block finds, for each pattern, a superset of its cores: no
    stretch holding a match (searched alone or in place) is said to hold none."""
    from checker.resolve.scans import JointCores, caseless
    text = "".join(pieces)
    low = caseless(text)
    if low is None:
        return
    found = JointCores(_JOINT_PATTERNS, {_HELD: ("tỉnh", "nước")}).found(low)
    assert set(found) == {*_JOINT_PATTERNS, _HELD}
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for pattern, spans in found.items():
        if pattern.search(text[start:end]) or pattern.search(text, start, end):
            assert spans.overlaps(start, end)
