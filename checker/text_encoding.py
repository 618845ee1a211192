"""What a text draft's bytes are: UTF-8 or UTF-16 (with a byte-order mark) are read;
Windows-1258 is read; the legacy 8-bit Vietnamese encodings TCVN3 (ABC) and VNI, UTF-16
without a mark, and office files (.doc, .rtf, .odt) are recognised and refused with a
message that says how to convert them.

A legacy encoding is told from another by decoding the bytes each way and counting how
many of the non-ASCII characters come out as Vietnamese letters: a share, so the verdict
does not depend on the file's length."""

from __future__ import annotations

import codecs
import re
import unicodedata

from checker.i18n import N_, _
from checker.records import InputError

SAVE_AS_DOCX = N_("save it as .docx (File → Save As → Word Document) and check again")
TO_UNICODE = N_("convert it to Unicode (Unikey: Công cụ chuyển mã, {name} → Unicode), save it as UTF-8 and check again")

OFFICE_FILES = {
    ".doc": N_("a Word 97-2003 document (.doc)"),
    ".rtf": N_("a Rich Text document (.rtf)"),
    ".odt": N_("an OpenDocument text (.odt)"),
    ".wps": N_("a Works document (.wps)"),
}
MAGIC = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("a Word 97-2003 document (.doc) or another old Office file")),
    (b"{\\rtf", N_("a Rich Text document (.rtf)")),
    (b"%PDF-", N_("a PDF file (give it a .pdf name)")),
]


def _letters() -> frozenset[str]:
    """Every Vietnamese letter with a diacritic, both cases, precomposed (NFC)."""
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    bases = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"]
    out = {"đ", "Đ"}
    for base in bases:
        for tone in tones:
            if base + tone in ("a", "e", "i", "o", "u", "y"):
                continue
            ch = unicodedata.normalize("NFC", base + tone)
            out |= {ch, ch.upper()}
    return frozenset(out)


VIETNAMESE = _letters()
# Characters an ordinary Windows text holds besides letters: not evidence either way.
NEUTRAL = set("“”‘’–—…•·°±×÷€§©®«»¼½¾ ")

# TCVN3 (ABC): the byte each letter is at, by runs of consecutive bytes (its capitals with
# tone marks are in separate fonts: the same bytes).
TCVN3_RUNS = [(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"), (0xB5, "àảãáạ"), (0xBB, "ằẳẵắ"), (0xC6, "ặầẩẫấậè"),
              (0xCE, "ẻẽéẹềểễếệìỉ"), (0xDC, "ĩíịò"), (0xE1, "ỏõóọồổỗốộờởỡớợù"), (0xF1, "ủũúụừửữứựỳỷỹýỵ")]
TCVN3 = {start + i: ch for start, run in TCVN3_RUNS for i, ch in enumerate(run)}
# VNI: an ASCII vowel followed by bytes that add the marks (cp1252 characters on screen).
VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309", "ã": "\u0302\u0303",
    "ä": "\u0302\u0323", "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}
VNI_MARKS.update({k.upper(): v for k, v in VNI_MARKS.items()})
VNI_LETTERS = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
               "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị"}
VNI_RE = re.compile("([aeiouyAEIOUYơưƠƯ])([" + "".join(VNI_MARKS) + "])")


TCVN3_TRANSLATION = str.maketrans({chr(b): ch for b, ch in TCVN3.items()})


def _tcvn3(raw: bytes) -> str:
    return raw.decode("latin-1").translate(TCVN3_TRANSLATION)


