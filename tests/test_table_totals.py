"""Table totals (PW03): a table row against the rows numbered under it, the `Trong đó` rows that
only bound it, and the tables where the structure is not clear enough to say (each an
abstention, written in our own words after the forms real budget annexes take); and the share
lists of one whole (SH01) with the sector names budget and socio-economic reports use."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text

TABLE = """Đơn vị: tỷ đồng

| STT | Nội dung | Dự toán năm 2026 |
|---|---|---|
{rows}
"""


def _outcome(tmp_path, rows: str, rule: str = "PW03"):
    _, findings, outcomes = run_text(tmp_path, header("Nghệ An") + TABLE.format(rows=rows.strip()))
    by_rule = {o.rule: o for o in outcomes}
    return by_rule[rule], [f for f in findings if f.rule == rule]


def _passes_fails(tmp_path, rows: str, rule: str = "PW03") -> tuple[int, int]:
    outcome, found = _outcome(tmp_path, rows, rule)
    assert len(found) == outcome.fails
    return outcome.passes, outcome.fails


AGREEING = """
| A | Tổng chi ngân sách địa phương | 9.600 |
| I | Chi cân đối ngân sách | 9.100 |
| 1 | Chi đầu tư phát triển | 3.000 |
| a | Chi đầu tư từ nguồn vốn trong nước | 2.400 |
| b | Chi đầu tư từ nguồn thu tiền sử dụng đất | 600 |
| 2 | Chi thường xuyên | 6.100 |
| II | Chi các chương trình mục tiêu | 500 |
"""


def test_each_level_of_an_a_i_1_a_table_is_checked(tmp_path):
    # A = I + II, I = 1 + 2, 1 = a + b: three totals verified.
    assert _passes_fails(tmp_path, AGREEING) == (3, 0)


@pytest.mark.parametrize("old, new", [
    ("| Tổng chi ngân sách địa phương | 9.600 |", "| Tổng chi ngân sách địa phương | 9.060 |"),  # A
    ("| Chi cân đối ngân sách | 9.100 |", "| Chi cân đối ngân sách | 9.010 |"),  # I (and A)
    ("| 600 |", "| 660 |"),  # b under 1
])
def test_a_row_off_its_parent_fails(tmp_path, old, new):
    passes, fails = _passes_fails(tmp_path, AGREEING.replace(old, new))
    assert fails >= 1


def test_the_finding_names_the_parent_and_its_rows(tmp_path):
    _, found = _outcome(tmp_path, AGREEING.replace("| 600 |", "| 660 |"))
    texts = sorted(fig["text"] for fig in found[0].figures)
    assert texts == ["2.400", "3.000", "660"]


def test_the_rows_sum_within_their_written_precision(tmp_path):
    # 1,2 + 2,3 stands for [3,4; 3,6]: 3,6 (from 3,55) meets it, 3,7 (from 3,65) does not.
    rows = """
| I | Chi khác | {total} |
| 1 | Chi hỗ trợ doanh nghiệp | 1,2 |
| 2 | Chi hỗ trợ hợp tác xã | 2,3 |
"""
    assert _passes_fails(tmp_path, rows.format(total="3,5")) == (1, 0)
    assert _passes_fails(tmp_path, rows.format(total="3,6")) == (1, 0)
    assert _passes_fails(tmp_path, rows.format(total="3,7")) == (0, 1)


def test_trong_do_rows_bound_their_parent(tmp_path):
    rows = """
| 1 | Chi thường xuyên | {total} |
| | Trong đó: chi sự nghiệp giáo dục, đào tạo và dạy nghề | 2.500 |
| | Chi sự nghiệp y tế, dân số và gia đình | 700 |
| 2 | Dự phòng ngân sách | 150 |
"""
    assert _passes_fails(tmp_path, rows.format(total="6.100")) == (1, 0)  # 3.200 of 6.100: fine
    assert _passes_fails(tmp_path, rows.format(total="3.100")) == (0, 1)  # 3.200 under 3.100


def test_a_numbered_trong_do_row_also_only_bounds(tmp_path):
    rows = """
