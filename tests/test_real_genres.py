"""False alarms found on real budget reports, People's Council sessions, statistics releases
and thematic reviews, fixed as classes, each in a short draft of our own: an abbreviated place
word (`TP.`) ends no sentence; `đã bao gồm` lists some parts and `không bao gồm` none; a second
colon opens a list under a new head; a part counted in a noun its total does not name is no
part; a threshold passed (`vượt mốc 55%`) is a bound; `km²` right after its number is no
footnote marker; `riêng` sets one part apart, not a list."""

from __future__ import annotations

import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text

HALF = "# I. TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2025\n\n"
BUDGET = "# I. DỰ TOÁN NGÂN SÁCH NĂM 2026\n\n"


def _run(tmp_path, body: str, province: str = "Thái Nguyên", section: str = HALF):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


def test_an_abbreviated_city_word_keeps_the_city_in_its_clause(tmp_path):
    facts, found = _run(tmp_path, "Sáu tháng đầu năm 2025, GRDP của tỉnh tăng 10,2% so với cùng kỳ. Cùng thời "
                                  "gian, GRDP của TP. Hồ Chí Minh tăng 6,6% so với cùng kỳ.", "Phú Thọ")
    assert found == []
    assert fact_row(facts, "6,6%")["entity"] == "ho_chi_minh"
    assert fact_row(facts, "10,2%")["entity"] == "phu_tho"


SPENDING = ("Tổng chi ngân sách địa phương năm 2026 là 12.000 tỷ đồng, {} 2.100 tỷ đồng chi đầu tư phát triển "
            "và 6.300 tỷ đồng chi thường xuyên.")


@pytest.mark.parametrize("cue", ["đã bao gồm", "không bao gồm", "chưa bao gồm"])
def test_an_inclusion_or_an_exclusion_is_no_full_list_of_parts(tmp_path, cue):
    _, found = _run(tmp_path, SPENDING.format(cue), section=BUDGET)
    assert found == []


def test_a_full_list_of_parts_is_still_summed(tmp_path):
    _, found = _run(tmp_path, SPENDING.format("gồm"), section=BUDGET)
    assert found == [("PW02", ["12.000 tỷ đồng", "2.100 tỷ đồng", "6.300 tỷ đồng"])]


LEVELS = ("Tổng thu ngân sách trên địa bàn: 17.700 tỷ đồng, trong đó: cấp tỉnh: 10.000 tỷ đồng, cấp xã: {} "
          "tỷ đồng, cụ thể như sau: Thu nội địa: 16.000 tỷ đồng.")


def test_a_second_colon_opens_a_list_under_a_new_head(tmp_path):
    _, found = _run(tmp_path, LEVELS.format("7.700"), section=BUDGET)
    assert found == []


def test_the_list_before_the_new_head_is_still_summed(tmp_path):
    _, found = _run(tmp_path, LEVELS.format("7.800"), section=BUDGET)
    assert found == [("PW02", ["10.000 tỷ đồng", "17.700 tỷ đồng", "7.800 tỷ đồng"])]


COMMUNES = ("Toàn tỉnh có 145 xã, phường thuộc vùng đồng bào dân tộc thiểu số, trong đó có {} xã khu vực III, "
            "12 xã khu vực II, 74 xã khu vực I và 86 thôn đặc biệt khó khăn.")


def test_a_part_counted_in_another_noun_is_no_part(tmp_path):
    _, found = _run(tmp_path, COMMUNES.format("59"))
    assert found == []


def test_the_parts_counted_in_the_totals_noun_are_still_summed(tmp_path):
    _, found = _run(tmp_path, COMMUNES.format("60"))
    assert found == [("PW02", ["12 xã", "145 xã", "60 xã", "74 xã"])]


def test_a_noun_the_total_names_is_one_of_its_parts(tmp_path):
    _, found = _run(tmp_path, "Toàn tỉnh có 135 xã, phường, gồm 110 xã và 26 phường.")
    assert found == [("PW02", ["110 xã", "135 xã", "26 phường"])]


THRESHOLD = "Sáu tháng đầu năm 2025, 46/63 địa phương có số thu nội địa vượt mốc {}% dự toán năm."


