"""Resolve: what each figure measures (indicator, entity, period, role), each with its
evidence, and the relations between figures.

One module per job: `clauses` (sentences and clauses), `periods` (the period grammar),
`entities`, `indicators`, `roles` (role, measure, scope), `tables`, `passage` (a prose
block read once, with its indexes), `prose` (a paragraph's figures, field by field),
`relations` (totals and parts, restatements, multiples, changes, footnote links),
`scans` (the lookups that replace a scan per figure) and `resolver` (the documents,
block by block)."""

from checker.records import Evidence, Relation, RelationKind, Resolution
from checker.records import STAT_KINDS
from checker.resolve.periods import Period, find_periods, normalise_range, period_end
from checker.resolve.resolved import Resolved
from checker.resolve.resolver import Resolver, resolve_documents

__all__ = ["STAT_KINDS", "Evidence", "Period", "Relation", "RelationKind", "Resolution", "Resolved", "Resolver",
           "find_periods", "normalise_range", "period_end", "resolve_documents"]
