"""Pinyin of titles and term names: the glossary's order, and ASCII slugs for URLs.

Importing pypinyin (its phrase dictionary) costs more than anything a one-page rebuild does for the
page that changed, which rarely meets a title or name not seen before.
So the pinyin of every title and name is a cached step (PINYIN); `learn` makes what it found known
to `syllables`, which imports pypinyin only for a text it does not know.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..cache.step import Cache, Step

# Text → its syllables, in this process (and in the processes forked from it).
_known: dict[str, list[str]] = {}


def _lazy_pinyin(text: str, context=None) -> list[str]:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(text)


PINYIN = Step("pinyin", _lazy_pinyin)


def syllables(text: str) -> list[str]:
    """pypinyin.lazy_pinyin(text): a syllable per Chinese character, other runs as they are
    ('重建Meta帝国' → chong jian Meta di guo)."""
    found = _known.get(text)
    if found is None:
        found = _known[text] = _lazy_pinyin(text)
    return found


def learn(cache: Cache, texts: Iterable[str], jobs: int | None = None) -> None:
    """Make these texts' syllables known here: from the cache, or worked out (and then cached)."""
    texts = sorted(set(texts) - _known.keys())
    for text, found in zip(texts, PINYIN.run(cache, texts, [PINYIN.key(t) for t in texts], jobs=jobs)):
        _known[text] = found


def pinyin_slug(text: str, max_length: int = 60) -> str:
    """An ASCII URL slug from the text's pinyin, e.g. 重建Meta帝国 → chong-jian-meta-di-guo."""
    words = re.sub(r"[^a-z0-9]+", "-", "-".join(syllables(text)).lower()).strip("-")
    if len(words) > max_length:
        words = words[:max_length].rsplit("-", 1)[0]
    return words or "article"
