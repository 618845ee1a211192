"""A whole number followed by a noun the unit catalog does not know counts that noun: the noun
acts as its unit (named by its first word), so lists, shares, bases and restatements of it are
checked against counts of the same noun, never against bare numbers or other measures."""

from __future__ import annotations

import pytest

from tests.conftest import header, rules_and_texts, run_text


def _rules(tmp_path, body: str, province: str = "Thái Nguyên"):
    _, findings, _ = run_text(tmp_path, header(province) + "# I. KẾT QUẢ NĂM 2025\n\n" + body + "\n")
    return [rule for rule, _ in rules_and_texts(findings) if rule != "ST01"]


BUS = "Đến cuối năm 2025, toàn tỉnh có {total} tuyến xe buýt, gồm 20 tuyến nội tỉnh và 14 tuyến liên tỉnh."
FLIGHTS = "Năm 2025, cảng hàng không đón 12.400 chuyến bay, trong đó 3.100 chuyến bay quốc tế, chiếm {share}."
MEASLES = "Cả năm ghi nhận {now} ca sởi, giảm 40,0% so với năm 2024 (1.200 ca)."
PERMITS = ("Năm 2025, toàn tỉnh cấp {a} giấy phép xây dựng cho người dân.\n\n# II. ĐÁNH GIÁ\n\n"
           "Công tác quản lý trật tự xây dựng được tăng cường; năm 2025 toàn tỉnh cấp {b} cho người dân.")


@pytest.mark.parametrize("total, expected", [("36", ["PW02"]), ("34", [])])
def test_a_list_of_one_noun_sums_to_its_total(tmp_path, total, expected):
    assert _rules(tmp_path, BUS.format(total=total), "Đồng Nai") == expected


@pytest.mark.parametrize("share, expected", [("30,0%", ["RT04"]), ("25,0%", [])])
def test_a_share_of_a_count_in_one_noun(tmp_path, share, expected):
    assert _rules(tmp_path, FLIGHTS.format(share=share), "Khánh Hòa") == expected


def test_a_share_over_another_noun_is_not_read(tmp_path):
    text = "Năm 2025, cảng hàng không đón 12.400 chuyến bay, trong đó 3.100 lượt hành khách quốc tế, chiếm 30,0%."
    assert _rules(tmp_path, text, "Khánh Hòa") == []


@pytest.mark.parametrize("now, expected", [("860", ["RT04"]), ("720", [])])
def test_a_base_named_by_the_first_word_of_the_noun(tmp_path, now, expected):
    assert _rules(tmp_path, MEASLES.format(now=now), "Cà Mau") == expected


def test_a_count_restated_in_another_section_must_agree(tmp_path):
    assert _rules(tmp_path, PERMITS.format(a="1.245", b="1.254 giấy phép xây dựng")) == ["SV02"]


def test_a_count_of_another_noun_is_no_restatement(tmp_path):
    assert _rules(tmp_path, PERMITS.format(a="1.245", b="1.254 giấy chứng nhận quyền sử dụng đất")) == []


def test_an_abbreviated_measure_is_no_counted_noun(tmp_path):
    text = "Tổng lượng mưa phổ biến 1.200 - 1.800 mm, riêng khu vực miền núi đạt 2.450 mm."
    assert _rules(tmp_path, text, "Quảng Trị") == []


def test_a_count_beside_parts_of_an_area_keeps_the_list_open(tmp_path):
    text = ("Về nông nghiệp: 950 ha lúa bị thiệt hại, trong đó 610 ha mất trắng và 340 ha thiệt hại một phần; "
            "820 ha nuôi trồng thủy sản bị ngập và 1.040 lồng bè bị cuốn trôi.")
    assert _rules(tmp_path, text, "Quảng Ngãi") == []


def test_the_noun_is_read_as_the_unit(tmp_path):
    facts, _, _ = run_text(tmp_path, header() + "Năm 2025, phê duyệt 48 đồ án quy hoạch và 1.245 ca bệnh.\n")
    units = dict(zip(facts["text"], facts["unit"]))
    assert units["48 đồ án"] == "noun_do" and units["1.245 ca bệnh"] == "noun_ca"


PERMIT_KINDS = ("Năm 2025, toàn tỉnh cấp {total} giấy phép xây dựng, gồm 820 giấy phép xây dựng nhà ở riêng lẻ "
                "và 425 giấy phép xây dựng công trình.")


@pytest.mark.parametrize("total, expected", [("1.255", ["PW02"]), ("1.245", [])])
def test_riêng_inside_a_noun_phrase_opens_no_list(tmp_path, total, expected):
    assert _rules(tmp_path, PERMIT_KINDS.format(total=total)) == expected


@pytest.mark.parametrize("total, expected", [("2.100", ["PW02"]), ("2.000", [])])
def test_a_count_split_by_every_former_province(tmp_path, total, expected):
    text = (f"Năm 2025, toàn tỉnh cấp {total} giấy phép xây dựng, trong đó Lào Cai (cũ) 1.200 giấy phép, "
            "Yên Bái (cũ) 800 giấy phép.")
    assert _rules(tmp_path, text, "Lào Cai") == expected
