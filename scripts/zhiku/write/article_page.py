"""An article's page: YAML front matter (its metadata), the linked body, references, related articles."""
from __future__ import annotations

import hashlib
from datetime import datetime

import orjson
import yaml

from ..glossary.pinyin import pinyin_slug
from ..model import Article
from .escape import escape_text, fenced_code

REFERENCES_HEADING = "参考资料"
RELATED_HEADING = "相关文章"  # the list of related articles: not the article's own text (search leaves it out)


class _FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Dates as unquoted ISO 8601 timestamps with their offset; everything else as safe YAML.

    libyaml's emitter when PyYAML has it (faster, and the same text on zhiku's pages)."""


_FrontMatterDumper.add_representer(
    datetime, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())
)
# PyYAML writes U+0085 (NEL) inside single quotes as a line break that reads back as a space; strings
# with a line-separator character are double-quoted (escaped), so every value reads back as written.
_FrontMatterDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style='"' if any(c in value for c in "\x85\u2028\u2029") else None))


def dump_front_matter(data: dict) -> str:
    body = yaml.dump(data, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{body}---\n"


def assign_slugs(articles: list[Article]) -> None:
    """Stable, distinct slugs: the title's pinyin; on a clash, a short hash of the input path is added."""
    by_slug: dict[str, list[Article]] = {}
    for article in articles:
        by_slug.setdefault(pinyin_slug(article.title), []).append(article)
    for slug, group in by_slug.items():
        for article in group:
            article.slug = slug if len(group) == 1 else f"{slug}-{_short_hash(article.source_path)}"


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def front_matter(article: Article) -> dict:
    data: dict = {"title": article.title}
    if article.date is not None:
        data["date"] = article.date
    for key in ("clicks", "source", "author", "editor"):
        if getattr(article, key) is not None:
            data[key] = getattr(article, key)
    if article.keywords:
        data["keywords"] = list(article.keywords)
        data["tags"] = list(article.keywords)  # Material's tags plugin builds the tag pages from these
    if article.references:
        data["references"] = [ref.as_dict() for ref in article.references]
    data["input"] = article.source_path
    data["sha256"] = article.sha256
    data["zhiku"] = "article"  # selects the article template in site_overrides/
    return data


def article_body(article: Article) -> str:
    """The body as Markdown: linked blocks when the link stage ran, else escaped plain blocks."""
    parts = article.linked_blocks
    if parts is None:
        parts = [
            f"## {escape_text(block.text)}" if block.kind == "heading"
            else fenced_code(block.text) if block.kind == "code" else escape_text(block.text)
            for block in article.blocks
        ]
    parts = list(parts)
    if article.references:
        parts.append(f"## {REFERENCES_HEADING}")
        parts.append("\n".join(f"- {escape_text(_reference_text(ref))}" for ref in article.references))
    if article.related:
        parts.append(f"## {RELATED_HEADING}")
        parts.append("\n".join(
            f"- [{escape_text(title)}]({slug}.md)（共同术语：{'、'.join(escape_text(t) for t in shared)}）"
            for slug, title, shared in article.related
        ))
    return "\n\n".join(parts) + "\n"


def _reference_text(ref) -> str:
    return f"{ref.publisher}:《{ref.title}》" if ref.publisher else ref.title


def render_article(article: Article) -> str:
    return dump_front_matter(front_matter(article)) + "\n" + article_body(article)


def render_fingerprint(article: Article, version: str) -> str | None:
    """What render_article shows, named without reading the body: the front matter, the linked body
    (by its link key) and the related articles; None when the body has no key. `version`: of the
    code that renders."""
    if not article.link_key:
        return None
    shown = [version, front_matter(article), article.link_key, article.related]
    return hashlib.sha256(orjson.dumps(shown, default=str)).hexdigest()  # every page's, every build: orjson
