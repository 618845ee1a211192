"""Configuration: rule severities and the fail threshold, from checker.toml or pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.records import InputError

SEVERITIES = ("error", "warning", "info")
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass
class Config:
    path: str = ""
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str | None = None


def load_config(explicit: str | None = None, folder: Path | None = None) -> Config:
    """`checker.toml` (top-level keys) or `[tool.checker]` in `pyproject.toml`:

        fail-on = "warning"
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
        else:
            raise InputError(f"{path}: unknown setting '{key}'")
    return config


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: bad TOML: {exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}:1:1: not UTF-8 text") from None
