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
    from checker.pdf import pdf_text

    text = pdf_text(sample_pdf)
    assert "7,3%/năm¹" in text and "7,3%/năm1" not in text
    assert re.search(r"^¹ Theo từng tỉnh", text, flags=re.M)  # the footnote keeps its number
    assert "2020 - 2025\n\n| STT |" in text  # the heading before the table stays a block of its own
    assert "| 2 | Giá trị sản xuất công nghiệp tăng bình quân | 12,8% - 13% | 10,4%/năm | Không đạt |" in text


def test_places_are_on_the_right_page_and_line(sample_pdf):
    import pdfplumber

    from checker.pdf import _lines

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
                line = _lines(chars)[int(m.group(2)) - 1]
                raw = "".join(c["text"] for c in line)
                start = int(m.group(3))
                assert raw[start:].startswith(fig["text"].split()[0]), (fig["where"], raw, fig["text"])
                checked += 1
    assert checked >= 10


def test_unreadable_pdf_is_one_line_error(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot really")
    proc = run_cli("check", str(bad))
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and "broken.pdf" in err and "Traceback" not in err, err
