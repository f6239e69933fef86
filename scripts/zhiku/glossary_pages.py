"""Glossary pages: the index in pinyin order with a letter bar, one entry per term, the candidates page."""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import compress
from urllib.parse import quote

import yaml

from .discover import Candidate
from .glossary import index_letter
from .link import TermMatcher, link_article
from .markdown import escape_text
from .model import Article, Block, Term
from .write import dump_front_matter

GLOSSARY_DIR = "glossary"
OTHER_LETTER = "其他"
# An entry lists at most this many articles, those with the most mentions: a term on most pages of a
# 10,000-article site would otherwise make its entry a 3.5 MB page, and 105 such entries a fifth of
# the site. The rest are one search away (the link under the list); the count and chart cover all.
MENTIONS_LISTED = 100


@dataclass
class TermUse:
    """How the articles use one term."""

    mentions: Counter = field(default_factory=Counter)  # article slug → mentions
    snippets: dict[str, str] = field(default_factory=dict)  # article slug → first mention in context
    links: int = 0
    related: list[tuple[str, int]] = field(default_factory=list)  # (term name, shared articles)

    @property
    def total(self) -> int:
        return sum(self.mentions.values())


class TermSnippets(Mapping):
    """A term's snippet in each article that mentions it, by slug, read from the article's link result
    (link.LinkResult) when asked for: an entry shows only the MENTIONS_LISTED articles at its top."""

    def __init__(self, name: str, results: dict) -> None:
        self.name, self._results = name, results  # slug → LinkResult

    def __getitem__(self, slug: str) -> str:
        result = self._results.get(slug)
        if result is None or self.name not in result.counts:
            raise KeyError(slug)
        return result.snippet(self.name)

    def __iter__(self):
        return (slug for slug, result in self._results.items() if self.name in result.counts)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def render_index(terms: list[Term], uses: dict[str, TermUse], has_candidates: bool) -> str:
    letters: dict[str, list[Term]] = {}
    for term in terms:  # already in pinyin order
        letters.setdefault(index_letter(term), []).append(term)
    heading = {letter: OTHER_LETTER if letter == "#" else letter for letter in letters}
    lines = [dump_front_matter({"title": "术语表", "hide": ["toc"]}), "# 术语表", ""]  # the letter bar is the toc
    lines.append(f"共 {len(terms)} 个术语，按拼音排序。")
    lines.append("")
    lines.append(" · ".join(f"[{heading[l]}](#{heading[l].lower()})" for l in letters))
    for letter, group in letters.items():
        lines += ["", f"## {heading[letter]}", ""]
        for term in group:
            use = uses.get(term.name, TermUse())
            facts = [f"又称 {'、'.join(escape_text(a, line_start=False) for a in term.aliases)}"] if term.aliases else []
            facts.append(f"{use.total} 次提及，{len(use.mentions)} 篇文章" if use.total else "尚无文章提及")
            lines.append(f"- [{escape_text(term.name, line_start=False)}]({term.slug}.md) · {' · '.join(facts)}")
    if has_candidates:
        lines += ["", "---", "", "维护者：[候选术语](candidates.md)（文章里出现、术语表还没有的词）"]
    return "\n".join(lines) + "\n"


