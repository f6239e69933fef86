"""A written page's searchable fields (search/page_text.py)."""
from hypothesis import given, settings, strategies as st
from zhiku.search.page_text import page_fields, plain_lines


def test_code_is_searched_as_written_and_its_fences_are_not():
    markdown = ("---\ntitle: 部署笔记\nzhiku: article\n---\n\n先装依赖：\n\n````\n# 安装\n<div id=\"x\">\n```\npip install zhiku\n````\n\n"
                "装好了。\n")
    body = page_fields(markdown)["body"].split("\n")
    assert body == ["先装依赖：", "# 安装", "<div id=\"x\">", "```", "pip install zhiku", "装好了。"]


# Markdown as zhiku writes it, in pieces that the patterns care about: links with titles, escapes,
# bold, list and heading marks, entities, and spaces of several kinds.
_PIECES = ["[", "]", "(", ")", "\\", '"', "*", "**", "# ", "## ", "- ", "1. ", "2\\. ", "&amp;", "&#10;", " ", "\t", "\r",
           "\u3000", "a", "模型", "https://a.cn/x", ' "标题"', "[链接](../a.md)", '[扎克伯格](b.md "小扎")']


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=8))
def test_lines_made_plain_together_are_each_as_made_plain_alone(lines):
    assert plain_lines(lines) == [plain_lines([line])[0] for line in lines]


def test_a_link_title_and_escapes_are_gone_and_a_link_never_spans_two_lines():
    assert plain_lines(['- [扎克伯格](../glossary/zha.md "小扎") 说 \\*不\\*', "# 标题 **重**", "[开", "源](a.md)"]) == \
        ["扎克伯格 说 *不*", "标题 重", "[开", "源](a.md)"]
