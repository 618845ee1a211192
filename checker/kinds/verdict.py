"""Kind `verdict`: an evaluation word agrees with the target, the result and the indicator's direction."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass

from checker import messages as words
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.base import NOT_APPLICABLE, PASS, Context, Result, Results, blame, fail, finding


class VerdictMode(str, enum.Enum):
    LABEL = "label"  # an evaluation word against the row's target and result
    MARGIN = "margin"  # a stated margin over target against result minus target


@dataclass(frozen=True)
class VerdictParams:
    mode: VerdictMode = VerdictMode.LABEL
    # A row the catalog does not name is judged as `higher is better` only where its label
    # opens with one of `higher_heads` (`Sản lượng`, `Số`, `Tỷ lệ`: more of the thing is the
    # aim) and holds none of `not_higher` (a harm, a cost, a price, a shortfall: `Tỷ lệ hộ
    # nghèo`, `Số vụ tai nạn`, `Số xã chưa đạt chuẩn`, where the label may aim lower).
    higher_heads: tuple[str, ...] = ()
    not_higher: tuple[str, ...] = ()


def judge(target: Interval, result: Interval, higher_is_better: bool, target_is_range: bool = False) -> str:
    """What can be said for certain: `met` (the result certainly satisfies the target),
    `missed` (certainly does not), or `unsure` (the stated precision allows both)."""
    if not higher_is_better:
        target = Interval(-target.hi, -target.lo, target.hi_open, target.lo_open)
        result = Interval(-result.hi, -result.lo, result.hi_open, result.lo_open)
    # A bound (`≥ 80%`) or a range (`6,5% - 7,0%`) is met from its lower end; a point
    # target, stated to some precision, only once the result is past all of it.
    goal = target.lo if target.hi == float("inf") or target_is_range else target.hi
    if result.lo >= goal:
        return "met"
    if result.hi < target.lo or (result.hi == target.lo and (result.hi_open or target.lo_open)):
        return "missed"
    return "unsure"


NUMBER_RE = re.compile(r"\d[\d.]*(?:,\d+)?")
LABEL_WORD_RE = re.compile(r"[^\W_]+")


def exact_target(rec: dict) -> Interval:
    """A target as the threshold it sets: its stated numbers exactly (`7,5 - 8%` is [7,5; 8],
    `90%` is 90), not the rounding interval of a measurement.  Bounds are exact already."""
    iv = rec["interval"]
    if rec["qualifier"] in ("gt", "ge", "lt", "le") or not iv.bounded or not rec["value"]:
        return iv
    scale = 10 ** round(math.log10(abs(iv.mid / float(rec["value"])))) if iv.mid else 1.0
    numbers = [_number(n) for n in NUMBER_RE.findall(rec["text"])]
    if rec["qualifier"] == "range" and len(numbers) >= 2:
        return Interval(numbers[0] * scale, numbers[-1] * scale, False, False)
    return Interval.point(float(rec["value"]) * scale)


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def judge_exact(target: dict, result: Interval, direction: str) -> tuple[str, str]:
    """`judge` against the target's exact threshold, and the direction judged in: a one-sided
    target says itself which way is better (`Dưới 2,5%` a ceiling, `trên 46%` a floor),
    whatever the row's indicator was read as; else the indicator's, and for an indicator
    with none (a structure share) only a range says which results meet it."""
    exact = exact_target(target)
    if (exact.lo == float("-inf")) != (exact.hi == float("inf")):
        direction = "higher" if exact.hi == float("inf") else "lower"
    elif direction == "none":
        if target["qualifier"] != "range":
            return "unsure", direction
        if exact.lo <= result.lo and result.hi <= exact.hi:
            return "met", direction
        return ("missed" if result.hi < exact.lo or result.lo > exact.hi else "unsure"), direction
    return judge(exact, result, direction != "lower", target["qualifier"] == "range"), direction


class Verdict:
    """What it does: in two modes.  `label` — reads each evaluation word of a table row
    (`Đạt`, `Vượt mục tiêu`, `Không đạt`) against the row's target and result, in the
    direction the indicator is better (lower is better for poverty or malnutrition rates):
    a word that says met or exceeded for a result that certainly falls short fails, and
    so does `Không đạt` for a result that certainly reaches the target.  Ranges and bounds
    (`6,5% - 7,0%`, `≥ 80%`, `<3%`) are targets like any other.  `margin` — a stated margin
    (`vượt mục tiêu 0,3 điểm phần trăm`) must equal the result minus the target.

    A target is an exact threshold: only the result carries the rounding of its stated
    digits (`7,4%` against `7,5 - 8%` certainly falls short).

    Why it matters: the evaluation column is often filled in before the final figures, and
    never updated.

    Example: `Tỷ lệ dân số tham gia bảo hiểm y tế | >98,5% | 95,25% | Không đạt` passes;
    the same row marked `Đạt` fails.  Where the result's stated precision leaves room (`90,0%`
    against a target of `90%`, `Không đạt`), the rule does not judge.
    """

    Params = VerdictParams
    fields = {"subject", "indicator", "entity", "period", "label", "target", "result", "expected", "stated"}

    LABEL_SAYS = {"exceeded": "met", "met": "met", "missed": "missed"}

    def run(self, rule, ctx: Context) -> Results:
        if rule.params.mode is VerdictMode.MARGIN:
            yield from self._margins(rule, ctx)
            return
        rows: dict[tuple, list[dict]] = {}
        for r in ctx.records:
            if r["block"] == "table_row":
                # A row with a column group per province holds one target, result and word each.
                rows.setdefault((r["path"], r["line"], r["entity"] or ""), []).append(r)
            else:  # `đạt 66,5%, chưa đạt chỉ tiêu kế hoạch (66%)`: a sentence's word, result and target
                rows.setdefault((r["path"], r["line"], r["entity"] or "", r["sentence"]), []).append(r)
        for key in sorted(rows):
            cells = rows[key]
            labels = [r for r in cells if r["role"] == "evaluation" and r["label"]]
            # (a sentence's words each judge the result just before them: `tổng thu đạt 101,2%
            # dự toán (Vượt); thu nội địa đạt 99,9% dự toán (Không đạt)`)
            for label in labels if cells[0]["block"] != "table_row" else labels[:1]:
                yield self._label(rule, ctx, cells, label)
        yield from self._group_labels(rule, ctx, rows)

    def _group_labels(self, rule, ctx: Context, rows: dict[tuple, list[dict]]) -> Results:
        """`Mục tiêu | Thực hiện | Đánh giá` repeated under each province's group heading: a
        word whose group's cells were read with no province (the caption names another) judges
        the target and result between it and the word before it in its row."""
        lines: dict[tuple, list[dict]] = {}
        for key, cells in rows.items():
            if cells and cells[0]["block"] == "table_row":
                lines.setdefault((cells[0]["path"], cells[0]["line"]), []).extend(cells)
        for key in sorted(lines):
            cells = sorted(lines[key], key=lambda r: r["column"])
            words = [r for r in cells if r["role"] == "evaluation" and r["label"]]
            if len(words) < 2 or len({w["column"] for w in words}) != len(words):
                continue
            start = -1
            # (a figure of no province in the row: its words were judged already, with them)
            bare_row = any(not r["entity"] for r in cells if r["role"] in ("target", "actual") and r["lo"] is not None)
            for word in words:
                group = [r for r in cells if start < r["column"] < word["column"]]
                start = word["column"]
                if not word["entity"] and not bare_row:
                    # `Tỉnh A - NQ | Tỉnh A - TH | Đánh giá`: a bare word column judges the pair
                    # before it, when that pair is all of one province.
                    pair = [r for r in group if r["role"] in ("target", "actual") and r["lo"] is not None]
                    if pair and len({r["entity"] for r in pair}) == 1:
                        word = dict(word, entity=pair[0]["entity"])
                        yield self._label(rule, ctx, group + [word], word)
                    continue
                if not word["entity"] or all(r["entity"] == word["entity"] for r in group):
                    continue  # (judged already, with the cells of its province or of none)
                if any(r["entity"] and r["entity"] != word["entity"] for r in group):
                    continue  # (cells said to be of another province: no guess)
                group = [dict(r, entity=word["entity"]) for r in group]
                yield self._label(rule, ctx, group + [word], word)

    def _label(self, rule, ctx: Context, cells: list[dict], label: dict) -> Result:
        """One table row's evaluation word against its target and result."""
        targets = [r for r in cells if r["role"] == "target" and r["lo"] is not None]
        results = [r for r in cells if r["role"] == "actual" and r["lo"] is not None]
        if label["block"] != "table_row":
            # `ước đạt 7,8%, vượt kế hoạch (7,5%); trong đó … tăng 4,6%, …`: the word judges the
            # result just before it against the target just after it, not the sentence's others.
            after = [r for r in targets if r["column"] > label["column"]][:1]
            if after:
                before = [r for r in results if r["column"] < label["column"]]
                results = before[-1:]
                targets = after
                if results and results[0]["unit"] != targets[0]["unit"] \
                        and _ref(results[0].get("restates")) is not None:
                    # `274/380 xã …, chiếm 72,1%, vượt kế hoạch (270 xã)`: a target in a count judges
                    # the count the share restates, not the share.
                    results = [r for r in before if r["id"] == _ref(results[0]["restates"])]
            else:
                # `ước 4.350 triệu USD, bằng 96,7% kế hoạch (4.500 triệu USD): Vượt.`: a word after
                # its target judges that target and the last result in its unit before it.
                # (`chỉ tiêu 80%, thực hiện 78,5% - Đạt`: a result between them comes first)
                targets = [r for r in targets if r["column"] < label["column"]][-1:]
                results = ([r for r in results if targets[0]["column"] < r["column"] < label["column"]
                            and r["unit"] == targets[0]["unit"]][-1:]
                           or [r for r in results if r["column"] < targets[0]["column"]
                               and r["unit"] == targets[0]["unit"]][-1:]) if targets \
                    else [r for r in results if r["column"] < label["column"]][-1:]
        says = self.LABEL_SAYS.get(label["label"])
        if label["block"] != "table_row" and not targets and len(results) == 1 \
                and results[0]["measure"] == "plan_share" and results[0]["unit"] == "percent":
            return self._share_of_plan(rule, results[0], label, says)
        pairs = [(t, a) for t in targets for a in results if t["unit"] == a["unit"] and t["indicator"]
                 and t["indicator"] == a["indicator"]]
        if not pairs and label["block"] == "table_row" and label["indicator"]:
            # `Diện tích trồng rừng mới | ha`: the cells read no indicator (a yearly area in plain
            # hectares), but the row label names the one the word judges, and so its direction.
            # (cells with no unit of their own share the row's, told in its label: `Tỷ lệ … (%)`)
            pairs = [(t, a) for t in targets for a in results if t["unit"] == a["unit"]
                     and not t["indicator"] and not a["indicator"]]
        labelled = "none"
        if not pairs and label["block"] == "table_row" and not label["indicator"]:
            # `Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | ≥ 95 | 97,8 | Không đạt`: a row the catalog
            # does not name, whose one-sided target says itself which way is better, or whose
            # label does (`Sản lượng bia | triệu lít | 56,0 | 55,1 | Vượt`).  Cells of one row
            # with no unit of their own (`Tỷ lệ … (%) | 98,0 | 97,1`) share the label's.
            labelled = _label_direction(_row_head(ctx, label), rule.params)
            pairs = [(t, a) for t in targets for a in results if t["unit"] == a["unit"]
                     and (t["unit"] or labelled != "none") and not t["indicator"] and not a["indicator"]
                     and (_one_sided(t) or labelled != "none")]
        if len(pairs) > 1:
            # `Thực hiện 2024 | Kế hoạch 2025 | Ước thực hiện 2025 | Đánh giá | Kế hoạch 2026`:
            # the word judges the one target and result of the same year.
            pairs = [(t, a) for t, a in pairs if t["period"] and t["period"] == a["period"]]
        if len(pairs) > 1 and label["block"] == "table_row":
            pairs = _of_plan_share(cells, pairs)
        elif len(pairs) == 1 and len(results) > 1 and label["block"] == "table_row" \
                and sum(r["role"] == "plan_share" and r["lo"] is not None for r in cells) == 1 \
                and not _of_plan_share(cells, pairs):
            # `Kế hoạch | Thực hiện 9 tháng | Ước cả năm | Ước so với kế hoạch (%)`: the year's
            # pair, but the row's share of plan is the quotient of neither: the row is at odds
            # with itself, and which figure the word was written against is unknown
            return NOT_APPLICABLE
        if says is None or len(pairs) != 1:
            return NOT_APPLICABLE
        target, result = pairs[0]
        key = target["indicator"] or label["indicator"]
        ind = ctx.catalog.indicators[key] if key else None
        direction = _direction(ctx.catalog, ind) if ind is not None else labelled
        if direction == "higher" and not target["indicator"] and _may_aim_lower(label["row_label"], rule.params):
            return NOT_APPLICABLE  # (`Số vụ tai nạn` read as the reduction's indicator: its own words aim lower)
        verdict, direction = judge_exact(target, result["interval"], direction)
        if verdict == "unsure" or verdict == says:
            return PASS
        said = {"lower": N_("lower is better"), "none": N_("within the target")}.get(direction, N_("higher is better"))
        return _marked_wrongly(rule, key, target, [target, result, label], words.fig(0), said, verdict)

    def _share_of_plan(self, rule, result: dict, label: dict, says: str | None) -> Result:
        """`đạt 89,2% dự toán (Vượt)`: the word judges the share against the whole plan, 100%:
        reached from 100% up, whichever way the indicator is better (the share says so)."""
        if says is None:
            return NOT_APPLICABLE
        verdict = judge(Interval.point(100.0), result["interval"], True)
        if verdict == "unsure" or verdict == says:
            return PASS
        return _marked_wrongly(rule, result["indicator"], result, [result, label],
                               words.quantity(Interval.point(100.0), digits=0, unit="%"), N_("higher is better"), verdict)

    def _margins(self, rule, ctx: Context) -> Results:
        recs = [r for r in ctx.records if r["kind"] in ("statistic", "range") and r["lo"] is not None]
        first = _first_percent_rows(recs)
        for m in [r for r in recs if r["role"] == "margin"]:
            # The first target and result of the margin's indicator, province and period in
            # percent; a result on the margin's own line comes before any other.
            key = (m["indicator"], m["entity"], m["period"])
            target = first.get(("target", *key))
            result = first.get(("actual", *key, m["path"], m["line"])) or first.get(("actual", *key))
            if target is None or result is None:
                yield NOT_APPLICABLE
                continue
            computed = result["interval"] - exact_target(target)
            stated = m["interval"]
            if stated.overlaps(computed):
                yield PASS
                continue
            args = {"subject": words.subject(m["indicator"], m["entity"], m["period"]),
                    "indicator": words.indicator(m["indicator"]), "entity": words.entity(m["entity"]),
                    "period": words.period(m["period"]), "label": "", "result": words.fig(0), "target": words.fig(1),
                    "stated": words.fig(2),
                    "expected": words.quantity(computed, like=m, digits=max(words.written_digits(m["text"]), 1))}
            yield fail(blame(rule, ctx, [result, target, m], args, stated.mid - computed.mid,
                             N_("{result} − {target} = {expected}, stated {stated}")))


