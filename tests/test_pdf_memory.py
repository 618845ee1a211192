"""PDF reading holds one page's layout at a time: memory is bounded by a page, not by the
document (issue 15: a 500-page PDF took 4,6 GiB when every page's layout was kept)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from tests.pdf_build import FONT, markdown_to_pdf
from tests.test_cli import ROOT

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="the DejaVu font of the machine image is missing")


def _copies(folder: Path, copies: int) -> Path:
    """The sample draft `copies` times over as one PDF (prose and ruled tables, page numbers)."""
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    return markdown_to_pdf("\n\n".join([md] * copies), folder / f"copies{copies}.pdf", page_numbers=True)


def test_a_page_is_laid_out_only_once_the_pages_before_are_dropped(tmp_path, monkeypatch):
    import checker.pdf as pdf

    laid_out, seen = [], []
    real = pdf._tables_and_chars

    def spy(page):
        # Pages still holding pdfminer's layout or pdfplumber's objects when a new one starts.
        laid_out.append(sum(1 for p in page.pdf.pages if {"_layout", "_objects"} & vars(p).keys()))
        seen.append(page.page_number)
        return real(page)

    monkeypatch.setattr(pdf, "_tables_and_chars", spy)
    converted = pdf.read_pdf(_copies(tmp_path, 3))
    assert seen == list(range(1, len(seen) + 1)) and len(seen) >= 4
    assert laid_out == [0] * len(seen)
    assert "| STT |" in converted.text


def test_peak_memory_does_not_grow_with_the_pages(tmp_path):
    """Three times the pages, about the same peak: the converted lines are all that grows
    (when every page's layout was kept, the peak grew threefold: 26 -> 79 MiB)."""
    from checker.pdf import read_pdf

    peaks = []
    for copies in (4, 12):
        path = _copies(tmp_path, copies)
        tracemalloc.start()
        try:
            read_pdf(path)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < 1.5 * peaks[0], [f"{p / 2**20:.1f} MiB" for p in peaks]
