"""Entity resolution: which province (merged, or former) a name, a figure or a row means."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from checker.catalog import Catalog
from checker.records import Document, Evidence, Resolution
from checker.resolve.scans import BRACKET_RE, cores
from checker.text import Mention

BREAKDOWN_LEAD_RE = re.compile(r"trong đó[\s,:]*(?:có\s+)?(?:khu vực\s+)?(?:tỉnh\s+|thành phố\s+)?$", re.I)
# `Sau khi hợp nhất với Hải Dương, TP. Hải Phòng đạt ...`: the time of the merger, earlier in
# the name's sentence, tells which province it is.
MERGE_TIME_RE = re.compile(r"(?<![\w])(sau|trước)\s+(?:khi\s+)?(?:sáp nhập|sát nhập|hợp nhất|sắp xếp)(?![\w])", re.I)
SENTENCE_END_BEFORE_RE = re.compile(r"(?<![Tt][PpXx])[.!?…]\s|\n")
RANK_RE = re.compile(r"(?<![\w])thứ\s*\d+[^;()]{0,30}$", re.I)
CONJUNCTION_RE = re.compile(r"^\s*(?:,|và|với)\s*$", re.I)
OWN = "the report's own province (from its title)"

# A province name with the entity it means (None when ambiguous) and why.
EntityMention = tuple[Mention, "str | None", str]


def own_province(catalog: Catalog, doc: Document, docs: list[Document]) -> str | None:
    """The report's own province, from its title block (or its sibling documents'); a news
    page without an issuing body's header takes the one province its headline or lead names."""
    for candidate in (doc.province, doc.title, *(d.province for d in docs), *(d.title for d in docs)):
        if not candidate:
            continue
        for mention in catalog.entity_matcher.find(candidate):
            for key in mention.keys:
                if catalog.entities[key].level == "province":
                    return key
    if doc.province or any(d.province for d in docs):
        return None
    # (an annex with no place-and-date line: `ỦY BAN NHÂN DÂN TỈNH X` above its title)
    named = single_place(catalog, doc.issuer) if doc.issuer else None
    if named is not None and catalog.entities[named].level == "province":
        return named
    lead = next((b.text for b in doc.blocks if b.kind == "paragraph" and not b.section
                 and not re.match(r"\s*(?:https?://|www\.)", b.text)), "")
    for candidate in (doc.title or "", lead):
        named = single_place(catalog, candidate)
        if named is not None:
            return named
    return None


def single_place(catalog: Catalog, text: str) -> str | None:
    """The one province (merged or, in an older text, former) `text` names, else None."""
    places = set()
    for mention in catalog.entity_matcher.find(text):
        keys = [k for k in mention.keys if catalog.entities[k].level == "province"] or list(mention.keys)
        places.add(keys[0] if len(keys) == 1 or catalog.entities[keys[0]].level == "province" else None)
    return places.pop() if len(places) == 1 else None


def closed_brackets(text: str, start: int, end: int) -> bool:
    """True when a bracket opened before `start` closes before `end`: the name stood
    inside a breakdown such as `(trong đó Thái Nguyên có 636; Bắc Kạn có 155)`."""
    if start >= 0 and end >= 0:  # (the brackets alone are visited: `re` skips the rest)
        if text.find(")", start, end) < 0:
            return False  # (no bracket closes: asked for each earlier figure of a sentence)
        chars = (m.group(0) for m in BRACKET_RE.finditer(text, start, end))
    else:
        chars = text[start:end]
    depth = 0
    for ch in chars:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


def entity_mentions(catalog: Catalog, text: str, context: str, tolerant: bool = False) -> list[EntityMention]:
    """Each province name in `text` with the entity it means and why."""
    mentions = (catalog.entity_matcher.find_tolerant if tolerant else catalog.entity_matcher.find)(text)
    names = None  # (read only for an ambiguous name: most are not)
    found = []
    for k, m in enumerate(mentions):
        if len(m.keys) == 1:
            found.append((m, m.keys[0], "named"))
            continue
        if names is None:
            names = _Names(catalog, text, mentions, context)
        found.append((m, *_mention_entity(catalog, text, k, names)))
    return found


