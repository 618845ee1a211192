"""Stated shares whose other figure no catalog indicator names, in our own words and in
several genres (disaster damage, commerce, commune budget, agriculture, construction,
administrative dossiers, labour, health, housing, enterprises, permits): a share that names
its whole (`chiếm 38,3% tổng thiệt hại`) stated in the paragraph or a few before; a bare
share (`chiếm 1,6%`) of the one total of its sentence; a share of plan whose plan in brackets
names its result by its unit (`bằng 90,6% kế hoạch năm (6.000 căn)`).  Each phrasing fires on
a planted mismatch and is silent with the right figure; near misses (two wholes that differ,
a one-word whole, a part named as a whole, units that differ, two results of the plan's
unit) stay silent whatever the figure."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, header, run_text

HEAD = header("Quảng Trị") + "# I. KẾT QUẢ NĂM 2025\n\n"
# A commune's report names no province: the evidence is the words alone.
COMMUNE = ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n\n"
           "# I. KẾT QUẢ NĂM 2025\n\n")

# (draft text with `{p}` for the share, the right share, a wrong one)
NAMED_WHOLE = [
    # disaster damage: the whole in the paragraph, between other figures
    ("Tổng giá trị thiệt hại do mưa lũ ước 3.352,0 tỷ đồng, trong đó đợt lũ tháng 10 thiệt hại 2.874,1 tỷ "
     "đồng. Thiệt hại lớn nhất thuộc lĩnh vực giao thông với 1.284,5 tỷ đồng, chiếm {p}% tổng thiệt hại.",
     "38,3", "36,8"),
    # commerce: the whole in the paragraph before
    ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2025 ước đạt 98.450 tỷ đồng.\n\n"
     "Xét theo ngành hoạt động, doanh thu bán lẻ hàng hóa đạt 73.465 tỷ đồng, chiếm {p}% tổng mức.",
     "74,6", "75,3"),
    # construction: `bằng` a whole named with words between its own
    ("Tổng vốn đầu tư xây dựng đường giao thông nông thôn năm 2025 đạt 21.480 triệu đồng.\n\n"
     "Riêng ngân sách tỉnh hỗ trợ 15.260 triệu đồng, bằng {p}% tổng vốn đầu tư.", "71,0", "77,0"),
    # administrative dossiers: the whole's words around its figure and its unit noun
    ("Năm 2025, Trung tâm Phục vụ hành chính công tiếp nhận tổng số 45.870 hồ sơ.\n\n"
     "Số hồ sơ giải quyết trước hạn là 12.340 hồ sơ, chiếm {p}% tổng số hồ sơ tiếp nhận.", "26,9", "29,6"),
    # labour
    ("Năm 2025, tổng số lao động được giải quyết việc làm là 32.500 lao động.\n\nSố lao động đi làm việc "
     "ở nước ngoài theo hợp đồng 4.850 lao động, chiếm {p}% tổng số lao động được giải quyết việc làm.",
     "14,9", "19,4"),
    # health
    ("Tổng số lượt khám, chữa bệnh năm 2025 đạt 2.450.000 lượt.\n\nSố lượt khám bệnh có thẻ bảo hiểm y tế "
     "2.010.000 lượt, chiếm {p}% tổng số lượt khám, chữa bệnh.", "82,0", "80,2"),
]

SENTENCE_TOTAL = [
    # aquaculture: the total's parts listed first, the share after a `;`
    ("Tổng diện tích nuôi tôm 13.335 ha, trong đó thôn Đông 4.320 ha, thôn Tây 3.875 ha, thôn Nam 5.140 ha; "
     "diện tích nuôi tôm thâm canh 214 ha, chiếm {p}%.", "1,6", "6,1"),
    # forestry
    ("Tổng diện tích rừng trồng mới năm 2025 đạt 2.450 ha; rừng trồng tập trung 1.980 ha, chiếm {p}%.",
     "80,8", "88,0"),
    # housing support
    ("Năm 2025, tổng số hộ được hỗ trợ xóa nhà tạm, nhà dột nát là 1.250 hộ; trong năm, hộ nghèo được hỗ trợ "
     "730 hộ, chiếm {p}%.", "58,4", "54,8"),
    # dossiers, the total after its own words
    ("Tổng số hồ sơ tiếp nhận trong năm là 45.870 hồ sơ, đã giải quyết đúng hạn 44.960 hồ sơ; hồ sơ "
     "trực tuyến toàn trình 31.200 hồ sơ, chiếm {p}%.", "68,0", "86,0"),
]

PLAN_BY_UNIT = [
    # social housing: the floor area stands between the result and its share of plan
    ("Về nhà ở xã hội, trong năm hoàn thành 5.438 căn với tổng diện tích sàn 299.090 m², bằng {p}% kế "
     "hoạch năm (6.000 căn).", "90,6", "96,0"),
    # enterprises: the result in the sentence before, named again by the share's subject
    ("Trong năm 2025, toàn tỉnh có 1.828 doanh nghiệp đăng ký thành lập mới với tổng vốn đăng ký "
     "14.972,9 tỷ đồng. Số doanh nghiệp thành lập mới bằng {p}% kế hoạch năm (2.450 doanh nghiệp).",
     "74,6", "76,4"),
    # labour: a mean income between
    ("Tạo việc làm mới cho 32.500 lao động với thu nhập bình quân 8,2 triệu đồng/tháng, đạt {p}% kế "
     "hoạch năm (31.000 lao động).", "104,8", "108,4"),
]

CASES = [(t, r, w) for t, r, w in NAMED_WHOLE + SENTENCE_TOTAL + PLAN_BY_UNIT]


def _rt04(tmp_path, head: str, text: str) -> list:
    _, findings, _ = run_text(tmp_path, head + text + "\n")
    return alarms(findings, "RT04")


@pytest.mark.parametrize("head", [HEAD, COMMUNE], ids=["province", "commune"])
@pytest.mark.parametrize(("text", "right", "wrong"), CASES)
def test_a_share_whose_other_figure_the_words_name_recomputes(tmp_path, head, text, right, wrong):
    assert _rt04(tmp_path, head, text.format(p=right)) == []
    found = _rt04(tmp_path, head, text.format(p=wrong))
    assert len(found) == 1 and any(fig["text"].startswith(wrong) for fig in found[0].figures)


# Too weak to say which figure the share is of: silent whatever the share.
NEAR_MISSES = [
    # two wholes named alike that differ
    "Tổng thiệt hại đợt lũ thứ nhất ước 1.200 tỷ đồng. Tổng thiệt hại đợt lũ thứ hai ước 2.100 tỷ đồng.\n\n"
    "Thiệt hại về giao thông 500 tỷ đồng, chiếm 30,0% tổng thiệt hại.",
    # a one-word whole names too much
    "Tổng vốn đầu tư xây dựng năm 2025 đạt 21.480 triệu đồng.\n\nNgân sách tỉnh 15.260 triệu đồng, chiếm 50,0% vốn.",
    # the part is described with the whole's own words
    "Tổng vốn đầu tư xây dựng năm 2025 đạt 21.480 triệu đồng.\n\n"
    "Tổng vốn đã giải ngân 9.000 triệu đồng, chiếm 30,0% tổng vốn.",
    # the whole in another unit
    "Tổng kim ngạch xuất khẩu năm 2025 đạt 1.250 triệu USD.\n\n"
    "Kim ngạch xuất khẩu nông sản 5.400 tỷ đồng, chiếm 20,0% tổng kim ngạch xuất khẩu.",
    # the whole named only after the share
    "Doanh thu bán lẻ hàng hóa đạt 73.465 tỷ đồng, chiếm 60,0% tổng mức.\n\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng năm 2025 ước đạt 98.450 tỷ đồng.",
    # the whole's name goes on into a list: the area of three crops, not of the first
    "Cây cà phê có tổng diện tích 213.500 ha, sầu riêng 38.200 ha, hồ tiêu 34.800 ha.\n\nDiện tích được cấp mã số "
    "vùng trồng đạt 61.250 ha, chiếm 50,0% tổng diện tích cà phê, sầu riêng và hồ tiêu.",
    # two totals of the unit in the sentence
    "Tổng diện tích lúa 5.000 ha, tổng diện tích màu 1.200 ha; diện tích lúa chất lượng cao 900 ha, chiếm 50,0%.",
    # the total in the sentence before, not the share's own
    "Tổng diện tích rừng trồng mới đạt 2.450 ha. Diện tích rừng trồng tập trung 1.980 ha, chiếm 50,0%.",
    # the part itself a total
    "Tổng diện tích cây hằng năm 8.000 ha; tổng diện tích cây lâu năm 2.000 ha, chiếm 50,0%.",
    # two results of the plan's unit before its share
    "Trong năm hoàn thành 5.438 căn và khởi công 2.100 căn với tổng diện tích sàn 299.090 m², bằng 96,0% "
    "kế hoạch năm (6.000 căn).",
    # no result of the plan's unit at all
    "Trong năm hoàn thành nhà ở với tổng diện tích sàn 299.090 m², bằng 96,0% kế hoạch năm (6.000 căn).",
    # two results of the unit in the sentence before
    "Toàn tỉnh có 1.828 doanh nghiệp thành lập mới và 650 doanh nghiệp quay lại hoạt động. "
    "Số doanh nghiệp thành lập mới bằng 90,0% kế hoạch năm (2.450 doanh nghiệp).",
]


@pytest.mark.parametrize("head", [HEAD, COMMUNE], ids=["province", "commune"])
@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_share_whose_other_figure_is_unsure_stays_silent(tmp_path, head, text):
    assert _rt04(tmp_path, head, text) == []
