"""An article's page: front matter, body, slugs."""
import yaml
from zhiku.extract.text_dump import extract_article
from zhiku.glossary.pinyin import pinyin_slug
from zhiku.model import Article
from zhiku.write.article_page import assign_slugs, render_article

from tests.conftest import HEADER, page


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


def test_slugs_are_ascii_stable_and_distinct():
    assert pinyin_slug("重建Meta帝国:用AI“回敬”TikTok") == "chong-jian-meta-di-guo-yong-ai-hui-jing-tiktok"
    assert pinyin_slug("../../etc/passwd") == "etc-passwd"
    assert pinyin_slug("！！！") == "article"
    assert len(pinyin_slug("长" * 500)) <= 60
    twins = [Article(source_path=p, sha256="", title="同名") for p in ("a.txt", "b.txt")]
    assign_slugs(twins)
    assert twins[0].slug != twins[1].slug and all(t.slug.startswith("tong-ming-") for t in twins)
    again = [Article(source_path=p, sha256="", title="同名") for p in ("b.txt", "a.txt")]
    assign_slugs(again)
    assert {a.source_path: a.slug for a in again} == {t.source_path: t.slug for t in twins}


def test_an_unlinked_code_block_is_fenced_as_it_is():
    from zhiku.model import Block
    from zhiku.write.article_page import article_body
    a = Article(source_path="a.html", sha256="", title="t",
                blocks=[Block("paragraph", "*不是强调*"), Block("code", "x = 1\n  y = [2]")])
    assert article_body(a) == "\\*不是强调\\*\n\n```\nx = 1\n  y = [2]\n```\n"