def test_a_threshold_passed_is_a_bound_of_the_share(tmp_path):
    facts, found = _run(tmp_path, THRESHOLD.format("55"))
    assert found == []
    assert fact_row(facts, "vượt mốc 55%")["qualifier"] == "gt"


def test_a_threshold_the_share_does_not_pass_is_flagged(tmp_path):
    _, found = _run(tmp_path, THRESHOLD.format("80"))
    assert found == [("RT01", ["46/63", "vượt mốc 80%"])]


def test_a_square_unit_right_after_its_number_is_no_footnote_marker(tmp_path):
    _, found = _run(tmp_path, "Sau sắp xếp, tỉnh có diện tích tự nhiên 24.000km². Dân số toàn tỉnh là 3,9 triệu "
                              "người.\n\nTỉnh cũ có diện tích 3.194km² (gồm 1.668km² và 1.526km²).")
    assert found == []


SECTORS = ("Sáu tháng đầu năm 2025, khu vực công nghiệp - xây dựng đạt 17.400 tỷ đồng, tăng 13,3%, riêng công "
           "nghiệp đạt {} tỷ đồng; khu vực dịch vụ đạt 5.700 tỷ đồng; khu vực nông, lâm nghiệp và thủy sản "
           "đạt 2.100 tỷ đồng.")


def test_riêng_sets_one_part_apart_and_its_siblings_follow(tmp_path):
    _, found = _run(tmp_path, SECTORS.format("15.500"))
    assert found == []


def test_a_part_set_apart_above_its_total_is_flagged(tmp_path):
    _, found = _run(tmp_path, SECTORS.format("17.900"))
    assert found == [("PW02", ["17.400 tỷ đồng", "17.900 tỷ đồng"])]


ANNEX = """Phụ lục I. Cân đối thu ngân sách nhà nước năm 2026

Đơn vị: triệu đồng

| STT | Nội dung | Dự toán năm 2025 | Ước thực hiện năm 2025 | Dự toán năm 2026 |
|---|---|---|---|---|
| A | Tổng thu NSNN trên địa bàn | 17.700.000 | 18.400.000 | 19.500.000 |
| 1 | Thu tiền sử dụng đất | 5.000.000 | 5.200.000 | 5.500.000 |
"""


def test_a_budget_label_is_not_read_as_a_name_one_slip_per_syllable_away(tmp_path):
    # Folded, `thu tiền sử dụng đất` is one slip per syllable from `số đảng viên`, and `tổng
    # thu` from `phủ sóng`: no indicator is read from such a label, so no unit rule fires.
    facts, found = _run(tmp_path, ANNEX, "Nghệ An", BUDGET)
    assert found == []
    assert fact_row(facts, "5.000.000")["indicator"] != "party_members"
    assert fact_row(facts, "17.700.000")["indicator"] == "budget_revenue"  # `thu NSNN`, not `phủ sóng`


INDUSTRY = ("Giá trị sản xuất công nghiệp 6 tháng đầu năm 2025 đạt 101.800 triệu đồng, bằng 76,5% kế hoạch. "
            "Trong đó công nghiệp khai thác 4.500 triệu đồng, công nghiệp chế biến {} triệu đồng.")


def test_a_sentence_opening_trong_do_breaks_down_the_sentence_before(tmp_path):
    _, found = _run(tmp_path, INDUSTRY.format("97.300"))
    assert found == []


def test_parts_of_the_sentence_before_above_it_are_flagged(tmp_path):
    _, found = _run(tmp_path, INDUSTRY.format("98.300"))
    assert found == [("PW02", ["101.800 triệu đồng", "4.500 triệu đồng", "98.300 triệu đồng"])]


def test_a_sentence_before_with_several_totals_gives_none(tmp_path):
    _, found = _run(tmp_path, "Thu nội địa đạt 900 tỷ đồng, thu xuất nhập khẩu đạt 300 tỷ đồng. Trong đó thu tiền "
                              "sử dụng đất 950 tỷ đồng.")
    assert found == []


