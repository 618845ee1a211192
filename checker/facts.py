"""Facts: one pandas table, one row per figure, the meeting point of text and data files.

The columns are the fields of `checker.records.Fact`, the one schema the drafts' figures
and the data files' rows (checker/datafile.py) are both written in.

Schema (one row per figure; `lo`/`hi` are in `unit`, scale words applied):

| column       | meaning                                                                 |
|--------------|-------------------------------------------------------------------------|
| id           | row number, stable for a given input                                    |
| path         | input file                                                              |
| doc          | index of the document inside the file (0 = front matter)                |
| doc_kind     | political_report, review, resolution, report, data ...                 |
| block        | paragraph, list_item, footnote, table_row, data_row                     |
| line, column | 1-based position of the figure's first character                        |
| text         | the figure exactly as written (`trên 46%`, `10,9%/năm`)                 |
| kind         | statistic, range, fraction or label (an evaluation word)                |
| value        | the stated number (numerator of a fraction), before scale words         |
| unit         | the unit the figure is kept in (a name from rules/units.txt)            |
| unit_text    | the unit as written                                                     |
| lo, hi       | the interval the figure stands for; lo_open/hi_open for open ends       |
| qualifier    | gt, ge, lt, le, about, nearly, estimate, range or empty                 |
| denominator  | for a fraction `115/121`, the 121                                       |
| indicator    | indicator id from rules/indicators.yaml, or empty                       |
| entity       | province id from rules/entities.yaml, or empty                          |
| period       | `2025`, `2021-2025` or `2025-07-01/2025-09-12`, or empty                |
| role         | actual, target, baseline or evaluation                                  |
| scope        | urban, rural, fdi ... when the figure covers part of the whole          |
| measure      | `share` when the figure is a share of a whole (`chiếm 8%`); `contribution` for a sector's contribution in points to a growth rate |
| stage        | `outturn` (`quyết toán`, `thực hiện năm …`), `estimate` (`ước thực hiện`, `dự kiến cả năm`) or `plan` (`dự toán`, `kế hoạch`), as the words before the figure name it; empty when they name none |
| head         | for a figure with no catalog indicator: its own key, the normalised head phrase of its clause, `|`, its unit and the words that narrow it (`đón | luot`, `khai thác | tonne`); empty when the clause gives none |
| label        | for an evaluation word: exceeded, met, missed, positive                 |
| footnote     | number of the footnote the figure stands in                             |
| anchor_line  | for a footnote figure, the line of the marker it annotates              |
| annotates    | for a footnote figure, id of the body figure its marker follows         |
| table, row_label, column_role | for table cells                                        |
| sentence, position | sentence index in its block and character offset in the block     |
| part_of      | id of the total this figure is listed under (`905 đảng viên (khiển trách 757, ...)`) |
| part_bound   | the list ends with `…`: its sum only bounds the total                   |
| restates     | for a percentage, id of the fraction it restates (`115/121 xã, bằng 95,04%`) |
| ratio_num, ratio_den | for a multiplier `gấp 1,5 lần`, ids of the two figures it relates |
| change_from  | for `tăng từ A lên B`, on B: id of A; change_dir is up or down         |
| of_result, of_base, of_form | for `A, bằng P% dự toán (B)` / `A/B tỷ đồng, bằng P%` / `vượt M điểm % so với chỉ tiêu (B)`, on P or M: ids of A and B, and the form (of, over, under: P = 100·A/B, 100·A/B − 100, 100 − 100·A/B; above, below: M = A − B, B − A) |
| base         | the base a percentage of plan or a margin is stated against (`dự toán trung ương giao`, `kế hoạch`, `cùng kỳ`), as written, lower-case; figures of different bases are different facts |
| avg_from, avg_to, avg_years, avg_form | for `từ A năm X lên B năm Y, bình quân mỗi năm tăng C`, on C: ids of A and B, Y − X, and the form (points_up/down, compound_up/down) |
| notes        | why a field was left blank (ambiguity is reported, not guessed)          |
| context      | the text around the figure, for people reading the table                |
| suppress     | why findings on this figure are suppressed (a data file's column, a marker in a draft), or empty |
| indicator_evidence, indicator_reason | where the indicator was read (clause, sentence, block, heading, table_header, footnote_link, relation, document, data, or none) and why |
| entity_evidence, entity_reason, period_evidence, period_reason, role_evidence, role_reason | the same for the province, the period and the role |

Rows of a data file (checker/datafile.py) have doc_kind `data`, block `data_row`, the
file's row as `line` and the value's column as `column`.
"""

