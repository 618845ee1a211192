"""Searches over the text before each figure, done once per block: the matches of a pattern
in `text[start:end]` for one start and a growing end, as exact as searching each slice."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import islice
from operator import attrgetter, le
from re import _constants as C  # noqa: N812  (the parser's opcodes)
from re import _casefix, _parser

import ahocorasick

UNBOUNDED = None
BRACKET_RE = re.compile(r"[()]")


@lru_cache(maxsize=256)
def reach(pattern: re.Pattern) -> int | None:
    """How many characters past its start an attempt of `pattern` may look at (consumed,
    looked ahead of, or tested for a word edge or the end), or None when unbounded or when
    the pattern can match the empty string (finditer steps differently after those)."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed.getwidth()[0] == 0:
        return UNBOUNDED
    return _reach(parsed)


def _reach(items) -> int | None:
    total = 0
    for op, av in items:
        step = _item_reach(op, av)
        if step is UNBOUNDED:
            return UNBOUNDED
        total += step
    return total


def _item_reach(op, av) -> int | None:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        return 1
    if op is C.AT:
        return 1  # a word edge or the end looks at the character there
    if op is C.SUBPATTERN:
        return _reach(av[-1])
    if op is C.ATOMIC_GROUP:
        return _reach(av)
    if op is C.BRANCH:
        steps = [_reach(branch) for branch in av[1]]
        return UNBOUNDED if UNBOUNDED in steps else max(steps)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, sub = av
        step = _reach(sub)
        return UNBOUNDED if step is UNBOUNDED or high is C.MAXREPEAT else step * high
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, sub = av
        return 0 if direction < 0 else _reach(sub)  # a look behind reads before the start
    return UNBOUNDED


class Growing:
    """`pattern.finditer(string, pos, end)` for a fixed `pos` and a growing `end`, where the
    string is `text` itself or, `sliced`, the text from `offset` on (read lazily).

    The pattern is run once over a longer stretch and its matches are kept.  An attempt at
    position p reads no further than p + reach, so up to `end - reach - 2` the attempts of
    the long run are those of the run that stops at `end`; only the last few positions are
    searched again.  A pattern of unbounded reach is searched directly each time."""

    chunk = 256  # the shortest stretch scanned ahead

    def __init__(self, pattern: re.Pattern, text: str, offset: int, pos: int, sliced: bool):
        self.pattern, self.text, self.offset, self.pos, self.sliced = pattern, text, offset, pos, sliced
        self.reach = reach(pattern)
        self.size = len(text) - offset if sliced else len(text)
        self.string = "" if sliced else text
        self.limit = -1
        self.matches: list[re.Match] = []
        self.starts: list[int] = []
        self._best_of: list[re.Match] | None = None  # the matches `_best` was read for
        self._best: list[int] = []

    def _string(self, end: int) -> str:
        if self.sliced and len(self.string) < end:
            self.string = self.text[self.offset:self.offset + max(end, 2 * len(self.string), self.chunk)]
        return self.string

    def _cover(self, end: int) -> tuple[int, int]:
        """How many kept matches are the short run's, and where its search resumes."""
        need = min(self.size, end + self.reach + 2)
        if self.limit < need:
            self.limit = min(self.size, self.pos + max(need - self.pos, 2 * (self.limit - self.pos), self.chunk))
            self.matches = list(self.pattern.finditer(self._string(self.limit), self.pos, self.limit))
            self.starts = [m.start() for m in self.matches]
        safe = end - self.reach - 1  # attempts before this read nothing at or past `end`
        kept = bisect_left(self.starts, safe)
        resume = max(safe, self.pos, self.matches[kept - 1].end() if kept else self.pos)
        return kept, resume

    def first(self, end: int) -> re.Match | None:
        """`pattern.search(string, pos, end)`."""
        if self.reach is UNBOUNDED:
            return self.pattern.search(self._string(end), self.pos, end)
        kept, resume = self._cover(end)
        return self.matches[0] if kept else self.pattern.search(self.string, resume, end)

    def backwards(self, end: int):
        """The matches of `pattern.finditer(string, pos, end)`, last first."""
        if self.reach is UNBOUNDED:
            yield from reversed(list(self.pattern.finditer(self._string(end), self.pos, end)))
            return
        kept, resume = self._cover(end)
        yield from reversed(list(self.pattern.finditer(self.string, resume, end)))
        for k in range(kept - 1, -1, -1):
            yield self.matches[k]

    def last(self, end: int) -> re.Match | None:
        """The last match of `pattern.finditer(string, pos, end)`."""
        return next(self.backwards(end), None)

    def last_where(self, end: int, keep) -> re.Match | None:
        """The last match before `end` that `keep(match)` accepts (asked once a match: each
        kept match remembers the last accepted one up to it)."""
        if self.reach is UNBOUNDED:
            return next((m for m in self.backwards(end) if keep(m)), None)
        kept, resume = self._cover(end)
        found = next((m for m in reversed(list(self.pattern.finditer(self.string, resume, end))) if keep(m)), None)
        if found is not None or not kept:
            return found
        best = self._accepted(kept, keep)
        return self.matches[best] if best >= 0 else None

    def _accepted(self, upto: int, keep) -> int:
        """The index of the last kept match accepted among the first `upto` (-1: none)."""
        if self._best_of is not self.matches:
            self._best_of, self._best = self.matches, []
        best = self._best
        while len(best) < upto:
            k = len(best)
            best.append(k if keep(self.matches[k]) else (best[-1] if best else -1))
        return best[upto - 1]


