"""Configuration from checker.toml or `[tool.checker]` in pyproject.toml, found by walking up
from the current folder to the repository's root: rule files, catalogs, severities, which
rules run, files left out, the fail threshold and the baseline.  Paths are relative to the
configuration file's folder.  An explicit command-line flag wins over the file, and every
setting remembers where it came from (`checker --show-config`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from checker.i18n import LANGS, N_, gettext
from checker.limits import Limits, from_table
from checker.records import FAIL_LEVELS, SEVERITIES, InputError

OFF = N_("off")  # a severity that turns a rule off
KNOWN = ("fail-on", "severity", "rules", "catalogs", "baseline", "select", "ignore", "exclude", "lang", "jobs",
         "limits", "comment-author")


@dataclass
class Config:
    path: str = ""
    severity: dict[str, str] = field(default_factory=dict)  # rule id → severity, or "off"
    fail_on: str | None = None
    rules: list[str] | None = None  # rule files (globs allowed)
    catalogs: str | None = None  # folder with indicators.yaml, entities.yaml, cues.yaml, units
    baseline: str | None = None
    select: list[str] | None = None  # rule ids or id prefixes to run (None: every rule)
    ignore: list[str] = field(default_factory=list)  # rule ids or id prefixes not to run
    exclude: list[str] = field(default_factory=list)  # globs of files a folder or glob leaves out
    origin: dict[str, str] = field(default_factory=dict)  # setting → where it came from
    lang: str | None = None  # the language of reports and messages: vi or en
    jobs: int | None = None  # processes that read the drafts; default: one per core
    limits: Limits = field(default_factory=Limits)  # [limits]: see checker/limits.py
    comment_author: str | None = None  # the author of --annotate's Word comments

    def with_flags(self, **flags) -> Config:
        """This configuration with the command-line flags given (None: not given) winning."""
        for name, value in flags.items():
            if value is None or value == []:
                continue
            setattr(self, name, value)
            self.origin[name] = "--" + name.replace("_", "-")
        return self


def find_config(folder: Path) -> Path | None:
    """The first checker.toml, or pyproject.toml with a [tool.checker] table, in `folder` or
    above it, stopping at the repository's root (a folder with .git) or the file system's."""
    for place in (folder, *folder.parents):
        if (place / "checker.toml").is_file():
            return place / "checker.toml"
        pyproject = place / "pyproject.toml"
        if pyproject.is_file() and _may_name_checker(pyproject) and _tool_checker(pyproject) is not None:
            return pyproject
        if (place / ".git").exists():
            return None
    return None


def _may_name_checker(pyproject: Path) -> bool:
    """Whether a pyproject.toml found on the way up can hold [tool.checker]: one that never
    spells the name (as is, or in a \\u escape of a quoted key) is not parsed: most are not
    ours, and the TOML parser's import and run are a hundredth of a check."""
    try:
        text = pyproject.read_bytes()
    except OSError:
        return True  # the parser reports it
    return b"checker" in text or b"\\u" in text or b"\\U" in text


