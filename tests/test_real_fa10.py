"""False alarms of session 10, each as a class in short drafts of our own: the value in
brackets after a base that is no plan (`so với ước thực hiện năm 2025 (…)`) is what the base
reached, not the heading's target; a bare name beside the same name written as the former
province (`Cần Thơ (cũ) | … | Thành phố Cần Thơ`) is the merged one; `từ N% <noun> trở lên`
is a floor; an unnumbered `Tổng …` row under numbered rows is no part of the row above."""

from __future__ import annotations

import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text

PLAN = "# II. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\n\n"
RESULTS = ("# I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025\n\n"
           "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Ước thực hiện 2025 |\n|---|---|---|---|---|\n"
           "| 1 | Kim ngạch xuất khẩu | Triệu USD | 4.600 | 4.800 |\n"
           "| 2 | Thu ngân sách nhà nước trên địa bàn | Tỷ đồng | 20.500 | 21.300 |\n\n")


def _run(tmp_path, body: str, province: str = "Ninh Bình", section: str = ""):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


def _same_value(found):
    return [f for f in found if f[0].startswith("SV")]


# Class 1: the bracket after a base that is no plan holds the base's result, in many wordings.
BASES = [
    "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 8,3% so với ước thực hiện năm 2025 ({} triệu USD).",
    "Kim ngạch xuất khẩu phấn đấu đạt 5.200 triệu USD, gấp 1,08 lần năm 2025 ({} triệu USD).",
    "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 8,3% so với năm 2025 (là {} triệu USD).",
    "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 8,3% so với kết quả thực hiện năm 2025 ({} triệu USD).",
    "Kim ngạch xuất khẩu đạt 5.200 triệu USD, bằng 108,3% so với năm 2025 ({} triệu USD).",
    "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 8,3% so với mức ước đạt năm 2025 ({} triệu USD).",
]


@pytest.mark.parametrize("sentence", BASES)
def test_the_bracket_after_a_base_is_the_bases_result(tmp_path, sentence):
    facts, found = _run(tmp_path, RESULTS + PLAN + sentence.format("4.800"))
    row = fact_row(facts, "4.800 triệu USD")
    assert (row["role"], row["period"]) == ("actual", "2025")
    assert _same_value(found) == []


@pytest.mark.parametrize("sentence", BASES)
def test_a_bracketed_base_that_differs_from_the_table_fires(tmp_path, sentence):
    _, found = _run(tmp_path, RESULTS + PLAN + sentence.format("4.850"))
    assert [f for f in _same_value(found) if "4.850 triệu USD" in f[1]], found


def test_a_plan_base_in_brackets_stays_the_plan(tmp_path):
    # (`so với kế hoạch năm 2025 (…)`: the plan's figure, which the table's plan column holds)
    facts, found = _run(tmp_path, RESULTS + PLAN + "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 13% so với "
                        "kế hoạch năm 2025 (4.600 triệu USD).")
    assert fact_row(facts, "4.600 triệu USD")["role"] == "target"
    assert _same_value(found) == []


def test_a_bracket_not_right_after_the_base_is_not_read_as_its_value(tmp_path):
    # The bracket opens after other words: it names no base value (here, a part).
    facts, _ = _run(tmp_path, RESULTS + PLAN + "Kim ngạch xuất khẩu đạt 5.200 triệu USD, tăng 8,3% so với năm "
                    "2025, chủ yếu nhờ hàng dệt may (1.900 triệu USD).")
    assert fact_row(facts, "1.900 triệu USD")["role"] != "actual" or \
        fact_row(facts, "1.900 triệu USD")["indicator"] != "export_value"


def test_a_later_year_in_brackets_is_no_result(tmp_path):
    facts, _ = _run(tmp_path, PLAN + "Kim ngạch xuất khẩu năm 2026 đạt 5.200 triệu USD, bằng 80% so với năm 2030 "
                    "(6.500 triệu USD).")
    assert fact_row(facts, "6.500 triệu USD")["role"] != "actual"


# Class 2: a header that writes the former province with its cue makes the bare name the merged one.
HEADERS = [
    ("Cần Thơ", "| TT | Chỉ tiêu | Đơn vị | Cần Thơ (cũ) | Hậu Giang | Sóc Trăng | Thành phố Cần Thơ |"),
    ("Cần Thơ", "| TT | Chỉ tiêu | Đơn vị | Cần Thơ cũ | Hậu Giang | Sóc Trăng | Cần Thơ |"),
    ("Hưng Yên", "| TT | Chỉ tiêu | Đơn vị | Hưng Yên (cũ) | Thái Bình | Tỉnh Hưng Yên |"),
    ("Ninh Bình", "| TT | Chỉ tiêu | Đơn vị | Hà Nam | Nam Định | Ninh Bình (cũ) | Tỉnh Ninh Bình |"),
]
SHARE_ROW = {3: "| 1 | Tỷ trọng khu vực dịch vụ trong GRDP | % | 52,6 | 38,4 | {} |",
             4: "| 1 | Tỷ trọng khu vực dịch vụ trong GRDP | % | 52,6 | 38,4 | 41,7 | {} |",
             5: "| 1 | Tỷ trọng khu vực dịch vụ trong GRDP | % | 40,2 | 36,5 | 52,6 | 41,7 | {} |"}


