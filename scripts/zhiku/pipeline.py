"""The pipeline: read → clean → extract → glossary → link → write; publish is called by build.py."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .extract import extract_article
from .model import Article
from .profile import SourceProfile, default_profile
from .read import PageError, find_pages, read_page
from .write import (ARTICLES_DIR, assign_slugs, ingest_report, render_article, render_article_index,
                    render_home, write_text)

MANIFEST = ".zhiku-manifest.json"  # the files zhiku wrote last time, so stale ones can be removed safely


@dataclass
class PipelineResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: file and problem
    written: int = 0


def read_articles(input_dir: Path, profile: SourceProfile) -> tuple[list[Article], list[str]]:
    """Every page as an Article; a page that cannot be read or has no title becomes an error line."""
    articles, errors = [], []
    for path in find_pages(input_dir):
        try:
            article = extract_article(read_page(path, input_dir), profile)
        except PageError as exc:
            errors.append(str(exc))
            continue
        except OSError as exc:
            errors.append(f"{path.relative_to(input_dir).as_posix()}: cannot read: {exc.strerror}")
            continue
        if not article.title:
            errors.append(f"{article.source_path}: {article.problems[0]}; not published")
            continue
        errors.extend(f"{article.source_path}: {problem}" for problem in article.problems)
        articles.append(article)
    return articles, errors


def generate_pages(articles: list[Article], site_name: str) -> dict[str, str]:
    """Every Markdown page of the site, by path relative to the docs folder."""
    pages = {f"{ARTICLES_DIR}/{a.slug}.md": render_article(a) for a in articles}
    pages["index.md"] = render_home(articles, site_name)
    pages[f"{ARTICLES_DIR}/index.md"] = render_article_index(articles)
    pages["tags.md"] = "---\ntitle: 标签\n---\n\n# 标签\n\n<!-- material/tags -->\n"
    return pages


def write_docs(docs_dir: Path, pages: dict[str, str]) -> int:
    """Write the pages; remove the pages an earlier run wrote that this run did not."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    manifest = docs_dir / MANIFEST
    previous = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else []
    for stale in set(previous) - set(pages):
        (docs_dir / stale).unlink(missing_ok=True)
    written = sum(write_text(docs_dir / rel, text) for rel, text in sorted(pages.items()))
    write_text(manifest, json.dumps(sorted(pages), ensure_ascii=False, indent=0) + "\n")
    return written


def run_pipeline(input_dir: Path, docs_dir: Path, report_file: Path, *, site_name: str = "知库",
                 profile: SourceProfile | None = None) -> PipelineResult:
    profile = profile or default_profile()
    articles, errors = read_articles(input_dir, profile)
    assign_slugs(articles)
    written = write_docs(docs_dir, generate_pages(articles, site_name))
    write_text(report_file, ingest_report(articles, errors))
    return PipelineResult(articles, errors, written)
