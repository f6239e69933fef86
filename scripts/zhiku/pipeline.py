"""The pipeline: read → clean → extract → glossary → link → write → pictures → search, in order;
publish is build.py's. Each stage's work is in its package; here is only the order, the cache the
stages share, and what runs on the other core meanwhile."""
from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache.lock import cache_lock
from .cache.step import Cache
from .cache.version import code_version
from .glossary.curated import load_curated
from .glossary.discover import Candidate, discover_terms
from .glossary.pinyin import learn
from .glossary.terms import SPELLINGS, build_glossary
from .layout import HOME_PAGE, SiteConfig, article_page, term_page
from .link.site import LINK, SiteLinks, TermUse, link_site, term_snippets
from .model import Article, Term
from .parallel import in_background, peak_memory_mb
from .pictures.draw import draw_pictures
from .pictures.trends import articles_figure
from .profile import SourceProfile, default_profile
from .publish.mkdocs_build import read_site_config
from .read.files import MAX_PAGE_BYTES
from .read.ingest import Ingest, content_identity, extraction_results, read_input
from .report import build_report, link_report
from .search.dictionary import search_words, user_dictionary_path, write_search_files
from .search.stage import build_search_index
from .write.article_page import assign_slugs, render_article, render_fingerprint
from .write.feeds import feed_files
from .write.files import DocsFolder, PagesRecord, write_bytes
from .write.glossary_pages import glossary_pages, shown_mentions
from .write.index_pages import render_article_index, render_home, tags_page


@dataclass
class PipelineResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: file and problem
    written: int = 0
    terms: list[Term] = field(default_factory=list)
    uses: dict[str, TermUse] = field(default_factory=dict)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    ingest: Ingest | None = None  # pages read, bad pages (problems), cache use
    stages: list[tuple[str, float, float]] = field(default_factory=list)  # (stage, seconds, peak MB)
    relinked: list[str] = field(default_factory=list)  # articles linked this run, not taken from the cache
    search: dict = field(default_factory=dict)  # the search index's figures (search/stage.py)
    changed: list[str] = field(default_factory=list)  # the docs folder's pages written this run

    @property
    def links(self) -> int:
        return sum(use.links for use in self.uses.values())


class Stages:
    """Wall time and peak memory (this process and its workers) at the end of each stage."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []  # (stage, seconds, peak RSS in MB so far)

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        yield
        self.rows.append((name, time.perf_counter() - started, peak_memory_mb()))


@contextmanager
def collector_paused():
    """A build makes millions of small objects and next to no reference cycles: Python's cyclic
    collector scanning them again and again would be a large part of a build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Everything made meanwhile is still in the youngest generation, which the next collection
        # would scan whole: freeze and unfreeze moves it to the oldest generation, collected as
        # usual, without a scan.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, **options) -> PipelineResult:
    """read → … → search (options: _run_pipeline's; `index=False`: the search stage is left to the
    caller, search.stage.index_docs_folder). One build at a time per cache folder."""
    with cache_lock(options.get("cache_dir")), collector_paused():
        return _run_pipeline(input_dir, docs_dir, report_file, **options)


