"""Catalogs: indicators, provinces and mergers, and cue words, read from rules/."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from checker.figures import SUPERSCRIPT_RE, mask_markers
from checker.records import InputError
from checker.units import RULES_DIR, UnitCatalog, load_units


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    aliases: tuple[str, ...]
    unit: str | None
    accepts: tuple[str | None, ...]
    aggregation: str
    weight: str | None
    direction: str
    temporal: str
    context: tuple[str, ...] = ()
    patterns: tuple["Frame", ...] = ()
    level: str | None = None


@dataclass(frozen=True)
class Frame:
    """A count read from the words around it: `thi hành kỷ luật 905 đảng viên` is the
    number of party members disciplined.  `units` are the figure's units that fit (`any`
    for a bare number); `before` are words that stand earlier in the clause, `after` words
    that follow the figure directly; `scope_from_unit` makes the unit the figure's scope
    (`08 giải nhất` is the first-prize part of the prizes)."""

    indicator: str
    units: tuple[str, ...]
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    scope_from_unit: bool = False
    scope: str = ""


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    level: str  # "province" (after 1 July 2025) or "former"
    formers: tuple[str, ...] = ()
    merged_into: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    keys: tuple[str, ...]
    inner: tuple[str, ...] = ()  # keys of shorter phrases inside this one


class PhraseMatcher:
    """Finds catalog phrases in text: case-insensitive, whole words, longest first."""

    def __init__(self, phrases: dict[str, list[str]], nested: bool = False, tolerant: bool = False):
        self.keys: dict[str, list[str]] = {}
        for phrase, keys in phrases.items():
            bucket = self.keys.setdefault(phrase.lower(), [])
            for key in keys:
                if key not in bucket:
                    bucket.append(key)
        # A long phrase also stands for the phrases inside it, so that the longest match
        # does not hide a shorter phrase another entry listens for.  Those keys come
        # second: `GRDP bình quân đầu người` means per-head GRDP before it means GRDP.
        self.inner: dict[str, tuple[str, ...]] = {}
        if nested:
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
                    self.inner[long] = tuple(extra)
        if self.keys:
            # Phrases are lower case and the text is lowered before matching: cheaper than IGNORECASE.
            body = _trie_pattern(sorted(self.keys))
            self.regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])")
        else:
            self.regex = None
        self.tolerant = tolerant
        self.folded: dict[str, list[str]] = {}
        self._tolerant_cache: dict[str, list[Mention]] = {}
        self._cache: dict[str, list[Mention]] = {}

    def find(self, text: str) -> list[Mention]:
        if self.regex is None:
            return []
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        # Footnote markers are not part of words: `5 sao¹⁵` still ends in `sao`.
        masked = mask_markers(SUPERSCRIPT_RE.sub(lambda m: " " * len(m.group(0)), text))
        found = []
        lowered = masked.lower()
        if len(lowered) != len(masked):  # a character whose lower case is longer: keep offsets
            lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in masked)
        for m in self.regex.finditer(lowered):
            key = _squash(m.group(0))
            found.append(Mention(m.start(), m.end(), masked[m.start():m.end()], tuple(self.keys[key]),
                                 self.inner.get(key, ())))

        if len(self._cache) > 20000:
            self._cache.clear()
        self._cache[text] = found
        return found


    def _pairs(self) -> dict[str, list[str]]:
        """Adjacent word pairs of the phrases, by their form without diacritics."""
        if not hasattr(self, "_pair_index"):
            index: dict[str, list[str]] = {}
            self._phrases_by_pair: dict[str, set[str]] = {}
            for phrase in self.keys:
                words = re.findall(r"\w+", phrase)
                for a, b in zip(words, words[1:]):
                    pair = f"{a} {b}"
                    bucket = index.setdefault(fold(pair), [])
                    if pair not in bucket:
                        bucket.append(pair)
                    self._phrases_by_pair.setdefault(fold(pair), set()).add(phrase)
            self._pair_index = index
        return self._pair_index

    def damaged_pairs(self, text: str) -> set[str]:
        """Pairs of the phrases' words that the text writes with some diacritics missing and
        none changed (`ty le`, `Bac Kan`), by their folded form.  Single words are no sign:
        `tinh gọn` is a word."""
        index = self._pairs()
        words = re.findall(r"\w+", text.lower())
        found = set()
        for a, b in zip(words, words[1:]):
            pair = f"{a} {b}"
            for known in index.get(fold(pair), ()):
                if pair != known and _lost_marks_only(pair, known):
                    found.add(fold(pair))
        return found

    def lost_marks(self, text: str) -> bool:
        return bool(self.damaged_pairs(text))

    def find_tolerant(self, text: str) -> list[Mention]:
        """`find`, plus phrases written without some of their diacritics (`Bắc Kan`, `tinh`).
        Costlier, so the resolver asks for it only where plain matching left a gap."""
        if not self.tolerant:
            return self.find(text)
        cached = self._tolerant_cache.get(text)
        if cached is None:
            masked = mask_markers(SUPERSCRIPT_RE.sub(lambda m: " " * len(m.group(0)), text))
            # Only phrases that contain a damaged pair can match: a small regex, not all of them.
            damaged = self.damaged_pairs(text)
            phrases = frozenset(p for pair in damaged for p in self._phrases_by_pair.get(pair, ()))
            cached = self._tolerant_cache[text] = self._add_folded(masked, self.find(text), phrases)
        return cached

    def _folded_regex_for(self, phrases: frozenset[str]):
        cache = self.__dict__.setdefault("_folded_regexes", {})
        if phrases not in cache:
            for phrase in phrases:
                bucket = self.folded.setdefault(fold(phrase), [])
                if phrase not in bucket:
                    bucket.append(phrase)
            body = _trie_pattern(sorted({fold(p) for p in phrases}))
            cache[phrases] = re.compile(rf"(?<![\w])(?:{body})(?![\w])") if phrases else None
        return cache[phrases]

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
            for phrase in self.folded.get(_squash(m.group(0)), []):
                if _lost_marks_only(written, phrase):
                    keys.extend(k for k in self.keys[phrase] if k not in keys)
                    inner.extend(k for k in self.inner.get(phrase, ()) if k not in inner)
            if keys:
                extra.append(Mention(m.start(), m.end(), masked[m.start():m.end()], tuple(keys), tuple(inner)))
        if not extra:
            return found
        return sorted(found + extra, key=lambda m: m.start)


def _fold_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "d"}
    for code in range(0x00C0, 0x1EFF + 1):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[code] = base.lower()
    return table


FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lower-case text without Vietnamese diacritics, one character for one (offsets hold)."""
    return text.lower().translate(FOLD_TABLE)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _lost_marks_only(written: str, phrase: str) -> bool:
    """True when `written` is `phrase` with some diacritics missing, and none changed."""
    if len(written) != len(phrase):
        return False
    for w, p in zip(written, phrase):
        if w == p:
            continue
        if w != fold(p):
            return False
    return True


