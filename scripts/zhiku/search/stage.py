"""The search stage: each searchable page's terms (terms.TERMS, cached, read, parsed and cut on
every core), then the index files in the docs folder (index.py), written where their bytes changed."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from ..cache.lock import cache_lock
from ..cache.step import Cache
from ..cache.version import code_version
from ..parallel import peak_memory_mb
from ..write.files import PagesRecord, written_files
from .dictionary import read_names, user_dictionary_path
from .index import IndexOutput, IndexPage, index_files, index_unchanged, patch_index, reader_digest, write_index
from .page_text import searchable_markdown
from .terms import TERMS, LazySegmenter, PageSource, dictionary_digest, terms_key


def record_version() -> str:
    return hashlib.sha256(f"{TERMS.version}".encode()).hexdigest()


def build_search_index(cache: Cache, docs_dir: Path, pages: dict[str, str | None], changed: set[str],
                       names: dict[str, list[str]], user_dictionary: Path | None, jobs: int | None = None) -> dict:
    """Index the searchable pages of `pages` (Markdown by docs path; None: to be read from the docs
    folder, if needed). A page not in `changed` whose terms were recorded last build (with this
    dictionary) is not read."""
    started = time.perf_counter()
    dictionary = dictionary_digest(user_dictionary)
    record = cache.journal(PagesRecord("search-pages", record_version()))
    prefix = f"{Path(docs_dir).resolve()}/"
    keys: dict[str, str] = {}
    sources: dict[str, PageSource] = {}
    keyed: list[str] = []  # the pages keyed from their Markdown this build
    for path, text in pages.items():
        if text is not None and not searchable_markdown(text):
            continue
        page_names = names.get(path)
        sources[path] = source = PageSource(prefix + path, tuple(page_names) if page_names is not None else None, text)
        then = record.get(prefix + path)
        if path not in changed and then and then[0] == dictionary:
            keys[path] = then[1]
            continue
        # The bytes are hashed here; the page is parsed only by the worker that cuts it.
        if text is not None:
            markdown = text.encode("utf-8")
        else:
            markdown = Path(source.path).read_bytes()
            if not searchable_markdown(markdown.decode("utf-8")):
                del sources[path]
                continue
        keys[path] = terms_key(markdown, source.names, dictionary)
        record.put(prefix + path, [dictionary, keys[path]])
        keyed.append(path)
    paths = sorted(keys)
    # The index is made from each page's terms (by their keys) and the rest, `base`: the glossary
    # names and the code. When none changed, the index written last time is this one; when only
    # some pages' terms did, it is patched where they touch it (index.patch_index).
    base = hashlib.sha256(json.dumps([sorted(names.items()), TERMS.version, code_version([index_files.__module__]),
                                      reader_digest()]).encode("utf-8")).hexdigest()
    inputs = hashlib.sha256(json.dumps([[(p, keys[p]) for p in paths], base]).encode("utf-8")).hexdigest()
    if index_unchanged(docs_dir, inputs):
        if keyed:  # keyed this build (a new cache beside an index written without one): their terms kept
            TERMS.run(cache, [sources[p] for p in keyed], [keys[p] for p in keyed],
                      context=LazySegmenter(user_dictionary), jobs=jobs)
        return {"pages": len(paths), "written": 0, "removed": 0, "unchanged": True,
                "seconds": {"terms": round(time.perf_counter() - started, 3), "index": 0}}
    results = TERMS.run(cache, [sources[p] for p in paths], [keys[p] for p in paths],
                        context=LazySegmenter(user_dictionary), jobs=jobs)
    computed = set(TERMS.computed)
    # What a result shows is in the stored result too, read when its page file is written: not held
    # here meanwhile (a tenth of a gigabyte at 10,000 articles), unless nothing is stored (then the
    # whole result came back).
    held_docs = cache.folder is None
    index_pages = []
    for i, (path, result) in enumerate(zip(paths, results)):
        kind, date = result["meta"]
        # A page's words are in its stored result, read only when the index is grouped again.
        fresh = i in computed
        doc = result["doc"] if held_docs else None
        index_pages.append(IndexPage(path, result["words"] if fresh else None, kind, date, doc, keys[path]))
    del results, sources
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
        output = IndexOutput(docs_dir)
        files, figures = index_files(index_pages, names, load_doc, jobs=jobs, consume=True, output=output)
        state = {"base": base, "shards": figures["shards"], "sizes": figures.pop("sizes"), "keys": figures["keys"]}
        figures.update(write_index(docs_dir, files, inputs, state=state, output=output))
    figures["computed"] = len(computed)
    figures["seconds"] = {"terms": round(terms_done - started, 3), "index": round(time.perf_counter() - terms_done, 3)}
    return figures


def index_docs_folder(docs_dir: Path, cache_dir: Path | None, changed: list[str], jobs: int | None = None) -> dict:
    """The search stage over a docs folder as the pipeline left it (its manifest, names and user
    dictionary), run on its own: build.py runs it beside MkDocs, on the core MkDocs leaves idle.
    `changed`: the pages written this build. Figures, as build_search_index gives them, with the
    wall time and this process's peak memory."""
    started = time.perf_counter()
    with cache_lock(cache_dir):
        cache = Cache(cache_dir)
        pages = {rel: None for rel in sorted(written_files(docs_dir)) if rel.endswith(".md")}
        figures = build_search_index(cache, docs_dir, pages, set(changed), read_names(docs_dir),
                                     user_dictionary_path(docs_dir), jobs)
        cache.save()
    # Not the pages' ids (thousands): a result larger than a pipe holds will keep this process,
    # and its memory, until the caller reads it.
    figures.pop("ids", None)
    return {**figures, "wall": time.perf_counter() - started, "peak_mb": peak_memory_mb()}
