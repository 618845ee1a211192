"""False alarms on drafts written by someone who never saw the code, each as a short draft
of our own: two indicators one label reads as one, a target written as a range or an open
bound, a plan and its outturn, a base period's values, a list with a member left
uncounted, a weighted mean equal to its middle part."""

from __future__ import annotations

import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text


def _run(tmp_path, body: str, head: str = "# I. KẾT QUẢ NĂM 2025\n\n", name: str = "draft.md",
         province: str = "Thái Nguyên"):
    facts, findings, _ = run_text(tmp_path, header(province) + head + body + "\n", name)
    return facts, rules_and_texts(findings)


# A target for next year written as a range, or as an open bound, against this year's level.

TARGETS = ("Năm 2025, tỷ lệ che phủ rừng đạt 62,2%; tỷ lệ hộ nghèo giảm 3,0 điểm phần trăm.\n\n"
           "# II. MỤC TIÊU NĂM 2026\n\nNăm 2026, tỷ lệ che phủ rừng {cover}; tỷ lệ hộ nghèo giảm {poor} điểm phần trăm.")


def test_a_range_target_reaching_the_level_done_is_no_easier_target(tmp_path):
    _, found = _run(tmp_path, TARGETS.format(cover="đạt trên 63%", poor="2,5 - 3"))
    assert found == []


def test_a_range_target_wholly_below_the_level_done_is_flagged(tmp_path):
    # (a level's range: a slower pace of poverty reduction, a rate, is no slip; test_blind_fp3.py)
    _, found = _run(tmp_path, TARGETS.format(cover="đạt 60 - 61%", poor="2,5 - 3"))
    assert [rule for rule, _ in found] == ["TP01"]


def test_an_open_bound_at_the_rounded_level_done_is_no_easier_target(tmp_path):
    _, found = _run(tmp_path, TARGETS.format(cover="trên 62%", poor="3 - 3,5"))
    assert found == []


def test_an_open_bound_below_the_level_done_is_a_floor_to_hold(tmp_path):
    # (`từ 61% trở lên` after more than 61: a floor the level reached keeps; plans set such
    # bounds below what was done, so it is no slip; a point target below is: the test above)
    _, found = _run(tmp_path, TARGETS.format(cover="từ 61% trở lên", poor="3 - 3,5"))
    assert found == []
    _, found = _run(tmp_path, TARGETS.format(cover="đạt 61%", poor="3 - 3,5"))
    assert [rule for rule, _ in found] == ["TP01"]


# A merged province's mean equal to one former province's rate (BT02).

MERGED_GROWTH = ("Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 của toàn tỉnh đạt khoảng 7,6%/năm; "
                 "trong đó Hà Nam 7,6%/năm, Nam Định {}%/năm, Ninh Bình (cũ) {}%/năm.")


