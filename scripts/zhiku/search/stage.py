"""The search stage: each searchable page's terms (terms.TERMS, cached, on every core), then the
index files in the docs folder (index.py), written where their bytes changed."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from ..cache.step import Cache
from ..cache.version import code_version
from ..parallel import parallel_map
from ..write.files import PagesRecord
from .index import IndexPage, index_files, index_unchanged, patch_index, reader_digest, write_index
from .page_text import page_fields, searchable_markdown
from .terms import TERMS, LazySegmenter, RecordedPage, dictionary_digest, result_doc, terms_key


def record_version() -> str:
    return hashlib.sha256(f"{TERMS.version}".encode()).hexdigest()


def _fields_of(item: tuple[str, str | None, list[str] | None]) -> dict | None:
    path, text, page_names = item
    return page_fields(text if text is not None else Path(path).read_text(encoding="utf-8"), page_names)


def build_search_index(cache: Cache, docs_dir: Path, pages: dict[str, str | None], changed: set[str],
                       names: dict[str, list[str]], user_dictionary: Path | None, jobs: int | None = None) -> dict:
    """Index the searchable pages of `pages` (Markdown by docs path; None: unchanged, an article).
    A page not in `changed` whose terms were recorded last build (with this dictionary) is not read."""
    started = time.perf_counter()
    dictionary = dictionary_digest(user_dictionary)
    record = cache.journal(PagesRecord("search-pages", record_version()))
    prefix = f"{Path(docs_dir).resolve()}/"
    keys: dict[str, str] = {}
    todo: dict[str, dict] = {}
    to_read: list[tuple[str, str | None, list[str] | None]] = []
    for path, text in pages.items():
        if text is not None and not searchable_markdown(text):
            continue
        then = record.get(prefix + path)
        if path not in changed and then and then[0] == dictionary:
            keys[path] = then[1]
            continue
        to_read.append((path, text, names.get(path)))
    # Read and parsed on every core: the front matter's YAML and the lines' clean-up are a large
    # part of a cold build's search stage.
    read = parallel_map(_fields_of, [(prefix + path, text, page_names) for path, text, page_names in to_read],
                        jobs=jobs)
    for (path, _, _), fields in zip(to_read, read):
        if fields is None:
            continue
        todo[path] = fields
        keys[path] = terms_key(fields, dictionary)
        record.put(prefix + path, [dictionary, keys[path]])
    paths = sorted(keys)
    # The index is made from each page's terms (by their keys) and the rest, `base`: the glossary
    # names and the code. When none changed, the index written last time is this one; when only
    # some pages' terms did, it is patched where they touch it (index.patch_index).
    base = hashlib.sha256(json.dumps([sorted(names.items()), TERMS.version, code_version([index_files.__module__]),
                                      reader_digest()]).encode("utf-8")).hexdigest()
    inputs = hashlib.sha256(json.dumps([[(p, keys[p]) for p in paths], base]).encode("utf-8")).hexdigest()
    if index_unchanged(docs_dir, inputs):
        if todo:  # read this build (a new cache beside an index written without one): their terms kept
            TERMS.run(cache, list(todo.values()), [keys[p] for p in todo], context=LazySegmenter(user_dictionary), jobs=jobs)
        return {"pages": len(paths), "written": 0, "removed": 0, "unchanged": True,
                "seconds": {"terms": round(time.perf_counter() - started, 3), "index": 0}}
    items = [todo.get(path) or RecordedPage(prefix + path, tuple(names[path]) if path in names else None)
             for path in paths]
    results = TERMS.run(cache, items, [keys[p] for p in paths], context=LazySegmenter(user_dictionary), jobs=jobs)
    computed = set(TERMS.computed)
    # What a result shows is in the stored result too, read when its page file is written: not held
    # here meanwhile (a tenth of a gigabyte at 10,000 articles), unless nothing is stored.
    held_docs = cache.folder is None
    index_pages = []
    for i, (path, result) in enumerate(zip(paths, results)):
        kind, date = result["meta"]
        # A page's words are in its stored result, read only when the index is grouped again.
        fresh = i in computed
        doc = result_doc(todo[path]) if held_docs and fresh and path in todo else None
        index_pages.append(IndexPage(path, result["words"] if fresh else None, kind, date, doc, keys[path]))
    del results, items, todo
    terms_done = time.perf_counter()

    def load_doc(page: IndexPage) -> dict:
        return TERMS.load(cache, page.key)["doc"]

    def load_words(key: str) -> list:
        return TERMS.load(cache, key)["words"]

    figures = patch_index(docs_dir, index_pages, names, load_doc, load_words, inputs, base)
    if figures is None:
        for page in index_pages:
            if page.words is None:
                page.words = load_words(page.key)
        files, figures = index_files(index_pages, names, load_doc, jobs=jobs, consume=True)
        state = {"base": base, "shards": figures["shards"], "sizes": figures.pop("sizes"), "keys": figures["keys"]}
        figures.update(write_index(docs_dir, files, inputs, state=state))
    figures["computed"] = len(computed)
    figures["seconds"] = {"terms": round(terms_done - started, 3), "index": round(time.perf_counter() - terms_done, 3)}
    return figures
