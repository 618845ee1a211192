"""Derived table columns and table rows read against their header: a comparison cell
(`So sánh (%)`, `So cùng kỳ (%)`, `So dự toán (%)`) recomputes from two level cells of its
row, a structure cell (`Cơ cấu (%)`) from its row's level over the total's; a row label
opening with `Dự toán`/`Ước thực hiện` gives the role its province columns do not; the
unit line above a table may be set in italics.  Each fail case fails before the fix; each
pass case shows the rule stays silent on a consistent table.  Drafts in our own words,
figures invented."""

from __future__ import annotations

from checker.catalog import load_catalog
from tests.conftest import header, run_text, alarms as _alarms, figure_texts as _texts


REVENUE = (
    "# I. THU NGÂN SÁCH\n\nNăm 2025 thu ngân sách tiếp tục tăng khá.\n\n"
    "Biểu 1. Thu ngân sách năm 2025 và dự toán năm 2026\n\n*Đơn vị: tỷ đồng*\n\n"
    "| STT | Nội dung | Thực hiện 2024 | Ước thực hiện 2025 | So sánh (%) |\n|---|---|---:|---:|---:|\n"
    "| 1 | Thu từ khu vực ngoài quốc doanh | 8.200 | 9.020 | {a} |\n"
    "| 2 | Thu phí, lệ phí | 1.600 | 1.720 | 107,5 |\n")


def test_a_comparison_cell_is_the_later_level_over_the_earlier(tmp_path):
    # 9.020 / 8.200 = 110,0: stated 101,0 fails, 110,0 passes.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + REVENUE.format(a="101,0"))
    found = _alarms(findings, "RT04")
    assert len(found) == 1 and _texts(found[0]) == ["101,0", "8.200", "9.020"]
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + REVENUE.format(a="110,0"))
    assert _alarms(findings, "RT04") == []


PLAN = (
    "# II. KẾT QUẢ\n\nCác chỉ tiêu chủ yếu năm 2025 như sau.\n\n"
    "| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 | So sánh (%) |\n|---|---|---|---:|---:|---:|\n"
    "| 1 | Tổng vốn đầu tư phát triển toàn xã hội | tỷ đồng | 30.000 | 31.500 | {a} |\n"
    "| 2 | Tỷ lệ che phủ rừng | % | 55,0 | 55,4 | 100,7 |\n")


def test_a_comparison_of_one_year_is_the_result_over_its_plan(tmp_path):
    # 31.500 / 30.000 = 105,0 (the result over the plan, both of 2025); a rate's row is left alone.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + PLAN.format(a="150,0"))
    found = _alarms(findings, "RT04")
    assert len(found) == 1 and _texts(found[0]) == ["150,0", "30.000", "31.500"]
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + PLAN.format(a="105,0"))
    assert _alarms(findings) == []


SAME_PERIOD = (
    "# III. SÁU THÁNG\n\nSáu tháng đầu năm 2025 kinh tế tăng trưởng khá.\n\n"
    "| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | 6 tháng 2024 | Ước thực hiện 6 tháng 2025 | "
    "So với cùng kỳ (%) | So dự toán (%) |\n|---|---|---|---:|---:|---:|---:|---:|\n"
    "| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 20.000 | 9.000 | 9.900 | {a} | {b} |\n")


def test_same_period_comparison_and_share_of_estimate(tmp_path):
    # So với cùng kỳ: 9.900 / 9.000 = 110,0; So dự toán: 9.900 / 20.000 = 49,5.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SAME_PERIOD.format(a="110,0", b="49,5"))
    assert _alarms(findings, "RT04") == []
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SAME_PERIOD.format(a="101,0", b="49,5"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["101,0", "9.000", "9.900"]]
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SAME_PERIOD.format(a="110,0", b="45,9"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["20.000", "45,9", "9.900"]]


