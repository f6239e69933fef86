"""The pipeline: read → clean → extract → glossary → link → write; publish is called by build.py."""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import resource
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from .curated import load_curated
from .discover import Candidate, discover_terms
from .feeds import feed_files
from .glossary import build_glossary
from .glossary_pages import GLOSSARY_DIR, TermSnippets, TermUse, glossary_pages
from .link import TermMatcher, link_all
from .model import Article, Term
from .parallel import in_background
from .pinyin import memo_version
from .pictures import Pictures, draw_pictures
from .profile import SourceProfile, default_profile
from .cache import JsonStore, Memo, PageCache, cache_lock, cached_article, source_version
from .ingest import Ingest, read_input
from .sums import SiteSums
from .search import searchable_markdown, user_dictionary_path, write_search_files
from .segment import SUFFIX as SEGMENTS_SUFFIX, segments_folder, write_segments
from .read import MAX_PAGE_BYTES
from .report import build_report, dumps_by_line
from .trends import articles_figure
from .write import (ARTICLES_DIR, assign_slugs, front_matter, render_article, render_article_index,
                    render_home, write_bytes, write_text)

MANIFEST = ".zhiku-manifest.json"  # the files zhiku wrote last time, so stale ones can be removed safely


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

    @property
    def links(self) -> int:
        return sum(use.links for use in self.uses.values())


def read_articles(input_dir: Path, profile: SourceProfile, *, cache_dir: Path | None = None,
                  max_bytes: int = MAX_PAGE_BYTES, progress=None, jobs: int | None = None) -> Ingest:
    """Every page as an Article; a bad page becomes a Problem (ingest.py), extraction is cached (cache.py)."""
    return read_input(input_dir, profile, cache=PageCache(cache_dir, profile), max_bytes=max_bytes,
                      progress=progress, jobs=jobs)


