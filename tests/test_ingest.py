"""Ingest: documents, blocks, locations, footnotes and tables."""

from __future__ import annotations

import pytest

from checker.ingest import heading_level, parse
from tests.conftest import header


@pytest.mark.parametrize("line, level", [
    ("Phần thứ nhất ĐÁNH GIÁ KẾT QUẢ", 1),
    ("I. KẾT QUẢ ĐẠT ĐƯỢC TRONG NHIỆM KỲ 2020 - 2025", 2),
    ("1. Kết quả công tác xây dựng Đảng", 3),
    ("2.1. Phát triển kinh tế đạt được nhiều kết quả", 4),
    ("* Về kinh tế", 5),
    ("PHỤ LỤC", 1),
    ("1. Bám sát định hướng, quan điểm chỉ đạo của Trung ương và vận dụng sáng tạo.", None),
    ("Tăng trưởng kinh tế bình quân đạt 7,3%/năm.", None),
])
def test_heading_level(line, level):
    assert heading_level(line) == level


def test_blocks_keep_their_place(tmp_path):
    text = header() + "# Phần thứ nhất KẾT QUẢ\n\n- (1) Tăng trưởng kinh tế đạt 7,3%/năm¹.\n\n¹ Thái Nguyên 7,35%; Bắc Kạn 6,6%.\n"
    path = tmp_path / "d.md"
    path.write_text(text, encoding="utf-8")
    (doc,) = parse(path)
    kinds = [(b.kind, b.line) for b in doc.blocks]
    assert ("heading", 9) in kinds and ("list_item", 11) in kinds and ("footnote", 13) in kinds
    item = [b for b in doc.blocks if b.kind == "list_item"][0]
    assert item.markers == [(1, item.text.index("¹"))]
    assert item.locate(item.text.index("7,3")) == (11, 1 + item.text.index("7,3"))


def test_nfd_input_is_normalised(tmp_path):
    import unicodedata
    path = tmp_path / "nfd.md"
    path.write_text(unicodedata.normalize("NFD", header() + "Tỷ lệ che phủ rừng đạt 46%.\n"), encoding="utf-8")
    (doc,) = parse(path)
    assert any("Tỷ lệ che phủ rừng" in b.text for b in doc.blocks)


def test_corpus_footnotes_and_tables(corpus_run):
    facts, docs, _, _ = corpus_run
    report = docs[1]
    footnotes = {b.footnote for b in report.blocks if b.kind == "footnote"}
    assert {1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18} <= footnotes
    # The appendix table's header repeats after every page break but is read once.
    headers = [b for b in report.blocks if b.kind == "table_header"]
    rows = [b for b in report.blocks if b.kind == "table_row"]
    assert len(headers) == 1 and len(rows) > 90
    assert not any(b.text.startswith("STT\t") for b in rows)
    # Footnote 15's figures break down the body's 575 OCOP products.
    ocop = facts[(facts["indicator"] == "ocop_products") & (facts["footnote"] == 15)]
    targets = {facts.loc[facts["id"] == int(a), "text"].item() for a in ocop["annotates"].dropna()}
    assert targets == {"575 sản phẩm"}


def test_lost_footnote_markers_are_inferred(corpus_run):
    facts, docs, _, _ = corpus_run
    report, review = docs[1], docs[2]
    inferred = {b.footnote: b for b in report.blocks if b.inferred}
    # A run-in pair split where the lost marker stood, and lone paragraphs among footnotes.
    assert {12, 13, 22, 25, 27} <= set(inferred)
    assert inferred[12].line == inferred[13].line and inferred[13].column > 1
    assert inferred[13].text.startswith("13 GRDP")
    # Their figures break down the body figures they annotate, and say the number was inferred.
    fn13 = facts[(facts["footnote"] == 13) & (facts["doc"] == report.index) & (facts["indicator"] == "grdp_per_capita")]
    assert set(fn13["entity"]) == {"thai_nguyen_cu", "bac_kan"}
    assert all("number inferred" in n for n in fn13["notes"])
    targets = {facts.loc[facts["id"] == int(a), "text"].item() for a in fn13["annotates"].dropna()}
    assert targets == {"119 triệu đồng/người"}
    # In the review, a footnote whose number is gone for good is linked by content.
    lost = facts[(facts["doc"] == review.index) & facts["notes"].str.contains("linked by content", na=False)]
    assert not lost.empty
    body = facts.loc[facts["id"].isin(lost["annotates"].dropna().astype(int))]
    assert set(body["indicator"]) <= set(lost["indicator"])


def test_a_body_paragraph_after_footnotes_stays_body(tmp_path):
    text = header() + (
        "Tăng trưởng kinh tế bình quân đạt 7,3%/năm¹.\n\n"
        "¹ Thái Nguyên đạt 7,35%/năm; Bắc Kạn đạt 6,6%/năm.\n\n"
        "Tỷ lệ che phủ rừng đạt 61,6%².\n\n"
        "² Thái Nguyên đạt 46%, Bắc Kạn đạt 72,9%.\n")
    path = tmp_path / "d.md"
    path.write_text(text, encoding="utf-8")
    (doc,) = parse(path)
    assert [b.kind for b in doc.blocks if "61,6" in b.text] == ["paragraph"]
    assert not any(b.inferred for b in doc.blocks)


def test_windows_1258_and_nfd_texts_read_as_nfc(tmp_path):
    import unicodedata

    from checker.ingest import read_text

    sentence = "Năm 2025, tỷ lệ che phủ rừng của tỉnh Bắc Kạn đạt 72,9%; thu ngân sách tăng 12,3%."
    nfd = tmp_path / "nfd.txt"
    nfd.write_bytes(unicodedata.normalize("NFD", sentence).encode("utf-8"))
    legacy = tmp_path / "cp1258.txt"
    # Windows-1258 has ă, â, ơ … but stores tone marks as combining characters after them.
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in sentence:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    legacy.write_bytes("".join(out).encode("cp1258"))
    assert read_text(nfd) == sentence
    assert read_text(legacy) == sentence
    assert read_text(legacy) != legacy.read_bytes().decode("latin-1")