DELEGATES = "Đại hội có mặt 398/398 đại biểu được triệu tập. Trong đó, có 39 đại biểu đương nhiên; {} đại biểu được bầu."


def test_a_clause_opening_with_its_figure_goes_on_with_the_list(tmp_path):
    _, found = _run(tmp_path, DELEGATES.format("359"))
    assert found == []


def test_delegates_that_miss_their_total_are_flagged(tmp_path):
    _, found = _run(tmp_path, DELEGATES.format("369"))
    assert found == [("PW02", ["369 đại biểu", "39 đại biểu", "398/398 đại biểu"])]


REVENUE = ("Có 14/16 khoản thu đạt dự toán, với tổng thu ước đạt 1.070 tỷ đồng, đạt 50,2% kế hoạch; trong đó, thu "
           "cân đối ngân sách 1.060 tỷ đồng và thu quản lý qua ngân sách {} tỷ đồng.")


def test_a_bare_count_before_a_total_does_not_hide_it(tmp_path):
    _, found = _run(tmp_path, REVENUE.format("10"))
    assert found == []


def test_the_total_after_a_bare_count_is_checked(tmp_path):
    _, found = _run(tmp_path, REVENUE.format("20"))
    assert found == [("PW02", ["1.060 tỷ đồng", "20 tỷ đồng", "ước đạt 1.070 tỷ đồng"])]


DOMESTIC = ("Sáu tháng đầu năm 2025, thu nội địa đạt 2.430 tỷ đồng, bằng 28,4% dự toán Trung ương giao, tăng 75,6% "
            "so với cùng kỳ, gồm: thu thuế, phí và thu khác đạt 1.290 tỷ đồng, bằng 21,7% dự toán Trung ương giao; "
            "thu tiền sử dụng đất đạt {} tỷ đồng, bằng 43,5% dự toán Trung ương giao.")


def test_a_colon_list_after_a_total_and_its_shares_goes_on_past_a_semicolon(tmp_path):
    _, found = _run(tmp_path, DOMESTIC.format("1.140"))
    assert found == []


def test_a_colon_list_that_misses_its_total_is_flagged(tmp_path):
    _, found = _run(tmp_path, DOMESTIC.format("1.240"))
    assert found == [("PW02", ["1.240 tỷ đồng", "1.290 tỷ đồng", "2.430 tỷ đồng"])]


def test_a_semicolon_clause_about_something_else_ends_the_list(tmp_path):
    _, found = _run(tmp_path, "Sáu tháng đầu năm 2025, thu nội địa đạt 2.430 tỷ đồng, gồm: thu thuế 1.290 tỷ đồng, "
                              "thu tiền sử dụng đất 1.140 tỷ đồng; chi ngân sách địa phương đạt 5.400 tỷ đồng.")
    assert found == []


def test_a_figure_called_a_total_is_no_part(tmp_path):
    # `với` after a comma lists parts, but a figure its own words call a total (`tổng dân số`)
    # is not one of them, though people and provinces are both counted.
    _, found = _run(tmp_path, "Theo phương án, 13 tỉnh, thành phố của vùng sẽ sắp xếp còn 6 đơn vị hành chính cấp "
                              "tỉnh, với tổng dân số gần 18 triệu người.")
    assert found == []


RESOLUTION = """Điều 1. Dự toán thu ngân sách nhà nước trên địa bàn năm 2026 là 19.500 tỷ đồng.

Phụ lục I. Cân đối thu ngân sách nhà nước năm 2026

Đơn vị: triệu đồng

| STT | Nội dung | Ước thực hiện năm 2025 | Dự toán năm 2026 | So sánh (%) |
|---|---|---|---|---|
| A | Thu ngân sách nhà nước trên địa bàn | 18.400.000 | {} | 106,0 |
"""


def test_an_annex_unit_line_gives_its_bare_numbers_their_unit(tmp_path):
    facts, found = _run(tmp_path, RESOLUTION.format("19.500.000"), "Nghệ An", BUDGET)
    assert found == []
    row = fact_row(facts, "19.500.000")
    assert (row["indicator"], row["unit"], row["period"], row["role"]) == ("budget_revenue", "dong", "2026", "target")
    assert row["lo"] == pytest.approx(19_500_000 * 1e6, rel=1e-6)
    assert fact_row(facts, "106,0")["unit"] != "dong"  # a `So sánh (%)` cell keeps its own


