"""False alarms of a third round of blind drafts, each as a short draft of our own: a target
held against a pace of change, a whole-number target against a decimal level, a fraction
in brackets after its percentage, parts in two units side by side, a list with a member
left unread, a growth rate at current prices beside real growth."""

from __future__ import annotations

from tests.conftest import header, rules_and_texts, run_text


def _rules(tmp_path, body: str, head: str = "# I. KẾT QUẢ NĂM 2025\n\n", province: str = "Thái Nguyên"):
    _, findings, _ = run_text(tmp_path, header(province) + head + body + "\n")
    return [rule for rule, _ in rules_and_texts(findings)]


# TP01: a target is held against a level, never against a pace of change.

NEXT_TERM = "{done}\n\n# II. MỤC TIÊU NHIỆM KỲ 2026 - 2030\n\n{target}"


def test_a_whole_number_target_above_a_decimal_level_asks_for_more(tmp_path):
    done = "Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 58,7%."
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target="Đến năm 2030, tỷ lệ che phủ rừng giữ ổn định ở mức 59%.")) == []
    table = ("| TT | Chỉ tiêu | Đơn vị | Thực hiện năm 2025 | Mục tiêu đến năm 2030 |\n|---|---|---|---|---|\n"
             "| 1 | Tỷ lệ che phủ rừng | % | 58,7 | 59 |")
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target=table)) == []


def test_a_whole_number_target_below_the_level_reached_is_flagged(tmp_path):
    done = "Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 58,7%."
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target="Đến năm 2030, tỷ lệ che phủ rừng giữ ổn định ở mức 58%.")) \
        == ["TP01"]


def test_a_slower_growth_target_is_no_lower_level(tmp_path):
    done = "Năm 2025, tốc độ tăng giá trị sản xuất công nghiệp đạt 9,4%; tăng trưởng kinh tế (GRDP) đạt 8,6%."
    target = ("Năm 2026, phấn đấu tốc độ tăng giá trị sản xuất công nghiệp đạt 9,0%; "
              "tăng trưởng kinh tế (GRDP) đạt 8,2%.")
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target=target).replace("NHIỆM KỲ 2026 - 2030", "NĂM 2026")) \
        == []


def test_a_yearly_fall_in_points_is_not_held_against_the_rate_left(tmp_path):
    done = "Cuối năm 2025, tỷ lệ hộ nghèo theo chuẩn đa chiều còn 2,9%."
    target = "Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm bình quân 0,4 - 0,5 điểm phần trăm/năm, đến năm 2030 còn dưới 1%."
    table = ("\n\n| TT | Chỉ tiêu | Đơn vị | Thực hiện năm 2025 | Mục tiêu đến năm 2030 |\n|---|---|---|---|---|\n"
             "| 1 | Tỷ lệ hộ nghèo (chuẩn đa chiều) | % | 2,9 | < 1 |")
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target=target + table)) == []


def test_a_lower_level_target_beside_a_slower_pace_is_still_flagged(tmp_path):
    done = "Năm 2025, tỷ lệ đô thị hóa đạt 41,2%; tốc độ tăng trưởng kinh tế (GRDP) đạt 8,6%."
    target = "Đến năm 2030, tỷ lệ đô thị hóa đạt 40%; tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 8,2%/năm."
    assert _rules(tmp_path, NEXT_TERM.format(done=done, target=target)) == ["TP01"]


# RT01: a fraction in brackets restates the percentage before it, not the next one.

WATER = ("Tỷ lệ hộ dân nông thôn sử dụng nước sạch đạt {rate} ({num}/175.490 hộ), trong đó khu vực "
         "miền núi 66,0%, khu vực đồng bằng 78,3%.")


