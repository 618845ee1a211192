"""Periods, entities and what is not a statistic, on short drafts in our own words: a true
relationship is not flagged, a planted mismatch is."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text, scan

PROVINCE = "Tuyên Quang"  # merged from Hà Giang and Tuyên Quang (cũ): the name is shared


def _draft(body: str) -> str:
    return header(PROVINCE) + body


def _row(facts, text: str):
    rows = facts[facts["text"] == text]
    assert len(rows) == 1, f"{text!r}: {len(rows)} rows"
    return rows.iloc[0]


def _flagged(findings, rule: str, texts: set[str]) -> bool:
    return any(f.rule == rule and texts <= {fig["text"] for fig in f.figures} for f in findings)


# --- what is not a statistic ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Cập nhật lúc 08:45 (GMT+7) sáng 3/8",
    "Bài đăng 2025-08-03, xem https://tin.example.vn/bai-viet-2025-08-03-123.htm",
    "Đăng lúc 7h15 ngày 04-08-2025",
    "Du khách tăng mạnh (2025-08)",
    "Kết quả quý 3-2025 và tháng 8/2025 của địa phương",
])
def test_dates_times_and_addresses_are_not_statistics(text):
    assert [f.text for f in scan(text) if f.kind == "statistic"] == []


# --- periods ----------------------------------------------------------------------------

SUB_YEAR = """1. Kinh tế

Trong 9 tháng năm 2025, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 7,9%. Riêng quý III/2025, tốc độ tăng trưởng kinh tế (GRDP) đạt 8,6%; tháng 8/2025 thu ngân sách nhà nước đạt 610 tỷ đồng.

"""


def test_parts_of_a_year_are_periods_of_their_own(tmp_path):
    facts, findings, _ = run_text(tmp_path, _draft(SUB_YEAR))
    assert _row(facts, "7,9%")["period"] == "2025-9M"
    assert _row(facts, "8,6%")["period"] == "2025-Q3"
    assert _row(facts, "610 tỷ đồng")["period"] == "2025-08"
    assert not _flagged(findings, "SV01", {"7,9%", "8,6%"})


def test_a_part_of_a_year_restated_differently_is_flagged(tmp_path):
    body = SUB_YEAR + "2. Đánh giá chung\n\nTốc độ tăng trưởng kinh tế (GRDP) 9 tháng năm 2025 đạt 7,4%.\n"
    _, findings, _ = run_text(tmp_path, _draft(body))
    assert _flagged(findings, "SV01", {"7,9%", "7,4%"})


def test_a_lead_sentence_part_of_a_year_is_carried_in_its_paragraph(tmp_path):
    body = SUB_YEAR.replace("đạt 7,9%.", "đạt 7,9%. Vốn đầu tư toàn xã hội đạt 21.500 tỷ đồng.")
    facts, _, _ = run_text(tmp_path, _draft(body))
    assert _row(facts, "21.500 tỷ đồng")["period"] == "2025-9M"


BASE = """Kim ngạch xuất khẩu năm 2025 đạt 1.450 triệu USD, gấp 1,6 lần năm 2020 (906 triệu USD), số doanh nghiệp đang hoạt động đạt {n} doanh nghiệp.

Đến năm 2025, số doanh nghiệp đang hoạt động đạt 5.300 doanh nghiệp.
"""


def test_a_base_period_belongs_only_to_the_figure_inside_it(tmp_path):
    facts, findings, _ = run_text(tmp_path, _draft(BASE.format(n="5.300")))
    assert _row(facts, "906 triệu USD")["period"] == "2020"
    assert set(facts[facts["text"] == "5.300 doanh nghiệp"]["period"]) == {"2025"}
    assert not _flagged(findings, "SV01", {"5.300 doanh nghiệp"})


def test_a_restatement_after_a_base_period_is_compared(tmp_path):
    _, findings, _ = run_text(tmp_path, _draft(BASE.format(n="5.100")))
    assert _flagged(findings, "SV01", {"5.100 doanh nghiệp", "5.300 doanh nghiệp"})


TERM = """I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020 - 2025

Số doanh nghiệp đang hoạt động tăng 1,5 lần, từ 4.200 lên 6.300 doanh nghiệp.
"""


def test_the_value_after_tu_is_the_earlier_one(tmp_path):
    facts, findings, _ = run_text(tmp_path, _draft(TERM))
    assert _row(facts, "4.200")["period"] == "2020"
    assert _row(facts, "6.300 doanh nghiệp")["period"] == "2025"
    assert not any(f.rule == "SV01" for f in findings)


def test_without_a_term_the_earlier_value_has_no_period(tmp_path):
    body = "Số doanh nghiệp đang hoạt động tăng 1,5 lần, từ 4.200 lên 6.300 doanh nghiệp.\n"
    facts, _, _ = run_text(tmp_path, _draft(body))
    assert not isinstance(_row(facts, "4.200")["period"], str)


# --- entities ---------------------------------------------------------------------------

NATION = """Năm 2025, tốc độ tăng trưởng kinh tế (GRDP) của tỉnh đạt 7,9%, cao hơn mức tăng chung của cả nước (7,1%).