class CueView:
    """The mentions of one cue category, from a matcher shared by all categories."""

    def __init__(self, matcher: PhraseMatcher, category: str):
        self.matcher = matcher
        self.category = category
        self.prefix = category + ":"
        self._cache: dict[str, list[Mention]] = {}

    def find(self, text: str) -> list[Mention]:
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        found = []
        for m in self.matcher.find(text):
            if self.category in m.keys:
                found.append(Mention(m.start, m.end, m.text, (self.category,)))
            else:
                keys = tuple(k[len(self.prefix):] for k in m.keys if k.startswith(self.prefix))
                if keys:
                    found.append(Mention(m.start, m.end, m.text, keys))
        if len(self._cache) > 20000:
            self._cache.clear()
        self._cache[text] = found
        return found


def _trie_pattern(phrases: list[str]) -> str:
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


def _load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except FileNotFoundError:
        raise InputError(f"{path}: no such catalog file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise InputError(f"{path}:{where}: bad YAML: {getattr(exc, 'problem', exc)}") from None


@dataclass
class Catalog:
    indicators: dict[str, Indicator]
    entities: dict[str, Entity]
    cues: dict
    indicator_matcher: PhraseMatcher
    entity_matcher: PhraseMatcher
    units: "UnitCatalog"
    rules_dir: Path
    cue_matchers: dict[str, PhraseMatcher] = field(default_factory=dict)
    frame_matcher: PhraseMatcher | None = None
    unit_frames: dict[str, list] = field(default_factory=dict)

    def province_of(self, entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        ent = self.entities.get(entity_id)
        if ent is None:
            return None
        return ent.merged_into if ent.level == "former" else ent.id

    def cue(self, name: str) -> "PhraseMatcher | CueView":
        return self.cue_matchers[name]


def _indicator(raw: dict, path: Path) -> Indicator:
    for key in ("id", "name", "aliases"):
        if key not in raw:
            raise InputError(f"{path}: indicator {raw.get('id', '?')} has no '{key}'")
    agg = raw.get("aggregation") or {"kind": "none"}
    frames = []
    for pat in raw.get("patterns") or []:
        units = pat.get("units") or [raw.get("unit")]
        frames.append(Frame(raw["id"], tuple("any" if u is None else u for u in units),
                            tuple(pat.get("before") or ()), tuple(pat.get("after") or ()),
                            bool(pat.get("scope_from_unit")), pat.get("scope") or ""))
    return Indicator(
        id=raw["id"], name=raw["name"], aliases=tuple(raw["aliases"]),
        unit=raw.get("unit"), accepts=tuple(raw.get("accepts") or ()),
        aggregation=agg.get("kind", "none"), weight=agg.get("weight"),
        direction=raw.get("direction", "higher"), temporal=raw.get("temporal", "stock"),
        context=tuple(raw.get("context") or ()),
        patterns=tuple(frames),
        level=raw.get("level"),
    )


def load_catalog(rules_dir: Path | str | None = None) -> Catalog:
    return _load_catalog(Path(rules_dir or RULES_DIR).resolve())


@lru_cache(maxsize=4)
def _load_catalog(rules_dir: Path) -> Catalog:
    units = load_units(rules_dir)
    ind_path = rules_dir / "indicators.yaml"
    raw = _load_yaml(ind_path)
    indicators: dict[str, Indicator] = {}
    phrases: dict[str, list[str]] = {}
    for item in raw.get("indicators", []):
        ind = _indicator(item, ind_path)
        for frame in ind.patterns:
            for u in frame.units:
                if u != "any":
                    try:
                        units.dimensionality(u)
                    except Exception:
                        raise InputError(f"{ind_path}: indicator '{ind.id}' has a pattern with an unknown unit '{u}'") from None
        if ind.id in indicators:
            raise InputError(f"{ind_path}: indicator id '{ind.id}' is defined twice")
        for unit in (ind.unit, *ind.accepts):
            if unit is not None:
                try:
                    units.dimensionality(unit)
                except Exception:
                    raise InputError(f"{ind_path}: indicator '{ind.id}' has an unknown unit '{unit}'") from None
        indicators[ind.id] = ind
        for alias in (ind.name, *ind.aliases):
            phrases.setdefault(alias, []).append(ind.id)

    ent_path = rules_dir / "entities.yaml"
    raw = _load_yaml(ent_path)
    entities: dict[str, Entity] = {}
    ent_phrases: dict[str, list[str]] = {}
    for item in raw.get("provinces", []):
        ent = Entity(item["id"], item["name"], item.get("type", "tỉnh"), "province",
                     tuple(item.get("formers") or ()))
        entities[ent.id] = ent
        for alias in item.get("aliases", []):
            ent_phrases.setdefault(alias, []).append(ent.id)
    for item in raw.get("formers", []):
        ent = Entity(item["id"], item["name"], item.get("type", "tỉnh"), "former",
                     merged_into=item.get("merged_into"))
        entities[ent.id] = ent
        for alias in item.get("aliases", []):
            ent_phrases.setdefault(alias, []).append(ent.id)
    for ind in indicators.values():
        if ind.level and ind.level not in indicators:
            raise InputError(f"{ind_path}: indicator '{ind.id}' names an unknown level indicator '{ind.level}'")
    for ent in entities.values():
        for fid in ent.formers:
            if fid not in entities:
                raise InputError(f"{ent_path}: province '{ent.id}' names an unknown former province '{fid}'")

    cues = _load_yaml(rules_dir / "cues.yaml")
    catalog = Catalog(indicators, entities, cues, PhraseMatcher(phrases, nested=True, tolerant=True),
                      PhraseMatcher(ent_phrases, tolerant=True), units, rules_dir)
    frame_words: dict[str, list[str]] = {}
    for ind in indicators.values():
        for n, frame in enumerate(ind.patterns):
            for w in frame.before:
                frame_words.setdefault(w, []).append(f"before:{ind.id}:{n}")
            for w in frame.after:
                frame_words.setdefault(w, []).append(f"after:{ind.id}:{n}")
    catalog.frame_matcher = PhraseMatcher(frame_words, nested=True)
    for ind in indicators.values():
        for frame in ind.patterns:
            if not frame.before and not frame.after:
                for u in frame.units:
                    catalog.unit_frames.setdefault(u, []).append(frame)
    flat = {
        "former": cues["entity"]["former"], "merged": cues["entity"]["merged"],
        "several": cues["entity"]["several"], "target": cues["role"]["target"],
        "share": cues["share"], "not_period": cues["not_period"],
    }
    # One pass over a text finds the cue words of every category; each category is a view.
    phrases: dict[str, list[str]] = {}
    for name, words in flat.items():
        for w in words:
            phrases.setdefault(w, []).append(name)
    for scope, words in cues["scope"].items():
        for w in words:
            phrases.setdefault(w, []).append(f"scope:{scope}")
    combined = PhraseMatcher(phrases)
    for name in [*flat, "scope"]:
        catalog.cue_matchers[name] = CueView(combined, name)
    labels: dict[str, list[str]] = {}
    for label, words in cues["role"]["labels"].items():
        for w in words:
            labels.setdefault(w, []).append(label)
    catalog.cue_matchers["labels"] = PhraseMatcher(labels)
    return catalog
