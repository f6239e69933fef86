"""Glossary pages: the index in pinyin order with a letter bar, one entry per term, the candidates page."""
from __future__ import annotations

import heapq
from collections import Counter
from itertools import compress
from urllib.parse import quote

import yaml

from ..glossary.discover import Candidate
from ..glossary.terms import index_letter
from ..layout import CANDIDATES_PAGE, GLOSSARY_INDEX, article_page, term_page
from ..link.article import link_blocks
from ..link.matcher import TermMatcher
from ..link.site import TermUse
from ..model import Block, Term
from .article_page import dump_front_matter
from .escape import escape_text

OTHER_LETTER = "其他"
# An entry lists at most this many articles, those with the most mentions, so that no entry grows with
# the site. The rest are one search away (the link under the list); the count and chart cover all.
MENTIONS_LISTED = 100


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


def render_entry(term: Term, use: TermUse, titles: dict[str, str], snippets: dict[str, str],
                 terms_by_name: dict[str, Term], matcher: TermMatcher, pictures: tuple[str, str] = ("", ""),
                 shown: list[tuple[str, int]] | None = None) -> str:
    """`titles`: article slug → title; `snippets`: slug → the term's first mention there, for the
    articles the entry lists (`shown`: most_mentioning's, worked out here when not given);
    `pictures`: the trend chart and the neighbourhood graph (pictures/draw.py), raw HTML or ''."""
    lines = [dump_front_matter({"title": term.name, "zhiku": "term"}), f"# {escape_text(term.name)}", ""]
    if term.definition:
        # The definition is linked like an article paragraph, never to the entry itself.
        definition = link_blocks([Block("paragraph", term.definition)], matcher, lambda t: f"{t.slug}.md", exclude=term)
        lines += [definition.blocks[0], ""]
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
    for slug, count in shown if shown is not None else most_mentioning(use.mentions, MENTIONS_LISTED):
        lines.append(f"- [{escape_text(titles[slug], line_start=False)}](../{article_page(slug)})（{count} 次）："
                     f"{snippets[slug]}")
    return "\n".join(lines) + "\n"


def most_mentioning(mentions: Counter, limit: int) -> list[tuple[str, int]]:
    """The `limit` articles with the most mentions, then by slug. Only those at or above the limit-th
    count are sorted: a term on most of a large site's pages needs a hundred of them in order, not all."""
    items = mentions.items()
    if len(mentions) > limit:
        floor = heapq.nlargest(limit, mentions.values())[-1]
        # Filtered in C (compress): a term of a large site has thousands of mentions.
        items = compress(items, map(floor.__le__, mentions.values()))
    return sorted(items, key=lambda item: (-item[1], item[0]))[:limit]


def render_candidates(candidates: list[Candidate]) -> str:
    """Each candidate with its evidence (kind, mentions, why it ranks where it does, the articles that
    use it most with a sentence of each), then all of them as YAML to paste into the curated file."""
    lines = [dump_front_matter({"title": "候选术语", "hide": ["toc"]}), "# 候选术语", ""]
    lines.append("文章里出现、术语表还没有的名称和术语：人名、机构、地点、产品、作品和文件、术语。依据是专名标注、"
                 "名称的写法（拉丁字母名称连同型号、带间隔号的译名、书名号、引号）、上下文（头衔、“表示”、机构词）、"
                 "文章里反复连用的新词；通用汉语里常见的词（jieba 词典的词频）从不列入。"
                 "得分 = 证据 × 异常度（本站用得比通用汉语多多少，以位计）× 提及 × 篇数。")
    lines += ["", f"共 {len(candidates)} 个候选，按得分排序。要收入术语表，把文末的片段贴进 "
              "`content/glossary.yml` 的 `terms:` 下，补上定义，删去不要的。", ""]
    for rank, c in enumerate(candidates, start=1):
        name = escape_text(c.name, line_start=False)
        facts = [c.kind, f"{c.count} 次提及，{c.articles} 篇文章", f"得分 {c.score:g}"]
        if c.aliases:
            facts.insert(1, "别名 " + "、".join(escape_text(a, line_start=False) for a in c.aliases))
        lines += [f"{rank}\\. **{name}** · {' · '.join(facts)}", ""]
        lines += [f"- 依据：{escape_text(c.why, line_start=False)}"]
        for slug, title, sentence in c.examples:
            lines.append(f"- [{escape_text(title, line_start=False)}](../{article_page(slug)})："
                         f"{escape_text(sentence, line_start=False)}")
        lines.append("")
    lines += ["```yaml", candidates_yaml(candidates).rstrip(), "```", ""]
    return "\n".join(lines)


def candidates_yaml(candidates: list[Candidate]) -> str:
    """The candidates as entries of content/glossary.yml's `terms:`, indented to paste under it; a
    comment before each says its kind."""
    out = []
    for c in candidates:
        entry = {"definition": ""}
        if c.aliases:
            entry["aliases"] = list(c.aliases)
        dumped = yaml.safe_dump({c.name: entry}, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
        comment = c.kind.replace("\n", " ")
        out.append(f"  # {comment}\n" + "".join(f"  {line}\n" for line in dumped.splitlines()))
    return "".join(out)


def shown_mentions(uses: dict[str, TermUse]) -> dict[str, list[tuple[str, int]]]:
    """term → the articles its entry lists, with their mentions (most_mentioning)."""
    return {name: most_mentioning(use.mentions, MENTIONS_LISTED) for name, use in uses.items() if use.mentions}


def glossary_pages(terms: list[Term], uses: dict[str, TermUse], titles: dict[str, str],
                   snippets: dict[str, dict[str, str]], matcher: TermMatcher, candidates: list[Candidate],
                   pictures: dict[str, tuple[str, str]] | None = None,
                   shown: dict[str, list[tuple[str, int]]] | None = None) -> dict[str, str]:
    """The glossary's pages by path: the index, an entry per term, the candidates. `snippets`: for
    each term, those of the articles its entry lists (`shown`: shown_mentions)."""
    by_name = {t.name: t for t in terms}
    shown = shown if shown is not None else shown_mentions(uses)
    pages = {GLOSSARY_INDEX: render_index(terms, uses, bool(candidates))}
    for term in terms:
        pages[term_page(term.slug)] = render_entry(term, uses.get(term.name, TermUse()), titles,
                                                   snippets.get(term.name, {}), by_name, matcher,
                                                   (pictures or {}).get(term.name, ("", "")), shown.get(term.name, []))
    if candidates:
        pages[CANDIDATES_PAGE] = render_candidates(candidates)
    return pages
