"""What the site's search matches, defined once: the build side here, the query side in engine.js.

Normalisation: NFKC (full-width ＯｐｅｎＡＩ → OpenAI, compatibility ideographs → unified), then lower
case. A text is then split into **segments**: runs of Chinese characters (chars.HAN) and runs of
other letters and digits (Unicode L and N: Latin, digits, kana…), called tokens; everything else
(spaces, punctuation, symbols) separates. A page's Chinese runs are cut into **words** by the
build's rjieba with the glossary as its dictionary (segmenter.py); a query is never cut by jieba.

The index holds **keys**, each with the pages that have it:
- for a Chinese word of one character, the word; of two or more, every piece of it of 2 to
  MAX_PIECE characters (a four-character word gives six): so a piece is found *inside* a word;
- for a token of one character, the token; of two or more, its prefixes of 2 to MAX_PREFIX
  characters: so a query token matches a page token it begins (zoom → zoomeye, but ai ≠ said);
- for each glossary name and alias, `=` and the name's canonical form (its segments joined by one
  space): the entries that carry it, and every name of those entries (alias expansion).

A query is normalised and split into segments the same way. A token is an **atom** (key: itself, cut
to MAX_PREFIX). A Chinese run is cut, left to right, into the longest pieces (2 to MAX_PIECE
characters) that are keys of the index; a character from which no such piece starts is an atom of
one character (it matches where the build cut it as a word of its own). Each atom must match
(AND); an atom that is a glossary name matches any of that entry's names (OR; each name its own
atoms, AND). When the whole query is a name, the query is that one group, and the entries carrying
the name come first.

Ranking: a page's score for an atom is 10^7 when the key is in its title, portal keywords (tags)
or glossary names ("about"), plus idf × q, q the BM25F saturation of the key's weighted counts
(FIELD_WEIGHTS; body length against a fixed reference, so that one page's change moves no other
page's figure) quantised to 1..31, idf from the key's page count at query time, in integers so that
every reader ranks alike. A group scores its best name; a page the sum of its groups; the entries
named by the whole query get 10^9 more. Ties: the later page (larger id) first.

What this gets wrong, knowingly: a single Chinese character matches only a word of one character
(龙 does not find 龙湖); `gpt4` does not find `GPT-4` (two tokens), though `gpt` does; a query token
longer than MAX_PREFIX characters matches any token sharing its first MAX_PREFIX; several words
are all required but not as a phrase (法国罢工 finds a page with 法国 and 罢工 far apart).
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

from ..chars import HAN

MAX_PIECE = 16
MAX_PREFIX = 24
NAME_KEY = "="  # before a name's canonical form

FIELDS = ("title", "tags", "names", "body")
FIELD_WEIGHTS = {"title": 8.0, "tags": 6.0, "names": 10.0, "body": 1.0}
ABOUT_FIELDS = ("title", "tags", "names")
K1 = 1.2
B_BODY = 0.5
BODY_REFERENCE_WORDS = 1500  # a fixed reference length for the body, not the corpus mean
LEVELS = 31  # q is 1..LEVELS; a posting's code is about × 32 + q, one character of CODE_ALPHABET

ABOUT_BONUS = 10_000_000
NAME_BONUS = 1_000_000_000

CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


# A token character: a letter or digit (str.isalnum: Unicode L and N) that is not Chinese.
_SEGMENT = re.compile(f"([{HAN}]+)|([^\\W_{HAN}]+)")
_HAN_START = re.compile(f"[{HAN}]")


def segments(normalized: str) -> list[tuple[bool, str]]:
    """(is_chinese, text) for each run of Chinese characters and each token, in order."""
    return [(bool(han), han or token) for han, token in _SEGMENT.findall(normalized)]


def canonical(text: str) -> str:
    """A name or a query as compared for an exact match: its segments, one space between."""
    return " ".join(part for _, part in segments(normalize(text)))


def chinese_keys(word: str) -> tuple[str, ...]:
    n = len(word)
    if n == 1:
        return (word,)
    return tuple(dict.fromkeys(word[i:j] for i in range(n - 1) for j in range(i + 2, min(n, i + MAX_PIECE) + 1)))


def token_keys(token: str) -> tuple[str, ...]:
    if len(token) == 1:
        return (token,)
    return tuple(token[:j] for j in range(2, min(len(token), MAX_PREFIX) + 1))


def saturation_level(weighted: float) -> int:
    """BM25's saturation of a weighted count, quantised to 1..LEVELS."""
    saturated = weighted * (K1 + 1) / (weighted + K1)
    return max(1, min(LEVELS, round(saturated / (K1 + 1) * LEVELS)))


def posting_code(counts: dict[str, int], body_words: int) -> int:
    """A key's code on a page from its count in each field: about × 32 + q."""
    norm = 1 - B_BODY + B_BODY * body_words / BODY_REFERENCE_WORDS
    weighted = sum(FIELD_WEIGHTS[f] * c / (norm if f == "body" else 1) for f, c in counts.items())
    about = any(counts.get(f) for f in ABOUT_FIELDS)
    return 32 * about + saturation_level(weighted)


def idf(df: int, docs: int) -> int:
    """Inverse page frequency, ×1000 as an integer (the reader computes the same)."""
    return round(1000 * math.log(1 + (docs - df + 0.5) / (df + 0.5)))


def atom_score(code: int, df: int, docs: int) -> int:
    return (ABOUT_BONUS if code >= 32 else 0) + idf(df, docs) * (code & 31)


def word_keys(word: str) -> tuple[str, ...]:
    """The keys of a Chinese word or of a token (their characters never mix)."""
    return chinese_keys(word) if _HAN_START.match(word) else token_keys(word)


def page_keys(field_counts: dict[str, dict[str, int]]) -> dict[str, int]:
    """Every key of a page and its code, from each field's words and tokens (normalised) with
    their counts. What the index computes for every page at once (postings.py), for one page."""
    counts: dict[str, Counter] = {}
    for field in FIELDS:
        per_key: Counter = Counter()
        for word, n in field_counts.get(field, {}).items():
            for key in word_keys(word):
                per_key[key] += n
        counts[field] = per_key
    body_words = sum(field_counts.get("body", {}).values())
    body = counts.pop("body")
    # A key only in the body: its code depends on its count alone.
    by_count = _BodyCodes(body_words)
    codes = dict(zip(body.keys(), map(by_count.__getitem__, body.values())))
    for key in {key: None for per_key in counts.values() for key in per_key}:
        found = {field: per_key[key] for field, per_key in counts.items() if key in per_key}
        if key in body:
            found["body"] = body[key]
        codes[key] = posting_code(found, body_words)
    return codes


class _BodyCodes(dict):
    """count → the code of a key seen that many times in the body alone, made on first use."""

    def __init__(self, body_words: int) -> None:
        super().__init__()
        self.body_words = body_words

    def __missing__(self, n: int) -> int:
        code = self[n] = posting_code({"body": n}, self.body_words)
        return code
