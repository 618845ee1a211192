"""Late false alarms on budget and plan figures: what a budget level (`ngân sách cấp
tỉnh`, `cấp xã`) lists under it is that level's part, not the whole province's item.
Each silent case was a false alarm before its fix; each planted mismatch must still
fail.  Drafts in our own words, figures invented."""

from __future__ import annotations

from tests.conftest import alarms, figure_texts, run_text

RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 41/NQ-HĐND\tNghệ An, ngày 10 tháng 12 năm 2025\n\n"
              "NGHỊ QUYẾT\nVề dự toán ngân sách địa phương năm 2026\n\n")

LEVELS = (
    "**Điều 2. Dự toán chi ngân sách địa phương năm 2026**\n\n"
    "Tổng chi cân đối ngân sách địa phương 28.800 tỷ đồng, gồm: chi đầu tư phát triển 11.200 tỷ đồng; "
    "chi thường xuyên {all_recurrent} tỷ đồng.\n\n"
    "**Điều 3. Phân bổ ngân sách các cấp năm 2026**\n\n"
    "Ngân sách cấp tỉnh: 18.900 tỷ đồng, chiếm 58,3% tổng chi ngân sách địa phương; trong đó chi thường xuyên 8.150 tỷ đồng.\n\n"
    "Tổng chi ngân sách địa phương năm 2026 là 32.400 tỷ đồng; trong đó chi thường xuyên {again} tỷ đồng.\n")


def test_a_budget_levels_part_is_not_the_whole_provinces_item(tmp_path):
    _, findings, _ = run_text(tmp_path, RESOLUTION + LEVELS.format(all_recurrent="17.600", again="17.600"))
    assert alarms(findings) == []


def test_a_whole_item_stated_twice_apart_still_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, RESOLUTION + LEVELS.format(all_recurrent="17.600", again="16.700"))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["16.700 tỷ đồng", "17.600 tỷ đồng"]


# A plan of a part of the year (`kế hoạch 6 tháng`) is another period than the year's plan
# (`kế hoạch năm`, `dự toán năm`) a six-month result is also stated against.
HALF_YEAR = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 188/BC-UBND\tNghệ An, ngày 20 tháng 6 năm 2025\n\n"
             "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2025\n\n"
             "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
             "Dự toán năm 2025: thu ngân sách nhà nước trên địa bàn 30.000 tỷ đồng.\n\n"
             "Tổng thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 16.500 tỷ đồng, bằng {share}% dự toán năm. "
             "Giải quyết việc làm cho 21.600 lao động, đạt {jobs}% kế hoạch năm (40.000 lao động).\n\n"
             "Bảng 1. Một số chỉ tiêu chủ yếu 6 tháng đầu năm 2025\n\n"
             "| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 6 tháng | Ước thực hiện 6 tháng |\n"
             "|---|---|---|---|---|\n"
             "| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 15.000 | 16.500 |\n"
             "| 2 | Số lao động được giải quyết việc làm | người | 20.000 | 21.600 |\n")


def test_a_half_years_plan_is_not_the_years_plan(tmp_path):
    _, findings, _ = run_text(tmp_path, HALF_YEAR.format(share="55,0", jobs="54,0"))
    assert alarms(findings) == []


def test_a_share_of_the_years_plan_stated_wrong_still_fails(tmp_path):
    # 16.500 is 55,0% of the year's 30.000 (110% of the half-year's 15.000): 50,5 is wrong
    _, findings, _ = run_text(tmp_path, HALF_YEAR.format(share="50,5", jobs="54,0"))
    found = [f for f in alarms(findings) if "50,5%" in figure_texts(f)]
    assert len(found) == 1 and "30.000 tỷ đồng" in figure_texts(found[0])


def test_a_share_of_the_years_plan_in_brackets_stated_wrong_still_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, HALF_YEAR.format(share="55,0", jobs="45,0"))
    found = [f for f in alarms(findings) if "45,0%" in figure_texts(f)]
    assert len(found) == 1 and "40.000 lao động" in figure_texts(found[0])


# `Dự toán … năm 2025 là A. Ước thực hiện cả năm đạt B`: A is the plan (the sentence's
# subject), B the outturn; not one fact stated twice.
ESTIMATE_AND_OUTTURN = (
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH GIA LAI\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 302/BC-UBND\tGia Lai, ngày 25 tháng 11 năm 2025\n\n"
    "BÁO CÁO\nTình hình thực hiện dự toán ngân sách năm 2025\n\n"
    "Dự toán thu ngân sách nhà nước trên địa bàn năm 2025 của tỉnh (do Hội đồng nhân dân tỉnh quyết định) "
    "là 12.500 tỷ đồng. Ước thực hiện cả năm đạt 13.000 tỷ đồng, bằng {share}% dự toán.\n")


def test_an_estimate_and_its_outturn_are_two_facts(tmp_path):
    facts, findings, _ = run_text(tmp_path, ESTIMATE_AND_OUTTURN.format(share="104,0"))
    assert alarms(findings) == []
    plan = facts[facts["text"] == "12.500 tỷ đồng"]
    assert list(plan["role"]) == ["target"]


def test_a_share_of_the_estimate_stated_wrong_still_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, ESTIMATE_AND_OUTTURN.format(share="140,0"))
    found = [f for f in alarms(findings) if "140,0%" in figure_texts(f)]
    assert len(found) == 1


# `A, bằng 112,0% dự toán năm 2025`: the year after the plan word dates the base, not A.
NEXT_YEAR_PLAN = (
    "HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH GIA LAI\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 77/NQ-HĐND\tGia Lai, ngày 9 tháng 12 năm 2025\n\n"
    "NGHỊ QUYẾT\nVề dự toán ngân sách nhà nước năm 2026\n\n"
    "**Điều 1. Tình hình thực hiện năm 2025**\n\n"
    "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 13.000 tỷ đồng.\n\n"
    "**Điều 2. Dự toán thu ngân sách nhà nước trên địa bàn năm 2026**\n\n"
    "1. Tổng thu ngân sách nhà nước trên địa bàn: 14.000 tỷ đồng, bằng 112,0% dự toán năm 2025.\n\n"
    "2. Thu ngân sách nhà nước trên địa bàn năm 2026 là {again} tỷ đồng.\n")


def test_a_plans_year_after_a_share_dates_the_base_not_the_figure(tmp_path):
    facts, findings, _ = run_text(tmp_path, NEXT_YEAR_PLAN.format(again="14.000"))
    assert alarms(findings) == []
    assert list(facts[facts["text"] == "14.000 tỷ đồng"]["period"].astype(str)) == ["2026", "2026"]


def test_next_years_plan_stated_twice_apart_still_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, NEXT_YEAR_PLAN.format(again="14.400"))
    found = [f for f in alarms(findings) if "14.400 tỷ đồng" in figure_texts(f)]
    assert len(found) == 1 and "14.000 tỷ đồng" in figure_texts(found[0])
