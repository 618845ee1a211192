"""Facts: one pandas table, one row per figure, the meeting point of text and data files.

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
| measure      | `share` when the figure is a share of a whole (`chiếm 8%`)              |
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
| notes        | why a field was left blank (ambiguity is reported, not guessed)          |
| context      | the text around the figure, for people reading the table                |
| suppress     | why findings on this figure are suppressed (a data file's column, a marker in a draft), or empty |

Rows of a data file (checker/datafile.py) have doc_kind `data`, block `data_row`, the
file's row as `line` and the value's column as `column`.
"""

from __future__ import annotations

import re
from typing import Iterable

import pandas as pd

from checker.records import Document
from checker.resolve import STAT_KINDS, Resolved

COLUMNS = [
    "id", "path", "doc", "doc_kind", "block", "line", "column", "text", "kind", "value", "unit",
    "unit_text", "lo", "hi", "lo_open", "hi_open", "qualifier", "denominator", "indicator", "entity",
    "period", "role", "scope", "measure", "label", "footnote", "anchor_line", "annotates", "table", "row_label",
    "column_role", "sentence", "position", "part_of", "part_bound", "restates", "ratio_num",
    "ratio_den", "change_from", "change_dir", "notes", "context", "suppress",
]

INT_COLUMNS = ["footnote", "anchor_line", "annotates", "table", "part_of", "restates", "ratio_num", "ratio_den", "change_from"]


def empty_facts() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return df


def build_facts(resolved: list[Resolved], catalog, data_rows: list[dict] | None = None) -> pd.DataFrame:
    """The facts table: the drafts' figures, then the data files' rows (ids follow on)."""
    rows = []
    for i, r in enumerate(resolved):
        fig = r.figure
        line, column = r.block.locate(fig.start)
        iv = fig.interval
        lo = hi = None
        if iv is not None:
            scaled = iv.scaled(r.factor)
            lo, hi, lo_open, hi_open = scaled.lo, scaled.hi, scaled.lo_open, scaled.hi_open
        else:
            lo_open = hi_open = False
        rows.append({
            "id": i, "path": r.doc.path, "doc": r.doc.index, "doc_kind": r.doc.kind,
            "block": r.block.kind, "line": line, "column": column, "text": fig.text,
            "kind": fig.kind, "value": fig.value, "unit": r.unit, "unit_text": fig.unit_text,
            "lo": lo, "hi": hi, "lo_open": lo_open, "hi_open": hi_open,
            "qualifier": fig.qualifier or "", "denominator": fig.denominator,
            "indicator": r.indicator, "entity": r.entity, "period": r.period, "role": r.role,
            "scope": r.scope, "measure": r.measure, "label": fig.label,
            "footnote": r.block.footnote, "anchor_line": r.anchor[0] if r.anchor else None,
            "annotates": None,
            "table": r.block.table, "row_label": r.row_label, "column_role": r.column_role,
            "sentence": r.sentence, "position": fig.start, "part_of": None, "part_bound": False,
            "restates": None, "ratio_num": None, "ratio_den": None, "change_from": None,
            "change_dir": None, "notes": "; ".join(r.notes),
            "context": _context(r.block.text, fig.start, fig.end),
            "suppress": "",
        })
    link_relations(rows, resolved, catalog)
    _link_footnotes(rows, resolved)
    _exact_counts(rows, resolved, catalog.units.count_units)
    for row in data_rows or []:
        rows.append({**row, "id": len(rows)})
    df = pd.DataFrame(rows, columns=COLUMNS) if rows else empty_facts()
    for col in INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    return df


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
    fields = ["indicator", "entity", "period", "role"]
    missing = stats[fields].isna()
    stats["missing"] = missing.apply(lambda r: ", ".join(f for f in fields if r[f]), axis=1)
    return stats[stats["missing"] != ""]


def _link_footnotes(rows: list[dict], resolved: list[Resolved]) -> None:
    """A footnote's figures break down the body figure its marker follows (`đạt 7,3%/năm¹²`)."""
    by_block: dict[int, list[int]] = {}
    for i, r in enumerate(resolved):
        if r.figure.kind in STAT_KINDS:
            by_block.setdefault(id(r.block), []).append(i)
    for i, r in enumerate(resolved):
        if r.anchor_block is None and r.block.kind == "footnote" and r.block.footnote is None and r.indicator:
            # A footnote whose marker is lost for good: it breaks down the body figure of the
            # same indicator stated last before it.
            earlier = [j for j in range(i) if resolved[j].block.kind != "footnote" and resolved[j].doc is r.doc
                       and resolved[j].indicator == r.indicator and resolved[j].figure.kind in STAT_KINDS]
            if earlier:
                rows[i]["annotates"] = earlier[-1]
                rows[i]["notes"] = "; ".join(filter(None, [rows[i]["notes"], "footnote linked by content: its marker was lost"]))
            continue
        if r.anchor_block is None:
            continue
        before = [j for j in by_block.get(id(r.anchor_block), []) if resolved[j].figure.end <= r.anchor_offset]
        same = [j for j in before if r.indicator and resolved[j].indicator == r.indicator]
        same_time = [j for j in same if resolved[j].period == r.period]
        pool = same_time or same or before
        if pool:
            target = max(pool, key=lambda j: resolved[j].figure.end)
            rows[i]["annotates"] = target
            body = resolved[target]
            if rows[i]["indicator"] is None and body.indicator and body.unit == rows[i]["unit"]:
                # `¹ Hải Phòng (cũ) tăng trưởng bình quân 10,6%/năm`: a breakdown measures
                # what the figure it annotates measures.
                rows[i]["indicator"] = body.indicator
                rows[i]["notes"] = "; ".join(filter(None, [rows[i]["notes"], "indicator of the figure it annotates"]))