class Leads:
    """The growing searches of one block's text, by pattern and start: `sliced` ones search
    `text[start:end]` as a string of its own (offsets in it), the others `text` from `start`
    to `end` (offsets in the text, a look behind sees before `start`)."""

    short = 300  # a lead this short is searched directly: keeping its matches costs more

    def __init__(self, text: str):
        self.text = text
        self._scans: dict[tuple, Growing] = {}

    def scan(self, pattern: re.Pattern, start: int, sliced: bool = True, pos: int = 0) -> Growing:
        key = (pattern, start, sliced, pos)
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = Growing(pattern, self.text, start, pos if sliced else start, sliced)
        return found

    def first(self, pattern: re.Pattern, start: int, end: int, pos: int = 0) -> re.Match | None:
        """`pattern.search(text[start:end], pos)`."""
        if end - start <= self.short:
            return pattern.search(self.text[start:end], pos)
        return self.scan(pattern, start, True, pos).first(end - start)

    def last(self, pattern: re.Pattern, start: int, end: int) -> re.Match | None:
        """The last match of `pattern.finditer(text[start:end])`."""
        if end - start <= self.short:
            found = None
            for found in pattern.finditer(self.text[start:end]):
                pass
            return found
        return self.scan(pattern, start).last(end - start)

    def last_between(self, pattern: re.Pattern, start: int, end: int) -> re.Match | None:
        """The last match of `pattern.finditer(text, start, end)`."""
        return next(self.backwards_between(pattern, start, end), None)

    def last_between_where(self, pattern: re.Pattern, start: int, end: int, keep) -> re.Match | None:
        """The last match of `pattern.finditer(text, start, end)` that `keep` accepts: `keep`
        answers for a match alone, and is the same function for a given pattern and start
        (its answers are kept with the pattern's matches)."""
        if end - start <= self.short:
            return next((m for m in self.backwards_between(pattern, start, end) if keep(m)), None)
        return self.scan(pattern, start, False).last_where(end, keep)

    def backwards_between(self, pattern: re.Pattern, start: int, end: int):
        """The matches of `pattern.finditer(text, start, end)`, last first."""
        if end - start <= self.short:
            return reversed(list(pattern.finditer(self.text, start, end)))
        return self.scan(pattern, start, False).backwards(end)


class Containers:
    """Spans, asked which hold a given one: `holds(a, b)` is `any(s <= a and b <= e for s, e
    in spans)`, answered by bisection over the spans sorted by start with the furthest end
    reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def holds(self, a: int, b: int) -> bool:
        k = bisect_right(self.starts, a)
        return k > 0 and self.reach[k - 1] >= b


class cached_property:  # noqa: N801  (named as the functools one it stands in for)
    """`functools.cached_property` without its lock (Python 3.11 takes one on every first
    read; a passage or a table is read by one thread): the value computed on first read
    is stored on the instance, which then answers every later read itself."""

    def __init__(self, func):
        self.func, self.name, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


WHOLE_OPEN, WHOLE_CLOSE = r"(?<![\w])(?:", r")(?![\w])"
# (escaped signs, letters and `|`: no group, class, repeat, look or anchor)
PLAIN_RE = re.compile(r"(?:[^()\\^$.*+?{}\[\]]|\\[^\w])*")
# `re.I` matches a letter with its other cases and with the few `re` holds alike (`ı` and `i`,
# `ſ` and `s`, …): a text lowered, each such class mapped to one of its letters, holds
# case-sensitively every word `re.I` finds in the text, at the same place.
_CANON = {code: min(code, *alike) for code, alike in _casefix._EXTRA_CASES.items() if min(code, *alike) != code}
_ALIKE_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in _CANON) + "]")


def caseless(text: str) -> str | None:
    """`text` as `Cores` searches it (None where lowering changes its length: offsets differ)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    return low.translate(_CANON) if _ALIKE_RE.search(low) else low


