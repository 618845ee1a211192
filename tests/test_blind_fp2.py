"""False alarms of the blind drafts, second round: a name that only modifies a table label's
head, and an ambiguous `mới` after a province's name.  Each class in a short draft of our own:
the case that alarmed before the fix, and one that must still be read."""

from __future__ import annotations

import pandas as pd

from tests.conftest import fact_row, header, rules_and_texts, run_text

PLAN = "# DỰ TOÁN NGÂN SÁCH NĂM 2026\n\n"


def _run(tmp_path, body: str, province: str = "Bắc Ninh", section: str = PLAN):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


# Two annexes of a budget estimate: revenue lines, then spending lines, one of them funded
# from a revenue line.  `Chi đầu tư từ nguồn thu X` spends (part of) X: it is no level of X.
REVENUE = """## Biểu 1. Dự toán thu năm 2026

*Đơn vị: tỷ đồng*

| STT | Nội dung | Dự toán 2026 |
|---|---|---:|
| A | Tổng thu ngân sách nhà nước trên địa bàn | 30.400 |
| 1 | Thu tiền sử dụng đất | 6.200 |
| 2 | Thu từ hoạt động xổ số kiến thiết | 1.150 |
| B | {deficit_label} | 640 |

"""
SPENDING = """## Biểu 2. Dự toán chi năm 2026

*Đơn vị: tỷ đồng*

| STT | Nội dung | Dự toán 2026 |
|---|---|---:|
|  | Tổng chi ngân sách địa phương | 27.900 |
| I | Chi đầu tư phát triển | 11.300 |
| 1 | {land_label} | {land} |
| 2 | Chi đầu tư từ nguồn thu xổ số kiến thiết | 980 |
| II | Chi thường xuyên | 16.600 |
"""


def _none(value) -> bool:
    return value is None or pd.isna(value)


def _budget(deficit_label="Bội chi ngân sách địa phương", land_label="Chi đầu tư từ nguồn thu tiền sử dụng đất",
            land="5.100"):
    return REVENUE.format(deficit_label=deficit_label) + SPENDING.format(land_label=land_label, land=land)


def test_spending_funded_from_a_revenue_line_is_no_level_of_that_revenue(tmp_path):
    facts, found = _run(tmp_path, _budget())
    assert found == []
    assert _none(fact_row(facts, "5.100")["indicator"])
    assert _none(fact_row(facts, "980")["indicator"])


def test_the_deficit_row_is_no_level_of_local_spending(tmp_path):
    facts, found = _run(tmp_path, _budget())
    # (the catalog may name the deficit itself; it is never the spending its name ends with)
    assert fact_row(facts, "640")["indicator"] != "budget_spending"
    assert "SV01" not in {rule for rule, _ in found}


def test_a_revenue_line_named_in_both_annexes_is_still_compared(tmp_path):
    # The same line (its name opening the label) in the second annex, with another figure.
    facts, found = _run(tmp_path, _budget(land_label="Thu tiền sử dụng đất", land="5.100"))
    assert fact_row(facts, "5.100")["indicator"] == "budget_revenue_land_use"
    assert ("SV01", ["5.100", "6.200"]) in found


def test_a_name_after_total_or_an_estimate_word_is_still_the_rows_indicator(tmp_path):
    # `Tổng …`, `Ước thực hiện …`, `Trong đó:` before a name keep it: the label's head is the name.
    table = """*Đơn vị: tỷ đồng*

| STT | Nội dung | Ước thực hiện 2025 |
|---|---|---:|
| A | Tổng thu ngân sách nhà nước trên địa bàn | 28.700 |
| 1 | Trong đó: Thu tiền sử dụng đất | 5.900 |
| B | Ước thực hiện chi ngân sách địa phương | 26.100 |
"""
    facts, _ = _run(tmp_path, table, section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "28.700")["indicator"] == "budget_revenue"
    assert fact_row(facts, "5.900")["indicator"] == "budget_revenue_land_use"
    assert fact_row(facts, "26.100")["indicator"] == "budget_spending"


