"""Ingest: every page of an input folder as an Article, or one report line saying why it is not.

Per page: size limit, read, decode, extract by format (extract/page.py); per site: exact duplicates
(published once) and articles sharing a title (both published). Two cached steps: the file's hash,
by path, size and mtime (an unchanged file is not even read), and the extraction, by content.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..cache.step import Cache, Step
from ..cache.sums import SiteSum
from ..extract.entry import article_from_entry
from ..extract.facts import facts_of
from ..extract.page import PageFile, WithoutChrome, extraction, holds_for
from ..extract.template import repeated, sum_part
from ..model import Article
from ..profile import SourceProfile, fingerprint
from .files import MAX_PAGE_BYTES, file_hash, page_format, read_bytes, readable, walk_pages
from .problems import Problem, problem_kind, published


def _read_page_file(file: PageFile | WithoutChrome, cache: Cache) -> tuple[PageFile, bytes | OSError | dict]:
    if isinstance(file, WithoutChrome):  # the page's extraction, to remove its site's chrome from
        return file, file.entry if file.entry is not None and "body" in file.entry else EXTRACT.load(cache, file.base)
    return file, read_bytes(file.path)


HASH = Step("file-hashes", file_hash, prepare=read_bytes, valid=readable)
EXTRACT = Step("extractions", extraction,
               head=("article", "encoding", "text_sha256", "file_time", "error", "template"),
               prepare=_read_page_file, valid=holds_for)
# Per site: its pages, and the pages each candidate block is on (template detection, extract/template.py).
SITE_BLOCKS = SiteSum("site-blocks", EXTRACT, sum_part)


@dataclass
class Ingest:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    pages_read: int = 0  # input files found
    extracted: list[str] = field(default_factory=list)  # pages extracted this run (cache misses)
    cached: int = 0  # pages whose extraction came from the cache
    formats: dict[str, tuple[str, str]] = field(default_factory=dict)  # input → (format, encoding)

    @property
    def errors(self) -> list[str]:
        return [p.line() for p in self.problems]


def read_input(input_dir: Path, profile: SourceProfile, cache: Cache | None = None, *,
               max_bytes: int = MAX_PAGE_BYTES, progress: Callable[[int, int], None] | None = None,
               jobs: int | None = None) -> Ingest:
    """Every page under `input_dir`; bad pages become Problems, never exceptions. Articles of pages
    extracted this run have their bodies; the others come without (with_body reads one)."""
    cache = cache or Cache(None)
    result = Ingest()
    pages = walk_pages(input_dir)
    result.pages_read = len(pages)
    outcome: dict[str, Problem | PageFile] = {}
    to_hash: list[tuple[str, Path, int, int, float]] = []  # (rel, path, size, mtime_ns, mtime)
    for rel, path, stat in pages:
        try:
            stat = stat or path.stat()
        except OSError as exc:
            outcome[rel] = Problem(rel, "unreadable", f"cannot read: {exc.strerror or exc}")
            continue
        if max_bytes and stat.st_size > max_bytes:
            outcome[rel] = Problem(rel, "too-large", f"{stat.st_size:,} bytes, over the page size limit of "
                                   f"{max_bytes:,} bytes (--max-page-mb)")
            continue
        to_hash.append((rel, path, stat.st_size, stat.st_mtime_ns, stat.st_mtime))
    hashes = HASH.run(cache, [path for _, path, *_ in to_hash],
                      [HASH.key(rel, str(size), str(mtime_ns)) for rel, _, size, mtime_ns, _ in to_hash], jobs=jobs)
    for (rel, path, _, _, mtime), found in zip(to_hash, hashes):
        outcome[rel] = (Problem(rel, "unreadable", found["error"]) if "error" in found
                        else PageFile(path, rel, page_format(rel), found["sha256"], mtime))
    files = [f for f in outcome.values() if isinstance(f, PageFile)]
    salt = fingerprint(profile)
    keys = {f.rel: EXTRACT.key(salt, f.format, f.sha256) for f in files}
    entries = dict(zip((f.rel for f in files), EXTRACT.run(cache, files, [keys[f.rel] for f in files],
                                                            context=profile, jobs=jobs, progress=progress)))
    result.cached = EXTRACT.hits
    computed = {files[i].rel for i in EXTRACT.computed}
    first_by_text: dict[str, str] = {}
    for rel, _, _ in pages:
        found = outcome[rel]
        if isinstance(found, Problem):
            result.problems.append(found)
            continue
        entry = entries[rel]
        if rel in computed:
            result.extracted.append(rel)
        if "error" in entry:
            result.problems.append(Problem(rel, entry["error"]["kind"], entry["error"]["detail"]))
            continue
        article = article_from_entry(entry["article"], entry.get("body"))
        article.source_path, article.sha256 = rel, found.sha256  # the same bytes may sit at another path
        article.content_key = keys[rel]
        result.formats[rel] = (found.format, entry["encoding"])
        if (first := first_by_text.setdefault(entry["text_sha256"], rel)) != rel:
            result.problems.append(Problem(rel, "duplicate", f"exact duplicate of {first}", other=first))
            continue
        bad = next((p for p in article.problems if not published(problem_kind(p))), None)
        if article.title and bad is None:
            result.problems.extend(Problem(rel, problem_kind(p), p) for p in article.problems)
            result.articles.append(article)
        else:  # not published (no title; an HTML page with no body, a login wall, a list of links): the reason
            message = bad or (article.problems[0] if article.problems else "no title")
            kind = problem_kind(message)
            result.problems.append(Problem(rel, kind if kind != "other" else "no-title", message))
    _remove_site_chrome(result, entries, {f.rel: f for f in files}, keys, salt, cache, profile, jobs)
    by_title: dict[str, str] = {}
    for article in result.articles:
        first = by_title.setdefault(article.title, article.source_path)
        if first != article.source_path:
            result.problems.append(Problem(article.source_path, "same-title",
                                           f"same title as {first}; both published, at distinct URLs", other=first))
    return result


def _remove_site_chrome(result: Ingest, entries: dict, files: dict[str, PageFile], keys: dict[str, str], salt: str,
                        cache: Cache, profile: SourceProfile, jobs: int | None) -> None:
    """Template detection: each published page's blocks that repeat across its site's pages are
    removed, its article replaced by the extraction without them (a cached step's result too, keyed
    by the page's extraction and the blocks removed, so that later stages' keys change with it)."""
    rules = profile.html
    pages = [(i, a) for i, a in enumerate(result.articles) if entries[a.source_path].get("template")]
    if not pages:
        return
    total = SITE_BLOCKS.total(cache, [keys[a.source_path] for _, a in pages], [entries[a.source_path] for _, a in pages])
    cuts = []
    for i, article in pages:
        found = repeated(entries[article.source_path]["template"], total, rules.template_min_pages,
                         rules.template_min_share)
        if found:
            cuts.append((i, article, found))
    if not cuts:
        return
    items = [WithoutChrome(files[a.source_path], keys[a.source_path], tuple(sorted(found)), entries[a.source_path])
             for _, a, found in cuts]
    cut_keys = [EXTRACT.key(salt, item.file.format, item.file.sha256, "without", *item.removed) for item in items]
    for (i, old, found), entry, key in zip(cuts, EXTRACT.run(cache, items, cut_keys, context=profile, jobs=jobs),
                                           cut_keys):
        article = article_from_entry(entry["article"], entry.get("body"))
        article.source_path, article.sha256, article.content_key = old.source_path, old.sha256, key
        article.chrome_repeats = dict(sorted(found.items()))
        result.articles[i] = article


def with_body(article: Article, cache: Cache) -> Article:
    """The article with its body: as it is when it has one, else read from its stored extraction.
    (A cached step's `prepare`, run in the worker that needs the body.)"""
    if article.has_body:
        return article
    whole = stored_article(cache, article.content_key)
    return Article(**{**vars(article), "blocks": whole.blocks, "dropped": whole.dropped, "facts": whole.facts})


def stored_article(cache: Cache, key: str) -> Article:
    """The whole article stored under an extraction key (CacheDamaged if it is gone)."""
    entry = EXTRACT.load(cache, key)
    return article_from_entry(entry["article"], entry["body"])


def content_identity(article: Article) -> str:
    """What names an article's content in later stages' keys: its extraction key when it was read
    from a page (no need to read the body to know it), else a hash of its blocks (made in code)."""
    if article.content_key:
        return article.content_key
    digest = hashlib.sha256()
    for block in article.blocks:
        digest.update(f"{block.kind}\0{block.text}\0".encode("utf-8"))
    return f"blocks:{digest.hexdigest()}"


def extraction_results(articles: list[Article]) -> list[dict | None]:
    """The articles' EXTRACT results as site sums over them read them: the counts of the text of
    those with a body (facts.py), None for the others (read from the cache if needed)."""
    return [{"body": {"latin_words": facts_of(a).latin_words, "latin_names": facts_of(a).latin_names}}
            if a.has_body else None for a in articles]
