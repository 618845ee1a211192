"""Stated derived figures that must recompute from the figures they name (session 10): a
growth against the level of the same period a year before, a share of plan, a multiple.
Each class has phrasings that must fire on a planted mismatch, the same text with correct
figures that must stay silent, and near misses that must stay silent because the evidence
is too weak.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

# --- A table's `cùng kỳ` level column, and a unit line right-aligned by tabs over it ---------

BUDGET_TABLE = (
    "BÁO CÁO\nTình hình thu ngân sách {span} năm 2025\n\n"
    "{prose}"
    "Biểu số 01\nTHU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN\n{unit_line}\n"
    "STT\tNội dung\tDự toán năm 2025\t{done} năm 2025\t{before}\tSo dự toán (%)\tSo cùng kỳ (%)\n"
    "1\tThu tiền sử dụng đất\t8.500.000\t7.948.260\t6.310.240\t93,5\t{index}\n"
    "2\tThu phí, lệ phí\t1.200.000\t1.043.500\t982.400\t87,0\t106,2\n")
SPANS = [("11 tháng", "Thực hiện 11 tháng"), ("9 tháng", "Ước thực hiện 9 tháng"), ("6 tháng", "Ước 6 tháng")]
BEFORE = ["Cùng kỳ năm 2024", "Cùng kỳ năm trước", "Thực hiện cùng kỳ năm 2024", "Cùng kỳ 2024",
          "TH cùng kỳ năm 2024"]
UNIT_LINES = ["Đơn vị: triệu đồng", "\t\t\t\tĐơn vị: triệu đồng", "\t\t\t\t\tĐVT: triệu đồng"]


def _budget(span, done, before, index, unit_line="Đơn vị: triệu đồng", prose=""):
    return BUDGET_TABLE.format(span=span, done=done, before=before, index=index, unit_line=unit_line,
                               prose=prose)


@pytest.mark.parametrize("span,done", SPANS)
@pytest.mark.parametrize("before", BEFORE)
def test_a_same_period_column_is_the_base_of_the_comparison_beside_it(tmp_path, span, done, before):
    # `Cùng kỳ năm 2024` heads the level of the same months a year before (before: its cells
    # were dropped unless the heading said `Thực hiện`), so `So cùng kỳ (%)` recomputes:
    # 7.948.260 / 6.310.240 = 126,0%.
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + _budget(span, done, before, "126,0"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + _budget(span, done, before, "121,0"), "d.txt")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "121,0" in figure_texts(found[0])


@pytest.mark.parametrize("unit_line", UNIT_LINES)
def test_a_unit_line_indented_by_tabs_opens_no_table(tmp_path, unit_line):
    # `\t\t\t\tĐơn vị: triệu đồng` (right-aligned in the source, tabs in its text) was read as a
    # table's one-cell header, and the real header as its first row: no cell was read.
    text = _budget("11 tháng", "Thực hiện 11 tháng", "Cùng kỳ năm 2024", "121,0", unit_line)
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert len(alarms(findings, "RT04")) == 1


@pytest.mark.parametrize("before", ["Cùng kỳ năm 2024", "Thực hiện cùng kỳ năm 2024"])
def test_a_same_period_level_is_not_the_whole_previous_year(tmp_path, before):
    # The text's level of all of 2024 (9.100 tỷ đồng) is no restatement of the 11 months of
    # 2024 in the table (6.310.240 triệu đồng): before, both were `2024` and SV01 fired.
    prose = "Năm 2024, thu tiền sử dụng đất đạt 9.100 tỷ đồng.\n\n"
    text = _budget("11 tháng", "Thực hiện 11 tháng", before, "126,0", prose=prose)
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert alarms(findings) == []


@pytest.mark.parametrize("before", ["Cùng kỳ năm 2023", "So cùng kỳ", "Cùng kỳ (%)"])
def test_a_same_period_heading_that_is_not_the_year_before_is_left_alone(tmp_path, before):
    # `Cùng kỳ năm 2023` beside results of 2025 is not the base of `So cùng kỳ`; `So cùng kỳ`
    # and `Cùng kỳ (%)` compare: no base, no finding.
    text = _budget("11 tháng", "Thực hiện 11 tháng", before, "121,0")
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert alarms(findings, "RT04") == []


# --- A growth stated in prose whose level and base a table row states ------------------------

TRADE = (
    "# TÌNH HÌNH KINH TẾ - XÃ HỘI {span}\n\n"
    "## 1. Thương mại\n\n{sentence}\n\n"
    "Bảng 1. Xuất, nhập khẩu\nĐơn vị: triệu USD\n"
    "STT\tChỉ tiêu\t{old}\t{new}\tSo sánh (%)\n"
    "1\tXuất khẩu\t2.955,1\t3.215,4\t108,8\n"
    "2\tNhập khẩu\t3.524,8\t3.842,6\t109,0\n")
# (span, the table's two level headings, the sentence with {p} for the growth: 9,0% is right)
TRADE_PHRASES = [
    ("năm 2025", "Năm 2024", "Năm 2025", "Kim ngạch nhập khẩu đạt 3.842,6 triệu USD, tăng {p}."),
    ("năm 2025", "Thực hiện năm 2024", "Ước thực hiện năm 2025",
     "Trong đó xuất khẩu 3.215,4 triệu USD; nhập khẩu 3.842,6 triệu USD, tăng {p} so với năm 2024."),
    ("năm 2025", "Năm 2024", "Năm 2025", "Nhập khẩu hàng hóa ước đạt 3.842,6 triệu USD, tăng {p} so với năm trước."),
    ("9 tháng năm 2025", "Cùng kỳ năm 2024", "Ước 9 tháng năm 2025",
     "Kim ngạch nhập khẩu 9 tháng ước đạt 3.842,6 triệu USD, tăng {p} so với cùng kỳ năm trước."),
    ("9 tháng năm 2025", "9 tháng năm 2024", "9 tháng năm 2025",
     "Kim ngạch nhập khẩu 9 tháng đạt 3.842,6 triệu USD, bằng {q} so với cùng kỳ."),
]


@pytest.mark.parametrize("span,old,new,sentence", TRADE_PHRASES)
def test_a_prose_growth_recomputes_from_the_table_row_of_its_level(tmp_path, span, old, new, sentence):
    # 3.842,6 / 3.524,8 = 109,0%: the prose level is the table's 2025 cell, its row gives 2024.
    def draft(p, q):
        return header("Lạng Sơn") + TRADE.format(span=span, old=old, new=new, sentence=sentence.format(p=p, q=q))
    _, findings, _ = run_text(tmp_path, draft("9,0%", "109,0%"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, draft("9,6%", "109,6%"), "d.txt")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and any(t in figure_texts(found[0]) for t in ("9,6%", "109,6%"))


PLAN = (
    "NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2026\n\n"
    "Điều 1. Chỉ tiêu chủ yếu năm 2026\n\n"
    "Tổng vốn đầu tư phát triển toàn xã hội 195.000 tỷ đồng, {words} {p}.\n\n"
    "Phụ lục. Các chỉ tiêu chủ yếu\n"
    "STT\tChỉ tiêu\tĐơn vị\tKế hoạch 2025\tƯớc thực hiện 2025\tKế hoạch 2026\n"
    "1\tVốn đầu tư phát triển toàn xã hội\ttỷ đồng\t170.000\t171.000\t195.000\n")


@pytest.mark.parametrize("words", ["tăng", "tăng khoảng", "dự kiến tăng"])
def test_a_plan_growth_recomputes_from_the_estimate_in_the_annex(tmp_path, words):
    # A plan for 2026 over the estimate of 2025 (its row's result of the year before, never
    # the plan 2025): 195.000 / 171.000 = 114,0%.
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + PLAN.format(words=words, p="14,0%"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + PLAN.format(words=words, p="14,4%"), "d.txt")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and any("14,4%" in t for t in figure_texts(found[0]))


NEAR_MISSES = [
    # Real growth of GRDP (constant prices) is never recomputed from current-price levels.
    ("Tổng sản phẩm trên địa bàn (GRDP) ước đạt 3.842,6 triệu USD, tăng 9,6%.", "Nhập khẩu"),
    ("Giá trị sản xuất công nghiệp đạt 3.842,6 triệu USD, tăng 9,6% (theo giá so sánh).", "Nhập khẩu"),
    # A yearly average, a growth over the plan: not this row's two years.
    ("Nhập khẩu đạt 3.842,6 triệu USD, tăng bình quân 9,6%/năm.", "Nhập khẩu"),
    ("Nhập khẩu đạt 3.842,6 triệu USD, tăng 9,6% so với kế hoạch năm 2025.", "Nhập khẩu"),
    # A value too short to be found by its value (one of many such numbers).
    ("Nhập khẩu đạt 3,8 tỷ USD, tăng 9,6%.", "Nhập khẩu"),
]


@pytest.mark.parametrize("sentence,label", NEAR_MISSES)
def test_a_growth_without_a_sure_base_row_stays_silent(tmp_path, sentence, label):
    text = TRADE.format(span="năm 2025", old="Năm 2024", new="Năm 2025", sentence=sentence)
    _, findings, _ = run_text(tmp_path, header("Lạng Sơn") + text, "d.txt")
    assert alarms(findings, "RT04") == []


def test_a_level_found_in_two_rows_is_no_base(tmp_path):
    # Two rows hold 3.842,6: which row's 2024 is the base is unsure, so nothing is said.
    text = TRADE.format(span="năm 2025", old="Năm 2024", new="Năm 2025",
                        sentence="Kim ngạch nhập khẩu đạt 3.842,6 triệu USD, tăng 9,6%.")
    text += "3\tNhập khẩu nguyên liệu\t3.400,0\t3.842,6\t113,0\n"
    _, findings, _ = run_text(tmp_path, header("Lạng Sơn") + text, "d.txt")
    assert alarms(findings, "RT04") == []


# --- A share of plan stated in prose whose result and plan a table row states ------------

REVENUE = (
    "# BÁO CÁO THU NGÂN SÁCH {span} NĂM 2025\n\n## 1. Thu ngân sách\n\n{sentence}\n\n"
    "Biểu số 01. Thu ngân sách nhà nước\nĐơn vị: triệu đồng\n"
    "STT\tNội dung\tDự toán năm 2025\t{done} năm 2025\tSo dự toán (%)\n"
    "1\tThu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài\t3.300.000\t3.452.180\t104,6\n"
    "2\tThu phí, lệ phí\t1.200.000\t1.043.500\t87,0\n")
# (span, the result column's heading, the sentence with {p}; 104,6% is right)
PLAN_PHRASES = [
    ("11 THÁNG", "Thực hiện 11 tháng",
     "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài đạt 3.452,2 tỷ đồng, bằng {p} dự toán."),
    ("11 THÁNG", "Thực hiện 11 tháng",
     "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài 3.452,2 tỷ đồng, đạt {p} dự toán năm."),
    ("9 THÁNG", "Ước thực hiện 9 tháng",
     "Thu từ doanh nghiệp có vốn đầu tư nước ngoài ước đạt 3.452,18 tỷ đồng, bằng {p} dự toán giao."),
    ("", "Ước thực hiện",
     "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài ước đạt 3.452.180 triệu đồng, đạt {p} dự toán."),
]


@pytest.mark.parametrize("span,done,sentence", PLAN_PHRASES)
def test_a_prose_share_of_plan_recomputes_from_the_table_row_of_its_result(tmp_path, span, done, sentence):
    # 3.452.180 / 3.300.000 = 104,6%, the plan in the row's `Dự toán năm 2025` column (also
    # where another table of the report gives a result of the whole year: the row says which).
    whole_year = (" Ước cả năm 2025, thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài đạt 3.720 tỷ đồng."
                  if span else "")

    def draft(p):
        return header("Quảng Ninh") + REVENUE.format(span=span, done=done, sentence=sentence.format(p=p) + whole_year)
    _, findings, _ = run_text(tmp_path, draft("104,6%"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, draft("106,4%"), "d.txt")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "106,4%" in figure_texts(found[0])


def test_a_share_of_plan_with_two_plans_in_its_row_stays_silent(tmp_path):
    # `Dự toán Trung ương giao | Dự toán HĐND giao`: which plan the text means is unsure.
    text = REVENUE.format(span="11 THÁNG", done="Thực hiện 11 tháng", sentence=(
        "Thu từ khu vực doanh nghiệp có vốn đầu tư nước ngoài đạt 3.452,2 tỷ đồng, bằng 106,4% dự toán."))
    text = text.replace("\tDự toán năm 2025\t", "\tDự toán năm 2025\tDự toán HĐND giao năm 2025\t")
    text = text.replace("\t3.300.000\t", "\t3.300.000\t3.400.000\t").replace("\t1.200.000\t", "\t1.200.000\t1.250.000\t")
    _, findings, _ = run_text(tmp_path, header("Quảng Ninh") + text, "d.txt")
    assert [f for f in alarms(findings, "RT04") if "106,4%" in figure_texts(f)] == []


# --- A multiple of the level of another period: `gấp M lần năm 2025`, `bằng M lần cùng kỳ` -----

TARGETS = (
    "# NGHỊ QUYẾT ĐẠI HỘI, NHIỆM KỲ 2025 - 2030\n\n## 1. Kết quả năm 2025\n\n"
    "Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 19.750 tỷ đồng; kim ngạch xuất khẩu đạt "
    "1.110 triệu USD.\n\n## 2. Mục tiêu đến năm 2030\n\n{sentence}\n")
TARGET_PHRASES = [
    "Thu ngân sách nhà nước trên địa bàn năm 2030 đạt 32.000 tỷ đồng, gấp {m} lần năm 2025.",
    "Phấn đấu thu ngân sách nhà nước trên địa bàn năm 2030 đạt khoảng 32.000 tỷ đồng, gấp {m} lần năm 2025.",
    "Thu ngân sách nhà nước trên địa bàn đến năm 2030 đạt 32.000 tỷ đồng, bằng {m} lần năm 2025.",
]


@pytest.mark.parametrize("sentence", TARGET_PHRASES)
def test_a_target_multiple_of_a_named_year_recomputes_from_that_years_level(tmp_path, sentence):
    # 32.000 / 19.750 = 1,62: the level of the year named is stated once elsewhere.
    _, findings, _ = run_text(tmp_path, header("Đồng Tháp") + TARGETS.format(sentence=sentence.format(m="1,62")))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Đồng Tháp") + TARGETS.format(sentence=sentence.format(m="1,82")))
    found = alarms(findings, "RT02")
    assert len(found) == 1 and "1,82 lần" in figure_texts(found[0])


@pytest.mark.parametrize("sentence", [
    # a bracket after the year holds the base: read there (RT02's own relation), never the other level
    "Thu ngân sách nhà nước trên địa bàn năm 2030 đạt 32.000 tỷ đồng, gấp 1,82 lần năm 2025 (17.580 tỷ đồng).",
    # a multiple of a plan is no multiple of a past level
    "Thu ngân sách nhà nước trên địa bàn năm 2030 đạt 32.000 tỷ đồng, gấp 1,82 lần kế hoạch năm 2025.",
])
def test_a_multiple_with_its_own_base_or_a_plan_is_not_taken_from_elsewhere(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, header("Đồng Tháp") + TARGETS.format(sentence=sentence))
    assert [f for f in alarms(findings, "RT02") if "19.750 tỷ đồng" in figure_texts(f)] == []


def test_a_multiple_of_a_year_stated_twice_differently_stays_silent(tmp_path):
    text = TARGETS.format(sentence="Thu ngân sách nhà nước trên địa bàn năm 2030 đạt 32.000 tỷ đồng, "
                                   "gấp 1,82 lần năm 2025.")
    text = text.replace("1.110 triệu USD.", "1.110 triệu USD. Thu ngân sách nhà nước trên địa bàn năm 2025 "
                                             "ước 20.150 tỷ đồng.")
    _, findings, _ = run_text(tmp_path, header("Đồng Tháp") + text)
    assert alarms(findings, "RT02") == []


FOREST = (
    "# BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ I NĂM 2025\n\n## 1. Nông, lâm nghiệp\n\n{sentence}\n\n"
    "Bảng 1. Một số chỉ tiêu nông, lâm nghiệp\n"
    "STT\tChỉ tiêu\tĐơn vị\t{old}\t{new}\tSo sánh (%)\n"
    "1\tTrồng rừng tập trung\tha\t6.215\t6.840\t110,1\n"
    "2\tSản lượng gỗ khai thác\tm³\t412.300\t436.800\t105,9\n")
FOREST_PHRASES = [
    ("Quý I năm 2024", "Quý I năm 2025", "Trồng rừng tập trung quý I đạt 6.840 ha, bằng {m} lần cùng kỳ."),
    ("Cùng kỳ năm 2024", "Quý I năm 2025", "Diện tích trồng rừng tập trung đạt 6.840 ha, gấp {m} lần cùng kỳ năm trước."),
    ("Quý I/2024", "Quý I/2025", "Trồng rừng tập trung đạt 6.840 ha, bằng {m} lần so với cùng kỳ."),
]


@pytest.mark.parametrize("old,new,sentence", FOREST_PHRASES)
def test_a_multiple_recomputes_from_the_table_row_of_its_level(tmp_path, old, new, sentence):
    # 6.840 / 6.215 = 1,10.
    def draft(m):
        return header("Phú Thọ") + FOREST.format(old=old, new=new, sentence=sentence.format(m=m))
    _, findings, _ = run_text(tmp_path, draft("1,10"), "d.txt")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, draft("1,01"), "d.txt")
    found = alarms(findings, "RT02")
    assert len(found) == 1 and "1,01 lần" in figure_texts(found[0])


# --- A change of a rate in points, stated right after its two levels ----------------------

STRUCTURE = "# BÁO CÁO CHÍNH TRỊ\n\n## 1. Kinh tế\n\nCơ cấu kinh tế chuyển dịch tích cực: {sentence}\n"
POINTS_PHRASES = [
    # (sentence with {d}; the right change, a wrong one)
    ("tỷ trọng nông, lâm nghiệp và thủy sản giảm từ 43,2% năm 2020 xuống 38,6% năm 2025 (giảm {d} điểm "
     "phần trăm).", "4,6", "4,2"),
    ("tỷ trọng nông, lâm nghiệp và thủy sản giảm từ 43,2% năm 2020 xuống còn 38,6% năm 2025, giảm {d} điểm %.",
     "4,6", "4,2"),
    ("tỷ trọng dịch vụ tăng từ 31,4% lên 33,5% (tăng {d} điểm phần trăm).", "2,1", "2,7"),
    ("tỷ lệ lao động qua đào tạo tăng từ 72,2% năm 2020 lên 80,0% năm 2025, tăng {d} điểm phần trăm.",
     "7,8", "8,7"),
]


@pytest.mark.parametrize("sentence,right,wrong", POINTS_PHRASES)
def test_a_change_in_points_after_its_levels_recomputes(tmp_path, sentence, right, wrong):
    _, findings, _ = run_text(tmp_path, header("Cà Mau") + STRUCTURE.format(sentence=sentence.format(d=right)))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Cà Mau") + STRUCTURE.format(sentence=sentence.format(d=wrong)))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and any(wrong in t for t in figure_texts(found[0]))


@pytest.mark.parametrize("sentence", [
    # a yearly average in points is RT05's, with its years: not the whole change
    "tỷ trọng nông, lâm nghiệp và thủy sản giảm từ 43,2% năm 2020 xuống 38,6% năm 2025, bình quân mỗi năm "
    "giảm 0,5 điểm phần trăm.",
    # a direction against the change's own words: unsure, silent
    "tỷ trọng nông, lâm nghiệp và thủy sản giảm từ 43,2% năm 2020 xuống 38,6% năm 2025 (tăng 4,2 điểm phần trăm).",
    # a change of amounts is no change in points
    "giá trị xuất khẩu tăng từ 1.200 tỷ đồng lên 1.500 tỷ đồng, tăng 30 điểm phần trăm.",
])
def test_a_change_in_points_without_a_sure_pair_of_rates_stays_silent(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, header("Cà Mau") + STRUCTURE.format(sentence=sentence))
    assert alarms(findings, "RT04") == []


# --- A share in a bracket after its figure's own words: `92 xã đạt chuẩn … (chiếm 50,8%)` ---

SHARE = "# BÁO CÁO KẾT QUẢ NĂM 2025\n\n## 5. Nông thôn mới, giảm nghèo\n\n{sentence}\n"
SHARE_PHRASES = [
    ("Toàn tỉnh có 181/181 xã đạt chuẩn nông thôn mới, trong đó 92 xã đạt chuẩn nông thôn mới nâng cao "
     "(chiếm {p}).", "50,8%", "50,3%"),
    ("Toàn tỉnh có 181/181 xã đạt chuẩn nông thôn mới (100%), trong đó 92 xã đạt chuẩn nâng cao (chiếm tỷ lệ {p}), "
     "31 xã đạt chuẩn kiểu mẫu.", "50,8%", "50,3%"),
    ("Cuối năm 2025 toàn tỉnh còn 20.400 hộ nghèo, trong đó 8.160 hộ nghèo là đồng bào dân tộc thiểu số "
     "(chiếm {p}).", "40,0%", "44,0%"),
]


@pytest.mark.parametrize("sentence,right,wrong", SHARE_PHRASES)
def test_a_share_after_its_figures_words_recomputes_from_the_total_it_is_listed_under(tmp_path, sentence, right, wrong):
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SHARE.format(sentence=sentence.format(p=right)))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SHARE.format(sentence=sentence.format(p=wrong)))
    found = alarms(findings, "RT04")
    assert len(found) == 1 and wrong in figure_texts(found[0])


def test_a_share_under_a_fraction_of_unequal_terms_stays_silent(tmp_path):
    # `150/181 xã …, trong đó 92 xã … (chiếm 50,8%)`: of the 150 or of the 181? Unsure: silent.
    sentence = ("Toàn tỉnh có 150/181 xã đạt chuẩn nông thôn mới, trong đó 92 xã đạt chuẩn nông thôn mới nâng cao "
                "(chiếm 50,3%).")
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SHARE.format(sentence=sentence))
    assert alarms(findings, "RT04") == []


# --- A multiple of another former province's level, stated in the next clause alike ----------

MERGED = ("# NGHỊ QUYẾT VỀ KẾT QUẢ THỰC HIỆN NĂM 2025\n\n## 1. Thu ngân sách\n\n"
          "Thu ngân sách nhà nước trên địa bàn ước đạt 55.020 tỷ đồng. {sentence}\n")
MERGED_PHRASES = [
    "Khu vực Hưng Yên (cũ) thu 35.640 tỷ đồng, gấp {m} lần khu vực Thái Bình (cũ); khu vực Thái Bình (cũ) thu "
    "19.380 tỷ đồng.",
    "Khu vực Hưng Yên (cũ) thu 35.640 tỷ đồng, bằng 113,1% dự toán (31.500 tỷ đồng), gấp {m} lần khu vực Thái Bình "
    "(cũ); khu vực Thái Bình (cũ) thu 19.380 tỷ đồng, bằng 111,4% dự toán (17.400 tỷ đồng).",
    "Địa bàn Hưng Yên cũ đạt 35.640 tỷ đồng, bằng {m} lần địa bàn Thái Bình cũ; địa bàn Thái Bình cũ đạt "
    "19.380 tỷ đồng.",
]


@pytest.mark.parametrize("sentence", MERGED_PHRASES)
def test_a_multiple_of_another_province_recomputes_from_the_next_clause(tmp_path, sentence):
    # 35.640 / 19.380 = 1,84.
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + MERGED.format(sentence=sentence.format(m="1,84")))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + MERGED.format(sentence=sentence.format(m="1,48")))
    found = alarms(findings, "RT02")
    assert len(found) == 1 and "1,48 lần" in figure_texts(found[0])


@pytest.mark.parametrize("sentence", [
    # the next clause states another thing of that province: not said alike, no base
    "Khu vực Hưng Yên (cũ) thu 35.640 tỷ đồng, gấp 1,48 lần khu vực Thái Bình (cũ); khu vực Thái Bình (cũ) "
    "chi đầu tư 19.380 tỷ đồng.",
    # a province not named again after the multiple: no base in the sentence
    "Khu vực Hưng Yên (cũ) thu 35.640 tỷ đồng, gấp 1,48 lần khu vực Thái Bình (cũ).",
])
def test_a_multiple_of_another_province_without_a_parallel_clause_stays_silent(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, header("Hưng Yên") + MERGED.format(sentence=sentence))
    assert alarms(findings, "RT02") == []
