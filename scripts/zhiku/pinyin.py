"""Pinyin of term names and titles, for the glossary's order and for slugs, without pypinyin when
the answer is known.

Importing pypinyin (its phrase dictionary) takes 0.12 s: more than anything a one-page rebuild at
10,000 pages does for the page that changed. Yet a rebuild rarely meets a name it has not seen. The
glossary's names are kept in a Memo between builds (remember); a changed page's slug comes from its
last version when its title is the same (facts.compute_facts); pypinyin is imported for the rest.
"""
from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import version

from .cache import Memo

# Text → its syllables, in this process: what remember() read from the memo, and what was computed.
_known: dict[str, list[str]] = {}


def syllables(text: str) -> list[str]:
    """pypinyin.lazy_pinyin(text): a syllable per Chinese character, other runs as they are
    ('重建Meta帝国' → chong jian Meta di guo)."""
    found = _known.get(text)
    if found is None:
        from pypinyin import lazy_pinyin

        found = _known[text] = lazy_pinyin(text)
    return found


def remember(memo: Memo, texts: Iterable[str]) -> None:
    """Make these texts' syllables known here, from the memo or else computed, and keep them in the
    memo for the next build. A forked process (the glossary pages are made in one) knows them too."""
    for text in texts:
        found = memo.get(text)
        if not isinstance(found, list):  # not known, or not what this module wrote
            found = syllables(text)
            memo.put(text, found)
        _known[text] = found


def memo_version() -> str:
    """Another pypinyin may read a name otherwise: its version names the memo's."""
    return f"pypinyin {version('pypinyin')}"
