"""Two classes of false alarm in breakdown lists: a grade (`đạt 4 sao`) read as an amount
that a bracket of counts sums to, and the next subject of a sentence (`…; 62 cụm công nghiệp,
trong đó …`) read as one more part of the subject before it.  Each with a mismatch that must
still be found."""

from __future__ import annotations

import pytest

from checker.i18n import language
from checker.records import InputError
from tests.conftest import alarms, figure_texts, header, run_text, scan

SECTION = "## 1. Kết quả năm 2025\n\n"


def _alarms(tmp_path, body: str, province: str = "Hưng Yên"):
    _, findings, _ = run_text(tmp_path, header(province) + SECTION + body + "\n")
    return alarms(findings)


# --- A grade is no amount ------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["đạt 4 sao", "khách sạn 5 sao", "xếp hạng 3 sao"])
def test_a_number_of_stars_is_a_grade_not_a_statistic(phrase):
    figures = [f for f in scan(f"Có 12 cơ sở {phrase} trên địa bàn.") if f.kind == "statistic"]
    assert [f.text for f in figures] == ["12 cơ sở"]


def test_counts_bracketed_after_a_grade_are_not_summed_into_it(tmp_path):
    body = ("Toàn tỉnh có 215 sản phẩm OCOP, trong đó 90 sản phẩm đạt 4 sao (Thái Bình cũ 38 sản phẩm, "
            "Hưng Yên cũ 52 sản phẩm), 125 sản phẩm đạt 3 sao.")
    assert _alarms(tmp_path, body) == []


def test_bracketed_formers_that_miss_their_total_still_alarm(tmp_path):
    body = "Toàn tỉnh có 90 sản phẩm OCOP đạt 4 sao (Thái Bình cũ 38 sản phẩm, Hưng Yên cũ 57 sản phẩm)."
    found = _alarms(tmp_path, body)
    assert any({"90 sản phẩm", "38 sản phẩm", "57 sản phẩm"} <= set(figure_texts(f)) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]


def test_a_rating_must_be_a_count_noun(tmp_path):
    from checker.units import UnitCatalog
    (tmp_path / "units.txt").write_text("dong = [currency]\n", encoding="utf-8")
    (tmp_path / "units.yaml").write_text("scales: {}\nunits: {}\nper: {}\nper_10k: []\ncount_nouns: {}\n"
                                         "ratings: [sao]\n", encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"units.yaml:\d+:\d+: rating 'sao' is not a count noun"):
        UnitCatalog(tmp_path)


# --- The next subject of a sentence is no part of the one before ---------------------------

SUBJECTS = ("Toàn tỉnh có 41 khu công nghiệp, trong đó 27 khu đã đi vào hoạt động; 62 cụm công nghiệp, "
            "trong đó 40 cụm đã có nhà đầu tư hạ tầng.")


def test_a_count_of_another_noun_opening_its_own_breakdown_is_a_new_subject(tmp_path):
    assert _alarms(tmp_path, SUBJECTS) == []


def test_each_subject_still_checks_its_own_parts(tmp_path):
    body = SUBJECTS.replace("27 khu đã đi vào hoạt động", "27 khu đã đi vào hoạt động, 20 khu đang xây dựng") \
        .replace("40 cụm đã có nhà đầu tư hạ tầng", "40 cụm đã có nhà đầu tư hạ tầng, 30 cụm chưa có")
    found = {tuple(figure_texts(f)) for f in _alarms(tmp_path, body)}
    assert ("20 khu", "27 khu", "41 khu công nghiệp") in found
    assert ("30 cụm", "40 cụm", "62 cụm công nghiệp") in found



# --- Real-text classes: a fraction's list, a variant of an item, a threshold ------------------

def test_a_change_in_a_list_after_a_fraction_does_not_restate_it(tmp_path):
    body = ("Chỉ số giá tiêu dùng tháng 4 tăng 0,52%. Có 7/11 nhóm hàng tăng giá, gồm: nhà ở và vật liệu xây "
            "dựng tăng 2,15%; giáo dục tăng 1,08%. Có 4/11 nhóm hàng giảm giá, gồm: bưu chính giảm 0,31%.")
    assert _alarms(tmp_path, body) == []