def _exact_counts(rows: list[dict], resolved: list[Resolved], counts) -> None:
    """A whole number of things (`757 đảng viên`, `29/95 xã`) is exact: it is not rounded,
    so its interval is a point.  Scaled counts (`1,8 triệu người`) keep their precision."""
    for i, r in enumerate(resolved):
        fig = r.figure
        unit = rows[i]["unit"]
        if fig.kind != "statistic" or fig.qualifier or fig.scale != 1.0 or fig.value is None:
            continue
        if unit in counts and float(fig.value).is_integer():
            rows[i]["lo"] = rows[i]["hi"] = float(fig.value) * r.factor


# --- relations between figures of one block, read from the text between them --------------

OPEN_LIST_RE = re.compile(r"^\s*(?:\(|:|gồm:?|bao gồm:?)\s*", re.I)
LIST_GAP_RE = re.compile(r"^[^;()\d]{0,40}$")
TIMES_RE = re.compile(r"(?:gấp|tăng|bằng)\s*$", re.I)
FROM_RE = re.compile(r"(tăng|giảm)\s+từ\s*$", re.I)
TO_RE = re.compile(r"^[^;()]{0,30}?\s(lên|xuống)\s*(?:mức\s*)?$", re.I)
PCT_GAP_RE = re.compile(r"^[^;]{0,80}$")


def _by_block(resolved: list[Resolved]) -> Iterable[tuple[str, list[int]]]:
    groups: dict[int, list[int]] = {}
    texts: dict[int, str] = {}
    for i, r in enumerate(resolved):
        groups.setdefault(id(r.block), []).append(i)
        texts[id(r.block)] = r.block.text
    for key, idx in groups.items():
        yield texts[key], sorted(idx, key=lambda i: resolved[i].figure.start)


def link_relations(rows: list[dict], resolved: list[Resolved], catalog) -> None:
    for text, idx in _by_block(resolved):
        figs = [(i, resolved[i].figure) for i in idx if resolved[i].figure.kind in STAT_KINDS]
        _link_breakdowns(rows, text, figs, resolved, catalog.units.count_units)
        _link_restatements(rows, text, figs)
        _link_multipliers(rows, text, figs, resolved)
        _link_changes(rows, text, figs, catalog.indicators)


def _slug(text: str) -> str:
    from checker.text import slug
    return slug(text)





def _link_breakdowns(rows, text, figs, resolved, counts) -> None:
    """`905 đảng viên (khiển trách 757, cảnh cáo 112, ...)`: the list breaks down the total.
    Items may name kinds of the total's thing (`13.638 văn bản (3.191 quyết định, ...)`)."""
    for n, (i, total) in enumerate(figs):
        if total.kind not in ("statistic", "fraction") or total.unit is None:
            continue
        # The bracket opens right after the total, or a few words on with no figure between
        # (`36 văn bằng bảo hộ sở hữu trí tuệ cho ... của tỉnh (05 chỉ dẫn địa lý, ...)`).
        m = re.match(r"[^;().\d]{0,100}?\(", text[total.end:])
        if not m:
            continue
        close = text.find(")", total.end + m.end())
        if close < 0:
            continue
        items = [(j, f) for j, f in figs[n + 1:] if f.start < close]
        if any(f.start < total.end + m.end() for _, f in items):
            continue
        if len(items) < 2:
            continue
        if any(f.kind != "statistic" for _, f in items):
            continue
        same = all(f.unit in (None, total.unit) for _, f in items)
        kinds_of = total.unit in counts and all(f.unit in counts for _, f in items)
        if not (same or kinds_of):
            continue
        inner = text[total.end + m.end():close]
        if ";" in inner.replace(";...", "").replace("; ...", ""):
            pass  # a semicolon inside the brackets still lists parts of one total
        bounded = bool(re.search(r"(\.\.\.|…)\s*$", inner.strip()))
        previous_end = total.end + m.end()
        for j, item in items:
            rows[j]["part_of"] = i
            rows[j]["part_bound"] = bounded
            if item.unit is None:
                rows[j]["unit"] = rows[i]["unit"]
            # A part measures what its total measures, narrowed to its own label:
            # `khiển trách 757` is the reprimanded part of `905 đảng viên`.
            label = re.split(r"[,;(:]", text[previous_end:item.start])[-1].strip()
            previous_end = item.end
            for field in ("indicator", "entity", "period", "role"):
                if rows[j][field] is None:
                    rows[j][field] = rows[i][field]
            if not rows[j]["scope"]:
                rows[j]["scope"] = _slug(label) if label else (item.unit or "")


