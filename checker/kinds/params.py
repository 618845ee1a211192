"""Typed rule parameters: each kind declares a frozen dataclass that its rule files decode into."""

from __future__ import annotations

import enum
import typing
from dataclasses import MISSING, dataclass, fields
from typing import Any, NewType

from checker.i18n import _

IndicatorId = NewType("IndicatorId", str)  # an id of rules/indicators.yaml, checked against the catalog
EntityId = NewType("EntityId", str)  # an id of rules/entities.yaml, checked against the catalog


class Role(str, enum.Enum):
    """The roles a figure can play (the facts table's `role` column)."""

    ACTUAL = "actual"
    TARGET = "target"
    BASELINE = "baseline"
    EVALUATION = "evaluation"
    MARGIN = "margin"


@dataclass(frozen=True)
class NoParams:
    """The parameters of a kind that takes none."""


class ParamError(ValueError):
    """A parameter that does not decode; `key` is the parameter it is in (None: the whole block)."""

    def __init__(self, key: str | None, message: str):
        super().__init__(message)
        self.key = key


def decode(spec: type, raw: dict, kind: str, catalog=None):
    """The `params:` mapping of a rule decoded into the kind's dataclass `spec`: every name
    known, every value of its declared type and, for a mode, one of its allowed values."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ParamError(None, _("params of kind '{kind}' must be a mapping of parameter names to values").format(
            kind=kind))
    hints = typing.get_type_hints(spec)
    names = [f.name for f in fields(spec)]
    values = {}
    for key, value in raw.items():
        if key not in names:
            raise ParamError(key, _("kind '{kind}' has no parameter '{key}' (it takes: {names})").format(
                kind=kind, key=key, names=", ".join(sorted(names)) or _("none")))
        values[key] = _decode(hints[key], value, key, kind, catalog)
    for f in fields(spec):
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING:
            raise ParamError(None, _("kind '{kind}' needs parameter '{key}'").format(kind=kind, key=f.name))
    params = spec(**values)
    for key, problem in getattr(params, "problems", lambda _: [])(catalog):
        raise ParamError(key, problem)
    return params


def _decode(tp, value, key: str, kind: str, catalog):
    def wrong() -> ParamError:
        return ParamError(key, _("parameter '{key}' of kind '{kind}' must be {wanted}, not {value}").format(
            key=key, kind=kind, wanted=describe(tp), value=_shown(value)))

    origin = typing.get_origin(tp)
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(value, list):
            raise wrong()
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, key, kind, catalog) for v in value)
        if len(value) != len(args):
            raise wrong()
        return tuple(_decode(a, v, key, kind, catalog) for a, v in zip(args, value))
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        allowed = [m.value for m in tp]
        if not isinstance(value, str) or value not in allowed:
            raise ParamError(key, _("parameter '{key}' of kind '{kind}' must be one of {known}, not {value}").format(
                key=key, kind=kind, known=", ".join(allowed), value=_shown(value)))
        return tp(value)
    if not isinstance(value, str):
        raise wrong()
    if tp is IndicatorId and catalog is not None and value not in catalog.indicators:
        raise ParamError(key, _("unknown indicator '{name}'").format(name=value))
    if tp is EntityId and catalog is not None and value not in catalog.entities:
        raise ParamError(key, _("unknown entity '{name}'").format(name=value))
    return value


def describe(tp) -> str:
    """What a parameter's type asks for, in words."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a list of {_plural(describe(args[0]))}"
        return f"a list of {len(args)}: " + ", ".join(describe(a) for a in args)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of " + ", ".join(m.value for m in tp)
    return {IndicatorId: "an indicator id", EntityId: "an entity id"}.get(tp, "a text")


def _plural(words: str) -> str:
    if words.startswith("a list"):
        return "lists" + words[len("a list"):]
    if words.startswith("one of"):
        return "values, each " + words
    return words.split(" ", 1)[1] + "s"


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else type(value).__name__


def shown_params(params) -> str:
    """`mode=range, indicators=[a, b]`: a rule's decoded parameters, for `checker explain`."""
    return ", ".join(f"{f.name}={_text(getattr(params, f.name))}" for f in fields(params))


def _text(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_text(v) for v in value) + "]"
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)
