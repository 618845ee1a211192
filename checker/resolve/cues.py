"""The resolver's vocabulary: the cue lists of rules/cues.yaml compiled into patterns once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.resolve.entities import elsewhere_pattern, phrase_pattern
from checker.resolve.scans import JointCores, caseless
from checker.resolve.stages import STAGES, StageWords, span_base_pattern, stage_words
from checker.text import Memo, fold, slug


def _words(words: list[str], fold_them: bool = False) -> str:
    """An alternation of literal phrases, in the order the catalog lists them."""
    return "|".join(re.escape(fold(w) if fold_them else w) for w in words)


def _whole(words: list[str]) -> str:
    return rf"(?<![\w])(?:{_words(words)})(?![\w])"


def _whole_or_none(words: list[str] | None) -> str:
    """`_whole` of an optional cue list; a pattern that matches nothing when it is absent."""
    return _whole(words) if words else r"(?!)"


def _label_start(words: list[str] | None, alone: list[str] | None = None) -> re.Pattern:
    """A table label that opens with one of `words`, or is one of `alone` and nothing more."""
    options = [rf"(?:{_words(words)})(?![\w])"] if words else []
    options += [rf"(?:{_words(alone)})\W*$"] if alone else []
    return re.compile(rf"^[\W\d]*(?:{'|'.join(options)})" if options else r"(?!)", re.I)


def _longest_first(words: list[str] | None) -> re.Pattern | None:
    """Whole words of `words`, the longest tried first, in any case (None: no words)."""
    if not words:
        return None
    return re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})(?![\w])",
                      re.I)


def _relative_base(words: list[str] | None) -> re.Pattern | None:
    """`cùng kỳ năm trước (`, `(cùng kỳ:` right before a figure (None: no words)."""
    if not words:
        return None
    # (`… 1.945 tỷ đồng (cùng kỳ: 1.780 tỷ đồng)`, `tăng 7,6% (cùng kỳ 38,2 triệu tấn)`: the base
    # may be named inside the bracket)
    alternation = _longest_first(words).pattern
    return re.compile(rf"{alternation}\s*(?:là|đạt|:)?\s*\(\s*$|\(\s*{alternation}\s*(?:là|đạt|:)?\s*$", re.I)


def _entity_words(entity: dict) -> dict:
    """The patterns of the entity cue words a figure's province is read with."""
    names, groups = tuple(entity.get("elsewhere", [])), tuple(entity.get("province_group", []))
    return {"site": phrase_pattern(tuple(entity.get("site", [])), r"(?<![\w])(?:{})(?![\w])"),
            "named_area": phrase_pattern(tuple(entity.get("named_area", []))
                                         + tuple(entity.get("named_area_opening", [])), r"(?<![\w])(?:{})(?![\w])"),
            "named_area_opening": frozenset(w.lower() for w in entity.get("named_area_opening", [])),
            "aside": phrase_pattern(tuple(entity.get("aside", [])), r"\s*(?:{})(?!\w)"),
            "place_named": phrase_pattern(tuple(entity.get("place_named", [])),
                                           r"(?<![\w])({})(?:\s+[^\W\d_]+){{0,5}}\s+$"),
            "elsewhere": elsewhere_pattern(names, groups) if names or groups else None,
            "elsewhere_words": names + groups, "place_words": tuple(entity.get("place_named", []))}


HEADING_NUMBER = r"^(?:[ivx]+\.|\d+(?:\.\d+)*\.|dieu \d+\.|\*)?\s*(?:phan thu \w+\s+)?"


def _heading_both(cue: dict | None) -> re.Pattern | None:
    """A folded heading opening with `cue['opening']` (after its number and `các`) that says
    one of `cue['then']` later on; None without the cue."""
    if not cue:
        return None
    return re.compile(rf"{HEADING_NUMBER}(?:cac\s+)?(?:{_words(cue['opening'], True)})(?![\w]).*?"
                      rf"(?<![\w])(?:{_words(cue['then'], True)})(?![\w])")