from __future__ import annotations

import gc
import sys
from collections import namedtuple
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Callable

from checker.interval import Interval
from checker.records import RESOLVED_FIELDS, Document, Fact, InputError, RelationKind
from checker.resolve import STAT_KINDS, Resolved

COLUMNS = [f.name for f in fields(Fact)]
FIELD_NAMES = tuple(COLUMNS)
# A draft's row as `_fact` makes it: Fact's fields, in order, as a tuple.  A frozen record
# sets each of its 63 fields through a guarded `object.__setattr__`, which made building
# the rows cost more than reading them; the table reads either by attribute.
FactRow = namedtuple("FactRow", COLUMNS, defaults=[f.default for f in fields(Fact)])
INT_COLUMNS = [f.name for f in fields(Fact) if f.metadata.get("dtype") == "Int64"]
_INTS = frozenset(INT_COLUMNS)
# Each resolved field with its evidence and reason columns.
EVIDENCE_COLUMNS = tuple((name, sys.intern(f"{name}_evidence"), sys.intern(f"{name}_reason"))
                         for name in RESOLVED_FIELDS)
# The columns that name another row by its id (the relations `_relation_columns` writes).
ROW_REFERENCES = ("annotates", "part_of", "restates", "ratio_num", "ratio_den", "change_from", "of_result",
                  "of_base", "avg_from", "avg_to")


# The columns `_relation_columns` may set after `position`, with their defaults, in order.
_RELATION_DEFAULTS = tuple((c, FactRow._field_defaults[c])
                           for c in COLUMNS[COLUMNS.index("part_of"):COLUMNS.index("notes")])
_NO_RELATIONS = tuple(d for _, d in _RELATION_DEFAULTS)
# The columns in the order `_fact` gives their values.
_LAYOUT = ("id", "path", "doc", "doc_kind", "block", "line", "column", "text", "kind", "value", "unit", "unit_text",
           "lo", "hi", "lo_open", "hi_open", "qualifier", "denominator", "indicator", "entity", "period", "role",
           "scope", "measure", "stage", "head", "label", "footnote", "anchor_line", "annotates", "table", "row_label",
           "column_role", "sentence", "position", *(c for c, _ in _RELATION_DEFAULTS), "notes", "context", "suppress",
           *(c for names in EVIDENCE_COLUMNS for c in names[1:]))
if _LAYOUT != FactRow._fields:  # a field of Fact added or moved: `_fact` must give it in its place
    raise ImportError(f"facts._fact gives the columns {_LAYOUT}, not Fact's {FactRow._fields}")
_make_row = FactRow._make

if TYPE_CHECKING:
    import pandas as pd


def empty_facts() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})


def facts_table(facts: list[FactRow | Fact]) -> pd.DataFrame:
    """The facts table of these rows, in the schema of `Fact`."""
    if not facts:
        return empty_facts()
    # pandas (and numpy) are imported where a table is made, not with this module: a check
    # of drafts reports from the rows (`rule_records`) and never makes one, and the two
    # imports were 0,23 s of the 0,77 s of CPU a command-line check of the corpus took.
    import pandas as pd

    # Column by column (asdict would deep-copy every value; a tuple per record would hold
    # the table twice over): a draft's rows, tuples in the columns' order, are turned in
    # one pass; records (a data file's) are read attribute by attribute, each in a C loop.
    # The integer columns are made as such: converted after, each cost a copy of the
    # table's block.
    if all(type(f) is FactRow for f in facts):
        columns = map(list, zip(*facts))
    else:
        columns = (list(map(attrgetter(c), facts)) for c in COLUMNS)
    return pd.DataFrame({c: _int_array(values) if c in _INTS else values for c, values in zip(COLUMNS, columns)},
                        columns=COLUMNS)


