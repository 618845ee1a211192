"""Budget genre: People's Council budget resolutions with annexes and budget reports.  The
deficit is its own line (not the spending its name contains); a figure of the central
budget is no plenum number; in `A 27.000 tỷ đồng và B 3.000 tỷ đồng` B names the figure
after it; a Markdown resolution's bold article lines are headings and its date line is
read through the marks; a single-year heading does not give its year to a paragraph that
named another.  Each fail case fails before its fix; each pass case must stay silent.
Drafts in our own words, figures invented."""

from __future__ import annotations

from tests.conftest import header, run_text, scan, alarms as _alarms, figure_texts as _texts


DEFICIT = (
    "# PHẦN THỨ HAI. DỰ TOÁN NGÂN SÁCH NĂM 2026\n\n"
    "1. Tổng chi ngân sách địa phương năm 2026 là 12.400 tỷ đồng.\n\n"
    "2. Bội chi ngân sách địa phương năm 2026 là 150 tỷ đồng, bù đắp từ nguồn vay lại.\n\n"
    "# PHẦN THỨ BA. KIẾN NGHỊ\n\n"
    "Đề nghị Hội đồng nhân dân tỉnh quyết định tổng chi ngân sách địa phương năm 2026 là 12.400 tỷ đồng "
    "và mức bội chi ngân sách địa phương năm 2026 là {b} tỷ đồng.\n")


def test_a_deficit_stated_twice_differently_fails(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + DEFICIT.format(b="210"))
    found = _alarms(findings, "SV01")
    assert len(found) == 1 and _texts(found[0]) == ["150 tỷ đồng", "210 tỷ đồng"]


def test_a_deficit_is_never_compared_with_the_spending(tmp_path):
    # (read as `chi ngân sách địa phương`, 150 was compared with 12.400)
    facts, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + DEFICIT.format(b="150"))
    assert _alarms(findings) == []
    deficits = facts[facts["indicator"] == "budget_deficit"]
    assert sorted(deficits["text"]) == ["150 tỷ đồng", "150 tỷ đồng"]


def test_a_central_budget_amount_is_no_plenum_number():
    kinds = {f.text: f.kind for f in scan("thu bổ sung từ ngân sách trung ương 3.000 tỷ đồng; "
                                          "Hội nghị Trung ương 8 khóa XIII")}
    assert kinds["3.000 tỷ đồng"] == "statistic" and kinds["8"] == "ordinal"


LOCAL_REVENUE = (
    "# II. DỰ TOÁN NĂM 2026\n\n"
    "Tổng thu ngân sách địa phương năm 2026 là 30.000 tỷ đồng, gồm thu ngân sách địa phương được hưởng "
    "theo phân cấp 27.000 tỷ đồng và thu bổ sung từ ngân sách trung ương {b} tỷ đồng.\n")


def test_the_name_after_va_is_the_next_figures(tmp_path):
    # 27.000 + 3.500 is not 30.000: the list fails once each part has its own name.
    facts, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + LOCAL_REVENUE.format(b="3.500"))
    assert any("3.500 tỷ đồng" in _texts(f) and "30.000 tỷ đồng" in _texts(f) for f in _alarms(findings))
    facts, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + LOCAL_REVENUE.format(b="3.000"))
    assert _alarms(findings) == []
    named = dict(zip(facts["text"], facts["indicator"]))
    assert named["27.000 tỷ đồng"] == "local_budget_revenue_decentralised"
    assert named["3.000 tỷ đồng"] == "budget_transfer_from_above"


RESOLUTION = (
    "# HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH\n\n"
    "**Số: 40/NQ-HĐND** | *Hà Tĩnh, ngày 8 tháng 12 năm 2025*\n\n"
    "## NGHỊ QUYẾT\n### Về dự toán ngân sách năm 2026\n\n"
    "**Điều 1. Tình hình năm 2025 và kế hoạch năm 2026**\n\n"
    "1. Ước cả năm 2025, kinh tế tăng trưởng khá. Kim ngạch xuất khẩu ước đạt 2.000 triệu USD.\n\n"
    "2. Kim ngạch xuất khẩu năm 2026 đạt 2.300 triệu USD.\n\n"
    "**Điều 2. Dự toán ngân sách nhà nước năm 2026**\n\n"
    "1. Tổng chi ngân sách địa phương: 12.400 tỷ đồng, trong đó:\n"
    "- Chi đầu tư phát triển: 5.200 tỷ đồng;\n\n"
    "#### Phụ lục. DỰ TOÁN CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2026\n\n*Đơn vị: tỷ đồng*\n\n"
    "| STT | Nội dung | Dự toán 2026 |\n|---|---|---:|\n"
    "|  | **TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG** | 12.400 |\n"
    "| I | Chi đầu tư phát triển | {a} |\n"
    "| II | Chi thường xuyên | 7.200 |\n")


