"""False alarms of the blind drafts, fourth round: an amount summed over a term read as its
last year's, a rate per 10.000 people written with its count noun only, a target for a flow
made anew each year, and weights of another year.  Each class in short drafts of our own:
the case that alarmed before the fix, and one that must still be read."""

from __future__ import annotations

import re

import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text

TERM = "# KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025\n\n"


def _run(tmp_path, body: str, province: str = "Bắc Ninh", section: str = TERM):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


def _rules(found) -> set[str]:
    return {rule for rule, _ in found}


# --- An amount summed over the term is no level of its last year -------------------------

# The year's results by former province, as congress reports give them in an annex.
YEAR_TABLE = """
## Phụ lục. Kết quả năm 2025

*Đơn vị: tỷ đồng*

| STT | Chỉ tiêu | Bắc Ninh (cũ) | Bắc Giang (cũ) |
|---|---|---:|---:|
| 1 | Thu ngân sách nhà nước năm 2025 | {own} | 11.820 |
"""


@pytest.mark.parametrize("sentence", [
    "Tổng thu ngân sách nhà nước trên địa bàn 5 năm đạt 87.330 tỷ đồng, trong đó Bắc Ninh (cũ) 34.860 tỷ đồng, "
    "Bắc Giang (cũ) 52.470 tỷ đồng.",
    "Cả giai đoạn, thu ngân sách nhà nước đạt 87.330 tỷ đồng (Bắc Ninh cũ 34.860 tỷ đồng, Bắc Giang cũ 52.470 tỷ đồng).",
    "Tổng thu ngân sách nhà nước giai đoạn 2021 - 2025 đạt 87.330 tỷ đồng; trong đó Bắc Ninh (cũ) 34.860 tỷ đồng, "
    "Bắc Giang (cũ) 52.470 tỷ đồng.",
])
def test_a_revenue_summed_over_the_term_keeps_the_term(tmp_path, sentence):
    facts, found = _run(tmp_path, sentence + "\n" + YEAR_TABLE.format(own="7.950"))
    assert fact_row(facts, "87.330 tỷ đồng")["period"] == "2021-2025"
    assert fact_row(facts, "52.470 tỷ đồng")["period"] == "2021-2025"
    assert not _rules(found) & {"SV01", "PW01"}


def test_the_years_revenue_under_the_term_is_still_compared(tmp_path):
    # No word of a sum: the level stated under the term's heading is its last year's, and a
    # table of that year stating another value still disagrees with it.
    body = "Thu ngân sách nhà nước đạt 19.770 tỷ đồng (Bắc Ninh cũ 7.950 tỷ đồng, Bắc Giang cũ 11.820 tỷ đồng).\n"
    facts, found = _run(tmp_path, body + YEAR_TABLE.format(own="8.950"))
    assert fact_row(facts, "19.770 tỷ đồng")["period"] == "2025"
    assert ("PW01", ["11.820", "19.770 tỷ đồng", "8.950"]) in found


def test_a_rate_of_the_term_is_still_its_level_at_the_end(tmp_path):
    # `5 năm` before a rate (no amount that adds up over years): still the level at the end.
    facts, _ = _run(tmp_path, "Sau 5 năm, tỷ lệ hộ nghèo còn 1,2%; cả giai đoạn, tỷ lệ đô thị hóa đạt 40,5%.")
    assert fact_row(facts, "1,2%")["period"] == "2025"
    assert fact_row(facts, "40,5%")["period"] == "2025"


# --- A rate per 10.000 people written with its count noun only --------------------------

TARGETS = "\n## MỤC TIÊU ĐẾN NĂM 2030\n\n{target}\n"