@dataclass(frozen=True)
class Cues:
    """Patterns built from rules/cues.yaml (keys `resolve_*`)."""

    own_before: re.Pattern
    entity_after_gap: re.Pattern
    now: re.Pattern
    annual: re.Pattern
    margin_lead: re.Pattern
    plan_share: re.Pattern
    heading_target: re.Pattern
    heading_actual: re.Pattern
    list_lead_target: re.Pattern  # a sentence's opening words before a `:`-list of a plan's figures
    heading_ahead: re.Pattern  # a heading looking past its parent's period (`PHƯƠNG HƯỚNG`)
    sentence_target: re.Pattern  # `phấn đấu`: every figure after it in its sentence is a target
    continues_sentence: re.Pattern
    goes_on: re.Pattern  # a sentence opening `Riêng`, `Trong đó`: about the one before it
    parallel_part: re.Pattern
    not_a_subject: re.Pattern
    label_stop_words: frozenset[str]
    multiple_lead: re.Pattern
    breakdown_lead: re.Pattern
    not_a_head: frozenset[str]
    parts_exhaustive: re.Pattern
    parts_bounded: re.Pattern
    parts_one: re.Pattern  # `riêng`: one part set apart, not a list
    parts_inclusive: re.Pattern  # `đã bao gồm`: some of what a total holds (a bounded list)
    parts_excluded: re.Pattern  # `không bao gồm`: what a total leaves out (no list of its parts)
    total_after_list: re.Pattern
    respectively: re.Pattern
    stated_of: "StatedOfCues"
    # (indicator, subject, verb): `Kinh tế ... tăng trưởng` names grdp_growth (cues.yaml `resolve_indicator`)
    growth_of: tuple[tuple[str, re.Pattern, re.Pattern], ...] = ()
    # Kinds that together make up any whole (`khai thác` and `nuôi trồng`), as slugs: a
    # `trong đó` list naming each of one set is all of its total (cues.yaml `partitions`).
    partitions: tuple[frozenset[str], ...] = ()
    # `440 tỷ đồng trên tổng số 960 tỷ đồng`: right before the pool a figure is counted out of
    out_of_total: re.Pattern = re.compile(r"(?!)")
    # Table rows (checker/resolve/hierarchy.py), each matched at the start of a row's label:
    table_total: re.Pattern = re.compile(r"(?!)")  # `Tổng số`: the row the numbered rows make up
    table_partial: re.Pattern = re.compile(r"(?!)")  # `Trong đó`: some parts of the row above
    table_complete: re.Pattern = re.compile(r"(?!)")  # `Chia ra:` alone: the parts follow
    table_not_part: re.Pattern = re.compile(r"(?!)")  # `Tỷ lệ`, `Chi từ nguồn`: no part of the row above
    # A label's words right before a name that make the name modify its head (`từ nguồn`, `bội`).
    label_modifier: re.Pattern = re.compile(r"(?!)")
    # After an indicator's name in prose, the syllables that end its phrase (the figure's verb),
    # and the words that qualify nothing (checker/resolve/qualifiers.py).
    qualifier_end: frozenset[str] = frozenset()
    qualifier_joins: frozenset[str] = frozenset()
    qualifier_relation: frozenset[str] = frozenset()
    not_a_qualifier: re.Pattern = re.compile(r"(?!)")
    # A yearly amount summed over a span (`Tổng thu ngân sách 5 năm đạt …`), before the figure.
    span_total: re.Pattern = re.compile(r"(?!)")
    # Its core without the looks around its edges: a match of `span_total` in any stretch
    # of a text holds one of these, so a block's are found once (roles.SpanTotals).
    span_total_core: re.Pattern = re.compile(r"(?!)")
    span_total_caseless: re.Pattern = re.compile(r"(?!)")  # (the same, for a text as `scans.caseless` makes it)
    # The list openings of each text read so far (lists.list_cues), by text: one Cues serves
    # every run on its catalog (resolver.kept_for), so a text read again is not searched again.
    lists: Memo = field(default_factory=Memo, compare=False, repr=False)
    # Each stage's words with their stage (stages.stage_words; None: no words)
    stage: StageWords | None = None
    forecast: re.Pattern | None = None  # target words that forecast the report's own period
    # `so với năm 2020`, `so với đầu nhiệm kỳ` right after a percentage (stages.span_change)
    span_base: re.Pattern | None = None
    # `các năm trước`: before a figure in its clause, several past periods at once (None: no words)
    several_periods: re.Pattern | None = None
    # `cùng kỳ năm trước (6,13%)`: a base with no year right before a figure (periods._relative_base),
    # with its words in lower case; `riêng`, `cụ thể`: a sentence going on about the one before it
    relative_base: re.Pattern | None = None
    relative_base_words: tuple[str, ...] = ()
    period_continues: re.Pattern | None = None
    # Entity cue words (cues.yaml `resolve_entity`; None: no such words): the name of one site
    # before a figure, an aside opening a clause, a place named after the province, the nation
    # or a region (or `08/63 tỉnh`), and the words `elsewhere` needs one of.
    site: re.Pattern | None = None
    named_area: re.Pattern | None = None  # `Khu vực Hạ Long`: a place within the province by its proper name
    named_area_opening: frozenset[str] = frozenset()  # (of those words, the ones that must open a clause)
    heading_both: re.Pattern | None = None  # a heading over a plan and its results (no role)
    aside: re.Pattern | None = None
    place_named: re.Pattern | None = None
    elsewhere: re.Pattern | None = None
    elsewhere_words: tuple[str, ...] = ()
    place_words: tuple[str, ...] = ()
    # The cores of the cue patterns a block is scanned for before its figures are read (those
    # of literal phrases), found in one pass: see `scans.cores`.
    joint_cores: JointCores = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        joint = JointCores(tuple(p for p in (self.own_before, self.now, self.sentence_target, self.several_periods,
                                             self.site, self.named_area) if p is not None),
                           {p: words for p, words in ((self.elsewhere, self.elsewhere_words),
                                                      (self.place_named, self.place_words)) if p is not None})
        object.__setattr__(self, "joint_cores", joint)  # (a frozen dataclass)

    @classmethod
    def from_catalog(cls, cues: dict) -> "Cues":
        entity, period, role = cues["resolve_entity"], cues["resolve_period"], cues["resolve_role"]
        clause, relation = cues["resolve_clause"], cues["resolve_relation"]
        return cls(
            own_before=re.compile(_whole(entity["own_before"]), re.I),
            entity_after_gap=re.compile(rf"^\s*(?:{_words(entity['after_figure'])})\s+$", re.I),
            now=re.compile(_whole(period["now"]), re.I),
            annual=re.compile(_whole(period["annual"]), re.I),
            margin_lead=re.compile(f"({_words(role['margin'])})", re.I),
            # (not across a `,`: `đạt 42%, mục tiêu đến năm 2030 là 45%` states the target apart)
            plan_share=re.compile(rf"[^\w,;:.]*(?:so với\s+)?(?:{_words(role['plan'])})", re.I),
            heading_target=re.compile(rf"{HEADING_NUMBER}(?:cac\s+)?(?:{_words(role['heading_target'], True)})"),
            heading_actual=re.compile(rf"{HEADING_NUMBER}(?:{_words(role['heading_actual'], True)})"),
            heading_both=_heading_both(role.get("heading_both")),
            list_lead_target=re.compile(rf"\s*{_whole_or_none(role.get('list_lead_target'))}", re.I),
            sentence_target=re.compile(_whole_or_none(role.get("sentence_target")), re.I),
            span_base=span_base_pattern(period.get("term_start")),
            stage=stage_words({stage: role.get(f"stage_{stage}") for stage in STAGES}),
            forecast=re.compile(_whole(role["forecast"]), re.I) if role.get("forecast") else None,
            heading_ahead=re.compile(rf"{HEADING_NUMBER}(?:{_words(role.get('heading_ahead') or [], True) or '(?!)'})"),
            continues_sentence=re.compile(rf"\s*(?:{_words(clause['continues_sentence'])})\s"),
            goes_on=re.compile(rf"\s*(?:{_words(period['continues'])})(?![\w])", re.I),
            parallel_part=re.compile(rf"(?:{_words(clause['parallel_part'])})\s", re.I),
            not_a_subject=re.compile(rf"^\s*(?:(?:{_words(clause['not_a_subject'])})(?![\w])"
                                     r"|/|\(|,|;|\.|:|\)|-|–|\*|\d|$)", re.I),
            # (compared before folding: `tại` is a stop word, `tải` is not)
            label_stop_words=frozenset(w.lower() for w in clause["label_stop_words"]),
            multiple_lead=re.compile(rf"(?:{_words(relation['multiple'])})\s*$", re.I),
            breakdown_lead=re.compile(rf"\s*(?:{_words(clause['breakdown_lead'])})(?![\w])", re.I),
            not_a_head=frozenset(w.lower() for w in clause["not_a_head"]),
            parts_exhaustive=re.compile(_whole(relation["parts_exhaustive"]), re.I),
            parts_bounded=re.compile(_whole(relation["parts_bounded"]), re.I),
            parts_one=re.compile(_whole_or_none(relation.get("parts_one")), re.I),
            parts_inclusive=re.compile(_whole_or_none(relation.get("parts_inclusive")), re.I),
            parts_excluded=re.compile(_whole_or_none(relation.get("parts_excluded")), re.I),
            total_after_list=re.compile(rf"{_whole(relation['total_after_list'])}\s*(?:là|có|đạt)?\s*$", re.I),
            respectively=re.compile(_whole(relation["respectively"]), re.I),
            stated_of=StatedOfCues.from_catalog(relation),
            growth_of=tuple((g["indicator"], re.compile(_whole(list(g["subject"])), re.I),
                             re.compile(_whole(list(g["verb"])), re.I))
                            for g in (cues.get("resolve_indicator") or {}).get("growth_of", ())),
            partitions=tuple(frozenset(_kind_slug(w, clause["not_a_head"]) for w in kinds)
                             for kinds in relation.get("partitions", ())),
            out_of_total=re.compile(rf"{_whole_or_none(relation.get('out_of_total'))}\s*$", re.I),
            table_total=_label_start(relation.get("table_total"), relation.get("table_total_alone")),
            table_partial=_label_start(relation.get("table_partial")),
            table_complete=_label_start(None, relation.get("table_complete")),
            table_not_part=_label_start(relation.get("table_not_part")),
            label_modifier=re.compile(rf"{_whole_or_none(clause.get('label_modifier'))}\s+$", re.I),
            qualifier_end=frozenset(w.lower() for w in clause.get("qualifier_end") or ()),
            qualifier_joins=frozenset(w.lower() for w in clause.get("qualifier_joins") or ()),
            qualifier_relation=frozenset(w.lower() for w in clause.get("qualifier_relation") or ()),
            not_a_qualifier=re.compile(_whole_or_none(clause.get("not_a_qualifier")), re.I),
            span_total=re.compile(rf"{_whole_or_none(period.get('span_total'))}|{YEARS_COUNT}|{TOTAL_OF_SPAN}", re.I),
            span_total_core=re.compile(rf"{_words(period.get('span_total') or []) or '(?!)'}|{YEARS_COUNT_CORE}|"
                                       rf"{TOTAL_OF_SPAN_CORE}", re.I),
            several_periods=_longest_first(period.get("several")),
            relative_base=_relative_base(period.get("relative_base")),
            relative_base_words=tuple(w.lower() for w in period.get("relative_base") or ()),
            period_continues=_longest_first(period.get("continues")),
            **_entity_words(entity),
            span_total_caseless=re.compile(rf"{caseless(_words(period.get('span_total') or [])) or '(?!)'}|"
                                           rf"{YEARS_COUNT_CORE}|{TOTAL_OF_SPAN_CORE}"),
        )


