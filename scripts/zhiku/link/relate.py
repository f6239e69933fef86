"""Relations: related articles (shared terms) and related terms (co-occurrence in articles)."""
from __future__ import annotations

from collections import Counter, defaultdict


RELATING_CEILING = 500  # a term in more articles than this relates too many to say which are related


def _informative(article_terms: dict[str, set[str]]) -> dict[str, set[str]]:
    """Leave out terms found in a fifth of a site's articles, or in more than RELATING_CEILING: they
    relate everything to everything, and pairing them costs the square of the site's size."""
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
    pairs, df = count_all_pairs(article_terms.values())
    return rank_related_terms(pairs, df, limit)


def count_all_pairs(term_sets) -> tuple[dict[str, Counter], Counter]:
    """count_pairs over a whole site, by whichever way is less work: pair by pair within each article
    (Σ k², k an article's terms), or term by term over the site (T², T the terms), each term's
    articles the bits of an int and two terms' shared articles a popcount."""
    term_sets = [list(terms) for terms in term_sets]
    distinct = {term for terms in term_sets for term in terms}
    if len(distinct) ** 2 >= sum(len(terms) ** 2 for terms in term_sets):
        return count_pairs(term_sets)
    return pairs_by_bitmask(term_sets)


def bitmask(positions, size: int) -> int:
    """An int with a bit set at each position below `size` (a byte a position: no bit arithmetic in
    Python); two such masks share (a & b).bit_count() positions."""
    flags = bytearray(size)
    for position in positions:
        flags[position] = 1
    return int.from_bytes(flags, "little")


def pairs_by_bitmask(term_sets: list[list[str]]) -> tuple[dict[str, Counter], Counter]:
    """count_pairs term by term (count_all_pairs); an article's terms are each listed once."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(term_sets):
        for term in terms:
            holders[term].append(i)
    masks = {term: bitmask(articles, len(term_sets)) for term, articles in sorted(holders.items())}
    df = Counter({term: mask.bit_count() for term, mask in masks.items()})
    pairs: dict[str, Counter] = defaultdict(Counter)
    names = list(masks)
    for i, a in enumerate(names):
        pairs[a][a] = df[a]  # itself, as count_pairs counts it
        for b in names[i + 1:]:
            if shared := (masks[a] & masks[b]).bit_count():
                pairs[a][b] = pairs[b][a] = shared
    return pairs, df


def count_pairs(term_sets, pairs: dict[str, Counter] | None = None, df: Counter | None = None,
                take_away: bool = False) -> tuple[dict[str, Counter], Counter]:
    """Add up (or take away) in how many articles each two terms are found together."""
    pairs = defaultdict(Counter, pairs or {})
    df = df if df is not None else Counter()
    for terms in term_sets:
        ordered = sorted(terms)
        if take_away:
            df.subtract(ordered)
            for term in ordered:
                pairs[term].subtract(ordered)
        else:
            df.update(ordered)
            for term in ordered:
                pairs[term].update(ordered)  # itself too (counted in C, not term by term); left out when ranked
    return pairs, df


def rank_related_terms(pairs: dict[str, Counter], df: Counter, limit: int = 8) -> dict[str, list[tuple[str, int]]]:
    def score(item):
        return -item[1] / (df[term] * df[item[0]]) ** 0.5, item[0]

    related = {}
    for term, counts in pairs.items():
        if df[term] > 0:
            related[term] = sorted(((o, n) for o, n in counts.items() if n > 0 and o != term), key=score)[:limit]
    return related


def pair_part(terms) -> dict[str, list[int]]:
    """One article's pairs of terms ("a\tb", a and b alike: a term with itself counts its articles),
    as a site sum adds them (cache/sums.py)."""
    return {f"{a}\t{b}": [1] for a in terms for b in terms}


def pair_total(term_sets) -> dict[str, list[int]]:
    """Σ pair_part over the articles, counted by whichever way is less work (count_all_pairs)."""
    pairs, _ = count_all_pairs(term_sets)
    return {f"{a}\t{b}": [n] for a, counts in pairs.items() for b, n in counts.items() if n}


def related_terms_from(total: dict[str, list[int]], limit: int = 8) -> dict[str, list[tuple[str, int]]]:
    """related_terms, from the site's pair_total."""
    pairs: dict[str, Counter] = defaultdict(Counter)
    for pair, (n,) in total.items():
        a, b = pair.split("\t")
        pairs[a][b] = n
    df = Counter({term: counts[term] for term, counts in pairs.items()})
    return rank_related_terms(pairs, df, limit)


def related_articles_of(terms_by_slug: dict[str, list[str]], context=None) -> dict:
    """related_articles, from each article's terms as a list (as plain data holds them)."""
    return related_articles({slug: set(terms) for slug, terms in terms_by_slug.items()})


def pairs_of_result(result: dict) -> dict[str, list[int]]:
    """pair_part of an article's link result (its terms are its counts' keys)."""
    return pair_part(sorted(result["counts"]))


def pairs_of_results(results: list[dict]) -> dict[str, list[int]]:
    return pair_total(list(r["counts"]) for r in results)