def test_a_spending_line_named_before_its_source_keeps_the_spending(tmp_path):
    # `Chi đầu tư phát triển từ nguồn thu X`: the head names an indicator; the source does not.
    table = """*Đơn vị: tỷ đồng*

| STT | Nội dung | Dự toán 2026 |
|---|---|---:|
| 1 | Chi đầu tư phát triển từ nguồn thu tiền sử dụng đất | 4.800 |
"""
    facts, _ = _run(tmp_path, table)
    assert fact_row(facts, "4.800")["indicator"] == "spending_development"


# A merged province's paragraph after the merger decision names the three former provinces; then
# `Thành phố A mới có …`: the new city, or `only now has` (an adverb).  Neither says "the former A".
MERGED = ("Theo Nghị quyết của Quốc hội, Đảng bộ thành phố Cần Thơ, Đảng bộ tỉnh Sóc Trăng và Đảng bộ tỉnh "
          "Hậu Giang được hợp nhất thành Đảng bộ thành phố Cần Thơ. Thành phố Cần Thơ {cue} có diện tích tự "
          "nhiên 6.360,8 km², dân số trung bình 4.199,8 nghìn người, 103 đơn vị hành chính cấp xã.\n\n"
          "Quy mô GRDP năm 2025 đạt 330.000 tỷ đồng; trong đó Cần Thơ 125.000 tỷ đồng, Sóc Trăng 95.000 tỷ "
          "đồng, Hậu Giang 110.000 tỷ đồng. GRDP bình quân đầu người đạt 78,6 triệu đồng (Cần Thơ 64,2; Sóc "
          "Trăng 79,1; Hậu Giang 124,6 triệu đồng).")
YEAR = "# KẾT QUẢ NĂM 2025\n\n"


def test_new_after_a_name_is_no_evidence_of_the_former_province(tmp_path):
    # Read as the former Cần Thơ, 4.199,8 nghìn người × 64,2 triệu đồng ≠ 125.000 tỷ đồng alarmed (ID01).
    facts, found = _run(tmp_path, MERGED.format(cue="mới"), "Cần Thơ", YEAR)
    assert _none(fact_row(facts, "4.199,8 nghìn người")["entity"])
    assert found == []


def test_a_former_cue_after_the_name_is_still_read(tmp_path):
    facts, _ = _run(tmp_path, MERGED.format(cue="(cũ)"), "Cần Thơ", YEAR)
    assert fact_row(facts, "4.199,8 nghìn người")["entity"] == "can_tho_cu"


# Real text, round 4 (statistics releases and sector reports).  A date after `thời điểm` is no
# fraction; a grade of a standard (`mức 1`, `mức độ 2`) is no count; a change and a level are
# no total and part of each other.
STATS = "# TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 NĂM 2025\n\n"


def test_a_date_after_thoi_diem_is_no_fraction(tmp_path):
    text = "Số lao động làm việc trong các doanh nghiệp công nghiệp tại thời điểm 1/10 tăng 1,2% so với cùng kỳ."
    _, found = _run(tmp_path, text, section=STATS)
    assert found == []


def test_a_fraction_and_its_percentage_are_still_compared(tmp_path):
    _, found = _run(tmp_path, "Toàn tỉnh hoàn thành 9/10 chỉ tiêu, đạt 80%.", section=STATS)
    assert [rule for rule, _ in found] == ["RT01"]


SCHOOLS = "Trong năm học, Sở đã công nhận 20 trường đạt chuẩn quốc gia, gồm 12 trường mức 1 và {} trường mức độ 2."


def test_the_grade_of_a_standard_is_no_count(tmp_path):
    _, found = _run(tmp_path, SCHOOLS.format("8"), section=STATS)
    assert found == []


def test_schools_by_grade_that_do_not_add_up_still_alarm(tmp_path):
    _, found = _run(tmp_path, SCHOOLS.format("9"), section=STATS)
    assert found == [("PW02", ["12 trường", "20 trường", "9 trường"])]


