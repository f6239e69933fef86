"""Scraped text as Markdown that renders exactly as written: never HTML, links, emphasis or structure."""
from __future__ import annotations

import re

# Characters that start inline Markdown (emphasis, code, links, attribute lists) are backslash-escaped;
# '<', '>' and '&' become entities so no tag or entity from the page can reach the HTML.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}  # "&" first: the others make one
# At the start of a line these make headings, lists, rules, quotes or fences.
_LINE_START = re.compile(r"^([#+\-=~:!])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape_text(text: str, *, line_start: bool = True) -> str:
    """Escape plain text for use inline (paragraph, heading, list item, link text).

    `line_start=False` for a piece that continues a line: the line-start rules do not apply to it.
    """
    text = _entities(text)
    text = _INLINE.sub(r"\\\1", text)
    if not line_start:
        return text
    text = _ORDERED.sub(r"\1\\\2", text)
    if _LINE_START.match(text):
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def escape_link_title(text: str) -> str:
    """Text for a link's "title" (the tooltip): one line, quotes and entities made harmless."""
    text = re.sub(r"\s+", " ", text).strip()
    return _entities(text).replace('"', "&quot;").replace("\\", "&#92;")


def _entities(text: str) -> str:
    # str.replace per character, not str.translate: translate looks up every character of a Chinese
    # text in a dict, and this runs on every piece of every paragraph.
    for char, entity in _ENTITIES.items():
        if char in text:
            text = text.replace(char, entity)
    return text
