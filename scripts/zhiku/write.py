"""Writing: each Article as a Markdown file with YAML front matter, plus the site's index pages."""
from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import yaml

from .facts import LEAD_CHARS, facts_of
from .markdown import escape_text
from .model import Article

ARTICLES_DIR = "articles"
REFERENCES_HEADING = "参考资料"
HOME_LIMIT = 30
ARCHIVE_DIR = "archive"  # the months of a large archive, one page each
ARCHIVE_ON_ONE_PAGE = 500


class _FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Dates as unquoted ISO 8601 timestamps with their offset; everything else as safe YAML.

    libyaml's emitter when PyYAML has it (five times faster, the same text on zhiku's pages)."""


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
        by_slug.setdefault(facts_of(article).title_slug, []).append(article)
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
            f"## {escape_text(block.text)}" if block.kind == "heading" else escape_text(block.text)
            for block in article.blocks
        ]
    parts = list(parts)
    if article.references:
        parts.append(f"## {REFERENCES_HEADING}")
        parts.append("\n".join(f"- {escape_text(_reference_text(ref))}" for ref in article.references))
    if article.related:
        parts.append("## 相关文章")
        parts.append("\n".join(
            f"- [{escape_text(title)}]({slug}.md)（共同术语：{'、'.join(escape_text(t) for t in shared)}）"
            for slug, title, shared in article.related
        ))
    return "\n\n".join(parts) + "\n"


def _reference_text(ref) -> str:
    return f"{ref.publisher}:《{ref.title}》" if ref.publisher else ref.title


def render_article(article: Article) -> str:
    return dump_front_matter(front_matter(article)) + "\n" + article_body(article)


def excerpt(article: Article, length: int = 120) -> str:
    if length < LEAD_CHARS:
        text = facts_of(article).lead
    else:
        text = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    return text if len(text) <= length else text[:length].rstrip() + "…"


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date.timestamp() if a.date else 0.0, a.slug), reverse=True)


def _article_line(article: Article, prefix: str) -> str:
    facts = [article.date.strftime("%Y-%m-%d %H:%M") if article.date else "日期不详"]
    facts += [escape_text(x) for x in (article.source, article.author) if x]
    return f"[{escape_text(article.title)}]({prefix}{article.slug}.md)", " · ".join(facts)


def render_home(articles: list[Article], site_name: str, extra: str = "", feeds: list[str] = ()) -> str:
    """The newest articles, then `extra` (the rising terms, trends.py); `feeds`: Atom, RSS files."""
    lines = [dump_front_matter({"title": "首页", "hide": ["navigation", "toc"]}), f"# {escape_text(site_name)}", ""]
    links = ["[全部文章](articles/index.md)", "[术语表](glossary/index.md)", "[术语关系图](glossary/graph.md)"]
    links += [f"[{'Atom' if i == 0 else 'RSS'} 订阅]({name})" for i, name in enumerate(feeds)]
    lines.append(f"共 {len(articles)} 篇文章，最新的在前。{' · '.join(links)}")
    lines.append("")
    lines += ["## 最新文章", ""]
    for article in newest_first(articles)[:HOME_LIMIT]:
        link, facts = _article_line(article, f"{ARTICLES_DIR}/")
        lines += [f"### {link}", "", f"*{facts}*", "", escape_text(excerpt(article)), ""]
    if extra:
        lines += [extra, ""]
    return "\n".join(lines)


def render_article_index(articles: list[Article], chart: str = "") -> dict[str, str]:
    """The archive: every article by year and month, newest first, with counts; a bar of years on top,
    then `chart` (articles per month, trends.py). Up to ARCHIVE_ON_ONE_PAGE articles it is one page;
    past that, the index lists the months and each month is a page of its own (archive/2025-03.md),
    so that no page grows with the site. Path relative to the docs folder → Markdown."""
    from pymdownx.slugs import slugify

    years: dict[str, dict[str, list[Article]]] = {}
    for article in newest_first(articles):
        year = f"{article.date.year} 年" if article.date else "日期不详"
        month = article.date.strftime("%Y 年 %m 月") if article.date else "日期不详"
        years.setdefault(year, {}).setdefault(month, []).append(article)
    split = len(articles) > ARCHIVE_ON_ONE_PAGE
    anchor = slugify(case="lower")
    counts = {year: sum(len(group) for group in months.values()) for year, months in years.items()}
    lines = [dump_front_matter({"title": "全部文章"}), "# 全部文章", ""]
    lines += [f"共 {len(articles)} 篇文章，按发布时间，最新的在前。", ""]
    lines += [" · ".join(f"[{year}（{count} 篇）](#{anchor(year, '-')})" for year, count in counts.items()), ""]
    if chart:
        lines.append(chart)
    pages = {}
    for year, months in years.items():
        if year != "日期不详":
            lines += [f"## {year}", "", f"{year}共 {counts[year]} 篇。", ""]
        elif split:
            lines += ["## 日期不详", ""]
        for month, group in months.items():
            heading = f"{'##' if month == '日期不详' else '###'} {month}（{len(group)} 篇）"
            listing = [f"- {link} · {facts}" for link, facts in
                       (_article_line(a, "../articles/" if split else "") for a in group)]
            if not split:
                lines += [heading, "", *listing, ""]
                continue
            name = f"{ARCHIVE_DIR}/{group[0].date.strftime('%Y-%m') if group[0].date else 'undated'}.md"
            lines.append(f"- [{month}（{len(group)} 篇）](../{name})")
            pages[name] = "\n".join([dump_front_matter({"title": month}), f"# {month}", "",
                                     f"{len(group)} 篇，最新的在前。[全部文章](../{ARTICLES_DIR}/index.md)", "",
                                     *listing, ""])
        if split:
            lines.append("")
    pages[f"{ARTICLES_DIR}/index.md"] = "\n".join(lines)
    return pages


def write_text(path: Path, text: str) -> bool:
    """Write only when the content changed, so unchanged pages keep their mtime (mkdocs serve --dirty)."""
    return write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> bool:
    """write_text for text that is UTF-8 already."""
    try:  # compared as bytes, the size first: the report is tens of MB at 10,000 pages
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
