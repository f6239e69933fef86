"""The search index: JavaScript files in the docs folder's `search/` (MkDocs, or any engine that
copies a docs folder, publishes them as they are), each handing its data to a global function,
`zhikuSearch.load("t/3f", {...})`, so that a page loads them with `<script>` and a worker with
`importScripts`, over HTTP and from file:// alike. engine.js, copied beside them, reads them.

Files (bench/README.md, "Search", has the reasoning and the figures):
- `m.js`, the manifest: the format, the number of pages (for idf), the number of dictionary shards;
- `t/<shard>.js`, the dictionary: every key (semantics.py) whose first two characters hash to the
  shard, with its page count, its TOP best postings (by code, then the later page) and, for a key
  on more pages, where the rest is (encode_blocks): bands of codes (_entries), each in
  blocks of up to BLOCK postings in page order, each block with its last page and its best code,
  so that a reader can look a page up in one block of a band at a time, or read the blocks best
  first; a name key (`=…`) also lists the names of its entries;
- `p/<shard>-<n>.js`: the rest's blocks, a shard's keys in order, about PACK_BYTES a file;
- `d/<page>.js`: one page's address, title, kind, tags, names and text, for the results shown;
- `zhiku-search.js` (engine.js) and `index.html` (plain.html, a search page of its own).

A posting is the page's id (varint of the gap from the previous one, 5 bits a character, the sixth
says "more") and the page's code (one character): CODE_ALPHABET both. Pages are numbered by date
(then path), so a new article is appended and shifts no other page; glossary entries are numbered
from ENTRY_BASE, so that neither kind shifts the other. The same input gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..layout import html_path
from ..parallel import default_jobs, in_lockstep, release_freed_memory
from ..write.files import write_bytes, write_text
from .postings import WordTable, encode_runs, key_tables, partition_postings, stable_order, word_table
from .semantics import CODE_ALPHABET, NAME_KEY, canonical, page_keys
from .terms import words_counted

INDEX_DIR = "search"
ENGINE = "zhiku-search.js"  # the reader, beside the data
FORMAT = 2
ENTRY_BASE = 1 << 24
TOP = 32
BLOCK = 1024
BAND = 256  # postings a band of codes takes at least (but the last of its kind)
BAND_START = 64  # added to the best code of a band's first block
CODES = 64  # a posting's code is below this: about × 32 + q (semantics.py)
PACK_BYTES = 8_000
SHARD_BYTES = 24_000
FILES = ".zhiku-index.json"  # what this index wrote last time (MkDocs passes over dot files)
_ENGINE_SOURCE = Path(__file__).with_name("engine.js")
PLAIN_PAGE = "index.html"  # search without a theme: plain.html, the example of another adapter
_PLAIN_SOURCE = Path(__file__).with_name("plain.html")
# The key space in partitions by shard_of: each of the writer's processes makes the postings of some
# of them from every page's words (index_files, postings.py). A power of two: a partition then lies
# in one shard or holds whole shards, whatever the number of shards.
PARTS = 16
MIN_PAGES_PER_WRITER = 500  # below this, one process groups every partition: a fork costs more
_CODE_BYTES = bytes.maketrans(CODE_ALPHABET.encode("ascii"), bytes(range(len(CODE_ALPHABET))))
_VARINT: list[str] = []


def _varint(n: int) -> str:
    if n < len(_VARINT):
        return _VARINT[n]
    out = []
    while n >= 32:
        out.append(CODE_ALPHABET[32 | (n & 31)])
        n >>= 5
    out.append(CODE_ALPHABET[n])
    return "".join(out)


_VARINT.extend(_varint(n) for n in range(32 * 32 * 4))


def shard_of(key: str, shards: int) -> int:
    """FNV-1a over the code points of the key's first two characters (after a name key's `=`)."""
    h = 0x811C9DC5
    for char in (key[1:] if key.startswith(NAME_KEY) else key)[:2]:
        h = ((h ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return h % shards


@dataclass
class IndexPage:
    """A searchable page as the index sees it: its Markdown path, its words (the terms step's:
    terms.counted_words of each field) and its kind and date."""

    path: str
    words: list[list[list]] | None
    kind: str
    date: str
    doc: dict | None = None  # what a result shows; None: read from the cache when its file is written
    key: str = ""  # of its terms-step result


def number_pages(pages: list[IndexPage]) -> list[int]:
    """Page ids: articles by date, then path; glossary entries by path, from ENTRY_BASE."""
    articles = sorted((p for p in pages if p.kind != "term"), key=lambda p: (p.date, p.path))
    entries = sorted((p for p in pages if p.kind == "term"), key=lambda p: p.path)
    ids = {p.path: i for i, p in enumerate(articles)}
    ids.update({p.path: ENTRY_BASE + i for i, p in enumerate(entries)})
    return [ids[p.path] for p in pages]


def page_table(pages: list[IndexPage], ids: list[int], consume: bool = False) -> tuple[WordTable, np.ndarray]:
    """The pages' words as one table, a row per page in id order (postings.word_table), and each
    row's page id. `consume`: each page's words are let go once in the table (page.words is None)."""
    order = sorted(range(len(pages)), key=ids.__getitem__)

    def in_order():
        for n, i in enumerate(order, start=1):
            words = pages[i].words
            if consume:
                pages[i].words = None
                if n % 1024 == 0:  # the words read so far are let go as the table grows
                    release_freed_memory()
            yield words

    return word_table(in_order()), np.array([ids[i] for i in order], dtype=np.int32)  # ids below 2**25


def _partition(key: str) -> int:
    return shard_of(key, PARTS)


def name_keys(pages: list[IndexPage], ids: list[int], names: dict[str, list[str]]) -> dict[str, tuple[list[int], list[str]]]:
    """`=` and each glossary name's canonical form → (the entries carrying it, every name of those)."""
    by_path = dict(zip((p.path for p in pages), ids))
    found: dict[str, tuple[list[int], list[str]]] = {}
    for path, page_names in sorted(names.items()):
        if path not in by_path:
            continue
        forms = list(dict.fromkeys(c for c in (canonical(n) for n in page_names) if c))
        for form in forms:
            docs, all_names = found.setdefault(NAME_KEY + form, ([], []))
            docs.append(by_path[path])
            all_names.extend(f for f in forms if f not in all_names)
    return found