@pytest.mark.parametrize("reached, target", [
    ("Số bác sĩ trên 1 vạn dân đạt 10,0 bác sĩ.", "Có 12 bác sĩ trên 1 vạn dân."),
    ("Số bác sĩ/vạn dân năm 2025 đạt 10,0 bác sĩ.", "Đạt 13 bác sĩ/vạn dân."),
    ("Số giường bệnh trên 1 vạn dân đạt 32 giường.", "Phấn đấu đạt 35 giường bệnh/vạn dân."),
])
def test_a_count_per_ten_thousand_is_on_the_scale_of_the_written_rate(tmp_path, reached, target):
    facts, found = _run(tmp_path, reached + "\n" + TARGETS.format(target=target),
                        section="# KẾT QUẢ NĂM 2025\n\n")
    assert "TP01" not in _rules(found)
    count = fact_row(facts, reached.split("đạt ")[1].rstrip("."))
    rate = fact_row(facts, re.search(r"\d+ [^.]*", target).group(0))
    assert count["unit"] == rate["unit"]
    assert count["lo"] < rate["lo"] < 1  # both per person, the target above the level reached


def test_a_target_per_ten_thousand_below_the_count_reached_is_still_flagged(tmp_path):
    _, found = _run(tmp_path, "Số bác sĩ trên 1 vạn dân đạt 13,0 bác sĩ.\n"
                    + TARGETS.format(target="Có 12 bác sĩ trên 1 vạn dân."), section="# KẾT QUẢ NĂM 2025\n\n")
    assert ("TP01", ["12 bác sĩ trên 1 vạn dân", "13,0 bác sĩ"]) in found


# --- A target for a flow made anew each year ---------------------------------------------

YEAR = "# KẾT QUẢ NĂM 2025 VÀ KẾ HOẠCH NĂM 2026\n\n"


@pytest.mark.parametrize("done, plan", [
    ("Năm 2025 giải quyết việc làm cho 23.640 lao động.", "Năm 2026 phấn đấu giải quyết việc làm cho 23.000 lao động."),
    ("Năm 2025 có 2.150 doanh nghiệp thành lập mới.", "Kế hoạch năm 2026: doanh nghiệp thành lập mới 2.000 doanh nghiệp."),
])
def test_a_yearly_flow_target_below_a_good_year_is_no_slip(tmp_path, done, plan):
    _, found = _run(tmp_path, done + "\n\n" + plan, section=YEAR)
    assert "TP01" not in _rules(found)


def test_a_level_target_below_the_level_reached_is_still_flagged(tmp_path):
    _, found = _run(tmp_path, "Năm 2025 tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,2%.\n\n"
                    "Năm 2026 phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,5%.", section=YEAR)
    assert ("TP01", ["94,5%", "95,2%"]) in found


# --- Weights of another year ---------------------------------------------------------------

WEIGHTED = """## I. TÌNH HÌNH CHUNG

Dân số trung bình năm {year} của tỉnh Bắc Giang là 1.000,0 nghìn người, của tỉnh Bắc Ninh (cũ) là 1.000,0 nghìn người.

## II. KẾT QUẢ NĂM 2025

Tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 đạt {merged}.

Tại Bắc Giang (cũ), tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 đạt 60,0%. Tại Bắc Ninh (cũ), tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 đạt 90,0%.
"""


def test_weights_of_an_earlier_year_are_known_only_roughly(tmp_path):
    # With 2025 populations of 1.000 and 1.200 thousand the merged rate is 76,4%: the 2020
    # populations the text gives cannot tell it wrong.
    _, found = _run(tmp_path, WEIGHTED.format(year=2020, merged="76,4%"), section="")
    assert "WM01" not in _rules(found)


@pytest.mark.parametrize("year, merged", [(2025, "76,4%"), (2020, "86,0%")])
def test_weights_of_the_same_year_or_a_far_miss_still_fail(tmp_path, year, merged):
    _, found = _run(tmp_path, WEIGHTED.format(year=year, merged=merged), section="")
    assert "WM01" in _rules(found)


# --- A rate against a plan may pass 100% -----------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Tỉnh được tuyên dương nhờ tỷ lệ giải ngân vốn đầu tư công đạt 109%.",
    "Về đầu tư công, tỷ lệ giải ngân đạt 104,6%, cao nhất từ trước đến nay.",
    "Tỷ lệ thực hiện chỉ tiêu kết nạp đảng viên đạt 118%.",
])
def test_a_rate_against_a_plan_above_100_is_no_misused_share(tmp_path, sentence):
    _, found = _run(tmp_path, sentence, section="# KẾT QUẢ NĂM 2025\n\n")
    assert "ST02" not in _rules(found)


