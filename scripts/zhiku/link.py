"""Cross-links: find glossary terms in Chinese and mixed text and link their first mention.

Matching is one Aho-Corasick pass over the text for all aliases (cost linear in the text, whatever
the number of terms), then boundary rules, then leftmost-longest selection:
- Latin edges: no letter or digit may touch the match from outside ('OpenAI' does not contain 'ai';
  '用AI“回敬”' does). A regex \\b never fires next to Chinese characters, so it is not used.
- CJK edges: where a match starts or ends between two Chinese characters, that point must be a word
  boundary of jieba's segmentation (rjieba, with the glossary as its user dictionary): '北大学子' contains
  北大, '我向北大概' does not.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

from .cache import CacheDamaged, LazyList
from .markdown import escape_link_title, escape_text
from .model import Article, Term
from .segment import new_jieba

_ASCII_UPPER = re.compile(r"[A-Z]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]")
# Spans never linked inside: URLs and e-mail addresses written in the text.
_NO_LINK = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e“”]+|[\w.+-]+@[\w-]+\.[\w.-]+")
SNIPPET_CONTEXT = 40
SEGMENT_WINDOW = 8


class Mention(NamedTuple):  # a tuple: made for every candidate in every paragraph
    start: int
    end: int
    term: int  # index into TermMatcher.terms


@dataclass
class TermMatcher:
    terms: list[Term]
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # alias → the terms that claim it

    def __reduce__(self):  # workers that are spawned, not forked, rebuild the automata from the terms
        return (TermMatcher, (self.terms,))

    def __post_init__(self):
        self._folded = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        cjk_words = set()
        for index, term in enumerate(self.terms):
            for alias in term.all_names:
                exact = term.case_sensitive and _WORD.search(alias)
                automaton, key = (self._exact, alias) if exact else (self._folded, _fold_ascii(alias))
                if key in automaton:
                    owner = self.terms[automaton.get(key)[1]].name
                    if owner != term.name:
                        self.ambiguous.setdefault(alias, [owner]).append(term.name)
                    continue
                automaton.add_word(key, (len(key), index, _edge_kinds(key)))
                if _CJK.search(alias):
                    cjk_words.add(alias)
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()
        self._cjk_words = sorted(cjk_words)
        self._tokenizer = None
        self._segmenter = None

    @property
    def tokenizer(self):
        """jieba with every CJK term as a user word, made on first use (it takes about a second): term
        discovery's TF-IDF needs jieba itself."""
        if self._tokenizer is None:
            import jieba

            jieba.setLogLevel(60)
            self._tokenizer = jieba.Tokenizer()
            for word in self._cjk_words:
                self._tokenizer.add_word(word)
        return self._tokenizer

    @property
    def segmenter(self):
        """The same words cut by rjieba (jieba's dictionary and algorithm in Rust, ten times faster),
        for the word-boundary checks."""
        if self._segmenter is None:
            self._segmenter = new_jieba()
            for word in self._cjk_words:
                self._segmenter.add_word(word, None, None)
        return self._segmenter

    def _word_boundaries(self, text: str, points: set[int]) -> set[int]:
        """Of these points (mentions' inner CJK edges), those where jieba would cut the text.

        Only a window of SEGMENT_WINDOW characters on each side of each point is segmented (merged
        where windows overlap): the cut at a point depends on the words near it, and whole paragraphs
        cost more.
        """
        ranges: list[list[int]] = []
        for point in sorted(points):
            left, right = max(0, point - SEGMENT_WINDOW), min(len(text), point + SEGMENT_WINDOW)
            if ranges and left <= ranges[-1][1]:
                ranges[-1][1] = right
            else:
                ranges.append([left, right])
        bounds: set[int] = set()
        cut = self.segmenter.cut
        for left, right in ranges:
            # The window's start comes out too: never a point, each lies inside its window.
            bounds.update(accumulate(map(len, cut(text[left:right], False)), initial=left))
        return bounds

    def find(self, text: str) -> list[Mention]:
        """Mentions in `text`, leftmost-longest, each on word boundaries, none inside a URL."""
        # Candidates as plain tuples (start, -length, term, end, edge kinds): they sort leftmost-longest
        # as they are, and most of them are dropped. The edge tests look at the text beside a match
        # only where the alias's own first or last character calls for it (_edge_kinds).
        candidates = []
        length_of_text = len(text)
        folded = _fold_ascii(text)
        for automaton, haystack in ((self._folded, folded), (self._exact, text)):
            if len(automaton):
                for last, (length, index, kinds) in automaton.iter(haystack):
                    start, end = last - length + 1, last + 1
                    if kinds & _LATIN_START and start > 0 and _is_word(text[start - 1]):
                        continue
                    if kinds & _LATIN_END and end < length_of_text and _is_word(text[end]):
                        continue
                    candidates.append((start, -length, index, end, kinds))
        if not candidates:
            return []
        # The regex only where it can match: on a run of Chinese characters (all \w to it) its e-mail
        # branch tries every start and scans to the run's end, a tenth of the linker's time.
        if ("@" in text or "://" in text or "www." in text) and (
                blocked := [m.span() for m in _NO_LINK.finditer(text)]):
            candidates = [c for c in candidates if not any(s < c[3] and c[0] < e for s, e in blocked)]
        edges = set()  # positions between two Chinese characters where a candidate starts or ends
        for start, _, _, end, kinds in candidates:
            if kinds & _CJK_START and start > 0 and _is_cjk(text[start - 1]):
                edges.add(start)
            if kinds & _CJK_END and end < length_of_text and _is_cjk(text[end]):
                edges.add(end)
        bounds = self._word_boundaries(text, edges) if edges else edges
        chosen: list[Mention] = []
        chosen_end = -1
        for start, _, index, end, _ in sorted(candidates):
            if start < chosen_end:
                continue
            if (start in edges and start not in bounds) or (end in edges and end not in bounds):
                continue
            chosen.append(Mention(start, end, index))
            chosen_end = end
        return chosen


