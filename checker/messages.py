"""What a finding says, in the reader's language: its message built at render time from the
structured arguments a rule kind gave it (figures, names, periods, roles, quantities), with
numbers at the scale and in the unit the figures were written in.

The public API every renderer (and the Word annotator) calls:
    finding_message(finding, lang, report=None, verbose=False) -> str
    finding_expected(finding, lang) -> str | None
    finding_explanation(finding, lang) -> str
    figure_what(finding, fig, lang, verbose=False) -> str   # indicator · province · period · role
    format_quantity(q, lang) -> str                          # q made by `quantity(...)`
    period_text(period, lang), role_text(role, lang), severity_text(severity, lang, n=1)
Places (`Báo cáo kiểm điểm, Phần thứ nhất › I › 1, bảng 1, dòng 8`) are in checker/place_text.py.

A kind fills `Finding.args` with plain values, made by the helpers below:
    fig(i, at=False)       figure i as written (with its place when `at`)
    figs(indices, sep)     several figures: sep "+", "," or "differs" (`A (place) khác B (place)`)
    quantity(iv, like=row) an interval in the unit and scale of figure row `like`
    subject(ind, ent, period, role), indicator(id), entity(id), period(p), role(r), word(msgid)
and the engine adds `Finding.names`: the catalog name of every indicator and province id.
"""

from __future__ import annotations

import functools
import math
import re
import string
from decimal import Decimal
from typing import Any

from checker.i18n import N_, _, language, translatable

# --- argument values a kind puts in Finding.args ---------------------------------------------


def fig(i: int, at: bool = False) -> dict:
    return {"fig": i, "at": at}


def figs(indices, sep: str = ",", at: bool = False) -> dict:
    return {"figs": list(indices), "sep": sep, "at": at}


def indicator(ind: str | None) -> dict:
    return {"indicator": ind}


def entity(ent: str | None) -> dict:
    return {"entity": ent}


def period(p: str | None) -> dict:
    return {"period": p}


def role(r: str | None) -> dict:
    return {"role": r}


def word(msgid: str) -> dict:
    """A word or phrase of the catalogs (`Không đạt`), translated where it is shown."""
    return {"word": msgid}


def phrase(msgid: str, **args) -> dict:
    """A phrase of the catalogs with fields of its own (`number {numbers} missing`)."""
    return {"phrase": msgid, "args": args}


def items(values, sep: str = ", ") -> dict:
    """Several argument values shown one after another."""
    return {"items": list(values), "sep": sep}


def subject(ind: str | None, ent: str | None, per: str | None, rol: str | None = None) -> dict:
    """What a group of figures states: indicator, province, period and (for a target) role."""
    return {"subject": {"indicator": ind, "entity": ent, "period": per, "role": rol}}


def scale_of(row: dict) -> float:
    """The power of ten between a figure as written (`361,6 nghìn tỷ đồng`) and its interval."""
    value, lo, hi = row.get("value"), row.get("lo"), row.get("hi")
    if not value or lo is None or hi is None or math.isinf(lo) or math.isinf(hi):
        return 1.0
    mid = (float(lo) + float(hi)) / 2
    if not mid:
        return 1.0
    return float(10 ** round(math.log10(abs(mid / float(value)))))


DECIMALS_RE = re.compile(r"\d,(\d+)")


def written_digits(text: str) -> int:
    """How many decimals a figure was written with (`10,45%`: 2)."""
    m = DECIMALS_RE.search(text or "")
    return len(m.group(1)) if m else 0


def quantity(iv, like: dict | None = None, digits: int | None = None, unit: str | None = None,
             strict: bool = False, extra: int = 0, about: bool = False) -> dict:
    """An interval as an argument: in the unit and at the scale of figure row `like` (a
    value in đồng shown as `361,0 nghìn tỷ đồng` next to `361,6 nghìn tỷ đồng`), with that
    figure's decimals unless `digits` says otherwise, and up to `extra` more where they are
    not zero (the edges of a stated precision: `62,5`).  `strict`: strictly between its ends;
    `about`: a computed value shown rounded (`khoảng 361,0 nghìn tỷ đồng`)."""
    scale = scale_of(like) if like is not None else 1.0
    like = like if like is not None else {}  # (not `like or {}`: a rules' row has no cheap truth value)
    shown_unit = unit if unit is not None else (like.get("unit_text") or "")
    if digits is None:
        digits = written_digits(like.get("text", ""))
    return {"q": {"lo": iv.lo / scale, "hi": iv.hi / scale, "lo_open": bool(iv.lo_open),
                  "hi_open": bool(iv.hi_open), "unit": shown_unit, "digits": int(digits), "extra": int(extra),
                  "strict": strict, "about": about}}


# --- formatting -----------------------------------------------------------------------------


