"""Resolution of periods, roles and provinces for the notations these reports use."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text

CASES = [
    # (sentence, figure as written, expected {field: value})
    ("Tỷ lệ che phủ rừng năm 2025 đạt 46%.", "46%", {"period": "2025", "role": "actual"}),
    ("Giai đoạn 2021 - 2025, tăng trưởng kinh tế bình quân đạt 7,3%/năm.", "7,3%/năm", {"period": "2021-2025"}),
    ("Tăng trưởng kinh tế nhiệm kỳ 2020 - 2025 đạt 7,3%/năm.", "7,3%/năm", {"period": "2021-2025"}),
    ("Phấn đấu giai đoạn 2026 2030 tăng trưởng kinh tế đạt 10%/năm.", "10%/năm", {"period": "2026-2030", "role": "target"}),
    ("Đến năm 2030, tỷ lệ che phủ rừng đạt 60%.", "60%", {"period": "2030", "role": "target"}),
    ("Tổng số đảng viên đầu nhiệm kỳ là 62.000 đảng viên.", "62.000 đảng viên", {"period": "2020"}),
    ("Cuối nhiệm kỳ, tổng số đảng viên là 66.500 đảng viên.", "66.500 đảng viên", {"period": "2025"}),
    ("Thu ngân sách nhà nước năm 2025 đạt 45.799/36.875 tỷ đồng.", "45.799/36.875 tỷ đồng",
     {"indicator": "budget_revenue", "role": "actual"}),
    ("Thu ngân sách nhà nước năm 2025 đạt 6.120 tỷ đồng, bằng 112% kế hoạch.", "112%",
     {"indicator": "budget_revenue", "role": "actual"}),
    ("Tỷ trọng nông, lâm nghiệp, thủy sản giảm từ 20,5% xuống 12,3%.", "20,5%", {"role": "baseline"}),
    ("Tỷ trọng nông, lâm nghiệp, thủy sản giảm từ 20,5% xuống 12,3%.", "12,3%", {"role": "actual"}),
    ("GRDP bình quân đầu người tăng 1,35 lần so với năm 2020.", "1,35 lần", {"indicator": "grdp_per_capita_multiple"}),
    ("Tỷ lệ hộ nghèo duy trì mức giảm 1 1,5 điểm%/năm.", "1 1,5 điểm%/năm", {"indicator": "poverty_reduction"}),
    ("Tốc độ tăng trưởng kinh tế của Bắc Kạn (cũ) đạt 6,6%/năm.", "6,6%/năm", {"entity": "bac_kan"}),
    ("Tỷ lệ che phủ rừng của Thái Nguyên (trước sáp nhập) đạt 46%.", "46%", {"entity": "thai_nguyen_cu"}),
    ("Tỷ lệ che phủ rừng của tỉnh Thái Nguyên (sau hợp nhất) đạt 61,6%.", "61,6%", {"entity": "thai_nguyen"}),
    ("Tỷ lệ che phủ rừng toàn tỉnh đạt 61,6%.", "61,6%", {"entity": "thai_nguyen"}),
    ("Tỷ lệ che phủ rừng của hai tỉnh đều đạt trên 46%.", "trên 46%", {"entity": None}),
    ("Tỷ lệ che phủ rừng: Thái Nguyên đạt 46%, Bắc Kạn đạt 72,9%.", "46%", {"entity": "thai_nguyen_cu"}),
    ("Ty le che phu rung cua tinh Bac Kan nam 2025 dat 72,9%.", "72,9%",
     {"indicator": "forest_cover", "entity": "bac_kan", "period": "2025"}),
]


@pytest.mark.parametrize("sentence, written, expected", CASES, ids=[f"{c[0][:40]}… {c[1]}" for c in CASES])
def test_resolution(tmp_path, sentence, written, expected):
    text = header() + "# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n" + sentence + "\n"
    facts, _, _ = run_text(tmp_path, text)
    rows = facts[facts["text"] == written]
    assert len(rows) >= 1, list(facts["text"])
    row = rows.iloc[0]
    for field, value in expected.items():
        got = row[field]
        got = None if got is None or got != got else got
        assert got == value, (field, got, row["notes"])


def test_the_own_province_comes_from_the_title(tmp_path):
    facts, _, _ = run_text(tmp_path, header("Cà Mau") + "Tỷ lệ che phủ rừng năm 2025 đạt 25%.\n")
    assert list(facts["entity"]) == ["ca_mau"]


def test_a_near_tie_between_indicators_is_reported_not_picked(tmp_path):
    from checker.catalog import load_catalog
    from checker.resolve import Resolver
    from checker.records import Figure
    fuzzy_label = Resolver(load_catalog()).tables.fuzzy.match
    # A label equally close to two indicators: neither is picked, and the note says so.
    fig = Figure("5%", 0, 2, 5.0, None, unit="percent")
    ind, note = fuzzy_label("Tỷ lệ thât nghiệp khu vưc thành thị và nông thôn", fig)
    assert ind is None and note.startswith("ambiguous label")
    # One slip per word is read; a different word is not (solid waste is not hazardous waste).
    assert fuzzy_label("Tỉ lệ lao động đã qua đào tạo", fig)[0] == "trained_labour_rate"
    assert fuzzy_label("Tỷ lệ chất thải rắn được thu gom, xử lý", fig)[0] != "hazardous_waste_rate"
