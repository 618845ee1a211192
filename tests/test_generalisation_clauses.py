"""The clause grammar of totals and parts, in short drafts of our own: a listed part is
never the same fact as its total (`gồm`, `trong đó`, `với … và …`, `tổng cộng`), labels
do not leak into a clause with a head of its own, `tương ứng` hands values out in order,
and a multiple relates its head figure (never a bracketed part) to its base."""

from __future__ import annotations

import pandas as pd

from tests.conftest import fact_row, header, rules_and_texts, run_text

HEAD = header() + "# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n"


def _findings(tmp_path, body: str):
    facts, findings, _ = run_text(tmp_path, HEAD + body + "\n")
    return facts, rules_and_texts(findings)


# C1: parts taken for the whole.

def test_parts_after_gom_are_not_the_total(tmp_path):
    facts, found = _findings(tmp_path, "Toàn tỉnh có 120 đơn vị hành chính cấp xã, gồm 96 xã và 24 phường.")
    assert found == []
    assert fact_row(facts, "96 xã")["part_of"] == fact_row(facts, "120 đơn vị")["id"]


def test_parts_after_gom_that_miss_the_total_are_flagged(tmp_path):
    _, found = _findings(tmp_path, "Toàn tỉnh có 120 đơn vị hành chính cấp xã, gồm 96 xã và 22 phường.")
    assert found == [("PW02", ["120 đơn vị", "22 phường", "96 xã"])]


def test_trong_do_parts_may_fall_short_of_the_total(tmp_path):
    facts, found = _findings(tmp_path, "Tổng thu ngân sách nhà nước năm 2025 đạt 15.400 tỷ đồng, tăng 8%; trong đó "
                                       "thu nội địa 12.100 tỷ đồng, thu từ hoạt động xuất nhập khẩu 2.900 tỷ đồng.")
    assert found == []
    part = fact_row(facts, "12.100 tỷ đồng")
    # (a part that names a catalog line of its own measures it: the domestic revenue)
    assert part["part_bound"] and part["indicator"] == "budget_revenue_domestic"


def test_trong_do_parts_above_the_total_are_flagged(tmp_path):
    _, found = _findings(tmp_path, "Tổng thu ngân sách nhà nước năm 2025 đạt 15.400 tỷ đồng, tăng 8%; trong đó "
                                   "thu nội địa 12.100 tỷ đồng, thu từ hoạt động xuất nhập khẩu 3.900 tỷ đồng.")
    assert [rule for rule, _ in found] == ["PW02"]


def test_a_list_after_voi_breaks_down_the_amount_before_it(tmp_path):
    body = ("Năm 2025, tỉnh bố trí 2.350 tỷ đồng vốn đầu tư công, với 350 tỷ đồng cho trường học "
            "và {} tỷ đồng cho bệnh viện.")
    assert _findings(tmp_path, body.format("2.000"))[1] == []
    assert [rule for rule, _ in _findings(tmp_path, body.format("2.100"))[1]] == ["PW02"]


def test_a_total_after_the_list_totals_it(tmp_path):
    body = ("Trong nhiệm kỳ, Tỉnh ủy Thái Nguyên ban hành 4.210 văn bản, Tỉnh ủy Bắc Kạn ban hành 3.150 văn bản; "
            "tổng cộng {} văn bản lãnh đạo, chỉ đạo.")
    facts, found = _findings(tmp_path, body.format("7.360"))
    assert found == []
    total = fact_row(facts, "7.360 văn bản")
    assert total["entity"] == "thai_nguyen" and total["entity_evidence"] == "relation"
    assert fact_row(facts, "4.210 văn bản")["entity"] == "thai_nguyen_cu"
    # The former provinces' figures are theirs: the merged total is compared with their sum.
    assert [rule for rule, _ in _findings(tmp_path, body.format("7.630"))[1]] == ["PW01"]


def test_a_former_provinces_part_is_the_former_province_with_the_totals_fields(tmp_path):
    facts, found = _findings(tmp_path, "Kim ngạch xuất khẩu năm 2025 đạt 3.100 triệu USD, gấp 1,5 lần năm 2020 "
                                       "(2.060 triệu USD); trong đó Thái Nguyên đạt 2.300 triệu USD, "
                                       "Bắc Kạn đạt 800 triệu USD.")
    part = fact_row(facts, "2.300 triệu USD")
    assert (part["indicator"], part["entity"], part["period"], part["role"]) == (
        "export_value", "thai_nguyen_cu", "2025", "actual")
    # Inherited from the head clause: read in the sentence or lent by the total, never its own clause.
    assert part["indicator_evidence"] in ("sentence", "relation") and part["period_evidence"] in ("sentence", "relation")
    assert found == []