class _Names:
    """What `_mention_entity` asks of every name of a text, found once for the text: each
    name's lower case and keys, whether a cue of a former province follows it, whether a
    `trong đó` lead stands before it, the names of its `context` (found on first need)."""

    def __init__(self, catalog: Catalog, text: str, mentions: list[Mention], context: str = ""):
        self.catalog, self.text, self.mentions, self.context = catalog, text, mentions, context
        self.lowered = [m.text.lower() for m in mentions]
        self.keys = [set(m.keys) for m in mentions]
        self._context_mentions: list[Mention] | None = None
        self._context_formers: set[frozenset[str]] | None = None
        self._former_after: list[bool] | None = None
        self._merged_cues: list[Mention] | None = None
        self._lead_before: list[bool] | None = None
        self._breaks: list[int] | None = None

    @property
    def former_after(self) -> list[bool]:
        if self._former_after is None:
            cues = self.catalog.cue("former").find(self.text)
            self._former_after = [_cue_after(m, cues) for m in self.mentions]
        return self._former_after

    @property
    def context_mentions(self) -> list[Mention]:
        if self._context_mentions is None:
            self._context_mentions = self.catalog.entity_matcher.find(self.context)
        return self._context_mentions

    @property
    def context_formers(self) -> set[frozenset[str]]:
        """The names (their keys) the context writes with a former cue after them."""
        if self._context_formers is None:
            cues = self.catalog.cue("former").find(self.context)
            self._context_formers = {frozenset(m.keys) for m in self.context_mentions if _cue_after(m, cues)}
        return self._context_formers

    @property
    def merged_cues(self) -> list[Mention]:
        if self._merged_cues is None:
            self._merged_cues = self.catalog.cue("merged").find(self.text)
        return self._merged_cues

    def same_sentence(self, a: Mention, b: Mention) -> bool:
        """`_same_sentence(text, a, b)`, from the sentence breaks of the text found once: a
        `[.!?]` before white space, a line break, or a `[.!?]` that ends the stretch between."""
        if self._breaks is None:
            text = self.text
            self._breaks = sorted([m.start() for m in NEWLINE_RE.finditer(text)]
                                  + [m.start() for m in DOT_SPACE_RE.finditer(text)])
        lo, hi = min(a.end, b.end), max(a.start, b.start)
        if hi <= lo:
            return True  # (nothing stands between them to break the sentence)
        k = bisect_left(self._breaks, lo)
        inside = k < len(self._breaks) and self._breaks[k] < hi - 1 or "\n" in self.text[hi - 1:hi]
        return not (inside or self.text[hi - 1] in ".!?")

    @property
    def lead_before(self) -> list[bool]:
        if self._lead_before is None:
            self._lead_before = [_breakdown_lead_before(self.text, m.start) for m in self.mentions]
        return self._lead_before


def _cue_after(m: Mention, cues: list[Mention]) -> bool:
    return any(0 <= c.start - m.end <= 2 for c in cues)


