"""Saved HTML pages: main text and metadata by trafilatura, then the same cleaning as the text dump.

trafilatura finds the article in the page (dropping navigation, ads, comments, scripts) and its title,
date, author, site name and keywords. Its text goes through `extract.extract_article` like a text dump:
the portal's chrome, click/time line, section headings, references and footer lines are recognised the
same way. The page's own metadata fills what the text does not say. Line numbers in the report's
`not_in_body` count lines of the extracted text (title first), not of the HTML file.
"""
from __future__ import annotations

import re
from datetime import datetime

from .clean import normalise_line
from .extract import extract_article, parse_keywords, parse_publish_time
from .model import Article, Block, RawPage
from .profile import SourceProfile

# Meta tags with a full publish timestamp; htmldate (through trafilatura) gives only the day.
_DATE_META = ("article:published_time", "og:published_time", "og:article:published_time", "pubdate",
              "publishdate", "publish_date", "publish-date", "datepublished", "date", "dc.date",
              "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "weibo:article:create_at")
_AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "byl")
_SOURCE_META = ("source", "og:source", "article:source", "citation_publisher", "dc.publisher")
_KEYWORD_META = ("keywords", "news_keywords", "article:tag")
_MAX_ATTR = 500  # a meta value longer than this is not metadata


def _meta(tree) -> dict[str, str]:
    """Meta tag values by lower-cased name/property/itemprop; the first one of a name wins."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or element.get("itemprop") or "").strip().lower()
        value = normalise_line(element.get("content") or "")
        if key and value and len(value) <= _MAX_ATTR:
            found.setdefault(key, value)
    for element in tree.iter("time"):  # <time datetime="..."> inside the page
        if (value := (element.get("datetime") or "").strip()) and len(value) <= 64:
            found.setdefault("time", value)
            break
    return found


def parse_html_date(text: str, profile: SourceProfile) -> datetime | None:
    """ISO 8601 (with or without zone, `Z`), or the portal's own formats; naive times are the profile's zone."""
    text = text.strip()
    try:
        value = datetime.fromisoformat(text)  # Python 3.11: "T" or space, "Z", offsets, fractions
    except ValueError:
        value = parse_publish_time(text, profile)
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=profile.timezone)


def _body_parts(body) -> tuple[list[str], set[str]]:
    """Paragraph texts of trafilatura's XML body, and which of them are headings."""
    parts, headings = [], set()
    if body is None:
        return parts, headings
    for element in body.iter("head", "p", "item", "quote", "cell", "code"):
        if any(parent.tag in ("p", "item", "quote", "cell", "code") for parent in element.iterancestors()):
            continue  # its text is in the enclosing element's
        text = normalise_line(" ".join("".join(element.itertext()).split()))
        if not text:
            continue
        parts.append(text)
        if element.tag == "head":
            headings.add(text)
    return parts, headings


def extract_html(raw: RawPage, profile: SourceProfile) -> Article:
    """One saved HTML page as an Article; problems are recorded on it, never raised."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(raw.text)
    meta = _meta(tree) if tree is not None else {}
    document = None
    if tree is not None:
        document = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            favor_recall=True, deduplicate=False,
            # htmldate's default latest date is today: a fixed bound keeps two builds identical.
            date_extraction_params={"extensive_search": True, "original_date": True, "max_date": "2099-12-31"})
    title = normalise_line(" ".join(((document.title if document else None) or "").split()))
    parts, headings = _body_parts(document.body if document is not None else None)
    if not parts and tree is not None:  # too short or too odd for the main-text heuristics
        parts = [normalise_line(line) for line in trafilatura.baseline(tree)[1].split("\n")]
        parts = [p for p in parts if p]
    if parts and title and parts[0] == title:
        parts = parts[1:]  # the <h1> that trafilatura also gives as the title
    # The same text stage as the dump: title line, then paragraphs separated by blank lines.
    text = "\n\n".join([title or "", *parts]) if title else "\n\n".join(["", *parts])
    article = extract_article(RawPage(raw.path, text, raw.sha256, raw.encoding, raw.format), profile)
    if not title:
        article.title = ""
        article.blocks = []
        article.problems = ["no title: the page has no <title>, <h1> or og:title"]
        return article
    article.blocks = [Block("heading", b.text) if b.kind == "paragraph" and b.text in headings else b
                      for b in article.blocks]
    _fill_metadata(article, meta, document, profile)
    return article


def _fill_metadata(article: Article, meta: dict[str, str], document, profile: SourceProfile) -> None:
    """What the text did not say, from the page's meta tags and trafilatura's metadata."""
    no_time = [p for p in article.problems if p.startswith("no publish time")]
    if article.date is None and no_time:
        raw_date = next((meta[k] for k in _DATE_META if k in meta), None) or meta.get("time")
        if raw_date:
            article.date = parse_html_date(raw_date, profile)
            if article.date is None:
                article.problems.append(f"date does not parse: {raw_date!r}")
        elif document is not None and document.date:
            article.date = parse_html_date(document.date, profile)
        if article.date is not None or raw_date:
            article.problems = [p for p in article.problems if p not in no_time]
    if article.author is None:
        article.author = next((meta[k] for k in _AUTHOR_META if k in meta), None) or (
            document.author if document is not None else None) or None
    if article.source is None:
        article.source = next((meta[k] for k in _SOURCE_META if k in meta), None) or (
            document.sitename if document is not None else None) or None
    if not article.keywords:
        words = next((meta[k] for k in _KEYWORD_META if k in meta), "")
        if not words and document is not None and document.tags:
            words = ",".join(document.tags)
        article.keywords = parse_keywords(words, profile) if words else []