class Stages:
    """Wall time and peak memory (this process and its workers) at the end of each stage."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []  # (stage, seconds, peak RSS in MB so far)

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        yield
        peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        self.rows.append((name, time.perf_counter() - started, peak_kb / 1024))


@dataclass
class StageCaches:
    """The caches of the stages after reading, under the cache folder; without one they keep nothing."""

    links: JsonStore  # article and glossary → linked body, counts, snippets
    link_counts: Memo  # the same key → counts and linked terms only
    link_snippets: Memo  # (key, term) → the snippets the glossary entries showed
    discovery: JsonStore  # the sample's TF-IDF
    chinese_counts: Memo  # (words sought, article) → mentions
    rendered: Memo  # article page → what it was rendered from (RenderedPages)
    not_in_body: Memo  # article → its report's not_in_body, as JSON text
    term_pairs: Memo  # the last build's co-occurrence counts (relate.related_terms_since)
    related_articles: Memo  # the articles' terms → related articles
    segments: JsonStore  # a page's Chinese runs and the user dictionary → their cuts (segment.py)
    sums: SiteSums  # the glossary's site-wide sums of the last build, and the articles they added up
    pinyin: Memo  # term name → its pinyin (pinyin.py)
    discovery_sums: SiteSums  # term discovery's sums: kept apart, as discovery may run in another process

    @classmethod
    def under(cls, folder: Path | None) -> StageCaches:
        former = functools.partial(cached_article, folder)
        sums = SiteSums(Memo(folder, "sums", source_version("sums.py", "glossary.py")), former)
        discovery_sums = SiteSums(Memo(folder, "discovery-sums", source_version("sums.py", "discover.py")), former)
        return cls(JsonStore(folder, "links"), Memo(folder, "link-counts", source_version("link.py")),
                   Memo(folder, "link-snippets", source_version("link.py")), JsonStore(folder, "discovery"),
                   Memo(folder, "chinese-counts", source_version("discover.py")),
                   Memo(folder, "rendered", source_version("pipeline.py", "write.py", "markdown.py")),
                   Memo(folder, "not-in-body", source_version("report.py")),
                   Memo(folder, "term-pairs", source_version("relate.py")),
                   Memo(folder, "related-articles", source_version("relate.py")), JsonStore(folder, "segments"),
                   sums, Memo(folder, "pinyin", memo_version()), discovery_sums)

    def save(self) -> None:
        for memo in (self.link_counts, self.link_snippets, self.chinese_counts, self.rendered, self.not_in_body,
                     self.term_pairs, self.related_articles, self.sums.memo, self.pinyin, self.discovery_sums.memo):
            memo.save()


def link_site(articles: list[Article], terms: list[Term], caches: StageCaches | None = None,
              jobs: int | None = None) -> tuple[TermMatcher, dict[str, TermUse], list[str]]:
    """Link every article to the glossary; gather how each term is used, and related articles and terms."""
    caches = caches or StageCaches.under(None)
    matcher = TermMatcher(terms)
    uses = {term.name: TermUse() for term in terms}
    results, computed = link_all(articles, matcher, f"../{GLOSSARY_DIR}/", caches.links, jobs, caches.link_counts,
                                 caches.link_snippets)
    results_by_slug = {a.slug: result for a, result in zip(articles, results)}
    mentions = {name: use.mentions for name, use in uses.items()}
    unlinked = Counter()
    for article, result in zip(articles, results):
        article.linked_blocks, article.linked_key = result.blocks, result.key
        article.terms = sorted(result.counts)
        slug = article.slug
        for name, count in result.counts.items():
            mentions[name][slug] = count
        unlinked.update(result.unlinked)
    for name, use in uses.items():
        use.links = len(use.mentions) - unlinked[name]  # the articles that mention it and link it
        use.snippets = TermSnippets(name, results_by_slug)
    by_slug = {a.slug: a for a in articles}
    for slug, related in _related_articles(articles, caches).items():
        by_slug[slug].related = [(other, by_slug[other].title, shared) for other, shared in related]
    for name, related in _related_terms(results, articles, caches).items():
        uses[name].related = related
    return matcher, uses, [articles[i].source_path for i in computed]


def _terms_by_slug(articles: list[Article]) -> dict[str, set[str]]:
    return {a.slug: set(a.terms) for a in articles}


def _related_articles(articles: list[Article], caches: StageCaches) -> dict:
    """Related articles, as the last build found them when no article's terms changed since."""
    from .relate import related_articles

    shown = "\n".join(f"{a.slug}\t{' '.join(a.terms)}" for a in sorted(articles, key=lambda a: a.slug))
    key = hashlib.sha256(shown.encode("utf-8")).hexdigest()
    related = caches.related_articles.get(key)
    if related is None:
        related = related_articles(_terms_by_slug(articles))
        caches.related_articles.put(key, related)
    return related


def _related_terms(results: list, articles: list[Article], caches: StageCaches) -> dict:
    """Related terms from the last build's pair counts, the articles gone taken away and the new added."""
    from .relate import related_terms, related_terms_since

    term_sets = {r.key: list(r.counts) for r in results}
    if len(term_sets) < len(results):  # two articles of the same body (made in code, not read): count all
        return related_terms(_terms_by_slug(articles))

    def terms_then(key: str) -> list[str] | None:
        counts = caches.link_counts.peek(key)
        return None if counts is None else list(counts["counts"])

    related, pair_state = related_terms_since(caches.term_pairs.get("state"), term_sets, terms_then)
    caches.term_pairs.put("state", pair_state)
    return related


class RenderedPages:
    """The article pages written last time: path → the fingerprint of what they show, and the size
    and mtime of the file then. A page whose fingerprint and file are unchanged is not rendered again."""

    def __init__(self, memo: Memo, docs_dir: Path) -> None:
        self.memo = memo
        self._folder = f"{Path(docs_dir).resolve()}/"  # the same cache may serve another docs folder
        self._noted: dict[str, str] = {}

    def unchanged(self, rel: str, fingerprint: str) -> bool:
        then = self.memo.get(self._folder + rel)
        if then is None or then[0] != fingerprint:
            return False
        try:
            stat = os.stat(self._folder + rel)
        except OSError:
            return False
        return then[1:] == [stat.st_size, stat.st_mtime_ns]

    def note(self, rel: str, fingerprint: str) -> None:
        self._noted[rel] = fingerprint

    def remember_written(self) -> None:
        """After the pages are written: their files' size and mtime now."""
        for rel, fingerprint in self._noted.items():
            stat = os.stat(self._folder + rel)
            self.memo.put(self._folder + rel, [fingerprint, stat.st_size, stat.st_mtime_ns])


