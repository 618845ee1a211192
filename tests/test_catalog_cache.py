"""The disk cache of loaded catalogs and rules: a hit gives what a load gives, and a changed,
corrupt or unwritable cache is never trusted or fatal (checker/catalog_cache.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import catalog_cache, pipeline
from checker.pipeline import check, load_settings
from checker.records import InputError

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample-draft.md"  # a draft with findings


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache folder, and no load kept in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(folder))
    monkeypatch.setattr(pipeline, "_LOADED", {})
    return folder


@pytest.fixture
def catalogs(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    return folder


def _loads_from_files(monkeypatch) -> list:
    """Record each load from the YAML files (a cache miss)."""
    import checker.catalog

    calls = []
    real = checker.catalog.load_catalog
    monkeypatch.setattr(checker.catalog, "load_catalog", lambda *a: calls.append(a) or real(*a))
    return calls


def _settings(catalogs: Path):
    pipeline._LOADED.clear()  # as a new process would start
    return load_settings(catalogs=str(catalogs))


def test_a_second_run_reads_the_cache_and_gets_the_same_report(cache, catalogs, monkeypatch):
    loads = _loads_from_files(monkeypatch)
    first = _settings(catalogs)
    assert len(loads) == 1 and len(list(cache.glob("catalog-*.pickle"))) == 1
    second = _settings(catalogs)
    assert len(loads) == 1, "the second load came from the files, not the cache"
    assert second.catalog is not first.catalog  # read back from disk
    assert [r.id for r in second.rules] == [r.id for r in first.rules]
    assert set(second.catalog.indicators) == set(first.catalog.indicators)
    a, b = check([str(SAMPLE)], first), check([str(SAMPLE)], second)
    assert [f.as_dict() for f in a.findings] == [f.as_dict() for f in b.findings]
    assert a.findings, "the draft must give findings for the comparison to mean anything"
    assert a.facts.equals(b.facts)


def test_a_changed_catalog_file_is_loaded_again(cache, catalogs, monkeypatch):
    loads = _loads_from_files(monkeypatch)
    _settings(catalogs)
    path = catalogs / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Tốc độ tăng trưởng kinh tế (GRDP)", "name: Tăng trưởng GRDP mới", 1),
                    encoding="utf-8")
    settings = _settings(catalogs)
    assert len(loads) == 2
    assert any(i.name == "Tăng trưởng GRDP mới" for i in settings.catalog.indicators.values())


def test_a_changed_rule_file_is_loaded_again(cache, catalogs, monkeypatch):
    loads = _loads_from_files(monkeypatch)
    _settings(catalogs)
    rules = sorted((catalogs / "checks").glob("*.yaml"))[0]
    rules.write_text(rules.read_text(encoding="utf-8").replace("severity: error", "severity: info", 1),
                     encoding="utf-8")
    _settings(catalogs)
    assert len(loads) == 2


def test_a_changed_included_rule_file_is_loaded_again(cache, tmp_path, monkeypatch):
    loads = _loads_from_files(monkeypatch)
    main, included = tmp_path / "main.yaml", tmp_path / "more.yaml"
    main.write_text("include: [more.yaml]\n", encoding="utf-8")
    rule = ("rules:\n  - id: X1\n    name: x\n    kind: plausibility\n    severity: {}\n"
            "    message: m\n    description: d\n")
    included.write_text(rule.format("error"), encoding="utf-8")

    def severity():
        pipeline._LOADED.clear()
        return load_settings(rules=[str(main)]).rules[0].severity

    assert severity() == "error"
    included.write_text(rule.format("info"), encoding="utf-8")
    assert severity() == "info"
    assert len(loads) == 2


def test_a_corrupt_entry_is_ignored_and_replaced(cache, catalogs, monkeypatch):
    loads = _loads_from_files(monkeypatch)
    _settings(catalogs)
    [entry] = cache.glob("catalog-*.pickle")
    for junk in (b"", b"not a pickle", entry.read_bytes()[: entry.stat().st_size // 2]):
        entry.write_bytes(junk)
        assert _settings(catalogs).rules
    assert len(loads) == 4
    _settings(catalogs)  # rewritten by the last load: a hit again
    assert len(loads) == 4


def test_an_entry_under_another_key_is_not_trusted(cache, catalogs, monkeypatch):
    _settings(catalogs)
    [entry] = cache.glob("catalog-*.pickle")
    catalog_cache.write("0" * 64, "what another entry holds")
    shutil.copy(cache / f"catalog-{'0' * 64}.pickle", entry)
    assert catalog_cache.read(entry.stem.removeprefix("catalog-")) is None


def test_an_unwritable_cache_folder_is_no_error(tmp_path, catalogs, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    monkeypatch.setattr(pipeline, "_LOADED", {})
    assert _settings(catalogs).rules
    assert _settings(catalogs).rules


def test_the_cache_can_be_turned_off(tmp_path, catalogs, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", "off")
    monkeypatch.setattr(pipeline, "_LOADED", {})
    loads = _loads_from_files(monkeypatch)
    _settings(catalogs)
    _settings(catalogs)
    assert len(loads) == 2
    assert catalog_cache.cache_dir() is None


def test_other_limits_load_again(cache, catalogs, monkeypatch):
    """A limit applies while the files load: an entry made under other limits is not used."""
    from checker import limits

    loads = _loads_from_files(monkeypatch)
    _settings(catalogs)
    token = limits._ACTIVE.set(limits.Limits(yaml_nodes=10))
    try:
        with pytest.raises(InputError, match=r"limits\.yaml-nodes"):
            pipeline.catalog_and_rules(str(catalogs), None)
    finally:
        limits._ACTIVE.reset(token)
    assert len(loads) == 2


def test_the_cache_lives_in_the_user_cache_folder_not_beside_the_files(tmp_path, catalogs, monkeypatch):
    monkeypatch.delenv("CHECKER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(pipeline, "_LOADED", {})
    assert catalog_cache.cache_dir() == tmp_path / "xdg" / "checker"
    before = sorted(p for p in catalogs.rglob("*"))
    _settings(catalogs)
    assert len(list((tmp_path / "xdg" / "checker").glob("catalog-*.pickle"))) == 1
    assert sorted(p for p in catalogs.rglob("*")) == before


def test_a_cached_catalog_brings_its_tolerant_matchers_pair_index(cache, catalogs):
    """The index of the phrases' word pairs, which tells names that lost their diacritics, is
    built with a tolerant matcher and read back with the catalog, not rebuilt on each run."""
    first = _settings(catalogs).catalog
    second = _settings(catalogs).catalog  # read back from disk
    assert second is not first
    for matcher in (second.indicator_matcher, second.entity_matcher):
        assert matcher._pair_index is not None, "the index was left to be built on first use"
    text = "ty le ho ngheo cua tinh Bac Kan"
    assert second.entity_matcher.damaged_pairs(text) == first.entity_matcher.damaged_pairs(text)
    assert second.indicator_matcher.damaged_pairs(text) == first.indicator_matcher.damaged_pairs(text)
