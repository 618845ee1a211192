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