def article_pages(articles: list[Article], rendered: RenderedPages | None = None) -> dict[str, str | None]:
    """Each article's Markdown by path; None for a page not rendered again (RenderedPages). An article
    page shows its front matter, its linked body (named by the link cache key) and its related
    articles, so a one-page change renders one page, not all."""
    pages: dict[str, str | None] = {}
    for article in articles:
        rel = f"{ARTICLES_DIR}/{article.slug}.md"
        fingerprint = render_fingerprint(article) if rendered is not None else None
        if fingerprint and rendered.unchanged(rel, fingerprint):
            pages[rel] = None
            continue
        pages[rel] = render_article(article)
        if fingerprint:
            rendered.note(rel, fingerprint)
    return pages


def render_fingerprint(article: Article) -> str | None:
    """What render_article reads, without reading the body: None when the body has no cache key."""
    if not article.linked_key:
        return None
    # The code that renders is the memo's version (StageCaches): another version, another memo.
    shown = [front_matter(article), article.linked_key, article.related]
    return hashlib.sha256(orjson.dumps(shown, default=str)).hexdigest()  # json's encoder: 3× slower


def home_pages(articles: list[Article], site_name: str, pictures: Pictures, feeds: dict[str, str]) -> dict[str, str]:
    """The home page, the pictures' pages, the feeds and the tags page."""
    pages = {"index.md": render_home(articles, site_name, pictures.home, sorted(feeds))}
    pages.update(pictures.pages)
    pages.update(feeds)
    pages["tags.md"] = "---\ntitle: 标签\n---\n\n# 标签\n\n<!-- material/tags -->\n"
    return pages


def glossary_side(terms: list[Term], uses: dict[str, TermUse], articles: list[Article], matcher: TermMatcher,
                  caches: StageCaches, site_name: str, site_url: str | None,
                  jobs: int | None) -> tuple[dict[str, str], list[Candidate]]:
    """Term discovery's candidates, and the pages that show the terms' uses (the glossary, the
    pictures, the home page's rising terms) and the feeds. None needs the article pages, so this runs
    on the other core meanwhile (parallel.in_background), and saves the caches it uses itself."""
    candidates = discover_terms(articles, terms, lambda: matcher.tokenizer, store=caches.discovery,
                                memo=caches.chinese_counts, jobs=jobs, sums=caches.discovery_sums)
    pictures = draw_pictures(terms, uses, articles, GLOSSARY_DIR)
    pages = home_pages(articles, site_name, pictures, feed_files(articles, site_url, site_name))
    pages.update(glossary_pages(terms, uses, articles, matcher, candidates, pictures.entries))
    for memo in (caches.chinese_counts, caches.discovery_sums.memo, caches.link_snippets):
        memo.save()
    return pages, candidates


def write_pages(docs_dir: Path, pages: dict[str, str | None]) -> list[str]:
    """Write the pages that changed, and say which. A page of text None is kept as it is."""
    return [rel for rel, text in sorted(pages.items()) if text is not None and write_text(docs_dir / rel, text)]


def remove_stale_pages(docs_dir: Path, pages: dict[str, str | None]) -> None:
    """Remove the pages an earlier run wrote that this run did not; `pages`: all this run made."""
    manifest = docs_dir / MANIFEST
    previous = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else []
    for stale in set(previous) - set(pages):
        (docs_dir / stale).unlink(missing_ok=True)
    write_text(manifest, json.dumps(sorted(pages), ensure_ascii=False, indent=0) + "\n")


