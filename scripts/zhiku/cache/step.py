"""A cached step: one pure function over many items, each result stored under a key that its
inputs and the step's code decide, and computed on every core for the items not found.

Declared once, next to the function it caches:

    LINK = Step("links", link_result, head=("counts", "unlinked"), prepare=with_body)

and run by the pipeline: `LINK.run(cache, articles, keys, context=matcher)`. The step's version
comes from its code (version.py); its journal's header and the keys it makes for its entry files
hold it (`Step.key`), so the results of other code are never found, and the keys of later steps,
made from this one's, change with it.

What a result is kept as:
- `head=True`: the whole result in the step's journal (a file read whole, once a build);
- `head=("a", "b")`: those fields in the journal, the whole result in an entry file of its own,
  read only when asked for (`Step.load`): an extraction's metadata at hand, its body on disk.

A step is the only code that reads and writes its results. Its function gets the item (made whole
first by `prepare`, in the worker, when the item must be read from elsewhere, such as an article's
body from the extraction's entry) and the run's `context`, and returns plain data.
"""
from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..parallel import parallel_map, worker_state
from .store import EntryFiles, Journal, dumps
from .version import Versioned

STEPS: list[Step] = []  # every step declared: tests check each one's version against its code


class CacheDamaged(RuntimeError):
    """A result that a journal names is gone (files deleted by hand): build again without the journals."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what}; delete the cache folder or build once with --no-cache")
        self.what = what

    def __reduce__(self):  # from a worker process: made again from what, not from the message
        return type(self), (self.what,)


@dataclass(eq=False)
class Step(Versioned):
    name: str  # of its journal and entry folder
    compute: Callable[[Any, Any], Any]  # (item, context) → a JSON value
    head: bool | tuple[str, ...] = True
    prepare: Callable[[Any, Cache], Any] | None = None  # (item, cache) → the item, whole
    valid: Callable[[Any, Any], bool] | None = None  # (stored head, item) → whether it still holds
    encode: Callable[[Any], bytes] = dumps  # a result as the journal keeps it: UTF-8 JSON on one line
    # Of a result computed now, the fields that come back to the caller (its head among them; the
    # whole result is in its entry file): what the caller has already need not be sent back. None,
    # or a cache with no folder (no entry file to read the rest from): all.
    returns: tuple[str, ...] | None = None
    # Of the last run, in this process: results found, and the indexes of the items computed.
    hits: int = field(default=0, init=False)
    computed: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        STEPS.append(self)

    def modules(self) -> list[str]:
        """The modules whose code makes a result: the function's, and those of `prepare`, `valid`, `encode`."""
        return sorted({f.__module__ for f in (self.compute, self.prepare, self.valid, self.encode) if f is not None})

    def key(self, *parts: str) -> str:
        """The key of a result: the step (its name and version) and the parts its input is named by.

        A step whose results are all in its journal, whose header names its version, keys them by
        their parts as they are, when short (a build makes tens of thousands of keys): such a key
        names no file, and later steps make theirs from other steps' keys."""
        if self.head is True:
            joined = "\0".join(parts)
            if len(joined) <= 160:
                return joined
        return hashlib.sha256("\0".join((self.name, self.version, *parts)).encode("utf-8")).hexdigest()

    def run(self, cache: Cache, items: Sequence, keys: Sequence[str], *, context=None, jobs: int | None = None,
            progress: Callable[[int, int], None] | None = None, before: Callable[[], object] | None = None,
            raw: bool = False) -> list:
        """Each item's result, in order: its head when it was stored, else the whole result, computed
        now (on every core when there are many). `progress(done, total)` follows the computing;
        `before()` runs once before any is computed (to make what the workers share). `raw`: each
        result's head as the journal keeps it (`encode`), not decoded."""
        journal = cache.journal(self)
        results: list = [None] * len(items)
        todo: list[int] = []
        for i, key in enumerate(keys):
            found = journal.get_json(key) if raw else journal.get(key)
            if found is None and self.head is not True:  # the journal lost it; the entry may be there
                found = cache.entries(self).get(key)
                if found is not None:
                    found = self._head_of(found)
                    encoded = self.encode(found)
                    journal.put_json(key, encoded)
                    if raw:
                        found = encoded
            if found is not None and (self.valid is None or self.valid(found, items[i])):
                results[i] = found
            else:
                todo.append(i)
        self.hits, self.computed = len(items) - len(todo), todo
        if progress:
            progress(len(items) - len(todo), len(items))
        if todo:
            if before is not None:
                before()
            computed = parallel_map(_compute_at, todo, jobs=jobs, setup=_Worker,
                                    setup_args=(self, cache, items, keys, context))
            for done, (i, result) in enumerate(zip(todo, computed), start=1):
                encoded = self.encode(self._head_of(result))
                journal.put_json(keys[i], encoded)
                results[i] = encoded if raw else result
                if progress:
                    progress(len(items) - len(todo) + done, len(items))
        return results

    def load(self, cache: Cache, key: str):
        """The whole result stored under `key`, for one whose head was used: CacheDamaged if it is gone."""
        found = cache.journal(self).get(key) if self.head is True else cache.entries(self).get(key)
        if found is None:
            raise CacheDamaged(f"the cache of {self.name} has no result {key}")
        return found

    def _head_of(self, result):
        if self.head is True:
            return result
        return {name: result[name] for name in self.head if name in result}


