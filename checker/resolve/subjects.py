"""Table rows whose label names a subject below or beside the report's province (a commune, a
district, an industrial zone, a hospital, a school, a department; the nation or a region):
each such row's figures are that subject's facts, never the province's own, nor one another's."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from checker.catalog import Catalog
from checker.records import Evidence, Resolution
from checker.text import slug

# What opens a label before its name: a number (`1.`, `I`), a bullet, spaces.
LABEL_LEAD_RE = re.compile(r"^[\W\d_]*?(?=[^\W\d_])")
BRACKETS_RE = re.compile(r"\([^()]*\)")
WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Words:
    types: re.Pattern | None  # `Xã`, `Bệnh viện`, … opening a label, with the words after it
    columns: frozenset[tuple[str, ...]]  # the words of each kind of unit a label column is headed by
    elsewhere: re.Pattern | None  # `Cả nước`, a region's name, opening a label
    whole: re.Pattern | None  # `Toàn tỉnh` opening a label: the whole province


_WORDS: dict[int, tuple[Catalog, _Words]] = {}
# Between the kinds a heading lists (`Xã, phường và đặc khu`, `Huyện/thị xã`), and the word
# `Tên` opening it (`Tên đơn vị`).
HEADING_GLUE = frozenset({"và", "tên"})


def _heading_words(text: str) -> tuple[str, ...]:
    # (lower case with its marks: `Đơn vị tính`, folded, would read as `đơn vị` + `tỉnh`)
    return tuple(WORD_RE.findall(unicodedata.normalize("NFC", text).lower()))


def _words(catalog: Catalog) -> _Words:
    cached = _WORDS.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        entity = catalog.cues.get("resolve_entity", {})

        def opening(words):
            if not words:
                return None
            alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            return re.compile(rf"(?:{alts})(?![\w])", re.I)

        cached = (catalog, _Words(opening(entity.get("subject_types")),
                                  frozenset(_heading_words(w) for w in entity.get("subject_columns", ())),
                                  opening(entity.get("elsewhere")), opening(entity.get("whole_province"))))
        _WORDS[id(catalog)] = cached
    return cached[1]


def subject_column(catalog: Catalog, heading: str) -> bool:
    """A label column headed by the kinds of unit its rows are, one or several (`Xã, phường`,
    `Tên đơn vị`, `Huyện/thị xã/thành phố`): the heading's words are those kinds' words and
    nothing else (`Đơn vị tính` is not: `tính` is no kind)."""
    return _kinds_only(_words(catalog).columns, heading)


@lru_cache(maxsize=4096)
def _kinds_only(kinds: frozenset[tuple[str, ...]], heading: str) -> bool:
    # (the whole heading: `Cây trồng / khu vực` heads crops as well as areas)
    words = [w for w in _heading_words(BRACKETS_RE.sub(" ", heading)) if w not in HEADING_GLUE]
    if not words:
        return False
    longest = max(map(len, kinds), default=0)
    ends = {0}  # the word positions a run of whole kinds reaches
    for i in range(1, len(words) + 1):
        if any(i - n in ends and tuple(words[i - n:i]) in kinds for n in range(1, min(longest, i) + 1)):
            ends.add(i)
    return len(words) in ends


def _typed_name(words: _Words, label: str, start: int) -> str | None:
    """`Phường Xuân Hương`, `Bệnh viện Đa khoa tỉnh`, `Đảng bộ xã Tân Lập`: type words, then a
    name written with a capital within three words (a label in capitals throughout says
    nothing by its case; `Xã đạt chuẩn nông thôn mới` names a measure: see `row_subject`)."""
    if words.types is None or not any(c.islower() for c in label):
        return None
    at = start
    while True:
        m = words.types.match(label, at)
        if m is None:
            break
        at = m.end()
        gap = re.match(r"\s+", label[at:])
        if gap is None:
            return None
        at += gap.end()
    if at == start:
        return None
    # (`Khu kinh tế cửa khẩu Lệ Thanh`: a few words of its kind may come before the name)
    for k, word in enumerate(list(WORD_RE.finditer(label, at))[:3]):
        if word.group(0)[0].isupper() or word.group(0).isdigit():
            return "name" if k == 0 else "kind and name"
    return None


def row_subject(catalog: Catalog, label: str, heading: str, names: list, is_total: bool,
                names_measure: Callable[[str], bool], line: int, units_table: bool = False) -> Resolution | None:
    """The subject a row's label names, other than the report's province: a scope of its own
    (the row's facts are that subject's), or None where the row is the province's or one
    province's (a name the catalog knows, not after a type word), or where unsure
    (`names_measure`: the label names an indicator or a scope, `Thành thị`, `Dịch vụ`).  The
    resolution's value is the scope; `Cả nước`, a region, gives an empty value: the row
    is no province's at all.  The scope is the row's alone (its `line`): two tables' rows
    of one name may be two communes of one name under two districts, or two measures the
    columns name alike (`Dân số` at mid-year and at the year's end), so they are not
    taken for one fact."""
    words = _words(catalog)
    start = LABEL_LEAD_RE.match(label)
    start = start.end() if start else 0
    text = label.strip()
    if not text:
        return None
    if words.elsewhere is not None and words.elsewhere.match(label, start):
        return Resolution("", Evidence.TABLE_HEADER, f"row label `{text[:40]}`: the nation or a region")
    if is_total:
        if units_table and not (words.whole is not None and words.whole.match(label, start)):
            # `Cộng`, `Tổng số` over rows of units: the units' sum, which may leave out what
            # no unit holds (the province's own budget); `Toàn tỉnh` says it is the province's
            return Resolution(f"units_total_{line}", Evidence.TABLE_HEADER,
                              f"row label `{text[:40]}`: the sum of the units listed")
        return None
    typed = _typed_name(words, label, start)
    # (`Xã đạt chuẩn Nông thôn mới`: words of a measure between the type and a capital)
    typed = typed == "name" or (typed is not None and not names_measure(label))
    if names and not (typed and all(m.start > start for m, _, _ in names)):
        return None  # (`Tỉnh Vĩnh Phúc (cũ)`, `Hà Nội`: a province; `Xã Hòa Bình`: a commune)
    if typed:
        return Resolution(f"place_{slug(text)}_{line}", Evidence.TABLE_HEADER, f"row label `{text[:40]}` names a unit")
    if subject_column(catalog, heading) and not names_measure(label):
        return Resolution(f"place_{slug(text)}_{line}", Evidence.TABLE_HEADER,
                          f"row label `{text[:40]}` under `{heading.strip()[:30]}`")
    return None


def units_table(catalog: Catalog, labels: list[str], heading: str, total: re.Pattern,
                names_measure: Callable[[str], bool]) -> bool:
    """Whether most of a table's row labels, its total rows aside, name units (`Xã Tân Lập`,
    any name under `Xã, phường`), not measures, sectors or provinces: its `Tổng số` is then
    theirs."""
    labels = [t for t in labels if t.strip() and not total.match(t)]
    units = 0
    for t in labels:
        names = [(m, None, "") for m in catalog.entity_matcher.find(t)]
        found = row_subject(catalog, t, heading, names, False, names_measure, 0)
        units += found is not None and bool(found.value)
    return units >= 2 and 2 * units > len(labels)
