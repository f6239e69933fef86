"""Facts about one article's text that the site-wide stages add up.

Taken once when a page is extracted and cached with it (cache.py), so that a build after a one-page
change sums these small records instead of reading every body again: the glossary's spelling
counts, term discovery's Latin names and sample size, the excerpt's lead, the article's slug.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from .model import Article, TextFacts
from .pinyin import syllables

# Every Latin word as the bodies write it: which spelling a glossary name takes ('openai' → 'OpenAI').
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# Latin names as the articles write them: TikTok, Facebook, Reels, Quest3, Horizon Worlds, Hugging Face.
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[a-z][A-Za-z]*\d*(?: [A-Z][A-Za-z]*[a-z][A-Za-z]*\d*)*(?![A-Za-z0-9])")


def slugify_title(title: str, max_length: int = 60) -> str:
    """An ASCII URL slug from the title's pinyin, e.g. 重建Meta帝国 → chong-jian-meta-di-guo."""
    words = re.sub(r"[^a-z0-9]+", "-", "-".join(syllables(title)).lower()).strip("-")
    if len(words) > max_length:
        words = words[:max_length].rsplit("-", 1)[0]
    return words or "article"


LEAD_CHARS = 400  # of the first paragraph: excerpts (home page, feeds) are shorter


def compute_facts(article: Article, slugs: Mapping[str, str] | None = None) -> TextFacts:
    """`slugs`: title → slug where known (the page's last version), so that pinyin is not needed."""
    body = "\n".join(block.text for block in article.blocks)
    lead = next((b.text for b in article.blocks if b.kind == "paragraph"), "")[:LEAD_CHARS]
    return TextFacts(chars=sum(len(block.text) for block in article.blocks), lead=lead,
                     latin_words=_by_folded_form(Counter(LATIN_WORD.findall(body))),
                     latin_names=dict(sorted(Counter(LATIN_NAME.findall(body)).items())),
                     title=article.title,
                     title_slug=(slugs or {}).get(article.title) or slugify_title(article.title))


def _by_folded_form(counts: Counter) -> dict[str, dict[str, int]]:
    grouped: dict[str, dict[str, int]] = {}
    for word, count in sorted(counts.items()):
        grouped.setdefault(word.casefold(), {})[word] = count
    return grouped


def facts_of(article: Article) -> TextFacts:
    """The article's facts: cached with the page, or computed now (an article made in code)."""
    if article.facts is None:
        article.facts = compute_facts(article)
    elif article.facts.title != article.title:  # retitled since: only the slug follows the title
        article.facts.title, article.facts.title_slug = article.title, slugify_title(article.title)
    return article.facts