# `5 năm`, `05 năm`, `năm năm` (a count of years, not `năm 2025`; not `sau 5 năm`, a time
# after which a level is reached) and `tổng … giai đoạn 2021 - 2025`: a total over the span.
YEARS_COUNT = r"(?<![\w])(?<!sau )(?<!qua )(?:0?[2-9]|1[0-5]|hai|ba|bốn|năm|mười)\s+năm(?!\s*(?:\d|qua|sau|tới|trước))(?![\w])"
TOTAL_OF_SPAN = r"(?<![\w])tổng(?![\w])[^;:.()]{0,60}(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+\d{4}\s*[-–]\s*\d{4}"
# (written in lower case: also read on a caseless text, without `re.I`)
YEARS_COUNT_CORE = r"(?:0?[2-9]|1[0-5]|hai|ba|bốn|năm|mười)\s+năm"
TOTAL_OF_SPAN_CORE = TOTAL_OF_SPAN.removeprefix(r"(?<![\w])")
# Words that may follow a base word and qualify it (`dự toán Trung ương giao`, `kế hoạch năm 2025`).
YEARLY = r"(?:\s+(?:mỗi|hằng|hàng)\s+năm)?"
BASE_WORDS = r"(?:\s+(?!(?:{stop})(?![\w]))(?:\d{{4}}(?![\d.,])|(?!\d)[^\s;,.:()]+)){{0,8}}"
# Words that end a base phrase: a conjunction or the verb of the next statement (`dự toán năm và tăng 5%`).
BASE_STOP = ["và", "nhưng", "song", "còn", "là", "so", "đồng thời"]