def test_a_mean_equal_to_the_middle_former_province_is_no_copy(tmp_path):
    _, found = _run(tmp_path, MERGED_GROWTH.format("7,9", "6,8"),
                    head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n", province="Ninh Bình")
    assert "BT02" not in [rule for rule, _ in found]


def test_a_mean_equal_to_the_lowest_former_province_is_a_copy(tmp_path):
    _, found = _run(tmp_path, MERGED_GROWTH.format("9,9", "8,8"),
                    head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n", province="Ninh Bình")
    assert "BT02" in [rule for rule, _ in found]


# A table label matched approximately: a slip is a word of the label no other word took.

PARTY_TABLE = ("| TT | Chỉ tiêu | ĐVT | Nghị quyết | Thực hiện |\n|---|---|---|---|---|\n"
               "| 1 | Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên | % | 90 | 91,4 |\n"
               "| 2 | Tỷ lệ ấp, khóm có tổ chức đảng | % | 100 | 100 |\n"
               "| 3 | Tỷ lệ che phủ rờng | % | 45 | 45,2 |\n")


def test_a_label_word_matched_exactly_is_no_slip_of_another(tmp_path):
    facts, found = _run(tmp_path, PARTY_TABLE, head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n")
    assert fact_row(facts, "91,4")["indicator"] == "party_orgs_good_rate"
    hamlets = facts[facts["row_label"].fillna("").str.contains("khóm")]
    assert len(hamlets) == 2 and hamlets["indicator"].isna().all()
    assert found == []


def test_a_one_letter_slip_in_a_label_still_reads(tmp_path):
    facts, _ = _run(tmp_path, PARTY_TABLE, head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n")
    assert fact_row(facts, "45,2")["indicator"] == "forest_cover"


# A name right after another in a table label narrows it: `Số doanh nghiệp thành lập mới`.

FIRMS = ("Trong năm có 712 doanh nghiệp thành lập mới; số doanh nghiệp đang hoạt động là 4.960 doanh nghiệp.\n\n"
         "| TT | Chỉ tiêu | ĐVT | Thái Nguyên (cũ) | Bắc Kạn (cũ) | Toàn tỉnh |\n|---|---|---|---|---|---|\n"
         "| 1 | Số doanh nghiệp được thành lập mới | doanh nghiệp | 500 | 212 | 712 |\n")


@pytest.mark.parametrize("label", ["Số doanh nghiệp thành lập mới", "Số doanh nghiệp được thành lập mới"])
def test_a_name_narrowed_by_the_next_is_not_the_row_indicator(tmp_path, label):
    facts, found = _run(tmp_path, FIRMS.replace("Số doanh nghiệp được thành lập mới", label))
    row = facts[facts["row_label"].fillna("").str.startswith("Số doanh nghiệp")]
    assert set(row["indicator"]) == {"new_enterprises"}
    assert found == []


def test_the_narrowed_row_still_meets_its_prose_figure(tmp_path):
    _, found = _run(tmp_path, FIRMS.replace("| 712 |", "| 721 |"))
    assert "SV01" in [rule for rule, _ in found]


# A footnote listing a base period's values, or a plan's, after a colon.

HALF_YEAR = ("# I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
             "Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 9.805 tỷ đồng, tăng 12% so với cùng kỳ¹; "
             "trong đó Thái Nguyên (cũ) 7.860 tỷ đồng, Bắc Kạn (cũ) 1.945 tỷ đồng.\n\n"
             "¹ {plan}: Thái Nguyên 13.500 tỷ đồng, Bắc Kạn 3.600 tỷ đồng. "
             "{base}: Thái Nguyên (cũ) 6.950 tỷ đồng; Bắc Kạn (cũ) 1.780 tỷ đồng.")


def test_a_base_period_leading_a_list_is_its_figures_period(tmp_path):
    facts, found = _run(tmp_path, HALF_YEAR.format(plan="Dự toán năm 2025 do Hội đồng nhân dân tỉnh giao",
                                                   base="Thực hiện cùng kỳ năm 2024"), head="")
    assert fact_row(facts, "6.950 tỷ đồng")["period"] == "2024-6M"
    assert fact_row(facts, "7.860 tỷ đồng")["period"] == "2025-6M"
    assert found == []


def test_a_plan_leading_a_list_makes_every_figure_listed_a_target(tmp_path):
    facts, _ = _run(tmp_path, HALF_YEAR.format(plan="Dự toán năm 2025 do Hội đồng nhân dân tỉnh giao",
                                               base="Thực hiện cùng kỳ năm 2024"), head="")
    assert fact_row(facts, "13.500 tỷ đồng")["role"] == "target"
    assert fact_row(facts, "3.600 tỷ đồng")["role"] == "target"
    assert fact_row(facts, "6.950 tỷ đồng")["role"] == "actual"


def test_a_list_led_by_other_words_keeps_the_period_of_its_marker(tmp_path):
    facts, _ = _run(tmp_path, HALF_YEAR.format(plan="Số thu theo địa bàn",
                                               base="Số thu 6 tháng theo địa bàn"), head="")
    assert fact_row(facts, "6.950 tỷ đồng")["period"] == "2025-6M"
    assert fact_row(facts, "13.500 tỷ đồng")["role"] == "actual"


def test_a_base_leading_a_list_of_changes_names_no_period(tmp_path):
    body = ("Các chỉ số đều cải thiện so với năm 2020, như: chỉ số PAPI tăng 12 bậc, chỉ số PCI tăng 7 bậc.")
    facts, _ = _run(tmp_path, body, head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n")
    assert fact_row(facts, "12 bậc")["period"] != "2020"


# A table row whose label names the plan or the outturn, under province columns.

ESTIMATE = ("| STT | Nội dung | Thái Nguyên (cũ) | Bắc Kạn (cũ) | Toàn tỉnh |\n|---|---|---|---|---|\n"
            "| 1 | Dự toán thu ngân sách nhà nước trên địa bàn | 27.480 | 4.020 | 31.500 |\n"
            "| 2 | Ước thực hiện thu ngân sách nhà nước trên địa bàn | 28.299 | 4.216 | 32.515 |\n")


def test_a_row_label_naming_the_plan_gives_its_cells_the_plans_role(tmp_path):
    facts, found = _run(tmp_path, "Đơn vị: tỷ đồng\n\n" + ESTIMATE)
    assert fact_row(facts, "27.480")["role"] == "target"
    assert fact_row(facts, "28.299")["role"] == "actual"
    assert found == []


# A list whose last member is named without a number of its own.

UNITS = "Toàn tỉnh có 124 đơn vị hành chính cấp xã {}."


def test_a_bracketed_list_with_an_uncounted_last_member_only_bounds(tmp_path):
    facts, found = _run(tmp_path, UNITS.format("(103 xã, 20 phường và đặc khu Côn Sơn)"))
    assert fact_row(facts, "20 phường")["part_bound"]
    assert found == []


def test_a_clause_list_with_an_uncounted_last_member_only_bounds(tmp_path):
    facts, found = _run(tmp_path, UNITS.format(", gồm 103 xã, 20 phường và đặc khu Côn Sơn"))
    assert found == []


def test_a_bracketed_list_counting_every_member_still_adds_up(tmp_path):
    _, found = _run(tmp_path, UNITS.format("(103 xã, 20 phường và 2 đặc khu)"))
    assert [rule for rule, _ in found] == ["PW02"]
    _, found = _run(tmp_path, UNITS.format(", gồm 103 xã, 20 phường và 2 đặc khu"))
    assert [rule for rule, _ in found] == ["PW02"]


# A target under a heading that looks past the term its parent heading reviews.

REVIEW = ("# KIỂM ĐIỂM SỰ LÃNH ĐẠO NHIỆM KỲ 2020 - 2025\n\n## I. KẾT QUẢ\n\n"
          "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 91,4%, vượt mục tiêu 90%.\n\n"
          "## II. {ahead}\n\nPhấn đấu hằng năm có trên 92% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.")


def test_a_target_under_a_heading_looking_ahead_takes_no_period_of_the_term(tmp_path):
    facts, found = _run(tmp_path, REVIEW.format(ahead="PHƯƠNG HƯỚNG KHẮC PHỤC"), head="")
    assert not isinstance(fact_row(facts, "trên 92%")["period"], str)
    assert fact_row(facts, "90%")["period"] == "2025"
    assert found == []


def test_a_target_under_another_heading_keeps_the_terms_period(tmp_path):
    facts, _ = _run(tmp_path, REVIEW.format(ahead="NGUYÊN NHÂN"), head="")
    assert fact_row(facts, "trên 92%")["period"] == "2025"


BRACKETED_BASES = ("# I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
                   "Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 9.805 tỷ đồng; Thái Nguyên (cũ) 7.860 tỷ đồng "
                   "(cùng kỳ năm 2024: 6.950 tỷ đồng), Bắc Kạn (cũ) 1.945 tỷ đồng (cùng kỳ: 1.780 tỷ đồng). "
                   "Kim ngạch xuất khẩu đạt 612 triệu USD (cùng kỳ năm 2024 lần lượt là 540 triệu USD và 71 triệu USD).")


def test_bases_named_inside_brackets_are_of_the_same_months_or_of_none(tmp_path):
    facts, found = _run(tmp_path, BRACKETED_BASES, head="")
    assert fact_row(facts, "6.950 tỷ đồng")["period"] == "2024-6M"
    assert not isinstance(fact_row(facts, "1.780 tỷ đồng")["period"], str)
    assert fact_row(facts, "71 triệu USD")["period"] == "2024-6M"
    assert fact_row(facts, "1.945 tỷ đồng")["period"] == "2025-6M"
    assert found == []


# The months left of a year are not the year.

SECOND_HALF = ("# I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
               "Thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 16.285 tỷ đồng; cả năm 2025 ước đạt 28.200 tỷ đồng.\n\n"
               "# II. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025\n\n"
               "Tăng cường chống thất thu, thu ngân sách nhà nước trên địa bàn {when} đạt 12.615 tỷ đồng.")


def test_the_last_months_of_a_year_are_a_period_of_their_own(tmp_path):
    facts, found = _run(tmp_path, SECOND_HALF.format(when="6 tháng cuối năm"), head="")
    assert fact_row(facts, "12.615 tỷ đồng")["period"] == "2025-L6M"
    assert found == []


def test_the_end_of_a_year_alone_is_still_the_year(tmp_path):
    facts, _ = _run(tmp_path, SECOND_HALF.format(when="đến cuối năm 2025"), head="")
    assert fact_row(facts, "12.615 tỷ đồng")["period"] == "2025"


# A verb of striving governs every figure after it in its sentence.

STRIVE = ("# I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025\n\n"
          "Ước thực hiện cả năm 2025, thu ngân sách nhà nước trên địa bàn đạt 28.200 tỷ đồng.\n\n"
          "# II. GIẢI PHÁP\n\n"
          "{verb} cả năm 2025 tốc độ tăng trưởng kinh tế đạt 8%; thu ngân sách nhà nước trên địa bàn đạt 28.900 tỷ đồng.")


def test_every_figure_after_a_verb_of_striving_is_a_target(tmp_path):
    facts, found = _run(tmp_path, STRIVE.format(verb="Phấn đấu"), head="")
    assert fact_row(facts, "28.900 tỷ đồng")["role"] == "target"
    assert found == []


def test_a_sentence_without_one_still_states_results(tmp_path):
    facts, found = _run(tmp_path, STRIVE.format(verb="Ước tính"), head="")
    assert fact_row(facts, "28.900 tỷ đồng")["role"] == "actual"
    assert [rule for rule, _ in found] == ["SV01"]


def test_a_plan_set_by_the_council_named_in_full_is_a_target(tmp_path):
    body = ("Dự toán thu ngân sách nhà nước trên địa bàn năm 2025 Hội đồng nhân dân tỉnh giao 31.500 tỷ đồng. "
            "Ước thực hiện cả năm đạt 32.514 tỷ đồng, bằng 103,2% dự toán.")
    facts, found = _run(tmp_path, body)
    assert fact_row(facts, "31.500 tỷ đồng")["role"] == "target"
    assert fact_row(facts, "32.514 tỷ đồng")["role"] == "actual"
    assert found == []


def test_a_rounded_mean_equal_to_one_of_two_close_provinces_is_no_copy(tmp_path):
    body = ("Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 của toàn tỉnh đạt khoảng 7,6%/năm; "
            "trong đó Thái Nguyên (cũ) 7,6%/năm, Bắc Kạn (cũ) {}%/năm.")
    head = "# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n"
    assert "BT02" not in [rule for rule, _ in _run(tmp_path, body.format("7,9"), head=head)[1]]
    assert "BT02" in [rule for rule, _ in _run(tmp_path, body.format("5,1"), head=head)[1]]


def test_abbreviated_plan_and_outturn_columns_keep_their_roles(tmp_path):
    table = ("Đơn vị: tỷ đồng\n\n| STT | Nội dung | DT 2025 | UTH 2025 | UTH/DT (%) |\n|---|---|---|---|---|\n"
             "| 1 | Thu ngân sách nhà nước trên địa bàn | 31.500 | 32.514 | 103,2 |\n")
    facts, found = _run(tmp_path, table)
    assert fact_row(facts, "31.500")["role"] == "target"
    assert fact_row(facts, "32.514")["role"] == "actual"
    assert fact_row(facts, "103,2")["measure"] == "plan_share"
    assert found == []


def test_a_numbered_item_opening_with_a_plan_lists_targets(tmp_path):
    body = ("1. Dự toán năm 2025 do Hội đồng nhân dân tỉnh giao: thu ngân sách nhà nước trên địa bàn 31.500 tỷ "
            "đồng, chi ngân sách địa phương 27.830 tỷ đồng.\n2. Thu ngân sách nhà nước trên địa bàn ước đạt 32.514 tỷ đồng.")
    facts, found = _run(tmp_path, body, head="I. KẾT QUẢ NĂM 2025\n\n", name="draft.txt")
    assert fact_row(facts, "27.830 tỷ đồng")["role"] == "target"
    assert fact_row(facts, "ước đạt 32.514 tỷ đồng")["role"] == "actual"
    assert found == []
