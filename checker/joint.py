"""Several phrase matchers read a text in one pass of one automaton, and a piece of the text
read from that pass rather than matched again."""

from __future__ import annotations

from bisect import bisect_left
from typing import Sequence

from checker.text import Mention, PhraseMatcher, _prepared
from checker.tries import SPACES_RE, JointAutomaton, _leftmost_longest

# The last letters of the syllables `respell` changes where no letter follows: a piece cut
# right after one may be respelled where the whole text is not.
_RESPELT = frozenset("ìíỉĩịàáảãạèéẻẽẹỳýỷỹỵ")
_MARK_REACH = 12  # (the longest footnote marker masking blanks: `$^{^{123}}$`, and one more)


class JointMatcher:
    """Several matchers' `find` of a text made in one pass of one automaton over it for all
    of them (a `JointAutomaton`) and kept in their memos, where the `find` calls that follow
    read it: a block is read with the indicator, frame, entity and cue matchers, each over
    all of it.  Built with the catalog (its automaton is kept in the catalog's disk cache).
    Every match of the last text read (overlapping ones too) is kept for `first_at`."""

    def __init__(self, matchers: Sequence[PhraseMatcher]):
        self.matchers = tuple(m for m in matchers if m.index is not None)
        self.automaton = JointAutomaton([m.index for m in self.matchers])
        self._last: tuple[str, list] | None = None  # (a text, its `every_hit`): one block at a time

    def find(self, text: str) -> None:
        todo = [n for n, m in enumerate(self.matchers) if text not in m._found]
        if not todo:
            return
        masked, _ = _prepared(text)
        every = self._every(text)
        for n in todo:
            matcher = self.matchers[n]
            found = _leftmost_longest(every[n]) if every[n] else []
            matcher._found.put(text, matcher._mentions(masked, found))

    def _every(self, text: str) -> list[list[tuple[int, int, str]]]:
        if self._last is None or self._last[0] != text:
            self._last = (text, self.automaton.every_hit(_prepared(text)[1]))
        return self._last[1]

    def first_at(self, matcher: PhraseMatcher, text: str, at: int, stop: int) -> Mention | None:
        """The first of `matcher.find(text[at:stop])` if it starts at 0, else None: looked up
        in the matches of all of `text`, found once, rather than matching the piece (the piece
        is matched where it may read otherwise: see `_same_piece`)."""
        if matcher not in self.matchers or not _same_piece(text, at, stop):
            found = matcher.find(text[at:stop])
            return found[0] if found and found[0].start == 0 else None
        slot = self.matchers.index(matcher)
        masked, lowered = _prepared(text)
        phrase, end = None, None
        if stop < len(text) and (lowered[stop].isalnum() or lowered[stop] == "_"):
            # (a phrase that ends where the piece is cut, glued to a word in the text but not in the piece)
            phrase = self.automaton.phrase_of(SPACES_RE.sub(" ", lowered[at:stop]), slot)
            end = stop
        if phrase is None:
            hits = self._every(text)[slot]
            n = bisect_left(hits, (at,))
            while n < len(hits) and hits[n][0] == at and -hits[n][1] > stop:
                n += 1  # (longest first: the first that ends in the piece is the longest there)
            if n == len(hits) or hits[n][0] != at:
                return None
            end, phrase = -hits[n][1], hits[n][2]
        return Mention(0, end - at, masked[at:end], matcher.keys[phrase], matcher.inner.get(phrase, ()))

    def starts_reaching(self, matcher: PhraseMatcher, text: str, lo: int, hi: int, beyond: int,
                        stop: int) -> set[int] | None:
        """The places in `[lo, hi)` where a phrase of `matcher` starts in `text` and ends past
        `beyond` (by `stop`): for a piece `text[at:stop]` opening a word after a space, the only
        places where `first_at(matcher, text, at, stop)` may end past `beyond`, read from the
        matches of all of `text`.  None when first_at would read a piece cut at `stop` on its
        own (see `_same_piece`) or as a phrase glued at the cut: then any place may."""
        if matcher not in self.matchers or stop - _MARK_REACH < hi or not _plain_cut(text, stop - _MARK_REACH, stop):
            return None
        lowered = _prepared(text)[1]
        if stop < len(text) and (lowered[stop].isalnum() or lowered[stop] == "_"):
            return None
        hits = self._every(text)[self.matchers.index(matcher)]
        n, last = bisect_left(hits, (lo,)), bisect_left(hits, (hi,))
        return {start for start, end, _ in hits[n:last] if beyond < -end <= stop}


def _same_piece(text: str, at: int, stop: int) -> bool:
    """Whether `text[at:stop]`, prepared on its own, is `text` prepared, cut there, with no
    phrase matched otherwise but one that ends at `stop`: the piece opens a word after a
    space (so that no marker or respelling reaches into it from before), and no footnote
    marker is blanked and no syllable respelt at the cut."""
    if not (at == 0 or text[at - 1].isspace()) or stop <= at:
        return False
    return _plain_cut(text, max(at, stop - _MARK_REACH), stop)


def _plain_cut(text: str, lo: int, stop: int) -> bool:
    """Whether no footnote marker is blanked in `text[lo:stop + _MARK_REACH]` and no syllable
    is respelt at `stop` (the end of the text is always a plain cut)."""
    if stop >= len(text):
        return True
    masked, lowered = _prepared(text)
    hi = stop + _MARK_REACH
    return masked[lo:hi] == text[lo:hi] and lowered[stop - 1] not in _RESPELT
