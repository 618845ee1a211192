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


# --- evidence gating: SV01 compares only figures whose key is stated -----------------------

def _forest(i: int, value: str, line: int, **kw) -> dict:
    fields = dict(EVIDENCE, indicator="forest_cover", entity="thai_nguyen", period="2025")
    fields.update(kw)
    rec = record(i, Interval.stated(value), **fields)
    rec["line"], rec["column"] = line, 1 + 30 * i
    return rec


def test_two_values_of_one_sentence_with_a_carried_indicator_are_not_one_fact():
    # `Tỷ lệ che phủ rừng đạt 58,4%, chỉ số hài lòng đạt 72%`: the second figure only
    # borrows its indicator from earlier in the sentence.
    pair = [_forest(0, "58.4", 5), _forest(1, "72", 5, indicator_evidence="sentence")]
    outcome = run("same_value", pair)
    assert (outcome.fails, outcome.na) == (0, 1)


def test_two_values_of_one_sentence_are_not_one_fact_even_where_each_clause_names_it():
    # `tăng trưởng bình quân 13,4%/năm, trong đó công nghiệp tăng 20,13%/năm`: a lost sector.
    pair = [_forest(0, "58.4", 5), _forest(1, "72", 5)]
    assert run("same_value", pair).na == 1
    assert run("same_value", pair, same_sentence_evidence="clause").fails == 1


def test_figures_of_different_sentences_may_carry_their_indicator():
    pair = [_forest(0, "58.4", 5, indicator_evidence="sentence"), _forest(1, "72", 40, indicator_evidence="sentence")]
    assert run("same_value", pair).fails == 1


def test_a_period_only_the_document_supplies_is_too_weak():
    pair = [_forest(0, "58.4", 5, period_evidence="document"), _forest(1, "72", 40)]
    assert run("same_value", pair).na == 1


def test_an_unnamed_table_row_is_ambiguous_where_the_document_gives_former_provinces_figures():
    unnamed = dict(entity_evidence="document")
    former = _forest(2, "46", 60, entity="thai_nguyen_cu")
    pair = [_forest(0, "58.4", 5, **unnamed), _forest(1, "46", 40, block="table_row", **unnamed)]
    assert run("same_value", pair + [former]).na == 1
    # A 2030 target can only be the merged province's: no former province has one.
    targets = [_forest(0, "60", 5, role="target", period="2030", **unnamed),
               _forest(1, "65", 40, role="target", period="2030", block="table_row", **unnamed)]
    assert run("same_value", targets + [former]).fails == 1


def test_a_restated_figure_of_a_named_province_is_still_compared(tmp_path):
    body = ("I. KẾT QUẢ\n\nNăm 2025, tỷ lệ che phủ rừng của Bắc Kạn đạt 73,4%.\n\n"
            "II. PHỤ LỤC\n\nTỷ lệ che phủ rừng của Bắc Kạn năm 2025 đạt {}%.\n")
    assert rules_fired(tmp_path, body.format("73,4")) == []
    assert rules_fired(tmp_path, body.format("74,3")) == ["SV01"]


# --- C12: a target below what was reached is a slip only where the indicator has a direction ---

def _shares(indicator: str) -> list[dict]:
    key = dict(EVIDENCE, indicator=indicator, entity="thai_nguyen")
    return [record(0, Interval.stated("38.2"), period="2024", **key),
            record(1, Interval.stated("35"), period="2030", role="target", **key)]


def test_a_structure_share_may_be_planned_lower_than_today():
    outcome = run("plausibility", _shares("econ_share_industry_construction"))
    assert (outcome.fails, outcome.na) == (0, 1)


def test_a_rate_with_a_direction_planned_lower_than_reached_is_flagged():
    assert run("plausibility", _shares("trained_labour_rate")).fails == 1


# --- C13: a target is an exact threshold; only the result carries its rounding -------------

TABLE = """| TT | Chỉ tiêu | Mục tiêu | Thực hiện | Đánh giá |
|----|----------|----------|-----------|----------|
| 1 | Tốc độ tăng trưởng kinh tế bình quân | 6,5 - 7%/năm | {result}%/năm | {label} |
"""


def test_a_result_just_below_a_target_range_marked_met_is_flagged(tmp_path):
    assert rules_fired(tmp_path, TABLE.format(result="6,4", label="Đạt")) == ["VD01"]


def test_a_result_at_the_lower_end_of_a_target_range_marked_met_passes(tmp_path):
    assert rules_fired(tmp_path, TABLE.format(result="6,5", label="Đạt")) == []


def test_a_structure_share_is_judged_only_against_a_range_or_a_bound():
    key = dict(EVIDENCE, indicator="econ_share_services", entity="thai_nguyen", period="2025", block="table_row")
    cells = [record(0, Interval(40.0, 42.0), role="target", qualifier="range", text="40 - 42%", value=40.0, **key),
             record(1, Interval.stated("43.5"), **key),
             dict(record(2, Interval.point(1), **key), kind="label", role="evaluation", label="met", lo=None, hi=None)]
    for c in cells:
        c["line"] = 7
    assert run("verdict", cells).fails == 1
    cells[0].update(qualifier="", text="41%", value=41.0, lo=40.5, hi=41.5)
    assert run("verdict", cells).fails == 0


# --- the document's default province, where the document also speaks of former provinces ---