# C7: labels carried, and not carried.

def test_a_new_head_phrase_stops_the_label_before_it(tmp_path):
    body = "Đến năm 2030, tỷ lệ che phủ rừng duy trì 62%, chỉ số hài lòng của người dân đạt 85%."
    facts, found = _findings(tmp_path, body)
    assert found == []
    assert fact_row(facts, "85%")["indicator"] != fact_row(facts, "62%")["indicator"]


def test_a_new_head_phrase_leaves_a_real_mismatch_flagged(tmp_path):
    body = ("Đến năm 2030, tỷ lệ che phủ rừng duy trì 62%, chỉ số hài lòng của người dân đạt 85%.\n\n"
            "Phấn đấu đến năm 2030 tỷ lệ che phủ rừng đạt 65%.")
    assert _findings(tmp_path, body)[1] == [("SV01", ["62%", "65%"])]


def test_colon_list_items_inherit_the_head_with_sentence_evidence(tmp_path):
    facts, _ = _findings(tmp_path, "Năm 2025, tỷ lệ che phủ rừng được giữ vững: Thái Nguyên đạt 47,5%, "
                                   "Bắc Kạn đạt 73,2%.")
    item = fact_row(facts, "73,2%")
    assert (item["indicator"], item["entity"], item["indicator_evidence"]) == ("forest_cover", "bac_kan", "sentence")


# C11: respectively.

def test_respectively_hands_values_to_the_listed_provinces(tmp_path):
    body = ("Năm 2025, GRDP của Thái Nguyên (cũ) đạt 123.480 tỷ đồng, của Bắc Kạn (cũ) đạt 58.960 tỷ đồng; "
            "năm 2020 tương ứng là 81.250 tỷ đồng và 38.640 tỷ đồng.")
    facts, found = _findings(tmp_path, body)
    assert found == []
    assert (fact_row(facts, "81.250 tỷ đồng")["entity"], fact_row(facts, "38.640 tỷ đồng")["entity"]) == (
        "thai_nguyen_cu", "bac_kan")
    assert fact_row(facts, "38.640 tỷ đồng")["period"] == "2020"
    later = body + "\n\nNăm 2020, GRDP của Bắc Kạn (cũ) đạt 36.640 tỷ đồng."
    assert _findings(tmp_path, later)[1] == [("SV01", ["36.640 tỷ đồng", "38.640 tỷ đồng"])]


# Multiples: the head figure, and a change that follows.

def test_a_multiple_takes_the_head_figure_not_a_bracketed_part(tmp_path):
    body = ("Thu ngân sách nhà nước năm 2025 đạt 27.000 tỷ đồng (Thái Nguyên cũ 18.000 tỷ đồng; "
            "Bắc Kạn cũ 9.000 tỷ đồng), gấp {} lần năm 2020 (20.000 tỷ đồng).")
    assert _findings(tmp_path, body.format("1,35"))[1] == []
    assert _findings(tmp_path, body.format("1,6"))[1] == [("RT02", ["1,6 lần", "20.000 tỷ đồng", "27.000 tỷ đồng"])]


def test_a_multiple_looks_ahead_to_the_change_it_sums_up(tmp_path):
    body = "Số doanh nghiệp đang hoạt động tăng {} lần, từ 5.000 doanh nghiệp năm 2020 lên 7.000 doanh nghiệp năm 2025."
    assert _findings(tmp_path, body.format("1,4"))[1] == []
    assert _findings(tmp_path, body.format("1,7"))[1] == [
        ("RT02", ["1,7 lần", "5.000 doanh nghiệp", "7.000 doanh nghiệp"])]


def test_trong_do_naming_the_former_provinces_gives_them_the_totals_fields(tmp_path):
    body = ("Thu ngân sách nhà nước năm 2025 đạt 20.000 tỷ đồng, trong đó Thái Nguyên (cũ) 15.000 tỷ đồng, "
            "Bắc Kạn (cũ) {} tỷ đồng.")
    facts, found = _findings(tmp_path, body.format("5.000"))
    assert found == []
    part = fact_row(facts, "5.000 tỷ đồng")
    assert (part["indicator"], part["entity"], part["period"]) == ("budget_revenue", "bac_kan", "2025")
    # Short of the total: the former provinces are all of the merged one.
    assert [rule for rule, _ in _findings(tmp_path, body.format("4.000"))[1]] == ["PW01"]


