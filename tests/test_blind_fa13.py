"""False alarms of the session-13 blind drafts: a plan of a narrower whole taken as the
plan of all of it, a share of an unstated total given a count of another year as its base,
counts before and after a reorganisation (and a change) compared as one level, units added
in a year compared with the stock, an evaluation of a count judged on a share, and a named
place's figures read as the province's.  Each class in short drafts of our own words: the
case that alarmed before the fix, and where the shape allows, a mismatch that must still."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text

BUDGET = "# BÁO CÁO TÌNH HÌNH THU, CHI NGÂN SÁCH NĂM 2025\n\n## I. Thu ngân sách\n\n"


def _run(tmp_path, body: str, province: str = "Khánh Hòa", section: str = BUDGET):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


def _rules(found) -> set[str]:
    return {rule for rule, _ in found}


# --- A plan of a narrower whole is no plan of the whole ---------------------------------

def test_a_plan_that_leaves_something_out_is_not_the_whole_plan(tmp_path):
    # The bracket states the plan of domestic revenue without land-use fees: the share of
    # plan of all domestic revenue, in the clause before, is not of it.
    body = ("- Thu nội địa ước 21.300 tỷ đồng, đạt 102,5% dự toán, tăng 7,2%; không kể thu tiền sử dụng đất, "
            "thu nội địa ước 16.100 tỷ đồng, đạt 105,0% dự toán (15.330 tỷ đồng).")
    facts, found = _run(tmp_path, body)
    assert "RT04" not in _rules(found)


def test_a_bracketed_plan_is_the_base_of_the_ratio_before_it_only(tmp_path):
    # The later clause's words name no scope the reader knows: the bracket is still its
    # ratio's, not a plan stated elsewhere for the ratio of the clause before.
    body = ("- Thu nội địa ước 21.300 tỷ đồng, đạt 102,5% dự toán, tăng 7,2%; riêng khối tỉnh quản lý thu nội địa "
            "ước 9.000 tỷ đồng, đạt 98,0% dự toán (9.180 tỷ đồng).")
    facts, found = _run(tmp_path, body)
    assert "RT04" not in _rules(found)


def test_the_narrower_plan_still_checks_its_own_share(tmp_path):
    body = ("- Thu nội địa ước 21.300 tỷ đồng, đạt 102,5% dự toán, tăng 7,2%; không kể thu tiền sử dụng đất, "
            "thu nội địa ước 16.100 tỷ đồng, đạt 110,0% dự toán (15.330 tỷ đồng).")
    facts, found = _run(tmp_path, body)
    assert ("RT04", ["110,0%", "15.330 tỷ đồng", "ước 16.100 tỷ đồng"]) in found


def test_a_plan_named_by_its_giver_is_still_the_plan(tmp_path):
    # The plan stated once, with the body that set it, is the base of a share of plan that
    # names no body.
    body = ("- Dự toán thu nội địa HĐND tỉnh giao 20.780 tỷ đồng.\n"
            "- Thu nội địa ước 21.300 tỷ đồng, đạt 112,5% dự toán, tăng 7,2%.")
    facts, found = _run(tmp_path, body)
    assert "RT04" in _rules(found)


# --- A part set apart in another period is no share of the total before it ------------

POVERTY = "# BÁO CÁO KẾT QUẢ GIẢM NGHÈO GIAI ĐOẠN 2021 - 2025\n\n## 1. Kết quả\n\n"


def test_a_year_set_apart_is_no_share_of_the_terms_level(tmp_path):
    # `chiếm 4,9%` is of all households of the province, a total not stated: the count of
    # another year before it is no base.
    body = ("Số hộ cận nghèo giảm từ 19.640 hộ (8,02%) xuống 12.170 hộ (4,61%); riêng năm 2023 còn 13.090 hộ, "
            "chiếm 4,9%.")
    facts, found = _run(tmp_path, body, province="Lào Cai", section=POVERTY)
    assert "RT04" not in _rules(found)


def test_a_part_of_the_same_period_is_still_a_share_of_its_total(tmp_path):
    body = ("Cuối năm 2025 toàn tỉnh có 264.300 hộ dân cư; trong đó 12.170 hộ cận nghèo, chiếm 5,6%.")
    facts, found = _run(tmp_path, body, province="Lào Cai", section=POVERTY)
    assert ("RT04", ["12.170 hộ", "264.300 hộ dân", "5,6%"]) in found


# --- Counts before a reorganisation, and its change, are no level of now -----------------

REVIEW = "# BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025\n\n## I. Tình hình chung\n\n"
UNITS_NOW = "Sau hợp nhất, tỉnh có 102 đơn vị hành chính cấp xã (88 xã, 14 phường).\n\n## II. Kết quả\n\n"


def test_a_fall_after_its_two_levels_is_no_level(tmp_path):
    body = UNITS_NOW + "- Sắp xếp bộ máy: số đơn vị hành chính cấp xã giảm từ 356 xuống còn 102, giảm 254 đơn vị (71,3%)."
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert fact_row(facts, "254 đơn vị")["role"] == "change"
    assert "SV01" not in _rules(found)


def test_a_fall_after_its_two_levels_is_checked_against_them(tmp_path):
    body = UNITS_NOW + "- Sắp xếp bộ máy: số đơn vị hành chính cấp xã giảm từ 356 xuống còn 102, giảm 264 đơn vị (71,3%)."
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert ("RT04", ["102", "264 đơn vị", "356"]) in found


def test_the_count_before_the_reorganisation_is_no_count_of_now(tmp_path):
    body = (UNITS_NOW + "- Chính quyền địa phương hai cấp vận hành ổn định tại 102 đơn vị hành chính cấp xã.\n\n"
            "Trước sắp xếp, tỉnh có 356 đơn vị hành chính cấp xã; sau sắp xếp giảm 254 đơn vị, tương ứng giảm 71,3%.")
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert fact_row(facts, "356 đơn vị")["role"] == "baseline"
    assert "SV01" not in _rules(found)


def test_the_time_after_may_come_in_the_next_sentence(tmp_path):
    body = (UNITS_NOW + "- Chính quyền địa phương hai cấp vận hành ổn định tại 102 đơn vị hành chính cấp xã.\n\n"
            "Trước sắp xếp, tỉnh có 356 đơn vị hành chính cấp xã. Đến nay, bộ máy mới đã đi vào nền nếp.")
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert fact_row(facts, "356 đơn vị")["role"] == "baseline"
    assert "SV01" not in _rules(found)


def test_the_count_after_the_reorganisation_is_still_compared(tmp_path):
    body = (UNITS_NOW + "- Chính quyền địa phương hai cấp vận hành ổn định tại 102 đơn vị hành chính cấp xã.\n\n"
            "Trước sắp xếp, tỉnh có 356 đơn vị hành chính cấp xã; sau sắp xếp còn 104 đơn vị hành chính cấp xã.")
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert fact_row(facts, "356 đơn vị")["role"] == "baseline"
    assert "SV01" in _rules(found)


def test_a_result_counted_in_the_old_units_keeps_its_role(tmp_path):
    # No time after the reorganisation said: the sentence may give a result of now, counted
    # in the communes before it, and its parts still add up to it.
    body = UNITS_NOW + ("Trước sắp xếp, 95/120 xã của hai tỉnh đạt chuẩn nông thôn mới nâng cao "
                        "(Gia Lai cũ 40/52 xã; Bình Định cũ 55/68 xã).")
    facts, found = _run(tmp_path, body, province="Gia Lai", section=REVIEW)
    assert fact_row(facts, "95/120 xã")["role"] == "actual"


# --- What was added in the year is no stock ---------------------------------------------

FARMING = "# BÁO CÁO KẾT QUẢ SẢN XUẤT NÔNG NGHIỆP NĂM 2025\n\n## II. Kết quả\n\n"
ADDED = ("Năm 2025 toàn tỉnh công nhận mới 38 sản phẩm OCOP (Gia Lai cũ 20 sản phẩm; Bình Định cũ 18 sản phẩm). "
         "Lũy kế đến nay toàn tỉnh có 405 sản phẩm OCOP (Gia Lai cũ 230; Bình Định cũ 175).")


def test_products_added_in_the_year_are_not_the_stock(tmp_path):
    facts, found = _run(tmp_path, ADDED, province="Gia Lai", section=FARMING)
    assert fact_row(facts, "38 sản phẩm")["measure"] == "increase"
    assert fact_row(facts, "20 sản phẩm")["measure"] == "increase"
    assert "SV01" not in _rules(found)


def test_the_stock_and_the_additions_are_each_still_compared(tmp_path):
    body = ADDED + ("\n\n## III. Đánh giá\n\nToàn tỉnh hiện có 415 sản phẩm OCOP; riêng năm 2025 công nhận mới "
                    "36 sản phẩm OCOP.")
    facts, found = _run(tmp_path, body, province="Gia Lai", section=FARMING)
    compared = sorted(texts for rule, texts in found if rule == "SV01")
    assert compared == [["36 sản phẩm", "38 sản phẩm"], ["405 sản phẩm", "415 sản phẩm"]]


# --- A target in a count judges the count, not the share stated of it --------------------

def _ntm(target: str) -> str:
    return ("Tính theo đơn vị hành chính cũ, toàn tỉnh có 118/160 xã đạt chuẩn nông thôn mới nâng cao, chiếm 73,8%, "
            f"vượt kế hoạch ({target} xã).")


def test_an_evaluation_of_a_count_is_not_judged_on_the_share(tmp_path):
    facts, found = _run(tmp_path, _ntm("110"), province="Gia Lai", section=FARMING)
    assert "VD01" not in _rules(found)
    assert fact_row(facts, "110 xã")["unit"] == "xa"


def test_an_evaluation_the_count_belies_still_alarms(tmp_path):
    facts, found = _run(tmp_path, _ntm("125"), province="Gia Lai", section=FARMING)
    assert ("VD01", ["118/160 xã", "125 xã", "vượt"]) in found


# --- A place within the province, named, is not the province ----------------------------

TOURISM = "# BÁO CÁO KẾT QUẢ HOẠT ĐỘNG DU LỊCH 6 THÁNG NĂM 2025\n\n## I. Khách du lịch\n\n"
TOTAL = ("Tổng lượt khách du lịch 6 tháng ước đạt 8,40 triệu lượt, tăng 9,1% so với cùng kỳ; trong đó khách quốc tế "
         "ước đạt 0,62 triệu lượt.\n\n")


def _no_province(row) -> bool:
    return not isinstance(row["entity"], str) or not row["entity"]


def test_a_named_area_and_a_bay_are_not_the_province(tmp_path):
    body = TOTAL + ("Khu vực Sầm Sơn (theo địa giới cũ) tiếp tục là điểm đến hàng đầu của tỉnh với 3,10 triệu lượt "
                    "khách, trong đó 0,25 triệu lượt khách quốc tế. Danh lam thắng cảnh vịnh Nghi Sơn đón 1,35 triệu "
                    "lượt khách, trong đó 0,11 triệu lượt khách quốc tế.")
    facts, found = _run(tmp_path, body, province="Thanh Hóa", section=TOURISM)
    assert _no_province(fact_row(facts, "3,10 triệu lượt khách"))
    assert _no_province(fact_row(facts, "1,35 triệu lượt khách"))
    assert "SV01" not in _rules(found)


def test_the_province_after_a_named_area_is_still_compared(tmp_path):
    body = TOTAL + ("Khu vực Sầm Sơn (theo địa giới cũ) đón 3,10 triệu lượt khách; toàn tỉnh đón 8,60 triệu lượt "
                    "khách du lịch.")
    facts, found = _run(tmp_path, body, province="Thanh Hóa", section=TOURISM)
    assert _no_province(fact_row(facts, "3,10 triệu lượt khách"))
    assert ("SV01", ["8,60 triệu lượt khách", "ước đạt 8,40 triệu lượt"]) in found


def test_a_sector_is_no_place(tmp_path):
    body = ("Vốn đầu tư toàn xã hội ước đạt 64.200 tỷ đồng; trong đó vốn khu vực Nhà nước 18.300 tỷ đồng, "
            "chiếm 28,5%.")
    facts, found = _run(tmp_path, body, province="Thanh Hóa", section=TOURISM)
    assert fact_row(facts, "18.300 tỷ đồng")["entity"] == "thanh_hoa"


def test_a_sector_opening_its_sentence_is_no_place(tmp_path):
    body = ("Khu vực Nhà nước đạt 18.300 tỷ đồng vốn đầu tư. Khu vực FDI thu hút 1,2 tỷ USD vốn đăng ký.")
    facts, found = _run(tmp_path, body, province="Thanh Hóa", section=TOURISM)
    assert fact_row(facts, "18.300 tỷ đồng")["entity"] == "thanh_hoa"
    assert fact_row(facts, "1,2 tỷ USD")["entity"] == "thanh_hoa"
