"""The other figure of a stated share found from the words around it, with no catalog
indicator: the whole a share names (`chiếm 36,8% tổng thiệt hại` after `tổng giá trị thiệt
hại ước 3.352,0 tỷ đồng`), the sentence's total a bare share is of (`tổng diện tích 13.335
ha, …; diện tích thâm canh 214 ha, chiếm 1,6%`), and the result a share of plan is of when
the plan in brackets names it by its unit (`hoàn thành 5.438 căn với 299.090 m², bằng 96,0%
kế hoạch (6.000 căn)`).

Many held-out drafts measure things no catalog indicator names (dossiers, flood damage,
social housing units): the unit noun and the whole's own words are the evidence.  Each
finder abstains when two candidates fit, when units differ, or when the part is itself
described with the whole's words."""

from __future__ import annotations

import re

from checker.records import RelationKind
from checker.resolve.brackets import CLOSED_BRACKET_RE
from checker.resolve.resolved import Resolved

WORD_RE = re.compile(r"[^\W\d_]+")
SENTENCE_END_RE = re.compile(r"[.!?]\s")
CLAUSE_END_RE = re.compile(r"[;:.!?]\s")
TOTAL_WORD_RE = re.compile(r"(?<![\w])tổng(?![\w])", re.I)
# How far back (paragraphs) a whole the share names is looked for: a section's lead
# paragraph states the total, the paragraphs after it break it down.
BLOCKS_BACK = 6
# At most this many words may stand between two words of the whole's name in a level's own
# words (`tổng [giá trị] thiệt hại`, `diện tích [gieo trồng] lúa cả năm`).
GAP_WORDS = 3
# The whole's name goes on past a comma or `và` into another noun (not a verb or a relation
# word going on with the sentence: `chiếm 74,6% tổng mức và tăng 9,9%`, `…, tiếp đến là`).
LIST_GOES_ON_RE = re.compile(r"\s*(?:,|và(?![\w]))\s*(?!(?:tăng|giảm|đạt|là|so|tiếp|bằng|gấp|cao|thấp|trong|của|chiếm"
                             r"|với|đóng|góp|nhưng|song|còn|riêng|đã|được|đứng|xếp|vượt|ước|chủ|nhất|năm|tháng|gồm|bao|đó|cụ|như)(?![\w]))"
                             r"[^\W\d_]", re.I)
NAME_END_RE = re.compile(r"[;:.()\d%]|,?\s+(?:tăng|giảm|so với|đạt|là|gấp|bằng|cao|thấp|tiếp|nhưng|song|năm|chủ yếu)(?![\w])",
                         re.I)
# A level whose own words leave part of it out (`thu nội địa không kể tiền sử dụng đất`) is of
# another scope than the whole a share names with the shorter name.
EXCLUDES_RE = re.compile(r"(?<![\w])(?:không\s+(?:kể|tính|bao gồm|gồm)|trừ|loại trừ|ngoài)(?![\w])", re.I)
NOT_LEVEL_UNITS = ("percent", "percentage_point", "times")
ROLES = ("actual", "baseline", "estimate", None)
NEIGHBOURS = 60  # (how far back in `out` the figure before another in its block is looked for)


# Words that only join a name's nouns (`vốn đăng ký của các dự án mới`): left out when names
# are compared, so that they do not count against the few words a name may have between its own.
JOINING_WORDS = frozenset(("của", "các", "những"))


def _words(text: str) -> list[str]:
    return [w for w in (w.lower() for w in WORD_RE.findall(text)) if w not in JOINING_WORDS]


def _own_words(out: list[Resolved], i: int) -> str:
    """A figure's own words: its clause before it, from the figure before it in its block (or
    the clause's start), brackets left out (`tổng diện tích lúa (mô hình tôm - lúa) vụ mùa là`)."""
    r = out[i]
    text = r.block.text
    start = 0
    for m in CLAUSE_END_RE.finditer(text, 0, r.figure.start):
        start = m.end()
    # (a block's figures stand together in `out`, in the order of its text)
    for o in out[max(0, i - NEIGHBOURS):i]:
        if o.block is r.block and start <= o.figure.end <= r.figure.start:
            start = o.figure.end
    return CLOSED_BRACKET_RE.sub(" ", text[start:r.figure.start])


def _names(label: list[str], phrase: list[str]) -> bool:
    """Whether the words of `phrase` all stand close together in `label` (in a run of its
    length and a few more: `tổng [giá trị] thiệt hại`, `tiếp nhận tổng số … hồ sơ` for
    `tổng số hồ sơ tiếp nhận`)."""
    span = len(phrase) + GAP_WORDS
    need = {w: phrase.count(w) for w in phrase}
    for start in range(max(1, len(label) - len(phrase) + 1)):
        run = label[start:start + span]
        if all(run.count(w) >= k for w, k in need.items()):
            return True
    return False


def _is_level(r: Resolved) -> bool:
    return r.figure.kind == "statistic" and r.unit is not None and r.unit not in NOT_LEVEL_UNITS \
        and not r.measure and r.figure.interval is not None and not (r.figure.qualifier or "").startswith(("g", "l"))


def _value(r: Resolved):
    return r.figure.interval.scaled(r.factor)


def _fits(b: Resolved, a: Resolved) -> bool:
    """`b` can be the whole of `a`: its unit, no other province or period, no plan or change,
    and not below it."""
    return b is not a and _is_level(b) and b.unit == a.unit \
        and (b.role == a.role or b.role in ROLES and a.role in ROLES) \
        and not (b.entity and a.entity and b.entity != a.entity) \
        and not (b.period and a.period and b.period != a.period) \
        and _value(b).hi >= _value(a).lo


