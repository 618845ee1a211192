"""Qualifiers, notation and a draft's own indicators (issue 11, classes C3, C9, C10), on short
drafts written for these tests: each true restatement passes, each planted mismatch is found."""

from __future__ import annotations

import pytest

from checker.catalog import load_catalog
from checker.engine import load_default_rules, run_rules
from checker.facts import extract

HEADER = "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI TỈNH LÂM ĐỒNG NĂM 2025\n\nI. KẾT QUẢ THỰC HIỆN\n\n"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _run(tmp_path, catalog, body: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    facts, docs = extract([str(path)], catalog)
    findings, _ = run_rules(facts, load_default_rules(catalog), catalog, documents=docs)
    return facts, findings


def _row(facts, text: str) -> dict:
    rows = facts[facts["text"] == text]
    assert len(rows) == 1, (text, list(facts["text"]))
    return rows.iloc[0].to_dict()


def _compared(findings, rule: str, *texts: str) -> bool:
    return any(f.rule == rule and set(texts) <= {fig["text"] for fig in f.figures} for f in findings)


# --- C9: notation ---------------------------------------------------------------------

def test_markdown_footnotes_are_footnotes_linked_to_their_markers(tmp_path, catalog):
    body = ("Sản lượng lúa năm 2025 đạt 3,2 triệu tấn[^1]; diện tích gieo trồng 410 nghìn ha[^2].\n\n"
            "[^1]: Vụ Đông Xuân 1,9 triệu tấn.\n\n[^2]: Không kể diện tích lúa rẫy.\n")
    facts, findings = _run(tmp_path, catalog, body)
    assert set(facts["text"]) == {"3,2 triệu tấn", "410 nghìn ha", "1,9 triệu tấn"}  # no marker is a figure
    note = _row(facts, "1,9 triệu tấn")
    assert note["block"] == "footnote" and note["footnote"] == 1
    assert note["annotates"] == _row(facts, "3,2 triệu tấn")["id"]
    assert not any(f.rule == "ST01" for f in findings)


def test_a_skipped_markdown_footnote_number_is_found(tmp_path, catalog):
    body = ("Dân số trung bình đạt 1.250 nghìn người[^1]. Diện tích tự nhiên 9.780 km²[^3].\n\n"
            "[^1]: Theo số liệu thống kê.\n\n[^3]: Theo số liệu kiểm kê đất đai.\n")
    _, findings = _run(tmp_path, catalog, body)
    assert any(f.rule == "ST01" and "footnote" in f.message for f in findings)


def test_a_note_number_glued_to_a_word_is_no_figure(tmp_path, catalog):
    facts, _ = _run(tmp_path, catalog, "Thu ngân sách nhà nước đạt 12.400 tỷ đồng(1), tăng 6,5%.\n")
    assert set(facts["text"]) == {"12.400 tỷ đồng", "6,5%"}


def test_units_of_power_energy_houses_and_the_other_spelling_of_ty(tmp_path, catalog):
    body = ("Tổng công suất nguồn điện đạt 3.650 MW, trong đó điện mặt trời 1.250 MWp; sản lượng điện "
            "thương phẩm 9,5 tỷ kWh. Hỗ trợ xây mới 1.200 căn nhà. Thu ngân sách đạt 5.000 tỉ đồng. "
            "Diện tích sàn xây dựng 25.000 m2.\n")
    facts, _ = _run(tmp_path, catalog, body)
    assert _row(facts, "3.650 MW")["unit"] == "megawatt"
    assert _row(facts, "1.250 MWp")["unit"] == "megawatt_peak"  # peak capacity is not capacity
    assert _row(facts, "9,5 tỷ kWh")["unit"] == "kilowatt_hour"
    assert _row(facts, "1.200 căn nhà")["unit"] == "can"
    revenue = _row(facts, "5.000 tỉ đồng")
    assert revenue["unit"] == "dong" and revenue["lo"] == pytest.approx(4.9995e12)
    assert _row(facts, "25.000 m2")["unit"] == "m2"


def test_both_ends_of_a_range_after_a_verb(tmp_path, catalog):
    body = "Tăng trưởng kinh tế năm 2025 đạt 8 - 8,5%. GRDP bình quân đầu người đạt 4.300 - 4.500 USD.\n"
    facts, _ = _run(tmp_path, catalog, body)
    growth = _row(facts, "8 - 8,5%")
    assert growth["kind"] == "range" and growth["indicator"] == "grdp_growth"
    assert _row(facts, "4.300 - 4.500 USD")["kind"] == "range"


def test_dot_decimals_exported_by_a_spreadsheet():
    from checker.figures import parse_number

    assert float(parse_number("412204.00")) == 412204.0
    assert float(parse_number("1.234")) == 1234.0  # a thousands group stays one
    with pytest.raises(ValueError):
        parse_number("2025.12x")


# --- C3: qualifiers -------------------------------------------------------------------

def test_urbanisation_rate_is_an_indicator_not_an_urban_scope(tmp_path, catalog):
    ok = "Tỷ lệ đô thị hóa năm 2025 đạt 41,5%.\n\nII. HẠN CHẾ\n\nTỉ lệ đô thị hoá mới đạt 41,5%.\n"
    facts, findings = _run(tmp_path, catalog, ok)
    rows = facts[facts["text"] == "41,5%"]
    assert set(rows["indicator"]) == {"urbanisation_rate"} and set(rows["scope"]) == {""}
    assert not _compared(findings, "SV01", "41,5%")
    bad = "Tỷ lệ đô thị hóa năm 2025 đạt 41,5%.\n\nII. HẠN CHẾ\n\nTỉ lệ đô thị hoá mới đạt 45,1%.\n"
    _, findings = _run(tmp_path, catalog, bad)
    assert _compared(findings, "SV01", "41,5%", "45,1%")


def test_a_mean_per_year_is_not_the_terms_total(tmp_path, catalog):
    ok = ("Trong nhiệm kỳ kết nạp 12.500 đảng viên mới, bình quân mỗi năm 2.500 đảng viên.\n\n"
          "II. HẠN CHẾ\n\nTrong nhiệm kỳ kết nạp 12.500 đảng viên mới.\n")
    facts, findings = _run(tmp_path, catalog, ok)
    assert _row(facts, "2.500 đảng viên")["measure"] == "annual_mean"
    assert not any(f.rule == "SV01" for f in findings)
    bad = ok.replace("Trong nhiệm kỳ kết nạp 12.500 đảng viên mới.\n", "Trong nhiệm kỳ kết nạp 12.800 đảng viên mới.\n")
    _, findings = _run(tmp_path, catalog, bad)
    assert _compared(findings, "SV01", "12.500 đảng viên", "12.800 đảng viên")


def test_a_target_word_governs_only_the_figure_after_it(tmp_path, catalog):
    body = ("Tỷ lệ lao động qua đào tạo đạt 71%, vượt 1 điểm phần trăm so với chỉ tiêu; "
            "riêng khu vực miền núi đạt 64,5%, chưa đạt chỉ tiêu 66%.\n")
    facts, findings = _run(tmp_path, catalog, body)
    assert _row(facts, "64,5%")["role"] == "actual"
    assert _row(facts, "66%")["role"] == "target"
    assert not _compared(findings, "SV01", "64,5%", "66%")


def test_a_rise_by_an_amount_against_a_base_is_a_change_not_a_level(tmp_path, catalog):
    ok = ("Năm 2025, GRDP bình quân đầu người đạt 95 triệu đồng, tăng khoảng 12 triệu đồng so với năm 2024.\n\n"
          "II. HẠN CHẾ\n\nNăm 2025, GRDP bình quân đầu người mới đạt 95 triệu đồng.\n")
    facts, findings = _run(tmp_path, catalog, ok)
    assert _row(facts, "khoảng 12 triệu đồng")["role"] == "change"
    assert not any(f.rule == "SV01" for f in findings)
    _, findings = _run(tmp_path, catalog, ok.replace("mới đạt 95 triệu đồng", "mới đạt 59 triệu đồng"))
    assert _compared(findings, "SV01", "95 triệu đồng", "59 triệu đồng")


def test_a_years_income_and_its_plan_in_brackets(tmp_path, catalog):
    body = "Thu nhập bình quân đầu người năm 2025 đạt 62,5 triệu đồng/năm (KH 60 triệu đồng/người).\n"
    facts, findings = _run(tmp_path, catalog, body)
    income = _row(facts, "62,5 triệu đồng/năm")
    assert income["indicator"] == "income_per_capita" and income["role"] == "actual"
    assert _row(facts, "60 triệu đồng/người")["role"] == "target"
    assert not any(f.rule in ("SV01", "ID03") for f in findings)


def test_an_exclusion_is_a_scope_of_its_own(tmp_path, catalog):
    ok = ("Kim ngạch xuất khẩu (không kể dầu thô) năm 2025 đạt 1.200 triệu USD; "
          "kim ngạch xuất khẩu đạt 2.100 triệu USD.\n")
    facts, findings = _run(tmp_path, catalog, ok)
    assert _row(facts, "1.200 triệu USD")["scope"] == "excluding_dau_tho"
    assert _row(facts, "2.100 triệu USD")["scope"] == ""
    assert not _compared(findings, "SV01", "1.200 triệu USD", "2.100 triệu USD")
    bad = ok + "\nII. HẠN CHẾ\n\nKim ngạch xuất khẩu (không kể dầu thô) năm 2025 mới đạt 1.250 triệu USD.\n"
    _, findings = _run(tmp_path, catalog, bad)
    assert _compared(findings, "SV01", "1.200 triệu USD", "1.250 triệu USD")


def test_shares_of_plans_set_by_two_bodies_are_two_facts(tmp_path, catalog):
    body = ("Thu ngân sách nhà nước ước đạt 9.870 tỷ đồng, đạt 104,2% dự toán Trung ương giao, "
            "đạt 98,5% dự toán HĐND tỉnh giao.\n")
    facts, findings = _run(tmp_path, catalog, body)
    assert _row(facts, "104,2%")["scope"] != _row(facts, "98,5%")["scope"]
    assert not _compared(findings, "SV01", "104,2%", "98,5%")


# --- C10: a draft's own indicators ----------------------------------------------------

def test_visitors_narrowed_by_their_kind_are_other_indicators(tmp_path, catalog):
    ok = ("Năm 2025, toàn tỉnh đón 8,4 triệu lượt khách, trong đó 1,2 triệu lượt khách quốc tế; "
          "khách lưu trú đạt 3,1 triệu lượt.\n\nII. HẠN CHẾ\n\n"
          "Năm 2025 toàn tỉnh đón 8,4 triệu lượt khách nhưng thời gian lưu trú còn ngắn.\n")
    facts, findings = _run(tmp_path, catalog, ok)
    assert set(facts[facts["text"] == "8,4 triệu lượt khách"]["indicator"]) == {"tourist_arrivals"}
    assert _row(facts, "1,2 triệu lượt khách")["indicator"] == "international_tourists"
    assert _row(facts, "3,1 triệu lượt")["indicator"] == "accommodation_guests"
    assert not any(f.rule == "SV01" for f in findings)
    _, findings = _run(tmp_path, catalog, ok.replace("đón 8,4 triệu lượt khách nhưng", "đón 8,1 triệu lượt khách nhưng"))
    assert _compared(findings, "SV01", "8,4 triệu lượt khách", "8,1 triệu lượt khách")


def test_a_figure_no_catalog_names_gets_a_key_from_its_own_clause(tmp_path, catalog):
    body = ("Năm 2025, toàn tỉnh nạo vét 120 km kênh mương nội đồng; kiên cố hóa 85 km kênh mương.\n\n"
            "II. HẠN CHẾ\n\nNăm 2025 đã nạo vét 120 km kênh mương nội đồng. "
            "Trong 9 tháng đầu năm, nạo vét 90 km kênh mương nội đồng. "
            "Tổng diện tích các khu công nghiệp (tổng diện tích 950 ha) còn nhỏ.\n")
    facts, _ = _run(tmp_path, catalog, body)
    heads = facts[facts["text"] == "120 km"]["head"]
    assert len(set(heads)) == 1 and next(iter(heads)) == "nạo vét | km kênh mương nội"
    assert _row(facts, "85 km")["head"] not in set(heads)  # another work, another key
    assert _row(facts, "90 km")["head"] == ""  # a 9-month figure never meets the year's
    assert _row(facts, "950 ha")["head"] == ""  # a bracket's subject stands outside it
