"""One article linked: the first mention of each linkable term becomes a link; every mention counted."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Article, Block, Term
from ..write.escape import escape_text, fenced_code
from .matcher import TermMatcher
from .render import render_linked, snippet


@dataclass
class LinkedText:
    """What linking one text found: mentions per term, the first mention of each in context, the
    terms linked (indexes into the matcher's terms), and the text as linked Markdown blocks."""

    counts: Counter = field(default_factory=Counter)
    snippets: dict[int, str] = field(default_factory=dict)
    linked: set[int] = field(default_factory=set)
    blocks: list[str] = field(default_factory=list)


def link_blocks(blocks: list[Block], matcher: TermMatcher, href, exclude: Term | None = None) -> LinkedText:
    """The blocks as Markdown, the first mention of each linkable term a link to `href(term)`.

    Headings are never linked, nor is code (whose mentions are no mentions); two term links never
    stand side by side; `exclude` is a term that must not link (a glossary entry's own term).
    """
    found = LinkedText()
    for block in blocks:
        if block.kind == "heading":
            found.blocks.append(f"## {escape_text(block.text)}")
            continue
        if block.kind == "code":
            found.blocks.append(fenced_code(block.text))
            continue
        mentions = matcher.find(block.text)
        to_link, last_end = [], -1
        for m in mentions:
            found.counts[m.term] += 1
            if m.term not in found.snippets:
                found.snippets[m.term] = snippet(block.text, m)
            term = matcher.terms[m.term]
            side_by_side = last_end >= 0 and not block.text[last_end:m.start].strip()
            if term.link and m.term not in found.linked and term is not exclude and not side_by_side:
                to_link.append(m)
                found.linked.add(m.term)
                last_end = m.end
        found.blocks.append(render_linked(block.text, to_link, matcher.terms, href))
    return found


def link_result(article: Article, context: tuple[TermMatcher, str]) -> dict:
    """An article's link result as plain data (the LINK step's): mentions and the terms mentioned
    but not linked by term name, the linked body, each term's first mention in context."""
    matcher, prefix = context
    found = link_blocks(article.blocks, matcher, lambda term: f"{prefix}{term.slug}.md")
    terms = matcher.terms  # only the terms found are looked up, not a name list per article
    return {"counts": {terms[i].name: n for i, n in sorted(found.counts.items())},
            "unlinked": [terms[i].name for i in sorted(found.counts) if i not in found.linked],
            "blocks": found.blocks,
            "snippets": {terms[i].name: s for i, s in sorted(found.snippets.items())}}


def snippet_of(item: tuple[dict, str], context=None) -> str:
    """A term's first mention in context, from an article's link result's snippets."""
    snippets, name = item
    return snippets[name]