def test_a_bold_article_heading_dates_its_text_against_the_annex(tmp_path):
    # The article's year and the resolution's date make 5.200 the 2026 estimate, as the annex's cell.
    _, findings, _ = run_text(tmp_path, RESOLUTION.format(a="5.300"))
    found = _alarms(findings, "SV01")
    assert len(found) == 1 and _texts(found[0]) == ["5.200 tỷ đồng", "5.300"]


def test_a_year_named_in_the_paragraph_beats_the_articles_year(tmp_path):
    # 2.000 is the 2025 estimate (its paragraph said so), not the article's 2026: no conflict with 2.300.
    _, findings, _ = run_text(tmp_path, RESOLUTION.format(a="5.200"))
    assert _alarms(findings) == []


RECURRENT = (
    "# II. CHI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2025\n\n"
    "Chi thường xuyên năm 2025 ước thực hiện 9.000 tỷ đồng; trong đó chi sự nghiệp giáo dục - đào tạo "
    "và dạy nghề 3.600 tỷ đồng, chiếm {s}% chi thường xuyên.\n")


def test_a_part_whose_name_holds_va_keeps_its_name(tmp_path):
    # 3.600 / 9.000 = 40,0%: the education line (its name holds `và`) is no recurrent spending of its own.
    facts, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + RECURRENT.format(s="44,0"))
    assert any("44,0%" in _texts(f) for f in _alarms(findings))
    assert dict(zip(facts["text"], facts["indicator"]))["3.600 tỷ đồng"] == "spending_education"
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + RECURRENT.format(s="40,0"))
    assert _alarms(findings) == []


DISBURSED = (
    "# II. CHI ĐẦU TƯ PHÁT TRIỂN\n\n"
    "Đến ngày 30/11/2025, giải ngân kế hoạch vốn đầu tư công năm 2025 của khu vực Long An (cũ) đạt 70,0%, "
    "khu vực Tây Ninh (cũ) đạt 80,0%; tỷ lệ giải ngân chung toàn tỉnh đạt {m}%.\n\n"
    "# III. CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA\n\nTỷ lệ giải ngân vốn các chương trình đạt 61,0%.\n")


def test_a_merged_disbursement_rate_lies_between_its_former_provinces(tmp_path):
    # The bare `tỷ lệ giải ngân` is public investment's where the passage named it; 85,0 is outside 70-80.
    facts, findings, _ = run_text(tmp_path, header("Tây Ninh") + DISBURSED.format(m="85,0"))
    found = _alarms(findings, "BT01")
    assert len(found) == 1 and "85,0%" in _texts(found[0])
    facts, findings, _ = run_text(tmp_path, header("Tây Ninh") + DISBURSED.format(m="74,0"))
    assert _alarms(findings) == []
    # (a programme's rate, where no public investment was named, is left unnamed)
    assert not isinstance(dict(zip(facts["text"], facts["indicator"]))["61,0%"], str)


RESERVE = (
    "# II. DỰ TOÁN CHI NĂM 2026\n\n"
    "3. Tổng chi ngân sách địa phương năm 2026: 12.000 tỷ đồng, trong đó:\n\n"
    "- Chi đầu tư phát triển: 4.800 tỷ đồng;\n\n"
    "- Dự phòng ngân sách: 240 tỷ đồng, bằng {s}% tổng chi.\n")


def test_a_share_of_a_whole_labelled_before_its_colon(tmp_path):
    # `tổng chi` is the total whose label the colon closes: 240 / 12.000 = 2,0%.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + RESERVE.format(s="3,0"))
    found = _alarms(findings, "RT04")
    assert len(found) == 1 and _texts(found[0]) == ["12.000 tỷ đồng", "240 tỷ đồng", "3,0%"]
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + RESERVE.format(s="2,0"))
    assert _alarms(findings) == []
