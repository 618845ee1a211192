"""Two classes of false alarm in breakdown lists: a grade (`đạt 4 sao`) read as an amount
that a bracket of counts sums to, and the next subject of a sentence (`…; 62 cụm công nghiệp,
trong đó …`) read as one more part of the subject before it.  Each with a mismatch that must
still be found."""

from __future__ import annotations

import pytest

from checker.i18n import language
from checker.records import InputError
from tests.conftest import alarms, figure_texts, header, run_text, scan

SECTION = "## 1. Kết quả năm 2025\n\n"


def _alarms(tmp_path, body: str, province: str = "Hưng Yên"):
    _, findings, _ = run_text(tmp_path, header(province) + SECTION + body + "\n")
    return alarms(findings)


# --- A grade is no amount ------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["đạt 4 sao", "khách sạn 5 sao", "xếp hạng 3 sao"])
def test_a_number_of_stars_is_a_grade_not_a_statistic(phrase):
    figures = [f for f in scan(f"Có 12 cơ sở {phrase} trên địa bàn.") if f.kind == "statistic"]
    assert [f.text for f in figures] == ["12 cơ sở"]


def test_counts_bracketed_after_a_grade_are_not_summed_into_it(tmp_path):
    body = ("Toàn tỉnh có 215 sản phẩm OCOP, trong đó 90 sản phẩm đạt 4 sao (Thái Bình cũ 38 sản phẩm, "
            "Hưng Yên cũ 52 sản phẩm), 125 sản phẩm đạt 3 sao.")
    assert _alarms(tmp_path, body) == []


def test_bracketed_formers_that_miss_their_total_still_alarm(tmp_path):
    body = "Toàn tỉnh có 90 sản phẩm OCOP đạt 4 sao (Thái Bình cũ 38 sản phẩm, Hưng Yên cũ 57 sản phẩm)."
    found = _alarms(tmp_path, body)
    assert any({"90 sản phẩm", "38 sản phẩm", "57 sản phẩm"} <= set(figure_texts(f)) for f in found), \
        [(f.rule, figure_texts(f)) for f in found]


def test_a_rating_must_be_a_count_noun(tmp_path):
    from checker.units import UnitCatalog
    (tmp_path / "units.txt").write_text("dong = [currency]\n", encoding="utf-8")
    (tmp_path / "units.yaml").write_text("scales: {}\nunits: {}\nper: {}\nper_10k: []\ncount_nouns: {}\n"
                                         "ratings: [sao]\n", encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"units.yaml:6:\d+: rating 'sao' is not a count noun"):
        UnitCatalog(tmp_path)


# --- The next subject of a sentence is no part of the one before ---------------------------

SUBJECTS = ("Toàn tỉnh có 41 khu công nghiệp, trong đó 27 khu đã đi vào hoạt động; 62 cụm công nghiệp, "
            "trong đó 40 cụm đã có nhà đầu tư hạ tầng.")


def test_a_count_of_another_noun_opening_its_own_breakdown_is_a_new_subject(tmp_path):
    assert _alarms(tmp_path, SUBJECTS) == []


def test_each_subject_still_checks_its_own_parts(tmp_path):
    body = SUBJECTS.replace("27 khu đã đi vào hoạt động", "27 khu đã đi vào hoạt động, 20 khu đang xây dựng") \
        .replace("40 cụm đã có nhà đầu tư hạ tầng", "40 cụm đã có nhà đầu tư hạ tầng, 30 cụm chưa có")
    found = {tuple(figure_texts(f)) for f in _alarms(tmp_path, body)}
    assert ("20 khu", "27 khu", "41 khu công nghiệp") in found
    assert ("30 cụm", "40 cụm", "62 cụm công nghiệp") in found

