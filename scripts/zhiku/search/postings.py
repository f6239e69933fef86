"""The index's postings made with NumPy from every page's word counts, and encoded as the index
writes them (index.py).

A page's terms are its distinct words and tokens with their count in each field (terms.py). The
postings of a partition of the key space (index.PARTS) are made at once for all pages: each word's
keys in the partition (semantics.word_keys, worked out once per distinct word of the site), its
counts added to each key it holds, summed per (key, page), and the codes computed from the sums
with the arithmetic of semantics.posting_code, operation for operation, so that they are the same
numbers. Per-key Python was most of a cold build's index time; here the work per posting is in C.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .semantics import (ABOUT_FIELDS, B_BODY, BODY_REFERENCE_WORDS, CODE_ALPHABET, FIELD_WEIGHTS, FIELDS, K1,
                        LEVELS, word_keys)

_ALPHABET = np.frombuffer(CODE_ALPHABET.encode("ascii"), dtype=np.uint8)
_BODY = FIELDS.index("body")


class _Ids(dict):
    """word → its id, the next one for a word not seen yet."""

    def __missing__(self, word: str) -> int:
        n = self[word] = len(self)
        return n


@dataclass
class WordTable:
    """Every page's words, a row per page (in page-id order): for each (page, field, word) its
    row, the word's id in `words`, the field's index in semantics.FIELDS and the count; and each
    page's body-length norm (semantics.posting_code's)."""

    words: list[str]
    row: np.ndarray
    word: np.ndarray
    field: np.ndarray
    count: np.ndarray
    norm: np.ndarray


def word_table(pages: Sequence[list]) -> WordTable:
    """The table of the pages' terms (terms.counted_words of each field, in FIELDS order)."""
    ids = _Ids()
    word_ids = array("i")
    lengths, counts, fields, rows = array("i"), array("i"), array("B"), array("i")
    for row, page in enumerate(pages):
        for field, groups in enumerate(page):
            for count, joined in groups:
                words = joined.split("\n")
                word_ids.extend(map(ids.__getitem__, words))
                lengths.append(len(words))
                counts.append(count)
                fields.append(field)
                rows.append(row)
    lengths_np = np.frombuffer(lengths, dtype=np.int32)
    counts_np, fields_np, rows_np = (np.frombuffer(a, dtype=d) for a, d in
                                     ((counts, np.int32), (fields, np.uint8), (rows, np.int32)))
    body = fields_np == _BODY
    body_words = np.bincount(rows_np[body], weights=(counts_np[body] * lengths_np[body]).astype(np.float64),
                             minlength=len(pages))
    # semantics.posting_code: 1 - B_BODY + B_BODY * body_words / BODY_REFERENCE_WORDS, in that order
    norm = (1 - B_BODY) + (B_BODY * body_words) / BODY_REFERENCE_WORDS
    return WordTable(list(ids), np.repeat(rows_np, lengths_np), np.frombuffer(word_ids, dtype=np.int32).copy(),
                     np.repeat(fields_np, lengths_np), np.repeat(counts_np, lengths_np), norm)


@dataclass
class KeyTable:
    """The keys of one partition that the site's words hold: `keys[i]` for key id i, and for each
    word id its key ids, `key_ids[start[w]:start[w] + length[w]]`."""

    keys: list[str]
    start: np.ndarray
    length: np.ndarray
    key_ids: np.ndarray


def key_tables(words: list[str], partition_of: Callable[[str], int], parts: Iterable[int]) -> dict[int, KeyTable]:
    """For each partition of `parts`, the keys of the words that fall in it."""
    wanted = set(parts)
    ids: dict[int, _Ids] = {p: _Ids() for p in wanted}
    held: dict[int, list[list[int]]] = {p: [] for p in wanted}
    for word in words:
        per_part: dict[int, list[int]] = {}
        for key in word_keys(word):
            part = partition_of(key)
            if part in wanted:
                per_part.setdefault(part, []).append(ids[part][key])
        for part in wanted:
            held[part].append(per_part.get(part, ()))
    tables = {}
    for part in wanted:
        length = np.fromiter(map(len, held[part]), dtype=np.int64, count=len(words))
        start = np.zeros(len(words), dtype=np.int64)
        np.cumsum(length[:-1], out=start[1:])
        flat = np.fromiter((k for ks in held[part] for k in ks), dtype=np.int32, count=int(length.sum()))
        tables[part] = KeyTable(list(ids[part]), start, length, flat)
    return tables