@contextmanager
def collector_paused():
    """A build makes millions of small objects and next to no reference cycles: Python's cyclic
    collector scanning them again and again was a fifth of a cached build at 10,000 pages."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Everything made meanwhile is still in the youngest generation, which the next collection
        # would scan whole (0.3 s at 10,000 pages): freeze and unfreeze moves it to the oldest
        # generation, collected as usual, without a scan.
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, **options) -> PipelineResult:
    """read → clean → extract → glossary → link → write (options: _run_pipeline's)."""
    with cache_lock(options.get("cache_dir")), collector_paused():
        return _run_pipeline(input_dir, docs_dir, report_file, **options)


def _run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, *, site_name: str = "知库",
                  glossary_file: Path | None = None, profile: SourceProfile | None = None,
                  cache_dir: Path | None = None, max_bytes: int = MAX_PAGE_BYTES, progress=None,
                  site_url: str | None = None, jobs: int | None = None) -> PipelineResult:
    profile = profile or default_profile()
    stages = Stages()
    with stages.stage("read and clean"):
        ingest = read_articles(input_dir, profile, cache_dir=cache_dir, max_bytes=max_bytes, progress=progress,
                               jobs=jobs)
        articles, errors = ingest.articles, ingest.errors
        assign_slugs(articles)
    with stages.stage("glossary"):
        caches = StageCaches.under(cache_dir)
        curated, curated_errors = load_curated(glossary_file) if glossary_file else ([], [])
        glossary = build_glossary(articles, curated, caches.sums, caches.pinyin)
        errors += curated_errors
    with stages.stage("linking"):
        matcher, uses, relinked = link_site(articles, glossary.terms, caches, jobs=jobs)
    with stages.stage("writing Markdown"), in_background(
            glossary_side, glossary.terms, uses, articles, matcher, caches, site_name, site_url, jobs,
            jobs=jobs) as other_side:
        rendered = RenderedPages(caches.rendered, docs_dir)
        pages = article_pages(articles, rendered)
        pages.update(render_article_index(articles, articles_figure(articles)))
        write_bytes(report_file, build_report(ingest, articles, curated_errors, terms=len(glossary.terms),
                                             links=sum(use.links for use in uses.values()),
                                             not_in_body=caches.not_in_body))
        changed = write_pages(docs_dir, pages)  # the article pages, while the other side works
        other_pages, candidates = other_side()
        write_bytes(report_file.with_name("links.json"), link_report(glossary.terms, uses, matcher.ambiguous,
                                                                     glossary.problems, candidates))
        changed += write_pages(docs_dir, other_pages)
        pages.update(other_pages)
        remove_stale_pages(docs_dir, pages)
        rendered.remember_written()
        dictionary_changed = write_search_files(docs_dir, [n for t in glossary.terms for n in t.all_names] + [c.name for c in candidates],
                           {f"{GLOSSARY_DIR}/{t.slug}.md": t.all_names for t in glossary.terms})
    with stages.stage("search segments"):
        # Only pages whose Markdown changed need new cuts, unless jieba's dictionary changed. A page
        # not rendered again (None) is an article page, searchable, and its file holds its text.
        searchable = [path for path, text in pages.items() if text is None or searchable_markdown(text)]
        stale = set(changed) if not dictionary_changed else set(searchable)
        cuts = f"{segments_folder(docs_dir)}/"  # a string: pathlib is a tenth of a second at 10,000 pages
        todo = [path for path in searchable if path in stale or not os.path.exists(f"{cuts}{path}{SEGMENTS_SUFFIX}")]
        write_segments(docs_dir, todo, set(searchable), user_dictionary_path(docs_dir), caches.segments, jobs)
    # The memos of term discovery and of the snippets were used and saved by glossary_side, maybe in
    # another process: untouched here, this save leaves them as they are.
    caches.save()
    return PipelineResult(articles, errors, len(changed), glossary.terms, uses, matcher.ambiguous, ingest, stages.rows,
                          relinked)


def link_report(terms, uses, ambiguous, problems, candidates) -> bytes:
    """Links made per term, terms never mentioned, ambiguous aliases, glossary problems, candidates."""
    report = {
        "links_per_term": {t.name: uses[t.name].links for t in terms if uses[t.name].links},
        "mentions_per_term": {t.name: uses[t.name].total for t in terms if uses[t.name].total},
        "never_mentioned": [t.name for t in terms if not uses[t.name].total],
        "ambiguous_aliases": ambiguous,
        "glossary_problems": problems,
        "candidates": [c.__dict__ for c in candidates],
    }
    return dumps_by_line(report)
