"""Term discovery: candidate terms found in the articles that the glossary does not have yet."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from ..cache.step import Cache, Step
from ..cache.sums import SiteSum
from ..chars import HAN
from ..extract.facts import facts_of
from ..link.matcher import TermMatcher
from ..model import Article, Term
from ..read.ingest import EXTRACT, content_identity, extraction_results, with_body

_STOP = {"这个", "一个", "没有", "他们", "我们", "可以", "但是", "因为", "所以", "不是", "就是", "还是", "已经"}


@dataclass(frozen=True)
class Candidate:
    name: str
    count: int  # mentions in all articles
    articles: int
    kind: str  # "中文（TF-IDF）" or "拉丁名"


# Part-of-speech tagging reads some 30,000 characters a second: TF-IDF runs on a sample of the
# articles this size, and the candidates it finds are then counted in every article.
SAMPLE_CHARS = 60_000
# Proper and common nouns; jieba's part-of-speech tags (nr person, ns place, nt organisation, nz other).
_NOUNS = ("nr", "nrt", "ns", "nt", "nz", "n", "vn")
_HAN_WORD = re.compile(f"[{HAN}]{{2,}}")


def sample_articles(articles: list[Article]) -> list[Article]:
    """About SAMPLE_CHARS of text: the articles first in the order of a hash of their paths. Adding,
    editing or removing an article changes the sample only when that article is in it (about one
    chance in a thousand on a large site), so the sample's cached TF-IDF, and the words it sends
    counting through every article, usually stay as they were."""
    ranked = sorted(articles, key=lambda a: (hashlib.sha256(a.source_path.encode()).digest(), a.source_path))
    sample, size = [], 0
    for article in ranked:
        if size >= SAMPLE_CHARS:
            break
        sample.append(article)
        size += facts_of(article).chars
    return sorted(sample, key=lambda a: a.source_path)


def chinese_candidates(text: str, tokenizer, limit: int) -> dict[str, float]:
    """Chinese nouns ranked by TF-IDF in `text`, with their IDF (rarity)."""
    import jieba.analyse
    import jieba.posseg

    # jieba's own TF-IDF extractor and tagger, pointed at the glossary-aware segmenter (扎克伯格, not
    # 扎克 + 伯格) for this call: new ones would load the IDF table and the tag dictionary again.
    extractor = jieba.analyse.default_tfidf
    tagger = jieba.posseg.dt
    saved = extractor.tokenizer, tagger.tokenizer
    if tokenizer is not None:
        extractor.tokenizer = tagger.tokenizer = tokenizer
    extractor.postokenizer = tagger
    try:
        words = [w for w in extractor.extract_tags(text, topK=limit * 3, allowPOS=_NOUNS)
                 if _HAN_WORD.fullmatch(w) and w not in _STOP]
    finally:
        extractor.tokenizer, tagger.tokenizer = saved
    return {"": extractor.median_idf, **{w: extractor.idf_freq.get(w, extractor.median_idf) for w in words}}


def _sample_rarity(sample: tuple[Article, ...], context: tuple[TermMatcher, int]) -> dict[str, float]:
    matcher, limit = context
    return chinese_candidates("\n".join(_text(a) for a in sample), matcher.tokenizer, limit)


def _with_bodies(sample: tuple[Article, ...], cache: Cache) -> tuple[Article, ...]:
    return tuple(with_body(a, cache) for a in sample)


def _count_words(article: Article, automaton) -> dict[str, int]:
    """Mentions of the words sought (substrings: Chinese has no spaces), one pass over the text."""
    return dict(sorted(Counter(word for _, word in automaton.iter(_text(article))).items()))


def _latin_names(extraction: dict) -> dict[str, list[int]]:
    return {name: [count, 1] for name, count in extraction["body"]["latin_names"].items()}


def _word_counts(counts: dict[str, int]) -> dict[str, list[int]]:
    return {word: [count, 1] for word, count in counts.items()}


SAMPLE_RARITY = Step("discovery-sample", _sample_rarity, prepare=_with_bodies)
WORD_COUNTS = Step("discovery-counts", _count_words, prepare=with_body)
LATIN_NAMES = SiteSum("discovery-latin-names", EXTRACT, _latin_names, body=True)
CHINESE_WORDS = SiteSum("discovery-chinese-words", WORD_COUNTS, _word_counts)


def discover_terms(cache: Cache, articles: list[Article], terms: list[Term], matcher: TermMatcher, limit: int = 60,
                   jobs: int | None = None) -> list[Candidate]:
    """Candidates ranked by mentions × rarity (jieba's IDF), so that names beat everyday words.

    The sample's TF-IDF is worked out with the glossary-aware jieba (`matcher.tokenizer`, built only
    then: it takes a second). Latin names are added up from each article's facts, Chinese words
    counted in each article; both sums are kept between builds (cache/sums.py).
    """
    known = {name.casefold() for term in terms for name in term.all_names}
    sample = tuple(sample_articles(articles))
    names = sorted(n for t in terms for n in t.all_names)
    [rarity] = SAMPLE_RARITY.run(cache, [sample], [SAMPLE_RARITY.key(*map(content_identity, sample), "\0", *names)],
                                 context=(matcher, limit))
    latin = LATIN_NAMES.total(cache, [content_identity(a) for a in articles], extraction_results(articles))
    mentions = Counter({name: count for name, (count, _) in latin.items()})
    holders = Counter({name: held for name, (_, held) in latin.items()})
    found = dict.fromkeys(mentions, "拉丁名")
    for word in rarity:
        if word:
            found.setdefault(word, "中文（TF-IDF）")
    found = {name: kind for name, kind in sorted(found.items())
             if name.casefold() not in known and len(name) >= 2 and not any(name in k for k in known)}
    chinese = [name for name, kind in found.items() if kind != "拉丁名"]
    if chinese and articles:
        words_key = hashlib.sha256("\0".join(chinese).encode("utf-8")).hexdigest()
        count_keys = [WORD_COUNTS.key(words_key, content_identity(a)) for a in articles]
        automaton = _automaton(chinese)

        def counts(indexes: list[int]) -> list[dict]:  # only the articles the sum has not counted yet
            return WORD_COUNTS.run(cache, [articles[i] for i in indexes], [count_keys[i] for i in indexes],
                                   context=automaton, jobs=jobs)

        for word, (count, held) in CHINESE_WORDS.total(cache, count_keys, counts).items():
            mentions[word], holders[word] = count, held
    candidates = [Candidate(name, mentions[name], holders[name], kind)
                  for name, kind in found.items() if mentions[name] >= 2]
    candidates.sort(key=lambda c: (-c.count * rarity.get(c.name, rarity[""]), c.name))
    return candidates[:limit]


def _text(article: Article) -> str:
    return "\n".join(b.text for b in article.blocks)


class _Automaton:
    """The words sought as one Aho-Corasick automaton, made in the process that counts (not sent)."""

    def __init__(self, words: list[str]) -> None:
        self.words, self._automaton = words, None

    def __reduce__(self):
        return type(self), (self.words,)

    def iter(self, text: str):
        if self._automaton is None:
            import ahocorasick

            self._automaton = ahocorasick.Automaton()
            for word in self.words:
                self._automaton.add_word(word, word)
            self._automaton.make_automaton()
        return self._automaton.iter(text)


def _automaton(words: list[str]) -> _Automaton:
    return _Automaton(words)