@lru_cache(maxsize=64)
def _core(pattern: re.Pattern) -> tuple[re.Pattern, re.Pattern] | None:
    r"""The words of a whole-words pattern (`(?<![\w])(?:a|b)(?![\w])`) without the looks at
    their edges: as written, and for a caseless text (`re.I`), or None for a pattern of
    another form."""
    source = pattern.pattern
    middle = source[len(WHOLE_OPEN):-len(WHOLE_CLOSE)]
    if not (source.startswith(WHOLE_OPEN) and source.endswith(WHOLE_CLOSE) and PLAIN_RE.fullmatch(middle)):
        return None
    core = re.compile(f"(?:{middle})", pattern.flags)
    folded = caseless(middle) if pattern.flags & re.I else None
    return core, re.compile(f"(?:{folded})") if folded is not None else None


class Cores:
    """Where a whole-words pattern may match in a block: its words, found once (on first need)
    without the looks at their edges, are a superset of its matches in any stretch of the
    block, searched alone (`text[a:b]`) or in place.  A stretch that overlaps none of them
    holds no match and need not be searched.  (A pattern of `re.I` is searched for in the
    block's caseless text, without `re.I`: five times faster, in C.)"""

    def __init__(self, text: str, core: tuple[re.Pattern, re.Pattern | None] | None, low: str | None):
        self.text, self.low, self.core = text, low, core
        self.starts: list[int] | None = None
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        if self.core is None:
            return True  # (no core known: every stretch is searched)
        if self.starts is None:
            core, folded = self.core
            found = [m.span() for m in (folded.finditer(self.low) if folded is not None and self.low is not None
                                        else core.finditer(self.text))]
            self.starts, self.ends = [a for a, _ in found], [b for _, b in found]
        # (found without overlap, in order: a word that reaches into the stretch is the first
        # ending after its start)
        k = bisect_right(self.ends, start)
        return k < len(self.starts) and self.starts[k] < end


class Spans:
    """`Cores` from spans found elsewhere, which may overlap: `overlaps(start, end)` is
    `any(a < end and start < b for a, b in spans)`, by bisection over the starts with the
    furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


NO_SPANS = Spans([])  # (read only: `overlaps` never changes a `Spans`)


def _literal_words(pattern: re.Pattern) -> list[str] | None:
    """The phrases of a caseless whole-words pattern of literal phrases, as found in a
    caseless text (None for a pattern of another form)."""
    core = _core(pattern) if pattern.flags & re.I else None
    if core is None or core[1] is None:
        return None
    middle = core[1].pattern[3:-1]  # (`(?:…)`)
    if "\\|" in middle:
        return None
    words = [re.sub(r"\\(.)", r"\1", w) for w in middle.split("|")]
    return None if "" in words else words


def _folded(words: tuple[str, ...]) -> list[str] | None:
    """Words as found in a caseless text (None where one cannot be: its lower case differs in length)."""
    folded = [caseless(w) for w in words]
    return None if not folded or None in folded or "" in folded else folded


class JointCores:
    """The cores of several whole-words patterns of literal phrases, found in one pass of one
    Aho-Corasick automaton over a block's caseless text where each pattern's own search of
    it would be a pass of its own.  Every place a phrase occurs is kept (overlapping ones
    too): a superset of the places a pattern's search finds, so a stretch that overlaps
    none of a pattern's holds no match of it, as with `Cores`.  (Built once a catalog,
    with its cues.)"""

    def __init__(self, patterns: tuple[re.Pattern, ...], held: dict[re.Pattern, tuple[str, ...]] | None = None):
        """`held`: patterns of another form, each with words one of which every match of it
        holds (in any case): the places of those words stand for its cores."""
        self.index: dict[re.Pattern, int] = {}
        phrases: dict[str, set[int]] = {}
        entries = [(p, _literal_words(p)) for p in patterns] + [(p, _folded(ws)) for p, ws in (held or {}).items()]
        for pattern, words in entries:
            if words is None or pattern in self.index:
                continue
            self.index[pattern] = len(self.index)
            for w in words:
                phrases.setdefault(w, set()).add(self.index[pattern])
        self.automaton = ahocorasick.Automaton()
        for w, ks in phrases.items():
            self.automaton.add_word(w, (len(w), tuple(sorted(ks))))
        if phrases:
            self.automaton.make_automaton()

    def found(self, low: str) -> dict[re.Pattern, Spans]:
        """Each pattern's `Spans` in a caseless text."""
        spans: list[list[tuple[int, int]]] = [[] for _ in self.index]
        if self.index:
            for end, (n, ks) in self.automaton.iter(low):
                for k in ks:
                    spans[k].append((end + 1 - n, end + 1))
        # (most of a block's patterns occur nowhere in it: those share one empty `Spans`)
        return {pattern: Spans(spans[k]) if spans[k] else NO_SPANS for pattern, k in self.index.items()}


