"""PDF drafts: same findings as the text version, superscript markers told apart from
figures, tables read as tables, places on the right page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.pdf_build import FONT, markdown_to_pdf
from tests.test_cli import ROOT, run as run_cli
from tests.test_docx import _json, _key

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="the DejaVu font of the machine image is missing")


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    return markdown_to_pdf(md, tmp_path_factory.mktemp("pdf") / "sample-draft.pdf")


def test_pdf_gives_the_same_findings_as_its_text(sample_pdf):
    text = _json(ROOT / "data" / "sample-draft.md")
    pdf = _json(sample_pdf)
    assert text["findings"]
    assert sorted(map(_key, pdf["findings"])) == sorted(map(_key, text["findings"]))


def test_superscript_markers_are_not_glued_onto_figures(sample_pdf):
    from checker.pdf import read_pdf

    text = read_pdf(sample_pdf).text
    assert "7,3%/năm¹" in text and "7,3%/năm1" not in text
    assert re.search(r"^¹ Theo từng tỉnh", text, flags=re.M)  # the footnote keeps its number
    assert "2020 - 2025\n\n| STT |" in text  # the heading before the table stays a block of its own
    assert "| 2 | Giá trị sản xuất công nghiệp tăng bình quân | 12,8% - 13% | 10,4%/năm | Không đạt |" in text


def test_places_are_on_the_right_page_and_line(sample_pdf):
    import pdfplumber

    from checker.pdf_lines import group_lines

    checked = 0
    with pdfplumber.open(sample_pdf) as pdf:
        for finding in _json(sample_pdf)["findings"]:
            for fig in finding["figures"]:
                m = re.fullmatch(r"page (\d+), line (\d+), offset (\d+)", fig["where"])
                if not m:
                    t = re.fullmatch(r"page (\d+), table (\d+), row (\d+), cell (\d+), offset (\d+)", fig["where"])
                    assert t, fig["where"]
                    page = pdf.pages[int(t.group(1)) - 1]
                    rows = page.find_tables()[int(t.group(2)) - 1].extract()
                    cell = " ".join((rows[int(t.group(3)) - 1][int(t.group(4)) - 1] or "").split())
                    assert cell[int(t.group(5)):].startswith(fig["text"]), (fig["where"], cell, fig["text"])
                    checked += 1
                    continue
                page = pdf.pages[int(m.group(1)) - 1]
                boxes = [t.bbox for t in page.find_tables()]
                chars = [c for c in page.chars if not any(
                    b[0] <= c["x0"] and c["x1"] <= b[2] and b[1] <= c["top"] and c["bottom"] <= b[3] for b in boxes)]
                line = group_lines(chars)[int(m.group(2)) - 1]
                raw = "".join(c["text"] for c in line)
                start = int(m.group(3))
                assert raw[start:].startswith(fig["text"].split()[0]), (fig["where"], raw, fig["text"])
                checked += 1
    assert checked >= 10


@pytest.fixture(scope="module", params=["MIDDLE", "TOP"])
def borderless_pdf(request, tmp_path_factory) -> Path:
    """The sample with its table drawn without lines: short cells in the middle or at the
    top of a row made tall by a wrapped label."""
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    return markdown_to_pdf(md, tmp_path_factory.mktemp("pdf") / "borderless.pdf", ruled=False,
                           v_align=request.param)


def test_borderless_table_is_read_as_a_table(borderless_pdf):
    import pdfplumber

    from checker.pdf import read_pdf

    with pdfplumber.open(borderless_pdf) as pdf:
        assert not any(page.find_tables() for page in pdf.pages)  # no lines to find it by
    text = read_pdf(borderless_pdf).text
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    rows = [" ".join(ln.split()) for ln in md.splitlines() if ln.startswith("| ") and "---" not in ln]
    got = [" ".join(ln.split()) for ln in text.splitlines() if ln.startswith("| ")]
    assert got == rows  # every row, wrapped labels whole, empty cells kept
    prose = [ln for ln in text.splitlines() if ln and not ln.startswith("|")]
    assert any("7,3%/năm¹" in ln for ln in prose)  # the prose pages stay prose


def test_borderless_pdf_gives_the_same_findings_and_places(borderless_pdf):
    from checker.pdf import read_pdf

    text = _json(ROOT / "data" / "sample-draft.md")
    pdf = _json(borderless_pdf)
    assert sorted(map(_key, pdf["findings"])) == sorted(map(_key, text["findings"]))
    rows = [ln for ln in read_pdf(borderless_pdf).text.splitlines() if ln.startswith("| ")]
    cells = [[c.strip() for c in row.strip("|").split(" | ")] for row in rows]
    in_table = 0
    for fig in (f for finding in pdf["findings"] for f in finding["figures"]):
        t = re.fullmatch(r"page 2, table 1, row (\d+), cell (\d+), offset (\d+)", fig["where"])
        if t:
            cell = cells[int(t.group(1)) - 1][int(t.group(2)) - 1]
            assert cell[int(t.group(3)):].startswith(fig["text"]), (fig["where"], cell, fig["text"])
            in_table += 1
    assert in_table >= 3


def test_one_line_rows_with_empty_cells_stay_apart(tmp_path):
    """No wrapped cell: every line is a row, even where an empty cell doubles a column's
    spacing (the wrapped-cell spacing must not be taken from that)."""
    from checker.pdf import read_pdf

    md = ("# Biểu 2\n\n| Chỉ tiêu | 2020 | 2025 |\n|---|---|---|\n| Dân số (nghìn người) | 1.320 | 1.800 |\n"
          "| Số xã đạt chuẩn |  | 144 |\n| Số huyện | 9 | 9 |\n| Số trường |  | 13 |\n\nĐoạn văn sau bảng.\n")
    text = read_pdf(markdown_to_pdf(md, tmp_path / "short.pdf", ruled=False)).text
    assert [" ".join(ln.split()) for ln in text.splitlines() if ln.startswith("| ")] == [
        "| Chỉ tiêu | 2020 | 2025 |", "| Dân số (nghìn người) | 1.320 | 1.800 |", "| Số xã đạt chuẩn | | 144 |",
        "| Số huyện | 9 | 9 |", "| Số trường | | 13 |"]
    assert "Biểu 2\n\n| Chỉ tiêu" in text and "\nĐoạn văn sau bảng." in text


@pytest.mark.parametrize("ruled, repeat", [(True, False), (True, True), (False, False), (False, True)],
                         ids=["ruled", "ruled-header-repeated", "borderless", "borderless-header-repeated"])
def test_a_table_cut_by_page_breaks_is_one_table(tmp_path, ruled, repeat):
    """Rows on the next page go on under the rows before (not a new table whose first row
    would be taken for its header), and the page numbers between them are dropped."""
    from checker.pdf import read_pdf

    rows = ["| STT | Xã | Số hộ nghèo năm 2020 | Số hộ nghèo năm 2025 |", "|---|---|---|---|"]
    rows += [f"| {i} | Xã số {i} của huyện | {1000 + 7 * i} | {400 + 3 * i} |" for i in range(1, 121)]
    md = "# Biểu 3\n\n" + "Đoạn mở đầu của phụ lục.\n\n" * 30 + "\n".join(rows) + "\n\nĐoạn sau bảng.\n"
    path = markdown_to_pdf(md, tmp_path / "long.pdf", ruled=ruled, page_numbers=True, repeat_header=repeat)
    converted = read_pdf(path)
    text = converted.text
    got = [" ".join(ln.split()) for ln in text.splitlines() if ln.startswith("|")]
    assert got == [" ".join(r.split()) if "---" not in r else "|---|---|---|---|" for r in rows]
    assert "\nĐoạn sau bảng." in text
    assert not any(ln.strip().isdigit() for ln in text.splitlines())  # no page number left in the text
    pages = {p.page for p in converted.origins if p.kind == "table"}
    assert len(pages) >= 2  # the table did cross a page break, and each row knows its page


def test_unreadable_pdf_is_one_line_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    proc = run_cli("check", str(bad))
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and "broken.pdf" in err and "Traceback" not in err, err


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_another_draft_as_pdf_gives_the_same_findings(tmp_path, ruled):
    """A second draft in other words and layout, whose appendix table runs onto a new page."""
    md_path = ROOT / "data" / "tuyen-quang-draft.md"
    path = markdown_to_pdf(md_path.read_text(encoding="utf-8"), tmp_path / "tq.pdf", ruled=ruled, page_numbers=True)
    text = _json(md_path)
    assert text["findings"]
    assert sorted(map(_key, _json(path)["findings"])) == sorted(map(_key, text["findings"]))


def test_a_paragraph_cut_by_a_page_break_stays_one_paragraph(tmp_path):
    """Push the sample down a line at a time, so that each paragraph in turn is cut by the
    page break: every paragraph still reads whole, and the headings stay apart."""
    from checker.pdf import read_pdf

    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    paragraphs = [ln for ln in md.splitlines() if ln.strip() and not ln.startswith(("|", "#"))]
    crossed = 0
    for n in range(14):
        filler = "Đoạn văn không có số liệu, để đẩy nội dung xuống.\n\n" * n
        path = markdown_to_pdf(md.replace("## 1. Kinh tế", filler + "## 1. Kinh tế"), tmp_path / f"push{n}.pdf")
        converted = read_pdf(path)
        lines = set(converted.text.splitlines())
        missing = [p for p in paragraphs if p.replace("`", "") not in lines and p not in lines]
        assert not missing, (n, missing[:1])
        crossed += any(p.kind == "page" and len({s[1] for s in p.segments}) > 1 for p in converted.origins)
    assert crossed  # some paragraph did run onto the next page
