from hypothesis import given, settings
from hypothesis import strategies as st
from zhiku.link.relate import (
    count_all_pairs,
    count_pairs,
    pairs_by_bitmask,
    related_articles,
    related_terms,
)


def test_related_articles_share_the_most_terms():
    terms = {"a": {"AI", "大模型", "Meta"}, "b": {"AI", "大模型"}, "c": {"AI"}, "d": {"TikTok"}}
    related = related_articles(terms)
    assert related["a"] == [("b", ["AI", "大模型"]), ("c", ["AI"])]
    assert related["d"] == []


def test_related_terms_are_not_led_by_a_term_found_everywhere():
    terms = {f"p{i}": {"AI"} for i in range(8)}
    terms.update({"x": {"AI", "Kimi", "月之暗面"}, "y": {"AI", "Kimi", "月之暗面"}, "z": {"AI", "Kimi"}})
    related = related_terms(terms)
    # Kimi shares 3 articles with AI but only 2 with 月之暗面, which is never seen without it.
    assert related["Kimi"][0] == ("月之暗面", 2)
    assert ("AI", 3) in related["Kimi"]


def test_a_term_in_too_many_articles_relates_none_of_them():
    from zhiku.link.relate import RELATING_CEILING

    # 3,000 articles; AI is in 550 of them: under a fifth of the site (600), over the ceiling (500).
    terms = {f"p{i:04d}": {"AI"} if i < 550 else {f"other{i}"} for i in range(3000)}
    terms["p0001"] |= {"Sora"}
    terms["p0002"] |= {"Sora"}
    related = related_articles(terms)
    assert RELATING_CEILING < 550 < 3000 // 5
    assert related["p0001"] == [("p0002", ["Sora"])]
    assert related["p0003"] == []


def plain(pairs, df):
    return ({t: {o: n for o, n in c.items() if n} for t, c in pairs.items() if df[t]},
            {t: n for t, n in df.items() if n})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sets(st.sampled_from(["AI", "大模型", "扎克伯格", "Meta", "开源", "OpenAI"])), max_size=30))
def test_pairs_counted_term_by_term_are_the_pairs_counted_article_by_article(term_sets):
    sets = [sorted(s) for s in term_sets]
    assert plain(*pairs_by_bitmask(sets)) == plain(*count_pairs(sets)) == plain(*count_all_pairs(sets))
