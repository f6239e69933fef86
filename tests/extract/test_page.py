"""One page file to one extraction: the checks that need the raw page."""

import pytest
from zhiku.extract.page import SHORT_BODY, cut_off, extract_page
from zhiku.extract.text_dump import extract_article
from zhiku.model import RawPage
from zhiku.profile import default_profile
from zhiku.read.problems import problem_kind, published

from tests.conftest import HEADER
from tests.input_cases import dump


@pytest.mark.parametrize("body, footer, is_cut", [
    ("第一段。\n\n第二段", False, True),
    ("第一段。\n\n第二段。", False, False),
    ("第一段。\n\n他说：“好的。”", False, False),
    ("第一段。\n\n第二段", True, False),  # keywords/source footer: the page is whole
])
def test_cut_off_rule_for_text_dumps(profile, body, footer, is_cut):
    raw = RawPage("p.txt", dump("标题", body, footer=footer), "0")
    assert (cut_off(extract_article(raw, profile), raw) is not None) == is_cut


def test_cut_off_rule_for_html(profile):
    article = extract_article(RawPage("p.txt", "标题\n\n正文。", "0"), profile)
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p></body></html>\n", "0", format="html")) is None
    assert cut_off(article, RawPage("p.html", "<html><body><p>正文。</p>", "0", format="html")) is not None


def checked(text: str, path: str = "p.txt", fmt: str = "text") -> list[str]:
    """The problems extract_page finds on a page (every format goes through it)."""
    return extract_page(RawPage(path, text, "0" * 64, "utf-8", fmt), default_profile()).problems


def kinds(problems: list[str]) -> list[str]:
    return [problem_kind(p) for p in problems]


# Sentences of the sample page, 171 characters: over the short-body threshold.
WHOLE = ("2023年5月,美国白宫举办了一场AI主题闭门会,嘉宾名单汇聚了中青少三代——老资历谷歌、微软,新星OpenAI,"
         "初创的Anthropic,却唯独没有Meta。甚至会后,官方的回应又给了扎克伯格一击:“目前在该领域处于领先地位的公司,"
         "才会收到邀请”。但同期,Meta在业内却是另一番景象。媒体们一反常态,将扎克伯格形容为“AI所需要的英雄”。")


@pytest.mark.parametrize("text, path, fmt", [
    (HEADER + "下载只到标题的页面\n1点击 2024-01-01 00:00\n", "cut.txt", "text"),  # cut off right after the title
    (HEADER + "只剩小标题的页面\n1点击 2024-01-01 00:00\n\n01 背景\n\n02 结论\n", "headings.txt", "text"),
    ("---\ntitle: 只有标题\ndate: 2024-01-01\n---\n\n# 只有标题\n\n## 第一节\n", "headings.md", "markdown"),
    ("<html><head><title>只剩小标题 - 某网</title></head><body><article><h1>只剩小标题</h1>"
     "<h2>第一节：背景与来龙去脉</h2><h2>第二节：各方的回应与分析</h2></article></body></html>", "headings.html", "html"),
], ids=["cut-after-title", "dump-headings-only", "markdown-headings-only", "html-headings-only"])
def test_a_page_without_a_paragraph_has_an_empty_body_and_is_not_published(text, path, fmt):
    problems = checked(text, path, fmt)
    reasons = [kind for kind in kinds(problems) if not published(kind)]
    # An HTML page may already have been found to have no body by the HTML stage (html_fields): the
    # same verdict, in that stage's words. This one has a heading left by trafilatura's fallback.
    assert reasons == ["empty-body"] or (fmt == "html" and reasons == ["no-body"]), problems


def test_an_html_page_keeps_its_own_reason_for_having_no_body():
    login = ("<html><head><title>会员文章 - 某网</title></head><body><h1>会员文章</h1>"
             "<div>请先登录，登录后查看全文。</div></body></html>")
    found = kinds(checked(login, "login.html", "html"))
    assert "login-wall" in found and "empty-body" not in found, found


@pytest.mark.parametrize("body", ["点击查看全文。", "（完）", WHOLE[:SHORT_BODY - 1], " 　".join(WHOLE[:SHORT_BODY - 1])],
                         ids=["teaser-link", "end-mark", "one-under", "one-under-spaced"])
def test_a_body_of_a_few_characters_is_published_with_a_warning(body):
    problems = checked(HEADER + "一篇只有导语的文章\n1点击 2024-01-01 00:00\n\n" + body + "\n\n关键词: AI\n")
    assert kinds(problems) == ["short-body"], problems
    length = len("".join(body.split()))
    assert f"{length} characters" in problems[0] and published("short-body")


def test_a_body_at_the_threshold_is_not_short():
    assert checked(HEADER + "一篇够长的文章\n1点击 2024-01-01 00:00\n\n" + WHOLE[:SHORT_BODY] + "\n\n关键词: AI\n") == []
    assert checked(HEADER + "一篇够长的文章\n1点击 2024-01-01 00:00\n\n" + WHOLE + "\n\n关键词: AI\n") == []
