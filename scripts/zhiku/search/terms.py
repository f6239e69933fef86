"""What a page gives the search index, computed once per page version on every core and cached: its
words and tokens with their counts in each field (the index makes the keys and codes of every
page at once: postings.py) and what a result shows (title, tags, names, text).

The Chinese runs of the page, normalised, are cut by rjieba with the build's user dictionary
(segmenter.py), all in one call; nothing else cuts a page's text for the search.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..cache.step import Step
from ..chars import HAN
from ..segmenter import Segmenter
from .page_text import page_fields
from .semantics import FIELDS, normalize

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

    def count_words(self, runs: list[str]) -> Counter:
        if self._segmenter is None:
            self._segmenter = Segmenter(self.user_dictionary)
        return self._segmenter.count_words(runs)


def field_counts(fields: dict, segmenter) -> dict[str, Counter]:
    """Each field's words and tokens, normalised, with their counts."""
    found = {}
    for field in FIELDS:
        value = fields.get(field) or ""
        text = normalize("\n".join(value) if isinstance(value, list) else value)
        counts = segmenter.count_words(_HAN_RUN.findall(text))
        counts.update(_TOKEN.findall(text))
        found[field] = counts
    return found


def counted_words(counts: dict[str, int]) -> list[list]:
    """A field's words and tokens by count: [[count, the words, a line each], ...], the counts
    ascending. A page's terms are kept and sent this way: a string per count, not per word."""
    by_count: dict[int, list[str]] = {}
    for word, n in counts.items():
        by_count.setdefault(n, []).append(word)
    return [[n, "\n".join(by_count[n])] for n in sorted(by_count)]


def words_counted(words: list[list[list]]) -> dict[str, dict[str, int]]:
    """counted_words of each field (in FIELDS order) read back: {field: {word: count}}."""
    return {field: {word: n for n, joined in groups for word in joined.split("\n")}
            for field, groups in zip(FIELDS, words)}


def page_terms(fields: dict, segmenter) -> dict:
    """A page's words by field (counted_words, in FIELDS order), and what a result shows."""
    counts = field_counts(fields, segmenter)
    return {"words": [counted_words(counts[field]) for field in FIELDS], "meta": [fields["kind"], fields["date"]],
            "doc": result_doc(fields)}


def result_doc(fields: dict) -> dict:
    """What a result shows of a page."""
    return {"kind": fields["kind"], "title": fields["title"], "tags": fields["tags"], "names": fields["names"],
            "text": fields["body"]}


@dataclass(frozen=True)
class PageSource:
    """A searchable page whose terms may be wanted: its Markdown file, read and parsed in the worker
    that cuts it (`text`, when the stage has it, is not read again), and a glossary entry's names."""

    path: str
    names: tuple[str, ...] | None
    text: str | None = None


def page_fields_of(item: PageSource | dict, cache) -> dict:
    """The fields of a page (page_text.page_fields); a dict is fields made elsewhere (the bench's
    generated articles, which have no Markdown)."""
    if isinstance(item, dict):
        return item
    text = item.text if item.text is not None else Path(item.path).read_text(encoding="utf-8")
    fields = page_fields(text, list(item.names) if item.names is not None else None)
    if fields is None:
        raise ValueError(f"{item.path}: not a searchable page (its front matter's `zhiku:` is neither article nor term)")
    return fields


# In the journal only the kind and date (the page ids); the words and the text in the entry file, read
# when the index is grouped again or a changed page's old words are wanted (index.patch_index).
# The text is not sent back from a worker: the index reads it from the entry file when it writes the
# page's file (with no cache folder, the worker sends the whole result).
TERMS = Step("search-terms", page_terms, head=("meta",), returns=("words", "meta"), prepare=page_fields_of)


def terms_key(markdown: bytes, names: tuple[str, ...] | None, dictionary_sha: str) -> str:
    """A page's terms are keyed by its Markdown's bytes, its names and the user dictionary (the code
    that reads the fields from the Markdown is in the step's version)."""
    return TERMS.key(dictionary_sha, hashlib.sha256(markdown).hexdigest(), json.dumps(names, ensure_ascii=False))


def dictionary_digest(user_dictionary: Path | None) -> str:
    data = user_dictionary.read_bytes() if user_dictionary is not None and user_dictionary.exists() else b""
    return hashlib.sha256(data).hexdigest()