# A region's level and its change, then a sub-region's level and change in brackets.
HARVEST = ("Vụ mùa các địa phương phía Bắc gieo cấy đạt 905,2 nghìn ha, giảm 14,8 nghìn ha (trong đó vùng "
           "đồng bằng {})")


def test_a_level_and_a_change_are_no_parts_of_a_change(tmp_path):
    _, found = _run(tmp_path, HARVEST.format("đạt 452,6 nghìn ha, giảm 9,7 nghìn ha"), section=STATS)
    assert found == []


def test_changes_listed_under_a_change_are_still_summed(tmp_path):
    text = HARVEST.format("giảm 9,7 nghìn ha, vùng trung du giảm 6,3 nghìn ha")
    _, found = _run(tmp_path, text, section=STATS)
    assert [rule for rule, _ in found] == ["PW02"]


# A `trong đó` list whose next `;` clause opens with the first item's two head words goes on.
CEREALS = "Sản lượng lương thực có hạt đạt 400,0 nghìn tấn, tăng 3,1%; trong đó, sản lượng lúa đạt 330,5 nghìn tấn, tăng 2,4%; {}."


def test_a_clause_opening_with_the_first_items_head_goes_on_with_the_list(tmp_path):
    _, found = _run(tmp_path, CEREALS.format("sản lượng ngô đạt 80,2 nghìn tấn"), section=STATS)
    assert found == [("PW02", ["330,5 nghìn tấn", "400,0 nghìn tấn", "80,2 nghìn tấn"])]


def test_the_list_adds_up_with_the_clause_that_goes_on(tmp_path):
    _, found = _run(tmp_path, CEREALS.format("sản lượng ngô đạt 69,5 nghìn tấn"), section=STATS)
    assert found == []


def test_a_clause_about_something_else_ends_the_list(tmp_path):
    _, found = _run(tmp_path, CEREALS.format("lượng phân bón sử dụng 80,2 nghìn tấn"), section=STATS)
    assert found == []


# A bracket naming, per former province, a count and an amount: the amounts are the parts of the
# total amount; the bare counts before a noun (`suất`) are not.
GIFTS = ("Dịp Tết, tỉnh tặng 9.000 suất quà cho hộ nghèo, tổng trị giá 5,4 tỷ đồng (Hưng Yên cũ 5.200 suất, "
         "{} tỷ đồng; Thái Bình cũ 3.800 suất, 2,3 tỷ đồng).")


def test_counts_beside_amounts_in_a_bracket_are_no_parts_of_the_amount(tmp_path):
    _, found = _run(tmp_path, GIFTS.format("3,1"), "Hưng Yên", "# KẾT QUẢ NĂM 2025\n\n")
    assert found == []


def test_amounts_in_such_a_bracket_still_add_up_to_the_total(tmp_path):
    _, found = _run(tmp_path, GIFTS.format("3,6"), "Hưng Yên", "# KẾT QUẢ NĂM 2025\n\n")
    assert found == [("PW02", ["2,3 tỷ đồng", "3,6 tỷ đồng", "5,4 tỷ đồng"])]


# A fraction in brackets right after a percentage restates that percentage, not the next one.
COVERAGE = ("Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 99,3%, trong đó khu vực Bắc Giang (cũ) {} "
            "(23.660/23.870), khu vực Bắc Ninh (cũ) 99,48% (20.309/20.415).")


def test_a_bracketed_fraction_restates_the_percentage_before_it(tmp_path):
    _, found = _run(tmp_path, COVERAGE.format("99,12%"), section="# KẾT QUẢ NĂM 2025\n\n")
    assert found == []


def test_a_bracketed_fraction_that_does_not_fit_the_percentage_before_it_alarms(tmp_path):
    _, found = _run(tmp_path, COVERAGE.format("97,12%"), section="# KẾT QUẢ NĂM 2025\n\n")
    assert found == [("RT01", ["23.660/23.870", "97,12%"])]
