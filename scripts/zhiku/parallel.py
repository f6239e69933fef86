"""Work over pages on every core: a process pool when there is enough work, plain map otherwise.

Results come back in input order, so a parallel run writes exactly what a single-process run does.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_PER_WORKER = 32  # below this, starting workers costs more than it saves


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def parallel_map(func: Callable[[T], R], items: Iterable[T], *, jobs: int | None = None,
                 initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[R]:
    """`func(item) for item in items`, in order, spread over `jobs` processes when that pays off.

    A generator: results arrive as they are done, so the caller can show progress.
    `initializer(*initargs)` runs once per worker (and once here when no pool is used): it sets up
    what every call needs, such as a term matcher, without sending it with each item.
    """
    items = list(items)
    jobs = min(jobs or default_jobs(), max(1, len(items) // MIN_ITEMS_PER_WORKER))
    if jobs <= 1:
        if initializer:
            initializer(*initargs)
        yield from map(func, items)
        return
    # fork: workers inherit loaded modules and dictionaries instead of importing them again.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        yield from pool.map(func, items, chunksize=max(1, min(16, len(items) // (jobs * 8))))
