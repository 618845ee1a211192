"""Catalog phrases as tries of tokens, and their walk over a text's tokens: one trie's, or
several tries' in one pass (the matchers a block is read with)."""

from __future__ import annotations

import functools
import re
from itertools import accumulate, compress
from typing import Sequence

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


class JointTrie:
    """Several tries walked over a text in one pass: the first words of all of them in one
    dict, so that the text's tokens are looked up once (not once a trie) and a token that
    opens phrases of several tries is visited once.  Each trie's matches are what its own
    `finditer` finds: left to right, the longest at the leftmost start, never overlapping."""

    END = _PhraseTrie.END

    def __init__(self, tries: Sequence[_PhraseTrie]):
        self.tries = tuple(tries)  # (kept: the joint trie is looked up by their ids)
        first: dict[str, list[tuple[int, dict]]] = {}
        for slot, trie in enumerate(self.tries):
            for word, node in trie.root.items():
                first.setdefault(word, []).append((slot, node))
        self.first = {word: tuple(nodes) for word, nodes in first.items()}

    def find_all(self, lowered: str) -> list[list[tuple[int, int, str]]]:
        """(start, end, phrase) of each trie's matches in `lowered`, a list per trie."""
        words, spaced, ends = _tokens(lowered)
        first, n, size, end_key = self.first, len(words), len(lowered), self.END
        found: list[list[tuple[int, int, str]]] = [[] for _ in self.tries]
        free = [0] * len(self.tries)
        for i in compress(range(n), map(first.__contains__, words)):
            after_first = (words[i + 1], spaced[i + 1]) if i + 1 < n else None
            start = ends[i] - len(words[i])
            glued = start > 0 and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")
            for slot, node in first[words[i]]:
                if glued:
                    break
                if i < free[slot] or (end_key not in node and after_first not in node):
                    continue
                last = _longest(node, words, spaced, ends, lowered, i, size)
                if last is not None:
                    found[slot].append((start, ends[last[0]], last[1]))
                    free[slot] = last[0] + 1
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
