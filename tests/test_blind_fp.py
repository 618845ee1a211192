"""False alarms on drafts written by someone who never saw the code, each as a short draft
of our own: two indicators one label reads as one, a target written as a range or an open
bound, a plan and its outturn, a base period's values, a list with a member left
uncounted, a weighted mean equal to its middle part."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text  # noqa: F401


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
    _, found = _run(tmp_path, TARGETS.format(cover="đạt trên 63%", poor="2 - 2,5"))
    assert [rule for rule, _ in found] == ["TP01"]


def test_an_open_bound_at_the_rounded_level_done_is_no_easier_target(tmp_path):
    _, found = _run(tmp_path, TARGETS.format(cover="trên 62%", poor="3 - 3,5"))
    assert found == []


def test_an_open_bound_below_the_rounded_level_done_is_flagged(tmp_path):
    _, found = _run(tmp_path, TARGETS.format(cover="từ 61% trở lên", poor="3 - 3,5"))
    assert [rule for rule, _ in found] == ["TP01"]


# A merged province's mean equal to one former province's rate (BT02).

MERGED_GROWTH = ("Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 của toàn tỉnh đạt khoảng 7,6%/năm; "
                 "trong đó Hà Nam 7,6%/năm, Nam Định {}%/năm, Ninh Bình (cũ) {}%/năm.")


def test_a_mean_equal_to_the_middle_former_province_is_no_copy(tmp_path):
    _, found = _run(tmp_path, MERGED_GROWTH.format("7,9", "6,8"),
                    head="# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n", province="Ninh Bình")
    assert "BT02" not in [rule for rule, _ in found]


def test_a_mean_equal_to_the_lowest_former_province_is_a_copy(tmp_path):
    _, found = _run(tmp_path, MERGED_GROWTH.format("7,9", "8,8"),
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
         "| 1 | Số doanh nghiệp thành lập mới | doanh nghiệp | 500 | 212 | 712 |\n")


def test_a_name_narrowed_by_the_next_is_not_the_row_indicator(tmp_path):
    facts, found = _run(tmp_path, FIRMS)
    row = facts[facts["row_label"].fillna("").str.startswith("Số doanh nghiệp")]
    assert set(row["indicator"]) == {"new_enterprises"}
    assert found == []


def test_the_narrowed_row_still_meets_its_prose_figure(tmp_path):
    _, found = _run(tmp_path, FIRMS.replace("| 712 |", "| 721 |"))
    assert "SV01" in [rule for rule, _ in found]