def render_entry(term: Term, use: TermUse, articles: dict[str, Article], terms_by_name: dict[str, Term],
                 matcher: TermMatcher, pictures: tuple[str, str] = ("", "")) -> str:
    """`pictures`: the trend chart and the neighbourhood graph (pictures.py), raw HTML blocks or ''."""
    lines = [dump_front_matter({"title": term.name, "zhiku": "term"}), f"# {escape_text(term.name)}", ""]
    if term.definition:
        # The definition is linked like an article paragraph, never to the entry itself.
        definition = Article(source_path="", sha256="", blocks=[Block("paragraph", term.definition)])
        link_article(definition, matcher, lambda t: f"{t.slug}.md", exclude=term)
        lines += [definition.linked_blocks[0], ""]
    if term.aliases:
        lines += [f"**别名**：{'、'.join(escape_text(a, line_start=False) for a in term.aliases)}", ""]
    if not term.link:
        lines += ["*这个术语不自动加链接。*", ""]
    if not use.total:
        lines += ["*尚无文章提及这个术语。*", ""]
        return "\n".join(lines)
    trend, graph = pictures
    lines += [f"共 {use.total} 次提及，见于 {len(use.mentions)} 篇文章。", ""]
    if trend:
        lines += ["## 每月提及", "", trend]
    if graph:
        lines += ["## 关系图", "", graph]
    if use.related:  # above the articles, which can be many
        lines += ["## 相关术语", ""]
        for name, shared in use.related:
            other = terms_by_name[name]
            lines.append(f"- [{escape_text(name, line_start=False)}]({other.slug}.md)（同见于 {shared} 篇文章）")
        lines.append("")
    lines += ["## 提及的文章", ""]
    if len(use.mentions) > MENTIONS_LISTED:
        lines += [f"提及最多的 {MENTIONS_LISTED} 篇，其余 {len(use.mentions) - MENTIONS_LISTED} 篇见"
                  f"[搜索“{escape_text(term.name, line_start=False)}”](?q={quote(term.name)})。", ""]
    for slug, count in most_mentioning(use.mentions, MENTIONS_LISTED):
        article = articles[slug]
        lines.append(f"- [{escape_text(article.title, line_start=False)}](../articles/{slug}.md)（{count} 次）："
                     f"{use.snippets[slug]}")
    return "\n".join(lines) + "\n"


def most_mentioning(mentions: Counter, limit: int) -> list[tuple[str, int]]:
    """The `limit` articles with the most mentions, then by slug. Only those at or above the limit-th
    count are sorted: a term on 10,000 articles' pages needs 100 of them in order, not all."""
    items = mentions.items()
    if len(mentions) > limit:
        floor = heapq.nlargest(limit, mentions.values())[-1]
        # Filtered in C (compress): a term of a 10,000-article site has thousands of mentions.
        items = compress(items, map(floor.__le__, mentions.values()))
    return sorted(items, key=lambda item: (-item[1], item[0]))[:limit]


def render_candidates(candidates: list[Candidate]) -> str:
    lines = [dump_front_matter({"title": "候选术语"}), "# 候选术语", ""]
    lines.append("文章中出现、术语表中还没有的词，按“出现次数 × 稀有度（jieba 的 IDF）”排序，专名排在常用词前面。要收入术语表，把下面的片段贴进 "
                 "`content/glossary.yml` 的 `terms:` 下，补上定义。")
    lines += ["", "| 候选 | 次数 | 文章数 | 来源 |", "|---|---|---|---|"]
    for c in candidates:
        lines.append(f"| {escape_text(c.name, line_start=False)} | {c.count} | {c.articles} | {c.kind} |")
    snippet = yaml.safe_dump({c.name: {"definition": ""} for c in candidates}, allow_unicode=True, sort_keys=False)
    lines += ["", "```yaml", snippet.rstrip(), "```", ""]
    return "\n".join(lines)


def glossary_pages(terms: list[Term], uses: dict[str, TermUse], articles: list[Article],
                   matcher: TermMatcher, candidates: list[Candidate],
                   pictures: dict[str, tuple[str, str]] | None = None) -> dict[str, str]:
    by_slug = {a.slug: a for a in articles}
    by_name = {t.name: t for t in terms}
    pages = {f"{GLOSSARY_DIR}/index.md": render_index(terms, uses, bool(candidates))}
    for term in terms:
        pages[f"{GLOSSARY_DIR}/{term.slug}.md"] = render_entry(term, uses.get(term.name, TermUse()), by_slug,
                                                               by_name, matcher, (pictures or {}).get(term.name, ("", "")))
    if candidates:
        pages[f"{GLOSSARY_DIR}/candidates.md"] = render_candidates(candidates)
    return pages
