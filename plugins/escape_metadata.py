"""MkDocs hook: HTML-escape front-matter strings before any template sees them.

Material's templates print page.meta.title, page.meta.author and page.title unescaped (MkDocs' Jinja
has no autoescape). The front matter holds scraped, untrusted text, so it is escaped once here and
every template, ours included, prints it as-is.
"""
from __future__ import annotations

import html


def _escape(value):
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [_escape(item) for item in value]
    if isinstance(value, dict):
        return {key: _escape(item) for key, item in value.items()}
    return value


def on_page_markdown(markdown, page, **kwargs):
    page.meta = {key: _escape(value) for key, value in page.meta.items()}
    if page.meta.get("title"):
        page.title = page.meta["title"]
    return markdown
