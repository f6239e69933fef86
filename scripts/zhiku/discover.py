"""Term discovery: candidate terms found in the articles that the glossary does not have yet."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Article, Term

# Latin names as the articles write them: TikTok, Facebook, Reels, Quest3, Horizon Worlds, Hugging Face.
_LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]*[a-z][A-Za-z]*\d*(?: [A-Z][A-Za-z]*[a-z][A-Za-z]*\d*)*(?![A-Za-z0-9])")
_STOP = {"这个", "一个", "没有", "他们", "我们", "可以", "但是", "因为", "所以", "不是", "就是", "还是", "已经"}


@dataclass(frozen=True)
class Candidate:
    name: str
    count: int  # mentions in all articles
    articles: int
    kind: str  # "中文（TF-IDF）" or "拉丁名"


# Part-of-speech tagging reads about 100,000 characters a second: TF-IDF runs on an even sample of
# the articles this size, and the candidates it finds are then counted in every article.
SAMPLE_CHARS = 300_000
# Proper and common nouns; jieba's part-of-speech tags (nr person, ns place, nt organisation, nz other).
_NOUNS = ("nr", "nrt", "ns", "nt", "nz", "n", "vn")


def discover_terms(articles: list[Article], terms: list[Term], tokenizer=None, limit: int = 60) -> list[Candidate]:
    """Candidates ranked by mentions × rarity (jieba's IDF), so that names beat everyday words."""
    import jieba.analyse
    import jieba.posseg

    known = {name.casefold() for term in terms for name in term.all_names}
    texts = ["\n".join(b.text for b in a.blocks) for a in articles]
    corpus = "\n".join(texts)
    step = max(1, round(len(corpus) / SAMPLE_CHARS))
    sample = "\n".join(texts[::step])
    extractor = jieba.analyse.TFIDF()
    if tokenizer is not None:  # the glossary-aware segmenter keeps known terms whole (扎克伯格, not 扎克 + 伯格)
        extractor.tokenizer = tokenizer
        extractor.postokenizer = jieba.posseg.POSTokenizer(tokenizer)
    found: dict[str, str] = {}
    for match in _LATIN_NAME.finditer(corpus):
        found.setdefault(match.group(), "拉丁名")
    for word in extractor.extract_tags(sample, topK=limit * 3, allowPOS=_NOUNS):
        if re.fullmatch(r"[\u3400-\u9fff]{2,}", word) and word not in _STOP:
            found.setdefault(word, "中文（TF-IDF）")
    found = {name: kind for name, kind in found.items()
             if name.casefold() not in known and len(name) >= 2 and not any(name in k for k in known)}
    mentions, holders = _count(found, texts)
    candidates = [Candidate(name, mentions[name], holders[name], kind)
                  for name, kind in found.items() if mentions[name] >= 2]
    rarity = lambda c: extractor.idf_freq.get(c.name, extractor.median_idf)  # noqa: E731
    candidates.sort(key=lambda c: (-c.count * rarity(c), c.name))
    return candidates[:limit]


def _count(names, texts: list[str]) -> tuple[Counter, Counter]:
    """Mentions of each name in all texts, and the number of texts that hold it: one pass per text."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, name)
    mentions, holders = Counter(), Counter()
    if not names:
        return mentions, holders
    automaton.make_automaton()
    for text in texts:
        seen = Counter(name for _, name in automaton.iter(text))
        mentions.update(seen)
        holders.update(seen.keys())
    return mentions, holders
