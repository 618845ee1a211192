"""One function over many inputs, shared between this process and forked workers when there are several and cores to use."""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_shared: Any = None  # what every call shares (the catalog), installed in each worker as it starts


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def map_in_order(work: Callable[[T, Any], R], items: Iterable[T], shared: Any, jobs: int) -> Iterator[R]:
    """`work(item, shared)` for each item, yielded in the items' order.  With `jobs` > 1 and
    two items or more, `jobs - 1` forked workers take the items from the front while this
    process takes them from the back, until they meet: this process is one of the `jobs`
    (its share is never pickled, and it is warm where a new worker is not).  A fork
    inherits `shared` (a loaded catalog) and the imports for free, where a fresh
    interpreter would load them again, and nothing of them is pickled.  Where the system
    cannot fork, the calls run here, one by one.  `work` must be a module-level function."""
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs > 1:  # imported only where workers may start: most runs read one draft
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (work(item, shared) for item in items)
        return
    pool = ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_install, initargs=(shared,))
    try:
        # One item per task: files differ a lot in size.  A task not yet handed to a worker
        # can be cancelled: this process takes the last such one, and so on down the list.
        futures = [pool.submit(_call, work, item) for item in items]
        mine: dict[int, R] = {}
        done, back = 0, len(items) - 1
        while back >= done and futures[back].cancel():
            mine[back] = work(items[back], shared)
            back -= 1
            while done < len(items) and (done in mine or futures[done].done()):  # the finished front
                yield mine.pop(done) if done in mine else futures[done].result()
                done += 1
        for i in range(done, len(items)):
            yield mine.pop(i) if i in mine else futures[i].result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _install(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(work: Callable[[T, Any], R], item: T) -> R:
    return work(item, _shared)
