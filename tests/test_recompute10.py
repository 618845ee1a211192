"""Stated derived figures that must recompute from the figures they name (session 10): a
growth against the level of the same period a year before, a share of plan, a multiple.
Each class has phrasings that must fire on a planted mismatch, the same text with correct
figures that must stay silent, and near misses that must stay silent because the evidence
is too weak.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

# --- A table's `cùng kỳ` level column, and a unit line right-aligned by tabs over it ---------

BUDGET_TABLE = (
    "BÁO CÁO\nTình hình thu ngân sách {span} năm 2025\n\n"
    "{prose}"
    "Biểu số 01\nTHU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN\n{unit_line}\n"
    "STT\tNội dung\tDự toán năm 2025\t{done} năm 2025\t{before}\tSo dự toán (%)\tSo cùng kỳ (%)\n"
    "1\tThu tiền sử dụng đất\t8.500.000\t7.948.260\t6.310.240\t93,5\t{index}\n"
    "2\tThu phí, lệ phí\t1.200.000\t1.043.500\t982.400\t87,0\t106,2\n")
SPANS = [("11 tháng", "Thực hiện 11 tháng"), ("9 tháng", "Ước thực hiện 9 tháng"), ("6 tháng", "Ước 6 tháng")]
BEFORE = ["Cùng kỳ năm 2024", "Cùng kỳ năm trước", "Thực hiện cùng kỳ năm 2024", "Cùng kỳ 2024",
          "TH cùng kỳ năm 2024"]
UNIT_LINES = ["Đơn vị: triệu đồng", "\t\t\t\tĐơn vị: triệu đồng", "\t\t\t\t\tĐVT: triệu đồng"]


def _budget(span, done, before, index, unit_line="Đơn vị: triệu đồng", prose=""):
    return BUDGET_TABLE.format(span=span, done=done, before=before, index=index, unit_line=unit_line,
                               prose=prose)


@pytest.mark.parametrize("span,done", SPANS)
@pytest.mark.parametrize("before", BEFORE)
def test_a_same_period_column_is_the_base_of_the_comparison_beside_it(tmp_path, span, done, before):
    # `Cùng kỳ năm 2024` heads the level of the same months a year before (before: its cells
    # were dropped unless the heading said `Thực hiện`), so `So cùng kỳ (%)` recomputes:
    # 7.948.260 / 6.310.240 = 126,0%.
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + _budget(span, done, before, "126,0"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + _budget(span, done, before, "121,0"), "d.txt")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "121,0" in figure_texts(found[0])


@pytest.mark.parametrize("unit_line", UNIT_LINES)
def test_a_unit_line_indented_by_tabs_opens_no_table(tmp_path, unit_line):
    # `\t\t\t\tĐơn vị: triệu đồng` (right-aligned in the source, tabs in its text) was read as a
    # table's one-cell header, and the real header as its first row: no cell was read.
    text = _budget("11 tháng", "Thực hiện 11 tháng", "Cùng kỳ năm 2024", "121,0", unit_line)
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert len(alarms(findings, "RT04")) == 1


@pytest.mark.parametrize("before", ["Cùng kỳ năm 2024", "Thực hiện cùng kỳ năm 2024"])
def test_a_same_period_level_is_not_the_whole_previous_year(tmp_path, before):
    # The text's level of all of 2024 (9.100 tỷ đồng) is no restatement of the 11 months of
    # 2024 in the table (6.310.240 triệu đồng): before, both were `2024` and SV01 fired.
    prose = "Năm 2024, thu tiền sử dụng đất đạt 9.100 tỷ đồng.\n\n"
    text = _budget("11 tháng", "Thực hiện 11 tháng", before, "126,0", prose=prose)
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert alarms(findings) == []


@pytest.mark.parametrize("before", ["Cùng kỳ năm 2023", "So cùng kỳ", "Cùng kỳ (%)"])
def test_a_same_period_heading_that_is_not_the_year_before_is_left_alone(tmp_path, before):
    # `Cùng kỳ năm 2023` beside results of 2025 is not the base of `So cùng kỳ`; `So cùng kỳ`
    # and `Cùng kỳ (%)` compare: no base, no finding.
    text = _budget("11 tháng", "Thực hiện 11 tháng", before, "121,0")
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert alarms(findings, "RT04") == []
