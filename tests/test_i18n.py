"""Every text a person reads is in Vietnamese by default and in English on request: the
catalogs cover every message, and each rule kind's findings name provinces and indicators,
give numbers at the figures' own scale with their unit, and place figures in an editor's terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import i18n
from checker.i18n import LANGS, language
from checker.interval import Interval
from checker.messages import (figure_what, finding_expected, finding_explanation, finding_message, format_quantity,
                              period_text, quantity, role_text)
from checker.place_text import figure_place, heading_label

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ("data/sample-draft.md", "data/tuyen-quang-draft.md", "data/phu-tho-draft.txt", "data/hai-phong-draft.txt")


def _msgids() -> set[str]:
    """Every msgid the code and the bundled rule files use, extracted as `pybabel extract` does."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    found = set()
    for _, _, message, *_ in extract_from_dir(str(ROOT), method_map, options_map):
        found.add(message if isinstance(message, str) else message[0])
    return {m for m in found if m}


def test_every_msgid_has_a_text_in_both_catalogs():
    ids = _msgids()
    assert len(ids) > 80  # the extraction found the code's and the rule files' messages
    for lang in LANGS:
        missing = sorted(m for m in ids if not i18n.translated(m, lang))
        assert not missing, f"{lang}: no text for {missing[:5]}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalog_is_that_of_its_po_file(lang):
    """The checker reads checker.mo; after a .po is edited, tools/update_catalogs.py must run."""
    assert i18n.mo_path(lang).read_bytes() == i18n.compile_po(lang), \
        f"{i18n.mo_path(lang)} is stale: run python tools/update_catalogs.py"


def test_every_rule_message_is_extracted():
    from checker.catalog import load_catalog
    from checker.engine import load_default_rules

    ids = _msgids()
    assert all(r.message in ids for r in load_default_rules(load_catalog()))


def test_a_text_without_a_catalog_entry_is_recorded():
    i18n.MISSING.clear()
    with language("vi"):
        assert i18n._("a text no catalog has") == "a text no catalog has"
    assert ("vi", "a text no catalog has") in i18n.MISSING
    i18n.MISSING.clear()


@pytest.fixture(scope="module")
def reports():
    from checker.pipeline import check, load_settings

    settings = load_settings()
    return [check([str(ROOT / d)], settings) for d in DRAFTS]


def test_no_output_uses_a_text_the_catalogs_lack(reports):
    from checker.renderers import RENDERERS

    i18n.MISSING.clear()
    for report in reports:
        for name, render in RENDERERS.items():
            for lang in LANGS:
                render(report, lang=lang, statistics=True, verbose=True)
    assert not i18n.MISSING, sorted(i18n.MISSING)[:5]


def _ids(catalog) -> set[str]:
    return set(catalog.indicators) | set(catalog.entities)


def test_each_rule_kind_speaks_vietnamese_with_names_units_and_places(reports):
    """One finding of each kind: no catalog id in its Vietnamese or English message, every
    quantity with its unit, every figure placed, and the two languages differ."""
    from checker.pipeline import load_settings

    catalog = load_settings().catalog
    ids = _ids(catalog)
    kind_of = {r.id: r.kind for r in load_settings().rules}
    seen: dict[str, tuple] = {}
    for report in reports:
        for f in report.findings:
            seen.setdefault(kind_of[f.rule], (report, f))
    assert set(seen) == {"same_value", "part_whole", "between", "stated_ratio", "shares", "verdict", "structure",
                         "plausibility", "identity", "weighted_mean", "growth", "product"}
    for kind, (report, f) in seen.items():
        vi, en = finding_message(f, "vi", report), finding_message(f, "en", report)
        assert vi != en, kind
        for text in (vi, en):
            words = set(re.findall(r"[a-z_]+", text))
            assert not words & {i for i in ids if "_" in i}, (kind, text)
        for fig in f.figures:
            told = vi + " " + finding_explanation(f, "vi", report)
            assert fig["text"] in told, (kind, fig["text"], told)
            assert figure_place(report, fig, "vi") and "line" not in figure_place(report, fig, "vi")
            if fig.get("entity"):
                name = catalog.entities[fig["entity"]].name
                assert name in figure_what(f, fig, "vi"), kind
        for key, value in f.args.items():
            if isinstance(value, dict) and "q" in value and value["q"]["unit"]:
                shown = format_quantity(value, "vi")
                assert value["q"]["unit"] in shown, (kind, key, shown)