def _merged_table(head: str, merged: str) -> str:
    n = head.count("|") - 4  # (the province columns)
    return "# I. KẾT QUẢ NĂM 2025\n\n" + head + "\n|" + "---|" * (n + 3) + "\n" + SHARE_ROW[n].format(merged) + "\n\n"


@pytest.mark.parametrize("province,head", HEADERS)
def test_the_bare_name_beside_its_former_self_is_the_merged_province(tmp_path, province, head):
    facts, _ = _run(tmp_path, _merged_table(head, "46,1"), province)
    merged = fact_row(facts, "46,1")
    former = fact_row(facts, "52,6")
    assert merged["entity"] != former["entity"]
    assert merged["entity"] in ("", None) or "cu" not in str(merged["entity"])


@pytest.mark.parametrize("province,head", HEADERS)
def test_a_merged_share_no_longer_clashes_with_the_former_ones_in_prose(tmp_path, province, head):
    former = head.split("|")[4].strip()
    prose = f"Tỷ trọng khu vực dịch vụ chung đạt 46,1%, trong đó {former} cao nhất với 52,6%."
    _, found = _run(tmp_path, _merged_table(head, "46,1") + prose, province)
    assert _same_value(found) == []


def test_a_former_share_that_differs_between_prose_and_table_still_fires(tmp_path):
    province, head = HEADERS[0]
    prose = "Tỷ trọng khu vực dịch vụ chung đạt 46,1%, trong đó Cần Thơ cũ cao nhất với 53,6%."
    _, found = _run(tmp_path, _merged_table(head, "46,1") + prose, province)
    assert [f for f in _same_value(found) if "53,6%" in f[1]], found


def test_beside_partners_alone_the_name_is_still_the_former_province(tmp_path):
    # No mention with a former cue: `Cần Thơ` among its partners is the former city.
    head = "| TT | Chỉ tiêu | Đơn vị | Cần Thơ | Hậu Giang | Sóc Trăng |"
    facts, _ = _run(tmp_path, _merged_table(head, "41,7"), "Cần Thơ")
    assert fact_row(facts, "52,6")["entity"] == "can_tho_cu"


# Class 3: `từ N% <what is counted> trở lên` is a floor, and a floor the level reached keeps
# asks for nothing less.
FLOORS = [
    "hằng năm có từ {} tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
    "phấn đấu có từ {} đảng viên hoàn thành tốt nhiệm vụ trở lên",
    "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt từ {} trở lên",
    "hằng năm có từ {} số tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên",
    "duy trì từ {} tổ chức cơ sở đảng xếp loại hoàn thành tốt nhiệm vụ trở lên",
]
TERM = ("# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\nTỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên năm 2025 "
        "đạt 90,8%.\n\n# II. MỤC TIÊU NHIỆM KỲ 2025 - 2030\n\nĐến năm 2030, ")


@pytest.mark.parametrize("wording", FLOORS)
def test_a_floor_below_the_level_reached_is_no_lower_target(tmp_path, wording):
    facts, found = _run(tmp_path, TERM + wording.format("90%") + ".", "Cần Thơ")
    assert fact_row(facts, "từ 90%")["qualifier"] == "ge"
    assert [f for f in found if f[0] == "TP01"] == []


def test_a_point_target_below_the_level_reached_still_fires(tmp_path):
    _, found = _run(tmp_path, TERM + "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt 90%.", "Cần Thơ")
    assert [f for f in found if f[0] == "TP01"], found


@pytest.mark.parametrize("text", [
    "tăng từ 85% số xã đạt chuẩn năm 2020 lên 90% trở lên",     # a figure between: a change, no floor
    "tăng từ 85%, bình quân mỗi năm thêm 1 điểm, trở lên",        # a clause break between
])
def test_a_distant_or_broken_trở_lên_is_no_floor(tmp_path, text):
    facts, _ = _run(tmp_path, "Tỷ lệ xã đạt chuẩn nông thôn mới " + text + ".")
    assert fact_row(facts, "85%")["qualifier"] in ("", None)


# Class 4: an unnumbered total row under numbered rows is no part of the row above it.
CROPS = ("# I. KẾT QUẢ NĂM 2025\n\n| STT | Cây trồng | Diện tích (ha) | Sản lượng (tấn) |\n|---|---|---|---|\n"
         "| 1 | Lúa cả năm | 96.800 | 555.300 |\n| 2 | Ngô | 4.120 | 18.800 |\n| 3 | Rau các loại | 9.480 | 134.400 |\n"
         "| | {label} | | {total} |\n")
