"""Late false alarms on budget and plan figures: what a budget level (`ngân sách cấp
tỉnh`, `cấp xã`) lists under it is that level's part, not the whole province's item.
Each silent case was a false alarm before its fix; each planted mismatch must still
fail.  Drafts in our own words, figures invented."""

from __future__ import annotations

from tests.conftest import alarms, figure_texts, run_text

RESOLUTION = ("HỘI ĐỒNG NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc\n"
              "Số: 41/NQ-HĐND\tNghệ An, ngày 10 tháng 12 năm 2025\n\n"
              "NGHỊ QUYẾT\nVề dự toán ngân sách địa phương năm 2026\n\n")

LEVELS = (
    "**Điều 2. Dự toán chi ngân sách địa phương năm 2026**\n\n"
    "Tổng chi cân đối ngân sách địa phương 28.800 tỷ đồng, gồm: chi đầu tư phát triển 11.200 tỷ đồng; "
    "chi thường xuyên {all_recurrent} tỷ đồng.\n\n"
    "**Điều 3. Phân bổ ngân sách các cấp năm 2026**\n\n"
    "Ngân sách cấp tỉnh: 18.900 tỷ đồng, chiếm 58,3% tổng chi ngân sách địa phương; trong đó chi thường xuyên 8.150 tỷ đồng.\n\n"
    "Tổng chi ngân sách địa phương năm 2026 là 32.400 tỷ đồng; trong đó chi thường xuyên {again} tỷ đồng.\n")


def test_a_budget_levels_part_is_not_the_whole_provinces_item(tmp_path):
    _, findings, _ = run_text(tmp_path, RESOLUTION + LEVELS.format(all_recurrent="17.600", again="17.600"))
    assert alarms(findings) == []


def test_a_whole_item_stated_twice_apart_still_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, RESOLUTION + LEVELS.format(all_recurrent="17.600", again="16.700"))
    found = alarms(findings, "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["16.700 tỷ đồng", "17.600 tỷ đồng"]
