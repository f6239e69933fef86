import yaml

from conftest import HEADER, page
from zhiku.extract import extract_article
from zhiku.model import Article
from zhiku.facts import slugify_title
from zhiku.write import assign_slugs, render_article


def split_front_matter(markdown: str) -> tuple[dict, str]:
    _, front, body = markdown.split("---\n", 2)
    return yaml.safe_load(front), body


def test_sample_front_matter(profile, sample_text):
    article = extract_article(page(sample_text, "000_f2ff1240febe54e4.txt"), profile)
    meta, body = split_front_matter(render_article(article))
    assert meta["title"] == "重建Meta帝国:用AI“回敬”TikTok"
    assert meta["date"].isoformat() == "2024-05-24T11:02:00+08:00"
    assert (meta["clicks"], meta["source"], meta["author"]) == (9047, "表里表外", "洞见数据研究院")
    assert meta["keywords"] == ["AI", "Meta", "openai", "Anthropic", "大模型"] == meta["tags"]
    assert meta["references"][0] == {"publisher": "彭博社",
                                     "title": "How AI Replaced the Metaverse as Zuckerberg’s Top Priority"}
    assert meta["input"] == "000_f2ff1240febe54e4.txt" and meta["sha256"] == "0" * 64
    assert "## 01 算法“三代目”,站在TikTok的肩膀上" in body
    assert "- 彭博社:《How AI Replaced the Metaverse as Zuckerberg’s Top Priority》" in body
    assert "&amp;1GW" in body  # shown as written, not as an entity


def test_front_matter_survives_yaml_breaking_title(profile):
    title = "a: b # c ' \" --- [x] {y} &z *w"
    article = extract_article(page(HEADER + f"{title}\n1点击 2024-01-01 00:00\n正文\n"), profile)
    meta, _ = split_front_matter(render_article(article))
    assert meta["title"] == title


def test_every_non_blank_line_is_accounted_for(profile, sample_text):
    """Each input line is in the body, in the front matter, or in the ingest report with a reason."""
    article = extract_article(page(sample_text), profile)
    markdown = render_article(article)
    meta, body = split_front_matter(markdown)
    front_values = {str(v) for v in meta.values()} | set(meta["keywords"])
    reported = {d.first: d for d in article.dropped}
    blank_lines = {n for d in article.dropped if d.reason == "blank" for n in range(d.first, d.last + 1)}
    body_texts = [b.text for b in article.blocks] + [f"{r.publisher}:《{r.title}》" for r in article.references]
    for number, line in enumerate(sample_text.split("\n"), start=1):
        text = " ".join(line.replace("\u00a0", " ").split())
        if not text:
            assert number in blank_lines, f"blank line {number} not reported"
            continue
        in_body = any(text.replace(" 。", "。") in block for block in body_texts)
        in_report = number in reported and reported[number].reason != "blank"
        assert in_body or in_report, f"line {number} lost: {text[:40]}"
        if in_report and reported[number].reason.startswith("metadata"):
            assert reported[number].text == text
    assert article.title in front_values and "表里表外" in front_values


def test_slugs_are_ascii_stable_and_distinct():
    assert slugify_title("重建Meta帝国:用AI“回敬”TikTok") == "chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok"
    assert slugify_title("../../etc/passwd") == "etc-passwd"
    assert slugify_title("！！！") == "article"
    assert len(slugify_title("长" * 500)) <= 60
    twins = [Article(source_path=p, sha256="", title="同名") for p in ("a.txt", "b.txt")]
    assign_slugs(twins)
    assert twins[0].slug != twins[1].slug and all(t.slug.startswith("tong-ming-") for t in twins)
    again = [Article(source_path=p, sha256="", title="同名") for p in ("b.txt", "a.txt")]
    assign_slugs(again)
    assert {a.source_path: a.slug for a in again} == {t.source_path: t.slug for t in twins}


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
    from zhiku.write import render_article_index

    pages = render_article_index(dated_articles(30))
    assert list(pages) == ["articles/index.md"]
    assert sorted(listed_slugs(pages["articles/index.md"])) == sorted([f"a{i:04d}" for i in range(30)] + ["undated"])


def test_a_large_archive_is_split_into_month_pages_that_together_list_every_article():
    from zhiku.write import ARCHIVE_ON_ONE_PAGE, render_article_index

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
