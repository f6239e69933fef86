"""Feeds of the newest articles: Atom 1.0 (feed.xml) and RSS 2.0 (rss.xml), written into the docs folder
so that MkDocs copies them into the site. Feeds need absolute links, so they are made only when the
site has a `site_url` (mkdocs.yml, or the ZHIKU_SITE_URL environment variable)."""
from __future__ import annotations

from email.utils import format_datetime

from ..layout import article_page, html_path
from ..model import Article
from ..pictures.svg import esc
from .index_pages import excerpt, newest_first

ATOM_FILE = "feed.xml"
RSS_FILE = "rss.xml"
FEED_LIMIT = 50
SKIPPED = "zhiku: feeds skipped: no site_url (set ZHIKU_SITE_URL or site_url in mkdocs.yml for feed.xml and rss.xml)"


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def _entries(articles: list[Article], limit: int) -> list[Article]:
    return [a for a in newest_first(articles) if a.date][:limit]


def _author(article: Article, site_name: str) -> str:
    return article.author or article.source or site_name


def atom_feed(articles: list[Article], site_url: str, site_name: str, limit: int = FEED_LIMIT) -> str:
    base = _base(site_url)
    entries = _entries(articles, limit)
    updated = entries[0].date.isoformat() if entries else "1970-01-01T00:00:00+00:00"
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh">',
             f"  <title>{esc(site_name)}</title>",
             f"  <id>{esc(base)}</id>",
             f'  <link rel="alternate" type="text/html" href="{esc(base)}"/>',
             f'  <link rel="self" type="application/atom+xml" href="{esc(base + ATOM_FILE)}"/>',
             f"  <updated>{updated}</updated>",
             f"  <author><name>{esc(site_name)}</name></author>",
             "  <generator>zhiku</generator>"]
    for a in entries:
        url = base + html_path(article_page(a.slug))
        lines += ["  <entry>",
                  f"    <title>{esc(a.title)}</title>",
                  f'    <link rel="alternate" type="text/html" href="{esc(url)}"/>',
                  f"    <id>{esc(url)}</id>",
                  f"    <published>{a.date.isoformat()}</published>",
                  f"    <updated>{a.date.isoformat()}</updated>",
                  f"    <author><name>{esc(_author(a, site_name))}</name></author>",
                  f"    <summary>{esc(excerpt(a))}</summary>"]
        lines += [f'    <category term="{esc(k)}"/>' for k in a.keywords]
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def rss_feed(articles: list[Article], site_url: str, site_name: str, limit: int = FEED_LIMIT) -> str:
    base = _base(site_url)
    entries = _entries(articles, limit)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
             "  <channel>",
             f"    <title>{esc(site_name)}</title>",
             f"    <link>{esc(base)}</link>",
             f"    <description>{esc(site_name)}：最新文章</description>",
             "    <language>zh</language>",
             f'    <atom:link rel="self" type="application/rss+xml" href="{esc(base + RSS_FILE)}"/>']
    if entries:
        lines.append(f"    <lastBuildDate>{format_datetime(entries[0].date)}</lastBuildDate>")
    for a in entries:
        url = base + html_path(article_page(a.slug))
        lines += ["    <item>",
                  f"      <title>{esc(a.title)}</title>",
                  f"      <link>{esc(url)}</link>",
                  f'      <guid isPermaLink="true">{esc(url)}</guid>',
                  f"      <pubDate>{format_datetime(a.date)}</pubDate>",
                  f"      <dc:creator>{esc(_author(a, site_name))}</dc:creator>",
                  f"      <description>{esc(excerpt(a))}</description>"]
        lines += [f"      <category>{esc(k)}</category>" for k in a.keywords]
        lines.append("    </item>")
    lines += ["  </channel>", "</rss>"]
    return "\n".join(lines) + "\n"


def feed_files(articles: list[Article], site_url: str | None, site_name: str) -> dict[str, str]:
    """The feed files by path in the docs folder; none without a site_url."""
    if not site_url:
        return {}
    return {ATOM_FILE: atom_feed(articles, site_url, site_name), RSS_FILE: rss_feed(articles, site_url, site_name)}