@dataclass(frozen=True)
class StatedOfCues:
    """Patterns for figures stated of a base (`bằng 104,8% dự toán (17.200 tỷ đồng)`) and for
    yearly average changes (`bình quân mỗi năm giảm 0,9 điểm %`)."""

    lead: re.Pattern  # the end of the text before the stated figure: a lead, maybe a base
    base_after: re.Pattern  # the start of the text after it: a base, maybe a bracket
    measured: re.Pattern  # a base that is a past measurement (`cùng kỳ`), not a target
    average: re.Pattern
    average_lead: re.Pattern  # `tăng bình quân`, `bình quân mỗi năm giảm` right before a figure

    @classmethod
    def from_catalog(cls, relation: dict) -> "StatedOfCues":
        base = rf"(?:{_words(relation['base'])})(?![\w])"
        average = _words(relation["average"])
        stop = _words(BASE_STOP + [w for k in ("of_lead", "over_lead", "under_lead") for w in relation[k]])
        base = base + BASE_WORDS.format(stop=stop)
        leads = "|".join(rf"(?P<{form}>{_words(relation[f'{form}_lead'])})" for form in ("of", "over", "under"))
        return cls(
            lead=re.compile(rf"(?<![\w])(?:{leads})\s+(?:(?:so với\s+)?(?P<base>{base})\s+)?"
                            r"(?:khoảng\s+|gần\s+|hơn\s+)?$", re.I),
            base_after=re.compile(rf"\s*(?:so với\s+)?(?P<base>{base})\s*(?P<open>\(\s*)?", re.I),
            measured=re.compile(rf"(?:{_words(relation['measured_base'])})(?![\w])", re.I),
            average=re.compile(rf"(?<![\w])(?:{average})(?![\w])", re.I),
            average_lead=re.compile(rf"(?<![\w])(?:(?P<d1>tăng|giảm)\s+(?:{average})|(?:{average}){YEARLY}"
                                    rf"\s+(?P<d2>tăng|giảm)){YEARLY}\s*$", re.I),
        )


def _kind_slug(kind: str, not_a_head) -> str:
    """A partition's kind as a part's scope is written: its words without those that open no
    head (`xây mới` is the scope `xay`, `trong nước` is `nuoc`, as `_label_scope` reads them)."""
    stop = {w.lower() for w in not_a_head}
    return slug(" ".join(w for w in kind.lower().split() if w not in stop))