def test_same_fact_message_names_places_in_the_editors_terms(reports):
    sample = reports[0]
    (f,) = [f for f in sample.findings if f.rule == "SV01"]
    assert finding_message(f, "vi", sample) == (
        "Tốc độ tăng giá trị sản xuất công nghiệp Bắc Kạn giai đoạn 2021–2025: 10,9%/năm "
        "(Báo cáo, Phần thứ nhất › 1) khác 10,4%/năm (Báo cáo, Phụ lục, bảng 1, dòng 8)")
    assert finding_message(f, "en", sample) == (
        "Tốc độ tăng giá trị sản xuất công nghiệp of Bắc Kạn in 2021–2025: 10,9%/năm "
        "(Report, Phần thứ nhất › 1) differs from 10,4%/năm (Report, Phụ lục, table 1, row 8)")


def test_expected_values_are_at_the_figures_scale_with_their_unit(reports):
    sample = reports[0]
    by_rule = {f.rule: f for f in sample.findings}
    assert finding_expected(by_rule["RT02"], "vi") == "khoảng 1,50 lần"
    assert finding_expected(by_rule["RT02"], "en") == "about 1,50 lần"
    assert finding_expected(by_rule["ID02"], "vi") == "khoảng 361 nghìn tỷ đồng"
    assert finding_expected(by_rule["BT02"], "vi") == "nằm giữa 62,5 và 119,5 triệu đồng/người (không bằng hai đầu)"
    assert finding_expected(by_rule["PW01"], "vi") == "575 sản phẩm"
    former = "Thái Nguyên (trước hợp nhất)"
    assert former in finding_message(by_rule["BT01"], "vi", sample)
    assert "Thái Nguyên (before the merger)" in finding_message(by_rule["BT01"], "en", sample)


def test_the_suspect_is_named_only_when_there_is_one(reports):
    sample = reports[0]
    even = [f for f in sample.findings if f.suspect is None and len(f.figures) > 1]
    assert even
    for f in even:
        for lang in LANGS:
            text = finding_message(f, lang, sample).lower()
            assert "suspect" not in text and "nghi sai" not in text and "evidence" not in text
    blamed = [f for f in sample.findings if f.suspect is not None and len(f.figures) > 1]
    assert blamed
    for f in blamed:
        suspect = f.figures[f.suspect]
        assert finding_message(f, "vi", sample).endswith(f"; nghi sai: {suspect['text']} "
                                                         f"({figure_place(sample, suspect, 'vi')})")
        assert "; suspect: " + suspect["text"] in finding_message(f, "en", sample)


