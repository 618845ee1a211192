"""Limits on every input, so that no file can exhaust the machine: each has a default and
can be set in the configuration's `[limits]` table (`draft-bytes = 20_000_000`).

The limits in force are those of the last settings loaded (`checker.pipeline.load_settings`
calls `use`); the readers ask `active()` rather than take a parameter because the same
readers serve the command line, the tests and the benchmarks through several layers that
have no other reason to know about limits."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, fields, replace

from checker.i18n import _, whole
from checker.records import InputError


@dataclass(frozen=True)
class Limits:
    draft_bytes: int = 16 * 1024 * 1024  # bytes read from a text, Markdown or converted draft
    data_rows: int = 50_000  # rows of a CSV or XLSX data file
    docx_xml_bytes: int = 32 * 1024 * 1024  # XML unpacked from one part of a Word or Excel file
    pdf_pages: int = 600
    pdf_chars: int = 4_000_000  # characters on all the pages of a PDF
    yaml_bytes: int = 8 * 1024 * 1024  # a rule file or catalog
    yaml_nodes: int = 200_000  # YAML nodes once every alias is expanded (an alias bomb is millions)
    json_depth: int = 64  # nesting of a baseline file
    expression_depth: int = 64  # operators and parentheses in a rule's formula
    format_width: int = 200  # a width or precision in a rule message's `{field:>N}`

    @staticmethod
    def setting(name: str) -> str:
        """The configuration key of a field: `draft_bytes` → `draft-bytes`."""
        return name.replace("_", "-")


KEYS = {Limits.setting(f.name): f.name for f in fields(Limits)}

_ACTIVE: contextvars.ContextVar[Limits] = contextvars.ContextVar("limits", default=Limits())


def active() -> Limits:
    return _ACTIVE.get()


def use(limits: Limits) -> None:
    """Make `limits` the ones in force for the rest of the run."""
    _ACTIVE.set(limits)


def from_table(table: object, where: str) -> Limits:
    """The `[limits]` table of a configuration file, each value a positive whole number."""
    if not isinstance(table, dict):
        raise InputError(_("{file}: [limits] is a table of name = number ({known})").format(file=where, known=", ".join(KEYS)))
    values = {}
    for key, value in table.items():
        if key not in KEYS:
            raise InputError(_("{file}: unknown limit '{key}' (known: {known})").format(file=where, key=key, known=", ".join(KEYS)))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(_("{file}: limit {key} must be a whole number above 0").format(file=where, key=key))
        values[KEYS[key]] = value
    return replace(Limits(), **values)


def exceeded(path: object, found: str, name: str) -> InputError:
    """The error for a file over a limit: names the file, what was found, the limit and
    the setting that raises it."""
    limit = getattr(active(), name)
    return InputError(_("{file}: refused: {found} (limit {limit}: set limits.{setting} in the configuration to "
                        "change it)").format(file=path, found=found, limit=whole(limit), setting=Limits.setting(name)))
