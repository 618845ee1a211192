"""An uncatalogued figure its own words call an average is the mean of its parts, not their
sum (session 12): `diện tích nhà ở bình quân đầu người 30,9 m²` with each former province's
value in brackets was summed as if the three were shares of one area."""

from __future__ import annotations

import pytest

from tests.conftest import check_files

HEAD = "SỞ XÂY DỰNG TỈNH {p}\n\nBÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2025\n\n{p}, ngày 20 tháng 12 năm 2025\n\n"


def _alarms(tmp_path, province: str, sentence: str) -> list:
    report = check_files([tmp_path / "bc.txt"], HEAD.format(p=province) + sentence + "\n")
    return [f for f in report.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("province, sentence", [
    ("Quảng Trị", "- Diện tích sàn nhà ở bình quân đầu người toàn tỉnh đạt 27,5 m² sàn/người "
                  "(Quảng Bình cũ 28,1 m², Quảng Trị cũ 26,7 m²)."),
    ("Lâm Đồng", "- Diện tích đất ở trung bình mỗi hộ đạt 185,0 m² (Lâm Đồng cũ 192,0 m², Bình Thuận cũ 176,5 m², "
                 "Đắk Nông cũ 188,2 m²)."),
])
def test_an_average_is_not_summed_from_its_parts(tmp_path, province, sentence):
    assert _alarms(tmp_path, province, sentence) == []


@pytest.mark.parametrize("province, sentence", [
    # a sum still: 700 + 560 = 1.260, not 1.250
    ("Quảng Trị", "- Diện tích sàn nhà ở xây dựng mới đạt 1.250 nghìn m² (Quảng Bình cũ 700 nghìn m², "
                  "Quảng Trị cũ 560 nghìn m²)."),
])
def test_a_total_is_still_summed(tmp_path, province, sentence):
    assert len(_alarms(tmp_path, province, sentence)) == 1
