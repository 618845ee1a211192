"""Text helpers every stage shares: diacritic folding, slugs, footnote markers and the phrase matcher."""

from __future__ import annotations

import functools
import re
from itertools import accumulate, compress
import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Footnote markers written in TeX by the PDF extraction: $^{14}$, $^{^{14}}$.
TEX_MARKER_RE = re.compile(r"\$\^\{\^?\{?(\d{1,3})\}\}?\$")
# Footnote markers written in Markdown: `... nghìn người[^1];` and the footnote's own `[^1]:`.
MD_MARKER_RE = re.compile(r"\[\^(\d{1,3})\]")
# A bracketed number glued to a word is a note's marker, not a figure: `1.200 tỷ đồng(1)`.
GLUED_MARKER_RE = re.compile(r"(?<=[^\W\d_])\(\d{1,2}\)")


def _markless_table() -> dict[int, str]:
    """Each Latin letter with diacritics to its bare letter, case kept: `Ấ` -> `A`, `đ` -> `d`."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    # Latin-1 Supplement, Latin Extended-A and -B, and Latin Extended Additional (where
    # Vietnamese letters are): the blocks between them (IPA, Greek, Cyrillic, ...) hold no
    # letter whose base is an ASCII one, and walking them took most of this module's import.
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[code] = base
    return table


MARKLESS = _markless_table()
# (ASCII mapped to itself too: a character missing from the table costs `translate` a
# raised and caught KeyError, and most characters of a text are ASCII)
_FOLD_TABLE = {**{code: code for code in range(0x80)}, **MARKLESS}


def fold(text: str) -> str:
    """Lower-case text without Vietnamese diacritics, one character for one (offsets hold)."""
    return text.lower().translate(_FOLD_TABLE)


def strip_marks(text: str) -> str:
    """Text without diacritics, case kept: `Hà Nội` -> `Ha Noi` (offsets need not hold)."""
    text = unicodedata.normalize("NFC", text).translate(MARKLESS)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def slug(text: str) -> str:
    """ASCII identifier for a Vietnamese phrase: `dự án` -> `du_an`."""
    return re.sub(r"[^a-z0-9]+", "_", strip_marks(text).lower()).strip("_")


def mask_markers(text: str) -> str:
    """Blank out footnote markers (and Markdown bold stars) so that they do not break figures."""
    text = TEX_MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "[^" in text:
        text = MD_MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "(" in text:
        text = GLUED_MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)
    return text.replace("**", "  ") if "**" in text else text


def mask_all_markers(text: str) -> str:
    """`mask_markers`, and superscript digits too: `5 sao¹⁵` still ends in the word `sao`."""
    return mask_markers(SUPERSCRIPT_RE.sub(lambda m: " " * len(m.group(0)), text))


# Two spellings in use for one word, one character for one (offsets hold): `tỉ lệ`/`tỷ lệ`,
# `kĩ thuật`/`kỹ thuật`, and the old tone place `hoá`/`hóa`, `thuỷ`/`thủy`.  Phrases and
# text are both respelled to one form before they are compared.
_I_TO_Y = dict(zip("ìíỉĩị", "ỳýỷỹỵ"))
# (the letter first, then the look back for a word before it: a pattern that opens with a
# letter class is scanned for that class in C; one that opens with a look-behind is tried
# at every position of every text)
_I_SYLLABLE_RE = re.compile(r"([tklms])(?<!\w[tklms])([ìíỉĩị])(?!\w)")
_OLD_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
             "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
             "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE_RE = re.compile(r"(?:" + "|".join(_OLD_TONE) + r")(?!\w)")


def respell(lowered: str) -> str:
    """Lower-case text in one of its two spellings (same length, so offsets hold)."""
    lowered = _I_SYLLABLE_RE.sub(lambda m: m.group(1) + _I_TO_Y[m.group(2)], lowered)
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(0)], lowered)


def trie_pattern(phrases: list[str]) -> str:
    """One regex for many phrases, shaped as a trie so that the engine rejects a position
    after a character or two.  At each branch a longer phrase is tried before a shorter one."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = None
    escaped: dict[str, str] = {" ": r"\s+"}

    def build(node: dict) -> str:
        branches = []
        for ch in sorted(node):
            if ch == "":
                continue
            esc = escaped.get(ch)
            if esc is None:
                esc = escaped[ch] = re.escape(ch)
            branches.append(esc + build(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _whole_words(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    return re.compile(rf"(?<![\w])(?:{trie_pattern(sorted(phrases))})(?![\w])")


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
            j, best = i, None
            while True:
                phrase = node.get(end_key)
                if phrase is not None:
                    end = ends[j]
                    after = lowered[end] if end < size else " "
                    if not (after.isalnum() or after == "_"):
                        best = (j, phrase)
                j += 1
                if j == n:
                    break
                node = node.get((words[j], spaced[j]))
                if node is None:
                    break
            if best:
                yield start, ends[best[0]], best[1]
                free = best[0] + 1


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def lost_marks_only(written: str, phrase: str) -> bool:
    """True when `written` is `phrase` with some diacritics missing, and none changed."""
    if len(written) != len(phrase):
        return False
    for w, p in zip(written, phrase):
        if w == p:
            continue
        if w != fold(p):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _prepared(text: str) -> tuple[str, str]:
    """`text` with its markers masked, and that lower-cased in one spelling (offsets hold).
    Every matcher and cue category reads a block this way: made once per text, not once each.
    A pure function's cache, so no state leaks between runs."""
    masked = mask_all_markers(text)
    lowered = masked.lower()
    if len(lowered) != len(masked):  # a character whose lower case is longer: keep offsets
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in masked)
    return masked, respell(lowered)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    inner: tuple[str, ...] = ()  # keys of shorter phrases inside this one


class Memo(dict):
    """Results by text, for one matcher or lexer; emptied when large (drafts repeat their sentences)."""

    LIMIT = 20000

    def put(self, text: str, found: list[Mention]) -> list[Mention]:
        if len(self) > self.LIMIT:
            self.clear()
        self[text] = found
        return found


class PhraseMatcher:
    """Finds catalog phrases in text: case-insensitive, whole words, longest first.
    Its phrases are read-only; its memo of results is its own (two matchers never share one)."""

    def __init__(self, phrases: dict[str, list[str]], nested: bool = False, tolerant: bool = False):
        keys: dict[str, list[str]] = {}
        for phrase, phrase_keys in phrases.items():
            for form in dict.fromkeys((phrase.lower(), respell(phrase.lower()))):
                bucket = keys.setdefault(form, [])
                bucket.extend(k for k in phrase_keys if k not in bucket)
        self.keys: Mapping[str, tuple[str, ...]] = MappingProxyType({p: tuple(ks) for p, ks in keys.items()})
        # A long phrase also stands for the phrases inside it, so that the longest match
        # does not hide a shorter phrase another entry listens for.  Those keys come
        # second: `GRDP bình quân đầu người` means per-head GRDP before it means GRDP.
        self.inner: Mapping[str, tuple[str, ...]] = MappingProxyType(self._inner_keys() if nested else {})
        # Phrases are lower case and the text is lowered before matching: cheaper than IGNORECASE.
        self.index = _PhraseTrie(list(self.keys)) if self.keys else None
        self.tolerant = tolerant
        self._found = Memo()
        self._found_tolerant = Memo()
        self._by_category = Memo()
        self._damaged = Memo()
        self._pair_index: dict[str, list[str]] | None = None
        self._phrases_by_pair: dict[str, set[str]] = {}
        self._folded_phrases: dict[str, list[str]] = {}
        self._folded_regexes: dict[frozenset[str], re.Pattern | None] = {}

    def _inner_keys(self) -> dict[str, tuple[str, ...]]:
        inner: dict[str, tuple[str, ...]] = {}
        for long in self.keys:
            words = long.split(" ")
            extra: list[str] = []
            for i in range(len(words)):
                for j in range(i + 1, len(words) + 1):
                    short = " ".join(words[i:j]).strip(",;:()")
                    if short == long or short not in self.keys:
                        continue
                    extra.extend(k for k in self.keys[short] if k not in self.keys[long] and k not in extra)
            if extra:
                inner[long] = tuple(extra)
        return inner

    def find(self, text: str) -> list[Mention]:
        if self.index is None:
            return []
        cached = self._found.get(text)
        if cached is not None:
            return cached
        masked, lowered = _prepared(text)
        found = []
        for start, end, key in self.index.finditer(lowered):
            found.append(Mention(start, end, masked[start:end], self.keys[key], self.inner.get(key, ())))
        return self._found.put(text, found)

    def _pairs(self) -> dict[str, list[str]]:
        """Adjacent word pairs of the phrases, by their form without diacritics."""
        if self._pair_index is None:
            index: dict[str, list[str]] = {}
            for phrase in self.keys:
                words = re.findall(r"\w+", phrase)
                # (the folded words are these words folded, one pass over the phrase, as in
                # `_damaged_pairs`; word by word where folding changed their count)
                folded_words = re.findall(r"\w+", fold(phrase))
                if len(folded_words) != len(words):
                    folded_words = [fold(w) for w in words]
                for a, b, fa, fb in zip(words, words[1:], folded_words, folded_words[1:]):
                    pair = f"{a} {b}"
                    folded = f"{fa} {fb}"
                    bucket = index.setdefault(folded, [])
                    if pair not in bucket:
                        bucket.append(pair)
                    self._phrases_by_pair.setdefault(folded, set()).add(phrase)
            self._pair_index = index
        return self._pair_index

    def damaged_pairs(self, text: str) -> set[str]:
        """Pairs of the phrases' words that the text writes with some diacritics missing and
        none changed (`ty le`, `Bac Kan`), by their folded form.  Single words are no sign:
        `tinh gọn` is a word.  (Kept by text, as `find` keeps its mentions.)"""
        found = self._damaged.get(text)
        if found is None:
            found = self._damaged.put(text, frozenset(self._damaged_pairs(text)))
        return set(found)

    def _damaged_pairs(self, text: str) -> set[str]:
        index = self._pairs()
        lowered = text.lower()
        words = re.findall(r"\w+", lowered)
        # (folding keeps a word a word, one character for one: the folded words are these
        # words folded, made in one pass rather than a pair at a time)
        folded = re.findall(r"\w+", fold(lowered))
        if len(folded) != len(words):  # (a character no table maps so: word by word)
            folded = [fold(w) for w in words]
        found = set()
        for a, b, fa, fb in zip(words, words[1:], folded, folded[1:]):
            known_pairs = index.get(f"{fa} {fb}")
            if not known_pairs:
                continue
            pair = f"{a} {b}"
            for known in known_pairs:
                if pair != known and lost_marks_only(pair, known):
                    found.add(f"{fa} {fb}")
        return found

    def lost_marks(self, text: str) -> bool:
        return bool(self.damaged_pairs(text))

    def find_tolerant(self, text: str) -> list[Mention]:
        """`find`, plus phrases written without some of their diacritics (`Bắc Kan`, `tinh`).
        Costlier, so the resolver asks for it only where plain matching left a gap."""
        if not self.tolerant:
            return self.find(text)
        cached = self._found_tolerant.get(text)
        if cached is not None:
            return cached
        # Only phrases that contain a damaged pair can match: a small regex, not all of them.
        damaged = self.damaged_pairs(text)
        phrases = frozenset(p for pair in damaged for p in self._phrases_by_pair.get(pair, ()))
        found = self._add_folded(mask_all_markers(text), self.find(text), phrases)
        return self._found_tolerant.put(text, found)

    def _folded_regex_for(self, phrases: frozenset[str]) -> re.Pattern | None:
        if phrases not in self._folded_regexes:
            for phrase in phrases:
                bucket = self._folded_phrases.setdefault(fold(phrase), [])
                if phrase not in bucket:
                    bucket.append(phrase)
            self._folded_regexes[phrases] = _whole_words(list({fold(p) for p in phrases}))
        return self._folded_regexes[phrases]

    def _add_folded(self, masked: str, found: list[Mention], phrases: frozenset[str]) -> list[Mention]:
        """Matches on the text with its diacritics removed, kept only where the text lost
        marks the phrase has (as extraction and OCR do), never where it has other marks."""
        regex = self._folded_regex_for(phrases)
        if regex is None:
            return found
        folded_text = fold(masked)
        taken = [(m.start, m.end) for m in found]
        extra = []
        for m in regex.finditer(folded_text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            written = _squash(masked[m.start():m.end()])
            keys: list[str] = []
            inner: list[str] = []
            for phrase in self._folded_phrases.get(_squash(m.group(0)), []):
                if lost_marks_only(written, phrase):
                    keys.extend(k for k in self.keys[phrase] if k not in keys)
                    inner.extend(k for k in self.inner.get(phrase, ()) if k not in inner)
            if keys:
                extra.append(Mention(m.start(), m.end(), masked[m.start():m.end()], tuple(keys), tuple(inner)))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.start)


    def by_category(self, text: str) -> dict[str, list[Mention]]:
        """A shared matcher's mentions in `text` split by cue category, in one pass for all
        of them (each category's view walked all of them before): a mention whose keys
        name the category is the category's own, else the labels of its `category:label` keys."""
        found = self._by_category.get(text)
        if found is not None:
            return found
        found = {}
        for m in self.find(text):
            own = [k for k in m.keys if ":" not in k]
            labels: dict[str, list[str]] = {}
            for k in m.keys:
                category, colon, label = k.partition(":")
                if colon:
                    labels.setdefault(category, []).append(label)
            for category in dict.fromkeys(own):
                found.setdefault(category, []).append(Mention(m.start, m.end, m.text, (category,)))
            for category, keys in labels.items():
                if category not in own:
                    found.setdefault(category, []).append(Mention(m.start, m.end, m.text, tuple(keys)))
        return self._by_category.put(text, found)


class CueView:
    """The mentions of one cue category, from a matcher shared by several categories
    (one pass over the text finds them all; the longest phrase wins across categories)."""

    def __init__(self, matcher: PhraseMatcher, category: str):
        self.matcher = matcher
        self.category = category

    def find(self, text: str) -> list[Mention]:
        return self.matcher.by_category(text).get(self.category, [])
