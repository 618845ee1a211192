"""The number lexer, as parametrised tables."""

import math
from decimal import Decimal

import pytest

from checker.figures import format_number, parse_number
from tests.conftest import scan


@pytest.mark.parametrize("text, value", [
    ("202.925", Decimal("202925")),
    ("1.845,7", Decimal("1845.7")),
    ("7,35", Decimal("7.35")),
    ("1,156", Decimal("1.156")),
    ("06", Decimal("6")),
    ("13.044", Decimal("13044")),
    ("0,75", Decimal("0.75")),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "abc", "", "1.23"])
def test_parse_number_rejects(text):
    with pytest.raises(ValueError):
        parse_number(text)


def stats(text):
    return [f for f in scan(text) if f.kind in ("statistic", "range", "fraction")]


@pytest.mark.parametrize("text, figure, value, unit, lo, hi", [
    ("tăng 7,35%/năm", "7,35%/năm", 7.35, "percent", 7.345, 7.355),
    ("đạt khoảng 202.925 tỷ đồng", "khoảng 202.925 tỷ đồng", 202925, "dong", 202924e9, 202926e9),
    ("đạt 1,156 triệu tỷ đồng", "1,156 triệu tỷ đồng", 1.156, "dong", 1.1555e15, 1.1565e15),
    ("đạt 361,6 nghìn tỷ đồng", "361,6 nghìn tỷ đồng", 361.6, "dong", 361.55e12, 361.65e12),
    ("đạt trên 46%", "trên 46%", 46, "percent", 46, math.inf),
    ("dưới 3%", "dưới 3%", 3, "percent", -math.inf, 3),
    ("≥ 80%", "≥ 80%", 80, "percent", 80, math.inf),
    ("<3%", "<3%", 3, "percent", -math.inf, 3),
    ("từ 10,5%/năm trở lên", "từ 10,5%/năm", 10.5, "percent", 10.5, math.inf),
    ("đạt 826 nghìn người trở lên", "826 nghìn người", 826, "nguoi", 826000, math.inf),
    ("gần 1,8 triệu người", "gần 1,8 triệu người", 1.8, "nguoi", 1.7e6, 1.85e6),
    ("6,5% - 7,0%/năm", "6,5% - 7,0%/năm", 6.5, "percent", 6.45, 7.05),
    ("5,2-5,3%", "5,2-5,3%", 5.2, "percent", 5.15, 5.35),
    ("12,8% - 13%", "12,8% - 13%", 12.8, "percent", 12.75, 13.5),
    ("vượt 0,3 điểm phần trăm", "0,3 điểm phần trăm", 0.3, "percentage_point", 0.25, 0.35),
    ("119 triệu đồng/người", "119 triệu đồng/người", 119, "dong / nguoi", 118.5e6, 119.5e6),
    ("8.375,21 km²", "8.375,21 km²", 8375.21, "km2", 8375.205, 8375.215),
    ("6.402ha", "6.402ha", 6402, "hectare", 6401.5, 6402.5),
    ("17,2 bác sĩ/10.000 dân", "17,2 bác sĩ/10.000 dân", 17.2, "bac_si / nguoi", 17.15e-4, 17.25e-4),
    ("4.776 ha/năm", "4.776 ha/năm", 4776, "hectare / year", 4775.5, 4776.5),
    ("gấp 1,6 lần", "1,6 lần", 1.6, "times", 1.55, 1.65),
])
def test_scan_statistic(text, figure, value, unit, lo, hi):
    found = stats(text)
    assert len(found) == 1, found
    f = found[0]
    assert f.text == figure
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.interval.lo == pytest.approx(lo)
    assert f.interval.hi == pytest.approx(hi)


def test_fraction():
    (f,) = stats("có 115/121 xã đạt chuẩn")
    assert (f.kind, f.value, f.denominator, f.unit) == ("fraction", 115, 121, "xa")