| 1 | Thu nội địa | 5.000 |
| - | Trong đó: thu tiền sử dụng đất | 1.800 |
| - | Thu lệ phí trước bạ | 300 |
"""
    assert _passes_fails(tmp_path, rows) == (1, 0)


def test_unnumbered_rows_under_a_numbered_row_are_some_of_its_parts(tmp_path):
    # Their indentation is lost in text: they bound the row above, and are no rows of its parent's.
    rows = """
| I | Tổng chi | {total} |
| 1 | Chi đầu tư phát triển | 3.000 |
| | Chi đầu tư từ nguồn vốn trong nước | {part} |
| 2 | Chi thường xuyên | 6.100 |
"""
    assert _passes_fails(tmp_path, rows.format(total="9.100", part="2.400")) == (2, 0)
    assert _passes_fails(tmp_path, rows.format(total="9.100", part="3.400")) == (1, 1)
    assert _passes_fails(tmp_path, rows.format(total="9.010", part="2.400")) == (1, 1)


def test_a_line_with_no_amount_adds_nothing(tmp_path):
    rows = """
| I | Tổng thu ngân sách nhà nước trên địa bàn | 3.800 |
| 1 | Thu nội địa | 1.800 |
| 2 | Thu từ dầu thô | 1.970 |
| 3 | Thu từ hoạt động xuất nhập khẩu | 30 |
| 4 | Thu viện trợ | |
"""
    assert _passes_fails(tmp_path, rows) == (1, 0)
    assert _passes_fails(tmp_path, rows.replace("| 30 |", "| 300 |")) == (0, 1)


def test_a_cong_row_at_the_bottom_holds_the_numbered_rows(tmp_path):
    rows = """
| 1 | Huyện A | 1.200 |
| 2 | Huyện B | 800 |
| | Cộng | {total} |
"""
    assert _passes_fails(tmp_path, rows.format(total="2.000")) == (1, 0)
    assert _passes_fails(tmp_path, rows.format(total="2.100")) == (0, 1)


@pytest.mark.parametrize("rows", [
    # The parent's own label says the rows under it are some of its parts.
    """
| 2 | Chi thường xuyên, trong đó: | 15.500 |
| 2.1 | Chi sự nghiệp giáo dục, đào tạo | 6.000 |
| 2.2 | Chi sự nghiệp y tế | 1.500 |
""",
    # Bulleted rows name what is worth naming as often as all there is.
    """
| 5 | Tổng lượt khách du lịch | 14.500 |
| - | Khách quốc tế | 1.200 |
| - | Khách lưu trú | 6.000 |
""",
    # Rows that repeat their parent's name and narrow it are subsets, not components.
    """
| 3 | Số xã đạt chuẩn nông thôn mới | 148 |
| 3.1 | Số xã đạt chuẩn nông thôn mới nâng cao | 40 |
| 3.2 | Số xã đạt chuẩn nông thôn mới kiểu mẫu | 12 |
""",
])
def test_lists_that_may_not_be_all_the_parts_only_bound(tmp_path, rows):
    assert _passes_fails(tmp_path, rows) == (1, 0)
    swollen = rows.replace("| 6.000 |", "| 16.000 |").replace("| 40 |", "| 140 |").replace("| 1.500 |", "| 11.500 |")
    assert _passes_fails(tmp_path, swollen) == (0, 1)


def test_a_tong_so_row_on_top_holds_the_numbered_rows(tmp_path):
    rows = """
| | Tổng số | {total} |
| 1 | Huyện A | 1.200 |
| 2 | Huyện B | 800 |
| 3 | Huyện C | 450 |
"""
    assert _passes_fails(tmp_path, rows.format(total="2.450")) == (1, 0)
    assert _passes_fails(tmp_path, rows.format(total="2.540")) == (0, 1)


@pytest.mark.parametrize("rows", [
    # No numbering column: indentation, which said what is part of what, is lost in text.
    """| Tổng chi | 9.600 |\n| Chi đầu tư phát triển | 3.000 |\n| Chi thường xuyên | 6.100 |""",
    # A marker of no known form: nothing below it can be placed.
    """
| I | Tổng chi | 9.999 |
| 1a | Chi đầu tư phát triển | 3.000 |
| 2 | Chi thường xuyên | 6.100 |
""",
    # A row that is no part of the whole above it: a source of funds, a ratio.
    """
