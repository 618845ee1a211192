"""Evaluation words and targets in annex tables, read as the blind drafts lay them out: a
row holding a previous year's result or next year's plan beside the judged pair, an
evaluation column in each former province's column group, a target range written in a
cell without its unit.  Each fail case fails before its fix; each pass case shows the
rule stays silent on a consistent table.  Drafts in our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

# --- A row that also holds last year's result or next year's plan -----------------------

NEXT_PLAN = (
    "# PHỤ LỤC\n\nKết quả thực hiện các chỉ tiêu năm 2025 và kế hoạch năm 2026.\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Ước thực hiện 2025 | Đánh giá | Kế hoạch 2026 |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Tỷ lệ trường học đạt chuẩn quốc gia | % | 72 | {a} | {w} | 75 |\n"
    "| 2 | Tổng vốn đầu tư toàn xã hội | tỷ đồng | 40.000 | 41.300 | Vượt | 45.000 |\n")

LAST_YEAR = (
    "PHỤ LỤC\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025\n\n"
    "STT\tChỉ tiêu\tĐơn vị tính\tThực hiện 2024\tKế hoạch 2025\tƯớc thực hiện 2025\tSo với cùng kỳ (%)\tĐánh giá\n"
    "1\tSố lao động đi làm việc ở nước ngoài\tngười\t2.100\t2.400\t{a}\t{c}\t{w}\n"
    "2\tTỷ lệ dân số tham gia bảo hiểm y tế\t%\t91,2\t93,0\t93,4\t\tVượt\n")

KQ_COLUMN = (
    "# PHỤ LỤC\n\nMột số chỉ tiêu chủ yếu.\n\n"
    "| TT | Chỉ tiêu | ĐVT | Năm 2024 | Mục tiêu năm 2025 | Kết quả năm 2025 | Đánh giá |\n"
    "|---|---|---|---|---|---|---|\n"
    "| 1 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 90,1 | 92,5 | {a} | {w} |\n")


@pytest.mark.parametrize("table, result, word, name", [
    (NEXT_PLAN, "70,4", "Đạt", "draft.md"),
    (LAST_YEAR.replace("{c}", "103,8"), "2.180", "Vượt", "draft.txt"),
    (KQ_COLUMN, "91,9", "Vượt", "draft.md"),
])
def test_a_word_judges_the_pair_of_its_own_year(tmp_path, table, result, word, name):
    # The target and the result of the same year are the judged pair; the other year's
    # plan or result beside them made two pairs, and the rule abstained.
    _, findings, _ = run_text(tmp_path, header("Sơn La") + table.format(a=result, w=word, c=""), name=name)
    found = alarms(findings, "VD01")
    assert len(found) == 1 and result in figure_texts(found[0]) and word in figure_texts(found[0])


@pytest.mark.parametrize("table, result, word, name", [
    (NEXT_PLAN, "70,4", "Không đạt", "draft.md"),
    (NEXT_PLAN, "73,0", "Vượt", "draft.md"),
    (LAST_YEAR.replace("{c}", "120,0"), "2.520", "Vượt", "draft.txt"),
    (LAST_YEAR.replace("{c}", "95,2"), "2.000", "Không đạt", "draft.txt"),
    (KQ_COLUMN, "92,5", "Đạt", "draft.md"),
])
def test_a_word_that_fits_its_own_year_stays_silent(tmp_path, table, result, word, name):
    _, findings, _ = run_text(tmp_path, header("Sơn La") + table.format(a=result, w=word, c=""), name=name)
    assert alarms(findings, "VD01") == []


def test_two_plans_of_one_year_are_still_not_guessed_between(tmp_path):
    # `Kế hoạch đầu năm` and `Kế hoạch điều chỉnh` of one year: which one the word judges is
    # not written, so the rule abstains.
    text = header("Sơn La") + (
        "# PHỤ LỤC\n\nKết quả năm 2025.\n\n"
        "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Kế hoạch điều chỉnh 2025 | Ước thực hiện 2025 | Đánh giá |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | Kim ngạch xuất khẩu | triệu USD | 500 | 450 | 470 | Đạt |\n")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "VD01") == []


# --- An evaluation column in each former province's column group -----------------------

GROUPS_TAB = (
    "PHỤ LỤC\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NHIỆM KỲ 2020 - 2025 CỦA HAI TỈNH TRƯỚC HỢP NHẤT\n\n"
    "STT\tChỉ tiêu\tĐơn vị\tHà Giang (cũ) - Mục tiêu NQ\tHà Giang (cũ) - Thực hiện\tHà Giang (cũ) - Đánh giá"
    "\tTuyên Quang (cũ) - Mục tiêu NQ\tTuyên Quang (cũ) - Thực hiện\tTuyên Quang (cũ) - Đánh giá\n"
    "1\tKim ngạch xuất khẩu năm 2025\ttriệu USD\t600\t640\tVượt\t{t}\t{a}\t{w}\n"
    "2\tTỷ lệ trường đạt chuẩn quốc gia\t%\t60\t58,2\tKhông đạt\t70\t71,4\tVượt\n")

GROUPS_MD = (
    "# PHỤ LỤC\n\nKết quả thực hiện các chỉ tiêu nhiệm kỳ 2020 - 2025 của hai tỉnh trước hợp nhất.\n\n"
    "| TT | Chỉ tiêu | ĐVT | Hà Giang (cũ): Kế hoạch | Hà Giang (cũ): Kết quả | Hà Giang (cũ): Đánh giá"
    " | Tuyên Quang (cũ): Kế hoạch | Tuyên Quang (cũ): Kết quả | Tuyên Quang (cũ): Đánh giá |\n"
    "|---|---|---|---|---|---|---|---|---|\n"
    "| 1 | Thu ngân sách nhà nước năm 2025 | tỷ đồng | 3.000 | 3.150 | Vượt | {t} | {a} | {w} |\n")


@pytest.mark.parametrize("table, name", [(GROUPS_TAB, "draft.txt"), (GROUPS_MD, "draft.md")])
def test_each_group_word_judges_its_own_province(tmp_path, table, name):
    # The second group's exports 2.350 against its target 2.400, marked `Vượt`: the word's
    # province is the one its column heading names, as its target's and result's are.
    text = header("Tuyên Quang") + table.format(t="2.400", a="2.350", w="Vượt")
    _, findings, _ = run_text(tmp_path, text, name=name)
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == sorted(["2.350", "2.400", "Vượt"])


@pytest.mark.parametrize("table, name", [(GROUPS_TAB, "draft.txt"), (GROUPS_MD, "draft.md")])
@pytest.mark.parametrize("target, result, word", [("2.400", "2.350", "Không đạt"), ("2.400", "2.460", "Vượt")])
def test_each_group_word_that_fits_stays_silent(tmp_path, table, name, target, result, word):
    text = header("Tuyên Quang") + table.format(t=target, a=result, w=word)
    _, findings, _ = run_text(tmp_path, text, name=name)
    assert alarms(findings, "VD01") == []


# --- A target range in a table cell, without its unit ----------------------------------

def _term(text_range: str, cell_range: str, name: str = "draft.md") -> str:
    body = (f"# III. MỤC TIÊU\n\nTốc độ tăng trưởng GRDP bình quân giai đoạn 2026 - 2030 đạt {text_range}/năm; "
            "tỷ lệ hộ nghèo giảm bình quân 1 - 1,5 điểm phần trăm/năm.\n\n"
            "# PHỤ LỤC 2. CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030\n\n")
    if name.endswith(".md"):
        return body + ("| TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Mục tiêu đến năm 2030 |\n"
                       "|---|---|---|---|---|\n"
                       f"| 1 | Tốc độ tăng trưởng GRDP bình quân | %/năm | 7,2 | {cell_range} |\n"
                       "| 2 | GRDP bình quân đầu người | triệu đồng | 80,5 | 140 |\n")
    return body + ("TT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2025\tMục tiêu đến năm 2030\n"
                   f"1\tTốc độ tăng trưởng GRDP bình quân\t%\t7,2\t{cell_range}\n"
                   "2\tGRDP bình quân đầu người\ttriệu đồng\t80,5\t140\n")


def test_a_range_in_a_cell_is_one_target(tmp_path):
    # `8,5 - 9` under a `%/năm` unit column is one range target, not two targets 8,5 and 9.
    from tests.conftest import fact_row

    facts, _, _ = run_text(tmp_path, header("Quảng Trị") + _term("8 - 8,5%", "8,5 - 9"))
    row = fact_row(facts, "8,5 - 9")
    assert (row["kind"], row["qualifier"], row["unit"], row["role"]) == ("range", "range", "percent", "target")


@pytest.mark.parametrize("text_range, cell_range, name", [
    ("8 - 8,5%", "8,5 - 9", "draft.md"),
    ("8% - 8,5%", "8,5 - 9,0", "draft.txt"),
    ("từ 8 đến 8,5%", "7,5 - 8,5", "draft.md"),
    ("8,0 - 8,5%", "8,0 - 8,8", "draft.txt"),
])
def test_a_target_range_restated_with_other_ends_fails(tmp_path, text_range, cell_range, name):
    _, findings, _ = run_text(tmp_path, header("Quảng Trị") + _term(text_range, cell_range, name), name=name)
    found = alarms(findings, "SV01")
    assert len(found) == 1 and cell_range in figure_texts(found[0])


@pytest.mark.parametrize("text_range, cell_range, name", [
    ("8 - 8,5%", "8 - 8,5", "draft.md"),
    ("8% - 8,5%", "8,0 - 8,5", "draft.txt"),
    ("từ 8 đến 8,5%", "8,0 - 8,5", "draft.md"),
    ("8,0 - 8,5%", "8 - 8,5", "draft.txt"),
    ("8 - 8,5%", "8 - 9", "draft.md"),  # at whole numbers, 8,5 may be written 9: not judged
])
def test_a_target_range_restated_alike_stays_silent(tmp_path, text_range, cell_range, name):
    _, findings, _ = run_text(tmp_path, header("Quảng Trị") + _term(text_range, cell_range, name), name=name)
    assert alarms(findings) == []


# --- A row whose figures read no indicator, under a label that names one ---------------

UNREAD = (
    "# PHỤ LỤC\n\nKết quả thực hiện các chỉ tiêu năm 2025.\n\n"
    "| STT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2025 | Ước thực hiện 2025 | Đánh giá |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Diện tích trồng rừng mới | ha | 6.000 | {a} | {w} |\n"
    "| 2 | {label} | % | 3,5 | {b} | {v} |\n")


@pytest.mark.parametrize("a, w, b, v, flagged", [
    ("5.480", "Vượt", "3,1", "Đạt", "5.480"),       # a yearly area in plain hectares: the figures read no indicator
    ("6.250", "Vượt", "3,9", "Đạt", "3,9"),         # a poverty rate under its plan: lower is better
])
def test_the_row_label_gives_the_direction_its_figures_lost(tmp_path, a, w, b, v, flagged):
    text = header("Sơn La") + UNREAD.format(a=a, w=w, b=b, v=v, label="Tỷ lệ hộ nghèo cuối năm (dưới)")
    _, findings, _ = run_text(tmp_path, text)
    found = alarms(findings, "VD01")
    assert len(found) == 1 and flagged in figure_texts(found[0])


def test_a_row_label_naming_no_indicator_is_not_judged(tmp_path):
    # `Số lượt khách lưu trú`, no indicator in the catalog: which way is better is unknown.
    text = header("Sơn La") + UNREAD.format(a="6.250", w="Vượt", b="3,1", v="Không đạt",
                                             label="Số cơ sở lưu trú đạt chuẩn xanh")
    _, findings, _ = run_text(tmp_path, text)
    assert alarms(findings, "VD01") == []


# --- An evaluation word in prose, beside the result and its target ---------------------

PROSE = "# I. KẾT QUẢ\n\n{s}\n"


@pytest.mark.parametrize("sentence, flagged", [
    # the target in a bracket that names it again
    ("Tỷ lệ lao động qua đào tạo đạt 71,2%, vượt kế hoạch (kế hoạch 72%).", "71,2%"),
    # the target right after the word, no bracket
    ("Tỷ lệ che phủ rừng đạt 51,8%, đạt mục tiêu 52%.", "51,8%"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,6%, chưa đạt mục tiêu 94,0%.", "94,6%"),
    # sector rates after the judged one, in the same sentence
    ("Tốc độ tăng trưởng GRDP ước đạt 7,2%, vượt kế hoạch (7,5%); trong đó khu vực nông, lâm nghiệp "
     "và thủy sản tăng 3,6%, công nghiệp - xây dựng tăng 10,2%, dịch vụ tăng 7,9%.", "7,2%"),
])
def test_a_prose_word_against_its_target_fails(tmp_path, sentence, flagged):
    _, findings, _ = run_text(tmp_path, header("Sơn La") + PROSE.format(s=sentence))
    found = alarms(findings, "VD01")
    assert len(found) == 1 and any(t.endswith(flagged) for t in figure_texts(found[0]))


@pytest.mark.parametrize("sentence", [
    "Tỷ lệ lao động qua đào tạo đạt 72,4%, vượt kế hoạch (kế hoạch 72%).",
    "Tỷ lệ che phủ rừng đạt 52,3%, đạt mục tiêu 52%.",
    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 93,6%, chưa đạt mục tiêu 94,0%.",
    "Tốc độ tăng trưởng GRDP ước đạt 7,8%, vượt kế hoạch (7,5%); trong đó khu vực nông, lâm nghiệp "
    "và thủy sản tăng 3,6%, công nghiệp - xây dựng tăng 10,2%, dịch vụ tăng 7,9%.",
    # a margin, not a target: `vượt kế hoạch 5%` is left to the margin rule
    "Thu ngân sách nhà nước đạt 8.400 tỷ đồng, vượt kế hoạch 5%.",
    # `đạt 45% kế hoạch` is a share of the plan, not an evaluation
    "Giải ngân vốn đầu tư công đạt 4.200 tỷ đồng, đạt 45% kế hoạch.",
])
def test_a_prose_word_that_fits_stays_silent(tmp_path, sentence):
    _, findings, _ = run_text(tmp_path, header("Sơn La") + PROSE.format(s=sentence))
    assert alarms(findings, "VD01") == []


# --- A bare `Tỷ lệ (%)` column after the plan and the result ---------------------------

SETTLED = (
    "Bảng tổng hợp một số chỉ tiêu quyết toán năm 2024\n"
    "Chỉ tiêu\tĐơn vị tính\tDự toán\tQuyết toán\t{h}\tĐánh giá\n"
    "Tổng thu ngân sách nhà nước trên địa bàn\ttỷ đồng\t18.400\t{a}\t{p}\t{w}\n"
    "Thu xổ số kiến thiết\ttỷ đồng\t1.200\t1.260\t105,0\tVượt\n")


@pytest.mark.parametrize("heading", ["Tỷ lệ (%)", "Tỷ lệ"])
def test_a_bare_ratio_column_is_the_result_over_the_plan(tmp_path, heading):
    # `Tỷ lệ (%)` after `Dự toán | Quyết toán` is the result's share of the plan, not a second
    # result in tỷ đồng: the row then has one pair, and the word is judged.
    text = header("Cần Thơ") + "I. THU NGÂN SÁCH\n\n" + SETTLED.format(h=heading, a="16.560", p="90,0", w="Đạt")
    _, findings, _ = run_text(tmp_path, text, name="draft.txt")
    found = alarms(findings, "VD01")
    assert len(found) == 1 and "16.560" in figure_texts(found[0])
    text = header("Cần Thơ") + "I. THU NGÂN SÁCH\n\n" + SETTLED.format(h=heading, a="16.560", p="90,0", w="Không đạt")
    _, findings, _ = run_text(tmp_path, text, name="draft.txt")
    assert alarms(findings) == []


# --- One word beside former provinces' results and the whole province's ----------------

WHOLE = (
    "PHỤ LỤC\nCÁC CHỈ TIÊU CHỦ YẾU NĂM 2025 VÀ KẾ HOẠCH NĂM 2026\n\n"
    "STT\tChỉ tiêu\tĐơn vị tính\tƯớc TH 2025 Hà Giang (cũ)\tƯớc TH 2025 Tuyên Quang (cũ)\tƯớc TH 2025 toàn tỉnh"
    "\tKế hoạch 2025\tĐánh giá\tKế hoạch 2026\n"
    "1\tKim ngạch xuất khẩu\ttriệu USD\t410\t{b}\t{a}\t1.100\t{w}\t1.250\n")


@pytest.mark.parametrize("b, a, w, fails", [
    ("600", "1.010", "Vượt", True),
    ("600", "1.010", "Không đạt", False),
    ("760", "1.170", "Vượt", False),
])
def test_one_word_judges_the_province_its_plan_is_of(tmp_path, b, a, w, fails):
    # The plan is the whole province's, and so is the result in `toàn tỉnh`: the word judges
    # that pair, not a former province's result.
    _, findings, _ = run_text(tmp_path, header("Tuyên Quang") + WHOLE.format(a=a, b=b, w=w), name="draft.txt")
    found = alarms(findings, "VD01")
    assert (len(found) == 1 and a in figure_texts(found[0])) if fails else found == []
