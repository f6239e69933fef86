"""A written page's searchable fields (search/page_text.py)."""
from zhiku.search.page_text import page_fields


def test_code_is_searched_as_written_and_its_fences_are_not():
    markdown = ("---\ntitle: 部署笔记\nzhiku: article\n---\n\n先装依赖：\n\n````\n# 安装\n<div id=\"x\">\n```\npip install zhiku\n````\n\n"
                "装好了。\n")
    body = page_fields(markdown)["body"].split("\n")
    assert body == ["先装依赖：", "# 安装", "<div id=\"x\">", "```", "pip install zhiku", "装好了。"]
