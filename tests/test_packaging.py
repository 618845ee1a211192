"""The installed package carries every rule file and template, so `pip install .` checks
exactly what the checkout checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_file_is_installed():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = {f for files in config["tool"]["setuptools"]["data-files"].values() for f in files}
    shipped = {str(p.relative_to(ROOT)) for p in (ROOT / "rules").rglob("*") if p.is_file()}
    assert shipped <= listed, f"not installed: {sorted(shipped - listed)}"


def test_templates_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["checker"]
    templates = [p for p in (ROOT / "checker" / "templates").iterdir() if p.is_file()]
    assert templates and all(any(p.match(pat) for pat in patterns) for p in
                             (t.relative_to(ROOT / "checker") for t in templates))


def test_pre_commit_hook_runs_the_installed_command_on_drafts_and_data_files():
    import re

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
    command, sub = hook["entry"].split()[:2]
    assert command in config["project"]["scripts"] and sub == "check"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("draft.md", "a.txt", "b.docx", "c.pdf", "d.csv", "e.xlsx"))
    assert not files.search("script.py")
    assert hook["require_serial"] is True  # cross-file rules need every file in one run


def test_every_subpackage_is_installed():
    """setuptools installs only the packages listed: a new one left out breaks `pip install .`."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    assert found <= set(config["tool"]["setuptools"]["packages"]), sorted(found)
