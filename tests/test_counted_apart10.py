"""A bare number followed by a noun of its own (`gồm 14 thôn`, `cho 8 gia đình`) counts that
noun: it is no part of a total kept in a measure's unit (an area, an amount, a tonnage), so
no sum is checked over it; a list whose bare numbers are written in the total's unit is
still summed.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, header, run_text

SILENT = [
    # a commune's area, then what it holds: hamlets, households, people
    "Xã có diện tích tự nhiên 45,20 km², gồm 14 thôn, 3.120 hộ với 11.460 nhân khẩu.",
    "Phường mới có diện tích 12,6 km², gồm 9 khu phố và 21.340 nhân khẩu.",
    # a payment per head for some families, then its total
    "Hỗ trợ 30 triệu đồng/người cho 8 gia đình có người tử vong, tổng số 240 triệu đồng; "
    "hỗ trợ 50 triệu đồng/căn cho 17 hộ có nhà bị sập, tổng số 850 triệu đồng.",
    # an area damaged, then cages and boats lost in the same list
    "Thiệt hại 2.310 ha cây trồng, trong đó 1.420 ha mất trắng, 890 ha thiệt hại một phần và 312 lồng bè bị cuốn trôi.",
    # a width range in metres in the bracket after a road's length: a range, no parts
    "Nâng cấp 14,2 km đường giao thông nông thôn (mặt đường rộng 3,0 - 4,5 m) và 6 cây cầu.",
    "Kiên cố hóa 8,6 km kênh mương (bề rộng 1,2 - 2,0 mét), tổng vốn 12.400 triệu đồng.",
]


@pytest.mark.parametrize("sentence", SILENT)
def test_a_count_of_its_own_noun_is_no_part_of_a_measure(tmp_path, sentence):
    text = header("Cà Mau") + "# I. TÌNH HÌNH CHUNG\n\n" + sentence + "\n"
    assert [f.rule for f in alarms(run_text(tmp_path, text)[1]) if f.rule.startswith("PW")] == []


FIRES = [
    # bare parts written in the total's unit, joined by `và`
    ("Tổng vốn đầu tư phát triển đạt 1.500 tỷ đồng, gồm vốn ngân sách nhà nước 1.200 và vốn ngoài ngân sách {v}.",
     "300", "350"),
    # parts with their own unit, a total after them
    ("Diện tích lúa vụ Đông Xuân đạt 27.400 ha, vụ Hè Thu đạt 18.200 ha, tổng cộng {v} ha.", "45.600", "46.500"),
]


@pytest.mark.parametrize("sentence, right, wrong", FIRES)
def test_a_list_in_the_totals_unit_is_still_summed(tmp_path, sentence, right, wrong):
    def pw(v):
        text = header("Cà Mau") + "# I. TÌNH HÌNH CHUNG\n\n" + sentence.format(v=v) + "\n"
        return [f.rule for f in alarms(run_text(tmp_path, text)[1]) if f.rule.startswith("PW")]
    assert pw(right) == []
    assert pw(wrong) != []


# A rate's name in a row label followed by what its population receives, uses or takes part in
# (`Tỷ lệ dân số đô thị | được cấp nước sạch`) rates that narrower population: the row is
# not the short name's indicator (here the urbanisation rate), so a plan sentence's
# urbanisation target is not held against the clean-water share reached.
NARROWED = ("# I. KẾT QUẢ\n\n| TT | Chỉ tiêu | Đơn vị | Kế hoạch 2025 | Thực hiện 2025 |\n|---|---|---|---:|---:|\n"
            "| 1 | Tỷ lệ dân số đô thị {rest} | % | 97,0 | 97,8 |\n\n"
            "# II. NĂM 2026\n\nPhấn đấu năm 2026 tỷ lệ đô thị hóa đạt 31,5%.\n")


@pytest.mark.parametrize("rest", ["được cấp nước sạch", "được sử dụng nước sạch", "tham gia bảo hiểm y tế"])
def test_a_rate_of_a_narrower_population_is_not_the_short_names(tmp_path, rest):
    facts, findings, _ = run_text(tmp_path, header("Ninh Bình") + NARROWED.format(rest=rest))
    assert [f.rule for f in alarms(findings)] == []
    cells = facts[(facts["block"] == "table_row") & (facts["text"].isin(["97,0", "97,8"]))]
    assert len(cells) == 2 and not (cells["indicator"] == "urbanisation_rate").any()
