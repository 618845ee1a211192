"""Each resolved field says where it was read (its evidence) and why; relations between
figures come out of the resolve package; the records passed on are frozen and typed."""

from __future__ import annotations

import csv
import dataclasses
import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import header

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("indicator", "entity", "period", "role")

DRAFT = header() + """# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025

Tỷ lệ che phủ rừng đạt 46%. Tăng trưởng kinh tế của Bắc Kạn (cũ) năm 2024 đạt 6,6%¹.

| STT | Chỉ tiêu | Mục tiêu | Kết quả |
|-----|----------|----------|---------|
| 1 | Tỷ lệ hộ nghèo | 2% | 1,5% |

¹ Tăng trưởng kinh tế của Thái Nguyên (cũ) đạt 7,1%.
"""


def _extract_csv(tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", "extract", str(path), "--format", "csv"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    return list(csv.DictReader(io.StringIO(proc.stdout)))


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> dict[str, dict]:
    return {r["text"]: r for r in _extract_csv(tmp_path_factory.mktemp("evidence"), DRAFT)}


def test_extract_csv_has_evidence_and_reason_columns(rows):
    row = next(iter(rows.values()))
    for name in FIELDS:
        assert f"{name}_evidence" in row and f"{name}_reason" in row


def test_a_name_in_the_clause_a_heading_period_and_the_title_province(rows):
    row = rows["46%"]
    assert (row["indicator"], row["indicator_evidence"]) == ("forest_cover", "clause")
    assert "Tỷ lệ che phủ rừng" in row["indicator_reason"]
    # The sentence names no period: the heading's term does, and a level is its end.
    assert (row["period"], row["period_evidence"]) == ("2025", "heading")
    assert "KẾT QUẢ NHIỆM KỲ" in row["period_reason"]
    # No province named: the report's own, from its title.
    assert (row["entity"], row["entity_evidence"]) == ("thai_nguyen", "document")
    assert "title" in row["entity_reason"]
    assert (row["role"], row["role_evidence"]) == ("actual", "heading")


def test_fields_stated_in_the_clause(rows):
    row = rows["6,6%"]
    assert (row["entity"], row["entity_evidence"]) == ("bac_kan", "clause")
    assert "Bắc Kạn" in row["entity_reason"]
    assert (row["period"], row["period_evidence"]) == ("2024", "clause")


def test_table_cells_are_read_from_their_headers(rows):
    target, result = rows["2%"], rows["1,5%"]
    assert (target["indicator_evidence"], target["role"], target["role_evidence"]) == ("table_header", "target", "table_header")
    assert "Mục tiêu" in target["role_reason"]
    assert (result["role"], result["role_evidence"]) == ("actual", "table_header")


def test_a_footnote_takes_the_period_of_the_sentence_its_marker_follows(rows):
    row = rows["7,1%"]
    assert (row["period"], row["period_evidence"]) == ("2024", "footnote_link")
    assert row["annotates"] != ""


def test_an_unresolved_field_has_evidence_none_and_says_why(tmp_path):
    found = _extract_csv(tmp_path, header() + "Tỷ lệ che phủ rừng của hai tỉnh đều đạt trên 46%.\n")
    row = next(r for r in found if r["text"] == "trên 46%")
    assert (row["entity"], row["entity_evidence"]) == ("", "none")
    assert "several provinces" in row["entity_reason"]


def test_evidence_is_ordered_so_a_rule_can_ask_for_a_minimum():
    from checker.records import Evidence

    assert Evidence.CLAUSE.at_least(Evidence.SENTENCE)
    assert Evidence.TABLE_HEADER.at_least(Evidence.HEADING)
    assert not Evidence.DOCUMENT.at_least(Evidence.CLAUSE)
    assert not Evidence.NONE.at_least(Evidence.DOCUMENT)


RELATIONS_DRAFT = header() + """# I. KẾT QUẢ NHIỆM KỲ 2020 - 2025

Toàn Đảng bộ đã thi hành kỷ luật 905 đảng viên (khiển trách 757, cảnh cáo 112, khai trừ 36). Thu ngân sách nhà nước tăng từ 16.440 tỷ đồng năm 2020 lên 24.735 tỷ đồng năm 2025 (gấp 1,50 lần).
"""


def _resolved(tmp_path: Path, text: str):
    from checker.catalog import load_catalog
    from checker.ingest import parse
    from checker.resolve import resolve_documents

    path = tmp_path / "draft.md"
    path.write_text(text, encoding="utf-8")
    return resolve_documents(parse(str(path)), load_catalog())


def test_relations_are_in_the_resolve_output(tmp_path):
    from checker.records import RelationKind

    resolved = _resolved(tmp_path, RELATIONS_DRAFT)
    at = {r.figure.text: i for i, r in enumerate(resolved)}

    def related(text: str) -> dict:
        return {rel.kind: rel for rel in resolved[at[text]].relations}

    # A breakdown: each part names its total, and lends it what the total measures.
    for part in ("757", "112", "36"):
        rel = related(part)[RelationKind.PART_OF]
        assert rel.others == (at["905 đảng viên"],) and rel.subject == at[part]
        assert resolved[at[part]].indicator == resolved[at["905 đảng viên"]].indicator
        assert resolved[at[part]].fields["indicator"].evidence.value == "relation"
    # A change from one level to another.
    change = related("24.735 tỷ đồng")[RelationKind.CHANGE_FROM]
    assert change.others == (at["16.440 tỷ đồng"],) and change.detail == "up"
    # A multiple: of the new level over the level it rose from.
    multiple = related("1,50 lần")[RelationKind.MULTIPLE]
    assert multiple.others == (at["24.735 tỷ đồng"], at["16.440 tỷ đồng"])


def test_a_figure_is_frozen_once_the_lexer_made_it():
    from tests.conftest import scan

    fig = next(f for f in scan("Tỷ lệ che phủ rừng đạt 46%.") if f.kind == "statistic")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig.unit = None


def test_drafts_and_data_files_share_one_fact_schema(tmp_path):
    from checker.catalog import load_catalog
    from checker.datafile import read_data_files
    from checker.facts import COLUMNS, extract
    from checker.records import Fact

    assert COLUMNS == [f.name for f in dataclasses.fields(Fact)]
    data = tmp_path / "data.csv"
    data.write_text("indicator,entity,period,role,value,unit\nforest_cover,thai_nguyen,2025,actual,\"46\",%\n",
                    encoding="utf-8")
    (row,) = read_data_files([str(data)], load_catalog())
    assert isinstance(row, Fact) and row.indicator_evidence == "data"
    draft = tmp_path / "draft.md"
    draft.write_text(header() + "Tỷ lệ che phủ rừng năm 2025 đạt 46%.\n", encoding="utf-8")
    facts, _ = extract([str(draft), str(data)], load_catalog())
    assert list(facts.columns) == COLUMNS
    assert list(facts["indicator_evidence"]) == ["clause", "data"]


def test_a_share_names_the_figure_it_is_a_share_of(tmp_path):
    from checker.records import RelationKind

    text = header() + "Thu ngân sách nhà nước năm 2025 đạt 6.120 tỷ đồng, bằng 112% kế hoạch.\n"
    resolved = _resolved(tmp_path, text)
    at = {r.figure.text: i for i, r in enumerate(resolved)}
    (share,) = [rel for rel in resolved[at["112%"]].relations if rel.kind is RelationKind.SHARE_OF]
    assert share.others == (at["6.120 tỷ đồng"],) and share.detail == "plan"
    assert resolved[at["112%"]].fields["indicator"].evidence.value == "relation"
