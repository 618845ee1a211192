"""Budget accounts annex tables and social sector reports, as blind drafts write them: a
`Quyết toán` column (the final accounts: a result), a block row naming a former province
over the lines under it, shares, growths and differences stated in prose.  Each fail case
fails before its fix; each pass case shows the rule stays silent on consistent text.
Drafts in our own words, figures invented."""

from __future__ import annotations

from tests.conftest import header, run_text, alarms as _alarms, figure_texts as _texts


ACCOUNTS = (
    "# PHỤ LỤC\n\nQuyết toán chi ngân sách địa phương năm 2024\n\nĐơn vị: triệu đồng\n\n"
    "| STT | Nội dung | Dự toán | Quyết toán | So sánh (%) |\n|---|---|---:|---:|---:|\n"
    "| I | Chi cân đối ngân sách địa phương | 9.000.000 | 9.270.000 | 103,0 |\n"
    "| 1 | Chi đầu tư phát triển | 3.000.000 | 3.150.000 | {a} |\n"
    "| 2 | Chi thường xuyên | 6.000.000 | {b} | 102,0 |\n")


def test_a_final_accounts_column_holds_results(tmp_path):
    # `Quyết toán` is the result: 3.150.000 / 3.000.000 = 105,0 (stated 150,0 fails), and
    # 3.150.000 + 6.120.000 = 9.270.000 (6.210.000 breaks row I and its own 102,0).
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ACCOUNTS.format(a="150,0", b="6.120.000"))
    assert [_texts(f) for f in _alarms(findings)] == [["150,0", "3.000.000", "3.150.000"]]
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ACCOUNTS.format(a="105,0", b="6.210.000"))
    assert {f.rule for f in _alarms(findings)} == {"PW03", "RT04"}
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + ACCOUNTS.format(a="105,0", b="6.120.000"))
    assert _alarms(findings) == []


BLOCKS = (
    "# I. THU NGÂN SÁCH NĂM 2024\n\nThu tiền sử dụng đất năm 2024 của tỉnh Bình Định (cũ) đạt 1.580.000 triệu đồng.\n\n"
    "# PHỤ LỤC: QUYẾT TOÁN THU NGÂN SÁCH NĂM 2024 THEO ĐỊA PHƯƠNG TRƯỚC HỢP NHẤT\n\nĐơn vị: triệu đồng\n\n"
    "| STT | Nội dung | Dự toán | Quyết toán | So sánh (%) |\n|---|---|---:|---:|---:|\n"
    "| A | TỈNH GIA LAI (CŨ) | 5.000.000 | 5.200.000 | 104,0 |\n"
    "| 1 | Thu tiền sử dụng đất | 1.000.000 | 1.100.000 | 110,0 |\n"
    "| 2 | Thu từ khu vực kinh tế ngoài quốc doanh | 4.000.000 | 4.100.000 | 102,5 |\n"
    "| B | TỈNH BÌNH ĐỊNH (CŨ) | 6.000.000 | {a} | 105,0 |\n"
    "| 1 | Thu tiền sử dụng đất | 1.500.000 | {b} | 105,3 |\n"
    "| 2 | Thu từ khu vực kinh tế ngoài quốc doanh | 4.500.000 | 4.720.000 | 104,9 |\n")


def test_a_block_row_names_the_province_of_the_rows_under_it(tmp_path):
    # Rows 1, 2 under `B | TỈNH BÌNH ĐỊNH (CŨ)` are that province's: the text's 1.580.000
    # against the table's 1.850.000 is one fact stated twice with two values.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + BLOCKS.format(a="6.570.000", b="1.850.000"))
    assert [_texts(f) for f in _alarms(findings, "SV01")] == [["1.580.000 triệu đồng", "1.850.000"]]
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + BLOCKS.format(a="6.300.000", b="1.580.000"))
    assert _alarms(findings) == []


