"""Scraped text as Markdown that renders exactly as written: never HTML, links, emphasis or structure;
code as a fenced block, whose text Markdown shows as it is."""
from __future__ import annotations

import re

# Characters that start inline Markdown (emphasis, code, links, attribute lists) are backslash-escaped;
# '<', '>' and '&' become entities so no tag or entity from the page can reach the HTML.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}  # "&" first: the others make one
_ESCAPES = {**_ENTITIES, **{c: f"\\{c}" for c in "\\`*_[]{}"}}
_SPECIAL = re.compile(f"[{re.escape(''.join(_ESCAPES))}]")
# At the start of a line these make headings, lists, rules, quotes or fences.
_LINE_START = "#+-=~:!"
_ORDERED = re.compile(r"^(\d+)([.)])")
_WHITESPACE = re.compile(r"\s+")


def escape_text(text: str, *, line_start: bool = True) -> str:
    """Escape plain text for use inline (paragraph, heading, list item, link text).

    `line_start=False` for a piece that continues a line: the line-start rules do not apply to it.
    """
    # One scan, and a replacement looked up only for the rare special character: this runs on every
    # piece of every paragraph.
    text = _SPECIAL.sub(_escape, text)
    if not line_start or not text:
        return text
    if text[0].isdecimal():  # \d is a decimal digit (Unicode Nd), as isdecimal
        text = _ORDERED.sub(r"\1\\\2", text)
    elif text[0] in _LINE_START:
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def _escape(match: re.Match) -> str:
    return _ESCAPES[match.group()]


def escape_link_title(text: str) -> str:
    """Text for a link's "title" (the tooltip): one line, quotes and entities made harmless."""
    text = _WHITESPACE.sub(" ", text).strip()
    for char, entity in (*_ENTITIES.items(), ('"', "&quot;"), ("\\", "&#92;")):
        if char in text:
            text = text.replace(char, entity)
    return text


_BACKTICKS = re.compile(r"`+")


def fenced_code(text: str) -> str:
    """A code block: its text between fences longer than any run of backticks in it, so that no line
    of it closes the block (the text inside a fence is shown as written, HTML escaped)."""
    fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    return f"{fence}\n{text}\n{fence}"

