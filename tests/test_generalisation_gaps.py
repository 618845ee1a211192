"""Relations between figures that the devset drafts left open, in short drafts of our own:
a `trong đó` list naming every kind of a whole adds up to it, and a part with an indicator
of its own is a merged province's total like any other."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text

HEAD = header() + "# I. KẾT QUẢ NĂM 2025\n\n"


def _findings(tmp_path, body: str):
    facts, findings, _ = run_text(tmp_path, HEAD + body + "\n")
    return facts, rules_and_texts(findings)


# `trong đó` parts that are all the kinds of a whole.

FISH = "Năm 2025, sản lượng thủy sản toàn tỉnh đạt 96,8 nghìn tấn, trong đó nuôi trồng {} nghìn tấn, khai thác 21,5 nghìn tấn."


def test_trong_do_listing_every_kind_adds_up(tmp_path):
    facts, found = _findings(tmp_path, FISH.format("75,3"))
    assert found == []
    assert not fact_row(facts, "21,5 nghìn tấn")["part_bound"]


def test_trong_do_listing_every_kind_that_falls_short_is_flagged(tmp_path):
    _, found = _findings(tmp_path, FISH.format("73,5"))
    assert found == [("PW02", ["21,5 nghìn tấn", "73,5 nghìn tấn", "96,8 nghìn tấn"])]


def test_trong_do_listing_some_kinds_still_only_bounds(tmp_path):
    body = ("Năm 2025, tổng kim ngạch xuất nhập khẩu đạt 4.820 triệu USD, trong đó xuất khẩu 2.610 triệu USD. "
            "Số khách du lịch đạt 3,4 triệu lượt, trong đó khách quốc tế 0,35 triệu lượt, khách nội địa 2,9 triệu lượt.")
    facts, found = _findings(tmp_path, body)
    assert fact_row(facts, "2.610 triệu USD")["part_bound"]
    # 0,35 + 2,9 = 3,25: the two kinds are all visitors, so 3,4 is short of them
    assert [rule for rule, _ in found] == ["PW02"]


def test_the_longest_kind_names_a_part(tmp_path):
    body = ("Năm 2025, toàn tỉnh có 812 trường học, trong đó công lập 745 trường, ngoài công lập {} trường.")
    assert _findings(tmp_path, body.format("67"))[1] == []
    assert [rule for rule, _ in _findings(tmp_path, body.format("57"))[1]] == ["PW02"]


# A part measuring something else than its total (PW01).

VISITORS = ("Năm 2025, toàn tỉnh đón 5,2 triệu lượt khách du lịch, trong đó 0,42 triệu lượt khách quốc tế.\n\n"
            "Thái Nguyên (cũ) đón 3,9 triệu lượt khách (0,30 triệu lượt khách quốc tế); Bắc Kạn (cũ) đón 1,3 triệu "
            "lượt khách ({} triệu lượt khách quốc tế).")


def test_a_part_with_its_own_indicator_is_summed_over_former_provinces(tmp_path):
    facts, found = _findings(tmp_path, VISITORS.format("0,12"))
    assert found == []
    part = fact_row(facts, "0,42 triệu lượt khách")
    assert part["part_of"] is not None and part["indicator"] != fact_row(facts, "5,2 triệu lượt khách")["indicator"]


def test_a_part_with_its_own_indicator_that_its_formers_miss_is_flagged(tmp_path):
    _, found = _findings(tmp_path, VISITORS.format("0,21"))
    assert [rule for rule, _ in found] == ["PW01"]
    assert "0,42 triệu lượt khách" in found[0][1]


# A year named in a rate's own clause, and a level reached (`còn`), under a term's heading.

TERM = header() + "# I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020 - 2025\n\n"


def _term(tmp_path, body: str):
    facts, findings, _ = run_text(tmp_path, TERM + body + "\n")
    return facts, rules_and_texts(findings)


GROWTH = ("Tăng trưởng kinh tế bình quân giai đoạn 2021 - 2025 đạt 7,2%/năm. Riêng năm 2025, tốc độ tăng trưởng "
          "GRDP đạt 8,6%, cao nhất nhiệm kỳ.\n\nTốc độ tăng trưởng GRDP năm 2025 ước đạt {}%.")


def test_a_rate_of_a_year_named_in_its_clause_is_that_years(tmp_path):
    facts, found = _term(tmp_path, GROWTH.format("8,6"))
    assert found == []
    assert fact_row(facts, "8,6%")["period"] == "2025"
    assert fact_row(facts, "7,2%/năm")["period"] == "2021-2025"


def test_a_rate_of_a_year_restated_differently_is_flagged(tmp_path):
    _, found = _term(tmp_path, GROWTH.format("8,9"))
    assert [(rule, texts) for rule, texts in found if rule == "SV01"] == [("SV01", ["8,6%", "ước đạt 8,9%"])]


def test_a_rate_until_the_terms_end_is_the_terms(tmp_path):
    facts, _ = _term(tmp_path, "Đến hết năm 2025, tốc độ tăng trưởng GRDP đạt 7,4%.")
    assert fact_row(facts, "7,4%")["period"] == "2021-2025"


POOR = ("Tỷ lệ hộ nghèo đa chiều của tỉnh cuối năm 2025 còn 1,6%; riêng tỷ lệ hộ nghèo ở vùng đồng bào dân tộc "
        "thiểu số giảm từ 17,2% năm 2020 xuống 9,8% năm 2025, bình quân giảm 1,48 điểm %/năm.\n\n"
        "# II. MỤC TIÊU NHIỆM KỲ 2025 - 2030\n\nTỷ lệ hộ nghèo giảm bình quân 0,5 - 1 điểm %/năm.")


def test_a_level_after_con_is_a_level_not_a_reduction(tmp_path):
    facts, found = _term(tmp_path, POOR)
    assert found == []
    left = fact_row(facts, "1,6%")
    assert left["indicator"] == "poverty_rate" and left["period"] == "2025"
    average = fact_row(facts, "1,48 điểm %/năm")
    assert average["indicator"] == "poverty_reduction" and average["period"] == "2021-2025"


# A People's Council resolution: articles (`Điều N.`) head its sections, lettered targets are
# statements, and an annex table may give its unit on the line above it.

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH ĐIỆN BIÊN

Điện Biên, ngày 12 tháng 12 năm 2025

NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội năm 2026

Điều 1. Kết quả thực hiện kế hoạch năm 2025

Tổng vốn đầu tư toàn xã hội ước đạt 21.400 tỷ đồng.

Điều 2. Các chỉ tiêu chủ yếu năm 2026

a) Tổng vốn đầu tư toàn xã hội đạt 24.000 tỷ đồng.
b) Tỷ lệ che phủ rừng đạt 45,5%.

PHỤ LỤC

Đơn vị: tỷ đồng

| STT | Chỉ tiêu | Ước thực hiện 2025 | Kế hoạch 2026 |
|---|---|---|---|
| 1 | Tổng vốn đầu tư toàn xã hội | 21.400 | {} |
| 2 | Tổng thu NSNN trên địa bàn | 3.150 | 3.420 |
"""


