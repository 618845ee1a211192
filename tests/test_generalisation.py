"""Drafts for other merged provinces, in our own words: every planted mismatch is found,
nothing else is reported, with the shared catalogs only (no per-draft configuration)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.catalog import load_catalog
from checker.facts import extract
from tests.conftest import check_files, every_finding

DATA = Path(__file__).resolve().parent.parent / "data"

PLANTED = {
    # A two-province merger: Hà Giang + Tuyên Quang.
    "tuyen-quang-draft.md": [
        ("PW01", {"412 sản phẩm", "248 sản phẩm", "170 sản phẩm"}),    # OCOP total off by six
        ("RT01", {"98/124 xã", "79,8%"}),                               # 98/124 is 79,03%
        ("SV01", {"58,5%", "58,0%"}),                                   # Hà Giang forest cover, body vs appendix
        ("RT03", {"28,6%", "30,1%"}),                                   # a fall that rises
        ("SV01", {"95 triệu đồng", "90 triệu đồng"}),                   # 2030 target, report vs resolution
        ("BT02", {"68%", "61%"}),                                       # merged rate copied from one province
        ("VD02", {"65,2%", "65%", "1,5 điểm phần trăm"}),               # a margin over target that is not there
        ("ID01", {"54,2 triệu đồng", "1.900 nghìn người", "ước đạt 98.450 tỷ đồng"}),  # per head × people ≠ GRDP
        ("ID09", {"1.500 hộ", "75 tỷ đồng", "60 triệu đồng/hộ"}),      # 1.500 × 60 triệu is 90 tỷ
    ],
    # A three-province merger: Vĩnh Phúc + Hòa Bình + Phú Thọ; plain text, tab table.
    "phu-tho-draft.txt": [
        ("PW01", {"24.350 doanh nghiệp", "9.800", "3.950", "10.400"}),  # three parts add to 24.150
        ("RT02", {"23,6 tỷ USD", "9,8 tỷ USD", "2,1 lần"}),             # 23,6 / 9,8 is 2,41
        ("BT01", {"55%", "22%", "51%", "39%"}),                         # merged forest cover above every part
        ("SV01", {"71,5%", "75,1%"}),                                   # Hòa Bình schools, body vs appendix
        ("PW02", {"5.230 văn bản", "1.420 nghị quyết", "2.100 kết luận", "1.650 quyết định"}),
        ("SH01", {"55%", "37,5%", "8,5%"}),                             # the 2030 structure adds to 101%
        ("TP01", {"40%", "55%"}),                                       # 2030 forest target below 2025's level
        ("ST03", {"94,250%"}),                                          # three decimals ending in zero
        ("WM01", {"7,1%/năm", "7,9%/năm", "6,2%/năm", "6,8%/năm",       # growth weighted by GRDP is 7,3%
                  "190.000 tỷ đồng", "65.000 tỷ đồng", "95.000 tỷ đồng"}),
        ("CG01", {"38.200 tỷ đồng", "52.700 tỷ đồng", "9,5%/năm"}),     # those levels grew 6,6% a year
    ],
    # A city: Hải Dương + Hải Phòng; a table with a unit column.
    "hai-phong-draft.txt": [
        ("PW01", {"214 xã", "161 xã", "55 xã"}),                        # communes add to 216
        ("BT01", {"82%", "72,5%", "79%"}),                              # merged rate above both parts
        ("SV01", {"93,5%", "95,3"}),                                    # Hải Dương health insurance
        ("SV01", {"12%/năm", "10,5%/năm"}),                             # growth target, report vs resolution
        ("VD01", {"75", "72,5", "Đạt"}),                                # short of target, marked as met
        ("ST01", {"5"}),                                                # appendix rows 1, 2, 3, 5
    ],
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_mismatches_are_found_and_nothing_else(name):
    findings = every_finding(check_files([DATA / name]))
    got = sorted((f.rule, sorted({fig["text"] for fig in f.figures})) for f in findings)
    want = sorted((rule, sorted(texts)) for rule, texts in PLANTED[name])
    assert got == want


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_drafts_are_mostly_resolved(name):
    facts, _ = extract([str(DATA / name)], load_catalog())
    stats = facts[facts["kind"].isin(["statistic", "range", "fraction"])]
    resolved = stats.dropna(subset=["indicator", "entity", "period", "role"])
    assert len(stats) >= 25
    assert len(resolved) / len(stats) >= 0.85, stats[stats["indicator"].isna()][["line", "text"]]


def test_merged_provinces_are_told_apart_from_their_namesakes():
    facts, _ = extract([str(DATA / "hai-phong-draft.txt")], load_catalog())
    by_text = {(r.line, r.text): r.entity for r in facts.itertuples()}
    assert by_text[(15, "9,8%/năm")] == "hai_phong"        # toàn thành phố: the merged city
    assert by_text[(17, "10,6%/năm")] == "hai_phong_cu"    # Hải Phòng (cũ)
    assert by_text[(17, "8,1%/năm")] == "hai_duong"
