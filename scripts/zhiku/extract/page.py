"""One page file to one extraction: decoded, extracted by its format, checked, its text's facts
counted. What read.ingest caches per page (its EXTRACT step), as plain data (extract/entry.py)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, RawPage
from ..profile import SourceProfile
from ..read.decode import PageError, decode_page
from ..read.problems import problem_kind, published
from .entry import article_entry
from .facts import compute_facts
from .template import template_head, without_chrome
from .text_dump import extract_article

# Sentence-final punctuation: a body whose last paragraph ends otherwise, with no footer, was cut off.
END_PUNCTUATION = set("。！？!?…．.;；:：”’」』）)】》\"'~～—-")


def cut_off(article: Article, raw: RawPage) -> str | None:
    """Why the page looks cut off mid-body, or None.

    HTML: the file ends before `</body>` or `</html>` (a download broken off). Text dump: no footer
    (keywords, source/author, references) and the last paragraph does not end in sentence-final
    punctuation. Markdown is written by hand, not downloaded: not checked.
    """
    if raw.format == "html":
        tail = raw.text[-4096:].lower()
        return None if ("</html" in tail or "</body" in tail) else "cut off: the HTML ends before </body>/</html>"
    if raw.format != "text" or article.keywords or article.source or article.references:
        return None
    last = next((b for b in reversed(article.blocks) if b.kind == "paragraph"), None)
    if last is None or last.text[-1] in END_PUNCTUATION:
        return None
    return f"cut off mid-body: no footer, and the text ends without punctuation: …{last.text[-20:]!r}"


# A body with fewer characters of text than this (white space not counted) is published with a
# `short-body` warning. 120 is the excerpt that the home page and the feeds show for an article
# (write/index_pages.excerpt): a shorter body gives a reader who opens the article no more than its
# teaser did. The data behind it (real bodies, real teasers) is in README, "Bad pages and the report".
SHORT_BODY = 120


def body_problem(article: Article) -> str | None:
    """Why the body is no article, or too little of one: no paragraph (empty), or under SHORT_BODY characters."""
    paragraphs = [b.text for b in article.blocks if b.kind == "paragraph"]
    if not paragraphs:
        headings = sum(b.kind == "heading" for b in article.blocks)
        return ("empty body: no paragraph after the title" if not headings else
                f"empty body: no paragraph after the title, only {headings} heading{'s' if headings > 1 else ''}")
    length = sum(len("".join(text.split())) for text in paragraphs)
    if length < SHORT_BODY:
        return (f"short body: {length} characters of text (under {SHORT_BODY}): a teaser, or a page cut short? "
                f"{paragraphs[0][:20]!r}")
    return None


def extract_page(raw: RawPage, profile: SourceProfile) -> Article:
    """The format's extractor, then the checks that need the raw page."""
    if raw.format == "html":
        from .html_page import extract_html

        article = extract_html(raw, profile)
    elif raw.format == "markdown":
        from .markdown_page import extract_markdown

        article = extract_markdown(raw, profile)
    else:
        article = extract_article(raw, profile)
        first = article.title
        if first and any(p.match(first) for p in (profile.clicks_date, profile.keywords, profile.source_author)):
            # The first line is the click/time line or a footer line: the title line is missing.
            article.problems.insert(0, f"no title: the first line is metadata, not a title: {first[:40]!r}")
            article.title = ""
    if article.title and (reason := cut_off(article, raw)):
        article.problems.append(reason)
    # Decided here, for every format, after the format's own reasons: an HTML page with no body, a
    # login wall or a list of links keeps that reason, and a page without a title is not checked.
    if article.title and all(published(problem_kind(p)) for p in article.problems) and (
            reason := body_problem(article)):
        article.problems.append(reason)
    return article


@dataclass(frozen=True)
class PageFile:
    """A page to extract: where it is, its format, its bytes' sha256 and its file time."""

    path: Path
    rel: str  # relative to the input folder, with '/' separators
    format: str
    sha256: str
    mtime: float


def text_key(text: str) -> str:
    """Two files are exact duplicates when their decoded text is equal (whatever the encoding or line ends)."""
    return hashlib.sha256(text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class WithoutChrome:
    """A page's extraction again, less the blocks that repeat across its site (extract/template.py):
    made from the extraction stored under `base`, or from `entry` when the run has it whole."""

    file: PageFile
    base: str  # the key of the page's extraction
    removed: tuple[str, ...]  # the keys of the blocks removed
    entry: dict | None = None

    @property
    def mtime(self) -> float:
        return self.file.mtime


def extraction(page: tuple[PageFile | WithoutChrome, bytes | OSError | dict], profile: SourceProfile) -> dict:
    """A page's extraction (extract/entry.py), from its file and the bytes read from it (or the error
    reading raised); or, for a WithoutChrome, the stored extraction less the site's repeated blocks."""
    if isinstance(page[0], WithoutChrome):
        return without_chrome(page[1], list(page[0].removed))
    file, data = page
    if isinstance(data, OSError):
        return {"error": {"kind": "unreadable", "detail": f"cannot read: {data.strerror or data}"}}
    try:
        text, encoding = decode_page(data, file.rel, file.format)
    except PageError as exc:
        return {"error": {"kind": exc.kind, "detail": exc.detail}}
    article = extract_page(RawPage(file.rel, text, file.sha256, encoding, file.format, file.mtime), profile)
    article.facts = compute_facts(article)
    head, body = article_entry(article)
    entry = {"article": head, "body": body, "encoding": encoding, "text_sha256": text_key(text)}
    if file.format == "html" and (template := template_head(article)) is not None:
        entry["template"] = template
    if any(p.startswith("relative date") for p in article.problems):
        entry["file_time"] = file.mtime  # this extraction holds for this file time only
    return entry


def holds_for(entry: dict, file: PageFile) -> bool:
    """A stored extraction holds unless it counted a relative date back from another file time, or
    the file could not be read (it may be readable now)."""
    if entry.get("error", {}).get("kind") == "unreadable":
        return False
    return entry.get("file_time", file.mtime) == file.mtime
