"""The link stage over a whole site: every article linked (cached per article, on every core), each
term's use gathered, related articles and terms worked out."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from ..cache.step import Cache, Step
from ..cache.sums import SiteSum
from ..layout import GLOSSARY_DIR
from ..model import Article, LinkResult, Term
from ..read.ingest import content_identity, with_body
from .article import link_result, snippet_of
from .matcher import TermMatcher
from .relate import pairs_of_result, pairs_of_results, related_articles_of, related_terms_from
from .render import tooltip


_last_loaded: list = [None, None]  # (link key, its snippets): the items come an article at a time


def _with_snippets(item: tuple[str, str, dict | None], cache: Cache) -> tuple[dict, str]:
    """(link key, term, the result's snippets if at hand) → (the snippets, term)."""
    key, name, snippets = item
    if snippets is None:
        if _last_loaded[0] != key:
            _last_loaded[:] = key, LINK.load(cache, key)["snippets"]
        snippets = _last_loaded[1]
    return snippets, name


LINK = Step("links", link_result, head=("counts", "unlinked"), prepare=with_body)
# The snippets the glossary entries show, by article and term: an entry lists a hundred articles,
# and reading each one's whole link result for one sentence was most of making the entries.
SNIPPETS = Step("link-snippets", snippet_of, prepare=_with_snippets)
RELATED_ARTICLES = Step("related-articles", related_articles_of)
TERM_PAIRS = SiteSum("term-pairs", LINK, pairs_of_result, whole=pairs_of_results)


@dataclass
class TermUse:
    """How the articles use one term."""

    mentions: Counter = field(default_factory=Counter)  # article slug → mentions
    links: int = 0
    related: list[tuple[str, int]] = field(default_factory=list)  # (term name, shared articles)

    @property
    def total(self) -> int:
        return sum(self.mentions.values())


@dataclass
class SiteLinks:
    matcher: TermMatcher
    results: list[LinkResult]  # in the articles' order
    uses: dict[str, TermUse]
    relinked: list[str]  # the articles linked this run, not taken from the cache


def glossary_fingerprint(terms: list[Term]) -> str:
    """Everything about the glossary that shows in a linked article: names, flags, slugs, tooltips."""
    data = [[t.name, t.aliases, t.link, t.case_sensitive, t.slug, tooltip(t)] for t in terms]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()


def link_key(fingerprint: str, article: Article) -> str:
    """The glossary and the article's content."""
    return LINK.key(fingerprint, content_identity(article))


def link_site(cache: Cache, articles: list[Article], terms: list[Term], jobs: int | None = None) -> SiteLinks:
    """Link every article to the glossary; gather how each term is used, related articles and terms.
    Sets each article's terms, related articles and link key."""
    matcher = TermMatcher(terms)
    fingerprint = glossary_fingerprint(terms)
    keys = [link_key(fingerprint, a) for a in articles]
    found = LINK.run(cache, articles, keys, context=(matcher, f"../{GLOSSARY_DIR}/"), jobs=jobs,
                     before=lambda: matcher.segmenter)  # the dictionary built once, before workers fork
    results = [LinkResult(key, r["counts"], r["unlinked"], r.get("blocks"), r.get("snippets"))
               for key, r in zip(keys, found)]
    uses = {term.name: TermUse() for term in terms}
    unlinked = Counter()
    for article, result in zip(articles, results):
        article.link_key = result.key
        article.terms = sorted(result.counts)
        for name, count in result.counts.items():
            uses[name].mentions[article.slug] = count
        unlinked.update(result.unlinked)
    for name, use in uses.items():
        use.links = len(use.mentions) - unlinked[name]  # the articles that mention it and link it
    by_slug = {a.slug: a for a in articles}
    terms_by_slug = {a.slug: a.terms for a in sorted(articles, key=lambda a: a.slug)}
    shown = "\n".join(f"{slug}\t{' '.join(names)}" for slug, names in terms_by_slug.items())
    [related] = RELATED_ARTICLES.run(cache, [terms_by_slug], [RELATED_ARTICLES.key(shown)])
    for slug, others in related.items():
        by_slug[slug].related = [(other, by_slug[other].title, shared) for other, shared in others]
    for name, others in related_terms_from(TERM_PAIRS.total(cache, keys, found)).items():
        uses[name].related = others
    return SiteLinks(matcher, results, uses, [articles[i].source_path for i in LINK.computed])


def term_snippets(cache: Cache, results: dict[str, LinkResult], wanted: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """term → article slug → the term's first mention in that article, for the `wanted` slugs of each
    term; `results`: link results by slug."""
    wanted_pairs = sorted(((results[slug].key, name, slug) for name, slugs in wanted.items() for slug in slugs))
    items = [(key, name, results[slug].snippets) for key, name, slug in wanted_pairs]  # an article at a time
    found = SNIPPETS.run(cache, items, [SNIPPETS.key(key, name) for key, name, _ in items], jobs=1)
    snippets: dict[str, dict[str, str]] = {name: {} for name in wanted}
    for (_, name, slug), text in zip(wanted_pairs, found):
        snippets[name][slug] = text
    return snippets
