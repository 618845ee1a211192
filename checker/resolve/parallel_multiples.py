"""A multiple of another province's level stated in the clause after it, in the same words:
`khu vực A (cũ) thu 35.640 tỷ đồng, …, gấp 1,84 lần khu vực B (cũ); khu vực B (cũ) thu 19.380
tỷ đồng`.  The two levels are related only where both clauses say the same words before
their figure once the provinces' names are left out (`khu vực … thu`), of one unit, period
and role: the kind `stated_ratio` (mode `multiple`) recomputes M = A/B."""

from __future__ import annotations

import re

from checker.records import Relation, RelationKind
from checker.resolve.brackets import CLOSED_BRACKET_RE
from checker.resolve.bases import MULTIPLE_LEAD_RE, STOP_RE, _is_level, _is_rate, outside
from checker.resolve.multiple_bases import BASE_NAME_RE
from checker.resolve.stated import _before

LABEL_START_RE = re.compile(r"[;:.!?]\s|^")
SENTENCE_END_RE = re.compile(r"\.(?:\s|$)")


def parallel_multiples(out, blocks, matcher) -> None:
    """Add the relation of each `gấp M lần <province>` whose base the next clause states."""
    if matcher is None:
        return
    for text, figs in blocks:
        for n, (s_i, s) in enumerate(figs):
            if s.kind == "statistic" and out[s_i].unit == "times" \
                    and not any(rel.kind is RelationKind.MULTIPLE for rel in out[s_i].relations) \
                    and MULTIPLE_LEAD_RE.search(_before(text, s, 20)):
                _parallel(out, text, figs, n, matcher)


def _parallel(out, text: str, figs, n: int, matcher) -> bool:
    s_i, s = figs[n]
    tail = BASE_NAME_RE.match(text, s.end)
    if tail is None or out[s_i].entity is None:
        return False
    named = {k for m in matcher.find(text[s.end:tail.end()]) for k in m.keys} - {out[s_i].entity}
    if len(named) != 1:
        return False
    a_i = _numerator(out, text, figs, n)
    if a_i is None:
        return False
    a = out[a_i]
    end = SENTENCE_END_RE.search(text, tail.end())
    later = [j for j, f in figs[n + 1:] if f.start < (end.start() if end else len(text)) and out[j].entity in named]
    if not later:
        return False
    b_i = later[0]
    b = out[b_i]
    if not _is_level(b) or (a.unit, a.period, a.role) != (b.unit, b.period, b.role) or b.figure.kind != "statistic":
        return False
    la, lb = _label(text, a.figure.start, matcher), _label(text, b.figure.start, matcher)
    if not la or la != lb:
        return False
    why = f"`{s.text}` {text[s.end:tail.end()].strip()}: `{a.figure.text}` over `{b.figure.text}`, said alike"
    out[s_i].relations.append(Relation(RelationKind.MULTIPLE, s_i, (a_i, b_i), "", why))
    return True


def _numerator(out, text: str, figs, n: int) -> int | None:
    """The level the multiple is said of: the nearest figure before it in its clause that is
    no rate, passing over the rates stated of it and figures in brackets closed before it."""
    start = figs[n][1].start
    for m in range(n - 1, -1, -1):
        gap = outside(text[figs[m][1].end:start])
        if "(" in gap:
            return None
        if ")" in gap:
            continue
        if STOP_RE.search(gap) or len(gap) > 80:
            return None
        if _is_rate(out, figs[m][0], figs[m][1]):
            continue
        return figs[m][0] if _is_level(out[figs[m][0]]) else None
    return None


def _label(text: str, at: int, matcher) -> str:
    """The words of a figure's clause before it, provinces and brackets left out, folded."""
    starts = [m.end() for m in LABEL_START_RE.finditer(text, 0, at)]
    words = text[starts[-1] if starts else 0:at]
    for m in sorted(matcher.find(words), key=lambda m: -m.start):
        words = words[:m.start] + " " + words[m.end:]
    words = CLOSED_BRACKET_RE.sub(" ", words)
    return " ".join(words.lower().split())
