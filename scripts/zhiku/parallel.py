"""Work over pages on every core: a process pool when there is enough work, plain map otherwise.

Results come back in input order, so a parallel run writes exactly what a single-process run does.
"""
from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MIN_ITEMS_PER_WORKER = 32  # below this, starting workers costs more than it saves


def peak_memory_mb() -> float:
    """The peak resident memory of this process or of any of its children (workers) so far. This
    process's own from /proc where it can be read: ru_maxrss of a process started by fork and exec
    (spawn) keeps the maximum of the process it was forked from."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return max(own, children)


def runs_beside(jobs: int | None = None, fresh: bool = False) -> bool:
    """Whether in_background starts a process: a second core may be used and the start method exists."""
    return (jobs or default_jobs()) >= 2 and ("spawn" if fresh else "fork") in multiprocessing.get_all_start_methods()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


_state = None  # this process's `setup(*setup_args)` (parallel_map): what every call needs


def worker_state():
    """What parallel_map's `setup` made for the calls in this process."""
    return _state


def release_freed_memory() -> None:
    """Give the memory this process has freed back to the system, where the C library can (glibc's
    malloc_trim): freed blocks amid the heap stay resident otherwise, and a forked process shares
    them, so they count in every process's memory. A no-op where there is no such call."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (AttributeError, OSError, TypeError):  # no such call; no C library to open by None (Windows)
        pass


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
    release_freed_memory()
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_set_up, initargs=(setup, setup_args)) as pool:
        yield from pool.map(func, items, chunksize=max(1, min(16, len(items) // (jobs * 8))))


@contextmanager
def in_background(func: Callable[..., R], *args, jobs: int | None = None,
                  fresh: bool = False) -> Iterator[Callable[[], R]]:
    """Start `func(*args)` in a forked process when a second core may be used, else run it here and
    now; within the `with`, the function it gives waits for the result and returns it (or raises
    what `func` raised). Leaving the `with` without having waited stops the process.

    The process sees this one's objects as they are at the fork; what it changes stays there, so
    `func` must save what it changes (a cache) itself and only its result comes back (pickled).
    `fresh`: a new interpreter instead (spawn; `func` importable, `args` pickled), which holds
    none of this process's memory: for work beside a process whose heap is large."""
    if not runs_beside(jobs, fresh):
        result = func(*args)
        yield lambda: result
        return
    context = multiprocessing.get_context("spawn" if fresh else "fork")
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


@contextmanager
def in_lockstep(func: Callable[..., Iterator], calls: list[tuple], *, jobs: int | None = None):
    """`func(*args)` for each args of `calls`, generators run side by side: each in a forked process
    when there are cores for them, else here, one after the other. Within the `with`, the function
    it gives, `advance(value)`, sends `value` to every generator (nothing, the first time) and
    returns what each yields next, in order: a writer's processes work out their parts, return
    what the parent needs to decide, and go on from there with what it decided.

    The processes see this one's objects as they are at the fork, and only what they yield comes
    back (pickled)."""
    if len(calls) < 2 or (jobs or default_jobs()) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        generators = [func(*args) for args in calls]
        started = False

        def advance_here(value=None) -> list:
            nonlocal started
            if not started:
                started = True
                return [next(g) for g in generators]
            return [g.send(value) for g in generators]

        try:
            yield advance_here
        finally:
            for g in generators:
                g.close()
        return
    context = multiprocessing.get_context("fork")
    ends, processes = [], []
    # The objects there are now are the parent's: a collection in a process would walk them all,
    # and copy every page of memory it touched (copy on write).
    gc.freeze()
    release_freed_memory()
    try:
        for args in calls:
            here, there = context.Pipe()
            # The process closes its copies of this process's ends, or it would never see them closed.
            process = context.Process(target=_run_in_lockstep, args=(there, [*ends, here], func, args))
            process.start()
            there.close()
            ends.append(here)
            processes.append(process)
        gc.unfreeze()
        started = False

        def advance(value=None) -> list:
            nonlocal started
            if started:
                for end in ends:
                    end.send(value)
            started = True
            answers = []
            for end, process in zip(ends, processes):
                try:
                    ok, answer = end.recv()
                except EOFError:
                    ok, answer = False, RuntimeError(f"{func.__name__} stopped without a result")
                if not ok:
                    raise answer
                answers.append(answer)
            return answers

        yield advance
    finally:
        gc.unfreeze()
        for end in ends:
            end.close()  # a process waiting for its next value sees the end and stops
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join()


def _run_in_lockstep(end, parents: list, func: Callable, args: tuple) -> None:
    for other in parents:
        other.close()
    try:
        generator = func(*args)
        value = next(generator)
        while True:
            end.send((True, value))
            try:
                received = end.recv()
            except EOFError:
                break
            value = generator.send(received)
    except StopIteration:
        pass
    except BaseException as exc:  # noqa: BLE001 - raised again in the parent
        exc.add_note(f"in {func.__name__}, in a forked process:\n{traceback.format_exc()}")
        try:
            end.send((False, exc))
        except Exception:  # noqa: BLE001 - an error that does not pickle
            end.send((False, RuntimeError(f"{func.__name__}: {exc!r}")))
    end.close()
