"""Typed records that pass between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, Callable, Mapping

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
    origins: tuple = ()  # a Word or PDF draft: where each line of its text came from (places.LineOrigin)
    issuer: str | None = None  # the issuing body's line (`ỦY BAN NHÂN DÂN TỈNH X`) where no place-and-date line is

    def place(self, line: int, column: int) -> Place:
        """Where (line, column) of the file's text lies: in a Word or PDF draft, its place in
        the original, from the origins its lines were read with."""
        if not self.origins:
            return Place(self.path, line, column)
        if not 1 <= line <= len(self.origins):
            return Place(self.path, line, column, "blank")
        return self.origins[line - 1].place(self.path, line, column)


# --- what the stages from the lexer to the facts table pass on --------------------------

# The figure kinds that state a quantity (the others are years, dates, names, ordinals ...).
STAT_KINDS = ("statistic", "range", "fraction")


@dataclass(frozen=True)
class Figure:
    """A number as written, with its unit, precision interval and qualifiers.  Frozen once
    the lexer made it: a stage that reads it differently makes a new one (dataclasses.replace)."""

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

    def __init__(self, text: str, start: int, end: int, value: float | None, interval: Interval | None,
                 unit: str | None = None, unit_text: str = "", kind: str = "statistic", qualifier: str | None = None,
                 scale: float = 1.0, denominator: float | None = None, denominator_interval: Interval | None = None,
                 label: str | None = None, parts: tuple[float, ...] = ()):
        # (the fields at once: a frozen dataclass's own __init__ sets each through
        # `object.__setattr__`, and the lexer and readers make a figure per number and more)
        self.__dict__.update(text=text, start=start, end=end, value=value, interval=interval, unit=unit,
                             unit_text=unit_text, kind=kind, qualifier=qualifier, scale=scale,
                             denominator=denominator, denominator_interval=denominator_interval, label=label,
                             parts=parts)

    def moved(self, offset: int) -> Figure:
        """The figure `offset` characters further on (a cell's figure placed in its row):
        `dataclasses.replace` without its reading of the class's fields per figure."""
        new = object.__new__(Figure)
        new.__dict__.update(self.__dict__, start=self.start + offset, end=self.end + offset)
        return new


class Evidence(str, Enum):
    """Where a resolved field was read, from the strongest to the weakest, so that a rule
    can ask for a minimum (`Evidence.SENTENCE.at_least(Evidence.CLAUSE)` is False)."""

    DATA = "data"                    # a data file's own column states it
    CLAUSE = "clause"                # the figure's own clause names it
    TABLE_HEADER = "table_header"    # the row label or column heading of the figure's cell
    FOOTNOTE_LINK = "footnote_link"  # the body sentence or figure the footnote's marker follows
    RELATION = "relation"            # a figure it is related to: the total it is listed under, ...
    SENTENCE = "sentence"            # elsewhere in its sentence (before a `;`)
    BLOCK = "block"                  # an earlier sentence of its paragraph or footnote
    HEADING = "heading"              # the heading of its section
    DOCUMENT = "document"            # the document's default: its title, its year, a result
    NONE = "none"                    # not resolved; the reason says why

    @property
    def strength(self) -> int:
        return len(EVIDENCE_ORDER) - EVIDENCE_ORDER.index(self)

    def at_least(self, weakest: "Evidence") -> bool:
        return self.strength >= weakest.strength


EVIDENCE_ORDER = tuple(Evidence)


@dataclass(frozen=True)
class Resolution:
    """One resolved field: its value, where it was read and why."""

    value: str | None
    evidence: Evidence
    reason: str = ""

    def __init__(self, value: str | None, evidence: Evidence, reason: str = ""):
        # (at once, as `Figure`'s: every field settled makes one)
        self.__dict__.update(value=value, evidence=evidence, reason=reason)


UNRESOLVED = Resolution(None, Evidence.NONE)


class RelationKind(str, Enum):
    """How two figures of one text are related, as the text states it."""

    PART_OF = "part_of"          # listed in the breakdown of a total: `905 đảng viên (khiển trách 757, ...)`
    RESTATES = "restates"        # a percentage restating a fraction: `115/121 xã, bằng 95,04%`
    MULTIPLE = "multiple"        # `gấp 1,5 lần`: the multiple of a figure over a base
    CHANGE_FROM = "change_from"  # `tăng từ A lên B`: B changed from A
    ANNOTATES = "annotates"      # a footnote's figure breaks down the body figure its marker follows
    SHARE_OF = "share_of"        # a percentage of the figure before it: `chiếm 92%`, `đạt 100% kế hoạch` (detail: plan)
    STATED_OF = "stated_of"      # `A, bằng P% dự toán (B)`, `A/B tỷ đồng, bằng P%`, `vượt M điểm % so với chỉ tiêu (B)`
    AVERAGE_CHANGE = "average_change"  # `từ A năm X lên B năm Y, bình quân mỗi năm tăng C`


@dataclass(frozen=True)
class Relation:
    """A relation stated on figure `subject` (its position in the resolved list) with the
    figures `others`: the total of a part, the fraction restated, the (numerator,
    denominator) of a multiple, the level a change starts from, the body figure annotated,
    the figure a share is of.  Relations still to be read by a clause grammar (comparison
    with another entity, the base of a comparison, bounds and thresholds) add kinds here."""

    kind: RelationKind
    subject: int
    others: tuple[int, ...]
    detail: str = ""  # a change: up or down; a part: `bound` when its list ends with `…`; stated_of, average_change: the form
    reason: str = ""
    base: str = ""  # stated_of: the base of comparison as written (`dự toán trung ương giao`, `cùng kỳ`)
    span: int = 0  # average_change: the years between its two levels


RESOLVED_FIELDS = ("indicator", "entity", "period", "role")


def _int_column(default=None):
    return field(default=default, metadata={"dtype": "Int64"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the facts table: a draft's figure or a data file's row.  The table's
    columns are these fields, in this order (checker/facts.py documents each)."""

    id: int = 0
    path: str = ""
    doc: int = 0
    doc_kind: str = ""
    block: str = ""
    line: int = 0
    column: int = 0
    text: str = ""
    kind: str = "statistic"
    value: float | None = None
    unit: str | None = None
    unit_text: str = ""
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    qualifier: str = ""
    denominator: float | None = None
    indicator: str | None = None
    entity: str | None = None
    period: str | None = None
    role: str | None = None
    scope: str = ""
    measure: str = ""
    stage: str = ""
    # For a figure no catalog indicator names: what it counts, read from its own clause
    # (`đón | luot`, `sản lượng lúa | tonne`), so that restatements of it can be compared.
    head: str = ""
    label: str | None = None
    footnote: int | None = _int_column()
    anchor_line: int | None = _int_column()
    annotates: int | None = _int_column()
    table: int | None = _int_column()
    row_label: str | None = None
    column_role: str | None = None
    sentence: int = 0
    position: int = 0
    part_of: int | None = _int_column()
    part_bound: bool = False
    restates: int | None = _int_column()
    ratio_num: int | None = _int_column()
    ratio_den: int | None = _int_column()
    change_from: int | None = _int_column()
    change_dir: str | None = None
    of_result: int | None = _int_column()
    of_base: int | None = _int_column()
    of_form: str | None = None
    base: str = ""
    avg_from: int | None = _int_column()
    avg_to: int | None = _int_column()
    avg_years: int | None = _int_column()
    avg_form: str | None = None
    notes: str = ""
    context: str = ""
    suppress: str = ""
    indicator_evidence: str = Evidence.NONE.value
    indicator_reason: str = ""
    entity_evidence: str = Evidence.NONE.value
    entity_reason: str = ""
    period_evidence: str = Evidence.NONE.value
    period_reason: str = ""
    role_evidence: str = Evidence.NONE.value
    role_reason: str = ""


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
    # What the text says, as data (checker/messages.py): renderers word it in the reader's
    # language.  `template` and `why` are catalog msgids with {fields} that `args` fill;
    # `names` holds the catalog name of each indicator and province id (the engine adds it).
    template: str = ""
    args: dict[str, Any] = field(default_factory=dict)
    why: str = ""
    names: dict[str, Any] = field(default_factory=dict)

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


# --- the pipeline's settings, places and report (checker/pipeline.py) ---------------------

SEVERITIES = ("error", "warning", "info")
# --fail-on / fail-on: the severities that make a check fail.
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info"),
               "never": ()}


@dataclass(frozen=True)
class Place:
    """Where a figure stands: its file, line and column in the text the checker read and,
    for a Word or PDF draft or a data file, its place in the original (0: not applicable)."""

    path: str
    line: int
    column: int
    kind: str = "text"  # text | paragraph | table | footnote | page | data | blank
    paragraph: int = 0
    footnote: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0
    page: int = 0
    page_line: int = 0
    offset: int = 0  # characters from the start of the paragraph, footnote, cell or page line


@dataclass(frozen=True)
class Settings:
    """Everything a check depends on besides its inputs (checker.pipeline.load_settings)."""

    catalog: Any  # checker.catalog.Catalog, which carries its units
    rules: tuple  # checker.rulefile.Rule records
    severities: Mapping[str, str] = field(default_factory=dict)  # rule id → severity overriding the rule file's
    fail_on: str = "error"
    baseline: str | None = None  # a baseline file: report only findings not in it
    known_rules: tuple[str, ...] = ()  # every rule loaded, run or not (a suppression may name any)
    jobs: int = 1  # processes that read the drafts (checker/pool.py); 1: read here, one by one


@dataclass(frozen=True)
class BaselineResult:
    file: str
    known: int  # findings found in the baseline, not reported
    gone: int  # baselined findings no longer found


@dataclass(frozen=True)
class Coverage:
    figures: int
    statistics: int
    resolved: int


@dataclass(frozen=True)
class Report:
    """What a check found, as plain data: every renderer works from this alone."""

    inputs: tuple[str, ...]
    findings: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, str], ...]  # with the reason written where it is suppressed
    outcomes: tuple  # checker.kinds.base.Outcome, one per rule
    rules: tuple  # the rules run (SARIF and JUnit describe each)
    coverage: Coverage
    baseline: BaselineResult | None
    places: Mapping[tuple[str, int, int], Place]  # (path, line, column) of each flagged figure → its place
    lines: Mapping[tuple[str, int], str]  # (path, line) of each flagged figure in a draft → that line
    fail_on: str = "error"
    make_facts: Callable[[], Any] | None = None  # makes `facts`, when it is asked for
    documents: tuple[Document, ...] = ()
    no_figures: tuple[str, ...] = ()  # inputs in which no figure was found (an empty file among them)
    texts: Mapping[str, str] = field(default_factory=dict)  # each draft's whole text as read (the HTML document view)

    @cached_property
    def facts(self):
        """The facts table (pandas), for the tests and the benchmarks: made on first use,
        as a check's rules and renderers read the facts' rows without it."""
        return self.make_facts() if self.make_facts is not None else None

    def place(self, fig: Mapping[str, Any]) -> Place | None:
        """The place of a figure named by a finding."""
        return self.places.get((fig.get("path", ""), fig.get("line", 0), fig.get("column", 0)))

    @property
    def failed(self) -> bool:
        """A finding at or above the fail threshold."""
        failing = FAIL_LEVELS[self.fail_on]
        return any(f.severity in failing for f in self.findings)
