"""Kind `structure`: numbering, units and written precision that a careful editor would query."""

from __future__ import annotations

import re

import pandas as pd

from checker.kinds.base import Context, Outcome, figure_dict
from checker.records import Finding

ROW_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
MARKER_TEXT_RE = re.compile(r"\s*(?:\$\^\{\^?\{?\d+\}+\$|[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
LIST_NUMBER_RE = re.compile(r"^\s*[-+•–]?\s*\((\d{1,3})\)")


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

    params = {"mode": str}
    fields = {"what", "where", "expected", "stated"}

    def run(self, facts: pd.DataFrame, rule, ctx: Context) -> Outcome:
        mode = rule.params.get("mode", "numbering")
        if mode == "numbering":
            return self._numbering(rule, ctx)
        if mode == "unit":
            return self._unit(rule, ctx)
        return self._precision(rule, ctx)

    def _finding(self, rule, rows, what, expected, stated, expl, suspect=0):
        figures = [figure_dict(r) for r in rows]
        msg = rule.message.format(what=what, where=f"line {rows[0]['line']}", expected=expected, stated=stated)
        return Finding(rule.id, rule.severity, msg, figures, suspect, expected, None, expl, rule.name)

    def _numbering(self, rule, ctx: Context) -> Outcome:
        out = Outcome(rule.id)
        docs = ctx.documents or []
        for doc in docs:
            sequences: list[list[tuple[int, object]]] = []
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
                    if m:
                        number = int(m.group(1))
                    elif re.fullmatch(r"\s*[IVX]+\s*|\s*[A-Z]\s*", block.text[a:b]):
                        current = []  # a new section of the table restarts its numbering
                        sequences.append(current)
                elif block.kind == "list_item":
                    m = LIST_NUMBER_RE.match(block.text)
                    if m:
                        number = int(m.group(1))
                        if table != ("list", block.section):
                            table, current = ("list", block.section), []
                            sequences.append(current)
                if number is not None:
                    current.append((number, block))
            problems_fn = self._footnotes(doc)
            if problems_fn is not None:
                out.items += 1
                if not problems_fn:
                    out.passes += 1
                else:
                    out.fails += 1
                for problem in problems_fn:
                    out.findings.append(self._block_finding(rule, doc, *problem))
            for seq in sequences:
                if len(seq) < 3:
                    continue
                out.items += 1
                problems = []
                for (a, _), (b, block) in zip(seq, seq[1:]):
                    if b == a:
                        problems.append((f"number {b} repeated", block, f"{a + 1}", f"{b}"))
                    elif b > a + 1:
                        missing = ", ".join(str(n) for n in range(a + 1, b))
                        problems.append((f"number {missing} missing", block, f"{a + 1}", f"{b}"))
                if not problems:
                    out.passes += 1
                    continue
                out.fails += 1
                for what, block, expected, stated in problems:
                    a, b = block.cells[0] if block.cells else (0, min(len(block.text), 6))
                    if not block.cells:
                        m = LIST_NUMBER_RE.match(block.text)
                        a, b = (m.start(1) - 1, m.end(1) + 1) if m else (a, b)
                    out.findings.append(self._block_finding(rule, doc, what, block, a, b, expected, stated,
                                                            f"after {int(expected) - 1} comes {stated}"))
        return out

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
                problems.append((f"footnote marker {missing} missing before {n}", block, off, m.end() if m else off + 6,
                                 str(highest + 1), str(n), "footnote markers run 1, 2, 3 … in the order they appear"))
            highest = max(highest, n)
        seen: set[int] = set()
        for b in texts:
            if b.footnote in seen:
                m = MARKER_TEXT_RE.match(b.text)
                problems.append((f"footnote {b.footnote} written twice", b, 0, m.end() if m else 6, "one footnote",
                                 "two", "each footnote number is used for one footnote"))
            seen.add(b.footnote)
        return problems

    @staticmethod
    def _block_finding(rule, doc, what, block, start, end, expected, stated, explanation):
        """A finding about the characters [start, end) of a block: a row, item or footnote number."""
        line, column = block.locate(start)
        fig = {"path": doc.path, "line": line, "column": column, "text": block.text[start:end].strip(),
               "value": None, "unit": None, "indicator": None, "entity": None, "period": None, "role": None}
        msg = rule.message.format(what=what, where=f"line {line}", expected=expected, stated=stated)
        return Finding(rule.id, rule.severity, msg, [fig], 0, expected, None, explanation, rule.name)

    def _unit(self, rule, ctx: Context) -> Outcome:
        out = Outcome(rule.id)
        cat = ctx.catalog
        for r in ctx.records:
            if r["kind"] not in ("statistic", "range") or r["lo"] is None or not r["indicator"]:
                continue
            ind = cat.indicators[r["indicator"]]
            if r["notes"] and "does not fit" in r["notes"]:
                out.items += 1
                out.fails += 1
                what = f"{r['text']} is written in {r['unit']}, but {ind.name} is kept in {ind.unit}"
                out.findings.append(self._finding(rule, [r], what, ind.unit or "?", r["unit_text"] or "?",
                                                  f"the row names {ind.name}; its unit is {ind.unit}"))
                continue
            if r["unit"] == "percent" and ind.unit == "percent" and ind.name.lower().startswith(("tỷ lệ", "tỷ trọng")) \
                    and r["role"] in ("actual", "target") and not r["measure"]:
                out.items += 1
                if r["lo"] > 100:
                    out.fails += 1
                    out.findings.append(self._finding(rule, [r], f"{r['text']} is a share above 100%", "at most 100%",
                                                      r["text"], f"{ind.name} cannot exceed 100%"))
                else:
                    out.passes += 1
        return out

    def _precision(self, rule, ctx: Context) -> Outcome:
        out = Outcome(rule.id)
        for r in ctx.records:
            if r["kind"] != "statistic" or r["value"] is None:
                continue
            m = re.search(r"\d,(\d+)", r["text"])
            if not m:
                continue
            out.items += 1
            decimals = m.group(1)
            if len(decimals) >= 3 and decimals.endswith("0"):
                out.fails += 1
                shown = decimals.rstrip("0") or "0"
                out.findings.append(self._finding(rule, [r], f"{r['text']} is written with {len(decimals)} decimals, "
                                                  f"the last of them 0", f"{len(shown)} decimal(s)", r["text"],
                                                  "a trailing zero past the first decimal is unusual in these reports"))
            else:
                out.passes += 1
        return out
