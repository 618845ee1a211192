"""Agreement between figures that state one relationship twice (session 10): a total and
the parts listed under it, a merged province's rate and its former provinces', the same
fact in two places.  For each class, several phrasings fire on a planted mismatch, the
same sentences with agreeing figures stay silent, and near-misses whose evidence is too
weak stay silent too.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

HEAD = ("UBND TỈNH HẢI PHÒNG\n\nBÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÀNH PHỐ HẢI PHÒNG "
        "10 THÁNG NĂM 2025\n\n## 1. Tình hình thực hiện\n\n")

# A `trong đó` list whose `;` clauses each open with the first part's head word and end on
# the rest of that head (`các khoản chi khác`, `thu còn lại`): all the parts, so they add up
# to the total.  {rest} is the last part; the others add up to total - {good}.
REST_CLOSED = [
    ("Tổng chi ngân sách địa phương ước đạt 58.920 tỷ đồng, trong đó chi đầu tư phát triển 25.740 tỷ "
     "đồng, chiếm 43,7%; chi thường xuyên 31.680 tỷ đồng; các khoản chi khác {rest} tỷ đồng.", "1.500", "1.320"),
    ("Tổng thu ngân sách nhà nước trên địa bàn ước đạt 72.400 tỷ đồng, trong đó thu nội địa 51.300 tỷ "
     "đồng, bằng 88,2% dự toán; thu từ hoạt động xuất nhập khẩu 19.600 tỷ đồng; thu còn lại {rest} tỷ "
     "đồng.", "1.500", "1.900"),
    ("Tổng vốn đầu tư công đã giải ngân 12.480 tỷ đồng, trong đó vốn ngân sách tỉnh 7.350 tỷ đồng; "
     "vốn ngân sách trung ương 4.210 tỷ đồng; vốn còn lại {rest} tỷ đồng.", "920", "1.020"),
    ("Sản lượng lương thực có hạt ước đạt 512.300 tấn, trong đó sản lượng lúa 468.900 tấn, tăng 1,2%; "
     "sản lượng ngô 31.700 tấn; sản lượng các loại cây có hạt khác {rest} tấn.", "11.700", "17.100"),
]


@pytest.mark.parametrize("sentence,good,bad", REST_CLOSED)
def test_a_semicolon_list_closed_by_the_rest_adds_up_to_its_total(tmp_path, sentence, good, bad):
    _, findings, _ = run_text(tmp_path, HEAD + sentence.format(rest=good) + "\n")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, HEAD + sentence.format(rest=bad) + "\n")
    found = alarms(findings, "PW02")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


NOT_CLOSED = [
    # no rest clause: the `;` clauses may be some parts only (or another measure), never summed to equality
    "Tổng chi ngân sách địa phương ước đạt 58.920 tỷ đồng, trong đó chi đầu tư phát triển 25.740 tỷ "
    "đồng; chi thường xuyên 31.680 tỷ đồng.",
    # a `;` clause led by the same word that is another measure, not a part (larger than the rest)
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 72.400 tỷ đồng, trong đó thu nội địa 51.300 tỷ "
    "đồng; thu ngân sách địa phương được hưởng theo phân cấp 40.100 tỷ đồng.",
    # the rest clause names another head than the first part's: the list is not shown to be all of it
    "Tổng chi ngân sách địa phương ước đạt 58.920 tỷ đồng, trong đó chi đầu tư phát triển 25.740 tỷ "
    "đồng; chi thường xuyên 31.680 tỷ đồng; các nguồn vốn khác 4.000 tỷ đồng.",
]


@pytest.mark.parametrize("sentence", NOT_CLOSED)
def test_a_semicolon_list_not_closed_by_its_own_rest_is_not_summed_to_equality(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, HEAD + sentence + "\n")
    assert alarms(findings) == []


MERGED_HEAD = ("UBND TỈNH BẮC NINH\n\nBÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ KINH TẾ - XÃ HỘI TỈNH BẮC NINH "
               "NĂM 2025\n\n## 1. Tình hình thực hiện\n\n")

# A merged province's rate with its former provinces' rates, named in the words reports use
# (`tỷ lệ che phủ` alone, `lao động đã qua đào tạo`): a weighted mean, so between them.
# {merged} is the merged rate; the former ones are 38,7 / 46,3 and 24,8 / 27,9.
MERGED_RATES = [
    ("Đến ngày 31/12/2025, tổng diện tích có rừng của tỉnh là 739.800 ha, trong đó khu vực Bắc Giang cũ "
     "506.200 ha (tỷ lệ che phủ 38,7%), khu vực Bắc Ninh cũ 233.600 ha (tỷ lệ che phủ 46,3%); tỷ lệ che phủ "
     "rừng chung toàn tỉnh đạt {merged}%.", "40,8", "46,8"),
    ("Độ che phủ rừng năm 2025 đạt {merged}% (Bắc Giang cũ 38,7%, Bắc Ninh cũ 46,3%).", "40,8", "36,8"),
    ("Năm 2025, tỷ lệ che phủ đạt {merged}%, trong đó khu vực Bắc Giang (cũ) 38,7%, khu vực Bắc Ninh (cũ) "
     "46,3%.", "41,2", "47,1"),
    ("Tỷ lệ lao động đã qua đào tạo có bằng, chứng chỉ năm 2025 đạt {merged}%, trong đó Bắc Giang (cũ) "
     "24,8%, Bắc Ninh (cũ) 27,9%.", "26,9", "28,9"),
    ("Năm 2025, tỷ lệ lao động đã qua đào tạo đạt {merged}% (Bắc Giang cũ 24,8%; Bắc Ninh cũ 27,9%).",
     "26,1", "23,9"),
]


@pytest.mark.parametrize("sentence,good,bad", MERGED_RATES)
def test_a_merged_rate_named_in_other_words_lies_between_its_former_provinces(tmp_path, sentence, good, bad):
    _, findings, _ = run_text(tmp_path, MERGED_HEAD + sentence.format(merged=good) + "\n")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, MERGED_HEAD + sentence.format(merged=bad) + "\n")
    found = [f for f in alarms(findings) if f.rule in ("BT01", "BT03", "WM01")]
    assert found and all(any(bad in t for t in figure_texts(f)) for f in found)


def test_another_cover_is_no_forest_cover(tmp_path):
    # `tỷ lệ che phủ cây xanh` names what covers: another measure than the forest's, never
    # compared with it (a bare `tỷ lệ che phủ` is the forest's).
    text = ("Tỷ lệ che phủ rừng năm 2025 đạt 40,8% (Bắc Giang cũ 38,7%, Bắc Ninh cũ 46,3%). Tỷ lệ che phủ "
            "cây xanh đô thị năm 2025 đạt 52,0%, độ che phủ cây xanh khu dân cư nông thôn 31,5%.\n")
    _, findings, _ = run_text(tmp_path, MERGED_HEAD + text)
    assert alarms(findings) == []


def test_a_merged_rate_and_its_table_row_are_one_fact(tmp_path):
    # the text's rate, named in other words, against the table's row of the same indicator
    table = ("\nBiểu 1. Một số chỉ tiêu xã hội năm 2025\n\n| TT | Chỉ tiêu | Đơn vị | Bắc Giang (cũ) | "
             "Bắc Ninh (cũ) | Toàn tỉnh |\n|---|---|---|---|---|---|\n| 1 | Tỷ lệ lao động qua đào tạo có bằng, "
             "chứng chỉ | % | 24,8 | 27,9 | 26,9 |\n")
    text = "Tỷ lệ lao động đã qua đào tạo có bằng, chứng chỉ năm 2025 đạt {}%.\n"
    _, findings, _ = run_text(tmp_path, MERGED_HEAD + text.format("26,9") + table)
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, MERGED_HEAD + text.format("28,9") + table)
    found = alarms(findings, "SV01")
    assert len(found) == 1 and figure_texts(found[0]) == ["26,9", "28,9%"]


COUNT_HEAD = ("UBND TỈNH NGHỆ AN\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025 TỈNH NGHỆ AN\n\n"
              "## I. Kết quả chung\n\n{first}\n\n## II. Các lĩnh vực\n\n{second}\n")

# A count no catalog indicator names, stated in two sections with one head phrase and one
# count noun: one fact.  (first, second with {n}, the agreeing value, a slipped value)
SAME_COUNTS = [
    ("Năm 2025, toàn ngành có 2.318 bác sĩ, đạt 11,8 bác sĩ/vạn dân.",
     "Trong năm tuyển dụng 412 viên chức; hiện nay toàn ngành có {n} bác sĩ.", "2.318", "2.381"),
    ("Kết quả nổi bật: đến cuối năm 2025 toàn tỉnh còn 20.876 hộ nghèo.",
     "Theo kết quả rà soát, đến cuối năm 2025 toàn tỉnh còn {n} hộ nghèo, giảm mạnh so với đầu kỳ.", "20.876",
     "20.606"),
    ("Năm 2025, toàn tỉnh có 1.248 hợp tác xã đang hoạt động.",
     "Kinh tế tập thể tiếp tục phát triển; năm 2025 toàn tỉnh có {n} hợp tác xã đang hoạt động.", "1.248", "1.284"),
    ("Năm 2025, toàn tỉnh có 312 mô hình liên kết sản xuất theo chuỗi giá trị.",
     "Sản xuất nông nghiệp chuyển dịch theo hướng tập trung, năm 2025 toàn tỉnh có {n} mô hình liên kết sản xuất "
     "theo chuỗi giá trị.", "312", "321"),
]


@pytest.mark.parametrize("first,second,good,bad", SAME_COUNTS)
def test_a_count_restated_in_another_section_with_its_head_agrees(tmp_path, first, second, good, bad):
    _, findings, _ = run_text(tmp_path, COUNT_HEAD.format(first=first, second=second.format(n=good)))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, COUNT_HEAD.format(first=first, second=second.format(n=bad)))
    found = alarms(findings, "SV02")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


OTHER_COUNTS = [
    # a narrower kind of the noun (`bác sĩ chuyên khoa II`) is another count
    ("Năm 2025, toàn ngành có 2.318 bác sĩ.", "Hiện nay toàn ngành có 386 bác sĩ có trình độ chuyên khoa II."),
    # two counts of one head in one paragraph: the words between tell them apart
    ("Năm 2025, toàn tỉnh có 1.248 hợp tác xã đang hoạt động; toàn tỉnh có 1.095 hợp tác xã đang hoạt động.",
     "Kinh tế tập thể tiếp tục phát triển."),
    # another period
    ("Cuối năm 2024, toàn tỉnh còn 31.440 hộ nghèo.", "Đến cuối năm 2025, toàn tỉnh còn 20.606 hộ nghèo."),
    # amounts name no thing counted: a head `sản lượng` may be of any crop
    ("Năm 2025, sản lượng đạt 525.244 tấn.", "Năm 2025, sản lượng đạt 379.680 tấn."),
]


@pytest.mark.parametrize("first,second", OTHER_COUNTS)
def test_counts_that_may_count_other_things_are_not_compared(tmp_path, first, second):
    _, findings, _ = run_text(tmp_path, COUNT_HEAD.format(first=first, second=second))
    assert alarms(findings) == []


DIMENSION_HEAD = ("UBND TỈNH BẮC NINH\n\nBÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH BẮC NINH NĂM 2025\n\n"
                  "## 1. Tình hình thực hiện\n\n")

# A sentence that opens by naming the dimension a colon list splits the total of the sentence
# before along (`Theo cấp học:`, `Chia theo khu vực kinh tế:`, `Phân theo nguồn vốn:`): all
# of it.  {last} is the last part.
BY_DIMENSION = [
    ("Năm học 2025 - 2026, toàn tỉnh có 926.740 học sinh mầm non và phổ thông, trong đó khu vực Bắc Giang (cũ) "
     "496.630 học sinh, khu vực Bắc Ninh (cũ) 430.110 học sinh. Theo cấp học: mầm non 203.570 trẻ; tiểu học "
     "321.110 học sinh; trung học cơ sở 258.210 học sinh; trung học phổ thông {last} học sinh, chiếm 15,5% tổng số.",
     "143.850", "143.580"),
    ("Năm 2025, toàn tỉnh có 2.480 doanh nghiệp thành lập mới, tăng 6,2% so với năm 2024. Chia theo khu vực kinh "
     "tế: công nghiệp - xây dựng 1.020 doanh nghiệp; dịch vụ 1.380 doanh nghiệp; nông, lâm nghiệp và thủy sản "
     "{last} doanh nghiệp.", "80", "90"),
    ("Tổng vốn đầu tư phát triển toàn xã hội năm 2025 ước đạt 171.000 tỷ đồng, tăng 12,4% so với năm 2024 "
     "(152.130 tỷ đồng). Phân theo nguồn vốn: vốn khu vực nhà nước 38.500 tỷ đồng, chiếm 22,5%; vốn ngoài nhà "
     "nước 87.200 tỷ đồng; vốn đầu tư trực tiếp nước ngoài {last} tỷ đồng.", "45.300", "46.300"),
    ("Toàn tỉnh có 1.126 hợp tác xã đang hoạt động. Theo lĩnh vực: nông nghiệp 684 hợp tác xã; công nghiệp - "
     "tiểu thủ công nghiệp 143 hợp tác xã; thương mại, dịch vụ {last} hợp tác xã.", "299", "329"),
]


@pytest.mark.parametrize("sentence,good,bad", BY_DIMENSION)
def test_a_list_by_a_dimension_adds_up_to_the_total_before_it(tmp_path, sentence, good, bad):
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + sentence.format(last=good) + "\n")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + sentence.format(last=bad) + "\n")
    found = alarms(findings, "PW02")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


def test_a_list_by_former_province_is_the_merged_total_s(tmp_path):
    # `Theo địa bàn trước hợp nhất:` lists the former provinces: PW01 compares their sum
    text = ("Tổng thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 52.400 tỷ đồng, bằng 108,2% dự toán. Theo "
            "địa bàn trước hợp nhất: Bắc Giang (cũ) {a} tỷ đồng, đạt 107,5% dự toán; Bắc Ninh (cũ) 31.300 tỷ "
            "đồng, đạt 108,6%.\n")
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text.format(a="21.100"))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text.format(a="21.010"))
    found = alarms(findings)
    assert found and all("21.010 tỷ đồng" in figure_texts(f) for f in found)


NOT_BY_DIMENSION = [
    # the sentence before states two totals of the unit: which one is split is not said
    "Năm 2025, toàn tỉnh có 2.480 doanh nghiệp thành lập mới và 760 doanh nghiệp quay trở lại hoạt động. Theo "
    "khu vực kinh tế: công nghiệp - xây dựng 1.020 doanh nghiệp; dịch vụ 1.380 doanh nghiệp.",
    # a source, not a dimension, leads the colon
    "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 72.400 tỷ đồng. Theo báo cáo của Sở Tài chính: thu nội địa "
    "51.300 tỷ đồng; thu từ hoạt động xuất nhập khẩu 19.600 tỷ đồng; thu tiền sử dụng đất 9.800 tỷ đồng.",
    # a `;` clause that goes on with a change, not another part
    "Năm 2025, toàn tỉnh có 2.480 doanh nghiệp thành lập mới. Theo khu vực kinh tế: công nghiệp - xây dựng 1.020 "
    "doanh nghiệp; tăng 640 doanh nghiệp so với năm 2024.",
]


@pytest.mark.parametrize("sentence", NOT_BY_DIMENSION)
def test_a_colon_list_without_a_clear_total_and_dimension_is_not_summed(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + sentence + "\n")
    assert alarms(findings) == []


TARGET_HEAD = ("UBND TỈNH HÀ TĨNH\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025 TỈNH HÀ TĨNH\n\n"
               "## I. Kết quả chủ yếu\n\n{text}\n\n## II. Biểu tổng hợp\n\nBiểu 2. Một số chỉ tiêu năm 2025\n\n"
               "| TT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---|---|\n"
               "| 1 | Tỷ lệ dân số nông thôn sử dụng nước sạch đáp ứng quy chuẩn | % | 60,0 | 58,6 |\n"
               "| 2 | Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý | % | 93,0 | 92,5 |\n"
               "| 3 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 96,0 | 95,1 |\n")

# A level followed by its plan's own figure in brackets states the result and the target,
# not a share of the plan: the level is the table's result.  ({v} is the level)
LEVEL_AND_TARGET = [
    ("Tỷ lệ dân số nông thôn được sử dụng nước sạch đáp ứng quy chuẩn đạt {v}% (kế hoạch 60,0%).", "58,6", "56,8"),
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt {v}% (kế hoạch 93%).", "92,5", "95,2"),
    ("Năm 2025, tỷ lệ dân số tham gia bảo hiểm y tế ước đạt {v}% (mục tiêu năm 2025 là 96%).", "95,1", "95,7"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt {v}% (chỉ tiêu: 96%), chưa đạt kế hoạch.", "95,1", "91,5"),
]


@pytest.mark.parametrize("text,good,bad", LEVEL_AND_TARGET)
def test_a_level_with_its_target_in_brackets_is_the_result_the_table_restates(tmp_path, text, good, bad):
    _, findings, _ = run_text(tmp_path, TARGET_HEAD.format(text=text.format(v=good)))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, TARGET_HEAD.format(text=text.format(v=bad)))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


def test_a_share_of_the_plan_is_no_level(tmp_path):
    # `đạt 97,5% kế hoạch`: the share of the plan reached, never the table's level
    text = "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 99,1% kế hoạch năm; thu gom chất thải đạt 99,5% kế hoạch."
    _, findings, _ = run_text(tmp_path, TARGET_HEAD.format(text=text))
    assert alarms(findings) == []


SHARE_THEN_LIST = [
    "1. Khu vực tỉnh Bình Định (cũ): 8.865.420 triệu đồng, chiếm 56,2% tổng vốn của tỉnh; gồm vốn ngân sách địa "
    "phương 5.762.700 triệu đồng và vốn ngân sách trung ương {last} triệu đồng.",
    "Vốn bố trí cho khu vực Gia Lai (cũ) 6.910.300 triệu đồng, bằng 43,8% tổng vốn; bao gồm vốn ngân sách địa "
    "phương 4.116.500 triệu đồng và vốn ngân sách trung ương {last} triệu đồng.",
]
SHARE_THEN_LIST_PARTS = {0: ("3.102.720", "3.093.720"), 1: ("2.793.800", "2.739.800")}


@pytest.mark.parametrize("n", [0, 1])
def test_a_total_s_own_share_before_a_semicolon_keeps_its_list(tmp_path, n):
    # `X, chiếm 56,2% tổng vốn; gồm A và B`: the `;` closes the total's stated share, and the
    # `gồm` list that follows is still its breakdown
    head = "UBND TỈNH GIA LAI\n\nNGHỊ QUYẾT VỀ KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2026 TỈNH GIA LAI\n\nĐiều 3. Vốn theo khu vực\n\n"
    good, bad = SHARE_THEN_LIST_PARTS[n]
    _, findings, _ = run_text(tmp_path, head + SHARE_THEN_LIST[n].format(last=good) + "\n")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, head + SHARE_THEN_LIST[n].format(last=bad) + "\n")
    found = alarms(findings, "PW02")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


def test_a_change_before_a_semicolon_does_not_carry_a_list(tmp_path):
    # `…, tăng 11,4% so với năm trước; Bao gồm …, đồng thời bảo vệ 9.800 ha`: the clause after the
    # `;` goes on about other areas, no breakdown of the total before the change
    text = ("Diện tích rừng trồng mới tập trung năm 2025 đạt 712 ha, bằng 105,2% kế hoạch năm và tăng 11,4% so với "
            "năm trước; Bao gồm, 650 ha rừng sản xuất, 40 ha rừng phòng hộ, diện tích rừng được chăm sóc là 510 ha, "
            "đồng thời bảo vệ 9.800 ha diện tích rừng hiện có.\n")
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text)
    assert alarms(findings) == []


UNNAMED_BY_FORMERS = [
    ("Ước thực hiện cả năm đạt 52.400 tỷ đồng, bằng 108,2% dự toán. Theo địa bàn trước hợp nhất: khu vực Bắc Giang "
     "(cũ) ước {a} tỷ đồng, đạt 107,5% dự toán; khu vực Bắc Ninh (cũ) ước 31.300 tỷ đồng, đạt 108,6%.", "21.100",
     "21.010"),
    ("Tổng kinh phí thực hiện năm 2025 là 3.460 tỷ đồng. Theo địa bàn: Bắc Giang (cũ) {a} tỷ đồng; Bắc Ninh (cũ) "
     "1.520 tỷ đồng.", "1.940", "1.904"),
]


@pytest.mark.parametrize("text,good,bad", UNNAMED_BY_FORMERS)
def test_an_unnamed_total_split_by_former_province_adds_up(tmp_path, text, good, bad):
    # no catalog indicator names the total, so PW01 cannot key it: the list by former
    # province is summed as a breakdown, all of it
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text.format(a=good) + "\n")
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text.format(a=bad) + "\n")
    found = alarms(findings, "PW02")
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0]))


def test_an_unnamed_mean_split_by_former_province_is_not_summed(tmp_path):
    text = ("Thu nhập bình quân đầu người năm 2025 đạt 78,4 triệu đồng. Theo địa bàn trước hợp nhất: Bắc Giang (cũ) "
            "72,1 triệu đồng; Bắc Ninh (cũ) 86,0 triệu đồng.\n")
    _, findings, _ = run_text(tmp_path, DIMENSION_HEAD + text)
    assert alarms(findings) == []
