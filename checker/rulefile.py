"""Rule files: YAML that configures the rule kinds, validated with file:line:column errors."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.i18n import _, gettext, whole
from checker.kinds.params import NoParams, ParamError, decode
from checker.records import SEVERITIES, InputError

if TYPE_CHECKING:
    from checker.marked_yaml import MarkedDict

REQUIRED = ("id", "name", "kind", "severity", "message", "description")
OPTIONAL = ("params", "link", "examples")


@dataclass(frozen=True)
class Rule:
    """One rule as loaded: fixed from then on (a configured severity makes a new Rule)."""

    id: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    params: Any = field(default_factory=NoParams)  # the kind's parameter dataclass, decoded at load
    path: str = ""
    line: int = 0
    examples: tuple = ()
    column: int = 1
    link: str = ""  # where to read more (shown by `checker explain`)


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load_rules(paths: list[Path], kinds: dict, catalog=None, _seen: set | None = None) -> list[Rule]:
    """Read rule files (following `include:`), validate every rule, return them in file order."""
    from checker.marked_yaml import load_yaml_marked  # not needed when the load is cached

    rules: list[Rule] = []
    ids: dict[str, str] = {}
    seen = _seen if _seen is not None else set()
    for path in paths:
        path = Path(path).resolve()
        if path in seen:
            continue
        seen.add(path)
        data = load_yaml_marked(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise InputError(_("{file}:1:1: a rule file is a mapping with `rules:` (and optionally `include:`)").format(
                file=path))
        unknown = set(data) - {"rules", "include"}
        for key in sorted(unknown):
            line, col = data.marks[key]
            raise InputError(_("{at}: unknown top-level key '{key}'").format(at=f"{path}:{line}:{col}", key=key))
        includes = data.get("include", []) or []
        if isinstance(includes, str):
            includes = [includes]
        for inc in includes:
            line, col = data.marks["include"]
            if not isinstance(inc, str):
                raise InputError(_("{at}: include is a list of rule file names").format(at=f"{path}:{line}:{col}"))
            inc_path = (path.parent / inc).resolve()
            if not inc_path.is_relative_to(path.parent):  # a rule file reaches only its own folder
                raise InputError(_("{at}: included file '{name}' is outside the rule file's folder (name it on the "
                                   "command line instead)").format(at=f"{path}:{line}:{col}", name=inc))
            if not inc_path.exists():
                raise InputError(_("{at}: included file '{name}' does not exist").format(at=f"{path}:{line}:{col}", name=inc))
            for rule in load_rules([inc_path], kinds, catalog, seen):
                if rule.id in ids:
                    raise InputError(_("{at}: duplicate rule id '{rule}' (also in {other})").format(
                        at=f"{rule.path}:{rule.line}:{rule.column}", rule=rule.id, other=ids[rule.id]))
                ids[rule.id] = rule.path
                rules.append(rule)
        for raw in data.get("rules", []) or []:
            rule = _rule(raw, path, kinds, catalog)
            if rule.id in ids:
                raise InputError(_("{at}: duplicate rule id '{rule}' (also in {other})").format(
                    at=f"{path}:{rule.line}:{rule.column}", rule=rule.id, other=ids[rule.id]))
            ids[rule.id] = str(path)
            rules.append(rule)
    return rules


def _rule(raw, path: Path, kinds: dict, catalog) -> Rule:
    from checker.marked_yaml import MarkedDict

    if not isinstance(raw, MarkedDict):
        raise InputError(_("{file}: each rule is a mapping").format(file=path))
    line, col = raw.mark
    for key in REQUIRED:
        if key not in raw:
            raise InputError(_("{at}: rule {rule} has no '{key}'").format(at=f"{path}:{line}:{col}", rule=raw.get("id", "?"),
                                                                            key=key))
    for key in raw:
        if key not in REQUIRED and key not in OPTIONAL:
            kl, kc = raw.marks[key]
            raise InputError(_("{at}: unknown field '{key}' in rule {rule}").format(at=f"{path}:{kl}:{kc}", key=key,
                                                                                      rule=raw["id"]))
    for key in REQUIRED:
        if not isinstance(raw[key], str) and not (key == "id" and isinstance(raw[key], int)):
            kl, kc = raw.marks[key]
            raise InputError(_("{at}: {key} of rule {rule} must be text").format(at=f"{path}:{kl}:{kc}", key=key,
                                                                                   rule=raw["id"]))
    kind = raw["kind"]
    if kind not in kinds:
        kl, kc = raw.marks["kind"]
        raise InputError(_("{at}: unknown kind '{kind}' (known: {known})").format(
            at=f"{path}:{kl}:{kc}", kind=kind, known=", ".join(sorted(kinds))))
    if raw["severity"] not in SEVERITIES:
        kl, kc = raw.marks["severity"]
        raise InputError(_("{at}: severity must be one of {known}").format(at=f"{path}:{kl}:{kc}",
                                                                           known=", ".join(SEVERITIES)))
    impl = kinds[kind]
    raw_params = raw.get("params")
    try:
        params = decode(impl.Params, raw_params, kind, catalog)
    except ParamError as exc:
        if exc.key is not None and isinstance(raw_params, MarkedDict) and exc.key in raw_params.marks:
            kl, kc = raw_params.marks[exc.key]
        else:
            kl, kc = raw.marks["params"] if "params" in raw else (line, col)
        raise InputError(f"{path}:{kl}:{kc}: {exc}") from None
    link = raw.get("link") or ""
    if not isinstance(link, str):
        kl, kc = raw.marks["link"]
        raise InputError(_("{at}: link must be a web address (text)").format(at=f"{path}:{kl}:{kc}"))
    _check_template(raw, path)
    unknown_fields = template_fields(raw["message"]) - set(impl.fields)
    if unknown_fields:
        kl, kc = raw.marks["message"]
        raise InputError(_("{at}: message uses unknown field(s) {fields} (kind '{kind}' offers: {offered})").format(
            at=f"{path}:{kl}:{kc}", fields=", ".join(sorted(unknown_fields)), kind=kind,
            offered=", ".join(sorted(impl.fields))))
    return Rule(str(raw["id"]), raw["name"], kind, raw["severity"], raw["message"], raw["description"].strip(),
                params, str(path), line, tuple(_plain(e) for e in raw.get("examples") or []), col, link)


def _plain(value):
    """YAML as plain dicts and lists, without the places they were read at: a loaded rule
    carries no loader type (the cached rules unpickle without the YAML library)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _check_template(raw: MarkedDict, path: Path) -> None:
    """A message template that Python's formatter can read, with no width or precision
    past the limit (`{values:>999999999}` would build a string of a gigabyte)."""
    from checker import limits

    kl, kc = raw.marks["message"]
    cap = limits.active().format_width
    try:
        parts = list(string.Formatter().parse(raw["message"]))
    except ValueError as exc:
        raise InputError(gettext("{at}: message is not a valid template ({error})").format(
            at=f"{path}:{kl}:{kc}", error=exc)) from None
    for _at, name, spec, _where in parts:
        for number in re.findall(r"\d+", spec or ""):
            if int(number) > cap:
                raise limits.exceeded(f"{path}:{kl}:{kc}", gettext("the field {field} in the message is {count} "
                                                                   "characters wide").format(
                    field="{" + f"{name}:{spec}" + "}", count=whole(int(number))), "format_width")
        if spec and "{" in spec:
            raise InputError(gettext("{at}: the field {field} takes its format from another field; write the "
                                     "format out").format(at=f"{path}:{kl}:{kc}", field="{" + name + "}"))