def _vni(raw: bytes) -> str:
    text = raw.decode("cp1252", errors="replace")
    text = "".join(VNI_LETTERS.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", VNI_RE.sub(lambda m: m.group(1) + VNI_MARKS[m.group(2)], text))


def _cp1258(raw: bytes) -> str | None:
    try:
        return unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def vietnamese_share(text: str) -> tuple[float, int]:
    """The share of Vietnamese letters among the non-ASCII characters that are not plain
    punctuation, and how many such letters there are.  A letter right after a vowel of the
    same base (`oồ`, `aả`) counts against: Vietnamese has no such pairs, but VNI bytes read
    as TCVN3 give them at every mark."""
    letters = other = 0
    before = ""
    for ch in text:
        if ch >= "\x80" and ch not in NEUTRAL:
            if ch in VIETNAMESE and _base(ch) != _base(before):
                letters += 1
            else:
                other += 1
        before = ch
    return (letters / (letters + other) if letters + other else 0.0), letters


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[:1].lower()


def legacy_encoding(raw: bytes) -> tuple[str, str] | None:
    """('cp1258', text), ('TCVN3', '') or ('VNI', ''): the legacy encoding these bytes read
    best in, when most of their non-ASCII characters then read as Vietnamese letters."""
    candidates = [("cp1258", _cp1258(raw)), ("TCVN3", _tcvn3(raw)), ("VNI", _vni(raw))]
    best, best_share = None, 0.0
    for name, text in candidates:
        if text is None:
            continue
        share, letters = vietnamese_share(text)
        if letters and share > best_share:
            best, best_share = (name, text), share
    if best is None or best_share < 0.75:
        return None
    return best if best[0] == "cp1258" else (best[0], "")


def _utf16_without_bom(raw: bytes) -> bool:
    head = raw[:4096]
    if len(head) < 16:
        return False
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    return max(odd, even) > 0.4 * half and min(odd, even) < 0.05 * half


def decode_draft(raw: bytes, path: object) -> str:
    """The text of a draft's bytes, NFC; or an InputError saying what the bytes are."""
    for magic, what in MAGIC:
        if raw.startswith(magic):
            raise InputError(_("{file}: {what}, not text; {advice}").format(file=path, what=_(what), advice=_(SAVE_AS_DOCX)))
    if raw.startswith(b"PK\x03\x04") and b"opendocument" in raw[:200]:
        raise InputError(_("{file}: {what}, not text; {advice}").format(file=path, what=_(OFFICE_FILES[".odt"]),
                                                                        advice=_(SAVE_AS_DOCX)))
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and raw[:4] != codecs.BOM_UTF16_LE + b"\x00\x01":
        return _decoded(raw, "utf-32", path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(raw, "utf-16", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _not_utf8(raw, exc, path)
    if "\x00" in text:
        if _utf16_without_bom(raw):
            raise InputError(_("{file}:1:1: UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with "
                               "a byte-order mark) and check again").format(file=path))
        raise InputError(_("{file}:1:1: a binary file, not text").format(file=path))
    return unicodedata.normalize("NFC", text)


def _decoded(raw: bytes, codec: str, path: object) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(_("{file}: not {codec} text after its byte-order mark (bytes {start}-{end})").format(
            file=path, codec=codec.upper(), start=exc.start, end=exc.end)) from None
    if "\x00" in text:
        raise InputError(_("{file}:1:1: a binary file, not text").format(file=path))
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, path: object) -> str:
    if _utf16_without_bom(raw):
        raise InputError(_("{file}:1:1: UTF-16 text without a byte-order mark; save it as UTF-8 (or UTF-16 with "
                           "a byte-order mark) and check again").format(file=path))
    if b"\x00" not in raw:
        legacy = legacy_encoding(raw)
        if legacy is not None and legacy[0] == "cp1258":
            return legacy[1]
        if legacy is not None:
            raise InputError(_("{file}: Vietnamese text in the legacy {name} encoding, not Unicode; {advice}").format(
                file=path, name=legacy[0], advice=_(TO_UNICODE).format(name=legacy[0])))
    line = raw[: exc.start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    col = len(raw[line_start:exc.start].decode("utf-8", errors="replace")) + 1
    raise InputError(_("{file}:{line}:{column}: not UTF-8 text (byte 0x{byte:02x})").format(
        file=path, line=line, column=col, byte=raw[exc.start]))
