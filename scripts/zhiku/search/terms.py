"""What a page gives the search index, computed once per page version on every core and cached: its
keys with their codes (semantics.page_keys) and what a result shows (title, tags, names, text).

The Chinese runs of the page, normalised, are cut by rjieba with the build's user dictionary
(segmenter.py), all in one call; nothing else cuts a page's text for the search.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from ..cache.step import Step
from ..chars import HAN
from ..segmenter import Segmenter
from . import semantics
from .index import PARTS, shard_of
from .page_text import page_fields
from .semantics import CODE_ALPHABET, FIELDS, normalize

# semantics.segments' two kinds of run, found apart: their characters are disjoint, so each finds
# the same runs as the alternation does, as a list of strings made in C.
_HAN_RUN = re.compile(f"[{HAN}]+")
_TOKEN = re.compile(f"[^\\W_{HAN}]+")


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


_chinese_keys = functools.lru_cache(maxsize=None)(semantics.chinese_keys)
_token_keys = functools.lru_cache(maxsize=None)(semantics.token_keys)


def field_words(fields: dict, segmenter) -> dict[str, tuple[list[str], list[str]]]:
    """Each field's (Chinese words, tokens), normalised. The words of a field in no particular
    order (only their counts are used)."""
    layout = []
    runs: dict[str, None] = {}
    for field in FIELDS:
        value = fields.get(field) or ""
        text = normalize("\n".join(value) if isinstance(value, list) else value)
        han = _HAN_RUN.findall(text)
        layout.append((field, han, _TOKEN.findall(text)))
        runs.update(dict.fromkeys(han))
    ordered = list(runs)
    cuts = dict(zip(ordered, segmenter.cut_runs(ordered).split("\n"))) if ordered else {}
    # A run's words are Chinese characters: split() on the spaces the cut put between them.
    return {field: (" ".join(map(cuts.__getitem__, han)).split(), tokens) for field, han, tokens in layout}


class _Partitions(dict):
    """key → its partition of the key space (index.PARTS), worked out once per key in a process."""

    def __missing__(self, key: str) -> int:
        part = self[key] = shard_of(key, PARTS)
        return part


_PARTITION = _Partitions()


def partitioned_keys(codes: dict[str, int]) -> list[list[str]]:
    """A page's keys and their codes by partition: [keys, one line each; codes, a character each]
    for each of index.PARTS partitions, so that the writer's process for a partition reads only
    its keys (index.py)."""
    keys = list(codes)
    parts = list(map(_PARTITION.__getitem__, keys))
    key_lists: list[list[str]] = [[] for _ in range(PARTS)]
    code_lists: list[list[str]] = [[] for _ in range(PARTS)]
    deque(map(list.append, map(key_lists.__getitem__, parts), keys), 0)
    deque(map(list.append, map(code_lists.__getitem__, parts), map(CODE_ALPHABET.__getitem__, codes.values())), 0)
    return [["\n".join(k), "".join(c)] for k, c in zip(key_lists, code_lists)]


def page_terms(fields: dict, segmenter) -> dict:
    """A page's keys and codes (partitioned_keys), and what a result shows."""
    words = field_words(fields, segmenter)
    codes = semantics.page_keys(words, chinese_keys=_chinese_keys, token_keys=_token_keys)
    return {"keys": partitioned_keys(codes), "meta": [fields["kind"], fields["date"]], "doc": result_doc(fields)}


def result_doc(fields: dict) -> dict:
    """What a result shows of a page."""
    return {"kind": fields["kind"], "title": fields["title"], "tags": fields["tags"], "names": fields["names"],
            "text": fields["body"]}


@dataclass(frozen=True)
class RecordedPage:
    """A page whose terms the last build recorded, read only if the cache does not hold them (a
    cache made after the docs folder, or with entries taken away)."""

    path: str
    names: tuple[str, ...] | None


def page_fields_of(item: dict | RecordedPage, cache) -> dict:
    if isinstance(item, dict):
        return item
    fields = page_fields(Path(item.path).read_text(encoding="utf-8"), list(item.names) if item.names is not None else None)
    if fields is None:
        raise ValueError(f"{item.path}: no longer a searchable page, yet unchanged since the last build")
    return fields


# In the journal only the kind and date (the page ids); the keys and the text in the entry file, read
# when the index is grouped again or a changed page's old keys are wanted (index.patch_index).
# The text is not sent back from a worker: the stage has it (result_doc of the page's fields), but
# for a RecordedPage, read in the worker, which the index loads from the entry file when it writes it.
TERMS = Step("search-terms", page_terms, head=("meta",), returns=("keys", "meta"), prepare=page_fields_of)


def terms_key(fields: dict, dictionary_sha: str) -> str:
    return TERMS.key(dictionary_sha, hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True)
                                                    .encode("utf-8")).hexdigest())


def dictionary_digest(user_dictionary: Path | None) -> str:
    data = user_dictionary.read_bytes() if user_dictionary is not None and user_dictionary.exists() else b""
    return hashlib.sha256(data).hexdigest()
