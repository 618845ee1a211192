"""One fact written twice with a slip a reader sees in the digits: a unit a power of ten off, two digits swapped."""

from __future__ import annotations

import re

from checker import messages as m
from checker.i18n import N_
from checker.kinds.base import Context, Results, fail, finding, stat_records
from checker.units import NOUN_PREFIX

NUMBER_RE = re.compile(r"\d[\d.]*(?:,\d+)?")
WORD_RE = re.compile(r"[^\W\d_]+")
NOT_DIGIT_RE = re.compile(r"\D")
CLAUSE_END_RE = re.compile(r"[,.;(|]")
SENTENCE_PART_END_RE = re.compile(r"[.;]\s")


def scale_slips(rule, ctx: Context, roles: set[str]) -> Results:
    """`năng suất đạt 68,5 tấn/ha` in the text, `68,5` in a `tạ/ha` table; `139.850 tỷ USD`
    against `139.850` in `triệu USD`: one province's figure written with the same three or
    more significant digits twice, in units of one kind whose scales differ, is one fact
    whose unit slipped in one place (two facts with the very same digits a power of ten
    apart are far rarer than the slip).  Figures one catalog group compares already, and
    percentages, are left to it."""
    by_digits: dict[tuple, list[dict]] = {}
    for r in stat_records(ctx, ("entity",)):
        if r["role"] in roles and r["unit"] and r["unit"] != "percent" and r["value"] and not r["measure"] \
                and r["qualifier"] not in ("range",) and _significant(r["text"]) >= 3:
            by_digits.setdefault((r["entity"], float(r["value"])), []).append(r)
    units = ctx.catalog.units
    for key in sorted(by_digits, key=str):
        group = by_digits[key]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["role"] != b["role"] or (a["period"] and b["period"] and a["period"] != b["period"]) \
                        or (a["indicator"] and a["indicator"] == b["indicator"]) or (a["path"], a["line"]) == (b["path"], b["line"]):
                    continue
                ratio = _scale_ratio(units, a, b)
                if ratio is None or ratio < 9.5:
                    continue
                pair = sorted([a, b], key=lambda r: (r["path"], r["line"], r["column"]))
                ind = a["indicator"] or b["indicator"]
                args = {"subject": m.subject(ind, key[0], a["period"] or b["period"], a["role"]),
                        "indicator": m.indicator(ind), "entity": m.entity(key[0]), "period": m.period(a["period"]),
                        "role": m.role(a["role"]), "values": m.figs(range(2), "differs", at=True),
                        "stands_for": m.items([m.items([m.fig(j), m.quantity(r["interval"], like=r, extra=1)], " → ")
                                               for j, r in enumerate(pair)], "; ")}
                yield fail(finding(rule, pair, None, args, None, N_("as written, each figure stands for: {stands_for}")))
                break


def _significant(text: str) -> int:
    """The significant digits of a figure's number as written (`139.850`: 5, `1.200`: 2)."""
    return len(_digits(text).strip("0"))


def _scale_ratio(units, a: dict, b: dict) -> float | None:
    """How many times the larger of two figures of the same written number is the smaller,
    their units made one; None where the units are of different kinds or unreadable."""
    try:
        if not units.compatible(a["unit"], b["unit"]):
            return None
        lo_a, lo_b = a["lo"] * units.factor(a["unit"], b["unit"]), b["lo"]
    except (ValueError, KeyError, TypeError):
        return None
    if lo_a <= 0 or lo_b <= 0:
        return None
    return max(lo_a, lo_b) / min(lo_a, lo_b)


