"""Misses of fresh blind drafts (session 9), by class: a table's total row that is not the
sum of its rows where the header gives the unit in a plan or result column's heading or
leaves the label column's heading blank.  Each fail case fails before its fix; each pass
case shows the rules stay silent on consistent text.  Drafts in our own words, figures
invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

SERVICES = (
    "# TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 9 VÀ 9 THÁNG NĂM 2025\n\n## 2. Thương mại, dịch vụ\n\n"
    "Bảng 3. Doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng\n\n"
    "| {label} | {month} | So với cùng kỳ (%) | {months} | So với cùng kỳ (%) |\n"
    "|---|---|---|---|---|\n"
    "| {total} | 6.200 | 108,1 | {sum9} | 109,4 |\n"
    "| Bán lẻ hàng hóa | 4.150 | 107,5 | 36.020 | 108,9 |\n"
    "| Dịch vụ lưu trú, ăn uống | 1.030 | 111,2 | 9.440 | 112,0 |\n"
    "| Dịch vụ khác | 1.020 | 106,3 | 8.940 | 107,7 |\n")
HEADINGS = [("Ước tháng 9/2025 (tỷ đồng)", "Ước 9 tháng năm 2025 (tỷ đồng)"),
            ("Thực hiện tháng 9 (tỷ đồng)", "Thực hiện 9 tháng (tỷ đồng)")]


@pytest.mark.parametrize("label", ["Chỉ tiêu", "", "Ngành"])
@pytest.mark.parametrize("month,months", HEADINGS)
@pytest.mark.parametrize("total", ["Tổng số", "**Tổng số**", "Tổng cộng", "Toàn tỉnh"])
def test_a_total_row_over_unnumbered_rows_with_the_unit_in_the_heading(tmp_path, label, month, months, total):
    # `| Tổng số | 6.200 | … | 54.400 |` over three rows: the month column adds up exactly, so
    # the rows are all its parts; the unit in `Ước … (tỷ đồng)` makes their cells amounts
    # (before: unitless, never summed), and a blank first heading is the rows' names (before:
    # the first amount was read as the label).
    text = SERVICES.format(label=label, month=month, months=months, total=total, sum9="54.400")
    _, findings, _ = run_text(tmp_path, header("Thái Bình") + text)
    assert alarms(findings) == []
    text = SERVICES.format(label=label, month=month, months=months, total=total, sum9="54.200")
    _, findings, _ = run_text(tmp_path, header("Thái Bình") + text)
    found = alarms(findings, "PW03")
    assert len(found) == 1 and "54.200" in figure_texts(found[0])
