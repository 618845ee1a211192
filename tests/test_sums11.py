"""Sums and merged totals whose evidence is the sentence's own structure, not the catalog:
a total no indicator names, followed by a list naming every former province of its merged
province, each part writing the total's unit again (`… hồ sơ, trong đó A (cũ) … hồ sơ, B
(cũ) … hồ sơ`), or a bracket whose province names carry their own `(cũ)`.  Each phrasing
fires on a planted slip, stays silent with the right figures, and stays silent where the
list may not be all of the total.  Drafts in our own words, several genres."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, run_text

HEAD = "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2025 CỦA TỈNH {province}\n\n"


def _alarm_texts(text: str, tmp_path, province: str) -> list[list[str]]:
    _, findings, _ = run_text(tmp_path, HEAD.format(province=province) + text + "\n", "bc.txt")
    return [figure_texts(f) for f in alarms(findings)]


def _fires_on(texts: list[list[str]], total: str) -> bool:
    return any(any(total in t for t in figs) for figs in texts)


# (province, sentence with {total}, right total, wrong total): the parts are all the
# merged province's former provinces, in the total's own unit.
SPLIT_BY_FORMERS = [
    # digital government: `trong đó`, `khu vực A cũ`
    ("QUẢNG NGÃI", "Cổng dịch vụ công của tỉnh đã tiếp nhận {total} hồ sơ, trong đó khu vực Quảng Ngãi cũ "
     "402.115 hồ sơ, khu vực Kon Tum cũ 187.240 hồ sơ.", "589.355", "589.535"),
    # social policy: `trong đó`, `A (cũ)` with a nested bracket
    ("HẢI PHÒNG", "Cuối năm toàn thành phố còn {total} hộ nghèo theo chuẩn đa chiều, trong đó Hải Phòng (cũ) "
     "1.506 hộ, Hải Dương (cũ) 2.377 hộ.", "3.883", "3.838"),
    # labour: a bracket whose names carry their own `(cũ)`
    ("HẢI PHÒNG", "Số lao động có việc làm ước {total} nghìn người (Hải Phòng (cũ) 1.187,2 nghìn người, "
     "Hải Dương (cũ) 1.093,5 nghìn người).", "2.280,7", "2.287,0"),
    # construction: `gồm`, three former provinces
    ("NINH BÌNH", "Trong năm hoàn thành {total} căn nhà ở xã hội, gồm Ninh Bình (cũ) 1.120 căn, Hà Nam (cũ) "
     "2.045 căn và Nam Định (cũ) 1.633 căn.", "4.798", "4.789"),
    # disaster damage: a bracket with `;`, names with `(cũ)`
    ("LÂM ĐỒNG", "Mưa lũ làm hư hỏng {total} ngôi nhà (Lâm Đồng (cũ) 612 ngôi nhà; Bình Thuận (cũ) 254 ngôi "
     "nhà; Đắk Nông (cũ) 131 ngôi nhà).", "997", "979"),
    # agriculture: `trong đó`, `tỉnh A cũ`, an area
    ("ĐẮK LẮK", "Diện tích cây sầu riêng đạt {total} ha, trong đó tỉnh Đắk Lắk cũ 36.240 ha, tỉnh Phú Yên "
     "cũ 4.185 ha.", "40.425", "40.452"),
    # permits: `với … và …` after a comma
    ("GIA LAI", "Trong năm đã tiếp nhận {total} hồ sơ cấp phép, với Gia Lai (cũ) 1.300 hồ sơ và Bình Định (cũ) "
     "1.150 hồ sơ.", "2.450", "2.540"),
    # housing support: `trong đó:` with `;` between the parts
    ("GIA LAI", "Số hộ được hỗ trợ sửa chữa nhà ở là {total} hộ, trong đó: Gia Lai (cũ) 1.640 hộ; Bình Định (cũ) "
     "1.507 hộ.", "3.147", "3.210"),
    # disaster relief budget: `bao gồm:`
    ("GIA LAI", "Tổng chi hỗ trợ khắc phục hậu quả mưa lũ là {total} tỷ đồng, bao gồm: Gia Lai (cũ) 402,6 tỷ "
     "đồng; Bình Định (cũ) 432,6 tỷ đồng.", "835,2", "845,2"),
    # forestry: `tại A (cũ)`
    ("GIA LAI", "Diện tích rừng trồng mới đạt {total} ha, trong đó tại Gia Lai (cũ) 9.150 ha, tại Bình Định (cũ) "
     "6.420 ha.", "15.570", "15.750"),
    # tourism labour: `trong đó`, three formers
    ("LÂM ĐỒNG", "Lao động làm việc trong các cơ sở lưu trú ước {total} người, trong đó Lâm Đồng (cũ) 21.400 "
     "người, Bình Thuận (cũ) 17.350 người, Đắk Nông (cũ) 2.160 người.", "40.910", "40.190"),
]


@pytest.mark.parametrize("province, sentence, right, wrong", SPLIT_BY_FORMERS)
def test_a_total_split_into_every_former_province_is_their_sum(tmp_path, province, sentence, right, wrong):
    assert _fires_on(_alarm_texts(sentence.format(total=wrong), tmp_path, province), wrong)
    assert _alarm_texts(sentence.format(total=right), tmp_path, province) == []


# Near misses: the list may be only some of the total, so a total above the parts' sum is
# no slip; none of these may fire.
NOT_ALL_OF_IT = [
    # one former province only
    ("QUẢNG NGÃI", "Cổng dịch vụ công của tỉnh đã tiếp nhận 650.000 hồ sơ, trong đó khu vực Kon Tum cũ "
     "187.240 hồ sơ."),
    # the parts narrow the total to a kind (`trực tuyến`)
    ("QUẢNG NGÃI", "Cổng dịch vụ công của tỉnh đã tiếp nhận 650.000 hồ sơ, trong đó hồ sơ trực tuyến khu "
     "vực Quảng Ngãi cũ 402.115 hồ sơ, khu vực Kon Tum cũ 187.240 hồ sơ."),
    # the parts count another noun than the total
    ("HẢI PHÒNG", "Cuối năm toàn thành phố còn 9.500 nhân khẩu nghèo, trong đó Hải Phòng (cũ) 1.506 hộ, "
     "Hải Dương (cũ) 2.377 hộ."),
    # `kể cả`: what the total includes, not how it splits
    ("NINH BÌNH", "Trong năm hoàn thành 6.000 căn nhà ở, kể cả Ninh Bình (cũ) 1.120 căn, Hà Nam (cũ) "
     "2.045 căn và Nam Định (cũ) 1.633 căn."),
    # a rate: the parts do not add up to it
    ("HẢI PHÒNG", "Tỷ lệ hộ nghèo còn 0,45%, trong đó Hải Phòng (cũ) 0,30%, Hải Dương (cũ) 0,62%."),
]


@pytest.mark.parametrize("province, sentence", NOT_ALL_OF_IT)
def test_a_list_that_may_not_be_all_of_the_total_stays_silent(tmp_path, province, sentence):
    assert _alarm_texts(sentence, tmp_path, province) == []


# (province, sentence with {value}, a value within the parts, one outside them): a rate or a
# mean no catalog indicator names, listed with every former province's own value.
AVERAGED_BY_FORMERS = [
    # construction: area per person, `trong đó`, three formers
    ("NINH BÌNH", "Diện tích sàn nhà ở bình quân toàn tỉnh đạt {value} m²/người, trong đó Ninh Bình (cũ) "
     "28,9 m²/người, Hà Nam (cũ) 31,2 m²/người, Nam Định (cũ) 29,5 m²/người.", "29,7", "31,6"),
    # digital transformation: a percentage, `trong đó khu vực A cũ`
    ("QUẢNG NGÃI", "Tỷ lệ hồ sơ thanh toán trực tuyến đạt {value}%, trong đó khu vực Quảng Ngãi cũ 71,4%, "
     "khu vực Kon Tum cũ 64,8%.", "69,5", "73,0"),
    # agriculture: a yield per hectare, `gồm`
    ("ĐẮK LẮK", "Năng suất cà phê nhân bình quân đạt {value} tạ/ha, gồm Đắk Lắk (cũ) 29,4 tạ/ha và Phú Yên "
     "(cũ) 21,7 tạ/ha.", "28,9", "30,2"),
    # livestock: kilograms per head of population, a bracket whose names carry `(cũ)`
    ("LÂM ĐỒNG", "Sản lượng thịt hơi bình quân đầu người đạt {value} kg/người (Lâm Đồng (cũ) 62,4 kg/người, "
     "Bình Thuận (cũ) 48,1 kg/người, Đắk Nông (cũ) 71,6 kg/người).", "57,0", "73,5"),
    # clean water: `địa bàn A (cũ)`, each part with its own bracketed count
    ("GIA LAI", "Tỷ lệ hộ sử dụng nước sạch đạt {value}%; trong đó địa bàn Gia Lai (cũ) 88,1% (312.400 hộ), "
     "địa bàn Bình Định (cũ) 95,6% (498.200 hộ).", "92,7", "96,2"),
    # education: a percentage after a colon
    ("HẢI PHÒNG", "Tỷ lệ trường đạt chuẩn quốc gia đạt {value}%: Hải Phòng (cũ) 78,2%; Hải Dương (cũ) 83,5%.",
     "80,6", "77,4"),
]


@pytest.mark.parametrize("province, sentence, right, wrong", AVERAGED_BY_FORMERS)
def test_a_merged_rate_lies_between_its_former_provinces(tmp_path, province, sentence, right, wrong):
    assert _fires_on(_alarm_texts(sentence.format(value=wrong), tmp_path, province), wrong)
    assert _alarm_texts(sentence.format(value=right), tmp_path, province) == []


# Near misses for rates: a growth (the parts' growths need not bracket it the same way when
# written as a change of a rate), one former only, parts of another kind.
RATE_NOT_BOUNDED = [
    ("NINH BÌNH", "Diện tích sàn nhà ở bình quân toàn tỉnh đạt 33,0 m²/người, trong đó Hà Nam (cũ) "
     "31,2 m²/người."),
    ("QUẢNG NGÃI", "Tỷ lệ hồ sơ trực tuyến đạt 80,0%, trong đó hồ sơ thanh toán khu vực Quảng Ngãi cũ 71,4%, "
     "khu vực Kon Tum cũ 64,8%."),
    ("HẢI PHÒNG", "Tỷ lệ hộ nghèo giảm 0,45 điểm phần trăm, trong đó Hải Phòng (cũ) giảm 0,30 điểm phần trăm, "
     "Hải Dương (cũ) giảm 0,62 điểm phần trăm."),
]


@pytest.mark.parametrize("province, sentence", RATE_NOT_BOUNDED)
def test_a_rate_whose_list_is_not_every_former_province_stays_silent(tmp_path, province, sentence):
    assert _alarm_texts(sentence, tmp_path, province) == []


def test_a_list_by_another_dimension_keeps_the_total_split_by_former_provinces(tmp_path):
    # the total is split twice: by former province (`trong đó`), then by level (`Theo cấp
    # học:`); the second list is still summed: 211.400 + 318.250 + 247.900 + 139.980 = 917.530
    sentence = ("Năm học 2025 - 2026, toàn tỉnh có {total} học sinh, trong đó khu vực Bắc Giang (cũ) 490.210 "
                "học sinh, khu vực Bắc Ninh (cũ) 427.320 học sinh. Theo cấp học: mầm non 211.400 học sinh; "
                "tiểu học 318.250 học sinh; trung học cơ sở 247.900 học sinh; trung học phổ thông 139.980 học sinh.")
    assert _alarm_texts(sentence.format(total="917.530"), tmp_path, "BẮC NINH") == []
    assert _fires_on(_alarm_texts(sentence.format(total="917.350"), tmp_path, "BẮC NINH"), "917.350")
    wrong_level = sentence.format(total="917.530").replace("247.900", "249.700")
    assert _fires_on(_alarm_texts(wrong_level, tmp_path, "BẮC NINH"), "249.700")


# Near misses where whose list it is, or whether it is all of the total, is unclear.
UNCLEAR_SPLIT = [
    # two totals of the same unit before the cue: either may be split
    ("GIA LAI", "Cuối năm toàn tỉnh còn 9.870 hộ nghèo và 7.200 hộ cận nghèo, trong đó Gia Lai (cũ) 5.100 hộ, "
     "Bình Định (cũ) 4.770 hộ."),
    # words after the last part narrow every part
    ("GIA LAI", "Cổng dịch vụ công tiếp nhận 52.400 hồ sơ, trong đó Gia Lai (cũ) 20.100 hồ sơ, Bình Định (cũ) "
     "18.900 hồ sơ là hồ sơ nộp trực tuyến."),
    # a verb before the parts narrows them
    ("GIA LAI", "Cổng dịch vụ công tiếp nhận 52.400 hồ sơ, trong đó đã giải quyết đúng hạn tại Gia Lai (cũ) "
     "20.100 hồ sơ, Bình Định (cũ) 28.900 hồ sơ."),
    # words after the last part narrow every part, under a total the catalog names
    ("GIA LAI", "Toàn tỉnh có 3.500 hộ được hỗ trợ xóa nhà tạm, trong đó Gia Lai (cũ) 1.100 hộ, Bình Định (cũ) "
     "900 hộ là hộ đồng bào dân tộc thiểu số."),
    # a rate whose parts are narrowed after the last one
    ("GIA LAI", "Tỷ lệ hồ sơ trực tuyến đạt 80,0%, trong đó Gia Lai (cũ) 71,4%, Bình Định (cũ) 64,8% đối với "
     "thủ tục đất đai."),
]


@pytest.mark.parametrize("province, sentence", UNCLEAR_SPLIT)
def test_a_list_whose_total_or_extent_is_unclear_stays_silent(tmp_path, province, sentence):
    assert _alarm_texts(sentence, tmp_path, province) == []


# A bare total whose clause names, before it, the count noun its parts are written in.
NOUN_BEFORE_TOTAL = [
    ("VĨNH LONG", "Số hộ nghèo toàn tỉnh cuối năm là {total}, trong đó Vĩnh Long (cũ) 1.210 hộ, Bến Tre (cũ) "
     "1.700 hộ, Trà Vinh (cũ) 1.240 hộ.", "4.150", "4.510"),
    ("QUẢNG NGÃI", "Tổng số hồ sơ thủ tục hành chính tiếp nhận trong năm là {total}, trong đó khu vực Quảng Ngãi "
     "cũ 402.115 hồ sơ, khu vực Kon Tum cũ 187.240 hồ sơ.", "589.355", "589.535"),
    ("NINH BÌNH", "Số căn nhà ở xã hội hoàn thành đạt {total}, gồm Ninh Bình (cũ) 1.120 căn, Hà Nam (cũ) "
     "2.045 căn và Nam Định (cũ) 1.633 căn.", "4.798", "4.879"),
]


@pytest.mark.parametrize("province, sentence, right, wrong", NOUN_BEFORE_TOTAL)
def test_a_bare_total_counting_the_noun_named_before_it_is_its_parts_sum(tmp_path, province, sentence, right,
                                                                         wrong):
    assert _fires_on(_alarm_texts(sentence.format(total=wrong), tmp_path, province), wrong)
    assert _alarm_texts(sentence.format(total=right), tmp_path, province) == []


BARE_NOT_A_COUNT = [
    # a rate's clause: the bare number is no count of the parts' noun
    ("VĨNH LONG", "Tỷ lệ hộ nghèo là 1,25, trong đó Vĩnh Long (cũ) 1.210 hộ, Bến Tre (cũ) 1.700 hộ, Trà Vinh "
     "(cũ) 1.240 hộ."),
    # the clause names no noun of the parts
    ("VĨNH LONG", "Toàn tỉnh đạt 4.510, trong đó Vĩnh Long (cũ) 1.210 hộ, Bến Tre (cũ) 1.700 hộ, Trà Vinh (cũ) "
     "1.240 hộ."),
    # one former province only
    ("VĨNH LONG", "Số hộ nghèo toàn tỉnh cuối năm là 4.510, trong đó Bến Tre (cũ) 1.700 hộ."),
]


@pytest.mark.parametrize("province, sentence", BARE_NOT_A_COUNT)
def test_a_bare_number_that_is_no_count_of_the_parts_stays_silent(tmp_path, province, sentence):
    assert _alarm_texts(sentence, tmp_path, province) == []