def test_articles_head_a_resolution_and_lettered_targets_are_read(tmp_path):
    facts, found, _ = run_text(tmp_path, RESOLUTION.format("24.000"), "draft.txt")
    assert rules_and_texts(found) == []
    done, planned = fact_row(facts, "ước đạt 21.400 tỷ đồng"), fact_row(facts, "24.000 tỷ đồng")
    assert (done["period"], done["role"]) == ("2025", "actual")
    assert (planned["period"], planned["role"]) == ("2026", "target")


def test_an_annex_restating_a_lettered_target_differently_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, RESOLUTION.format("25.000"), "draft.txt")
    assert rules_and_texts(found) == [("SV01", ["24.000 tỷ đồng", "25.000"])]


def test_a_tables_unit_line_gives_its_bare_cells_their_unit(tmp_path):
    facts, _, _ = run_text(tmp_path, RESOLUTION.format("24.000"), "draft.txt")
    cell = fact_row(facts, "3.420")
    assert cell["unit"] == "dong" and cell["indicator"] != "mobile_5g_coverage"


# Targets that are not levels to hold against a result.

NEXT_YEAR = header() + "# I. KẾT QUẢ NĂM 2025\n\n{}\n\n# II. MỤC TIÊU NĂM 2026\n\n{}\n"


