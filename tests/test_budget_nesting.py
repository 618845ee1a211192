"""Budget breakdowns whose items are not siblings: a budget level's total named with a
bracketed count of its units (`Ngân sách cấp xã (96 xã, phường): A`), and a `trong đó`
list whose later item is part of an earlier one (education is part of recurrent
spending).  Each silent case was a false alarm before its fix; each planted mismatch must
still fail.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "TỈNH HÀ TĨNH\tĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 77/NQ-HĐND\tHà Tĩnh, ngày 12 tháng 12 năm 2025\n\n"
              "NGHỊ QUYẾT\nVề dự toán ngân sách địa phương năm 2026\n\n")

WHOLE = ("**Điều 2. Dự toán chi ngân sách địa phương năm 2026**\n\n"
         "Tổng chi cân đối ngân sách địa phương 25.300 tỷ đồng, gồm: chi đầu tư phát triển 8.900 tỷ đồng; "
         "chi thường xuyên {recurrent} tỷ đồng, trong đó chi sự nghiệp giáo dục - đào tạo và dạy nghề {education} tỷ đồng.\n\n"
         "**Điều 3. Phân bổ ngân sách các cấp năm 2026**\n\n")

LEVEL_WITH_COUNT = [
    "Ngân sách cấp xã (69 xã, phường): 7.450 tỷ đồng; trong đó chi thường xuyên 5.120 tỷ đồng.\n",
    "2. Ngân sách cấp xã (gồm 69 đơn vị hành chính cấp xã): 7.450 tỷ đồng, trong đó chi thường xuyên 5.120 tỷ đồng.\n",
    "Ngân sách cấp tỉnh (42 đơn vị dự toán) 9.800 tỷ đồng; trong đó chi thường xuyên 5.120 tỷ đồng.\n",
]


@pytest.mark.parametrize("level", LEVEL_WITH_COUNT)
def test_a_level_named_with_a_count_keeps_its_scope(tmp_path, level):
    text = RESOLUTION + WHOLE.format(recurrent="16.400", education="6.100") + level
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings) == []


def test_a_whole_item_stated_twice_apart_still_fails_beside_a_counted_level(tmp_path):
    text = (RESOLUTION + WHOLE.format(recurrent="16.400", education="6.100") + LEVEL_WITH_COUNT[0]
            + "\nTổng chi ngân sách địa phương năm 2026 là 26.000 tỷ đồng; trong đó chi thường xuyên 16.040 tỷ đồng.\n")
    found = alarms(findings := run_text(tmp_path, text)[1], "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["16.040 tỷ đồng", "16.400 tỷ đồng"], findings



# A `trong đó` list naming a line and a part of it: no siblings, so no sum (each list's
# items add up to more than its total only because one holds the other).
NESTED = [
    "Ngân sách cấp xã 9.000 tỷ đồng; trong đó chi thường xuyên 6.500 tỷ đồng, chi sự nghiệp giáo dục - đào tạo và dạy nghề 3.100 tỷ đồng.\n",
    "Thu ngân sách nhà nước trên địa bàn năm 2026 dự kiến 12.000 tỷ đồng, trong đó thu nội địa 10.500 tỷ đồng, thu tiền sử dụng đất 2.400 tỷ đồng.\n",
    "Chi cân đối ngân sách địa phương 20.000 tỷ đồng, trong đó chi thường xuyên 12.600 tỷ đồng, chi sự nghiệp y tế 2.900 tỷ đồng, chi đầu tư phát triển 7.000 tỷ đồng.\n",
    "Tổng chi ngân sách địa phương 31.000 tỷ đồng, bao gồm chi cân đối ngân sách địa phương 27.500 tỷ đồng, chi đầu tư phát triển 9.800 tỷ đồng, chi các chương trình mục tiêu quốc gia 3.500 tỷ đồng.\n",
]


@pytest.mark.parametrize("line", NESTED)
def test_a_list_whose_items_nest_is_not_summed(tmp_path, line):
    _, findings, _ = run_text(tmp_path, RESOLUTION + "**Điều 2. Dự toán ngân sách năm 2026**\n\n" + line)
    assert alarms(findings) == []


SIBLINGS = [
    ("Chi cân đối ngân sách địa phương 20.000 tỷ đồng, trong đó chi thường xuyên 12.600 tỷ đồng, chi đầu tư phát triển 8.000 tỷ đồng.\n",
     ["12.600 tỷ đồng", "20.000 tỷ đồng", "8.000 tỷ đồng"]),
    ("Thu ngân sách nhà nước trên địa bàn 12.000 tỷ đồng, trong đó thu tiền sử dụng đất 2.400 tỷ đồng, thu từ khu vực ngoài quốc doanh 9.900 tỷ đồng.\n",
     ["12.000 tỷ đồng", "2.400 tỷ đồng", "9.900 tỷ đồng"]),
]


@pytest.mark.parametrize("line, texts", SIBLINGS)
def test_siblings_beyond_their_total_still_fail(tmp_path, line, texts):
    _, findings, _ = run_text(tmp_path, RESOLUTION + "**Điều 2. Dự toán ngân sách năm 2026**\n\n" + line)
    found = alarms(findings, "PW02")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == texts, findings



EDUCATION = "Chi sự nghiệp giáo dục - đào tạo và dạy nghề năm 2026 là 6.100 tỷ đồng.\n\n"
LEVEL_COLUMNS = ("**Biểu số 04. Chi thường xuyên năm 2026 theo lĩnh vực và cấp ngân sách**\n\n"
                 "*Đơn vị: tỷ đồng*\n\n"
                 "| STT | Nội dung | Tổng số | Ngân sách cấp tỉnh | Ngân sách cấp xã |\n"
                 "|---|---|---:|---:|---:|\n"
                 "| 1 | Chi sự nghiệp giáo dục - đào tạo và dạy nghề | 6.100 | 2.350 | 3.750 |\n"
                 "| 2 | Chi sự nghiệp y tế, dân số và gia đình | 1.420 | 1.260 | 160 |\n")


def test_a_budget_levels_column_is_not_the_whole_provinces(tmp_path):
    text = RESOLUTION + WHOLE.format(recurrent="16.400", education="6.100") + EDUCATION + LEVEL_COLUMNS
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings) == []



# A total with no name of its own, then its breakdown (`; trong đó chi thường xuyên B`): the
# total is not the part its breakdown names.
UNNAMED_TOTAL = ("**Điều 3. Phân bổ ngân sách các cấp năm 2026**\n\n"
                 "{lead} 7.450 tỷ đồng; trong đó chi thường xuyên 5.120 tỷ đồng, chi đầu tư phát triển 1.900 tỷ đồng.\n\n"
                 "Chi thường xuyên của ngân sách cấp xã năm 2026 là {again} tỷ đồng.\n")


@pytest.mark.parametrize("lead", ["Ngân sách cấp xã:", "Ngân sách cấp xã năm 2026 là", "Ngân sách cấp xã được phân bổ"])
def test_a_total_is_not_named_after_its_breakdowns_part(tmp_path, lead):
    _, findings, _ = run_text(tmp_path, RESOLUTION + UNNAMED_TOTAL.format(lead=lead, again="5.120"))
    assert alarms(findings) == []


def test_a_growth_keeps_the_name_its_quarters_share(tmp_path):
    text = (RESOLUTION.replace("NGHỊ QUYẾT", "BÁO CÁO") + "**1. Tăng trưởng kinh tế**\n\n"
            "Tổng sản phẩm trên địa bàn (GRDP) 6 tháng đầu năm 2025 ước tăng 8,4%, trong đó quý I tăng 7,9%, quý II tăng 8,8%.\n\n"
            "Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2025 đạt {again}.\n")
    assert alarms(run_text(tmp_path, text.format(again="8,4%"))[1]) == []
    found = alarms(run_text(tmp_path, text.format(again="8,1%"))[1], "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["8,1%", "8,4%"]

