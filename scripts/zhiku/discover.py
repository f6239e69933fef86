"""Term discovery: candidate terms found in the articles that the glossary does not have yet."""
from __future__ import annotations

import hashlib
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


# Part-of-speech tagging reads some 30,000 characters a second: TF-IDF runs on a sample of the
# articles this size, and the candidates it finds are then counted in every article.
SAMPLE_CHARS = 60_000
# Proper and common nouns; jieba's part-of-speech tags (nr person, ns place, nt organisation, nz other).
_NOUNS = ("nr", "nrt", "ns", "nt", "nz", "n", "vn")


def sample_articles(articles: list[Article]) -> list[Article]:
    """About SAMPLE_CHARS of text, chosen by a hash of each article's path: editing one article does not
    change which others are in the sample, so the sample's cached TF-IDF result usually stays valid."""
    total = sum(len(b.text) for a in articles for b in a.blocks)
    step = max(1, round(total / SAMPLE_CHARS))
    return [a for a in articles if int(hashlib.sha256(a.source_path.encode()).hexdigest()[:8], 16) % step == 0]


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
                   store=None) -> list[Candidate]:
    """Candidates ranked by mentions × rarity (jieba's IDF), so that names beat everyday words.

    `get_tokenizer()` gives the glossary-aware jieba; it is called only when the sample's TF-IDF
    is not in `store` (a cache.JsonStore), as building it takes a second.
    """
    known = {name.casefold() for term in terms for name in term.all_names}
    texts = ["\n".join(b.text for b in a.blocks) for a in articles]
    sample = "\n".join("\n".join(b.text for b in a.blocks) for a in sample_articles(articles))
    digest = hashlib.sha256(sample.encode("utf-8"))
    digest.update("\0".join(sorted(n for t in terms for n in t.all_names)).encode("utf-8"))
    key = digest.hexdigest()
    rarity = store.get(key) if store is not None else None
    if rarity is None:
        rarity = chinese_candidates(sample, get_tokenizer(), limit)
        if store is not None:
            store.put(key, rarity)
    found = {match.group(): "拉丁名" for match in _LATIN_NAME.finditer("\n".join(texts))}
    for word in rarity:
        if word:
            found.setdefault(word, "中文（TF-IDF）")
    found = {name: kind for name, kind in sorted(found.items())
             if name.casefold() not in known and len(name) >= 2 and not any(name in k for k in known)}
    mentions, holders = _count(found, texts)
    candidates = [Candidate(name, mentions[name], holders[name], kind)
                  for name, kind in found.items() if mentions[name] >= 2]
    candidates.sort(key=lambda c: (-c.count * rarity.get(c.name, rarity[""]), c.name))
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
