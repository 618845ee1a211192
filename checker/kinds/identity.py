"""Kind `identity`: a formula over indicators holds among the facts, read with a safe evaluator."""

from __future__ import annotations

import ast
import operator

from dataclasses import dataclass

import re

from checker.i18n import _
from checker import messages as m
from checker.i18n import N_
from checker.interval import Interval
from checker.kinds.evidence import DocumentEntity, defaults_with_formers, strong_enough
from checker.kinds.base import PASS, Context, Results, blame, consensus, fail
from checker.kinds.part_whole import agreed_interval, table_part

NAME_RE = re.compile(r"([A-Za-z_]\w*)")  # an indicator id in a formula (kept by `split`)
OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class ExpressionError(ValueError):
    """A formula that is not plain arithmetic over indicator names and numbers."""


def parse_formula(text: str) -> ast.AST:
    """Parse `a * b` into a tree of + - * /, names and numbers only; anything else is refused."""
    from checker import limits

    depth = text.count("(") + sum(text.count(op) for op in "+-*/")
    if depth > limits.active().expression_depth:  # a deep tree exhausts the parser and the evaluator's stack
        raise ExpressionError(_("'{text}…' has {depth} operators and parentheses (limit {limit}: set "
                                "limits.expression-depth)").format(text=text[:40], depth=depth,
                                                                   limit=limits.active().expression_depth))
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise ExpressionError(_("cannot read '{text}': {problem}").format(text=text, problem=exc.msg)) from None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            if type(node.op) not in OPERATORS:
                raise ExpressionError(_("'{text}': only + - * / are allowed").format(text=text))
        elif not isinstance(node, (ast.Name, ast.Constant, ast.Load, ast.BinOp, *OPERATORS)):
            raise ExpressionError(_("'{text}': only indicator names, numbers and + - * / are allowed").format(text=text))
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ExpressionError(_("'{text}': constants must be numbers").format(text=text))
    return tree


def names_in(tree: ast.AST) -> list[str]:
    return sorted({n.id for n in ast.walk(tree) if isinstance(n, ast.Name)})


def evaluate(tree: ast.AST, values: dict[str, Interval]) -> Interval:
    """Interval arithmetic over the tree; never Python's eval."""
    if isinstance(tree, ast.Constant):
        return Interval.point(float(tree.value))
    if isinstance(tree, ast.Name):
        return values[tree.id]
    if isinstance(tree, ast.BinOp):
        return OPERATORS[type(tree.op)](evaluate(tree.left, values), evaluate(tree.right, values))
    raise ExpressionError("unexpected node")


@dataclass(frozen=True)
class IdentityParams:
    left: str  # a formula over indicator ids: numbers, names and + - * / only
    right: str
    # A table row's province read only from the document's default is no evidence where the
    # document gives that period's figures of its former provinces (checker/kinds/evidence.py).
    document_entity: DocumentEntity = DocumentEntity.UNLESS_FORMERS

    def problems(self, catalog) -> list[tuple[str, str]]:
        """Problems with the formulas, each with the parameter it is in."""
        problems = []
        for key in ("left", "right"):
            text = getattr(self, key)
            try:
                tree = parse_formula(text)
            except ExpressionError as exc:
                problems.append((key, _("bad expression: {problem}").format(problem=exc)))
                continue
            if catalog is not None:
                for name in names_in(tree):
                    if name not in catalog.indicators:
                        problems.append((key, _("unknown indicator '{name}' in '{text}'").format(name=name, text=text)))
        return problems


class Identity:
    """What it does: checks a definitional identity written in the rule file as two formulas
    over indicator ids (`left` and `right`), for every province, period and role where all
    its indicators are stated once.  Each figure enters with its precision interval, and the
    two sides must overlap.  Formulas are plain arithmetic read by a safe evaluator (Python's
    `ast`, never `eval`).

    Why it matters: per-head values, productivity and totals are computed in different
    offices; an identity among them catches a target or result that was changed alone.

    Example: `GRDP bình quân đầu người × dân số = GRDP`: 220 triệu đồng × 1.845,7 nghìn người
    is about 406 nghìn tỷ đồng, against a stated 361,6 nghìn tỷ: fails.
    """

    Params = IdentityParams
    fields = {"formula", "entity", "period", "role", "left", "right", "expected", "values"}

    def run(self, rule, ctx: Context) -> Results:
        left, right = parse_formula(rule.params.left), parse_formula(rule.params.right)
        names = sorted(set(names_in(left)) | set(names_in(right)))
        ambiguous = defaults_with_formers(ctx) if rule.params.document_entity is DocumentEntity.UNLESS_FORMERS \
            else set()
        groups: dict[tuple, dict[str, list[dict]]] = {}
        for r in ctx.records:
            if r["indicator"] in names and r["lo"] is not None and r["kind"] in ("statistic", "range") \
                    and r["entity"] and r["period"] and r["role"] in ("actual", "target") \
                    and not r["scope"] and not r["measure"] and (r["part_of"] is None or table_part(ctx, r)) \
                    and strong_enough(r, rule.params, ambiguous):
                groups.setdefault((r["entity"], r["period"], r["role"]), {}).setdefault(r["indicator"], []).append(r)
        for key in sorted(groups):
            group = groups[key]
            if not all(n in group for n in names):
                continue
            values, rows = {}, []
            for n in names:
                ivs = [r["interval"] for r in group[n]]
                best, _ = consensus(ivs)
                if len(best) != len(ivs):
                    break
                values[n] = agreed_interval(ivs)
                rows.append(group[n][0])
            else:
                lv, rv = evaluate(left, values), evaluate(right, values)
                if lv.overlaps(rv):
                    yield PASS
                    continue
                # Both sides in the unit and scale of the figure that states the right side alone.
                # A side that is one stated figure is shown as written; a computed one by its middle.
                right_name = rule.params.right.strip()
                like = rows[names.index(right_name)] if right_name in names else None
                digits = m.written_digits(like["text"]) if like is not None else 0
                left_q = m.quantity(Interval(lv.mid, lv.mid), like=like, digits=digits, extra=1, about=True)
                args = {"formula": formula_words(f"{rule.params.left} = {rule.params.right}"),
                        "entity": m.entity(key[0]), "period": m.period(key[1]), "role": m.role(key[2]),
                        "left": left_q, "expected": left_q,
                        "right": m.fig(names.index(right_name)) if like is not None
                        else m.quantity(Interval(rv.mid, rv.mid), digits=digits, extra=1, about=True),
                        "values": m.items([m.items([m.indicator(n), m.fig(i)], " = ") for i, n in enumerate(names)], "; ")}
                yield fail(blame(rule, ctx, rows, args, None, N_("{values}: {left} against {right}")))


def formula_words(formula: str) -> dict:
    """A formula over indicator ids as an argument that names each indicator (`×` for `*`)."""
    out = []
    for token in NAME_RE.split(formula):
        if NAME_RE.fullmatch(token):
            out.append(m.indicator(token))
        elif token:
            out.append(token.replace("*", "×").replace("/", "÷"))
    return m.items(out, "")
