"""Every picture of the site, drawn at build time from the model (graph.py, trends.py): pure, no I/O."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..layout import GRAPH_PAGE
from ..model import Article, Term
from .graph import neighbourhood_figure, render_graph_page, term_articles
from .trends import corpus_months, render_rising, terms_per_month, trend_figure


@dataclass
class Pictures:
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # term name → (trend, neighbourhood)
    home: str = ""  # the home page's rising-terms section
    pages: dict[str, str] = field(default_factory=dict)  # whole pages by path in the docs folder


def draw_pictures(terms: list[Term], uses: dict, articles: list[Article]) -> Pictures:
    per_month = terms_per_month(terms, uses, articles)
    by_name = {t.name: t for t in terms}
    months = corpus_months(articles)
    mentioned = term_articles(terms, uses)
    entries = {}
    for term in terms:
        use = uses.get(term.name)
        if use and use.mentions:
            entries[term.name] = (trend_figure(term.name, per_month[term.name], months),
                                  neighbourhood_figure(term, by_name, mentioned, len(articles)))
    return Pictures(entries, render_rising(terms, uses, articles, per_month),
                    {GRAPH_PAGE: render_graph_page(terms, uses, len(articles), mentioned)})
