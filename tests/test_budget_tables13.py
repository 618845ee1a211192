"""Budget tables, session 13: a caption that closes on its unit in brackets (`Bảng 2. … (đơn
vị: tỷ đồng)`) gives the table's bare numbers that unit; a share-of-plan column beside two
result columns (last year's and this year's) is this year's result over its plan; a
`QT/DT (%)` heading (a result's abbreviation over a plan's) is a share of plan, not the
row's target nor its growth.  Each fail case fails before its fix; each pass case must
stay silent.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, fact_row, figure_texts, header, run_text

CAPTIONED = (
    "I. THU NGÂN SÁCH\n\n"
    "Thu từ khu vực doanh nghiệp nhà nước ước {text} tỷ đồng trong năm 2025.\n\n"
    "**Bảng 2. Thu ngân sách năm 2025 theo khoản thu** ({unit_word}: tỷ đồng)\n\n"
    "| TT | Khoản thu | Ước thực hiện 2025 |\n"
    "|---|---|---|\n"
    "| 1 | Thu từ khu vực doanh nghiệp nhà nước | 2.460 |\n"
    "| 2 | Lệ phí trước bạ | 815 |\n")


@pytest.mark.parametrize("unit_word", ["đơn vị", "ĐVT", "Đơn vị tính"])
def test_a_caption_closing_on_its_unit_gives_the_table_that_unit(tmp_path, unit_word):
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + CAPTIONED.format(text="2.640", unit_word=unit_word))
    assert fact_row(facts, "815")["unit"] == "dong"
    found = alarms(findings, "SV01")
    assert len(found) == 1 and figure_texts(found[0]) == ["2.460", "ước 2.640 tỷ đồng"]


def test_a_captioned_table_agreeing_with_the_text_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + CAPTIONED.format(text="2.460", unit_word="đơn vị"))
    assert alarms(findings) == []


TWO_RESULTS = (
    "II. CHI NGÂN SÁCH\n\n"
    "Đơn vị: tỷ đồng\n\n"
    "| TT | Nội dung | Thực hiện 2024 | Dự toán 2025 | Ước thực hiện 2025 | So dự toán (%) | So cùng kỳ (%) |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Chi đầu tư phát triển | 7.100 | 8.000 | 7.640 | {share} | 107,6 |\n"
    "| 2 | Chi thường xuyên | 11.050 | 12.000 | 12.360 | 103,0 | 111,9 |\n")


def test_a_share_of_plan_beside_two_results_is_this_years(tmp_path):
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + TWO_RESULTS.format(share="97,5"))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "97,5" in figure_texts(found[0])  # (7.640 / 8.000 = 95,5%)


def test_a_right_share_of_plan_beside_two_results_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + TWO_RESULTS.format(share="95,5"))
    assert alarms(findings) == []


ACCOUNTS = (
    "PHỤ LỤC\nQUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024\nĐơn vị: tỷ đồng\n\n"
    "STT\tNội dung\tDự toán\tQuyết toán Gia Lai (cũ)\tQuyết toán Bình Định (cũ)\tTổng quyết toán\t{heading}\n"
    "A\tTổng thu ngân sách địa phương\t40.000,0\t18.200,0\t24.600,0\t42.800,0\t107,0\n"
    "1\tThu ngân sách địa phương hưởng theo phân cấp\t15.000,0\t7.300,0\t8.900,0\t16.200,0\t{share}\n"
    "2\tThu bổ sung từ ngân sách cấp trên\t25.000,0\t10.900,0\t15.700,0\t26.600,0\t106,4\n")


@pytest.mark.parametrize("heading", ["QT/DT (%)", "% QT/DT", "TH/DT (%)"])
def test_an_outturn_over_estimate_heading_is_a_share_of_plan(tmp_path, heading):
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + ACCOUNTS.format(heading=heading, share="110,0"))
    assert fact_row(facts, "110,0")["role"] == "plan_share"
    found = alarms(findings)
    # (16.200 / 15.000 = 108,0%), and no two rows' ratios taken for one indicator's target
    assert [f.rule for f in found] == ["RT04"] and "110,0" in figure_texts(found[0])


def test_right_outturn_over_estimate_ratios_stay_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ACCOUNTS.format(heading="QT/DT (%)", share="108,0"))
    assert alarms(findings) == []


CHANGE_IN_TEXT = (
    "II. CHI NGÂN SÁCH NĂM 2025\n\n"
    "Chi thường xuyên ước 12.360 tỷ đồng, đạt 103,0% dự toán, {word} {change} tỷ đồng so với năm 2024.\n\n"
    "Đơn vị: tỷ đồng\n\n"
    "| TT | Nội dung | Thực hiện 2024 | Dự toán 2025 | Ước thực hiện 2025 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Chi đầu tư phát triển | 7.100 | 8.000 | 7.640 |\n"
    "| 2 | Chi thường xuyên | {base} | 12.000 | 12.360 |\n")


@pytest.mark.parametrize("word,change,base", [("tăng", "1.130", "11.050"), ("giảm", "420", "12.870")])
def test_a_change_in_the_text_is_reckoned_from_the_table_row(tmp_path, word, change, base):
    # (12.360 − 11.050 = 1.310; 12.870 − 12.360 = 510)
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + CHANGE_IN_TEXT.format(word=word, change=change, base=base))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and f"{change} tỷ đồng" in figure_texts(found[0])


@pytest.mark.parametrize("word,change,base", [("tăng", "1.310", "11.050"), ("giảm", "510", "12.870")])
def test_a_change_in_the_text_agreeing_with_the_table_stays_silent(tmp_path, word, change, base):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + CHANGE_IN_TEXT.format(word=word, change=change, base=base))
    assert alarms(findings) == []


DEBT_SHARE = (
    "IV. VAY VÀ TRẢ NỢ NĂM 2024\n\n"
    "Dư nợ vay cuối năm của ngân sách địa phương 642,0 tỷ đồng (Gia Lai cũ 401,0 tỷ đồng; Bình Định cũ "
    "241,0 tỷ đồng), bằng {total} thu ngân sách địa phương được hưởng theo phân cấp (Gia Lai cũ {a}; "
    "Bình Định cũ {b}).\n")


@pytest.mark.parametrize("total,a,b", [("6,8%", "4,6%", "5,9%"), ("3,9%", "4,6%", "5,9%")])
def test_a_share_outside_its_former_provinces_shares_and_not_their_sum(tmp_path, total, a, b):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + DEBT_SHARE.format(total=total, a=a, b=b))
    found = alarms(findings, "BT03")
    assert len(found) == 1 and total in figure_texts(found[0])


@pytest.mark.parametrize("total,a,b", [
    ("5,2%", "4,6%", "5,9%"),   # each former province's share of its own revenue: their mean
    ("10,5%", "4,6%", "5,9%"),  # each one's share of the merged province's revenue: their sum
])
def test_a_share_within_its_formers_or_their_sum_stays_silent(tmp_path, total, a, b):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + DEBT_SHARE.format(total=total, a=a, b=b))
    assert alarms(findings) == []


SHARE_OF_TOTAL = (
    "I. THU NGÂN SÁCH{year}\n\n"
    "1. Thu nội địa: 12.480,0 tỷ đồng, bằng 104,0% dự toán.\n"
    "- Thu tiền sử dụng đất 3.120,0 tỷ đồng, chiếm {share} tổng thu nội địa.\n")


@pytest.mark.parametrize("year", [" NĂM 2024", ""])
def test_a_share_of_a_total_named_with_tong_is_reckoned(tmp_path, year):
    # (3.120,0 / 12.480,0 = 25,0%; with no year read for either, the whole stated above under the same heading)
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SHARE_OF_TOTAL.format(year=year, share="27,5%"))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "27,5%" in figure_texts(found[0])


@pytest.mark.parametrize("year", [" NĂM 2024", ""])
def test_a_right_share_of_a_total_named_with_tong_stays_silent(tmp_path, year):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SHARE_OF_TOTAL.format(year=year, share="25,0%"))
    assert alarms(findings) == []


FORMER_SHARE = (
    "I. THU NGÂN SÁCH NĂM 2025\n\n"
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 30.000 tỷ đồng, tăng 12,0% so với năm 2024, "
    "tương ứng tăng 3.214 tỷ đồng.\n\n"
    "Khu vực Bình Định cũ ước thu 9.600 tỷ đồng, chiếm {share} tổng thu ngân sách trên địa bàn.\n\n"
    "Đơn vị: tỷ đồng\n\n"
    "| Nội dung | Gia Lai cũ - Ước TH | Bình Định cũ - Ước TH |\n"
    "|---|---|---|\n"
    "| Tổng thu ngân sách nhà nước trên địa bàn | 20.400 | 9.600 |\n")


def test_a_former_provinces_share_of_the_total_is_of_the_merged_total(tmp_path):
    # (9.600 / 30.000 = 32,0%: the former province's own total is the part itself;
    # `tương ứng tăng 3.214 tỷ đồng` is the growth's amount, no second level of the total)
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + FORMER_SHARE.format(share="35,0%"))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "35,0%" in figure_texts(found[0])


def test_a_former_provinces_right_share_of_the_total_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + FORMER_SHARE.format(share="32,0%"))
    assert alarms(findings) == []


FORMER_COLUMNS = (
    "PHỤ LỤC\nVAY VÀ TRẢ NỢ NĂM 2024\nĐơn vị: tỷ đồng\n\n"
    "STT\tNội dung\tGia Lai (cũ)\tBình Định (cũ)\tToàn tỉnh\n"
    "1\tVay lại trong năm\t64,2\t38,9\t{total}\n"
    "2\tTrả nợ gốc các khoản vay\t21,4\t17,0\t38,4\n")


def test_an_amount_row_no_catalog_indicator_names_adds_up_across_former_provinces(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + FORMER_COLUMNS.format(total="130,1"))
    found = alarms(findings, "PW01")  # (64,2 + 38,9 = 103,1)
    assert len(found) == 1 and "130,1" in figure_texts(found[0])


def test_an_amount_row_that_adds_up_across_former_provinces_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + FORMER_COLUMNS.format(total="103,1"))
    assert alarms(findings) == []


PLAN_WORDS = (
    "I. THU NGÂN SÁCH NĂM 2025\n\n"
    "Khu vực Bình Định cũ: thu nội địa đạt 104,3% dự toán ({first}); thu tiền sử dụng đất đạt 92,5% dự toán ({second}).\n")


@pytest.mark.parametrize("first,second,wrong", [
    ("Vượt", "Vượt", "92,5%"), ("Không đạt", "Không đạt", "104,3%"), ("Đạt", "Hoàn thành", "92,5%")])
def test_a_word_in_brackets_after_a_share_of_plan_judges_it_against_the_whole_plan(tmp_path, first, second, wrong):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + PLAN_WORDS.format(first=first, second=second))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and wrong in figure_texts(found[0])


@pytest.mark.parametrize("first,second", [("Vượt", "Không đạt"), ("Đạt", "Chưa đạt")])
def test_right_words_after_shares_of_plan_stay_silent(tmp_path, first, second):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + PLAN_WORDS.format(first=first, second=second))
    assert alarms(findings) == []


COUNT_COLUMNS = (
    "I. KẾT QUẢ 9 THÁNG NĂM 2025\n\n"
    "| STT | Địa bàn | Doanh thu (tỷ đồng) | {first} | {second} |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Khu vực phía Bắc | 3.120 | 214 | 4.260 |\n"
    "| 2 | Khu vực phía Nam | 1.880 | 137 | 2.150 |\n"
    "| | **Toàn tỉnh** | **5.000** | **351** | **{total}** |\n")


@pytest.mark.parametrize("first,second", [("Cơ sở lưu trú", "Số buồng"), ("Số cơ sở lưu trú", "Buồng lưu trú")])
def test_a_column_headed_by_the_noun_it_counts_adds_up_to_the_total_row(tmp_path, first, second):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + COUNT_COLUMNS.format(first=first, second=second,
                                                                                 total="6.140"))
    found = alarms(findings, "PW03")  # (4.260 + 2.150 = 6.410)
    assert len(found) == 1 and "6.140" in figure_texts(found[0])


def test_count_columns_that_add_up_stay_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + COUNT_COLUMNS.format(first="Cơ sở lưu trú",
                                                                                 second="Số buồng", total="6.410"))
    assert alarms(findings) == []


UNDATED_TEXT = (
    "I. THU NGÂN SÁCH TRÊN ĐỊA BÀN\n\n"
    "1. Thu nội địa: 12.480,0 tỷ đồng, bằng {share} dự toán.\n\n"
    "PHỤ LỤC\nQUYẾT TOÁN THU NGÂN SÁCH NĂM 2024\nĐơn vị: tỷ đồng\n\n"
    "STT\tNội dung\tDự toán\tQuyết toán\n"
    "1\tThu nội địa\t12.000,0\t12.480,0\n")


def test_a_prose_level_with_no_period_read_finds_its_table_row_by_indicator_and_value(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + UNDATED_TEXT.format(share="106,0%"))
    found = alarms(findings, "RT04")  # (12.480,0 / 12.000,0 = 104,0%)
    assert len(found) == 1 and "106,0%" in figure_texts(found[0])


def test_a_prose_level_with_no_period_agreeing_with_its_table_row_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + UNDATED_TEXT.format(share="104,0%"))
    assert alarms(findings) == []


ROUGH_LEVEL = (
    "II. CHI NGÂN SÁCH NĂM 2025\n\n"
    "Chi trả nợ lãi các khoản do chính quyền địa phương vay ước 48 tỷ đồng, bằng {share} dự toán.\n\n"
    "Đơn vị: tỷ đồng\n\n"
    "| TT | Nội dung | Dự toán 2025 | Ước thực hiện 2025 |\n"
    "|---|---|---|---|\n"
    "| 1 | Chi đầu tư phát triển | 8.000 | 7.640 |\n"
    "| 2 | Chi trả nợ lãi | 50 | 48 |\n")


def test_a_rough_prose_level_finds_the_table_row_of_its_indicator(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ROUGH_LEVEL.format(share="90,0%"))
    found = alarms(findings, "RT04")  # (48 / 50 = 96,0%; 47,5 to 48,5 give 95,0% to 97,0%)
    assert len(found) == 1 and "90,0%" in figure_texts(found[0])


def test_a_rough_prose_level_agreeing_with_its_row_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ROUGH_LEVEL.format(share="96,0%"))
    assert alarms(findings) == []


GROUPED = (
    "PHỤ LỤC\nQUYẾT TOÁN THU NGÂN SÁCH NĂM 2024\nĐơn vị: triệu đồng\n\n"
    "STT\tNội dung\tGia Lai (cũ)\t\t\tBình Định (cũ)\t\t\tToàn tỉnh\n"
    "\t\tDự toán\tQuyết toán\tSo sánh (%)\tDự toán\tQuyết toán\tSo sánh (%)\tQuyết toán\n"
    "1\tThu nội địa\t9.000.000\t9.450.000\t{a}\t12.000.000\t12.360.000\t{b}\t21.810.000\n")


@pytest.mark.parametrize("a,b,wrong", [("107,0", "103,0", "107,0"), ("105,0", "101,3", "101,3")])
def test_a_bare_comparison_after_a_plan_and_its_result_is_a_share_of_plan(tmp_path, a, b, wrong):
    # (9.450.000 / 9.000.000 = 105,0%; 12.360.000 / 12.000.000 = 103,0%)
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + GROUPED.format(a=a, b=b))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and wrong in figure_texts(found[0])


def test_bare_comparisons_that_are_right_shares_of_plan_stay_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + GROUPED.format(a="105,0", b="103,0"))
    assert alarms(findings) == []


def test_a_compared_outturn_over_estimate_heading_is_a_share_of_plan(tmp_path):
    text = ACCOUNTS.replace("{heading}", "So sánh QT/DT (%)").replace("{share}", "110,0")
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + text)
    found = alarms(findings)
    assert [f.rule for f in found] == ["RT04"] and "110,0" in figure_texts(found[0])


NAMED_RATIOS = (
    "I. CHỈ TIÊU KINH TẾ NĂM 2025\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện 2024 | Kế hoạch 2025 | Ước thực hiện 2025 "
    "| So sánh (%) ƯTH/TH 2024 | So sánh (%) ƯTH/KH 2025 |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 1 | Kim ngạch xuất khẩu hàng hóa | triệu USD | 4.000 | 4.400 | 4.620 | {growth} | {plan} |\n")


@pytest.mark.parametrize("growth,plan,wrong", [("115,5", "101,5", "101,5"), ("111,5", "105,0", "111,5")])
def test_slash_headings_after_a_comparison_word_name_their_bases(tmp_path, growth, plan, wrong):
    # (4.620 / 4.000 = 115,5%; 4.620 / 4.400 = 105,0%)
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + NAMED_RATIOS.format(growth=growth, plan=plan))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and wrong in figure_texts(found[0])


def test_slash_headings_with_right_ratios_stay_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + NAMED_RATIOS.format(growth="115,5", plan="105,0"))
    assert alarms(findings) == []


ANNEX_HEADER = ("**ỦY BAN NHÂN DÂN TỈNH GIA LAI**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
                "Độc lập - Tự do - Hạnh phúc\n\n# PHỤ LỤC\n## MỘT SỐ CHỈ TIÊU NGÂN SÁCH NĂM 2025\n\n")
ANNEX_BODY = (
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt {text} tỷ đồng.\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện 2025 |\n"
    "|---|---|---|---|\n"
    "| 1 | Tổng thu ngân sách nhà nước trên địa bàn | tỷ đồng | 42.180 |\n")


def test_an_annex_with_no_place_and_date_line_takes_its_province_from_the_issuer(tmp_path):
    facts, findings, _ = run_text(tmp_path, ANNEX_HEADER + ANNEX_BODY.format(text="41.280"))
    assert fact_row(facts, "42.180")["entity"] == "gia_lai"
    found = alarms(findings, "SV01")
    assert len(found) == 1 and "42.180" in figure_texts(found[0])


def test_an_annex_agreeing_with_its_text_stays_silent(tmp_path):
    _, findings, _ = run_text(tmp_path, ANNEX_HEADER + ANNEX_BODY.format(text="42.180"))
    assert alarms(findings) == []


@pytest.mark.parametrize("sentence", [
    "Thị trường xuất khẩu chính (tỷ trọng trong tổng kim ngạch xuất khẩu): Hoa Kỳ 28,4%; Nhật Bản 14,2%.",
    "Khu vực Bình Định cũ xuất khẩu 1.120 triệu USD, chiếm 28,4% kim ngạch xuất khẩu của tỉnh.",
])
def test_a_share_of_a_named_thing_is_no_growth_of_it(tmp_path, sentence):
    text = ("I. XUẤT KHẨU NĂM 2025\n\nKim ngạch xuất khẩu ước đạt 3.950 triệu USD, tăng 12,5% so với năm 2024.\n\n"
            + sentence + "\n")
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + text)
    assert fact_row(facts, "28,4%")["indicator"] != "export_growth"
    assert alarms(findings, "SV01") == []
