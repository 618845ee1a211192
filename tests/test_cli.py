"""The command line: exit codes, outputs, and the exact one-line error for each bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import assert_vietnamese_error

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "bad_inputs"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    import os
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env=env)


def bad_cases():
    data = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
    return [pytest.param(c, id=" ".join(c["args"])[:60]) for c in data["inputs"]]


@pytest.mark.parametrize("case", bad_cases())
def test_bad_input_gets_one_line_error(case):
    rel = "tests/bad_inputs"
    args = [a.replace("{dir}", rel) for a in case["args"]]
    proc = run(*args, "--lang", "en")  # the pinned lines are the English ones
    expected = case["error"].replace("{dir}", rel).replace("{abs}", str(BAD))
    assert proc.returncode == 2
    if case.get("prefix"):
        assert proc.stderr.startswith(expected) and proc.stderr.count("\n") == 1
    else:
        assert proc.stderr.strip() == expected
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    vi = run(*args)  # the default language: the same error, in Vietnamese
    assert vi.returncode == 2 and vi.stdout == ""
    assert_vietnamese_error(vi.stderr, proc.stderr)


def test_exit_codes_follow_fail_on():
    assert run("check", "data/sample-draft.md").returncode == 1
    assert run("check", "data/sample-draft.md", "--fail-on", "never").returncode == 0
    clean = run("check", "data/sample-draft.md", "--rules", "rules/checks/ratios.yaml", "--fail-on", "error")
    assert clean.returncode == 1  # the sample plants ratio errors too


def test_clean_draft_exits_zero(tmp_path):
    from tests.conftest import header
    path = tmp_path / "clean.md"
    path.write_text(header() + "Năm 2025 có 144/216 xã đạt chuẩn nông thôn mới, bằng 66,7% số xã.\n", encoding="utf-8")
    proc = run("check", str(path))
    assert proc.returncode == 0, proc.stdout
    assert "Không phát hiện sai lệch nào" in proc.stdout  # Vietnamese by default


def test_json_contract():
    proc = run("check", "--format", "json", "data/sample-draft.md")
    report = json.loads(proc.stdout)
    assert set(report) == {"findings", "summary"}
    for f in report["findings"]:
        assert f["severity"] in ("error", "warning", "info")
        assert isinstance(f["rule"], str) and isinstance(f["message"], str)
        assert f["suspect"] is None or 0 <= f["suspect"] < len(f["figures"])
        for fig in f["figures"]:
            assert set(fig) >= {"path", "line", "column", "text", "value", "unit", "indicator", "entity",
                                "period", "role"}
            assert isinstance(fig["line"], int) and fig["line"] >= 1
            assert isinstance(fig["column"], int) and fig["column"] >= 1
    rules = {r["rule"] for r in report["summary"]["rules"]}
    assert {"SV01", "PW01", "PW02", "BT01", "BT02", "RT01", "RT02", "RT03"} <= rules


def test_locations_point_at_the_figure_as_written():
    proc = run("check", "--format", "json", "data/sample-draft.md")
    lines = (ROOT / "data/sample-draft.md").read_text(encoding="utf-8").splitlines()
    for f in json.loads(proc.stdout)["findings"]:
        for fig in f["figures"]:
            line = lines[fig["line"] - 1]
            assert line[fig["column"] - 1:].startswith(fig["text"]), (fig, line)


def test_output_replaces_an_output_and_never_an_input(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("an older report\n", encoding="utf-8")
    assert run("check", "--format", "json", "-o", str(out), "data/sample-draft.md").returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left
    src = tmp_path / "draft.md"
    src.write_text((ROOT / "data/sample-draft.md").read_text(encoding="utf-8"), encoding="utf-8")
    before = src.read_bytes()
    clash = run("check", "-o", str(src), str(src))
    assert clash.returncode == 2 and "không ghi đè lên tệp đầu vào" in clash.stderr
    assert src.read_bytes() == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_extract_writes_the_facts_table(tmp_path, fmt):
    out = tmp_path / f"facts.{fmt}"
    proc = run("extract", "--format", fmt, "-o", str(out), "data/sample-draft.md")
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        rows = json.loads(text)
        assert {"indicator", "entity", "period", "role", "lo", "hi", "line", "column"} <= set(rows[0])
        assert any(r["indicator"] == "ocop_products" and r["text"] == "580 sản phẩm" for r in rows)
    else:
        assert text.splitlines()[0].startswith("id,path,doc,")
        assert "580 sản phẩm" in text


def test_rules_and_explain():
    listed = run("rules")
    assert listed.returncode == 0
    for rule_id in ("SV01", "PW01", "PW02", "BT01", "BT02", "RT01", "RT02", "RT03"):
        assert rule_id in listed.stdout
    explained = run("explain", "SV01")
    assert explained.returncode == 0
    assert "Quy tắc làm gì" in explained.stdout and "Ví dụ" in explained.stdout  # the kind's documentation too
    assert "What it does" not in explained.stdout
    english = run("explain", "SV01", "--lang", "en")
    assert "What it does" in english.stdout and "Example" in english.stdout
    missing = run("explain", "ZZ99")
    assert missing.returncode == 2 and missing.stderr.startswith("checker: lỗi: không có quy tắc 'ZZ99'")
    english = run("explain", "ZZ99", "--lang", "en")
    assert english.stderr.startswith("checker: error: no rule 'ZZ99'")


def test_severity_override_and_fail_on_from_config(tmp_path):
    config = tmp_path / "checker.toml"
    config.write_text('fail-on = "never"\n[severity]\nRT02 = "info"\n', encoding="utf-8")
    draft = str(ROOT / "data" / "sample-draft.md")
    proc = run("check", "--format", "json", draft, cwd=tmp_path)
    assert proc.returncode == 0  # fail-on = never, from the file
    report = json.loads(proc.stdout)
    assert {f["severity"] for f in report["findings"] if f["rule"] == "RT02"} == {"info"}
    # An explicit flag wins over the file.
    assert run("check", "--fail-on", "error", draft, cwd=tmp_path).returncode == 1
    bad = tmp_path / "bad.toml"
    bad.write_text('[severity]\nZZ99 = "info"\n', encoding="utf-8")
    proc = run("check", "--config", str(bad), draft, cwd=tmp_path)
    assert proc.returncode == 2 and "[severity] nêu quy tắc không có: 'ZZ99'" in proc.stderr


def test_markdown_report_has_every_finding_and_a_well_formed_table():
    import re

    report = json.loads(run("check", "--format", "json", "data/sample-draft.md").stdout)
    md = run("check", "--format", "markdown", "data/sample-draft.md").stdout
    headings = re.findall(r"^### (\S+) ", md, flags=re.M)
    assert sorted(headings) == sorted(f["rule"] for f in report["findings"])
    suspects = sum(1 for f in report["findings"] if f["suspect"] is not None)
    assert md.count("**nghi sai**") == suspects  # "suspect", in Vietnamese by default
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]  # escaped pipes do not split a cell
            assert len(cells) in (4, 8), line


def test_markdown_escapes_draft_text(tmp_path):
    from checker.renderers.markdown import md as _md

    assert _md("a | b `c` <img onerror=x>") == "a \\| b \\`c\\` \\<img onerror=x\\>"


def test_readme_first_command_runs_the_bundled_sample():
    """The README's first command ends with the main job; it must work as written."""
    first = (ROOT / "README.md").read_text(encoding="utf-8").split("```sh\n", 1)[1].splitlines()[0]
    job = first.rsplit("&& checker ", 1)[1].split()
    proc = run(*job)
    assert proc.returncode == 1, proc.stderr  # the planted mismatches are found
    assert "sample-data.csv" in proc.stdout and proc.stderr == ""
