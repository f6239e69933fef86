"""Facts about one article's text that the site-wide stages add up.

Counted once, when a page is extracted, and stored with it (read/ingest.py), so that a build after a
one-page change sums these small records instead of reading every body again: the glossary's
spelling counts, term discovery's Latin names and sample size, the excerpts' lead.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Article, TextFacts

# Every Latin word as the bodies write it: which spelling a glossary name takes ('openai' → 'OpenAI').
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Latin names as the articles write them: TikTok, Facebook, Reels, Quest3, Horizon Worlds, Hugging Face.
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[a-z][A-Za-z]*\d*(?: [A-Z][A-Za-z]*[a-z][A-Za-z]*\d*)*(?![A-Za-z0-9])")
LEAD_CHARS = 400  # of the first paragraph: excerpts (home page, feeds) are shorter


def compute_facts(article: Article) -> TextFacts:
    body = "\n".join(block.text for block in article.blocks)
    lead = next((b.text for b in article.blocks if b.kind == "paragraph"), "")[:LEAD_CHARS]
    return TextFacts(chars=sum(len(block.text) for block in article.blocks), lead=lead,
                     latin_words=_by_folded_form(Counter(LATIN_WORD.findall(body))),
                     latin_names=dict(sorted(Counter(LATIN_NAME.findall(body)).items())))


def _by_folded_form(counts: Counter) -> dict[str, dict[str, int]]:
    grouped: dict[str, dict[str, int]] = {}
    for word, count in sorted(counts.items()):
        grouped.setdefault(word.casefold(), {})[word] = count
    return grouped


def facts_of(article: Article) -> TextFacts:
    """The article's facts: stored with the page, or counted now (an article made in code)."""
    if article.facts is None:
        article.facts = compute_facts(article)
    return article.facts
