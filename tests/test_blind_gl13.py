"""Classes of session 13 (w29), each in short drafts of our own: a name after a word of place
(`tại các khu công nghiệp`) is where the figure is measured, not what it measures; firms that
come back to business (`quay trở lại hoạt động`) are no stock of operating firms."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text

RESULTS = "# I. KẾT QUẢ NĂM 2025\n\n"


def _run(tmp_path, body: str, province: str = "Quảng Ngãi"):
    facts, findings, _ = run_text(tmp_path, header(province) + RESULTS + body + "\n")
    return facts, rules_and_texts(findings)


# Class 1: a name governed by a word of place is no subject of the figure after it.
PLACED = [
    "Diện tích đất sẵn sàng cho thuê tại các khu công nghiệp là 1.730 ha.",
    "Quỹ đất còn trống ở các khu công nghiệp khoảng 415 ha.",
    "Tổng diện tích mặt bằng trong khu công nghiệp đạt 980 ha.",
]


@pytest.mark.parametrize("sentence", PLACED)
def test_a_name_after_a_word_of_place_is_no_unit_misfit(tmp_path, sentence):
    facts, found = _run(tmp_path, sentence)
    assert [f for f in found if f[0] == "ST02"] == [], found


def test_a_name_that_is_the_subject_is_still_a_misfit(tmp_path):
    _, found = _run(tmp_path, "Vận tải hành khách 9 tháng ước đạt 42,65 triệu tấn.")
    assert [f for f in found if f[0] == "ST02"], found


# Class 2: firms back in business (or out of it) are a flow of their own, not the stock `đang hoạt động`.
@pytest.mark.parametrize("verb", ["quay trở lại", "tạm ngừng"])
def test_firms_back_in_business_are_no_stock_of_firms(tmp_path, verb):
    facts, found = _run(tmp_path, f"- Có 530 doanh nghiệp {verb} hoạt động (Quảng Ngãi cũ 310; Kon Tum cũ 220).\n"
                        "- Đến cuối năm 2025, toàn tỉnh có 12.400 doanh nghiệp đang hoạt động "
                        "(Quảng Ngãi cũ 8.900; Kon Tum cũ 3.500).")
    assert fact_row(facts, "530 doanh nghiệp")["indicator"] != "enterprises"
    assert [f for f in found if f[0].startswith("SV")] == [], found


def test_two_stocks_of_operating_firms_that_differ_still_alarm(tmp_path):
    _, found = _run(tmp_path, "- Đến cuối năm 2025, toàn tỉnh có 12.400 doanh nghiệp đang hoạt động "
                    "(Quảng Ngãi cũ 8.900; Kon Tum cũ 3.500).\n"
                    "- Khu vực Quảng Ngãi (cũ) có 8.700 doanh nghiệp đang hoạt động.")
    assert [f for f in found if f[0].startswith("SV")], found


# Class 3: the rate of children fully immunised is an indicator of the catalog, so the text
# and the table's row of it are compared.
IMMUNISED = ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {}% (30.120/31.400 trẻ).\n\n"
             "| STT | Chỉ tiêu | Đơn vị | KH 2025 | TH 2025 |\n|---|---|---|---|---|\n"
             "| 1 | Tỷ lệ trẻ dưới 1 tuổi tiêm chủng đầy đủ | % | 95,0 | 95,9 |\n")


def test_the_immunisation_rate_in_text_and_table_is_compared(tmp_path):
    facts, found = _run(tmp_path, IMMUNISED.format("95,4"))
    assert fact_row(facts, "95,4%")["indicator"] == "full_immunisation_rate"
    assert [f for f in found if f[0] == "SV01" and "95,4%" in f[1]], found


def test_the_same_immunisation_rate_twice_is_no_alarm(tmp_path):
    _, found = _run(tmp_path, IMMUNISED.format("95,9"))
    assert [f for f in found if f[0].startswith("SV")] == [], found


# Class 4: a share's whole named with its joining words left out (`tổng vốn đăng ký mới` for
# `tổng vốn đăng ký của các dự án mới`) is still that whole.
WHOLE_NAMED = ("- Tổng vốn đăng ký của các dự án mới đạt 52.400 tỷ đồng, tăng 12,0% so với năm 2024.\n"
               "- Ngành chế biến gỗ có 17 dự án với tổng vốn 13.100 tỷ đồng, chiếm {}% tổng vốn đăng ký mới.\n")


def test_a_share_of_a_whole_named_without_its_joining_words_is_checked(tmp_path):
    _, found = _run(tmp_path, WHOLE_NAMED.format("28,0"))
    assert [f for f in found if f[0] == "RT04" and "28,0%" in f[1]], found


def test_the_right_share_of_that_whole_is_no_alarm(tmp_path):
    _, found = _run(tmp_path, WHOLE_NAMED.format("25,0"))
    assert [f for f in found if f[0].startswith("RT")] == [], found


# Class 5: a mean per firm, the firms and the total stated in one sentence of a list item
# are checked as in a paragraph.
PER_FIRM = "- Năm 2025 có 1.870 doanh nghiệp thành lập mới, tổng vốn đăng ký 15.300 tỷ đồng, bình quân {} tỷ đồng/doanh nghiệp.\n"


def test_a_mean_per_firm_in_a_list_item_is_checked(tmp_path):
    _, found = _run(tmp_path, PER_FIRM.format("8,95"))
    assert [f for f in found if f[0] == "ID09"], found


def test_the_right_mean_per_firm_in_a_list_item_is_no_alarm(tmp_path):
    _, found = _run(tmp_path, PER_FIRM.format("8,18"))
    assert [f for f in found if f[0] == "ID09"] == [], found


# Class 6: `A gấp N lần B`, A and B each wholly the name of an indicator whose current level
# was stated in the items just before: N is the quotient of those two levels (a past level a
# change is measured from is none of them).
NAMED_MULTIPLE = ("- Năm 2025 kim ngạch xuất khẩu đạt 4.200 triệu USD, tăng 8,0% so với năm 2024 (3.889 triệu USD).\n"
                  "- Kim ngạch nhập khẩu đạt 3.000 triệu USD, giảm 2,0% so với năm 2024 (3.061 triệu USD). "
                  "Kim ngạch xuất khẩu gấp {} lần kim ngạch nhập khẩu.\n")


def test_a_multiple_of_two_named_levels_stated_before_is_checked(tmp_path):
    facts, found = _run(tmp_path, NAMED_MULTIPLE.format("1,6"))
    assert [f for f in found if f[0] == "RT02" and "1,6 lần" in f[1]], found


def test_the_right_multiple_of_two_named_levels_is_no_alarm(tmp_path):
    facts, found = _run(tmp_path, NAMED_MULTIPLE.format("1,4"))
    assert fact_row(facts, "4.200 triệu USD")["id"] == fact_row(facts, "1,4 lần")["ratio_num"]
    assert [f for f in found if f[0].startswith("RT")] == [], found


def test_two_current_levels_of_one_name_leave_the_multiple_unread(tmp_path):
    facts, _ = _run(tmp_path, "- Năm 2025 kim ngạch xuất khẩu đạt 4.200 triệu USD.\n- Cả năm kim ngạch xuất khẩu đạt 4.020 triệu USD.\n"
                    "- Kim ngạch nhập khẩu đạt 3.000 triệu USD. Kim ngạch xuất khẩu gấp 1,4 lần kim ngạch nhập khẩu.\n")
    assert pd.isna(fact_row(facts, "1,4 lần")["ratio_num"])