| I | Tổng chi | 9.100 |
| 1 | Chi đầu tư phát triển | 3.000 |
| 2 | Chi thường xuyên | 6.100 |
| 3 | Chi từ nguồn bổ sung có mục tiêu của ngân sách trung ương | 420 |
""",
    # A deficit row is negative: no part of a sum of amounts.
    """
| I | Cân đối ngân sách | 9.100 |
| 1 | Tổng thu | 9.600 |
| 2 | Bội chi | -500 |
""",
    # A single row under a parent that claims no partial list says nothing of the rest.
    """
| I | Chi thường xuyên | 6.100 |
| 1 | Chi sự nghiệp giáo dục | 2.500 |
""",
])
def test_an_unclear_structure_abstains(tmp_path, rows):
    if rows.lstrip().startswith("| Tổng chi"):
        text = header("Nghệ An") + "Đơn vị: tỷ đồng\n\n| Nội dung | Dự toán năm 2026 |\n|---|---|\n" + rows + "\n"
        _, findings, outcomes = run_text(tmp_path, text)
        outcome = {o.rule: o for o in outcomes}["PW03"]
    else:
        outcome, findings = _outcome(tmp_path, rows)
    assert (outcome.passes, outcome.fails) == (0, 0)
    assert not [f for f in findings if f.rule in ("PW03", "PW02")]


def test_a_row_of_column_numbers_is_no_row_of_the_table(tmp_path):
    text = header("Nghệ An") + """Đơn vị: tỷ đồng

| STT | Nội dung | Dự toán năm 2025 | Ước thực hiện năm 2025 |
|---|---|---|---|
| A | B | 1 | 2 |
| I | Tổng chi ngân sách địa phương | 9.100 | 9.300 |
| 1 | Chi đầu tư phát triển | 3.000 | 3.100 |
| 2 | Chi thường xuyên | 6.100 | 6.200 |
| II | Chi các chương trình mục tiêu | 500 | 520 |
"""
    _, findings, outcomes = run_text(tmp_path, text)
    outcome = {o.rule: o for o in outcomes}["PW03"]
    assert (outcome.passes, outcome.fails) == (2, 0) and not findings


def test_rows_in_another_unit_are_not_summed(tmp_path):
    text = header("Nghệ An") + """
| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |
|---|---|---|---|
| 1 | Tổng thu ngân sách nhà nước trên địa bàn | tỷ đồng | 26.900 |
| - | Thu nội địa | tỷ đồng | 24.300 |
| - | Tốc độ tăng thu nội địa | % | 9,5 |
"""
    _, findings, outcomes = run_text(tmp_path, text)
    outcome = {o.rule: o for o in outcomes}["PW03"]
    assert outcome.fails == 0 and not [f for f in findings if f.rule == "PW03"]


def test_provinces_under_a_national_total_abstain(tmp_path):
    # Whether a country's total holds more than its provinces' rows is not said (PW01 checks a
    # merged province's total against its former provinces').
    rows = """
| | Tổng | 3.000 |
| 1 | Hà Tĩnh | 1.000 |
| 2 | Nghệ An | 1.500 |
"""
    assert _passes_fails(tmp_path, rows) == (0, 0)


def test_a_table_row_is_still_compared_with_its_restatement(tmp_path):
    text = header("Nghệ An") + """Thu nội địa năm 2025 ước đạt 24.300 tỷ đồng.

Đơn vị: tỷ đồng

