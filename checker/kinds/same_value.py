"""Kind `same_value`: one fact stated in several places must agree."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, replace

from checker import messages as m
from checker.i18n import N_
from checker.kinds import restated
from checker.kinds.base import (KEY, NOT_APPLICABLE, PASS, Context, Results, consensus, fail, finding, group_records,
                                 stat_records)
from checker.kinds.evidence import DocumentEntity, defaults_with_formers, stated_in_own_clause, strong_enough
from checker.kinds.params import Role
from checker.kinds.part_whole import own_indicator, part_interval, table_part
from checker.records import Evidence
from checker.text import slug

NUMBER_RE = re.compile(r"\d[\d.]*(?:,\d+)?")
WORD_RE = re.compile(r"[^\W\d_]+")
BRACKETED_RE = re.compile(r"\(.*?\)")
CLAUSE_END_RE = re.compile(r"[.;]\s")
LABEL_WORD_RE = re.compile(r"\w+")


class SameValueKey(str, enum.Enum):
    INDICATOR = "indicator"  # figures of one catalog indicator
    HEAD = "head"  # counts no catalog indicator names, by the head phrase their clause counts them by


@dataclass(frozen=True)
class SameValueParams:
    roles: tuple[Role, ...] = (Role.ACTUAL, Role.TARGET)  # the roles whose statements are compared
    # The weakest evidence each compared figure's field may rest on.  An indicator or a
    # period that only the document's defaults supply says nothing about the figure.
    indicator_evidence: Evidence = Evidence.HEADING
    entity_evidence: Evidence = Evidence.DOCUMENT
    period_evidence: Evidence = Evidence.HEADING
    role_evidence: Evidence = Evidence.DOCUMENT
    document_entity: DocumentEntity = DocumentEntity.UNLESS_FORMERS
    # Two different values of one sentence with one key mean the key lost a qualifier (a
    # sector, another base, period or province the sentence names): a writer does not state
    # one fact twice in a sentence with two values.  Compared only when each figure's field
    # is read at least at this level: by default only a data file's own columns will do.
    same_sentence_evidence: Evidence = Evidence.DATA
    key: SameValueKey = SameValueKey.INDICATOR  # what the compared figures are grouped by
    # Words of a table row's label that name a kind of its indicator (`hè thu`, `nuôi trồng`):
    # such a row is one fact with a figure elsewhere only where that figure's words say them too.
    kinds: tuple[str, ...] = ()
    # The roles in which one province's number written twice with the same digits in units a
    # power of ten apart (`68,5 tấn/ha` and `68,5 tạ/ha`) is one fact whose unit slipped.
    scale_slip_roles: tuple[Role, ...] = ()
    # The roles in which one province's number written twice with two adjacent digits swapped
    # (`17.855` and `17.585` doanh nghiệp), named alike, is one fact mistyped in one place.
    transposition_roles: tuple[Role, ...] = ()


class SameValue:
    """What it does: groups the figures that state the same indicator for the same province,
    period and role (and scope, share-ness and unit), and checks that their precision
    intervals overlap.

    Why it matters: reports repeat a figure in the body, footnotes, appendix and the
    resolution; a figure changed in one place and not the others is the most common
    slip in a draft.

    Example: `Bắc Kạn tăng bình quân 10,4%/năm` in the appendix and `Bắc Kạn tăng bình
    quân 10,9%/năm` in the review report: [10,35; 10,45] and [10,85; 10,95] do not
    overlap, so the rule fails.  `46%` and `trên 46%` pass: 46,2 lies in both.

    Evidence it needs (parameters `*_evidence`, `document_entity`, `same_sentence_evidence`):
    each figure's indicator and period read at least from its section heading, not only
    the document's defaults; no table row whose province is only the document's default
    where the document gives former provinces' figures for that period; and no two
    different values of one sentence (there the key has lost a qualifier the sentence
    names).  Otherwise the group is not applicable: the checker abstains rather than guess.
    A former province's value listed under a total (`72,4% (An Giang cũ 73,0%; …)`) is
    compared under that province.

    A data file's row is the official value: where the statements are evenly split and
    the data rows agree among themselves, the one draft figure that disagrees with them is
    the suspect.
    """

    Params = SameValueParams
    fields = {"subject", "indicator", "entity", "period", "role", "values", "expected"}

    def run(self, rule, ctx: Context) -> Results:
        params = rule.params
        roles = {r.value for r in params.roles}
        ambiguous = defaults_with_formers(ctx) if params.document_entity is DocumentEntity.UNLESS_FORMERS else set()
        if params.key is SameValueKey.HEAD:
            rows, keys = _head_rows(ctx, roles), ["head", *KEY[1:]]
            params = replace(params, indicator_evidence=Evidence.NONE)  # (no catalog name: the head is the key)
        else:
            rows, keys = _indicator_rows(ctx, roles), KEY
        for key, group in group_records(rows, keys):
            if len(group) < 2:
                continue
            for kept in by_stage([r for r in group if strong_enough(r, params, ambiguous)]):
                yield from self._judge(rule, ctx, params, key, kept)
        if params.scale_slip_roles:
            yield from restated.scale_slips(rule, ctx, {r.value for r in params.scale_slip_roles})
        if params.transposition_roles:
            yield from restated.transpositions(rule, ctx, {r.value for r in params.transposition_roles}, params.kinds)

    def _judge(self, rule, ctx: Context, params: SameValueParams, key: tuple, kept: list[dict]) -> Results:
        """One group of figures that may state one fact: pass, fail or not applicable."""
        if len(kept) < 2 or _sentence_conflict(kept, params.same_sentence_evidence) or _table_conflict(kept) \
                or (params.key is SameValueKey.HEAD and _one_passage(kept)) or _narrower_row(ctx, kept, params.kinds):
            yield NOT_APPLICABLE  # too weak to say these figures state one fact
            return
        group = kept
        group.sort(key=lambda r: (r["path"], r["line"], r["column"]))
        pair = _range_conflict(group)
        if pair is not None:
            # `10 - 10,5%/năm` in the text, `10,5 - 11` in the annex: the hulls of their
            # precision overlap, but a range restated states both its ends again.
            group = pair
        ivs = [r["interval"] for r in group]
        best, unique = consensus(ivs) if pair is None else ([0], False)
        if len(best) == len(ivs):
            yield PASS
            return
        agreeing = set(best)
        outside = [i for i in range(len(ivs)) if i not in agreeing]
        suspect = outside[0] if unique and len(outside) == 1 and len(best) > 1 else None
        if suspect is None:
            best, suspect = _official(group, ivs, best)
        agreed = ivs[best[0]]
        for i in best[1:]:
            agreed = agreed.intersection(ivs[i])
        ind = key[0] if params.key is SameValueKey.INDICATOR else None
        args = {"subject": m.subject(ind, key[1], key[2], key[3]), "indicator": m.indicator(ind),
                "entity": m.entity(key[1]), "period": m.period(key[2]), "role": m.role(key[3]),
                "values": m.figs(range(len(group)), "differs" if len(group) == 2 else "; ", at=True),
                "stands_for": m.items([m.items([m.fig(i), m.quantity(iv, like=r, extra=1)],
                                               " → ") for i, (r, iv) in enumerate(zip(group, ivs))], "; ")}
        if suspect is not None:
            args["expected"] = m.quantity(agreed, like=group[best[0]], extra=1)  # a range's ends need their half digit
        imbalance = None
        if suspect is not None and agreed.bounded and ivs[suspect].bounded:
            imbalance = ivs[suspect].mid - agreed.mid
        yield fail(finding(rule, group, suspect, args, imbalance,
                           N_("as written, each figure stands for: {stands_for}")))


def by_stage(group: list[dict]) -> list[list[dict]]:
    """The figures of one key by the stage their words name: `quyết toán 14.250 tỷ đồng` and
    `ước thực hiện 13.800 tỷ đồng` of one year are two facts.  Where the group names two
    stages or more, a figure whose words name none may be of either: it is left out."""
    stages = sorted({r.get("stage") or "" for r in group} - {""})
    if len(stages) < 2:
        return [group]
    return [[r for r in group if r.get("stage") == s] for s in stages]


def _indicator_rows(ctx: Context, roles: set[str]) -> list[dict]:
    """The statistics of a catalog indicator that state a fact of their own (a part listed
    under a total only where its own words name it, or a former province, or a kind)."""
    seen: set = set()
    rows = []
    for r in stat_records(ctx, ("indicator", "entity", "period", "role")):
        where = (r["path"], r["line"], r["column"])
        own = r["part_of"] is None or table_part(ctx, r)  # (a table row is a fact of its own)
        named = not own and own_indicator(ctx, r)
        if r["role"] in roles and (own or named or _former_part(ctx, r) or _kind_part(r)) \
                and where not in seen:
            seen.add(where)
            rows.append(r if own else _named_fact(ctx, r) if named else _as_own_fact(ctx, r))
    return rows


def _head_rows(ctx: Context, roles: set[str]) -> list[dict]:
    """`Toàn ngành có 2.318 bác sĩ` … `hiện nay toàn ngành có 2.381 bác sĩ`: counts no catalog
    indicator names, each in a count noun that says what is counted (`bác sĩ`, `hộ nghèo`),
    keyed by the head phrase of their clause (the noun and the words that narrow it).  Only
    prose figures of their own: no part of a list, no share, mean or change; an amount
    (`tấn`, `tỷ đồng`) names no thing counted, so its head (`sản lượng`) may be of any crop."""
    counts = ctx.catalog.units.count_units
    return [r for r in stat_records(ctx, ("head", "entity", "period", "role"))
            if r["indicator"] is None and r["head"] and r["unit"] in counts and r["role"] in roles and r["part_of"] is None
            and r["block"] == "paragraph" and not r["measure"] and r["kind"] == "statistic"]


def _one_passage(group: list[dict]) -> bool:
    """Two counts of one head in one paragraph count different things the words between
    them tell apart (`sửa chữa 1.477 căn …, trong đó sửa chữa 5.762 căn …`): only counts in
    separate paragraphs restate one fact."""
    where = [(r["path"], r["line"]) for r in group]
    return len(set(where)) < len(where)


def _former_part(ctx: Context, row: dict) -> bool:
    """A part listed under a total is a fact of its own when its own clause names a former
    province other than the total's (`(An Giang cũ 73,0%; …)`): the appendix may restate
    it.  Parts of one province by kind (`xây mới …, sửa chữa …`) share their total's key
    but for a label; a part named by a name the merged province shares is unclear."""
    entity = ctx.catalog.entities.get(row["entity"])
    total = ctx.by_id.get(int(row["part_of"]))
    # (a former province other than its total's is read from the part's own words, in its
    # clause or in its label under the total: `(Lào Cai cũ 11,2%/năm; Yên Bái cũ 9,6%/năm)`)
    return (entity is not None and entity.level == "former"
            and row["entity_evidence"] in (Evidence.CLAUSE.value, Evidence.RELATION.value)
            and total is not None and total["entity"] != row["entity"])


def _kind_part(row: dict) -> bool:
    """`trong đó thu nội địa 16.800 tỷ đồng`: a part its label names as a kind of its total
    (its scope) is a fact of its own, which a table row of that kind may restate."""
    return bool(row["scope"])


def _named_fact(ctx: Context, row: dict) -> dict:
    """`…, gồm: chi thường xuyên 41.920 tỷ đồng`: a part whose own clause names its indicator
    is that indicator's fact, without the scope its label's words (the name) gave it."""
    ind = ctx.catalog.indicators[row["indicator"]]
    words = {w for name in (ind.name, *ind.aliases) for w in slug(name).split("_")}
    return {**row, "scope": "" if set(row["scope"].split("_")) <= words else row["scope"]}


def _as_own_fact(ctx: Context, row: dict) -> dict:
    """A former province's part as a fact of its own: in its total's terms (a bare `13,2`
    after `12,0 bác sĩ/vạn dân` is per 10.000 people) and without its label-only scope."""
    total = ctx.by_id[int(row["part_of"])]
    return {**row, "scope": _own_scope(ctx, row), "interval": part_interval(total, row)}


def _own_scope(ctx: Context, row: dict) -> str:
    """A part's scope, unless it is only the label that names its province (`Ninh Thuận cũ`)."""
    entity = row["entity"]  # (its names slugged once a run, not once for each of its parts)
    names = ctx.once(("alias_slugs", entity), lambda c: {slug(a) for a in c.catalog.entities[entity].aliases})
    return "" if any(row["scope"] in (n, n + "_cu") for n in names) else row["scope"]