def _direction(catalog, ind) -> str:
    """The direction a word judges a result in: the indicator's, else, for a part with none of
    its own (`Thu tiền sử dụng đất`, an item of the revenue), the direction of the whole it
    lies within, in the same unit (more revenue is better, whichever item brings it)."""
    seen = set()
    while ind is not None and ind.direction == "none" and ind.within and ind.id not in seen:
        seen.add(ind.id)
        whole = catalog.indicators.get(ind.within)
        if whole is None or whole.unit != ind.unit:
            return "none"
        ind = whole
    return ind.direction if ind is not None else "none"


def _marked_wrongly(rule, key, of: dict, figures: list[dict], target, direction: str, verdict: str) -> Result:
    """The finding of an evaluation word (last of `figures`, after the result it judges) that
    says the opposite of `verdict`: the subject is `of`'s, the target as given (a figure's
    words, or 100% for a share of plan)."""
    n = len(figures) - 1
    args = {"subject": words.subject(key, of["entity"], of["period"]), "indicator": words.indicator(key),
            "entity": words.entity(of["entity"]), "period": words.period(of["period"]), "target": target,
            "result": words.fig(n - 1), "label": words.fig(n), "stated": words.fig(n), "direction": words.word(direction),
            "expected": words.word(N_("met (Đạt, Vượt)") if verdict == "met" else N_("not met (Không đạt)"))}
    why = (N_("result {result} against target {target} ({direction}): reached, but marked '{label}'")
           if verdict == "met" else
           N_("result {result} against target {target} ({direction}): not reached, but marked '{label}'"))
    return fail(finding(rule, figures, n, args, None, why))


