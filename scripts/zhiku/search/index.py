"""The search index: JavaScript files in the docs folder's `search/` (MkDocs, or any engine that
copies a docs folder, publishes them as they are), each handing its data to a global function,
`zhikuSearch.load("t/3f", {...})`, so that a page loads them with `<script>` and a worker with
`importScripts`, over HTTP and from file:// alike. engine.js, copied beside them, reads them.

Files (bench/README.md, "Search", has the reasoning and the figures):
- `m.js`, the manifest: the format, the number of pages (for idf), the number of dictionary shards;
- `t/<shard>.js`, the dictionary: every key (semantics.py) whose first two characters hash to the
  shard, with its page count, its TOP best postings (by code, then the later page) and, for a key
  on more pages, where the rest is (encode_blocks): bands of codes (split_postings), each in
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
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..layout import html_path
from ..write.files import write_text
from .semantics import CODE_ALPHABET, NAME_KEY, canonical

INDEX_DIR = "search"
ENGINE = "zhiku-search.js"  # the reader, beside the data
FORMAT = 2
ENTRY_BASE = 1 << 24
TOP = 32
BLOCK = 1024
BAND = 256  # postings a band of codes takes at least (but the last of its kind)
BAND_START = 64  # added to the best code of a band's first block
PACK_BYTES = 8_000
SHARD_BYTES = 24_000
FILES = ".zhiku-index.json"  # what this index wrote last time (MkDocs passes over dot files)
_ENGINE_SOURCE = Path(__file__).with_name("engine.js")
PLAIN_PAGE = "index.html"  # search without a theme: plain.html, the example of another adapter
_PLAIN_SOURCE = Path(__file__).with_name("plain.html")
_CODE = {c: i for i, c in enumerate(CODE_ALPHABET)}
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


def encode_postings(docs: Iterable[int], codes: Iterable[int]) -> str:
    """Postings in page order: the gap to the previous page (less one), then the code."""
    out = []
    prev = -1
    varint, alphabet = _varint, CODE_ALPHABET
    for doc, code in zip(docs, codes):
        out.append(varint(doc - prev - 1))
        out.append(alphabet[code])
        prev = doc
    return "".join(out)


@dataclass
class IndexPage:
    """A searchable page as the index sees it: its Markdown path, its keys (the terms step's lines,
    each a key and its code's character) and its kind and date."""

    path: str
    keys: str
    kind: str
    date: str
    doc: dict | None = None  # what a result shows; None: unchanged, loaded only if its id moved
    key: str = ""  # of its terms-step result


def number_pages(pages: list[IndexPage]) -> list[int]:
    """Page ids: articles by date, then path; glossary entries by path, from ENTRY_BASE."""
    articles = sorted((p for p in pages if p.kind != "term"), key=lambda p: (p.date, p.path))
    entries = sorted((p for p in pages if p.kind == "term"), key=lambda p: p.path)
    ids = {p.path: i for i, p in enumerate(articles)}
    ids.update({p.path: ENTRY_BASE + i for i, p in enumerate(entries)})
    return [ids[p.path] for p in pages]


def collect(pages: list[IndexPage], ids: list[int]) -> dict[str, tuple[array, bytearray]]:
    """Each key's pages (ascending) and codes."""
    postings: dict[str, tuple[array, bytearray]] = {}
    get = postings.get
    code_of = _CODE
    for doc, page in sorted(zip(ids, pages), key=lambda pair: pair[0]):
        if not page.keys:
            continue
        for line in page.keys.split("\n"):
            key = line[:-1]
            found = get(key)
            if found is None:
                found = postings[key] = (array("I"), bytearray())
            found[0].append(doc)
            found[1].append(code_of[line[-1]])
    return postings


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


def split_postings(docs: array, codes: bytearray) -> tuple[str, list[tuple[int, int, str]]]:
    """(the top postings, encoded; the rest's blocks as (last page, best code, encoded)).

    The rest is cut by code into bands (the best codes first; about and body codes never share one;
    a band takes codes until it holds BAND postings), each band in page order and in blocks of up to
    BLOCK: a reader that finds a page in no loaded block of a band knows its code is below that
    band's, so a loose bound is a band's, not the whole key's. A band's first block has BAND_START
    added to its best code."""
    n = len(docs)
    if n <= TOP:
        return encode_postings(docs, codes), []
    # Best code first; among equal codes the later page (stable sort over the reversed order).
    order = sorted(range(n - 1, -1, -1), key=codes.__getitem__, reverse=True)
    top = sorted(order[:TOP])
    chosen = set(top)
    per_code = Counter(codes)
    per_code.subtract(codes[i] for i in top)
    band_of = bytearray(BAND_START)
    sizes: list[int] = []  # postings in each band
    about = None
    for code in sorted((c for c, k in per_code.items() if k), reverse=True):
        if not sizes or sizes[-1] >= BAND or (code >= 32) != about:
            sizes.append(0)
            about = code >= 32
        band_of[code] = len(sizes) - 1
        sizes[-1] += per_code[code]
    if len(sizes) == 1:
        rest = [i for i in range(n) if i not in chosen]
    else:  # by band, in page order within one (a stable sort); the best pages last, cut off
        band_seq = bytearray(codes.translate(bytes(band_of) + bytes(256 - BAND_START)))
        for i in top:
            band_seq[i] = 255
        rest = sorted(range(n), key=band_seq.__getitem__)[:n - TOP]
    blocks = []
    start = 0
    for size in sizes:
        for at in range(start, start + size, BLOCK):
            part = rest[at:min(at + BLOCK, start + size)]
            block_docs = [docs[i] for i in part]
            block_codes = [codes[i] for i in part]
            blocks.append((block_docs[-1], max(block_codes) + BAND_START * (at == start),
                           encode_postings(block_docs, block_codes)))
        start += size
    return encode_postings([docs[i] for i in top], [codes[i] for i in top]), blocks


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


def index_files(pages: list[IndexPage], names: dict[str, list[str]], load_doc) -> tuple[dict[str, str], dict]:
    """Every file of the index by its path in `search/` (docs as a callable each, made only when
    written), and figures. `load_doc(page)`: what a result shows, for a page whose `doc` is None."""
    ids = number_pages(pages)
    postings = collect(pages, ids)
    named = {}
    for key, (docs, entry_names) in name_keys(pages, ids, names).items():
        postings[key] = (array("I", sorted(docs)), bytearray([32 + 31] * len(docs)))
        named[key] = entry_names
    entries: dict[str, list] = {}
    blocks_of: dict[str, list[tuple[int, int, str]]] = {}
    size = 0
    for key in sorted(postings):
        docs, codes = postings.pop(key)
        # A name's entries are all in its entry: the reader gives each of them the name's bonus.
        top, blocks = (encode_postings(docs, codes), []) if key in named else split_postings(docs, codes)
        entry = [len(docs), top]
        if key in named:
            entry += [0, named[key]]
        entries[key] = entry
        if blocks:
            blocks_of[key] = blocks
        size += len(key) * 3 + len(top) + 8 + 12 * len(blocks)
    shards = 1
    while size / shards > SHARD_BYTES:
        shards *= 2
    by_shard: dict[int, list[str]] = {}
    for key in entries:  # sorted
        by_shard.setdefault(shard_of(key, shards), []).append(key)
    files: dict[str, object] = {}
    for shard in range(shards):  # every shard, empty or not: a reader asks for the one a key hashes to
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
        files[f"{name}.js"] = _js(name, {key: _with_blocks_encoded(entries[key]) for key in keys})
        for n, pack in enumerate(packs):
            pack_name = f"p/{shard:x}-{n}"
            files[f"{pack_name}.js"] = _js(pack_name, pack)
    for page, doc in zip(pages, ids):
        files[f"d/{doc}.js"] = _DocFile(page, doc, load_doc)
    articles = sum(1 for p in pages if p.kind != "term")
    files["m.js"] = _js("m", {"format": FORMAT, "pages": len(pages), "shards": shards, "top": TOP,
                              "articles": articles, "entryBase": ENTRY_BASE})
    files[ENGINE] = _ENGINE_SOURCE.read_text(encoding="utf-8")
    files[PLAIN_PAGE] = _PLAIN_SOURCE.read_text(encoding="utf-8")
    return files, {"pages": len(pages), "keys": len(entries), "shards": shards, "ids": dict(zip((p.path for p in pages), ids))}


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


def write_index(docs_dir: Path, files: dict[str, object], inputs: str = "") -> dict:
    """Write the files whose bytes changed (a page's file: when it was made from another result or
    id), remove those of the last index that this one lacks; figures of what was written."""
    folder = Path(docs_dir) / INDEX_DIR
    record = folder / FILES
    try:
        then = json.loads(record.read_text(encoding="utf-8"))
        stamps = then.get("stamps", {}) if then.get("format") == FORMAT else {}
        listed = set(then.get("files", []))
    except (OSError, ValueError, AttributeError):
        stamps, listed = {}, set()
        if folder.exists():
            listed = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {FILES}
    written = 0
    new_stamps = {}
    for rel, content in sorted(files.items()):
        path = folder / rel
        if isinstance(content, _DocFile):
            stamp = content.stamp()
            new_stamps[rel] = stamp
            if stamps.get(rel) == stamp and os.path.exists(path):
                continue
            content = content.text()
        written += write_text(path, content)
    removed = 0
    for stale in sorted(listed - set(files)):
        (folder / stale).unlink(missing_ok=True)
        removed += 1
    write_text(record, json.dumps({"format": FORMAT, "files": sorted(files), "stamps": new_stamps, "inputs": inputs},
                                  ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    return {"written": written, "removed": removed, "files": len(files)}
