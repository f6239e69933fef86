"""One build at a time per cache folder."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path


class CacheBusy(RuntimeError):
    """Another build holds the cache folder."""


@contextmanager
def cache_lock(folder: Path | None):
    """The cache folder for this build alone: two builds appending to the same journals would leave
    lines that are neither one's. A second build stops with CacheBusy instead of waiting."""
    if folder is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: no lock
        yield
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    with open(Path(folder) / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise CacheBusy(f"another build is using the cache folder {folder}; wait for it to end, "
                            "or give this one another --cache") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
