"""Statistics releases and monthly reports, as blind drafts write them: a summary paragraph
and a section restating what an appendix table gives, a share of plan after a bracketed
base or a growth, a month opening a sentence, a header whose two columns a tab parts.
Each fail case fails before its fix; each pass case shows the rules stay silent on
consistent text.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

SHARES = (
    "# 1. Thương mại\n\n"
    "Khái quát: kim ngạch xuất khẩu 10 tháng đạt 36,84 tỷ USD; thu ngân sách nhà nước đạt 84,1% dự toán.\n\n"
    "Kim ngạch xuất khẩu 10 tháng đạt 36.842 triệu USD, tăng 14,6% so với cùng kỳ (cùng kỳ năm trước đạt "
    "32.150 triệu USD), bằng {a}% kế hoạch năm.\n\n"
    "Doanh thu du lịch 10 tháng đạt 9.120 tỷ đồng (cùng kỳ 8.000 tỷ đồng), {b}% kế hoạch năm.\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện 10 tháng 2025 | Kế hoạch năm 2025 | 10 tháng so với kế hoạch (%) |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Kim ngạch xuất khẩu | triệu USD | 36.842 | 44.500 | 82,8 |\n"
    "| 2 | Doanh thu du lịch | tỷ đồng | 9.120 | 10.000 | 91,2 |\n")


@pytest.mark.parametrize("reached", ["đạt", "bằng"])
def test_a_share_of_plan_is_of_the_level_not_the_aside_or_the_growth(tmp_path, reached):
    # `(cùng kỳ năm trước đạt 32.150 triệu USD), bằng 82,8% kế hoạch`: the share is the
    # level's (36.842 / 44.500 = 82,8%), not the bracketed base year's nor the growth's;
    # `…; thu ngân sách nhà nước đạt 84,1% dự toán` is the budget's, not the exports'.
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + SHARES.format(a="82,8", b=f"{reached} 91,2"))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + SHARES.format(a="88,2", b=f"{reached} 92,1"))
    assert sorted(figure_texts(f) for f in alarms(findings, "RT04")) == [
        ["10.000", "9.120 tỷ đồng", "92,1%"], ["36.842 triệu USD", "44.500", "88,2%"]]


MONTH = (
    "# I. TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 10 VÀ 10 THÁNG NĂM 2025\n\n## 4. Du lịch\n\n"
    "{opening}, toàn tỉnh đón 1.185 nghìn lượt khách. Tính chung 10 tháng, tổng lượt khách ước đạt "
    "12.846 nghìn lượt.\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện tháng 10/2025 | Ước thực hiện 10 tháng 2025 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Tổng lượt khách du lịch | nghìn lượt | {month} | 12.846 |\n")


@pytest.mark.parametrize("opening", ["Tháng 10", "Riêng tháng 10", "Trong tháng 10"])
def test_a_month_opening_a_sentence_is_its_period(tmp_path, opening):
    # `Tháng 10, toàn tỉnh đón 1.185 nghìn lượt khách`: the month's figure, not the heading's
    # ten months (where it clashed with 12.846), and the table's month column restates it.
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + MONTH.format(opening=opening, month="1.185"))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Bắc Ninh") + MONTH.format(opening=opening, month="1.158"))
    assert [figure_texts(f) for f in alarms(findings)] == [["1.158", "1.185 nghìn lượt khách"]]


def test_a_day_and_month_inside_a_sentence_is_no_period(tmp_path):
    # `ngày 20 tháng 10, …` dates an event; the figure after it keeps the heading's period.
    text = (header("Bắc Ninh") + "# I. TÌNH HÌNH 10 THÁNG NĂM 2025\n\n"
            "Đến ngày 20 tháng 10, toàn tỉnh đón 12.846 nghìn lượt khách du lịch.\n")
    facts, _, _ = run_text(tmp_path, text)
    assert facts.loc[facts["text"].str.contains("12.846"), "period"].tolist() == ["2025-10M"]


TAB_HEADER = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n"
    "Số: 101/BC-UBND{sep}Bắc Ninh, ngày 06 tháng 11 năm 2025\n\n"
    "BÁO CÁO\nTình hình kinh tế - xã hội 10 tháng năm 2025\n\n"
    "I. TÌNH HÌNH KINH TẾ - XÃ HỘI 10 THÁNG NĂM 2025\n\n"
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 10 tháng đạt 231.480 tỷ đồng, tăng 12,7% "
    "so với cùng kỳ.\n\n"
    "PHỤ LỤC\nMỘT SỐ CHỈ TIÊU CHỦ YẾU 10 THÁNG NĂM 2025\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Ước thực hiện 10 tháng 2025 | 10 tháng so với cùng kỳ (%) |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | tỷ đồng | {table} | 112,7 |\n")


@pytest.mark.parametrize("sep", ["\t", "\t\t", " | "])
def test_a_header_whose_columns_a_tab_parts_names_the_province(tmp_path, sep):
    # A Word header saved as text puts `Số: …` and `Bắc Ninh, ngày …` a tab apart: the place
    # is the report's province, so the text's 231.480 and the table's row are one fact.
    _, findings, _ = run_text(tmp_path, TAB_HEADER.format(sep=sep, table="213.480"), name="draft.txt")
    assert [figure_texts(f) for f in alarms(findings, "SV01")] == [["213.480", "231.480 tỷ đồng"]]
    _, findings, _ = run_text(tmp_path, TAB_HEADER.format(sep=sep, table="231.480"), name="draft.txt")
    assert alarms(findings) == []


REST = "# 2. Nông nghiệp\n\n{sentence}\n"


@pytest.mark.parametrize("sentence, parts", [
    ("Tổng diện tích cây ăn quả đạt {total} ha, trong đó xoài 22.180 ha (chiếm 25,1%), nhãn 21.340 ha, mận "
     "13.560 ha, các loại cây ăn quả khác 31.370 ha.", 4),
    ("Diện tích cây ăn quả toàn tỉnh đạt {total} ha; trong đó xoài 22.180 ha, nhãn 21.340 ha, mận 13.560 ha "
     "và diện tích còn lại 31.370 ha.", 4),
    ("Tổng chi ngân sách địa phương đạt {total} tỷ đồng, trong đó chi đầu tư phát triển 25.740 tỷ đồng, "
     "chi thường xuyên 31.680 tỷ đồng, các khoản chi khác 1.320 tỷ đồng.", 3),
])
def test_a_list_ending_in_all_the_rest_names_every_part(tmp_path, sentence, parts):
    # `…, các loại cây ăn quả khác 31.370 ha`: the last part is all the others, so the parts
    # add up to the total, not only to at most it.
    right = "88.450" if parts == 4 else "58.740"
    wrong = "88.540" if parts == 4 else "58.920"
    _, findings, _ = run_text(tmp_path, header("Sơn La") + REST.format(sentence=sentence.format(total=wrong)))
    assert [len(f.figures) for f in alarms(findings, "PW02")] == [parts + 1]
    _, findings, _ = run_text(tmp_path, header("Sơn La") + REST.format(sentence=sentence.format(total=right)))
    assert alarms(findings) == []


@pytest.mark.parametrize("last", ["thu khác 1.320 tỷ đồng", "thu tiền sử dụng đất 900 tỷ đồng. Các khoản thu khác 1.320 tỷ đồng"])
def test_a_list_with_one_other_item_only_bounds_its_total(tmp_path, last):
    # `trong đó … thu khác 1.320` names one more kind, not all the rest; and a rest in the
    # next sentence closes no list: the parts add up to no more than the total.
    text = ("Tổng thu ngân sách trên địa bàn đạt 60.000 tỷ đồng, trong đó thu thuế 25.740 tỷ đồng, "
            f"thu phí, lệ phí 11.680 tỷ đồng, {last}.")
    _, findings, _ = run_text(tmp_path, header("Sơn La") + REST.format(sentence=text))
    assert alarms(findings) == []


def _unnumbered_table(rows: list[tuple[str, str, str, str]], tabs: bool) -> str:
    lines = [("Chỉ tiêu", "Thực hiện tháng 8/2025", "Ước tháng 9/2025", "Ước 9 tháng năm 2025")] + rows
    if tabs:
        return "\n".join("\t".join(cells) for cells in lines) + "\n"
    return "\n".join(["| " + " | ".join(lines[0]) + " |", "|---|---|---|---|"]
                     + ["| " + " | ".join(cells) + " |" for cells in lines[1:]]) + "\n"


def _retail(total_august: str, rows=None) -> list[tuple[str, str, str, str]]:
    return [("Tổng số", total_august, "14.202", "123.080"),
            *(rows or [("Bán lẻ hàng hóa", "11.240", "11.385", "98.460"),
                       ("Dịch vụ lưu trú, ăn uống", "1.648", "1.612", "14.235"),
                       ("Du lịch lữ hành", "61", "54", "512"),
                       ("Dịch vụ khác", "1.139", "1.151", "9.873")])]


TABLE_LEAD = "# 5. Thương mại\n\nBiểu 3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng\nĐơn vị: tỷ đồng\n\n"


@pytest.mark.parametrize("tabs", [True, False])
def test_an_unnumbered_total_row_is_the_sum_where_the_other_columns_add_up(tmp_path, tabs):
    # No numbering column: the rows under `Tổng số` add up to it in September and over nine
    # months, so they are all its parts, and August's 14.880 (the rows give 14.088) is wrong.
    name = "draft.txt" if tabs else "draft.md"
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + TABLE_LEAD + _unnumbered_table(_retail("14.880"), tabs), name)
    assert [figure_texts(f) for f in alarms(findings)] == [["1.139", "1.648", "11.240", "14.880", "61"]]
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + TABLE_LEAD + _unnumbered_table(_retail("14.088"), tabs), name)
    assert alarms(findings) == []


@pytest.mark.parametrize("tabs", [True, False])
def test_unnumbered_rows_that_add_up_in_no_column_are_some_parts(tmp_path, tabs):
    # Rows listed under `Tổng số` that add up in no column are some of its parts (a lost
    # `Trong đó`), and a `Trong đó` row says so outright: no sum is checked.
    some = [("Bán lẻ hàng hóa", "11.240", "11.385", "98.460"), ("Du lịch lữ hành", "61", "54", "512")]
    name = "draft.txt" if tabs else "draft.md"
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + TABLE_LEAD + _unnumbered_table(_retail("14.880", some), tabs), name)
    assert alarms(findings) == []
    partial = [("Trong đó: Bán lẻ hàng hóa", "11.240", "11.385", "98.460"),
               ("Dịch vụ lưu trú, ăn uống", "1.648", "1.612", "14.235"), ("Du lịch lữ hành", "61", "54", "512"),
               ("Dịch vụ khác", "1.139", "1.151", "9.873")]
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + TABLE_LEAD + _unnumbered_table(_retail("14.880", partial), tabs), name)
    assert alarms(findings) == []


INDEX = (
    "# 3. Thương mại\n\nTổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng 9 tháng ước đạt 123.080 tỷ đồng, "
    "tăng 11,1% so với {base}.\n\n"
    "Biểu 3. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Ước 9 tháng năm 2025 | {heading} |\n|---|---|---|---|---|\n"
    "| 1 | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng | tỷ đồng | 123.080 | {index} |\n")


@pytest.mark.parametrize("base, heading", [
    ("cùng kỳ", "9 tháng 2025 so với cùng kỳ (%)"),
    ("cùng kỳ năm trước", "So với cùng kỳ (%)"),
    ("cùng kỳ", "9 tháng năm 2025 so với cùng kỳ năm trước (%)"),
])
def test_an_index_column_states_the_growth_the_text_gives(tmp_path, base, heading):
    # `tăng 11,1% so với cùng kỳ` in the text, 111,1 under `so với cùng kỳ (%)`: one growth;
    # 115,1 in the table is another value of it.
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + INDEX.format(base=base, heading=heading, index="111,1"))
    assert alarms(findings) == []
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + INDEX.format(base=base, heading=heading, index="115,1"))
    assert [figure_texts(f) for f in alarms(findings, "SV01")] == [["11,1%", "115,1"]]


@pytest.mark.parametrize("heading, index", [
    ("9 tháng so với kế hoạch năm (%)", "43,6"),  # a share of plan, not a growth
    ("So với tháng trước (%)", "101,9"),  # another base than the text's
    ("Tăng, giảm so với cùng kỳ (%)", "11,1"),  # a growth written as such: no index
])
def test_other_comparison_columns_are_no_growth_of_the_text(tmp_path, heading, index):
    _, findings, _ = run_text(tmp_path, header("Đắk Lắk") + INDEX.format(base="cùng kỳ", heading=heading, index=index))
    assert alarms(findings) == []


BASE_IN_BRACKET = (
    "# 3. Xuất khẩu\n\nKim ngạch xuất khẩu 10 tháng đạt 36.842 triệu USD, tăng 14,6% so với cùng kỳ "
    "({lead} 32.150 triệu USD), bằng 82,8% kế hoạch; trong đó khu vực Hải Phòng (cũ) đạt {part} triệu USD, "
    "khu vực Hải Dương (cũ) đạt 7.927 triệu USD.\n")


@pytest.mark.parametrize("lead", ["cùng kỳ năm trước đạt", "cùng kỳ đạt", "cùng kỳ:"])
def test_a_base_value_in_a_bracket_is_not_the_periods_value(tmp_path, lead):
    # `(cùng kỳ năm trước đạt 32.150 triệu USD)` is last year's value: it is no second value
    # of the ten months, which would leave the merged total unsure and unchecked.
    text = header("Hải Phòng") + BASE_IN_BRACKET
    _, findings, _ = run_text(tmp_path, text.format(lead=lead, part="28.195"))
    assert [figure_texts(f) for f in alarms(findings, "PW01")] == [
        ["28.195 triệu USD", "36.842 triệu USD", "7.927 triệu USD"]]
    _, findings, _ = run_text(tmp_path, text.format(lead=lead, part="28.915"))
    assert alarms(findings) == []
