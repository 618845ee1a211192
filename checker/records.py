"""Typed records that pass between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checker.interval import Interval


class InputError(Exception):
    """Bad input: shown to the user as one line, exit code 2."""


@dataclass
class Block:
    """A unit of a document: heading, paragraph, list item, footnote or table row.

    `text` is the block's text with any leading marker (list bullet, footnote
    number) kept; `offsets` maps each character of `text` back to its
    (line, column) in the file, both 1-based.
    """

    kind: str
    text: str
    line: int
    column: int
    doc: int = 0
    level: int = 0
    section: tuple[str, ...] = ()
    footnote: int | None = None
    markers: list[tuple[int, int]] = field(default_factory=list)
    cells: list[tuple[int, int]] = field(default_factory=list)
    table: int | None = None
    header: tuple[str, ...] = ()
    line_starts: list[tuple[int, int, int]] = field(default_factory=list)
    inferred: bool = False  # a footnote whose number was inferred (its marker was lost)
    in_footnote_area: bool = False  # stands between the halves of a paragraph cut by a page break

    def locate(self, offset: int) -> tuple[int, int]:
        """Line and column (1-based) of the character at `offset` in `text`."""
        line, column = self.line, self.column + offset
        for start, ln, col in self.line_starts:
            if start <= offset:
                line, column = ln, col + (offset - start)
        return line, column


@dataclass
class Document:
    path: str
    index: int
    title: str
    kind: str
    blocks: list[Block] = field(default_factory=list)
    province: str | None = None
    year: int | None = None
    line: int = 1


@dataclass
class Figure:
    """A number as written, with its unit, precision interval and qualifiers."""

    text: str
    start: int
    end: int
    value: float | None
    interval: Interval | None
    unit: str | None = None
    unit_text: str = ""
    kind: str = "statistic"
    qualifier: str | None = None
    scale: float = 1.0
    denominator: float | None = None
    denominator_interval: Interval | None = None
    label: str | None = None
    parts: tuple[float, ...] = ()


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    figures: list[dict[str, Any]]
    suspect: int | None = None
    expected: str | None = None
    imbalance: float | None = None
    explanation: str = ""
    name: str = ""

    def sort_key(self) -> tuple:
        first = self.figures[0] if self.figures else {}
        return (first.get("path", ""), first.get("line", 0), first.get("column", 0), self.rule, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "figures": self.figures,
            "suspect": self.suspect,
            "expected": self.expected,
            "imbalance": self.imbalance,
            "explanation": self.explanation,
        }
