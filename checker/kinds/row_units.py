"""A table row the catalog does not name, in a unit of another kind than its label's head names."""

from __future__ import annotations

import re

from checker.catalog import percent_past_rates

AREA, MONEY, COUNT, RATE = "area", "money", "count", "rate"
WORD_RE = re.compile(r"[^\W\d_]+")


def head_kind(label: str, heads: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """The kind of quantity a row label opens with (`Diện tích …` an area, `Doanh thu …`
    money, `Tỷ lệ …` a rate, `Số …` a count) and the head read, by the longest head that
    opens the label; None where none does."""
    text = " ".join(WORD_RE.findall((label or "").lower()))
    found = [(len(h), kind, h) for kind, names in heads.items() for h in names
             if text == h or text.startswith(h + " ")]
    if not found:
        return None
    _, kind, head = max(found)
    rest = text[len(head):]
    if any(f" và {h} " in rest + " " or f" và {h}" == rest[-len(h) - 4:] for names in heads.values() for h in names):
        return None  # (`Tỷ lệ giải ngân và số vốn đã giải ngân`: two quantities, one unit column)
    return kind, head


def misfit(kind: str, units, cells: list[dict], counted: str | None) -> bool:
    """Whether the row's unit (one for all its level cells) is of another kind than `kind`:
    an area row in tonnes or money, a money or count row in km or in `%` beside a level past
    any rate (`5.450,0 %`), a count row in money or mass, a rate row in money or mass.  A unit
    of several kinds at once (`tấn/ha`, `triệu đồng/người`) fits a rate; a unit the catalog
    cannot read is never judged."""
    unit = cells[0]["unit"]
    if unit == "percent":  # (`%` over small values may be a row of growth rates, whatever its label)
        return kind in (MONEY, COUNT) and any(percent_past_rates(_value(c)) for c in cells)
    try:
        dims = dict(units.dimensionality(unit) or ())
    except Exception:  # (a unit the units catalog cannot read: no judgement)
        return False
    if not dims:
        return False
    money = any(d.startswith("currency") for d in dims)
    area = dims == {"length": 2}
    if kind == AREA:  # (an area per person, `m²/người`, is an area still)
        return dims.get("length") != 2
    if kind == MONEY:
        return not money
    if kind == COUNT:
        return counted is not None and (money or area or "mass" in dims or "energy" in dims)
    return "/" not in unit and (money or area or "mass" in dims or "energy" in dims)


def counted_noun(units, label: str, head: str) -> str | None:
    """`Số doanh nghiệp khoa học …`: the count noun right after a count head, where the units
    catalog knows it as a count (`doanh nghiệp`, `dự án`, `hộ`); else None."""
    low = (label or "").lower()
    at = low.find(head)
    if at < 0:
        return None
    unit = units.match(" " + low[at + len(head):].lstrip(), 0).unit
    return unit if unit in units.count_units else None


def noun_after(label: str, head: str) -> str:
    """The two words after a count head (`Số giáo viên đạt chuẩn`: `giáo viên`), what it counts."""
    words = WORD_RE.findall((label or "").lower())
    return " ".join(words[len(head.split()):][:2])


def _value(cell: dict) -> float | None:
    return float(cell["value"]) if cell["value"] is not None else None
