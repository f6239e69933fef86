"""What a page gives the search index, computed once per page version on every core and cached: its
keys with their codes (semantics.page_keys) and what a result shows (title, tags, names, text).

The Chinese runs of the page, normalised, are cut by rjieba with the build's user dictionary
(segmenter.py), all in one call; nothing else cuts a page's text for the search.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..cache.step import Step
from ..segmenter import Segmenter
from . import semantics
from .page_text import page_fields
from .semantics import CODE_ALPHABET, FIELDS, normalize, segments


class LazySegmenter:
    """A Segmenter made on first use, in the process that uses it: a worker makes its own (a
    dictionary load) only when it has pages to cut."""

    def __init__(self, user_dictionary: Path | None) -> None:
        self.user_dictionary = user_dictionary
        self._segmenter: Segmenter | None = None

    def __reduce__(self):
        return type(self), (self.user_dictionary,)

    def cut_runs(self, runs: list[str]) -> str:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.user_dictionary)
        return self._segmenter.cut_runs(runs)


@functools.lru_cache(maxsize=None)
def _chinese_keys(word: str) -> tuple[str, ...]:
    return semantics.chinese_keys(word)


def field_words(fields: dict, segmenter) -> dict[str, tuple[list[str], list[str]]]:
    """Each field's (Chinese words, tokens), normalised."""
    layout = []
    runs: dict[str, None] = {}
    for field in FIELDS:
        value = fields.get(field) or ""
        text = "\n".join(value) if isinstance(value, list) else value
        parts = segments(normalize(text))
        layout.append((field, parts))
        runs.update((part, None) for is_han, part in parts if is_han)
    ordered = list(runs)
    cuts = dict(zip(ordered, segmenter.cut_runs(ordered).split("\n"))) if ordered else {}
    found = {}
    for field, parts in layout:
        words = [w for is_han, part in parts if is_han for w in cuts[part].split(" ") if w]
        found[field] = (words, [part for is_han, part in parts if not is_han])
    return found


def page_terms(fields: dict, segmenter) -> dict:
    """A page's keys (one line each: the key and its code's character), and what a result shows."""
    words = field_words(fields, segmenter)
    codes = semantics.page_keys(words, chinese_keys=_chinese_keys)
    keys = "\n".join(f"{key}{CODE_ALPHABET[code]}" for key, code in codes.items())
    return {"keys": keys, "meta": [fields["kind"], fields["date"]],
            "doc": {"kind": fields["kind"], "title": fields["title"], "tags": fields["tags"],
                    "names": fields["names"], "text": fields["body"]}}


@dataclass(frozen=True)
class RecordedPage:
    """A page whose terms the last build recorded, read only if the cache does not hold them (a
    cache made after the docs folder, or with entries taken away)."""

    path: Path
    names: tuple[str, ...] | None


def page_fields_of(item: dict | RecordedPage, cache) -> dict:
    if isinstance(item, dict):
        return item
    fields = page_fields(item.path.read_text(encoding="utf-8"), list(item.names) if item.names is not None else None)
    if fields is None:
        raise ValueError(f"{item.path}: no longer a searchable page, yet unchanged since the last build")
    return fields


TERMS = Step("search-terms", page_terms, head=("keys", "meta"), prepare=page_fields_of)


def terms_key(fields: dict, dictionary_sha: str) -> str:
    return TERMS.key(dictionary_sha, hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True)
                                                    .encode("utf-8")).hexdigest())


def dictionary_digest(user_dictionary: Path | None) -> str:
    data = user_dictionary.read_bytes() if user_dictionary is not None and user_dictionary.exists() else b""
    return hashlib.sha256(data).hexdigest()
