"""Site-wide sums kept between builds: a build after a one-page change adds the parts of the items
new since the last build and takes away those of the items gone, instead of adding up every item
again (and reading what each one holds).

A sum adds, per name, vectors of counts ({name: [n1, n2, …]}) over the results of a cached step, an
item's part worked out from its result alone: the same key, the same result, the same part. The
last build's sum and the keys it added up are kept in the sum's journal; the results of the items
gone are read again from the step's own store. When one is missing, an item has no key (an article
made in code), or most items are new, everything is added up again, as the first build does.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .step import Cache, Step
from .version import Versioned

Part = dict[str, list[int]]
SUMS: list["SiteSum"] = []  # every sum declared: tests check each one's version against its code


@dataclass(eq=False)
class SiteSum(Versioned):
    name: str
    step: Step  # the items' results come from this step
    part: Callable[[object], Part]  # an item's part, from its result
    # Result fields the part reads that the step keeps out of its head: such results are read whole
    # from the step's entries when the run did not compute them.
    body: bool = False
    whole: Callable[[list], Part] | None = None  # every part added up at once, when that is less work
    added_up: int = field(default=0, init=False)  # items whose parts the last total worked out

    def __post_init__(self) -> None:
        SUMS.append(self)

    def modules(self) -> list[str]:
        return sorted({f.__module__ for f in (self.part, self.whole) if f is not None})

    def version_data(self, root: Path) -> tuple[str, ...]:
        return (self.step.version_for(root),)  # the results it adds up are the step's

    def total(self, cache: Cache, keys: Sequence[str], results: Sequence | Callable[[list[int]], list]) -> Part:
        """Σ part(result) over the items, sorted by name; names whose counts are all 0 left out.
        `results`: the step's results for the items, in the order of `keys` (heads, or whole); or a
        function that gives those of the items at some indexes, when only the sum needs them (then
        a build after a small change works out the results of the items that came, and no others)."""
        journal = cache.journal(self)
        counts = Counter(keys)
        kept = cache.folder is not None and "" not in counts
        state = journal.get("state") if kept else None
        results_of = results if callable(results) else (lambda indexes: [results[i] for i in indexes])
        total = self._since(cache, state, counts, keys, results_of) if state else None
        if total is None:
            values = [self._value(cache, key, result) for key, result in zip(keys, results_of(range(len(keys))))]
            total = self.whole(values) if self.whole else _add({}, map(self.part, values), 1)
            self.added_up = len(values)
        total = {n: c for n, c in sorted(total.items()) if any(c)}
        if kept:
            journal.put("state", {"keys": dict(sorted(counts.items())), "total": total})
        return total

    def _value(self, cache: Cache, key: str, result):
        if result is not None and (not self.body or not _is_head(self.step, result)):
            return result
        return self.step.load(cache, key)

    def _since(self, cache: Cache, state: dict, counts: Counter, keys: Sequence[str],
               results_of: Callable[[list[int]], list]) -> Part | None:
        """The last build's total, less the items gone, plus the new; None when a gone item's result is
        not found, or that is not less work: when most items are new (half of them, for a sum with a
        `whole` that adds them all at once)."""
        then = Counter(state["keys"])
        gone_keys, new_keys = then - counts, counts - then
        if sum(gone_keys.values()) + sum(new_keys.values()) >= max(1, len(keys) // 2 if self.whole else len(keys)):
            return None
        journal = cache.journal(self.step)
        gone = []
        for key, count in gone_keys.items():
            value = journal.peek(key) if not self.body else None
            if value is None:
                value = cache.entries(self.step).get(key) if self.step.head is not True else None
            if value is None:
                return None
            gone += [value] * count
        new_at = []
        for i, key in enumerate(keys):
            if new_keys[key] > 0:  # copies of a key beyond the last build's: two items of the same content
                new_keys[key] -= 1
                new_at.append(i)
        new = [self._value(cache, keys[i], result) for i, result in zip(new_at, results_of(new_at))]
        self.added_up = len(new) + len(gone)
        total = {n: list(c) for n, c in state["total"].items()}
        return _add(_add(total, map(self.part, gone), -1), map(self.part, new), 1)


def _is_head(step: Step, result) -> bool:
    """A head-only result: the step keeps more than its head, and the result holds only head fields."""
    return step.head is not True and isinstance(result, dict) and result.keys() <= set(step.head)


def _add(total: dict, parts: Iterable[Part], sign: int) -> dict:
    for part in parts:
        for name, counts in part.items():
            were = total.get(name)
            if were is None:
                total[name] = [sign * n for n in counts]
            else:
                total[name] = [a + sign * b for a, b in zip(were, counts)]
    return total
