"""Template detection across pages: blocks of the body that repeat on many pages of one site are the
site's chrome (a column's notice, a share line, a disclaimer that no rule of html_fields names).

Per page, when it is extracted (extract/page.py): its site (html_fields._site_of: the host of its
address, else og:site_name, else the site's name in its <title>) and the keys of its candidate blocks,
the first and last BLOCKS_AT_EACH_END paragraphs of its body (a template sits at the ends of the text).
Over the build (read/ingest.py): a SiteSum counts, per site, its pages and the pages each key is on;
`repeated` decides, per page, which of its blocks repeat on at least `min_pages` pages and on a share
`min_share` of its site's pages (html_generic.yml), and `without_chrome` makes the extraction with those
blocks removed, each reported in `not_in_body` with its reason.
"""
from __future__ import annotations

import hashlib

from ..model import Article, Dropped
from .entry import article_entry, article_from_entry
from .facts import compute_facts

BLOCKS_AT_EACH_END = 6
MIN_CHARS, MAX_CHARS = 6, 500  # shorter lines are left to the page's own rules; longer ones are text
# The reason a removed block is stored with; the report names the counts of the build it is in
# (they change as the site's pages come and go, the body does not), `reason_now` fills them in.
STORED_REASON = "chrome: repeats on the site's pages "


def block_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def template_head(article: Article) -> dict | None:
    """{"site", "blocks"}: what template detection needs of an extracted page, kept in its head; None
    for a page that names no site or has no paragraphs."""
    if not article.site:
        return None
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph" and MIN_CHARS <= len(b.text) <= MAX_CHARS]
    ends = paragraphs[:BLOCKS_AT_EACH_END] + paragraphs[BLOCKS_AT_EACH_END:][-BLOCKS_AT_EACH_END:]
    keys = sorted({block_key(t) for t in ends})
    return {"site": article.site, "blocks": keys} if keys else None


def sum_part(result: dict) -> dict[str, list[int]]:
    """A page's part of the site sum: 1 for its site ("site\\0") and 1 for each of its keys ("site\\0key")."""
    head = result.get("template") if isinstance(result, dict) else None
    if not head:
        return {}
    site = head["site"]
    return {f"{site}\0": [1], **{f"{site}\0{key}": [1] for key in head["blocks"]}}


def repeated(head: dict | None, total: dict[str, list[int]], min_pages: int, min_share: float) -> dict[str, str]:
    """The page's blocks that repeat across its site: key → reason ('chrome: repeats on 12 of 15 pages
    of example.com'). None when every one of them repeats: such a page is its site's template whole
    (a list page, a copy of another), and removing all would leave nothing of it."""
    if not head:
        return {}
    site = head["site"]
    pages = total.get(f"{site}\0", [0])[0]
    found = {}
    for key in head["blocks"]:
        n = total.get(f"{site}\0{key}", [0])[0]
        if n >= min_pages and n >= min_share * pages:
            found[key] = f"chrome: repeats on {n} of {pages} pages of {site}"
    return found if len(found) < len(head["blocks"]) else {}


def without_chrome(entry: dict, removed: list[str]) -> dict:
    """The extraction `entry` with the body's blocks of those keys removed (its text's facts counted again)."""
    article = article_from_entry(entry["article"], entry["body"])
    gone = set(removed)
    dropped = [Dropped(0, 0, STORED_REASON + block_key(b.text), b.text) for b in article.blocks
               if b.kind == "paragraph" and block_key(b.text) in gone]
    article.blocks = [b for b in article.blocks if not (b.kind == "paragraph" and block_key(b.text) in gone)]
    article.dropped = sorted(article.dropped + dropped, key=lambda d: d.first)
    article.facts = compute_facts(article)
    head, body = article_entry(article)
    return {**entry, "article": head, "body": body, "without": sorted(gone)}


def reason_now(reason: str, repeats: dict[str, str]) -> str:
    """A stored reason as the report gives it: a removed block's with this build's counts."""
    if reason.startswith(STORED_REASON):
        return repeats.get(reason[len(STORED_REASON):], "chrome: repeats on the site's pages")
    return reason
