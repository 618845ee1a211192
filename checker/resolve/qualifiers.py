"""Qualifiers in prose: words after an indicator's name that narrow what the figure measures."""

from __future__ import annotations

import re
from functools import lru_cache

from checker.records import Evidence
from checker.text import slug

# A syllable, a number, a bracket or a break, as the gap between a name and its figure holds them.
TOKEN_RE = re.compile(r"[^\W\d_]+|\d[\d.,/]*|[()\[\],;:.\-–]")
ROMAN_RE = re.compile(r"[IVX]+")
# At most this many unexplained syllables make a qualifier (`vốn ODA`, `của doanh nghiệp nhà
# nước`); a longer run is prose between the name and its figure, not a name's qualifier.
MOST_SYLLABLES = 5
# The prefix of the scope a qualifier gives, kept apart from the catalog's scope kinds.
QUALIFIED = "q_"


@lru_cache(maxsize=4096)
def _own_syllables(indicator_names: tuple[str, ...]) -> frozenset[str]:
    """Every syllable of an indicator's name and aliases, in lower case: its optional words."""
    return frozenset(w.lower() for name in indicator_names for w in re.findall(r"[^\W\d_]+", name))


def prose_qualifier(p, fig, spot, r) -> str:
    """The scope of a figure whose indicator is named before it in its clause with words of
    its own between (`tỷ lệ giải ngân vốn ODA chỉ đạt 61,5%`): a narrower measure than the
    bare name's, `q_<the words>`; "" when only neutral words stand there (a period, the
    province, the unit, a verb, the name's own optional words) or when unsure."""
    if r.indicator is None or r.fields["indicator"].evidence is not Evidence.CLAUSE:
        return ""
    start = max(spot.clause_start, spot.prev_figure_end)
    names = [m for m in p.by_start["mentions"].between(start, fig.start + 1)
             if m.end <= fig.start and r.indicator in m.keys]
    if not names:
        return ""
    name = max(names, key=lambda m: (m.end, m.end - m.start))
    gap = p.text[name.end:fig.start]
    for a, b in p.entity_spans:  # (a province's name is the figure's entity, not a qualifier)
        if a < fig.start and b > name.end:
            a, b = max(a, name.end) - name.end, min(b, fig.start) - name.end
            gap = gap[:a] + " " * (b - a) + gap[b:]
    if gap.count("(") > gap.count(")"):
        return ""  # (the figure stands in a bracket opened after the name: an aside to words not read here)
    return qualifier_of(gap, p.catalog.indicators[r.indicator], p.cues)


def _period_next(toks: list[str], at: int) -> bool:
    """Whether a year or `năm` follows (`từ năm 2023 sang`): a span of time, no relation."""
    nxt = toks[at + 1] if at + 1 < len(toks) else ""
    return nxt[:1].isdigit() or nxt.lower() in ("năm", "tháng", "quý", "ngày")


def qualifier_of(gap: str, ind, cues) -> str:
    """The scope the words after an indicator's name give (`vốn ODA năm 2025 chỉ đạt`:
    `q_oda`), "" when they qualify nothing or too many stand there to be a name's."""
    own = _own_syllables((ind.name, *ind.aliases))
    words: list[str] = []
    depth, related = 0, False
    gap = cues.not_a_qualifier.sub(" ", gap)
    toks = TOKEN_RE.findall(gap)
    for at, tok in enumerate(toks):
        if tok in "([":
            depth += 1
            continue
        if tok in ")]":
            depth = max(0, depth - 1)
            continue
        if depth or tok[0].isdigit() or ROMAN_RE.fullmatch(tok):
            continue  # (a bracket's aside, a year, a date or a quarter)
        if not tok[0].isalpha():
            break  # (a break: the name's phrase ends there)
        low = tok.lower()
        if low in cues.qualifier_joins:
            words.append(low)  # (`vốn ODA và vốn vay ưu đãi`: both kinds together, one measure)
            continue
        if low in cues.qualifier_end:
            break  # (the figure's verb: what follows says how much, not of what)
        if low in cues.qualifier_relation and not _period_next(toks, at):
            related = True  # (`từ khu vực doanh nghiệp nhà nước`: the name's words name another thing now)
        if low in cues.not_a_head or (low in own and not related):
            continue
        words.append(low)
    while words and words[-1] in cues.qualifier_joins:
        words.pop()
    if not words or len(words) > MOST_SYLLABLES:
        return ""
    return QUALIFIED + slug(" ".join(words))
