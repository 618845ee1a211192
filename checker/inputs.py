"""The files a command line names: folders walked, quoted globs expanded, exclusions applied,
and a draft read from standard input."""

from __future__ import annotations

import glob
import os
import tempfile
import unicodedata
from pathlib import Path, PurePath

from checker.i18n import _
from checker.records import InputError

SUPPORTED = (".txt", ".md", ".docx", ".pdf", ".csv", ".xlsx")
STDIN = "-"
# What standard input can carry: text is decoded here; a Word, PDF or data file needs its name.
STDIN_BINARY = (".docx", ".pdf", ".csv", ".xlsx")


def expand(paths: list[str], exclude: list[str] = ()) -> list[str]:
    """Every file to check, sorted and each once: a folder gives every supported file below
    it, a glob (quoted, so the shell left it) every file it matches; `exclude` globs leave
    out files found that way, not a file named one by one."""
    found: list[str] = []
    for given in paths:
        if given == STDIN:
            found.append(given)
        elif os.path.isdir(given):  # False, not OSError, for a name too long for the system
            files = _walk(Path(given), exclude)
            if not files:
                raise InputError(_("{file}: no draft or data file in this folder ({kinds})").format(
                    file=given, kinds=" ".join(SUPPORTED)))
            found.extend(files)
        elif glob.has_magic(given) and not os.path.exists(given):
            found.extend(_glob(given, exclude))
        else:
            found.append(given)
    return sorted(dict.fromkeys(found))


def _walk(folder: Path, exclude) -> list[str]:
    """The supported files below `folder`; hidden folders (.git, .venv) and Word's lock
    files (`~$draft.docx`) are not drafts."""
    files = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(Path(top, d), exclude))
        for name in names:
            path = Path(top, name)
            if path.suffix.lower() in SUPPORTED and not name.startswith(("~$", ".")) and not excluded(path, exclude):
                files.append(str(path))
    return sorted(files)


def _glob(pattern: str, exclude) -> list[str]:
    files = []
    for match in sorted(glob.glob(pattern, recursive=True)):
        if Path(match).is_dir():
            files.extend(_walk(Path(match), exclude))
        elif Path(match).suffix.lower() in SUPPORTED and not excluded(Path(match), exclude):
            files.append(match)
    if not files:
        raise InputError(_("{file}: matches no draft or data file").format(file=pattern))
    return files


def excluded(path: Path, patterns) -> bool:
    """A glob matches the path from its end, or one of the folders it lies in: `archive`
    leaves out everything under any folder named so, `*-old.md` those files anywhere."""
    parts = PurePath(path).parts
    return any(PurePath(*parts[:n]).match(p) for p in patterns for n in range(1, len(parts) + 1))


def read_stdin(stream, name: str) -> str:
    """A draft given on standard input, decoded as a file of that name would be."""
    from checker.ingest import read_text

    if name.lower().endswith(STDIN_BINARY):
        raise InputError(_("{file}: standard input is read as a text or Markdown draft; give a {suffix} file by its "
                           "path instead").format(file=name, suffix=Path(name).suffix))
    from checker import limits

    raw = stream.read(limits.active().draft_bytes + 1)  # `< /dev/zero` stops here; read_text refuses it
    with tempfile.TemporaryDirectory(prefix="checker-stdin-") as folder:
        path = Path(folder) / (Path(name).name if name != STDIN else "stdin.txt")
        path.write_bytes(raw)
        try:
            text = read_text(path)
        except InputError as exc:  # the message names the draft as the user did
            raise InputError(str(exc).replace(str(path), name)) from None
    return unicodedata.normalize("NFC", text)
