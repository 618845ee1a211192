"""Update the message catalogs from the code and the rule files: extract every msgid
(babel.cfg), and the texts argparse words through gettext, into checker/locale/checker.pot, merge it into each language's .po, and in the
English catalog give each new msgid itself as its text (English is the source language).
A Vietnamese msgid left without text fails tests/test_i18n.py until a translator fills it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "checker" / "locale"
POT = LOCALE / "checker.pot"


def main() -> int:
    pybabel = [sys.executable, "-m", "babel.messages.frontend"]
    subprocess.run([*pybabel, "extract", "-F", "babel.cfg", "--no-location", "--sort-output", "--omit-header",
                    "--no-wrap", "-o", str(POT), "."], cwd=ROOT, check=True)
    _add_argparse_texts(POT)
    for lang in ("vi", "en"):
        po = LOCALE / lang / "LC_MESSAGES" / "checker.po"
        action = "update" if po.exists() else "init"
        subprocess.run([*pybabel, action, "-D", "checker", "-i", str(POT), "-d", str(LOCALE), "-l", lang,
                        "--no-wrap", *(["--no-fuzzy-matching", "--ignore-obsolete"] if action == "update" else [])],
                       cwd=ROOT, check=True)
    _english_is_its_own_text(LOCALE / "en" / "LC_MESSAGES" / "checker.po")
    sys.path.insert(0, str(ROOT))
    from checker.i18n import compile_po, mo_path

    for lang in ("vi", "en"):  # what the checker reads at run time
        mo_path(lang).write_bytes(compile_po(lang))
    return 0


def argparse_msgids() -> list:
    """The texts the running Python's argparse words through gettext (usage, headings,
    errors): checker/cli_args.py routes them to our catalogs."""
    import argparse

    from babel.messages.extract import extract_from_file

    return [message for _, message, _, _ in extract_from_file("python", argparse.__file__)]


def _add_argparse_texts(pot: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with pot.open("rb") as fh:
        catalog = read_po(fh)
    for message in argparse_msgids():
        if catalog.get(message if isinstance(message, str) else message[0]) is None:
            catalog.add(message, auto_comments=["argparse"])
    with pot.open("wb") as fh:
        write_po(fh, catalog, width=0, omit_header=True, sort_output=True, no_location=True)


def _english_is_its_own_text(path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    with path.open("rb") as fh:
        catalog = read_po(fh, locale="en")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
    with path.open("wb") as fh:
        write_po(fh, catalog, width=0, omit_header=False, sort_output=True, no_location=True)


if __name__ == "__main__":
    raise SystemExit(main())
