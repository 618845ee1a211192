"""Units that do not fit their row's indicator, evaluation words against their row's target
and result, and the table structures that keep rows from being read.  For each class:
several phrasings that fire on a planted slip, the same rows with consistent figures that
stay silent, and near-misses where the evidence is too weak to say anything.  Drafts in our
own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text


def _unit_alarms(tmp_path, body: str, province: str = "Thái Nguyên") -> list[list[str]]:
    _, findings, _ = run_text(tmp_path, header(province) + body)
    return [figure_texts(f) for f in alarms(findings, "ST02")]


def _table(caption: str, rows: list[str]) -> str:
    return (f"# PHỤ LỤC\n\n{caption}\n\n| TT | Chỉ tiêu | Đơn vị tính | Năm 2024 | Năm 2025 |\n|---:|---|---|---:|---:|\n"
            + "\n".join(rows) + "\n")


# --- (1) a unit of another dimension than the row's indicator -----------------------------------

# Phrasings of the class, as report annexes write a rate's, a count's or an area's row: the
# row's name opens the label (qualifiers after it narrow it but keep its dimension), and the
# unit column holds a unit of another kind.
UNIT_SLIPS = [
    # a rate of households written in households
    ("| 1 | Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều) | {u} | 2,10 | 1,62 |", "hộ", "%", ["2,10"]),
    # a disbursement rate whose label goes on to name the programmes, in money
    ("| 2 | Tỷ lệ giải ngân vốn các chương trình mục tiêu quốc gia | {u} | 82,5 | 91,0 |", "tỷ đồng", "%", ["82,5"]),
    # visitors (a name the count shares with its own multiple) in money
    ("| 3 | Tổng lượt khách du lịch | {u} | 4.100 | 4.650 |", "tỷ đồng", "nghìn lượt", ["4.100"]),
    # a planted area with a season named without `vụ`, in tonnes
    ("| 4 | Diện tích lúa đông xuân | {u} | 27.400 | 27.900 |", "tấn", "ha", ["27.400"]),
    ("| 5 | Diện tích lúa vụ Hè Thu | {u} | 18.200 | 18.650 |", "Tấn", "ha", ["18.200"]),
]


@pytest.mark.parametrize("row, slip, right, first", UNIT_SLIPS)
def test_a_unit_of_another_dimension_on_a_named_row_is_flagged(tmp_path, row, slip, right, first):
    caption = "Biểu 1. Một số chỉ tiêu chủ yếu năm 2025"
    found = _unit_alarms(tmp_path, _table(caption, [row.format(u=slip)]))
    assert found and found[0] == first
    assert _unit_alarms(tmp_path, _table(caption, [row.format(u=right)])) == []


NEAR_MISSES = [
    # a rate per person is a rate (`Tỷ lệ` opens it, `/vạn dân` closes it)
    "| 1 | Tỷ lệ bác sĩ/vạn dân | bác sĩ | 11,2 | 11,8 |",
    # a change of the poverty rate, in points
    "| 2 | Giảm tỷ lệ hộ nghèo | điểm % | 0,80 | 0,62 |",
    # a count of poor households in households
    "| 3 | Số hộ nghèo | hộ | 5.120 | 4.230 |",
    # a rate's name followed by a second item of another kind: not one quantity
    "| 4 | Tỷ lệ giải ngân và số vốn đã giải ngân | tỷ đồng | 1.250 | 1.420 |",
    # a rate's name followed by `bình quân … đầu người`: no longer the rate
    "| 5 | Tỷ lệ hộ nghèo bình quân trên đầu người | hộ | 12 | 11 |",
    # the money of visitors is a revenue
    "| 6 | Doanh thu du lịch | tỷ đồng | 4.100 | 4.650 |",
]


@pytest.mark.parametrize("row", NEAR_MISSES)
def test_rows_whose_unit_may_fit_stay_silent(tmp_path, row):
    assert _unit_alarms(tmp_path, _table("Biểu 2. Một số chỉ tiêu xã hội năm 2025", [row])) == []
