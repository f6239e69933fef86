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


_state = None  # this process's `setup(*setup_args)` (parallel_map): what every call needs


def worker_state():
    """What parallel_map's `setup` made for the calls in this process."""
    return _state


def _set_up(setup: Callable | None, setup_args: tuple) -> None:
    global _state
    _state = setup(*setup_args) if setup else None


def parallel_map(func: Callable[[T], R], items: Iterable[T], *, jobs: int | None = None,
                 setup: Callable | None = None, setup_args: tuple = ()) -> Iterator[R]:
    """`func(item) for item in items`, in order, spread over `jobs` processes when that pays off.

    A generator: results arrive as they are done, so the caller can show progress.
    `setup(*setup_args)` runs once per worker (once here when no pool is used) and `func` finds what
    it made with worker_state(): a term matcher, say, without sending it with each item. With fork,
    `setup_args` reach the workers without being pickled. Run here, the state is let go at the end.
    """
    items = list(items)
    jobs = min(jobs or default_jobs(), max(1, len(items) // MIN_ITEMS_PER_WORKER))
    if jobs <= 1:
        _set_up(setup, setup_args)
        try:
            yield from map(func, items)
        finally:
            _set_up(None, ())
        return
    # fork: workers inherit loaded modules and dictionaries instead of importing them again.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_set_up, initargs=(setup, setup_args)) as pool:
        yield from pool.map(func, items, chunksize=max(1, min(16, len(items) // (jobs * 8))))
