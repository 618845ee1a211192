"""Text helpers (checker.text) as tables and properties, and the cue lists as declared data."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.text import PhraseMatcher, fold, slug, strip_marks
from tests.conftest import ROOT


@pytest.mark.parametrize("text, folded, stripped, slugged", [
    ("Bắc Kạn", "bac kan", "Bac Kan", "bac_kan"),
    ("Đảng viên", "dang vien", "Dang vien", "dang_vien"),
    ("dự án", "du an", "du an", "du_an"),
    ("Tỷ lệ hộ nghèo (%)", "ty le ho ngheo (%)", "Ty le ho ngheo (%)", "ty_le_ho_ngheo"),
    ("km²", "km²", "km²", "km"),
    ("Thừa Thiên Huế", "thua thien hue", "Thua Thien Hue", "thua_thien_hue"),
])
def test_diacritics_are_folded_one_way(text, folded, stripped, slugged):
    assert (fold(text), strip_marks(text), slug(text)) == (folded, stripped, slugged)


@given(st.text(alphabet=st.sampled_from("aăâbdđeêioôơuưyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậềếểễệốồổỗộớờởỡợứừửữự.,%²¹")))
def test_fold_keeps_offsets_and_is_idempotent(text):
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)
    assert slug(text) == slug(fold(text))


@given(st.lists(st.sampled_from(["tỷ lệ", "hộ nghèo", "tỷ lệ hộ nghèo", "Bắc Kạn", "xã"]), max_size=6),
       st.sampled_from([" ", ", ", "¹ ", " (", "** "]))
def test_a_mention_covers_exactly_its_phrase(words, glue):
    matcher = PhraseMatcher({"tỷ lệ hộ nghèo": ["poverty_rate"], "bắc kạn": ["bac_kan"], "xã": ["communes"]})
    text = glue.join(words)
    for m in matcher.find(text):
        # Footnote markers and bold stars are blanked, so a phrase may run across them.
        assert len(m.text) == m.end - m.start
        assert fold(" ".join(m.text.split())) in {"ty le ho ngheo", "bac kan", "xa"}


def test_data_values_take_the_lexers_bounding_comparators():
    from checker.datafile import parse_value

    assert parse_value("không quá 5")[2] == "le"
    assert parse_value("hơn 5")[2] == "gt"
    assert parse_value("≥50")[2] == "ge"
    with pytest.raises(ValueError):
        parse_value("khoảng 5")  # an estimate is not a bound an official value can carry


def test_a_new_cue_list_is_one_declaration(tmp_path, monkeypatch):
    """How to add a cue list: write it in cues.yaml and declare it in catalog_schema.CUES."""
    import checker.catalog as catalog_module
    import checker.catalog_schema as schema_module
    from checker.catalog_schema import CUES, Cue

    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    cues = (folder / "cues.yaml").read_text(encoding="utf-8")
    (folder / "cues.yaml").write_text(cues.replace("entity:\n", 'entity:\n  own: ["của tỉnh", "toàn tỉnh"]\n', 1),
                                      encoding="utf-8")
    entity = CUES.required["entity"]
    declared = replace(entity, optional={**entity.optional, "own": Cue(cue="own")})
    monkeypatch.setattr(schema_module, "CUES", replace(CUES, required={**CUES.required, "entity": declared}))
    catalog = catalog_module.load_catalog(folder)
    assert [(m.text, m.keys) for m in catalog.cue("own").find("Kinh tế của tỉnh tăng 8%")] == [("của tỉnh", ("own",))]
    # The shared cues are unchanged by it: `toàn tỉnh` is still a merged-province cue.
    assert [m.keys for m in catalog.cue("merged").find("toàn tỉnh")] == [("merged",)]


# The phrase matcher walks a trie of tokens; its reference is one regex of every phrase,
# shaped as a trie (longest phrase first at each position, whole words only).
PHRASES = ["tỷ lệ", "tỷ lệ hộ nghèo", "hộ nghèo", "(cũ)", "bà rịa - vũng tàu", "thu ngân sách",
           "thu ngân sách nhà nước", "ngân sách", "km2", "tp.", "% kế hoạch", "lệ"]
PIECES = ["tỷ", "lệ", "hộ", "nghèo", "(", "cũ", ")", "bà", "rịa", "-", "vũng", "tàu", "thu", "ngân",
          "sách", "nhà", "nước", "km2", "tp", ".", "%", "kế", "hoạch", "x", "7", "_"]


@given(st.lists(st.tuples(st.sampled_from(PIECES + PHRASES), st.sampled_from(["", " ", "  ", "\n", "\t"])),
                max_size=12))
def test_the_phrase_trie_finds_what_one_regex_of_all_phrases_finds(parts):
    import re

    from checker.text import _PhraseTrie, trie_pattern

    text = "".join(piece + gap for piece, gap in parts)
    reference = re.compile(rf"(?<![\w])(?:{trie_pattern(sorted(PHRASES))})(?![\w])")
    expected = [(m.start(), m.end()) for m in reference.finditer(text)]
    assert [(start, end) for start, end, _ in _PhraseTrie(PHRASES).finditer(text)] == expected


@given(st.lists(st.tuples(st.sampled_from(PIECES + PHRASES), st.sampled_from(["", " ", "  ", "\n", "\t", " \n "])),
                max_size=12), st.sampled_from(["", " ", "\n  "]))
def test_the_joint_automaton_finds_what_each_trie_finds(parts, lead):
    """One pass of the automaton over a text gives each trie's own matches, whatever the
    spaces between the words (runs of them are read as one) and across overlapping tries."""
    from checker.tries import JointAutomaton, _PhraseTrie

    text = lead + "".join(piece + gap for piece, gap in parts)
    tries = [_PhraseTrie(PHRASES[::2]), _PhraseTrie(PHRASES[1::2] + ["tỷ lệ hộ", "ngân sách"]), _PhraseTrie([])]
    assert JointAutomaton(tries).find_all(text) == [list(trie.finditer(text)) for trie in tries]


def test_the_folding_table_misses_no_latin_letter():
    """`fold` walks only the Latin blocks: every character from U+00C0 to U+1EFF whose base
    letter is ASCII is in its table (the blocks it skips hold none)."""
    import unicodedata

    from checker.text import MARKLESS

    for code in range(0x00C0, 0x1EFF + 1):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            assert MARKLESS.get(code) == base, hex(code)
    assert MARKLESS[ord("đ")] == "d"
