"""Closed brackets in the words around figures: one pattern for every reader, and the words
with them blanked in place (so that places in the words are places in the text)."""

from __future__ import annotations

import re

# A bracket with no bracket inside it (`(cũ)`, `(A 0,96%; B 1,12%)`): the innermost of nested ones.
CLOSED_BRACKET_RE = re.compile(r"\([^()]*\)")


def blank_brackets(words: str) -> str:
    """`words` with each innermost closed bracket blanked by as many spaces."""
    return CLOSED_BRACKET_RE.sub(_spaces, words)


def _spaces(m: re.Match) -> str:
    return " " * (m.end() - m.start())