def test_a_target_of_more_is_an_increase_not_a_level(tmp_path):
    done = "Năm 2025, toàn tỉnh có 131 xã đạt chuẩn nông thôn mới."
    facts, found, _ = run_text(tmp_path, NEXT_YEAR.format(done, "Có thêm 12 xã đạt chuẩn nông thôn mới."))
    assert rules_and_texts(found) == [] and fact_row(facts, "12 xã")["measure"] == "increase"
    _, found, _ = run_text(tmp_path, NEXT_YEAR.format(done, "Có 125 xã đạt chuẩn nông thôn mới."))
    assert [rule for rule, _ in rules_and_texts(found)] == ["TP01"]


def test_a_budget_estimate_may_lie_below_this_years_outturn(tmp_path):
    done = "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 24.310 tỷ đồng."
    plan = "Dự toán thu ngân sách nhà nước trên địa bàn năm 2026 là 22.900 tỷ đồng."
    facts, found, _ = run_text(tmp_path, NEXT_YEAR.format(done, plan))
    assert fact_row(facts, "22.900 tỷ đồng")["role"] == "target"
    assert rules_and_texts(found) == []


def test_growth_of_the_gross_product_named_in_full_is_grdp_growth(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) năm 2025 ước đạt 8,3%.\n")
    assert fact_row(facts, "ước đạt 8,3%")["indicator"] == "grdp_growth"


# A share-of-plan column: the row's result over its target of the same year.

SHARES = header() + """# I. KẾT QUẢ 9 THÁNG NĂM 2025

Đơn vị: tỷ đồng

| STT | Nội dung | Dự toán 2025 | Ước thực hiện 9 tháng 2025 | So sánh ƯTH/DT (%) | Dự toán 2026 |
|---|---|---|---|---|---|
| 1 | Thu nội địa | 8.400 | 6.216 | {} | 9.100 |

Biểu 02. Sản xuất

| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | Thực hiện 9 tháng | % so với KH |
|---|---|---|---|---|---|
| 1 | Sản lượng thủy sản | nghìn tấn | 240 | 182,4 | 76,0 |
"""


def test_a_share_of_plan_cell_agrees_with_its_row(tmp_path):
    facts, found, _ = run_text(tmp_path, SHARES.format("74,0"))
    assert rules_and_texts(found) == []
    assert fact_row(facts, "76,0")["unit"] != "tonne"  # a share, not in the row's unit
    assert fact_row(facts, "74,0")["of_result"] == fact_row(facts, "6.216")["id"]


def test_a_share_of_plan_cell_that_disagrees_with_its_row_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, SHARES.format("77,0"))
    assert rules_and_texts(found) == [("RT04", ["6.216", "77,0", "8.400"])]


# A column of the whole province beside its former provinces' columns.

BY_FORMER = header() + """# I. KẾT QUẢ NĂM 2025

Biểu 02. Một số chỉ tiêu theo địa bàn tỉnh cũ

| TT | Chỉ tiêu | Đơn vị | Thái Nguyên (cũ) | Bắc Kạn (cũ) | Toàn tỉnh |
|---|---|---|---|---|---|
| 1 | Sản lượng lúa | nghìn tấn | 412,5 | 146,3 | {} |
"""


def test_a_whole_province_column_is_the_merged_provinces(tmp_path):
    facts, found, _ = run_text(tmp_path, BY_FORMER.format("558,8"))
    assert rules_and_texts(found) == []
    assert fact_row(facts, "558,8")["entity"] == "thai_nguyen"


def test_a_whole_province_column_that_its_formers_miss_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, BY_FORMER.format("585,8"))
    assert rules_and_texts(found) == [("PW01", ["146,3", "412,5", "585,8"])]


# A budget report's sentences: the estimate's subject goes on, a base's year is the base's,
# a mark passed is a bound, and a second percentage is said of the same result.

