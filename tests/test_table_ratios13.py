"""Indicator tables whose ratio columns name their two levels with a slash (session 13):
`So sánh (%) ƯTH/TH 2024`, `So sánh (%) ƯTH/KH 2025`, `Ước/KH (%)`, `TH 2025/KH 2025 (%)`.
Each cell is the row's level named on the left over the one named on the right; a wrong
cell fires, a right one is silent, and a heading that names no single pair of cells
leaves the cell unread.  Drafts in our own words."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text


def _alarms(tmp_path, body: str, province: str = "Hưng Yên") -> list[tuple[str, list[str]]]:
    _, findings, _ = run_text(tmp_path, header(province) + "# PHỤ LỤC CÁC CHỈ TIÊU CHỦ YẾU\n\n" + body + "\n")
    return [(f.rule, figure_texts(f)) for f in alarms(findings)]


def _fires_on(found, text: str) -> bool:
    return any(text in texts for _, texts in found)


ANNEX = """| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch 2025 | Ước thực hiện 2025 | So sánh (%) ƯTH/TH 2024 | So sánh (%) ƯTH/KH 2025 |
|---|---|---|---|---|---|---|---|
| 1 | Kim ngạch nhập khẩu hàng hóa | triệu USD | 8.200 | 8.800 | 9.020 | {a} | {b} |
| 2 | Số doanh nghiệp thành lập mới | doanh nghiệp | 2.400 | 2.600 | 2.550 | 106,3 | 98,1 |
"""


def test_a_wrong_cell_over_last_year_fires(tmp_path):
    # 9.020 / 8.200 = 110,0%
    found = _alarms(tmp_path, ANNEX.format(a="101,0", b="102,5"))
    assert _fires_on(found, "101,0"), found


def test_a_wrong_cell_over_the_plan_fires(tmp_path):
    # 9.020 / 8.800 = 102,5%
    found = _alarms(tmp_path, ANNEX.format(a="110,0", b="105,2"))
    assert _fires_on(found, "105,2"), found


def test_right_cells_are_silent(tmp_path):
    assert _alarms(tmp_path, ANNEX.format(a="110,0", b="102,5")) == []


SIDES = """| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Thực hiện 2025 | Kế hoạch 2026 | {h1} | {h2} |
|---|---|---|---|---|---|---|---|
| 1 | Tổng vốn đầu tư toàn xã hội | tỷ đồng | 50.000 | 52.000 | 56.000 | {a} | {b} |
"""


@pytest.mark.parametrize("h1,h2,a,b,wrong", [
    # 52.000 / 50.000 = 104,0; 56.000 / 52.000 = 107,7
    ("TH 2025/KH 2025 (%)", "KH 2026/TH 2025 (%)", "140,0", "107,7", "140,0"),
    ("TH 2025/KH 2025 (%)", "KH 2026/TH 2025 (%)", "104,0", "170,7", "170,7"),
    # a side named by its year only where its role has cells of two years
    ("Tỷ lệ TH/KH 2025 (%)", "KH 2026/KH 2025 (%)", "104,0", "121,0", "121,0"),
])
def test_each_side_named_by_role_and_year(tmp_path, h1, h2, a, b, wrong):
    found = _alarms(tmp_path, SIDES.format(h1=h1, h2=h2, a=a, b=b))
    assert _fires_on(found, wrong), found


def test_sides_named_by_role_and_year_silent_when_right(tmp_path):
    body = SIDES.format(h1="TH 2025/KH 2025 (%)", h2="KH 2026/KH 2025 (%)", a="104,0", b="112,0")
    assert _alarms(tmp_path, body) == []


def test_a_side_naming_no_single_cell_is_left_unread(tmp_path):
    # `KH/TH`: two results (2024, 2025) and no year to choose one: the cell is not reckoned
    body = """| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Thực hiện 2025 | Kế hoạch 2026 | KH/TH (%) |