{restated}
"""


def test_the_nations_figure_is_not_the_provinces(tmp_path):
    facts, findings, _ = run_text(tmp_path, _draft(NATION.format(restated="")))
    assert not isinstance(_row(facts, "7,1%")["entity"], str)
    assert not any(f.rule == "SV01" for f in findings)


def test_the_provinces_figure_restated_differently_is_still_flagged(tmp_path):
    restated = "Tốc độ tăng trưởng kinh tế (GRDP) năm 2025 của tỉnh đạt 7,5%."
    _, findings, _ = run_text(tmp_path, _draft(NATION.format(restated=restated)))
    assert _flagged(findings, "SV01", {"7,9%", "7,5%"})
    assert not _flagged(findings, "SV01", {"7,1%"})


def test_a_group_of_provinces_is_not_the_province(tmp_path):
    body = ("Trong năm 2025, có 12/34 địa phương trong cả nước đạt tốc độ tăng trưởng kinh tế (GRDP) từ 8% trở lên. "
            "Tốc độ tăng trưởng kinh tế (GRDP) năm 2025 của tỉnh đạt 7,2%.\n")
    _, findings, _ = run_text(tmp_path, _draft(body))
    assert not any(f.rule == "SV01" for f in findings)


BOTH = """Thu ngân sách nhà nước năm 2025 của hai tỉnh đạt 14.200 tỷ đồng.

Thu ngân sách nhà nước năm 2025 toàn tỉnh đạt {n} tỷ đồng.
"""


def test_hai_tinh_is_the_merged_province(tmp_path):
    facts, findings, _ = run_text(tmp_path, _draft(BOTH.format(n="14.200")))
    assert set(facts[facts["text"] == "14.200 tỷ đồng"]["entity"]) == {"tuyen_quang"}
    assert not any(f.rule == "SV01" for f in findings)


def test_hai_tinh_restated_differently_is_flagged(tmp_path):
    _, findings, _ = run_text(tmp_path, _draft(BOTH.format(n="14.600")))
    assert _flagged(findings, "SV01", {"14.200 tỷ đồng", "14.600 tỷ đồng"})


def test_a_shared_name_beside_a_partner_is_the_former_province(tmp_path):
    body = ("Năm 2025, toàn tỉnh có 420 trường đạt chuẩn quốc gia; trong đó Tuyên Quang có 230 trường, "
            "Hà Giang có 190 trường. Tỷ lệ hộ nghèo của Tuyên Quang (cũ) giảm còn 4,1%.\n")
    facts, _, _ = run_text(tmp_path, _draft(body))
    assert _row(facts, "230 trường")["entity"] == "tuyen_quang_cu"
    assert _row(facts, "420 trường")["entity"] == "tuyen_quang"


BRACKET = """Thu ngân sách nhà nước năm 2025 ước đạt 9.800 tỷ đồng. Riêng Hà Giang đạt 3.900 tỷ đồng, tăng gấp 1,6 lần so với đầu nhiệm kỳ (2.440 tỷ đồng năm 2020); Tuyên Quang (cũ) đạt 5.900 tỷ đồng.
"""


def test_a_period_inside_a_bracket_is_only_its_brackets(tmp_path):
    facts, _, _ = run_text(tmp_path, _draft(BRACKET))
    assert _row(facts, "2.440 tỷ đồng")["period"] == "2020"
    assert _row(facts, "3.900 tỷ đồng")["period"] == "2025"
    assert _row(facts, "5.900 tỷ đồng")["period"] == "2025"


NEWS = """https://tin.example.vn/kinh-te-tuyen-quang-thang-8 | Kinh tế Tuyên Quang khởi sắc (2025-09-02)

Trong tháng 8, kim ngạch xuất khẩu của tỉnh ước đạt 96 triệu USD; tính chung 8 tháng ước đạt 705 triệu USD. Lũy kế từ đầu năm đến nay, thu ngân sách nhà nước đạt 6.120 tỷ đồng.
"""


def test_a_news_page_dates_its_months_and_its_year_to_date(tmp_path):
    facts, _, _ = run_text(tmp_path, NEWS, name="news.txt")
    assert _row(facts, "ước đạt 96 triệu USD")["period"] == "2025-08"
    assert _row(facts, "ước đạt 705 triệu USD")["period"] == "2025-8M"
    assert _row(facts, "6.120 tỷ đồng")["period"] == "2025-YTD"


LEAD = """https://tin.example.vn/bai-viet | Kinh tế nửa đầu năm khởi sắc (2025-07-10)

Theo Cục Thống kê tỉnh Tuyên Quang, 6 tháng đầu năm 2025, tốc độ tăng trưởng kinh tế (GRDP) ước tăng 7,4%, cao hơn cùng kỳ năm trước ({base}).

Tốc độ tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2025 ước tăng {again}.
"""


def test_a_news_page_takes_its_province_from_the_lead(tmp_path):
    facts, findings, _ = run_text(tmp_path, LEAD.format(base="6,2%", again="7,4%"), name="news.txt")
    assert set(facts[facts["text"] == "7,4%"]["entity"]) == {"tuyen_quang"}
    assert not isinstance(_row(facts, "6,2%")["period"], str)  # the base of a year ago
    assert not any(f.rule == "SV01" for f in findings)


def test_a_news_page_restating_its_figure_differently_is_flagged(tmp_path):
    _, findings, _ = run_text(tmp_path, LEAD.format(base="6,2%", again="7,1%"), name="news.txt")
    assert _flagged(findings, "SV01", {"7,4%", "7,1%"})


def test_a_lead_naming_several_provinces_names_none(tmp_path):
    body = LEAD.replace("tỉnh Tuyên Quang", "các tỉnh Tuyên Quang và Lào Cai").format(base="6,2%", again="7,1%")
    facts, _, _ = run_text(tmp_path, body, name="news.txt")
    assert not isinstance(facts[facts["text"] == "7,1%"].iloc[0]["entity"], str)