def load_config(explicit: str | None = None, folder: Path | None = None) -> Config:
    """`checker.toml` (top-level keys) or `[tool.checker]` in `pyproject.toml`:

        fail-on = "warning"
        rules = ["rules/checks/*.yaml", "local-rules.yaml"]
        catalogs = "rules"
        baseline = "checker-baseline.json"
        select = ["SV", "PW01"]            # ids or id prefixes; default: every rule
        ignore = ["ST03"]
        exclude = ["archive", "*-old.md"]  # files a folder or a glob leaves out
        lang = "en"                         # the reports' language: vi (default) or en
        jobs = 2                            # processes that read the drafts
        comment-author = "Phòng Tổng hợp"    # the author of --annotate's Word comments
        [severity]
        ST03 = "warning"
        TP01 = "off"

    An explicit --config file must exist; otherwise the current folder and those above it
    are looked in (`find_config`)."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(gettext("{file}: no such configuration file").format(file=path))
        section = _read(path)
        if path.name == "pyproject.toml":
            section = _tool_checker(path, section) or {}
    else:
        found = find_config((folder or Path.cwd()).resolve())
        if found is None:
            return Config()
        path = found
        section = _read(path)
        if path.name == "pyproject.toml":
            section = _tool_checker(path)
    config = Config(str(path))
    for key, value in section.items():
        _setting(config, path, key, value)
        config.origin[key.replace("-", "_")] = str(path)
    return config


def _setting(config: Config, path: Path, key: str, value) -> None:
    if key == "severity":
        if not isinstance(value, dict):
            raise InputError(gettext("{file}: [severity] is a table of rule id = severity").format(file=path))
        for rule_id, severity in value.items():
            if severity not in (*SEVERITIES, OFF):
                raise InputError(gettext("{file}: severity of {rule} must be one of {known}").format(
                    file=path, rule=rule_id, known=", ".join((*SEVERITIES, OFF))))
            config.severity[rule_id] = severity
    elif key == "fail-on":
        if value not in FAIL_LEVELS:
            raise InputError(gettext("{file}: fail-on must be one of {known}").format(file=path, known=", ".join(FAIL_LEVELS)))
        config.fail_on = value
    elif key == "rules":
        config.rules = _rule_files(path, _strings(path, key, value))
    elif key in ("select", "ignore", "exclude"):
        setattr(config, key, _strings(path, key, value))
    elif key == "lang":
        if value not in LANGS:
            raise InputError(gettext("{file}: lang must be one of {known}").format(file=path, known=", ".join(LANGS)))
        config.lang = value
    elif key == "comment-author":
        if not isinstance(value, str) or not value.strip():
            raise InputError(gettext("{file}: comment-author is a name").format(file=path))
        config.comment_author = value.strip()
    elif key == "jobs":
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(gettext("{file}: jobs is a whole number of processes, 1 or more").format(file=path))
        config.jobs = value
    elif key == "limits":
        config.limits = from_table(value, str(path))
    elif key in ("catalogs", "baseline"):
        if not isinstance(value, str):
            raise InputError(gettext("{file}: {key} is a path").format(file=path, key=key))
        setattr(config, key, str(path.parent / value))
    else:
        raise InputError(gettext("{file}: unknown setting '{key}' (known: {known})").format(
            file=path, key=key, known=", ".join(KNOWN)))


def _tool_checker(path: Path, data: dict | None = None) -> dict | None:
    """`[tool.checker]` of a pyproject.toml, None when absent; an error when `tool` or
    `tool.checker` is not a table."""
    tool = (_read(path) if data is None else data).get("tool", {})
    if not isinstance(tool, dict):
        raise InputError(gettext("{file}: `tool` is not a table").format(file=path))
    if "checker" not in tool:
        return None
    if not isinstance(tool["checker"], dict):
        raise InputError(gettext("{file}: `tool.checker` is not a table").format(file=path))
    return tool["checker"]


def _strings(path: Path, key: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(gettext("{file}: {key} is a list of strings").format(file=path, key=key))
    return value


def _rule_files(path: Path, patterns: list[str]) -> list[str]:
    files: list[str] = []
    for pattern in patterns:
        if any(ch in pattern for ch in "*?["):
            found = sorted(str(p) for p in path.parent.glob(pattern))
            if not found:
                raise InputError(gettext("{file}: rules pattern '{pattern}' matches no file").format(file=path, pattern=pattern))
            files.extend(found)
        else:
            files.append(str(path.parent / pattern))
    return files


def _read(path: Path) -> dict:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        # tomllib ends its message with the place: put it first, as every error does
        m = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", str(exc))
        at, problem = (f"{path}:{m.group(2)}:{m.group(3)}", m.group(1)) if m else (str(path), str(exc))
        raise InputError(gettext("{at}: bad TOML: {problem}").format(at=at, problem=problem)) from None
    except UnicodeDecodeError:
        raise InputError(gettext("{file}:1:1: not UTF-8 text").format(file=path)) from None


def configured(loaded, config: Config) -> list:
    """Every rule loaded, with the severity in force: the configuration's, else the rule
    file's, or `off` for one that does not run (not selected, ignored, or set off)."""
    known = {r.id for r in loaded}
    for rule_id in config.severity:
        if rule_id not in known:
            raise InputError(gettext("{file}: [severity] names an unknown rule '{rule}'").format(file=config.path, rule=rule_id))
    running = {r.id for r in selected(loaded, config)}
    return [replace(r, severity=config.severity.get(r.id, r.severity) if r.id in running else OFF) for r in loaded]


def selected(rules, config: Config, where: str = "") -> list:
    """The rules that run: those `select` names (all when it is not set), less those
    `ignore` names and those whose severity is off.  Ids are matched in any case, and a
    prefix (`RT`) names every rule whose id starts with it; one that names no rule is an
    error, as a typo would otherwise silently run everything."""
    ids = [r.id for r in rules]
    for name in ("select", "ignore"):
        for pattern in getattr(config, name) or ():
            if not any(_names(pattern, i) for i in ids):
                source = config.origin.get(name, where or gettext("configuration"))
                said = source if source.startswith("--") else f"{source}: {name}"
                raise InputError(gettext("{said} names no rule '{rule}' (see `checker rules`)").format(said=said,
                                                                                                     rule=pattern))
    chosen = [r for r in rules if config.select is None or any(_names(p, r.id) for p in config.select)]
    return [r for r in chosen if not any(_names(p, r.id) for p in config.ignore)
            and config.severity.get(r.id) != OFF]


def _names(pattern: str, rule_id: str) -> bool:
    return rule_id.upper().startswith(pattern.strip().upper()) and bool(pattern.strip())


def describe(config: Config, defaults: dict[str, str]) -> str:
    """The settings in force, one per line, each with where it came from (`--show-config`)."""
    lines = ["# " + gettext("configuration file: {file}").format(file=config.path or gettext("none found"))]
    for f in fields(Config):
        if f.name in ("path", "origin"):
            continue
        value = getattr(config, f.name)
        shown = _toml(value) if value not in (None, [], {}) else defaults.get(f.name, gettext("(not set)"))
        origin = config.origin.get(f.name, gettext("default"))
        lines.append(f"{f.name.replace('_', '-')} = {shown}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml(value) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + "}"
    return str(value)
