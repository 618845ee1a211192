"""Build a PDF from a Markdown draft in tests (fpdf2 and the DejaVu font of the machine's
image): headings in bold, paragraphs wrapped, footnote markers as real superscripts
(smaller and raised), footnotes in a smaller size, tables ruled or borderless."""

from __future__ import annotations

import re
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_RUN = re.compile(f"[{SUP}]+")


def _plain(sup: str) -> str:
    return "".join(str(SUP.index(c)) for c in sup)


def markdown_to_pdf(md: str, path: Path, ruled: bool = True, v_align: str = "MIDDLE",
                    page_numbers: bool = False, repeat_header: bool = False) -> Path:
    """`ruled=False` draws tables without any lines (a borderless table, columns kept apart
    only by white space); `v_align` places a short cell in a row made tall by a wrapped one;
    `page_numbers` prints each page's number centred at its foot; `repeat_header` repeats
    a table's first row at the top of each page it runs onto (in bold, as Word does)."""
    from fpdf import FPDF

    class Numbered(FPDF):
        def footer(self) -> None:
            if page_numbers:
                self.set_y(-12)
                self.set_font("dv", "", 9)
                self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Numbered(format="A4")
    pdf.add_font("dv", "", str(FONT))
    pdf.add_font("dv", "B", str(BOLD))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        pdf.set_font("dv", "", 8)
        layout = {} if ruled else {"borders_layout": "NONE", "padding": (1, 2)}
        with pdf.table(first_row_as_headings=repeat_header, line_height=5, v_align=v_align, **layout) as table:
            for cells in rows:
                row = table.row()
                for c in cells:
                    row.cell(c)
        rows.clear()
        pdf.ln(3)

    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                rows.append(cells)
            continue
        flush_table()
        if not line.strip():
            continue
        h = re.match(r"#+ (.*)", line)
        m = SUP_RUN.match(line)
        if h:
            pdf.set_font("dv", "B", 11)
            pdf.multi_cell(0, 6, h.group(1), new_x="LMARGIN", new_y="NEXT")
        elif m:  # a footnote: its number raised, its text smaller
            pdf.set_font("dv", "", 8)
            pdf.char_vpos = "SUP"
            pdf.write(4, _plain(m.group(0)))
            pdf.char_vpos = "LINE"
            pdf.write(4, " " + line[m.end():].strip())
            pdf.ln(4)
        else:
            pdf.set_font("dv", "", 10)
            pos = 0
            for s in SUP_RUN.finditer(line):
                pdf.write(5, line[pos:s.start()])
                pdf.char_vpos = "SUP"
                pdf.write(5, _plain(s.group(0)))
                pdf.char_vpos = "LINE"
                pos = s.end()
            pdf.write(5, line[pos:])
            pdf.ln(5)
        pdf.ln(3)
    flush_table()
    pdf.output(str(path))
    return path
