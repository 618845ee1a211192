"""Derived figures stated in one sentence (ID09): area × yield = output, a mean per head or per
commune × the count = the total; recomputed within the stated precision, silent where the
pairing, the period or a factor is unclear."""

from __future__ import annotations

import pytest

from tests.conftest import header, rules_and_texts, run_text


def _rules(tmp_path, body: str, province: str = "Sơn La"):
    _, findings, _ = run_text(tmp_path, header(province) + "# I. KẾT QUẢ NĂM 2025\n\n" + body + "\n")
    return [rule for rule, _ in rules_and_texts(findings) if rule != "ST01"]


@pytest.mark.parametrize("text, province", [
    ("Năm 2025, diện tích ngô đạt 25.000 ha, năng suất 50,0 tạ/ha, sản lượng {out} tấn.", "Sơn La"),
    ("Năm 2025, diện tích gieo trồng lúa cả năm 180.500 ha, năng suất bình quân 62,5 tạ/ha, "
     "sản lượng lúa đạt {out} triệu tấn.", "An Giang"),
    ("Năm 2025, diện tích chè cho sản phẩm 20.000 ha, năng suất 12,0 tấn/ha, sản lượng chè búp tươi {out} tấn.",
     "Thái Nguyên"),
    ("Năm 2025, tổng vốn đầu tư xây dựng nông thôn mới là {out} tỷ đồng cho 50 xã, bình quân mỗi xã 30 tỷ đồng.",
     "Gia Lai"),
    ("Năm 2025, tổng thu nhập của các hộ tham gia mô hình đạt {out} tỷ đồng, 4.000 hộ, bình quân "
     "60 triệu đồng/hộ.", "Đắk Lắk"),
])
@pytest.mark.parametrize("right, wrong", [(0, 1)])
def test_a_product_restated_in_its_sentence(tmp_path, text, province, right, wrong):
    outs = {"Sơn La": ("125.000", "140.000"), "An Giang": ("1,13", "1,20"), "Thái Nguyên": ("240.000", "260.000"),
            "Gia Lai": ("1.500", "1.750"), "Đắk Lắk": ("240", "270")}[province]
    assert _rules(tmp_path, text.format(out=outs[right]), province) == []
    assert _rules(tmp_path, text.format(out=outs[wrong]), province) == ["ID09"]


def test_factors_of_other_years_are_not_multiplied(tmp_path):
    text = "Năm 2025, diện tích ngô đạt 25.000 ha. Năm 2024, năng suất ngô 50,0 tạ/ha, sản lượng đạt 140.000 tấn."
    assert _rules(tmp_path, text) == []


def test_two_areas_in_the_sentence_leave_the_pairing_unclear(tmp_path):
    text = ("Năm 2025, diện tích lúa 40.000 ha, diện tích ngô 25.000 ha, năng suất ngô 50,0 tạ/ha, "
            "sản lượng ngô 125.000 tấn.")
    assert _rules(tmp_path, text) == []


def test_a_change_is_no_factor(tmp_path):
    text = "Năm 2025, diện tích ngô đạt 25.000 ha, năng suất 50,0 tạ/ha, sản lượng tăng 14.000 tấn."
    assert _rules(tmp_path, text) == []


def test_a_total_with_no_mean_stated_is_not_checked(tmp_path):
    text = "Năm 2025, hỗ trợ 1.200 hộ với tổng kinh phí 36 tỷ đồng, trong đó xây mới 300 căn nhà."
    assert _rules(tmp_path, text, "Cà Mau") == []


@pytest.mark.parametrize("out, expected", [("293.100", []), ("285.600", ["ID09"])])
def test_an_estimated_output_before_its_area_and_yield(tmp_path, out, expected):
    text = (f"Sản lượng lúa vụ Đông Xuân 2024 - 2025 ước đạt {out} tấn, trên diện tích gieo cấy 47.200 ha, "
            "năng suất bình quân 62,1 tạ/ha.")
    assert _rules(tmp_path, text, "Gia Lai") == expected


def test_a_bound_is_no_factor(tmp_path):
    text = "Năm 2025, diện tích ngô đạt 25.000 ha, năng suất 50,0 tạ/ha, sản lượng trên 140.000 tấn."
    assert _rules(tmp_path, text) == []
