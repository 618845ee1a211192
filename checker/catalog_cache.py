"""The loaded catalogs and rules, kept on disk between runs, keyed by the files' content.

Reading and checking the YAML catalogs and rule files, and building their phrase tries, is
most of a run's fixed cost; the result depends only on those files (and on this code), so a
run pickles it once into the user's cache folder and the next runs read it back.  The cache
is only ever a shortcut: a folder that cannot be written, an entry that is corrupt, stale or
from other code is passed over without a word, and the files are loaded as before.  Nothing
is written beside the user's files.  `CHECKER_CACHE_DIR` names another folder; `off` turns
the cache off.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from types import MappingProxyType

FORMAT = 1  # raised when what an entry holds changes shape
KEEP = 8  # entries kept in the folder (one per catalog and rule-file state seen lately)
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where entries live: $CHECKER_CACHE_DIR, else the platform's user cache folder."""
    env = os.environ.get("CHECKER_CACHE_DIR")
    if env == "off":
        return None
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("checker", appauthor=False))


def _code_stamp() -> list:
    """The package's sources as (path, mtime, size): an entry made by other code is stale."""
    stamp = []
    for folder in sorted({PACKAGE, *(p for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())}):
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                st = entry.stat()
                stamp.append((entry.path, st.st_mtime_ns, st.st_size))
    return stamp


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def entry_key(files: list[Path], extra: object) -> str:
    """The key of what `files` (by path and content) and `extra` load to, with this code."""
    h = hashlib.sha256(repr((FORMAT, sys.version, _code_stamp(), extra)).encode())
    for path in files:
        h.update(repr((str(path), _digest(path))).encode())
    return h.hexdigest()


def _mapping_proxy(items: dict) -> MappingProxyType:
    return MappingProxyType(items)


class _Pickler(pickle.Pickler):
    # Read-only mappings pickle as their items (the type itself has no importable name).
    dispatch_table = {**copyreg.dispatch_table, MappingProxyType: lambda m: (_mapping_proxy, (dict(m),))}


def read(key: str):
    """The value stored under `key`, or None (no entry, a corrupt one, or its other
    inputs changed since)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = (folder / f"catalog-{key}.pickle").read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many small objects, none of them garbage
    try:
        stored_key, others, value = pickle.loads(data)
    except Exception:  # a truncated or foreign file: load from the sources instead
        return None
    finally:
        if enabled:
            gc.enable()
    if stored_key != key or any(_digest(Path(p)) != d for p, d in others):
        return None
    return value


def write(key: str, value, others: list[Path] = ()) -> None:
    """Store `value` under `key`, with the content of `others` (files read along the way,
    such as included rule files) checked again when it is read.  Silent on any failure."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(
            (key, [(str(p), _digest(p)) for p in others], value))
        import tempfile  # (only to write: a run that finds its entry does without it)

        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".catalog-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(buffer.getvalue())
            os.replace(tmp, folder / f"catalog-{key}.pickle")
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder)
    except Exception:  # read-only or full disk, an unpicklable value: the next run loads again
        return


def _prune(folder: Path) -> None:
    """Keep the newest entries only."""
    entries = sorted(folder.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