def test_same_period_comparison_without_last_year_in_the_row_abstains(tmp_path):
    text = header("Hà Tĩnh") + (
        "# I. THU\n\nThu ngân sách năm 2025 vượt dự toán.\n\nĐơn vị: tỷ đồng\n\n"
        "| STT | Nội dung | Dự toán 2025 | Ước thực hiện 2025 | So cùng kỳ (%) |\n|---|---|---:|---:|---:|\n"
        "| 1 | Thu nội địa | 10.000 | 10.400 | 123,4 |\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings) == []


def test_headings_in_the_draft_own_words():
    from checker.resolve.columns import read_columns

    cat = load_catalog()
    kinds = [c.kind for c in read_columns(cat, ("STT", "Nội dung", "Dự toán 2025", "Ước thực hiện 2025",
                                                "So dự toán (%)", "So cùng kỳ (%)", "Cơ cấu (%)"))]
    assert kinds == ["number", "label", "target", "actual", "plan_share", "comparison", "structure"]
    # A column of an indicator's share is its values, not shares of the table's total.
    assert read_columns(cat, ("Năm", "Tỷ trọng dịch vụ (%)"))[1].kind != "structure"


SPENDING = (
    "# II. CHI NGÂN SÁCH\n\nDự toán chi năm 2026 như sau.\n\n"
    "Phụ lục. Dự toán chi ngân sách địa phương năm 2026\n\n*Đơn vị: tỷ đồng*\n\n"
    "| STT | Nội dung | Dự toán 2026 | Cơ cấu (%) |\n|---|---|---:|---:|\n"
    "|  | **TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG** | 20.000 | 100,0 |\n"
    "| I | Chi đầu tư phát triển | 6.000 | 30,0 |\n"
    "| II | Chi thường xuyên | 13.600 | 68,0 |\n"
    "| 1 | Chi sự nghiệp giáo dục | 5.100 | {a} |\n"
    "| 2 | Chi sự nghiệp y tế | 1.700 | {b} |\n"
    "| III | Dự phòng ngân sách | 400 | 2,0 |\n")


def test_a_structure_cell_is_its_row_over_the_total(tmp_path):
    # 5.100 / 20.000 = 25,5; 1.700 / 20.000 = 8,5.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SPENDING.format(a="25,5", b="8,5"))
    assert _alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SPENDING.format(a="25,5", b="5,8"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["1.700", "20.000", "5,8"]]


def test_a_structure_of_a_group_may_be_over_its_parent_row(tmp_path):
    # 5.100 / 13.600 = 37,5; 1.700 / 13.600 = 12,5: shares of the group `II`, not of the total.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + SPENDING.format(a="37,5", b="12,5"))
    assert _alarms(findings) == []


FORMERS = (
    "# I. THU NGÂN SÁCH\n\nNăm 2025 thu ngân sách nhà nước trên địa bàn toàn tỉnh ước đạt 11.000 tỷ đồng.\n\n"
    "Biểu 2. Thu ngân sách theo khu vực tỉnh trước hợp nhất\n\nĐơn vị: tỷ đồng\n\n"
    "| STT | Nội dung | Quảng Trị (cũ) | Quảng Bình (cũ) | Toàn tỉnh |\n|---|---|---:|---:|---:|\n"
    "| 1 | Dự toán thu NSNN trên địa bàn năm 2025 | 6.000 | 4.000 | 10.000 |\n"
    "| 2 | Ước thực hiện thu NSNN trên địa bàn năm 2025 | 6.500 | 4.500 | 11.000 |\n")


def test_a_row_label_gives_the_role_its_province_columns_do_not(tmp_path):
    facts, findings, _ = run_text(tmp_path, header("Quảng Trị") + FORMERS)
    rows = facts[facts["block"] == "table_row"]
    assert list(rows[rows["line"] == rows["line"].min()]["role"]) == ["target"] * 3
    assert list(rows[rows["line"] == rows["line"].max()]["role"]) == ["actual"] * 3
    # The estimate is not the outturn stated twice.
    assert _alarms(findings, "SV01") == []


def test_a_unit_line_in_italics_gives_the_table_its_unit(tmp_path):
    facts, _, _ = run_text(tmp_path, header("Hà Tĩnh") + SPENDING.format(a="25,5", b="8,5"))
    cell = facts[(facts["block"] == "table_row") & (facts["text"] == "6.000")].iloc[0]
    assert cell["unit"] == "dong" and cell["lo"] >= 5.99e12


MISFIT = (
    "# I. KẾT QUẢ\n\nDân số trung bình năm 2025 của tỉnh là 1.320,5 nghìn người.\n\n"
    "| Chỉ tiêu | ĐVT | Quảng Trị (cũ) | Quảng Bình (cũ) | Toàn tỉnh |\n|---|---|---:|---:|---:|\n"
    "| Dân số trung bình | nghìn người | 720,0 | 600,5 | 1.320,5 |\n"
    "| Tỷ lệ dân số tham gia bảo hiểm y tế | {unit} | 93,0 | 91,0 | 92,1 |\n"
    "| Số doanh nghiệp thành lập mới | {count} | 410 | 350 | 760 |\n")


def test_a_wrong_unit_in_a_row_is_reported_and_keeps_the_row_indicator(tmp_path):
    facts, findings, _ = run_text(tmp_path, header("Quảng Trị") + MISFIT.format(unit="người", count="tỷ đồng"))
    units = _alarms(findings, "ST02")
    # One finding per row whose unit misfits its label's indicator.
    assert sorted(f.figures[0]["text"] for f in units) == ["410", "93,0"]
    rate = facts[(facts["block"] == "table_row") & (facts["text"] == "92,1")].iloc[0]
    assert rate["indicator"] == "health_insurance_coverage"  # not the population its unit would fit
    # The rate row read as people is not compared with the population.
    assert _alarms(findings, "SV01") == [] and _alarms(findings, "PW01") == [] and _alarms(findings, "ID01") == []


def test_a_fitting_unit_and_a_name_inside_another_label_give_no_misfit(tmp_path):
    _, findings, _ = run_text(tmp_path, header("Quảng Trị") + MISFIT.format(unit="%", count="doanh nghiệp"))
    assert _alarms(findings) == []
    text = header("Hà Tĩnh") + (
        "# II. CHI\n\nChi ngân sách năm 2026.\n\nĐơn vị: tỷ đồng\n\n"
        "| STT | Nội dung | Dự toán 2026 |\n|---|---|---:|\n"
        "| 1 | Chi sự nghiệp y tế, dân số và gia đình | 1.700 |\n"
        "| 2 | Giải ngân vốn đầu tư công | 6.000 |\n")
    _, findings, _ = run_text(tmp_path, text)
    assert _alarms(findings, "ST02") == []


def test_a_captioned_table_after_the_section_on_what_comes_next_holds_results(tmp_path):
    text = header("Quảng Trị") + (
        "# III. PHƯƠNG HƯỚNG NHIỆM KỲ TỚI\n\nTiếp tục nâng cao chất lượng công tác xây dựng Đảng.\n\n"
        "Biểu 1. MỘT SỐ SỐ LIỆU VỀ DÂN SỐ NĂM 2025\n\n"
        "| TT | Nội dung | Đơn vị | Tổng số | Quảng Trị (cũ) | Quảng Bình (cũ) |\n|---|---|---|---:|---:|---:|\n"
        "| 1 | Dân số trung bình năm 2025 | nghìn người | 1.320,5 | 720,0 | 600,5 |\n")
    facts, _, _ = run_text(tmp_path, text)
    rows = facts[facts["block"] == "table_row"]
    assert set(rows["role"]) == {"actual"}


def test_a_slip_in_a_table_label_must_stand_for_a_word_of_its_own(tmp_path):
    # `Tỷ lệ thôn có tổ chức đảng`: `sở` of `tổ chức cơ sở đảng` is no slip of the `có` that
    # `cơ` already matched, so the label names no indicator (it would make 100 a second
    # value of the organisations' rate).
    from checker.catalog import load_catalog
    from checker.records import Figure
    from checker.resolve.tables import FuzzyLabels

    cat = load_catalog()
    fuzzy = FuzzyLabels(cat, frozenset())
    fig = Figure("100", 0, 3, 100, None, kind="statistic", unit="percent")
    assert fuzzy.match("Tỷ lệ thôn có tổ chức đảng", fig)[0] is None
    # A real slip still reads (`thât` for `thất`).
    assert fuzzy.match("Tỷ lệ thât nghiệp khu vực thành thị", fig)[0] == "urban_unemployment_rate"


def test_a_comparison_stated_as_growth_is_read_as_growth(tmp_path):
    # 9.020 / 8.200 = 110,0: a cell of 10,0 states the growth, and passes; 19,0 fails.
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + REVENUE.format(a="10,0"))
    assert _alarms(findings, "RT04") == []
    _, findings, _ = run_text(tmp_path, header("Hà Tĩnh") + REVENUE.format(a="19,0"))
    assert [_texts(f) for f in _alarms(findings, "RT04")] == [["19,0", "8.200", "9.020"]]