SOCIAL = (
    "# III. LAO ĐỘNG, VIỆC LÀM\n\nNăm 2025 giải quyết việc làm cho 40.000 lao động, trong đó Bình Định (cũ) {a} lao động.\n\n"
    "Bảng 3. Một số chỉ tiêu xã hội chủ yếu năm 2025\n\n"
    "| TT | Chỉ tiêu | Đơn vị tính | Gia Lai (cũ) | Bình Định (cũ) | Toàn tỉnh | Kế hoạch 2025 | Đánh giá |\n"
    "|---:|---|---|---:|---:|---:|---:|---|\n"
    "| 1 | Số lao động được giải quyết việc làm | lao động | 18.000 | 22.000 | 40.000 | 38.000 | Vượt |\n"
    "| 2 | Tỷ lệ lao động qua đào tạo | % | 70,1 | 74,3 | 72,0 | 73,0 | {b} |\n"
    "| 3 | Tỷ lệ hộ nghèo (chuẩn đa chiều) | % | 2,1 | 1,5 | 1,8 | dưới 2,0 | {c} |\n\n"
    "# IV. NHIỆM VỤ NĂM 2026\n\nTỷ lệ hộ nghèo giảm 0,3 - 0,5 điểm phần trăm.\n")


def test_a_caption_dates_its_table_and_a_word_judges_the_column_facing_the_plan(tmp_path):
    # `Bảng 3 … năm 2025` dates the province columns (the text's 21.000 is the table's 22.000
    # stated twice); `Đánh giá` beside `Toàn tỉnh | Kế hoạch 2025` judges the whole
    # province: 72,0 against 73,0 is not `Đạt`.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SOCIAL.format(a="21.000", b="Đạt", c="Đạt"))
    assert sorted((f.rule, _texts(f)) for f in _alarms(findings)) == [
        ("SV01", ["21.000 lao động", "22.000"]), ("VD01", ["72,0", "73,0", "Đạt"])]
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SOCIAL.format(a="22.000", b="Không đạt", c="Đạt"))
    assert _alarms(findings) == []


def test_a_row_naming_a_level_without_a_change_word_states_the_level(tmp_path):
    # `Tỷ lệ hộ nghèo` with no `giảm` is the rate (lower is better), not its yearly fall:
    # 1,8 under `dưới 2,0` is met, so `Không đạt` is wrong; the 2026 fall in points is no
    # target of the same measure as the 2025 rate.
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SOCIAL.format(a="22.000", b="Không đạt", c="Không đạt"))
    assert [(f.rule, _texts(f)) for f in _alarms(findings)] == [("VD01", ["1,8", "Không đạt", "dưới 2,0"])]


RESOLUTION = (
    "HỘI ĐỒNG NHÂN DÂN\nTỈNH GIA LAI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Gia Lai, ngày 5 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nPhê chuẩn quyết toán ngân sách địa phương năm 2024\n\n"
    "QUYẾT NGHỊ:\n\n"
    "Điều 1. Phê chuẩn quyết toán ngân sách địa phương năm 2024 của tỉnh Gia Lai và tỉnh Bình Định (trước hợp nhất) như sau:\n\n"
    "1. Chi cân đối ngân sách địa phương 9.270.000 triệu đồng; trong đó chi đầu tư phát triển 3.150.000 triệu "
    "đồng, chiếm {a}% chi cân đối.\n\n"
    "2. Chi các chương trình mục tiêu quốc gia 800.000 triệu đồng, đạt 80,0% dự toán.\n\n"
    "3. Chi chuyển nguồn sang năm 2025 là {b} triệu đồng.\n\n"
    "Điều 2. Tổ chức thực hiện\n\nGiao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n\n"
    "Phụ lục\nCÂN ĐỐI QUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024\n\nĐơn vị: triệu đồng\n\n"
    "| STT | Nội dung | Dự toán | Quyết toán | So sánh (%) |\n|---|---|---:|---:|---:|\n"
    "| I | Chi cân đối ngân sách địa phương | 9.000.000 | 9.270.000 | 103,0 |\n"
    "| 1 | Chi đầu tư phát triển | 3.000.000 | 3.150.000 | 105,0 |\n"
    "| 2 | Chi thường xuyên | 6.000.000 | 6.120.000 | 102,0 |\n"
    "| II | Chi các chương trình mục tiêu, nhiệm vụ | 1.000.000 | 800.000 | 80,0 |\n"
    "| III | Chi chuyển nguồn sang năm sau | - | 1.210.000 | - |\n")