# Character tests as comparisons, not regexes: they run on both edges of every candidate mention.
def _is_word(char: str) -> bool:
    """A Latin letter or digit ([A-Za-z0-9])."""
    return char.isascii() and char.isalnum()


def _is_cjk(char: str) -> bool:
    """A Chinese character ([\u3400-\u9fff\uf900-\ufaff])."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _fold_ascii(text: str) -> str:
    """ASCII letters lower-cased, nothing else: lower() on the runs of capitals alone, faster on
    Chinese text than a translate table, which looks every character up."""
    return _ASCII_UPPER.sub(_lower, text) if _ASCII_UPPER.search(text) else text


def _lower(match: re.Match) -> str:
    return match.group().lower()


# What an alias's first and last characters are: a Latin letter or digit there must not touch another
# in the text ('OpenAI' holds no 'ai'); a Chinese character there, next to another in the text, makes
# that edge one that jieba's words must have (北大学子, not 我向北大概).
_LATIN_START, _LATIN_END, _CJK_START, _CJK_END = 1, 2, 4, 8


def _edge_kinds(alias: str) -> int:
    return ((_LATIN_START if _is_word(alias[0]) else _CJK_START if _is_cjk(alias[0]) else 0)
            | (_LATIN_END if _is_word(alias[-1]) else _CJK_END if _is_cjk(alias[-1]) else 0))


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
        before = escape_text(text[position:m.start], line_start=position == 0)
        if before.endswith("!"):  # "![label](url)" would be an image
            before = before[:-1] + "\\!"
        out.append(before)
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


def link_article(article: Article, matcher: TermMatcher, href, exclude: Term | None = None) -> ArticleLinks:
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
            if term.link and m.term not in found.linked and term is not exclude and not side_by_side:
                to_link.append(m)
                found.linked.add(m.term)
                last_end = m.end
        blocks.append(render_linked(block.text, to_link, matcher.terms, href))
    article.linked_blocks = blocks
    article.terms = [matcher.terms[i].name for i in sorted(found.counts)]
    return found


# --- Linking a whole site: cached per article, spread over every core -------------------------------

LINK_CODE = ("link.py", "markdown.py", "model.py")


def glossary_fingerprint(terms: list[Term]) -> str:
    """Everything about the glossary that shows in a linked article: names, flags, slugs, tooltips."""
    import hashlib
    import json

    from .cache import source_version

    data = [[t.name, t.aliases, t.link, t.case_sensitive, t.slug, tooltip(t)] for t in terms]
    payload = json.dumps([source_version(*LINK_CODE), data], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_link_key(fingerprint: str, article: Article) -> str:
    """The glossary and the article's content: its extraction key when it was read from a page (no
    need to read the body to know it), else its blocks."""
    import hashlib

    digest = hashlib.sha256(fingerprint.encode())
    if article.content_key:
        digest.update(b"page\0" + article.content_key.encode())
        return digest.hexdigest()
    for block in article.blocks:
        digest.update(f"{block.kind}\0{block.text}\0".encode("utf-8"))
    return digest.hexdigest()


class LinkResult:
    """One article's link result: counts and linked terms at hand, the linked body and the snippets
    read from the link cache (JsonStore) only when asked for."""

    def __init__(self, key: str, counts: dict[str, int], unlinked: list[str], full: dict | None = None,
                 store=None, snippet_memo=None) -> None:
        # unlinked: the terms mentioned but not linked (in headings only, never linked, beside a link):
        # fewer than those linked, so this is what the summary keeps.
        self.key, self.counts, self.unlinked = key, counts, unlinked
        self._full, self._store, self._snippet_memo = full, store, snippet_memo

    def _entry(self) -> dict:
        if self._full is None:
            self._full = self._store.get(self.key)
            if self._full is None:
                raise CacheDamaged(f"{self._store.folder / self._store.kind} has no entry {self.key}")
        return self._full

    @property
    def blocks(self):
        return self._entry()["blocks"] if self._full is not None else LazyList(lambda: self._entry()["blocks"])

    def snippet(self, name: str) -> str:
        memo_key = f"{self.key}:{name}"
        remembered = self._snippet_memo.get(memo_key) if self._snippet_memo is not None else None
        if remembered is None:
            remembered = self._entry()["snippets"][name]
            if self._snippet_memo is not None:
                self._snippet_memo.put(memo_key, remembered)
        return remembered


def _link_article_at(index: int) -> dict:
    """Link one article in a worker and store the result (plain data, cached as JSON) there: the
    articles came with the worker (forked, not sent), so only an index goes out."""
    from .parallel import worker_state

    matcher, prefix, articles, keys, store = worker_state()
    article = Article(source_path="", sha256="", blocks=list(articles[index].blocks))
    found = link_article(article, matcher, lambda term: f"{prefix}{term.slug}.md")
    terms = matcher.terms  # only the terms found are looked up, not a name list per article
    full = {"blocks": article.linked_blocks,
            "counts": {terms[i].name: n for i, n in sorted(found.counts.items())},
            "snippets": {terms[i].name: s for i, s in sorted(found.snippets.items())},
            "linked": sorted(terms[i].name for i in found.linked)}
    if store is not None:
        store.put(keys[index], full)
    return full


def _link_state(*state) -> tuple:
    return state


def link_all(articles: list[Article], matcher: TermMatcher, prefix: str, store=None,
             jobs: int | None = None, summaries=None, snippet_memo=None) -> tuple[list[LinkResult], list[int]]:
    """Every article's link result, in order, and the indexes of those computed this time: the others
    come from the cache (article and glossary unchanged), their counts from `summaries` (a
    cache.Memo) without reading the linked body. Computing runs on every core when there are many."""
    from .parallel import parallel_map

    fingerprint = glossary_fingerprint(matcher.terms)
    keys = [article_link_key(fingerprint, a) for a in articles]
    results: list[LinkResult | None] = []
    for key in keys:
        # The summary is written after the entry (link_all below): where it is, the entry is too.
        summary = summaries.get(key) if summaries is not None and store is not None and store.folder else None
        if summary is not None:
            results.append(LinkResult(key, summary["counts"], summary["unlinked"], store=store,
                                      snippet_memo=snippet_memo))
            continue
        full = store.get(key) if store is not None else None
        results.append(None if full is None else _full_result(key, full, summaries, snippet_memo))
    todo = [i for i, r in enumerate(results) if r is None]
    if todo:
        matcher.segmenter  # build the dictionary once, before workers fork, so they share it
        computed = parallel_map(_link_article_at, todo, jobs=jobs, setup=_link_state,
                                setup_args=(matcher, prefix, articles, keys, store))
        for i, full in zip(todo, computed):
            results[i] = _full_result(keys[i], full, summaries, snippet_memo)
    return results, todo


def _full_result(key: str, full: dict, summaries, snippet_memo) -> LinkResult:
    linked = set(full["linked"])
    unlinked = [name for name in full["counts"] if name not in linked]
    if summaries is not None:
        summaries.put(key, {"counts": full["counts"], "unlinked": unlinked})
    return LinkResult(key, full["counts"], unlinked, full, snippet_memo=snippet_memo)
