"""Relations between figures that the devset drafts left open, in short drafts of our own:
a `trong đó` list naming every kind of a whole adds up to it, and a part with an indicator
of its own is a merged province's total like any other."""

from __future__ import annotations

from tests.conftest import fact_row, header, rules_and_texts, run_text

HEAD = header() + "# I. KẾT QUẢ NĂM 2025\n\n"


def _findings(tmp_path, body: str):
    facts, findings, _ = run_text(tmp_path, HEAD + body + "\n")
    return facts, rules_and_texts(findings)


# `trong đó` parts that are all the kinds of a whole.

FISH = "Năm 2025, sản lượng thủy sản toàn tỉnh đạt 96,8 nghìn tấn, trong đó nuôi trồng {} nghìn tấn, khai thác 21,5 nghìn tấn."


def test_trong_do_listing_every_kind_adds_up(tmp_path):
    facts, found = _findings(tmp_path, FISH.format("75,3"))
    assert found == []
    assert not fact_row(facts, "21,5 nghìn tấn")["part_bound"]


def test_trong_do_listing_every_kind_that_falls_short_is_flagged(tmp_path):
    _, found = _findings(tmp_path, FISH.format("73,5"))
    assert found == [("PW02", ["21,5 nghìn tấn", "73,5 nghìn tấn", "96,8 nghìn tấn"])]


def test_trong_do_listing_some_kinds_still_only_bounds(tmp_path):
    body = ("Năm 2025, tổng kim ngạch xuất nhập khẩu đạt 4.820 triệu USD, trong đó xuất khẩu 2.610 triệu USD. "
            "Số khách du lịch đạt 3,4 triệu lượt, trong đó khách quốc tế 0,35 triệu lượt, khách nội địa 2,9 triệu lượt.")
    facts, found = _findings(tmp_path, body)
    assert fact_row(facts, "2.610 triệu USD")["part_bound"]
    # 0,35 + 2,9 = 3,25: the two kinds are all visitors, so 3,4 is short of them
    assert [rule for rule, _ in found] == ["PW02"]


def test_the_longest_kind_names_a_part(tmp_path):
    body = ("Năm 2025, toàn tỉnh có 812 trường học, trong đó công lập 745 trường, ngoài công lập {} trường.")
    assert _findings(tmp_path, body.format("67"))[1] == []
    assert [rule for rule, _ in _findings(tmp_path, body.format("57"))[1]] == ["PW02"]


# A part measuring something else than its total (PW01).

VISITORS = ("Năm 2025, toàn tỉnh đón 5,2 triệu lượt khách du lịch, trong đó 0,42 triệu lượt khách quốc tế.\n\n"
            "Thái Nguyên (cũ) đón 3,9 triệu lượt khách (0,30 triệu lượt khách quốc tế); Bắc Kạn (cũ) đón 1,3 triệu "
            "lượt khách ({} triệu lượt khách quốc tế).")


def test_a_part_with_its_own_indicator_is_summed_over_former_provinces(tmp_path):
    facts, found = _findings(tmp_path, VISITORS.format("0,12"))
    assert found == []
    part = fact_row(facts, "0,42 triệu lượt khách")
    assert part["part_of"] is not None and part["indicator"] != fact_row(facts, "5,2 triệu lượt khách")["indicator"]


def test_a_part_with_its_own_indicator_that_its_formers_miss_is_flagged(tmp_path):
    _, found = _findings(tmp_path, VISITORS.format("0,21"))
    assert [rule for rule, _ in found] == ["PW01"]
    assert "0,42 triệu lượt khách" in found[0][1]