def test_budget_accounts_lines_in_an_article_are_read_against_the_annex(tmp_path):
    # `Điều 1. … năm 2024 … như sau:` dates its items; `chi cân đối` and `chi chuyển nguồn`
    # are lines of their own (3.150.000 / 9.270.000 = 34,0%, not 36,0%; the text's
    # 1.200.000 is the annex's 1.210.000); `mục tiêu` inside a line's name makes no target.
    _, findings, _ = run_text(tmp_path, RESOLUTION.format(a="36,0", b="1.200.000"), "nq.txt")
    assert sorted((f.rule, _texts(f)) for f in _alarms(findings)) == [
        ("RT04", ["3.150.000 triệu đồng", "36,0%", "9.270.000 triệu đồng"]),
        ("SV01", ["1.200.000 triệu đồng", "1.210.000"])]
    facts, findings, _ = run_text(tmp_path, RESOLUTION.format(a="34,0", b="1.210.000"), "nq.txt")
    assert _alarms(findings) == []
    row = facts[facts["text"] == "800.000 triệu đồng"].iloc[0]
    assert (row["indicator"], row["role"], row["period"]) == ("spending_target_programmes", "actual", "2024")


def test_a_growth_against_the_accounts_of_the_year_before(tmp_path):
    # `so với quyết toán năm 2023 (11.000.000)`: the base is that year's accounts, and the
    # year is not the period of the figure before it; 12.000.000 / 11.000.000 = +9,1%.
    text = (header("Gia Lai") + "# I. THU NGÂN SÁCH NĂM 2024\n\nTổng thu ngân sách nhà nước trên địa bàn: "
            "12.000.000 triệu đồng, tăng {a}% so với quyết toán năm 2023 (11.000.000 triệu đồng).\n")
    _, findings, _ = run_text(tmp_path, text.format(a="8,1"))
    assert [_texts(f) for f in _alarms(findings)] == [["11.000.000 triệu đồng", "12.000.000 triệu đồng", "8,1%"]]
    _, findings, _ = run_text(tmp_path, text.format(a="9,1"))
    assert _alarms(findings) == []


SCHOOLS = (
    "# I. GIÁO DỤC\n\nQuy mô trường lớp ổn định.\n\n"
    "Bảng 4. Trường đạt chuẩn quốc gia năm học 2025 - 2026\n\n"
    "| STT | Cấp học | Số trường công lập | Trong đó: đạt chuẩn quốc gia | Tỷ lệ đạt chuẩn (%) | Số học sinh |\n"
    "|---|---|---:|---:|---:|---:|\n"
    "| A | KHU VỰC GIA LAI (CŨ) | 300 | 270 | 90,0 | 200.000 |\n"
    "| 1 | Tiểu học | 200 | 180 | {a} | 120.000 |\n"
    "| 2 | Trung học cơ sở | 100 | 90 | 90,0 | 80.000 |\n"
    "| B | KHU VỰC BÌNH ĐỊNH (CŨ) | 400 | 300 | 75,0 | 250.000 |\n"
    "| 1 | Tiểu học | 250 | 200 | 80,0 | 150.000 |\n"
    "| 2 | Trung học cơ sở | 150 | 100 | 66,7 | 100.000 |\n"
    "| | Toàn tỉnh | 700 | 570 | 81,4 | {c} |\n")


