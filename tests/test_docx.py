"""Word drafts: the same findings as the text version, places that map back, tracked
changes read as accepted, and hostile archives refused."""

from __future__ import annotations

import json
import re
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from checker.i18n import language

from tests.conftest import assert_vietnamese_error
from tests.docx_build import footnote_ref, markdown_to_docx, paragraph, run, table, write_docx
from tests.test_cli import ROOT, run as run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _key(finding: dict) -> tuple:
    """A finding by what its figures say (where one fact is written twice, either may be cited)."""
    return (finding["rule"], tuple(sorted((f["value"] or 0, f["indicator"] or "", f["entity"] or "",
                                           f["period"] or "", f["role"] or "") for f in finding["figures"])))


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> Path:
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    return markdown_to_docx(md, tmp_path_factory.mktemp("docx") / "sample-draft.docx")


def _json(path: Path) -> dict:
    proc = run_cli("check", "--format", "json", "--fail-on", "never", str(path))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_docx_gives_the_same_findings_as_its_text(sample_docx):
    text = _json(ROOT / "data" / "sample-draft.md")
    word = _json(sample_docx)
    assert text["findings"], "the sample has planted mismatches"
    assert sorted(map(_key, word["findings"])) == sorted(map(_key, text["findings"]))
    assert word["summary"]["statistics"] == text["summary"]["statistics"]


def _paragraph_texts(path: Path) -> tuple[list[str], dict[tuple[int, int, int], str]]:
    """Independent reading of the built file: top-level paragraphs and table cells."""
    root = __import__("xml.etree.ElementTree", fromlist=["x"]).fromstring(
        zipfile.ZipFile(path).read("word/document.xml"))
    paragraphs, cells, t = [], {}, 0
    for child in root.find(W + "body"):
        if child.tag == W + "p":
            paragraphs.append("".join(x.text or "" for x in child.iter(W + "t")))
        elif child.tag == W + "tbl":
            t += 1
            for r, tr in enumerate(child.iter(W + "tr"), 1):
                for c, tc in enumerate(tr.findall(W + "tc"), 1):
                    cells[(t, r, c)] = "".join(x.text or "" for x in tc.iter(W + "t"))
    return paragraphs, cells


def test_places_map_back_to_the_figure_in_the_document(sample_docx):
    paragraphs, cells = _paragraph_texts(sample_docx)
    checked = 0
    for finding in _json(sample_docx)["findings"]:
        for fig in finding["figures"]:
            where = fig.get("where")
            assert where, fig
            m = re.fullmatch(r"paragraph (\d+), offset (\d+)", where)
            if m:
                # Footnote reference marks are not text in the document; offsets count them as one
                # character each, as the converted text shows them.
                para = paragraphs[int(m.group(1)) - 1]
                start = int(m.group(2))
                assert para[start:].startswith(fig["text"]) or fig["text"] in para, (where, fig["text"])
                checked += 1
                continue
            m = re.fullmatch(r"table (\d+), row (\d+), cell (\d+), offset (\d+)", where)
            if m:
                cell = cells[tuple(int(g) for g in m.groups()[:3])]
                assert cell[int(m.group(4)):].startswith(fig["text"]), (where, cell, fig["text"])
                checked += 1
                continue
            assert re.fullmatch(r"footnote \d+, offset \d+", where), where
    assert checked >= 10


HEAD = [paragraph(run("TỈNH ỦY THÁI NGUYÊN")), paragraph(run("ĐẢNG CỘNG SẢN VIỆT NAM")),
        paragraph(run("Thái Nguyên, ngày 10 tháng 9 năm 2025")), paragraph(run("BÁO CÁO THỬ NGHIỆM"))]


def test_a_tracked_insertion_is_read_and_a_deletion_is_not(tmp_path):
    body = HEAD + [
        paragraph(run("Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 61,6%.")),
        # The reviser deleted 61,6% and typed 66,1% with Track Changes on: the draft now says 66,1%.
        paragraph(run("Tỷ lệ che phủ rừng của tỉnh năm 2025 đạt ") + run("61,6", "del") + run("66,1", "ins")
                  + run("%.")),
    ]
    path = write_docx(tmp_path / "tracked.docx", body)
    findings = _json(path)["findings"]
    sv = [f for f in findings if f["rule"] == "SV01"]
    assert len(sv) == 1
    assert sorted(f["text"] for f in sv[0]["figures"]) == ["61,6%", "66,1%"]


def test_deleted_text_alone_raises_nothing(tmp_path):
    body = HEAD + [
        paragraph(run("Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 61,6%.")),
        paragraph(run("Tỷ lệ che phủ rừng của tỉnh năm 2025 đạt ") + run("66,1", "del") + run("61,6", "ins")
                  + run("%.")),
    ]
    assert _json(write_docx(tmp_path / "tracked.docx", body))["findings"] == []