def test_a_share_of_a_whole_above_100_is_still_flagged(tmp_path):
    _, found = _run(tmp_path, "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 104,2%.", section="# KẾT QUẢ NĂM 2025\n\n")
    assert ("ST02", ["104,2%"]) in found


# --- The whole a share is of names no subject for the figures after it ----------------------

@pytest.mark.parametrize("sentence", [
    "Tổng vốn đầu tư phát triển ước đạt 171.000 tỷ đồng, chiếm 35,8% GRDP; trong đó Bắc Giang (cũ) 78.600 tỷ đồng, "
    "Bắc Ninh (cũ) 92.400 tỷ đồng.",
    "Vốn đầu tư khu vực ngoài nhà nước đạt 96.500 tỷ đồng, bằng 20,2% tổng GRDP, gồm Bắc Giang (cũ) 41.300 tỷ đồng và "
    "Bắc Ninh (cũ) 55.200 tỷ đồng.",
])
def test_parts_after_a_share_of_grdp_are_no_grdp(tmp_path, sentence):
    body = sentence + "\n\nQuy mô GRDP đạt 477.830 tỷ đồng (Bắc Giang cũ 215.480 tỷ đồng; Bắc Ninh cũ 262.350 tỷ đồng).\n"
    facts, found = _run(tmp_path, body, section="# KẾT QUẢ NĂM 2025\n\n")
    assert "SV01" not in _rules(found)
    part = re.search(r"Bắc Ninh \(cũ\) ([\d.]+ tỷ đồng)", sentence).group(1)
    assert fact_row(facts, part)["indicator"] != "grdp"


def test_a_level_named_before_its_parts_is_still_read(tmp_path):
    facts, _ = _run(tmp_path, "Quy mô GRDP đạt 477.830 tỷ đồng, chiếm 3,9% cả nước; trong đó Bắc Giang (cũ) "
                    "215.480 tỷ đồng, Bắc Ninh (cũ) 262.350 tỷ đồng.", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "477.830 tỷ đồng")["indicator"] == "grdp"


# --- A province that labels its own figure names none for the clauses after it ---------------

@pytest.mark.parametrize("sentence, total", [
    ("Giải quyết việc làm cho 165.300 lao động, trong đó Lào Cai cũ 78.400 lao động, Yên Bái cũ 86.900 lao động; "
     "tỷ lệ lao động qua đào tạo đạt 67,3% (Lào Cai cũ 68,2%; Yên Bái cũ 66,5%).", "67,3%"),
    ("Toàn tỉnh có 164 xã đạt chuẩn nông thôn mới, trong đó Lào Cai cũ 100/152 xã, Yên Bái cũ 64/88 xã; có 32 xã đạt "
     "chuẩn nông thôn mới nâng cao (Lào Cai cũ 18 xã; Yên Bái cũ 14 xã).", "32 xã"),
])
def test_a_listed_former_province_names_no_later_clause(tmp_path, sentence, total):
    facts, found = _run(tmp_path, sentence, province="Lào Cai", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, total)["entity"] == "lao_cai"
    assert "SV01" not in _rules(found)


def test_a_province_that_has_a_figure_stays_the_topic_of_its_clauses(tmp_path):
    # `Yên Bái có 03 thành phố …; 115/121 xã …`: a verb after the name makes it the topic.
    facts, _ = _run(tmp_path, "Yên Bái có 03 thành phố hoàn thành nhiệm vụ xây dựng nông thôn mới; 115/121 xã đạt chuẩn "
                    "nông thôn mới, bằng 95,04% số xã.", province="Lào Cai", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "115/121 xã")["entity"] == "yen_bai"


def test_a_province_opening_its_clauses_still_names_them(tmp_path):
    # `Tại Yên Bái (cũ), …; …`: the name opens the sentence, followed by a comma, not its own figure.
    facts, _ = _run(tmp_path, "Tại Yên Bái (cũ), giải quyết việc làm cho 86.900 lao động; tỷ lệ lao động qua đào tạo "
                    "đạt 66,5%.", province="Lào Cai", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "66,5%")["entity"] == "yen_bai"


# --- A share right after a fraction restates the fraction -----------------------------------

