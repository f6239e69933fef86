"""An extraction as stored: the article's head apart from its body, and the report's lines."""
import json

from zhiku.extract.entry import (
    article_entry,
    article_from_entry,
    as_report_json,
    not_in_body,
)
from zhiku.extract.facts import compute_facts
from zhiku.extract.text_dump import extract_article
from zhiku.model import Article, Block, RawPage


def test_an_article_comes_back_whole_from_its_head_and_body(profile, sample_text):
    article = extract_article(RawPage("p.txt", sample_text, "0" * 64), profile)
    article.facts = compute_facts(article)
    head, body = json.loads(json.dumps(article_entry(article)))  # as JSON keeps them
    again = article_from_entry(head, body)
    assert again == article
    assert again.date.isoformat() == "2024-05-24T11:02:00+08:00"


def test_from_its_head_alone_an_article_has_no_body_and_says_so():
    article = Article("a.txt", "0" * 64, title="重建Meta帝国", blocks=[Block("paragraph", "Meta 和 OpenAI，还有 openai。")])
    article.facts = compute_facts(article)
    head, body = article_entry(article)
    assert "blocks" not in head and set(head["facts"]) == {"chars", "lead"}
    assert body["latin_words"] == {"meta": {"Meta": 1}, "openai": {"OpenAI": 1, "openai": 1}}
    alone = article_from_entry(head)
    assert alone.blocks is None and alone.dropped is None and not alone.has_body
    assert alone.title == "重建Meta帝国" and alone.facts.lead == article.facts.lead and alone.facts.latin_words is None


def test_the_reports_lines_are_the_reports_own_json(profile, sample_text):
    article = extract_article(RawPage("p.txt", sample_text, "0" * 64), profile)
    lines = not_in_body(article)
    assert lines[0] == {"lines": [1, 1], "reason": "chrome: hot-search keyword line", "text": sample_text.split("\n")[0]}
    assert as_report_json(lines).startswith(b'[{"lines": [1, 1], "reason": ')  # json's separators, as the report
