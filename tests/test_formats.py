"""HTML pages (trafilatura) and Markdown pages with front matter, into the same Article."""
from datetime import datetime, timedelta, timezone

from conftest import HEADER
from input_cases import HTML_PAGE, MARKDOWN_PAGE
from zhiku.html_reader import extract_html
from zhiku.markdown_reader import extract_markdown, plain_inline
from zhiku.model import Block, RawPage


def html(text, path="p.html"):
    return RawPage(path, text, "0" * 64, "utf-8", "html")


def md(text, path="p.md"):
    return RawPage(path, text, "0" * 64, "utf-8", "markdown")


def test_html_main_text_and_metadata(profile):
    article = extract_html(html(HTML_PAGE.format(charset="utf-8", title="网页文章")), profile)
    assert article.title == "网页文章"
    assert article.date.isoformat() == "2024-03-05T08:30:00+08:00"
    assert (article.author, article.source, article.keywords) == ("张三", "机器之心", ["AI", "大模型", "Agent"])
    assert article.blocks[1] == Block("heading", "背景")
    text = " ".join(b.text for b in article.blocks)
    assert "<script>alert(1)</script>" in text  # the page's text, as text
    assert "page script" not in text and "首页 新闻" not in text and "版权所有" not in text
    assert article.problems == []


def test_portal_html_goes_through_the_same_cleaning(profile):
    page = ("<html><head><title>门户文章</title></head><body><article><h1>门户文章</h1>"
            "<p>9047点击 2024-05-24 11:02</p><p>正文第一段，这是一段足够长的文字，用来测试正文抽取。</p>"
            "<p>01 第一节</p><p>正文第二段，同样足够长的文字。</p>"
            "<p>文章来源于“表里表外”,作者“洞见数据研究院”</p><p>关键词: AI , Meta</p></article></body></html>")
    article = extract_html(html(page), profile)
    assert article.clicks == 9047 and article.date == datetime(2024, 5, 24, 11, 2, tzinfo=article.date.tzinfo)
    assert (article.source, article.author, article.keywords) == ("表里表外", "洞见数据研究院", ["AI", "Meta"])
    assert Block("heading", "01 第一节") in article.blocks


def test_html_date_formats(profile):
    page = '<html><head><title>T</title><meta name="pubdate" content="{}"></head><body><p>正文。</p></body></html>'
    utc = extract_html(html(page.format("2024-03-05T00:30:00Z")), profile)
    assert utc.date == datetime(2024, 3, 5, 0, 30, tzinfo=timezone.utc)
    naive = extract_html(html(page.format("2024-03-05 08:30")), profile)
    assert naive.date.utcoffset() == timedelta(hours=8)
    bad = extract_html(html(page.format("去年某天")), profile)
    assert bad.date is None and any(p.startswith("date does not parse") for p in bad.problems)


def test_html_without_title(profile):
    article = extract_html(html("<html><body><div>只有几个字</div></body></html>"), profile)
    assert article.title == "" and article.problems[0].startswith("no title")


def test_markdown_front_matter_and_body(profile):
    article = extract_markdown(md(MARKDOWN_PAGE), profile)
    assert article.title == "Markdown: 页面 # 'quoted'"
    assert article.date.isoformat() == "2024-02-03T04:05:00+08:00"
    assert (article.author, article.source, article.keywords) == ("李四", "自写", ["AI", "大模型"])
    assert article.blocks == [
        Block("paragraph", "第一段 加粗 和 链接 以及 <script>alert(1)</script> 文字。"),
        Block("heading", "小节"),
        Block("paragraph", "列表项一。"),
        Block("paragraph", "列表项二 code。"),
    ]
    assert article.problems == []


def test_markdown_problems_are_recorded_not_raised(profile):
    bad_yaml = extract_markdown(md("---\ntitle: [unclosed\n---\n\n# 标题\n\n正文。\n"), profile)
    assert bad_yaml.title == "标题" and any("front matter is not valid YAML" in p for p in bad_yaml.problems)
    alias = extract_markdown(md("---\na: &x [1]\nb: *x\ntitle: t\n---\n正文。\n"), profile)
    assert any("not valid YAML" in p for p in alias.problems)  # no alias expansion
    no_title = extract_markdown(md("正文而已。\n"), profile)
    assert no_title.title == "" and no_title.problems[0].startswith("no title")
    bad_date = extract_markdown(md("---\ntitle: t\ndate: 不是日期\n---\n正文。\n"), profile)
    assert bad_date.problems == ["date does not parse: '不是日期'"]


def test_plain_inline_keeps_text_drops_targets():
    assert plain_inline("[x](javascript:alert(1)) ![alt](e.png) **b** *i* `c` 3 * 4") == "x alt b i c 3 * 4"


def test_text_dump_header_in_markdown_is_body_text(profile):
    article = extract_markdown(md("---\ntitle: t\ndate: 2024-01-01\n---\n" + HEADER), profile)
    assert article.title == "t"