def test_an_annex_that_restates_the_resolution_differently_is_flagged(tmp_path):
    _, found = _run(tmp_path, RESOLUTION.format("19.600.000"), "Nghệ An", BUDGET)
    # (the annex's own `So sánh (%)` no longer recomputes either: 19.600.000 / 18.400.000 = 106,5)
    assert sorted(found) == [("RT04", ["106,0", "18.400.000", "19.600.000"]), ("SV01", ["19.500 tỷ đồng", "19.600.000"])]


LEVELS_OF_BUDGET = ("Sáu tháng đầu năm 2025, thu ngân sách nhà nước trên địa bàn đạt 2.690 tỷ đồng, tăng 70% so với "
                    "cùng kỳ. Thu ngân sách địa phương đạt {} tỷ đồng, tăng 32,8% so với cùng kỳ.")


def test_local_budget_revenue_is_not_the_state_revenue_on_the_territory(tmp_path):
    facts, found = _run(tmp_path, LEVELS_OF_BUDGET.format("6.550"), "Lào Cai")
    assert found == []
    # (the local budget's revenue is a catalog indicator of its own, not a scope of the other)
    assert fact_row(facts, "6.550 tỷ đồng")["indicator"] == "local_budget_revenue"


def test_local_budget_revenue_restated_differently_is_flagged(tmp_path):
    body = LEVELS_OF_BUDGET.format("6.550") + " Riêng thu ngân sách địa phương 6 tháng đầu năm 2025 là 6.650 tỷ đồng."
    _, found = _run(tmp_path, body, "Lào Cai")
    assert ("SV01", ["6.550 tỷ đồng", "6.650 tỷ đồng"]) in found


HOUSES = ("Đến nay, toàn tỉnh đã khởi công 10.760/10.760 căn nhà cho các hộ thuộc 3 chương trình. Trong đó xây "
          "mới 7.475 căn, sửa chữa {} căn.")


def test_the_total_in_the_parts_own_noun_is_broken_down(tmp_path):
    _, found = _run(tmp_path, HOUSES.format("3.285"))
    assert found == []


def test_houses_that_miss_their_total_are_flagged(tmp_path):
    _, found = _run(tmp_path, HOUSES.format("3.385"))
    assert found == [("PW02", ["10.760/10.760 căn nhà", "3.385 căn", "7.475 căn"])]


ESTIMATES = ("Dự toán thu ngân sách nhà nước trên địa bàn năm 2025 do Trung ương giao là 15.000 tỷ đồng. Dự toán "
             "thu ngân sách nhà nước trên địa bàn năm 2025 do HĐND tỉnh giao là {} tỷ đồng. Ước thực hiện cả năm "
             "2025, thu ngân sách nhà nước trên địa bàn đạt 18.200 tỷ đồng, bằng 121,3% dự toán Trung ương giao, "
             "bằng 110,3% dự toán HĐND tỉnh giao. HĐND tỉnh điều chỉnh dự toán thu ngân sách năm 2025 tăng thêm "
             "1.500 tỷ đồng.")
ANNUAL = "# I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025\n\n"


def test_two_bodies_estimates_and_an_increment_are_not_one_fact(tmp_path):
    facts, found = _run(tmp_path, ESTIMATES.format("16.500"), "Quảng Ngãi", ANNUAL)
    assert found == []
    assert tuple(fact_row(facts, "15.000 tỷ đồng")[["role", "scope"]]) == ("target", "central_assigned")
    assert tuple(fact_row(facts, "16.500 tỷ đồng")[["role", "scope"]]) == ("target", "council_assigned")
    assert fact_row(facts, "110,3%")["role"] == "actual"  # the base before it is the figure before's
    assert fact_row(facts, "1.500 tỷ đồng")["role"] == "change"