def _int_array(values: list) -> pd.api.extensions.ExtensionArray:
    """`pd.array(values, dtype="Int64")`, for a column of ints and Nones (the usual one)
    made from one array of the numbers and one of the blanks, without pandas looking at
    each value to infer what it is."""
    import numpy as np
    import pandas as pd

    blank = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    numbers = np.array([0 if v is None else v for v in values]) if blank.any() else np.array(values)
    if numbers.dtype != np.int64:  # (floats, flags or anything else: pandas' own checks and errors)
        return pd.array(values, dtype="Int64")
    return pd.arrays.IntegerArray(numbers, blank)


def _fact(i: int, r: Resolved, counts) -> FactRow:
    fig = r.figure
    line, column = r.block.locate(fig.start)
    lo = hi = None
    lo_open = hi_open = False
    if fig.interval is not None:
        scaled = fig.interval.scaled(r.factor)
        if r.offset:
            scaled = scaled + Interval.point(r.offset)
        lo, hi, lo_open, hi_open = scaled.lo, scaled.hi, scaled.lo_open, scaled.hi_open
    if _exact_count(r, counts):
        # A whole number of things (`757 đảng viên`, `29/95 xã`) is exact: it is not
        # rounded, so its interval is a point.  Scaled counts (`1,8 triệu người`) keep
        # their precision.
        lo = hi = float(fig.value) * r.factor
    evidence = []
    for name in RESOLVED_FIELDS:
        resolution = r.fields[name]
        evidence += (resolution.evidence._value_, resolution.reason)  # (`.value` is a descriptor call per read)
    related = _relation_columns(r)
    relations = tuple(related.get(c, d) for c, d in _RELATION_DEFAULTS) if related else _NO_RELATIONS
    # In the order of `_LAYOUT` (Fact's fields), positionally: passed by keyword, the 63
    # values were matched to the row's fields name by name, which cost more than all else here.
    return _make_row((
        i, r.doc.path, r.doc.index, r.doc.kind, r.block.kind, line, column,
        fig.text, fig.kind, fig.value, r.unit, fig.unit_text,
        lo, hi, lo_open, hi_open, fig.qualifier or "", fig.denominator,
        r.indicator, r.entity, r.period, r.role, r.scope, r.measure, r.stage,
        r.head, fig.label, r.block.footnote, r.anchor[0] if r.anchor else None, related.get("annotates"),
        r.block.table, r.row_label, r.column_role, r.sentence, fig.start,
        *relations, "; ".join(r.notes), _context(r.block.text, fig.start, fig.end), "", *evidence))


def _exact_count(r: Resolved, counts) -> bool:
    fig = r.figure
    if fig.kind != "statistic" or fig.qualifier or fig.scale != 1.0 or fig.value is None:
        return False
    return r.unit in counts and float(fig.value).is_integer()


