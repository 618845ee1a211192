"""Configuration from checker.toml or `[tool.checker]` in pyproject.toml: rule files,
catalogs, severities, the fail threshold and the baseline.  Paths are relative to the
configuration file's folder.  An explicit command-line flag wins over the file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.records import FAIL_LEVELS, SEVERITIES, InputError


@dataclass
class Config:
    path: str = ""
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    rules: list[str] | None = None  # rule files (globs allowed)
    catalogs: str | None = None  # folder with indicators.yaml, entities.yaml, cues.yaml, units
    baseline: str | None = None
    jobs: int | None = None  # processes that read the drafts; default: one per core


def load_config(explicit: str | None = None, folder: Path | None = None) -> Config:
    """`checker.toml` (top-level keys) or `[tool.checker]` in `pyproject.toml`:

        fail-on = "warning"
        rules = ["rules/checks/*.yaml", "local-rules.yaml"]
        catalogs = "rules"
        baseline = "checker-baseline.json"
        jobs = 2
        [severity]
        ST03 = "warning"

    An explicit --config file must exist; otherwise the current folder is looked in."""
    folder = folder or Path.cwd()
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise InputError(f"{path}: no such configuration file")
        section = _read(path)
        if path.name == "pyproject.toml":
            section = section.get("tool", {}).get("checker", {})
    elif (folder / "checker.toml").exists():
        path = folder / "checker.toml"
        section = _read(path)
    elif (folder / "pyproject.toml").exists() and "checker" in _read(folder / "pyproject.toml").get("tool", {}):
        path = folder / "pyproject.toml"
        section = _read(path)["tool"]["checker"]
    else:
        return Config()
    config = Config(str(path))
    for key, value in section.items():
        if key == "severity":
            if not isinstance(value, dict):
                raise InputError(f"{path}: [severity] is a table of rule id = severity")
            for rule_id, severity in value.items():
                if severity not in SEVERITIES:
                    raise InputError(f"{path}: severity of {rule_id} must be one of {', '.join(SEVERITIES)}")
                config.severity[rule_id] = severity
        elif key == "fail-on":
            if value not in FAIL_LEVELS:
                raise InputError(f"{path}: fail-on must be one of {', '.join(FAIL_LEVELS)}")
            config.fail_on = value
        elif key == "rules":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise InputError(f"{path}: rules is a list of rule files (globs allowed)")
            config.rules = _rule_files(path, value)
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"{path}: jobs is a whole number of processes, 1 or more")
            config.jobs = value
        elif key in ("catalogs", "baseline"):
            if not isinstance(value, str):
                raise InputError(f"{path}: {key} is a path")
            setattr(config, key, str(path.parent / value))
        else:
            raise InputError(f"{path}: unknown setting '{key}' (known: fail-on, severity, rules, catalogs, baseline, jobs)")
    return config


def _rule_files(path: Path, patterns: list[str]) -> list[str]:
    files: list[str] = []
    for pattern in patterns:
        if any(ch in pattern for ch in "*?["):
            found = sorted(str(p) for p in path.parent.glob(pattern))
            if not found:
                raise InputError(f"{path}: rules pattern '{pattern}' matches no file")
            files.extend(found)
        else:
            files.append(str(path.parent / pattern))
    return files


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: bad TOML: {exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}:1:1: not UTF-8 text") from None
