"""Relations: related articles (shared terms) and related terms (co-occurrence in articles)."""
from __future__ import annotations

from collections import Counter, defaultdict


RELATING_CEILING = 500  # a term in more articles than this relates too many to say which are related


def _informative(article_terms: dict[str, set[str]]) -> dict[str, set[str]]:
    """Leave out terms found in a fifth of a site's articles, or in more than RELATING_CEILING: they
    relate everything to everything, and pairing them costs the square of the site's size (at 10,000
    articles a fifth was 2,000 holders a term, and 10 s of every build)."""
    df = Counter(t for terms in article_terms.values() for t in terms)
    ceiling = max(50, min(len(article_terms) // 5, RELATING_CEILING))
    return {key: {t for t in terms if df[t] <= ceiling} for key, terms in article_terms.items()}


def related_articles(article_terms: dict[str, set[str]], limit: int = 5) -> dict[str, list[tuple[str, list[str]]]]:
    """For each article, those sharing the most terms (ties: key order), with the shared terms."""
    terms_of = _informative(article_terms)
    holders: dict[str, list[str]] = defaultdict(list)
    for key in sorted(terms_of):
        for term in terms_of[key]:
            holders[term].append(key)
    related = {}
    for key in sorted(terms_of):
        shared: dict[str, list[str]] = defaultdict(list)
        for term in sorted(terms_of[key]):
            for other in holders[term]:
                if other != key:
                    shared[other].append(term)
        ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), item[0]))
        related[key] = ranked[:limit]
    return related


def related_terms(article_terms: dict[str, set[str]], limit: int = 8) -> dict[str, list[tuple[str, int]]]:
    """For each term, the terms it is mentioned with, and in how many articles.

    Ranked by shared articles over the geometric mean of the two terms' article counts (as the term
    graph does), so that a term found everywhere (AI) does not lead every list.
    """
    pairs: dict[str, Counter] = defaultdict(Counter)
    df: Counter = Counter()
    for terms in article_terms.values():
        ordered = sorted(terms)
        df.update(ordered)
        for term in ordered:
            pairs[term].update(ordered)  # itself too (counted in C, not term by term); taken out below
    for term, counts in pairs.items():
        del counts[term]
    return {term: sorted(counts.items(), key=lambda item: (-item[1] / (df[term] * df[item[0]]) ** 0.5, item[0]))[:limit]
            for term, counts in pairs.items()}
