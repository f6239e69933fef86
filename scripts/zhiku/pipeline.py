"""The pipeline: read → clean → extract → glossary → link → write; publish is called by build.py."""
from __future__ import annotations

import json
import resource
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .curated import load_curated
from .discover import discover_terms
from .feeds import feed_files
from .glossary import build_glossary
from .glossary_pages import GLOSSARY_DIR, TermUse, glossary_pages
from .link import TermMatcher, link_all
from .model import Article, Term
from .pictures import Pictures, draw_pictures
from .profile import SourceProfile, default_profile
from .cache import JsonStore, PageCache
from .ingest import Ingest, read_input
from .search import searchable_markdown, user_dictionary_path, write_search_files
from .segment import han_runs, segment_pages, segments_path, write_segments
from .read import MAX_PAGE_BYTES
from .report import build_report, dumps_by_line
from .trends import articles_figure
from .write import (ARTICLES_DIR, assign_slugs, render_article, render_article_index,
                    render_home, write_text)

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


def link_site(articles: list[Article], terms: list[Term], *, cache_dir: Path | None = None,
              jobs: int | None = None) -> tuple[TermMatcher, dict[str, TermUse], list[str]]:
    """Link every article to the glossary; gather how each term is used, and related articles and terms."""
    from .relate import related_articles, related_terms

    matcher = TermMatcher(terms)
    uses = {term.name: TermUse() for term in terms}
    store = JsonStore(cache_dir, "links") if cache_dir else None
    results, computed = link_all(articles, matcher, f"../{GLOSSARY_DIR}/", store, jobs)
    for article, result in zip(articles, results):
        article.linked_blocks = result["blocks"]
        article.terms = sorted(result["counts"])
        for name, count in result["counts"].items():
            use = uses[name]
            use.mentions[article.slug] = count
            use.snippets[article.slug] = result["snippets"][name]
        for name in result["linked"]:
            uses[name].links += 1
    article_terms = {a.slug: set(a.terms) for a in articles}
    by_slug = {a.slug: a for a in articles}
    for slug, related in related_articles(article_terms).items():
        by_slug[slug].related = [(other, by_slug[other].title, shared) for other, shared in related]
    for name, related in related_terms(article_terms).items():
        uses[name].related = related
    return matcher, uses, [articles[i].source_path for i in computed]


def generate_pages(articles: list[Article], site_name: str, pictures: Pictures | None = None,
                   feeds: dict[str, str] | None = None) -> dict[str, str]:
    """Every Markdown page of the site (and the feeds), by path relative to the docs folder."""
    pictures = pictures or Pictures()
    pages = {f"{ARTICLES_DIR}/{a.slug}.md": render_article(a) for a in articles}
    pages["index.md"] = render_home(articles, site_name, pictures.home, sorted(feeds or {}))
    pages.update(render_article_index(articles, articles_figure(articles)))
    pages.update(pictures.pages)
    pages.update(feeds or {})
    pages["tags.md"] = "---\ntitle: 标签\n---\n\n# 标签\n\n<!-- material/tags -->\n"
    return pages


def write_docs(docs_dir: Path, pages: dict[str, str]) -> list[str]:
    """Write the pages that changed, and say which; remove the pages an earlier run wrote that this
    run did not."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest = docs_dir / MANIFEST
    previous = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else []
    for stale in set(previous) - set(pages):
        (docs_dir / stale).unlink(missing_ok=True)
    changed = [rel for rel, text in sorted(pages.items()) if write_text(docs_dir / rel, text)]
    write_text(manifest, json.dumps(sorted(pages), ensure_ascii=False, indent=0) + "\n")
    return changed


def run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, *, site_name: str = "知库",
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
        curated, curated_errors = load_curated(glossary_file) if glossary_file else ([], [])
        glossary = build_glossary(articles, curated)
        errors += curated_errors
    with stages.stage("linking"):
        matcher, uses, relinked = link_site(articles, glossary.terms, cache_dir=cache_dir, jobs=jobs)
        candidates = discover_terms(articles, glossary.terms, lambda: matcher.tokenizer,
                                    store=JsonStore(cache_dir, "discovery") if cache_dir else None)
    with stages.stage("pictures"):
        pictures = draw_pictures(glossary.terms, uses, articles, GLOSSARY_DIR)
    with stages.stage("writing Markdown"):
        pages = generate_pages(articles, site_name, pictures, feed_files(articles, site_url, site_name))
        pages.update(glossary_pages(glossary.terms, uses, articles, matcher, candidates, pictures.entries))
        changed = write_docs(docs_dir, pages)
        dictionary_changed = write_search_files(docs_dir, [n for t in glossary.terms for n in t.all_names] + [c.name for c in candidates],
                           {f"{GLOSSARY_DIR}/{t.slug}.md": t.all_names for t in glossary.terms})
        write_text(report_file, build_report(ingest, articles, curated_errors, terms=len(glossary.terms),
                                             links=sum(use.links for use in uses.values())))
        write_text(report_file.with_name("links.json"), link_report(glossary.terms, uses, matcher.ambiguous,
                                                                     glossary.problems, candidates))
    with stages.stage("search segments"):
        # Only pages whose Markdown changed need new cuts, unless jieba's dictionary changed.
        searchable = [path for path, text in pages.items() if searchable_markdown(text)]
        stale = set(changed) if not dictionary_changed else set(searchable)
        todo = {path: han_runs(pages[path]) for path in searchable
                if path in stale or not segments_path(docs_dir, path).exists()}
        write_segments(docs_dir, segment_pages(todo, user_dictionary_path(docs_dir),
                                               JsonStore(cache_dir, "segments") if cache_dir else None, jobs),
                       keep=set(searchable))
    return PipelineResult(articles, errors, len(changed), glossary.terms, uses, matcher.ambiguous, ingest, stages.rows,
                          relinked)


def link_report(terms, uses, ambiguous, problems, candidates) -> str:
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
