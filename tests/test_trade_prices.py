"""Indicators every monthly or yearly socio-economic report states: imports, the trade
balance and the consumer price index.  An index's changes over several bases in one
sentence are several facts (silent); the same change stated twice apart must fail.
Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

REPORT = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 305/BC-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 06 tháng 10 năm 2025\n\n"
          "BÁO CÁO\nTình hình kinh tế - xã hội tháng 9 và 9 tháng năm 2025\n\n"
          "I. TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2025\n\n")

CPI = [
    "Chỉ số giá tiêu dùng (CPI) tháng 9/2025 tăng 0,27% so với tháng trước, tăng 2,64% so với tháng 12 năm trước "
    "và tăng 3,35% so với cùng tháng năm trước.\n",
    "CPI tháng 9/2025 tăng 0,27% so với tháng trước; so với tháng 12/2024 tăng 2,64%; so với cùng kỳ năm trước tăng 3,35%.\n",
    "Tháng 9/2025, chỉ số giá tiêu dùng tăng 0,27% so với tháng trước, tăng 3,35% so với cùng kỳ.\n",
]


@pytest.mark.parametrize("line", CPI)
def test_an_indexs_changes_over_several_bases_are_several_facts(tmp_path, line):
    _, findings, _ = run_text(tmp_path, REPORT + line)
    assert alarms(findings) == []


def test_a_price_change_stated_twice_apart_fails(tmp_path):
    text = REPORT + CPI[0] + "\nII. ĐÁNH GIÁ CHUNG\n\nChỉ số giá tiêu dùng tháng 9/2025 tăng 3,53% so với cùng tháng năm trước.\n"
    found = alarms(run_text(tmp_path, text)[1], "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["3,35%", "3,53%"]


TRADE = ("Kim ngạch nhập khẩu 9 tháng ước đạt 2.840 triệu USD, tăng {growth} so với cùng kỳ.\n\n"
         "Biểu 1. Một số chỉ tiêu chủ yếu 9 tháng năm 2025\n"
         "STT\tChỉ tiêu\tĐơn vị tính\tƯớc thực hiện 9 tháng\t9 tháng so với cùng kỳ (%)\n"
         "1\tKim ngạch nhập khẩu\ttriệu USD\t2.840\t108,4\n")


def test_imports_growth_agrees_with_its_table_row(tmp_path):
    assert alarms(run_text(tmp_path, REPORT + TRADE.format(growth="8,4%"))[1]) == []


def test_imports_growth_stated_apart_from_its_table_row_fails(tmp_path):
    found = alarms(run_text(tmp_path, REPORT + TRADE.format(growth="4,8%"))[1], "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["108,4", "4,8%"]