@pytest.mark.parametrize("iv, like, kwargs, vi, en", [
    (Interval(361.6e12, 361.6e12), {"text": "361,6 nghìn tỷ đồng", "value": 361.6, "lo": 361.55e12, "hi": 361.65e12,
                                   "unit_text": "nghìn tỷ đồng"}, {}, "361,6 nghìn tỷ đồng", "361,6 nghìn tỷ đồng"),
    (Interval(1.4995, 1.5009), {"text": "1,70 lần", "value": 1.7, "lo": 1.695, "hi": 1.705, "unit_text": "lần"}, {},
     "khoảng 1,50 lần", "about 1,50 lần"),
    (Interval(62.5e6, 119.5e6), {"text": "119 triệu đồng", "value": 119.0, "lo": 118.5e6, "hi": 119.5e6,
                                 "unit_text": "triệu đồng"}, {"extra": 1},
     "từ 62,5 đến 119,5 triệu đồng", "from 62,5 to 119,5 triệu đồng"),
    (Interval(46, float("inf"), True), {"text": "46%", "value": 46.0, "lo": 45.5, "hi": 46.5, "unit_text": "%"}, {},
     "trên 46%", "above 46%"),
    (Interval(12345.25, 12345.25), None, {"digits": 2, "unit": "tấn"}, "12.345,25 tấn", "12.345,25 tấn"),
])
def test_quantities_are_written_the_vietnamese_way(iv, like, kwargs, vi, en):
    q = quantity(iv, like=like, **kwargs)
    assert format_quantity(q, "vi") == vi
    assert format_quantity(q, "en") == en


def test_periods_roles_and_headings_in_words():
    assert period_text("2025", "vi") == "năm 2025" and period_text("2025", "en") == "in 2025"
    assert period_text("2021-2025", "vi") == "giai đoạn 2021–2025"
    assert period_text("2025-07-01/2025-09-12", "vi") == "từ 01/7/2025 đến 12/9/2025"
    assert role_text("actual", "vi") == "thực hiện" and role_text("target", "vi") == "mục tiêu"
    assert role_text("target", "en") == "target"
    assert heading_label("Phần thứ nhất KẾT QUẢ NHIỆM KỲ") == "Phần thứ nhất"
    assert heading_label("II. NHIỆM VỤ") == "II" and heading_label("2.1. Kinh tế") == "2.1"
    assert heading_label("a) Nông nghiệp") == "a"
    assert heading_label("PHỤ LỤC 2 KẾT QUẢ CÁC CHỈ TIÊU") == "Phụ lục 2"


def test_an_unknown_language_is_an_input_error():
    from checker.records import InputError

    with pytest.raises(InputError, match="ngôn ngữ không hỗ trợ 'fr'"):
        i18n.check_lang("fr")
    with language("en"), pytest.raises(InputError, match="unknown language 'fr'"):
        i18n.check_lang("fr")