def _run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, *, site: SiteConfig | None = None,
                  glossary_file: Path | None = None, profile: SourceProfile | None = None,
                  cache_dir: Path | None = None, max_bytes: int = MAX_PAGE_BYTES, progress=None,
                  jobs: int | None = None, index: bool = True) -> PipelineResult:
    profile = profile or default_profile()
    site = site or read_site_config()
    cache = Cache(cache_dir)
    stages = Stages()
    with stages.stage("read and clean"):
        ingest = read_input(input_dir, profile, cache, max_bytes=max_bytes, progress=progress, jobs=jobs)
        articles, errors = ingest.articles, ingest.errors
        learn(cache, (a.title for a in articles), jobs)
        assign_slugs(articles)
    with stages.stage("glossary"):
        curated, curated_errors = load_curated(glossary_file) if glossary_file else ([], [])
        written = SPELLINGS.total(cache, [content_identity(a) for a in articles], extraction_results(articles))
        glossary = build_glossary(articles, curated, written, lambda names: learn(cache, names, jobs))
        errors += curated_errors
    terms = glossary.terms
    with stages.stage("linking"):
        links = link_site(cache, articles, terms, jobs)
    with stages.stage("writing Markdown"), in_background(
            discovery_side, cache, articles, terms, os.getpid(), jobs, jobs=jobs) as discovered:
        docs = DocsFolder(docs_dir, cache.journal(PagesRecord("article-pages", render_version())))
        pages, fingerprints = article_pages(cache, articles, links, docs)
        pages.update(render_article_index(articles, articles_figure(articles)))
        write_bytes(report_file, build_report(cache, ingest, articles, curated_errors, terms=len(terms),
                                             links=sum(use.links for use in links.uses.values()), jobs=1))
        docs.write(pages, fingerprints)  # the article pages and the report (one process), while the other side works
        other_pages, candidates = glossary_side(cache, terms, links, articles, site, discovered)
        write_bytes(report_file.with_name("links.json"),
                    link_report(terms, links.uses, links.matcher.ambiguous, glossary.problems, candidates))
        docs.write(other_pages)
        pages.update(other_pages)
        docs.finish(set(pages))
        term_names = {term_page(t.slug): t.all_names for t in terms}
        write_search_files(docs_dir, search_words((n for t in terms for n in t.all_names), [c.name for c in candidates]),
                           term_names)
    search = {}
    if index:
        with stages.stage("search index"):
            # Only pages whose Markdown changed are read again, unless jieba's dictionary changed.
            search = build_search_index(cache, docs_dir, pages, set(docs.changed), term_names,
                                        user_dictionary_path(docs_dir), jobs)
    cache.save()  # the journals glossary_side used in another process were saved there
    return PipelineResult(articles, errors, len(docs.changed), terms, links.uses, links.matcher.ambiguous, ingest,
                          stages.rows, links.relinked, search, list(docs.changed))


def render_version() -> str:
    """The version of the code that renders an article page (the article pages' record's)."""
    return code_version([render_article.__module__])


def article_pages(cache: Cache, articles: list[Article], links: SiteLinks,
                  docs: DocsFolder) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each article's Markdown by path, None for a page found unchanged in the docs folder, and the
    fingerprint of each. A one-page change renders one page (and those listing it as related)."""
    version = render_version()
    pages: dict[str, str | None] = {}
    fingerprints: dict[str, str] = {}
    for article, result in zip(articles, links.results):
        rel = article_page(article.slug)
        fingerprints[rel] = fingerprint = render_fingerprint(article, version)
        if docs.unchanged(rel, fingerprint):
            pages[rel] = None
            continue
        article.linked_blocks = result.blocks if result.blocks is not None else LINK.load(cache, result.key)["blocks"]
        pages[rel] = render_article(article)
        article.linked_blocks = None  # rendered: not kept while the rest of the site is
    return pages, fingerprints


def discovery_side(cache: Cache, articles: list[Article], terms: list[Term], parent: int,
                   jobs: int | None) -> list[Candidate]:
    """Term discovery's candidates. It needs neither the article pages nor the glossary's, so it runs
    on the other core meanwhile (parallel.in_background); in another process, it saves the journals
    it used there."""
    forked = os.getpid() != parent
    if forked:
        cache.forget_touched()
    candidates = discover_terms(cache, articles, terms, jobs=jobs)
    if forked:
        cache.save()
    return candidates


def glossary_side(cache: Cache, terms: list[Term], links: SiteLinks, articles: list[Article], site: SiteConfig,
                  discovered: Callable[[], list[Candidate]]) -> tuple[dict[str, str], list[Candidate]]:
    """The pages that show the terms' uses (glossary, pictures, the home page's rising terms) and the
    feeds; `discovered` waits for the candidates, wanted by the glossary's pages only, last."""
    pictures = draw_pictures(terms, links.uses, articles)
    feeds = feed_files(articles, site.url, site.name)
    pages = {HOME_PAGE: render_home(articles, site.name, pictures.home, sorted(feeds)), **pictures.pages,
             **feeds, **tags_page()}
    shown = shown_mentions(links.uses)
    snippets = term_snippets(cache, {a.slug: r for a, r in zip(articles, links.results)},
                             {name: [slug for slug, _ in listed] for name, listed in shown.items()})
    candidates = discovered()
    pages.update(glossary_pages(terms, links.uses, {a.slug: a.title for a in articles}, snippets, links.matcher,
                                candidates, pictures.entries, shown))
    return pages, candidates
