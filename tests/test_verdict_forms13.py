"""Evaluation words in two more layouts of the blind drafts: a bare `Đánh giá` column after
each former province's target and result columns, and a list item that states its target,
then its result, then a dash and the word (`chỉ tiêu 80%, thực hiện 78,5% - Đạt`).  Each
fail case fails before its fix; each pass case is the same text made consistent.  Drafts in
our own words, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

# --- A bare `Đánh giá` column after each province's pair of columns --------------------

BARE_GROUPS = (
    "PHỤ LỤC\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NHIỆM KỲ 2020 - 2025\n\n"
    "STT\tChỉ tiêu\tĐơn vị\tHà Giang (cũ) - NQ\tHà Giang (cũ) - TH\tĐánh giá"
    "\tTuyên Quang (cũ) - NQ\tTuyên Quang (cũ) - TH\tĐánh giá\n"
    "1\tThu ngân sách nhà nước năm 2025\ttỷ đồng\t3.000\t3.150\tVượt\t{t}\t{a}\t{w}\n"
    "2\tTỷ lệ trường đạt chuẩn quốc gia\t%\t60\t58,2\tKhông đạt\t70\t71,4\tVượt\n")


def test_a_bare_group_word_judges_the_pair_before_it(tmp_path):
    # The second group's revenue 2.350 against 2.400 marked `Đạt`: the word's column names no
    # province, but the pair just before it is all of one.
    text = header("Tuyên Quang") + BARE_GROUPS.format(t="2.400", a="2.350", w="Đạt")
    _, findings, _ = run_text(tmp_path, text, name="draft.txt")
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == sorted(["2.350", "2.400", "Đạt"])


@pytest.mark.parametrize("target, result, word", [("2.400", "2.350", "Không đạt"), ("2.400", "2.460", "Vượt")])
def test_a_bare_group_word_that_fits_stays_silent(tmp_path, target, result, word):
    text = header("Tuyên Quang") + BARE_GROUPS.format(t=target, a=result, w=word)
    _, findings, _ = run_text(tmp_path, text, name="draft.txt")
    assert alarms(findings, "VD01") == []


# --- `chỉ tiêu X, thực hiện Y - Đạt` list items ------------------------------------------

DASH_ITEMS = (
    "# BÁO CÁO\n\n## 4. Kết quả thực hiện các chỉ tiêu năm 2025\n\n"
    "- Tỷ lệ dân số tham gia bảo hiểm y tế: chỉ tiêu 93%, thực hiện 93,4% - Vượt;\n"
    "- Tỷ lệ trường đạt chuẩn quốc gia: {base} {t}, ước thực hiện {a} - {w};\n"
    "- Thu ngân sách nhà nước trên địa bàn: chỉ tiêu 4.000 tỷ đồng, thực hiện 4.120 tỷ đồng - Vượt.\n")


@pytest.mark.parametrize("base", ["chỉ tiêu", "kịch bản"])
def test_a_dash_word_judges_the_item_target_and_result(tmp_path, base):
    # 76,2% against a target (or a scenario) of 78% marked `Đạt`.
    text = header("Điện Biên") + DASH_ITEMS.format(base=base, t="78%", a="76,2%", w="Đạt")
    _, findings, _ = run_text(tmp_path, text, name="draft.md")
    found = alarms(findings, "VD01")
    assert len(found) == 1 and figure_texts(found[0]) == sorted(["76,2%", "78%", "Đạt"])


@pytest.mark.parametrize("base", ["chỉ tiêu", "kịch bản"])
@pytest.mark.parametrize("result, word", [("76,2%", "Không đạt"), ("78,6%", "Đạt"), ("79,1%", "Vượt")])
def test_a_dash_word_that_fits_stays_silent(tmp_path, base, result, word):
    text = header("Điện Biên") + DASH_ITEMS.format(base=base, t="78%", a=result, w=word)
    _, findings, _ = run_text(tmp_path, text, name="draft.md")
    assert alarms(findings, "VD01") == []