def test_the_catalogs_are_package_data():
    """`pip install .` ships the .po files the checker reads at start (tomllib: the packaging's patterns)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["checker"]
    assert "Babel" in " ".join(config["project"]["dependencies"])
    for lang in LANGS:
        po = Path("locale") / lang / "LC_MESSAGES" / "checker.po"
        assert (ROOT / "checker" / po).is_file() and any(po.match(p) for p in patterns)


@pytest.mark.parametrize("place, vi, en", [
    ({"kind": "table", "table": 2, "row": 5, "cell": 4}, "bảng 2, dòng 5", "table 2, row 5"),
    ({"kind": "footnote", "footnote": 7}, "chú thích 7", "footnote 7"),
    ({"kind": "page", "page": 3, "page_line": 14}, "trang 3", "page 3"),
    ({"kind": "table", "table": 1, "row": 2, "page": 4}, "trang 4, bảng 1, dòng 2", "page 4, table 1, row 2"),
])
def test_word_and_pdf_places_in_the_editors_terms(place, vi, en):
    from checker.place_text import place_text
    from checker.records import Block, Document, Place

    doc = Document("draft.docx", 0, "BÁO CÁO CHÍNH TRỊ", "political_report")
    block = Block("paragraph", "…", 10, 1, section=("Phần thứ nhất KẾT QUẢ", "I. KINH TẾ", "1. Tăng trưởng"))
    where = Place("draft.docx", 10, 1, **place)
    assert place_text(where, "vi", doc, block) == f"Báo cáo chính trị, Phần thứ nhất › I › 1, {vi}"
    assert place_text(where, "en", doc, block) == f"Political report, Phần thứ nhất › I › 1, {en}"


def test_a_word_draft_places_its_figures_as_word_shows_them(tmp_path):
    """The sample as a Word draft: the table row and the footnote come from Word's own
    structure, and read the same as in the text draft."""
    from checker.pipeline import check, load_settings
    from tests.docx_build import markdown_to_docx

    path = markdown_to_docx((ROOT / "data/sample-draft.md").read_text(encoding="utf-8"), tmp_path / "draft.docx")
    report = check([str(path)], load_settings())
    by_rule = {f.rule: f for f in report.findings}
    assert finding_message(by_rule["SV01"], "vi", report).endswith("khác 10,4%/năm (Báo cáo, Phụ lục, bảng 1, dòng 8)")
    places = [figure_place(report, fig, "en") for fig in by_rule["PW01"].figures]
    assert places[1:] == ["Report, Phần thứ nhất › 1, footnote 3"] * 2


# --- error lines, argparse and the command line ------------------------------------------

# What builds an error a user sees; `problems.append` gathers a rule's parameter problems.
ERROR_MAKERS = {"InputError", "ParamError", "ExpressionError", "fail", "exceeded", "_fail", "ValueError", "append"}


def _literal_messages() -> list[str]:
    """Every place in checker/ where an error a user sees is built from a string written in
    the code (a literal or an f-string) rather than a catalog lookup (`_`, `gettext`, …)."""
    import ast

    found = []
    for path in sorted((ROOT / "checker").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in ERROR_MAKERS or (name == "append" and getattr(node.func.value, "id", "") != "problems"):
                continue
            args = [a for arg in node.args for a in (arg.elts if isinstance(arg, ast.Tuple) else [arg])]
            for arg in args:
                # an f-string that only joins a place and a looked-up problem (`{at}: {problem}`) has no words
                parts = [v.value for v in arg.values if isinstance(v, ast.Constant)] if isinstance(arg, ast.JoinedStr) \
                    else [arg.value] if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else []
                if any(re.search(r"[A-Za-z]{2}", part) and (isinstance(arg, ast.JoinedStr) or " " in part)
                       for part in parts):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


# Errors a user never sees: a programming slip caught inside the checker, or a value read
# back by the code (figures.parse_number's callers test the text first).
NOT_SHOWN = {"checker/figures.py", "checker/units.py", "checker/kinds/identity.py"}


def test_every_error_message_is_looked_up_in_the_catalogs():
    """No error a user sees is built from a string written in English in the code: each
    goes through `_`/`gettext` (tests/test_bad_inputs.py checks the lines they give)."""
    literal = [where for where in _literal_messages() if where.split(":")[0] not in NOT_SHOWN or
               not _internal(where)]
    assert not literal, literal


def _internal(where: str) -> bool:
    """The lines of NOT_SHOWN modules whose literal is an internal error."""
    path, line = where.split(":")
    text = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    return any(w in text for w in ("not a Vietnamese number", "not a number: {text!r}", "unexpected node",
                                   "cannot convert", "raise ValueError(definition)"))


def test_argparse_speaks_the_catalogs_language():
    """argparse words its usage, headings and errors through gettext: each text of the
    running Python's argparse has a Vietnamese text, and the parser uses it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_catalogs", ROOT / "tools" / "update_catalogs.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    messages = tool.argparse_msgids()
    ids = [m for m in messages if isinstance(m, str)]
    assert "usage: " in ids and "the following arguments are required: %s" in ids
    missing = [m for m in ids if not i18n.translated(m, "vi")]
    missing += [m[0] for m in messages if not isinstance(m, str) and not i18n.catalog("vi")._catalog.get((m[0], 0))]
    assert not missing, missing
    from checker.cli_args import build_parser

    with language("vi"):
        usage = build_parser().format_help()
    assert usage.startswith(i18n.translated("usage: ", "vi")) and "show this help message" not in usage
    with language("en"):
        assert build_parser().format_help().startswith("usage: ")
