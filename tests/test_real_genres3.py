"""Third round of real text (2025 congress documents of merged provinces, post-merger People's
Committee and Council reports with merged and former figures, 2026 targets, 2025 statistics
releases): each class of false alarm or missed relation found there, in a short draft of our
own.  A percentage in the next sentence restates no fraction; `nội địa` narrows revenue to its
domestic part."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text

YEAR = "# I. KẾT QUẢ NĂM 2025\n\n"
HALF = "# I. TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2025\n\n"


def _run(tmp_path, body: str, province: str = "Thái Nguyên", section: str = YEAR):
    facts, findings, _ = run_text(tmp_path, header(province) + section + body + "\n")
    return facts, rules_and_texts(findings)


# A count of targets met ends its sentence; the growth rate after it is another sentence's figure.
TARGETS_MET = ("Năm 2025, Hội đồng nhân dân tỉnh giao 14 chỉ tiêu và đến nay đã hoàn thành 14/14 chỉ "
               "tiêu{} Tốc độ tăng trưởng kinh tế năm 2025 ước tăng 8,7%.")


def test_a_percentage_in_the_next_sentence_restates_no_fraction(tmp_path):
    _, found = _run(tmp_path, TARGETS_MET.format("."))
    assert found == []


def test_a_percentage_in_the_fractions_own_sentence_still_restates_it(tmp_path):
    _, found = _run(tmp_path, "Đến nay đã hoàn thành 14/14 chỉ tiêu, đạt 90%.")
    assert found == [("RT01", ["14/14", "90%"])]


# Domestic revenue (`thu ngân sách nội địa`, `thu nội địa`) is a part of the revenue: stated
# again in another paragraph, it is not the whole revenue.
DOMESTIC = ("Tổng thu ngân sách nhà nước năm 2025 ước đạt 21.300 tỷ đồng, vượt 12% dự toán. Trong đó, thu "
            "ngân sách nội địa lần đầu đạt 11.850 tỷ đồng.\n\n"
            "Năm 2025, tỉnh thu ngân sách nội địa đạt {} tỷ đồng.")


def test_domestic_revenue_is_not_the_whole_revenue(tmp_path):
    facts, found = _run(tmp_path, DOMESTIC.format("11.850"))
    assert found == []
    assert fact_row(facts, "ước đạt 21.300 tỷ đồng")["scope"] in ("", None)


def test_two_values_of_the_domestic_revenue_still_disagree(tmp_path):
    _, found = _run(tmp_path, DOMESTIC.format("12.850"))
    assert ("SV01", ["11.850 tỷ đồng", "12.850 tỷ đồng"]) in found


def test_domestic_visitors_keep_their_own_indicator(tmp_path):
    facts, _ = _run(tmp_path, "Năm 2025, tỉnh đón 3,2 triệu lượt khách du lịch nội địa, tăng 8%.")
    assert fact_row(facts, "3,2 triệu lượt khách")["indicator"] == "domestic_tourists"
