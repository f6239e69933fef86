from zhiku.cache import Memo
from zhiku.discover import SAMPLE_CHARS, _chinese_counts, discover_terms, sample_articles
from zhiku.model import Article, Block, Term


def article(text, key=""):
    return Article(source_path=f"{key or text[:4]}.txt", sha256="", title="t", blocks=[Block("paragraph", text)],
                   content_key=key)


ARTICLES = [
    article("TikTok 和 Reels 在争用户。Horizon Worlds 上线，TikTok 回应。MetaAI 不算 Meta。"),
    article("TikTok 的广告商转向 Reels。Quest3 降价，Horizon Worlds 也降价。"),
    article("Meta 发布 Llama，Reels 增长。"),
]


def test_latin_names_are_counted_where_they_stand_as_names():
    found = {c.name: c for c in discover_terms(ARTICLES, [Term("Meta", aliases=["Llama"])], store=NoChineseWords())}
    assert (found["TikTok"].count, found["TikTok"].articles) == (3, 2)
    assert (found["Reels"].count, found["Reels"].articles) == (3, 3)
    assert found["Horizon Worlds"].count == 2 and "Horizon" not in found  # a name of two words, whole
    assert "Quest3" not in found  # one mention, fewer than two
    assert "Meta" not in found and "Llama" not in found  # in the glossary already
    assert "MetaAI" not in found  # one mention; and it is not counted as Meta's


def test_chinese_words_are_counted_in_every_article_and_a_memo_follows_the_words():
    articles = [article("广告商说广告贵。", "k1"), article("用户看广告。", "k2")]
    memo = Memo(None, "chinese-counts")
    assert list(_chinese_counts(["广告"], articles, memo)) == [[2], [1]]
    # Other words sought: what the memo holds for the old words is not taken for the new.
    assert list(_chinese_counts(["广告", "用户"], articles, memo)) == [[2, 0], [1, 1]]


class NoChineseWords:
    """A TF-IDF cache that has the sample's answer: no Chinese words (only the Latin side is under test)."""

    def get(self, key):
        return {"": 1.0}

    def put(self, key, value):
        raise AssertionError("nothing to store")


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