|---|---|---|---|---|---|---|
| 1 | Tổng vốn đầu tư toàn xã hội | tỷ đồng | 48.000 | 52.000 | 56.000 | 150,0 |
"""
    assert _alarms(tmp_path, body) == []


# A plan table of a report part-way through the year: `Ước/KH (%)` is the year's estimate
# over the plan, not a level in the row's unit, and tells which result the verdict judges.
PLAN = """| STT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 6 tháng | Ước cả năm | Ước/KH (%) | Đánh giá |
|---|---|---|---|---|---|---|---|
| 1 | Tổng lượt khách du lịch | triệu lượt | 12,0 | 5,9 | 12,4 | 103,3 | Vượt |
| 2 | Tổng thu từ khách du lịch | tỷ đồng | 30.000 | 13.100 | {est} | {share} | {word} |
"""


def test_an_estimate_over_plan_column_is_no_level(tmp_path):
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + PLAN.format(
        est="29.100", share="97,0", word="Không đạt") + "\n")
    row = facts[facts["text"] == "103,3"].iloc[0]
    assert row["role"] != "actual" and row["unit"] != "nguoi"


def test_a_verdict_word_against_the_estimate_over_plan_fires(tmp_path):
    found = _alarms(tmp_path, PLAN.format(est="29.100", share="97,0", word="Vượt"))
    assert _fires_on(found, "Vượt"), found


def test_a_wrong_estimate_over_plan_cell_fires(tmp_path):
    found = _alarms(tmp_path, PLAN.format(est="29.100", share="79,0", word="Không đạt"))
    assert _fires_on(found, "79,0"), found


def test_a_right_plan_table_is_silent(tmp_path):
    assert _alarms(tmp_path, PLAN.format(est="29.100", share="97,0", word="Không đạt")) == []


# A plan or result column naming a part of the year without its year (`Thực hiện 9 tháng`)
# or the whole year (`Ước cả năm`) is of the year the header's other columns name.
def _report(title: str, body: str) -> str:
    return ("SỞ TÀI CHÍNH TỈNH HƯNG YÊN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHưng Yên, ngày 05 tháng 10 năm 2025"
            f"\n\nBÁO CÁO\n{title}\n\n# I. KẾT QUẢ\n\n{body}\n")


MONTHS_TABLE = """| STT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 9 tháng | Ước cả năm | Đánh giá |
|---|---|---|---|---|---|---|
| 1 | Tỷ lệ lấp đầy khu công nghiệp | % | {plan} | 58,0 | 61,5 | Vượt |
| 2 | Số doanh nghiệp đang hoạt động | doanh nghiệp | 12.300 | {coops} | 12.600 | Vượt |
"""


def test_a_months_column_is_of_the_headers_year(tmp_path):
    facts, _, _ = run_text(tmp_path, _report("Kết quả thu hút đầu tư", MONTHS_TABLE.format(plan="60,0", coops="12.480")))
    assert facts[facts["text"] == "58,0"].iloc[0]["period"] == "2025-9M"
    assert facts[facts["text"] == "61,5"].iloc[0]["period"] == "2025"


def test_a_verdict_beside_a_months_column_judges_the_years_estimate(tmp_path):
    # 61,5 against a plan of 62,0 is short of it: `Vượt` is wrong
    _, findings, _ = run_text(tmp_path, _report("Kết quả thu hút đầu tư", MONTHS_TABLE.format(plan="62,0",
                                                                                          coops="12.480")))
    assert any("Vượt" in figure_texts(f) for f in alarms(findings)), alarms(findings)


def test_a_verdict_beside_a_months_column_silent_when_right(tmp_path):
    _, findings, _ = run_text(tmp_path, _report("Kết quả thu hút đầu tư", MONTHS_TABLE.format(plan="60,0",
                                                                                          coops="12.480")))
    assert alarms(findings) == []


# `hiện có` in a report on the first months of a year is as of those months: it states the
# level its tables give under `Thực hiện 9 tháng`.
def test_a_level_now_in_a_months_report_meets_the_months_column(tmp_path):
    body = "Toàn tỉnh hiện có 12.480 doanh nghiệp đang hoạt động.\n\n" + MONTHS_TABLE.format(plan="60,0", coops="12.840")
    _, findings, _ = run_text(tmp_path, _report("Tình hình kinh tế tập thể 9 tháng năm 2025", body))
    assert any("12.840" in figure_texts(f) for f in alarms(findings)), alarms(findings)


def test_a_level_now_in_a_months_report_silent_when_equal(tmp_path):
    body = "Toàn tỉnh hiện có 12.480 doanh nghiệp đang hoạt động.\n\n" + MONTHS_TABLE.format(plan="60,0", coops="12.480")
    _, findings, _ = run_text(tmp_path, _report("Tình hình kinh tế tập thể 9 tháng năm 2025", body))
    assert alarms(findings) == []


# A heading that lists indicators and goes on with their results (`CÁC CHỈ TIÊU CHỦ YẾU THỰC
# HIỆN KẾ HOẠCH … NĂM 2025`) is over the plan and the results alike: a result said in its
# prose (`ước đạt`) is a result, and meets the table's estimate.
def test_prose_under_a_heading_of_indicators_and_results_is_a_result(tmp_path):
    body = ("## CÁC CHỈ TIÊU CHỦ YẾU THỰC HIỆN KẾ HOẠCH NĂM 2025\n\n"
            "Kim ngạch nhập khẩu hàng hóa ước đạt 9,12 tỷ USD, vượt kế hoạch.\n\n"
            + ANNEX.format(a="110,0", b="102,5"))
    facts, findings, _ = run_text(tmp_path, header("Hưng Yên") + body + "\n")
    assert facts[facts["text"].str.contains("9,12")].iloc[0]["role"] == "actual"
    assert any("9.020" in figure_texts(f) and any("9,12" in t for t in figure_texts(f))
               for f in alarms(findings)), alarms(findings)


def test_a_heading_of_targets_alone_keeps_its_role(tmp_path):
    body = ("## CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\n\nKim ngạch nhập khẩu hàng hóa đạt 9,8 tỷ USD.\n")
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + body)
    assert facts[facts["text"].str.contains("9,8")].iloc[0]["role"] == "target"


# An annex with no place-and-date line: the issuing body's line above its title names the
# province, so that the row above the former provinces' rows is the merged province's.
ANNEX_ALONE = """**ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN**

