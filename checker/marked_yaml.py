"""YAML whose mappings and lists remember where each of their entries stood in the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.i18n import N_, _, os_reason, whole
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
        if not isinstance(key, (str, int, float, bool, type(None))):
            line, col = _place(key_node)
            raise InputError((_("{at}: a key must be a plain word or number, not a list") if isinstance(key, list)
                              else _("{at}: a key must be a plain word or number, not a mapping")).format(
                at=f"{loader.path}:{line}:{col}"))
        if key in result:
            line, col = _place(key_node)
            raise InputError(_("{at}: duplicate key '{key}'").format(at=f"{loader.path}:{line}:{col}", key=key))
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


def expanded_size(root: yaml.Node, cap: int) -> int:
    """How many nodes the document holds once every alias is expanded, counted without
    expanding (each node's size is computed once), stopping early past `cap`."""
    sizes: dict[int, int] = {}
    order, stack = [], [root]
    while stack:  # children before parents, without recursion (a deep document is no error here)
        node = stack.pop()
        if id(node) in sizes:
            continue
        sizes[id(node)] = 0
        order.append(node)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
    for node in reversed(order):
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        else:
            children = []
        sizes[id(node)] = min(cap + 1, 1 + sum(sizes[id(c)] for c in children))
    return sizes[id(root)]


def load_yaml_marked(path: Path, what: str = N_("rule file"), loader: type = MarkedLoader):
    """The YAML document of `path`, with marks; an InputError naming file:line:column if it
    cannot be read (`what` names the file's role in the message), is over the size limit,
    or expands (through aliases) past the node limit."""
    import stat

    from checker import limits

    try:
        info = Path(path).stat()
    except FileNotFoundError:
        raise InputError(_("{file}: no such {what}").format(file=path, what=_(what))) from None
    except OSError as exc:
        raise InputError(_("{file}: cannot read: {reason}").format(file=path, reason=os_reason(exc))) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(_("{file}: not a regular file").format(file=path))
    if info.st_size > limits.active().yaml_bytes:
        raise limits.exceeded(path, _("it is {count} bytes").format(count=whole(info.st_size)), "yaml_bytes")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(_("{file}:1:1: not UTF-8 text").format(file=path)) from None
    if loader is MarkedLoader:
        # The C parser reads a good file faster (start-up of `checker rules`); a broken one
        # is read again by the pure-Python parser, whose messages rule files promise.
        try:
            return _load(FastMarkedLoader, text, path)
        except (yaml.YAMLError, RecursionError):
            pass
    try:
        return _load(loader, text, path)
    except yaml.reader.ReaderError as exc:  # a control character: the reader refuses it as it starts
        before = text[:exc.position]
        line, col = before.count("\n") + 1, exc.position - before.rfind("\n")
        raise InputError(_("{at}: bad YAML: the character #x{code:04x} is not allowed").format(
            at=f"{path}:{line}:{col}", code=exc.character)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise InputError(_("{at}: bad YAML: {problem}").format(at=f"{path}:{where}",
                                                                problem=getattr(exc, "problem", None) or exc)) from None
    except RecursionError:
        raise InputError(_("{file}: refused: its YAML is nested too deeply").format(file=path)) from None


def _load(loader: type, text: str, path: Path):
    """The document, refused when its aliases would expand past the node limit."""
    from checker import limits

    reader = loader(text)
    reader.path = str(path)
    try:
        node = reader.get_single_node()
        if node is None:
            return None
        cap = limits.active().yaml_nodes
        # Without an anchor there is no alias, and a document holds at most two nodes per
        # character (`a:` is a mapping, a key and a null): the walk is needed only where
        # aliases could multiply nodes or the file is long enough to reach the cap itself.
        may_exceed = "&" in text or 2 * len(text) + 1 >= cap
        if may_exceed and expanded_size(node, cap) > cap:
            raise limits.exceeded(path, _("with its aliases expanded it holds more than {count} YAML nodes").format(
                count=whole(cap)), "yaml_nodes")
        return reader.construct_document(node)
    finally:
        reader.dispose()
