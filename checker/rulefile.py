"""Rule files: YAML that configures the rule kinds, validated with file:line:column errors."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.records import SEVERITIES, InputError

REQUIRED = ("id", "name", "kind", "severity", "message", "description")
OPTIONAL = ("params", "link", "examples")


class MarkedDict(dict):
    """A mapping that remembers where each key stood in its file."""

    marks: dict[str, tuple[int, int]]
    mark: tuple[int, int]


class MarkedLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: MarkedLoader, node: yaml.MappingNode) -> MarkedDict:
    result = MarkedDict()
    result.marks = {}
    result.mark = (node.start_mark.line + 1, node.start_mark.column + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise InputError(f"{loader.name}:{key_node.start_mark.line + 1}:{key_node.start_mark.column + 1}: "
                             f"duplicate key '{key}'")
        result[key] = loader.construct_object(value_node, deep=True)
        result.marks[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
    return result


MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class Rule:
    id: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    params: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    line: int = 0
    examples: list = field(default_factory=list)
    column: int = 1


def load_yaml_marked(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such rule file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}:1:1: not UTF-8 text") from None
    loader = MarkedLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise InputError(f"{path}:{where}: bad YAML: {getattr(exc, 'problem', None) or exc}") from None
    finally:
        loader.dispose()


def template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load_rules(paths: list[Path], kinds: dict, catalog=None, _seen: set | None = None) -> list[Rule]:
    """Read rule files (following `include:`), validate every rule, return them in file order."""
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
            raise InputError(f"{path}:1:1: a rule file is a mapping with `rules:` (and optionally `include:`)")
        unknown = set(data) - {"rules", "include"}
        for key in sorted(unknown):
            line, col = data.marks[key]
            raise InputError(f"{path}:{line}:{col}: unknown top-level key '{key}'")
        for inc in data.get("include", []) or []:
            inc_path = (path.parent / inc)
            if not inc_path.exists():
                line, col = data.marks["include"]
                raise InputError(f"{path}:{line}:{col}: included file '{inc}' does not exist")
            for rule in load_rules([inc_path], kinds, catalog, seen):
                if rule.id in ids:
                    raise InputError(f"{rule.path}:{rule.line}:{rule.column}: duplicate rule id '{rule.id}' (also in {ids[rule.id]})")
                ids[rule.id] = rule.path
                rules.append(rule)
        for raw in data.get("rules", []) or []:
            rule = _rule(raw, path, kinds, catalog)
            if rule.id in ids:
                raise InputError(f"{path}:{rule.line}:{rule.column}: duplicate rule id '{rule.id}' (also in {ids[rule.id]})")
            ids[rule.id] = str(path)
            rules.append(rule)
    return rules


def _rule(raw, path: Path, kinds: dict, catalog) -> Rule:
    if not isinstance(raw, MarkedDict):
        raise InputError(f"{path}: each rule is a mapping")
    line, col = raw.mark
    for key in REQUIRED:
        if key not in raw:
            raise InputError(f"{path}:{line}:{col}: rule {raw.get('id', '?')} has no '{key}'")
    for key in raw:
        if key not in REQUIRED and key not in OPTIONAL:
            kl, kc = raw.marks[key]
            raise InputError(f"{path}:{kl}:{kc}: unknown field '{key}' in rule {raw['id']}")
    kind = raw["kind"]
    if kind not in kinds:
        kl, kc = raw.marks["kind"]
        raise InputError(f"{path}:{kl}:{kc}: unknown kind '{kind}' (known: {', '.join(sorted(kinds))})")
    if raw["severity"] not in SEVERITIES:
        kl, kc = raw.marks["severity"]
        raise InputError(f"{path}:{kl}:{kc}: severity must be one of {', '.join(SEVERITIES)}")
    impl = kinds[kind]
    params = raw.get("params") or {}
    for key, value in params.items():
        if key not in impl.params:
            kl, kc = params.marks[key] if isinstance(params, MarkedDict) else (line, col)
            raise InputError(f"{path}:{kl}:{kc}: kind '{kind}' has no parameter '{key}' "
                             f"(it takes: {', '.join(sorted(impl.params)) or 'none'})")
        if catalog is not None and key == "indicators":
            for ind in value:
                if ind not in catalog.indicators:
                    kl, kc = params.marks[key]
                    raise InputError(f"{path}:{kl}:{kc}: unknown indicator '{ind}'")
        if catalog is not None and key == "entities":
            for ent in value:
                if ent not in catalog.entities:
                    kl, kc = params.marks[key]
                    raise InputError(f"{path}:{kl}:{kc}: unknown entity '{ent}'")
    check = getattr(impl, "check_params", None)
    if check is not None:
        for key, problem in check(params, catalog):
            kl, kc = params.marks[key] if isinstance(params, MarkedDict) and key in params.marks else (line, col)
            raise InputError(f"{path}:{kl}:{kc}: {problem}")
    unknown_fields = template_fields(raw["message"]) - set(impl.fields)
    if unknown_fields:
        kl, kc = raw.marks["message"]
        raise InputError(f"{path}:{kl}:{kc}: message uses unknown field(s) {', '.join(sorted(unknown_fields))} "
                         f"(kind '{kind}' offers: {', '.join(sorted(impl.fields))})")
    return Rule(str(raw["id"]), raw["name"], kind, raw["severity"], raw["message"], raw["description"].strip(),
                dict(params), str(path), line, list(raw.get("examples") or []), col)