def encode_blocks(metas: list[list[int]]) -> str:
    """A key's blocks ([pack, last page, best code (+ BAND_START: opens a band)], in order) as text:
    the first pack's number, then for each block its best code, a character of flags (1: the next
    pack, 2: opens a band) and its last page (a band's first block) or the gap from the last block's."""
    out = [_varint(metas[0][0])]
    pack, last = metas[0][0], -1
    for block_pack, block_last, best in metas:
        opens = best >= BAND_START
        assert block_pack - pack in (0, 1)
        out.append(CODE_ALPHABET[best % BAND_START] + CODE_ALPHABET[(block_pack - pack) | 2 * opens])
        out.append(_varint(block_last if opens else block_last - last - 1))
        pack, last = block_pack, block_last
    return "".join(out)


def _with_blocks_encoded(entry: list) -> list:
    return entry[:2] + [encode_blocks(entry[2])] + entry[3:] if len(entry) > 2 and entry[2] else entry


def _js(name: str, data) -> str:
    return f"zhikuSearch.load({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'), sort_keys=True)});\n"


def _writer(table: WordTable, row_docs: np.ndarray, named: dict[str, tuple[list[int], list[str]]],
            parts: list[int], owner: int, writers: int, output: IndexOutput | None):
    """One writer's work over the keys of `parts` (a generator, index_files): it yields the size
    its dictionary entries add up to and its keys' count; is sent the number of shards; yields the
    files of its shards (those `owner` modulo `writers`) and their sizes, or when a shard is not
    all its own, its entries, blocks and sizes for the parent to make them. With an `output`, it
    writes its shards' files there itself, one at a time, and yields only whether each changed."""
    entries: dict[str, list] = {}
    blocks_of: dict[str, list[tuple[int, int, str]]] = {}
    sizes: dict[str, int] = {}
    for part, keys in key_tables(table.words, _partition, parts).items():
        key_ids, rows, codes = partition_postings(table, keys)
        starts = np.flatnonzero(np.diff(key_ids, prepend=-1))
        held = [keys.keys[k] for k in key_ids[starts].tolist()]
        lengths = np.diff(starts, append=len(key_ids))
        docs = row_docs[rows]
        # A name key (`=…`) is no word's key: its postings go after the words' keys.
        names = sorted(key for key in named if _partition(key) == part)
        if names:
            found = [_name_postings(named[key][0]) for key in names]
            docs = np.concatenate([docs] + [d for d, _ in found])
            codes = np.concatenate([codes] + [c for _, c in found])
            held += names
            lengths = np.append(lengths, [len(d) for d, _ in found])
        for found, made in zip((entries, blocks_of, sizes), _entries(held, lengths, docs, codes, named)):
            found.update(made)
        del key_ids, rows, codes, docs  # before the next partition's are made
    shards = yield sum(sizes.values()), len(entries)
    if shards % writers:
        yield entries, blocks_of, sizes
        return
    made = _shard_files(entries, blocks_of, shards, range(owner, shards, writers))
    if output is None:
        yield {rel: text.encode("utf-8") for rel, text in made}, _shard_sizes(sizes, shards)
    else:
        yield {rel: Written(output.write(rel, text.encode("utf-8"))) for rel, text in made}, _shard_sizes(sizes, shards)


