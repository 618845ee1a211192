"""The scaling benchmark's inputs: distinct copies of a draft, the same on every run, each
still a draft of the same shape (years, list numbers and dates kept)."""

from __future__ import annotations

import importlib.util
import re

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("scale_inputs", ROOT / "benchmarks" / "scale_inputs.py")
scale_inputs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(scale_inputs)

TEXT = ("1. Năm 2025, GRDP đạt 143.125 tỷ đồng, tăng 7,35% so với năm 2020; ngày 12/6/2025 "
        "có 92 xã và 140.009 đảng viên, tỷ lệ 61,6%.\n")


def test_copies_are_distinct_and_the_same_on_every_run():
    copies = [scale_inputs.perturbed(TEXT, k) for k in range(16)]
    assert copies[0] == TEXT
    assert len(set(copies)) == 16
    assert copies == [scale_inputs.perturbed(TEXT, k) for k in range(16)]


def test_a_copy_keeps_years_list_numbers_and_dates():
    for k in range(1, 16):
        copy = scale_inputs.perturbed(TEXT, k)
        for kept in ("1. Năm 2025", "năm 2020", "12/6/2025", "92 xã"):
            assert kept in copy
        # Every measured figure keeps its shape: only its last digit may change.
        pattern = re.escape(TEXT).replace("143\\.125", r"143\.12\d").replace("7,35", r"7,3\d") \
            .replace("140\\.009", r"140\.00\d").replace("61,6", r"61,\d")
        assert re.fullmatch(pattern, copy, flags=re.S)


def test_inputs_as_one_file_or_many(tmp_path):
    one = scale_inputs.write_inputs(tmp_path / "one", 3, True)
    many = scale_inputs.write_inputs(tmp_path / "many", 3, False)
    assert len(one) == 1 and len(many) == 3
    assert one[0].read_text(encoding="utf-8") == "\n\n".join(p.read_text(encoding="utf-8") for p in many)