def test_a_bracketed_fraction_restates_the_percentage_before_it(tmp_path):
    assert _rules(tmp_path, WATER.format(rate="71,4%", num="125.300")) == []
    schools = ("Tỷ lệ học sinh lớp 9 tốt nghiệp trung học cơ sở đạt 99,3%; trong đó khu vực thành phố 99,12% "
               "(23.660/23.870), khu vực nông thôn 99,48% (20.309/20.415).")
    assert _rules(tmp_path, schools) == []


def test_a_bracketed_fraction_that_does_not_give_its_percentage_is_flagged(tmp_path):
    assert _rules(tmp_path, WATER.format(rate="71,4%", num="121.300")) == ["RT01"]


def test_a_growth_rate_before_a_bracketed_fraction_is_no_share_of_it(tmp_path):
    text = "Số doanh nghiệp thành lập mới tăng 12,5% (1.350/1.200 doanh nghiệp), cao nhất từ trước đến nay."
    assert "RT01" not in _rules(tmp_path, text)


# PW02: the parts of a sum are all of it only when every member was read, in the total's unit.

def test_a_list_with_a_member_left_unread_is_no_complete_sum(tmp_path):
    head = "# I. DỰ TOÁN NGÂN SÁCH NĂM 2026\n\n"
    text = ("Tổng chi ngân sách địa phương năm 2026 là 18.640 tỷ đồng, gồm: chi đầu tư phát triển 6.210 tỷ đồng, "
            "chiếm 33,3%; chi thường xuyên 12.060 tỷ đồng, chiếm 64,7%; dự phòng ngân sách 370 tỷ đồng, bằng 2,0% "
            "tổng chi.")
    assert "PW02" not in _rules(tmp_path, text, head=head)
    wrong = text.replace("12.060", "13.060")
    assert "PW02" in _rules(tmp_path, wrong.replace("; dự phòng ngân sách 370 tỷ đồng, bằng 2,0% tổng chi", ""),
                            head=head)


GIFTS = ("Dịp Tết, tỉnh tặng 96.310 suất quà cho các gia đình chính sách, tổng trị giá {total} tỷ đồng "
         "(Bắc Kạn cũ 51.200 suất, 30,7 tỷ đồng; Thái Nguyên cũ 45.110 suất, 27,1 tỷ đồng).")


def test_counts_beside_amounts_are_not_parts_of_the_amount(tmp_path):
    assert "PW02" not in _rules(tmp_path, GIFTS.format(total="57,8"))


def test_the_amounts_of_each_member_still_make_the_total(tmp_path):
    assert "PW02" in _rules(tmp_path, GIFTS.format(total="59,8"))


# SV01: a growth rate at current prices is another measure than real growth.

GROWTH = ("Tăng trưởng kinh tế: GRDP năm 2025 theo giá so sánh ước tăng 8,1% so với năm 2024. "
          "Quy mô GRDP theo giá hiện hành ước đạt 142.300 tỷ đồng, tăng 11,6% so với năm 2024 (127.510 tỷ đồng).")


def test_nominal_growth_beside_real_growth_is_no_second_value(tmp_path):
    assert _rules(tmp_path, GROWTH) == []


def test_real_growth_stated_twice_with_two_values_is_still_flagged(tmp_path):
    again = "\n\nNăm 2025, tốc độ tăng trưởng kinh tế (GRDP) theo giá so sánh đạt 8,6%."
    assert _rules(tmp_path, GROWTH + again) == ["SV01"]


# A change in points from an earlier year's rate in brackets (RT04): what TP01 used to catch
# by chance, held against a target, is now recomputed from its own two rates.

POVERTY = "Cuối năm 2025, tỷ lệ hộ nghèo đa chiều còn 4,12%, giảm {} điểm phần trăm so với cuối năm 2024 (5,50%)."


def test_a_fall_in_points_from_last_years_rate_recomputes(tmp_path):
    assert _rules(tmp_path, POVERTY.format("1,38")) == []


def test_a_fall_in_points_that_its_rates_do_not_give_is_flagged(tmp_path):
    assert _rules(tmp_path, POVERTY.format("1,83")) == ["RT04"]
