"""Session 11, facts stated twice, units that do not fit, and evaluation words: for each
class, several phrasings (genres: industry, agriculture, education, digital government,
tourism, enterprises) fire on a planted mismatch, the same drafts with agreeing figures
stay silent, and near-misses whose evidence is too weak stay silent too.  Drafts in our
own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

HEAD = ("UBND TỈNH PHÚ THỌ\n\nBÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025\n\n"
        "## II. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025\n\n")

# --- Evaluation words on rows the catalog does not name -----------------------------------
# A table whose row label says more of the thing is the aim (`Sản lượng …`, `Số …`,
# `Tỷ lệ … được …`): the word must agree with the target and the result.  Each row is given
# as (label, unit, target, result); the word is set from the case.
UNIT_TABLE = ("| TT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Ước thực hiện 2025 | Đánh giá |\n"
              "|---|---|---|---|---|---|\n"
              "| 1 | {label} | {unit} | {target} | {result} | {word} |\n")
ROWS_HIGHER = [
    ("Sản lượng chè búp tươi", "tấn", "98.000", "96.450"),  # agriculture
    ("Số xã được công nhận đạt chuẩn nông thôn mới nâng cao", "xã", "24", "21"),  # rural development
    ("Số dự án khởi nghiệp đổi mới sáng tạo được hỗ trợ", "dự án", "30", "26"),  # science
    ("Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình", "%", "60", "54,2"),  # digital government
    ("Tổng lượt khách du lịch", "nghìn lượt", "5.200", "4.980"),  # tourism
    ("Doanh thu dịch vụ viễn thông", "tỷ đồng", "3.450", "3.372"),  # telecom
]


@pytest.mark.parametrize("label,unit,target,result", ROWS_HIGHER)
def test_a_row_the_catalog_does_not_name_is_judged_by_its_label(tmp_path, label, unit, target, result):
    row = dict(label=label, unit=unit, target=target, result=result)
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_TABLE.format(word="Không đạt", **row))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_TABLE.format(word="Đạt", **row))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == sorted([target, result, "Đạt"])
    # the result and the target swapped: past the target, `Vượt` is right and `Không đạt` wrong
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_TABLE.format(word="Vượt", **dict(row, target=result, result=target)))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_TABLE.format(word="Không đạt",
                                                                  **dict(row, target=result, result=target)))
    assert len(alarms(findings, "VD01")) == 1


# Rows whose label may aim lower, or names nothing of what is counted: no direction, no verdict.
ROWS_UNSURE = [
    ("Tỷ lệ hồ sơ trễ hạn", "%", "3,5", "3,1"),
    ("Số ca mắc sốt xuất huyết", "ca", "450", "420"),
    ("Số vụ tai nạn giao thông", "vụ", "210", "195"),
    ("Số xã chưa đạt chuẩn nông thôn mới", "xã", "12", "9"),
    ("Chi thường xuyên ngân sách địa phương", "tỷ đồng", "9.800", "9.650"),
    ("Kim ngạch nhập khẩu", "triệu USD", "1.500", "1.420"),
    ("Thời gian giải quyết thủ tục đầu tư", "ngày", "15", "12"),
    ("Khu vực Yên Bái (cũ)", "tỷ đồng", "2.200", "2.150"),  # a place, not a thing aimed at
    ("Tỷ lệ lao động nông nghiệp trong tổng số lao động", "%", "38,0", "36,5"),  # a structure aimed lower
    ("Tỷ lệ tổn thất điện năng", "%", "4,5", "4,2"),
    ("Số vụ cháy, nổ", "vụ", "40", "36"),
    ("Số người nghiện ma túy có hồ sơ quản lý", "người", "1.200", "1.150"),
]


@pytest.mark.parametrize("label,unit,target,result", ROWS_UNSURE)
@pytest.mark.parametrize("word", ["Đạt", "Không đạt"])
def test_a_row_whose_label_may_aim_lower_is_not_judged(tmp_path, label, unit, target, result, word):
    text = HEAD + UNIT_TABLE.format(label=label, unit=unit, target=target, result=result, word=word)
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "VD01") == []


# The unit in the label (`(%)`), no unit column: both cells share the row's unit.
NO_UNIT_COLUMN = ("| TT | Chỉ tiêu | Kế hoạch | Thực hiện | Đánh giá |\n|---:|---|---:|---:|---|\n"
                  "| 1 | Tỷ lệ trường mầm non đạt chuẩn quốc gia (%) | 75,0 | {r1} | {w1} |\n"
                  "| 2 | Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ (%) | 32,0 | {r2} | {w2} |\n")


def test_cells_with_the_unit_in_the_label_are_judged(tmp_path):
    _, findings, _ = run_text(tmp_path, HEAD + NO_UNIT_COLUMN.format(r1="73,8", w1="Không đạt", r2="33,1", w2="Vượt"))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, HEAD + NO_UNIT_COLUMN.format(r1="73,8", w1="Đạt", r2="33,1", w2="Vượt"))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and "73,8" in figure_texts(found[0])
    _, findings, _ = run_text(tmp_path, HEAD + NO_UNIT_COLUMN.format(r1="76,0", w1="Đạt", r2="31,5", w2="Vượt"))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and "31,5" in figure_texts(found[0])


# One column group per former province, the words joined in one cell (`Vượt/Không đạt`).
GROUPS = ("| TT | Chỉ tiêu | Đơn vị | Kế hoạch (Yên Bái cũ) | Thực hiện (Yên Bái cũ) | Kế hoạch (Lào Cai cũ) "
          "| Thực hiện (Lào Cai cũ) | Đánh giá |\n|---|---|---|---|---|---|---|---|\n"
          "| 1 | Tỷ lệ hộ gia đình sử dụng internet cáp quang | % | 85 | 86,2 | 80 | {r} | Vượt/{w} |\n")


def test_a_group_per_former_province_is_judged_per_group(tmp_path):
    _, findings, _ = run_text(tmp_path, HEAD.replace("PHÚ THỌ", "LÀO CAI") + GROUPS.format(r="76,5", w="Không đạt"))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, HEAD.replace("PHÚ THỌ", "LÀO CAI") + GROUPS.format(r="76,5", w="Đạt"))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == ["76,5", "80", "Đạt"]


# Two results of one year (nine months, the year's estimate): the word judges the one the
# row's share of plan is the quotient of.
TWO_RESULTS = ("| STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | Thực hiện 9 tháng | Ước thực hiện năm 2025 "
               "| Ước so với kế hoạch (%) | Đánh giá |\n|---|---|---|---|---|---|---|---|\n"
               "| 1 | Số hợp tác xã thành lập mới | hợp tác xã | 120 | 84 | {r} | {p} | {w} |\n")


def test_of_two_results_the_word_judges_the_one_its_share_of_plan_names(tmp_path):
    _, findings, _ = run_text(tmp_path, HEAD + TWO_RESULTS.format(r="126", p="105,0", w="Vượt"))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, HEAD + TWO_RESULTS.format(r="114", p="95,0", w="Đạt"))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == ["114", "120", "Đạt"]
    # the share fits neither result: which one the word judges is unknown
    _, findings, _ = run_text(tmp_path, HEAD + TWO_RESULTS.format(r="114", p="99,0", w="Đạt"))
    assert alarms(findings, "VD01") == []


# --- Units that do not fit the kind of quantity a row's label names --------------------------
# A row the catalog does not name, whose label opens with a head of a kind (an area, money,
# a count of a count noun, a rate) and whose unit column is of another kind.
UNIT_ROW = ("| TT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---|---|\n"
            "| 1 | {label} | {unit} | {target} | {result} |\n")
UNIT_MISFITS = [
    ("Diện tích cây dược liệu trồng mới", "ha", "tấn", "1.250", "1.310"),  # agriculture: area in tonnes
    ("Diện tích nhà ở xã hội hoàn thành", "m²", "tỷ đồng", "42.000", "45.600"),  # construction: area in money
    ("Doanh thu dịch vụ lưu trú, ăn uống", "tỷ đồng", "km", "8.400", "8.720"),  # tourism: money in km
    ("Số thu bảo hiểm thất nghiệp", "tỷ đồng", "%", "1.240,0", "1.268,5"),  # insurance: money in % past any rate
    ("Số hợp tác xã nông nghiệp đang hoạt động", "hợp tác xã", "%", "1.240", "1.310"),  # a count in % past any rate
    ("Số dự án được cấp giấy chứng nhận đầu tư", "dự án", "tỷ đồng", "85", "92"),  # a count in money
    ("Tỷ lệ giải ngân vốn đầu tư công", "%", "tỷ đồng", "95,0", "96,4"),  # a rate in money
    ("Tỷ lệ che phủ rừng", "%", "ha", "52,0", "52,3"),  # a rate in area
]


@pytest.mark.parametrize("label,good,bad,target,result", UNIT_MISFITS)
def test_a_unit_of_another_kind_than_the_rows_head_is_told(tmp_path, label, good, bad, target, result):
    row = dict(label=label, target=target, result=result)
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_ROW.format(unit=good, **row))
    assert alarms(findings, "ST02") == []
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_ROW.format(unit=bad, **row))
    found = alarms(findings, "ST02")
    assert len(found) == 1 and figure_texts(found[0]) == sorted([target, result])


UNIT_UNSURE = [
    ("Diện tích nhà ở bình quân đầu người", "m²/người", "28,5", "29,1"),  # an area per person is an area
    ("Năng suất lúa bình quân", "tấn/ha", "6,2", "6,3"),  # no head of a kind: not judged
    ("Số km đường giao thông nông thôn được cứng hóa", "km", "320", "345"),  # `Số km`: the count noun is a length
    ("Số giáo viên được bồi dưỡng", "%", "85", "88"),  # no count noun the catalog knows: no judgement
    ("Doanh thu du lịch", "%", "112,5", "115,0"),  # money row in `%` within any rate: a growth, maybe
    ("Tỷ lệ bác sĩ trên vạn dân", "bác sĩ/vạn dân", "12,5", "13,0"),  # a rate per something fits
    ("Vốn đầu tư toàn xã hội", "triệu USD", "1.200", "1.260"),  # money in another currency still money
    ("Khu vực Đắk Nông (cũ)", "tấn", "2.200", "2.185"),  # a place: no head of a kind
    ("Số hợp tác xã nông nghiệp thành lập mới", "%", "8,0", "8,3"),  # small `%`: a growth row, maybe
    ("Tỷ lệ giải ngân và số vốn đã giải ngân", "tỷ đồng", "1.250", "1.420"),  # two quantities, one unit
]


@pytest.mark.parametrize("label,unit,target,result", UNIT_UNSURE)
def test_a_unit_the_rows_head_does_not_rule_out_is_not_told(tmp_path, label, unit, target, result):
    _, findings, _ = run_text(tmp_path, HEAD + UNIT_ROW.format(label=label, unit=unit, target=target, result=result))
    assert alarms(findings, "ST02") == []


def test_a_unit_given_for_the_whole_table_is_not_a_rows_own(tmp_path):
    # the unit stands in the caption, not in a cell of the row: the row's kind is not judged
    text = HEAD + ("Đơn vị: tỷ đồng\n\n| TT | Chỉ tiêu | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---|\n"
                   "| 1 | Tỷ lệ hoàn thành kế hoạch của các chủ đầu tư | 85,5 | 87,7 |\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "ST02") == []


# --- One fact stated twice: a table row naming a narrower kind is not the prose's fact -------
# A row whose label names a kind of its indicator (a season, farmed fish, power sold, a group
# of exports) disagrees with a prose figure of the indicator that does not name that kind:
# two facts, silent.  The same row restated in prose with the kind named is one fact.
HEAD6 = ("UBND TỈNH PHÚ THỌ\n\nBÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH PHÚ THỌ 6 THÁNG ĐẦU NĂM 2025\n\n"
         "## I. Tình hình kinh tế\n\n")
KIND_ROWS = [
    ("Sản lượng nuôi trồng thủy sản", "tấn", "168.300", "168.900",
     "Sản lượng thủy sản khai thác 6 tháng đạt 65.900 tấn, tăng 1,2% so với cùng kỳ.", None),
    ("Kim ngạch xuất khẩu hàng nông, lâm, thủy sản", "triệu USD", "830,5", "836,5",
     "Kim ngạch xuất khẩu 6 tháng đạt 2.450,6 triệu USD, tăng 8,1% so với cùng kỳ.",
     "Kim ngạch xuất khẩu hàng nông, lâm, thủy sản 6 tháng đạt {v} triệu USD, tăng 6,3% so với cùng kỳ."),
    ("Diện tích lúa Hè Thu", "ha", "186.400", "168.400",
     "Diện tích lúa gieo trồng 6 tháng đạt 412.300 ha, bằng 99,1% cùng kỳ.",
     "Diện tích lúa Hè Thu xuống giống đạt {v} ha, bằng 98,6% cùng kỳ."),
    ("Sản lượng điện thương phẩm", "triệu kWh", "2.140", "2.410",
     "Sản lượng điện sản xuất 6 tháng ước đạt 3.860 triệu kWh, tăng 7,5% so với cùng kỳ.",
     "Sản lượng điện thương phẩm 6 tháng ước đạt {v} triệu kWh, tăng 9,2% so với cùng kỳ."),
]


def _kind_draft(label: str, unit: str, cell: str, prose: str) -> str:
    return (HEAD6 + prose + "\n\n## III. Phụ lục\n\nBảng 1. Một số chỉ tiêu 6 tháng đầu năm 2025\n\n"
            "| STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện 6 tháng 2025 |\n|---|---|---|---|\n"
            f"| 1 | {label} | {unit} | {cell} |\n")


@pytest.mark.parametrize("label,unit,cell,bad,other,same", KIND_ROWS)
def test_a_row_of_a_narrower_kind_is_not_the_prose_figure_of_the_whole(tmp_path, label, unit, cell, bad, other, same):
    _, findings, _ = run_text(tmp_path, _kind_draft(label, unit, cell, other))
    assert alarms(findings, "SV01") == []
    if same is None:
        return
    _, findings, _ = run_text(tmp_path, _kind_draft(label, unit, cell, same.format(v=cell)))
    assert alarms(findings, "SV01") == []
    _, findings, _ = run_text(tmp_path, _kind_draft(label, unit, cell, same.format(v=bad)))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and cell in figure_texts(found[0])


# Rows named by a place only, under a row that names the thing (`| a | Khu vực Yên Bái (cũ) |`
# under `| 3 | Doanh thu du lịch |`): judged in the direction of the row above them.
PLACE_ROWS = ("| TT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 2025 | Đánh giá |\n|---|---|---|---|---|---|\n"
              "| 1 | {parent} | tỷ đồng | 5.200 | 5.260 | Vượt |\n"
              "| a | Khu vực Lào Cai (cũ) | tỷ đồng | 3.000 | 3.110 | Vượt |\n"
              "| b | Khu vực Yên Bái (cũ) | tỷ đồng | 2.200 | 2.150 | {word} |\n")


@pytest.mark.parametrize("parent", ["Doanh thu du lịch", "Tổng thu ngân sách nhà nước trên địa bàn",
                                    "Vốn đầu tư toàn xã hội"])
def test_a_place_row_is_judged_under_the_row_above(tmp_path, parent):
    head = HEAD.replace("PHÚ THỌ", "LÀO CAI")
    _, findings, _ = run_text(tmp_path, head + PLACE_ROWS.format(parent=parent, word="Không đạt"))
    assert alarms(findings, "VD01") == []
    _, findings, _ = run_text(tmp_path, head + PLACE_ROWS.format(parent=parent, word="Đạt"))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == ["2.150", "2.200", "Đạt"]


@pytest.mark.parametrize("parent", ["Chi thường xuyên", "Kim ngạch nhập khẩu", "Bội chi ngân sách địa phương"])
def test_a_place_row_under_a_row_that_may_aim_lower_is_not_judged(tmp_path, parent):
    head = HEAD.replace("PHÚ THỌ", "LÀO CAI")
    _, findings, _ = run_text(tmp_path, head + PLACE_ROWS.format(parent=parent, word="Đạt"))
    assert alarms(findings, "VD01") == []


# Prose: a figure the catalog does not name, whose clause names an area right before it.
AREA_PROSE = [
    "Tổng diện tích cây ăn quả toàn tỉnh đạt {v}, tăng 4,1% so với năm 2024.",
    "Năm 2025, diện tích trồng dược liệu dưới tán rừng đạt {v}, vượt kế hoạch.",
    "Đến nay, diện tích nuôi trồng thủy sản nước lợ là {v}.",
]


@pytest.mark.parametrize("sentence", AREA_PROSE)
def test_an_area_in_prose_written_in_a_unit_of_no_area_is_told(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, HEAD + sentence.format(v="45.300 ha") + "\n")
    assert alarms(findings, "ST02") == []
    _, findings, _ = run_text(tmp_path, HEAD + sentence.format(v="45.300 tấn") + "\n")
    found = alarms(findings, "ST02")
    assert len(found) == 1 and figure_texts(found[0]) == ["45.300 tấn"]


AREA_NEAR = [
    "Diện tích cây ăn quả đạt 45.300 ha, sản lượng 612.000 tấn.",
    "Diện tích nuôi tôm thu hoạch đạt 5.000 tấn.",  # what the area yields
    "Diện tích và sản lượng cà phê lần lượt đạt 180.000 ha và 450.000 tấn.",
    "Diện tích nhà ở bình quân đầu người đạt 28,5 m²/người.",
    "Trên diện tích 1.200 ha đã thu hoạch 8.400 tấn lúa.",
]


@pytest.mark.parametrize("sentence", AREA_NEAR)
def test_a_level_of_another_kind_after_an_area_is_not_told(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, HEAD + sentence + "\n")
    assert alarms(findings, "ST02") == []


# --- One number written twice in units a power of ten apart -----------------------------------
HEAD_PT = ("UBND TỈNH PHÚ THỌ\n\nBÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH PHÚ THỌ NĂM 2025\n\n## I. Kết quả\n\n")
SCALE_PAIRS = [
    ("Năng suất lúa bình quân của tỉnh đạt {a}.", "Năng suất lúa cả năm của tỉnh ước đạt {b}.", "62,4 tạ/ha", "62,4 tấn/ha"),
    ("Kim ngạch xuất khẩu của tỉnh đạt {a}.", "Kim ngạch xuất khẩu cả năm của tỉnh ước {b}.", "1.284,6 triệu USD",
     "1.284,6 tỷ USD"),
    ("Tổng vốn đầu tư toàn xã hội của tỉnh đạt {a}.", "Vốn đầu tư toàn xã hội của tỉnh năm 2025 đạt {b}.",
     "12.345 tỷ đồng", "12.345 triệu đồng"),
    ("Tỉnh đã cứng hóa {a} đường giao thông nông thôn.", "Chiều dài đường giao thông nông thôn được cứng hóa trên địa "
     "bàn tỉnh là {b}.", "185,4 km", "185,4 m"),
]


@pytest.mark.parametrize("first,second,good,bad", SCALE_PAIRS)
def test_one_number_written_in_two_scales_is_told(tmp_path, first, second, good, bad):
    text = HEAD_PT + first + "\n\n## II. Đánh giá\n\n" + second + "\n"
    _, findings, _ = run_text(tmp_path, text.format(a=good, b=good))
    assert alarms(findings, "SV01") == []
    _, findings, _ = run_text(tmp_path, text.format(a=good, b=bad))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and any(t.endswith(bad) for t in figure_texts(found[0])) \
        and any(t.endswith(good) for t in figure_texts(found[0]))


SCALE_NEAR = [
    ("120 tỷ đồng", "120 triệu đồng"),  # two significant digits: a coincidence is too likely
    ("62,4 tạ/ha", "62,4%"),  # units of different kinds
    ("1.284,6 triệu USD", "1.284,6 tỷ đồng"),  # two currencies: no scale between them
    ("45,2 nghìn tấn", "45,3 tấn"),  # other digits: no restatement
]


@pytest.mark.parametrize("a,b", SCALE_NEAR)
def test_numbers_that_are_not_one_written_twice_are_not_told(tmp_path, a, b):
    text = (HEAD_PT + f"Giá trị chỉ tiêu thứ nhất của tỉnh đạt {a}.\n\n## II. Đánh giá\n\n"
            f"Giá trị chỉ tiêu thứ hai của tỉnh đạt {b}.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "SV01") == []


def test_the_same_digits_for_two_provinces_are_not_one_number(tmp_path):
    text = (HEAD_PT.replace("PHÚ THỌ", "LÀO CAI") + "Năng suất lúa của Lào Cai (cũ) đạt 62,4 tạ/ha.\n\n## II. Đánh giá\n\n"
            "Năng suất lúa của Yên Bái (cũ) đạt 62,4 tấn/ha.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "SV01") == []


# --- One number written twice with two adjacent digits swapped --------------------------------
SWAPS = [
    # household businesses: the count restated in another section in other words
    ("Năm 2025, toàn tỉnh có {a} hộ kinh doanh cá thể đăng ký mới.",
     "Số hộ kinh doanh cá thể đăng ký mới trong năm 2025 của tỉnh đạt {b} hộ, tăng so với năm trước.",
     "12.485", "12.845"),
    # agriculture: a sown area in the text and in a table row
    ("Vụ Đông Xuân, toàn tỉnh đã xuống giống {a} ha lúa.",
     "\n| STT | Chỉ tiêu | Đơn vị | Thực hiện năm 2025 |\n|---|---|---|---|\n| 1 | Diện tích lúa Đông Xuân xuống "
     "giống | ha | {b} |", "56.430", "56.340"),
    # disaster damage: the losses in the summary and in the assessment
    ("Tổng thiệt hại do mưa lũ trên địa bàn tỉnh ước {a} tỷ đồng.",
     "Mưa lũ gây tổng thiệt hại ước {b} tỷ đồng trên địa bàn tỉnh, tập trung ở các xã miền núi.", "1.284,6", "1.248,6"),
    # health: visits in two sections
    ("Các cơ sở y tế trên địa bàn tỉnh đã khám, chữa bệnh cho {a} lượt người.",
     "Năm 2025, ngành y tế khám, chữa bệnh cho {b} lượt người, tăng 3,1%.", "2.356.400", "2.365.400"),
]


@pytest.mark.parametrize("first,second,good,bad", SWAPS)
def test_one_number_written_twice_with_two_digits_swapped_is_told(tmp_path, first, second, good, bad):
    text = HEAD_PT + first + "\n\n## II. Đánh giá\n\n" + second + "\n"
    _, findings, _ = run_text(tmp_path, text.format(a=good, b=good))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, text.format(a=good, b=bad))
    found = alarms(findings)
    assert len(found) == 1 and any(bad in t for t in figure_texts(found[0])) \
        and any(good in t for t in figure_texts(found[0]))


SWAP_NEAR = [
    # two facts named apart, four significant digits: a swap by chance
    ("Đã giải ngân {a} tỷ đồng vốn hỗ trợ khắc phục hậu quả.", "Thiệt hại về nhà ở của người dân ước {b} tỷ đồng.",
     "1.428", "1.248"),
    # two provinces
    ("Khu vực Lào Cai (cũ) có {a} doanh nghiệp đang hoạt động.",
     "Khu vực Yên Bái (cũ) có {b} doanh nghiệp đang hoạt động.", "12.485", "12.845"),
    # two years
    ("Năm 2024, toàn tỉnh có {a} doanh nghiệp đang hoạt động.",
     "Năm 2025, toàn tỉnh có {b} doanh nghiệp đang hoạt động.", "12.485", "12.845"),
    # a target and a result
    ("Kế hoạch năm 2025 phấn đấu có {a} doanh nghiệp đang hoạt động.",
     "Năm 2025, toàn tỉnh có {b} doanh nghiệp đang hoạt động.", "12.485", "12.845"),
    # digits swapped that are not side by side
    ("Đến 30/11/2025, toàn tỉnh có {a} doanh nghiệp đang hoạt động.",
     "Số doanh nghiệp đang hoạt động trên địa bàn tỉnh đạt {b} doanh nghiệp.", "12.485", "15.482"),
]


@pytest.mark.parametrize("first,second,a,b", SWAP_NEAR)
def test_numbers_a_swap_apart_that_are_not_one_fact_are_not_told(tmp_path, first, second, a, b):
    text = HEAD_PT.replace("PHÚ THỌ", "LÀO CAI") + first + "\n\n## II. Đánh giá\n\n" + second + "\n"
    _, findings, _ = run_text(tmp_path, text.format(a=a, b=b))
    assert alarms(findings, "SV01") == [] and alarms(findings, "SV02") == []


# No province read (a statistics office's release without one in its title): a swap is told
# only between figures of one catalog indicator or named alike.
HEAD_NO_PLACE = "CỤC THỐNG KÊ\n\nTÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2025\n\n## I. Thương mại\n\n"
NO_PLACE = ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2025 ước đạt {a} tỷ đồng, tăng 9,8%.\n\n"
            "## II. Phụ lục\n\n| STT | Chỉ tiêu | Đơn vị | Năm 2025 |\n|---|---|---|---|\n"
            "| 1 | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | tỷ đồng | {b} |\n")


def test_a_swap_between_figures_of_no_province_is_told_for_one_indicator(tmp_path):
    _, findings, _ = run_text(tmp_path, HEAD_NO_PLACE + NO_PLACE.format(a="327.170", b="327.170"))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, HEAD_NO_PLACE + NO_PLACE.format(a="327.170", b="327.710"))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and "327.710" in figure_texts(found[0])


def test_a_swap_between_figures_of_no_province_named_apart_is_not_told(tmp_path):
    text = (HEAD_NO_PLACE + "Vốn giải ngân hỗ trợ doanh nghiệp nhỏ và vừa đạt 2.364 tỷ đồng.\n\n## II. Khác\n\n"
            "Dư nợ tín dụng chính sách tại các chi nhánh ngân hàng là 2.346 tỷ đồng.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "SV01") == []


def test_sibling_kinds_whose_counts_swap_by_chance_are_not_told(tmp_path):
    # `hộ nghèo` and `hộ cận nghèo`, `học viên` and `học viên nữ`: two facts named alike but for a kind word
    for first, second in (("Cuối năm 2025, toàn tỉnh còn 12.345 hộ nghèo theo chuẩn đa chiều.",
                           "Cuối năm 2025, toàn tỉnh còn 12.435 hộ cận nghèo theo chuẩn đa chiều."),
                          ("Năm 2025, các trung tâm của tỉnh đã đào tạo 14.562 học viên.",
                           "Năm 2025, các trung tâm của tỉnh đã đào tạo 14.652 học viên nữ.")):
        _, findings, _ = run_text(tmp_path, HEAD_PT + first + "\n\n## II. Đánh giá\n\n" + second + "\n")
        assert alarms(findings, "SV01") == [] and alarms(findings, "SV02") == []
