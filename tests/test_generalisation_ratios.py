"""What a sentence states about its own figures recomputes locally, catalog or not (issue 11,
C14 and C15): a percentage or margin of a base, and a yearly average change between two
levels.  Short drafts in our own words; each form has a case that holds (nothing reported)
and one with a planted mismatch (reported), and the ambiguous forms are left alone."""

from __future__ import annotations

import pytest

from tests.conftest import header, run_text

# (draft sentence, the rule that must fail or None when it holds)
CASES = [
    # `A, bằng P% <base> (B)`: P = 100·A/B; the base is a target, exact as written.
    ("Thu ngân sách năm 2025 đạt 8.400 tỷ đồng, bằng 105% dự toán (8.000 tỷ đồng).", None),
    ("Thu ngân sách năm 2025 đạt 8.400 tỷ đồng, bằng 108% dự toán (8.000 tỷ đồng).", "RT04"),
    ("Số lao động được tạo việc làm mới đạt 52.800 người, đạt 96% kế hoạch năm (55.000 người).", None),
    ("Số lao động được tạo việc làm mới đạt 52.800 người, đạt 92% kế hoạch năm (55.000 người).", "RT04"),
    ("Giá trị xuất khẩu năm 2025 đạt 1.710 triệu USD, chỉ đạt 90% mục tiêu Nghị quyết (1.900 triệu USD).", None),
    ("Giá trị xuất khẩu năm 2025 đạt 1.710 triệu USD, chỉ đạt 95% mục tiêu Nghị quyết (1.900 triệu USD).", "RT04"),
    # `vượt P%`: 100·A/B − 100.
    ("Vốn đầu tư công giải ngân đạt 6.360 tỷ đồng, vượt 6% kế hoạch (6.000 tỷ đồng).", None),
    ("Vốn đầu tư công giải ngân đạt 6.360 tỷ đồng, vượt 16% kế hoạch (6.000 tỷ đồng).", "RT04"),
    # `A/B unit, bằng P%`, also in the parallel clauses after `; trong đó`.
    ("Thu nội địa ước đạt 12.600/12.000 tỷ đồng, bằng 105% dự toán; trong đó huyện A 3.150/3.000 tỷ đồng, "
     "bằng 105%; huyện B 2.080/2.000 tỷ đồng, bằng 104%.", None),
    ("Thu nội địa ước đạt 12.600/12.000 tỷ đồng, bằng 105% dự toán; trong đó huyện A 3.150/3.000 tỷ đồng, "
     "bằng 105%; huyện B 2.080/2.000 tỷ đồng, bằng 101%.", "RT04"),
    # A margin in points over a target rate: M = A − B.
    ("Tỷ lệ phủ xanh khu công nghiệp đạt 31,5%, vượt 1,5 điểm phần trăm so với chỉ tiêu (30%).", None),
    ("Tỷ lệ phủ xanh khu công nghiệp đạt 31,5%, vượt 2,5 điểm phần trăm so với chỉ tiêu (30%).", "RT04"),
    # ... with the target named without brackets.
    ("Tỷ lệ hợp tác xã làm ăn có lãi đạt 86,5%, vượt 1,5 điểm % so với mục tiêu 85%.", None),
    ("Tỷ lệ hợp tác xã làm ăn có lãi đạt 86,5%, vượt 2,5 điểm % so với mục tiêu 85%.", "RT04"),
    # A rate's yearly change in points between the two levels of its sentence.
    ("Tỷ lệ hộ dùng điện lưới giảm từ 12,0% năm 2020 xuống còn 4,5% năm 2025, bình quân mỗi năm giảm "
     "1,5 điểm %.", None),
    ("Tỷ lệ hộ dùng điện lưới giảm từ 12,0% năm 2020 xuống còn 4,5% năm 2025, bình quân mỗi năm giảm "
     "1,9 điểm %.", "RT05"),
    # ... with a bracketed breakdown between the levels and the change, and a scope.
    ("Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm từ 18,4% năm 2020 xuống 9,4% năm 2025 "
     "(huyện A 8,1%; huyện B 10,6%), bình quân giảm 1,8 điểm %/năm.", None),
    ("Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm từ 18,4% năm 2020 xuống 9,4% năm 2025 "
     "(huyện A 8,1%; huyện B 10,6%), bình quân giảm 2,8 điểm %/năm.", "RT05"),
    # A level's compound rate from the base year in brackets: (3.221 / 2.000)^(1/5) − 1 = 10%.
    ("Doanh thu du lịch năm 2025 đạt 3.221 tỷ đồng, tăng bình quân 10%/năm so với năm 2020 (2.000 tỷ đồng).", None),
    ("Doanh thu du lịch năm 2025 đạt 3.221 tỷ đồng, tăng bình quân 13%/năm so với năm 2020 (2.000 tỷ đồng).", "RT05"),
    # Two levels with their years in brackets and a compound yearly rate.
    ("Số doanh nghiệp tăng từ 2.000 doanh nghiệp (năm 2020) lên 3.221 doanh nghiệp (năm 2025), bình quân "
     "mỗi năm tăng 10%.", None),
    ("Số doanh nghiệp tăng từ 2.000 doanh nghiệp (năm 2020) lên 3.221 doanh nghiệp (năm 2025), bình quân "
     "mỗi năm tăng 12%.", "RT05"),
    # 469/800 is 58,625 exactly: 58,62% is rounded half-way, not a mismatch (binary floats aside).
    ("Có 469/800 xã đạt chuẩn nông thôn mới, bằng 58,62%.", None),
    ("Có 469/800 xã đạt chuẩn nông thôn mới, bằng 58,64%.", "RT01"),
    # `tăng N lần, từ A lên B`: N = B / A.
    ("Số hợp tác xã tăng 1,6 lần, từ 250 hợp tác xã năm 2020 lên 400 hợp tác xã năm 2025.", None),
    ("Số hợp tác xã tăng 1,9 lần, từ 250 hợp tác xã năm 2020 lên 400 hợp tác xã năm 2025.", "RT02"),
]

