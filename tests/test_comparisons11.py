"""Comparisons of two stated levels (session 11), each as a class in short drafts of our own
and in several genres: a multiple between two named provinces whose levels the sentence gave
before it, of a thing no catalog indicator names; a multiple whose base level follows the
base's name (`gấp 1,5 lần B với 4.200 người`).  Each wording must fire on a planted mismatch,
stay silent with the right figure, and stay silent where the evidence is too weak."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text


def _alarms(tmp_path, body: str, province: str) -> list[tuple[str, list[str]]]:
    _, findings, _ = run_text(tmp_path, header(province) + "# I. KẾT QUẢ NĂM 2025\n\n" + body + "\n")
    return [(f.rule, figure_texts(f)) for f in alarms(findings)]


def _fires_on(found, text: str) -> bool:
    return any(text in texts for _, texts in found)


# Class 1: `A (cũ) N1 <noun>, B (cũ) N2 <noun>; … A (cũ) gấp M lần B (cũ)`, the noun unknown
# to the catalog (or a known unit), and `A cũ N1, gấp M lần B cũ với N2`.
# (province, sentence with {} for the multiple, right multiple, wrong multiple)
MULTIPLES = [
    ("Ninh Bình", "Toàn tỉnh cấp 4.818 giấy phép xây dựng. Trong đó Ninh Bình (cũ) 2.846 giấy phép, Hà Nam (cũ) "
                  "1.972 giấy phép; số giấy phép tại Ninh Bình (cũ) gấp {} lần Hà Nam (cũ).", "1,44", "1,64"),
    ("Quảng Ngãi", "Toàn tỉnh cấp 12.400 chứng thư số, trong đó Quảng Ngãi (cũ) 8.680 chứng thư, Kon Tum (cũ) "
                   "3.720 chứng thư; số chứng thư của khu vực Quảng Ngãi (cũ) gấp {} lần khu vực Kon Tum (cũ).",
     "2,33", "3,23"),
    ("Đắk Lắk", "Mưa lũ làm ngập 8.560 ngôi nhà, trong đó Đắk Lắk (cũ) 6.420 ngôi nhà, Phú Yên (cũ) 2.140 ngôi "
                "nhà; số nhà bị ngập tại Đắk Lắk (cũ) gấp {} lần Phú Yên (cũ).", "3,0", "2,3"),
    ("Tuyên Quang", "Tạo việc làm mới cho 31.200 lao động (Tuyên Quang cũ 18.900 người, gấp {} lần Hà Giang cũ "
                    "với 12.300 người).", "1,54", "1,45"),
    ("Bắc Ninh", "Toàn tỉnh có 160 học sinh đạt giải quốc gia, trong đó Bắc Ninh (cũ) 96 em, Bắc Giang (cũ) "
                 "64 em; số học sinh đạt giải của Bắc Ninh (cũ) gấp {} lần Bắc Giang (cũ).", "1,5", "1,8"),
    ("Lâm Đồng", "Thu từ khách du lịch đạt 33.665 tỷ đồng, trong đó Lâm Đồng (cũ) 31.480 tỷ đồng, Đắk Nông (cũ) "
                 "2.185 tỷ đồng; doanh thu của Lâm Đồng (cũ) gấp {} lần Đắk Nông (cũ).", "14,4", "13,4"),
    ("Tuyên Quang", "Số người hưởng trợ cấp thất nghiệp là 5.850 người (Tuyên Quang cũ 3.412 người, gấp {} lần "
                    "Hà Giang cũ là 2.438 người).", "1,40", "1,04"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", MULTIPLES)
def test_a_wrong_multiple_between_two_named_levels_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert _fires_on(found, f"{wrong} lần"), found


@pytest.mark.parametrize("province,sentence,right,wrong", MULTIPLES)
def test_a_right_multiple_between_two_named_levels_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


# Near misses: the evidence names no single pair of levels of one thing.
NEAR_MISSES = [
    # two levels of the numerator's province: which one is meant?
    ("Ninh Bình", "Trong đó Ninh Bình (cũ) 2.846 giấy phép và 1.120 hồ sơ, Hà Nam (cũ) 1.972 giấy phép; "
                  "Ninh Bình (cũ) gấp 1,9 lần Hà Nam (cũ)."),
    # the two levels count different things
    ("Ninh Bình", "Trong đó Ninh Bình (cũ) 2.846 giấy phép, Hà Nam (cũ) 1.972 hồ sơ; Ninh Bình (cũ) gấp "
                  "2,5 lần Hà Nam (cũ)."),
    # the level after `với` is in another unit
    ("Tuyên Quang", "Tạo việc làm mới cho 31.200 lao động (Tuyên Quang cũ 18.900 người, gấp 3,5 lần Hà Giang cũ "
                    "với 12.300 triệu đồng)."),
    # a level with no noun after it: what it counts is unknown
    ("Quảng Ngãi", "Trong đó Quảng Ngãi (cũ) 8.680, Kon Tum (cũ) 3.720; Quảng Ngãi (cũ) gấp 3,9 lần Kon Tum (cũ)."),
]


@pytest.mark.parametrize("province,sentence", NEAR_MISSES)
def test_a_multiple_without_one_pair_of_like_levels_is_silent(tmp_path, province, sentence):
    assert _alarms(tmp_path, sentence, province) == []


# Class 2: a growth between a count and its base in a bracket, of a noun the unit catalog
# does not know (`giấy phép`, `hồ sơ`, `em`, `mã số`): the same noun after both is the
# evidence that the two count one thing.
# (province, sentence with {} for the growth, right growth, wrong growth)
GROWTHS = [
    ("Ninh Bình", "Toàn tỉnh cấp 8.433 giấy phép xây dựng, tăng {}% so với năm 2024 (7.812 giấy phép).", "7,9", "9,7"),
    ("Vĩnh Long", "Tổng số học sinh đầu năm học là 686.633 em, tăng {}% so với năm học 2023 - 2024 (680.970 em).",
     "0,8", "1,9"),
    ("Hà Tĩnh", "Tiếp nhận 412.560 hồ sơ trực tuyến, tăng {}% so với cùng kỳ (356.200 hồ sơ).", "15,8", "18,5"),
    ("Huế", "Mưa lũ làm ngập 2.140 ngôi nhà, giảm {}% so với năm 2024 (3.560 ngôi nhà).", "39,9", "29,9"),
    ("Đồng Tháp", "Toàn tỉnh cấp mới 1.245 mã số vùng trồng (năm 2024: 1.080 mã số), tăng {}%.", "15,3", "13,5"),
    ("Phú Thọ", "Toàn tỉnh cấp 3.420 giấy phép lao động cho người nước ngoài, tăng {}% (cùng kỳ 2.980 giấy phép).",
     "14,8", "18,4"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", GROWTHS)
def test_a_wrong_growth_of_an_uncatalogued_count_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert _fires_on(found, f"{wrong}%"), found


@pytest.mark.parametrize("province,sentence,right,wrong", GROWTHS)
def test_a_right_growth_of_an_uncatalogued_count_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


GROWTH_NEAR_MISSES = [
    # the base counts another thing
    "Toàn tỉnh cấp 8.433 giấy phép xây dựng, tăng 25,0% so với năm 2024 (7.812 hồ sơ).",
    # the base names no noun: what it counts is unknown
    "Toàn tỉnh cấp 8.433 giấy phép xây dựng, tăng 25,0% so với năm 2024 (7.812).",
    # the base is a bound, not a level
    "Toàn tỉnh cấp 8.433 giấy phép xây dựng, tăng 25,0% so với năm 2024 (trên 7.800 giấy phép).",
    # a school year's growth with no base in a bracket: nothing to look it up by
    "Tổng số học sinh đầu năm học là 686.633 em, tăng 9,0% so với năm học 2023 - 2024.",
]


@pytest.mark.parametrize("sentence", GROWTH_NEAR_MISSES)
def test_a_growth_without_a_like_base_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Ninh Bình") == []


# Class 3: a change in points between a rate and its base rate named by its period, in a
# bracket or after `so với` (a rise: A − B; a fall: B − A).
# (province, sentence with {} for the change, right change, wrong change)
POINTS = [
    ("Ninh Bình", "Tỷ lệ đô thị hóa của Nam Định (cũ) đạt 22,4% (năm 2024 là 21,4%, tăng {} điểm phần trăm).",
     "1,0", "1,6"),
    ("Cà Mau", "Tỷ lệ hộ nghèo cuối năm còn 4,19% (giảm {} điểm phần trăm so với đầu năm là 6,02%).", "1,83", "1,38"),
    ("Cần Thơ", "Tỷ lệ lao động qua đào tạo đạt 80,0%, tăng {} điểm % so với năm 2024 (72,2%).", "7,8", "8,7"),
    ("Bắc Ninh", "Tỷ lệ bao phủ bảo hiểm y tế đạt 95,1%, cao hơn {} điểm phần trăm so với cùng kỳ (93,9%).",
     "1,2", "2,1"),
    ("Hà Tĩnh", "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình đạt 68,5% (năm 2024: 66,2%), tăng {} điểm phần trăm.",
     "2,3", "3,2"),
    ("Gia Lai", "Tỷ lệ trường đạt chuẩn quốc gia đạt 71,6%, tăng {} điểm phần trăm so với năm trước là 69,4%.",
     "2,2", "2,8"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", POINTS)
def test_a_wrong_change_in_points_between_two_rates_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert any(f"{wrong} điểm" in " ".join(texts) for _, texts in found), found


@pytest.mark.parametrize("province,sentence,right,wrong", POINTS)
def test_a_right_change_in_points_between_two_rates_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


POINTS_NEAR_MISSES = [
    # a yearly mean of the change: RT05's, with its years
    "Tỷ lệ hộ nghèo còn 4,19% (giảm bình quân 0,9 điểm phần trăm mỗi năm so với năm 2020 là 8,02%).",
    # what the bracket holds is no rate
    "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 68,5% (năm 2024: 41.250 hồ sơ), tăng 9,2 điểm phần trăm.",
    # the change names another base after it than the bracket's
    "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 68,5% (năm 2024: 66,2%), tăng 9,2 điểm phần trăm so với kế hoạch.",
    # the rate after `so với` is of no period: a target, not a base
    "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 68,5%, tăng 9,2 điểm phần trăm so với chỉ tiêu là 60%.",
]


@pytest.mark.parametrize("sentence", POINTS_NEAR_MISSES)
def test_a_change_in_points_without_two_rates_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Ninh Bình") == []


# Class 4: a difference between a level and its base level, all in one unit: the base after
# `so với <period>` in a bracket or after `là`, in a bracket before the change, or named in a
# bracket (`trên mức báo động III (B) là D`).
# (province, sentence with {} for the difference, right difference, wrong difference)
DIFFERENCES = [
    ("Cà Mau", "Đến cuối năm toàn xã còn 287 hộ nghèo, giảm {} hộ so với đầu năm (412 hộ).", "125", "152"),
    ("Huế", "Đỉnh lũ sông Hương tại trạm Kim Long đạt 5,12 m (ngày 29/10), trên mức báo động III (3,50 m) là {} m.",
     "1,62", "1,26"),
    ("Quảng Ninh", "Thu nội địa đạt 42.290,8 tỷ đồng, bằng 96,1% dự toán, cao hơn {} tỷ đồng so với cùng kỳ là "
                   "38.158,6 tỷ đồng.", "4.132,2", "4.312,2"),
    ("Đắk Lắk", "Số doanh nghiệp thành lập mới là 2.845 doanh nghiệp (năm 2024: 2.610 doanh nghiệp), tăng {} "
                "doanh nghiệp.", "235", "253"),
    ("Lâm Đồng", "Diện tích rừng trồng mới đạt 12.450 ha, thấp hơn {} ha so với năm trước (13.120 ha).", "670", "760"),
    ("Hà Tĩnh", "Mực nước hồ Kẻ Gỗ ở cao trình 31,8 m, dưới mực nước dâng bình thường (32,5 m) là {} m.", "0,7", "0,9"),
    ("Quảng Ninh", "Chỉ số PCI đạt 68,4 điểm (năm 2024 là 66,1 điểm, tăng {} điểm).", "2,3", "1,6"),
    ("Hải Phòng", "Cảng biển đón 3.840 lượt tàu, nhiều hơn {} lượt tàu so với năm 2024 (3.615 lượt tàu).",
     "225", "252"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", DIFFERENCES)
def test_a_wrong_difference_between_two_levels_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert any(t == wrong or t.startswith(wrong + " ") for _, texts in found for t in texts), found


@pytest.mark.parametrize("province,sentence,right,wrong", DIFFERENCES)
def test_a_right_difference_between_two_levels_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


DIFFERENCE_NEAR_MISSES = [
    # the difference is in another unit than the levels
    "Đỉnh lũ đạt 5,12 m, trên mức báo động III (3,50 m) là 3 ngày.",
    # the base is a rate, the level a count
    "Số hộ nghèo còn 287 hộ, giảm 300 hộ so với đầu năm (6,02%).",
    # a yearly mean of the change
    "Số hộ nghèo còn 287 hộ, giảm bình quân 40 hộ mỗi năm so với năm 2020 (412 hộ).",
    # the base is a bound, not a level
    "Số hộ nghèo còn 287 hộ, giảm 200 hộ so với đầu năm (trên 400 hộ).",
    # the change names another base after it than the bracket's
    "Số doanh nghiệp thành lập mới là 2.845 doanh nghiệp (năm 2024: 2.610 doanh nghiệp), tăng 300 doanh nghiệp "
    "so với kế hoạch.",
    # two levels of one count before the change (the level and the total it is a part of): which one changed?
    "Cuối năm toàn xã còn 287 hộ nghèo trên tổng số 5.120 hộ, tỷ lệ 5,61%, giảm 125 hộ so với đầu năm (412 hộ).",
    "Có 2.450 lao động có việc làm trong tổng số 3.100 lao động trong độ tuổi, tăng 120 lao động so với năm "
    "trước (2.330 lao động).",
    "Diện tích lúa đạt 8.200 ha trên 9.500 ha đất canh tác, tăng 300 ha so với năm 2024 (7.900 ha).",
]


@pytest.mark.parametrize("sentence", DIFFERENCE_NEAR_MISSES)
def test_a_difference_without_like_levels_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Cà Mau") == []


# Class 5: a multiple between two places or sectors the entity catalog does not know
# (communes, districts, hospitals, crops), each named before its level in the sentence and
# named again around the multiple.
LABELLED = [
    ("Cà Mau", "Theo địa bàn: xã Tân Lợi (cũ) 3.240 tấn, xã Hưng Điền (cũ) 2.790 tấn, xã Vĩnh Phong Tây (cũ) "
               "3.990 tấn; sản lượng tôm của xã Vĩnh Phong Tây (cũ) gấp {} lần xã Hưng Điền (cũ).", "1,43", "1,34"),
    ("Lai Châu", "Diện tích trồng quế 1.660 ha, trong đó huyện Mường Tè 1.245 ha, huyện Sìn Hồ 415 ha; diện tích "
                 "của huyện Mường Tè gấp {} lần huyện Sìn Hồ.", "3,0", "2,4"),
    ("Quảng Ngãi", "Vốn đầu tư đạt 63.890 tỷ đồng: khu vực ngoài Nhà nước 41.580 tỷ đồng, khu vực Nhà nước 22.310 "
                   "tỷ đồng; khu vực ngoài Nhà nước gấp {} lần khu vực Nhà nước.", "1,86", "1,68"),
    ("Hà Tĩnh", "Bệnh viện Đa khoa tỉnh 412.500 lượt khám, Bệnh viện Y học cổ truyền 96.800 lượt khám; số lượt khám "
                "tại Bệnh viện Đa khoa tỉnh gấp {} lần Bệnh viện Y học cổ truyền.", "4,26", "4,62"),
    ("Đồng Tháp", "Gieo trồng 98.770 ha, trong đó cây lúa 86.420 ha, cây ngô 12.350 ha; diện tích cây lúa gấp {} "
                  "lần cây ngô.", "7,0", "7,7"),
    ("Đà Nẵng", "Trong đó phường Hải Châu 1.845 hộ kinh doanh, phường Thanh Khê 1.230 hộ kinh doanh; phường Hải "
                "Châu gấp {} lần phường Thanh Khê.", "1,5", "1,2"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", LABELLED)
def test_a_wrong_multiple_between_two_named_places_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert _fires_on(found, f"{wrong} lần"), found


@pytest.mark.parametrize("province,sentence,right,wrong", LABELLED)
def test_a_right_multiple_between_two_named_places_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


LABELLED_NEAR_MISSES = [
    # the two levels are in different units
    "Trong đó huyện Mường Tè 1.245 ha, huyện Sìn Hồ 415 tấn; huyện Mường Tè gấp 4 lần huyện Sìn Hồ.",
    # the base named has no level before it
    "Trong đó xã Tân Lợi (cũ) 3.240 tấn, xã Hưng Điền (cũ) 2.790 tấn; xã Tân Lợi (cũ) gấp 2 lần xã Phong Lạc.",
    # one-word names are too weak to join on
    "Trong đó lúa 86.420 ha, ngô 12.350 ha; lúa gấp 9 lần ngô.",
]


@pytest.mark.parametrize("sentence", LABELLED_NEAR_MISSES)
def test_a_multiple_between_places_without_one_named_pair_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Cà Mau") == []


# Class 6: a change stated after an end level, of the start level its sentence gave before
# (`đầu năm có A …; đến cuối năm còn B, giảm D`), of counts or of rates (in points).
START_END = [
    ("Cà Mau", "Đầu năm toàn xã có 412 hộ nghèo (136 hộ, 148 hộ, 128 hộ tương ứng ba xã cũ); đến cuối năm còn 287 "
               "hộ (95, 104 và 88 hộ), giảm {} hộ.", "125", "152"),
    ("Thái Nguyên", "Năm 2020 toàn tỉnh có 1.245 hợp tác xã, đến năm 2025 có 1.530 hợp tác xã, tăng {} hợp tác xã.",
     "285", "258"),
    ("Gia Lai", "Theo kết quả rà soát, cuối năm 2021 toàn tỉnh có 63.034 hộ nghèo, tỷ lệ 7,55%; đến cuối năm 2025 "
                "còn 20.606 hộ nghèo, tỷ lệ 2,33%, giảm {} điểm phần trăm.", "5,22", "5,12"),
    ("Đồng Tháp", "Trước sắp xếp tỉnh có 250 đơn vị hành chính cấp xã, sau sắp xếp còn 102 đơn vị, giảm {} đơn vị.",
     "148", "184"),
    ("Gia Lai", "Cuối năm 2021 tỷ lệ hộ nghèo là 7,55%; đến cuối năm 2025 còn 2,33%, giảm {} điểm phần trăm so với "
                "cuối năm 2021.", "5,22", "5,12"),
    ("Sơn La", "Năm 2024 có 56 xã đạt chuẩn nông thôn mới nâng cao; đến hết năm 2025 có 74 xã, tăng {} xã.", "18", "16"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", START_END)
def test_a_wrong_change_from_a_start_level_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert any(t == wrong or t.startswith(wrong + " ") for _, texts in found for t in texts), found


@pytest.mark.parametrize("province,sentence,right,wrong", START_END)
def test_a_right_change_from_a_start_level_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


START_END_NEAR_MISSES = [
    # two start levels of the same kind: which one the change is from is unsure
    "Năm 2020 có 1.245 hợp tác xã, năm 2022 có 1.380 hợp tác xã, đến năm 2025 có 1.530 hợp tác xã, tăng 999 hợp tác xã.",
    # no start named: the level before may be of anything
    "Toàn tỉnh có 1.245 hợp tác xã, đến năm 2025 có 1.530 hợp tác xã, tăng 999 hợp tác xã.",
    # the change is in another unit than the levels
    "Năm 2020 có 1.245 hợp tác xã, đến năm 2025 có 1.530 hợp tác xã, tăng 999 tỷ đồng.",
    # the change is set against another period than the start's
    "Năm 2020 có 1.245 hợp tác xã, đến năm 2025 có 1.530 hợp tác xã, tăng 120 hợp tác xã so với năm 2024.",
]


@pytest.mark.parametrize("sentence", START_END_NEAR_MISSES)
def test_a_change_without_one_start_level_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Thái Nguyên") == []


# Class 7: a multiple whose sentence states no level, naming two provinces whose levels the
# list items right before it give (one each).
LISTED = [
    ("Lâm Đồng", "Tổng thu từ khách du lịch ước đạt 63.425 tỷ đồng. Trong đó:\n"
                 "- Khu vực Lâm Đồng (cũ): 31.480 tỷ đồng, tăng 12,8%;\n"
                 "- Khu vực Bình Thuận (cũ): 29.760 tỷ đồng, tăng 14,4%;\n"
                 "- Khu vực Đắk Nông (cũ): 2.185 tỷ đồng, tăng 17,3%.\n"
                 "Doanh thu của khu vực Lâm Đồng (cũ) gấp {} lần khu vực Đắk Nông (cũ).", "14,4", "13,4"),
    ("Thái Nguyên", "Số giường bệnh toàn tỉnh đạt 7.260 giường, trong đó:\n"
                    "- Thái Nguyên (cũ): 5.120 giường;\n"
                    "- Bắc Kạn (cũ): 2.140 giường.\n"
                    "Số giường bệnh của Thái Nguyên (cũ) gấp {} lần Bắc Kạn (cũ).", "2,39", "2,93"),
    ("Bắc Ninh", "Học sinh đạt giải quốc gia:\n"
                 "- Bắc Ninh (cũ): 96 em;\n"
                 "- Bắc Giang (cũ): 64 em.\n"
                 "Số em đạt giải của Bắc Ninh (cũ) gấp {} lần Bắc Giang (cũ).", "1,5", "1,8"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", LISTED)
def test_a_wrong_multiple_after_a_list_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert _fires_on(found, f"{wrong} lần"), found


@pytest.mark.parametrize("province,sentence,right,wrong", LISTED)
def test_a_right_multiple_after_a_list_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


LISTED_NEAR_MISSES = [
    # two levels of the numerator's province in the list: which one is meant?
    "Trong đó:\n- Lâm Đồng (cũ): 31.480 tỷ đồng, 1.250 cơ sở lưu trú;\n- Đắk Nông (cũ): 2.185 tỷ đồng.\n"
    "Lâm Đồng (cũ) gấp 99 lần Đắk Nông (cũ).",
    # the list is not right before the multiple (a paragraph between)
    "Trong đó:\n- Lâm Đồng (cũ): 31.480 tỷ đồng;\n- Đắk Nông (cũ): 2.185 tỷ đồng.\n\n"
    "Công tác quảng bá được đẩy mạnh với nhiều sự kiện lớn.\n\nLâm Đồng (cũ) gấp 99 lần Đắk Nông (cũ).",
    # the two levels are in different units
    "Trong đó:\n- Lâm Đồng (cũ): 31.480 tỷ đồng;\n- Đắk Nông (cũ): 2.185 cơ sở.\nLâm Đồng (cũ) gấp 99 lần Đắk Nông (cũ).",
]


@pytest.mark.parametrize("sentence", LISTED_NEAR_MISSES)
def test_a_multiple_after_a_list_without_one_pair_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Lâm Đồng") == []


# Class 8: a percentage of another province's level (`chỉ bằng P% mức của B (cũ)`), each
# province's level stated once before it in the sentence.
PERCENT_OF = [
    ("Đồng Nai", "GRDP bình quân đầu người: Đồng Nai (cũ) 170,8 triệu đồng, Bình Phước (cũ) 106,0 triệu đồng, chỉ "
                 "bằng {}% mức của Đồng Nai (cũ).", "62,1", "61,2"),
    ("Ninh Bình", "Thu nội địa: Hà Nam (cũ) 1.972 tỷ đồng, Nam Định (cũ) 3.615 tỷ đồng; thu của Hà Nam (cũ) bằng {}% "
                  "Nam Định (cũ).", "54,6", "45,6"),
    ("Cà Mau", "Sản lượng thủy sản: Bạc Liêu (cũ) 412.300 tấn, Cà Mau (cũ) 628.500 tấn; sản lượng của Bạc Liêu (cũ) "
               "bằng {}% Cà Mau (cũ).", "65,6", "56,6"),
]


@pytest.mark.parametrize("province,sentence,right,wrong", PERCENT_OF)
def test_a_wrong_percentage_of_another_province_fires(tmp_path, province, sentence, right, wrong):
    found = _alarms(tmp_path, sentence.format(wrong), province)
    assert _fires_on(found, f"{wrong}%"), found


@pytest.mark.parametrize("province,sentence,right,wrong", PERCENT_OF)
def test_a_right_percentage_of_another_province_is_silent(tmp_path, province, sentence, right, wrong):
    assert _alarms(tmp_path, sentence.format(right), province) == []


PERCENT_OF_NEAR_MISSES = [
    # a plan, not a province, after the percentage
    "Thu nội địa: Hà Nam (cũ) 1.972 tỷ đồng, bằng 45,6% kế hoạch.",
    # two levels of the percentage's province: which one is meant?
    "Hà Nam (cũ) 1.972 tỷ đồng và 850 tỷ đồng, Nam Định (cũ) 3.615 tỷ đồng; Hà Nam (cũ) bằng 45,6% Nam Định (cũ).",
    # the two levels are in different units
    "Hà Nam (cũ) 1.972 tỷ đồng, Nam Định (cũ) 3.615 tấn; Hà Nam (cũ) bằng 45,6% Nam Định (cũ).",
]


@pytest.mark.parametrize("sentence", PERCENT_OF_NEAR_MISSES)
def test_a_percentage_without_one_pair_of_provinces_is_silent(tmp_path, sentence):
    assert _alarms(tmp_path, sentence, "Ninh Bình") == []
