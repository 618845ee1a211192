"""Kind `structure`: numbering, units and written precision that a careful editor would query."""

from __future__ import annotations

import re

import enum
from dataclasses import dataclass

from checker import messages as words
from checker.catalog import percent_past_rates, plain_misfit, rate_misfit, unit_misfit
from checker.interval import Interval
from checker.i18n import N_
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Results, fail, finding, written_decimals
from checker.kinds import row_units
from checker.kinds.evidence import level
from checker.records import Evidence

ROW_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
MARKER_TEXT_RE = re.compile(r"\s*(?:\$\^\{\^?\{?\d+\}+\$|[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
LIST_NUMBER_RE = re.compile(r"^\s*[-+•–]?\s*\((\d{1,3})\)")
SECTION_LETTER_RE = re.compile(r"\s*[IVX]+\s*|\s*[A-Z]\s*")  # (a row `I`, `II`, `A`: a new section)
CELL_SEPARATOR_RE = re.compile(r"[|\t]")


class StructureMode(str, enum.Enum):
    NUMBERING = "numbering"  # table rows, numbered items and footnotes run without a gap or repeat
    UNIT = "unit"  # a unit fits its indicator; a share is not above 100%
    PRECISION = "precision"  # no trailing zero beyond the first decimal


@dataclass(frozen=True)
class StructureParams:
    mode: StructureMode = StructureMode.NUMBERING
    # `unit`: a unit slip is judged only against an indicator named for the figure itself
    # (its clause, its table row or column); one lent by a related figure may be of a share
    # or a change of it (`GRDP bình quân đầu người …, bằng 96,91% kế hoạch`).
    indicator_evidence: Evidence = Evidence.TABLE_HEADER
    # `unit`, for a table row the catalog does not name: the heads of a row label that say
    # what kind of quantity the row holds (`Diện tích …` an area, `Doanh thu …` money,
    # `Số …` a count, `Tỷ lệ …` a rate), against its unit column.
    area_heads: tuple[str, ...] = ()
    money_heads: tuple[str, ...] = ()
    count_heads: tuple[str, ...] = ()
    rate_heads: tuple[str, ...] = ()


def per_person(catalog, unit: str | None) -> bool:
    """A unit per person (`triệu đồng/người`, `bác sĩ/vạn dân`), by its dimensions."""
    return unit is not None and ("nguoi", -1) in (catalog.units.dimensionality(unit) or ())


def percent_slip(catalog, written: str | None, kept: str | None) -> bool:
    """A rate per person written as a percentage, or the other way round: the one unit
    misfit the resolver keeps on a figure (and that this rule reports)."""
    return (written == "percent" and per_person(catalog, kept)) or (kept == "percent" and per_person(catalog, written))


def row_misfit(catalog, r: dict, ind) -> bool:
    """A figure is in a unit of another dimension than the indicator named for it (a table
    row's unit column, `Số doanh nghiệp thành lập mới | tỷ đồng`, or a level right after its
    name in prose, `Vận chuyển hành khách đạt 42,65 triệu tấn`): the resolver keeps the
    name's indicator with the unit as written (a percentage, a growth or share of the level,
    is never one)."""
    if r["block"] != "table_row":
        return plain_misfit(catalog.units, r["unit"], ind) or rate_misfit(catalog.units, r["unit"], ind)
    if r["unit"] == "percent":  # (`Số lao động được giải quyết việc làm | % | 32.000`: a level's row)
        return r["role"] in ("actual", "target") and not r["measure"] and ind.unit != "percent" \
            and percent_past_rates(float(r["value"]) if r["value"] is not None else None) \
            and unit_misfit(catalog.units, r["unit"], ind)
    return r["unit"] is not None and unit_misfit(catalog.units, r["unit"], ind)


# Words after an area that turn the clause to what the area yields (`diện tích … thu hoạch`).
OUTPUT_WORDS = ("thu hoạch", "sản lượng", "năng suất", "thu được", "cho sản phẩm", "khai thác", "đạt sản lượng")


def _own_unit_cell(r: dict) -> bool:
    """Whether a table row's unit stands in a cell of its own (`| tấn |`), not in a heading."""
    cells = [c.strip() for c in CELL_SEPARATOR_RE.split(r["context"] or "")]
    return bool(r["unit_text"]) and r["unit_text"].strip() in cells


def written_unit(units, name: str | None) -> str:
    """A unit as the reports write it (`bác sĩ/vạn dân` for `bac_si / van_dan`): each part's
    shortest surface form in the units catalog, else its name."""
    if not name:
        return "?"
    parts = []
    for part in (p.strip() for p in name.split("/")):
        known = units.surfaces.pairs + units.per.pairs
        forms = sorted((surface for surface, value in known if value == part), key=len)
        parts.append(forms[0] if forms else part)
    return "/".join(parts)


def table_sequences(doc) -> list[list[tuple[int, object]]]:
    """The numbered runs of a document: each table's rows (restarting at a section row such
    as `I` or `A`) and each section's numbered list items, as (number, block)."""
    sequences: list[list[tuple[int, object]]] = []
    sections: dict[int, list[list[tuple[int, object]]]] = {}  # a table's runs, by the first's place
    current: list[tuple[int, object]] = []
    table = None
    for block in doc.blocks:
        number = None
        if block.kind == "table_row" and block.cells:
            a, b = block.cells[0]
            m = ROW_NUMBER_RE.match(block.text[a:b])
            if block.table != table:
                table, current = block.table, []
                sequences.append(current)
                sections[len(sequences) - 1] = [current]
            if m:
                number = int(m.group(1))
            elif SECTION_LETTER_RE.fullmatch(block.text[a:b]):
                current = []  # a new section of the table restarts its numbering
                sequences.append(current)
                sections[max(sections)].append(current)
        elif block.kind == "list_item":
            m = LIST_NUMBER_RE.match(block.text)
            if m:
                number = int(m.group(1))
                if table != ("list", block.section):
                    table, current = ("list", block.section), []
                    sequences.append(current)
        if number is not None:
            current.append((number, block))
    for runs in sections.values():
        _run_through_sections(sequences, runs)
    return sequences


def _run_through_sections(sequences: list, runs: list[list[tuple[int, object]]]) -> None:
    """`I | 1 … 8 | II | 9 … 14 | III | 16 …`: a table whose numbering goes on from one section
    to the next (no section starts again at 1 or at a number already passed) is one run, so
    that a number skipped between sections shows."""
    kept = [run for run in runs if run]
    if len(kept) < 2 or any(run[0][0] == 1 or run[0][0] <= earlier[-1][0] for earlier, run in zip(kept, kept[1:])):
        return
    joined = [item for run in kept for item in run]
    for run in kept:
        run.clear()
    kept[0].extend(joined)


class Structure:
    """What it does: in four modes.  `numbering` — the numbers of a table's rows (within a
    section such as `I`, `II`) and of a numbered list (`(1)`, `(2)`, …) run without a gap or
    a repeat, and so do footnote markers in reading order (a footnote number used for two
    footnotes is a repeat too).  `unit` — a figure whose unit does not fit its indicator (`Tỷ lệ bác sĩ/vạn
    dân | 17,0%`: a rate per 10.000 people written as a percentage), or a share or rate above
    100%.  `precision` — a figure written with a trailing zero beyond the first decimal
    (`53,170%`), which suggests a slip or a pasted value.

    Why it matters: a missing row or a repeated number shows that something was cut or
    pasted; a unit slip changes what a figure says.

    Example: rows `52`, `53`, `55` fail `numbering` (54 is missing); `17,0%` for doctors per
    10.000 people fails `unit`; `53,170%` fails `precision`.
    """

    Params = StructureParams
    fields = {"what", "where", "expected", "stated"}

    def run(self, rule, ctx: Context) -> Results:
        modes = {StructureMode.NUMBERING: self._numbering, StructureMode.UNIT: self._unit,
                 StructureMode.PRECISION: self._precision}
        return modes[rule.params.mode](rule, ctx)

    def _finding(self, rule, rows, what: dict, expected, why: str, suspect=0, **extra):
        args = {"what": what, "where": words.fig(0, at=True), "expected": expected, "stated": words.fig(0), **extra}
        return finding(rule, rows, suspect, args, None, why)

    def _numbering(self, rule, ctx: Context) -> Results:
        for doc in ctx.documents or []:
            footnote_problems = self._footnotes(doc)
            if footnote_problems is not None:
                yield fail(*[self._block_finding(rule, doc, *p) for p in footnote_problems]) \
                    if footnote_problems else PASS
            for seq in table_sequences(doc):
                if len(seq) >= 3:
                    yield self._sequence(rule, doc, seq)

    def _sequence(self, rule, doc, seq: list[tuple[int, object]]):
        """One numbered run: each gap or repeat is a finding on the number that breaks it."""
        findings = []
        for (a, _), (b, block) in zip(seq, seq[1:]):
            if b == a:
                what = words.phrase(N_("number {number} repeated"), number=str(b))
            elif b > a + 1:
                what = words.phrase(N_("number {numbers} missing"), numbers=", ".join(str(n) for n in range(a + 1, b)))
            else:
                continue
            start, end = block.cells[0] if block.cells else (0, min(len(block.text), 6))
            if not block.cells:
                m = LIST_NUMBER_RE.match(block.text)
                start, end = (m.start(1) - 1, m.end(1) + 1) if m else (start, end)
            findings.append(self._block_finding(rule, doc, what, block, start, end, str(a + 1),
                                                words.phrase(N_("after {before} comes {after}"), before=str(a), after=str(b))))
        return fail(*findings) if findings else PASS

    @staticmethod
    def _footnotes(doc):
        """Problems with a document's footnote numbering, or None when it has no footnotes.

        Markers in the body, in reading order, must run 1, 2, 3 … (a marker cited again
        for the same footnote is allowed only if it was already used); two footnote texts
        must not carry the same number.  Footnotes whose number was inferred after the
        extraction lost it are not counted: their number is the checker's guess."""
        markers = [(n, b, off) for b in doc.blocks if b.kind != "footnote" for n, off in b.markers]
        texts = [b for b in doc.blocks if b.kind == "footnote" and b.footnote is not None and not b.inferred]
        if len(markers) < 2:
            return None
        problems = []
        highest = 0
        for n, block, off in markers:
            if n > highest + 1:
                missing = ", ".join(str(k) for k in range(highest + 1, n))
                m = MARKER_TEXT_RE.match(block.text, off)
                problems.append((words.phrase(N_("footnote marker {missing} missing before {number}"), missing=missing,
                                              number=str(n)), block, off, m.end() if m else off + 6, str(highest + 1),
                                 words.phrase(N_("footnote markers run 1, 2, 3 … in the order they appear"))))
            highest = max(highest, n)
        seen: set[int] = set()
        for b in texts:
            if b.footnote in seen:
                m = MARKER_TEXT_RE.match(b.text)
                problems.append((words.phrase(N_("footnote {number} written twice"), number=str(b.footnote)), b, 0,
                                 m.end() if m else 6, words.phrase(N_("one footnote")),
                                 words.phrase(N_("each footnote number is used for one footnote"))))
            seen.add(b.footnote)
        return problems

    @staticmethod
    def _block_finding(rule, doc, what, block, start, end, expected, explanation):
        """A finding about the characters [start, end) of a block: a row, item or footnote number."""
        line, column = block.locate(start)
        fig = {"path": doc.path, "line": line, "column": column, "text": block.text[start:end].strip(),
               "value": None, "unit": None, "indicator": None, "entity": None, "period": None, "role": None}
        args = {"what": what, "where": words.fig(0, at=True), "expected": expected, "stated": words.fig(0),
                **explanation["args"]}
        return finding(rule, [], 0, args, None, explanation["phrase"], figures=[fig])

    def _unit(self, rule, ctx: Context) -> Results:
        cat = ctx.catalog
        rows_told: set = set()
        row_cells = self._row_cells(ctx.records)
        for r in ctx.records:
            if r["kind"] not in ("statistic", "range") or r["lo"] is None or not r["indicator"]:
                continue
            ind = cat.indicators[r["indicator"]]
            if not level(r, "indicator").at_least(rule.params.indicator_evidence):
                yield NOT_APPLICABLE
                continue
            slip = percent_slip(cat, r["unit"], ind.unit)
            misfit = not slip and row_misfit(cat, r, ind)
            # A table row's unit column wrong for the whole row (a cell written `%` against a
            # rate per person is a slip of its own) is told once, citing every cell of the row
            # it misfits: the editor sees the row, and any of its cells names the slip.
            row_wide = (misfit or slip) and r["block"] == "table_row" and (misfit or r["unit"] != "percent")
            if (misfit or row_wide) and (r["path"], r["line"]) in rows_told:
                continue
            if misfit or slip:
                rows_told.add((r["path"], r["line"]))
                what = words.phrase(N_("{figure} is written in {unit}, but {indicator} is kept in {kept}"),
                                    figure=words.fig(0), unit=r["unit_text"] or r["unit"],
                                    indicator=words.indicator(ind.id), kept=written_unit(cat.units, ind.unit))
                cells = [c for c in row_cells.get((r["path"], r["line"]), ()) if c is not r
                         and c["indicator"] == r["indicator"] and c["unit"] == r["unit"]] if row_wide else []
                yield fail(self._finding(rule, [r, *cells], what, written_unit(cat.units, ind.unit),
                                         N_("the row names {indicator}; its unit is {expected}"),
                                         indicator=words.indicator(ind.id)))
                continue
            # Which indicators are shares is read from their name until the catalog has a field for it.
            # (a rate against a plan, `giải ngân đạt 109%`, is no share of a whole: it may pass 100%)
            if r["unit"] == "percent" and ind.unit == "percent" and ind.name.lower().startswith(("tỷ lệ", "tỷ trọng")) \
                    and not ind.of_plan and r["role"] in ("actual", "target") and not r["measure"]:
                if r["lo"] <= 100:
                    yield PASS
                    continue
                what = words.phrase(N_("{figure} is a share above 100%"), figure=words.fig(0))
                yield fail(self._finding(rule, [r], what, words.quantity(Interval(float("-inf"), 100.0), unit="%"),
                                         N_("{indicator} cannot exceed 100%"), indicator=words.indicator(ind.id)))
        yield from self._unnamed_rows(rule, ctx, row_cells)
        yield from self._unnamed_areas(rule, ctx)

    def _unnamed_rows(self, rule, ctx: Context, row_cells: dict) -> Results:
        """`Diện tích rau màu bị thiệt hại | tấn`, `Giải ngân vốn đầu tư công | km`: a row the
        catalog does not name, whose unit column is of another kind than its label's head."""
        p = rule.params
        heads = {row_units.AREA: p.area_heads, row_units.MONEY: p.money_heads, row_units.COUNT: p.count_heads,
                 row_units.RATE: p.rate_heads}
        units = ctx.catalog.units
        for key in sorted(row_cells, key=str):
            cells = [c for c in row_cells[key] if c["role"] in ("actual", "target")]
            r = cells[0] if cells else None
            if r is None or any(c["indicator"] or c["measure"] or c["unit"] != r["unit"] for c in cells) \
                    or not r["unit"] or not _own_unit_cell(r):
                continue
            found = row_units.head_kind(r["row_label"], heads)
            if found is None:
                continue
            kind, head = found
            counted = row_units.counted_noun(units, r["row_label"], head) if kind == row_units.COUNT else None
            if not row_units.misfit(kind, units, cells, counted):
                yield PASS
                continue
            fits = {row_units.AREA: "ha", row_units.MONEY: "tỷ đồng", row_units.RATE: "%"}.get(kind) \
                or (written_unit(units, counted) if counted else row_units.noun_after(r["row_label"], head))
            what = words.phrase(N_("{figure} is written in {unit}, but {indicator} is kept in {kept}"),
                                figure=words.fig(0), unit=r["unit_text"] or r["unit"],
                                indicator=words.word(r["row_label"].strip()), kept=fits)
            yield fail(self._finding(rule, cells, what, fits, N_("the row names {indicator}; its unit is {expected}"),
                                     indicator=words.word(r["row_label"].strip())))

    def _unnamed_areas(self, rule, ctx: Context) -> Results:
        """`tổng diện tích sầu riêng đạt 50.220 tấn`: a prose figure the catalog does not name,
        whose own clause names an area right before it, written in a unit of no area.  Only
        the area: a clause's other heads (`tỷ lệ`, `số`) may be followed by a level of
        another kind it restates (`tỷ lệ giải ngân đạt 85%, tương đương 1.200 tỷ đồng`)."""
        for r in ctx.records:
            if r["block"] == "table_row" or r["indicator"] or not r["head"] or r["kind"] != "statistic" \
                    or r["lo"] is None or r["role"] not in ("actual", "target") or r["measure"]:
                continue
            named = r["head"].partition(" | ")[0]
            found = row_units.head_kind(named, {row_units.AREA: rule.params.area_heads})
            if found is None or any(f" {w} " in f" {named} " for w in OUTPUT_WORDS):
                continue  # (`diện tích nuôi tôm thu hoạch 5.000 tấn`: the harvest of the area, not it)
            if not row_units.misfit(row_units.AREA, ctx.catalog.units, [r], None):
                yield PASS
                continue
            what = words.phrase(N_("{figure} is written in {unit}, but {indicator} is kept in {kept}"),
                                figure=words.fig(0), unit=r["unit_text"] or r["unit"], indicator=words.word(named),
                                kept="ha")
            yield fail(self._finding(rule, [r], what, "ha", N_("the row names {indicator}; its unit is {expected}"),
                                     indicator=words.word(named)))

    @staticmethod
    def _row_cells(records) -> dict:
        """A table row's statistics, by (path, line)."""
        cells: dict = {}
        for r in records:
            if r["block"] == "table_row" and r["kind"] in ("statistic", "range") and r["lo"] is not None:
                cells.setdefault((r["path"], r["line"]), []).append(r)
        return cells

    def _precision(self, rule, ctx: Context) -> Results:
        for r in ctx.records:
            if r["kind"] != "statistic" or r["value"] is None:
                continue
            decimals = written_decimals(r)
            if not decimals:
                continue
            if len(decimals) < 3 or not decimals.endswith("0"):
                yield PASS
                continue
            shown = decimals.rstrip("0") or "0"
            what = words.phrase(N_("{figure} is written with {decimals} decimals, the last of them 0"),
                                figure=words.fig(0), decimals=len(decimals))
            yield fail(self._finding(rule, [r], what, words.phrase(N_("{count} decimal(s)"), count=len(shown)),
                                     N_("a trailing zero past the first decimal is unusual in these reports")))
