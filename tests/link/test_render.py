"""Linked Markdown: escaped text and titles, tooltips."""
import re

import pytest
from zhiku.link.render import render_linked, tooltip
from zhiku.model import Term


def href(term):
    return f"../glossary/{term.name}.md"


def test_link_text_and_title_are_escaped(matcher):
    md = render_linked("*AI* <b>", matcher.find("*AI* <b>"), matcher.terms, href)
    assert md == '\\*[AI](../glossary/AI.md "人工智能")\\* &lt;b&gt;'


@pytest.mark.parametrize("text", ["为首!大模型优秀", "！AI与!AI", "a\\!AI"])
def test_a_link_after_an_exclamation_mark_stays_a_link(matcher, text):
    # "![label](url)" is an image in every Markdown: the scraped "!" before a link must be escaped.
    import markdown

    html = markdown.markdown(render_linked(text, matcher.find(text), matcher.terms, href))
    assert "<img" not in html and html.count("<a ") == len(matcher.find(text))
    assert re.sub(r"<[^>]+>", "", html) == text


def test_tooltip():
    assert tooltip(Term("AI", ["ai"], definition="人工智能")) == "人工智能"
    assert tooltip(Term("AI", ["ai", "Ai"])) == "AI（又称：ai、Ai）"
    assert tooltip(Term("AI")) == "AI"
    assert len(tooltip(Term("x", definition="长" * 300))) == 120
