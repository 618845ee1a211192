"""What keeps a big run's memory down must not change what the rules and reports see:
rows that read like dicts, records handed over to the table, lines cut only where named."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given, strategies as st

from checker.facts import COLUMNS, DraftFile, FactRow, combine, facts_table, rule_records
from checker.kinds.base import records_of
from checker.pipeline import _coverage, _some_lines
from checker.records import Coverage, Fact

LINE_PIECES = ["a", "b c", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def _facts() -> list[Fact]:
    return [Fact(id=0, path="a.md", text="12%", value=12.0, unit="percent", lo=11.95, hi=12.05, indicator="x",
                 entity="p", period="2025", role="actual"),
            Fact(id=1, path="a.md", kind="label", text="vượt", label="exceeded", part_of=0),
            Fact(id=0, path="b.md", text="7", value=7.0, lo=7.0, hi=7.0, part_of=None)]


def _as_dicts(table) -> list[dict]:
    """The rows as the plain dicts the rules used to read, blanks as None."""
    out = []
    for rec in table.to_dict("records"):
        out.append({k: None if v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("<NA>", "nan")
                    else v for k, v in rec.items()})
    return out


def test_rows_read_like_the_dicts_they_replace():
    table = facts_table(_facts())
    rows, dicts = records_of(table), _as_dicts(table)
    assert len(rows) == len(dicts) == 3
    for row, plain in zip(rows, dicts):
        assert {**row} == plain  # every column, in order, through the mapping protocol
        assert list(row) == list(plain) and len(row) == len(plain)
        for key, value in plain.items():
            assert row[key] == value and row.get(key) == value and key in row
        assert row.get("no_such_column", "d") == "d" and "no_such_column" not in row
        assert "get" not in row and row.get("keys") is None  # methods are no columns
        assert "interval" not in row  # set by the rules' Context, then read as a column
        row["interval"] = 5
        assert row["interval"] == 5 and "interval" in row and {**row}["interval"] == 5


def test_combine_hands_the_drafts_records_over():
    first, second = DraftFile("a.md", rows=_facts()[:2]), DraftFile("b.md", rows=_facts()[2:])
    table = combine([first, second])
    assert first.rows == [] and second.rows == []
    assert list(table["id"]) == [0, 1, 2]
    assert list(table["part_of"].astype("float").fillna(-1)) == [-1, 0, -1]


def test_coverage_counts_the_rules_rows():
    rows = records_of(facts_table(_facts()))
    assert _coverage(rows) == Coverage(3, 2, 1)  # a label is no statistic; b.md's figure has no indicator
    assert _coverage([]) == Coverage(0, 0, 0)


def _drafts() -> list[DraftFile]:
    rows = [FactRow(**{c: getattr(f, c) for c in COLUMNS}) for f in _facts()]
    return [DraftFile("a.md", rows=rows[:2]), DraftFile("b.md", rows=rows[2:])]


def test_rule_rows_are_the_tables_rows_without_the_table():
    expected = combine(_drafts())
    records, make_table = rule_records(drafts := _drafts())
    assert all(d.rows == [] for d in drafts)  # handed over
    assert [{**r} for r in records] == [{**r} for r in records_of(expected)]
    assert [r["id"] for r in records] == [0, 1, 2] and [r["part_of"] for r in records] == [None, 0, None]
    pd.testing.assert_frame_equal(make_table(), expected)
    records, make_table = rule_records([DraftFile("a.md", rows=_facts())])  # records, not a draft's tuples
    assert [{**r} for r in records] == [{**r} for r in records_of(facts_table(_facts()))]


@given(st.lists(st.sampled_from(LINE_PIECES), max_size=20), st.sets(st.integers(-1, 25), min_size=1, max_size=5))
def test_some_lines_are_those_splitlines_numbers(pieces, numbers):
    text = "".join(pieces)
    split = text.splitlines()
    assert _some_lines(text, numbers) == {n: split[n - 1] for n in numbers if 1 <= n <= len(split)}