def transpositions(rule, ctx: Context, roles: set[str], kinds: tuple[str, ...] = ()) -> Results:
    """`17.855 doanh nghiệp` in one section, `17.585 doanh nghiệp` in another: one province's
    figure in one unit and role, of no two different catalog indicators and no two periods,
    written with two adjacent digits swapped.  Two facts rarely differ by a swap of digits
    alone; the slip is the commonest of typing.  Evidence asked: five significant digits or
    more, or four with the figures named alike (their own words mostly shared); and one
    figure at least in prose, or the two named alike (two big tables of one unit hold swaps
    by chance).  Pairs one catalog group compares already are left to it."""
    digits: dict[int, str] = {}  # (each figure's, read once: the figures are compared pair by pair)
    by_key: dict[tuple, list[dict]] = {}
    for r in stat_records(ctx):
        if r["role"] in roles and r["unit"] and not r["measure"] and r["qualifier"] != "range":
            found = digits[id(r)] = _digits(r["text"])
            if len(found.strip("0")) >= 4:
                # (a noun the catalog does not know is its unit by its first word: the swap asks for the whole noun)
                unit = r["unit_text"] if r["unit"].startswith(NOUN_PREFIX) else r["unit"]
                by_key.setdefault((r["path"], unit, r["role"], len(found)), []).append(r)
    for key in sorted(by_key, key=str):
        group = sorted(by_key[key], key=lambda r: (r["line"], r["column"]))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a["line"] == b["line"] or not _swapped(digits[id(a)], digits[id(b)]) \
                        or not _one_fact_key(a, b):
                    continue
                if kinds_apart(a, b, kinds):
                    continue  # (`hộ nghèo` and `hộ cận nghèo`: sibling kinds, whose counts may swap by chance)
                alike = _alike(a, b)
                named = a["indicator"] is not None and a["indicator"] == b["indicator"]
                if (len(digits[id(a)].strip("0")) < 5 and alike < 0.25 and not named) or \
                        (a["block"] == b["block"] == "table_row" and alike < 0.5) or \
                        (not (a["entity"] and b["entity"]) and alike < 0.25 and not named):
                    continue
                yield fail(finding(rule, [a, b], None, _args(a, b), None,
                                   N_("as written, each figure stands for: {stands_for}")))


def _one_fact_key(a: dict, b: dict) -> bool:
    """Whether two figures may state one fact no other group compares: no two provinces, no
    two periods, no two catalog indicators, and not one indicator's or head's group already
    (a province or period left unread on one of them keeps them out of those groups)."""
    if (a["entity"] and b["entity"] and a["entity"] != b["entity"]) \
            or (a["period"] and b["period"] and a["period"] != b["period"]):
        return False
    keyed = a["entity"] and b["entity"] and a["period"] and b["period"]
    if a["indicator"] and b["indicator"]:
        return a["indicator"] == b["indicator"] and not keyed
    return not (a["head"] and a["head"] == b["head"] and keyed)


def _args(a: dict, b: dict) -> dict:
    ind = a["indicator"] or b["indicator"]
    period, entity = a["period"] or b["period"], a["entity"] or b["entity"]
    return {"subject": m.subject(ind, entity, period, a["role"]), "indicator": m.indicator(ind),
            "entity": m.entity(entity), "period": m.period(period), "role": m.role(a["role"]),
            "values": m.figs(range(2), "differs", at=True),
            "stands_for": m.items([m.items([m.fig(j), m.quantity(r["interval"], like=r, extra=1)], " → ")
                                   for j, r in enumerate((a, b))], "; ")}


def _digits(text: str) -> str:
    """The digits of a figure's number as written (`139.850`: `139850`)."""
    found = NUMBER_RE.search(text or "")
    return NOT_DIGIT_RE.sub("", found.group()) if found else ""


def _swapped(x: str, y: str) -> bool:
    """Whether `y` is `x` with two adjacent, different digits swapped."""
    if len(x) != len(y) or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def _alike(a: dict, b: dict) -> float:
    """How far two figures are named alike: the share of their own words (a row's label, or
    the sentence part up to the figure) they have in common."""
    wa, wb = _own_words(a), _own_words(b)
    return len(wa & wb) / max(1, len(wa | wb))


def kinds_apart(a: dict, b: dict, kinds: tuple[str, ...]) -> bool:
    """Whether one figure's clause names a kind (`nhập khẩu`, `cận nghèo`) the other's, read
    whole, does not (a clause cut short by the context window may have named it)."""
    ta, tb = (" " + " ".join(WORD_RE.findall(_clause_text(r).lower())) + " " for r in (a, b))
    cut_a, cut_b = ((r["context"] or "").startswith("…") for r in (a, b))
    return any((f" {k} " in ta and f" {k} " not in tb and not cut_b) or
               (f" {k} " in tb and f" {k} " not in ta and not cut_a) for k in kinds)


def _clause_text(r: dict) -> str:
    """A figure's own words and those right after it up to the clause's end (`12.435 hộ cận nghèo`)."""
    after = (r["context"] or "").partition("⟧")[2]
    return _own_text(r) + " " + CLAUSE_END_RE.split(after)[0]


def _own_text(r: dict) -> str:
    before = (r["context"] or "").split("⟦")[0]
    return (r["row_label"] or "") + " " + SENTENCE_PART_END_RE.split(before)[-1]


def _own_words(r: dict) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(_own_text(r))}