BUDGET = header() + """# I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025

Thu ngân sách nhà nước trên địa bàn năm 2025 được giao 18.400 tỷ đồng. Ước thực hiện cả năm đạt 20.610 tỷ đồng, bằng 112,0% dự toán, tăng {}% so với thực hiện năm 2024 (18.900 tỷ đồng).

# II. ĐÁNH GIÁ CHUNG

Năm 2025, thu ngân sách nhà nước trên địa bàn ước đạt {} tỷ đồng, lần đầu vượt mốc 20 nghìn tỷ đồng.
"""


def test_a_budget_estimates_sentences_are_read_whole(tmp_path):
    facts, found, _ = run_text(tmp_path, BUDGET.format("9,0", "20.610"))
    assert rules_and_texts(found) == []
    outturn = fact_row(facts, "20.610 tỷ đồng")
    assert (outturn["indicator"], outturn["period"]) == ("budget_revenue", "2025")
    assert fact_row(facts, "9,0%")["of_result"] == outturn["id"]
    assert fact_row(facts, "vượt mốc 20 nghìn tỷ đồng")["qualifier"] == "gt"


def test_a_budget_estimate_restated_differently_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, BUDGET.format("9,0", "21.060"))
    assert [rule for rule, _ in rules_and_texts(found)] == ["SV01"]


def test_a_growth_over_last_years_outturn_that_does_not_recompute_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, BUDGET.format("6,9", "20.610"))
    assert rules_and_texts(found) == [("RT04", ["18.900 tỷ đồng", "20.610 tỷ đồng", "6,9%"])]


def test_a_part_written_rounder_than_its_total_only_bounds_it(tmp_path):
    body = "Năm 2025, sản lượng thủy sản đạt 118.437 tấn; trong đó khai thác 96.400 tấn, nuôi trồng 22.031 tấn."
    facts, found = _findings(tmp_path, body)
    assert found == [] and fact_row(facts, "22.031 tấn")["part_bound"]


# A table's unnumbered rows under a numbered one, and the prose parts they restate.

SUB_ROWS = header() + """# I. CHỈ TIÊU NĂM 2026

Tổng thu ngân sách nhà nước trên địa bàn năm 2026 đạt 9.800 tỷ đồng, trong đó thu nội địa 8.300 tỷ đồng, thu từ hoạt động xuất nhập khẩu 1.500 tỷ đồng.

Biểu 01. Chỉ tiêu chủ yếu

| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2026 |
|---|---|---|---|
| 1 | Tổng thu ngân sách nhà nước trên địa bàn | tỷ đồng | 9.800 |
| | Trong đó: Thu nội địa | tỷ đồng | 8.300 |
| | Thu từ hoạt động xuất nhập khẩu | tỷ đồng | {} |
"""


def test_an_unnumbered_row_is_a_kind_of_the_row_above(tmp_path):
    facts, found, _ = run_text(tmp_path, SUB_ROWS.format("1.500"))
    assert rules_and_texts(found) == []
    cell = facts[(facts["text"] == "8.300") & (facts["block"] == "table_row")].iloc[0]
    # (its label names a catalog line of its own: the domestic revenue)
    assert (cell["indicator"], cell["scope"]) == ("budget_revenue_domestic", "")


def test_an_unnumbered_row_restating_a_listed_part_differently_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, SUB_ROWS.format("1.700"))
    # (and the two rows under `Trong đó` now add up to more than their total: PW03)
    assert sorted(rules_and_texts(found)) == [("PW03", ["1.700", "8.300", "9.800"]), ("SV01", ["1.500 tỷ đồng", "1.700"])]


SPENDING = ("Năm 2025, tổng chi ngân sách địa phương ước thực hiện 30.520 tỷ đồng, bằng 104,2% dự toán "
            "(29.290 tỷ đồng), gồm: chi đầu tư phát triển 9.870 tỷ đồng; chi thường xuyên {} tỷ đồng; "
            "chi khác 1.240 tỷ đồng.")