def _sentence_conflict(group: list[dict], weakest: Evidence) -> bool:
    """Whether two figures of one sentence disagree although one of them does not read its
    indicator, province and period at `weakest`: the sentence then tells apart what the key
    does not."""
    by_sentence: dict[tuple, list[dict]] = {}
    for r in group:
        by_sentence.setdefault((r["path"], r["line"], r["sentence"]), []).append(r)
    for rows in by_sentence.values():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if not a["interval"].overlaps(b["interval"]) and not (
                        stated_in_own_clause(a, weakest) and stated_in_own_clause(b, weakest)):
                    return True
    return False


def _table_conflict(group: list[dict]) -> bool:
    """Whether two rows of one table disagree whose labels open alike and end differently:
    `Thu từ doanh nghiệp nhà nước trung ương` and `… địa phương`, `Chi thường xuyên` and
    `Chi thường xuyên khác` are sibling items that the key (one indicator for both) does not
    tell apart.  Labels worded apart (a target restated in other words) are compared."""
    by_table: dict[tuple, list[dict]] = {}
    for r in group:
        if r["table"] is not None and r["row_label"]:
            by_table.setdefault((r["path"], r["table"]), []).append(r)
    return any(_siblings(a["row_label"], b["row_label"]) and not a["interval"].overlaps(b["interval"])
               for rows in by_table.values() for i, a in enumerate(rows) for b in rows[i + 1:])


