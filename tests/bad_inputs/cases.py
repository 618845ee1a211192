"""Hostile and odd inputs, each built in a temporary folder by a function, with the exact
exit code and error line the command must give (`{dir}` stands for the folder).

A case returns the command's arguments; `expect` gives the exit code and the one stderr
line (None: the command may print notes, but never a traceback or `internal error`).  Big
inputs are built here when the case runs, never stored.  Cases marked `slow` run in CI
too; they stay under the suite's time and memory bounds."""

from __future__ import annotations

import os
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample-draft.md"
DRAFT = "# BÁO CÁO\n\nGRDP tăng 7,35% so với năm 2024; thu ngân sách đạt 1.845,7 tỷ đồng.\n"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Case:
    build: Callable[[Path], list[str]]
    code: int | tuple[int, ...]
    error: str | None = None
    slow: bool = False
    root_skips: bool = False  # root may write anywhere: a read-only folder is no obstacle


def draft(folder: Path, name: str = "draft.md", text: str = DRAFT) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def config(folder: Path, text: str) -> str:
    path = folder / "checker.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def rule_file(folder: Path, **fields: str) -> str:
    body = {"id": "X01", "name": "test.rule", "kind": "same_value", "severity": "warning",
            "message": '"{values}"', "description": "a test rule"}
    body.update(fields)
    text = "rules:\n  - " + "\n    ".join(f"{k}: {v}" for k, v in body.items()) + "\n"
    path = folder / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def cp1258(text: str) -> bytes:
    """`text` as Windows-1258 writes it: base letters with their hats, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                   + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def tcvn3(text: str) -> bytes:
    from checker.text_encoding import TCVN3

    byte = {ch: b for b, ch in TCVN3.items()}
    return bytes(byte[ch] if ch in byte else ord(ch) for ch in text.lower())


def vni(text: str) -> bytes:
    """`text` as VNI writes it: ASCII vowels followed by the bytes of their marks."""
    from checker.text_encoding import VNI_LETTERS, VNI_MARKS

    marks = {v: k for k, v in VNI_MARKS.items() if k.islower()}
    letters = {v: k for k, v in VNI_LETTERS.items() if v in "ơưđĩịỉ"}
    out = []
    for ch in text.lower():
        if ch in letters or ch < "\x80":
            out.append(letters.get(ch, ch))
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, horn = parts[0], "\u031b" in parts
        rest = "".join(c for c in parts[1:] if c != "\u031b")
        base = {"o": "ô", "u": "ö"}[base] if horn else base
        order = sorted(rest, key=lambda c: c not in "\u0302\u0306")  # the hat before the tone
        out.append(base + marks["".join(order)] if rest else base)
    return "".join(out).encode("cp1252")


VIETNAMESE = ("Tổng sản phẩm trên địa bàn tỉnh tăng trưởng bình quân 7,35% mỗi năm; thu ngân sách nhà nước "
              "đạt 1.845,7 tỷ đồng, vượt kế hoạch đề ra. Tỷ lệ hộ nghèo giảm còn 2,1%.\n")


def _docx(path: Path, body_xml: str, extra: dict[str, bytes] | None = None) -> str:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body_xml}</w:body></w:document>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return str(path)


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _fifo(d: Path) -> list[str]:
    os.mkfifo(d / "pipe.md")
    return ["check", str(d / "pipe.md")]


def _dangling(d: Path) -> list[str]:
    (d / "out.json").symlink_to(d / "elsewhere" / "target.json")
    return ["check", "--format", "json", "-o", str(d / "out.json"), draft(d)]


def _link_out(d: Path) -> list[str]:
    (d / "sub").mkdir()
    (d / "victim.txt").write_text("keep me\n", encoding="utf-8")
    (d / "sub" / "out.json").symlink_to(d / "victim.txt")
    return ["check", "--format", "json", "-o", str(d / "sub" / "out.json"), draft(d)]


def _read_only(d: Path) -> list[str]:
    (d / "ro").mkdir()
    (d / "ro").chmod(0o555)
    return ["check", "-o", str(d / "ro" / "report.txt"), draft(d)]


def _deep_csv(d: Path, rows: int) -> list[str]:
    lines = ["indicator,entity,period,role,value,unit"]
    lines += [f'grdp_growth,bac_kan,{1000 + i},actual,"7,35",%/năm' for i in range(rows)]
    (d / "data.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["check", str(d / "data.csv")]


def _big_rows(d: Path, rows: int) -> list[str]:
    import yaml

    ids = [p["id"] for p in yaml.safe_load((ROOT / "rules/entities.yaml").read_text(encoding="utf-8"))["provinces"]]
    lines = ["indicator,entity,period,role,value,unit"]
    years = [str(y) for y in range(1900, 2100)]
    for i in range(rows):
        entity, rest = ids[i % len(ids)], i // len(ids)
        lines.append(f'grdp_growth,{entity},{years[rest // 3]},{("actual", "target", "baseline")[rest % 3]},'
                     f'"7,35",%/năm')
    (d / "data.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["check", str(d / "data.csv")]


def _alias_bomb(d: Path) -> list[str]:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines.append("rules: *a8")
    (d / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["check", draft(d), "--rules", str(d / "bomb.yaml")]


def _deep_expression(d: Path) -> list[str]:
    path = rule_file(d, kind="identity", message='"{formula}"',
                     params="{left: '" + "(" * 3000 + "grdp" + ")" * 3000 + "', right: grdp}")
    return ["check", draft(d), "--rules", path]


def _long_name(d: Path) -> list[str]:
    return ["check", str(d / ("x" * 300 + ".md"))]


def _newline_name(d: Path) -> list[str]:
    return ["check", str(d / "two\nlines.md")]


def _pdf(d: Path, pages: int) -> str:
    from fpdf import FPDF

    pdf = FPDF()
    for i in range(pages):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.cell(0, 10, f"GRDP 7.35 percent, page {i + 1}")
    pdf.output(str(d / "draft.pdf"))
    return str(d / "draft.pdf")


def _one_pdf_page(d: Path) -> list[str]:
    return ["check", "--config", config(d, "[limits]\npdf-pages = 1\n"), _pdf(d, 2)]


def _encrypted_pdf(d: Path) -> list[str]:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "GRDP 7.35 percent")
    pdf.output(str(d / "locked.pdf"))
    return ["check", str(d / "locked.pdf")]


def _zip_bomb(d: Path) -> list[str]:
    with zipfile.ZipFile(d / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as f:
            for _ in range(64):
                f.write(b"\0" * (1 << 20))
    return ["check", str(d / "bomb.docx")]


def _laughs(d: Path, suffix: str) -> list[str]:
    entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">'
                                               for i in range(8))
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document xmlns:w="{W}"><w:body>' \
          f'<w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
    path = d / f"laughs{suffix}"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml" if suffix == ".docx" else "xl/workbook.xml", xml)
    return ["check", str(path)]


def _traversal(d: Path) -> list[str]:
    path = _docx(d / "evil.docx", _para("GRDP tăng 7,35%"), {"../../escaped.txt": b"out of the archive"})
    return ["check", path]


CASES: dict[str, Case] = {
    # --- outputs: nothing the user gave is lost, nothing is written where it should not be
    "baseline-onto-its-input": Case(
        lambda d: ["baseline", "write", draft(d), draft(d)], 2,
        "checker: error: {dir}/draft.md: already exists; pass --force to replace the baseline"),
    "baseline-forced-onto-its-input": Case(
        lambda d: ["baseline", "write", "--force", draft(d), draft(d)], 2,
        "checker: error: {dir}/draft.md: refusing to overwrite the input {dir}/draft.md"),
    "output-onto-an-input": Case(
        lambda d: ["check", "-o", draft(d), draft(d)], 2,
        "checker: error: {dir}/draft.md: refusing to overwrite the input {dir}/draft.md"),
    "output-onto-an-input-through-a-link": Case(
        lambda d: (os.symlink(draft(d), d / "link.md"), ["check", "-o", str(d / "link.md"), draft(d)])[1], 2,
        "checker: error: {dir}/link.md: refusing to overwrite the input {dir}/draft.md"),
    "annotate-onto-its-input": Case(
        lambda d: ["check", "--annotate", _docx(d / "d.docx", _para("GRDP tăng 7,35%")), _docx(d / "d.docx", _para("x"))],
        2, "checker: error: {dir}/d.docx: refusing to overwrite the input {dir}/d.docx"),
    "output-through-a-dangling-link": Case(
        _dangling, 2, "checker: error: {dir}/out.json: a symbolic link to {dir}/elsewhere/target.json, which does "
                      "not exist; refusing to write through it"),
    "output-through-a-link-out-of-its-folder": Case(
        _link_out, 2, "checker: error: {dir}/sub/out.json: a symbolic link out of its folder (to {dir}/victim.txt); "
                      "refusing to write through it"),
    "output-into-a-missing-folder": Case(
        lambda d: ["check", "-o", str(d / "nowhere" / "r.txt"), draft(d)], 2,
        "checker: error: {dir}/nowhere/r.txt: folder {dir}/nowhere does not exist"),
    "annotate-into-a-missing-folder": Case(
        lambda d: ["check", "--annotate", str(d / "nowhere" / "a.docx"), _docx(d / "d.docx", _para("GRDP 7,35%"))],
        2, "checker: error: {dir}/nowhere/a.docx: folder {dir}/nowhere does not exist"),
    "output-into-a-read-only-folder": Case(
        _read_only, 2, "checker: error: {dir}/ro/report.txt: folder {dir}/ro is not writable", root_skips=True),
    "output-is-a-folder": Case(
        lambda d: ["check", "-o", str(d), draft(d)], 2,
        "checker: error: {dir}: is a folder; name a file for the report"),
    # --- special files and names
    "dev-zero-as-a-draft": Case(
        lambda d: ["check", "/dev/zero"], 2,
        "checker: error: /dev/zero: a device or special file, not a regular file; save the draft to a file and "
        "check that"),
    "fifo-as-a-draft": Case(
        _fifo, 2, "checker: error: {dir}/pipe.md: a FIFO (named pipe), not a regular file; save the draft to a file "
                  "and check that"),
    "file-name-too-long": Case(
        _long_name, 2, "checker: error: {dir}/" + "x" * 300 + ".md: cannot read: the file name is too long for the "
                                                              "system"),
    "file-name-with-a-newline": Case(
        _newline_name, 2, "checker: error: {dir}/two\\nlines.md: no such file"),
    # --- limits
    "draft-over-the-byte-limit": Case(
        lambda d: ["check", "--config", config(d, "[limits]\ndraft-bytes = 50\n"), draft(d)], 2,
        f"checker: error: {{dir}}/draft.md: refused: it is {len(DRAFT.encode())} bytes (limit 50: set limits.draft-bytes in the "
        "configuration to change it)"),
    "data-file-over-the-row-limit": Case(
        lambda d: ["check", "--config", config(d, "[limits]\ndata-rows = 100\n"), *_deep_csv(d, 101)[1:]], 2,
        "checker: error: {dir}/data.csv: refused: it has 101 rows (limit 100: set limits.data-rows in the "
        "configuration to change it)"),
    "word-xml-over-the-limit": Case(
        lambda d: ["check", "--config", config(d, "[limits]\ndocx-xml-bytes = 100\n"),
                   _docx(d / "d.docx", _para("GRDP tăng 7,35% so với năm trước"))], 2,
        "checker: error: {dir}/d.docx: refused: its part word/document.xml unpacks to 185 bytes of XML "
        "(limit 100: set limits.docx-xml-bytes in the configuration to change it)"),
    "pdf-over-the-page-limit": Case(
        _one_pdf_page, 2, "checker: error: {dir}/draft.pdf: refused: it has 2 pages (limit 1: set limits.pdf-pages "
                          "in the configuration to change it)"),
    "yaml-alias-bomb": Case(
        _alias_bomb, 2, "checker: error: {dir}/bomb.yaml: refused: with its aliases expanded it holds more than "
                        "200,000 YAML nodes (limit 200,000: set limits.yaml-nodes in the configuration to change it)"),
    "message-format-width": Case(
        lambda d: ["check", draft(d), "--rules", rule_file(d, message='"{values:>999999999}"')], 2,
        "checker: error: {dir}/rules.yaml:6:14: refused: the field {{values:>999999999}} in the message is "
        "999,999,999 characters wide (limit 200: set limits.format-width in the configuration to change it)"),
    "deeply-nested-expression": Case(
        _deep_expression, 2, "checker: error: {dir}/rules.yaml:8:20: bad expression: '" + "(" * 40 + "…' has 3000 "
                             "operators and parentheses (limit 64: set limits.expression-depth)"),
    "deeply-nested-baseline": Case(
        lambda d: ((d / "b.json").write_text("[" * 100000 + "]" * 100000), ["check", draft(d), "--baseline",
                                                                             str(d / "b.json")])[1], 2,
        "checker: error: {dir}/b.json: refused: its JSON is nested 100000 deep (limit 64: set limits.json-depth in "
        "the configuration to change it)"),
    "unknown-limit": Case(
        lambda d: ["check", "--config", config(d, "[limits]\npages = 3\n"), draft(d)], 2,
        "checker: error: {dir}/checker.toml: unknown limit 'pages' (known: draft-bytes, data-rows, docx-xml-bytes, "
        "pdf-pages, pdf-chars, yaml-bytes, yaml-nodes, json-depth, expression-depth, format-width)"),
    # --- rule files, configuration
    "rule-kind-a-list": Case(
        lambda d: ["check", draft(d), "--rules", rule_file(d, kind="[a, b]")], 2,
        "checker: error: {dir}/rules.yaml:4:11: kind of rule X01 must be text"),
    "rule-description-a-number": Case(
        lambda d: ["check", draft(d), "--rules", rule_file(d, description="12")], 2,
        "checker: error: {dir}/rules.yaml:7:18: description of rule X01 must be text"),
    "rule-list-as-a-key": Case(
        lambda d: ["check", draft(d), "--rules", rule_file(d, params="{[1, 2]: 3}")], 2,
        "checker: error: {dir}/rules.yaml:8:14: a key must be a plain word or number, not a list"),
    "rule-include-out-of-its-folder": Case(
        lambda d: ((d / "inc.yaml").write_text("include: [/etc/passwd]\n"),
                   ["check", draft(d), "--rules", str(d / "inc.yaml")])[1], 2,
        "checker: error: {dir}/inc.yaml:1:10: included file '/etc/passwd' is outside the rule file's folder "
        "(name it on the command line instead)"),
    "pyproject-tool-not-a-table": Case(
        lambda d: ((d / "pyproject.toml").write_text('tool = "x"\n'),
                   ["check", "--config", str(d / "pyproject.toml"), draft(d)])[1], 2,
        "checker: error: {dir}/pyproject.toml: `tool` is not a table"),
    "pyproject-tool-checker-not-a-table": Case(
        lambda d: ((d / "pyproject.toml").write_text('[tool]\nchecker = 3\n'),
                   ["check", "--config", str(d / "pyproject.toml"), draft(d)])[1], 2,
        "checker: error: {dir}/pyproject.toml: `tool.checker` is not a table"),
    # --- encodings and office files
    "tcvn3-text": Case(
        lambda d: ((d / "old.txt").write_bytes(tcvn3(VIETNAMESE)), ["check", str(d / "old.txt")])[1], 2,
        "checker: error: {dir}/old.txt: Vietnamese text in the legacy TCVN3 encoding, not Unicode; convert it to "
        "Unicode (Unikey: Công cụ chuyển mã, TCVN3 → Unicode), save it as UTF-8 and check again"),
    "vni-text": Case(
        lambda d: ((d / "old.txt").write_bytes(vni(VIETNAMESE)), ["check", str(d / "old.txt")])[1], 2,
        "checker: error: {dir}/old.txt: Vietnamese text in the legacy VNI encoding, not Unicode; convert it to "
        "Unicode (Unikey: Công cụ chuyển mã, VNI → Unicode), save it as UTF-8 and check again"),
    "windows-1258-short": Case(
        lambda d: ((d / "w.txt").write_bytes(cp1258(VIETNAMESE)), ["check", str(d / "w.txt")])[1], (0, 1)),
    "windows-1258-long": Case(
        lambda d: ((d / "w.txt").write_bytes(cp1258("\n".join(f"{i}. {VIETNAMESE}" for i in range(400)))),
                   ["check", str(d / "w.txt")])[1], (0, 1), slow=True),
    "utf-16-with-bom": Case(
        lambda d: ((d / "u.md").write_bytes(DRAFT.encode("utf-16")), ["check", str(d / "u.md")])[1], (0, 1)),
    "utf-16-without-bom": Case(
        lambda d: ((d / "u.md").write_bytes(DRAFT.encode("utf-16-le")), ["check", str(d / "u.md")])[1], 2,
        "checker: error: {dir}/u.md:1:1: UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with a "
        "byte-order mark) and check again"),
    "doc-file": Case(
        lambda d: ((d / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500),
                   ["check", str(d / "old.doc")])[1], 2,
        "checker: error: {dir}/old.doc: a Word 97-2003 document (.doc), which checker does not read; save it as "
        ".docx (File → Save As → Word Document) and check again"),
    "doc-bytes-named-txt": Case(
        lambda d: ((d / "old.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500),
                   ["check", str(d / "old.txt")])[1], 2,
        "checker: error: {dir}/old.txt: a Word 97-2003 document (.doc) or another old Office file, not text; save "
        "it as .docx (File → Save As → Word Document) and check again"),
    "rtf-file": Case(
        lambda d: ((d / "r.rtf").write_bytes(b"{\\rtf1\\ansi GRDP 7,35%}"), ["check", str(d / "r.rtf")])[1], 2,
        "checker: error: {dir}/r.rtf: a Rich Text document (.rtf), which checker does not read; save it as .docx "
        "(File → Save As → Word Document) and check again"),
    "odt-file": Case(
        lambda d: ((d / "t.odt").write_bytes(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text"),
                   ["check", str(d / "t.odt")])[1], 2,
        "checker: error: {dir}/t.odt: an OpenDocument text (.odt), which checker does not read; save it as .docx "
        "(File → Save As → Word Document) and check again"),
    # --- numbers
    "footnote-marker-of-thousands-of-digits": Case(
        lambda d: ["check", draft(d, text=DRAFT + "GRDP đạt 7,35%" + "¹" * 5000 + " năm 2025.\n")], (0, 1)),
    "scale-words-two-spaces-apart": Case(
        lambda d: ["check", draft(d, text=DRAFT + "Tổng vốn đạt 6triệu  tỷ đồng.\n")], (0, 1)),
    "number-of-320-digits": Case(
        lambda d: ["check", "--format", "json", draft(d, text=DRAFT + "Thu đạt " + "9" * 320 + " tỷ đồng.\n")],
        (0, 1)),
    # --- archives and PDFs, handled before this suite and kept so
    "docx-zip-bomb": Case(
        _zip_bomb, 2, "checker: error: {dir}/bomb.docx: refused: entry word/document.xml is compressed 1028:1; "
                      "possibly a zip bomb"),
    "docx-billion-laughs": Case(
        lambda d: _laughs(d, ".docx"), 2,
        "checker: error: {dir}/laughs.docx: word/document.xml: refused: the XML declares a DTD or entities"),
    "xlsx-billion-laughs": Case(
        lambda d: _laughs(d, ".xlsx"), 2,
        "checker: error: {dir}/laughs.xlsx: xl/workbook.xml: refused: the XML declares a DTD or entities"),
    "docx-path-traversal": Case(_traversal, (0, 1)),
    "docx-truncated": Case(
        lambda d: ((d / "t.docx").write_bytes(Path(_docx(d / "whole.docx", _para("GRDP 7,35%"))).read_bytes()[:60]),
                   ["check", str(d / "t.docx")])[1], 2,
        "checker: error: {dir}/t.docx: not a Word document (.docx): that is a zip archive, and this is not one"),
    "docx-fake": Case(
        lambda d: ((d / "f.docx").write_text("plain text"), ["check", str(d / "f.docx")])[1], 2,
        "checker: error: {dir}/f.docx: not a Word document (.docx): that is a zip archive, and this is not one"),
    "docx-encrypted": Case(
        lambda d: ((d / "e.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500),
                   ["check", str(d / "e.docx")])[1], 2,
        "checker: error: {dir}/e.docx: not a Word document (.docx): that is a zip archive, and this is not one"),
    "pdf-fake": Case(
        lambda d: ((d / "f.pdf").write_text("%PDF-1.4\nnot really"), ["check", str(d / "f.pdf")])[1], 2,
        "checker: error: {dir}/f.pdf: not a readable PDF (PdfminerException)"),
    "pdf-encrypted": Case(_encrypted_pdf, 2, "checker: error: {dir}/locked.pdf: not a readable PDF (PdfminerException)"),
    # --- big inputs: read within the limits, in linear time
    "many-short-lower-case-lines": Case(
        lambda d: ["check", draft(d, text=DRAFT + "".join(f"dòng thứ {i} của đoạn văn\n" for i in range(8000)))],
        (0, 1), slow=True),
    "data-file-of-20000-rows": Case(lambda d: _big_rows(d, 20000), (0, 1), slow=True),
}
