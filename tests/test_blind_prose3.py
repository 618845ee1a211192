"""Prose relations the blind drafts of round 8 showed unread, in our own words: a bracket that
opens with a past year and holds figures of its own dates those figures, not the figure
before it (`chiếm 5,0% (năm 2020 tương ứng là …)`); a rate's change in points stated after
its past level in brackets (`còn 8,1% (cuối năm 2024 là 10,3%), giảm 2,2 điểm %`); the
sectors' contributions in points to a growth rate, which add up to it (`trong mức tăng chung,
khu vực dịch vụ đóng góp 3,0 điểm phần trăm; …`); a share followed by its whole in brackets
(`chiếm 1,3% tổng số hộ (980.450 hộ)`); a bare measure word under an item naming its crop
(`b) Cây mía: diện tích …, năng suất …, sản lượng …`), whose area times yield is its output.
Each form has a case that holds (silent) and one with a planted mismatch."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, fact_row, header, run_text

HEAD = header("Gia Lai") + "# I. KẾT QUẢ NĂM 2025\n\n"

# (draft paragraph, the rules that must report)
BRACKET_YEAR = [
    # The last share before a bracket of the earlier year's shares is of this year: the
    # four parts of this year's structure add up to 100, or are queried.
    ("Cơ cấu kinh tế năm 2025: nông, lâm nghiệp và thủy sản chiếm 30,5%, công nghiệp - xây dựng "
     "chiếm 28,0%, dịch vụ chiếm 36,5%, thuế sản phẩm trừ trợ cấp sản phẩm chiếm 5,0% (năm 2020 "
     "tương ứng là 35,0%; 25,1%; 35,2% và 4,7%).", []),
    ("Cơ cấu kinh tế năm 2025: nông, lâm nghiệp và thủy sản chiếm 30,5%, công nghiệp - xây dựng "
     "chiếm 28,0%, dịch vụ chiếm 38,5%, thuế sản phẩm trừ trợ cấp sản phẩm chiếm 5,0% (năm 2020 "
     "tương ứng là 35,0%; 25,1%; 35,2% và 4,7%).", ["SH01"]),
    ("Năm 2025, cơ cấu kinh tế gồm khu vực nông, lâm nghiệp và thủy sản 30,5%; công nghiệp - xây dựng "
     "28,0%; dịch vụ 38,5%; thuế sản phẩm trừ trợ cấp sản phẩm 5,0% (năm 2020 lần lượt là 35,0%; "
     "25,1%; 35,2%; 4,7%).", ["SH01"]),
]

POINTS_AFTER_PAST = [
    ("Tỷ lệ hộ nghèo đa chiều giảm còn 8,10% (cuối năm 2024 là 10,30%), giảm 2,20 điểm phần trăm.", []),
    ("Tỷ lệ hộ nghèo đa chiều giảm còn 8,10% (cuối năm 2024 là 10,30%), giảm 2,02 điểm phần trăm.", ["RT04"]),
    ("Tỷ lệ lao động qua đào tạo đạt 71,5% (năm 2024: 69,0%), tăng 2,5 điểm phần trăm.", []),
    ("Tỷ lệ lao động qua đào tạo đạt 71,5% (năm 2024: 69,0%), tăng 3,5 điểm phần trăm.", ["RT04"]),
]


GROWTH = "Tổng sản phẩm trên địa bàn (GRDP) năm 2025 ước tăng 7,50% so với năm 2024. "
FOUR = ("Trong mức tăng chung, khu vực nông, lâm nghiệp và thủy sản đóng góp 0,80 điểm phần trăm; khu vực "
        "công nghiệp - xây dựng đóng góp 3,10 điểm phần trăm; khu vực dịch vụ đóng góp {services} điểm phần "
        "trăm; thuế sản phẩm trừ trợ cấp sản phẩm đóng góp 0,60 điểm phần trăm.")
INTERLEAVED = ("Kinh tế tăng trưởng khá, GRDP ước tăng 8,2%; trong đó khu vực nông, lâm nghiệp và thủy sản "
               "tăng 3,0%, đóng góp 0,5 điểm phần trăm; khu vực công nghiệp - xây dựng tăng 11,0%, đóng góp "
               "{industry} điểm phần trăm; khu vực dịch vụ tăng 7,5%, đóng góp 3,0 điểm phần trăm; thuế sản "
               "phẩm trừ trợ cấp sản phẩm tăng 6,0%, đóng góp 0,5 điểm phần trăm.")
THREE = ("Trong mức tăng trưởng chung, khu vực nông, lâm nghiệp và thủy sản đóng góp 0,80 điểm phần trăm; "
         "khu vực công nghiệp - xây dựng đóng góp 3,10 điểm phần trăm; khu vực dịch vụ đóng góp {services} "
         "điểm phần trăm.")
CONTRIBUTIONS = [
    (GROWTH + FOUR.format(services="3,00"), []),
    (GROWTH + FOUR.format(services="3,30"), ["PW02"]),
    (INTERLEAVED.format(industry="4,2"), []),
    (INTERLEAVED.format(industry="4,6"), ["PW02"]),
    # Without the taxes on products the sectors are not all of the growth: they only bound it.
    (GROWTH + THREE.format(services="3,00"), []),
    (GROWTH + THREE.format(services="3,90"), ["PW02"]),
    # The province's rate broken down (`trong đó`) by its former provinces' rates: the
    # contributions make up the first, the whole, not the last rate before them.
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2025 ước tăng 7,50% so với năm 2024; trong đó khu vực Bình "
     "Định (cũ) tăng 7,10%, khu vực Gia Lai (cũ) tăng 8,00%. " + FOUR.format(services="3,00"), []),
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2025 ước tăng 7,50% so với năm 2024; trong đó khu vực Bình "
     "Định (cũ) tăng 7,10%, khu vực Gia Lai (cũ) tăng 8,00%. " + FOUR.format(services="3,60"), ["PW02"]),
    # Two rates with no `trong đó` between them: which one the contributions make up is
    # unsaid (here the first; the last, last year's, was taken before), so nothing is summed.
    ("GRDP năm 2025 ước tăng 7,50% so với năm 2024, cao hơn mức tăng 6,90% của năm 2024. "
     + FOUR.format(services="3,00"), []),
    # A sector that pulled growth down is written in words: its sign is not read, the
    # sentence is left alone.
    ("Chỉ số sản xuất công nghiệp tăng 6,5% so với cùng kỳ; trong đó ngành chế biến, chế tạo tăng 8,0%, "
     "đóng góp 6,2 điểm phần trăm; ngành sản xuất và phân phối điện tăng 9,0%, đóng góp 0,9 điểm phần "
     "trăm; ngành khai khoáng giảm 4,0%, làm giảm 0,6 điểm phần trăm.", []),
]


WHOLE_IN_BRACKETS = [
    ("Cuối năm 2025 toàn tỉnh còn 12.400 hộ nghèo, chiếm 2,48% tổng số hộ dân cư (500.000 hộ).", []),
    ("Cuối năm 2025 toàn tỉnh còn 12.400 hộ nghèo, chiếm 2,84% tổng số hộ dân cư (500.000 hộ).", ["RT04"]),
    ("Năm 2025 có 1.250 doanh nghiệp thành lập mới, chiếm khoảng 25% số doanh nghiệp đang hoạt động "
     "(5.000 doanh nghiệp).", []),
    ("Năm 2025 có 1.250 doanh nghiệp thành lập mới, chiếm khoảng 30% số doanh nghiệp đang hoạt động "
     "(5.000 doanh nghiệp).", ["RT04"]),
    # The bracket holds no whole in the share's unit: nothing is recomputed.
    ("Cuối năm 2025 toàn tỉnh còn 12.400 hộ nghèo, chiếm 2,84% tổng số hộ (năm 2024 là 3,1%).", []),
]


CROP_ITEMS = [
    ("b) Cây mía: diện tích 10.000 ha, năng suất 700 tạ/ha, sản lượng 700.000 tấn.", []),
    ("b) Cây mía: diện tích 10.000 ha, năng suất 700 tạ/ha, sản lượng 720.000 tấn.", ["ID05"]),
    ("a) Cây lúa: tổng diện tích gieo trồng cả năm 120.500 ha; năng suất bình quân 55,2 tạ/ha, tăng "
     "0,5 tạ/ha; sản lượng 665.160 tấn.", []),
    ("a) Cây lúa: tổng diện tích gieo trồng cả năm 120.500 ha; năng suất bình quân 55,2 tạ/ha, tăng "
     "0,5 tạ/ha; sản lượng 656.160 tấn.", ["ID04"]),
    ("- Cây sắn (khoai mì): diện tích ước đạt 20.000 ha; năng suất 250 tạ/ha; sản lượng 500.000 tấn.", []),
    ("- Cây sắn (khoai mì): diện tích ước đạt 20.000 ha; năng suất 250 tạ/ha; sản lượng 550.000 tấn.", ["ID06"]),
]


@pytest.mark.parametrize("text, rules", BRACKET_YEAR + POINTS_AFTER_PAST + CONTRIBUTIONS + WHOLE_IN_BRACKETS
                         + CROP_ITEMS)
def test_a_bracket_of_past_figures_and_a_change_after_it(tmp_path, text, rules):
    _, findings, _ = run_text(tmp_path, HEAD + text + "\n")
    assert sorted(f.rule for f in alarms(findings)) == rules


def test_a_year_in_a_bracket_alone_still_dates_the_figure_before_it(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + "Thu ngân sách đạt 12.500 tỷ đồng (năm 2024), vượt dự toán.\n")
    assert fact_row(facts, "12.500 tỷ đồng")["period"] == "2024"


def test_the_past_rate_in_brackets_is_the_same_rate_a_year_before(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + POINTS_AFTER_PAST[0][0] + "\n")
    now, past = fact_row(facts, "8,10%"), fact_row(facts, "10,30%")
    assert (now["period"], past["period"]) == ("2025", "2024")
    assert now["indicator"] == past["indicator"] == "poverty_rate"


def test_a_bracket_that_is_not_a_past_level_is_not_read_as_one(tmp_path):
    # (the bracket names a former province, not a year: no change is read from it)
    _, findings, _ = run_text(tmp_path, HEAD + "Tỷ lệ che phủ rừng đạt 48,0% (Gia Lai cũ 47,0%), "
                              "tăng 2,5 điểm phần trăm.\n")
    assert [f.rule for f in alarms(findings) if f.rule == "RT04"] == []


def test_a_measure_word_under_a_crop_item_reads_the_crop_and_a_change_does_not(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + CROP_ITEMS[2][0] + "\n")
    assert [fact_row(facts, t)["indicator"] for t in ("120.500 ha", "55,2 tạ/ha", "665.160 tấn")] == \
        ["rice_area", "rice_yield", "rice_output"]
    assert not isinstance(fact_row(facts, "0,5 tạ/ha")["indicator"], str)


def test_an_item_the_catalog_has_no_crop_of_is_left_unread(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + "c) Cây điều: diện tích 5.000 ha, sản lượng 6.000 tấn.\n")
    assert not isinstance(fact_row(facts, "5.000 ha")["indicator"], str)
