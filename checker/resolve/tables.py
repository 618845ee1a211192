"""Table reading: column roles from the header, and each value cell's indicator, province,
period and role from its row label and column heading."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from checker.catalog import Catalog, percent_past_rates, unit_misfit
from checker.figures import signed_cell
from checker.records import Evidence, Figure, Resolution
from checker.records import STAT_KINDS
from checker.resolve.columns import (CAPTION_RE, RELATIVE_KINDS, VALUE_KINDS, Column, caption_of, cell_range, label_role,
                                     read_columns, table_entity, table_unit)
from checker.resolve.derived import numbering_rank
from checker.resolve.entities import entity_mentions, row_entity
from checker.resolve.subjects import row_subject, units_table
from checker.resolve.indicators import Reading, percent_slip, pick_indicator, unit_fit
from checker.resolve.periods import TERM_END_RE, find_periods, heading_period, period_end, report_year
from checker.resolve.qualifiers import qualifier_of
from checker.resolve.resolved import Resolved
from checker.resolve.roles import finish, heading_role
from checker.resolve.scans import cached_property
from checker.resolve.stages import settled, stage_before
from checker.text import Mention, fold, slug

FUZZY_EXTRA = 3  # words a table label may have beyond an indicator's name
# `Hưng Yên (Thái Bình + Hưng Yên)`: the bracket lists what the province was made of.
BRACKETED_NAMES_RE = re.compile(r"\((?=[^()]*[+,;]|[^()]*\bvà\b)[^()]{3,}\)")


# A row label that names a unit of its own (`Tốc độ tăng (%)`, `Tỷ lệ … (người/km²)`).
PERCENT_LABEL_RE = re.compile(r"%|\([^()]*(?:/|đồng|người|ha|tấn|km)[^()]*\)", re.I)


# Words of a change of a level in a row label (`Tỷ lệ hộ nghèo giảm bình quân`, `Tốc độ tăng`).
CHANGE_WORD_RE = re.compile(r"(?i)(?<!\w)(?:tăng|giảm|gấp|lần|tốc độ|phát triển|bình quân|mức|so với|điểm)(?!\w)")


# A caption that adds up the former provinces' accounts (`tổng hợp ba địa phương trước hợp nhất`).
SUMMED_RE = re.compile(r"(?i)(?<!\w)(?:tổng hợp|tổng cộng)(?!\w)")


# Words a block row may open with before its province's name (`Tỉnh Sóc Trăng (cũ)`).
BLOCK_LEAD_RE = re.compile(r"(?i)\b(?:tỉnh|thành phố|tp\.?|khu vực|địa bàn)\b|\W")


# A label that names what is left of a whole (`Thu khác`, `Các khoản thu còn lại`).
OTHER_RE = re.compile(r"(?<!\w)(?:khác|còn lại)(?!\w)", re.I)


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


# `Bảng 1. Kết quả kết nạp đảng viên …`: words over what the table measures, not part of its name
CAPTION_OPENER_RE = re.compile(r"^(?:kết quả|tình hình|số liệu)\s+(?:thực hiện\s+)?", re.I)
LABEL_UNIT_RE = re.compile(r"\(([^()]{1,24})\)\s*$")  # `Số lượt khám bệnh (lượt)`
LABEL_BULLET_RE = re.compile(r"^\s*[-–+•]\s+")
YEAR_LABEL_RE = re.compile(r"^[\s*]*(?:19|20)\d{2}[\s*]*$")
# A table's total row (`Tổng số`, `Tổng cộng`, `Toàn tỉnh`) with no name of its own.
TOTAL_ROW_RE = re.compile(r"^\W*(?:tổng số|tổng cộng|tổng|toàn tỉnh|toàn thành phố|cộng)\W*$", re.I)
LETTER_RE = re.compile(r"[^\W\d_]")
WORD_KINDS = ("evaluation", *VALUE_KINDS)  # (the columns whose cells may hold an evaluation word)

class FuzzyLabels:
    """A table label that no name matches exactly (OCR slips: `thât nghiệp`, `Tỉ lệ`).
    Every word of an indicator's name must stand in the label, each allowed one slip
    (Levenshtein distance), with at most a few words more.  Two indicators that fit
    equally well are a tie: reported, not picked."""

    def __init__(self, catalog: Catalog, stop_words: frozenset[str]):
        self.catalog = catalog
        self.stop_words = stop_words

    @cached_property
    def choices(self) -> dict[str, list[str]]:
        """Each indicator name and alias, folded, with the indicators it names (made on the
        first label that needs it: most runs have none)."""
        choices: dict[str, list[str]] = {}
        for ind in self.catalog.indicators.values():
            for name in (ind.name, *ind.aliases):
                key = " ".join(re.findall(r"\w+", fold(name)))
                if len(key) >= 8 and ind.id not in choices.get(key, []):
                    choices.setdefault(key, []).append(ind.id)
                    self.tokens.setdefault(key, self._words(name))
        return choices

    @cached_property
    def tokens(self) -> dict[str, list[str]]:
        """Each choice's folded words less the stop words (filled with `choices`)."""
        return {}

    def _words(self, text: str) -> list[str]:
        """The folded words of `text` less the stop words, told apart before folding: `tại`
        is one, `tải` (`vận tải`) is not."""
        return [fold(w) for w in re.findall(r"\w+", text.lower()) if w not in self.stop_words]

    def match(self, label: str, fig: Figure) -> tuple[str | None, str]:
        if OTHER_RE.search(label):
            return None, ""  # `Thu khác nội địa`: the other lines, not the whole an approximate name is
        from rapidfuzz.distance import (
            Levenshtein,  # only tables with an unmatched label need it
        )

        words = self._words(re.sub(r"\(.*?\)|\b\d{4}\b", " ", label))
        if not words:
            return None, ""

        exact = set(words)
        counts = Counter(words)

        def slipped(token: str, free: Counter) -> bool:
            limit = 1 if len(token) >= 2 else 0
            return any(Levenshtein.distance(token, w, score_cutoff=limit) <= limit for w in free)

        best: dict[str, int] = {}
        for choice, ids in self.choices.items():
            tokens = self.tokens[choice]
            if len(tokens) < 2:
                continue
            # Folded syllables are short: one slip turns `số đảng viên` into `sử dụng tiền`, so
            # a name may slip on one syllable only, beside at least two it shares exactly.
            slips = [t for t in tokens if t not in exact]
            if len(slips) > 1 or (slips and len(tokens) - 1 < 2):
                continue
            # A slip is written as a word of the label that no other word of the name took:
            # `có` in `ấp, khóm có tổ chức đảng` is no slip of `cơ sở`'s `sở` beside its `cơ`.
            free = counts - Counter(t for t in tokens if t in exact)
            if not all(slipped(t, free) for t in slips):
                continue
            if slips and not _in_a_row(tokens, words, Levenshtein):
                continue  # (`Diện tích rừng trồng mới` holds `diện tích` and `mới`, not `diện tích mì`)
            extra = len(words) - len(tokens)
            if extra > FUZZY_EXTRA:
                continue
            for ind_id in ids:
                if fig.unit is None or unit_fit(self.catalog.units, fig.unit, self.catalog.indicators[ind_id]) is not None:
                    best[ind_id] = min(best.get(ind_id, 99), max(extra, 0))
        ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0]))
        if not ranked:
            return None, ""
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None, f"ambiguous label: {ranked[0][0]} or {ranked[1][0]}"
        return ranked[0][0], "label matched approximately"


