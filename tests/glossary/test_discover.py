"""Term discovery: Latin names and Chinese words the glossary lacks, counted over the whole site."""
import pytest
from zhiku.cache.step import Cache
from zhiku.glossary import discover
from zhiku.glossary.discover import SAMPLE_CHARS, discover_terms, sample_articles
from zhiku.link.matcher import TermMatcher
from zhiku.model import Article, Block, Term


def article(text, key=""):
    return Article(source_path=f"{key or text[:4]}.txt", sha256="", title="t", blocks=[Block("paragraph", text)],
                   content_key=key)


ARTICLES = [
    article("TikTok 和 Reels 在争用户。Horizon Worlds 上线，TikTok 回应。MetaAI 不算 Meta。"),
    article("TikTok 的广告商转向 Reels。Quest3 降价，Horizon Worlds 也降价。"),
    article("Meta 发布 Llama，Reels 增长。"),
]


@pytest.fixture
def sample_proposes(monkeypatch):
    """The sample's TF-IDF stood in for: the Chinese words it proposes, with their rarity."""
    def propose(words):
        monkeypatch.setattr(discover, "chinese_candidates", lambda text, tokenizer, limit: {"": 1.0, **words})
    return propose


def discovered(articles, terms, cache=None):
    return {c.name: c for c in discover_terms(cache or Cache(None), articles, terms, TermMatcher(terms))}


def test_latin_names_are_counted_where_they_stand_as_names(sample_proposes):
    sample_proposes({})
    found = discovered(ARTICLES, [Term("Meta", aliases=["Llama"])])
    assert (found["TikTok"].count, found["TikTok"].articles) == (3, 2)
    assert (found["Reels"].count, found["Reels"].articles) == (3, 3)
    assert found["Horizon Worlds"].count == 2 and "Horizon" not in found  # a name of two words, whole
    assert "Quest3" not in found  # one mention, fewer than two
    assert "Meta" not in found and "Llama" not in found  # in the glossary already
    assert "MetaAI" not in found  # one mention; and it is not counted as Meta's


def test_chinese_words_are_counted_in_every_article_and_the_counts_follow_the_words(sample_proposes, tmp_path):
    articles = [article("广告商说广告贵。", "k1"), article("用户看广告，用户多。", "k2")]
    sample_proposes({"广告": 2.0})
    cache = Cache(tmp_path)
    found = discovered(articles, [], cache)
    cache.save()
    assert (found["广告"].count, found["广告"].articles) == (3, 2) and "用户" not in found
    # Other words sought: the counts kept for the old words are not taken for the new. (The sample's
    # TF-IDF, stood in for, is kept by the sample: forgotten, as a new sample would be.)
    sample_proposes({"广告": 2.0, "用户": 1.5})
    (tmp_path / f"{discover.SAMPLE_RARITY.name}.jsonl").unlink()
    found = discovered(articles, [], Cache(tmp_path))
    assert (found["用户"].count, found["用户"].articles) == (2, 1) and found["广告"].count == 3


def test_the_sample_is_about_sample_chars_and_stays_when_articles_come_and_go():
    def page(i):
        return Article(source_path=f"p{i:04d}.txt", sha256="", title=f"t{i}", blocks=[Block("paragraph", "字" * 5000)])

    site = [page(i) for i in range(200)]
    sample = sample_articles(site)
    assert SAMPLE_CHARS <= 5000 * len(sample) < SAMPLE_CHARS + 5000
    changed = 0
    for extra in range(1000, 1100):  # a new article changes the sample only by joining it
        grown = [a.source_path for a in sample_articles(site + [page(extra)])]
        if grown != [a.source_path for a in sample]:
            changed += 1
            assert f"p{extra:04d}.txt" in grown
    assert changed < 20  # 12 of 200 articles are in the sample: about 6 of 100 new ones join it
    outside = next(a for a in site if a not in sample)
    assert sample_articles([a for a in site if a is not outside]) == sample