def _narrower_row(ctx: Context, group: list[dict], kinds: tuple[str, ...]) -> bool:
    """Whether a row whose label has words of its own beside the indicator's name (`Sản lượng
    nuôi trồng thủy sản` for the fishery output) disagrees with a figure whose own words do
    not say them (`Sản lượng khai thác …`): the label may name a narrower kind than the other
    figure's (farmed against caught fish, a season's rice against the year's), so the two
    are not shown to be one fact.  The label's own words count where it was read as the
    indicator only approximately; else its words of a kind (`kinds`: `hè thu`, `nuôi trồng`)."""
    for r in group:
        reason = str(r.get("indicator_reason") or "")
        if r["block"] != "table_row" or not reason.startswith("row label"):
            continue
        ind = ctx.catalog.indicators.get(r["indicator"])
        label = " ".join(_words(BRACKETED_RE.sub(" ", r["row_label"] or "")))
        # (the label's words beyond the names it holds whole: an alias naming more, `… khai
        # thác và nuôi trồng`, is not what the label says)
        within = [set(_words(name)) for name in ((ind.name, *ind.aliases) if ind else ())
                  if set(_words(name)) <= set(label.split())]
        extra = set(label.split()) - set().union(*within) if within else set()
        if not reason.endswith("label matched approximately"):
            extra = {w for k in kinds if f" {k} " in f" {label} " and not set(k.split()) <= set().union(*within)
                     for w in k.split()}
        if extra and any(not o["interval"].overlaps(r["interval"]) and not extra <= set(_own_words(o))
                         for o in group if o["row_label"] != r["row_label"]):
            return True
    return False


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def _own_words(r: dict) -> list[str]:
    """The words that name a figure: its row label, or its sentence up to it."""
    before = (r["context"] or "").split("⟦")[0]
    return _words((r["row_label"] or "") + " " + CLAUSE_END_RE.split(before)[-1])


