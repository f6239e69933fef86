"""A text dump's article: metadata (title, time, clicks, source, author, keywords, references) and body blocks."""
from __future__ import annotations

import re
from datetime import datetime

from ..clean.chrome import blank_runs, normalise_lines, strip_portal_chrome
from ..clean.paragraphs import body_blocks
from ..model import Article, Dropped, RawPage, Reference, SourceLine
from ..profile import SourceProfile
from ..read.decode import split_lines


def parse_publish_time(text: str, profile: SourceProfile) -> datetime | None:
    """A portal time string as an aware datetime in the portal's zone; None when it does not parse."""
    cleaned = re.sub(r"[年月/.]", "-", text).replace("日", " ")
    cleaned = re.sub(r"\s+", " ", cleaned).strip()
    for fmt in profile.date_formats:
        try:
            return datetime.strptime(cleaned, fmt).replace(tzinfo=profile.timezone)
        except ValueError:
            continue
    return None


def parse_keywords(text: str, profile: SourceProfile) -> list[str]:
    """Split a keywords line; duplicates (case-insensitive) keep their first spelling."""
    seen, keywords = set(), []
    for word in profile.keyword_separator.split(text.strip()):
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            keywords.append(word)
    return keywords


def parse_reference(text: str, profile: SourceProfile) -> Reference:
    match = profile.reference_item.match(text)
    if match:
        return Reference(match["publisher"].strip(), match["title"].strip())
    return Reference("", text)  # kept as written: a reference we cannot split is still a reference


def _next_text(lines: list[SourceLine], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].text), None)


def extract_article(raw: RawPage, profile: SourceProfile) -> Article:
    """Turn one decoded page into an Article; problems are recorded on it, never raised."""
    article = Article(source_path=raw.path, sha256=raw.sha256)
    normalised = normalise_lines(split_lines(raw.text))
    chrome = strip_portal_chrome(normalised, profile)
    # Blank lines never reach the body (blocks are separated by them): report them once, as runs.
    blanks = blank_runs(normalised)
    article.portal_keyword_line = chrome.portal_keyword_line
    dropped = list(chrome.dropped)
    lines = chrome.lines

    def take(index: int, reason: str) -> None:
        dropped.append(Dropped(lines[index].number, lines[index].number, reason, lines[index].text))

    # Header: the title, then an optional click-counter and time line.
    title_at = _next_text(lines, 0)
    if title_at is None:
        article.problems.append("no title: the page has no text after the portal chrome")
        article.dropped = sorted(dropped + blanks, key=lambda d: d.first)
        return article
    article.title = lines[title_at].text
    take(title_at, "metadata: title")
    body_start = title_at + 1
    meta_at = _next_text(lines, body_start)
    if meta_at is not None and (match := profile.clicks_date.match(lines[meta_at].text)):
        article.clicks = int(match["clicks"].replace(",", ""))
        article.date = parse_publish_time(match["date"], profile)
        if article.date is None:
            article.problems.append(f"date does not parse: {match['date']!r}")
        take(meta_at, "metadata: clicks and publish time")
        body_start = meta_at + 1
    else:
        article.problems.append("no publish time: no click/time line after the title")

    # Footer: keywords and source/author lines at the end, in either order.
    body_end = len(lines)
    while (last := _last_text(lines, body_start, body_end)) is not None:
        text = lines[last].text
        if (match := profile.keywords.match(text)) and not article.keywords:
            article.keywords = parse_keywords(match["keywords"], profile)
            take(last, "metadata: keywords")
        elif (match := profile.source_author.match(text)) and article.source is None:
            article.source, article.author = match["source"].strip(), match["author"].strip()
            take(last, "metadata: source and author")
        else:
            break
        body_end = last

    # References: from the last references header to the footer.
    refs_at = next(
        (i for i in range(body_end - 1, body_start - 1, -1) if profile.references_header.match(lines[i].text)),
        None,
    )
    if refs_at is not None:
        take(refs_at, "metadata: references header (written as the 参考资料 heading)")
        article.references = [parse_reference(l.text, profile) for l in lines[refs_at + 1 : body_end] if l.text]
        body_end = refs_at

    body = lines[body_start:body_end]
    article.blocks = body_blocks(body, profile)  # an empty or short body: extract/page.py
    article.dropped = sorted(dropped + blanks, key=lambda d: d.first)
    return article


def _last_text(lines: list[SourceLine], start: int, end: int) -> int | None:
    return next((i for i in range(end - 1, start - 1, -1) if lines[i].text), None)
