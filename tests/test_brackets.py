"""Closed brackets blanked in place (checker.resolve.brackets): the words keep their places."""

import pytest

from checker.resolve.brackets import blank_brackets


@pytest.mark.parametrize("words, blanked", [
    ("A (cũ) 1.218,4", "A      1.218,4"),
    ("tăng (A 0,96%; B 1,12%), giảm", "tăng " + " " * len("(A 0,96%; B 1,12%)") + ", giảm"),
    ("A (B (cũ) 3)", "A (B      3)"),  # (the innermost only: an outer bracket is closed by then)
    ("A (chưa đóng 3", "A (chưa đóng 3"),
])
def test_closed_brackets_are_blanked_in_place(words, blanked):
    assert blank_brackets(words) == blanked
    assert len(blank_brackets(words)) == len(words)