def _relation_columns(r: Resolved) -> dict:
    """The relations stated on a figure, as the columns that name the related rows."""
    out: dict = {}
    for rel in r.relations:
        if rel.kind is RelationKind.PART_OF:
            out["part_of"], out["part_bound"] = rel.others[0], rel.detail == "bound"
        elif rel.kind is RelationKind.RESTATES:
            out["restates"] = rel.others[0]
        elif rel.kind is RelationKind.MULTIPLE:
            out["ratio_num"], out["ratio_den"] = rel.others
        elif rel.kind is RelationKind.CHANGE_FROM:
            out["change_from"], out["change_dir"] = rel.others[0], rel.detail
        elif rel.kind is RelationKind.ANNOTATES:
            out["annotates"] = rel.others[0]
        elif rel.kind is RelationKind.STATED_OF:
            out["base"] = rel.base
            if rel.others:
                out["of_result"], out["of_base"], out["of_form"] = rel.others[0], rel.others[1], rel.detail
        elif rel.kind is RelationKind.AVERAGE_CHANGE:
            out["avg_from"], out["avg_to"] = rel.others
            out["avg_years"], out["avg_form"] = rel.span, rel.detail
    return out


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width // 2]
    return ("…" if start > width else "") + left + "⟦" + text[start:end] + "⟧" + right + ("…" if end + width // 2 < len(text) else "")


def coverage(facts: pd.DataFrame) -> pd.DataFrame:
    """Statistics and how many are fully resolved, per document and block kind."""
    stats = facts[facts["kind"].isin(STAT_KINDS)].copy()
    stats["resolved"] = stats[["indicator", "entity", "period", "role"]].notna().all(axis=1)
    table = (stats.groupby(["path", "doc", "doc_kind", "block"], sort=True)
             .agg(statistics=("id", "size"), resolved=("resolved", "sum")).reset_index())
    figures = facts.groupby(["path", "doc", "doc_kind", "block"], sort=True).size().rename("figures").reset_index()
    table = figures.merge(table, how="left", on=["path", "doc", "doc_kind", "block"]).fillna(0)
    table["statistics"] = table["statistics"].astype(int)
    table["resolved"] = table["resolved"].astype(int)
    return table


def unresolved(facts: pd.DataFrame) -> pd.DataFrame:
    """Statistics missing one of indicator, entity, period or role, with why."""
    stats = facts[facts["kind"].isin(STAT_KINDS)].copy()
    fields_ = ["indicator", "entity", "period", "role"]
    missing = stats[fields_].isna()
    stats["missing"] = missing.apply(lambda r: ", ".join(f for f in fields_ if r[f]), axis=1)
    return stats[stats["missing"] != ""]


@dataclass
class DraftFile:
    """One draft read, lexed and resolved on its own (files are independent until the
    rules): its text, suppression markers, documents and facts, the facts numbered from 0
    (`combine` numbers them on), or the error that stopped it and whether reading did."""

    path: str
    text: str = ""
    markers: list = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    rows: list[FactRow | Fact] = field(default_factory=list)
    error: InputError | None = None
    unreadable: bool = False


def read_draft_file(draft: tuple[str, str | None], catalog) -> DraftFile:
    """A draft's text, suppressions (markers in a Markdown or text draft, `checker-ignore`
    comments in a Word one), documents and facts.  `draft` is its path and, for one not
    read from disk (standard input), its text."""
    from checker.ingest import parse, read_draft, read_text
    from checker.markers import markers
    from checker.resolve import resolve_documents

    path, source = draft
    converted = path.lower().endswith((".docx", ".pdf")) and source is None
    try:
        text = read_text(path) if source is None else source
        # A Word or PDF draft's conversion is cached: its lines' origins cost no second read.
        origins = read_draft(path).origins if converted else ()
        if path.lower().endswith(".docx"):  # an editor's `checker-ignore` comments
            from checker.docx import comment_suppressions

            found = comment_suppressions(path, origins) if source is None else []
        else:
            found = [] if path.lower().endswith(".pdf") else markers(path, text)
    except InputError as exc:
        return DraftFile(path, error=exc, unreadable=True)
    try:
        with collector_paused():
            documents = parse(path, text, origins)  # the text read above, not the file read again
            rows = _rows(resolve_documents(documents, catalog), catalog.units.count_units)
    except InputError as exc:
        return DraftFile(path, text, found, error=exc)
    return DraftFile(path, text, found, documents, rows)


@contextmanager
def collector_paused():
    """Python's cycle collector off while a draft is read (and, in `pipeline.check`, for the
    whole check): reading makes many small objects
    that live on (figures, mentions, resolutions) and few cycles (about 1.400 objects on the
    corpus), so its passes found next to nothing, and a full pass, once the catalog's and
    the libraries' objects had grown old, walked all of them (70 ms on a second run of the
    corpus).  The few cycles left are collected once it is on again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _rows(resolved: list[Resolved], counts) -> list[FactRow]:
    """The facts of resolved figures, each figure's resolution let go once its row is made:
    a long draft's resolutions and rows are not all held at once."""
    rows = []
    for i in range(len(resolved)):
        rows.append(_fact(i, resolved[i], counts))
        resolved[i] = None
    return rows


def read_drafts(paths: list[str], catalog, jobs: int = 1, progress=None, sources=None) -> list[DraftFile]:
    """`read_draft_file` for each draft, in the order given; with `jobs` > 1 in that many
    processes (checker/pool.py).  `progress(path)` is called as each file is done;
    `sources` gives the text of drafts not read from disk (standard input), by name."""
    from checker.pool import map_in_order

    done = []
    items = [(p, (sources or {}).get(p)) for p in paths]
    for draft in map_in_order(read_draft_file, items, catalog, jobs):
        done.append(draft)
        if progress:
            progress(draft.path)
    return done


def combine(drafts: list[DraftFile], data_rows: list[Fact] | None = None) -> pd.DataFrame:
    """The facts table of drafts read one by one, numbered as if read together: each
    file's ids, and the ids its relations name, follow on from the file before; then the
    data files' rows.  Renumbered column by column, not row by row.  The drafts' rows are
    handed over to the table (their lists are emptied): a `Fact` record costs several times
    its row of the table, and the rules that run next need the most memory of a run."""
    counts = [len(draft.rows) for draft in drafts]
    rows = [row for draft in drafts for row in draft.rows] + list(data_rows or [])
    for draft in drafts:
        draft.rows = []
    several = len(drafts) > 1 or bool(data_rows)
    data_count = len(rows) - sum(counts)
    table = facts_table(rows)
    del rows  # the last reference to the records: they go before the table is renumbered
    if len(table) and several:
        import pandas as pd

        shift, start = [], 0
        for count in counts:
            shift += [start] * count
            start += count
        shift = pd.Series(shift + [0] * data_count, index=table.index, dtype="int64")
        table["id"] = pd.Series(range(len(table)), index=table.index, dtype="int64")
        for col in ROW_REFERENCES:
            table[col] = table[col] + shift
    return table


def rule_records(drafts: list[DraftFile],
                 data_rows: list[Fact] | None = None) -> tuple[list, Callable[[], pd.DataFrame]]:
    """The rows the rules read (`checker.kinds.base.records_of` of the table `combine`
    makes) and a function that makes that table.  A check's rules, suppressions and
    coverage need no table: the drafts' rows, numbered as `combine` numbers them, become
    the rules' rows directly (their values are already those the table would give back),
    and the table is made from them only where it is asked for (`Report.facts`).  With a
    data file's rows (or records made otherwise), read through the table as `extract` reads them."""
    from checker.kinds.base import records_from, records_of

    if data_rows or not all(type(row) is FactRow for draft in drafts for row in draft.rows):
        table = combine(drafts, data_rows)
        return records_of(table), lambda: table
    records: list = []
    for draft in drafts:
        start = len(records)
        records += records_from(FIELD_NAMES, draft.rows)
        draft.rows = []  # (handed over: a long draft's tuples and rows are not both held)
        if start:  # numbered on from the drafts before, with the ids its relations name
            for n in range(start, len(records)):
                row = records[n]
                row.id = n
                for col in ROW_REFERENCES:
                    if getattr(row, col) is not None:
                        setattr(row, col, getattr(row, col) + start)
    return records, lambda: facts_table(records)


def raise_first_error(drafts: list[DraftFile], unreadable: bool) -> None:
    """The first draft's error (in the drafts' order) of those that could not be read
    (`unreadable`) or of the others: the run stops as a serial one would."""
    for draft in drafts:
        if draft.error is not None and draft.unreadable == unreadable:
            raise draft.error


def extract(paths: list[str], catalog, progress=None, jobs: int = 1,
            sources=None) -> tuple[pd.DataFrame, list[Document]]:
    """Read drafts and data files and return the facts table and the drafts' documents.
    Files are read in sorted order, so the table (and every output) is the same whatever
    order they are given in, and whatever `jobs` (how many processes read the drafts).
    `progress(path)` is called as each file is read; `sources` gives the text of drafts not
    read from disk (standard input), by name."""
    from checker.datafile import is_data_file, read_data_files

    paths = sorted(dict.fromkeys(str(p) for p in paths))
    drafts = read_drafts([p for p in paths if not is_data_file(p)], catalog, jobs, progress, sources)
    raise_first_error(drafts, unreadable=True)
    raise_first_error(drafts, unreadable=False)
    data = [p for p in paths if is_data_file(p)]
    for path in data if progress else ():
        progress(path)
    data_rows = read_data_files(data, catalog)
    return combine(drafts, data_rows), [d for draft in drafts for d in draft.documents]
