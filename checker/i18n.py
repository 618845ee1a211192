"""The language every text a person reads is in: gettext catalogs (checker/locale/LANG/LC_MESSAGES/
checker.po, read with Babel), the current language, and a record of texts asked for that no
catalog translates (a test fails on any)."""

from __future__ import annotations

import contextlib
import errno
import contextvars
import gettext as _gettext
import io
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from checker.records import InputError

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
DOMAIN = "checker"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("checker_language", default=DEFAULT_LANG)
# msgids asked for in a language whose catalog has no translation for them, with the language.
MISSING: set[tuple[str, str]] = set()


def check_lang(lang: str | None) -> str:
    """A language code the checker speaks, or an input error naming those it does."""
    lang = lang or DEFAULT_LANG
    if lang not in LANGS:
        raise InputError(gettext("unknown language '{lang}' (known: {known})").format(lang=lang, known=", ".join(LANGS)))
    return lang


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Speak `lang` inside the block: `_` and everything built on it use its catalog (None:
    keep the language already spoken)."""
    if lang is None:
        yield _current.get()
        return
    token = _current.set(check_lang(lang))
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def speak(lang: str | None) -> None:
    """Speak `lang` from here to the end of the enclosing `language` block (None: keep the
    language spoken): a command speaks its configuration's language once it is read."""
    if lang is not None:
        _current.set(check_lang(lang))


def current_language() -> str:
    return _current.get()


@lru_cache(maxsize=None)
def catalog(lang: str) -> _gettext.GNUTranslations:
    """The language's compiled catalog (checker.mo beside checker.po), read with the standard
    library: compiling the .po with Babel on every run cost more than the rest of start-up.
    tools/update_catalogs.py writes the .mo; a test fails when it no longer matches its .po."""
    with mo_path(lang).open("rb") as fh:
        return _gettext.GNUTranslations(fh)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def compile_po(lang: str) -> bytes:
    """The .mo that the language's .po compiles to (Babel; fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as fh:
        po = read_po(fh, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, po, use_fuzzy=False)
    return buffer.getvalue()


def translated(msgid: str, lang: str) -> str | None:
    """The catalog's translation of `msgid`, or None when it has none."""
    if not msgid:
        return ""
    found = catalog(lang)._catalog.get(msgid)  # GNUTranslations falls back silently; we must know
    return found or None


def _in(msgid: str, lang: str) -> str:
    text = translated(msgid, lang)
    if text is None:
        MISSING.add((lang, msgid))
        return msgid
    return text


def _(msgid: str) -> str:
    """`msgid` in the current language (recorded in MISSING, and given as is, if untranslated)."""
    return _in(msgid, _current.get())


def gettext(msgid: str, lang: str | None = None) -> str:
    """`msgid` in `lang` (default: the current language)."""
    return _in(msgid, lang or _current.get())


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for `n` in the current language (Vietnamese has one, English two)."""
    lang = _current.get()
    key = (singular, catalog(lang).plural(n))
    text = catalog(lang)._catalog.get(key)
    if not text:
        MISSING.add((lang, singular))
        return singular if n == 1 else plural
    return text


def whole(n: int) -> str:
    """A whole number with its thousands grouped as the current language writes them
    (1.000.000 in Vietnamese, 1,000,000 in English)."""
    text = f"{n:,}"
    return text.replace(",", ".") if _current.get() == "vi" else text


def N_(msgid: str) -> str:
    """Mark a text for the catalogs where it is written; it is translated where it is shown."""
    return msgid


# The reasons of the system errors a user meets reading or writing files (the system's own
# text is English whatever the language).
_OS_REASONS = {errno.EACCES: N_("permission denied"), errno.EPERM: N_("operation not permitted"),
               errno.ENOENT: N_("no such file or folder"), errno.ENAMETOOLONG: N_("the file name is too long for the system"),
               errno.EISDIR: N_("is a folder"), errno.ENOTDIR: N_("a part of the path is not a folder"),
               errno.ELOOP: N_("too many levels of symbolic links"), errno.ENOSPC: N_("no space left on the device"),
               errno.EROFS: N_("the file system is read-only"), errno.EIO: N_("input/output error")}


def os_reason(exc: OSError) -> str:
    """Why a file could not be read or written, in the current language."""
    if exc.errno in _OS_REASONS:
        return _(_OS_REASONS[exc.errno])
    return (exc.strerror or type(exc).__name__).lower()


def translatable(text: str, lang: str) -> str:
    """A text from outside the code (a rule file's message or description): its translation
    if the catalog has one, else the text as written, not recorded as missing: a user's own
    rule file may be written in any language."""
    return translated(text, lang) or text


def extract_rule_messages(fileobj, keywords, comment_tags, options):
    """A Babel extractor for rule files (babel.cfg): each rule's `message` and description
    (its spaces made single) are msgids."""
    import yaml

    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for rule in data.get("rules", []) or []:
        if isinstance(rule, dict) and isinstance(rule.get("message"), str):
            yield 0, None, rule["message"], [f"rule {rule.get('id', '?')}"]
        if isinstance(rule, dict) and isinstance(rule.get("description"), str):  # as rule_docs.described keys it
            yield 0, None, " ".join(rule["description"].split()), [f"rule {rule.get('id', '?')} description"]


def extract_kind_docs(fileobj, keywords, comment_tags, options):
    """A Babel extractor for checker/kinds/*.py (babel.cfg): the code's messages, as the
    Python extractor finds them, and each paragraph of a kind's documentation (a docstring
    in the `What it does:` template), its spaces made single, as `checker explain` keys it."""
    import ast

    from babel.messages.extract import extract_python

    data = fileobj.read()
    yield from extract_python(io.BytesIO(data), keywords, comment_tags, options)
    for node in ast.walk(ast.parse(data)):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            doc = ast.get_docstring(node) or ""
            if doc.startswith("What it does:"):
                for paragraph in doc.split("\n\n"):
                    yield node.lineno, None, " ".join(paragraph.split()), ["kind documentation"]