def _link_restatements(rows, text, figs) -> None:
    """`115/121 xã, bằng 95,04%`: the percentage restates the fraction."""
    for n, (i, frac) in enumerate(figs):
        if frac.kind != "fraction" or not frac.denominator:
            continue
        for j, pct in figs[n + 1:n + 2]:
            if pct.unit == "percent" and PCT_GAP_RE.match(text[frac.end:pct.start]):
                rows[j]["restates"] = i


def _link_multipliers(rows, text, figs, resolved) -> None:
    """`119 triệu đồng/người, gấp 1,5 lần năm 2020 (79,4 triệu đồng)` and
    `tăng từ 16.440 tỷ đồng lên 24.735 tỷ đồng (gấp 1,70 lần)`."""
    for n, (i, times) in enumerate(figs):
        if times.unit != "times" or not TIMES_RE.search(text[max(0, times.start - 8):times.start]):
            continue
        before = [(j, f) for j, f in figs[:n] if ";" not in text[f.end:times.start]]
        after = [(j, f) for j, f in figs[n + 1:] if ";" not in text[times.end:f.start]]
        if not before:
            continue
        cur_i, cur = before[-1]
        unit = resolved[cur_i].unit
        if len(before) >= 2 and FROM_RE.search(text[max(0, before[-2][1].start - 12):before[-2][1].start]):
            base_i, base = before[-2]
            if resolved[base_i].unit == unit:
                rows[i]["ratio_num"], rows[i]["ratio_den"] = cur_i, base_i
                continue
        for j, f in after[:1]:
            gap = text[times.end:f.start]
            if resolved[j].unit == unit and "(" in gap and len(gap) <= 30:
                rows[i]["ratio_num"], rows[i]["ratio_den"] = cur_i, j


def _link_changes(rows, text, figs, indicators) -> None:
    """`tăng từ A lên B`: B must be above A; `giảm từ A xuống B`: below."""
    for n, (i, a) in enumerate(figs):
        fm = FROM_RE.search(text[max(0, a.start - 12):a.start])
        if not fm:
            continue
        for j, b in figs[n + 1:n + 2]:
            tm = TO_RE.match(text[a.end:b.start])
            if tm and a.unit == b.unit:
                rows[j]["change_from"] = i
                rows[j]["change_dir"] = "up" if fm.group(1).lower() == "tăng" else "down"
                _as_levels(rows, (i, j), indicators)


def _as_levels(rows: list[dict], ids: tuple[int, ...], indicators) -> None:
    """`tỷ lệ hộ nghèo giảm từ 12,5% xuống 5,5%` states two levels, not two average
    reductions: a rate indicator with a level (in the catalog) gives way to it."""
    for k in ids:
        ind = indicators.get(rows[k]["indicator"] or "")
        if ind is not None and ind.level:
            level = indicators[ind.level]
            if level.unit == rows[k]["unit"]:
                rows[k]["indicator"] = level.id
                if rows[k]["period"] and "-" in rows[k]["period"] and "/" not in rows[k]["period"]:
                    rows[k]["period"] = rows[k]["period"].split("-")[-1]


def extract(paths: list[str], catalog=None, progress=None) -> tuple[pd.DataFrame, list[Document]]:
    """Read drafts and data files and return the facts table and the drafts' documents.
    Files are read in sorted order, so the table (and every output) is the same whatever
    order they are given in.  `progress(path)` is called as each file is read."""
    from checker.catalog import load_catalog
    from checker.datafile import is_data_file, read_data_files
    from checker.ingest import parse
    from checker.resolve import Resolver

    catalog = catalog or load_catalog()
    paths = sorted(dict.fromkeys(str(p) for p in paths))
    docs: list[Document] = []
    for path in paths:
        if not is_data_file(path):
            docs.extend(parse(path))
        if progress:
            progress(path)
    resolver = Resolver(catalog)
    resolved = []
    by_path: dict[str, list[Document]] = {}
    for d in docs:
        by_path.setdefault(d.path, []).append(d)
    for group in by_path.values():
        resolved.extend(resolver.resolve(group))
    data_rows = read_data_files([p for p in paths if is_data_file(p)], catalog)
    return build_facts(resolved, catalog, data_rows), docs
