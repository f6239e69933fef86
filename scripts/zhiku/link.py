"""Cross-links: find glossary terms in Chinese and mixed text and link their first mention.

Matching is one Aho-Corasick pass over the text for all aliases (cost linear in the text, whatever
the number of terms), then boundary rules, then leftmost-longest selection:
- Latin edges: no letter or digit may touch the match from outside ('OpenAI' does not contain 'ai';
  '用AI“回敬”' does). A regex \\b never fires next to Chinese characters, so it is not used.
- CJK edges: where a match starts or ends between two Chinese characters, that point must be a word
  boundary of jieba's segmentation (with the glossary as its user dictionary): '北大学子' contains
  北大, '我向北大概' does not.
"""
from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass, field

import ahocorasick

from .markdown import escape_link_title, escape_text
from .model import Article, Term

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]")
# Spans never linked inside: URLs and e-mail addresses written in the text.
_NO_LINK = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e“”]+|[\w.+-]+@[\w-]+\.[\w.-]+")
SNIPPET_CONTEXT = 40
SEGMENT_WINDOW = 8


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    term: int  # index into TermMatcher.terms


@dataclass
class TermMatcher:
    terms: list[Term]
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # alias → the terms that claim it

    def __post_init__(self):
        self._folded = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        cjk_words = set()
        for index, term in enumerate(self.terms):
            for alias in term.all_names:
                exact = term.case_sensitive and _WORD.search(alias)
                automaton, key = (self._exact, alias) if exact else (self._folded, alias.translate(_ASCII_LOWER))
                if key in automaton:
                    owner = self.terms[automaton.get(key)[1]].name
                    if owner != term.name:
                        self.ambiguous.setdefault(alias, [owner]).append(term.name)
                    continue
                automaton.add_word(key, (len(key), index))
                if _CJK.search(alias):
                    cjk_words.add(alias)
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()
        self._cjk_words = sorted(cjk_words)
        self._tokenizer = None

    @property
    def tokenizer(self):
        """jieba with every CJK term as a user word, made on first use (it takes about a second)."""
        if self._tokenizer is None:
            import jieba

            jieba.setLogLevel(60)
            self._tokenizer = jieba.Tokenizer()
            for word in self._cjk_words:
                self._tokenizer.add_word(word)
        return self._tokenizer

    def _word_boundaries(self, text: str, mentions: list[Mention]) -> set[int]:
        """Where jieba cuts the text around these mentions.

        Only windows of SEGMENT_WINDOW characters on each side of a mention are segmented (merged
        where they overlap): the cut at a point depends on the words near it, and segmenting whole
        paragraphs costs several times more.
        """
        ranges: list[list[int]] = []
        for m in sorted(mentions, key=lambda m: m.start):
            left, right = max(0, m.start - SEGMENT_WINDOW), min(len(text), m.end + SEGMENT_WINDOW)
            if ranges and left <= ranges[-1][1]:
                ranges[-1][1] = max(ranges[-1][1], right)
            else:
                ranges.append([left, right])
        bounds: set[int] = set()
        for left, right in ranges:
            position = left
            bounds.add(left)
            for token in self.tokenizer.cut(text[left:right], HMM=False):
                position += len(token)
                bounds.add(position)
        return bounds

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, leftmost-longest, each on word boundaries, none inside a URL."""
        candidates = []
        for automaton, haystack in ((self._folded, text.translate(_ASCII_LOWER)), (self._exact, text)):
            if len(automaton):
                for end, (length, index) in automaton.iter(haystack):
                    candidates.append(Mention(end - length + 1, end + 1, index))
        if not candidates:
            return []
        blocked = [m.span() for m in _NO_LINK.finditer(text)]
        candidates = [m for m in candidates if _latin_edges_ok(text, m)
                      and not any(s < m.end and m.start < e for s, e in blocked)]
        inside_words = [m for m in candidates if _needs_segmentation(text, m)]
        bounds = self._word_boundaries(text, inside_words) if inside_words else set()
        chosen: list[Mention] = []
        for mention in sorted(candidates, key=lambda m: (m.start, -(m.end - m.start), m.term)):
            if chosen and mention.start < chosen[-1].end:
                continue
            if not _cjk_edges_ok(text, mention, bounds):
                continue
            chosen.append(mention)
        return chosen


def _latin_edges_ok(text: str, m: Mention) -> bool:
    if _WORD.match(text[m.start]) and m.start > 0 and _WORD.match(text[m.start - 1]):
        return False
    return not (_WORD.match(text[m.end - 1]) and m.end < len(text) and _WORD.match(text[m.end]))


def _needs_segmentation(text: str, m: Mention) -> bool:
    inner_start = m.start > 0 and _CJK.match(text[m.start]) and _CJK.match(text[m.start - 1])
    inner_end = m.end < len(text) and _CJK.match(text[m.end - 1]) and _CJK.match(text[m.end])
    return bool(inner_start or inner_end)


def _cjk_edges_ok(text: str, m: Mention, bounds: set[int]) -> bool:
    if m.start > 0 and _CJK.match(text[m.start]) and _CJK.match(text[m.start - 1]) and m.start not in bounds:
        return False
    return not (m.end < len(text) and _CJK.match(text[m.end - 1]) and _CJK.match(text[m.end])
                and m.end not in bounds)


def tooltip(term: Term) -> str:
    """What hovering a term link shows: the definition, else the aliases, else the name."""
    if term.definition:
        text = term.definition
        return text if len(text) <= 120 else text[:119] + "…"
    if term.aliases:
        return f"{term.name}（又称：{'、'.join(term.aliases[:6])}）"
    return term.name


def snippet(text: str, m: Mention) -> str:
    """The mention with some context, as Markdown: …前文**术语**后文…"""
    left, right = max(0, m.start - SNIPPET_CONTEXT), min(len(text), m.end + SNIPPET_CONTEXT)
    before = ("…" if left else "") + text[left:m.start]
    after = text[m.end:right] + ("…" if right < len(text) else "")
    return (escape_text(before, line_start=False) + f"**{escape_text(text[m.start:m.end], line_start=False)}**"
            + escape_text(after, line_start=False))


def render_linked(text: str, mentions: list[Mention], terms: list[Term], href) -> str:
    """Escaped Markdown of `text` with a link at each mention; `href(term)` gives the link target."""
    out, position = [], 0
    for m in mentions:
        out.append(escape_text(text[position:m.start], line_start=position == 0))
        term = terms[m.term]
        label = escape_text(text[m.start:m.end], line_start=False)
        out.append(f'[{label}]({href(term)} "{escape_link_title(tooltip(term))}")')
        position = m.end
    out.append(escape_text(text[position:], line_start=position == 0))
    return "".join(out)


@dataclass
class ArticleLinks:
    """What the link stage learnt of one article."""

    counts: Counter = field(default_factory=Counter)  # term index → mentions
    snippets: dict[int, str] = field(default_factory=dict)  # term index → first mention in context
    linked: set[int] = field(default_factory=set)  # term indexes linked in this article


def link_article(article: Article, matcher: TermMatcher, href, exclude: int | None = None) -> ArticleLinks:
    """Set article.linked_blocks: the first mention of each linkable term becomes a link.

    Headings are never linked; two term links never stand side by side; `exclude` is a term that
    must not link (a glossary entry's own term).
    """
    found = ArticleLinks()
    blocks = []
    for block in article.blocks:
        if block.kind == "heading":
            blocks.append(f"## {escape_text(block.text)}")
            continue
        mentions = matcher.find(block.text)
        to_link, last_end = [], -1
        for m in mentions:
            found.counts[m.term] += 1
            if m.term not in found.snippets:
                found.snippets[m.term] = snippet(block.text, m)
            term = matcher.terms[m.term]
            side_by_side = last_end >= 0 and not block.text[last_end:m.start].strip()
            if term.link and m.term not in found.linked and m.term != exclude and not side_by_side:
                to_link.append(m)
                found.linked.add(m.term)
                last_end = m.end
        blocks.append(render_linked(block.text, to_link, matcher.terms, href))
    article.linked_blocks = blocks
    article.terms = [matcher.terms[i].name for i in sorted(found.counts)]
    return found