def _siblings(a: str, b: str) -> bool:
    """Two different labels sharing at least their first two words."""
    wa, wb = (LABEL_WORD_RE.findall(label.lower()) for label in (a, b))
    return wa != wb and wa[:2] == wb[:2] and len(wa) >= 2 and len(wb) >= 2


def _official(group: list[dict], ivs: list, best: list[int]) -> tuple[list[int], int | None]:
    """The data rows' value decides an even split: the figures agreeing with all of them
    are the consensus, and a lone draft figure outside it is the suspect.  Otherwise the
    consensus stays `best`, with no suspect."""
    data = [i for i, r in enumerate(group) if r["block"] == "data_row"]
    if not data or len(data) == len(group):
        return best, None
    agree = [i for i in range(len(group)) if all(ivs[i].overlaps(ivs[d]) for d in data)]
    agreeing = set(agree)
    if not all(d in agreeing for d in data):
        return best, None  # the data rows disagree among themselves: no official value
    outside = [i for i in range(len(group)) if i not in agreeing]
    return (agree, outside[0]) if len(outside) == 1 else (best, None)



def _range_conflict(group: list[dict]) -> list[dict] | None:
    """The first two ranges of a group whose ends differ beyond the precision they are written
    to (`10 - 10,5` against `10,5 - 11`; `8 - 8,5` and `8,0 - 8,5` agree)."""
    ranges = [(r, ends) for r in group if r["qualifier"] == "range" and (ends := _range_ends(r)) is not None]
    for i, (a, (alo, ahi, ah)) in enumerate(ranges):
        for b, (blo, bhi, bh) in ranges[i + 1:]:
            if abs(alo - blo) > ah + bh or abs(ahi - bhi) > ah + bh:
                return [a, b]
    return None


def _range_ends(r: dict) -> tuple[float, float, float] | None:
    """A range's two ends as written, in the record's scale, and the half step of its finer
    end's last digit (`10 - 10,5`: the writer gives both ends to one decimal)."""
    numbers = NUMBER_RE.findall(r["text"])
    iv = r["interval"]
    if len(numbers) != 2 or not r["value"] or not iv.bounded:
        return None
    scale = 10 ** round(math.log10(abs(iv.mid / float(r["value"])))) if iv.mid else 1.0
    decimals = max(len(n.partition(",")[2]) for n in numbers)
    lo, hi = (float(n.replace(".", "").replace(",", ".")) * scale for n in numbers)
    return lo, hi, 0.5 * 10 ** -decimals * scale