def _mention_entity(catalog: Catalog, text: str, k: int, names: _Names) -> tuple[str | None, str]:
    """A merged province and the former province sharing its name are told apart by cues,
    a partner province named beside it, `trong đó` breakdowns and the text's subject."""
    mentions, mention = names.mentions, names.mentions[k]
    keys, entities = mention.keys, catalog.entities
    provinces = [k for k in keys if entities[k].level == "province"]
    formers = [k for k in keys if entities[k].level == "former"]
    if len(keys) == 1:
        return keys[0], "named"
    if not (provinces and formers):
        return None, "ambiguous name"
    province, former = provinces[0], formers[0]
    partners = set(entities[province].formers) - {former}
    former_after, own_keys = names.former_after, names.keys[k]

    if former_after[k]:
        return former, "cue: former"
    if _cue_after(mention, names.merged_cues):
        return province, "cue: merged"
    siblings = [j for j, low in enumerate(names.lowered) if low == names.lowered[k] and j != k]
    if any(former_after[j] and names.same_sentence(mentions[j], mention) for j in siblings):
        return province, "another mention in its sentence is the former province"
    time = _merge_time(names.text, mention, [m.end for m in mentions])
    if time and not names.lead_before[k]:
        return (province, "after `sau sáp nhập` in its sentence") if time == "sau" else (
            former, "after `trước sáp nhập` in its sentence")
    if NEW_MERGED_RE.match(text, mention.end):
        # `tỉnh Bắc Ninh mới (hợp nhất từ tỉnh Bắc Giang và tỉnh Bắc Ninh)`: the partner named
        # in the bracket says what the new province was made of.
        return province, "`mới` with the merger in brackets after the name"
    # (a partner listed after the name in its sentence's `trong đó` breakdown, `…; trong đó
    # khu vực tỉnh A (cũ) 15.000, B (cũ) 2.000`, breaks the name's figure down: not beside it)
    listed = next((i for i in range(k + 1, len(mentions)) if names.lead_before[i]
                   and names.same_sentence(mention, mentions[i])), None)
    beside = [j for j, ks in enumerate(names.keys) if ks & partners and (listed is None or j < listed)]
    if any(names.same_sentence(mentions[j], mention) for j in beside):
        # `trong đó Hưng Yên có 376 trường, Thái Bình có 498 trường`: a per-former list.
        return former, "named beside a partner province in its sentence"
    if any(former_after[j] for j in siblings):
        return province, "another mention is the former province"
    alike = [j for j, ks in enumerate(names.keys) if ks == own_keys]
    if names.lead_before[k] and any(mentions[j].end <= mention.start for j in alike):
        # `tỉnh Thái Nguyên có 791 cơ sở (trong đó Thái Nguyên có 636; Bắc Kạn có 155)`
        return former, "a part after `trong đó`"
    if any(mentions[j].start > mention.end and names.lead_before[j] for j in alike):
        return province, "a total broken down by former province"
    if beside or any(set(m.keys) & partners for m in names.context_mentions):
        if not beside and not former_after[k] and frozenset(own_keys) in names.context_formers:
            # `| Cần Thơ (cũ) | Hậu Giang | Sóc Trăng | Thành phố Cần Thơ |`: beside the former
            # province written as such, the bare name is the province it became.
            return province, "the context writes the former province with its cue"
        if BARE_NEW_RE.match(text, mention.end):
            # `Tỉnh A mới có …`: the new province, or `only now has` (an adverb); a partner named
            # near it is too weak to tell which province it is.
            return None, "`mới` after the name: the merged province or an adverb"
        return former, "named beside a partner province"
    if catalog.cue("several").find(names.context):
        # `Hai tỉnh đã tổ chức ...²` and the footnote `² Thái Nguyên: ...`
        return former, "the text speaks of the former provinces"
    return province, "merged province by default"


# `mới (hợp nhất từ …)`, `mới (sáp nhập …)`, `mới (được thành lập trên cơ sở …)` right after a name.
NEW_MERGED_RE = re.compile(r"\s+mới\s*\(\s*(?:được\s+)?(?:hợp nhất|sáp nhập|thành lập)(?![\w])", re.I)
# `mới` right after a name, not in brackets: `(mới)` is a merged cue, the bare word may be an adverb.
BARE_NEW_RE = re.compile(r"\s+mới(?![\w)])", re.I)


def _merge_time(text: str, mention: Mention, name_ends: list[int]) -> str | None:
    """`sau` or `trước` when the name's sentence speaks, before it, of the time after or
    before the merger (`Sau sáp nhập, tỉnh An Giang ...`), with no `;` between; a cue
    written right after another name (`Hải Dương trước sáp nhập`) is that name's."""
    window = text[max(0, mention.start - 300):mention.start]
    ends = [m.end() for m in SENTENCE_END_BEFORE_RE.finditer(window)]
    lead = [m for m in MERGE_TIME_RE.finditer(window, ends[-1] if ends else 0)]
    if not lead or ";" in window[lead[-1].end():]:
        return None
    offset = mention.start - len(window)
    start = lead[-1].start() + offset
    if any(0 <= start - e <= 3 for e in name_ends):
        return None
    return lead[-1].group(1).lower()


