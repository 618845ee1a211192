"""YAML whose mappings and lists remember where each of their entries stood in the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.records import InputError


class MarkedDict(dict):
    """A mapping that remembers where each key (`key_marks`) and value (`marks`) stood."""

    marks: dict[str, tuple[int, int]]
    key_marks: dict[str, tuple[int, int]]
    mark: tuple[int, int]


class MarkedList(list):
    """A list that remembers where each item stood (`marks`, in order)."""

    marks: list[tuple[int, int]]
    mark: tuple[int, int]


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _construct_mapping(loader, node: yaml.MappingNode) -> MarkedDict:
    result = MarkedDict()
    result.marks, result.key_marks = {}, {}
    result.mark = _place(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            line, col = _place(key_node)
            raise InputError(f"{loader.path}:{line}:{col}: duplicate key '{key}'")
        result[key] = loader.construct_object(value_node, deep=True)
        result.marks[key] = _place(value_node)
        result.key_marks[key] = _place(key_node)
    return result


def _construct_sequence(loader, node: yaml.SequenceNode) -> MarkedList:
    result = MarkedList(loader.construct_object(child, deep=True) for child in node.value)
    result.marks = [_place(child) for child in node.value]
    result.mark = _place(node)
    return result


class MarkedLoader(yaml.SafeLoader):
    """The pure-Python loader: its messages for broken YAML are the ones rule files promise."""

    path = "?"


# Catalogs are large: the C parser reads them ten times faster, with the same marks.
class FastMarkedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    path = "?"


for _loader in (MarkedLoader, FastMarkedLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml_marked(path: Path, what: str = "rule file", loader: type = MarkedLoader):
    """The YAML document of `path`, with marks; an InputError naming file:line:column if it
    cannot be read (`what` names the file's role in the message)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}:1:1: not UTF-8 text") from None
    if loader is MarkedLoader:
        # The C parser reads a good file faster (start-up of `checker rules`); a broken one
        # is read again by the pure-Python parser, whose messages rule files promise.
        try:
            return _load(FastMarkedLoader, text, path)
        except yaml.YAMLError:
            pass
    try:
        return _load(loader, text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise InputError(f"{path}:{where}: bad YAML: {getattr(exc, 'problem', None) or exc}") from None


def _load(loader: type, text: str, path: Path):
    reader = loader(text)
    reader.path = str(path)
    try:
        return reader.get_single_data()
    finally:
        reader.dispose()
