"""The clause of a merger sentence speaks of the province the merger makes, also when the
merged province keeps the name of one of its former provinces (`tỉnh Cà Mau được thành lập
trên cơ sở hợp nhất tỉnh Cà Mau và tỉnh Bạc Liêu, có diện tích …`): the figure right after
the last name is the merged province's, not that province's, so a merged rate is weighted by
the former provinces' own populations, and
its totals are summed from theirs.  Drafts in our own words."""

from __future__ import annotations

from tests.conftest import fact_row, rules_and_texts, run_text

OPENING = ("BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH CÀ MAU\n\n"
           "Tỉnh Cà Mau được thành lập trên cơ sở hợp nhất tỉnh Cà Mau và tỉnh Bạc Liêu, có diện tích "
           "tự nhiên 7.942,4 km² (Cà Mau cũ 5.274,5 km², Bạc Liêu cũ 2.667,9 km²), dân số năm 2024 là "
           "2.140,6 nghìn người (Cà Mau cũ 1.207,7 nghìn người, Bạc Liêu cũ 932,9 nghìn người).\n\n"
           "Tỷ lệ dân số tham gia bảo hiểm y tế năm 2025 đạt {rate}% (Cà Mau cũ 93,0%, Bạc Liêu cũ 95,0%).\n")


def test_the_figures_after_a_merger_naming_its_namesake_are_the_merged_provinces(tmp_path):
    facts, findings, _ = run_text(tmp_path, OPENING.format(rate="93,9"), "bc.txt")
    assert fact_row(facts, "7.942,4 km²")["entity"] == "ca_mau"
    assert fact_row(facts, "2.140,6 nghìn người")["entity"] == "ca_mau"
    # 93,0 × 1.207,7 + 95,0 × 932,9 over 2.140,6 = 93,87%: no alarm
    assert [f for f in findings if f.severity in ("error", "warning")] == []


def test_the_merged_total_is_checked_against_its_former_provinces(tmp_path):
    # 5.274,5 + 2.667,9 = 7.942,4; the merged area written 7.924,4 is not their sum
    facts, findings, _ = run_text(tmp_path, OPENING.format(rate="93,9").replace("7.942,4", "7.924,4"), "bc.txt")
    assert fact_row(facts, "7.924,4 km²")["entity"] == "ca_mau"
    assert [t for _, t in rules_and_texts(findings) if "7.924,4 km²" in t], rules_and_texts(findings)