def test_one_bodys_estimate_restated_differently_is_flagged(tmp_path):
    body = ESTIMATES.format("16.500") + (" Theo nghị quyết, dự toán thu ngân sách nhà nước trên địa bàn năm 2025 do "
                                         "HĐND tỉnh giao là 16.800 tỷ đồng.")
    _, found = _run(tmp_path, body, "Quảng Ngãi", ANNUAL)
    assert found == [("SV01", ["16.500 tỷ đồng", "16.800 tỷ đồng"])]


def test_nsnn_is_the_state_budget(tmp_path):
    body = ("Sáu tháng đầu năm 2025, tổng thu NSNN trên địa bàn đạt 2.690 tỷ đồng, tăng 70% so với cùng kỳ. Thu ngân "
            "sách nhà nước trên địa bàn 6 tháng đầu năm 2025 là {} tỷ đồng.")
    facts, found = _run(tmp_path, body.format("2.690"), "Lào Cai")
    assert found == [] and fact_row(facts, "2.690 tỷ đồng")["indicator"] == "budget_revenue"
    _, found = _run(tmp_path, body.format("2.960"), "Lào Cai")
    assert found == [("SV01", ["2.690 tỷ đồng", "2.960 tỷ đồng"])]


EXCESS = ("Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 28.400 tỷ đồng, vượt 37,8% dự toán Trung ương giao, "
          "vượt 21% dự toán HĐND tỉnh giao. Ban Kinh tế - Ngân sách thống nhất ước thu ngân sách năm 2025 đạt 28.400 "
          "tỷ đồng, bằng {}% dự toán Trung ương giao.")


def test_an_excess_over_the_plan_is_not_its_share(tmp_path):
    facts, found = _run(tmp_path, EXCESS.format("137,8"), "Gia Lai", ANNUAL)
    assert found == []
    assert fact_row(facts, "37,8%")["measure"] == "plan_excess"


def test_two_shares_of_one_plan_still_compare(tmp_path):
    _, found = _run(tmp_path, EXCESS.format("139,8"), "Gia Lai", ANNUAL)
    assert found == []  # an excess and a share are not compared (the checker abstains) ...
    body = EXCESS.format("137,8") + " Cả năm 2025, thu ngân sách đạt 28.400 tỷ đồng, bằng 139,8% dự toán Trung ương giao."
    _, found = _run(tmp_path, body, "Gia Lai", ANNUAL)
    assert ("SV01", ["137,8%", "139,8%"]) in found  # ... but two shares of one plan are


MONTHLY = ("# I. TÌNH HÌNH THÁNG 9 VÀ 9 THÁNG NĂM 2025\n\n"
           "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9 ước đạt 14.500 tỷ đồng, tăng 1,2% so với "
           "tháng trước; lũy kế 9 tháng ước đạt 130.365 tỷ đồng. Thu ngân sách tháng 9 ước đạt 1.450 tỷ đồng; lũy kế 9 "
           "tháng đạt 17.900 tỷ đồng, bằng 96,8% dự toán năm.")


def test_a_year_to_date_total_is_no_stock_of_projects(tmp_path):
    facts, found = _run(tmp_path, MONTHLY, "Nghệ An", "")
    assert found == []
    assert fact_row(facts, "ước đạt 130.365 tỷ đồng")["indicator"] != "domestic_project_capital"


MONTH_AND_YEAR_TO_DATE = ("# I. TÌNH HÌNH THÁNG 9 VÀ 9 THÁNG NĂM 2025\n\n"
                          "Kim ngạch xuất khẩu tháng 9 ước đạt 350 triệu USD; 9 tháng ước đạt {} triệu USD. Chỉ số giá "
                          "tiêu dùng tháng 9 tăng 0,42% so với tháng trước; bình quân 9 tháng tăng 3,4%.")


def test_a_month_and_the_months_to_date_are_two_periods(tmp_path):
    facts, found = _run(tmp_path, MONTH_AND_YEAR_TO_DATE.format("3.050"), "Nghệ An", "")
    assert found == []
    assert fact_row(facts, "ước đạt 350 triệu USD")["period"] == "2025-09"
    assert fact_row(facts, "ước đạt 3.050 triệu USD")["period"] == "2025-9M"
    assert fact_row(facts, "3,4%")["period"] == "2025-9M"
