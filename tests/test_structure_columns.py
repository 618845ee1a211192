"""A structure column that names its year (`Cơ cấu năm 2025 (%)`) holds each row's share of
the total, as `Cơ cấu (%)` does: the total row's 100,0 is no growth of the caption's
indicator, and a row's share recomputes from the table.  Drafts in our own words."""

from __future__ import annotations

from tests.conftest import rules_and_texts, run_text

DRAFT = (
    "# TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH CAO BẰNG NĂM 2025\n\n"
    "## 3. Thương mại\n\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2025 ước đạt 20.000 tỷ đồng, "
    "tăng 9,6% so với năm trước.\n\n"
    "Biểu 3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng\n"
    "Đơn vị: tỷ đồng\n\n"
    "Chỉ tiêu\tNăm 2024\tƯớc tính năm 2025\tSo với năm trước (%)\tCơ cấu năm 2025 (%)\n"
    "Tổng số\t18.248\t20.000\t109,6\t100,0\n"
    "Bán lẻ hàng hóa\t14.000\t15.400\t110,0\t77,0\n"
    "Dịch vụ lưu trú, ăn uống\t2.748\t{hotel}\t109,9\t{share}\n"
    "Dịch vụ khác\t1.500\t1.580\t105,3\t7,9\n"
)


def test_the_total_rows_hundred_is_no_growth(tmp_path):
    _, findings, _ = run_text(tmp_path, DRAFT.format(hotel="3.020", share="15,1"), "tk.txt")
    alarms = [f for f in findings if f.severity in ("error", "warning")]
    assert alarms == [], rules_and_texts(alarms)


def test_a_share_in_a_dated_structure_column_recomputes(tmp_path):
    # 3.020 / 20.000 = 15,1%; written 16,1 the share is wrong
    _, findings, _ = run_text(tmp_path, DRAFT.format(hotel="3.020", share="16,1"), "tk.txt")
    alarms = [(rule, texts) for rule, texts in rules_and_texts(findings) if "16,1" in texts]
    assert alarms, rules_and_texts(findings)