def format_number(value: float, digits: int = 0, extra: int = 0) -> str:
    """A number the Vietnamese way, in both languages (the figures it is read next to are
    written so): `.` groups thousands, `,` marks decimals, `digits` decimals kept and up
    to `extra` more where they are not zero."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    # What Babel's format_decimal gives for the pattern `#,##0.` + digits `0` + extra `#`
    # in locale vi, step for step (tests/test_messages_numbers.py holds the two equal):
    # importing Babel and loading its locale data cost a tenth of a check's own work.
    number = Decimal(str(round(value, digits + extra) + 0.0))
    negative = number.is_signed()
    whole, _, fraction = f"{abs(number).normalize().quantize(Decimal(10) ** -(digits + extra)):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, last = whole[:-3], whole[-3:]
        groups.insert(0, last)
    text = ".".join([whole, *groups])
    fraction = (fraction or "0").ljust(digits, "0")
    if digits + extra and (digits or int(fraction)):
        text += "," + fraction[:digits] + fraction[digits:].rstrip("0")
    return "−" + text if negative else text


def with_unit(number: str, unit: str) -> str:
    if not unit:
        return number
    return number + unit if unit.startswith(("%", "‰")) else f"{number} {unit}"


def format_quantity(q: dict, lang: str | None = None) -> str:
    """`361,6 nghìn tỷ đồng`, `khoảng 1,50 lần`, `từ 62,5 đến 119,5 triệu đồng`, `trên 46%`."""
    if "q" in q:
        q = q["q"]
    with language(lang):
        lo, hi, unit, d, x = q["lo"], q["hi"], q["unit"], q["digits"], q.get("extra", 0)
        if math.isinf(lo) and math.isinf(hi):
            return _("any value")
        if math.isinf(hi):
            template = _("above {value}") if q["lo_open"] else _("at least {value}")
            return template.format(value=with_unit(format_number(lo, d, x), unit))
        if math.isinf(lo):
            template = _("below {value}") if q["hi_open"] else _("at most {value}")
            return template.format(value=with_unit(format_number(hi, d, x), unit))
        a, b = format_number(lo, d, x), format_number(hi, d, x)
        if q.get("strict"):
            return _("strictly between {lo} and {hi}").format(lo=a, hi=with_unit(b, unit))
        if a == b:
            shown = with_unit(a, unit)
            return shown if lo == hi and not q.get("about") else _("about {value}").format(value=shown)
        return _("from {lo} to {hi}").format(lo=a, hi=with_unit(b, unit))



# Periods as the facts table writes them: a year, a span of years, a span of days.
YEAR_RE = re.compile(r"\d{4}")
YEARS_RE = re.compile(r"(\d{4})-(\d{4})")
DAYS_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})/(\d{4})-(\d{2})-(\d{2})")


def period_text(p: str | None, lang: str | None = None) -> str:
    """`năm 2025`, `giai đoạn 2021–2025`, `từ 01/7/2025 đến 12/9/2025`; `?` when not told."""
    with language(lang):
        if not p:
            return "?"
        if YEAR_RE.fullmatch(p):
            return _("in {year}").format(year=p)
        m = YEARS_RE.fullmatch(p)
        if m:
            return _("in {first}–{last}").format(first=m.group(1), last=m.group(2))
        m = DAYS_RE.fullmatch(p)
        if m:
            y1, m1, d1, y2, m2, d2 = m.groups()
            return _("from {start} to {end}").format(start=f"{int(d1):02d}/{int(m1)}/{y1}",
                                                      end=f"{int(d2):02d}/{int(m2)}/{y2}")
        return p


ROLE_WORDS = {"actual": N_("result"), "target": N_("target"), "baseline": N_("starting level"),
              "evaluation": N_("evaluation"), "margin": N_("margin over target")}
SEVERITY_WORDS = {"error": (N_("error"), N_("errors")), "warning": (N_("warning"), N_("warnings")),
                  "info": (N_("note"), N_("notes"))}


def role_text(r: str | None, lang: str | None = None) -> str:
    with language(lang):
        return _(ROLE_WORDS[r]) if r in ROLE_WORDS else (r or "?")


def severity_text(severity: str, lang: str | None = None, n: int = 1) -> str:
    """`lỗi` / `error`, `cảnh báo` / `warnings` (the plural for n ≠ 1 where the language has one)."""
    with language(lang):
        one, many = SEVERITY_WORDS[severity]
        return _(one if n == 1 else many)


def name_of(finding, kind: str, ident: str | None, verbose: bool = False) -> str:
    """The catalog name of an indicator or province id (`Thái Nguyên (trước hợp nhất)`)."""
    if not ident:
        return "?"
    found = (getattr(finding, "names", None) or {}).get(f"{kind}:{ident}")
    if found is None:
        return ident
    name, qualifier = (found, None) if isinstance(found, str) else (found["name"], found.get("qualifier"))
    if qualifier == "former":
        name = _("{name} (before the merger)").format(name=name)
    elif qualifier == "merged":
        name = _("{name} (after the merger)").format(name=name)
    return f"{name} [{ident}]" if verbose else name


# --- a finding in words -------------------------------------------------------------------


def finding_message(finding, lang: str | None = None, report=None, verbose: bool = False) -> str:
    """The finding's message in `lang`, its figures placed with `report` when given."""
    with language(lang):
        template = getattr(finding, "template", "") or ""
        if not template:
            return finding.message
        text = _fill(translatable(template, _current()), finding, report, verbose)
        if finding.suspect is not None and len(finding.figures) > 1:
            # Named only when the evidence points at one figure; an even split names none.
            text = _("{message}; suspect: {figure}").format(
                message=text, figure=_figure(finding, finding.suspect, True, report))
        return text