@pytest.mark.parametrize("sentence", [
    "Toàn tỉnh có 164 xã đạt chuẩn nông thôn mới, trong đó Đắk Lắk cũ 100/152 xã (chiếm 65,8%), Phú Yên cũ 64/88 xã "
    "(chiếm 72,7%).",
    "Có 1.110 trường đạt chuẩn quốc gia, trong đó Đắk Lắk cũ 512/689 trường, chiếm 74,3%; Phú Yên cũ 598/771 trường, "
    "chiếm 77,6%.",
])
def test_a_share_after_a_fraction_is_of_the_fraction(tmp_path, sentence):
    _, found = _run(tmp_path, sentence, province="Đắk Lắk", section="# KẾT QUẢ NĂM 2025\n\n")
    assert not _rules(found) & {"RT04", "RT01"}


def test_a_share_after_a_fraction_that_misstates_it_is_still_flagged(tmp_path):
    _, found = _run(tmp_path, "Toàn tỉnh có 164 xã đạt chuẩn nông thôn mới, trong đó Phú Yên cũ 64/88 xã (chiếm 74,2%).",
                    province="Đắk Lắk", section="# KẾT QUẢ NĂM 2025\n\n")
    assert "RT01" in _rules(found)


# --- A place or body named after the province is not the province ----------------------------

SITES = "Năm 2025, tổng lượt khách du lịch của thành phố đạt 5.250 nghìn lượt, tăng 16,2%. {site}\n"


@pytest.mark.parametrize("site, figure", [
    ("Quần thể di tích Cố đô Huế đón 3.150 nghìn lượt khách tham quan, doanh thu bán vé 512 tỷ đồng.",
     "3.150 nghìn lượt khách"),
    ("Khu du lịch quốc gia Bạch Mã Huế đón 410 nghìn lượt khách.", "410 nghìn lượt khách"),
    ("Cảng hàng không quốc tế Phú Bài Huế phục vụ 1.920 nghìn lượt khách.", "1.920 nghìn lượt khách"),
])
def test_a_site_named_after_the_province_is_not_the_province(tmp_path, site, figure):
    facts, found = _run(tmp_path, SITES.format(site=site), province="Huế", section="# KẾT QUẢ NĂM 2025\n\n")
    assert "SV01" not in _rules(found)
    assert fact_row(facts, figure)["entity"] != "hue"


def test_the_province_named_as_subject_is_still_read(tmp_path):
    facts, _ = _run(tmp_path, "Năm 2025, thành phố Huế đón 5.250 nghìn lượt khách, tăng 16,2%.", province="Huế",
                    section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "5.250 nghìn lượt khách")["entity"] == "hue"


# --- `tỉnh A mới (hợp nhất từ …)` is the merged province -------------------------------------

@pytest.mark.parametrize("opening", [
    "Năm 2025 là năm đầu tiên tỉnh Bắc Ninh mới (hợp nhất từ tỉnh Bắc Giang và tỉnh Bắc Ninh) đi vào hoạt động",
    "Tỉnh Bắc Ninh mới (được thành lập trên cơ sở tỉnh Bắc Giang và tỉnh Bắc Ninh) đi vào hoạt động từ ngày 01/7/2025",
])
def test_a_new_province_with_its_merger_in_brackets_is_the_merged_one(tmp_path, opening):
    facts, _ = _run(tmp_path, opening + ", với dân số trung bình 3.517,7 nghìn người (Bắc Giang cũ 1.960,5 nghìn người, "
                    "Bắc Ninh cũ 1.557,2 nghìn người).", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "3.517,7 nghìn người")["entity"] == "bac_ninh"


def test_a_former_province_beside_its_partner_is_still_the_former_one(tmp_path):
    facts, _ = _run(tmp_path, "Dân số trung bình toàn tỉnh 3.517,7 nghìn người; trong đó tỉnh Bắc Giang có 1.960,5 nghìn "
                    "người, tỉnh Bắc Ninh có 1.557,2 nghìn người.", section="# KẾT QUẢ NĂM 2025\n\n")
    assert fact_row(facts, "1.557,2 nghìn người")["entity"] == "bac_ninh_cu"
