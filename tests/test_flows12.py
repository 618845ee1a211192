"""A flow's total over a term is no level of the term's last year (session 12).

Revenue, exports, retail sales and output are flows: `tổng thu ngân sách 5 năm 2021 - 2025`
is their sum over five years.  The catalog marked them as stocks (a level at a date), so a
term's total took the term's last year and was compared, as one fact, with that year's
figure: three SV01 false alarms on one sentence of a political report, and a PW01 that
summed the former provinces' yearly figures against the merged province's term total."""

from __future__ import annotations

import pytest

from tests.conftest import check_files

HEAD = ("ĐẢNG BỘ TỈNH {p}\n\nBÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA I\n\n"
        "{p}, ngày 15 tháng 9 năm 2025\n\nI. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020 - 2025\n\n")

# (province, sentence): a term total with its former provinces' parts, then the last year's
# figures, all consistent.
CONSISTENT = [
    ("Lào Cai", "Tổng kim ngạch xuất khẩu 5 năm 2021 - 2025 đạt 9.850 triệu USD (Lào Cai cũ 6.420 triệu USD, "
                "Yên Bái cũ 3.430 triệu USD). Năm 2025, kim ngạch xuất khẩu ước đạt 2.310 triệu USD, trong đó "
                "Lào Cai (cũ) 1.480 triệu USD, Yên Bái (cũ) 830 triệu USD."),
    ("Gia Lai", "Tổng thu ngân sách nhà nước trên địa bàn giai đoạn 2021 - 2025 đạt 98.400 tỷ đồng, bình quân "
                "19.680 tỷ đồng/năm. Năm 2025, thu ngân sách đạt 24.150 tỷ đồng, trong đó Bình Định (cũ) "
                "15.320 tỷ đồng, Gia Lai (cũ) 8.830 tỷ đồng."),
    ("Cà Mau", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 5 năm 2021 - 2025 đạt 512.300 tỷ đồng; "
               "năm 2025 đạt 118.600 tỷ đồng (Cà Mau cũ 64.200 tỷ đồng, Bạc Liêu cũ 54.400 tỷ đồng)."),
]


def _alarms(tmp_path, text: str) -> list:
    report = check_files([tmp_path / "bc.txt"], text)
    return [f for f in report.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("province, sentence", CONSISTENT)
def test_a_terms_total_is_not_its_last_years_figure(tmp_path, province, sentence):
    assert _alarms(tmp_path, HEAD.format(p=province) + sentence + "\n") == []


@pytest.mark.parametrize("province, sentence, old, new", [
    # the term's parts still sum to the term's total: 6.420 + 3.340 = 9.760, not 9.850
    (*CONSISTENT[0], "Yên Bái cũ 3.430", "Yên Bái cũ 3.340"),
    # the last year's parts still sum to the year's figure: 64.200 + 45.400 = 109.600
    (*CONSISTENT[2], "Bạc Liêu cũ 54.400", "Bạc Liêu cũ 45.400"),
])
def test_a_terms_parts_and_a_years_parts_are_still_summed(tmp_path, province, sentence, old, new):
    found = _alarms(tmp_path, HEAD.format(p=province) + sentence.replace(old, new) + "\n")
    assert len(found) == 1 and found[0].rule in ("PW01", "PW02")
