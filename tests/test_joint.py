"""The joint matcher (checker.joint): a piece of a block read from the block's phrases found
once is what matching the piece on its own finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.joint import JointMatcher
from checker.text import PhraseMatcher

PHRASES = {"thu ngân sách": ["revenue"], "thu ngân sách nhà nước": ["state_revenue"], "ngân sách": ["budget"],
           "thu": ["income"], "tỷ lệ hộ nghèo": ["poverty"], "hộ nghèo": ["poor"], "hoà bình": ["place"],
           "tỉ lệ": ["rate"], "(cũ)": ["former"], "dân số trung bình": ["population"], "dân": ["people"]}
# Words, words a phrase's word opens (`thuế`, `dâng`), respelt syllables (`tỉ`, `hoà`) and the
# footnote markers and bold stars that masking blanks, so that a cut falls in each of them.
PIECES = ["thu", "thuế", "ngân", "sách", "nhà", "nước", "tỷ", "tỉ", "lệ", "hộ", "nghèo", "hoà", "bình", "(",
          "cũ", ")", "dân", "dâng", "số", "trung", "Thu", "NGÂN", "$^{12}$", "[^3]", "(4)", "**", "7", "x_"]


def _reference(matcher: PhraseMatcher, text: str, at: int, stop: int):
    found = matcher.find(text[at:stop])
    return found[0] if found and found[0].start == 0 else None


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(PIECES + list(PHRASES)), st.sampled_from(["", " ", "  ", "\n"])),
                min_size=1, max_size=14), st.data())
def test_a_piece_read_from_the_block_is_the_piece_matched(parts, data):
    """For every place a piece may open and wherever it is cut (inside a word, a marker, a
    respelt syllable or a run of spaces), `first_at` is the first mention of `find` on the
    piece when that starts the piece."""
    text = "".join(piece + gap for piece, gap in parts)
    matcher = PhraseMatcher(PHRASES, nested=True)
    other = PhraseMatcher({"ngân sách nhà nước": ["x"], "hộ": ["y"]})
    joint = JointMatcher((matcher, other))
    joint.find(text)
    for at in range(len(text) + 1):
        stop = data.draw(st.integers(at + 1, len(text) + 3))
        assert joint.first_at(matcher, text, at, stop) == _reference(matcher, text, at, stop), (at, stop)


def test_a_name_cut_inside_a_longer_word_is_still_a_name_of_the_piece():
    """`thu` at the end of a piece that cuts `thuế` is the piece's name (nothing follows it
    there), though in the whole text `thu` is glued to the rest of the word."""
    matcher = PhraseMatcher(PHRASES)
    joint = JointMatcher((matcher,))
    text = "tổng thu ngân sách và thuế"
    cut = text.index("thuế") + 3
    joint.find(text)
    found = joint.first_at(matcher, text, text.index("và") + 3, cut)
    assert found is not None and found.keys == ("income",) and found.end == 3
    assert joint.first_at(matcher, text, text.index("thu ngân"), len(text)).keys == ("revenue",)
    assert joint.first_at(matcher, text, text.index("thu ngân"), text.index("thu ngân") + 9).keys == ("income",)
    assert joint.first_at(matcher, text, text.index("và"), len(text)) is None


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(PIECES + list(PHRASES)), st.sampled_from(["", " ", "  ", "\n"])),
                min_size=1, max_size=14), st.data())
def test_the_places_a_longer_name_may_start_are_all_those_first_at_finds(parts, data):
    """Wherever a piece opening a word after a space ends past `beyond` by `first_at`, its
    place is among `starts_reaching` (unless that answers None: every place may)."""
    text = "".join(piece + gap for piece, gap in parts)
    matcher = PhraseMatcher(PHRASES, nested=True)
    joint = JointMatcher((matcher, PhraseMatcher({"ngân sách nhà nước": ["x"]})))
    joint.find(text)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text) + 1))
    stop = hi + 12 + data.draw(st.integers(0, 20))  # (no marker reaches a cut this far off)
    reaching = joint.starts_reaching(matcher, text, lo, hi, hi, stop)
    if reaching is None:
        return
    for at in range(lo, hi):
        if at and not text[at - 1].isspace():
            continue
        found = joint.first_at(matcher, text, at, stop)
        if found is not None and at + found.end > hi:
            assert at in reaching, (at, sorted(reaching))
