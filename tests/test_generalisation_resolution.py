"""Resolution gaps closed as classes, in short drafts of our own: a level the province has
(`Tỉnh có ...`) with no period is as of the report's year; `tăng N%` after a level's name
is its rate; a `Riêng ...` sentence with no words of its own measures what the sentence
before names; a multiple measures its numerator's level; a footnote that breaks down
`A/B xã, bằng P%` breaks down the count; and catalog wordings of common indicators."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text

# A section whose heading states no period: only the text can give one.
PLAIN = header() + "# I. ĐẶC ĐIỂM TÌNH HÌNH\n\n"
TERM = header() + "# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n"


def _run(tmp_path, head: str, body: str):
    facts, findings, _ = run_text(tmp_path, head + body + "\n")
    return facts, rules_and_texts(findings)


def _fields(facts, text: str) -> tuple:
    r = fact_row(facts, text)
    return tuple(None if v != v else v for v in (r["indicator"], r["entity"], r["period"], r["role"]))


MEMBERS = ("Từ ngày 01/7/2025, tỉnh Thái Nguyên được thành lập trên cơ sở hợp nhất tỉnh Thái Nguyên và tỉnh "
           "Bắc Kạn. Tỉnh có diện tích tự nhiên 8.375,3 km² (Thái Nguyên cũ 3.521,9 km², Bắc Kạn cũ 4.853,4 km²). "
           "Đảng bộ tỉnh có {} đảng viên, trong đó Đảng bộ Thái Nguyên (trước hợp nhất) 60.200 đảng viên, "
           "Đảng bộ Bắc Kạn (trước hợp nhất) 20.100 đảng viên. Thu ngân sách nhà nước đạt 21.300 tỷ đồng.")


def test_a_level_the_province_has_is_as_of_the_report(tmp_path):
    facts, found = _run(tmp_path, PLAIN, MEMBERS.format("80.300"))
    assert found == []
    assert _fields(facts, "8.375,3 km²") == ("area", "thai_nguyen", "2025", "actual")
    assert _fields(facts, "4.853,4 km²") == ("area", "bac_kan", "2025", "actual")
    assert _fields(facts, "20.100 đảng viên") == ("party_members", "bac_kan", "2025", "actual")
    # A result (`đạt`) with no period is some year's total: which one, the text does not say.
    assert _fields(facts, "21.300 tỷ đồng")[2] is None


def test_former_provinces_that_miss_a_present_level_are_flagged(tmp_path):
    _, found = _run(tmp_path, PLAIN, MEMBERS.format("80.500"))
    assert found == [("PW01", ["20.100 đảng viên", "60.200 đảng viên", "80.500 đảng viên"])]


GROWTH = ("Giai đoạn 2021 - 2025, tổng sản phẩm trên địa bàn (GRDP, theo giá so sánh năm 2010) tăng bình quân "
          "{}%/năm[^1].\n\n[^1]: Thái Nguyên (cũ) tăng bình quân 7,8%/năm; Bắc Kạn (cũ) tăng bình quân 5,1%/năm.")


def test_a_rise_after_a_levels_name_is_its_rate(tmp_path):
    facts, found = _run(tmp_path, TERM, GROWTH.format("7,4"))
    assert found == []
    assert _fields(facts, "7,4%/năm") == ("grdp_growth", "thai_nguyen", "2021-2025", "actual")
    assert _fields(facts, "5,1%/năm") == ("grdp_growth", "bac_kan", "2021-2025", "actual")


def test_a_rate_outside_its_former_provinces_rates_is_flagged(tmp_path):
    _, found = _run(tmp_path, TERM, GROWTH.format("8,4"))
    assert found == [("BT01", ["5,1%/năm", "7,8%/năm", "8,4%/năm"])]


def test_a_sentence_opening_rieng_measures_what_the_sentence_before_names(tmp_path):
    facts, found = _run(tmp_path, TERM, (
        "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 21.300 tỷ đồng. Riêng Thái Nguyên (cũ) đạt "
        "18.650 tỷ đồng, tăng gấp 1,5 lần so với đầu nhiệm kỳ (12.430 tỷ đồng năm 2020); Bắc Kạn (cũ) đạt "
        "2.650 tỷ đồng, bằng 104,8% dự toán (2.528 tỷ đồng). Riêng thu từ đất đạt 5.000 tỷ đồng."))
    assert found == []
    assert _fields(facts, "18.650 tỷ đồng") == ("budget_revenue", "thai_nguyen_cu", "2025", "actual")
    assert _fields(facts, "12.430 tỷ đồng") == ("budget_revenue", "thai_nguyen_cu", "2020", "actual")
    assert _fields(facts, "1,5 lần")[0] == "budget_revenue_multiple"
    assert _fields(facts, "2.650 tỷ đồng") == ("budget_revenue", "bac_kan", "2025", "actual")
    assert _fields(facts, "2.528 tỷ đồng") == ("budget_revenue", "bac_kan", "2025", "target")
    assert fact_row(facts, "104,8%")["measure"] == "plan_share"
    # `thu từ đất` is a part of its own, not the revenue the sentence before names.
    assert _fields(facts, "5.000 tỷ đồng")[0] is None


def test_a_multiple_measures_its_numerators_level(tmp_path):
    facts, found = _run(tmp_path, TERM, "Năm 2025, toàn tỉnh đón 9,6 triệu lượt khách, gấp 2,6 lần năm 2020 "
                                        "(3,7 triệu lượt).")
    assert found == []
    assert _fields(facts, "9,6 triệu lượt khách")[0] == "tourist_arrivals"
    assert _fields(facts, "2,6 lần") == ("tourist_arrivals_multiple", "thai_nguyen", "2025", "actual")


COMMUNES = ("Đến hết năm 2025, toàn tỉnh có 219/301 xã đạt chuẩn nông thôn mới, bằng 72,8%[^2].\n\n"
            "[^2]: Thái Nguyên (cũ) có 150/178 xã, bằng 84,3%; Bắc Kạn (cũ) có {}/123 xã, bằng {}%.")


def test_a_footnote_breaking_down_a_share_breaks_down_its_count(tmp_path):
    facts, found = _run(tmp_path, TERM, COMMUNES.format("69", "56,1"))
    assert found == []
    assert _fields(facts, "69/123 xã") == ("ntm_communes", "bac_kan", "2025", "actual")
    assert _fields(facts, "56,1%")[0] == "ntm_communes_share"


def test_former_counts_that_miss_the_total_are_flagged(tmp_path):
    _, found = _run(tmp_path, TERM, COMMUNES.format("79", "64,2"))
    assert found == [("PW01", ["150/178 xã", "219/301 xã", "79/123 xã"])]


RICE = ("Sản lượng lúa năm 2025 đạt 3,45 triệu tấn[^3]; tổng sản lượng thủy sản đạt 120,5 nghìn tấn, trong đó "
        "khai thác 20,3 nghìn tấn, nuôi trồng 100,2 nghìn tấn.\n\n"
        "[^3]: Thái Nguyên (cũ) 2,10 triệu tấn; Bắc Kạn (cũ) {} triệu tấn.")


def test_farm_output_is_named(tmp_path):
    facts, found = _run(tmp_path, TERM, RICE.format("1,35"))
    assert found == []
    assert _fields(facts, "3,45 triệu tấn") == ("rice_output", "thai_nguyen", "2025", "actual")
    assert _fields(facts, "1,35 triệu tấn") == ("rice_output", "bac_kan", "2025", "actual")
    part = fact_row(facts, "20,3 nghìn tấn")
    assert (part["indicator"], part["scope"]) == ("fisheries_output", "khai_thac")


def test_farm_output_of_former_provinces_that_misses_the_total_is_flagged(tmp_path):
    _, found = _run(tmp_path, TERM, RICE.format("1,53"))
    assert found == [("PW01", ["1,53 triệu tấn", "2,10 triệu tấn", "3,45 triệu tấn"])]


def test_common_wordings_are_named(tmp_path):
    facts, found = _run(tmp_path, TERM, (
        "Toàn tỉnh hoàn thành xóa 1.250 căn nhà tạm, nhà dột nát (xây mới 800 căn, sửa chữa 450 căn). "
        "Toàn tỉnh giải quyết việc làm cho 95.400 lao động, bằng 106,0% kế hoạch (90.000 lao động). "
        "Kim ngạch xuất khẩu năm 2025 đạt 8.700 triệu USD, chỉ đạt 87% mục tiêu Nghị quyết (10.000 triệu USD). "
        "Tổng thu từ khách du lịch năm 2025 đạt 6.480 tỷ đồng. Thường trực Tỉnh ủy họp 16 phiên. "
        "Ban Thường vụ Tỉnh ủy ban hành 46 nghị quyết chuyên đề."))
    assert found == []
    named = {t: fact_row(facts, t)["indicator"] for t in (
        "1.250 căn nhà", "450 căn", "95.400 lao động", "90.000 lao động", "87%", "6.480 tỷ đồng", "16 phiên",
        "46 nghị quyết")}
    assert named == {"1.250 căn nhà": "temporary_houses_removed", "450 căn": "temporary_houses_removed",
                     "95.400 lao động": "jobs_created_total", "90.000 lao động": "jobs_created_total",
                     "87%": "export_value", "6.480 tỷ đồng": "tourism_revenue",
                     "16 phiên": "standing_board_meetings", "46 nghị quyết": "thematic_resolutions"}
    assert fact_row(facts, "87%")["measure"] == "plan_share"
    assert fact_row(facts, "90.000 lao động")["role"] == "target"


PER_HEAD = ("Quy mô GRDP năm 2025 theo giá hiện hành đạt 95.000 tỷ đồng, gấp 1,5 lần năm 2020 (63.300 tỷ đồng); "
            "GRDP bình quân đầu người đạt 82,5 triệu đồng[^3].\n\n"
            "[^3]: Thái Nguyên (cũ) đạt 88,1 triệu đồng/người; Bắc Kạn (cũ) đạt 61,2 triệu đồng/người.\n\n"
            "# PHỤ LỤC. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020 - 2025\n\n"
            "### B. Tỉnh Bắc Kạn (cũ)\n\n"
            "| TT | Chỉ tiêu | Mục tiêu Nghị quyết | Thực hiện năm 2025 | Đánh giá |\n"
            "|---:|---|---|---|---|\n"
            "| 1 | GRDP bình quân đầu người | 60 triệu đồng | {} triệu đồng | Vượt |")


def test_a_footnote_is_of_the_period_of_the_figure_it_annotates(tmp_path):
    # The last year before the marker is the base of `gấp 1,5 lần năm 2020`, not the footnote's.
    facts, found = _run(tmp_path, TERM, PER_HEAD.format("61,2"))
    assert found == []
    assert _fields(facts, "61,2 triệu đồng/người") == ("grdp_per_capita", "bac_kan", "2025", "actual")


def test_a_footnote_that_disagrees_with_the_appendix_is_flagged(tmp_path):
    _, found = _run(tmp_path, TERM, PER_HEAD.format("62,1"))
    assert found == [("SV01", ["61,2 triệu đồng/người", "62,1 triệu đồng"])]


def test_trong_nhiem_ky_is_the_headings_term(tmp_path):
    facts, _ = _run(tmp_path, TERM, "Tỷ lệ lao động qua đào tạo năm 2025 đạt 70,5%; trong nhiệm kỳ giải quyết "
                                     "việc làm cho 131.400 lượt lao động. Trong nhiệm kỳ 2025 - 2030 phấn đấu "
                                     "giải quyết việc làm cho 150.000 lao động.")
    assert _fields(facts, "70,5%")[2] == "2025"
    assert _fields(facts, "131.400 lượt") == ("jobs_created_total", "thai_nguyen", "2021-2025", "actual")
    # A term named by its years is that term.
    assert _fields(facts, "150.000 lao động")[2:] == ("2026-2030", "target")


def test_a_part_followed_by_a_proper_name_is_a_part_of_the_total(tmp_path):
    body = "Tỉnh có {} đơn vị hành chính cấp xã, gồm 48 xã, 16 phường và 01 đặc khu Cô Tô."
    facts, found = _run(tmp_path, TERM, body.format("65"))
    assert found == []
    assert _fields(facts, "01 đặc khu")[0] == "communes"
    _, found = _run(tmp_path, TERM, body.format("66"))
    assert [rule for rule, _ in found] == ["PW02"]


def test_a_multiple_is_of_its_numerators_period(tmp_path):
    facts, found = _run(tmp_path, TERM, "Số doanh nghiệp đang hoạt động tăng 1,35 lần, từ 7.115 doanh nghiệp năm "
                                        "2020 lên 9.605 doanh nghiệp năm 2025.")
    assert found == []
    assert _fields(facts, "1,35 lần") == ("enterprises_multiple", "thai_nguyen", "2025", "actual")
    assert _fields(facts, "7.115 doanh nghiệp")[2] == "2020"


ECONOMY = ("Kinh tế hai tỉnh duy trì mức tăng trưởng khá: Thái Nguyên (cũ) tăng bình quân 7,8%/năm, Bắc Kạn (cũ) "
           "tăng bình quân {}%/năm. Kinh tế số tăng trưởng nhanh: năm 2025 đạt 21%. Tốc độ tăng trưởng GRDP bình "
           "quân giai đoạn 2021 - 2025 đạt 7,4%/năm; trong đó Thái Nguyên (cũ) 7,8%/năm, Bắc Kạn (cũ) 5,1%/năm.")


def test_the_growth_a_list_heads_is_its_items_indicator(tmp_path):
    facts, found = _run(tmp_path, TERM, ECONOMY.format("5,1"))
    assert found == []
    rows = facts[facts["text"] == "5,1%/năm"]
    assert list(rows["indicator"]) == ["grdp_growth", "grdp_growth"]
    assert list(rows["entity"]) == ["bac_kan", "bac_kan"]
    # `số` stands between the subject and its growth: the digital economy, not the economy.
    assert _fields(facts, "21%")[0] is None


def test_a_listed_growth_that_disagrees_with_its_restatement_is_flagged(tmp_path):
    _, found = _run(tmp_path, TERM, ECONOMY.format("5,4"))
    assert found == [("SV01", ["5,1%/năm", "5,4%/năm"])]


def test_a_target_after_a_comma_is_no_base_of_the_figure_before(tmp_path):
    body = "Tỷ lệ che phủ rừng năm 2025 đạt 42%, mục tiêu đến năm 2030 đạt 45%. Năm 2025, tỷ lệ che phủ rừng là {}%."
    facts, found = _run(tmp_path, TERM, body.format("42"))
    assert found == [] and set(facts.loc[facts["text"] == "42%", "measure"]) == {""}
    _, found = _run(tmp_path, TERM, body.format("44"))
    assert found == [("SV01", ["42%", "44%"])]


def test_a_rise_is_the_named_levels_only_with_no_words_of_its_own_between(tmp_path):
    facts, found = _run(tmp_path, TERM, (
        "Năm 2025, GRDP đạt 95 nghìn tỷ đồng, tăng 8,2%; công nghiệp chế tạo tăng 12,1%. Thu ngân sách năm 2025 "
        "đạt 21.300 tỷ đồng. Trong đó, 5.000 tỷ đồng thu từ đất."))
    assert found == []
    assert _fields(facts, "8,2%")[0] == "grdp_growth"
    assert _fields(facts, "12,1%")[0] is None
    assert _fields(facts, "5.000 tỷ đồng")[0] is None