# PHỤ LỤC
## CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025

| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Ước thực hiện 2025 |
|---|---|---|---|---|
| 1 | Số doanh nghiệp thành lập mới | doanh nghiệp | 4.100 | {total} |
| | - Hưng Yên (cũ) | doanh nghiệp | 2.300 | 2.610 |
| | - Thái Bình (cũ) | doanh nghiệp | 1.800 | 1.960 |
"""


def test_an_annex_named_by_its_issuer_sums_its_former_provinces(tmp_path):
    _, findings, _ = run_text(tmp_path, ANNEX_ALONE.format(total="4.520"))
    assert any("4.520" in figure_texts(f) for f in alarms(findings)), alarms(findings)


def test_an_annex_named_by_its_issuer_silent_when_the_sum_holds(tmp_path):
    _, findings, _ = run_text(tmp_path, ANNEX_ALONE.format(total="4.570"))
    assert alarms(findings) == []


# `(tỷ trọng trong tổng kim ngạch nhập khẩu): A 28,4%; …`: percentages after the whole they
# are shares of, not the rate that whole grew at.
def test_shares_after_their_whole_are_no_growth_rate(tmp_path):
    body = ("Kim ngạch nhập khẩu hàng hóa ước đạt 9,12 tỷ USD, tăng 9,5% so với năm 2024. Thị trường nhập khẩu "
            "chủ yếu (tỷ trọng trong tổng kim ngạch nhập khẩu): Hàn Quốc 28,4%; Nhật Bản 16,2%; các thị trường "
            "khác 55,4%.\n")
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ NĂM 2025\n\n" + body)
    assert alarms(findings) == []


# `vượt P% kế hoạch` whose plan is stated elsewhere: P = 100·A/B − 100, as `bằng P% kế
# hoạch` is 100·A/B.
EXCESS = ("Ước cả năm 2025, toàn tỉnh đón 12,4 triệu lượt khách du lịch, vượt {p}% kế hoạch.\n\n"
          + PLAN.format(est="29.100", share="97,0", word="Không đạt"))


def test_a_wrong_margin_over_a_plan_stated_elsewhere_fires(tmp_path):
    found = _alarms(tmp_path, EXCESS.format(p="4,3"))
    assert _fires_on(found, "4,3%"), found


def test_a_right_margin_over_a_plan_stated_elsewhere_is_silent(tmp_path):
    assert _alarms(tmp_path, EXCESS.format(p="3,3")) == []


# `Số phòng`: a column counting a noun the units do not know, with no unit in brackets, holds
# counts of that noun (as `1.240 phòng` would in prose), so the rows are summed to the total.
ROOMS = """| STT | Địa bàn | Lượt khách (nghìn lượt) | Số phòng |
|---|---|---|---|
| 1 | Khu vực A | 820 | {a} |
| 2 | Khu vực B | 430 | 1.150 |
| 3 | Khu vực C | 250 | 640 |
| | **Toàn tỉnh** | **1.500** | **4.210** |
"""


def test_a_count_column_of_an_unknown_noun_is_summed(tmp_path):
    found = _alarms(tmp_path, ROOMS.format(a="2.240"))
    assert _fires_on(found, "4.210"), found


def test_a_count_column_of_an_unknown_noun_silent_when_it_adds_up(tmp_path):
    assert _alarms(tmp_path, ROOMS.format(a="2.420")) == []


# Domestic and international visitors add up to all visitors (ID10), for one period.
SPLIT = ("Năm 2025, tổng lượt khách du lịch ước đạt 8,40 triệu lượt; khách quốc tế ước đạt 1,20 triệu lượt; "
         "khách nội địa ước đạt {d} triệu lượt.\n")


def test_visitors_split_that_does_not_add_up_fires(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + SPLIT.format(d="7,02") + "\n")
    assert [f.rule for f in alarms(findings)] == ["ID10"], alarms(findings)


def test_visitors_split_that_adds_up_is_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + SPLIT.format(d="7,20") + "\n")
    assert alarms(findings) == []


# One site's or one area's visitors, and the part of them listed after `trong đó`, are not the
# province's: a bay (`vịnh X`), a sentence opening with an area named by its place name
# (`Khu vực Bãi Cháy …`).  Named after the whole, a total is not its part's indicator either.
SITES = ("Năm 2025, tổng lượt khách du lịch ước đạt 8,40 triệu lượt, trong đó khách quốc tế 1,20 triệu lượt. "
         "{area} tiếp tục là trung tâm du lịch của tỉnh với 3,10 triệu lượt khách, trong đó 0,62 triệu lượt "
         "khách quốc tế. Vịnh Lan Hạ đón 1,90 triệu lượt khách tham quan, trong đó 0,75 triệu lượt khách "
         "quốc tế.\n")


def test_an_areas_and_a_bays_visitors_are_not_the_provinces(tmp_path):
    facts, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n"
                                  + SITES.format(area="Khu vực Bãi Cháy") + "\n")
    assert alarms(findings) == []
    for text in ("3,10", "0,62", "1,90", "0,75"):
        row = facts[facts["text"].str.startswith(text)].iloc[0]
        assert row["entity"] is None or row["entity"] != row["entity"], (text, row["entity"])


def test_a_total_is_not_named_after_the_part_listed_under_it(tmp_path):
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + SITES.format(area="Khu vực Bãi Cháy"))
    assert facts[facts["text"].str.startswith("3,10")].iloc[0]["indicator"] != "international_tourists"


def test_a_former_province_as_area_keeps_its_name(tmp_path):
    body = "Khu vực Thái Bình (cũ) đón 1,10 triệu lượt khách du lịch.\n"
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ NĂM 2025\n\n" + body)
    assert facts[facts["text"].str.startswith("1,10")].iloc[0]["entity"] == "thai_binh"


# `A, chiếm P% …, gấp M lần cùng kỳ (B)`: the multiple's base in the bracket right after it.
MULTIPLE = ("Năm 2025, khách Nhật Bản đạt 0,84 triệu lượt, chiếm 18,0% tổng lượt khách quốc tế, gấp {m} lần cùng "
            "kỳ (0,56 triệu lượt); khách Úc đạt 0,21 triệu lượt.\n")


def test_a_wrong_multiple_of_a_bracketed_base_fires(tmp_path):
    found = _alarms(tmp_path, MULTIPLE.format(m="1,8"))
    assert _fires_on(found, "1,8 lần"), found


def test_a_right_multiple_of_a_bracketed_base_is_silent(tmp_path):
    assert _alarms(tmp_path, MULTIPLE.format(m="1,5")) == []



# `N phòng; trong đó M phòng …, chiếm P% tổng số phòng`: a share of the total the part is
# listed under, named by that total's own noun (no catalog indicator names it).
NOUN_SHARE = ("Đến 30/9/2025, toàn tỉnh có 1.150 cơ sở lưu trú với 8.400 phòng; trong đó 25 cơ sở hạng 4 - 5 sao với "
              "2.100 phòng, chiếm {p}% tổng số phòng.\n")


def test_a_wrong_share_of_a_total_named_by_its_noun_fires(tmp_path):
    found = _alarms(tmp_path, NOUN_SHARE.format(p="52,0"))
    assert _fires_on(found, "52,0%"), found


def test_a_right_share_of_a_total_named_by_its_noun_is_silent(tmp_path):
    assert _alarms(tmp_path, NOUN_SHARE.format(p="25,0")) == []


# `| 3 | Cơ cấu kinh tế | … |` then `| 3.1 | Dịch vụ | % | … |`: rows numbered under a row's
# number are read under its label, so the sectors' shares are known and add up to 100.
STRUCTURE = """| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Ước thực hiện 2025 |
|---|---|---|---|---|
| 3 | Cơ cấu kinh tế | | | |
| 3.1 | Công nghiệp - xây dựng | % | 41,0 | 41,6 |
| 3.2 | Dịch vụ | % | 35,2 | {s} |
| 3.3 | Nông, lâm nghiệp, thủy sản | % | 15,3 | 14,6 |
| 3.4 | Thuế sản phẩm trừ trợ cấp sản phẩm | % | 8,5 | 8,6 |
"""


def test_shares_numbered_under_a_structure_row_must_add_up(tmp_path):
    found = _alarms(tmp_path, STRUCTURE.format(s="33,5"))
    assert _fires_on(found, "33,5"), found


def test_shares_numbered_under_a_structure_row_silent_when_they_add_up(tmp_path):
    assert _alarms(tmp_path, STRUCTURE.format(s="35,2")) == []


# A visitor's mean spending on a visit times the visits is the revenue from visitors (ID11).
SPENDING = ("Năm 2025, tổng lượt khách du lịch ước đạt 8,40 triệu lượt. Tổng thu từ khách du lịch ước đạt 21.840 tỷ "
            "đồng. Chi tiêu bình quân đạt {v} triệu đồng/lượt khách.\n")


def test_a_wrong_spending_per_visit_fires(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ NĂM 2025\n\n" + SPENDING.format(v="2,20"))
    assert [f.rule for f in alarms(findings)] == ["ID11"], alarms(findings)


def test_a_right_spending_per_visit_is_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ NĂM 2025\n\n" + SPENDING.format(v="2,60"))
    assert alarms(findings) == []


def test_household_spending_per_head_is_no_visitors_spending(tmp_path):
    body = "Năm 2025, chi tiêu bình quân đạt 3,20 triệu đồng/người/tháng.\n"
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + body)
    assert facts[facts["text"].str.contains("3,20")].iloc[0]["indicator"] != "tourist_spending_per_visit"


# `630/900 trường` in one place, the rate of schools up to standard in a table for the same
# province and year: the rate restates the fraction (catalog `counted`).
FRACTION = ("Năm 2025, toàn tỉnh có 630/900 trường đạt chuẩn quốc gia.\n\n"
            "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Ước thực hiện 2025 |\n|---|---|---|---|---|\n"
            "| 1 | Tỷ lệ trường đạt chuẩn quốc gia | % | 68,0 | {r} |\n")


def test_a_rate_stated_apart_from_its_fraction_fires_when_they_differ(tmp_path):
    found = _alarms(tmp_path, FRACTION.format(r="72,0"))
    assert _fires_on(found, "72,0"), found


def test_a_rate_stated_apart_from_its_fraction_is_silent_when_equal(tmp_path):
    assert _alarms(tmp_path, FRACTION.format(r="70,0")) == []


# `| | - Thái Bình (cũ) | … |` under a numbered row: the former province's figure of the
# row's indicator, no narrower kind of it (its name left no syllable behind as a scope).
FORMER_ROW = ("Năm 2025, khu vực Thái Bình (cũ) có 1.960 doanh nghiệp thành lập mới.\n\n"
              "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Ước thực hiện 2025 |\n|---|---|---|---|---|\n"
              "| 1 | Số doanh nghiệp thành lập mới | doanh nghiệp | 4.100 | 4.570 |\n"
              "| | - Hưng Yên (cũ) | doanh nghiệp | 2.300 | 2.610 |\n"
              "| | - Thái Bình (cũ) | doanh nghiệp | 1.800 | {r} |\n")


def test_a_former_provinces_row_meets_its_prose(tmp_path):
    found = _alarms(tmp_path, FORMER_ROW.format(r="1.690"))
    assert _fires_on(found, "1.690"), found
    facts, _, _ = run_text(tmp_path, header("Hưng Yên") + "# I. KẾT QUẢ\n\n" + FORMER_ROW.format(r="1.960"))
    row = facts[facts["text"] == "2.610"].iloc[0]
    assert row["indicator"] == "new_enterprises" and not row["scope"], (row["indicator"], row["scope"])


# A merged province's plan for a rate is set in its own right: WM01 reckons results only.
PLAN_RATE = ("| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch 2025 |\n|---|---|---|---|---|\n"
             "| 1 | Dân số trung bình | nghìn người | 3.200,0 | 3.230,0 |\n"
             "| | - Hưng Yên (cũ) | nghìn người | 1.300,0 | 1.310,0 |\n"
             "| | - Thái Bình (cũ) | nghìn người | 1.900,0 | 1.920,0 |\n"
             "| 2 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | {a} | 93,6 |\n"
             "| | - Hưng Yên (cũ) | % | 94,0 | 95,0 |\n"
             "| | - Thái Bình (cũ) | % | 92,0 | 93,5 |\n")


def test_a_merged_plan_for_a_rate_is_not_reckoned_from_the_former_plans(tmp_path):
    # 2024: (94,0 × 1.300 + 92,0 × 1.900) / 3.200 = 92,8
    assert _alarms(tmp_path, PLAN_RATE.format(a="92,8")) == []
    found = _alarms(tmp_path, PLAN_RATE.format(a="93,5"))
    assert _fires_on(found, "93,5"), found