def finding_expected(finding, lang: str | None = None) -> str | None:
    """What the rule expected, in words, with its unit."""
    value = (getattr(finding, "args", None) or {}).get("expected")
    if value is None:
        return finding.expected
    with language(lang):
        return _value(value, finding, None, False)


def finding_explanation(finding, lang: str | None = None, report=None) -> str:
    """How the rule computed what it expected, in `lang`."""
    why = getattr(finding, "why", "") or ""
    if not why:
        return finding.explanation
    with language(lang):
        return _fill(_(why), finding, report, False)


def figure_what(finding, figure: dict, lang: str | None = None, verbose: bool = False) -> str:
    """`Tỷ lệ che phủ rừng · Bắc Kạn · năm 2025 · thực hiện`, `?` for each field not told
    (empty for a mark that is no statistic: a row number, a footnote marker)."""
    if not any(figure.get(k) for k in ("indicator", "entity", "period", "role")):
        return ""
    with language(lang):
        return " · ".join((
            name_of(finding, "indicator", figure.get("indicator"), verbose),
            name_of(finding, "entity", figure.get("entity"), verbose),
            period_text(figure.get("period")) + (f" [{figure.get('period')}]" if verbose and figure.get("period") else ""),
            role_text(figure.get("role"))))


def _current() -> str:
    from checker.i18n import current_language

    return current_language()


def _fill(template: str, finding, report, verbose: bool) -> str:
    args = getattr(finding, "args", None) or {}
    # Only the arguments the template names are worded: a message and its explanation each
    # name a few, and wording the others (a list of every figure as a quantity) cost most
    # of a finding's wording.
    named = _fields(template)
    shown = {k: _value(v, finding, report, verbose) for k, v in args.items() if k in named}
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return template  # a translation naming a field the finding lacks: shown unfilled, never a crash


@functools.lru_cache(maxsize=512)
def _fields(template: str) -> frozenset[str]:
    """The argument names a format template reads (`{values}`, `{subject!s}`, `{a.b}`: `a`)."""
    try:
        parsed = [(name, spec) for _, name, spec, _ in string.Formatter().parse(template) if name]
    except ValueError:  # a malformed template: `format` reports it as before, with every argument
        return _ALL
    if any("{" in (spec or "") for _, spec in parsed):
        return _ALL  # (a field inside a format spec: every argument, as before)
    return frozenset(re.match(r"[^.\[]*", name).group(0) for name, _ in parsed)


class _Everything(frozenset):
    def __contains__(self, key) -> bool:
        return True


_ALL = _Everything()


def _value(v: Any, finding, report, verbose: bool) -> str:
    if not isinstance(v, dict):
        return format_number(v, 0) if isinstance(v, int) and not isinstance(v, bool) else str(v)
    if "q" in v:
        return format_quantity(v)
    if "fig" in v:
        return _figure(finding, v["fig"], v.get("at"), report)
    if "figs" in v:
        shown = [_figure(finding, i, v.get("at"), report) for i in v["figs"]]
        sep = {"+": " + ", ",": ", ", "differs": " " + _("differs from") + " "}.get(v["sep"], v["sep"])
        return sep.join(shown)
    if "items" in v:
        return v["sep"].join(_value(x, finding, report, verbose) for x in v["items"])
    if "indicator" in v:
        return name_of(finding, "indicator", v["indicator"], verbose)
    if "entity" in v:
        return name_of(finding, "entity", v["entity"], verbose)
    if "period" in v:
        return period_text(v["period"])
    if "role" in v:
        return role_text(v["role"])
    if "word" in v:
        return _(v["word"])
    if "phrase" in v:
        return _(v["phrase"]).format(**{k: _value(x, finding, report, verbose) for k, x in v["args"].items()})
    if "subject" in v:
        return _subject(finding, v["subject"], verbose)
    return str(v)


def _subject(finding, s: dict, verbose: bool) -> str:
    parts = {"indicator": name_of(finding, "indicator", s.get("indicator"), verbose),
             "entity": name_of(finding, "entity", s.get("entity"), verbose),
             "period": period_text(s.get("period"))}
    if s.get("role") in (None, "actual"):
        return _("{indicator} of {entity} {period}").format(**parts)
    return _("{indicator} of {entity}, {role} {period}").format(role=role_text(s["role"]), **parts)


def _figure(finding, i: int, at: bool, report) -> str:
    figure = finding.figures[i]
    if not at:
        return figure["text"]
    from checker.place_text import figure_place

    return f"{figure['text']} ({figure_place(report, figure)})"
