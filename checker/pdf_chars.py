"""A PDF page's characters read straight from pdfminer's interpreter, with only the fields
checker/pdf.py reads, for pages where nothing but text is drawn.

pdfminer builds an `LTChar` object for every character (its matrix, font, colour space,
graphic state, bounding box) and pdfplumber then turns every attribute of each into a
dict: two thirds of the time of reading a page of prose.  This device computes each
character's box with the same arithmetic as `LTChar` and pdfplumber (the same floats, so
the same lines, gaps and superscripts) and keeps the six fields the reader uses.  A page
that draws a line, a shape, an image or a form, or sets text vertically, stops the device
(`Drawn`): it is read with pdfplumber, whose tables need the drawing.
"""

from __future__ import annotations

import logging

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined

log = logging.getLogger(__name__)


class Drawn(Exception):
    """The page draws more than horizontal text: read it with pdfplumber."""


class _CharDevice(PDFTextDevice):
    """Collects a page's characters as dicts of text, x0, x1, top, bottom and size, in
    pdfplumber's coordinates (top down, shifted by the media box's origin)."""

    def __init__(self, rsrcmgr, height: float, left: float, top: float):
        super().__init__(rsrcmgr)
        self.height, self.left, self.top = height, left, top
        # font -> {cid: (text, width)}, for the page only: a document's fonts may hold
        # tens of thousands of characters, a page's characters are held anyway
        self.glyphs: dict = {}
        self.chars: list[dict] = []

    def paint_path(self, *args) -> None:
        raise Drawn

    def begin_figure(self, *args) -> None:
        raise Drawn

    def render_image(self, *args) -> None:
        raise Drawn

    def render_string_vertical(self, *args):
        raise Drawn

    @staticmethod
    def _glyph(font, cid: int) -> tuple[str, float]:
        """The character's text and width, as pdfminer's PDFLayoutAnalyzer.render_char finds them."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = f"(cid:{cid})"
        return text, font.char_width(cid)

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace,
                                 rise, dxscale, ncs, graphicstate):
        """pdfminer's PDFTextDevice.render_string_horizontal with LTChar's box computed in
        place: the character's matrix is `matrix` moved to (x, y), its box in text space
        (0, descent + rise, advance, descent + rise + fontsize)."""
        (x, y) = pos
        a, b, c, d, e, f = matrix
        low = font.get_descent() * fontsize + rise
        high = low + fontsize
        straight = b == 0 and c == 0  # no rotation nor skew: two corners give the box
        height, left, top, out = self.height, self.left, self.top, self.chars
        glyphs = self.glyphs.setdefault(font, {})
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = self._glyph(font, cid)
                    text, width = glyph
                    adv = width * fontsize * scaling
                    e1, f1 = x * a + y * c + e, x * b + y * d + f  # utils.translate_matrix
                    if straight:
                        # utils.apply_matrix_rect: the terms in b and c are zeros, which
                        # leave every sum unchanged
                        xa, xb, ya, yb = e1, a * adv + e1, d * low + f1, d * high + f1
                        x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
                        y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
                    else:
                        xs = (a * 0 + c * low + e1, a * adv + c * low + e1, a * adv + c * high + e1, a * 0 + c * high + e1)
                        ys = (b * 0 + d * low + f1, b * adv + d * low + f1, b * adv + d * high + f1, b * 0 + d * high + f1)
                        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
                    out.append({"text": text, "x0": x0 + left if left else x0, "x1": x1 + left if left else x1,
                                "top": (height - y1) + top, "bottom": (height - y0) + top, "size": y1 - y0})
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                log.warning("Cannot render horizontal string because %r is not a valid int, float or bytes.", obj)
        return (x, y)


def page_chars(page) -> list[dict]:
    """The characters of a pdfplumber page where only horizontal text is drawn, in the
    order drawn; raises Drawn for any other page."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.utils.exceptions import PdfminerException

    left, top = page.mediabox[:2]
    device = _CharDevice(page.pdf.rsrcmgr, page.height, left, top)
    try:
        PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    except Drawn:
        raise
    except Exception as exc:  # as pdfplumber's Page.layout reports a broken page
        raise PdfminerException(exc) from exc
    return device.chars
