"""A searchable page's fields as plain text, read from the Markdown zhiku wrote: title, portal
keywords (tags), glossary names, body, each as a reader sees it (escapes and link targets gone)."""
from __future__ import annotations

import html
import re

import yaml

from ..write.article_page import RELATED_HEADING

SEARCHABLE = ("article", "term")  # front-matter `zhiku:` of the pages a reader searches for
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Applied to a page's lines joined by line ends (plain_lines): no pattern crosses one.
_LINK = re.compile(r"\[((?:\\.|[^\]\\\n])*)\]\([^)\s]*(?:[^\S\n]+\"(?:\\.|[^\"\\\n])*\")?\)")
_ESCAPE = re.compile(r"\\(.)")
_LINE_MARK = re.compile(r"^(?:#{1,6} |- |\d+\\?[.)] )", re.M)
_FENCE = re.compile(r"`{3,}")  # a code block's fence, as write/escape.fenced_code writes it


def front_matter(markdown: str) -> tuple[dict, str]:
    """The front matter as data, and the Markdown after it."""
    if not markdown.startswith("---\n"):
        return {}, markdown
    end = markdown.find("\n---\n", 3)
    if end < 0:
        return {}, markdown
    data = yaml.load(markdown[4:end], Loader=_Loader)
    return (data if isinstance(data, dict) else {}), markdown[end + 5:]


def searchable_markdown(markdown: str) -> bool:
    """Whether a page as zhiku writes it is searched (articles and glossary entries; listing pages
    only repeat their titles), read from its front matter without parsing it."""
    if not markdown.startswith("---\n"):
        return False
    end = markdown.find("\n---\n")  # not split: the page may be a large one
    front = markdown if end < 0 else markdown[:end]
    return any(f"\nzhiku: {kind}\n" in front + "\n" for kind in SEARCHABLE)


def plain_lines(lines: list[str]) -> list[str]:
    """Lines of zhiku's Markdown as the reader sees them, each (an empty one too). The patterns run
    once over all the lines, not once a line: a page has a hundred."""
    if not lines:
        return []
    text = _LINE_MARK.sub("", "\n".join(lines))
    text = _ESCAPE.sub(r"\1", _LINK.sub(r"\1", text).replace("**", ""))
    return [html.unescape(line).strip() for line in text.split("\n")]


def page_fields(markdown: str, names: list[str] | None = None) -> dict | None:
    """{kind, title, date, tags, names, body} of a searchable page, else None. An article's body is
    its text and headings, without the related articles; an entry's is what stands above its first
    section (name, definition, aliases), not its lists of mentions, which repeat the articles."""
    meta, body = front_matter(markdown)
    kind = meta.get("zhiku")
    if kind not in SEARCHABLE:
        return None
    lines: list[str | None] = []  # None: the next of `texts`, made plain
    texts: list[str] = []
    fence = ""  # the fence of the code block the line is in
    for line in body.split("\n"):
        if fence:  # code: its lines as written
            if line == fence:
                fence = ""
            elif line.strip():
                lines.append(line.strip())
            continue
        if (opened := _FENCE.fullmatch(line)) is not None:
            fence = opened[0]
            continue
        if kind == "article" and line == f"## {RELATED_HEADING}":
            break
        if kind == "term" and line.startswith("## "):
            break
        if not line or line.startswith("<") or (kind == "term" and line.startswith("# ")):
            continue  # HTML blocks are figures; an entry's "# name" is its title
        texts.append(line)
        lines.append(None)
    plain = iter(plain_lines(texts))
    lines = [text for text in (next(plain) if line is None else line for line in lines) if text]
    tags = meta.get("tags") or meta.get("keywords") or []
    date = meta.get("date")
    return {"kind": kind, "title": str(meta.get("title") or ""), "date": date.isoformat() if hasattr(date, "isoformat")
            else str(date or ""), "tags": [str(t) for t in tags], "names": list(names or []), "body": "\n".join(lines)}
