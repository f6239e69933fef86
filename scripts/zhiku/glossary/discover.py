"""Term discovery: names and terms of art that the articles use and the glossary lacks.

Per article (a cached step keyed by the article's content): the names spotted in its title and
text, each with its evidence (names.py). Over the site: those evidence vectors added up (a sum kept
between builds, cache/sums.py), so a build after a one-page change spots names in that page only and
adds it to the sum. Then the names are ranked (ranking.py), and each candidate shown gets the
articles that use it most, with a sentence of each (a cached step keyed by article and name).
"""
from __future__ import annotations

import heapq
import re

from ..cache.step import Cache, Step
from ..cache.sums import SiteSum
from ..extract.facts import facts_of
from ..model import Article, Term
from ..read.ingest import content_identity, with_body
from .names import FIELDS, spot_names
from .ranking import Candidate, fold, rank_candidates

LIMIT = 300  # candidates listed: a curator's reading, whatever the size of the site
EXAMPLES = 3  # articles shown per candidate, each with a sentence that uses it
SENTENCE_CHARS = 120  # of an example sentence, around the mention

_tagger = None  # rjieba with jieba's dictionary, made in the process that spots names


def _tag(text: str) -> list[tuple[str, str]]:
    global _tagger
    if _tagger is None:
        from ..segmenter import new_jieba

        _tagger = new_jieba()
    return _tagger.tag(text, True)


def _spot_article(article: Article, context=None) -> dict:
    """The article's names: in the journal their list and mentions (`names`, `mentions`: which
    articles to show a candidate in); in the entry file their evidence vectors, as index-value pairs."""
    found = spot_names(article.title, [b.text for b in article.blocks], _tag)
    return {"names": "\t".join(found), "mentions": [v[0] for v in found.values()],
            "vectors": [[x for i, value in enumerate(v) if value for x in (i, value)] for v in found.values()]}


def _evidence_of(result: dict) -> dict[str, list[int]]:
    """An article's part of the site's sums: each name's evidence vector, whole."""
    names = result["names"].split("\t") if result["names"] else []
    part = {}
    for name, pairs in zip(names, result["vectors"]):
        vector = [0] * len(FIELDS)
        for i in range(0, len(pairs), 2):
            vector[pairs[i]] = pairs[i + 1]
        part[name] = vector
    return part


def _sentence(item: tuple[Article, str], context=None) -> str:
    """The sentence of the article's text where the name is first used, cut to SENTENCE_CHARS around it."""
    article, name = item
    for text in [*(b.text for b in article.blocks), article.title]:  # the title only when the text lacks it
        at = text.find(name)
        if at < 0:
            continue
        starts = [m.end() for m in re.finditer(r"[。！？!?；;]", text[:at])]
        start = starts[-1] if starts else 0
        end_match = re.search(r"[。！？!?；;]", text[at + len(name):])
        end = at + len(name) + end_match.end() if end_match else len(text)
        if end - start > SENTENCE_CHARS:
            start = max(start, at - SENTENCE_CHARS // 2)
            end = min(end, start + SENTENCE_CHARS)
        sentence = text[start:end].strip()
        return ("…" if start > 0 and text[start - 1] not in "。！？!?；;" else "") + sentence + (
            "…" if end < len(text) and text[end - 1] not in "。！？!?；;" else "")
    return ""


def _with_article_body(item: tuple[Article, str], cache: Cache) -> tuple[Article, str]:
    article, name = item
    return with_body(article, cache), name


SPOTS = Step("discovery-names", _spot_article, head=("names", "mentions"), prepare=with_body)
EVIDENCE = SiteSum("discovery-evidence", SPOTS, _evidence_of, body=True)
SENTENCES = Step("discovery-sentences", _sentence, prepare=_with_article_body)


def spots_key(article: Article) -> str:
    """An article's spots are keyed by its content (its title with it, for one made in code)."""
    identity = content_identity(article)
    return SPOTS.key(identity) if article.content_key else SPOTS.key(identity, article.title)


def discover_terms(cache: Cache, articles: list[Article], terms: list[Term], limit: int = LIMIT,
                   jobs: int | None = None) -> list[Candidate]:
    """The candidates, best first, each with the articles that use it most and a sentence of each."""
    known = {fold(name) for term in terms for name in term.all_names} | {
        name.casefold() for term in terms for name in term.all_names}
    keys = [spots_key(a) for a in articles]
    # Every article's names (the journal's heads; spotted now for an article not seen before), and
    # the evidence summed (only the parts of the articles that came and went are read whole).
    spots = SPOTS.run(cache, articles, keys, jobs=jobs)
    totals = EVIDENCE.total(cache, keys, spots)
    corpus_chars = sum(facts_of(a).chars for a in articles)
    candidates = rank_candidates(totals, corpus_chars, known, limit)
    if candidates:
        _add_examples(cache, candidates, articles, spots)
    return candidates


def _add_examples(cache: Cache, candidates: list[Candidate], articles: list[Article], heads: list[dict]) -> None:
    """Each candidate's EXAMPLES articles: those that use it (or an alias) most, then by slug."""
    wanted: dict[str, int] = {}
    for index, candidate in enumerate(candidates):
        for name in (candidate.name, *candidate.aliases):
            wanted.setdefault(name, index)
    uses: list[list[tuple[int, str, str]]] = [[] for _ in candidates]  # (−mentions, slug, name used)
    for article, head in zip(articles, heads):
        names = head["names"].split("\t") if head["names"] else ()
        found = wanted.keys() & names  # in C: most names of an article are no candidate's
        if found:
            slug = article.slug or article.source_path
            mentions = head["mentions"]
            for name in found:
                uses[wanted[name]].append((-mentions[names.index(name)], slug, name))
    by_slug = {a.slug or a.source_path: a for a in articles}
    pairs = []
    for candidate, used in zip(candidates, uses):
        best: dict[str, str] = {}
        for _, slug, name in heapq.nsmallest(EXAMPLES * 2, used):  # an article may use the name and an alias
            if slug not in best and len(best) < EXAMPLES:
                best[slug] = name
        pairs += [(candidate, slug, name) for slug, name in best.items()]
    items = [(by_slug[slug], name) for _, slug, name in pairs]
    found = SENTENCES.run(cache, items, [SENTENCES.key(spots_key(a), name) for a, name in items], jobs=1)
    for (candidate, slug, _), sentence in zip(pairs, found):
        candidate.examples.append((slug, by_slug[slug].title, sentence))
