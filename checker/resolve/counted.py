"""Whether two figures count the same thing when no catalog unit was read for them: `8.433
giấy phép xây dựng … (7.812 giấy phép)`, `686.633 em … (680.970 em)`.  A count of a noun the
unit catalog does not know is compared only with a figure followed by the same noun; any
other figure without a unit is no level of it (abstain)."""

from __future__ import annotations

import re

# The words right after a number, up to punctuation, a bracket or another number.
NOUN_RE = re.compile(r"\s*((?:[^\W\d_]+\s*){1,2})")
# Words that start no noun of their own: the clause goes on.
NOT_A_NOUN = frozenset({"và", "với", "so", "tăng", "giảm", "bằng", "đạt", "chiếm", "gấp", "trong", "của", "năm",
                        "là", "tại", "ở", "cho", "từ", "đến", "lên", "xuống", "còn", "khoảng", "hơn", "trên",
                        "dưới", "theo", "thì", "nhưng", "cao", "thấp", "vượt"})


def counted_noun(text: str, fig) -> tuple[str, ...]:
    """The (at most two) words naming what a figure without a unit counts, lower-cased; ()
    where none follows it."""
    m = NOUN_RE.match(text, fig.end)
    if m is None:
        return ()
    words = tuple(m.group(1).lower().split())
    if not words or words[0] in NOT_A_NOUN:
        return ()
    return words[:1] if len(words) > 1 and words[1] in NOT_A_NOUN else words


def same_count(text: str, fa, unit_a: str | None, fb, unit_b: str | None) -> bool:
    """Two figures of `text` (with the units read for them) count the same thing: one catalog
    unit, or none and the same noun after both (the shorter naming the start of the longer)."""
    if unit_a is not None or unit_b is not None:
        return unit_a == unit_b
    return alike_nouns(counted_noun(text, fa), counted_noun(text, fb))


def alike_nouns(na: tuple[str, ...], nb: tuple[str, ...]) -> bool:
    """Two counted nouns name one thing: both said, the shorter the start of the longer."""
    if not na or not nb:
        return False
    short, long_ = sorted((na, nb), key=len)
    return long_[:len(short)] == short
