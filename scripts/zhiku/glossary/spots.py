"""What term discovery computes per item, in the cached steps discover.py declares: the names of an
article and their evidence, and a sentence that uses a name. Kept apart from the ranking, so that a
change to how the site's names are ranked keeps every article's names (a step's version is its code's)."""
from __future__ import annotations

import re

from ..cache.step import Cache
from ..model import Article
from ..read.ingest import with_body
from .names import FIELDS, MENTIONS, name_spans, spot_names

SENTENCE_CHARS = 120  # of an example sentence, around the mention
_SENTENCE_END = re.compile(r"[。！？!?；;]")

_tagger = None  # rjieba with jieba's dictionary, made in the process that spots names


def tag_words(text: str) -> list[tuple[str, str]]:
    """jieba's words of the text with their tags (rjieba, with its HMM for words the dictionary lacks)."""
    global _tagger
    if _tagger is None:
        from ..segmenter import new_jieba

        _tagger = new_jieba()
    return _tagger.tag(text, True)


def prose_of(article: Article) -> list[str]:
    """The texts of the article's blocks that are prose: a code block's identifiers name nothing."""
    return [b.text for b in article.blocks if b.kind != "code"]


def names_of(article: Article) -> dict[str, list[int]]:
    """The article's names and their evidence (names.spot_names), from its title, text, source and author."""
    return spot_names(article.title, prose_of(article), tag_words, article.source or "", article.author or "")


def spot_article(article: Article, context=None) -> dict:
    """The article's names: in the journal each name's mentions (`mentions`: which articles to show
    a candidate in); in the entry file their evidence vectors, in the same order, as index-value pairs."""
    found = names_of(article)
    return {"mentions": {name: v[MENTIONS] for name, v in found.items()},
            "vectors": [[x for i, value in enumerate(v) if value for x in (i, value)] for v in found.values()]}


def evidence_of(result: dict) -> dict[str, list[int]]:
    """An article's part of the site's sums: each name's evidence vector, whole."""
    part = {}
    for name, pairs in zip(result["mentions"], result["vectors"]):
        vector = [0] * len(FIELDS)
        for i in range(0, len(pairs), 2):
            vector[pairs[i]] = pairs[i + 1]
        part[name] = vector
    return part


def example_sentence(item: tuple[Article, str], context=None) -> str:
    """The sentence of the article's text where the name is first used, cut to SENTENCE_CHARS around it."""
    article, name = item
    for text in [*prose_of(article), article.title]:  # the title only when the text lacks it
        at = next(name_spans(text, name), (-1,))[0]
        if at < 0:
            continue
        starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        start = starts[-1] if starts else 0
        end_match = _SENTENCE_END.search(text, at + len(name))
        end = end_match.end() if end_match else len(text)
        if end - start > SENTENCE_CHARS:
            start = max(start, at - SENTENCE_CHARS // 2)
            end = min(end, start + SENTENCE_CHARS)
        sentence = text[start:end].strip()
        return ("…" if start > 0 and text[start - 1] not in "。！？!?；;" else "") + sentence + (
            "…" if end < len(text) and text[end - 1] not in "。！？!?；;" else "")
    return ""


def with_article_body(item: tuple[Article, str], cache: Cache) -> tuple[Article, str]:
    article, name = item
    return with_body(article, cache), name