def _one(out: list[Resolved], found: list[int]) -> int | None:
    """The one whole found, or None when none or when they differ in value."""
    if not found:
        return None
    first = _value(out[found[0]])
    return found[0] if all(_value(out[i]).overlaps(first) for i in found[1:]) else None


def doubtful(out: list[Resolved], a_i: int, b_i: int, phrase: str) -> bool:
    """Whether the whole `b_i` another reading found for the share of `a_i` that names
    `phrase` is in doubt: one common word names it, the part's own words name it too, or
    another level before the part named alike differs from it."""
    words = _words(phrase)
    if len(words) < 2 and not phrase.strip().isupper():
        return True
    if _names(_words(_own_words(out, a_i)), words):
        return True
    return any(not _value(out[i]).overlaps(_value(out[b_i])) for i in _named(out, a_i, words))


def named_whole(out: list[Resolved], a_i: int, phrase: str, after: str = "") -> int | None:
    """`chiếm 36,8% tổng thiệt hại`: the level before the part `a_i`, in its paragraph or a
    few before, whose own words name the whole (`tổng giá trị thiệt hại ước 3.352,0 tỷ
    đồng`), in the part's unit; None when the part's own words name it too, when two
    levels that differ do.  A name that goes on into a list is read whole (`after`, the text
    after the phrase: `tổng diện tích cà phê, sầu riêng và hồ tiêu` is no coffee's area)."""
    if LIST_GOES_ON_RE.match(after):
        # (the whole's whole name, up to its clause's end or a word going on with the sentence)
        phrase += NAME_END_RE.split(after, 1)[0]
    words = _words(phrase)
    if len(words) < 2 and not (len(words) == 1 and phrase.strip().isupper() and len(phrase.strip()) >= 3):
        return None  # (one common word names too much: `chiếm 40% vốn`)
    if _names(_words(_own_words(out, a_i)), words):
        return None  # (`tổng thu năm 2025 …, chiếm 30% tổng thu cả giai đoạn`: the part is a whole itself)
    return _one(out, _named(out, a_i, words))


def _named(out: list[Resolved], a_i: int, words: list[str]) -> list[int]:
    """The levels before `a_i`, in its paragraph or a few before, that can be its whole and
    whose own words (and unit) name `words`."""
    a = out[a_i]
    found, blocks = [], []
    for i in range(a_i - 1, -1, -1):
        b = out[i]
        if b.doc is not a.doc:
            break
        if b.block is not a.block and (not blocks or blocks[-1] is not b.block):
            blocks.append(b.block)
            if len(blocks) > BLOCKS_BACK:
                break
        if b.block.kind == "table_row" or not _fits(b, a):
            continue
        own = _own_words(out, i)
        if _names(_words(own + " " + (b.figure.unit_text or "")), words) and not EXCLUDES_RE.search(own):
            found.append(i)
    # The nearest reach that names one wins: the part's own sentence, then its paragraph
    # (`tổng sản lượng thủy sản 178.650 tấn; trong đó …, nuôi trồng 68.420 tấn, chiếm 38,3%
    # tổng sản lượng` is of its sentence's total, whatever other output the report totals).
    for near in (lambda i: _same_sentence(out[i], a), lambda i: out[i].block is a.block):
        if any(near(i) for i in found):
            return [i for i in found if near(i)]
    return found


def _same_sentence(b: Resolved, a: Resolved) -> bool:
    return b.block is a.block and SENTENCE_END_RE.search(a.block.text, b.figure.end, a.figure.start) is None


def sentence_total(out: list[Resolved], text: str, figs, n: int, a_i: int) -> int | None:
    """`tổng diện tích nuôi tôm 13.335 ha, trong đó …; diện tích thâm canh 214 ha, chiếm
    1,6%`: a share that names no whole, of a part listed under no total, is of the one total
    (`tổng`) of the part's unit stated before it in its sentence."""
    a = out[a_i]
    if TOTAL_WORD_RE.search(_own_words(out, a_i)):
        return None
    start = 0
    for m in SENTENCE_END_RE.finditer(text, 0, a.figure.start):
        start = m.end()
    found = []
    for b_i, fb in figs[:n]:
        b = out[b_i]
        if fb.start < start or b_i == a_i or not _fits(b, a) or fb.start > a.figure.start:
            continue
        if any(rel.kind is RelationKind.PART_OF for rel in b.relations):
            continue
        if TOTAL_WORD_RE.search(_own_words(out, b_i)):
            found.append(b_i)
    return found[0] if len(found) == 1 else None


def result_by_unit(out: list[Resolved], text: str, figs, n: int, b_i: int) -> int | None:
    """`hoàn thành 5.438 căn với tổng diện tích sàn 299.090 m², bằng 96,0% kế hoạch năm
    (6.000 căn)`, `… 1.828 doanh nghiệp …. Số doanh nghiệp thành lập mới bằng 76,4% kế hoạch
    năm (2.450 doanh nghiệp)`: the result a share of plan is of is the one level in the unit
    of the plan in brackets, in the share's sentence before it, else in the sentence before."""
    s = figs[n][1]
    unit = out[b_i].unit
    if unit is None or unit in NOT_LEVEL_UNITS:
        return None
    ends = [m.end() for m in SENTENCE_END_RE.finditer(text, 0, s.start)]
    own = ends[-1] if ends else 0
    before = ends[-2] if len(ends) > 1 else 0
    for lo, hi in ((own, s.start), (before, own) if ends else (0, 0)):
        found = [a_i for a_i, fa in figs[:n] if lo <= fa.start < hi and out[a_i].unit == unit]
        if found:
            a = out[found[0]]
            if len(found) != 1 or not _is_level(a) or a.role == "target" \
                    or any(rel.kind is RelationKind.PART_OF for rel in a.relations):
                return None
            return found[0]
    return None