def test_a_colon_list_of_amounts_split_by_semicolons_adds_up(tmp_path):
    facts, found = _findings(tmp_path, SPENDING.format("19.410"))
    assert found == []
    assert fact_row(facts, "1.240 tỷ đồng")["part_of"] == fact_row(facts, "30.520 tỷ đồng")["id"]


def test_a_colon_list_of_amounts_that_misses_its_total_is_flagged(tmp_path):
    _, found = _findings(tmp_path, SPENDING.format("19.140"))
    assert [rule for rule, _ in found] == ["PW02"]


def test_clauses_after_a_colon_in_other_units_are_no_list(tmp_path):
    body = ("Đến nay, toàn Đảng bộ có 88 đảng bộ trực thuộc, gồm: 81 đảng bộ xã, phường; 612 chi bộ cơ sở; "
            "124.300 đảng viên.")
    assert _findings(tmp_path, body)[1] == []


# An evaluation word in prose, against the target in brackets after it.

JUDGED = "Năm 2025, tỷ lệ trường học đạt chuẩn quốc gia đạt {} (Thái Nguyên cũ 81,2%; Bắc Kạn cũ 64,0%), {} mục tiêu đề ra (75%)."


def test_an_evaluation_word_that_fits_its_result_passes(tmp_path):
    facts, found = _findings(tmp_path, JUDGED.format("76,4%", "vượt"))
    assert found == []
    assert fact_row(facts, "vượt")["label"] == "exceeded"
    assert fact_row(facts, "75%")["indicator"] == fact_row(facts, "76,4%")["indicator"]


def test_an_evaluation_word_against_its_result_is_flagged(tmp_path):
    _, found = _findings(tmp_path, JUDGED.format("73,9%", "đạt"))
    assert found == [("VD01", ["73,9%", "75%", "đạt"])]


# A province's figure right after its name, inside a bracket.

PER_PROVINCE = "Trong nhiệm kỳ, toàn tỉnh giải quyết việc làm cho {} lượt lao động (Thái Nguyên 86.400; Bắc Kạn 21.300)."


def test_a_figure_after_a_bracketed_province_name_is_read(tmp_path):
    facts, found = _findings(tmp_path, PER_PROVINCE.format("107.700"))
    assert found == []
    assert fact_row(facts, "86.400")["kind"] == "statistic"


def test_a_total_its_bracketed_provinces_miss_is_flagged(tmp_path):
    _, found = _findings(tmp_path, PER_PROVINCE.format("108.700"))
    assert found == [("PW02", ["108.700 lượt", "21.300", "86.400"])]


DOCTORS = header() + """# II. MỤC TIÊU NHIỆM KỲ 2025 - 2030

Đến năm 2030 có 13 bác sĩ và 36 giường bệnh trên 1 vạn dân.

Phấn đấu đến năm 2030 đạt {} bác sĩ/vạn dân.
"""


def test_a_per_10000_ending_after_two_counts_is_both_counts(tmp_path):
    facts, found, _ = run_text(tmp_path, DOCTORS.format("13"))
    assert rules_and_texts(found) == []
    assert fact_row(facts, "13 bác sĩ")["indicator"] == "doctors_per_10k"


def test_a_count_per_10000_restated_differently_is_flagged(tmp_path):
    _, found, _ = run_text(tmp_path, DOCTORS.format("15"))
    assert [rule for rule, _ in rules_and_texts(found)] == ["SV01"]


POWER = ("Đến năm 2025, tỉnh trở thành một trung tâm năng lượng của cả nước; tổng công suất các nhà máy điện "
         "đã vận hành đạt 1.820 MW (điện mặt trời 1.300 MW, điện gió {} MW).")


def test_installed_capacity_of_the_province_after_a_national_qualifier(tmp_path):
    facts, found = _findings(tmp_path, POWER.format("520"))
    assert found == []
    total = fact_row(facts, "1.820 MW")
    assert (total["indicator"], total["entity"]) == ("power_capacity", "thai_nguyen")


def test_installed_capacity_whose_parts_miss_it_is_flagged(tmp_path):
    _, found = _findings(tmp_path, POWER.format("540"))
    assert [rule for rule, _ in found] == ["PW02"]
