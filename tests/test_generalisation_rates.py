"""Issue 11, the rule kinds' side of rates: what is summed, what lies between, what abstains."""

from __future__ import annotations

from checker.catalog import load_catalog
from checker.engine import run_rule
from checker.interval import Interval
from checker.kinds import KINDS
from checker.kinds.base import Context
from checker.kinds.params import decode
from checker.rulefile import Rule
from tests.conftest import header, run_text
from tests.test_kind_properties import record

CATALOG = load_catalog()
EVIDENCE = dict(indicator_evidence="clause", entity_evidence="clause", period_evidence="clause",
                role_evidence="clause")


def run(kind: str, records: list[dict], **params):
    rule = Rule("T01", "test.rule", kind, "error", "{expected}", "a test rule",
                decode(KINDS[kind].Params, params, kind, CATALOG))
    return run_rule(rule, Context(CATALOG, {}, records))


def rules_fired(tmp_path, body: str, province: str = "Thái Nguyên") -> list[str]:
    _, findings, _ = run_text(tmp_path, header(province) + body)
    return sorted(f.rule for f in findings if f.severity in ("error", "warning"))


# --- C2: a breakdown is summed only when what it breaks down adds up ---------------------

def test_per_10k_rates_with_bare_parts_lie_between_and_are_not_summed(tmp_path):
    body = "Năm 2025, toàn tỉnh có 9,8 bác sĩ/vạn dân (Thái Nguyên cũ 10,6; Bắc Kạn 7,3).\n"
    assert rules_fired(tmp_path, body) == []


def test_per_10k_rate_outside_its_bare_parts_is_flagged(tmp_path):
    body = "Năm 2025, toàn tỉnh có 11,4 bác sĩ/vạn dân (Thái Nguyên cũ 10,6; Bắc Kạn 7,3).\n"
    assert rules_fired(tmp_path, body) == ["BT03"]


def test_growth_rates_of_former_provinces_are_not_summed(tmp_path):
    body = ("Giai đoạn 2021-2025, kinh tế tăng trưởng bình quân 7,1%/năm (Thái Nguyên cũ 7,3%/năm; "
            "Bắc Kạn 5,6%/năm).\n")
    assert rules_fired(tmp_path, body) == []


def test_an_amount_broken_down_by_former_province_is_still_summed(tmp_path):
    body = ("Năm 2025, thu ngân sách nhà nước trên địa bàn đạt 24.300 tỷ đồng (Thái Nguyên cũ "
            "21.900 tỷ đồng; Bắc Kạn 2.600 tỷ đồng).\n")
    assert rules_fired(tmp_path, body) == ["PW02"]


def _quarters(evidence: str) -> list[dict]:
    key = dict(unit="dong", unit_text="tỷ đồng", **{k: v for k, v in EVIDENCE.items() if k != "period_evidence"})
    total = record(0, Interval.point(1000), period="2025", period_evidence="clause", **key)
    parts = [record(i, Interval.point(v), period=f"2025-Q{i}", period_evidence=evidence, part_of=0, **key)
             for i, v in ((1, 400), (2, 500))]
    return [total] + parts


def test_parts_stated_for_other_periods_are_not_parts():
    outcome = run("part_whole", _quarters("clause"), mode="breakdown")
    assert (outcome.fails, outcome.na) == (0, 1)


def test_parts_whose_period_was_only_inferred_take_the_totals():
    assert run("part_whole", _quarters("heading"), mode="breakdown").fails == 1


# --- percent and percentage points are different units ------------------------------------

def test_a_change_in_points_is_not_the_same_fact_as_a_rate_in_percent():
    key = dict(indicator="poverty_reduction", entity="thai_nguyen", period="2021-2025", **EVIDENCE)
    rate = record(0, Interval.stated("1.2"), **key)
    points = record(1, Interval.stated("0.35"), unit_text="điểm phần trăm", **key)
    in_percent = record(1, Interval.stated("0.35"), **key)
    assert run("same_value", [rate, points]).fails == 0
    assert run("same_value", [rate, in_percent]).fails == 1