def _label_direction(label: str, params: VerdictParams) -> str:
    """`higher` where a row label the catalog does not name says more is its aim: it opens
    with a head of `higher_heads` and holds no word of `not_higher`; else `none` (no guess)."""
    text = _words(label)
    opens = any(text.startswith(" " + h + " ") for h in params.higher_heads)
    return "higher" if opens and not _may_aim_lower(label, params) else "none"


# Words that, beside a province's name, leave a row label naming the place only.
PLACE_WORDS = "khu vực địa bàn tỉnh thành phố cũ trước sau hợp nhất sáp nhập sắp xếp mới"


def _row_head(ctx: Context, label: dict) -> str:
    """The words a row's word is judged under: its own label, or for a row named by a place
    only (`| c | Khu vực Đắk Nông (cũ) | tỷ đồng | …`) the label of the nearest row above it
    in its table that no place names (`| 5 | Tổng thu từ khách du lịch | …`)."""
    own = label["row_label"] or ""
    entity = ctx.catalog.entities.get(label["entity"]) if label["entity"] else None
    place = set(PLACE_WORDS.split()) | {w for a in (entity.aliases if entity else ()) for w in _words(a).split()}
    if entity is None or not str(label.get("entity_reason") or "").startswith("row label") \
            or not set(_words(own).split()) <= place:
        return own
    rows = ctx.once("verdict: table rows", _table_rows)
    above = [r for r in rows.get((label["path"], label["table"]), ()) if r["line"] < label["line"]]
    for r in reversed(above):
        if not str(r.get("entity_reason") or "").startswith("row label"):
            return r["row_label"] or ""
    return own


