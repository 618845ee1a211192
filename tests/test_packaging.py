"""The installed package carries every rule file and template, so `pip install .` checks
exactly what the checkout checks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_rule_file_is_installed():
    """The top-level rules/ is built into the package as checker/rules, every file of it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    assert setuptools["package-dir"]["checker.rules"] == "rules" and "checker.rules" in setuptools["packages"]
    patterns = setuptools["package-data"]["checker.rules"]
    shipped = [p.relative_to(ROOT / "rules") for p in (ROOT / "rules").rglob("*") if p.is_file()]
    missing = [str(p) for p in shipped if not any(p.match(pat) and len(p.parts) == len(Path(pat).parts)
                                                  for pat in patterns)]
    assert shipped and not missing, f"not installed: {missing}"


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


def _copy_source(dest: Path) -> Path:
    """The files a build reads, copied so that building leaves the checkout untouched."""
    import shutil

    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    for folder in ("checker", "rules"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _sample_findings(command: list[str], cwd: Path, env: dict) -> list:
    """The README's sample check, as JSON findings (exit 1: the sample has planted mistakes)."""
    import json
    import subprocess

    done = subprocess.run([*command, "check", "data/sample-draft.md", "data/sample-data.csv", "--format", "json"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    return json.loads(done.stdout)["findings"]


def _run(*args, env=None, cwd=None) -> str:
    import subprocess

    done = subprocess.run(list(args), env=env, cwd=cwd, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_wheel_and_user_installs_check_the_sample_as_the_checkout_does(tmp_path):
    """A wheel in a fresh virtual environment (then an editable install over it), and
    `pip install --user` into a temporary home, each find the bundled rules and report what
    the checkout reports."""
    import os
    import shutil
    import sys

    work = tmp_path / "work"
    (work / "data").mkdir(parents=True)
    for name in ("sample-draft.md", "sample-data.csv"):
        shutil.copy2(ROOT / "data" / name, work / "data" / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CHECKER_RULES", "PYTHONUSERBASE")}
    expected = _sample_findings([sys.executable, "-m", "checker"], work, {**env, "PYTHONPATH": str(ROOT)})
    assert expected

    (tmp_path / "src").mkdir()
    source = _copy_source(tmp_path / "src")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(source), env=env)
    (wheel,) = (tmp_path / "dist").glob("checker-*.whl")
    base = getattr(sys, "_base_executable", sys.executable)

    venv = tmp_path / "venv"
    _run(base, "-m", "venv", str(venv), env=env)
    _run(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel), env=env)
    where = _run(str(venv / "bin" / "python"), "-c", "import checker.catalog as c; print(c.rules_dir())",
                 env=env, cwd=work)
    assert Path(where.strip()).is_relative_to(venv), where
    assert _sample_findings([str(venv / "bin" / "checker")], work, env) == expected
    # an editable install over it reads the source's top-level rules/
    _run(str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "-e", str(source), env=env)
    where = _run(str(venv / "bin" / "python"), "-c", "import checker.catalog as c; print(c.rules_dir())",
                 env=env, cwd=work)
    assert Path(where.strip()) == source / "rules", where
    assert _sample_findings([str(venv / "bin" / "checker")], work, env) == expected

    # --user needs a Python that sees a user site: a virtual environment over the system one.
    home = tmp_path / "home"
    user_env = {**env, "PYTHONUSERBASE": str(home)}
    uvenv = tmp_path / "uvenv"
    _run(base, "-m", "venv", "--system-site-packages", str(uvenv), env=env)
    _run(str(uvenv / "bin" / "python"), "-m", "pip", "install", "-q", "--user", str(source), env=user_env)
    assert _sample_findings([str(home / "bin" / "checker")], work, user_env) == expected
