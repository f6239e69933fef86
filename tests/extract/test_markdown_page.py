"""Markdown pages with front matter."""

from zhiku.extract.markdown_page import extract_markdown, plain_inline
from zhiku.model import Block, RawPage

from tests.conftest import HEADER
from tests.input_cases import MARKDOWN_PAGE, PROSE


def md(text, path="p.md"):
    return RawPage(path, text, "0" * 64, "utf-8", "markdown")


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
        Block("paragraph", PROSE),
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


def test_a_fenced_block_is_code_with_its_lines(profile):
    article = extract_markdown(md("---\ntitle: t\n---\n\n先装依赖：\n\n```bash\n# 安装\n  pip install *zhiku*\n```\n\n好了。\n"), profile)
    assert article.blocks == [Block("paragraph", "先装依赖："), Block("code", "# 安装\n  pip install *zhiku*"),
                              Block("paragraph", "好了。")]

