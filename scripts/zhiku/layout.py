"""Where things are in the site, and the site's own settings, named once.

The docs folder holds Markdown at the paths below; MkDocs turns `a/b.md` into `a/b.html`
(`use_directory_urls: false`, so that links work from file:// too). The site's name and address
come from mkdocs.yml, the one place a maintainer sets them.
"""
from __future__ import annotations

from dataclasses import dataclass

ARTICLES_DIR = "articles"
GLOSSARY_DIR = "glossary"
ARCHIVE_DIR = "archive"  # the months of a large archive, a page each
ARTICLE_INDEX = f"{ARTICLES_DIR}/index.md"
GLOSSARY_INDEX = f"{GLOSSARY_DIR}/index.md"
CANDIDATES_PAGE = f"{GLOSSARY_DIR}/candidates.md"
GRAPH_PAGE = f"{GLOSSARY_DIR}/graph.md"
TAGS_PAGE = "tags.md"
HOME_PAGE = "index.md"


def article_page(slug: str) -> str:
    return f"{ARTICLES_DIR}/{slug}.md"


def term_page(slug: str) -> str:
    return f"{GLOSSARY_DIR}/{slug}.md"


def html_path(markdown_path: str) -> str:
    """The page MkDocs writes for a Markdown file: a.md → a.html."""
    return markdown_path[:-3] + ".html" if markdown_path.endswith(".md") else markdown_path


@dataclass(frozen=True)
class SiteConfig:
    """The site's name and address, as mkdocs.yml sets them (publish/mkdocs_build.read_site_config)."""

    name: str
    url: str | None = None  # absolute address the site is published at; None: feeds are not written
