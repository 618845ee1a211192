"""Session 12, a narrower measure named in prose after an indicator's name (`tỷ lệ giải
ngân vốn ODA`, `thu ngân sách từ khu vực doanh nghiệp nhà nước`): it is not the same fact
as the bare measure, nor as a differently qualified one, while the same qualifier twice
still agrees, and neutral words (a period, the province, `toàn tỉnh`, a verb, the name's
own optional words) qualify nothing.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, run_text

HEADS = [
    "# Báo cáo tình hình kinh tế - xã hội tỉnh Gia Lai năm 2025\n\n## I. KẾT QUẢ ĐẠT ĐƯỢC\n\n",
    "# Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh Nghệ An\n\n## I. ĐÁNH GIÁ KẾT QUẢ NĂM 2025\n\n",
    "# Nghị quyết của HĐND tỉnh Lâm Đồng về kế hoạch phát triển kinh tế - xã hội năm 2026\n\n"
    "## I. ĐÁNH GIÁ TÌNH HÌNH NĂM 2025\n\n",
]

# (the bare measure's sentence, the narrower measure's sentence): the two must not meet.
NARROWER = [
    ("- Tỷ lệ giải ngân vốn đầu tư công năm 2025 đạt 84,2%, mục tiêu 95%: Không đạt;",
     "Một số dự án chậm tiến độ, tỷ lệ giải ngân vốn ODA năm 2025 chỉ đạt 61,5%."),
    ("Thu ngân sách nhà nước trên địa bàn năm 2025 đạt 12.500 tỷ đồng.",
     "Thu ngân sách nhà nước từ khu vực doanh nghiệp nhà nước năm 2025 đạt 2.100 tỷ đồng."),
    ("Tỷ lệ lao động qua đào tạo năm 2025 đạt 68,5%.",
     "Tỷ lệ lao động qua đào tạo đối với lao động nữ năm 2025 đạt 52,0%."),
    ("Kim ngạch xuất khẩu năm 2025 đạt 1.250 triệu USD.",
     "Kim ngạch xuất khẩu hàng nông sản năm 2025 đạt 420 triệu USD."),
]


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("bare,narrow", NARROWER)
def test_a_narrower_measure_is_not_the_bare_one(tmp_path, head, bare, narrow):
    _, findings, _ = run_text(tmp_path, head + bare + "\n\n## II. HẠN CHẾ\n\n" + narrow + "\n")
    assert alarms(findings, "SV01") == []


# The same qualifier twice with two values: still one fact, still a mismatch.
SAME_QUALIFIER = [
    ("Về đầu tư công, tỷ lệ giải ngân vốn ODA năm 2025 chỉ đạt 61,5%.",
     "Giải ngân vốn đầu tư công còn chậm, tỷ lệ giải ngân vốn ODA năm 2025 đạt 66,0%."),
    ("Kim ngạch xuất khẩu hàng nông sản năm 2025 đạt 420 triệu USD.",
     "Kim ngạch xuất khẩu hàng nông sản năm 2025 ước đạt 465 triệu USD."),
]

# Neutral words between the name and its figure: the same measure, a mismatch fires.
NEUTRAL = [
    ("Tỷ lệ giải ngân vốn đầu tư công năm 2025 của tỉnh đạt 84,2%.",
     "Tỷ lệ giải ngân vốn đầu tư công toàn tỉnh năm 2025 đạt 80,1%."),
    ("Tổng thu ngân sách nhà nước trên địa bàn tỉnh năm 2025 ước đạt 12.500 tỷ đồng.",
     "Thu ngân sách nhà nước trên địa bàn năm 2025 thực tế đạt 12.900 tỷ đồng."),
    ("Tỷ lệ hộ nghèo cuối năm 2025 còn 2,1%.", "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều cuối năm 2025 còn 2,6%."),
    ("Dân số trung bình năm 2025 đạt 3.350 nghìn người.", "Dân số bình quân năm 2025 là 3.380 nghìn người."),
]


@pytest.mark.parametrize("head", HEADS[:2])
@pytest.mark.parametrize("first,second", SAME_QUALIFIER + NEUTRAL)
def test_the_same_measure_twice_still_fires(tmp_path, head, first, second):
    _, findings, _ = run_text(tmp_path, head + first + "\n\n## II. HẠN CHẾ\n\n" + second + "\n")
    assert len(alarms(findings, "SV01")) == 1


def test_two_qualifiers_are_two_measures(tmp_path):
    text = HEADS[0] + ("Về đầu tư công, tỷ lệ giải ngân vốn ODA năm 2025 đạt 61,5%.\n\n"
                       "Về đầu tư công, tỷ lệ giải ngân vốn xổ số kiến thiết năm 2025 đạt 97,0%.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "SV01") == []


def test_two_kinds_joined_are_one_qualifier(tmp_path):
    # (`vốn ODA và vốn vay ưu đãi`: both kinds together, still narrower than all the capital)
    text = HEADS[0] + ("Tỷ lệ giải ngân vốn đầu tư công năm 2025 đạt 84,2%.\n\n"
                       "Giải ngân đầu tư công còn chậm; tỷ lệ giải ngân vốn ODA và vốn vay ưu đãi năm 2025 "
                       "đạt 61,5%.\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "SV01") == []