@lru_cache(maxsize=256)
def _lowered(text: str) -> str:
    return text.lower()


def _breakdown_lead_before(text: str, pos: int) -> bool:
    """`BREAKDOWN_LEAD_RE.search(text[:pos])`, without copying the text before every mention:
    a lead runs from `trong đó` to `pos` with nothing but its own words between, so only the
    last `trong đó` before `pos` can begin one."""
    lowered = _lowered(text)
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets differ
        return bool(BREAKDOWN_LEAD_RE.search(text[:pos]))
    start = lowered.rfind("trong đó", 0, pos)
    return start >= 0 and BREAKDOWN_LEAD_RE.match(text, start, pos) is not None


SENTENCE_BREAK_RE = re.compile(r"[.!?](?:\s|$)|\n")
DOT_SPACE_RE = re.compile(r"[.!?](?=\s)")
NEWLINE_RE = re.compile("\n")


def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    return not _same_sentence_breaks(text[lo:hi])


def _same_sentence_breaks(stretch: str) -> bool:
    return bool(SENTENCE_BREAK_RE.search(stretch))


def section_partners(catalog: Catalog, context: str) -> dict[str, set[str]]:
    """The former provinces the headings above name, by the merged province they formed."""
    by_province: dict[str, set[str]] = {}
    for m in catalog.entity_matcher.find(context):
        for k in m.keys:
            ent = catalog.entities[k]
            if ent.level == "former":
                by_province.setdefault(ent.merged_into, set()).add(k)
    return by_province


def section_names_partners(catalog: Catalog, context: str) -> bool:
    """The headings above name two former provinces of one merged province."""
    return any(len(formers) >= 2 for formers in section_partners(catalog, context).values())


def prose_entity(reading, fig, spot, several_in_anchor: bool) -> tuple[Resolution, str | None]:
    """The province of a figure in prose, and a note when it is left blank on purpose."""
    text, near = reading.text, reading.by_start["entities"]
    s_start = spot.sentence_start
    # (the gap a name after the figure may stand across is measured only where a name follows)
    trailing = next(((m, e, why) for m, e, why in near.between(fig.end, _after_gap_end(reading, fig.end) + 1)
                     if reading.cues.entity_after_gap.match(text[fig.end:m.start])), None) \
        if near.last >= fig.end else None
    if trailing:
        m, e, why = trailing
        return _named(e, Evidence.CLAUSE, f"`{m.text}` after the figure: {why}"), None
    preceding = [(m, e, why) for m, e, why in near.between(s_start, fig.start + 1) if m.end <= fig.start
                 and not reading.brackets.closes(m.end, fig.start)
                 and not (m.start < spot.clause_start and _in_aside(reading, s_start, m.start))]
    several_before = [c for c in reading.by_start["several"].between(s_start, fig.start + 1) if c.end <= fig.start]
    own_before = reading.leads.last_between(reading.cues.own_before, s_start, fig.start) \
        if cores(reading, text, reading.cues.own_before).overlaps(s_start, fig.start) else None
    last_entity_end = preceding[-1][0].end if preceding else -1
    elsewhere = _elsewhere(reading, s_start, fig.start)
    if elsewhere is not None and elsewhere.start() > max(last_entity_end, own_before.start() if own_before else -1):
        note = f"`{elsewhere.group(0)}`: the nation's or a region's figure, not the province's"
        return Resolution(None, Evidence.NONE, note), note
    if several_before and several_before[-1].start > last_entity_end:
        merged = _all_formers(reading, several_before[-1], fig.start)
        if merged is not None:
            return merged, None
        return Resolution(None, Evidence.NONE, "figure speaks of several provinces"), "figure speaks of several provinces"
    area = _named_area(reading, s_start, fig.start, own_before)
    if area is not None and area[0] > last_entity_end:
        note = f"`{text[area[0]:area[1]]}`: {SITE_NOTE}"
        return Resolution(None, Evidence.NONE, note), note
    if own_before and own_before.start() > last_entity_end and reading.own:
        cue = own_before
        return Resolution(reading.own, _where(spot, cue.start()), f"`{cue.group(0)}`: {OWN}"), None
    site = _site_before(reading, max(spot.clause_start, spot.prev_figure_end), fig.start)
    if site is not None and site.start() > (own_before.start() if own_before else -1):
        note = f"`{site.group(0)}`: {SITE_NOTE}"
        return Resolution(None, Evidence.NONE, note), note
    if preceding:
        mention, entity, why = preceding[-1]
        # `tỉnh Thái Nguyên và tỉnh Bắc Kạn; tỉnh có 92 xã`: a pair of names is no one figure's.
        # (and in the clause of a merger: `hợp nhất tỉnh A và tỉnh B, có diện tích …`)
        if len(preceding) >= 2 and (mention.start < spot.clause_start
                                    or MERGER_RE.search(text, s_start, preceding[-2][0].start)):
            between = text[preceding[-2][0].end:mention.start].replace("tỉnh", "").replace("thành phố", "")
            if CONJUNCTION_RE.match(between):
                merged = _merger_named(reading, preceding, s_start)
                if merged is not None:
                    return merged, None
                note = "figure follows a pair of provinces"
                return Resolution(None, Evidence.NONE, note), note
        place = _place_named(reading, mention)
        if place is not None:
            note = f"`{place} … {mention.text}`: a place or body named after the province, not the province"
            return Resolution(None, Evidence.NONE, note), note
        if mention.start < spot.clause_start and _list_of_formers(reading, preceding, entity):
            return _after_formers_list(reading, fig, spot, entity, several_in_anchor)
        return _named(entity, _where(spot, mention.start), f"`{mention.text}` before the figure: {why}"), None
    return _unnamed(reading, spot, several_in_anchor)


