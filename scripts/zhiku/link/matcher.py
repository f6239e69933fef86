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
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

from ..chars import HAN, is_han, is_latin_alnum
from ..model import Term
from ..segmenter import new_jieba

_ASCII_UPPER = re.compile(r"[A-Z]+")
_HAN = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[A-Za-z0-9]")
# Spans never linked inside: URLs and e-mail addresses written in the text.
_NO_LINK = re.compile(r"(?:https?://|www\.)[^\s\u3000-\u303f\uff01-\uff5e“”]+|[\w.+-]+@[\w-]+\.[\w.-]+")
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
                if _HAN.search(alias):
                    cjk_words.add(alias)
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()
        self._cjk_words = sorted(cjk_words)
        self._segmenter = None

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
                    if kinds & _LATIN_START and start > 0 and is_latin_alnum(text[start - 1]):
                        continue
                    if kinds & _LATIN_END and end < length_of_text and is_latin_alnum(text[end]):
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
            if kinds & _CJK_START and start > 0 and is_han(text[start - 1]):
                edges.add(start)
            if kinds & _CJK_END and end < length_of_text and is_han(text[end]):
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
    return ((_LATIN_START if is_latin_alnum(alias[0]) else _CJK_START if is_han(alias[0]) else 0)
            | (_LATIN_END if is_latin_alnum(alias[-1]) else _CJK_END if is_han(alias[-1]) else 0))
