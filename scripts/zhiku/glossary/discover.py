"""Term discovery: names and terms of art that the articles use and the glossary lacks.

Per article (a cached step keyed by the article's content): the names spotted in its title and
text, each with its evidence (names.py). Over the site: those evidence vectors added up (a sum kept
between builds, cache/sums.py), so a build after a one-page change spots names in that page only and
adds it to the sum. Then the names are ranked (ranking.py), and each candidate shown gets a few
articles that use it, with a sentence of each (a cached step keyed by article and name).
"""
from __future__ import annotations

import hashlib

from ..cache.step import Cache, Step
from ..cache.store import loads
from ..cache.sums import SiteSum
from ..extract.facts import facts_of
from ..model import Article, Term
from ..read.ingest import content_identity, with_body
from .general import read_dictionary, use_dictionary
from .ranking import Candidate, fold, rank_candidates
from .spots import evidence_of, example_sentence, spot_article, with_article_body

# Candidates listed. The list ends where the evidence does (the rules' thresholds); this bounds the
# page on a large site (about 1 MB at 1,000). At 300, the list of a small site dense with names was
# cut short of names with evidence: 16 articles gave 342 candidates.
LIMIT = 1000
EXAMPLES = 3  # articles shown per candidate, each with a sentence that uses it
SEARCHED = 10  # articles that use a candidate, looked for, of which the EXAMPLES that use it most are shown

SPOTS = Step("discovery-names", spot_article, head=("mentions",), prepare=with_body)
# jieba's dictionary as spotting reads it (general.py): parsing its two files takes longer than a
# one-page rebuild spends on the rest of discovery; one result, read back whole.
GENERAL_CHINESE = Step("general-chinese", read_dictionary)
EVIDENCE = SiteSum("discovery-evidence", SPOTS, evidence_of, body=True)
SENTENCES = Step("discovery-sentences", example_sentence, prepare=with_article_body)


def spots_key(article: Article) -> str:
    """An article's spots are keyed by its content (its title, source and author with it, for one made in code)."""
    identity = content_identity(article)
    return SPOTS.key(identity) if article.content_key else SPOTS.key(identity, article.title, article.source or "",
                                                                      article.author or "")


def discover_terms(cache: Cache, articles: list[Article], terms: list[Term], limit: int = LIMIT,
                   jobs: int | None = None) -> list[Candidate]:
    """The candidates, best first, each with articles that use it and a sentence of each."""
    known = {fold(name) for term in terms for name in term.all_names} | {
        name.casefold() for term in terms for name in term.all_names}
    keys = [spots_key(a) for a in articles]
    # Every article's names (spotted now for an article not seen before). On a rebuild that finds
    # most of them in the journal, they are taken as it keeps them and decoded only when needed (the
    # evidence of a new article is then read back from its entry file). The evidence is summed from
    # the parts of the articles that came and went only.
    journal = cache.journal(SPOTS)
    missing = sum(journal.get_json(key) is None for key in keys)
    if missing and cache.folder is not None:  # read before spotting forks its workers
        [dictionary] = GENERAL_CHINESE.run(cache, [None], [GENERAL_CHINESE.key("jieba")], jobs=1)
        use_dictionary(dictionary)
    heads = SPOTS.run(cache, articles, keys, jobs=jobs, raw=cache.folder is not None and missing <= len(keys) // 2)
    totals = EVIDENCE.total(cache, keys, lambda indexes: [_decoded(heads[i]) for i in indexes])
    corpus_chars = sum(facts_of(a).chars for a in articles)
    candidates = rank_candidates(totals, corpus_chars, known, limit)
    if candidates:
        _add_examples(cache, candidates, articles, heads)
    return candidates


def _decoded(head):
    return head if isinstance(head, dict) else loads(head)


def _add_examples(cache: Cache, candidates: list[Candidate], articles: list[Article], heads: list) -> None:
    """Each candidate's EXAMPLES articles: of the first SEARCHED that use it (or an alias) in a fixed
    order of the articles (by a hash of their paths), those that use it most, then by slug. The
    articles' names are read in that order only until every candidate has its SEARCHED: on a large
    site, a few hundred of them."""
    wanted: dict[str, int] = {}
    for index, candidate in enumerate(candidates):
        for name in (candidate.name, *candidate.aliases):
            wanted.setdefault(name, index)
    users: list[dict[str, tuple[int, str]]] = [{} for _ in candidates]  # slug → (−mentions, name used)
    searching = set(range(len(candidates)))
    order = sorted(range(len(articles)), key=lambda i: (hashlib.sha256(articles[i].source_path.encode()).digest(), i))
    for i in order:
        if not searching:
            break
        mentions = _decoded(heads[i])["mentions"]
        found = wanted.keys() & mentions.keys()  # in C: most names of an article are no candidate's
        slug = articles[i].slug or articles[i].source_path
        for name in sorted(found):
            index = wanted[name]
            if index in searching:
                best = users[index].get(slug)
                if best is None or (-mentions[name], name) < best:
                    users[index][slug] = (-mentions[name], name)
                if len(users[index]) >= SEARCHED:
                    searching.discard(index)
    by_slug = {a.slug or a.source_path: a for a in articles}
    pairs = []
    for candidate, used in zip(candidates, users):
        for slug, (_, name) in sorted(used.items(), key=lambda item: (item[1][0], item[0]))[:EXAMPLES]:
            pairs.append((candidate, slug, name))
    items = [(by_slug[slug], name) for _, slug, name in pairs]
    found = SENTENCES.run(cache, items, [SENTENCES.key(spots_key(a), name) for a, name in items], jobs=1)
    for (candidate, slug, _), sentence in zip(pairs, found):
        candidate.examples.append((slug, by_slug[slug].title, sentence))
