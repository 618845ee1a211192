"""A plan's growth over a year whose plan and result both stand beside it (session 12).

A plan resolution's annex often gives, per source of funds, last year's plan, last year's
estimated outturn and next year's plan.  Prose then says `Kế hoạch năm 2026: 7.150 tỷ
đồng, tăng 10,0% so với năm 2025`: over last year's plan or over its outturn?  The words do
not say, so the checker reads the sentence the way under which it agrees (over the plan where
the growth fits it, else over the outturn) and cries wolf only when it fits neither; where
the words do say (`so với ước thực hiện năm 2025`), or where the row has no plan of that
year, it checks against the outturn."""

from __future__ import annotations

import pytest

from tests.conftest import check_files

TABLE = """
Phụ lục I. Kế hoạch vốn đầu tư công năm 2026 theo nguồn vốn

Đơn vị: tỷ đồng

| STT | Nguồn vốn | Kế hoạch 2025 | Ước giải ngân 2025 | Kế hoạch 2026 |
|---|---|---:|---:|---:|
| 1 | Vốn ngân sách địa phương | 6.500 | 5.420 | 7.150 |
| 2 | Vốn ngân sách trung ương | 3.200 | 2.870 | 3.488 |
"""

# (the same annex without last year's plan)
TABLE_NO_PLAN = """
Phụ lục I. Kế hoạch vốn đầu tư công năm 2026 theo nguồn vốn

Đơn vị: tỷ đồng

| STT | Nguồn vốn | Ước giải ngân 2025 | Kế hoạch 2026 |
|---|---|---:|---:|
| 1 | Vốn ngân sách địa phương | 5.420 | 7.150 |
| 2 | Vốn ngân sách trung ương | 2.870 | 3.488 |
"""


def _draft(province: str, sentence: str, table: str = TABLE) -> str:
    return (f"# Nghị quyết về kế hoạch đầu tư công năm 2026 của tỉnh {province}\n\n"
            f"{province}, ngày 09 tháng 12 năm 2025\n\n"
            f"## Điều 2. Kế hoạch đầu tư công năm 2026\n\n"
            f"1. Tổng kế hoạch vốn đầu tư công năm 2026 là 10.638 tỷ đồng, gồm:\n   {sentence}\n{table}")


def _rt04(tmp_path, text: str) -> list:
    report = check_files([tmp_path / "nq.md"], text)
    return [f for f in report.findings if f.rule == "RT04"]


@pytest.mark.parametrize("province, sentence", [
    # 7.150 / 6.500 = +10,0% over the plan (over the outturn 5.420 it would be +31,9%)
    ("Nghệ An", "a) Kế hoạch vốn ngân sách địa phương năm 2026: 7.150 tỷ đồng, tăng 10,0% so với năm 2025."),
    # 3.488 / 3.200 = +9,0% over the plan (over 2.870: +21,5%)
    ("Sơn La", "b) Kế hoạch vốn ngân sách trung ương năm 2026: 3.488 tỷ đồng, tăng 9,0% so với năm 2025."),
])
def test_a_plan_over_a_year_with_plan_and_outturn_is_left_alone(tmp_path, province, sentence):
    assert _rt04(tmp_path, _draft(province, sentence)) == []


@pytest.mark.parametrize("province, sentence", [
    # named base: over the estimated outturn 5.420, +31,9%, not 10,0%
    ("Nghệ An", "a) Kế hoạch vốn ngân sách địa phương năm 2026: 7.150 tỷ đồng, tăng 10,0% so với ước thực hiện năm 2025."),
])
def test_a_plan_over_a_named_outturn_is_checked(tmp_path, province, sentence):
    assert len(_rt04(tmp_path, _draft(province, sentence))) == 1


@pytest.mark.parametrize("province, sentence", [
    # over neither: +10,0% over the plan 6.500, +31,9% over the outturn 5.420
    ("Quảng Trị", "a) Kế hoạch vốn ngân sách địa phương năm 2026: 7.150 tỷ đồng, tăng 12,0% so với năm 2025."),
    # 3.488 / 3.200 = +9,0%, / 2.870 = +21,5%
    ("Sơn La", "b) Kế hoạch vốn ngân sách trung ương năm 2026: 3.488 tỷ đồng, tăng 15,0% so với năm 2025."),
])
def test_a_plan_over_neither_base_is_flagged(tmp_path, province, sentence):
    assert len(_rt04(tmp_path, _draft(province, sentence))) == 1


@pytest.mark.parametrize("province, sentence, fires", [
    # the row holds no plan of 2025: the base is the outturn, 2.870 -> 3.488 = +21,5%
    ("Thanh Hóa", "b) Kế hoạch vốn ngân sách trung ương năm 2026: 3.488 tỷ đồng, tăng 12,5% so với năm 2025.", True),
    ("Thanh Hóa", "b) Kế hoạch vốn ngân sách trung ương năm 2026: 3.488 tỷ đồng, tăng 21,5% so với năm 2025.", False),
])
def test_a_plan_over_a_row_without_last_years_plan_is_checked(tmp_path, province, sentence, fires):
    assert bool(_rt04(tmp_path, _draft(province, sentence, TABLE_NO_PLAN))) is fires