def test_a_share_stated_after_a_fraction_still_recomputes(tmp_path):
    body = "Toàn tỉnh có 115/121 xã đạt chuẩn nông thôn mới, đạt 97,5%."
    found = _alarms(tmp_path, body)
    assert any(f.rule == "RT01" and "115/121 xã" in figure_texts(f) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]


VARIANT = ("Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện hết tháng 10/2025 là 18.240 tỷ đồng, đạt 80,5% "
           "dự toán. Trong đó: Thu nội địa 14.600 tỷ đồng, đạt 82,1% dự toán; thu nội địa không kể tiền sử dụng "
           "đất, cổ tức và lợi nhuận sau thuế 12.950 tỷ đồng, đạt 90,3% dự toán; thu từ hoạt động xuất nhập khẩu "
           "{xnk} tỷ đồng.")


def test_an_item_less_something_is_no_second_part(tmp_path):
    assert _alarms(tmp_path, VARIANT.format(xnk="3.640")) == []


def test_the_parts_around_a_variant_still_add_up(tmp_path):
    found = _alarms(tmp_path, VARIANT.format(xnk="4.640").replace("dự toán. Trong đó:", "dự toán, gồm:"))
    assert any({"14.600 tỷ đồng", "4.640 tỷ đồng"} <= set(figure_texts(f)) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]


def test_a_sector_outside_the_state_is_still_a_part(tmp_path):
    body = ("Vốn đầu tư toàn xã hội đạt 50.000 tỷ đồng, trong đó vốn khu vực Nhà nước đạt 15.000 tỷ đồng, "
            "vốn khu vực ngoài Nhà nước đạt 38.000 tỷ đồng.")
    found = _alarms(tmp_path, body)
    assert any({"15.000 tỷ đồng", "38.000 tỷ đồng", "50.000 tỷ đồng"} <= set(figure_texts(f)) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]


@pytest.mark.parametrize("phrase, qualifier", [("dưới ngưỡng 100 triệu USD", "lt"), ("trên mốc 5 triệu lượt", "gt")])
def test_a_threshold_is_a_bound(phrase, qualifier):
    (figure,) = [f for f in scan(f"Có 4 tỉnh {phrase}.") if f.unit not in (None,) and f.value in (100.0, 5.0)]
    assert figure.qualifier == qualifier


def test_parts_under_a_threshold_are_not_summed_to_it(tmp_path):
    body = ("Có 3 tỉnh có kim ngạch xuất khẩu dưới ngưỡng 100 triệu USD, gồm: tỉnh A đạt 45,2 triệu USD, "
            "tỉnh B 31,0 triệu USD và tỉnh C 8,4 triệu USD.")
    assert _alarms(tmp_path, body) == []


# --- A part's bare share that says what its total's share said -------------------------------

PARALLEL = ("Đến cuối tháng 9, toàn vùng thu hoạch được 412,6 nghìn ha lúa thu, chiếm 58,4% diện tích gieo cấy và "
            "bằng 101,3% cùng kỳ năm trước, trong đó các tỉnh ven biển thu hoạch được {part} nghìn ha, chiếm 66,0% "
            "và bằng 99,2%.")


def test_a_parts_bare_share_parallel_to_its_totals_is_not_of_the_total(tmp_path):
    assert _alarms(tmp_path, PARALLEL.format(part="245,7")) == []


def test_a_parts_bare_share_of_a_plain_total_still_recomputes(tmp_path):
    body = ("Tổng diện tích nuôi trồng thủy sản đạt 13.300 ha, trong đó diện tích nuôi tôm 6.120 ha, chiếm 51,2%.")
    found = _alarms(tmp_path, body)
    assert any({"6.120 ha", "13.300 ha"} <= set(figure_texts(f)) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]
