"""Resolve: what each figure measures, as indicator, entity, period and role."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from checker.catalog import Catalog, Indicator, Mention, fold
from checker.figures import SUPERSCRIPT_RE, Lexer, mask_markers
from checker.ingest import link_footnotes
from checker.records import Block, Document, Figure

STAT_KINDS = ("statistic", "range", "fraction")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ(\-*\"“])")
TRAIL_GAP_RE = re.compile(r"^[^,;:.()\d]{0,30}$")
TRAIL_ENTITY_GAP_RE = re.compile(r"^\s*(?:ở|tại|của|thuộc)\s+$", re.I)
CONJUNCTION_RE = re.compile(r"^\s*(?:,|và|với)\s*$", re.I)
OWN_RE = re.compile(r"(?<![\w])(?:của tỉnh|toàn tỉnh|tỉnh có|tỉnh đã|trên địa bàn tỉnh|của thành phố|toàn thành phố|thành phố có)(?![\w])", re.I)

YEAR = r"(?:19|20)\d{2}"
DATE_RANGE_RE = re.compile(
    rf"tu\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/({YEAR}))?\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
NOT_AFTER_YEAR = r"(?!\d|[.,/]\d)"
YEAR_TO_DATE_RE = re.compile(rf"tu nam\s+({YEAR})\s+(?:den|toi)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
SINGLE_DATE_RE = re.compile(rf"(?:tinh den|den|tai thoi diem|thoi diem|tu)\s+(?:ngay\s+)?(\d{{1,2}})/(\d{{1,2}})/({YEAR})")
KEYED_RANGE_RE = re.compile(
    rf"(?:giai doan|nhiem ky|thoi ky|tu nam|trong|ca)\s+({YEAR})\s*(?:[-–]|den|toi)?\s*({YEAR}){NOT_AFTER_YEAR}")
DASH_RANGE_RE = re.compile(rf"(?<![\d.,/])({YEAR})\s*[-–]\s*({YEAR}){NOT_AFTER_YEAR}")
YEAR_RE = re.compile(rf"(?<!tu )(?:nam|den nam|den het nam|truoc nam|het nam|cuoi nam|vao nam)\s+({YEAR}){NOT_AFTER_YEAR}")
TERM_EDGE_RE = re.compile(r"(đầu|cuối)\s+nhiệm kỳ", re.I)
TERM_END_RE = re.compile(r"(?:năm\s+)?cuối nhiệm kỳ", re.I)
BREAKDOWN_LEAD_RE = re.compile(r"trong đó[\s,:]*(?:có\s+)?(?:tỉnh\s+|thành phố\s+)?$", re.I)
ANNUAL_RE = re.compile(r"(?<![\w])(?:hằng năm|hàng năm|mỗi năm|bình quân)(?![\w])", re.I)
NOW_RE = re.compile(r"(?<![\w])(?:đến nay|hiện nay|hiện có|lũy kế đến nay|tính đến nay)(?![\w])", re.I)
COMPARED_WITH_RE = re.compile(r"so với\s*$", re.I)
PLAN_SHARE_RE = re.compile(r"\W*(?:so với\s+)?(?:kế hoạch|dự toán|chỉ tiêu)", re.I)
CHANGE_RE = re.compile(r"(tăng|giảm)\s+từ\s*$", re.I)


def _percent_slip(written: str | None, kept: str | None) -> bool:
    """A rate per person written as a percentage, or the other way round: a slip worth
    keeping (and reporting), not a figure about something else."""
    per_person = lambda u: bool(u) and u.endswith("/ nguoi")  # noqa: E731
    return (written == "percent" and per_person(kept)) or (kept == "percent" and per_person(written))


def _closed_brackets(text: str, start: int, end: int) -> bool:
    """True when a bracket opened before `start` closes before `end`: the name stood
    inside a breakdown such as `(trong đó Thái Nguyên có 636; Bắc Kạn có 155)`."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    value: str  # "2025", "2021-2025" or "2025-07-01/2025-09-12"
    kind: str  # year, range, dates


def normalise_range(a: int, b: int) -> str:
    """`nhiệm kỳ 2020 - 2025` is the plan period 2021-2025: a five-year term starting
    on a year that ends in 0 or 5 covers the five years after it."""
    if b - a == 5 and a % 5 == 0:
        a += 1
    return f"{a}-{b}" if a != b else str(a)


def find_periods(text: str, not_period: list[Mention]) -> list[Period]:
    return list(_find_periods(text, tuple(not_period)))


@lru_cache(maxsize=8192)
def _find_periods(original: str, not_period: tuple[Mention, ...]) -> tuple[Period, ...]:
    # Read on the text without diacritics (same offsets), so `nam 2025` is `năm 2025`.
    text = fold(original)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in DATE_RANGE_RE.finditer(text):
        d1, m1, y1, d2, m2, y2 = m.groups()
        y1 = y1 or y2
        value = f"{y1}-{int(m1):02d}-{int(d1):02d}/{y2}-{int(m2):02d}-{int(d2):02d}"
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], value, "dates"))
        taken.append((m.start(), m.end()))
    for m in YEAR_TO_DATE_RE.finditer(text):
        y1, d, mo, y2 = m.groups()
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], f"{y1}-01-01/{y2}-{int(mo):02d}-{int(d):02d}", "dates"))
        taken.append((m.start(), m.end()))
    for m in SINGLE_DATE_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        d, mo, y = m.group(1), m.group(2), m.group(3)
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], f"{y}-{int(mo):02d}-{int(d):02d}", "date"))
        taken.append((m.start(), m.end()))
    for regex in (KEYED_RANGE_RE, DASH_RANGE_RE):
        for m in regex.finditer(text):
            if not free(m.start(), m.end()):
                continue
            a, b = int(m.group(1)), int(m.group(2))
            if b <= a or b - a > 30:
                continue
            found.append(Period(m.start(), m.end(), original[m.start():m.end()], normalise_range(a, b), "range"))
            taken.append((m.start(), m.end()))
    for m in YEAR_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        if any(np.end >= m.start() - 1 and np.start <= m.start() for np in not_period):
            continue
        found.append(Period(m.start(), m.end(), original[m.start():m.end()], m.group(1), "year"))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda p: p.start)
    return tuple(found)


