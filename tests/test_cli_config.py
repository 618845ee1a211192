"""Which rules run (--select, --ignore, off), the configuration found from a subfolder,
--show-config, and `rules` and `explain` under the configuration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli_inputs import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = str(ROOT / "data" / "sample-draft.md")


def rules_found(out: str) -> set[str]:
    return {f["rule"] for f in json.loads(out)["findings"]}


def rules_run(out: str) -> set[str]:
    return {r["rule"] for r in json.loads(out)["summary"]["rules"]}


@pytest.fixture(scope="module")
def everything() -> dict:
    """The sample draft's JSON report with every rule."""
    from checker.pipeline import check, load_settings
    from checker.renderers import RENDERERS

    return json.loads(RENDERERS["json"](check([SAMPLE], load_settings())))


def test_select_ignore_and_off(tmp_path, monkeypatch, capsys, everything):
    found = {f["rule"] for f in everything["findings"]}
    assert {"RT02", "RT03", "SV01"} <= found  # the sample plants these
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--format", "json", "--select", "rt")
    assert rules_run(out) == {r["rule"] for r in everything["summary"]["rules"] if r["rule"].startswith("RT")}
    assert rules_found(out) == {r for r in found if r.startswith("RT")}
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--format", "json",
                    "--select", "RT", "--select", "SV01", "--ignore", "RT03")
    assert rules_found(out) == {r for r in found if r.startswith("RT") and r != "RT03"} | {"SV01"}
    # the same from the configuration, and a severity set off
    (tmp_path / "checker.toml").write_text('ignore = ["SV01"]\n[severity]\nRT02 = "off"\nRT03 = "info"\n',
                                           encoding="utf-8")
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--format", "json")
    assert rules_found(out) == found - {"SV01", "RT02"}
    assert "RT02" not in rules_run(out) and "SV01" not in rules_run(out)
    assert {f["severity"] for f in json.loads(out)["findings"] if f["rule"] == "RT03"} == {"info"}
    # a flag wins over the file
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--format", "json", "--ignore", "PW")
    assert "SV01" in rules_found(out) and not any(r.startswith("PW") for r in rules_run(out))


def test_a_rule_not_run_may_still_be_named_by_a_suppression(tmp_path, monkeypatch, capsys):
    text = Path(SAMPLE).read_text(encoding="utf-8")
    (tmp_path / "draft.md").write_text(text + "\n<!-- checker-ignore RT01: đã đối chiếu -->\nHết.\n", encoding="utf-8")
    code, out, err = cli(monkeypatch, capsys, tmp_path, "check", "draft.md", "--ignore", "RT01", "--format", "json")
    assert code == 1 and "RT01" not in rules_run(out), err


def test_bad_selection_is_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "checker.toml").write_text('select = ["XX"]\n', encoding="utf-8")
    code, out, err = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--lang", "en")
    assert code == 2 and out == ""
    assert err == f"checker: error: {tmp_path / 'checker.toml'}: select names no rule 'XX' (see `checker rules`)\n"
    (tmp_path / "checker.toml").write_text('[severity]\nRT01 = "loud"\n', encoding="utf-8")
    code, _, err = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE, "--lang", "en")
    assert code == 2 and "severity of RT01 must be one of error, warning, info, off" in err
    code, _, err = cli(monkeypatch, capsys, tmp_path, "check", SAMPLE)
    assert code == 2 and "mức độ của RT01 phải là một trong error, warning, info, off" in err