def test_count_columns_their_subset_and_its_rate(tmp_path):
    # `Số trường công lập`, `Số học sinh` head counts; `Trong đó: …` is some of the column on
    # its left, and `Tỷ lệ … (%)` that part over the whole (180 / 200 = 90,0, not 99,0); the
    # `Toàn tỉnh` row holds the blocks of both former provinces (200.000 + 250.000).
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SCHOOLS.format(a="99,0", c="460.000"))
    assert sorted((f.rule, _texts(f)) for f in _alarms(findings)) == [
        ("PW03", ["200.000", "250.000", "460.000"]), ("RT04", ["180", "200", "99,0"])]
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + SCHOOLS.format(a="90,0", c="450.000"))
    assert _alarms(findings) == []


def test_a_multiple_whose_base_is_in_a_bracket_beside_another_count(tmp_path):
    # `gấp N lần Bình Định (cũ) (1.000 căn, 50,0 tỷ đồng)`: the base is the bracket's figure
    # in the numerator's unit: 120,0 / 50,0 = 2,4 (not 2,8); the `(cũ)` bracket holds none.
    text = (header("Gia Lai") + "# III. AN SINH XÃ HỘI\n\nNăm 2025 hỗ trợ xóa nhà tạm cho 3.000 hộ; trong đó "
            "Gia Lai (cũ) 2.000 căn, kinh phí 120,0 tỷ đồng, gấp {a} lần Bình Định (cũ) (1.000 căn, 50,0 tỷ đồng).\n")
    _, findings, _ = run_text(tmp_path, text.format(a="2,8"))
    assert [(f.rule, _texts(f)) for f in _alarms(findings)] == [("RT02", ["120,0 tỷ đồng", "2,8 lần", "50,0 tỷ đồng"])]
    _, findings, _ = run_text(tmp_path, text.format(a="2,4"))
    assert _alarms(findings) == []


def test_a_fall_in_points_against_the_rate_at_the_end_of_a_past_year(tmp_path):
    # `giảm P điểm phần trăm so với cuối năm 2024 (2,40%)`: 2,40 − 1,60 = 0,80 points, not 0,90.
    text = (header("Gia Lai") + "# III. GIẢM NGHÈO\n\nCuối năm 2025, Gia Lai (cũ) còn 8.000 hộ nghèo, tỷ lệ 1,60%, "
            "giảm {a} điểm phần trăm so với cuối năm 2024 (2,40%).\n")
    _, findings, _ = run_text(tmp_path, text.format(a="0,90"))
    assert [(f.rule, _texts(f)) for f in _alarms(findings)] == [("RT04", ["0,90 điểm phần trăm", "1,60%", "2,40%"])]
    _, findings, _ = run_text(tmp_path, text.format(a="0,80"))
    assert _alarms(findings) == []


def test_an_annex_summing_the_former_provinces_is_the_merged_provinces(tmp_path):
    # `(TỔNG HỢP HAI TỈNH TRƯỚC HỢP NHẤT)` names no province but adds up both former ones:
    # its rows are the merged province's, as the article's items are (770.000 against 700.000).
    text = RESOLUTION.format(a="34,0", b="1.210.000").replace(
        "3. Chi chuyển nguồn", "4. Thu chuyển nguồn từ năm 2023 sang {c} triệu đồng.\n\n3. Chi chuyển nguồn").replace(
        "CÂN ĐỐI QUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024", "CÂN ĐỐI QUYẾT TOÁN NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2024 "
        "(TỔNG HỢP HAI TỈNH TRƯỚC HỢP NHẤT)") + "| IV | Thu chuyển nguồn từ năm trước chuyển sang | - | 770.000 | - |\n"
    _, findings, _ = run_text(tmp_path, text.format(c="700.000"), "nq.txt")
    assert [(f.rule, _texts(f)) for f in _alarms(findings)] == [("SV01", ["700.000 triệu đồng", "770.000"])]
    _, findings, _ = run_text(tmp_path, text.format(c="770.000"), "nq.txt")
    assert _alarms(findings) == []
