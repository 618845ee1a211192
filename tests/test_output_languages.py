"""Every output read back in both languages, and the terminal's shape: findings then one
summary line, the rules table only with --statistics, no hard wrap when piped, no
highlighting inside a figure, and `--format concise` for grep."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from checker.i18n import LANGS
from checker.messages import finding_message
from tests.test_cli import ROOT, run as run_cli

SAMPLE = "data/sample-draft.md"
HEADINGS = {"vi": ("LỖI (", "CẢNH BÁO ("), "en": ("ERRORS (", "WARNINGS (")}
SUMMARY = {"vi": "số liệu thống kê", "en": "statistics"}


@pytest.fixture(scope="module")
def sample():
    from checker.pipeline import check, load_settings

    return check([str(ROOT / SAMPLE)], load_settings())


def _messages(report, lang):
    return [finding_message(f, lang, report) for f in report.findings]


@pytest.mark.parametrize("lang", LANGS)
def test_json_sarif_codequality_and_junit_read_back(sample, lang):
    from checker.renderers import RENDERERS

    expected = _messages(sample, lang)
    data = json.loads(RENDERERS["json"](sample, lang=lang))
    assert [f["message"] for f in data["findings"]] == expected
    assert set(data["findings"][0]) >= {"rule", "name", "severity", "message", "figures", "suspect", "expected"}
    sarif = json.loads(RENDERERS["sarif"](sample, lang=lang))
    assert [r["message"]["text"] for r in sarif["runs"][0]["results"]] == expected
    quality = json.loads(RENDERERS["codequality"](sample, lang=lang))
    assert [i["description"] for i in quality] == [f"{f.rule} {m}" for f, m in zip(sample.findings, expected)]
    root = ET.fromstring(RENDERERS["junit"](sample, lang=lang))
    failures = "\n".join(el.text or "" for el in root.iter("failure"))
    assert all(m in failures for m in expected)


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_and_terminal_read_back(sample, lang):
    from checker.renderers import RENDERERS

    expected = _messages(sample, lang)
    markdown = RENDERERS["markdown"](sample, lang=lang)
    flat = markdown.replace("\\", "")
    assert all(" ".join(m.split()) in flat for m in expected)
    text = RENDERERS["terminal"](sample, lang=lang)
    assert all(any(line.endswith(m) for line in text.splitlines()) for m in expected)
    assert all(h in text for h in HEADINGS[lang])
    assert SUMMARY[lang] in text.rstrip().splitlines()[-1]
    other = "en" if lang == "vi" else "vi"
    assert not any(h in text for h in HEADINGS[other])


def test_the_terminal_report_has_no_rules_table_unless_asked(sample):
    from checker.renderers import terminal

    plain, full = terminal.render(sample), terminal.render(sample, statistics=True)
    assert "Các quy tắc" not in plain and "SV01" not in plain.split("LỖI")[0]
    assert "Các quy tắc" in full and "consistency.same-fact" in full
    assert len(plain.rstrip().splitlines()[-1]) < 200  # one summary line closes the report


def test_piped_output_is_not_hard_wrapped(sample):
    from checker.renderers import terminal

    text = terminal.render(sample)
    assert max(len(line) for line in text.splitlines()) > 160
    narrow = terminal.render(sample, width=72)
    assert max(len(line) for line in narrow.splitlines()) <= 72


def test_colour_does_not_split_a_figure(sample):
    from checker.renderers import terminal

    text = terminal.render(sample, width=200, color_system="standard")
    assert "\x1b[" in text
    assert "10,4%/năm" in text and "10,9%/năm" in text  # rich's highlighter would colour 10, `,` and 4 apart


def test_verbose_shows_ids_beside_names(sample):
    from checker.renderers import terminal

    plain, verbose = terminal.render(sample), terminal.render(sample, verbose=True)
    assert "bac_kan" not in plain and "[bac_kan]" in verbose
    assert "consistency.same-fact" in verbose


def test_cli_english_and_concise():
    proc = run_cli("check", SAMPLE, "--lang", "en", "--format", "concise")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(re.fullmatch(r"[^:]+:\d+:\d+: [A-Z]{2}\d{2} \S.*", line) for line in lines)
    report = json.loads(run_cli("check", SAMPLE, "--format", "json", "--lang", "en").stdout)
    assert len(lines) == len(report["findings"])
    assert any("differs from" in line for line in lines)


def test_the_configuration_sets_the_language(tmp_path):
    (tmp_path / "checker.toml").write_text('lang = "en"\n', encoding="utf-8")
    draft = str(ROOT / SAMPLE)
    proc = run_cli("check", draft, "--config", str(tmp_path / "checker.toml"), "--format", "json")
    assert "differs from" in proc.stdout
    proc = run_cli("check", draft, "--config", str(tmp_path / "checker.toml"), "--format", "json", "--lang", "vi")
    assert "differs from" not in proc.stdout and " khác " in proc.stdout
    (tmp_path / "bad.toml").write_text('lang = "fr"\n', encoding="utf-8")
    proc = run_cli("check", draft, "--config", str(tmp_path / "bad.toml"))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "lang" in proc.stderr


def test_vietnamese_is_the_default(tmp_path):
    proc = run_cli("check", SAMPLE)
    assert "LỖI (" in proc.stdout and "ERRORS" not in proc.stdout


def test_error_messages_in_both_languages(tmp_path):
    out = tmp_path / "taken.docx"  # -o replaces an older report; --annotate writes only a new file
    out.write_text("x", encoding="utf-8")
    for lang, words in (("vi", "đã tồn tại"), ("en", "already exists")):
        proc = run_cli("check", SAMPLE, "--annotate", str(out), "--lang", lang)
        assert proc.returncode == 2 and words in proc.stderr and proc.stderr.count("\n") == 1
    proc = run_cli("check", SAMPLE, "--config", str(tmp_path / "none.toml"), "--lang", "en")
    assert proc.stderr.strip() == f"checker: error: {tmp_path / 'none.toml'}: no such configuration file"
    proc = run_cli("check", SAMPLE, "--config", str(tmp_path / "none.toml"))
    assert proc.stderr.strip() == f"checker: lỗi: {tmp_path / 'none.toml'}: không có tệp cấu hình này"
    assert out.read_text(encoding="utf-8") == "x"