def _table_rows(ctx: Context) -> dict[tuple, list[dict]]:
    """One record per table row (its first), by (path, table), in line order."""
    rows: dict[tuple, dict[int, dict]] = {}
    for r in ctx.records:
        if r["block"] == "table_row" and r["table"] is not None:
            rows.setdefault((r["path"], r["table"]), {}).setdefault(r["line"], r)
    return {k: [v[line] for line in sorted(v)] for k, v in rows.items()}


def _may_aim_lower(label: str, params: VerdictParams) -> bool:
    """Whether a row label holds a word of a harm, cost or shortfall (`not_higher`)."""
    text = _words(label)
    return any(" " + w + " " in text for w in params.not_higher)


def _words(label: str) -> str:
    return " " + " ".join(LABEL_WORD_RE.findall((label or "").lower())) + " "


def _of_plan_share(cells: list[dict], pairs: list[tuple[dict, dict]]) -> list[tuple[dict, dict]]:
    """`Kế hoạch | Thực hiện 9 tháng | Ước cả năm | Ước so với kế hoạch (%) | Đánh giá`: of two
    results of one year, the word judges the one the row's share of plan is taken of."""
    shares = [r for r in cells if r["role"] == "plan_share" and r["lo"] is not None]
    linked = {(_ref(r["of_base"]), _ref(r["of_result"])) for r in shares}
    kept = [(t, a) for t, a in pairs if (t["id"], a["id"]) in linked]
    if kept or len(shares) != 1:
        return kept
    # (the share not linked to its figures: the one pair it is the quotient of, to its precision)
    share = shares[0]["interval"]
    return [(t, a) for t, a in pairs if t["lo"] > 0 and share.overlaps(
        Interval(100 * a["lo"] / t["hi"], 100 * a["hi"] / t["lo"], False, False))]


def _ref(value) -> int | None:
    """A record's reference to another record's id (None or NaN where it has none)."""
    return None if value is None or value != value else int(value)


def _one_sided(target: dict) -> bool:
    """A target bounded on one side only (`≥ 95`, `Dưới 19,5`): a floor or a ceiling."""
    exact = exact_target(target)
    return (exact.lo == float("-inf")) != (exact.hi == float("inf"))


def _first_percent_rows(recs: list[dict]) -> dict[tuple, dict]:
    """The first target and result in percent of each (indicator, province, period), and
    the first result of each line too: each margin looks its figures up here."""
    first: dict[tuple, dict] = {}
    for r in recs:
        if r["unit"] == "percent" and r["role"] in ("target", "actual"):
            key = (r["role"], r["indicator"], r["entity"], r["period"])
            first.setdefault(key, r)
            if r["role"] == "actual":
                first.setdefault((*key, r["path"], r["line"]), r)
    return first
