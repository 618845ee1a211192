"""Catalogs are checked data: a damaged catalog is one file:line:column error (exit 2), and
the catalogs a run is given are the ones every stage reads."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import FrozenInstanceError

import pytest

from checker.i18n import language

from tests.conftest import assert_vietnamese_error
from tests.conftest import ROOT, header

SAMPLE = str(ROOT / "data" / "sample-draft.md")


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", env=env)


def _catalogs(tmp_path):
    """A copy of the bundled rules folder, to damage."""
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    return folder.resolve()


def _damage(path, old: str, new: str) -> tuple[int, str]:
    """Replace the first `old` in the file; the line it stood on (1-based) and that line now."""
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    line = text.count("\n", 0, at) + 1
    return line, path.read_text(encoding="utf-8").splitlines()[line - 1]


# (file, text replaced, its replacement, column of the error, message after file:line:column)
DAMAGES = [
    ("indicators.yaml", "    aggregation: {kind: weighted_mean, weight: grdp}",
     "    agregation: {kind: weighted_mean, weight: grdp}", 5,
     "indicator '{id}': unknown key 'agregation' (did you mean 'aggregation'?)"),
    ("indicators.yaml", "direction: lower", "direction: lowe", 16,
     "indicator '{id}': direction is 'lowe', expected one of: higher, lower, none"),
    ("indicators.yaml", "    temporal: stock", "    temporal: stok", 15,
     "indicator '{id}': temporal is 'stok', expected one of: stock, flow, rate"),
    ("indicators.yaml", "    aggregation: {kind: additive}", "    aggregation: {kind: sum}", 25,
     "indicator '{id}': aggregation: kind is 'sum', expected one of: additive, weighted_mean, none"),
    ("indicators.yaml", "    unit: dong\n", "    unit: dongs\n", 11,
     "indicator '{id}' names an unknown unit 'dongs'"),
    ("indicators.yaml", "    within: budget_revenue\n", "    within: budget_revenu\n", 13,
     "indicator '{id}' lies within an unknown indicator, or within itself: 'budget_revenu'"),
    ("indicators.yaml", "    within: budget_revenue\n", "    within: budget_revenue_land_use\n", 13,
     "indicator '{id}' lies within an unknown indicator, or within itself: 'budget_revenue_land_use'"),
    ("entities.yaml", "    merged_into:", "    merged_in:", 5,
     "former province '{id}': unknown key 'merged_in' (did you mean 'merged_into'?)"),
    ("entities.yaml", "    type: tỉnh", "    type: tinh", 11,
     "province '{id}': type is 'tinh', expected one of: tỉnh, thành phố"),
    ("entities.yaml", "formers: [ha_giang, tuyen_quang_cu]", "formers: [ha_giang, lao_cai_cu]", 14,
     "province '{id}' names former 'lao_cai_cu', which does not name it back"),
    ("cues.yaml", "  several:", "  severals:", 3,
     "cue catalog: entity: unknown key 'severals' (did you mean 'several'?)"),
    ("cues.yaml", 'share: ["chiếm", "chiếm tỷ lệ", "chiếm khoảng", "bằng", "đạt tỷ lệ"]', 'share: {"chiếm": 1}', 8,
     "cue catalog: share must be a list of text, not a mapping"),
    ("units.yaml", "  nghìn: 1.0e3", "  nghìn: many", 10,
     "unit catalog: scales 'nghìn' is 'many', not a number"),
    ("units.yaml", '"ha": hectare', '"ha": hectar', 9, "unit 'hectar' is not defined in units.txt"),
]


@pytest.mark.parametrize("name, old, new, column, message", DAMAGES, ids=[f"{d[0]}:{d[2].strip()[:30]}" for d in DAMAGES])
def test_a_damaged_catalog_is_one_line_naming_file_line_column(tmp_path, name, old, new, column, message):
    folder = _catalogs(tmp_path)
    line, _ = _damage(folder / name, old, new)
    lines = (folder / name).read_text(encoding="utf-8").splitlines()[:line]
    entry = next((t.split(": ", 1)[1] for t in reversed(lines) if t.startswith("  - id: ")), "")
    proc = _run("check", "--catalogs", str(folder), SAMPLE, "--lang", "en")
    assert proc.returncode == 2, proc.stdout[-500:]
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"checker: error: {folder / name}:{line}:{column}: {message.format(id=entry)}"
    assert proc.stdout == ""
    assert_vietnamese_error(_run("check", "--catalogs", str(folder), SAMPLE).stderr, proc.stderr)


@pytest.mark.parametrize("name", ["indicators.yaml", "entities.yaml", "cues.yaml", "units.yaml"])
def test_an_empty_catalog_file_is_an_error_not_a_traceback(tmp_path, name):
    folder = _catalogs(tmp_path)
    (folder / name).write_text("# nothing here yet\n", encoding="utf-8")
    proc = _run("check", "--catalogs", str(folder), SAMPLE, "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"checker: error: {folder / name}:1:1: empty file: expected a mapping with ")


@pytest.mark.parametrize("name, text, where, message", [
    ("indicators.yaml", "- grdp\n- grdp_growth\n", "1:1", "indicator catalog must be a mapping with indicators, not a list"),
    ("indicators.yaml", "indicators: grdp\n", "1:13", "indicator catalog: indicators must be a list of "),
    ("entities.yaml", "provinces:\n  - Hà Nội\n", "2:5", "entity catalog: provinces[1] must be a mapping with id, name"),
    ("cues.yaml", "just words\n", "1:1", "cue catalog must be a mapping with entity, role, scope, not_period, share, resolve_entity, resolve_period, resolve_role, resolve_clause, resolve_relation, not text"),
])
def test_a_catalog_of_the_wrong_shape_is_an_error(tmp_path, name, text, where, message):
    folder = _catalogs(tmp_path)
    (folder / name).write_text(text, encoding="utf-8")
    proc = _run("check", "--catalogs", str(folder), SAMPLE, "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"checker: error: {folder / name}:{where}: {message}")


NEW_NOUN = "trạm quan trắc"
STATIONS = """  - id: monitoring_stations
    name: Số trạm quan trắc môi trường
    aliases: ["trạm quan trắc môi trường tự động"]
    unit: tram_quan_trac
    aggregation: {kind: additive}
    direction: higher
    temporal: stock
