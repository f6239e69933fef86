"""Linking an article: first mention only, never in headings, never side by side."""
import re

from zhiku.link.article import link_blocks, link_result
from zhiku.model import Article, Block


def article(*paragraphs, heading=None):
    blocks = ([Block("heading", heading)] if heading else []) + [Block("paragraph", p) for p in paragraphs]
    return Article(source_path="a.txt", sha256="", title="t", blocks=blocks)


def links_in(markdown):
    return re.findall(r"\[([^\]]+)\]\(([^ )]+)", markdown)


def href(term):
    return f"../glossary/{term.name}.md"


def test_first_mention_only_and_never_in_headings(matcher):
    a = article("AI和AI", "又是AI", heading="AI标题")
    found_links = link_blocks(a.blocks, matcher, href)
    assert found_links.blocks[0] == "## AI标题"
    assert links_in(found_links.blocks[1]) == [("AI", "../glossary/AI.md")]
    assert links_in(found_links.blocks[2]) == []
    assert found_links.counts[0] == 3 and found_links.linked == {0}


def test_no_two_links_side_by_side(matcher):
    a = article("Meta OpenAI，扎克伯格")
    assert [label for label, _ in links_in(link_blocks(a.blocks, matcher, href).blocks[0])] == ["Meta", "扎克伯格"]


def test_nolink_terms_are_counted_not_linked(matcher):
    found_links = link_blocks(article("应用很多").blocks, matcher, href)
    assert links_in(found_links.blocks[0]) == [] and sum(found_links.counts.values()) == 1


def test_excluded_term_is_not_linked(matcher):
    linked = link_blocks(article("AI与大模型").blocks, matcher, href, exclude=matcher.terms[0]).blocks
    assert [label for label, _ in links_in(linked[0])] == ["大模型"]


def test_a_link_result_is_plain_data_by_term_name(matcher):
    result = link_result(article("应用很多，AI也多。AI！", heading="大模型"), (matcher, "../glossary/"))
    assert result["counts"] == {"AI": 2, "应用": 1}  # headings are neither linked nor counted
    assert result["unlinked"] == ["应用"]  # never linked
    assert links_in(result["blocks"][1]) == [("AI", "../glossary/.md")]  # the terms have no slugs here
    assert result["snippets"]["AI"] == "应用很多，**AI**也多。AI！"


def test_code_is_written_as_code_and_never_linked(matcher):
    # A code block is fenced, its text as it is (no escapes, no links), its fence longer than any run of
    # backticks inside it; its mentions of a term are no mentions.
    code = "pip install ai\n```\n<script>alert('AI')</script>"
    found = link_blocks([Block("code", code), Block("paragraph", "AI来了")], matcher, href)
    assert found.blocks[0] == "````\n" + code + "\n````"
    assert links_in(found.blocks[1]) == [("AI", "../glossary/AI.md")] and found.counts[0] == 1

