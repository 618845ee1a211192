"""Data files (CSV, XLSX): rows become facts beside the drafts' figures; schema errors
name file:row:column."""

from __future__ import annotations

import json

import pytest

from checker.i18n import language

from tests.conftest import assert_vietnamese_error
from tests.test_cli import ROOT, run
from tests.xlsx_build import Percent, write_xlsx

HEADER = "indicator,entity,period,role,value,unit,source\n"


def _json(*args: str, cwd=ROOT) -> dict:
    proc = run("check", "--format", "json", "--fail-on", "never", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_sample_data_file_finds_the_planted_disagreement_and_blames_the_draft():
    alone = _json("data/sample-draft.md")
    both = _json("data/sample-draft.md", "data/sample-data.csv")
    new = [f for f in both["findings"] if any(g["path"].endswith(".csv") for g in f["figures"])]
    planted = [f for f in new if f["rule"] == "SV01" and f["figures"][0]["indicator"] == "boarding_schools"]
    assert len(planted) == 1
    f = planted[0]
    assert [g["text"] for g in f["figures"]] == ["8 trường", "7 trường"]
    assert f["figures"][f["suspect"]]["path"] == "data/sample-draft.md"  # the data file is the official value
    assert f["expected"] == "8 trường"  # every expected value carries its unit
    # The data's 10,4% sides with the appendix table, so the review's 10,9% is now the suspect.
    growth = next(f for f in new if f["figures"][0]["indicator"] == "industrial_production_growth")
    assert growth["figures"][growth["suspect"]]["text"] == "10,9%/năm"
    # Every other data row agrees with the draft: no other finding is added.
    assert len(both["findings"]) == len(alone["findings"]) + 1


def test_data_with_data_merged_total_must_add_up(tmp_path):
    data = tmp_path / "ocop.csv"
    data.write_text(HEADER + "ocop_products,thai_nguyen,2025,actual,580,sản phẩm,\n"
                    "ocop_products,thai_nguyen_cu,2025,actual,330,sản phẩm,\n"
                    "ocop_products,bac_kan,2025,actual,245,sản phẩm,\n", encoding="utf-8")
    findings = _json(str(data))["findings"]
    assert [f["rule"] for f in findings] == ["PW01"]
    assert {(g["line"], g["column"]) for g in findings[0]["figures"]} == {(2, 5), (3, 5), (4, 5)}
    data2 = tmp_path / "ocop-fixed.csv"
    data2.write_text(data.read_text(encoding="utf-8").replace(",580,", ",575,"), encoding="utf-8")
    assert _json(str(data2))["findings"] == []


@pytest.mark.parametrize("written, lo, hi", [
    ("1.845,7", 1845.65, 1845.75),  # Vietnamese: dot groups thousands, comma is the decimal mark
    ("1845,7", 1845.65, 1845.75),
    ("12.5", 12.45, 12.55),  # a dot that cannot group thousands is a decimal point
    ("1.845", 1844.5, 1845.5),  # ... and one that can is a thousands separator
    ("-0,5", -0.55, -0.45),
])
def test_locale_numbers_keep_their_precision(written, lo, hi):
    from checker.datafile import parse_value

    _, interval, _, _ = parse_value(written)
    assert interval.lo == pytest.approx(lo) and interval.hi == pytest.approx(hi)


def test_targets_may_be_bounds_or_ranges():
    from checker.datafile import parse_value

    _, iv, qualifier, _ = parse_value("≥50")
    assert qualifier == "ge" and iv.lo == 50 and iv.hi == float("inf")
    _, iv, qualifier, kind = parse_value("6,5 - 7,0")
    assert kind == "range" and iv.lo == pytest.approx(6.45) and iv.hi == pytest.approx(7.05)


def test_xlsx_rows_become_facts(tmp_path):
    book = write_xlsx(tmp_path / "data.xlsx", [
        ["indicator", "entity", "period", "role", "value", "unit"],
        ["boarding_schools", "bac_kan", "2025", "actual", 8, "trường"],
        ["grdp_growth", "Bắc Kạn", "2021-2025", "actual", 6.6, "%/năm"],
    ])
    both = _json("data/sample-draft.md", str(book))
    planted = [f for f in both["findings"] if any(g["path"].endswith(".xlsx") for g in f["figures"])]
    assert [f["rule"] for f in planted] == ["SV01"]
    row = next(g for g in planted[0]["figures"] if g["path"].endswith(".xlsx"))
    assert (row["line"], row["column"], row["text"]) == (2, 5, "8 trường")
    assert row["where"] == "row 2, column E"
    for fmt in ("html", "markdown", "terminal", "sarif"):  # every renderer copes with a workbook's figures
        out = tmp_path / f"report.{fmt}"
        proc = run("check", "--format", fmt, "-o", str(out), "data/sample-draft.md", str(book))
        assert proc.returncode == 1, proc.stderr
        assert "data.xlsx" in out.read_text(encoding="utf-8")


BAD_ROWS = [
    ("grdp_grwth,bac_kan,2025,actual,1,tỷ đồng,", ":2:1:", "unknown indicator 'grdp_grwth'; did you mean 'grdp_growth'?"),
    ("grdp,Bac Kann,2025,actual,1,tỷ đồng,", ":2:2:", "unknown entity 'Bac Kann'"),
    ("grdp,Thái Nguyên,2025,actual,1,tỷ đồng,", ":2:2:", "names several provinces"),
    ("grdp,bac_kan,2025,actual,1,%,", ":2:6:", "unit '%' does not fit grdp"),
    ("grdp,bac_kan,2025,actual,1,quả táo,", ":2:6:", "unknown unit 'quả táo'"),
    ("grdp,bac_kan,2025,actual,mười,tỷ đồng,", ":2:5:", "value 'mười' is not a number"),
    ("grdp,bac_kan,năm nay,actual,1,tỷ đồng,", ":2:3:", "is not a year"),
    ("grdp,bac_kan,2025,planned,1,tỷ đồng,", ":2:4:", "role 'planned'"),
    ("grdp,bac_kan,2025,actual,1,tỷ đồng,\ngrdp,bac_kan,2025,actual,2,tỷ đồng,", ":3:5:", "given twice (first at"),
    ("grdp,bac_kan,2025,actual,,tỷ đồng,", ":2:5:", "no value"),
]


@pytest.mark.parametrize("row, place, message", BAD_ROWS, ids=[m for _, _, m in BAD_ROWS])
def test_schema_errors_name_file_row_and_column(tmp_path, row, place, message):
    data = tmp_path / "bad.csv"
    data.write_text(HEADER + row + "\n", encoding="utf-8")
    proc = run("check", "--lang", "en", str(data))
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert f"bad.csv{place}" in err and message in err, err
    assert_vietnamese_error(run("check", str(data)).stderr, proc.stderr)


def test_header_errors(tmp_path):
    data = tmp_path / "cols.csv"
    data.write_text("indicator,entity,period,role,value\n", encoding="utf-8")
    proc = run("check", "--lang", "en", str(data))
    assert proc.returncode == 2 and "cols.csv:1:1: missing column(s) unit" in proc.stderr
    data.write_text("indicator,entity,period,role,value,unit,sauce\n", encoding="utf-8")
    proc = run("check", "--lang", "en", str(data))
    assert proc.returncode == 2 and "cols.csv:1:7: unknown column 'sauce'" in proc.stderr


def test_a_row_with_too_many_cells_is_named(tmp_path):
    data = tmp_path / "ragged.csv"
    data.write_text(HEADER + "grdp,bac_kan,2025,actual,1,tỷ đồng,,extra\n", encoding="utf-8")
    proc = run("check", "--lang", "en", str(data))
    assert proc.returncode == 2 and "ragged.csv:2:1: 8 cells in this row, 7 in the rows above" in proc.stderr, \
        proc.stderr


def test_semicolon_separated_csv_as_excel_writes_it(tmp_path):
    data = tmp_path / "excel.csv"
    data.write_text("indicator;entity;period;role;value;unit\nboarding_schools;bac_kan;2025;actual;8;trường\n"
                    "forest_cover;bac_kan;2025;actual;72,9;%\n", encoding="utf-8")
    report = _json("data/sample-draft.md", str(data))
    planted = [f for f in report["findings"] if any(g["path"].endswith("excel.csv") for g in f["figures"])]
    assert [(f["rule"], f["figures"][0]["text"]) for f in planted] == [("SV01", "8 trường")]


def test_a_percentage_formatted_cell_is_read_as_the_percentage_it_shows(tmp_path):
    book = write_xlsx(tmp_path / "pct.xlsx", [
        ["indicator", "entity", "period", "role", "value", "unit"],
        ["grdp_growth", "thai_nguyen_cu", "2021-2025", "actual", Percent(0.0735), "%/năm"],  # shows 7.35%
        ["forest_cover", "bac_kan", "2025", "actual", Percent(0.739), "%"],  # shows 73.90%: disagrees with 72,9%
        ["trained_labour_rate", "bac_kan", "2025", "actual", 55, "%"],  # a plain number cell
    ])
    report = _json("data/sample-draft.md", str(book))
    mine = [f for f in report["findings"] if any(g["path"].endswith("pct.xlsx") for g in f["figures"])]
    assert [(f["rule"], [g["text"] for g in f["figures"] if g["path"].endswith(".xlsx")]) for f in mine] == \
        [("SV01", ["73,9%"])]
    bad = write_xlsx(tmp_path / "pct-bad.xlsx", [
        ["indicator", "entity", "period", "role", "value", "unit"],
        ["boarding_schools", "bac_kan", "2025", "actual", Percent(0.07), "trường"],
    ])
    proc = run("check", "--lang", "en", str(bad))
    assert proc.returncode == 2 and "pct-bad.xlsx:2:5 (cell E2): the cell is formatted as a percentage" in proc.stderr


def test_xlsx_errors_name_the_cell_and_a_broken_workbook_is_refused(tmp_path):
    book = write_xlsx(tmp_path / "bad.xlsx", [
        ["indicator", "entity", "period", "role", "value", "unit"],
        ["grdp", "bac_kan", "2025", "actual", "n/a", "tỷ đồng"],
    ])
    proc = run("check", "--lang", "en", str(book))
    assert proc.returncode == 2 and "bad.xlsx:2:5 (cell E2): value 'n/a' is not a number" in proc.stderr
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    proc = run("check", "--lang", "en", str(broken))
    assert proc.returncode == 2 and "broken.xlsx: not an Excel workbook" in proc.stderr, proc.stderr


def test_an_xlsx_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path):
    import tracemalloc
    import zipfile

    from checker.catalog import load_catalog
    from checker.datafile import DataReader
    from checker.records import InputError

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            for _ in range(64):
                f.write(b"\0" * (1 << 20))
    reader = DataReader(load_catalog())
    __import__("pandas")  # imported before measuring: its import is not the file's cost
    tracemalloc.start()
    with language("en"), pytest.raises(InputError, match="possibly a zip bomb"):
        reader.read(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 4 << 20
    proc = run("check", "--lang", "en", str(path))
    assert proc.returncode == 2 and "bomb.xlsx" in proc.stderr and "Traceback" not in proc.stderr
