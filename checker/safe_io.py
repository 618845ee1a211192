"""Where a command writes (`-o`, `--annotate`, `baseline write`): never onto an input, never
through a link out of the folder asked for, never half a file, and checked before the
analysis starts so that a bad place costs nothing."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from checker.i18n import N_, _, os_reason
from checker.records import InputError


def _stat(path: Path, follow: bool = True) -> os.stat_result | None:
    try:
        return path.stat() if follow else path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:  # a name too long, a loop of links, a folder we may not enter
        raise InputError(_("{file}: {reason}").format(file=path, reason=os_reason(exc))) from None


# What a command writes, as the errors name it.
WHAT = {"output": N_("the report"), "annotated copy": N_("the annotated copy"), "baseline": N_("the baseline")}


def output_target(output: str, inputs: Iterable[str], *, replace: bool = True, what: str = "output") -> Path:
    """The file to write `output` to, checked before any work: refused when it is (after
    following links) one of the inputs, when it is a link that leads out of its folder or
    nowhere, when it exists and `replace` is false, or when its folder is missing or
    read-only.  A link inside its folder is written through."""
    asked = Path(output)
    target = asked
    link = _stat(asked, follow=False)
    if link is not None and stat.S_ISLNK(link.st_mode):
        target = Path(os.path.realpath(asked))
        if _stat(target) is None:
            raise InputError(_("{file}: a symbolic link to {target}, which does not exist; refusing to write "
                               "through it").format(file=output, target=target))
        if target.parent != Path(os.path.realpath(asked.parent)):
            raise InputError(_("{file}: a symbolic link out of its folder (to {target}); refusing to write "
                               "through it").format(file=output, target=target))
    existing = _stat(target)
    if existing is not None:
        for p in inputs:
            if p == "-":
                continue
            other = _stat(Path(p))
            if other is not None and (other.st_dev, other.st_ino) == (existing.st_dev, existing.st_ino):
                raise InputError(_("{file}: refusing to overwrite the input {input}").format(file=output, input=p))
        if stat.S_ISDIR(existing.st_mode):
            raise InputError(_("{file}: is a folder; name a file for {what}").format(file=output, what=_(WHAT[what])))
        if not stat.S_ISREG(existing.st_mode):
            raise InputError(_("{file}: not a regular file; name a file for {what}").format(file=output, what=_(WHAT[what])))
        if not replace:
            raise InputError(_("{file}: already exists; name a new file").format(file=output))
    folder = target.parent
    found = _stat(folder)
    if found is None:
        raise InputError(_("{file}: folder {folder} does not exist").format(file=output, folder=folder))
    if not stat.S_ISDIR(found.st_mode):
        raise InputError(_("{file}: {folder} is not a folder").format(file=output, folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(_("{file}: folder {folder} is not writable").format(file=output, folder=folder))
    return target


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A fresh temporary name in `target`'s folder to write to; renamed onto `target` when
    the block ends without error, removed otherwise (a reader never sees half a file)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(name)  # writers that refuse an existing file (python-docx does not) get a new name
    tmp = Path(name)
    try:
        yield tmp
        _set_mode(tmp, target)
        os.replace(tmp, target)
    except OSError as exc:
        raise InputError(_("{file}: cannot write: {reason}").format(file=target, reason=os_reason(exc))) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _set_mode(tmp: Path, target: Path) -> None:
    """The permissions the file would have had if written in place (mkstemp makes it 0600)."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def write_output(target: Path, text: str) -> None:
    """Write `text` (UTF-8) to `target` through a temporary file in the same folder."""
    with replacing(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