def _in_a_row(tokens: list[str], words: list[str], distance) -> bool:
    """A name with a slipped syllable is written in a row in the label, each word the
    name's own or one slip from it."""
    n = len(tokens)
    return any(all(w == t or distance.distance(w, t, score_cutoff=1) <= 1 for w, t in zip(words[k:k + n], tokens))
               for k in range(len(words) - n + 1))


# A label that says its row is a rate or share (a rate's name may be shortened to its subject).
SEASON_RE = re.compile(r"(?<!\w)(?:(?:cả\s+)?vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|chiêm\s+xuân|chiêm|mùa|xuân|hè)"
                       r"|(?:đông\s+xuân|hè\s+thu|thu\s+đông|chiêm\s+xuân))(?!\w)", re.I)
RATE_LABEL_RE = re.compile(r"tỷ lệ|tỉ lệ|tỷ trọng|tốc độ|chỉ số|%", re.I)
RATE_LEAD_RE = re.compile(r"\s*(?:(?:trong đó|riêng)\s*[:\-–]?\s*)?(?:tỷ lệ|tỉ lệ|tỷ trọng)(?!\w)", re.I)
# After a rate's name, words that make the label another quantity: per person, a second item.
RATE_REST_RE = re.compile(r"[/:;,+]|\s-\s|(?<!\w)(?:và|trên|mỗi|bình quân|đầu người|số lượng|số tiền|giá trị)(?!\w)", re.I)
# Between a name and the one narrowing it: nothing, or a passive's auxiliary (`được kết nạp`).
NARROWING_GAP_RE = re.compile(r"\s*(?:(?:đã|được|bị)\s+)*", re.I)
# `Tỷ lệ dân số đô thị | được cấp nước sạch`: a rate's name followed by what its population
# receives, uses or takes part in rates that narrower population, another measure than the
# name's own (`… có bằng, chứng chỉ` is left to the catalog: reports use it for the rate itself).
NARROWED_RATE_RE = re.compile(r"\s+(?:được|bị|sử dụng|tham gia)\s+[^\W\d_]", re.I)
SUB_LEAD_RE = re.compile(r"^\s*(?:trong đó|bao gồm|gồm|riêng)?\s*[:\-–+]?\s*", re.I)


DOTTED_PARENT_RE = re.compile(r"^(\d+(?:\.\d+)*)\.\d+$")  # `4.1` under `4`, `2.3.1` under `2.3`