def test_a_one_row_header_names_each_group_on_its_first_column(tmp_path):
    # A tab-separated table has no merged cells: `Hà Tĩnh: NQ | Thực hiện | Đánh giá | …`.
    from checker.resolve.columns import read_columns

    cols = read_columns(load_catalog(), ("TT", "Chỉ tiêu", "ĐVT", "Quảng Trị (cũ): NQ", "Thực hiện", "Đánh giá",
                                         "Quảng Bình (cũ): NQ", "Thực hiện", "Đánh giá"))
    assert [c.entity.value if c.entity else None for c in cols[3:]] == ["quang_tri_cu"] * 3 + ["quang_binh"] * 3
    text = header("Quảng Trị") + (
        "# I. KẾT QUẢ\n\nKết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025 như sau.\n\n"
        "TT\tChỉ tiêu\tĐVT\tQuảng Trị (cũ): NQ\tThực hiện\tĐánh giá\tQuảng Bình (cũ): NQ\tThực hiện\tĐánh giá\n"
        "1\tKim ngạch xuất khẩu năm 2025\ttriệu USD\t900\t850\t{a}\t700\t760\tVượt\n")
    _, findings, _ = run_text(tmp_path, text.format(a="Đạt"), name="draft.txt")
    assert [_texts(f) for f in _alarms(findings, "VD01")] == [["850", "900", "Đạt"]]
    _, findings, _ = run_text(tmp_path, text.format(a="Không đạt"), name="draft.txt")
    assert _alarms(findings) == []