def _named_area(reading, s_start: int, end: int, own_before) -> tuple[int, int] | None:
    """`Khu vực Hạ Long (…) là trung tâm du lịch của tỉnh với 9,15 triệu lượt khách`, `vịnh Hạ
    Long đón 4,21 triệu lượt khách`: the last place word (cues.yaml `named_area`) before
    the figure in its sentence, outside closed brackets, with a proper name after it that
    names no province (where the words and the name start and end).  The province's own
    words after it (`toàn tỉnh`) take the figure back, unless they stand in the clause the
    place opens (`… là trung tâm của tỉnh với`)."""
    text, found = reading.text, None
    for start, name_end, opening in reading.named_areas:
        if start >= end:
            break
        if start < s_start or reading.brackets.closes(name_end, end) or opening and not _opens(text, s_start, start):
            continue  # (`vốn khu vực Nhà nước`: a sector)
        found = start, name_end
    if found is None:
        return None
    if own_before is not None and own_before.start() > found[0] \
            and (not _opens(text, s_start, found[0]) or ";" in text[found[1]:own_before.start()]):
        return None
    return found


# The syllables right after a place word: the first, then up to three more (of which the
# capitalised ones go on with a proper name: `Hạ Long`, `Móng Cái`).
NAME_AFTER_RE = re.compile(r"\s+([^\W\d_]+)((?:[ \t]+[^\W\d_]+){0,3})")
def named_areas(reading) -> tuple[tuple[int, int, bool], ...]:
    """Each place word of a passage followed by a proper name that names no province: where
    it starts, where its name ends, and whether it must open its clause (`khu vực`).  (The
    passage keeps them: `Passage.named_areas`, read by each of its figures.)"""
    pattern, text, found = reading.cues.named_area, reading.text, []
    if pattern is not None and cores(reading, text, pattern).overlaps(0, len(text)):
        for m in pattern.finditer(text):
            name = NAME_AFTER_RE.match(text, m.end())
            first = name.group(1) if name else ""
            if not first[:1].isupper() or len(first) > 1 and first.isupper():
                continue  # (`khu vực FDI`: an abbreviation, not a place's name)
            name_end, syllables = name.end(1), 1
            for w in name.group(2).split():
                if not w[0].isupper():
                    break
                name_end, syllables = text.index(w, name_end) + len(w), syllables + 1
            opening = m.group(0).lower() in reading.cues.named_area_opening
            if opening and syllables < 2:
                continue  # (`Khu vực Nhà nước`, `Khu vực I`: a sector; a place's name has two syllables or more)
            mentions = reading.by_start["entities"].between(m.start(), name_end)
            if any(mention.end > name.start(1) for mention, _, _ in mentions):
                continue  # (`khu vực Thái Bình cũ`: a province the catalog knows)
            found.append((m.start(), name_end, opening))
    return tuple(found)


