"""Prose relations the blind drafts of round 7 showed unread, in our own words: a list of
parts after a count that a percentage or a yearly mean stands between (`kỷ luật N đảng viên,
bằng P%; trong đó khiển trách …`, `kết nạp N đảng viên, bình quân M đảng viên/năm; trong đó
A …`), a fraction with its percentage in a bracket (`1.285/4.150 tỷ đồng (30,1%)`), and a
share of a whole named after it (`chiếm P% số đảng viên bị kỷ luật`).  Each form has a case
that holds (silent) and one with a planted mismatch; the unsure forms stay silent."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text

HEAD = header("Gia Lai") + "# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025\n\n"

# (draft paragraph, the rules that must report)
CASES = [
    # The four forms of discipline are all of the members disciplined; the percentage between
    # the count and its list is a share of the count, no whole of the list.
    ("Đã thi hành kỷ luật 1.200 đảng viên, bằng 0,8% tổng số đảng viên; trong đó khiển trách 700, "
     "cảnh cáo 300, cách chức 120, khai trừ 80 trường hợp.", []),
    ("Đã thi hành kỷ luật 1.200 đảng viên, bằng 0,8% tổng số đảng viên; trong đó khiển trách 700, "
     "cảnh cáo 300, cách chức 100, khai trừ 80 trường hợp.", ["PW02"]),
    # Some forms only: they bound the count, no more.
    ("Đã thi hành kỷ luật 1.200 đảng viên, bằng 0,8% tổng số đảng viên; trong đó khiển trách 700, "
     "cảnh cáo 300 trường hợp.", []),
    # The former provinces listed after the mean a year break down the term's total.
    ("Nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 20.000 đảng viên, bình quân 4.000 đảng viên/năm; "
     "trong đó Bình Định (cũ) 9.000, Gia Lai (cũ) 11.000 đảng viên.", []),
    ("Nhiệm kỳ 2020 - 2025, toàn Đảng bộ kết nạp 20.000 đảng viên, bình quân 4.000 đảng viên/năm; "
     "trong đó Bình Định (cũ) 9.000, Gia Lai (cũ) 11.500 đảng viên.", ["PW01"]),
]


@pytest.mark.parametrize("text, rules", CASES)
def test_a_list_after_a_count_and_its_share_or_mean_breaks_down_the_count(tmp_path, text, rules):
    _, findings, _ = run_text(tmp_path, HEAD + text + "\n")
    assert sorted(f.rule for f in findings) == rules


def test_the_mean_a_year_is_its_own_measure_and_no_whole(tmp_path):
    facts, _, _ = run_text(tmp_path, HEAD + CASES[3][0] + "\n")
    mean = facts[facts["text"] == "4.000 đảng viên/năm"].iloc[0]
    assert mean["measure"] == "annual_mean"
    part = facts[facts["text"] == "9.000"].iloc[0]
    assert part["indicator"] == "new_party_members" and part["entity"] == "binh_dinh"