| STT | Nội dung | Ước thực hiện năm 2025 |
|---|---|---|
| I | Tổng thu ngân sách nhà nước trên địa bàn | 26.900 |
| 1 | Thu nội địa | 24.030 |
| 2 | Thu từ hoạt động xuất nhập khẩu | 2.600 |
"""
    _, findings, _ = run_text(tmp_path, text)
    assert {f.rule for f in findings} >= {"SV01", "PW03"}


SHARES = """Cơ cấu kinh tế năm 2025: nông nghiệp {a}%, công nghiệp – xây dựng 35,4%, dịch vụ 38,2%, thuế sản phẩm 6,3%.
"""


def test_a_complete_share_list_sums_to_100(tmp_path):
    _, findings, outcomes = run_text(tmp_path, header("Nghệ An") + SHARES.format(a="20,1"))
    assert {o.rule: o for o in outcomes}["SH01"].passes == 1 and not findings
    _, findings, _ = run_text(tmp_path, header("Nghệ An") + SHARES.format(a="21,1"))
    assert [f.rule for f in findings] == ["SH01"]


def test_a_share_list_that_is_not_complete_abstains(tmp_path):
    text = header("Nghệ An") + "Năm 2025, trong cơ cấu kinh tế, công nghiệp – xây dựng chiếm 35,4%, dịch vụ chiếm 38,2%.\n"
    _, findings, outcomes = run_text(tmp_path, text)
    assert {o.rule: o for o in outcomes}["SH01"].items == 0 and not findings


def test_bulleted_rows_read_the_structure_of_the_row_above(tmp_path):
    text = header("Nghệ An") + """
| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |
|---|---|---|---|
| 1 | Cơ cấu kinh tế | % | 100 |
| - | Nông, lâm nghiệp và thủy sản | % | 20,1 |
| - | Công nghiệp – xây dựng | % | 35,4 |
| - | Dịch vụ | % | {services} |
| - | Thuế sản phẩm trừ trợ cấp sản phẩm | % | 6,3 |
"""
    _, findings, outcomes = run_text(tmp_path, text.format(services="38,2"))
    assert {o.rule: o for o in outcomes}["SH01"].passes == 1 and not findings
    _, findings, _ = run_text(tmp_path, text.format(services="39,2"))
    assert [f.rule for f in findings] == ["SH01"]


def test_three_sectors_without_the_taxes_only_bound_the_whole(tmp_path):
    # Short of 100% by what the taxes on products may be: perhaps not all of the structure.
    text = header("Nghệ An") + "Cơ cấu kinh tế năm 2025: nông nghiệp 20,1%, công nghiệp – xây dựng 35,4%, dịch vụ {s}%.\n"
    _, findings, outcomes = run_text(tmp_path, text.format(s="38,2"))
    assert not findings and {o.rule: o for o in outcomes}["SH01"].na == 1
    _, findings, _ = run_text(tmp_path, text.format(s="48,2"))
    assert [f.rule for f in findings] == ["SH01"]
    _, findings, _ = run_text(tmp_path, text.format(s="44,5"))
    assert not findings  # 100% exactly: services with the taxes


def test_percent_columns_are_never_summed(tmp_path):
    # `So dự toán (%)` is a share of the plan (not the plan itself), and a column headed in %
    # whose words read as a role (`Dự toán 2025 (%)`, the share of each line) is no amount either.
    text = header("Nghệ An") + """Đơn vị: triệu đồng

| STT | Nội dung | Dự toán 2025 | Ước thực hiện 2025 | So dự toán (%) | Dự toán 2025 (%) |
|---|---|---|---|---|---|
| I | Thu nội địa | 25.000 | 25.300 | 101,2 | 103,6 |
| 1 | Thu từ doanh nghiệp nhà nước | 11.200 | 12.050 | 107,6 | 105,8 |
| 2 | Thu tiền sử dụng đất | 13.800 | 13.250 | 96,0 | 101,9 |
"""
    _, findings, outcomes = run_text(tmp_path, text)
    outcome = {o.rule: o for o in outcomes}["PW03"]
    assert (outcome.passes, outcome.fails) == (2, 0) and not [f for f in findings if f.rule.startswith("PW")]


def test_numbered_rows_far_short_of_their_parent_are_only_its_notable_lines(tmp_path):
    # No `Trong đó`, but 6.800 of 13.600: the lines worth naming, not all of them.
    rows = """
| II | Chi thường xuyên | 13.600 |
| 1 | Chi sự nghiệp giáo dục | 5.100 |
| 2 | Chi sự nghiệp y tế | {b} |
"""
    assert _passes_fails(tmp_path, rows.format(b="1.700")) == (0, 0)
    assert _passes_fails(tmp_path, rows.format(b="9.700")) == (0, 1)  # above it: a slip whatever the list
