"""The fast search of whole-word cues (checker/resolve/whole_words.py) finds what
`pattern.finditer` finds, on generated text and on the cue patterns of the catalog."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.catalog import load_catalog
from checker.resolve.cues import Cues
from checker.resolve.whole_words import CASE_EXTRAS_RE, _scan_form, cue_matches, lowered

PATTERNS = [
    re.compile(r"(?<![\w])(?:trong đó|riêng|với)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:không bao gồm|bao gồm cả|bao gồm|gồm có|gồm)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:có|gồm|(?<!so )(?<!đối )với)(?![\w])", re.I),
    re.compile(r"(?<![\w])(?:is|si)(?![\w])", re.I),  # (letters `re` also matches as `ı`, `ſ`)
    re.compile(r"(?<![\w])(?:\W+a)", re.I),  # (an upper-case escape: searched as written)
    re.compile(r"(?:với)(?![\w])", re.I),  # (no look-behind: searched as written)
]
TEXT = st.text(alphabet="aA is SI ıſİΣ;.xó TRONG đó Riêng VỚI với gồm Gồm BAO bao có không", max_size=80)


def spans(matches) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_cue_matches_are_finditer(text):
    low = lowered(text)
    for pattern in PATTERNS:
        assert spans(cue_matches(pattern, text, low)) == spans(pattern.finditer(text))


def test_the_catalog_cues_are_scanned_fast_and_alike():
    cues = Cues.from_catalog(load_catalog().cues)
    fast = [p for p in (cues.parts_bounded, cues.parts_exhaustive, cues.parts_inclusive, cues.parts_excluded,
                        cues.respectively) if _scan_form(p) is not None]
    assert len(fast) == 5  # (a change of their form in cues.py would fall back to the slow search)
    text = ("Tổng thu 1.200 tỷ đồng, trong đó thu nội địa 900 tỷ đồng; Riêng thuế 50, KHÔNG BAO GỒM tiền đất. "
            "Chi 300 tỷ đồng, bao gồm cả dự phòng, gồm có: A 10, B 20 (kể cả C) với tỷ lệ tương ứng 1% và 2%.")
    for pattern in fast:
        assert spans(cue_matches(pattern, text, lowered(text))) == spans(pattern.finditer(text))


def test_a_text_with_extra_case_letters_is_searched_as_written():
    assert lowered("ſố liệu") is None and lowered("İ") is None and lowered("Số liệu") == "số liệu"


def test_the_extra_case_letters_are_those_of_re():
    casefix = pytest.importorskip("re._casefix")
    extras = {chr(c) for k, v in casefix._EXTRA_CASES.items() for c in (k, *v)} - {"i", "s"}
    assert all(CASE_EXTRAS_RE.match(c) for c in extras)
