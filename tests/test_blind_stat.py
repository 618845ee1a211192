"""The statistics-release and sector-report register, read as the blind drafts of that
register showed it is written: a comparison column that names its base period (`So với năm
2024 (%)`, `So với tháng 8/2025`), a level column of the same months a year before (`Thực
hiện cùng kỳ năm 2024` beside `Ước 9 tháng năm 2025`), livestock counted in head (`con`).
Each fail case fails before the fix; each pass case shows the consistent table stays silent.
Drafts in our own words, figures invented."""

from __future__ import annotations

from tests.conftest import fact_row, header, run_text, alarms as _alarms, figure_texts as _texts


NINE_MONTHS = (
    "# 2. NÔNG NGHIỆP\n\nSản xuất nông nghiệp 9 tháng năm 2025 ổn định.\n\n"
    "Biểu 1. Một số chỉ tiêu nông nghiệp 9 tháng năm 2025\n\n"
    "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện cùng kỳ năm 2024 | Ước 9 tháng năm 2025 | So với cùng kỳ (%) |\n"
    "|---|---|---|---:|---:|---:|\n"
    "| 1 | Đàn trâu | con | 52.000 | 53.040 | {a} |\n"
    "| 2 | Diện tích gieo trồng cây hằng năm | ha | 120.000 | 118.800 | 99,0 |\n")


def test_same_months_a_year_before_are_the_base_of_a_same_period_comparison(tmp_path):
    # 53.040 / 52.000 = 102,0: the column `cùng kỳ năm 2024` holds 9 months of 2024.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + NINE_MONTHS.format(a="102,0"))
    assert _alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + NINE_MONTHS.format(a="120,0"))
    found = _alarms(findings, "RT04")
    assert [_texts(f) for f in found] == [["120,0", "52.000", "53.040"]]


def test_a_bare_year_column_beside_nine_months_is_no_base(tmp_path):
    # `Năm 2024` (a whole year) is not the same 9 months: the comparison is left unlinked.
    text = header("Gia Lai") + NINE_MONTHS.format(a="120,0").replace("Thực hiện cùng kỳ năm 2024", "Năm 2024")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "RT04") == []


BY_FORMER = (
    "# 3. CHĂN NUÔI\n\nĐàn vật nuôi năm 2025 phát triển ổn định.\n\n"
    "Bảng 1. Chăn nuôi năm 2025 theo khu vực trước hợp nhất\n\n"
    "| TT | Chỉ tiêu | Đơn vị tính | Năm 2024 | Năm 2025 | So với năm 2024 (%) |\n"
    "|---|---|---|---:|---:|---:|\n"
    "| 1 | Tổng đàn dê | con | 40.000 | 42.000 | {a} |\n"
    "| 2 | Tổng đàn gia cầm | nghìn con | 9.000 | 9.360 | 104,0 |\n")


def test_a_column_compared_with_a_named_year_is_a_comparison(tmp_path):
    # `So với năm 2024 (%)` is not a level of 2024: 42.000 / 40.000 = 105,0.
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + BY_FORMER.format(a="105,0"))
    assert _alarms(findings) == []
    row = facts[facts["text"] == "105,0"].iloc[0]
    assert row["role"] == "comparison"
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + BY_FORMER.format(a="150,0"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["150,0", "40.000", "42.000"]]


def test_a_comparison_with_a_named_year_needs_that_year_in_the_row(tmp_path):
    # Against 2023, with no 2023 level in the row: nothing to recompute, nothing said.
    text = header("Gia Lai") + BY_FORMER.format(a="150,0").replace("So với năm 2024 (%)", "So với năm 2023 (%)")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "RT04") == []


AGRI = (
    "# I. KẾT QUẢ NĂM 2025\n\n"
    "Tổng đàn lợn toàn tỉnh 500.000 con; trong đó khu vực Hà Giang (cũ) 180.000 con, khu vực "
    "Tuyên Quang (cũ) 320.000 con.\n\n"
    "Trong đó, khu vực Hà Giang (cũ) gieo trồng 30.000 ha lúa, chiếm {share} diện tích lúa toàn tỉnh.\n\n"
    "Bảng 1. Một số chỉ tiêu nông nghiệp năm 2025 theo khu vực trước hợp nhất\n\n"
    "| TT | Chỉ tiêu | Đơn vị tính | Hà Giang (cũ) | Tuyên Quang (cũ) | Toàn tỉnh |\n"
    "|---|---|---|---:|---:|---:|\n"
    "| 1 | Diện tích gieo trồng lúa | ha | 30.000 | 45.000 | 75.000 |\n"
    "| 2 | Sản lượng sắn | tấn | 61.200 | 40.500 | {cassava} |\n"
    "| 3 | Tổng đàn gia cầm | nghìn con | 4.100 | 6.900 | 11.000 |\n"
    "| 4 | Tổng đàn lợn | con | {pigs} | 320.000 | 500.000 |\n")