class _Worker:
    """What computing a step's results needs in a worker process: with fork, the items and the
    context come with the process, and only an index is sent for each."""

    def __init__(self, step: Step, cache: Cache, items: Sequence, keys: Sequence[str], context) -> None:
        self.step, self.cache, self.items, self.keys, self.context = step, cache, items, keys, context

    def compute(self, index: int):
        step = self.step
        item = self.items[index]
        if step.prepare is not None:
            item = step.prepare(item, self.cache)
        result = step.compute(item, self.context)
        if step.head is not True:
            # The worker that made a result stores it: sending it to be stored costs as much again.
            self.cache.entries(step).put(self.keys[index], result)
            if step.returns is not None and self.cache.folder is not None:
                return {name: result[name] for name in step.returns if name in result}
        return result


def _compute_at(index: int):
    return worker_state().compute(index)


class Cache:
    """The cache folder of a build: each step's journal (`<name>.jsonl`) and entry files
    (`<name>/<version>/`). Without a folder it keeps nothing and every step computes everything."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self._journals: dict[str, Journal] = {}

    def __reduce__(self):  # to a spawned worker: the folder, not the journals
        return type(self), (self.folder,)

    def journal(self, owner) -> Journal:
        """The journal of a step, a site sum, or a record of outputs (anything with a name and a version)."""
        journal = self._journals.get(owner.name)
        if journal is None:
            path = self.folder / f"{owner.name}.jsonl" if self.folder is not None else None
            journal = self._journals[owner.name] = Journal(path, owner.version)
        return journal

    def entries(self, step: Step) -> EntryFiles:
        return EntryFiles(self.folder / step.name / step.version if self.folder is not None else None)

    def forget_touched(self) -> None:
        """In a forked process: the journals it inherited are the parent's to save; only those this
        process uses from now on are saved here."""
        self._journals = {}

    def save(self) -> None:
        """Save the journals used; remove the entries of other versions of the steps used."""
        for journal in self._journals.values():
            journal.save()
        if self.folder is None:
            return
        for step in STEPS:
            if step.name in self._journals and step.head is not True:
                folder = self.folder / step.name
                for other in (p for p in folder.iterdir() if p.is_dir() and p.name != step.version) if folder.is_dir() else ():
                    shutil.rmtree(other, ignore_errors=True)

    def forget_journals(self) -> None:
        """Remove every journal: each result is then looked for in its entry file, or made again."""
        self._journals = {}
        if self.folder is not None:
            for path in self.folder.glob("*.jsonl"):
                path.unlink()
