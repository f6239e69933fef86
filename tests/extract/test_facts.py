"""The counts of an article's text that the site-wide stages add up instead of reading its body."""
from zhiku.extract.facts import LEAD_CHARS, compute_facts, facts_of
from zhiku.model import Article, Block


def test_latin_words_by_spelling_and_names_as_written():
    article = Article("a.txt", "0" * 64, blocks=[
        Block("heading", "OpenAI 与 openai"),
        Block("paragraph", "Horizon Worlds 上线，TikTok 回应 TikTok。GPT4 不算名字，Quest3 算。"),
    ])
    facts = compute_facts(article)
    assert facts.latin_words["openai"] == {"OpenAI": 1, "openai": 1}
    assert facts.latin_words["tiktok"] == {"TikTok": 2}
    assert facts.latin_names == {"Horizon Worlds": 1, "OpenAI": 1, "Quest3": 1, "TikTok": 2}  # GPT4: no lower case
    assert facts.chars == sum(len(b.text) for b in article.blocks)


def test_the_lead_is_the_first_paragraphs_start():
    article = Article("a.txt", "0" * 64, blocks=[Block("heading", "标题"), Block("paragraph", "字" * 1000)])
    assert compute_facts(article).lead == "字" * LEAD_CHARS
    assert compute_facts(Article("b.txt", "0" * 64, blocks=[])).lead == ""


def test_facts_are_counted_once_for_an_article_made_in_code():
    article = Article("a.txt", "0" * 64, blocks=[Block("paragraph", "Meta")])
    assert facts_of(article) is facts_of(article) and article.facts.latin_names == {"Meta": 1}