def _opens(text: str, s_start: int, at: int) -> bool:
    """Whether no word stands before `at` in its clause (from its sentence's start or a `;`)."""
    return re.search(r"[^\W\d_]", text[max(s_start, text.rfind(";", s_start, at) + 1):at]) is None


SITE_NOTE = "one site's figure, a part of the province's"


def _place_named(reading, mention) -> str | None:
    """The noun of a place or body whose name the province's name ends (`Cố đô Huế`, `Cảng
    Hải Phòng`): up to six words before it, none of them a break or a figure."""
    pattern, start = reading.cues.place_named, max(0, mention.start - 64)
    if pattern is None or not cores(reading, reading.text, pattern).overlaps(start, mention.start):
        return None  # (every match holds a place word, and the block's are found once)
    found = pattern.search(reading.text, start, mention.start)
    return found.group(1) if found else None


def _list_of_formers(reading, preceding, entity: str | None) -> bool:
    """The names before a figure, in its sentence, list two or more former provinces of one
    merged province (`trong đó A cũ 78.400, B cũ 86.900`), the last of them `entity`."""
    ents = reading.catalog.entities
    ent = ents.get(entity) if entity else None
    if ent is None or ent.level != "former":
        return False
    listed = {e for _, e, _ in preceding if e and ents[e].level == "former" and ents[e].merged_into == ent.merged_into}
    return len(listed) >= 2


def _after_formers_list(reading, fig, spot, entity: str, several_in_anchor: bool) -> tuple[Resolution, str | None]:
    """`trong đó A cũ 78.400, B cũ 86.900; tỷ lệ … đạt 67,3% (A cũ 68,2%; B cũ 66,5%)`: a list
    of the former provinces, closed by its clause, names none for a figure in the next
    clause.  Broken down in turn by former province, the figure is the merged one's;
    otherwise whose it is goes unsaid."""
    ents = reading.catalog.entities
    merged = ents[entity].merged_into
    text, end, depth = reading.text, fig.end, 0
    while end < spot.sentence_end and not (text[end] == ";" and depth == 0):  # (a `;` in brackets cuts no clause)
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
    after = [e for m, e, _ in reading.by_start["entities"].between(fig.end, end)
             if m.end <= end and e and ents[e].level == "former" and ents[e].merged_into == merged]
    if len(set(after)) >= 2:
        found, note = _unnamed(reading, spot, several_in_anchor)
        if found.value == merged:
            return Resolution(merged, found.evidence, f"{found.reason}; broken down by former province after it"), note
    note = "a list of the former provinces ended before its clause"
    return Resolution(None, Evidence.NONE, note), note




@lru_cache(maxsize=64)
def phrase_pattern(words: tuple[str, ...], form: str) -> re.Pattern | None:
    """`form` around the alternation of `words`, longest first (None when there are none)."""
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(form.format(alts), re.I)


# The section last read (what `_by_section` reads: the catalog, the headings, the report's
# province) and its figures' province: a passage's figures are read one after another, each
# asking the same, and the blocks of a section one after another.
_LAST: list = [None, None, None]


def _site_before(reading, start: int, end: int) -> re.Match | None:
    """The last word in text[start:end] that opens the name of one site (cues.yaml `site`)."""
    pattern = reading.cues.site
    if pattern is None or not cores(reading, reading.text, pattern).overlaps(start, end):
        return None  # (the block's site words, found once, stand nowhere in the stretch)
    found = None
    for found in pattern.finditer(reading.text, start, end):
        pass
    return found


