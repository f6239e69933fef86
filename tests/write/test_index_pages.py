"""The archive and the home page."""
from zhiku.model import Article


def dated_articles(n: int) -> list[Article]:
    from datetime import datetime, timedelta, timezone

    start = datetime(2024, 1, 1, 9, tzinfo=timezone(timedelta(hours=8)))
    articles = [Article(f"{i}.txt", "0" * 64, title=f"文章{i}", slug=f"a{i:04d}", date=start + timedelta(days=i % 90))
                for i in range(n)]
    return articles + [Article("undated.txt", "0" * 64, title="无日期", slug="undated")]


def listed_slugs(markdown: str) -> list[str]:
    return [line.split("articles/" if "articles/" in line else "](")[-1].split(".md")[0]
            for line in markdown.splitlines() if line.startswith("- [文章") or line.startswith("- [无日期")]


def test_a_small_archive_is_one_page_listing_every_article():
    from zhiku.write.index_pages import render_article_index

    pages = render_article_index(dated_articles(30))
    assert list(pages) == ["articles/index.md"]
    assert sorted(listed_slugs(pages["articles/index.md"])) == sorted([f"a{i:04d}" for i in range(30)] + ["undated"])


def test_a_large_archive_is_split_into_month_pages_that_together_list_every_article():
    from zhiku.write.index_pages import ARCHIVE_ON_ONE_PAGE, render_article_index

    n = ARCHIVE_ON_ONE_PAGE + 100
    pages = render_article_index(dated_articles(n))
    index = pages.pop("articles/index.md")
    assert sorted(pages) == ["archive/2024-01.md", "archive/2024-02.md", "archive/2024-03.md", "archive/undated.md"]
    assert listed_slugs(index) == []  # the index lists months, not articles
    for name in pages:
        assert f"](../{name})" in index
    everywhere = [slug for markdown in pages.values() for slug in listed_slugs(markdown)]
    assert sorted(everywhere) == sorted([f"a{i:04d}" for i in range(n)] + ["undated"])
    assert "](../articles/a0000.md)" in pages["archive/2024-01.md"]
    assert "2024 年 01 月（" in index and "## 日期不详" in index
