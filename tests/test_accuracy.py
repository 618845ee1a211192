"""Accuracy of resolution on figures of the real corpus labelled by hand (tests/labels/)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

LABELS = Path(__file__).parent / "labels" / "corpus-figures.csv"
FIELDS = ["indicator", "entity", "period", "role"]


@pytest.fixture(scope="module")
def compared(corpus_run):
    facts, _, _, _ = corpus_run
    by_place = {(int(r.line), int(r.column), r.text): r for r in facts.itertuples()}
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    out = []
    for row in rows:
        fact = by_place.get((int(row["line"]), int(row["column"]), row["text"]))
        got = {f: ("" if fact is None or pd.isna(getattr(fact, f)) else str(getattr(fact, f))) for f in FIELDS}
        out.append((row, got, fact is not None))
    return out


def test_the_sample_is_large_and_spread(compared):
    rows = [r for r, _, _ in compared]
    assert len(rows) >= 200
    kinds = {r["block"] for r in rows}
    assert {"paragraph", "list_item", "footnote", "table_row"} <= kinds
    assert all(sum(r["block"] == k for r in rows) >= 40 for k in kinds)


def test_every_labelled_figure_is_found(compared):
    assert [r["text"] for r, _, found in compared if not found] == []


@pytest.mark.parametrize("field", FIELDS)
def test_field_accuracy_is_at_least_95_percent(compared, field):
    wrong = [(r["line"], r["text"], r[field], got[field]) for r, got, _ in compared if r[field] != got[field]]
    accuracy = 1 - len(wrong) / len(compared)
    assert accuracy >= 0.95, f"{field}: {accuracy:.1%} right; wrong: {wrong[:20]}"


def test_hand_corrections_are_recorded():
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    corrected = [r for r in rows if r["note"].startswith("corrected by hand")]
    assert corrected, "the sample records where the checker was wrong"
