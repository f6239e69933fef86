"""Markdown pages with YAML front matter, passed through as Articles.

The front matter gives the metadata (title, date, author, source, clicks, keywords or tags,
references); the body becomes the same plain blocks as a scraped page: `#` headings become headings,
paragraphs and list items become paragraphs, and inline markup (emphasis, code, links, images) is
reduced to its text. The body is input like any other: it is escaped when written and linked by the
glossary stage, so raw HTML or a `javascript:` link in a Markdown page shows as text or is dropped.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time

import yaml

from ..clean.chrome import normalise_line
from ..clean.paragraphs import join_lines
from ..model import Article, Block, Dropped, RawPage, Reference
from ..profile import SourceProfile
from ..read.decode import split_lines
from .text_dump import parse_keywords, parse_publish_time


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases: a page's front matter cannot expand into gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed", event.start_mark)
        return super().compose_node(parent, index)


_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^(?:>\s?)+")
_RULE = re.compile(r"^(?:[-*_]\s*){3,}$|^=+$")
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # (url), one level of parentheses inside
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]" + _TARGET), r"\1"),       # image → its alt text
    (re.compile(r"\[([^\]]+)\]" + _TARGET), r"\1"),        # link → its text (the target is dropped)
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),         # autolink → the address as text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),                    # code
)


def plain_inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """(front matter YAML or None, number of lines it took, body)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 0, text
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), i + 1, "\n".join(lines[i + 1:])
    return None, 0, text


def _text(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = normalise_line(" ".join(str(value).split()))
    return text or None


def _date(value, profile: SourceProfile) -> tuple[datetime | None, str | None]:
    """(datetime, None) or (None, the value that does not parse)."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=profile.timezone)), None
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=profile.timezone), None
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = parse_publish_time(text, profile)
    if parsed is None:
        return None, text
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=profile.timezone)), None


def _references(value) -> list[Reference]:
    refs = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            publisher, title = _text(item.get("publisher")) or "", _text(item.get("title")) or ""
            if publisher or title:
                refs.append(Reference(publisher, title))
        elif (text := _text(item)) is not None:
            refs.append(Reference("", text))
    return refs


def extract_markdown(raw: RawPage, profile: SourceProfile) -> Article:
    """One Markdown page as an Article; problems are recorded on it, never raised."""
    article = Article(source_path=raw.path, sha256=raw.sha256)
    front, offset, body = split_front_matter(raw.text)
    data: dict = {}
    if front is not None:
        article.dropped.append(Dropped(1, offset, "metadata: front matter"))
        try:
            loaded = yaml.load(front, Loader=_NoAliasLoader)  # noqa: S506 (a SafeLoader subclass)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            article.problems.append(f"front matter is not valid YAML{where}; its metadata is ignored")
            loaded = {}
        if isinstance(loaded, dict):
            data = {str(k).lower(): v for k, v in loaded.items()}
        elif loaded is not None:
            article.problems.append("front matter is not a mapping; its metadata is ignored")

    article.title = _text(data.get("title")) or ""
    if "date" in data or "published" in data:
        article.date, bad = _date(data.get("date", data.get("published")), profile)
        if bad is not None:
            article.problems.append(f"date does not parse: {bad!r}")
    else:
        article.problems.append("no publish time: no date in the front matter")
    clicks = data.get("clicks")
    if isinstance(clicks, int) and not isinstance(clicks, bool) and clicks >= 0:
        article.clicks = clicks
    article.source, article.author = _text(data.get("source")), _text(data.get("author"))
    words = data.get("keywords", data.get("tags"))
    if isinstance(words, list):
        words = ",".join(t for w in words if (t := _text(w)))
    article.keywords = parse_keywords(_text(words) or "", profile) if words else []
    article.references = _references(data.get("references"))

    article.blocks = _blocks(article, split_lines(body), offset)
    if not article.title:
        article.problems.insert(0, "no title: no title in the front matter and no '# ' heading")
    return article


def _blocks(article: Article, lines, offset: int) -> list[Block]:
    blocks: list[Block] = []
    paragraph, fenced = "", False
    code: list[str] = []  # the lines of the fenced block the line is in, as written

    def flush():
        nonlocal paragraph
        if paragraph:
            blocks.append(Block("paragraph", paragraph))
            paragraph = ""

    def flush_code():
        if any(c.strip() for c in code):
            blocks.append(Block("code", "\n".join(code).strip("\n")))
        code.clear()

    for line in lines:
        number, raw = line.number + offset, line.text
        if _FENCE.match(raw.strip()):
            fenced = not fenced
            flush()
            if not fenced:
                flush_code()
            article.dropped.append(Dropped(number, number, "markup: code fence"))
            continue
        if fenced:
            code.append(raw.rstrip())
            continue
        text = normalise_line(raw)
        if not fenced:
            text = _QUOTE.sub("", text)
            if not text or _RULE.match(text):
                flush()
                article.dropped.append(Dropped(number, number, "blank" if not text else "markup: rule", text))
                continue
            if match := _HEADING.match(text):
                flush()
                heading = normalise_line(plain_inline(match[2]))
                if len(match[1]) == 1 and (not article.title or heading == article.title) and not blocks:
                    article.title = article.title or heading
                    article.dropped.append(Dropped(number, number, "metadata: title", text))
                elif heading:
                    blocks.append(Block("heading", heading))
                continue
            if item := _ITEM.match(text):
                flush()
                text = text[item.end():]
            text = normalise_line(plain_inline(text))
        if text:
            paragraph = join_lines(paragraph, text) if paragraph else text
    flush()
    flush_code()  # a fence never closed: its lines are still the page's
    return blocks