def test_a_bracket_stated_respectively_is_no_breakdown(tmp_path):
    body = ("Cơ cấu kinh tế năm 2025: khu vực nông, lâm nghiệp và thủy sản chiếm 12,5%; khu vực công nghiệp "
            "và xây dựng chiếm 40,1%; khu vực dịch vụ chiếm 39,4%; thuế sản phẩm trừ trợ cấp sản phẩm chiếm 8,0% "
            "(cơ cấu năm 2020 tương ứng là: 15,2%; 36,3%; 40,0% và 8,5%).")
    facts, found = _findings(tmp_path, body)
    assert not [f for f in found if f[0] == "PW02"]
    assert fact_row(facts, "8,5%")["period"] == "2020" and pd.isna(fact_row(facts, "8,5%")["part_of"])


def test_a_comma_inside_one_head_carries_its_name(tmp_path):
    # No figure has closed the head before the comma: `A, B đạt N` is one head.
    facts, _ = _findings(tmp_path, "Năm 2025, thu ngân sách nhà nước trên địa bàn, kể cả thu tiền sử dụng đất "
                                   "đạt 9.800 tỷ đồng.")
    assert fact_row(facts, "9.800 tỷ đồng")["indicator"] == "budget_revenue"


def test_a_colon_list_reaches_back_only_to_its_own_head(tmp_path):
    facts, _ = _findings(tmp_path, "Năm 2025, tỷ lệ che phủ rừng đạt 47,5%; chỉ số cải cách hành chính: "
                                   "Thái Nguyên đạt 88,2%, Bắc Kạn đạt 84,1%.")
    assert fact_row(facts, "84,1%")["indicator"] != "forest_cover"


def test_values_stated_respectively_go_to_the_names_before_them(tmp_path):
    facts, _ = _findings(tmp_path, "Năm 2025, Quảng Ninh và Hải Phòng có mức tăng trưởng cao nhất, "
                                   "lần lượt là 11,2% và 10,9%.")
    assert (fact_row(facts, "11,2%")["entity"], fact_row(facts, "10,9%")["entity"]) == ("quang_ninh", "hai_phong")


def test_a_list_left_open_only_bounds_its_total(tmp_path):
    body = "Toàn tỉnh có 120 đơn vị hành chính cấp xã, gồm 90 xã, 20 phường{}"
    assert _findings(tmp_path, body.format("..."))[1] == []
    assert [rule for rule, _ in _findings(tmp_path, body.format("."))[1]] == ["PW02"]


def test_a_listed_part_keeps_the_totals_role_past_a_target_word_of_the_item_before(tmp_path):
    body = ("Tỷ lệ lao động qua đào tạo năm 2025 đạt 70,0%; trong đó Thái Nguyên đạt 72,3%, vượt 2,3 điểm "
            "phần trăm so với chỉ tiêu; Bắc Kạn đạt 68,4%, chưa đạt chỉ tiêu 70%.")
    facts, found = _findings(tmp_path, body)
    assert found == [] and fact_row(facts, "68,4%")["role"] == "actual"
    later = body + "\n\nNăm 2025, tỷ lệ lao động qua đào tạo của Bắc Kạn đạt 66,4%."
    assert _findings(tmp_path, later)[1] == [("SV01", ["66,4%", "68,4%"])]


def test_a_part_in_a_bracket_after_an_item_is_that_items_part(tmp_path):
    body = ("Giai đoạn 2021 - 2025, tốc độ tăng trưởng GRDP đạt bình quân 8,4%/năm, trong đó ngành công nghiệp - "
            "xây dựng tăng 11,3%/năm (riêng công nghiệp tăng 12,1%/năm), ngành dịch vụ tăng 7,2%/năm.")
    facts, found = _findings(tmp_path, body)
    assert found == []
    assert fact_row(facts, "12,1%/năm")["scope"] and fact_row(facts, "7,2%/năm")["scope"]
    budget = "Thu ngân sách nhà nước năm 2025 đạt 12.000 tỷ đồng (riêng thu nội địa {} tỷ đồng)."
    assert _findings(tmp_path, budget.format("9.000"))[1] == []
    assert [rule for rule, _ in _findings(tmp_path, budget.format("13.000"))[1]] == ["PW02"]