"""


def _facts(csv_text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def test_a_count_noun_added_to_the_catalogs_is_read_by_every_stage(tmp_path):
    folder = _catalogs(tmp_path)
    with open(folder / "units.yaml", "a", encoding="utf-8") as f:
        f.write(f"  {NEW_NOUN}: []\n")
    with open(folder / "indicators.yaml", "a", encoding="utf-8") as f:
        f.write(STATIONS)
    draft = tmp_path / "draft.md"
    draft.write_text(header() + f"Năm 2025, trên địa bàn tỉnh có 120 {NEW_NOUN} môi trường tự động.\n\n"
                                f"Đến cuối năm 2025, toàn tỉnh có 125 {NEW_NOUN} môi trường tự động.\n",
                     encoding="utf-8")

    # With the catalogs given: the lexer reads the unit, the resolver the indicator, and the
    # facts keep the figure as an exact count.
    proc = _run("extract", "--catalogs", str(folder), "--format", "csv", str(draft))
    assert proc.returncode == 0, proc.stderr
    rows = [r for r in _facts(proc.stdout) if r["value"] == "120.0"]
    assert [(r["text"], r["kind"], r["unit"], r["indicator"], r["lo"], r["hi"]) for r in rows] == [
        (f"120 {NEW_NOUN}", "statistic", "tram_quan_trac", "monitoring_stations", "120.0", "120.0")]
    report = _run("check", "--catalogs", str(folder), "--format", "json", "--fail-on", "never", str(draft))
    findings = json.loads(report.stdout)["findings"]
    assert [(f["rule"], [g["text"] for g in f["figures"]]) for f in findings] == [
        ("SV01", [f"120 {NEW_NOUN}", f"125 {NEW_NOUN}"])]

    # With the bundled catalogs the noun is no catalog unit: the whole number counts a noun
    # of its own, named by its first word (exact, unresolved).
    proc = _run("extract", "--format", "csv", str(draft))
    rows = [r for r in _facts(proc.stdout) if r["value"] == "120.0"]
    assert [(r["text"], r["unit"], r["indicator"], r["lo"]) for r in rows] == [
        ("120 trạm quan", "noun_tram", "", "120.0")]
    report = _run("check", "--format", "json", "--fail-on", "never", str(draft))
    assert json.loads(report.stdout)["findings"] == []


def test_the_catalog_is_immutable():
    from checker.catalog import load_catalog

    catalog = load_catalog()
    with pytest.raises(FrozenInstanceError):
        catalog.units = None
    with pytest.raises(TypeError):
        catalog.indicators["grdp"] = None
    with pytest.raises(TypeError):
        catalog.cues["entity"]["former"] = []
    assert isinstance(catalog.cues["entity"]["former"], tuple)
    assert isinstance(catalog.units.count_units, frozenset)
    assert isinstance(catalog.unit_frames["cho"], tuple)


def test_a_changed_catalog_file_is_read_again(tmp_path):
    from checker.catalog import load_catalog

    folder = _catalogs(tmp_path)
    assert "monitoring_stations" not in load_catalog(folder).indicators
    path = folder / "indicators.yaml"
    before = path.stat().st_mtime_ns
    with open(path, "a", encoding="utf-8") as f:
        f.write(STATIONS.replace("tram_quan_trac", "xa"))
    os.utime(path, ns=(before + 10**9, before + 10**9))
    assert "monitoring_stations" in load_catalog(folder).indicators
    assert "tram_quan_trac" not in load_catalog(folder).units.count_units
    path = folder / "units.yaml"
    before = path.stat().st_mtime_ns
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"  {NEW_NOUN}: []\n")
    os.utime(path, ns=(before + 10**9, before + 10**9))
    assert "tram_quan_trac" in load_catalog(folder).units.count_units


def test_the_rules_folder_is_looked_up_when_asked(tmp_path, monkeypatch):
    from checker.catalog import load_catalog, rules_dir

    folder = _catalogs(tmp_path)
    monkeypatch.setenv("CHECKER_RULES", str(folder))
    assert rules_dir() == folder
    assert load_catalog().rules_dir == folder
    monkeypatch.delenv("CHECKER_RULES")
    assert rules_dir() == ROOT / "rules"


def test_a_unit_fits_an_indicator_without_a_resolver():
    from checker.catalog import load_catalog, unit_fit

    catalog = load_catalog()
    grdp_per_head = catalog.indicators["grdp_per_capita"]
    assert unit_fit(catalog.units, "dong", grdp_per_head) == ("dong / nguoi", 1.0)
    assert unit_fit(catalog.units, "dong / nguoi / year", grdp_per_head) == ("dong / nguoi", 1.0)
    assert unit_fit(catalog.units, "percent", grdp_per_head) is None
    assert unit_fit(catalog.units, "parsec", grdp_per_head) is None
    area = next(i for i in catalog.indicators.values() if i.unit == "km2")
    assert unit_fit(catalog.units, "hectare", area) == ("km2", pytest.approx(0.01))


def test_every_cue_list_is_read(tmp_path):
    """A list in cues.yaml that the schema does not declare is an error, not dead data."""
    from checker.catalog import load_catalog
    from checker.records import InputError

    catalog = load_catalog()
    assert set(catalog.cue_matchers) == {"former", "merged", "several", "target", "share", "not_period",
                                        "scope", "labels"}
    folder = _catalogs(tmp_path)
    line, _ = _damage(folder / "cues.yaml", "role:\n", 'role:\n  baseline: ["so với"]\n')
    with language("en"), pytest.raises(InputError, match=rf"cues.yaml:{line + 1}:3: cue catalog: role: unknown key 'baseline'"):
        load_catalog(folder)


def test_catalog_loading_no_longer_goes_through_the_lexer():
    """checker.catalog -> figures -> units -> catalog was an import cycle."""
    code = "import sys, checker.catalog; print(sorted(m for m in sys.modules if m.startswith('checker.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True).stdout
    assert "checker.figures" not in out and "checker.text" in out