def _in_aside(reading, s_start: int, start: int) -> bool:
    """A name in an earlier clause that opens with an aside (`chủ yếu`, `nhất là`): it
    explains the figure before it and names no province for the clauses after it."""
    pattern = reading.cues.aside
    if pattern is None:
        return False
    text = reading.text
    opening = max(text.rfind(",", s_start, start), text.rfind(";", s_start, start), s_start - 1) + 1
    return bool(pattern.match(text, opening))


def _after_gap_end(reading, start: int) -> int:
    """Where a name after a figure may start at the latest and still be `entity_after_gap`
    away (blank space, one of the catalog's words, blank space): at the character after
    the words' letters, the most any of them has, from `start`."""
    letters = _most_letters(tuple(reading.catalog.cues.get("resolve_entity", {}).get("after_figure", [])))
    found = _non_spaces(letters + 1).match(reading.text, start)
    return found.end() - 1 if found else len(reading.text)


@lru_cache(maxsize=16)
def _non_spaces(n: int) -> re.Pattern:
    """The stretch up to the n-th character that is no white space (one match, where
    finding each of them made a match object a character)."""
    return re.compile(rf"(?:\s*\S){{{n}}}")


@lru_cache(maxsize=16)
def _most_letters(words: tuple[str, ...]) -> int:
    """The most characters other than spaces of one of `words` (asked for every figure)."""
    return max((len(w) - sum(ch.isspace() for ch in w) for w in words), default=0)


NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "cả hai": 2, "cả ba": 3}


MERGER_RE = re.compile(r"(?<![\w])(?:hợp nhất|sáp nhập)(?![\w])", re.I)


def _merger_named(reading, preceding, s_start: int) -> Resolution | None:
    """`tỉnh A được thành lập trên cơ sở hợp nhất tỉnh A, tỉnh B và tỉnh C; diện tích …`:
    after a merger that names every former province of the report's own, the clause goes
    on about the province they make up."""
    own = reading.own
    formers = set(reading.catalog.entities[own].formers) if own else set()
    named = {k for m, _, _ in preceding for k in m.keys}
    if own in named:  # (`hợp nhất tỉnh Đồng Tháp và tỉnh Tiền Giang`: the merged province's name is its namesake's)
        entities = reading.catalog.entities
        named |= {f for f in formers if entities[f].name == entities[own].name}
    if not formers or not formers <= named or not MERGER_RE.search(reading.text, s_start, preceding[-1][0].start):
        return None
    return Resolution(own, Evidence.CLAUSE, f"after the merger of all its former provinces: {OWN}")


def _all_formers(reading, cue: Mention, fig_start: int) -> Resolution | None:
    """`thu ngân sách của hai tỉnh`: when the report's province was merged from exactly that
    many provinces, the figure is the merged province's (but `hai tỉnh đều đạt` is each one's)."""
    own = reading.own
    words = reading.catalog.cues.get("resolve_entity", {}).get("distributive", [])
    if words and elsewhere_pattern(tuple(words), ()).search(reading.text, cue.end, fig_start):
        return None
    formers = reading.catalog.entities[own].formers if own else []
    count = NUMBER_WORDS.get(re.sub(r"\s*(?:tỉnh|thành phố)$", "", cue.text.lower()).strip())
    if not formers or count != len(formers):
        return None
    return Resolution(own, Evidence.CLAUSE, f"`{cue.text}`: all the provinces merged into {OWN}")


GENITIVE_RE = re.compile(r"(?<![\w])của\s+$", re.I)


