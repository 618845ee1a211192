"""Whole-word cue patterns (cues.py `_whole`: `(?<![\\w])(?:a|b)(?![\\w])`, any case) found fast:
`re` tries such a pattern at every character of a text, case-insensitively; its lower-case
form without the look-behind is scanned for in the text's lower case, and each place found is
confirmed by the pattern itself, so that the matches are those of `pattern.finditer`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

LOOK_BEHIND = "(?<![\\w])"
# Characters that `re.IGNORECASE` matches to a letter of another lower case (`ı` to `i`, `ſ`
# to `s`: `re._casefix` of Python 3.11): a text holding one is searched the slow way.
CASE_EXTRAS_RE = re.compile("[\xb5\u0131\u017f\u0345\u0390\u03b0\u03b2\u03b5\u03b8-\u03ba\u03bc\u03c0\u03c1-\u03c3"
                            "\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u0432\u0434\u043e\u0441\u0442\u044a"
                            "\u0463\u1c80-\u1c88\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]")


def lowered(text: str) -> str | None:
    """`text.lower()` when lowering keeps each character's place and case-insensitive matching
    is plain lower-case matching on it (None otherwise: search such a text as written)."""
    low = text.lower()
    if len(low) != len(text) or CASE_EXTRAS_RE.search(low):
        return None
    return low


@lru_cache(maxsize=64)
def _scan_form(pattern: re.Pattern) -> re.Pattern | None:
    """The pattern in lower case, case-sensitive, without its leading look-behind; None for
    a pattern of another form (or one with an upper-case escape, which lowering would change)."""
    source = pattern.pattern
    if not pattern.flags & re.IGNORECASE or not source.startswith(LOOK_BEHIND) or re.search(r"\\[A-Z]", source):
        return None
    return re.compile(source[len(LOOK_BEHIND):].lower())


def cue_matches(pattern: re.Pattern, text: str, low: str | None) -> Iterator[re.Match]:
    """`pattern.finditer(text)`; `low`: `lowered(text)`, made once for all the patterns a
    text is searched for."""
    scan = _scan_form(pattern) if low is not None else None
    if scan is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (found := scan.search(low, pos)) is not None:
        m = pattern.match(text, found.start())
        if m is None:
            pos = found.start() + 1  # (a word goes on before it: tried again one character on)
            continue
        yield m
        pos = max(m.end(), m.start() + 1)
