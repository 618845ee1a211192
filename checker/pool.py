"""One function over many inputs, in worker processes when there are several and cores to use."""

from __future__ import annotations

import functools
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
    two items or more the calls run in that many forked processes: a fork inherits
    `shared` (a loaded catalog) and the imports for free, where a fresh interpreter would
    load them again, and nothing of them is pickled.  Where the system cannot fork, the
    calls run here, one by one.  `work` must be a module-level function."""
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs > 1:  # imported only where workers may start: most runs read one draft
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (work(item, shared) for item in items)
        return
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                             initializer=_install, initargs=(shared,)) as pool:
        # One item per task: files differ a lot in size; the results come back in the
        # items' order whatever order the workers finish in.
        yield from pool.map(functools.partial(_call, work), items)


def _install(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(work: Callable[[T, Any], R], item: T) -> R:
    return work(item, _shared)
