"""A prose block as resolution reads it: its figures, names, periods and cue words found
once, and the indexes its figures are looked up in (near a figure, by start; brackets;
the searches of the text before each figure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.catalog import Catalog
from checker.records import STAT_KINDS, Block, Document, Figure, Resolution
from checker.resolve.clauses import Sentences, clause_continues, number_end, sentence_start
from checker.resolve.cues import Cues
from checker.resolve.entities import EntityMention, entity_mentions, named_areas
from checker.resolve.indicators import blanked, lowered_in_place
from checker.resolve.periods import Period, find_periods, heading_period, report_year, stated_periods
from checker.resolve.scans import Brackets, ByStart, Containers, Leads, cached_property
from checker.text import Mention, prepared_text

SWAP_BRACKETS = str.maketrans("()", ")(")
@dataclass
class Passage:
    """What a prose block says around its figures, found once for all of them."""

    catalog: Catalog
    cues: Cues
    doc: Document
    block: Block
    own: str | None
    context: str  # the headings above the block
    figures: list[Figure]
    sentences: Sentences
    frames: list[Mention]
    ind_mentions: list[Mention]  # every indicator name
    mentions: list[Mention]  # ... but a count's unit (`905 đảng viên`)
    entities: list[EntityMention]
    several: list[Mention]
    periods: list[Period]
    scopes: list[Mention]
    targets: list[Mention]
    shares: list[Mention]
    heading: Resolution | None
    anchor: tuple[Block, int] | None
    anchor_sentence: str
    anchor_period: str | None

    @cached_property
    def text(self) -> str:
        """(read thousands of times a block: kept as an attribute once read)"""
        return self.block.text

    @cached_property
    def named_areas(self) -> tuple[tuple[int, int, bool], ...]:
        """Its place words with a proper name after them (`entities.named_areas`)."""
        return named_areas(self)

    @cached_property
    def masked(self) -> list[tuple[int, int]]:
        """The spans of names, periods and cue words: no head phrase of their own."""
        spans = [(m.start, m.end) for m, _, _ in self.entities] + [(q.start, q.end) for q in self.periods]
        spans += [(m.start, m.end) for m in (*self.scopes, *self.targets, *self.shares, *self.several,
                                             *self.ind_mentions, *self.frames)]
        return spans

    @cached_property
    def masked_by(self) -> tuple[ByStart, int]:
        """The masked spans by start, and the longest: those that reach past `pos` start
        after `pos - longest`."""
        spans = sorted(self.masked)
        return ByStart(spans, start=lambda s: s[0]), max((b - a for a, b in spans), default=0)

    def masked_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The masked spans that may overlap `[start, end)` (a superset, in order of start)."""
        spans, longest = self.masked_by
        return spans.between(start - longest, end)

    @cached_property
    def by_start(self) -> dict[str, ByStart]:
        """The block's names and cue words by where they start, each kind on its own."""
        return {"mentions": ByStart(self.mentions), "ind_mentions": ByStart(self.ind_mentions),
                "frames": ByStart(self.frames), "scopes": ByStart(self.scopes), "targets": ByStart(self.targets),
                "several": ByStart(self.several), "entities": ByStart(self.entities, start=lambda e: e[0].start)}

    @cached_property
    def longest_mention(self) -> int:
        return max((m.end - m.start for m in self.mentions), default=0)

    @cached_property
    def low_text(self) -> str | None:
        return lowered_in_place(self.text)

    @cached_property
    def brackets(self) -> Brackets:
        """Whether a bracket closes between two places of the block, from its brackets found once."""
        return Brackets(self.text)

    @cached_property
    def brackets_back(self) -> Brackets:
        """The same, read from the end (brackets swapped): a bracket opened after `start` is
        still open at `end` where `brackets_back.closes(len - end, len - start)`."""
        return Brackets(self.text[::-1].translate(SWAP_BRACKETS))

    @cached_property
    def entity_spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m, _, _ in self.entities]

    @cached_property
    def head_text(self) -> str:
        """The block as `head_phrase` reads it, made once for all its figures."""
        return blanked(self.text, self.entity_spans)

    @cached_property
    def named(self) -> ByStart:
        """Every indicator name of the block (read strictly, as frames are) by where it starts."""
        return ByStart(self.catalog.indicator_matcher.find(self.text))

    @cached_property
    def in_names(self) -> Containers:
        return Containers([(m.start, m.end) for m in self.ind_mentions])

    @cached_property
    def stated(self) -> list[tuple[Period, bool]]:
        return stated_periods(self)

    @cached_property
    def stated_starts(self) -> list[int]:
        return [p.start for p, _ in self.stated]

    @cached_property
    def leads(self) -> Leads:
        """The searches of the text before each figure, kept for the block."""
        return Leads(self.text)

    @cached_property
    def growth_marks(self) -> list[tuple[str, ByStart, ByStart]]:
        """Each growth subject of the catalog with its subjects and verbs in the block, found
        once, on first need (by where they start)."""
        return [(ind, ByStart(list(subject.finditer(self.text)), start=re.Match.start),
                 ByStart(list(verb.finditer(self.text)), start=re.Match.start))
                for ind, subject, verb in self.cues.growth_of]

    @cached_property
    def _parallel(self) -> tuple[dict[int, bool], list[int], list[int]]:
        return {}, sorted(m.start for m, _, _ in self.entities), sorted(p.start for p in self.periods)

    def opens_parallel(self, clause_start: int) -> bool:
        """(asked for each figure: answered once a clause)"""
        known, entity_starts, period_starts = self._parallel
        if clause_start not in known:
            known[clause_start] = clause_continues(self.text, clause_start, entity_starts, period_starts,
                                                   self.cues.parallel_part, self.cues.breakdown_lead)
        return known[clause_start]