@pytest.mark.parametrize("text, kind", [
    ("Nghị quyết số 202/2025/QH15", "docnum"),
    ("Quyết định số 308-QĐ/TW", "docnum"),
    ("ngày 12/6/2025", "date"),
    ("ngày 15 tháng 9 năm 2025", "date"),
    ("từ 01/7 đến", "date"),
    ("năm 2025", "year"),
    ("giai đoạn 2026 2030", "year"),
    ("dịch Covid-19", "name"),
    ("mạng 5G", "name"),
    ("cách mạng 4.0", "name"),
    ("Hội nghị Trung ương 4", "ordinal"),
    ("(1) Thị trường", "ordinal"),
])
def test_not_a_statistic(text, kind):
    figs = scan(text)
    assert figs and all(f.kind == kind for f in figs), [(f.kind, f.text) for f in figs]


@pytest.mark.parametrize("text", ["bằng 8,3% 17. Tỷ lệ", "ước đạt 6,6% 13 GRDP bình quân"])
def test_lost_footnote_marker(text):
    kinds = [f.kind for f in scan(text)]
    assert kinds == ["statistic", "marker"]


def test_tex_and_superscript_markers_are_not_figures():
    assert [f.text for f in stats("$^{14}$ Giá trị tăng 3,8%/năm¹⁵")] == ["3,8%/năm"]


def test_rate_word_is_not_the_scale_word():
    assert [f.text for f in stats("Năm 2025 tỷ lệ lao động đạt 71%")] == ["71%"]


@pytest.mark.parametrize("value, text", [(Decimal("1845.7"), "1.845,7"), (Decimal("202925"), "202.925"),
                                         (Decimal("7.35"), "7,35"), (Decimal("0.5"), "0,5")])
def test_format_number(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize("written", ["7,35", "7,36", "12", "1.200", "0,5", "0,05", "3.281,4", "412204.00", "7,3"])
@pytest.mark.parametrize("qualifier", [None, "about", "nearly"])
def test_a_figures_interval_is_half_a_unit_of_its_last_digit_either_way(written, qualifier):
    """The precision steps are kept by the place of the last digit (they recur), never by
    value: every number gets the steps of its own last digit, read in any order."""
    from checker.figures import qualified_interval

    d = parse_number(written)
    exponent = d.as_tuple().exponent
    half, unit = Decimal(5).scaleb(exponent - 1), Decimal(1).scaleb(exponent)
    got = qualified_interval(d, 1000.0, qualifier)
    lo, hi = float(d - half) * 1000.0, float(d + half) * 1000.0
    if qualifier == "about":
        lo, hi = float(d) * 1000.0 - float(unit) * 1000.0, float(d) * 1000.0 + float(unit) * 1000.0
    elif qualifier == "nearly":
        lo = float(d) * 1000.0 - float(unit) * 1000.0
    assert (got.lo, got.hi) == (lo, hi)


GATE_SAMPLES = ["xem https://vnexpress.net/a-1.html", "lúc 14:30 ngày 9/7", "cập nhật 2025-07-09T08:00",
                "09-07-2025", "(2025-07)", "GMT+7", "lúc 8h30 sáng", "8 giờ 15 phút", "quý 2-2025", "quý 3",
                "ngày 15 tháng 9 năm 2025", "tháng 7 năm 2024", "12/6/2025", "Nghị quyết số 202/2025/QH15",
                "chiều 9/7", "(1) chỉ tiêu", "2. Kinh tế", "ngày 3 đến ngày 5/7", "Covid-19 và QH15",
                "nhiệm kỳ 2020 - 2025", "trong tháng 7", "đạt chuẩn mức 2", "GRDP tăng 7,35%", "ISO 9001-2015"]


@pytest.mark.parametrize("text", GATE_SAMPLES)
def test_the_gates_open_every_pattern_that_matches(text):
    """A gate only spares a pattern the work of a block it cannot match: every pattern of
    NON_STATISTIC that matches a block is among those the block's gates open."""
    from checker.figures import NON_STATISTIC, _open_patterns

    opened = _open_patterns(text)
    matching = {i for i, (_, pattern, _) in enumerate(NON_STATISTIC) if pattern.search(text)}
    assert matching <= opened


def test_the_gate_samples_reach_every_gated_pattern():
    from checker.figures import NON_STATISTIC

    reached = {i for text in GATE_SAMPLES for i, (_, pattern, _) in enumerate(NON_STATISTIC) if pattern.search(text)}
    assert reached >= {i for i, (_, _, gate) in enumerate(NON_STATISTIC) if gate}
