"""Work over pages on every core: a process pool when there is enough work, plain map otherwise.

Results come back in input order, so a parallel run writes exactly what a single-process run does.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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


@contextmanager
def in_background(func: Callable[..., R], *args, jobs: int | None = None) -> Iterator[Callable[[], R]]:
    """Start `func(*args)` in a forked process when a second core may be used, else run it here and
    now; within the `with`, the function it gives waits for the result and returns it (or raises
    what `func` raised). Leaving the `with` without having waited stops the process.

    The process sees this one's objects as they are at the fork; what it changes stays there, so
    `func` must save what it changes (a cache) itself and only its result comes back (pickled)."""
    if (jobs or default_jobs()) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        result = func(*args)
        yield lambda: result
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(sending, func, args))
    process.start()
    sending.close()

    waited = False

    def wait() -> R:
        nonlocal waited
        waited = True
        try:
            ok, value = receiving.recv()
        except EOFError:  # killed, or exited without a word
            ok, value = False, RuntimeError(f"{func.__name__} stopped without a result")
        if not ok:
            raise value
        return value

    try:
        yield wait
    finally:
        # The caller failed before waiting: the process would wait forever to send its result, and
        # hold this one's output open after it exits.
        if not waited:
            process.terminate()
        receiving.close()
        process.join()


def _send_result(sending, func: Callable, args: tuple) -> None:
    try:
        outcome = (True, func(*args))
    except BaseException as exc:  # noqa: BLE001 - raised again in the parent
        exc.add_note(f"in {func.__name__}, in a background process:\n{traceback.format_exc()}")
        outcome = (False, exc)
    try:
        sending.send(outcome)
    except Exception as exc:  # noqa: BLE001 - a result or an error that does not pickle
        what = "its result" if outcome[0] else f"the error it raised, {outcome[1]!r},"
        sending.send((False, RuntimeError(f"{func.__name__}: {what} cannot be sent back ({exc})")))
    sending.close()
