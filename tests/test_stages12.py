"""Period span and stage of a figure, on short drafts in our own words: a term's total, a
change since the term's start, an outturn, an estimate or a plan is not the same fact as one
year's figure or another stage's, and is not flagged against it; one fact restated differently
at the same stage and span still is."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, fact_row, header, run_text


def _alarms(tmp_path, province: str, body: str):
    facts, findings, _ = run_text(tmp_path, header(province) + body + "\n")
    return facts, [sorted(fig["text"] for fig in f.figures) for f in alarms(findings)]


# --- not the same fact: silent -------------------------------------------------------------

SILENT = {
    "change since the term's start against the year's rate": (
        "Nghệ An",
        "Đến năm 2025, quy mô GRDP đạt 285.000 tỷ đồng, tăng 45% so với đầu nhiệm kỳ. Tốc độ tăng trưởng "
        "kinh tế (GRDP) năm 2025 ước đạt 8,2%."),
    "change since a year five years back against the year's rate": (
        "Phú Thọ",
        "Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 9.800 tỷ đồng, tăng 62% so với năm 2020. Tốc độ "
        "tăng thu ngân sách nhà nước năm 2025 đạt 14%."),
    "final accounts against the estimate of one past year": (
        "Cần Thơ",
        "Quyết toán thu ngân sách nhà nước năm 2024 đạt 14.250 tỷ đồng. Ước thực hiện thu ngân sách nhà "
        "nước năm 2024 là 13.800 tỷ đồng."),
    "what was done in a past year against its estimate, in two paragraphs": (
        "Hưng Yên",
        "Báo cáo cuối năm 2024 nêu ước thực hiện cả năm 2024, tổng thu ngân sách nhà nước trên địa bàn đạt "
        "41.200 tỷ đồng.\n\nThực hiện năm 2024, tổng thu ngân sách nhà nước trên địa bàn đạt 42.650 tỷ đồng."),
    "a forecast for the whole year against the plan": (
        "Đồng Tháp",
        "Thu ngân sách nhà nước 9 tháng năm 2025 đạt 8.400 tỷ đồng. Dự kiến cả năm 2025, thu ngân sách nhà "
        "nước đạt 11.500 tỷ đồng, vượt dự toán.\n\nKế hoạch năm 2025, thu ngân sách nhà nước 10.200 tỷ đồng."),
    "the year's estimate against the plan, the plan opening with a comma": (
        "Tây Ninh",
        "Kế hoạch năm 2025, kim ngạch xuất khẩu 9.500 triệu USD. Ước cả năm 2025, kim ngạch xuất khẩu đạt "
        "10.200 triệu USD."),
    "a flow summed from the term's start up to now against the year": (
        "Vĩnh Long",
        "Lũy kế từ đầu nhiệm kỳ đến nay, tổng vốn đầu tư toàn xã hội đạt 254.000 tỷ đồng. Năm 2025, tổng "
        "vốn đầu tư toàn xã hội ước đạt 62.000 tỷ đồng."),
    "a yearly amount in a column of the term against the year": (
        "Bắc Ninh",
        "Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 14.000 tỷ đồng.\n\n"
        "| Chỉ tiêu | Đơn vị | Thực hiện giai đoạn 2021-2025 |\n|---|---|---|\n"
        "| Thu ngân sách nhà nước | tỷ đồng | 60.000 |\n| Tỷ lệ hộ nghèo | % | 1,2 |"),
    "the final accounts in prose against a column of the estimate": (
        "Cần Thơ",
        "Quyết toán thu ngân sách nhà nước năm 2024 đạt 14.250 tỷ đồng.\n\n"
        "| Chỉ tiêu | Đơn vị | Dự toán năm 2024 | Ước thực hiện năm 2024 |\n|---|---|---|---|\n"
        "| Thu ngân sách nhà nước | tỷ đồng | 12.500 | 13.800 |"),
    "a forecast stated after the year against the final accounts named after the figure": (
        "Hưng Yên",
        "Tổng thu ngân sách nhà nước trên địa bàn năm 2025 dự kiến đạt 41.000 tỷ đồng. Tổng thu ngân sách "
        "nhà nước trên địa bàn năm 2025 đạt 43.500 tỷ đồng (quyết toán)."),
    "a council approving a past year's final accounts against its estimate": (
        "Quảng Ngãi",
        "Điều 1. Phê chuẩn quyết toán thu ngân sách nhà nước trên địa bàn năm 2024 là 13.412 tỷ đồng.\n\n"
        "Điều 2. Tại kỳ họp cuối năm 2024, Hội đồng nhân dân tỉnh đã thông qua số ước thực hiện thu ngân sách "
        "nhà nước trên địa bàn năm 2024 là 12.980 tỷ đồng."),
    "a sum from the year's start against the month": (
        "Cao Bằng",
        "Vốn đầu tư thực hiện từ nguồn ngân sách nhà nước tháng 10/2025 đạt 520 tỷ đồng. Lũy kế từ đầu năm đến "
        "hết tháng 10/2025, vốn đầu tư thực hiện từ nguồn ngân sách nhà nước đạt 4.310 tỷ đồng."),
}


@pytest.mark.parametrize("name", SILENT)
def test_figures_of_another_span_or_stage_are_not_one_fact(tmp_path, name):
    province, body = SILENT[name]
    assert _alarms(tmp_path, province, body)[1] == []


# --- one fact, same span and stage: still flagged -------------------------------------------

FIRING = {
    "a term total restated differently": (
        "Thanh Hóa",
        "Tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2021-2025 đạt 175.300 tỷ đồng.\n\nTrong nhiệm "
        "kỳ, tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2021-2025 đạt 157.300 tỷ đồng.",
        ["157.300 tỷ đồng", "175.300 tỷ đồng"]),
    "an estimate restated differently": (
        "Tây Ninh",
        "Ước thực hiện năm 2025, thu ngân sách nhà nước đạt 18.300 tỷ đồng.\n\nTổng hợp: ước thực hiện năm "
        "2025, thu ngân sách nhà nước đạt 18.800 tỷ đồng.",
        ["18.300 tỷ đồng", "18.800 tỷ đồng"]),
    "an estimate in prose against a column of the estimate": (
        "Sơn La",
        "Ước thực hiện năm 2025, thu ngân sách nhà nước đạt 5.400 tỷ đồng.\n\n"
        "| Chỉ tiêu | Đơn vị | Kế hoạch năm 2025 | Ước thực hiện năm 2025 |\n|---|---|---|---|\n"
        "| Thu ngân sách nhà nước | tỷ đồng | 5.000 | 5.900 |",
        ["5.400 tỷ đồng", "5.900"]),
    # (what was done in the report's own year is its estimate as yet: one fact with it)
    "the year so far, once as done and once as estimated": (
        "Quảng Ninh",
        "Tổng chi ngân sách địa phương 11 tháng năm 2025 ước thực hiện 31.380 tỷ đồng.\n\nThực hiện 11 tháng "
        "năm 2025, tổng chi ngân sách địa phương đạt 31.830 tỷ đồng.",
        ["31.380 tỷ đồng", "31.830 tỷ đồng"]),
    "an estimate against a figure naming no stage": (
        "Gia Lai",
        "Ước thực hiện năm 2025, thu ngân sách nhà nước đạt 13.200 tỷ đồng.\n\nKết quả năm 2025: tổng thu "
        "ngân sách nhà nước trên địa bàn đạt 13.900 tỷ đồng.",
        ["13.200 tỷ đồng", "13.900 tỷ đồng"]),
    "two changes since the same base year": (
        "Phú Thọ",
        "Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 9.800 tỷ đồng, tăng 62% so với năm 2020.\n\n"
        "Đánh giá chung: năm 2025 thu ngân sách nhà nước tăng 68% so với năm 2020.",
        ["62%", "68%"]),
    "a plan for next year restated as what is expected of it": (
        "Cao Bằng",
        "Kế hoạch năm 2026, thu ngân sách nhà nước trên địa bàn đạt 3.200 tỷ đồng.\n\nDự kiến năm 2026 thu ngân "
        "sách nhà nước trên địa bàn đạt 3.350 tỷ đồng.",
        ["3.200 tỷ đồng", "3.350 tỷ đồng"]),
    "a plan's share recomputed from the estimate": (
        "Khánh Hòa",
        "Dự toán thu ngân sách nhà nước năm 2025 là 14.000 tỷ đồng. Ước thực hiện năm 2025, thu ngân sách "
        "nhà nước đạt 15.600 tỷ đồng, ước đạt 102% dự toán.",
        ["14.000 tỷ đồng", "15.600 tỷ đồng", "ước đạt 102%"]),
}


@pytest.mark.parametrize("name", FIRING)
def test_one_fact_at_one_stage_and_span_restated_differently_is_flagged(tmp_path, name):
    province, body, texts = FIRING[name]
    assert texts in _alarms(tmp_path, province, body)[1]


# --- what the facts say --------------------------------------------------------------------

def test_each_figure_carries_the_stage_its_words_name(tmp_path):
    body = ("Dự toán thu ngân sách nhà nước năm 2024 là 12.600 tỷ đồng; quyết toán năm 2024 đạt 14.100 tỷ đồng, "
            "bằng 111,9% dự toán, chi ngân sách địa phương đạt 20.300 tỷ đồng. Ước thực hiện năm 2025, thu ngân "
            "sách nhà nước đạt 15.000 tỷ đồng; thực hiện Nghị quyết của Tỉnh ủy, toàn tỉnh có 1.250 hợp tác xã.")
    facts, _ = _alarms(tmp_path, "Lâm Đồng", body)
    stages = {t: fact_row(facts, t)["stage"] for t in ("12.600 tỷ đồng", "14.100 tỷ đồng", "20.300 tỷ đồng",
                                                        "15.000 tỷ đồng", "1.250 hợp tác xã")}
    assert stages == {"12.600 tỷ đồng": "plan", "14.100 tỷ đồng": "outturn", "20.300 tỷ đồng": "outturn",
                      "15.000 tỷ đồng": "estimate", "1.250 hợp tác xã": ""}


def test_a_forecast_of_the_reports_year_is_a_result_and_of_a_later_year_a_target(tmp_path):
    body = ("Năm 2025, tổng thu ngân sách nhà nước trên địa bàn dự kiến đạt 41.000 tỷ đồng. Năm 2026, tổng thu "
            "ngân sách nhà nước trên địa bàn dự kiến đạt 45.000 tỷ đồng.")
    facts, _ = _alarms(tmp_path, "Hưng Yên", body)
    assert (fact_row(facts, "41.000 tỷ đồng")["role"], fact_row(facts, "41.000 tỷ đồng")["stage"]) == ("actual",
                                                                                                    "estimate")
    assert fact_row(facts, "45.000 tỷ đồng")["role"] == "target"


def test_a_change_since_the_terms_start_is_its_own_measure_and_a_yearly_average_is_not(tmp_path):
    body = ("Đến năm 2025, kim ngạch xuất khẩu đạt 2.100 triệu USD, tăng 48% so với năm 2020, tăng bình quân "
            "8,2%/năm so với năm 2020; so với năm 2024 tăng 9%. Tỷ lệ đô thị hóa năm 2025 đạt 45%, tăng 11% "
            "so với năm 2024.")
    facts, _ = _alarms(tmp_path, "Thái Nguyên", body)
    assert fact_row(facts, "48%")["measure"] == "span_change"
    assert fact_row(facts, "8,2%/năm")["measure"] != "span_change"
    assert fact_row(facts, "11%")["measure"] != "span_change"


# --- a term's total stated as the sum of its years ------------------------------------------

YEARS = ("Tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2021-2025 đạt {total} tỷ đồng, trong đó: {years}.")
EVERY_YEAR = ("năm 2021 đạt 10.000 tỷ đồng, năm 2022 đạt 11.000 tỷ đồng, năm 2023 đạt 12.000 tỷ đồng, "
              "năm 2024 đạt 13.000 tỷ đồng, năm 2025 đạt 14.000 tỷ đồng")


@pytest.mark.parametrize("total, years, flagged", [
    ("62.000", EVERY_YEAR, True),
    ("60.000", EVERY_YEAR, False),
    # (some years only: the list is not said to be all of the term)
    ("62.000", "năm 2024 đạt 13.000 tỷ đồng, năm 2025 đạt 14.000 tỷ đồng", False),
])
def test_a_terms_total_listed_with_each_of_its_years_is_their_sum(tmp_path, total, years, flagged):
    _, found = _alarms(tmp_path, "Bắc Ninh", YEARS.format(total=total, years=years))
    assert (f"{total} tỷ đồng" in {t for texts in found for t in texts}) is flagged


def test_a_terms_total_with_its_years_in_brackets_is_their_sum(tmp_path):
    body = ("Cả giai đoạn 2021 - 2025, kim ngạch xuất khẩu đạt 5.100 triệu USD (năm 2021: 820 triệu USD; năm 2022: "
            "900 triệu USD; năm 2023: 1.010 triệu USD; năm 2024: 1.080 triệu USD; năm 2025: 1.150 triệu USD).")
    _, found = _alarms(tmp_path, "Hà Tĩnh", body)
    assert any("5.100 triệu USD" in texts and len(texts) == 6 for texts in found)