def test_configuration_is_found_from_a_subfolder_up_to_the_repository_root(tmp_path, monkeypatch, capsys):
    outer = tmp_path / "outer"
    repo = outer / "repo"
    deep = repo / "drafts" / "2025"
    deep.mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.checker]\n[tool.checker.severity]\n'
                                         'RT02 = "info"\n', encoding="utf-8")
    _, out, _ = cli(monkeypatch, capsys, deep, "check", SAMPLE, "--format", "json")
    assert {f["severity"] for f in json.loads(out)["findings"] if f["rule"] == "RT02"} == {"info"}
    # checker.toml wins over pyproject.toml in the same folder; the nearest folder wins
    (deep.parent / "checker.toml").write_text('[severity]\nRT02 = "warning"\n', encoding="utf-8")
    _, out, _ = cli(monkeypatch, capsys, deep, "check", SAMPLE, "--format", "json")
    assert {f["severity"] for f in json.loads(out)["findings"] if f["rule"] == "RT02"} == {"warning"}
    # the walk stops at the repository's root: a file above it is not read
    (deep.parent / "checker.toml").unlink()
    (repo / "pyproject.toml").unlink()
    (outer / "checker.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    code, out, _ = cli(monkeypatch, capsys, deep, "--show-config")
    assert code == 0 and out.startswith("# tệp cấu hình: không tìm thấy\n")
    assert cli(monkeypatch, capsys, deep, "check", SAMPLE)[0] == 1  # not "never"


def test_show_config_says_where_each_setting_came_from(tmp_path, monkeypatch, capsys):
    config = tmp_path / "checker.toml"
    config.write_text('fail-on = "warning"\nexclude = ["old"]\n[severity]\nST03 = "off"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    code, out, _ = cli(monkeypatch, capsys, tmp_path / "sub", "--show-config")
    assert code == 0
    lines = dict(line.split(" = ", 1) for line in out.splitlines()[1:])
    assert out.splitlines()[0] == f"# tệp cấu hình: {config}"
    assert lines["fail-on"] == f'"warning"  # {config}'
    assert lines["severity"] == f'{{ST03 = "off"}}  # {config}'
    assert lines["exclude"] == f'["old"]  # {config}'
    assert lines["select"] == "(mọi quy tắc)  # mặc định"
    # with `check`, the flags given are settings too
    code, out, _ = cli(monkeypatch, capsys, tmp_path / "sub", "check", "--show-config",
                       "--select", "RT,SV01", "--fail-on", "error")
    lines = dict(line.split(" = ", 1) for line in out.splitlines()[1:])
    assert code == 0 and lines["select"] == '["RT", "SV01"]  # --select' and lines["fail-on"] == '"error"  # --fail-on'


def test_rules_and_explain_follow_the_configuration(tmp_path, monkeypatch, capsys):
    (tmp_path / "checker.toml").write_text('ignore = ["PW02"]\n[severity]\nRT02 = "info"\nST03 = "off"\n',
                                           encoding="utf-8")
    code, out, _ = cli(monkeypatch, capsys, tmp_path, "rules", "--lang", "en")
    severity = {line.split()[0]: line.split()[3] for line in out.splitlines()[1:]}
    assert code == 0 and severity["RT02"] == "info" and severity["ST03"] == "off" and severity["PW02"] == "off"
    assert severity["SV01"] == "error"
    code, out, _ = cli(monkeypatch, capsys, tmp_path, "explain", "rt02", "--lang", "en")
    assert code == 0 and out.startswith("RT02 ratio.stated-multiple (stated_ratio, info)")
    assert cli(monkeypatch, capsys, tmp_path, "explain", "ratio.stated-multiple", "--lang", "en")[1] == out
    # --config names another file; the one found is then not read
    other = tmp_path / "other.toml"
    other.write_text('[severity]\nRT02 = "warning"\n', encoding="utf-8")
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "explain", "RT02", "--config", str(other), "--lang", "en")
    assert out.startswith("RT02 ratio.stated-multiple (stated_ratio, warning)")
    _, out, _ = cli(monkeypatch, capsys, tmp_path, "rules", "--config", str(other), "--select", "RT", "--lang", "en")
    assert {line.split()[0] for line in out.splitlines()[1:] if line.split()[3] != "off"} == \
        {"RT01", "RT02", "RT03", "RT04", "RT05", "RT06"}
