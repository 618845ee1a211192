"""What a run does at start and at exit that it need not: a pyproject.toml that cannot hold
[tool.checker] is not parsed, and the process entry point sets the garbage collector for
one run (`main`, which the tests call, leaves it alone)."""

from __future__ import annotations

import gc

import pytest

from checker import cli
from checker.config import load_config
from checker.records import InputError


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_pyproject_that_never_names_checker_is_not_read(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\nbroken = [\n', encoding="utf-8")
    assert load_config(folder=repo).path == ""


def test_pyproject_naming_checker_is_read_and_its_errors_reported(repo):
    (repo / "pyproject.toml").write_text('[tool.checker]\nfail-on = [\n', encoding="utf-8")
    with pytest.raises(InputError, match="pyproject.toml:"):
        load_config(folder=repo)


def test_pyproject_naming_checker_in_an_escape_is_read(repo):
    (repo / "pyproject.toml").write_text('[tool."\\u0063hecker"]\nfail-on = "never"\n', encoding="utf-8")
    config = load_config(folder=repo)
    assert config.path == str(repo / "pyproject.toml") and config.fail_on == "never"


def test_entry_point_runs_main_and_freezes_what_is_left(capsys):
    threshold = gc.get_threshold()
    try:
        assert cli.run(["--show-config"]) == cli.main(["--show-config"]) == 0
        assert gc.get_freeze_count() > 0 and gc.get_threshold()[0] > threshold[0]
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_main_leaves_the_collector_alone(capsys):
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    cli.main(["--show-config"])
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == frozen
