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


# Proper and common nouns; jieba's part-of-speech tags (nr person, ns place, nt organisation, nz other).
_NOUNS = ("nr", "nrt", "ns", "nt", "nz", "n", "vn")


def discover_terms(articles: list[Article], terms: list[Term], tokenizer=None, limit: int = 60) -> list[Candidate]:
    """Candidates ranked by mentions × rarity (jieba's IDF), so that names beat everyday words."""
    import jieba.analyse
    import jieba.posseg

    known = {name.casefold() for term in terms for name in term.all_names}
    texts = ["\n".join(b.text for b in a.blocks) for a in articles]
    corpus = "\n".join(texts)
    extractor = jieba.analyse.TFIDF()
    if tokenizer is not None:  # the glossary-aware segmenter keeps known terms whole (扎克伯格, not 扎克 + 伯格)
        extractor.tokenizer = tokenizer
        extractor.postokenizer = jieba.posseg.POSTokenizer(tokenizer)
    found: dict[str, str] = {}
    for match in _LATIN_NAME.finditer(corpus):
        found.setdefault(match.group(), "拉丁名")
    for word in extractor.extract_tags(corpus, topK=limit * 3, allowPOS=_NOUNS):
        if re.fullmatch(r"[\u3400-\u9fff]{2,}", word) and word not in _STOP:
            found.setdefault(word, "中文（TF-IDF）")
    candidates = []
    for name, kind in found.items():
        if name.casefold() in known or len(name) < 2 or any(name in k for k in known):
            continue
        counts = [text.count(name) for text in texts]
        if sum(counts) >= 2:
            candidates.append(Candidate(name, sum(counts), sum(1 for c in counts if c), kind))
    rarity = lambda c: extractor.idf_freq.get(c.name, extractor.median_idf)  # noqa: E731
    candidates.sort(key=lambda c: (-c.count * rarity(c), c.name))
    return candidates[:limit]