def test_tables_and_footnotes_are_read(tmp_path):
    body = HEAD + [
        paragraph(run("Năm 2025 tỷ lệ lao động qua đào tạo của tỉnh đạt 71%") + footnote_ref(7) + run(".")),
        paragraph(run("PHỤ LỤC KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NHIỆM KỲ 2020 - 2025"), "Heading1"),
        table([["STT", "Chỉ tiêu", "Nghị quyết Đại hội", "Kết quả thực hiện", "Đánh giá"],
               ["I", "TỈNH BẮC KẠN", "", "", ""],
               ["1", "Tỷ lệ lao động qua đào tạo", "≥50%", "45%", "Vượt mục tiêu"]]),
    ]
    path = write_docx(tmp_path / "t.docx", body, {7: "Tỷ lệ lao động qua đào tạo năm 2025: Thái Nguyên đạt 76,5%, "
                                                     "Bắc Kạn đạt 55%."})
    findings = _json(path)["findings"]
    rules = sorted(f["rule"] for f in findings)
    # 45% in the table against 55% in the footnote; and `Vượt mục tiêu` for 45% against ≥50%.
    assert "SV01" in rules and "VD01" in rules
    places = {fig["where"] for f in findings for fig in f["figures"]}
    assert any(p.startswith("footnote 1,") for p in places)
    assert any(p.startswith("table 1, row 3, cell 4") for p in places)


def _bomb(path: Path, size: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
    return path


def test_a_zip_bomb_is_refused_with_little_memory(tmp_path):
    from checker.docx import read_docx
    from checker.records import InputError

    path = _bomb(tmp_path / "bomb.docx", 64 << 20)
    assert path.stat().st_size < 1 << 20
    tracemalloc.start()
    with language("en"), pytest.raises(InputError, match="possibly a zip bomb"):
        read_docx(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 4 << 20  # nothing was decompressed
    proc = run_cli("check", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and "bomb.docx" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("name, build, message", [
    ("entities.docx", lambda p: _raw(p, '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "boom">]>'
                                        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                        '2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
                                        '</w:document>'), "DTD or entities"),
    ("broken.docx", lambda p: _raw(p, "<w:document"), "word/document.xml:1:"),
    ("legacy.docx", lambda p: write_docx(p, HEAD + [paragraph(run("Tû lÖ che phñ rõng ®¹t 61,6%", font=".VnTime"))]),
     "legacy Vietnamese font .VnTime"),
    ("notzip.docx", lambda p: p.write_bytes(b"plain text, not a zip"), "not a Word document"),
])
def test_hostile_or_unreadable_documents_get_one_line_errors(tmp_path, name, build, message):
    path = tmp_path / name
    build(path)
    proc = run_cli("check", str(path), "--lang", "en")
    assert proc.returncode == 2
    err = proc.stderr.strip()
    assert len(err.splitlines()) == 1 and name in err and message in err, err
    assert_vietnamese_error(run_cli("check", str(path)).stderr, proc.stderr)


def _raw(path: Path, document: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", document)
    return path


def _anchored_texts(path: Path) -> dict[str, str]:
    """Comment id → the text between its range start and end, in the body or a footnote."""
    import xml.etree.ElementTree as ET

    archive = zipfile.ZipFile(path)
    open_ids: set[str] = set()
    texts: dict[str, str] = {}
    nodes = [n for part in ("word/document.xml", "word/footnotes.xml")
             for n in ET.fromstring(archive.read(part)).iter()]
    for node in nodes:
        if node.tag == W + "commentRangeStart":
            open_ids.add(node.get(W + "id"))
            texts[node.get(W + "id")] = ""
        elif node.tag == W + "commentRangeEnd":
            open_ids.discard(node.get(W + "id"))
        elif node.tag == W + "t":
            for cid in open_ids:
                texts[cid] += node.text or ""
        elif node.tag == W + "footnoteReference":
            for cid in open_ids:
                texts[cid] += "[fn]"
    return texts


def test_annotated_copy_has_the_same_text_and_a_comment_on_each_finding(sample_docx, tmp_path):
    import hashlib

    import docx

    from checker.docx import read_docx

    before = hashlib.sha256(sample_docx.read_bytes()).hexdigest()
    out = tmp_path / "annotated.docx"
    proc = run_cli("check", str(sample_docx), "--annotate", str(out), "--annotate-all", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert hashlib.sha256(sample_docx.read_bytes()).hexdigest() == before  # the input is untouched
    assert read_docx(out).text == read_docx(sample_docx).text

    findings = _json(sample_docx)["findings"]
    # with --annotate-all every figure of every finding is commented (tests/test_annotate.py: one per finding)
    flagged = [(fig["where"], fig["text"]) for f in findings for fig in f["figures"]]
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(flagged)
    anchored = sorted(_anchored_texts(out).values())
    assert anchored == sorted(text for _, text in flagged)  # footnote figures too, inside their footnote
    assert any(where.startswith("footnote") for where, _ in flagged)
    for c in comments:
        assert re.match(r"[A-Z]{2}\d\d[ :]", c.text)


def test_annotate_never_overwrites(sample_docx, tmp_path):
    out = tmp_path / "exists.docx"
    out.write_bytes(b"keep me")
    proc = run_cli("check", str(sample_docx), "--annotate", str(out), "--lang", "en")
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert out.read_bytes() == b"keep me"
    proc = run_cli("check", str(sample_docx), "--annotate", str(sample_docx), "--lang", "en")
    assert proc.returncode == 2 and "overwrite the input" in proc.stderr