def read_passage(catalog: Catalog, cues, lexer, doc: Document, block: Block, own: str | None, anchor,
                 tolerant: bool) -> Passage:
    text = block.text
    figures = lexer.scan(text)
    catalog.block_matcher.find(text)  # (each then finds its phrases in its memo)
    context = " | ".join(block.section)
    ind_mentions = (catalog.indicator_matcher.find_tolerant if tolerant else catalog.indicator_matcher.find)(text)
    # A count noun that is a figure's unit (`905 đảng viên`) does not name what it counts.
    unit_spans = [(number_end(f), f.end) for f in figures if f.kind in STAT_KINDS and f.unit_text]
    in_unit = Containers(unit_spans)
    # (`thu ngân sách, kể cả thu tiền sử dụng đất đạt N`: what a total includes or leaves out names no head)
    mentions = [m for m in ind_mentions if not in_unit.holds(m.start, m.end) and not _qualified(text, m.start, cues)]
    mentions = narrowed_names(catalog, text, mentions)
    anchor_sentence, anchor_period = "", None
    if anchor is not None:
        a_block, a_off = anchor
        anchor_sentence = a_block.text[sentence_start(a_block.text, a_off):a_off]
        a_periods = find_periods(anchor_sentence, catalog.cue("not_period").find(anchor_sentence))
        anchor_period = a_periods[-1].value if a_periods else None
    return Passage(
        catalog, cues, doc, block, own, context, figures, Sentences(text, figures),
        catalog.frame_matcher.find(text) if catalog.frame_matcher else [], ind_mentions, mentions,
        entity_mentions(catalog, text, context + " | " + anchor_sentence, tolerant),
        catalog.cue("several").find(text),
        find_periods(text, catalog.cue("not_period").find(text)),
        [m for m in catalog.cue("scope").find(text) if not text[m.end:m.end + 4].lower().startswith(" mới")],
        _outside_names(catalog.cue("target").find(text), ind_mentions), catalog.cue("share").find(text),
        heading_period(block.section, doc.title, report_year(doc)), anchor, anchor_sentence, anchor_period)


# Words that end some catalog names without narrowing them (`vốn đầu tư toàn xã hội tăng`).
_NOT_NARROWING = {"năm", "tăng", "giảm", "đạt"}
_WORD_START_RE = re.compile(r"(?<=\s)\w")
_WORD_RE = re.compile(r"\w+")


def narrowed_names(catalog: Catalog, text: str, mentions: list[Mention]) -> list[Mention]:
    """A name whose last words open a longer name of another measure gives way to it: a
    noun phrase is read head first, so the words after narrow it (`Tổng lượt khách lưu trú`
    counts overnight guests, not visitors; `Tổng số đảng viên bị kỷ luật`).  Words in
    brackets or a closing `năm` / `tăng` narrow nothing."""
    out: list[Mention] = []
    matcher = catalog.indicator_matcher
    # (a longer name opens with a name's first word: a word no name opens with is passed over
    # without reading the text after it; the block is prepared as the matcher prepares it)
    firsts = matcher.index.root if matcher.index is not None else {}
    lowered = prepared_text(text)[1] if mentions else ""
    joint = catalog.block_matcher
    for m in mentions:
        if out and m.start < out[-1].end:
            continue  # (inside the longer name taken for the one before)
        # (the places in the name where a name reaching past it starts, if the block's phrases
        # found once tell them: almost always none, and no word of the name is read)
        reaching = joint.starts_reaching(matcher, text, m.start, m.end, m.end, m.end + 60)
        if reaching is not None and not reaching:
            out.append(m)
            continue
        for w in _WORD_START_RE.finditer(text, m.start, m.end):
            if reaching is not None and w.start() not in reaching:
                continue
            first = _WORD_RE.match(lowered, w.start())
            if first is None or first.group(0) not in firsts:
                continue
            # (the name the text after the word opens, read from the block's phrases found once)
            found = joint.first_at(matcher, text, w.start(), m.end + 60)
            if found is None or w.start() + found.end <= m.end or set(found.keys) & set(m.keys):
                continue
            end = w.start() + found.end
            extension = text[m.end:end].strip()
            # (`GRDP tăng | tăng trưởng dịch vụ`: a verb the two share opens a clause, not a name)
            if extension.startswith("(") or set(extension.lower().split()) <= _NOT_NARROWING \
                    or text[w.start():m.end].split()[0].lower() in _NOT_NARROWING:
                continue
            m = Mention(w.start(), end, text[w.start():end], found.keys, found.inner)
            break
        out.append(m)
    return out


def _outside_names(targets: list[Mention], names: list[Mention]) -> list[Mention]:
    """Target words but those inside an indicator's name (`Chi các chương trình mục tiêu
    quốc gia 4.070.346 triệu đồng` is spending, not a target)."""
    return [t for t in targets if not any(n.start < t.start and t.end <= n.end for n in names)]


def _qualified(text: str, start: int, cues) -> bool:
    """The name right after `kể cả`, `không kể`, `chưa bao gồm`: a qualifier of another head."""
    before = text[max(0, start - 20):start]
    return any(m.end() == len(before.rstrip()) and m.group(0).lower() != "ngoài ra"
               for pattern in (cues.parts_inclusive, cues.parts_excluded) for m in pattern.finditer(before))