def _plan(target_period: str) -> list[dict]:
    unnamed = dict(EVIDENCE, entity_evidence="document", indicator="export_value", entity="thai_nguyen",
                   unit="usd", unit_text="triệu USD")
    reached = record(0, Interval.stated("1500", 1e6), period="2020", **unnamed)
    target = record(1, Interval.stated("1200", 1e6), period=target_period, role="target", block="table_row",
                    **unnamed)
    former = record(2, Interval.stated("900", 1e6), **dict(unnamed, entity="bac_kan", entity_evidence="clause"))
    return [reached, target, former]  # the former province's figure is for 2025


def test_a_target_row_whose_province_is_only_the_documents_default_is_not_judged_where_formers_share_its_period():
    outcome = run("plausibility", _plan("2025"))
    assert (outcome.fails, outcome.na) == (0, 1)


def test_a_later_target_can_only_be_the_merged_provinces():
    assert run("plausibility", _plan("2030")).fails == 1


def test_an_identity_over_an_unnamed_table_row_abstains_where_formers_share_the_period():
    unnamed = dict(EVIDENCE, entity_evidence="document", entity="thai_nguyen", period="2025")
    rows = [record(0, Interval.stated("120", 1e6), indicator="grdp_per_capita", unit="dong / nguoi", **unnamed),
            record(1, Interval.stated("1800", 1e3), indicator="population", unit="nguoi", block="table_row",
                   **unnamed),
            record(2, Interval.stated("150", 1e12), indicator="grdp", unit="dong", **unnamed)]
    params = dict(left="grdp_per_capita * population", right="grdp")
    assert run("identity", rows, **params).fails == 1
    former = record(3, Interval.stated("60", 1e6), indicator="forest_cover", unit="percent",
                    **dict(unnamed, entity="bac_kan", entity_evidence="clause"))
    assert run("identity", rows + [former], **params).fails == 0


def test_an_unnamed_sentence_speaks_of_the_merged_province_even_where_formers_are_named():
    unnamed = dict(entity_evidence="document")
    other = _forest(2, "70", 60, entity="bac_kan", indicator="trained_labour_rate")
    prose = [_forest(0, "58.4", 5, **unnamed), _forest(1, "46", 40, **unnamed)]
    assert run("same_value", prose + [other]).fails == 1
    prose[1]["block"] = "table_row"
    assert run("same_value", prose + [other]).na == 1


# --- C16: a former province's value listed under a total is a fact of its own --------------

def _listed(appendix: str, part_entity: str = "bac_kan") -> list[dict]:
    total = _forest(0, "58.4", 5)
    parts = [_forest(1, "46", 5, entity="thai_nguyen_cu", part_of=0, scope="thai_nguyen_cu"),
             _forest(2, "72.9", 5, entity=part_entity, part_of=0, scope="bac_kan")]
    return [total] + parts + [_forest(3, appendix, 80, entity="bac_kan", block="table_row",
                                      entity_evidence="table_header", indicator_evidence="table_header")]


def test_a_former_provinces_value_in_a_bracket_is_compared_with_its_restatement():
    assert run("same_value", _listed("72.9")).fails == 0
    assert run("same_value", _listed("79.2")).fails == 1


def test_a_part_of_the_totals_own_province_is_not_compared_on_its_own():
    # `hoàn thành 6.953 hộ (xây mới 5.426 hộ, sửa chữa 1.527 hộ)`: parts by kind, one province.
    key = dict(entity="bac_kan", scope="completed", indicator="houses_supported", unit="ho")
    rows = [_forest(0, "6953", 5, **key)] + [_forest(i, v, 5, part_of=0, **key) for i, v in ((1, "5426"), (2, "1527"))]
    assert run("same_value", rows).fails == 0


# --- ST02: a unit slip needs the indicator named for the figure itself ----------------------

def test_a_percentage_lent_an_indicator_by_a_related_figure_is_no_unit_slip():
    # `GRDP bình quân đầu người … 119 triệu đồng, bằng 96,9% kế hoạch`: a share of the plan.
    row = record(0, Interval.stated("96.9"), indicator="grdp_per_capita", entity="thai_nguyen",
                 **dict(EVIDENCE, indicator_evidence="relation"))
    assert run("structure", [row], mode="unit").fails == 0
    row["indicator_evidence"] = "table_header"
    assert run("structure", [row], mode="unit").fails == 1


def test_a_bare_former_province_value_is_compared_in_its_totals_unit():
    # `12,0 bác sĩ/vạn dân (Thái Nguyên cũ 13,2; Bắc Kạn 9,4)` and a table row `9,4 bác sĩ/vạn dân`.
    key = dict(EVIDENCE, indicator="doctors_per_10k", period="2025", unit="bac_si / nguoi")
    total = record(0, Interval.stated("12.0", 1e-4), entity="thai_nguyen", unit_text="bác sĩ/vạn dân", **key)
    part = record(1, Interval.stated("9.4"), entity="bac_kan", unit_text="", part_of=0, **key)
    total["value"], part["value"] = 12.0, 9.4
    row = record(2, Interval.stated("9.4", 1e-4), entity="bac_kan", unit_text="bác sĩ/vạn dân", **key)
    row["line"] = 60
    assert run("same_value", [total, part, row]).fails == 0
