"""Finding terms: leftmost-longest, Latin edges, jieba's word boundaries, never in URLs."""

import pytest
from zhiku.link.matcher import TermMatcher
from zhiku.model import Term


def found(matcher, text):
    return [(text[m.start:m.end], matcher.terms[m.term].name) for m in matcher.find(text)]


def test_leftmost_longest(matcher):
    assert found(matcher, "混元大模型和大模型都是模型") == [("混元大模型", "混元大模型"), ("大模型", "大模型"), ("模型", "模型")]


@pytest.mark.parametrize("text, expected", [
    ("重建Meta帝国:用AI“回敬”TikTok", [("Meta", "Meta"), ("AI", "AI")]),
    ("新星OpenAI,初创的Anthropic", [("OpenAI", "OpenAI")]),            # no 'ai' inside OpenAI
    ("OpenAI的ai和Ai", [("OpenAI", "OpenAI"), ("ai", "AI"), ("Ai", "AI")]),
    ("让Ins回归Ins,我只是", [("Ins", "Instagram"), ("Ins", "Instagram")]),
    ("Instagram不是Ins的子串", [("Instagram", "Instagram"), ("Ins", "Instagram")]),
    ("INS与ins大小写不同", []),                                        # Instagram is case-sensitive
    ("Llama2和Llama模型", [("Llama", "Llama"), ("模型", "模型")]),      # "Llama2" is another word
    ("AI,AI。AI!(AI)", [("AI", "AI")] * 4),
    ("MetaAI与AIMeta", []),
    ("人工智能公司", [("人工智能", "AI")]),
])
def test_latin_word_boundaries(matcher, text, expected):
    assert found(matcher, text) == expected


def test_cjk_matches_follow_segmentation(matcher):
    assert found(matcher, "北大学子都来了") == [("北大", "北大")]
    assert found(matcher, "我向北大概走了十米") == []


def test_no_link_inside_urls(matcher):
    assert found(matcher, "见 https://openai.com/ai/meta 与 me@meta.com，AI") == [("AI", "AI")]
    assert found(matcher, "见www.meta.com/ai，人工智能") == [("人工智能", "AI")]


def test_cost_is_one_pass_for_many_terms():
    """5,000 terms build one automaton each way, not one pattern per term."""
    terms = [Term(f"术语{i}号") for i in range(5000)] + [Term("AI")]
    matcher = TermMatcher(terms)
    assert len(matcher._folded) == 5001
    assert found(matcher, "术语42号和AI") == [("术语42号", "术语42号"), ("AI", "AI")]
