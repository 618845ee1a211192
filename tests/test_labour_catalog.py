"""The labour force and the (overall) unemployment rate, which statistics releases and
yearly reports state: a rate's row in a count's unit is a slip of the unit, the same rate
in % is silent.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

REPORT = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 412/BC-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nThanh Hóa, ngày 05 tháng 12 năm 2025\n\n"
          "BÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n\n"
          "Biểu 3. Một số chỉ tiêu về lao động năm 2025\n"
          "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2024\tƯớc năm 2025\n"
          "1\tLực lượng lao động\tnghìn người\t2.112,4\t2.126,0\n"
          "2\tTỷ lệ thất nghiệp\t{unit}\t2,18\t2,05\n")


def test_an_unemployment_rates_row_in_a_count_unit_fails(tmp_path):
    found = alarms(run_text(tmp_path, REPORT.format(unit="nghìn người"))[1], "ST02")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["2,05", "2,18"]  # the row's cells


@pytest.mark.parametrize("unit", ["%", "Tỷ lệ %"])
def test_an_unemployment_rates_row_in_percent_is_silent(tmp_path, unit):
    assert alarms(run_text(tmp_path, REPORT.format(unit=unit))[1]) == []


def test_the_rate_stated_apart_from_its_row_fails(tmp_path):
    text = REPORT.format(unit="%") + "\nNăm 2025, tỷ lệ thất nghiệp chung ước còn 2,50%.\n"
    found = alarms(run_text(tmp_path, text)[1], "SV01")
    assert len(found) == 1 and sorted(figure_texts(found[0])) == ["2,05", "2,50%"]


COUNTS = ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 413/BC-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nThanh Hóa, ngày 05 tháng 12 năm 2025\n\n"
          "BÁO CÁO\nTình hình kinh tế - xã hội năm 2025\n\n"
          "Biểu 1. Kết quả thực hiện một số chỉ tiêu năm 2025\n"
          "STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch năm 2025\tƯớc thực hiện năm 2025\tSo sánh (%)\n"
          "1\t{label}\t{unit}\t{target}\t{actual}\t{ratio}\n")

COUNT_ROWS = [("Số lao động được giải quyết việc làm", "lao động"), ("Số doanh nghiệp thành lập mới", "doanh nghiệp")]


@pytest.mark.parametrize("label, unit", COUNT_ROWS)
def test_a_counts_row_in_percent_with_levels_far_past_any_rate_fails(tmp_path, label, unit):
    text = COUNTS.format(label=label, unit="%", target="45.000", actual="46.350", ratio="103,0")
    found = alarms(run_text(tmp_path, text)[1], "ST02")
    assert len(found) == 1 and figure_texts(found[0]) == ["45.000", "46.350"]  # the row's cells


@pytest.mark.parametrize("label, unit", COUNT_ROWS)
def test_a_counts_row_in_its_own_unit_or_a_small_percentage_is_silent(tmp_path, label, unit):
    assert alarms(run_text(tmp_path, COUNTS.format(label=label, unit=unit, target="45.000", actual="46.350",
                                                  ratio="103,0"))[1]) == []
    # (`%` over a row of growth rates: a rate, whatever its label, never a level's slip)
    assert alarms(run_text(tmp_path, COUNTS.format(label=label, unit="%", target="8,0", actual="8,3",
                                                  ratio="103,8"))[1]) == []


SEASONS = ("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSố: 190/BC-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\nThái Nguyên, ngày 05 tháng 7 năm 2025\n\n"
           "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2025\n\n"
           "Bảng 2. Sản xuất nông nghiệp 6 tháng năm 2025\n"
           "STT\tChỉ tiêu\tĐơn vị tính\tCùng kỳ năm 2024\tƯớc 6 tháng năm 2025\n"
           "1\tDiện tích lúa {season}\t{unit}\t41,2\t40,6\n"
           "2\tSản lượng lúa {season}\tnghìn tấn\t252,8\t249,9\n")


@pytest.mark.parametrize("season", ["vụ Đông Xuân", "vụ Chiêm Xuân", "cả vụ Xuân"])
def test_a_seasons_crop_area_in_tonnes_fails(tmp_path, season):
    found = alarms(run_text(tmp_path, SEASONS.format(season=season, unit="nghìn tấn"))[1], "ST02")
    assert len(found) == 1 and figure_texts(found[0])[0] in ("41,2", "40,6")


@pytest.mark.parametrize("season", ["vụ Đông Xuân", "vụ Chiêm Xuân"])
def test_a_seasons_crop_area_in_hectares_is_silent(tmp_path, season):
    assert alarms(run_text(tmp_path, SEASONS.format(season=season, unit="nghìn ha"))[1]) == []
