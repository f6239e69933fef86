from datetime import datetime, timedelta, timezone

import yaml
from zhiku.extract.text_dump import extract_article, parse_publish_time
from zhiku.model import Reference
from zhiku.write.article_page import render_article

from tests.conftest import HEADER, page


def test_sample_page_fields(profile, sample_text):
    article = extract_article(page(sample_text), profile)
    assert article.title == "重建Meta帝国:用AI“回敬”TikTok"
    assert article.clicks == 9047
    assert article.date == datetime(2024, 5, 24, 11, 2, tzinfo=timezone(timedelta(hours=8)))
    assert article.date.isoformat() == "2024-05-24T11:02:00+08:00"
    assert article.source == "表里表外"
    assert article.author == "洞见数据研究院"  # the portal left off the closing quote
    assert article.keywords == ["AI", "Meta", "openai", "Anthropic", "大模型"]
    assert article.references[0] == Reference("彭博社", "How AI Replaced the Metaverse as Zuckerberg’s Top Priority")
    assert article.references[-1] == Reference(
        "Dwarkesh Patel", "Mark Zuckerberg-Llama3,$10B Models, Caesar Augustus, &1GW Datacenters")
    assert len(article.references) == 5
    assert article.portal_keyword_line.startswith("ChatGPT 人工智能 GPT4")
    assert article.problems == []


def test_sample_page_body(profile, sample_text):
    article = extract_article(page(sample_text), profile)
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == ["01 算法“三代目”,站在TikTok的肩膀上", "02 绕过苹果隐私新规,广告业务重新上桌",
                        "03 大模型开源,让开发者为Meta“打工”", "04 小结"]
    texts = [b.text for b in article.blocks]
    assert texts[0].startswith("2023年5月,美国白宫举办了一场AI主题闭门会")
    assert texts[-1].startswith("马斯克粉丝看完都忍不住感慨")
    # No chrome, metadata or reference line leaks into the body.
    body = "\n".join(texts)
    for leaked in ("热门搜索", "9047点击", "关键词", "文章来源于", "参考资料", "彭博社"):
        assert leaked not in body
    assert "服务。”" in body  # the NBSP pad before the full stop is gone


def test_no_click_line(profile):
    article = extract_article(page(HEADER + "标题\n\n第一段。\n"), profile)
    assert article.title == "标题"
    assert article.date is None and article.clicks is None
    assert [b.text for b in article.blocks] == ["第一段。"]
    assert any("no publish time" in p for p in article.problems)


def test_no_keywords_no_references_no_source(profile):
    article = extract_article(page(HEADER + "标题\n12点击 2024-01-02 03:04\n\n正文。\n"), profile)
    assert article.keywords == [] and article.references == [] and article.source is None
    assert [b.text for b in article.blocks] == ["正文。"]
    assert article.problems == []


def test_other_keyword_header_and_order(profile):
    text = HEADER + "标题\n1点击 2024-01-02 03:04\n正文。\n\n关键字：大模型，OpenAI、openai\n文章来源于“甲”,作者“乙”\n"
    article = extract_article(page(text), profile)
    assert article.keywords == ["大模型", "OpenAI"]  # case-insensitive duplicates keep the first spelling
    assert (article.source, article.author) == ("甲", "乙")


def test_crlf_and_cr_line_ends(profile, sample_text):
    lf = extract_article(page(sample_text), profile)
    for ending in ("\r\n", "\r"):
        other = extract_article(page(sample_text.replace("\n", ending)), profile)
        assert (other.title, other.date, other.keywords, other.blocks, other.references) == (
            lf.title, lf.date, lf.keywords, lf.blocks, lf.references)


def test_page_without_portal_chrome(profile):
    article = extract_article(page("\n\n独立标题\n正文第一行\n正文第二行\n"), profile)
    assert article.title == "独立标题"
    assert article.portal_keyword_line == ""
    assert [b.text for b in article.blocks] == ["正文第一行正文第二行"]  # one paragraph, CJK joined


def test_page_with_no_title(profile):
    article = extract_article(page(HEADER + "\n\n"), profile)
    assert article.title == ""
    assert article.problems and "no title" in article.problems[0]


def test_unparsable_date_is_a_problem_not_a_crash(profile):
    article = extract_article(page(HEADER + "标题\n5点击 2024-13-45 99:99\n正文。\n"), profile)
    assert article.date is None and article.clicks == 5
    assert any("date does not parse" in p for p in article.problems)


def test_publish_time_formats(profile):
    shanghai = timezone(timedelta(hours=8))
    assert parse_publish_time("2024-05-24 11:02", profile) == datetime(2024, 5, 24, 11, 2, tzinfo=shanghai)
    assert parse_publish_time("2024年5月24日 11:02", profile) == datetime(2024, 5, 24, 11, 2, tzinfo=shanghai)
    assert parse_publish_time("2024/05/24", profile) == datetime(2024, 5, 24, tzinfo=shanghai)
    assert parse_publish_time("昨天", profile) is None


def test_numbered_sentence_is_not_a_heading(profile):
    article = extract_article(page(HEADER + "标题\n\n01 这是一个以数字开头的完整句子。\n\n02 小结\n"), profile)
    assert [b.kind for b in article.blocks] == ["paragraph", "heading"]


def split_front_matter(markdown: str) -> tuple[dict, str]:
    _, front, body = markdown.split("---\n", 2)
    return yaml.safe_load(front), body


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
