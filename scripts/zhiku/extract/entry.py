"""An extraction as stored: the article's metadata (its head, read on every build) apart from its
body (blocks, dropped lines and the large counts of its text, read only when a stage needs them).

    {"article": head, "body": {...}, "encoding": …, "text_sha256": …}   a page extracted
    {"error": {"kind": …, "detail": …}}                                 a page that could not be read
"""
from __future__ import annotations

import json
from datetime import datetime

from ..model import Article, Block, Dropped, Reference, TextFacts

# Article fields an extraction sets; the others are later stages'.
_HEAD = ("source_path", "sha256", "title", "date", "clicks", "source", "author", "editor", "keywords", "references",
         "portal_keyword_line", "problems", "site")
_BODY_FACTS = ("latin_words", "latin_names")


def article_entry(article: Article) -> tuple[dict, dict]:
    """(head, body) of an extracted article, as JSON values."""
    head = {name: getattr(article, name) for name in _HEAD}
    if article.date is not None:
        head["date"] = article.date.isoformat()
    # References, blocks and dropped lines hold plain values: a copy of each one's __dict__ is what
    # dataclasses.asdict gives, without its deep copy (a third of extracting a page).
    head["references"] = [dict(vars(r)) for r in article.references]
    facts = article.facts
    head["facts"] = {"chars": facts.chars, "lead": facts.lead} if facts is not None else None
    body = {"blocks": [dict(vars(b)) for b in article.blocks], "dropped": [dict(vars(d)) for d in article.dropped]}
    if facts is not None:
        body.update({name: getattr(facts, name) for name in _BODY_FACTS})
    return head, body


def article_from_entry(head: dict, body: dict | None = None) -> Article:
    """The Article of a stored extraction; without its body, `blocks` and `dropped` are None."""
    data = dict(head)
    if data.get("date"):
        data["date"] = datetime.fromisoformat(data["date"])
    data["references"] = [Reference(**r) for r in data.get("references", [])]
    facts = data.pop("facts", None)
    article = Article(**data)
    if body is not None:
        article.blocks = [Block(**b) for b in body["blocks"]]
        article.dropped = [Dropped(**d) for d in body["dropped"]]
    else:
        article.blocks = article.dropped = None
    if facts is not None:
        article.facts = TextFacts(facts["chars"], facts["lead"],
                                  *((body or {}).get(name) for name in _BODY_FACTS))
    return article


def not_in_body(article: Article, context=None) -> list[dict]:
    """The report's `not_in_body` of an article: every input line left out of the body, and why.
    (For HTML pages, line numbers count lines of the extracted text, title first.)"""
    from .template import reason_now

    return [{**d.as_dict(), "reason": reason_now(d.reason, article.chrome_repeats)} for d in article.dropped]


def as_report_json(value) -> bytes:
    """JSON as the report writes it (json's separators): spliced into report.json as it is."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8")