def _agri(share="40,0%", cassava="101.700", pigs="180.000"):
    return header("Tuyên Quang") + AGRI.format(share=share, cassava=cassava, pigs=pigs)


def test_crop_and_herd_rows_of_former_provinces_add_up_to_the_whole(tmp_path):
    # Crops, herds and land are catalog indicators: the merged column is the former ones' sum.
    _, findings, _ = run_text(tmp_path, _agri())
    assert _alarms(findings) == []
    _, findings, _ = run_text(tmp_path, _agri(cassava="107.100"))
    assert [_texts(f) for f in _alarms(findings, "PW01")] == [["107.100", "40.500", "61.200"]]


def test_a_herd_in_the_text_is_the_herd_in_the_table(tmp_path):
    # `đàn lợn ... 180.000 con` in the text, 108.000 in the table's row for the same province.
    _, findings, _ = run_text(tmp_path, _agri(pigs="108.000"))
    found = _alarms(findings, "SV01")
    assert found and all("108.000" in _texts(f) for f in found)


def test_a_share_of_the_whole_province_is_of_the_merged_level(tmp_path):
    # `chiếm P% diện tích lúa toàn tỉnh` after a former province's area: 30.000 / 75.000 = 40,0%,
    # never 30.000 over the former province's own 30.000 in the table.
    _, findings, _ = run_text(tmp_path, _agri(share="40,0%"))
    assert _alarms(findings, "RT04") == []
    _, findings, _ = run_text(tmp_path, _agri(share="45,0%"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["30.000 ha", "45,0%", "75.000"]]


def test_a_quality_subset_of_a_crop_is_not_the_crop(tmp_path):
    # `Diện tích lúa chất lượng cao` is part of the rice area: never compared with all of it.
    text = _agri() + "\nDiện tích lúa chất lượng cao đạt 21.000 ha.\n"
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings) == []