# Forms that do not say enough: nothing is recomputed, nothing reported.
AMBIGUOUS = [
    # Two candidate bases: the pair's target and a bracketed one.
    "Thu nội địa đạt 4.800/4.000 tỷ đồng, bằng 101% dự toán (4.750 tỷ đồng).",
    # No base figure at all.
    "Thu ngân sách năm 2025 đạt 8.400 tỷ đồng, bằng 101% dự toán.",
    # Two rates and a change in `%`: points or percent?
    "Tỷ lệ hộ dùng điện lưới giảm từ 12,0% năm 2020 xuống 4,5% năm 2025, bình quân mỗi năm giảm 3,1%.",
    # A margin in `%` of a rate: points or percent?
    "Tỷ lệ phủ xanh khu công nghiệp đạt 31,5%, vượt 9% so với chỉ tiêu (30%).",
    # No unit on the figures.
    "Số dự án hoàn thành là 1.150, bằng 80% kế hoạch (1.300).",
]


def _findings(tmp_path, sentence: str):
    _, findings, _ = run_text(tmp_path, header("Gia Lai") + "# I. KẾT QUẢ NĂM 2025\n\n" + sentence + "\n")
    return [f.rule for f in findings]


@pytest.mark.parametrize("sentence, rule", CASES)
def test_a_stated_figure_recomputes_from_its_own_sentence(tmp_path, sentence, rule):
    rules = _findings(tmp_path, sentence)
    assert rules == ([rule] if rule else []), rules


@pytest.mark.parametrize("sentence", AMBIGUOUS)
def test_an_ambiguous_statement_is_left_alone(tmp_path, sentence):
    facts, findings, _ = run_text(tmp_path, header("Gia Lai") + sentence + "\n")
    assert facts["of_result"].isna().all() and facts["avg_from"].isna().all()
    assert [f.rule for f in findings if f.rule in ("RT04", "RT05")] == []


def test_percentages_of_different_bases_are_different_facts(tmp_path):
    text = header("Gia Lai") + ("Thu ngân sách 6 tháng năm 2025 ước đạt 59,9% so với dự toán Trung ương giao, "
                                "đạt 58% dự toán HĐND tỉnh giao.\n")
    facts, findings, _ = run_text(tmp_path, text)
    bases = dict(zip(facts["value"], facts["base"]))
    assert bases[59.9] == "dự toán trung ương giao" and bases[58.0] == "dự toán hđnd tỉnh giao"
    assert [f.rule for f in findings if f.rule == "SV01"] == []


def test_the_bracketed_base_of_a_plan_is_its_target(tmp_path):
    facts, _, _ = run_text(tmp_path, header("Gia Lai") + CASES[0][0] + "\n")
    base = facts[facts["text"] == "8.000 tỷ đồng"].iloc[0]
    assert base["role"] == "target"
