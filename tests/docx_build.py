"""Build small .docx files in tests: from a Markdown draft, or from hand-made parts.

Written from the OOXML structure directly (a zip of XML parts), so a test controls what
Word would store: styles, tables, footnotes, tracked insertions and deletions.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_RUN = re.compile(f"[{SUP}]+")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def run(text: str, kind: str = "t", font: str | None = None) -> str:
    """One run; kind `ins` or `del` wraps it as a tracked change."""
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
    if kind == "del":
        return (f'<w:del w:id="90" w:author="x"><w:r>{rpr}<w:delText xml:space="preserve">'
                f'{escape(text)}</w:delText></w:r></w:del>')
    inner = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    return f'<w:ins w:id="91" w:author="x">{inner}</w:ins>' if kind == "ins" else inner


def paragraph(runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def footnote_ref(fid: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'


def table(rows: list[list[str]]) -> str:
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc>{paragraph(run(c))}</w:tc>" for c in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def write_docx(path: Path, body: list[str], footnotes: dict[int, str] | None = None,
               extra: dict[str, bytes] | None = None) -> Path:
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>' \
               + "".join(body) + "</w:body></w:document>"
    notes = "".join(f'<w:footnote w:id="{fid}"><w:p><w:r><w:footnoteRef/></w:r>{run(" " + text)}</w:p></w:footnote>'
                    for fid, text in (footnotes or {}).items())
    notes_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>' \
                '<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>' + notes + "</w:footnotes>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/footnotes.xml", notes_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _with_refs(text: str, ids: dict[str, int]) -> str:
    """Runs for a line of text whose superscript numbers become footnote references."""
    out, pos = [], 0
    for m in SUP_RUN.finditer(text):
        if m.start() > pos:
            out.append(run(text[pos:m.start()]))
        out.append(footnote_ref(ids.setdefault(m.group(0), 100 + len(ids))))
        pos = m.end()
    if pos < len(text):
        out.append(run(text[pos:]))
    return "".join(out)


def markdown_to_docx(md: str, path: Path) -> Path:
    """A Word version of a Markdown draft: headings as Heading styles, pipe tables as
    tables, `¹ …` lines as footnotes referenced from the body's superscripts."""
    body: list[str] = []
    ids: dict[str, int] = {}
    notes: dict[int, str] = {}
    rows: list[list[str]] = []
    for line in md.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
            continue
        if rows:
            body.append(table(rows))
            rows = []
        if not line.strip():
            continue
        m = SUP_RUN.match(line)
        if m:
            notes[ids.setdefault(m.group(0), 100 + len(ids))] = line[m.end():].strip()
            continue
        h = re.match(r"(#+) (.*)", line)
        if h:
            body.append(paragraph(run(h.group(2)), f"Heading{len(h.group(1))}"))
        else:
            body.append(paragraph(_with_refs(line, ids)))
    return write_docx(path, body, notes)
