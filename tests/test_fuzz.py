"""Fuzzing with hypothesis: no generated or mutated input makes the lexer, ingest, the
data-file reader, the rule-file loader or the whole check raise anything but InputError,
and the whole check's output is the same on every run.

Example counts: the lexer 10.000 and the whole check 2.000 in CI (`CI` set, passed on by
tox); 1.000 and 300 otherwise, to keep the local suite quick.  Texts are short so that each example is fast."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.records import InputError

ROOT = Path(__file__).resolve().parent.parent
IN_CI = bool(os.environ.get("CI"))
WHOLE_CHECKS = 2000 if IN_CI else 300
LEXER = 10_000 if IN_CI else 1000
FAST = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = ["GRDP", "tăng", "giảm", "đạt", "bằng", "so với", "năm", "2024", "2025", "2021-2025", "tỷ đồng",
         "triệu", "nghìn", "%", "%/năm", "lần", "kế hoạch", "Nghị quyết", "tỉnh", "Thái Nguyên", "Bắc Kạn",
         "thu ngân sách", "tỷ lệ hộ nghèo", "còn", "khoảng", "trên", "dưới", "bình quân", "¹", "²", "(", ")",
         "-", "–", ";", ",", ".", ":", "|", "\t", "\n", "\n\n", "# ", "- ", "I. ", "1. ", "a) ", "**", "$^{3}$",
         "[^2]", "km²", "ha", "người", "hộ", "xã"]
NUMBERS = st.one_of(
    st.integers(-10**6, 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**9)
      .map(lambda d: str(d).replace(".", ",")),
    st.from_regex(r"\d{1,3}(\.\d{3}){0,4}(,\d{1,3})?", fullmatch=True),
    st.text("0123456789.,¹²³⁴", min_size=1, max_size=12),
)
TOKENS = st.one_of(st.sampled_from(WORDS), NUMBERS, st.text(max_size=6))
TEXTS = st.lists(TOKENS, max_size=40).map(" ".join)
SAMPLE_LINES = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8").splitlines()


@st.composite
def mutated_windows(draw) -> str:
    """A few lines of the sample draft with characters replaced, dropped or inserted."""
    start = draw(st.integers(0, len(SAMPLE_LINES) - 1))
    lines = SAMPLE_LINES[start:start + draw(st.integers(1, 8))]
    text = list("\n".join(lines))
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["replace", "drop", "insert"]))
        ch = draw(st.sampled_from(list("0123456789,.%¹ \n\t|-") + [draw(st.characters())]))
        if action == "replace":
            text[at] = ch
        elif action == "drop":
            del text[at]
        else:
            text.insert(at, ch)
    return "".join(text) + "\n"


@pytest.fixture(scope="module")
def lexer():
    from checker.catalog import load_catalog
    from checker.figures import Lexer

    return Lexer(load_catalog().units)


@pytest.fixture(scope="module")
def bundled():
    from checker.pipeline import load_settings

    return load_settings()


@settings(max_examples=LEXER, **FAST)
@given(text=st.one_of(TEXTS, st.text(max_size=60)))
def test_the_lexer_never_raises(lexer, text):
    for figure in lexer.scan(text):
        assert 0 <= figure.start <= figure.end <= len(text)


@settings(max_examples=1000, **FAST)
@given(text=st.one_of(TEXTS, mutated_windows(), st.text(max_size=200)))
def test_ingest_of_text_and_markdown_never_raises(text):
    from checker.ingest import parse

    for doc in parse("draft.md", text):
        for block in doc.blocks:
            for number, offset in block.markers:
                assert 0 <= offset < len(block.text) and number >= 0


@settings(max_examples=1000, **FAST)
@given(lines=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12), min_size=3,
                      max_size=12))
def test_joining_lines_finds_the_markers_of_the_joined_text(lines):
    """Markers found piece by piece as lines are joined are those of the whole paragraph."""
    from checker.ingest import body_markers, parse

    text = "Đoạn" + "\n".join("t " + line.replace("\n", " ").replace("\r", " ").strip() for line in lines) + "\n"
    for doc in parse("draft.md", text):
        for block in doc.blocks:
            if block.kind in ("paragraph", "list_item"):
                assert block.markers == body_markers(block.text)


@settings(max_examples=500, **FAST)
@given(cells=st.lists(st.tuples(st.sampled_from(["grdp_growth", "poverty_rate", "x", ""]),
                                st.sampled_from(["bac_kan", "Bắc Kạn", "atlantis", ""]),
                                st.sampled_from(["2025", "2021-2025", "20x5", ""]),
                                st.sampled_from(["actual", "target", "baseline", "?"]),
                                st.one_of(NUMBERS, st.text(max_size=8)),
                                st.sampled_from(["%", "%/năm", "tỷ đồng", "lần", "", "??"])), max_size=6))
def test_data_file_rows_never_raise_but_input_errors(cells):
    import csv
    import io

    from checker.datafile import DataReader

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["indicator", "entity", "period", "role", "value", "unit"])
    writer.writerows(cells)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        try:
            DataReader(_catalog()).read(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(path) in str(exc)


RULE_TEXT = (ROOT / "rules" / "checks" / "consistency.yaml").read_text(encoding="utf-8")


@settings(max_examples=500, **FAST)
@given(data=st.data())
def test_rule_file_loading_never_raises_but_input_errors(data):
    from checker.kinds import KINDS
    from checker.rulefile import load_rules

    text = list(RULE_TEXT)
    for _ in range(data.draw(st.integers(1, 5))):
        at = data.draw(st.integers(0, len(text) - 1))
        text[at] = data.draw(st.sampled_from(list(":-[]{}&*!|>'\"#\n 0a") + [data.draw(st.characters())]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rules.yaml"
        path.write_text("".join(text), encoding="utf-8", errors="surrogatepass")
        try:
            load_rules([path], KINDS, _catalog())
        except InputError as exc:
            assert "\n" not in str(exc)


@settings(max_examples=WHOLE_CHECKS, **FAST)
@given(text=st.one_of(TEXTS, mutated_windows()))
def test_the_whole_check_never_raises_but_input_errors(bundled, text):
    from checker.pipeline import check
    from checker.renderers import RENDERERS

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.md"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            report = check([str(path)], bundled)
        except InputError as exc:
            assert "\n" not in str(exc)
            return
        RENDERERS["json"](report)


@settings(max_examples=max(100, WHOLE_CHECKS // 10), **FAST)
@given(first=mutated_windows(), second=st.one_of(TEXTS, mutated_windows()))
def test_the_whole_check_gives_the_same_output_whatever_the_file_order(bundled, first, second):
    from checker.pipeline import check
    from checker.renderers import RENDERERS

    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "a.md", Path(folder) / "b.md"
        a.write_text(first, encoding="utf-8", errors="surrogatepass")
        b.write_text(second, encoding="utf-8", errors="surrogatepass")
        try:
            one = RENDERERS["json"](check([str(a), str(b)], bundled))
        except InputError:
            return
        assert RENDERERS["json"](check([str(b), str(a)], bundled)) == one


_CATALOG = []


def _catalog():
    """The bundled catalog, loaded once (hypothesis forbids function-scoped fixtures)."""
    if not _CATALOG:
        from checker.catalog import load_catalog

        _CATALOG.append(load_catalog())
    return _CATALOG[0]
