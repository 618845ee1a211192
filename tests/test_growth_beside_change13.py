"""A growth rate in a bracket right after the change it restates, both set against a base
level named after `so với` in the bracket that follows: `A, tăng D (tăng P%) so với năm học
trước (B)`.  P must be 100·A/B − 100.  The fail case fails before its fix; the twin is the
same sentence with a rate that fits.  Our own sentences, figures invented."""

from __future__ import annotations

import pytest

from tests.conftest import alarms, figure_texts, header, run_text

SENTENCE = ("# BÁO CÁO\n\n## 1. Quy mô trường lớp\n\n"
            "Toàn tỉnh có 1.950 trường, lớp với 84.360 học sinh, tăng 1.260 học sinh (tăng {p}) "
            "so với năm học trước (83.100 học sinh). Tỷ lệ huy động trẻ ra lớp đạt 98,5%.\n")


def test_a_growth_beside_its_change_recomputes(tmp_path):
    # 84.360 / 83.100 = 101,52%: a rise of 1,52%, stated 1,25%.
    _, findings, _ = run_text(tmp_path, header("Lai Châu") + SENTENCE.format(p="1,25%"), name="draft.md")
    found = alarms(findings, "RT04")
    assert len(found) == 1 and "1,25%" in figure_texts(found[0])


@pytest.mark.parametrize("p", ["1,52%", "1,5%"])
def test_a_growth_beside_its_change_that_fits_stays_silent(tmp_path, p):
    _, findings, _ = run_text(tmp_path, header("Lai Châu") + SENTENCE.format(p=p), name="draft.md")
    assert alarms(findings) == []
