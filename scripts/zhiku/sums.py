"""Site-wide sums kept between builds: a build after a one-page change adds the parts of the articles
new since the last build and takes away those of the articles gone, instead of adding up every
article again (and decoding what each one holds).

A sum adds, per name, vectors of counts: {name: [n1, n2, …]}. An article's part must depend on its
content only, which its extraction key (Article.content_key) names: the same key, the same part. The
last build's sum and the keys it added up are a cache.Memo entry; the parts of the articles gone are
worked out again from their cached extractions (`former`). When any of that is missing, or an
article has no key (made in code), everything is added up again, as the first build does.
"""
from __future__ import annotations

import functools
from collections import Counter
from typing import Callable, Iterable

from .model import Article

Part = dict[str, list[int]]
Parts = Callable[[list[Article]], Iterable[Part]]  # the parts of these articles, in their order


class SiteSums:
    """Sums by name, kept in `memo`; `former(key)` gives the Article of an extraction key that is no
    longer in the site (from the page cache), or None when it cannot."""

    def __init__(self, memo=None, former: Callable[[str], Article | None] = lambda key: None) -> None:
        self.memo = memo
        self.former = functools.lru_cache(maxsize=None)(former)  # each sum takes the same articles away
        self.added_up: dict[str, int] = {}  # name → articles whose parts this build worked out

    def total(self, name: str, articles: list[Article], parts: Parts) -> Part:
        """Σ parts(articles), sorted by name; names whose counts are all 0 are left out."""
        keys = Counter(a.content_key for a in articles)
        kept = self.memo is not None and "" not in keys
        state = self.memo.get(name) if kept else None
        total = self._since(name, state, keys, articles, parts) if state else None
        if total is None:
            total = _add({}, parts(articles), 1)
            self.added_up[name] = len(articles)
        total = {n: counts for n, counts in sorted(total.items()) if any(counts)}
        if kept:
            self.memo.put(name, {"keys": dict(sorted(keys.items())), "total": total})
        return total

    def _since(self, name: str, state: dict, keys: Counter, articles: list[Article], parts: Parts) -> dict | None:
        """The last build's total, less the articles gone, plus the new; None when one gone is unknown."""
        then = Counter(state["keys"])
        if sum((then - keys).values()) + sum((keys - then).values()) >= len(articles):
            return None  # most of the site is new (new code makes new keys): adding it all up is less work
        gone = []
        for key, count in (then - keys).items():
            article = self.former(key)
            if article is None:
                return None
            gone += [article] * count
        more = keys - then  # copies of a key beyond the last build's: two pages of the same content
        new = []
        for article in articles:
            if more[article.content_key] > 0:
                more[article.content_key] -= 1
                new.append(article)
        self.added_up[name] = len(new) + len(gone)
        total = {n: list(counts) for n, counts in state["total"].items()}
        return _add(_add(total, parts(gone), -1), parts(new), 1)


def _add(total: dict, parts: Iterable[Part], sign: int) -> dict:
    for part in parts:
        for name, counts in part.items():
            were = total.get(name)
            if were is None:
                total[name] = [sign * n for n in counts]
            else:
                total[name] = [a + sign * b for a, b in zip(were, counts)]
    return total