def partition_postings(table: WordTable, keys: KeyTable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(key id, row, code) of every posting of the partition, by key id, then row."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(keys.keys):
        return empty, empty, empty
    selected = np.flatnonzero(keys.length[table.word])
    word = table.word[selected]
    length = keys.length[word]
    total = int(length.sum())
    # For each selected (page, field, word), its word's keys: key_ids[start[w] .. start[w] + length[w]).
    first = np.cumsum(length) - length
    at = np.repeat(keys.start[word] - first, length) + np.arange(total)
    key = keys.key_ids[at]
    # By key, each key's rows in order (the table is in row order and the sort is stable); the
    # same key on a row from several words is then a run, summed.
    order = stable_order(key)
    key, row = key[order], np.repeat(table.row[selected], length)[order]
    field = np.repeat(table.field[selected], length)[order]
    count = np.repeat(table.count[selected], length)[order].astype(np.float64)
    new = np.ones(len(key), dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (row[1:] != row[:-1])
    which = np.cumsum(new) - 1
    first = np.flatnonzero(new)
    sums = [np.bincount(which[field == f], weights=count[field == f], minlength=len(first)) for f in range(len(FIELDS))]
    row = row[first]
    return key[first].astype(np.int64), row.astype(np.int64), posting_codes(dict(zip(FIELDS, sums)), table.norm[row])


def stable_order(values: np.ndarray) -> np.ndarray:
    """The permutation that sorts non-negative integers stably, by NumPy's radix sort of 16-bit
    keys (one pass, or two below 2**32): linear, where a comparison sort was most of the time."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    top = int(values.max())
    if top < 1 << 16:
        return np.argsort(values.astype(np.uint16), kind="stable")
    if top >= 1 << 32:
        return np.argsort(values, kind="stable")
    order = np.argsort((values & 0xFFFF).astype(np.uint16), kind="stable")
    return order[np.argsort((values[order] >> 16).astype(np.uint16), kind="stable")]


def posting_codes(counts: dict[str, np.ndarray], norm: np.ndarray) -> np.ndarray:
    """semantics.posting_code over arrays: the fields' counts of each posting and its page's norm."""
    weighted = np.zeros(len(norm))
    for field in FIELDS:  # the order posting_code adds them in; a count of 0 adds 0.0, exactly
        term = FIELD_WEIGHTS[field] * counts[field]
        weighted = weighted + (term / norm if field == "body" else term)
    saturated = weighted * (K1 + 1) / (weighted + K1)
    level = np.clip(np.rint(saturated / (K1 + 1) * LEVELS), 1, LEVELS).astype(np.int64)
    about = sum(counts[field] for field in ABOUT_FIELDS) > 0
    return 32 * about + level


def encode_runs(docs: np.ndarray, codes: np.ndarray, starts: np.ndarray | None = None) -> tuple[bytes, np.ndarray]:
    """Postings in page order as the index writes them: for each, the gap to the previous page less
    one (the first's previous page is -1) as a varint of 5 bits a character, the sixth saying "more",
    then the code, characters of CODE_ALPHABET. The previous page is counted afresh where `starts` is
    true (and at the first). The text, and where each posting's characters begin in it (and the end)."""
    n = len(docs)
    docs = docs.astype(np.int64)
    gaps = np.empty(n, dtype=np.int64)
    if n:
        gaps[0] = docs[0]
        gaps[1:] = docs[1:] - docs[:-1] - 1
        if starts is not None:
            gaps[starts] = docs[starts]
    digits = np.ones(n, dtype=np.int64)
    for bits in range(5, 40, 5):
        digits += gaps >= (1 << bits)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(digits + 1, out=offsets[1:])
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    for digit in range(int(digits.max()) if n else 0):
        has = digits > digit
        value = (gaps[has] >> (5 * digit)) & 31
        out[offsets[:-1][has] + digit] = value | np.where(digits[has] > digit + 1, 32, 0)
    out[offsets[:-1] + digits] = codes
    return _ALPHABET[out].tobytes(), offsets