SUMMARIES = ["Tổng sản lượng lương thực có hạt", "Tổng cộng lương thực (1+2)", "Cộng lương thực có hạt",
             "Lương thực có hạt (1+2)", "Tổng lương thực = 1 + 2"]


@pytest.mark.parametrize("label", SUMMARIES)
def test_a_total_row_at_the_bottom_is_no_part_of_the_row_above(tmp_path, label):
    _, found = _run(tmp_path, CROPS.format(label=label, total="574.100"))
    assert [f for f in found if f[0].startswith("PW")] == []


def test_an_unnumbered_part_under_a_numbered_row_is_still_bounded_by_it(tmp_path):
    table = CROPS.format(label="Trong đó: lúa chất lượng cao", total="600.000").replace(
        "| 3 | Rau các loại | 9.480 | 134.400 |\n", "")
    body = table.replace("| 2 | Ngô | 4.120 | 18.800 |\n", "").replace(
        "| 1 | Lúa cả năm | 96.800 | 555.300 |\n", "| 1 | Lúa cả năm | 96.800 | 555.300 |\n| 2 | Ngô | 4.120 | 18.800 |\n")
    _, found = _run(tmp_path, body)
    assert [f for f in found if f[0] == "PW03"], found


# Class 5: a `trong đó` list that mixes levels and changes of the total's unit breaks down
# neither clearly (which is the whole, the level or its change?): no sum is checked.
MIXED = [
    "Tổng sản lượng lương thực có hạt đạt 816.029 tấn, giảm 127.760 tấn so với năm trước; trong đó thóc là "
    "794.219 tấn, giảm 129.703 tấn; ngô đạt 21.724 tấn.",
    "Tổng thu ngân sách trên địa bàn đạt 12.500 tỷ đồng, tăng 1.200 tỷ đồng so với năm trước; trong đó thu nội "
    "địa 9.800 tỷ đồng, tăng 900 tỷ đồng; thu từ xuất nhập khẩu 2.700 tỷ đồng.",
    "Diện tích gieo cấy lúa cả năm đạt 151.155 ha, giảm 1.889 ha so với năm 2024, trong đó vụ mùa 76.627 ha, "
    "giảm 657 ha.",
]


@pytest.mark.parametrize("sentence", MIXED)
def test_a_list_of_levels_and_changes_is_no_breakdown_of_the_change(tmp_path, sentence):
    _, found = _run(tmp_path, "# I. KẾT QUẢ NĂM 2025\n\n" + sentence)
    assert [f for f in found if f[0].startswith("PW")] == []


def test_a_list_of_levels_that_exceeds_its_level_still_fires(tmp_path):
    _, found = _run(tmp_path, "# I. KẾT QUẢ NĂM 2025\n\nTổng sản lượng lương thực có hạt đạt 816.029 tấn; trong đó "
                    "thóc 794.219 tấn, ngô 31.724 tấn.")
    assert [f for f in found if f[0] == "PW02"], found


def test_a_list_of_changes_of_a_change_is_still_read(tmp_path):
    # Every part a change, like its total: still a breakdown, and one that exceeds it fires.
    _, found = _run(tmp_path, "# I. KẾT QUẢ NĂM 2025\n\nSản lượng lương thực giảm 127.760 tấn so với năm trước; "
                    "trong đó thóc giảm 129.703 tấn, ngô giảm 1.994 tấn.")
    assert [f for f in found if f[0].startswith("PW")], found


# Class 6: a noun of money right before an activity's name makes the figure that money, not
# the activity's own measure in the wrong unit (no unit misfit); the activity in a unit of
# another kind, with no such noun, is still a misfit.
MONEY_OF = [
    "Doanh thu vận tải hành khách 10 tháng đạt 619 tỷ đồng, tăng 27%.",
    "Trong 10 tháng, doanh thu vận tải hành khách ước đạt 619 tỷ đồng.",
    "Kinh phí vận tải hành khách công cộng được hỗ trợ 619 tỷ đồng.",
    "Giá trị vận tải hành khách đạt 619 tỷ đồng.",
]


@pytest.mark.parametrize("sentence", MONEY_OF)
def test_money_of_an_activity_is_no_unit_misfit(tmp_path, sentence):
    _, found = _run(tmp_path, "# I. KẾT QUẢ NĂM 2025\n\n" + sentence)
    assert [f for f in found if f[0] == "ST02"] == []


def test_an_activity_in_a_unit_of_another_kind_is_still_a_misfit(tmp_path):
    _, found = _run(tmp_path, "# I. KẾT QUẢ NĂM 2025\n\nVận tải hành khách 9 tháng ước đạt 42,65 triệu tấn.")
    assert [f for f in found if f[0] == "ST02"], found
