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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from .semantics import (ABOUT_FIELDS, B_BODY, BODY_REFERENCE_WORDS, CODE_ALPHABET, FIELD_WEIGHTS, FIELDS, K1,
                        LEVELS, word_keys)

_TO_ALPHABET = bytes.maketrans(bytes(range(len(CODE_ALPHABET))), CODE_ALPHABET.encode("ascii"))
_BODY = FIELDS.index("body")


class _Ids(dict):
    """word → its id, the next one for a word not seen yet."""

    def __missing__(self, word: str) -> int:
        n = self[word] = len(self)
        return n


@dataclass
class WordTable:
    """Every page's words, a row per page (in page-id order), as terms.counted_words groups them:
    the words of one page, field and count, group after group. For each group its row, field (its
    index in semantics.FIELDS), count and where its words end in `word` (their ids in `words`);
    and each page's body-length norm (semantics.posting_code's). Four bytes a word: at 10,000
    articles the table is most of what the index's processes share."""

    words: list[str]
    word: np.ndarray
    group_row: np.ndarray
    group_field: np.ndarray
    group_count: np.ndarray
    group_end: np.ndarray
    norm: np.ndarray


def word_table(pages: Iterable[list]) -> WordTable:
    """The table of the pages' terms (terms.counted_words of each field, in FIELDS order), a row
    per page in turn (each page's terms may be let go once it is read: `pages` may be a generator)."""
    ids = _Ids()
    word_ids = array("i")
    lengths, counts, fields, rows = array("i"), array("i"), array("B"), array("i")
    row = -1
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
                             minlength=row + 1)
    # semantics.posting_code: 1 - B_BODY + B_BODY * body_words / BODY_REFERENCE_WORDS, in that order
    norm = (1 - B_BODY) + (B_BODY * body_words) / BODY_REFERENCE_WORDS
    return WordTable(list(ids), np.frombuffer(word_ids, dtype=np.int32), rows_np, fields_np, counts_np,
                     np.cumsum(lengths_np, dtype=np.int64), norm)


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


CHUNK = 1 << 21  # table entries expanded at a time: the expansion's arrays are several times the postings


def partition_postings(table: WordTable, keys: KeyTable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(key id, row, code) of every posting of the partition, by key id, then row."""
    if not len(keys.keys) or not len(table.word):
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.uint8)
    # By pages, CHUNK table entries or so at a time (groups from the first of the row that holds
    # every CHUNK-th entry); each chunk's postings are its pages' whole.
    at = np.searchsorted(table.group_end, np.arange(CHUNK, len(table.word), CHUNK), side="right")
    bounds = np.unique(np.searchsorted(table.group_row, table.group_row[at], side="left")).tolist()
    parts = [_chunk_postings(table, keys, start, end)
             for start, end in zip([0, *bounds], [*bounds, len(table.group_end)]) if end > start]
    key, row, code = (np.concatenate([part[i] for part in parts]) for i in range(3))
    del parts
    order = stable_order(key)  # the chunks are in row order: each key's rows stay in order
    return key[order], row[order], code[order]


def _chunk_postings(table: WordTable, keys: KeyTable, first_group: int, end_group: int):
    """partition_postings over the table's groups first_group..end_group, a chunk of whole pages."""
    start = int(table.group_end[first_group - 1]) if first_group else 0
    ends = table.group_end[first_group:end_group]
    word = table.word[start:int(ends[-1])]
    group = np.repeat(np.arange(first_group, end_group, dtype=np.int32), np.diff(ends, prepend=start))
    selected = np.flatnonzero(keys.length[word])
    length = keys.length[word[selected]]
    total = int(length.sum())
    # For each selected (page, field, word), its word's keys: key_ids[start[w] .. start[w] + length[w]).
    at = np.arange(total, dtype=np.int64)
    at += np.repeat(keys.start[word[selected]] - (np.cumsum(length) - length), length)
    key = keys.key_ids[at]
    del at
    # By key, each key's rows in order (the table is in row order and the sort is stable); the
    # same key on a row from several words is then a run, summed.
    order = stable_order(key)
    key = key[order]
    group = group[selected]
    row = np.repeat(table.group_row[group], length)[order]
    new = np.ones(len(key), dtype=bool)
    new[1:] = (key[1:] != key[:-1]) | (row[1:] != row[:-1])
    first = np.flatnonzero(new)
    del new
    field = np.repeat(table.group_field[group], length)[order]
    count = np.repeat(table.group_count[group], length)[order]
    del order, selected, length, group
    sums = {name: np.add.reduceat(np.where(field == f, count, 0), first) if len(first) else np.zeros(0, dtype=np.int32)
            for f, name in enumerate(FIELDS)}
    row = row[first]
    return key[first], row, posting_codes(sums, table.norm[row]).astype(np.uint8)


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
    gaps = np.empty(n, dtype=np.int32)  # page ids are below 2**25 (index.ENTRY_BASE and the entries)
    if n:
        gaps[0] = docs[0]
        np.subtract(docs[1:], docs[:-1], out=gaps[1:], casting="unsafe")
        gaps[1:] -= 1
        if starts is not None:
            gaps[starts] = docs[starts]
    digits = np.ones(n, dtype=np.int8)
    for bits in range(5, 35, 5):
        digits += gaps >= (1 << bits)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(digits + 1, out=offsets[1:])
    out = np.empty(int(offsets[-1]), dtype=np.uint8)
    begins = offsets[:-1]
    for digit in range(int(digits.max()) if n else 0):
        at = np.flatnonzero(digits > digit) if digit else slice(None)  # the postings with this digit
        value = ((gaps[at] >> (5 * digit)) & 31).astype(np.uint8)
        value |= (digits[at] > digit + 1).astype(np.uint8) << 5  # "more"
        out[begins[at] + digit] = value
    out[begins + digits] = codes
    return out.tobytes().translate(_TO_ALPHABET), offsets
