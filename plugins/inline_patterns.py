"""MkDocs hook: Python-Markdown without the inline patterns that zhiku's Markdown never needs.

Python-Markdown tries each of its 14 inline patterns on every piece of text, again after every link
it finds, and an article carries some 60 term links: that trying was a tenth of MkDocs' time. The
docs folder holds only what scripts/zhiku wrote, which escapes everything scraped (markdown.py), so
these patterns can never match there: reference links, images, autolinks, inline HTML, hard line
breaks. Without them the HTML is the same (tests/test_inline_patterns.py renders every page both
ways), and an engine that runs no hooks renders the same Markdown the same.
"""
from __future__ import annotations

from markdown import Extension

UNUSED_INLINE_PATTERNS = ("reference", "image_link", "image_reference", "short_reference", "short_image_ref",
                          "autolink", "automail", "linebreak", "html")


class PruneInlinePatterns(Extension):
    def extendMarkdown(self, md) -> None:
        for name in UNUSED_INLINE_PATTERNS:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)


def on_config(config, **kwargs):
    config.markdown_extensions.append(PruneInlinePatterns())
    return config
