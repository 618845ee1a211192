"""Units: definitions in pint's syntax (rules/units.txt), the surface forms that map to them, and conversions that tests hold to pint's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from checker.i18n import N_, _, gettext
from checker.records import InputError
from checker.text import slug, trie_pattern


def _is_word_char(ch: str) -> bool:
    # Superscript digits are footnote markers, not part of a word.
    return ch.isalpha() or ch.isdecimal() or ch == "_"


# `tỷ lệ` (rate) and `tỷ trọng` (share): words, not the scale `tỷ` (matched where the scale
# word ends, not on a copy of the rest of the block: that grew with the square of its length)
RATE_WORD_RE = re.compile(r"\s+(?:lệ|trọng)(?![\w])", re.I)


# The unit of a whole number that counts a noun the catalog does not know: `noun_` and the
# noun's slug (`1.245 giấy phép` -> `noun_giay_phep`), a dimension of its own.
NOUN_PREFIX = "noun_"
# One space, then one or two lower-case words (letters only) on the same line.
NOUN_WORDS_RE = re.compile(r" ([^\W\d_]+)(?: ([^\W\d_]+))?(?![\w/])")
# `bình quân mỗi xã 30 tỷ đồng`: an amount right after `mỗi <noun>` is per that noun.
EACH_RE = re.compile(r"(?<![\w])mỗi\s+([^\W\d_]+(?:\s[^\W\d_]+)?)\s+(?:(?:là|đạt|khoảng|gần|hơn|trên)\s+)?$", re.I)
# A Vietnamese word has a vowel; an abbreviated unit (`mm`, `ml`) has none, and measures.
VOWEL_RE = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


class CountUnits(frozenset):
    """The count units: the catalog's count nouns, and (by `in`) any noun unit read after a
    whole number."""

    def __contains__(self, unit) -> bool:
        return frozenset.__contains__(self, unit) or isinstance(unit, str) and unit.startswith(NOUN_PREFIX)


@dataclass(frozen=True)
class UnitMatch:
    """What follows a number: its scale, its unit and how much text they took."""

    length: int
    scale: float = 1.0
    unit: str | None = None
    text: str = ""


class _Surfaces:
    """Surface forms of one table (scales, units, ...) and the values they stand for,
    longest first, with one regex that finds the longest form at a position."""

    def __init__(self, pairs):
        self.pairs = tuple(sorted(pairs, key=lambda kv: -len(kv[0])))
        self.lookup = {surface.lower(): (surface, value) for surface, value in self.pairs}
        self.regex = re.compile(f"(?:{trie_pattern(sorted(self.lookup))})", re.IGNORECASE)


class UnitCatalog:
    """Surface forms of units, read from rules/units.yaml, over a pint registry."""

    def __init__(self, rules_dir: Path):
        from checker.catalog_schema import UNITS  # loaders and schemas: not needed when the load is cached
        from checker.marked_yaml import FastMarkedLoader, load_yaml_marked
        from checker.schema import validate

        spec_path = rules_dir / "units.yaml"
        spec = load_yaml_marked(spec_path, N_("catalog file"), FastMarkedLoader)
        validate(spec, UNITS, spec_path)
        self._registry = None
        self._definitions: list[str] = []
        self._bases: dict[str, tuple[float, dict[str, int]]] = {}
        self._read_file(rules_dir / "units.txt")
        for table in ("units", "per"):
            for surface, name in spec[table].items():
                if name not in self._bases:
                    line, col = spec[table].marks[surface]
                    raise InputError(_("{at}: unit '{name}' is not defined in units.txt").format(
                        at=f"{spec_path}:{line}:{col}", name=name))
        surfaces: dict[str, str] = dict(spec["units"])
        count_units: set[str] = set()
        for noun, others in spec["count_nouns"].items():
            name = slug(noun)
            if name not in count_units:
                self._definitions.append(f"{name} = [{name}]")
                self._bases[name] = (1.0, {name: 1})
                count_units.add(name)
            for surface in [noun, *(others or [])]:
                surfaces.setdefault(surface, name)
        self.count_units = CountUnits(count_units)
        self.not_nouns = frozenset(w.lower() for w in spec.get("not_nouns") or ())
        # Count nouns whose number grades rather than counts (`đạt 4 sao`): such a figure is
        # part of a name, never an amount to add up.
        self.ratings = frozenset()
        for k, noun in enumerate(spec.get("ratings") or ()):
            if noun not in spec["count_nouns"]:
                line, col = spec["ratings"].marks[k]
                raise InputError(_("{at}: rating '{name}' is not a count noun").format(
                    at=f"{spec_path}:{line}:{col}", name=noun))
            self.ratings |= {slug(noun)}
        self.scales = _Surfaces((k, float(v)) for k, v in spec["scales"].items())
        self.surfaces = _Surfaces(surfaces.items())
        self.per = _Surfaces(spec["per"].items())
        self.per_10k = tuple(sorted(spec["per_10k"], key=len, reverse=True))
        # (the first characters of the endings: most units are followed by none of them)
        self._per_10k_first = frozenset(e[:1].lower() for e in self.per_10k)
        # `14 bác sĩ và 38 giường bệnh trên 1 vạn dân`: the ending after the second count is
        # the first's too.
        self._shared_10k = re.compile(r"\s+và\s+\d[\d.,]*\s+[^\d,;.()/]{1,25}?\s*(?:"
                                      + "|".join(re.escape(e) for e in self.per_10k if not e.startswith("/"))
                                      + r")(?![\w])", re.I)
        self._dims: dict[str, tuple] = {}  # a memo of `signature`, by unit expression

    def _read_file(self, path: Path) -> None:
        """Read the definitions; each unit's dimension is known at once (for a fast
        compatibility test), and the pint registry is built from the same lines when a
        conversion is first needed."""
        seen: set[str] = set()
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, definition = (part.strip() for part in line.partition("="))
            if name in seen:
                raise InputError(gettext("{at}: unit '{name}' is defined twice").format(at=f"{path}:{number}:1", name=name))
            seen.add(name)
            try:
                self._bases[name] = self._parse_definition(definition.split("=")[0].strip())
            except (KeyError, ValueError):
                raise InputError(gettext("{at}: bad unit definition '{line}'").format(at=f"{path}:{number}:1", line=line)) from None
            self._definitions.append(line)

    def _parse_definition(self, definition: str) -> tuple[float, dict[str, int]]:
        m = re.fullmatch(r"\[(\w*)\]", definition)
        if m:
            return 1.0, ({m.group(1): 1} if m.group(1) else {})
        factor, expr = 1.0, definition
        m = re.fullmatch(r"([\d.eE+-]+)\s*\*\s*(.+)", definition)
        if m:
            factor, expr = float(m.group(1)), m.group(2)
        m = re.fullmatch(r"(.+?)\s*/\s*([\d.eE+-]+)", expr)
        if m:
            expr, factor = m.group(1), factor / float(m.group(2))
        m = re.fullmatch(r"(\w+)(?:\s*\*\*\s*(\d+))?", expr.strip())
        if not m:
            raise ValueError(definition)
        base_factor, dims = self._bases[m.group(1)]
        power = int(m.group(2) or 1)
        return factor * base_factor ** power, {k: v * power for k, v in dims.items()}

    @property
    def registry(self):
        """The pint registry, built from rules/units.txt and the count nouns on first use."""
        if self._registry is None:
            import pint

            registry = pint.UnitRegistry(None)
            for line in self._definitions:
                registry.define(line)
            self._registry = registry
        return self._registry

    def magnitude(self, unit: str) -> float:
        """How many of the definitions' base units one `unit` is (a tạ/ha is 100 kg per 10.000 m²)."""
        return self._expression(unit)[0]

    def signature(self, unit: str) -> tuple[tuple[str, int], ...]:
        """The dimension of a unit expression such as `dong / nguoi / year`."""
        return self._expression(unit)[1]

    def _expression(self, unit: str) -> tuple[float, tuple[tuple[str, int], ...]]:
        """How many base units one `unit` is, and its dimension, read from the same
        definitions pint's registry is built from (tests hold the two to agree)."""
        dims: dict[str, int] = {}
        scale = 1.0
        for i, part in enumerate(p.strip() for p in unit.split("/")):
            sign = 1 if i == 0 else -1
            for name in part.split("*"):
                name = name.strip()
                m = re.fullmatch(r"(\w+)(?:\s*\*\*\s*(\d+))?", name)
                if m and m.group(1).startswith(NOUN_PREFIX):
                    base_scale, base_dims = self._bases.get(m.group(1), (1.0, {m.group(1): 1}))  # (its own dimension)
                elif not m or m.group(1) not in self._bases:
                    raise InputError(_("unknown unit '{name}' in '{unit}'").format(name=name, unit=unit))
                else:
                    base_scale, base_dims = self._bases[m.group(1)]
                power = int(m.group(2) or 1)
                scale *= base_scale ** (sign * power)
                for k, v in base_dims.items():
                    dims[k] = dims.get(k, 0) + sign * v * power
        return scale, tuple(sorted((k, v) for k, v in dims.items() if v))

    @staticmethod
    def _word_at(text: str, pos: int, word: str) -> bool:
        if text[pos:pos + len(word)].lower() != word.lower():
            return False
        end = pos + len(word)
        if _is_word_char(word[-1]) and end < len(text) and _is_word_char(text[end]):
            return False
        return True

    def _longest(self, text: str, pos: int, table: _Surfaces) -> tuple[str, object] | None:
        """The longest surface form of `table` that stands as a whole word at `pos`."""
        m = table.regex.match(text, pos)
        if m is None or not m.group(0):  # an empty table matches nothing
            return None
        word = m.group(0)
        if self._word_at(text, pos, word):
            # The pattern lets the words of a form stand apart by any space (`triệu  tỷ`).
            return table.lookup[" ".join(word.lower().split())]
        # The longest match ends inside a word (`hộ` in `hội`): try shorter ones.
        shorter = [(s, v) for s, v in table.pairs if len(s) < len(word) and self._word_at(text, pos, s)]
        return shorter[0] if shorter else None

    def match(self, text: str, pos: int) -> UnitMatch:
        """Read the scale word and unit that follow a number at `pos`."""
        start = pos
        cursor = pos
        scale = 1.0
        unit: str | None = None

        def skip_space(p: int) -> int:
            # One space, or a few where Markdown stars were blanked out (`**6.953** hộ`).
            q = p
            while q < len(text) and text[q] == " " and q - p < 3:
                q += 1
            return q

        probe = skip_space(cursor)
        found = self._longest(text, probe, self.scales)
        if found and RATE_WORD_RE.match(text, probe + len(found[0])):
            found = None
        if found:
            scale = found[1]
            cursor = probe + len(found[0])
        probe = skip_space(cursor) if cursor > start or (cursor < len(text) and text[cursor] == " ") else cursor
        if probe < len(text) and text[probe] == "%":
            unit, cursor = "percent", probe + 1
        else:
            found = self._longest(text, probe, self.surfaces)
            if found:
                unit, cursor = found[1], probe + len(found[0])
        if unit is not None:
            per_10k = self._per_10k_end(text, cursor, skip_space(cursor))
            if per_10k is not None:
                unit = f"{unit} / nguoi"
                scale *= 1e-4
                cursor = per_10k
            elif unit in self.count_units and self._shared_10k.match(text, cursor):
                unit = f"{unit} / nguoi"
                scale *= 1e-4
            while cursor < len(text) and text[cursor] == "/":
                nxt = self._longest(text, cursor + 1, self.per) or self._longest(text, cursor + 1, self.surfaces)
                if nxt is None:
                    if unit in ("percent", "percentage_point"):
                        cursor += 1  # a rate whose `/năm` was cut: `1,15%/ và`
                    break
                surface, name = nxt
                cursor += 1 + len(surface)
                if name == "year" and unit in ("percent", "percentage_point"):
                    continue  # `%/năm`: a yearly rate is kept in percent
                unit = f"{unit} / {name}"
        if unit is None and scale == 1.0:
            return UnitMatch(0)
        return UnitMatch(cursor - start, scale, unit, text[start:cursor].strip())

    def noun(self, text: str, pos: int) -> UnitMatch:
        """The noun a whole number with no unit counts (`1.245 giấy phép xây dựng` -> `giấy
        phép`): the one or two lower-case words right after it, where the first is no word that
        goes on with the clause (`not_nouns`); the second is left out where it is one.  An empty
        match where none follows."""
        m = NOUN_WORDS_RE.match(text, pos)
        if m is None or not m.group(1).islower() or m.group(1) in self.not_nouns or not VOWEL_RE.search(m.group(1)):
            return UnitMatch(0)
        words = [m.group(1)]
        if m.group(2) and m.group(2).islower() and m.group(2) not in self.not_nouns:
            words.append(m.group(2))
        noun = " ".join(words)
        # (named by its first word: `1.245 ca sốt xuất huyết … (2.028 ca)` count one thing)
        return UnitMatch(1 + len(noun), 1.0, NOUN_PREFIX + slug(words[0]), noun)

    def per_each(self, before: str, unit: UnitMatch) -> UnitMatch:
        """An amount, a mass or an area after `mỗi <noun>` (`bình quân mỗi xã 30 tỷ đồng`) is
        per one of that noun: its unit is divided by the noun's count unit (a catalog noun or
        one read as in `noun`).  Unchanged where it is already a rate or a count."""
        if unit.unit is None or "/" in unit.unit or unit.unit in self.count_units \
                or unit.unit in ("percent", "percentage_point", "times", "year_of_age"):
            return unit
        m = EACH_RE.search(before)
        if m is None:
            return unit
        found = self._longest(m.group(1), 0, self.surfaces)
        if found is not None and found[1] in self.count_units:
            noun = found[1]
        else:
            noun = self.noun(" " + m.group(1), 0).unit
        if noun is None or noun not in self.count_units:
            return unit
        return UnitMatch(unit.length, unit.scale, f"{unit.unit} / {noun}", unit.text)

    def _per_10k_end(self, text: str, cursor: int, spaced: int) -> int | None:
        """Where an ending of a rate per 10.000 people (`/vạn dân`, `trên 10.000 dân`) that
        follows a unit ends: right after it (a `/` ending) or after the spaces at `spaced`."""
        if text[cursor:cursor + 1].lower() not in self._per_10k_first and \
                text[spaced:spaced + 1].lower() not in self._per_10k_first:
            return None
        for ending in self.per_10k:
            probe = cursor if ending.startswith("/") else spaced
            if text[probe:probe + len(ending)].lower() == ending.lower():
                return probe + len(ending)
        return None

    def dimensionality(self, unit: str | None):
        if unit is None:
            return None
        found = self._dims.get(unit)
        if found is None:
            found = self._dims[unit] = self.signature(unit)
        return found

    def compatible(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return a == b
        return self.dimensionality(a) == self.dimensionality(b)

    def factor(self, unit: str, base: str) -> float:
        """How many `base` one `unit` is (1 percent is 0.01 of one).  The ratio of the two
        units' magnitudes over the definitions' base units: what pint computes from the same
        lines (tests/test_units.py checks every pair), without importing pint, which cost a
        tenth of a run, for the one conversion a draft needs."""
        scale, dims = self._expression(unit)
        base_scale, base_dims = self._expression(base)
        if dims != base_dims:
            raise ValueError(f"cannot convert '{unit}' to '{base}'")
        return scale / base_scale
