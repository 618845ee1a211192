"""A budget's plan (`dự toán`) is set for a year: in a part-year report, the plan a former
province's result is a share of, written in brackets with no period word, is that year's,
never the half-year's plan of the merged province.  Each silent case was a false alarm
(PW01) before its fix; the planted mismatch must still fail.  Drafts in our own words,
figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

HALF_YEAR = ("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 211/BC-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nNinh Bình, ngày 10 tháng 7 năm 2025\n\n"
             "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2025\n\n"
             "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
             "Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 19.800 tỷ đồng, bằng 52,1% dự toán năm. "
             "Trong đó, khu vực Nam Định (cũ) thu 8.200 tỷ đồng, {nam_dinh} (15.600 tỷ đồng); khu vực Hà Nam (cũ) thu "
             "5.100 tỷ đồng, đạt 54,3% dự toán (9.400 tỷ đồng); khu vực Ninh Bình (cũ) thu 6.500 tỷ đồng, đạt 50,0% "
             "dự toán ({ninh_binh} tỷ đồng).\n\n"
             "Bảng 1. Một số chỉ tiêu chủ yếu 6 tháng năm 2025\n"
             "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch 6 tháng\tƯớc thực hiện 6 tháng\n"
             "1\tThu ngân sách nhà nước trên địa bàn\ttỷ đồng\t18.500\t19.800\n\n"
             "Dự toán thu ngân sách nhà nước trên địa bàn năm 2025 của tỉnh là 38.000 tỷ đồng.\n")

LEADS = ["đạt 52,6% dự toán", "bằng 52,6% dự toán HĐND tỉnh giao", "đạt 52,6% dự toán được Hội đồng nhân dân tỉnh giao"]


@pytest.mark.parametrize("lead", LEADS)
def test_a_former_provinces_bracketed_plan_is_the_years(tmp_path, lead):
    _, findings, _ = run_text(tmp_path, HALF_YEAR.format(nam_dinh=lead, ninh_binh="13.000"))
    assert alarms(findings) == []


def test_the_years_plans_that_do_not_add_up_still_fail(tmp_path):
    _, findings, _ = run_text(tmp_path, HALF_YEAR.format(nam_dinh=LEADS[0], ninh_binh="13.900"))
    found = alarms(findings, "PW01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["13.900 tỷ đồng", "15.600 tỷ đồng",
                                                                  "38.000 tỷ đồng", "9.400 tỷ đồng"], findings
