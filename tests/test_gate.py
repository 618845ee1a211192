"""The CI gate: SARIF, JUnit and Code Quality outputs parsed back, the baseline cycle in a
throw-away repository, suppressions, configuration, and byte-identical output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import assert_vietnamese_error
from tests.test_cli import ROOT, run

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"
SAMPLE = ["data/sample-draft.md", "data/sample-data.csv"]


def _out(*args: str, cwd: Path = ROOT) -> str:
    proc = run("check", "--fail-on", "never", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _findings(*paths: str) -> list[dict]:
    return json.loads(_out("--format", "json", *paths))["findings"]


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("the SARIF schema is in ../shared/schemas")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_sarif_validates_against_the_official_schema(sarif_validator):
    sarif = json.loads(_out("--format", "sarif", *SAMPLE))
    errors = sorted(sarif_validator.iter_errors(sarif), key=str)
    assert not errors, errors[0].message
    results = sarif["runs"][0]["results"]
    findings = _findings(*SAMPLE)
    assert len(results) == len(findings) > 0
    rules = [r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]]
    for res, f in zip(results, findings):
        assert res["ruleId"] == f["rule"] and rules[res["ruleIndex"]] == f["rule"]
        assert res["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
        assert len(res["partialFingerprints"]["checkerFinding/v1"]) == 32


@pytest.mark.parametrize("damage", [
    lambda s: s.pop("version"),
    lambda s: s["runs"][0]["results"][0].update(level="fatal"),
    lambda s: s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
    lambda s: s["runs"][0]["tool"]["driver"].pop("name"),
], ids=["no version", "unknown level", "line 0", "tool without name"])
def test_a_damaged_sarif_fails_the_schema(sarif_validator, damage):
    sarif = json.loads(_out("--format", "sarif", *SAMPLE))
    damage(sarif)
    assert list(sarif_validator.iter_errors(sarif))


def test_sarif_fingerprints_ignore_line_numbers(tmp_path):
    draft = tmp_path / "draft.md"
    text = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    draft.write_text(text, encoding="utf-8")
    before = json.loads(_out("--format", "sarif", str(draft)))["runs"][0]["results"]
    head, _, rest = text.partition("\n\n")
    draft.write_text(head + "\n\nMột đoạn mới chen vào đầu văn bản, không có số liệu.\n\n" + rest, encoding="utf-8")
    after = json.loads(_out("--format", "sarif", str(draft)))["runs"][0]["results"]
    lines = lambda rs: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in rs]  # noqa: E731
    prints = lambda rs: sorted(r["partialFingerprints"]["checkerFinding/v1"] for r in rs)  # noqa: E731
    assert lines(after) != lines(before)  # the edit moved every finding ...
    assert prints(after) == prints(before)  # ... and no fingerprint changed


def test_junit_parses_back_one_case_per_rule_and_document():
    from junitparser import JUnitXml

    xml = JUnitXml.fromstring(_out("--format", "junit", *SAMPLE))
    findings = _findings(*SAMPLE)
    rules = {f["rule"] for f in findings}
    suites = {s.name: s for s in xml}
    assert set(suites) == set(SAMPLE)
    n_rules = len(json.loads(_out("--format", "sarif", *SAMPLE))["runs"][0]["tool"]["driver"]["rules"])
    failed = set()
    for name, suite in suites.items():
        cases = list(suite)
        assert len(cases) == n_rules
        for case in cases:
            if not case.is_passed:
                failed.add(case.name.split()[0])
                assert case.result[0].text
    assert failed == rules
    assert sum(s.failures for s in xml) == len({(f["rule"], (f["figures"][f["suspect"] or 0])["path"]) for f in findings})


def test_codequality_parses_back():
    issues = json.loads(_out("--format", "codequality", *SAMPLE))
    findings = _findings(*SAMPLE)
    assert len(issues) == len(findings)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue, f in zip(issues, findings):
        assert issue["check_name"] == f["rule"] and issue["description"].startswith(f["rule"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] in SAMPLE and issue["location"]["lines"]["begin"] >= 1


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(ROOT / "data" / "sample-draft.md", repo / "draft.md")
    shutil.copy(ROOT / "data" / "sample-data.csv", repo / "data.csv")
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "bao-cao"\n\n[tool.checker]\nfail-on = "warning"\nbaseline = "checker-baseline.json"\n',
        encoding="utf-8")
    return repo


def test_gate_cycle_in_a_repository(tmp_path):
    repo = _repo(tmp_path)
    gate = lambda: run("check", "draft.md", "data.csv", cwd=repo)  # noqa: E731
    # No baseline yet: the configured baseline file is missing, and that is said plainly.
    first = gate()
    assert first.returncode == 2 and "checker-baseline.json: không có baseline này" in first.stderr
    assert run("check", "--no-baseline", "draft.md", "data.csv", cwd=repo).returncode == 1  # the planted disagreement
    wrote = run("baseline", "write", "checker-baseline.json", "draft.md", "data.csv", cwd=repo)
    assert wrote.returncode == 0, wrote.stderr
    assert gate().returncode == 0  # every finding is accepted
    assert run("baseline", "write", "checker-baseline.json", "draft.md", "data.csv", cwd=repo).returncode == 2
    # An edit elsewhere moves every line; the gate still passes.
    draft = repo / "draft.md"
    text = draft.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n\n")
    draft.write_text(head + "\n\nĐoạn mở đầu được thêm sau.\n\n" + rest, encoding="utf-8")
    assert gate().returncode == 0
    # A new disagreement with the data file fails the gate again, and only it is reported.
    data = repo / "data.csv"
    data.write_text(data.read_text(encoding="utf-8").replace("forest_cover,bac_kan,2025,actual,\"72,9\"",
                                                             "forest_cover,bac_kan,2025,actual,\"73,9\""),
                    encoding="utf-8")
    proc = run("check", "--format", "json", "draft.md", "data.csv", cwd=repo)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert [f["rule"] for f in report["findings"]] == ["SV01"]
    assert {g["text"] for g in report["findings"][0]["figures"]} == {"73,9%", "72,9%"}
    gone = report["summary"]["baseline"]["gone"]
    assert report["summary"]["baseline"]["known"] > 0
    # Fixing a baselined mismatch is counted as gone.
    draft.write_text(draft.read_text(encoding="utf-8").replace("31,5% số xã", "30,5% số xã"), encoding="utf-8")
    report = json.loads(run("check", "--format", "json", "--fail-on", "never", "draft.md", "data.csv",
                            cwd=repo).stdout)
    assert report["summary"]["baseline"]["gone"] == gone + 1


def test_cli_flag_wins_over_the_configuration(tmp_path):
    repo = _repo(tmp_path)
    (repo / "pyproject.toml").write_text('[tool.checker]\nfail-on = "never"\n', encoding="utf-8")
    assert run("check", "draft.md", cwd=repo).returncode == 0
    assert run("check", "--fail-on", "error", "draft.md", cwd=repo).returncode == 1
    (repo / "checker.toml").write_text('fail-on = "warning"\nrules = ["only/*.yaml"]\n', encoding="utf-8")
    (repo / "only").mkdir()
    shutil.copy(ROOT / "rules" / "checks" / "structure.yaml", repo / "only" / "structure.yaml")
    proc = run("check", "--format", "json", "draft.md", cwd=repo)  # checker.toml wins over pyproject.toml
    assert proc.returncode == 1
    assert {f["rule"] for f in json.loads(proc.stdout)["findings"]} == {"ST01"}
    ratios = str(ROOT / "rules" / "checks" / "ratios.yaml")
    proc = run("check", "--format", "json", "--rules", ratios, "--fail-on", "never", "draft.md", cwd=repo)
    assert {f["rule"] for f in json.loads(proc.stdout)["findings"]} == {"RT01", "RT02", "RT03"}
    (repo / "checker.toml").write_text('catalogs = "nowhere"\n', encoding="utf-8")
    proc = run("check", "draft.md", cwd=repo)
    assert proc.returncode == 2 and "không phải thư mục danh mục" in proc.stderr


def test_suppression_marker_in_a_draft_needs_a_reason(tmp_path):
    draft = tmp_path / "draft.md"
    text = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    target = "bằng 31,5% số xã."
    assert target in text
    draft.write_text(text.replace(target, target + " <!-- checker-ignore RT01: số liệu đã được Sở xác nhận -->"),
                     encoding="utf-8")
    report = json.loads(_out("--format", "json", str(draft)))
    assert "RT01" not in {f["rule"] for f in report["findings"]}
    assert report["summary"]["suppressed"] == 1
    assert report["suppressed"][0]["reason"] == "số liệu đã được Sở xác nhận"
    # The marker is not read as figures.
    assert len(report["findings"]) == len(_findings("data/sample-draft.md")) - 1
    # Alone on its line, a marker covers the next line with text.
    draft.write_text(text.replace("Về nông thôn mới", "<!-- checker-ignore all: đã rà soát -->\n\nVề nông thôn mới"),
                     encoding="utf-8")
    assert json.loads(_out("--format", "json", str(draft)))["summary"]["suppressed"] == 1
    for bad, why in [("<!-- checker-ignore RT01 -->", "needs a reason"),
                     ("<!-- checker-ignore XX99: lý do -->", "unknown rule 'XX99'"),
                     ("<!-- checker-ignore: lý do -->", "names rule ids")]:
        draft.write_text(text.replace(target, target + " " + bad), encoding="utf-8")
        proc = run("check", str(draft), "--lang", "en")
        assert proc.returncode == 2, proc.stderr
        err = proc.stderr.strip()
        assert len(err.splitlines()) == 1 and why in err and f"{draft}:" in err, err
        assert_vietnamese_error(run("check", str(draft)).stderr, proc.stderr)


def test_suppression_column_in_a_data_file(tmp_path):
    data = tmp_path / "data.csv"
    rows = (ROOT / "data" / "sample-data.csv").read_text(encoding="utf-8").splitlines()
    rows[0] += ",suppress"
    rows = [rows[0]] + [r + ("," + '"SV01: trường mới thành lập sau kỳ báo cáo"' if "boarding_schools,bac_kan" in r else ",")
                        for r in rows[1:]]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = json.loads(_out("--format", "json", "data/sample-draft.md", str(data)))
    assert report["summary"]["suppressed"] == 1
    assert report["suppressed"][0]["reason"] == "trường mới thành lập sau kỳ báo cáo"
    sarif = json.loads(_out("--format", "sarif", "data/sample-draft.md", str(data)))
    marked = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert len(marked) == 1 and marked[0]["suppressions"][0]["kind"] == "inSource"


def test_output_is_byte_identical_whatever_the_hash_seed_and_file_order():
    outputs = []
    for seed, paths in (("1", SAMPLE), ("4242", SAMPLE[::-1])):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        for fmt in ("json", "sarif"):
            proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", fmt, "--fail-on", "never",
                                   *paths], cwd=ROOT, capture_output=True, env=env)
            assert proc.returncode == 0, proc.stderr
            outputs.append((fmt, proc.stdout))
    assert outputs[0] == outputs[2] and outputs[1] == outputs[3]


def test_configured_catalogs_are_the_ones_used(tmp_path):
    import yaml

    repo = _repo(tmp_path)
    cat = repo / "catalogs"
    cat.mkdir()
    for name in ("entities.yaml", "cues.yaml", "units.yaml", "units.txt"):
        shutil.copy(ROOT / "rules" / name, cat / name)
    indicators = yaml.safe_load((ROOT / "rules" / "indicators.yaml").read_text(encoding="utf-8"))
    indicators["indicators"] = [i for i in indicators["indicators"] if i["id"] != "boarding_schools"]
    (cat / "indicators.yaml").write_text(yaml.safe_dump(indicators, allow_unicode=True), encoding="utf-8")
    (repo / "checker.toml").write_text('catalogs = "catalogs"\n', encoding="utf-8")
    proc = run("check", "data.csv", cwd=repo)
    assert proc.returncode == 2 and "không có chỉ tiêu 'boarding_schools'" in proc.stderr, proc.stderr
    assert run("check", "--catalogs", str(ROOT / "rules"), "--fail-on", "never", "data.csv", cwd=repo).returncode == 0