def _name_postings(docs: list[int]) -> tuple[np.ndarray, np.ndarray]:
    return np.array(sorted(docs), dtype=np.int64), np.full(len(docs), 32 + 31, dtype=np.int64)


def _entries(keys: list[str], lengths: np.ndarray, docs: np.ndarray, codes: np.ndarray,
             named: dict) -> tuple[dict, dict, dict]:
    """Each key's dictionary entry (before its blocks are placed), blocks as (last page, best code,
    encoded), and size (the shards' count is made from the sizes), from the keys' postings:
    `lengths[i]` of them for `keys[i]`, in turn, in docs and codes, each key's in page order.

    A key's TOP best postings (best code first; among equal codes the later page) are in its
    entry, in page order. The rest is cut by code into bands (the best codes first; about and body
    codes never share one; a band takes codes until it holds BAND postings), each band in page
    order and in blocks of up to BLOCK: a reader that finds a page in no loaded block of a band
    knows its code is below that band's, so a loose bound is a band's, not the whole key's. A
    band's first block has BAND_START added to its best code. A name's entries are all in its
    entry (the reader gives each of them the name's bonus), as are those of a key on TOP pages or
    fewer. All of it over every key at once: per-key work was most of the writer's time."""
    lengths = np.asarray(lengths, dtype=np.int64)
    docs, codes = docs.astype(np.int32, copy=False), codes.astype(np.uint8, copy=False)  # ids below 2**25
    whole = lengths <= TOP
    if named:
        whole |= np.array([key in named for key in keys], dtype=bool)
    in_whole = np.repeat(whole, lengths)
    text, offsets = encode_runs(docs[in_whole], codes[in_whole], _run_starts(lengths[whole]))
    tops = _cut(text, offsets, lengths[whole])
    # The keys with more: their best postings, then their bands' blocks.
    many = np.flatnonzero(~whole)
    many_docs, many_codes, many_lengths = docs[~in_whole], codes[~in_whole], lengths[many]
    del in_whole, text, offsets
    local = np.repeat(np.arange(len(many), dtype=np.int32), many_lengths)
    in_top = _best(local, many_codes, many_lengths)
    text, offsets = encode_runs(many_docs[in_top], many_codes[in_top], _run_starts(np.full(len(many), TOP)))
    tops_of_many = _cut(text, offsets, np.full(len(many), TOP))
    rest = ~in_top
    local, rest_docs, rest_codes = local[rest], many_docs[rest], many_codes[rest]
    del many_docs, many_codes, in_top, rest, text, offsets
    band_of = _bands(np.bincount(local * CODES + rest_codes, minlength=len(many) * CODES).reshape(len(many), CODES))
    group = local * CODES + band_of[local, rest_codes].astype(np.int32)  # (key, band); within one, page order
    del local
    order = stable_order(group)
    group, rest_docs, rest_codes = group[order], rest_docs[order], rest_codes[order]
    del order
    # The blocks: each run of one (key, band) cut every BLOCK postings.
    group_start = np.flatnonzero(np.diff(group, prepend=-1))
    group_size = np.diff(group_start, append=len(group))
    per_group = -(-group_size // BLOCK)
    block_of_group = np.arange(int(per_group.sum())) - np.repeat(np.cumsum(per_group) - per_group, per_group)
    firsts = np.repeat(group_start, per_group) + BLOCK * block_of_group
    starts = np.zeros(len(group), dtype=bool)
    starts[firsts] = True
    text, offsets = encode_runs(rest_docs, rest_codes, starts)
    ends = np.append(firsts[1:], len(group))
    blocks_by_key: dict[int, list[tuple[int, int, str]]] = {}  # by the key's place in `keys`
    if len(firsts):
        many_keys = many.tolist()
        best = np.maximum.reduceat(rest_codes, firsts).astype(np.int64) + BAND_START * (block_of_group == 0)
        for k, last, top_code, start, end in zip((group[firsts] // CODES).tolist(), rest_docs[ends - 1].tolist(),
                                                 best.tolist(), offsets[firsts].tolist(), offsets[ends].tolist()):
            blocks_by_key.setdefault(many_keys[k], []).append((last, top_code, text[start:end].decode("ascii")))
    entries: dict[str, list] = {}
    blocks_of: dict[str, list[tuple[int, int, str]]] = {}
    sizes: dict[str, int] = {}
    top_texts = dict(zip(np.flatnonzero(whole).tolist(), tops))
    top_texts.update(zip(many.tolist(), tops_of_many))
    for i, (key, n) in enumerate(zip(keys, lengths.tolist())):
        top = top_texts[i]
        blocks = blocks_by_key.get(i, [])
        entry = [n, top]
        if key in named:
            entry += [0, named[key][1]]
        entries[key] = entry
        if blocks:
            blocks_of[key] = blocks
        sizes[key] = len(key) * 3 + len(top) + 8 + 12 * len(blocks)
    return entries, blocks_of, sizes


def _best(key_of: np.ndarray, codes: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Whether each posting is among its key's TOP best (the best code; among equal codes the later
    page), for keys of more than TOP postings each, in turn, each key's in page order: the codes
    above the key's TOPth best code, and of that code the last pages needed."""
    per_code = np.bincount(key_of * CODES + codes, minlength=len(lengths) * CODES).reshape(-1, CODES)
    at_least = np.cumsum(per_code[:, ::-1], axis=1)[:, ::-1]  # postings of this code or better
    cut = ((at_least >= TOP).sum(axis=1) - 1).astype(np.uint8)  # the code of each key's TOPth best posting
    above = np.append(at_least, np.zeros((len(lengths), 1), dtype=np.int64), axis=1)[np.arange(len(lengths)), cut + 1]
    wanted = (TOP - above).astype(np.int32)[key_of]  # of the cut code, the last this many pages
    cut = cut[key_of]
    on_cut = codes == cut
    seen = np.cumsum(on_cut, dtype=np.int32)
    starts = np.cumsum(lengths) - lengths
    before_key = (seen - on_cut)[starts]  # on-cut postings before each key's first
    after = (seen[starts + lengths - 1] - before_key)[key_of] - (seen - before_key[key_of])  # on-cut ones after it
    return (codes > cut) | (on_cut & (after < wanted))


def _bands(per_code: np.ndarray) -> np.ndarray:
    """For each key (a row of its rest's postings per code), each code's band: walking the codes
    from the best, a band is opened at the first, when the band holds BAND postings, and between
    about and body codes."""
    band_of = np.zeros(per_code.shape, dtype=np.int64)
    band = np.full(len(per_code), -1, dtype=np.int64)
    size = np.zeros(len(per_code), dtype=np.int64)
    about = np.zeros(len(per_code), dtype=bool)
    for code in range(CODES - 1, -1, -1):
        count = per_code[:, code]
        has = count > 0
        opens = has & ((band < 0) | (size >= BAND) | (about != (code >= 32)))
        band += opens
        size[opens] = 0
        about[opens] = code >= 32
        band_of[:, code] = band
        size += count
    return band_of


def _run_starts(lengths: np.ndarray) -> np.ndarray:
    """For runs of these lengths laid end to end, whether each place starts one."""
    starts = np.zeros(int(lengths.sum()), dtype=bool)
    starts[(np.cumsum(lengths) - lengths)[lengths > 0]] = True
    return starts


def _cut(text: bytes, offsets: np.ndarray, lengths: np.ndarray) -> list[str]:
    """encode_runs' text cut into runs of these many postings each."""
    at = offsets[np.concatenate(([0], np.cumsum(lengths)))].tolist()
    return [text[a:b].decode("ascii") for a, b in zip(at, at[1:])]


def _shard_sizes(sizes: dict[str, int], shards: int) -> dict[int, int]:
    found: dict[int, int] = {}
    for key, size in sizes.items():
        shard = shard_of(key, shards)
        found[shard] = found.get(shard, 0) + size
    return found


def _shard_count(size: int) -> int:
    shards = 1
    while size / shards > SHARD_BYTES:
        shards *= 2
    return shards


def _shard_files(entries: dict[str, list], blocks_of: dict[str, list[tuple[int, int, str]]], shards: int,
                 numbers: Iterable[int]) -> Iterator[tuple[str, str]]:
    """The dictionary and pack files of the shards `numbers`, from the entries of (at least) their keys."""
    by_shard: dict[int, list[str]] = {}
    for key in sorted(entries):
        by_shard.setdefault(shard_of(key, shards), []).append(key)
    for shard in numbers:  # every shard, empty or not: a reader asks for the one a key hashes to
        keys = by_shard.get(shard, [])
        packs: list[dict] = []
        pack_size = PACK_BYTES
        for key in keys:
            for index, (last, best, text) in enumerate(blocks_of.get(key, ())):
                if pack_size + len(text) > PACK_BYTES and pack_size:
                    packs.append({})
                    pack_size = 0
                held = packs[-1].setdefault(key, [index])
                held.append(text)
                pack_size += len(text) + len(key) * 3
                meta = [len(packs) - 1, last, best]
                if len(entries[key]) == 2:
                    entries[key].append([meta])
                elif entries[key][2] == 0:
                    entries[key][2] = [meta]
                else:
                    entries[key][2].append(meta)
        name = f"t/{shard:x}"
        yield f"{name}.js", _js(name, {key: _with_blocks_encoded(entries[key]) for key in keys})
        for n, pack in enumerate(packs):
            pack_name = f"p/{shard:x}-{n}"
            yield f"{pack_name}.js", _js(pack_name, pack)


def index_files(pages: list[IndexPage], names: dict[str, list[str]], load_doc,
                jobs: int | None = None, consume: bool = False,
                output: IndexOutput | None = None) -> tuple[dict[str, object], dict]:
    """Every file of the index by its path in `search/` (text or UTF-8; docs as a callable each,
    made only when written), and figures. `load_doc(page)`: what a result shows, for a page whose
    `doc` is None. The postings are grouped by partition of the key space in up to `jobs`
    processes (a power of two), each making the files of its shards. `consume`: the pages' keys
    are let go once in the table (page_table). `output`: where the processes write their shards'
    files themselves (Written, for write_index), not sending them here: a tenth of a gigabyte
    less in each process at 10,000 articles."""
    ids = number_pages(pages)
    named = name_keys(pages, ids, names)
    writers = min(jobs or default_jobs(), PARTS, max(1, len(pages) // MIN_PAGES_PER_WRITER))
    writers = 1 << (writers.bit_length() - 1)
    table, row_docs = page_table(pages, ids, consume)
    calls = [(table, row_docs, named, [p for p in range(PARTS) if p % writers == w], w, writers, output)
             for w in range(writers)]
    with in_lockstep(_writer, calls, jobs=writers) as advance:
        sized = advance()
        shards = _shard_count(sum(s for s, _ in sized))
        made = advance(shards)
    files: dict[str, object] = {}
    shard_sizes: dict[int, int] = {}
    if shards % writers:  # a shard holds keys of several writers: made here from all their entries
        entries, blocks_of, sizes = {}, {}, {}
        for part_entries, part_blocks, part_sizes in made:
            entries.update(part_entries)
            blocks_of.update(part_blocks)
            sizes.update(part_sizes)
        files.update(_shard_files(entries, blocks_of, shards, range(shards)))
        shard_sizes = _shard_sizes(sizes, shards)
    else:
        for part_files, part_sizes in made:
            files.update(part_files)
            shard_sizes.update(part_sizes)
    for page, doc in zip(pages, ids):
        files[f"d/{doc}.js"] = _DocFile(page, doc, load_doc)
    articles = sum(1 for p in pages if p.kind != "term")
    files["m.js"] = _js("m", {"format": FORMAT, "pages": len(pages), "shards": shards, "top": TOP,
                              "articles": articles, "entryBase": ENTRY_BASE})
    files[ENGINE] = _ENGINE_SOURCE.read_text(encoding="utf-8")
    files[PLAIN_PAGE] = _PLAIN_SOURCE.read_text(encoding="utf-8")
    return files, {"pages": len(pages), "keys": sum(n for _, n in sized), "shards": shards,
                   "ids": dict(zip((p.path for p in pages), ids)),
                   "sizes": [shard_sizes.get(shard, 0) for shard in range(shards)]}


@dataclass
class _DocFile:
    page: IndexPage
    doc: int
    load_doc: object

    def text(self) -> str:
        data = self.page.doc if self.page.doc is not None else self.load_doc(self.page)
        name = f"d/{self.doc}"
        return _js(name, {"u": html_path(self.page.path), "k": data["kind"], "t": data["title"], "g": data["tags"],
                          "n": data["names"], "x": data["text"]})

    def stamp(self) -> str:
        """What the file was made from: the page's terms result and its id."""
        return f"{self.page.key} {self.doc} {self.page.path}"


def reader_digest() -> str:
    """Of the files the index ships beside its data (the engine, the plain page)."""
    return hashlib.sha256(_ENGINE_SOURCE.read_bytes() + b"\0" + _PLAIN_SOURCE.read_bytes()).hexdigest()


def index_unchanged(docs_dir: Path, inputs: str) -> bool:
    """Whether the index in the docs folder was written from these inputs and its files are there."""
    folder = Path(docs_dir) / INDEX_DIR
    try:
        then = json.loads((folder / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(then, dict) and then.get("format") == FORMAT and then.get("inputs") == inputs
            and all(os.path.exists(folder / rel) for rel in then.get("files", [])))


@dataclass(frozen=True)
class Written:
    """A file of the index that a writer process wrote itself (index_files' `output`)."""

    changed: bool


class IndexOutput:
    """The docs folder's index as the last build left it: its files are written again only where
    their bytes changed, and a file it did not have is written without reading (a cold build
    writes tens of thousands, each folder made once)."""

    def __init__(self, docs_dir: Path) -> None:
        self.folder = Path(docs_dir) / INDEX_DIR
        try:
            then = json.loads((self.folder / FILES).read_text(encoding="utf-8"))
            self.stamps = then.get("stamps", {}) if then.get("format") == FORMAT else {}
            self.listed = set(then.get("files", []))
        except (OSError, ValueError, AttributeError):
            self.stamps, self.listed = {}, set()
            if self.folder.exists():
                self.listed = {p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*") if p.is_file()} - {FILES}
        self.prefix = f"{self.folder}{os.sep}"  # page files are checked by a string path: one per page, most unchanged
        self._made: set[str] = set()  # folders made by this process

    def write(self, rel: str, data: bytes) -> bool:
        """Write a file of the index; whether its bytes changed."""
        if rel in self.listed:
            return write_bytes(self.folder / rel, data)
        parent = os.path.dirname(rel)
        if parent not in self._made:
            os.makedirs(self.prefix + parent, exist_ok=True)
            self._made.add(parent)
        with open(self.prefix + rel, "wb") as out:
            out.write(data)
        return True


def write_index(docs_dir: Path, files: dict[str, object], inputs: str = "", kept: Iterable[str] = (),
                state: dict | None = None, output: IndexOutput | None = None) -> dict:
    """Write the files whose bytes changed (a page's file: when it was made from another result or
    id), remove those of the last index that this one lacks (`kept`: files of it left as they are);
    figures of what was written. `state`: what a later build patches the index from (patch_index).
    `output`: the one index_files' processes wrote into (made before them, from the index as it was)."""
    output = output or IndexOutput(docs_dir)
    folder, stamps, listed = output.folder, output.stamps, output.listed
    record = folder / FILES
    written = 0
    new_stamps = {}
    for rel, content in sorted(files.items()):
        if isinstance(content, Written):
            written += content.changed
            continue
        if isinstance(content, _DocFile):
            stamp = content.stamp()
            new_stamps[rel] = stamp
            if stamps.get(rel) == stamp and os.path.exists(output.prefix + rel):
                continue
            content = content.text()
        written += output.write(rel, content if isinstance(content, bytes) else content.encode("utf-8"))
    names = set(files).union(kept)
    removed = 0
    for stale in sorted(listed - names):
        (folder / stale).unlink(missing_ok=True)
        removed += 1
    write_text(record, json.dumps({"format": FORMAT, "files": sorted(names), "stamps": new_stamps, "inputs": inputs,
                                   **(state or {})}, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    return {"written": written, "removed": removed, "files": len(names)}


# --- patching: one article changed ------------------------------------------------------------

PATCH_PAGES = 64  # more pages changed than this: the index is grouped again, not patched
PATCH_SHARDS = 0.25  # nor when their keys touch more than this share of the shards


def _page_codes(words: list[list[list]]) -> dict[str, int]:
    """A page's keys and their codes, from its words (the terms step's)."""
    return page_keys(words_counted(words))


def decode_postings(text: str) -> tuple[list[int], list[int]]:
    """Postings as postings.encode_runs writes them (one run) read back: pages and codes."""
    values = text.encode("ascii").translate(_CODE_BYTES)
    docs: list[int] = []
    codes: list[int] = []
    prev, i, n = -1, 0, len(values)
    while i < n:
        value, gap, shift = values[i], 0, 0
        while value >= 32:
            gap |= (value & 31) << shift
            shift += 5
            i += 1
            value = values[i]
        prev += (gap | (value << shift)) + 1
        docs.append(prev)
        codes.append(values[i + 1])
        i += 2
    return docs, codes


def _read_js(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(");")])


def _shard_postings(folder: Path, shard: int, packs: list[str]) -> dict[str, dict[int, int]] | None:
    """Each key of a written shard → its postings (page → code), from its dictionary entry's best
    postings and its blocks in the shard's packs; None when they do not add up."""
    try:
        entries = _read_js(folder / f"t/{shard:x}.js")
        postings = {key: dict(zip(*decode_postings(entry[1]))) for key, entry in entries.items()}
        for pack in packs:
            for key, (_, *texts) in _read_js(folder / pack).items():
                held = postings[key]
                for text in texts:
                    held.update(zip(*decode_postings(text)))
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None
    if any(len(postings[key]) != entry[0] for key, entry in entries.items()):
        return None
    return postings


def patch_index(docs_dir: Path, pages: list[IndexPage], names: dict[str, list[str]], load_doc, load_words,
                inputs: str, base: str) -> dict | None:
    """Write the index again where the pages whose terms changed since it was written change it,
    when their ids and everything else it was made from (`base`) are the same: the shards their
    old or new keys' postings are in, made from those shards' files as written, the same bytes a
    whole new index would have. None when it cannot be patched (then index_files, write_index).
    `load_words(terms key)`: a page's words, for one without them and the old version of each."""
    folder = Path(docs_dir) / INDEX_DIR
    try:
        record = json.loads((folder / FILES).read_text(encoding="utf-8"))
        shards, sizes, key_count = record["shards"], list(record["sizes"]), record["keys"]
        if record["format"] != FORMAT or record["base"] != base or len(sizes) != shards:
            return None
        then = {path: (int(doc), key) for key, doc, path in (s.split(" ", 2) for s in record["stamps"].values())}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    ids = number_pages(pages)
    if len(then) != len(pages) or any(then.get(p.path, (None,))[0] != doc for p, doc in zip(pages, ids)):
        return None  # pages added, removed or moved: every key's postings may shift
    changed = [(doc, page) for page, doc in zip(pages, ids) if then[page.path][1] != page.key]
    if len(changed) > PATCH_PAGES:
        return None
    diffs: dict[str, dict[int, int | None]] = defaultdict(dict)  # key → page → its new code (None: gone)
    try:
        for doc, page in changed:
            old = _page_codes(load_words(then[page.path][1]))
            new = _page_codes(page.words if page.words is not None else load_words(page.key))
            for key in old.keys() | new.keys():
                if old.get(key) != new.get(key):
                    diffs[key][doc] = new.get(key)
    except Exception:  # noqa: BLE001 - an old result no longer in the cache: grouped again instead
        return None
    touched = sorted({shard_of(key, shards) for key in diffs})
    if len(touched) > max(1, PATCH_SHARDS * shards):
        return None
    named = name_keys(pages, ids, names)
    files: dict[str, object] = {}
    packs_then: dict[int, list[str]] = defaultdict(list)
    for rel in record["files"]:
        if rel.startswith("p/"):
            packs_then[int(rel[2:rel.index("-")], 16)].append(rel)
    for shard in touched:
        held = _shard_postings(folder, shard, packs_then[shard])
        if held is None:
            return None
        key_count -= len(held)
        for key, changes in diffs.items():
            if shard_of(key, shards) == shard:
                found = held.setdefault(key, {})
                for doc, code in changes.items():
                    if code is None:
                        found.pop(doc, None)
                    else:
                        found[doc] = code
        postings = {}
        for key, found in held.items():
            if key in named:
                postings[key] = _name_postings(named[key][0])
            elif found:
                docs = sorted(found)
                postings[key] = (np.array(docs, dtype=np.int64),
                                 np.array(list(map(found.__getitem__, docs)), dtype=np.int64))
        key_count += len(postings)
        held_keys = sorted(postings)
        entries, blocks_of, key_sizes = _entries(
            held_keys, np.array([len(postings[key][0]) for key in held_keys], dtype=np.int64),
            np.concatenate([postings[key][0] for key in held_keys] or [np.zeros(0, dtype=np.int64)]),
            np.concatenate([postings[key][1] for key in held_keys] or [np.zeros(0, dtype=np.int64)]), named)
        sizes[shard] = sum(key_sizes.values())
        files.update(_shard_files(entries, blocks_of, shards, [shard]))
    if _shard_count(sum(sizes)) != shards:
        return None  # the index outgrew (or shrank from) its number of shards
    for page, doc in zip(pages, ids):
        files[f"d/{doc}.js"] = _DocFile(page, doc, load_doc)
    files["m.js"] = _js("m", {"format": FORMAT, "pages": len(pages), "shards": shards, "top": TOP,
                              "articles": sum(1 for p in pages if p.kind != "term"), "entryBase": ENTRY_BASE})
    files[ENGINE] = _ENGINE_SOURCE.read_text(encoding="utf-8")
    files[PLAIN_PAGE] = _PLAIN_SOURCE.read_text(encoding="utf-8")
    touched_set = set(touched)
    kept = [rel for rel in record["files"] if rel not in files and not (
        rel.startswith(("t/", "p/")) and int(rel[2:].split("-")[0].split(".")[0], 16) in touched_set)]
    figures = write_index(docs_dir, files, inputs, kept,
                          {"base": base, "shards": shards, "sizes": sizes, "keys": key_count})
    figures.update({"pages": len(pages), "keys": key_count, "shards": shards, "patched": len(changed),
                    "ids": dict(zip((p.path for p in pages), ids))})
    return figures