# The passage last asked about, its cores by pattern, its caseless text, and whether the
# joint cores of its cues were found in it.
_BLOCK: list = [None, {}, None, False]


def cores(owner, text: str, pattern: re.Pattern, core: tuple[re.Pattern, re.Pattern | None] | None = None
          ) -> Cores | Spans:
    """The `Cores` of `pattern` in `text`, the text of `owner` (a passage), kept while the
    same passage is asked about (its figures are read one after another).  `core`: the
    pattern's core (as written, and for a caseless text), where it is no whole-words one.
    The patterns of `owner.cues.joint_cores` are found together, on the first need of one."""
    if _BLOCK[0] is not owner:
        _BLOCK[:] = [owner, {}, caseless(text), False]
    found = _BLOCK[1].get(pattern)
    if found is None:
        joint = owner.cues.joint_cores
        if not _BLOCK[3] and _BLOCK[2] is not None and pattern in joint.index:
            _BLOCK[3] = True
            _BLOCK[1].update(joint.found(_BLOCK[2]))
            found = _BLOCK[1][pattern]
        else:
            found = _BLOCK[1][pattern] = Cores(text, core or _core(pattern), _BLOCK[2])
    return found


class ByStart:
    """Items (mentions, spans) and those that start in `[lo, hi)`, in their own order:
    a figure asks only for those near it instead of filtering all of a block's for each."""

    def __init__(self, items: list, start=attrgetter("start")):
        self.items = items
        self.starts = list(map(start, items))  # (seven of these a block: built and tested in C loops)
        self.ordered = all(map(le, self.starts, islice(self.starts, 1, None)))
        self.last = max(self.starts, default=-1)  # the latest start: none is asked for after it

    def between(self, lo: int, hi: int | None = None) -> list:
        if not self.ordered:
            return [m for m, s in zip(self.items, self.starts) if lo <= s and (hi is None or s < hi)]
        end = len(self.items) if hi is None else bisect_left(self.starts, hi)
        return self.items[bisect_left(self.starts, lo):end]


class Brackets:
    """Whether a bracket open before `start` closes before `end` (`closes`), for any
    stretch of one text, from its brackets found once: the depth before each bracket and,
    for each, the first later bracket where the depth falls below it."""

    def __init__(self, text: str):
        self.positions = [m.start() for m in BRACKET_RE.finditer(text)]
        depth, before = 0, []
        for pos in self.positions:
            before.append(depth)
            depth += 1 if text[pos] == "(" else -1
        before.append(depth)
        # drop[i]: the first bracket after which the depth is below its depth before bracket i
        self.drop = [len(self.positions)] * (len(self.positions) + 1)
        waiting = [0]  # brackets whose fall is not found yet, deepest last
        for j in range(1, len(before)):
            while waiting and before[j] < before[waiting[-1]]:
                self.drop[waiting.pop()] = j - 1  # the depth falls at bracket j - 1
            waiting.append(j)

    def closes(self, start: int, end: int) -> bool:
        first = bisect_left(self.positions, start)
        return self.drop[first] < bisect_left(self.positions, end) if first < len(self.positions) else False
