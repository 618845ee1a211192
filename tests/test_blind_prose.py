"""Relations stated in prose whose base is stated elsewhere in the draft (blind drafts, round
6): a growth `tăng P% so với năm X` whose year-X level is in a bracket after it or in
another section, a share `chiếm P% <whole>` whose whole is stated before, and a share of
plan `đạt P% dự toán` whose plan is stated elsewhere.  Short drafts in our own words: each
form has a case that holds and one with a planted mismatch; the unsure forms stay silent."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text

HEAD = header("Gia Lai") + "# I. KẾT QUẢ NĂM 2025\n\n"

# (draft paragraphs, the rule that must fail or None when they hold)
CASES = [
    # The base level in a bracket right after `so với năm 2024`, an indicator with no rate of its own.
    ("Doanh thu dịch vụ lưu trú và ăn uống năm 2025 đạt 2.530 tỷ đồng, tăng 15% so với năm 2024 "
     "(2.200 tỷ đồng).", None),
    ("Doanh thu dịch vụ lưu trú và ăn uống năm 2025 đạt 2.530 tỷ đồng, tăng 18% so với năm 2024 "
     "(2.200 tỷ đồng).", "RT04"),
    # The base level stated in another paragraph, once.
    ("Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 9.000 tỷ đồng.\n\n"
     "Năm 2025, thu ngân sách nhà nước trên địa bàn ước đạt 9.900 tỷ đồng, tăng 10% so với cùng kỳ.", None),
    ("Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 9.000 tỷ đồng.\n\n"
     "Năm 2025, thu ngân sách nhà nước trên địa bàn ước đạt 9.900 tỷ đồng, tăng 12% so với cùng kỳ.", "RT04"),
    # A fall: P = 100 − 100·A/B.
    ("Năm 2024, kim ngạch xuất khẩu đạt 1.250 triệu USD.\n\n"
     "Năm 2025, kim ngạch xuất khẩu đạt 1.150 triệu USD, giảm 8% so với năm 2024.", None),
    ("Năm 2025, kim ngạch xuất khẩu đạt 1.150 triệu USD, giảm 6% so với năm 2024.\n\n"
     "Năm 2024, kim ngạch xuất khẩu đạt 1.250 triệu USD.", "RT04"),
    # A share of a whole named after it, the whole stated before under its own words.
    ("Chi thường xuyên ước thực hiện 18.000 tỷ đồng. Trong chi thường xuyên, chi sự nghiệp giáo dục "
     "6.300 tỷ đồng, chiếm 35% chi thường xuyên.", None),
    ("Chi thường xuyên ước thực hiện 18.000 tỷ đồng. Trong chi thường xuyên, chi sự nghiệp giáo dục "
     "6.300 tỷ đồng, chiếm 38% chi thường xuyên.", "RT04"),
    # A share in a bracket after a part listed under its total.
    ("Tổng chi ngân sách địa phương 30.000 tỷ đồng, trong đó: chi đầu tư phát triển 9.000 tỷ đồng "
     "(chiếm 30%), chi thường xuyên 21.000 tỷ đồng.", None),
    ("Tổng chi ngân sách địa phương 30.000 tỷ đồng, trong đó: chi đầu tư phát triển 9.000 tỷ đồng "
     "(chiếm 33%), chi thường xuyên 21.000 tỷ đồng.", "RT04"),
    # A share of a catalog indicator's level (GRDP) stated in another paragraph.
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2025 đạt 120.000 tỷ đồng.\n\n"
     "Vốn đầu tư phát triển toàn xã hội năm 2025 đạt 42.000 tỷ đồng, bằng 35% GRDP.", None),
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2025 đạt 120.000 tỷ đồng.\n\n"
     "Vốn đầu tư phát triển toàn xã hội năm 2025 đạt 42.000 tỷ đồng, bằng 38% GRDP.", "RT04"),
    # A former province's share, with no whole named: of the merged province's level.
    ("Tổng sản phẩm trên địa bàn (GRDP) toàn tỉnh năm 2025 (sau hợp nhất) đạt 200.000 tỷ đồng; trong đó Bình Định (cũ) "
     "120.000 tỷ đồng, chiếm 60%; Gia Lai (cũ) 80.000 tỷ đồng.", None),
    ("Tổng sản phẩm trên địa bàn (GRDP) toàn tỉnh năm 2025 (sau hợp nhất) đạt 200.000 tỷ đồng; trong đó Bình Định (cũ) "
     "120.000 tỷ đồng, chiếm 64%; Gia Lai (cũ) 80.000 tỷ đồng.", "RT04"),
    # A share of plan whose plan is stated in another paragraph.
    ("Thu ngân sách nhà nước trên địa bàn năm 2025 theo kế hoạch là 8.000 tỷ đồng.\n\n"
     "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 8.400 tỷ đồng, bằng 105% kế hoạch.", None),
    ("Thu ngân sách nhà nước trên địa bàn năm 2025 theo kế hoạch là 8.000 tỷ đồng.\n\n"
     "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 8.400 tỷ đồng, bằng 108% kế hoạch.", "RT04"),
]

# The change's own levels (`tăng từ A lên B, tăng P%`), a multiple of a base year after a colon,
# a term's total over its years: (text, the rule that must report, or None).
OWN_LEVELS = [
    ("Số đảng viên toàn tỉnh tăng từ 80.000 đồng chí cuối năm 2020 lên 88.000 đồng chí, tăng 10%.", None),
    ("Số đảng viên toàn tỉnh tăng từ 80.000 đồng chí cuối năm 2020 lên 88.000 đồng chí, tăng 12%.", "RT04"),
    # `bình quân mỗi năm tăng P%` after a change is a yearly rate, not the whole change.
    ("Số hợp tác xã tăng từ 200 hợp tác xã năm 2020 lên 320 hợp tác xã năm 2025, bình quân mỗi năm tăng 9,9%.", None),
    ("Thu ngân sách năm 2025 đạt 9.000 tỷ đồng; trong đó huyện A 3.200 tỷ đồng (gấp 1,6 lần năm 2020: "
     "2.000 tỷ đồng), huyện B 5.800 tỷ đồng.", None),
    ("Thu ngân sách năm 2025 đạt 9.000 tỷ đồng; trong đó huyện A 3.200 tỷ đồng (gấp 1,9 lần năm 2020: "
     "2.000 tỷ đồng), huyện B 5.800 tỷ đồng.", "RT02"),
    ("Nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 24.600 đảng viên, bình quân 4.920 đảng viên/năm.", None),
    ("Nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 24.600 đảng viên, bình quân 4.290 đảng viên/năm.", "RT06"),
]


@pytest.mark.parametrize("text, rule", OWN_LEVELS)
def test_a_figure_recomputes_from_the_levels_its_sentence_states(tmp_path, text, rule):
    _, findings, _ = run_text(tmp_path, HEAD + text + "\n")
    rules = [f.rule for f in findings if f.rule in ("RT02", "RT04", "RT05", "RT06")]
    assert rules == ([rule] if rule else []), rules


# Forms that do not say enough: no relation, nothing reported by RT04.
UNSURE = [
    # The 2024 level stated twice, differently: which one the growth was computed from is unknown.
    "Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 9.000 tỷ đồng.\n\n"
    "Năm 2024, thu ngân sách nhà nước trên địa bàn đạt 9.300 tỷ đồng.\n\n"
    "Năm 2025, thu ngân sách nhà nước trên địa bàn ước đạt 9.900 tỷ đồng, tăng 3% so với cùng kỳ.",
    # A half-year against a whole year is no growth.
    "Năm 2024, kim ngạch xuất khẩu đạt 1.250 triệu USD.\n\n"
    "Kim ngạch xuất khẩu 6 tháng năm 2025 đạt 700 triệu USD, tăng 2% so với năm 2024.",
    # `(bằng P%)` over 100 after a part: of last year or of a plan, no share of its total.
    "Tổng thu năm 2026 là 34.000 tỷ đồng; trong đó thu nội địa 26.000 tỷ đồng (bằng 105,4%), thu khác "
    "8.000 tỷ đồng.",
    # A bare `(bằng P%)` under a total: of last year, of a plan or of the total?
    "Tổng thu năm 2026 là 34.000 tỷ đồng; trong đó thu nội địa 26.000 tỷ đồng (bằng 95%), thu khác "
    "8.000 tỷ đồng.",
    # A whole of another scope only: `thu nội địa` without land fees is no whole of all domestic revenue.
    "Thu nội địa không kể thu tiền sử dụng đất đạt 20.000 tỷ đồng. Thu từ doanh nghiệp nhà nước "
    "8.000 tỷ đồng, chiếm 30% thu nội địa.",
    # Two plans that differ (the province's and the central one): which one is meant is unknown.
    "Thu ngân sách nhà nước trên địa bàn năm 2025 theo kế hoạch là 8.000 tỷ đồng.\n\n"
    "Thu ngân sách nhà nước trên địa bàn năm 2025 theo kế hoạch là 7.600 tỷ đồng.\n\n"
    "Thu ngân sách nhà nước trên địa bàn năm 2025 ước đạt 8.400 tỷ đồng, bằng 108% kế hoạch.",
    # No level of the base year anywhere.
    "Năm 2025, kim ngạch xuất khẩu đạt 1.150 triệu USD, giảm 6% so với năm 2024.",
]


def _rt04(tmp_path, text: str):
    facts, findings, _ = run_text(tmp_path, HEAD + text + "\n")
    return facts, [f.rule for f in findings if f.rule == "RT04"]


@pytest.mark.parametrize("text, rule", CASES)
def test_a_percentage_recomputes_from_its_base_stated_elsewhere(tmp_path, text, rule):
    _, rules = _rt04(tmp_path, text)
    assert rules == ([rule] if rule else []), rules


@pytest.mark.parametrize("text", UNSURE)
def test_an_unsure_base_is_left_alone(tmp_path, text):
    facts, rules = _rt04(tmp_path, text)
    assert facts["of_result"].isna().all() and rules == []


# The same fact stated again in a later section (`Đánh giá chung`), in other words.
RESTATED = [
    # `mức tăng GRDP` / `tốc độ tăng GRDP` name the growth rate as `tốc độ tăng trưởng GRDP` does.
    ("Tốc độ tăng trưởng GRDP năm 2025 ước đạt 7,6%.\n\n# II. ĐÁNH GIÁ CHUNG TÌNH HÌNH NĂM 2025\n\n"
     "Kinh tế giữ được đà tăng trưởng khá với mức tăng GRDP 7,6%.", []),
    ("Tốc độ tăng trưởng GRDP năm 2025 ước đạt 7,6%.\n\n# II. ĐÁNH GIÁ CHUNG TÌNH HÌNH NĂM 2025\n\n"
     "Kinh tế giữ được đà tăng trưởng khá với mức tăng GRDP 7,9%.", ["SV01"]),
    ("Tốc độ tăng trưởng GRDP năm 2025 ước đạt 7,6%.\n\n# II. ĐÁNH GIÁ CHUNG TÌNH HÌNH NĂM 2025\n\n"
     "Tốc độ tăng GRDP năm 2025 là 7,9%.", ["SV01"]),
    # A growth scenario set beforehand is a target, no second statement of the result.
    ("Tốc độ tăng trưởng GRDP năm 2025 ước đạt 7,6%.\n\n# II. ĐÁNH GIÁ CHUNG TÌNH HÌNH NĂM 2025\n\n"
     "Tăng trưởng GRDP (7,6%) thấp hơn kịch bản tăng trưởng đề ra (8,0%).", []),
]


@pytest.mark.parametrize("text, rules", RESTATED)
def test_a_fact_restated_in_other_words_is_compared(tmp_path, text, rules):
    _, findings, _ = run_text(tmp_path, HEAD + text + "\n")
    assert [f.rule for f in findings if f.rule == "SV01"] == rules
