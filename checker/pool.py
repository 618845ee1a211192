"""One function over many inputs, shared between this process and forked workers when there are several and cores to use."""

from __future__ import annotations

import os
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


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
    inherits `shared` (a loaded catalog, or the rules and their facts) and the imports for
    free, and nothing of them is pickled.  Where the system cannot fork, the calls run
    here, one by one."""
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs <= 1 or not hasattr(os, "fork"):
        yield from (work(item, shared) for item in items)
        return
    from checker.workers import Workers  # (what forking needs is imported only to fork)

    workers = Workers(work, items, shared, jobs - 1)
    finished = False
    try:
        yield from workers.results()
        finished = True
    finally:
        workers.close(finished)
