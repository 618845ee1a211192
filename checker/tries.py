"""Catalog phrases as tries of tokens and their walk over a text's tokens; several tries'
phrases in one automaton, found in one pass (the matchers a block is read with)."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from itertools import accumulate, compress
from typing import Sequence

import ahocorasick

# Words, and every other character that is not a space on its own: how phrases and text are
# compared.  Each token notes whether a space comes before it (`(cũ)` is three tokens with
# none; `bà rịa - vũng tàu` has spaces throughout).
SPACED_TOKEN_RE = re.compile(r"(\s*)(\w+|\S)")


@functools.lru_cache(maxsize=4096)
def _tokens(lowered: str) -> tuple[list[str], list[bool], list[int]]:
    """The tokens of a prepared text, whether spaces come before each, and where each ends."""
    # `split` lays the text out as [before, space, token, between, space, token, ...] (the
    # befores and betweens empty, tokens and spaces covering it all), so that slicing and
    # running sums in C give each token, its space and its end without a Python loop.
    parts = SPACED_TOKEN_RE.split(lowered)
    ends = list(accumulate(map(len, parts)))
    return parts[2::3], list(map(bool, parts[1::3])), ends[2::3]


class _PhraseTrie:
    """Catalog phrases as a trie of tokens.  A match is a run of text tokens equal to a
    phrase's, spaced where the phrase is spaced, and not glued to a word on either side: the
    leftmost match, and there the longest, as one trie-shaped regex of every phrase would
    find, without compiling one (compiling took most of the catalog's load time)."""

    END = ""  # a node's key for the phrase that ends there (no token is empty)

    def __init__(self, phrases: list[str]):
        root: dict = {}
        for phrase in phrases:
            words, spaced, _ = _tokens(phrase)
            if not words:
                continue
            node = root.setdefault(words[0], {})
            for word, space in zip(words[1:], spaced[1:]):
                node = node.setdefault((word, space), {})
            node[self.END] = phrase
        self.root = root

    def finditer(self, lowered: str):
        """(start, end, phrase) of each match in `lowered`, left to right, never overlapping."""
        words, spaced, ends = _tokens(lowered)
        root, n, free, size, end_key = self.root, len(words), 0, len(lowered), self.END
        for i in compress(range(n), map(root.__contains__, words)):
            node = root[words[i]]
            if end_key not in node and (i + 1 == n or (words[i + 1], spaced[i + 1]) not in node):
                continue  # (most first words are common words that the next token does not go on from)
            if i < free:
                continue
            start = ends[i] - len(words[i])
            if start:
                before = lowered[start - 1]
                if before.isalnum() or before == "_":  # glued to a word (what `\w` is for `re` on text)
                    continue
            best = _longest(node, words, spaced, ends, lowered, i, size)
            if best:
                yield start, ends[best[0]], best[1]
                free = best[0] + 1


class JointAutomaton:
    """Several tries' phrases found in one pass of one Aho-Corasick automaton (pyahocorasick,
    in C) over a text, instead of a Python walk of its tokens.  A phrase is kept in the form
    its tokens make, spaced where they are spaced (`(cũ)`, `bà rịa - vũng tàu`), and the text
    is read with each run of spaces as one: equal forms that start and end where no word
    goes on are equal runs of tokens.  Each trie's matches are what its own `finditer` finds:
    left to right, the longest at the leftmost start, never overlapping.  Built with the
    catalog and kept in its disk cache (it pickles)."""

    def __init__(self, tries: Sequence[_PhraseTrie]):
        self.size = len(tries)
        forms: dict[str, dict[int, str]] = {}
        for slot, trie in enumerate(tries):
            for phrase in _phrases(trie.root):
                forms.setdefault(_spaced_form(phrase), {})[slot] = phrase
        # (the automaton holds each form's number, its form's length and phrases kept beside it:
        # integers pickle and load several times faster than Python values in its nodes)
        self.values = tuple((len(form), tuple(slots.items())) for form, slots in forms.items())
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for number, form in enumerate(forms):
            self.automaton.add_word(form, number)
        if forms:
            self.automaton.make_automaton()

    def find_all(self, lowered: str) -> list[list[tuple[int, int, str]]]:
        """(start, end, phrase) of each trie's matches in `lowered`, a list per trie."""
        return [_leftmost_longest(found) if found else found for found in self.every_hit(lowered)]

    def every_hit(self, lowered: str) -> list[list[tuple[int, int, str]]]:
        """(start, -end, phrase) of every match of each trie's phrases in `lowered`, the
        overlapping ones too, in order and in the text's own places: a list per trie."""
        text, offsets = lowered, None
        # (no space but single ASCII ones, the most blocks, told in C without a copy: the
        # other spaces, `\n`, `\xa0`, ..., are all that `isprintable` calls not printable)
        if not lowered.isprintable() or "  " in lowered:
            text = SPACES_RE.sub(" ", lowered)
            if len(text) != len(lowered):
                offsets = _Offsets(lowered)
        hits: list[list[tuple[int, int, str]]] = [[] for _ in range(self.size)]
        values, size = self.values, len(text)
        for last, number in (self.automaton.iter(text) if self.values else ()):
            length, slots = values[number]
            start, end = last + 1 - length, last + 1
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # glued to a word before it (what `\w` is for `re`)
            if end < size and (text[end].isalnum() or text[end] == "_"):
                continue
            if offsets is not None:  # (the order holds: places only move right, in order)
                start, end = offsets(start), offsets(end - 1) + 1
            for slot, phrase in slots:
                hits[slot].append((start, -end, phrase))
        for found in hits:
            found.sort()
        return hits

    def phrase_of(self, form: str, slot: int) -> str | None:
        """The phrase of trie `slot` whose form (see `_spaced_form`) is `form`, if any."""
        number = self.automaton.get(form, None) if self.values else None
        return None if number is None else dict(self.values[number][1]).get(slot)


def _phrases(node: dict):
    """The phrases of a trie (its nodes' ends)."""
    for key, child in node.items():
        if key == _PhraseTrie.END:
            yield child
        else:
            yield from _phrases(child)


def _spaced_form(phrase: str) -> str:
    """A phrase's tokens, one space where spaces come between them."""
    words, spaced, _ = _tokens(phrase)
    return words[0] + "".join(" " + w if space else w for w, space in zip(words[1:], spaced[1:]))


SPACES_RE = re.compile(r"\s+")
RUNS_RE = re.compile(r"\s\s+")  # (a single space of another kind keeps the offsets)


class _Offsets:
    """Where a place of a text with its runs of spaces made one stands in the text itself."""

    def __init__(self, text: str):
        self.starts: list[int] = []  # where each run's single space is followed, in the squeezed text
        self.shifts: list[int] = []  # the characters dropped up to there
        dropped = 0
        for m in RUNS_RE.finditer(text):
            dropped += m.end() - m.start() - 1
            self.starts.append(m.end() - dropped)
            self.shifts.append(dropped)

    def __call__(self, pos: int) -> int:
        k = bisect_right(self.starts, pos)
        return pos + self.shifts[k - 1] if k else pos


def _leftmost_longest(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, -end, phrase) hits, all of them in order, to the leftmost and there the
    longest ones that do not overlap, as (start, end, phrase)."""
    found, free = [], 0
    for start, end, phrase in hits:
        if start >= free:
            free = -end
            found.append((start, free, phrase))
    return found


def _longest(node: dict, words: list[str], spaced: list[bool], ends: list[int], lowered: str, i: int,
             size: int) -> tuple[int, str] | None:
    """The last token and the phrase of the longest phrase from token `i` on (`node`: its
    first word's node) that is not glued to a word after it."""
    j, best, end_key = i, None, _PhraseTrie.END
    while True:
        phrase = node.get(end_key)
        if phrase is not None:
            end = ends[j]
            after = lowered[end] if end < size else " "
            if not (after.isalnum() or after == "_"):
                best = (j, phrase)
        j += 1
        if j == len(words):
            return best
        node = node.get((words[j], spaced[j]))
        if node is None:
            return best
