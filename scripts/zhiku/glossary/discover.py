"""Term discovery: names and terms of art that the articles use and the glossary lacks.

Per article (a cached step keyed by the article's content): the names spotted in its title and
text, each with its evidence (names.py). Over the site: those evidence vectors added up (a sum kept
between builds, cache/sums.py), so a build after a one-page change spots names in that page only and
adds it to the sum. Then the names are ranked (ranking.py), and each candidate shown gets the
articles that use it most, with a sentence of each (a cached step keyed by article and name).
"""
from __future__ import annotations

import heapq

from ..cache.step import Cache, Step
from ..cache.sums import SiteSum
from ..extract.facts import facts_of
from ..model import Article, Term
from ..read.ingest import content_identity, with_body
from .ranking import Candidate, fold, rank_candidates
from .spots import evidence_of, example_sentence, spot_article, with_article_body

LIMIT = 300  # candidates listed: a curator's reading, whatever the size of the site
EXAMPLES = 3  # articles shown per candidate, each with a sentence that uses it

SPOTS = Step("discovery-names", spot_article, head=("mentions",), prepare=with_body)
EVIDENCE = SiteSum("discovery-evidence", SPOTS, evidence_of, body=True)
SENTENCES = Step("discovery-sentences", example_sentence, prepare=with_article_body)


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
        mentions = head["mentions"]
        found = wanted.keys() & mentions.keys()  # in C: most names of an article are no candidate's
        if found:
            slug = article.slug or article.source_path
            for name in found:
                uses[wanted[name]].append((-mentions[name], slug, name))
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