def test_a_growth_after_its_bracketed_base_recomputes(tmp_path):
    # `A (năm 2024: B), tăng P%`: 33.000 / 30.000 = +10,0%.
    text = header("Gia Lai") + (
        "# 4. THỦY SẢN\n\nSản lượng thủy sản năm 2025 đạt 52.000 tấn; trong đó khu vực Bình Định (cũ) "
        "33.000 tấn (năm 2024: 30.000 tấn), tăng {p}%.\n")
    _, findings, _ = run_text(tmp_path, text.format(p="10,0"))
    assert _alarms(findings, "RT04") == []
    _, findings, _ = run_text(tmp_path, text.format(p="13,0"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["13,0%", "30.000 tấn", "33.000 tấn"]]


def test_a_bracket_of_another_span_is_no_base(tmp_path):
    # The bracket holds 6 months of 2024 beside a whole year: not the base of the growth.
    text = header("Gia Lai") + (
        "# 4. THỦY SẢN\n\nSản lượng thủy sản năm 2025 đạt 33.000 tấn (6 tháng năm 2024: 14.000 tấn), tăng 13,0%.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "RT04") == []


def test_a_level_in_a_unit_its_name_cannot_have(tmp_path):
    # Passengers in tonnes right after their name: the unit check says so; in people, silent.
    text = header("Gia Lai") + (
        "# 5. VẬN TẢI\n\nVận chuyển hành khách 9 tháng ước đạt 12,4 triệu {unit}, tăng 6,1% so với cùng kỳ; "
        "vận chuyển hàng hóa đạt 20,5 triệu tấn.\n")
    _, findings, _ = run_text(tmp_path, text.format(unit="lượt khách"))
    assert _alarms(findings) == []
    _, findings, _ = run_text(tmp_path, text.format(unit="tấn"))
    assert [_texts(f) for f in _alarms(findings, "ST02")] == [["ước đạt 12,4 triệu tấn"]]


def test_a_name_with_words_of_its_own_before_the_figure_is_no_misfit(tmp_path):
    # `Vận chuyển hành khách ... doanh thu vận tải đạt 900 tỷ đồng`: the amount is the revenue's.
    text = header("Gia Lai") + (
        "# 5. VẬN TẢI\n\nVận chuyển hành khách tiếp tục phục hồi, doanh thu đạt 900 tỷ đồng.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings) == []


def test_a_province_in_an_aside_names_no_later_item(tmp_path):
    # `…, chủ yếu ở Bình Định (cũ); sản lượng nuôi trồng …`: the aside explains the item before;
    # the next item (same two opening words) is the merged province's, and the list adds up.
    text = header("Gia Lai") + (
        "# 2. THỦY SẢN\n\nSản lượng thủy sản 9 tháng ước đạt 90.000 tấn, tăng 4,0%; trong đó sản lượng "
        "khai thác 70.000 tấn, tăng 3,1%, chủ yếu khai thác biển của địa bàn Bình Định (cũ); sản lượng "
        "nuôi trồng {b} tấn, tăng 6,2%.\n")
    facts, findings, _ = run_text(tmp_path, text.format(b="20.000"))
    assert _alarms(findings) == []
    assert fact_row(facts, "20.000 tấn")["entity"] == "gia_lai"
    _, findings, _ = run_text(tmp_path, text.format(b="25.000"))
    assert [_texts(f) for f in _alarms(findings, "PW02")] == [["25.000 tấn", "70.000 tấn", "ước đạt 90.000 tấn"]]


def test_a_semicolon_clause_of_other_words_ends_the_list(tmp_path):
    # `; diện tích …` does not open with the first item's words: no second part, nothing summed
    # (were it one, `gồm` would make 70.000 + 5.000 all of 90.000).
    text = header("Gia Lai") + (
        "# 2. THỦY SẢN\n\nSản lượng thủy sản ước đạt 90.000 tấn, gồm sản lượng khai thác 70.000 tấn; "
        "diện tích nuôi tôm thu hoạch 5.000 tấn.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings) == []


def test_a_misfit_rate_or_density_in_prose_is_left_to_the_table_check(tmp_path):
    # `Dân số … 289 người/km²` and a growth's name before an amount are no plain misfit.
    text = header("Gia Lai") + (
        "# 1. DÂN SỐ\n\nDân số trung bình ước 3.600 nghìn người; mật độ dân số 289 người/km2.\n\n"
        "Tốc độ tăng kim ngạch xuất khẩu đạt 1.250 triệu USD.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "ST02") == []


RETAIL = (
    "# 5. THƯƠNG MẠI\n\nTổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9 ước đạt {sept} tỷ đồng, "
    "tăng 9,0% so với cùng kỳ năm trước. Tính chung 9 tháng đạt 80.000 tỷ đồng, tăng 8,5%; trong đó địa bàn "
    "Gia Lai (cũ) 50.000 tỷ đồng, Bình Định (cũ) {part} tỷ đồng.\n\n"
    "Biểu 3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng\n\nĐơn vị: tỷ đồng\n\n"
    "| Chỉ tiêu | Ước tháng 9/2025 | Ước 9 tháng năm 2025 |\n|---|---:|---:|\n"
    "| Tổng số | 9.300 | 80.000 |\n| Bán lẻ hàng hóa | 7.000 | 61.000 |\n| Dịch vụ khác | 2.300 | 19.000 |\n")


def test_a_total_row_is_the_indicator_its_caption_names(tmp_path):
    # `Tổng số` under `Biểu 3. Tổng mức bán lẻ …` (above its unit line) is the retail total:
    # the text's September figure must be the table's.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + RETAIL.format(sept="9.300", part="30.000"))
    assert _alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + RETAIL.format(sept="9.030", part="30.000"))
    assert [_texts(f) for f in _alarms(findings, "SV01")] == [["9.300", "ước đạt 9.030 tỷ đồng"]]


def test_the_months_so_far_go_on_with_the_subject_of_the_month(tmp_path):
    # `Tính chung 9 tháng đạt …` is the same retail total: its former provinces add up to it.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + RETAIL.format(sept="9.300", part="33.000"))
    assert [_texts(f) for f in _alarms(findings, "PW01")] == [["33.000 tỷ đồng", "50.000 tỷ đồng", "80.000 tỷ đồng"]]


def test_a_total_row_under_a_caption_that_names_no_indicator_stays_unnamed(tmp_path):
    text = header("Gia Lai") + RETAIL.format(sept="9.030", part="30.000").replace(
        "Biểu 3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "Biểu 3. Một số chỉ tiêu thương mại")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "SV01") == []


MERGER = (
    "# I. KHÁI QUÁT\n\nTỉnh Gia Lai được thành lập trên cơ sở hợp nhất tỉnh Gia Lai và tỉnh Bình Định; "
    "dân số trung bình năm 2025 ước đạt {total} nghìn người, trong đó Gia Lai (cũ) 1.600,0 nghìn người"
    "{rest}.\n")


def test_a_total_listed_by_every_former_province_is_the_merged_ones(tmp_path):
    # After the merger's wording the total names no single province; its list names both former ones.
    text = header("Gia Lai") + MERGER.format(total="3.100,0", rest=" và Bình Định (cũ) 1.500,0 nghìn người")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings) == []
    text = header("Gia Lai") + MERGER.format(total="3.010,0", rest=" và Bình Định (cũ) 1.500,0 nghìn người")
    _, findings, _ = run_text(tmp_path, text)
    assert [_texts(f) for f in _alarms(findings, "PW01")] == [
        ["1.500,0 nghìn người", "1.600,0 nghìn người", "ước đạt 3.010,0 nghìn người"]]


def test_a_total_listed_by_some_former_provinces_stays_unread(tmp_path):
    # One former province listed is not all of them: the total keeps no province, nothing summed.
    text = header("Gia Lai") + MERGER.format(total="3.010,0", rest="")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "PW01") == []
