"""SV01 and sibling rows of one table: rows whose labels open alike and end differently
(`… trung ương` / `… địa phương`, `Chi thường xuyên` / `… khác`) are different items even
when the catalog gives them one indicator, so the rule abstains on them; a row that states
the same item in other words is still compared."""

from __future__ import annotations

from tests.conftest import check_files

DRAFT = """# NGHỊ QUYẾT VỀ DỰ TOÁN NGÂN SÁCH TỈNH HÀ TĨNH NĂM 2026

#### Phụ lục I. DỰ TOÁN THU NGÂN SÁCH NĂM 2026

*Đơn vị: tỷ đồng*

| STT | Nội dung | Ước thực hiện 2025 | Dự toán 2026 | So sánh (%) |
|---|---|---:|---:|---:|
| I | **Thu nội địa** | 3.950 | 4.270 | 108,1 |
| 1 | Thu từ doanh nghiệp nhà nước trung ương | 2.640 | 2.850 | 108,0 |
| 2 | Thu từ doanh nghiệp nhà nước địa phương | 1.310 | 1.420 | 108,4 |

#### Phụ lục II. DỰ TOÁN CHI NGÂN SÁCH NĂM 2026

*Đơn vị: tỷ đồng*

| STT | Nội dung | Dự toán 2026 | Cơ cấu (%) |
|---|---|---:|---:|
|  | **TỔNG CHI** | 28.710 | 100,0 |
| I | **Chi thường xuyên** | 27.640 | 96,3 |
| 1 | Chi sự nghiệp giáo dục | 26.570 | 92,5 |
| 2 | Chi thường xuyên khác | 1.070 | 3,7 |
"""


def _sv01(tmp_path, text: str) -> list:
    report = check_files([tmp_path / "draft.md"], text)
    return [f for f in report.findings if f.rule == "SV01"]


def test_sibling_rows_are_not_one_fact(tmp_path):
    assert _sv01(tmp_path, DRAFT) == []


def test_the_same_item_in_other_words_is_still_compared(tmp_path):
    text = DRAFT.replace("| 2 | Chi thường xuyên khác | 1.070 | 3,7 |", "| II | Kinh phí chi thường xuyên | 26.470 | 92,2 |")
    found = _sv01(tmp_path, text)
    assert [sorted(f["text"] for f in x.figures) for x in found] == [["26.470", "27.640"]]
