"""The fast paths of PDF reading give what the plain ones give: the lean reading of a
page's characters (checker/pdf_chars.py) exactly the characters pdfplumber gives, field
for field, and the same converted text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.pdf_build import FONT, markdown_to_pdf
from tests.test_cli import ROOT

FIELDS = ("text", "x0", "x1", "top", "bottom", "size")

needs_font = pytest.mark.skipif(not FONT.exists(), reason="the DejaVu font of the machine image is missing")


def _raw_pdf(path: Path, pages: list[tuple[str, str]]) -> Path:
    """A PDF written by hand, for what the tests' builder never writes: each page is
    (extra page entries such as a shifted /MediaBox or a /Rotate, content stream), set in
    Helvetica (one of the standard fonts, whose widths pdfminer knows)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))), len(pages)),
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, (entries, content) in enumerate(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R {entries} /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {5 + 2 * i} 0 R >>")
        data = content.encode("latin-1")
        objects.append(f"<< /Length {len(data)} >>\nstream\n" + data.decode("latin-1") + "\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


TEXT = "BT /F1 11 Tf 72 700 Td (GRDP 7,35%, thu ng\\342n s\\341ch 1.250 t\\375) Tj ET"
# Kerning in a TJ array, character and word spacing, horizontal scaling and a rise (a
# raised footnote marker): every term of the advance and of the box.
SPACED = ("BT /F1 10 Tf 2 Tc 4 Tw 90 Tz 60 650 Td [(T) 120 (\\364ng s) -250 (\\364) 80 (5,2 %)] TJ "
          "6 Ts /F1 6 Tf (1) Tj 0 Ts /F1 10 Tf 0 -14 Td (d\\362ng hai) Tj ET")
ROTATED = "q 0.866 0.5 -0.5 0.866 100 100 cm " + TEXT + " Q q -1 0 0 -1 500 760 cm " + SPACED + " Q"


def _both(path: Path) -> list[tuple[list, list]]:
    """Each page's characters read both ways: (lean, pdfplumber's), or (None, …) for a page
    the lean reading leaves to pdfplumber."""
    import pdfplumber

    from checker.pdf_chars import Drawn, page_chars

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            try:
                lean = page_chars(page)
            except Drawn:
                lean = None
            pages.append((lean, [{k: c[k] for k in FIELDS} for c in page.chars]))
            page.close()
    return pages


def test_every_kind_of_placement_gives_pdfplumbers_characters(tmp_path):
    """A shifted media box, a page turned by /Rotate, text turned and mirrored by the
    matrix (the general case of the box), kerning, spacing, scaling and rise."""
    path = _raw_pdf(tmp_path / "placed.pdf", [
        ("/MediaBox [0 0 595 842]", TEXT + " " + SPACED),
        ("/MediaBox [30 40 500 760]", TEXT + " " + SPACED),
        ("/MediaBox [0 0 595 842] /Rotate 90", TEXT + " " + SPACED),
        ("/MediaBox [25 15 595 842] /Rotate 270", ROTATED),
        ("/MediaBox [0 0 595 842]", ROTATED),
    ])
    pages = _both(path)
    assert len(pages) == 5 and all(lean is not None for lean, _ in pages)
    for n, (lean, plumber) in enumerate(pages, 1):
        assert len(lean) > 40, n
        assert lean == plumber, n
    texts = "".join(c["text"] for c in pages[0][0])
    assert texts == "GRDP 7,35%, thu ngân sách 1.250 týTông sô5,2 %1dòng hai"


def test_a_page_with_a_drawing_is_left_to_pdfplumber(tmp_path):
    from checker.pdf_chars import Drawn, page_chars
    import pdfplumber

    path = _raw_pdf(tmp_path / "drawn.pdf", [("/MediaBox [0 0 595 842]", TEXT + " 50 50 m 300 50 l S")])
    with pdfplumber.open(path) as pdf, pytest.raises(Drawn):
        page_chars(pdf.pages[0])


@needs_font
@pytest.mark.parametrize("ruled", [True, False])
def test_built_drafts_give_pdfplumbers_characters(tmp_path, ruled):
    """The tests' drafts as PDFs (bold headings, raised footnote markers, smaller footnotes,
    page numbers, tables): on each page where only text is drawn, the same characters."""
    md = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "drafts").glob("*.txt")))
    md = "\n\n".join([(ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8"), md])
    pages = _both(markdown_to_pdf(md, tmp_path / "drafts.pdf", ruled=ruled, page_numbers=True))
    lean_pages = [(lean, plumber) for lean, plumber in pages if lean is not None]
    # Borderless tables draw nothing; ruled ones leave their pages to pdfplumber (the drafts'
    # budget tables fill most pages: at least one is left with text only).
    assert len(lean_pages) >= (1 if ruled else 2) and (len(lean_pages) < len(pages)) == ruled, len(pages)
    for lean, plumber in lean_pages:
        assert lean == plumber


@needs_font
def test_lean_and_pdfplumber_readings_give_the_same_text(tmp_path, monkeypatch):
    """The whole conversion, with the lean reading and with every page read by pdfplumber."""
    import checker.pdf_chars as pdf_chars
    from checker.pdf import read_pdf

    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    path = markdown_to_pdf("\n\n".join([md] * 3), tmp_path / "sample.pdf", ruled=False, page_numbers=True)
    lean = read_pdf(path)

    def drawn(page):
        raise pdf_chars.Drawn

    monkeypatch.setattr(pdf_chars, "page_chars", drawn)
    plumber = read_pdf(path)
    assert lean.text == plumber.text and lean.origins == plumber.origins
    assert "| STT |" in lean.text and "¹" in lean.text


@given(st.lists(st.tuples(st.sampled_from(["a", " ", "1", "\t"]),
                          st.floats(min_value=0, max_value=40, allow_nan=False).map(lambda x: round(x, 3)) | st.sampled_from([9.96, 10.04, 10.0, 8.05, 8.15]))))
def test_body_size_is_the_mode_of_the_rounded_sizes(chars):
    """Counting per size before rounding keeps statistics.mode's answer, ties included."""
    import statistics

    from checker.pdf import _body_size

    sizes = [round(size, 1) for text, size in chars if text.strip()]
    assert _body_size([{"text": t, "size": s} for t, s in chars]) == (statistics.mode(sizes) if sizes else 10.0)
