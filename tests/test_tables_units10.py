"""Units that do not fit their row's indicator, evaluation words against their row's target
and result, and the table structures that keep rows from being read.  For each class:
several phrasings that fire on a planted slip, the same rows with consistent figures that
stay silent, and near-misses where the evidence is too weak to say anything.  Drafts in our
own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text


def _unit_alarms(tmp_path, body: str, province: str = "Thái Nguyên") -> list[list[str]]:
    _, findings, _ = run_text(tmp_path, header(province) + body)
    return [figure_texts(f) for f in alarms(findings, "ST02")]


def _table(caption: str, rows: list[str]) -> str:
    return (f"# PHỤ LỤC\n\n{caption}\n\n| TT | Chỉ tiêu | Đơn vị tính | Năm 2024 | Năm 2025 |\n|---:|---|---|---:|---:|\n"
            + "\n".join(rows) + "\n")


# --- (1) a unit of another dimension than the row's indicator -----------------------------------

# Phrasings of the class, as report annexes write a rate's, a count's or an area's row: the
# row's name opens the label (qualifiers after it narrow it but keep its dimension), and the
# unit column holds a unit of another kind.
UNIT_SLIPS = [
    # a rate of households written in households
    ("| 1 | Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều) | {u} | 2,10 | 1,62 |", "hộ", "%", ["2,10", "1,62"]),
    # a disbursement rate whose label goes on to name the programmes, in money
    ("| 2 | Tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia | {u} | 82,5 | 91,0 |", "tỷ đồng", "%", ["82,5", "91,0"]),
    # visitors (a name the count shares with its own multiple) in money
    ("| 3 | Tổng lượt khách du lịch | {u} | 4.100 | 4.650 |", "tỷ đồng", "nghìn lượt", ["4.100", "4.650"]),
    # a planted area with a season named without `vụ`, in tonnes
    ("| 4 | Diện tích lúa đông xuân | {u} | 27.400 | 27.900 |", "tấn", "ha", ["27.400", "27.900"]),
    ("| 5 | Diện tích lúa vụ Hè Thu | {u} | 18.200 | 18.650 |", "Tấn", "ha", ["18.200", "18.650"]),
    # a rate of stations (its name holds `bác sĩ`) in doctors per 10.000 people: one finding for the row,
    # citing each of its cells
    ("| 7 | Tỷ lệ trạm y tế xã có bác sĩ làm việc | {u} | 92,0 | 95,4 |", "bác sĩ/vạn dân", "%", ["92,0", "95,4"]),
    # people receiving monthly assistance, in money
    ("| 6 | Số đối tượng bảo trợ xã hội hưởng trợ cấp hằng tháng | {u} | 61.200 | 62.050 |", "tỷ đồng", "người",
     ["61.200", "62.050"]),
]


@pytest.mark.parametrize("row, slip, right, first", UNIT_SLIPS)
def test_a_unit_of_another_dimension_on_a_named_row_is_flagged(tmp_path, row, slip, right, first):
    caption = "Biểu 1. Một số chỉ tiêu chủ yếu năm 2025"
    found = _unit_alarms(tmp_path, _table(caption, [row.format(u=slip)]))
    assert [sorted(f) for f in found] == [sorted(first)]  # one finding for the row, citing its cells
    assert _unit_alarms(tmp_path, _table(caption, [row.format(u=right)])) == []


NEAR_MISSES = [
    # a rate per person is a rate (`Tỷ lệ` opens it, `/vạn dân` closes it)
    "| 1 | Tỷ lệ bác sĩ/vạn dân | bác sĩ | 11,2 | 11,8 |",
    # a change of the poverty rate, in points
    "| 2 | Giảm tỷ lệ hộ nghèo | điểm % | 0,80 | 0,62 |",
    # a count of poor households in households
    "| 3 | Số hộ nghèo | hộ | 5.120 | 4.230 |",
    # a rate's name followed by a second item of another kind: not one quantity
    "| 4 | Tỷ lệ giải ngân và số vốn đã giải ngân | tỷ đồng | 1.250 | 1.420 |",
    # a rate's name followed by `bình quân … đầu người`: no longer the rate
    "| 5 | Tỷ lệ hộ nghèo bình quân trên đầu người | hộ | 12 | 11 |",
    # the money of visitors is a revenue
    "| 6 | Doanh thu du lịch | tỷ đồng | 4.100 | 4.650 |",
    # the money paid to the people is spending: the people only qualify it
    "| 7 | Kinh phí chi trả trợ cấp cho đối tượng bảo trợ xã hội | tỷ đồng | 820 | 865 |",
]


@pytest.mark.parametrize("row", NEAR_MISSES)
def test_rows_whose_unit_may_fit_stay_silent(tmp_path, row):
    assert _unit_alarms(tmp_path, _table("Biểu 2. Một số chỉ tiêu xã hội năm 2025", [row])) == []


# --- (2) evaluation words against their row's target and result ---------------------------------

def _verdicts(tmp_path, body: str, province: str = "Thái Nguyên") -> list[list[str]]:
    _, findings, _ = run_text(tmp_path, header(province) + body, "draft.txt")
    return [figure_texts(f) for f in alarms(findings, "VD01")]


REVENUE_MD = (
    "# PHỤ LỤC\n\nBảng tổng hợp quyết toán thu ngân sách năm 2024\n\n"
    "| Chỉ tiêu | Đơn vị tính | Dự toán | Quyết toán | Tỷ lệ (%) | Đánh giá |\n|---|---|---:|---:|---:|---|\n"
    "| Thu tiền sử dụng đất | tỷ đồng | 2.400 | 2.166 | 90,3 | {a} |\n"
    "| Thu xổ số kiến thiết | tỷ đồng | 610 | 640 | 104,9 | {b} |\n"
    "| Chi thường xuyên | tỷ đồng | 7.200 | 7.050 | 97,9 | Đạt |\n")

REVENUE_TABS = (
    "BÁO CÁO\n\nTình hình thực hiện dự toán thu ngân sách năm 2025\n\nI. KẾT QUẢ\n\n"
    "Thu ngân sách cơ bản đạt tiến độ.\n\n\tGIÁM ĐỐC\n\nBiểu số 02\nKHẢ NĂNG THỰC HIỆN DỰ TOÁN THU NĂM 2025\n"
    "\t\t\t\tĐơn vị: tỷ đồng\n"
    "STT\tNội dung\tDự toán năm 2025\tƯớc thực hiện năm 2025\tSo dự toán (%)\tĐánh giá\n"
    "1\tThuế bảo vệ môi trường\t980,0\t{a}\t{p}\t{w}\n"
    "2\tThuế thu nhập cá nhân\t1.200,0\t1.262,0\t105,2\tVượt\n"
    "3\tThu phí, lệ phí\t450,0\t441,0\t98,0\tKhông đạt\n")


def test_a_revenue_item_below_its_estimate_is_not_met(tmp_path):
    # An item of the revenue is judged as the revenue it is part of: more is better.
    assert _verdicts(tmp_path, REVENUE_MD.format(a="Đạt", b="Vượt")) == [["2.166", "2.400", "Đạt"]]
    assert _verdicts(tmp_path, REVENUE_MD.format(a="Không đạt", b="Vượt")) == []
    # a result above the estimate marked not met
    assert _verdicts(tmp_path, REVENUE_MD.format(a="Không đạt", b="Không đạt")) == [["610", "640", "Không đạt"]]


def test_a_tab_annex_after_the_signature_is_read(tmp_path):
    # `\t\t\t\tĐơn vị: tỷ đồng` and `\tGIÁM ĐỐC` are lines of text, not a table that swallows
    # the annex below them; the annex's tax rows are judged.
    assert _verdicts(tmp_path, REVENUE_TABS.format(a="951,0", p="97,0", w="Đạt")) == [["951,0", "980,0", "Đạt"]]
    assert _verdicts(tmp_path, REVENUE_TABS.format(a="951,0", p="97,0", w="Không đạt")) == []
    assert _verdicts(tmp_path, REVENUE_TABS.format(a="1.010,0", p="103,1", w="Vượt")) == []


GROUPS = (
    "# II. BIỂU TỔNG HỢP\n\nBiểu 1. Kết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025 của các tỉnh trước hợp nhất "
    "và mục tiêu đến năm 2030 của tỉnh Vĩnh Long\n\n"
    "STT\tChỉ tiêu\tĐơn vị tính\tVĩnh Long (cũ)\t\t\tBến Tre\t\t\tTrà Vinh\t\t\tTỉnh Vĩnh Long\t\n"
    "\t\t\tMục tiêu Nghị quyết\tThực hiện\tĐánh giá\tMục tiêu Nghị quyết\tThực hiện\tĐánh giá\t"
    "Mục tiêu Nghị quyết\tThực hiện\tĐánh giá\tThực hiện năm 2025\tMục tiêu năm 2030\n"
    "1\tTuổi thọ trung bình\tNăm\t75,0\t75,4\tVượt\t74,8\t75,1\tVượt\t74,5\t{r}\t{w}\t75,2\t76,5\n"
    "2\tTỷ lệ hộ nghèo\t%\tdưới 2,0\t1,6\tĐạt\tdưới 2,5\t2,1\tĐạt\tdưới 3,0\t{p}\t{q}\t1,9\tdưới 1,0\n")


def test_each_province_group_of_a_two_row_header_is_judged(tmp_path):
    # Under a caption of the merged province, `Bến Tre`, `Trà Vinh` head their own columns:
    # each group's word judges its own target and result, whatever the caption names.
    found = _verdicts(tmp_path, GROUPS.format(r="74,3", w="Đạt", p="2,6", q="Đạt"), "Vĩnh Long")
    assert found == [["74,3", "74,5", "Đạt"]]
    # a falling target: a poverty rate above its ceiling is not met
    found = _verdicts(tmp_path, GROUPS.format(r="74,6", w="Đạt", p="3,2", q="Đạt"), "Vĩnh Long")
    assert found == [["3,2", "dưới 3,0", "Đạt"]]
    assert _verdicts(tmp_path, GROUPS.format(r="74,6", w="Đạt", p="2,6", q="Đạt"), "Vĩnh Long") == []
    assert _verdicts(tmp_path, GROUPS.format(r="74,3", w="Không đạt", p="3,2", q="Không đạt"), "Vĩnh Long") == []


# Targets as reports write them: a floor, a ceiling, a falling rate, a range.
TARGETS = [
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "≥ 95", "94,2", "93,1"),
    ("Tỷ lệ lao động qua đào tạo", "trên 70%", "69,5", "70,0"),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới", "từ 90%", "88,0", "89,5"),
    ("Tỷ lệ hộ nghèo", "giảm xuống dưới 2%", "2,3", "2,0"),
    ("Tỷ lệ thất nghiệp khu vực thành thị", "dưới 3%", "3,4", "3,0"),
]


@pytest.mark.parametrize("name, target, missed, borderline", TARGETS)
def test_written_targets_are_read_as_thresholds(tmp_path, name, target, missed, borderline):
    table = ("# PHỤ LỤC\n\nBiểu 2. Kết quả thực hiện các chỉ tiêu năm 2025\n\n"
             "| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Thực hiện 2025 | Đánh giá |\n|---:|---|---|---|---:|---|\n"
             "| 1 | {n} | % | {t} | {r} | {w} |\n")
    assert len(_verdicts(tmp_path, table.format(n=name, t=target, r=missed, w="Đạt"))) == 1
    assert _verdicts(tmp_path, table.format(n=name, t=target, r=missed, w="Không đạt")) == []
    # at a strict bound, where the result's precision allows both, or short of it: `Không đạt` stands
    assert _verdicts(tmp_path, table.format(n=name, t=target, r=borderline, w="Không đạt")) == []


# --- (1) in prose: a rate stated in a level's unit, a budget item in a foreign currency ----------

PROSE_SLIPS = [
    # a disbursement target in money (the words between narrow what is rated)
    ("Phấn đấu tỷ lệ giải ngân kế hoạch vốn năm 2026 đạt trên {v}.", "95 tỷ đồng", "95%"),
    ("Tỷ lệ giải ngân vốn đầu tư công đến hết tháng 11 đạt {v}.", "8.450 tỷ đồng", "78,5%"),
    # forest cover in hectares
    ("Tỷ lệ che phủ rừng năm 2025 ước đạt {v}, cao hơn bình quân cả nước.", "52.600 ha", "52,6%"),
    # a balancing transfer from the central budget in dollars
    ("Tổng thu ngân sách địa phương 20.500.000 triệu đồng, gồm thu được hưởng theo phân cấp 17.300.000 triệu "
     "đồng và thu bổ sung cân đối từ ngân sách trung ương {v}.", "3.200.000 triệu USD", "3.200.000 triệu đồng"),
]


@pytest.mark.parametrize("sentence, slip, right", PROSE_SLIPS)
def test_a_prose_figure_in_a_unit_its_subject_cannot_have_is_flagged(tmp_path, sentence, slip, right):
    body = "# I. KẾT QUẢ THỰC HIỆN\n\n{}\n"
    found = _unit_alarms(tmp_path, body.format(sentence.format(v=slip)))
    assert len(found) == 1 and found[0][0].endswith(slip)
    assert _unit_alarms(tmp_path, body.format(sentence.format(v=right))) == []


PROSE_NEAR_MISSES = [
    # the money follows the rate's own figure: the amount it corresponds to
    "Tỷ lệ giải ngân vốn đầu tư công đạt 85,2%, tương ứng 1.250 tỷ đồng.",
    # a comma: the money is another item's
    "Tỷ lệ giải ngân vốn đầu tư công còn thấp, vốn giải ngân mới đạt 1.250 tỷ đồng.",
    # another subject states the figure
    "Dự án có tỷ lệ giải ngân cao nhất là dự án đường ven biển đạt 320 tỷ đồng.",
    # a count after a rate's name: loosely said, left alone
    "Tỷ lệ hộ nghèo giảm nhanh, năm 2025 đạt 5.200 hộ thoát nghèo.",
]


@pytest.mark.parametrize("sentence", PROSE_NEAR_MISSES)
def test_prose_where_the_unit_may_be_another_figures_stays_silent(tmp_path, sentence):
    assert _unit_alarms(tmp_path, "# I. KẾT QUẢ THỰC HIỆN\n\n" + sentence + "\n") == []


def test_a_statistics_table_of_transport_in_its_own_word_order(tmp_path):
    # `Hành khách vận chuyển`, `Hàng hóa vận chuyển`: a statistics release names the volume first.
    table = ("# PHỤ LỤC\n\nBiểu 5. Hoạt động vận tải\n\n"
             "| Chỉ tiêu | Đơn vị tính | Ước quý II/2025 | Ước 6 tháng 2025 |\n|---|---|---:|---:|\n"
             "| Hành khách vận chuyển | {u} | 12.400 | 24.300 |\n| Hàng hóa vận chuyển | nghìn tấn | 18.200 | 35.600 |\n")
    assert _unit_alarms(tmp_path, table.format(u="nghìn tấn")) == [["12.400", "24.300"]]
    assert _unit_alarms(tmp_path, table.format(u="nghìn lượt")) == []


# --- (3) table structure: the names' column without a heading of its own ----------------------

def test_a_products_table_names_its_rows_before_the_unit_column(tmp_path):
    # `Sản phẩm | Đơn vị tính | Năm 2024 | …`: the first heading names no value, a unit column
    # stands between it and the values: the rows are named by the first column, not by their unit.
    table = ("# PHỤ LỤC\n\nBiểu 4. Sản phẩm công nghiệp chủ yếu\n\n"
             "Sản phẩm\tĐơn vị tính\tNăm 2024\tƯớc tính năm 2025\tSo với năm trước (%)\n"
             "Đá khai thác\tnghìn m3\t2.410,0\t2.520,5\t104,6\n"
             "Xi măng\t{u}\t1.050,2\t1.112,4\t105,9\n"
             "Điện sản xuất\ttriệu kWh\t1.640,8\t1.731,0\t105,5\n")
    assert _unit_alarms(tmp_path, table.format(u="triệu kWh")) == [["1.050,2", "1.112,4"]]
    assert _unit_alarms(tmp_path, table.format(u="nghìn tấn")) == []


def test_a_yearly_level_stated_in_a_unit_of_another_kind(tmp_path):
    # Afforestation is kept per year (ha/năm): a year's planting in cubic metres is a slip,
    # in hectares it is the level itself; the timber harvested after it is in m³ by right.
    text = ("# II. LÂM NGHIỆP\n\nTrồng rừng tập trung {v}, tăng 6,1% so với năm 2024. "
            "Sản lượng gỗ khai thác đạt 1.085.600 m³, tăng 7,2%.\n")
    assert _unit_alarms(tmp_path, text.format(v="8.650 m³")) == [["8.650 m³"]]
    assert _unit_alarms(tmp_path, text.format(v="8.650 ha")) == []


# Two provinces listed with one verb: the first in a percentage, its twin in a rate per person.
TWINS = [
    ("Khu vực Bắc Giang (cũ) đạt {v}, khu vực Bắc Ninh (cũ) đạt 15,7 bác sĩ/vạn dân.", "13,2%", "13,2 bác sĩ/vạn dân"),
    ("Số giường bệnh bình quân: Bắc Giang (cũ) là {v}, Bắc Ninh (cũ) là 36,7 giường bệnh/vạn dân.", "32,5%",
     "32,5 giường bệnh/vạn dân"),
]


@pytest.mark.parametrize("sentence, slip, right", TWINS)
def test_a_percentage_listed_with_its_twins_rate_per_person(tmp_path, sentence, slip, right):
    body = "# II. Y TẾ\n\n" + sentence + "\n"
    assert _unit_alarms(tmp_path, body.format(v=slip), "Bắc Ninh") == [[slip]]
    assert _unit_alarms(tmp_path, body.format(v=right), "Bắc Ninh") == []


TWIN_NEAR_MISSES = [
    # two indicators of one province, no province named before either
    "Tỷ lệ trạm y tế xã có bác sĩ đạt 95,0%, bình quân toàn tỉnh đạt 11,8 bác sĩ/vạn dân.",
    # the first province's figure is its own indicator's (a coverage rate)
    "Bắc Giang (cũ) có tỷ lệ bao phủ bảo hiểm y tế đạt 94,6%, Bắc Ninh (cũ) đạt 15,7 bác sĩ/vạn dân.",
    # two verbs: not one list
    "Bắc Giang (cũ) tăng 2,1%, Bắc Ninh (cũ) đạt 15,7 bác sĩ/vạn dân.",
]


@pytest.mark.parametrize("sentence", TWIN_NEAR_MISSES)
def test_percentages_beside_a_rate_per_person_that_are_no_twins(tmp_path, sentence):
    assert _unit_alarms(tmp_path, "# II. Y TẾ\n\n" + sentence + "\n", "Bắc Ninh") == []


# Evaluation words in prose, a target in brackets or after `mục tiêu đề ra là`.
PROSE_VERDICTS = [
    ("Tỷ lệ lao động qua đào tạo đạt {r}, {w} mục tiêu (trên 70%).", "69,5%", "72,0%"),
    ("Tỷ lệ hộ nghèo còn {r}, {w} chỉ tiêu kế hoạch (dưới 2%).", "2,3%", "1,8%"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt {r}, {w} kế hoạch (≥ 95%).", "94,2%", "95,6%"),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới đạt {r}, {w} mục tiêu (từ 90%).", "88,0%", "91,5%"),
    ("Tỷ lệ hộ nghèo giảm xuống còn {r}, {w} mục tiêu đề ra là giảm xuống dưới 2%.", "2,3%", "1,8%"),
    ("Thu tiền sử dụng đất đạt {r} tỷ đồng, {w} dự toán (5.400 tỷ đồng).", "4.868", "5.610"),
]


@pytest.mark.parametrize("sentence, short, reached", PROSE_VERDICTS)
def test_a_prose_evaluation_word_against_its_bracketed_target(tmp_path, sentence, short, reached):
    body = "# I. KẾT QUẢ THỰC HIỆN\n\n{}\n"
    said_met = "vượt" if "dự toán" in sentence else "đạt"
    assert len(_verdicts(tmp_path, body.format(sentence.format(r=short, w=said_met)))) == 1
    assert _verdicts(tmp_path, body.format(sentence.format(r=short, w="chưa đạt"))) == []
    assert _verdicts(tmp_path, body.format(sentence.format(r=reached, w=said_met))) == []
    assert len(_verdicts(tmp_path, body.format(sentence.format(r=reached, w="chưa đạt")))) == 1


def test_a_margin_over_the_estimate_is_no_target(tmp_path):
    # `vượt dự toán 5%` says by how much, not against which target: no word is judged.
    body = "# I. KẾT QUẢ THỰC HIỆN\n\nThu tiền sử dụng đất đạt 5.670 tỷ đồng, vượt dự toán 5%.\n"
    assert _verdicts(tmp_path, body) == []


TWO_ROW = (
    "Biểu 1. Các chỉ tiêu chủ yếu\n\n"
    "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\t\t\tKế hoạch 2026\n"
    "\t\t\tKế hoạch\tThực hiện\tĐánh giá\t\n"
    "1\tTỷ lệ hộ nghèo\t%\tDưới 2,0\t{p}\t{pw}\tDưới 1,5\n"
    "2\tThu ngân sách nhà nước trên địa bàn\tTỷ đồng\t12.000\t{b}\t{bw}\t13.000\n"
    "3\tTỷ lệ che phủ rừng\t%\t46,5\t46,9\tVượt\t47,0\n")


def test_a_two_row_header_under_a_merged_year(tmp_path):
    # `Năm 2025` over `Kế hoạch | Thực hiện | Đánh giá`, the next year's plan beside them: each
    # word judges the year's plan and result, never the plan of 2026.
    found = _verdicts(tmp_path, TWO_ROW.format(p="2,4", pw="Đạt", b="11.450", bw="Đạt"))
    assert found == [["2,4", "Dưới 2,0", "Đạt"], ["11.450", "12.000", "Đạt"]]
    assert _verdicts(tmp_path, TWO_ROW.format(p="2,4", pw="Không đạt", b="11.450", bw="Không đạt")) == []
    assert _verdicts(tmp_path, TWO_ROW.format(p="1,8", pw="Đạt", b="12.300", bw="Vượt")) == []


def test_a_rate_row_is_no_level_of_what_it_rates(tmp_path):
    # `Tỷ lệ thực hiện dự toán thu nội địa | tỷ đồng | 100,0 | 100,1`: a rate of the domestic
    # revenue whatever its unit column says; its cells are no domestic revenue of 100,1 tỷ đồng
    # (read so, they would stand against the prose's 23.340 tỷ đồng).
    text = ("# I. THU NGÂN SÁCH\n\nThu nội địa năm 2024 đạt 23.340 tỷ đồng, bằng 100,1% dự toán.\n\n"
            "# PHỤ LỤC\n\nBảng tổng hợp quyết toán năm 2024\n\n"
            "| Chỉ tiêu | Đơn vị tính | Dự toán | Quyết toán |\n|---|---|---:|---:|\n"
            "| Thu nội địa | tỷ đồng | 23.320 | 23.340 |\n"
            "| Tỷ lệ thực hiện dự toán thu nội địa | tỷ đồng | 100,0 | 100,1 |\n")
    facts, findings, _ = run_text(tmp_path, header("Cần Thơ") + text)
    # (the one alarm left is the row's unit itself: a rate kept in tỷ đồng, ST02)
    assert [(f.rule, figure_texts(f)) for f in alarms(findings)] == [("ST02", ["100,0", "100,1"])]
    rows = facts[(facts["text"] == "100,1") & (facts["block"] == "table_row")]
    assert len(rows) == 1 and not isinstance(rows.iloc[0]["indicator"], str)
