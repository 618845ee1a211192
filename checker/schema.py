"""Declared shapes for YAML data files, checked on marked YAML with one-line file:line:column errors.

A shape is data: `Record(required={...}, optional={...})`, `ListOf(Text())`, `Choice("a", "b")`
and so on.  `validate(data, shape, path)` raises the first mismatch as an InputError.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from checker.i18n import N_, _
from checker.records import InputError

Mark = tuple[int, int]


def _kind_of(value) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    return type(value).__name__


def describe(shape) -> str:
    """What a shape expects, in the language spoken: a composite shape words its own
    description; a plain one's is a msgid."""
    if isinstance(getattr(type(shape), "description", None), property):
        return shape.description
    return _(shape.description)


@dataclass(frozen=True)
class At:
    """Where a value stands (file, line, column) and what it is (`indicator 'gdp': unit`)."""

    path: str
    mark: Mark
    what: str

    def fail(self, problem: str) -> InputError:
        line, col = self.mark
        return InputError(f"{self.path}:{line}:{col}: {problem}")

    def to(self, mark: Mark | None, what: str) -> "At":
        return At(self.path, mark or self.mark, what)


def _item_mark(container, index) -> Mark | None:
    marks = getattr(container, "marks", None)
    if isinstance(marks, dict):
        return marks.get(index)
    if isinstance(marks, list) and index < len(marks):
        return marks[index]
    return None


class Shape:
    description = N_("a value")

    def check(self, value, at: At) -> None:
        raise NotImplementedError

    def wrong(self, value, at: At) -> InputError:
        return at.fail(_("{what} must be {wanted}, not {found}").format(what=at.what, wanted=describe(self),
                                                                        found=_kind_of(value)))


@dataclass(frozen=True)
class Text(Shape):
    """A non-empty string; `pattern`, if given, must match all of it."""

    pattern: str | None = None
    description: str = N_("text")

    def check(self, value, at: At) -> None:
        if not isinstance(value, str) or not value.strip():
            raise self.wrong(value, at)
        if self.pattern and not re.fullmatch(self.pattern, value):
            raise at.fail(_("{what} '{value}' must be {wanted}").format(what=at.what, value=value,
                                                                       wanted=describe(self)))


@dataclass(frozen=True)
class Number(Shape):
    description: str = N_("a number")

    def check(self, value, at: At) -> None:
        if isinstance(value, str):  # YAML 1.1 reads `1.0e15` (no exponent sign) as text
            try:
                float(value)
                return
            except ValueError:
                raise at.fail(_("{what} is '{value}', not a number").format(what=at.what, value=value)) from None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.wrong(value, at)


@dataclass(frozen=True)
class Flag(Shape):
    description: str = N_("true or false")

    def check(self, value, at: At) -> None:
        if not isinstance(value, bool):
            raise self.wrong(value, at)


@dataclass(frozen=True)
class Choice(Shape):
    values: tuple[str, ...] = ()

    def __init__(self, *values: str):
        object.__setattr__(self, "values", values)

    @property
    def description(self) -> str:
        return _("one of: {values}").format(values=", ".join(self.values))

    def check(self, value, at: At) -> None:
        if value not in self.values:
            shown = f"'{value}'" if isinstance(value, str) else _kind_of(value)
            raise at.fail(_("{what} is {found}, expected one of: {values}").format(what=at.what, found=shown,
                                                                                  values=", ".join(self.values)))


@dataclass(frozen=True)
class Nullable(Shape):
    inner: Shape = field(default_factory=Text)

    @property
    def description(self) -> str:
        return _("{inner} or nothing").format(inner=describe(self.inner))

    def check(self, value, at: At) -> None:
        if value is not None:
            self.inner.check(value, at)


@dataclass(frozen=True)
class ListOf(Shape):
    item: Shape = field(default_factory=Text)

    @property
    def description(self) -> str:
        return _("a list of {item}").format(item=describe(self.item))

    def check(self, value, at: At) -> None:
        if not isinstance(value, list):
            raise self.wrong(value, at)
        for i, item in enumerate(value):
            self.item.check(item, at.to(_item_mark(value, i), f"{at.what}[{i + 1}]"))


@dataclass(frozen=True)
class MapOf(Shape):
    """A mapping of free keys (text) to values of one shape."""

    value: Shape = field(default_factory=Text)

    @property
    def description(self) -> str:
        return _("a mapping of text to {value}").format(value=describe(self.value))

    def check(self, value, at: At) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, at)
        key_marks = getattr(value, "key_marks", {})
        for key, item in value.items():
            if not isinstance(key, str) or not key.strip():
                raise at.to(key_marks.get(key), at.what).fail(_("{what}: key {key} must be text").format(
                    what=at.what, key=repr(key)))
            self.value.check(item, at.to(_item_mark(value, key), f"{at.what} '{key}'"))


@dataclass(frozen=True)
class Record(Shape):
    """A mapping with known keys: each required key present, no key outside the two sets.
    `name` and `label` make messages say which entry is wrong (`indicator 'grdp'`)."""

    required: dict[str, Shape] = field(default_factory=dict)
    optional: dict[str, Shape] = field(default_factory=dict)
    name: str = ""
    label: str | None = "id"

    @property
    def description(self) -> str:
        keys = list(self.required) or list(self.optional)
        return _("a mapping with {keys}").format(keys=", ".join(keys)) if keys else _("a mapping")

    def check(self, value, at: At) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, at)
        here = at.to(getattr(value, "mark", None), at.what)
        entry = self._entry_name(value, at.what)
        allowed = {**self.required, **self.optional}
        key_marks = getattr(value, "key_marks", {})
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), list(allowed), n=1)
                hint = _("did you mean '{name}'?").format(name=close[0]) if close else \
                    _("allowed: {keys}").format(keys=", ".join(allowed))
                raise here.to(key_marks.get(key), entry).fail(_("{entry}: unknown key '{key}' ({hint})").format(
                    entry=entry, key=key, hint=hint))
        for key in self.required:
            if key not in value:
                raise here.fail(_("{entry} has no '{key}'").format(entry=entry, key=key))
        for key, item in value.items():
            allowed[key].check(item, here.to(_item_mark(value, key), f"{entry}: {key}"))

    def _entry_name(self, value: dict, fallback: str) -> str:
        if not self.name:
            return fallback
        label = value.get(self.label) if self.label else None
        return f"{_(self.name)} '{label}'" if isinstance(label, str) else _(self.name)


def validate(data, shape: Shape, path) -> None:
    """Check a marked YAML document against its declared shape; raise the first mismatch."""
    at = At(str(path), getattr(data, "mark", (1, 1)), _(getattr(shape, "name", "") or N_("the file")))
    if data is None:
        raise at.fail(_("empty file: expected {wanted}").format(wanted=describe(shape)))
    shape.check(data, at)