def period_end(value: str) -> int | None:
    m = re.search(r"(\d{4})(?:-\d{2}-\d{2})?$", value)
    return int(m.group(1)) if m else None


@dataclass
class Resolved:
    """One figure with what it measures; becomes one row of the facts table."""

    figure: Figure
    block: Block
    doc: Document
    indicator: str | None = None
    entity: str | None = None
    period: str | None = None
    role: str | None = None
    scope: str = ""
    measure: str = ""
    unit: str | None = None
    factor: float = 1.0
    sentence: int = 0
    column_role: str | None = None
    row_label: str | None = None
    notes: list[str] = field(default_factory=list)
    anchor: tuple[int, int] | None = None
    anchor_block: Block | None = None
    anchor_offset: int | None = None
    anchor_sentence_several: bool = False


class Resolver:
    def __init__(self, catalog: Catalog, lexer: Lexer | None = None):
        self.catalog = catalog
        names = {phrase for phrase in catalog.entity_matcher.keys}
        self.lexer = lexer or Lexer(catalog.units, place_names=names)
        self.units = self.lexer.units

    # --- entities --------------------------------------------------------------------
    def own_province(self, doc: Document, docs: list[Document]) -> str | None:
        for candidate in (doc.province, doc.title, *(d.province for d in docs), *(d.title for d in docs)):
            if not candidate:
                continue
            for mention in self.catalog.entity_matcher.find(candidate):
                for key in mention.keys:
                    if self.catalog.entities[key].level == "province":
                        return key
        return None

    def resolve_entity_mentions(self, text: str, context: str, own: str | None,
                                tolerant: bool = False) -> list[tuple[Mention, str | None, str]]:
        """Each province name in `text` with the entity it means and why."""
        cat = self.catalog
        mentions = (cat.entity_matcher.find_tolerant if tolerant else cat.entity_matcher.find)(text)
        former_cues = cat.cue("former").find(text)
        merged_cues = cat.cue("merged").find(text)

        def cue_after(mention: Mention, cues: list[Mention]) -> bool:
            return any(0 <= c.start - mention.end <= 2 for c in cues)

        resolved = []
        context_mentions = cat.entity_matcher.find(context)
        for mention in mentions:
            keys = mention.keys
            provinces = [k for k in keys if cat.entities[k].level == "province"]
            formers = [k for k in keys if cat.entities[k].level == "former"]
            if len(keys) == 1:
                resolved.append((mention, keys[0], "named"))
                continue
            if not (provinces and formers):
                resolved.append((mention, None, "ambiguous name"))
                continue
            province, former = provinces[0], formers[0]
            partners = set(cat.entities[province].formers) - {former}
            if cue_after(mention, former_cues):
                resolved.append((mention, former, "cue: former"))
            elif cue_after(mention, merged_cues):
                resolved.append((mention, province, "cue: merged"))
            elif any(cue_after(m, former_cues) for m in mentions if m.text.lower() == mention.text.lower() and m is not mention):
                resolved.append((mention, province, "another mention is the former province"))
            elif BREAKDOWN_LEAD_RE.search(text[:mention.start]) and any(
                    m.end <= mention.start and set(m.keys) == set(mention.keys) for m in mentions):
                # `tỉnh Thái Nguyên có 791 cơ sở (trong đó Thái Nguyên có 636; Bắc Kạn có 155)`
                resolved.append((mention, former, "a part after `trong đó`"))
            elif any(m.start > mention.end and set(m.keys) == set(mention.keys)
                     and BREAKDOWN_LEAD_RE.search(text[:m.start]) for m in mentions):
                resolved.append((mention, province, "a total broken down by former province"))
            elif any(set(m.keys) & partners for m in mentions) or any(set(m.keys) & partners for m in context_mentions):
                resolved.append((mention, former, "named beside a partner province"))
            elif cat.cue("several").find(context):
                # `Hai tỉnh đã tổ chức ...²` and the footnote `² Thái Nguyên: ...`
                resolved.append((mention, former, "the text speaks of the former provinces"))
            else:
                resolved.append((mention, province, "merged province by default"))
        return resolved

    # --- indicators ------------------------------------------------------------------
    def unit_fit(self, unit: str | None, ind: Indicator) -> tuple[str | None, float] | None:
        """The indicator's unit and the factor to it, if a figure in `unit` fits it."""
        for candidate in (ind.unit, *ind.accepts):
            if candidate == unit:
                return ind.unit, 1.0
        if unit is None or ind.unit is None:
            return None
        reg = self.units
        try:
            dim = reg.dimensionality(unit)
        except Exception:
            return None
        if not dim:
            return None  # dimensionless units (%, lần) must match by name
        for candidate in (ind.unit, *ind.accepts):
            if candidate is None:
                continue
            try:
                if reg.dimensionality(candidate) == dim:
                    return ind.unit, reg.factor(unit, candidate)
            except Exception:
                continue
        return None

    def pick_indicator(self, figure: Figure, candidates: list[Mention], context_text: str
                       ) -> tuple[str | None, str | None, float, str]:
        low_context = context_text.lower()
        tiers = []
        for mention in candidates:
            tiers.append((mention, mention.keys))
            if mention.inner:
                tiers.append((mention, mention.inner))
        for mention, keys in tiers:
            fits = []
            for key in keys:
                ind = self.catalog.indicators[key]
                strength = 0
                if ind.context:
                    # The context may stand before the name or inside it (`Tỷ trọng Dịch vụ`).
                    words = [c.lower() for c in ind.context
                             if c.lower() in low_context or c.lower() in mention.text.lower()]
                    if not words:
                        continue
                    strength = max(len(w) for w in words)
                fit = self.unit_fit(figure.unit, ind)
                if fit is not None:
                    fits.append((ind, fit, strength))
            if len(fits) > 1:
                # A context-bound indicator beats a general one; the most specific context wins.
                best = max(f[2] for f in fits)
                if best:
                    fits = [f for f in fits if f[2] == best]
            fits = [(f[0], f[1]) for f in fits]
            if len(fits) == 1:
                ind, (unit, factor) = fits[0]
                return ind.id, unit, factor, ""
            if len(fits) > 1:
                return None, figure.unit, 1.0, "ambiguous indicator: " + ", ".join(sorted(f[0].id for f in fits))
        return None, figure.unit, 1.0, ""

    # --- the whole document set ----------------------------------------------------------
    def resolve(self, docs: list[Document]) -> list[Resolved]:
        cat = self.catalog
        out: list[Resolved] = []
        for doc in docs:
            own = self.own_province(doc, docs)
            anchors = link_footnotes(doc)
            table_entity: dict[int, str | None] = {}
            for block in doc.blocks:
                if block.kind in ("heading", "table_header", "contents_row") or doc.kind == "front_matter":
                    continue
                if block.kind == "table_row":
                    out.extend(self._table_row(doc, block, own, table_entity))
                else:
                    anchor = anchors.get(block.footnote) if block.kind == "footnote" else None
                    results = self._prose(doc, block, own, anchor)
                    if any(r.indicator is None or r.entity is None for r in results) and (
                            cat.indicator_matcher.lost_marks(block.text) or cat.entity_matcher.lost_marks(block.text)):
                        # Try again reading names that lost their diacritics in extraction.
                        results = self._prose(doc, block, own, anchor, tolerant=True)
                    out.extend(results)
        return out

    def _context_text(self, doc: Document, block: Block) -> str:
        return " | ".join(block.section)

    def _heading_period(self, doc: Document, block: Block) -> str | None:
        for heading in reversed(block.section):
            periods = [p for p in find_periods(heading, []) if p.kind not in ("dates", "date")]
            values = {p.value for p in periods}
            if len(values) == 1:
                return values.pop()
        periods = {p.value for p in find_periods(doc.title, []) if p.kind == "range"}
        if len(periods) == 1:
            return periods.pop()
        return None

    # Matched on headings without diacritics: OCR writes `KÉT QUẢ` for `KẾT QUẢ`.
    HEADING_TARGET_RE = re.compile(r"^(?:[ivx]+\.|\d+(?:\.\d+)*\.|\*)?\s*(?:phan thu \w+\s+)?(?:cac\s+)?(?:muc tieu|chi tieu|phuong huong)")
    HEADING_ACTUAL_RE = re.compile(r"^(?:[ivx]+\.|\d+(?:\.\d+)*\.|\*)?\s*(?:phan thu \w+\s+)?(?:ket qua|danh gia|kiem diem)")

    def _heading_role(self, block: Block) -> str | None:
        """A section headed `III. MỤC TIÊU ...` holds targets; one headed `I. KẾT QUẢ ...`
        results.  A heading that only mentions goals (`gắn với các mục tiêu`) says nothing."""
        for heading in reversed(block.section):
            folded = fold(heading)
            if self.HEADING_ACTUAL_RE.match(folded):
                return "actual"
            if self.HEADING_TARGET_RE.match(folded):
                return "target"
        return None

    def _finish(self, r: Resolved, ind_id: str | None, heading_period: str | None) -> None:
        """Period by the indicator's nature, and role by the period."""
        if r.period is None:
            r.period = heading_period
        ind = self.catalog.indicators.get(ind_id) if ind_id else None
        if r.period and ind is not None and ind.temporal == "stock":
            if re.fullmatch(r"\d{4}-\d{4}", r.period):
                r.period = r.period.split("-")[-1]  # a level over a term is its level at the end
            elif "/" in r.period:
                r.period = r.period.split("/")[-1]  # ... and over a span of dates, on the last day
        if r.role is None:
            end = period_end(r.period) if r.period else None
            if end is not None and r.doc.year is not None and end > r.doc.year:
                r.role = "target"
            else:
                r.role = self._heading_role(r.block) or "actual"

    def _prose(self, doc: Document, block: Block, own: str | None, anchor, tolerant: bool = False) -> list[Resolved]:
        cat = self.catalog
        text = block.text
        figures = self.lexer.scan(text)
        context = self._context_text(doc, block)
        breaks = {m.start() for m in SENTENCE_END_RE.finditer(text)}
        breaks |= {f.start for f in figures if f.kind == "marker"}
        bounds = sorted({0, len(text), *breaks})

        def sentence_of(pos: int) -> tuple[int, int, int]:
            for i, (a, b) in enumerate(zip(bounds, bounds[1:])):
                if a <= pos < b:
                    return i, a, b
            return len(bounds) - 2, bounds[-2], bounds[-1]

        frames = cat.frame_matcher.find(text) if cat.frame_matcher else []
        ind_mentions = (cat.indicator_matcher.find_tolerant if tolerant else cat.indicator_matcher.find)(text)
        numeric_in_names = [(m.start, m.end) for m in ind_mentions]
        # A count noun that is a figure's unit (`905 đảng viên`) does not name what it counts.
        unit_spans = [(self._number_end(f), f.end) for f in figures if f.kind in STAT_KINDS and f.unit_text]
        mentions = [m for m in ind_mentions if not any(a <= m.start and m.end <= b for a, b in unit_spans)]
        anchor_period = None
        anchor_sentence = ""
        if anchor is not None:
            a_block, a_off = anchor
            a_text = a_block.text
            a_start = max([0] + [m.end() for m in SENTENCE_END_RE.finditer(a_text, 0, a_off)])
            anchor_sentence = a_text[a_start:a_off]
            a_periods = [p for p in find_periods(anchor_sentence, cat.cue("not_period").find(anchor_sentence))]
            if a_periods:
                anchor_period = a_periods[-1].value
        entities = self.resolve_entity_mentions(text, context + " | " + anchor_sentence, own, tolerant)
        several = cat.cue("several").find(text)
        not_period = cat.cue("not_period").find(text)
        periods = find_periods(text, not_period)
        scopes = [m for m in cat.cue("scope").find(text)
                  if not text[m.end:m.end + 4].lower().startswith(" mới")]
        targets = cat.cue("target").find(text)
        shares = cat.cue("share").find(text)
        heading_period = self._heading_period(doc, block)

        results: list[Resolved] = []
        stats = [f for f in figures if f.kind in STAT_KINDS]
        prev_by_sentence: dict[int, Resolved] = {}
        for fig in stats:
            if any(s <= fig.start and fig.end <= e for s, e in numeric_in_names):
                fig.kind = "name"  # digits inside an indicator's name: `sản phẩm 5 sao`
                continue
            sid, s_start, s_end = sentence_of(fig.start)
            r = Resolved(fig, block, doc, sentence=sid)
            r.anchor_sentence_several = bool(anchor_sentence and cat.cue("several").find(anchor_sentence))
            sentence_figs = [f for f in figures if s_start <= f.start < s_end and f.kind in STAT_KINDS and f is not fig]
            next_fig = min((f.start for f in sentence_figs if f.start >= fig.end), default=s_end)
            prev_fig = max((f.end for f in sentence_figs if f.end <= fig.start), default=s_start)

            # Indicator: a name right after a count (`21 hội nghị Thường trực`), else the nearest before.
            num_end = self._number_end(fig)
            trailing = [m for m in mentions if num_end <= m.start < next_fig
                        and TRAIL_GAP_RE.match(text[num_end:m.start])]
            clause_start = max(s_start, text.rfind(";", s_start, fig.start) + 1)
            reach = s_start if self._clause_continues(text, clause_start, entities, periods) else clause_start
            if sid > 0 and re.match(r"\s*(?:Đạt|Tăng|Giảm)\s", text[s_start:]):
                reach = bounds[sid - 1]  # `... gấp 1,5 lần so với năm 2025. Đạt trên 8 triệu đồng/tháng.`
            preceding = sorted((m for m in mentions if reach <= m.start and m.end <= fig.start),
                               key=lambda m: (-m.end, -(m.end - m.start)))
            subject = self._trailing_subject(text, fig, s_end, mentions)
            if subject is not None:
                trailing, preceding = subject, []
            sentence_text = text[:fig.start]
            framed = self._frame(text, fig, reach, next_fig, frames)
            if framed is not None and framed[0] == "ambiguous":
                ind_id, unit, factor, note = None, fig.unit, 1.0, "ambiguous frame: " + ", ".join(framed[1])
            elif framed is not None:
                ind_id, unit, factor, note = framed[0], framed[1], 1.0, ""
                if framed[2]:
                    r.scope = framed[2]
            else:
                ind_id, unit, factor, note = self.pick_indicator(fig, trailing + preceding, context + " | " + sentence_text)
            if (ind_id is None and fig.unit == "percent" and prev_by_sentence.get(sid) is not None
                    and re.search(r"chiếm\s*(?:khoảng\s*|tỷ lệ\s*)?$", text[max(0, fig.start - 20):fig.start], re.I)):
                prev_r = prev_by_sentence[sid]
                if prev_r.indicator and ";" not in text[prev_r.figure.end:fig.start]:
                    # `1,06 triệu tỷ đồng (chiếm khoảng 92% tổng giá trị)`: the share that figure is.
                    ind_id, unit, factor, note = prev_r.indicator, "percent", 1.0, ""
            named_after = ind_id is not None and any(ind_id in m.keys or ind_id in m.inner for m in trailing)
            if fig.unit == "percent" and PLAN_SHARE_RE.match(text[fig.end:fig.end + 40]) and not named_after:
                prev_r = prev_by_sentence.get(sid)
                if prev_r is not None and prev_r.indicator:
                    # `1.838 hộ, đạt 100% kế hoạch`: the share of plan of the figure before it.
                    ind_id, unit, factor, note = prev_r.indicator, "percent", 1.0, ""
            if ind_id is None and fig.unit == "percentage_point":
                # `vượt mục tiêu 0,3 điểm phần trăm`: the margin of a rate over its target.
                ppt = Figure(fig.text, fig.start, fig.end, fig.value, fig.interval, unit="percent")
                margin_id, _, _, _ = self.pick_indicator(ppt, trailing + preceding, context + " | " + sentence_text)
                if margin_id is not None:
                    ind_id, unit, factor = margin_id, "percentage_point", 1.0
                    r.role = "margin" if re.search(r"(vượt|cao hơn|thấp hơn|hụt)", text[max(s_start, fig.start - 40):fig.start], re.I) else "change"
            r.indicator, r.unit, r.factor = ind_id, unit, factor
            if note:
                r.notes.append(note)

            # Entity.
            r.entity = self._prose_entity(text, fig, s_start, entities, several, own, context, r)

            # Period: right after the figure (`24.735 tỷ đồng năm 2025`), else the nearest before.
            after = [p for p in periods if fig.end <= p.start < next_fig and text[fig.end:p.start].strip() in ("", "(")]
            # `so với năm 2020` names the base a figure is compared with: it is the period only
            # of a figure stated right after it (`so với năm 2020 (40,1 triệu đồng)`).
            before = [p for p in periods if s_start <= p.start and p.end <= fig.start
                      and (not COMPARED_WITH_RE.search(text[max(0, p.start - 12):p.start])
                           or re.fullmatch(r"\s*\(?\s*", text[p.end:fig.start]))]
            clause_end = text.find(";", fig.end, s_end)
            clause_end = s_end if clause_end < 0 else clause_end
            later = [p for p in periods if fig.end <= p.start < clause_end]
            now = NOW_RE.search(text[clause_start:fig.start])
            if after:
                r.period = after[0].value
            elif now and doc.year and not [p for p in before if p.start >= clause_start + now.start()]:
                r.period = str(doc.year)  # `lũy kế đến nay có 1.095 dự án`: as of the report
            elif before:
                r.period = before[-1].value
            elif later:
                r.period = later[0].value  # `tăng 10,4%/năm trong giai đoạn 2021 - 2025`
            elif block.kind == "footnote" and anchor_period and not (
                    doc.year and (period_end(anchor_period) or 0) > doc.year):
                r.period = anchor_period  # (a programme's future horizon is not the figure's period)
            elif doc.year and NOW_RE.search(text[clause_start:fig.start]):
                r.period = str(doc.year)  # `lũy kế đến nay`, `hiện nay`: as of the report
            elif heading_period and "-" in heading_period and TERM_EDGE_RE.search(text[clause_start:fig.start]):
                edge = TERM_EDGE_RE.search(text[clause_start:fig.start]).group(1).lower()
                start_year, end_year = heading_period.split("-")
                # `đầu nhiệm kỳ` is the year before the plan's first; `cuối nhiệm kỳ` its last.
                r.period = str(int(start_year) - 1) if edge == "đầu" else end_year

            # Role.
            lead = text[max(s_start, fig.start - 30):fig.start]
            if r.role is not None:
                pass
            elif CHANGE_RE.search(text[max(s_start, fig.start - 12):fig.start]):
                r.role = "baseline"
            elif any(fig.start - 30 <= t.end <= fig.start and t.start >= prev_fig - 1 for t in targets):
                r.role = "target"
            if any(s.start < fig.start and fig.start - s.end <= 12 and s.start >= prev_fig for s in shares) and fig.unit == "percent":
                r.measure = "share"
            if (ind_id is None and fig.unit == "percent" and prev_by_sentence.get(sid) is not None
                    and re.search(r"chiếm\s*(?:khoảng\s*|tỷ lệ\s*)?$", text[max(0, fig.start - 20):fig.start], re.I)):
                prev_r = prev_by_sentence[sid]
                if prev_r.indicator and ";" not in text[prev_r.figure.end:fig.start]:
                    # `1,06 triệu tỷ đồng (chiếm khoảng 92% tổng giá trị)`: the share that figure is.
                    ind_id, unit, factor, note = prev_r.indicator, "percent", 1.0, ""
            if fig.unit == "percent" and PLAN_SHARE_RE.match(text[fig.end:fig.end + 40]):
                r.measure = "plan_share"  # `đạt 100% kế hoạch`, `bằng 112% kế hoạch`
            del lead

            # Scope: urban, rural, FDI ... named between the previous figure and this one.
            in_names = lambda m: any(n.start <= m.start and m.end <= n.end for n in ind_mentions)  # noqa: E731
            own_scope = [m for m in scopes if prev_fig <= m.start and m.end <= fig.start and not in_names(m)]
            after_scope = [m for m in scopes if m.start >= fig.end and text[fig.end:m.start].strip() == ""]
            prev = prev_by_sentence.get(sid)
            if r.scope:
                pass  # set by the count's frame
            elif after_scope:
                r.scope = after_scope[0].keys[0]
            elif own_scope:
                r.scope = own_scope[-1].keys[0]
            elif prev is not None and (prev.indicator == r.indicator or ";" not in text[prev.figure.end:fig.start]):
                r.scope = prev.scope
            if (r.period and re.fullmatch(r"\d{4}", r.period) and heading_period and "-" in heading_period
                    and heading_period.endswith(r.period)
                    and (ANNUAL_RE.search(text[clause_start:fig.start])
                         or (r.indicator and cat.indicators[r.indicator].temporal == "rate"))):
                # `đến hết năm 2025, tỷ lệ hộ nghèo giảm bình quân mỗi năm 1,41%`: an average
                # over the term that ends that year.
                r.period = heading_period
            self._finish(r, r.indicator, heading_period)
            if anchor is not None:
                r.anchor = anchor[0].locate(anchor[1])
                r.anchor_block, r.anchor_offset = anchor
                if block.inferred:
                    r.notes.append(f"footnote {block.footnote}: number inferred, its marker was lost in extraction")
            prev_by_sentence[sid] = r
            results.append(r)
            pair = self._result_over_target(r)
            if pair is not None:
                results.append(pair)
        self._share_trailing_names(results)
        return results

    @staticmethod
    def _share_trailing_names(results: list[Resolved]) -> None:
        """`Hải Dương có 161 xã, Hải Phòng (cũ) có 55 xã đạt chuẩn nông thôn mới`: counts of
        one noun listed in a row share the name written after the last of them."""
        for i, r in enumerate(results):
            if r.indicator is not None or r.figure.unit is None or r.figure.kind not in STAT_KINDS:
                continue
            for later in results[i + 1:]:
                if later.sentence != r.sentence or later.figure.unit != r.figure.unit:
                    break
                if later.indicator is not None:
                    r.indicator, r.unit, r.scope = later.indicator, later.unit, later.scope or r.scope
                    r.notes.append("named after the list it stands in")
                    break

    def _result_over_target(self, r: Resolved) -> Resolved | None:
        """`45.799/36.875 tỷ đồng` states a result over its target: the first number is
        the result and the second the target.  The target becomes a fact of its own,
        at the same place (its text is the whole pair, as written)."""
        fig = r.figure
        if fig.kind != "fraction" or fig.unit is None or fig.unit in self.units.count_units:
            return None
        r.role = "actual"
        target_fig = Figure(fig.text, fig.start, fig.end, (fig.denominator or 0) / fig.scale,
                            fig.denominator_interval, unit=fig.unit, unit_text=fig.unit_text,
                            kind="statistic", qualifier="target_of_pair", scale=fig.scale)
        target = Resolved(target_fig, r.block, r.doc, r.indicator, r.entity, r.period, "target", r.scope,
                          r.measure, r.unit, r.factor, r.sentence, notes=["second number of a result/target pair"])
        fig.kind = "statistic"
        fig.qualifier = "result_of_pair"
        return target

    def _frame(self, text: str, fig: Figure, reach: int, next_fig: int, frames: list[Mention]):
        """A count read from its frame: the catalog's words before or after the figure,
        or its unit alone.  Two indicators framed equally well are ambiguity, not a pick."""
        if fig.kind not in ("statistic", "fraction", "range"):
            return None
        unit = fig.unit
        num_end = self._number_end(fig)
        scored: list[tuple[tuple, object]] = []
        for m in frames:
            for key, own in [(k, 1) for k in m.keys] + [(k, 0) for k in m.inner]:
                side, ind_id, n = key.split(":")
                frame = self.catalog.indicators[ind_id].patterns[int(n)]
                if not ("any" in frame.units and unit is None or unit in frame.units):
                    continue
                if side == "after":
                    if m.start < num_end or m.start >= next_fig:
                        continue
                    gap = text[num_end:m.start]
                    if len(gap) > len(fig.unit_text) + 24 or re.search(r"[,;.()]", gap):
                        continue
                    scored.append(((2, -m.start, own), frame))
                elif reach <= m.start and m.end <= fig.start:
                    scored.append(((1, m.end, own), frame))
        if not scored and unit in self.catalog.unit_frames:
            scored = [((0, 0, 1), f) for f in self.catalog.unit_frames[unit]]
        if not scored:
            return None
        best_rank = max(r for r, _ in scored)
        best = {(f.indicator, f.scope) for r, f in scored if r == best_rank}
        if len(best) > 1:
            return ("ambiguous", sorted(b[0] for b in best))
        frame = next(f for r, f in scored if r == best_rank)
        ind = self.catalog.indicators[frame.indicator]
        if frame.scope_from_unit and unit:
            return frame.indicator, unit, unit
        keep = unit is not None and unit not in (ind.unit, *ind.accepts)
        return frame.indicator, unit if keep else ind.unit, frame.scope

    @staticmethod
    def _number_end(fig: Figure) -> int:
        if fig.unit_text and fig.text.endswith(fig.unit_text):
            return fig.end - len(fig.unit_text)
        return fig.end

    def _clause_continues(self, text: str, clause_start: int, entities, periods) -> bool:
        """May a figure after `;` take its indicator from before the `;`?  Only when its
        clause is a parallel one that opens with a province or a period:
        `Thái Nguyên tăng 8%/năm; Bắc Kạn tăng 10,9%/năm`."""
        head = text[clause_start:].lstrip()
        offset = len(text[clause_start:]) - len(head)
        start = clause_start + offset
        if re.match(r"(?:và\s+)?(?:tỉnh|thành phố|tp\.?)\s", head, re.I):
            return True
        if any(m.start - start <= 8 and m.start >= start for m, _, _ in entities):
            return True
        if any(p.start - start <= 8 and p.start >= start for p in periods):
            return True
        # `...; khu vực kinh tế trong nước đạt 89 nghìn tỷ đồng`: a parallel part.
        if re.match(r"(?:khu vực|ngành|lĩnh vực)\s", head, re.I):
            return True
        return False

    SUBJECT_STOP = re.compile(r"^\s*(?:(?:và|ở|tại|của|trở|so|trên|dưới|năm|đạt|với|hoặc|trong|theo|cao|thấp|vượt|là|"
                              r"thì|tăng|giảm|lên|xuống|mỗi|một|bình|hằng|hàng|như|nhưng|cùng|còn|được|đã|sẽ|đến|"
                              r"tới|từ|vào|khi|nên|do|bởi|vì|trở lên|trở xuống)(?![\w])|/|\(|,|;|\.|:|\)|-|–|\*|\d|$)", re.I)

    def _trailing_subject(self, text: str, fig: Figure, s_end: int, mentions: list[Mention]):
        """`82% trường học đạt chuẩn`: a percentage followed by a noun is a share of that
        noun; its indicator is named after it or not at all."""
        if fig.unit != "percent" or fig.kind != "statistic":
            return None
        rest = mask_markers(SUPERSCRIPT_RE.sub(lambda m: " " * len(m.group(0)), text[fig.end:s_end]))
        if self.SUBJECT_STOP.match(rest) or PLAN_SHARE_RE.match(rest):
            return None
        stop = re.search(r"[;.:]", rest)
        window_end = fig.end + (stop.start() if stop else len(rest))
        after = [m for m in mentions if fig.end <= m.start and m.end <= window_end]
        # `5G phủ sóng 100% dân số`: a name just before the figure, nothing between.
        before = [m for m in mentions if fig.start - 25 <= m.end <= fig.start
                  and not re.search(r"[,;.:()]", text[m.end:fig.start])]
        return after + before

    def _prose_entity(self, text, fig, s_start, entities, several, own, context, r: Resolved) -> str | None:
        trailing = [(m, e) for m, e, _ in entities if m.start >= fig.end
                    and TRAIL_ENTITY_GAP_RE.match(text[fig.end:m.start])]
        if trailing:
            return trailing[0][1]
        clause_start = max(s_start, text.rfind(";", s_start, fig.start) + 1)
        preceding = [(m, e) for m, e, _ in entities if s_start <= m.start and m.end <= fig.start
                     and not _closed_brackets(text, m.end, fig.start)]
        several_before = [c for c in several if s_start <= c.start and c.end <= fig.start]
        own_before = [m for m in OWN_RE.finditer(text, s_start, fig.start)]
        last_entity_end = preceding[-1][0].end if preceding else -1
        if several_before and several_before[-1].start > last_entity_end:
            r.notes.append("figure speaks of several provinces")
            return None
        if own_before and own_before[-1].start() > last_entity_end and own:
            return own
        if preceding:
            mention, entity = preceding[-1]
            # `tỉnh Thái Nguyên và tỉnh Bắc Kạn; tỉnh có 92 xã`: a pair of names is no one figure's.
            if len(preceding) >= 2:
                prev_mention = preceding[-2][0]
                if CONJUNCTION_RE.match(text[prev_mention.end:mention.start].replace("tỉnh", "").replace("thành phố", "")):
                    if mention.start < clause_start:
                        r.notes.append("figure follows a pair of provinces")
                        return None
            return entity
        if r.block.kind == "footnote" and r.anchor_sentence_several:
            r.notes.append("footnote to a sentence about several provinces names none")
            return None
        if r.block.kind == "footnote":
            # A footnote that named a province in an earlier sentence goes on about it
            # (`Thái Nguyên quy hoạch 11 khu ... Quy hoạch 41 cụm ...`).
            earlier = [(m, e) for m, e, _ in entities if m.end <= s_start]
            if earlier and earlier[-1][1] is not None:
                return earlier[-1][1]
        if self._section_names_partners(context):
            r.notes.append("section speaks of several provinces and the figure names none")
            return None
        return own

    def _section_names_partners(self, context: str) -> bool:
        formers = set()
        for m in self.catalog.entity_matcher.find(context):
            for k in m.keys:
                ent = self.catalog.entities[k]
                if ent.level == "former":
                    formers.add(ent.merged_into + ":" + k)
        by_province: dict[str, int] = {}
        for item in formers:
            prov = item.split(":")[0]
            by_province[prov] = by_province.get(prov, 0) + 1
        return any(n >= 2 for n in by_province.values())

    # --- tables ------------------------------------------------------------------------
    FUZZY_EXTRA = 3  # words a table label may have beyond an indicator's name
    STOP_WORDS = {"o", "va", "cua", "tai", "cac", "trong", "tren", "nam", "den", "duoc", "da"}

    def _fuzzy_label(self, label: str, fig: Figure) -> tuple[str | None, str]:
        """A table label that no name matches exactly (OCR slips: `thât nghiệp`, `Tỉ lệ`).
        Every word of an indicator's name must stand in the label, each allowed one slip
        (rapidfuzz's Levenshtein distance), with at most a few words more.  Two indicators
        that fit equally well are a tie: reported, not picked."""
        from rapidfuzz.distance import Levenshtein

        from checker.catalog import fold

        words = [w for w in re.findall(r"\w+", fold(re.sub(r"\(.*?\)|\b\d{4}\b", " ", label)))
                 if w not in self.STOP_WORDS]
        if not words:
            return None, ""

        def present(token: str) -> bool:
            limit = 1 if len(token) >= 2 else 0
            return any(Levenshtein.distance(token, w, score_cutoff=limit) <= limit for w in words)

        best: dict[str, int] = {}
        for choice, ids in self._fuzzy_choices().items():
            tokens = [t for t in choice.split() if t not in self.STOP_WORDS]
            if len(tokens) < 2 or not all(present(t) for t in tokens):
                continue
            extra = len(words) - len(tokens)
            if extra > self.FUZZY_EXTRA:
                continue
            for ind_id in ids:
                if fig.unit is None or self.unit_fit(fig.unit, self.catalog.indicators[ind_id]) is not None:
                    best[ind_id] = min(best.get(ind_id, 99), max(extra, 0))
        ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0]))
        if not ranked:
            return None, ""
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None, f"ambiguous label: {ranked[0][0]} or {ranked[1][0]}"
        return ranked[0][0], "label matched approximately"

    def _fuzzy_choices(self) -> dict[str, list[str]]:
        if not hasattr(self, "_choices"):
            from checker.catalog import fold
            choices: dict[str, list[str]] = {}
            for ind in self.catalog.indicators.values():
                for name in (ind.name, *ind.aliases):
                    key = " ".join(re.findall(r"\w+", fold(name)))
                    if len(key) >= 8 and ind.id not in choices.get(key, []):
                        choices.setdefault(key, []).append(ind.id)
            self._choices = choices
        return self._choices

    def _column_roles(self, header: tuple[str, ...]) -> list[str | None]:
        cols = self.catalog.cues["role"]["columns"]
        roles: list[str | None] = []
        for cell in header:
            low = cell.lower().strip()
            # The longest heading word that opens the cell decides: `Chỉ tiêu Đại hội` is a
            # target column although `Chỉ tiêu` alone heads the labels.
            best = max(((len(w), name) for name in cols for w in cols[name]
                        if low == w or low.startswith(w + " ") or low.startswith(w)), default=None)
            role = best[1] if best else None
            if role is None:
                for name in ("evaluation", "target", "actual", "label"):
                    if any(w in low for w in cols[name]):
                        role = name
                        break
            roles.append(role)
        return roles

    def _table_row(self, doc: Document, block: Block, own: str | None, table_entity: dict) -> list[Resolved]:
        cat = self.catalog
        roles = self._column_roles(block.header)
        cells = [(block.text[a:b], a) for a, b in block.cells]
        label_i = roles.index("label") if "label" in roles else (1 if len(cells) > 1 else 0)
        label, label_off = cells[label_i] if label_i < len(cells) else ("", 0)
        context = self._context_text(doc, block)
        value_cells = [(i, c, off) for i, (c, off) in enumerate(cells) if roles[i:i + 1] and roles[i] in ("target", "actual")]
        has_values = any(c.strip() for _, c, _ in value_cells) or any(
            roles[i:i + 1] == ["evaluation"] and c.strip() for i, (c, _) in enumerate(cells))
        ent_mentions = self.resolve_entity_mentions(label, context, own)
        if not has_values and ent_mentions:
            table_entity[block.table] = ent_mentions[0][1]
            return []
        row_entity = ent_mentions[-1][1] if ent_mentions else table_entity.get(block.table)
        if row_entity is None and not ent_mentions and block.table not in table_entity:
            row_entity = None if self._section_names_partners(context) else own
        heading_period = self._heading_period(doc, block)
        label_periods = find_periods(label, cat.cue("not_period").find(label))
        label_period = label_periods[-1].value if label_periods else None
        if label_period is None and TERM_END_RE.search(label) and heading_period:
            label_period = heading_period.split("-")[-1]
        # `Cơ cấu kinh tế: Công nghiệp, xây dựng - Dịch vụ - Nông, lâm nghiệp`: one label, several indicators.
        head, _, tail = label.partition(":")
        parts = [p.strip() for p in tail.split(" - ")] if tail and " - " in tail else []
        results: list[Resolved] = []
        unit_cell = next((c for i, (c, _) in enumerate(cells) if roles[i:i + 1] == ["unit"] and c.strip()), None)
        column_unit = self.units.match(" " + unit_cell.strip(), 0) if unit_cell else None
        for i, cell, off in value_cells:
            figs = [f for f in self.lexer.scan(cell) if f.kind in STAT_KINDS]
            for j, fig in enumerate(figs):
                fig.start += off
                fig.end += off
                if column_unit is not None and column_unit.unit is not None and fig.unit is None:
                    # `| GRDP bình quân đầu người | triệu đồng/người | 180 |`: the unit has a column of its own.
                    fig.unit, fig.unit_text, fig.scale = column_unit.unit, column_unit.text, column_unit.scale
                    if fig.interval is not None:
                        fig.interval = fig.interval.scaled(column_unit.scale)
                r = Resolved(fig, block, doc, column_role=roles[i], row_label=label)
                if parts and len(parts) == len(figs):
                    mentions = cat.indicator_matcher.find(parts[j])
                    ctx = context + " | " + head
                else:
                    mentions = sorted(cat.indicator_matcher.find(label), key=lambda m: -(m.end - m.start))
                    if not mentions:
                        mentions = sorted(cat.indicator_matcher.find_tolerant(label), key=lambda m: -(m.end - m.start))
                    ctx = context + " | " + label
                ind_id, unit, factor, note = self.pick_indicator(fig, mentions, ctx)
                if ind_id is None and fig.unit is None and mentions:
                    # A bare number in a table takes the unit of the row's indicator.
                    for m in mentions:
                        fitting = [k for k in m.keys if cat.indicators[k].unit is not None
                                   and not self.units.dimensionality(cat.indicators[k].unit) == {}
                                   and None in cat.indicators[k].accepts]
                        if len(fitting) == 1:
                            ind_id, unit, factor = fitting[0], cat.indicators[fitting[0]].unit, 1.0
                            break
                if ind_id is None and not note and not mentions and label.strip():
                    ind_id, note = self._fuzzy_label(label, fig)
                    if ind_id is not None:
                        unit = cat.indicators[ind_id].unit if fig.unit is None else fig.unit
                if ind_id is None and not note and mentions:
                    named = {k for m in mentions for k in m.keys}
                    slip = len(named) == 1 and _percent_slip(fig.unit, cat.indicators[next(iter(named))].unit)
                    if slip:
                        # `Tỷ lệ bác sĩ/vạn dân | ≥17% | 17,0%`: the row names one indicator but the
                        # cell's unit does not fit it.  Keep both and say so (a unit rule reads it).
                        ind_id = named.pop()
                        note = f"unit {fig.unit} does not fit {ind_id} ({cat.indicators[ind_id].unit})"
                r.indicator, r.unit, r.factor = ind_id, unit, factor
                if note:
                    r.notes.append(note)
                r.entity = row_entity
                r.period = label_period
                r.role = roles[i]
                label_names = cat.indicator_matcher.find(label)
                label_scopes = [m for m in cat.cue("scope").find(label)
                                if not any(n.start <= m.start and m.end <= n.end for n in label_names)
                                and not label[m.end:m.end + 4].lower().startswith(" mới")]
                if label_scopes:
                    r.scope = label_scopes[-1].keys[0]
                self._finish(r, ind_id, heading_period)
                results.append(r)
        for i, (cell, off) in enumerate(cells):
            if roles[i:i + 1] == ["evaluation"] and cell.strip():
                labels = cat.cue("labels").find(cell)
                lab = max(labels, key=lambda m: m.end - m.start).keys[0] if labels else None
                fig = Figure(cell.strip(), off, off + len(cell.rstrip()), None, None, kind="label", label=lab)
                r = Resolved(fig, block, doc, column_role="evaluation", row_label=label, role="evaluation")
                mentions = cat.indicator_matcher.find(label)
                ids = {k for m in mentions for k in m.keys}
                r.indicator = sorted(ids)[0] if len(ids) == 1 else None
                r.entity = row_entity
                r.period = label_period or heading_period
                results.append(r)
        return results
