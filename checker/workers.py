"""The forked workers of `checker.pool.map_in_order`: which items each takes, and how their results come back."""

from __future__ import annotations

import mmap
import os
import pickle
import select
import shutil
import signal
import struct
import tempfile
from typing import Any, Callable, Iterator

_INDEX = struct.Struct("i")


class _Claims:
    """Which items are taken: workers take them from the front, this process from the back.
    The two ends live in memory shared with the forks, under a lock that is a pipe holding
    one token (taken by reading it, given back by writing it)."""

    def __init__(self, count: int):
        self._ends = mmap.mmap(-1, 2 * _INDEX.size)  # (anonymous mappings are shared with forks)
        self._ends[:] = _INDEX.pack(0) + _INDEX.pack(count - 1)
        self._lock_r, self._lock_w = os.pipe()
        os.write(self._lock_w, b".")

    def take(self, front: bool) -> int | None:
        """The next item from the front or the back, or None once the two ends have met."""
        os.read(self._lock_r, 1)
        try:
            lo, hi = _INDEX.unpack_from(self._ends, 0)[0], _INDEX.unpack_from(self._ends, _INDEX.size)[0]
            if lo > hi:
                return None
            if front:
                _INDEX.pack_into(self._ends, 0, lo + 1)
                return lo
            _INDEX.pack_into(self._ends, _INDEX.size, hi - 1)
            return hi
        finally:
            os.write(self._lock_w, b".")

    def close(self) -> None:
        os.close(self._lock_r)
        os.close(self._lock_w)
        self._ends.close()


class Workers:
    """Forked workers and what they send back.  A worker writes each result, pickled, to a
    file of its own in a private folder (in memory where /dev/shm is) and then its item's
    index to a pipe.  Results went through a pipe before: a pipe holds 64 KiB, and a
    corpus-sized draft's result (0,9 MB) went through in some fourteen turns, each waiting
    for this process, busy with its own share, to hand over the interpreter's lock (5 ms a
    turn): the workers stood idle about a quarter of the time."""

    def __init__(self, work: Callable, items: list, shared: Any, count: int):
        self.work, self.items, self.shared = work, items, shared
        shm = "/dev/shm"
        self.folder = tempfile.mkdtemp(prefix="checker-pool-",
                                       dir=shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None)
        self.claims = _Claims(len(items))
        self.done_r, done_w = os.pipe()
        self.pids: list[int] = []
        try:
            for _ in range(count):
                pid = os.fork()
                if pid == 0:  # the worker: it never returns into the caller's code
                    code = 1
                    try:
                        os.close(self.done_r)
                        signal.signal(signal.SIGINT, signal.SIG_DFL)
                        self._serve(done_w)
                        code = 0
                    except BaseException:  # (the caller then reports the worker stopped: say why here)
                        import traceback

                        traceback.print_exc()
                    finally:
                        os._exit(code)
                self.pids.append(pid)
        finally:
            os.close(done_w)  # (then a read sees the end once every worker has gone)
        os.set_blocking(self.done_r, False)
        self.ready: set[int] = set()

    def _serve(self, done_w: int) -> None:
        """Take items from the front until none is left; each result (or the error it
        raised) to its file, then its index to the pipe."""
        while (i := self.claims.take(front=True)) is not None:
            try:
                result = (True, self.work(self.items[i], self.shared))
            except Exception as exc:  # raised in the caller, as a serial run would
                result = (False, exc)
            path = os.path.join(self.folder, str(i))
            with open(path, "wb") as out:
                try:
                    pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception as exc:  # (an error that cannot be pickled: its words)
                    out.seek(0)
                    out.truncate()
                    pickle.dump((False, RuntimeError(f"{type(exc).__name__}: {exc}")), out)
            os.write(done_w, _INDEX.pack(i))

    def results(self) -> Iterator:
        """The results in the items' order; this process works on items from the back
        while the front ones it is waiting for are not done."""
        mine: dict[int, Any] = {}
        n = len(self.items)
        out = 0
        while out < n:
            self._collect(wait=False)
            while out < n and (out in mine or out in self.ready):
                yield mine.pop(out) if out in mine else self._load(out)
                out += 1
            if out < n:
                i = self.claims.take(front=False)
                if i is not None:
                    mine[i] = self.work(self.items[i], self.shared)
                elif out not in self.ready:
                    self._collect(wait=True)

    def _collect(self, wait: bool) -> None:
        """The indices the workers have finished since the last look (waiting for one)."""
        if wait:
            select.select([self.done_r], [], [])
        try:
            data = os.read(self.done_r, 4096)
        except BlockingIOError:
            return
        if not data and wait:
            raise RuntimeError("a worker process stopped before it finished its items")
        self.ready.update(i for (i,) in _INDEX.iter_unpack(data))

    def _load(self, i: int) -> Any:
        path = os.path.join(self.folder, str(i))
        with open(path, "rb") as f:
            ok, value = pickle.load(f)
        os.unlink(path)
        if not ok:
            raise value
        return value

    def close(self, finished: bool) -> None:
        """The workers reaped (once every item is done they have nothing left to take; if
        this process stopped early, they are stopped first), the folder removed."""
        for pid in self.pids:
            try:
                if not finished and os.waitpid(pid, os.WNOHANG) == (0, 0):
                    os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        os.close(self.done_r)
        self.claims.close()
        shutil.rmtree(self.folder, ignore_errors=True)