@lru_cache(maxsize=16)
def elsewhere_pattern(words: tuple[str, ...], groups: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    nouns = "|".join(re.escape(w) for w in sorted(groups, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w])(?:{names})(?![\w])|\d+\s*/\s*\d+\s+(?:{nouns})(?![\w])", re.I)


def _elsewhere(reading, start: int, end: int) -> re.Match | None:
    """The last mention of the nation, a region or a group of provinces in text[start:end]."""
    pattern, text = reading.cues.elsewhere, reading.text
    if pattern is None or not cores(reading, text, pattern).overlaps(start, end):
        return None  # (every match holds a name or a group noun, and the block's are found once)
    # `đứng thứ 3 cả nước`, `thứ 08/63 tỉnh, thành phố`: a rank of the province itself.
    # `trung tâm năng lượng của cả nước; tổng công suất … đạt 3.650 MW`: a place that only
    # qualifies a noun (`của`) in an earlier clause is not the figure's.
    return reading.leads.last_between_where(
        pattern, start, end, lambda m: not RANK_RE.search(text[max(start, m.start() - 40):m.start() + 1])
        and not (GENITIVE_RE.search(text, max(start, m.start() - 5), m.start()) and text.find(";", m.end(), end) >= 0))


def _unnamed(reading, spot, several_in_anchor: bool) -> tuple[Resolution, str | None]:
    """A figure whose sentence names no province: a footnote's earlier sentence, else the
    report's own province unless the section speaks of several."""
    if reading.block.kind == "footnote" and several_in_anchor:
        note = "footnote to a sentence about several provinces names none"
        return Resolution(None, Evidence.NONE, note), note
    if reading.block.kind == "footnote":
        # A footnote that named a province in an earlier sentence goes on about it
        # (`Thái Nguyên quy hoạch 11 khu ... Quy hoạch 41 cụm ...`).
        earlier = [(m, e) for m, e, _ in reading.entities if m.end <= spot.sentence_start]
        if earlier and earlier[-1][1] is not None:
            return Resolution(earlier[-1][1], Evidence.BLOCK, f"`{earlier[-1][0].text}` in an earlier sentence"), None
    section = (reading.block.section, reading.context, reading.own)
    if _LAST[0] is not reading.catalog or _LAST[1] != section:  # (read for the section's first figure)
        _LAST[:] = [reading.catalog, section, _by_section(reading)]
    return _LAST[2]


def _by_section(reading) -> tuple[Resolution, str | None]:
    """The province of a block's figures that name none: a heading's, else the report's own."""
    heading = next((h for h in reversed(reading.block.section) if reading.catalog.entity_matcher.find(h)), None)
    named = single_place(reading.catalog, heading) if heading else None
    if named is not None and named != reading.own and not section_partners(reading.catalog, heading):
        # A section headed by another province's name (`Hải Phòng`) speaks of that province.
        return Resolution(named, Evidence.HEADING, f"heading `{heading.strip()[:40]}` names it"), None
    partners = section_partners(reading.catalog, reading.context)
    own = reading.own
    if own and set(partners) == {own} and partners[own] == set(reading.catalog.entities[own].formers):
        # `KẾT QUẢ ... CỦA TỈNH BÌNH ĐỊNH VÀ TỈNH GIA LAI`: all the report's former provinces.
        return Resolution(own, Evidence.HEADING, f"the heading names all the provinces merged into {OWN}"), None
    if any(len(formers) >= 2 for formers in partners.values()):
        note = "section speaks of several provinces and the figure names none"
        return Resolution(None, Evidence.NONE, note), note
    return _own_by_default(reading.own), None


def _own_by_default(own: str | None) -> Resolution:
    return Resolution(own, Evidence.DOCUMENT, OWN) if own else Resolution(None, Evidence.NONE, "no province named")


def _named(entity: str | None, evidence: Evidence, reason: str) -> Resolution:
    return Resolution(entity, evidence if entity else Evidence.NONE, reason)


def _where(spot, pos: int) -> Evidence:
    return Evidence.CLAUSE if spot.in_clause(pos) else Evidence.SENTENCE


def row_entity(catalog: Catalog, label_mentions: list[EntityMention], group: Resolution | None, context: str,
               own: str | None) -> Resolution:
    """A table row's province: named in its label, else by the group row above it, else the
    report's own (unless the section speaks of several)."""
    if label_mentions:
        m, e, why = label_mentions[-1]
        return _named(e, Evidence.TABLE_HEADER, f"row label `{m.text}`: {why}")
    if group is not None:
        return group
    if section_names_partners(catalog, context):
        return Resolution(None, Evidence.NONE, "section speaks of several provinces")
    return _own_by_default(own)
