"""Glossary entries: the articles that mention a term, capped so that no entry grows with the site."""
from collections import Counter
from urllib.parse import unquote

from zhiku.link.matcher import TermMatcher
from zhiku.write.glossary_pages import MENTIONS_LISTED, most_mentioning, render_entry

from tests.pictures_data import make_site


def entry(mentioning: int) -> str:
    # Article i mentions 大模型 (i % 7) + 1 times; 杂项 keeps a second term in the glossary.
    spec = {f"a{i:03d}": ("2024-01-01", {"大模型": i % 7 + 1}) for i in range(mentioning)}
    spec["z"] = ("2024-01-02", {"杂项": 1})
    terms, uses, articles = make_site(spec)
    snippets = {slug: f"片段 {slug}" for slug in uses["大模型"].mentions}
    term = next(t for t in terms if t.name == "大模型")
    return render_entry(term, uses["大模型"], {a.slug: a.title for a in articles}, snippets, {t.name: t for t in terms},
                        TermMatcher(terms))


def listed(markdown: str) -> list[str]:
    return [line.split("](../articles/")[1].split(".md")[0] for line in markdown.splitlines()
            if line.startswith("- [") and "../articles/" in line]


def test_a_small_site_lists_every_mentioning_article_most_mentions_first():
    markdown = entry(20)
    assert "- [标题 a006](../articles/a006.md)（7 次）：片段 a006" in markdown
    slugs = listed(markdown)
    assert sorted(slugs) == [f"a{i:03d}" for i in range(20)]
    assert slugs[0] == "a006" and slugs[-1] == "a014"  # 7 mentions first; 1 mention last, by slug
    assert "?q=" not in markdown
    assert "见于 20 篇文章" in markdown


def test_a_large_site_lists_the_most_mentioning_articles_and_links_the_rest_to_search():
    markdown = entry(MENTIONS_LISTED * 3)
    slugs = listed(markdown)
    assert len(slugs) == MENTIONS_LISTED
    counts = {f"a{i:03d}": i % 7 + 1 for i in range(MENTIONS_LISTED * 3)}
    assert min(counts[s] for s in slugs) >= max(c for s, c in counts.items() if s not in slugs)
    assert f"见于 {MENTIONS_LISTED * 3} 篇文章" in markdown  # the count is of all of them
    link = next(line for line in markdown.splitlines() if "?q=" in line)
    assert f"其余 {MENTIONS_LISTED * 2} 篇" in link
    assert unquote(link.split("(?q=")[1].split(")")[0]) == "大模型"


def test_the_search_link_renders_as_a_query_on_the_same_page(render):
    html = render(entry(MENTIONS_LISTED + 1))
    assert 'href="?q=%E5%A4%A7%E6%A8%A1%E5%9E%8B"' in html


def test_most_mentioning_is_the_head_of_the_full_ranking_ties_by_slug():
    import random

    rng = random.Random(5)
    mentions = Counter({f"a{i:04d}": rng.randint(1, 6) for i in range(3000)})  # many ties at every count
    full = sorted(mentions.items(), key=lambda item: (-item[1], item[0]))
    for limit in (1, 100, 2999, 3000, 5000):
        assert most_mentioning(mentions, limit) == full[:limit]
