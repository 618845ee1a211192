"""Related but different quantities must not be keyed as one fact (session 10's fresh drafts:
an industry department's, a tourism, a social-insurance and an enterprise report).  For each
class, short drafts of our own in several phrasings: the related measures stated side by side
stay silent, and a planted mismatch of one measure stated twice still fails."""

from __future__ import annotations

import pytest

from tests.conftest import fact_row, header, rules_and_texts, run_text

SECTION = "# BÁO CÁO\n\n## I. KẾT QUẢ THỰC HIỆN NĂM 2025\n\n"


def _run(tmp_path, body: str, province: str = "Quảng Trị"):
    facts, findings, _ = run_text(tmp_path, header(province) + SECTION + body + "\n")
    return facts, rules_and_texts(findings)


def _rules(found) -> set[str]:
    return {rule for rule, _ in found}


# --- The index of industrial production is not the value of industrial production ---------

IIP = [
    "Chỉ số sản xuất công nghiệp (IIP) năm 2025 ước tăng {iip}% so với năm 2024.",
    "Chỉ số sản xuất toàn ngành công nghiệp năm 2025 tăng {iip}%.",
    "IIP toàn tỉnh năm 2025 ước tăng {iip}% so với năm trước.",
    "Chỉ số phát triển sản xuất công nghiệp năm 2025 tăng {iip}% so với năm 2024.",
    "Chỉ số sản xuất ngành công nghiệp năm 2025 ước tăng {iip}%.",
]
VALUE = ("Giá trị sản xuất công nghiệp (giá so sánh 2010) năm 2025 ước đạt 43.470 tỷ đồng, "
         "tăng {value}% so với năm 2024.")


@pytest.mark.parametrize("iip", IIP)
def test_the_index_and_the_value_of_industrial_production_are_two_measures(tmp_path, iip):
    facts, found = _run(tmp_path, iip.format(iip="9,8") + "\n\n" + VALUE.format(value="10,0"))
    assert fact_row(facts, "10,0%")["indicator"] == "industrial_production_growth"
    assert "SV01" not in _rules(found)


@pytest.mark.parametrize("iip", IIP)
def test_the_index_stated_twice_with_two_growths_still_fails(tmp_path, iip):
    annex = ("\n\n| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 |\n|---|---|---|---|---|\n"
             "| 1 | Chỉ số sản xuất công nghiệp (IIP) tăng | % | 9,0 | 9,6 |\n")
    _, found = _run(tmp_path, iip.format(iip="9,8") + annex)
    assert "SV01" in _rules(found)
    _, found = _run(tmp_path, iip.format(iip="9,6") + annex)
    assert "SV01" not in _rules(found)


def test_the_value_growth_stated_twice_still_fails(tmp_path):
    text = VALUE.format(value="10,0") + "\n\nNăm 2025, giá trị sản xuất công nghiệp tăng {g}% so với năm 2024."
    _, found = _run(tmp_path, text.format(g="10,6"))
    assert "SV01" in _rules(found)
    _, found = _run(tmp_path, text.format(g="10,0"))
    assert "SV01" not in _rules(found)
