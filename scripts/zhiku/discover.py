"""Term discovery: candidate terms found in the articles that the glossary does not have yet."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from .facts import facts_of
from .model import Article, Term
from .sums import SiteSums

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
                 if re.fullmatch(r"[\u3400-\u9fff]{2,}", w) and w not in _STOP]
    finally:
        extractor.tokenizer, tagger.tokenizer = saved
    return {"": extractor.median_idf, **{w: extractor.idf_freq.get(w, extractor.median_idf) for w in words}}


def discover_terms(articles: list[Article], terms: list[Term], get_tokenizer=lambda: None, limit: int = 60,
                   store=None, memo=None, jobs: int | None = None, sums: SiteSums | None = None) -> list[Candidate]:
    """Candidates ranked by mentions × rarity (jieba's IDF), so that names beat everyday words.

    `get_tokenizer()` gives the glossary-aware jieba; it is called only when the sample's TF-IDF
    is not in `store` (a cache.JsonStore), as building it takes a second. Latin names are counted
    from each article's facts; Chinese words by scanning the bodies, remembered per article in
    `memo` (a cache.Memo) for as long as the words sought stay the same. Both are added up in
    `sums` (sums.py): after a small change, only the articles new or gone are.
    """
    known = {name.casefold() for term in terms for name in term.all_names}
    sampled = sample_articles(articles)
    # The sample's TF-IDF is cached by what the sample holds: the pages' extraction keys when it has
    # them (no need to read the bodies), else the text.
    if all(a.content_key for a in sampled):
        digest = hashlib.sha256("\0".join(a.content_key for a in sampled).encode())
    else:
        digest = hashlib.sha256("\n".join(_text(a) for a in sampled).encode("utf-8"))
    digest.update("\0".join(sorted(n for t in terms for n in t.all_names)).encode("utf-8"))
    key = digest.hexdigest()
    rarity = store.get(key) if store is not None else None
    if rarity is None:
        rarity = chinese_candidates("\n".join(_text(a) for a in sampled), get_tokenizer(), limit)
        if store is not None:
            store.put(key, rarity)
    sums = sums or SiteSums()
    latin = sums.total("latin names", articles, _latin_names)  # from the facts
    mentions = Counter({name: count for name, (count, _) in latin.items()})
    holders = Counter({name: held for name, (_, held) in latin.items()})
    found = dict.fromkeys(mentions, "拉丁名")
    for word in rarity:
        if word:
            found.setdefault(word, "中文（TF-IDF）")
    found = {name: kind for name, kind in sorted(found.items())
             if name.casefold() not in known and len(name) >= 2 and not any(name in k for k in known)}
    chinese = [name for name, kind in found.items() if kind != "拉丁名"]
    if chinese:
        def chinese_parts(some: list[Article]):
            for counts in _chinese_counts(chinese, some, memo, jobs):
                yield {word: [count, 1] for word, count in zip(chinese, counts) if count}

        words_key = hashlib.sha256("\0".join(chinese).encode("utf-8")).hexdigest()[:16]
        for word, (count, held) in sums.total(f"chinese words {words_key}", articles, chinese_parts).items():
            mentions[word], holders[word] = count, held
    candidates = [Candidate(name, mentions[name], holders[name], kind)
                  for name, kind in found.items() if mentions[name] >= 2]
    candidates.sort(key=lambda c: (-c.count * rarity.get(c.name, rarity[""]), c.name))
    return candidates[:limit]


def _text(article: Article) -> str:
    return "\n".join(b.text for b in article.blocks)


def _latin_names(articles: list[Article]):
    for article in articles:
        yield {name: [count, 1] for name, count in facts_of(article).latin_names.items()}


def _chinese_counts(words: list[str], articles: list[Article], memo=None, jobs: int | None = None) -> list[list[int]]:
    """Each article's mentions of each of `words` (substrings: Chinese has no spaces), one pass per
    text, on every core; remembered in `memo` by the words sought and the article's extraction key."""
    from .parallel import parallel_map

    if not words or not articles:
        return []
    words_key = hashlib.sha256("\0".join(words).encode("utf-8")).hexdigest()[:16]
    keys = [f"{words_key}:{a.content_key}" if a.content_key else None for a in articles]
    counts = [memo.get(key) if memo is not None and key else None for key in keys]
    todo = [i for i, found in enumerate(counts) if found is None]
    for i, found in zip(todo, parallel_map(_count_words_at, todo, jobs=jobs, setup=_counting_state,
                                           setup_args=(words, articles))):
        counts[i] = found
        if memo is not None and keys[i]:
            memo.put(keys[i], found)
    return counts


def _counting_state(words: list[str], articles: list[Article]) -> tuple:
    """In each worker: the words as one Aho-Corasick automaton; the articles came with the worker."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return words, articles, automaton


def _count_words_at(index: int) -> list[int]:
    from .parallel import worker_state

    words, articles, automaton = worker_state()
    found = Counter(word for _, word in automaton.iter(_text(articles[index])))
    return [found[word] for word in words]