class TableReader:
    """Reads the value and evaluation cells of table rows; a row naming only a province
    (no values) heads the rows under it."""

    def __init__(self, catalog: Catalog, lexer, cues):
        self.catalog, self.lexer, self.cues = catalog, lexer, cues
        self.units = catalog.units
        self.fuzzy = FuzzyLabels(catalog, cues.label_stop_words)
        self._columns: dict[tuple[str, ...], tuple[Column, ...]] = {}
        self._tables: dict[tuple, Resolution | None] = {}
        # (no evaluation word of the catalog is written without a letter: a value cell with
        # none, a number, is no word, and is not looked up as one)
        self._lettered_labels = all(LETTER_RE.search(w) for words in catalog.cues["role"]["labels"].values()
                                    for w in words)

    def columns(self, header: tuple[str, ...]) -> tuple[Column, ...]:
        cols = self._columns.get(header)
        if cols is None:
            cols = self._columns[header] = read_columns(self.catalog, header)
        return cols

    def _table_entity(self, doc, block) -> Resolution | None:
        key = (doc.path, doc.index, block.table)
        if key not in self._tables:
            self._tables[key] = table_entity(self.catalog, caption_of(doc, block.table), block.section)
        return self._tables[key]

    def _summed_formers(self, doc, block, own: str | None) -> Resolution | None:
        """`CÂN ĐỐI QUYẾT TOÁN … (TỔNG HỢP BA ĐỊA PHƯƠNG TRƯỚC HỢP NHẤT)`: a caption that sums
        the former provinces, naming none, is about the merged province the report is of."""
        entity = self.catalog.entities.get(own) if own else None
        if entity is None or not entity.formers or any(c.entity is not None for c in self.columns(block.header)):
            return None  # (columns of provinces say whose each cell is)
        for caption in (caption_of(doc, block.table) or "", block.section[-1] if block.section else ""):
            if entity_mentions(self.catalog, caption, caption):
                return None  # (a caption naming a province says whose the table is)
            if SUMMED_RE.search(caption) and (self.catalog.cue("several").find(caption)
                                              or self.catalog.cue("former").find(caption)):
                return Resolution(own, Evidence.TABLE_HEADER, f"`{caption.strip()[:60]}` sums the former provinces")
        return None

    def _caption_period(self, doc, block) -> Resolution | None:
        """`Bảng 2. Một số chỉ tiêu chủ yếu … năm 2025` right above a table: a caption of one
        period dates the cells whose column and label give none (as a heading would)."""
        key = (doc.path, doc.index, block.table, "caption period")
        if key not in self._tables:
            caption = caption_of(doc, block.table)
            found = find_periods(caption, self.catalog.cue("not_period").find(caption)) if caption else []
            # (a span, `năm học 2025 - 2026`, `giai đoạn 2021 - 2025`, is left to the headings)
            values = {p.value for p in found if p.kind not in ("dates", "date", "range")
                      and not re.search(r"\d{4}-\d{4}", p.value or "")}
            self._tables[key] = Resolution(values.pop(), Evidence.TABLE_HEADER, f"caption `{caption.strip()[:60]}`") \
                if len(values) == 1 else None
        return self._tables[key]

    def _table_unit(self, doc, block):
        key = (doc.path, doc.index, block.table, "unit")
        if key not in self._tables:
            self._tables[key] = table_unit(self.catalog, doc, block.table)
        return self._tables[key]

    def _group_context(self, doc, block, context: str) -> str:
        """The headings and every group row of the table (`I | HÀ NAM`, `II | NINH BÌNH`): a
        name shared by a merged and a former province, beside its partners, is the former."""
        key = (doc.path, doc.index, block.table, "groups")
        if key not in self._tables:
            labels = [b.text for b in doc.blocks if b.table == block.table and b.kind == "table_row"
                      and not re.search(r"\d", re.sub(r"^\W*\w{1,4}\W", "", b.text))]
            self._tables[key] = " | ".join(labels)
        return context + " | " + self._tables[key] if self._tables[key] else context

    def read_row(self, doc, block, own: str | None, groups: dict[int, Resolution]) -> list[Resolved]:
        cat = self.catalog
        cols = self.columns(block.header)
        roles = [c.kind for c in cols]
        cells = [(block.text[a:b], a) for a, b in block.cells]
        label_i = roles.index("label") if "label" in roles else (1 if len(cells) > 1 else 0)
        label = cells[label_i][0] if label_i < len(cells) else ""
        context = " | ".join(block.section)
        value_cells = [(i, c, off) for i, (c, off) in enumerate(cells)
                       if i != label_i and roles[i:i + 1] and roles[i] in VALUE_KINDS]
        has_values = any(c.strip() for _, c, _ in value_cells) or any(
            roles[i:i + 1] == ["evaluation"] and c.strip() for i, (c, _) in enumerate(cells))
        names = entity_mentions(cat, BRACKETED_NAMES_RE.sub(_blank, label), self._group_context(doc, block, context))
        if not has_values and names:
            m, e, why = names[0]
            groups[block.table] = Resolution(e, Evidence.TABLE_HEADER if e else Evidence.NONE,
                                             f"group row `{m.text}` above: {why}")
            self._tables[(doc.path, doc.index, block.table, "block rank")] = None
            return []
        group = self._block_group(doc, block, label, names, groups)
        if not names and group is None:
            # No row names the province: the table's caption or heading may (`A. Tỉnh X (cũ)`).
            group = self._summed_formers(doc, block, own) or self._table_entity(doc, block)
        total = bool(self.cues.table_total.match(label))
        subject = row_subject(cat, label, cols[label_i].heading if label_i < len(cols) else "", names, total,
                              self._names_measure, block.line, total and self._units_table(doc, block, label_i))
        if subject is not None:
            # (a commune's, a hospital's row: of the province's table, but not the province's figure)
            entity = Resolution(None, Evidence.NONE, subject.reason) if not subject.value \
                else row_entity(cat, [], group, context, own)
            names = []
        else:
            entity = row_entity(cat, names, group, context, own)
        heading = self._caption_period(doc, block) or heading_period(block.section, doc.title)
        period = self._label_period(label, heading)
        row = _Row(block, doc, label, context, roles, entity, period, heading, cols, bool(names), label_i,
                   self._head_label(doc, block, roles, cells, label), self._column_unit(roles, cells),
                   scope=subject.value if subject is not None and subject.value else None)
        results = [r for i, cell, off in value_cells for r in self._values(row, i, cell, off, cells)]
        self._sub_row(row, cells, results)
        return results + self._evaluations(row, cells, results)

    def _units_table(self, doc, block, label_i: int) -> bool:
        key = (doc.path, doc.index, block.table, "units")
        if key not in self._tables:
            cols = self.columns(block.header)
            labels = [b.text[b.cells[label_i][0]:b.cells[label_i][1]] for b in doc.blocks
                      if b.table == block.table and b.kind == "table_row" and label_i < len(b.cells)]
            self._tables[key] = units_table(self.catalog, labels, cols[label_i].heading if label_i < len(cols) else "",
                                            self.cues.table_total, self._names_measure)
        return self._tables[key]

    def _names_measure(self, label: str) -> bool:
        return bool(self._label_scope(label) or self.catalog.indicator_matcher.find(label))

    def _block_group(self, doc, block, label: str, names, groups: dict[int, Resolution]) -> Resolution | None:
        """`| B | TỈNH SÓC TRĂNG (CŨ) | 5.756.000 | 6.134.824 |` then `| I | Thu nội địa | …`: a
        row of the top numbering (A, I) whose label opens with a province's name is that
        province's subtotal, and heads the rows numbered deeper under it; a row of its rank
        or an unnumbered one (`Tổng cộng`) ends the block."""
        key = (doc.path, doc.index, block.table, "block rank")
        rank = numbering_rank(block, label)
        if key in self._tables and self._tables[key] is not None and (rank is None or rank <= self._tables[key]):
            groups.pop(block.table, None)
            self._tables[key] = None
        if names and rank in (0, 1) and names[0][1] is not None and len({e for _, e, _ in names}) == 1 \
                and not BLOCK_LEAD_RE.sub("", label[:names[0][0].start]).strip():
            m, e, why = names[0]
            groups[block.table] = Resolution(e, Evidence.TABLE_HEADER, f"block row `{m.text}` above: {why}")
            self._tables[key] = rank
            return None
        return groups.get(block.table)

    def _head_label(self, doc, block, roles, cells, label: str) -> str:
        """`| 3 | Cơ cấu kinh tế | % |` then `| - | Dịch vụ | % | 38,2 |`: a row numbered by a
        bullet or a small letter is read under the label of the numbered row above it (the words
        that say which structure `Dịch vụ` is a share of)."""
        if "number" not in roles or roles.index("number") >= len(cells):
            return ""
        key = (doc.path, doc.index, block.table, "head")
        marker = cells[roles.index("number")][0].strip().rstrip(".)")
        if re.fullmatch(r"[-–+*•]|[a-zđ]", marker) or not marker:
            return self._tables.get(key) or ""
        self._tables[key] = label
        # `| 4 | Cơ cấu kinh tế | |` then `| 4.1 | Dịch vụ | % | 27,4 |`: a row numbered under
        # another's number is read under that row's label too
        numbered = self._tables.setdefault((doc.path, doc.index, block.table, "numbered"), {})
        numbered[marker] = label
        parent = DOTTED_PARENT_RE.match(marker)
        return numbered.get(parent.group(1), "") if parent else ""

    def _sub_row(self, row: "_Row", cells, results: list[Resolved]) -> None:
        """`| 3 | Tổng thu ngân sách … | 19.500 |` then `| | Trong đó: Thu nội địa | 16.800 |`: a
        row with no number under a numbered one is a kind of it, and measures what it does
        (narrowed by its own label) where its label names nothing of its own."""
        if "number" not in row.roles:
            return
        key = (row.doc.path, row.doc.index, row.block.table, "parent")
        numbered = bool(cells[row.roles.index("number")][0].strip()) if row.roles.index("number") < len(cells) else False
        if numbered:
            self._tables[key] = {r.column_role: r for r in results if r.indicator}
            return
        parent = self._tables.get(key) or {}
        label = SUB_LEAD_RE.sub("", row.label)
        provinces = self.catalog.entity_matcher.find(label)
        for m in sorted(provinces, key=lambda m: -m.start):
            # (`- Đồng Nai (cũ)`: the row is that province's, its name no kind of the parent)
            label = label[:m.start] + " " + label[m.end:]
        words = [w for w in re.findall(r"[^\W\d_]+", label.lower()) if w not in self.cues.not_a_head]
        for r in results:
            above = parent.get(r.column_role)
            if r.indicator is None and above is not None and (words or provinces) \
                    and r.column_role in ("target", "actual", "value"):
                r.settle("indicator", Resolution(above.indicator, Evidence.RELATION,
                                                 f"a row under `{above.row_label.strip()[:40]}`"))
                r.unit = r.unit or above.unit
                r.scope = r.scope or (slug(" ".join(words)) if words else "")

    def _cell_entity(self, row: "_Row", i: int) -> Resolution:
        """A cell's province: the row label's, else its column group's, else the row's block,
        caption or heading; a column group and a row block naming two provinces: none."""
        column = row.columns[i].entity if i < len(row.columns) else None
        if row.named or column is None:
            return row.entity
        if column.value is not None and row.entity.evidence is Evidence.TABLE_HEADER \
                and row.entity.value not in (None, column.value):
            return Resolution(None, Evidence.NONE, f"{column.reason}, but {row.entity.reason}")
        return column

    def _cell_period(self, row: "_Row", i: int) -> Resolution | None:
        """A year column (`2020 | 2025`) gives its cells' period; else the row label's, else the
        column heading's (`Thực hiện năm 2025`), else the heading's (left to `finish`)."""
        column = row.columns[i] if i < len(row.columns) else None
        if column is not None and column.period is not None and (column.year_column or row.period is None):
            return column.period
        return row.period

    def _label_period(self, label: str, heading: Resolution | None) -> Resolution | None:
        periods = find_periods(label, self.catalog.cue("not_period").find(label))
        if periods:
            return Resolution(periods[-1].value, Evidence.TABLE_HEADER, f"row label `{periods[-1].text}`")
        if YEAR_LABEL_RE.match(label):
            # `Năm | Lâm Đồng (cũ) | …` over rows `2021`, `2022`: a row named by a year alone is that year's
            return Resolution(label.strip(" *"), Evidence.TABLE_HEADER, f"row label `{label.strip()}`")
        if TERM_END_RE.search(label) and heading:
            return Resolution(heading.value.split("-")[-1], heading.evidence, f"`cuối nhiệm kỳ` of {heading.reason}")
        return None

    def _label_unit(self, row: "_Row"):
        """`I. Số lượt khám bệnh (lượt)`: a count's unit in brackets closing a row's label is
        its bare cells' unit, and the unit of the bulleted rows under it (`- Tuyến tỉnh`)."""
        key = (row.doc.path, row.doc.index, row.block.table, "label unit")
        bracket = LABEL_UNIT_RE.search(row.label)
        found = self.units.match(" " + bracket.group(1).strip(), 0) if bracket else None
        if found is not None and found.unit is not None and found.unit != "percent":
            self._tables[key] = found
        elif not LABEL_BULLET_RE.match(row.label):
            self._tables[key] = None
        return self._tables.get(key)

    def _heading_unit(self, text: str):
        """The unit a heading names (`(tỷ đồng)`), or the noun it counts (`Số buồng`)."""
        found = self.units.match(" " + text, 0)
        return found if found.unit is not None else self.units.noun(" " + text, 0)

    def _values(self, row: "_Row", i: int, cell: str, off: int, cells) -> list[Resolved]:
        figs = [f for f in self.lexer.scan(cell) if f.kind in STAT_KINDS]
        column = row.columns[i]
        if column.kind in ("target", "actual", "value"):
            figs = cell_range(cell, figs)
        if column.kind in RELATIVE_KINDS:
            figs = signed_cell(cell, figs)  # (`-13,1` under `So cùng kỳ (%)`: a fall)
            column_unit = None  # (a comparison or share-of-plan cell is a percentage, not in the row's unit)
        else:
            column_unit = row.unit_cell or (self._heading_unit(column.unit_text) if column.unit_text else None)
            if column_unit is None and not PERCENT_LABEL_RE.search(row.label):
                # `Đơn vị: triệu đồng` above the table: its bare numbers' unit (not a `(%)` row's)
                column_unit = self._table_unit(row.doc, row.block)
            column_unit = column_unit or self._label_unit(row)
        head, _, tail = row.label.partition(":")
        # `Cơ cấu kinh tế: Công nghiệp, xây dựng - Dịch vụ - Nông, lâm nghiệp`: one label, several indicators.
        parts = [p.strip() for p in tail.split(" - ")] if tail and " - " in tail else []
        results = []
        for j, fig in enumerate(figs):
            fig = fig.moved(off)
            if column_unit is not None and column_unit.unit is not None and fig.unit is None:
                # `| GRDP bình quân đầu người | triệu đồng/người | 180 |`: the unit has a column of its own.
                fig = replace(fig, unit=column_unit.unit, unit_text=column_unit.text, scale=column_unit.scale,
                              interval=fig.interval.scaled(column_unit.scale) if fig.interval is not None else None)
            fig = self._per_10k(fig, row.label)
            r = Resolved(fig, row.block, row.doc, column_role=row.roles[i], row_label=row.label)
            self._settle_indicator(r, row, column, fig, parts, j, head, len(figs))
            r.settle("entity", self._cell_entity(row, i))
            r.settle("period", self._rate_period(r, row, self._cell_period(row, i)))
            r.settle("role", column.role or (label_role(self.catalog, row.label) if column.kind == "value" else None))
            if column.kind in RELATIVE_KINDS:
                r.measure = column.kind
            elif column.heading:
                # `Quyết toán 2024`, `Ước thực hiện năm 2024`: the column's stage is its cells'.
                r.stage = stage_before(column.heading, 0, len(column.heading), self.cues.stage)[0]
            r.scope = self._row_scope(row) or self._label_qualifier(r, row.label)
            finish(r, self.catalog, row.heading, self.cues)
            if r.stage:
                r.stage = settled(r.stage, period_end(r.period) if r.period else None, report_year(row.doc))
            self._caption_role(r, row)
            results.append(r)
        return results

    def _caption_role(self, r: Resolved, row: "_Row") -> None:
        """`III. PHƯƠNG HƯỚNG …` then `Biểu 1. MỘT SỐ SỐ LIỆU … NHIỆM KỲ 2020 - 2025`: a table
        under its own caption is what the caption says, not a target for being placed after
        the section on what comes next (a caption that names targets keeps them)."""
        role = r.fields["role"]
        if role.value != "target" or role.evidence is not Evidence.HEADING:
            return
        key = (row.doc.path, row.doc.index, row.block.table, "caption")
        if key not in self._tables:
            self._tables[key] = caption_of(row.doc, row.block.table)
        caption = self._tables[key]
        if caption is None or not CAPTION_RE.match(caption):
            return
        said = heading_role((CAPTION_RE.sub("", caption).lstrip(" .:-0-9IVX"),), self.cues)
        if said is None or said.value == "actual":
            r.settle("role", Resolution("actual", Evidence.TABLE_HEADER,
                                        f"caption `{caption.strip()[:50]}` names no target"))

    def _per_10k(self, fig: Figure, label: str) -> Figure:
        """`Số bác sĩ/vạn dân | 10 bác sĩ`: the row label states the rate's denominator, the
        cell only its count noun; read the cell as written under its label."""
        if fig.unit is None or "/" in fig.unit or fig.unit == "percent":
            return fig
        ending = next((e for e in self.units.per_10k if e in label.lower()), None)
        if ending is None:
            return fig
        written = fig.text if fig.unit_text and fig.unit_text in fig.text else f"{fig.text} {fig.unit_text}"
        # (`9,6 bác sĩ` + `trên 1 vạn dân`: a word ending is its own word)
        read = [f for f in self.lexer.scan(written + ("" if ending.startswith("/") else " ") + ending)
                if f.kind in STAT_KINDS]
        if len(read) != 1 or read[0].unit is None or not read[0].unit.endswith("/ nguoi"):
            return fig
        interval = fig.interval.scaled(read[0].scale / fig.scale) if fig.interval is not None and fig.scale else None
        return replace(fig, unit=read[0].unit, scale=read[0].scale, interval=interval or read[0].interval,
                       unit_text=f"{fig.unit_text}{ending}")

    def _rate_period(self, r: Resolved, row: "_Row", period: Resolution | None) -> Resolution | None:
        """`Thực hiện năm 2025` over a growth rate averaged over the term 2021-2025: the rate's
        period is the term the heading names, reported in its last year."""
        ind = self.catalog.indicators.get(r.indicator) if r.indicator else None
        heading = row.heading
        if ind is None or ind.temporal != "rate" or period is None or heading is None or period is row.period:
            return period
        if "-" in heading.value and heading.value.split("-")[-1] == period.value:
            return Resolution(heading.value, heading.evidence, f"{heading.reason}: a rate over the term ({period.reason})")
        return period

    def _settle_indicator(self, r: Resolved, row: "_Row", column: Column, fig: Figure, parts, j: int,
                          head: str, count: int) -> None:
        """The row label's indicator, else the column heading's (`Tổng GRDP (tỷ đồng)`); a
        comparison or share-of-plan cell is not a level of it: left unresolved."""
        if column.kind in RELATIVE_KINDS:
            r.settle("indicator", Resolution(None, Evidence.NONE, f"column `{column.heading}` compares, not a level"))
            return
        if parts and len(parts) == count:
            reading = self._indicator(fig, self.catalog.indicator_matcher.find(parts[j]),
                                      row.context + " | " + head, row.label, f"part `{parts[j]}` of the row label")
        else:
            mentions = self._row_mentions(row)
            where = f"row label `{row.label.strip()[:60]}`"
            if not mentions and column.indicators:
                mentions, where = list(column.indicators), f"column `{column.heading[:60]}`"
            if not mentions and (TOTAL_ROW_RE.match(row.label) or YEAR_LABEL_RE.match(row.label)):
                mentions, where = self._caption_mentions(row)
            reading = self._indicator(fig, mentions, f"{row.context} | {row.head_label} | {row.label}", row.label, where)
        r.unit, r.factor = reading.unit, reading.factor
        r.settle("indicator", self._level_of_change(reading.resolution(), row.label, fig))
        if reading.note:
            r.notes.append(reading.note)

    def _level_of_change(self, found: Resolution, label: str, fig: Figure) -> Resolution:
        """`| Tỷ lệ hộ nghèo (chuẩn đa chiều) | % | 1,62 |`: a label whose words name a change
        of a level (an alias the change shares with its level) but say nothing of a change
        (`giảm`, `tăng`, `gấp`, `bình quân` …) states the level itself."""
        ind = self.catalog.indicators.get(found.value) if found.value else None
        level = self.catalog.indicators.get(ind.level) if ind is not None and ind.level else None
        # (only a rate's change, in the rate's own unit: a growth of an amount in `%` is no amount)
        if level is None or level.unit != ind.unit or fig.unit not in (None, "percent") or CHANGE_WORD_RE.search(label):
            return found
        return Resolution(ind.level, found.evidence, f"{found.reason}: no word of a change, so the level")

    def _caption_mentions(self, row: "_Row") -> tuple[list[Mention], str]:
        """`Biểu 3. Tổng mức bán lẻ hàng hóa …` over a `Tổng số` row: the total row is the
        indicator the caption opens with (the caption names it and nothing before it)."""
        key = (row.doc.path, row.doc.index, row.block.table, "caption")
        if key not in self._tables:
            self._tables[key] = caption_of(row.doc, row.block.table)
        caption = self._tables[key]
        if caption is None or not CAPTION_RE.match(caption):
            return [], ""
        name = CAPTION_OPENER_RE.sub("", CAPTION_RE.sub("", caption).lstrip(" .:-0123456789IVX"))
        found = [m for m in self.catalog.indicator_matcher.find(name) if m.start == 0]
        return found[:1], f"caption `{caption.strip()[:60]}` over the row `{row.label.strip()}`"

    def _column_unit(self, roles, cells):
        unit_cell = next((c for i, (c, _) in enumerate(cells) if roles[i:i + 1] == ["unit"] and c.strip()), None)
        return self.units.match(" " + unit_cell.strip(), 0) if unit_cell else None

    def _row_mentions(self, row: "_Row") -> list[Mention]:
        """The row label's indicator names, read once for all the row's cells (not to be changed)."""
        if row.mentions is None:
            row.mentions = self._label_mentions(row.label)
        return row.mentions

    def _label_mentions(self, label: str) -> list[Mention]:
        matcher = self.catalog.indicator_matcher
        found = matcher.find(label)
        # `Số doanh nghiệp | thành lập mới`, `Số đảng viên | kết nạp`: a name right after another
        # narrows it (a label is one noun phrase, its head first), so the head names no
        # indicator of this row; what the narrowing name measures, if anything, is.
        narrowed = {id(a) for a, b in zip(found, found[1:])
                    if NARROWING_GAP_RE.fullmatch(label, a.end, b.start) and not set(b.keys) & set(a.keys)}
        narrowed |= {id(m) for m in found if m.text.lower().startswith("tỷ lệ") and label[m.start:m.end] == m.text
                     and NARROWED_RATE_RE.match(label, m.end)}
        mentions = sorted((m for m in found if id(m) not in narrowed and not self._modifies(label, m)),
                          key=lambda m: -(m.end - m.start))
        if mentions or found:
            return mentions
        return sorted((m for m in matcher.find_tolerant(label) if not self._modifies(label, m)),
                      key=lambda m: -(m.end - m.start))

    def _modifies(self, label: str, mention: Mention) -> bool:
        """`Chi đầu tư từ nguồn | thu tiền sử dụng đất`, `Bội | chi ngân sách địa phương`: a name
        after a preposition, or glued to a word that makes another noun of it, modifies the
        label's head (a label is one noun phrase, its head first): the row measures no level
        of it.  A name opening the label, or after `Tổng`, `Trong đó:`, `Ước thực hiện`, is kept."""
        return bool(label[mention.start:mention.end] == mention.text
                    and self.cues.label_modifier.search(label, 0, mention.start))

    def _indicator(self, fig: Figure, mentions: list[Mention], context: str, label: str, where: str) -> Reading:
        """The row's indicator for this cell: by name and unit, else a bare number takes the
        unit of the one indicator named, else the label compared word by word, else a unit
        slip (`Tỷ lệ bác sĩ/vạn dân | 17,0%`) kept and noted."""
        cat = self.catalog
        misfit = self._unit_misfit(fig, mentions, label, where)
        if misfit is not None:
            return misfit
        reading, _ = pick_indicator(cat, fig, mentions, context)
        if reading.indicator is not None and reading.unit != "percent" and self._rate_of(label, mentions):
            # `Tỷ lệ thực hiện dự toán thu nội địa | tỷ đồng | 100,1`: the row is a rate of the
            # level it names, whatever its unit column says: no level of it (abstain).
            return Reading(None, reading.unit, reading.factor, "", Evidence.NONE, f"{where}: a rate of the level it names")
        if reading.indicator is not None:
            return replace(reading, evidence=Evidence.TABLE_HEADER, reason=where)
        if fig.unit is None and mentions:
            # A bare number in a table takes the unit of the row's indicator.
            for m in mentions:
                fitting = [k for k in m.keys if cat.indicators[k].unit is not None
                           and not self.units.dimensionality(cat.indicators[k].unit) == {}
                           and None in cat.indicators[k].accepts]
                if len(fitting) == 1:
                    return Reading(fitting[0], cat.indicators[fitting[0]].unit, 1.0, reading.note,
                                   Evidence.TABLE_HEADER, f"{where}; a bare number takes its unit")
        if not reading.note and not mentions and label.strip() and not self._names_modifier(label):
            ind_id, note = self.fuzzy.match(label, fig)
            if ind_id is not None:
                unit = cat.indicators[ind_id].unit if fig.unit is None else fig.unit
                return Reading(ind_id, unit, reading.factor, note, Evidence.TABLE_HEADER, f"{where}, {note}")
            return replace(reading, note=note)
        if not reading.note and mentions:
            named = {k for m in mentions for k in m.keys}
            if len(named) == 1 and percent_slip(fig.unit, cat.indicators[next(iter(named))].unit):
                # The row names one indicator but the cell's unit does not fit it.  Keep both
                # and say so (a unit rule reads it).
                ind_id = named.pop()
                note = f"unit {fig.unit} does not fit {ind_id} ({cat.indicators[ind_id].unit})"
                return Reading(ind_id, reading.unit, reading.factor, note, Evidence.TABLE_HEADER, f"{where}; {note}")
        return reading

    def _names_modifier(self, label: str) -> bool:
        """The label names an indicator, only as a modifier of its head: not compared word by word."""
        return any(self._modifies(label, m) for m in self.catalog.indicator_matcher.find_tolerant(label))

    @staticmethod
    def _whole_label(mention: Mention, label: str) -> bool:
        """The name is the whole label, its brackets, years and a lead-in (`Trong đó:`) aside:
        `Chi sự nghiệp y tế, dân số và gia đình` does not name the population."""
        if label[mention.start:mention.end] != mention.text:
            return False  # named by the column heading, not the label
        rest = label[:mention.start] + " " + label[mention.end:]
        rest = SUB_LEAD_RE.sub("", re.sub(r"\([^()]*\)|\b(?:năm\s+)?(?:19|20)\d{2}\b", " ", rest))
        rest = SEASON_RE.sub(" ", rest)  # (`Diện tích lúa vụ Đông Xuân`: a season of the crop, still its area)
        return not re.search(r"[^\W\d_]", rest)

    @staticmethod
    def _rate_of(label: str, mentions: list[Mention]) -> bool:
        """The label opens with a rate's word (`Tỷ lệ`, `Tỷ trọng`) that no name read there
        covers: what it names further on is what the rate is of."""
        lead = RATE_LEAD_RE.match(label)
        return bool(lead) and bool(mentions) and all(m.start >= lead.end() for m in mentions)

    @staticmethod
    def _rate_head(mention: Mention, label: str) -> bool:
        """`Tỷ lệ giải ngân vốn các chương trình MTQG`: a rate's name opening the label is its
        head (a label is one noun phrase, its head first); what follows narrows what is rated
        and leaves it a rate, unless it makes a rate per person or a second item of it."""
        if label[mention.start:mention.end] != mention.text or not RATE_LABEL_RE.match(mention.text) \
                or SUB_LEAD_RE.match(label).end() < mention.start:
            return False
        rest = re.sub(r"\([^()]*\)", " ", label[mention.end:])
        return not RATE_REST_RE.search(rest)

    def _unit_misfit(self, fig: Figure, mentions: list[Mention], label: str, where: str) -> Reading | None:
        """`Số doanh nghiệp thành lập mới | tỷ đồng | 712`, `Tỷ lệ lao động qua đào tạo | người |
        70`: the row names one indicator and its unit column a unit of another dimension.  The
        row still measures what its label names: kept with the unit as written and a note (a
        unit rule reads it), never read as some other indicator the unit would fit (`dân số`
        inside the label is no reading of a rate's row).  A percentage may be a growth or a
        share of the named level: not a misfit, unless far past any rate (`Số lao động được
        giải quyết việc làm | % | 32.000`)."""
        if fig.unit is None or (fig.unit == "percent" and not percent_past_rates(fig.value)) or not mentions \
                or not (self._whole_label(mentions[0], label) or self._rate_head(mentions[0], label)):
            return None
        named = set(mentions[0].keys)
        # (`Tổng lượt khách du lịch`: a name a level shares with its own multiple or growth is the level's)
        named = {k for k in named if self.catalog.indicators[k].level not in named} or named
        if len(named) != 1:
            return None
        ind = self.catalog.indicators[next(iter(named))]
        level = self.catalog.indicators.get(ind.level) if ind.level else None
        if level is not None and level.unit == ind.unit and not CHANGE_WORD_RE.search(label):
            ind = level  # (`Tỷ lệ hộ nghèo | hộ`: no word of a change, the rate itself, as `_level_of_change`)
        if not unit_misfit(self.units, fig.unit, ind):
            return None
        if ind.unit == "percent" and not RATE_LABEL_RE.search(label):
            return None  # `Tổ chức cơ sở đảng | tổ chức`: a rate's short name on a count's row
        note = f"unit {fig.unit} does not fit {ind.id} ({ind.unit})"
        return Reading(ind.id, fig.unit, 1.0, note, Evidence.TABLE_HEADER, f"{where}; {note}")

    def _row_scope(self, row: "_Row") -> str:
        """The scope the row label names, read once for all the row's cells."""
        if row.scope is None:
            row.scope = self._label_scope(row.label)
        return row.scope

    def _label_qualifier(self, r: Resolved, label: str) -> str:
        """The scope the label's words after its indicator's name give (`Kim ngạch xuất khẩu
        hàng nông sản`), as prose's would (checker/resolve/qualifiers.py): a row and a sentence
        naming the same narrower kind stay one fact."""
        reason = r.fields["indicator"].reason or ""
        if r.indicator is None or not reason.startswith("row label") or reason.endswith("approximately"):
            return ""
        memo = self.__dict__.setdefault("_qualifiers", {})  # (a row's cells share its label: read once)
        key = (label, r.indicator)
        if key not in memo:
            names = [m for m in self.catalog.indicator_matcher.find(label) if r.indicator in m.keys]
            memo[key] = qualifier_of(label[max(m.end for m in names):], self.catalog.indicators[r.indicator],
                                     self.cues) if names else ""
        return memo[key]

    def _label_scope(self, label: str) -> str:
        names = self.catalog.indicator_matcher.find(label)
        scopes = [m for m in self.catalog.cue("scope").find(label)
                  if not any(n.start <= m.start and m.end <= n.end for n in names)
                  and not label[m.end:m.end + 4].lower().startswith(" mới")]
        return scopes[-1].keys[0] if scopes else ""

    def _evaluations(self, row: "_Row", cells, values: list[Resolved]) -> list[Resolved]:
        """`Đạt`, `Vượt mục tiêu` in the evaluation column: a label fact of the row.  Under
        column groups (`Tỉnh A (cũ) | | Tỉnh B (cũ) |`) a compound `Vượt/Không đạt` splits over
        the groups in header order; a count that does not fit is read as no word (abstain)."""
        groups = None  # (the value columns' provinces, read at the first word cell: most rows have none)
        results = []
        for i, (cell, off) in enumerate(cells):
            kind = row.roles[i] if i < len(row.roles) else None
            if not cell.strip() or kind not in WORD_KINDS or i == row.label_index:
                continue
            if kind != "evaluation" and self._lettered_labels and not LETTER_RE.search(cell):
                continue  # (a number, read as a value)
            groups = self._value_groups(row) if groups is None else groups
            words = [(m.group(0), off + m.start()) for m in re.finditer(r"[^/]+", cell) if m.group(0).strip()]
            if kind != "evaluation" and not all(self._label(w, whole=True) for w, _ in words):
                # `So sánh | 104,5%` is a number, read as a value; but `Kết quả | Đạt` is a word.
                continue
            if len(words) > 1 and len(words) != len(groups):
                note = f"{len(words)} evaluation words for {len(groups)} column groups"
                words, entities = [(cell, off)], [Resolution(None, Evidence.NONE, note)]
                labels = [None]
            else:
                own = row.columns[i].entity if i < len(row.columns) and not row.named else None
                if kind == "evaluation" and own is not None and all(g.value != own.value for g in groups):
                    # `Tỉnh A (cũ) - Đánh giá` judges that group's cells; an evaluation heading
                    # naming no value group's province says nothing of the row's.
                    own = None
                entities = groups if len(words) > 1 else [own or self._evaluation_entity(row, groups, values)]
                labels = [self._label(w) for w, _ in words]
            for (word, start), entity, lab in zip(words, entities, labels):
                text = word.strip()
                begin = start + (len(word) - len(word.lstrip()))
                fig = Figure(text, begin, begin + len(text), None, None, kind="label", label=lab)
                r = Resolved(fig, row.block, row.doc, column_role="evaluation", row_label=row.label)
                r.settle("indicator", self._evaluation_indicator(row, values, entity))
                r.settle("entity", entity)
                r.settle("period", row.period or row.heading)
                r.settle("role", Resolution("evaluation", Evidence.TABLE_HEADER, f"column `{row.columns[i].heading}`"))
                results.append(r)
        return results

    def _label(self, word: str, whole: bool = False) -> str | None:
        """The evaluation a word says; with `whole`, only a cell that is nothing but the word."""
        labels = self.catalog.cue("labels").find(word)
        if not labels:
            return None
        best = max(labels, key=lambda m: m.end - m.start)
        if whole and best.text.strip().lower() != word.strip(" .;").lower():
            return None
        return best.keys[0]

    def _value_groups(self, row: "_Row") -> list[Resolution]:
        """The provinces of the value columns' groups, in header order."""
        groups: list[Resolution] = []
        for col in row.columns:
            if col.kind in ("target", "actual", "value") and col.entity is not None and col.entity.value is not None \
                    and all(g.value != col.entity.value for g in groups):
                groups.append(col.entity)
        return groups

    def _evaluation_entity(self, row: "_Row", groups: list[Resolution], values: list[Resolved]) -> Resolution:
        """One word beside several province columns judges the province whose result faces
        the row's target: `Bắc Giang (cũ) | Bắc Ninh (cũ) | Toàn tỉnh | Kế hoạch 2025 |
        Đánh giá` with the plan the whole province's judges the `Toàn tỉnh` column."""
        if row.named or not groups:
            return row.entity
        if len(groups) == 1:
            return groups[0]
        planned = {v.entity for v in values if v.role == "target"}
        if len(planned) == 1 and None not in planned:
            faced = [g for g in groups if g.value in planned]
            if len(faced) == 1:
                return Resolution(faced[0].value, faced[0].evidence, f"{faced[0].reason}, the province the target is of")
            # `Ước TH A (cũ) | Ước TH B (cũ) | Ước TH toàn tỉnh | Kế hoạch 2025 | Đánh giá`: the
            # whole-province column names no province, but its result is the plan's.
            whole = [v for v in values if v.role == "actual" and v.entity in planned]
            if not faced and whole and all(v.fields["entity"] == whole[0].fields["entity"] for v in whole):
                said = whole[0].fields["entity"]
                return Resolution(said.value, said.evidence, f"{said.reason}, as the target's and a result's")
        return Resolution(None, Evidence.NONE, "one evaluation word for several column groups")

    def _evaluation_indicator(self, row: "_Row", values: list[Resolved], entity: Resolution) -> Resolution | None:
        """What the row's target and result measure (read with their units), else the one
        indicator its label names."""
        ids = {v.indicator for v in values if v.indicator and v.role in ("target", "actual")
               and (entity.value is None or v.entity == entity.value)}
        if len(ids) == 1:
            return Resolution(ids.pop(), Evidence.TABLE_HEADER, "the indicator of the row's target and result")
        mentions = self._row_mentions(row)
        longest = [m for m in mentions if m.end - m.start == mentions[0].end - mentions[0].start] if mentions else []
        ids = {k for m in longest for k in m.keys}
        # (`Thu nhập bình quân đầu người hộ nghèo tăng | lần | 1,5 | 1,75 | Vượt`: a label naming
        # an indicator its cells' unit does not fit says nothing of what they measure, nor so of
        # the direction the word judges them in)
        # (a yearly area in plain hectares under `Trồng rừng tập trung` is still that indicator's:
        # only a ratio against a level, or a level against a ratio, is another measure)
        units = {v.unit for v in values if v.role in ("target", "actual") and v.unit is not None}
        if len(ids) == 1 and not any(_ratio_misfit(u, self.catalog.indicators[next(iter(ids))]) for u in units):
            return Resolution(ids.pop(), Evidence.TABLE_HEADER, f"row label `{row.label.strip()[:60]}`")
        return None


RATIO_UNITS = frozenset({"percent", "percentage_point", "times"})


def _ratio_misfit(unit: str, ind) -> bool:
    """A cell in a ratio's unit (%, lần) under an indicator of a level, or the reverse."""
    return unit not in (ind.unit, *ind.accepts) and (unit in RATIO_UNITS) != (ind.unit in RATIO_UNITS)


@dataclass
class _Row:
    """What a table row's cells share: its label, headings, province and period, and what
    its label says (read on the first cell that asks, once for all the row's cells)."""

    block: object
    doc: object
    label: str
    context: str
    roles: list
    entity: Resolution
    period: Resolution | None
    heading: Resolution | None
    columns: tuple = ()
    named: bool = False  # the row label names the province
    label_index: int = 1
    head_label: str = ""  # the label of the numbered row a bulleted row stands under
    unit_cell: object = None  # the unit column's unit match, if the row has one
    mentions: list | None = None  # `TableReader._label_mentions` of the label
    scope: str | None = None  # `TableReader._label_scope` of the label
