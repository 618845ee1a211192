"""Text helpers every stage shares: diacritic folding, slugs, footnote markers and the phrase matcher."""

from __future__ import annotations

import functools
import re
import unicodedata
from types import MappingProxyType
from typing import Mapping, NamedTuple

from checker.tries import _PhraseTrie, _tokens  # noqa: F401  (_tokens: its cache is emptied with the others')

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_RE = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Footnote markers written in TeX by the PDF extraction: $^{14}$, $^{^{14}}$.
TEX_MARKER_RE = re.compile(r"\$\^\{\^?\{?(\d{1,3})\}\}?\$")
# Footnote markers written in Markdown: `... nghìn người[^1];` and the footnote's own `[^1]:`.
MD_MARKER_RE = re.compile(r"\[\^(\d{1,3})\]")
# A bracketed number glued to a word is a note's marker, not a figure: `1.200 tỷ đồng(1)`.
# (the bracket first, then the look back for the letter before it: a pattern that opens with
# a look-behind is tried at every position of the text, one that opens with `(` only there)
GLUED_MARKER_RE = re.compile(r"\((?<=[^\W\d_]\()\d{1,2}\)")


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
# (the vowel first, then the look back for its consonant and for no word before that: a
# pattern that opens with a letter class is scanned for that class in C, and these five
# vowels are rarer than the five consonants)
_I_SYLLABLE_RE = re.compile(r"[ìíỉĩị](?<=[tklms].)(?<!\w..)(?!\w)")
_OLD_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
             "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
             "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE_RE = re.compile(r"(?:" + "|".join(_OLD_TONE) + r")(?!\w)")


def respell(lowered: str) -> str:
    """Lower-case text in one of its two spellings (same length, so offsets hold)."""
    lowered = _I_SYLLABLE_RE.sub(lambda m: _I_TO_Y[m.group(0)], lowered)
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


WORD_RE = re.compile(r"\w+")


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


# `text` masked and lowered as every matcher reads it (offsets hold), for readers outside
# this module that look at a block as the matchers do (the same cache, not a second one).
prepared_text = _prepared


class Mention(NamedTuple):
    """A phrase found in a text: where, as written, and the catalog keys it stands for.
    (A named tuple rather than a frozen dataclass: as immutable, compared and hashed alike,
    and made without a call per field; a run makes thousands.)"""

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
        # (how `by_category` files each phrase's mentions, worked out once, not once a mention)
        self.categories = {keys: _categories_of(keys) for keys in dict.fromkeys(self.keys.values())}
        self.tolerant = tolerant
        self._found = Memo()
        self._found_tolerant = Memo()
        self._by_category = Memo()
        self._damaged = Memo()
        self._pair_index: dict[str, list[str]] | None = None
        self._phrases_by_pair: dict[str, set[str]] = {}
        self._folded_phrases: dict[str, list[str]] = {}
        self._folded_regexes: dict[frozenset[str], re.Pattern | None] = {}
        if tolerant:
            # (built with the matcher, so that a catalog kept on disk keeps it too: the
            # resolver asks a tolerant matcher for damaged pairs on every run, and building
            # the index of a thousand phrases took a few milliseconds of each)
            self._pairs()

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
        return self._found.put(text, self._mentions(masked, self.index.finditer(lowered)))

    def _mentions(self, masked: str, matches) -> list[Mention]:
        return [Mention(start, end, masked[start:end], self.keys[key], self.inner.get(key, ()))
                for start, end, key in matches]

    def _pairs(self) -> dict[str, list[str]]:
        """Adjacent word pairs of the phrases, by their form without diacritics."""
        if self._pair_index is None:
            index: dict[str, list[str]] = {}
            by_pair = self._phrases_by_pair
            phrases = list(self.keys)
            # (all phrases folded in one pass, one character for one, so that each line is
            # its phrase folded; phrase by phrase should one hold a line break)
            folded_phrases = fold("\n".join(phrases)).split("\n")
            if len(folded_phrases) != len(phrases):
                folded_phrases = [fold(p) for p in phrases]
            for phrase, folded_phrase in zip(phrases, folded_phrases):
                words = WORD_RE.findall(phrase)
                if len(words) < 2:
                    continue
                # (the folded words are these words folded, as in `_damaged_pairs`; word by
                # word where folding changed their count)
                folded_words = WORD_RE.findall(folded_phrase)
                if len(folded_words) != len(words):
                    folded_words = [fold(w) for w in words]
                for a, b, fa, fb in zip(words, words[1:], folded_words, folded_words[1:]):
                    pair, folded = f"{a} {b}", f"{fa} {fb}"
                    bucket = index.get(folded)
                    if bucket is None:
                        index[folded], by_pair[folded] = [pair], {phrase}
                        continue
                    if pair not in bucket:
                        bucket.append(pair)
                    by_pair[folded].add(phrase)
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
        words = WORD_RE.findall(lowered)
        # (folding keeps a word a word, one character for one: the folded words are these
        # words folded, made in one pass rather than a pair at a time)
        folded = WORD_RE.findall(fold(lowered))
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
        found: dict[str, list[Mention]] = {}
        categories = self.categories
        for m in self.find(text):
            for category, keys in categories.get(m.keys) or _categories_of(m.keys):
                found.setdefault(category, []).append(Mention(m.start, m.end, m.text, keys))
        return self._by_category.put(text, found)


def _categories_of(keys: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The cue categories a mention with these keys is filed under by `by_category`, each
    with the keys it has there: a key that names a category is the category's own, else
    the labels of its `category:label` keys."""
    own = [k for k in keys if ":" not in k]
    labels: dict[str, list[str]] = {}
    for k in keys:
        category, colon, label = k.partition(":")
        if colon:
            labels.setdefault(category, []).append(label)
    return (*((category, (category,)) for category in dict.fromkeys(own)),
            *((category, tuple(found)) for category, found in labels.items() if category not in own))


class CueView:
    """The mentions of one cue category, from a matcher shared by several categories
    (one pass over the text finds them all; the longest phrase wins across categories)."""

    def __init__(self, matcher: PhraseMatcher, category: str):
        self.matcher = matcher
        self.category = category

    def find(self, text: str) -> list[Mention]:
        return self.matcher.by_category(text).get(self.category, [])
